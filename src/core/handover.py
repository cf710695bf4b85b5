"""Handover to a person: live in office hours, a ticket on the queue outside them.

The engine calls `HandoverService.request` when a resident asks for a person,
accepts the offer after repeated misses, or matches an intent marked
`handover`. In office hours the conversation becomes WAITING for the team and a
delayed timeout check is scheduled; staff claim it through the staff API.
Outside office hours (or when the live wait timed out) a short sub-dialogue
asks consent and a contact way, kept in `conversation.state["handover_flow"]`,
and then hands a `Ticket` to the ticket intake (`core.tickets`).

The service only changes the `Conversation` it is given; the caller saves it.
A ticket is sent before the conversation records it, so a failed send leaves
no trace of a ticket that does not exist.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Protocol

from .clock import Clock, now
from .errors import Conflict, NotFound, ServiceUnavailable, VersionConflict
from .ids import new_id
from .kb.models import Tenant
from .models import (
    Button,
    Channel,
    Conversation,
    DailyCounters,
    Handover,
    HandoverStatus,
    InboundKind,
    InboundMessage,
    ReplyMessage,
    Role,
    Ticket,
    TranscriptEntry,
)
from .opening_hours import AMSTERDAM, OpeningHours, format_moment
from .ports import ConversationStore, HandoverTimeouts, TicketQueue

log = logging.getLogger(__name__)

FLOW_KEY = "handover_flow"
YES_PAYLOAD = "handover:yes"
NO_PAYLOAD = "handover:no"
MAX_CONTACT_TRIES = 3
MAX_TIMEOUT_DELAY = 900  # SQS DelaySeconds upper bound
SUMMARY_ENTRIES = 12
SUMMARY_ENTRY_CHARS = 300
ACTIVE = (HandoverStatus.WAITING, HandoverStatus.LIVE)

# Everything a resident reads: B1 Dutch first, English second.
TEXTS: dict[str, dict[str, str]] = {
    "live": {
        "nl": "Ik zoek een medewerker van {team} voor u. Blijf in dit gesprek. U krijgt hier antwoord. "
        "Is er binnen {minutes} minuten niemand vrij? Dan vraag ik of we u later mogen bellen of mailen.",
        "en": "I am looking for someone from {team} to help you. Please stay in this chat; the answer will "
        "appear here. If nobody is free within {minutes} minutes, I will ask if we may call or e-mail you later.",
    },
    "already_waiting": {
        "nl": "U wacht al op een medewerker. Blijf in dit gesprek, dan krijgt u hier antwoord.",
        "en": "You are already waiting for a member of staff. Please stay in this chat.",
    },
    "already_queued": {
        "nl": "Uw vraag staat al klaar voor een medewerker. U hoort van ons op {moment}.",
        "en": "Your question is already waiting for a member of staff. We will contact you on {moment}.",
    },
    "closed_now": {
        "nl": "Er is nu geen medewerker aanwezig. We zijn er weer op {moment}.",
        "en": "There is nobody from our staff here right now. We are back on {moment}.",
    },
    "nobody_free": {
        "nl": "Er is op dit moment geen medewerker vrij.",
        "en": "No member of staff is free at the moment.",
    },
    "consent": {
        "nl": "Wilt u dat een medewerker van {team} contact met u opneemt?",
        "en": "Would you like someone from {team} to contact you?",
    },
    "consent_whatsapp": {
        "nl": "Wilt u dat een medewerker van {team} contact met u opneemt via dit WhatsApp-nummer?",
        "en": "Would you like someone from {team} to contact you on this WhatsApp number?",
    },
    "ask_contact": {
        "nl": "Hoe kunnen we u bereiken? Typ uw telefoonnummer of e-mailadres.",
        "en": "How can we reach you? Please type your phone number or e-mail address.",
    },
    "invalid_contact": {
        "nl": "Dat is geen telefoonnummer of e-mailadres dat ik herken. Bijvoorbeeld: 06 12345678 of naam@voorbeeld.nl.",
        "en": "I do not recognise that as a phone number or e-mail address. For example: 06 12345678 or name@example.com.",
    },
    "queued": {
        "nl": "Dank u. Een medewerker van {team} neemt contact met u op: {moment}.",
        "en": "Thank you. Someone from {team} will contact you: {moment}.",
    },
    "declined": {
        "nl": "Goed. U kunt mij gewoon een andere vraag stellen.",
        "en": "All right. You can ask me another question.",
    },
    "send_failed": {
        "nl": "Het lukt nu niet om uw vraag door te sturen. Er is niets opgeslagen. Probeer het later nog eens.",
        "en": "I cannot pass on your question right now. Nothing was saved. Please try again later.",
    },
    "no_opening": {
        "nl": "Ik kan nu geen afspraak maken voor contact met een medewerker.",
        "en": "I cannot arrange contact with a member of staff right now.",
    },
    "team_contact": {
        "nl": "U kunt {team} ook zelf bereiken: {ways}.",
        "en": "You can also contact {team} yourself: {ways}.",
    },
    "yes": {"nl": "Ja, graag", "en": "Yes, please"},
    "no": {"nl": "Nee, dank u", "en": "No, thank you"},
}

_YES = {"ja", "yes", "graag", "ja graag", "ok", "oke", "oké", "okay", "prima", "goed", "is goed", "jazeker",
        "zeker", "doe maar", "yes please", "sure", "j", "y", "ja hoor", "ja, graag", "ja dank u", "ja dank je"}
_NO = {"nee", "no", "nee dank u", "nee dank je", "nee bedankt", "no thanks", "no thank you", "liever niet",
       "niet nodig", "hoeft niet", "stop", "n", "nope", "nee hoor", "laat maar"}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE | re.UNICODE)


def say(key: str, language: str, **values: Any) -> str:
    texts = TEXTS[key]
    return texts.get(language, texts["nl"]).format(**values)


def resolve_team(tenant: Tenant, team: str | None) -> str:
    """The intent's team when the tenant has it, else the tenant's default team."""
    return team if team is not None and team in tenant.teams else tenant.default_team


def team_name(tenant: Tenant, team: str, language: str) -> str:
    return tenant.teams[team].name.get(language)


def team_contact_text(tenant: Tenant, team: str, language: str) -> str | None:
    info = tenant.teams[team]
    ways = [way for way in (info.phone, info.email) if way]
    if not ways:
        return None
    joiner = " of " if language == "nl" else " or "
    return say("team_contact", language, team=team_name(tenant, team, language), ways=joiner.join(ways))


def answer_kind(message: InboundMessage) -> bool | None:
    """True for yes, False for no, None when the message is neither."""
    if message.kind == InboundKind.BUTTON and message.payload in (YES_PAYLOAD, NO_PAYLOAD):
        return message.payload == YES_PAYLOAD
    text = re.sub(r"[^\w\s,é]", "", message.text.lower()).strip()
    text = re.sub(r"\s+", " ", text)
    if text in _YES:
        return True
    if text in _NO:
        return False
    first = text.replace(",", " ").split(" ", 1)[0] if text else ""
    if first in ("ja", "yes"):
        return True
    if first in ("nee", "no"):
        return False
    return None


def parse_contact(text: str) -> tuple[str, str] | None:
    """(contact, kind) from free text: a valid phone number (region NL, stored
    as E.164) or an e-mail address; None when there is neither."""
    email = _EMAIL.search(text)
    if email:
        return email.group(0), "email"
    import phonenumbers  # on first use: 15-25 ms of every cold start otherwise

    for match in phonenumbers.PhoneNumberMatcher(text, "NL"):
        if phonenumbers.is_valid_number(match.number):
            return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164), "phone"
    return None


def transcript_summary(conversation: Conversation) -> str:
    """The last turns, already redacted when they were stored, for the ticket."""
    labels = {Role.RESIDENT: "Inwoner", Role.BOT: "Bot", Role.STAFF: "Medewerker", Role.SYSTEM: "Systeem"}
    lines = []
    for entry in conversation.transcript[-SUMMARY_ENTRIES:]:
        text = " ".join(entry.text.split())
        if len(text) > SUMMARY_ENTRY_CHARS:
            text = text[: SUMMARY_ENTRY_CHARS - 1] + "…"
        lines.append(f"{labels[entry.role]}: {text}")
    return "\n".join(lines)


def last_intent(conversation: Conversation) -> str | None:
    for entry in reversed(conversation.transcript):
        if entry.intent:
            return entry.intent
    return None


def append_entries(conversation: Conversation, role: Role, messages: list[ReplyMessage], at: datetime,
                   author: str | None = None) -> None:
    """Record messages the resident receives outside their own turn (timeouts,
    staff replies): the chat poll and the staff view read them from the transcript."""
    for message in messages:
        conversation.transcript.append(
            TranscriptEntry(seq=conversation.next_seq(), role=role, at=at, text=message.text,
                            links=list(message.links), buttons=list(message.buttons), author=author)
        )
    conversation.updated_at = at


def _local_day(moment: datetime) -> Any:
    return moment.astimezone(AMSTERDAM).date()


class _Knowledge(Protocol):
    tenant: Tenant


@dataclass
class HandoverService:
    tickets: TicketQueue
    timeouts: HandoverTimeouts
    clock: Clock = now

    # -- called by the engine --------------------------------------------------

    def request(self, conversation: Conversation, knowledge: _Knowledge, *, team: str | None,
                reason: str) -> list[ReplyMessage]:
        tenant = knowledge.tenant
        language = conversation.language
        team_id = resolve_team(tenant, team)
        current = conversation.handover
        if current is not None and current.status in ACTIVE:
            return [ReplyMessage(text=say("already_waiting", language))]
        moment = self.clock()
        if (current is not None and current.status == HandoverStatus.QUEUED and current.expected_contact_at
                and _local_day(current.expected_contact_at) >= _local_day(moment)):
            # One callback per question: a ticket from an earlier day is history, a new request may follow.
            when = format_moment(current.expected_contact_at, language)
            return [ReplyMessage(text=say("already_queued", language, moment=when))]

        hours = OpeningHours.from_tenant(tenant)
        if hours.is_open(moment):
            delay = min(tenant.live_handover_limit_minutes * 60, MAX_TIMEOUT_DELAY)
            try:
                self.timeouts.schedule(tenant.slug, conversation.id, moment, delay)
            except ServiceUnavailable:
                # Without a timeout a resident could wait forever: offer a callback instead.
                log.warning("handover timeout could not be scheduled; offering a ticket", exc_info=True)
                return self._start_dialogue(conversation, tenant, team_id, reason, intro="nobody_free")
            conversation.state.pop(FLOW_KEY, None)
            conversation.handover = Handover(status=HandoverStatus.WAITING, team=team_id, reason=reason,
                                             requested_at=moment)
            return [ReplyMessage(text=say("live", language, team=team_name(tenant, team_id, language),
                                          minutes=tenant.live_handover_limit_minutes))]
        return self._start_dialogue(conversation, tenant, team_id, reason, intro="closed_now")

    def continue_dialogue(self, conversation: Conversation, knowledge: _Knowledge,
                          message: InboundMessage) -> list[ReplyMessage] | None:
        flow = conversation.state.get(FLOW_KEY)
        if not flow:
            return None
        tenant = knowledge.tenant
        language = conversation.language
        team_id = resolve_team(tenant, flow.get("team"))
        answer = answer_kind(message)
        if flow.get("step") == "consent":
            if answer is None:
                # Another question: drop the offer and let the engine answer it.
                conversation.state.pop(FLOW_KEY, None)
                return None
            if answer is False:
                return self._end_dialogue(conversation, tenant, team_id, "declined")
            if message.channel == Channel.WHATSAPP and message.channel_contact:
                return self._queue_ticket(conversation, tenant, flow, message.channel_contact, "whatsapp")
            flow["step"] = "contact"
            return [ReplyMessage(text=say("ask_contact", language))]

        if answer is False:
            return self._end_dialogue(conversation, tenant, team_id, "declined")
        found = parse_contact(message.text)
        if found is not None:
            return self._queue_ticket(conversation, tenant, flow, *found)
        flow["tries"] = int(flow.get("tries", 0)) + 1
        if flow["tries"] >= MAX_CONTACT_TRIES:
            return self._end_dialogue(conversation, tenant, team_id, "invalid_contact")
        return [ReplyMessage(text=say("invalid_contact", language))]

    # -- called when a live handover was not claimed in time ------------------

    def expire(self, conversation: Conversation, knowledge: _Knowledge, requested_at: datetime) -> list[ReplyMessage]:
        """Turn an unclaimed WAITING handover into the callback offer and record
        the offer in the transcript. Returns the messages (empty when the
        handover was claimed, closed or re-requested meanwhile)."""
        current = conversation.handover
        if (current is None or current.status != HandoverStatus.WAITING
                or current.requested_at != requested_at):
            return []
        conversation.handover = None  # leaves the staff queue (sparse index key removed)
        messages = self._start_dialogue(conversation, knowledge.tenant, current.team, current.reason,
                                        intro="nobody_free")
        append_entries(conversation, Role.BOT, messages, self.clock())
        return messages

    # -- the sub-dialogue ------------------------------------------------------

    def _start_dialogue(self, conversation: Conversation, tenant: Tenant, team_id: str, reason: str,
                        *, intro: str) -> list[ReplyMessage]:
        language = conversation.language
        moment = self.clock()
        contact_at = OpeningHours.from_tenant(tenant).contact_moment(moment)
        if contact_at is None:
            conversation.state.pop(FLOW_KEY, None)
            return self._with_team_contact([ReplyMessage(text=say("no_opening", language))], tenant, team_id, language)
        if intro == "closed_now":
            first = say("closed_now", language, moment=format_moment(contact_at, language))
        else:
            first = say(intro, language)
        conversation.state[FLOW_KEY] = {"step": "consent", "team": team_id, "reason": reason, "tries": 0}
        question_key = "consent_whatsapp" if conversation.channel == Channel.WHATSAPP else "consent"
        question = say(question_key, language, team=team_name(tenant, team_id, language))
        buttons = [Button(title=say("yes", language), payload=YES_PAYLOAD),
                   Button(title=say("no", language), payload=NO_PAYLOAD)]
        return [ReplyMessage(text=f"{first} {question}", buttons=buttons)]

    def _end_dialogue(self, conversation: Conversation, tenant: Tenant, team_id: str, key: str) -> list[ReplyMessage]:
        conversation.state.pop(FLOW_KEY, None)
        language = conversation.language
        return self._with_team_contact([ReplyMessage(text=say(key, language))], tenant, team_id, language)

    def _with_team_contact(self, messages: list[ReplyMessage], tenant: Tenant, team_id: str,
                           language: str) -> list[ReplyMessage]:
        extra = team_contact_text(tenant, team_id, language)
        return messages + [ReplyMessage(text=extra)] if extra else messages

    def _queue_ticket(self, conversation: Conversation, tenant: Tenant, flow: dict[str, Any], contact: str,
                      kind: str) -> list[ReplyMessage]:
        language = conversation.language
        team_id = resolve_team(tenant, flow.get("team"))
        moment = self.clock()
        expected = OpeningHours.from_tenant(tenant).contact_moment(moment)
        if expected is None:
            return self._end_dialogue(conversation, tenant, team_id, "no_opening")
        ticket = Ticket(
            id=new_id(), tenant=tenant.slug, team=team_id, conversation_id=conversation.id,
            channel=conversation.channel, intent=conversation.state.get("topic") or last_intent(conversation),
            language=language,
            summary=transcript_summary(conversation), contact=contact, contact_kind=kind,  # type: ignore[arg-type]
            created_at=moment, expected_contact_at=expected,
        )
        try:
            self.tickets.send(ticket)
        except ServiceUnavailable:
            log.warning("ticket could not be queued", exc_info=True)
            return self._end_dialogue(conversation, tenant, team_id, "send_failed")
        conversation.state.pop(FLOW_KEY, None)
        conversation.contact = contact
        conversation.handover = Handover(
            status=HandoverStatus.QUEUED, team=team_id, reason=str(flow.get("reason", "")), requested_at=moment,
            expected_contact_at=expected, ticket_id=ticket.id,
        )
        text = say("queued", language, team=team_name(tenant, team_id, language),
                   moment=format_moment(expected, language))
        return [ReplyMessage(text=text)]


def update_conversation(store: ConversationStore, tenant: str, conversation_id: str,
                        change: Callable[[Conversation], Any], attempts: int = 4,
                        counters: Callable[[Conversation], DailyCounters | None] | None = None,
                        ) -> tuple[Conversation, Any]:
    """Read, change and conditionally write one conversation, re-reading when
    another writer (the resident's turn, another staff member) won the race.
    `change` must be safe to run again on a fresh copy. `counters` (called after
    `change`) gives daily-aggregate increments written in the same transaction."""
    for _ in range(attempts):
        conversation = store.get(tenant, conversation_id)
        if conversation is None:
            raise NotFound("This conversation does not exist.")
        expected = conversation.version
        result = change(conversation)
        try:
            return store.save(conversation, expected, counters(conversation) if counters else None), result
        except VersionConflict:
            continue
    raise Conflict("The conversation changed too often at the same time; please try again.")


def expire_unclaimed(store: ConversationStore, knowledge: Any, service: HandoverService, tenant: str,
                     conversation_id: str, requested_at: datetime,
                     outbound: Callable[[Conversation, list[ReplyMessage]], None] | None = None) -> list[ReplyMessage]:
    """The handover-timeout use case: when the live handover requested at
    `requested_at` is still WAITING, offer the resident a callback instead
    (recorded in the transcript for the web poll; sent with `outbound` on
    WhatsApp). Returns what the resident was told; [] when nothing changed."""
    current = store.get(tenant, conversation_id)
    if (current is None or current.handover is None or current.handover.status != HandoverStatus.WAITING
            or current.handover.requested_at != requested_at):
        return []  # claimed, closed, erased or re-requested: the later request has its own timeout
    tenant_knowledge = knowledge.get(tenant)
    try:
        saved, messages = update_conversation(
            store, tenant, conversation_id, lambda c: service.expire(c, tenant_knowledge, requested_at))
    except NotFound:
        return []
    if messages and saved.channel == Channel.WHATSAPP and outbound is not None:
        try:
            outbound(saved, messages)
        except Exception:  # noqa: BLE001 - the offer is stored; the resident sees it on their next message
            log.warning("callback offer not delivered on WhatsApp", exc_info=True)
    return messages

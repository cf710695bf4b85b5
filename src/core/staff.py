"""Staff use cases: see waiting and live handovers, claim, reply, close, get
answer suggestions from the knowledge base, and erase a conversation on a
resident's request. Tickets (out-of-hours callbacks) are `core.tickets`.

Every use case takes a `StaffIdentity` built from the token's claims; the
tenant in it is the only tenant the staff member can reach. A conversation of
another tenant is simply not found (the store is keyed by tenant), so ids of
other tenants leak nothing. Teams narrow what a staff member may see within
their tenant ("*" = all teams).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol

from pydantic import Field

from .clock import Clock, now
from .errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from .conversations import append_entries, is_topic, topic_of, update_conversation
from . import report_counters
from .dialogue import contacts
from .dialogue.state import GuideFlow
from .dialogue.handover import MAX_TIMEOUT_DELAY, undo
from .dialogue.texts import Wording
from .effects import DispatchFailed, Effect, EffectDispatcher, schedule_timeout
from .kb.models import Tenant
from .opening_hours import AMSTERDAM
from .models import (
    BotConversation,
    Channel,
    Conversation,
    DailyCounters,
    Handover,
    HandoverStatus,
    Link,
    Model,
    ReplyMessage,
    Role,
    StaffNote,
    TranscriptEntry,
)
from .erasure import Erasure, erase_conversation
from .ports import CannedReplyStore, ConversationStore, OutboundSender, TicketStore
from .privacy import redact
from .staff_texts import COLLEAGUE_HAS_IT, EMPTY_TEXT, NOT_YOUR_TEAM, no_replies_on, too_long

log = logging.getLogger(__name__)

MAX_REPLY_CHARS = 2000
MAX_SUGGESTIONS = 3
MAX_CANNED_SUGGESTIONS = 3
MAX_NAME_CHARS = 80
MAX_NOTE_CHARS = 2000
MAX_NOTES = 50  # per conversation; the oldest go first
BOT_ACTIVE_MINUTES = 30  # "the bot is handling it now": a resident message in the last half hour
LABEL_CHARS = 140  # the first question shown on a queue item
SUGGESTION_MESSAGES = 8  # the resident's last messages that suggestions read
RECENCY_WEIGHT = 0.85  # each older message counts this much less
ANSWERED_TOPIC_SCORE = 0.5  # a topic the bot already answered in this conversation
PAYLOAD_TEXT = re.compile(r"^(intent|followup|feedback|handover|choice):[a-z0-9-]+$")
ROLES = ("kcc", "editor", "admin")  # contact-centre work, knowledge-base editing, tenant administration
PLATFORM = "*"  # custom:tenant of the operator's accounts: the admin API for every tenant, no staff routes

ACTIVE = (HandoverStatus.WAITING, HandoverStatus.LIVE)


def closing_notice(language: str, tenant: Tenant | None = None) -> str:
    """What the resident reads when a member of staff ends a live handover (the
    tenant's own wording when it has one)."""
    return Wording(language, tenant.texts if tenant is not None else None)("closed")


@dataclass(frozen=True)
class StaffIdentity:
    subject: str
    tenant: str  # PLATFORM for the operator's accounts
    teams: frozenset[str] | None  # None: every team of the tenant
    roles: frozenset[str] = frozenset({"kcc"})
    name: str | None = None  # display name from the token (`name`, else given and family name, else e-mail)

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any] | None) -> "StaffIdentity":
        """From JWT claims: {"sub", "custom:tenant", "custom:teams": "*" or "a,b",
        "custom:roles": "kcc,editor,admin" (kcc when absent; unknown roles are ignored)}."""
        claims = claims or {}
        subject = str(claims.get("sub") or "").strip()
        if not subject:
            raise Unauthorized("Sign in as a member of staff.")
        tenant = str(claims.get("custom:tenant") or "").strip()
        if not tenant:
            raise Forbidden("Uw account hoort bij geen gemeente. Vraag de beheerder om dat in te stellen.")
        raw_roles = str(claims.get("custom:roles") or "").strip()
        roles = frozenset(role.strip() for role in raw_roles.split(",") if role.strip() in ROLES)
        roles = roles or frozenset({"kcc"})
        name = _display_name(claims)
        raw_teams = str(claims.get("custom:teams") or "").strip()
        if raw_teams == "*":
            return cls(subject, tenant, None, roles, name)
        teams = frozenset(team.strip() for team in raw_teams.split(",") if team.strip())
        if not teams:
            raise Forbidden("Uw account heeft geen team. Vraag de beheerder om dat in te stellen.")
        return cls(subject, tenant, teams, roles, name)

    @property
    def is_platform(self) -> bool:
        return self.tenant == PLATFORM

    def may_see(self, team: str) -> bool:
        return self.teams is None or team in self.teams

    def require_role(self, role: str) -> None:
        if role not in self.roles:
            raise Forbidden(f"Hiervoor heeft u de rol {ROLE_NAMES.get(role, role).lower()} ({role}) nodig.")


# How staff call the roles (ROLES), in the dashboard's language.
ROLE_NAMES = {"kcc": "Medewerker", "editor": "Redacteur", "admin": "Beheerder"}


def account_label(who: StaffIdentity, teams: Sequence[TeamName]) -> str:
    """A readable name for an account whose token has no display name (a dev token, a Cognito
    user without `name`): its roles and teams by name, "Medewerker en redacteur · Burgerzaken",
    "Medewerker · alle teams"; the login id means nothing to a colleague."""
    roles = [ROLE_NAMES[role].lower() for role in ROLES if role in who.roles] or ["medewerker"]
    role_text = (", ".join(roles[:-1]) + " en " + roles[-1] if len(roles) > 1 else roles[0]).capitalize()
    if who.teams is None:
        return f"{role_text} \u00b7 alle teams"
    names = [team.name for team in teams if team.id in who.teams] or sorted(who.teams)
    shown = ", ".join(names[:2]) + (f" en {len(names) - 2} andere" if len(names) > 2 else "")
    return f"{role_text} \u00b7 {shown}"


def _display_name(claims: Mapping[str, Any]) -> str | None:
    """Cognito's standard attributes in the id token: `name`, else given and family name,
    else the e-mail address; None when the token carries none (the dashboard then shows the id)."""
    def text(key: str) -> str:
        return " ".join(str(claims.get(key) or "").split())[:MAX_NAME_CHARS]

    full = text("name") or " ".join(part for part in (text("given_name"), text("family_name")) if part)
    return full or text("email") or None


class _Matcher(Protocol):
    def classify(self, text: str) -> Any: ...


class _TenantKnowledge(Protocol):
    tenant: Tenant
    intents: Mapping[str, Any]
    matcher: _Matcher


class _KnowledgeRepository(Protocol):
    def get(self, tenant: str) -> _TenantKnowledge: ...


class HandoverItem(Model):
    conversation_id: str
    channel: Channel
    language: str
    status: HandoverStatus
    team: str
    reason: str
    requested_at: datetime
    claimed_by: str | None = None
    last_resident_message: str | None = None
    intent: str | None = None
    urgent: bool = False  # asked for after crisis help: listed first
    crisis: str | None = None  # the crisis kind behind an urgent handover (Handover.crisis)
    team_name: str | None = None
    topic_title: str | None = None  # the intent's title in Dutch (the staff's language)
    first_question: str | None = None  # the resident's first real question (not a greeting or a button)
    claimed_by_name: str | None = None
    transferred_from: str | None = None
    abusive: int = 0  # the resident's messages that swore at the bot or at staff (DialogueState.abusive)


class StaffConversation(Model):
    conversation_id: str
    channel: Channel
    language: str
    created_at: datetime
    updated_at: datetime
    handover: Handover | None
    intent: str | None  # the topic the bot was on
    topic_title: str | None = None
    slots: dict[str, Any] = Field(default_factory=dict)  # what a guided flow collected
    transcript: list[TranscriptEntry]
    # Entries left out: they belong to a handover of a team this staff member is not in.
    withheld: int = 0
    notes: list[StaffNote] = Field(default_factory=list)  # internal, never shown to the resident
    # The resident's messages that swore at the bot or at staff (`core.dialogue.abuse`): whoever takes it over knows.
    abusive: int = 0


class TeamName(Model):
    id: str
    name: str


class StaffProfile(Model):
    """Who is signed in, as the dashboard shows it, and the server's clock (BALIE_NOW locally)."""

    subject: str
    name: str | None  # the token's display name, as it is
    display_name: str  # `name`, else what the account is for (`account_label`): never the login id
    tenant: str
    tenant_name: str
    roles: list[str]
    teams: list[TeamName]  # the caller's teams (every team for "*")
    all_teams: list[TeamName]  # every team of the tenant (transfer targets)
    now: datetime


class Suggestion(Model):
    kind: Literal["answer", "canned"] = "answer"  # a knowledge-base answer or one of the tenant's canned replies
    intent: str | None = None
    score: float
    title: str
    text: str
    links: list[Link] = Field(default_factory=list)
    canned_id: str | None = None


def _item(conversation: Conversation, knowledge: _TenantKnowledge) -> HandoverItem:
    handover = conversation.handover
    assert handover is not None
    last = next((e.text for e in reversed(conversation.transcript) if e.role == Role.RESIDENT), None)
    topic = topic_of(conversation, is_topic(knowledge))
    return HandoverItem(
        conversation_id=conversation.id, channel=conversation.channel, language=conversation.language,
        status=handover.status, team=handover.team, reason=handover.reason, requested_at=handover.requested_at,
        claimed_by=handover.claimed_by, last_resident_message=last, urgent=handover.urgent, crisis=handover.crisis,
        intent=topic, team_name=_team_name(knowledge, handover.team), topic_title=topic_title(knowledge, topic),
        first_question=first_question(conversation, knowledge), claimed_by_name=handover.claimed_by_name,
        transferred_from=handover.transferred_from, abusive=conversation.state.abusive,
    )


def visible_entries(who: "StaffIdentity", conversation: Conversation) -> list[TranscriptEntry]:
    """The transcript without the handover segments of teams `who` is not in."""
    return [entry for entry in conversation.transcript
            if (team := conversation.team_of_entry(entry.seq)) is None or who.may_see(team)]


def _view(who: "StaffIdentity", conversation: Conversation, knowledge: _TenantKnowledge) -> StaffConversation:
    flow = conversation.state.flow
    slots = dict(flow.values) if isinstance(flow, GuideFlow) else {}
    topic = topic_of(conversation, is_topic(knowledge))
    transcript = visible_entries(who, conversation)
    return StaffConversation(
        conversation_id=conversation.id, channel=conversation.channel, language=conversation.language,
        created_at=conversation.created_at, updated_at=conversation.updated_at, handover=conversation.handover,
        intent=topic, topic_title=topic_title(knowledge, topic), slots=slots, transcript=transcript,
        withheld=len(conversation.transcript) - len(transcript), notes=conversation.notes,
        abusive=conversation.state.abusive,
    )


def topic_title(knowledge: _TenantKnowledge, intent_id: str | None) -> str | None:
    """A topic's title in Dutch (the staff's language); None for no topic, an unknown one or the bot's own."""
    intent = knowledge.intents.get(intent_id or "")
    return intent.title.nl if intent is not None and intent.kind == "topic" else None


def _team_name(knowledge: _TenantKnowledge, team_id: str) -> str:
    team = knowledge.tenant.teams.get(team_id)
    return team.name.nl if team is not None else team_id


def first_question(conversation: Conversation, knowledge: _TenantKnowledge) -> str | None:
    """The resident's first real question, to label a queue item: not a button press, not a
    greeting or thanks the bot answered as such, not only "ik wil een medewerker"; the first
    message when none qualifies."""
    entries = conversation.transcript
    first = None
    for index, entry in enumerate(entries):
        if entry.role != Role.RESIDENT or not entry.text.strip():
            continue
        first = first or entry.text
        before = entries[index - 1] if index else None
        if before is not None and before.role == Role.BOT and any(
                entry.text in (button.title, button.payload) for button in before.buttons):
            continue  # a button press
        reply = entries[index + 1] if index + 1 < len(entries) else None
        answered_as = knowledge.intents.get(reply.intent or "") if reply is not None and reply.role == Role.BOT else None
        if answered_as is not None and answered_as.kind == "system" and not answered_as.handover:
            continue  # "hallo", "bedankt"
        if contacts.asks_for_person(entry.text) and len(contacts.without_person_request(entry.text)) < 3:
            continue
        return _label(entry.text)
    return _label(first) if first else None


def _note_text(text: str | None) -> str:
    body = (text or "").strip()
    if not body:
        raise InvalidInput(EMPTY_TEXT)
    if len(body) > MAX_NOTE_CHARS:
        raise InvalidInput(too_long(MAX_NOTE_CHARS))
    return body


def _topic_scores(transcript: list[TranscriptEntry], topic: str | None, knowledge: _TenantKnowledge) -> dict[str, float]:
    """How likely each topic intent is what the resident needs, from the whole conversation:
    each typed resident message classified (the latest counting fully, earlier ones less),
    and the topics the bot answered. The best score per intent counts."""
    scores: dict[str, float] = {}

    def consider(intent_id: str | None, score: float) -> None:
        intent = knowledge.intents.get(intent_id or "")
        if intent is None or intent.kind != "topic" or intent.handover:
            return
        scores[intent_id] = max(scores.get(intent_id, 0.0), score)  # type: ignore[index]

    questions = [e.text for e in transcript
                 if e.role == Role.RESIDENT and e.text.strip() and not PAYLOAD_TEXT.match(e.text.strip())]
    for age, text in enumerate(reversed(questions[-SUGGESTION_MESSAGES:])):
        weight = RECENCY_WEIGHT ** age
        rest = contacts.without_person_request(text) if contacts.asks_for_person(text) else text
        if len(rest) < 3:
            continue
        result = knowledge.matcher.classify(rest)
        consider(result.intent, float(result.score) * weight)
        for alternative in result.alternatives:
            consider(alternative.intent, float(alternative.score) * weight)
    for entry in transcript:
        if entry.role == Role.BOT and entry.intent:
            consider(entry.intent, ANSWERED_TOPIC_SCORE)
    if topic:
        consider(topic, ANSWERED_TOPIC_SCORE)
    return scores


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "\u2026"


@dataclass
class StaffService:
    store: ConversationStore
    knowledge: _KnowledgeRepository
    tickets: TicketStore
    clock: Clock = now
    # Delivers staff messages on the messaging channels (WhatsApp, Messenger, Instagram);
    # web residents read them by polling.
    outbound: OutboundSender | None = None
    # A transfer asks for a new handover timeout (core.effects), like the engine's live handover.
    effects: EffectDispatcher | None = None
    canned: CannedReplyStore | None = None

    # -- who is signed in ------------------------------------------------------

    def profile(self, who: StaffIdentity) -> StaffProfile:
        tenant = self.knowledge.get(who.tenant).tenant
        every = [TeamName(id=team_id, name=team.name.nl) for team_id, team in tenant.teams.items()]
        return StaffProfile(
            subject=who.subject, name=who.name, display_name=who.name or account_label(who, every),
            tenant=tenant.slug, tenant_name=tenant.name,
            roles=sorted(who.roles), teams=[team for team in every if who.may_see(team.id)], all_teams=every,
            now=self.clock(),
        )

    # -- live handovers -------------------------------------------------------

    def list_handovers(self, who: StaffIdentity, status: str, team: str | None = None) -> list[HandoverItem]:
        try:
            wanted = HandoverStatus(status)
        except ValueError:
            raise InvalidInput("status must be 'waiting', 'live' or 'bot'.") from None
        if wanted not in ACTIVE:
            raise InvalidInput("status must be 'waiting', 'live' or 'bot'.")
        if team is not None and not who.may_see(team):
            raise Forbidden(NOT_YOUR_TEAM)
        knowledge = self.knowledge.get(who.tenant)
        found = self.store.list_handovers(who.tenant, wanted, team)
        items = [_item(c, knowledge) for c in found if c.handover is not None and who.may_see(c.handover.team)]
        return sorted(items, key=lambda item: not item.urgent)  # stable: oldest first within each group

    def bot_conversations(self, who: StaffIdentity) -> list[BotConversation]:
        """The conversations the bot is handling now (a resident message in the last
        BOT_ACTIVE_MINUTES, no person waiting or talking), newest first: the bot as a
        colleague, visible to every member of staff of the tenant."""
        since = self.clock() - timedelta(minutes=BOT_ACTIVE_MINUTES)
        return self.store.bot_conversations(who.tenant, since)

    def conversation(self, who: StaffIdentity, conversation_id: str) -> StaffConversation:
        return _view(who, self._visible(who, conversation_id), self.knowledge.get(who.tenant))

    def claim(self, who: StaffIdentity, conversation_id: str) -> StaffConversation:
        def take(conversation: Conversation, handover: Handover, moment: datetime) -> list[ReplyMessage]:
            if handover.status == HandoverStatus.LIVE and handover.claimed_by == who.subject:
                return []  # claiming twice is harmless
            if handover.status == HandoverStatus.LIVE:
                raise Conflict(COLLEAGUE_HAS_IT)
            if handover.status != HandoverStatus.WAITING:
                raise Conflict("Deze inwoner wacht niet meer op een medewerker.")
            self._own(handover, who, moment)
            return self._say(who, conversation, "claimed", team=self._team_name(who, conversation, handover.team))

        def claim_counters(conversation: Conversation, moment: datetime) -> DailyCounters | None:
            handover = conversation.handover
            if handover is None:
                return None
            day = moment.astimezone(AMSTERDAM).date().isoformat()
            return DailyCounters(tenant=who.tenant, day=day, counts=report_counters.wait_counters(
                "handover_claimed", "claim", handover.team, handover.requested_at, moment))

        return self._change_handover(who, conversation_id, take, counters=claim_counters)

    def take_over(self, who: StaffIdentity, conversation_id: str) -> StaffConversation:
        """A member of staff takes a conversation the bot is handling: it becomes their live
        handover at once (the bot falls silent) and the resident is told who is there."""
        self._visible(who, conversation_id)
        moment = self.clock()
        notice: list[ReplyMessage] = []
        knowledge = self.knowledge.get(who.tenant)
        chosen: list[str] = []

        def change(conversation: Conversation) -> None:
            notice.clear()
            # The topic's team when the caller is in it, else the caller's own (first) team.
            team = report_counters.topic_team(knowledge, conversation.state.topic)
            if not who.may_see(team):
                team = sorted(who.teams or ())[0]
            chosen[:] = [team]
            current = conversation.handover
            if current is not None and current.status in ACTIVE:
                if current.status == HandoverStatus.LIVE and current.claimed_by == who.subject:
                    return
                raise Conflict("Een collega heeft dit gesprek al, of de inwoner wacht al op een medewerker.")
            conversation.state.flow = None
            conversation.state.asked = None
            conversation.handover = Handover(status=HandoverStatus.WAITING, team=team, reason="takeover",
                                             requested_at=moment)
            self._own(conversation.handover, who, moment)
            notice.extend(self._say(who, conversation, "claimed", team=self._team_name(who, conversation, team)))
            append_entries(conversation, Role.BOT, notice, moment)

        def counters(conversation: Conversation) -> list[DailyCounters]:
            if not notice:
                return []
            day = moment.astimezone(AMSTERDAM).date().isoformat()
            return [DailyCounters(tenant=who.tenant, day=day, counts={
                "handover_takeover": 1, f"handover_takeover:{chosen[0]}": 1}), *self._settled(conversation)]

        saved, _ = update_conversation(self.store, who.tenant, conversation_id, change, counters=counters)
        self._deliver_best_effort(saved, notice)
        return _view(who, saved, knowledge)

    def transfer(self, who: StaffIdentity, conversation_id: str, team: str, note: str | None = None) -> StaffConversation:
        """Pass a waiting or live conversation to another team: it waits for that team again
        (with a new timeout, so the resident never waits forever) and the resident is told.
        An optional internal note goes with it."""
        knowledge = self.knowledge.get(who.tenant)
        tenant = knowledge.tenant
        if team not in tenant.teams:
            raise InvalidInput("Kies een van de teams van de gemeente.")
        note_text = _note_text(note) if note else None
        moment = self.clock()
        notice: list[ReplyMessage] = []
        effects: list[Effect] = []

        def change(conversation: Conversation) -> None:
            notice.clear()
            effects.clear()
            handover = self._handover_of(who, conversation)
            if handover.status not in ACTIVE:
                raise Conflict("Alleen een gesprek waarin de inwoner wacht of met een medewerker praat, kunt u doorverbinden.")
            if handover.status == HandoverStatus.LIVE and handover.claimed_by != who.subject:
                raise Conflict(COLLEAGUE_HAS_IT)
            if handover.team == team:
                raise Conflict("Dit gesprek is al bij dat team.")
            conversation.handover = Handover(
                status=HandoverStatus.WAITING, team=team, reason=handover.reason, requested_at=moment,
                urgent=handover.urgent, crisis=handover.crisis, transferred_from=handover.team,
            )
            if note_text:
                self._add_note(conversation, who, note_text, moment)
            notice.extend(self._say(who, conversation, "transferred", team=self._team_name(who, conversation, team)))
            append_entries(conversation, Role.BOT, notice, moment)
            limit = tenant.live_handover_limit_minutes
            effects.append(schedule_timeout(tenant.slug, conversation.id, moment, min(limit * 60, MAX_TIMEOUT_DELAY)))

        def counters(conversation: Conversation) -> list[DailyCounters]:
            day = moment.astimezone(AMSTERDAM).date().isoformat()
            return [DailyCounters(tenant=who.tenant, day=day, counts={"handover_transferred": 1,
                                                                      f"handover_transferred:{team}": 1}),
                    *self._settled(conversation)]

        saved, _ = update_conversation(self.store, who.tenant, conversation_id, change, counters=counters)
        if effects and self.effects is not None:
            try:
                self.effects.dispatch(effects)
            except DispatchFailed as failure:
                # No timeout: offer the resident a callback now rather than let them wait unseen.
                for effect in failure.failed:
                    saved, _ = update_conversation(self.store, who.tenant, conversation_id,
                                                   lambda c, e=effect: undo(c, knowledge, e, self.clock()),
                                                   counters=self._settled)
        self._deliver_best_effort(saved, notice)
        return _view(who, saved, knowledge)

    def note(self, who: StaffIdentity, conversation_id: str, text: str) -> StaffNote:
        """An internal note on the conversation (redacted like every stored text); only staff see it."""
        body = _note_text(text)
        self._visible(who, conversation_id)
        moment = self.clock()

        def change(conversation: Conversation) -> StaffNote:
            return self._add_note(conversation, who, body, moment)

        _, added = update_conversation(self.store, who.tenant, conversation_id, change)
        return added

    def reply(self, who: StaffIdentity, conversation_id: str, text: str) -> TranscriptEntry:
        text = (text or "").strip()
        if not text:
            raise InvalidInput(EMPTY_TEXT)
        if len(text) > MAX_REPLY_CHARS:
            raise InvalidInput(too_long(MAX_REPLY_CHARS))
        conversation = self._visible(who, conversation_id)
        self._require_owner(who, conversation)
        message = ReplyMessage(text=text)
        # Deliver first: when the channel refuses, nothing is stored that the resident never got.
        if conversation.channel.messaging:
            if self.outbound is None:
                raise Conflict(no_replies_on(conversation.channel.display_name))
            self.outbound.send(conversation, [message])
        moment = self.clock()
        first: list[bool] = []

        def change(current: Conversation) -> TranscriptEntry:
            self._require_owner(who, current)
            handover = current.handover
            assert handover is not None
            first[:] = [handover.replied_at is None]
            if handover.replied_at is None:
                handover.replied_at = moment
            # Stored redacted (names kept: a web resident reads this stored copy, signed by staff).
            append_entries(current, Role.STAFF, [ReplyMessage(text=redact(text, names=False))], moment, author=who.subject)
            return current.transcript[-1]

        def first_reply(current: Conversation) -> DailyCounters | None:
            # First-response time: from the request for a person to staff's first message.
            handover = current.handover
            if not first or not first[0] or handover is None:
                return None
            day = moment.astimezone(AMSTERDAM).date().isoformat()
            return DailyCounters(tenant=who.tenant, day=day, counts=report_counters.wait_counters(
                "first_reply", "first_reply", handover.team, handover.requested_at, moment))

        _, entry = update_conversation(self.store, who.tenant, conversation_id, change, counters=first_reply)
        return entry

    def close(self, who: StaffIdentity, conversation_id: str) -> StaffConversation:
        def end(conversation: Conversation, handover: Handover, moment: datetime) -> list[ReplyMessage]:
            if handover.status == HandoverStatus.CLOSED:
                return []
            if handover.status not in ACTIVE:
                raise Conflict("Dit gesprek is niet (meer) bij een medewerker.")
            if handover.status == HandoverStatus.LIVE and handover.claimed_by != who.subject:
                raise Conflict(COLLEAGUE_HAS_IT)
            handover.status = HandoverStatus.CLOSED
            handover.closed_at = moment
            tenant = self.knowledge.get(who.tenant).tenant
            return [ReplyMessage(text=closing_notice(conversation.language, tenant))]

        return self._change_handover(who, conversation_id, end)

    def _change_handover(
        self, who: StaffIdentity, conversation_id: str,
        step: Callable[[Conversation, Handover, datetime], list[ReplyMessage]],
        counters: Callable[[Conversation, datetime], DailyCounters | None] | None = None,
    ) -> StaffConversation:
        """Claim and close: `step` changes the handover under the optimistic write and
        returns the bot's status notice, or nothing when there was nothing to change
        (then no notice is stored or sent and no counters are written)."""
        self._visible(who, conversation_id)
        moment = self.clock()
        notice: list[ReplyMessage] = []

        def change(conversation: Conversation) -> None:
            # update_conversation may run this again on a fresh copy after a lost race.
            notice.clear()
            notice.extend(step(conversation, self._handover_of(who, conversation), moment))
            if notice:
                append_entries(conversation, Role.BOT, notice, moment)

        def counted(conversation: Conversation) -> list[DailyCounters]:
            if not notice:
                return []
            found = counters(conversation, moment) if counters is not None else None
            return ([found] if found is not None else []) + self._settled(conversation)

        saved, _ = update_conversation(self.store, who.tenant, conversation_id, change, counters=counted)
        self._deliver_best_effort(saved, notice)
        return _view(who, saved, self.knowledge.get(who.tenant))

    def suggestions(self, who: StaffIdentity, conversation_id: str) -> list[Suggestion]:
        """The bot as reply assistant, from the whole conversation: knowledge-base answers for
        what the resident asked (every message, the latest counting most, and the topics the
        bot already answered) and the tenant's canned replies for those topics."""
        conversation = self._visible(who, conversation_id)
        knowledge = self.knowledge.get(who.tenant)
        scores = _topic_scores(visible_entries(who, conversation), conversation.state.topic, knowledge)
        language = conversation.language
        found: list[Suggestion] = []
        for intent_id, score in sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))[:MAX_SUGGESTIONS]:
            intent = knowledge.intents[intent_id]
            found.append(Suggestion(
                intent=intent_id, score=round(score, 4), title=intent.title.get(language),
                text=intent.answer.get(language),
                links=[Link(title=link.title.get(language), url=link.url) for link in intent.links],
            ))
        if self.canned is not None:
            canned = [(max((scores.get(i, 0.0) for i in reply.intents), default=0.0), reply)
                      for reply in self.canned.list(who.tenant)]
            # Replies for the conversation's topics first; general ones (no topics) after them.
            ranked = sorted((pair for pair in canned if pair[0] > 0 or not pair[1].intents),
                            key=lambda pair: (-pair[0], pair[1].title))
            found += [Suggestion(kind="canned", intent=None, score=round(score, 4), title=reply.title,
                                 text=reply.text, canned_id=reply.id)
                      for score, reply in ranked[:MAX_CANNED_SUGGESTIONS]]
        return found

    # -- erasure -----------------------------------------------------------------

    def erase(self, who: StaffIdentity, conversation_id: str) -> Erasure:
        """A resident's right to erasure, asked of the municipality (`erase_conversation`)."""
        self._visible(who, conversation_id)
        return erase_conversation(self.store, self.tickets, self.knowledge, who.tenant, conversation_id)

    # -- helpers -----------------------------------------------------------------

    def _settled(self, conversation: Conversation) -> list[DailyCounters]:
        """The report counters' moves when this change altered the conversation's class."""
        moved = report_counters.settle(conversation, self.knowledge.get(conversation.tenant))
        return [moved] if moved is not None else []

    @staticmethod
    def _own(handover: Handover, who: StaffIdentity, moment: datetime) -> None:
        handover.status = HandoverStatus.LIVE
        handover.claimed_by = who.subject
        handover.claimed_by_name = who.name
        handover.claimed_at = moment

    def _say(self, who: StaffIdentity, conversation: Conversation, key: str, **values: str) -> list[ReplyMessage]:
        tenant = self.knowledge.get(who.tenant).tenant
        return [ReplyMessage(text=Wording(conversation.language, tenant.texts)(key, **values))]

    def _team_name(self, who: StaffIdentity, conversation: Conversation, team_id: str) -> str:
        tenant = self.knowledge.get(who.tenant).tenant
        team = tenant.teams.get(team_id, tenant.teams[tenant.default_team])
        return team.name.get(conversation.language)

    @staticmethod
    def _add_note(conversation: Conversation, who: StaffIdentity, text: str, moment: datetime) -> StaffNote:
        note = StaffNote(at=moment, author=who.subject, author_name=who.name, text=redact(text))
        conversation.notes = [*conversation.notes, note][-MAX_NOTES:]
        conversation.updated_at = moment
        return note

    def _visible(self, who: StaffIdentity, conversation_id: str) -> Conversation:
        """The conversation, when `who` may see its current handover's team, or, once no
        handover is current (expired, erased), one of its past handovers' teams: a handover
        of the social team stays the social team's after it ends."""
        conversation = self.store.get(who.tenant, conversation_id)
        if conversation is None:
            raise NotFound("Dit gesprek bestaat niet meer: gewist of verlopen.")
        if conversation.handover is not None:
            if not who.may_see(conversation.handover.team):
                raise Forbidden("Dit gesprek is van een ander team.")
        elif conversation.handover_segments and not any(who.may_see(s.team) for s in conversation.handover_segments):
            raise Forbidden("Dit gesprek is van een ander team.")
        return conversation

    @staticmethod
    def _handover_of(who: StaffIdentity, conversation: Conversation) -> Handover:
        handover = conversation.handover
        if handover is None:
            raise Conflict("Dit gesprek is niet bij een medewerker.")
        if not who.may_see(handover.team):
            raise Forbidden("Dit gesprek is van een ander team.")
        return handover

    @staticmethod
    def _require_owner(who: StaffIdentity, conversation: Conversation) -> None:
        handover = conversation.handover
        if handover is None or handover.status != HandoverStatus.LIVE:
            raise Conflict("Neem het gesprek eerst over. Dan kunt u antwoorden.")
        if handover.claimed_by != who.subject:
            raise Conflict(COLLEAGUE_HAS_IT)

    def _deliver_best_effort(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        """Status notices (claimed, closed) on a messaging channel: the state change stands
        even when the notice cannot be delivered."""
        if not messages or not conversation.channel.messaging or self.outbound is None:
            return
        try:
            self.outbound.send(conversation, messages)
        except Exception:  # noqa: BLE001 - a lost notice must not undo a claim
            log.warning("handover notice not delivered on %s", conversation.channel.value, exc_info=True)

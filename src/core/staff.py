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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from pydantic import Field

from .clock import Clock, now
from .errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from .conversations import append_entries, last_intent, update_conversation
from .dialogue.state import GuideFlow
from .dialogue.texts import Wording
from .kb.models import Tenant
from .opening_hours import AMSTERDAM
from .models import (
    Channel,
    Conversation,
    DailyCounters,
    Handover,
    HandoverStatus,
    Link,
    Model,
    ReplyMessage,
    Role,
    TranscriptEntry,
)
from .open_klant import deletion_calls
from .ports import ConversationStore, OutboundSender, TicketStore
from .privacy import redact

log = logging.getLogger(__name__)

MAX_REPLY_CHARS = 2000
MAX_SUGGESTIONS = 3
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
            raise Forbidden("Your account is not linked to a municipality.")
        raw_roles = str(claims.get("custom:roles") or "").strip()
        roles = frozenset(role.strip() for role in raw_roles.split(",") if role.strip() in ROLES)
        roles = roles or frozenset({"kcc"})
        raw_teams = str(claims.get("custom:teams") or "").strip()
        if raw_teams == "*":
            return cls(subject, tenant, None, roles)
        teams = frozenset(team.strip() for team in raw_teams.split(",") if team.strip())
        if not teams:
            raise Forbidden("Your account has no team.")
        return cls(subject, tenant, teams, roles)

    @property
    def is_platform(self) -> bool:
        return self.tenant == PLATFORM

    def may_see(self, team: str) -> bool:
        return self.teams is None or team in self.teams

    def require_role(self, role: str) -> None:
        if role not in self.roles:
            raise Forbidden(f"This needs the role {role!r}.")


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


class StaffConversation(Model):
    conversation_id: str
    channel: Channel
    language: str
    created_at: datetime
    updated_at: datetime
    handover: Handover | None
    intent: str | None  # the topic the bot was on
    slots: dict[str, Any] = Field(default_factory=dict)  # what a guided flow collected
    transcript: list[TranscriptEntry]
    # Entries left out: they belong to a handover of a team this staff member is not in.
    withheld: int = 0


class Suggestion(Model):
    intent: str
    score: float
    title: str
    text: str
    links: list[Link] = Field(default_factory=list)


class NotErased(Model):
    """A copy erasure cannot reach, and the calls that would remove it."""

    system: str
    reason: str
    calls: list[str]


class Erasure(Model):
    conversation_id: str
    deleted: bool = True
    not_erased: list[NotErased] = Field(default_factory=list)


def _item(conversation: Conversation) -> HandoverItem:
    handover = conversation.handover
    assert handover is not None
    last = next((e.text for e in reversed(conversation.transcript) if e.role == Role.RESIDENT), None)
    return HandoverItem(
        conversation_id=conversation.id, channel=conversation.channel, language=conversation.language,
        status=handover.status, team=handover.team, reason=handover.reason, requested_at=handover.requested_at,
        claimed_by=handover.claimed_by, last_resident_message=last, urgent=handover.urgent,
        intent=conversation.state.topic or last_intent(conversation),
    )


def visible_entries(who: "StaffIdentity", conversation: Conversation) -> list[TranscriptEntry]:
    """The transcript without the handover segments of teams `who` is not in."""
    return [entry for entry in conversation.transcript
            if (team := conversation.team_of_entry(entry.seq)) is None or who.may_see(team)]


def _view(who: "StaffIdentity", conversation: Conversation) -> StaffConversation:
    flow = conversation.state.flow
    slots = dict(flow.values) if isinstance(flow, GuideFlow) else {}
    transcript = visible_entries(who, conversation)
    return StaffConversation(
        conversation_id=conversation.id, channel=conversation.channel, language=conversation.language,
        created_at=conversation.created_at, updated_at=conversation.updated_at, handover=conversation.handover,
        intent=conversation.state.topic or last_intent(conversation), slots=slots,
        transcript=transcript, withheld=len(conversation.transcript) - len(transcript),
    )


@dataclass
class StaffService:
    store: ConversationStore
    knowledge: _KnowledgeRepository
    tickets: TicketStore
    clock: Clock = now
    # Delivers staff messages on WhatsApp; web residents read them by polling.
    whatsapp: OutboundSender | None = None

    # -- live handovers -------------------------------------------------------

    def list_handovers(self, who: StaffIdentity, status: str, team: str | None = None) -> list[HandoverItem]:
        try:
            wanted = HandoverStatus(status)
        except ValueError:
            raise InvalidInput("status must be 'waiting' or 'live'.") from None
        if wanted not in ACTIVE:
            raise InvalidInput("status must be 'waiting' or 'live'.")
        if team is not None and not who.may_see(team):
            raise Forbidden("You are not in this team.")
        found = self.store.list_handovers(who.tenant, wanted, team)
        items = [_item(c) for c in found if c.handover is not None and who.may_see(c.handover.team)]
        return sorted(items, key=lambda item: not item.urgent)  # stable: oldest first within each group

    def conversation(self, who: StaffIdentity, conversation_id: str) -> StaffConversation:
        return _view(who, self._visible(who, conversation_id))

    def claim(self, who: StaffIdentity, conversation_id: str) -> StaffConversation:
        def take(conversation: Conversation, handover: Handover, moment: datetime) -> list[ReplyMessage]:
            if handover.status == HandoverStatus.LIVE and handover.claimed_by == who.subject:
                return []  # claiming twice is harmless
            if handover.status != HandoverStatus.WAITING:
                raise Conflict("This conversation is not waiting for a member of staff.")
            handover.status = HandoverStatus.LIVE
            handover.claimed_by = who.subject
            handover.claimed_at = moment
            tenant = self.knowledge.get(who.tenant).tenant
            say = Wording(conversation.language, tenant.texts)
            team = tenant.teams.get(handover.team, tenant.teams[tenant.default_team])
            return [ReplyMessage(text=say("claimed", team=team.name.get(conversation.language)))]

        def claim_counters(conversation: Conversation, moment: datetime) -> DailyCounters | None:
            # Reports divide the seconds by the count.
            handover = conversation.handover
            if handover is None:
                return None
            waited = max(int((moment - handover.requested_at).total_seconds()), 0)
            day = moment.astimezone(AMSTERDAM).date().isoformat()
            return DailyCounters(tenant=who.tenant, day=day, counts={
                "handover_claimed": 1, f"handover_claimed:{handover.team}": 1,
                "claim_seconds": waited, f"claim_seconds:{handover.team}": waited,
            })

        return self._change_handover(who, conversation_id, take, counters=claim_counters)

    def reply(self, who: StaffIdentity, conversation_id: str, text: str) -> TranscriptEntry:
        text = (text or "").strip()
        if not text:
            raise InvalidInput("text must not be empty.")
        if len(text) > MAX_REPLY_CHARS:
            raise InvalidInput(f"text must be at most {MAX_REPLY_CHARS} characters.")
        conversation = self._visible(who, conversation_id)
        self._require_owner(who, conversation)
        message = ReplyMessage(text=text)
        # Deliver first: when WhatsApp refuses, nothing is stored that the resident never got.
        if conversation.channel == Channel.WHATSAPP:
            if self.whatsapp is None:
                raise Conflict("WhatsApp replies are not available here.")
            self.whatsapp.send(conversation, [message])
        moment = self.clock()

        def change(current: Conversation) -> TranscriptEntry:
            self._require_owner(who, current)
            # Stored redacted (names kept: a web resident reads this stored copy, signed by staff).
            append_entries(current, Role.STAFF, [ReplyMessage(text=redact(text, names=False))], moment, author=who.subject)
            return current.transcript[-1]

        _, entry = update_conversation(self.store, who.tenant, conversation_id, change)
        return entry

    def close(self, who: StaffIdentity, conversation_id: str) -> StaffConversation:
        def end(conversation: Conversation, handover: Handover, moment: datetime) -> list[ReplyMessage]:
            if handover.status == HandoverStatus.CLOSED:
                return []
            if handover.status not in ACTIVE:
                raise Conflict("This conversation has no live handover.")
            if handover.status == HandoverStatus.LIVE and handover.claimed_by != who.subject:
                raise Conflict("Another member of staff owns this conversation.")
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

        def counted(conversation: Conversation) -> DailyCounters | None:
            return counters(conversation, moment) if counters is not None and notice else None

        saved, _ = update_conversation(self.store, who.tenant, conversation_id, change, counters=counted)
        self._deliver_best_effort(saved, notice)
        return _view(who, saved)

    def suggestions(self, who: StaffIdentity, conversation_id: str) -> list[Suggestion]:
        """The bot as reply assistant: knowledge-base answers for the resident's last message."""
        conversation = self._visible(who, conversation_id)
        last = next((e.text for e in reversed(visible_entries(who, conversation)) if e.role == Role.RESIDENT), None)
        if not last:
            return []
        knowledge = self.knowledge.get(who.tenant)
        result = knowledge.matcher.classify(last)
        candidates = ([(result.intent, result.score)] if result.intent else []) + [
            (alt.intent, alt.score) for alt in result.alternatives
        ]
        language = conversation.language
        found = []
        for intent_id, score in candidates:
            intent = knowledge.intents.get(intent_id)
            if intent is None or intent.kind != "topic" or any(s.intent == intent_id for s in found):
                continue
            found.append(Suggestion(
                intent=intent_id, score=round(float(score), 4), title=intent.title.get(language),
                text=intent.answer.get(language),
                links=[Link(title=link.title.get(language), url=link.url) for link in intent.links],
            ))
        return found[:MAX_SUGGESTIONS]

    # -- erasure -----------------------------------------------------------------

    def erase(self, who: StaffIdentity, conversation_id: str) -> Erasure:
        """A resident's right to erasure, asked of the municipality: the conversation and
        everything stored with it go (ConversationStore.delete: its tickets too). Copies
        Balie handed to the municipality's own Open Klant are the municipality's records
        (its archiving rules apply), so Balie does not delete them: the answer lists the
        calls that would."""
        self._visible(who, conversation_id)
        pushed = [record.open_klant for record in self.tickets.of_conversation(who.tenant, conversation_id)
                  if record.open_klant]
        if not self.store.delete(who.tenant, conversation_id):
            raise NotFound("This conversation does not exist.")
        erasure = Erasure(conversation_id=conversation_id)
        base_url = self.knowledge.get(who.tenant).tenant.open_klant.url
        if pushed:
            calls = [call for created in pushed for call in deletion_calls(base_url or "<open_klant.url>", created)]
            erasure.not_erased.append(NotErased(
                system="open_klant",
                reason="The callback request was registered in the municipality's Open Klant, which Balie "
                       "does not manage. Remove it there (archiving rules permitting).",
                calls=calls,
            ))
        return erasure

    # -- helpers -----------------------------------------------------------------

    def _visible(self, who: StaffIdentity, conversation_id: str) -> Conversation:
        """The conversation, when `who` may see its current handover's team, or, once no
        handover is current (expired, erased), one of its past handovers' teams: a handover
        of the social team stays the social team's after it ends."""
        conversation = self.store.get(who.tenant, conversation_id)
        if conversation is None:
            raise NotFound("This conversation does not exist.")
        if conversation.handover is not None:
            if not who.may_see(conversation.handover.team):
                raise Forbidden("This conversation belongs to another team.")
        elif conversation.handover_segments and not any(who.may_see(s.team) for s in conversation.handover_segments):
            raise Forbidden("This conversation belongs to another team.")
        return conversation

    @staticmethod
    def _handover_of(who: StaffIdentity, conversation: Conversation) -> Handover:
        handover = conversation.handover
        if handover is None:
            raise Conflict("This conversation has no handover.")
        if not who.may_see(handover.team):
            raise Forbidden("This conversation belongs to another team.")
        return handover

    @staticmethod
    def _require_owner(who: StaffIdentity, conversation: Conversation) -> None:
        handover = conversation.handover
        if handover is None or handover.status != HandoverStatus.LIVE:
            raise Conflict("Claim the conversation before you reply.")
        if handover.claimed_by != who.subject:
            raise Conflict("Another member of staff owns this conversation.")

    def _deliver_best_effort(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        """Status notices (claimed, closed) on WhatsApp: the state change stands
        even when the notice cannot be delivered."""
        if not messages or conversation.channel != Channel.WHATSAPP or self.whatsapp is None:
            return
        try:
            self.whatsapp.send(conversation, messages)
        except Exception:  # noqa: BLE001 - a lost notice must not undo a claim
            log.warning("handover notice not delivered on WhatsApp", exc_info=True)

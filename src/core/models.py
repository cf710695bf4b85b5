"""Domain models shared by the engine, the channels and the adapters.

A channel (web, WhatsApp, terminal) turns its input into one `InboundMessage`
and renders one `Reply`; the dialogue engine knows no channel. The stored shape
of a conversation is `Conversation`; adapters return these models, never raw
storage items.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from enum import StrEnum
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .dialogue.state import DialogueState

Language = Literal["nl", "en"]


class Channel(StrEnum):
    WEB = "web"
    WHATSAPP = "whatsapp"
    MESSENGER = "messenger"  # Facebook Messenger (a gemeente's Facebook Page)
    INSTAGRAM = "instagram"  # Instagram Direct (a gemeente's Instagram account)
    TERMINAL = "terminal"

    @property
    def messaging(self) -> bool:
        """A messaging app: Balie itself delivers every message (staff replies, notices)
        to the resident's address on the channel, within the channel's messaging window;
        a web resident reads them by polling instead."""
        return self in MESSAGING_CHANNELS

    @property
    def display_name(self) -> str:
        """The channel's name as residents and staff know it (reports, tickets, the dashboard)."""
        return CHANNEL_NAMES[self]


MESSAGING_CHANNELS = frozenset({Channel.WHATSAPP, Channel.MESSENGER, Channel.INSTAGRAM})
class ChannelAccount(NamedTuple):
    """Whose a Meta account id is: a tenant's Facebook Page (MESSENGER) or Instagram account."""

    tenant: str
    channel: Channel

    @classmethod
    def find(cls, account_id: str, accounts: Iterable[tuple[str, str | None, str | None]]) -> ChannelAccount | None:
        """The owner of `account_id` among (tenant, Page id, Instagram account id) rows."""
        for tenant, page, instagram in accounts:
            if account_id == page:
                return cls(tenant, Channel.MESSENGER)
            if account_id == instagram:
                return cls(tenant, Channel.INSTAGRAM)
        return None


CHANNEL_NAMES = {Channel.WEB: "Website", Channel.WHATSAPP: "WhatsApp", Channel.MESSENGER: "Messenger",
                  Channel.INSTAGRAM: "Instagram", Channel.TERMINAL: "Terminal"}


class Role(StrEnum):
    RESIDENT = "resident"
    BOT = "bot"
    STAFF = "staff"
    SYSTEM = "system"


class Model(BaseModel):
    # defer_build: a model's validator is built when first used, so a Lambda handler
    # builds only the models its invocation needs (cold start), not all at import.
    model_config = ConfigDict(extra="forbid", frozen=False, defer_build=True)


class Link(Model):
    title: str
    url: str


class Button(Model):
    title: str
    payload: str


class ReplyMessage(Model):
    """One message shown to the resident."""

    text: str
    links: list[Link] = Field(default_factory=list)
    buttons: list[Button] = Field(default_factory=list)


class InboundKind(StrEnum):
    TEXT = "text"
    BUTTON = "button"  # a button or list choice; `payload` holds its id
    LOCATION = "location"
    MEDIA = "media"  # image, audio, video, document, sticker: Balie reads text only
    UNSUPPORTED = "unsupported"


class InboundMessage(Model):
    """One resident turn, whatever channel it came from."""

    tenant: str
    channel: Channel
    kind: InboundKind = InboundKind.TEXT
    text: str = ""
    payload: str | None = None
    conversation_id: str | None = None
    client_message_id: str | None = None
    locale: Language | None = None
    # The page the resident asks from is about this intent (the widget's data-topic): until the
    # conversation has a topic of its own, follow-up questions ("wat kost het?") are about it.
    topic: str | None = None
    # The resident's address on the channel when the channel knows it
    # (the WhatsApp number); used for callbacks, never logged.
    channel_contact: str | None = None
    # Where the request came from (the web channel: the source IP address), for the limit
    # of new conversations per client; only a keyed hash of it is stored, never logged.
    client_address: str | None = None
    # Until when staff can still write to `channel_contact` (the channel's messaging window
    # from this message on); None: no limit known. A callback promised later goes by phone or e-mail.
    reachable_until: datetime | None = None


class HandoverStatus(StrEnum):
    WAITING = "waiting"  # live handover requested, no staff member yet
    LIVE = "live"  # a staff member owns the conversation; the bot is silent
    QUEUED = "queued"  # out of hours: a ticket is on the queue
    CLOSED = "closed"


class Handover(Model):
    status: HandoverStatus
    team: str
    reason: str
    requested_at: datetime
    claimed_by: str | None = None
    claimed_at: datetime | None = None
    closed_at: datetime | None = None
    expected_contact_at: datetime | None = None
    # True: `expected_contact_at` is a deadline (a callback asked in office hours: "today
    # before 17:00"); false: the moment contact starts (the next opening).
    contact_before: bool = False
    ticket_id: str | None = None
    urgent: bool = False  # asked for after crisis help: staff see it first
    # The crisis that made it urgent (core.dialogue.crisis.CrisisKind: suicide, sexual, violence,
    # danger, homeless; "threat" when the resident threatened the gemeente or its staff, core.dialogue.threats), so staff
    # know at once what they take on; None when not known.
    crisis: str | None = None
    claimed_by_name: str | None = None  # the staff member's display name (from the token)
    replied_at: datetime | None = None  # staff's first message in this handover (first-response time)
    transferred_from: str | None = None  # the team that passed it on (a transfer)


class HandoverView(Model):
    """What the chat API returns about a handover."""

    status: Literal["live", "queued"]
    team: str
    expected_contact_at: datetime | None = None
    claimed: bool = False  # a person has taken the conversation (false while waiting, and for queued)
    notice: str | None = None  # the resident-facing line: who is there, or when we will be in touch


class Reply(Model):
    """The engine's answer to one turn; channels render it."""

    conversation_id: str
    intent: str | None = None
    confidence: float = 0.0
    messages: list[ReplyMessage] = Field(default_factory=list)
    handover: HandoverView | None = None
    language: Language = "nl"


class TranscriptEntry(Model):
    """One message in a conversation, already redacted."""

    seq: int
    role: Role
    at: datetime
    text: str
    links: list[Link] = Field(default_factory=list)
    buttons: list[Button] = Field(default_factory=list)
    intent: str | None = None
    author: str | None = None  # staff member id for staff messages
    # Meta's id of a message written outside Balie (the Page inbox): a redelivered event
    # finds it here and is recorded once.
    event_id: str | None = None


class RememberedReply(Model):
    """What a conversation keeps of the reply to one clientMessageId, so a retry gets
    exactly that reply again. The messages themselves are the bot entries that follow
    the resident's entry `seq` in the transcript (`count` of them, consecutive seqs);
    only what the transcript does not hold is kept here. A copy of the whole reply
    would roughly double the item, and DynamoDB bills every write per KB of item."""

    seq: int  # the resident's transcript entry of that turn
    fingerprint: str | None = None  # core.dialogue.engine.message_fingerprint of that turn's message
    count: int = 0  # bot messages of the reply: seqs seq+1 .. seq+count
    intent: str | None = None
    confidence: float = 0.0
    handover: HandoverView | None = None  # as it was when the reply was given
    language: Language = "nl"


class HandoverSegment(Model):
    """The part of a transcript that belongs to one handover, and so to its team: from the
    end of the previous segment (or the start) up to the entry written when the handover
    ended (closed, or queued as a ticket), or the last one while it waits or is live.
    Kept after the handover expires or is closed, so staff of another team never read it."""

    team: str
    requested_at: datetime
    first_seq: int
    last_seq: int
    ended: bool = False
Outcome = Literal["resolved", "handed_over", "unresolved"]


class CountedOutcome(Model):
    """What the daily aggregates hold for one conversation: its class and the keys it is
    counted under, on the day the conversation started (core.outcomes)."""

    day: str  # YYYY-MM-DD (Europe/Amsterdam) of the conversation's first turn
    outcome: Outcome
    channel: str
    team: str
    intent: str  # the conversation's topic, "-" for none


class OutcomeEvidence(Model):
    """What decides a conversation's class in the reports, kept up to date by every turn
    (core.outcomes.observe_turn) and counted once in the daily aggregates (`counted`)."""

    answers: int = 0  # topic answers the bot gave (not greetings, fallbacks or offers)
    not_helpful: bool = False  # "niet nuttig" came after the last answer
    crisis: bool = False  # crisis help was given: never resolved by the bot
    last_answer: str | None = None  # the topic the previous turn answered ("right after an answer")
    counted: CountedOutcome | None = None


class StaffNote(Model):
    """An internal note of staff on a conversation; residents never see it."""

    at: datetime
    author: str
    author_name: str | None = None
    text: str  # redacted


class Conversation(Model):
    """The single stored item of a conversation (optimistic concurrency on `version`)."""

    id: str
    tenant: str
    channel: Channel
    created_at: datetime
    updated_at: datetime
    version: int = 0
    expires_at: int = 0  # epoch seconds, DynamoDB TTL
    language: Language = "nl"
    transcript: list[TranscriptEntry] = Field(default_factory=list)
    # Dialogue state, owned by core.dialogue (topic, misses, flow, the open question).
    state: DialogueState = Field(default_factory=DialogueState)
    handover: Handover | None = None
    # clientMessageId -> what rebuilds the reply returned for it (idempotent retries).
    replies_by_client_id: dict[str, RememberedReply] = Field(default_factory=dict)
    # Epoch seconds of recent resident turns (rate limiting).
    recent_turns: list[float] = Field(default_factory=list)
    # A contact detail the resident gave on purpose for a callback (not redacted).
    contact: str | None = None
    # Keys of the unanswered-question items this conversation left (owned by the
    # DynamoDB store: erasure deletes them without a scan).
    unanswered_keys: list[tuple[str, str]] = Field(default_factory=list)
    # Its class in the reports (core.outcomes) and the evidence for it.
    outcome: OutcomeEvidence = Field(default_factory=OutcomeEvidence)
    notes: list[StaffNote] = Field(default_factory=list)  # staff only, never in the resident's transcript

    @model_validator(mode="before")
    @classmethod
    def _legacy_unanswered_keys(cls, data: Any) -> Any:
        # Earlier versions kept the keys inside the untyped state dict.
        if isinstance(data, dict) and isinstance(data.get("state"), dict) and "_unanswered_keys" in data["state"]:
            state = dict(data["state"])
            keys = state.pop("_unanswered_keys") or []
            data = {**data, "state": state, "unanswered_keys": [*data.get("unanswered_keys", []), *keys]}
        return data
    # Which team each handover's part of the transcript belongs to (staff visibility).
    handover_segments: list[HandoverSegment] = Field(default_factory=list)
    # The highest entry number given so far, kept when an entry leaves the transcript (a
    # resident's message taken back): next_seq never gives a number twice, so a message
    # cursor a client kept (`after=`) never skips the message that would have reused it.
    last_seq: int = 0

    def next_seq(self) -> int:
        return max(self.last_seq, self.transcript[-1].seq if self.transcript else 0) + 1

    def record_handover_segment(self) -> None:
        """Extend or start the segment of the current handover up to the last entry. Called
        before every save (the engine's turn, core.handover.update_conversation)."""
        handover = self.handover
        if handover is None or not self.transcript:
            return
        last = self.transcript[-1].seq
        ended = handover.status in (HandoverStatus.CLOSED, HandoverStatus.QUEUED)
        current = self.handover_segments[-1] if self.handover_segments else None
        if current is not None and (current.team, current.requested_at) == (handover.team, handover.requested_at):
            if not current.ended:
                current.last_seq, current.ended = last, ended
            return
        first = current.last_seq + 1 if current is not None else 1
        self.handover_segments.append(HandoverSegment(team=handover.team, requested_at=handover.requested_at,
                                                      first_seq=first, last_seq=last, ended=ended))

    def team_of_entry(self, seq: int) -> str | None:
        """The team whose handover segment holds entry `seq` (None: no handover's part)."""
        for segment in self.handover_segments:
            if segment.first_seq <= seq <= segment.last_seq:
                return segment.team
        return None

    def keep_last_entries(self, count: int) -> None:
        """Bound the transcript to its last `count` entries (at least one), and forget
        the remembered replies whose entries go with them: a retry of such an old
        message is then handled as new rather than answered half."""
        self.transcript = self.transcript[-max(count, 1):]
        first = self.transcript[0].seq if self.transcript else self.next_seq()
        self.replies_by_client_id = {
            client_id: remembered
            for client_id, remembered in self.replies_by_client_id.items()
            if remembered.seq >= first
        }


class DailyCounters(Model):
    """Increments to the tenant's daily aggregate item, written in the same
    transaction as the conversation (atomic ADD)."""

    tenant: str
    day: str  # YYYY-MM-DD in Europe/Amsterdam
    counts: dict[str, int] = Field(default_factory=dict)
    unanswered: list[str] = Field(default_factory=list)  # redacted resident questions
    # At most this many unanswered questions are kept per tenant and day (0: no cap);
    # past it the turn is saved without them and counts `unanswered_dropped`.
    unanswered_limit: int = 0
    not_helpful: list["NotHelpfulAnswer"] = Field(default_factory=list)  # answers a resident called not helpful


class MonthlyCounters(Model):
    """A tenant's month as the store keeps it beside the days: the sums of the month's daily
    counters (the same increments, written in the same transaction as each day's) and, per
    day, the counters a report's day row needs (`core.report_counters.DAY_ROW_COUNTERS`).
    A long report reads twelve of these instead of 365 days."""

    tenant: str
    month: str  # YYYY-MM
    # The day (Europe/Amsterdam) this item was first written. Days of the month before it
    # (written before monthly items existed) are in the daily items only.
    since: str
    counts: dict[str, int] = Field(default_factory=dict)
    days: dict[str, dict[str, int]] = Field(default_factory=dict)  # YYYY-MM-DD -> day-row counters


class ClientAdmission(Model):
    """A new conversation counted against its client (a keyed hash of the source address)
    in a fixed window, in the same transaction as the first turn: over `limit`, the turn
    is refused (RateLimited, 429) and nothing is written."""

    tenant: str
    client: str
    window_start: int  # epoch seconds
    window_seconds: int
    limit: int
    counts: str = "conversations"  # what the window counts: new conversations, or requests (core.limits)


class NotHelpfulAnswer(Model):
    """An answer a resident called "niet nuttig", for the editors' queue: the question (redacted)
    and what the bot answered it with."""

    intent: str
    question: str | None = None  # the resident's question the answer followed, redacted
    answer: str | None = None  # the bot's answer as it was shown


class NotHelpfulItem(NotHelpfulAnswer):
    """A stored entry of the editors' "niet nuttig" queue."""

    id: str
    day: str
    at: datetime
    conversation_id: str
    channel: str
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    review_note: str | None = None
    title: str | None = None  # the intent's title, filled in when listed


class BotConversation(Model):
    """A conversation the bot is handling (no person waiting or talking), for staff."""

    conversation_id: str
    channel: str
    intent: str | None = None  # the topic the bot is on
    language: str = "nl"
    last_message_at: datetime
    turns: int = 0  # the resident's messages so far


class CannedReply(Model):
    """A reply staff can send as it is (or edit first), kept per tenant by editors."""

    id: str
    tenant: str
    title: str
    text: str
    intents: list[str] = Field(default_factory=list)  # suggested when the conversation is about these
    updated_by: str | None = None
    updated_at: datetime | None = None


class Ticket(Model):
    """An out-of-hours callback request, as the engine hands it to the ticket-intake
    queue (`TicketQueue.send`); the intake turns it into a `TicketRecord`."""

    id: str
    tenant: str
    team: str
    conversation_id: str
    channel: Channel
    intent: str | None = None
    language: Language = "nl"
    summary: str  # redacted transcript summary
    contact: str | None = None
    # phone / email: what the resident typed; a messaging channel: their address on it.
    contact_kind: Literal["phone", "email", "whatsapp", "messenger", "instagram"] | None = None
    created_at: datetime
    expected_contact_at: datetime
    # True: `expected_contact_at` is a deadline (asked in office hours: "today before 17:00").
    contact_before: bool = False
    # Asked for after crisis help, or an addition said it is urgent (`TicketRecord`): staff take it first.
    urgent: bool = False


class TicketAddition(Model):
    """What the resident wrote after their callback was queued (a new detail, another number, "it is
    urgent"), kept on the ticket for the member of staff who calls back."""

    id: str  # deterministic (the effect's id): a repeated delivery adds nothing
    at: datetime
    text: str  # redacted, as the ticket's summary
    # Another phone number or e-mail address typed: unredacted, as the ticket's own contact.
    contact: str | None = None
    contact_kind: Literal["phone", "email"] | None = None
    urgent: bool = False  # the resident said it is urgent: the ticket is marked so in the staff's list


class TicketAdditionRecord(TicketAddition):
    """An addition as stored on its ticket, with the intake's delivery steps, each done once (as the
    ticket's own): the team's e-mail and the Open Klant registration (resource -> uuid)."""

    notified_at: datetime | None = None
    open_klant: dict[str, str] = Field(default_factory=dict)


class AddedToTicket(Model):
    """An addition on its way to a queued ticket (`TicketQueue.add`, the ticket intake)."""

    tenant: str
    conversation_id: str
    ticket_id: str
    addition: TicketAddition


class TicketStatus(StrEnum):
    OPEN = "open"  # waiting for a member of staff
    CLAIMED = "claimed"  # a member of staff is working on it
    DONE = "done"  # the callback happened (or was not needed): `outcome` says which


class TicketRecord(Ticket):
    """A ticket as stored and worked by staff (one item per ticket in the table)."""

    status: TicketStatus = TicketStatus.OPEN
    claimed_by: str | None = None
    claimed_by_name: str | None = None  # their display name at claim time (from the token); older records: none
    claimed_at: datetime | None = None
    done_by: str | None = None
    done_at: datetime | None = None
    outcome: str | None = None
    note: str | None = None  # staff's own note on the callback
    # Delivery steps of the intake, each done once: the team's e-mail, the Open Klant
    # registration (resource -> uuid in the tenant's Open Klant).
    notified_at: datetime | None = None
    open_klant: dict[str, str] = Field(default_factory=dict)
    additions: list[TicketAdditionRecord] = Field(default_factory=list)  # oldest first


def ticket_position(ticket: Ticket | TicketMark) -> str:
    """Where a ticket stands in a list, oldest first: its creation time in UTC, then its id.
    Both stores order pages by this string (DynamoDB: the TicketIndex sort key after the team)."""
    return f"{ticket.created_at.astimezone(timezone.utc).isoformat()}#{ticket.id}"


class TicketCount(NamedTuple):
    """How many tickets a status holds (for some teams), and how many of them are urgent."""

    total: int
    urgent: int

    @classmethod
    def of(cls, tickets: Iterable[TicketMark | TicketRecord]) -> TicketCount:
        urgent = [ticket.urgent for ticket in tickets]
        return cls(total=len(urgent), urgent=sum(urgent))


class TicketMark(NamedTuple):
    """What places a ticket in a list, without its record: `ticket_position` and `urgent_position` take it
    as they take the record, and who holds it (a claimed ticket; None otherwise). DynamoDB reads it from the
    slim TicketMarkIndex: its key and three attributes."""

    id: str
    created_at: datetime
    urgent: bool
    claimed_by: str | None = None


class TicketPage(NamedTuple):
    """One page of a ticket list; `next` is the position of its last ticket when more follow
    (pass it back as `after`), else None. `count`: the whole status's count, when asked for."""

    records: list[TicketRecord]
    next: str | None
    count: TicketCount | None = None


class Notification(Model):
    """An e-mail to a team's mailbox (staff-facing Dutch; never a resident's data)."""

    to: str
    subject: str
    text: str

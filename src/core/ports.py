"""The small interfaces through which core code reaches storage, queues and
the outside world. Adapters in `src/adapters/` implement them for AWS; the
in-memory implementations in `core.memory` serve unit tests and the terminal.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from .models import (
    AddedToTicket,
    ChannelAccount,
    ClientAdmission,
    BotConversation,
    CannedReply,
    Conversation,
    DailyCounters,
    HandoverStatus,
    MonthlyCounters,
    NotHelpfulItem,
    Notification,
    ReplyMessage,
    Ticket,
    TicketMark,
    TicketPage,
    TicketRecord,
    TicketStatus,
)

if TYPE_CHECKING:  # keeps `import core.ports` free of the matcher that TenantKnowledge carries
    from .effects import Effect, PendingEffect
    from .kb.compiled import TenantKnowledge
    from .messaging.events import Address, Contact, DeliveryPart, DeliveryProgress, QueuedEvent, Receipt
    from .retention import Retention
    from .models import Channel, Reply


class ConversationStore(Protocol):
    def get(self, tenant: str, conversation_id: str) -> Conversation | None:
        """The conversation, or None when it does not exist for this tenant."""

    def save(
        self, conversation: Conversation, expected_version: int,
        counters: DailyCounters | Sequence[DailyCounters] | None = None, admission: ClientAdmission | None = None,
        effects: "Sequence[Effect]" = (),
    ) -> Conversation:
        """Write the conversation if its stored version is `expected_version`
        (0: it must not exist yet) and apply `counters` atomically in the same
        write (several days' counters when a conversation's class moves on the day
        it started; counters of the same day are added together). Returns the
        conversation with the new version (a copy of the written object's fields that
        shares their values with it: the caller's conversation is not copied again).
        Raises `VersionConflict` when another writer won.
        Past `counters.unanswered_limit` questions of the tenant's day, the write goes
        without the unanswered questions (counted as `unanswered_dropped`). With
        `admission`, the write also counts one conversation against the client's window
        and raises `RateLimited` (nothing written) when the window is full. `effects`
        are recorded in the outbox in the same write (a lost race records none)."""
    def written_before(self, tenant: str, cutoff: datetime, limit: int) -> list[str]:
        """Ids of at most `limit` of the tenant's conversations last written at or before `cutoff`
        (index queries, never a scan)."""

    def admit(self, admission: ClientAdmission) -> None:
        """Count one more of what `admission` counts in its client's window (one conditional
        write); raises `RateLimited` (nothing counted) when the window is full."""

    def effects_done(self, tenant: str, conversation_id: str, effect_ids: "Sequence[str]") -> None:
        """Take effects out of the outbox: carried out (or given up and undone)."""

    def pending_effects(self, written_before: datetime, limit: int = 100) -> "list[PendingEffect]":
        """Effects of every tenant still in the outbox that were written before
        `written_before` (oldest first): their turn ended before carrying them out."""

    def delete(self, tenant: str, conversation_id: str) -> bool:
        """Erase the conversation; True when something was deleted."""

    def list_handovers(self, tenant: str, status: HandoverStatus, team: str | None = None) -> list[Conversation]:
        """Conversations of one tenant in the given handover status (an index
        query, never a scan)."""

    def daily_counters(self, tenant: str, first: date, last: date) -> list[DailyCounters]:
        """The tenant's daily aggregates (counts only) from `first` to `last` inclusive,
        days without any left out, oldest first: one query."""

    def monthly_counters(self, tenant: str, first: date, last: date) -> list[MonthlyCounters]:
        """The tenant's monthly aggregates of the months from `first`'s to `last`'s, months
        without any left out, oldest first: one query. `save` adds every day's counters to
        its month too (in the same write) and marks when it first did (`since`)."""

    def has_daily_counters(self, tenant: str, first: date, last: date) -> bool:
        """Whether any day from `first` to `last` has an aggregate (a count, reads no counters)."""

    def unanswered_questions(self, tenant: str, first: date, last: date, limit: int) -> list[str]:
        """The redacted unanswered questions of those days, newest first, at most `limit`."""

    def not_helpful(self, tenant: str, first: date, last: date, limit: int) -> list[NotHelpfulItem]:
        """Answers residents called not helpful on those days, newest first, at most `limit`."""

    def review_not_helpful(self, tenant: str, item_id: str, staff: str, at: datetime,
                           note: str | None) -> NotHelpfulItem:
        """Mark an entry of the "niet nuttig" queue as reviewed. Raises `NotFound`."""

    def bot_conversations(self, tenant: str, since: datetime) -> list[BotConversation]:
        """Conversations without a waiting or live handover (the bot answers them) that
        changed at or after `since`, newest first: an index query, never a scan."""


class CannedReplyStore(Protocol):
    """The tenant's canned replies (staff use them, editors manage them)."""

    def list(self, tenant: str) -> list[CannedReply]: ...

    def put(self, reply: CannedReply) -> CannedReply: ...

    def delete(self, tenant: str, reply_id: str) -> bool: ...


class TicketQueue(Protocol):
    def send(self, ticket: Ticket) -> None:
        """Hand the ticket to the ticket intake (one queue for every tenant), which
        stores it as a record. Raises `ServiceUnavailable`."""

    def add(self, added: AddedToTicket) -> None:
        """Hand what the resident wrote after the ticket was queued to the ticket intake,
        which adds it to the ticket's record. Raises `ServiceUnavailable`."""


class TicketStore(Protocol):
    """Tickets as records (one item per ticket). Every transition is one conditional
    write, so two members of staff can never both hold a ticket."""

    def create(self, ticket: Ticket, expires_at: int) -> tuple[TicketRecord, bool]:
        """Store `ticket` as an open record, expiring at `expires_at` (epoch seconds),
        if its conversation still exists; True when it was stored now. Idempotent by
        `ticket.id`: a ticket that is already stored is returned as stored (False).
        Raises `NotFound` when the conversation is gone (erased or expired): no
        ticket may outlive it."""

    def get(self, tenant: str, ticket_id: str) -> TicketRecord | None: ...

    def list(self, tenant: str, status: TicketStatus, teams: Collection[str] | None = None) -> list[TicketRecord]:
        """The tenant's tickets in `status` (of `teams`; None: every team), oldest first."""

    def page(self, tenant: str, status: TicketStatus, teams: Collection[str] | None, *, limit: int,
             after: str | None = None, newest_first: bool = False) -> TicketPage:
        """At most `limit` of those tickets ordered by `ticket_position` (oldest first, or newest
        first), starting after the position `after` (a `TicketPage.next`); never a full read of
        the status's tickets (DynamoDB: Queries of at most `limit` + 1 items per team)."""

    def marks(self, tenant: str, status: TicketStatus, teams: Collection[str] | None = None) -> list[TicketMark]:
        """Where each of `list`'s tickets stands (id, creation time, urgent) and who holds it, by the retention as
        the lists read it, without reading their records (DynamoDB: the list's Queries on the slim TicketMarkIndex,
        `ticketAt`, `expiresAt`, `urgent` and `claimedBy` of each): what counting, the urgent order's pages and
        handing out the next ticket need."""

    def get_many(self, tenant: str, ticket_ids: Sequence[str]) -> list[TicketRecord]:
        """The records of `ticket_ids` that are still kept, in no particular order (DynamoDB: BatchGetItem)."""

    def claim(self, tenant: str, ticket_id: str, staff: str, at: datetime, name: str | None = None) -> TicketRecord:
        """open -> claimed by `staff`, whose display name `name` (if any) is kept with it (claiming
        one's own ticket again changes nothing). Giving it back forgets both.
        Raises `Conflict` when someone else holds it or it is done, `NotFound`."""

    def release(self, tenant: str, ticket_id: str, staff: str | None) -> TicketRecord:
        """claimed -> open, when `staff` holds it (None: whoever holds it).
        Raises `Conflict` otherwise, `NotFound`."""

    def done(self, tenant: str, ticket_id: str, staff: str, at: datetime, outcome: str,
             note: str | None) -> TicketRecord:
        """open, or claimed by `staff` -> done. Raises `Conflict` when someone else
        holds it or it is done already, `NotFound`."""

    def record_delivery(self, tenant: str, ticket_id: str, *, notified_at: datetime | None = None,
                        open_klant: dict[str, str] | None = None, addition: str | None = None) -> None:
        """Remember that the intake notified the team / registered the ticket in Open Klant; with
        `addition` (an addition's id), that it did so for that addition of the ticket."""

    def add(self, added: AddedToTicket) -> tuple[TicketRecord, bool] | None:
        """Add `added.addition` to its ticket, whatever the ticket's status (an urgent one marks
        the ticket `urgent`); True when it was added now. Idempotent by the addition's id (a repeat
        returns the record, False). None
        when the ticket is not stored (yet: its own message may still be on its way). Raises
        `NotFound` when the conversation is gone (erased or expired)."""

    def of_conversation(self, tenant: str, conversation_id: str) -> list[TicketRecord]:
        """Every ticket of one conversation (erasure reports what it cannot reach)."""


class TeamNotifier(Protocol):
    def send(self, notification: Notification) -> None:
        """Deliver an e-mail to a team. Raises `ServiceUnavailable`."""


class HandoverTimeouts(Protocol):
    def schedule(self, tenant: str, conversation_id: str, requested_at: datetime, delay_seconds: int) -> None:
        """Ask for a check of a live handover after `delay_seconds` (SQS allows at
        most 900). Raises `ServiceUnavailable`."""


class OutboundSender(Protocol):
    def send(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        """Deliver messages outside a resident's own turn (a staff reply or a
        handover notice on WhatsApp). Raises `ServiceUnavailable`."""


class JsonPoster(Protocol):
    def post_json(self, url: str, payload: dict, timeout: float | None = None) -> dict:
        """POST a JSON body and return the decoded JSON answer (Open Klant);
        `timeout` in seconds. Raises `ServiceUnavailable` on network errors,
        timeouts and non-2xx answers."""

    def patch_json(self, url: str, payload: dict, timeout: float | None = None) -> dict:
        """PATCH a resource with a JSON body (the fields to change) and return the decoded JSON
        answer, as `post_json`."""


class KnowledgeRepository(Protocol):
    """The compiled knowledge of every tenant (`adapters.kb_files` on disk,
    `core.kb.static.StaticKnowledge` in memory)."""

    def get(self, tenant: str) -> "TenantKnowledge":
        """The tenant's merged knowledge and matcher. Raises `NotFound` for an unknown tenant."""

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        """The slug of the tenant that owns this WhatsApp phone-number id, or None."""

    def tenant_for_messenger(self, account_id: str) -> ChannelAccount | None:
        """The tenant whose Facebook Page or Instagram account this Meta id is (and which
        of the two), or None."""

    def slugs(self) -> list[str]:
        """Every known tenant slug, sorted."""

    def widget_origins(self, tenant: str) -> list[str]:
        """The web origins of the tenant's widget pages. Raises `NotFound`."""

    def any_widget_origin(self, origin: str) -> bool:
        """Whether some tenant's widget is on `origin` (a CORS preflight names no tenant)."""

    def retention(self, tenant: str) -> "Retention | None":
        """The tenant's retention as readers apply it now (core.retention); None for an unknown tenant."""


# ---- messaging channels (core.messaging): WhatsApp, Messenger, Instagram ------------------------------


class InboundQueue(Protocol):
    def send(self, items: list["QueuedEvent"]) -> list["QueuedEvent"]:
        """Queues the items in order (FIFO per conversation); returns the ones that were
        not queued (nothing after the first failure, so no later event overtakes it)."""

    def send_parts(self, parts: list["DeliveryPart"]) -> None:
        """Queues the parts of a large delivery in order, for the worker to take in (one message
        group for all of them, so a resident's events in a later part stay behind the earlier
        ones); raises ServiceUnavailable when any part could not be queued."""


class PendingParts(Protocol):
    """The parts of large deliveries queued but not yet taken in (by `DeliveryPart.id()`): while
    any is, a resident's later message is queued behind them (core.messaging.intake)."""

    def any_pending(self, now: datetime) -> bool:
        """Whether a part queued within the queue's retry span is not taken in yet."""

    def add_pending(self, part_ids: list[str], now: datetime) -> None: ...

    def remove_pending(self, part_id: str) -> None: ...


class ReceiptRecorder(Protocol):
    def record_receipts(self, tenant: str, receipts: list["Receipt"]) -> int:
        """Keeps delivery receipts (failures with Meta's error codes); returns how many."""


class ContactBook(Protocol):
    """Where each messaging conversation's resident is reached, when they last wrote (the
    channel's messaging window) and who has the thread (Meta's handover protocol)."""

    def remember_contact(self, tenant: str, conversation_id: str, channel: "Channel", address: "Address",
                         account_id: str, last_inbound_at: datetime, retention_days: int) -> "Contact":
        """Stores the resident's address and the time of their message (keeping what is
        known about the thread); returns the contact as stored now."""

    def contact(self, tenant: str, conversation_id: str) -> "Contact | None": ...

    def set_thread(self, tenant: str, conversation_id: str, *, elsewhere: bool | None = None,
                   quiet_until: datetime | None = None) -> None:
        """Records who has the thread: `elsewhere` (another app, e.g. the Page inbox, owns
        it), `quiet_until` (someone of the gemeente wrote outside Balie). Nothing when the
        contact is unknown."""


class DeliveryLog(Protocol):
    """What the worker remembers of its own deliveries (by Meta's event id), so an event queued
    or delivered again (Meta's retry, SQS's redelivery) is carried out once."""

    def progress(self, event_id: str) -> "DeliveryProgress":
        """Whether the event was carried out, and which parts of its reply went out."""

    def mark_sent(self, event_id: str, part: int, *, done: bool = False) -> None:
        """Part `part` of the reply to `event_id` went out (`done`: the event is carried out)."""

    def mark_done(self, event_id: str) -> None:
        """The event is carried out: a copy of it queued or delivered later changes nothing."""

    def remember_sent(self, message_id: str) -> None:
        """Balie sent Meta's message `message_id` (on channels that echo what a Page sends)."""

    def is_own_message(self, message_id: str) -> bool:
        """True when Balie sent this message (`remember_sent`)."""

    def record_send_failure(self, tenant: str, event_id: str, code: int | None, title: str) -> None: ...

    def claim_limit_notice(self, tenant: str, conversation_id: str, now: datetime) -> bool:
        """True when the resident has not been told about the rate limit within the last
        minute (and records that they are told now)."""


class ChannelOutput(Protocol):
    """One messaging channel's way out: its rendering (pure, the channel's module) and
    Meta's send endpoint (an adapter)."""

    # Meta echoes what the business sends without Balie's marker (Instagram): Balie remembers
    # the ids it sent, so it knows those echoes for its own.
    echoes_unmarked: bool

    def reply(self, reply: "Reply", to: "Address") -> list[dict]:
        """The engine's reply as the channel's payloads, within the channel's limits."""

    def notice(self, text: str, to: "Address") -> list[dict]:
        """A notice of Balie's own (not the engine's) as payloads."""

    def send(self, account_id: str, payload: dict) -> str:
        """Sends one payload from the business's account; returns Meta's message id.
        Raises `core.errors.DeliveryRefused` (for good) or `ServiceUnavailable` (for now)."""


class ThreadHandover(Protocol):
    def pass_thread(self, account_id: str, to: "Address", app_id: str) -> None:
        """Hands the conversation's thread to another app (Meta's handover protocol,
        Messenger and Instagram). Raises `DeliveryRefused` or `ServiceUnavailable`."""


class StaffWindow(Protocol):
    """A messaging channel's rules for messages outside the resident's own turn."""

    def mode(self, tenant: str, last_inbound_at: datetime | None, now: datetime) -> str:
        """How a message would go now (e.g. "text", "template", "human_agent"); raises
        the channel's `Conflict` (409) when the messaging window is closed."""

    def payloads(self, tenant: str, messages: list["ReplyMessage"], to: "Address", mode: str,
                 language: str) -> list[dict]: ...

    def reachable_until(self, tenant: str, last_inbound_at: datetime) -> datetime | None:
        """Until when a message can still reach the resident after their last one (None: no limit)."""

    def refused(self, error: Exception) -> Exception:
        """The error staff see when Meta refused the message for good."""

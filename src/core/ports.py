"""The small interfaces through which core code reaches storage, queues and
the outside world. Adapters in `src/adapters/` implement them for AWS; the
in-memory implementations in `core.memory` serve unit tests and the terminal.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from .models import ClaimedTicket, Conversation, DailyCounters, HandoverStatus, ReplyMessage, Ticket

if TYPE_CHECKING:  # keeps `import core.ports` free of the matcher that TenantKnowledge carries
    from .kb.compiled import TenantKnowledge


class ConversationStore(Protocol):
    def get(self, tenant: str, conversation_id: str) -> Conversation | None:
        """The conversation, or None when it does not exist for this tenant."""

    def save(
        self, conversation: Conversation, expected_version: int, counters: DailyCounters | None = None
    ) -> Conversation:
        """Write the conversation if its stored version is `expected_version`
        (0: it must not exist yet) and apply `counters` atomically in the same
        write. Returns the conversation with the new version. Raises
        `VersionConflict` when another writer won."""

    def delete(self, tenant: str, conversation_id: str) -> bool:
        """Erase the conversation; True when something was deleted."""

    def list_handovers(self, tenant: str, status: HandoverStatus, team: str | None = None) -> list[Conversation]:
        """Conversations of one tenant in the given handover status (an index
        query, never a scan)."""

    def daily_counters(self, tenant: str, first: date, last: date) -> list[DailyCounters]:
        """The tenant's daily aggregates from `first` to `last` inclusive."""


class TicketQueue(Protocol):
    def send(self, ticket: Ticket) -> None:
        """Put the ticket on the tenant's queue. Raises `ServiceUnavailable`."""

    def receive(self, tenant: str, visibility_seconds: int) -> ClaimedTicket | None:
        """Claim the next ticket of the tenant (hidden for `visibility_seconds`)."""

    def done(self, tenant: str, receipt: str) -> None: ...

    def release(self, tenant: str, receipt: str) -> None: ...


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


class KnowledgeRepository(Protocol):
    """The compiled knowledge of every tenant (`adapters.kb_files` on disk,
    `core.kb.static.StaticKnowledge` in memory)."""

    def get(self, tenant: str) -> "TenantKnowledge":
        """The tenant's merged knowledge and matcher. Raises `NotFound` for an unknown tenant."""

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        """The slug of the tenant that owns this WhatsApp phone-number id, or None."""

    def slugs(self) -> list[str]:
        """Every known tenant slug, sorted."""

"""In-memory implementations of the ports, for unit tests and `balie chat`.

They keep the same contract as the AWS adapters (the store contract suite in
tests/integration runs against both): stored values are copies, a save with a
stale version raises `VersionConflict`, counters add up per tenant and day.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .clock import Clock, now
from .errors import NotFound, VersionConflict
from .ids import new_id
from .models import ClaimedTicket, Conversation, DailyCounters, HandoverStatus, Ticket

ACTIVE_HANDOVER = (HandoverStatus.WAITING, HandoverStatus.LIVE)


class InMemoryConversationStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conversations: dict[tuple[str, str], str] = {}  # JSON, so callers never share objects
        self._counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        # (tenant, day) -> [(conversation id, redacted question)]: erasure removes a conversation's questions
        self._unanswered: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)

    def get(self, tenant: str, conversation_id: str) -> Conversation | None:
        with self._lock:
            raw = self._conversations.get((tenant, conversation_id))
        return Conversation.model_validate_json(raw) if raw is not None else None

    def save(
        self, conversation: Conversation, expected_version: int, counters: DailyCounters | None = None
    ) -> Conversation:
        key = (conversation.tenant, conversation.id)
        saved = conversation.model_copy(deep=True, update={"version": expected_version + 1})
        with self._lock:
            current = self._conversations.get(key)
            stored_version = Conversation.model_validate_json(current).version if current is not None else 0
            if (current is None and expected_version != 0) or (current is not None and stored_version != expected_version):
                raise VersionConflict(f"{conversation.id}: expected version {expected_version}")
            self._conversations[key] = saved.model_dump_json()
            if counters is not None:
                day = (counters.tenant, counters.day)
                for name, amount in counters.counts.items():
                    self._counts[day][name] = self._counts[day].get(name, 0) + amount
                self._unanswered[day].extend((conversation.id, text) for text in counters.unanswered)
        return saved

    def delete(self, tenant: str, conversation_id: str) -> bool:
        with self._lock:
            for (owner, _), questions in self._unanswered.items():
                if owner == tenant:
                    questions[:] = [(cid, text) for cid, text in questions if cid != conversation_id]
            return self._conversations.pop((tenant, conversation_id), None) is not None

    def list_handovers(self, tenant: str, status: HandoverStatus, team: str | None = None) -> list[Conversation]:
        if status not in ACTIVE_HANDOVER:
            return []  # like the sparse index: only waiting/live handovers are listed
        with self._lock:
            raws = [raw for (t, _), raw in self._conversations.items() if t == tenant]
        found = [Conversation.model_validate_json(raw) for raw in raws]
        found = [
            c for c in found
            if c.handover is not None and c.handover.status == status and (team is None or c.handover.team == team)
        ]
        return sorted(found, key=lambda c: c.handover.requested_at)  # type: ignore[union-attr]

    def daily_counters(self, tenant: str, first: date, last: date) -> list[DailyCounters]:
        result = []
        day = first
        with self._lock:
            while day <= last:
                key = (tenant, day.isoformat())
                if key in self._counts or self._unanswered.get(key):
                    result.append(
                        DailyCounters(
                            tenant=tenant,
                            day=key[1],
                            counts=dict(self._counts.get(key, {})),
                            unanswered=[text for _, text in self._unanswered.get(key, [])],
                        )
                    )
                day += timedelta(days=1)
        return result


@dataclass
class _Queued:
    ticket: Ticket
    visible_at: datetime
    receipt: str | None = None
    receive_count: int = 0


@dataclass
class InMemoryTicketQueue:
    """A per-tenant queue with SQS-like visibility: a received ticket is hidden
    for `visibility_seconds`, reappears unless `done`, and `release` shows it at once."""

    clock: Clock = field(default=now)
    _items: dict[str, list[_Queued]] = field(default_factory=lambda: defaultdict(list))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, ticket: Ticket) -> None:
        with self._lock:
            self._items[ticket.tenant].append(_Queued(ticket=ticket, visible_at=self.clock()))

    def receive(self, tenant: str, visibility_seconds: int) -> ClaimedTicket | None:
        moment = self.clock()
        with self._lock:
            for item in self._items[tenant]:
                if item.visible_at <= moment:
                    item.receipt = new_id()
                    item.receive_count += 1
                    item.visible_at = moment + timedelta(seconds=visibility_seconds)
                    return ClaimedTicket(
                        ticket=item.ticket.model_copy(deep=True), receipt=item.receipt, receive_count=item.receive_count
                    )
        return None

    def _find(self, tenant: str, receipt: str) -> _Queued:
        for item in self._items[tenant]:
            if item.receipt == receipt:
                return item
        raise NotFound("This ticket claim is no longer valid.")

    def done(self, tenant: str, receipt: str) -> None:
        with self._lock:
            self._items[tenant].remove(self._find(tenant, receipt))

    def release(self, tenant: str, receipt: str) -> None:
        with self._lock:
            item = self._find(tenant, receipt)
            item.visible_at = self.clock()
            item.receipt = None

    def pending(self, tenant: str) -> list[Ticket]:
        """Every ticket still on the queue (claimed or not), oldest first."""
        with self._lock:
            return [item.ticket.model_copy(deep=True) for item in self._items[tenant]]


@dataclass
class InMemoryHandoverTimeouts:
    """Records the timeout checks a live handover asked for (tests, terminal);
    nothing fires them by itself."""

    scheduled: list[tuple[str, str, datetime, int]] = field(default_factory=list)

    def schedule(self, tenant: str, conversation_id: str, requested_at: datetime, delay_seconds: int) -> None:
        self.scheduled.append((tenant, conversation_id, requested_at, delay_seconds))

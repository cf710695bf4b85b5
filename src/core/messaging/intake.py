"""The webhook's use case, the same for every messaging channel: fast, no engine, no
Graph API call, so Meta gets its 200 within its timeout.

A body may carry many events (Meta batches up to 1,000). An event that is for no tenant,
or older than Meta's retry period, is ignored on its own; the rest goes on. A small
delivery (most carry one event) is taken in at once: each event queued on its own, with
Meta's id as the queue's deduplication id. A larger one would cost the webhook one queue
call per ten events, more than Meta waits for at 1,000: its events are queued unopened in
parts of up to 100 (`DeliveryPart`), and the worker takes each part in as the webhook
would have (`take_in`), so the webhook's work no longer grows with a delivery's events.
Order: a resident's message in a later small delivery must not overtake their message still
waiting in a part of an earlier one (the part's events reach the resident's message group
only when the worker takes the part in). So while any part is pending (`PendingParts`: the
webhook names the parts before queueing them, the worker strikes each off after taking it in),
a small delivery is queued as a part too, behind them in their one message group; otherwise
it goes straight to the residents' groups. The check is one consistent read; it took the
place of the conditional write that marked events seen.

Delivery receipts (WhatsApp's sent / delivered / read) likewise: up to 25 are recorded at
once (one BatchWriteItem), more go on the queue in parts for the worker to record.

Nothing is marked here: an event is at least once on the queue, and carried out once by
the worker, which records it as done only after carrying it out (core.messaging.delivery).
Marking it seen before queueing lost it when the webhook (or the worker taking in a part)
died between the two: Meta does not resend what it sees acknowledged, and its retry (or
the queue's) found the event seen. Now a retry queues it again: the queue drops a copy
within its five minutes of deduplication, the worker one that comes later.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..clock import offset_from_real_time
from ..errors import ServiceUnavailable
from ..models import Channel, ChannelAccount
from ..ports import InboundQueue, PendingParts, ReceiptRecorder
from .events import DeliveryPart, Event, QueuedEvent, QueuedReceipt, Receipt

log = logging.getLogger(__name__)

# Meta retries a delivery for up to 7 days; anything older is a replay (a signed body
# captured once stays validly signed forever), never a resident waiting for an answer.
MAX_EVENT_AGE = timedelta(days=7)
# Up to this many events a delivery is taken in at once: one SendMessageBatch.
INLINE_EVENTS = 10
# A part stays within SQS's 256 KB a message (a Messenger text is at most 2,000 characters,
# a WhatsApp one 4,096: at up to 4 bytes each, 100 long texts could pass it, hence the bytes).
PART_EVENTS = 100
PART_BYTES = 192 * 1024
# Up to this many receipts are recorded at once (one BatchWriteItem); more are queued in parts
# of up to a whole delivery's (the worker writes them 25 a request, within its timeout).
INLINE_RECEIPTS = 25
PART_RECEIPTS = 1000
# A part still pending after the queue's retries (5 receives x 360 s visibility, template.yaml)
# is in the dead-letter queue: later messages no longer wait for it.
PENDING_PART_AGE = timedelta(seconds=5 * 360)


def in_clock_time(event: Event, oldest: datetime, offset: timedelta) -> Event:
    """Meta stamps an event in real time. On a fixed clock (`BALIE_NOW`, local stack only) a stamp
    older than the clock's retry period is read shifted by the clock's offset from real time, so a
    message written now is fresh (and its 24-hour window open) at the clock's Christmas as well; a
    stamp in the clock's own time (`balie whatsapp send`) stays. In AWS the offset is zero."""
    if not offset or not event.timestamp or event.timestamp >= oldest.timestamp():
        return event
    return event.model_copy(update={"timestamp": int(event.timestamp + offset.total_seconds())})


@dataclass
class ParsedWebhook:
    """What a channel's parser read from one body."""

    events: list[Event] = field(default_factory=list)
    receipts: list[Receipt] = field(default_factory=list)
    # (account id, reason) of everything acknowledged but not acted on.
    ignored: list[tuple[str, str]] = field(default_factory=list)

    def take(self, account_id: str, read: Callable[[], Event | Receipt | str | None], what: str) -> None:
        """Adds what `read` makes of one item of the body: an event, a receipt, or the reason
        it is ignored. An item that cannot be read at all is ignored on its own: Meta would
        retry a failed delivery for days, and the rest of the body must go on."""
        try:
            found = read()
        except Exception:  # noqa: BLE001 - one unreadable item must not cost the others
            log.warning("%s unreadable", what, exc_info=True)
            found = None
        if isinstance(found, Event):
            self.events.append(found)
        elif isinstance(found, Receipt):
            self.receipts.append(found)
        else:
            self.ignored.append((account_id, found or f"unreadable {what}"))


@dataclass
class IntakeResult:
    queued: int = 0
    duplicates: int = 0  # repeated within the body (the worker finds a copy of an earlier delivery)
    receipts: int = 0
    ignored: int = 0
    failed: dict[str, int] = field(default_factory=dict)  # "failed" receipts per tenant (metrics)


class WebhookIntake:
    def __init__(
        self,
        *,
        owner: Callable[[Channel, str], ChannelAccount | None],
        conversation_id: Callable[[str, Event], str],
        queue: InboundQueue,
        pending: PendingParts,
        clock: Callable[[], datetime],
        receipts: ReceiptRecorder | None = None,
        clock_offset: Callable[[], timedelta] = offset_from_real_time,
    ) -> None:
        # The tenant (and the channel) of an account id; the channel the body named is a hint.
        self.owner = owner
        self.conversation_id = conversation_id  # the channel's name for the resident's thread
        self.queue = queue
        self.pending = pending
        self.clock = clock
        self.receipts = receipts
        self.clock_offset = clock_offset

    def accept(self, parsed: ParsedWebhook) -> IntakeResult:
        result = IntakeResult(ignored=len(parsed.ignored))
        owners: dict[tuple[str, str], ChannelAccount | None] = {}

        def owner(event: Event | Receipt) -> ChannelAccount | None:
            key = (event.channel.value, event.account_id)
            if key not in owners:
                owners[key] = self.owner(event.channel, event.account_id) if event.account_id else None
            return owners[key]

        oldest = self.clock() - MAX_EVENT_AGE
        offset = self.clock_offset()
        items: dict[str, QueuedEvent] = {}  # by event id: Meta may repeat an event within one body
        for received in parsed.events:
            event = in_clock_time(received, oldest, offset)
            account = owner(event)
            if account is None:
                result.ignored += 1  # another business's account: not for Balie
            elif event.timestamp and event.timestamp < oldest.timestamp():
                result.ignored += 1
            elif event.event_id in items:
                result.duplicates += 1
            else:
                settled = event if event.channel == account.channel else event.model_copy(update={"channel": account.channel})
                items[event.event_id] = QueuedEvent(
                    tenant=account.tenant, conversation_id=self.conversation_id(account.tenant, settled), event=settled
                )
        events = list(items.values())
        receipts = self._receipts(parsed.receipts, owner, result)
        now = self.clock()
        behind = bool(events) and (len(events) > INLINE_EVENTS or self.pending.any_pending(now))
        event_parts = parts(events, PART_EVENTS) if behind else []
        if event_parts:
            # Named before they are queued: a later delivery checking in between waits behind them.
            self.pending.add_pending([part.id() for part in event_parts], now)
        queued = [*event_parts, *(parts(receipts, PART_RECEIPTS) if len(receipts) > INLINE_RECEIPTS else [])]
        if queued:
            self.queue.send_parts(queued)
        if events and not behind:
            self.take_in(events)
        if len(receipts) <= INLINE_RECEIPTS:
            self._record(receipts, result)
        result.queued, result.receipts = len(events), len(receipts)
        return result

    def take_in(self, items: list[QueuedEvent]) -> None:
        """Each event queued on its own, deduplicated by Meta's id (the webhook for a small
        delivery, the worker for a part of a large one). Raises when any could not be queued:
        a retry queues them all again, and what was queued already is dropped as a copy."""
        not_queued = self.queue.send(items)
        if not_queued:
            raise ServiceUnavailable(f"{len(not_queued)} messages could not be queued.")

    def take_in_part(self, part: DeliveryPart) -> IntakeResult:
        """A part of a large delivery (the worker): its events queued, its receipts recorded."""
        result = IntakeResult(queued=len(part.events), receipts=len(part.receipts))
        if part.events:
            self.take_in(part.events)
            # Only now: a resident's later message, sent behind this part until here, may go straight on.
            self.pending.remove_pending(part.id())
        self._record(part.receipts, result)
        return result

    def _receipts(self, receipts: list[Receipt], owner: Callable[[Event | Receipt], ChannelAccount | None],
                  result: IntakeResult) -> list[QueuedReceipt]:
        found = []
        for receipt in receipts:
            account = owner(receipt)
            if account is None or self.receipts is None:
                result.ignored += 1
            else:
                found.append(QueuedReceipt(tenant=account.tenant, receipt=receipt))
        return found

    def _record(self, receipts: list[QueuedReceipt], result: IntakeResult) -> None:
        by_tenant: dict[str, list[Receipt]] = {}
        for item in receipts:
            by_tenant.setdefault(item.tenant, []).append(item.receipt)
        for tenant, tenant_receipts in by_tenant.items():
            assert self.receipts is not None
            self.receipts.record_receipts(tenant, tenant_receipts)
            failed = sum(1 for receipt in tenant_receipts if receipt.status == "failed")
            if failed:
                result.failed[tenant] = failed


def parts(items: Sequence[QueuedEvent | QueuedReceipt], most: int) -> list[DeliveryPart]:
    """The items in order, in parts of at most `most` items and PART_BYTES of JSON."""
    found: list[DeliveryPart] = []
    current: list[QueuedEvent | QueuedReceipt] = []
    size = 0

    def close() -> None:
        found.append(DeliveryPart(events=[item for item in current if isinstance(item, QueuedEvent)],
                                  receipts=[item for item in current if isinstance(item, QueuedReceipt)]))

    for item in items:
        item_size = len(item.model_dump_json().encode("utf-8"))
        if current and (len(current) == most or size + item_size > PART_BYTES):
            close()
            current, size = [], 0
        current.append(item)
        size += item_size + 1
    if current:
        close()
    return found

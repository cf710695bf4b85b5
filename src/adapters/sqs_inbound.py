"""Producer side of a messaging channel's inbound FIFO queue (WhatsApp, Messenger).

The message group is the conversation id: deterministic per (tenant, resident), so one
resident's events are worked in order while different residents run in parallel, and
the queue's metadata never shows a phone number or a page-scoped id. Meta's event id is
the deduplication id (within SQS's limits), so an event queued again within five minutes
(Meta's retry, a part taken in again) is dropped by SQS itself; a later copy is found done
by the worker (core.messaging.delivery). Several events go in batches of ten (SendMessageBatch).

The parts of a large delivery (core.messaging.intake) go on the same queue, marked by the
message attribute `kind` = `delivery-part`, all in one message group, so the worker takes
them in in order; a part's deduplication id is a hash of its events' ids (and receipts'),
so a delivery Meta repeats within five minutes queues no part twice.
"""
from __future__ import annotations

import hashlib
import re

from botocore.exceptions import BotoCoreError, ClientError

from core.errors import ServiceUnavailable
from core.messaging.events import DELIVERY_PART_KIND, DeliveryPart, QueuedEvent

# SQS allows 128 characters of alphanumerics and punctuation in both ids.
_SQS_ID = re.compile(r"^[\x21-\x7e]{1,128}$")


def sqs_id(value: str) -> str:
    return value if _SQS_ID.match(value) else hashlib.sha256(value.encode("utf-8")).hexdigest()


BATCH_SIZE = 10  # SendMessageBatch's limit
# Every part of a large delivery, and every later small delivery sent behind them, in one
# group: taken in strictly in the order queued, so a resident's later message never overtakes
# an earlier one still in a part. Receipts need no order: their parts go in a group of their own.
EVENT_PARTS_GROUP = "delivery-parts"
RECEIPT_PARTS_GROUP = "delivery-receipts"


class SqsEventQueue:
    """`core.ports.InboundQueue` on SQS FIFO."""

    def __init__(self, client, queue_url: str) -> None:  # client: a boto3 SQS client
        self.client = client
        self.queue_url = queue_url

    def send(self, items: list[QueuedEvent]) -> list[QueuedEvent]:
        """Returns what was not queued. After a failed entry nothing later is sent: a
        resident's later message must not overtake an earlier one that only comes again
        with Meta's retry. One item (most deliveries) goes with SendMessage: the same
        outcome, a lighter call."""
        if len(items) == 1:
            (item,) = items
            try:
                self.client.send_message(QueueUrl=self.queue_url, MessageBody=item.model_dump_json(),
                                         MessageGroupId=sqs_id(item.conversation_id),
                                         MessageDeduplicationId=sqs_id(item.event.event_id))
            except (BotoCoreError, ClientError) as error:
                raise ServiceUnavailable("The inbound queue is not available.") from error
            return []
        for start in range(0, len(items), BATCH_SIZE):
            batch = items[start : start + BATCH_SIZE]
            entries = [
                {
                    "Id": str(number),
                    "MessageBody": item.model_dump_json(),
                    "MessageGroupId": sqs_id(item.conversation_id),
                    "MessageDeduplicationId": sqs_id(item.event.event_id),
                }
                for number, item in enumerate(batch)
            ]
            try:
                answer = self.client.send_message_batch(QueueUrl=self.queue_url, Entries=entries)
            except (BotoCoreError, ClientError) as error:
                raise ServiceUnavailable("The inbound queue is not available.") from error
            failed = sorted(int(entry["Id"]) for entry in answer.get("Failed", []))
            if failed:
                return batch[failed[0]:] + items[start + BATCH_SIZE:]
        return []

    def send_parts(self, parts: list[DeliveryPart]) -> None:
        """One SendMessage a part (a part may be near SQS's 256 KB, a batch's limit too), in order;
        after a failure nothing later is sent."""
        if not parts:
            return
        for part in parts:
            try:
                self.client.send_message(
                    QueueUrl=self.queue_url, MessageBody=part.model_dump_json(),
                    MessageGroupId=RECEIPT_PARTS_GROUP if not part.events else EVENT_PARTS_GROUP,
                    MessageDeduplicationId=part.id(),
                    MessageAttributes={"kind": {"DataType": "String", "StringValue": DELIVERY_PART_KIND}})
            except (BotoCoreError, ClientError) as error:
                raise ServiceUnavailable("The inbound queue is not available.") from error

"""Producer side of the WhatsApp inbound FIFO queue.

The message group is the conversation id: deterministic per (tenant, sender), so
one resident's messages are worked in order while different residents run in
parallel, and the queue's metadata never shows a phone number. The wamid is the
deduplication id (within SQS's limits), so a delivery Meta repeats within five
minutes is dropped by SQS itself.
"""
from __future__ import annotations

import hashlib
import re

from botocore.exceptions import BotoCoreError, ClientError

from channels.whatsapp import QueuedInbound
from core.errors import ServiceUnavailable

# SQS allows 128 characters of alphanumerics and punctuation in both ids.
_SQS_ID = re.compile(r"^[\x21-\x7e]{1,128}$")


def sqs_id(value: str) -> str:
    return value if _SQS_ID.match(value) else hashlib.sha256(value.encode("utf-8")).hexdigest()


class SqsInboundQueue:
    def __init__(self, client, queue_url: str) -> None:  # client: a boto3 SQS client
        self.client = client
        self.queue_url = queue_url

    def send(self, item: QueuedInbound) -> None:
        try:
            self.client.send_message(
                QueueUrl=self.queue_url,
                MessageBody=item.model_dump_json(),
                MessageGroupId=sqs_id(item.conversation_id),
                MessageDeduplicationId=sqs_id(item.inbound.wamid),
            )
        except (BotoCoreError, ClientError) as error:
            raise ServiceUnavailable("The WhatsApp inbound queue is not available.") from error

"""SQS implementations of `TicketQueue` and `HandoverTimeouts`.

Tickets: one standard queue (+ dead-letter queue) per tenant, because SQS
cannot filter by tenant and releasing another tenant's messages would push
them toward the dead-letter queue. The queue of tenant `<slug>` is named
`<prefix><slug>` (template.yaml: `${AWS::StackName}-tickets-<slug>`); its URL
is looked up by name once per container and cached. Receiving a ticket is the
staff claim (its visibility timeout), deleting it is "done", and a visibility
of 0 is "release". A ticket nobody finishes becomes visible again, and after
the queue's redrive limit lands in the dead-letter queue (alarmed).

Timeouts: one standard queue; each live handover sends one message delayed by
the tenant's limit, which `handlers.handover_timeout` consumes.
"""
from __future__ import annotations

import json
import logging
import threading
from datetime import datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from core.errors import NotFound, ServiceUnavailable
from core.models import ClaimedTicket, Ticket

log = logging.getLogger(__name__)

MAX_DELAY_SECONDS = 900
_BAD_RECEIPT = {
    "ReceiptHandleIsInvalid",
    "InvalidParameterValue",
    "MessageNotInflight",
    "AWS.SimpleQueueService.MessageNotInflight",
    "InvalidReceiptHandle",
}
_NO_QUEUE = {"AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"}


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


class SqsTicketQueue:
    def __init__(self, sqs: Any, name_prefix: str) -> None:
        self._sqs = sqs
        self._prefix = name_prefix
        self._urls: dict[str, str] = {}
        self._lock = threading.Lock()

    def queue_name(self, tenant: str) -> str:
        return f"{self._prefix}{tenant}"

    def _url(self, tenant: str) -> str:
        with self._lock:
            cached = self._urls.get(tenant)
        if cached is not None:
            return cached
        try:
            url = self._sqs.get_queue_url(QueueName=self.queue_name(tenant))["QueueUrl"]
        except ClientError as error:
            if _error_code(error) in _NO_QUEUE:
                # A tenant without a queue is a deployment gap (TenantSlugs), not bad input.
                raise ServiceUnavailable(f"No ticket queue for tenant {tenant!r}.") from error
            raise ServiceUnavailable("The ticket queue cannot be reached.") from error
        except BotoCoreError as error:
            raise ServiceUnavailable("The ticket queue cannot be reached.") from error
        with self._lock:
            self._urls[tenant] = url
        return url

    def send(self, ticket: Ticket) -> None:
        url = self._url(ticket.tenant)
        try:
            self._sqs.send_message(
                QueueUrl=url,
                MessageBody=ticket.model_dump_json(),
                MessageAttributes={
                    "team": {"DataType": "String", "StringValue": ticket.team},
                    "ticketId": {"DataType": "String", "StringValue": ticket.id},
                },
            )
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The ticket could not be queued.") from error

    def receive(self, tenant: str, visibility_seconds: int) -> ClaimedTicket | None:
        url = self._url(tenant)
        try:
            answer = self._sqs.receive_message(
                QueueUrl=url,
                MaxNumberOfMessages=1,
                VisibilityTimeout=visibility_seconds,
                WaitTimeSeconds=0,
                MessageSystemAttributeNames=["ApproximateReceiveCount"],
            )
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The ticket queue cannot be reached.") from error
        messages = answer.get("Messages") or []
        if not messages:
            return None
        message = messages[0]
        try:
            ticket = Ticket.model_validate_json(message["Body"])
        except ValueError:
            # Left in flight: it comes back and, after the redrive limit, lands in the
            # alarmed dead-letter queue where an operator can look at it.
            log.error("unreadable ticket message %s on the queue of %s", message.get("MessageId"), tenant)
            return None
        if ticket.tenant != tenant:
            log.error("ticket of tenant %s on the queue of %s", ticket.tenant, tenant)
            return None
        count = int(message.get("Attributes", {}).get("ApproximateReceiveCount", "1"))
        return ClaimedTicket(ticket=ticket, receipt=message["ReceiptHandle"], receive_count=count)

    def done(self, tenant: str, receipt: str) -> None:
        self._with_receipt(tenant, receipt, lambda url: self._sqs.delete_message(QueueUrl=url, ReceiptHandle=receipt))

    def release(self, tenant: str, receipt: str) -> None:
        self._with_receipt(
            tenant, receipt,
            lambda url: self._sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=receipt, VisibilityTimeout=0),
        )

    def _with_receipt(self, tenant: str, receipt: str, call: Any) -> None:
        url = self._url(tenant)
        try:
            call(url)
        except ClientError as error:
            if _error_code(error) in _BAD_RECEIPT:
                raise NotFound("This ticket claim is no longer valid.") from error
            raise ServiceUnavailable("The ticket queue cannot be reached.") from error
        except BotoCoreError as error:
            raise ServiceUnavailable("The ticket queue cannot be reached.") from error


def timeout_message(tenant: str, conversation_id: str, requested_at: datetime) -> str:
    return json.dumps({"tenant": tenant, "conversationId": conversation_id, "requestedAt": requested_at.isoformat()})


class SqsHandoverTimeouts:
    def __init__(self, sqs: Any, queue_url: str) -> None:
        self._sqs = sqs
        self._url = queue_url

    def schedule(self, tenant: str, conversation_id: str, requested_at: datetime, delay_seconds: int) -> None:
        try:
            self._sqs.send_message(
                QueueUrl=self._url,
                MessageBody=timeout_message(tenant, conversation_id, requested_at),
                DelaySeconds=max(0, min(int(delay_seconds), MAX_DELAY_SECONDS)),
            )
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The handover check could not be scheduled.") from error

"""SQS implementations of `TicketQueue`, `HandoverTimeouts` and the tenant `BuildQueue`.

Tickets: one standard queue for every tenant, the ticket-intake queue; the
ticket-intake function turns each message into a ticket record (idempotent by
the ticket's id, so SQS's at-least-once delivery stores a ticket once), or adds
what the resident wrote later to its record (idempotent by the addition's id). A
message the intake cannot take after the redrive limit lands in the alarmed
dead-letter queue.

Timeouts: one standard queue; each live handover sends one message delayed by
the tenant's limit, which `handlers.handover_timeout` consumes.

Tenant builds: one standard queue; each published tenant version is one message,
which `handlers.tenant_build` consumes (idempotent per version); the editor's draft
checks travel on it too (`{"tenant", "draft"}`, idempotent by content).
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from core.errors import ServiceUnavailable
from core.models import AddedToTicket, Ticket

MAX_DELAY_SECONDS = 900


class SqsTicketQueue:
    def __init__(self, sqs: Any, queue_url: str) -> None:
        self._sqs = sqs
        self._url = queue_url

    def send(self, ticket: Ticket) -> None:
        try:
            self._sqs.send_message(
                QueueUrl=self._url,
                MessageBody=ticket.model_dump_json(),
                # Only ids as metadata: the body holds the contact and the summary.
                MessageAttributes={
                    "tenant": {"DataType": "String", "StringValue": ticket.tenant},
                    "ticketId": {"DataType": "String", "StringValue": ticket.id},
                },
            )
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The ticket could not be queued.") from error

    def add(self, added: AddedToTicket) -> None:
        try:
            self._sqs.send_message(
                QueueUrl=self._url,
                MessageBody=added.model_dump_json(),  # the intake tells it from a ticket by its `addition`
                MessageAttributes={
                    "tenant": {"DataType": "String", "StringValue": added.tenant},
                    "ticketId": {"DataType": "String", "StringValue": added.ticket_id},
                },
            )
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The addition to the ticket could not be queued.") from error


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


class SqsTenantBuilds:
    """The BuildQueue: `{"tenant", "version"}` on the tenant-build queue."""

    def __init__(self, sqs: Any, queue_url: str) -> None:
        self._sqs = sqs
        self._url = queue_url

    def request(self, slug: str, version: int) -> None:
        self._send({"tenant": slug, "version": version})

    def request_draft_check(self, slug: str, revision: int) -> None:
        """The editor's `DraftChecks`: `{"tenant", "draft"}` on the same queue (core.editor)."""
        self._send({"tenant": slug, "draft": revision})

    def _send(self, body: dict[str, Any]) -> None:
        try:
            self._sqs.send_message(QueueUrl=self._url, MessageBody=json.dumps(body))
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The tenant build could not be requested.") from error

"""The SQS ticket queues from template.yaml (moto): claim, done, release, and
the lost-ticket paths (claim expiry, redrive to the dead-letter queue)."""
from __future__ import annotations

import json
import os
import time
from datetime import datetime

import boto3
import pytest

from adapters.sqs_tickets import SqsHandoverTimeouts, SqsTicketQueue
from core.errors import NotFound, ServiceUnavailable
from core.models import Channel, Ticket
from core.opening_hours import AMSTERDAM

SATURDAY = datetime(2026, 11, 28, 21, 30, tzinfo=AMSTERDAM)
MONDAY = datetime(2026, 11, 30, 8, 30, tzinfo=AMSTERDAM)


def ticket(tenant: str = "voorbeeld", number: int = 1) -> Ticket:
    return Ticket(id=f"{number:032x}", tenant=tenant, team="kcc", conversation_id=f"{tenant}.{number:032x}",
                  channel=Channel.WEB, intent="paspoort", summary="Inwoner: paspoort", contact="+31612345678",
                  contact_kind="phone", created_at=SATURDAY, expected_contact_at=MONDAY)


@pytest.fixture
def queue(mock_aws) -> SqsTicketQueue:  # noqa: ANN001 - the Deployment from conftest
    return SqsTicketQueue(boto3.client("sqs"), os.environ["TICKET_QUEUE_NAME_PREFIX"])


def test_send_claim_done(queue: SqsTicketQueue) -> None:
    queue.send(ticket())
    claimed = queue.receive("voorbeeld", 60)
    assert claimed is not None and claimed.ticket == ticket() and claimed.receive_count == 1
    assert queue.receive("voorbeeld", 60) is None  # hidden while claimed
    queue.done("voorbeeld", claimed.receipt)
    assert queue.receive("voorbeeld", 0) is None


def test_tenants_never_share_a_queue(queue: SqsTicketQueue) -> None:
    queue.send(ticket("voorbeeld", 1))
    queue.send(ticket("voorbeeld-noord", 2))
    mine = queue.receive("voorbeeld-noord", 60)
    assert mine is not None and mine.ticket.tenant == "voorbeeld-noord"
    assert queue.receive("voorbeeld-noord", 60) is None
    theirs = queue.receive("voorbeeld", 60)
    assert theirs is not None and theirs.ticket.tenant == "voorbeeld"


def test_release_makes_the_ticket_visible_at_once(queue: SqsTicketQueue) -> None:
    queue.send(ticket())
    first = queue.receive("voorbeeld", 600)
    assert first is not None
    queue.release("voorbeeld", first.receipt)
    again = queue.receive("voorbeeld", 600)
    assert again is not None and again.ticket.id == first.ticket.id and again.receive_count == 2


def test_a_ticket_never_done_comes_back_after_the_claim_expires(queue: SqsTicketQueue) -> None:
    queue.send(ticket())
    assert queue.receive("voorbeeld", 1) is not None
    assert queue.receive("voorbeeld", 1) is None
    time.sleep(1.2)
    back = queue.receive("voorbeeld", 60)
    assert back is not None and back.receive_count == 2


def test_after_the_redrive_limit_the_ticket_lands_in_the_dead_letter_queue(queue: SqsTicketQueue, mock_aws) -> None:  # noqa: ANN001
    sqs = boto3.client("sqs")
    redrive = json.loads(sqs.get_queue_attributes(
        QueueUrl=mock_aws.queues["TicketQueuevoorbeeld"], AttributeNames=["RedrivePolicy"])["Attributes"]["RedrivePolicy"])
    limit = int(redrive["maxReceiveCount"])
    queue.send(ticket())
    for _ in range(limit):
        claimed = queue.receive("voorbeeld", 600)
        assert claimed is not None
        queue.release("voorbeeld", claimed.receipt)
    assert queue.receive("voorbeeld", 600) is None
    dead = sqs.receive_message(QueueUrl=mock_aws.queues["TicketDeadLetterQueuevoorbeeld"], MaxNumberOfMessages=10)
    [message] = dead["Messages"]
    assert Ticket.model_validate_json(message["Body"]) == ticket()


def test_a_stale_receipt_is_not_found(queue: SqsTicketQueue) -> None:
    queue.send(ticket())
    claimed = queue.receive("voorbeeld", 600)
    assert claimed is not None
    queue.done("voorbeeld", claimed.receipt)
    with pytest.raises(NotFound):
        queue.release("voorbeeld", claimed.receipt)


def test_a_tenant_without_a_queue_is_a_service_error(queue: SqsTicketQueue) -> None:
    with pytest.raises(ServiceUnavailable):
        queue.send(ticket("onbekend"))


def test_timeouts_are_delayed_messages(mock_aws) -> None:  # noqa: ANN001
    sqs = boto3.client("sqs")
    url = os.environ["HANDOVER_TIMEOUT_QUEUE_URL"]
    SqsHandoverTimeouts(sqs, url).schedule("voorbeeld", "voorbeeld." + "a" * 32, SATURDAY, 1)
    assert sqs.receive_message(QueueUrl=url).get("Messages", []) == []
    time.sleep(1.2)
    [message] = sqs.receive_message(QueueUrl=url)["Messages"]
    assert json.loads(message["Body"]) == {
        "tenant": "voorbeeld", "conversationId": "voorbeeld." + "a" * 32, "requestedAt": SATURDAY.isoformat()}

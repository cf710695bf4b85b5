"""The ticket-intake queue and function from template.yaml (moto): one queue for every
tenant, each message a ticket record and one e-mail to the team, redeliveries
harmless, an unreadable message in the dead-letter queue; and the delayed
handover-timeout messages."""
from __future__ import annotations

import json
import os
import time
from datetime import datetime, timedelta

import boto3
import pytest
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError

from adapters.dynamodb_store import (
    TICKET_MARKER_PREFIX,
    TICKET_SK,
    DynamoDBConversationStore,
    conversation_pk,
    item_key,
    ticket_pk,
)
from adapters.dynamodb_tickets import DynamoDBTicketStore
from adapters.sqs_queues import SqsHandoverTimeouts, SqsTicketQueue
from balie_local.dev_auth import TENANTS_DIR
from balie_local.dev_mail import sent_mail
from balie_local.events import LambdaContext, sqs_record_from_message
from balie_local.tenant_cmd import tenant_document
from core.models import AddedToTicket, Channel, Conversation, Ticket, TicketAddition, TicketStatus
from core.opening_hours import AMSTERDAM
from handlers import ticket_intake

SATURDAY = datetime(2026, 11, 28, 21, 30, tzinfo=AMSTERDAM)
MONDAY = datetime(2026, 11, 30, 8, 30, tzinfo=AMSTERDAM)


def ticket(tenant: str = "voorbeeld", number: int = 1, team: str = "burgerzaken") -> Ticket:
    return Ticket(id=f"{number:032x}", tenant=tenant, team=team, conversation_id=f"{tenant}.{number:032x}",
                  channel=Channel.WEB, intent="paspoort", summary="Inwoner: paspoort", contact="+31612345678",
                  contact_kind="phone", created_at=SATURDAY, expected_contact_at=MONDAY)


@pytest.fixture
def table(mock_aws) -> str:  # noqa: ANN001 - the Deployment from conftest
    return mock_aws.merged_environment()["TABLE_NAME"]


def with_conversation(table: str, item: Ticket) -> Ticket:
    DynamoDBConversationStore(boto3.client("dynamodb"), table).save(Conversation(
        id=item.conversation_id, tenant=item.tenant, channel=Channel.WEB, created_at=SATURDAY, updated_at=SATURDAY), 0)
    return item


def intake_queue() -> str:
    return os.environ["TICKET_INTAKE_QUEUE_URL"]


def deliver(mock_aws, visibility: int = 60) -> dict:  # noqa: ANN001
    """What Lambda's event source mapping does once: receive a batch, invoke the
    intake, delete what succeeded. Returns the handler's partial-batch answer."""
    sqs = boto3.client("sqs")
    received = sqs.receive_message(QueueUrl=intake_queue(), MaxNumberOfMessages=10, VisibilityTimeout=visibility,
                                   MessageSystemAttributeNames=["All"], MessageAttributeNames=["All"])
    messages = received.get("Messages", [])
    if not messages:
        return {"batchItemFailures": [], "received": 0}
    arn = mock_aws.queue_arns["TicketIntakeQueue"]
    event = {"Records": [sqs_record_from_message(message, event_source_arn=arn) for message in messages]}
    try:
        answer = ticket_intake.handler(event, LambdaContext("TicketIntakeFunction"))
    except BatchProcessingError:  # every record failed: Lambda sees the invocation fail
        answer = {"batchItemFailures": [{"itemIdentifier": message["MessageId"]} for message in messages]}
    failed = {failure["itemIdentifier"] for failure in answer["batchItemFailures"]}
    for message in messages:
        if message["MessageId"] not in failed:
            sqs.delete_message(QueueUrl=intake_queue(), ReceiptHandle=message["ReceiptHandle"])
    return {**answer, "received": len(messages)}


def test_every_tenants_tickets_share_one_queue_and_become_records(mock_aws, table: str) -> None:  # noqa: ANN001
    queue = SqsTicketQueue(boto3.client("sqs"), intake_queue())
    queue.send(with_conversation(table, ticket("voorbeeld", 1)))
    queue.send(with_conversation(table, ticket("voorbeeld-noord", 2, team="kcc")))
    assert deliver(mock_aws)["batchItemFailures"] == []
    store = DynamoDBTicketStore(boto3.client("dynamodb"), table)
    [mine] = store.list("voorbeeld", TicketStatus.OPEN)
    [theirs] = store.list("voorbeeld-noord", TicketStatus.OPEN)
    assert mine.id == ticket("voorbeeld", 1).id and theirs.tenant == "voorbeeld-noord"
    assert mine.notified_at is not None
    # The record and its marker expire (the table's TTL) after each tenant's retention_days.
    for record in (mine, theirs):
        days = tenant_document(TENANTS_DIR / f"{record.tenant}.yaml")["retention_days"]
        for key in (item_key(ticket_pk(record.tenant, record.id), TICKET_SK),
                    item_key(conversation_pk(record.tenant, record.conversation_id), TICKET_MARKER_PREFIX + record.id)):
            item = boto3.client("dynamodb").get_item(TableName=table, Key=key)["Item"]
            assert int(item["expiresAt"]["N"]) == int((SATURDAY + timedelta(days=days)).timestamp())
    mails = sent_mail()
    assert sorted(mail["to"][0] for mail in mails) == ["burgerzaken@voorbeeld.example", "info@voorbeeld-noord.example"]
    assert all("+31612345678" not in mail["text"] for mail in mails)


def test_a_redelivered_message_stores_and_mails_once(mock_aws, table: str) -> None:  # noqa: ANN001
    queue = SqsTicketQueue(boto3.client("sqs"), intake_queue())
    item = with_conversation(table, ticket())
    queue.send(item)
    queue.send(item)  # SQS delivers at least once
    deliver(mock_aws)
    assert len(DynamoDBTicketStore(boto3.client("dynamodb"), table).list("voorbeeld", TicketStatus.OPEN)) == 1
    assert len(sent_mail()) == 1


def test_what_the_resident_adds_later_reaches_the_ticket_and_the_team_once_even_before_it(mock_aws, table: str) -> None:  # noqa: ANN001
    queue = SqsTicketQueue(boto3.client("sqs"), intake_queue())
    item = with_conversation(table, ticket())
    addition = AddedToTicket(tenant=item.tenant, conversation_id=item.conversation_id, ticket_id=item.id,
                             addition=TicketAddition(id="b" * 32, at=SATURDAY + timedelta(minutes=5),
                                                     text="of bel me op [TELEFOON]", contact="+31687654321",
                                                     contact_kind="phone"))
    queue.add(addition)  # ahead of its ticket: retried, not lost
    answer = deliver(mock_aws, visibility=0)
    assert answer["received"] == 1 and len(answer["batchItemFailures"]) == 1
    queue.send(item)
    queue.add(addition)  # and once more, as SQS may deliver it twice
    for _ in range(3):
        deliver(mock_aws, visibility=0)
    [record] = DynamoDBTicketStore(boto3.client("dynamodb"), table).list("voorbeeld", TicketStatus.OPEN)
    assert [(a.text, a.contact) for a in record.additions] == [("of bel me op [TELEFOON]", "+31687654321")]
    mails = sent_mail()  # the ticket's and the addition's, each once, never the resident's contact
    assert len(mails) == 2 and "een ander telefoonnummer" in mails[1]["text"] and item.id in mails[1]["text"]
    assert all("+31687654321" not in mail["text"] for mail in mails)


def test_an_unreadable_message_lands_in_the_dead_letter_queue(mock_aws) -> None:  # noqa: ANN001
    sqs = boto3.client("sqs")
    redrive = json.loads(sqs.get_queue_attributes(
        QueueUrl=intake_queue(), AttributeNames=["RedrivePolicy"])["Attributes"]["RedrivePolicy"])
    sqs.send_message(QueueUrl=intake_queue(), MessageBody='{"not": "a ticket"}')
    for _ in range(int(redrive["maxReceiveCount"])):
        answer = deliver(mock_aws, visibility=0)
        assert answer["received"] == 1 and len(answer["batchItemFailures"]) == 1
    assert deliver(mock_aws)["received"] == 0
    dead = sqs.receive_message(QueueUrl=mock_aws.queues["TicketIntakeDeadLetterQueue"], MaxNumberOfMessages=10)
    assert [message["Body"] for message in dead["Messages"]] == ['{"not": "a ticket"}']


def test_timeouts_are_delayed_messages(mock_aws) -> None:  # noqa: ANN001
    sqs = boto3.client("sqs")
    url = os.environ["HANDOVER_TIMEOUT_QUEUE_URL"]
    SqsHandoverTimeouts(sqs, url).schedule("voorbeeld", "voorbeeld." + "a" * 32, SATURDAY, 1)
    assert sqs.receive_message(QueueUrl=url).get("Messages", []) == []
    time.sleep(1.2)
    [message] = sqs.receive_message(QueueUrl=url)["Messages"]
    assert json.loads(message["Body"]) == {
        "tenant": "voorbeeld", "conversationId": "voorbeeld." + "a" * 32, "requestedAt": SATURDAY.isoformat()}

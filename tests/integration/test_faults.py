"""Failures of the AWS services under the chat API, injected on the wire.

A botocore `before-send` hook (registered first, ahead of moto) answers chosen attempts
with the error AWS would send (and keeps moto from applying them), so botocore's own
retry logic runs exactly as in Lambda.
The handler runs in process on moto (tables and queues from template.yaml).

- DynamoDB throttling: retried by the SDK, the turn lands once; when it persists, an
  honest 503 JSON error and nothing written; a retry with the same clientMessageId
  afterwards is one turn, not two.
- Conditional-check failures: turns racing on one conversation in threads: none lost,
  none twice, the version counts every stored turn.
- SQS unavailable while queuing a ticket: the resident is told it did not work and who
  to contact, no ticket, no "queued" handover, nothing half-written.

- A WhatsApp worker batch failing half-way: only the failed record comes back.

The Graph API's 429/5xx/timeouts (retried, then the dead-letter queue) are tested in
test_whatsapp_flow.py and not repeated here.
"""
from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections import Counter
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from adapters.dynamodb_store import document
from balie_local.events import LambdaContext, http_api_event
from handlers import chat_api, wiring

MONDAY_MORNING = "2026-11-30T10:00:00+01:00"
SATURDAY_EVENING = "2026-11-28T21:30:00+01:00"  # alpha is closed: a handover becomes a ticket

ERRORS = {  # (HTTP status, error code) as DynamoDB and SQS send them (JSON protocol)
    "throttled": (400, "ProvisionedThroughputExceededException"),
    "sqs_down": (500, "InternalError"),
}


class _Body:
    """The raw stream botocore reads an injected response from."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def stream(self, **_: Any) -> Any:
        yield self._data


class WireFaults:
    """Answers `operation` with an AWS error for its next `times` attempts (None: always)."""

    def __init__(self) -> None:
        self.plan: dict[str, tuple[str, int | None]] = {}
        self.attempts: Counter[str] = Counter()

    def fail(self, operation: str, error: str, times: int | None = None) -> None:
        self.plan[operation] = (error, times)

    def heal(self) -> None:
        self.plan.clear()

    def __call__(self, request: Any, event_name: str, **_: Any) -> AWSResponse | None:
        operation = event_name.rsplit(".", 1)[-1]
        self.attempts[operation] += 1
        if operation not in self.plan:
            return None  # moto answers
        error, times = self.plan[operation]
        if times is not None:
            if times <= 0:
                return None
            self.plan[operation] = (error, times - 1)
        # botocore calls every before-send handler and takes the first answer, so moto's
        # stub would still apply this attempt: steer it to an address moto does not serve.
        # (A retry is a new request with the real address.)
        request.url = "https://fault-injected.invalid/"
        status, code = ERRORS[error]
        body = json.dumps({"__type": f"com.amazonaws#{code}", "message": "injected by test_faults"}).encode()
        headers = {"content-type": "application/x-amz-json-1.0", "x-amzn-requestid": str(uuid.uuid4())}
        return AWSResponse(request.url, status, headers, _Body(body))


@pytest.fixture
def faults(engine_kb_tenants: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    wiring.use(None)
    injected = WireFaults()
    # On the handlers' session before they build their clients: each client copies the
    # session's handlers when it is created.
    events = wiring.aws_session().get_component("event_emitter")
    events.register_first("before-send", injected)
    try:
        yield injected
    finally:
        events.unregister("before-send", injected)
        wiring.use(None)


def post(body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    event = http_api_event("POST", "/v1/chat", body=body, headers={"origin": "https://www.alpha.example"})
    result = chat_api.handler(event, LambdaContext("ChatApiFunction"))
    return result["statusCode"], json.loads(result["body"])


def say(text: str, conversation_id: str | None = None, **fields: Any) -> tuple[int, dict[str, Any]]:
    body = {"tenant": "alpha", "message": text, **fields}
    if conversation_id:
        body["conversationId"] = conversation_id
    return post(body)


def stored(conversation_id: str) -> dict[str, Any] | None:
    table = wiring.services().store.table
    item = boto3.client("dynamodb").get_item(
        TableName=table, Key={"pk": {"S": f"T#alpha#C#{conversation_id}"}, "sk": {"S": "CONV"}}).get("Item")
    if item is None:
        return None
    return {**document(item), "version": int(item["version"]["N"])}


def residents(conversation_id: str) -> list[str]:
    document = stored(conversation_id) or {"transcript": []}
    return [entry["text"] for entry in document["transcript"] if entry["role"] == "resident"]


# ---------------------------------------------------------------------------- DynamoDB


def test_an_ordinary_turn_is_one_read_and_one_write(faults: WireFaults) -> None:
    """The budget the cost model rests on (BENCHMARKS.md): per ordinary turn one GetItem
    and one TransactWriteItems, nothing else on the wire: answers, follow-ups, a typed answer
    to "Was dit nuttig?", crisis help first and declining the person it offers, a detail."""
    conversation_id = say("paspoort", clientMessageId=str(uuid.uuid4()))[1]["conversationId"]
    for text in ("wat kost dat", "hoe lang duurt het", "id kaart aanvragen", "nee", "ik wil niet meer leven", "nee",
                 "ik heb 2 weken geleden een paspoort aangevraagd, wanneer is het klaar", "hoe zit het met de kosten"):
        faults.attempts.clear()
        assert say(text, conversation_id, clientMessageId=str(uuid.uuid4()))[0] == 200
        assert faults.attempts == Counter({"GetItem": 1, "TransactWriteItems": 1}), (text, faults.attempts)


def test_a_throttled_write_is_retried_and_the_turn_lands_once(faults: WireFaults) -> None:
    status, first = say("paspoort")
    assert status == 200
    conversation_id = first["conversationId"]
    faults.attempts.clear()
    faults.fail("TransactWriteItems", "throttled", times=2)
    status, reply = say("wat kost dat", conversation_id)
    assert status == 200, reply
    assert faults.attempts["TransactWriteItems"] == 3
    assert residents(conversation_id) == ["paspoort", "wat kost dat"]
    assert stored(conversation_id)["version"] == 2


def test_a_throttled_read_is_retried(faults: WireFaults) -> None:
    conversation_id = say("paspoort")[1]["conversationId"]
    faults.attempts.clear()
    faults.fail("GetItem", "throttled", times=1)
    status, _ = say("wat kost dat", conversation_id)
    assert status == 200 and faults.attempts["GetItem"] == 2
    assert residents(conversation_id) == ["paspoort", "wat kost dat"]


def test_persistent_throttling_is_an_honest_503_that_writes_nothing(faults: WireFaults) -> None:
    conversation_id = say("paspoort")[1]["conversationId"]
    client_id = str(uuid.uuid4())
    faults.attempts.clear()
    faults.fail("TransactWriteItems", "throttled")
    started = time.monotonic()
    status, error = say("wat kost dat", conversation_id, clientMessageId=client_id)
    elapsed = time.monotonic() - started
    assert status == 503 and error["error"]["code"] == "service_unavailable"
    # The SDK's retries must end well inside the function's 10 s timeout, or API Gateway
    # answers with its own 503 and the widget gets no JSON error.
    assert faults.attempts["TransactWriteItems"] <= 5 and elapsed < 8
    assert residents(conversation_id) == ["paspoort"] and stored(conversation_id)["version"] == 1

    faults.heal()  # the widget retries the same request
    status, reply = say("wat kost dat", conversation_id, clientMessageId=client_id)
    assert status == 200
    status, again = say("wat kost dat", conversation_id, clientMessageId=client_id)
    assert status == 200 and again == reply
    assert residents(conversation_id) == ["paspoort", "wat kost dat"]


def test_turns_racing_on_one_conversation_lose_nothing(faults: WireFaults, monkeypatch: pytest.MonkeyPatch) -> None:
    """Six threads write one conversation at once. moto applies a transaction without
    DynamoDB's item-level isolation, so the store's client is given it back with a lock
    around TransactWriteItems only: reads, decisions and retries still interleave."""
    conversation_id = say("paspoort")[1]["conversationId"]
    client = wiring.services().store.client
    write, isolation = client.transact_write_items, threading.Lock()

    def isolated_write(**arguments: Any) -> Any:
        with isolation:
            return write(**arguments)

    monkeypatch.setattr(client, "transact_write_items", isolated_write)
    texts = [f"id kaart aanvragen ({n})" for n in range(6)]
    outcomes: dict[str, int] = {}
    start = threading.Barrier(len(texts))

    def turn(text: str) -> None:
        start.wait()
        outcomes[text] = say(text, conversation_id)[0]

    threads = [threading.Thread(target=turn, args=(text,)) for text in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    landed = [text for text in texts if outcomes[text] == 200]
    assert set(outcomes.values()) <= {200, 409}  # 409: still busy after the engine's retries
    assert landed, outcomes
    stored_turns = residents(conversation_id)
    assert stored_turns[0] == "paspoort" and sorted(stored_turns[1:]) == sorted(landed)  # none lost, none twice
    assert stored(conversation_id)["version"] == 1 + len(landed)


# ---------------------------------------------------------------------------- SQS


def test_sqs_down_while_queuing_a_ticket_is_told_honestly_and_half_writes_nothing(
        faults: WireFaults, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    sqs = boto3.client("sqs")
    queue_url = os.environ["TICKET_INTAKE_QUEUE_URL"]  # one queue for every tenant's tickets
    conversation_id = say("ik wil een medewerker")[1]["conversationId"]
    assert say("ja", conversation_id)[0] == 200
    faults.fail("SendMessage", "sqs_down")
    status, reply = say("0612345678", conversation_id)
    assert status == 200, reply  # the turn itself worked; the ticket did not
    text = " ".join(message["text"] for message in reply["messages"])
    assert reply["handover"] is None
    assert "geen afspraak" in text or "niet" in text, text
    assert "14 0123" in text  # alpha's Klantcontact phone: another way to reach a person
    document = stored(conversation_id)
    assert document["handover"] is None and document.get("contact") is None
    assert faults.attempts["SendMessage"] >= 2  # the SDK retried before giving up
    assert sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=0).get("Messages", []) == []

    faults.heal()  # SQS is back: asking again queues the ticket
    assert say("ik wil een medewerker", conversation_id)[0] == 200
    assert say("ja", conversation_id)[0] == 200
    status, reply = say("0612345678", conversation_id)
    assert status == 200 and reply["handover"]["status"] == "queued"
    (ticket,) = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=0)["Messages"]
    assert conversation_id in ticket["Body"]


# ---------------------------------------------------------------------------- a batch failing half-way


def test_a_batch_failing_half_way_returns_only_the_failed_record(faults: WireFaults, graph_api: Any) -> None:
    """Three residents' WhatsApp messages in one worker batch; Meta refuses our token for
    the first reply only. Just that record comes back (partial batch response) so SQS
    delivers it again; the other two residents are answered once."""
    from balie_local.events import sqs_record_from_message
    from balie_local.whatsapp_cmd import webhook_body
    from channels.meta import sign
    from handlers import whatsapp_webhook, whatsapp_worker

    senders = ["31611111111", "31622222222", "31633333333"]
    for index, sender in enumerate(senders):
        raw = json.dumps(webhook_body("paspoort verlengen", sender, "111", wamid=f"wamid.HALF{index}")).encode()
        event = http_api_event("POST", "/v1/whatsapp/webhook", body=raw, headers={
            "content-type": "application/json", "x-hub-signature-256": sign(raw, "test-app-secret")})
        assert whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))["statusCode"] == 200
    sqs = boto3.client("sqs")
    queue_url = os.environ["WHATSAPP_INBOUND_QUEUE_URL"]
    messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, AttributeNames=["All"],
                                   MessageAttributeNames=["All"])["Messages"]
    assert len(messages) == 3
    arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    records = [sqs_record_from_message(message, event_source_arn=arn) for message in messages]
    first_sender = json.loads(records[0]["body"])["event"]["sender"]["id"]

    graph_api.standin.failures[:] = [(401, 190)]  # our token is refused for the first reply
    result = whatsapp_worker.handler({"Records": records}, LambdaContext("WhatsAppWorkerFunction"))
    assert result == {"batchItemFailures": [{"itemIdentifier": records[0]["messageId"]}]}
    answered = {sent["to"] for sent in graph_api.standin.outbox}
    assert answered == set(senders) - {first_sender}

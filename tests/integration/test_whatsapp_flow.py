"""The WhatsApp channel end to end on moto: signed webhook -> DynamoDB dedup ->
FIFO queue -> worker (Powertools batch processing) -> Graph API over real HTTP
(the local stand-in, or a server that fails on purpose) -> outbox / DLQ.

The engine is replaced by a small deterministic responder: this file tests the
channel's plumbing; the engine has tests of its own.
"""
from __future__ import annotations

import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from datetime import datetime
from pathlib import Path

import boto3
import pytest

from adapters.graph_api import GraphApiClient, GraphApiPermanentError, GraphApiUnavailable
from adapters.messaging_store import MessagingStore
from balie_local.events import LambdaContext, http_api_event
from balie_local.graph_standin import GraphStandIn
from balie_local.pollers import SqsPoller
from balie_local.whatsapp_cmd import delivered
from channels import whatsapp as wa
from channels.meta import sign
from core.clock import FixedClock
from core.dialogue.texts import say_both
from core.errors import ServiceUnavailable
from core.kb.models import WhatsAppSettings
from core.memory import InMemoryConversationStore
from core.messaging.events import Receipt
from core.models import Channel as ChannelName, InboundKind, Reply, ReplyMessage, Button
from core.text_input import MAX_TEXT_CHARS
from handlers import whatsapp_services, whatsapp_webhook, whatsapp_worker
from handlers.channel_services import ChannelParts
from handlers.secrets import secret

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "whatsapp"  # tests/fixtures/SOURCES.md
EVENTS = ROOT / "events"
TENANT_NUMBER = "1122334455667"  # tenants/voorbeeld.yaml whatsapp.phone_number_id
CHANNEL_TIME = datetime.fromisoformat("2026-11-30T10:00:00+01:00")
# The fixed secrets of the mock_aws fixture; events/whatsapp_webhook_*.json are signed with it.
APP_SECRET = "test-app-secret"
ACCESS_TOKEN = "test-access-token"
REGION = "eu-west-1"


def respond(message):
    """Stands in for the engine: one answer per turn, buttons for a question."""
    if message.kind == InboundKind.BUTTON:
        return Reply(conversation_id=message.conversation_id, messages=[ReplyMessage(text=f"U koos: {message.payload}")])
    buttons = [Button(title="Paspoort aanvragen of verlengen", payload="intent:paspoort"),
               Button(title="Identiteitskaart", payload="intent:id-kaart")]
    return Reply(conversation_id=message.conversation_id,
                 messages=[ReplyMessage(text=f"Bedoelt u een van deze onderwerpen? ({message.text or message.kind})",
                                        buttons=buttons)])


@pytest.fixture
def standin(graph_api):
    """The session's Graph API stand-in (tests/integration/conftest.py), reset per test."""
    graph_api.standin.clear()
    yield graph_api.standin, graph_api.url
    graph_api.standin.access_token = ACCESS_TOKEN
    graph_api.standin.clear()


class Channel:
    """The wired channel of one test: handlers, queue, stand-in."""

    def __init__(self, deployment, graph_url: str, *, timeout: float = 2.0):
        self.deployment = deployment
        self.clock = FixedClock(CHANNEL_TIME)
        self.dynamodb = boto3.client("dynamodb", region_name=REGION)
        self.table_name = deployment.tables["BalieTable"]
        self.sqs = boto3.client("sqs", region_name=REGION)
        self.queue_url = deployment.queues["WhatsAppInboundQueue"]
        self.dlq_url = deployment.queues["WhatsAppInboundDeadLetterQueue"]
        self.sleeps: list[float] = []
        self.graph = GraphApiClient(graph_url, whatsapp_services.access_token_provider(os.environ["WHATSAPP_ACCESS_TOKEN_PARAMETER"]),
                                    timeout=timeout, sleep=self.sleeps.append)
        self.store = MessagingStore(self.dynamodb, self.table_name, self.clock, prefix="WA")
        whatsapp_services.use(whatsapp_services.build(
            ChannelParts(dynamodb=self.dynamodb, table_name=self.table_name, sqs_client=self.sqs,
                         queue_url=self.queue_url, respond=respond, conversations=InMemoryConversationStore(clock=self.clock),
                         retention_days=lambda slug: 30, app_secret=secret("WHATSAPP_APP_SECRET_PARAMETER"),
                         verify_token=secret("WHATSAPP_VERIFY_TOKEN_PARAMETER"), clock=self.clock),
            graph=self.graph, tenant_for={TENANT_NUMBER: "voorbeeld"}.get,
            settings_for=lambda slug: WhatsAppSettings(),
        ))
        (source,) = [s for s in deployment.sqs_sources if s.function == "WhatsAppWorkerFunction"]
        self.poller = SqsPoller(sqs=self.sqs, source=source, queue_url=self.queue_url,
                                queue_arn=deployment.queue_arns["WhatsAppInboundQueue"], region=REGION,
                                invoke=lambda function, event: whatsapp_worker.handler(event, LambdaContext(function)))

    def post(self, body: dict | bytes, *, secret: str = APP_SECRET) -> dict:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        event = http_api_event("POST", "/v1/whatsapp/webhook", body=raw,
                               headers={"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
        return whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))

    def queued(self) -> int:
        attributes = self.sqs.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=["All"])["Attributes"]
        return int(attributes["ApproximateNumberOfMessages"]) + int(attributes["ApproximateNumberOfMessagesNotVisible"])

    def dead_letters(self) -> list[dict]:
        return self.sqs.receive_message(QueueUrl=self.dlq_url, MaxNumberOfMessages=10).get("Messages", [])


@pytest.fixture
def channel(mock_aws, standin):
    yield Channel(mock_aws, standin[1])
    whatsapp_services.use(None)


def for_tenant(body: dict) -> dict:
    """A fixture body addressed to the tenant's number (fixtures use placeholders), written
    at the channel's clock time."""
    return delivered(body, CHANNEL_TIME, TENANT_NUMBER)


TOO_LONG = say_both("message_too_long", limit=MAX_TEXT_CHARS)


def expected_outbound(body: dict) -> list[str]:
    """What the resident should get back for a fixture: the notice that it is too long, an
    answer (the responder stands in for the engine, which also answers photos), or nothing."""
    seen: set[str] = set()
    texts = []
    for message in wa.parse_webhook(body).events:
        if message.event_id in seen:
            continue  # placeholder fixtures reuse one wamid: the repeat is a duplicate delivery
        seen.add(message.event_id)
        texts.append("too long" if len(message.text) > MAX_TEXT_CHARS else "answer")
    return texts


def outbound_texts(graph: GraphStandIn) -> list[str]:
    return ["too long" if sent["payload"].get("text", {}).get("body") == TOO_LONG else "answer"
            for sent in graph.outbox]


# ------------------------------------------------------------------ every fixture, signed


def test_every_fixture_passes_through_signed(channel, standin) -> None:
    # One emulated AWS for all fixtures keeps this fast; fixtures reuse placeholder
    # wamids, so the worker's record of each one's messages is removed first (else they are replays).
    graph, _ = standin
    problems = []
    for path in sorted(FIXTURES.glob("*.json")):
        body = for_tenant(json.loads(path.read_text(encoding="utf-8")))
        for message in wa.parse_webhook(body).events:
            channel.dynamodb.delete_item(TableName=channel.table_name,
                                         Key={"pk": {"S": f"WA#{message.event_id}"}, "sk": {"S": "SEEN"}})
        graph.clear()
        answer = channel.post(body)
        channel.poller.drain()
        got = (answer["statusCode"], outbound_texts(graph), channel.queued(), len(channel.dead_letters()))
        wanted = (200, expected_outbound(body), 0, 0)
        if got != wanted or any(sent["phoneNumberId"] != TENANT_NUMBER for sent in graph.outbox):
            problems.append(f"{path.name}: got {got}, wanted {wanted}")
    assert problems == []
    assert len(list(FIXTURES.glob("*.json"))) >= 70


def test_raw_fixtures_for_other_numbers_are_acknowledged_and_dropped(channel, standin) -> None:
    graph, _ = standin
    raw = (FIXTURES / "netflie_a_text_notification.json").read_bytes()  # phone_number_id PHONE_NUMBER_ID
    answer = channel.post(raw)
    assert answer["statusCode"] == 200 and json.loads(answer["body"])["queued"] == 0
    assert channel.queued() == 0 and graph.outbox == []


def test_failed_statuses_are_recorded_with_their_error_codes(channel) -> None:
    channel.post(for_tenant(json.loads((FIXTURES / "pywa_status__failed.json").read_text())))
    (item,) = channel.store.statuses("voorbeeld", "2023-07-15")
    assert item["sk"] == "wamid.xyzxyz#failed" and item["errorCodes"] == [130472]


def test_failed_statuses_are_a_delivery_failure_metric_of_the_tenant(channel, capsys) -> None:
    capsys.readouterr()
    channel.post(for_tenant(json.loads((FIXTURES / "pywa_status__failed.json").read_text())))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    (failed,) = [line for line in lines if "whatsapp_delivery_failed" in line]
    assert (failed["tenant"], failed["channel"], failed["whatsapp_delivery_failed"]) == ("voorbeeld", "whatsapp", [1])


def test_a_thousand_statuses_are_acknowledged_at_once_and_recorded_by_the_worker(channel, capsys) -> None:
    body = json.loads((FIXTURES / "pywa_status__failed.json").read_text())
    value = body["entry"][0]["changes"][0]["value"]
    (failed,) = value["statuses"]
    value["metadata"]["phone_number_id"] = TENANT_NUMBER
    value["statuses"] = [{**failed, "id": f"wamid.S{n}", **({} if n % 100 == 0 else {"status": "read", "errors": []})}
                         for n in range(1000)]
    capsys.readouterr()
    answer = channel.post(body)
    assert answer["statusCode"] == 200 and json.loads(answer["body"])["statuses"] == 1000
    assert channel.store.statuses("voorbeeld", "2023-07-15") == [] and channel.queued() >= 1  # handed on
    channel.poller.drain()
    recorded = channel.store.statuses("voorbeeld", "2023-07-15")
    assert len(recorded) == 1000 and sum(1 for item in recorded if item["status"] == "failed") == 10
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    counted = [line["whatsapp_delivery_failed"] for line in lines if "whatsapp_delivery_failed" in line]
    assert counted == [[10]]  # the tenant's failure metric, counted by the worker


# ------------------------------------------------------------------ the store's batch and set writes


class BatchWrites:
    """The real DynamoDB client, except that `batch_write_item` records each request
    and leaves the last `unprocessed` puts of the first `throttled` requests
    unprocessed, as DynamoDB does when it throttles."""

    def __init__(self, client, *, unprocessed: int = 0, throttled: int = 0) -> None:
        self.client = client
        self.unprocessed = unprocessed
        self.throttled = throttled
        self.sizes: list[int] = []

    def __getattr__(self, name):
        return getattr(self.client, name)

    def batch_write_item(self, RequestItems):  # noqa: N803 - boto3's parameter name
        ((table, requests),) = RequestItems.items()
        self.sizes.append(len(requests))
        held = requests[len(requests) - self.unprocessed:] if self.throttled and self.unprocessed else []
        if held:
            self.throttled -= 1
        written = requests[: len(requests) - len(held)]
        if written:
            self.client.batch_write_item(RequestItems={table: written})
        return {"UnprocessedItems": {table: held} if held else {}}


def receipt(number: int, status: str = "delivered") -> Receipt:
    # 2026-11-30 12:00 UTC plus a second per receipt: all on one Amsterdam day.
    return Receipt(channel=ChannelName.WHATSAPP, account_id=TENANT_NUMBER, message_id=f"wamid.R{number:03d}",
                   status=status, timestamp=1796040000 + number)


def whatsapp_store(deployment, client=None, sleeps: list[float] | None = None) -> MessagingStore:
    clock = FixedClock(datetime.fromisoformat("2026-11-30T13:00:00+01:00"))
    return MessagingStore(client or boto3.client("dynamodb", region_name=REGION), deployment.tables["BalieTable"],
                          clock, prefix="WA", sleep=(sleeps if sleeps is not None else []).append)


def test_many_receipts_are_written_25_a_request_and_a_repeated_receipt_once(mock_aws) -> None:
    client = BatchWrites(boto3.client("dynamodb", region_name=REGION))
    store = whatsapp_store(mock_aws, client)
    # Meta repeats a receipt within one body now and then: one request may not put a key twice.
    events = [receipt(n) for n in range(60)] + [receipt(3), receipt(7, "read"), receipt(7, "read")]
    assert store.record_receipts("voorbeeld", events) == 63
    assert client.sizes == [25, 25, 11]
    stored = store.statuses("voorbeeld", "2026-11-30")
    assert len(stored) == 61 and len({item["sk"] for item in stored}) == 61
    assert {item["sk"] for item in stored} >= {"wamid.R000#delivered", "wamid.R059#delivered", "wamid.R007#read"}


def test_unprocessed_receipts_are_sent_again_after_a_short_wait(mock_aws) -> None:
    client = BatchWrites(boto3.client("dynamodb", region_name=REGION), unprocessed=10, throttled=2)
    sleeps: list[float] = []
    store = whatsapp_store(mock_aws, client, sleeps)
    assert store.record_receipts("voorbeeld", [receipt(n) for n in range(30)]) == 30
    assert client.sizes == [25, 10, 10, 5]  # the first chunk needed two retries, the second none
    assert sleeps == [0.05, 0.1]
    assert len(store.statuses("voorbeeld", "2026-11-30")) == 30


def test_receipts_still_unprocessed_after_five_attempts_are_a_service_failure(mock_aws) -> None:
    client = BatchWrites(boto3.client("dynamodb", region_name=REGION), unprocessed=3, throttled=1000)
    sleeps: list[float] = []
    store = whatsapp_store(mock_aws, client, sleeps)
    with pytest.raises(ServiceUnavailable):
        store.record_receipts("voorbeeld", [receipt(n) for n in range(5)])
    assert len(client.sizes) == 5 and sleeps == [0.05, 0.1, 0.2, 0.4]  # under a second in all


def test_marking_a_reply_part_sent_twice_keeps_one_mark(mock_aws) -> None:
    store = whatsapp_store(mock_aws)
    for part in (0, 2, 0, 2):  # a re-processed record marks its parts again
        store.mark_sent("wamid.SET1", part)
    store.mark_sent("wamid.SET1", 1, done=True)
    item = boto3.client("dynamodb", region_name=REGION).get_item(
        TableName=mock_aws.tables["BalieTable"], Key={"pk": {"S": "WA#wamid.SET1"}, "sk": {"S": "SEEN"}})["Item"]
    assert sorted(item["sentParts"]["NS"]) == ["0", "1", "2"] and item["carriedOut"] == {"BOOL": True}
    assert int(item["expiresAt"]["N"]) > int(CHANNEL_TIME.timestamp()) + 7 * 24 * 3600  # past Meta's retries
    assert not store.progress("wamid.NEVER").done


# ------------------------------------------------------------------ signature, replay, batching


def test_the_handshake_echoes_the_bare_challenge(channel) -> None:
    event = json.loads((EVENTS / "whatsapp_webhook_verify.json").read_text())
    answer = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
    assert answer["statusCode"] == 200 and answer["body"] == "1158201444"
    assert answer["headers"]["Content-Type"].startswith("text/plain")
    event["queryStringParameters"]["hub.challenge"] = "<b>1158201444</b>"  # Meta's is a number: nothing else is echoed
    answer = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
    assert answer["statusCode"] == 400 and json.loads(answer["body"])["error"]["code"] == "invalid_input"
    event["queryStringParameters"]["hub.verify_token"] = "wrong"
    assert whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))["statusCode"] == 403


def test_a_forged_signature_is_rejected_before_parsing(channel) -> None:
    event = json.loads((EVENTS / "whatsapp_webhook_forged.json").read_text())
    answer = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
    assert answer["statusCode"] == 401 and json.loads(answer["body"])["error"]["code"] == "unauthorized"
    del event["headers"]["x-hub-signature-256"]
    assert whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))["statusCode"] == 401
    event["body"] = "not json at all"  # unsigned garbage is refused as unsigned, not as bad JSON
    assert whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))["statusCode"] == 401
    assert channel.queued() == 0


def test_a_base64_encoded_body_is_verified_on_its_decoded_bytes(channel) -> None:
    raw = (EVENTS / "whatsapp_webhook_text.json").read_text()
    event = json.loads(raw)
    body = event["body"].encode("utf-8")
    event["body"] = base64.b64encode(body).decode()
    event["isBase64Encoded"] = True
    answer = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
    assert answer["statusCode"] == 200 and json.loads(answer["body"])["queued"] == 1


def test_a_replayed_body_is_processed_once(channel, standin) -> None:
    graph, _ = standin
    event = json.loads((EVENTS / "whatsapp_webhook_text.json").read_text())
    first = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
    channel.poller.drain()
    # Meta retries the same delivery hours later: past SQS's 5-minute dedup window.
    second = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
    assert json.loads(first["body"])["queued"] == 1 and json.loads(second["body"])["queued"] == 1
    assert channel.poller.drain() == 1  # queued again: the worker finds it carried out
    assert len(graph.outbox) == 1


def test_a_batched_body_queues_every_message_in_order_per_sender(channel, standin) -> None:
    graph, _ = standin
    event = json.loads((EVENTS / "whatsapp_webhook_batched.json").read_text())
    answer = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
    assert json.loads(answer["body"])["queued"] == 2
    messages = channel.sqs.receive_message(QueueUrl=channel.queue_url, MaxNumberOfMessages=10,
                                           MessageSystemAttributeNames=["All"])["Messages"]
    groups = {m["Attributes"]["MessageGroupId"] for m in messages}
    assert len(groups) == 2 and all(g.startswith("voorbeeld.") for g in groups)
    assert not any("316" in g for g in groups)  # no phone number in queue metadata
    assert {m["Attributes"]["MessageDeduplicationId"] for m in messages} == {
        json.loads(m["Body"])["event"]["event_id"] for m in messages}


def test_the_worker_event_file_is_handled(channel, standin) -> None:
    graph, _ = standin
    event = json.loads((EVENTS / "whatsapp_worker_text.json").read_text())
    assert whatsapp_worker.handler(event, LambdaContext("WhatsAppWorkerFunction")) == {"batchItemFailures": []}
    assert graph.outbox[0]["to"] == "31612345678" and graph.outbox[0]["payload"]["type"] == "interactive"
    contact = channel.store.contact("voorbeeld", json.loads(event["Records"][0]["body"])["conversation_id"])
    assert contact is not None and contact.account_id == TENANT_NUMBER


# ------------------------------------------------------------------ a function that dies half way


class Killed(BaseException):
    """The Lambda runtime ends an invocation (its timeout, the container gone): no handler of ours runs."""


def dies_once(monkeypatch: pytest.MonkeyPatch, owner, name: str, when=lambda *args, **kwargs: True, *,
              after: bool = False) -> None:
    """`owner.name` takes the function down the first time `when` holds for its arguments (`after`:
    once the call is done)."""
    real = getattr(owner, name)
    died: list[bool] = []

    def dying(*args, **kwargs):
        if died or not when(*args, **kwargs):
            return real(*args, **kwargs)
        died.append(True)
        if after:
            real(*args, **kwargs)
        raise Killed()

    monkeypatch.setattr(owner, name, dying)


def residents_writing(count: int) -> dict:
    """One delivery of `count` residents' messages to the tenant's number."""
    body = json.loads(json.loads((EVENTS / "whatsapp_webhook_text.json").read_text())["body"])
    value = body["entry"][0]["changes"][0]["value"]
    (message,) = value["messages"]
    value["messages"] = [{**message, "from": f"3161200{n:04d}", "id": f"wamid.DIES{count}.{n}"} for n in range(count)]
    return body


def test_a_webhook_that_dies_while_queueing_loses_no_message(channel, standin, monkeypatch) -> None:
    graph, _ = standin
    dies_once(monkeypatch, channel.sqs, "send_message")
    with pytest.raises(Killed):
        channel.post(residents_writing(1))  # Meta gets no 200 ...
    assert channel.post(residents_writing(1))["statusCode"] == 200  # ... and delivers it again
    channel.poller.drain()
    assert outbound_texts(graph) == ["answer"]


def test_a_part_whose_take_in_dies_half_way_is_answered_once_on_the_queues_retry(channel, standin,
                                                                                 monkeypatch) -> None:
    graph, _ = standin
    channel.sqs.set_queue_attributes(QueueUrl=channel.queue_url, Attributes={"VisibilityTimeout": "1"})
    assert json.loads(channel.post(residents_writing(25))["body"])["queued"] == 25  # one part
    # The worker queues the part's first ten, then dies queueing the next ten.
    dies_once(monkeypatch, channel.sqs, "send_message_batch",
              lambda **call: call["Entries"][0]["MessageDeduplicationId"].endswith(".10"))
    with pytest.raises(Killed):
        channel.poller.drain()
    time.sleep(1.1)
    channel.poller.drain()  # the part comes back: all 25 queued, the first ten twice
    assert outbound_texts(graph) == ["answer"] * 25
    assert sorted(sent["to"] for sent in graph.outbox) == [f"3161200{n:04d}" for n in range(25)]


def test_a_residents_later_message_is_answered_after_their_earlier_one_in_a_part(channel, standin) -> None:
    graph, _ = standin
    assert json.loads(channel.post(residents_writing(25))["body"])["queued"] == 25  # one part, not taken in yet
    later = residents_writing(1)
    (message,) = later["entry"][0]["changes"][0]["value"]["messages"]
    message.update({"from": "31612000003", "id": "wamid.LATER3", "text": {"body": "En wat kost dat?"}})
    assert json.loads(channel.post(later)["body"])["queued"] == 1
    channel.poller.drain()
    to_resident = [json.dumps(sent["payload"]) for sent in graph.outbox if sent["to"] == "31612000003"]
    assert len(to_resident) == 2 and "Hoe verleng" in to_resident[0] and "En wat kost dat?" in to_resident[1]
    assert len(graph.outbox) == 26


@pytest.mark.parametrize("dies", ["before the reply", "after the reply"])
def test_a_worker_that_dies_replies_once_when_sqs_delivers_the_record_again(channel, standin, monkeypatch,
                                                                          dies: str) -> None:
    graph, _ = standin
    channel.sqs.set_queue_attributes(QueueUrl=channel.queue_url, Attributes={"VisibilityTimeout": "1"})
    if dies == "before the reply":  # the turn is saved: the engine gives its stored reply again
        dies_once(monkeypatch, channel.graph, "send")
    else:  # the reply went out and was recorded done; the record was not deleted from the queue
        dies_once(monkeypatch, MessagingStore, "mark_sent", lambda *args, **kwargs: kwargs.get("done"), after=True)
    channel.post(residents_writing(1))
    with pytest.raises(Killed):
        channel.poller.drain()
    time.sleep(1.1)
    channel.poller.drain()  # SQS delivers the record again
    channel.post(residents_writing(1))  # and Meta repeats the delivery, later
    assert channel.poller.drain() == 1
    assert outbound_texts(graph) == ["answer"] and channel.queued() == 0


# ------------------------------------------------------------------ retries and the dead-letter queue


def test_throttling_and_server_errors_are_retried_with_backoff(channel, standin) -> None:
    graph, _ = standin
    graph.failures[:] = [(429, 130429), (500, 1), (503, 2)]
    channel.post(json.loads(json.loads((EVENTS / "whatsapp_webhook_text.json").read_text())["body"]))
    channel.poller.drain()
    assert len(graph.outbox) == 1 and channel.queued() == 0
    assert len(channel.sleeps) == 3 and all(0 <= s <= 8 for s in channel.sleeps)


def test_a_permanent_error_is_recorded_and_not_retried(channel, standin) -> None:
    graph, _ = standin
    graph.failures[:] = [(400, 131047)]
    channel.post(json.loads(json.loads((EVENTS / "whatsapp_webhook_text.json").read_text())["body"]))
    channel.poller.drain()
    assert graph.outbox == [] and graph.failures == [] and channel.sleeps == []
    assert channel.queued() == 0 and channel.dead_letters() == []
    (failure,) = channel.store.statuses("voorbeeld", "2026-11-30")
    assert failure["status"] == "send_failed" and failure["errorCodes"] == [131047]


def test_an_unsendable_reply_ends_in_the_dead_letter_queue(channel, standin) -> None:
    graph, _ = standin
    graph.failures[:] = [(500, 1)] * 100
    channel.sqs.set_queue_attributes(QueueUrl=channel.queue_url, Attributes={"VisibilityTimeout": "0"})
    channel.post(json.loads(json.loads((EVENTS / "whatsapp_webhook_text.json").read_text())["body"]))
    for _ in range(8):
        channel.poller.poll_once()
    dead = channel.dead_letters()
    assert len(dead) == 1 and json.loads(dead[0]["Body"])["event"]["text"] == "Hoe verleng ik mijn paspoort?"
    assert graph.outbox == [] and channel.queued() == 0


def test_a_refused_token_fails_the_record_without_retrying_inline(channel, standin) -> None:
    graph, _ = standin
    graph.access_token = "rotated-token"
    channel.post(json.loads(json.loads((EVENTS / "whatsapp_webhook_text.json").read_text())["body"]))
    channel.poller.poll_once()
    assert channel.sleeps == [] and graph.outbox == [] and channel.queued() == 1


class SlowThenFailing(BaseHTTPRequestHandler):
    """Answers too slowly, or with a permanent error, on purpose."""

    mode = "slow"

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.mode == "slow":
            time.sleep(0.5)
        body = json.dumps({"error": {"code": 131026, "message": "Message undeliverable"}}).encode()
        try:
            self.send_response(400)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format, *args):  # noqa: A002
        return


@pytest.fixture
def failing_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowThenFailing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_timeouts_are_retried_then_reported(failing_server) -> None:
    SlowThenFailing.mode = "slow"
    sleeps: list[float] = []
    client = GraphApiClient(f"http://127.0.0.1:{failing_server.server_address[1]}/v21.0", lambda force: "t",
                            timeout=0.1, max_attempts=3, sleep=sleeps.append)
    with pytest.raises(GraphApiUnavailable):
        client.send(TENANT_NUMBER, {"messaging_product": "whatsapp", "to": "1", "type": "text", "text": {"body": "x"}})
    assert len(sleeps) == 2


def test_permanent_errors_are_not_retried(failing_server) -> None:
    SlowThenFailing.mode = "permanent"
    sleeps: list[float] = []
    client = GraphApiClient(f"http://127.0.0.1:{failing_server.server_address[1]}/v21.0", lambda force: "t",
                            sleep=sleeps.append)
    with pytest.raises(GraphApiPermanentError) as refused:
        client.send(TENANT_NUMBER, {"messaging_product": "whatsapp", "to": "1", "type": "text", "text": {"body": "x"}})
    assert refused.value.code == 131026 and sleeps == []


def test_a_closed_port_is_a_transient_failure() -> None:
    with ThreadingHTTPServer(("127.0.0.1", 0), SlowThenFailing) as server:
        port = server.server_address[1]
    client = GraphApiClient(f"http://127.0.0.1:{port}/v21.0", lambda force: "t", max_attempts=2, sleep=lambda s: None)
    with pytest.raises(GraphApiUnavailable):
        client.send(TENANT_NUMBER, {"messaging_product": "whatsapp", "to": "1", "type": "text", "text": {"body": "x"}})


def test_retries_stop_at_the_time_budget(failing_server) -> None:
    SlowThenFailing.mode = "slow"
    moments = iter([0.0, 0.3, 14.95])  # start, before retry 1, before retry 2 (over the budget)
    sleeps: list[float] = []
    client = GraphApiClient(f"http://127.0.0.1:{failing_server.server_address[1]}/v21.0", lambda force: "t",
                            timeout=0.1, max_attempts=6, budget_seconds=15, sleep=sleeps.append,
                            monotonic=lambda: next(moments))
    with pytest.raises(GraphApiUnavailable, match="after 2 attempts"):
        client.send(TENANT_NUMBER, {"messaging_product": "whatsapp", "to": "1", "type": "text", "text": {"body": "x"}})
    assert len(sleeps) == 1

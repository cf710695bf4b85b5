"""WhatsApp with the real engine: services wired from the environment exactly as
in Lambda (KB_DIR, TABLE_NAME, queue URL, SSM secrets, WHATSAPP_GRAPH_API_URL ->
the Graph API stand-in), and once through the whole local stack over HTTP with
`balie whatsapp send`.

Knowledge: the engine's test knowledge base (tests/unit/data/kb_engine), tenant
alpha with WhatsApp number 111.
"""
from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from pathlib import Path

import boto3
import pytest

from balie_local import whatsapp_cmd
from balie_local.events import LambdaContext, http_api_event
from balie_local.pollers import SqsPoller
from channels import whatsapp as wa
from channels.meta import sign
from core.dialogue.texts import say
from core.errors import WhatsAppWindowClosed
from core.messaging.events import Address, QueuedEvent, conversation_id_for
from core.models import Channel, InboundKind, ReplyMessage
from handlers import whatsapp_services, whatsapp_webhook, whatsapp_worker, wiring
from http_support import send

KB = Path(__file__).resolve().parents[1] / "unit" / "data" / "kb_engine"
ALPHA_NUMBER = "111"
RESIDENT = "31612345678"
MONDAY_MORNING = "2026-11-30T10:00:00+01:00"


@pytest.fixture
def wired(engine_kb_tenants, graph_api, monkeypatch):
    mock_aws = engine_kb_tenants
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    graph_api.standin.clear()
    wiring.use(None)
    whatsapp_services.use(None)
    (source,) = [s for s in mock_aws.sqs_sources if s.function == "WhatsAppWorkerFunction"]
    poller = SqsPoller(sqs=boto3.client("sqs"), source=source,
                       queue_url=mock_aws.queues["WhatsAppInboundQueue"],
                       queue_arn=mock_aws.queue_arns["WhatsAppInboundQueue"], region=mock_aws.region,
                       invoke=lambda function, event: whatsapp_worker.handler(event, LambdaContext(function)))
    yield poller, graph_api.standin
    wiring.use(None)
    whatsapp_services.use(None)


def post(body: dict, secret: str = "test-app-secret") -> dict:
    raw = json.dumps(body).encode("utf-8")
    event = http_api_event("POST", "/v1/whatsapp/webhook", body=raw,
                           headers={"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
    return whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))


def resident_writes(text: str, wamid: str, message_type: str = "text") -> dict:
    body = whatsapp_cmd.webhook_body(text, RESIDENT, ALPHA_NUMBER, wamid=wamid,
                                     timestamp=int(datetime.fromisoformat(MONDAY_MORNING).timestamp()))
    if message_type != "text":
        message = body["entry"][0]["changes"][0]["value"]["messages"][0]
        del message["text"]
        message["type"] = message_type
        message[message_type] = {"mime_type": "audio/ogg", "id": "1"}
    return body


def test_a_question_is_answered_once_on_whatsapp(wired) -> None:
    poller, standin = wired
    answer = post(resident_writes("Ik wil mijn paspoort verlengen", "wamid.E2E1"))
    assert answer["statusCode"] == 200 and json.loads(answer["body"])["queued"] == 1
    poller.drain()
    texts = [whatsapp_cmd.describe(m["payload"]) for m in standin.outbox]
    assert texts and all(m["to"] == RESIDENT and m["phoneNumberId"] == ALPHA_NUMBER for m in standin.outbox)
    assert any("paspoort" in text.lower() for text in texts), texts

    conversation_id = conversation_id_for("alpha", Address(id=RESIDENT, kind="wa_id"), "test-app-secret")
    conversation = wiring.services().store.get("alpha", conversation_id)
    assert conversation is not None and conversation.channel == Channel.WHATSAPP
    assert RESIDENT not in json.dumps(conversation.model_dump(mode="json"))  # the number is not in the transcript

    # The same queue record again (a Lambda timeout after sending): nothing is sent twice.
    sent = len(standin.outbox)
    item = QueuedEvent(tenant="alpha", conversation_id=conversation_id,
                       event=wa.parse_webhook(resident_writes("Ik wil mijn paspoort verlengen", "wamid.E2E1")).events[0])
    boto3.client("sqs").send_message(QueueUrl=poller.queue_url, MessageBody=item.model_dump_json(),
                                     MessageGroupId=conversation_id, MessageDeduplicationId="again")
    poller.drain()
    assert len(standin.outbox) == sent


def items_under(pk: str) -> list[dict]:
    table = boto3.resource("dynamodb").Table(wiring.services().store.table)
    return table.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": pk},
                       ConsistentRead=True)["Items"]


def test_erasing_a_whatsapp_conversation_leaves_nothing_under_its_key(wired) -> None:
    from adapters.dynamodb_store import conversation_pk
    from handlers import chat_api

    poller, _ = wired
    post(resident_writes("Ik wil mijn paspoort verlengen", "wamid.E2E4"))
    post(resident_writes("vertel een mop over voetbal", "wamid.E2E5"))  # an unanswered question
    poller.drain()
    conversation_id = conversation_id_for("alpha", Address(id=RESIDENT, kind="wa_id"), "test-app-secret")
    pk = conversation_pk("alpha", conversation_id)
    assert {item["sk"] for item in items_under(pk)} == {"CONV", "WA"}  # the conversation and the contact
    unanswered = wiring.services().store.get("alpha", conversation_id).unanswered_keys
    assert unanswered and all(items_under(key_pk) for key_pk, _ in unanswered)

    event = http_api_event("DELETE", f"/v1/chat/{conversation_id}", route_key="DELETE /v1/chat/{conversationId}",
                           path_parameters={"conversationId": conversation_id})
    answer = chat_api.handler(event, LambdaContext("ChatApiFunction"))
    assert answer["statusCode"] == 200 and json.loads(answer["body"])["deleted"] is True
    assert items_under(pk) == []
    assert not [item for key_pk, _ in unanswered for item in items_under(key_pk)
                if item.get("conversationId") == conversation_id]


def test_a_voice_message_gets_the_text_only_notice(wired) -> None:
    poller, standin = wired
    post(resident_writes("", "wamid.E2E2", message_type="audio"))
    poller.drain()
    # The engine's notice (after its greeting: the resident's first message), in the one text catalogue.
    assert standin.outbox[-1]["payload"]["text"]["body"] == say("text_only", "nl")


def test_staff_replies_respect_the_24_hour_window(wired, monkeypatch) -> None:
    poller, standin = wired
    post(resident_writes("Ik wil mijn paspoort verlengen", "wamid.E2E3"))
    poller.drain()
    conversation_id = conversation_id_for("alpha", Address(id=RESIDENT, kind="wa_id"), "test-app-secret")
    conversation = wiring.services().store.get("alpha", conversation_id)
    sender = whatsapp_services.staff_reply_sender()
    assert sender.check(conversation) == "text"
    sender.send(conversation, [ReplyMessage(text="Goedemorgen, u spreekt met Sanne van de gemeente.")])
    assert standin.outbox[-1]["payload"]["text"]["body"].startswith("Goedemorgen")

    later = datetime.fromisoformat(MONDAY_MORNING) + timedelta(hours=25)
    monkeypatch.setenv("BALIE_NOW", later.isoformat())
    sent = len(standin.outbox)
    with pytest.raises(WhatsAppWindowClosed):
        sender.check(conversation)
    with pytest.raises(WhatsAppWindowClosed):
        sender.send(conversation, [ReplyMessage(text="Bent u er nog?")])
    assert len(standin.outbox) == sent


def test_balie_whatsapp_send_through_the_local_stack(kb_dir, start_local_stack, monkeypatch, capsys) -> None:
    monkeypatch.setenv("KB_DIR", str(kb_dir))
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    monkeypatch.setenv("BALIE_TENANTS_DIR", str(KB / "tenants"))
    wiring.use(None)
    whatsapp_services.use(None)
    with start_local_stack(tenants_dir=KB / "tenants") as stack:
        code = whatsapp_cmd.send(argparse.Namespace(text="paspoort verlengen", sender=RESIDENT, tenant="alpha",
                                                    api=stack.url))
        out = capsys.readouterr().out
        assert code == 0 and "HTTP 200" in out and "bot:" in out, out
        assert stack.graph.outbox and all(m["to"] == RESIDENT for m in stack.graph.outbox)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "whatsapp"  # tests/fixtures/SOURCES.md


def test_every_fixture_through_the_local_stack(kb_dir, start_local_stack, monkeypatch) -> None:
    """Each real fixture, addressed to alpha's number and signed with the stack's app
    secret, over HTTP: 200, then the worker (driven here, not by a timer) sends the
    engine's answer, the channel's notice, or nothing."""
    monkeypatch.setenv("KB_DIR", str(kb_dir))
    wiring.use(None)
    whatsapp_services.use(None)
    start = datetime.fromisoformat(MONDAY_MORNING)
    problems = []
    with start_local_stack(tenants_dir=KB / "tenants", run_pollers=False) as stack:
        secret = stack.channel_secrets()["whatsapp_app_secret"]
        table = stack.deployment.tables["BalieTable"]
        dynamodb = boto3.client("dynamodb")
        for minute, path in enumerate(sorted(FIXTURES.glob("*.json"))):
            # A minute apart: one resident sending 70 messages at once would be rate limited.
            monkeypatch.setenv("BALIE_NOW", (start + timedelta(minutes=minute)).isoformat())
            body = whatsapp_cmd.delivered(json.loads(path.read_text(encoding="utf-8")),
                                          start + timedelta(minutes=minute), ALPHA_NUMBER, wamid_suffix=f".{minute}")
            messages = {m.event_id: m for m in wa.parse_webhook(body).events}  # placeholder ids repeat
            for wamid in messages:
                dynamodb.delete_item(TableName=table, Key={"pk": {"S": f"WA#{wamid}"}, "sk": {"S": "SEEN"}})
            raw = json.dumps(body).encode("utf-8")
            before = len(stack.graph.outbox)
            status = send(f"{stack.url}/v1/whatsapp/webhook", "POST", raw, {
                "Content-Type": "application/json", "X-Hub-Signature-256": sign(raw, secret)}).status
            stack.drain("WhatsAppWorkerFunction")
            sent = [m["payload"] for m in stack.graph.outbox[before:]]
            unreadable = all(m.kind in (InboundKind.MEDIA, InboundKind.UNSUPPORTED) for m in messages.values())
            if status != 200:
                problems.append(f"{path.name}: HTTP {status}")
            elif not messages and sent:
                problems.append(f"{path.name}: expected no reply, got {len(sent)}")
            elif messages and not sent:
                problems.append(f"{path.name}: the engine's answer was not sent")
            elif messages and unreadable and sent[-1].get("text", {}).get("body") != say("text_only", "nl"):
                problems.append(f"{path.name}: expected the text-only notice, got {sent}")
        assert problems == []
        assert stack.graph.outbox

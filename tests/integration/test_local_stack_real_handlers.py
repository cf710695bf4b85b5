"""`make run`'s path with the real handlers: HTTP -> API Gateway event -> handler -> moto -> response."""
from __future__ import annotations

import json
import time
from typing import Any

from adapters.dynamodb_store import conversation_pk
from http_support import json_headers, send
from balie_local.stack import LocalStack
from balie_local.template_resources import REPO_ROOT
from channels.meta import sign


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    answer = send(url, "POST", body, headers)
    return answer.status, answer.json()


def test_a_widget_turn_is_answered_and_stored(local_stack: LocalStack) -> None:
    body = json.dumps({"tenant": "voorbeeld", "message": "Hoe verleng ik mijn paspoort?"}).encode()
    status, answer = post(f"{local_stack.url}/v1/chat", body, {"content-type": "application/json"})
    assert status == 200
    assert answer["intent"] == "paspoort" and answer["messages"]
    item = local_stack.client("dynamodb").get_item(
        TableName=local_stack.deployment.tables["BalieTable"],
        Key={"pk": {"S": conversation_pk("voorbeeld", answer["conversationId"])}, "sk": {"S": "CONV"}},
    )
    assert "Item" in item


def test_a_signed_whatsapp_message_is_answered_through_the_queue_and_graph_stand_in(local_stack: LocalStack) -> None:
    raw = json.loads((REPO_ROOT / "events" / "whatsapp_webhook_text.json").read_text(encoding="utf-8"))["body"].encode()
    secret = local_stack.channel_secrets()["whatsapp_app_secret"]
    status, _ = post(f"{local_stack.url}/v1/whatsapp/webhook", raw,
                     {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
    assert status == 200
    deadline = time.monotonic() + 30
    while not local_stack.graph.outbox and time.monotonic() < deadline:
        time.sleep(0.2)
    assert local_stack.graph.outbox, "no reply reached the Graph API stand-in"
    assert local_stack.graph.outbox[0]["to"] == "31612345678"


VOORBEELD = "https://www.voorbeeld.example"
VOORBEELD_NOORD = "https://www.voorbeeld-noord.example"


def request(url: str, method: str, body: Any = None, origin: str | None = None) -> tuple[int, dict[str, str], Any]:
    answer = send(url, method, body, json_headers(origin=origin))
    return answer.status, answer.header_map(), answer.json()


def test_each_tenant_accepts_only_its_own_widget_origins(local_stack: LocalStack) -> None:
    chat = f"{local_stack.url}/v1/chat"
    status, headers, answer = request(chat, "POST", {"tenant": "voorbeeld", "message": "paspoort"}, VOORBEELD)
    assert status == 200 and headers["access-control-allow-origin"] == VOORBEELD
    conversation = f"{chat}/{answer['conversationId']}"
    key = {"pk": {"S": conversation_pk("voorbeeld", answer["conversationId"])}, "sk": {"S": "CONV"}}
    table = local_stack.deployment.tables["BalieTable"]
    before = local_stack.client("dynamodb").get_item(TableName=table, Key=key, ConsistentRead=True)["Item"]

    # voorbeeld-noord's site is another tenant's widget origin: it may not chat as voorbeeld,
    # nor read or erase voorbeeld's conversations, and its page may not read the refusal either.
    refused = [
        request(chat, "POST", {"tenant": "voorbeeld", "message": "paspoort", "conversationId": answer["conversationId"]},
                VOORBEELD_NOORD),
        request(f"{conversation}/messages", "GET", origin=VOORBEELD_NOORD),
        request(conversation, "DELETE", origin=VOORBEELD_NOORD),
    ]
    for status, headers, error in refused:
        assert status == 403 and error["error"]["code"] == "origin_not_allowed"
        assert "access-control-allow-origin" not in headers
    after = local_stack.client("dynamodb").get_item(TableName=table, Key=key, ConsistentRead=True)["Item"]
    assert after == before

    status, headers, _ = request(chat, "POST", {"tenant": "voorbeeld-noord", "message": "paspoort"}, VOORBEELD_NOORD)
    assert status == 200 and headers["access-control-allow-origin"] == VOORBEELD_NOORD
    # The demo page the front serves itself (same origin, whatever the port) and curl (no Origin).
    assert request(chat, "POST", {"tenant": "voorbeeld", "message": "paspoort"}, local_stack.url)[0] == 200
    assert request(f"{conversation}/messages", "GET")[0] == 200


def test_a_preflight_from_an_unknown_origin_gets_no_cors_headers(local_stack: LocalStack) -> None:
    def preflight(origin: str) -> dict[str, str]:
        answer = send(f"{local_stack.url}/v1/chat", "OPTIONS", headers={
            "origin": origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type"})
        assert answer.status == 204
        return answer.header_map()

    assert preflight(VOORBEELD)["access-control-allow-origin"] == VOORBEELD
    assert preflight("http://127.0.0.1:3000")["access-control-allow-origin"] == "http://127.0.0.1:3000"
    assert "access-control-allow-origin" not in preflight("https://evil.example")

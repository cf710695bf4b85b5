"""`make run`'s path with the real handlers: HTTP -> API Gateway event -> handler -> moto -> response."""
from __future__ import annotations

import json
import time
import urllib.request
from typing import Any

from adapters.dynamodb_store import conversation_pk
from balie_local.stack import LocalStack
from balie_local.template_resources import REPO_ROOT
from channels.whatsapp import sign


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read() or b"null")


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
    secret = local_stack.whatsapp_secrets()["whatsapp_app_secret"]
    status, _ = post(f"{local_stack.url}/v1/whatsapp/webhook", raw,
                     {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
    assert status == 200
    deadline = time.monotonic() + 30
    while not local_stack.graph.outbox and time.monotonic() < deadline:
        time.sleep(0.2)
    assert local_stack.graph.outbox, "no reply reached the Graph API stand-in"
    assert local_stack.graph.outbox[0]["to"] == "31612345678"

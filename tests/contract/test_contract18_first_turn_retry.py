"""API.md, POST /v1/chat: "Repeating a request with the same clientMessageId returns the same
response and changes nothing." A first turn (no conversationId) with a short clientMessageId
("m1", a widget's counter) opened a second conversation on every retry; only ids of 16+
characters named the conversation. A short id now names it together with the client's address
and the message, and only for a retry: while the conversation holds just that first turn and
for FIRST_TURN_RETRY_SECONDS, so two residents behind one address who happen to send the same
counter and words later do not share a conversation."""
from __future__ import annotations

import json

import boto3
import pytest

from balie_local.events import LambdaContext, http_api_event
from handlers import chat_api, wiring

MONDAY_MORNING = "2026-11-30T10:00:00+01:00"
MINUTES_LATER = "2026-11-30T10:05:00+01:00"


@pytest.fixture
def api(mock_aws, monkeypatch):
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    wiring.use(None)
    yield mock_aws.merged_environment()["TABLE_NAME"]
    wiring.use(None)


def post(body: dict, source_ip: str = "192.0.2.10") -> tuple[int, dict]:
    event = http_api_event("POST", "/v1/chat", headers={"content-type": "application/json"}, body=body,
                           source_ip=source_ip)
    result = chat_api.handler(event, LambdaContext("ChatApiFunction"))
    return result["statusCode"], json.loads(result["body"])


def conversations(table: str) -> int:
    items = boto3.client("dynamodb").scan(TableName=table)["Items"]
    return sum(1 for item in items if item["sk"]["S"] == "CONV")


FIRST = {"tenant": "voorbeeld", "message": "paspoort verlengen", "clientMessageId": "m1"}


def test_a_retried_first_turn_with_a_short_id_is_answered_from_its_conversation(api: str) -> None:
    status, first = post(FIRST)
    status_again, again = post(FIRST)
    assert status == status_again == 200
    assert again == first
    assert conversations(api) == 1


def test_a_short_id_does_not_join_another_address_or_another_message(api: str) -> None:
    _, first = post(FIRST)
    _, elsewhere = post(FIRST, source_ip="198.51.100.7")
    _, other_words = post({**FIRST, "message": "afval ophalen"})
    ids = {first["conversationId"], elsewhere["conversationId"], other_words["conversationId"]}
    assert len(ids) == 3


def test_a_short_id_names_no_conversation_once_it_went_on_or_time_passed(api: str, monkeypatch) -> None:
    _, first = post(FIRST)
    status, _ = post({**FIRST, "message": "wat kost dat", "clientMessageId": "m2",
                      "conversationId": first["conversationId"]})
    assert status == 200
    _, later = post(FIRST)  # the widget had the id: this is a new resident's first turn
    assert later["conversationId"] != first["conversationId"]
    monkeypatch.setenv("BALIE_NOW", MINUTES_LATER)
    wiring.use(None)
    _, next_resident = post({**FIRST, "message": "afval ophalen"})
    _, retried_late = post({**FIRST, "message": "afval ophalen"}, source_ip="192.0.2.10")
    assert next_resident["conversationId"] == retried_late["conversationId"]  # within the window
    monkeypatch.setenv("BALIE_NOW", "2026-11-30T10:20:00+01:00")
    wiring.use(None)
    _, much_later = post({**FIRST, "message": "afval ophalen"})
    assert much_later["conversationId"] != next_resident["conversationId"]

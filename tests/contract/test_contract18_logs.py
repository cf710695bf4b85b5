"""The developers' guide: a resident's data is "never logged"; ARCHITECTURE: logs carry keyed
hashes of conversation ids (`c-<16 hex>`), never the id (a bearer secret: it reads and erases
the transcript). When the outbox of a turn could not be cleared (the store unavailable after
the effects ran) the engine logged the raw conversation id."""
from __future__ import annotations

import json
import logging

import pytest

from adapters.dynamodb_store import DynamoDBConversationStore
from balie_local.events import LambdaContext, http_api_event
from core.errors import ServiceUnavailable
from handlers import chat_api, wiring
from handlers.log_ids import conversation_ref

TUESDAY_MORNING = "2026-12-08T10:00:00+01:00"  # voorbeeld's staff are at work: a live handover


@pytest.fixture
def api(mock_aws, monkeypatch):
    monkeypatch.setenv("BALIE_NOW", TUESDAY_MORNING)
    wiring.use(None)
    yield
    wiring.use(None)


def post(body: dict) -> dict:
    event = http_api_event("POST", "/v1/chat", headers={"content-type": "application/json"}, body=body)
    result = chat_api.handler(event, LambdaContext("ChatApiFunction"))
    assert result["statusCode"] == 200, result["body"]
    return json.loads(result["body"])


def test_an_outbox_left_uncleared_is_logged_with_the_conversations_reference(api, monkeypatch, caplog) -> None:
    def unavailable(self, tenant, conversation_id, effect_ids) -> None:
        raise ServiceUnavailable("The conversation store is not available.")

    first = post({"tenant": "voorbeeld", "message": "paspoort verlengen"})
    monkeypatch.setattr(DynamoDBConversationStore, "effects_done", unavailable)
    with caplog.at_level(logging.WARNING):
        reply = post({"tenant": "voorbeeld", "message": "ik wil een medewerker spreken",
                      "conversationId": first["conversationId"]})
    assert reply["handover"] is not None
    logged = [record.getMessage() for record in caplog.records if "outbox" in record.getMessage()]
    assert logged, "the uncleared outbox is logged"
    assert all(first["conversationId"] not in line for line in logged)
    assert any(conversation_ref(first["conversationId"]) in line for line in logged)

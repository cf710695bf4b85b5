"""API.md: "Every error is {"error": {"code", "message"}} with a 4xx status." The message is
for the person reading it: a field the API's own check refuses is named with that check's
sentence, without pydantic's "Value error, " in front of it (and without the field's name twice).
Was "conversationId: Value error, conversationId is not a conversation id"."""
from __future__ import annotations

import json

import pytest

from balie_local.events import LambdaContext, http_api_event
from handlers import chat_api, wiring


@pytest.mark.parametrize("field, value, sentence", [
    ("conversationId", "does-not-exist", "conversationId is not a conversation id"),
    ("payload", "a\nb", "payload is not a button payload"),
    ("clientMessageId", "id\u0007", "clientMessageId contains control characters"),
])
def test_a_refused_field_is_named_with_a_plain_sentence(mock_aws, field: str, value: str, sentence: str) -> None:
    wiring.use(None)
    event = http_api_event("POST", "/v1/chat", headers={"content-type": "application/json"},
                           body={"tenant": "voorbeeld", "message": "paspoort", field: value})
    result = chat_api.handler(event, LambdaContext("ChatApiFunction"))
    error = json.loads(result["body"])["error"]
    assert result["statusCode"] == 400 and error["code"] == "invalid_input"
    assert error["message"] == sentence
    wiring.use(None)

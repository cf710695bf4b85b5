"""API Gateway's $default route (handlers/no_route.py): what no route takes, in the contract's shape."""
from __future__ import annotations

import json

import pytest

from handlers.no_route import allowed_methods, handler


@pytest.mark.parametrize("path,allowed", [
    ("/v1/chat", ["OPTIONS", "POST"]),
    ("/v1/chat/voorbeeld.0123/messages", ["GET", "OPTIONS"]),
    ("/v1/staff/tickets", ["GET", "OPTIONS"]),
    ("/v1/staff/kb/intents/paspoort/export", ["GET", "OPTIONS"]),
    ("/v1/whatsapp/webhook", ["GET", "POST"]),
    ("/v1/staff/nothing", []),  # the staff preflight route alone makes no path
    ("/v1/chat/a/b/c", []),
    ("/", []),
])
def test_allowed_methods(path: str, allowed: list[str]) -> None:
    assert allowed_methods(path) == allowed


def event(method: str, path: str) -> dict:
    return {"rawPath": path, "routeKey": "$default", "headers": {},
            "requestContext": {"http": {"method": method}, "stage": "$default"}}


def test_a_method_the_path_does_not_take_is_a_405_with_allow() -> None:
    answer = handler(event("GET", "/v1/chat"), None)
    assert answer["statusCode"] == 405 and answer["headers"]["Allow"] == "OPTIONS, POST"
    assert json.loads(answer["body"])["error"]["code"] == "method_not_allowed"


def test_a_path_no_route_has_is_a_404_that_never_echoes_it() -> None:
    answer = handler(event("GET", "/v1/<script>ZQXJ"), None)
    assert answer["statusCode"] == 404 and "Allow" not in answer["headers"]
    assert set(json.loads(answer["body"])["error"]) == {"code", "message"} and "ZQXJ" not in answer["body"]

"""API.md, Errors: every error is `{"error": {code, message}}` with a clear message. `POST /dev/token`
is a local-only route of the front, not a Lambda handler, and once read its body with `json.loads`:
a body that is not JSON was answered with the decoder's own text ("Expecting value: line 1 column 1
(char 0)"). It now reads the body with the API's one JSON decoder (handlers/http_body) and answers in
the API's words; its own checks keep their messages."""
from __future__ import annotations

import json
import re

import pytest

from balie_local.dev_routes import DevRequest
from balie_local.stack import LocalStack


def post_token(body: bytes) -> tuple[int, dict]:
    stack = LocalStack(tenants=["voorbeeld"], tenants_dir=None)  # nothing started: only its dev tokens
    request = DevRequest("POST", "/dev/token", {}, {}, body, re.fullmatch(r"/dev/token", "/dev/token"))
    response = stack._token_route(request)
    encoded, headers = response.encoded()
    assert headers["content-type"] == "application/json"
    return response.status, json.loads(encoded)


@pytest.mark.parametrize("body", [b"", b"tenant=voorbeeld", b'{"tenant": "voorbeeld",', b"\xff\xfe", b'{"teams": NaN}'])
def test_a_body_that_is_not_json_is_the_apis_400(body: bytes) -> None:
    assert post_token(body) == (400, {"error": {"code": "invalid_input", "message": "The body is not valid JSON."}})


@pytest.mark.parametrize("body", [b"[]", b'"voorbeeld"', b"null"])
def test_a_body_that_is_not_an_object_is_the_apis_400(body: bytes) -> None:
    assert post_token(body) == (400, {"error": {"code": "invalid_input", "message": "The body must be a JSON object."}})


def test_its_own_checks_keep_their_messages_and_a_good_request_gets_a_token() -> None:
    status, answer = post_token(b'{"tenant": "voorbeeld", "teams": []}')
    assert (status, answer["error"]["code"]) == (400, "invalid_input")
    assert answer["error"]["message"] == 'teams must be "*" or a non-empty list of team ids'
    status, answer = post_token(b'{"tenant": "voorbeeld", "teams": ["burgerzaken"], "roles": ["kcc"]}')
    assert status == 200 and answer["token"].startswith("dev-voorbeeld-") and answer["sub"].startswith("dev-voorbeeld-")

"""The one body parser of every HTTP route (handlers/http_body.py): every way a body can
be wrong is a BalieError (4xx), never another exception."""
from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError

from balie_local.events import http_api_event
from core.errors import BalieError, InvalidInput, PayloadTooLarge, UnsupportedMediaType
from handlers.http_body import MAX_BODY_BYTES, MAX_DEPTH, decode_json, depth_exceeds, json_object, parse_body
from handlers.http_router import Request


class Body(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str


def event(body: bytes | str | None, content_type: str | None = "application/json", base64_encoded: bool = False):
    raw = http_api_event("POST", "/v1/chat", headers={"content-type": content_type} if content_type else {})
    if isinstance(body, bytes):
        body = base64.b64encode(body).decode("ascii") if base64_encoded else body.decode("utf-8", "surrogatepass")
    raw["body"] = body
    raw["isBase64Encoded"] = base64_encoded
    if content_type is None:
        raw["headers"].pop("content-type", None)
    return Request.from_event(raw)


def test_a_json_object_becomes_the_model() -> None:
    assert parse_body(event(b'{"text": "paspoort", "other": 1}'), Body).text == "paspoort"
    assert parse_body(event(b'{"text": "paspoort"}', base64_encoded=True), Body).text == "paspoort"
    assert json_object(event(b'{"a": [1, {"b": null}]}', "application/json; charset=utf-8")) == {"a": [1, {"b": None}]}


@pytest.mark.parametrize(("body", "content_type", "error"), [
    (b'{"text": "x"}', None, UnsupportedMediaType),
    (b'{"text": "x"}', "text/plain", UnsupportedMediaType),
    (b"", "application/json", InvalidInput),
    (b"{broken", "application/json", InvalidInput),
    (b'"\\ud800"', "application/json", InvalidInput),  # not an object
    (b"[1, 2]", "application/json", InvalidInput),
    (b'{"n": NaN}', "application/json", InvalidInput),
    (b'{"n": -Infinity}', "application/json", InvalidInput),
    (b'{"n": ' + b"9" * 5000 + b"}", "application/json", InvalidInput),  # past Python's int digit limit
    (b"[" * 100_000 + b"]" * 100_000, "application/json", PayloadTooLarge),
    (b"[" * 5000 + b"]" * 5000, "application/json", InvalidInput),  # RecursionError in the decoder
    (b'{"a":' * (MAX_DEPTH + 1) + b"1" + b"}" * (MAX_DEPTH + 1), "application/json", InvalidInput),
    (b'{"text": "' + b"x" * MAX_BODY_BYTES + b'"}', "application/json", PayloadTooLarge),
])
def test_every_bad_body_is_a_clear_4xx(body: bytes, content_type: str | None, error: type[BalieError]) -> None:
    with pytest.raises(error):
        json_object(event(body, content_type))


class Numbered(BaseModel):
    version: int
    enabled: bool = True


@pytest.mark.parametrize("body", [b'{"version": "1"}', b'{"version": true}', b'{"version": 1.0}', b'{"version": [1]}',
                                  b'{"version": 1, "enabled": 1}', b'{"version": 1, "enabled": "yes"}',
                                  b'{"text": 5}'])
def test_a_value_of_another_json_type_is_refused_not_coerced(body: bytes) -> None:
    with pytest.raises(ValidationError):  # 400 invalid_input through handlers/http_errors.py
        parse_body(event(body), Body if b"text" in body else Numbered)
    assert parse_body(event(b'{"version": 2, "enabled": false}'), Numbered) == Numbered(version=2, enabled=False)


def test_a_body_that_is_not_utf8_is_a_400() -> None:
    with pytest.raises(InvalidInput):
        json_object(event(b"\xff\xfe{}", base64_encoded=True))


def test_bad_base64_is_a_400() -> None:
    raw = http_api_event("POST", "/v1/chat", headers={"content-type": "application/json"})
    raw.update(body="not base64!", isBase64Encoded=True)
    with pytest.raises(InvalidInput):
        json_object(Request.from_event(raw))


def test_depth_is_counted_without_recursion() -> None:
    nested: list = []
    for _ in range(100_000):  # far deeper than Python's recursion limit
        nested = [nested]
    assert depth_exceeds(nested, MAX_DEPTH)
    assert not depth_exceeds({"a": [{"b": [1]}]}, 4) and depth_exceeds({"a": [{"b": [1]}]}, 3)
    assert not depth_exceeds("text", 0)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_random_bytes_never_escape_as_another_exception(raw: bytes) -> None:
    try:
        decode_json(raw)
    except BalieError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3)))
def test_any_shallow_json_document_decodes_to_itself(document) -> None:
    raw = json.dumps(document).encode("utf-8")
    if not depth_exceeds(document, MAX_DEPTH):
        assert decode_json(raw) == document

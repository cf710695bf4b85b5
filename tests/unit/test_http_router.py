"""The router of every HTTP function (handlers/http_router.py): which route a request reaches,
with which path parameters, and what API Gateway gets back, errors included (the one mapping,
handlers/http_errors.py)."""
from __future__ import annotations

import base64
import json
import logging

import pytest
from pydantic import BaseModel, ConfigDict

from balie_local.events import http_api_event
from core.errors import Conflict, Forbidden, InvalidInput, NotFound, PayloadTooLarge, RateLimited, ServiceUnavailable
from handlers import http_errors, staff_api
from handlers.http_body import parse_body
from handlers.http_router import Request, Response, Router
from handlers.staff_http import PREFLIGHT_HEADERS, with_dashboard_cors


class Greeting(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


def text(request: Request, body: str) -> Response:
    return Response(200, body, "text/plain")


def make_router() -> Router:
    app = Router(http_errors.respond)

    @app.get("/v1/things/<thing_id>")
    def one(request: Request, thing_id: str) -> Response:
        return text(request, f"one {thing_id} {request.path_params}")

    @app.get("/v1/things/special")
    def special(request: Request) -> Response:
        return text(request, "special")

    @app.delete("/v1/things/<thing_id>")
    def remove(request: Request, thing_id: str) -> Response:
        return text(request, f"removed {thing_id}")

    @app.get("/v1/things/<thing_id>/parts/<part>")
    def part(request: Request, thing_id: str, part: str) -> Response:
        return text(request, f"{thing_id}/{part}")

    @app.post("/v1/greet")
    def greet(request: Request) -> Response:
        return text(request, "hello " + parse_body(request, Greeting).name)

    @app.options("/v1/things/<thing_id>")
    def preflight(request: Request, thing_id: str) -> Response:
        return Response(204, headers={"Access-Control-Allow-Methods": "GET, DELETE, OPTIONS"})

    @app.get("/v1/fail/<kind>")
    def fail(request: Request, kind: str) -> Response:
        raise {"invalid": InvalidInput("bad"), "missing": NotFound("gone"), "forbidden": Forbidden("no"),
               "conflict": Conflict("raced"), "large": PayloadTooLarge("big"), "busy": ServiceUnavailable("down"),
               "limited": RateLimited("slow down", retry_after=30), "bug": KeyError("secret")}[kind]

    return app


APP = make_router()


def call(method: str, path: str, **options: object) -> dict:
    return APP.resolve(http_api_event(method, path, **options))  # type: ignore[arg-type]


def error_of(response: dict) -> dict:
    assert response["headers"]["Content-Type"] == "application/json"
    assert response["headers"]["Cache-Control"] == "no-store"
    return json.loads(response["body"])["error"]


def test_a_path_parameter_is_one_segment_passed_by_name() -> None:
    assert call("GET", "/v1/things/t-42")["body"] == "one t-42 {'thing_id': 't-42'}"
    assert call("GET", "/v1/things/a:b@c.d~e")["body"].startswith("one a:b@c.d~e ")
    assert call("GET", "/v1/things/t-42/parts/p1")["body"] == "t-42/p1"
    assert call("GET", "/v1/things/a/b")["statusCode"] == 404  # a segment never spans a slash
    assert call("GET", "/v1/things/")["statusCode"] == 404
    assert call("GET", "/v1/things/t-42/")["statusCode"] == 404  # no trailing slash


def test_an_exact_path_wins_over_a_parameter_whatever_the_order() -> None:
    assert call("GET", "/v1/things/special")["body"] == "special"


def test_the_method_chooses_among_routes_of_one_path() -> None:
    assert call("DELETE", "/v1/things/t-1")["body"] == "removed t-1"
    preflight = call("OPTIONS", "/v1/things/t-1")
    assert preflight == {"statusCode": 204, "body": None, "isBase64Encoded": False, "cookies": [],
                         "headers": {"Access-Control-Allow-Methods": "GET, DELETE, OPTIONS"}}


def test_an_unknown_path_is_a_404_and_another_method_a_405_naming_the_allowed() -> None:
    missing = call("GET", "/v1/nothing")
    assert missing["statusCode"] == 404
    assert error_of(missing) == {"code": "not_found", "message": "There is no such route."}
    wrong = call("PUT", "/v1/things/t-1")
    assert wrong["statusCode"] == 405
    assert wrong["headers"]["Allow"] == "DELETE, GET, OPTIONS"
    assert error_of(wrong)["code"] == "method_not_allowed"
    assert call("GET", "/v1/greet")["headers"]["Allow"] == "POST"


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("invalid", 400, "invalid_input"), ("missing", 404, "not_found"), ("forbidden", 403, "forbidden"),
    ("conflict", 409, "conflict"), ("large", 413, "payload_too_large"), ("busy", 503, "service_unavailable"),
    ("limited", 429, "rate_limited"),
])
def test_domain_errors_map_to_their_status(kind: str, status: int, code: str) -> None:
    response = call("GET", f"/v1/fail/{kind}")
    assert response["statusCode"] == status
    assert error_of(response)["code"] == code


def test_rate_limited_says_when_to_retry() -> None:
    assert call("GET", "/v1/fail/limited")["headers"]["Retry-After"] == "30"


def test_a_bug_is_a_logged_500_that_shows_nothing_of_it(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="balie"):
        response = call("GET", "/v1/fail/bug")
    assert response["statusCode"] == 500
    assert error_of(response) == {"code": "internal", "message": "Something went wrong. Please try again later."}
    assert "secret" not in response["body"]
    assert any("KeyError" in record.getMessage() for record in caplog.records)


def test_bodies_go_through_the_one_body_parser() -> None:
    assert call("POST", "/v1/greet", body={"name": "Anouk"})["body"] == "hello Anouk"
    broken = call("POST", "/v1/greet", body="{not json", headers={"content-type": "application/json"})
    assert broken["statusCode"] == 400 and error_of(broken)["code"] == "invalid_input"
    unknown_field = call("POST", "/v1/greet", body={"name": "A", "extra": 1})
    assert unknown_field["statusCode"] == 400
    assert error_of(unknown_field)["message"].startswith("extra: ")
    not_json = call("POST", "/v1/greet", body="name=A", headers={"content-type": "text/plain"})
    assert not_json["statusCode"] == 415


def test_the_request_is_read_from_the_http_api_event() -> None:
    event = http_api_event("POST", "/v1/greet", query="after=3&tenant=a&tenant=b", body=b"\x00\xff",
                           headers={"Origin": "https://example.nl", "Content-Type": "application/octet-stream"},
                           jwt_claims={"custom:tenant": "voorbeeld"}, source_ip="192.0.2.7")
    request = Request.from_event(event)
    assert (request.method, request.path) == ("POST", "/v1/greet")
    assert request.query == {"after": "3", "tenant": "a,b"}
    assert request.headers["origin"] == "https://example.nl"  # names lower case
    assert request.base64_encoded and base64.b64decode(request.body or "") == b"\x00\xff"
    assert request.source_ip == "192.0.2.7" and request.domain_name == "127.0.0.1:3000"
    assert request.claims == {"custom:tenant": "voorbeeld"}
    assert Request.from_event(http_api_event("GET", "/v1/greet")).claims is None


def test_a_named_stage_is_not_part_of_the_route() -> None:
    event = http_api_event("GET", "/prod/v1/things/t-9", stage="prod")
    assert APP.resolve(event)["body"].startswith("one t-9 ")


def test_a_bytes_body_goes_back_base64_encoded() -> None:
    answer = Response(200, b"PK\x03\x04", "application/zip", {"Cache-Control": "no-store"}).to_api_gateway()
    assert answer == {"statusCode": 200, "body": base64.b64encode(b"PK\x03\x04").decode(), "isBase64Encoded": True,
                      "cookies": [], "headers": {"Cache-Control": "no-store", "Content-Type": "application/zip"}}


def test_the_staff_dashboard_preflight_and_its_origin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFF_DASHBOARD_ORIGINS", "https://kcc.example.nl, https://other.example.nl")
    for path in ("/v1/staff/me", "/v1/staff/conversations/c-1/reply", "/v1/staff/kb/intents/paspoort/export"):
        request = Request.from_event(http_api_event("OPTIONS", path, headers={"origin": "https://kcc.example.nl"}))
        answer = with_dashboard_cors(request, staff_api.app.respond(request)).to_api_gateway()
        assert answer["statusCode"] == 204
        assert answer["headers"] == {**PREFLIGHT_HEADERS, "Vary": "Origin",
                                     "Access-Control-Allow-Origin": "https://kcc.example.nl"}
    foreign = Request.from_event(http_api_event("OPTIONS", "/v1/staff/me", headers={"origin": "https://evil.example"}))
    answer = with_dashboard_cors(foreign, staff_api.app.respond(foreign)).to_api_gateway()
    assert "Access-Control-Allow-Origin" not in answer["headers"] and answer["headers"]["Vary"] == "Origin"

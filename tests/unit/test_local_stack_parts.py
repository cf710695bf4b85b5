"""The local stack's pure parts: intrinsics, Fn::ForEach, route matching, CORS, events, batch results."""
from __future__ import annotations

import base64
import json

import pytest
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2, SQSEvent
from aws_lambda_powertools.utilities.parser.models import APIGatewayProxyEventV2Model, SqsModel

from balie_local.dev_auth import DevAuth, InvalidTokenRequest
from balie_local.events import LambdaContext, SqsMessage, http_api_event, scheduled_event, sqs_event
from balie_local.front import lambda_result_to_http, match_route, preflight_headers, response_cors_headers
from balie_local.pollers import ScheduleRunner, failed_message_ids, rate_seconds
from balie_local.template_resources import (
    Cors,
    HttpRoute,
    Resolver,
    ScheduleSource,
    TemplateError,
    expand_for_each,
    load_template,
    parameter_values,
)


def resolver(**refs: str) -> Resolver:
    template = {"Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}}}
    found = Resolver(template, region="eu-west-1", stack_name="s", parameter_values={"Stage": "dev", **refs})
    found.refs["Table"] = "s-Table"
    found.attributes[("Queue", "Arn")] = "arn:aws:sqs:eu-west-1:123456789012:q"
    return found


def test_intrinsics_resolve_like_cloudformation() -> None:
    r = resolver()
    assert r.resolve({"Fn::Sub": "/balie/${Stage}/x-${AWS::Region}"}) == "/balie/dev/x-eu-west-1"
    assert r.resolve({"Fn::Sub": ["${A}-${Table}", {"A": {"Ref": "Stage"}}]}) == "dev-s-Table"
    assert r.resolve({"Fn::Sub": "${Queue.Arn} ${!Literal}"}) == "arn:aws:sqs:eu-west-1:123456789012:q ${Literal}"
    assert r.resolve({"Fn::GetAtt": ["Queue", "Arn"]}).endswith(":q")
    assert r.resolve({"Fn::Join": ["-", ["a", {"Ref": "Stage"}]]}) == "a-dev"
    assert r.resolve({"Fn::Select": [1, {"Fn::Split": [",", "x,y"]}]}) == "y"
    assert r.resolve({"Fn::If": ["IsProd", "big", "small"]}) == "small"
    assert r.resolve({"A": {"Ref": "AWS::NoValue"}, "B": 1}) == {"B": 1}
    with pytest.raises(TemplateError):
        r.resolve({"Ref": "Missing"})


def test_short_tags_load_as_intrinsics(tmp_path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("A: !Ref X\nB: !GetAtt Q.Arn\nC: !Sub ['${A}', {A: !Ref Y}]\n", encoding="utf-8")
    assert load_template(path) == {"A": {"Ref": "X"}, "B": {"Fn::GetAtt": ["Q", "Arn"]},
                                   "C": {"Fn::Sub": ["${A}", {"A": {"Ref": "Y"}}]}}


def test_for_each_expands_keys_and_values() -> None:
    section = {
        "Fn::ForEach::Tenants": [
            "Slug", {"Ref": "Slugs"},
            {"Queue&{Slug}": {"Type": "AWS::SQS::Queue", "Properties": {
                "QueueName": {"Fn::Sub": "t-${Slug}"}, "Dlq": {"Fn::GetAtt": ["Dead&{Slug}", "Arn"]}}}},
        ],
        "Other": {"Type": "X"},
    }
    expanded = expand_for_each(section, {"Slugs": "a-b,c"})
    assert set(expanded) == {"Queueab", "Queuec", "Other"}
    assert expanded["Queueab"]["Properties"] == {"QueueName": {"Fn::Sub": "t-a-b"}, "Dlq": {"Fn::GetAtt": ["Deadab", "Arn"]}}


def test_parameters_take_overrides_then_defaults() -> None:
    template = {"Parameters": {"Stage": {"Default": "dev"}, "Other": {"Default": "x"}}}
    assert parameter_values(template, {"Stage": "local"}) == {"Stage": "local", "Other": "x"}
    with pytest.raises(TemplateError):
        parameter_values({"Parameters": {"Required": {"Type": "String"}}}, {})


def test_a_list_parameter_resolves_to_a_list_like_cloudformation() -> None:
    template = {"Parameters": {"Origins": {"Type": "CommaDelimitedList"}, "Stage": {"Type": "String"}}}
    found = Resolver(template, region="eu-west-1", stack_name="s",
                     parameter_values={"Origins": "https://a.example, http://b.example:3000", "Stage": "a,b"})
    assert found.resolve({"Ref": "Origins"}) == ["https://a.example", "http://b.example:3000"]
    assert found.resolve({"Ref": "Stage"}) == "a,b"


ROUTES = [
    HttpRoute("GET", "/v1/chat/{conversationId}/messages", "Chat", None),
    HttpRoute("GET", "/v1/chat/special/messages", "Special", None),
    HttpRoute("ANY", "/v1/files/{path+}", "Files", None),
    HttpRoute("POST", "/v1/files/{path+}", "Upload", None),
]


def test_routes_match_like_api_gateway() -> None:
    route, params = match_route(ROUTES, "GET", "/v1/chat/abc%2F/messages")
    assert (route.function, params) == ("Chat", {"conversationId": "abc/"})
    assert match_route(ROUTES, "GET", "/v1/chat/special/messages")[0].function == "Special"
    assert match_route(ROUTES, "GET", "/v1/files/a/b.txt")[1] == {"path": "a/b.txt"}
    assert match_route(ROUTES, "POST", "/v1/files/a")[0].function == "Upload"
    assert match_route(ROUTES, "DELETE", "/v1/chat/abc/messages") is None
    assert match_route(ROUTES, "GET", "/v1/chat/abc/messages/extra") is None


def test_cors_follows_the_configuration() -> None:
    listed = Cors(allow_origins=("https://a.example",), allow_methods=("GET", "POST"), allow_headers=("content-type",), max_age=60)
    assert preflight_headers(listed, "https://b.example", "POST", "") == {}
    assert preflight_headers(listed, "https://a.example", "DELETE", "") == {}
    assert preflight_headers(listed, "https://a.example", "POST", "content-type") == {
        "access-control-allow-origin": "https://a.example", "access-control-allow-methods": "GET,POST",
        "access-control-allow-headers": "content-type", "access-control-max-age": "60"}
    assert response_cors_headers(Cors(allow_origins=("*",)), "https://x.example") == {"access-control-allow-origin": "*"}


def test_lambda_results_map_to_http_like_payload_format_2() -> None:
    status, headers, body = lambda_result_to_http({"statusCode": 201, "headers": {"X-A": "1"}, "cookies": ["c=1"],
                                                   "body": base64.b64encode(b"\x00\x01").decode(), "isBase64Encoded": True})
    assert (status, body) == (201, b"\x00\x01")
    assert ("x-a", "1") in headers and ("set-cookie", "c=1") in headers
    assert lambda_result_to_http({"ok": True}) == (200, [("content-type", "application/json")], b'{"ok": true}')


def test_http_api_event_is_valid_v2() -> None:
    event = http_api_event("post", "/v1/chat", body={"message": "Hé"}, query="a=1&a=2",
                           headers=[("X-Two", "1"), ("x-two", "2"), ("Cookie", "k=v")],
                           jwt_claims={"sub": "dev-x"})
    APIGatewayProxyEventV2Model.model_validate(event)
    parsed = APIGatewayProxyEventV2(event)
    assert parsed.json_body == {"message": "Hé"}
    assert parsed.route_key == "POST /v1/chat"
    assert event["headers"]["x-two"] == "1,2" and event["cookies"] == ["k=v"]
    assert event["queryStringParameters"] == {"a": "1,2"}
    assert event["headers"]["content-type"] == "application/json"
    binary = http_api_event("POST", "/x", body=b"\xff\x00", headers={"content-type": "application/octet-stream"})
    assert binary["isBase64Encoded"] and base64.b64decode(binary["body"]) == b"\xff\x00"


def test_sqs_event_is_valid_and_fifo_aware() -> None:
    event = sqs_event([SqsMessage({"a": 1}, message_group_id="g", receive_count=3), "plain"], queue_name="q.fifo")
    SqsModel.model_validate(event)
    records = list(SQSEvent(event).records)
    assert json.loads(records[0].body) == {"a": 1}
    assert records[0].attributes.message_group_id == "g"
    assert records[0].attributes.approximate_receive_count == "3"
    assert records[1].event_source_arn.endswith(":q.fifo")
    assert scheduled_event()["detail-type"] == "Scheduled Event"


def test_lambda_context_counts_down() -> None:
    context = LambdaContext("Fn", timeout_seconds=3)
    assert 0 < context.get_remaining_time_in_millis() <= 3000
    assert context.invoked_function_arn.endswith(":function:Fn")


def test_partial_batch_responses_follow_lambda_rules() -> None:
    ids = ["a", "b"]
    assert failed_message_ids({"batchItemFailures": []}, ids) == set()
    assert failed_message_ids(None, ids) == set()
    assert failed_message_ids({"batchItemFailures": [{"itemIdentifier": "b"}]}, ids) == {"b"}
    assert failed_message_ids({"batchItemFailures": [{"itemIdentifier": "zzz"}]}, ids) is None
    assert failed_message_ids({"batchItemFailures": [{"itemIdentifier": ""}]}, ids) is None


def test_rate_expressions() -> None:
    assert rate_seconds("rate(5 minutes)") == 300
    assert rate_seconds("rate(1 day)") == 86400
    assert rate_seconds("cron(0 7 * * ? *)") is None


def test_dev_tokens_map_to_tenant_claims() -> None:
    auth = DevAuth({"voorbeeld": "tok-1", "andere": "tok-2"})
    assert auth.claims_for("Bearer tok-2")["custom:tenant"] == "andere"
    assert auth.claims_for("tok-1")["sub"] == "dev-voorbeeld"
    assert auth.claims_for("Bearer tok-3") is None and auth.claims_for(None) is None
    assert DevAuth.generate(["a"]).tokens["a"] != DevAuth.generate(["a"]).tokens["a"]


def test_a_dev_token_may_carry_a_display_name() -> None:
    auth = DevAuth({"voorbeeld": "tok-1"})
    token, _ = auth.issue("voorbeeld", ["kcc"], ["kcc"], " Sanne de Vries ")
    assert auth.claims_for(token)["name"] == "Sanne de Vries"
    assert "name" not in auth.claims_for(auth.issue("voorbeeld", "*")[0])
    with pytest.raises(InvalidTokenRequest):
        auth.issue("voorbeeld", "*", None, "x" * 81)


def test_a_schedule_sends_a_scheduled_event_or_its_input() -> None:
    calls = []
    invoke = lambda function, event: calls.append((function, event))  # noqa: E731
    ScheduleRunner(source=ScheduleSource("Fn", "rate(1 hour)", None), region="eu-west-1",
                   invoke=invoke, interval_seconds=3600).fire()
    ScheduleRunner(source=ScheduleSource("Fn", "rate(1 hour)", '{"job": "report"}'), region="eu-west-1",
                   invoke=invoke, interval_seconds=3600).fire()
    assert calls[0][1]["detail-type"] == "Scheduled Event" and calls[0][1]["resources"][0].endswith("balie-local-Fn")
    assert calls[1] == ("Fn", {"job": "report"})

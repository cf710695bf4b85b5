"""The local stack end to end: HTTP -> API Gateway v2 event -> handler -> DynamoDB in moto -> response.

Handlers here are the tiny ones in notes_handler.py, so these tests hold whatever the
real handlers do; the template is the real one plus a JWT route and an SQS consumer.
"""
from __future__ import annotations

import copy
import json
import os
import time
from collections.abc import Iterator
from typing import Any

import pytest
from aws_lambda_powertools.utilities.parser.models import APIGatewayProxyEventV2Model, SqsModel
from notes_handler import http_handler, received_events, sqs_handler
from http_support import send

from balie_local import dev_routes
from balie_local.stack import LocalStack
from balie_local.template_resources import load_template

PROBE_QUEUE_VISIBILITY_SECONDS = 1


PROBE_ORIGINS = ["https://www.voorbeeld.example", "https://www.voorbeeld-noord.example", "http://localhost:3000"]


def probe_template() -> dict[str, Any]:
    """The real template plus probes, and a CorsConfiguration (the real one has none: its
    handlers answer CORS per tenant), so the front's emulation of API Gateway's is tested."""
    template = copy.deepcopy(load_template())
    resources = template["Resources"]
    resources["HttpApi"]["Properties"]["CorsConfiguration"] = {
        "AllowOrigins": PROBE_ORIGINS, "AllowMethods": ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        "AllowHeaders": ["content-type", "authorization"], "MaxAge": 600}
    resources["ProbeStaffFunction"] = {
        "Type": "AWS::Serverless::Function",
        "Properties": {
            "Handler": "notes_handler.http_handler",
            "Events": {"Probe": {"Type": "HttpApi", "Properties": {
                "ApiId": {"Ref": "HttpApi"}, "Method": "GET", "Path": "/v1/staff/probe",
                "Auth": {"Authorizer": "StaffJwt"}}}},
        },
    }
    resources["ProbeQueue"] = {"Type": "AWS::SQS::Queue", "Properties": {
        "VisibilityTimeout": PROBE_QUEUE_VISIBILITY_SECONDS,
        "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["ProbeDeadLetterQueue", "Arn"]}, "maxReceiveCount": 2}}}
    resources["ProbeDeadLetterQueue"] = {"Type": "AWS::SQS::Queue", "Properties": {}}
    resources["ProbeWorkerFunction"] = {
        "Type": "AWS::Serverless::Function",
        "Properties": {
            "Handler": "notes_handler.sqs_handler",
            "Events": {"Queue": {"Type": "SQS", "Properties": {
                "Queue": {"Fn::GetAtt": ["ProbeQueue", "Arn"]}, "BatchSize": 10,
                "FunctionResponseTypes": ["ReportBatchItemFailures"]}}},
        },
    }
    return template


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, start_local_stack: Any) -> Iterator[LocalStack]:
    web = tmp_path_factory.mktemp("web")
    (web / "index.html").write_text("<h1>demo</h1>", encoding="utf-8")
    (web / "widget.js").write_text("console.log('widget')", encoding="utf-8")
    (web / "staff").mkdir()
    (web / "staff" / "index.html").write_text("<h1>staff</h1>", encoding="utf-8")
    with start_local_stack(
        template=probe_template(),
        web_dir=web,
        tenants_dir=None,  # the probe template has no tenant registry
        tenants=["voorbeeld", "andere"],
        handler_overrides={"ChatApiFunction": http_handler, "ProbeStaffFunction": http_handler,
                           "ProbeWorkerFunction": sqs_handler},
    ) as running:
        yield running


def call(stack: LocalStack, method: str, path: str, body: Any = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, list[str]], bytes]:
    answer = send(stack.url + path, method, body, headers, timeout=10)
    grouped: dict[str, list[str]] = {}
    for name, value in answer.headers.items():
        grouped.setdefault(name.lower(), []).append(value)
    return answer.status, grouped, answer.body


def test_a_post_goes_through_the_handler_into_dynamodb_and_back(stack: LocalStack) -> None:
    status, headers, body = call(stack, "POST", "/v1/chat", {"conversationId": "c1", "message": "Hallo"},
                                 {"content-type": "application/json"})
    assert status == 200
    assert headers["content-type"] == ["application/json"]
    answer = json.loads(body)
    assert answer["stored"] == "Hallo"
    assert 0 < answer["remaining"] <= 10_000  # the template's Globals Timeout
    table = stack.deployment.tables["BalieTable"]
    item = stack.client("dynamodb").get_item(TableName=table, Key={"pk": {"S": "T#test#C#c1"}, "sk": {"S": "CONV"}})
    assert item["Item"]["text"] == {"S": "Hallo"}

    status, _, body = call(stack, "GET", "/v1/chat/c1/messages")
    assert (status, json.loads(body)) == (200, {"text": "Hallo"})
    assert call(stack, "GET", "/v1/chat/nope/messages")[0] == 404


def test_the_handler_gets_a_real_http_api_v2_event(stack: LocalStack) -> None:
    call(stack, "GET", "/v1/chat/abc%20d/messages?after=5&tag=a&tag=b",
         headers={"X-Custom": "Yes", "Cookie": "one=1; two=2", "User-Agent": "pytest"})
    event = received_events[-1]
    APIGatewayProxyEventV2Model.model_validate(event)
    assert event["version"] == "2.0"
    assert event["routeKey"] == "GET /v1/chat/{conversationId}/messages"
    assert event["rawPath"] == "/v1/chat/abc%20d/messages"
    assert event["rawQueryString"] == "after=5&tag=a&tag=b"
    assert event["queryStringParameters"] == {"after": "5", "tag": "a,b"}
    assert event["pathParameters"] == {"conversationId": "abc d"}
    assert event["cookies"] == ["one=1", "two=2"]
    assert event["headers"]["x-custom"] == "Yes"
    assert "cookie" not in event["headers"]
    http = event["requestContext"]["http"]
    assert (http["method"], http["sourceIp"], http["userAgent"]) == ("GET", "127.0.0.1", "pytest")
    assert event["requestContext"]["stage"] == "$default"
    assert event["requestContext"]["domainName"] == f"127.0.0.1:{stack.port}"
    assert abs(event["requestContext"]["timeEpoch"] / 1000 - time.time()) < 60
    assert "authorizer" not in event["requestContext"]


def preflight(stack: LocalStack, origin: str) -> tuple[int, dict[str, list[str]], bytes]:
    return call(stack, "OPTIONS", "/v1/chat", headers={
        "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})


def test_cors_preflight_and_responses_follow_the_template(stack: LocalStack) -> None:
    # A template with a CorsConfiguration: the front answers like API Gateway.
    for origin in PROBE_ORIGINS:
        status, headers, _ = preflight(stack, origin)
        assert status == 204
        assert headers["access-control-allow-origin"] == [origin]
        assert headers["access-control-allow-methods"] == ["GET,POST,PUT,DELETE,OPTIONS"]
        assert headers["access-control-allow-headers"] == ["content-type,authorization"]
        assert headers["access-control-max-age"] == ["600"]
    status, headers, _ = preflight(stack, "https://evil.example")
    assert status == 204 and not [name for name in headers if name.startswith("access-control-")]

    status, headers, _ = call(stack, "POST", "/v1/chat", {"conversationId": "c2", "message": "x"},
                              {"Origin": "https://www.voorbeeld.example"})
    assert status == 200
    # API Gateway replaces the handler's CORS headers with the configured ones.
    assert headers["access-control-allow-origin"] == ["https://www.voorbeeld.example"]
    status, headers, _ = call(stack, "POST", "/v1/chat", {"conversationId": "c3", "message": "x"},
                              {"Origin": "https://evil.example"})
    assert status == 200 and "access-control-allow-origin" not in headers  # nor the handler's own


def test_a_crashing_handler_is_a_500_like_api_gateway(stack: LocalStack) -> None:
    status, _, body = call(stack, "POST", "/v1/chat", {"crash": True})
    assert (status, json.loads(body)) == (500, {"message": "Internal Server Error"})


def test_jwt_routes_need_a_dev_token_and_get_its_claims(stack: LocalStack) -> None:
    assert call(stack, "GET", "/v1/staff/probe")[0] == 401
    assert call(stack, "GET", "/v1/staff/probe", headers={"Authorization": "Bearer wrong"})[0] == 401
    status, headers, body = call(stack, "GET", "/v1/staff/probe", headers=stack.auth.header("andere"))
    assert status == 200
    claims = json.loads(body)
    assert (claims["custom:tenant"], claims["custom:teams"], claims["sub"]) == ("andere", "*", "dev-andere")
    assert headers["set-cookie"] == ["a=1", "b=2"]
    assert received_events[-1]["requestContext"]["authorizer"]["jwt"]["claims"]["custom:tenant"] == "andere"


def test_static_files_and_unknown_paths(stack: LocalStack) -> None:
    status, headers, body = call(stack, "GET", "/")
    assert body == b"<h1>demo</h1>"
    # The demo site's pages carry a strict municipal CSP naming the API (this front); the dashboard does not.
    api_origin = stack.url.rstrip("/")
    assert headers["content-security-policy"] == [
        f"default-src 'self'; script-src 'self' {api_origin}; style-src 'self'; connect-src {api_origin}"]
    assert "content-security-policy" not in call(stack, "GET", "/staff")[1]
    assert "content-security-policy" not in call(stack, "GET", "/widget.js")[1]
    status, headers, body = call(stack, "GET", "/widget.js")
    assert (status, body) == (200, b"console.log('widget')")
    assert headers["content-type"][0].startswith(("text/javascript", "application/javascript"))
    assert call(stack, "GET", "/staff")[2] == b"<h1>staff</h1>"
    assert call(stack, "GET", "/../pyproject.toml")[0] == 404


def test_static_files_are_never_sniffed_and_staff_pages_never_framed(stack: LocalStack) -> None:
    for path in ("/", "/widget.js", "/staff"):
        assert call(stack, "GET", path)[1]["x-content-type-options"] == ["nosniff"], path
    assert call(stack, "GET", "/staff")[1]["x-frame-options"] == ["DENY"]
    assert "x-frame-options" not in call(stack, "GET", "/")[1]  # the demo site is the gemeente's to frame or not
    # What no route takes goes to the template's $default route (handlers/no_route.py), after the
    # static files: the contract's error shape, as in AWS.
    status, headers, body = call(stack, "GET", "/nothing-here")
    assert status == 404 and json.loads(body)["error"]["code"] == "not_found" and "allow" not in headers
    assert call(stack, "POST", "/v1/unknown", {})[0] == 404


def test_a_method_a_path_does_not_take_is_a_405_with_allow_in_the_contract_shape(stack: LocalStack) -> None:
    for method, path, allowed in [("GET", "/v1/chat", "OPTIONS, POST"), ("PATCH", "/v1/chat/voorbeeld.x", "DELETE, OPTIONS"),
                                  ("PUT", "/v1/staff/tickets", "GET, OPTIONS"), ("TRACE", "/v1/whatsapp/webhook", "GET, POST")]:
        status, headers, body = call(stack, method, path)
        assert (status, headers["allow"]) == (405, [allowed]), (method, path)
        assert json.loads(body)["error"]["code"] == "method_not_allowed"
    status, headers, body = call(stack, "GET", "/v1/staff/nothing", headers=stack.auth.header("andere"))
    assert status == 404 and "allow" not in headers  # the staff preflight route alone makes no path


def test_a_dev_token_goes_with_its_claims_on_routes_without_an_authorizer(stack: LocalStack) -> None:
    # The staff functions check tokens themselves (no authorizer in template.yaml): the front passes a
    # dev token's claims as an authorizer would, and a request with any other token without claims.
    call(stack, "POST", "/v1/chat", {"conversationId": "c9", "message": "x"}, stack.auth.header("andere"))
    assert received_events[-1]["requestContext"]["authorizer"]["jwt"]["claims"]["custom:tenant"] == "andere"
    call(stack, "POST", "/v1/chat", {"conversationId": "c9", "message": "x"}, {"Authorization": "Bearer wrong"})
    assert "authorizer" not in received_events[-1]["requestContext"]


def test_dev_routes_are_served_before_the_api(stack: LocalStack) -> None:
    dev_routes.register("GET", r"/dev/echo/(?P<word>\w+)",
                        lambda request: dev_routes.DevResponse(201, {"word": request.match["word"], "q": request.query}))
    status, _, body = call(stack, "GET", "/dev/echo/hallo?x=1")
    assert (status, json.loads(body)) == (201, {"word": "hallo", "q": {"x": ["1"]}})


def test_the_graph_api_stand_in_answers_on_the_front(stack: LocalStack) -> None:
    if stack.graph is None:
        pytest.skip("balie_local.graph_standin is not there")
    token = stack.channel_secrets()["whatsapp_access_token"]
    message = {"messaging_product": "whatsapp", "to": "31612345678", "type": "text", "text": {"body": "Hoi"}}
    assert call(stack, "POST", "/v21.0/100000000000001/messages", message, {"Authorization": "Bearer bad"})[0] == 401
    status, _, _ = call(stack, "POST", "/v21.0/100000000000001/messages", message, {"Authorization": f"Bearer {token}"})
    assert status == 200
    outbox = json.loads(call(stack, "GET", "/dev/whatsapp/outbox")[2])["messages"]
    assert outbox[-1]["payload"]["text"] == {"body": "Hoi"}
    assert os.environ["WHATSAPP_GRAPH_API_URL"] == f"{stack.url}/v21.0"


def wait_for(condition: Any, seconds: float = 20) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def test_sqs_source_deletes_successes_and_redrives_failures_to_the_dlq(stack: LocalStack) -> None:
    sqs = stack.client("sqs")
    sqs.send_message(QueueUrl=stack.deployment.queues["ProbeQueue"], MessageBody="kept")
    sqs.send_message(QueueUrl=stack.deployment.queues["ProbeQueue"], MessageBody="fail")
    table = stack.deployment.tables["BalieTable"]
    wait_for(lambda: stack.client("dynamodb").get_item(
        TableName=table, Key={"pk": {"S": "T#test#SQS"}, "sk": {"S": "kept"}}).get("Item"))

    def dead_letters() -> list[dict[str, Any]]:
        return sqs.receive_message(QueueUrl=stack.deployment.queues["ProbeDeadLetterQueue"],
                                   MessageSystemAttributeNames=["All"]).get("Messages", [])

    dead = wait_for(dead_letters)
    assert [m["Body"] for m in dead] == ["fail"]
    assert int(dead[0]["Attributes"]["ApproximateReceiveCount"]) >= 2
    sqs_events = [e for e in received_events if "Records" in e]
    for event in sqs_events:
        SqsModel.model_validate(event)
    bodies = [r["body"] for e in sqs_events for r in e["Records"]]
    assert bodies.count("kept") == 1  # deleted after success, never redelivered
    assert bodies.count("fail") == 2  # maxReceiveCount, then SQS moved it
    attributes = queue_attributes(stack, "ProbeQueue")
    assert attributes["ApproximateNumberOfMessages"] == "0"


def queue_attributes(stack: LocalStack, logical_id: str) -> dict[str, str]:
    return stack.client("sqs").get_queue_attributes(
        QueueUrl=stack.deployment.queues[logical_id], AttributeNames=["All"])["Attributes"]


def test_transactions_leave_no_copies_of_the_table_behind(stack: LocalStack) -> None:
    """moto backs up every table a TransactWriteItems touches; its record of model instances kept
    each backup and each item for good, so a long-running stack grew by a table a chat turn."""
    import gc

    from moto.dynamodb import dynamodb_backends
    from moto.dynamodb.models.dynamo_type import Item
    from moto.dynamodb.models.table import Table

    dynamodb, table = stack.client("dynamodb"), stack.deployment.tables["BalieTable"]
    for number in range(5):
        dynamodb.transact_write_items(TransactItems=[{"Put": {"TableName": table, "Item": {
            "pk": {"S": "T#test#C#leak"}, "sk": {"S": f"TURN#{number}"}, "text": {"S": "x" * 1000}}}}])
    gc.collect()
    held = {id(kept) for regions in dynamodb_backends.values() for backend in regions.values()
            for kept in backend.tables.values()}
    assert [found for found in gc.get_objects() if isinstance(found, Table) and id(found) not in held] == []
    assert Item.instances_tracked == []

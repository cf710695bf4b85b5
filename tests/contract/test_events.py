"""Contract of the Lambda entry points with the events AWS sends them.

- every events/<handler>_<scenario>.json belongs to a handler that template.yaml wires to
  a trigger of that kind (so `sam local invoke -e events/<file> <Function>` is meaningful),
  parses with that trigger's Powertools data class and parser model, and the handler,
  invoked with it against the `mock_aws` fixture, answers as AWS requires:
  HTTP: a status below 500 and a JSON error body on 4xx; SQS: a valid partial-batch response;
- every real event in tests/fixtures/aws-events (written by other projects) parses through the same models.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from aws_lambda_powertools.utilities.data_classes import (
    APIGatewayProxyEvent,
    APIGatewayProxyEventV2,
    EventBridgeEvent,
    LambdaFunctionUrlEvent,
    SQSEvent,
)
from aws_lambda_powertools.utilities.parser.models import (
    APIGatewayProxyEventModel,
    APIGatewayProxyEventV2Model,
    EventBridgeModel,
    LambdaFunctionUrlModel,
    SqsModel,
)

from balie_local.events import LambdaContext
from balie_local.stack import resolve_handler
from balie_local.template_resources import REPO_ROOT, Deployment, expanded_resources, load_template

EVENTS_DIR = REPO_ROOT / "events"
HANDLERS_DIR = REPO_ROOT / "src" / "handlers"
REAL_EVENTS_DIR = REPO_ROOT / "tests" / "fixtures" / "aws-events"  # tests/fixtures/SOURCES.md

TRIGGER_KINDS = {"HttpApi": "http", "SQS": "sqs", "Schedule": "schedule", "ScheduleV2": "schedule"}


def template_functions() -> dict[str, tuple[str, set[str]]]:
    """handler module -> (function logical id, trigger kinds) from template.yaml."""
    functions = {}
    for logical_id, resource in expanded_resources(load_template()).items():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        properties = resource.get("Properties") or {}
        module = str(properties.get("Handler", "")).rpartition(".")[0]
        kinds = {TRIGGER_KINDS.get(e.get("Type"), e.get("Type")) for e in (properties.get("Events") or {}).values()}
        functions[module] = (logical_id, kinds)
    return functions


def handler_module_for(event_file: Path) -> str | None:
    """events/whatsapp_webhook_text.json -> handlers.whatsapp_webhook (the longest existing prefix)."""
    names = sorted((p.stem for p in HANDLERS_DIR.glob("*.py")), key=len, reverse=True)
    return next((f"handlers.{name}" for name in names if event_file.stem.startswith(name + "_")), None)


def kind_of(event: dict[str, Any]) -> str:
    if event.get("version") == "2.0" and "routeKey" in event:
        return "http"
    if event.get("Records") and event["Records"][0].get("eventSource") == "aws:sqs":
        return "sqs"
    if event.get("detail-type") == "Scheduled Event":
        return "schedule"
    return "unknown"


def parse(kind: str, event: dict[str, Any]) -> Any:
    """Parses with the data class and the parser model of `kind`; returns the data class."""
    if kind == "http":
        APIGatewayProxyEventV2Model.model_validate(event)
        parsed = APIGatewayProxyEventV2(event)
        assert parsed.request_context.http.method and parsed.raw_path.startswith("/")
        return parsed
    if kind == "sqs":
        SqsModel.model_validate(event)
        parsed = SQSEvent(event)
        assert all(record.message_id and record.receipt_handle for record in parsed.records)
        return parsed
    if kind == "schedule":
        # The data class, not EventBridgeModel: scheduled events in AWS's own samples
        # omit "version", which the parser model requires.
        parsed = EventBridgeEvent(event)
        assert parsed.detail_type == "Scheduled Event" and parsed.source == "aws.events"
        assert parsed.time and parsed.resources[0].startswith("arn:")
        return parsed
    raise AssertionError(f"not an HTTP API v2, SQS or scheduled event: keys {sorted(event)}")


EVENT_FILES = sorted(EVENTS_DIR.glob("*.json"))


def test_events_exist() -> None:
    assert EVENT_FILES, "events/ has no sample events"


@pytest.mark.parametrize("event_file", EVENT_FILES, ids=lambda p: p.name)
def test_sample_event_matches_its_handler_and_template(event_file: Path, mock_aws: Deployment) -> None:
    module = handler_module_for(event_file)
    assert module, f"{event_file.name}: no src/handlers/<name>.py for events/<name>_<scenario>.json"
    functions = template_functions()
    assert module in functions, f"{module}.handler is not the Handler of any function in template.yaml"
    function, trigger_kinds = functions[module]
    event = json.loads(event_file.read_text(encoding="utf-8"))
    kind = kind_of(event)
    assert kind in trigger_kinds, f"{event_file.name} is a {kind} event; {function} is triggered by {trigger_kinds}"
    parsed = parse(kind, event)

    if kind == "http":
        routes = {route.route_key for route in mock_aws.routes if route.function == function}
        assert parsed.route_key in routes, f"{parsed.route_key} is not a route of {function}"
    if kind == "sqs":
        queue_names = {mock_aws.queue_arns[s.queue_logical_id].rsplit(":", 1)[1]
                       for s in mock_aws.sqs_sources if s.function == function}
        assert {r.event_source_arn.rsplit(":", 1)[1] for r in parsed.records} <= queue_names

    spec = mock_aws.functions[function]
    result = resolve_handler(spec.handler)(event, LambdaContext(function, timeout_seconds=spec.timeout))
    check_result(kind, event, result)


def check_result(kind: str, event: dict[str, Any], result: Any) -> None:
    if kind == "http":
        assert isinstance(result, dict) and isinstance(result.get("statusCode"), int), result
        assert result["statusCode"] < 500, result
        content_type = {k.lower(): v for k, v in (result.get("headers") or {}).items()}.get("content-type", "")
        if result.get("body") and "json" in content_type:
            body = json.loads(result["body"])
            if result["statusCode"] >= 400:
                assert set(body["error"]) >= {"code", "message"}, body
    elif kind == "sqs":
        ids = {record["messageId"] for record in event["Records"]}
        failures = (result or {}).get("batchItemFailures", [])
        assert all(f["itemIdentifier"] in ids for f in failures), result


# ----------------------------------------------------------------- tests/fixtures/aws-events

SAM_TEMPLATE_DEFAULTS = {
    "account_id": "123456789012",
    "region": "eu-west-1",
    "partition": "aws",
    "dns_suffix": "amazonaws.com",
    "path": "v1/chat",
    "method": "POST",
    "stage": "$default",
    "resource": "/{proxy+}",
    "body": '{"tenant": "voorbeeld", "message": "paspoort"}',
    "queue_name": "balie-local-queue",
    "rule": "balie-local-schedule",
    "md5_of_body": "recomputed below",
}
# Placeholders that stand for a whole JSON value, not part of a string.
SAM_TEMPLATE_VALUES = {"{{{querystringparameters}}}": {"lang": "nl"}}


def render_sam_template(value: Any) -> Any:
    """Fills SAM CLI's {{{placeholders}}} string by string (the JSON stays valid)."""
    if isinstance(value, dict):
        rendered = {k: render_sam_template(v) for k, v in value.items()}
        if "md5OfBody" in rendered and "body" in rendered:
            rendered["md5OfBody"] = hashlib.md5(rendered["body"].encode()).hexdigest()  # noqa: S324 - SQS's checksum
        return rendered
    if isinstance(value, list):
        return [render_sam_template(v) for v in value]
    if isinstance(value, str) and value in SAM_TEMPLATE_VALUES:
        return SAM_TEMPLATE_VALUES[value]
    if isinstance(value, str):
        for name, default in SAM_TEMPLATE_DEFAULTS.items():
            value = value.replace("{{{" + name + "}}}", default)
        assert "{{{" not in value, f"unknown SAM placeholder in {value!r}"
    return value


def parse_function_url(event: dict[str, Any]) -> None:
    LambdaFunctionUrlModel.model_validate(event)
    assert LambdaFunctionUrlEvent(event).request_context.http.method


def parse_rest_api_v1(event: dict[str, Any]) -> None:
    # Payload format 1.0 (REST API): not ours; it must not pass for a 2.0 event.
    APIGatewayProxyEventModel.model_validate(event)
    assert APIGatewayProxyEvent(event).http_method
    assert kind_of(event) != "http"


REAL_PARSERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "powertools_apiGatewayProxyV2Event.json": lambda e: parse("http", e),
    "powertools_apiGatewayProxyV2Event_GET.json": lambda e: parse("http", e),
    "samcli_template_HttpApi.json": lambda e: parse("http", e),
    "powertools_lambdaFunctionUrlEvent.json": parse_function_url,
    "powertools_lambdaFunctionUrlEventWithHeaders.json": parse_function_url,
    "powertools_sqsEvent.json": lambda e: parse("sqs", e),
    "powertools_sqsDlqTriggerEvent.json": lambda e: parse("sqs", e),
    "samcli_template_Sqs.json": lambda e: parse("sqs", e),
    "powertools_docs_eventbridge_scheduled_event.json": lambda e: parse("schedule", e),
    "samcli_template_ScheduledEvent.json": lambda e: parse("schedule", e),
    "powertools_eventBridgeEvent.json": lambda e: EventBridgeModel.model_validate(e),
    "powertools_apiGatewayProxyEvent.json": parse_rest_api_v1,
    "samcli_template_AwsProxy.json": parse_rest_api_v1,
}


def real_event(name: str) -> dict[str, Any]:
    return render_sam_template(json.loads((REAL_EVENTS_DIR / name).read_text(encoding="utf-8")))


def test_every_real_event_fixture_has_a_parser() -> None:
    assert REAL_EVENTS_DIR.is_dir(), f"{REAL_EVENTS_DIR} is missing"
    assert sorted(p.name for p in REAL_EVENTS_DIR.glob("*.json")) == sorted(REAL_PARSERS)


@pytest.mark.parametrize("name", sorted(REAL_PARSERS))
def test_real_event_fixture_parses(name: str) -> None:
    REAL_PARSERS[name](real_event(name))


HTTP_FIXTURES = ["powertools_apiGatewayProxyV2Event.json", "powertools_apiGatewayProxyV2Event_GET.json",
                 "samcli_template_HttpApi.json"]


def http_handlers() -> list[tuple[str, str]]:
    return sorted((module, function) for module, (function, kinds) in template_functions().items()
                  if "http" in kinds and (HANDLERS_DIR / f"{module.split('.')[-1]}.py").exists())


@pytest.mark.parametrize("fixture_name", HTTP_FIXTURES)
@pytest.mark.parametrize("module,function", http_handlers())
def test_http_handlers_never_answer_5xx_to_foreign_requests(module: str, function: str, fixture_name: str,
                                                             mock_aws: Deployment) -> None:
    """Real API Gateway events for routes we do not have still get a 4xx, never a crash."""
    event = real_event(fixture_name)
    result = resolve_handler(f"{module}.handler")(event, LambdaContext(function))
    check_result("http", event, result)

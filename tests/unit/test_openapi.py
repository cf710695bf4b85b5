"""openapi.json is generated from the pydantic models (balie_local.openapi) and committed:
it must be what the generator writes now, and describe every route template.yaml serves."""
from __future__ import annotations

import json

from balie_local import openapi
from balie_local.template_resources import expanded_resources, load_template


def test_the_committed_openapi_json_is_up_to_date() -> None:
    committed = openapi.OPENAPI_PATH.read_text(encoding="utf-8")
    assert committed == openapi.render(), "openapi.json is stale: run .venv/bin/python -m balie_local.openapi"


def test_every_http_route_of_the_template_is_described() -> None:
    paths = json.loads(openapi.render())["paths"]
    routes = {
        (event["Properties"]["Method"].lower(), event["Properties"]["Path"])
        for resource in expanded_resources(load_template()).values()
        if resource.get("Type") == "AWS::Serverless::Function"
        for event in ((resource.get("Properties") or {}).get("Events") or {}).values()
        if event.get("Type") == "HttpApi" and "Path" in event["Properties"]  # not $default (no route: 404/405)
        and event["Properties"]["Method"].upper() != "OPTIONS"
    }
    assert routes, "template.yaml has no HttpApi routes"
    missing = sorted(f"{method.upper()} {path}" for method, path in routes if method not in paths.get(path, {}))
    assert missing == []


def test_the_chat_request_schema_carries_the_validators_limits() -> None:
    request = json.loads(openapi.render())["components"]["schemas"]["ChatRequest"]
    assert request["required"] == ["tenant", "message"]
    assert request["properties"]["message"]["maxLength"] == 1000
    assert "pattern" in request["properties"]["conversationId"]["anyOf"][0]

"""A tiny Lambda handler for testing the local stack before (and besides) the real ones.

It keeps notes in the template's DynamoDB table through boto3, exactly like a real
handler would: TABLE_NAME from the environment, the client made on first use.
"""
from __future__ import annotations

import functools
import json
import os
from typing import Any

import boto3
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2, SQSEvent

received_events: list[dict[str, Any]] = []


@functools.cache
def _table() -> Any:
    return boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def _json(status: int, body: Any, **headers: str) -> dict[str, Any]:
    return {"statusCode": status, "headers": {"content-type": "application/json", **headers}, "body": json.dumps(body)}


def http_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    received_events.append(event)
    request = APIGatewayProxyEventV2(event)
    if request.route_key == "POST /v1/chat":
        note = request.json_body
        if note.get("crash"):
            raise RuntimeError("asked to crash")
        key = {"pk": f"T#test#C#{note['conversationId']}", "sk": "CONV"}
        _table().put_item(Item={**key, "text": note["message"]})
        stored = _table().get_item(Key=key, ConsistentRead=True)["Item"]
        # The CORS header must not survive API Gateway's CorsConfiguration.
        return _json(200, {"stored": stored["text"], "remaining": context.get_remaining_time_in_millis()},
                     **{"access-control-allow-origin": "https://evil.example"})
    if request.route_key == "GET /v1/chat/{conversationId}/messages":
        item = _table().get_item(Key={"pk": f"T#test#C#{request.path_parameters['conversationId']}", "sk": "CONV"}).get("Item")
        return _json(200, {"text": item["text"]}) if item else _json(404, {"error": {"code": "not_found", "message": "?"}})
    if request.route_key.startswith("GET /v1/staff"):
        return {"statusCode": 200, "body": json.dumps(request.request_context.authorizer.jwt_claim),
                "cookies": ["a=1", "b=2"]}
    return _json(404, {"error": {"code": "not_found", "message": request.route_key}})


def sqs_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Fails the records whose body is "fail", keeps the others in the table."""
    received_events.append(event)
    failures = []
    for record in SQSEvent(event).records:
        if record.body == "fail":
            failures.append({"itemIdentifier": record.message_id})
        else:
            _table().put_item(Item={"pk": "T#test#SQS", "sk": record.body})
    return {"batchItemFailures": failures}

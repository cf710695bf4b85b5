"""Builds real Lambda events (API Gateway HTTP API v2, SQS, EventBridge schedule) and contexts.

The HTTP front and the SQS pollers use these to invoke handlers exactly as AWS would;
tests use them instead of hand-written event dicts. Field names and shapes follow the
payload format 2.0 and the SQS/EventBridge event documentation.
"""
from __future__ import annotations

import base64
import hashlib
import json
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl

from balie_local.template_resources import ACCOUNT_ID, DEFAULT_REGION

API_ID = "balielocal"

_TEXT_TYPES = ("text/", "application/json", "application/javascript", "application/xml",
               "application/x-www-form-urlencoded", "+json", "+xml")


def _is_text(content_type: str | None) -> bool:
    if not content_type:
        return True
    content_type = content_type.lower()
    return any(marker in content_type for marker in _TEXT_TYPES)


def http_api_event(
    method: str,
    path: str,
    *,
    route_key: str | None = None,
    path_parameters: Mapping[str, str] | None = None,
    query: str = "",
    headers: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    body: bytes | str | Mapping[str, Any] | Sequence[Any] | None = None,
    jwt_claims: Mapping[str, Any] | None = None,
    jwt_scopes: Sequence[str] | None = None,
    source_ip: str = "127.0.0.1",
    domain_name: str = "127.0.0.1:3000",
    stage: str = "$default",
    now: float | None = None,
) -> dict[str, Any]:
    """One API Gateway HTTP API (payload format 2.0) event.

    `body`: a mapping or list is sent as JSON (content-type set when absent); bytes
    that are not text by content-type are base64-encoded like API Gateway does.
    Repeated headers are joined with commas, cookies move to `cookies`.
    """
    method = method.upper()
    pairs = list(headers.items()) if isinstance(headers, Mapping) else list(headers or [])
    merged: dict[str, str] = {}
    cookies: list[str] = []
    for name, value in pairs:
        key = name.lower()
        if key == "cookie":
            cookies.extend(part.strip() for part in value.split(";") if part.strip())
            continue
        merged[key] = f"{merged[key]},{value}" if key in merged else value
    if isinstance(body, (Mapping, list, tuple)):
        body = json.dumps(body, ensure_ascii=False)
        merged.setdefault("content-type", "application/json")
    raw_body: bytes | None = body.encode("utf-8") if isinstance(body, str) else body
    if raw_body is not None:
        merged.setdefault("content-length", str(len(raw_body)))
    merged.setdefault("host", domain_name)
    merged.setdefault("user-agent", "balie-local")
    merged.setdefault("x-forwarded-for", source_ip)
    merged.setdefault("x-forwarded-proto", "http")

    query_parameters: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        # HTTP API joins repeated query parameters with commas.
        query_parameters[key] = f"{query_parameters[key]},{value}" if key in query_parameters else value

    moment = time.time() if now is None else now
    route_key = route_key or f"{method} {path}"
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": route_key,
        "rawPath": path,
        "rawQueryString": query,
        "headers": merged,
        "requestContext": {
            "accountId": ACCOUNT_ID,
            "apiId": API_ID,
            "domainName": domain_name,
            "domainPrefix": domain_name.split(".")[0].split(":")[0],
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": merged["user-agent"],
            },
            "requestId": base64.b32encode(uuid.uuid4().bytes).decode()[:16],
            "routeKey": route_key,
            "stage": stage,
            "time": datetime.fromtimestamp(moment, timezone.utc).strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "timeEpoch": int(moment * 1000),
        },
        "isBase64Encoded": False,
    }
    if cookies:
        event["cookies"] = cookies
    if query_parameters:
        event["queryStringParameters"] = query_parameters
    if path_parameters:
        event["pathParameters"] = dict(path_parameters)
    if jwt_claims is not None:
        event["requestContext"]["authorizer"] = {
            "jwt": {"claims": dict(jwt_claims), "scopes": list(jwt_scopes) if jwt_scopes else None}
        }
    if raw_body is not None:
        if _is_text(merged.get("content-type")):
            try:
                event["body"] = raw_body.decode("utf-8")
            except UnicodeDecodeError:
                event["body"] = base64.b64encode(raw_body).decode("ascii")
                event["isBase64Encoded"] = True
        else:
            event["body"] = base64.b64encode(raw_body).decode("ascii")
            event["isBase64Encoded"] = True
    return event


def queue_arn(queue_name: str, region: str = DEFAULT_REGION) -> str:
    return f"arn:aws:sqs:{region}:{ACCOUNT_ID}:{queue_name}"


def sqs_record_from_message(message: Mapping[str, Any], *, event_source_arn: str, region: str = DEFAULT_REGION) -> dict[str, Any]:
    """An SQS event record from a ReceiveMessage result (AttributeNames/MessageAttributeNames=All)."""
    attributes = dict(message.get("Attributes") or {})
    message_attributes = {
        name: {
            "stringValue": value.get("StringValue"),
            "binaryValue": base64.b64encode(value["BinaryValue"]).decode("ascii") if value.get("BinaryValue") else None,
            "stringListValues": value.get("StringListValues", []),
            "binaryListValues": value.get("BinaryListValues", []),
            "dataType": value["DataType"],
        }
        for name, value in (message.get("MessageAttributes") or {}).items()
    }
    return {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": message["Body"],
        "attributes": attributes,
        "messageAttributes": message_attributes,
        "md5OfBody": message.get("MD5OfBody") or hashlib.md5(message["Body"].encode()).hexdigest(),  # noqa: S324 - SQS's own checksum
        "eventSource": "aws:sqs",
        "eventSourceARN": event_source_arn,
        "awsRegion": region,
    }


@dataclass
class SqsMessage:
    """A message for `sqs_event` when no queue is involved (unit and contract tests)."""

    body: str | Mapping[str, Any]
    message_group_id: str | None = None
    deduplication_id: str | None = None
    receive_count: int = 1
    attributes: Mapping[str, str] = field(default_factory=dict)


def sqs_event(
    messages: Sequence[SqsMessage | str | Mapping[str, Any]],
    *,
    queue_name: str = "balie-local-queue",
    region: str = DEFAULT_REGION,
    now: float | None = None,
) -> dict[str, Any]:
    """An SQS event as the Lambda event source mapping delivers it (FIFO when queue_name ends .fifo)."""
    moment_ms = int((time.time() if now is None else now) * 1000)
    arn = queue_arn(queue_name, region)
    records = []
    for index, item in enumerate(messages):
        message = item if isinstance(item, SqsMessage) else SqsMessage(body=item)
        body = message.body if isinstance(message.body, str) else json.dumps(message.body, ensure_ascii=False)
        attributes = {
            "ApproximateReceiveCount": str(message.receive_count),
            "SentTimestamp": str(moment_ms),
            "SenderId": "AIDALOCALSENDER",
            "ApproximateFirstReceiveTimestamp": str(moment_ms + 1),
        }
        if queue_name.endswith(".fifo"):
            attributes["MessageGroupId"] = message.message_group_id or "default"
            attributes["MessageDeduplicationId"] = message.deduplication_id or hashlib.sha256(body.encode()).hexdigest()
            attributes["SequenceNumber"] = str(18800000000000000000 + index)
        attributes.update(message.attributes)
        records.append(
            sqs_record_from_message(
                {
                    "MessageId": str(uuid.uuid4()),
                    "ReceiptHandle": base64.b64encode(uuid.uuid4().bytes * 3).decode("ascii"),
                    "Body": body,
                    "Attributes": attributes,
                },
                event_source_arn=arn,
                region=region,
            )
        )
    return {"Records": records}


def scheduled_event(*, rule_name: str = "balie-local-schedule", region: str = DEFAULT_REGION,
                    now: float | None = None) -> dict[str, Any]:
    """An EventBridge "Scheduled Event" as a Schedule event source delivers it."""
    moment = datetime.fromtimestamp(time.time() if now is None else now, timezone.utc)
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": ACCOUNT_ID,
        "time": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "region": region,
        "resources": [f"arn:aws:events:{region}:{ACCOUNT_ID}:rule/{rule_name}"],
        "detail": {},
    }


class LambdaContext:
    """The attributes and method of the Lambda Python context object."""

    def __init__(self, function_name: str, *, timeout_seconds: int = 10, memory_mb: int = 512,
                 region: str = DEFAULT_REGION):
        self.function_name = function_name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:{region}:{ACCOUNT_ID}:function:{function_name}"
        self.memory_limit_in_mb = memory_mb
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{function_name}"
        self.log_stream_name = time.strftime("%Y/%m/%d/[$LATEST]") + uuid.uuid4().hex
        self.identity = None
        self.client_context = None
        self._deadline = time.monotonic() + timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))

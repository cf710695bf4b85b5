"""Website chat API: POST /v1/chat, GET /v1/chat/{id}/messages, DELETE /v1/chat/{id}.

Thin: check the transport (content type, size, JSON), parse into the web
channel's pydantic model, call one engine use case, render. Errors map to HTTP
in handlers/http_errors.py. Origins: a request whose Origin is not one of the
tenant's `widget_origins` is refused (403 origin_not_allowed, channels.web.check_origin)
before anything is read or written; the tenant comes from the body (POST) or the
conversation id (GET/DELETE). API Gateway's CorsConfiguration answers preflights and
sets the CORS headers for every tenant's origins (template `WidgetOrigins`); without it,
this handler answers preflights and echoes an allowed Origin itself.
Nothing a resident typed is logged.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2
from aws_lambda_powertools.utilities.typing import LambdaContext

from channels.web import ChatRequest, check_origin, parse_cursor, render_messages, render_reply
from core.engine import Turn
from core.errors import InvalidInput, NotFound, PayloadTooLarge, UnsupportedMediaType
from core.ids import tenant_of
from handlers import http_errors
from handlers import metrics as turn_metrics
from handlers.wiring import services

MAX_BODY_BYTES = 16 * 1024
# A turn's metrics (tenant + channel dimensions, latency) are written and flushed by
# handlers.metrics (one EMF line per turn): this handler keeps no Metrics object of its own.
_CONVERSATION_PATH = re.compile(r"^/v1/chat/([^/]+)(?:/messages)?/?$")

logger = Logger(service="balie")
app = APIGatewayHttpResolver()
http_errors.register(app)


# ---- routes -----------------------------------------------------------------


@app.post("/v1/chat")
def post_chat() -> Response:
    request = ChatRequest.model_validate(_json_body(app.current_event))
    _check_origin(request.tenant)
    turn = turn_metrics.run_turn(services().engine, request.to_message())
    _record(turn, request.tenant)
    return _ok(render_reply(turn.reply))


@app.get("/v1/chat/<conversation_id>/messages")
def get_messages(conversation_id: str) -> Response:
    try:
        after = parse_cursor(app.current_event.get_query_string_value("after"))
    except ValueError as error:
        raise InvalidInput(str(error)) from None
    page = services().engine.messages(_tenant_for(conversation_id), conversation_id, after)
    return _ok(render_messages(page))


@app.delete("/v1/chat/<conversation_id>")
def delete_conversation(conversation_id: str) -> Response:
    tenant = _tenant_for(conversation_id)
    services().engine.erase(tenant, conversation_id)
    logger.info("conversation erased", extra={"tenant": tenant, "conversation_id": conversation_id})
    return _ok({"conversationId": conversation_id, "deleted": True})


@app.route("/v1/chat", method="OPTIONS")
@app.route("/v1/chat/<conversation_id>", method="OPTIONS")
@app.route("/v1/chat/<conversation_id>/messages", method="OPTIONS")
def preflight(conversation_id: str | None = None) -> Response:
    # Reached only when API Gateway does not answer preflights itself; the
    # allowed origin is added by `handler` like for every other response.
    return Response(
        status_code=204,
        headers={
            "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
            "Access-Control-Allow-Headers": "content-type",
            "Access-Control-Max-Age": "600",
        },
    )


# ---- entry point --------------------------------------------------------------


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    response = app.resolve(event, context)
    return _with_cors(APIGatewayProxyEventV2(event), response)


# ---- helpers ------------------------------------------------------------------


def _ok(body: dict[str, Any]) -> Response:
    return Response(
        status_code=200,
        content_type=content_types.APPLICATION_JSON,
        body=json.dumps(body, ensure_ascii=False),
        headers={"Cache-Control": "no-store"},
    )


def _raw_body(event: APIGatewayProxyEventV2) -> bytes:
    body = event.body or ""
    if event.is_base64_encoded:
        try:
            return base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidInput("The body is not valid base64.") from None
    return body.encode("utf-8")


def _json_body(event: APIGatewayProxyEventV2) -> dict[str, Any]:
    content_type = (event.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise UnsupportedMediaType("Send the body as application/json.")
    raw = _raw_body(event)
    if len(raw) > MAX_BODY_BYTES:
        raise PayloadTooLarge(f"The body is larger than {MAX_BODY_BYTES} bytes.")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput("The body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise InvalidInput("The body must be a JSON object.")
    return body


def _tenant_for(conversation_id: str) -> str:
    """The tenant a conversation id belongs to: `?tenant=` when given, else the
    id's own prefix. A mismatch simply finds nothing (404). The Origin is checked
    against the id's own tenant: the one whose conversation it would be."""
    own = tenant_of(conversation_id)
    tenant = app.current_event.get_query_string_value("tenant") or own
    if not tenant:
        raise NotFound("This conversation does not exist.")
    _check_origin(own or tenant)
    return tenant


def _widget_origins(tenant: str) -> list[str]:
    """The tenant's widget_origins; NotFound (404) for an unknown tenant."""
    return services().knowledge.get(tenant).tenant.widget_origins


def _check_origin(tenant: str) -> None:
    event = app.current_event
    origin = event.headers.get("origin")
    if origin:  # no knowledge lookup for curl and server-to-server calls
        check_origin(origin, _widget_origins(tenant), event.headers.get("host") or event.request_context.domain_name)


def _record(turn: Turn, tenant: str) -> None:
    reply = turn.reply
    logger.info(
        "chat turn",
        extra={
            "tenant": tenant,
            "conversation_id": reply.conversation_id,
            "intent": reply.intent,
            "confidence": reply.confidence,
            "replayed": turn.replayed,
            "handover": reply.handover.status if reply.handover else None,
        },
    )


def _request_tenant(event: APIGatewayProxyEventV2) -> str | None:
    """Best effort, for CORS only: the tenant this request is about."""
    tenant = event.get_query_string_value("tenant")
    if tenant:
        return tenant
    match = _CONVERSATION_PATH.match(event.path or "")
    if match:
        return tenant_of(match.group(1))
    if event.request_context.http.method == "POST":
        try:
            raw = _raw_body(event)
            body = json.loads(raw) if len(raw) <= MAX_BODY_BYTES else None
        except (InvalidInput, ValueError):
            return None
        if isinstance(body, dict) and isinstance(body.get("tenant"), str):
            return body["tenant"]
    return None


def _allowed_origins(event: APIGatewayProxyEventV2) -> set[str]:
    tenant = _request_tenant(event)
    try:
        if tenant:
            return set(_widget_origins(tenant))
        if event.request_context.http.method == "OPTIONS":
            # A preflight of POST /v1/chat carries no body: any tenant's widget may ask.
            return {origin for slug in services().knowledge.slugs() for origin in _widget_origins(slug)}
    except NotFound:
        pass
    return set()


def _with_cors(event: APIGatewayProxyEventV2, response: dict[str, Any]) -> dict[str, Any]:
    headers = response.setdefault("headers", {})
    headers["Vary"] = "Origin"
    origin = event.headers.get("origin")
    if origin and origin in _allowed_origins(event):
        headers["Access-Control-Allow-Origin"] = origin
    return response

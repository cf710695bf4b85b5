"""Website chat API: POST /v1/chat, GET /v1/chat/{id}/messages, DELETE /v1/chat/{id}, and the
widget's settings GET /v1/widget/{tenant}.

Thin: routed by handlers/http_router.py, parse the body with the one body parser
(handlers/http_body.py) into the web channel's pydantic model, call one engine use case,
render. Errors map to HTTP in handlers/http_errors.py. Origins: a request whose Origin is not one of the
tenant's `widget_origins` is refused (403 origin_not_allowed, channels.web.check_origin)
before anything is read or written; the tenant comes from the body (POST) or the
conversation id (GET/DELETE). Tenants are data, so API Gateway cannot know their origins:
this handler answers the preflights (the template's OPTIONS routes) and echoes an allowed
Origin itself, from the directory of live tenants (no tenant is loaded for it). That
Origin is the one the route's own origin check accepted, decided inside the route (so
inside the error handling): the entry point only copies it onto the response and cannot fail.
Nothing a resident typed is logged; conversation ids only as a keyed hash (handlers/log_ids.py).
"""
from __future__ import annotations

import functools
import json
import os
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools import Logger

from channels.web import (
    ChatRequest,
    check_origin,
    parse_cursor,
    render_erasure,
    render_messages,
    render_reply,
    render_widget_settings,
    usable_origins,
)
from core.dialogue.engine import Turn
from core.erasure import erase_conversation
from core.errors import InvalidInput, NotFound
from core.ids import tenant_of
from core.limits import admit_request
from handlers import http_errors
from handlers import metrics as turn_metrics
from handlers.cold_start import after_first_call, import_in_background
from handlers.http_body import parse_body
from handlers.http_router import Request, Response, Router
from handlers.log_ids import conversation_ref
from handlers.wiring import services

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

# A turn's metrics (tenant + channel dimensions, latency) are written and flushed by
# handlers.metrics (one EMF line per turn): this handler keeps no Metrics object of its own.

# The Origin this invocation's origin check accepted as one of the tenant's widget pages
# (None: no CORS header). Set inside the routes, read by `handler`.
_allowed_origin: ContextVar[str | None] = ContextVar("allowed_origin", default=None)
# The look changes rarely; a page view within five minutes asks nobody.
WIDGET_SETTINGS_MAX_AGE_S = 300

logger = Logger(service="balie")
app = Router(http_errors.respond)


# ---- routes -----------------------------------------------------------------


@app.post("/v1/chat")
def post_chat(request: Request) -> Response:
    chat = parse_body(request, ChatRequest)
    _check_origin(request, chat.tenant)
    # API Gateway's own view of the caller (the TCP peer), not a header the client sets.
    turn = turn_metrics.run_turn(services().engine, chat.to_message(client_address=request.source_ip))
    _record(turn, chat.tenant)
    return _ok(render_reply(turn.reply))


@app.get("/v1/chat/<conversation_id>/messages")
def get_messages(request: Request, conversation_id: str) -> Response:
    try:
        after = parse_cursor(request.query.get("after"))
    except ValueError as error:
        raise InvalidInput(str(error)) from None
    tenant = _tenant_for(request, conversation_id)
    _count_request(request, tenant_of(conversation_id) or tenant)
    page = services().engine.messages(tenant, conversation_id, after)
    return _ok(render_messages(page))


@app.delete("/v1/chat/<conversation_id>")
def delete_conversation(request: Request, conversation_id: str) -> Response:
    tenant = _tenant_for(request, conversation_id)
    _count_request(request, tenant_of(conversation_id) or tenant)
    shared = services()
    erasure = erase_conversation(shared.store, shared.ticket_store, shared.knowledge, tenant, conversation_id)
    logger.info("conversation erased", extra={"tenant": tenant, "conversation": conversation_ref(conversation_id),
                                              "not_erased": [item.system for item in erasure.not_erased]})
    return _ok(render_erasure(erasure))


@app.get("/v1/widget/<tenant>")
def get_widget_settings(request: Request, tenant: str) -> Response:
    _check_origin(request, tenant)
    settings = render_widget_settings(services().knowledge.get(tenant).tenant)
    response = _ok(settings)
    response.headers["Cache-Control"] = f"public, max-age={WIDGET_SETTINGS_MAX_AGE_S}"
    return response


@app.options("/v1/chat")
@app.options("/v1/chat/<conversation_id>")
@app.options("/v1/chat/<conversation_id>/messages")
def preflight(request: Request, conversation_id: str | None = None) -> Response:
    # A preflight of POST /v1/chat carries no body: then any tenant's widget page may ask.
    origin = request.headers.get("origin")
    tenant = request.query.get("tenant") or (tenant_of(conversation_id) if conversation_id else None)
    knowledge = services().knowledge
    try:
        if origin and (origin in _widget_origins(tenant) if tenant else
                       knowledge.any_widget_origin(origin) and usable_origins([origin], _development_origins())):
            _allowed_origin.set(origin)
    except NotFound:
        pass
    return Response(204, headers={
        "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": "content-type",
        "Access-Control-Max-Age": "600",
    })


# ---- entry point --------------------------------------------------------------


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    # A cold start's first message needs the matcher (numpy): imported while the turn waits for
    # DynamoDB (the tenant directory, the tenant, the id secret).
    import_in_background("core.matcher")
    accepted = _allowed_origin.set(None)
    try:
        response = app.respond(Request.from_event(event))
        origin = _allowed_origin.get()
    finally:
        _allowed_origin.reset(accepted)
    response.headers["Vary"] = "Origin"
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
    return response.to_api_gateway()


# ---- helpers ------------------------------------------------------------------


def _count_request(request: Request, tenant: str) -> None:
    """The poll and the erasure count against the client's window of the tenant whose origin was
    checked (core.limits; 429 past it): `?tenant=` cannot open fresh windows."""
    shared = services()
    admit_request(shared.store, shared.limits, shared.engine.id_key(), tenant, request.source_ip, shared.clock())


def _ok(body: dict[str, Any]) -> Response:
    return Response(200, json.dumps(body, ensure_ascii=False), "application/json", {"Cache-Control": "no-store"})


def _tenant_for(request: Request, conversation_id: str) -> str:
    """The tenant a conversation id belongs to: `?tenant=` when given, else the
    id's own prefix. A mismatch simply finds nothing (404). The Origin is checked
    against the id's own tenant: the one whose conversation it would be."""
    own = tenant_of(conversation_id)
    tenant = request.query.get("tenant") or own
    if not tenant:
        raise NotFound("This conversation does not exist.")
    _check_origin(request, own or tenant)
    return tenant


@functools.cache
def _development_origins() -> frozenset[str]:
    """DevelopmentWidgetOrigins of the template (empty in production)."""
    return frozenset(item.strip() for item in os.environ.get("DEVELOPMENT_WIDGET_ORIGINS", "").split(",") if item.strip())


def _widget_origins(tenant: str) -> list[str]:
    """The tenant's widget origins this deployment accepts; NotFound (404) for an unknown tenant."""
    return usable_origins(services().knowledge.widget_origins(tenant), _development_origins())


def _check_origin(request: Request, tenant: str) -> None:
    origin = request.headers.get("origin")
    if origin:  # no tenant lookup for curl and server-to-server calls
        widget_origins = _widget_origins(tenant)
        check_origin(origin, widget_origins, request.headers.get("host") or request.domain_name)
        if origin in widget_origins:
            _allowed_origin.set(origin)


def _record(turn: Turn, tenant: str) -> None:
    reply = turn.reply
    logger.info(
        "chat turn",
        extra={
            "tenant": tenant,
            "conversation": conversation_ref(reply.conversation_id),
            "intent": reply.intent,
            "confidence": reply.confidence,
            "replayed": turn.replayed,
            "handover": reply.handover.status if reply.handover else None,
        },
    )

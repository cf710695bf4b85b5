"""openapi.json: the HTTP API described from the code's own pydantic models.

The request models are the ones the handlers validate with (channels.web.ChatRequest,
the staff API's bodies); the response models here describe what channels.web's
renderers and the staff API return. They cannot drift silently: the schemathesis
test (tests/integration/test_hostile_schema.py) checks live responses against this
document, and tests/unit/test_openapi.py checks the committed openapi.json is what
this module generates.

    .venv/bin/python -m balie_local.openapi            # rewrite openapi.json
    .venv/bin/python -m balie_local.openapi --check    # exit 1 when it is stale
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

from balie_local.template_resources import REPO_ROOT
from channels.web import ChatRequest
from core.text_input import MAX_TEXT_CHARS
from core import ids
from core.reports import TABLE_NAMES
from core.models import BotConversation, Button, CannedReply, Link, NotHelpfulItem, Role, StaffNote, TicketRecord
from core.erasure import Erasure
from core.staff import HandoverItem, StaffConversation, StaffProfile, Suggestion
from core.kb.models import Tenant
from core.tenants import TenantPut, TenantStatus, TenantSummary, TenantVersion
from handlers.http_body import MAX_BODY_BYTES
from handlers.staff_api import CannedBody, DoneBody, NoteBody, ReplyBody, ReviewBody, TransferBody
from handlers.kb_editor_api import AdoptBody, IntentBody, PreviewBody, RollbackBody
from core.editor.service import IntentDetail, IntentList, OtherAnswer, PreviewReply, Published, UnansweredGroup, VersionHistory

OPENAPI_PATH = REPO_ROOT / "openapi.json"
REF = "#/components/schemas/{model}"
# core.ids' shape of any conversation id (web: 32 hex digits; channels: up to 64).
CONVERSATION_ID_PATTERN = ids._CHANNEL_ID.pattern  # noqa: SLF001 - the one definition of the shape


class _Response(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BotListItem(BotConversation):
    """GET /v1/staff/conversations?status=bot: a conversation the bot is handling."""

    topic_title: str | None = None


class ReplyMessageOut(_Response):
    text: str
    links: list[Link]
    buttons: list[Button]


class HandoverOut(_Response):
    status: Literal["live", "queued"]
    team: str
    expectedContactAt: str | None = Field(description="ISO-8601; when the resident will be contacted (queued)")
    claimed: bool = Field(description="a person has taken the conversation (false while waiting, and for queued)")
    notice: str | None = Field(
        description="the resident-facing line about who is there and when, in the conversation's language")


class ChatResponse(_Response):
    """POST /v1/chat answer (channels.web.render_reply)."""

    conversationId: str = Field(pattern=CONVERSATION_ID_PATTERN)
    intent: str | None
    confidence: float = Field(ge=0, le=1)
    messages: list[ReplyMessageOut]
    handover: HandoverOut | None
    language: Literal["nl", "en"]


class TranscriptMessage(ReplyMessageOut):
    seq: int = Field(ge=0)
    role: Role
    at: str = Field(description="ISO-8601 time of the message")


class MessagesPage(_Response):
    """GET /v1/chat/{conversationId}/messages (channels.web.render_messages)."""

    conversationId: str
    messages: list[TranscriptMessage]
    cursor: str = Field(pattern=r"^[0-9]+$", description="pass back as `after`")
    handover: HandoverOut | None


class WidgetLook(_Response):
    """core.kb.models.Look in camelCase; null = not set by the tenant (the page's theme or the default)."""

    primaryBackgroundColor: str | None
    primaryColor: str | None
    linkColor: str | None
    focusOutlineColor: str | None
    fontFamily: str | None
    borderRadius: str | None


class WidgetSettings(_Response):
    """GET /v1/widget/{tenant} (channels.web.render_widget_settings)."""

    tenant: str
    look: WidgetLook


class ErrorDetail(_Response):
    code: str
    message: str


class Error(_Response):
    """Every 4xx/5xx body."""

    error: ErrorDetail


class WebhookAck(_Response):
    queued: int
    duplicates: int
    statuses: int
    ignored: int


def _meta_webhook(name: str, objects: str) -> dict[str, Any]:
    """GET (Meta's verification handshake) and POST (signed deliveries) of one of Meta's webhooks."""
    return {
        "get": {
            "operationId": f"verify{name}Webhook", "summary": "Meta's verification handshake.",
            "parameters": [{"name": query, "in": "query", "required": False, "schema": {"type": "string"}}
                           for query in ("hub.mode", "hub.verify_token", "hub.challenge")],
            "responses": {"200": {"description": "The bare challenge", "content": {"text/plain": {"schema": {"type": "string"}}}},
                          **_errors(400, 403, 500)},
        },
        "post": {
            "operationId": f"receive{name}Webhook",
            "summary": f"Meta's webhook (object {objects}); X-Hub-Signature-256 (HMAC-SHA256 of the raw body "
                       "with the app secret) is checked first.",
            "parameters": [{"name": "X-Hub-Signature-256", "in": "header", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}},
            "responses": {"200": _json("WebhookAck"), **_errors(400, 401, 500, 503)},
        },
    }


def _chat_request_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """ChatRequest's validators as schema keywords (pydantic cannot see inside them)."""
    properties = schema["properties"]
    properties["message"].update(minLength=1, maxLength=MAX_TEXT_CHARS,
                                 description="Resident text: not blank, no control characters except tab/newline.")
    properties["conversationId"]["anyOf"][0]["pattern"] = CONVERSATION_ID_PATTERN
    properties["payload"]["anyOf"][0]["pattern"] = r"^(intent|followup|feedback|handover):[a-z0-9-]{1,60}$"
    schema["examples"] = [
        {"tenant": "voorbeeld", "message": "Hoe verleng ik mijn paspoort?", "locale": "nl",
         "clientMessageId": "3b1f6c2e-8d4a-4f0e-9a57-0c1d2e3f4a5b"},
        {"tenant": "voorbeeld", "message": "Wat kost dat?", "payload": "followup:kosten"},
    ]
    return schema


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _camelized(schema: Any) -> Any:
    """The staff API renders snake_case fields as camelCase (handlers.staff_http.camel_keys)."""
    if isinstance(schema, dict):
        result = {key: _camelized(value) for key, value in schema.items()}
        if isinstance(schema.get("properties"), dict):
            result["properties"] = {_camel(name): _camelized(value) for name, value in schema["properties"].items()}
            if "required" in schema:
                result["required"] = [_camel(name) for name in schema["required"]]
        return result
    if isinstance(schema, list):
        return [_camelized(item) for item in schema]
    return schema


def _json(ref: str, description: str = "") -> dict[str, Any]:
    return {"description": description or "OK", "content": {"application/json": {"schema": {"$ref": REF.format(model=ref)}}}}


def _errors(*statuses: int) -> dict[str, Any]:
    texts = {400: "Invalid input", 401: "No or a wrong token / signature", 403: "Forbidden", 404: "Not found",
             409: "Conflict (busy conversation, lost claim)", 413: "Body too large", 415: "Not application/json",
             422: "Names something the resource does not have (a detail the topic lacks)",
             429: "More than 30 turns a minute in one conversation", 500: "Unexpected failure",
             503: "A dependency (DynamoDB, SQS, Graph API) is unavailable; nothing was half-written"}
    return {str(status): _json("Error", texts[status]) for status in statuses}


def _conversation_parameter() -> dict[str, Any]:
    return {"name": "conversationId", "in": "path", "required": True, "schema": {"type": "string"},
            "description": "An id returned by POST /v1/chat (`<tenant>.<32 hex>`, 128 random bits)."}


def _tenant_query() -> dict[str, Any]:
    return {"name": "tenant", "in": "query", "required": False, "schema": {"type": "string"},
            "description": "The tenant; by default the id's own prefix."}


def build() -> dict[str, Any]:
    web_models = [ChatRequest, ChatResponse, MessagesPage, WidgetSettings, Error, WebhookAck]
    bodies = (ReplyBody, DoneBody, NoteBody, TransferBody, CannedBody, ReviewBody, Tenant, IntentBody, PreviewBody,
              RollbackBody, AdoptBody)
    editor_models = [IntentList, IntentDetail, PreviewReply, Published, VersionHistory, UnansweredGroup, OtherAnswer]
    staff_models = [HandoverItem, StaffConversation, Suggestion, TicketRecord, Erasure, StaffProfile, BotListItem,
                    StaffNote, CannedReply, NotHelpfulItem, TenantVersion, TenantPut, TenantStatus, TenantSummary,
                    *editor_models, *bodies]
    _, definitions = models_json_schema(
        [(model, "validation" if model in (ChatRequest, *bodies) else "serialization")
         for model in web_models + staff_models],
        ref_template=REF, by_alias=True,
    )
    schemas = definitions["$defs"]
    schemas["ChatRequest"] = _chat_request_schema(schemas["ChatRequest"])
    staff_names = {model.__name__ for model in staff_models} | {"Handover", "TranscriptEntry", "Link", "Button",
                                                              "Channel", "HandoverStatus", "Role", "TicketStatus", "TicketAdditionRecord",
                                                              "NotErased", "TeamName", "Suggestion", "VersionStatus",
                                                              # the editor's (core.editor) nested models
                                                              "IntentSummary", "VersionView", "Change", "Reply",
                                                              "ReplyMessage", "HandoverView", "LiveView", "SharedView",
                                                              "AnswerView", "LinkView", "IntentDraft", "Finding"}
    for name in list(schemas):
        if name in staff_names and name not in {model.__name__ for model in bodies} | {"Link", "Button"}:
            schemas[name] = _camelized(schemas[name])
    for name, key, model in (("BotConversationList", "conversations", "BotListItem"),
                             ("UnansweredGroupList", "groups", "UnansweredGroup"),
                             ("OtherAnswerList", "answers", "OtherAnswer"),
                             ("CannedReplyList", "replies", "CannedReply"),
                             ("NotHelpfulList", "answers", "NotHelpfulItem")):
        schemas[name] = {"type": "object", "required": [key], "additionalProperties": False,
                         "properties": {key: {"type": "array", "items": {"$ref": REF.format(model=model)}}}}
    for name, key, model in (("CannedReplyAnswer", "reply", "CannedReply"), ("NoteAnswer", "note", "StaffNote"),
                             ("NotHelpfulAnswer", "answer", "NotHelpfulItem")):
        schemas[name] = {"type": "object", "required": [key], "additionalProperties": False,
                         "properties": {key: {"$ref": REF.format(model=model)}}}
    schemas["HandoverList"] = {"type": "object", "required": ["handovers"], "additionalProperties": False,
                               "properties": {"handovers": {"type": "array", "items": {"$ref": REF.format(model="HandoverItem")}}}}
    schemas["TicketList"] = {"type": "object", "required": ["tickets"], "additionalProperties": False,
                             "properties": {"tickets": {"type": "array", "items": {"$ref": REF.format(model="TicketRecord")}},
                                            "next": {"type": "string",
                                                     "description": "The `cursor` of the next page; absent on the last"},
                                            "count": {"type": "object", "required": ["total", "urgent"],
                                                      "additionalProperties": False,
                                                      "description": "With `count=true`: how many tickets the status "
                                                                     "holds for these teams, and how many are urgent "
                                                                     "(whatever `urgent` keeps)",
                                                      "properties": {"total": {"type": "integer", "minimum": 0},
                                                                     "urgent": {"type": "integer", "minimum": 0}}}}}
    schemas["TicketAnswer"] = {"type": "object", "required": ["ticket"], "additionalProperties": False,
                               "properties": {"ticket": {"$ref": REF.format(model="TicketRecord")}}}
    schemas["NextTicket"] = {"type": "object", "required": ["ticket", "held"], "additionalProperties": False,
                             "properties": {"ticket": {"anyOf": [{"$ref": REF.format(model="TicketRecord")}, {"type": "null"}]},
                                            "held": {"type": "boolean", "description": "the caller held it already"}}}
    schemas["TenantList"] = {"type": "object", "required": ["tenants"], "additionalProperties": False,
                             "properties": {"tenants": {"type": "array", "items": {"$ref": REF.format(model="TenantSummary")}}}}
    schemas["SuggestionList"] = {"type": "object", "required": ["suggestions"], "additionalProperties": False,
                                 "properties": {"suggestions": {"type": "array", "items": {"$ref": REF.format(model="Suggestion")}}}}
    staff = [{"staffJwt": []}]
    staff_conversation = [_conversation_parameter()]
    paths: dict[str, Any] = {
        "/v1/chat": {"post": {
            "operationId": "postChat", "summary": "One resident turn from the website widget.",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": REF.format(model="ChatRequest")}}},
                "description": f"At most {MAX_BODY_BYTES} bytes. Repeating a clientMessageId returns the stored reply."},
            "responses": {"200": _json("ChatResponse", "The bot's reply"),
                          **_errors(400, 403, 404, 409, 413, 415, 429, 500, 503)},
        }},
        "/v1/chat/{conversationId}/messages": {"get": {
            "operationId": "getMessages", "summary": "The transcript after a cursor (the widget polls it).",
            "parameters": [_conversation_parameter(), _tenant_query(),
                           {"name": "after", "in": "query", "required": False,
                            "schema": {"type": "string", "pattern": r"^[0-9]{0,9}$"},
                            "description": "A cursor returned by this API; absent: the whole kept transcript."}],
            "responses": {"200": _json("MessagesPage"), **_errors(400, 403, 404, 500, 503)},
        }},
        "/v1/chat/{conversationId}": {"delete": {
            "operationId": "deleteConversation",
            "summary": "The resident erases their conversation everywhere it is stored.",
            "parameters": [_conversation_parameter(), _tenant_query()],
            "responses": {"200": _json("Erasure"), **_errors(403, 404, 500, 503)},
        }},
        "/v1/widget/{tenant}": {"get": {
            "operationId": "widgetSettings",
            "summary": "The widget's settings before the first turn: the tenant's look, contrast-checked.",
            "parameters": [{"name": "tenant", "in": "path", "required": True,
                            "schema": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}}],
            "responses": {"200": _json("WidgetSettings"), **_errors(403, 404, 500)},
        }},
        "/v1/whatsapp/webhook": _meta_webhook("WhatsApp", "whatsapp_business_account"),
        "/v1/messenger/webhook": _meta_webhook("Messenger", "page or instagram (Messenger and Instagram Direct)"),
        "/v1/staff/handovers": {"get": {
            "operationId": "listHandovers", "security": staff,
            "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["waiting", "live"]}},
                           {"name": "team", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": _json("HandoverList"), **_errors(400, 401, 403)},
        }},
        "/v1/staff/conversations/{conversationId}": {
            "get": {
                "operationId": "staffConversation", "security": staff, "parameters": staff_conversation,
                "responses": {"200": _json("StaffConversation"), **_errors(401, 403, 404)},
            },
            "delete": {
                "operationId": "staffEraseConversation", "security": staff, "parameters": staff_conversation,
                "summary": "Erase a conversation everywhere Balie stores it (the resident asked the municipality); "
                           "`notErased` lists the copies elsewhere (Open Klant) and the calls that would remove them.",
                "responses": {"200": _json("Erasure"), **_errors(401, 403, 404, 503)},
            },
        },
        **{f"/v1/staff/conversations/{{conversationId}}/{action}": {"post": {
            "operationId": f"{action}Handover", "security": staff, "parameters": staff_conversation,
            **({"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": REF.format(model="ReplyBody")}}}}}
               if action == "reply" else {}),
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}},
                          **_errors(400, 401, 403, 404, 409)},
        }} for action in ("claim", "reply", "close")},
        "/v1/staff/tickets": {"get": {
            "operationId": "listTickets", "security": staff,
            "summary": "Out-of-hours callback requests of the caller's teams (all teams: `*`), oldest first; done "
                       "ones in pages (`limit`, default 50), open and claimed ones all unless `limit` or `cursor` is given.",
            "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "claimed", "done"]}},
                           {"name": "team", "in": "query", "schema": {"type": "string"}},
                           {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                           {"name": "cursor", "in": "query", "description": "`next` of the page before (opaque)",
                            "schema": {"type": "string"}},
                           {"name": "order", "in": "query", "description": "`urgent`: urgent tickets first, then the "
                            "others, each oldest first (open or claimed only; pages by `limit` and `cursor` as the "
                            "other orders, a cursor of one order is refused by another)",
                            "schema": {"type": "string", "enum": ["oldest", "newest", "urgent"]}},
                           {"name": "urgent", "in": "query", "description": "only tickets that are (`true`) or are not "
                            "(`false`) marked urgent; a page may then hold fewer than `limit`",
                            "schema": {"type": "string", "enum": ["true", "false"]}},
                           {"name": "count", "in": "query", "description": "`true`: the answer also has `count`, "
                            "the status's total and urgent tickets for these teams",
                            "schema": {"type": "string", "enum": ["true", "false"]}}],
            "responses": {"200": _json("TicketList"), **_errors(400, 401, 403, 503)},
        }},
        "/v1/staff/tickets/next/claim": {"post": {
            "operationId": "nextTicket", "security": staff,
            "summary": "The caller's next request: one they hold already first (`held`), else the first open one, "
                       "urgent first, then the oldest, claimed now; `ticket` null when none is open.",
            "parameters": [{"name": "team", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": _json("NextTicket"), **_errors(400, 401, 403, 503)},
        }},
        **{f"/v1/staff/tickets/{{ticketId}}/{action}": {"post": {
            "operationId": f"{action}Ticket", "security": staff, "summary": summary,
            "parameters": [{"name": "ticketId", "in": "path", "required": True, "schema": {"type": "string"}}],
            **({"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": REF.format(model=body)}}}}}
               if body else {}),
            "responses": {"200": (_json("TicketAnswer") if action != "reply" else
                                  {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}),
                          **_errors(400, 401, 403, 404, 409, 503)},
        }} for action, body, summary in (
            ("claim", None, "Take the ticket (409 when someone else holds it)."),
            ("release", None, "Give the ticket back (staff of every team may give back a colleague's)."),
            ("done", "DoneBody", "The callback is done: outcome and note; ends the resident's waiting handover."),
            ("reply", "ReplyBody", "Answer a ticket of a messaging channel on its channel (after the 24-hour window: "
                                   "WhatsApp's approved template, Messenger's HUMAN_AGENT tag; else 409)."),
        )},
        "/v1/admin/tenants": {"get": {
            "operationId": "listTenants", "security": staff,
            "summary": "The live tenants the caller administers (role admin; the operator: all).",
            "responses": {"200": _json("TenantList"), **_errors(401, 403, 503)},
        }},
        "/v1/admin/tenants/{slug}": {
            "put": {
                "operationId": "putTenant", "security": staff,
                "summary": "Publish a tenant document (tenants/*.yaml as JSON) as the tenant's next version; "
                           "the build function compiles it and switches it live (no deploy). For the topics the "
                           "tenant's editors published, their answer, links, examples and on/off stay the current "
                           "version's (named in keptFromEditors where the document said otherwise) unless "
                           "knowledge=replace.",
                "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                               {"name": "knowledge", "in": "query", "required": False,
                                "schema": {"type": "string", "enum": ["replace"]}}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": REF.format(model="Tenant")}}}},
                "responses": {"202": _json("TenantPut", "Stored; building"), **_errors(400, 401, 403, 413, 415, 503)},
            },
            "get": {
                "operationId": "getTenant", "security": staff,
                "summary": "The live version and the last versions with their build status; document=true: also "
                           "the current document (editors' publishes included) in the tenant file's format.",
                "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}},
                               {"name": "document", "in": "query", "required": False,
                                "schema": {"type": "string", "enum": ["true"]}}],
                "responses": {"200": _json("TenantStatus"), **_errors(400, 401, 403, 404, 503)},
            },
        },
        "/v1/staff/kb/intents": {"get": {
            "operationId": "listKbIntents", "security": staff,
            "summary": "Role editor: every intent with its effective answer (shared + this gemeente's draft overlay), "
                       "the draft's changes and checks.",
            "responses": {"200": _json("IntentList"), **_errors(401, 403, 404, 503)},
        }},
        "/v1/staff/kb/intents/{intentId}": {
            "get": {
                "operationId": "getKbIntent", "security": staff,
                "summary": "Role editor: the shared answer, the gemeente's overlay in the draft, what residents get now, "
                           "the difference and the checks (Dutch).",
                "parameters": [{"name": "intentId", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": _json("IntentDetail"), **_errors(401, 403, 404, 503)},
            },
            "put": {
                "operationId": "putKbIntent", "security": staff,
                "summary": "Role editor: the wanted state of the intent into the draft (answer nl/en, links, extra "
                           "examples, enabled; a shared intent's own follow-up answers by kind, own detail answers "
                           "by name and own answers to follow-ups after a detail: a detail the topic lacks is a "
                           "422); a new id with a title is the "
                           "gemeente's own intent.",
                "parameters": [{"name": "intentId", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": REF.format(model="IntentBody")}}}},
                "responses": {"200": _json("IntentDetail"), **_errors(400, 401, 403, 404, 409, 413, 415, 422, 503)},
            },
        },
        "/v1/staff/kb/intents/{intentId}/export": {"get": {
            "operationId": "exportKbIntent", "security": staff,
            "summary": "Role editor: the intent as this gemeente has it, in the shared format (knowledge/<id>.yaml; "
                       "JSON is YAML), as a download for the shared knowledge base's reviewers.",
            "parameters": [{"name": "intentId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "knowledge/<id>.yaml", "content": {
                "application/yaml": {"schema": {"type": "object"}}}}, **_errors(401, 403, 404, 503)},
        }},
        "/v1/staff/kb/intents/{intentId}/others": {"get": {
            "operationId": "otherKbAnswers", "security": staff,
            "summary": "Role editor: the answers of other gemeenten that share theirs (share_answers) to this intent.",
            "parameters": [{"name": "intentId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": _json("OtherAnswerList"), **_errors(401, 403, 503)},
        }},
        "/v1/staff/kb/unanswered": {"get": {
            "operationId": "kbUnanswered", "security": staff,
            "summary": "Role editor: the last 30 days' unanswered questions grouped, each with the nearest intent.",
            "responses": {"200": _json("UnansweredGroupList"), **_errors(401, 403, 503)},
        }},
        "/v1/staff/kb/unanswered/adopt": {"post": {
            "operationId": "kbAdoptUnanswered", "security": staff,
            "summary": "Role editor: questions into the draft, as examples of `intent` or (null) a new own intent.",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": REF.format(model="AdoptBody")}}}},
            "responses": {"200": _json("IntentDetail"), **_errors(400, 401, 403, 404, 409, 503)},
        }},
        "/v1/staff/kb/preview": {"post": {
            "operationId": "previewKb", "security": staff,
            "summary": "Role editor: the reply the draft would give (never stored, never seen by residents).",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": REF.format(model="PreviewBody")}}}},
            "responses": {"200": _json("PreviewReply"), **_errors(400, 401, 403, 404, 503)},
        }},
        "/v1/staff/kb/publish": {"post": {
            "operationId": "publishKb", "security": staff,
            "summary": "Role editor: the draft becomes the next tenant version, built and live within 60 s (no deploy).",
            "responses": {"200": _json("Published"), **_errors(400, 401, 403, 404, 409, 503)},
        }},
        "/v1/staff/kb/versions": {"get": {
            "operationId": "listKbVersions", "security": staff,
            "summary": "Role editor: the versions with who changed what and when.",
            "responses": {"200": _json("VersionHistory"), **_errors(401, 403, 503)},
        }},
        "/v1/staff/kb/rollback": {"post": {
            "operationId": "rollbackKb", "security": staff,
            "summary": "Role editor: an earlier version's document becomes the next version (live within 60 s).",
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": REF.format(model="RollbackBody")}}}},
            "responses": {"200": _json("Published"), **_errors(400, 401, 403, 404, 503)},
        }},
        "/v1/staff/suggestions/{conversationId}": {"get": {
            "operationId": "suggestions", "security": staff, "parameters": staff_conversation,
            "responses": {"200": _json("SuggestionList"), **_errors(401, 403, 404)},
        }},
        "/v1/staff/reports": {"get": {
            "operationId": "reports", "security": staff,
            "parameters": [{"name": name, "in": "query", "schema": {"type": "string", "format": "date"}} for name in ("from", "to")]
            + [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv", "xlsx"]}},
               {"name": "table", "in": "query", "schema": {"type": "string", "enum": list(TABLE_NAMES)},
                "description": "format=csv: which table (one per file); default days."}],
            "responses": {"200": {"description": "The report", "content": {
                "application/json": {"schema": {"type": "object"}}, "text/csv": {"schema": {"type": "string"}},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                    "schema": {"type": "string", "format": "binary"}}}},
                **_errors(400, 401, 403)},
        }},
        "/v1/staff/me": {"get": {
            "operationId": "staffProfile", "security": staff,
            "summary": "Who is signed in (display name, team names) and the server's clock.",
            "responses": {"200": _json("StaffProfile"), **_errors(401, 403)},
        }},
        "/v1/staff/conversations": {"get": {
            "operationId": "botConversations", "security": staff,
            "summary": "The conversations the bot is handling now (no person waiting or talking; last 30 minutes).",
            "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["bot"]}}],
            "responses": {"200": _json("BotConversationList"), **_errors(400, 401, 403)},
        }},
        **{f"/v1/staff/conversations/{{conversationId}}/{action}": {"post": {
            "operationId": operation, "security": staff, "parameters": staff_conversation, "summary": summary,
            **({"requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": REF.format(model=body)}}}}}
               if body else {}),
            "responses": {"200": _json(answer), **_errors(400, 401, 403, 404, 409, 503)},
        }} for action, operation, body, answer, summary in (
            ("takeover", "takeOverConversation", None, "StaffConversation",
             "Take a conversation the bot is handling: it becomes your live handover."),
            ("transfer", "transferConversation", "TransferBody", "StaffConversation",
             "Pass a waiting or live conversation to another team (it waits for them; a note may go with it)."),
            ("notes", "addNote", "NoteBody", "NoteAnswer", "An internal note; residents never see it."),
        )},
        "/v1/staff/canned-replies": {"get": {
            "operationId": "listCannedReplies", "security": staff,
            "responses": {"200": _json("CannedReplyList"), **_errors(401, 403, 503)},
        }},
        "/v1/staff/canned-replies/{replyId}": {
            "put": {
                "operationId": "putCannedReply", "security": staff, "summary": "Role editor.",
                "parameters": [{"name": "replyId", "in": "path", "required": True,
                                "schema": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,62}$"}}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": REF.format(model="CannedBody")}}}},
                "responses": {"200": _json("CannedReplyAnswer"), **_errors(400, 401, 403, 503)},
            },
            "delete": {
                "operationId": "deleteCannedReply", "security": staff, "summary": "Role editor.",
                "parameters": [{"name": "replyId", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "Deleted", "content": {"application/json": {"schema": {"type": "object"}}}},
                              **_errors(401, 403, 404, 503)},
            },
        },
        "/v1/staff/not-helpful": {"get": {
            "operationId": "notHelpfulQueue", "security": staff,
            "summary": "Role editor: answers residents called not helpful, newest first.",
            "parameters": [{"name": name, "in": "query", "schema": {"type": "string", "format": "date"}} for name in ("from", "to")]
            + [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "reviewed", "all"]}}],
            "responses": {"200": _json("NotHelpfulList"), **_errors(400, 401, 403)},
        }},
        "/v1/staff/not-helpful/{itemId}/review": {"post": {
            "operationId": "reviewNotHelpful", "security": staff, "summary": "Role editor: mark an entry reviewed.",
            "parameters": [{"name": "itemId", "in": "path", "required": True, "schema": {"type": "string"}}],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": {"$ref": REF.format(model="ReviewBody")}}}},
            "responses": {"200": _json("NotHelpfulAnswer"), **_errors(400, 401, 403, 404)},
        }},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Balie HTTP API", "version": "1",
                 "description": "Identical locally (balie serve) and behind API Gateway. Every error is the "
                                "`Error` schema, API Gateway's own answers too: a staff route without a valid "
                                "token is a 401, a path no route has a 404, a method its path does not take a "
                                "405 with `Allow`. "
                                "Generated by `python -m balie_local.openapi`; do not edit by hand."},
        "servers": [{"url": "http://127.0.0.1:3000", "description": "balie serve"}],
        "paths": paths,
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {"staffJwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                                             "description": "Cognito token in AWS; the dev token printed by balie serve locally."}},
        },
    }


def render() -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write or check openapi.json")
    parser.add_argument("--check", action="store_true", help="exit 1 if openapi.json is not up to date")
    arguments = parser.parse_args(argv)
    text = render()
    if arguments.check:
        current = OPENAPI_PATH.read_text(encoding="utf-8") if OPENAPI_PATH.exists() else ""
        if current != text:
            print("openapi.json is stale: run .venv/bin/python -m balie_local.openapi", file=sys.stderr)
            return 1
        return 0
    OPENAPI_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {OPENAPI_PATH.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

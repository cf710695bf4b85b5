"""The website widget channel: chat API JSON <-> InboundMessage / Reply.

Request and response shapes are the contract in ../shared/spec/API.md. Two
additions the widget may use: `payload` on the request (the id of a button the
resident pressed; `message` then holds the button's title for the transcript),
and the messages page of `GET /v1/chat/{id}/messages`.
"""
from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.dialogue.engine import MessagesPage, is_payload
from core.erasure import Erasure
from core.errors import OriginNotAllowed
from core.ids import is_conversation_id
from core.kb.models import Tenant
from core.look import readable
from core.models import Channel, HandoverView, InboundKind, InboundMessage, Reply, ReplyMessage, TranscriptEntry
from core.text_input import MAX_TEXT_CHARS, check_text


class ChatRequest(BaseModel):
    """POST /v1/chat body."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    tenant: str = Field(min_length=1, max_length=63, pattern=r"^[a-z0-9][a-z0-9-]*$")
    message: str
    conversation_id: str | None = Field(default=None, alias="conversationId")
    client_message_id: str | None = Field(default=None, alias="clientMessageId", min_length=1, max_length=100)
    locale: Literal["nl", "en"] | None = None
    payload: str | None = Field(default=None, max_length=80)
    # The intent of the page the widget is on (data-topic); an unknown one is ignored.
    topic: str | None = Field(default=None, max_length=63, pattern=r"^[a-z0-9][a-z0-9-]*$")

    @field_validator("message")
    @classmethod
    def message_is_text(cls, value: str) -> str:
        return check_text(value, max_length=MAX_TEXT_CHARS)

    @field_validator("conversation_id")
    @classmethod
    def conversation_id_shape(cls, value: str | None) -> str | None:
        if value is not None and not is_conversation_id(value):
            raise ValueError("conversationId is not a conversation id")
        return value

    @field_validator("payload")
    @classmethod
    def payload_shape(cls, value: str | None) -> str | None:
        if value is not None and not is_payload(value):
            raise ValueError("payload is not a button payload")
        return value

    @field_validator("client_message_id")
    @classmethod
    def printable_client_id(cls, value: str | None) -> str | None:
        if value is not None and not value.isprintable():
            raise ValueError("clientMessageId contains control characters")
        return value

    def to_message(self, client_address: str | None = None) -> InboundMessage:
        """`client_address`: where the request came from (the limit of new conversations)."""
        return InboundMessage(
            tenant=self.tenant,
            channel=Channel.WEB,
            kind=InboundKind.BUTTON if self.payload else InboundKind.TEXT,
            text=self.message,
            payload=self.payload,
            conversation_id=self.conversation_id,
            client_message_id=self.client_message_id,
            locale=self.locale,
            topic=self.topic,
            client_address=client_address,
        )


def _message(message: ReplyMessage | TranscriptEntry) -> dict[str, Any]:
    return {
        "text": message.text,
        "links": [{"title": link.title, "url": link.url} for link in message.links],
        "buttons": [{"title": button.title, "payload": button.payload} for button in message.buttons],
    }


def _handover(view: HandoverView | None) -> dict[str, Any] | None:
    if view is None:
        return None
    return {
        "status": view.status,
        "team": view.team,
        "expectedContactAt": view.expected_contact_at.isoformat() if view.expected_contact_at else None,
        "claimed": view.claimed,
        "notice": view.notice,
    }


def render_reply(reply: Reply) -> dict[str, Any]:
    return {
        "conversationId": reply.conversation_id,
        "intent": reply.intent,
        "confidence": reply.confidence,
        "messages": [_message(message) for message in reply.messages],
        "handover": _handover(reply.handover),
        "language": reply.language,
    }


def render_messages(page: MessagesPage) -> dict[str, Any]:
    """GET /v1/chat/{id}/messages: every transcript entry after the cursor, with
    its role (resident, bot, staff, system) so a reloaded widget can redraw the
    conversation and a polling widget shows only what it has not shown yet."""
    return {
        "conversationId": page.conversation_id,
        "messages": [
            {**_message(entry), "seq": entry.seq, "role": entry.role.value, "at": entry.at.isoformat()}
            for entry in page.entries
        ],
        "cursor": str(page.cursor),
        "handover": _handover(page.handover),
    }


def render_erasure(erasure: Erasure) -> dict[str, Any]:
    """DELETE /v1/chat/{id}: erased, and what Balie cannot reach (with the calls that would
    remove it), as the staff's erasure route answers it."""
    return {"conversationId": erasure.conversation_id, "deleted": erasure.deleted,
            "notErased": [item.model_dump(mode="json") for item in erasure.not_erased]}


def render_widget_settings(tenant: Tenant) -> dict[str, Any]:
    """GET /v1/widget/{tenant}: what the widget needs before the first turn. The look's tokens in
    camelCase (null: not set by the tenant), every pair readable (core.look)."""
    look, _ = readable(tenant.look)
    return {"tenant": tenant.slug, "look": {_camel(name): value for name, value in look.model_dump().items()}}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def parse_cursor(value: str | None) -> int:
    if value is None or value == "":
        return 0
    if not (value.isascii() and value.isdigit()) or len(value) > 9:  # "１２" and "²" are digits to str.isdigit
        raise ValueError("after must be a cursor returned by this API")
    return int(value)


def is_development_origin(origin: str) -> bool:
    """A developer's or the demo's page (http on localhost)."""
    return origin.startswith(("http://localhost", "http://127.0.0.1"))


def usable_origins(widget_origins: Collection[str], development_origins: Collection[str]) -> list[str]:
    """The tenant's widget origins this deployment accepts: a development page only where
    the deployment names it (template DevelopmentWidgetOrigins; none in production), so no
    local page calls a production API, whatever a tenant lists."""
    return [origin for origin in widget_origins
            if not is_development_origin(origin) or origin in development_origins]


def check_origin(origin: str | None, widget_origins: Collection[str], host: str | None) -> None:
    """Refuses (OriginNotAllowed, 403) a browser request from a page that is not one of
    the tenant's widget pages.

    The per-tenant rule: another municipality's site can neither chat as this one nor
    read or erase its conversations. Allowed: no Origin (curl, server to server:
    no web page involved), one of the tenant's `widget_origins`, and the API's own
    origin (`host`): a same-origin page, such as the demo page the local front serves
    on whatever port it runs.
    """
    if not origin or origin in widget_origins:
        return
    try:
        same_origin = bool(host) and urlsplit(origin).netloc.lower() == str(host).lower()
    except ValueError:  # not a URL at all (e.g. a broken IPv6 literal)
        same_origin = False
    if not same_origin:
        raise OriginNotAllowed("This web page may not use the chat of this municipality.")

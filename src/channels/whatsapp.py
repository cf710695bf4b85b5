"""WhatsApp Business (Cloud API) <-> Balie's channel-free models.

Inbound: Meta's webhook body -> `WhatsAppInbound` items (one per resident
message meant for the engine) and `StatusEvent` items (sent/delivered/read/
failed receipts of our own messages). Outbound: a `Reply` -> Graph API
`/messages` payloads that never exceed WhatsApp's limits.

Everything here is pure (no I/O) except `StaffReplySender`, which gets its
ports injected, so the same code serves the Lambda worker, the staff API and
the unit tests.
"""
from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict

from core.errors import InvalidInput, WhatsAppWindowClosed
from core.kb.models import WhatsAppSettings
from core.models import InboundKind, InboundMessage, Channel, Reply, ReplyMessage

# Limits of the Cloud API messages endpoint (interactive and text objects).
TEXT_LIMIT = 4096
INTERACTIVE_BODY_LIMIT = 1024
MAX_REPLY_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20
BUTTON_ID_LIMIT = 256
MAX_LIST_ROWS = 10
LIST_ROW_TITLE_LIMIT = 24
LIST_ROW_DESCRIPTION_LIMIT = 72
LIST_ROW_ID_LIMIT = 200
LIST_BUTTON_LIMIT = 20
SECTION_TITLE_LIMIT = 24
TEMPLATE_PARAMETER_LIMIT = 1024

# A resident may be answered freely for 24 hours after their last message.
REPLY_WINDOW = timedelta(hours=24)

ELLIPSIS = "\u2026"
SIGNATURE_PREFIX = "sha256="
MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker"})
# Not a resident's question: reactions, edits and deletions of earlier messages,
# and system notices (number or identity changed). Acknowledged, never answered.
IGNORED_TYPES = frozenset({"reaction", "edit", "revoke", "system", "request_welcome"})

SenderKind = Literal["wa_id", "user_id"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WhatsAppAddress(_Frozen):
    """Who a message goes to: the phone-number based WhatsApp id when Meta gives
    one, else the business-scoped user id (residents with a username)."""

    id: str
    kind: SenderKind = "wa_id"

    def graph_fields(self) -> dict[str, str]:
        # The Cloud API addresses phone numbers with `to`, BSUIDs with `recipient`.
        return {"to": self.id} if self.kind == "wa_id" else {"recipient": self.id}


class WhatsAppInbound(_Frozen):
    """One resident message for the engine, as it travels on the inbound queue."""

    phone_number_id: str
    wamid: str
    sender: WhatsAppAddress
    kind: InboundKind
    text: str = ""
    payload: str | None = None
    timestamp: int = 0
    message_type: str = "text"  # Meta's type, kept for metrics and logs

    def to_message(self, tenant: str, conversation_id: str) -> InboundMessage:
        return InboundMessage(
            tenant=tenant,
            channel=Channel.WHATSAPP,
            kind=self.kind,
            text=self.text,
            payload=self.payload,
            conversation_id=conversation_id,
            client_message_id=self.wamid,
            channel_contact=self.sender.id,
        )


class StatusEvent(_Frozen):
    """A delivery receipt of a message Balie sent."""

    phone_number_id: str
    wamid: str
    status: str  # sent | delivered | read | failed | played | ...
    timestamp: int = 0
    error_codes: tuple[int, ...] = ()
    error_titles: tuple[str, ...] = ()


@dataclass
class ParsedWebhook:
    messages: list[WhatsAppInbound] = field(default_factory=list)
    statuses: list[StatusEvent] = field(default_factory=list)
    # (phone_number_id, reason) of everything acknowledged but not acted on.
    ignored: list[tuple[str, str]] = field(default_factory=list)


# --------------------------------------------------------------------------- security


def signature_is_valid(raw_body: bytes, header: str | None, app_secret: str) -> bool:
    """Checks `X-Hub-Signature-256: sha256=<hex>` against an HMAC-SHA256 of the
    exact bytes Meta sent, in constant time."""
    if not header or not app_secret:
        return False
    header = header.strip()
    if not header.lower().startswith(SIGNATURE_PREFIX):
        return False
    given = header[len(SIGNATURE_PREFIX):].strip().lower().encode("utf-8", "replace")
    expected = hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest().encode("ascii")
    return hmac.compare_digest(expected, given)


def sign(raw_body: bytes, app_secret: str) -> str:
    """The header value Meta would send for `raw_body` (local tools and tests)."""
    return SIGNATURE_PREFIX + hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()


def verification_challenge(params: Mapping[str, str], verify_token: str) -> str | None:
    """Meta's subscription handshake: the challenge to echo, or None (-> 403)."""
    token = params.get("hub.verify_token") or ""
    challenge = params.get("hub.challenge")
    if params.get("hub.mode") != "subscribe" or not challenge or not verify_token:
        return None
    if not hmac.compare_digest(token.encode("utf-8"), verify_token.encode("utf-8")):
        return None
    return challenge


def conversation_id_for(tenant: str, sender: WhatsAppAddress, app_secret: str) -> str:
    """Deterministic per (tenant, resident) so a resident keeps one conversation,
    but unguessable without the app secret: the id never reveals the number."""
    digest = hmac.new(
        app_secret.encode("utf-8"), f"{tenant}\x1f{sender.kind}\x1f{sender.id}".encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return "wa-" + digest[:32]  # 128 bits


# --------------------------------------------------------------------------- inbound


def parse_webhook(body: Any) -> ParsedWebhook:
    """Walks every entry and every change (Meta batches them). Unknown shapes are
    recorded as ignored, never raised: Meta would retry a failed delivery for days."""
    parsed = ParsedWebhook()
    if not isinstance(body, dict) or body.get("object") != "whatsapp_business_account":
        parsed.ignored.append(("", "not a WhatsApp Business body"))
        return parsed
    for entry in _dicts(body.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value") if isinstance(change.get("value"), dict) else {}
            phone_number_id = str((value.get("metadata") or {}).get("phone_number_id") or "")
            if change.get("field") != "messages":
                parsed.ignored.append((phone_number_id, f"field {change.get('field')}"))
                continue
            contacts = list(_dicts(value.get("contacts")))
            for message in _dicts(value.get("messages")):
                inbound = _parse_message(phone_number_id, message, contacts)
                if isinstance(inbound, WhatsAppInbound):
                    parsed.messages.append(inbound)
                else:
                    parsed.ignored.append((phone_number_id, inbound))
            for status in _dicts(value.get("statuses")):
                event = _parse_status(phone_number_id, status)
                if event is not None:
                    parsed.statuses.append(event)
            for error in _dicts(value.get("errors")):
                parsed.ignored.append((phone_number_id, f"webhook error {error.get('code')}"))
    return parsed


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))


def _sender(message: dict[str, Any], contacts: list[dict[str, Any]]) -> WhatsAppAddress | None:
    # The phone-number id wins when present (Meta recommends replying to it so
    # webhooks keep carrying it); a BSUID-only resident is answered by user id.
    if message.get("from"):
        return WhatsAppAddress(id=str(message["from"]), kind="wa_id")
    for contact in contacts:
        if contact.get("wa_id"):
            return WhatsAppAddress(id=str(contact["wa_id"]), kind="wa_id")
    if message.get("from_user_id"):
        return WhatsAppAddress(id=str(message["from_user_id"]), kind="user_id")
    for contact in contacts:
        if contact.get("user_id"):
            return WhatsAppAddress(id=str(contact["user_id"]), kind="user_id")
    return None


def _parse_message(
    phone_number_id: str, message: dict[str, Any], contacts: list[dict[str, Any]]
) -> WhatsAppInbound | str:
    """The inbound message, or the reason it is ignored."""
    message_type = str(message.get("type") or "unknown")
    if message_type in IGNORED_TYPES:
        return f"type {message_type}"
    wamid = str(message.get("id") or "")
    sender = _sender(message, contacts)
    if not wamid or sender is None:
        return "message without id or sender"
    kind, text, payload = _content(message_type, message)
    try:
        timestamp = int(message.get("timestamp") or 0)
    except (TypeError, ValueError):
        timestamp = 0
    return WhatsAppInbound(
        phone_number_id=phone_number_id,
        wamid=wamid,
        sender=sender,
        kind=kind,
        text=text,
        payload=payload,
        timestamp=timestamp,
        message_type=message_type,
    )


def _content(message_type: str, message: dict[str, Any]) -> tuple[InboundKind, str, str | None]:
    section = message.get(message_type) if isinstance(message.get(message_type), dict) else {}
    if message_type == "text":
        body = str(section.get("body") or "")
        return (InboundKind.TEXT, body, None) if body.strip() else (InboundKind.UNSUPPORTED, "", None)
    if message_type == "button":  # a template's quick-reply button
        return InboundKind.BUTTON, str(section.get("text") or ""), _str_or_none(section.get("payload"))
    if message_type == "interactive":
        choice_type = section.get("type")
        choice = section.get(choice_type) if choice_type in ("button_reply", "list_reply") else None
        if isinstance(choice, dict) and choice.get("id"):
            return InboundKind.BUTTON, str(choice.get("title") or ""), str(choice["id"])
        return InboundKind.UNSUPPORTED, "", None  # e.g. a WhatsApp Flow answer (nfm_reply)
    if message_type == "location":
        described = ", ".join(str(section[key]) for key in ("name", "address") if section.get(key))
        where = None
        if section.get("latitude") is not None and section.get("longitude") is not None:
            where = f"{section['latitude']},{section['longitude']}"
        return InboundKind.LOCATION, described, where
    if message_type in MEDIA_TYPES:
        return InboundKind.MEDIA, str(section.get("caption") or ""), None
    return InboundKind.UNSUPPORTED, "", None  # contacts, order, unsupported, unknown, ...


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _parse_status(phone_number_id: str, status: dict[str, Any]) -> StatusEvent | None:
    if not status.get("id") or not status.get("status"):
        return None
    errors = list(_dicts(status.get("errors")))
    try:
        timestamp = int(status.get("timestamp") or 0)
    except (TypeError, ValueError):
        timestamp = 0
    return StatusEvent(
        phone_number_id=phone_number_id,
        wamid=str(status["id"]),
        status=str(status["status"]),
        timestamp=timestamp,
        error_codes=tuple(int(error["code"]) for error in errors if str(error.get("code", "")).lstrip("-").isdigit()),
        error_titles=tuple(str(error.get("title") or "")[:200] for error in errors),
    )


# --------------------------------------------------------------------------- outbound text


def shorten(text: str, limit: int) -> str:
    """`text` within `limit` characters: cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    # A word boundary in the second half keeps the meaning; a very long first
    # word is cut mid-word rather than leaving almost nothing.
    if space >= (limit - 1) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-\u2013") + ELLIPSIS


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Splits a long answer into messages of at most `limit` characters at
    paragraph, line or word boundaries; nothing is lost."""
    text = text.strip()
    parts: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            position = window.rfind(separator)
            if position >= limit // 2:
                cut = position
                break
        if cut <= 0:
            cut = limit
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def body_with_links(message: ReplyMessage) -> str:
    """The message text with its links written out: WhatsApp shows URLs as links."""
    if not message.links:
        return message.text.strip()
    lines = [f"{link.title}: {link.url}" for link in message.links]
    return (message.text.strip() + "\n\n" + "\n".join(lines)).strip()


def _unique_titles(titles: list[str], limit: int) -> list[str]:
    result: list[str] = []
    for title in titles:
        candidate = shorten(title, limit) or "-"
        number = 2
        while candidate in result:
            suffix = f" ({number})"
            candidate = shorten(title, limit - len(suffix)) + suffix
            number += 1
        result.append(candidate)
    return result


_CHOOSE = {"nl": "Maak een keuze. / Please choose.", "en": "Please choose. / Maak een keuze."}
_LIST_BUTTON = {"nl": "Kies / Choose", "en": "Choose / Kies"}
_LIST_SECTION = {"nl": "Onderwerpen", "en": "Topics"}


def render_message(message: ReplyMessage, language: str = "nl") -> list[dict[str, Any]]:
    """One reply message -> Graph payload bodies (without the recipient)."""
    body = body_with_links(message)
    if not message.buttons:
        return [_text_payload(part) for part in split_text(body)] if body else []
    payloads: list[dict[str, Any]] = []
    if len(body) > INTERACTIVE_BODY_LIMIT:
        # The full text goes first as ordinary messages; the choice gets a short prompt.
        payloads.extend(_text_payload(part) for part in split_text(body))
        body = _CHOOSE.get(language, _CHOOSE["nl"])
    body = body or _CHOOSE.get(language, _CHOOSE["nl"])
    if len(message.buttons) <= MAX_REPLY_BUTTONS:
        titles = _unique_titles([button.title for button in message.buttons], BUTTON_TITLE_LIMIT)
        buttons = [
            {"type": "reply", "reply": {"id": button.payload[:BUTTON_ID_LIMIT], "title": title}}
            for button, title in zip(message.buttons, titles)
        ]
        payloads.append({"type": "interactive", "interactive": {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}}})
        return payloads
    chosen = message.buttons[:MAX_LIST_ROWS]
    titles = _unique_titles([button.title for button in chosen], LIST_ROW_TITLE_LIMIT)
    rows = []
    for button, title in zip(chosen, titles):
        row: dict[str, Any] = {"id": button.payload[:LIST_ROW_ID_LIMIT], "title": title}
        if title != " ".join(button.title.split()):
            # The row title had to be shortened: the description shows the rest.
            row["description"] = shorten(button.title, LIST_ROW_DESCRIPTION_LIMIT)
        rows.append(row)
    payloads.append(
        {
            "type": "interactive",
            "interactive": {
                "type": "list",
                "body": {"text": body},
                "action": {
                    "button": shorten(_LIST_BUTTON.get(language, _LIST_BUTTON["nl"]), LIST_BUTTON_LIMIT),
                    "sections": [{"title": _LIST_SECTION.get(language, "Onderwerpen")[:SECTION_TITLE_LIMIT], "rows": rows}],
                },
            },
        }
    )
    return payloads


def _text_payload(text: str) -> dict[str, Any]:
    return {"type": "text", "text": {"body": text[:TEXT_LIMIT], "preview_url": "http" in text}}


def addressed(payload: dict[str, Any], to: WhatsAppAddress) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", **to.graph_fields(), **payload}


def render_reply(reply: Reply, to: WhatsAppAddress) -> list[dict[str, Any]]:
    """The engine's reply as the ordered list of Graph API request bodies."""
    return [
        addressed(payload, to) for message in reply.messages for payload in render_message(message, reply.language)
    ]


# --------------------------------------------------------------------------- 24-hour window and staff replies


def window_is_open(last_inbound_at: datetime | None, now: datetime) -> bool:
    return last_inbound_at is not None and now - last_inbound_at < REPLY_WINDOW


def render_staff_reply(
    text: str, to: WhatsAppAddress, *, last_inbound_at: datetime | None, settings: WhatsAppSettings,
    now: datetime, language: str = "nl",
) -> list[dict[str, Any]]:
    """A staff member's message as Graph payloads. Inside the 24-hour window it is
    ordinary text; outside it only an approved template may be sent, so the text
    travels as the template's single body parameter ({{1}}). Without a template
    the reply is refused (`WhatsAppWindowClosed`, the staff API shows it)."""
    text = text.strip()
    if not text:
        raise InvalidInput("The message is empty.")
    if window_is_open(last_inbound_at, now):
        return [addressed(_text_payload(part), to) for part in split_text(text)]
    if not settings.reopen_template:
        raise WhatsAppWindowClosed(
            "De inwoner stuurde meer dan 24 uur geleden het laatste bericht. WhatsApp staat dan geen vrij "
            "bericht toe en deze gemeente heeft geen goedgekeurd sjabloon ingesteld. Neem op een andere "
            "manier contact op. / The resident's last message is older than 24 hours; WhatsApp only allows "
            "an approved template then, and none is configured (tenant whatsapp.reopen_template)."
        )
    # Template parameters may hold no newlines, tabs or runs of spaces.
    parameter = shorten(re.sub(r"\s+", " ", text), TEMPLATE_PARAMETER_LIMIT)
    template = {
        "name": settings.reopen_template,
        "language": {"code": language},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": parameter}]}],
    }
    return [addressed({"type": "template", "template": template}, to)]


class ContactBook(Protocol):
    """Where the worker keeps each WhatsApp conversation's address and the time
    of the resident's last message (adapters/whatsapp_store.py)."""

    def contact(self, tenant: str, conversation_id: str) -> "WhatsAppContact | None": ...


class GraphSender(Protocol):
    def send(self, phone_number_id: str, payload: dict[str, Any]) -> str:
        """Sends one message; returns its wamid. Raises adapters.graph_api errors."""


class WhatsAppContact(_Frozen):
    address: WhatsAppAddress
    phone_number_id: str
    last_inbound_at: datetime


class StaffReplySender:
    """What the staff API calls to deliver a staff reply on WhatsApp."""

    def __init__(self, contacts: ContactBook, graph: GraphSender, clock: Any) -> None:
        self.contacts = contacts
        self.graph = graph
        self.clock = clock

    def check(self, tenant_slug: str, conversation_id: str, settings: WhatsAppSettings) -> Literal["text", "template"]:
        """Raises `WhatsAppWindowClosed` when the reply cannot be sent; tells
        whether it would go as text or as the reopen template."""
        contact = self._contact(tenant_slug, conversation_id)
        if window_is_open(contact.last_inbound_at, self.clock()):
            return "text"
        render_staff_reply("-", contact.address, last_inbound_at=contact.last_inbound_at, settings=settings, now=self.clock())
        return "template"

    def send(
        self, tenant_slug: str, conversation_id: str, text: str, settings: WhatsAppSettings, language: str = "nl"
    ) -> list[str]:
        contact = self._contact(tenant_slug, conversation_id)
        payloads = render_staff_reply(
            text, contact.address, last_inbound_at=contact.last_inbound_at, settings=settings,
            now=self.clock(), language=language,
        )
        return [self.graph.send(contact.phone_number_id, payload) for payload in payloads]

    def _contact(self, tenant_slug: str, conversation_id: str) -> WhatsAppContact:
        contact = self.contacts.contact(tenant_slug, conversation_id)
        if contact is None:
            # Erased, expired, or not a WhatsApp conversation: nothing to send to.
            raise WhatsAppWindowClosed(
                "Dit WhatsApp-gesprek is niet meer bereikbaar. / This WhatsApp conversation can no longer be reached."
            )
        return contact


def epoch_to_datetime(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def iter_error_codes(events: Iterable[StatusEvent]) -> Iterator[int]:
    for event in events:
        yield from event.error_codes

"""WhatsApp Business (Cloud API) <-> Balie's channel-free models.

Inbound: Meta's webhook body -> `core.messaging` events (a `ResidentMessage` for each
resident message meant for the engine) and `Receipt`s (sent/delivered/read/failed
receipts of our own messages). Outbound: a `Reply` -> Graph API `/messages` payloads
that never exceed WhatsApp's limits (`WhatsAppOutput`), and the 24-hour window for
messages outside the resident's turn, after which only the tenant's approved template
may carry them (`WhatsAppWindow`).

Parsing and rendering are pure. The use cases (the webhook's intake, the worker's
delivery, staff replies) are core.messaging's, the same for every messaging channel.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from channels.meta import dicts, meta_id
from channels.text_parts import body_with_links, distinct_choices, folded, shorten, split_text, unique_titles
from core.dialogue.texts import say
from core.errors import DeliveryRefused, InvalidInput, ServiceUnavailable, WhatsAppWindowClosed
from core.kb.models import WhatsAppSettings
from core.messaging.events import Address, Event, Receipt, ResidentMessage, conversation_id_for
from core.messaging.intake import ParsedWebhook
from core.models import Channel, InboundKind, Reply, ReplyMessage
from core.text_input import clean_text

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
# Meta's code for "more than 24 hours since the resident's last message".
OUTSIDE_WINDOW_CODE = 131047

MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker"})
# Not a resident's question: reactions, edits and deletions of earlier messages,
# and system notices (number or identity changed). Acknowledged, never answered.
IGNORED_TYPES = frozenset({"reaction", "edit", "revoke", "system", "request_welcome"})

# --------------------------------------------------------------------------- inbound


def parse_webhook(body: Any) -> ParsedWebhook:
    """Walks every entry and every change (Meta batches them). Unknown shapes, and any
    one message or receipt that cannot be read, are recorded as ignored, never raised:
    Meta would retry a failed delivery for days, and the rest of the body must go on."""
    parsed = ParsedWebhook()
    if not isinstance(body, dict) or body.get("object") != "whatsapp_business_account":
        parsed.ignored.append(("", "not a WhatsApp Business body"))
        return parsed
    for entry in dicts(body.get("entry")):
        for change in dicts(entry.get("changes")):
            value = change.get("value") if isinstance(change.get("value"), dict) else {}
            metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
            phone_number_id = meta_id(metadata.get("phone_number_id")) or ""
            if change.get("field") != "messages":
                parsed.ignored.append((phone_number_id, f"field {change.get('field')}"))
                continue
            contacts = list(dicts(value.get("contacts")))
            for message in dicts(value.get("messages")):
                parsed.take(phone_number_id, lambda: _parse_message(phone_number_id, message, contacts),
                            "whatsapp message")
            for status in dicts(value.get("statuses")):
                parsed.take(phone_number_id, lambda: _parse_status(phone_number_id, status), "whatsapp status")
            for error in dicts(value.get("errors")):
                parsed.ignored.append((phone_number_id, f"webhook error {error.get('code')}"))
    return parsed


def _sender(message: dict[str, Any], contacts: list[dict[str, Any]]) -> Address | None:
    # The phone-number id wins when present (Meta recommends replying to it so
    # webhooks keep carrying it); a BSUID-only resident is answered by user id.
    if meta_id(message.get("from")):
        return Address(id=meta_id(message["from"]), kind="wa_id")  # type: ignore[arg-type]
    for contact in contacts:
        if meta_id(contact.get("wa_id")):
            return Address(id=meta_id(contact["wa_id"]), kind="wa_id")  # type: ignore[arg-type]
    if meta_id(message.get("from_user_id")):
        return Address(id=meta_id(message["from_user_id"]), kind="user_id")  # type: ignore[arg-type]
    for contact in contacts:
        if meta_id(contact.get("user_id")):
            return Address(id=meta_id(contact["user_id"]), kind="user_id")  # type: ignore[arg-type]
    return None


def _parse_message(
    phone_number_id: str, message: dict[str, Any], contacts: list[dict[str, Any]]
) -> ResidentMessage | str:
    """The resident's message, or the reason it is ignored."""
    message_type = clean_text(str(message.get("type") or "unknown"))[:40]
    if message_type in IGNORED_TYPES:
        return f"type {message_type}"
    wamid = meta_id(message.get("id"))
    sender = _sender(message, contacts)
    if not wamid or sender is None:
        return "message without id or sender"
    kind, text, payload = _content(message_type, message)
    return ResidentMessage(
        channel=Channel.WHATSAPP,
        account_id=phone_number_id,
        event_id=wamid,
        sender=sender,
        kind=kind,
        text=text,
        payload=payload,
        timestamp=_timestamp(message.get("timestamp")),
        message_type=message_type,
    )


def _content(message_type: str, message: dict[str, Any]) -> tuple[InboundKind, str, str | None]:
    # Every text goes through core.text_input.clean_text: the engine refuses control and
    # direction characters, and a resident cannot fix what their phone sent.
    section = message.get(message_type) if isinstance(message.get(message_type), dict) else {}
    if message_type == "text":
        body = _text(section.get("body"))
        return (InboundKind.TEXT, body, None) if body.strip() else (InboundKind.UNSUPPORTED, "", None)
    if message_type == "button":  # a template's quick-reply button
        return InboundKind.BUTTON, _text(section.get("text")), _text_or_none(section.get("payload"))
    if message_type == "interactive":
        choice_type = section.get("type")
        choice = section.get(choice_type) if choice_type in ("button_reply", "list_reply") else None
        if isinstance(choice, dict) and _text_or_none(choice.get("id")):
            return InboundKind.BUTTON, _text(choice.get("title")), _text_or_none(choice["id"])
        return InboundKind.UNSUPPORTED, "", None  # e.g. a WhatsApp Flow answer (nfm_reply)
    if message_type == "location":
        described = ", ".join(_text(section[key]) for key in ("name", "address") if section.get(key))
        where = None
        latitude, longitude = section.get("latitude"), section.get("longitude")
        if isinstance(latitude, (int, float)) and isinstance(longitude, (int, float)):
            where = f"{float(latitude)},{float(longitude)}"
        return InboundKind.LOCATION, described, where
    if message_type in MEDIA_TYPES:
        return InboundKind.MEDIA, _text(section.get("caption")), None
    return InboundKind.UNSUPPORTED, "", None  # contacts, order, unsupported, unknown, ...


def _timestamp(value: Any) -> int:
    """Meta's epoch seconds (sent as a string); 0 when missing or not a plausible time."""
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 11 else 0


def _is_integer(value: object) -> bool:
    """An error code Meta sends as a number or a string of ASCII digits (int("²") would raise)."""
    text = str(value).removeprefix("-")
    return text.isascii() and text.isdigit() and len(text) <= 18


def _text(value: Any) -> str:
    return clean_text(value if isinstance(value, str) else "" if value is None else str(value))


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value) or None


def _parse_status(phone_number_id: str, status: dict[str, Any]) -> Receipt | None:
    if not meta_id(status.get("id")) or not meta_id(status.get("status")):
        return None
    errors = list(dicts(status.get("errors")))
    return Receipt(
        channel=Channel.WHATSAPP,
        account_id=phone_number_id,
        message_id=str(status["id"]),
        status=str(status["status"]),
        timestamp=_timestamp(status.get("timestamp")),
        error_codes=tuple(int(error["code"]) for error in errors if _is_integer(error.get("code"))),
        error_titles=tuple(_text(error.get("title"))[:200] for error in errors),
    )


def conversation_id(tenant: str, event: Event, app_secret: str) -> str:
    """One conversation per (tenant, resident): the HMAC of the sender's kind and id."""
    return conversation_id_for(tenant, event.sender, app_secret)


# --------------------------------------------------------------------------- outbound


def _both(key: str, language: str) -> str:
    """A catalogue text in the conversation's language, then in the other one: WhatsApp's
    choice prompt and list button, which residents read before they pick a language."""
    other = "nl" if language == "en" else "en"
    return f"{say(key, language)} / {say(key, other)}"


def render_message(message: ReplyMessage, language: str = "nl") -> list[dict[str, Any]]:
    """One reply message -> Graph payload bodies (without the recipient)."""
    body = body_with_links(message)
    if not message.buttons:
        return [_text_payload(part) for part in split_text(body, TEXT_LIMIT)] if body else []
    payloads: list[dict[str, Any]] = []
    if len(body) > INTERACTIVE_BODY_LIMIT:
        # The full text goes first as ordinary messages; the choice gets a short prompt.
        payloads.extend(_text_payload(part) for part in split_text(body, TEXT_LIMIT))
        body = _both("choose_prompt", language)
    body = body or _both("choose_prompt", language)
    choices = distinct_choices(message.buttons, LIST_ROW_ID_LIMIT)
    if len(choices) <= MAX_REPLY_BUTTONS:
        titles = unique_titles([button.title for button in choices], BUTTON_TITLE_LIMIT)
        buttons = [
            {"type": "reply", "reply": {"id": button.payload[:BUTTON_ID_LIMIT], "title": title}}
            for button, title in zip(choices, titles)
        ]
        payloads.append({"type": "interactive", "interactive": {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}}})
        return payloads
    chosen = choices[:MAX_LIST_ROWS]
    titles = unique_titles([button.title for button in chosen], LIST_ROW_TITLE_LIMIT)
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
                    "button": shorten(_both("list_button", language), LIST_BUTTON_LIMIT),
                    "sections": [{"title": say("list_section", language)[:SECTION_TITLE_LIMIT], "rows": rows}],
                },
            },
        }
    )
    return payloads


def _text_payload(text: str) -> dict[str, Any]:
    return {"type": "text", "text": {"body": text[:TEXT_LIMIT], "preview_url": "http" in text}}


def addressed(payload: dict[str, Any], to: Address) -> dict[str, Any]:
    # The Cloud API addresses phone numbers with `to`, business-scoped user ids with `recipient`.
    recipient = {"to": to.id} if to.kind == "wa_id" else {"recipient": to.id}
    return {"messaging_product": "whatsapp", "recipient_type": "individual", **recipient, **payload}


# A turn on WhatsApp is at most this many messages (a phone buzzes for each one).
MAX_MESSAGES_PER_TURN = 2


def render_reply(reply: Reply, to: Address) -> list[dict[str, Any]]:
    """The engine's reply as the ordered list of Graph API request bodies: at most
    two. When the reply's messages need more, everything is said in one text and
    the choices of its last message with buttons follow (`text_parts.folded`)."""
    payloads = [payload for message in reply.messages for payload in render_message(message, reply.language)]
    if len(payloads) > MAX_MESSAGES_PER_TURN:
        messages = folded(reply.messages, prompt_limit=INTERACTIVE_BODY_LIMIT)
        payloads = [payload for message in messages for payload in render_message(message, reply.language)]
    return [addressed(payload, to) for payload in payloads]


class WhatsAppOutput:
    """`core.ports.ChannelOutput` of WhatsApp: rendering here, sending through the Graph
    API client (adapters.graph_api.GraphApiClient)."""

    echoes_unmarked = False  # WhatsApp sends no echoes of what the business sends (not subscribed)

    def __init__(self, graph: Any) -> None:
        self.graph = graph

    def reply(self, reply: Reply, to: Address) -> list[dict[str, Any]]:
        return render_reply(reply, to)

    def notice(self, text: str, to: Address) -> list[dict[str, Any]]:
        return [addressed(payload, to) for payload in render_message(ReplyMessage(text=text))]

    def send(self, account_id: str, payload: dict[str, Any]) -> str:
        return self.graph.send(account_id, payload)


# --------------------------------------------------------------------------- 24-hour window


_WINDOW_CLOSED = (
    "De inwoner stuurde meer dan 24 uur geleden het laatste bericht. WhatsApp staat dan geen vrij "
    "bericht toe en deze gemeente heeft geen goedgekeurd sjabloon ingesteld. Neem op een andere "
    "manier contact op. / The resident's last message is older than 24 hours; WhatsApp then only allows "
    "an approved template, and none is configured (tenant whatsapp.reopen_template)."
)


def window_is_open(last_inbound_at: datetime | None, now: datetime) -> bool:
    return last_inbound_at is not None and now - last_inbound_at < REPLY_WINDOW


def render_template(text: str, to: Address, template_name: str, language: str = "nl") -> dict[str, Any]:
    """A message after the 24-hour window: the approved template with one body variable
    ({{1}}) that carries the text."""
    text = text.strip()
    if not text:
        raise InvalidInput("The message is empty.")
    # Template parameters may hold no newlines, tabs or runs of spaces.
    parameter = shorten(re.sub(r"\s+", " ", text), TEMPLATE_PARAMETER_LIMIT)
    template = {
        "name": template_name,
        "language": {"code": language},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": parameter}]}],
    }
    return addressed({"type": "template", "template": template}, to)


class WhatsAppWindow:
    """`core.ports.StaffWindow` of WhatsApp: ordinary messages inside 24 hours; after
    that only the tenant's approved template (`whatsapp.reopen_template`), else 409."""

    def __init__(self, settings_for: Callable[[str], WhatsAppSettings]) -> None:
        self.settings_for = settings_for

    def mode(self, tenant: str, last_inbound_at: datetime | None, now: datetime) -> str:
        if window_is_open(last_inbound_at, now):
            return "text"
        if not self.settings_for(tenant).reopen_template:
            raise WhatsAppWindowClosed(_WINDOW_CLOSED)
        return "template"

    def payloads(self, tenant: str, messages: list[ReplyMessage], to: Address, mode: str,
                 language: str) -> list[dict[str, Any]]:
        if mode == "text":
            payloads = [addressed(payload, to) for message in messages for payload in render_message(message, language)]
            if not payloads:
                raise InvalidInput("The message is empty.")
            return payloads
        text = "\n\n".join(body_with_links(message) for message in messages)
        return [render_template(text, to, self.settings_for(tenant).reopen_template or "", language)]

    def reachable_until(self, tenant: str, last_inbound_at: datetime) -> datetime | None:
        # With an approved template a member of staff can always write; without, 24 hours.
        return None if self.settings_for(tenant).reopen_template else last_inbound_at + REPLY_WINDOW

    def refused(self, error: Exception) -> Exception:
        code = getattr(error, "code", None)
        if isinstance(error, DeliveryRefused) and code == OUTSIDE_WINDOW_CODE:
            return WhatsAppWindowClosed(_WINDOW_CLOSED)
        return ServiceUnavailable(f"WhatsApp refused the message (code {code}).")


def unreachable() -> WhatsAppWindowClosed:
    """Erased, expired, or the resident never wrote on WhatsApp: nothing to send to."""
    return WhatsAppWindowClosed("Dit WhatsApp-gesprek is niet meer bereikbaar. / "
                                "This WhatsApp conversation can no longer be reached.")

"""WhatsApp Business (Cloud API) <-> Balie's channel-free models.

Inbound: Meta's webhook body -> `WhatsAppInbound` items (one per resident
message meant for the engine) and `StatusEvent` items (sent/delivered/read/
failed receipts of our own messages). Outbound: a `Reply` -> Graph API
`/messages` payloads that never exceed WhatsApp's limits.

Parsing and rendering are pure. The three use cases, `WebhookIntake` (the
webhook), `ReplyDelivery` (the worker) and `StaffReplySender` (staff replies),
do I/O only through ports injected by handlers/whatsapp_services.py, so the
same code serves Lambda, the local stack and the unit tests.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict

from core.errors import ClientMessageIdReused, InvalidInput, RateLimited, ServiceUnavailable, WhatsAppWindowClosed
from core.kb.models import WhatsAppSettings
from core.models import Button, Channel, Conversation, InboundKind, InboundMessage, Reply, ReplyMessage, Role
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
# Meta retries a delivery for up to 7 days; anything older is a replay (a signed body
# captured once stays validly signed forever), never a resident waiting for an answer.
MAX_MESSAGE_AGE = timedelta(days=7)
# Meta's ids (wamid, wa_id, BSUID, phone_number_id) are short printable ASCII.
_META_ID = re.compile(r"^[\x21-\x7e]{1,256}$")

ELLIPSIS = "\u2026"
SIGNATURE_PREFIX = "sha256="
MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker"})
# Not a resident's question: reactions, edits and deletions of earlier messages,
# and system notices (number or identity changed). Acknowledged, never answered.
IGNORED_TYPES = frozenset({"reaction", "edit", "revoke", "system", "request_welcome"})

SenderKind = Literal["wa_id", "user_id"]

_log = logging.getLogger(__name__)


class _Frozen(BaseModel):
    # defer_build: a model's validator is built when first used, so a Lambda handler
    # builds only the models its invocation needs (cold start), not all at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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


class QueuedInbound(_Frozen):
    """The body of one record on the WhatsApp inbound FIFO queue."""

    tenant: str
    conversation_id: str
    inbound: WhatsAppInbound


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
    # core.ids accepts `<tenant>.<hex>` as a channel-made conversation id.
    return f"{tenant}.{digest[:32]}"  # 128 bits


# --------------------------------------------------------------------------- inbound


def parse_webhook(body: Any, *, now: datetime | None = None) -> ParsedWebhook:
    """Walks every entry and every change (Meta batches them). Unknown shapes, and any
    one message or receipt that cannot be read, are recorded as ignored, never raised:
    Meta would retry a failed delivery for days, and the rest of the body must go on.
    With `now`, messages written more than MAX_MESSAGE_AGE before it are ignored."""
    parsed = ParsedWebhook()
    if not isinstance(body, dict) or body.get("object") != "whatsapp_business_account":
        parsed.ignored.append(("", "not a WhatsApp Business body"))
        return parsed
    for entry in _dicts(body.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value") if isinstance(change.get("value"), dict) else {}
            metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
            phone_number_id = _meta_id(metadata.get("phone_number_id")) or ""
            if change.get("field") != "messages":
                parsed.ignored.append((phone_number_id, f"field {change.get('field')}"))
                continue
            contacts = list(_dicts(value.get("contacts")))
            for message in _dicts(value.get("messages")):
                try:
                    inbound = _parse_message(phone_number_id, message, contacts)
                except Exception:  # noqa: BLE001 - one unreadable message must not cost the others
                    _log.warning("whatsapp message unreadable", exc_info=True)
                    inbound = "unreadable message"
                if isinstance(inbound, WhatsAppInbound) and now is not None and inbound.timestamp \
                        and datetime.fromtimestamp(inbound.timestamp, tz=now.tzinfo) < now - MAX_MESSAGE_AGE:
                    inbound = "message older than 7 days"
                if isinstance(inbound, WhatsAppInbound):
                    parsed.messages.append(inbound)
                else:
                    parsed.ignored.append((phone_number_id, inbound))
            for status in _dicts(value.get("statuses")):
                try:
                    event = _parse_status(phone_number_id, status)
                except Exception:  # noqa: BLE001 - as for messages
                    _log.warning("whatsapp status unreadable", exc_info=True)
                    event = None
                if event is not None:
                    parsed.statuses.append(event)
                else:
                    parsed.ignored.append((phone_number_id, "unreadable status"))
            for error in _dicts(value.get("errors")):
                parsed.ignored.append((phone_number_id, f"webhook error {error.get('code')}"))
    return parsed


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))


def _meta_id(value: Any) -> str | None:
    """One of Meta's ids as text, or None when it is missing or not an id at all
    (a number is accepted: some senders write phone_number_id as one)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value)
    return text if _META_ID.match(text) else None


def _sender(message: dict[str, Any], contacts: list[dict[str, Any]]) -> WhatsAppAddress | None:
    # The phone-number id wins when present (Meta recommends replying to it so
    # webhooks keep carrying it); a BSUID-only resident is answered by user id.
    if _meta_id(message.get("from")):
        return WhatsAppAddress(id=_meta_id(message["from"]), kind="wa_id")
    for contact in contacts:
        if _meta_id(contact.get("wa_id")):
            return WhatsAppAddress(id=_meta_id(contact["wa_id"]), kind="wa_id")
    if _meta_id(message.get("from_user_id")):
        return WhatsAppAddress(id=_meta_id(message["from_user_id"]), kind="user_id")
    for contact in contacts:
        if _meta_id(contact.get("user_id")):
            return WhatsAppAddress(id=_meta_id(contact["user_id"]), kind="user_id")
    return None


def _parse_message(
    phone_number_id: str, message: dict[str, Any], contacts: list[dict[str, Any]]
) -> WhatsAppInbound | str:
    """The inbound message, or the reason it is ignored."""
    message_type = clean_text(str(message.get("type") or "unknown"))[:40]
    if message_type in IGNORED_TYPES:
        return f"type {message_type}"
    wamid = _meta_id(message.get("id"))
    sender = _sender(message, contacts)
    if not wamid or sender is None:
        return "message without id or sender"
    kind, text, payload = _content(message_type, message)
    return WhatsAppInbound(
        phone_number_id=phone_number_id,
        wamid=wamid,
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


def _text(value: Any) -> str:
    return clean_text(value if isinstance(value, str) else "" if value is None else str(value))


def _text_or_none(value: Any) -> str | None:
    return None if value is None else _text(value) or None


def _parse_status(phone_number_id: str, status: dict[str, Any]) -> StatusEvent | None:
    if not _meta_id(status.get("id")) or not _meta_id(status.get("status")):
        return None
    errors = list(_dicts(status.get("errors")))
    return StatusEvent(
        phone_number_id=phone_number_id,
        wamid=str(status["id"]),
        status=str(status["status"]),
        timestamp=_timestamp(status.get("timestamp")),
        error_codes=tuple(int(error["code"]) for error in errors if str(error.get("code", "")).lstrip("-").isdigit()),
        error_titles=tuple(_text(error.get("title"))[:200] for error in errors),
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


def _distinct_choices(buttons: list[Button]) -> list[Button]:
    """Meta refuses a message whose button or row ids repeat; two buttons with the
    same payload are the same choice, so the first one stays."""
    seen: set[str] = set()
    distinct = []
    for button in buttons:
        key = button.payload[:LIST_ROW_ID_LIMIT]
        if key not in seen:
            seen.add(key)
            distinct.append(button)
    return distinct


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
    choices = _distinct_choices(message.buttons)
    if len(choices) <= MAX_REPLY_BUTTONS:
        titles = _unique_titles([button.title for button in choices], BUTTON_TITLE_LIMIT)
        buttons = [
            {"type": "reply", "reply": {"id": button.payload[:BUTTON_ID_LIMIT], "title": title}}
            for button, title in zip(choices, titles)
        ]
        payloads.append({"type": "interactive", "interactive": {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}}})
        return payloads
    chosen = choices[:MAX_LIST_ROWS]
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


# A turn on WhatsApp is at most this many messages (a phone buzzes for each one).
MAX_MESSAGES_PER_TURN = 2


def render_reply(reply: Reply, to: WhatsAppAddress) -> list[dict[str, Any]]:
    """The engine's reply as the ordered list of Graph API request bodies: at most
    two. When the reply's messages need more, everything is said in one text and
    the choices of its last message with buttons follow (earlier buttons, such as
    the greeting's "talk to a person", go: the resident can type them)."""
    payloads = [payload for message in reply.messages for payload in render_message(message, reply.language)]
    if len(payloads) > MAX_MESSAGES_PER_TURN:
        payloads = _folded(reply.messages, reply.language)
    return [addressed(payload, to) for payload in payloads]


def _folded(messages: list[ReplyMessage], language: str) -> list[dict[str, Any]]:
    with_buttons = [index for index, message in enumerate(messages) if message.buttons]
    choice = messages[with_buttons[-1]] if with_buttons else None
    said = [body_with_links(message) for message in messages if message is not choice]
    prompt = body_with_links(choice) if choice is not None else ""
    if len(prompt) > INTERACTIVE_BODY_LIMIT:
        said.append(prompt)
        prompt = _CHOOSE.get(language, _CHOOSE["nl"])
    payloads = [_text_payload(part) for part in split_text("\n\n".join(text for text in said if text))]
    if choice is not None:
        payloads += render_message(ReplyMessage(text=prompt, buttons=choice.buttons), language)
    return payloads


# --------------------------------------------------------------------------- 24-hour window and staff replies


_WINDOW_CLOSED = (
    "De inwoner stuurde meer dan 24 uur geleden het laatste bericht. WhatsApp staat dan geen vrij "
    "bericht toe en deze gemeente heeft geen goedgekeurd sjabloon ingesteld. Neem op een andere "
    "manier contact op. / The resident's last message is older than 24 hours; WhatsApp then only allows "
    "an approved template, and none is configured (tenant whatsapp.reopen_template)."
)


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
        raise WhatsAppWindowClosed(_WINDOW_CLOSED)
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
        """Sends one message; returns its wamid. Raises `DeliveryRefused` (for
        good) or `core.errors.ServiceUnavailable` (for now)."""


class WhatsAppContact(_Frozen):
    address: WhatsAppAddress
    phone_number_id: str
    last_inbound_at: datetime


# Meta's code for "more than 24 hours since the resident's last message".
OUTSIDE_WINDOW_CODE = 131047


class StaffReplySender:
    """Delivers messages outside a resident's own turn on WhatsApp (a staff reply,
    a handover notice): implements `core.ports.OutboundSender` for WhatsApp
    conversations. The staff API calls `check` before accepting a reply and
    `send` to deliver it."""

    def __init__(
        self,
        contacts: ContactBook,
        graph: GraphSender,
        settings_for: Callable[[str], WhatsAppSettings],
        clock: Callable[[], datetime],
    ) -> None:
        self.contacts = contacts
        self.graph = graph
        self.settings_for = settings_for
        self.clock = clock

    def check(self, conversation: Conversation) -> Literal["text", "template"]:
        """How a reply would go now; raises `WhatsAppWindowClosed` when it cannot."""
        contact = self._contact(conversation)
        if window_is_open(self._last_inbound(conversation, contact), self.clock()):
            return "text"
        if not self.settings_for(conversation.tenant).reopen_template:
            raise WhatsAppWindowClosed(_WINDOW_CLOSED)
        return "template"

    def send(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        contact = self._contact(conversation)
        last_inbound = self._last_inbound(conversation, contact)
        now = self.clock()
        if window_is_open(last_inbound, now):
            payloads = [
                addressed(payload, contact.address)
                for message in messages for payload in render_message(message, conversation.language)
            ]
        else:
            text = "\n\n".join(body_with_links(message) for message in messages)
            payloads = render_staff_reply(
                text, contact.address, last_inbound_at=last_inbound,
                settings=self.settings_for(conversation.tenant), now=now, language=conversation.language,
            )
        for payload in payloads:
            try:
                self.graph.send(contact.phone_number_id, payload)
            except DeliveryRefused as refused:
                if refused.code == OUTSIDE_WINDOW_CODE:
                    raise WhatsAppWindowClosed(_WINDOW_CLOSED) from refused
                raise ServiceUnavailable(f"WhatsApp refused the message (code {refused.code}).") from refused

    @staticmethod
    def _last_inbound(conversation: Conversation, contact: WhatsAppContact) -> datetime:
        resident_times = [entry.at for entry in conversation.transcript if entry.role == Role.RESIDENT]
        return max([contact.last_inbound_at, *resident_times])

    def _contact(self, conversation: Conversation) -> WhatsAppContact:
        contact = self.contacts.contact(conversation.tenant, conversation.id)
        if contact is None:
            # Erased, expired, or not a WhatsApp conversation: nothing to send to.
            raise WhatsAppWindowClosed(
                "Dit WhatsApp-gesprek is niet meer bereikbaar. / This WhatsApp conversation can no longer be reached."
            )
        return contact


# --------------------------------------------------------------------------- media and unsupported messages

TEXT_ONLY_NOTICE = (
    "Ik kan alleen tekst lezen. Foto's, spraakberichten, video's, documenten en stickers kan ik niet "
    "openen. Typ uw vraag in een kort bericht.\n\n"
    "I can only read text. I cannot open photos, voice messages, videos, documents or stickers. "
    "Please type your question in a short message."
)
UNSUPPORTED_NOTICE = (
    "Dit soort bericht kan ik niet lezen. Typ uw vraag in een kort bericht.\n\n"
    "I cannot read this kind of message. Please type your question in a short message."
)


RATE_LIMIT_NOTICE = (
    "U stuurt veel berichten kort na elkaar. Wacht een minuut en stuur dan uw vraag opnieuw.\n\n"
    "You are sending many messages in a short time. Please wait a minute and send your question again."
)
TOO_LONG_NOTICE = (
    "Uw bericht is te lang voor mij. Stel uw vraag in een korter bericht, van hoogstens {limit} tekens.\n\n"
    "Your message is too long for me. Please ask your question in a shorter message of at most {limit} characters."
)
# What the engine accepts from any channel (core.dialogue.engine.validate_text); WhatsApp allows 4096.
ENGINE_TEXT_LIMIT = 1000


def notice_for(inbound: WhatsAppInbound) -> str | None:
    """The channel's own answer to what the engine cannot read; None for text,
    buttons and locations, which go to the engine."""
    if inbound.kind == InboundKind.MEDIA:
        return TEXT_ONLY_NOTICE
    if inbound.kind == InboundKind.UNSUPPORTED:
        return UNSUPPORTED_NOTICE
    if len(inbound.text) > ENGINE_TEXT_LIMIT:
        return TOO_LONG_NOTICE.format(limit=ENGINE_TEXT_LIMIT)
    return None


# --------------------------------------------------------------------------- intake (webhook) and delivery (worker)


class DeliveryRefused(Exception):
    """Meta refused a message for good (e.g. 131047, outside the 24-hour window).
    Raised by the Graph adapter; recorded, never retried."""

    def __init__(self, message: str, *, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class SeenDeliveries(Protocol):
    def mark_seen(self, deliveries: list[tuple[str, str]]) -> set[str]:
        """Records (wamid, tenant) pairs not seen before; returns their wamids (the
        others are Meta's repeats). All or nothing per call: raises ServiceUnavailable."""

    def forget_seen(self, wamids: list[str]) -> None: ...


class InboundQueue(Protocol):
    def send(self, items: list[QueuedInbound]) -> list[QueuedInbound]:
        """Queues the items in order (in batches); returns the ones that were not queued."""


class StatusRecorder(Protocol):
    def record_statuses(self, tenant: str, events: list[StatusEvent]) -> int: ...


@dataclass
class IntakeResult:
    queued: int = 0
    duplicates: int = 0
    statuses: int = 0
    ignored: int = 0
    failed: dict[str, int] = field(default_factory=dict)  # "failed" receipts per tenant (metrics)


class WebhookIntake:
    """What the webhook does with a verified body: fast, no engine, no Graph API.

    A body may carry a thousand messages (Meta batches them): they are deduplicated and
    queued in batches (a transaction of 100 SEEN puts, SendMessageBatch of 10), so the
    webhook answers within its timeout. A message that cannot be read, is older than
    7 days or is for another business is ignored on its own; the rest goes on. When a
    batch cannot be queued, its messages are forgotten as seen and the webhook fails,
    so Meta's retry takes exactly those (the queued ones are repeats by then)."""

    def __init__(
        self,
        *,
        tenant_for: Callable[[str], str | None],
        app_secret: Callable[[], str],
        seen: SeenDeliveries,
        queue: InboundQueue,
        statuses: StatusRecorder,
        clock: Callable[[], datetime],
    ) -> None:
        self.tenant_for = tenant_for
        self.app_secret = app_secret
        self.seen = seen
        self.queue = queue
        self.statuses = statuses
        self.clock = clock

    def accept(self, body: Any) -> IntakeResult:
        parsed = parse_webhook(body, now=self.clock())
        result = IntakeResult(ignored=len(parsed.ignored))
        tenants: dict[str, str | None] = {}

        def tenant(phone_number_id: str) -> str | None:
            if phone_number_id not in tenants:
                tenants[phone_number_id] = self.tenant_for(phone_number_id) if phone_number_id else None
            return tenants[phone_number_id]

        items: dict[str, QueuedInbound] = {}  # by wamid: Meta may repeat a message within one body
        for inbound in parsed.messages:
            slug = tenant(inbound.phone_number_id)
            if slug is None:
                result.ignored += 1  # another business's number: not for Balie
            elif inbound.wamid in items:
                result.duplicates += 1
            else:
                conversation_id = conversation_id_for(slug, inbound.sender, self.app_secret())
                items[inbound.wamid] = QueuedInbound(tenant=slug, conversation_id=conversation_id, inbound=inbound)
        if items:
            fresh = self.seen.mark_seen([(wamid, item.tenant) for wamid, item in items.items()])
            result.duplicates += len(items) - len(fresh)
            try:
                not_queued = self.queue.send([item for wamid, item in items.items() if wamid in fresh])
            except Exception:
                self.seen.forget_seen(sorted(fresh))
                raise
            if not_queued:
                # Not queued: forget them, so Meta's retry of this delivery takes them.
                self.seen.forget_seen([item.inbound.wamid for item in not_queued])
                raise ServiceUnavailable(f"{len(not_queued)} WhatsApp messages could not be queued.")
            result.queued = len(fresh)
        by_tenant: dict[str, list[StatusEvent]] = {}
        for event in parsed.statuses:
            slug = tenant(event.phone_number_id)
            if slug is None:
                result.ignored += 1
                continue
            by_tenant.setdefault(slug, []).append(event)
        for slug, events in by_tenant.items():
            result.statuses += self.statuses.record_statuses(slug, events)
            failed = sum(1 for event in events if event.status == "failed")
            if failed:
                result.failed[slug] = failed
        return result


class DeliveryLog(Protocol):
    def sent_parts(self, wamid: str) -> set[int]: ...

    def claim_limit_notice(self, tenant: str, conversation_id: str, now: datetime) -> bool:
        """True when the resident has not been told about the rate limit within the last
        minute (and records that they are told now)."""

    def mark_sent(self, wamid: str, part: int) -> None: ...

    def record_send_failure(self, tenant: str, inbound_wamid: str, code: int | None, title: str) -> None: ...

    def remember_contact(self, tenant: str, conversation_id: str, address: WhatsAppAddress,
                         phone_number_id: str, last_inbound_at: datetime, retention_days: int) -> None: ...


@dataclass
class DeliveryResult:
    payloads: int = 0
    rate_limited: bool = False  # the message was dropped: too many from this resident
    sent: int = 0
    skipped: int = 0  # sent by an earlier attempt of the same record
    refused_code: int | None = None


class ReplyDelivery:
    """What the worker does with one queued message: the engine's reply (or the
    channel's notice) sent to the resident exactly once per payload.

    Idempotent across redeliveries: the engine answers a repeated
    clientMessageId (= wamid) from its stored reply, and `sentParts` on the
    SEEN item says which payloads already went out."""

    def __init__(
        self,
        *,
        respond: Callable[[InboundMessage], Reply],
        graph: GraphSender,
        log: DeliveryLog,
        clock: Callable[[], datetime],
        retention_days: Callable[[str], int] = lambda tenant: 30,
    ) -> None:
        self.respond = respond
        self.graph = graph
        self.log = log
        self.clock = clock
        self.retention_days = retention_days

    def deliver(self, item: QueuedInbound) -> DeliveryResult:
        inbound = item.inbound
        self.log.remember_contact(
            item.tenant, item.conversation_id, inbound.sender, inbound.phone_number_id,
            self._received_at(inbound), self.retention_days(item.tenant),
        )
        notice = notice_for(inbound)
        if notice is not None:
            payloads = [addressed(payload, inbound.sender) for payload in render_message(ReplyMessage(text=notice))]
        else:
            try:
                reply = self.respond(inbound.to_message(item.tenant, item.conversation_id))
                payloads = render_reply(reply, inbound.sender)
            except ClientMessageIdReused:
                # A wamid Meta already delivered, now with other content: never a resident's
                # retry. Dropped for good (retrying cannot help), and logged.
                _log.warning("whatsapp message id reused with other content", extra={"tenant": item.tenant})
                return DeliveryResult()
            except RateLimited:
                # Over the limit: the message is dropped (a retry would only wait in the queue
                # and end in the DLQ). The resident hears so once per window, not per message.
                notice = RATE_LIMIT_NOTICE
                told = self.log.claim_limit_notice(item.tenant, item.conversation_id, self.clock())
                payloads = [addressed(payload, inbound.sender)
                            for payload in render_message(ReplyMessage(text=notice))] if told else []
        result = DeliveryResult(payloads=len(payloads), rate_limited=notice == RATE_LIMIT_NOTICE)
        done = self.log.sent_parts(inbound.wamid) if payloads else set()
        for part, payload in enumerate(payloads):
            if part in done:
                result.skipped += 1
                continue
            try:
                self.graph.send(inbound.phone_number_id, payload)
            except DeliveryRefused as refused:
                # The remaining parts would be refused alike (same window, same number).
                self.log.record_send_failure(item.tenant, inbound.wamid, refused.code, str(refused))
                _log.warning("whatsapp reply refused", extra={"code": refused.code, "tenant": item.tenant})
                result.refused_code = refused.code
                return result
            self.log.mark_sent(inbound.wamid, part)
            result.sent += 1
        return result

    def _received_at(self, inbound: WhatsAppInbound) -> datetime:
        # Meta's timestamp is when the resident wrote; the window counts from there.
        now = self.clock()
        if inbound.timestamp:
            written = datetime.fromtimestamp(inbound.timestamp, tz=now.tzinfo)
            return min(written, now)
        return now

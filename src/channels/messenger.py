"""Facebook Messenger and Instagram Direct (Meta's Messenger Platform) <-> Balie's
channel-free models.

Inbound: Meta's webhook body (`object` `page` or `instagram`; Chatwoot-style bodies
without `object` and with ISO times too) -> `core.messaging.events` (a resident's
message, an edit, an unsend, an echo of what the business sent, a change of thread
control). Outbound: a `Reply` -> Send API bodies within Messenger's and Instagram's
limits; the messaging window for messages outside a resident's turn (24 hours; up to
7 days with the HUMAN_AGENT tag where Balie's Meta app has that permission).

Parsing and rendering are pure; the signature check and the handshake are Meta's, the
same as WhatsApp's (`channels.meta`).
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from channels.meta import dicts, meta_id
from channels.text_parts import body_with_links, distinct_choices, folded, split_text, unique_titles, utf8_size
from core.dialogue.context import is_payload
from core.dialogue.texts import say
from core.errors import DeliveryRefused, InvalidInput, MessengerWindowClosed, ServiceUnavailable
from core.messaging.events import (
    Address,
    BusinessMessage,
    Event,
    MessageEdited,
    MessageUnsent,
    ResidentMessage,
    ThreadControl,
    conversation_id_for,
)
from core.messaging.intake import ParsedWebhook
from core.models import Button, Channel, InboundKind, Reply, ReplyMessage
from core.text_input import clean_text


# ---- Meta's limits (Send API) ------------------------------------------------------------------------
MESSENGER_TEXT_LIMIT = 2000  # characters
INSTAGRAM_TEXT_LIMIT = 1000  # UTF-8 bytes
MAX_QUICK_REPLIES = 13
QUICK_REPLY_TITLE_LIMIT = 20
PAYLOAD_LIMIT = 1000
BUTTON_TEMPLATE_TEXT_LIMIT = 640
MAX_TEMPLATE_BUTTONS = 3
BUTTON_TITLE_LIMIT = 20

# Meta's messaging windows: a free answer within 24 hours of the resident's last message;
# a person may answer up to 7 days after it with the HUMAN_AGENT tag (an app permission).
STANDARD_WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)

# The app id of Meta's own Page inbox (Business Suite): its echoes are a person writing.
PAGE_INBOX_APP_ID = "263902037430900"
# Balie's own messages carry this metadata; Meta echoes it back (Messenger).
OWN_MESSAGE_MARKER = "balie"

# Attachments Balie cannot read: the engine answers with its text-only notice.
MEDIA_ATTACHMENTS = frozenset({"image", "audio", "video", "file", "animated_image", "sticker"})

# Meta's refusals that mean "not now, not to this person": outside the messaging window
# (10, with subcodes 2018278, 2018065 or Instagram's 2534022; also the HUMAN_AGENT tag
# without the permission) and "this person isn't available right now" (551).
WINDOW_CODES = frozenset({10, 551})


# ---- inbound ----------------------------------------------------------------------------------------


def parse_webhook(body: Any) -> ParsedWebhook:
    """Every entry and every event (Meta batches them). Unknown shapes, and any one event
    that cannot be read, are recorded as ignored, never raised: Meta would retry a failed
    delivery for days, and the rest of the body must go on. `standby` events (another
    app, e.g. the Page inbox, owns the thread) are never answered."""
    parsed = ParsedWebhook()
    if not isinstance(body, dict) or body.get("object") not in ("page", "instagram", None):
        parsed.ignored.append(("", "not a Messenger or Instagram body"))
        return parsed
    # The body's object is a hint; the intake finds the channel by the account id.
    channel = Channel.INSTAGRAM if body.get("object") == "instagram" else Channel.MESSENGER
    for entry in dicts(body.get("entry")):
        account_id = meta_id(entry.get("id"))
        if account_id is None:
            parsed.ignored.append(("", "entry without an account id"))
            continue
        for event in dicts(entry.get("messaging")):
            parsed.take(account_id, lambda: _parse_event(channel, account_id, event, entry.get("time")),
                        "messenger event")
        parsed.ignored.extend((account_id, "standby") for _ in dicts(entry.get("standby")))
        parsed.ignored.extend((account_id, f"field {change.get('field')}") for change in dicts(entry.get("changes")))
    return parsed


def _timestamp(value: Any) -> int:
    """Epoch seconds from Meta's milliseconds, or from an ISO time; 0 when unreadable."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value // 1000 if value > 10**11 else value  # milliseconds, or already seconds
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= 15:
            return _timestamp(int(text))
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return 0
        return int(moment.timestamp()) if moment.tzinfo is not None else 0
    return 0


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _party(value: Any) -> Address | None:
    if not isinstance(value, dict):
        return None
    if meta_id(value.get("id")):
        return Address(id=meta_id(value["id"]), kind="id")  # type: ignore[arg-type]
    if meta_id(value.get("user_ref")):
        # A guest of the website's chat plugin: answered by user_ref, no profile.
        return Address(id=meta_id(value["user_ref"]), kind="user_ref")  # type: ignore[arg-type]
    return None


def _synthetic_id(kind: str, account_id: str, resident: Address, raw_time: Any, extra: str = "") -> str:
    """An id for an event Meta gives none (a postback without mid, thread control)."""
    digest = hashlib.sha256(f"{kind}\x1f{account_id}\x1f{resident.kind}\x1f{resident.id}\x1f{raw_time}\x1f{extra}"
                            .encode("utf-8")).hexdigest()[:32]
    return f"{kind}.{digest}"


def _parse_event(channel: Channel, account_id: str, event: dict[str, Any], entry_time: Any) -> Event | str:
    """The event, or why it is ignored."""
    sender, recipient = _party(event.get("sender")), _party(event.get("recipient"))
    raw_time = event.get("timestamp") if event.get("timestamp") is not None else entry_time
    common = {"channel": channel, "account_id": account_id, "timestamp": _timestamp(raw_time)}
    message = event.get("message")
    if isinstance(message, dict) and message.get("is_echo"):
        # Sent by the business: the resident is the other party.
        resident = recipient if recipient is not None and recipient.id != account_id else sender
        mid = meta_id(message.get("mid"))
        if resident is None or mid is None:
            return "echo without id or recipient"
        return BusinessMessage(**common, event_id=mid, sender=resident, text=_echo_text(message),
                               app_id=meta_id(message.get("app_id")),
                               marked=message.get("metadata") == OWN_MESSAGE_MARKER)
    if sender is None:
        return "event without sender"  # e.g. a checkbox plugin opt-in (user_ref only): never answered
    if isinstance(message, dict):
        return _parse_message(common, sender, message)
    if isinstance(event.get("postback"), dict):
        return _parse_postback(common, sender, event["postback"], raw_time)
    if isinstance(event.get("message_edit"), dict):
        edit = event["message_edit"]
        mid = meta_id(edit.get("mid"))
        if mid is None:
            return "edit without mid"
        # Each edit is its own event (Meta counts them; some senders write the count as text).
        number = str(edit.get("num_edit")) if str(edit.get("num_edit")).isdigit() else _text(edit.get("text"))[:40]
        return MessageEdited(**common, event_id=f"{mid}#edit{number}", sender=sender, message_id=mid,
                             text=_text(edit.get("text")))
    for key, change, owner in (("pass_thread_control", "passed", "new_owner_app_id"),
                               ("take_thread_control", "taken", "previous_owner_app_id"),
                               ("request_thread_control", "requested", "requested_owner_app_id")):
        if isinstance(event.get(key), dict):
            app_id = meta_id(event[key].get(owner))
            return ThreadControl(**common, event_id=_synthetic_id(key, account_id, sender, raw_time, app_id or ""),
                                 sender=sender, change=change, app_id=app_id)
    for key in ("delivery", "read", "reaction", "optin", "referral", "account_linking", "policy_enforcement",
                "app_roles", "game_play", "messaging_feedback"):
        if key in event:
            return key  # receipts carry no failures; reactions and referrals ask nothing
    kinds = sorted(key for key in event if key not in ("sender", "recipient", "timestamp"))
    return f"event {clean_text(','.join(kinds))[:80]}"


def _parse_message(common: dict[str, Any], sender: Address, message: dict[str, Any]) -> Event | str:
    mid = meta_id(message.get("mid"))
    if mid is None:
        return "message without mid"
    if message.get("is_deleted"):
        return MessageUnsent(**common, event_id=f"{mid}#unsend", sender=sender, message_id=mid)
    text = _text(message.get("text"))
    quick_reply = message.get("quick_reply") if isinstance(message.get("quick_reply"), dict) else {}
    payload = _text(quick_reply.get("payload")).strip()
    if payload and is_payload(payload):
        return ResidentMessage(**common, event_id=mid, sender=sender, kind=InboundKind.BUTTON, text=text,
                               payload=payload, message_type="quick_reply")
    if text.strip():
        # Text wins over what comes with it (a link preview, a story it replies to).
        return ResidentMessage(**common, event_id=mid, sender=sender, text=text,
                               message_type="quick_reply" if quick_reply else "text")
    attachments = list(dicts(message.get("attachments")))
    if message.get("is_unsupported") or not attachments and "sticker_id" not in message:
        return ResidentMessage(**common, event_id=mid, sender=sender, kind=InboundKind.UNSUPPORTED,
                               message_type="unsupported")
    types = [clean_text(str(attachment.get("type") or "unknown"))[:40] for attachment in attachments] or ["sticker"]
    if types == ["location"]:
        location = attachments[0]
        return ResidentMessage(**common, event_id=mid, sender=sender, kind=InboundKind.LOCATION,
                               text=_text(location.get("title")), payload=_coordinates(location),
                               message_type="location")
    media = "sticker_id" in message or all(kind in MEDIA_ATTACHMENTS for kind in types)
    # Shares, story mentions, reels and unknown types are unsupported: the same notice.
    return ResidentMessage(**common, event_id=mid, sender=sender,
                           kind=InboundKind.MEDIA if media else InboundKind.UNSUPPORTED,
                           message_type="sticker" if "sticker_id" in message else types[0])


def _coordinates(location: dict[str, Any]) -> str | None:
    payload = location.get("payload") if isinstance(location.get("payload"), dict) else {}
    coordinates = payload.get("coordinates") if isinstance(payload.get("coordinates"), dict) else {}
    latitude, longitude = coordinates.get("lat"), coordinates.get("long")
    if isinstance(latitude, (int, float)) and isinstance(longitude, (int, float)) \
            and not isinstance(latitude, bool) and not isinstance(longitude, bool):
        return f"{float(latitude)},{float(longitude)}"
    return None


def _parse_postback(common: dict[str, Any], sender: Address, postback: dict[str, Any], raw_time: Any) -> Event:
    payload = _text(postback.get("payload")).strip()
    title = _text(postback.get("title")).strip()
    mid = meta_id(postback.get("mid")) or _synthetic_id("postback", common["account_id"], sender, raw_time, payload)
    if payload and is_payload(payload):
        return ResidentMessage(**common, event_id=mid, sender=sender, kind=InboundKind.BUTTON, text=title,
                               payload=payload, message_type="postback")
    # A button Balie did not make (the Page's "Get started", a persistent menu): its words.
    return ResidentMessage(**common, event_id=mid, sender=sender, text=title or payload[:PAYLOAD_LIMIT],
                           message_type="postback")


def _echo_text(message: dict[str, Any]) -> str:
    text = _text(message.get("text"))
    if text.strip():
        return text
    titles = [_text(attachment.get("title")) for attachment in dicts(message.get("attachments"))]
    return " ".join(title for title in titles if title.strip())


def conversation_id(tenant: str, event: Event, app_secret: str) -> str:
    """One conversation per (tenant, channel, resident); the channel is part of the id,
    so a Page-scoped and an Instagram-scoped id can never meet."""
    return conversation_id_for(tenant, Address(id=event.sender.id, kind=f"{event.channel.value}:{event.sender.kind}"),
                               app_secret)


# ---- outbound: a reply as Send API bodies ---------------------------------------------------------------


def recipient(to: Address) -> dict[str, str]:
    return {"user_ref": to.id} if to.kind == "user_ref" else {"id": to.id}


def _text_message(text: str) -> dict[str, Any]:
    return {"text": text}


def _text_limit(channel: Channel) -> tuple[int, Any]:
    return (INSTAGRAM_TEXT_LIMIT, utf8_size) if channel == Channel.INSTAGRAM else (MESSENGER_TEXT_LIMIT, len)


def render_message(message: ReplyMessage, channel: Channel, language: str = "nl") -> list[dict[str, Any]]:
    """One reply message -> Send API `message` objects (without recipient and choices).
    On Messenger up to three links whose titles fit a button become the buttons of a
    button template; otherwise links are written into the text with their whole title
    (the apps show URLs as links; Instagram has no button template)."""
    limit, size = _text_limit(channel)
    links = message.links
    if channel == Channel.MESSENGER and 0 < len(links) <= MAX_TEMPLATE_BUTTONS \
            and all(len(link.title) <= BUTTON_TITLE_LIMIT for link in links):
        text = message.text.strip()
        messages = []
        if len(text) > BUTTON_TEMPLATE_TEXT_LIMIT:
            messages = [_text_message(part) for part in split_text(text, limit, size)]
            text = say("more_information", language)
        titles = unique_titles([link.title for link in links], BUTTON_TITLE_LIMIT)
        buttons = [{"type": "web_url", "url": link.url, "title": title} for link, title in zip(links, titles)]
        template = {"template_type": "button", "text": text or say("more_information", language),
                    "buttons": buttons}
        return [*messages, {"attachment": {"type": "template", "payload": template}}]
    body = body_with_links(message)
    return [_text_message(part) for part in split_text(body, limit, size)] if body else []


def quick_replies(buttons: list[Button]) -> list[dict[str, str]]:
    """Choices as quick replies: at most 13, titles of at most 20 characters, one per payload."""
    chosen = distinct_choices(buttons, PAYLOAD_LIMIT)[:MAX_QUICK_REPLIES]
    titles = unique_titles([button.title for button in chosen], QUICK_REPLY_TITLE_LIMIT)
    return [{"content_type": "text", "title": title, "payload": button.payload[:PAYLOAD_LIMIT]}
            for button, title in zip(chosen, titles)]


def render_messages(messages: list[ReplyMessage], channel: Channel, to: Address, language: str = "nl", *,
                    tag: str | None = None) -> list[dict[str, Any]]:
    """Reply messages as Send API request bodies, in order. Quick replies show only under
    the newest message, so the choices of the last message that has any go with the last
    body (the greeting's "talk to a person" then goes: the resident can type it)."""
    bodies = [body for message in messages for body in render_message(message, channel, language)]
    with_buttons = [message for message in messages if message.buttons]
    if with_buttons:
        if not bodies:
            bodies = [_text_message(say("choose_prompt", language))]
        bodies[-1] = {**bodies[-1], "quick_replies": quick_replies(with_buttons[-1].buttons)}
    envelope: dict[str, Any] = {"messaging_type": "MESSAGE_TAG", "tag": tag} if tag else {"messaging_type": "RESPONSE"}
    return [{"recipient": recipient(to), **envelope, "message": _marked(body, channel)} for body in bodies]


def _marked(message: dict[str, Any], channel: Channel) -> dict[str, Any]:
    # Messenger echoes `metadata` back, so Balie knows its own messages (Instagram has none).
    return {**message, "metadata": OWN_MESSAGE_MARKER} if channel == Channel.MESSENGER else message


# A turn on Messenger or Instagram is at most this many messages (a phone buzzes for each one).
MAX_MESSAGES_PER_TURN = 2


def render_reply(reply: Reply, channel: Channel, to: Address) -> list[dict[str, Any]]:
    """The engine's reply as Send API request bodies: when its messages need more than two,
    everything is said in one text and the last choices follow (`text_parts.folded`); when
    that text itself needs two messages (a crisis line, the greeting and an answer on
    Instagram's 1,000 bytes), the choices go under its last part as quick replies."""
    bodies = render_messages(reply.messages, channel, to, reply.language)
    if len(bodies) > MAX_MESSAGES_PER_TURN:
        bodies = render_messages(folded(reply.messages), channel, to, reply.language)
    if len(bodies) > MAX_MESSAGES_PER_TURN:
        bodies = render_messages(folded(reply.messages, prompt_limit=0), channel, to, reply.language)
    return bodies


def render_notice(text: str, channel: Channel, to: Address) -> list[dict[str, Any]]:
    return render_messages([ReplyMessage(text=text)], channel, to)


# ---- outside the resident's turn: the messaging window ----------------------------------------------------


def _window_closed(human_agent: bool) -> MessengerWindowClosed:
    if human_agent:
        reason = ("De inwoner stuurde meer dan 7 dagen geleden het laatste bericht. Messenger en Instagram "
                  "staan dan geen bericht meer toe, ook niet van een medewerker. Neem op een andere manier "
                  "contact op. / The resident's last message is older than 7 days; Messenger and Instagram then "
                  "allow no message, not even from a person.")
    else:
        reason = ("De inwoner stuurde meer dan 24 uur geleden het laatste bericht. Messenger en Instagram staan "
                  "dan geen gewoon bericht meer toe, en deze Meta-app heeft geen toestemming voor de HUMAN_AGENT-tag. "
                  "Neem op een andere manier contact op. / The resident's last message is older than 24 hours; "
                  "Messenger and Instagram then only allow the HUMAN_AGENT tag, which this Meta app may not use "
                  "(template parameter MessengerHumanAgent).")
    return MessengerWindowClosed(reason)


def window_mode(last_inbound_at: datetime | None, now: datetime, *, human_agent: bool) -> str:
    """"response" inside 24 hours, "human_agent" up to 7 days where the app may; else 409."""
    if last_inbound_at is not None and now - last_inbound_at < STANDARD_WINDOW:
        return "response"
    if human_agent and last_inbound_at is not None and now - last_inbound_at < HUMAN_AGENT_WINDOW:
        return "human_agent"
    raise _window_closed(human_agent)


class MessengerWindow:
    """`core.ports.StaffWindow` of Messenger and Instagram."""

    def __init__(self, channel: Channel, *, human_agent: bool) -> None:
        self.channel = channel
        self.human_agent = human_agent  # Balie's Meta app has the human_agent permission

    def mode(self, tenant: str, last_inbound_at: datetime | None, now: datetime) -> str:
        return window_mode(last_inbound_at, now, human_agent=self.human_agent)

    def reachable_until(self, tenant: str, last_inbound_at: datetime) -> datetime:
        return last_inbound_at + (HUMAN_AGENT_WINDOW if self.human_agent else STANDARD_WINDOW)

    def payloads(self, tenant: str, messages: list[ReplyMessage], to: Address, mode: str,
                 language: str) -> list[dict[str, Any]]:
        if not any(message.text.strip() or message.links for message in messages):
            raise InvalidInput("The message is empty.")
        return render_messages(messages, self.channel, to, language,
                               tag="HUMAN_AGENT" if mode == "human_agent" else None)

    def refused(self, error: Exception) -> Exception:
        if isinstance(error, DeliveryRefused) and is_window_refusal(error):
            return _window_closed(self.human_agent)
        code = getattr(error, "code", None)
        return ServiceUnavailable(f"{self.channel.display_name} refused the message (code {code}).")


def is_window_refusal(error: DeliveryRefused) -> bool:
    return error.code in WINDOW_CODES


# ---- the channel's way out -------------------------------------------------------------------------------


class MessengerOutput:
    """`core.ports.ChannelOutput` of one channel (Messenger or Instagram): rendering here,
    sending through the Send API client (adapters.graph_api.SendApiClient)."""

    def __init__(self, channel: Channel, send_api: Any) -> None:
        self.channel = channel
        self.send_api = send_api
        # Messenger echoes Balie's `metadata` marker; Instagram's echoes carry none.
        self.echoes_unmarked = channel == Channel.INSTAGRAM

    def reply(self, reply: Reply, to: Address) -> list[dict[str, Any]]:
        return render_reply(reply, self.channel, to)

    def notice(self, text: str, to: Address) -> list[dict[str, Any]]:
        return render_notice(text, self.channel, to)

    def send(self, account_id: str, payload: dict[str, Any]) -> str:
        return self.send_api.send(account_id, payload)


class ThreadHandover:
    """`core.ports.ThreadHandover`: Meta's handover protocol through the Send API client."""

    def __init__(self, send_api: Any) -> None:
        self.send_api = send_api

    def pass_thread(self, account_id: str, to: Address, app_id: str) -> None:
        self.send_api.pass_thread_control(account_id, {"recipient": recipient(to), "target_app_id": app_id})


def unreachable() -> MessengerWindowClosed:
    """Erased, expired, or the resident never wrote on this channel: nothing to send to."""
    return MessengerWindowClosed("Dit gesprek is niet meer bereikbaar via Messenger of Instagram. / "
                                 "This conversation can no longer be reached on Messenger or Instagram.")

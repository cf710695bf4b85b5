"""Two ways to hold a scripted conversation: the engine in memory, and HTTP on the
local stack (POST /v1/chat; WhatsApp, Messenger and Instagram through their signed webhooks,
the queue, the worker and the Graph API / Send API stand-ins). Both read the compiled knowledge base of `make kb`
(src/kb_compiled, what `make run` serves) and the clock from BALIE_NOW.

A module of its own, not conftest.py: every test directory has a conftest.py, and a test
that imports `conftest` by name gets whichever was loaded last when pytest is given more
than one directory."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Protocol

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))  # http_support

from http_support import send  # noqa: E402
from scripted import Observed  # noqa: E402

from balie_local import messenger_cmd  # noqa: E402
from balie_local.stack import LocalStack  # noqa: E402
from adapters.kb_files import FileKnowledge  # noqa: E402
from channels import messenger  # noqa: E402
from channels import whatsapp as wa  # noqa: E402
from channels.meta import sign  # noqa: E402
from core.clock import now  # noqa: E402
from core.dialogue.engine import Engine  # noqa: E402
from core.effects import PortEffectDispatcher  # noqa: E402
from core.messaging.events import Address  # noqa: E402
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue  # noqa: E402
from core.models import Channel, InboundKind, InboundMessage, Reply  # noqa: E402

PHONE_NUMBER_IDS = {"voorbeeld": "1122334455667", "voorbeeld-noord": "100000000000002"}
WORKER = "WhatsAppWorkerFunction"
# The tenants' Facebook Page and Instagram account (tenants/*.yaml, `messenger:`).
META_ACCOUNTS = {("voorbeeld", "messenger"): "12345654332", ("voorbeeld", "instagram"): "17841452691600098",
                 ("voorbeeld-noord", "messenger"): "200000000000002",
                 ("voorbeeld-noord", "instagram"): "17800000000000002"}
META_CHANNELS = {"messenger": Channel.MESSENGER, "instagram": Channel.INSTAGRAM}
META_WORKER = "MessengerWorkerFunction"
# Over a channel's wire the resident sees texts and buttons only: no intent or handover view.
CHANNEL_REPLY = "__channel__"


class Conversation(Protocol):
    def turn(self, text: str | None, payload: str | None, title: str) -> Observed: ...


def sender_for(name: str) -> str:
    """A WhatsApp number of the resident of one scenario run (their own conversation)."""
    return "316" + str(int(hashlib.sha256(name.encode()).hexdigest(), 16))[:8]


def observed_reply(reply: Reply, channel_messages: int | None = None) -> Observed:
    handover = None
    if reply.handover is not None:
        handover = {"status": reply.handover.status, "claimed": reply.handover.claimed, "notice": reply.handover.notice}
    return Observed(
        intent=reply.intent, language=reply.language, texts=[m.text for m in reply.messages],
        payloads=[b.payload for m in reply.messages for b in m.buttons],
        button_counts=[len(m.buttons) for m in reply.messages], handover=handover,
        channel_messages=channel_messages,
    )


class MemoryConversation:
    """The engine itself, on in-memory ports, the clock from BALIE_NOW."""

    def __init__(self, knowledge: FileKnowledge, tenant: str, channel: str, locale: str | None, name: str) -> None:
        self.engine = Engine(InMemoryConversationStore(), knowledge,
                             PortEffectDispatcher(InMemoryTicketQueue(), InMemoryHandoverTimeouts()), now)
        self.tenant, self.locale = tenant, locale
        self.channel = Channel.WHATSAPP if channel == "whatsapp" else META_CHANNELS.get(channel, Channel.WEB)
        # As the channel's worker: staff can write back for 24 hours after the resident's message
        # (on WhatsApp unless the tenant has an approved template to reopen the chat).
        if self.channel == Channel.WHATSAPP:
            self.window = None if knowledge.get(tenant).tenant.whatsapp.reopen_template else wa.REPLY_WINDOW
        else:
            self.window = messenger.STANDARD_WINDOW if self.channel != Channel.WEB else None
        self.sender = sender_for(name)
        on_a_channel = self.channel != Channel.WEB  # the channel names the conversation, not the widget
        self.conversation_id = f"{tenant}.{hashlib.sha256(name.encode()).hexdigest()[:32]}" if on_a_channel else None

    def turn(self, text: str | None, payload: str | None, title: str) -> Observed:
        message = InboundMessage(
            tenant=self.tenant, channel=self.channel,
            kind=InboundKind.BUTTON if payload else InboundKind.TEXT, text=text if text is not None else title,
            payload=payload, conversation_id=self.conversation_id, locale=self.locale,
            channel_contact=self.sender if self.channel != Channel.WEB else None,
            reachable_until=now() + self.window if self.window is not None else None,
        )
        reply = self.engine.handle(message)
        self.conversation_id = reply.conversation_id
        if self.channel == Channel.WHATSAPP:
            count = len(wa.render_reply(reply, Address(id=self.sender, kind="wa_id")))
        elif self.channel in (Channel.MESSENGER, Channel.INSTAGRAM):
            count = len(messenger.render_reply(reply, self.channel, Address(id=self.sender, kind="id")))
        else:
            count = None
        return observed_reply(reply, count)


class HttpConversation:
    """The chat API over loopback HTTP; WhatsApp, Messenger and Instagram through their
    signed webhooks and workers."""

    def __init__(self, stack: LocalStack, tenant: str, channel: str, locale: str | None, name: str) -> None:
        self.stack, self.tenant, self.locale, self.channel = stack, tenant, locale, channel
        self.sender = sender_for(name)
        self.conversation_id: str | None = None
        self.sent = 0

    def turn(self, text: str | None, payload: str | None, title: str) -> Observed:
        if self.channel == "whatsapp":
            return self._whatsapp(text, payload, title)
        if self.channel in META_CHANNELS:
            return self._meta(text, payload, title)
        return self._web(text, payload, title)

    def _web(self, text: str | None, payload: str | None, title: str) -> Observed:
        body: dict[str, Any] = {"tenant": self.tenant, "message": text if text is not None else (title or payload)}
        if payload:
            body["payload"] = payload
        if self.conversation_id:
            body["conversationId"] = self.conversation_id
        if self.locale:
            body["locale"] = self.locale
        answer = send(f"{self.stack.url}/v1/chat", "POST", body, {"content-type": "application/json"})
        assert answer.status == 200, answer.body
        reply = answer.json()
        self.conversation_id = reply["conversationId"]
        return Observed(
            intent=reply["intent"], language=reply["language"], texts=[m["text"] for m in reply["messages"]],
            payloads=[b["payload"] for m in reply["messages"] for b in m["buttons"]],
            button_counts=[len(m["buttons"]) for m in reply["messages"]], handover=reply["handover"],
        )

    def _whatsapp(self, text: str | None, payload: str | None, title: str) -> Observed:
        self.sent += 1
        moment = int(now().timestamp())
        message: dict[str, Any] = {"from": self.sender, "id": f"wamid.{self.sender}.{self.sent}.{moment}",
                                   "timestamp": str(moment)}
        if payload:
            message.update(type="interactive", interactive={
                "type": "button_reply", "button_reply": {"id": payload, "title": title or payload}})
        else:
            message.update(type="text", text={"body": text})
        raw = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{
            "field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "31201234567", "phone_number_id": PHONE_NUMBER_IDS[self.tenant]},
                "contacts": [{"profile": {"name": "Inwoner"}, "wa_id": self.sender}],
                "messages": [message]}}]}]}).encode()
        secret = self.stack.channel_secrets()["whatsapp_app_secret"]
        before = len(self.stack.graph.outbox)
        answer = send(f"{self.stack.url}/v1/whatsapp/webhook", "POST", raw,
                      {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
        assert answer.status == 200, answer.body
        self.stack.drain(WORKER)
        sent = [item["payload"] for item in self.stack.graph.outbox[before:] if item.get("to") == self.sender]
        texts, payloads, counts = [], [], []
        for item in sent:
            if item["type"] == "text":
                texts.append(item["text"]["body"])
                counts.append(0)
            else:
                interactive = item["interactive"]
                texts.append(interactive["body"]["text"])
                action = interactive["action"]
                ids = ([b["reply"]["id"] for b in action["buttons"]] if "buttons" in action
                       else [row["id"] for section in action["sections"] for row in section["rows"]])
                payloads += ids
                counts.append(len(ids))
        # The worker's reply carries no intent or handover view: those are checked in memory.
        return Observed(intent=CHANNEL_REPLY, language="?", texts=texts, payloads=payloads, button_counts=counts,
                        handover=None, channel_messages=len(sent))

    def _meta(self, text: str | None, payload: str | None, title: str) -> Observed:
        """Messenger or Instagram: Meta's signed webhook, the worker, the Send API stand-in's outbox.
        A button is a quick reply (its title as the text, its payload alongside)."""
        self.sent += 1
        account = META_ACCOUNTS[(self.tenant, self.channel)]
        body = messenger_cmd.webhook_body(text if text is not None else (title or payload or ""), self.sender, account,
                                          instagram=self.channel == "instagram", payload=payload,
                                          mid=f"m_{self.sender}.{self.sent}", timestamp_ms=int(now().timestamp() * 1000))
        raw = json.dumps(body).encode()
        secret = self.stack.channel_secrets()["messenger_app_secret"]
        outbox = self.stack.graph.messenger.outbox
        before = len(outbox)
        answer = send(f"{self.stack.url}/v1/messenger/webhook", "POST", raw,
                      {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
        assert answer.status == 200, answer.body
        self.stack.drain(META_WORKER)
        sent = [item["payload"] for item in outbox[before:] if item["payload"]["recipient"].get("id") == self.sender]
        texts, payloads, counts = [], [], []
        for item in sent:
            message = item["message"]
            template = ((message.get("attachment") or {}).get("payload")) or {}
            # What the resident reads: the text, or the template's text and its link buttons.
            lines = [message["text"]] if "text" in message else [template.get("text", "")]
            lines += [f"{button['title']} {button.get('url', '')}" for button in template.get("buttons", [])]
            texts.append("\n".join(lines))
            replies = [reply["payload"] for reply in message.get("quick_replies", [])]
            payloads += replies
            counts.append(len(replies))
        return Observed(intent=CHANNEL_REPLY, language="?", texts=texts, payloads=payloads, button_counts=counts,
                        handover=None, channel_messages=len(sent))

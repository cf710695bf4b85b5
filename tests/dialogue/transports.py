"""Two ways to hold a scripted conversation: the engine in memory, and HTTP on the
local stack (POST /v1/chat; WhatsApp through the signed webhook, the queue, the worker
and the Graph API stand-in). Both read the compiled knowledge base of `make kb`
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

from balie_local.stack import LocalStack  # noqa: E402
from adapters.kb_files import FileKnowledge  # noqa: E402
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


class Conversation(Protocol):
    def turn(self, text: str | None, payload: str | None, title: str) -> Observed: ...


def sender_for(name: str) -> str:
    """A WhatsApp number of the resident of one scenario run (their own conversation)."""
    return "316" + str(int(hashlib.sha256(name.encode()).hexdigest(), 16))[:8]


def observed_reply(reply: Reply, whatsapp_messages: int | None = None) -> Observed:
    handover = None
    if reply.handover is not None:
        handover = {"status": reply.handover.status, "claimed": reply.handover.claimed, "notice": reply.handover.notice}
    return Observed(
        intent=reply.intent, language=reply.language, texts=[m.text for m in reply.messages],
        payloads=[b.payload for m in reply.messages for b in m.buttons],
        button_counts=[len(m.buttons) for m in reply.messages], handover=handover,
        whatsapp_messages=whatsapp_messages,
    )


class MemoryConversation:
    """The engine itself, on in-memory ports, the clock from BALIE_NOW."""

    def __init__(self, knowledge: FileKnowledge, tenant: str, channel: str, locale: str | None, name: str) -> None:
        self.engine = Engine(InMemoryConversationStore(), knowledge,
                             PortEffectDispatcher(InMemoryTicketQueue(), InMemoryHandoverTimeouts()), now)
        self.tenant, self.locale = tenant, locale
        # As the WhatsApp worker: staff can write back for 24 hours after the resident's message,
        # unless the tenant has an approved template to reopen the chat.
        self.window = None if knowledge.get(tenant).tenant.whatsapp.reopen_template else wa.REPLY_WINDOW
        self.whatsapp = channel == "whatsapp"
        self.sender = sender_for(name)
        self.conversation_id = f"{tenant}.{hashlib.sha256(name.encode()).hexdigest()[:32]}" if self.whatsapp else None

    def turn(self, text: str | None, payload: str | None, title: str) -> Observed:
        message = InboundMessage(
            tenant=self.tenant, channel=Channel.WHATSAPP if self.whatsapp else Channel.WEB,
            kind=InboundKind.BUTTON if payload else InboundKind.TEXT, text=text if text is not None else title,
            payload=payload, conversation_id=self.conversation_id, locale=self.locale,
            channel_contact=self.sender if self.whatsapp else None,
            reachable_until=now() + self.window if self.whatsapp and self.window is not None else None,
        )
        reply = self.engine.handle(message)
        self.conversation_id = reply.conversation_id
        count = len(wa.render_reply(reply, Address(id=self.sender, kind="wa_id"))) if self.whatsapp else None
        return observed_reply(reply, count)


class HttpConversation:
    """The chat API over loopback HTTP; WhatsApp through the signed webhook and the worker."""

    def __init__(self, stack: LocalStack, tenant: str, channel: str, locale: str | None, name: str) -> None:
        self.stack, self.tenant, self.locale = stack, tenant, locale
        self.whatsapp = channel == "whatsapp"
        self.sender = sender_for(name)
        self.conversation_id: str | None = None
        self.sent = 0

    def turn(self, text: str | None, payload: str | None, title: str) -> Observed:
        return self._whatsapp(text, payload, title) if self.whatsapp else self._web(text, payload, title)

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
        return Observed(intent="__whatsapp__", language="?", texts=texts, payloads=payloads, button_counts=counts,
                        handover=None, whatsapp_messages=len(sent))

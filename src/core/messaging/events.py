"""What a messaging channel's webhook tells Balie, in one model for every channel.

A channel's parser turns Meta's body into `Event`s (and delivery `Receipt`s); the
intake queues each event once as a `QueuedEvent`; the worker carries it out. An event
names the business's account it arrived on (`account_id`: a WhatsApp phone-number id,
a Facebook Page id or an Instagram account id), Meta's id of what happened
(`event_id`: deduplication), the resident (`sender`) and when it happened.
"""
from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import Channel, InboundKind, InboundMessage


class Frozen(BaseModel):
    # defer_build: a model's validator is built when first used, so a Lambda handler
    # builds only the models its invocation needs (cold start), not all at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Address(Frozen):
    """Where a resident is reached on a messaging channel. `kind` says what `id` is:
    WhatsApp `wa_id` (the phone number) or `user_id` (a business-scoped user id);
    Messenger `psid` (page-scoped id) or `user_ref` (a guest of the website's chat
    plugin); Instagram `igsid`. Kinds keep ids of different kinds apart."""

    id: str
    kind: str


class Event(Frozen):
    channel: Channel
    account_id: str
    event_id: str
    sender: Address  # the resident, also when the business's side wrote
    timestamp: int = 0  # epoch seconds when it happened; 0 when Meta gave no time


class ResidentMessage(Event):
    """A resident wrote (or pressed a button): the engine answers."""

    action: Literal["message"] = "message"
    kind: InboundKind = InboundKind.TEXT
    text: str = ""
    payload: str | None = None
    message_type: str = "text"  # the channel's own type, kept for metrics and logs

    def to_message(self, tenant: str, conversation_id: str, reachable_until: datetime | None = None) -> InboundMessage:
        return InboundMessage(
            tenant=tenant,
            channel=self.channel,
            kind=self.kind,
            text=self.text,
            payload=self.payload,
            conversation_id=conversation_id,
            client_message_id=self.event_id,
            channel_contact=self.sender.id,
            reachable_until=reachable_until,
        )


class MessageEdited(Event):
    """The resident changed the text of an earlier message (`message_id`)."""

    action: Literal["edit"] = "edit"
    message_id: str
    text: str


class MessageUnsent(Event):
    """The resident took an earlier message back (`message_id`): it leaves the transcript."""

    action: Literal["unsend"] = "unsend"
    message_id: str


class BusinessMessage(Event):
    """Someone on the business's side wrote to the resident outside Balie (Meta's echo
    of a message sent from the Page inbox or by another app). `app_id`: the app that
    sent it, when Meta says; `marked`: it carries Balie's own marker."""

    action: Literal["business_message"] = "business_message"
    text: str = ""
    app_id: str | None = None
    marked: bool = False


ThreadChange = Literal["passed", "taken", "requested"]


class ThreadControl(Event):
    """Meta's handover protocol: the conversation's thread was passed to an app
    (`app_id`: the new owner), taken from Balie (`app_id`: who had it), or another app
    asks for it (`app_id`: the one asking, e.g. the Page inbox)."""

    action: Literal["thread_control"] = "thread_control"
    change: ThreadChange
    app_id: str | None = None


AnyEvent = Annotated[
    ResidentMessage | MessageEdited | MessageUnsent | BusinessMessage | ThreadControl, Field(discriminator="action")
]


class QueuedEvent(Frozen):
    """The body of one record on a channel's inbound FIFO queue."""

    tenant: str
    conversation_id: str
    event: AnyEvent

    @model_validator(mode="before")
    @classmethod
    def _whatsapp_record_of_before(cls, data: Any) -> Any:
        """A WhatsApp record queued before the channels shared these models (still on the
        queue, or in its dead-letter queue, when the new code is deployed) reads as an event."""
        if not (isinstance(data, dict) and isinstance(data.get("inbound"), dict)):
            return data
        inbound = data["inbound"]
        event = {"action": "message", "channel": Channel.WHATSAPP.value,
                 "account_id": inbound.get("phone_number_id", ""), "event_id": inbound.get("wamid", ""),
                 "sender": inbound.get("sender"),
                 **{key: inbound[key] for key in ("kind", "text", "payload", "timestamp", "message_type")
                    if key in inbound}}
        return {"tenant": data.get("tenant"), "conversation_id": data.get("conversation_id"), "event": event}


class Receipt(Frozen):
    """A delivery receipt of a message Balie sent (WhatsApp's statuses)."""

    channel: Channel
    account_id: str
    message_id: str
    status: str  # sent | delivered | read | failed | played | ...
    timestamp: int = 0
    error_codes: tuple[int, ...] = ()
    error_titles: tuple[str, ...] = ()


class QueuedReceipt(Frozen):
    """A receipt of a large delivery, queued for the worker to record."""

    tenant: str
    receipt: Receipt


# The `kind` message attribute that tells a DeliveryPart from a QueuedEvent on the queue.
DELIVERY_PART_KIND = "delivery-part"


class DeliveryPart(Frozen):
    """A part of a large delivery, queued unopened by the webhook (core.messaging.intake): the
    worker takes it in as the webhook would have (each event queued on its own, the receipts
    recorded)."""

    events: list[QueuedEvent] = []
    receipts: list[QueuedReceipt] = []

    def keys(self) -> list[str]:
        """What the part holds, by Meta's ids."""
        return [item.event.event_id for item in self.events] + [
            f"{item.receipt.message_id}#{item.receipt.status}" for item in self.receipts]

    def id(self) -> str:
        """The part's name, the same whenever the same delivery is split again (Meta's retry): the
        queue's deduplication id of the part, and its name among the parts still pending."""
        return hashlib.sha256("\n".join(self.keys()).encode("utf-8")).hexdigest()


class DeliveryProgress(Frozen):
    """How far the worker got with one event (`core.ports.DeliveryLog`)."""

    done: bool = False  # carried out: a copy queued or delivered later changes nothing
    sent_parts: frozenset[int] = frozenset()  # the parts of its reply that went out


class Contact(Frozen):
    """Where a messaging conversation's resident is reached (`core.ports.ContactBook`)."""

    channel: Channel
    address: Address
    account_id: str  # the business's account the resident wrote to (Balie answers from it)
    last_inbound_at: datetime  # the channel's messaging window counts from here
    # Meta's handover protocol gave the thread to another app (a person in the Page inbox).
    thread_elsewhere: bool = False
    # Someone of the gemeente wrote to the resident outside Balie: the bot keeps quiet until then.
    quiet_until: datetime | None = None

    def bot_may_answer(self, now: datetime) -> bool:
        return not self.thread_elsewhere and (self.quiet_until is None or now >= self.quiet_until)


def conversation_id_for(tenant: str, sender: Address, secret: str) -> str:
    """Deterministic per (tenant, resident), so a resident keeps one conversation, but
    unguessable without the channel's app secret: the id never reveals the address."""
    digest = hmac.new(
        secret.encode("utf-8"), f"{tenant}\x1f{sender.kind}\x1f{sender.id}".encode("utf-8"), hashlib.sha256
    ).hexdigest()
    # core.ids accepts `<tenant>.<hex>` as a channel-made conversation id.
    return f"{tenant}.{digest[:32]}"  # 128 bits

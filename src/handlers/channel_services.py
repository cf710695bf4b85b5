"""A messaging channel's use cases wired to AWS: what whatsapp_services and
messenger_services build, each from its own environment and wire format."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.messaging.delivery import EventDelivery
from core.messaging.events import Event
from core.messaging.intake import WebhookIntake
from core.messaging.outbound import ChannelReplies
from core.models import Channel, ChannelAccount, InboundMessage, Reply
from core.ports import ChannelOutput, ConversationStore, StaffWindow, ThreadHandover
from core.retention import Retention, no_retention


@dataclass
class ChannelServices:
    app_secret: Callable[[], str]
    verify_token: Callable[[], str]
    intake: WebhookIntake  # the webhook
    delivery: EventDelivery  # the worker
    staff_replies: Mapping[Channel, ChannelReplies]  # staff replies and notices, per channel served


class Installed:
    """A channel's services: the ones installed (tests, the local stack) or, without, the
    ones built from the environment on first use (`from_environment`, a cached function)."""

    def __init__(self, from_environment: Callable[[], ChannelServices]) -> None:
        self._from_environment = from_environment
        self._installed: ChannelServices | None = None

    def use(self, services: ChannelServices | None) -> None:
        """Install (or with None: remove) the services handlers use."""
        self._installed = services
        self._from_environment.cache_clear()  # type: ignore[attr-defined]

    def current(self) -> ChannelServices:
        return self._installed if self._installed is not None else self._from_environment()


@dataclass
class ChannelParts:
    """What every messaging channel is wired with, whatever its wire format."""

    dynamodb: Any  # the container's DynamoDB client
    table_name: str
    sqs_client: Any  # for the channel's inbound queue
    queue_url: str
    respond: Callable[[InboundMessage], Reply]  # the engine (with metrics)
    conversations: ConversationStore
    retention_days: Callable[[str], int]
    app_secret: Callable[[], str]
    verify_token: Callable[[], str]
    clock: Callable[[], datetime]
    retention: Callable[[str], Retention | None] = no_retention  # what readers apply now (core.retention)


def wire(
    parts: ChannelParts,
    *,
    prefix: str,
    owner: Callable[[Channel, str], ChannelAccount | None],
    conversation_id: Callable[[str, Event, str], str],
    outputs: Mapping[Channel, ChannelOutput],
    windows: Mapping[Channel, StaffWindow],
    unreachable: Callable[[], Exception],
    receipts: bool = False,
    own_app_id: str = "",
    thread_handover: ThreadHandover | None = None,
) -> ChannelServices:
    """The channel's intake, delivery and staff replies on its store (items named by
    `prefix`, adapters.messaging_store) and its inbound FIFO queue."""
    from adapters.messaging_store import MessagingStore
    from adapters.sqs_inbound import SqsEventQueue

    store = MessagingStore(parts.dynamodb, parts.table_name, parts.clock, prefix=prefix, retention=parts.retention)
    return ChannelServices(
        app_secret=parts.app_secret,
        verify_token=parts.verify_token,
        intake=WebhookIntake(
            owner=owner, conversation_id=lambda tenant, event: conversation_id(tenant, event, parts.app_secret()),
            queue=SqsEventQueue(parts.sqs_client, parts.queue_url), pending=store, clock=parts.clock,
            receipts=store if receipts else None),
        delivery=EventDelivery(respond=parts.respond, outputs=outputs, windows=windows, contacts=store, log=store,
                               store=parts.conversations, clock=parts.clock, retention_days=parts.retention_days,
                               own_app_id=own_app_id, thread_handover=thread_handover),
        staff_replies={channel: ChannelReplies(contacts=store, window=windows[channel], output=outputs[channel],
                                               log=store, clock=parts.clock, unreachable=unreachable)
                       for channel in outputs},
    )


def parts_from_environment(queue_url_variable: str, app_secret_variable: str,
                           verify_token_variable: str) -> ChannelParts:
    """The parts in Lambda: the shared services' engine, store and clock, the container's
    clients, and the channel's queue and secrets named by its environment variables."""
    import os

    from handlers import metrics as turn_metrics
    from handlers.secrets import secret
    from handlers.wiring import client_on_first_use, services

    shared = services()
    return ChannelParts(
        # The container's one DynamoDB client, shared with the conversation store.
        dynamodb=client_on_first_use("dynamodb"),
        table_name=os.environ["TABLE_NAME"],
        sqs_client=client_on_first_use("sqs"),  # the webhook's; the worker only queues on a handover
        queue_url=os.environ[queue_url_variable],
        respond=turn_metrics.metered(shared.engine),  # the turn's business metrics and latency
        conversations=shared.store,
        retention_days=lambda slug: shared.knowledge.get(slug).tenant.retention_days,
        app_secret=secret(app_secret_variable),
        verify_token=secret(verify_token_variable),
        clock=shared.clock,
        retention=shared.knowledge.retention,
    )

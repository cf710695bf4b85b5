"""The services handlers use, built on first use from the environment.

Nothing here reads the environment or creates an AWS client at import: the
first `services()` call does, and caches the result for the life of the
Lambda container. Tests and the local stack install their own with `use()`.

Environment: TABLE_NAME (the DynamoDB table), KB_DIR (compiled knowledge,
default src/kb_compiled), TICKET_QUEUE_NAME_PREFIX (per-tenant ticket
queues), HANDOVER_TIMEOUT_QUEUE_URL.
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from core.clock import Clock, now
from core.engine import Engine
from core.handover import HandoverService
from core.ports import ConversationStore, HandoverTimeouts, JsonPoster, KnowledgeRepository, TicketQueue


@dataclass
class Services:
    store: ConversationStore
    knowledge: KnowledgeRepository
    tickets: TicketQueue
    timeouts: HandoverTimeouts
    clock: Clock = now
    open_klant: JsonPoster | None = None
    id_key: Callable[[], bytes] | None = None  # secret of first-turn conversation ids (core.ids)
    handover: HandoverService = field(init=False)
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.handover = HandoverService(
            tickets=self.tickets, timeouts=self.timeouts, clock=self.clock, open_klant=self.open_klant
        )
        self.engine = Engine(
            store=self.store, knowledge=self.knowledge, handover=self.handover, clock=self.clock, id_key=self.id_key
        )


_installed: Services | None = None


def use(installed: Services | None) -> None:
    """Install (or with None: remove) the services every handler uses."""
    global _installed
    _installed = installed
    _from_environment.cache_clear()


def services() -> Services:
    return _installed if _installed is not None else _from_environment()


@functools.cache
def _from_environment() -> Services:
    import boto3

    from adapters.dynamodb_store import DynamoDBConversationStore
    from adapters.kb_files import file_knowledge
    from adapters.open_klant_http import UrllibJsonPoster
    from adapters.sqs_tickets import SqsHandoverTimeouts, SqsTicketQueue

    sqs = boto3.client("sqs")
    store = DynamoDBConversationStore(boto3.client("dynamodb"), os.environ["TABLE_NAME"])
    return Services(
        store=store,
        id_key=store.id_key,
        knowledge=file_knowledge(),
        tickets=SqsTicketQueue(sqs, os.environ["TICKET_QUEUE_NAME_PREFIX"]),
        timeouts=SqsHandoverTimeouts(sqs, os.environ["HANDOVER_TIMEOUT_QUEUE_URL"]),
        open_klant=UrllibJsonPoster(),
    )

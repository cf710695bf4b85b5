"""The engine on the tiny compiled knowledge base of tests/unit/data/kb_engine
(tenants alpha and beta), an in-memory store and the real effect dispatcher."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from balie_local.kb_tools import compile_tenant
from core.clock import FixedClock
from core.dialogue.crisis import detect
from core.dialogue.distress import detect as detect_distress
from core.dialogue.engine import Engine
from core.effects import PortEffectDispatcher
from core.errors import ServiceUnavailable
from core.kb.static import StaticKnowledge
from core.matcher import Classification, ReadWords
from core.memory import InMemoryConversationStore, InMemoryTicketQueue
from core.models import Channel, InboundKind, InboundMessage, Reply

KB = Path(__file__).parent / "data" / "kb_engine"
MONDAY_MORNING = datetime.fromisoformat("2026-11-30T10:00:00+01:00")  # alpha is open on Mondays
SATURDAY_EVENING = datetime.fromisoformat("2026-12-05T21:30:00+01:00")


class RecordingTimeouts:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple] = []
        self.fail = fail

    def schedule(self, tenant: str, conversation_id: str, requested_at: datetime, delay_seconds: int) -> None:
        if self.fail:
            raise ServiceUnavailable("queue down")
        self.calls.append((tenant, conversation_id, requested_at, delay_seconds))


@pytest.fixture(scope="module")
def compiled():
    return {slug: compile_tenant(KB / "knowledge", KB / "tenants", slug) for slug in ("alpha", "beta")}


@dataclasses.dataclass
class Harness:
    engine: Engine
    store: InMemoryConversationStore
    tickets: InMemoryTicketQueue
    timeouts: RecordingTimeouts
    clock: FixedClock
    conversation_id: str | None = None
    tenant: str = "alpha"

    def say(self, text: str, **fields) -> Reply:
        fields.setdefault("tenant", self.tenant)
        fields.setdefault("channel", Channel.WEB)
        fields.setdefault("conversation_id", self.conversation_id)
        reply = self.engine.handle(InboundMessage(text=text, **fields))
        self.conversation_id = reply.conversation_id
        return reply

    def press(self, payload: str, title: str = "") -> Reply:
        return self.say(title, kind=InboundKind.BUTTON, payload=payload)

    def conversation(self):
        return self.store.get(self.tenant, self.conversation_id)

    def counts(self) -> dict[str, int]:
        day = self.clock().date()
        found = self.store.daily_counters(self.tenant, day, day)
        return found[0].counts if found else {}


def make_harness(compiled, moment: datetime = MONDAY_MORNING, matcher=None, *, tenant: str = "alpha",
                 tickets: InMemoryTicketQueue | None = None, timeouts: RecordingTimeouts | None = None,
                 crisis: Callable[[str], str | None] = detect,
                 distress: Callable[[str], str | None] | None = detect_distress) -> Harness:
    knowledge = dict(compiled)
    if matcher is not None:
        knowledge[tenant] = dataclasses.replace(knowledge[tenant], matcher=matcher)
    clock = FixedClock(moment)
    store = InMemoryConversationStore(clock=clock)
    tickets = tickets if tickets is not None else InMemoryTicketQueue()
    timeouts = timeouts if timeouts is not None else RecordingTimeouts()
    repository = StaticKnowledge(knowledge.values())
    effects = PortEffectDispatcher(tickets=tickets, timeouts=timeouts)
    engine = Engine(store=store, knowledge=repository, effects=effects, clock=clock, crisis=crisis, distress=distress)
    return Harness(engine, store, tickets, timeouts, clock, tenant=tenant)


@pytest.fixture
def chat(compiled) -> Harness:
    return make_harness(compiled)


class ScriptedMatcher:
    """Answers fixed classifications, so ambiguity is tested without depending on training."""

    threshold = 0.8

    def __init__(self, script: dict[str, Classification], fallback, named_in_a_word: frozenset[str] = frozenset()) -> None:
        self.script = script
        self.fallback = fallback
        self.named_in_a_word = named_in_a_word  # scripted texts with a word of their own that reads as their favourite

    def classify(self, text: str) -> Classification:
        return self.script.get(text) or self.fallback.classify(text)

    def read_words(self, text: str) -> ReadWords:
        return self.fallback.read_words(text)

    def word_reads_as(self, text: str | ReadWords, intent: str, floor: float, *, known_only: bool = False) -> bool:
        said = text.text if isinstance(text, ReadWords) else text
        if said in self.script:
            return not known_only and said in self.named_in_a_word
        return self.fallback.word_reads_as(text, intent, floor, known_only=known_only)

    def ranked_among(self, text: str, intents: list[str]) -> list[str]:
        return self.fallback.ranked_among(text, intents)


def texts(reply: Reply) -> str:
    return " | ".join(message.text for message in reply.messages)


def payloads(reply: Reply) -> list[str]:
    return [button.payload for message in reply.messages for button in message.buttons]

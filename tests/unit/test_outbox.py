"""Effects exactly once: a turn's side effects are written with the conversation (the
outbox) and taken out once carried out; a turn that loses the race writes and carries
out nothing; effects left behind by a turn that ended between its write and its
dispatch are carried out by the sweeper, and the consumers' idempotency makes a
repeat harmless (one ticket record per ticket id)."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from balie_local.kb_tools import compile_tenant
from core.clock import FixedClock
from core.dialogue.engine import Engine
from core.effects import DispatchFailed, PortEffectDispatcher, QueueTicket, ScheduleHandoverTimeout
from core.kb.static import StaticKnowledge
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue, InMemoryTicketStore
from core.models import Channel, InboundMessage, TicketStatus
from core.outbox import GRACE, sweep
from core.tickets import TicketIntake

KB = Path(__file__).parent / "data" / "kb_engine"
MONDAY_MORNING = datetime.fromisoformat("2026-11-30T10:00:00+01:00")
SATURDAY_EVENING = datetime.fromisoformat("2026-12-05T21:30:00+01:00")


@pytest.fixture(scope="module")
def knowledge() -> StaticKnowledge:
    return StaticKnowledge([compile_tenant(KB / "knowledge", KB / "tenants", "alpha")])


class Crash(Exception):
    """The turn's process ends (a Lambda timeout) between the write and the dispatch."""


class Dispatcher(PortEffectDispatcher):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.crash = False
        self.calls = 0

    def dispatch(self, effects) -> None:
        self.calls += 1
        if self.crash:
            raise Crash()
        super().dispatch(effects)


class World:
    def __init__(self, knowledge: StaticKnowledge, moment: datetime) -> None:
        self.clock = FixedClock(moment)
        self.store = InMemoryConversationStore(clock=self.clock)
        self.tickets = InMemoryTicketStore(self.store)
        self.intake = TicketIntake(tickets=self.tickets, knowledge=knowledge, clock=self.clock)
        self.queue = InMemoryTicketQueue(intake=self.intake.accept)
        self.timeouts = InMemoryHandoverTimeouts()
        self.dispatcher = Dispatcher(tickets=self.queue, timeouts=self.timeouts)
        self.engine = Engine(store=self.store, knowledge=knowledge, effects=self.dispatcher, clock=self.clock)
        self.conversation_id: str | None = None

    def say(self, text: str):
        reply = self.engine.handle(InboundMessage(tenant="alpha", channel=Channel.WEB, text=text,
                                                  conversation_id=self.conversation_id))
        self.conversation_id = reply.conversation_id
        return reply

    def pending(self):
        return self.store.pending_effects(self.clock() + timedelta(days=1))


def test_effects_are_written_with_the_turn_and_taken_out_once_carried_out(knowledge) -> None:
    world = World(knowledge, MONDAY_MORNING)
    reply = world.say("ik wil een medewerker spreken")
    assert reply.handover is not None and reply.handover.status == "live"
    assert len(world.timeouts.scheduled) == 1 and world.pending() == []


def test_a_turn_that_ends_before_its_dispatch_leaves_its_effects_to_the_sweeper(knowledge) -> None:
    world = World(knowledge, SATURDAY_EVENING)
    world.say("ik wil een medewerker spreken")
    world.say("ja")
    world.dispatcher.crash = True
    with pytest.raises(Crash):
        world.say("bel me op 06 12345678")
    conversation = world.store.get("alpha", world.conversation_id)
    assert conversation is not None and conversation.handover is not None
    assert conversation.handover.status == "queued"  # written ...
    assert world.queue.sent == []  # ... but not handed to the intake
    [pending] = world.pending()
    assert isinstance(pending.effect, QueueTicket) and pending.effect.ticket.id == conversation.handover.ticket_id

    world.dispatcher.crash = False
    assert sweep(world.store, world.dispatcher, world.clock()).carried_out == 0  # still within the grace period
    world.clock.advance(seconds=GRACE.total_seconds() + 1)
    assert sweep(world.store, world.dispatcher, world.clock()).carried_out == 1
    assert world.pending() == []
    [record] = world.tickets.list("alpha", TicketStatus.OPEN)
    assert record.id == pending.effect.id and record.contact == "+31612345678"
    # Carried out once more (a sweep racing a slow turn): still one ticket.
    world.dispatcher.dispatch([pending.effect])
    assert len(world.tickets.list("alpha", TicketStatus.OPEN)) == 1 and len(world.queue.sent) == 2


def test_a_failed_dispatch_is_undone_and_never_repeated_by_the_sweeper(knowledge) -> None:
    world = World(knowledge, MONDAY_MORNING)

    class Down(InMemoryHandoverTimeouts):
        def schedule(self, *args, **kwargs) -> None:
            from core.errors import ServiceUnavailable

            raise ServiceUnavailable("SQS down")

    world.dispatcher.timeouts = Down()
    reply = world.say("ik wil een medewerker spreken")
    assert reply.handover is None or reply.handover.status != "live"  # told, and offered a callback instead
    world.clock.advance(minutes=10)
    assert world.pending() == []
    assert sweep(world.store, world.dispatcher, world.clock()).carried_out == 0


def test_the_sweeper_leaves_what_still_fails_for_the_next_round() -> None:
    store = InMemoryConversationStore()

    class Failing:
        def dispatch(self, effects) -> None:
            raise DispatchFailed(list(effects))

    from core.effects import schedule_timeout
    from core.models import Conversation

    conversation = Conversation(id="alpha." + "a" * 32, tenant="alpha", channel=Channel.WEB,
                                created_at=MONDAY_MORNING, updated_at=MONDAY_MORNING)
    effect = schedule_timeout("alpha", conversation.id, MONDAY_MORNING, 600)
    store.save(conversation, 0, effects=[effect])
    later = MONDAY_MORNING + timedelta(minutes=5)
    assert sweep(store, Failing(), later).failed == 1
    [left] = store.pending_effects(later)
    assert isinstance(left.effect, ScheduleHandoverTimeout) and left.effect.id == effect.id
    store.delete("alpha", conversation.id)  # erasure takes the outbox with it
    assert store.pending_effects(later) == []

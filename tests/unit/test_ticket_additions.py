"""What a resident writes after their callback was queued goes on the same ticket: the turn's
`add_to_ticket` effect (deterministic id, carried out once after the conversation is written),
the intake adds it to the record, and staff see it on the ticket with the contact typed; the
text is redacted as the ticket's summary is. When the effect cannot be carried out, the
resident hears so and the callback stands."""
from __future__ import annotations

from datetime import datetime

import pytest

from adapters.kb_files import FileKnowledge
from core.clock import FixedClock
from core.dialogue.engine import Engine
from core.effects import PortEffectDispatcher, effect_id
from core.errors import ServiceUnavailable
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue, InMemoryTicketStore
from core.models import Channel, HandoverStatus, InboundKind, InboundMessage, TicketStatus
from core.opening_hours import AMSTERDAM
from core.staff import StaffIdentity
from core.tickets import TicketDesk, TicketIntake

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 30, tzinfo=AMSTERDAM)
KCC = StaffIdentity.from_claims({"sub": "anna", "custom:tenant": "voorbeeld", "custom:teams": "*"})


@pytest.fixture(scope="module")
def knowledge() -> FileKnowledge:
    return FileKnowledge()


class World:
    def __init__(self, knowledge: FileKnowledge, queue: InMemoryTicketQueue | None = None) -> None:
        self.clock = FixedClock(SATURDAY_NIGHT)
        self.store = InMemoryConversationStore(clock=self.clock)
        self.tickets = InMemoryTicketStore(self.store)
        intake = TicketIntake(tickets=self.tickets, knowledge=knowledge, clock=self.clock)
        self.queue = queue or InMemoryTicketQueue()
        self.queue.intake, self.queue.add_intake = intake.accept, intake.add
        self.engine = Engine(self.store, knowledge, PortEffectDispatcher(self.queue, InMemoryHandoverTimeouts()),
                             self.clock)
        self.conversation_id: str | None = None

    def say(self, text: str) -> str:
        reply = self.engine.handle(InboundMessage(tenant="voorbeeld", channel=Channel.WEB, kind=InboundKind.TEXT,
                                                  text=text, conversation_id=self.conversation_id))
        self.conversation_id = reply.conversation_id
        return " ".join(message.text for message in reply.messages)

    def queued(self) -> None:
        self.say("Kan iemand mij terugbellen over mijn bijstandsuitkering?")
        assert "contact met u op" in self.say("ja, mail me maar op jan.jansen@example.nl")


def test_another_number_urgency_and_reachability_go_on_the_ticket_staff_see(knowledge: FileKnowledge) -> None:
    world = World(knowledge)
    world.queued()
    told = world.say("of bel me op 0612345678, mijn BSN is 123456782")
    assert "telefoonnummer bij uw vraag gezet" in told and "0612345678" not in told
    assert "dringend" in world.say("het is wel dringend")
    assert "bij uw vraag gezet" in world.say("ik ben pas na 14 uur thuis")
    [ticket] = TicketDesk(tickets=world.tickets, store=world.store, clock=world.clock).list(KCC).records
    assert ticket.contact == "jan.jansen@example.nl"  # the ticket's own contact stays as queued
    assert [(a.text, a.contact, a.contact_kind) for a in ticket.additions] == [
        ("of bel me op [TELEFOON], mijn BSN is [BSN]", "+31612345678", "phone"),
        ("het is wel dringend", None, None),
        ("ik ben pas na 14 uur thuis", None, None),
    ]
    assert [a.urgent for a in ticket.additions] == [False, True, False] and ticket.urgent  # marked in the list
    first = world.queue.added[0]
    conversation = world.store.get("voorbeeld", world.conversation_id or "")
    assert conversation is not None
    [seq] = [entry.seq for entry in conversation.transcript if entry.text.startswith("of bel me op")]
    assert first.addition.id == effect_id(conversation.id, "add_to_ticket", SATURDAY_NIGHT, seq)
    assert first.ticket_id == ticket.id and ticket.status == TicketStatus.OPEN
    assert world.store.pending_effects(datetime(2100, 1, 1, tzinfo=AMSTERDAM)) == []  # carried out, out of the outbox


def test_a_question_asked_while_the_callback_waits_is_answered_not_added(knowledge: FileKnowledge) -> None:
    world = World(knowledge)
    world.queued()
    assert "spoedaanvraag" in world.say("Kan ik een paspoort met spoed aanvragen?").lower()
    assert world.queue.added == []


class _AdditionsDown(InMemoryTicketQueue):
    def add(self, added):  # type: ignore[no-untyped-def]
        raise ServiceUnavailable("SQS is down")


def test_an_addition_that_cannot_be_handed_over_is_said_and_the_callback_stands(knowledge: FileKnowledge) -> None:
    world = World(knowledge, _AdditionsDown())
    world.queued()
    told = world.say("het is wel dringend")
    assert "lukte niet" in told and "staat wel klaar" in told
    conversation = world.store.get("voorbeeld", world.conversation_id or "")
    assert conversation is not None and conversation.handover is not None
    assert conversation.handover.status == HandoverStatus.QUEUED and conversation.contact == "jan.jansen@example.nl"
    assert len(world.tickets.list("voorbeeld", TicketStatus.OPEN)) == 1

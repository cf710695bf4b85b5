"""A callback asked for after crisis help reaches staff marked urgent: the ticket the dialogue queues (and the waiting
handover it stands for) says so, the stored record is urgent, and the team's e-mail and Open Klant say "Dringend".
An ordinary callback is not urgent."""
from __future__ import annotations

from datetime import datetime

import pytest

from adapters.kb_files import FileKnowledge
from core.clock import FixedClock
from core.dialogue.engine import Engine
from core.effects import PortEffectDispatcher
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue, InMemoryTicketStore
from core.models import Channel, InboundKind, InboundMessage, TicketRecord
from core.open_klant import ticket_to_klantinteractie
from core.opening_hours import AMSTERDAM
from core.tickets import TicketIntake, ticket_notification

SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 30, tzinfo=AMSTERDAM)


@pytest.fixture(scope="module")
def knowledge() -> FileKnowledge:
    return FileKnowledge()


def conversation(knowledge: FileKnowledge, *texts: str) -> tuple[InMemoryConversationStore, TicketRecord]:
    clock = FixedClock(SATURDAY_NIGHT)
    store = InMemoryConversationStore(clock=clock)
    tickets = InMemoryTicketStore(store)
    queue = InMemoryTicketQueue()
    intake = TicketIntake(tickets=tickets, knowledge=knowledge, clock=clock)
    queue.intake, queue.add_intake = intake.accept, intake.add
    engine = Engine(store, knowledge, PortEffectDispatcher(queue, InMemoryHandoverTimeouts()), clock)
    conversation_id = None
    for text in texts:
        reply = engine.handle(InboundMessage(tenant="voorbeeld", channel=Channel.WEB, kind=InboundKind.TEXT, text=text,
                                             conversation_id=conversation_id))
        conversation_id = reply.conversation_id
    [record] = [record for status in ("open",) for record in tickets.list("voorbeeld", status)]
    handover = store.get("voorbeeld", conversation_id).handover
    assert handover is not None and handover.ticket_id == record.id
    return store, record


def test_a_callback_after_crisis_help_is_urgent_for_staff(knowledge: FileKnowledge) -> None:
    store, record = conversation(
        knowledge, "ik kan het allemaal niet meer aan en wil er niet meer zijn. hoe kom ik aan hulp bij mijn schulden?",
        "nee, ik ga 113 niet bellen", "ja, bel me op 0612345678")
    assert record.urgent and record.team == "zorg-inkomen"
    handover = store.get("voorbeeld", record.conversation_id).handover
    assert handover.urgent and handover.crisis == "suicide"
    tenant = knowledge.get("voorbeeld").tenant
    mail = ticket_notification(record, tenant, "Schuldhulpverlening", None)
    assert mail is not None and mail.subject.startswith("Dringend") and "Pak het als eerste op" in mail.text
    bundle = ticket_to_klantinteractie(record, tenant)
    assert bundle["klantcontact"]["onderwerp"].startswith("Dringend - ")
    assert "Dringend" in bundle["interneTaak"]["toelichting"]


def test_an_ordinary_callback_is_not_urgent(knowledge: FileKnowledge) -> None:
    _, record = conversation(knowledge, "Kan iemand mij terugbellen over mijn bijstandsuitkering?", "ja, bel me op 0612345678")
    assert not record.urgent
    assert not ticket_to_klantinteractie(record, knowledge.get("voorbeeld").tenant)["klantcontact"]["onderwerp"].startswith(
        "Dringend")

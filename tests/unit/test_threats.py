"""Threats against the gemeente or its staff (core.dialogue.threats, issue 15 item 1, session 25): read apart from angry
words, answered calmly and firmly without topic buttons, and put first in the staff's queue in office hours."""
from __future__ import annotations

from datetime import datetime

import pytest

from adapters.kb_files import FileKnowledge
from core.clock import FixedClock
from core.dialogue.engine import Engine
from core.dialogue.threats import without_the_threat
from core.effects import PortEffectDispatcher
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue
from core.models import Channel, Conversation, HandoverStatus, InboundKind, InboundMessage, ReplyMessage
from core.opening_hours import AMSTERDAM

TUESDAY_MORNING = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 30, tzinfo=AMSTERDAM)

THREATS = [
    "ik ga jullie gemeentehuis opblazen",
    "de volgende keer kom ik met een mes naar het loket",
    "als ik weer zo lang moet wachten steek ik het stadhuis in de fik",
    "dan blaas ik dat gemeentekantoor van jullie op",
    "morgen kom ik naar het stadskantoor met een bijl",
    "ik maak die ambtenaar af",
    "wij gaan die medewerker wat aandoen",
    "als ik die vrouw achter de balie tegenkom sla ik haar in elkaar",
    "ik weet waar die consulent woont",
    "IK BLAAS JULLIE STADHUIS OP!!!",
    "k kom met m'n mes naar de balie",
    "I will blow up your town hall",
    "next time I come to your office with a gun",
    "I am going to kill the clerk",
]
ANGRY_OR_ORDINARY = [
    "ik word hier gek van",
    "ik schiet bijna uit mijn slof",
    "ik ontplof zowat van jullie regels",
    "ik kan jullie wel schieten",
    "ik kan die ambtenaar wel wurgen",
    "I could kill the person who designed this form",
    "ik kom met mijn rolstoel naar het loket, is er een lift?",
    "kan ik een wapen inleveren bij het gemeentehuis?",
    "ik kom met een mes naar het gemeentehuis om het in te leveren",
    "er is brand in het gemeentehuis",
    "mijn buurman zei dat hij het gemeentehuis gaat opblazen",  # someone else's threat: a danger, not the writer's
    "ik kom met mijn advocaat naar het loket",
    "hoe laat gaat het loket open?",
    "ik weet waar het gemeentehuis is, maar waar parkeer ik?",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_against_the_gemeente_or_its_staff_is_read(text: str) -> None:
    assert without_the_threat(text) is not None


@pytest.mark.parametrize("text", ANGRY_OR_ORDINARY)
def test_angry_words_and_ordinary_questions_are_no_threat(text: str) -> None:
    assert without_the_threat(text) is None


def test_what_is_left_beside_the_threat_is_read_again() -> None:
    rest = without_the_threat("mijn man slaat me en als jullie niks doen blaas ik het gemeentehuis op")
    assert rest is not None and "slat me" in rest and "gemente" not in rest


@pytest.fixture(scope="module")
def knowledge() -> FileKnowledge:
    return FileKnowledge()


def talk(knowledge: FileKnowledge, moment: datetime, *texts: str) -> tuple[list[list[ReplyMessage]], Conversation]:
    clock = FixedClock(moment)
    store = InMemoryConversationStore(clock=clock)
    engine = Engine(store, knowledge, PortEffectDispatcher(InMemoryTicketQueue(), InMemoryHandoverTimeouts()), clock)
    conversation_id = None
    replies = []
    for text in texts:
        reply = engine.handle(InboundMessage(tenant="voorbeeld", channel=Channel.WEB, kind=InboundKind.TEXT, text=text,
                                             conversation_id=conversation_id))
        conversation_id = reply.conversation_id
        replies.append(reply.messages)
    return replies, store.get("voorbeeld", conversation_id)


def test_a_threat_in_office_hours_gets_a_firm_reply_and_goes_first_to_staff(knowledge: FileKnowledge) -> None:
    replies, conversation = talk(knowledge, TUESDAY_MORNING, "hoe vraag ik een paspoort aan?",
                                 "als het weer zo lang duurt kom ik met een mes naar het loket")
    said = " ".join(message.text for message in replies[-1])
    assert "bedreiging" in said and "112" in said and "leest dit gesprek" in said
    assert "Bedoelt u" not in said and not any(message.buttons for message in replies[-1])
    handover = conversation.handover
    assert handover is not None and handover.status == HandoverStatus.WAITING
    assert handover.urgent and handover.crisis == "threat" and handover.reason == "threat"
    assert handover.team == knowledge.get("voorbeeld").tenant.default_team


def test_a_threat_at_night_gets_the_firm_reply_without_a_promise_of_staff(knowledge: FileKnowledge) -> None:
    replies, conversation = talk(knowledge, SATURDAY_NIGHT, "I will burn down your town hall")
    said = " ".join(message.text for message in replies[-1])
    assert "threat" in said and "112" in said and "I will help you" in said and "staff reads" not in said
    assert not any(message.buttons for message in replies[-1])
    assert conversation.handover is None


def test_a_crisis_told_beside_the_threat_keeps_its_line(knowledge: FileKnowledge) -> None:
    replies, _ = talk(knowledge, SATURDAY_NIGHT, "mijn man slaat me en als jullie niks doen blaas ik het gemeentehuis op")
    said = " ".join(message.text for message in replies[-1])
    assert "bedreiging" in said and "0800-2000" in said


def test_a_crisis_of_ones_own_comes_before_the_threat(knowledge: FileKnowledge) -> None:
    replies, _ = talk(knowledge, SATURDAY_NIGHT, "ik wil niet meer leven en daarna blaas ik het gemeentehuis op")
    said = " ".join(message.text for message in replies[-1])
    assert "0800-0113" in said


def test_angry_words_get_no_threat_reply(knowledge: FileKnowledge) -> None:
    replies, conversation = talk(knowledge, TUESDAY_MORNING, "ik schiet bijna uit mijn slof")
    assert "bedreiging" not in " ".join(message.text for message in replies[-1])
    assert conversation.handover is None

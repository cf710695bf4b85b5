"""A crisis only the trained classifier sees (the rules are quiet): the right number first in a
caring question, then the answer to what the resident asked; that crisis help alone (with the
offer of a person in office hours) when the message asks nothing else or a person has the
conversation. The classifier is replaced by a
fixed one here, so these tests do not depend on training (tests/unit/test_distress.py tests
the shipped model)."""
from __future__ import annotations

import pytest
from engine_support import (  # noqa: F401 - compiled is a fixture
    MONDAY_MORNING,
    SATURDAY_EVENING,
    compiled,
    make_harness,
    payloads,
    texts,
)

from channels import messenger
from channels import whatsapp as wa
from core.messaging.events import Address
from core.models import Channel, HandoverStatus

# Messages the fixed classifier flags, with a question about passports (the tiny knowledge base
# of tests/unit/data/kb_engine answers it) or with no question at all.
WITH_QUESTION = "ik wil een nieuw paspoort aanvragen, al weet ik niet of ik er volgende maand nog ben"
ONLY_DISTRESS = "alles is zo zwaar en donker de laatste tijd"
FLAGGED = {WITH_QUESTION: "suicide", ONLY_DISTRESS: "suicide", "paspoort aanvragen, hij doet me steeds pijn": "violence"}


def fixed_classifier(text: str) -> str | None:
    return FLAGGED.get(text)


def never(text: str) -> str | None:
    raise AssertionError(f"the classifier was asked about {text!r}")


@pytest.mark.parametrize("moment", [MONDAY_MORNING, SATURDAY_EVENING])
def test_a_classifier_hit_gives_the_number_first_then_answers_the_question(compiled, moment) -> None:
    chat = make_harness(compiled, moment, distress=fixed_classifier)
    reply = chat.say(WITH_QUESTION)
    first = reply.messages[0].text
    assert first.startswith("Ik lees dat het misschien niet goed met u gaat")
    assert all(number in first for number in ("113 Zelfmoordpreventie", "0800-0113", "113.nl", "112"))
    assert [link.url for link in reply.messages[0].links] == ["https://www.113.nl"]
    assert reply.intent == "paspoort" and "paspoort" in texts(reply).lower()  # the question is answered too
    counts = chat.counts()
    assert counts["crisis_line"] == 1 and counts["crisis_line:suicide"] == 1 and "crisis" not in counts
    if moment == MONDAY_MORNING:  # a person now, as after crisis help, without asking a question
        assert "handover:urgent-suicide" in payloads(reply) and "met een medewerker van de gemeente praten" in first
    else:
        assert not [payload for payload in payloads(reply) if payload.startswith("handover:urgent")]
        assert "medewerker" not in first


def test_the_urgent_button_after_a_classifier_hit_is_the_first_of_the_turns_last_choices(compiled) -> None:
    """Messenger shows only the newest message's choices and WhatsApp folds a long turn into its
    last choices: the button for a person now goes with the answer's choices, first."""
    reply = make_harness(compiled, MONDAY_MORNING, distress=fixed_classifier).say(WITH_QUESTION)
    assert reply.messages[-1].buttons[0].payload == "handover:urgent-suicide"
    assert len(reply.messages[-1].buttons) > 1  # the answer's own choices stay
    assert payloads(reply).count("handover:urgent-suicide") == 1


def test_the_urgent_button_after_a_classifier_hit_asks_for_a_person_at_once(compiled) -> None:
    chat = make_harness(compiled, MONDAY_MORNING, distress=fixed_classifier)
    chat.say(WITH_QUESTION)
    chat.say("en wat kost dat?")  # the offer of a person is not an open question: the kind rides on the button
    chat.press("handover:urgent-suicide")
    handover = chat.conversation().handover
    assert handover is not None and handover.urgent and handover.status == HandoverStatus.WAITING
    assert handover.crisis == "suicide"  # staff see which crisis it is


def test_whatsapp_sends_the_urgent_button_within_two_messages(compiled) -> None:
    """The first turn of a WhatsApp chat (greeting, crisis line, answer, feedback) is folded into
    one text and the last choices: the button for a person now is the first reply button, and
    its id asks the crisis team for a person with the crisis kind."""
    chat = make_harness(compiled, MONDAY_MORNING, distress=fixed_classifier)
    reply = chat.say(WITH_QUESTION, channel=Channel.WHATSAPP, conversation_id="alpha." + "cd" * 16)
    sent = wa.render_reply(reply, Address(id="31612345678", kind="wa_id"))
    assert len(sent) <= wa.MAX_MESSAGES_PER_TURN
    said = " ".join(payload["text"]["body"] if payload["type"] == "text" else payload["interactive"]["body"]["text"]
                    for payload in sent)
    assert "0800-0113" in said and "paspoort" in said.lower()
    choice = sent[-1]["interactive"]
    assert choice["type"] == "button" and len(choice["action"]["buttons"]) <= 3
    urgent = choice["action"]["buttons"][0]["reply"]
    assert urgent == {"id": "handover:urgent-suicide", "title": "Nu iemand spreken"}
    chat.press(urgent["id"], title=urgent["title"])
    handover = chat.conversation().handover
    assert handover.urgent and handover.crisis == "suicide" and handover.status == HandoverStatus.WAITING


@pytest.mark.parametrize("channel", [Channel.MESSENGER, Channel.INSTAGRAM])
def test_messenger_and_instagram_send_the_urgent_button_as_the_first_quick_reply(compiled, channel) -> None:
    """Quick replies show only under the newest message: the urgent choice is among them, first,
    and the turn stays within two messages (Instagram: 1,000 bytes a message)."""
    chat = make_harness(compiled, MONDAY_MORNING, distress=fixed_classifier)
    reply = chat.say(WITH_QUESTION, channel=channel, conversation_id="alpha." + "ef" * 16)
    sent = messenger.render_reply(reply, channel, Address(id="2468", kind="id"))
    assert len(sent) <= messenger.MAX_MESSAGES_PER_TURN
    assert all("quick_replies" not in body["message"] for body in sent[:-1])
    quick = sent[-1]["message"]["quick_replies"]
    assert quick[0]["payload"] == "handover:urgent-suicide" and quick[0]["title"] == "Nu iemand spreken"
    assert {"feedback:yes", "feedback:no"} <= {choice["payload"] for choice in quick}


def test_an_urgent_button_with_a_kind_that_is_no_crisis_asks_for_a_person_without_one(compiled) -> None:
    chat = make_harness(compiled, MONDAY_MORNING, distress=fixed_classifier)
    chat.press("handover:urgent-verzonnen")  # a reply id is the resident's to send: no made-up kind for staff
    handover = chat.conversation().handover
    assert handover is not None and handover.urgent and handover.crisis is None


@pytest.mark.parametrize("moment", [MONDAY_MORNING, SATURDAY_EVENING])
def test_a_classifier_hit_that_asks_nothing_else_gets_the_crisis_help_worded_as_a_question(compiled, moment) -> None:
    chat = make_harness(compiled, moment, distress=fixed_classifier)
    reply = chat.say(ONLY_DISTRESS)
    first = reply.messages[0].text
    assert first.startswith("Ik lees dat het misschien niet goed met u gaat") and "0800-0113" in first
    assert "digitale assistent" in first  # still says what it is on the first turn
    assert "Dat begrijp ik niet" not in texts(reply) and len(reply.messages) == 1
    counts = chat.counts()
    assert counts["crisis"] == counts["crisis:suicide"] == counts["crisis_line"] == 1
    if moment == MONDAY_MORNING:  # as after any crisis help: a person now, or not
        assert payloads(reply) == ["handover:urgent-suicide", "handover:no"]
        assert chat.say("ja").handover is not None
        assert chat.conversation().handover.crisis == "suicide"
    else:
        assert payloads(reply) == []


def test_the_classifier_kind_picks_the_number(compiled) -> None:
    reply = make_harness(compiled, SATURDAY_EVENING, distress=fixed_classifier).say("paspoort aanvragen, hij doet me steeds pijn")
    assert "Veilig Thuis" in reply.messages[0].text and "0800-2000" in reply.messages[0].text
    assert [link.url for link in reply.messages[0].links] == ["https://veiligthuis.nl"]


def test_the_classifier_is_not_asked_when_the_rules_fire_or_for_a_button(compiled) -> None:
    chat = make_harness(compiled, MONDAY_MORNING, distress=never)
    assert "0800-0113" in texts(chat.say("ik wil niet meer leven"))
    chat.press("handover:no")


def test_a_classifier_hit_during_a_handover_gets_the_help_and_marks_it_urgent(compiled) -> None:
    chat = make_harness(compiled, MONDAY_MORNING, distress=lambda text: "suicide" if text == WITH_QUESTION else None)
    chat.say("ik wil een mens spreken")
    reply = chat.say(WITH_QUESTION)
    assert "0800-0113" in texts(reply) and chat.conversation().handover.urgent
    assert chat.conversation().handover.crisis == "suicide"

"""A topic the matcher reads on one word many topics share ("register": a birth, a death, a move) and no word
naming it (`Turn._carried_by_a_shared_word`, `Matcher.shared_word_only`): not answered, not offered first."""
from __future__ import annotations

from dataclasses import replace

from engine_support import ScriptedMatcher, compiled, make_harness, payloads, texts  # noqa: F401 - compiled is a fixture

from core.matcher import Alternative, Classification, SharedWord

BOAT = "waar registreer ik mijn boot"
ALONE = "waar moet ik registreren"
SHARED = SharedWord("registreer", ["paspoort", "id-kaart"], alone=False)


def harness(compiled, text: str, reading: Classification, shared: SharedWord | None):
    return make_harness(compiled, matcher=ScriptedMatcher(
        {text: reading}, compiled["alpha"].matcher, shared_words={text: shared} if shared else None))


def test_an_answer_carried_by_a_shared_word_gets_the_scope_message(compiled) -> None:
    chat = harness(compiled, BOAT, Classification("paspoort", 0.92, [], "answer"), SHARED)
    reply = chat.say(BOAT)
    assert reply.intent is None and "Daar kan ik u niet mee helpen" in texts(reply)
    assert "intent:paspoort" not in payloads(reply)
    assert chat.counts()["shared_word_only"] == 1


def test_the_same_answer_with_a_word_naming_its_topic_is_answered(compiled) -> None:
    chat = harness(compiled, BOAT, Classification("paspoort", 0.92, [], "answer"), None)
    assert chat.say(BOAT).intent == "paspoort"


def test_the_shared_word_alone_offers_the_topics_that_share_it(compiled) -> None:
    chat = harness(compiled, ALONE, Classification("paspoort", 0.95, [], "answer"), replace(SHARED, alone=True))
    reply = chat.say(ALONE)
    assert reply.intent is None and "Bedoelt u" in texts(reply)
    assert {"intent:paspoort", "intent:id-kaart"} <= set(payloads(reply))


def test_a_sure_guess_carried_by_a_shared_word_is_not_offered_first(compiled) -> None:
    guess = Classification(None, 0.85, [Alternative("paspoort", 0.85), Alternative("id-kaart", 0.14)], "clarify")
    reply = harness(compiled, BOAT, guess, SHARED).say(BOAT)
    assert "Bedoelt u" not in texts(reply) and "intent:paspoort" not in payloads(reply)


def test_an_unsure_guess_is_offered_as_it_is(compiled) -> None:
    guess = Classification(None, 0.45, [Alternative("paspoort", 0.45), Alternative("id-kaart", 0.2)], "clarify")
    reply = harness(compiled, BOAT, guess, SHARED).say(BOAT)
    assert "Bedoelt u" in texts(reply) and "intent:paspoort" in payloads(reply)



def test_a_word_shared_within_one_domain_names_its_subject(compiled) -> None:
    # "papier" reads the waste calendar 0.46 and the bins 0.26: "wanneer komt het oud papier" stays answered
    alpha = compiled["alpha"]
    intents = {**alpha.intents, **{intent_id: alpha.intents[intent_id].model_copy(update={"domain": "reisdocumenten"})
                                   for intent_id in ("paspoort", "id-kaart")}}
    one_domain = {**compiled, "alpha": replace(alpha, intents=intents)}
    chat = harness(one_domain, BOAT, Classification("paspoort", 0.92, [], "answer"), SHARED)
    assert chat.say(BOAT).intent == "paspoort"
    assert "shared_word_only" not in chat.counts()

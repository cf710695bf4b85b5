"""Broad domains (knowledge/_out_of_scope.yaml `domains:`, a topic's `domain:`): a short message the matcher
places in no topic that names a domain is offered the domain's topics, ranked by the matcher among the intents
alone; the checks `balie kb check` runs on them."""
from __future__ import annotations

from dataclasses import replace

from engine_support import ScriptedMatcher, compiled, make_harness, payloads, texts  # noqa: F401 - compiled is a fixture

from core.kb.checks import domain_problems
from core.kb.models import Domain, Examples, Intent, OutOfScope, Referral, Text
from core.matcher import Alternative, Classification

DOCUMENTS = Domain(id="documenten", words=["reisdocument*", "travel document*"])


def _with_documents_domain(compiled, referrals=()):
    alpha = compiled["alpha"]
    intents = {intent_id: intent.model_copy(update={"domain": "documenten"}) if intent_id in ("paspoort", "id-kaart")
               else intent for intent_id, intent in alpha.intents.items()}
    return compiled | {"alpha": replace(alpha, intents=intents, domains=(DOCUMENTS,), referrals=tuple(referrals))}


def _rejected(text: str) -> ScriptedMatcher:
    return ScriptedMatcher({text: Classification(None, 0.1, [Alternative("afvalkalender", 0.1)], "reject")}, None)


def test_a_short_message_naming_a_domain_gets_its_topics_ranked_by_the_matcher(compiled) -> None:
    text = "welk reisdocument moet ik hebben"
    knowledge = _with_documents_domain(compiled)
    matcher = _rejected(text)
    matcher.fallback = compiled["alpha"].matcher
    chat = make_harness(knowledge, matcher=matcher)
    reply = chat.say(text)
    assert reply.intent is None and "Bedoelt u" in texts(reply)
    ranked = compiled["alpha"].matcher.ranked_among(text, ["id-kaart", "paspoort"])
    assert [payload for payload in payloads(reply) if payload.startswith("intent:")] == [f"intent:{i}" for i in ranked]
    assert "choice:other" in payloads(reply)
    assert chat.counts()["domain_offered"] == 1 and chat.counts()["unanswered"] == 1  # on the editors' list at once


def test_a_long_message_or_a_referral_named_gets_no_domain_offer(compiled) -> None:
    long_text = "welk reisdocument moet ik hebben want ik ga volgende maand op reis naar verre landen"
    matcher = _rejected(long_text)
    matcher.fallback = compiled["alpha"].matcher
    reply = make_harness(_with_documents_domain(compiled), matcher=matcher).say(long_text)
    assert "intent:paspoort" not in payloads(reply) and reply.intent is None

    text = "reisdocument voor mijn verblijfsvergunning"
    ind = Referral(organisation="IND", url="https://ind.nl", words=["verblijfsvergunning"],
                   text=Text(nl="Voor een verblijfsvergunning gaat u naar de IND: ind.nl.", en="Go to the IND: ind.nl."))
    matcher = _rejected(text)
    matcher.fallback = compiled["alpha"].matcher
    chat = make_harness(_with_documents_domain(compiled, [ind]), matcher=matcher)
    reply = chat.say(text)
    assert "intent:paspoort" not in payloads(reply) and "gaat u naar de IND" in texts(reply)


def test_the_matcher_ranks_a_domains_topics_among_the_intents_alone(compiled) -> None:
    matcher = compiled["alpha"].matcher
    assert matcher.ranked_among("mijn paspoort is verlopen", ["id-kaart", "paspoort"]) == ["paspoort", "id-kaart"]
    assert matcher.ranked_among("mijn paspoort is verlopen", ["paspoort", "onbekend"]) == ["paspoort"]


def test_the_knowledge_names_a_domain_only_when_it_has_topics(compiled) -> None:
    knowledge = _with_documents_domain(compiled)["alpha"]
    assert knowledge.domain_named("welk travel document heb ik nodig") == DOCUMENTS
    assert sorted(knowledge.domain_topics("documenten")) == ["id-kaart", "paspoort"]
    assert replace(knowledge, intents=compiled["alpha"].intents).domain_named("mijn reisdocument") is None


def _topic(intent_id: str, domain: str | None) -> Intent:
    return Intent(id=intent_id, kind="topic", domain=domain, title=Text(nl=intent_id, en=intent_id),
                  answer=Text(nl="Antwoord.", en="Answer."), examples=Examples(nl=[intent_id], en=[]))


def test_kb_check_wants_each_domain_defined_once_with_two_topics_and_usable_words() -> None:
    out_of_scope = OutOfScope(examples=Examples(nl=["het weer"], en=[]),
                              domains=[Domain(id="afval", words=["afval*"]), Domain(id="geld", words=["*"])])
    intents = {"grofvuil": _topic("grofvuil", "afval"), "milieustraat": _topic("milieustraat", "afval"),
               "bijstand": _topic("bijstand", "geld"), "paspoort": _topic("paspoort", "documenten")}
    problems = [problem.message for problem in domain_problems(out_of_scope, intents)]
    assert any("'geld' has 1 topic" in message for message in problems)
    assert any("paspoort: domain 'documenten'" in message for message in problems)
    assert any("'*' only at the end of a word" in message for message in problems)
    assert not any("'afval'" in message for message in problems)


def test_the_matchers_sure_lone_favourite_goes_before_the_domain_named(compiled) -> None:
    # "Heeft u te weinig inkomen om de aanslag te betalen?": the matcher's sure lone guess (just under the cut-off)
    # is offered first with its next guess; the domain the message also names ("inkomen") does not replace it.
    text = "welk reisdocument moet ik hebben"
    lone = Classification(None, 0.85, [Alternative("afvalkalender", 0.85), Alternative("parkeervergunning", 0.1)], "clarify")
    matcher = ScriptedMatcher({text: lone}, compiled["alpha"].matcher)
    chat = make_harness(_with_documents_domain(compiled), matcher=matcher)
    reply = chat.say(text)
    assert [payload for payload in payloads(reply) if payload.startswith("intent:")] == [
        "intent:afvalkalender", "intent:parkeervergunning"]
    assert "domain_offered" not in chat.counts() and chat.counts()["lone_favourite"] == 1

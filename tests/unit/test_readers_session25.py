"""The small readers session 25 added to the dialogue (issue 15): what a message says in free text, one concern each."""
from __future__ import annotations

from datetime import date

import pytest

from core.dialogue import facts, followups, referrals, replies, small_talk


@pytest.mark.parametrize("text", ["sorry, verkeerd, ik woon in Lindendorp", "we actually live in Zuidhaven",
                                  "I'm living in Amsterdam now", "ik woon eigenlijk in Voorbeeld-Noord"])
def test_another_gemeente_told_by_its_name(text: str) -> None:
    assert referrals.lives_elsewhere(text, "Gemeente Voorbeeld")


@pytest.mark.parametrize("text", ["ik woon in Voorbeeld", "ik woon in een flat", "we wonen in de binnenstad",
                                  "ik woon in Kerkstraat 5", "ik woon in de Lindelaan", "ik woon in Lindendorp, wat nu?"])
def test_a_home_an_address_or_the_own_gemeente_is_no_other_gemeente(text: str) -> None:
    assert not referrals.lives_elsewhere(text, "Gemeente Voorbeeld")


def test_the_own_gemeente_named_by_a_part_of_its_name() -> None:
    assert not referrals.lives_elsewhere("ik woon in Noord", "Gemeente Voorbeeld-Noord")


@pytest.mark.parametrize("text", ["welke van die 3 eerst?", "alle drie graag", "both please", "and the other one?",
                                  "en de rest?", "allebei"])
def test_every_topic_offered(text: str) -> None:
    assert replies.all_of_these(text)


@pytest.mark.parametrize("text", ["ja", "welke?", "de tweede", "nee"])
def test_not_every_topic_offered(text: str) -> None:
    assert not replies.all_of_these(text)


@pytest.mark.parametrize(("text", "age"), [("is die opvang ook voor mij? ik ben pas 19", 19),
                                           ("can I go there too if I'm 16?", 16), ("hoe laat is het", None)])
def test_own_age(text: str, age: int | None) -> None:
    assert followups.own_age(text) == age


@pytest.mark.parametrize("text", ["kom ik dan in aanmerking?", "heb ik daar recht op?", "do I qualify then?",
                                  "is that enough to get it?"])
def test_asks_if_eligible(text: str) -> None:
    assert followups.asks_if_eligible(text)


@pytest.mark.parametrize(("text", "kosten"), [("kost geld?", True), ("hoeveel geld?", True), ("how much money?", True),
                                              ("kan ik geld krijgen?", False)])
def test_money_in_a_few_words_asks_the_cost(text: str, kosten: bool) -> None:
    assert (followups.asked_kinds(text) == ["kosten"] and followups.is_contextual(text)) == kosten


@pytest.mark.parametrize(("text", "by_mail"), [("kan ik het ook mailen?", True), ("can I send it by email?", True),
                                               ("mag ik mijn bezwaar per mail sturen met foto's?", False)])
def test_by_mail(text: str, by_mail: bool) -> None:
    assert followups.asks_by_mail(text) == by_mail


def test_a_date_told_alone_is_the_next_such_day() -> None:
    today = date(2026, 12, 1)
    assert facts.date_told("in juni, 12 juni", today) == date(2027, 6, 12)
    assert facts.date_told("op 3 maart denk ik", today) == date(2027, 3, 3)
    assert facts.date_told("we gaan 12 juni trouwen in het stadhuis", today) is None
    assert facts.date_told("op zaterdag", today) is None


@pytest.mark.parametrize(("text", "asked"), [("kan dat ook 's avonds? ik werk tot 6", True),
                                             ("can I come in the evening?", True), ("ik werk 's avonds", False)])
def test_the_evening_asked(text: str, asked: bool) -> None:
    rest = facts.evening_asked(text)
    assert (rest is not None and followups.is_contextual(rest)) == asked


@pytest.mark.parametrize(("text", "calls"), [("hallo??", True), ("hello?", True), ("ben je er nog?", True),
                                             ("hallo, hoe verleng ik mijn paspoort?", False)])
def test_calling_out(text: str, calls: bool) -> None:
    assert small_talk.calls_out(text) == calls

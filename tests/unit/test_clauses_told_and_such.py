"""Readings of a message's form the answer decision uses: a clause that asks after what is told, a problem told
without a question, and a thing pointed back at as "such a" one that the current topic's follow-up answer names."""
from __future__ import annotations

from core.dialogue import clauses, followups

DEATH_COSTS = ("De aangifte van overlijden is gratis. Een akte van overlijden kost wel geld.\n"
               "Registering a death is free. A death certificate does cost money.")


def test_a_clause_after_what_is_told_may_ask() -> None:
    assert clauses.a_clause_asks("ik open in mei een koffiezaak en wil een terras op de stoep, wat moet ik regelen")
    assert not clauses.a_clause_asks("ik open in mei een koffiezaak en wil een terras op de stoep")


def test_a_question_mark_ends_a_clause_that_asks_before_more_is_told() -> None:
    assert clauses.a_clause_asks("ok and can my visitors park too? my sister comes over on sundays")
    assert not clauses.a_clause_asks("ok my sister comes over on sundays")


def test_a_problem_told_is_not_background() -> None:
    assert clauses.tells_a_problem("ik kreeg de aanslag maar ik kan hem niet betalen, ik heb alleen aow")
    assert clauses.tells_a_problem("the bill came and I can't pay it")
    assert not clauses.tells_a_problem("Recently I had to renew my expiring American passport here")


def test_such_a_thing_the_topics_followup_names_is_that_followup() -> None:
    assert followups.names_such_in("wat kost zo'n akte", DEATH_COSTS)
    assert followups.names_such_in("how much is such a certificate?", DEATH_COSTS)


def test_such_a_thing_the_followup_does_not_name_is_not() -> None:
    assert not followups.names_such_in("wat kost zo'n parkeervergunning", DEATH_COSTS)
    assert not followups.names_such_in("wat kost een akte", DEATH_COSTS)  # no "such a": a question of its own
    assert not followups.names_such_in("duurt het zo'n 3 weken", DEATH_COSTS)  # "about three weeks"


def test_theres_tells_what_is_there() -> None:
    assert clauses.tells_what_is_there("there's a dead bird in our garden")
    assert clauses.tells_what_is_there("there is a dead cat in my garden")


def test_what_came_down_is_told() -> None:
    assert clauses.tells_what_came_down("a branch of a tree fell on my car")
    assert clauses.tells_what_came_down("er is een boom omgewaaid in onze straat")
    assert not clauses.tells_what_came_down("how do I report a broken street light")


def test_what_was_found_is_there() -> None:
    assert clauses.tells_what_is_there("I found a dead pigeon on our balcony")
    assert clauses.tells_what_is_there("ik heb een dode egel in de tuin gevonden")

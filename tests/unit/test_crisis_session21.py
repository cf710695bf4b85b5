"""Session 21 (crisis24), kept apart from tests/unit/test_crisis.py (an input of the distress model's digest): the rule
index anchors more rules that start at a common word, with the same detection and fewer tries (a rarer word may follow
a common one inside a phrase: "is aan het stikken" -> "stikken"; a rule without a rarer word is anchored to a topic word:
"ik ... op straat" -> "straat"), and the refit's families, both ways."""
from __future__ import annotations

import pytest

from core.dialogue import crisis

# Five times a long ordinary question full of the words the pronoun-first rules start at ("ik", "een", "mijn", "is").
LONG_ORDINARY = 5 * (
    "mijn dochter is een week bij een vriendin en ik wil een paspoort voor haar aanvragen. een man van de gemeente "
    "zegt dat ik op het stadhuis moet komen. is er een afspraak vrij? ik woon in een flat aan de rand van de stad. "
)


def _source(pattern: str) -> str:
    return crisis._expand(crisis._squeeze_pattern(pattern))


def test_a_rarer_word_after_a_common_one_in_a_phrase_is_an_anchor() -> None:
    anchors = crisis._anchor_words(_source(r"\b(?:hij|zij) (?:<W>){0,2}?(?:stikt|is aan het stikken|is choking)\b"), {})
    assert anchors == {("stikt", True), ("stiken", True), ("choking", True)}
    # a phrase whose words are all common gives no anchor; nor does a common word whose space is optional
    assert crisis._anchor_words(_source(r"\b(?:hij|zij) (?:<W>){0,2}?(?:is er|was er) niet\b"), {}) is None
    assert crisis._anchor_words(_source(r"\bik (?:<W>){0,2}?het ?stikken\b"), {}) is None


def test_a_rule_without_a_rarer_word_is_anchored_to_a_topic_word() -> None:
    index = crisis._Index()
    rule = crisis._Rule("homeless", crisis._squeeze_pattern(r"\b(?:ik|wij) (?:<W>){0,3}?op (?:de )?straat\b"))
    index._anchor(rule, rule.source, {}, {})
    assert rule.start_words == ("ik", "wij")
    assert index.anchored == {crisis._squeeze("straat"): [rule]}


def test_a_long_ordinary_text_tries_fewer_rules() -> None:
    per_kind = crisis._index().triggered(crisis._read(crisis.normalise(LONG_ORDINARY)).split())
    assert sum(len(rules) for tries in per_kind for rules, _ in tries) < 800  # (rule, word) pairs; session 20: 1,195, now 555


@pytest.mark.parametrize(("kind", "text"), [
    ("danger", LONG_ORDINARY + "help mijn zoontje is aan het stikken in een snoepje"),
    ("danger", "my little girl is choking on a grape and her lips are blue"),
    ("homeless", LONG_ORDINARY + "ik kom met mijn kinderen op straat te staan"),
    ("homeless", "wij komen vanaf vrijdag op straat te staan"),
])
def test_a_rule_anchored_so_still_matches_where_its_word_is(kind: str, text: str) -> None:
    assert kind in crisis.detect_all(text)
    assert crisis.detect_all(LONG_ORDINARY) == []

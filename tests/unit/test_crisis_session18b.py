"""Session 18 (crisis20): the rule index anchors a rule that starts at a common word to a rarer word of its own (same
detection, fewer tries), and two older rule false alarms quieted as families, both ways.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier, so changing it
means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis

# A long ordinary text full of the words the pronoun-first rules start at ("ik", "mijn", "hij", "zij", "de").
LONG_ORDINARY = (
    "ik heb een vraag over mijn aanslag. mijn buurman zegt dat hij de container niet mag zetten. zij vraagt of ik de "
    "vergunning kan verlengen. hij woont in de straat naast mijn moeder en ik wil weten wanneer de afvalkalender komt. "
) * 5


def _tries(text: str) -> int:
    """How many (rule, word) pairs the index gives a text to try."""
    words = crisis._read(crisis.normalise(text)).split()
    return sum(len(rules) for per_kind in crisis._index().triggered(words) for rules, _ in per_kind)


def test_a_rule_that_starts_at_a_common_word_is_anchored_to_its_rarer_word() -> None:
    anchors = crisis._anchor_words(crisis._expand(r"\b(?:ik|hij|zij) (?:<W>){0,2}?(?:bloedt|bloeden) (?:heel )?erg\b"), {})
    assert anchors == {("bloedt", True), ("bloeden", True)}
    # "erg" is a common word: the rarer one is the verb; an optional word is never an anchor
    assert crisis._anchor_words(r"\bik (?:heel )?erg\b", {}) is None
    # a word that need not begin a word of the text is no anchor ("kras" after "ik" without a space)
    assert crisis._anchor_words(r"\bik(?:kras|snijd)\b", {}) is None
    assert crisis._anchor_words(r"\bik kras(?:te)?\b", {}) == {("kras", False)}


def test_a_long_ordinary_text_tries_far_fewer_rules() -> None:
    assert _tries(LONG_ORDINARY) < 1_300  # before the anchors 2,455 (session 18: 995)


@pytest.mark.parametrize("text", [
    LONG_ORDINARY + "hij bloedt heel erg uit zijn hoofd",
    LONG_ORDINARY + "ik ben misbruikt door mijn oom",
    "mijn zoon bloedt heel erg en het stopt niet",
    "zij is misbruikt door haar trainer",
    "i am bleeding heavily",
])
def test_an_anchored_rule_still_matches_where_its_rarer_word_is(text: str) -> None:
    assert crisis.detect_all(text)
    assert crisis.detect_all(LONG_ORDINARY) == []


def test_the_stored_index_keeps_the_anchors() -> None:
    stored = crisis._Index.from_data(crisis.index_data())
    built = crisis._Index.built()
    assert [rule.starts for rule in stored.rules] == [rule.starts for rule in built.rules]
    assert sum(1 for rule in built.rules if rule.starts) > 200

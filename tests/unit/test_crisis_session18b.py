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
    assert [(rule.start_words, rule.start_prefixes) for rule in stored.rules] == [(rule.start_words, rule.start_prefixes) for rule in built.rules]
    assert stored.anchored.keys() == built.anchored.keys() and stored.anchored_prefix.keys() == built.anchored_prefix.keys()
    assert sum(1 for rule in built.rules if rule.start_words or rule.start_prefixes) > 200


# family -> (kind the rules find, or None for no crisis at all; phrasing)
FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "a small child who touches its own private parts (a question for the consultatiebureau)": [
        (None, "ons dochtertje van 3 zit vaak aan haar plassertje, is dat normaal?"),
        (None, "onze peuter zat gisteren weer aan haar plasje in bad, hoort dat bij die leeftijd?"),
        (None, "ons zoontje van 2 friemelt steeds aan zijn piemel, moet ik daar iets mee?"),
        (None, "waarom zit mijn peuter zo vaak aan haar eigen plasje"),
        (None, "onze kleuter speelt vaak met zijn piemeltje, hoort dat bij die leeftijd?"),
        (None, "mijn dochter (4) zit vaak aan haar vagina, moet ik naar het consultatiebureau?"),
        (None, "mijn kleine meid van 3 zit telkens aan haar plassertje als ze tv kijkt"),
        ("sexual", "de buurman zit aan haar plassertje"),
        ("sexual", "mijn dochter van 4 zegt dat oom aan haar plassertje zit"),
        ("sexual", "mijn dochter van 3 zit aan haar plassertje sinds ze bij de oppas was"),
        ("sexual", "mijn zoon van 15 zit aan zijn zusje van 3"),
    ],
    "a tent or a caravan on a camping site": [
        (None, "we wonen in een tent zonder stroom op de camping"),
        (None, "wij slapen deze zomer in onze eigen tent met de kinderen op een kleine camping aan zee"),
        (None, "we live in a tent with no electricity at the campsite near the lake"),
        ("homeless", "ik slaap al een week in mijn auto, ik heb geen huis"),
        ("homeless", "we slapen in de auto, we moeten morgen weg van de camping"),
        ("homeless", "ik woon al maanden in een tent in het bos, ik heb geen huis"),
    ],
}


@pytest.mark.parametrize(("kind", "text"), [row for rows in FAMILIES.values() for row in rows])
def test_family_phrasing(kind: str | None, text: str) -> None:
    if kind is None:
        assert crisis.detect_all(text) == [], crisis.normalise(text)
    else:
        assert kind in crisis.detect_all(text), crisis.normalise(text)


def test_every_match_of_the_topic_nouns_holds_one_of_their_hints() -> None:
    """_without_subject_nouns looks for _TOPIC_NOUN_HINTS before searching _HOMELESSNESS_OVER: sound only if every match
    holds one of them: each alternative has a beginning whose required strings (core.required_text) all contain one."""
    from core.required_text import required_text

    source = crisis._squeeze_pattern(crisis._HOMELESSNESS_OVER)
    assert source.startswith("\\b(?:") and source.endswith(")\\b")
    alternatives = []
    for part in crisis._split_alternatives(source[len("\\b(?:"):-len(")\\b")]):
        whole_group = part.startswith("(?:") and crisis._closing_parenthesis(part) == len(part) - 1
        alternatives += crisis._split_alternatives(part[3:-1]) if whole_group else [part]
    assert len(alternatives) > 50
    for alternative in alternatives:
        # a match of the alternative holds a match of each of its beginnings (its parts up to one of them), so their needs
        # are its needs too: one beginning whose needs all hold a hint is enough
        ends = [start + len(part) + len(quantifier) for part, quantifier, start in crisis._items(alternative)]
        covered = False
        for end in ends:
            needs = required_text(f"\\b(?:{alternative[:end]})")
            if needs and all(any(hint in need for hint in crisis._TOPIC_NOUN_HINTS) for need in needs):
                covered = True
                break
        assert covered, alternative

"""Session 20 (crisis23): the crisis readings' gates found in one pass, and the gates added before the costliest readings
(each must hold in every match of its pattern, or a reading would be skipped where it applied)."""
from __future__ import annotations

import pytest

from core.dialogue import crisis
from core.required_text import required_text

_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _every_match_holds_one(source: str, gate: frozenset[str]) -> bool:
    """Whether every match of `source` holds one of the gate words, as core.required_text can tell: in each alternative a
    run of consecutive parts whose required strings all hold one (a match of the alternative holds a match of the run), or
    a group that every match passes through (no quantifier) whose alternatives all do."""
    return all(_alternative_holds_one(alternative, gate) for alternative in crisis._split_alternatives(source))


def _alternative_holds_one(alternative: str, gate: frozenset[str]) -> bool:
    items = crisis._items(alternative)
    for first in range(len(items)):
        for last in range(first, len(items)):
            part, quantifier, start = items[last]
            needs = required_text(alternative[items[first][2]:start + len(part) + len(quantifier)])
            if needs and all(any(word in need for word in gate) for need in needs):
                return True
    for part, quantifier, _ in items:
        if quantifier or not part.startswith("(") or part.startswith(_LOOKAROUNDS):
            continue
        inner = part[part.index(">") + 1:-1] if part.startswith("(?P<") else part[3:-1] if part.startswith("(?:") else part[1:-1]
        if _every_match_holds_one(inner, gate):
            return True
    return False


GATED_READINGS = [
    ("_RETRACTION_HINTS", "_RETRACTED"),
    ("_LONG_AGO_HINTS", "_LONG_AGO"),
    ("_DESPAIR_NEGATION_HINTS", "_DESPAIR_PHRASE"),
    ("_EVICTION_ACT_HINTS", "_GENERAL_EVICTION"),
    ("_NOT_MINE_NEGATION_HINTS", "_NOT_MINE"),
    ("_LANDLORD_HINTS", "_LANDLORD_SELF"),
    ("_CLUB_HINTS", "_READING_CLUB"),
    ("_SUICIDE_WORD_HINTS", "_SUICIDE_LONG_AGO"),
    ("_SUICIDE_WORD_HINTS", "_THING_IS_SUICIDE"),
    ("_SHELTER_HINTS", "_SHELTER_MOVING"),
    ("_HOMELESS_HINTS", "_PEOPLE_REFERRED"),
    ("_COUNT_HINTS", "_COUNT_SLEEPING_OUT"),
    ("_NO_FIXED_ADDRESS_HINTS", "_NO_FIXED_ADDRESS"),
    ("_IF_I_DO_HINTS", "_IF_I_DO"),
    ("_TERMINAL_HINTS", "_TERMINAL"),
]


@pytest.mark.parametrize(("gate", "reading"), GATED_READINGS)
def test_every_match_of_a_gated_reading_holds_one_of_its_gate_words(gate: str, reading: str) -> None:
    pattern = getattr(crisis, reading)
    source = pattern.pattern if hasattr(pattern, "pattern") else crisis._squeeze_pattern(pattern)
    assert _every_match_holds_one(source, getattr(crisis, gate)), (gate, reading)


def test_the_check_of_a_gate_refuses_a_word_a_match_can_do_without() -> None:
    assert not _every_match_holds_one(crisis._squeeze_pattern(crisis._LONG_AGO), frozenset({"geleden", "ago"}))
    assert not _every_match_holds_one(crisis._squeeze_pattern(crisis._LANDLORD_SELF), frozenset({"landlord"}))


GATE_TEXTS = [
    "ik ben dakloos sinds gisteren . 1 . en mijn kind van 2 zit steeds aan mij",
    "ik wil niet meer leven , het is lang voorbij maar ik trek het niet meer haha grapje",
    "mijn huisbaas wil ons eruit zetten als ik een schotel ophang , is dat legaal",
    "the war camp story of my grandpa for school , years ago , not for me",
    "hoeveel mensen slapen er buiten in de nachtopvang",
    "",
    "a",
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_the_gate_words_found_in_one_pass_are_those_the_text_holds(text: str) -> None:
    normalised = crisis.normalise(text) if text else text
    gates = crisis._GateWords()
    for gate in (crisis._STING_HINTS, crisis._YOUNG_HINTS, crisis._CLINGS_HINTS, crisis._JEST_HINTS, crisis._EVICTION_ACT_HINTS,
                 crisis._LONG_AGO_HINTS, crisis._NOT_MINE_HINTS, crisis._WAR_HINTS, crisis._COUNT_HINTS, crisis._SESSION16B_HINTS):
        assert gates.holds(normalised, gate) == any(word in normalised for word in gate), (gate, normalised)
    held = {word for word in crisis._GATE_WORDS if word in normalised}
    assert {word for word in crisis._GATE_WORDS if gates.holds(normalised, frozenset({word}))} == held


def test_the_gate_words_are_found_again_when_a_reading_changed_the_text() -> None:
    gates = crisis._GateWords()
    assert gates.holds("ik slaap in de nachtopvang", crisis._SHELTER_HINTS)
    assert not gates.holds("ik slaap in de nacht", crisis._SHELTER_HINTS)

"""The stateless parts of the engine: slot validation, language detection, follow-up cues."""
from __future__ import annotations

from datetime import date

import pytest

from core.dialogue import followups, language, replies, slots

TODAY = date(2026, 12, 24)


@pytest.mark.parametrize(
    ("slot_type", "answer", "value"),
    [
        ("postcode", "1234AB", "1234 AB"),
        ("postcode", " 1234 ab ", "1234 AB"),
        ("postcode", "0123 AB", None),  # no postcode starts with 0
        ("postcode", "1234 SS", None),  # SA, SD and SS are never issued
        ("postcode", "12345", None),
        ("huisnummer", "12", "12"),
        ("huisnummer", "12a", "12A"),
        ("huisnummer", "12 bis", "12BIS"),
        ("huisnummer", "12-2", "12-2"),
        ("huisnummer", "007", "7"),
        ("huisnummer", "0", None),
        ("huisnummer", "twaalf", None),
        ("phone", "06-12345678", "+31612345678"),
        ("phone", "020 123 4567", "+31201234567"),
        ("phone", "+44 20 7946 0958", "+442079460958"),
        ("phone", "12345", None),
        ("email", "jan@example.nl", "jan@example.nl"),
        ("email", "jan@example", None),
        ("email", "jan example.nl", None),
        ("date", "31-12-2026", "2026-12-31"),
        ("date", "2027-01-02", "2027-01-02"),
        ("date", "3 januari", "2027-01-03"),  # in December: next January
        ("date", "25 dec", "2026-12-25"),
        ("date", "morgen", "2026-12-25"),
        ("date", "tomorrow", "2026-12-25"),
        ("date", "31-02-2026", None),
        ("date", "ooit", None),
        ("text", "  iets   anders ", "iets anders"),
        ("text", "   ", None),
    ],
)
def test_slot_answers_are_validated_and_normalised(slot_type: str, answer: str, value: str | None) -> None:
    assert slots.parse(slot_type, answer, TODAY) == value


@pytest.mark.parametrize("answer", ["stop", "Stoppen", "cancel", "STOP!", "ik wil stoppen"])
def test_stop_words_end_a_flow(answer: str) -> None:
    assert replies.is_stop(answer)


def test_a_sentence_with_stop_in_it_is_not_a_stop() -> None:
    assert not replies.is_stop("waar is de bushalte bij de stop")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wanneer wordt mijn afval opgehaald", "nl"),
        ("hoe verleng ik mijn paspoort", "nl"),
        ("when is my garbage collected", "en"),
        ("how do I renew my passport", "en"),
        ("12345", None),
        ("ok", None),
    ],
)
def test_language_detection(text: str, expected: str | None) -> None:
    assert language.detect(text) == expected


def test_a_stronger_margin_keeps_single_words_undecided() -> None:
    assert language.detect("paspoort") == "nl"
    assert language.detect("paspoort", margin=2) is None


@pytest.mark.parametrize(
    ("text", "kind", "contextual"),
    [
        ("wat kost dat?", "kosten", True),
        ("En de kosten?", "kosten", True),
        ("hoe duur is het", "kosten", True),
        ("how much does it cost?", "kosten", True),
        ("hoe lang duurt het?", "duur", True),
        ("how long does it take", "duur", True),
        ("en voor mijn kind?", "kind", True),
        ("what about my children?", "kind", True),
        ("and for my child?", "kind", True),
        ("wat kost het voor mijn kind", "kind", True),
        ("wat moet ik meenemen", "meenemen", True),
        ("what do I need to bring?", "meenemen", True),
        ("wat kost een paspoort", "kosten", False),
        ("hoe lang duurt een verhuizing doorgeven", "duur", False),
        ("paspoort verlengen", None, False),
        ("ben ik te laat?", "termijn", True),
        ("is it too late?", "termijn", True),
        ("het busje komt steeds te laat", None, False),  # late on the way, not too late to apply
        ("the bus was late again", None, False),
    ],
)
def test_follow_up_cues(text: str, kind: str | None, contextual: bool) -> None:
    assert followups.detect(text) == kind
    if kind is not None:
        assert followups.is_contextual(text) is contextual


@pytest.mark.parametrize(
    ("slot_type", "answer", "value"),
    [
        ("postcode", "mijn postcode is 1234 AB", "1234 AB"),
        ("postcode", "1234AB 12", "1234 AB"),
        ("postcode", "12345 AB", None),
        ("huisnummer", "huisnummer 12a", "12A"),
        ("huisnummer", "mijn nummer is 7", "7"),
        ("huisnummer", "ik woon op 12", None),  # a bare number in a sentence may be anything
        ("phone", "bel me op 06-12345678 graag", "+31612345678"),
        ("email", "mijn mail is jan@example.nl.", "jan@example.nl"),
        ("date", "graag op 3 januari", "2027-01-03"),
        ("date", "kan het morgen?", "2026-12-25"),
    ],
)
def test_slot_answers_in_a_sentence(slot_type: str, answer: str, value: str | None) -> None:
    assert slots.parse(slot_type, answer, TODAY) == value


@pytest.mark.parametrize(("answer", "rest_number"), [
    ("1234AB 5", "5"), ("1234 ab 12a", "12A"), ("mijn postcode is 1234 AB en het huisnummer 7-2", "7-2"), ("1234 AB", None),
    ("ik woon op 1234 AB 12", "12"), ("1234AB, 5", "5"), ("12, 1234 AB", None)])
def test_a_postcode_answer_may_carry_the_house_number(answer: str, rest_number: str | None) -> None:
    rest = slots.rest_after("postcode", answer)
    assert slots.parse("postcode", answer, TODAY) is not None
    assert slots.parse("huisnummer", rest, TODAY) == rest_number


def test_only_a_postcode_leaves_a_rest() -> None:
    assert slots.rest_after("huisnummer", "12 1234AB") == ""

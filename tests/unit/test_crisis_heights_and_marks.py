"""Suicide told as a high place and the thought of jumping further on, and self-harm told by its
marks, next to the same words in ordinary questions (session 14).

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier,
so changing it means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis


@pytest.mark.parametrize(("kind", "text"), [
    ("suicide", "ik wil van de parkeergarage springen"),
    ("suicide", "i'm on the roof of the car park thinking about jumping"),
    ("suicide", "im on top of the car park and want to jump"),
    ("suicide", "ik sta boven op het parkeerdak en denk erover om te springen"),
    ("suicide", "ik sta al een half uur op het viaduct bij de ring en twijfel of ik spring"),
    (None, "there is a leak on the roof of our building since last spring, who do I call"),
    (None, "de parkeergarage bij het station is in het voorjaar dicht, waar kan ik dan parkeren"),
    (None, "op het dak van de flat zit een meeuwennest, die springen er steeds af"),
    (None, "mag ik een bungeejump organiseren vanaf de brug"),
])
def test_a_high_place_and_the_thought_of_jumping(kind: str | None, text: str) -> None:
    assert crisis.detect(text) == kind, crisis.normalise(text)


@pytest.mark.parametrize(("kind", "text"), [
    ("suicide", "ik krab mezelf elke avond open tot het bloedt"),
    ("suicide", "i scratch my arms until they bleed, nobody knows"),
    ("suicide", "ze krast haar armen tot ze bloeden, ik weet niet wat ik moet doen"),
    (None, "mijn zoon krabt zijn eczeem open tot het bloedt, vergoedt de gemeente crème"),
    (None, "de kat krabt aan de bank tot het kapot is"),
])
def test_self_harm_told_by_its_marks(kind: str | None, text: str) -> None:
    assert crisis.detect(text) == kind, crisis.normalise(text)

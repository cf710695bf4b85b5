"""Medicines left over and handed in (lead, session 17): "te veel medicijnen thuis, waar kan ik ze inleveren" is a
question about handing in medicines (chemical waste), not a plan with pills; the quantity-of-pills rule stays quiet
when the clause, or the next one, asks where to hand them in or throw them away. Taking them stays a crisis.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis


@pytest.mark.parametrize("text", [
    "te veel medicijnen thuis, waar kan ik ze inleveren",
    "ik heb nog te veel medicijnen over, waar kan ik die inleveren?",
    "we hebben te veel pillen over van opa, waar kan ik die weggooien",
    "veel medicijnen over van mijn moeder, mag ik die in de kliko of moet ik ze wegbrengen",
    "hele strips tabletten over, kan ik die terugbrengen naar de milieustraat?",
    "I have too many pills left over from my late dad, how do I get rid of them",
])
def test_medicines_to_hand_in_are_no_crisis(text: str) -> None:
    assert crisis.detect(text) is None


@pytest.mark.parametrize("text", [
    "ik heb te veel medicijnen genomen",
    "ik slik vanavond al mijn pillen",
    "ik neem al mijn pillen en dan ben ik weg",
    "ik heb al mijn slaappillen verzameld, waar kan ik mijn paspoort inleveren maakt niet meer uit",
])
def test_taking_the_pills_stays_a_crisis(text: str) -> None:
    assert crisis.detect(text) == "suicide"

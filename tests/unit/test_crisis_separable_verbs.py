"""A Dutch separable verb read whole: "ze slaan ons steeds over" is "overslaan" (skipping the bins),
not a blow; "over" that goes on ("over mijn hoofd") or stands in another clause leaves the blow (session 14).

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier,
so changing it means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis


@pytest.mark.parametrize(("kind", "text"), [
    (None, "ik wil een klacht indienen over de vuilnisophaal, ze slaan ons steeds over"),
    (None, "de vuilnismannen sloegen onze straat weer over"),
    (None, "ze slaan ons huis elke week over met het oud papier"),
    (None, "ik sla die vraag over"),
    ("violence", "hij slaat me over mijn hoofd"),
    ("violence", "mijn man slaat me steeds"),
    ("violence", "hij sloeg me en het is nog steeds niet over"),
    ("violence", "hij slaat ons, over een uur is hij weer thuis"),
])
def test_overslaan_is_no_blow(kind: str | None, text: str) -> None:
    assert crisis.detect(text) == kind, crisis.normalise(text)

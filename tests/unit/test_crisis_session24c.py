"""Session 24 (crisis27): the families of the crisis rows main's model caught and the session 24 refit (batch 27 trained on) no
longer reads, as rules in our own words, each with lookalikes that must stay quiet. Kept apart from tests/unit/test_crisis.py
(an input of the distress model's digest)."""
from __future__ import annotations

import pytest

from core.dialogue import crisis

FAMILIES = [
    ("mijn vader appt de hele middag dat hij afscheid neemt en nu neemt hij niet meer op", "suicide"),
    ("my sister keeps texting that she is saying goodbye and she is not answering her phone", "suicide"),
    ("how high does a building have to be so you will not survive the fall", "suicide"),
    ("hoeveel verdiepingen moet een flat hebben om een val niet te overleven", "suicide"),
    ("mijn peuter is weg uit de tuin en achter het huis ligt een vijver", "danger"),
    ("my toddler is missing from the garden and there is a canal behind our street", "danger"),
    ("ik slaap al een week in de stationshal omdat ik nergens anders heen kan", "homeless"),
    ("my uncle makes me do things to him when my parents are out, he says it is our secret", "sexual"),
    ("mijn man zit hier met pijn op de borst die uitstraalt naar zijn linkerarm", "danger"),
    ("the boiler was on all night, we all have headaches and feel sick and grandpa just collapsed", "danger"),
]


@pytest.mark.parametrize(("text", "kind"), FAMILIES)
def test_a_family_the_refit_lost_is_a_rule(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text


@pytest.mark.parametrize("text", [
    "mijn opa stuurt berichtjes dat hij afscheid neemt van de koorvereniging, de voorzitter reageert niet, mag dat",
    "hoe hoog mag een schutting zijn in de achtertuin",
    "mijn fiets is weg uit de tuin, er ligt een sloot achter het huis, moet ik aangifte doen",
    "kan ik mijn was in de wasserette op de hoek laten doen",
    "my mum makes me do things for her in the garden every saturday",
    "na het sporten had ik pijn in mijn borst, kan ik een sportkeuring bij de gemeente aanvragen",
])
def test_its_lookalikes_stay_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], text

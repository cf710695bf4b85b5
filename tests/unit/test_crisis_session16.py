"""Session 16 (crisis16): what a danger is (`crisis.danger_kind`: a medical emergency gets 112 and "stay with the person",
a threat a safe place, the police and Veilig Thuis), stings and bites by insects that are no stabbing, and the families
of the lost held-out batch 19 in our own words, both ways.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier, so changing it
means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis
from core.dialogue.texts import CATALOGUE

# (danger kind, phrasing): every phrasing is danger for `detect`.
DANGER_KINDS: list[tuple[str, str]] = [
    ("medical", "mijn baby loopt blauw aan en reageert niet"),
    ("medical", "onze buurvrouw is in de supermarkt in elkaar gezakt en ademt niet"),
    ("medical", "opa heeft zich verslikt in een stuk vlees en krijgt geen lucht meer"),
    ("medical", "help my little girl is choking on a grape"),
    ("medical", "mn moeder haar mond hangt ineens scheef en ze praat met dubbele tong"),
    ("medical", "he ate peanuts and his throat is swelling shut"),
    ("medical", "mijn zoontje is door een wesp gestoken en zijn tong zwelt op"),
    ("medical", "mijn man heeft ineens pijn op de borst en zweet heel erg"),
    ("medical", "mijn dochter van 2 heeft ontstopper gedronken"),
    ("threat", "er staat een man met een mes in onze tuin"),
    ("threat", "hij slaat mijn moeder en nu is ze bewusteloos"),
    ("threat", "de keuken staat in brand en mijn vader reageert niet"),
    ("threat", "ik ruik gas en mijn buurman is bewusteloos"),
    ("threat", "er ligt een kind in het water bij de sluis"),
]


@pytest.mark.parametrize(("kind", "text"), DANGER_KINDS)
def test_a_danger_is_medical_or_a_threat(kind: str, text: str) -> None:
    assert crisis.detect(text) == "danger", crisis.normalise(text)
    assert crisis.danger_kind(text) == kind


def test_the_medical_help_names_112_and_no_threat_advice() -> None:
    text = CATALOGUE["crisis_medical"]
    assert "112" in text.nl and "112" in text.en
    for advice in ("veilige plek", "0900-8844", "Veilig Thuis"):
        assert advice not in text.nl
    for advice in ("safe place", "0900-8844", "Veilig Thuis"):
        assert advice not in text.en


# (kind, phrasing): the kind `detect` gives first, None for a near miss.
STINGS: list[tuple[str | None, str]] = [
    (None, "ik ben gestoken door een wesp"),
    (None, "ik ben door een wesp gestoken"),
    (None, "mijn dochter is gestoken door een bij in haar hand, moet ik de angel eruit halen?"),
    (None, "op het strand ben ik gestoken door een kwal, doet best zeer"),
    (None, "een hommel heeft mijn zoontje gestoken, wat kan ik erop doen"),
    (None, "ik ben door een teek gebeten in het bos, moet ik naar de huisarts?"),
    (None, "wespen hebben ons gestoken bij de speeltuin, kan de gemeente het nest weghalen?"),
    ("danger", "mijn zoon is gestoken door een wesp en zijn keel gaat dicht"),
    ("danger", "hij is gestoken met een mes"),
    ("danger", "ik ben gestoken door een man bij de supermarkt"),
    ("violence", "mijn man heeft me gebeten"),
]


@pytest.mark.parametrize(("kind", "text"), STINGS)
def test_a_sting_is_no_stabbing(kind: str | None, text: str) -> None:
    assert crisis.detect(text) == kind, crisis.normalise(text)

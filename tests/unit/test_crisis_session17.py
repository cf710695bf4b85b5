"""Session 17 (crisis18): medical danger from drink or drugs, a baby blue around the mouth, a stroke told by the speech
first, heavy bleeding (also in Spanish), labour exploitation without sex, and everyday messages the rules misread (a
late riser before school, a hostel near the station), in our own words, both ways.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier, so changing it
means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis

# family -> (kind the rules find, or None for no crisis at all; phrasing)
FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "took too much and does not wake up, respond or breathe well": [
        ("danger", "mijn vriend heeft te veel G genomen en wordt niet meer wakker"),
        ("danger", "ze heeft teveel xtc gehad en ademt heel raar"),
        ("danger", "mijn broer heeft veel te veel gedronken en is niet wakker te krijgen"),
        ("danger", "hij heeft pillen genomen en wordt niet meer wakker"),
        ("danger", "hij heeft te veel pillen geslikt en reageert niet meer"),
        ("danger", "my friend took too much GHB and is not waking up"),
        ("danger", "she drank way too much and is breathing strangely"),
        (None, "ik heb mijn medicijnen genomen maar de apotheek reageert niet meer op mijn mail"),
        (None, "ik heb te veel betaald voor mijn parkeervergunning en de gemeente reageert niet"),
    ],
    "a baby blue around the mouth": [
        ("danger", "de baby ziet blauw rond de mond en ademt raar"),
        ("danger", "our little one is blue around the lips"),
        (None, "mijn dochter is blauw rond haar mond van de bosbessen"),
    ],
    "a stroke told by the speech first": [
        ("danger", "mijn vader praat ineens heel raar en zijn mond hangt scheef"),
        ("danger", "mijn moeder praat opeens onduidelijk en haar arm is slap"),
        ("danger", "my dad suddenly talks funny, his mouth is crooked and his arm is limp"),
        (None, "mijn zoon praat raar door zijn nieuwe beugel en zijn mond staat scheef"),
        (None, "mijn opa praat onduidelijk sinds zijn beroerte en zijn arm is slap, kan hij een parkeerkaart krijgen"),
    ],
    "bleeding heavily": [
        ("danger", "mi hijo está sangrando mucho"),
        ("danger", "mi madre está sangrando mucho y no responde"),
        ("danger", "mijn zoon bloedt heel erg en het stopt niet"),
        ("danger", "he is bleeding heavily"),
        (None, "mijn zoon bloedt heel erg uit zijn neus, is de huisartsenpost open"),
        (None, "mi hijo está sangrando mucho por la nariz"),
        (None, "ik bloed heel erg als ik mijn tanden poets, moet ik naar de tandarts"),
        (None, "mijn hond bloedt heel erg aan zijn poot, waar is de dierenarts"),
    ],
    "labour exploitation without sex": [
        ("danger", "mijn baas houdt mijn paspoort vast en ik moet 14 uur per dag werken zonder loon"),
        ("danger", "het uitzendbureau heeft ons paspoort ingenomen en we mogen niet weg"),
        ("danger", "the boss keeps my passport and I work 14 hours a day and get no pay"),
        ("danger", "we werken 7 dagen per week in de kas en krijgen geen loon, we slapen in de loods"),
        ("danger", "ik slaap op mijn werk en heb een schuld bij het uitzendbureau"),
        (None, "mijn werkgever heeft een kopie van mijn paspoort nodig"),
        (None, "ik heb een schuld bij het uitzendbureau, kan ik een betalingsregeling krijgen"),
        (None, "ik moet overuren werken zonder betaling, mag dat"),
        (None, "mijn zoon moet voor niks werken bij zijn stage"),
        (None, "ik heb drie maanden geen loon gekregen, kan ik bijstand aanvragen"),
    ],
    "a late riser, not a wish to die": [
        (None, "mijn zoon wil niet wakker worden voor school"),
        (None, "my son won't wake up for school in the morning"),
        (None, "mijn dochter wil 's ochtends nooit wakker worden, wat kan ik doen"),
        ("suicide", "ik wil nooit meer wakker worden"),
        ("suicide", "ik wil niet meer wakker worden, ook niet voor school"),
    ],
    "a lodging near the station": [
        (None, "we overnachten in een hotel bij het station"),
        (None, "we slept in a hostel at the station"),
        (None, "wij sliepen in een hostel bij het station, waar kan ik de auto parkeren"),
        ("homeless", "ik slaap op het station"),
    ],
}


@pytest.mark.parametrize(("family", "kind", "text"), [(family, kind, text) for family, rows in FAMILIES.items() for kind, text in rows])
def test_each_family_both_ways(family: str, kind: str | None, text: str) -> None:
    found = crisis.detect_all(text)
    assert (kind in found) if kind else found == [], (family, found, crisis.normalise(text))


# Drink, drugs, a blue mouth, a stroke and bleeding get the medical help; labour exploitation its own; a stabbing that bleeds
# stays a threat.
@pytest.mark.parametrize(("kind", "text"), [
    ("medical", "mijn vriend heeft te veel G genomen en wordt niet meer wakker"),
    ("medical", "hij heeft te veel pillen geslikt en reageert niet meer"),
    ("medical", "our baby is blue around the mouth and breathing strangely"),
    ("medical", "mijn moeder praat opeens onduidelijk en haar arm is slap"),
    ("medical", "mi madre está sangrando mucho y no responde"),
    ("medical", "mi hijo está sangrando mucho"),
    ("exploitation", "mijn baas houdt mijn paspoort vast en ik moet 14 uur per dag werken zonder loon"),
    ("exploitation", "ik slaap op mijn werk en heb een schuld bij het uitzendbureau"),
    ("threat", "hij is neergestoken en bloedt heel erg"),
    ("threat", "mijn baas houdt mijn paspoort vast en dreigt me neer te steken"),
])
def test_the_danger_kind_of_the_new_families(kind: str, text: str) -> None:
    assert crisis.danger_kind(text) == kind

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
    ("medical", "hij heeft een pinda gegeten en nu zwelt zijn keel dicht"),
    ("medical", "mijn zoontje is door een wesp gestoken en nu zwelt zijn tong op"),
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


# The lost held-out batch 19's families in our own words: family -> (kind, phrasing), the kind `detect` gives first
# (112 before Veilig Thuis), None for a near miss.
FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "danger_told_by_the_event": [
        ("danger", "de steiger bij de nieuwbouw is ingestort en er liggen nog mensen onder"),
        ("danger", "the scaffolding collapsed and there are workers trapped under it"),
        ("danger", "ijs gebroken, twee kindjes in het water!!"),
        ("danger", "het ijs is gebroken op de sloot en mijn zoon ligt erin"),
        ("danger", "a drunk guy is swaying at the edge of the platform"),
        ("danger", "er staat een oude man te wankelen op de rand van het perron"),
        (None, "de steiger is vannacht ingestort maar er lag niemand onder, wie ruimt het op"),
        (None, "het ijs is gebroken, mogen we nog schaatsen op de vijver"),
        (None, "mijn oma wankelt een beetje, kan ze een rollator krijgen via de wmo"),
        (None, "de rand van het perron is kapot, wie moet ik bellen"),
    ],
    "homeless_without_sleeping_words": [
        ("homeless", "de gemeente heeft vandaag onze tent weggehaald, we hebben niks meer"),
        ("homeless", "handhaving heeft mijn tentje in beslag genomen"),
        ("homeless", "ik moest vandaag uit mijn antikraakwoning met mijn twee kleine kinderen"),
        ("homeless", "we zijn uit ons antikraak pand gezet, met een baby"),
        (None, "de gemeente heeft onze tent weggehaald van het festivalterrein, krijgen we de borg terug"),
        (None, "mijn antikraakwoning wordt over drie maanden opgezegd, kan ik urgentie krijgen"),
    ],
    "violence_in_other_languages": [
        ("violence", "mi hijo me amenaza y me quita dinero, rompió la puerta"),
        ("violence", "mój syn mi grozi i zabiera pieniądze"),
        ("violence", "oğlum beni tehdit ediyor ve paramı alıyor"),
        ("violence", "wlidi kayhddni w kaydi lflous dyali"),
        (None, "mi hijo me amenaza con irse de casa si no le compro un movil"),
    ],
    "trafficking_for_sex": [
        ("sexual", "ze houden mijn paspoort af en ik moet seks hebben met klanten in de massagesalon"),
        ("sexual", "they took our passports and make us do sex work"),
        (None, "mijn paspoort is verlopen, ik werk als escort in het buitenland, kan ik een nieuwe aanvragen"),
    ],
    "swelling_told_verb_first": [
        ("danger", "ze at een koekje met noten en toen zwol haar tong op"),
        (None, "mijn dochter is allergisch voor noten, zwelt haar gezicht dan op?"),
        (None, "na het eten zwelt mijn enkel op, is de fysio vergoed?"),
    ],
    "ordinary_frames_with_crisis_words": [
        (None, "ik woon op een zeilboot en heb geen vast adres, hoe vraag ik een briefadres aan"),
        (None, "mijn verhuurder dreigt me eruit te zetten als ik een schotel ophang, mag dat"),
        (None, "mijn moeder is terminaal ziek en wil thuis sterven, welke hulp via de wmo is er"),
        ("homeless", "mijn verhuurder dreigt me eruit te zetten als ik de huur niet betaal"),
        ("homeless", "ik heb geen vast adres meer sinds mijn scheiding"),
        ("suicide", "ik ben terminaal ziek, wil thuis sterven maar wil er nu al een eind aan maken"),
    ],
}


@pytest.mark.parametrize(("family", "kind", "text"), [(family, kind, text) for family, rows in FAMILIES.items() for kind, text in rows])
def test_each_family_both_ways(family: str, kind: str | None, text: str) -> None:
    assert crisis.detect(text) == kind, (family, crisis.normalise(text))

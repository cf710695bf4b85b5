"""Session 19 (crisis22): held-out batch 23's missed families in our own words (a child burnt by a parent and told to a
teacher, a child with a black eye who says a parent did it, someone who talks of disappearing and looks up the highest
flats, a car left running in a closed garage told of someone else, a drooping mouth and an arm that cannot be lifted, a
button battery or a magnet in the diminutive, a man who lures children inside with sweets or to film them, living in a
car or a van since yesterday out of necessity, Moroccan Arabic "nowhere to sleep" with the 3) and its rule false alarms
(a GP's question about the route for homeless patients, sleeping in the car at a camping site, homelessness long over),
with this session's own (a move told before the arrangements, despair said laughing about deadlines). Every row here
fails on main before this change (7420b7e); the three guard rows (None in a crisis family) fail on f2e3060, this change's
first merge, whose rules read them.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier, so changing it
means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis

# family -> (kind the rules find, or None for no crisis at all; phrasing)
FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "a child burnt by a parent or a relative": [
        ("violence", "ik ben leerkracht, een meisje uit mijn klas zei dat haar vader haar met een sigaret heeft gebrand"),
        ("violence", "mijn buurjongen vertelde dat zijn stiefmoeder hem met heet water heeft verbrand"),
        ("violence", "a pupil told me her mum burnt her with an iron, who do I call"),
    ],
    "a child with an injury who says a parent did it": [
        ("violence", "the little boy across the street had a black eye today and said his father did it"),
        ("violence", "mijn nichtje heeft een dikke lip en vertelde dat haar moeder het deed"),
        ("violence", "het buurmeisje heeft brandwonden op haar handen en zegt dat haar vader het gedaan heeft"),
        (None, "onze zoon had een blauw oog van de hockeytraining en zegt dat zijn broer het deed met de stick"),
    ],
    "talk of disappearing and the highest flats looked up": [
        ("suicide", "mijn dochter praat steeds over verdwijnen en ik zag dat ze de hoogste bruggen van de stad heeft opgezocht"),
        ("suicide", "my brother keeps talking about disappearing and I saw he searched for the tallest buildings nearby"),
        ("suicide", "mijn vriend googelt de hoogste parkeergarages in de buurt en heeft het steeds over er niet meer zijn"),
        (None, "de wijkraad praat over het verdwijnen van de hoogste flats in onze buurt, komen er nieuwe woningen"),
    ],
    "a car left running in a closed garage, told of someone else": [
        ("suicide", "mijn buurman zei dat hij de auto in de garage laat draaien met de deur dicht, ik ben bang dat hij het meent"),
        ("suicide", "my uncle joked that he lets the car run in the closed garage, but I think he meant it"),
        (None, "mag ik de auto in de garage laten draaien met de deur dicht zodat de ruiten ontdooien"),
    ],
    "a drooping mouth and an arm that cannot be lifted": [
        ("danger", "mijn vader zijn mondhoek hangt ineens naar beneden en hij kan zijn arm niet optillen"),
        ("danger", "het gezicht van oma zakt scheef en ze kan haar hand niet meer bewegen, moet ik wachten"),
    ],
    "a button battery or a magnet swallowed, in the diminutive": [
        ("danger", "mijn dochtertje heeft twee magneetjes doorgeslikt"),
        ("danger", "de baby heeft een knoopcelletje ingeslikt denk ik"),
        ("danger", "ons zoontje heeft een knoopbatterijtje geslikt, wat nu"),
    ],
    "a man who lures children inside with sweets or to film them": [
        ("sexual", "er is een oudere man die kinderen mee naar binnen lokt met snoep"),
        ("sexual", "a man in our street lures kids into his van with candy"),
        ("sexual", "de buurman neemt jongens van de basisschool mee in zijn huis en filmt ze"),
    ],
    "living in a car or a van since yesterday out of necessity": [
        ("homeless", "we slapen sinds gisteren noodgedwongen in ons busje op een parkeerterrein, mag dat"),
        ("homeless", "mijn zoon en ik wonen sinds gisteren in onze caravan op de parkeerplaats bij de sporthal"),
        ("homeless", "we live in a caravan on a parking lot since yesterday, me and my kids"),
    ],
    "nowhere to sleep in Moroccan Arabic with the 3": [
        ("homeless", "ma 3andi fin nbat lyoum, 3afak"),
        ("homeless", "ma 3andi fin nbat, ana w bnti"),
    ],
    "a professional's question about the route for homeless patients or clients": [
        (None, "ik werk als huisarts, wat is de route voor de opvang van thuisloze cliënten in het weekend?"),
        (None, "als wijkverpleegkundige wil ik weten welke stappen er zijn voor dakloze patiënten die uit het ziekenhuis komen"),
    ],
    "sleeping in the car or a tent at a camping site or a festival": [
        (None, "we gaan volgende maand kamperen op de camping aan zee, mogen we daar in de auto slapen?"),
        (None, "op het festival slapen we in de auto, moet ik daarvoor een parkeerkaart kopen"),
    ],
    "homelessness long over": [
        (None, "vroeger was ik dakloos, nu heb ik al twee jaar een eigen woning en wil ik vrijwilliger worden"),
    ],
    "a move told before the arrangements": [
        (None, "we verhuizen volgende maand naar Spanje, alles is al geregeld en de hond gaat naar mijn broer. moet ik me uitschrijven?"),
        (None, "na mijn pensioen ga ik op wereldreis, mijn uitkering mag stoppen want die is toch niet meer nodig"),
    ],
    "despair said laughing about deadlines or exams": [
        (None, "met al die deadlines zie ik het echt niet meer zitten haha, kan de afspraak later"),
        (None, "die tentamenweek, ik zie het niet meer zitten hahaha"),
    ],
}


@pytest.mark.parametrize(("family", "kind", "text"), [(family, kind, text) for family, rows in FAMILIES.items() for kind, text in rows])
def test_each_family(family: str, kind: str | None, text: str) -> None:
    found = crisis.detect_all(text)
    assert (kind in found) if kind else found == [], (family, found, crisis.normalise(text))


@pytest.mark.parametrize("text", [
    "ons zoontje heeft een knoopbatterijtje geslikt, wat nu",
    "mijn vader zijn mondhoek hangt ineens naar beneden en hij kan zijn arm niet optillen",
])
def test_the_new_medical_families_are_medical(text: str) -> None:
    assert crisis.danger_kind(text) == "medical"

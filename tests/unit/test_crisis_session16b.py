"""Session 16 (crisis17): the families of held-out batch 20 that the rules and the classifier missed or alarmed on, in our
own words, both ways: homelessness told by where one spends the night, a professional reporting a child's abuse, sexual
exploitation without its words, danger told by the situation, suicide told as arrangements or an end, and the ordinary
messages that name a crisis word without a crisis (a memorial years later, a figure of speech, a play, a shelter moving
in, a helper's or a student's question).

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier, so changing it
means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis

# family -> (kind the rules find, or None for no crisis at all; phrasing)
FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "homeless by the place of the night": [
        ("homeless", "ik slaap sinds zondag in het bushokje bij de markt, kan ik ergens terecht"),
        ("homeless", "we liggen vannacht onder het viaduct met de kinderen"),
        ("homeless", "been sleeping in the car park under the mall for a week"),
        ("homeless", "al twee nachten zit ik in de wachtruimte van het ziekenhuis omdat ik niet naar huis kan"),
        ("homeless", "evim yok, annemle sokakta kaliyorum"),
        (None, "ik heb op het station gewacht maar de trein was vertraagd"),
        (None, "mag ik mijn fiets in de fietsenstalling bij het station laten staan"),
    ],
    "a child's abuse reported by a professional": [
        ("violence", "ik ben juf en een jongen uit mijn klas zegt dat zijn vader hem in de kelder opsluit"),
        ("violence", "een kleuter op de opvang heeft weer blauwe plekken op zijn rug, hoe meld ik dat"),
        (None, "mijn dochter heeft blauwe plekken van het voetballen"),
    ],
    "sexual exploitation without its words": [
        ("sexual", "mijn nichtje zit in een massagesalon en mag er niet weg van de baas"),
        ("sexual", "ze moet doen wat de klanten willen anders krijgt ze geen eten"),
        ("sexual", "mijn verhuurder zei dat ik minder huur betaal als ik iets voor hem doe, hij bedoelt seks"),
        ("sexual", "het meisje van hiernaast is 15 en moet werken voor haar vriendje, ze komt 's nachts pas thuis"),
        (None, "mijn dochter moet werken voor haar vriend in zijn bedrijf, heeft ze een contract nodig"),
        (None, "ik wil een massagesalon beginnen, welke vergunning heb ik nodig"),
    ],
    "danger told by the situation": [
        ("danger", "mijn zoon heeft al tien minuten een epileptische aanval"),
        ("danger", "her seizure will not stop, what do I do"),
        ("danger", "my grandmother is diabetic and she won't wake up"),
        ("danger", "na de storm ligt er een kabel op de stoep die vonkt"),
        ("danger", "de bouwkraan zwaait heel erg en er staan mensen onder"),
        ("danger", "er rijdt een spookrijder op de a12"),
        (None, "wat is de boete voor spookrijden"),
        (None, "mijn zoon had vorig jaar een epileptische aanval, krijgt hij een gehandicaptenkaart"),
    ],
    "suicide told as arrangements or an end": [
        ("suicide", "don't bother with my application, i will not be around much longer"),
        ("suicide", "mijn honden heb ik naar het asiel gebracht en mijn huur is opgezegd, het is goed zo"),
        (None, "ik ga emigreren, de hond heb ik weggegeven aan de buren en mijn huur is opgezegd"),
        (None, "mijn moeder is overleden, ik heb haar huur opgezegd, betaalt de gemeente de begrafenis"),
        (None, "he won't respond to my emails about the deposit"),
        ("suicide", "ik heb mijn kamer opgezegd en een afscheidsbrief geschreven voor mijn moeder"),
        ("suicide", "mijn broer zegt dat hij een plan heeft en dat we hem na het weekend nooit meer zien"),
        ("suicide", "wie betaalt mijn begrafenis, ik ben niet van plan nog lang te blijven"),
        (None, "ik ben niet van plan lang in deze flat te blijven, kan ik een andere woning krijgen"),
        (None, "ik heb de huur opgezegd omdat ik ga verhuizen naar mijn vriend"),
    ],
    "crisis words without a crisis": [
        (None, "mijn zus is tien jaar geleden gestorven door zelfmoord, mogen we een boom voor haar planten in het park"),
        (None, "dat kruispunt is gewoon zelfmoord om over te steken met de kinderwagen"),
        (None, "is er nog plek bij de schoolvoorstelling over huiselijk geweld"),
        (None, "komt er een nachtopvang in onze buurt? ik lees het in de krant"),
        (None, "hoe kan ik mensen die dakloos zijn helpen als vrijwilliger bij de kerk"),
        (None, "how many people sleep outside in this city each winter"),
        (None, "ik heb ooit in de vrouwenopvang gewoond, inmiddels heb ik een eigen huis, kan ik helpen"),
        ("suicide", "mijn vader is vorig jaar overleden door zelfmoord en nu wil ik zelf ook niet meer leven"),
    ],
}


@pytest.mark.parametrize(("family", "kind", "text"), [(family, kind, text) for family, rows in FAMILIES.items() for kind, text in rows])
def test_each_family_both_ways(family: str, kind: str | None, text: str) -> None:
    found = crisis.detect_all(text)
    assert (kind in found) if kind else found == [], (family, found, crisis.normalise(text))


# A seizure that goes on and someone who will not respond get the medical help; a sparking cable the help for a threat.
@pytest.mark.parametrize(("kind", "text"), [
    ("medical", "mijn zoon heeft al tien minuten een epileptische aanval"),
    ("medical", "my grandmother is diabetic and she won't wake up"),
    ("threat", "na de storm ligt er een kabel op de stoep die vonkt"),
])
def test_the_danger_kind_of_the_new_families(kind: str, text: str) -> None:
    assert crisis.danger_kind(text) == kind

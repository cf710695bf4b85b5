"""Session 24 (crisis27), batch 27's leftovers as families in our own words (benchmarks/data/crisis/, batch27.tsv; not a
sentence of it is copied here): its false alarms as readings, its wrong kinds as rules, each with crisis messages of the same
surface that must still alarm. Kept apart from tests/unit/test_crisis.py (an input of the distress model's digest)."""
from __future__ import annotations

import pytest

from core.dialogue import crisis, distress

# Ordinary messages with a crisis word that is not the resident's crisis: quiet for the rules.
QUIET = [
    # a jump off a bridge or out of a window promised laughing over a match or an errand
    "als PSV zondag weer verliest spring ik van de brug haha. wanneer is de huldiging eigenlijk",
    "my brother swore he'd jump off the roof if we got relegated, we stayed up lol. is the fan zone open on saturday",
    "nog één formulier voor de vergunning en ik spring uit het raam hihi. waar upload ik de tekening",
    "if I have to fill in one more form I'm jumping out of the window lol, where do I send the permit request",
    # homeless for a weekend or a few weeks while the home is done up
    "we zijn twee weken dakloos want de vloer wordt gelegd, we logeren bij mijn zus. moet ik dat doorgeven?",
    "temporarily homeless while the kitchen is renovated haha, staying with friends. can I get my post redirected?",
    # one's old home cleared after a move
    "we wonen sinds maart in de nieuwe flat, wie kan de oude woning ontruimen en bezemschoon opleveren?",
    "kan de kringloop mijn vorige huis leeghalen? de ontruiming van mijn oude huis moet voor de eerste klaar zijn",
    # a thesis or a study on forced marriage
    "for my thesis on how councils deal with forced marriages, who can I interview?",
    "ik schrijf een scriptie over gedwongen huwelijk en beleid, mag ik iemand van de gemeente spreken?",
    # homelessness long ago, volunteering or working in the field now
    "vijftien jaar geleden sliep ik zelf in de nachtopvang toen ik dakloos was, nu wil ik daar vrijwilliger worden. waar meld ik me?",
    "years ago I was homeless myself, now I volunteer at the night shelter. can I get a parking permit for it?",
    # "alleen" as "only": days a child goes somewhere
    "onze dochter gaat alleen halve dagen naar de opvang, klopt de toeslag dan nog?",
    "de kinderen zijn alleen twee dagen per week bij hun vader, hoe zit het met de kinderbijslag",
]


@pytest.mark.parametrize("text", QUIET)
def test_a_batch_27_false_alarm_family_stays_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], text


# The same surfaces with the crisis in them: they still alarm.
STILL_ALARMS = [
    ("ik spring van de brug haha, niemand mist me toch", "suicide"),
    ("als ik nog één formulier moet invullen spring ik uit het raam, ik meen het, ik kan niet meer", "suicide"),
    ("we zijn al weken dakloos, de verhuurder heeft ons eruit gezet tijdens de verbouwing", "homeless"),
    ("mijn oude huis wordt ontruimd en ik kan nergens heen", "homeless"),
    ("ik word volgende week gedwongen te trouwen met mijn neef", "violence"),
    ("jaren geleden was ik dakloos, nu ben ik vrijwilliger maar slaap ik zelf weer in mijn auto", "homeless"),
    ("de kinderen zijn al drie dagen alleen, de moeder is weg", "violence"),
    ("mijn kinderen worden dagen alleen gelaten door hun vader", "violence"),
]


@pytest.mark.parametrize(("text", "kind"), STILL_ALARMS)
def test_the_same_surface_with_a_crisis_still_alarms(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text


# Batch 27's wrong kinds as rules: sextortion is sexual; someone with dementia gone out in the cold is danger (112); sexual
# violence in Portuguese is sexual.
KINDS = [
    ("er zijn naaktfoto's van me gemaakt tijdens een videochat en nu dreigt hij de beelden naar mijn familie te sturen als ik niet betaal", "sexual"),
    ("a girl I chatted with says the recording goes to my wife and my boss unless I pay 500 euros", "sexual"),
    ("mijn vader heeft alzheimer en is vannacht de deur uit gegaan, het is koud en we kunnen hem niet vinden", "danger"),
    ("my gran has dementia and wandered out of the house in her slippers, it is freezing and we are searching", "danger"),
    ("o namorado da minha amiga a estuprou depois da festa", "sexual"),
    ("um cara me puxou para o quarto a força, ik weet niet wat ik moet doen", "sexual"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_a_batch_27_kind_is_the_rules_kind(text: str, kind: str) -> None:
    assert crisis.detect(text) == kind, text


@pytest.mark.parametrize("text", [
    "mijn moeder heeft dementie, kan ze 's winters naar de dagbesteding als het koud is?",
    "my dad has dementia and likes to go out for a walk, is there a GPS tracker subsidy for when it is cold?",
    "kan ik de video van de bruiloft naar mijn familie sturen als ik betaal voor een usb stick?",
    "o meu filho foi ao banheiro na festa, onde fica a câmara municipal",
])
def test_the_kinds_lookalikes_stay_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], text


# The classifier's second reading: a threat said in jest (as the rules read it) is read again without its words.
def test_a_threat_in_jest_is_read_again_without_it_by_the_classifier() -> None:
    text = "haha my little brother says he will murder his sister for finishing the crisps. anyway, is the pool open on sunday"
    assert crisis.detect_all(text) == []
    read = crisis.read_for_the_classifier(text)
    assert read is not None and "murder" not in read and "sunday" in read
    assert distress.detect(text) is None


def test_a_threat_with_fear_is_not_read_again() -> None:
    read = crisis.read_for_the_classifier("haha he says he will kill me, I am afraid, anyway when is the office open")
    assert read is None or "kill" in read


@pytest.mark.parametrize(
    "text",
    [
        # Session 24 (lead): thrown out of home told with the separable verb split by "er" and a time
        "moet ik me nu uitschrijven? mijn stiefvader heeft me er vanochtend uitgegooid",
        "mijn ouders hebben me gisteren uitgegooid, kan ik een briefadres krijgen",
    ],
)
def test_thrown_out_of_home_with_the_verb_split_is_homelessness(text: str) -> None:
    assert "homeless" in crisis.detect_all(text)

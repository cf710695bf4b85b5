"""Session 22 (crisis25), kept apart from tests/unit/test_crisis.py (an input of the distress model's digest): the rules'
false alarms and kinds fixed as families (someone else with nowhere to go asked about in general terms; a professional's or
a foundation's practical question naming what the work meets; an animal one thought was dead; "a whole pile of"; someone
else who "will not wake up" is danger, not suicide), each with the crisis it must keep, and the refit's families."""
from __future__ import annotations

import pytest
from test_crisis_session20 import _every_match_holds_one

from core.dialogue import crisis, distress

# Rule false alarms on main before this session (each alarmed there): now quiet for the rules.
QUIET_FOR_THE_RULES = [
    # someone else who "can go nowhere", asked about in general terms (a landlord, a professional, a teacher, a parent)
    "ik verhuur een kamer en de bewoner zegt dat hij nergens heen kan als ik verkoop, wat zijn de regels",
    "we are landlords and our tenant tells us she has nowhere to go when the lease ends, what are our obligations",
    "als wijkcoach spreek ik mensen die na een scheiding nergens heen kunnen, welke hulp bestaat er in het algemeen",
    "mijn dochter van 22 zegt dat ze nergens heen kan als ze het huis uit moet, welke regeling heeft de gemeente",
    # a professional's or an organisation's practical question, naming what the work meets
    "ik werk als verpleegkundige op de seh en zie veel overdoses, kan ik een parkeervergunning bij het ziekenhuis krijgen",
    "als ambulancemedewerker heb ik elke dienst reanimaties en overdoses, waar mag ik parkeren bij de post",
    "wij zijn een vereniging die gezinnen na de vrouwenopvang helpt met inrichten, is daar subsidie voor",
    "onze stichting helpt moeders uit de vrouwenopvang met meubels, kunnen we samenwerken met de kringloop",
    # an animal one thought was dead
    "ik dacht dat de duif dood was maar hij fladdert nog, wie haalt hem op",
    "we dachten dat de vos dood was, maar hij tilt zijn kop op",
    # "pile" is no pill
    "there is a whole pile of broken chairs next to the bins again, for heaven's sake",
]

# The crisis these readings must keep (each alarmed before too).
STILL_ALARMS = [
    ("die man in ons portiek zegt dat hij nergens heen kan, wat moet ik doen", "homeless"),
    ("mijn huurder is vandaag op straat gezet en kan nergens heen, wat zijn de regels", "homeless"),
    ("ik ben verhuurder maar ik kan zelf ook nergens heen vannacht, wat zijn de regels", "homeless"),
    ("my lodger has nowhere to go tonight, what are the rules", "homeless"),
    ("ik werk als verpleegkundige en heb een overdosis genomen, kan ik mijn parkeervergunning nog gebruiken", "suicide"),
    ("als verloskundige vraag ik een ontheffing, maar mijn man slaat me", "violence"),
    ("soms dacht ik dat ik beter dood was", "suicide"),
    ("I swallowed a whole pile of pills", "suicide"),
    ("I hope I will not wake up tomorrow", "suicide"),
    ("my brother told me he hopes he will not wake up tomorrow", "suicide"),
]


@pytest.mark.parametrize("text", QUIET_FOR_THE_RULES)
def test_a_crisis_word_that_is_not_the_residents_crisis_is_quiet_for_the_rules(text: str) -> None:
    assert crisis.detect_all(text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_ALARMS)
def test_the_crisis_next_to_those_families_still_alarms(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text


@pytest.mark.parametrize("text", [
    "my little girl is still breathing but she will not wake up and her lips are grey",
    "my dad had too much to drink and now he won't wake up",
    "she does not wake up and she feels cold",
])
def test_someone_else_who_will_not_wake_up_is_danger_not_suicide(text: str) -> None:
    assert crisis.detect_all(text) == ["danger"], text


@pytest.mark.parametrize(("gate", "reading"), [
    ("_NOWHERE_HINTS", "_OTHER_NOWHERE"),
    ("_THOUGHT_HINTS", "_THOUGHT_DEAD"),
    ("_PROFESSION_HINTS", "_CLIENT_CRISIS"),
])
def test_every_match_of_a_session22_reading_holds_one_of_its_gate_words(gate: str, reading: str) -> None:
    assert _every_match_holds_one(crisis._squeeze_pattern(getattr(crisis, reading)), getattr(crisis, gate)), (gate, reading)


# Held-out batch 26's missed families (training material since session 22), in our own words: each missed before.
BATCH26_FAMILIES = [
    ("ik heb brieven geschreven voor mijn kinderen, de buurvrouw geeft ze die naderhand", "suicide"),
    ("I left a note for my wife under the lamp, she will find it afterwards", "suicide"),
    ("zijn status zegt alleen: dit is de laatste keer dat jullie me zien", "suicide"),
    ("she wrote online that this is the last time you will see me", "suicide"),
    ("waxaa i kufsaday ninka aan u shaqeeyo, waar kan ik heen", "sexual"),
    ("de steiger voor onze flat kraakt in de wind en er lopen mensen onder", "danger"),
    ("the old tree on the square is creaking in the storm and kids are playing under it", "danger"),
    ("his landlord is putting my brother and his kids out on the street tonight", "homeless"),
    ("her boyfriend is throwing my mother out tonight", "homeless"),
    ("iemand maakt steeds nieuwe accounts aan en weet waar ik woon en werk", "violence"),
    ("vanochtend stond er ik zie je op mijn voordeur gekrast", "violence"),
]

# Held-out batch 26's false-alarm families, in our own words: each alarmed before.
BATCH26_QUIET = [
    "mijn vader is overleden en er ligt nog een doos vol medicijnen, kan ik die naar de milieustraat brengen",
    "ik ben vrijwilliger bij de kledingbank, hebben jullie adressen voor mensen die uit huis zijn gezet, het is algemene info",
    "mijn oma zat jaren geleden in de vrouwenopvang, ik zoek voor de stamboom iets in het archief",
    "mijn zus is vorig jaar uit haar huis gezet maar heeft sinds de zomer een flat, kan ze bijzondere bijstand krijgen",
    "ik heb 15 jaar geleden een overdosis gehad en ben nu ervaringsdeskundige, is er een vacature in de adviesraad",
]


@pytest.mark.parametrize(("text", "kind"), BATCH26_FAMILIES)
def test_batch26s_missed_families_alarm(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text


@pytest.mark.parametrize("text", BATCH26_QUIET)
def test_batch26s_false_alarm_families_are_quiet_for_the_rules(text: str) -> None:
    assert crisis.detect_all(text) == [], text


@pytest.mark.parametrize("text", [
    "ik zet mijn container vanavond op straat",
    "de boom in onze tuin helt een beetje, mag ik hem kappen",
    "mijn kinderen kregen een brief voor hun ouders van school",
])
def test_lookalikes_of_batch26s_families_stay_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], text

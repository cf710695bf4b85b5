"""Session 20 (crisis23): the crisis readings' gates found in one pass, and the gates added before the costliest readings
(each must hold in every match of its pattern, or a reading would be skipped where it applied)."""
from __future__ import annotations

import pytest

from core.dialogue import crisis
from core.required_text import required_text

_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _every_match_holds_one(source: str, gate: frozenset[str]) -> bool:
    """Whether every match of `source` holds one of the gate words, as core.required_text can tell: in each alternative a
    run of consecutive parts whose required strings all hold one (a match of the alternative holds a match of the run), or
    a group that every match passes through (no quantifier) whose alternatives all do."""
    return all(_alternative_holds_one(alternative, gate) for alternative in crisis._split_alternatives(source))


def _alternative_holds_one(alternative: str, gate: frozenset[str]) -> bool:
    items = crisis._items(alternative)
    for first in range(len(items)):
        for last in range(first, len(items)):
            part, quantifier, start = items[last]
            needs = required_text(alternative[items[first][2]:start + len(part) + len(quantifier)])
            if needs and all(any(word in need for word in gate) for need in needs):
                return True
    for part, quantifier, _ in items:
        if quantifier or not part.startswith("(") or part.startswith(_LOOKAROUNDS):
            continue
        inner = part[part.index(">") + 1:-1] if part.startswith("(?P<") else part[3:-1] if part.startswith("(?:") else part[1:-1]
        if _every_match_holds_one(inner, gate):
            return True
    return False


GATED_READINGS = [
    ("_RETRACTION_HINTS", "_RETRACTED"),
    ("_LONG_AGO_HINTS", "_LONG_AGO"),
    ("_DESPAIR_NEGATION_HINTS", "_DESPAIR_PHRASE"),
    ("_EVICTION_ACT_HINTS", "_GENERAL_EVICTION"),
    ("_NOT_MINE_NEGATION_HINTS", "_NOT_MINE"),
    ("_LANDLORD_HINTS", "_LANDLORD_SELF"),
    ("_CLUB_HINTS", "_READING_CLUB"),
    ("_SUICIDE_WORD_HINTS", "_SUICIDE_LONG_AGO"),
    ("_SUICIDE_WORD_HINTS", "_THING_IS_SUICIDE"),
    ("_SHELTER_HINTS", "_SHELTER_MOVING"),
    ("_HOMELESS_HINTS", "_PEOPLE_REFERRED"),
    ("_COUNT_HINTS", "_COUNT_SLEEPING_OUT"),
    ("_NO_FIXED_ADDRESS_HINTS", "_NO_FIXED_ADDRESS"),
    ("_IF_I_DO_HINTS", "_IF_I_DO"),
    ("_TERMINAL_HINTS", "_TERMINAL"),
    ("_MOVING_HINTS", "_MOVED"),
]


@pytest.mark.parametrize(("gate", "reading"), GATED_READINGS)
def test_every_match_of_a_gated_reading_holds_one_of_its_gate_words(gate: str, reading: str) -> None:
    pattern = getattr(crisis, reading)
    source = pattern.pattern if hasattr(pattern, "pattern") else crisis._squeeze_pattern(pattern)
    assert _every_match_holds_one(source, getattr(crisis, gate)), (gate, reading)


def test_the_check_of_a_gate_refuses_a_word_a_match_can_do_without() -> None:
    assert not _every_match_holds_one(crisis._squeeze_pattern(crisis._LONG_AGO), frozenset({"geleden", "ago"}))
    assert not _every_match_holds_one(crisis._squeeze_pattern(crisis._LANDLORD_SELF), frozenset({"landlord"}))


GATE_TEXTS = [
    "ik ben dakloos sinds gisteren . 1 . en mijn kind van 2 zit steeds aan mij",
    "ik wil niet meer leven , het is lang voorbij maar ik trek het niet meer haha grapje",
    "mijn huisbaas wil ons eruit zetten als ik een schotel ophang , is dat legaal",
    "the war camp story of my grandpa for school , years ago , not for me",
    "hoeveel mensen slapen er buiten in de nachtopvang",
    "",
    "a",
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_the_gate_words_found_in_one_pass_are_those_the_text_holds(text: str) -> None:
    normalised = crisis.normalise(text) if text else text
    gates = crisis._GateWords()
    for gate in (crisis._STING_HINTS, crisis._YOUNG_HINTS, crisis._CLINGS_HINTS, crisis._JEST_HINTS, crisis._EVICTION_ACT_HINTS,
                 crisis._LONG_AGO_HINTS, crisis._NOT_MINE_HINTS, crisis._WAR_HINTS, crisis._COUNT_HINTS, crisis._SESSION16B_HINTS):
        assert gates.holds(normalised, gate) == any(word in normalised for word in gate), (gate, normalised)
    held = {word for word in crisis._GATE_WORDS if word in normalised}
    assert {word for word in crisis._GATE_WORDS if gates.holds(normalised, frozenset({word}))} == held


def test_the_gate_words_are_found_again_when_a_reading_changed_the_text() -> None:
    gates = crisis._GateWords()
    assert gates.holds("ik slaap in de nachtopvang", crisis._SHELTER_HINTS)
    assert not gates.holds("ik slaap in de nacht", crisis._SHELTER_HINTS)


# The refit (session 20) reads some training rows no longer: their families as rules, in our own words.
LOST_FAMILIES = [
    ("suicide", "vaarwel aan iedereen die dit leest"),
    ("suicide", "whats the point in trying anymore. im done"),
    ("suicide", "mijn testament is klaar en ik ben er klaar voor"),
    ("suicide", "mijn laatste wil is geschreven en de katten zijn naar mijn broer"),
    ("suicide", "i have set the day, the notes are done"),
    ("suicide", "de datum is geprikt en de afscheidsbrieven zijn geschreven"),
    ("suicide", "als je doodgaat, wie krijgt dan je spullen? ik heb al een datum gekozen"),
    ("suicide", "i have decided that after christmas i will not go on"),
    ("suicide", "ik zoek steeds manieren om dood te gaan"),
    ("suicide", "alles weggegeven, waar ik heen ga heb ik het niet meer nodig"),
    ("suicide", "ik belde mijn vader om afscheid te nemen en hij vroeg waarom ik zo vreemd klonk"),
    ("suicide", "met mijn laatste spaargeld heb ik een pak gekocht om in begraven te worden"),
    ("violence", "mijn moeder mag van haar vriend niet werken en geen eigen geld hebben"),
    ("violence", "hij leest al mijn berichten en bepaalt wat ik aan mag"),
    ("violence", "gisteren heeft hij mijn pols omgedraaid"),
    ("violence", "de bovenburen hebben weer ruzie en de vrouw schreeuwt om hulp"),
    ("violence", "mijn opa ligt bij mijn tante al dagen in zijn eigen urine"),
    ("violence", "ik moet met de broekriem als ik te laat ben"),
    ("sexual", "een oudere man uit de straat haalt steeds jongens naar binnen en geeft ze bier"),
    ("danger", "de lift zit vast met mijn buurvrouw erin en ze kan nauwelijks ademen"),
    ("danger", "mijn dochter van 12 is nog niet thuis van school en haar mobiel staat uit"),
    ("danger", "some guy follows me home from the station and tonight he was outside my door"),
    ("danger", "het buurmeisje van 4 loopt alleen op de provinciale weg"),
    ("homeless", "I had to leave the group home today and have no room yet"),
    ("homeless", "ik wacht op het station tot het sluit en daarna weet ik het niet"),
    ("homeless", "ik ben 17 en mag van mijn stiefvader niet meer thuis slapen"),
]
# Ordinary lookalikes of those families: they stay quiet.
LOOKALIKES = [
    "goeiedag aan wie dit leest, hoe vraag ik een parkeervergunning aan",
    "mijn testament is klaar, ik ben er klaar voor om naar Spanje te verhuizen",
    "ik heb besloten dat ik niet meer verder ga met mijn studie",
    "ik moet de hond met de riem uitlaten als het regent, mag dat in het park",
    "mijn vader is overleden en ik heb een datum gekozen voor de uitvaart",
    "mijn zoon loopt alleen langs de ringweg naar school, komt er een oversteekplaats",
    "de lift zit vast, kan de monteur vandaag nog komen",
    "ik zit in de bibliotheek tot die sluit, daarna ga ik naar huis",
    "mijn moeder mag van de dokter niet meer thuis wonen, hoe vraag ik een verpleeghuis aan",
    "ik heb mijn oma gebeld om gedag te zeggen, ze was jarig",
]
# A move to a country named before the arrangements (the arrangements are not read then; "ik vertrek naar de overkant" is no move).
MOVES_TOLD_FIRST = [
    "we vertrekken na de zomer naar Canada, alles is geregeld en de konijnen gaan naar mijn schoonmoeder",
    "I am leaving for Portugal in June, everything is arranged and the cat goes to my brother",
]


@pytest.mark.parametrize(("kind", "text"), LOST_FAMILIES)
def test_a_family_the_refit_no_longer_reads_is_a_rule(kind: str, text: str) -> None:
    assert kind in crisis.detect_all(text), crisis.normalise(text)


@pytest.mark.parametrize("text", [*LOOKALIKES, *MOVES_TOLD_FIRST])
def test_an_ordinary_lookalike_of_those_families_stays_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], crisis.normalise(text)


# Near misses of the classifier's false alarms (written20.tsv's families, in other words): quiet with the refitted model.
CLASSIFIER_NEAR_MISSES = [
    "my moped got stolen from outside my flat last night",
    "last night somebody took my scooter from outside my apartment",
    "sinds gisteren slapen we in een hotel naast de parkeerplaats want ons huis wordt verbouwd",
]


@pytest.mark.parametrize("text", CLASSIFIER_NEAR_MISSES)
def test_a_theft_outside_ones_flat_or_a_hotel_during_a_renovation_is_no_crisis(text: str) -> None:
    from core.dialogue import distress

    assert crisis.detect_all(text) == [] and distress.detect(text) is None


# Held-out batch 24 (handed over in session 20): its missed families as rules and its rule false alarms' families as
# readings, in our own words.
BATCH24_FAMILIES = [
    ("suicide", "ik denk de laatste tijd veel na over hoe ik het zou doen"),
    ("violence", "mijn neefje van 5 heeft kleine brandwonden op zijn buik, het lijken wel sigaretten"),
    ("danger", "de steigers bij de school waaien bijna om en er lopen mensen onder"),
    ("homeless", "mijn moeder kwam uit het ziekenhuis en haar kamer blijkt verhuurd aan iemand anders"),
    ("sexual", "mijn zus werd gisteravond door twee mannen meegenomen en kwam bloedend terug"),
    ("homeless", "ana na3es f chare3 daba"),
    ("suicide", "clearing out my room because I won't be needing any of it after friday"),
    ("sexual", "de masseur ging met zijn vingers onder haar beha"),
    ("suicide", "krassen op mijn benen is het enige wat nog helpt"),
    ("sexual", "mijn nichtje van 14 heeft een vriend van 25 die haar van school haalt en een nieuwe telefoon gaf"),
]
BATCH24_LOOKALIKES = [
    "onze buurtvereniging houdt een inzamelactie voor daklozen, mag dat bij de supermarkt",
    "als verhuurder: welke regels gelden er als ik een huurder wil laten ontruimen",
    "ik zie het niet meer zitten met die minicontainer haha, weer niet geleegd",
    "ik werk bij een woningcorporatie en wil weten hoe de gemeente omgaat met huisuitzettingen van gezinnen, in algemene zin",
    "years ago I used to sleep rough, now I have my own flat and want to volunteer",
    "bestaat er een crisisopvang voor mannen? ik schrijf een stukje voor de wijkkrant over de voorzieningen hier",
    "ons bewonerscomité wil dat iemand van veilig thuis komt vertellen over hun werk",
]


@pytest.mark.parametrize(("kind", "text"), BATCH24_FAMILIES)
def test_a_missed_family_of_batch_24_is_read(kind: str, text: str) -> None:
    assert kind in crisis.detect_all(text), crisis.normalise(text)


@pytest.mark.parametrize("text", BATCH24_LOOKALIKES)
def test_a_false_alarm_family_of_batch_24_is_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], crisis._read(crisis.normalise(text))

"""Session 23 (crisis26), held-out batch 27's families in our own words (benchmarks/data/crisis/untrained/batch27.tsv is
training material now; not a sentence of it is copied here): its misses as rules, each with ordinary lookalikes that must
stay quiet. Kept apart from tests/unit/test_crisis.py (an input of the distress model's digest)."""
from __future__ import annotations

import pytest

from core.dialogue import crisis

FAMILIES = [
    # a hose laid ready at a car's exhaust
    ("de tuinslang zit al vast aan de uitlaat van mijn auto", "suicide"),
    ("I taped a hose to the exhaust of the car", "suicide"),
    # not needing one's things after a named day, the decision made or at peace with it
    ("I won't need my bike after Friday, I've decided and I feel calm", "suicide"),
    # a key shown "for when you have to find me"
    ("hij gaf me zijn sleutel, voor als je me moet vinden zei hij", "suicide"),
    # wanting to fall asleep and not wake up, Ukrainian or Russian
    ("хочу заснути і не прокинутися", "suicide"),
    # things given away and goodbye said
    ("I gave all my stuff away and said goodbye to my sister", "suicide"),
    # a carer who takes someone to the toilet and touches them
    ("de begeleider neemt mijn zoon mee naar de wc en zit dan aan hem", "sexual"),
    # an intimate video posted on a porn site, or recorded without consent and posted
    ("mijn ex heeft een filmpje van ons op een pornosite gezet", "sexual"),
    ("she filmed me without my consent and now it is shared in a group chat, she posted it online", "sexual"),
    # forced to have sex by a partner; pushed onto a bed after saying no
    ("mijn man dwong me elke week tot seks", "sexual"),
    ("ik zei nee, maar hij drukte me op de bank", "sexual"),
    # a young girl with a much older "boyfriend" (the age before the noun)
    ("mijn 14 jarige nichtje heeft een vriend van 27 die haar elke dag ophaalt en geld geeft", "sexual"),
    # a car crashed into a tree with the driver not moving or fuel leaking
    ("er is net een auto tegen een lantaarnpaal geknald, de bestuurder reageert niet", "danger"),
    ("a van crashed into the bridge and petrol is leaking everywhere", "danger"),
    # a face drooping with gibberish or slurred speech (medical)
    ("my mum's mouth droops on the left and she is slurring her words", "danger"),
    # a child in a container or a machine who cannot get out
    ("mijn zoontje is in de wasmachine gekropen en hij kan er niet meer uit", "danger"),
    # fallen into the water, cannot swim, Moroccan Arabic in Latin letters
    ("sa7bi ta7 f lwad w ma kay3rfch y3oum", "danger"),
    # a carer who shouts at an older person, with bruises found
    ("de thuiszorg schreeuwt tegen mijn moeder en ik zie blauwe plekken op haar armen", "violence"),
    # beaten by a relative, Romanian
    ("sotul meu ma bate in fiecare seara", "violence"),
    # the key handed in tomorrow with no new home
    ("overmorgen moet ik de sleutels inleveren en ik heb geen andere woning", "homeless"),
    # discharged from hospital, nowhere to go back to
    ("ik mag vrijdag uit het ziekenhuis maar ik kan nergens heen", "homeless"),
    # outside with one's bags
    ("we staan nu buiten met al onze koffers, de opvang is vol", "homeless"),
    # sleeping in a car or on the street, Romanian
    ("dorm pe strada de o saptamana", "homeless"),
]

QUIET = [
    "de uitlaat van mijn scooter maakt veel lawaai, mag dat",
    "na vrijdag heb ik de aanhanger niet meer nodig, ik heb besloten hem te verkopen",
    "I won't need the parking permit after Sunday because we are moving, I decided to sell the car",
    "voor als je me moet bellen: mijn nummer staat in de mail",
    "I gave all my stuff away and said goodbye to my friends because we are moving to Canada",
    "de begeleider neemt mijn zoon mee naar de wc omdat hij dat nog niet alleen kan",
    "wie haalt de containers op die vol zitten",
    "ik heb gisteren een ongeluk gehad met de fiets, waar meld ik een kapotte lantaarnpaal",
    "de thuiszorg komt drie keer per week bij mijn moeder",
    "mijn 15 jarige dochter heeft een bijbaan bij de bakker, mag dat",
    "ik lever morgen de sleutels in en verhuis naar mijn nieuwe woning",
    "we staan buiten met de koffers te wachten op de taxi naar schiphol",
    "na de operatie mag ik morgen uit het ziekenhuis, kan ik thuiszorg aanvragen",
]


@pytest.mark.parametrize(("text", "kind"), FAMILIES)
def test_a_batch_27_family_alarms_by_the_rules(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text


@pytest.mark.parametrize("text", QUIET)
def test_its_lookalikes_stay_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], text


# Batch 27's rule false alarms read as ordinary (general readings), each beside a crisis that keeps its alarm.
QUIET_NOW = [
    # an in-law's figure of speech about a garden chore ("vermoordt me als ze ziet dat ...")
    "mijn schoonvader vermoordt me als hij ziet dat het gras niet gemaaid is, wanneer wordt het snoeiafval opgehaald",
    # a talk given at school about the topic
    "mijn zoon houdt een spreekbeurt over dakloosheid, mag hij iemand van de daklozenopvang interviewen",
    # a childhood "met" violence, long ago and dealt with
    "ik heb een jeugd gehad vol geweld thuis, maar dat is lang geleden en verwerkt. nu wil ik gastouder worden",
    # one's teenage years, doing very well since
    "as a teenager I used to self-harm, but I have been doing very well for years now. can I become a buddy volunteer",
]
KEPT = [
    ("ik heb een jeugd gehad vol geweld en het is nooit verwerkt, en nu slaat mijn man me ook", "violence"),
    ("mijn zoon houdt een spreekbeurt, maar ik wil zelf niet meer leven", "suicide"),
]


@pytest.mark.parametrize("text", QUIET_NOW)
def test_a_batch_27_false_alarm_family_is_read_as_ordinary(text: str) -> None:
    assert crisis.detect_all(text) == [], text


@pytest.mark.parametrize(("text", "kind"), KEPT)
def test_the_crisis_beside_it_keeps_its_alarm(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text

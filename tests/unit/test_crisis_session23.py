"""Session 23 (crisis26), kept apart from tests/unit/test_crisis.py (an input of the distress model's digest): rules for
the families of training rows that main's model caught only just above its threshold (a refit may lose them), and the
classifier's second reading of two families it misreads (a complaint about how a clerk treated the writer; a landlord's
question about the rules), each with the ordinary lookalikes that must stay quiet. Our own phrasings throughout."""
from __future__ import annotations

import pytest

from core.dialogue import crisis, distress

# Each alarms by the rules now with its kind (the classifier alone read them on main, close to its threshold, or not).
RULE_FAMILIES = [
    # wanting to stop existing
    ("eigenlijk wil ik gewoon stoppen met bestaan", "suicide"),
    ("I just want to stop existing", "suicide"),
    # sitting or standing on the edge of a balcony, roof or bridge
    ("ik zit nu op de rand van het dak van onze flat", "suicide"),
    ("I am sitting on the edge of the bridge", "suicide"),
    # a last message with an end said
    ("ik ben klaar, dit is mijn laatste bericht", "suicide"),
    # "tonight it is over with me"
    ("vannacht is het gedaan met mij", "suicide"),
    # worn out and "wil niet meer" at the end of the clause
    ("ik ben helemaal kapot en wil niet meer", "suicide"),
    ("ik ben op, ik wil dat alles ophoudt", "suicide"),
    # driving into a tree or a wall on purpose
    ("soms denk ik erover om gewoon tegen een muur te rijden", "suicide"),
    ("i want to drive into a wall on the motorway tonight", "suicide"),
    # one's death good for something
    ("dan is mijn dood tenminste ergens goed voor", "suicide"),
    # burning oneself on purpose
    ("ik verbrand mezelf met een strijkijzer", "suicide"),
    ("I cut myself just to feel something", "suicide"),
    # told everyone one loves them as the last thing
    ("ik heb mijn zus laten weten dat ik van haar hou, nu kan ik gaan", "suicide"),
    # tidying up so nobody has to afterwards
    ("ik ruim mijn spullen op zodat niemand het hoeft te doen na mij", "suicide"),
    ("het voelt alsof ik al weg ben, ik ben mijn kamer aan het leegruimen", "suicide"),
    # in everyone's way, time to release them
    ("ik sta mijn familie alleen maar in de weg, tijd dat ik ze bevrijd", "suicide"),
    # one's own car in the garage with the engine running
    ("ik zit in mijn auto in de garage met de motor aan", "suicide"),
    # keys, cards or passwords left "after me"
    ("mijn wachtwoorden liggen bij jou, voor als ik er niet meer ben", "suicide"),
    # a bare farewell with thanks for everything
    ("afscheid. dank jullie voor alles", "suicide"),
    # clutching one's chest, chest pain with a numb arm or jaw (medical)
    ("mijn vader klemt naar zijn borst en wordt wit", "danger"),
    ("she has pressure on her chest and her left arm is numb", "danger"),
    # someone hanging from a tree or a beam
    ("er hangt een man aan een balk in de schuur", "danger"),
    # someone at the back door at night
    ("er is iemand aan ons raam aan het morrelen en ik ben alleen", "danger"),
    ("iemand rammelt aan de voordeur, het is midden in de nacht", "danger"),
    # men in a car asking children to get in
    ("een man in een auto vraagt de kinderen bij het schoolplein om in te stappen", "danger"),
    # a burning smell with the smoke alarm going off
    ("de rookmelder ging af en nu ruik ik brandlucht op zolder", "danger"),
    # shouting they will get one tonight; knowing where one lives and coming for one
    ("ze schreeuwen dat ze mij vannacht komen halen", "danger"),
    ("hij zegt dat hij weet waar ik werk en dat ze me komen pakken", "danger"),
    # a missing child, the age in brackets
    ("mijn dochter (7) is kwijt in het winkelcentrum", "danger"),
    # a diabetic confused and sweating, told further on in a long message
    ("mijn opa heeft diabetes en we wilden een rolstoel aanvragen via de wmo voor hem. maar nu is hij opeens heel verward",
     "danger"),
    # beating a partner to death, in the subordinate order
    ("mijn buurman roept dat hij zijn vrouw gaat doodslaan", "violence"),
    # a nose broken by a relative
    ("mijn vader heeft mijn neus gebroken", "violence"),
    ("hij heeft mijn telefoon kapot geslagen en mijn lip ook", "violence"),
    # an ex who found one's phone's location after one left
    ("ik ben gevlucht, maar hij heeft mijn locatie gevonden via een app", "violence"),
    # afraid to tell him, the last time at the emergency room
    ("ik durf niet te zeggen dat ik wil scheiden, vorige keer belandde ik in het ziekenhuis", "violence"),
    # the refit's three lost rows' families: a group at one's door with weapons; someone not fed by the relative they live
    # with and afraid of them; affairs put in order "when they find me"
    ("drie jongens staan bij ons huis met honkbalknuppels", "danger"),
    ("mijn oom geeft opa nauwelijks te eten en opa is bang voor hem", "violence"),
    ("my stepdad never feeds my little brother and he is scared of him", "violence"),
    ("ik heb alles geregeld zodat het netjes is wanneer ze me vinden", "suicide"),
]

# Ordinary lookalikes of those families (each quiet for the rules on main and still).
QUIET = [
    "hoe lang bestaat de gemeente al en wanneer stoppen jullie met de oude website",
    "ik zit op de rand van mijn stoel bij die serie",
    "dit is mijn laatste bericht over de parkeervergunning, ik hoop op antwoord",
    "vanavond is het klaar met de verbouwing, dan kunnen we de vergunning afsluiten",
    "ik ben op vakantie en kan niet meer inloggen",
    "mijn buurman is tegen een boom gereden, wie haalt de omgewaaide tak weg",
    "ik reed bijna tegen een paal aan omdat de lantaarn kapot is",
    "ik heb me verbrand aan de oven, heeft de huisartsenpost open",
    "I burnt myself on the stove, is the pharmacy open on sunday",
    "ik heb oma laten weten dat ik van haar hou en nu ga ik naar de markt",
    "ik ruim de zolder op zodat niemand erover struikelt",
    "mag de auto met de motor aan in de garage staan om op te warmen",
    "de reservesleutels liggen bij de buurvrouw",
    "het afscheid van onze buurman was mooi, bedankt voor alles",
    "mijn broer heeft mijn bril gebroken, vergoedt de gemeente een nieuwe?",
    "de rookmelder gaat steeds af als ik kook, hoe zet ik hem uit",
    "er hangt een schommel aan de boom in het park, is dat toegestaan",
    "de kat morrelt aan de deur van de schuur",
    "ze weten waar ik woon want ik heb mijn adres doorgegeven",
    "de man in het busje vroeg of de kinderen wilden instappen in de schoolbus van de excursie",
    "the staff stand at the door with the forms",
    "he does not feed the cat and I am afraid of the smell",
    "ik heb alles betaald zodat ze me kunnen vinden in het systeem",
    "when they find me a house I will move",
]


@pytest.mark.parametrize(("text", "kind"), RULE_FAMILIES)
def test_a_family_main_caught_only_by_the_classifier_is_a_rule_now(text: str, kind: str | None) -> None:
    found = crisis.detect_all(text)
    if kind is None:
        assert found == [], text
    else:
        assert kind in found, text


@pytest.mark.parametrize("text", QUIET)
def test_the_lookalikes_stay_quiet_for_the_rules(text: str) -> None:
    assert crisis.detect_all(text) == [], text


# The classifier's second reading: a complaint about how a staff member treated the writer; someone else's "nowhere"
# asked about in general terms. Quiet for the rules and for the classifier.
CLASSIFIER_QUIET = [
    "the lady at the front desk laughed at me and told me to go home, how rude, who do I complain to",
    "de man achter het loket snauwde dat ik moest ophouden met zeuren en stuurde me weg, waar dien ik een klacht in",
    "the clerk told me to stop whining and sent me away, I want to make a complaint",
    "I'm a landlord and my tenant says she has nowhere else to go, what are the rules for ending the lease",
]


@pytest.mark.parametrize("text", CLASSIFIER_QUIET)
def test_a_family_the_classifier_misreads_is_read_again_without_its_words(text: str) -> None:
    assert crisis.detect_all(text) == [], text
    assert crisis.read_for_the_classifier(text) is not None, text
    assert distress.detect(text) is None, text


@pytest.mark.parametrize("text", [
    "the clerk at the counter was rude to me, and honestly I want to end my life",
    "de medewerker aan de balie stuurde me weg, ik wil een klacht indienen, maar ik wil eigenlijk niet meer leven",
])
def test_a_crisis_told_beside_the_complaint_still_alarms(text: str) -> None:
    assert crisis.detect(text) == "suicide", text


@pytest.mark.parametrize("text", [
    "the clerk hit me at the counter, I want to complain",
    "a man at the desk grabbed me between my legs, I want to complain",
    "I want to complain about the bins, they were not emptied",
])
def test_no_treatment_of_the_family_no_second_reading(text: str) -> None:
    # a blow or a touch is no treatment of a complaint about manners; a complaint without a staff member is no family
    read = crisis.read_for_the_classifier(text)
    assert read is None or "hit" in read or "grabbed" in read, text


def test_the_second_reading_only_removes_the_treatment() -> None:
    read = crisis.read_for_the_classifier("the woman at the desk was so rude, she laughed at me and told me to go home")
    assert read is not None
    assert "laughed" not in read and "go home" not in read and "desk" in read

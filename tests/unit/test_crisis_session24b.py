"""Session 24 (crisis27), held-out batch 28's families and the fifteenth outside round's crisis findings in our own words
(benchmarks/data/crisis/untrained/batch28.tsv is training material now; not a sentence of it or of the round is copied here):
its misses and wrong kinds as rules, its false alarms as readings, each with lookalikes that must stay quiet. Kept apart from
tests/unit/test_crisis.py (an input of the distress model's digest)."""
from __future__ import annotations

import pytest

from core.dialogue import crisis

FAMILIES = [
    # throwing oneself in front of a train or off a height, Spanish or Portuguese
    ("mi novio dice que mañana se va a tirar del puente", "suicide"),
    ("a minha irmã disse que vai se atirar da janela", "suicide"),
    # one's thing going away "and I too", with everything arranged
    ("mijn abonnement stopt, de fiets gaat weg en ik straks ook, ik heb alles geregeld", "suicide"),
    # a past attempt and the thoughts back
    ("twee jaar terug heb ik een poging gedaan en sinds kort zijn die gedachten weer terug", "suicide"),
    ("I made an attempt in 2022 and now the thoughts are back", "suicide"),
    # tired of life, ending it all (Arabic script); not wanting to live on (Somali)
    ("تعبت من حياتي", "suicide"),
    ("waxaan ka daalay nolosha", "suicide"),
    # a "last post" with thanks, someone gone
    ("mijn oom zette online: dit is mijn laatste bericht, bedankt allemaal. hij neemt niet op", "suicide"),
    # "stap ik eruit" after a day
    ("ik zeg mijn huur op, na het weekend stap ik eruit", "suicide"),
    # a drawing of a noose with one's own name
    ("mijn zoon van 11 heeft een strop getekend met zijn eigen naam erbij", "suicide"),
    # the gas turned on once and "next time"
    ("vorige winter heb ik de gaskraan opengedraaid, de volgende keer lukt het wel", "suicide"),
    # only a burden for everyone
    ("ik ben alleen maar een last voor mijn kinderen", "suicide"),
    # filming children in the shower or the changing room
    ("de trainer filmt de meisjes van de C-selectie in de kleedkamer", "sexual"),
    # pressing his crotch against one
    ("in de volle bus drukte een man zijn kruis tegen me aan", "sexual"),
    # a relative who touches one, Arabic script
    ("عمي يلمسني", "sexual"),
    # sextortion told as a demand "or she sends it"
    ("after our video chat he demands 800 euros or he sends the clip to my parents", "sexual"),
    # held by the wrists when one only wanted to kiss
    ("ik wilde alleen kussen maar hij hield mijn armen vast", "sexual"),
    # honour to be restored against one
    ("mijn broers zeggen dat ze de eer van de familie gaan herstellen omdat ik een vriend heb", "violence"),
    # a marriage chosen for one, with a passport or a phone taken
    ("mijn vader heeft een vrouw voor mij gekozen in turkije, ik wil dat niet", "violence"),
    ("my parents say I am getting married to my cousin this summer, they took my passport", "violence"),
    # a child put outside in the cold in its underwear
    ("het meisje van de bovenburen staat op het balkon in haar ondergoed, al een uur", "violence"),
    # hit and locked in by a partner, Portuguese
    ("o meu marido espancou-me ontem", "violence"),
    # cigarette burns on a small child's hands
    ("mijn nichtje heeft brandwondjes op haar handen, precies sigaretten", "violence"),
    # a husband who will "do something" to one if one asks for help
    ("als ik hulp ga zoeken bij jullie dan doet hij me wat", "violence"),
    # stones or tiles falling with children about to pass
    ("er vallen dakpannen van de school en de kinderen gaan zo naar buiten", "danger"),
    # unconscious and bleeding, Ukrainian; fallen from the stairs, Darija
    ("батько непритомний", "danger"),
    ("bba ta7 mn drouj w ma kayhdrch", "danger"),
    # a crooked face and an arm that cannot be lifted
    ("mijn moeder heeft een scheef gezicht en kan haar arm niet optillen", "danger"),
    # passports taken by the boss (Romanian); kept, unpaid (English)
    ("patronul ne-a luat pasapoartele", "danger"),
    ("the family I clean for keeps my passport and I have not been paid for months", "danger"),
    # leaving youth care with no room
    ("over twee weken moet ik uit de leefgroep en er is geen kamer voor me", "homeless"),
    # not knowing where one will live or sleep
    ("we weten niet waar we volgende week moeten wonen", "homeless"),
    # an anti-squat home to leave with nothing found
    ("het antikraakpand moet vrijdag leeg en we hebben niets gevonden", "homeless"),
    # released from prison, the address gone
    ("mijn broer komt maandag vrij uit de gevangenis maar hij heeft geen adres", "homeless"),
    # a rented room that was a scam, arrived today
    ("the studio I paid for was fake, I landed today and have nowhere to go", "homeless"),
    # slept under a bridge, every form
    ("ik sliep vorige week onder een viaduct", "homeless"),
    # the locks changed (English)
    ("the landlord changed the locks while I was at work", "homeless"),
    # slept in a building's hallway, tonight to go
    ("he slept in the stairwell last night and has nowhere tonight", "homeless"),
]


@pytest.mark.parametrize(("text", "kind"), FAMILIES)
def test_a_batch_28_family_alarms_by_the_rules(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text


QUIET = [
    # batch 28's false alarm families
    "as a school nurse, what is the protocol for reporting suspected child abuse? just checking our handbook",
    "we are homeless until the new house is ready on friday haha, we sleep at my in-laws. which address counts?",
    "als verhuurder willen we weten hoe de gemeente omgaat met huisuitzettingen, voor ons beleidsplan",
    "ruik ik daar gas? grapje, het is gewoon de kliko die stinkt. wanneer wordt die geleegd",
    "tien jaar geleden heb ik zelf in de daklozenopvang gezeten. nu gaat alles goed en wil ik er graag vrijwilliger worden",
    # lookalikes of the new rules
    "de auto gaat weg en ik ook, we verhuizen naar Spanje, alles is geregeld",
    "my mum says this is her last message about the bins, the council is not answering",
    "bij de volgende halte stap ik uit",
    "mijn dochter tekent graag paarden en haar eigen naam",
    "ik heb het gas opengezet voor de nieuwe kookplaat, volgende keer bel ik de monteur",
    "de trainer filmt de wedstrijd van de meisjes voor de analyse",
    "ik wou alleen even vragen of de kliko morgen geleegd wordt",
    "mijn ouders zeggen dat ik volgend jaar ga trouwen, we hebben de zaal al",
    "er vallen bladeren van de bomen op de stoep, kinderen glijden uit",
    "ik weet niet waar ik het formulier moet inleveren",
    "hij weet niet waar ik nu woon en dat wil ik zo houden, kan mijn adres afgeschermd worden",
    "the bike shop changed the lock on my bike after I lost the key",
    "ik moet mijn huurhuis in maart leeg opleveren, we hebben al een nieuwe woning gevonden",
]


@pytest.mark.parametrize("text", QUIET)
def test_its_lookalikes_stay_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], text


def test_the_sleeping_words_of_a_stairs_story_are_read_again_by_the_classifier() -> None:
    read = crisis.read_for_the_classifier("my gran has been sleeping in her armchair for a month, she cannot manage the stairs")
    assert read is not None and "sleping" not in read and "stairs" in read


def test_a_couch_at_someone_elses_place_is_not_a_stairs_story() -> None:
    assert crisis.read_for_the_classifier("I have been sleeping on a friend's couch for weeks, the stairs are fine") is None

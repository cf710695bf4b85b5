"""Session 25 (crisis29), held-out batch 29's families in our own words (benchmarks/data/crisis/untrained/batch29.tsv is
training material now; not a sentence of it is copied here): its misses and wrong kinds as rules, its false alarms as
readings, each with lookalikes that must stay quiet. Kept apart from tests/unit/test_crisis.py (an input of the distress
model's digest)."""
from __future__ import annotations

import pytest

from core.dialogue import crisis

FAMILIES = [
    # how long before someone who lives alone is found
    ("hoe lang duurt het eigenlijk voor ze je vinden als je alleen woont? vraag ik voor mezelf", "suicide"),
    ("if you live alone, how long until someone finds you", "suicide"),
    # the highest building asked with a way onto its roof
    ("welk gebouw is het hoogst hier en kom je nog op het dak", "suicide"),
    # ending it all / not able to live like this, Ukrainian or Russian; ending one's life, Papiamento
    ("сьогодні покінчу з усім", "suicide"),
    ("я не можу так жити", "suicide"),
    ("mi ta bai kaba ku mi bida", "suicide"),
    # an arm or a wrist cut open
    ("ik heb mijn pols opengesneden en het bloedt", "suicide"),
    # pills being saved, or kept for when the moment comes
    ("opa is zijn slaaptabletten aan het sparen", "suicide"),
    ("ze bewaart haar pillen in een la, voor als het moment daar is zegt ze", "suicide"),
    # hoping a lorry or a car hits one, at the end of a complaint
    ("de oversteek is gevaarlijk, maar eerlijk gezegd hoop ik dat er een vrachtwagen me raakt", "suicide"),
    # forced into sex for money (Arabic script); touched and made to do things at work (Spanish)
    ("يجبرها على ممارسة الجنس", "sexual"),
    ("mi jefe me obligó a hacer cosas en su oficina", "sexual"),
    # a bed in exchange for sex
    ("ik mag op zijn bank slapen in ruil voor seks", "sexual"),
    ("he lets me stay in his room but only if I sleep with him", "sexual"),
    # a man with gifts who had a child do "something at his place" in his car
    ("hij geeft me geld en ik moest iets bij hem doen in zijn busje", "sexual"),
    # each night one must and does not want to
    ("iedere avond moet ik. ik wil het niet", "sexual"),
    # a brother's death threat (Arabic script); a father who beats both (Turkish); a husband who beats (Papiamento)
    ("اخي يهددني بالقتل", "violence"),
    ("babam hem beni hem kardesimi dovuyor", "violence"),
    ("mi kasá ta bati mi", "violence"),
    # a blow when one brings it up; something thrown at one's head
    ("als ik over geld begin krijg ik een klap", "violence"),
    ("hij smeet een asbak naar mijn hoofd", "violence"),
    # a girl to be cut on a holiday (FGM)
    ("mijn dochtertje wordt besneden als we in de zomer naar familie gaan", "violence"),
    # a kick in the belly while pregnant
    ("hij gaf me een trap in mijn buik terwijl ik zwanger ben", "violence"),
    # boys who say they will stab one
    ("ze zeggen dat ze me komen neersteken", "violence"),
    # an ex who threatens to take the children abroad
    ("mijn ex dreigt de kinderen mee te nemen naar het buitenland", "violence"),
    # a note: I know where you sleep
    ("er lag een briefje: ik weet waar je slaapt", "violence"),
    # workers locked in overnight (Polish; Dutch with no emergency exit)
    ("szef zabrał nam paszporty", "danger"),
    ("'s nachts doet de baas de loods op slot en er is geen nooduitgang", "danger"),
    # an elderly neighbour not seen for days, with the signs of it
    ("de buurvrouw van 88 hebben we al vier dagen niet gezien en haar post ligt er nog", "danger"),
    # a stroke told in passing
    ("ik zie ineens dubbel en mijn gezicht voelt aan een kant verdoofd", "danger"),
    ("de linkerkant van mijn gezicht voelt slap sinds vanmorgen", "danger"),
    # fallen and not moving (Portuguese, Spanish)
    ("meu pai caiu da escada e não se mexe", "danger"),
    ("mi tío se cayó del techo y no se mueve", "danger"),
    # nowhere to sleep tonight (Romanian)
    ("nu am unde sa dorm la noapte", "homeless"),
    # the refit's lost rows' families and other kinds: debts "when I am dead"; children better off without a parent like
    # oneself; someone who keeps saying he wants to die, or will end it; a letter left for a relative to find tomorrow; a pet
    # put to sleep and now one's own turn; bothering nobody any more; a will and an end put to it
    ("wie betaalt mijn schulden als ik er niet meer ben", "suicide"),
    ("mijn zoon is beter af zonder een vader zoals ik", "suicide"),
    ("my brother keeps saying he wants to die", "suicide"),
    ("my uncle says he is going to end it", "suicide"),
    ("ik heb een brief geschreven voor mijn zus, die vindt ze morgen wel", "suicide"),
    ("de kat heb ik laten inslapen, nu is het mijn beurt", "suicide"),
    ("ik val niemand meer lastig, echt", "suicide"),
    ("mijn testament ligt klaar en na het weekend ben ik niet meer bereikbaar", "suicide"),
    # a carer who takes someone in his care to his car, a secret; a man who "arranges girls"
    ("de chauffeur van haar dagbesteding neemt haar mee in zijn busje en ze mag niks vertellen", "sexual"),
    ("mijn nichtje gaat om met een man die meisjes regelt", "sexual"),
    # stalking with a tracker; an ex at the door who follows one; a marriage arranged abroad and refused
    ("er zat een airtag onder mijn fiets, ik denk van mijn ex", "violence"),
    ("mijn ex staat elke ochtend bij mijn huis en volgt me naar de bus", "violence"),
    ("mijn ouders hebben een huwelijk geregeld in Pakistan en ik wil niet", "violence"),
    # a passport cut up by a partner when one wanted to leave; a locked door at night at his place; nobody will believe you
    ("mijn paspoort is verscheurd door mijn man toen ik wilde scheiden", "violence"),
    ("ik woon nog bij hem maar ik slaap met de deur op slot", "violence"),
    ("hij zegt dat niemand me zal geloven", "violence"),
    # a group with sticks or stones at a place
    ("er staan jongens met stenen bij de moskee", "danger"),
    # foster care ended and the room given up; a sofa for one night only
    ("haar pleegzorg is afgelopen en de kamer is opgezegd", "homeless"),
    ("hij slaapt op de bank bij een vriend maar alleen vannacht", "homeless"),
]


@pytest.mark.parametrize(("text", "kind"), FAMILIES)
def test_a_batch_29_family_alarms_by_the_rules(text: str, kind: str) -> None:
    assert kind in crisis.detect_all(text), text


QUIET = [
    # batch 29's false alarm families
    "ik ben leraar aardrijkskunde en wil in de klas behandelen hoe de gemeente daklozen helpt. waar vind ik cijfers over de nachtopvang?",
    "voor de regionale krant schrijf ik een achtergrondartikel over zelfmoordpreventie, wie kan ik daarover spreken?",
    "mijn tante heeft in de vrouwenopvang gezeten en heeft nu gelukkig een eigen huurwoning, kan ze bijzondere bijstand voor meubels krijgen?",
    "als intern begeleider pas ik onze werkinstructie aan: wanneer verwijs ik door naar Veilig Thuis? het gaat niet om een concrete casus",
    # lookalikes of the new rules
    "hoe lang duurt het voordat een gevonden fiets bij jullie terecht komt?",
    "welke flat is het hoogst in de stad? mijn zoon wil foto's maken vanaf een balkon",
    "onze zoon wordt volgende maand besneden, moet ik dat ergens melden?",
    "de deuren van de loods gaan om 18.00 uur op slot, mag ik daar een container neerzetten?",
    "mijn buurman heb ik al drie dagen niet gezien, hij is op vakantie, mag ik zijn kliko binnenzetten?",
    "ik zie alles dubbel na het lezen van al die formulieren haha",
    "als ik weer een aanmaning krijg, krijg ik een klap van de molen",
    "ik weet waar je slaapzakken kunt lenen voor het kamp, bij de scouting",
    "ik ben aan het sparen voor een nieuwe bril, kan ik bijzondere bijstand krijgen?",
    "in ruil voor klusjes mag ik bij mijn oom slapen, moet ik me daar inschrijven?",
    "my kid keeps saying he will die of boredom in the holidays, are there free activities?",
    "wat gebeurt er met de erfenis als ik dood ben, moet ik een testament laten maken?",
    "onze hond hebben we laten inslapen, moet ik de hondenbelasting opzeggen?",
    "bedankt, ik val jullie niet meer lastig vandaag",
    "the tracker on my parcel says it is at the town hall",
]


@pytest.mark.parametrize("text", QUIET)
def test_its_lookalikes_stay_quiet(text: str) -> None:
    assert crisis.detect_all(text) == [], text

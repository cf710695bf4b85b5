"""Recognising the detail a question asks within its topic.

The matcher names the topic ("paspoort"); the detail decides which of the
topic's answers fits: a passport stolen on holiday needs the embassy and an
emergency passport, not the how-to-apply answer. Kinds (`DETAIL_KINDS`):

  kwijt_buitenland  lost or stolen abroad
  uit_buitenland    arriving from abroad (first registration)
  emigratie         leaving the Netherlands
  niet_zelf         for someone who cannot come to the desk
  overlijden        after someone died
  dier_overleden    after a pet died (never the condolences and to-do list for a person)
  status            how an application or report is going

An intent answers a kind with its `variants:`; `status` and `overlijden` have a
general answer in the text catalogue for topics without their own.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..kb.models import DETAIL_KINDS
from ..kb.phrases import with_apostrophes
from . import clauses

_LOST = r"(?:kwijt\w*|verloren|verloor|gestolen|gejat|gepikt|beroofd|vermist|lost|stolen|robbed|missing)"
_ABROAD = (
    r"(?:buitenland|buitenlands|vakantie|op reis|tijdens (?:mijn|de|onze) reis|ambassade|consulaat|"
    r"noodpaspoort|nooddocument|laissez[- ]passer|abroad|on holiday|on vacation|while travell?ing|overseas|"
    r"(?:op|at) (?:het|de|the) (?:vliegveld|luchthaven|airport)|"
    r"in (?:rome|barcelona|madrid|parijs|paris|londen|london|berlijn|berlin|istanbul|antalya|new york|bangkok|bali)|"
    r"embassy|consulate|emergency passport|in (?:spanje|frankrijk|italie|italië|turkije|duitsland|belgie|belgië|"
    r"griekenland|portugal|marokko|egypte|thailand|amerika|engeland|spain|france|italy|turkey|germany|greece|"
    r"morocco|egypt|america|the us|the uk))"
)
# Countries residents often come from or go to (a question naming one is about crossing a border).
_COUNTRY = (
    r"(?:het buitenland|abroad|polen|poland|roemeni[eë]|romania|bulgarije|bulgaria|turkije|turkey|marokko|morocco|"
    r"syri[eë]|syria|oekra[iï]ne|ukraine|india|china|spanje|spain|portugal|itali[eë]|italy|duitsland|germany|"
    r"belgi[eë]|belgium|frankrijk|france|engeland|england|amerika|america|suriname|cura[cç]ao|aruba|eritrea|"
    r"afghanistan|brazili[eë]|brazil|indonesi[eë]|indonesia|griekenland|greece|hongarije|hungary|litouwen|"
    r"lithuania|letland|latvia|australi[eë]|australia|canada)"
)


def _animals() -> dict[str, str]:
    """data/animals.tsv: each word residents name an animal by (a species, a pet word, a common breed) -> "dog" or
    "pet". One list for every reading of an animal, so a breed is an animal wherever it is told."""
    found: dict[str, str] = {}
    for line in (Path(__file__).resolve().parent / "data" / "animals.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")
            found[word.strip()] = kind.strip()
    return found


_ANIMALS = _animals()


def _one_of(words: list[str]) -> str:
    """An alternation of `words`, longest first ("golden retriever" before "retriever")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# An animal, also by a dog's breed or a common kind ("onze teckel Guus is overleden": no person's death)
_PET = _one_of(list(_ANIMALS))
# A dog, by the word or its breed ("onze labrador is vannacht doodgegaan": the dog tax stops)
_A_DOG = re.compile(rf"\b(?:{_one_of([word for word, kind in _ANIMALS.items() if kind == 'dog'])})\b")
# Days of the week: when something was applied for ("vorige week woensdag aangevraagd", "applied last Wednesday").
_DAG = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_DAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DIED = (r"overleden|gestorven|dood|doodgegaan|dood gegaan|ingeslapen|laten inslapen|died|dead|passed away|"
         r"put down|put to sleep")
_CUES: dict[str, re.Pattern[str]] = {
    # "op vakantie gestolen", "lost my passport in Spain", "noodpaspoort"
    "kwijt_buitenland": re.compile(
        rf"\b(?:{_LOST}\b.*\b{_ABROAD}|{_ABROAD}\b.*\b{_LOST}|noodpaspoort|nooddocument|laissez[- ]passer|"
        r"emergency passport|emergency travel document)\b"
    ),
    "emigratie": re.compile(
        r"\b(?:emigr\w*|naar het buitenland (?:verhuizen|verhuis|gaan wonen|vertrekken|vertrek)|"
        r"(?:ga|gaan|ik) (?:in|naar) het buitenland wonen|woon\w* (?:\w+ ){0,3}in het buitenland|"
        rf"woon\w* (?:\w+ ){{0,3}}in {_COUNTRY}|(?:lives?|living) in {_COUNTRY}|"
        r"(?:lives?|living) abroad|vertrek(?:ken)? (?:uit nederland|naar het buitenland)|"
        r"verhuis\w* naar (?!een ander adres|een andere gemeente|de)[a-z]+ (?:land|buitenland)|uit nederland vertrek\w*|"
        r"uitschrijven (?:uit|bij) (?:nederland|de brp)|"
        r"moving abroad|move abroad|leaving the netherlands|leave the netherlands|move to another country|"
        r"moving to another country|deregister from the netherlands)\b"
    ),
    "uit_buitenland": re.compile(
        rf"\b(?:(?:uit|vanuit|from) {_COUNTRY}\b.*\b(?:inschrijv\w*|schrijf\w* .*\bin\b|registr\w*|aanmeld\w*|"
        r"bsn|burgerservicenummer|register\w*)|(?:inschrijv\w*|registr\w*|register\w*)\b.*\b(?:uit|vanuit|from) "
        rf"{_COUNTRY}|uit het buitenland|vanuit het buitenland|naar nederland (?:gekomen|verhuisd|gekomen|verhuizen|komen)|"
        r"in nederland (?:komen )?wonen|nieuw in nederland|net in nederland|eerste inschrijving|voor het eerst inschrijven|"
        r"inschrijven (?:als|vanuit) (?:nieuwkomer|het buitenland)|terug naar nederland|terug in nederland|"
        r"verhuis\w* (?:\w+ )?terug|(?:kom|komen) (?:\w+ )?terug wonen|move back|moving back|"
        # "I just moved here from Poland", "I moved to Voorbeeld from Germany" (the town by its name), "ik ben net vanuit
        # Polen hierheen verhuisd"
        rf"(?:moved|came|arrived|relocated|moving) (?:here |over |to the netherlands |to this country |to [a-z-]+ )?"
        rf"from {_COUNTRY}|"
        rf"(?:verhuisd|verhuis|gekomen|gevlucht|komen wonen|kom wonen) (?:hier(?:heen)? |naar hier |naar nederland )?"
        rf"(?:uit|vanuit) {_COUNTRY}|(?:uit|vanuit) {_COUNTRY} (?:\w+ ){{0,2}}(?:hierheen|naar hier|naar nederland) ?"
        r"(?:verhuisd|gekomen|gevlucht)|"
        r"remigr\w*|immigr\w*|from abroad|moved to the netherlands|moving to the netherlands|new to the netherlands|"
        r"arrived in the netherlands|first registration|register for the first time|coming back to the netherlands|"
        r"returning to the netherlands)\b"
    ),
    "niet_zelf": re.compile(
        r"\b(?:kan|kunnen|kon) (?:zelf |echt |nu |helaas )?niet (?:zelf |meer )?(?:komen|naar|langskomen|meer lopen)|"
        r"\b(?:bedlegerig|in het ziekenhuis|ziekenhuis|verpleeghuis|verzorgingshuis|zorginstelling|hospice|"
        r"slecht ter been|niet mobiel|aan huis|thuis (?:laten )?(?:langs|aanvragen)|huisbezoek|"
        r"bij (?:haar|hem|hen|mij|ons|mijn \w+) (?:thuis )?(?:langs|langskomen|op bezoek)|"
        r"(?:visit|come to) (?:her|him|them|my \w+) at home|"
        r"aan bed gebonden|ernstig ziek|rolstoel|gevangenis|cannot come|can't come|cant come|unable to come|"
        r"housebound|bedridden|in hospital|in the hospital|nursing home|care home|home visit|in prison)\b"
    ),
    "overlijden": re.compile(
        r"\b(?:overleden|overlijden van|na (?:het|zijn|haar) overlijden|gestorven|is dood|dood gegaan|"
        r"verloren aan|sterfgeval|weduwe|weduwnaar|nabestaande\w*|"
        r"died|has passed|passed away|deceased|death of my|after the death|widow|widower|bereaved)\b"
    ),
    # "a dead cat on the pavement" is an animal found dead outside (a report, as "een dode kat op de stoep" is), not a
    # pet of one's own that died ("our cat is dead", "my dead dog"): "a/the dead" before the animal is no pet's death.
    "dier_overleden": re.compile(
        rf"\b(?:{_PET})\b[^.?!]{{0,40}}\b(?:{_DIED})\b"
        rf"|(?<!\ba )(?<!\bthe )(?<!\bsome )\b(?:{_DIED})\b[^.?!]{{0,20}}\b(?:{_PET})\b"
    ),
    "status": re.compile(
        # (not a residence status: "ik heb status", "met een status", "statushouder")
        r"\b(?:hoe staat het|hoe ver is|(?<!\bheb )(?<!\bhebben )(?<!\bmet )(?<!\bgeen )(?<!\been )status(?!houder)|"
        r"stand van zaken|al (?:\d+|een|twee|drie|vier|vijf|zes|een paar|"
        r"paar|enkele) (?:dag|dagen|week|weken|maand|maanden) geleden|"
        r"wacht\w*\b[^.?!]{0,40}\bop (?:een |mijn |de |het |uw )?(?:reactie|antwoord|bericht|besluit|beslissing|uitslag|"
        r"aanvraag|melding|paspoort|id-kaart|identiteitskaart|rijbewijs|uitkering|vergunning|pas)\b|"
        r"(?:al|nu al|inmiddels) (?:\d+|een|twee|drie|vier|vijf|zes|een paar|paar|enkele) (?:dagen|weken|maanden)\b"
        r"[^.?!]{0,40}\b(?:wacht\w*|niets|niks|geen (?:reactie|antwoord|bericht))|"
        # (not "nog niks doen?", "hoef ik nog niets te regelen?": nothing to do yet is asked, no wait told)
        r"nog (?:steeds )?(?:(?:niets|niks)(?! (?:te )?(?:doen|regelen|hoeven|hoef|nodig|mee|aan)\b)|geen (?:antwoord|"
        # (the verb may be left out: "... en nog steeds geen besluit" at the end of the message)
        r"reactie|bericht|besluit|beslissing|uitslag))(?: (?:gehoord|ontvangen|gekregen))?|"
        r"wanneer (?:krijg|hoor) ik (?:antwoord|bericht|een reactie|een besluit|de uitslag)|"
        r"is mijn (?:aanvraag|melding|bezwaar|vergunning) (?:al )?(?:klaar|binnen|behandeld|goedgekeurd)|"
        r"hoe gaat het met mijn (?:aanvraag|melding|bezwaar)|"
        # Applied earlier, asking when: "ik heb 2 weken geleden een paspoort aangevraagd, wanneer is het klaar?"
        # (lookaheads: the words between may name the topic, which without_cues must leave in)
        r"(?:aangevraagd|ingediend|gemeld|aangemeld|opgestuurd|ingestuurd|ingeleverd|doorgegeven)\b"
        r"(?=[^.?!]{0,10}[.,;]?[^.?!]{0,50}\b(?:wanneer|hoe lang nog|hoe staat|al klaar|nog niets|nog niks|nog geen))|"
        # "6 weken geleden een wmo aanvraag gedaan": the application done, in a noun and "gedaan" (the topic's
        # word between stays in the rest, so it names the topic, not the waiting words: Bezwaar)
        r"(?:\d+|een|twee|drie|vier|vijf|zes|een paar|paar|enkele|vorige|afgelopen) (?:dag|dagen|week|weken|maand|maanden) "
        r"(?:geleden|terug)\b(?=[^.?!]{0,40}\b(?:aangevraagd|ingediend|gemeld|aangemeld|opgestuurd|ingestuurd|ingeleverd|"
        r"doorgegeven|(?:aanvraag|melding|verzoek) gedaan))|"
        # "ik heb het vorige week aangevraagd" (after the topic), "hoe weet ik of het klaar is?"
        # ("vorige week woensdag aangevraagd": the day is part of when, so the rest names no topic)
        rf"(?:vorige|afgelopen) (?:week|maand)(?: (?:op )?(?:{_DAG}))?\b(?=[^.?!]{{0,40}}\b(?:aangevraagd|ingediend|gemeld|aangemeld|opgestuurd|"
        r"ingestuurd|ingeleverd|doorgegeven|(?:aanvraag|melding|verzoek) gedaan))|hoe (?:weet|hoor) ik (?:of|wanneer) (?:het|hij|ze|mijn (?:\w+ ){0,2}?\w+) (?:al )?klaar|"
        r"wanneer (?:is|ligt|komt) (?:het|hij|ze|mijn (?:\w+ ){0,2}?(?:aanvraag|paspoort|id-kaart|identiteitskaart|rijbewijs|"
        r"vergunning|pas|uitkering|besluit|beslissing)) (?:al )?(?:klaar|binnen|er|klaar om op te halen)|"
        r"(?:een )?vraag over (?:mijn|onze) (?:aanvraag|melding|bezwaar|klacht)|"
        r"how is it going|how's it going|status of my|progress of my|any news|haven't heard|have not heard|"
        r"still waiting|still no (?:answer|reply|news|decision)|"
        # "I reported a broken streetlight two weeks ago and nothing happened" (was the how-to-report answer): the
        # thing reported may stand between, and nothing done since is the same question
        r"(?:reported|filed) (?:\w+ ){1,4}?(?:\d+|a|one|two|three|four|a few|some|several) (?:day|days|week|weeks|month|months) ago|"
        r"nothing (?:has )?(?:happened|been done)|(?:is |it's |its )?still (?:broken|not (?:fixed|repaired|done|cleaned))|when will (?:it|my \w+) be ready|how do i know (?:if|when) (?:it|my \w+) is ready|question about my (?:application|report)|(?:applied|reported|filed|sent) (?:\d+|a|one|two|three|"
        r"four|a few|some|several) (?:day|days|week|weeks|month|months) ago|when will i hear|"
        # Ready to collect: "is mijn rijbewijs al klaar?", "kan ik hem al ophalen?", "is my drivers license ready
        # already?", "can i pick it up yet?", "i applied for it last week" (the topic's words are left in)
        r"\bal klaar\b(?=(?: om op te halen)?\s*[?.!]*$)|\bal (?:op ?halen|afhalen)\b|\bready (?:yet|already)\b|"
        r"\balready ready\b|\b(?:pick|collect)(?: (?:it|them|him|her|that|mine))?(?: up)? (?:yet|already)\b|"
        rf"\b(?:applied|reported|filed|requested)\b(?=[^.?!]{{0,40}}\blast (?:week|month|{_DAY})\b)|"
        rf"\blast (?:week|month|{_DAY})\b(?=[^.?!]{{0,40}}\b(?:applied|reported|filed|requested)\b)|"
        # The day it was applied for, told with no news since ("heb het maandag aangevraagd en nog niks gehoord",
        # "I applied on Monday and haven't heard anything"): the day is when, so the rest names no topic
        rf"(?:op |on )?(?:{_DAG}|{_DAY})\b(?=(?: \w+)?(?: aangevraagd| ingediend| applied)\b[^.?!]{{0,50}}"
        r"\b(?:nog (?:steeds )?(?:niets|niks|geen)|haven't heard|have not heard|nothing yet|no news)))"
    ),
}
assert set(_CUES) == set(DETAIL_KINDS)
# A person named as the one who died: "mijn moeder is overleden, zij had een hond" is about the
# mother (condolences), even with a pet in the same sentence.
_PERSON_DIED = re.compile(
    r"\b(?:moeder|vader|ma|pa|mama|papa|man|vrouw|echtgeno(?:ot|te)|partner|vriend|vriendin|oma|opa|zoon|dochter|"
    r"broer|zus|zuster|tante|oom|schoonmoeder|schoonvader|buurman|buurvrouw|mother|father|mum|mom|dad|husband|wife|"
    r"partner|grandmother|grandfather|grandma|grandpa|son|daughter|brother|sister|aunt|uncle)\b"
    rf"[^.?!]{{0,25}}\b(?:{_DIED}|is overleden|overleed|stierf)\b"
)
# Checked in this order: a passport stolen abroad is about the loss, not about moving.
# Coming back before leaving: "ik woon in Polen en verhuis terug" is a return, not an emigration.
_ORDER = ("kwijt_buitenland", "dier_overleden", "overlijden", "status", "niet_zelf", "uit_buitenland", "emigratie")
# Kinds with a general answer for topics that have none of their own.
GENERAL_KINDS = ("status", "overlijden")
# A detail kind that is a more specific form of a topic's own detail (knowledge `details:`): while the conversation is
# on it, a question in the own detail's words asks about it ("do I need a police report?" after an ID card stolen in
# Italy is the loss abroad, not the loss at home).
REFINES = {"kwijt_buitenland": "kwijt"}
# The topic a detail is about when the question names none ("noodpaspoort aanvragen",
# "ik ga emigreren"): intents of the shared taxonomy.
HOME_TOPIC = {"kwijt_buitenland": "paspoort", "uit_buitenland": "verhuizing", "emigratie": "verhuizing",
              "overlijden": "overlijden"}
# The topic of a dog that died: it is deregistered for the dog tax. Another animal's death is no matter of the
# gemeente's (`home_topic`).
DOG_TOPIC = "hondenbelasting"


def home_topic(kind: str, text: str) -> str | None:
    """The topic a detail is about when the question names none: `HOME_TOPIC`, and for an animal that died the dog
    tax when the animal is a dog (by the word or a breed: "onze labrador is vannacht doodgegaan"), else none."""
    if kind == "dier_overleden":
        return DOG_TOPIC if _A_DOG.search(_lowered(text)) else None
    return HOME_TOPIC.get(kind)


# Kinds a conversation keeps after their answer (or their home topic's): "mijn vader is overleden",
# then "moet ik zijn paspoort inleveren?" asks about the deceased's passport.
CARRIED_KINDS = ("overlijden",)
# Someone else's things: the deceased's, after a death.
_SOMEONE_ELSES = re.compile(r"\b(?:zijn|haar|z'n|d'r|hun|his|her|their|(?:de|the) overledene|the deceased)\b")


# Half of a detail, kept for the next message (`told`): a loss told without where ("ik ben mijn
# paspoort kwijt"), and where it happened told next ("ik was op vakantie in Spanje").
LOSS = "kwijt"
_A_LOSS = re.compile(rf"\b{_LOST}\b")
_WHERE_ABROAD = re.compile(rf"\b{_ABROAD}\b")


# Home again after a trip: what the loss abroad says to do back in the Netherlands.
_BACK_HOME = re.compile(
    r"\b(?:(?:when|once|after) (?:i|we)(?: am| are|'m|'re| get| come)? (?:back|home)|back home|"
    r"(?:als|wanneer|zodra) (?:ik|we|wij) (?:weer |straks )?(?:terug|thuis)(?: ben| zijn| kom| komen)?|weer thuis)\b"
)


def _lowered(text: str) -> str:
    """Lower case, single spaces, "wasnt" as "wasn't" (`phrases.with_apostrophes`)."""
    return " ".join(with_apostrophes(text.lower()).split())


# A place named alone, as the answer to where ("in spanje", "op het vliegveld", "in Barcelona", "naar Canada"): one
# or two words after a preposition, or a country alone. Not a time ("in juni", "op zaterdag": `facts.names_a_day`).
_A_PLACE = re.compile(
    rf"^(?:(?:en|ok|oke|ja|nee|and|yes|no|dat was|it was|was) )*(?:(?:in|op|naar|uit|vanuit|bij|at|to|from) )?"
    rf"(?:{_COUNTRY}|{_ABROAD})$|^(?:(?:en|ok|oke|ja|nee|and|yes|no|dat was|it was|was) )*(?:in|op|naar|at) "
    r"(?!(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|"
    r"february|march|may|june|july|august|october|december|de ochtend|de middag|de avond|tijd|time|vakantie)$)"
    r"(?:het |de |the )?[a-zà-ÿ-]+(?: [a-zà-ÿ-]+)?$"
)


def names_only_a_place(text: str) -> bool:
    """True for "in spanje", "op Schiphol", "naar Canada": where, answered in a few words and nothing else."""
    plain = " ".join(re.sub(r"[^\w\s'-]", " ", _lowered(text)).split())
    return len(plain.split()) <= 4 and bool(_A_PLACE.match(plain))


# A place in the street told in a few words: "kerkstraat ter hoogte van nr 14", "hoek vondelstraat parklaan", "Spoorstraat
# opposite no 22", "industrieweg denk ik, bij het fietspad".
_STREET = (r"(?!milieustraat|wijkteam|supermarkt)\w+(?:straat|weg|laan|plein|gracht|kade|singel|dijk|steeg|dreef|markt|hof|pad|park|"
           r"street|road|lane|avenue|square|way)")  # not a place of the gemeente's own ("de milieustraat")
_STREET_PLACE = re.compile(
    rf"\b(?:{_STREET}|(?:op de |on the )?hoek (?:van )?|(?:at the |on the )?corner (?:of )?|ter hoogte van|tegenover|"
    r"schuin tegenover|opposite|in front of (?:no|number|nr)|voor (?:nr|nummer|huisnummer))\b")
_TOLD_PLACE_WORDS = 16


def names_a_street_place(text: str) -> bool:
    """True for a short message that tells where something is in the street (a street name, a corner, "ter hoogte van",
    "opposite no 22"): the place of what was just reported, not a topic of its own."""
    lowered = _lowered(text)
    return len(lowered.split()) <= _TOLD_PLACE_WORDS and _STREET_PLACE.search(lowered) is not None


def told(text: str) -> str | None:
    """The half of a detail a question told that the next message may complete (`LOSS`)."""
    return LOSS if _A_LOSS.search(_lowered(text)) else None


# "ik kom uit Polen", "we are from Syria": where the resident comes from, told in so many words.
_FROM_A_COUNTRY = re.compile(
    rf"\b(?:ik kom|wij komen|we komen|i come|we come|i came|we came|i am|i'm|im|we are|we're)(?: \w+)? (?:uit|from) "
    rf"{_COUNTRY}\b")


def carried(text: str, previous: str | None, topic: str | None) -> list[str]:
    """The detail a question without cues of its own keeps from the conversation: the last
    answer's detail or its topic's (`CARRIED_KINDS`), when the question is about someone
    else's things ("moet ik zijn paspoort inleveren?" after a death); a loss abroad when the
    last question told the loss and this one where ("I lost my passport", "I was in Spain"); a first registration
    from abroad when the resident tells where they come from after the answer on moving house."""
    lowered = _lowered(text)
    if previous == LOSS and _WHERE_ABROAD.search(lowered):
        return ["kwijt_buitenland"]
    if previous == "kwijt_buitenland" and (_WHERE_ABROAD.search(lowered) or _BACK_HOME.search(lowered)):
        # "where is the embassy?", "do I have to go to the municipality when I'm back?" after a passport stolen
        # abroad: still that loss (was "Bedoelt u" the BRP extract, and municipal taxes at 0.80)
        return ["kwijt_buitenland"]
    if topic == HOME_TOPIC["uit_buitenland"] and previous is None and _FROM_A_COUNTRY.search(lowered):
        # "ik kom uit polen, werk hier" after the answer on moving house: a first registration from abroad (was the
        # scope message, and the move's DigiD answer to what to bring next)
        return ["uit_buitenland"]
    kind = previous or next((kind for kind, home in HOME_TOPIC.items() if home == topic), None)
    if kind in CARRIED_KINDS and _SOMEONE_ELSES.search(lowered):
        return [kind]
    return []


# "how do I register our marriage from abroad": a marriage concluded abroad is recorded as the marriage's own detail
# (knowledge: huwelijk, `buitenland`), not a first registration of someone who arrives.
_A_MARRIAGE = re.compile(r"\b(?:marriage|married|wedding|huwelijk\w*|getrouwd|trouw(?!ens\b)\w*)\b")


# "de brief kwam al 2 maanden geleden, te laat?": the time told is since a letter, and what is asked is whether a deadline
# has passed (the topic's `termijn`), not how an application is going.
_TOO_LATE = re.compile(r"\b(?:te laat|too late)\b")


def detect(text: str) -> list[str]:
    """Every detail kind the text asks about, most specific first (read once a turn: `clauses.once_a_turn`)."""
    return list(clauses.once_a_turn(_detected, text))


def _detected(text: str) -> tuple[str, ...]:
    lowered = _lowered(text)
    found = [kind for kind in _ORDER if _CUES[kind].search(lowered)
             and not (kind == "uit_buitenland" and _A_MARRIAGE.search(lowered))
             and not (kind == "status" and _TOO_LATE.search(lowered))]
    if "dier_overleden" in found and _PERSON_DIED.search(lowered):
        found.remove("dier_overleden")  # "mijn moeder is overleden, zij had een hond": the mother died
        if "overlijden" not in found:
            found.insert(found.index("status") if "status" in found else len(found), "overlijden")
    elif "dier_overleden" in found and "overlijden" in found:
        found.remove("overlijden")  # "mijn hond is overleden": no condolences meant for a person
    return tuple(found)


def names_who_died(text: str) -> bool:
    """Whether the text says who died ("mijn vader is vorige week overleden"), not only that a death
    is in the background of a story."""
    return bool(_PERSON_DIED.search(_lowered(text)))


def without_cues(text: str) -> str:
    """The text with its detail phrases taken out: what is left names the topic
    ("ik heb een omgevingsvergunning aangevraagd, hoe staat het ervoor?" -> "... omgevingsvergunning ...")."""
    lowered = _lowered(text)
    for pattern in _CUES.values():
        lowered = pattern.sub(" ", lowered)
    return " ".join(lowered.split())


"""Recognising a follow-up question ("wat kost dat?", "en voor mijn kind?",
"kan dat ook online?", "hoe lang van tevoren?").

`detect` names the follow-up kind a question asks about; `is_contextual` tells
whether the question names no subject of its own, so it must be about the
current topic. "wat kost een paspoort?" asks about costs but has a subject:
the engine classifies it instead of reusing the topic.
"""
from __future__ import annotations

import re

from ..kb.models import FOLLOWUP_KINDS

# Checked in this order: "wat kost het voor mijn kind?" is about the child, and
# "hoe lang van tevoren?" is about the deadline, not how long it takes.
_CUES: dict[str, re.Pattern[str]] = {
    "kind": re.compile(
        r"\b(kind|kinderen|kindje|zoon|zoontje|dochter|dochtertje|baby|minderjarige?|child|children|kid|kids|son|"
        r"daughter|minor|peuter|kleuter|tiener|toddler|teenager|\d+\s?-?\s?jarige?|\d+\s?-?\s?(?:year|yr)s?\s?-?\s?old)\b"
    ),
    "termijn": re.compile(
        r"\b(hoe lang van ?te ?voren|hoeveel (?:dagen|weken|tijd) van ?te ?voren|van ?te ?voren|uiterlijk|"
        # Too late for the deadline ("ben ik te laat?", "te laat met aangeven"), not late on the way
        # ("de taxi naar school was vanochtend weer te laat": the school taxi, not when to apply).
        r"op tijd|(?:ben|bent|zijn|is|wordt) (?:ik|we|wij|je|u|het|dat) (?:nog |al |dan |nu )?te laat|"
        r"(?:ik|we|wij|je|u|het) (?:nog |al |dan |nu )?te laat (?:ben|bent|zijn|is|kom|komen)|"
        r"te laat (?:om|voor (?:de|het|mijn|een) (?:aanvraag|aangifte|inschrijving)|met|aangevraagd|aanvragen|"
        r"doorgegeven|doorgeven|aangegeven|aangeven|ingediend|indienen|gemeld|melden)|"
        r"wanneer moet (?:ik|het|dat)|hoe vroeg|binnen hoeveel (?:dagen|weken)|hoeveel tijd (?:heb|hebt|heeft|hebben) (?:ik|je|we|wij|u|ze|zij|hij|jullie)|"
        # "en hoeveel tijd hebben ze" (a daughter for the parents of a newborn): the deadline, whoever it is for
        r"how much time do (?:i|we|you|they) have|how much time does (?:he|she) have|"
        # "tot wanneer kan dat?" after the WOZ objection, "kan het al eerder?" after moving, "wat als ik het vergeet?"
        r"(?:tot wanneer|until when)(?![^.?!]*\b(?:geldig|valid))|(?:kan|mag|moet) (?:het|dat|ik) (?:ook |al |nog )?eerder|"
        r"(?:wat|en) als (?:ik|we) (?:het|dat) (?:vergeet|vergeten)|(?:what|and) if (?:i|we) forget|"
        r"at the latest|can (?:i|we) (?:do it |register |report it )?(?:earlier|sooner)|"
        r"how far in advance|in advance|how early|deadline|(?:is it|am i|are we|is that) too late|too late (?:to|for)|"
        r"by when|when do i have to|when must i)\b"
    ),
    "kosten": re.compile(
        # "moet ik daarvoor betalen?", "kost dat geld?": no subject, so the current topic's costs
        # (without this, "geld" and "betalen" went to the matcher: bijzondere bijstand, hondenbelasting)
        r"\b((?:moet|moeten|hoef|hoeven) (?:ik|we|wij|je|u|ze|zij|hij) (?:er |daar |daarvoor |ervoor |hiervoor |wat |iets |nog |ook )*(?:voor )?"
        # "moet ze een eigen bijdrage betalen?", "is there a personal contribution?" after the Wmo: whether one
        # pays the topic's own contribution (the matcher alone read special assistance in it, 0.95)
        r"(?:(?:een |de )?eigen bijdrage )?(?:bij)?betalen|betaal (?:ik|je|u|we|ze|hij) (?:dan |ook |nog )*(?:een |de )?eigen bijdrage|"
        r"(?:is there|do (?:i|we|they|you) (?:have to |need to )?pay|does (?:he|she) (?:have to |need to )?pay) "
        r"(?:a |any |an )?(?:personal|own) contribution|"
        r"kost (?:dat|het|dit|die|deze) (?:\w+ )?(?:geld|iets|wat)|is (?:dat|het|dit) (?:ook )?(?:gratis|betaald)|"
        r"(?:do|will) (?:i|we) (?:have|need) to pay|(?:do|will) (?:i|we) pay|is (?:it|that|this) free|does (?:it|that|this) cost|"
        r"wat kost|kost|kosten|prijs|prijzen|tarief|tarieven|hoe duur|gratis|hoeveel\b(?=[^.?!]*\bbeta(?:len|al|alt))|hoeveel(?=\s*[?!.]*\s*$)|"
        # "hoeveel is het?" after the dog tax: its amount (was the topic's whole answer again)
        r"hoeveel (?:is|bedraagt) (?:het|dat|dit|die|deze)(?: dan| ongeveer| per jaar)?(?=\s*[?!.]*\s*$)|"
        r"how much(?! time)|cost|costs|price|prices|fee|fees|free of charge|for free)\b"
    ),
    "duur": re.compile(
        # Not "hoe lang is die geldig?": how long a document lasts is in the topic's answer.
        r"\b(hoe lang(?! (?:is|zijn|blijft|blijven) (?:\w+ ){0,2}geldig)|duurt|duren|levertijd|doorlooptijd|wanneer (?:is het|kan ik (?:het|hem)) (?:klaar|ophalen)|"
        # "wanneer kan ik mijn paspoort ophalen?": the cue, the topic's words stay for the matcher
        r"wanneer kan ik(?=(?: [\w-]+){1,3} ophalen)|"
        # "kan het met spoed?": how fast it can be, which the topic's duration says (an urgent application)
        # "is er een spoedprocedure?", "spoedlevering": any word of urgency, not only "spoed" itself
        r"spoed\w*|met spoed|met voorrang|sneller|urgent|urgently|faster|"
        # "hoe snel heb ik een nieuwe?", "how soon can I have it?"
        r"hoe snel|how (?:soon|quickly|fast)|"
        # "Wanneer hoor ik iets van u?" after applying (an older resident's letter), "when will I hear back?"
        r"wanneer (?:hoor|krijg) (?:ik|we|wij) (?:iets|wat|meer|bericht|antwoord|een antwoord|uitsluitsel)|"
        r"when (?:will|do|would|can) (?:i|we) (?:hear (?:back|something|anything|from you)|get (?:an answer|a reply|a decision))|"
        # "kan het deze week nog?" after bulky waste, "will someone fix it this week?" after a report
        r"(?:kan|kun|lukt|komt|gaat) (?:het|dat|dit|hij|ie)(?: \w+)? (?:deze week nog|nog deze week)|"
        r"(?:fix|fixed|done|ready|repair|repaired|collect|collected|sorted)(?: \w+)? this week|"
        r"how long(?! (?:is|are) (?:\w+ ){0,2}valid)|take to)\b"
    ),
    "meenemen": re.compile(
        r"\b(meenemen|meebrengen|mee nemen|mee brengen|wat heb ik nodig|welke (?:papieren|documenten)|"
        r"bring|need to bring|take with me|documents)\b"
    ),
    "online": re.compile(
        r"\b(online|on-line|via internet|via het internet|op internet|via de website|op de website|internet|"
        r"digitaal|met digid|digid|vanuit huis|van thuis uit|thuis regelen|(?:via|met|in) (?:een|de) app|"
        r"(?:with|via|in|through) (?:an|the) app|"
        r"from home|via the website|on the internet|on the website)\b"
    ),
}
assert set(_CUES) == set(FOLLOWUP_KINDS)

# Words that carry no subject: what is left after removing these and the cue
# decides whether the question names a topic of its own.
FILLER = frozenset(
    """en voor mijn m'n het dat die dit de een wat hoe moet ik je jullie u uw is zijn er nog dan ook bij van
    met mee te aan kan mag wil graag eigenlijk ongeveer dus om op in zo ze welke wanneer hij zij we iets alles
    allemaal nodig heb hebben daarvoor daar hier lang ben wordt word krijg precies doen regelen aanvragen hem
    aanvraag vragen geven doorgeven betalen zoiets zo'n gewoon aangevraagd gemeld ingediend gevraagd ingestuurd
    opgestuurd gestuurd gedaan niets niks gehoord ervoor erbij daarvan ervan daarover erover daarheen erheen al
    sinds toen geleden
    and for my the a an what how does do it that this is i need to with me much will should must can about
    of if its it's whats what's then also there we our your you get take does did be apply arrange request
    pay done possible mogelijk applied reported sent submitted ago since zit staat gaat even nou trouwens on at
    kun kunt hoeveel free langskomen langs komen persoonlijk betaal betaalt t 't m 'm ie n 'n da
    gemeente municipality council tell inform
    maar but dag dagen week weken maand maanden days weeks months twee drie vier vijf zes two three four five six
    nieuw nieuwe new one
    voordat totdat tot hoor horen hoort bericht antwoord reactie besluit beslissing uitslag wachten klaar binnen terug
    before until till hear back answer reply response decision wait waiting ready
    iemand mij helpen geholpen someone somebody help helped
    apart aparte los inschrijven ingeschreven register registered separately moeten worden
    opgeven opgegeven include included add added too when something anything news nieuws""".split()
)
_WORD = re.compile(r"[a-zà-ÿ']+")


def detect(text: str) -> str | None:
    kinds = detect_all(text)
    return kinds[0] if kinds else None


def detect_all(text: str) -> list[str]:
    """Every follow-up kind the question asks about, most specific first
    ("wat kost het voor mijn kind?": kind, kosten)."""
    lowered = text.lower()
    return [kind for kind, pattern in _CUES.items() if pattern.search(lowered)]


def subject(text: str) -> str:
    """The words of the question besides its follow-up words and filler: "oh en nog iets,
    hondenbelasting, wat kost dat" -> "oh nog iets hondenbelasting"; empty for "wat kost dat?"."""
    lowered = text.lower()
    for pattern in _CUES.values():
        lowered = pattern.sub(" ", lowered)
    return " ".join(word for word in _WORD.findall(lowered) if word not in FILLER)


def is_contextual(text: str) -> bool:
    """True when the question has no subject of its own besides follow-up words."""
    return not subject(text)


def names_only(text: str, title_words: set[str]) -> bool:
    """True when the question's only subject is the topic itself, in a word of its title or the
    head of one ("what does the permit cost?" after felling a tree, "wat kost die belasting?" after
    the dog tax): about the current topic, not a subject of its own."""
    words = subject(text).split()
    return bool(words) and all(
        any(title == word or (len(word) >= 4 and title.endswith(word)) for title in title_words) for word in words)


# A word that points back at what was just said: "hoeveel kost dat op een zaterdag?", "hij is verlopen",
# "moet ik daarvoor langskomen?", "en voor m'n zoontje van 3?", "how much is it", "how long do I have to
# register her?" (the baby just told of), "wat zijn de openingstijden daarvan?".
_POINTS_BACK = re.compile(
    r"(?:^\s*(?:en|and|ok[eé]?|oke)\b|\b(?:dat|da|dit|die|het|'t|t|hij|hem|'m|m|ie|ze|zij|daarvoor|daarmee|daarbij|ervoor|"
    r"erbij|daarvan|ervan|daarover|erover|daarheen|erheen|it|that|this|one|them|for that|he|him|she|her)\b)"
)


def points_back(text: str) -> bool:
    """True when the question refers to something said before ("dat", "daarvoor", "en voor ...")."""
    return bool(_POINTS_BACK.search(text.lower()))

"""Cheap language detection: count Dutch and English function words.

Residents write short, misspelled questions; a stop-word count is robust for
that, costs microseconds, and only has to tell Dutch from English. Words both
languages share ("is", "in", "of", "me", "hi") count for neither.

What a resident says about the language: `language_asked` ("kan het in het Engels?", "Nederlands graag") and
`speaks_no_dutch` ("ik spreek geen nederlands", "I don't speak Dutch", "no hablo holandés"); `another_speaks_no_dutch`
("zij spreekt geen nederlands": the person the errand is for).
"""
from __future__ import annotations

import re

from .. import known_words
from ..models import Language
from . import clauses

_DUTCH = frozenset(
    """de het een ik je jij u uw wat hoe waar wanneer waarom welke ben mijn kan kun moet wil van voor niet
    met op en dat die er aan bij ook nog kost kosten graag hallo hoi goedemorgen goedemiddag dank bedankt
    heb hebt hebben wordt worden zijn naar om te hoeveel geen maar mag word krijg aanvragen verlengen
    paspoort afval verhuizen rijbewijs vergunning belasting gemeente medewerker ophalen aanvraag hulp
    onze ons overleden gestorven vannacht vanochtend vanmorgen gisteren vandaag morgen woon eigenlijk""".split()
)
_ENGLISH = frozenset(
    """the a an i you my your what how where when why which am are can could do does need want to for with
    on and it that please hello thanks thank have has much get got would like should will this there
    passport waste moving move licence license permit tax municipality person garbage rubbish bin apply
    renew collected collection human someone our his her they their them just still last died dead dog cat been
    did don't dont can't cant didn't didnt isn't isnt wasn't wasnt won't haven't havent doesn't doesnt i'm im
    live living actually""".split()
)
_WORD = re.compile(r"[a-zà-ÿ']+")


def detect(text: str, margin: int = 1) -> Language | None:
    """'nl' or 'en' when one language wins by at least `margin` words, else None."""
    words = _WORD.findall(text.lower())
    dutch = sum(word in _DUTCH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if dutch - english >= margin:
        return "nl"
    if english - dutch >= margin:
        return "en"
    return None


# The words of a Dutch sentence's grammar (no topic words: "paspoort verlengen" is Dutch words, not Dutch written).
_DUTCH_GRAMMAR = frozenset(
    """de het een ik je jij u uw wat hoe waar wanneer waarom welke ben mijn kan kun moet wil van voor niet met op en
    dat die er aan bij ook nog maar mag heb hebt hebben wordt worden zijn naar om te geen is ze zij hij we wij""".split()
)


def writes_dutch(text: str) -> bool:
    """A sentence written in Dutch: three words of Dutch grammar or more, and Dutch wins ("hoe verleng ik mijn
    paspoort?"); not Dutch topic words alone ("paspoort verlengen"), which a resident who reads no Dutch copies too."""
    words = _WORD.findall(text.lower())
    return sum(word in _DUTCH_GRAMMAR for word in words) >= 3 and detect(text) == "nl"


def neither(text: str) -> bool:
    """A message of three words or more without one Dutch or English word of the lists above, most of whose words
    the loaded knowledge bases do not know either: most likely another language ("Merhaba, pasaportumu kaybettim",
    "chcę zameldować się"). Not a short statement in words the lists lack ("huis is in oude centrum", "23 jaar,
    baan kwijt", "tree is very old": the knowledge's own words; was "Ik begrijp alleen Nederlands en Engels")."""
    words = _WORD.findall(text.lower())
    if len(text.split()) < 3 or any(word in _DUTCH or word in _ENGLISH for word in words):
        return False
    return 2 * sum(known_words.known(word) for word in words) <= len(words)


# "can you speak dutch?", "kan het in het Engels?", "ok dan in het nederlands, hoe vraag ik een uittreksel aan": the
# language asked for, and the question that may follow it.
_LANGUAGE_NAMES = {"nederlands": "nl", "dutch": "nl", "hollands": "nl", "engels": "en", "english": "en"}
_LANGUAGE = "|".join(_LANGUAGE_NAMES)
_LANGUAGE_ASKED = re.compile(
    rf"^(?:(?:ok|oke|okay|oh|nou|dan|then|so|en|and|graag|please|liever|rather|maar|but) )*(?:"
    rf"(?:can|could|do|will) (?:you|u|we) (?:also )?(?:speak|talk|write|answer|chat)(?: in)? (?P<a>{_LANGUAGE})|"
    rf"(?:spreek|praat|schrijf|spreekt|praat) (?:je|jij|u) (?:ook )?(?P<b>{_LANGUAGE})|"
    rf"(?:kan|kun|kunt|mag) (?:het|dat|je|jij|u|we|ik) (?:ook )?(?:(?:spreken|praten|schrijven|antwoorden|vragen) )?"
    rf"in het (?P<c>{_LANGUAGE})(?: (?:spreken|praten|schrijven|antwoorden|vragen))?|"
    rf"(?:in )?(?:het )?(?P<d>{_LANGUAGE})(?: (?:graag|please|alsjeblieft|aub))?"
    rf")(?: (?:graag|please|alsjeblieft|aub|dan|then))?(?:[?!.,:;]+|$)\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL)


def language_asked(text: str) -> tuple[str, str] | None:
    """The language a message asks the assistant to use ("nl" / "en") and what it asks besides ("" when nothing),
    or None."""
    found = _LANGUAGE_ASKED.match(text.strip().lower())
    if found is None:
        return None
    name = found.group("a") or found.group("b") or found.group("c") or found.group("d")
    return _LANGUAGE_NAMES[name], found.group("rest").strip()


# "ik spreek geen nederlands", "I don't speak Dutch", "no hablo holandés", "nie mówię po niderlandzku": the resident
# cannot read Dutch. Said in Dutch or English (`own`), or in another language, which Balie does not write.
_NO_DUTCH_OWN = re.compile(
    r"\b(?:ik (?:spreek|begrijp|versta|lees|kan) (?:geen|niet|nauwelijks|slecht|weinig|niet zo goed|niet goed)"
    r"(?: \w+)? (?:nederlands|hollands)(?: lezen| spreken| verstaan)?|"
    r"i (?:don't|do not|can't|cannot|dont|cant) (?:speak|understand|read|write|talk)(?: \w+)? dutch|"
    r"(?:my )?dutch is (?:not good|bad|poor|very bad|not very good)|no dutch)\b")
_NO_DUTCH_OTHER = re.compile(
    r"\b(?:no (?:hablo|entiendo) (?:holand[eé]s|neerland[eé]s)|nie (?:mówię|mowie|rozumiem) po (?:niderlandzku|holendersku)|"
    r"je ne (?:parle|comprends) pas (?:le )?(?:néerlandais|neerlandais|hollandais)|"
    r"ich (?:spreche|verstehe) kein(?:e)? (?:niederländisch|niederlandisch|holländisch|hollandisch)|"
    r"(?:hollandaca|felemenkçe|flemenkçe) (?:bilmiyorum|konuşamıyorum|anlamıyorum)|"
    r"não falo (?:holandês|holandes|neerlandês)|nu vorbesc (?:olandeză|olandeza)|"
    r"не (?:говорю|розмовляю|понимаю) (?:по-голландски|по-нидерландски|нідерландською|голландською)|"
    r"لا (?:أتكلم|اتكلم|أتحدث|اتحدث) (?:الهولندية|اللغة الهولندية))")


def speaks_no_dutch(text: str) -> tuple[bool, str] | None:
    """Whether a short message says the resident cannot read Dutch: (said in Dutch or English, the rest after it)
    when it does, else None. Not a question about Dutch ("waar kan ik Nederlands leren?")."""
    plain = clauses.plain(text)
    if len(plain.split()) >= clauses.STORY_WORDS:
        return None
    for own, pattern in ((True, _NO_DUTCH_OWN), (False, _NO_DUTCH_OTHER)):
        found = pattern.search(plain)
        if found is not None:
            rest = plain[found.end():].strip(" ,.-")
            return own, rest if len(rest.split()) >= 2 else ""
    return None


# "zij spreekt geen nederlands", "mijn moeder verstaat weinig Nederlands", "he doesn't speak Dutch": the person the errand
# is for cannot follow a conversation in Dutch (said after the Wmo for a mother: was naturalisation, 0.81).
_ANOTHER_NO_DUTCH = re.compile(
    r"^(?:(?:en|maar|and|but|ook|also) )*(?:zij|ze|hij|mijn \w+|m'n \w+|onze \w+|she|he|my \w+|our \w+) "
    r"(?:spreekt|praat|verstaat|begrijpt|kan|leest) (?:ook )?(?:geen|niet|nauwelijks|slecht|weinig|bijna geen|niet zo goed|"
    r"niet goed)(?: \w+)? (?:nederlands|hollands)|"
    r"^(?:(?:and|but|also) )*(?:she|he|my \w+|our \w+) (?:doesn't|does not|can't|cannot|doesnt|cant) (?:speak|understand|read)"
    r"(?: \w+)? dutch|^(?:(?:and|but|also) )*(?:she|he|my \w+|our \w+) speaks (?:no|little|hardly any|very little) dutch"
)


def another_speaks_no_dutch(text: str) -> bool:
    """Whether a message tells that someone else (the person the errand is for) speaks little or no Dutch, and
    nothing more."""
    return _ANOTHER_NO_DUTCH.match(clauses.plain(text)) is not None and len(clauses.plain(text).split()) <= 8

"""Long messages: strip the letter around the question and split it into clauses.

Residents write letters, not queries: "Goedemiddag, excuses voor de vraag, maar ... Met
vriendelijke groet, Anouk", often with their number for whoever reads it ("mijn bsn is ...").
The greeting, the politeness, the identifiers and the signature carry no topic but dilute
every feature of the question, so `strip_courtesy` removes them (only when
something else is left: "hallo" alone stays a greeting). `clauses` then splits what is left
into sentences, and a sentence that asks two things ("..., en wanneer ...?", "X en ook Y")
into two, so that each part can be classified on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import STOP_WORDS

# Openings of a message: a salutation, optionally followed by a name or "gemeente".
_SALUTATION = re.compile(
    r"""^\s*(?:
        (?:goede?(?:n)?\s*)?(?:morgen|middag|avond|dag)
        |goeie(?:morgen|middag|avond|dag)
        |hallo+|hoi+|hey+|hee+|hai|hi|hello|dag|daag|moi|yo|hoihoi
        |beste|geachte|lieve|dear|good\s+(?:morning|afternoon|evening)
        |goedemorgen|goedemiddag|goedenavond|goedendag
    )\b(?:\s+(?:heer|mevrouw|heer/mevrouw|heer\s*/\s*mevrouw|dames\s+en\s+heren|meneer|mevrouw|sir(?:\s*/\s*madam)?|madam|allemaal|allen
        |gemeente(?:\s+[a-z][\w'-]*)?|medewerker(?:s)?|team|balie|daar|there|all))*
        \s*(?:[,!.:;-]+|\s*$)""",
    re.IGNORECASE | re.VERBOSE,
)
# Phrases that only frame the question. Each is removed wherever it stands as a clause of
# its own (delimited by punctuation or the start/end of the text).
_POLITENESS = [
    r"(?:mijn\s+)?excuses?\s+(?:voor\s+(?:de|het|mijn|deze)\s+\w+|als\s+dit\s+\w+(?:\s+\w+){0,4})",
    r"sorry\s+(?:voor\s+(?:de|het|mijn|deze)\s+\w+|dat\s+ik\s+\w+(?:\s+\w+){0,3})",
    r"sorry(?:\s+hoor)?",
    r"ik\s+(?:heb|had)\s+(?:een|even\s+een|nog\s+een|een\s+korte|een\s+kleine)\s+(?:vraag|vraagje)(?:\s+(?:aan\s+u|aan\s+jullie|over\s+het\s+volgende))?",
    r"(?:mijn|een)\s+vraag\s+is(?:\s+het\s+volgende)?",
    # "nog een vraag: ...", "another question: ...": a new question announced, not its topic
    r"(?:ik\s+(?:heb|had)\s+)?(?:nog\s+(?:een\s+)?(?:andere\s+)?|(?:een\s+)?(?:andere|nieuwe)\s+)(?:vraag|vraagje)",
    r"(?:i\s+(?:have|had)\s+)?(?:another|one\s+more|a\s+different|a\s+new)\s+question",
    r"ik\s+hoop\s+dat\s+(?:u|jullie|je)\s+(?:mij|me|ons)\s+(?:kunt|kunnen|kan)\s+helpen",
    r"(?:kunt|kunnen|kan)\s+(?:u|jullie|je)\s+(?:mij|me|ons)\s+(?:misschien\s+|even\s+)?helpen",
    r"(?:alvast|bij\s+voorbaat)\s+(?:heel\s+)?(?:bedankt|dank(?:\s+je(?:wel)?|\s+u(?:\s+wel)?)?)(?:\s+voor\s+(?:uw|jullie|je|de)\s+\w+)?",
    r"(?:hartelijk\s+)?(?:bedankt|dank\s+(?:u|je)(?:\s*wel)?)\s+voor\s+(?:uw|jullie|je|de)\s+(?:hulp|moeite|reactie|antwoord|tijd|aandacht)",
    r"graag\s+(?:hoor|ontvang)\s+ik\s+(?:van\s+u|van\s+jullie|uw\s+reactie|een\s+reactie|een\s+antwoord)",
    r"ik\s+hoor\s+(?:het\s+)?graag\s+van\s+(?:u|jullie|je)",
    r"(?:thanks|thank\s+you)\s+in\s+advance",
]
# Identifiers a resident adds for the person who will read it ("mijn bsn is 123456782", "mijn
# telefoonnummer is [TELEFOON]", "my name is Tom Jansen"): they name who asks, not what about,
# and a long number or a placeholder pulled a clear question below the answer cut-offs. Only
# a value that is a number, a redaction placeholder, an e-mail address or a capitalised name
# counts, so "mijn adres is veranderd" (a move) stays.
_IDENTIFIER_NAME = (
    r"bsn|bsn-nummer|burgerservicenummer|telefoonnummer|telefoon|tel|telnr|mobiele\s+nummer|mobiel|nummer|"
    r"06-nummer|e-?mail(?:adres)?|mailadres|klantnummer|dossiernummer|zaaknummer|kenmerk|referentie|"
    r"aanslagnummer|vergunningnummer|postcode|huisnummer|geboortedatum|"
    r"(?:bank)?rekeningnummer|iban|paspoortnummer|documentnummer|id-?kaartnummer|rijbewijsnummer|"
    r"phone\s+number|phone|number|e-?mail\s+address|customer\s+number|reference|citizen\s+service\s+number|"
    r"bank\s+account(?:\s+number)?|account\s+number|passport\s+number|document\s+number|id\s+card\s+number"
)
_IDENTIFIER_VALUE = (
    r"\[[A-Z_]+\]"                          # a redaction placeholder: [BSN], [TELEFOON]
    r"|[A-Z]{2}\d{2}(?:\s?[A-Z\d]{4}){2,7}(?:\s?[A-Z\d]{1,3})?"  # an IBAN, also in groups: NL91 ABNA 0417 1643 00
    r"|\+?\d[\d\s./-]{2,}\d"                 # a number: 123456782, 06-12345678, 12-03-1980
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"         # an e-mail address
    r"|(?=[A-Za-z-]*\d)[A-Za-z\d-]{4,}"       # a code with digits: AB-123-C, 1234AB
)
_CAPITALISED_NAME = r"(?-i:[A-Z][\w'-]+)(?:\s+(?:van|de|der|den|het|ter|ten|(?-i:[A-Z][\w'-]+))){0,4}"
_IDENTIFIERS = [
    rf"(?:mijn|m'n|ons|onze|my|our|the|het|de)?\s*(?:{_IDENTIFIER_NAME})\s*(?:is|was|:|=)?\s*(?:{_IDENTIFIER_VALUE})",
    # Not "ik ben ...": "ik ben Turks, mag ik stemmen?" tells something the answer depends on.
    rf"(?:mijn\s+naam\s+is|ik\s+heet|my\s+name\s+is)\s+{_CAPITALISED_NAME}",
    _IDENTIFIER_VALUE,
]
_POLITENESS_CLAUSE = re.compile(
    r"(^\s*|[.!?;,\n]\s*)(?:" + "|".join(_POLITENESS + _IDENTIFIERS) + r")\s*(?=[.!?;,:\n]|$)",
    re.IGNORECASE,
)
# A closing formula; everything from it to the end (the name) is the signature.
_CLOSING = re.compile(
    r"""(?:^|[\s.!?,;])(?:
        met\s+(?:vriendelijke|hartelijke|beste)\s+groet(?:en)?
        |(?:vriendelijke|hartelijke|lieve|beste)\s+groet(?:en|jes)?
        |groetjes|groeten|groet|mvg|m\.v\.g\.?|gr\.?(?=\s*,)|bvd|b\.v\.d\.?|kind\s+regards|best\s+regards|regards
    )\b.*$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
# "Wij huren het huis trouwens": a word that only links the sentence to what was said before, and whose letters
# ("trouw-") read as the marriage: left out wherever it stands, with the commas around it.
_LINKING_WORD = re.compile(r"(?:\s*,)?\s*\btrouwens\b\s*,?", re.IGNORECASE)
# Sentence ends; a single letter before the full stop is an abbreviation ("t.o.v. vorig").
_SENTENCE_END = re.compile(r"(?<!\W[a-zA-Z]\.)(?<=[.!?;])\s+|\n+|(?<=[a-z][.!?;])(?=[A-Z][a-z])")
# "..., en wanneer wordt ...": a second question inside one sentence; also "... en of ik ..." /
# "... and whether ...", an indirect second question ("ik wil weten wanneer het grofvuil wordt
# opgehaald en of ik een parkeervergunning kan krijgen"). "en of" only before a subject: before
# a noun it is "and/or" ("paspoort en of mijn id-kaart").
_SECOND_QUESTION = re.compile(
    r"\s*(?:,\s*)?\b(?:(?:en|of|maar|ook)\s+(?:ook\s+)?(?=(?:wanneer|hoe|waar|wat|welke|wie|waarom|hoeveel|hoelang|kan|kun|kunt|mag|moet|is|zijn|heb|hebben|krijg)\b)"
    r"|en\s+of\s+(?=(?:ik|je|jij|u|we|wij|ze|zij|hij|het|er|dat|dit|men|jullie)\b)|and\s+whether\s+)",
    re.IGNORECASE,
)
# "X en ook Y": "en ook" joins two topics in one sentence whatever follows it ("ik ga verhuizen
# en ook wil ik een parkeervergunning"), where "en" alone mostly joins parts of one topic.
_ALSO = re.compile(r"\s*,?\s*\b(?:en\s+ook|and\s+also|en\s+daarnaast)\b\s*", re.IGNORECASE)
# A clause does not start with the conjunction that linked it to the previous one.
_LEADING_CONJUNCTION = re.compile(r"^(?:en|maar|dus|ook|en\s+ook|and|but)\s+", re.IGNORECASE)
# A clause that only asks what to do ("What do I need to do?", "Wat moeten we nu allemaal regelen?") names no topic of its
# own: it asks about what the message tells (`asks_only_what_to_do`). Its words, besides the stop words:
_ASKING_WHAT_TO_DO = frozenset(
    """
    need needs must have has do does did done arrange arranged sort organise organize now then next first exactly actually
    all everything anything something else still
    moet moeten moest nodig doen gedaan regelen geregeld allemaal alles eerst precies eigenlijk iets nou dan
    """.split()
)
_WORDS = re.compile(r"[^\W\d_]+")
# Below this many word characters a part is a fragment ("Dank u."), not a question.
MIN_PART_LETTERS = 8
# A second question inside a sentence is only split off when both halves are this long.
MIN_SPLIT_WORDS = 3


# What is left of a run of punctuation marks ("opgehaald. !" -> "opgehaald."), and what goes before the question
# ("..., maar hoe ...": the mark and the conjunction).
_PUNCTUATION_RUN = re.compile(r"([.!?;,])(?:\s*[.!?;,])+")
_LEADING_LINK = re.compile(r"^[\s.,;:!?-]*(?:(?:maar|en|dus)\s+)?", re.IGNORECASE)


def _first_group(match: re.Match[str]) -> str:
    """A match replaced by its first group: as the template r"\\1", which Python 3.11 parses again on every call of
    `sub` (15 of strip_courtesy's 32 us a call, on every message; BENCHMARKS.md, session 24, speed24)."""
    return match[1]


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str        # what is left to classify
    stripped: bool   # whether anything was removed


def strip_courtesy(text: str) -> Cleaned:
    """The message without its salutation, politeness formulas and signature; the text as
    it was when nothing else would be left (a message that is only "hallo" or "bedankt")."""
    body = _CLOSING.sub("", text)
    if "rouwens" in body or "ROUWENS" in body:  # most messages have none: no pass of the pattern
        body = _LINKING_WORD.sub(" ", body)
    body = _SALUTATION.sub("", body, count=1)
    previous = None
    while previous != body:  # formulas can follow each other: "Sorry, ik heb een vraag."
        previous = body
        body = _POLITENESS_CLAUSE.sub(_first_group, body)
    body = _PUNCTUATION_RUN.sub(_first_group, body)  # "opgehaald. !" -> "opgehaald."
    body = _LEADING_LINK.sub("", body).strip()
    body = body.rstrip(" ,;:-")  # "mijn aanslag klopt niet, [mijn bsn is ...]"
    if not _at_least(3, str.isalnum, body):
        return Cleaned(text.strip(), False)
    return Cleaned(body, body != text.strip())


def sentences(text: str) -> list[str]:
    """The sentences of `text` (the one definition of where a sentence ends, also for the dialogue)."""
    return [sentence for sentence in _SENTENCE_END.split(text) if sentence.strip()]


def clauses(text: str) -> list[str]:
    """Sentences of `text`, a sentence asking two things split in two; fragments dropped."""
    parts: list[str] = []
    for sentence in sentences(text):
        sentence = sentence.strip(" \t,;-")
        if not sentence:
            continue
        for half in _split_between(_ALSO, sentence):
            parts.extend(_split_between(_SECOND_QUESTION, half))
    parts = [_LEADING_CONJUNCTION.sub("", part) for part in parts]
    return [part for part in parts if _at_least(MIN_PART_LETTERS, str.isalpha, part)]


def _at_least(count: int, kind, text: str) -> bool:
    """Whether `text` has at least `count` characters of this kind (`str.isalpha`, ...); stops
    counting there, so a long message is not read to its end."""
    found = 0
    for char in text:
        if kind(char):
            found += 1
            if found >= count:
                return True
    return count <= 0


def _split_between(mark: re.Pattern[str], sentence: str) -> list[str]:
    """The sentence split at `mark` when every piece is long enough to be a question."""
    pieces = mark.split(sentence)
    if len(pieces) > 1 and all(len(piece.split()) >= MIN_SPLIT_WORDS for piece in pieces):
        return [piece.strip(" ,") for piece in pieces]
    return [sentence]


def asks_only_what_to_do(part: str) -> bool:
    """Whether every word of a clause is a stop word or one that asks what to do (`_ASKING_WHAT_TO_DO`): "What do I need
    to do?" after a move told asks about the move, whatever the clause alone reads as (a death's arrangements, 0.95)."""
    words = _WORDS.findall(part.casefold())
    return bool(words) and all(word in _ASKING_WHAT_TO_DO or word in STOP_WORDS["nl"] or word in STOP_WORDS["en"]
                               for word in words)

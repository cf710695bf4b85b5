"""How a message is read before anything is understood in it (every reader in the dialogue starts here).

- `plain`: lower case, punctuation gone, single spaces ("dont" as "don't");
- `asked`: the plain form without an interjection in front of what is asked ("oh, who do I call then");
- `STORY_WORDS`: from this many words a message is a story, which tells more than it asks;
- `sentences`: the sentences of a message;
- `is_question`, `asks_in_story`: whether a clause asks or tells;
- `asking`: the clauses of a message that may each be answered as a topic of their own.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, TypeVar

from ..kb.phrases import with_apostrophes

if TYPE_CHECKING:
    from ..matcher import Classification, Part

# A message of this many words or more is a story (the matcher's LONG_MESSAGE_WORDS): words that ask
# in a short message ("medewerker nodig", "kosten") are mostly told in passing there.
STORY_WORDS = 20

T = TypeVar("T")

_PUNCTUATION = re.compile(r"[^\w\s@+'.-]|(?<!\w)[.'-]|[.'-](?!\w)", re.UNICODE)


# The readings of each text read in the turn running in this context (`reading_a_turn`), None outside a turn: the
# dialogue's readings ask for the plain form of the same message 15-30 times a turn (BENCHMARKS.md, session 23,
# speed23), for its detail kinds or its follow-up subject two or three times (session 24, speed24). Kept for the turn
# only: a resident's words are not kept in the process after it.
_KEPT_IN_TURN: ContextVar[dict[tuple[Callable[[str], object], str], object] | None] = ContextVar("kept_in_turn",
                                                                                                 default=None)


@contextmanager
def reading_a_turn() -> Iterator[None]:
    """Within it, `once_a_turn` computes each reading of a text once; the readings are dropped when it ends."""
    token = _KEPT_IN_TURN.set({})
    try:
        yield
    finally:
        _KEPT_IN_TURN.reset(token)


def once_a_turn(read: Callable[[str], T], text: str) -> T:
    """`read(text)`, computed once within the engine's turn (`reading_a_turn`), each time outside one. Only for a
    reading that depends on the text alone and returns what its callers do not change (a string, a tuple, a bool)."""
    kept = _KEPT_IN_TURN.get()
    if kept is None:
        return read(text)
    key = (read, text)
    try:
        return kept[key]  # type: ignore[return-value]
    except KeyError:
        found = kept[key] = read(text)
        return found


def plain(text: str) -> str:
    """Lower case, punctuation gone (except inside e-mail addresses and numbers), single spaces; "dont"
    as "don't" (`phrases.with_apostrophes`)."""
    return once_a_turn(_plain, text)


def _plain(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", with_apostrophes(text.lower())).split())


# "oh, who do I call then", "ok en hoe vraag ik een nieuwe aan", "nou, wat kost dat": a sound or an
# acknowledgement before a question says nothing of its own; the question after it is what is asked.
_INTERJECTION = re.compile(r"^(?:(?:oh|ah|ach|och|hmm|eh|uh|um|nou|ok|oke|oké|okay|okee|alright|right|well) )+")


def asked(text: str) -> str:
    """`plain`, without the interjections in front of what is asked (not when nothing else is said)."""
    text = plain(text)
    rest = _INTERJECTION.sub("", text)
    return rest or text


# ---- questions ---------------------------------------------------------------------------------------

_QUESTION_START = re.compile(
    r"^(?:wat|hoe|hoeveel|hoelang|wanneer|waar|waarom|welke?|wie|kan|kun|kunt|mag|moet|moeten|is|zijn|"
    r"heb|hebt|heeft|hebben|wil|wilt|zou|graag|what|how|when|where|why|which|who|can|could|may|must|do|does|"
    r"is|are|should|will|would|please|ik wil|ik wilde|ik zou graag|ik moet|ik zoek|i want|i need|i'd like|"
    r"i would like|i am looking for)\b"
)
# A Dutch verb first without its subject after it: in a story, the second half of a sentence the
# matcher split at "en" ("ik woon hier sinds 2019 en | heb een uitkering."), not a question.
_SUBJECT = r"(?:ik|je|jij|u|we|wij|ze|zij|hij|het|er|men|iemand|mijn|m'n|mn|onze|ons|de|dat|dit|die|jullie|daar|dan)"
_VERB_WITHOUT_SUBJECT = re.compile(rf"^(?:kan|kun|kunt|mag|moet|moeten|zijn|heb|hebt|heeft|hebben|wil|wilt|zou) (?!{_SUBJECT}\b)")


def starts_asking(text: str) -> bool:
    """Does the message open with a word that asks ("kan dat woensdag?", "wat kost het")?"""
    return _QUESTION_START.match(asked(text)) is not None


def is_question(text: str) -> bool:
    """Does this clause ask or request something (rather than tell the background)?"""
    stripped = text.strip()
    return stripped.endswith("?") or bool(_QUESTION_START.match(asked(stripped)))


# Where a told clause ends and one that asks may start: "ik ben in het buitenland getrouwd, hoe laat ik dat registreren";
# and after a question mark, where more is told ("ok and can my visitors park too? my sister comes over on sundays").
_CLAUSE_BREAK = re.compile(r"[,;]|(?<=\?)\s+")


def a_clause_asks(text: str) -> bool:
    """Does a clause of the message ask, also one after what it tells ("ik open in mei een koffiezaak en wil een
    terras op de stoep, wat moet ik regelen") or a sentence before what it tells last?"""
    return any(map(is_question, _CLAUSE_BREAK.split(text)))


# "Er ligt een dode kat op de stoep", "There is a dead cat on the pavement in front of my house": something that
# is there now, told for the gemeente to act on (not background: "Recently I had to renew my passport here").
_THERE_NOW = re.compile(r"\b(?:er (?:ligt|liggen|staat|staan|hangt|hangen|zit|zitten|drijft|drijven)|"
                        r"there (?:is|are)|there's|there s|theres|"
                        # "I found a dead pigeon on my balcony", "ik heb een dode egel gevonden": found there now
                        r"(?:i|we) (?:just )?found|gevonden)\b")


def tells_what_is_there(text: str) -> bool:
    return bool(_THERE_NOW.search(plain(text)))


# "a branch of a tree fell on my car", "er is een tak op mijn auto gevallen": something that just came down or blew
# over, told for the gemeente to act on or answer for, as what is there now is.
_CAME_DOWN = re.compile(r"\b(?:fell|fallen|came down|come down|blew|blown|gevallen|omgevallen|"
                        r"omgewaaid|afgebroken|naar beneden gekomen)\b")


def tells_what_came_down(text: str) -> bool:
    return bool(_CAME_DOWN.search(plain(text)))


# "ik kan hem niet betalen", "it doesn't work", "we have no money": a problem told, which asks for help without a
# question (not background: "Recently I had to renew my passport here").
_PROBLEM = re.compile(r"\b(?:niet|geen|cannot|can't|don't|doesn't|won't|not|no money|unable)\b")


def tells_a_problem(text: str) -> bool:
    return bool(_PROBLEM.search(plain(text)))


# "I got a parking ticket even though I have a resident permit", "ik kreeg een boete terwijl ik een vergunning heb": what
# went wrong told against what should have prevented it, a complaint that asks why without a question.
_DESPITE = re.compile(r"\b(?:even though|although|despite|terwijl ik|terwijl we|terwijl wij|ondanks)\b")


def tells_despite(text: str) -> bool:
    return bool(_DESPITE.search(plain(text)))


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def sentences(text: str) -> list[str]:
    """The sentences of a message, each with its closing mark ("?" tells a question)."""
    return [sentence for sentence in _SENTENCE_END.split(text) if sentence.strip()]


# Where a sentence's clauses part: a comma, a semicolon, "maar"/"but" ("ik heb om 9 uur een afspraak maar de treinen
# rijden niet").
_CLAUSE_OR_BUT = re.compile(r"[,;]|\s(?:maar|but)\s", re.IGNORECASE)


def clauses_of(text: str) -> list[str]:
    """The clauses of a message: its sentences, split at commas, semicolons and "maar"/"but" ("weet je of het droog is
    zaterdag" and "ivm de verhuiswagen")."""
    return [piece.strip() for sentence in sentences(text) for piece in _CLAUSE_OR_BUT.split(sentence) if piece.strip()]


def asks_in_story(clause: str) -> bool:
    """Does this clause of a story ask something: a question, but not half a sentence that tells."""
    return is_question(clause) and (clause.strip().endswith("?") or not _VERB_WITHOUT_SUBJECT.match(plain(clause)))


def asking(text: str, result: "Classification") -> list["Part"]:
    """The clauses of a message that may each be answered as a topic of their own: all of a
    short message ("ik ben verhuisd. wanneer wordt mijn afval opgehaald?"), but of a story only
    those that ask something. A story's telling clauses are background the matcher scores
    without their story ("... waar je je papier. plastic enz. kwijt kunt." left "kwijt kunt.",
    read Kwijtschelding; "ik heb netjes online een afspraak gemaakt" in a complaint about bulky
    waste read Afspraak); what a story asks as a whole is the matcher's to decide."""
    if len(text.split()) < STORY_WORDS:
        return list(result.parts)
    return [part for part in result.parts if asks_in_story(part.text)]

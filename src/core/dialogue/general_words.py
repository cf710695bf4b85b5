"""Words that say what a resident does at the desk and nothing of what about: "register", "apply", "sign up",
"aanmelden", "inschrijven", "aanvragen", "aanvraag" (and their forms). A birth, a death, a move, a marriage, a dog are
all registered; a permit, a benefit, a passport are all applied for. Such a word can carry the matcher to one of those
topics on its own ("where do I register my boat": Birth registration 0.92, "Congratulations on your baby!"). The answer
decision (`Turn._decide`) asks `carried` whether the topic stands without these words.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..matcher import Classification, Matcher, ReadWords

# The family's words in English and Dutch, with the Dutch separable forms only when their particle follows in the same
# clause ("waar meld ik dat aan", "hoe schrijf ik me in"; not "ik heb een vraag").
_GENERAL = re.compile(
    r"\b(?:regist(?:er|ers|ered|ering|ration|rations)|appl(?:y|ies|ied|ying)|applications?|"
    r"enrol(?:l|s|ls|led|ling|ment|lment)?|sign(?:s|ed|ing)? up|signup|"
    r"registr(?:eren|eer|eert|atie)|geregistreerd|aanmeld(?:en|ing)?|aangemeld|inschrijv(?:en|ing)|ingeschreven|"
    r"aanvra(?:gen|ag|agt)|aangevraagd|(?:meld|meldt|vraag|vraagt)(?=[^.,;!?]*\baan\b)|"
    r"(?:schrijf|schrijft)(?=[^.,;!?]*\bin\b))\b",
    re.IGNORECASE,
)
# A separable verb's stem stands for the verb ("vraag" alone reads a question, "aanvragen" what is applied for).
_SEPARATED = {"meld": "aanmelden", "meldt": "aanmelden", "vraag": "aanvragen", "vraagt": "aanvragen",
              "schrijf": "inschrijven", "schrijft": "inschrijven"}
# Words beside the family's that name no subject either: wanting or having to, going, the gemeente itself and its
# desk or website ("I need to register", "ik wil me inschrijven bij de gemeente", "can I register online").
_ASIDE = frozenset({
    "want", "wants", "wanna", "need", "needs", "like", "would", "go", "going", "get", "got", "must", "please",
    "graag", "ga", "gaan", "wil", "wilt", "willen", "moet", "moeten", "laten", "laat",
    "municipality", "council", "town", "city", "hall", "office", "desk", "online", "website", "internet",
    "gemeente", "gemeentehuis", "stadhuis", "stadskantoor", "balie", "loket", "digitaal",
})


@dataclass(frozen=True, slots=True)
class Carried:
    """A topic read only because of the family's `words`; `alone`: nothing else in the message can name a topic;
    `rest`: the message read without the words (None when alone)."""

    words: str
    alone: bool
    rest: "Classification | None" = None


def names_one(text: str) -> bool:
    """Whether the text holds a word of the family ("register", "aanmelden", ...)."""
    return _GENERAL.search(text) is not None


def carried(matcher: "Matcher", text: str, intent: str, floor: float,
            classify: "Callable[[str], Classification] | None" = None,
            read_words: "Callable[[str], ReadWords] | None" = None) -> Carried | None:
    """Whether `intent` is read in `text` only because of the family's words: read without them, the message is not
    read as `intent` first, and no word of what is left names it on its own at `floor` (`Matcher.word_reads_as`: "how
    do I register my dog" keeps the dog tax, "how do I apply for a visitor parking permit" the parking permit, whose
    three words name it together). None when the text has none of the family's words, or the topic stands without.
    `classify` and `read_words`: how the rest is read, the turn's own readings (`TurnContext.classify`,
    `TurnContext.read_words`: once per text a turn) where there is a turn; the matcher's otherwise."""
    found = list(_GENERAL.finditer(text))
    if not found:
        return None
    words = [_SEPARATED.get(match.group(0).lower(), match.group(0).lower()) for match in found]
    rest = " ".join(_without(text, found).split())
    read = (read_words or matcher.read_words)(rest)
    # the words the rest tells: those read one by one where nothing of the rest is courtesy (the same tokens), the
    # matcher's default language deciding a tie as content_words' does
    left = read.words if read.whole and read.default_language == _CONTENT_LANGUAGE else content_words(rest)
    if any(word not in _ASIDE for word in left):
        if matcher.word_reads_as(read, intent, floor, known_only=True):
            return None  # a word of the knowledge base's own names it ("parkeervergunning"): kept, no reading of the rest
        reading = (classify or matcher.classify)(rest)
        first = reading.intent or next((guess.intent for guess in reading.alternatives), None)
        if (reading.decision != "reject" and first == intent) or matcher.word_reads_as(read, intent, floor):
            return None
        return Carried(" ".join(dict.fromkeys(words)), alone=False, rest=reading)
    return Carried(" ".join(dict.fromkeys(words)), alone=True)


def _without(text: str, found: list[re.Match[str]]) -> str:
    """`text` with each of the `found` matches a space (as `_GENERAL.sub(" ", text)`, without reading it again)."""
    kept, end = [], 0
    for match in found:
        kept += [text[end:match.start()], " "]
        end = match.end()
    kept.append(text[end:])
    return "".join(kept)


# The language whose stop words `content_words` leaves out when a text has as many of either (the matcher's DUTCH).
_CONTENT_LANGUAGE = "nl"


def content_words(text: str) -> list[str]:
    """The words of `text` that are not stop words or numbers (as the matcher reads them)."""
    from ..matcher.normalize import STOP_WORDS, guess_language, tokenize  # loads on first use (cold start)

    tokens = tokenize(text)
    stop_words = STOP_WORDS[guess_language(tokens, _CONTENT_LANGUAGE)]
    return [token for token in tokens if token.isalpha() and token not in stop_words]

"""Words in the knowledge base that name a matter: a topic's own detail ("taxi te laat",
knowledge/*.yaml `details:`) or a matter another organisation handles ("verblijfsvergunning",
knowledge/_out_of_scope.yaml `referrals:`).

Editors write a phrase as plain words. A message names it when the phrase's words occur
in that order within one sentence of the message, at most `MAX_GAP` other words apart
("de taxi was vanochtend weer te laat" names "taxi te laat"). Case, accents and
punctuation do not count. A word ending in `*` also matches longer words that start
with it ("container*" matches "containers").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import compiled_patterns

MAX_GAP = 3
# English "n't" contractions typed without their apostrophe ("wasnt", "didnt", "cant", "wont"): read as
# the apostrophe forms everywhere the dialogue reads words (the matcher spells them out itself).
# "want", "aint" and Dutch words are not of this form. It runs on every turn, a few dozen times (once per cue
# family that reads words): the pattern starts with the literal "nt", which the regex engine finds fast, and looks
# back for the verb, four times faster than starting at the verb (BENCHMARKS.md, session 12, trust9).
_NOT_VERBS = ("do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "could", "should", "would", "must",
              "need", "ca", "wo")
_BARE_NOT = re.compile(r"nt\b(?:" + "|".join(rf"(?<=\b{verb}nt)" for verb in _NOT_VERBS) + ")", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!;:\n]+")
_NON_WORD = re.compile(r"[^a-z0-9*]+")


def _bare(text: str) -> str:
    folded = text.casefold()
    if folded.isascii():
        return folded  # no accent to take off (most messages and phrases): not read character by character
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def with_apostrophes(text: str) -> str:
    """`text` with "n't" contractions typed without the apostrophe spelled with it: "the bin wasnt
    emptied" -> "the bin wasn't emptied", "i cant come" -> "i can't come"."""
    return _BARE_NOT.sub("n't", text)


def words_of(text: str) -> str:
    """The text lower case, without accents and punctuation, words one space apart ("wasnt" as
    "wasn't": `with_apostrophes`)."""
    return " ".join(_NON_WORD.sub(" ", _bare(with_apostrophes(text)).replace("*", " ")).split())


def _phrase_words(phrase: str) -> list[str]:
    return _NON_WORD.sub(" ", _bare(phrase)).split()


def phrase_problem(phrase: str) -> str | None:
    """Why a phrase cannot be used, or None (for `balie kb check`)."""
    words = _phrase_words(phrase)
    if not words:
        return "a phrase needs at least one word"
    if any(word.strip("*") == "" or "*" in word[:-1] for word in words):
        return f"{phrase!r}: '*' only at the end of a word"
    if len(words) == 1 and words[0].endswith("*") and len(words[0]) < 5:
        return f"{phrase!r}: a word with '*' needs at least four letters before it"
    return None


@lru_cache(maxsize=512)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    gap = rf"(?: [a-z0-9]+){{0,{MAX_GAP}}} "
    alternatives = [
        gap.join(re.escape(word[:-1]) + "[a-z0-9]*" if word.endswith("*") else re.escape(word)
                 for word in _phrase_words(phrase))
        for phrase in phrases
        if phrase_problem(phrase) is None
    ]
    # From the functions' store of patterns compiled at build time when it holds it (core.compiled_patterns): a
    # topic's phrases are compiled when a message is first read against them, in a warm function's turns.
    return compiled_patterns.compiled(r"(?<![a-z0-9])(?:" + "|".join(alternatives or ["(?!)"]) + r")(?![a-z0-9])")


def names_any(text: str, phrases: Sequence[str]) -> bool:
    """Whether one sentence of `text` names one of `phrases`."""
    return bool(phrases) and names_any_in(sentence_words(text), phrases)


@lru_cache(maxsize=256)
def sentence_words(text: str) -> str:
    """Each sentence of `text` as `words_of` gives it, one a line: what `names_any_in` reads, for a text read
    many times (a topic's answers, read against every question; a message, read against each of a topic's
    details and each referral in its turn: kept until the turn ends, `forget_texts`). A phrase's words are one
    space apart, so no phrase is named across a line end."""
    return "\n".join(words_of(sentence) for sentence in _SENTENCE_END.split(text))


@lru_cache(maxsize=256)
def _words_in(sentences: str) -> frozenset[str]:
    """The words of `sentence_words` of a text (kept as that is, until the turn ends)."""
    return frozenset(sentences.split())


def forget_texts() -> None:
    """Drop the texts `sentence_words` (and `KeyWords.in_text`) keep. The dialogue calls it when a turn ends: a
    resident's message is personal data and is not kept in the process after its turn (a warm function serves other
    residents and tenants next). The knowledge's own texts are kept on the knowledge object (`current_topic.TopicWords`)."""
    sentence_words.cache_clear()
    _words_in.cache_clear()


@dataclass(frozen=True, slots=True)
class KeyWords:
    """One word of each of a set of phrases: the one fewest of the phrases use, of those the longest (a word written
    with `*`: its beginning, in `starts`). A phrase is named only where each of its words is a word of the text, so a
    text that holds none of the key words names none of the phrases: a test of a few set look-ups before the phrases'
    patterns are read one list at a time (every referral's words, every domain's, a topic's details: most messages name none;
    BENCHMARKS.md, session 23, speed23). Where a key word is held, the other words of its phrases are looked up too
    (`phrases`): "wat" is the key of "wat voor weer" alone, and "wat kost dat?" names it not (session 24, speed24)."""

    words: frozenset[str]
    starts: tuple[str, ...]
    # each key word (a beginning with its `*`) -> the words of the phrases it is the key of
    phrases: Mapping[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> KeyWords:
        phrase_words = [words for words in map(_phrase_words, phrases) if words]
        used = Counter(word for words in phrase_words for word in set(words))
        keyed: dict[str, list[tuple[str, ...]]] = {}
        for words in phrase_words:
            keyed.setdefault(min(words, key=lambda word: (used[word], -len(word.rstrip("*")))), []).append(tuple(words))
        return cls(frozenset(word for word in keyed if not word.endswith("*")),
                   tuple(sorted({word[:-1] for word in keyed if word.endswith("*")})),
                   {key: tuple(dict.fromkeys(words)) for key, words in keyed.items()})

    def in_text(self, text: str) -> bool:
        """False when `text` names none of the phrases (True: it may name one): no phrase has all its words in it."""
        held = _words_in(sentence_words(text))
        keys = [word for word in held if word in self.words]
        if self.starts and any(word.startswith(self.starts) for word in held):
            keys += [start + "*" for start in self.starts if any(word.startswith(start) for word in held)]
        return any(_all_held(words, held) for key in keys for words in self.phrases[key])


def _all_held(words: tuple[str, ...], held: frozenset[str]) -> bool:
    """Whether each of a phrase's `words` is one of the `held` words (a word with `*`: the beginning of one)."""
    return all(word in held if not word.endswith("*") else any(other.startswith(word[:-1]) for other in held)
               for word in words)


def names_any_in(sentences: str, phrases: Sequence[str]) -> bool:
    """Whether one line of `sentences` (`sentence_words` of a text) names one of `phrases`."""
    return bool(phrases) and _pattern(tuple(phrases)).search(sentences) is not None


def without(text: str, phrases: Sequence[str]) -> str:
    """`text` as `words_of` gives it, without the words of the phrases it names: what else it says
    ("ik heb een uitkering, kan ik bijzondere bijstand krijgen" without "bijstand", "uitkering*")."""
    pattern = _pattern(tuple(phrases))
    return " ".join(pattern.sub(" ", words_of(text)).split())

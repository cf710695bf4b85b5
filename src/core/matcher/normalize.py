"""Text normalisation for matching: Dutch first, English second.

The steps are: case and diacritics folding, tokenisation (numbers and Dutch postcodes
stay tokens), a per-text language guess from stop words, and Snowball stemming in that
language. Compound handling and typo mapping need the knowledge base's vocabulary and
live in `vocabulary.py`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DUTCH = "nl"
ENGLISH = "en"
LANGUAGES = (DUTCH, ENGLISH)

# Function words of each language. They decide the language of a text and are left out
# of the character n-grams and the typo mapping (a typo in "het" tells nothing).
DUTCH_STOP_WORDS = frozenset(
    """
    aan al alle als alsjeblieft alstublieft ben bij dan dat de deze die dit doe doen door dus
    een eens en er ergens even geen had heb hebben heeft het hier hij hoe hun ik in is ja je jij
    jou jouw jullie kan kun kunnen kunt maar me meer mag met mij mijn moet moeten mogen na naar
    niet niets nog nu of om omdat ons onze ook op over te tot u uw van veel voor waar waarom wanneer
    wat was we wel welk welke wie wij wil wilt word wordt worden ze zich zij zijn zo zou zoals
    """.split()
)
ENGLISH_STOP_WORDS = frozenset(
    """
    a about am an and any are as at be been being but by can could did do does doing for from
    had has have having he her here hers him his how i if in into is it its me my myself no nor
    not of on or our ours please she should so some than that the their them then there these
    they this those to too very was we were what when where which while who whom why will with
    would you your yours
    """.split()
)
STOP_WORDS = {DUTCH: DUTCH_STOP_WORDS, ENGLISH: ENGLISH_STOP_WORDS}

# A Dutch postcode: four digits (not starting with 0), optional space, two letters.
# SA, SD and SS are never issued, which keeps "1234 sa" style false hits out.
_POSTCODE = re.compile(r"\b([1-9][0-9]{3})( ?)(?!sa\b|sd\b|ss\b)([a-z]{2})\b", re.IGNORECASE)
# "in 2024 ga ik" is no postcode: with a space between, lower-case letters that form a
# common word only count when written in capitals ("2024 GA").
_TWO_LETTER_WORDS = frozenset(
    "al an at be by de do en ga go he if in is it je ja me my na no nu of om on op or so te to up us we ze zo".split()
)
# Apostrophes join ("auto's" -> "autos", "what's" -> "whats"); everything else that is
# not a letter or digit separates tokens.
_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
_DIGITS_LETTERS = re.compile(r"(?<=[0-9])(?=[a-z])|(?<=[a-z])(?=[0-9])")

# English contractions, after the apostrophe is gone, spelled out so "what's" and "what is"
# give the same tokens. Ambiguous ones ("ill", "id", "its", "well") are left alone.
_CONTRACTIONS = {
    "whats": ("what", "is"), "whos": ("who", "is"), "wheres": ("where", "is"), "hows": ("how", "is"),
    "thats": ("that", "is"), "theres": ("there", "is"), "im": ("i", "am"), "ive": ("i", "have"),
    "youre": ("you", "are"), "youve": ("you", "have"), "theyre": ("they", "are"), "lets": ("let", "us"),
    "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"), "cant": ("can", "not"),
    "wont": ("will", "not"), "isnt": ("is", "not"), "arent": ("are", "not"), "wasnt": ("was", "not"),
    "havent": ("have", "not"), "hasnt": ("has", "not"), "shouldnt": ("should", "not"),
    "couldnt": ("could", "not"), "wouldnt": ("would", "not"),
}

POSTCODE_TOKEN = "<postcode>"
NUMBER_TOKEN = "<number>"


def strip_diacritics(text: str) -> str:
    if text.isascii():  # ASCII is its own decomposition, with nothing to strip
        return text
    # Only the runs of other characters are read one by one (a Dutch text has few).
    return _NON_ASCII.sub(_without_combining, unicodedata.normalize("NFKD", text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _without_combining(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case without diacritics: "Café Geëmigreerd" -> "cafe geemigreerd"."""
    return strip_diacritics(text.casefold())


def _join_postcode(match: re.Match[str]) -> str:
    digits, space, letters = match.groups()
    if space and letters.islower() and letters in _TWO_LETTER_WORDS:
        return match.group(0)
    return f" {digits}{letters.lower()} "


def tokenize(text: str) -> list[str]:
    """Folded tokens; a postcode becomes one token ("1234ab"), numbers stay tokens."""
    folded = fold(_APOSTROPHES.sub("", _POSTCODE.sub(_join_postcode, strip_diacritics(text))))
    tokens: list[str] = []
    for raw in _SEPARATORS.split(folded):
        if not raw:
            continue
        if is_postcode(raw):
            tokens.append(raw)
        elif raw in _CONTRACTIONS:
            tokens.extend(_CONTRACTIONS[raw])
        elif raw.isalpha() or raw.isdigit():  # nothing to split (most tokens)
            tokens.append(raw)
        else:
            # "3e" or "b12" are split so the number is a token of its own.
            tokens.extend(part for part in _DIGITS_LETTERS.split(raw) if part)
    return tokens


def is_postcode(token: str) -> bool:
    return len(token) == 6 and token[:4].isdigit() and token[0] != "0" and token[4:].isalpha()


def shape_token(token: str) -> str | None:
    """The class of a number-like token, so "1234ab" and "5678cd" share a feature."""
    if is_postcode(token):
        return POSTCODE_TOKEN
    if token.isdigit():
        return NUMBER_TOKEN
    return None


def guess_language(tokens: list[str], default: str = DUTCH) -> str:
    """The language whose stop words the text uses most; `default` on a tie."""
    dutch = sum(token in DUTCH_STOP_WORDS for token in tokens)
    english = sum(token in ENGLISH_STOP_WORDS for token in tokens)
    if dutch > english:
        return DUTCH
    if english > dutch:
        return ENGLISH
    return default


# The Snowball stemmers compiled (PyStemmer, module `Stemmer`): exactly the stems of the
# pure-Python snowballstemmer package that built the knowledge before (tests/unit/test_matcher_text.py
# holds them equal), about 50 times faster a word (BENCHMARKS.md, session 18). Its wheels cover the
# Lambda's arm64 and x86_64 for CPython 3.12 and the developers' 3.11, so no pure-Python fallback is
# kept. Its per-object cache of stems is off: it would keep a resident's words (a surname, a street)
# after their message (docs/ARCHITECTURE.md, "What stays in memory between turns").
_STEMMER_NAMES = {DUTCH: "dutch", ENGLISH: "english"}


@lru_cache(maxsize=2)
def _stemmer(language: str):
    import Stemmer  # loaded on the first word stemmed, not at import (cold start)

    stemmer = Stemmer.Stemmer(_STEMMER_NAMES[DUTCH if language == DUTCH else ENGLISH])
    stemmer.maxCacheSize = 0
    return stemmer


def stem(token: str, language: str) -> str:
    """Snowball stem; digits and short tokens are kept as they are. Not kept here: an analyser
    keeps the stems of the words it knows (`Analyzer.stem`), any other word's for one message."""
    if len(token) <= 3 or not token.isalpha():
        return token
    return _stemmer(language).stemWord(token)

"""From text to sparse features: stemmed words, word pairs and character n-grams.

Stems carry meaning within one language; character n-grams of the surface words are
language-agnostic and make the scorer robust to typos, inflection and compounds that the
vocabulary look-ups miss. Each feature is a string with a one-letter block prefix; the
model decides what each one is worth.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import known_words
from .normalize import STOP_WORDS, guess_language, shape_token, stem, tokenize
from .vocabulary import DUTCH_COMPOUND_PARTS, Vocabulary

WORD_BLOCK = "w"
PAIR_BLOCK = "b"
CHAR_BLOCK = "c"
BLOCKS = (WORD_BLOCK, PAIR_BLOCK, CHAR_BLOCK)


@dataclass(frozen=True, slots=True)
class Analysis:
    language: str
    tokens: tuple[str, ...]        # folded, typo-corrected, in text order
    extra_tokens: tuple[str, ...]  # compound parts and joined compounds
    content_count: int             # tokens that are not stop words
    known_count: int               # ... of which the vocabulary knew as written
    corrected_count: int           # ... of which a typo mapping found a known word
    raw_tokens: tuple[str, ...] = ()  # folded tokens as written (no typo mapping)

    @property
    def coverage(self) -> float:
        """Share of content words the knowledge base knows (typos count half)."""
        if self.content_count == 0:
            return 1.0
        return (self.known_count + 0.5 * self.corrected_count) / self.content_count


@dataclass(slots=True)
class MessageWords:
    """What reading one message's words costs, for the words a knowledge base does not know (a
    name, an e-mail's parts, a street, a typo): read once for the message's texts (the whole and
    its clauses) and dropped with it. A matcher keeps per word only the words it knows
    (`Analyzer.knows`), so no word a resident wrote stays in a warm function's memory after the
    message (docs/ARCHITECTURE.md, "What stays in memory between turns")."""

    corrections: dict[str, str | None] = field(default_factory=dict)  # `Vocabulary.correct`
    compounds: dict[str, list[str]] = field(default_factory=dict)     # `Vocabulary.split_compound`
    stems: dict[tuple[str, str], str] = field(default_factory=dict)   # `stem`
    columns: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)  # a scorer's columns of a word
    vectors: dict = field(default_factory=dict)                       # a Dutch encoder's word vectors
    pieces: dict[str, tuple[int, ...]] = field(default_factory=dict)  # the word-piece table's ids of a word


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    char_min: int = 3
    char_max: int = 5
    word_pairs: bool = True
    typo_mapping: bool = True


class Analyzer:
    """Turns text into an `Analysis` and into feature strings, for one vocabulary."""

    def __init__(self, vocabulary: Vocabulary, *, default_language: str, config: FeatureConfig) -> None:
        self.vocabulary = vocabulary
        self.default_language = default_language
        self.config = config
        self._stems: dict[tuple[str, str], str] = {}  # `stem` of the words it knows
        self._known: dict[str, frozenset[str]] = {}  # `known_words` per language

    def known_words(self, language: str) -> frozenset[str]:
        """The words that are the knowledge base's own in a text of `language` (its vocabulary,
        the compound parts, the stop words): only these are kept per word, for as long as the
        matcher lives. Built on first use (not at load: a cold start's first question)."""
        found = self._known.get(language)
        if found is None:
            found = self._known[language] = self.vocabulary.words | STOP_WORDS[language] | DUTCH_COMPOUND_PARTS
            known_words.add(found)  # what the crisis detector's word cache may keep too
        return found

    def stem(self, token: str, language: str, message: MessageWords | None = None) -> str:
        """`stem`, kept per known word; another word's in `message` (or computed afresh)."""
        key = (token, language)
        found = self._stems.get(key)
        if found is None:
            if message is not None:
                found = message.stems.get(key)
            if found is None:
                found = stem(token, language)
                if token in self.known_words(language):
                    self._stems[key] = found
                elif message is not None:
                    message.stems[key] = found
        return found

    def analyse(self, text: str, message: MessageWords | None = None) -> Analysis:
        """The text's tokens (typos mapped to known words, compounds split and joined). `message`
        keeps what its unknown words cost across the texts of one message."""
        raw = tokenize(text)
        language = guess_language(raw, self.default_language)
        stop_words = STOP_WORDS[language]
        vocabulary = self.vocabulary
        tokens: list[str] = []
        extra: list[str] = []
        content = known = corrected = 0
        for token in raw:
            if token in stop_words:
                tokens.append(token)
                continue
            content += 1
            if token in vocabulary or shape_token(token):
                known += 1
            elif self.config.typo_mapping and (correction := vocabulary.correct(token, message)) is not None:
                corrected += 1
                token = correction
            tokens.append(token)
            extra.extend(vocabulary.split_compound(token, message))
        for first, second in zip(tokens, tokens[1:]):
            joined = vocabulary.join_compound(first, second)
            if joined is not None:
                extra.append(joined)
        return Analysis(language, tuple(tokens), tuple(extra), content, known, corrected, tuple(raw))

    def features(self, analysis: Analysis, message: MessageWords | None = None) -> list[str]:
        """Feature strings of an analysis (duplicates removed, order irrelevant): each token's
        own (`token_features`, also of the compound parts) and the word pairs."""
        language = analysis.language
        found: set[str] = set()
        for token in (*analysis.tokens, *analysis.extra_tokens):
            found.update(self.token_features(token, language, message))
        found.update(self.pair_features(analysis, message))
        return list(found)

    def token_features(self, token: str, language: str, message: MessageWords | None = None) -> list[str]:
        """What one token contributes on its own in a text of `language`: its stem, the shape of
        a number or postcode, and (not for a stop word or a number) its character n-grams. It
        depends on nothing else in the text, so a matcher can keep it per known word."""
        found = ["w" + self.stem(token, language, message)]
        shape = shape_token(token)
        if shape:
            found.append("w" + shape)
            return found
        if token in STOP_WORDS[language]:
            return found
        marked = f"<{token}>"
        length = len(marked)
        for size in range(self.config.char_min, self.config.char_max + 1):
            found.extend("c" + marked[start : start + size] for start in range(0, length - size + 1))
        return found

    def pair_features(self, analysis: Analysis, message: MessageWords | None = None) -> list[str]:
        """The word pairs of an analysis (stems, with the text's start and end), if configured."""
        if not self.config.word_pairs:
            return []
        language = analysis.language
        padded = ["<s>", *(self.stem(token, language, message) for token in analysis.tokens), "</s>"]
        return [f"b{first} {second}" for first, second in zip(padded, padded[1:])]

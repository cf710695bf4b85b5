"""From text to sparse features: stemmed words, word pairs and character n-grams.

Stems carry meaning within one language; character n-grams of the surface words are
language-agnostic and make the scorer robust to typos, inflection and compounds that the
vocabulary look-ups miss. Each feature is a string with a one-letter block prefix; the
model decides what each one is worth.
"""
from __future__ import annotations

from dataclasses import dataclass

from .normalize import STOP_WORDS, guess_language, shape_token, stem, tokenize
from .vocabulary import Vocabulary

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

    def analyse(self, text: str) -> Analysis:
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
            elif self.config.typo_mapping and (correction := vocabulary.correct(token)) is not None:
                corrected += 1
                token = correction
            tokens.append(token)
            extra.extend(vocabulary.split_compound(token))
        for first, second in zip(tokens, tokens[1:]):
            joined = vocabulary.join_compound(first, second)
            if joined is not None:
                extra.append(joined)
        return Analysis(language, tuple(tokens), tuple(extra), content, known, corrected, tuple(raw))

    def features(self, analysis: Analysis) -> list[str]:
        """Feature strings of an analysis (duplicates removed, order irrelevant): each token's
        own (`token_features`, also of the compound parts) and the word pairs."""
        language = analysis.language
        found: set[str] = set()
        for token in (*analysis.tokens, *analysis.extra_tokens):
            found.update(self.token_features(token, language))
        found.update(self.pair_features(analysis))
        return list(found)

    def token_features(self, token: str, language: str) -> list[str]:
        """What one token contributes on its own in a text of `language`: its stem, the shape of
        a number or postcode, and (not for a stop word or a number) its character n-grams. It
        depends on nothing else in the text, so a matcher can keep it per known word."""
        found = ["w" + stem(token, language)]
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

    def pair_features(self, analysis: Analysis) -> list[str]:
        """The word pairs of an analysis (stems, with the text's start and end), if configured."""
        if not self.config.word_pairs:
            return []
        language = analysis.language
        padded = ["<s>", *(stem(token, language) for token in analysis.tokens), "</s>"]
        return [f"b{first} {second}" for first, second in zip(padded, padded[1:])]

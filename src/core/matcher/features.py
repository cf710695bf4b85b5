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
        """Feature strings of an analysis (duplicates removed, order irrelevant)."""
        language = analysis.language
        stop_words = STOP_WORDS[language]
        stems = [stem(token, language) for token in analysis.tokens]
        found: set[str] = set()
        for token, token_stem in zip(analysis.tokens, stems):
            found.add("w" + token_stem)
            shape = shape_token(token)
            if shape:
                found.add("w" + shape)
        for token in analysis.extra_tokens:
            found.add("w" + stem(token, language))
        if self.config.word_pairs:
            padded = ["<s>", *stems, "</s>"]
            for first, second in zip(padded, padded[1:]):
                found.add(f"b{first} {second}")
        low, high = self.config.char_min, self.config.char_max
        for token in (*analysis.tokens, *analysis.extra_tokens):
            if token in stop_words or shape_token(token):
                continue
            marked = f"<{token}>"
            length = len(marked)
            for size in range(low, high + 1):
                for start in range(0, length - size + 1):
                    found.add("c" + marked[start : start + size])
        return list(found)

"""The knowledge base's vocabulary: typo mapping and Dutch compound handling.

Both only ever point at words the knowledge base's own examples use, so a typo can only be
"corrected" towards something the matcher can act on, and a compound is split only when
its parts mean something to it.
"""
from __future__ import annotations

from collections.abc import Iterable

from .normalize import STOP_WORDS

# Common parts of Dutch municipal compounds. They let a compound in an example
# ("parkeervergunning") share features with its parts written apart ("parkeer vergunning")
# even when no example uses the parts on their own.
DUTCH_COMPOUND_PARTS = frozenset(
    """
    aangifte aanvraag aanvragen adres afspraak afval akte auto belasting bewijs bijstand
    bouw boete container document fiets gemeente gezin geboorte grof huis huur hond inkomen
    kaart kind kosten melding omgeving paspoort parkeer parkeren plaats rijbewijs school
    schuld straat toeslag uitkering verhuis verhuizing vergunning verklaring woning zorg
    """.split()
)

MIN_TYPO_LENGTH = 4
MIN_COMPOUND_LENGTH = 8
MIN_PART_LENGTH = 3
LINKING_SUFFIXES = ("s", "en", "e")


class Vocabulary:
    """Known words of a knowledge base, with typo and compound look-ups."""

    def __init__(self, words: Iterable[str], *, typo_cutoff: float = 85.0) -> None:
        self.words = frozenset(words)
        self.typo_cutoff = typo_cutoff
        self._split_parts = self.words | DUTCH_COMPOUND_PARTS
        stop_words = STOP_WORDS["nl"] | STOP_WORDS["en"]
        self._by_length: dict[int, list[str]] = {}
        for word in sorted(self.words):
            if len(word) >= MIN_TYPO_LENGTH and word.isalpha() and word not in stop_words:
                self._by_length.setdefault(len(word), []).append(word)
        self._typo_cache: dict[str, str | None] = {}
        self._compounds: dict[str, tuple[str, ...]] = {}  # `split_compound` of known words

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def correct(self, token: str) -> str | None:
        """The known word an unknown token is most likely a typo of, or None.

        "pasport" -> "paspoort"; "rijbewys" -> "rijbewijs" (Dutch "y" written for "ij").
        """
        if token in self.words or len(token) < MIN_TYPO_LENGTH or not token.isalpha():
            return None
        cached = self._typo_cache.get(token, False)
        if cached is not False:
            return cached
        result = self._lookup_typo(token)
        if len(self._typo_cache) > 50_000:  # a bound, so a flood of nonsense cannot grow it forever
            self._typo_cache.clear()
        self._typo_cache[token] = result
        return result

    def _lookup_typo(self, token: str) -> str | None:
        # Imported here, not with the module: most questions have no unknown word, and a cold
        # start that never looks one up saves about 6 ms (BENCHMARKS.md, "Cold start").
        from rapidfuzz import fuzz, process

        if "y" in token:
            variant = token.replace("y", "ij")
            if variant in self.words:
                return variant
        best: tuple[str, float] | None = None
        # Only words of about the same length can reach the cut-off; this keeps look-ups cheap.
        for length in range(len(token) - 2, len(token) + 3):
            candidates = self._by_length.get(length)
            if not candidates:
                continue
            found = process.extractOne(token, candidates, scorer=fuzz.ratio, score_cutoff=self.typo_cutoff)
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], found[1])
        return best[0] if best else None

    def split_compound(self, token: str) -> list[str]:
        """The parts of a Dutch compound ("parkeervergunning" -> parkeer, vergunning), or [].
        Kept per known word (bounded by the vocabulary; every message reads its words again)."""
        known = self._compounds.get(token)
        if known is not None:
            return list(known)
        parts = self._split_compound(token)
        if token in self.words:
            self._compounds[token] = tuple(parts)
        return parts

    def _split_compound(self, token: str) -> list[str]:
        if len(token) < MIN_COMPOUND_LENGTH or not token.isalpha():
            return []
        # Longest known head first: "afvalcontainer" -> afval + container.
        for cut in range(len(token) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
            head, tail = token[:cut], token[cut:]
            head_word = self._known_head(head)
            if head_word is None:
                continue
            if tail in self._split_parts:
                return [head_word, tail]
            tail_parts = self.split_compound(tail)
            if tail_parts:
                return [head_word, *tail_parts]
        return []

    def _known_head(self, head: str) -> str | None:
        if head in self._split_parts:
            return head
        for suffix in LINKING_SUFFIXES:  # "verhuis" + "s" + "doos", "huizen" + ...
            if head.endswith(suffix) and len(head) - len(suffix) >= MIN_PART_LENGTH:
                stripped = head[: -len(suffix)]
                if stripped in self._split_parts:
                    return stripped
        return None

    def join_compound(self, first: str, second: str) -> str | None:
        """The known compound two adjacent tokens spell ("parkeer vergunning"), or None."""
        if not (first.isalpha() and second.isalpha()):
            return None
        for joined in (first + second, first + "s" + second):
            if joined in self.words:
                return joined
        return None

"""The knowledge base's vocabulary: typo mapping and Dutch compound handling.

Both only ever point at words the knowledge base's own examples use, so a typo can only be
"corrected" towards something the matcher can act on, and a compound is split only when
its parts mean something to it.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from .normalize import STOP_WORDS

if TYPE_CHECKING:
    from .features import MessageWords

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
# No Dutch compound is longer (the knowledge's longest word has 28 letters; "hottentottententententoonstelling" 33):
# a longer run of letters ("aaaa..." 1,000 times, a word pasted 100 times) is not split. Splitting tries every cut
# and the rest's cuts again, about 50 ms a turn for 1,000 letters, 25 times a normal turn (BENCHMARKS.md, session 25).
MAX_COMPOUND_LENGTH = 40
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
        self._compounds: dict[str, tuple[str, ...]] = {}  # `split_compound` of known words
        self._typo_windows: dict[int, tuple[list[str], np.ndarray, np.ndarray]] = {}  # `_typo_window` by length

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def correct(self, token: str, message: MessageWords | None = None) -> str | None:
        """The known word an unknown token is most likely a typo of, or None.

        "pasport" -> "paspoort"; "rijbewys" -> "rijbewijs" (Dutch "y" written for "ij").
        Only a word the vocabulary does not know is looked up, so the look-up is kept for one
        message only (`message`: its texts repeat its words), never for the process: the word
        is a resident's (a name, a street, a typo).
        """
        if token in self.words or len(token) < MIN_TYPO_LENGTH or not token.isalpha():
            return None
        if message is None:
            return self._lookup_typo(token)
        found = message.corrections.get(token, False)
        if found is False:
            found = message.corrections[token] = self._lookup_typo(token)
        return found

    def _lookup_typo(self, token: str) -> str | None:
        # Imported here, not with the module: most questions have no unknown word, and a cold
        # start that never looks one up saves about 6 ms (BENCHMARKS.md, "Cold start").
        from rapidfuzz import fuzz, process

        if "y" in token:
            variant = token.replace("y", "ij")
            if variant in self.words:
                return variant
        # Only words of about the same length can reach the cut-off, and only those whose letters
        # differ from the token's in few enough letters (below); in the order of their lengths,
        # then alphabetical, so the first best is the one a search length by length finds.
        words, letters, lengths = self._typo_window(len(token))
        if not words:
            return None
        # fuzz.ratio is 100 * (1 - d / (len(a) + len(b))) with d the insertions and deletions
        # that turn one into the other; every letter in one word's letters and not in the other's
        # costs at least one of them, so a word with more such letters cannot reach the cut-off.
        budget = (lengths + len(token)) * (1 - self.typo_cutoff / 100) + 1e-9
        near = np.flatnonzero(np.bitwise_count(letters ^ _letters(token)) <= budget)
        if not near.size:
            return None
        found = process.extractOne(token, [words[i] for i in near], scorer=fuzz.ratio, score_cutoff=self.typo_cutoff)
        return found[0] if found else None

    def _typo_window(self, length: int) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The typo candidates of a token of `length` letters (known words of length - 2 to + 2,
        by length, then alphabetical), their letter sets (`_letters`) and lengths. Built per
        length on first use (the knowledge base's words only)."""
        found = self._typo_windows.get(length)
        if found is None:
            words = [word for size in range(length - 2, length + 3) for word in self._by_length.get(size, ())]
            found = self._typo_windows[length] = (words, np.array([_letters(word) for word in words], dtype=np.uint32),
                                                  np.array([len(word) for word in words], dtype=np.float64))
        return found

    def split_compound(self, token: str, message: MessageWords | None = None) -> list[str]:
        """The parts of a Dutch compound ("parkeervergunning" -> parkeer, vergunning), or [].
        Kept per known word (bounded by the vocabulary; every message reads its words again);
        another word's for one message (`message`), never for the process."""
        known = self._compounds.get(token)
        if known is not None:
            return list(known)
        if message is not None and (parts := message.compounds.get(token)) is not None:
            return list(parts)
        parts = self._split_compound(token)
        if token in self.words:
            self._compounds[token] = tuple(parts)
        elif message is not None:
            message.compounds[token] = parts
            return list(parts)
        return parts

    def _split_compound(self, token: str) -> list[str]:
        if not MIN_COMPOUND_LENGTH <= len(token) <= MAX_COMPOUND_LENGTH or not token.isalpha():
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


def _letters(word: str) -> int:
    """The letters a word uses, one bit each (a-z; any other letter shares one bit)."""
    mask = 0
    for char in word:
        offset = ord(char) - 97
        mask |= 1 << (offset if 0 <= offset < 26 else 26)
    return mask

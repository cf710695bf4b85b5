"""Hashed subword ids of a question's tokens: the input of the Dutch sentence encoder.

Each folded token contributes its whole form and its character n-grams (fastText style), each
hashed into a fixed number of buckets. Because the n-grams of "trouwceremonie" are shared with
"trouwen" and "ceremonie", and those of a misspelling ("truwen") with the word it misspells,
the encoder gives compounds, inflections and typos a meaning it has never seen as a whole
word. The function is pure and is used unchanged by the build script that trains the encoder
and by the matcher at run time, so the two cannot drift apart.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

# Character n-grams of the token marked with word boundaries: "<naam>" -> "<na", "naa", ...
MIN_GRAM = 3
MAX_GRAM = 5
# Longest token that is still split into n-grams (longer ones are ids, codes or noise).
MAX_TOKEN_LENGTH = 40
_WORD_CACHE_LIMIT = 50_000


def _bucket(text: str, buckets: int) -> int:
    return zlib.crc32(text.encode("utf-8")) % buckets


def token_subwords(token: str, buckets: int) -> tuple[int, ...]:
    """Bucket ids of one folded token: the whole token first, then its n-grams."""
    marked = f"<{token}>"
    ids = [_bucket("w" + marked, buckets)]
    if len(token) <= MAX_TOKEN_LENGTH:
        for size in range(MIN_GRAM, MAX_GRAM + 1):
            ids.extend(_bucket(marked[start : start + size], buckets) for start in range(len(marked) - size + 1))
    return tuple(ids)


class SubwordIndex:
    """`token_subwords` with a per-word cache (the same words come back all the time)."""

    def __init__(self, buckets: int) -> None:
        self.buckets = buckets
        self._cache: dict[str, tuple[int, ...]] = {}

    def token(self, token: str) -> tuple[int, ...]:
        found = self._cache.get(token)
        if found is None:
            found = token_subwords(token, self.buckets)
            if len(self._cache) >= _WORD_CACHE_LIMIT:  # a flood of nonsense cannot grow it forever
                self._cache.clear()
            self._cache[token] = found
        return found

    def tokens(self, tokens: Iterable[str]) -> list[tuple[int, ...]]:
        return [self.token(token) for token in tokens]


def flatten(per_token: Sequence[Sequence[int]]) -> tuple[list[int], list[int]]:
    """(bucket ids, token index of each id): the layout the encoder's pooling reads."""
    ids: list[int] = []
    owner: list[int] = []
    for position, token_ids in enumerate(per_token):
        ids.extend(token_ids)
        owner.extend([position] * len(token_ids))
    return ids, owner

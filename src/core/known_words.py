"""The words of the loaded knowledge: what a warm function's per-word caches outside the matcher may
keep (the crisis detector's word normalisation, core.dialogue.crisis).

A per-word cache that kept every word it read would keep what residents wrote (a surname, an
e-mail's parts, a street) in a warm function's memory across residents and tenants. So a cache
keeps only words that are not a resident's: the words its own rules spell out, and the words of
the knowledge bases this process has loaded (their matchers' vocabularies, written by the team
and the editors: `add` when a matcher first classifies). Any other word is read once per message
and dropped with it (docs/ARCHITECTURE.md, "What stays in memory between turns").
"""
from __future__ import annotations

from collections.abc import Iterable

# Bounded by the knowledge bases' vocabularies (the tenants share most of theirs).
_words: set[str] = set()


def add(words: Iterable[str]) -> None:
    """Count `words` (a loaded knowledge base's vocabulary) as known from now on."""
    _words.update(words)


def known(word: str) -> bool:
    """Whether `word` is a word of a knowledge base this process has loaded."""
    return word in _words

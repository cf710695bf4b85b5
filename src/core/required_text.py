"""Text a regular expression cannot match without: a cheap test before compiling it.

    required_text(r"\\bik (?:wil|ga) dood\\b")   # ("ik ga dood", "ik wil dood"): every match contains one

`required_text(pattern)` reads the pattern's syntax tree and returns strings of which every
match contains at least one, or () when it finds no such strings. A text that contains none of
them cannot match, so the pattern need not be compiled nor tried on it: compiling is the costly
part of a pattern's first use (Python parses and compiles it in Python code), and a cold start
compiles only the patterns its first messages could match (core.dialogue.crisis).

Computed when an index of patterns is built, never on the request path: reading the tree costs
about as much as compiling the pattern. Sound for patterns without case-insensitive flags (for
those it returns ()); zero-width parts (word boundaries, lookarounds) join the text on both sides,
which a match has side by side.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# A run of literal parts is followed as the set of exact strings it can match while the set
# stays this small; a larger set (long lists of words) is cut into runs.
MAX_STRINGS = 16
# A requirement is at most this many strings (one of a few dozen alternatives, each with its own
# requirement): testing more would cost more than the pattern saves.
MAX_REQUIRED = 48

_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def required_text(pattern: str) -> tuple[str, ...]:
    """Strings of which every match of `pattern` contains one (sorted), or () when none are known."""
    parsed = sre_parse.parse(pattern, 0)
    if parsed.state.flags & re.IGNORECASE:
        return ()
    found = _sequence(list(parsed))
    return tuple(sorted(found)) if found else ()


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective requirement: longer shortest string, then fewer strings."""
    if not a:
        return b or None
    if not b:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _exact(op: object, av: object) -> frozenset[str] | None:
    """The strings one part matches when they are few and literal; None otherwise."""
    if op is sre.LITERAL:
        return frozenset({chr(av)})  # type: ignore[arg-type]
    if op is sre.IN and all(item_op is sre.LITERAL for item_op, _ in av):  # type: ignore[attr-defined]
        return frozenset(chr(code) for _, code in av)  # type: ignore[attr-defined]
    if op in _REPEATS and av[:2] == (0, 1):  # type: ignore[index]
        exact = _exact_sequence(list(av[2]))  # type: ignore[index]
        return exact | {""} if exact is not None and len(exact) < MAX_STRINGS else None
    return _nested(op, av, exact=True)


def _exact_sequence(parts: list) -> frozenset[str] | None:
    strings = frozenset({""})
    for op, av in parts:
        if op in _ZERO_WIDTH:
            continue
        exact = _exact(op, av)
        if exact is None or len(strings) * len(exact) > MAX_STRINGS:
            return None
        strings = frozenset(left + right for left in strings for right in exact)
    return strings


def _nested(op: object, av: object, exact: bool) -> frozenset[str] | None:
    """For a group, an alternation or a repeat: the strings it matches (`exact`) or the strings
    one of which it requires."""
    of = _exact_sequence if exact else _sequence
    if op is sre.SUBPATTERN:
        _, add_flags, _, body = av  # type: ignore[misc]
        return None if add_flags & re.IGNORECASE else of(list(body))
    if op is sre.BRANCH:
        return _union(av[1], of, MAX_STRINGS if exact else MAX_REQUIRED)  # type: ignore[index]
    if op in _REPEATS:
        low, high, body = av  # type: ignore[misc]
        if low == high == 1 or (low >= 1 and not exact):
            return of(list(body))
    return None


def _union(branches: list, of: Callable[[list], frozenset[str] | None], limit: int) -> frozenset[str] | None:
    """The strings of every branch of an alternation; None when one branch has none (then the
    whole has none) or when they are more than `limit`."""
    strings: set[str] = set()
    for branch in branches:
        found = of(list(branch))
        if found is None:
            return None
        strings |= found
    return frozenset(strings) if len(strings) <= limit else None


def _sequence(parts: list) -> frozenset[str] | None:
    """The most selective requirement of a sequence: one of its runs of exact parts, or one of
    the requirements of the parts between them."""
    best: frozenset[str] | None = None
    run = frozenset({""})
    for op, av in parts:
        if op in _ZERO_WIDTH:
            continue  # matches nothing: the text on either side is side by side in the match
        exact = _exact(op, av)
        if exact is not None and len(run) * len(exact) <= MAX_STRINGS:
            run = frozenset(left + right for left in run for right in exact)
            continue
        best = _better(best, _usable(run))
        if exact is not None:
            run = exact
        else:
            run = frozenset({""})
            best = _better(best, _nested(op, av, exact=False))
    return _better(best, _usable(run))


def _usable(strings: frozenset[str]) -> frozenset[str] | None:
    """A set of strings is a requirement only when none of them is empty."""
    return strings if strings and "" not in strings and len(strings) <= MAX_REQUIRED else None

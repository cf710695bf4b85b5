"""Where code that compiles regular expressions late (the crisis rules and the knowledge's detail and
referral phrases: each on its first use, in a warm function's turns) gets them compiled: from a store
of patterns compiled at build time when the function has one, else from `re.compile`.

The store is the functions' build output (`handlers.stored_patterns`, which puts its look-up here
with `use` when it loads: core never imports handlers). `re` itself is left as it is: only the
code that asks `compiled` for a pattern gets a stored one; every other `re.compile` in the process
(the libraries') compiles as Python does.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# (pattern, flags) -> the stored pattern object, or None when the store does not hold it
Lookup = Callable[[str, int], "re.Pattern[str] | None"]

_lookup: list[Lookup] = []  # the store's look-up, once the function has loaded one


def use(lookup: Lookup | None) -> None:
    """Take compiled patterns from `lookup` first (None: compile every pattern with `re`)."""
    _lookup[:] = [] if lookup is None else [lookup]


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, the stored pattern object when the store holds it (the same
    code: the store checked each entry against `re.compile` when it was made)."""
    if _lookup:
        found = _lookup[0](pattern, flags)
        if found is not None:
            return found
    return re.compile(pattern, flags)

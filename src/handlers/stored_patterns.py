"""Regular expressions compiled at build time, so that a cold start does not compile them again.

Importing the chat function compiles about 200 regular expressions at module level (the
dialogue's readers (clauses, replies, contacts, ...), details, facts and follow-ups, the matcher's segmentation, privacy,
the crisis rules, and the libraries'), and Python's `re` parses and compiles them in pure
Python: about a fifth of the function's import + first call (BENCHMARKS.md, "Cold start",
session 12). Their compiled form is a list of integers that `_sre.compile` turns into a pattern
object in microseconds.

The store is made at build time (balie_local.pattern_store: `make patterns`, and `make build`
with the functions' Python): every pattern `re` compiled while the handlers were imported, with
its flags, code and groups, each checked when stored (the pattern object made from the entry
must equal the one `re` compiled; pattern objects compare their code). `load`, called when the
`handlers` package is imported, puts those pattern objects into `re`'s cache, so the modules'
own `re.compile(...)` calls find them there; nothing else changes. A store is used only by the
Python that made it (its header names the interpreter and the regular expression engine); a
pattern changed since the store was made has another key and is compiled as before; a missing,
stale or unreadable store costs nothing but the compiling. The store is our own build's output,
read like the .pyc files beside it (`marshal`, compressed with zlib: about 60 KB, 1 ms to read).
"""
from __future__ import annotations

import marshal
import re
import sys
import zlib
from array import array
from pathlib import Path

import _sre

STORE_DIR = Path(__file__).resolve().parent / "data"
CODE_TYPE = "I" if _sre.CODESIZE == 4 else "H"  # the array type of the engine's code words


def store_path(directory: Path = STORE_DIR) -> Path:
    return directory / f"patterns.{sys.implementation.cache_tag}.bin"


def header() -> tuple:
    """What a stored code list depends on: the interpreter and its regular expression engine."""
    return (sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)


def pattern_of(entry: tuple) -> re.Pattern:
    """The pattern object of a stored entry (pattern, flags, final flags, code, groups, group
    index, index group): what `re._compiler.compile` ends with."""
    pattern, _, final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final_flags, array(CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


def dumps(entries: list[tuple]) -> bytes:
    """A store of `entries` for this Python."""
    return zlib.compress(marshal.dumps((header(), entries)), 9)


def load(path: Path | None = None) -> int:
    """Put the stored patterns into `re`'s cache; how many (0 without a usable store)."""
    try:
        stored_header, entries = marshal.loads(zlib.decompress((path or store_path()).read_bytes()))
        if tuple(stored_header) != header():
            return 0
        cache = re._cache  # type: ignore[attr-defined]
        room = max(re._MAXCACHE - len(cache), 0)  # type: ignore[attr-defined]
        for entry in entries[:room]:
            cache.setdefault((str, entry[0], entry[1]), pattern_of(entry))
        return min(len(entries), room)
    except Exception:  # noqa: BLE001 (no store, or not this Python's: the modules compile their own)
        return 0

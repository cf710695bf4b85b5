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

A warm function compiles more later: each crisis rule (core.dialogue.crisis) is compiled on its
first use, 877 of them, 0.1-4 ms each (230 ms in all), spread over a container's first turns,
where they were the slowest turns of `make bench-chat` (BENCHMARKS.md, "Session 14 (perf14)").
The store holds those too, each entry compressed on its own, looked up by a digest of its
pattern (`later_pattern`): a container decompresses only the rules it uses, a few microseconds
each, and a cold start reads the rest as bytes. So are the knowledge's detail and referral phrases
(core.kb.phrases, one pattern per topic, compiled when a message is first read against it; session
25: as entries put into `re`'s cache they were a third of what every cold start built, and pushed
the store past the cache's 512). The crisis rules and the phrases ask for them themselves
(`core.compiled_patterns.compiled`, which `load` points at `later_pattern`); `re` is left as it is,
so no other library's compile looks in the store (session 15: session 14 put the look-up in
place of `re._compiler.compile` for the whole process).
"""
from __future__ import annotations

import hashlib
import marshal
import re
import struct
import sys
import zlib
from array import array
from pathlib import Path

import _sre

from core import compiled_patterns

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


def dumps(entries: list[tuple], later: list[tuple] = ()) -> bytes:
    """A store of `entries` (put into `re`'s cache when loaded) and `later` (compiled later by a
    warm function): the length of the first part, the first part compressed, then the later
    entries each compressed on its own, by `later_key` (read only on the first miss)."""
    now = zlib.compress(marshal.dumps((header(), entries)), 9)
    by_key = {later_key(entry[0], entry[1]): zlib.compress(marshal.dumps(entry), 9) for entry in later}
    return struct.pack("<I", len(now)) + now + marshal.dumps(by_key)


def parts(data: bytes) -> tuple[tuple, list[tuple], bytes]:
    """(header, entries, the later entries still marshalled) of a store."""
    (length,) = struct.unpack_from("<I", data)
    stored_header, entries = marshal.loads(zlib.decompress(data[4 : 4 + length]))
    return tuple(stored_header), entries, data[4 + length :]


def later_key(pattern: str, flags: int) -> tuple[bytes, int]:
    return hashlib.blake2b(pattern.encode("utf-8", "surrogatepass"), digest_size=16).digest(), flags


# The store's later entries (`dumps`), marshalled until a pattern is first asked for.
_later: dict[str, object] = {"marshalled": b"", "entries": None}
# `re`'s own compile, past its cache: what the build checks each stored entry against.
_compile_afresh = re._compiler.compile  # type: ignore[attr-defined]


def later_pattern(pattern: str, flags: int = 0) -> re.Pattern | None:
    """The pattern object of a later entry of the store (what `re.compile(pattern, flags)` gives,
    without parsing it again), or None when the store does not hold it."""
    if not _later["marshalled"]:
        return None
    if _later["entries"] is None:
        _later["entries"] = marshal.loads(_later["marshalled"])
    stored = _later["entries"].get(later_key(pattern, int(flags)))
    if stored is None:
        return None
    entry = marshal.loads(zlib.decompress(stored))
    return pattern_of(entry) if entry[0] == pattern else None


def load(path: Path | None = None) -> int:
    """Put the stored patterns into `re`'s cache, and the later ones behind
    `core.compiled_patterns`; how many went into the cache (0 without a usable store)."""
    try:
        stored_header, entries, later = parts((path or store_path()).read_bytes())
        if stored_header != header():
            return 0
        _later.update(marshalled=later, entries=None)
        compiled_patterns.use(later_pattern)
        cache = re._cache  # type: ignore[attr-defined]
        room = max(re._MAXCACHE - len(cache), 0)  # type: ignore[attr-defined]
        for entry in entries[:room]:
            cache.setdefault((str, entry[0], entry[1]), pattern_of(entry))
        return min(len(entries), room)
    except Exception:  # noqa: BLE001 (no store, or not this Python's: the modules compile their own)
        return 0

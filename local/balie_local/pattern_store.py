"""Writes handlers.stored_patterns' store: the regular expressions the functions compile at cold
start, compiled once at build time for the Python that runs them (`make patterns` for the local
interpreter; `make build` for the functions' Python, into the package).

Which patterns: every text pattern in `re`'s cache after this interpreter has imported the hot
functions' handlers and what they import on first use; and, kept apart (`compiled_later`), what a
warm function compiles afterwards: every crisis rule, the crisis readings' gate words and the
knowledge's detail and referral phrases. Their compiled form: made by the target
Python (`--python`, run with the standard library and handlers.stored_patterns only, so a package
built for another machine need not import there), each entry checked against `re.compile`.

    .venv/bin/python -m balie_local.pattern_store [--out DIR] [--python python3.12]
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

from handlers import stored_patterns
from handlers.stored_patterns import CODE_TYPE, STORE_DIR, dumps, pattern_of, store_path

SRC = Path(__file__).resolve().parents[2] / "src"
LOCAL = Path(__file__).resolve().parents[1]
# The hot functions' handlers, then what they import on first use (the chat function's first:
# `re`'s cache holds 512 patterns, and `load` fills it in this order).
RECORDED_MODULES = (
    "handlers.chat_api", "core.matcher", "core.privacy", "handlers.whatsapp_webhook", "handlers.whatsapp_worker",
    "handlers.messenger_webhook", "handlers.messenger_worker", "handlers.staff_api", "handlers.handover_timeout",
    "handlers.ticket_intake", "handlers.outbox_sweeper",
)


def first_call() -> None:
    """What a function's first invocation compiles beyond its imports, done without AWS: a
    DynamoDB client from one botocore session (its endpoint rules and the HTTP stack)."""
    import botocore.httpsession  # noqa: F401 (the HTTP stack a first request imports)
    import botocore.session

    botocore.session.get_session().create_client(
        "dynamodb", region_name="eu-west-1", aws_access_key_id="stored-patterns", aws_secret_access_key="none")


def compiled_later() -> list[tuple[str, int]]:
    """(pattern, flags) of what a warm function compiles after its cold start: each crisis rule is
    compiled on its first use (core.dialogue.crisis), 0.1-4 ms a rule, in a container's first turns, and
    the crisis readings' gate words on the first message; and the phrase patterns of the compiled
    knowledge's details and referrals (core.kb.phrases compiles one per topic when a message is first read
    against that topic's details or a referral: about 190 in the compiled tenants, a few in a first turn;
    until session 25 they went into `re`'s cache at every cold start, where they took a third of the
    store's room and of its loading). They ask `core.compiled_patterns` for it, which records them here
    (and compiles them)."""
    from adapters.kb_files import compiled_directory
    from core import compiled_patterns
    from core.dialogue import crisis
    from core.kb import phrases
    from core.kb.compiled import read_compiled

    keys: list[tuple[str, int]] = []

    def recording(pattern: str, flags: int = 0) -> None:
        keys.append((pattern, int(flags)))
        return None

    compiled_patterns.use(recording)
    try:
        for rule in crisis._index().rules:
            rule.pattern  # noqa: B018 (compiles the rule)
        crisis._gate_finder.cache_clear()
        crisis._gate_finder()  # the readings' gate words, compiled on a container's first message (about 3 ms)
        phrases._pattern.cache_clear()
        for path in sorted(compiled_directory().glob("*.json")):
            try:
                compiled = read_compiled(path.read_bytes())
            except ValueError:  # the index and the shared base are not a tenant's compiled file
                continue
            for words in [*(detail.words for intent in compiled.intents.values() for detail in intent.details),
                          *(referral.words for referral in compiled.referrals)]:
                phrases.without("", words)
    finally:
        compiled_patterns.use(None)
    return keys


def recorded_keys(modules: tuple[str, ...] = RECORDED_MODULES) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(pattern, flags) of every text pattern `re` compiles while a fresh interpreter (this one's
    kind) imports `modules` and does what a first call compiles (`first_call`): in this process
    they may be imported already, their patterns compiled long ago. The cache is emptied first,
    so that nothing of an older store is recorded again. Then, apart, what it compiles later
    (`compiled_later`) that is not among them."""
    process = subprocess.run(
        [sys.executable, "-m", "balie_local.pattern_store", "--record", *modules], capture_output=True, text=True,
        check=True, timeout=300, env={**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(LOCAL)])},
    )
    recorded = json.loads(process.stdout.splitlines()[-1])
    return ([(pattern, flags) for pattern, flags in recorded["now"]],
            [(pattern, flags) for pattern, flags in recorded["later"]])


def entry_of(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands `_sre.compile` for `pattern` (the same steps)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, flags, flags | parsed.state.flags, array(CODE_TYPE, code).tobytes(),
            parsed.state.groups - 1, groupindex, tuple(indexgroup))


def store_of(keys: list[tuple[str, int]], later: list[tuple[str, int]] = ()) -> bytes:
    """The store of `keys` (and of `later`, kept apart) for this Python; an entry whose pattern
    object differs from `re.compile`'s (pattern objects compare their code) is left out."""

    def checked(pairs: list[tuple[str, int]]) -> list[tuple]:
        entries = []
        for pattern, flags in pairs:
            entry = entry_of(pattern, int(flags))
            if pattern_of(entry) == stored_patterns._compile_afresh(pattern, int(flags)):  # compiled afresh
                entries.append(entry)
        return entries

    now = set(keys)
    return dumps(checked(keys), checked([key for key in dict.fromkeys(later) if key not in now]))


def write(directories: list[Path], python: str | None = None, environment: dict[str, str] | None = None) -> list[Path]:
    """Record the keys here and compile them with `python` (this interpreter by default) into a
    store in each of `directories`, replacing any other Python's store there; the paths written."""
    keys, later = recorded_keys()
    if python is None:
        data, name = store_of(keys, later), store_path(Path()).name
    else:
        process = subprocess.run(
            [python, "-m", "balie_local.pattern_store", "--compile"],
            input=json.dumps({"now": keys, "later": later}).encode(), capture_output=True,
            check=True, timeout=300,
            env={**(environment or os.environ), "PYTHONPATH": os.pathsep.join([str(SRC), str(LOCAL)])},
        )
        name, data = json.loads(process.stdout.splitlines()[0]), process.stdout.split(b"\n", 1)[1]
    written = []
    for directory in directories:
        directory.mkdir(parents=True, exist_ok=True)
        for other in directory.glob("patterns.*.bin"):
            other.unlink()
        (directory / name).write_bytes(data)
        written.append(directory / name)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=STORE_DIR, help="directory to write the store to")
    parser.add_argument("--python", help="the interpreter to compile for (default: this one)")
    parser.add_argument("--compile", action="store_true",
                        help="(internal) compile the keys on stdin; print the store's file name and the store")
    parser.add_argument("--record", nargs="+", metavar="MODULE",
                        help="(internal) import these modules, do `first_call`, print the keys compiled")
    arguments = parser.parse_args()
    if arguments.record:
        re.purge()
        # Record every pattern, in the order compiled: `re`'s cache drops its oldest beyond 512, and the hot functions
        # compile more than that (the first modules' patterns would be missing). `load` puts as many as fit, first first.
        re._MAXCACHE = 1 << 16  # type: ignore[attr-defined]
        for module in arguments.record:
            importlib.import_module(module)
        first_call()
        now = [(pattern, flags) for kind, pattern, flags in list(re._cache)  # type: ignore[attr-defined]
               if kind is str and not flags & re.DEBUG]
        print(json.dumps({"now": now, "later": compiled_later()}))
        return
    if arguments.compile:
        keys = json.load(sys.stdin)
        data = store_of([(pattern, flags) for pattern, flags in keys["now"]],
                        [(pattern, flags) for pattern, flags in keys["later"]])
        sys.stdout.buffer.write(json.dumps(store_path(Path()).name).encode() + b"\n" + data)
        return
    for path in write([arguments.out], arguments.python):
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

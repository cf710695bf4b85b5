"""Regular expressions compiled at build time (handlers.stored_patterns, balie_local.pattern_store):
the stored pattern objects are the ones `re` would compile, `re.compile` hands them out, the crisis
rules and the knowledge's phrases get theirs through core.compiled_patterns (with `re` left as it is), and a store that does
not fit this Python, or is damaged, changes nothing."""
from __future__ import annotations

import marshal
import re
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from balie_local.lambda_build import store_patterns
from balie_local.pattern_store import store_of, write
from core import compiled_patterns
from handlers import stored_patterns
from handlers.stored_patterns import load, parts, pattern_of, store_path

KEYS = [
    (r"\b(?:paspoort|id-?kaart)\b(?P<rest>.{0,20})", int(re.IGNORECASE)),
    (r"^(?:(?:hallo|hoi)\s+)?(?P<word>\w+)(?=[.!?]|$)", 0),
    (r"[\u202a-\u202e]|(?<![a-z0-9])kwijt(?: [a-z0-9]+){0,3} pas", int(re.IGNORECASE | re.VERBOSE)),
]


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """`re`'s cache as the test found it, afterwards (other tests' patterns are compiled again), and
    the store's later entries and `core.compiled_patterns` as they were."""
    later, lookup = dict(stored_patterns._later), list(compiled_patterns._lookup)
    re.purge()
    yield
    re.purge()
    stored_patterns._later.update(later)
    compiled_patterns._lookup[:] = lookup


def _no_compiling(pattern, flags=0):
    raise AssertionError(f"compiled afresh: {pattern}")


def test_a_stored_pattern_is_the_pattern_re_compiles(tmp_path: Path, fresh_cache: None) -> None:
    path = store_path(tmp_path)
    path.write_bytes(store_of(KEYS))
    assert load(path) == len(KEYS)
    for pattern, flags in KEYS:
        compiled = re.compile(pattern, flags)
        # handed out from the cache, not compiled again; equal (same code) to a fresh compile
        assert any(compiled is stored for stored in re._cache.values())  # type: ignore[attr-defined]
        re_compiled = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
        assert compiled == re_compiled and compiled.groupindex == re_compiled.groupindex
    matched = re.compile(KEYS[0][0], re.IGNORECASE).search("Mijn PASPOORT is verlopen")
    assert matched is not None and matched.group("rest") == " is verlopen"
    assert re.compile(KEYS[1][0]).match("hoi verhuizen!").group("word") == "verhuizen"


def test_a_store_of_another_python_or_a_damaged_one_changes_nothing(tmp_path: Path, fresh_cache: None) -> None:
    data = store_of(KEYS)
    header, entries, _ = parts(data)
    other = tmp_path / "other.bin"
    other_first = zlib.compress(marshal.dumps((("cpython-399", *header[1:]), entries)))
    other.write_bytes(len(other_first).to_bytes(4, "little") + other_first + marshal.dumps({}))
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(data[: len(data) // 2])
    for path in (other, damaged, tmp_path / "missing.bin"):
        assert load(path) == 0
        assert not re._cache  # type: ignore[attr-defined]
    assert re.compile(KEYS[0][0], re.IGNORECASE).search("id-kaart kwijt")


def test_a_pattern_changed_since_the_store_was_made_is_compiled_as_written(tmp_path: Path, fresh_cache: None) -> None:
    path = store_path(tmp_path)
    path.write_bytes(store_of(KEYS))
    load(path)
    changed = re.compile(r"\b(?:paspoort|rijbewijs)\b", re.IGNORECASE)
    assert changed.search("rijbewijs verlengen") and not changed.search("id-kaart")


def test_the_store_holds_the_chat_function_s_patterns_for_this_python(tmp_path: Path) -> None:
    (path,) = write([tmp_path])
    assert path == store_path(tmp_path)
    header, entries, later = parts(path.read_bytes())
    assert tuple(header) == stored_patterns.header()
    stored = {(entry[0], entry[1]) for entry in entries}
    # the dialogue's, the matcher's and privacy's module-level patterns are among them
    from core.dialogue import clauses, contacts, replies, small_talk
    from core.matcher import segment

    module_patterns = {value.pattern for module in (clauses, contacts, replies, small_talk, segment)
                       for value in vars(module).values() if isinstance(value, re.Pattern)}
    assert len(module_patterns) > 10 and module_patterns <= {pattern for pattern, _ in stored}
    assert len(stored) > 100
    for entry in entries[:20]:
        assert pattern_of(entry) == stored_patterns._compile_afresh(entry[0], entry[1])
    # apart: every crisis rule, which a warm function compiles on first use
    from core.dialogue import crisis

    later_entries = {key: marshal.loads(zlib.decompress(blob)) for key, blob in marshal.loads(later).items()}
    rules = crisis._index().rules
    assert len(later_entries) >= len(rules) - len(stored) and len(later_entries) > 500
    for entry in list(later_entries.values())[:20]:
        assert pattern_of(entry) == stored_patterns._compile_afresh(entry[0], entry[1])


def test_a_pattern_compiled_later_comes_from_the_store_as_re_would_compile_it(
        tmp_path: Path, fresh_cache: None, monkeypatch: pytest.MonkeyPatch) -> None:
    path = store_path(tmp_path)
    path.write_bytes(store_of(KEYS[:1], later=KEYS[1:]))
    own_compile = re._compiler.compile  # type: ignore[attr-defined]
    assert load(path) == 1
    assert re._compiler.compile is own_compile  # type: ignore[attr-defined]  # `re` is left as it is
    fresh = {key: stored_patterns._compile_afresh(*key) for key in KEYS}
    monkeypatch.setattr(re._compiler, "compile", _no_compiling)  # type: ignore[attr-defined]
    for pattern, flags in KEYS[1:]:
        compiled = compiled_patterns.compiled(pattern, flags)  # from the store's later entries
        assert compiled == fresh[(pattern, flags)] and compiled.groupindex == fresh[(pattern, flags)].groupindex
    assert compiled_patterns.compiled(KEYS[1][0]).match("hoi verhuizen!").group("word") == "verhuizen"
    with pytest.raises(AssertionError) as raised:  # another library's re.compile: not the store's
        re.compile(KEYS[1][0], KEYS[1][1])
    monkeypatch.undo()
    assert str(raised.value).startswith("compiled afresh")
    assert compiled_patterns.compiled(r"\bniet opgeslagen\b").search("dit is niet opgeslagen")  # not stored: re compiles it


def test_the_crisis_rules_get_their_patterns_from_the_store(tmp_path: Path, fresh_cache: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from core.dialogue import crisis

    (path,) = write([tmp_path])
    load(path)
    rules = crisis._index().rules[:25]
    fresh = [crisis._Rule(rule.kind, rule.template) for rule in rules]  # not compiled yet
    monkeypatch.setattr(re._compiler, "compile", _no_compiling)  # type: ignore[attr-defined]
    patterns = [rule.pattern for rule in fresh]
    monkeypatch.undo()
    assert [pattern.pattern for pattern in patterns] == [rule.pattern.pattern for rule in rules]
    assert all(pattern == stored_patterns._compile_afresh(pattern.pattern, 0) for pattern in patterns)


def test_the_knowledge_s_phrases_come_from_the_store_s_later_entries(tmp_path: Path, fresh_cache: None,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A topic's detail and referral phrases are compiled when a message is first read against them, in a warm
    function's turns: they are later entries, so a cold start builds only what its imports compile, and all of
    that fits in `re`'s cache (a pattern past its room would be compiled again at import)."""
    from adapters.kb_files import compiled_directory
    from core.kb import phrases
    from core.kb.compiled import read_compiled

    (path,) = write([tmp_path])
    _, entries, later = parts(path.read_bytes())
    assert len(entries) < re._MAXCACHE - 50  # type: ignore[attr-defined]
    compiled = read_compiled((compiled_directory() / "voorbeeld.json").read_bytes())
    words = [detail.words for intent in compiled.intents.values() for detail in intent.details][:30]
    assert len(words) == 30
    load(path)
    phrases._pattern.cache_clear()
    monkeypatch.setattr(re._compiler, "compile", _no_compiling)  # type: ignore[attr-defined]
    from_store = [phrases._pattern(tuple(each)) for each in words]
    monkeypatch.undo()
    phrases._pattern.cache_clear()
    assert not {pattern.pattern for pattern in from_store} & {entry[0] for entry in entries}
    assert all(pattern == stored_patterns._compile_afresh(pattern.pattern, 0) for pattern in from_store)


def test_make_build_stores_them_for_the_functions_python_in_every_package(tmp_path: Path) -> None:
    for function in ("ChatApiFunction", "StaffApiFunction"):
        (tmp_path / function / "handlers" / "data").mkdir(parents=True)
        (tmp_path / function / "handlers" / "stored_patterns.py").write_text("")
        # what `sam build` copied from src/: the development interpreter's store
        (tmp_path / function / "handlers" / "data" / "patterns.cpython-399.bin").write_bytes(b"old")
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    written = store_patterns(tmp_path, version, python=sys.executable)
    assert sorted(written) == sorted(tmp_path / function / "handlers" / "data" / store_path(Path()).name
                                     for function in ("ChatApiFunction", "StaffApiFunction"))
    for path in written:
        assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_container_s_modules_get_the_stored_patterns(tmp_path: Path) -> None:
    """In a fresh interpreter, as a container imports its handler: the dialogue's module-level
    patterns are the stored pattern objects, not compiled again (a store made now, so that a
    local store older than the code does not decide)."""
    (path,) = write([tmp_path])
    probe = ("import re, sys, handlers; from handlers import stored_patterns; from pathlib import Path; re.purge(); "
             "stored_patterns.load(Path(sys.argv[1])); stored = {id(p) for p in re._cache.values()}; "
             "from core.dialogue import clauses, contacts, replies, small_talk; "
             "ps = [v for m in (clauses, contacts, replies, small_talk) for v in vars(m).values() "
             "if isinstance(v, re.Pattern)]; "
             "print(sum(id(p) in stored for p in ps), len(ps))")
    src = Path(stored_patterns.__file__).resolve().parents[1]
    output = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True,
                            cwd=src, env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}).stdout.split()
    from_store, module_level = int(output[0]), int(output[1])
    assert module_level > 10 and from_store == module_level

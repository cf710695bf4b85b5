"""The test directories have no __init__.py (pytest's default "prepend" import mode puts each
test's directory on sys.path), so a module name must mean one file: `pytest tests/unit
tests/dialogue` (any directories in one call) collects the same tests as each alone."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def python_files() -> list[Path]:
    return [path for path in TESTS.rglob("*.py") if "node_modules" not in path.parts]


def test_module_names_are_unique_across_test_directories() -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in python_files():
        if path.name != "conftest.py":  # pytest loads conftests by path, never by name
            by_name[path.stem].append(str(path.relative_to(TESTS)))
    assert {name: paths for name, paths in by_name.items() if len(paths) > 1} == {}


def test_no_test_imports_a_conftest_by_name() -> None:
    # `import conftest` finds whichever conftest.py was loaded last when pytest is given several directories.
    importing = [str(path.relative_to(TESTS)) for path in python_files()
                 if re.search(r"^\s*(from|import)\s+conftest\b", path.read_text(encoding="utf-8"), re.MULTILINE)]
    assert importing == []

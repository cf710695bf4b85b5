"""The real residents' messages of `make eval-real` (benchmarks/data/real_questions.tsv) stay a
well-formed test set: known intents, a source for every row, no duplicates, and a part given by
benchmarks/assign_split.py, never by hand."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def assign_split_module():
    spec = importlib.util.spec_from_file_location("assign_split", REPO / "benchmarks" / "assign_split.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def split_tool():
    return assign_split_module()


@pytest.fixture(scope="module")
def rows(split_tool):
    fields, rows = split_tool.read(split_tool.REAL_QUESTIONS)
    assert fields == ["intent", "text", "source", "alt", "kind", "split"]
    return rows


def known_intents() -> set[str]:
    return {path.stem for path in (REPO / "knowledge").glob("*.yaml")}


def test_every_row_is_labelled_with_a_known_intent_kind_part_and_source(rows):
    intents = known_intents()
    for row in rows:
        assert row["intent"] == "-" or row["intent"] in intents, row["intent"]
        alternatives = [name for name in row["alt"].split(",") if name != "-"]
        assert all(name in intents for name in alternatives), row["alt"]
        assert row["kind"] in ("faq", "story")
        assert row["split"] in ("tune", "report")
        assert row["source"].startswith(("https://", "http://"))
        assert row["text"].strip() == row["text"] and row["text"]


def test_no_message_is_in_the_set_twice(rows):
    texts = [" ".join(row["text"].lower().split()) for row in rows]
    assert len(texts) == len(set(texts))


def test_the_parts_are_balanced_within_each_intent_and_kind(rows):
    groups: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        groups.setdefault((row["intent"], row["kind"]), []).append(row["split"])
    for group, parts in groups.items():
        assert abs(parts.count("tune") - parts.count("report")) <= 1, group


def test_the_split_tool_writes_the_set_back_byte_for_byte(split_tool, tmp_path):
    fields, rows = split_tool.read(split_tool.REAL_QUESTIONS)
    copy = tmp_path / "real_questions.tsv"
    split_tool.write(copy, fields, rows)
    assert copy.read_bytes() == split_tool.REAL_QUESTIONS.read_bytes()
    quoted = {**rows[0], "text": 'mijn auto op een "gewone" plek'}
    split_tool.write(copy, fields, [quoted])
    assert split_tool.read(copy) == (fields, [quoted])


def test_new_rows_alternate_between_the_parts_within_their_group(split_tool):
    def row(text: str, split: str = "", intent: str = "paspoort") -> dict[str, str]:
        return {"intent": intent, "text": text, "source": "https://example.org", "alt": "-", "kind": "faq", "split": split}

    existing = [row("oud een", "tune"), row("oud twee", "tune"), row("oud drie", "report")]
    new = [row(f"nieuwe vraag {number}") for number in range(5)]
    assigned = split_tool.assign(existing + new + [row("ander onderwerp", intent="wmo")])
    parts = [r["split"] for r in assigned if r["intent"] == "paspoort"]
    assert parts[:3] == ["tune", "tune", "report"]
    assert parts.count("tune") - parts.count("report") in (-1, 0, 1)
    assert parts.count("report") >= 4
    assert assigned[-1]["split"] in ("tune", "report")
    again = split_tool.assign(existing + [row(f"nieuwe vraag {number}") for number in range(5)])
    assert [r["split"] for r in again] == parts

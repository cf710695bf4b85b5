"""The real residents' messages of `make eval-real` (benchmarks/data/real_questions.tsv) stay a
well-formed test set: known intents, a source for every row, no duplicates, a batch, and a part
given by benchmarks/assign_split.py, never by hand."""
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
    assert fields == ["intent", "text", "source", "alt", "kind", "split", "batch"]
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
        assert row["batch"].isdigit()
        assert row["source"].startswith(("https://", "http://"))
        assert row["text"].strip() == row["text"] and row["text"]


def test_no_message_is_in_the_set_twice(rows):
    texts = [" ".join(row["text"].lower().split()) for row in rows]
    assert len(texts) == len(set(texts))


def test_the_first_batch_keeps_its_halves_within_each_intent_and_kind(rows):
    """Batch 1 got its parts by the earlier rule (half and half per group); they never change."""
    groups: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row["batch"] == "1":
            groups.setdefault((row["intent"], row["kind"]), []).append(row["split"])
    assert sum(len(parts) for parts in groups.values()) == 329
    for group, parts in groups.items():
        assert abs(parts.count("tune") - parts.count("report")) <= 1, group


def test_later_batches_put_one_row_in_three_in_the_report_part(split_tool, rows):
    for batch in sorted({row["batch"] for row in rows} - {"1"}):
        parts = [row["split"] for row in rows if row["batch"] == batch]
        assert abs(parts.count("report") - len(parts) / 3) < 1, batch
        for kind in ("faq", "story"):
            of_kind = [row["split"] for row in rows if row["batch"] == batch and row["kind"] == kind]
            assert abs(of_kind.count("report") - len(of_kind) / 3) <= 1, (batch, kind)
    unassigned = [{**row, "split": ""} if row["batch"] != "1" else dict(row) for row in rows]
    assert [row["split"] for row in split_tool.assign(unassigned)] == [row["split"] for row in rows]


def test_the_split_tool_writes_the_set_back_byte_for_byte(split_tool, tmp_path):
    fields, rows = split_tool.read(split_tool.REAL_QUESTIONS)
    copy = tmp_path / "real_questions.tsv"
    split_tool.write(copy, fields, rows)
    assert copy.read_bytes() == split_tool.REAL_QUESTIONS.read_bytes()
    quoted = {**rows[0], "text": 'mijn auto op een "gewone" plek'}
    split_tool.write(copy, fields, [quoted])
    assert split_tool.read(copy) == (fields, [quoted])


def test_new_rows_of_a_batch_go_to_the_report_part_one_in_three(split_tool):
    def row(text: str, split: str = "", intent: str = "paspoort", batch: str = "3") -> dict[str, str]:
        return {"intent": intent, "text": text, "source": "https://example.org", "alt": "-", "kind": "faq",
                "split": split, "batch": batch}

    existing = [row("oud een", "tune", batch="1"), row("oud twee", "report", batch="1"), row("al gedeeld", "tune")]
    new = [row(f"nieuwe vraag {number}") for number in range(8)] + [row("ander onderwerp", intent="wmo")]
    assigned = split_tool.assign(existing + new)
    assert [r["split"] for r in assigned[:3]] == ["tune", "report", "tune"]
    parts = [r["split"] for r in assigned[3:]]
    assert parts.count("report") == 3 and parts.count("tune") == 6
    # Laid end to end by kind, intent and SHA-1, counting on from the batch's one assigned row.
    order = sorted(assigned[3:], key=lambda r: (r["kind"], r["intent"], split_tool.text_digest(r["text"])))
    assert [r["split"] for r in order] == ["tune", "report", "tune", "tune", "report", "tune", "tune", "report", "tune"]
    again = split_tool.assign(existing + [{**r, "split": ""} for r in new])
    assert [r["split"] for r in again] == [r["split"] for r in assigned]

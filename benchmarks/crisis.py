"""How fast the crisis detector (core.dialogue.crisis) is, and how often it alarms on the
knowledge base's example questions.

- typical messages: every example question of knowledge/*.yaml and tenants/*.yaml (2,800
  questions of about 28 characters), once with an empty word cache (a fresh Lambda) and then warm;
- long messages: 300 texts of 1,000 characters, each a different run of examples;
- the module's own import time (a cold start pays it once), in a fresh interpreter;
- recall on the fresh batches of benchmarks/data/crisis/ (crisis phrasings written after the
  detector's last fixes, each measured before the fixes it led to) and false alarms on their
  ordinary messages and on the real residents' messages of real_questions.tsv (in aggregate).

Run: .venv/bin/python benchmarks/crisis.py   (results go to BENCHMARKS.md by hand)
"""
from __future__ import annotations

import csv
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from balie_local.kb_tools import load_sources
from core.dialogue import crisis

ROOT = Path(__file__).resolve().parents[1]
LONG = 1000
BATCHES = ROOT / "benchmarks" / "data" / "crisis"
KINDS = ("suicide", "violence", "sexual", "danger", "homeless")


def batch_rows(path: Path) -> list[tuple[str, str]]:
    """(kind, text) of a batch file; kind "none" for an ordinary message."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, text = line.split("\t", 1)
            rows.append((kind, text))
    return rows


def batch_recall(path: Path) -> str:
    rows = batch_rows(path)
    crises = [(kind, crisis.detect_all(text)) for kind, text in rows if kind != "none"]
    alarmed = sum(1 for _, found in crises if found)
    right = sum(1 for kind, found in crises if kind in found)
    per_kind = ", ".join(f"{kind} {sum(1 for k, found in crises if k == kind and found)}/{sum(1 for k, _ in crises if k == kind)}"
                         for kind in KINDS)
    ordinary = [text for kind, text in rows if kind == "none"]
    false_alarms = sum(1 for text in ordinary if crisis.detect(text))
    return (f"{path.name}: {alarmed} of {len(crises)} alarmed ({100 * alarmed / len(crises):.0f}%), {right} with the "
            f"labelled kind among the help given ({per_kind}); ordinary: {false_alarms} of {len(ordinary)} false alarms")


def real_question_alarms() -> str:
    """Alarms on the real residents' messages, counted per part (the report part is only ever
    reported in aggregate)."""
    with (ROOT / "benchmarks" / "data" / "real_questions.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    counts = {split: [0, 0] for split in sorted({row["split"] for row in rows})}
    for row in rows:
        counts[row["split"]][0] += 1
        counts[row["split"]][1] += crisis.detect(row["text"]) is not None
    return "real_questions.tsv: " + ", ".join(f"{split} part {alarms} alarm(s) of {total}" for split, (total, alarms) in counts.items())


def knowledge_examples() -> list[tuple[str, str]]:
    """(where, text) of every example question: the shared intents, the out-of-scope list,
    and each tenant's extra examples and own intents."""
    loaded = load_sources(ROOT / "knowledge", ROOT / "tenants")
    groups = [(intent_id, intent.examples) for intent_id, intent in loaded.intents.items()]
    if loaded.out_of_scope is not None:
        groups.append(("_out_of_scope", loaded.out_of_scope.examples))
    for slug, tenant in loaded.tenants.items():
        groups += [(f"{slug}/{intent_id}", override.extra_examples)
                   for intent_id, override in tenant.intent_overrides.items() if override.extra_examples]
        groups += [(f"{slug}/{intent.id}", intent.examples) for intent in tenant.extra_intents]
    return [(where, text) for where, examples in groups for text in (*examples.nl, *examples.en)]


def timings_us(texts: list[str], clock=time.perf_counter_ns) -> list[float]:
    found = []
    for text in texts:
        started = clock()
        crisis.detect(text)
        found.append((clock() - started) / 1000)
    return found


def summary(label: str, values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return f"{label}: mean {statistics.fmean(values):.1f} us, median {statistics.median(values):.1f} us, p99 {p99:.1f} us, max {ordered[-1]:.1f} us"


def import_ms() -> float:
    # What the module adds to a cold start: its own body (the standard library and the parent
    # packages are imported first, as the engine has them anyway).
    code = ("import re, typing, unicodedata, time, core.dialogue; t = time.process_time(); "
            "import core.dialogue.crisis; print((time.process_time() - t) * 1000)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return statistics.median(runs)


def main() -> None:
    texts = [text for _, text in knowledge_examples()]
    alarms = [(text, crisis.detect(text)) for text in texts]
    alarms = [(text, kind) for text, kind in alarms if kind]
    for path in sorted(BATCHES.glob("*.tsv")):
        print(batch_recall(path))
    print(real_question_alarms())
    print(f"{len(texts)} knowledge-base examples (mean {statistics.fmean(map(len, texts)):.0f} characters), "
          f"{len(alarms)} alarm(s): {alarms}")

    # Wall time (perf_counter) and this thread's CPU time (thread_time): on a busy machine the
    # wall time also counts the time other processes held the core.
    for clock_name, clock in (("wall", time.perf_counter_ns), ("cpu", time.thread_time_ns)):
        crisis._normal_words.clear()
        shuffled = random.Random(7).sample(texts, len(texts))
        print(summary(f"[{clock_name}] typical, first pass (empty word cache)", timings_us(shuffled, clock)))
        print(summary(f"[{clock_name}] typical, warm", timings_us(shuffled, clock) + timings_us(shuffled, clock)))
        rng = random.Random(11)
        long_texts = []
        for _ in range(300):
            text = ""
            while len(text) < LONG:
                text += rng.choice(texts) + ". "
            long_texts.append(text[:LONG])
        crisis._normal_words.clear()
        print(summary(f"[{clock_name}] {LONG} characters, first pass", timings_us(long_texts, clock)))
        print(summary(f"[{clock_name}] {LONG} characters, warm", timings_us(long_texts, clock) + timings_us(long_texts, clock)))
    print(f"import core.dialogue.crisis: {import_ms():.1f} ms CPU (median of 5 fresh interpreters)")


if __name__ == "__main__":
    main()

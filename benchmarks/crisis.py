"""How fast the crisis detection (the rules of core.dialogue.crisis, then the trained classifier
core.dialogue.distress where the rules are quiet) is, how much it finds, and how often it alarms.

- typical messages: every example question of knowledge/*.yaml and tenants/*.yaml (2,800
  questions of about 28 characters), once with an empty word cache (a fresh Lambda) and then warm
  (with the knowledge base's matcher loaded, as in a warm chat function: `core.known_words`);
- long messages: 300 texts of 1,000 characters, each a different run of examples;
- the module's own import time (a cold start pays it once), in a fresh interpreter;
- recall on the fresh batches of benchmarks/data/crisis/*.tsv (crisis phrasings written after the
  detector's last fixes, each measured before the fixes it led to), or on the TSV files given as
  arguments (`kind<TAB>message`, kind "none" for a message that must not alarm): per kind, by the
  rules alone and with the classifier; false alarms on their ordinary messages, on the real
  residents' messages of real_questions.tsv (in aggregate), the dev set and CLINC150's English
  test questions (the classifier never trained on these).

Run: .venv/bin/python benchmarks/crisis.py [FILE.tsv ...]   (`make bench-crisis [CRISIS_TSV=...]`;
results go to BENCHMARKS.md by hand). Only files given: only their figures.
"""
from __future__ import annotations

import csv
import gzip
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from adapters.kb_files import FileKnowledge
from balie_local.kb_tools import load_sources, read_labelled
from core.dialogue import crisis, distress

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


def found(text: str) -> tuple[list[str], str | None]:
    """(the rules' kinds, the classifier's kind where the rules are quiet) as the dialogue asks them."""
    rules = crisis.detect_all(text)
    return rules, (None if rules else distress.detect(text))


def batch_recall(path: Path) -> str:
    rows = batch_rows(path)
    crises = [(kind, *found(text)) for kind, text in rows if kind != "none"]
    if not crises:
        return f"{path.name}: no crisis rows"
    by_rules = sum(1 for _, rules, _ in crises if rules)
    alarmed = sum(1 for _, rules, model in crises if rules or model)
    right = sum(1 for kind, rules, model in crises if kind in rules or kind == model)
    per_kind = ", ".join(
        f"{kind} {sum(1 for k, rules, _ in crises if k == kind and rules)}->"
        f"{sum(1 for k, rules, model in crises if k == kind and (rules or model))}/{sum(1 for k, *_ in crises if k == kind)}"
        for kind in KINDS)
    ordinary = [found(text) for kind, text in rows if kind == "none"]
    rule_alarms = sum(1 for rules, _ in ordinary if rules)
    model_alarms = sum(1 for rules, model in ordinary if model)
    return (f"{path.name}: alarmed {by_rules} of {len(crises)} by the rules ({100 * by_rules / len(crises):.0f}%), "
            f"{alarmed} ({100 * alarmed / len(crises):.0f}%) with the classifier; {right} with the labelled kind "
            f"among the help given; per kind rules->both: {per_kind}; ordinary: {rule_alarms} + {model_alarms} "
            f"false alarm(s) (rules + classifier) of {len(ordinary)}")


def real_question_alarms() -> str:
    """Alarms on the real residents' messages, counted per part (the report part is only ever
    reported in aggregate)."""
    with (ROOT / "benchmarks" / "data" / "real_questions.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    counts = {split: [0, 0, 0] for split in sorted({row["split"] for row in rows})}
    for row in rows:
        rules, model = found(row["text"])
        counts[row["split"]][0] += 1
        counts[row["split"]][1] += bool(rules)
        counts[row["split"]][2] += model is not None
    return "real_questions.tsv: " + ", ".join(f"{split} part {rules} + {model} alarm(s) (rules + classifier) of {total}"
                                              for split, (total, rules, model) in counts.items())


def other_alarms() -> list[str]:
    """Alarms on the dev set and on CLINC150's English test questions (the classifier's training
    used a sample of CLINC150's training questions only)."""
    dev = [text for _, text in read_labelled(ROOT / "reference" / "spec" / "dev_questions.tsv")]
    with gzip.open(ROOT / "reference" / "data" / "clinc150" / "data_full.json.gz") as handle:
        clinc = json.load(handle)
    test = [text for split in ("test", "oos_test") for text, _ in clinc[split]]
    lines = []
    for name, texts in (("dev set", dev), ("CLINC150 test + oos_test", test)):
        results = [found(text) for text in texts]
        model = [text for text, (rules, kind) in zip(texts, results) if kind]
        lines.append(f"{name}: {sum(1 for rules, _ in results if rules)} + {len(model)} alarm(s) (rules + classifier) "
                     f"of {len(texts)}" + (f"; classifier: {model[:10]}" if name.startswith("CLINC") and model else ""))
    return lines


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


def timings_us(texts: list[str], clock=time.perf_counter_ns, detector=crisis.detect) -> list[float]:
    spent = []
    for text in texts:
        started = clock()
        detector(text)
        spent.append((clock() - started) / 1000)
    return spent


def both(text: str) -> str | None:
    """What a turn pays: the rules, then the classifier where they are quiet."""
    return crisis.detect(text) or distress.detect(text)


def summary(label: str, values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return f"{label}: mean {statistics.fmean(values):.1f} us, median {statistics.median(values):.1f} us, p99 {p99:.1f} us, max {ordered[-1]:.1f} us"


def import_ms(module: str, then: str = "None") -> float:
    # What the module adds to a cold start: its own body (the standard library and the parent
    # packages are imported first, as the engine has them anyway).
    code = ("import re, typing, unicodedata, time, zlib, json, array, core.dialogue; t = time.process_time(); "
            f"import {module}; {then}; print((time.process_time() - t) * 1000)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return statistics.median(runs)


def clear_caches() -> None:
    """As in a fresh Lambda: no word normalised or scored yet (the weights stay loaded)."""
    crisis._normal_words.clear()
    distress.load()._words.clear()


def main() -> None:
    given = [Path(arg) for arg in sys.argv[1:]]
    for path in given or sorted(BATCHES.glob("*.tsv")):
        print(batch_recall(path))
    if given:
        return
    texts = [text for _, text in knowledge_examples()]
    alarms = [(text, kind) for text in texts for kind in [crisis.detect(text)] if kind]
    model_alarms = [(text, kind) for text in texts for kind in [distress.detect(text)] if kind and not crisis.detect(text)]
    print(real_question_alarms())
    for line in other_alarms():
        print(line)
    print(f"{len(texts)} knowledge-base examples (mean {statistics.fmean(map(len, texts)):.0f} characters), "
          f"{len(alarms)} alarm(s) by the rules: {alarms}; {len(model_alarms)} by the classifier (trained on them: "
          f"see benchmarks/crisis_train.py for the cross-validated figure): {model_alarms}")

    # As in a warm chat function, whose knowledge is loaded: the crisis word cache keeps the words
    # its patterns spell out and the loaded knowledge's words only (core.known_words; any other word
    # is a resident's and is read once per message, session 15), so without the knowledge every
    # ordinary word would be normalised again in every message.
    FileKnowledge().get("voorbeeld").matcher.classify("paspoort")
    # Wall time (perf_counter) and this thread's CPU time (thread_time): on a busy machine the
    # wall time also counts the time other processes held the core.
    rng = random.Random(11)
    long_texts = []
    for _ in range(300):
        text = ""
        while len(text) < LONG:
            text += rng.choice(texts) + ". "
        long_texts.append(text[:LONG])
    shuffled = random.Random(7).sample(texts, len(texts))
    for label, detector in (("rules", crisis.detect), ("rules + classifier", both)):
        for clock_name, clock in (("wall", time.perf_counter_ns), ("cpu", time.thread_time_ns)):
            clear_caches()
            print(summary(f"[{label}, {clock_name}] typical, first pass (empty word caches)",
                          timings_us(shuffled, clock, detector)))
            print(summary(f"[{label}, {clock_name}] typical, warm",
                          timings_us(shuffled, clock, detector) + timings_us(shuffled, clock, detector)))
            clear_caches()
            print(summary(f"[{label}, {clock_name}] {LONG} characters, first pass", timings_us(long_texts, clock, detector)))
            print(summary(f"[{label}, {clock_name}] {LONG} characters, warm",
                          timings_us(long_texts, clock, detector) + timings_us(long_texts, clock, detector)))
    print(f"import core.dialogue.crisis: {import_ms('core.dialogue.crisis'):.1f} ms CPU; import core.dialogue.distress "
          f"and load its weights: {import_ms('core.dialogue.distress', 'core.dialogue.distress.load()'):.1f} ms CPU "
          f"(medians of 5 fresh interpreters)")


if __name__ == "__main__":
    main()

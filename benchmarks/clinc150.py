"""CLINC150 benchmark of the intent matcher (`make bench-clinc`).

Protocol "oos-threshold" of Larson et al. (EMNLP 2019): fit on `train` only (never
`oos_train`), choose the threshold on `val` + `oos_val`, report on `test` + `oos_test`.
An in-scope test query rejected as out of scope counts as wrong.

Prints one JSON line: in_scope_accuracy, oos_recall, p50_ms, p99_ms (per query, one core,
best of three passes; p99_first_pass_ms is the first pass on a fresh matcher), build_seconds,
artefact_bytes, cold_load_ms (a fresh process: read the artefact, load it and answer the
first question), threshold.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core.matcher import Matcher, TrainingConfig, train
from core.matcher.encoder import SmallEncoder

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / "reference" / "data" / "clinc150" / "data_full.json.gz"  # reference/README.md
OUT_OF_SCOPE_LABEL = "oos"
# The operating point: the threshold rejects this share of `oos_val`. The issue asks for
# >= 55% out-of-scope recall on test; 60% leaves room for the noise of 100 validation
# questions. (The product's own knowledge bases use cost-based thresholds instead.)
VALIDATION_OOS_RECALL = 0.60
# CLINC150 is English: the dense block of static word-piece embeddings (core/matcher/embedding.py)
# links paraphrases with no word in common; weight chosen on `val` (0.7-1.0 equally good).
EMBEDDING_WEIGHT = 1.0
# A small contextual encoder distilled from all-MiniLM-L6-v2 on the unlabelled `train`
# questions (benchmarks/build_clinc_student.py; core/matcher/encoder.py): word order and
# context, within the 2 ms budget. Weight chosen on `val` (0.25-0.5 equally good).
STUDENT = REPO / "benchmarks" / "data" / "clinc150_student.bin"
STUDENT_WEIGHT = 0.5

_COLD_LOAD = """
import sys, time
from pathlib import Path
from core.matcher import Matcher
start = time.perf_counter()
matcher = Matcher.from_bytes(Path(sys.argv[1]).read_bytes())
matcher.classify("how do i set an alarm")
print((time.perf_counter() - start) * 1000.0)
"""


def load(path: Path) -> dict[str, list[tuple[str, str]]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return {split: [(text, label) for text, label in rows] for split, rows in data.items()}


def label_or_none(label: str) -> str | None:
    return None if label == OUT_OF_SCOPE_LABEL else label


def cold_load_ms(artefact: bytes, runs: int = 3) -> float:
    """Best of a few fresh processes (imports excluded: the Lambda runtime pays them once)."""
    with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
        handle.write(artefact)
        handle.flush()
        times = [
            float(subprocess.run([sys.executable, "-c", _COLD_LOAD, handle.name], check=True, capture_output=True, text=True).stdout)
            for _ in range(runs)
        ]
    return min(times)


def query_latencies(matcher: Matcher, texts: list[str], passes: int = 3) -> dict[str, list[float]]:
    """Per-query time in ms, sorted: on a fresh matcher (cold typo caches) and best of
    `passes` (what the code costs without the scheduling noise of a shared machine)."""
    runs: list[list[float]] = []
    for _ in range(passes):
        times = []
        for text in texts:
            t0 = time.perf_counter()
            matcher.classify(text)
            times.append((time.perf_counter() - t0) * 1000.0)
        runs.append(times)
    return {"first": sorted(runs[0]), "best": sorted(min(column) for column in zip(*runs))}


def percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    data = load(args.data)

    start = time.perf_counter()
    built = train(
        data["train"],
        validation=[(text, label_or_none(label)) for text, label in data["val"] + data["oos_val"]],
        config=TrainingConfig(min_oos_recall=VALIDATION_OOS_RECALL, embedding_weight=EMBEDDING_WEIGHT,
                              encoder=SmallEncoder.from_file(STUDENT), encoder_weight=STUDENT_WEIGHT),
    )
    build_seconds = time.perf_counter() - start
    artefact = built.to_bytes()
    matcher = Matcher.from_bytes(artefact)

    in_scope_correct = sum(matcher.classify(text).intent == label for text, label in data["test"])
    oos_rejected = sum(matcher.classify(text).intent is None for text, _ in data["oos_test"])
    latencies = query_latencies(Matcher.from_bytes(artefact), [text for text, _ in data["test"] + data["oos_test"]])

    print(
        json.dumps(
            {
                "in_scope_accuracy": round(in_scope_correct / len(data["test"]), 4),
                "oos_recall": round(oos_rejected / len(data["oos_test"]), 4),
                "p50_ms": round(percentile(latencies["best"], 0.50), 3),
                "p99_ms": round(percentile(latencies["best"], 0.99), 3),
                "p99_first_pass_ms": round(percentile(latencies["first"], 0.99), 3),
                "build_seconds": round(build_seconds, 1),
                "artefact_bytes": len(artefact),
                "cold_load_ms": round(cold_load_ms(artefact), 1),
                "threshold": round(matcher.threshold, 4),
            }
        )
    )


if __name__ == "__main__":
    main()

"""Could the Dutch sentence encoder be a second net behind the crisis patterns? A measurement,
not run-time code: the option was tried and dropped (BENCHMARKS.md, "Crisis detector").

Each message and each of its clauses gets the encoder's sentence vector (core/matcher/subword.py,
the encoder the matcher ships), centred on the mean vector of the knowledge base's examples (the
raw vectors of any two Dutch sentences have a cosine above 0.9). Two second nets are scored:

- nearest crisis phrasings: the mean cosine of the 3 nearest crisis phrasings of
  tests/unit/test_crisis.py minus that of the 3 nearest ordinary messages (the knowledge base's
  examples and the test's ordinary messages; an example is never its own neighbour);
- a logistic regression on the vectors, crisis phrasings against ordinary messages, scored out
  of fold for the training messages (5 folds).

The alarms they would add are counted on fresh batch 7 (benchmarks/data/crisis/batch7.tsv), at
operating points from "many alarms" to "no false alarm" on the knowledge base's examples (out of
fold / leave-one-out), the project's dev set (reference/spec) and the real residents' messages
of real_questions.tsv (in aggregate). Run: .venv/bin/python benchmarks/crisis_semantic.py
"""
from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path

import numpy as np

from core.matcher.normalize import tokenize
from core.matcher.subword import dutch_encoder

ROOT = Path(__file__).resolve().parents[1]
CLAUSE_MARKS = re.compile(r"[.!?;,\n:]+")
NEIGHBOURS = 3


def module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[name] = loaded
    spec.loader.exec_module(loaded)
    return loaded


def units(text: str) -> list[str]:
    """The message and, when it has several, its clauses of two words or more."""
    clauses = [clause for clause in CLAUSE_MARKS.split(text) if len(tokenize(clause)) >= 2]
    return [text, *clauses] if len(clauses) > 1 else [text]


def logistic(x: np.ndarray, y: np.ndarray, steps: int = 500, l2: float = 0.25) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression by gradient descent (numpy only)."""
    weights, bias = np.zeros(x.shape[1]), 0.0
    balance = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    for _ in range(steps):
        gradient = (1 / (1 + np.exp(-(x @ weights + bias))) - y) * balance
        weights -= 0.5 * (x.T @ gradient / len(y) + l2 * weights / len(y))
        bias -= 0.5 * gradient.mean()
    return weights, bias


def main() -> None:
    tests = module("test_crisis_phrasings", ROOT / "tests" / "unit" / "test_crisis.py")
    bench = module("crisis_benchmark", ROOT / "benchmarks" / "crisis.py")
    encoder = dutch_encoder()
    crisis_texts = [*tests.SUICIDE, *tests.VIOLENCE, *tests.SEXUAL, *tests.DANGER, *tests.HOMELESS]
    knowledge = [text for _, text in bench.knowledge_examples()]
    ordinary_texts = knowledge + list(tests.ORDINARY)
    raw = [encoder.sentence(tokenize(text)) for text in knowledge]
    mean = np.mean(raw, axis=0)

    def vector(text: str) -> np.ndarray:
        centred = encoder.sentence(tokenize(text)) - mean
        return centred / max(float(np.linalg.norm(centred)), 1e-9)

    crisis_vectors = np.stack([vector(text) for text in crisis_texts])
    ordinary_vectors = np.stack([vector(text) for text in ordinary_texts])

    def nearest(text: str, own: int | None = None) -> float:
        best = -9.0
        for number, unit in enumerate(units(text)):
            v = vector(unit)
            to_ordinary = ordinary_vectors @ v
            if own is not None and number == 0:
                to_ordinary[own] = -9.0
            score = np.sort(crisis_vectors @ v)[-NEIGHBOURS:].mean() - np.sort(to_ordinary)[-NEIGHBOURS:].mean()
            best = max(best, float(score))
        return best

    x = np.vstack([crisis_vectors, ordinary_vectors])
    y = np.r_[np.ones(len(crisis_vectors)), np.zeros(len(ordinary_vectors))]
    folds = np.random.default_rng(0).integers(0, 5, len(y))
    out_of_fold = np.zeros(len(y))
    for fold in range(5):
        weights, bias = logistic(x[folds != fold], y[folds != fold])
        out_of_fold[folds == fold] = x[folds == fold] @ weights + bias
    weights, bias = logistic(x, y)

    def regression(text: str) -> float:
        return max(float(vector(unit) @ weights + bias) for unit in units(text))

    with (ROOT / "benchmarks" / "data" / "real_questions.tsv").open(encoding="utf-8") as handle:
        real = [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    with (ROOT / "reference" / "spec" / "dev_questions.tsv").open(encoding="utf-8") as handle:
        dev = [row["text"] for row in csv.DictReader(handle, delimiter="\t")]
    batch = bench.batch_rows(ROOT / "benchmarks" / "data" / "crisis" / "batch7.tsv")
    crises = [text for kind, text in batch if kind != "none"]
    ordinary_batch = [text for kind, text in batch if kind == "none"]
    print(f"batch 7: {len(crises)} crisis messages, {len(ordinary_batch)} ordinary; "
          f"knowledge base + test ordinary {len(ordinary_texts)}, real {len(real)}, dev {len(dev)}")
    for name, score, training, points in (
        ("nearest crisis phrasings", nearest, np.array([nearest(t, i) for i, t in enumerate(ordinary_texts)]),
         (0.0, 0.05, 0.08, 0.1, 0.15)),
        ("logistic regression", regression, out_of_fold[len(crisis_vectors):], (1.0, 2.0, 3.0, 4.0, 5.0)),
    ):
        crisis_scores = np.array([score(text) for text in crises])
        others = {"kb+ordinary": training, "real": np.array([score(t) for t in real]),
                  "dev": np.array([score(t) for t in dev]),
                  "batch 7 ordinary": np.array([score(t) for t in ordinary_batch])}
        print(f"{name}: highest score of an ordinary message " +
              ", ".join(f"{label} {values.max():.3f}" for label, values in others.items()))
        for point in points:
            alarms = crisis_scores >= point
            print(f"  at {point}: {int(alarms.sum())} of {len(crises)} crisis messages alarm; false alarms " +
                  ", ".join(f"{label} {int((values >= point).sum())}" for label, values in others.items()))


if __name__ == "__main__":
    main()

"""How build and query time of the intent matcher grow with the knowledge base.

Trains on about 1k, 15k and 100k CLINC150 examples (the 1k set is a stratified sample
of `train`; the 100k set repeats `train` with light word drops and swaps so the copies
are not identical) and times queries on `test` + `oos_test` (best of three passes per query). Prints one JSON line per size.

    .venv/bin/python benchmarks/scaling.py [--sizes 1000 15000 100000]
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from clinc150 import DEFAULT_DATA, label_or_none, load, percentile, query_latencies

from core.matcher import Matcher, train


def variant(text: str, rng: random.Random) -> str:
    words = text.split()
    if len(words) > 3 and rng.random() < 0.5:
        del words[rng.randrange(len(words))]
    elif len(words) > 1:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def sized(examples: list[tuple[str, str]], size: int, rng: random.Random) -> list[tuple[str, str]]:
    if size <= len(examples):
        by_intent: dict[str, list[tuple[str, str]]] = {}
        for example in examples:
            by_intent.setdefault(example[1], []).append(example)
        per_intent = max(1, size // len(by_intent))
        return [e for group in by_intent.values() for e in rng.sample(group, min(per_intent, len(group)))]
    grown = list(examples)
    while len(grown) < size:
        text, intent = examples[rng.randrange(len(examples))]
        grown.append((variant(text, rng), intent))
    return grown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 15000, 100000])
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    data = load(args.data)
    rng = random.Random(5)
    validation = [(text, label_or_none(label)) for text, label in data["val"] + data["oos_val"]]
    queries = [text for text, _ in (data["test"] + data["oos_test"])]
    queries = rng.sample(queries, min(args.queries, len(queries)))
    for size in args.sizes:
        examples = sized(data["train"], size, rng)
        start = time.perf_counter()
        artefact = train(examples, validation=validation).to_bytes()
        build_seconds = time.perf_counter() - start
        start = time.perf_counter()
        matcher = Matcher.from_bytes(artefact)
        load_ms = (time.perf_counter() - start) * 1000.0
        latencies = query_latencies(matcher, queries)["best"]
        print(
            json.dumps(
                {
                    "examples": len(examples),
                    "build_seconds": round(build_seconds, 1),
                    "artefact_bytes": len(artefact),
                    "load_ms": round(load_ms, 1),
                    "p50_ms": round(percentile(latencies, 0.5), 3),
                    "p99_ms": round(percentile(latencies, 0.99), 3),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()

"""`make bench-matcher`: what the knowledge base's matcher costs a question (issue 14's budget).

Loads tenant `voorbeeld`'s matcher artefact from src/kb_compiled/ (as a Lambda does) and times:
  load_ms           Matcher.from_bytes of the artefact, the first time in this process
  first_call_ms     the first classify after loading (lazy caches)
  short             questions of up to 30 words: the knowledge base's own examples (their
                    speed, not their answers, is measured)
  long_1000         messages of 1,000 characters: residents' stories of the tuning part of
                    benchmarks/data/real_questions.tsv strung together and cut at 1,000
Per group p50 / p99 / max in ms, both wall-clock and the thread's CPU time (the machine is
shared; CPU time is what one core spends). Targets: p99 <= 2 ms (short), <= 10 ms (1,000
characters), load <= 150 ms. One JSON line.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from adapters.kb_files import compiled_directory
from balie_local.kb_tools import read_real_questions
from core.kb.build import SHARED_FILE, SharedBase
from core.matcher import Matcher

ROUNDS = 3


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 3)


def timed(matcher: Matcher, texts: list[str]) -> dict[str, float]:
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(ROUNDS):
        for text in texts:
            started, started_cpu = time.perf_counter(), time.thread_time()
            matcher.classify(text)
            cpu.append((time.thread_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
    return {"count": len(texts), "p50_ms": percentile(wall, 0.5), "p99_ms": percentile(wall, 0.99),
            "max_ms": round(max(wall), 3), "cpu_p50_ms": percentile(cpu, 0.5), "cpu_p99_ms": percentile(cpu, 0.99)}


def long_messages(length: int = 1000) -> list[str]:
    stories = [q.text for q in read_real_questions() if q.split == "tune" and q.kind == "story"]
    messages = []
    for start in range(len(stories)):
        text = ""
        for story in stories[start:] + stories[:start]:
            text = f"{text} {story}".strip()
            if len(text) >= length:
                break
        messages.append(text[:length])
    return messages


def main() -> int:
    directory = compiled_directory()
    compiled = json.loads((directory / "voorbeeld.json").read_text(encoding="utf-8"))
    data = (directory / compiled["matcher"]["file"]).read_bytes()
    started = time.perf_counter()
    matcher = Matcher.from_bytes(data)
    load_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    matcher.classify("Goedemiddag, ik ga verhuizen en wil weten hoe ik mijn adres doorgeef")
    first_ms = (time.perf_counter() - started) * 1000
    shared = SharedBase.model_validate_json((directory / SHARED_FILE).read_text(encoding="utf-8"))
    short = [text for intent in shared.intents.values() for text in [*intent.examples.nl, *intent.examples.en]
             if len(text.split()) <= 30]
    print(json.dumps({
        "artefact_bytes": len(data), "load_ms": round(load_ms, 2), "first_call_ms": round(first_ms, 2),
        "short": timed(matcher, short), "long_1000": timed(matcher, long_messages()),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make eval`: how well tenant `voorbeeld` classifies reference/spec/dev_questions.tsv.

Prints aggregate figures only. The dev questions are a test set: nobody copies
them into examples (`balie kb check` refuses), and nobody tunes content against
individual misses, so this script never prints a question.

  top-1 accuracy      in-scope questions whose best intent is the label (after the threshold)
  top-3 recall        in-scope questions whose label is among the first three candidates
                      (the intent, then the alternatives; before the threshold)
  out-of-scope        '-' questions the bot rejects (intent null: it would fall back)
  wrongly rejected    in-scope questions the bot would fall back on
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from balie_local.kb_tools import read_labelled, reference_dir
from core.kb.compiled import TenantKnowledge

TARGETS = {"top1": 0.95, "top3": 0.99, "oos_rejected": 0.90}


@dataclass
class EvalResult:
    tenant: str
    in_scope: int
    out_of_scope: int
    top1: float
    top3: float
    oos_rejected: float
    wrongly_rejected: float
    unknown_labels: int
    mean_ms: float
    p95_ms: float


def evaluate(knowledge: TenantKnowledge, rows: list[tuple[str | None, str]]) -> EvalResult:
    in_scope = top1 = top3 = wrongly_rejected = out_of_scope = rejected = 0
    unknown_labels = 0
    timings: list[float] = []
    for label, text in rows:
        started = time.perf_counter()
        result = knowledge.matcher.classify(text)
        timings.append((time.perf_counter() - started) * 1000)
        if label is None:
            out_of_scope += 1
            rejected += result.intent is None
            continue
        if label not in knowledge.intents:
            unknown_labels += 1  # e.g. an intent the tenant switched off; counts as a miss
        in_scope += 1
        ranked = ([result.intent] if result.intent else []) + [alternative.intent for alternative in result.alternatives]
        top1 += result.intent == label
        top3 += label in ranked[:3]
        wrongly_rejected += result.intent is None
    timings.sort()
    return EvalResult(
        tenant=knowledge.slug,
        in_scope=in_scope,
        out_of_scope=out_of_scope,
        top1=top1 / in_scope if in_scope else 0.0,
        top3=top3 / in_scope if in_scope else 0.0,
        oos_rejected=rejected / out_of_scope if out_of_scope else 0.0,
        wrongly_rejected=wrongly_rejected / in_scope if in_scope else 0.0,
        unknown_labels=unknown_labels,
        mean_ms=statistics.fmean(timings) if timings else 0.0,
        p95_ms=timings[int(0.95 * (len(timings) - 1))] if timings else 0.0,
    )


def load_knowledge(tenant: str, kb: str | None) -> TenantKnowledge:
    if kb:
        from balie_local.kb_tools import DEFAULT_TENANTS_DIR, compile_tenant

        return compile_tenant(Path(kb), DEFAULT_TENANTS_DIR, tenant)
    from adapters.kb_files import FileKnowledge

    return FileKnowledge().get(tenant)


def report(result: EvalResult) -> str:
    def line(name: str, value: float, target: float | None) -> str:
        verdict = "" if target is None else ("  ok" if value >= target else f"  BELOW TARGET {target:.0%}")
        return f"{name:<28}{value:7.1%}{verdict}"

    lines = [
        f"dev set, tenant {result.tenant}: {result.in_scope} in-scope and {result.out_of_scope} out-of-scope questions",
        line("top-1 accuracy (in scope)", result.top1, TARGETS["top1"]),
        line("top-3 recall (in scope)", result.top3, TARGETS["top3"]),
        line("out of scope rejected", result.oos_rejected, TARGETS["oos_rejected"]),
        line("in scope wrongly rejected", result.wrongly_rejected, None),
        f"{'classification time':<28}{result.mean_ms:6.2f} ms mean, {result.p95_ms:.2f} ms p95",
    ]
    if result.unknown_labels:
        lines.append(f"note: {result.unknown_labels} question(s) are labelled with an intent this tenant lacks")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenant", default="voorbeeld")
    parser.add_argument("--kb", default=None, help="compile this knowledge directory in memory instead of src/kb_compiled/")
    parser.add_argument("--dev", default=None, help="labelled questions (default: reference/spec/dev_questions.tsv)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    dev = Path(args.dev) if args.dev else reference_dir() / "spec" / "dev_questions.tsv"
    result = evaluate(load_knowledge(args.tenant, args.kb), read_labelled(dev))
    print(json.dumps(asdict(result)) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

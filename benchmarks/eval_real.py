"""`make eval-real`: how tenant `voorbeeld` understands real residents' messages.

Reads benchmarks/data/real_questions.tsv (real messages from public sources, see
benchmarks/data/README.md) and prints one JSON line with the figures of each part
(`tune`: read while developing; `report`: only ever aggregated, never printed row by row)
each kind of message (`faq`: questions from FAQ pages and Q&A columns; `story`:
residents' own stories, letters, forum posts and quotes) and each length (`words_1_7`,
`words_8_14`, `words_15_up`, as issue 14 tabulates them). `batch1` repeats both parts' figures
(all rows and per kind) for the rows of the first batch only (the 164 + 165 rows of sessions 5-6),
so that figures stay comparable with those recorded before later batches were added.

Per part and kind:
  top1            in-scope rows the bot answers with the right intent (`intent` is the label
                  or one of `alt`); `intent` is set only when the policy says "answer"
  rank1           in-scope rows whose best guess is right, answered or not (the ranking alone)
  top3            in-scope rows whose label is among the first three ranked intents
                  (`intent` or, when it is null, the best guesses in `alternatives`)
  wrong           rows of all kinds the bot answers with a wrong intent (an out-of-scope
                  row answered with any intent counts as wrong)
  clarify         rows where the bot asks "Bedoelt u ...?"; `clarify_right`: of the
                  in-scope rows, those where one of the offered candidates is right
  no_answer       in-scope rows without an answer (clarify or reject)
  oos_rejected    out-of-scope rows the bot does not answer (intent null)
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from balie_local.kb_tools import REAL_QUESTIONS, RealQuestion, read_real_questions
from core.matcher import Classification

PARTS = ("tune", "report")
FIRST_BATCH = "1"
KINDS = ("faq", "story")
LENGTHS = {"words_1_7": (1, 7), "words_8_14": (8, 14), "words_15_up": (15, 10**9)}


def length_of(text: str) -> str:
    words = len(text.split())
    return next(name for name, (low, high) in LENGTHS.items() if low <= words <= high or name == "words_15_up")


def ranked(result: Classification) -> list[str]:
    return ([result.intent] if result.intent else []) + [alternative.intent for alternative in result.alternatives]


def figures(rows: list[tuple[RealQuestion, Classification]]) -> dict[str, float | int]:
    in_scope = [(q, r) for q, r in rows if q.intent is not None]
    out_of_scope = [(q, r) for q, r in rows if q.intent is None]

    def share(count: int, total: int) -> float:
        return round(count / total, 4) if total else 0.0

    top1 = sum(r.intent in q.accepted for q, r in in_scope)
    rank1 = sum(bool(ranked(r)[:1]) and ranked(r)[0] in q.accepted for q, r in in_scope)
    top3 = sum(bool(set(ranked(r)[:3]) & q.accepted) for q, r in in_scope)
    wrong = sum(r.intent is not None and r.intent not in q.accepted for q, r in rows)
    clarify = [(q, r) for q, r in rows if r.decision == "clarify"]
    clarify_right = sum(bool({c.intent for c in r.candidates} & q.accepted) for q, r in clarify if q.intent)
    return {
        "rows": len(rows),
        "in_scope": len(in_scope),
        "top1": share(top1, len(in_scope)),
        "rank1": share(rank1, len(in_scope)),
        "top3": share(top3, len(in_scope)),
        "wrong": share(wrong, len(rows)),
        "clarify": share(len(clarify), len(rows)),
        "clarify_right": share(clarify_right, len(in_scope)),
        "no_answer": share(sum(r.intent is None for _, r in in_scope), len(in_scope)),
        "oos_rejected": share(sum(r.intent is None for _, r in out_of_scope), len(out_of_scope)),
    }


def by_kind(rows: list[tuple[RealQuestion, Classification]]) -> dict[str, dict[str, float | int]]:
    return {"all": figures(rows)} | {kind: figures([(q, r) for q, r in rows if q.kind == kind]) for kind in KINDS}


def evaluate(classify, questions: list[RealQuestion]) -> dict:
    results = []
    timings = []
    for question in questions:
        started = time.perf_counter()
        results.append((question, classify(question.text)))
        timings.append((time.perf_counter() - started) * 1000)
    report: dict = {}
    for part in PARTS:
        rows = [(q, r) for q, r in results if q.split == part]
        report[part] = (
            by_kind(rows)
            | {length: figures([(q, r) for q, r in rows if length_of(q.text) == length]) for length in LENGTHS}
        )
    report["batch1"] = {part: by_kind([(q, r) for q, r in results if q.split == part and q.batch == FIRST_BATCH])
                        for part in PARTS}
    timings.sort()
    report["mean_ms"] = round(sum(timings) / len(timings), 3) if timings else 0.0
    return report


def details(classify, questions: list[RealQuestion]) -> None:
    """Row by row, for the tuning part only (the report part is never read row by row)."""
    for question in questions:
        if question.split != "tune":
            continue
        result = classify(question.text)
        verdict = "ok" if result.intent in question.accepted else ("WRONG" if result.intent else "-")
        guesses = ", ".join(f"{name}" for name in ranked(result)[:3])
        print(f"{verdict:5} {result.decision:7} {result.score:.2f} [{question.intent or '-'}] ({guesses}) {question.text[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenant", default="voorbeeld")
    parser.add_argument("--kb", default=None, help="compile this knowledge directory in memory instead of src/kb_compiled/")
    parser.add_argument("--questions", default=str(REAL_QUESTIONS))
    parser.add_argument("--details", action="store_true", help="print the tuning part row by row (never the report part)")
    parser.add_argument("--fit", action="store_true",
                        help="print the answer policy's cut-offs fitted on the tuning part (for KNOWLEDGE_BASE_CUT_OFFS)")
    args = parser.parse_args(argv)
    from eval_dev import load_knowledge  # the same loading as `make eval`

    knowledge = load_knowledge(args.tenant, args.kb)
    questions = read_real_questions(Path(args.questions))
    if args.details:
        details(knowledge.matcher.classify, questions)
        return 0
    if args.fit:
        from core.matcher.matcher import PolicyTargets, fit_policy

        known = frozenset(knowledge.matcher.intents)
        tune = [(q.text, q.accepted & known) for q in questions if q.split == "tune"]
        cut_offs = fit_policy(knowledge.matcher, tune, PolicyTargets())
        print(json.dumps(dict(zip(("answer", "part", "clarify"), (round(value, 4) for value in cut_offs)))))
        return 0
    print(json.dumps({"tenant": knowledge.slug} | evaluate(knowledge.matcher.classify, questions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

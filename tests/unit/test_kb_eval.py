"""benchmarks/eval_dev.py: the figures `make eval` prints."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from balie_local.kb_tools import compile_tenant

SMALL = Path(__file__).parent / "data" / "kb_small"
EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_dev.py"


def load_eval_module():
    spec = importlib.util.spec_from_file_location("eval_dev", EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_evaluate_counts_top1_top3_and_rejections() -> None:
    eval_dev = load_eval_module()
    knowledge = compile_tenant(SMALL / "knowledge", SMALL / "tenants", "alpha")
    rows = [
        ("paspoort", "ik wil graag mijn paspoort verlengen"),
        ("afvalkalender", "wanneer halen ze het afval op"),
        ("parkeervergunning", "ik wil een paspoort"),      # deliberately mislabelled: a top-1 miss
        ("veerpont", "hoe laat vaart de pont"),            # alpha has no ferry: counted as a miss
        (None, "wie heeft de tour de france gewonnen"),
        (None, "wat is de hoofdstad van frankrijk"),
    ]
    result = eval_dev.evaluate(knowledge, rows)
    assert (result.in_scope, result.out_of_scope, result.unknown_labels) == (4, 2, 1)
    assert result.top1 == 0.5
    assert 0.5 <= result.top3 <= 0.75
    assert result.oos_rejected == 1.0
    report = eval_dev.report(result)
    assert "top-1 accuracy" in report and "BELOW TARGET" in report
    assert "paspoort" not in report  # aggregate figures only, never a question

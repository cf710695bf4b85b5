"""The load run's correctness part, small and in process: 10 conversations of 5 turns
at once through the local stack's HTTP front; afterwards every conversation holds
exactly its turns, in order, none twice. The timed version is `make bench-load`
(benchmarks/load.py, 50 x 20 against `balie serve`); no timing is asserted here."""
from __future__ import annotations

import copy
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from balie_local import kb_tools
from balie_local.stack import LocalStack
from balie_local.template_resources import load_template

ROOT = Path(__file__).resolve().parents[2]
KB = ROOT / "tests" / "unit" / "data" / "kb_engine"
MONDAY_MORNING = "2026-11-30T10:00:00+01:00"  # alpha is open: the ordinary daytime path
ALPHA_ORIGIN = "https://www.alpha.example"
ALPHA_QUESTIONS = ("paspoort verlengen", "wat kost dat", "id kaart aanvragen", "parkeervergunning aanvragen",
                   "hoe lang duurt het")


def _load_driver() -> Any:
    spec = importlib.util.spec_from_file_location("balie_bench_load", ROOT / "benchmarks" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


load = _load_driver()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, start_local_stack: Any) -> Iterator[LocalStack]:
    compiled = tmp_path_factory.mktemp("kb_compiled")
    kb_tools.compile_all(KB / "knowledge", KB / "tenants", compiled)
    template = copy.deepcopy(load_template())
    template["Parameters"]["TenantSlugs"]["Default"] = "alpha,beta"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_DIR", str(compiled))
        patch.setenv("BALIE_NOW", MONDAY_MORNING)
        with start_local_stack(template=template, tenants=["alpha", "beta"], run_pollers=False) as running:
            yield running


def test_concurrent_conversations_keep_exactly_their_turns_in_order(stack: LocalStack) -> None:
    result = load.run_load(stack.url, tenant="alpha", conversations=10, turns=5, questions=ALPHA_QUESTIONS,
                           origin=ALPHA_ORIGIN)
    assert result.errors == []
    assert all(len(c.sent) == 5 for c in result.conversations)
    assert load.check_transcripts(stack.url, result, origin=ALPHA_ORIGIN) == []


def test_the_check_notices_a_lost_or_repeated_turn(stack: LocalStack) -> None:
    """The check itself must be able to fail: a transcript that lacks a turn, or holds
    one twice, is reported."""
    result = load.run_load(stack.url, tenant="alpha", conversations=2, turns=3, questions=ALPHA_QUESTIONS,
                           origin=ALPHA_ORIGIN)
    assert load.check_transcripts(stack.url, result, origin=ALPHA_ORIGIN) == []
    lost, repeated = result.conversations
    lost.sent.append("a turn the server never stored")
    repeated.sent.insert(1, repeated.sent[0])
    problems = load.check_transcripts(stack.url, result, origin=ALPHA_ORIGIN)
    assert len(problems) == 2 and all("stored" in problem for problem in problems)

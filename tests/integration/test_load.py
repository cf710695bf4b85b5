"""The load run's correctness part, small and in process: 10 conversations of 5 turns
at once through the local stack's HTTP front; afterwards every conversation holds
exactly its turns, in order, none twice. The timed version is `make bench-load`
(benchmarks/load.py, 50 x 20 against `balie serve`); no timing is asserted here."""
from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from balie_local.stack import LocalStack

ROOT = Path(__file__).resolve().parents[2]
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
def stack(engine_kb_stack: LocalStack) -> LocalStack:
    return engine_kb_stack


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


def test_concurrent_requests_of_two_tenants_are_never_mixed_up(stack: LocalStack) -> None:
    """The front serves requests on threads; every handler must still see its own event
    (a tiny thread switch interval makes a mix-up likely wherever one is possible)."""
    results: dict[str, Any] = {}

    def run(tenant: str) -> None:
        results[tenant] = load.run_load(stack.url, tenant=tenant, conversations=6, turns=3,
                                        questions=ALPHA_QUESTIONS)  # no Origin: not a browser

    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=run, args=(tenant,)) for tenant in ("alpha", "beta")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(previous)
    for tenant, result in results.items():
        assert result.errors == []
        assert all(c.conversation_id and c.conversation_id.startswith(tenant + ".") for c in result.conversations)
        assert load.check_transcripts(stack.url, result) == []

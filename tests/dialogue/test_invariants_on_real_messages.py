"""The held-out targets of issue 15 as invariants over `make eval-dialogue`'s messages, not only the scripted
scenarios (`test_scenarios.hold` applies `scripted.invariants` to every scenario turn): no crisis help without its
numbers, no "Bedoelt u ...?" with one option, no promise of a person when nobody is at work.

Each message of the real questions' tuning part and of the team's probes (benchmarks/data/dialogue_probes.tsv) is the
first message of a new conversation, at each clock of the suite (eval-dialogue itself runs on a Tuesday morning only,
where every promise of a person is true). The report part is left out: it is read only in aggregate."""
from __future__ import annotations

import pytest
from scripted import CLOCKS, DEFAULT_CLOCKS, invariants
from transports import MemoryConversation

from balie_local.kb_tools import REAL_QUESTIONS, read_real_questions

PROBES = REAL_QUESTIONS.parent / "dialogue_probes.tsv"
MESSAGES = [question.text for path in (REAL_QUESTIONS, PROBES) for question in read_real_questions(path)
            if question.split != "report"]


def test_the_messages_are_there() -> None:
    assert len(MESSAGES) >= 300


@pytest.mark.parametrize("clock", DEFAULT_CLOCKS)
def test_no_reply_to_a_real_message_breaks_an_invariant(clock: str, request: pytest.FixtureRequest,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", CLOCKS[clock])
    knowledge = request.getfixturevalue("knowledge")
    problems = []
    for number, message in enumerate(MESSAGES):
        conversation = MemoryConversation(knowledge, "voorbeeld", "web", None, f"real-{number}@{clock}")
        observed = conversation.turn(message, None, "")
        problems += [f"{message[:80]!r}: {problem} -> {observed.text[:160]!r}"
                     for problem in invariants(observed, clock)]
    assert not problems, "\n".join(problems)

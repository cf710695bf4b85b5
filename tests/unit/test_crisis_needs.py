"""The crisis rules' needed text (core.dialogue.crisis `_Rule.needs`, core.required_text): a rule
is not compiled for a text without it, so it must be in every text the rule matches.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier,
so changing it means retraining.)"""
from __future__ import annotations

from pathlib import Path

from core.dialogue import crisis
from core.dialogue.crisis import detect, normalise

CRISIS_DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "crisis"


def crisis_phrasings() -> list[str]:
    """The crisis batches and written training phrasings of benchmarks/data/crisis (both kinds:
    crisis and ordinary)."""
    texts = []
    for path in sorted(CRISIS_DATA.rglob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.append(line.split("\t", 1)[-1])
    return texts


def test_no_rule_matches_a_text_without_what_it_needs() -> None:
    rules = crisis._Index.built(needs=True).rules
    texts = [normalise(text) for text in crisis_phrasings()]
    matched = 0
    for rule in rules:
        assert rule.needs, rule.template
        for text in texts:
            if rule.pattern.search(text):
                matched += 1
                assert any(needed in text for needed in rule.needs), (rule.template, text, rule.needs)
    assert matched > len(texts) // 2


def test_the_stored_index_has_every_rules_needs() -> None:
    assert [rule.needs for rule in crisis._index().rules] == [rule.needs for rule in crisis._Index.built(needs=True).rules]


def test_an_ordinary_first_question_compiles_no_rule() -> None:
    """A cold start's first question: the rules its words trigger ("ik", "mijn") are not compiled
    when the text lacks what they need (each compile costs a fraction of a millisecond)."""
    crisis._index.cache_clear()
    try:
        assert detect("Hoe verleng ik mijn paspoort?") is None
        assert [rule.template for rule in crisis._index().rules if rule._pattern is not None] == []
    finally:
        crisis._index.cache_clear()


def test_a_rule_tried_often_is_compiled_after_all() -> None:
    """Looking for a rule's needs in every long text would cost more than its compiled pattern's
    quick failure: after NEEDS_ASKED looks the rule is compiled, and answers the same."""
    crisis._index.cache_clear()
    try:
        for _ in range(crisis.NEEDS_ASKED + 1):
            assert detect("Hoe verleng ik mijn paspoort?") is None
        assert any(rule._pattern is not None for rule in crisis._index().rules)
        assert detect("ik wil niet meer leven") == "suicide"
    finally:
        crisis._index.cache_clear()

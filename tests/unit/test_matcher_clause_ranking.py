"""A long message's intents ranked with its clauses (core.matcher.matcher.ranked_with_clauses): only the order of
the whole text's guesses changes, and the answer model judges the new first guess on the whole's own scores."""
from __future__ import annotations

import math

import numpy as np
import pytest

from core.matcher.answer import ANSWER_INPUTS, answer_inputs
from core.matcher.matcher import ranked_with_clauses


def test_a_clause_sure_of_an_intent_lifts_it_over_the_wholes_near_first() -> None:
    probabilities = np.array([
        [0.30, 0.25, 0.05, 0.40],  # the whole: three intents, then out of scope; intent 0 just ahead of intent 1
        [0.10, 0.80, 0.05, 0.05],  # the clause that asks: intent 1
        [0.20, 0.10, 0.10, 0.60],  # background
    ])
    row = ranked_with_clauses(probabilities, intent_count=3)
    assert int(np.argmax(row[:3])) == 1
    # The whole's probabilities are handed out again in the new order; out of scope is untouched.
    assert sorted(row[:3]) == sorted(probabilities[0, :3])
    assert row[1] == pytest.approx(0.30) and row[0] == pytest.approx(0.25) and row[3] == pytest.approx(0.40)


def test_clauses_that_agree_with_the_whole_keep_its_order() -> None:
    probabilities = np.array([
        [0.50, 0.30, 0.10, 0.10],
        [0.60, 0.30, 0.05, 0.05],
        [0.45, 0.40, 0.10, 0.05],
    ])
    assert np.array_equal(ranked_with_clauses(probabilities, intent_count=3), probabilities[0])


def test_a_far_first_guess_is_not_overturned_by_one_clause() -> None:
    # The whole's share (0.8) and its other clause outweigh a clause that is all for intent 1 (0.1 + 0.5 * 1.0).
    probabilities = np.array([
        [0.72, 0.09, 0.09, 0.10],
        [0.00, 1.00, 0.00, 0.00],
        [0.90, 0.05, 0.05, 0.00],
    ])
    assert int(np.argmax(ranked_with_clauses(probabilities, intent_count=3)[:3])) == 0


def test_the_answer_inputs_judge_the_given_intent_on_its_own_share_and_margin() -> None:
    probabilities = np.array([[0.5, 0.3, 0.1, 0.1]])
    judged = dict(zip(ANSWER_INPUTS, answer_inputs(probabilities, np.array([0.7]), 1.0, 3, 6, best=1)[0]))
    assert judged["intent_log_share"] == pytest.approx(math.log(0.3 / 0.9), abs=1e-6)
    assert judged["intent_margin"] == pytest.approx((0.3 - 0.5) / 0.9)  # behind the whole's first: negative
    first = answer_inputs(probabilities, np.array([0.7]), 1.0, 3, 6)
    assert np.array_equal(first, answer_inputs(probabilities, np.array([0.7]), 1.0, 3, 6, best=0))

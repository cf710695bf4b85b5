"""The answer model: how likely a whole message's best intent is right, from its ranking.

The per-text confidence (`Matcher._scores`) was fitted on the knowledge base's own held-out
examples: short questions written like the examples. On residents' long messages it does not
separate right from wrong first guesses: a story spreads its probability over the
out-of-scope class and many intents even when its best intent is right, so a cut-off that
keeps wrong answers out leaves most right first guesses unanswered. The answer model looks
at the message as a whole instead: the whole text's ranking (its confidence, the best
intent's share and margin among the intents only, the out-of-scope share), how many of its
clauses rank the same intent first and how confident the best of those is, the number of
clauses, the length, and the share of words the knowledge base knows. It is a logistic model
whose coefficients are fitted offline (`benchmarks/fit_answer_model.py`: cross-validated
held-out knowledge-base examples, long messages composed from them, and the tuning part of
the real residents' messages) and kept as constants in code with the cut-offs fitted with it.

Short questions and long stories get a model each (`AnswerBand`, by the number of words):
the same inputs mean different things at either length (a story's whole text is never as
confident as a question's, and a story whose clauses agree is a better sign than a short
question's single clause), and one model with one cut-off spent the whole wrong-answer
budget on short questions, so that it answered no story at all.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .learning import LogisticModel

ANSWER_INPUTS = (
    "confidence_logit",  # the whole text's per-text confidence, as a log-odds
    "intent_log_share",  # log of the best intent's probability among the intents only
    "intent_margin",  # best minus second intent, among the intents only
    "out_of_scope_probability",  # the out-of-scope class's probability of the whole text
    "clause_support",  # share of the clauses whose best intent is the whole's (1: one clause)
    "clause_confidence",  # the best per-text confidence of those clauses (the whole's: one clause)
    "log_clauses",
    "log_words",
    "coverage",  # share of the content words the knowledge base knows
    # The sentence encoder's evidence for the best intent (centroid mode; 0 without it): the cosine of
    # the whole text to the intent's nearest example, and its margin over the nearest example of any
    # other class (out of scope included). Near one example is a sign the centroids do not give.
    "nearest_example_cosine",
    "nearest_example_margin",
)


@dataclass(frozen=True, slots=True)
class AnswerBand:
    """The answer model of messages of at least `min_words` words (up to the next band's) and
    its cut-offs on its probability: "answer" from `answer`, "Bedoelt u ...?" from `clarify`,
    else out of scope."""

    model: LogisticModel
    answer: float
    clarify: float
    min_words: int = 0


@dataclass(frozen=True, slots=True)
class AnswerPolicy:
    """The answer models by length, shortest first (the first band starts at 0 words). For a
    knowledge base of at least `min_intents` intents (the models were fitted on one of the
    shared base's size)."""

    bands: tuple[AnswerBand, ...]
    min_intents: int = 30
    # Each clause of a longer message is "clarify" from this per-text confidence (the matcher's
    # `clarify_threshold`; None: the first band's clarify cut-off). Kept apart from the bands' cut-offs on
    # the whole message's probability, so that a band's can move without moving how each clause of a
    # story is read (a second topic offered from a clause).
    clause_clarify: float | None = None

    def __post_init__(self) -> None:
        starts = [band.min_words for band in self.bands]
        if not starts or starts[0] != 0 or starts != sorted(set(starts)):
            raise ValueError(f"answer bands must start at 0 words and rise: {starts}")

    def band(self, words: int) -> AnswerBand:
        """The band of a message of this many words (of its text without greeting and signature)."""
        return next(band for band in reversed(self.bands) if words >= band.min_words)


def answer_inputs(probabilities: np.ndarray, confidence: np.ndarray, coverage: float, intent_count: int,
                  words: int, nearest: tuple[float, float] = (0.0, 0.0), best: int | None = None) -> np.ndarray:
    """One row of ANSWER_INPUTS for a message whose units (the whole text first, then its
    clauses if it has several) have these probabilities over the classes (intents, then out
    of scope if the matcher has that class) and per-text confidences; `nearest` is the best
    intent's nearest-example cosine and margin (`ExampleVectors.nearest`). `best` is the intent
    judged (the whole text's most probable one if not given; the matcher's ranking with the
    clauses may put another first): its share and its margin over the most probable other one."""
    whole = probabilities[0]
    intents = whole[:intent_count]
    share = float(intents.sum()) or 1.0
    best = int(np.argmax(intents)) if best is None else best
    second = float(np.delete(intents, best).max()) if intent_count > 1 else 0.0
    sure = min(max(float(confidence[0]), 1e-6), 1 - 1e-6)
    clause_count = len(probabilities) - 1
    if clause_count >= 2:
        agreeing = probabilities[1:, :intent_count].argmax(axis=1) == best
        support = float(agreeing.mean())
        clause_confidence = float(confidence[1:][agreeing].max()) if agreeing.any() else 0.0
    else:
        clause_count, support, clause_confidence = 1, 1.0, float(confidence[0])
    return np.array([[
        math.log(sure / (1 - sure)),
        math.log(float(intents[best]) / share + 1e-9),
        (float(intents[best]) - second) / share,
        float(whole[intent_count:].sum()),
        support,
        clause_confidence,
        math.log(clause_count),
        math.log(1 + words),
        coverage,
        *nearest,
    ]])

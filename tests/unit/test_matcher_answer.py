"""The answer model of a whole message (core.matcher.answer) and the three zones it decides."""
from __future__ import annotations

import json
import math
import struct
from dataclasses import replace

import numpy as np
import pytest

from core.matcher import Matcher, TrainingConfig, decide, train, train_knowledge_base
from core.matcher.answer import ANSWER_INPUTS, AnswerBand, AnswerPolicy, answer_inputs
from core.matcher.matcher import KNOWLEDGE_BASE_ANSWER_POLICY, LONG_MESSAGE_WORDS, ExampleVectors, knowledge_base_config

EXAMPLES = [
    *[(text, "paspoort") for text in [
        "paspoort aanvragen", "mijn paspoort is verlopen", "nieuw paspoort nodig voor vakantie",
        "hoe lang is een paspoort geldig", "wat kost een paspoort", "paspoort verlengen", "ik ben mijn paspoort kwijt",
        "kinderpaspoort aanvragen voor mijn dochter", "waar haal ik mijn nieuwe paspoort op",
        "moet ik een afspraak maken voor een paspoort"]],
    *[(text, "afvalkalender") for text in [
        "wanneer wordt het afval opgehaald", "ophaaldagen van de vuilnis", "mijn container is niet geleegd",
        "wanneer komt de vuilniswagen", "afvalkalender", "welke dag wordt het plastic opgehaald",
        "de groene bak is vergeten", "wanneer wordt het gft opgehaald", "ophaalschema afval", "is de vuilnis verschoven door de feestdag"]],
    *[(text, "huwelijk") for text in [
        "ik wil trouwen", "trouwen op het stadhuis", "huwelijk aankondigen", "wat kost trouwen bij de gemeente",
        "getuigen voor ons huwelijk", "we willen gaan trouwen, hoe regel ik dat", "trouwdatum vastleggen",
        "melding voorgenomen huwelijk", "trouwambtenaar kiezen", "gratis trouwen op maandag"]],
    *[(text, "parkeervergunning") for text in [
        "parkeervergunning aanvragen", "bewonersvergunning parkeren", "wat kost een parkeervergunning",
        "nieuwe auto op mijn parkeervergunning zetten", "bezoekersvergunning parkeren", "parkeervergunning opzeggen",
        "hoe lang is de wachtlijst voor een parkeervergunning", "tweede parkeervergunning", "parkeervergunning verlengen",
        "kenteken wijzigen parkeervergunning"]],
]
OUT_OF_SCOPE = ["wat is het weer morgen", "vertel een mop", "hoe laat is het", "recept voor pannenkoeken",
                "wie wint de eredivisie", "hoe laat gaat de trein", "wat kost een vliegticket"]


@pytest.fixture(scope="module")
def answering_matcher() -> Matcher:
    """A small knowledge base trained as the shared base is, with the answer model on (the
    shared base's policy holds from 30 intents; this one has four)."""
    policy = KNOWLEDGE_BASE_ANSWER_POLICY
    config = knowledge_base_config()
    small = replace(policy, min_intents=0)
    return train(EXAMPLES, oos_examples=OUT_OF_SCOPE,
                 config=TrainingConfig(encoder=config.encoder, encoder_weight=config.encoder_weight,
                                       encoder_mode=config.encoder_mode, cut_offs=config.cut_offs, answer_policy=small))


def test_one_clause_supports_itself() -> None:
    probabilities = np.array([[0.7, 0.2, 0.1]])  # two intents, then out of scope
    row = dict(zip(ANSWER_INPUTS, answer_inputs(probabilities, np.array([0.8]), coverage=0.5, intent_count=2, words=6)[0]))
    assert row["clause_support"] == 1.0 and row["clause_confidence"] == pytest.approx(0.8)
    assert row["log_clauses"] == 0.0 and row["log_words"] == pytest.approx(math.log(7))
    assert row["intent_log_share"] == pytest.approx(math.log(0.7 / 0.9), abs=1e-6)
    assert row["intent_margin"] == pytest.approx(0.5 / 0.9)
    assert row["out_of_scope_probability"] == pytest.approx(0.1)
    assert row["confidence_logit"] == pytest.approx(math.log(0.8 / 0.2))


def test_clause_support_counts_the_clauses_that_rank_the_whole_messages_intent_first() -> None:
    probabilities = np.array([
        [0.6, 0.3, 0.1],  # the whole: intent 0
        [0.7, 0.2, 0.1],  # agrees, confidence 0.5
        [0.1, 0.8, 0.1],  # disagrees, confidence 0.99 (not counted)
        [0.5, 0.4, 0.1],  # agrees, confidence 0.9
        [0.2, 0.1, 0.7],  # out of scope first, intent 0 best among the intents: agrees, confidence 0.1
    ])
    confidence = np.array([0.6, 0.5, 0.99, 0.9, 0.1])
    row = dict(zip(ANSWER_INPUTS, answer_inputs(probabilities, confidence, coverage=1.0, intent_count=2, words=40)[0]))
    assert row["clause_support"] == pytest.approx(0.75)
    assert row["clause_confidence"] == pytest.approx(0.9)
    assert row["log_clauses"] == pytest.approx(math.log(4))
    nobody = dict(zip(ANSWER_INPUTS, answer_inputs(probabilities[[0, 2]], confidence[[0, 2]], 1.0, 2, 10)[0]))
    assert nobody["clause_confidence"] == pytest.approx(0.6)  # one clause: the whole's own


def test_the_shared_bases_policy_leans_on_the_confidence_of_the_whole_and_of_its_best_clause() -> None:
    for band in KNOWLEDGE_BASE_ANSWER_POLICY.bands:
        coef = dict(zip(ANSWER_INPUTS, band.model.coef))
        assert coef["clause_confidence"] > 0 and coef["confidence_logit"] > 0
        assert 0 < band.clarify < band.answer < 1


def test_questions_and_stories_have_a_model_each() -> None:
    policy = KNOWLEDGE_BASE_ANSWER_POLICY
    question, story = policy.band(LONG_MESSAGE_WORDS - 1), policy.band(LONG_MESSAGE_WORDS)
    assert policy.band(0) is question and policy.band(500) is story and question is not story
    assert story.min_words == LONG_MESSAGE_WORDS and story.answer < question.answer  # a story is never as sure


@pytest.mark.parametrize("starts", [(), (5,), (0, 20, 20), (0, 30, 20)])
def test_bands_start_at_zero_words_and_rise(starts: tuple[int, ...]) -> None:
    model = KNOWLEDGE_BASE_ANSWER_POLICY.bands[0].model
    with pytest.raises(ValueError):
        AnswerPolicy(tuple(AnswerBand(model, 0.9, 0.4, start) for start in starts))


def test_a_long_story_whose_every_clause_agrees_is_answered(answering_matcher: Matcher) -> None:
    story = ("Goedemiddag. Mijn paspoort is verlopen en over drie weken gaan we op vakantie. "
             "Ik heb al gekeken maar ik weet niet hoe ik een nieuw paspoort aanvraag. "
             "Moet ik daarvoor een afspraak maken? Met vriendelijke groet, Ellen")
    result = answering_matcher.classify(story)
    assert result.decision == "answer" and result.intent == "paspoort"
    assert answering_matcher.answer_band(story).min_words == LONG_MESSAGE_WORDS
    assert result.score >= answering_matcher.answer_band(story).answer


def test_a_message_whose_clauses_disagree_is_not_answered_as_one_topic(answering_matcher: Matcher) -> None:
    message = ("Mijn paspoort is verlopen. De vuilniswagen is vergeten onze container te legen. "
               "We willen volgend jaar trouwen. Ik wil een parkeervergunning voor mijn nieuwe auto.")
    result = answering_matcher.classify(message)
    assert result.decision != "answer" and result.intent is None
    assert len({part.classification.alternatives[0].intent if part.classification.intent is None
                else part.classification.intent for part in result.parts}) >= 3  # the clauses keep their own topics


@pytest.mark.parametrize("text", ["mijn paspoort is verlopen, hoe vraag ik een nieuwe aan", "wanneer wordt het gft opgehaald",
                                  "hoe laat is het", "vertel een mop", "trouwen of parkeren", "ik heb een vraag over de gemeente"])
def test_the_decision_is_the_zone_of_the_answer_models_score(answering_matcher: Matcher, text: str) -> None:
    result = answering_matcher.classify(text)
    band = answering_matcher.answer_band(text)
    assert band is answering_matcher.answer_band("trouwen")  # all of these are questions, not stories
    assert result.decision == decide(result.score, band.answer, band.clarify) or (
        result.decision == "clarify" and answering_matcher.is_short(text))  # a word or two: stricter
    assert (result.intent is not None) == (result.decision == "answer")
    if result.decision == "clarify":
        assert 1 <= len(result.candidates) <= 3
    ranked = ([result.intent] if result.intent else []) + [alternative.intent for alternative in result.alternatives]
    assert len(ranked) == len(set(ranked))


def test_the_three_zones() -> None:
    policy = KNOWLEDGE_BASE_ANSWER_POLICY.bands[0]
    assert decide(policy.answer, policy.answer, policy.clarify) == "answer"
    assert decide(np.nextafter(policy.answer, 0.0), policy.answer, policy.clarify) == "clarify"
    assert decide(policy.clarify, policy.answer, policy.clarify) == "clarify"
    assert decide(np.nextafter(policy.clarify, 0.0), policy.answer, policy.clarify) == "reject"


def test_out_of_scope_is_rejected(answering_matcher: Matcher) -> None:
    assert answering_matcher.classify("wat wordt het weer morgen").decision != "answer"


def test_the_artefact_keeps_the_answer_model(answering_matcher: Matcher) -> None:
    loaded = Matcher.from_bytes(answering_matcher.to_bytes())
    text = "Hallo, ik wil trouwen met mijn vriendin. Hoe regelen we dat bij de gemeente? Groet, Tom"
    assert loaded.classify(text) == answering_matcher.classify(text)
    assert np.allclose(loaded.answer_inputs(text), answering_matcher.answer_inputs(text))


def test_an_artefact_built_before_the_bands_keeps_its_one_model(answering_matcher: Matcher) -> None:
    data = answering_matcher.to_bytes()
    (length,) = struct.unpack_from("<I", data, 8)
    header = json.loads(data[12 : 12 + length])
    start = 12 + length + (-(12 + length) % 8)
    first = header.pop("answer_bands")[0]
    header |= {"answer_model": first["model"], "threshold": first["answer"], "clarify_threshold": first["clarify"]}
    encoded = json.dumps(header).encode("utf-8")
    prefix = data[:8] + struct.pack("<I", len(encoded)) + encoded
    old = Matcher.from_bytes(prefix + b"\0" * (-len(prefix) % 8) + data[start:])
    story = ("Goedemiddag. Mijn paspoort is verlopen en over drie weken gaan we op vakantie. "
             "Ik heb al gekeken maar ik weet niet hoe ik een nieuw paspoort aanvraag. Moet ik daarvoor een afspraak maken?")
    band = old.answer_band(story)
    assert band is old.answer_band("paspoort") and (band.answer, band.clarify, band.min_words) == (first["answer"], first["clarify"], 0)
    assert np.allclose(band.model.coef, first["model"]["coef"])
    assert old.classify("mijn paspoort is verlopen").score == answering_matcher.classify("mijn paspoort is verlopen").score


def test_a_small_knowledge_base_keeps_the_per_text_policy() -> None:
    matcher = train_knowledge_base(EXAMPLES, OUT_OF_SCOPE)  # four intents: below the policy's min_intents
    assert matcher.answer_band("paspoort aanvragen") is None
    assert matcher.threshold != KNOWLEDGE_BASE_ANSWER_POLICY.bands[0].answer


# -- the nearest example (ExampleVectors): the encoder's evidence for the best intent -----------------

def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_the_nearest_example_of_the_best_class_and_its_margin_over_the_nearest_of_another() -> None:
    vectors = np.stack([_unit(1, 0, 0), _unit(1, 1, 0), _unit(0, 1, 0), _unit(0, 0, 1)])
    examples = ExampleVectors.of(vectors, np.array([0, 0, 1, 2]), class_count=3)
    cosine, margin = examples.nearest(_unit(1, 0.2, 0), best=0)
    assert cosine == pytest.approx(float(_unit(1, 0.2, 0) @ _unit(1, 0, 0)), abs=0.01)
    assert margin == pytest.approx(cosine - float(_unit(1, 0.2, 0) @ _unit(0, 1, 0)), abs=0.01) and margin > 0
    other_cosine, other_margin = examples.nearest(_unit(1, 0.2, 0), best=1)
    assert other_margin == pytest.approx(-margin, abs=0.01) and other_cosine < cosine  # the wrong class: below zero


def test_no_evidence_from_a_zero_vector_or_a_class_without_examples() -> None:
    vectors = np.stack([_unit(1, 0), _unit(0, 1)])
    examples = ExampleVectors.of(vectors, np.array([0, 2]), class_count=3)  # class 1 has no example the encoder reads
    assert examples.nearest(np.zeros(2, np.float32), best=0) == (0.0, 0.0)
    assert examples.nearest(_unit(1, 0), best=1) == (0.0, 0.0)
    lonely = ExampleVectors.of(vectors[:1], np.array([0]), class_count=1)
    assert lonely.nearest(_unit(1, 0), best=0) == pytest.approx((1.0, 1.0), abs=0.01)  # no other class: the cosine


def test_the_cosines_of_the_int8_rows_block_by_block_are_those_of_the_whole_matrix() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(ExampleVectors.CHUNK_ROWS * 2 + 5, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    examples = ExampleVectors.of(vectors, np.arange(len(vectors)) % 3, class_count=3)
    query = _unit(1, 0.5, 0, 0, 0.2, 0, 0, 0.1)
    whole = (examples.codes.astype(np.float32) @ query) * examples.scale
    assert np.allclose(examples._cosines(query), whole, atol=1e-6)  # the last, shorter block included
    assert np.allclose(examples._cosines(query), vectors[np.argsort(np.arange(len(vectors)) % 3, kind="stable")] @ query,
                       atol=0.02)  # int8 rows: within the quantisation error


def test_the_answer_inputs_carry_the_nearest_example_of_the_messages_best_intent(answering_matcher: Matcher) -> None:
    close = dict(zip(ANSWER_INPUTS, answering_matcher.answer_inputs("ik wil graag een nieuw paspoort aanvragen")[0]))
    assert close["nearest_example_cosine"] > 0.5 and close["nearest_example_margin"] > 0
    english = dict(zip(ANSWER_INPUTS, answering_matcher.answer_inputs("I want to apply for a new passport")[0]))
    assert english["nearest_example_cosine"] == 0.0 and english["nearest_example_margin"] == 0.0  # the encoder is Dutch
    scorer = answering_matcher._scorer
    vector = scorer.sentence(scorer.analyzer.analyse("ik wil graag een nieuw paspoort aanvragen"))
    wrong = answering_matcher.intents.index("afvalkalender")
    assert scorer.examples.nearest(vector, wrong)[1] < 0  # the margin of a wrong intent is negative


def test_the_artefact_keeps_the_example_vectors_compact(answering_matcher: Matcher) -> None:
    loaded = Matcher.from_bytes(answering_matcher.to_bytes())
    examples = loaded._scorer.examples
    assert examples.codes.dtype == np.int8 and examples.codes.shape[0] == len(EXAMPLES) + len(OUT_OF_SCOPE)
    assert np.array_equal(examples.starts, answering_matcher._scorer.examples.starts)


def test_an_artefact_built_before_the_nearest_example_answers_with_its_nine_inputs(answering_matcher: Matcher) -> None:
    data = answering_matcher.to_bytes()
    (length,) = struct.unpack_from("<I", data, 8)
    header = json.loads(data[12 : 12 + length])
    start = 12 + length + (-(12 + length) % 8)
    for name in ("example_vectors", "example_scale", "example_starts"):
        header["arrays"].pop(name)
    nine = ANSWER_INPUTS.index("nearest_example_cosine")
    for band in header["answer_bands"]:
        band["model"] = {key: value[:nine] if isinstance(value, list) else value for key, value in band["model"].items()}
    encoded = json.dumps(header).encode("utf-8")
    prefix = data[:8] + struct.pack("<I", len(encoded)) + encoded
    old = Matcher.from_bytes(prefix + b"\0" * (-len(prefix) % 8) + data[start:])
    assert old._scorer.examples is None
    text = "mijn paspoort is verlopen, hoe vraag ik een nieuwe aan"
    inputs = old.answer_inputs(text)
    assert not inputs[0, nine:].any()
    band = old.answer_band(text)
    assert band.model.coef.size == nine
    assert old.classify(text).score == pytest.approx(float(band.model.predict(inputs[:, :nine])[0]), abs=1e-4)


def test_the_best_intent_is_the_one_classify_ranks_first(answering_matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """`best_intent` (what fit_answer_model.py counts as right or wrong) follows the ranking with the clauses."""
    from core.matcher import matcher as matcher_module

    def least_likely_first(probabilities: np.ndarray, intent_count: int) -> np.ndarray:
        row = probabilities[0].copy()
        row[np.argsort(probabilities[0, :intent_count], kind="stable")] = np.sort(probabilities[0, :intent_count])[::-1]
        return row

    text = "We willen trouwen. Mijn paspoort is verlopen. Hoe lang duurt het aanvragen van een nieuw paspoort?"
    assert answering_matcher.best_intent(text) == "paspoort"
    monkeypatch.setattr(matcher_module, "ranked_with_clauses", least_likely_first)
    result = answering_matcher.classify(text)
    first = result.intent or result.alternatives[0].intent
    assert first != "paspoort"
    assert answering_matcher.best_intent(text) == first



def test_each_clause_keeps_its_own_clarify_cut_off_whatever_the_bands_say() -> None:
    """A clause's zone steers the dialogue (a second topic offered, a follow-up), so the bands' clarify cut-offs on
    the whole message's probability may move without moving it (they moved together before session 18)."""
    policy = KNOWLEDGE_BASE_ANSWER_POLICY
    assert policy.clause_clarify is not None
    lower = replace(policy, min_intents=0, bands=tuple(replace(band, clarify=band.clarify / 2) for band in policy.bands))
    config = knowledge_base_config()
    matcher = train(EXAMPLES, oos_examples=OUT_OF_SCOPE,
                    config=TrainingConfig(encoder=config.encoder, encoder_weight=config.encoder_weight,
                                          encoder_mode=config.encoder_mode, cut_offs=config.cut_offs, answer_policy=lower))
    assert matcher.clarify_threshold == policy.clause_clarify
    assert matcher.answer_band("trouwen").clarify == policy.bands[0].clarify / 2

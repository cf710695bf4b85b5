"""The Dutch subword encoder (core.matcher.subword) and how the knowledge base's matcher uses it."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from core.matcher import TrainingConfig, train, train_knowledge_base
from core.matcher.matcher import KNOWLEDGE_BASE_CUT_OFFS, CutOffs, SHORT_CONTENT_WORDS, is_short
from core.matcher.normalize import tokenize
from core.matcher.subword import MAX_GRAM, MIN_GRAM, SubwordEncoder, dutch_encoder, token_subwords

REFERENCE = Path(__file__).parent / "data" / "nl_subword_reference.json"


def naive_sentence(encoder: SubwordEncoder, tokens: list[str]) -> np.ndarray:
    """The forward pass written out token by token, without the vectorised pooling."""
    table = encoder._table.astype(np.float64) * encoder._table_scale[:, None].astype(np.float64)
    token_vectors, importances = [], []
    for token in tokens:
        ids = list(token_subwords(token, encoder.buckets))
        token_vectors.append(sum(table[i] for i in ids) / len(ids))
        importances.append(sum(float(encoder._importance[i]) for i in ids) / len(ids))
    weights = np.exp(np.array(importances) - max(importances))
    pooled = sum(w * v for w, v in zip(weights, token_vectors)) / weights.sum()
    out = pooled @ encoder._out_weight.astype(np.float64) + encoder._out_bias
    return out / np.linalg.norm(out)


def test_the_committed_encoder_gives_its_stored_reference_vectors() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    encoder = dutch_encoder()
    assert len(encoder.to_bytes()) == reference["encoder_bytes"]
    for text, vector in reference["vectors"].items():
        assert np.allclose(encoder.sentence(tokenize(text)), np.asarray(vector, np.float32), atol=1e-5), text


@pytest.mark.parametrize("text", ["Hoe vraag ik een nieuw paspoort aan?", "trouwceremonie", "mijn kliko is kapot x2"])
def test_the_vectorised_forward_pass_equals_a_token_by_token_loop(text: str) -> None:
    encoder = dutch_encoder()
    assert np.allclose(encoder.sentence(tokenize(text)), naive_sentence(encoder, tokenize(text)), atol=1e-5)


def test_subwords_are_the_whole_token_then_its_character_grams() -> None:
    ids = token_subwords("naam", 1 << 20)
    grams = sum(len("<naam>") - size + 1 for size in range(MIN_GRAM, MAX_GRAM + 1))
    assert len(ids) == 1 + grams
    assert token_subwords("naam", 1 << 20) == ids  # pure: the build script and run time agree


@pytest.mark.parametrize(
    ("unseen", "related", "unrelated"),
    [
        ("trouwceremonie", "ik wil trouwen", "paspoort aanvragen"),  # a compound the examples do not use
        ("afvalinzameling", "wanneer komt de vuilniswagen", "paspoort aanvragen"),  # a formal term
        ("truwen", "trouwen", "paspoort aanvragen"),  # a misspelling
    ],
)
def test_compounds_formal_terms_and_misspellings_land_near_their_meaning(unseen: str, related: str, unrelated: str) -> None:
    encoder = dutch_encoder()
    vector = encoder.sentence(tokenize(unseen))
    assert vector @ encoder.sentence(tokenize(related)) > vector @ encoder.sentence(tokenize(unrelated)) + 0.05


def test_no_tokens_give_a_zero_vector() -> None:
    assert not dutch_encoder().sentence([]).any()


def test_a_bad_file_is_refused() -> None:
    with pytest.raises(ValueError, match="magic"):
        SubwordEncoder(b"NOTANENC" + b"\0" * 64)


EXAMPLES = [
    *[(text, "huwelijk") for text in ["ik wil trouwen", "trouwen op het stadhuis", "huwelijk aankondigen",
                                      "wat kost trouwen bij de gemeente", "getuigen voor ons huwelijk",
                                      "we willen gaan trouwen, hoe regel ik dat", "we want to get married"]],
    *[(text, "paspoort") for text in ["paspoort aanvragen", "mijn paspoort is verlopen", "nieuw paspoort",
                                      "paspoort verlengen", "wat kost een paspoort", "paspoort kwijt",
                                      "renew my passport"]],
    *[(text, "afvalkalender") for text in ["wanneer wordt het afval opgehaald", "wanneer komt de vuilniswagen",
                                           "ophaaldag papier", "afvalkalender", "welke dag gaat de groene container",
                                           "ophaalschema afval", "when is my bin collected"]],
]
OUT_OF_SCOPE = ["wat is het weer morgen", "vertel een mop", "hoe laat is het", "recept voor pannenkoeken"]


@pytest.fixture(scope="module")
def knowledge_base_matcher():
    return train_knowledge_base(EXAMPLES, OUT_OF_SCOPE)


def test_the_knowledge_base_matcher_answers_from_the_fixed_cut_offs(knowledge_base_matcher) -> None:
    matcher = knowledge_base_matcher
    assert matcher.threshold >= KNOWLEDGE_BASE_CUT_OFFS.answer and matcher.part_threshold >= KNOWLEDGE_BASE_CUT_OFFS.part
    assert matcher.clarify_threshold == KNOWLEDGE_BASE_CUT_OFFS.clarify


def test_a_small_knowledge_base_is_never_answered_looser_than_its_held_out_examples_allow() -> None:
    own = train(EXAMPLES, oos_examples=OUT_OF_SCOPE).threshold
    lenient = CutOffs(0.05, 0.06, 0.04, min_intents=10)  # three intents: a small knowledge base

    def cut_offs(fixed: CutOffs) -> tuple[float, float, float]:
        matcher = train(EXAMPLES, oos_examples=OUT_OF_SCOPE, config=TrainingConfig(cut_offs=fixed))
        return matcher.threshold, matcher.part_threshold, matcher.clarify_threshold

    assert cut_offs(lenient) == (own, own, 0.04)
    assert cut_offs(CutOffs(0.99, 0.995, 0.5, min_intents=10)) == (0.99, 0.995, 0.5)
    # Large enough (at least min_intents): the fixed cut-offs hold as they are.
    assert cut_offs(CutOffs(0.05, 0.06, 0.04, min_intents=3)) == (0.05, 0.06, 0.04)


def test_a_compound_the_examples_do_not_use_finds_its_topic(knowledge_base_matcher) -> None:
    result = knowledge_base_matcher.classify("hoe gaat de trouwceremonie in zijn werk")
    assert (result.intent or result.alternatives[0].intent) == "huwelijk"


def test_an_english_question_gets_nothing_from_the_dutch_encoder(knowledge_base_matcher) -> None:
    scorer = knowledge_base_matcher._scorer
    english = scorer.analyzer.analyse("when is my bin collected")
    dutch = scorer.analyzer.analyse("wanneer wordt het afval opgehaald")
    added = scorer.centroid_logits([english, dutch])
    assert not added[0].any() and added[1].any()


def test_a_one_word_message_answers_only_from_the_single_clause_cut_off(knowledge_base_matcher) -> None:
    matcher = knowledge_base_matcher
    analyzer = matcher._scorer.analyzer
    assert SHORT_CONTENT_WORDS == 1
    assert is_short(analyzer.analyse("belasting")) and is_short(analyzer.analyse("geen idee"))
    assert not is_short(analyzer.analyse("paspoort verlengen"))
    result = matcher.classify("trouwen")
    assert result.decision != "answer" or result.score >= matcher.part_threshold
    # The same score answers a longer message from the (lower) answer cut-off.
    units = matcher._classify_units(["trouwen", "ik wil trouwen"], [matcher.threshold] * 2)
    for unit, short in zip(units, (True, False)):
        cut_off = matcher.part_threshold if short else matcher.threshold
        assert (unit.decision == "answer") == (unit.score >= cut_off)

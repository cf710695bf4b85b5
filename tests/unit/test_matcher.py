"""The learned scorer: training, calibration, the out-of-scope decision and the artefact."""
from __future__ import annotations

import numpy as np
import pytest

from core.matcher import Alternative, Classification, Matcher, TrainingConfig, decide, train
from core.matcher.learning import Costs, choose_threshold, fit_logistic, fit_temperature, softmax
from core.matcher.matcher import threshold_for_recall, with_threshold

KB: dict[str, list[str]] = {
    "paspoort": [
        "paspoort aanvragen", "mijn paspoort is verlopen", "nieuw paspoort", "paspoort verlengen",
        "paspoort kwijt", "wat kost een paspoort", "hoe lang duurt een paspoort", "paspoort voor mijn kind",
        "reisdocument aanvragen", "ik heb een paspoort nodig voor vakantie", "renew my passport",
        "apply for a passport",
    ],
    "rijbewijs": [
        "rijbewijs verlengen", "rijbewijs verlopen", "rijbewijs kwijt", "nieuw rijbewijs aanvragen",
        "wat kost een rijbewijs", "mijn rijbewijs is gestolen", "rijbewijs vernieuwen",
        "rijbewijs omwisselen", "hoe lang is mijn rijbewijs geldig", "rijbewijs na 75 jaar",
        "renew my driving licence", "driving licence expired",
    ],
    "parkeervergunning": [
        "parkeervergunning aanvragen", "vergunning om te parkeren", "parkeervergunning voor bewoners",
        "wat kost een parkeervergunning", "parkeervergunning opzeggen", "tweede parkeervergunning",
        "bezoekersvergunning parkeren", "parkeervergunning wijzigen kenteken", "mag ik voor mijn huis parkeren",
        "parkeervergunning verlengen", "parking permit for residents", "apply for a parking permit",
    ],
    "afvalkalender": [
        "wanneer wordt het afval opgehaald", "afvalkalender", "wanneer komt de vuilniswagen",
        "welke dag gaat de groene container", "ophaaldag papier", "wanneer wordt plastic opgehaald",
        "afval ophaaldagen", "kliko aan de straat zetten wanneer", "ophaalschema afval",
        "wanneer is de gft container", "when is my bin collected", "waste collection calendar",
    ],
    "verhuizing": [
        "verhuizing doorgeven", "ik ga verhuizen", "adreswijziging doorgeven", "nieuw adres melden",
        "ik ben verhuisd", "verhuizen naar een andere gemeente", "inschrijven op nieuw adres",
        "verhuizing melden", "wanneer moet ik mijn verhuizing doorgeven", "verhuizen binnen de gemeente",
        "i am moving house", "register my new address",
    ],
    "hondenbelasting": [
        "hondenbelasting", "hond aanmelden", "belasting voor mijn hond", "hond afmelden belasting",
        "wat kost hondenbelasting", "hondenbelasting betalen", "mijn hond is overleden belasting stoppen",
        "tweede hond aanmelden", "hondenbelasting kwijtschelding", "moet ik betalen voor mijn hond",
        "dog tax", "register my dog",
    ],
}
OUT_OF_SCOPE = [
    "wat is het weer morgen", "wie wint de wedstrijd vanavond", "hoe laat is het", "ik wil een pizza bestellen",
    "welke auto moet ik kopen", "hoe werkt bitcoin", "zing een liedje", "wat is de zin van het leven",
    "hoeveel weegt een olifant", "vertel een mop", "wat is de hoofdstad van frankrijk", "recept voor pannenkoeken",
    "what is the weather tomorrow", "tell me a joke", "beste film van dit jaar",
]
EXAMPLES = [(text, intent) for intent, texts in KB.items() for text in texts]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return train(EXAMPLES, oos_examples=OUT_OF_SCOPE)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("pasport verlengen", "paspoort"),
        ("rijbewys kwijt", "rijbewijs"),
        ("parkeer vergunning aanvragen", "parkeervergunning"),
        ("wanneer halen ze het afval op", "afvalkalender"),
        ("Ik ga VERHUIZEN!", "verhuizing"),
        ("hondenbelasting betalen", "hondenbelasting"),
        ("how do I renew my passport", "paspoort"),
    ],
)
def test_classifies_known_questions_with_typos_and_variants(matcher: Matcher, question: str, intent: str) -> None:
    result = matcher.classify(question)
    assert result.intent == intent, result
    assert result.score >= matcher.threshold


@pytest.mark.parametrize("question", ["wat is het weer in parijs", "hoe laat begint de wedstrijd", "qwerty", "", "!!!"])
def test_out_of_scope_questions_get_no_intent(matcher: Matcher, question: str) -> None:
    result = matcher.classify(question)
    assert result.intent is None, result
    assert result.score < matcher.threshold or result.score == 0.0


def test_scores_are_probabilities_and_alternatives_are_well_formed(matcher: Matcher) -> None:
    for question in ["paspoort", "rijbewijs en paspoort kwijt", "parkeren", "afval", "hond", "zomaar iets"]:
        result = matcher.classify(question)
        assert isinstance(result, Classification)
        assert 0.0 <= result.score <= 1.0
        assert len(result.alternatives) <= 3
        assert all(isinstance(a, Alternative) and 0.0 <= a.score <= 1.0 for a in result.alternatives)
        assert result.intent not in {a.intent for a in result.alternatives}
        scores = [a.score for a in result.alternatives]
        assert scores == sorted(scores, reverse=True)
        assert all(a.intent in matcher.intents for a in result.alternatives)


def test_mixed_question_offers_the_other_topic_as_alternative(matcher: Matcher) -> None:
    result = matcher.classify("paspoort en rijbewijs verlengen")
    candidates = [result.intent, *(a.intent for a in result.alternatives)]
    assert {"paspoort", "rijbewijs"} <= set(candidates)


def test_intents_and_threshold_are_exposed(matcher: Matcher) -> None:
    assert matcher.intents == tuple(sorted(KB))
    assert 0.0 < matcher.threshold < 1.0


def test_threshold_decides_out_of_scope(matcher: Matcher) -> None:
    question = "paspoort verlengen"
    score = matcher.classify(question).score
    assert with_threshold(matcher, score).classify(question).intent == "paspoort"
    rejected = with_threshold(matcher, min(score + 1e-3, 1.0) if score < 1.0 else 1.01).classify(question)
    assert rejected.intent is None
    # Rejected, the best guess is still offered as a "did you mean" alternative.
    assert rejected.alternatives[0].intent == "paspoort"


def test_validation_set_is_used_for_the_threshold() -> None:
    validation = [("paspoort vernieuwen", "paspoort"), ("rijbewijs aanvragen", "rijbewijs"),
                  ("wat is het weer", None), ("vertel een grap", None), ("afval ophalen", "afvalkalender")]
    strict = train(EXAMPLES, validation=validation)
    assert 0.0 <= strict.threshold <= 1.0
    assert strict.classify("paspoort verlengen").intent == "paspoort"


def test_artefact_round_trip_gives_the_same_answers(matcher: Matcher) -> None:
    data = matcher.to_bytes()
    loaded = Matcher.from_bytes(data)
    assert loaded.intents == matcher.intents
    assert loaded.threshold == matcher.threshold
    for question in ["pasport", "parkeer vergunning", "wat is het weer", "dog tax", "hond 1234 AB"]:
        assert loaded.classify(question) == matcher.classify(question)
    assert Matcher.from_bytes(loaded.to_bytes()).classify("afval") == loaded.classify("afval")


def test_artefact_with_a_wrong_header_is_refused(matcher: Matcher) -> None:
    with pytest.raises(ValueError):
        Matcher.from_bytes(b"NOTBALIE" + matcher.to_bytes()[8:])


def test_training_needs_examples() -> None:
    with pytest.raises(ValueError):
        train([])


def test_temperature_fit_recovers_the_generating_temperature() -> None:
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(4000, 5)) * 3.0
    probabilities = softmax(logits / 2.0)
    labels = np.array([rng.choice(5, p=p) for p in probabilities])
    assert fit_temperature(logits, labels) == pytest.approx(2.0, rel=0.15)


def test_logistic_confidence_model_is_monotone_in_a_useful_signal() -> None:
    rng = np.random.default_rng(1)
    signal = rng.uniform(0, 1, size=(2000, 1))
    labels = (rng.uniform(0, 1, size=2000) < signal[:, 0]).astype(float)
    model = fit_logistic(signal, labels)
    low, middle, high = model.predict(np.array([[0.1], [0.5], [0.9]]))
    assert low < middle < high
    assert middle == pytest.approx(0.5, abs=0.08)


def test_threshold_choice_separates_clean_data_and_leans_towards_rejecting() -> None:
    confidence = np.array([0.9, 0.8, 0.7, 0.2, 0.1, 0.3])
    correct = np.array([True, True, True, False, False, False])
    in_scope = np.array([True, True, True, False, False, False])
    threshold = choose_threshold(confidence, correct, in_scope, Costs())
    assert 0.3 < threshold <= 0.7
    # An uncertain in-scope question that would be answered wrongly: better rejected.
    confidence = np.array([0.9, 0.5, 0.2])
    correct = np.array([True, False, False])
    in_scope = np.array([True, True, False])
    assert 0.5 < choose_threshold(confidence, correct, in_scope, Costs()) <= 0.9


def test_threshold_for_a_fixed_out_of_scope_recall() -> None:
    confidence = np.array([0.5, 0.1, 0.4, 0.3, 0.2])
    threshold = threshold_for_recall(confidence, 0.6)
    assert np.mean(confidence < threshold) == pytest.approx(0.6)
    assert 0.3 < threshold < 0.4
    assert np.mean(confidence < threshold_for_recall(confidence, 1.0)) == 1.0


def test_operating_point_by_out_of_scope_recall_holds_on_the_validation_set() -> None:
    validation = [("paspoort vernieuwen", "paspoort"), ("rijbewijs aanvragen", "rijbewijs")] + [
        (text, None) for text in OUT_OF_SCOPE
    ]
    matcher = train(EXAMPLES, validation=validation, config=TrainingConfig(min_oos_recall=0.8))
    rejected = [matcher.classify(text).intent is None for text in OUT_OF_SCOPE]
    assert np.mean(rejected) >= 0.8


def test_the_answer_policy_has_three_zones() -> None:
    assert decide(0.9, answer_threshold=0.7, clarify_threshold=0.3) == "answer"
    assert decide(0.7, answer_threshold=0.7, clarify_threshold=0.3) == "answer"
    assert decide(0.5, answer_threshold=0.7, clarify_threshold=0.3) == "clarify"
    assert decide(0.29, answer_threshold=0.7, clarify_threshold=0.3) == "reject"


def test_candidates_are_the_guesses_close_to_the_best() -> None:
    unsure = Classification(None, 0.5, [Alternative("paspoort", 0.5), Alternative("id-kaart", 0.4), Alternative("groet", 0.01)], "clarify")
    assert [alt.intent for alt in unsure.candidates] == ["paspoort", "id-kaart"]
    assert Classification(None, 0.0, []).candidates == []


def test_intent_is_set_exactly_when_the_policy_answers(matcher: Matcher) -> None:
    for text in ["paspoort verlengen", "rijbewijs", "wat is het weer morgen", "ik wil iets weten", "hond"]:
        result = matcher.classify(text)
        assert (result.intent is not None) == (result.decision == "answer")
        expected = "answer" if result.score >= matcher.threshold else ("clarify" if result.score >= matcher.clarify_threshold else "reject")
        assert result.decision == expected


def test_a_clarify_zone_lies_below_the_answer_threshold(matcher: Matcher) -> None:
    assert 0.0 < matcher.clarify_threshold < matcher.threshold
    loaded = Matcher.from_bytes(matcher.to_bytes())
    assert loaded.clarify_threshold == pytest.approx(matcher.clarify_threshold)


def test_a_message_with_two_questions_has_a_part_for_each_topic(matcher: Matcher) -> None:
    result = matcher.classify("Goedemiddag, mijn paspoort is verlopen. En wanneer wordt het afval opgehaald? Groetjes, Anouk")
    assert [part.classification.intent for part in result.parts] == ["paspoort", "afvalkalender"]
    assert result.intent in ("paspoort", "afvalkalender")
    assert [part.text for part in result.parts] == ["mijn paspoort is verlopen.", "wanneer wordt het afval opgehaald?"]


def test_greeting_and_signature_do_not_dilute_the_question(matcher: Matcher) -> None:
    bare = matcher.classify("rijbewijs verlengen")
    wrapped = matcher.classify("Geachte heer/mevrouw, rijbewijs verlengen. Met vriendelijke groet, dhr. Jansen")
    assert wrapped.intent == bare.intent == "rijbewijs"
    assert wrapped.score == pytest.approx(bare.score)
    assert wrapped.parts == []


def test_a_single_clause_has_no_parts(matcher: Matcher) -> None:
    assert matcher.classify("hondenbelasting betalen").parts == []


def test_the_policy_is_fixed_on_real_messages_so_few_answers_are_wrong(matcher: Matcher) -> None:
    from core.matcher.matcher import PolicyTargets, fit_policy

    calibration = [
        ("ik wil mijn paspoort verlengen", frozenset({"paspoort"})),
        ("mijn rijbewijs is verlopen", frozenset({"rijbewijs"})),
        ("wanneer komt de vuilniswagen", frozenset({"afvalkalender"})),
        ("hond aanmelden", frozenset({"hondenbelasting"})),
        # Labelled with another intent than the matcher's best guess: answering it is wrong.
        ("paspoort kwijt", frozenset({"rijbewijs"})),
        ("wat is het weer morgen", frozenset()),
    ]
    strict_answer, strict_part, strict_clarify = fit_policy(matcher, calibration, PolicyTargets(max_wrong=0.0, clarify_ratio=0.5))
    lenient_answer, _, _ = fit_policy(matcher, calibration, PolicyTargets(max_wrong=0.2, clarify_ratio=0.5))
    wrong_score = matcher.classify("paspoort kwijt").score
    assert strict_answer > wrong_score  # the mislabelled message is not answered
    assert strict_clarify == pytest.approx(strict_answer * 0.5)
    assert lenient_answer <= strict_answer

"""What the matcher keeps per word (for speed) gives exactly what it computes per text, and
keeps only the knowledge base's own words."""
from __future__ import annotations

import unicodedata

import numpy as np
import pytest

from core.matcher import train
from core.matcher.normalize import strip_diacritics
from core.matcher.segment import clauses, strip_courtesy
from core.matcher.vocabulary import Vocabulary

EXAMPLES = [
    ("paspoort aanvragen", "paspoort"), ("mijn paspoort is verlopen", "paspoort"), ("paspoort verlengen", "paspoort"),
    ("renew my passport", "paspoort"), ("parkeervergunning aanvragen", "parkeren"),
    ("wat kost een parkeervergunning", "parkeren"), ("parkeren voor mijn huis op 1234 AB", "parkeren"),
    ("apply for a parking permit", "parkeren"), ("ik ga verhuizen", "verhuizing"), ("adreswijziging doorgeven", "verhuizing"),
    ("verhuizing melden binnen de gemeente", "verhuizing"), ("i am moving house on the 3rd", "verhuizing"),
]
TEXTS = [
    "Hoe verleng ik mijn paspoort?", "parkeer vergunning aanvragen voor 2 autos", "Mijn postcode is 1234 AB, huisnummer 12b",
    "Goedemiddag, ik ga verhuizen en wil weten hoe ik mijn adres doorgeef. Mvg, Anouk Jansen",
    "pasport verlopn", "I am moving house, how do I register my new address?", "Wat kost 't? Café geëmigreerd",
    "de het een", "", "xqzv wrtpl",
]


@pytest.fixture(scope="module")
def matcher():
    return train(EXAMPLES)


def _reference_columns(scorer, analysis) -> set[int]:
    """The columns as a text's feature strings name them (`Analyzer.features`, what training counts)."""
    return {scorer.feature_index[f] for f in scorer.analyzer.features(analysis) if f in scorer.feature_index}


@pytest.mark.parametrize("text", TEXTS)
def test_the_columns_kept_per_word_are_those_of_the_texts_features(matcher, text: str) -> None:
    scorer = matcher._scorer
    for _ in range(2):  # the second time from what was kept
        analysis = scorer.analyzer.analyse(text)
        columns, values = scorer.vector(analysis)
        assert len(set(columns.tolist())) == len(columns)
        assert set(columns.tolist()) == _reference_columns(scorer, analysis)
        expected = scorer._values(columns)
        assert np.array_equal(values, expected)


def test_only_the_knowledge_bases_own_words_are_kept(matcher) -> None:
    scorer = matcher._scorer
    matcher.classify("Mijn paspoort is kwijt, groet van Zwanenburg")
    kept = {word for word, _ in scorer._columns}
    assert "paspoort" in kept and "mijn" in kept
    assert "zwanenburg" not in kept and "kwijt" not in kept


def test_a_compound_split_kept_per_known_word_is_a_fresh_list() -> None:
    vocabulary = Vocabulary(["afvalcontainer", "afval", "container"])
    parts = vocabulary.split_compound("afvalcontainer")
    parts.append("changed")
    assert vocabulary.split_compound("afvalcontainer") == ["afval", "container"]
    assert vocabulary.split_compound("afvalcontainerbrand") == []
    assert "afvalcontainerbrand" not in vocabulary._compounds  # an unknown word is not kept


@pytest.mark.parametrize("text", ["Café GEËMIGREERD één", "straße", "İstanbul", "naïef ﬁets ½", "Привет, мир", "ok 👍 ja", "plain"])
def test_diacritics_are_stripped_as_the_decomposition_says(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text)
    assert strip_diacritics(text) == "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_a_long_message_is_cleaned_and_split_as_a_short_one() -> None:
    story = "Goedemiddag, " + " ".join(["ik ga verhuizen en wil weten hoe ik mijn adres doorgeef."] * 40) + " Mvg, Anouk"
    cleaned = strip_courtesy(story)
    assert cleaned.stripped and cleaned.text.startswith("ik ga verhuizen") and "Anouk" not in cleaned.text
    assert len(clauses(cleaned.text)) == 40
    assert strip_courtesy("ok!").text == "ok!" and clauses("Dank je. Hoe verhuis ik?") == ["Hoe verhuis ik?"]

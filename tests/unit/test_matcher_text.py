"""Normalisation, typo mapping and compound handling of the intent matcher."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.matcher.features import Analyzer, FeatureConfig
from core.matcher.normalize import DUTCH, ENGLISH, fold, guess_language, stem, tokenize
from core.matcher.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
BENCHMARK_DATA = ROOT / "benchmarks" / "data"


def test_fold_removes_case_and_diacritics() -> None:
    assert fold("Café GEËMIGREERD één") == "cafe geemigreerd een"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Mijn postcode is 1234 AB!", ["mijn", "postcode", "is", "1234ab"]),
        ("postcode 1234ab, huisnummer 12", ["postcode", "1234ab", "huisnummer", "12"]),
        ("Wat kost 't? Auto's en what's up", ["wat", "kost", "t", "autos", "en", "what", "is", "up"]),
        ("3e verdieping", ["3", "e", "verdieping"]),
        ("", []),
    ],
)
def test_tokenize_keeps_numbers_and_postcodes(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


def test_four_digits_followed_by_a_word_is_no_postcode() -> None:
    assert tokenize("in 2024 ga ik") == ["in", "2024", "ga", "ik"]
    assert tokenize("postcode 2024 GA") == ["postcode", "2024ga"]
    assert tokenize("1234 sa") == ["1234", "sa"]  # SA is never issued as postcode letters


def test_language_guess_follows_stop_words_and_defaults_to_dutch() -> None:
    assert guess_language(tokenize("hoe kan ik mijn paspoort verlengen")) == DUTCH
    assert guess_language(tokenize("how can I renew my passport")) == ENGLISH
    assert guess_language(tokenize("paspoort")) == DUTCH
    assert guess_language(tokenize("paspoort"), default=ENGLISH) == ENGLISH


def test_stemming_is_per_language() -> None:
    assert stem("paspoorten", DUTCH) == stem("paspoort", DUTCH)
    assert stem("vergunningen", DUTCH) == stem("vergunning", DUTCH)
    assert stem("passports", ENGLISH) == stem("passport", ENGLISH)
    assert stem("1234ab", DUTCH) == "1234ab"


def test_typos_map_to_known_words() -> None:
    vocabulary = Vocabulary(["paspoort", "rijbewijs", "verlengen", "afval"])
    assert vocabulary.correct("pasport") == "paspoort"
    assert vocabulary.correct("rijbewys") == "rijbewijs"
    assert vocabulary.correct("verlenge") == "verlengen"


def test_typo_mapping_leaves_known_short_and_unrelated_words_alone() -> None:
    vocabulary = Vocabulary(["paspoort", "rijbewijs", "afval"])
    assert vocabulary.correct("paspoort") is None  # already known
    assert vocabulary.correct("afvl") == "afval"
    assert vocabulary.correct("afv") is None  # too short to guess safely
    assert vocabulary.correct("banaan") is None
    assert vocabulary.correct("1234ab") is None


def test_typo_cutoff_is_respected() -> None:
    strict = Vocabulary(["rijbewijs"], typo_cutoff=95.0)
    assert strict.correct("rijbwijs") is None
    assert Vocabulary(["rijbewijs"], typo_cutoff=80.0).correct("rijbwijs") == "rijbewijs"


def test_dutch_compounds_split_into_known_parts() -> None:
    vocabulary = Vocabulary(["afval", "container", "kapot"])
    assert vocabulary.split_compound("afvalcontainer") == ["afval", "container"]
    # Built-in municipal parts help even when the examples never use them alone.
    assert vocabulary.split_compound("parkeervergunning") == ["parkeer", "vergunning"]
    assert vocabulary.split_compound("verhuisdoos") == []
    assert vocabulary.split_compound("kapot") == []


def test_words_written_apart_join_into_a_known_compound() -> None:
    vocabulary = Vocabulary(["parkeervergunning", "gemeentebelasting"])
    assert vocabulary.join_compound("parkeer", "vergunning") == "parkeervergunning"
    assert vocabulary.join_compound("parkeer", "plaats") is None


def test_compound_written_apart_shares_the_word_feature_of_the_compound() -> None:
    analyzer = Analyzer(Vocabulary(["parkeervergunning", "aanvragen"]), default_language=DUTCH, config=FeatureConfig())
    together = set(analyzer.features(analyzer.analyse("parkeervergunning aanvragen")))
    apart = set(analyzer.features(analyzer.analyse("parkeer vergunning aanvragen")))
    compound = "w" + stem("parkeervergunning", DUTCH)
    assert compound in together and compound in apart


def test_analysis_reports_typos_and_coverage() -> None:
    analyzer = Analyzer(Vocabulary(["paspoort", "verlengen"]), default_language=DUTCH, config=FeatureConfig())
    analysis = analyzer.analyse("Mijn pasport verlengen op Mars")
    assert analysis.tokens == ("mijn", "paspoort", "verlengen", "op", "mars")
    assert analysis.corrected_count == 1
    assert analysis.known_count == 1
    assert analysis.coverage == pytest.approx((1 + 0.5) / 3)


def test_stems_are_those_of_the_snowballstemmer_package_on_every_word_of_the_knowledge() -> None:
    """The compiled stemmers (PyStemmer) took the place of the pure-Python package's: every word of the
    knowledge base and of the benchmarks' messages stems as before, so an artefact is the same either way."""
    import snowballstemmer

    words = sorted({word for path in [*KNOWLEDGE.glob("*.yaml"), *BENCHMARK_DATA.glob("*.tsv")]
                    for word in tokenize(path.read_text(encoding="utf-8")) if word.isalpha() and len(word) > 3})
    assert len(words) > 5000
    for language, name in ((DUTCH, "dutch"), (ENGLISH, "english")):
        reference = snowballstemmer.stemmer(name)
        assert [stem(word, language) for word in words] == reference.stemWords(words)

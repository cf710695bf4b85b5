"""The static word-piece embedding and the matcher's optional dense block."""
from __future__ import annotations

import json
import struct

import numpy as np
import pytest

from core.matcher import Matcher, TrainingConfig, train
from core.matcher.embedding import DEFAULT_TABLE, StaticEmbedding, default_embedding, keeps_piece, write_table

EXAMPLES = [
    ("what is my credit score", "credit_score"),
    ("check my credit rating", "credit_score"),
    ("how good is my credit score", "credit_score"),
    ("tell me my credit score", "credit_score"),
    ("set an alarm for 7 am", "alarm"),
    ("wake me up at six", "alarm"),
    ("i need an alarm at noon", "alarm"),
    ("alarm for tomorrow morning please", "alarm"),
    ("what is the weather today", "weather"),
    ("will it rain tomorrow", "weather"),
    ("how hot is it outside", "weather"),
    ("is it going to snow this week", "weather"),
]


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_wordpiece_splits_unknown_words_into_known_pieces_and_folds_accents() -> None:
    table = StaticEmbedding(["play", "##ing", "cafe", "un", "##know", "##able"], np.eye(6, dtype=np.float32))
    assert table.piece_ids(["playing"]) == [0, 1]
    assert table.piece_ids(["Café!"]) == [2]
    assert table.piece_ids(["unknowable"]) == [3, 4, 5]
    assert table.piece_ids(["xyz", "play"]) == [0]  # a word it cannot cover whole adds nothing


def test_sentence_vector_is_unit_length_and_zero_without_known_pieces() -> None:
    table = default_embedding()
    vector = table.sentence(["how", "do", "i", "renew", "my", "passport"])
    assert vector.shape == (table.dims,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    assert not table.sentence(["ăăă\u4e2d"]).any()


def test_paraphrases_without_shared_words_are_closer_than_unrelated_questions() -> None:
    table = default_embedding()
    rain = table.sentence("will it rain tomorrow".split())
    assert cosine(rain, table.sentence("is a storm coming".split())) > cosine(rain, table.sentence("transfer money to my savings account".split()))


def test_table_round_trips_through_its_file(tmp_path) -> None:
    vectors = np.array([[1.0, -2.0], [0.5, 0.25], [0.0, 3.0]])
    path = tmp_path / "table.bin"
    write_table(path, ["a", "##b", "c"], vectors, source="test")
    loaded = StaticEmbedding.from_file(path)
    assert loaded.dims == 2
    assert np.allclose(loaded._vectors, vectors, atol=3.0 / 127)
    assert keeps_piece("##ing") and not keeps_piece("[CLS]") and not keeps_piece("[unused3]") and not keeps_piece("é")


def test_matcher_with_embedding_survives_its_artefact_and_bridges_a_paraphrase() -> None:
    built = train(EXAMPLES, config=TrainingConfig(embedding_weight=1.0))
    loaded = Matcher.from_bytes(built.to_bytes())
    for text in ("what is my credit score", "is a storm coming", "rouse me at dawn"):
        assert loaded.classify(text) == built.classify(text)
    ranked = loaded.classify("is a storm coming")
    best = ranked.intent or ranked.alternatives[0].intent
    assert best == "weather"


def test_artefact_without_embedding_stays_sparse_and_unknown_tables_are_refused() -> None:
    plain = train(EXAMPLES).to_bytes()
    assert Matcher.from_bytes(plain)._scorer.embedding is None
    dense = train(EXAMPLES, config=TrainingConfig(embedding_weight=1.0)).to_bytes()
    (length,) = struct.unpack_from("<I", dense, 8)
    header = json.loads(dense[12 : 12 + length])
    assert header["embedding"]["weight"] == 1.0
    # A same-length name keeps every offset valid: only the table's identity differs.
    renamed = dense.replace(DEFAULT_TABLE.name.encode(), DEFAULT_TABLE.name.replace("64", "99").encode(), 1)
    with pytest.raises(ValueError, match="embedding table"):
        Matcher.from_bytes(renamed)

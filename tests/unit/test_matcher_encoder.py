"""The numpy forward pass of the small transformer sentence encoder and its file format."""
from __future__ import annotations

import json
import math
import struct

import numpy as np
import pytest

from core.matcher.encoder import SmallEncoder, quantise_rows, write_encoder

DIMS, HEADS, FEED_FORWARD, LAYERS, OUT_DIMS, PIECES, MAX_LEN = 8, 2, 16, 2, 6, 40, 32


def tiny_arrays(seed: int = 0, pieces: int = PIECES) -> dict[str, np.ndarray]:
    """A random model whose token table is exactly representable as int8 times a row scale
    (every row reaches +-127), so the reference can use it unquantised."""
    rng = np.random.default_rng(seed)

    def normal(*shape: int, scale: float = 0.5) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    steps = rng.integers(-127, 128, size=(pieces, DIMS))
    steps[:, 0] = 127
    arrays = {
        "token_embeddings": (steps * rng.uniform(0.001, 0.01, size=(pieces, 1))).astype(np.float32),
        "positions": normal(MAX_LEN, DIMS, scale=0.1),
        "out_weight": normal(OUT_DIMS, DIMS),
        "out_bias": normal(OUT_DIMS, scale=0.1),
    }
    for layer in range(LAYERS):
        arrays |= {
            f"layer{layer}.in_proj_weight": normal(3 * DIMS, DIMS),
            f"layer{layer}.in_proj_bias": normal(3 * DIMS, scale=0.1),
            f"layer{layer}.out_proj_weight": normal(DIMS, DIMS),
            f"layer{layer}.out_proj_bias": normal(DIMS, scale=0.1),
            f"layer{layer}.linear1_weight": normal(FEED_FORWARD, DIMS),
            f"layer{layer}.linear1_bias": normal(FEED_FORWARD, scale=0.1),
            f"layer{layer}.linear2_weight": normal(DIMS, FEED_FORWARD),
            f"layer{layer}.linear2_bias": normal(DIMS, scale=0.1),
            f"layer{layer}.norm1_weight": 1.0 + normal(DIMS, scale=0.1),
            f"layer{layer}.norm1_bias": normal(DIMS, scale=0.1),
            f"layer{layer}.norm2_weight": 1.0 + normal(DIMS, scale=0.1),
            f"layer{layer}.norm2_bias": normal(DIMS, scale=0.1),
        }
    return arrays


def reference_sentence(arrays: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """PyTorch's post-norm TransformerEncoderLayer written out with loops over heads and
    positions, in float64, independent of the vectorised code under test."""
    a = {name: value.astype(np.float64) for name, value in arrays.items()}
    ids = ids[:MAX_LEN]
    rows = [a["token_embeddings"][piece] + a["positions"][position] for position, piece in enumerate(ids)]
    head_dims = DIMS // HEADS

    def layer_norm(row: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
        mean = sum(row) / len(row)
        variance = sum((value - mean) ** 2 for value in row) / len(row)
        return (row - mean) / math.sqrt(variance + 1e-5) * weight + bias

    def gelu_tanh(z: float) -> float:
        return 0.5 * z * (1.0 + math.tanh(math.sqrt(2.0 / math.pi) * (z + 0.044715 * z**3)))

    for layer in range(LAYERS):
        p = f"layer{layer}."
        projected = [a[p + "in_proj_weight"] @ row + a[p + "in_proj_bias"] for row in rows]
        queries = [row[:DIMS] for row in projected]
        keys = [row[DIMS : 2 * DIMS] for row in projected]
        values = [row[2 * DIMS :] for row in projected]
        attended = []
        for i in range(len(rows)):
            context = np.zeros(DIMS)
            for head in range(HEADS):
                part = slice(head * head_dims, (head + 1) * head_dims)
                scores = [float(queries[i][part] @ keys[j][part]) / math.sqrt(head_dims) for j in range(len(rows))]
                top = max(scores)
                weights = [math.exp(score - top) for score in scores]
                total = sum(weights)
                for j in range(len(rows)):
                    context[part] += weights[j] / total * values[j][part]
            attended.append(a[p + "out_proj_weight"] @ context + a[p + "out_proj_bias"])
        rows = [layer_norm(row + att, a[p + "norm1_weight"], a[p + "norm1_bias"]) for row, att in zip(rows, attended)]
        fed = []
        for row in rows:
            hidden = np.array([gelu_tanh(z) for z in a[p + "linear1_weight"] @ row + a[p + "linear1_bias"]])
            fed.append(a[p + "linear2_weight"] @ hidden + a[p + "linear2_bias"])
        rows = [layer_norm(row + f, a[p + "norm2_weight"], a[p + "norm2_bias"]) for row, f in zip(rows, fed)]
    pooled = sum(rows) / len(rows)
    out = a["out_weight"] @ pooled + a["out_bias"]
    return out / np.linalg.norm(out)


@pytest.fixture
def tiny(tmp_path) -> tuple[dict[str, np.ndarray], SmallEncoder]:
    arrays = tiny_arrays()
    path = tmp_path / "encoder.bin"
    write_encoder(path, arrays, heads=HEADS, source="test")
    return arrays, SmallEncoder.from_file(path)


def test_forward_pass_matches_a_naive_loop_reference(tiny) -> None:
    arrays, encoder = tiny
    for ids in ([3], [5, 1, 39, 0, 12], list(range(PIECES))[:20], [7, 7, 7]):
        vector = encoder.sentence(ids)
        assert vector.dtype == np.float32 and vector.shape == (OUT_DIMS,)
        assert np.allclose(vector, reference_sentence(arrays, ids), atol=1e-5)
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_word_order_changes_the_vector(tiny) -> None:
    _, encoder = tiny
    assert not np.allclose(encoder.sentence([1, 2, 3]), encoder.sentence([3, 2, 1]), atol=1e-4)


def test_input_is_truncated_at_max_len(tiny) -> None:
    arrays, encoder = tiny
    long = [(i * 7) % PIECES for i in range(MAX_LEN + 9)]
    assert np.array_equal(encoder.sentence(long), encoder.sentence(long[:MAX_LEN]))
    assert np.allclose(encoder.sentence(long), reference_sentence(arrays, long), atol=1e-5)


def test_empty_input_gives_zeros_and_bad_ids_are_refused(tiny) -> None:
    _, encoder = tiny
    empty = encoder.sentence([])
    assert empty.shape == (OUT_DIMS,) and empty.dtype == np.float32 and not empty.any()
    for ids in ([PIECES], [-1]):
        with pytest.raises(ValueError):
            encoder.sentence(ids)


def test_round_trip_through_file_and_bytes_gives_identical_outputs(tiny, tmp_path) -> None:
    _, encoder = tiny
    data = encoder.to_bytes()
    again = SmallEncoder.from_bytes(data)
    assert again.to_bytes() == data == (tmp_path / "encoder.bin").read_bytes()
    assert (again.out_dims, again.piece_count, again.source) == (OUT_DIMS, PIECES, "test")
    for ids in ([0], [9, 4, 2, 33]):
        assert np.array_equal(again.sentence(ids), encoder.sentence(ids))


def test_header_records_sizes_and_arrays_are_aligned(tiny) -> None:
    _, encoder = tiny
    data = encoder.to_bytes()
    (length,) = struct.unpack_from("<I", data, 8)
    header = json.loads(data[12 : 12 + length])
    sizes = {key: header[key] for key in ("dims", "heads", "feed_forward", "layers", "max_len", "out_dims", "pieces")}
    assert sizes == {"dims": DIMS, "heads": HEADS, "feed_forward": FEED_FORWARD, "layers": LAYERS, "max_len": MAX_LEN, "out_dims": OUT_DIMS, "pieces": PIECES}
    assert header["arrays"]["token_embeddings"]["dtype"] == "int8"
    assert header["arrays"]["token_scale"]["shape"] == [PIECES]
    assert all(entry["offset"] % 8 == 0 for entry in header["arrays"].values())


def test_int8_row_quantisation_error_is_within_half_a_step() -> None:
    rng = np.random.default_rng(1)
    matrix = (rng.standard_normal((50, 16)) * rng.uniform(0.01, 10.0, size=(50, 1))).astype(np.float32)
    matrix[3] = 0.0
    quantised, scales = quantise_rows(matrix)
    assert quantised.dtype == np.int8 and scales.dtype == np.float32 and scales.shape == (50,)
    restored = quantised.astype(np.float32) * scales[:, None]
    assert np.all(np.abs(restored - matrix) <= scales[:, None] * 0.5 + 1e-6)
    # A per-row scale keeps small rows precise next to large ones.
    relative = np.abs(restored - matrix).max(axis=1) / np.maximum(np.abs(matrix).max(axis=1), 1e-12)
    assert relative.max() <= 0.5 / 127 + 1e-6
    assert not restored[3].any() and scales[3] == 1.0


def test_written_table_dequantises_close_to_the_float_table(tmp_path) -> None:
    arrays = tiny_arrays()
    rng = np.random.default_rng(2)
    arrays["token_embeddings"] = rng.standard_normal((PIECES, DIMS)).astype(np.float32)
    path = tmp_path / "encoder.bin"
    write_encoder(path, arrays, heads=HEADS, source="test")
    loaded = SmallEncoder.from_file(path)
    for ids in ([1, 2, 3], [30, 5]):
        assert float(loaded.sentence(ids) @ reference_sentence(arrays, ids)) > 0.999


def test_wrong_magic_is_refused(tiny) -> None:
    _, encoder = tiny
    with pytest.raises(ValueError, match="magic"):
        SmallEncoder.from_bytes(b"BALIEWE1" + encoder.to_bytes()[8:])
    with pytest.raises(ValueError, match="magic"):
        SmallEncoder.from_bytes(b"BALIE")


def test_writer_refuses_missing_unknown_and_misshapen_arrays(tmp_path) -> None:
    path = tmp_path / "encoder.bin"
    cases = [
        ({"layer1.norm2_bias"}, {}, "missing arrays \\['layer1.norm2_bias'\\]"),
        ({"out_weight"}, {}, "missing arrays \\['out_weight'\\]"),
        (set(), {"layer0.extra": np.zeros(3, np.float32)}, "unknown arrays \\['layer0.extra'\\]"),
        (set(), {"layer0.in_proj_bias": np.zeros(DIMS, np.float32)}, "layer0.in_proj_bias has shape"),
        (set(), {"layer1.linear2_weight": np.zeros((DIMS, FEED_FORWARD + 1), np.float32)}, "layer1.linear2_weight has shape"),
        (set(), {"token_scale": np.ones(PIECES, np.float32)}, "token_scale"),
        ({name for name in tiny_arrays() if name.startswith("layer")}, {}, "no layer0"),
    ]
    for removed, replaced, message in cases:
        arrays = {name: value for name, value in tiny_arrays().items() if name not in removed} | replaced
        with pytest.raises(ValueError, match=message):
            write_encoder(path, arrays, heads=HEADS, source="test")
    with pytest.raises(ValueError, match="multiple of heads"):
        write_encoder(path, tiny_arrays(), heads=3, source="test")
    assert not path.exists()


def rewrite_header(data: bytes, change) -> bytes:
    """The same file with its JSON header edited (arrays keep their place: the header is
    compacted and padded back to its old length)."""
    (length,) = struct.unpack_from("<I", data, 8)
    header = json.loads(data[12 : 12 + length])
    change(header)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    assert len(text) <= length
    return data[:12] + text + b" " * (length - len(text)) + data[12 + length :]


def test_reader_refuses_missing_and_misshapen_arrays(tiny) -> None:
    _, encoder = tiny
    data = encoder.to_bytes()
    with pytest.raises(ValueError, match="missing arrays \\['out_bias'\\]"):
        SmallEncoder.from_bytes(rewrite_header(data, lambda header: header["arrays"].pop("out_bias")))
    with pytest.raises(ValueError, match="positions is float32 \\[31, 8\\]"):
        SmallEncoder.from_bytes(rewrite_header(data, lambda header: header["arrays"]["positions"].update(shape=[31, 8])))
    with pytest.raises(ValueError, match="token_embeddings is float32"):
        SmallEncoder.from_bytes(rewrite_header(data, lambda header: header["arrays"]["token_embeddings"].update(dtype="float32")))
    with pytest.raises(ValueError, match="missing arrays"):
        SmallEncoder.from_bytes(rewrite_header(data, lambda header: header.update(layers=3)))
    with pytest.raises(ValueError, match="outside the file"):
        SmallEncoder.from_bytes(data[:-8])


def test_matcher_with_an_encoder_block_carries_it_in_its_artefact(tmp_path) -> None:
    from core.matcher import Matcher, TrainingConfig, train
    from core.matcher.embedding import default_embedding

    path = tmp_path / "student.bin"
    write_encoder(path, tiny_arrays(pieces=default_embedding().piece_count), heads=HEADS, source="test")
    encoder = SmallEncoder.from_file(path)
    examples = [("set an alarm for seven", "alarm"), ("wake me up at six", "alarm"), ("alarm at noon please", "alarm"),
                ("will it rain tomorrow", "weather"), ("how hot is it outside", "weather"), ("is snow coming", "weather")]
    built = train(examples, config=TrainingConfig(encoder=encoder, encoder_weight=0.5))
    artefact = built.to_bytes()
    (length,) = struct.unpack_from("<I", artefact, 8)
    assert json.loads(artefact[12 : 12 + length])["encoder"] == {"weight": 0.5, "kind": "pieces", "mode": "block"}
    loaded = Matcher.from_bytes(artefact)  # no file needed: the weights travel in the artefact
    assert loaded._scorer.encoder is not None and loaded._scorer.encoder.out_dims == OUT_DIMS
    for text in ("wake me at seven", "is it raining", "something else entirely"):
        assert loaded.classify(text) == built.classify(text)
    assert len(artefact) > len(train(examples).to_bytes()) + encoder.piece_count * DIMS


def test_an_encoder_for_another_word_piece_table_is_refused(tiny) -> None:
    from core.matcher import TrainingConfig, train

    _, encoder = tiny  # 40 pieces, not the static table's
    with pytest.raises(ValueError, match="word-piece table"):
        train([("a question", "one"), ("another question", "two")], config=TrainingConfig(encoder=encoder))

"""A small transformer sentence encoder, run with numpy only.

The static table in embedding.py averages piece vectors, so word order and context are lost
("my name" vs "name my child"). This encoder is a student distilled from all-MiniLM-L6-v2 and
trained in PyTorch elsewhere: a few post-norm `torch.nn.TransformerEncoderLayer`s over the
static table's WordPiece ids, mean pooling and a linear map to the teacher's space. Lambda
has no room for torch, so the forward pass is rewritten here in float32 numpy and must
agree with PyTorch's to float rounding.

File format: magic `BALIESE1`, uint32 LE header length, a JSON header (sizes, source and
each array's offset, dtype and shape), then the arrays, each 8-byte aligned so that they are
read zero-copy. The token table is by far the largest array, so it is stored int8 with one
float32 scale per row (per row, not one global scale as in embedding.py: a few rows with
large values would otherwise flatten all the others); every other array is float32.
"""
from __future__ import annotations

import json
import math
import struct
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

_MAGIC = b"BALIESE1"
_PREFIX = struct.Struct("<8sI")
_ALIGN = 8
_LAYER_NORM_EPS = np.float32(1e-5)
# gelu with approximate="tanh": 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))).
_GELU_SCALE = np.float32(math.sqrt(2.0 / math.pi))
_GELU_CUBIC = np.float32(0.044715)
_LAYER_PARTS = (
    "in_proj_weight",
    "in_proj_bias",
    "out_proj_weight",
    "out_proj_bias",
    "linear1_weight",
    "linear1_bias",
    "linear2_weight",
    "linear2_bias",
    "norm1_weight",
    "norm1_bias",
    "norm2_weight",
    "norm2_bias",
)
_HEADER_SIZES = ("dims", "heads", "feed_forward", "layers", "max_len", "out_dims", "pieces")


def _expected_shapes(sizes: Mapping[str, int]) -> dict[str, tuple[int, ...]]:
    """Every array's shape (PyTorch's (out, in) weight layout), from the header's sizes; the
    writer and the reader check against this one list."""
    dims, ff = sizes["dims"], sizes["feed_forward"]
    shapes: dict[str, tuple[int, ...]] = {
        "token_embeddings": (sizes["pieces"], dims),
        "token_scale": (sizes["pieces"],),
        "positions": (sizes["max_len"], dims),
    }
    per_layer = {
        "in_proj_weight": (3 * dims, dims),
        "in_proj_bias": (3 * dims,),
        "out_proj_weight": (dims, dims),
        "out_proj_bias": (dims,),
        "linear1_weight": (ff, dims),
        "linear1_bias": (ff,),
        "linear2_weight": (dims, ff),
        "linear2_bias": (dims,),
        "norm1_weight": (dims,),
        "norm1_bias": (dims,),
        "norm2_weight": (dims,),
        "norm2_bias": (dims,),
    }
    for layer in range(sizes["layers"]):
        shapes.update({f"layer{layer}.{part}": per_layer[part] for part in _LAYER_PARTS})
    shapes["out_weight"] = (sizes["out_dims"], dims)
    shapes["out_bias"] = (sizes["out_dims"],)
    return shapes


def _dtype_of(name: str) -> str:
    return "int8" if name == "token_embeddings" else "float32"


def _check_names(found: Sequence[str], expected: Mapping[str, tuple[int, ...]], where: str) -> None:
    missing = sorted(set(expected) - set(found))
    unknown = sorted(set(found) - set(expected))
    if missing or unknown:
        raise ValueError(f"{where}: missing arrays {missing}, unknown arrays {unknown}")


def quantise_rows(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and one float32 scale per row, value ~ int8 * scale (error <= scale / 2).
    An all-zero row gets scale 1 so that dequantising never divides by zero."""
    matrix = np.asarray(matrix, dtype=np.float32)
    peaks = np.abs(matrix).max(axis=1) if matrix.size else np.zeros(matrix.shape[0], np.float32)
    scales = np.where(peaks > 0, peaks / np.float32(127.0), np.float32(1.0)).astype(np.float32)
    quantised = np.clip(np.round(matrix / scales[:, None]), -127, 127).astype(np.int8)
    return quantised, scales


def _size(arrays: Mapping[str, np.ndarray], name: str, axis: int) -> int:
    shape = np.shape(arrays[name]) if name in arrays else ()
    return int(shape[axis]) if len(shape) > axis else 0


def write_encoder(path: Path, arrays: Mapping[str, np.ndarray], *, heads: int, source: str) -> None:
    """Write a trained encoder; sizes are read off the shapes, names and shapes are checked
    here so that a bad export fails at build time and not in a Lambda."""
    layers = 0
    while f"layer{layers}.in_proj_weight" in arrays:
        layers += 1
    if layers == 0:
        raise ValueError("encoder arrays have no layer0.* arrays")
    dims = _size(arrays, "token_embeddings", 1)
    if heads <= 0 or dims % heads:
        raise ValueError(f"dims {dims} is not a multiple of heads {heads}")
    # A missing array gives size 0 here; the name check below then reports it.
    sizes = {
        "dims": dims,
        "heads": int(heads),
        "feed_forward": _size(arrays, "layer0.linear1_weight", 0),
        "layers": layers,
        "max_len": _size(arrays, "positions", 0),
        "out_dims": _size(arrays, "out_weight", 0),
        "pieces": _size(arrays, "token_embeddings", 0),
    }
    if "token_scale" in arrays:
        raise ValueError("token_scale is computed by write_encoder from float token_embeddings; do not pass it")
    expected = _expected_shapes(sizes)
    _check_names([*arrays, "token_scale"], expected, "encoder arrays")
    for name, shape in expected.items():
        if name != "token_scale" and tuple(np.shape(arrays[name])) != shape:
            raise ValueError(f"array {name} has shape {tuple(np.shape(arrays[name]))}, expected {shape}")

    quantised, scales = quantise_rows(arrays["token_embeddings"])
    stored = {"token_embeddings": quantised, "token_scale": scales}
    stored.update({name: np.asarray(arrays[name], dtype=np.float32) for name in expected if name not in stored})
    # Offsets count from the start of the (aligned) data block so they do not depend on the
    # header's own length.
    table: dict[str, dict[str, object]] = {}
    blobs: list[bytes] = []
    offset = 0
    for name, shape in expected.items():
        blob = np.ascontiguousarray(stored[name]).tobytes()
        table[name] = {"offset": offset, "dtype": _dtype_of(name), "shape": list(shape)}
        padding = -len(blob) % _ALIGN
        blobs.append(blob + b"\0" * padding)
        offset += len(blob) + padding
    header = json.dumps({**sizes, "source": source, "arrays": table}).encode("utf-8")
    prefix = _PREFIX.pack(_MAGIC, len(header)) + header
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(prefix + b"\0" * (-len(prefix) % _ALIGN) + b"".join(blobs))


class _Layer(NamedTuple):
    """One encoder layer's weights, transposed once at load to (in, out) for `x @ w`."""

    qkv_weight: np.ndarray  # D x 3D; the q columns carry 1/sqrt(head dims) already
    qkv_bias: np.ndarray
    attention_weight: np.ndarray
    attention_bias: np.ndarray
    linear1_weight: np.ndarray
    linear1_bias: np.ndarray
    linear2_weight: np.ndarray
    linear2_bias: np.ndarray
    norm1_weight: np.ndarray
    norm1_bias: np.ndarray
    norm2_weight: np.ndarray
    norm2_bias: np.ndarray


class SmallEncoder:
    """Post-norm transformer encoder over WordPiece ids; `sentence` gives a unit vector."""

    def __init__(self, data: bytes, header: Mapping[str, object], arrays: Mapping[str, np.ndarray]) -> None:
        self._data = data
        self._heads = int(header["heads"])
        self._max_len = int(header["max_len"])
        self.source = str(header["source"])
        # The int8 table stays as stored (zero-copy); only a question's few rows are
        # dequantised, so a 27k-piece table costs its int8 size in memory and no load time.
        self._tokens = arrays["token_embeddings"]
        self._token_scale = arrays["token_scale"]
        self._positions = arrays["positions"]
        dims = self._positions.shape[1]
        # Scaling q before the product equals scaling the scores after it, and saves an op.
        query_scale = np.ones(3 * dims, dtype=np.float32)
        query_scale[:dims] = 1.0 / math.sqrt(dims // self._heads)
        self._layers = [_load_layer(arrays, f"layer{i}.", query_scale) for i in range(int(header["layers"]))]
        self._out_weight = np.ascontiguousarray(arrays["out_weight"].T)
        self._out_bias = arrays["out_bias"]

    @classmethod
    def from_file(cls, path: Path) -> SmallEncoder:
        return cls.from_bytes(path.read_bytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> SmallEncoder:
        data = bytes(data)
        if len(data) < _PREFIX.size or data[:8] != _MAGIC:
            raise ValueError("not a small encoder file (bad magic)")
        _, header_length = _PREFIX.unpack_from(data)
        try:
            header = json.loads(data[_PREFIX.size : _PREFIX.size + header_length])
            sizes = {key: int(header[key]) for key in _HEADER_SIZES}
            table = header["arrays"]
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"small encoder header is unreadable: {error}") from error
        if sizes["layers"] < 1 or sizes["heads"] < 1 or sizes["dims"] % sizes["heads"]:
            raise ValueError(f"small encoder sizes do not fit together: {sizes}")
        expected = _expected_shapes(sizes)
        _check_names(list(table), expected, "small encoder file")
        start = _PREFIX.size + header_length
        start += -start % _ALIGN
        arrays: dict[str, np.ndarray] = {}
        for name, shape in expected.items():
            entry = table[name]
            dtype = np.dtype(_dtype_of(name))
            if entry.get("dtype") != dtype.name or tuple(entry.get("shape", ())) != shape:
                raise ValueError(f"array {name} is {entry.get('dtype')} {entry.get('shape')}, expected {dtype.name} {list(shape)}")
            offset = start + int(entry["offset"])
            count = math.prod(shape)
            if offset < start or offset % _ALIGN or offset + count * dtype.itemsize > len(data):
                raise ValueError(f"array {name} lies outside the file or is not aligned")
            arrays[name] = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(shape)
        return cls(data, header, arrays)

    def to_bytes(self) -> bytes:
        """The file as read, so that a matcher artefact can carry the encoder unchanged."""
        return self._data

    @property
    def out_dims(self) -> int:
        return int(self._out_bias.shape[0])

    @property
    def piece_count(self) -> int:
        return int(self._tokens.shape[0])

    def sentence(self, piece_ids: Sequence[int]) -> np.ndarray:
        """Unit-length sentence vector of the first `max_len` pieces (zeros if there are none)."""
        ids = np.asarray(piece_ids[: self._max_len], dtype=np.intp)
        if ids.size == 0:
            return np.zeros(self.out_dims, dtype=np.float32)
        if ids.min() < 0 or ids.max() >= self.piece_count:
            raise ValueError(f"piece id out of range 0..{self.piece_count - 1}")
        length = ids.size
        x = self._tokens[ids].astype(np.float32) * self._token_scale[ids, None] + self._positions[:length]
        for layer in self._layers:
            x = _layer_norm(x + self._attention(x, layer), layer.norm1_weight, layer.norm1_bias)
            hidden = x @ layer.linear1_weight + layer.linear1_bias
            hidden = np.float32(0.5) * hidden * (np.float32(1.0) + np.tanh(_GELU_SCALE * (hidden + _GELU_CUBIC * hidden * hidden * hidden)))
            x = _layer_norm(x + (hidden @ layer.linear2_weight + layer.linear2_bias), layer.norm2_weight, layer.norm2_bias)
        vector = x.mean(axis=0) @ self._out_weight + self._out_bias
        norm = float(np.linalg.norm(vector))
        return (vector / np.float32(norm)).astype(np.float32) if norm > 0 else vector.astype(np.float32)

    def _attention(self, x: np.ndarray, layer: _Layer) -> np.ndarray:
        """All heads at once: (n, 3D) -> (3, heads, n, head dims), batched matmuls, back to (n, D)."""
        length, dims = x.shape
        qkv = (x @ layer.qkv_weight + layer.qkv_bias).reshape(length, 3, self._heads, dims // self._heads)
        query, key, value = qkv.transpose(1, 2, 0, 3)
        scores = query @ key.transpose(0, 2, 1)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ value).transpose(1, 0, 2).reshape(length, dims)
        return context @ layer.attention_weight + layer.attention_bias


def _load_layer(arrays: Mapping[str, np.ndarray], prefix: str, query_scale: np.ndarray) -> _Layer:
    def transposed(part: str) -> np.ndarray:
        return np.ascontiguousarray(arrays[prefix + part].T)

    return _Layer(
        qkv_weight=transposed("in_proj_weight") * query_scale,
        qkv_bias=arrays[prefix + "in_proj_bias"] * query_scale,
        attention_weight=transposed("out_proj_weight"),
        attention_bias=arrays[prefix + "out_proj_bias"],
        linear1_weight=transposed("linear1_weight"),
        linear1_bias=arrays[prefix + "linear1_bias"],
        linear2_weight=transposed("linear2_weight"),
        linear2_bias=arrays[prefix + "linear2_bias"],
        norm1_weight=arrays[prefix + "norm1_weight"],
        norm1_bias=arrays[prefix + "norm1_bias"],
        norm2_weight=arrays[prefix + "norm2_weight"],
        norm2_bias=arrays[prefix + "norm2_bias"],
    )


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """torch.nn.LayerNorm over the last axis: biased variance, eps inside the root."""
    centred = x - x.mean(axis=-1, keepdims=True)
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + _LAYER_NORM_EPS) * weight + bias

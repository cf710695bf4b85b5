"""Hashed subword ids of a question's tokens: the input of the Dutch sentence encoder.

Each folded token contributes its whole form and its character n-grams (fastText style), each
hashed into a fixed number of buckets. Because the n-grams of "trouwceremonie" are shared with
"trouwen" and "ceremonie", and those of a misspelling ("truwen") with the word it misspells,
the encoder gives compounds, inflections and typos a meaning it has never seen as a whole
word. The function is pure and is used unchanged by the build script that trains the encoder
and by the matcher at run time, so the two cannot drift apart.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import struct
import zlib
from collections.abc import Container, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

# Character n-grams of the token marked with word boundaries: "<naam>" -> "<na", "naa", ...
MIN_GRAM = 3
MAX_GRAM = 5
# Longest token that is still split into n-grams (longer ones are ids, codes or noise).
MAX_TOKEN_LENGTH = 40
_WORD_CACHE_LIMIT = 50_000
# The Dutch encoder the knowledge base's matcher is built with (benchmarks/build_dutch_encoder.py).
DUTCH_ENCODER = Path(__file__).resolve().parent / "data" / "nl_subword.bin"


def _bucket(text: str, buckets: int) -> int:
    return zlib.crc32(text.encode("utf-8")) % buckets


def token_subwords(token: str, buckets: int) -> tuple[int, ...]:
    """Bucket ids of one folded token: the whole token first, then its n-grams."""
    marked = f"<{token}>"
    ids = [_bucket("w" + marked, buckets)]
    if len(token) <= MAX_TOKEN_LENGTH:
        for size in range(MIN_GRAM, MAX_GRAM + 1):
            ids.extend(_bucket(marked[start : start + size], buckets) for start in range(len(marked) - size + 1))
    return tuple(ids)


class SubwordIndex:
    """`token_subwords` with a per-word cache, for building an encoder's training data
    (benchmarks/build_dutch_encoder.py: the same words come back all the time). The matcher
    does not use it: `SubwordEncoder` keeps a vector per known word instead."""

    def __init__(self, buckets: int) -> None:
        self.buckets = buckets
        self._cache: dict[str, tuple[int, ...]] = {}

    def token(self, token: str) -> tuple[int, ...]:
        found = self._cache.get(token)
        if found is None:
            found = token_subwords(token, self.buckets)
            if len(self._cache) >= _WORD_CACHE_LIMIT:  # a flood of nonsense cannot grow it forever
                self._cache.clear()
            self._cache[token] = found
        return found

    def tokens(self, tokens: Iterable[str]) -> list[tuple[int, ...]]:
        return [self.token(token) for token in tokens]


# -- the encoder ----------------------------------------------------------------------------

_MAGIC = b"BALIESW1"
_PREFIX = struct.Struct("<8sI")
_ALIGN = 8
_ARRAYS = {  # name -> (dtype, shape in terms of the header's sizes)
    "table": ("int8", ("buckets", "dims")),
    "table_scale": ("float32", ("buckets",)),
    "importance": ("float16", ("buckets",)),
    "out_weight": ("float32", ("dims", "out_dims")),
    "out_bias": ("float32", ("out_dims",)),
}


def write_subword_encoder(path: Path, arrays: Mapping[str, np.ndarray], *, source: str) -> None:
    """Write a trained encoder: `table` (buckets x dims, float, stored int8 with one scale a
    row), `importance` (buckets), `out_weight` (dims x out_dims), `out_bias` (out_dims)."""
    table = np.asarray(arrays["table"], dtype=np.float32)
    peaks = np.abs(table).max(axis=1)
    scale = np.where(peaks > 0, peaks / 127.0, 1.0).astype(np.float32)
    stored = {
        "table": np.clip(np.round(table / scale[:, None]), -127, 127).astype(np.int8),
        "table_scale": scale,
        "importance": np.asarray(arrays["importance"], dtype=np.float16),
        "out_weight": np.asarray(arrays["out_weight"], dtype=np.float32),
        "out_bias": np.asarray(arrays["out_bias"], dtype=np.float32),
    }
    sizes = {"buckets": table.shape[0], "dims": table.shape[1], "out_dims": stored["out_bias"].shape[0]}
    entries: dict[str, dict[str, object]] = {}
    blobs: list[bytes] = []
    offset = 0
    for name, (dtype, dims) in _ARRAYS.items():
        shape = tuple(sizes[dim] for dim in dims)
        if stored[name].shape != shape:
            raise ValueError(f"array {name} has shape {stored[name].shape}, expected {shape}")
        blob = np.ascontiguousarray(stored[name]).tobytes()
        entries[name] = {"offset": offset, "dtype": dtype, "shape": list(shape)}
        padding = -len(blob) % _ALIGN
        blobs.append(blob + b"\0" * padding)
        offset += len(blob) + padding
    header = json.dumps({**sizes, "min_gram": MIN_GRAM, "max_gram": MAX_GRAM, "source": source, "arrays": entries}).encode()
    prefix = _PREFIX.pack(_MAGIC, len(header)) + header
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(prefix + b"\0" * (-len(prefix) % _ALIGN) + b"".join(blobs))


class SubwordEncoder:
    """Sentence vectors from hashed subwords: each token is the mean of its buckets' vectors,
    the sentence their mean weighted by the tokens' learned importance, mapped to the
    teacher's space and scaled to unit length. Trained to reproduce a multilingual sentence
    encoder's vectors (benchmarks/build_dutch_encoder.py); numpy only at run time."""

    def __init__(self, data: bytes) -> None:
        data = bytes(data)
        if len(data) < _PREFIX.size or data[:8] != _MAGIC:
            raise ValueError("not a subword encoder file (bad magic)")
        _, header_length = _PREFIX.unpack_from(data)
        try:
            header = json.loads(data[_PREFIX.size : _PREFIX.size + header_length])
            sizes = {key: int(header[key]) for key in ("buckets", "dims", "out_dims")}
            grams = (int(header["min_gram"]), int(header["max_gram"]))
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"subword encoder header is unreadable: {error}") from error
        if grams != (MIN_GRAM, MAX_GRAM):
            raise ValueError(f"subword encoder was trained on {grams} grams, this code makes {(MIN_GRAM, MAX_GRAM)}")
        start = _PREFIX.size + header_length
        start += -start % _ALIGN
        arrays: dict[str, np.ndarray] = {}
        for name, (dtype, dims) in _ARRAYS.items():
            entry = header["arrays"][name]
            shape = tuple(sizes[dim] for dim in dims)
            if entry["dtype"] != dtype or tuple(entry["shape"]) != shape:
                raise ValueError(f"array {name} is {entry['dtype']} {entry['shape']}, expected {dtype} {list(shape)}")
            count = math.prod(shape)
            offset = start + int(entry["offset"])
            if offset + count * np.dtype(dtype).itemsize > len(data):
                raise ValueError(f"array {name} lies outside the file")
            arrays[name] = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(shape)
        self._data = data
        self.source = str(header.get("source", ""))
        self.buckets = sizes["buckets"]
        self._tokens: dict[str, tuple[np.ndarray, np.float32]] = {}  # `_token` per known word
        # The int8 table stays as stored (zero-copy); only a question's rows are dequantised.
        self._table = arrays["table"]
        self._table_scale = arrays["table_scale"]
        self._importance = arrays["importance"].astype(np.float32)
        self._out_weight = arrays["out_weight"]
        self._out_bias = arrays["out_bias"]

    @classmethod
    def from_file(cls, path: Path) -> SubwordEncoder:
        return cls(path.read_bytes())

    def to_bytes(self) -> bytes:
        return self._data

    @functools.cached_property
    def digest(self) -> str:
        """SHA-256 of the encoder file: how a matcher artefact names the encoder it was built with."""
        return hashlib.sha256(self._data).hexdigest()

    @property
    def out_dims(self) -> int:
        return int(self._out_bias.shape[0])

    def _token(self, token: str, known: Container[str], message: dict | None) -> tuple[np.ndarray, np.float32]:
        """A token's vector (the mean of its buckets' rows) and importance (their mean). Kept per
        word for the words in `known` (a matcher's own: one look-up instead of a gather of its
        10-30 rows from the table); another word (a resident's name, a street, a typo) in
        `message` (one message's texts) and never for the process."""
        found = self._tokens.get(token)
        if found is None and message is not None:
            found = message.get(token)
        if found is None:
            ids = np.asarray(token_subwords(token, self.buckets), dtype=np.intp)
            count = np.float32(len(ids))
            rows = self._table[ids].astype(np.float32) * self._table_scale[ids, None]
            found = (np.add.reduceat(rows, [0], axis=0)[0] / count, np.add.reduceat(self._importance[ids], [0])[0] / count)
            if token in known:
                if len(self._tokens) >= _WORD_CACHE_LIMIT:  # several tenants' vocabularies: still bounded
                    self._tokens.clear()
                self._tokens[token] = found
            elif message is not None:
                message[token] = found
        return found

    def sentence(self, tokens: Sequence[str], known: Container[str] = (), message: dict | None = None) -> np.ndarray:
        """Unit-length vector of the folded tokens (zeros when there are none). The vectors of the
        words in `known` are kept; the others' in `message` if given (see `_token`)."""
        if not tokens:
            return np.zeros(self.out_dims, dtype=np.float32)
        per_token = [self._token(token, known, message) for token in tokens]
        token_vectors = np.stack([vector for vector, _ in per_token])
        importance = np.array([weight for _, weight in per_token], dtype=np.float32)
        weights = np.exp(importance - importance.max())
        vector = (weights @ token_vectors) / weights.sum()
        vector = vector @ self._out_weight + self._out_bias
        norm = float(np.linalg.norm(vector))
        return (vector / np.float32(norm)).astype(np.float32) if norm > 0 else vector.astype(np.float32)


class EncoderMismatch(ValueError):
    """A matcher artefact names a Dutch encoder other than the one this package carries."""


@functools.cache
def dutch_encoder() -> SubwordEncoder:
    """The packaged Dutch encoder, read once per process. Matcher artefacts do not carry a
    copy: they name it by its digest (`packaged_encoder`), so every tenant's artefact is
    1.8 MB smaller and a container holds the table once, however many matchers it loads."""
    return SubwordEncoder.from_file(DUTCH_ENCODER)


def packaged_digest(encoder: SubwordEncoder) -> str:
    """The digest a matcher artefact names `encoder` by; only the packaged encoder can be named."""
    if encoder.digest != dutch_encoder().digest:
        raise EncoderMismatch(f"a matcher artefact can only name the packaged Dutch encoder ({DUTCH_ENCODER.name})")
    return encoder.digest


def packaged_encoder(digest: str) -> SubwordEncoder:
    """The packaged Dutch encoder, when it is the one `digest` names; `EncoderMismatch`
    otherwise (an artefact trained against another encoder would score with vectors of a
    space it was not fitted in). `matcher_code_version` hashes the encoder file too, so a
    rebuilt encoder gets new artefact keys: a mismatch means an artefact from another
    deployment, or an encoder file changed without a rebuild."""
    encoder = dutch_encoder()
    if encoder.digest != digest:
        raise EncoderMismatch(
            f"the matcher artefact was built with the Dutch encoder sha256 {digest}, but this package's "
            f"{DUTCH_ENCODER.name} is sha256 {encoder.digest}: rebuild the artefact (`balie kb build`, "
            "or publish the tenant again)"
        )
    return encoder

"""Static word-piece embeddings: a dense sentence vector with numpy only.

Sparse features cannot link paraphrases that share no word with any example ("change your
name" vs "call you something else"). The table in data/ holds one int8 vector per WordPiece
token, distilled from the sentence encoder all-MiniLM-L6-v2 (see data/README.md and
benchmarks/build_static_embedding.py); a question's vector is the weighted mean of its
pieces' vectors, as in model2vec. No tokenizer library is needed: WordPiece is a greedy
longest-match look-up in the table's own vocabulary.
"""
from __future__ import annotations

import functools
import json
import struct
import unicodedata
from collections.abc import Container, Iterable, Sequence
from pathlib import Path

import numpy as np

DEFAULT_TABLE = Path(__file__).resolve().parent / "data" / "minilm_l6_wordpiece64.bin"
_MAGIC = b"BALIEWE1"
_CONTINUATION = "##"
# Memoised pieces of this many distinct known words at most (several tenants' vocabularies).
_WORD_CACHE_LIMIT = 50_000


def keeps_piece(piece: str) -> bool:
    """Whether the table keeps this WordPiece token: ASCII letters and digits only (the
    matcher folds accents away first), no special or unused tokens."""
    body = piece[len(_CONTINUATION) :] if piece.startswith(_CONTINUATION) else piece
    return body.isascii() and body.isalnum()


def write_table(path: Path, pieces: Sequence[str], vectors: np.ndarray, *, source: str) -> None:
    """Write float `vectors` (one row per piece) as int8 with one global scale."""
    scale = float(np.abs(vectors).max() / 127.0) or 1.0
    quantised = np.round(vectors / scale).astype(np.int8)
    text = "\n".join(pieces).encode("utf-8")
    header = json.dumps(
        {"count": len(pieces), "dims": int(vectors.shape[1]), "scale": scale, "text_bytes": len(text), "source": source}
    ).encode("utf-8")
    prefix = _MAGIC + struct.pack("<I", len(header)) + header + text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(prefix + b"\0" * (-len(prefix) % 8) + quantised.tobytes())


class StaticEmbedding:
    """WordPiece table plus per-piece weights; `sentence` gives a unit vector."""

    def __init__(self, pieces: Sequence[str], vectors: np.ndarray) -> None:
        self._index = {piece: i for i, piece in enumerate(pieces)}
        self._vectors = vectors  # float32, pieces x dims
        # Rarer pieces say more about the question (SIF / model2vec's Zipf weighting); the
        # table is in BERT's id order, a stand-in for frequency rank.
        self._weights = np.log(np.arange(len(pieces), dtype=np.float32) + 2.0)
        self._word_cache: dict[str, tuple[int, ...]] = {}  # pieces of the known words (`piece_ids`)

    @property
    def piece_count(self) -> int:
        return len(self._index)

    def pieces(self) -> list[str]:
        """The table's pieces in index order (what `piece_ids` indexes)."""
        return sorted(self._index, key=self._index.__getitem__)

    @property
    def dims(self) -> int:
        return int(self._vectors.shape[1])

    @classmethod
    def from_file(cls, path: Path) -> StaticEmbedding:
        data = path.read_bytes()
        if data[:8] != _MAGIC:
            raise ValueError(f"not a static embedding table: {path}")
        (header_length,) = struct.unpack_from("<I", data, 8)
        header = json.loads(data[12 : 12 + header_length])
        text_start = 12 + header_length
        text_end = text_start + header["text_bytes"]
        pieces = data[text_start:text_end].decode("utf-8").split("\n")
        offset = text_end + (-text_end % 8)
        count, dims = header["count"], header["dims"]
        quantised = np.frombuffer(data, dtype=np.int8, count=count * dims, offset=offset).reshape(count, dims)
        return cls(pieces, quantised.astype(np.float32) * np.float32(header["scale"]))

    def piece_ids(self, tokens: Iterable[str], known: Container[str] = (),
                  message: dict[str, tuple[int, ...]] | None = None) -> list[int]:
        """The tokens' piece ids. Those of the words in `known` (a matcher's own) are kept; another
        word's (a resident's name, a street, a typo) in `message` (one message's texts) if given,
        never for the process."""
        ids: list[int] = []
        for token in tokens:
            cached = self._word_cache.get(token)
            if cached is None and message is not None:
                cached = message.get(token)
            if cached is None:
                cached = tuple(i for word in _words(token) for i in self._word_pieces(word))
                if token in known:
                    if len(self._word_cache) >= _WORD_CACHE_LIMIT:
                        self._word_cache.clear()
                    self._word_cache[token] = cached
                elif message is not None:
                    message[token] = cached
            ids.extend(cached)
        return ids

    def _word_pieces(self, word: str) -> list[int]:
        """Greedy longest-match WordPiece; a word it cannot cover whole gives nothing."""
        index = self._index
        found: list[int] = []
        start, length = 0, len(word)
        while start < length:
            for end in range(length, start, -1):
                piece = word[start:end] if start == 0 else _CONTINUATION + word[start:end]
                piece_id = index.get(piece)
                if piece_id is not None:
                    found.append(piece_id)
                    start = end
                    break
            else:
                return []
        return found

    def sentence(self, tokens: Iterable[str]) -> np.ndarray:
        """Unit-length weighted mean of the tokens' piece vectors (zeros if none is known)."""
        return self.vectorise(self.piece_ids(tokens))

    def vectorise(self, ids: Sequence[int]) -> np.ndarray:
        """`sentence` for piece ids already looked up (`piece_ids`)."""
        if not ids:
            return np.zeros(self.dims, dtype=np.float32)
        vector = self._weights[ids] @ self._vectors[ids]
        norm = float(np.linalg.norm(vector))
        return (vector / norm).astype(np.float32) if norm > 0 else vector.astype(np.float32)


def _words(token: str) -> list[str]:
    """BERT's basic tokenisation of one token: lower case, accents off, split on the rest."""
    folded = "".join(c for c in unicodedata.normalize("NFD", token.lower()) if unicodedata.category(c) != "Mn")
    words: list[str] = []
    current: list[str] = []
    for char in folded:
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


@functools.cache
def default_embedding() -> StaticEmbedding:
    """The committed table, read once per process and only by matchers that use it."""
    return StaticEmbedding.from_file(DEFAULT_TABLE)

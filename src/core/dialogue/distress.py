"""The second net behind the crisis rules: a trained classifier for distress in wording no
rule was written for.

    detect("ik ben zo moe van alles, ik wil gewoon slapen en niet meer wakker worden")  # "suicide"
    detect("mijn vuilnis is niet opgehaald")                                           # None

The rules of core.dialogue.crisis find what they were written for and little else: each new
writer finds a new way to say it (BENCHMARKS.md, "Crisis detector"). This model reads the
same normalised words (crisis.normalise: folded, squeezed, chat forms written out, key words
corrected) as hashed features: each word, its character 3-5-grams (with word boundaries, so
"zelfmoordgedachtes", "zelfmord" and "suicidaal" share most of their features) and the word
pairs within a clause. A multinomial logistic regression over six classes (none and the five
crisis kinds) turns them into probabilities; the chance of a crisis is 1 - p(none), its kind
the likeliest crisis class. A long message is read in windows of a few clauses, so that one
sentence of distress inside a question about rent counts as much as the same sentence alone;
the window with the highest chance of a crisis decides.

The dialogue asks it only when the rules are quiet, and answers a hit more gently than a rule
hit (turn.py): the right number first in a caring sentence, then the answer to the question
the resident asked. The threshold was chosen by cross-validation on the training data
(benchmarks/crisis_train.py, which also writes data/distress_model.bin: the threshold, the
biases and the weights as 8-bit integers with a scale per class, 2^17 buckets).

Pure and standard library only: the weights load on first use (about 0.8 MB); a word's
features are summed once and remembered, so a typical message costs a few hundredths of a
millisecond more than the rules alone.
"""
from __future__ import annotations

import functools
import json
import math
import struct
import zlib
from array import array
from pathlib import Path

from .crisis import CrisisKind, _kept_form, normalise, read_for_the_classifier

__all__ = ["CLASSES", "MODEL", "Model", "clauses", "detect", "features", "load", "probabilities", "windows"]

CLASSES: tuple[str, ...] = ("none", "suicide", "sexual", "danger", "violence", "homeless")
MODEL = Path(__file__).resolve().parent / "data" / "distress_model.bin"
MAGIC = b"BALIE-DISTRESS\x00\x01"
BUCKETS = 1 << 17
CHAR_GRAMS = (3, 4, 5)
# A message longer than this many words is read in windows of consecutive clauses of at least
# as many words (each clause starts one), so the distress of one sentence is not drowned by the
# question around it ("Wanneer wordt het grofvuil opgehaald? Ik moet vrijdag de sleutel
# inleveren en heb daarna geen adres meer om te slapen.").
WINDOW_WORDS = 12
MAX_REMEMBERED = 50_000


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


def _word_buckets(word: str) -> tuple[int, ...]:
    """The buckets of a word's own features: the word and its character n-grams. Not kept here: a
    model keeps what a known word's buckets sum to (`Model._word_sums`)."""
    marked = f"<{word}>"
    grams = [marked[start:start + size] for size in CHAR_GRAMS for start in range(len(marked) - size + 1)]
    return (_bucket("w " + word), *(_bucket("c " + gram) for gram in grams))


def _pair_bucket(first: str, second: str) -> int:
    return _bucket(f"b {first} {second}")


def clauses(text: str) -> list[list[str]]:
    """The normalised words of a message, per clause."""
    found: list[list[str]] = [[]]
    for word in normalise(text).split():
        if word == ".":
            if found[-1]:
                found.append([])
        else:
            found[-1].append(word)
    return [clause for clause in found if clause]


def windows(text: str) -> list[list[list[str]]]:
    """The windows a message is read in, each a list of clauses (lists of normalised words):
    the whole message when it is short, else runs of consecutive clauses."""
    parts = clauses(text)
    if sum(map(len, parts)) <= WINDOW_WORDS:
        return [parts] if parts else []
    found = []
    for start in range(len(parts)):
        window, size = [], 0
        for clause in parts[start:]:
            window.append(clause)
            size += len(clause)
            if size >= WINDOW_WORDS:
                break
        found.append(window)
        if size < WINDOW_WORDS:
            break  # the rest of the message fits in this window: later ones are parts of it
    return found


def features(clauses: list[list[str]]) -> list[int]:
    """The buckets of one window's features (repeated as often as they occur). Each feature
    weighs 1/sqrt(len(features)), so a window's length does not decide its score."""
    found: list[int] = []
    for clause in clauses:
        for word in clause:
            found.extend(_word_buckets(word))
        found.extend(_pair_bucket(first, second) for first, second in zip(clause, clause[1:]))
    return found


class Model:
    """The threshold, biases, per-class scales and int8 weights (BUCKETS x len(CLASSES), a
    bucket's classes next to each other) of a trained model, and its header as stored."""

    def __init__(self, threshold: float, bias: tuple[float, ...], scales: tuple[float, ...], weights: array,
                 header: dict) -> None:
        self.threshold, self.bias, self.scales, self.weights, self.header = threshold, bias, scales, weights, header
        # word -> (number of features, summed 8-bit weights per class), for the words the crisis rules
        # or the loaded knowledge know (`crisis._kept_form`); any other word is a resident's (a name, an
        # e-mail's parts, a street) and is summed once per message, never kept after it
        self._words: dict[str, tuple[int, list[int]]] = {}

    @classmethod
    def from_bytes(cls, data: bytes) -> "Model":
        if not data.startswith(MAGIC):
            raise ValueError("not a distress model")
        (length,) = struct.unpack_from("<I", data, len(MAGIC))
        start = len(MAGIC) + 4
        header = json.loads(data[start:start + length])
        if header["classes"] != list(CLASSES) or header["buckets"] != BUCKETS:
            raise ValueError("a distress model for other classes or buckets")
        weights = array("b")
        weights.frombytes(data[start + length:])
        if len(weights) != BUCKETS * len(CLASSES):
            raise ValueError("a distress model of the wrong size")
        return cls(header["threshold"], tuple(header["bias"]), tuple(header["scales"]), weights, header)

    @staticmethod
    def to_bytes(header: dict, weights: bytes) -> bytes:
        spelled = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return MAGIC + struct.pack("<I", len(spelled)) + spelled + weights

    def _word_sums(self, word: str, message: dict[str, tuple[int, list[int]]]) -> tuple[int, list[int]]:
        """(number of features, summed 8-bit weights per class) of a word's own features; kept per
        known word, another word's in `message` (one message's)."""
        found = self._words.get(word)
        if found is None:
            found = message.get(word)
        if found is None:
            width = len(CLASSES)
            sums = [0] * width
            weights = self.weights
            buckets = _word_buckets(word)
            for bucket in buckets:
                at = bucket * width
                for index in range(width):
                    sums[index] += weights[at + index]
            found = (len(buckets), sums)
            if not _kept_form(word):
                message[word] = found
            else:
                if len(self._words) >= MAX_REMEMBERED:  # several tenants' vocabularies: still bounded
                    self._words.clear()
                self._words[word] = found
        return found

    def _clause_sums(self, clause: list[str], message: dict[str, tuple[int, list[int]]]) -> tuple[int, list[int]]:
        """(number of features, summed 8-bit weights per class) of one clause."""
        width = len(CLASSES)
        sums = [0] * width
        count = 0
        weights = self.weights
        for word in clause:
            number, word_sums = self._word_sums(word, message)
            count += number
            for index in range(width):
                sums[index] += word_sums[index]
        for first, second in zip(clause, clause[1:]):
            at = _pair_bucket(first, second) * width
            count += 1
            for index in range(width):
                sums[index] += weights[at + index]
        return count, sums

    def _probabilities(self, count: int, sums: list[int]) -> list[float]:
        width = len(CLASSES)
        if not count:
            return [1.0] + [0.0] * (width - 1)
        norm = 1 / math.sqrt(count)
        logits = [self.bias[index] + sums[index] * self.scales[index] * norm for index in range(width)]
        top = max(logits)
        exps = [math.exp(logit - top) for logit in logits]
        total = sum(exps)
        return [value / total for value in exps]

    def probabilities(self, text: str) -> list[float]:
        """Per class, of the window with the highest chance of a crisis (all none for no words).
        Windows overlap: each clause is summed once (integer sums, so the order does not matter)."""
        best = [1.0] + [0.0] * (len(CLASSES) - 1)
        summed: dict[int, tuple[int, list[int]]] = {}
        message: dict[str, tuple[int, list[int]]] = {}  # this text's unknown words
        for window in windows(text):
            count, sums = 0, [0] * len(CLASSES)
            for clause in window:
                if id(clause) not in summed:
                    summed[id(clause)] = self._clause_sums(clause, message)
                clause_count, clause_sums = summed[id(clause)]
                count += clause_count
                sums = [total + part for total, part in zip(sums, clause_sums)]
            found = self._probabilities(count, sums)
            if found[0] < best[0]:
                best = found
        return best

    def detect(self, text: str) -> CrisisKind | None:
        found = self.probabilities(text)
        if 1 - found[0] < self.threshold:
            return None
        # A family it misreads (a complaint about a rude clerk, a landlord's question about the rules): read again
        # without its words, and an alarm only if the rest still alarms (crisis.read_for_the_classifier).
        read = read_for_the_classifier(text)
        if read is not None:
            found = self.probabilities(read)
            if 1 - found[0] < self.threshold:
                return None
        kind = max(range(1, len(CLASSES)), key=found.__getitem__)
        return CLASSES[kind]  # type: ignore[return-value]


@functools.cache
def load() -> Model:
    """The shipped model, read on first use."""
    return Model.from_bytes(MODEL.read_bytes())


def probabilities(text: str) -> dict[str, float]:
    """The shipped model's probability per class for a message (diagnostics, benchmarks)."""
    return dict(zip(CLASSES, load().probabilities(text)))


def detect(text: str) -> CrisisKind | None:
    """The crisis kind the shipped model sees at its threshold, or None."""
    return load().detect(text)

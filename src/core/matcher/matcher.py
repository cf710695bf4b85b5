"""The matcher: `train` at build time, `Matcher.classify` per request, bytes in between."""
from __future__ import annotations

import json
import math
import struct
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from .answer import AnswerBand, AnswerPolicy, answer_inputs
from .embedding import DEFAULT_TABLE, StaticEmbedding, default_embedding
from .encoder import SmallEncoder, quantise_rows
from .subword import SubwordEncoder, packaged_digest, packaged_encoder
from .features import Analysis, Analyzer, FeatureConfig, MessageWords
from .learning import (
    Costs,
    LogisticModel,
    SoftmaxConfig,
    SparseRows,
    choose_threshold,
    fit_logistic,
    fit_softmax,
    fit_temperature,
    softmax,
    sparse_logits,
)
from .normalize import DUTCH, ENGLISH, STOP_WORDS, guess_language, tokenize
from .segment import clauses, strip_courtesy
from .vocabulary import Vocabulary

MAX_ALTERNATIVES = 3
# An intent with less calibrated probability than this is noise, not a sensible
# "did you mean" button.
MIN_ALTERNATIVE_PROBABILITY = 0.01
# At most this many of the knowledge base's words' own readings are kept (`Matcher.word_reads_as`).
KEPT_WORD_READINGS = 20_000
CROSS_VALIDATION_FOLDS = 5
# Above this many examples one held-out split replaces k-fold cross-validation,
# which keeps building a large knowledge base under a minute.
LARGE_KB_EXAMPLES = 4000
# A candidate of "Bedoelt u...?" scores at least this share of the best one.
RUNNER_UP_RATIO = 0.5
# Without real messages to fix it on, the clarify zone starts at this share of the answer
# threshold (a near miss is asked about, not rejected).
DEFAULT_CLARIFY_RATIO = 0.6
# A message of at most this many content words ("belasting", "help", "geen idee") answers
# only from the stricter cut-off of a single clause: one word looks more certain than it is,
# and often names several topics.
SHORT_CONTENT_WORDS = 1

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ReadWords:
    """The words of `text` that `Matcher.word_reads_as` reads one by one: of the text without its courtesy
    (`strip_courtesy`), not stop words (of `language`, guessed with `default_language` on a tie) or numbers, each
    once, in order. `whole`: the courtesy took nothing away (the words are the whole text's)."""

    text: str
    words: tuple[str, ...]
    language: str
    whole: bool
    default_language: str


@dataclass(frozen=True, slots=True)
class Alternative:
    intent: str
    score: float


Decision = Literal["answer", "clarify", "reject"]


@dataclass(frozen=True, slots=True)
class Classification:
    """The matcher's answer.

    `decision` is the answer policy's zone: "answer" (`intent` is the topic, confident
    enough to answer), "clarify" (ask "Bedoelt u...?" with `candidates`), "reject" (out of
    scope). `intent` is set exactly when the decision is "answer". `alternatives` (best
    first, at most three, never `intent`) are the next guesses; when `intent` is None they
    are the best guesses. `parts` holds the clauses of a message of several (a story, two
    questions in one) in which a topic was found, each with its own classification; it is
    empty for a single clause.
    """

    intent: str | None
    score: float
    alternatives: list[Alternative] = field(default_factory=list)
    decision: Decision = "reject"
    parts: list["Part"] = field(default_factory=list)
    # The whole message's probability of the out-of-scope class (weather, sport, recipes: what the knowledge
    # base's `_out_of_scope` examples teach), 0.0 without one: how surely it is about something other than
    # the gemeente's work, whatever topic the conversation is on (core.dialogue).
    outside: float = 0.0

    @property
    def candidates(self) -> list[Alternative]:
        """What to offer when `decision` is "clarify": the best guesses that score at least
        RUNNER_UP_RATIO of the best, best first, at most three."""
        ranked = ([Alternative(self.intent, self.score)] if self.intent is not None else []) + self.alternatives
        if not ranked:
            return []
        best = ranked[0].score
        return [alt for alt in ranked if alt.score >= best * RUNNER_UP_RATIO][: MAX_ALTERNATIVES]


@dataclass(frozen=True, slots=True)
class Part:
    """One clause of a longer message with its own classification (no nested parts)."""

    text: str
    classification: Classification


def decide(score: float, answer_threshold: float, clarify_threshold: float) -> Decision:
    """The answer policy on the calibrated probability that the best intent is right:
    answer above the answer cut-off, ask "Bedoelt u...?" between the two, else out of scope.
    Both cut-offs are fixed at build time (on real residents' messages when available)."""
    if score >= answer_threshold:
        return "answer"
    if score >= clarify_threshold:
        return "clarify"
    return "reject"


@dataclass(frozen=True, slots=True)
class TrainingConfig:
    """Build-time settings. The defaults were tuned on CLINC150's validation split and
    checked on the Dutch knowledge base's own held-out folds."""

    features: FeatureConfig = FeatureConfig()
    softmax: SoftmaxConfig = SoftmaxConfig(l2=1e-6, epochs=8)
    costs: Costs = Costs()
    # None: the threshold with the lowest expected `costs` on held-out questions. A number:
    # the lowest threshold that still rejects this share of held-out out-of-scope questions
    # (an operating point fixed by its out-of-scope recall, as in benchmarks).
    min_oos_recall: float | None = None
    min_char_df: int = 2  # an n-gram of one example only is its spelling, not a pattern
    # Relative weight of words, word pairs and character n-grams. Character n-grams at full
    # weight overfit the examples' spelling; a low weight keeps them for typos and compounds.
    block_weights: tuple[float, float, float] = (1.0, 0.6, 0.45)
    typo_cutoff: float = 85.0
    # Weight of the dense block: a static English word-piece embedding of the question
    # (embedding.py), which links paraphrases with no word in common. 0 leaves it out.
    # +0.7 points top-1 on CLINC150 validation; English only, so off by default (Dutch).
    embedding_weight: float = 0.0
    # A small contextual sentence encoder (encoder.py) over the same word pieces: a second
    # dense block, for word order and context. None leaves it out; the matcher artefact then
    # carries its weights, so nothing else needs to be found at load time.
    # SubwordEncoder (subword.py): a Dutch sentence encoder over hashed subwords of the
    # question's own tokens, needing no word-piece table.
    encoder: SmallEncoder | SubwordEncoder | None = None
    encoder_weight: float = 1.0
    # How the encoder's vector enters: "block" (dense features of the softmax model) or
    # "centroids" (each intent's logit gains encoder_weight x the cosine between the question
    # and the mean vector of the intent's examples). Centroids stay bounded: a question far
    # from every example gets no confident intent out of them, which a learned dense block
    # with few examples and few intents does not guarantee.
    encoder_mode: Literal["block", "centroids"] = "block"
    # The answer policy's cut-offs (answer, a single clause, clarify) when they are fixed in
    # advance (fit_policy on real messages) instead of derived from the held-out folds; the
    # answer and single-clause cut-offs of a small knowledge base (fewer than
    # `cut_offs.min_intents`) never go below the one its held-out folds give.
    cut_offs: "CutOffs | None" = None
    # The answer model of a whole message and its cut-offs (answer.py), for a knowledge base
    # of at least `answer_policy.min_intents` intents; a smaller one keeps `cut_offs`.
    answer_policy: AnswerPolicy | None = None


# The inputs of the confidence model, in order (see `_confidence_inputs`).
CONFIDENCE_INPUTS = ("log_top_probability", "margin", "log_sum_exp", "top_logit", "coverage", "out_of_scope_probability")


class _Scorer:
    """Vocabulary, feature index and softmax weights: everything learned from examples."""

    def __init__(
        self,
        *,
        analyzer: Analyzer,
        feature_index: dict[str, int],
        idf: np.ndarray,
        feature_block: np.ndarray,
        block_weights: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        embedding: StaticEmbedding | None = None,
        embedding_weight: float = 0.0,
        encoder: SmallEncoder | SubwordEncoder | None = None,
        encoder_weight: float = 0.0,
        centroids: np.ndarray | None = None,
        examples: "ExampleVectors | None" = None,
    ) -> None:
        self.analyzer = analyzer
        self.feature_index = feature_index
        self._columns: dict[tuple[str, str], tuple[int, ...]] = {}  # `_token_columns` per known word
        self.idf = idf
        self.feature_block = feature_block
        self.block_weights = block_weights
        self.weights = weights  # float32 (features x classes) or int8 with row scales
        self.row_scale: np.ndarray | None = None
        self.bias = bias
        # The dense block's columns follow the sparse features' (weights has their rows last).
        self.embedding = embedding if embedding_weight > 0 else None
        self.embedding_weight = embedding_weight if self.embedding is not None else 0.0
        self.encoder = encoder if encoder_weight > 0 else None
        self.encoder_weight = encoder_weight if self.encoder is not None else 0.0
        # Centroid mode: one unit vector per class (intents, then out of scope), rows of the
        # encoder's space; None while training has not set them or in block mode.
        self.centroids = centroids if self.encoder is not None else None
        # Centroid mode: the encoder's vectors of the examples themselves, for the answer model's
        # nearest-example inputs (None in block mode and in artefacts built before them).
        self.examples = examples if self.centroids is not None else None
        if isinstance(self.encoder, SmallEncoder) and self.encoder.piece_count != default_embedding().piece_count:
            raise ValueError("the encoder was trained on another word-piece table than this code has")

    @property
    def _encoder_block(self) -> SmallEncoder | SubwordEncoder | None:
        """The encoder when its vector is part of the features (block mode)."""
        return self.encoder if self.centroids is None else None

    def _dense_dims(self) -> int:
        return (self.embedding.dims if self.embedding is not None else 0) + (
            self.encoder.out_dims if self._encoder_block is not None else 0)

    @property
    def column_count(self) -> int:
        return len(self.feature_index) + self._dense_dims()

    def _token_columns(self, token: str, language: str, message: MessageWords) -> tuple[int, ...]:
        """The feature columns of one token's own features (`Analyzer.token_features`). Kept here
        for the knowledge base's own words only (`Analyzer.known_words`: bounded by the
        vocabulary; no word a resident wrote that the knowledge base does not know stays in
        memory), in `message` for the other words (one message's texts)."""
        key = (token, language)
        columns = self._columns.get(key)
        if columns is None:
            columns = message.columns.get(key)
        if columns is None:
            index = self.feature_index
            columns = tuple(index[f] for f in self.analyzer.token_features(token, language, message) if f in index)
            known = token in self.analyzer.known_words(language)
            (self._columns if known else message.columns)[key] = columns
        return columns

    def vector(self, analysis: Analysis, message: MessageWords | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The analysis's feature columns (those of `Analyzer.features` the model knows, in no
        particular order) and their values, then the dense block's if any. `message` keeps what
        the words the knowledge base does not know cost across the texts of one message."""
        index = self.feature_index
        language = analysis.language
        message = MessageWords() if message is None else message
        found: set[int] = set()
        for token in (*analysis.tokens, *analysis.extra_tokens):
            found.update(self._token_columns(token, language, message))
        for pair in self.analyzer.pair_features(analysis, message):
            column = index.get(pair)
            if column is not None:
                found.add(column)
        columns = np.fromiter(found, dtype=np.int64, count=len(found))
        values = self._values(columns)
        encoder = self._encoder_block
        if self.embedding is None and encoder is None:
            return columns, values
        blocks = []
        if self.embedding is not None or isinstance(encoder, SmallEncoder):
            # The static block and the word-piece encoder read the question's word pieces (the
            # encoder indexes the static table's piece list, so it needs the table even when
            # its own block is off).
            piece_ids = self._piece_ids(analysis, message)
            if self.embedding is not None:
                blocks.append(self.embedding_weight * self.embedding.vectorise(piece_ids))
            if isinstance(encoder, SmallEncoder):
                blocks.append(self.encoder_weight * encoder.sentence(piece_ids))
        if isinstance(encoder, SubwordEncoder):
            # As written: the subwords already carry misspellings and compounds, and the
            # encoder was trained on tokens without the knowledge base's typo mapping.
            blocks.append(self.encoder_weight * self._encode(encoder, analysis, message))
        dense = np.concatenate(blocks).astype(np.float32)
        dense_columns = np.arange(len(index), len(index) + len(dense), dtype=np.int64)
        return np.concatenate([columns, dense_columns]), np.concatenate([values, dense])

    def _values(self, columns: np.ndarray) -> np.ndarray:
        """Idf-weighted values, unit length within each block, then block-weighted."""
        values = self.idf[columns]
        blocks = self.feature_block[columns]
        norms = np.sqrt(np.bincount(blocks, weights=values * values, minlength=len(self.block_weights)))
        norms[norms == 0] = 1.0
        return (values * (self.block_weights / norms)[blocks]).astype(np.float32)

    def logits(self, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
        if self.row_scale is None:
            return values @ self.weights[columns] + self.bias
        scaled = values * self.row_scale[columns]
        return scaled @ self.weights[columns].astype(np.float32) + self.bias

    def _piece_ids(self, analysis: Analysis, message: MessageWords | None) -> list[int]:
        return default_embedding().piece_ids(analysis.tokens, self.analyzer.known_words(analysis.language),
                                             None if message is None else message.pieces)

    def _encode(self, encoder: SubwordEncoder, analysis: Analysis, message: MessageWords | None) -> np.ndarray:
        # As written (no typo mapping): only a word the knowledge base knows keeps its vector.
        return encoder.sentence(analysis.raw_tokens, self.analyzer.known_words(analysis.language),
                                None if message is None else message.vectors)

    def sentence(self, analysis: Analysis, message: MessageWords | None = None) -> np.ndarray:
        """The encoder's unit vector of the question (SubwordEncoder: its tokens as written)."""
        if isinstance(self.encoder, SubwordEncoder):
            return self._encode(self.encoder, analysis, message)
        return self.encoder.sentence(self._piece_ids(analysis, message))

    def sentences(self, analyses: Sequence[Analysis], message: MessageWords | None = None) -> np.ndarray | None:
        """Centroid mode: the encoder's vector of each text, zeros for a text it does not read
        (the encoder is Dutch); None in block mode."""
        if self.centroids is None:
            return None
        message = MessageWords() if message is None else message
        return np.stack([self.sentence(analysis, message) if _encodes(analysis) else np.zeros(self.encoder.out_dims, np.float32)
                         for analysis in analyses])

    def centroid_logits(self, analyses: Sequence[Analysis], vectors: np.ndarray | None = None) -> np.ndarray | float:
        """What centroid mode adds to each class's logit (0 in block mode), from the texts'
        `sentences` (computed here unless given). A question in another language than the
        encoder's gets nothing from it."""
        if self.centroids is None:
            return 0.0
        vectors = self.sentences(analyses) if vectors is None else vectors
        return self.encoder_weight * (vectors @ self.centroids.T)

    def rows(self, analyses: Sequence[Analysis]) -> SparseRows:
        indptr = [0]
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for analysis in analyses:
            columns, vals = self.vector(analysis)
            indices.append(columns.astype(np.int32))
            values.append(vals)
            indptr.append(indptr[-1] + len(columns))
        return SparseRows(
            np.asarray(indptr, dtype=np.int64),
            np.concatenate(indices) if indices else np.zeros(0, np.int32),
            np.concatenate(values) if values else np.zeros(0, np.float32),
        )

    def quantise(self) -> None:
        """int8 weights with one float scale per feature: a quarter of the bytes."""
        if self.row_scale is not None:
            return
        scale = np.abs(self.weights).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        self.weights = np.round(self.weights / scale[:, None]).astype(np.int8)
        self.row_scale = scale.astype(np.float32)


def build_analyzer(texts: Sequence[str], config: TrainingConfig) -> Analyzer:
    """The analyser a matcher trained on `texts` uses: their vocabulary (typo mapping,
    compounds) and their dominant language. Also what a dense block's encoder must be
    trained on, so that it sees questions as the matcher will."""
    token_lists = [tokenize(text) for text in texts]
    vocabulary = Vocabulary((t for tokens in token_lists for t in tokens), typo_cutoff=config.typo_cutoff)
    return Analyzer(vocabulary, default_language=_dominant_language(token_lists), config=config.features)


def _build_scorer(
    texts: Sequence[str],
    labels: np.ndarray,
    class_count: int,
    config: TrainingConfig,
    progress: Progress | None,
) -> _Scorer:
    analyzer = build_analyzer(texts, config)
    analyses = [analyzer.analyse(text) for text in texts]
    feature_lists = [analyzer.features(a) for a in analyses]
    document_frequency = Counter(f for features in feature_lists for f in features)
    kept = sorted(
        f for f, df in document_frequency.items() if f[0] != "c" or df >= config.min_char_df
    )
    feature_index = {f: i for i, f in enumerate(kept)}
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + document_frequency[f])) + 1.0 for f in kept], dtype=np.float32)
    block_of = {"w": 0, "b": 1, "c": 2}
    feature_block = np.array([block_of[f[0]] for f in kept], dtype=np.int64)
    embedding = default_embedding() if config.embedding_weight > 0 else None
    scorer = _Scorer(
        analyzer=analyzer,
        feature_index=feature_index,
        idf=idf,
        feature_block=feature_block,
        block_weights=np.asarray(config.block_weights, dtype=np.float64),
        weights=np.zeros((0, class_count), dtype=np.float32),
        bias=np.zeros(class_count, dtype=np.float32),
        embedding=embedding,
        embedding_weight=config.embedding_weight,
        encoder=config.encoder,
        encoder_weight=config.encoder_weight,
        # A placeholder until the examples' vectors are known: in centroid mode the encoder
        # adds no columns to the softmax model.
        centroids=np.zeros((class_count, config.encoder.out_dims), np.float32)
        if config.encoder is not None and config.encoder_mode == "centroids"
        else None,
    )
    if progress:
        progress(f"matcher: {n} examples, {scorer.column_count} features, {class_count} classes")
    rows = scorer.rows(analyses)
    scorer.weights, scorer.bias = fit_softmax(rows, labels, scorer.column_count, class_count, config.softmax, progress)
    if scorer.centroids is not None:
        # Each class's Dutch examples only (the encoder's language).
        dutch = np.array([_encodes(analysis) for analysis in analyses], dtype=bool)
        vectors = np.stack([scorer.sentence(analysis) for analysis, keep in zip(analyses, dutch) if keep])
        centroids = np.zeros_like(scorer.centroids)
        np.add.at(centroids, labels[dutch], vectors)
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        scorer.centroids = (centroids / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        scorer.examples = ExampleVectors.of(vectors, labels[dutch], class_count)
    return scorer


def is_short(analysis: Analysis) -> bool:
    """A message of a word or two: it answers only from the single clause's cut-off."""
    return analysis.content_count <= SHORT_CONTENT_WORDS


def _encodes(analysis: Analysis) -> bool:
    """Whether the (Dutch) sentence encoder reads this question."""
    return analysis.language == DUTCH


def _dominant_language(token_lists: Sequence[list[str]]) -> str:
    votes = Counter(guess_language(tokens, default="") for tokens in token_lists)
    return ENGLISH if votes[ENGLISH] > votes[DUTCH] else DUTCH


def _confidence_inputs(logits: np.ndarray, coverage: np.ndarray, temperature: float, intent_count: int,
                       probabilities: np.ndarray | None = None) -> np.ndarray:
    """Per row: the signals the confidence model combines (see CONFIDENCE_INPUTS);
    `probabilities` is `softmax(logits / temperature)` when the caller has it already."""
    if probabilities is None:
        probabilities = softmax(logits / temperature)
    in_scope = probabilities[:, :intent_count]
    top2 = -np.sort(-in_scope, axis=1)[:, :2] if intent_count > 1 else np.hstack([in_scope, np.zeros((len(in_scope), 1))])
    scaled = logits / temperature
    peak = scaled.max(axis=1, keepdims=True)
    log_sum_exp = (peak + np.log(np.exp(scaled - peak).sum(axis=1, keepdims=True)))[:, 0]
    out_of_scope = probabilities[:, intent_count] if probabilities.shape[1] > intent_count else np.zeros(len(logits))
    return np.column_stack(
        [
            np.log(top2[:, 0] + 1e-9),
            top2[:, 0] - top2[:, 1],
            log_sum_exp,
            logits[:, :intent_count].max(axis=1),
            coverage,
            out_of_scope,
        ]
    ).astype(np.float64)


class ExampleVectors:
    """The sentence encoder's unit vectors of the knowledge base's examples (those it reads), grouped
    by class (intents, then out of scope), for the answer model's nearest-example inputs. Stored as
    int8 rows with one scale each (`quantise_rows`: a quarter of float32's bytes, cosine error below
    0.01) and read zero-copy from the artefact. A message's product runs over blocks of CHUNK_ROWS
    rows, each cast to float32 in a small buffer that stays in the cache: numpy casts a whole int8
    matrix (5 MB as float32) on every int8 x float32 product, and a float32 copy kept beside it is
    read from memory on every message; both cost 2-4 ms a message on a shared machine, the blocks
    0.3 ms (BENCHMARKS.md, session 13)."""

    CHUNK_ROWS = 256

    def __init__(self, codes: np.ndarray, scale: np.ndarray, starts: np.ndarray) -> None:
        self.codes, self.scale = codes, scale
        self.starts = starts  # class c's rows are starts[c]:starts[c + 1]
        # What every message's `nearest` reads, derived once: which classes have examples, where
        # their rows start, and each class's place among them (-1: none).
        sizes = np.diff(starts)
        filled = np.flatnonzero(sizes)
        self._filled_starts = starts[filled]
        self._slot = np.full(len(sizes), -1, np.int64)
        self._slot[filled] = np.arange(len(filled))

    @classmethod
    def of(cls, vectors: np.ndarray, labels: np.ndarray, class_count: int) -> "ExampleVectors":
        order = np.argsort(labels, kind="stable")
        codes, scale = quantise_rows(vectors[order])
        starts = np.searchsorted(labels[order], np.arange(class_count + 1)).astype(np.int32)
        return cls(codes, scale, starts)

    def arrays(self) -> dict[str, np.ndarray]:
        """The artefact's arrays (`Matcher.to_bytes`)."""
        return {"example_vectors": self.codes, "example_scale": self.scale, "example_starts": self.starts}

    def _cosines(self, vector: np.ndarray) -> np.ndarray:
        """The cosine of `vector` to every example: the int8 rows block by block (CHUNK_ROWS)."""
        cosines = np.empty(len(self.codes), np.float32)
        block = np.empty((min(self.CHUNK_ROWS, len(self.codes)), self.codes.shape[1]), np.float32)
        for start in range(0, len(self.codes), self.CHUNK_ROWS):
            rows = self.codes[start : start + self.CHUNK_ROWS]
            np.copyto(block[: len(rows)], rows, casting="unsafe")
            np.dot(block[: len(rows)], vector, out=cosines[start : start + len(rows)])
        return np.multiply(cosines, self.scale, out=cosines)

    def nearest(self, vector: np.ndarray, best: int) -> tuple[float, float]:
        """The cosine of `vector` to the nearest example of class `best`, and its margin over the
        nearest example of any other class. (0, 0) when there is no evidence: a zero vector (a text
        the encoder does not read) or a class without examples; a margin over nothing is the cosine."""
        slot = int(self._slot[best])
        if slot < 0 or not vector.any():
            return 0.0, 0.0
        nearest = np.maximum.reduceat(self._cosines(vector), self._filled_starts)  # the empty classes have no rows in between
        cosine = float(nearest[slot])
        if len(nearest) == 1:
            return cosine, cosine
        nearest[slot] = -np.inf
        return cosine, cosine - float(nearest.max())


class Matcher:
    """Classifies a question into one of the knowledge base's intents, or none."""

    def __init__(
        self,
        *,
        intents: tuple[str, ...],
        scorer: _Scorer,
        temperature: float,
        confidence: LogisticModel | None,
        threshold: float,
        clarify_threshold: float | None = None,
        part_threshold: float | None = None,
        answer_policy: AnswerPolicy | None = None,
    ) -> None:
        self.intents = intents
        self._scorer = scorer
        self._temperature = temperature
        self._confidence = confidence
        self.threshold = threshold  # the answer cut-off of a message (or of its whole text)
        self.clarify_threshold = threshold * DEFAULT_CLARIFY_RATIO if clarify_threshold is None else clarify_threshold
        # A single clause of a longer message answers for it from here: a sentence out of a
        # story is short, and short texts look more certain than they are.
        self.part_threshold = threshold if part_threshold is None else part_threshold
        # The answer models of a whole message by length (answer.py): when set, each band's
        # cut-offs on its probability decide instead of the per-text confidence, `threshold` is
        # the first (shortest) band's and `clarify_threshold` the policy's for each clause
        # (`AnswerPolicy.clause_clarify`).
        self._answer_policy = answer_policy
        # word -> (first guess, score) of the word read alone (`word_reads_as`), for the knowledge base's own words
        # only (never a resident's other words): a topic's own word is asked about by resident after resident.
        self._word_readings: dict[str, tuple[str | None, float]] = {}

    # -- per request -------------------------------------------------------------------
    def classify(self, text: str) -> Classification:
        """The message without its greeting and signature. With several clauses, also each
        clause (`parts`, at the stricter `part_threshold`). With an answer model, the whole
        message's decision is the model's (answer.py); without one, the whole answers when it
        is confident enough, else a clause that is, else the whole asks or rejects."""
        cleaned, pieces, units = self._message_units(text)
        whole, *per_clause = self._decide(units, [self.threshold] + [self.part_threshold] * len(pieces))
        if self._answer_policy is not None:
            whole = self._answer(units, whole, len(cleaned.split()))
        if len(units.whole_scores) > len(self.intents):
            whole = replace(whole, outside=round(float(units.whole_scores[len(self.intents)]), 4))
        if not per_clause:
            return whole
        parts = [Part(piece, result) for piece, result in zip(pieces, per_clause) if result.decision != "reject"]
        if whole.decision != "answer" and self._answer_policy is None:
            answering = [part.classification for part in parts if part.classification.decision == "answer"]
            if answering:
                return replace(max(answering, key=lambda result: result.score), parts=parts)
        return replace(whole, parts=parts)

    def _message_units(self, text: str) -> tuple[str, list[str], "_Units"]:
        """The message without its greeting and signature, its clauses (none for a single one) and
        the scores of the whole and, with two clauses or more, of each clause."""
        cleaned = strip_courtesy(text).text
        pieces = clauses(cleaned)
        pieces = pieces if len(pieces) >= 2 else []
        return cleaned, pieces, self._score_units([cleaned, *pieces])

    def _classify_units(self, texts: Sequence[str], answer_thresholds: Sequence[float]) -> list[Classification]:
        """Each text on its own (with its own answer cut-off on the per-text confidence)."""
        return self._decide(self._score_units(texts), answer_thresholds)

    def _score_units(self, texts: Sequence[str]) -> "_Units":
        """Each text on its own, the products of all at once."""
        scorer = self._scorer
        message = MessageWords()  # a clause repeats the whole's words; dropped with the message
        analyses = [scorer.analyzer.analyse(text, message) for text in texts]
        vectors = [scorer.vector(analysis, message) for analysis in analyses]
        logits = np.vstack([scorer.logits(columns, values) for columns, values in vectors])
        sentences = scorer.sentences(analyses, message)
        logits = logits + scorer.centroid_logits(analyses, sentences)
        coverage = np.array([analysis.coverage for analysis in analyses])
        probabilities, confidence = self._scores(logits, coverage, all_classes=True)
        whole_scores = probabilities[0]
        if len(texts) >= 2:
            probabilities = probabilities.copy()
            probabilities[0] = ranked_with_clauses(probabilities, len(self.intents))
        return _Units(probabilities, confidence, coverage, np.array([columns.size == 0 for columns, _ in vectors]),
                      np.array([is_short(analysis) for analysis in analyses]), whole_scores,
                      sentences[0] if sentences is not None else None)

    def _answer_row(self, units: "_Units", words: int) -> np.ndarray:
        """The answer model's inputs (one row of ANSWER_INPUTS) of a message's scored units."""
        count = len(self.intents)
        examples = self._scorer.examples
        best = int(units.probabilities[0, :count].argmax())
        nearest = examples.nearest(units.sentence, best) if examples is not None and units.sentence is not None else (0.0, 0.0)
        # The model judges the ranked first intent on the whole text's own probabilities of it.
        scores = np.vstack([units.whole_scores, units.probabilities[1:]])
        return answer_inputs(scores, units.confidence, float(units.coverage[0]), count, words, nearest, best)

    def answer_inputs(self, text: str) -> np.ndarray:
        """The answer model's inputs for a message (one row of ANSWER_INPUTS), as `classify`
        computes them: what `benchmarks/fit_answer_model.py` fits the model on."""
        cleaned, _, units = self._message_units(text)
        return self._answer_row(units, len(cleaned.split()))

    def best_intent(self, text: str) -> str:
        """The whole message's best-ranked intent, ranked with its clauses as `classify` ranks it (what
        the answer model judges)."""
        probabilities = self._message_units(text)[2].probabilities
        return self.intents[int(probabilities[0, : len(self.intents)].argmax())]

    def ranked_among(self, text: str, intents: Sequence[str]) -> list[str]:
        """`intents` (those the matcher knows), best first by the whole message's probability among the intents
        alone: no out-of-scope class, no floor, no decision. The order in which a domain's topics are offered
        for a short message that names the domain and no topic (core.dialogue)."""
        cleaned = strip_courtesy(text).text
        row = self._score_units([cleaned]).probabilities[0]
        index = {intent: position for position, intent in enumerate(self.intents)}
        return sorted((intent for intent in intents if intent in index), key=lambda intent: -float(row[index[intent]]))

    def word_reads_as(self, text: str | ReadWords, intent: str, floor: float, *, known_only: bool = False) -> bool:
        """Whether one word of `text` (not a stop word, not a number) on its own is read as `intent`: its first
        guess with a score of at least `floor` ("dakkapel" for the building permit in "hoe moet je een dakkapel
        aanvragen?"). A guess carried only by a question's frame ("wanneer komt ... weer" for the waste calendar
        in "wanneer komt de kermis weer") has no such word. Each word costs a classification: for short texts;
        the knowledge base's own words are read once (kept). `known_only`: only those words (a cheap test that
        implies the whole one). `text` may be given as its `read_words` (read once for a turn's several tests)."""
        read = text if isinstance(text, ReadWords) else self.read_words(text)
        known = self._scorer.analyzer.known_words(read.language)
        for word in read.words:
            if known_only and word not in known:
                continue
            first, score = self._word_reading(word, keep=word in known)
            if first == intent and score >= floor:
                return True
        return False

    def read_words(self, text: str) -> ReadWords:
        """The words of `text` that `word_reads_as` reads one by one."""
        cleaned = strip_courtesy(text)
        tokens = tokenize(cleaned.text)
        language = guess_language(tokens, self._scorer.analyzer.default_language)
        words = tuple(dict.fromkeys(token for token in tokens if token.isalpha() and token not in STOP_WORDS[language]))
        return ReadWords(text, words, language, whole=not cleaned.stripped,
                         default_language=self._scorer.analyzer.default_language)

    def _word_reading(self, word: str, *, keep: bool) -> tuple[str | None, float]:
        """The first guess and score of `word` read alone; kept with `keep`."""
        found = self._word_readings.get(word)
        if found is None:
            reading = self.classify(word)
            found = (reading.intent or next((guess.intent for guess in reading.alternatives), None), reading.score)
            if keep:
                if len(self._word_readings) >= KEPT_WORD_READINGS:  # bounded, whatever the vocabulary
                    self._word_readings.clear()
                self._word_readings[word] = found
        return found

    def answer_band(self, text: str) -> AnswerBand | None:
        """The answer model and cut-offs that decide this message (None without an answer model)."""
        if self._answer_policy is None:
            return None
        return self._answer_policy.band(len(strip_courtesy(text).text.split()))

    def _answer(self, units: "_Units", whole: Classification, words: int) -> Classification:
        """The whole message's classification with the answer model's probability (of its
        length's band) as its score and its decision. A message of a word or two also needs
        the per-text confidence of a single clause (`part_threshold`) to be answered."""
        if units.empty[0]:
            return whole
        band = self._answer_policy.band(words)
        inputs = self._answer_row(units, words)
        # A model fitted before the nearest-example inputs (an older artefact) reads the first ones only.
        probability = float(band.model.predict(inputs[:, : band.model.coef.size])[0])
        decision = decide(probability, band.answer, band.clarify)
        if decision == "answer" and units.short[0] and units.confidence[0] < self.part_threshold:
            decision = "clarify"
        ranked = ([Alternative(whole.intent, whole.score)] if whole.intent is not None else []) + whole.alternatives
        scale = probability / ranked[0].score if ranked and ranked[0].score > 0 else 0.0
        ranked = [Alternative(alternative.intent, round(alternative.score * scale, 4)) for alternative in ranked]
        if decision == "answer":
            return Classification(ranked[0].intent, round(probability, 4), ranked[1 : MAX_ALTERNATIVES + 1], decision)
        return Classification(None, round(probability, 4), ranked[:MAX_ALTERNATIVES], decision)

    def is_short(self, text: str) -> bool:
        return is_short(self._scorer.analyzer.analyse(text))

    def _scores(self, logits: np.ndarray, coverage: np.ndarray, *, all_classes: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(probabilities over intents, or over every class with `all_classes`; confidence that
        the top intent is right) per row."""
        count = len(self.intents)
        every_class = softmax(logits / self._temperature)
        probabilities = every_class if all_classes else every_class[:, :count]
        if self._confidence is None:
            confidence = probabilities[:, :count].max(axis=1)
        else:
            confidence = self._confidence.predict(_confidence_inputs(logits, coverage, self._temperature, count, every_class))
        return probabilities, confidence

    def _decide(self, units: "_Units", answer_thresholds: Sequence[float]) -> list[Classification]:
        """Each unit's classification on its per-text confidence. A text of a word or two
        answers only from the single clause's cut-off (`part_threshold`)."""
        probabilities = units.probabilities[:, : len(self.intents)]
        thresholds = [max(threshold, self.part_threshold) if short else threshold
                      for short, threshold in zip(units.short, answer_thresholds)]
        results = []
        for row, top_confidence, nothing_known, answer_threshold in zip(probabilities, units.confidence, units.empty, thresholds):
            if nothing_known:  # nothing the knowledge base knows: no intent, no buttons
                results.append(Classification(None, 0.0, []))
                continue
            order = np.argsort(-row)[: MAX_ALTERNATIVES + 1]
            top_probability = float(row[order[0]]) or 1.0
            score = float(top_confidence)
            # Alternatives keep their share relative to the top intent, on the confidence scale.
            ranked = [
                Alternative(self.intents[i], round(score * float(row[i]) / top_probability, 4))
                for i in order
                if row[i] >= MIN_ALTERNATIVE_PROBABILITY or i == order[0]
            ]
            decision = decide(score, answer_threshold, self.clarify_threshold)
            if decision == "answer":
                results.append(Classification(ranked[0].intent, round(score, 4), ranked[1 : MAX_ALTERNATIVES + 1], decision))
            else:
                results.append(Classification(None, round(score, 4), ranked[:MAX_ALTERNATIVES], decision))
        return results

    # -- artefact ----------------------------------------------------------------------
    _MAGIC = b"BALIEMX1"

    def to_bytes(self) -> bytes:
        scorer = self._scorer
        scorer.quantise()
        analyzer = scorer.analyzer
        arrays = {
            "idf": scorer.idf.astype(np.float32),
            "feature_block": scorer.feature_block.astype(np.int8),
            "weights": scorer.weights,
            "row_scale": scorer.row_scale,
            "bias": scorer.bias.astype(np.float32),
        }
        if scorer.centroids is not None:
            arrays["centroids"] = scorer.centroids.astype(np.float32)
        if scorer.examples is not None:
            arrays |= scorer.examples.arrays()
        header: dict = {
            "intents": list(self.intents),
            "threshold": self.threshold,
            "clarify_threshold": self.clarify_threshold,
            "part_threshold": self.part_threshold,
            "temperature": self._temperature,
            "confidence": _logistic_spec(self._confidence),
            "answer_bands": None if self._answer_policy is None else [
                {"min_words": band.min_words, "answer": band.answer, "clarify": band.clarify, "model": _logistic_spec(band.model)}
                for band in self._answer_policy.bands],
            "default_language": analyzer.default_language,
            "feature_config": {
                "char_min": analyzer.config.char_min,
                "char_max": analyzer.config.char_max,
                "word_pairs": analyzer.config.word_pairs,
                "typo_mapping": analyzer.config.typo_mapping,
            },
            "typo_cutoff": analyzer.vocabulary.typo_cutoff,
            "block_weights": scorer.block_weights.tolist(),
            "embedding": None
            if scorer.embedding is None
            else {"table": DEFAULT_TABLE.name, "weight": scorer.embedding_weight},
            "encoder": None
            if scorer.encoder is None
            else {
                "weight": scorer.encoder_weight,
                "kind": "subword" if isinstance(scorer.encoder, SubwordEncoder) else "pieces",
                "mode": "block" if scorer.centroids is None else "centroids",
                **({"sha256": packaged_digest(scorer.encoder)} if isinstance(scorer.encoder, SubwordEncoder) else {}),
            },
            "arrays": {},
        }
        texts = {
            "vocabulary": "\n".join(sorted(analyzer.vocabulary.words)).encode("utf-8"),
            "features": "\n".join(sorted(scorer.feature_index, key=scorer.feature_index.__getitem__)).encode("utf-8"),
        }
        # The word-piece encoder travels in the artefact; the Dutch subword encoder is named
        # by digest (the package carries it: core/matcher/data/nl_subword.bin).
        blobs = {"encoder": scorer.encoder.to_bytes()} if isinstance(scorer.encoder, SmallEncoder) else {}
        body = bytearray()
        for kind, named in (("text", texts), ("bytes", blobs)):
            for name, blob in named.items():
                header["arrays"][name] = {"offset": len(body), "length": len(blob), "dtype": kind}
                body += blob
        for name, array in arrays.items():
            body += b"\0" * (-len(body) % 8)  # aligned, so numpy can view it without copying
            array = np.ascontiguousarray(array)
            header["arrays"][name] = {
                "offset": len(body),
                "length": array.nbytes,
                "dtype": array.dtype.str,
                "shape": list(array.shape),
            }
            body += array.tobytes()
        header_bytes = json.dumps(header, separators=(",", ":")).encode("utf-8")
        prefix = self._MAGIC + struct.pack("<I", len(header_bytes)) + header_bytes
        prefix += b"\0" * (-len(prefix) % 8)
        return bytes(prefix) + bytes(body)

    @classmethod
    def from_bytes(cls, data: bytes) -> Matcher:
        if data[:8] != cls._MAGIC:
            raise ValueError("not a Balie matcher artefact")
        (header_length,) = struct.unpack_from("<I", data, 8)
        header = json.loads(data[12 : 12 + header_length].decode("utf-8"))
        start = 12 + header_length
        start += -start % 8
        buffer = memoryview(data)

        def blob(name: str) -> bytes:
            spec = header["arrays"][name]
            return bytes(buffer[start + spec["offset"] : start + spec["offset"] + spec["length"]])

        def text(name: str) -> list[str]:
            raw = blob(name).decode("utf-8")
            return raw.split("\n") if raw else []

        def array(name: str) -> np.ndarray:
            spec = header["arrays"][name]
            flat = np.frombuffer(data, dtype=np.dtype(spec["dtype"]), count=math.prod(spec["shape"]), offset=start + spec["offset"])
            return flat.reshape(spec["shape"])

        analyzer = Analyzer(
            Vocabulary(text("vocabulary"), typo_cutoff=header["typo_cutoff"]),
            default_language=header["default_language"],
            config=FeatureConfig(**header["feature_config"]),
        )
        features = text("features")
        embedding_spec = header.get("embedding")  # absent in artefacts built before it existed
        encoder_spec = header.get("encoder")
        encoder: SmallEncoder | SubwordEncoder | None = None
        if encoder_spec is not None and "sha256" in encoder_spec:
            encoder = packaged_encoder(encoder_spec["sha256"])
        elif encoder_spec is not None:
            # "pieces" (the word-piece transformer) is what artefacts without a kind carry;
            # a "subword" one without a digest was built before the encoder was named by it
            # and carries its own copy.
            encoder_kind = SubwordEncoder if encoder_spec.get("kind") == "subword" else SmallEncoder.from_bytes
            encoder = encoder_kind(blob("encoder"))
        if embedding_spec is not None and embedding_spec["table"] != DEFAULT_TABLE.name:
            raise ValueError(f"artefact needs embedding table {embedding_spec['table']}, this code has {DEFAULT_TABLE.name}")
        scorer = _Scorer(
            analyzer=analyzer,
            feature_index=dict(zip(features, range(len(features)))),
            idf=array("idf"),
            feature_block=array("feature_block").astype(np.int64),
            block_weights=np.asarray(header["block_weights"], dtype=np.float64),
            weights=array("weights"),
            bias=array("bias"),
            embedding=default_embedding() if embedding_spec is not None else None,
            embedding_weight=float(embedding_spec["weight"]) if embedding_spec is not None else 0.0,
            encoder=encoder,
            encoder_weight=float(encoder_spec["weight"]) if encoder_spec is not None else 0.0,
            centroids=array("centroids") if encoder_spec is not None and encoder_spec.get("mode") == "centroids" else None,
            # Absent in artefacts built before the answer model read the nearest example.
            examples=ExampleVectors(array("example_vectors"), array("example_scale"), array("example_starts"))
            if "example_vectors" in header["arrays"] else None,
        )
        scorer.row_scale = array("row_scale")
        confidence = _logistic(header["confidence"])
        if header.get("answer_bands") is not None:
            answer_policy = AnswerPolicy(tuple(AnswerBand(_logistic(band["model"]), float(band["answer"]), float(band["clarify"]),
                                                          int(band["min_words"])) for band in header["answer_bands"]))
        elif header.get("answer_model") is not None:  # built before the bands: one model, the matcher's cut-offs
            answer_policy = AnswerPolicy((AnswerBand(_logistic(header["answer_model"]), float(header["threshold"]),
                                                     float(header["clarify_threshold"])),))
        else:
            answer_policy = None
        return cls(
            intents=tuple(header["intents"]),
            scorer=scorer,
            temperature=float(header["temperature"]),
            confidence=confidence,
            threshold=float(header["threshold"]),
            # Absent in artefacts built before they existed.
            clarify_threshold=header.get("clarify_threshold"),
            part_threshold=header.get("part_threshold"),
            answer_policy=answer_policy,
        )


def _logistic_spec(model: LogisticModel | None) -> dict | None:
    """The artefact header's form of a logistic model; `_logistic` reads it back."""
    if model is None:
        return None
    return {"mean": model.mean.tolist(), "scale": model.scale.tolist(), "coef": model.coef.tolist(),
            "intercept": model.intercept}


def _logistic(spec: dict | None) -> LogisticModel | None:
    if spec is None:
        return None
    return LogisticModel(np.asarray(spec["mean"]), np.asarray(spec["scale"]), np.asarray(spec["coef"]), float(spec["intercept"]))


@dataclass(frozen=True, slots=True)
class _Units:
    """Scores of the texts of one message (the whole first, then its clauses)."""

    probabilities: np.ndarray  # over every class (intents, then out of scope if trained)
    confidence: np.ndarray  # per-text confidence that the best intent is right
    coverage: np.ndarray
    empty: np.ndarray  # nothing the knowledge base knows
    short: np.ndarray  # a word or two (`is_short`)
    whole_scores: np.ndarray  # the whole text's own probabilities (row 0 above is re-ranked with the clauses)
    sentence: np.ndarray | None = None  # the whole text's encoder vector (centroid mode)


def ranked_with_clauses(probabilities: np.ndarray, intent_count: int) -> np.ndarray:
    """The whole text's row (`probabilities[0]`; its clauses follow) with its intents re-ranked: by their share of
    the whole plus CLAUSE_RANKING_WEIGHT times the best share any one clause gives them. A story spreads the whole
    text's probability over the topics of all its sentences, while the sentence that names the need is often
    surer of it. Only the order changes: the whole's probabilities, sorted, are handed out again in the new order,
    so how sure the whole is, how many guesses clear the floor and their shares stay as they were, and the
    answer model judges the new first intent on the whole text's own probability of it (`_answer_row`)."""
    intents = probabilities[:, :intent_count]
    shares = intents / np.maximum(intents.sum(axis=1, keepdims=True), 1e-12)
    order = np.argsort(-(shares[0] + CLAUSE_RANKING_WEIGHT * shares[1:].max(axis=0)), kind="stable")
    row = probabilities[0].copy()
    row[order] = np.sort(intents[0])[::-1]
    return row


# -- training -------------------------------------------------------------------------


@dataclass(slots=True)
class _HeldOut:
    """Raw outputs on held-out questions, the material for calibration."""

    logits: list[np.ndarray] = field(default_factory=list)
    coverage: list[np.ndarray] = field(default_factory=list)
    labels: list[np.ndarray] = field(default_factory=list)  # class index; -1 = out of scope

    def add(self, scorer: _Scorer, texts: Sequence[str], labels: np.ndarray) -> None:
        analyses = [scorer.analyzer.analyse(t) for t in texts]
        rows = scorer.rows(analyses)
        self.logits.append(sparse_logits(rows, scorer.weights, scorer.bias) + scorer.centroid_logits(analyses))
        self.coverage.append(np.array([a.coverage for a in analyses]))
        self.labels.append(labels)


def train(
    examples: Sequence[tuple[str, str]],
    *,
    oos_examples: Sequence[str] = (),
    validation: Sequence[tuple[str, str | None]] | None = None,
    progress: Progress | None = None,
    config: TrainingConfig | None = None,
) -> Matcher:
    """Learn a matcher from (utterance, intent) pairs.

    `oos_examples` are questions the knowledge base must not answer; they train an extra
    out-of-scope class and tune the threshold. The threshold and calibration are fitted on
    `validation` when given (intent None = out of scope), else on held-out folds;
    `config.cut_offs`, when set, replaces the answer policy's cut-offs.
    """
    config = config or TrainingConfig()
    if not examples:
        raise ValueError("a matcher needs at least one example")
    intents = tuple(sorted({intent for _, intent in examples}))
    class_of = {intent: i for i, intent in enumerate(intents)}
    texts = [text for text, _ in examples] + list(oos_examples)
    oos_label = len(intents)
    labels = np.array([class_of[i] for _, i in examples] + [oos_label] * len(oos_examples), dtype=np.int64)
    class_count = len(intents) + (1 if oos_examples else 0)

    held_out = _HeldOut()
    if validation is not None:
        scorer = _build_scorer(texts, labels, class_count, config, progress)
        val_texts = [t for t, _ in validation]
        val_labels = np.array([class_of.get(i, -1) if i is not None else -1 for _, i in validation], dtype=np.int64)
        held_out.add(scorer, val_texts, val_labels)
    else:
        for fold, (train_rows, test_rows) in enumerate(_folds(labels, len(examples))):
            if progress:
                progress(f"matcher: calibration fold {fold + 1}")
            fold_scorer = _build_scorer([texts[i] for i in train_rows], labels[train_rows], class_count, config, None)
            fold_labels = np.where(labels[test_rows] == oos_label, -1, labels[test_rows])
            held_out.add(fold_scorer, [texts[i] for i in test_rows], fold_labels)
        scorer = _build_scorer(texts, labels, class_count, config, progress)

    logits = np.vstack(held_out.logits) if held_out.logits else np.zeros((0, class_count), np.float32)
    coverage = np.concatenate(held_out.coverage) if held_out.coverage else np.zeros(0)
    truth = np.concatenate(held_out.labels) if held_out.labels else np.zeros(0, np.int64)
    matcher = _calibrate(intents, scorer, logits, coverage, truth, config)
    if progress:
        progress(f"matcher: temperature {matcher._temperature:.3f}, threshold {matcher.threshold:.3f}")
        progress("matcher: held out: " + _held_out_summary(matcher, logits, coverage, truth))
    if config.cut_offs is not None:
        # The cut-offs were fixed on a knowledge base of the shared base's size. A much smaller
        # one (a test base, a tenant that switched most topics off) has a confidence of another
        # scale: it is never answered looser than its own held-out examples allow.
        own = matcher.threshold if len(intents) < config.cut_offs.min_intents else 0.0
        fixed = config.cut_offs
        matcher.threshold, matcher.part_threshold = max(fixed.answer, own), max(fixed.part, own)
        matcher.clarify_threshold = min(fixed.clarify, matcher.threshold)
        if progress:
            progress(
                f"matcher: fixed policy: answer from {matcher.threshold:.3f}, "
                f"a single clause from {matcher.part_threshold:.3f}, clarify from {matcher.clarify_threshold:.3f}"
            )
    policy = config.answer_policy
    if policy is not None and len(intents) >= policy.min_intents:
        matcher._answer_policy = policy
        matcher.threshold = policy.bands[0].answer
        matcher.clarify_threshold = policy.bands[0].clarify if policy.clause_clarify is None else policy.clause_clarify
        if progress:
            for band in policy.bands:
                progress(f"matcher: answer model from {band.min_words} words: answer from {band.answer:.3f}, "
                         f"clarify from {band.clarify:.3f}")
    return matcher


@dataclass(frozen=True, slots=True)
class CutOffs:
    """The answer policy's cut-offs on the confidence score (see `decide`)."""

    answer: float  # the whole message answers from here
    part: float  # a single clause of a longer message answers for it from here
    clarify: float  # "Bedoelt u ...?" from here, below `answer`
    # They hold as they are for a knowledge base of at least this many intents; a smaller one
    # keeps its own held-out cut-off when that is stricter.
    min_intents: int = 0

    def __iter__(self):
        return iter((self.answer, self.part, self.clarify))


# How much the Dutch sentence encoder's cosine to each intent's examples adds to the intent's
# logit (centroid mode), and the policy's cut-offs: both chosen on the tuning part of the real
# residents' messages (`make eval-real`, `benchmarks/eval_real.py --fit`; BENCHMARKS.md).
KNOWLEDGE_BASE_ENCODER_WEIGHT = 10.0
KNOWLEDGE_BASE_CUT_OFFS = CutOffs(answer=0.8372, part=0.9506, clarify=0.3349, min_intents=30)

# How much the surest clause's share of an intent adds to the whole text's share when the whole's intents are
# ranked (`ranked_with_clauses`), chosen on the tuning part of the real residents' messages (0.3 / 0.5 / 0.7 / 1.0,
# best clause or mean of the clauses: stories' first guess right 72.2 -> 80.4% at 0.5, best clause; BENCHMARKS.md).
CLAUSE_RANKING_WEIGHT = 0.5

# Messages of at least this many words (without greeting and signature) are stories to the answer
# policy: they get the second answer model. The tuning part's messages split 173 / 127 there.
LONG_MESSAGE_WORDS = 20

# The answer models of a whole message (answer.py), one for questions and one for stories, and their
# cut-offs, fitted with `benchmarks/fit_answer_model.py --max-wrong 0.02` (BENCHMARKS.md): each model on
# the knowledge base's held-out examples, long messages composed from them and the tuning part of the
# real residents' messages of its length; the cut-offs on that tuning part by cross-validation (the
# pair that answers the most rows rightly while at most 2% of all rows, and of each band's rows rounded
# up, are answered wrongly), clarify from 0.4 of each. Each band's model is the average over the
# default 10 compositions of the long messages (session 11; one composition alone moved the cut-offs).
# Since session 13 the models also read the best intent's nearest example (ExampleVectors). Each clause of
# a message has its own clarify cut-off (`clause_clarify`: the questions' band's, when the two were one
# value until session 18): the bands' decide the whole message only.
KNOWLEDGE_BASE_ANSWER_POLICY = AnswerPolicy(
    (
        AnswerBand(
            LogisticModel(
                mean=np.array([2.09237, -0.22225, 0.79767, 0.15154, 0.94767, 0.80355, 0.07287, 1.92912, 0.87741, 0.87248, 0.00428]),
                scale=np.array([1.93396, 0.42315, 0.31615, 0.30756, 0.17405, 0.29075, 0.22605, 0.61687, 0.21947, 0.31566, 0.01258]),
                coef=np.array([0.66406, 0.03717, 0.40344, -0.16096, -0.11978, 0.40769, -0.16313, -0.23801, 0.13556, -0.09418, 0.71998]),
                intercept=1.99082,
            ),
            answer=0.8928,
            clarify=0.3571,
        ),
        AnswerBand(
            LogisticModel(
                mean=np.array([1.24891, -0.35751, 0.66973, 0.26459, 0.4432, 0.77071, 1.11912, 3.61148, 0.87543, 0.88739, -0.00094]),
                scale=np.array([1.83398, 0.45728, 0.34467, 0.34005, 0.25794, 0.31075, 0.43655, 0.39249, 0.10848, 0.30721, 0.0026]),
                coef=np.array([0.53719, 0.08821, 0.14076, 0.05964, 0.38441, 0.44423, 0.30367, -0.23979, -0.21566, -0.11679, 0.25484]),
                intercept=0.25735,
            ),
            answer=0.761,
            clarify=0.3044,
            min_words=LONG_MESSAGE_WORDS,
        ),
    ),
    min_intents=30,
    clause_clarify=0.3571,
)


def knowledge_base_config() -> TrainingConfig:
    """How a municipality's knowledge base is trained: the Dutch encoder in centroid mode
    and the cut-offs fixed on real messages. `balie kb build` and the tenant-build function
    both train with it, so an artefact is the same wherever it was made."""
    from .subword import dutch_encoder

    return TrainingConfig(encoder=dutch_encoder(), encoder_weight=KNOWLEDGE_BASE_ENCODER_WEIGHT,
                          encoder_mode="centroids", cut_offs=KNOWLEDGE_BASE_CUT_OFFS,
                          answer_policy=KNOWLEDGE_BASE_ANSWER_POLICY)


def train_knowledge_base(
    examples: Sequence[tuple[str, str]], oos_examples: Sequence[str] = (), progress: Progress | None = None
) -> Matcher:
    """A knowledge base's matcher (`knowledge_base_config`)."""
    return train(examples, oos_examples=oos_examples, progress=progress, config=knowledge_base_config())


@dataclass(frozen=True, slots=True)
class PolicyTargets:
    """What the answer policy's cut-offs are fixed for on real messages."""

    # Wrong answers per message at most (the limit is 2%; the margin absorbs the
    # difference between the calibration messages and the ones residents will send).
    max_wrong: float = 0.015
    # The clarify zone starts at this share of the answer cut-off: lower than the default,
    # because on real messages a "Bedoelt u ...?" with the right topic among 2-3 is often
    # possible where an answer is not (none of the tuning part's out-of-scope messages fell
    # into the zone at 0.4).
    clarify_ratio: float = 0.4


def fit_policy(
    matcher: Matcher, calibration: Sequence[tuple[str, frozenset[str]]], targets: PolicyTargets
) -> CutOffs:
    """(answer, part, clarify) cut-offs that answer the most of these messages rightly while
    at most `max_wrong` of them are answered with an intent that is not one of theirs. Each
    message is scored as in production (courtesy stripped; the whole and, with several
    clauses, each clause); the whole answers from `answer` (a short one, `is_short`, from
    `part`), else its most confident clause from `part`. Among equally good pairs the strictest wins. The clarify zone starts at
    `clarify_ratio` of the answer cut-off."""
    units = []  # per message: the whole's (score, right) and its best clause's, if any
    for text, accepted in calibration:
        cleaned = strip_courtesy(text).text
        pieces = clauses(cleaned)
        texts = [cleaned, *pieces] if len(pieces) > 1 else [cleaned]
        results = matcher._classify_units(texts, [math.inf] * len(texts))
        scored = [(result.score, bool(result.alternatives) and result.alternatives[0].intent in accepted) for result in results]
        units.append((scored[0], max(scored[1:], default=None), matcher.is_short(cleaned)))
    allowed = math.floor(targets.max_wrong * len(calibration) + 1e-9)
    cut_offs = sorted({score for whole, part, _ in units for score, _ in ([whole, part] if part else [whole])} | {1.0 + 1e-9})
    best = (-1, 0.0, 0.0, 0.0)  # (right answers, answer, part, ...) the larger the better
    for answer in cut_offs:
        for part in cut_offs:
            if part < answer:
                continue
            right = wrong = 0
            for (score, correct), clause, short in units:
                if score >= (part if short else answer):
                    pick = correct
                elif clause is not None and clause[0] >= part:
                    pick = clause[1]
                else:
                    continue
                right += pick
                wrong += not pick
            if wrong <= allowed and (right, answer, part) > best[:3]:
                best = (right, answer, part, 0.0)
    _, answer, part, _ = best
    return CutOffs(answer, part, answer * targets.clarify_ratio)


def _held_out_summary(matcher: Matcher, logits: np.ndarray, coverage: np.ndarray, truth: np.ndarray) -> str:
    """Aggregate quality on the held-out questions, so a knowledge-base build shows it."""
    if len(truth) == 0:
        return "no held-out questions"
    probabilities, confidence = matcher._scores(logits, coverage)
    in_scope = truth >= 0
    accepted = confidence >= matcher.threshold
    ranking = np.argsort(-probabilities, axis=1)[:, :3]
    top1 = ranking[:, 0] == truth
    top3 = (ranking == truth[:, None]).any(axis=1)
    parts = []
    if in_scope.any():
        parts += [
            f"top-1 {top1[in_scope].mean():.1%}",
            f"top-3 {top3[in_scope].mean():.1%}",
            f"answered correctly {(top1 & accepted)[in_scope].mean():.1%}",
            f"wrongly rejected {(~accepted)[in_scope].mean():.1%}",
        ]
    if (~in_scope).any():
        parts.append(f"out of scope rejected {(~accepted)[~in_scope].mean():.1%}")
    return ", ".join(parts) + f" ({in_scope.sum()} in scope, {(~in_scope).sum()} out of scope)"


def _folds(labels: np.ndarray, example_count: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified folds (each class spread over the folds); one split for large sets."""
    rng = np.random.default_rng(7)
    fold_of = np.empty(len(labels), dtype=np.int64)
    folds = CROSS_VALIDATION_FOLDS
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        rng.shuffle(members)
        fold_of[members] = np.arange(len(members)) % folds
    used = range(1) if example_count > LARGE_KB_EXAMPLES else range(folds)
    return [(np.flatnonzero(fold_of != f), np.flatnonzero(fold_of == f)) for f in used]


def _calibrate(
    intents: tuple[str, ...],
    scorer: _Scorer,
    logits: np.ndarray,
    coverage: np.ndarray,
    truth: np.ndarray,
    config: TrainingConfig,
) -> Matcher:
    count = len(intents)
    in_scope = truth >= 0
    temperature = fit_temperature(logits[in_scope][:, :count], truth[in_scope]) if in_scope.any() else 1.0
    matcher = Matcher(intents=intents, scorer=scorer, temperature=temperature, confidence=None, threshold=0.5)
    if len(truth) == 0:
        return matcher
    top = logits[:, :count].argmax(axis=1)
    correct = in_scope & (top == truth)
    if 0 < correct.sum() < len(correct):
        inputs = _confidence_inputs(logits, coverage, temperature, count)
        matcher._confidence = fit_logistic(inputs, correct.astype(np.float64))
    _, confidence = matcher._scores(logits, coverage)
    out_of_scope = confidence[~in_scope]
    if config.min_oos_recall is not None and len(out_of_scope):
        matcher.threshold = threshold_for_recall(out_of_scope, config.min_oos_recall)
    else:
        matcher.threshold = choose_threshold(confidence, correct, in_scope, config.costs)
    # Until real messages fix them (`fit_policy`), the other cut-offs follow the answer cut-off.
    matcher.clarify_threshold = matcher.threshold * DEFAULT_CLARIFY_RATIO
    matcher.part_threshold = matcher.threshold
    return matcher


def threshold_for_recall(out_of_scope_confidence: np.ndarray, recall: float) -> float:
    """The lowest threshold below which at least `recall` of these questions fall."""
    ordered = np.sort(out_of_scope_confidence)
    must_reject = min(len(ordered), max(1, math.ceil(recall * len(ordered) - 1e-9)))
    if must_reject == len(ordered):
        return float(np.nextafter(ordered[-1], np.inf))
    # Midway to the next question, so rounding and int8 weights cannot flip the ones at the edge.
    return float((ordered[must_reject - 1] + ordered[must_reject]) / 2.0)


def with_threshold(matcher: Matcher, threshold: float) -> Matcher:
    """A copy of `matcher` that answers from another threshold (benchmarks, experiments; the
    per-text policy: an answer model keeps its bands' cut-offs)."""
    ratio = matcher.clarify_threshold / matcher.threshold if matcher.threshold else DEFAULT_CLARIFY_RATIO
    return _with_threshold(matcher, threshold, threshold * ratio, max(threshold, matcher.part_threshold))


def _with_threshold(matcher: Matcher, answer: float, clarify: float, part: float | None = None) -> Matcher:
    return Matcher(
        intents=matcher.intents,
        scorer=matcher._scorer,
        temperature=matcher._temperature,
        confidence=matcher._confidence,
        threshold=answer,
        clarify_threshold=clarify,
        part_threshold=part,
        answer_policy=matcher._answer_policy,
    )


__all__ = ["Alternative", "Classification", "CutOffs", "Matcher", "TrainingConfig", "train", "train_knowledge_base",
           "with_threshold"]

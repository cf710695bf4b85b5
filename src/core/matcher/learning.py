"""Build-time learning with numpy only: a softmax regression over sparse features, a
temperature, a small logistic confidence model and the out-of-scope threshold.

Nothing here runs per request; `Matcher.classify` only applies what these functions fit.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Rows of a sparse matrix in CSR form (feature indices unique within a row)."""

    indptr: np.ndarray   # int64, len = rows + 1
    indices: np.ndarray  # int32
    values: np.ndarray   # float32

    @property
    def row_count(self) -> int:
        return len(self.indptr) - 1

    def dense_block(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows as a dense matrix over only the columns they use, and those columns."""
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        lengths = ends - starts
        positions = np.concatenate([np.arange(s, e) for s, e in zip(starts, ends)]) if len(rows) else np.zeros(0, np.int64)
        columns, local = np.unique(self.indices[positions], return_inverse=True)
        block = np.zeros((len(rows), len(columns)), dtype=np.float32)
        block[np.repeat(np.arange(len(rows)), lengths), local] = self.values[positions]
        return block, columns


@dataclass(frozen=True, slots=True)
class SoftmaxConfig:
    epochs: int = 12
    batch_size: int = 64
    learning_rate: float = 0.02
    l2: float = 1e-5
    seed: int = 13
    # Small knowledge bases get more epochs, so every model sees at least this many updates.
    min_updates: int = 600


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def fit_softmax(
    rows: SparseRows,
    labels: np.ndarray,
    feature_count: int,
    class_count: int,
    config: SoftmaxConfig,
    progress: Callable[[str], None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression trained with Adam on mini-batches.

    Each batch touches only the feature rows it uses (lazy updates), so one epoch costs in
    proportion to the non-zeros, not to features x classes.
    """
    rng = np.random.default_rng(config.seed)
    weights = np.zeros((feature_count, class_count), dtype=np.float32)
    bias = np.zeros(class_count, dtype=np.float32)
    m_w = np.zeros_like(weights)
    v_w = np.zeros_like(weights)
    m_b = np.zeros_like(bias)
    v_b = np.zeros_like(bias)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    one_hot = np.eye(class_count, dtype=np.float32)
    step = 0
    n = rows.row_count
    batches_per_epoch = max(1, math.ceil(n / config.batch_size))
    epochs = max(config.epochs, math.ceil(config.min_updates / batches_per_epoch))
    for epoch in range(epochs):
        order = rng.permutation(n)
        # A gently falling learning rate settles the last epochs.
        rate = config.learning_rate / (1.0 + 0.3 * epoch)
        for start in range(0, n, config.batch_size):
            batch = order[start : start + config.batch_size]
            block, columns = rows.dense_block(batch)
            local_weights = weights[columns]
            probabilities = softmax(block @ local_weights + bias)
            error = (probabilities - one_hot[labels[batch]]) / len(batch)
            grad_w = block.T @ error + config.l2 * local_weights
            grad_b = error.sum(axis=0)
            step += 1
            correction1 = 1.0 - beta1**step
            correction2 = 1.0 - beta2**step
            m_cols = beta1 * m_w[columns] + (1 - beta1) * grad_w
            v_cols = beta2 * v_w[columns] + (1 - beta2) * grad_w * grad_w
            m_w[columns] = m_cols
            v_w[columns] = v_cols
            weights[columns] = local_weights - rate * (m_cols / correction1) / (np.sqrt(v_cols / correction2) + eps)
            m_b = beta1 * m_b + (1 - beta1) * grad_b
            v_b = beta2 * v_b + (1 - beta2) * grad_b * grad_b
            bias -= rate * (m_b / correction1) / (np.sqrt(v_b / correction2) + eps)
        if progress:
            progress(f"matcher: epoch {epoch + 1}/{epochs}")
    return weights, bias


def sparse_logits(rows: SparseRows, weights: np.ndarray, bias: np.ndarray, batch_size: int = 512) -> np.ndarray:
    out = np.empty((rows.row_count, weights.shape[1]), dtype=np.float32)
    for start in range(0, rows.row_count, batch_size):
        batch = np.arange(start, min(start + batch_size, rows.row_count))
        block, columns = rows.dense_block(batch)
        out[batch] = block @ weights[columns] + bias
    return out


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The softmax temperature with the lowest negative log-likelihood on held-out rows."""
    if len(labels) == 0:
        return 1.0
    best_t, best_nll = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.05), np.log(20.0), 60)):
        probabilities = softmax(logits / t)
        nll = -np.mean(np.log(probabilities[np.arange(len(labels)), labels] + 1e-12))
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return best_t


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """P(y = 1 | x) = sigmoid(((x - mean) / scale) . coef + intercept)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def fit_logistic(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-2, iterations: int = 300) -> LogisticModel:
    """A small, regularised logistic regression by Newton's method (few inputs)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    theta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2 * len(x))
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ theta, -40, 40)))
        gradient = z.T @ (p - y) + penalty * theta
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        delta = np.linalg.solve(hessian, gradient)
        theta -= delta
        if np.abs(delta).max() < 1e-7:
            break
    return LogisticModel(mean, scale, theta[:-1].copy(), float(theta[-1]))


@dataclass(frozen=True, slots=True)
class Costs:
    """What each outcome costs when choosing the out-of-scope threshold.

    A wrong answer costs more than a fallback ("I don't know, shall I pass you on?"),
    so the threshold leans towards rejecting when unsure. In-scope and out-of-scope
    questions weigh equally whatever their counts.
    """

    wrong_answer: float = 2.0
    false_rejection: float = 1.0
    out_of_scope_answered: float = 2.0


def choose_threshold(confidence: np.ndarray, correct: np.ndarray, in_scope: np.ndarray, costs: Costs) -> float:
    """The threshold on `confidence` with the lowest expected cost on held-out rows."""
    candidates = np.unique(np.concatenate([[0.0, 1.0], confidence]))
    inside = in_scope.astype(bool)
    n_in = max(int(inside.sum()), 1)
    n_out = max(int((~inside).sum()), 1)
    best_t, best_cost = 0.5, np.inf
    for t in candidates:
        accepted = confidence >= t
        wrong = np.sum(accepted & inside & ~correct) / n_in
        rejected = np.sum(~accepted & inside) / n_in
        answered_out = np.sum(accepted & ~inside) / n_out
        cost = costs.wrong_answer * wrong + costs.false_rejection * rejected + costs.out_of_scope_answered * answered_out
        if cost < best_cost - 1e-12:
            best_t, best_cost = float(t), cost
    return best_t

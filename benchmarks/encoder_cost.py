"""What a contextual sentence encoder would cost per question with numpy at run time.

The matcher's remaining CLINC150 errors are paraphrases that need context (BERT reaches
96.2% in the paper; static word-piece vectors do not). The issue allows numpy, not torch,
at run time, and gives 2 ms per question. This times the forward pass of an encoder
shaped like all-MiniLM-L6-v2 (the smallest common sentence encoder: 6 layers, hidden 384,
12 heads, feed-forward 1536, mean pooling) in numpy, float32, one BLAS thread, for
questions of 8-24 word pieces. The weights are random: the time of a forward pass does
not depend on their values.

Run: OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/encoder_cost.py
"""
from __future__ import annotations

import json
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, like the matcher's budget

import numpy as np  # noqa: E402  (after the thread setting, which numpy reads on import)

LAYERS, HIDDEN, HEADS, FEED_FORWARD = 6, 384, 12, 1536
HEAD_DIMS = HIDDEN // HEADS
BUDGET_MS = 2.0


def layer_weights(rng: np.random.Generator) -> dict[str, np.ndarray]:
    def matrix(rows: int, columns: int) -> np.ndarray:
        return (rng.standard_normal((rows, columns), dtype=np.float32) * 0.02).astype(np.float32)

    return {
        "qkv": matrix(HIDDEN, 3 * HIDDEN), "out": matrix(HIDDEN, HIDDEN),
        "up": matrix(HIDDEN, FEED_FORWARD), "down": matrix(FEED_FORWARD, HIDDEN),
    }


def layer_norm(x: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(x.var(axis=-1, keepdims=True) + 1e-12)


def encode(x: np.ndarray, layers: list[dict[str, np.ndarray]]) -> np.ndarray:
    """Post-norm transformer encoder with GELU, then mean pooling (as in MiniLM)."""
    length = x.shape[0]
    for weights in layers:
        q, k, v = np.split(x @ weights["qkv"], 3, axis=1)
        q = q.reshape(length, HEADS, HEAD_DIMS).transpose(1, 0, 2)
        k = k.reshape(length, HEADS, HEAD_DIMS).transpose(1, 2, 0)
        v = v.reshape(length, HEADS, HEAD_DIMS).transpose(1, 0, 2)
        attention = q @ k / np.sqrt(HEAD_DIMS)
        attention = np.exp(attention - attention.max(axis=-1, keepdims=True))
        attention /= attention.sum(axis=-1, keepdims=True)
        context = (attention @ v).transpose(1, 0, 2).reshape(length, HIDDEN)
        x = layer_norm(x + context @ weights["out"])
        hidden = x @ weights["up"]
        hidden = 0.5 * hidden * (1.0 + np.tanh(0.7978845608 * (hidden + 0.044715 * hidden**3)))
        x = layer_norm(x + hidden @ weights["down"])
    return x.mean(axis=0)


def main() -> None:
    rng = np.random.default_rng(0)
    layers = [layer_weights(rng) for _ in range(LAYERS)]
    results = {}
    for pieces in (8, 12, 16, 24):
        x = rng.standard_normal((pieces, HIDDEN), dtype=np.float32)
        encode(x, layers)  # warm-up
        times = []
        for _ in range(100):
            start = time.perf_counter()
            encode(x, layers)
            times.append((time.perf_counter() - start) * 1000.0)
        times.sort()
        results[f"{pieces}_pieces"] = {"p50_ms": round(statistics.median(times), 2), "p99_ms": round(times[98], 2)}
    weight_count = LAYERS * (4 * HIDDEN * HIDDEN + 2 * HIDDEN * FEED_FORWARD)
    print(json.dumps({"budget_ms": BUDGET_MS, "layer_weights": weight_count, **results}))


if __name__ == "__main__":
    main()

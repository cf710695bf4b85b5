"""The widget's weight on every municipal page: at most 12 KB with `gzip -9` (issue #21's budget;
8.0 KB before the CSP, accessibility and look work). Deterministic, so a test and not a benchmark;
the figures are in BENCHMARKS.md "Widget size"."""
from __future__ import annotations

import gzip
from pathlib import Path

WIDGET = Path(__file__).resolve().parents[2] / "web" / "widget.js"
BUDGET_BYTES = 12_000


def test_the_widget_stays_within_its_gzip_budget() -> None:
    # `gzip -9 -c web/widget.js | wc -c` is this plus the file name in the gzip header.
    size = len(gzip.compress(WIDGET.read_bytes(), compresslevel=9, mtime=0))
    assert size <= BUDGET_BYTES, f"web/widget.js is {size} bytes gzipped, over the {BUDGET_BYTES} budget"

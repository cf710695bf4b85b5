"""Give new rows of benchmarks/data/real_questions.tsv their part (`tune` or `report`).

Whoever adds real messages gives them the next `batch` number, leaves their `split` column empty
(or `?`) and runs

    .venv/bin/python benchmarks/assign_split.py

so that nobody chooses which message is read while developing and which is only reported.
Rows that have a part keep it. The unassigned rows of a batch are laid end to end, grouped by
kind and intent and within each group in the order of the SHA-1 of their text; counting on from
the rows of the batch that already have a part, every third row goes to `report` and the others
to `tune`. So two of three new rows can be read while developing, every kind and intent is spread
over both parts, and the outcome depends only on the texts and their labels.

Batch 1 (the first 329 rows) got its parts by an earlier rule, half and half within each intent
and kind; its report part is reported on its own as well, so that figures stay comparable.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter
from pathlib import Path

REAL_QUESTIONS = Path(__file__).resolve().parent / "data" / "real_questions.tsv"
PARTS = ("tune", "report")
UNASSIGNED = ("", "?")
# Every REPORT_EVERY-th new row of a batch goes to the report part.
REPORT_EVERY = 3


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def assign(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The rows in their order, every unassigned one given its part."""
    assigned = Counter(row["batch"] for row in rows if row["split"] in PARTS)
    new = sorted((row for row in rows if row["split"] in UNASSIGNED),
                 key=lambda row: (row["batch"], row["kind"], row["intent"], text_digest(row["text"])))
    for row in new:
        position = assigned[row["batch"]]
        row["split"] = "report" if position % REPORT_EVERY == REPORT_EVERY - 1 else "tune"
        assigned[row["batch"]] += 1
    return rows


# Messages are verbatim, so a text may contain '"': no quote character at all, in and out.
TSV = {"delimiter": "\t", "quoting": csv.QUOTE_NONE, "quotechar": None}


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, **TSV)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    """Write to a file beside `path` first, so that a failure leaves the set as it was."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n", **TSV)
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=REAL_QUESTIONS)
    args = parser.parse_args()
    fields, rows = read(args.path)
    before = sum(row["split"] in UNASSIGNED for row in rows)
    write(args.path, fields, assign(rows))
    print(f"{before} new rows given a part; {len(rows)} rows in {args.path.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

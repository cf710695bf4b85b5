"""Fit the matcher's answer model (core/matcher/answer.py) and its cut-offs.

    .venv/bin/python benchmarks/fit_answer_model.py [--folds-cache DIR]

The material, none of it the report part of real_questions.tsv:
  - the knowledge base's own examples (and out-of-scope examples), each classified by a
    matcher trained without it (5 stratified folds, trained as `balie kb build` trains);
  - long messages composed from those held-out examples: a greeting, one to three sentences
    of a resident's context, one or two examples of the same intent, a signature (written
    here, not taken from any real message), some in lower case; and messages that mix two
    examples of different intents, which the whole must not answer with one of them;
  - the tuning part of the real residents' messages, classified by tenant `voorbeeld`'s
    matcher (its examples never include them).
Messages shorter than `--long-words` words and the longer ones get a logistic model each, fitted
on the material of their length (the tuning rows weigh `--tune-weight`). The long messages are
composed at random, so one composition (one seed) is a sample: on session 10's knowledge base,
seeds 1-10 alone put the cut-offs anywhere in 0.906-0.920 (questions) and 0.746-0.809 (stories)
and the cross-validated figure in 47.4-51.0%, as far as one new example moved them. So each
band's model is fitted once per seed of `--seeds` and the fitted model is their average (of the
log-odds, which is again one logistic model); `--seeds 5` is the single composition of sessions
7-10 (it reproduces the constants main ships since session 7). The answer cut-offs are fixed on the tuning part by leave-one-out: each tuning row is
scored by its band's averaged model fitted without it, and the cut-offs are those (one per band)
that answer the most in-scope tuning rows rightly while at most `--max-wrong` of all tuning rows,
and no more than that share (rounded up) of a band's own rows, are answered wrongly. The clarify
cut-off is `--clarify-ratio` of each. Prints the models and the cut-offs as JSON (for
KNOWLEDGE_BASE_ANSWER_POLICY), the cross-validated figures, and what each seed alone would have
chosen (`per_seed`: how much one composition moves them).
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import sys
from pathlib import Path

import numpy as np

from balie_local.kb_tools import REAL_QUESTIONS, read_real_questions
from core.kb.build import SharedBase, base_tenant_examples
from core.matcher import Matcher, train_knowledge_base
from core.matcher.answer import ANSWER_INPUTS
from core.matcher.learning import LogisticModel, fit_logistic
from core.matcher.matcher import LONG_MESSAGE_WORDS as LONG_WORDS

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 5
# One message mixing two topics per this many held-out examples.
MIXED_SHARE = 6

GREETINGS = ["Goedemiddag,", "Hallo,", "Beste meneer/mevrouw,", "Hoi,", "Goedemorgen gemeente,", "Geachte heer/mevrouw,",
             "Hey,", ""]
CLOSINGS = ["Met vriendelijke groet, Ineke", "Groetjes, Sander", "Alvast bedankt!", "Mvg, R. de Wit",
            "Bedankt voor de moeite.", "", "", "Gr, Fatma"]
# A resident's context: sentences that name no topic of their own.
CONTEXT = [
    "Ik woon nu drie jaar in deze gemeente.", "Mijn man en ik hebben twee kleine kinderen.",
    "Ik heb al een paar keer gebeld maar niemand kon mij verder helpen.", "Vorige week heb ik dit ook al gevraagd.",
    "Ik weet echt niet meer waar ik moet beginnen.", "Het is allemaal erg verwarrend voor mij.",
    "Ik ben zelf 74 en niet zo handig met de computer.", "Mijn buurvrouw zei dat ik het beter hier kon vragen.",
    "Op de website kon ik het niet vinden.", "We zijn net verhuisd vanuit Utrecht.",
    "Ik werk fulltime en heb weinig tijd overdag.", "Dit speelt al sinds de zomer.", "Mijn dochter helpt mij met deze vraag.",
    "Ik schrijf dit namens mijn vader.", "Eerlijk gezegd ben ik er behoorlijk klaar mee.", "Ik heb de brief hier voor me liggen.",
    "Mijn vriend had hetzelfde vorig jaar.", "Ik heb geen idee hoe dat bij jullie geregeld is.",
    "Ik hoop dat het snel opgelost kan worden.", "Het is nogal dringend.", "We hebben het er thuis al lang over.",
    "Er is bij ons veel veranderd het afgelopen jaar.", "Ik snap er eerlijk gezegd weinig van.", "Dat vond ik best vreemd.",
    "Volgens mijn zus moest het zo.", "Mijn Nederlands is niet perfect, sorry daarvoor.",
    "Ik had het eerder moeten regelen, ik weet het.", "Het is de eerste keer dat ik zoiets meemaak.",
    "Mijn moeder woont bij ons in.", "Ik ben nu met pensioen.", "We zitten er echt mee.",
]


def long_message(rng: random.Random, core: list[str]) -> str:
    context = rng.sample(CONTEXT, rng.randint(1, 3))
    cut = rng.randint(0, len(context))
    text = " ".join(part for part in [rng.choice(GREETINGS), *context[:cut], *core, *context[cut:], rng.choice(CLOSINGS)] if part)
    return text.lower() if rng.random() < 0.3 else text


def fold_matchers(examples: list[tuple[str, str]], oos: list[str], cache: Path | None):
    """(matcher, held-out (text, intent or None)) per stratified fold."""
    labels = [intent for _, intent in examples] + [None] * len(oos)
    texts = [text for text, _ in examples] + oos
    rng = np.random.default_rng(11)
    fold_of = np.empty(len(texts), dtype=np.int64)
    for label in sorted(set(labels), key=str):  # a fixed order: the folds are the same in every run
        members = np.array([i for i, other in enumerate(labels) if other == label])
        rng.shuffle(members)
        fold_of[members] = np.arange(len(members)) % FOLDS
    for fold in range(FOLDS):
        held = [(texts[i], labels[i]) for i in np.flatnonzero(fold_of == fold)]
        path = cache / f"fold{fold}.matcher" if cache else None
        if path is not None and path.exists():
            cached = Matcher.from_bytes(path.read_bytes())
            if cached._scorer.examples is None:  # its nearest-example inputs would all be 0
                raise SystemExit(f"{path} was built before the matcher kept its examples' vectors: use a new --folds-cache")
            yield cached, held
            continue
        kept = np.flatnonzero(fold_of != fold)
        matcher = train_knowledge_base([(texts[i], labels[i]) for i in kept if labels[i] is not None],
                                       [texts[i] for i in kept if labels[i] is None])
        if path is not None:
            path.write_bytes(matcher.to_bytes())
        print(f"fold {fold + 1}/{FOLDS} trained", file=sys.stderr, flush=True)
        yield matcher, held


def row(matcher: Matcher, text: str, accepted: frozenset[str]) -> tuple[np.ndarray, bool]:
    return matcher.answer_inputs(text)[0], matcher.best_intent(text) in accepted


Material = tuple[np.ndarray, np.ndarray, list[str]]  # inputs, right (0/1), source of each row


def material(cache: Path | None, seeds: list[int], mixed_share: int = MIXED_SHARE) -> list[Material]:
    """The material once per composition seed: the held-out examples are the same in each, the
    long messages composed from them differ."""
    shared = SharedBase.model_validate_json((ROOT / "src" / "kb_compiled" / "shared.json").read_text(encoding="utf-8"))
    rngs = [random.Random(seed) for seed in seeds]
    # Per seed, fold by fold: the fold's held-out examples, then what was composed from them (the
    # order in which the rows are classified, for one seed).
    per_seed: list[Material] = [([], [], []) for _ in seeds]

    def add(into: Material, x: np.ndarray, ok: bool, source: str) -> None:
        into[0].append(x), into[1].append(ok), into[2].append(source)

    for matcher, held in fold_matchers(base_tenant_examples(shared.intents), shared.out_of_scope_texts(), cache):
        by_intent: dict[str | None, list[str]] = {}
        examples: Material = ([], [], [])
        for text, intent in held:
            by_intent.setdefault(intent, []).append(text)
            add(examples, *row(matcher, text, frozenset({intent}) - {None}), "example")
        topics = sorted(intent for intent in by_intent if intent is not None)
        for rng, into in zip(rngs, per_seed):
            for column, values in zip(into, examples):
                column.extend(values)
            for intent, texts in by_intent.items():
                for _ in range(max(2, len(texts) // 3)):
                    core = rng.sample(texts, min(len(texts), rng.choice([1, 1, 2])))
                    add(into, *row(matcher, long_message(rng, core), frozenset({intent}) - {None}), "composed")
            # Two questions of different topics in one message: the whole names no one topic (each
            # clause answers for itself as a part), so its best intent counts as not right.
            for _ in range(len(held) // mixed_share):
                first, second = rng.sample(topics, 2)
                x, _ = row(matcher, long_message(rng, [rng.choice(by_intent[first]), rng.choice(by_intent[second])]), frozenset())
                add(into, x, False, "mixed")
    return [(np.array(inputs), np.array(right, dtype=float), sources) for inputs, right, sources in per_seed]


def tuning_rows() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    from eval_dev import load_knowledge  # the same loading as `make eval`

    knowledge = load_knowledge("voorbeeld", None)
    matcher = knowledge.matcher
    known = frozenset(matcher.intents)
    rows = [q for q in read_real_questions(REAL_QUESTIONS) if q.split == "tune"]
    pairs = [row(matcher, q.text, q.accepted & known) for q in rows]
    return (np.array([x for x, _ in pairs]), np.array([ok for _, ok in pairs], dtype=float),
            np.array([q.intent is not None for q in rows]), np.array([q.kind for q in rows]))


def words_of(x: np.ndarray) -> np.ndarray:
    """The number of words of each row's message (without greeting and signature), from its inputs."""
    return np.rint(np.exp(x[:, ANSWER_INPUTS.index("log_words")]) - 1).astype(int)


def fit(x: np.ndarray, y: np.ndarray, tune_x: np.ndarray, tune_y: np.ndarray, weight: int) -> LogisticModel:
    return fit_logistic(np.vstack([x, *[tune_x] * weight]), np.concatenate([y, *[tune_y] * weight]))


def averaged(models: list[LogisticModel]) -> LogisticModel:
    """One logistic model whose log-odds are the mean of the models' log-odds (before the clip at
    +-40), in the first model's standardisation."""
    weights = np.mean([model.coef / model.scale for model in models], axis=0)
    offset = float(np.mean([model.intercept - model.coef @ (model.mean / model.scale) for model in models]))
    mean, scale = models[0].mean, models[0].scale
    return LogisticModel(mean=mean, scale=scale, coef=weights * scale, intercept=offset + float(weights @ mean))


def choose_cut_offs(held_out: np.ndarray, right: np.ndarray, in_scope: np.ndarray, band: np.ndarray, bands: int,
                    allowed: int, caps: list[int]) -> tuple[tuple[float, ...], int]:
    """Per band the answer cut-off (just above one of its wrongly ranked rows' scores, or 0) such
    that at most `allowed` rows in all and `caps[b]` in band b are answered wrongly, answering the
    most in-scope rows rightly; among equals the strictest. Returns the cut-offs and that count."""
    options = []
    for b in range(bands):
        wrong = np.sort(held_out[(band == b) & ~right])[::-1][: caps[b] + 1]
        options.append([float(np.nextafter(score, 1.0)) for score in wrong] + ([0.0] if len(wrong) <= caps[b] else []))
    best: tuple[int, float, tuple[float, ...]] = (-1, 0.0, ())
    for cut_offs in itertools.product(*options):
        answered = held_out >= np.array(cut_offs)[band]
        if (answered & ~right).sum() > allowed:
            continue
        candidate = (int((answered & right & in_scope).sum()), sum(cut_offs), cut_offs)
        if candidate[:2] > best[:2]:
            best = candidate
    return best[2], best[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds-cache", type=Path, default=None, help="keep the fold matchers here between runs")
    parser.add_argument("--seeds", type=int, nargs="+", default=list(range(1, 11)),
                        help="composition seeds of the long messages; one model per seed, averaged")
    parser.add_argument("--tune-weight", type=int, default=3)
    parser.add_argument("--mixed-share", type=int, default=MIXED_SHARE,
                        help="one message mixing two topics per this many held-out examples")
    parser.add_argument("--max-wrong", type=float, default=0.02)
    parser.add_argument("--clarify-ratio", type=float, default=0.4)
    parser.add_argument("--long-words", type=int, default=LONG_WORDS,
                        help="messages of this many words or more get the second model (0: one model for all)")
    parser.add_argument("--without", action="append", default=[], choices=ANSWER_INPUTS,
                        help="fit without this input (held constant), to measure what it adds")
    parser.add_argument("--band-without", action="append", default=[], metavar="BAND:INPUT",
                        help="fit band BAND (0: questions, 1: stories) without this input (held constant)")
    args = parser.parse_args(argv)
    if args.folds_cache:
        args.folds_cache.mkdir(parents=True, exist_ok=True)
    per_seed_material = material(args.folds_cache, args.seeds, args.mixed_share)
    tune_x, tune_y, in_scope, kinds = tuning_rows()
    starts = [0, args.long_words] if args.long_words > 0 else [0]
    band_t = np.searchsorted(starts, words_of(tune_x), side="right") - 1
    for name in args.without:
        tune_x[:, ANSWER_INPUTS.index(name)] = 0.0
        for x, _, _ in per_seed_material:
            x[:, ANSWER_INPUTS.index(name)] = 0.0
    bands_x = [np.searchsorted(starts, words_of(x), side="right") - 1 for x, _, _ in per_seed_material]
    for spec in args.band_without:
        band, _, name = spec.partition(":")
        if name not in ANSWER_INPUTS or not band.isdigit() or int(band) >= len(starts):
            parser.error(f"--band-without {spec}: want BAND:INPUT with BAND < {len(starts)} and INPUT one of ANSWER_INPUTS")
        tune_x[band_t == int(band), ANSWER_INPUTS.index(name)] = 0.0
        for (x, _, _), band_x in zip(per_seed_material, bands_x):
            x[band_x == int(band), ANSWER_INPUTS.index(name)] = 0.0

    def band_models(b: int, keep: np.ndarray) -> list[LogisticModel]:
        """Band b's model per seed, fitted with the tuning rows `keep`."""
        return [fit(x[band_x == b], y[band_x == b], tune_x[keep], tune_y[keep], args.tune_weight)
                for (x, y, _), band_x in zip(per_seed_material, bands_x)]

    right = tune_y == 1
    # Held-out log-odds of each tuning row, per seed; the averaged model's score is their mean's.
    held_log_odds = np.zeros((len(args.seeds), len(tune_y)))
    for i in range(len(tune_y)):
        b = band_t[i]
        keep = (np.arange(len(tune_y)) != i) & (band_t == b)
        for s, model in enumerate(band_models(b, keep)):
            held_log_odds[s, i] = ((tune_x[i] - model.mean) / model.scale) @ model.coef + model.intercept

    def probability(log_odds: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-np.clip(log_odds, -40, 40)))

    held_out = probability(held_log_odds.mean(axis=0))
    allowed = math.floor(args.max_wrong * len(tune_y) + 1e-9)
    # No band may take more than its own share of the wrong answers (rounded up).
    caps = [math.ceil(args.max_wrong * int((band_t == b).sum()) - 1e-9) for b in range(len(starts))]
    cut_offs, _ = choose_cut_offs(held_out, right, in_scope, band_t, len(starts), allowed, caps)
    answered = held_out >= np.array(cut_offs)[band_t]
    models = [averaged(band_models(b, band_t == b)) for b in range(len(starts))]
    # What one seed alone would have chosen: the spread the average removes.
    per_seed = []
    for seed, log_odds in zip(args.seeds, held_log_odds):
        alone, count = choose_cut_offs(probability(log_odds), right, in_scope, band_t, len(starts), allowed, caps)
        per_seed.append({"seed": seed, "answer": [round(cut_off, 4) for cut_off in alone],
                         "answered_right": round(count / int(in_scope.sum()), 4)})
    band_x = bands_x[0]
    sources = per_seed_material[0][2]
    report = {
        "inputs": list(ANSWER_INPUTS),
        "bands": [{"min_words": start,
                   "model": {"mean": model.mean.round(5).tolist(), "scale": model.scale.round(5).tolist(),
                             "coef": model.coef.round(5).tolist(), "intercept": round(model.intercept, 5)},
                   "answer": round(cut_off, 4), "clarify": round(cut_off * args.clarify_ratio, 4),
                   "material": int((band_x == b).sum()), "tune": int((band_t == b).sum())}
                  for b, (start, model, cut_off) in enumerate(zip(starts, models, cut_offs))],
        "material": {source: sources.count(source) for source in ("example", "composed", "mixed")}
        | {"tune": len(tune_y), "seeds": args.seeds},
        "per_seed": per_seed,
        "tune_cross_validated": {
            "in_scope": int(in_scope.sum()),
            "rank1": round(float(tune_y[in_scope].mean()), 4),
            "answered_right": round(float((answered & right)[in_scope].mean()), 4),
            "wrong": round(float((answered & ~right).mean()), 4),
            **{f"answered_right_{kind}": round(float((answered & right)[in_scope & (kinds == kind)].mean()), 4)
               for kind in ("faq", "story")},
            # The trade-off: the in-scope rows answered right at the best cut-offs that answer at
            # most 0, 1, 2, ... tuning rows wrongly in all.
            "answered_right_by_wrong_rows": [
                round(choose_cut_offs(held_out, right, in_scope, band_t, len(starts), budget, [budget] * len(starts))[1]
                      / int(in_scope.sum()), 4)
                for budget in range(6)
            ],
        },
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

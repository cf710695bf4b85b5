"""benchmarks/fit_answer_model.py: the answer model averaged over composition seeds, and its cut-offs."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from core.matcher.learning import fit_logistic

FIT = Path(__file__).resolve().parents[2] / "benchmarks" / "fit_answer_model.py"


def load_fit_module():
    spec = importlib.util.spec_from_file_location("fit_answer_model", FIT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def log_odds(probability: np.ndarray) -> np.ndarray:
    return np.log(probability / (1 - probability))


def test_the_averaged_model_scores_the_mean_log_odds_of_the_seeds_models() -> None:
    fit = load_fit_module()
    rng = np.random.default_rng(3)
    models = []
    for shift in (0.0, 0.7, -0.4):  # three compositions: different material, different standardisation
        x = rng.normal(shift, 1.0 + shift * shift, size=(400, 4))
        y = (x @ np.array([1.0, -0.5, 0.2, 0.0]) + rng.normal(0, 1, 400) > shift).astype(float)
        models.append(fit_logistic(x, y))
    probe = rng.normal(0, 1.5, size=(50, 4))
    averaged = fit.averaged(models)
    expected = np.mean([log_odds(model.predict(probe)) for model in models], axis=0)
    assert np.allclose(log_odds(averaged.predict(probe)), expected, atol=1e-9)
    # Not simply one of them: each seed's model alone scores the probes differently.
    assert all(not np.allclose(model.predict(probe), averaged.predict(probe), atol=1e-3) for model in models)


def test_one_seed_averages_to_its_own_model() -> None:
    fit = load_fit_module()
    rng = np.random.default_rng(5)
    x = rng.normal(size=(300, 3))
    model = fit_logistic(x, (x[:, 0] > 0).astype(float))
    probe = rng.normal(size=(20, 3))
    assert np.allclose(fit.averaged([model]).predict(probe), model.predict(probe), atol=1e-12)


def test_cut_offs_keep_within_the_wrong_budget_and_answer_the_most_right_rows() -> None:
    fit = load_fit_module()
    scores = np.array([0.99, 0.97, 0.95, 0.93, 0.91, 0.80, 0.70, 0.96, 0.92, 0.60])
    right = np.array([True, True, True, True, True, True, True, False, False, False])
    in_scope = np.ones(10, dtype=bool)
    band = np.array([0, 0, 0, 0, 0, 1, 1, 0, 0, 1])
    cut_offs, answered_right = fit.choose_cut_offs(scores, right, in_scope, band, 2, allowed=1, caps=[1, 1])
    # One wrong row allowed: the questions' cut-off goes just above 0.92 (answering the wrong 0.96),
    # the stories' to 0 would answer the wrong 0.60 too, which the budget no longer has room for.
    assert cut_offs[0] > 0.92 and cut_offs[0] < 0.93
    assert 0.60 < cut_offs[1] <= 0.70
    assert answered_right == 6

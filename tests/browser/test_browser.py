"""Widget and staff dashboard in headless Chromium (Debian's /usr/bin/chromium) driven by
playwright-core from Node: one script per scenario (a11y, keyboard, xss, handover, after_hours, reports), run
against the local stack started in this process.

The stack's clock is a weekday morning (BALIE_NOW) so asking for a person is a live handover;
after_hours runs on a Saturday evening (a ticket for Monday).
A missing browser, Node or node_modules is a failure, never a skip: CI installs them
(.ci/run: apt-get install chromium; make test: npm ci in tests/browser).
Screenshots (widget.png, staff.png, reports.png) go to a temporary directory, so a test run
never changes tracked files (Chromium's rendering, and the order of list rows with the same
time, vary between runs); `BALIE_SCREENSHOTS=docs .venv/bin/pytest tests/browser` refreshes
the ones in docs/.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from balie_local.stack import LocalStack

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MONDAY_MORNING = "2026-11-30T10:00:00+01:00"  # Gemeente Voorbeeld is open 08:30-17:00
SATURDAY_EVENING = "2026-11-28T21:30:00+01:00"  # closed: a handover becomes a ticket for Monday
# The stack runs in this process, so a scenario's clock is just this process's BALIE_NOW.
CLOCK = {"after_hours": SATURDAY_EVENING}
SCENARIO_TIMEOUT_S = 90

pytestmark = pytest.mark.browser


def _node_ready() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the browser tests need Node.js 18+")
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium package (apt-get install -y chromium)")
    if not (HERE / "node_modules" / "playwright-core").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("tests/browser/node_modules is missing and npm is not installed")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True, timeout=300)
    return node


@pytest.fixture(scope="module")
def stack() -> Iterator[LocalStack]:
    if not (REPO / "src" / "kb_compiled" / "voorbeeld.json").is_file():
        pytest.fail("src/kb_compiled is missing: run `make kb` first (make test does)")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BALIE_NOW", MONDAY_MORNING)
        with LocalStack(port=0) as running:
            yield running


@pytest.fixture(scope="module")
def node() -> str:
    return _node_ready()


@pytest.mark.parametrize("scenario", ["embed", "modal", "widget_states", "a11y", "keyboard", "xss", "handover", "dashboard", "after_hours", "reports"])
def test_scenario(scenario: str, stack: LocalStack, node: str, monkeypatch: pytest.MonkeyPatch,
                  tmp_path: Path) -> None:
    monkeypatch.setenv("BALIE_NOW", CLOCK.get(scenario, MONDAY_MORNING))
    # Resolved here: the scripts run in tests/browser, not where pytest was started.
    screenshots = Path(os.environ.get("BALIE_SCREENSHOTS") or tmp_path).resolve()
    env = {
        **os.environ,
        "BALIE_URL": stack.url,
        "BALIE_TOKEN": stack.auth.tokens["voorbeeld"],
        "BALIE_SCREENSHOTS": str(screenshots),
        "CHROMIUM": CHROMIUM,
    }
    result = subprocess.run([node, str(HERE / f"{scenario}.mjs")], cwd=HERE, env=env, capture_output=True, text=True,
                            timeout=SCENARIO_TIMEOUT_S)
    print(result.stdout)
    assert result.returncode == 0, f"{scenario}.mjs failed:\n{result.stdout}\n{result.stderr}"
    assert result.stdout.rstrip().endswith("ok")

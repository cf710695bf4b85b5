"""Widget and staff dashboard in headless Chromium (Debian's /usr/bin/chromium) driven by
playwright-core from Node: one script per scenario (SCENARIOS), run against the local stack
started in this process.

docs/toegankelijkheid.md (the accessibility statement) is kept true here: every state of its
sample table must be checked with axe by the scenario it names, and every state a scenario
checks must be in the table.

The stack's clock is a weekday morning (BALIE_NOW) so asking for a person is a live handover;
after_hours, open_tickets and dashboard_polling run on a Saturday evening (a ticket for Monday).
A missing browser, Node or node_modules is a failure, never a skip: CI installs them
(.ci/run: apt-get install chromium; make test: npm ci in tests/browser).
Screenshots (widget.png, widget-320.png, widget-look.png, staff.png, reports.png, editor.png, dashboard-workday.png,
dashboard-canned.png, dashboard-not-helpful.png, dashboard-done-tickets.png, dashboard-open-tickets.png,
dashboard-crisis.png) go to a temporary directory, so a test run
never changes tracked files (Chromium's rendering, and the order of list rows with the same
time, vary between runs); `BALIE_SCREENSHOTS=docs .venv/bin/pytest tests/browser` refreshes
the ones in docs/.
"""
from __future__ import annotations

import os
import re
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
CLOCK = {"after_hours": SATURDAY_EVENING, "open_tickets": SATURDAY_EVENING, "dashboard_polling": SATURDAY_EVENING}
SCENARIO_TIMEOUT_S = 90
SCENARIOS = ["embed", "modal", "widget_states", "a11y", "keyboard", "xss", "handover", "dashboard", "after_hours", "open_tickets",
             "dashboard_polling", "reports", "editor", "workday", "renewal", "roles"]
STATEMENT = REPO / "docs" / "toegankelijkheid.md"
# A row of the statement's sample table: | W01 | state | `a11y.mjs` | `axe label` |
SAMPLE_ROW = re.compile(r"^\| ([A-Z]\d{2}) \|[^|]+\| `([a-z0-9_]+)\.mjs` \| `([^`]+)` \|$", re.MULTILINE)

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
        # Every resident of every scenario comes from 127.0.0.1: the limit of new conversations
        # per client address (template NewConversationsPerClient, 30) would stop the later scenarios.
        with LocalStack(port=0, parameters={"NewConversationsPerClient": "0"}) as running:
            yield running


@pytest.fixture(scope="module")
def node() -> str:
    return _node_ready()


def sample_states(scenario: str) -> set[str]:
    """The axe labels docs/toegankelijkheid.md says `scenario` checks."""
    return {label for _, name, label in SAMPLE_ROW.findall(STATEMENT.read_text(encoding="utf-8")) if name == scenario}


def test_the_statement_names_only_real_scenarios_and_tests_each_finding() -> None:
    text = STATEMENT.read_text(encoding="utf-8")
    rows = SAMPLE_ROW.findall(text)
    assert len(rows) >= 25 and len({row[0] for row in rows}) == len(rows), "sample IDs are unique"
    named = set(re.findall(r"`([a-z0-9_]+)\.mjs`", text))
    assert named <= set(SCENARIOS), f"the statement names scenarios that do not exist: {named - set(SCENARIOS)}"
    # Each manual finding (section 5) is a browser test whose header says so.
    findings = re.findall(r"^\| (\d) \|.*`([a-z0-9_]+)\.mjs` \|$", text, re.MULTILINE)
    assert [number for number, _ in findings] == [str(n) for n in range(1, 8)]
    for number, scenario in findings:
        source = (HERE / f"{scenario}.mjs").read_text(encoding="utf-8")
        assert re.search(rf"^// .*\bfinding {number}\b", source, re.MULTILINE | re.IGNORECASE), (number, scenario)


@pytest.mark.parametrize("scenario", SCENARIOS)
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
    checked = set(re.findall(r"^axe: no violations on (.+)$", result.stdout, re.MULTILINE))
    assert checked == sample_states(scenario), (
        f"docs/toegankelijkheid.md's sample for {scenario}.mjs is out of date: "
        f"checked but not listed {checked - sample_states(scenario)}, listed but not checked {sample_states(scenario) - checked}")

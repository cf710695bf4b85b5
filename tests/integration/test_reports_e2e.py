"""Reports end to end through the local stack: a scripted set of conversations,
a live handover claimed by staff, then GET /v1/staff/reports must count exactly
what was sent, the CSV export and `balie report` must agree, and the handlers'
EMF output must carry the same numbers.

Uses the engine test knowledge base (tenants alpha and beta, alpha open on
Monday 08:30-17:00) like test_handover_e2e.
"""
from __future__ import annotations

import csv
import io
import json
from argparse import Namespace
from pathlib import Path
from typing import Any

import pytest

from balie_local import report_cmd, unanswered_export
from balie_local.stack import LocalStack
from http_support import json_headers, send

MONDAY_MORNING = "2026-11-30T10:00:00+01:00"
TWO_MINUTES_LATER = "2026-11-30T10:02:00+01:00"
NONSENSE = "blorp fnord kwibus zanzibar"


@pytest.fixture(scope="module")
def stack(engine_kb_stack_with_pollers: LocalStack) -> LocalStack:
    return engine_kb_stack_with_pollers


def request(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, bytes]:
    answer = send(stack.url + path, method, body, json_headers(token=token))
    return answer.status, answer.body


def say(stack: LocalStack, text: str, conversation_id: str | None = None, payload: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"tenant": "alpha", "message": text}
    if conversation_id:
        body["conversationId"] = conversation_id
    if payload:
        body["payload"] = payload
    status, raw = request(stack, "POST", "/v1/chat", body)
    assert status == 200, raw
    return json.loads(raw)


def report(stack: LocalStack, tenant: str, query: str = "from=2026-11-30&to=2026-11-30") -> dict[str, Any]:
    status, raw = request(stack, "GET", f"/v1/staff/reports?{query}", token=stack.auth.tokens[tenant])
    assert status == 200, raw
    return json.loads(raw)


def test_report_counts_what_was_sent(stack: LocalStack, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    capsys.readouterr()
    sent = 0
    # Conversation 1: an answered question, then "helpful".
    first = say(stack, "paspoort")
    sent += 1
    assert first["intent"] == "paspoort"
    say(stack, "Ja", first["conversationId"], payload="feedback:yes")
    sent += 1
    # Conversation 2: a question the bot does not know (a fallback and an unanswered question).
    second = say(stack, NONSENSE)
    sent += 1
    assert second["intent"] is None
    assert not any(b["payload"].startswith("intent:") for m in second["messages"] for b in m.get("buttons", []))
    # Conversation 3: asks for a person; staff claim it two minutes later.
    third = say(stack, "ik wil een medewerker spreken")
    sent += 1
    assert third["handover"]["status"] == "live"
    team = third["handover"]["team"]
    monkeypatch.setenv("BALIE_NOW", TWO_MINUTES_LATER)
    status, _ = request(stack, "POST", f"/v1/staff/conversations/{third['conversationId']}/claim",
                        token=stack.auth.tokens["alpha"])
    assert status == 200

    found = report(stack, "alpha")
    totals = found["totals"]
    assert (found["from"], found["to"]) == ("2026-11-30", "2026-11-30")
    assert totals["messages"] == sent and totals["conversations"] == 3
    assert totals["fallback"] == 1 and totals["answered"] >= 1
    assert totals["handoverLive"] == 1 and totals["handoverClaimed"] == 1 and totals["handoverRequested"] == 1
    assert totals["botHandledShare"] == round(2 / 3, 4)
    assert [d["day"] for d in found["days"]] == ["2026-11-30"]
    assert {"intent": "paspoort", "count": 1} in found["topIntents"]
    assert found["unanswered"] == [{"text": NONSENSE, "count": 1, "examples": []}]
    assert found["handovers"] == [{"team": team, "live": 1, "queued": 0, "claimed": 1, "meanSecondsToClaim": 120.0}]
    assert found["feedback"]["helpful"] == 1 and found["feedback"]["byIntent"] == [
        {"intent": "paspoort", "helpful": 1, "notHelpful": 0}]

    # The handlers' EMF output carries the same counts.
    emf = [line for line in map(_json_or_none, capsys.readouterr().out.splitlines()) if line and "_aws" in line]
    alpha_web = [line for line in emf if line.get("tenant") == "alpha" and line.get("channel") == "web"]
    assert sum(line.get("messages_received", [0])[0] for line in alpha_web) == sent
    assert sum(line.get("fallback", [0])[0] for line in alpha_web) == 1
    assert sum(line.get("handover_live", [0])[0] for line in alpha_web) == 1
    assert sum(line.get("handover_claimed", [0])[0] for line in alpha_web) == 1
    assert len([line for line in alpha_web if "turn_latency" in line]) == sent

    # Another tenant's staff see only their own (empty) report.
    other = report(stack, "beta")
    assert other["totals"]["messages"] == 0 and other["unanswered"] == [] and other["days"] == []

    # The CSV export has the same day row.
    status, raw = request(stack, "GET", "/v1/staff/reports?from=2026-11-30&to=2026-11-30&format=csv",
                          token=stack.auth.tokens["alpha"])
    assert status == 200
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    day = next(row for row in rows if row[:2] == ["day", "2026-11-30"])
    assert day[2:4] == ["3", str(sent)]

    # `balie report` prints it in the terminal.
    code = report_cmd.run(Namespace(api=stack.url, tenant="alpha", date_from="2026-11-30", date_to="2026-11-30",
                                    csv=False))
    printed = capsys.readouterr().out
    assert code == 0 and f"messages             {sent}" in printed and NONSENSE in printed


def test_report_refuses_bad_ranges_and_anonymous_callers(stack: LocalStack) -> None:
    token = stack.auth.tokens["alpha"]
    status, raw = request(stack, "GET", "/v1/staff/reports?from=2026-01-01&to=2026-11-30", token=token)
    assert status == 400 and "at most 92 days" in json.loads(raw)["error"]["message"]
    status, _ = request(stack, "GET", "/v1/staff/reports?from=2026-11-30&format=xml", token=token)
    assert status == 400
    assert request(stack, "GET", "/v1/staff/reports")[0] == 401


def _json_or_none(line: str) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def test_proposals_export_runs_against_the_stack_and_skips_tenants_that_did_not_opt_in(
        stack: LocalStack, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    say(stack, NONSENSE)  # alpha and beta keep share_unanswered at its default (false)
    output = tmp_path / "proposals.json"
    code = unanswered_export.run(Namespace(api=stack.url, date_from="2026-11-01", date_to="2026-11-30",
                                           format="json", output=str(output)))
    document = json.loads(output.read_text(encoding="utf-8"))
    assert code == 0 and document["tenants"] == 0 and document["proposals"] == []
    assert NONSENSE not in output.read_text(encoding="utf-8")

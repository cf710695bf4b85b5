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
THREE_MINUTES_LATER = "2026-11-30T10:03:00+01:00"
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


def test_report_counts_every_kind_of_conversation_once(stack: LocalStack, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Scripted conversations of every kind; the report's totals must match them exactly."""
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    capsys.readouterr()
    token = stack.auth.tokens["alpha"]
    sent = 0

    def turn(text: str, conversation_id: str | None = None, payload: str | None = None) -> dict[str, Any]:
        nonlocal sent
        sent += 1
        return say(stack, text, conversation_id, payload)

    # 1. Resolved: an answer, then "helpful".
    resolved = turn("paspoort")
    assert resolved["intent"] == "paspoort"
    turn("Ja", resolved["conversationId"], payload="feedback:yes")
    # 2. Unresolved: the bot only fell back.
    fallback = turn(NONSENSE)
    assert fallback["intent"] is None
    # 3. Unresolved: answered, then "niet nuttig" and nothing after it.
    not_helpful = turn("paspoort")
    turn("Nee", not_helpful["conversationId"], payload="feedback:no")
    # 4. Handed over: asks for a person; claimed two minutes later, answered a minute after that.
    person = turn("ik wil een medewerker spreken")
    assert person["handover"]["status"] == "live"
    team = person["handover"]["team"]
    # 5. Handed over after an answer (moved from resolved; a wrong-answer signal).
    moved = turn("parkeervergunning aanvragen")
    assert moved["intent"] == "parkeervergunning"
    turn("ik wil een medewerker spreken", moved["conversationId"])
    # 6. Crisis help, no person: never resolved by the bot.
    crisis = turn("ik wil niet meer leven")
    turn("Nee", crisis["conversationId"], payload="handover:no")
    # 7. The bot answers; staff take it over (handed over).
    taken = turn("paspoort aanvragen")
    # 8. Resolved, with a rephrasing right after the answer.
    rephrased = turn("paspoort aanvragen")
    turn("paspoort aanvragen hoe dan", rephrased["conversationId"])

    status, raw = request(stack, "GET", "/v1/staff/conversations?status=bot", token=token)
    listed = {item["conversationId"]: item for item in json.loads(raw)["conversations"]}
    assert status == 200 and taken["conversationId"] in listed and person["conversationId"] not in listed
    assert listed[taken["conversationId"]]["intent"] == "paspoort" and listed[taken["conversationId"]]["turns"] == 1
    monkeypatch.setenv("BALIE_NOW", TWO_MINUTES_LATER)
    assert request(stack, "POST", f"/v1/staff/conversations/{taken['conversationId']}/takeover", token=token)[0] == 200
    assert request(stack, "POST", f"/v1/staff/conversations/{person['conversationId']}/claim", token=token)[0] == 200
    monkeypatch.setenv("BALIE_NOW", THREE_MINUTES_LATER)
    status, _ = request(stack, "POST", f"/v1/staff/conversations/{person['conversationId']}/reply",
                        {"text": "Goedemorgen, waarmee kan ik helpen?"}, token=token)
    assert status == 200

    found = report(stack, "alpha")
    totals = found["totals"]
    assert (totals["conversations"], totals["resolvedByBot"], totals["handedOver"], totals["unresolved"]) == (8, 2, 3, 3)
    assert totals["containmentRate"] == 0.25 and totals["escalationRate"] == 0.375
    assert totals["messages"] == sent and totals["fallback"] == 1 and totals["crisis"] == 1
    assert totals["handoverLive"] == 2 and totals["handoverClaimed"] == 1 and totals["handoverTakeover"] == 1
    assert totals["medianSecondsToClaim"] == 90.0  # 120 s lies in the 60-120 s bucket: exact to the bucket
    assert totals["meanSecondsToClaim"] == 120.0 and totals["medianSecondsToFirstReply"] is not None
    assert (totals["wrongNotHelpful"], totals["wrongPerson"], totals["wrongRephrased"]) == (1, 1, 1)
    assert [d["day"] for d in found["days"]] == ["2026-11-30"] and found["months"][0]["month"] == "2026-11"
    day = found["days"][0]
    assert day["resolvedByBot"] + day["handedOver"] + day["unresolved"] == day["conversations"] == 8
    assert found["channels"] == [{"channel": "web", "name": "Website", "conversations": 8, "resolvedByBot": 2, "handedOver": 3,
                                  "unresolved": 3, "containmentRate": 0.25, "escalationRate": 0.375}]
    intents = {row["intent"]: row for row in found["intents"]}
    assert intents["paspoort"]["notHelpful"] == 1 and intents["paspoort"]["rephrased"] == 1
    assert intents["parkeervergunning"]["personAfterAnswer"] == 1 and intents["parkeervergunning"]["handedOver"] == 1
    assert sum(row["conversations"] for row in found["teams"]) == 8
    assert found["unanswered"] == [{"text": NONSENSE, "count": 1, "examples": []}]
    handovers = {row["team"]: row for row in found["handovers"]}
    assert handovers[team]["claimed"] == 1 and handovers[team]["meanSecondsToClaim"] == 120.0

    # The editors' queue has the "niet nuttig" answer, with the question it followed.
    status, raw = request(stack, "GET", "/v1/staff/not-helpful?from=2026-11-30&to=2026-11-30", token=token)
    [entry] = json.loads(raw)["answers"]
    assert status == 200 and (entry["intent"], entry["question"]) == ("paspoort", "paspoort")
    assert request(stack, "POST", f"/v1/staff/not-helpful/{entry['id']}/review", {"note": "Tekst verduidelijkt"},
                   token=token)[0] == 200
    status, raw = request(stack, "GET", "/v1/staff/not-helpful?from=2026-11-30&to=2026-11-30", token=token)
    assert json.loads(raw)["answers"] == []

    # The handlers' EMF output carries the same message counts.
    emf = [line for line in map(_json_or_none, capsys.readouterr().out.splitlines()) if line and "_aws" in line]
    alpha_web = [line for line in emf if line.get("tenant") == "alpha" and line.get("channel") == "web"]
    assert sum(line.get("messages_received", [0])[0] for line in alpha_web) == sent
    assert sum(line.get("handover_claimed", [0])[0] for line in alpha_web) == 1

    # Another tenant's staff see only their own (empty) report.
    other = report(stack, "beta")
    assert other["totals"]["messages"] == 0 and other["unanswered"] == [] and other["days"] == []

    # The CSV export (Dutch Excel) has the same day row.
    status, raw = request(stack, "GET", "/v1/staff/reports?from=2026-11-30&to=2026-11-30&format=csv&table=days",
                          token=token)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert status == 200 and rows[1][:5] == ["2026-11-30", "8", "2", "3", "3"]
    status, raw = request(stack, "GET", "/v1/staff/reports?from=2026-11-30&to=2026-11-30&format=xlsx", token=token)
    assert status == 200 and raw[:2] == b"PK"

    # `balie report` prints it in the terminal.
    code = report_cmd.run(Namespace(api=stack.url, tenant="alpha", date_from="2026-11-30", date_to="2026-11-30",
                                    csv=False))
    printed = capsys.readouterr().out
    assert code == 0 and "resolved by the bot  2 (25.0%)" in printed and NONSENSE in printed


def test_report_refuses_bad_ranges_and_anonymous_callers(stack: LocalStack) -> None:
    token = stack.auth.tokens["alpha"]
    status, raw = request(stack, "GET", "/v1/staff/reports?from=2025-01-01&to=2026-11-30", token=token)
    assert status == 400 and "at most 366 days" in json.loads(raw)["error"]["message"]
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

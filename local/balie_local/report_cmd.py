"""`balie report [--tenant voorbeeld] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv [--table T]]`.

Asks the running local stack's staff API (GET /v1/staff/reports) with the
tenant's dev token, which the stack publishes at /dev/stack, so the terminal
shows exactly what the staff dashboard gets: the same range checks, the same
tenant isolation, the same numbers, and the server's clock (BALIE_NOW of the
stack) for the default range. Start the stack first with `make run`.
"""
from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

TIMEOUT_SECONDS = 30


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value / 60:.1f} min"


def render(report: dict[str, Any]) -> str:
    """The report as plain text for the terminal."""
    totals = report["totals"]
    lines = [
        f"Report {report['tenant']}  {report['from']} .. {report['to']}",
        "",
        f"  conversations        {totals['conversations']}",
        f"  resolved by the bot  {totals['resolvedByBot']} ({_percent(totals['containmentRate'])})",
        f"  handed over          {totals['handedOver']} ({_percent(totals['escalationRate'])})",
        f"  unresolved           {totals['unresolved']} ({_percent(totals['unresolvedRate'])})",
        f"  messages             {totals['messages']}",
        f"  answered by the bot  {totals['answered']} ({_percent(totals['answeredShare'])} of messages)",
        f"  fallback rate        {_percent(totals['fallbackRate'])} ({totals['fallback']} not understood)",
        f"  crisis help          {totals['crisis']}",
        f"  handovers            {totals['handoverLive']} live, {totals['handoverQueued']} tickets, "
        f"{totals['handoverClaimed']} claimed, {totals['handoverTakeover']} taken over from the bot",
        f"  wait until claimed   median {_seconds(totals['medianSecondsToClaim'])}, "
        f"mean {_seconds(totals['meanSecondsToClaim'])}",
        f"  first staff reply    median {_seconds(totals['medianSecondsToFirstReply'])} after the request",
        f"  wrong-answer signs   {totals['wrongNotHelpful']} not helpful, {totals['wrongRephrased']} rephrased, "
        f"{totals['wrongPerson']} asked for a person right after an answer",
        "",
        "  period       conv  resolved  handed over  unresolved  msgs  fallback  not helpful",
    ]
    periods = report["months"] if len(report["days"]) > 62 else report["days"]
    for row in periods:
        lines.append(f"  {row.get('day') or row.get('month'):<10}  {row['conversations']:>4}  {row['resolvedByBot']:>8}  "
                     f"{row['handedOver']:>11}  {row['unresolved']:>10}  {row['messages']:>4}  {row['fallback']:>8}  "
                     f"{row['feedbackNotHelpful']:>11}")
    lines += ["", "Per intent                     conv  resolved  handed over  unresolved  answers  "
                  "not helpful  rephrased  person after"]
    for row in report["intents"]:
        lines.append(f"  {row['title'][:28]:<28} {row['conversations']:>5}  {row['resolvedByBot']:>8}  "
                     f"{row['handedOver']:>11}  {row['unresolved']:>10}  {row['answered']:>7}  {row['notHelpful']:>11}  "
                     f"{row['rephrased']:>9}  {row['personAfterAnswer']:>12}")
    if not report["intents"]:
        lines.append("  (none)")
    lines += ["", "Most frequent unanswered questions"]
    for group in report["unanswered"]:
        lines.append(f"  {group['count']:>5}  {group['text']}")
        lines += [f"         ~ {example}" for example in group["examples"]]
    if not report["unanswered"]:
        lines.append("  (none)")
    lines += ["", "Handovers per team          live  tickets  claimed  median wait  mean wait"]
    for team in report["handovers"]:
        lines.append(f"  {team['name'][:24]:<24} {team['live']:>5}  {team['queued']:>7}  {team['claimed']:>7}  "
                     f"{_seconds(team['medianSecondsToClaim']):>11}  {_seconds(team['meanSecondsToClaim']):>9}")
    feedback = report["feedback"]
    lines += ["", f"Feedback  helpful {feedback['helpful']}, not helpful {feedback['notHelpful']} "
                  f"({_percent(feedback['helpfulShare'])} helpful)"]
    return "\n".join(lines)


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def run(args: Any) -> int:
    api = (args.api or f"http://127.0.0.1:{os.environ.get('PORT', '3000')}").rstrip("/")
    try:
        _, raw = _get(f"{api}/dev/stack")
        token = (json.loads(raw).get("staffTokens") or {}).get(args.tenant)
    except (urllib.error.URLError, OSError, ValueError) as error:
        print(f"balie report: no local stack at {api} ({error}); start it with `make run`", file=sys.stderr)
        return 1
    if not token:
        print(f"balie report: the local stack has no staff token for tenant {args.tenant!r}", file=sys.stderr)
        return 1
    query = {key: value for key, value in (("from", args.date_from), ("to", args.date_to)) if value}
    if getattr(args, "csv", False):
        query["format"] = "csv"
        query["table"] = getattr(args, "table", None) or "days"
    url = f"{api}/v1/staff/reports" + (f"?{urllib.parse.urlencode(query)}" if query else "")
    status, body = _get(url, {"Authorization": f"Bearer {token}"})
    if status != 200:
        try:
            message = json.loads(body)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = body.decode("utf-8", "replace")
        print(f"balie report: HTTP {status}: {message}", file=sys.stderr)
        return 1
    print(body.decode("utf-8-sig") if query.get("format") == "csv" else render(json.loads(body)))
    return 0

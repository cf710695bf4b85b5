"""`balie report [--tenant voorbeeld] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--csv]`.

Asks the running local stack's staff API (GET /v1/staff/reports) with the
tenant's dev token, which the stack publishes at /dev/stack, so the terminal
shows exactly what the staff dashboard gets: the same range checks, the same
tenant isolation, the same numbers. Start the stack first with `make run`.
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


def render(report: dict[str, Any]) -> str:
    """The report as plain text for the terminal."""
    totals = report["totals"]
    lines = [
        f"Report {report['tenant']}  {report['from']} .. {report['to']}",
        "",
        f"  conversations        {totals['conversations']}",
        f"  messages             {totals['messages']}",
        f"  answered by the bot  {totals['answered']} ({_percent(totals['answeredShare'])} of messages)",
        f"  bot-handled share    {_percent(totals['botHandledShare'])} of conversations without a handover request",
        f"  fallback rate        {_percent(totals['fallbackRate'])} ({totals['fallback']} not understood)",
        f"  disambiguations      {totals['disambiguation']}",
        f"  handovers            {totals['handoverLive']} live, {totals['handoverQueued']} tickets, "
        f"{totals['handoverClaimed']} claimed",
        "",
        "  day          conv  msgs  answered  fallback  handovers  helpful  not helpful",
    ]
    for day in report["days"]:
        lines.append(f"  {day['day']}  {day['conversations']:>4}  {day['messages']:>4}  {day['answered']:>8}  "
                     f"{day['fallback']:>8}  {day['handovers']:>9}  {day['feedbackHelpful']:>7}  "
                     f"{day['feedbackNotHelpful']:>11}")
    lines += ["", "Top intents"] + [f"  {item['count']:>5}  {item['intent']}" for item in report["topIntents"]]
    if not report["topIntents"]:
        lines.append("  (none)")
    lines += ["", "Most frequent unanswered questions"]
    for group in report["unanswered"]:
        lines.append(f"  {group['count']:>5}  {group['text']}")
        lines += [f"         ~ {example}" for example in group["examples"]]
    if not report["unanswered"]:
        lines.append("  (none)")
    lines += ["", "Handovers per team          live  tickets  claimed  mean time to claim"]
    for team in report["handovers"]:
        seconds = team["meanSecondsToClaim"]
        wait = "-" if seconds is None else f"{seconds / 60:.1f} min"
        lines.append(f"  {team['team']:<24} {team['live']:>5}  {team['queued']:>7}  {team['claimed']:>7}  {wait:>18}")
    feedback = report["feedback"]
    lines += ["", f"Feedback  helpful {feedback['helpful']}, not helpful {feedback['notHelpful']} "
                  f"({_percent(feedback['helpfulShare'])} helpful)"]
    lines += [f"  {item['intent']:<24} +{item['helpful']} -{item['notHelpful']}" for item in feedback["byIntent"]]
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
    url = f"{api}/v1/staff/reports" + (f"?{urllib.parse.urlencode(query)}" if query else "")
    status, body = _get(url, {"Authorization": f"Bearer {token}"})
    if status != 200:
        try:
            message = json.loads(body)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = body.decode("utf-8", "replace")
        print(f"balie report: HTTP {status}: {message}", file=sys.stderr)
        return 1
    print(body.decode("utf-8") if query.get("format") == "csv" else render(json.loads(body)))
    return 0

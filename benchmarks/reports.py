"""A year of one tenant's reports on the local stack: GET /v1/staff/reports over HTTP.

Starts the local stack in process (`balie_local.stack.LocalStack`: moto's DynamoDB on
loopback, the table from template.yaml, the real staff handler behind the HTTP front),
writes 365 daily aggregate items for tenant `voorbeeld` shaped like busy days (every
counter a turn, a claim or a reply writes: ~40 intents, 5 teams, 2 channels, the three
classes per dimension, wait histograms; about 360 counters a day), the monthly aggregates
the write path keeps beside them (each day's increments through the store's own
`month_update`) and 20 unanswered questions a day (7,300 items), then asks for the whole
year (twelve calendar months) as JSON, as CSV (one table) and as an xlsx workbook, and for
two years that do not start on the 1st (days at the edges read from the daily items), each
--runs times after one warm-up (`first`: the very first request also imports the handler's
modules and seals the twelve months, which are over by BALIE_NOW). DynamoDB calls of the handler are counted with botocore's
event system: the figures must show Query only, never Scan.

Run: .venv/bin/python benchmarks/reports.py [--runs N] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import urllib.request
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TENANT = "voorbeeld"
FIRST = date(2025, 12, 1)
DAYS = 365
TARGET_SECONDS = 1.0
TEAMS = ("kcc", "burgerzaken", "afval", "parkeren", "belastingen")
INTENTS = [f"onderwerp-{n:02d}" for n in range(40)]
QUESTIONS_PER_DAY = 20
WAIT_BUCKETS = ("30", "60", "120", "180", "300", "600", "900")


def day_counts(rng: random.Random) -> dict[str, int]:
    """One busy day's counters, as turns, claims and replies write them."""
    counts: Counter[str] = Counter()
    for _ in range(rng.randint(150, 400)):  # conversations
        outcome = rng.choices(("resolved", "handed_over", "unresolved"), (6, 2, 2))[0]
        channel = rng.choice(("web", "whatsapp"))
        intent = rng.choice(INTENTS)
        team = rng.choice(TEAMS)
        counts.update({"conversations": 1, f"outcome:{outcome}": 1, f"outcome:{outcome}:channel:{channel}": 1,
                       f"outcome:{outcome}:team:{team}": 1, f"outcome:{outcome}:intent:{intent}": 1,
                       "messages_received": 3, f"channel:{channel}": 3, f"intent:{intent}": 1, "answered": 2,
                       "answered_topic": 1})
        if outcome == "handed_over":
            bucket = rng.choice(WAIT_BUCKETS)
            counts.update({"handover_requested": 1, "handover_live": 1, f"handover_live:{team}": 1,
                           "handover_claimed": 1, f"handover_claimed:{team}": 1, "claim_seconds": 90,
                           f"claim_seconds:{team}": 90, f"claim_wait:{bucket}": 1, f"claim_wait:{team}:{bucket}": 1,
                           "first_reply": 1, f"first_reply_wait:{bucket}": 1, f"first_reply_wait:{team}:{bucket}": 1})
        if outcome == "unresolved":
            counts.update({"fallback": 1, "unanswered": 1, "feedback_not_helpful": 1,
                           f"feedback_not_helpful:{intent}": 1, "wrong_rephrased": 1, f"wrong_rephrased:{intent}": 1})
        else:
            counts.update({"feedback_helpful": 1, f"feedback_helpful:{intent}": 1})
    return dict(counts)


def fill(client: Any, table: str, rng: random.Random) -> dict[str, int]:
    """The year's daily and monthly aggregates and unanswered questions, written directly."""
    from adapters.dynamodb_store import COUNTER_PREFIX, month_update, months_pk, stats_pk, unanswered_pk
    from core.models import DailyCounters
    from core.report_counters import monthly

    items = []
    days_counted = []
    for offset in range(DAYS):
        day = (FIRST + timedelta(days=offset)).isoformat()
        counts = day_counts(rng)
        days_counted.append(DailyCounters(tenant=TENANT, day=day, counts=counts))
        item = {"pk": {"S": stats_pk(TENANT)}, "sk": {"S": f"DAY#{day}"}}
        item.update({f"{COUNTER_PREFIX}{name}": {"N": str(n)} for name, n in counts.items()})
        items.append(item)
        for number in range(QUESTIONS_PER_DAY):
            text = f"vraag {rng.randint(1, 400)} over {rng.choice(['kamelen', 'steigers', 'bomen', 'vuurwerk'])}"
            items.append({"pk": {"S": unanswered_pk(TENANT)}, "sk": {"S": f"{day}#{utc_iso_day(day)}#x.{number}#0"},
                          "text": {"S": text}, "conversationId": {"S": f"{TENANT}.{number:032x}"}})
    for start in range(0, len(items), 25):
        client.batch_write_item(RequestItems={table: [{"PutRequest": {"Item": item}} for item in items[start:start + 25]]})
    # The monthly aggregates hold what the turns' transactions add to them: here each month's
    # days summed at once (`monthly`), written with the store's own Update in parts that
    # moto's expression parser takes (a turn adds a few dozen counters, not hundreds).
    for month in monthly(days_counted, today=FIRST.isoformat()):
        rows = [{"counts": {}, "days": {day: row}} for day, row in month.days.items()]
        pairs = list(month.counts.items())
        parts = [{"counts": dict(pairs[start:start + 80]), "days": {}} for start in range(0, len(pairs), 80)]
        for part in parts + rows:
            client.update_item(**month_update(table, month.model_copy(update=part)))
    days = [item for item in items if item["sk"]["S"].startswith("DAY#")]
    months = client.query(TableName=table, KeyConditionExpression="pk = :pk AND begins_with(sk, :month)",
                          ExpressionAttributeValues={":pk": {"S": months_pk(TENANT)}, ":month": {"S": "MONTH#"}})["Items"]
    return {"counters_per_day": int(statistics.mean(len(item) - 2 for item in days)),
            "day_item_kb": round(max(item_bytes(item) for item in days) / 1024, 1),
            "attributes_per_month": int(statistics.mean(len(item) - 2 for item in months)),
            "month_item_kb": round(max(item_bytes(item) for item in months) / 1024, 1)}


def item_bytes(item: dict[str, Any]) -> int:
    """DynamoDB's item size: attribute names plus values (a number: about one byte per two digits)."""
    return sum(len(name.encode()) + (len(value["N"]) // 2 + 1 if "N" in value else len(value["S"].encode()))
               for name, value in item.items())


def utc_iso_day(day: str) -> str:
    return f"{day}T12:00:00.000000Z"


def timed(url: str, token: str, runs: int) -> dict[str, Any]:
    def once() -> tuple[float, int]:
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
            assert response.status == 200
        return time.perf_counter() - started, len(body)

    first, _ = once()  # warm-up: imports, the compiled knowledge; the first year's report seals its months
    seconds, size = zip(*(once() for _ in range(runs)))
    ordered = sorted(seconds)
    return {"first_s": round(first, 3), "median_s": round(statistics.median(ordered), 3), "p95_s": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 3),
            "max_s": round(ordered[-1], 3), "bytes": size[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "local")]
    os.environ["BALIE_NOW"] = f"{(FIRST + timedelta(days=DAYS)).isoformat()}T10:00:00+01:00"
    from balie_local.stack import LocalStack
    from handlers.wiring import aws_session

    calls: Counter[str] = Counter()
    aws_session().register(
        "before-call.dynamodb", lambda model, **_: calls.update([model.name]))  # the handler's client
    with LocalStack(port=0, run_pollers=False) as stack:
        client = stack.client("dynamodb")
        table = stack.deployment.tables["BalieTable"]
        sizes = fill(client, table, random.Random(18))
        token = stack.auth.tokens[TENANT]
        last = FIRST + timedelta(days=DAYS - 1)
        base = f"{stack.url}/v1/staff/reports?from={FIRST.isoformat()}&to={last.isoformat()}"
        reports = f"{stack.url}/v1/staff/reports"
        calls.clear()
        results = {
            "json": timed(base, token, arguments.runs),
            "csv (days)": timed(base + "&format=csv&table=days", token, arguments.runs),
            "xlsx": timed(base + "&format=xlsx", token, arguments.runs),
        }
        requests = 3 * (arguments.runs + 1)
        year_calls = Counter(calls)
        # Years that do not start on the 1st: 11 whole months and 16 days; 10 months and 59 days.
        results["json 16 Dec-30 Nov"] = timed(f"{reports}?from=2025-12-16&to=2026-11-30", token, arguments.runs)
        results["json 2 Dec-29 Nov"] = timed(f"{reports}?from=2025-12-02&to=2026-11-29", token, arguments.runs)
    load = os.getloadavg()
    summary = {"days": DAYS, **sizes, "unanswered_items": DAYS * QUESTIONS_PER_DAY,
               "runs": arguments.runs, "results": results,
               "dynamodb_calls_per_report": {name: round(n / requests, 2) for name, n in sorted(year_calls.items())},
               "load_average": [round(value, 2) for value in load]}
    if arguments.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"A year ({DAYS} days, ~{sizes['counters_per_day']} counters a day, {DAYS * QUESTIONS_PER_DAY} "
              f"unanswered questions) of tenant {TENANT}, GET /v1/staff/reports over HTTP on the local stack, "
              f"{arguments.runs} runs after a warm-up; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        print(f"  items: a day {sizes['counters_per_day']} counters, at most {sizes['day_item_kb']} KB; a month "
              f"{sizes['attributes_per_month']} attributes, at most {sizes['month_item_kb']} KB (DynamoDB: 400 KB)")
        for name, figures in results.items():
            verdict = "ok" if figures["median_s"] <= TARGET_SECONDS else "MISSED"
            print(f"  {name:<18} first {figures['first_s']:.3f} s  median {figures['median_s']:.3f} s  p95 {figures['p95_s']:.3f} s  "
                  f"max {figures['max_s']:.3f} s  {figures['bytes']:>9,} bytes  (target <= {TARGET_SECONDS} s: {verdict})")
        print("  DynamoDB calls per report of the calendar year: "
              + ", ".join(f"{name} {n}" for name, n in summary["dynamodb_calls_per_report"].items()))
    return 0 if "Scan" not in calls else 1


if __name__ == "__main__":
    sys.exit(main())

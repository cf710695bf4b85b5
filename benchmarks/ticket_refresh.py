"""The staff dashboard's refresh of the open callback requests on the local stack, before and after session 23.

Starts the local stack in process (moto's DynamoDB on loopback, the table and TicketIndex from
template.yaml, the real staff handler behind the HTTP front), stores --tickets open tickets of
tenant `voorbeeld` over 5 teams (one in ten urgent, each with its conversation item), then times
what one 4-second refresh asks about them over HTTP with the dev token (every team):

- before: the count's full list (`?status=open&order=urgent`) and the list's first page
  (`...&limit=20`): two requests, as the dashboard made them until session 23;
- after: the page with its count (`...&limit=20&count=true`): one request;
- folded: the count only (`?status=open&limit=1&count=true`: TicketStore.count's Query per team).

Each set --runs times after one warm-up; wall time (median), CPU time of this process (the stack,
moto and the handler run in it: the figure that a busy machine does not move much), the bytes
the browser receives, and the handler's DynamoDB calls and items they returned per refresh
(botocore events on the handler's session).

Run: .venv/bin/python benchmarks/ticket_refresh.py [--tickets N] [--runs N] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.request
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TENANT = "voorbeeld"
TEAMS = ("kcc", "burgerzaken", "afval", "parkeren", "belastingen")
NOW = datetime.fromisoformat("2026-11-30T08:00:00+01:00")
SETS = {
    "before": ["?status=open&order=urgent", "?status=open&order=urgent&limit=20"],
    "after": ["?status=open&order=urgent&limit=20&count=true"],
    "folded": ["?status=open&limit=1&count=true"],
    "folded urgent": ["?status=open&order=urgent&limit=1&count=true"],
}


def fill(client: Any, table: str, tickets: int) -> None:
    """`tickets` open tickets, created a minute apart over the weekend, each with its conversation."""
    from adapters.dynamodb_store import DynamoDBConversationStore
    from adapters.dynamodb_tickets import DynamoDBTicketStore
    from core.clock import FixedClock
    from core.models import Channel, Conversation, Ticket

    clock = FixedClock(NOW)
    conversations, store = DynamoDBConversationStore(client, table, clock), DynamoDBTicketStore(client, table, clock)
    for number in range(tickets):
        created = NOW - timedelta(minutes=tickets - number)
        conversation_id = f"{TENANT}.{number:032x}"
        conversations.save(Conversation(id=conversation_id, tenant=TENANT, channel=Channel.WEB, created_at=created,
                                        updated_at=created), 0)
        store.create(Ticket(id=f"{number:040x}", tenant=TENANT, team=TEAMS[number % len(TEAMS)],
                            conversation_id=conversation_id, channel=Channel.WEB, intent="paspoort",
                            summary="Onderwerp: Paspoort\nDe bot gaf informatie over: Paspoort\nInwoner: mijn paspoort "
                                    "is verlopen en ik ga volgende week op reis, kan ik nog een afspraak krijgen?",
                            contact="+31612345678", contact_kind="phone", created_at=created,
                            expected_contact_at=created + timedelta(hours=14), urgent=number % 10 == 0),
                     int((created + timedelta(days=30)).timestamp()))


def timed(base: str, paths: list[str], token: str, runs: int, calls: Counter[str]) -> dict[str, Any]:
    def refresh() -> tuple[float, float, int, dict[str, Any]]:
        sizes, answers = 0, {}
        wall, cpu = time.perf_counter(), time.process_time()
        for path in paths:
            request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request, timeout=120) as response:
                body = response.read()
                assert response.status == 200
            sizes += len(body)
            answers[path] = json.loads(body)
        return time.perf_counter() - wall, time.process_time() - cpu, sizes, answers

    refresh()  # warm-up: the handler's imports, the compiled knowledge
    calls.clear()
    walls, cpus, sizes, answers = zip(*(refresh() for _ in range(runs)))
    shown = next(iter(answers[0].values()))
    return {"requests": len(paths), "median_wall_ms": round(statistics.median(walls) * 1000, 1),
            "median_cpu_ms": round(statistics.median(cpus) * 1000, 1), "bytes": sizes[0],
            "dynamodb_per_refresh": {name: round(n / runs, 1) for name, n in sorted(calls.items())},
            "count": shown.get("count") or {"total": len(shown["tickets"])}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=500)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    sys.path[:0] = [str(ROOT / "src"), str(ROOT / "local")]
    os.environ["BALIE_NOW"] = NOW.isoformat()
    from balie_local.stack import LocalStack
    from handlers.wiring import aws_session

    calls: Counter[str] = Counter()

    def counted(model: Any, parsed: dict[str, Any], **_: Any) -> None:
        calls.update({model.name: 1, f"{model.name} items": parsed.get("Count", 0)})

    aws_session().register("after-call.dynamodb", counted)  # the handler's client, not the filling one
    with LocalStack(port=0, run_pollers=False) as stack:
        fill(stack.client("dynamodb"), stack.deployment.tables["BalieTable"], arguments.tickets)
        base = f"{stack.url}/v1/staff/tickets"
        results = {name: timed(base, paths, stack.auth.tokens[TENANT], arguments.runs, calls) for name, paths in SETS.items()}
    load = os.getloadavg()
    summary = {"tickets": arguments.tickets, "runs": arguments.runs, "results": results,
               "load_average": [round(value, 2) for value in load]}
    if arguments.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{arguments.tickets} open tickets of {TENANT} over {len(TEAMS)} teams, the dashboard's open-request requests "
              f"of one refresh over HTTP on the local stack, {arguments.runs} runs after a warm-up; load average "
              f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        for name, figures in results.items():
            print(f"  {name:<13} {figures['requests']} request(s)  median {figures['median_wall_ms']:>7.1f} ms wall  "
                  f"{figures['median_cpu_ms']:>7.1f} ms CPU  {figures['bytes']:>9,} bytes  count {figures['count']}  DynamoDB "
                  + ", ".join(f"{call} {n}" for call, n in figures["dynamodb_per_refresh"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

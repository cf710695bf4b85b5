"""The staff dashboard's refresh of the open callback requests and "Volgend verzoek" on the local stack
(sessions 23 and 24).

Starts the local stack in process (moto's DynamoDB on loopback, the table and TicketIndex from
template.yaml, the real staff handler behind the HTTP front), stores --tickets open tickets of
tenant `voorbeeld` over 5 teams (one in ten urgent, each with its conversation item), then times
what one 4-second refresh asks about them over HTTP with the dev token (every team):

- before: the count's full list (`?status=open&order=urgent`) and the list's first page
  (`...&limit=20`): two requests, as the dashboard made them until session 23;
- after: the page with its count (`...&limit=20&count=true`): one request;
- folded: the count only (`?status=open&limit=1&count=true`: the marks' Query per team);
- next: "Volgend verzoek" (`POST /v1/staff/tickets/next/claim`), each run by another member of staff
  (a new dev token), so each claims an open ticket.

Each set --runs times after one warm-up, then once more, not timed, to price it; wall time (median), CPU time of this process (the stack,
moto and the handler run in it: the figure that a busy machine does not move much), the bytes
the browser receives, the handler's DynamoDB calls and items they returned per refresh
(botocore events on the handler's session), and the read capacity DynamoDB would charge for
them (moto reports a constant): a Query pays for the entries it reads as the index holds them
(whatever its ProjectionExpression returns), their sizes summed and rounded up to 4 KB, half a unit
each for an index's eventually consistent read; GetItem and BatchGetItem pay per item, each rounded
up to 4 KB, a unit each when consistent. Sizes by DynamoDB's published rules (attribute names and
values; a number about half its digits; a list or map 3 bytes and 1 per element); to know what a
Query read, it is made again without its ProjectionExpression on a client of its own.

Run: .venv/bin/python benchmarks/ticket_refresh.py [--tickets N] [--runs N] [--json]
"""
from __future__ import annotations

import argparse
import json
import math
import threading
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


def value_size(value: dict[str, Any]) -> int:
    """The bytes DynamoDB counts for one attribute value (wire form: {"S": ...}, {"N": ...}, ...)."""
    (kind, content), = value.items()
    if kind == "S":
        return len(content.encode("utf-8"))
    if kind == "N":
        return (len(content.lstrip("-").replace(".", "").strip("0")) + 1) // 2 + 1
    if kind == "B":
        return len(content)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind in ("SS", "NS", "BS"):
        return sum(value_size({kind[0]: element}) for element in content)
    if kind == "L":
        return 3 + sum(1 + value_size(element) for element in content)
    return 3 + sum(1 + len(name.encode("utf-8")) + value_size(element) for name, element in content.items())  # M


def item_size(item: dict[str, Any]) -> int:
    return sum(len(name.encode("utf-8")) + value_size(value) for name, value in item.items())


class ReadCapacity:
    """The read capacity units of the handler's DynamoDB calls (see the module's docstring)."""

    def __init__(self) -> None:
        self.plain: Any = None  # a client of the stack's own, not hooked: the Queries made again to see what was read
        self.asked = threading.local()
        self.units = 0.0
        self.active = False  # only on a refresh of its own: the Queries it makes again cost this process CPU

    def remember(self, params: dict[str, Any], **_: Any) -> None:
        self.asked.params = dict(params)

    def charge(self, model: Any, parsed: dict[str, Any], **_: Any) -> None:
        params = getattr(self.asked, "params", {})
        if not self.active:
            return
        if model.name == "Query":
            again = {name: value for name, value in params.items() if name != "ProjectionExpression"}
            read = self.plain.query(**again)["Items"]  # the same page: Limit and ExclusiveStartKey kept
            per_4kb = 1.0 if params.get("ConsistentRead") else 0.5
            self.units += math.ceil(sum(map(item_size, read)) / 4096) * per_4kb
        elif model.name == "GetItem" and "Item" in parsed:
            self.units += math.ceil(item_size(parsed["Item"]) / 4096) * (1.0 if params.get("ConsistentRead") else 0.5)
        elif model.name == "BatchGetItem":
            for table, items in parsed.get("Responses", {}).items():
                per_4kb = 1.0 if params["RequestItems"][table].get("ConsistentRead") else 0.5
                self.units += sum(math.ceil(item_size(item) / 4096) * per_4kb for item in items)


def index_entry_sizes(client: Any, table: str) -> dict[str, int]:
    """The mean size of a ticket's entry in each ticket index the table has (bytes, as DynamoDB counts them)."""
    sizes = {}
    for index in client.describe_table(TableName=table)["Table"]["GlobalSecondaryIndexes"]:
        if index["IndexName"] in ("TicketIndex", "TicketMarkIndex"):
            entries = query_everything(client, "scan", TableName=table, IndexName=index["IndexName"])
            sizes[index["IndexName"]] = round(statistics.mean(map(item_size, entries)))
    return sizes


def query_everything(client: Any, operation: str, **arguments: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = getattr(client, operation)(**arguments)
        items.extend(page["Items"])
        if "LastEvaluatedKey" not in page:
            return items
        arguments = {**arguments, "ExclusiveStartKey": page["LastEvaluatedKey"]}


def ask(method: str, url: str, token: str) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(url, method=method, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
        assert response.status == 200
    return len(body), json.loads(body)


def measured(runs: int, calls: Counter[str], capacity: ReadCapacity,
             refresh: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """`refresh()` (-> bytes received, the first answer) once to warm up, then `runs` times: medians and per-run means."""
    def one() -> tuple[float, float, int, dict[str, Any]]:
        wall, cpu = time.perf_counter(), time.process_time()
        received, answer = refresh()
        return time.perf_counter() - wall, time.process_time() - cpu, received, answer

    one()  # warm-up: the handler's imports, the compiled knowledge
    calls.clear()
    walls, cpus, sizes, answers = zip(*(one() for _ in range(runs)))
    per_refresh = {name: round(n / runs, 1) for name, n in sorted(calls.items())}
    capacity.units, capacity.active = 0.0, True  # one more refresh, not timed, priced
    refresh()
    capacity.active = False
    return {"median_wall_ms": round(statistics.median(walls) * 1000, 1),
            "median_cpu_ms": round(statistics.median(cpus) * 1000, 1), "bytes": sizes[0],
            "read_capacity_units": round(capacity.units, 1),
            "dynamodb_per_refresh": per_refresh}, answers[0]


def timed(base: str, paths: list[str], token: str, runs: int, calls: Counter[str], capacity: ReadCapacity) -> dict[str, Any]:
    def refresh() -> tuple[int, dict[str, Any]]:
        answers = [ask("GET", base + path, token) for path in paths]
        return sum(size for size, _ in answers), answers[0][1]

    figures, shown = measured(runs, calls, capacity, refresh)
    return {"requests": len(paths), **figures, "count": shown.get("count") or {"total": len(shown["tickets"])}}


def next_claimed(base: str, issue: Any, runs: int, calls: Counter[str], capacity: ReadCapacity) -> dict[str, Any]:
    """"Volgend verzoek" by a new member of staff of every team each time: one open ticket claimed."""
    def refresh() -> tuple[int, dict[str, Any]]:
        token, _ = issue(TENANT, "*")
        return ask("POST", base + "/next/claim", token)

    figures, answer = measured(runs, calls, capacity, refresh)
    assert answer["ticket"] is not None and answer["held"] is False, answer
    return {"requests": 1, **figures, "count": {"claimed": answer["ticket"]["id"][-6:]}}


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

    capacity = ReadCapacity()
    # The handler's client (made as the stack starts, after these hooks), not the filling one.
    aws_session().register("after-call.dynamodb", counted)
    aws_session().register("provide-client-params.dynamodb", capacity.remember)
    aws_session().register("after-call.dynamodb", capacity.charge)
    with LocalStack(port=0, run_pollers=False) as stack:
        capacity.plain = plain = stack.client("dynamodb")
        fill(plain, stack.deployment.tables["BalieTable"], arguments.tickets)
        entry_bytes = index_entry_sizes(plain, stack.deployment.tables["BalieTable"])
        base = f"{stack.url}/v1/staff/tickets"
        results = {name: timed(base, paths, stack.auth.tokens[TENANT], arguments.runs, calls, capacity)
                   for name, paths in SETS.items()}
        results["next"] = next_claimed(base, stack.auth.issue, arguments.runs, calls, capacity)
    load = os.getloadavg()
    summary = {"tickets": arguments.tickets, "runs": arguments.runs, "index_entry_bytes": entry_bytes, "results": results,
               "load_average": [round(value, 2) for value in load]}
    if arguments.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{arguments.tickets} open tickets of {TENANT} over {len(TEAMS)} teams, the dashboard's open-request requests "
              f"of one refresh (next: one Volgend verzoek) over HTTP on the local stack, {arguments.runs} runs after a warm-up; load average "
              f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; a ticket's index entry, mean bytes: {entry_bytes}")
        for name, figures in results.items():
            print(f"  {name:<13} {figures['requests']} request(s)  median {figures['median_wall_ms']:>7.1f} ms wall  "
                  f"{figures['median_cpu_ms']:>7.1f} ms CPU  {figures['bytes']:>9,} bytes  "
                  f"{figures['read_capacity_units']:>6.1f} RCU  {figures['count']}  DynamoDB "
                  + ", ".join(f"{call} {n}" for call, n in figures["dynamodb_per_refresh"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

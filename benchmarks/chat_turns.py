"""Warm POST /v1/chat in process: latency, AWS calls and log bytes per turn.

The real handler (handlers.chat_api) with real API Gateway v2 events, the compiled
knowledge in src/kb_compiled, tenant `voorbeeld`, conversations of 5 ordinary turns
(questions and follow-ups, no handover), each request with a clientMessageId like
the widget sends. Two stores:

- memory:   core.memory's in-memory store (the code's own cost, no I/O);
- dynamodb: DynamoDB and SQS in the embedded AWS (moto in server mode on loopback,
            the table from template.yaml), through boto3 exactly as in Lambda.

AWS calls are counted with botocore's event system (`before-call` on the clients'
emitter), per turn, by service and operation. Request units are estimated from the
items written (DynamoDB's item-size rules: names + values, 1 KB write units,
transactional writes count twice; 4 KB strongly consistent read units).

Run: .venv/bin/python benchmarks/chat_turns.py [--conversations N] [--json]
"""
from __future__ import annotations

import argparse
import io
import json
import math
import os
import statistics
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TENANT = "voorbeeld"
ORIGIN = "https://www.voorbeeld.example"
CONVERSATION = (
    "Hoe verleng ik mijn paspoort?",
    "wat kost dat?",
    "ik ga verhuizen, hoe geef ik dat door?",
    "hoe vraag ik een parkeervergunning aan?",
    "wanneer is het gemeentehuis open?",
)
WARM_UP_CONVERSATIONS = 4
# Lambda's own START / END / REPORT lines per invocation (measured in CloudWatch: ~0.3 KB).
PLATFORM_LOG_BYTES = 320


class CountingStream(io.TextIOBase):
    """stdout for the handlers' Powertools logger and EMF metrics: counts, keeps nothing."""

    def __init__(self) -> None:
        self.bytes = 0
        self.metric_series: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
        self._line = ""

    def write(self, text: str) -> int:
        self.bytes += len(text.encode("utf-8"))
        self._line += text
        while "\n" in self._line:
            line, self._line = self._line.split("\n", 1)
            self._note_metrics(line)
        return len(text)

    def _note_metrics(self, line: str) -> None:
        """EMF lines: every (metric, dimension values) pair is one CloudWatch custom metric."""
        if '"_aws"' not in line:
            return
        record = json.loads(line)
        for directive in record["_aws"]["CloudWatchMetrics"]:
            for dimension_set in directive["Dimensions"]:
                dimensions = tuple(sorted((name, str(record[name])) for name in dimension_set))
                for metric in directive["Metrics"]:
                    self.metric_series.add((metric["Name"], dimensions))

    def writable(self) -> bool:
        return True


# The handlers' Powertools logger and EMF metrics bind sys.stdout when they are
# imported: it is this stream for the whole run, and reports go to sys.__stdout__.
STREAM = CountingStream()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def attribute_size(value: dict[str, Any]) -> int:
    (kind, inner), = value.items()
    if kind == "S":
        return len(inner.encode("utf-8"))
    if kind == "N":
        return len(str(inner).lstrip("-").replace(".", "")) // 2 + 1
    if kind == "B":
        return len(inner)
    if kind in ("SS", "NS", "BS", "L"):
        return 3 + sum(attribute_size({kind.rstrip("S") if kind != "L" else next(iter(v)): v} if kind != "L" else v)
                       for v in inner)
    if kind == "M":
        return 3 + item_size(inner)
    return 1


def item_size(item: dict[str, Any]) -> int:
    return sum(len(name.encode("utf-8")) + attribute_size(value) for name, value in item.items())


class CallCounter:
    """botocore hooks: every API call by service.operation, and the write units of each."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.write_units = 0
        self.read_units = 0
        self.item_bytes: dict[str, int] = {}  # pk -> size of the item last written

    def before_call(self, model: Any, **_: Any) -> None:
        self.calls[f"{model.service_model.service_name}.{model.name}"] += 1

    def before_parameter_build(self, model: Any, params: dict[str, Any], **_: Any) -> None:
        # The API parameters (before-call only sees the serialized request).
        if model.name == "TransactWriteItems":
            for entry in params.get("TransactItems", []):
                (action, body), = entry.items()
                if action == "Put":
                    size = item_size(body["Item"])
                    self.item_bytes[body["Item"]["pk"]["S"]] = size
                else:
                    size = STATS_ITEM_BYTES
                self.write_units += 2 * math.ceil(max(size, 1) / 1024)
        elif model.name == "GetItem":
            # Strongly consistent: one unit per 4 KB, at least one (also for a miss).
            size = self.item_bytes.get(params["Key"]["pk"]["S"], 1)
            self.read_units += math.ceil(size / 4096) if params.get("ConsistentRead") else math.ceil(size / 4096) / 2

    def take(self) -> tuple[Counter[str], int, float]:
        calls, units, reads = self.calls, self.write_units, self.read_units
        self.calls, self.write_units, self.read_units = Counter(), 0, 0
        return calls, units, reads


# The daily-aggregate item a turn's Update touches: a few dozen counters (measured
# at the end of a run and reported; ~1 KB in practice).
STATS_ITEM_BYTES = 1024


def install_counter() -> CallCounter:
    """Registers on the handlers' session (handlers.wiring.aws_session), so every client
    created later (the handlers create theirs lazily, on first use) carries the hook."""
    from handlers.wiring import aws_session

    counter = CallCounter()
    aws_session().register("before-call", counter.before_call)
    aws_session().register("before-parameter-build.dynamodb", counter.before_parameter_build)
    return counter


def chat_event(message: str, conversation_id: str | None, resident: int, tenant: str = TENANT,
               origin: str = ORIGIN) -> dict[str, Any]:
    """A widget turn of resident number `resident`, each from an address of their own (the
    chat API admits a limited number of new conversations per address and tenant)."""
    from balie_local.events import http_api_event

    body = {"tenant": tenant, "message": message, "clientMessageId": str(uuid.uuid4()), "locale": "nl"}
    if conversation_id:
        body["conversationId"] = conversation_id
    address = f"198.{18 + (resident >> 16 & 1)}.{resident >> 8 & 255}.{resident & 255}"  # RFC 2544's benchmark range
    return http_api_event("POST", "/v1/chat", body=body, headers={"origin": origin}, source_ip=address)


def run_mode(mode: str, conversations: int) -> dict[str, Any]:
    from balie_local.aws import SHADOWING_VARIABLES, EmbeddedAws
    from balie_local.events import LambdaContext
    from balie_local.dev_auth import TENANTS_DIR
    from balie_local.stack import reset_function_state
    from balie_local.tenant_cmd import load_tenants, tenant_files
    from balie_local.template_resources import DEFAULT_REGION, fixed_dev_secret, provision

    os.environ["BALIE_NOW"] = "2026-11-30T10:00:00+01:00"  # Monday morning, office hours
    os.environ["KB_DIR"] = str(ROOT / "src" / "kb_compiled")
    os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "Balie")
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "balie")  # as template.yaml sets it: one metric series set
    embedded = None
    counter = install_counter()
    from handlers import chat_api, wiring

    if mode == "memory":
        from adapters.kb_files import FileKnowledge
        from core.memory import (
            InMemoryConversationStore,
            InMemoryHandoverTimeouts,
            InMemoryTicketQueue,
            InMemoryTicketStore,
        )

        store = InMemoryConversationStore()
        wiring.use(wiring.Services(store=store, knowledge=FileKnowledge(), tickets=InMemoryTicketQueue(),
                                   timeouts=InMemoryHandoverTimeouts(), ticket_store=InMemoryTicketStore(store)))
    else:
        for key in SHADOWING_VARIABLES:
            os.environ.pop(key, None)
        embedded = EmbeddedAws(region=DEFAULT_REGION)
        embedded.start()
        os.environ.update(embedded.environment())
        deployment = provision(dynamodb=embedded.client("dynamodb"), sqs=embedded.client("sqs"),
                               ssm=embedded.client("ssm"), s3=embedded.client("s3"), region=DEFAULT_REGION,
                               secrets=fixed_dev_secret, overrides={"Stage": "local"})
        os.environ.update(deployment.merged_environment())
        reset_function_state()
        wiring.use(None)
        load_tenants(tenant_files(TENANTS_DIR))  # tenants are data: published as `balie serve` does
    context = LambdaContext("ChatApiFunction", memory_mb=512)
    stream = STREAM
    durations: dict[str, list[float]] = {"first": [], "later": []}
    calls_by_kind: dict[str, Counter[str]] = {"first": Counter(), "later": Counter()}
    per_turn_calls: list[Counter[str]] = []
    write_units: list[int] = []
    read_units: list[int] = []
    log_bytes: list[int] = []
    turns = 0
    try:
        for index in range(WARM_UP_CONVERSATIONS + conversations):
            measured = index >= WARM_UP_CONVERSATIONS
            conversation_id = None
            for position, message in enumerate(CONVERSATION):
                event = chat_event(message, conversation_id, index)
                counter.take()
                before = stream.bytes
                started = time.perf_counter()
                result = chat_api.handler(event, context)
                elapsed = (time.perf_counter() - started) * 1000
                if result["statusCode"] != 200:
                    raise RuntimeError(f"turn failed: {result}")
                conversation_id = json.loads(result["body"])["conversationId"]
                calls, units, reads = counter.take()
                if not measured:
                    continue
                kind = "first" if position == 0 else "later"
                durations[kind].append(elapsed)
                calls_by_kind[kind].update(calls)
                per_turn_calls.append(calls)
                write_units.append(units)
                read_units.append(reads)
                log_bytes.append(stream.bytes - before)
                turns += 1
        item_bytes = None
        if embedded is not None:
            table = deployment.tables["BalieTable"] if "BalieTable" in deployment.tables else next(iter(deployment.tables.values()))
            client = embedded.client("dynamodb")
            item = client.get_item(TableName=table, Key={"pk": {"S": f"T#{TENANT}#C#{conversation_id}"},
                                                         "sk": {"S": "CONV"}})["Item"]
            stats = client.query(TableName=table, KeyConditionExpression="pk = :pk",
                                 ExpressionAttributeValues={":pk": {"S": f"T#{TENANT}#STATS"}})["Items"]
            item_bytes = {"conversation_after_5_turns": item_size(item),
                          "daily_aggregate": max(item_size(s) for s in stats)}
    finally:
        wiring.use(None)
        if embedded is not None:
            embedded.stop()
    everything = durations["first"] + durations["later"]
    max_per_turn: Counter[str] = Counter()
    for calls in per_turn_calls:
        for name, amount in calls.items():
            max_per_turn[name] = max(max_per_turn[name], amount)
    return {
        "mode": mode,
        "turns": turns,
        "p50_ms": statistics.median(everything),
        "p99_ms": percentile(everything, 0.99),
        "mean_ms": statistics.fmean(everything),
        "first_turn_p50_ms": statistics.median(durations["first"]),
        "later_turn_p50_ms": statistics.median(durations["later"]),
        "calls_per_turn_mean": {name: amount / turns for name, amount in
                                (calls_by_kind["first"] + calls_by_kind["later"]).items()},
        "calls_per_turn_max": dict(max_per_turn),
        "write_units_per_turn_mean": statistics.fmean(write_units),
        "log_bytes_per_turn_mean": statistics.fmean(log_bytes) + PLATFORM_LOG_BYTES,
        "item_bytes": item_bytes,
        "read_units_per_turn_mean": statistics.fmean(read_units),
        "metric_series": len(stream.metric_series),
    }


def run(conversations: int) -> dict[str, Any]:
    sys.stdout = STREAM
    try:
        return {mode: run_mode(mode, conversations) for mode in ("memory", "dynamodb")}
    finally:
        sys.stdout = sys.__stdout__


def report(results: dict[str, Any]) -> str:
    lines = ["| store | turns | p50 | p99 | first turn p50 | later turns p50 |", "|---|---|---|---|---|---|"]
    for mode, r in results.items():
        lines.append(f"| {mode} | {r['turns']} | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms | "
                     f"{r['first_turn_p50_ms']:.1f} ms | {r['later_turn_p50_ms']:.1f} ms |")
    dynamodb = results["dynamodb"]
    lines.append("")
    lines.append("AWS calls per turn (dynamodb run), mean / max: " + ", ".join(
        f"{name} {dynamodb['calls_per_turn_mean'][name]:.2f} / {dynamodb['calls_per_turn_max'][name]}"
        for name in sorted(dynamodb["calls_per_turn_mean"])))
    lines.append(f"estimated write units per turn: {dynamodb['write_units_per_turn_mean']:.1f}, "
                 f"read units: {dynamodb['read_units_per_turn_mean']:.1f}; "
                 f"CloudWatch metric series emitted: {dynamodb['metric_series']}; "
                 f"log bytes per turn (incl. Lambda's START/END/REPORT): {dynamodb['log_bytes_per_turn_mean']:.0f}; "
                 f"item sizes: {dynamodb['item_bytes']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=60)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    results = run(arguments.conversations)
    print(json.dumps(results, indent=1) if arguments.json else report(results))


if __name__ == "__main__":
    main()

"""Many tenants, one deployment: `make bench-tenants`.

400 tenants of 8 teams each (the 2 of tenants/ plus 398 made from tenants/voorbeeld.yaml:
their own slug, name, origin, WhatsApp number and an eighth team) are published through the
admin use case and built by the tenant-build function's use case into the embedded AWS (moto
in server mode, resources from template.yaml). Then the same measurements run against the
directory of all 400 and against a directory of only the 2, taking turns (moto keeps one
state per process; only the directory item and a tenant's own items are on the path of a turn
or a cold start, so swapping the directory item is the whole difference):

- warm chat turns (handlers.chat_api in this process, real API Gateway v2 events): latency
  p50/p99 (wall clock, and the CPU time of the handler's own thread: Balie's work without
  the embedded AWS, whose server threads share this process) and AWS calls per turn, conversations of 5 turns each on a tenant drawn at random
  (seeded) after every tenant was loaded once (what a busy container looks like);
- cold start of every function `make bench-coldstart` measures: a fresh interpreter imports
  the handler and answers its events/ file (tenant voorbeeld: a chat's first turn, a WhatsApp
  message through the webhook and the worker, the staff list, a handover timeout), as
  benchmarks/coldstart.py measures it, on the state of a fresh deployment (every item but
  the tenants' removed before each child), median of --repeats;
- what a container holds: the directory item's size, the memory the loaded tenants take;
- tenant-config reads during the measured warm turns (GetItem of the directory or of a
  tenant's version), against what the cache allows: one directory read per container per
  cache period (`TENANT_CACHE_SECONDS`), no tenant reload while its version stays live.

Run: .venv/bin/python benchmarks/tenants.py [--tenants 400] [--conversations 200] [--repeats 5] [--json]
(progress on stderr)
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import chat_turns  # noqa: E402  (benchmarks/ is not a package)
import coldstart  # noqa: E402

QUESTIONS = chat_turns.CONVERSATION
TEAMS = 8


def synthetic_tenants(count: int) -> list[dict[str, Any]]:
    """`count` gemeenten made from tenants/voorbeeld.yaml, each with 8 teams."""
    from balie_local.dev_auth import TENANTS_DIR
    from balie_local.tenant_cmd import tenant_document

    base = tenant_document(TENANTS_DIR / "voorbeeld.yaml")
    documents = []
    for number in range(1, count + 1):
        slug = f"gemeente-{number:03d}"
        document = json.loads(json.dumps(base))
        document.update(slug=slug, name=f"Gemeente {number:03d}", domain=f"www.{slug}.example",
                        widget_origins=[f"https://www.{slug}.example"],
                        whatsapp={"phone_number_id": f"31{number:010d}", "reopen_template": None})
        if "messenger" in document:  # every gemeente its own Facebook Page and Instagram account
            document["messenger"] = {"page_id": f"9{number:010d}", "instagram_account_id": f"179{number:014d}"}
        teams = document["teams"]
        for index in range(len(teams), TEAMS):
            teams[f"wijkteam-{index}"] = {"name": {"nl": f"Wijkteam {index}", "en": f"Neighbourhood team {index}"},
                                          "phone": "14 0123", "email": f"wijkteam{index}@{slug}.example"}
        documents.append(document)
    return documents


def directories(embedded: Any, few: list[str]) -> dict[str, dict[str, Any]]:
    """The directory item as published (every tenant) and as a deployment of only `few`
    tenants would hold it. Only the directory and a tenant's own items are on the path
    of a turn or a cold start, so swapping the directory item is the whole difference."""
    import zlib

    from adapters.dynamodb_tenants import DIRECTORY_KEY

    table = embedded.environment["TABLE_NAME"]
    many = embedded.aws.client("dynamodb").get_item(TableName=table, Key=DIRECTORY_KEY)["Item"]
    tenants = json.loads(zlib.decompress(bytes(many["doc"]["B"])))
    small = json.dumps({slug: entry for slug, entry in tenants.items() if slug in few}).encode("utf-8")
    return {"many": many, "few": {**many, "doc": {"B": zlib.compress(small, 6)}}}


def switch_to(embedded: Any, directory: dict[str, Any]) -> None:
    """The deployment now holds `directory`; this process's handlers start afresh (a new container)."""
    from balie_local.stack import reset_function_state
    from handlers import wiring

    embedded.aws.client("dynamodb").put_item(TableName=embedded.environment["TABLE_NAME"], Item=directory)
    os.environ.update(embedded.environment)
    reset_function_state()
    wiring.use(None)


class TenantReads:
    """botocore hook: GetItems of tenant configuration (the directory, a tenant's version)."""

    def __init__(self) -> None:
        self.reads: Counter[str] = Counter()

    def __call__(self, params: dict[str, Any], **_: Any) -> None:
        pk = params["Key"]["pk"]["S"]
        if pk == "BALIE#TENANTS":
            self.reads["directory"] += 1
        elif pk.startswith("TENANT#"):
            self.reads["tenant version"] += 1

    def take(self) -> Counter[str]:
        reads, self.reads = self.reads, Counter()
        return reads


@dataclass
class Block:
    """What one warm container measured."""

    durations: list[float]  # ms per measured turn (wall clock)
    cpu: list[float]  # ms of the handler thread's CPU time per measured turn
    calls: Counter[str]  # AWS calls of the measured turns
    loaded_mb: float  # memory the loaded tenants took (peak RSS growth)
    warmup_reads: Counter[str]  # tenant-config reads while every tenant was loaded once
    measured_reads: Counter[str]  # tenant-config reads of the measured turns
    seconds: float  # the container's life: warm-up and measured turns


def warm_block(tenants: dict[str, str], conversations: int, draw: random.Random) -> Block:
    """One warm container: every tenant loaded once (not measured), then `conversations`
    of 5 turns each on tenants drawn at random.

    Every tenant is loaded by the widget's settings route (GET /v1/widget/{tenant}: the
    tenant's compiled version, no write), and the matcher the generated tenants share with
    voorbeeld by one first turn there: moto copies the whole table for every item of a
    TransactWriteItems (its rollback), which with 400 tenants' versions in the table makes
    a write far dearer than in DynamoDB, the same for both directories."""
    from balie_local.events import LambdaContext, http_api_event
    from handlers import chat_api

    context = LambdaContext("ChatApiFunction", memory_mb=512)
    TENANT_READS.take()
    started = time.monotonic()
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for slug, origin in tenants.items():
        result = chat_api.handler(http_api_event("GET", f"/v1/widget/{slug}", headers={"origin": origin}), context)
        assert result["statusCode"] == 200, result
    result = chat_api.handler(chat_turns.chat_event(QUESTIONS[0], None, 0), context)
    assert result["statusCode"] == 200, result
    loaded_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_kb) / 1024
    warmup_reads = TENANT_READS.take()
    COUNTER.take()
    durations: list[float] = []
    cpu: list[float] = []
    calls: Counter[str] = Counter()
    slugs = sorted(tenants)
    for resident in range(1, conversations + 1):
        slug = draw.choice(slugs)
        conversation_id = None
        for message in QUESTIONS:
            event = chat_turns.chat_event(message, conversation_id, resident, slug, tenants[slug])
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            result = chat_api.handler(event, context)
            durations.append((time.perf_counter() - begin) * 1000)
            cpu.append((time.thread_time() - begin_cpu) * 1000)
            assert result["statusCode"] == 200, result
            conversation_id = json.loads(result["body"])["conversationId"]
            calls.update(COUNTER.take()[0])
    return Block(durations, cpu, calls, loaded_mb, warmup_reads, TENANT_READS.take(), time.monotonic() - started)


def fresh_state(embedded: Any) -> None:
    """Remove what the children wrote (conversations, WhatsApp deliveries seen, counters,
    the id secret): every item but the tenants' versions and the directory, so each cold
    start finds the table of a fresh deployment, as benchmarks/coldstart.py's do."""
    dynamodb = embedded.aws.client("dynamodb")
    table = embedded.environment["TABLE_NAME"]
    pages = dynamodb.get_paginator("scan").paginate(
        TableName=table, ProjectionExpression="pk, sk",
        FilterExpression="NOT begins_with(pk, :tenant) AND pk <> :directory",
        ExpressionAttributeValues={":tenant": {"S": "TENANT#"}, ":directory": {"S": "BALIE#TENANTS"}})
    for page in pages:
        for key in page["Items"]:
            dynamodb.delete_item(TableName=table, Key=key)


def directory_bytes(embedded: Any) -> int:
    from adapters.dynamodb_tenants import DIRECTORY_KEY

    table = embedded.environment["TABLE_NAME"]
    item = embedded.aws.client("dynamodb").get_item(TableName=table, Key=DIRECTORY_KEY)["Item"]
    return len(item["doc"]["B"])


COUNTER: Any = None
TENANT_READS = TenantReads()
BLOCKS = 4  # the two take turns, so a busy moment of the shared machine hits both


def progress(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def run(tenants: int, conversations: int, repeats: int) -> dict[str, Any]:
    global COUNTER
    from balie_local.dev_auth import TENANTS_DIR
    from balie_local.tenant_cmd import tenant_document, tenant_files

    os.environ["BALIE_NOW"] = "2026-11-30T10:00:00+01:00"  # Monday morning, office hours
    os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "Balie")
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "balie")
    COUNTER = chat_turns.install_counter()
    from handlers.wiring import aws_session

    aws_session().register("before-parameter-build.dynamodb.GetItem", TENANT_READS)
    sys.stdout = chat_turns.STREAM  # the handlers' log lines and metrics
    own = [tenant_document(path) for path in tenant_files(TENANTS_DIR)]
    extra = synthetic_tenants(tenants - len(own))
    embedded = coldstart.Embedded()
    try:
        started = time.perf_counter()
        embedded.reprovision(extra)
        published_s = time.perf_counter() - started
        progress(f"published and built {tenants} tenants in {published_s:.0f} s")
        cache_seconds = float(embedded.environment["TENANT_CACHE_SECONDS"])
        items = directories(embedded, [d["slug"] for d in own])
        everyone = own + extra
        results: dict[str, Any] = {
            key: {"tenants": len(documents), "teams_max": max(len(d["teams"]) for d in documents),
                  "directory_bytes": len(items[key]["doc"]["B"]),
                  "origins": {d["slug"]: d["widget_origins"][0] for d in documents},
                  "cold": {function: [] for function in coldstart.FUNCTIONS},
                  "cold_cpu": {function: [] for function in coldstart.FUNCTIONS}, "warm": [], "cpu": [], "calls": Counter(), "loaded_mb": 0.0,
                  "warmup_reads": Counter(), "measured_reads": Counter(), "seconds": 0.0, "periods": 0}
            for key, documents in (("few", own), ("many", everyone))
        }
        environment = coldstart.child_environment(embedded.environment)
        for repeat in range(repeats):  # interleaved
            progress(f"cold starts, round {repeat + 1} of {repeats}")
            for key in results:
                switch_to(embedded, items[key])
                for function, (module, event_file) in coldstart.FUNCTIONS.items():
                    fresh_state(embedded)
                    sample = coldstart.measure(module, event_file, function, environment)
                    results[key]["cold"][function].append(sample["total_ms"])
                    results[key]["cold_cpu"][function].append(sample["cpu_ms"])
        draw = random.Random(16)
        for number in range(BLOCKS):
            for key in results:
                progress(f"warm container {number + 1} of {BLOCKS}, {results[key]['tenants']} tenants")
                switch_to(embedded, items[key])
                block = warm_block(results[key]["origins"], conversations // BLOCKS, draw)
                results[key]["warm"] += block.durations
                results[key]["cpu"] += block.cpu
                results[key]["calls"].update(block.calls)
                results[key]["loaded_mb"] = max(results[key]["loaded_mb"], block.loaded_mb)
                results[key]["warmup_reads"].update(block.warmup_reads)
                results[key]["measured_reads"].update(block.measured_reads)
                results[key]["seconds"] += block.seconds
                # What the cache allows a container: one directory read per period begun.
                results[key]["periods"] += math.ceil(block.seconds / cache_seconds)
    finally:
        sys.stdout = sys.__stdout__
        embedded.stop()
    summary: dict[str, Any] = {"publish_and_build_s": published_s, "cache_seconds": cache_seconds}
    for key, r in results.items():
        turns = len(r["warm"])
        summary[key] = {
            "tenants": r["tenants"], "teams_max": r["teams_max"], "directory_bytes": r["directory_bytes"],
            "cold_start_ms": {function: statistics.median(samples) for function, samples in r["cold"].items()},
            "cold_start_samples": r["cold"],
            "cold_start_cpu_ms": {function: statistics.median(samples) for function, samples in r["cold_cpu"].items()},
            "turns": turns, "p50_ms": statistics.median(r["warm"]), "p99_ms": chat_turns.percentile(r["warm"], 0.99),
            "cpu_p50_ms": statistics.median(r["cpu"]), "cpu_p99_ms": chat_turns.percentile(r["cpu"], 0.99),
            "calls_per_turn": {name: amount / turns for name, amount in sorted(r["calls"].items())},
            "loaded_tenants_mb": r["loaded_mb"],
            "warmup_reads": dict(r["warmup_reads"]), "measured_reads": dict(r["measured_reads"]),
            "containers_s": r["seconds"], "cache_periods": r["periods"],
        }
    summary["p99_ratio"] = summary["many"]["p99_ms"] / summary["few"]["p99_ms"]
    summary["cpu_p99_ratio"] = summary["many"]["cpu_p99_ms"] / summary["few"]["cpu_p99_ms"]
    summary["cold_start_ratio"] = {function: summary["many"]["cold_start_ms"][function] / few_ms
                                   for function, few_ms in summary["few"]["cold_start_ms"].items()}
    summary["cold_start_cpu_ratio"] = {function: summary["many"]["cold_start_cpu_ms"][function] / few_ms
                                       for function, few_ms in summary["few"]["cold_start_cpu_ms"].items()}
    return summary


def report(results: dict[str, Any]) -> str:
    few, many = results["few"], results["many"]
    lines = [f"published and built {many['tenants']} tenants in {results['publish_and_build_s']:.0f} s", "",
             "| tenants (max teams) | directory item | warm p50 | warm p99 | CPU p50 | CPU p99 | memory of loaded tenants |",
             "|---|---|---|---|---|---|---|"]
    for r in (few, many):
        lines.append(f"| {r['tenants']} ({r['teams_max']}) | {r['directory_bytes'] / 1024:.1f} KB | "
                     f"{r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms ({r['turns']} turns) | {r['cpu_p50_ms']:.2f} ms | "
                     f"{r['cpu_p99_ms']:.2f} ms | {r['loaded_tenants_mb']:.0f} MB |")
    lines += ["", f"| cold start (import + first call) | {few['tenants']} tenants | {many['tenants']} tenants | ratio "
                  f"| CPU time, {few['tenants']} tenants | {many['tenants']} tenants | ratio |",
              "|---|---|---|---|---|---|---|"]
    for function, ratio in results["cold_start_ratio"].items():
        lines.append(f"| {function} | {few['cold_start_ms'][function]:.0f} ms | {many['cold_start_ms'][function]:.0f} ms | "
                     f"x{ratio:.2f} | {few['cold_start_cpu_ms'][function]:.0f} ms | "
                     f"{many['cold_start_cpu_ms'][function]:.0f} ms | x{results['cold_start_cpu_ratio'][function]:.2f} |")
    lines.append("")
    worst, worst_cpu = max(results["cold_start_ratio"].values()), max(results["cold_start_cpu_ratio"].values())
    lines.append(f"{many['tenants']} vs {few['tenants']} tenants: warm p99 x{results['p99_ratio']:.2f} "
                 f"(CPU time x{results['cpu_p99_ratio']:.2f}), cold start at most x{worst:.2f} "
                 f"(CPU time x{worst_cpu:.2f}) (target: within 10 %, x1.10)")
    calls = results["many"]["calls_per_turn"]
    lines.append("AWS calls per warm turn with many tenants: " + ", ".join(f"{k} {v:.3f}" for k, v in calls.items()))
    for key in ("few", "many"):
        r = results[key]
        directory = r["warmup_reads"].get("directory", 0) + r["measured_reads"].get("directory", 0)
        lines.append(f"{r['tenants']} tenants, tenant-config reads of {BLOCKS} containers ({r['containers_s']:.0f} s): "
                     f"directory {directory} (the cache allows {r['cache_periods']}: one per container per "
                     f"{results['cache_seconds']:.0f} s begun); tenant versions while loading every tenant once "
                     f"{r['warmup_reads'].get('tenant version', 0)}, in the {r['turns']} measured turns "
                     f"{r['measured_reads'].get('tenant version', 0)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=400)
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    results = run(arguments.tenants, arguments.conversations, arguments.repeats)
    print(json.dumps(results, indent=1) if arguments.json else report(results))


if __name__ == "__main__":
    main()

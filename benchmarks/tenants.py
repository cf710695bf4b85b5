"""Many tenants, one deployment: `make bench-tenants`.

400 tenants of 8 teams each (the 2 of tenants/ plus 398 made from tenants/voorbeeld.yaml:
their own slug, name, origin, WhatsApp number and an eighth team) are published through the
admin use case and built by the tenant-build function's use case into the embedded AWS (moto
in server mode, resources from template.yaml). Then the same measurements run against the
directory of all 400 and against a directory of only the 2, taking turns (moto keeps one
state per process; only the directory item and a tenant's own items are on the path of a turn
or a cold start, so swapping the directory item is the whole difference):

- warm chat turns (handlers.chat_api in this process, real API Gateway v2 events): latency
  p50/p99 and AWS calls per turn, conversations of 5 turns each on a tenant drawn at random
  (seeded) after every tenant was loaded once (what a busy container looks like);
- cold start of the chat function: a fresh interpreter imports the handler and answers one
  first turn of tenant voorbeeld (events/chat_api_post_first_turn.json), as
  benchmarks/coldstart.py measures it, median of --repeats;
- what a container holds: the directory item's size, the memory the loaded tenants take.

Run: .venv/bin/python benchmarks/tenants.py [--tenants 400] [--conversations 200] [--repeats 5] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
import uuid
from collections import Counter
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
        teams = document["teams"]
        for index in range(len(teams), TEAMS):
            teams[f"wijkteam-{index}"] = {"name": {"nl": f"Wijkteam {index}", "en": f"Neighbourhood team {index}"},
                                          "phone": "14 0123", "email": f"wijkteam{index}@{slug}.example"}
        documents.append(document)
    return documents


def chat_event(tenant: str, origin: str, message: str, conversation_id: str | None) -> dict[str, Any]:
    from balie_local.events import http_api_event

    body = {"tenant": tenant, "message": message, "clientMessageId": str(uuid.uuid4()), "locale": "nl"}
    if conversation_id:
        body["conversationId"] = conversation_id
    return http_api_event("POST", "/v1/chat", body=body, headers={"origin": origin})


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


def warm_block(tenants: dict[str, str], conversations: int, draw: random.Random) -> tuple[list[float], Counter[str], float]:
    """One warm container: every tenant once (not measured), then `conversations` of 5
    turns each on tenants drawn at random. Returns the turn latencies, the AWS calls of
    the measured turns and the memory the loaded tenants took (MB, peak RSS growth)."""
    from balie_local.events import LambdaContext
    from handlers import chat_api

    context = LambdaContext("ChatApiFunction", memory_mb=512)
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for slug, origin in tenants.items():
        result = chat_api.handler(chat_event(slug, origin, QUESTIONS[0], None), context)
        assert result["statusCode"] == 200, result
    loaded_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_kb) / 1024
    COUNTER.take()
    durations: list[float] = []
    calls: Counter[str] = Counter()
    slugs = sorted(tenants)
    for _ in range(conversations):
        slug = draw.choice(slugs)
        conversation_id = None
        for message in QUESTIONS:
            event = chat_event(slug, tenants[slug], message, conversation_id)
            begin = time.perf_counter()
            result = chat_api.handler(event, context)
            durations.append((time.perf_counter() - begin) * 1000)
            assert result["statusCode"] == 200, result
            conversation_id = json.loads(result["body"])["conversationId"]
            calls.update(COUNTER.take()[0])
    return durations, calls, loaded_mb


def directory_bytes(embedded: Any) -> int:
    from adapters.dynamodb_tenants import DIRECTORY_KEY

    table = embedded.environment["TABLE_NAME"]
    item = embedded.aws.client("dynamodb").get_item(TableName=table, Key=DIRECTORY_KEY)["Item"]
    return len(item["doc"]["B"])


COUNTER: Any = None
BLOCKS = 4  # the two take turns, so a busy moment of the shared machine hits both


def run(tenants: int, conversations: int, repeats: int) -> dict[str, Any]:
    global COUNTER
    from balie_local.dev_auth import TENANTS_DIR
    from balie_local.tenant_cmd import tenant_document, tenant_files

    os.environ["BALIE_NOW"] = "2026-11-30T10:00:00+01:00"  # Monday morning, office hours
    os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "Balie")
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "balie")
    COUNTER = chat_turns.install_counter()
    sys.stdout = chat_turns.STREAM  # the handlers' log lines and metrics
    own = [tenant_document(path) for path in tenant_files(TENANTS_DIR)]
    extra = synthetic_tenants(tenants - len(own))
    embedded = coldstart.Embedded()
    try:
        started = time.perf_counter()
        embedded.reprovision(extra)
        published_s = time.perf_counter() - started
        items = directories(embedded, [d["slug"] for d in own])
        everyone = own + extra
        results: dict[str, Any] = {
            key: {"tenants": len(documents), "teams_max": max(len(d["teams"]) for d in documents),
                  "directory_bytes": len(items[key]["doc"]["B"]),
                  "origins": {d["slug"]: d["widget_origins"][0] for d in documents},
                  "cold": [], "warm": [], "calls": Counter(), "loaded_mb": 0.0}
            for key, documents in (("few", own), ("many", everyone))
        }
        module, event_file = coldstart.FUNCTIONS["ChatApiFunction"]
        environment = coldstart.child_environment(embedded.environment)
        for _ in range(repeats):  # interleaved
            for key in results:
                switch_to(embedded, items[key])
                results[key]["cold"].append(coldstart.measure(module, event_file, "ChatApiFunction", environment)["total_ms"])
        draw = random.Random(16)
        for _ in range(BLOCKS):
            for key in results:
                switch_to(embedded, items[key])
                durations, calls, loaded_mb = warm_block(results[key]["origins"], conversations // BLOCKS, draw)
                results[key]["warm"] += durations
                results[key]["calls"].update(calls)
                results[key]["loaded_mb"] = max(results[key]["loaded_mb"], loaded_mb)
    finally:
        sys.stdout = sys.__stdout__
        embedded.stop()
    summary: dict[str, Any] = {"publish_and_build_s": published_s}
    for key, r in results.items():
        turns = len(r["warm"])
        summary[key] = {
            "tenants": r["tenants"], "teams_max": r["teams_max"], "directory_bytes": r["directory_bytes"],
            "cold_start_ms": statistics.median(r["cold"]), "cold_start_samples": r["cold"],
            "turns": turns, "p50_ms": statistics.median(r["warm"]), "p99_ms": chat_turns.percentile(r["warm"], 0.99),
            "calls_per_turn": {name: amount / turns for name, amount in sorted(r["calls"].items())},
            "loaded_tenants_mb": r["loaded_mb"],
        }
    summary["p99_ratio"] = summary["many"]["p99_ms"] / summary["few"]["p99_ms"]
    summary["cold_start_ratio"] = summary["many"]["cold_start_ms"] / summary["few"]["cold_start_ms"]
    return summary


def report(results: dict[str, Any]) -> str:
    lines = [f"published and built {results['many']['tenants']} tenants in {results['publish_and_build_s']:.0f} s", "",
             "| tenants (max teams) | directory item | cold start (chat, first turn) | warm p50 | warm p99 | memory of loaded tenants |",
             "|---|---|---|---|---|---|"]
    for key in ("few", "many"):
        r = results[key]
        lines.append(f"| {r['tenants']} ({r['teams_max']}) | {r['directory_bytes'] / 1024:.1f} KB | "
                     f"{r['cold_start_ms']:.0f} ms | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms ({r['turns']} turns) | "
                     f"{r['loaded_tenants_mb']:.0f} MB |")
    lines.append("")
    lines.append(f"{results['many']['tenants']} vs {results['few']['tenants']} tenants: warm p99 x{results['p99_ratio']:.2f}, "
                 f"cold start x{results['cold_start_ratio']:.2f} (target: within 10 %, x1.10)")
    calls = results["many"]["calls_per_turn"]
    lines.append("AWS calls per warm turn with many tenants: " + ", ".join(f"{k} {v:.3f}" for k, v in calls.items()))
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

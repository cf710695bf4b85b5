"""Many tenants, one deployment: `make bench-tenants`.

The same measurements with the two tenants of tenants/ and with 400 tenants of 8 teams each
(the 2 plus 398 made from tenants/voorbeeld.yaml: their own slug, name, origin, WhatsApp
number and an eighth team), all published through the admin use case and built by the
tenant-build function's use case into the embedded AWS (moto in server mode, resources from
template.yaml):

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


def warm_turns(tenants: dict[str, str], conversations: int, seed: int = 16) -> dict[str, Any]:
    """Turns in this process (one warm container) spread over `tenants` (slug -> origin)."""
    from balie_local.events import LambdaContext
    from handlers import chat_api, wiring

    wiring.use(None)
    context = LambdaContext("ChatApiFunction", memory_mb=512)
    counter = COUNTER
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    for slug, origin in tenants.items():  # every tenant once: the container has seen them all
        result = chat_api.handler(chat_event(slug, origin, QUESTIONS[0], None), context)
        assert result["statusCode"] == 200, result
    warm_up_s = time.perf_counter() - started
    loaded_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_kb
    counter.take()
    durations: list[float] = []
    calls: Counter[str] = Counter()
    draw = random.Random(seed)
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
            turn_calls, _, _ = counter.take()
            calls.update(turn_calls)
    wiring.use(None)
    return {
        "turns": len(durations), "p50_ms": statistics.median(durations),
        "p99_ms": chat_turns.percentile(durations, 0.99),
        "calls_per_turn": {name: amount / len(durations) for name, amount in sorted(calls.items())},
        "warm_up_s": warm_up_s, "loaded_tenants_mb": loaded_kb / 1024,
    }


def cold_starts(embedded: Any, repeats: int) -> dict[str, Any]:
    module, event_file = coldstart.FUNCTIONS["ChatApiFunction"]
    environment = coldstart.child_environment(embedded.environment)
    samples = [coldstart.measure(module, event_file, "ChatApiFunction", environment) for _ in range(repeats)]
    return {"total_ms": statistics.median(s["total_ms"] for s in samples),
            "import_ms": statistics.median(s["import_ms"] for s in samples),
            "statuses": sorted({str(s["status"]) for s in samples})}


def directory_bytes(embedded: Any) -> int:
    from adapters.dynamodb_tenants import DIRECTORY_KEY

    table = embedded.environment["TABLE_NAME"]
    item = embedded.aws.client("dynamodb").get_item(TableName=table, Key=DIRECTORY_KEY)["Item"]
    return len(item["doc"]["B"])


def scenario(embedded: Any, extra: list[dict[str, Any]], conversations: int, repeats: int) -> dict[str, Any]:
    from balie_local.dev_auth import TENANTS_DIR
    from balie_local.tenant_cmd import tenant_document, tenant_files

    started = time.perf_counter()
    embedded.reprovision(extra)
    published_s = time.perf_counter() - started
    documents = [tenant_document(path) for path in tenant_files(TENANTS_DIR)] + extra
    tenants = {document["slug"]: document["widget_origins"][0] for document in documents}
    result = {"tenants": len(tenants), "teams_max": max(len(d["teams"]) for d in documents),
              "publish_and_build_s": published_s, "directory_bytes": directory_bytes(embedded)}
    result["cold_start"] = cold_starts(embedded, repeats)
    result["warm"] = warm_turns(tenants, conversations)
    return result


COUNTER: Any = None


def run(tenants: int, conversations: int, repeats: int) -> dict[str, Any]:
    global COUNTER
    os.environ["BALIE_NOW"] = "2026-11-30T10:00:00+01:00"  # Monday morning, office hours
    os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "Balie")
    os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "balie")
    COUNTER = chat_turns.install_counter()
    sys.stdout = chat_turns.STREAM  # the handlers' log lines and metrics
    embedded = coldstart.Embedded()
    try:
        few = scenario(embedded, [], conversations, repeats)
        many = scenario(embedded, synthetic_tenants(tenants - few["tenants"]), conversations, repeats)
    finally:
        sys.stdout = sys.__stdout__
        embedded.stop()
    return {"few": few, "many": many,
            "p99_ratio": many["warm"]["p99_ms"] / few["warm"]["p99_ms"],
            "cold_start_ratio": many["cold_start"]["total_ms"] / few["cold_start"]["total_ms"]}


def report(results: dict[str, Any]) -> str:
    lines = ["| tenants (max teams) | publish + build | directory item | cold start (chat, first turn) | warm p50 | warm p99 | memory of loaded tenants |",
             "|---|---|---|---|---|---|---|"]
    for key in ("few", "many"):
        r = results[key]
        lines.append(f"| {r['tenants']} ({r['teams_max']}) | {r['publish_and_build_s']:.1f} s | {r['directory_bytes'] / 1024:.1f} KB | "
                     f"{r['cold_start']['total_ms']:.0f} ms | {r['warm']['p50_ms']:.1f} ms | {r['warm']['p99_ms']:.1f} ms | "
                     f"{r['warm']['loaded_tenants_mb']:.0f} MB |")
    lines.append("")
    lines.append(f"400 vs 2: warm p99 x{results['p99_ratio']:.2f}, cold start x{results['cold_start_ratio']:.2f} "
                 f"(target: within 10 %, x1.10)")
    calls = results["many"]["warm"]["calls_per_turn"]
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

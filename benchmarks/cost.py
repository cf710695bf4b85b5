"""What Balie costs on AWS: US dollars per 10,000 web conversations of 5 turns, and when idle.

Inputs are measured in the same run, not assumed:
- warm handler time per turn, AWS calls, DynamoDB request units (from item sizes),
  log bytes and metric series per turn: benchmarks/chat_turns.py against the embedded
  AWS (moto's DynamoDB is slower than DynamoDB, so the Lambda time is an upper bound);
- cold start (import + first call of the chat handler): benchmarks/coldstart.py;
- fixed resources (alarms, dashboards, queues): template.yaml, Fn::ForEach expanded.

Prices: AWS list prices for us-east-1 as published in 2025, without free tiers
(eu-west-1 is within a few percent for these services; Lambda, API Gateway and
DynamoDB are priced the same there). Shown in the report, so a reader can check them.

Run: .venv/bin/python benchmarks/cost.py [--conversations N] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import chat_turns  # noqa: E402  (benchmarks/ is not a package)
import coldstart  # noqa: E402

PRICES_USD = {  # us-east-1, 2025 list prices
    "lambda_arm64_gb_second": 0.0000133334,
    "lambda_request": 0.20 / 1e6,
    "http_api_request": 1.00 / 1e6,  # first 300 million a month
    "dynamodb_write_unit": 0.625 / 1e6,  # on-demand, since the November 2024 reduction
    "dynamodb_read_unit": 0.125 / 1e6,
    "dynamodb_storage_gb_month": 0.25,
    "sqs_standard_request": 0.40 / 1e6,
    "sqs_fifo_request": 0.50 / 1e6,
    "logs_ingest_gb": 0.50,
    "logs_storage_gb_month": 0.03,
    "custom_metric_month": 0.30,  # first 10,000 metrics
    "alarm_month": 0.10,  # standard resolution
    "dashboard_month": 3.00,  # the first 3 dashboards of an account are free
    "xray_trace": 5.00 / 1e6,
}
CONVERSATIONS = 10_000
TURNS = 5
MEMORY_GB = 512 / 1024  # template.yaml Globals.Function.MemorySize
# Browsers cache a CORS preflight (Access-Control-Max-Age 600): about one per conversation.
PREFLIGHTS_PER_CONVERSATION = 1
# Out of office hours some conversations end in a ticket: SendMessage, then the intake's
# ReceiveMessage and DeleteMessage (batched by the event source mapping; counted one each).
# Assumed share of conversations:
TICKET_SHARE = 0.05
TICKET_SQS_REQUESTS = 3
RETENTION_DAYS = 30  # tenants/*.yaml retention_days: items expire by TTL (free deletes)


def fixed_resources() -> Counter[str]:
    from balie_local.template_resources import expanded_resources, load_template

    return Counter(resource.get("Type") for resource in expanded_resources(load_template()).values())


def model(turns: dict, cold_ms: float, resources: Counter[str]) -> dict:
    p = PRICES_USD
    requests = CONVERSATIONS * TURNS
    billed_ms = round(turns["p50_ms"] + 0.5)  # Lambda bills by the millisecond
    lines: dict[str, float] = {}
    lines["Lambda requests"] = requests * p["lambda_request"]
    lines["Lambda duration (warm)"] = requests * billed_ms / 1000 * MEMORY_GB * p["lambda_arm64_gb_second"]
    # Since August 2025 the init phase is billed too; worst case at low traffic: every
    # conversation meets a cold container.
    lines["Lambda init (1 cold start per conversation)"] = (
        CONVERSATIONS * cold_ms / 1000 * MEMORY_GB * p["lambda_arm64_gb_second"])
    lines["HTTP API requests"] = CONVERSATIONS * (TURNS + PREFLIGHTS_PER_CONVERSATION) * p["http_api_request"]
    lines["DynamoDB writes"] = requests * turns["write_units_per_turn_mean"] * p["dynamodb_write_unit"]
    lines["DynamoDB reads"] = requests * turns["read_units_per_turn_mean"] * p["dynamodb_read_unit"]
    item_gb = (turns["item_bytes"]["conversation_after_5_turns"] + 100) / 1e9  # + key/index overhead
    lines["DynamoDB storage (kept 30 days)"] = CONVERSATIONS * item_gb * (RETENTION_DAYS / 30) * p["dynamodb_storage_gb_month"]
    sqs_calls = sum(amount for name, amount in turns["calls_per_turn_mean"].items() if name.startswith("sqs."))
    lines["SQS (tickets, 5% of conversations)"] = (
        requests * sqs_calls + CONVERSATIONS * TICKET_SHARE * TICKET_SQS_REQUESTS) * p["sqs_standard_request"]
    log_gb = requests * turns["log_bytes_per_turn_mean"] / 1e9
    lines["CloudWatch Logs ingestion"] = log_gb * p["logs_ingest_gb"]
    lines["CloudWatch Logs storage (1 month)"] = log_gb * 0.15 * p["logs_storage_gb_month"]  # stored compressed, ~15%
    lines["X-Ray traces (Tracing: Active, sampled)"] = requests * p["xray_trace"]  # upper bound: every request sampled
    total = sum(lines.values())
    monthly_fixed = {
        "CloudWatch alarms": resources["AWS::CloudWatch::Alarm"] * p["alarm_month"],
        "CloudWatch dashboard (beyond 3 free)": resources["AWS::CloudWatch::Dashboard"] * p["dashboard_month"],
        "custom metrics of 1 tenant x web channel, while in use": turns["metric_series"] * p["custom_metric_month"],
    }
    return {
        "per_10000_conversations": lines,
        "total_per_10000": total,
        "per_conversation": total / CONVERSATIONS,
        "monthly_fixed": monthly_fixed,
        "inputs": {
            "warm_ms_p50": turns["p50_ms"], "billed_ms": billed_ms, "cold_ms": cold_ms,
            "write_units_per_turn": turns["write_units_per_turn_mean"],
            "read_units_per_turn": turns["read_units_per_turn_mean"],
            "calls_per_turn": turns["calls_per_turn_mean"],
            "log_bytes_per_turn": turns["log_bytes_per_turn_mean"],
            "metric_series": turns["metric_series"],
            "conversation_item_bytes": turns["item_bytes"]["conversation_after_5_turns"],
            "alarms": resources["AWS::CloudWatch::Alarm"], "queues": resources["AWS::SQS::Queue"],
        },
    }


def cold_start_ms(repeats: int) -> float:
    embedded = coldstart.Embedded()
    try:
        samples = []
        for _ in range(repeats):
            embedded.reprovision()
            module, event_file = coldstart.FUNCTIONS["ChatApiFunction"]
            environment = coldstart.child_environment(embedded.environment)
            samples.append(coldstart.measure(module, event_file, "ChatApiFunction", environment)["total_ms"])
        return statistics.median(samples)
    finally:
        embedded.stop()


def report(result: dict) -> str:
    inputs = result["inputs"]
    lines = [
        f"Measured inputs: warm turn p50 {inputs['warm_ms_p50']:.1f} ms (billed {inputs['billed_ms']} ms at 512 MB arm64), "
        f"cold start {inputs['cold_ms']:.0f} ms, {inputs['write_units_per_turn']:.1f} write units and "
        f"{inputs['read_units_per_turn']:.1f} read units per turn (conversation item {inputs['conversation_item_bytes']} B "
        f"after 5 turns), {inputs['log_bytes_per_turn']:.0f} log bytes per turn, {inputs['metric_series']} metric series.",
        "",
        "| item (10,000 conversations x 5 turns) | USD |",
        "|---|---|",
    ]
    lines += [f"| {name} | {value:.4f} |" for name, value in result["per_10000_conversations"].items()]
    lines.append(f"| **total** | **{result['total_per_10000']:.2f}** |")
    lines += ["", "| fixed, per month (also when idle) | USD |", "|---|---|"]
    lines += [f"| {name} | {value:.2f} |" for name, value in result["monthly_fixed"].items()]
    lines += ["", "Prices (us-east-1, 2025 list, no free tier): " + ", ".join(
        f"{name} {value:.10g}" for name, value in PRICES_USD.items())]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=40, help="measured conversations (chat_turns)")
    parser.add_argument("--cold-repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    sys.stdout = chat_turns.STREAM  # the handlers log to stdout; keep it out of the report
    try:
        turns = chat_turns.run_mode("dynamodb", arguments.conversations)
    finally:
        sys.stdout = sys.__stdout__
    result = model(turns, cold_start_ms(arguments.cold_repeats), fixed_resources())
    print(json.dumps(result, indent=1) if arguments.json else report(result))


if __name__ == "__main__":
    main()

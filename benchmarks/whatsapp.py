"""How fast the WhatsApp channel answers, in process on moto (no network but loopback).

- webhook: one signed delivery -> signature check, SQS send
  (what Meta waits for; it wants a 200 within a few seconds);
- worker: one queued message -> the real engine (test knowledge base), rendering, the
  Graph API stand-in over HTTP, DynamoDB bookkeeping;
- statuses: one signed delivery of STATUSES receipts (sent / delivered / read of Balie's
  replies; Meta batches up to 1,000) until the 200, then the worker's share of it (the
  queued receipts recorded, when the webhook queued them).

Run: .venv/bin/python benchmarks/whatsapp.py [N [STATUSES]]   (results go to BENCHMARKS.md by hand)
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import boto3
import moto

from balie_local.aws import SHADOWING_VARIABLES, dummy_aws_environment
from balie_local.events import LambdaContext, http_api_event, sqs_record_from_message
from balie_local.graph_standin import GraphStandIn, serve
from balie_local.kb_tools import compile_all
from balie_local.template_resources import (
    DEFAULT_REGION,
    fixed_dev_secret,
    provision,
)
from balie_local.tenant_cmd import load_tenants, tenant_files
from balie_local.whatsapp_cmd import webhook_body
from channels.meta import sign

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "tests" / "unit" / "data" / "kb_engine"
QUESTIONS = ["paspoort verlengen", "wat kost een id-kaart", "parkeervergunning aanvragen", "hallo",
             "wanneer wordt het afval opgehaald", "ik wil een medewerker"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def statuses_body(count: int, phone_number_id: str) -> dict:
    """One delivery of `count` receipts of Balie's replies, as Meta batches them."""
    body = webhook_body("x", "31610000000", phone_number_id)
    value = body["entry"][0]["changes"][0]["value"]
    del value["messages"], value["contacts"]
    value["statuses"] = [{"id": f"wamid.STATUS{n:06d}", "status": ("sent", "delivered", "read")[n % 3],
                          "timestamp": "1796032800", "recipient_id": f"3161{n % 50:07d}"} for n in range(count)]
    return body


def main(count: int, statuses: int) -> None:
    for key in (*SHADOWING_VARIABLES, "AWS_ENDPOINT_URL"):
        os.environ.pop(key, None)
    os.environ.update(dummy_aws_environment(DEFAULT_REGION))
    os.environ["BALIE_NOW"] = "2026-11-30T10:00:00+01:00"
    kb_dir = Path(tempfile.mkdtemp(prefix="balie-kb-"))
    compile_all(KB / "knowledge", KB / "tenants", kb_dir)
    os.environ["KB_DIR"] = str(kb_dir)
    standin = GraphStandIn(access_token=fixed_dev_secret("/access-token"))
    server = serve(standin)
    with moto.mock_aws():
        deployment = provision(
            dynamodb=boto3.client("dynamodb"), sqs=boto3.client("sqs"), ssm=boto3.client("ssm"),
            s3=boto3.client("s3"), region=DEFAULT_REGION, secrets=fixed_dev_secret,
            overrides={"Stage": "local", "WhatsAppGraphApiUrl": f"http://127.0.0.1:{server.server_address[1]}/v21.0"},
        )
        os.environ.update(deployment.merged_environment())
        load_tenants(tenant_files(KB / "tenants"))  # the test knowledge base's tenants, as data
        from handlers import whatsapp_webhook, whatsapp_worker  # after the environment is set

        sqs = boto3.client("sqs")
        queue_url = deployment.queues["WhatsAppInboundQueue"]
        webhook_ms: list[float] = []
        worker_ms: list[float] = []
        for index in range(count):
            sender = f"3161{index % 50:07d}"  # 50 residents, several turns each
            raw = json.dumps(webhook_body(QUESTIONS[index % len(QUESTIONS)], sender, "111",
                                          wamid=f"wamid.BENCH{index}")).encode()
            event = http_api_event("POST", "/v1/whatsapp/webhook", body=raw, headers={
                "content-type": "application/json", "x-hub-signature-256": sign(raw, "test-app-secret")})
            started = time.perf_counter()
            answer = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
            webhook_ms.append((time.perf_counter() - started) * 1000)
            assert answer["statusCode"] == 200, answer
            (message,) = sqs.receive_message(QueueUrl=queue_url, MessageSystemAttributeNames=["All"])["Messages"]
            record = sqs_record_from_message(message, event_source_arn=deployment.queue_arns["WhatsAppInboundQueue"])
            started = time.perf_counter()
            result = whatsapp_worker.handler({"Records": [record]}, LambdaContext("WhatsAppWorkerFunction"))
            worker_ms.append((time.perf_counter() - started) * 1000)
            assert result == {"batchItemFailures": []}, result
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        raw = json.dumps(statuses_body(statuses, "111")).encode()
        event = http_api_event("POST", "/v1/whatsapp/webhook", body=raw, headers={
            "content-type": "application/json", "x-hub-signature-256": sign(raw, "test-app-secret")})
        started = time.perf_counter()
        answer = whatsapp_webhook.handler(event, LambdaContext("WhatsAppWebhookFunction"))
        statuses_ms = (time.perf_counter() - started) * 1000
        assert answer["statusCode"] == 200 and json.loads(answer["body"])["statuses"] == statuses, answer
        parts = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, MessageAttributeNames=["All"],
                                    MessageSystemAttributeNames=["All"]).get("Messages", [])
        started = time.perf_counter()
        for message in parts:
            record = sqs_record_from_message(message, event_source_arn=deployment.queue_arns["WhatsAppInboundQueue"])
            result = whatsapp_worker.handler({"Records": [record]}, LambdaContext("WhatsAppWorkerFunction"))
            assert result == {"batchItemFailures": []}, result
        taken_in_ms = (time.perf_counter() - started) * 1000
    server.shutdown()
    for name, values in (("webhook", webhook_ms[5:]), ("worker", worker_ms[5:])):  # skip warm-up
        print(f"{name:8} n={len(values)} median {statistics.median(values):6.1f} ms  "
              f"p95 {percentile(values, 0.95):6.1f} ms  max {max(values):6.1f} ms")
    print(f"replies sent: {len(standin.outbox)} Graph API calls for {count} messages")
    print(f"statuses: {statuses} in one delivery acknowledged after {statuses_ms:.1f} ms; "
          f"{len(parts)} part(s) queued, recorded by the worker in {taken_in_ms:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)

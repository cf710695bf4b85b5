"""The messaging channels side by side on the local stack (`make bench-messenger`).

One `LocalStack` (moto in server mode, the HTTP front, the Graph API stand-in for both
WhatsApp's Cloud API and the Messenger Send API), the real engine on the test knowledge
base (tests/unit/data/kb_engine, tenant alpha: WhatsApp 111, Page 333, Instagram 444).
For each channel the same questions from the same number of residents, interleaved so
the machine's load falls on both alike:

- webhook: a signed delivery over loopback HTTP, as Meta sends it, until the 200
  (signature, the read of the parts pending, the queue): what Meta waits for. Target p99 <= 15 ms.
- worker: one queued record through the function as its event source mapping invokes it
  (engine turn, rendering, the send API over HTTP, bookkeeping). Target: Messenger's
  median within 20 % of WhatsApp's.
- a large delivery: 1,000 events from 1,000 residents in one signed body (Meta batches up
  to 1,000), until the 200; target: within the webhook function's 10 s timeout (Meta waits
  20 s, then retries). Then the worker's share of it: the parts the webhook queued, each
  taken in (every event marked seen and queued on its own); the 1,000 engine turns after
  that are the per-message worker figure above, so they are not run here.

Run: .venv/bin/python benchmarks/messaging.py [N [EVENTS]]   (results go to BENCHMARKS.md by
hand, with the date and `uptime` load).
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "tests" / "unit" / "data" / "kb_engine"
QUESTIONS = ["paspoort verlengen", "wat kost een id-kaart", "parkeervergunning aanvragen", "hallo",
             "wanneer wordt het afval opgehaald", "ik wil een medewerker"]
RESIDENTS = 50
WARM_UP = 5
LARGE_OFFSET = 10_000_000  # the large delivery's residents and message ids: none of the others'
WEBHOOK_TIMEOUT_MS = 10_000  # the webhook function's (template.yaml Globals); Meta waits 20 s


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass
class Channel:
    name: str
    path: str
    queue: str
    worker: str
    secret: str
    body: Callable[[int], dict[str, Any]]
    webhook_ms: list[float] = field(default_factory=list)
    worker_ms: list[float] = field(default_factory=list)


def channels(stack: Any) -> list[Channel]:
    from balie_local import messenger_cmd, whatsapp_cmd

    secrets = stack.channel_secrets()
    moment = int(time.time())

    def resident(index: int) -> int:
        return index if index >= LARGE_OFFSET else index % RESIDENTS

    def whatsapp(index: int) -> dict[str, Any]:
        return whatsapp_cmd.webhook_body(QUESTIONS[index % len(QUESTIONS)], f"3161{resident(index):08d}", "111",
                                         wamid=f"wamid.BENCH{index}", timestamp=moment)

    def messenger(index: int) -> dict[str, Any]:
        return messenger_cmd.webhook_body(QUESTIONS[index % len(QUESTIONS)], f"71{resident(index):014d}", "333",
                                          mid=f"m_BENCH{index}", timestamp_ms=moment * 1000)

    return [
        Channel("whatsapp", "/v1/whatsapp/webhook", "WhatsAppInboundQueue", "WhatsAppWorkerFunction",
                secrets["whatsapp_app_secret"], whatsapp),
        Channel("messenger", "/v1/messenger/webhook", "MessengerInboundQueue", "MessengerWorkerFunction",
                secrets["messenger_app_secret"], messenger),
    ]


def one_message(stack: Any, channel: Channel, index: int) -> None:
    import urllib.request

    from balie_local.events import sqs_record_from_message
    from channels.meta import sign

    raw = json.dumps(channel.body(index)).encode("utf-8")
    request = urllib.request.Request(f"{stack.url}{channel.path}", data=raw, method="POST", headers={
        "content-type": "application/json", "x-hub-signature-256": sign(raw, channel.secret)})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as answer:
        answer.read()
        assert answer.status == 200
    channel.webhook_ms.append((time.perf_counter() - started) * 1000)
    sqs = stack.client("sqs")
    url = stack.deployment.queues[channel.queue]
    (message,) = sqs.receive_message(QueueUrl=url, MessageSystemAttributeNames=["All"])["Messages"]
    record = sqs_record_from_message(message, event_source_arn=stack.deployment.queue_arns[channel.queue])
    started = time.perf_counter()
    result = stack.invoke(channel.worker, {"Records": [record]})
    channel.worker_ms.append((time.perf_counter() - started) * 1000)
    assert result == {"batchItemFailures": []}, result
    sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])


def large_delivery(stack: Any, channel: Channel, events: int) -> tuple[float, int, float]:
    """One signed delivery of `events` messages (one entry each) until its 200; then every part it
    queued taken in by the worker. Returns (webhook ms, parts, worker ms for the parts); the queue
    is emptied after."""
    import urllib.request

    from balie_local.events import sqs_record_from_message
    from channels.meta import sign

    bodies = [channel.body(LARGE_OFFSET + index) for index in range(events)]
    raw = json.dumps({**bodies[0], "entry": [body["entry"][0] for body in bodies]}).encode("utf-8")
    request = urllib.request.Request(f"{stack.url}{channel.path}", data=raw, method="POST", headers={
        "content-type": "application/json", "x-hub-signature-256": sign(raw, channel.secret)})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as answer:
        assert answer.status == 200 and json.loads(answer.read())["queued"] == events
    webhook_ms = (time.perf_counter() - started) * 1000
    sqs = stack.client("sqs")
    url = stack.deployment.queues[channel.queue]
    parts, worker_ms = 0, 0.0
    while True:
        messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, MessageSystemAttributeNames=["All"],
                                       MessageAttributeNames=["All"]).get("Messages", [])
        unopened = [m for m in messages if (m.get("MessageAttributes") or {}).get("kind")]
        if not unopened:
            break
        records = [sqs_record_from_message(m, event_source_arn=stack.deployment.queue_arns[channel.queue])
                   for m in unopened]
        started = time.perf_counter()
        assert stack.invoke(channel.worker, {"Records": records}) == {"batchItemFailures": []}
        worker_ms += (time.perf_counter() - started) * 1000
        parts += len(unopened)
        for message in unopened:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    sqs.purge_queue(QueueUrl=url)  # the 1,000 messages themselves: not answered here
    return webhook_ms, parts, worker_ms


def main(count: int, large: int) -> None:
    from balie_local.kb_tools import compile_all
    from balie_local.stack import LocalStack

    os.environ["BALIE_NOW"] = "2026-11-30T10:00:00+01:00"  # alpha is open: live handovers, no tickets
    kb_dir = Path(tempfile.mkdtemp(prefix="balie-kb-"))
    compile_all(KB / "knowledge", KB / "tenants", kb_dir)
    os.environ["KB_DIR"] = str(kb_dir)
    load = os.getloadavg()
    stack = LocalStack(port=0, tenants_dir=KB / "tenants", tenants=["alpha"], run_pollers=False)
    stack.start()
    try:
        measured = channels(stack)
        for index in range(count):
            for channel in measured:
                one_message(stack, channel, index)
        sent = {"whatsapp": len(stack.graph.outbox), "messenger": len(stack.graph.messenger.outbox)}
        big = {channel.name: large_delivery(stack, channel, large) for channel in measured} if large else {}
    finally:
        stack.stop()
    print(f"load average at the start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}, at the end "
          + " / ".join(f"{value:.1f}" for value in os.getloadavg()))
    for channel in measured:
        for step, values in (("webhook", channel.webhook_ms[WARM_UP:]), ("worker", channel.worker_ms[WARM_UP:])):
            print(f"{channel.name:9} {step:8} n={len(values)} median {statistics.median(values):6.1f} ms  "
                  f"p95 {percentile(values, 0.95):6.1f} ms  p99 {percentile(values, 0.99):6.1f} ms  "
                  f"max {max(values):6.1f} ms")
        print(f"{channel.name:9} {sent[channel.name]} messages sent for {count} received")
    for name, (webhook_ms, parts, worker_ms) in big.items():
        print(f"{name:9} delivery of {large}: 200 after {webhook_ms:7.1f} ms "
              f"({'met' if webhook_ms <= WEBHOOK_TIMEOUT_MS else 'MISSED'}, <= {WEBHOOK_TIMEOUT_MS} ms); "
              f"worker took in {parts} parts in {worker_ms:7.1f} ms")
    whatsapp, messenger = measured
    ratio = statistics.median(messenger.worker_ms[WARM_UP:]) / statistics.median(whatsapp.worker_ms[WARM_UP:])
    p99 = percentile(messenger.webhook_ms[WARM_UP:], 0.99)
    print(f"target webhook p99 <= 15 ms: {p99:.1f} ms ({'met' if p99 <= 15 else 'MISSED'}); "
          f"worker median Messenger / WhatsApp = {ratio:.2f} ({'met' if ratio <= 1.2 else 'MISSED'}, <= 1.20)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)

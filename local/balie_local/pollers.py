"""Drives SQS- and schedule-triggered functions like Lambda's event source mappings do.

An SqsPoller receives from the local queue, builds a real SQS event and invokes the
function. On success the records are deleted; with ReportBatchItemFailures only the
records not listed in `batchItemFailures` are; when the handler raises, none are.
Records left behind come back after the queue's visibility timeout and move to the
dead-letter queue after maxReceiveCount: that is SQS's own behaviour, not ours.
"""
from __future__ import annotations

import json
import logging
import re
import threading
import traceback
from collections.abc import Callable, Mapping
from typing import Any

from balie_local.events import scheduled_event, sqs_record_from_message
from balie_local.template_resources import ScheduleSource, SqsSource

log = logging.getLogger("balie_local.pollers")

Invoke = Callable[[str, dict[str, Any]], Any]

MAX_RECEIVE = 10  # SQS's ReceiveMessage limit per call


def failed_message_ids(result: Any, message_ids: list[str]) -> set[str] | None:
    """Message ids to keep from a partial-batch response; None means the whole batch failed.

    Like Lambda: a missing or empty list is full success; an identifier that is empty or
    not in the batch fails the whole batch.
    """
    if not isinstance(result, Mapping):
        return set()
    failures = result.get("batchItemFailures") or []
    failed: set[str] = set()
    for failure in failures:
        identifier = (failure or {}).get("itemIdentifier") if isinstance(failure, Mapping) else None
        if not identifier or identifier not in message_ids:
            return None
        failed.add(identifier)
    return failed


class BackgroundLoop:
    """A daemon thread running `_run` until `stop()`; subclasses loop on `self._stop`."""

    thread_prefix = "loop"

    def __init__(self, function: str):
        self._name = f"{self.thread_prefix}-{function}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float = 5) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


class SqsPoller(BackgroundLoop):
    thread_prefix = "sqs"

    def __init__(self, *, sqs: Any, source: SqsSource, queue_url: str, queue_arn: str, region: str, invoke: Invoke):
        self.sqs = sqs
        self.source = source
        self.queue_url = queue_url
        self.queue_arn = queue_arn
        self.region = region
        self.invoke = invoke
        super().__init__(source.function)

    def _receive(self, wait_seconds: int) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = []
        while len(messages) < self.source.batch_size:
            response = self.sqs.receive_message(
                QueueUrl=self.queue_url,
                MaxNumberOfMessages=min(MAX_RECEIVE, self.source.batch_size - len(messages)),
                WaitTimeSeconds=wait_seconds if not messages else 0,
                MessageSystemAttributeNames=["All"],
                MessageAttributeNames=["All"],
            )
            batch = response.get("Messages", [])
            if not batch:
                break
            messages.extend(batch)
        return messages

    def poll_once(self, wait_seconds: int = 0) -> int:
        """Receives one batch and invokes the function with it; returns the batch size."""
        messages = self._receive(wait_seconds)
        if not messages:
            return 0
        records = [sqs_record_from_message(m, event_source_arn=self.queue_arn, region=self.region) for m in messages]
        ids = [record["messageId"] for record in records]
        try:
            result = self.invoke(self.source.function, {"Records": records})
        except Exception:  # noqa: BLE001 - a failing handler is what the mapping retries
            log.error("%s failed on a batch of %d:\n%s", self.source.function, len(records), traceback.format_exc())
            return len(records)
        failed = failed_message_ids(result, ids) if self.source.report_batch_item_failures else set()
        if failed is None:
            log.warning("%s returned invalid batchItemFailures; the whole batch is retried", self.source.function)
            return len(records)
        done = [m for m in messages if m["MessageId"] not in failed]
        for start in range(0, len(done), MAX_RECEIVE):
            chunk = done[start:start + MAX_RECEIVE]
            self.sqs.delete_message_batch(
                QueueUrl=self.queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(chunk)],
            )
        return len(records)

    def drain(self, max_batches: int = 100) -> int:
        """Polls until a receive comes back empty (tests); returns records handled."""
        total = 0
        for _ in range(max_batches):
            handled = self.poll_once()
            if not handled:
                break
            total += handled
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll_once(wait_seconds=1)
            except Exception:  # noqa: BLE001 - keep polling after a transient error, like Lambda
                if self._stop.is_set():
                    break
                log.error("poller of %s: %s", self.source.function, traceback.format_exc())
                self._stop.wait(1)



_RATE = re.compile(r"rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)")
_UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400}


def rate_seconds(expression: str) -> int | None:
    """Seconds between runs of a rate() expression; None for cron() (not driven locally)."""
    match = _RATE.fullmatch(expression.strip())
    if not match:
        return None
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2).rstrip("s")]


class ScheduleRunner(BackgroundLoop):
    """Invokes a function with a Scheduled Event every rate() interval."""

    thread_prefix = "schedule"

    def __init__(self, *, source: ScheduleSource, region: str, invoke: Invoke, interval_seconds: float):
        self.source = source
        self.region = region
        self.invoke = invoke
        self.interval_seconds = interval_seconds
        super().__init__(source.function)

    def fire(self) -> Any:
        event: Any = scheduled_event(rule_name=f"balie-local-{self.source.function}", region=self.region)
        if self.source.input is not None:
            event = self.source.input  # EventBridge sends the configured Input instead
            if isinstance(event, str):
                event = json.loads(event)
        return self.invoke(self.source.function, event)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_seconds):
            try:
                self.fire()
            except Exception:  # noqa: BLE001 - the next tick tries again, like EventBridge
                log.error("scheduled %s failed:\n%s", self.source.function, traceback.format_exc())


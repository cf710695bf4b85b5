"""Business metrics as CloudWatch EMF (namespace `Balie`), shared by the handlers.

Dimensions stay low-cardinality: `tenant` and `channel` (plus Powertools'
`service`). The intent goes along as EMF metadata (searchable in Logs
Insights, no extra metric cost). Each call writes its own EMF line with
`EphemeralMetrics`, so a batch of SQS records from several tenants never mixes
dimensions, and handler-level metrics (`Metrics`, flushed by `log_metrics`)
keep theirs. README "Metrics and reports" lists the metrics and their cost.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from aws_lambda_powertools.metrics import EphemeralMetrics, MetricUnit

if TYPE_CHECKING:  # the webhook imports this module and must not load the engine at cold start
    from core.dialogue.engine import Engine, Turn
    from core.models import InboundMessage, Reply

NAMESPACE = "Balie"
# Counters of a turn (core.dialogue daily counters) that become metrics per tenant and channel.
TURN_METRICS = (
    "messages_received",
    "conversations",
    "answered",
    "disambiguation",
    "fallback",
    "handover_live",
    "handover_queued",
    "feedback_helpful",
    "feedback_not_helpful",
)
TURN_LATENCY = "turn_latency"  # milliseconds, one data point per turn (p99 on the dashboard)
HANDOVER_CLAIMED = "handover_claimed"
TICKET_DONE = "ticket_done"
TICKET_CREATED = "ticket_created"  # the intake stored a new ticket (per tenant)
HANDOVER_EXPIRED = "handover_expired"
# Meta refused our reply (worker) or sent a "failed" receipt (webhook), per tenant.
WHATSAPP_DELIVERY_FAILED = "whatsapp_delivery_failed"
# Meta refused a reply on Messenger or Instagram for good, per tenant and channel.
MESSENGER_DELIVERY_FAILED = "messenger_delivery_failed"


def emit(values: dict[str, tuple[float, MetricUnit]], *, tenant: str, channel: str | None = None,
         metadata: dict[str, str | None] | None = None) -> None:
    """One EMF line with these metrics (zero values left out) for the tenant [and channel]."""
    metrics = EphemeralMetrics(namespace=NAMESPACE)
    for name, (value, unit) in values.items():
        if value:
            metrics.add_metric(name=name, unit=unit, value=value)
    if not metrics.metric_set:
        return
    metrics.add_dimension(name="tenant", value=tenant)
    if channel:
        metrics.add_dimension(name="channel", value=channel)
    for key, value in (metadata or {}).items():
        if value is not None:
            metrics.add_metadata(key=key, value=value)
    metrics.flush_metrics()


def count(name: str, *, tenant: str, channel: str | None = None, value: int = 1) -> None:
    emit({name: (value, MetricUnit.Count)}, tenant=tenant, channel=channel)


def record_turn(turn: "Turn", *, tenant: str, channel: str, latency_ms: float) -> None:
    if turn.replayed:
        return  # the first delivery was counted already
    values = {name: (turn.counts.get(name, 0), MetricUnit.Count) for name in TURN_METRICS}
    values[TURN_LATENCY] = (max(latency_ms, 0.001), MetricUnit.Milliseconds)
    emit(values, tenant=tenant, channel=channel, metadata={"intent": turn.reply.intent})


def run_turn(engine: "Engine", message: "InboundMessage") -> "Turn":
    """`engine.handle_turn` timed and recorded as metrics."""
    started = time.perf_counter()
    turn = engine.handle_turn(message)
    record_turn(turn, tenant=message.tenant, channel=message.channel.value,
                latency_ms=(time.perf_counter() - started) * 1000)
    return turn


def metered(engine: "Engine") -> Callable[["InboundMessage"], "Reply"]:
    """`engine.handle` with metrics, for channels that take a respond callable (WhatsApp)."""
    return lambda message: run_turn(engine, message).reply

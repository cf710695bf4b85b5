"""What the workers of the messaging channels (WhatsApp, Messenger/Instagram) share: one
queued event carried out by core.messaging.delivery, with the channel's metrics.

A record whose reply cannot be sent for now (Meta throttling or down after the client's
retries, token refused) fails: Powertools reports it as a partial batch failure, SQS
delivers it again, and after the redrive limit it lands in the dead-letter queue. With
FIFO, the failed record's later events of the same resident are failed too
(skip_group_on_error), so order is kept, while other residents' events go on.

A record may also be a part of a large delivery (`kind` = `delivery-part`): its receipts are
recorded, its events taken in as the webhook takes in a small delivery (each queued on its own, deduplicated by
Meta's id; a failure fails the record, and the queue's retry queues them again, the copies
dropped by the queue or, later, by the worker that finds them done).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
# Powertools' batch module builds its pydantic parser models (about 40 ms) only when pydantic
# is already imported: keep it above every import that loads pydantic (channels, core).
from aws_lambda_powertools.utilities.batch import SqsFifoPartialProcessor, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from core.messaging.events import DELIVERY_PART_KIND, DeliveryPart, QueuedEvent
from handlers import metrics as business_metrics
from handlers.channel_services import ChannelServices
from handlers.cold_start import after_first_call, import_in_background


def carry_out(record: SQSRecord, services: ChannelServices, metrics: Metrics, logger: Logger, name: str,
              failed_metric: str) -> None:
    """`name` prefixes the channel's operational metrics; `failed_metric` counts Meta's
    refusals per tenant and channel."""
    kind = record.message_attributes["kind"]
    if kind is not None and kind.string_value == DELIVERY_PART_KIND:
        take_in(record, services, metrics, logger, name, failed_metric)
        return
    item = QueuedEvent.model_validate_json(record.body)
    channel = item.event.channel.value
    try:
        result = services.delivery.deliver(item)
    except Exception:
        # The record goes back to the queue (and to the DLQ after 5 receives).
        metrics.add_metric(name=f"{name}ReplyFailed", unit=MetricUnit.Count, value=1)
        raise
    if result.duplicate:
        metrics.add_metric(name=f"{name}Duplicate", unit=MetricUnit.Count, value=1)
    metrics.add_metric(name=f"{name}RepliesSent", unit=MetricUnit.Count, value=result.sent)
    if result.rate_limited:
        metrics.add_metric(name=f"{name}RateLimited", unit=MetricUnit.Count, value=1)
    if result.refused_code is not None:
        metrics.add_metric(name=f"{name}RepliesRefused", unit=MetricUnit.Count, value=1)
        business_metrics.count(failed_metric, tenant=item.tenant, channel=channel)
    logger.info(f"{name.lower()} event", extra={
        "tenant": item.tenant, "channel": channel, "action": result.action,
        "kind": getattr(item.event, "message_type", None), "sent": result.sent, "skipped": result.skipped,
        "refused": result.refused_code, "rate_limited": result.rate_limited, "silenced": result.silenced,
        "duplicate": result.duplicate})


def take_in(record: SQSRecord, services: ChannelServices, metrics: Metrics, logger: Logger, name: str,
            failed_metric: str) -> None:
    """A part of a large delivery: its events queued one by one, its receipts recorded."""
    part = DeliveryPart.model_validate_json(record.body)
    result = services.intake.take_in_part(part)
    metrics.add_metric(name=f"{name}Queued", unit=MetricUnit.Count, value=result.queued)
    if part.receipts:
        metrics.add_metric(name=f"{name}Status", unit=MetricUnit.Count, value=result.receipts)
    for tenant, failed in result.failed.items():
        business_metrics.count(failed_metric, tenant=tenant, channel=name.lower(), value=failed)
    logger.info(f"{name.lower()} delivery part", extra={"queued": result.queued, "statuses": result.receipts})


def worker_handler(services: Callable[[], ChannelServices], name: str,
                   failed_metric: str) -> Callable[[dict, Any], dict]:
    """The Lambda handler of one channel's worker (an SQS FIFO event source, partial batch responses)."""
    logger = Logger()
    metrics = Metrics(namespace="Balie")
    processor = SqsFifoPartialProcessor(skip_group_on_error=True)

    def record_handler(record: SQSRecord) -> None:
        carry_out(record, services(), metrics, logger, name, failed_metric)

    @after_first_call
    @logger.inject_lambda_context
    @metrics.log_metrics
    def handler(event: dict, context: Any) -> dict:
        # A cold start's first message needs the matcher (numpy): imported while the worker waits
        # for SSM (the access token) and DynamoDB.
        import_in_background("core.matcher")
        return process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                        context=context)

    return handler

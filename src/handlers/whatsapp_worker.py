"""SQS FIFO consumer: one queued WhatsApp message -> the engine's reply on WhatsApp.

A record whose reply cannot be sent for now (Meta throttling or down after the
client's retries, token refused) fails: Powertools reports it as a partial
batch failure, SQS delivers it again, and after the redrive limit it lands in
the dead-letter queue. With FIFO, the failed record's later messages of the
same resident are failed too (skip_group_on_error), so order is kept, while
other residents' messages go on.
"""
from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
# Powertools' batch module builds its pydantic parser models (about 40 ms) only when pydantic
# is already imported: keep it above every import that loads pydantic (channels, core).
from aws_lambda_powertools.utilities.batch import SqsFifoPartialProcessor, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from channels.whatsapp import QueuedInbound
from handlers import metrics as business_metrics
from handlers import whatsapp_services

logger = Logger()
metrics = Metrics(namespace="Balie")
processor = SqsFifoPartialProcessor(skip_group_on_error=True)


def record_handler(record: SQSRecord) -> None:
    item = QueuedInbound.model_validate_json(record.body)
    try:
        result = whatsapp_services.current().delivery.deliver(item)
    except Exception:
        # The record goes back to the queue (and to the DLQ after 5 receives).
        metrics.add_metric(name="WhatsAppReplyFailed", unit=MetricUnit.Count, value=1)
        raise
    metrics.add_metric(name="WhatsAppRepliesSent", unit=MetricUnit.Count, value=result.sent)
    if result.rate_limited:
        metrics.add_metric(name="WhatsAppRateLimited", unit=MetricUnit.Count, value=1)
    if result.refused_code is not None:
        metrics.add_metric(name="WhatsAppRepliesRefused", unit=MetricUnit.Count, value=1)
        business_metrics.count(business_metrics.WHATSAPP_DELIVERY_FAILED, tenant=item.tenant, channel="whatsapp")
    logger.info("whatsapp reply", extra={"tenant": item.tenant, "kind": item.inbound.message_type,
                                         "sent": result.sent, "skipped": result.skipped,
                                         "refused": result.refused_code, "rate_limited": result.rate_limited})


@logger.inject_lambda_context
@metrics.log_metrics
def handler(event: dict, context) -> dict:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)

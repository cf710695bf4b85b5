"""SQS consumer of the handover-timeout queue: a live handover nobody claimed
within the tenant's limit becomes a callback offer (then a ticket).

Each message is `{"tenant", "conversationId", "requestedAt"}`, sent with
DelaySeconds = the tenant's limit when the handover was requested. A record
that fails (store or WhatsApp down) is reported as a partial batch failure,
retried by SQS, and after the redrive limit lands in the dead-letter queue.
A message for a handover that was claimed, closed or re-requested meanwhile
changes nothing, so redelivery is harmless.
"""
from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
# Powertools' batch module builds its pydantic parser models (about 40 ms) only when pydantic
# is already imported: keep it above every import that loads pydantic.
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from core.dialogue.handover import expire_unclaimed
from handlers.cold_start import after_first_call
from handlers.outbound import MessagingReplies
from handlers import metrics
from handlers.log_ids import conversation_ref
from handlers.wiring import services

logger = Logger(service="balie")
processor = BatchProcessor(event_type=EventType.SQS)


class TimeoutMessage(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)
    tenant: str = Field(min_length=1)
    conversation_id: str = Field(alias="conversationId", min_length=1)
    requested_at: AwareDatetime = Field(alias="requestedAt")


def record_handler(record: SQSRecord) -> None:
    message = TimeoutMessage.model_validate_json(record.body)
    shared = services()
    told = expire_unclaimed(shared.store, shared.knowledge, message.tenant, message.conversation_id,
                            message.requested_at, shared.clock(), MessagingReplies().send)
    if told:
        metrics.count(metrics.HANDOVER_EXPIRED, tenant=message.tenant)
    logger.info("handover timeout", extra={"tenant": message.tenant,
                                           "conversation": conversation_ref(message.conversation_id),
                                           "expired": bool(told)})


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)

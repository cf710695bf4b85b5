"""SQS consumer of the ticket-intake queue (one queue for every tenant): each
message is a `Ticket` the engine handed over (`TicketQueue.send`), turned into a
ticket record, an e-mail to the team and an Open Klant registration
(`core.tickets.TicketIntake`), or an `AddedToTicket` (`TicketQueue.add`: what the
resident wrote after the ticket was queued), added to the ticket's record, mailed to the team
and registered in Open Klant about the ticket. Idempotent by the ticket's id, so SQS's
at-least-once delivery stores and announces a ticket once. A record that fails
(store, mail or Open Klant down) is reported as a partial batch failure, retried
by SQS, and after the redrive limit lands in the alarmed dead-letter queue.
The body holds a resident's contact and words: it is never logged.
"""
from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools import Logger
# Powertools' batch module builds its pydantic parser models (about 40 ms) only when pydantic
# is already imported: keep it above every import that loads pydantic.
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from core.models import AddedToTicket, Ticket
from handlers import metrics
from handlers.cold_start import after_first_call
from handlers.wiring import services

logger = Logger(service="balie")
processor = BatchProcessor(event_type=EventType.SQS)


class UnreadableTicket(ValueError):
    """A message that is not a ticket (without the body: it may hold a resident's contact)."""


def record_handler(record: SQSRecord) -> None:
    try:
        body = json.loads(record.body)
        message = (AddedToTicket.model_validate(body) if isinstance(body, dict) and "addition" in body
                   else Ticket.model_validate(body))
    except ValueError:  # not JSON, or neither shape (pydantic's ValidationError is a ValueError)
        raise UnreadableTicket(f"message {record.message_id} is not a ticket") from None
    if isinstance(message, AddedToTicket):
        added = services().ticket_intake.add(message)
        logger.info("ticket addition", extra={"tenant": message.tenant, "ticket_id": message.ticket_id,
                                              "stored": added.stored, "new": added.new, "notified": added.notified,
                                              "open_klant": added.open_klant})
        return
    ticket = message
    result = services().ticket_intake.accept(ticket)
    if result.new:
        metrics.count(metrics.TICKET_CREATED, tenant=ticket.tenant)
    logger.info("ticket intake", extra={"tenant": ticket.tenant, "ticket_id": ticket.id, "stored": result.stored,
                                        "new": result.new, "notified": result.notified,
                                        "open_klant": result.open_klant})


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)

"""Scheduled: carry out the side effects a turn wrote but never dispatched (core.outbox), and
erase the conversations the tenants' retention has ended (core.retention.erase_expired).

Runs every few minutes (template: Schedule). Nothing to do is the normal case: a turn
carries out its own effects right after writing them, and DynamoDB's TTL deletes most expired
conversations itself; the erasure here makes it exact, and applies a lower retention to
what is stored (TTL keeps the `expiresAt` an item was written with).
"""
from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from core.outbox import sweep
from core.retention import erase_expired
from handlers.cold_start import after_first_call
from handlers.wiring import services

logger = Logger(service="balie")


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, int]:
    shared = services()
    result = sweep(shared.store, shared.effects, shared.clock())
    if result.carried_out or result.failed:
        logger.info("outbox swept", extra={"carried_out": result.carried_out, "failed": result.failed})
    erased = erase_expired(shared.store, shared.knowledge.retention, shared.knowledge.slugs(), shared.clock())
    if erased:
        logger.info("conversations past their retention erased", extra={"erased": erased})
    return {"carriedOut": result.carried_out, "failed": result.failed, "erased": erased}

"""Scheduled: carry out the side effects a turn wrote but never dispatched (core.outbox).

Runs every few minutes (template: Schedule). Nothing to do is the normal case: a turn
carries out its own effects right after writing them.
"""
from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from core.outbox import sweep
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
    return {"carriedOut": result.carried_out, "failed": result.failed}

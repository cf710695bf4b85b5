"""SQS consumer of the tenant-build queue: each message `{"tenant", "version"}` is one
published tenant version to compile against the shared knowledge base, store and
switch live (core.tenants.TenantBuilder). A version that does not fit the shared base
is marked failed (the admin API shows why) and the message succeeds; a failing store
or bucket fails the record, SQS retries it and after the redrive limit it lands in the
alarmed dead-letter queue. A redelivered message changes nothing. A message `{"tenant",
"draft"}` is the knowledge-base editor's draft check (core.editor), named by content too.
"""
from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
# Powertools' batch module builds its pydantic parser models (about 40 ms) only when pydantic
# is already imported: keep it above every import that loads pydantic.
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel, ConfigDict, Field, model_validator

from handlers.cold_start import after_first_call
from handlers.wiring import tenant_services

logger = Logger(service="balie")
processor = BatchProcessor(event_type=EventType.SQS)


class BuildRequest(BaseModel):
    """A published version to build (`version`), or the editor's draft to check (`draft`)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    tenant: str = Field(min_length=1, max_length=63, pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: int | None = Field(default=None, ge=1)
    draft: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def one_job(self) -> "BuildRequest":
        if (self.version is None) == (self.draft is None):
            raise ValueError("a build request names either a version or a draft")
        return self


def record_handler(record: SQSRecord) -> None:
    request = BuildRequest.model_validate_json(record.body)
    if request.version is None:
        check_draft(request.tenant)
        return
    built = tenant_services().builder.build(request.tenant, request.version)
    logger.info("tenant build", extra={"tenant": request.tenant, "version": request.version,
                                       "status": built.status if built else None,
                                       "matcher": built.matcher if built else None,
                                       "error": built.error if built else None})


def check_draft(tenant: str) -> None:
    """The editor's draft: its matcher trained (the preview answers with it, publishing finds
    it ready) and the accuracy of the draft and the newest version estimated."""
    from core.tenants import train_artefact
    from handlers.kb_editor_api import editor

    editor().check_draft(tenant, train_artefact)
    logger.info("draft checked", extra={"tenant": tenant})


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)

"""schemathesis against the running local stack (HTTP front -> handlers -> moto), driven
by the committed openapi.json: generated and schema-violating requests to POST /v1/chat,
GET /v1/chat/{id}/messages, DELETE /v1/chat/{id} and the webhook handshake never get a
5xx, get only documented status codes and content types, and every response body
matches its schema. Bounded: a few dozen examples per operation (well under a minute).
Uses the compiled default knowledge base (src/kb_compiled, tenant voorbeeld)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from balie_local.openapi import OPENAPI_PATH
from balie_local.stack import LocalStack

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = (
    schemathesis.openapi.from_path(OPENAPI_PATH)
    .include(path_regex=r"^/v1/(chat|chat/\{conversationId\}(/messages)?|whatsapp/webhook)$")
    .exclude(method="POST", path="/v1/whatsapp/webhook")  # signed deliveries: test_security / WhatsApp tests
)


@pytest.fixture(scope="module")
def stack(start_local_stack) -> Iterator[LocalStack]:  # noqa: ANN001
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BALIE_NOW", "2026-11-30T10:00:00+01:00")
        with start_local_stack(run_pollers=False) as running:
            yield running


def test_the_public_operations_are_the_four_under_test() -> None:
    operations = {(result.ok().method, result.ok().path) for result in schema.get_all_operations()}
    assert operations == {("post", "/v1/chat"), ("get", "/v1/chat/{conversationId}/messages"),
                          ("delete", "/v1/chat/{conversationId}"), ("get", "/v1/whatsapp/webhook")}


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_published_contract(case: schemathesis.Case, stack: LocalStack) -> None:
    case.call_and_validate(base_url=stack.url, checks=CHECKS, timeout=30)

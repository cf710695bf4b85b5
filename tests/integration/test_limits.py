"""Limits against abuse over real HTTP (core.limits), on a stack with low limits:
- new conversations per client address: past the allowance a 429 with Retry-After, nothing
  written; the conversations already open go on;
- unanswered questions per tenant and day: past the cap they are not kept, so a flood of
  one message cannot fill the staff report or the shared export;
- a clientMessageId used again for another message: 409, the first reply stays.
The WhatsApp resident over the per-conversation limit (one short notice, no DLQ) is in
tests/unit/test_whatsapp_channel.py and test_whatsapp_flow.py."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from balie_local.stack import LocalStack
from stack_support import ENGINE_KB
from http_support import json_headers, send

ORIGIN = "https://www.alpha.example"
MONDAY_MORNING = "2026-11-30T10:00:00+01:00"
PER_CLIENT = 5
PER_DAY = 3


@pytest.fixture(scope="module")
def stack(kb_dir: Path, start_local_stack) -> Iterator[LocalStack]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_DIR", str(kb_dir))
        patch.setenv("BALIE_NOW", MONDAY_MORNING)
        parameters = {"NewConversationsPerClient": str(PER_CLIENT), "UnansweredPerTenantPerDay": str(PER_DAY)}
        with start_local_stack(tenants_dir=ENGINE_KB / "tenants", run_pollers=False, parameters=parameters) as running:
            yield running


def chat(stack: LocalStack, message: str, **fields: Any):
    return send(f"{stack.url}/v1/chat", "POST", {"tenant": "alpha", "message": message, **fields},
                json_headers(origin=ORIGIN))


def report(stack: LocalStack) -> dict:
    answer = send(f"{stack.url}/v1/staff/reports?from=2026-11-30&to=2026-11-30", "GET", None,
                  json_headers(token=stack.auth.tokens["alpha"]))
    assert answer.status == 200, answer.body
    return answer.json()


def test_new_conversations_per_client_and_unanswered_per_day(stack: LocalStack, monkeypatch) -> None:
    opened = []
    for number in range(PER_CLIENT):
        answer = chat(stack, f"vertel een mop over de gemeente nummer {number}")  # not understood: unanswered
        assert answer.status == 200, answer.body
        opened.append(answer.json()["conversationId"])
    refused = chat(stack, "paspoort")
    assert refused.status == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert 0 < int(refused.header_map()["retry-after"]) <= 600
    # An open conversation goes on: the allowance counts new conversations only.
    assert chat(stack, "paspoort", conversationId=opened[0]).status == 200
    # Only PER_DAY of the unanswered questions were kept; the rest was counted as dropped.
    kept = report(stack)
    assert sum(group["count"] for group in kept["unanswered"]) == PER_DAY, kept["unanswered"]
    # The next window opens again.
    monkeypatch.setenv("BALIE_NOW", "2026-11-30T10:10:00+01:00")
    assert chat(stack, "paspoort").status == 200


def test_a_client_message_id_used_again_for_another_message_is_a_conflict(stack: LocalStack, monkeypatch) -> None:
    monkeypatch.setenv("BALIE_NOW", "2026-11-30T11:00:00+01:00")
    first = chat(stack, "paspoort", clientMessageId="0c1d5a8e-6b37-4f3e-9a51-3f7c2d1e9b04")
    again = chat(stack, "paspoort", clientMessageId="0c1d5a8e-6b37-4f3e-9a51-3f7c2d1e9b04")
    other = chat(stack, "rijbewijs", clientMessageId="0c1d5a8e-6b37-4f3e-9a51-3f7c2d1e9b04")
    assert first.status == 200 and again.status == 200 and again.json() == first.json()
    assert other.status == 409 and other.json()["error"]["code"] == "client_message_id_reused"

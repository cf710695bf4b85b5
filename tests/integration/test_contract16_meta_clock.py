"""Meta stamps webhook events in real time; the local stack may run on a fixed clock
(API.md: `BALIE_NOW=2026-12-24T21:30:00+01:00`). A message written now is answered at
that clock too, on WhatsApp and on Messenger, over real HTTP; a replay older than Meta's
7-day retry period stays dropped. (In AWS the clock is real time and nothing changes.)"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from balie_local import messenger_cmd, whatsapp_cmd
from balie_local.stack import LocalStack
from channels.meta import sign
from handlers import messenger_services, whatsapp_services
from http_support import send

PAGE, PHONE_NUMBER_ID = "333", "111"  # tests/unit/data/kb_engine/tenants/alpha.yaml


@pytest.fixture(autouse=True)
def clock_a_month_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stack's clock 30 days after real time, like Christmas seen from early December."""
    ahead = datetime.now(timezone.utc) + timedelta(days=30)
    monkeypatch.setenv("BALIE_NOW", ahead.replace(microsecond=0).isoformat())
    messenger_services.use(None)
    whatsapp_services.use(None)


def post(stack: LocalStack, path: str, secret: str, body: dict[str, Any]) -> dict[str, Any]:
    raw = json.dumps(body).encode("utf-8")
    answer = send(f"{stack.url}{path}", "POST", raw,
                  {"content-type": "application/json", "x-hub-signature-256": sign(raw, stack.channel_secrets()[secret])})
    assert answer.status == 200, answer.body
    return answer.json()


def real_time(days_ago: float = 0) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=days_ago)


@pytest.mark.parametrize("days_ago, answered", [(0, True), (8, False)])
def test_whatsapp_message_in_real_time_is_answered_on_a_fixed_clock(engine_kb_stack: LocalStack, days_ago: float,
                                                                     answered: bool) -> None:
    sender = f"3161234{int(days_ago):04d}"
    body = whatsapp_cmd.webhook_body("paspoort", sender, PHONE_NUMBER_ID, timestamp=int(real_time(days_ago).timestamp()))
    result = post(engine_kb_stack, "/v1/whatsapp/webhook", "whatsapp_app_secret", body)
    assert (result["queued"], result["ignored"]) == ((1, 0) if answered else (0, 1))
    engine_kb_stack.drain("WhatsAppWorkerFunction")
    replies = [sent for sent in engine_kb_stack.graph.outbox if sent["to"] == sender]
    assert bool(replies) == answered


@pytest.mark.parametrize("days_ago, answered", [(0, True), (8, False)])
def test_messenger_message_in_real_time_is_answered_on_a_fixed_clock(engine_kb_stack: LocalStack, days_ago: float,
                                                                      answered: bool) -> None:
    resident = f"contract16-{int(days_ago)}"
    body = messenger_cmd.webhook_body("paspoort", resident, PAGE, timestamp_ms=int(real_time(days_ago).timestamp() * 1000))
    result = post(engine_kb_stack, "/v1/messenger/webhook", "messenger_app_secret", body)
    assert (result["queued"], result["ignored"]) == ((1, 0) if answered else (0, 1))
    engine_kb_stack.drain("MessengerWorkerFunction")
    replies = [sent for sent in engine_kb_stack.graph.messenger.outbox if sent["to"] == resident]
    assert bool(replies) == answered


def test_a_message_stamped_in_the_clocks_own_time_is_still_answered(engine_kb_stack: LocalStack) -> None:
    """`balie whatsapp send` stamps messages with the stack's clock (BALIE_NOW)."""
    body = whatsapp_cmd.webhook_body("paspoort", "31699990000", PHONE_NUMBER_ID)
    assert post(engine_kb_stack, "/v1/whatsapp/webhook", "whatsapp_app_secret", body)["queued"] == 1
    engine_kb_stack.drain("WhatsAppWorkerFunction")
    assert [sent for sent in engine_kb_stack.graph.outbox if sent["to"] == "31699990000"]

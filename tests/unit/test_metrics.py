"""handlers.metrics: one EMF line per turn with tenant and channel dimensions,
the intent as metadata, latency in milliseconds; nothing for a replayed turn."""
from __future__ import annotations

import json

import pytest

from core.dialogue.engine import Turn
from core.models import Reply
from handlers import metrics


def emf_lines(output: str) -> list[dict]:
    return [line for line in map(json.loads, filter(None, output.splitlines())) if "_aws" in line]


def turn(counts: dict[str, int], replayed: bool = False) -> Turn:
    return Turn(reply=Reply(conversation_id="alpha." + "0" * 32, intent="paspoort", confidence=0.9, messages=[]),
                counts=counts, replayed=replayed)


def test_a_turn_writes_its_counters_latency_and_intent(capsys: pytest.CaptureFixture[str]) -> None:
    metrics.record_turn(turn({"messages_received": 1, "answered": 1, "intent:paspoort": 1, "followup": 0}),
                        tenant="alpha", channel="whatsapp", latency_ms=12.5)
    [line] = emf_lines(capsys.readouterr().out)
    directive = line["_aws"]["CloudWatchMetrics"][0]
    assert directive["Namespace"] == "Balie"
    assert set(directive["Dimensions"][0]) >= {"tenant", "channel"}
    assert (line["tenant"], line["channel"], line["intent"]) == ("alpha", "whatsapp", "paspoort")
    units = {m["Name"]: m["Unit"] for m in directive["Metrics"]}
    assert units == {"messages_received": "Count", "answered": "Count", "turn_latency": "Milliseconds"}
    assert line["turn_latency"] == [12.5] and line["answered"] == [1]  # EMF values are lists
    # Per-intent counters stay out of the metrics: one metric per intent would cost per tenant.
    assert "intent:paspoort" not in line


def test_a_replayed_turn_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    metrics.record_turn(turn({"messages_received": 1}, replayed=True), tenant="alpha", channel="web", latency_ms=3)
    assert emf_lines(capsys.readouterr().out) == []


def test_events_of_two_tenants_never_share_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    metrics.count(metrics.TICKET_DONE, tenant="alpha")
    metrics.count(metrics.HANDOVER_CLAIMED, tenant="beta", channel="web")
    lines = emf_lines(capsys.readouterr().out)
    assert [(line["tenant"], line.get("channel")) for line in lines] == [("alpha", None), ("beta", "web")]
    assert lines[0]["ticket_done"] == [1] and lines[1]["handover_claimed"] == [1]

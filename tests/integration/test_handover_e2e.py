"""Handover end to end through the local stack (HTTP front -> handlers -> moto):

- Saturday evening: asking for a person ends with a ticket (through the intake
  queue and function) and the resident is told Monday's time; staff of the tenant
  list it, claim it and mark it done, which ends the resident's waiting handover.
- In office hours: the request shows up in the staff API, a staff member claims
  it and replies, and the resident's poll returns the reply. Another tenant's
  staff cannot see it.

Uses the engine test knowledge base (tests/unit/data/kb_engine, tenants alpha
and beta; alpha is open on Monday 08:30-17:00).
"""
from __future__ import annotations

import json
from typing import Any

import pytest

from balie_local.events import sqs_event
from balie_local.stack import LocalStack
from http_support import json_headers, send, wait_for

SATURDAY_EVENING = "2026-11-28T21:30:00+01:00"
MONDAY_MORNING = "2026-11-30T10:00:00+01:00"


@pytest.fixture(scope="module")
def stack(engine_kb_stack_with_pollers: LocalStack) -> LocalStack:
    return engine_kb_stack_with_pollers


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    answer = send(stack.url + path, method, body, json_headers(token=token))
    return answer.status, answer.json()


def say(stack: LocalStack, text: str, conversation_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"tenant": "alpha", "message": text}
    if conversation_id:
        body["conversationId"] = conversation_id
    status, reply = call(stack, "POST", "/v1/chat", body)
    assert status == 200, reply
    return reply


def texts(reply: dict[str, Any]) -> str:
    return " ".join(message["text"] for message in reply["messages"])


def open_ticket(stack: LocalStack, conversation_id: str, token: str) -> dict[str, Any]:
    """The conversation's open ticket, once the intake (a background poller) stored it."""
    def find() -> dict[str, Any] | None:
        listed = call(stack, "GET", "/v1/staff/tickets?status=open", token=token)[1]["tickets"]
        return next((t for t in listed if t["conversationId"] == conversation_id), None)

    return wait_for(find)


def test_saturday_evening_ends_with_a_ticket_for_monday(stack: LocalStack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    first = say(stack, "ik wil een medewerker spreken")
    conversation_id = first["conversationId"]
    assert "op maandag 30 november vanaf 8.30 uur" in texts(first)
    assert say(stack, "ja", conversation_id)["handover"] is None
    done = say(stack, "bel mij op 06 12345678", conversation_id)
    assert "op maandag 30 november vanaf 8.30 uur" in texts(done)
    assert done["handover"]["status"] == "queued"
    assert done["handover"]["expectedContactAt"].startswith("2026-11-30T08:30:00")

    token = stack.auth.tokens["alpha"]
    ticket = open_ticket(stack, conversation_id, token)
    assert ticket["contact"] == "+31612345678" and ticket["contactKind"] == "phone" and ticket["team"] == "kcc"
    assert "06 12345678" not in ticket["summary"]
    assert call(stack, "GET", "/v1/staff/tickets", token=stack.auth.tokens["beta"]) == (200, {"tickets": []})
    assert call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/claim", token=stack.auth.tokens["beta"])[0] == 404
    status, claimed = call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/claim", token=token)
    assert status == 200 and claimed["ticket"]["status"] == "claimed" and claimed["ticket"]["claimedBy"] == "dev-alpha"
    status, done = call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/done",
                        {"outcome": "gebeld", "note": "afspraak gemaakt"}, token=token)
    assert status == 200 and done["ticket"]["status"] == "done" and done["ticket"]["note"] == "afspraak gemaakt"
    assert call(stack, "GET", "/v1/staff/tickets?status=open", token=token)[1] == {"tickets": []}
    # The resident's handover has ended: asking again starts afresh instead of "already waiting".
    page = call(stack, "GET", f"/v1/chat/{conversation_id}/messages?after=0")[1]
    assert page["handover"] is None
    again = say(stack, "ik wil een medewerker spreken", conversation_id)
    assert "al klaar" not in texts(again) and "Wilt u" in texts(again)


def test_office_hours_request_is_claimed_and_answered_by_staff(stack: LocalStack,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    reply = say(stack, "ik wil een medewerker spreken")
    conversation_id = reply["conversationId"]
    assert reply["handover"]["status"] == "live"
    token = stack.auth.tokens["alpha"]

    status, listed = call(stack, "GET", "/v1/staff/handovers?status=waiting", token=token)
    assert status == 200
    assert conversation_id in [item["conversationId"] for item in listed["handovers"]]
    assert call(stack, "GET", "/v1/staff/handovers?status=waiting", token=stack.auth.tokens["beta"])[1] == {
        "handovers": []}
    assert call(stack, "GET", f"/v1/staff/conversations/{conversation_id}",
                token=stack.auth.tokens["beta"])[0] == 404
    assert call(stack, "GET", "/v1/staff/handovers", token=None)[0] == 401

    # While nobody has taken it, a message is kept for the person and the resident reads so.
    assert "bericht bewaard" in say(stack, "hallo?", conversation_id)["messages"][0]["text"]

    status, view = call(stack, "POST", f"/v1/staff/conversations/{conversation_id}/claim", token=token)
    assert status == 200 and view["handover"]["status"] == "live" and view["handover"]["claimedBy"] == "dev-alpha"
    assert say(stack, "zijn jullie er nog?", conversation_id)["messages"] == []  # a person talks now: the bot is quiet
    status, sent = call(stack, "POST", f"/v1/staff/conversations/{conversation_id}/reply",
                        {"text": "Goedemorgen, waarmee kan ik u helpen?"}, token=token)
    assert status == 200 and sent["entry"]["role"] == "staff"

    status, page = call(stack, "GET", f"/v1/chat/{conversation_id}/messages?after=0")
    assert status == 200
    assert "Goedemorgen, waarmee kan ik u helpen?" in json.dumps(page, ensure_ascii=False)

    status, suggestions = call(stack, "GET", f"/v1/staff/suggestions/{conversation_id}", token=token)
    assert status == 200 and isinstance(suggestions["suggestions"], list)

    status, closed = call(stack, "POST", f"/v1/staff/conversations/{conversation_id}/close", token=token)
    assert status == 200 and closed["handover"]["status"] == "closed"
    assert call(stack, "GET", "/v1/staff/handovers?status=live", token=token)[1] == {"handovers": []}


def test_unclaimed_live_handover_times_out_into_a_callback_ticket(stack: LocalStack,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    reply = say(stack, "ik wil een medewerker spreken")
    conversation_id = reply["conversationId"]
    assert reply["handover"]["status"] == "live"
    sqs = stack.client("sqs")
    timeout_url = sqs.get_queue_url(QueueName="balie-local-HandoverTimeoutQueue")["QueueUrl"]
    waiting = sqs.get_queue_attributes(QueueUrl=timeout_url, AttributeNames=["ApproximateNumberOfMessagesDelayed"])
    assert int(waiting["Attributes"]["ApproximateNumberOfMessagesDelayed"]) >= 1

    # Ten minutes later the delayed message arrives (invoked here, as the poller would).
    monkeypatch.setenv("BALIE_NOW", "2026-11-30T10:10:00+01:00")
    message = {"tenant": "alpha", "conversationId": conversation_id, "requestedAt": MONDAY_MORNING}
    result = stack.invoke("HandoverTimeoutFunction", sqs_event([message], queue_name="balie-local-HandoverTimeoutQueue"))
    assert result == {"batchItemFailures": []}
    status, page = call(stack, "GET", f"/v1/chat/{conversation_id}/messages?after=0")
    assert status == 200 and "geen medewerker vrij" in json.dumps(page, ensure_ascii=False)
    token = stack.auth.tokens["alpha"]
    assert conversation_id not in json.dumps(call(stack, "GET", "/v1/staff/handovers?status=waiting", token=token)[1])

    assert "telefoonnummer" in texts(say(stack, "ja graag", conversation_id))
    done = say(stack, "jan@alpha.example", conversation_id)
    assert done["handover"]["status"] == "queued"
    assert open_ticket(stack, conversation_id, token)["contactKind"] == "email"

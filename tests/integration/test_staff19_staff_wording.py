"""What staff read names the resident's topic, never the bot's own intents (session 18, staff19's
outside round): a suicide-crisis resident who asked for a person was listed under the topic
"Vraagt om een medewerker (mens)" (the handover's own intent) in the queue and on the card; a
callback request's summary said "De bot gaf informatie over: Vraagt om een medewerker (mens)";
a conversation the bot had only greeted was "Begroeting" among the bot's conversations; the
ticket routes gave no topic title, so the dashboard showed the intent id.

On the running local stack with the real knowledge base and tenant voorbeeld (in-process, so the
clock is this process's BALIE_NOW).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from balie_local.stack import LocalStack
from http_support import call_json, wait_for

TUESDAY_MORNING = "2026-12-08T09:10:00+01:00"  # Gemeente Voorbeeld is open
TUESDAY_NIGHT = "2026-12-08T03:30:00+01:00"  # closed: a request for a person becomes a callback ticket
PERSON_INTENT_TITLE = "Vraagt om een medewerker (mens)"


@pytest.fixture(scope="module")
def stack(local_stack: LocalStack) -> Iterator[LocalStack]:
    yield local_stack


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    return call_json(stack.url + path, method, body, token)


def kcc(stack: LocalStack) -> str:
    return call(stack, "POST", "/dev/token", {"tenant": "voorbeeld", "teams": "*", "roles": ["kcc"]})[1]["token"]


def turn(stack: LocalStack, message: str, conversation: str | None = None, payload: str | None = None) -> dict[str, Any]:
    body = {"tenant": "voorbeeld", "message": message, **({"conversationId": conversation} if conversation else {}),
            **({"payload": payload} if payload else {})}
    status, reply = call(stack, "POST", "/v1/chat", body)
    assert status == 200, reply
    return reply


def test_a_crisis_handover_is_not_named_after_the_request_for_a_person(stack: LocalStack,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", TUESDAY_MORNING)
    first = turn(stack, "Ik zie het niet meer zitten, ik wil er een eind aan maken")
    urgent = next(button["payload"] for message in first["messages"] for button in message["buttons"]
                  if button["payload"].startswith("handover:urgent"))
    conversation = first["conversationId"]
    assert turn(stack, "Ja, een medewerker", conversation, payload=urgent)["handover"]["status"] == "live"
    token = kcc(stack)
    waiting = call(stack, "GET", "/v1/staff/handovers?status=waiting", token=token)[1]["handovers"]
    [item] = [item for item in waiting if item["conversationId"] == conversation]
    assert item["urgent"] and item["crisis"] == "suicide"
    assert item["topicTitle"] is None and item["intent"] is None, item  # the dashboard: "Onbekend onderwerp"
    view = call(stack, "GET", f"/v1/staff/conversations/{conversation}", token=token)[1]
    assert view["topicTitle"] is None, view["topicTitle"]


def test_a_callback_summary_and_the_bots_list_name_topics_only(stack: LocalStack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", TUESDAY_NIGHT)
    asked = turn(stack, "Ik wil graag een medewerker spreken over mijn paspoort")
    conversation = asked["conversationId"]
    turn(stack, "Ja, graag", conversation, payload="handover:yes")
    assert turn(stack, "06-12345678", conversation)["handover"]["status"] == "queued"
    token = kcc(stack)

    def ticket() -> dict[str, Any] | None:
        tickets = call(stack, "GET", "/v1/staff/tickets?status=open", token=token)[1]["tickets"]
        return next((item for item in tickets if item["conversationId"] == conversation), None)

    found = wait_for(ticket, timeout=20, interval=0.2)
    assert found["topicTitle"] == "Paspoort aanvragen of verlengen", found
    assert PERSON_INTENT_TITLE not in found["summary"], found["summary"]
    assert found["summary"].splitlines()[0] == "Onderwerp: Paspoort aanvragen of verlengen", found["summary"]
    status, claimed = call(stack, "POST", f"/v1/staff/tickets/{found['id']}/claim", token=token)
    assert status == 200 and claimed["ticket"]["topicTitle"] == "Paspoort aanvragen of verlengen", claimed

    monkeypatch.setenv("BALIE_NOW", TUESDAY_MORNING)
    greeted = turn(stack, "Goedemorgen")["conversationId"]
    listed = call(stack, "GET", "/v1/staff/conversations?status=bot", token=token)[1]["conversations"]
    [item] = [item for item in listed if item["conversationId"] == greeted]
    assert item["topicTitle"] is None, item  # the dashboard: "Nog geen onderwerp" (was "Begroeting")


def test_staff_are_refused_in_dutch(stack: LocalStack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard shows the API's message as it is: it was English ("Another member of staff owns
    this conversation.", "Claim the conversation before you reply.", "This needs the role 'kcc'.")."""
    monkeypatch.setenv("BALIE_NOW", TUESDAY_MORNING)
    conversation = turn(stack, "Ik wil een medewerker spreken over mijn rijbewijs")["conversationId"]
    first, second = kcc(stack), kcc(stack)
    editor = call(stack, "POST", "/dev/token", {"tenant": "voorbeeld", "teams": "*", "roles": ["editor"]})[1]["token"]
    refusals = [
        call(stack, "POST", f"/v1/staff/conversations/{conversation}/reply", {"text": "Goedemorgen"}, token=first),
        call(stack, "POST", f"/v1/staff/conversations/{conversation}/claim", token=first) and
        call(stack, "POST", f"/v1/staff/conversations/{conversation}/claim", token=second),
        call(stack, "POST", f"/v1/staff/conversations/{conversation}/reply", {"text": "Goedemorgen"}, token=second),
        call(stack, "GET", "/v1/staff/tickets?status=open", token=editor),
        call(stack, "POST", "/v1/staff/tickets/0123456789abcdef0123456789abcdef/claim", token=first),
    ]
    shown = [(status, body["error"]["message"]) for status, body in refusals]
    assert [status for status, _ in shown] == [409, 409, 409, 403, 404], shown
    assert shown[0][1] == "Neem het gesprek eerst over. Dan kunt u antwoorden.", shown
    assert shown[1][1].startswith("Een collega heeft dit gesprek al") and shown[2][1].startswith("Een collega"), shown
    assert shown[3][1] == "Hiervoor heeft u de rol medewerker (kcc) nodig.", shown
    english = ("member of staff", "conversation", "ticket", "must", "needs", "claim", "does not")
    assert not [message for _, message in shown if any(word in message.lower() for word in english)], shown

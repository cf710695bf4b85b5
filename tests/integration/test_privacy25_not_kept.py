""""Ik heb dat deel van uw bericht niet bewaard", end to end on the local stack (session 25).

A resident types a BSN, an IBAN, a passport number and a medical detail into the chat on the web widget (then asks
for a callback on a Saturday evening: a ticket), during a live chat with a member of staff, on WhatsApp and on
Messenger. Each conversation is told once, in its language, that it need not be shared and was not kept; then none
of those values may be found in DynamoDB, on a queue, in a log line, in the staff API (conversations, handovers,
tickets), in the reports (JSON and CSV), in the ticket's e-mail to the team or in what the Graph API stand-in was sent.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from balie_local import messenger_cmd, whatsapp_cmd
from balie_local.dev_mail import sent_mail
from balie_local.stack import LocalStack
from channels.meta import sign
from http_support import json_headers, send, wait_for
from stack_support import everything_stored, found, logged

ORIGIN = "https://www.alpha.example"
SATURDAY_EVENING = "2026-11-28T21:30:00+01:00"
MONDAY_MORNING = "2026-11-30T10:00:00+01:00"
# Own fictional values (each passes its checksum; none is in the knowledge base).
WEB_BSN, LIVE_BSN, WHATSAPP_BSN = "271828109", "271828122", "314159204"
IBAN = "NL91 ABNA 0417 1643 00"
PASSPORT, MESSENGER_PASSPORT = "NW1K2LP93", "XR4T7QK85"
CONDITION = "fibromyalgie"
SECRETS = [WEB_BSN, LIVE_BSN, WHATSAPP_BSN, IBAN, PASSPORT, MESSENGER_PASSPORT, CONDITION]
NOTICE_NL, NOTICE_EN = "U hoeft in deze chat geen", "There is no need to give"


@pytest.fixture(scope="module")
def stack(engine_kb_stack_with_pollers: LocalStack) -> LocalStack:
    return engine_kb_stack_with_pollers


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    answer = send(stack.url + path, method, body, json_headers(token=token, origin=ORIGIN))
    return answer.status, answer.json()


def say(stack: LocalStack, text: str, conversation_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"tenant": "alpha", "message": text, **({"conversationId": conversation_id}
                                                                   if conversation_id else {})}
    status, reply = call(stack, "POST", "/v1/chat", body)
    assert status == 200, reply
    return reply


def notices(reply: dict[str, Any], start: str = NOTICE_NL) -> int:
    return sum(message["text"].startswith(start) for message in reply["messages"])


def sent_with(outbox: list[dict[str, Any]], start: int, words: str) -> str:
    """What was sent since `start`, once it holds `words` (the worker's poller may still be sending)."""
    def sent() -> str | None:
        text = json.dumps(outbox[start:], ensure_ascii=False)
        return text if words in text else None

    return wait_for(sent)


def test_what_the_notice_says_was_not_kept_is_nowhere(stack: LocalStack, monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture, capfd) -> None:
    caplog.set_level("INFO")
    token = stack.auth.tokens["alpha"]

    # The web widget on a Saturday evening: told once, then a callback request (a ticket for Monday).
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    first = say(stack, f"mijn bsn is {WEB_BSN}, hoe verleng ik mijn paspoort?")
    web = first["conversationId"]
    assert notices(first) == 1 and first["intent"] == "paspoort"
    second = say(stack, f"ik heb {CONDITION}, mijn IBAN is {IBAN} en mijn paspoortnummer is {PASSPORT}", web)
    assert notices(second) == 0  # once a conversation
    say(stack, "ik wil een medewerker spreken", web)
    say(stack, "ja", web)
    assert say(stack, "bel mij op 06 12345678", web)["handover"]["status"] == "queued"
    ticket = wait_for(lambda: next((t for t in call(stack, "GET", "/v1/staff/tickets?status=open", token=token)[1]
                                    ["tickets"] if t["conversationId"] == web), None))

    # A live chat on Monday morning: the member of staff asked, the resident typed it; the bot tells them.
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    live = say(stack, "ik wil een medewerker spreken")["conversationId"]
    assert call(stack, "POST", f"/v1/staff/conversations/{live}/claim", token=token)[0] == 200
    typed = say(stack, f"{LIVE_BSN} is mijn bsn", live)
    assert [message["text"][: len(NOTICE_NL)] for message in typed["messages"]] == [NOTICE_NL]

    # WhatsApp and Messenger: the notice reaches the resident through the Graph API stand-in.
    secret = stack.channel_secrets()["whatsapp_app_secret"]
    sent_before = len(stack.graph.outbox)
    raw = json.dumps(whatsapp_cmd.webhook_body(f"mijn burgerservicenummer is {WHATSAPP_BSN}, klopt mijn adres?",
                                               "31611122233", "111",
                                               timestamp=int(datetime.fromisoformat(MONDAY_MORNING).timestamp()))).encode()
    assert send(f"{stack.url}/v1/whatsapp/webhook", "POST", raw,
                {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)}).status == 200
    stack.drain("WhatsAppWorkerFunction")  # or its poller did
    whatsapp_sent = sent_with(stack.graph.outbox, sent_before, NOTICE_NL)

    secret = stack.channel_secrets()["messenger_app_secret"]
    sent_before = len(stack.graph.messenger.outbox)
    raw = json.dumps(messenger_cmd.webhook_body(
        f"my passport number is {MESSENGER_PASSPORT}, how do I renew my passport?", "7001", "333",
        timestamp_ms=int(datetime.fromisoformat(MONDAY_MORNING).timestamp() * 1000))).encode()
    assert send(f"{stack.url}/v1/messenger/webhook", "POST", raw,
                {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)}).status == 200
    stack.drain("MessengerWorkerFunction")
    messenger_sent = sent_with(stack.graph.messenger.outbox, sent_before, NOTICE_EN)

    # Where the values could have gone.
    views = [call(stack, "GET", f"/v1/staff/conversations/{conversation}", token=token)[1]
             for conversation in (web, live)]
    assert views[0]["transcript"] and views[1]["transcript"]
    listed = [call(stack, "GET", f"/v1/staff/handovers?status={status}", token=token)[1] for status in ("live", "waiting")]
    bots = call(stack, "GET", "/v1/staff/bot-conversations", token=token)
    report = send(f"{stack.url}/v1/staff/reports?from=2026-11-28&to=2026-11-30", "GET", None, json_headers(token=token))
    csv = send(f"{stack.url}/v1/staff/reports?from=2026-11-28&to=2026-11-30&format=csv", "GET", None,
               json_headers(token=token))
    assert report.status == 200 and csv.status == 200
    assert sent_mail(), "the ticket's team was mailed"
    places = {
        "DynamoDB and SQS": everything_stored(stack), "logs": logged(caplog, capfd),
        "staff views": json.dumps(views, ensure_ascii=False), "handover lists": json.dumps(listed, ensure_ascii=False),
        "bot conversations": json.dumps(bots, ensure_ascii=False), "ticket": json.dumps(ticket, ensure_ascii=False),
        "report": report.body.decode(), "CSV": csv.body.decode(),
        "sent on WhatsApp": whatsapp_sent, "sent on Messenger": messenger_sent,
        "e-mail to the team": json.dumps(sent_mail(), ensure_ascii=False),
    }
    leaks = [(value, where) for value in SECRETS for where, text in places.items() if found(value, text)]
    assert leaks == []
    # What staff read instead: the placeholders, so they know something was said and left out.
    assert "[BSN]" in json.dumps(views) and "[MEDISCH]" in json.dumps(views) and "[IBAN]" in ticket["summary"] + \
        json.dumps(views)

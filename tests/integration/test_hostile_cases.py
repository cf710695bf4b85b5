"""The hostile-input suite: named cases over real HTTP (the local stack's front -> handlers
-> moto), on every kind of route and on the WhatsApp intake. Each case is something a
script, a broken client or an attacker sends; every answer is a normal reply or a JSON
error with a 4xx status: never a 5xx, and a bad WhatsApp message never costs the good
messages of the same delivery. test_hostile_input.py adds random bodies (hypothesis).

The cases of issue 19 are here by name: a body nested past the decoder's recursion
limit and a 5,000-digit integer on /v1/chat and the staff routes, with an allowed Origin
(the CORS step once crashed outside the error handling); a lone surrogate in a signed
WhatsApp delivery; NUL and C1 controls in a button title; a right-to-left override; a
signed message 30 days old; a replayed clientMessageId with another text."""
from __future__ import annotations

import base64
import http.client
import json
from datetime import datetime, timedelta
from typing import Any

import pytest

from balie_local.events import sqs_record_from_message
from balie_local.stack import LocalStack
from channels.meta import sign

ORIGIN = "https://www.alpha.example"
ALPHA_NUMBER = "111"
NOW = datetime.fromisoformat("2026-11-30T10:00:00+01:00")
DEEP = 5000


@pytest.fixture(scope="module")
def stack(engine_kb_stack: LocalStack) -> LocalStack:
    return engine_kb_stack


def raw(stack: LocalStack, method: str, path: str, body: bytes | None = None,
        headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(stack.host, stack.port, timeout=600)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def well_formed(status: int, headers: dict[str, str], payload: bytes) -> Any:
    assert status < 500, payload[:300]
    if status >= 400 and payload:
        assert headers.get("content-type", "").startswith("application/json"), headers
        document = json.loads(payload)
        assert set(document) == {"error"} or set(document) == {"message"}, document  # ours, or API Gateway's
        return document
    return json.loads(payload) if payload and headers.get("content-type", "").startswith("application/json") else None


# ------------------------------------------------------------------------- chat API bodies

def chat_body(message: Any = "paspoort", **fields: Any) -> bytes:
    return json.dumps({"tenant": "alpha", "message": message, **fields}, ensure_ascii=True).encode()


CHAT_CASES: dict[str, tuple[bytes, str, set[int]]] = {
    # name: (body, content type, acceptable statuses)
    "deep array": (b"[" * DEEP + b"]" * DEEP, "application/json", {400}),
    "deep object": (b'{"a":' * 3000 + b"1" + b"}" * 3000, "application/json", {400, 413}),
    "deep value in a field": (b'{"tenant":"alpha","message":"x","payload":' + b"[" * DEEP + b"]" * DEEP + b"}",
                              "application/json", {400}),
    "5000-digit integer": (b'{"tenant":"alpha","message":' + b"9" * 5000 + b"}", "application/json", {400}),
    "5000-digit integer elsewhere": (b'{"tenant":"alpha","message":"x","n":' + b"1" * 5000 + b"}",
                                     "application/json", {400}),
    "huge float": (b'{"tenant":"alpha","message":1e999}', "application/json", {400}),
    "NaN": (b'{"tenant":"alpha","message":NaN}', "application/json", {400}),
    "Infinity": (b'{"tenant":"alpha","message":"x","confidence":Infinity}', "application/json", {400}),
    "lone surrogate message": (chat_body("\ud800"), "application/json", {400}),
    "lone low surrogate": (chat_body("paspoort \udfff"), "application/json", {400}),
    "NUL": (chat_body("\x00paspoort"), "application/json", {400}),
    "C1 control": (chat_body("paspoort\x85"), "application/json", {400}),
    "escape sequence": (chat_body("\x1b[31mpaspoort"), "application/json", {400}),
    "right-to-left override": (chat_body("\u202epaspoort"), "application/json", {400}),
    "bidi isolate": (chat_body("\u2067paspoort\u2069"), "application/json", {400}),
    "noncharacter": (chat_body("paspoort\uffff"), "application/json", {400}),
    "zero-width inside": (chat_body("pas\u200bpoort"), "application/json", {200}),
    # a message that shows nothing is empty, like one of spaces (it once opened a conversation)
    "only zero-width spaces": (chat_body("\u200b\u200b"), "application/json", {400}),
    "only a BOM and a word joiner": (chat_body("\ufeff\u2060"), "application/json", {400}),
    "only a soft hyphen": (chat_body("\u00ad"), "application/json", {400}),
    "only a Hangul filler": (chat_body("\u3164"), "application/json", {400}),
    "emoji family": (chat_body("\U0001f468\u200d\U0001f469\u200d\U0001f467 paspoort"), "application/json", {200}),
    "Arabic": (chat_body("\u0643\u064a\u0641 \u0623\u062c\u062f\u062f \u062c\u0648\u0627\u0632"), "application/json",
               {200}),
    "1001 characters": (chat_body("a" * 1001), "application/json", {400}),
    "body over 16 KB": (chat_body("a" * 17_000), "application/json", {413}),
    "empty body": (b"", "application/json", {400}),
    "not JSON": (b"{broken", "application/json", {400}),
    "JSON array": (b"[1, 2, 3]", "application/json", {400}),
    "JSON string": (b'"paspoort"', "application/json", {400}),
    "null": (b"null", "application/json", {400}),
    "invalid UTF-8": (b'{"tenant":"alpha","message":"\xff\xfe"}', "application/json", {400}),
    "UTF-16": ('{"tenant":"alpha","message":"hoi"}'.encode("utf-16"), "application/json", {400}),
    "BOM": (b'\xef\xbb\xbf{"tenant":"alpha","message":"hoi"}', "application/json", {400}),
    "text/plain": (chat_body(), "text/plain", {415}),
    "form encoded": (b"tenant=alpha&message=paspoort", "application/x-www-form-urlencoded", {415}),
    "message is a number": (chat_body(12), "application/json", {400}),
    "message is an object": (chat_body({"text": "paspoort"}), "application/json", {400}),
    "tenant is a list": (json.dumps({"tenant": ["alpha"], "message": "x"}).encode(), "application/json", {400}),
    "tenant with slash": (json.dumps({"tenant": "../alpha", "message": "x"}).encode(), "application/json", {400}),
    "unknown tenant": (json.dumps({"tenant": "nergens", "message": "x"}).encode(), "application/json", {404, 403}),
    "forged conversation id": (chat_body(conversationId="alpha." + "0" * 32), "application/json", {404}),
    "conversation id of another shape": (chat_body(conversationId="../../etc/passwd"), "application/json", {400}),
    "clientMessageId with a newline": (chat_body(clientMessageId="a\nb"), "application/json", {400}),
    "payload that is no payload": (chat_body(payload="intent:../../x"), "application/json", {400}),
    "locale unknown": (chat_body(locale="xx"), "application/json", {400}),
    "duplicate keys": (b'{"tenant":"alpha","message":"x","message":"paspoort"}', "application/json", {200}),
}


@pytest.mark.parametrize("name", sorted(CHAT_CASES))
def test_hostile_chat_bodies_get_a_clear_answer(stack: LocalStack, name: str) -> None:
    body, content_type, expected = CHAT_CASES[name]
    status, headers, payload = raw(stack, "POST", "/v1/chat", body, {"content-type": content_type, "origin": ORIGIN})
    well_formed(status, headers, payload)
    assert status in expected, (status, payload[:200])


def test_base64_bodies_and_a_lying_content_length(stack: LocalStack) -> None:
    status, headers, payload = raw(stack, "POST", "/v1/chat", b"{}", {"content-type": "application/json",
                                                                        "content-length": "-1"})
    assert status == 400
    encoded = base64.b64encode(chat_body())
    status, headers, payload = raw(stack, "POST", "/v1/chat", encoded, {"content-type": "application/json"})
    assert status == 400  # a JSON client does not send base64; the front does not decode it


# ------------------------------------------------------------------------- staff API

STAFF_BODIES = {
    "deep": b"[" * DEEP + b"]" * DEEP,
    "big integer": b'{"text":' + b"7" * 5000 + b"}",
    "lone surrogate": json.dumps({"text": "\ud800"}).encode(),
    "right-to-left override": json.dumps({"text": "\u202eIk help u"}).encode(),
    "NUL": json.dumps({"text": "hallo\x00"}).encode(),
    "outcome too long": json.dumps({"outcome": "r" * 5000}).encode(),
}


@pytest.mark.parametrize("path", ["/v1/staff/conversations/{id}/reply", "/v1/staff/tickets/" + "0" * 32 + "/done",
                                  "/v1/staff/tickets/" + "0" * 32 + "/reply"])
@pytest.mark.parametrize("name", sorted(STAFF_BODIES))
def test_hostile_staff_bodies_get_a_4xx(stack: LocalStack, path: str, name: str) -> None:
    status, _, reply = raw(stack, "POST", "/v1/chat", chat_body("ik wil een medewerker"),
                           {"content-type": "application/json"})
    conversation_id = json.loads(reply)["conversationId"]
    headers = {"content-type": "application/json", "origin": ORIGIN,
               "authorization": f"Bearer {stack.auth.tokens['alpha']}"}
    status, response_headers, payload = raw(stack, "POST", path.replace("{id}", conversation_id),
                                            STAFF_BODIES[name], headers)
    well_formed(status, response_headers, payload)
    assert 400 <= status < 500, (status, payload[:200])


# ------------------------------------------------------------------------- paths and queries

PATHS = {
    "id with a NUL": "/v1/chat/alpha.%00/messages",
    "id with a lone surrogate": "/v1/chat/%ED%A0%80/messages",
    "id with a right-to-left override": "/v1/chat/%E2%80%AEalpha/messages",
    "cursor not a number": "/v1/chat/alpha." + "0" * 32 + "/messages?after=abc",
    "cursor huge": "/v1/chat/alpha." + "0" * 32 + "/messages?after=" + "9" * 5000,
    "tenant query with controls": "/v1/chat/alpha." + "0" * 32 + "/messages?tenant=%1b%5b31m",
    "double-encoded traversal": "/v1/chat/..%252f..%252f/messages",
    "very long id": "/v1/chat/" + "a" * 5000 + "/messages",
    "reports with broken dates": "/v1/staff/reports?from=2026-13-45&to=" + "9" * 100,
    "reports format unknown": "/v1/staff/reports?format=%00",
    "handovers status with bidi": "/v1/staff/handovers?status=%E2%80%AEwaiting",
}


@pytest.mark.parametrize("name", sorted(PATHS))
def test_hostile_paths_and_queries_get_a_4xx(stack: LocalStack, name: str) -> None:
    headers = {"origin": ORIGIN, "authorization": f"Bearer {stack.auth.tokens['alpha']}"}
    status, response_headers, payload = raw(stack, "GET", PATHS[name], None, headers)
    well_formed(status, response_headers, payload)
    assert 400 <= status < 500, (status, payload[:200])


# ------------------------------------------------------------------------- the WhatsApp intake

def delivery(*messages: dict[str, Any]) -> dict[str, Any]:
    value = {"messaging_product": "whatsapp", "metadata": {"display_phone_number": "31201234567",
                                                           "phone_number_id": ALPHA_NUMBER},
             "contacts": [{"profile": {"name": "Inwoner"}, "wa_id": "31611111111"}], "messages": list(messages)}
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
                                                                                        "value": value}]}]}


def message(wamid: str, *, sender: str = "31611111111", at: datetime = NOW, **content: Any) -> dict[str, Any]:
    return {"from": sender, "id": wamid, "timestamp": str(int(at.timestamp())),
            **(content or {"type": "text", "text": {"body": "paspoort verlengen"}})}


def button(title: str) -> dict[str, Any]:
    return {"type": "interactive", "interactive": {"type": "button_reply",
                                                   "button_reply": {"id": "feedback:yes", "title": title}}}


WHATSAPP_CASES: dict[str, dict[str, Any]] = {
    "lone surrogate in the text": {"type": "text", "text": {"body": "paspoort \ud800"}},
    "lone surrogate in the sender's name": {"type": "text", "text": {"body": "hoi"}},
    "NUL and C1 in a button title": button("Ja\x00\x85\x9b"),
    "right-to-left override in a button title": button("\u202eaJ"),
    "right-to-left override in the text": {"type": "text", "text": {"body": "\u202epaspoort verlengen"}},
    "text is a number": {"type": "text", "text": {"body": 12345}},
    "text is missing": {"type": "text"},
    "interactive without a choice": {"type": "interactive", "interactive": {"type": "button_reply"}},
    "location with strings for numbers": {"type": "location", "location": {"latitude": "x", "longitude": [1]}},
    "unknown type": {"type": "\u202ehologram", "hologram": {}},
    "5000 characters": {"type": "text", "text": {"body": "vraag " * 833}},
    "nested deep inside": {"type": "text", "text": {"body": "hoi", "extra": [[[[[[[[]]]]]]]]}},
}


def signed_post(stack: LocalStack, body: dict[str, Any] | bytes) -> tuple[int, Any]:
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=True).encode()
    secret = stack.channel_secrets()["whatsapp_app_secret"]
    status, headers, payload = raw(stack, "POST", "/v1/whatsapp/webhook", data,
                                   {"content-type": "application/json", "x-hub-signature-256": sign(data, secret)})
    return status, well_formed(status, headers, payload)


@pytest.mark.parametrize("name", sorted(WHATSAPP_CASES))
def test_a_hostile_whatsapp_message_never_costs_the_good_one_beside_it(stack: LocalStack, name: str) -> None:
    suffix = f"{abs(hash(name)) % 10**8:08d}"
    bad = message(f"wamid.BAD{suffix}", **WHATSAPP_CASES[name])
    good = message(f"wamid.GOOD{suffix}", sender="3161" + suffix)
    body = delivery(bad, good)
    if name == "lone surrogate in the sender's name":
        body["entry"][0]["changes"][0]["value"]["contacts"][0]["profile"]["name"] = "\udc00"
    status, result = signed_post(stack, body)
    assert status == 200 and result["queued"] >= 1, result
    before = len(stack.graph.outbox)
    stack.drain("WhatsAppWorkerFunction")
    answered = {sent["payload"].get("to") for sent in stack.graph.outbox[before:]}
    assert "3161" + suffix in answered  # the good message was answered


def test_a_signed_message_30_days_old_is_dropped(stack: LocalStack) -> None:
    status, result = signed_post(stack, delivery(message("wamid.OLD30", at=NOW - timedelta(days=30))))
    assert status == 200 and result["queued"] == 0 and result["ignored"] == 1


def test_an_unsigned_or_wrongly_signed_hostile_body_is_refused(stack: LocalStack) -> None:
    body = json.dumps(delivery(message("wamid.FORGED"))).encode()
    status, headers, payload = raw(stack, "POST", "/v1/whatsapp/webhook", body, {"content-type": "application/json"})
    assert status == 401
    status, headers, payload = raw(stack, "POST", "/v1/whatsapp/webhook", b"[" * DEEP,
                                   {"content-type": "application/json", "x-hub-signature-256": "sha256=00"})
    assert status == 401


def test_signed_but_undecodable_deliveries_are_a_4xx(stack: LocalStack) -> None:
    for data in (b"[" * DEEP + b"]" * DEEP, b'{"object":' + b"9" * 5000 + b"}", b"\xff\xfe", b"{broken"):
        status, _ = signed_post(stack, data)
        assert status == 400, data[:20]


def test_a_delivery_of_many_messages_is_queued_in_parts_and_each_message_once(stack: LocalStack) -> None:
    """Two hundred messages in one body: the webhook queues two parts (not 200 messages; a thousand
    would cost it 110 requests, more than Meta waits for on a busy queue), the worker takes each
    part in, and a repeat of the body queues no message twice (the queue drops a copy by its
    deduplication id; a later copy is the worker's: tests/integration/test_whatsapp_flow.py)."""
    sqs = stack.client("sqs")
    url = stack.deployment.queues["WhatsAppInboundQueue"]

    def waiting() -> int:
        return int(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
                   ["Attributes"]["ApproximateNumberOfMessages"])

    def take_in_parts() -> int:
        messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, MessageAttributeNames=["All"],
                                       MessageSystemAttributeNames=["All"]).get("Messages", [])
        assert all(m["MessageAttributes"]["kind"]["StringValue"] == "delivery-part" for m in messages)
        records = [sqs_record_from_message(m, event_source_arn=stack.deployment.queue_arns["WhatsAppInboundQueue"])
                   for m in messages]
        assert stack.invoke("WhatsAppWorkerFunction", {"Records": records}) == {"batchItemFailures": []}
        for m in messages:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        return len(messages)

    messages = [message(f"wamid.BULK{n:05d}", sender=f"3162{n:07d}") for n in range(200)]
    status, result = signed_post(stack, delivery(*messages))
    assert status == 200 and result["queued"] == 200, result
    status, again = signed_post(stack, delivery(*messages))  # Meta's retry
    assert status == 200 and again["queued"] == 200
    assert waiting() == 2 and take_in_parts() == 2 and waiting() == 200  # each message on its own, once
    sqs.purge_queue(QueueUrl=url)


def test_a_replayed_client_message_id_with_other_text_is_a_409(stack: LocalStack) -> None:
    headers = {"content-type": "application/json", "origin": ORIGIN}
    first = raw(stack, "POST", "/v1/chat", chat_body("paspoort", clientMessageId="7e0b6c1a-2d4f-4c8e-9a3b-5f1d2e7c9b10"),
                headers)
    other = raw(stack, "POST", "/v1/chat", chat_body("rijbewijs", clientMessageId="7e0b6c1a-2d4f-4c8e-9a3b-5f1d2e7c9b10"),
                headers)
    assert first[0] == 200 and other[0] == 409 and json.loads(other[2])["error"]["code"] == "client_message_id_reused"


# ------------------------------------------------------------------------- round of session 14

def error_code(response: tuple[int, dict[str, str], bytes]) -> tuple[int, str]:
    status, headers, payload = response
    document = well_formed(status, headers, payload)
    return status, (document or {}).get("error", {}).get("code", "")


def test_a_cursor_in_other_digits_is_a_400(stack: LocalStack) -> None:
    status, _, reply = raw(stack, "POST", "/v1/chat", chat_body(), {"content-type": "application/json"})
    conversation_id = json.loads(reply)["conversationId"]
    for after in ("%EF%BC%91%EF%BC%92", "%C2%B2", "%D9%A1"):  # full-width 12, superscript 2, Arabic-Indic 1
        assert error_code(raw(stack, "GET", f"/v1/chat/{conversation_id}/messages?after={after}")) == (400, "invalid_input")


@pytest.mark.parametrize("version", ["1", True, 1.0, [1]])
def test_a_version_of_another_json_type_is_no_version(stack: LocalStack, version: Any) -> None:
    """pydantic's lax mode took "1" and true as version 1 and rolled the knowledge base back."""
    headers = {"content-type": "application/json", "authorization": f"Bearer {stack.auth.tokens['alpha']}"}
    _, _, before = raw(stack, "GET", "/v1/staff/kb/versions", None, headers)
    response = raw(stack, "POST", "/v1/staff/kb/rollback", json.dumps({"version": version}).encode(), headers)
    assert error_code(response) == (400, "invalid_input")
    assert raw(stack, "GET", "/v1/staff/kb/versions", None, headers)[2] == before


def test_an_enabled_flag_must_be_a_boolean(stack: LocalStack) -> None:
    headers = {"content-type": "application/json", "authorization": f"Bearer {stack.auth.tokens['alpha']}"}
    for enabled in ("false", 0, "no"):
        body = json.dumps({"enabled": enabled}).encode()
        assert error_code(raw(stack, "PUT", "/v1/staff/kb/intents/paspoort", body, headers)) == (400, "invalid_input")


def test_a_report_table_that_does_not_exist_is_a_400_in_every_format(stack: LocalStack) -> None:
    headers = {"authorization": f"Bearer {stack.auth.tokens['alpha']}"}
    for output in ("json", "csv", "xlsx"):
        path = f"/v1/staff/reports?from=2026-11-01&to=2026-11-30&format={output}&table=..%2Fdays"
        assert error_code(raw(stack, "GET", path, None, headers)) == (400, "invalid_input")


def test_an_e_mail_address_spelled_out_is_redacted_everywhere_it_is_shown(stack: LocalStack) -> None:
    status, _, reply = raw(stack, "POST", "/v1/chat", chat_body("mail me op j.jansen [at] voorbeeldmail [dot] nl"),
                           {"content-type": "application/json"})
    conversation_id = json.loads(reply)["conversationId"]
    transcript = raw(stack, "GET", f"/v1/chat/{conversation_id}/messages?after=0")[2].decode()
    staff_view = raw(stack, "GET", f"/v1/staff/conversations/{conversation_id}", None,
                     {"authorization": f"Bearer {stack.auth.tokens['alpha']}"})[2].decode()
    for shown in (transcript, staff_view):
        assert "[EMAIL]" in shown and "jansen" not in shown and "voorbeeldmail" not in shown

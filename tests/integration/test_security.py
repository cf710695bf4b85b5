"""Security and privacy over real HTTP (local stack: front -> handlers -> moto).

- tenant isolation on every resident and staff route; the staff API refuses a missing
  or wrong token (401) and another tenant's staff finds nothing (404);
- conversation ids are 128 random bits and a guessed id is a 404;
- personal data (BSN, IBAN, e-mail, phone) typed in the chat never reaches a DynamoDB
  item, an SQS body, a team's e-mail or a log line; the contact a resident gives for a
  callback reaches only the ticket and the conversation's `contact` field;
- the right to erasure: DELETE /v1/chat/{id} and DELETE /v1/staff/conversations/{id}
  remove the conversation, its unanswered questions, its handover index entry, its
  WhatsApp contact and its tickets; nothing keyed by the conversation is left in the table.

Covered elsewhere, not repeated here: forged and replayed WhatsApp deliveries
(test_whatsapp_flow.py, test_whatsapp_channel.py), more than 30 turns a minute -> 429
and the handler's per-tenant CORS decision (test_chat_api.py).
"""
from __future__ import annotations

import json
import re
import zlib
import secrets
from typing import Any

import pytest

from balie_local.dev_mail import sent_mail
from balie_local.openapi import OPENAPI_PATH
from http_support import json_headers, send
from balie_local.stack import LocalStack
from core.ids import new_conversation_id

ALPHA_ORIGIN = "https://www.alpha.example"
SATURDAY_EVENING = "2026-11-28T21:30:00+01:00"  # alpha is closed: handovers become tickets
WEB_ID = re.compile(r"^alpha\.[0-9a-f]{32}$")

# Personal data a resident might type; each must be redacted before it is stored or logged.
CORPUS = {
    "bsn": ("123456782", "mijn bsn is 123456782, klopt mijn adres nog?"),
    "bsn dotted": ("1234.56.782", "BSN 1234.56.782 graag controleren"),
    "iban": ("NL91ABNA0417164300", "kunt u terugstorten op NL91ABNA0417164300?"),
    "iban spaced": ("NL91 ABNA 0417 1643 00", "rekening NL91 ABNA 0417 1643 00 is van mij"),
    "email": ("jan.jansen@example.nl", "mail mij op jan.jansen@example.nl over de boete"),
    "mobile": ("0612345678", "bel me terug op 0612345678 aub"),
    "mobile spaced": ("06 12 34 56 78", "mijn nummer is 06 12 34 56 78"),
    "international": ("+31 20 123 4567", "u kunt mij bereiken op +31 20 123 4567"),
}
CALLBACK_CONTACT = "0687654321"  # given on purpose for the callback: belongs in the ticket only


@pytest.fixture(scope="module")
def stack(engine_kb_stack: LocalStack) -> LocalStack:
    return engine_kb_stack


def call(stack: LocalStack, method: str, path: str, body: Any = None, *, token: str | None = None,
         origin: str | None = ALPHA_ORIGIN) -> tuple[int, dict[str, str], Any]:
    headers = json_headers(origin=origin)
    if token is not None:  # an empty token is a case of its own (a header without a token)
        headers["authorization"] = f"Bearer {token}"
    answer = send(stack.url + path, method, body, headers)
    return answer.status, answer.header_map(), answer.json()


def chat(stack: LocalStack, message: str, conversation_id: str | None = None, tenant: str = "alpha") -> dict[str, Any]:
    body: dict[str, Any] = {"tenant": tenant, "message": message}
    if conversation_id:
        body["conversationId"] = conversation_id
    status, _, reply = call(stack, "POST", "/v1/chat", body)
    assert status == 200, reply
    return reply


def table_items(stack: LocalStack) -> list[dict[str, Any]]:
    # A test may read the whole (small) test table; application code only uses key queries.
    assert stack.deployment is not None
    dynamodb = stack.client("dynamodb")
    items: list[dict[str, Any]] = []
    for table in stack.deployment.tables.values():
        arguments: dict[str, Any] = {"TableName": table}
        while True:
            page = dynamodb.scan(**arguments)
            # Conversation and tenant documents are stored compressed: decode them, so the
            # personal data checks read what is really stored (other binary values as hex).
            items.extend({**item, **{name: readable_binary(value) for name, value in item.items() if "B" in value}}
                         for item in page["Items"])
            if "LastEvaluatedKey" not in page:
                break
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    return items


def readable_binary(value: dict[str, Any]) -> dict[str, str]:
    data = bytes(value["B"])
    try:
        return {"S": zlib.decompress(data).decode("utf-8")}
    except zlib.error:
        return {"S": data.hex()}


def queue_bodies(stack: LocalStack) -> list[str]:
    """Every message body on every queue, left in place (visibility timeout 0)."""
    assert stack.deployment is not None
    sqs = stack.client("sqs")
    bodies: list[str] = []
    for url in stack.deployment.queues.values():
        seen: set[str] = set()
        for _ in range(5):
            answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0,
                                         WaitTimeSeconds=0)
            fresh = [m for m in answer.get("Messages", []) if m["MessageId"] not in seen]
            if not fresh:
                break
            seen.update(m["MessageId"] for m in fresh)
            bodies.extend(m["Body"] for m in fresh)
    return bodies


def staff_routes() -> list[tuple[str, str]]:
    """(method, path) of every staff operation in the published openapi.json."""
    paths = json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))["paths"]
    return [(method.upper(), path) for path, operations in paths.items() if path.startswith("/v1/staff/")
            for method in operations]


def staff_body(path: str) -> dict[str, Any] | None:
    if path.endswith("/reply"):
        return {"text": "Goedemiddag, ik help u verder."}
    if path.endswith("/done"):
        return {"outcome": "gebeld"}
    if path.endswith("/transfer"):
        return {"team": "burgerzaken", "note": "Graag overnemen"}
    if path.endswith("/notes"):
        return {"text": "Belt terug na twaalven"}
    return None


def ticketed(stack: LocalStack, contact: str = CALLBACK_CONTACT) -> str:
    """A Saturday-evening conversation of alpha that left a callback request, taken in by
    the ticket intake; returns the conversation id."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BALIE_NOW", SATURDAY_EVENING)
        conversation_id = chat(stack, "ik wil een medewerker")["conversationId"]
        chat(stack, "ja", conversation_id)
        assert chat(stack, contact, conversation_id)["handover"]["status"] == "queued"
    stack.drain("TicketIntakeFunction")
    return conversation_id


def ticket_of(stack: LocalStack, conversation_id: str) -> dict[str, Any]:
    listed = call(stack, "GET", "/v1/staff/tickets?status=open", token=stack.auth.tokens["alpha"])[2]["tickets"]
    return next(ticket for ticket in listed if ticket["conversationId"] == conversation_id)


# ---------------------------------------------------------------------------- staff API


def test_every_staff_route_refuses_a_missing_or_wrong_token(stack: LocalStack) -> None:
    conversation_id = chat(stack, "paspoort")["conversationId"]
    alpha_token = stack.auth.tokens["alpha"]
    forged = alpha_token[:-1] + ("A" if alpha_token[-1] != "A" else "B")
    routes = staff_routes()
    assert len(routes) >= 10
    for method, template in [*routes, ("GET", "/v1/admin/tenants"), ("PUT", "/v1/admin/tenants/{slug}")]:
        path = template.replace("{conversationId}", conversation_id).replace("{ticketId}", "0" * 32)
        path = path.replace("{slug}", "alpha")
        for token in (None, "", "not-a-token", forged):
            status, _, body = call(stack, method, path, staff_body(path), token=token)
            assert status == 401, (method, path, token, status, body)
            # The contract's error shape, also where API Gateway's authorizer would have answered itself.
            assert body == {"error": {"code": "unauthorized", "message": body["error"]["message"]}}, body
    assert call(stack, "GET", f"/v1/staff/conversations/{conversation_id}", token=alpha_token)[0] == 200


def test_another_tenants_staff_can_neither_see_nor_change_a_conversation(stack: LocalStack) -> None:
    conversation_id = chat(stack, "ik wil een medewerker")["conversationId"]  # Monday: waiting for alpha's staff
    alpha, beta = stack.auth.tokens["alpha"], stack.auth.tokens["beta"]
    status, _, listed = call(stack, "GET", "/v1/staff/handovers?status=waiting", token=beta)
    assert status == 200 and conversation_id not in json.dumps(listed)
    status, _, listed = call(stack, "GET", "/v1/staff/handovers?status=waiting", token=alpha)
    assert status == 200 and conversation_id in json.dumps(listed)  # the control: it is there for alpha

    for method, template in staff_routes():
        if "{conversationId}" not in template:
            continue
        path = template.replace("{conversationId}", conversation_id)
        status, _, body = call(stack, method, path, staff_body(path), token=beta)
        assert status in (403, 404), (method, path, status, body)
    status, _, seen = call(stack, "GET", f"/v1/staff/conversations/{conversation_id}", token=alpha)
    assert status == 200 and seen["handover"]["status"] == "waiting" and seen["handover"]["claimedBy"] is None
    assert [e["role"] for e in seen["transcript"]].count("staff") == 0


def test_a_ticket_of_one_tenant_is_never_handed_to_another(stack: LocalStack) -> None:
    conversation_id = ticketed(stack)
    ticket = ticket_of(stack, conversation_id)
    beta = stack.auth.tokens["beta"]
    status, _, listed = call(stack, "GET", "/v1/staff/tickets?status=open", token=beta)
    assert status == 200 and conversation_id not in json.dumps(listed)
    for method, template in staff_routes():
        if "{ticketId}" in template:
            path = template.replace("{ticketId}", ticket["id"])
            status, _, body = call(stack, method, path, staff_body(path), token=beta)
            assert status == 404, (method, path, status, body)
    assert ticket_of(stack, conversation_id)["status"] == "open"  # untouched
    assert call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/claim", token=stack.auth.tokens["alpha"])[0] == 200


# ---------------------------------------------------------------------------- resident API


def test_the_resident_routes_are_bound_to_the_conversations_tenant(stack: LocalStack) -> None:
    conversation_id = chat(stack, "paspoort")["conversationId"]
    token = conversation_id.split(".", 1)[1]
    for method, path in (("GET", f"/v1/chat/{conversation_id}/messages?tenant=beta"),
                         ("DELETE", f"/v1/chat/{conversation_id}?tenant=beta"),
                         ("GET", f"/v1/chat/beta.{token}/messages"),
                         ("DELETE", f"/v1/chat/beta.{token}")):
        status, _, body = call(stack, method, path, origin=None)  # no Origin: the store's tenant key alone
        assert status == 404 and body["error"]["code"] == "not_found", (method, path)
        # From alpha's widget page: refused (403) when the id names beta, not found otherwise.
        status, _, body = call(stack, method, path)
        expected = (403, "origin_not_allowed") if f"/beta.{token}" in path else (404, "not_found")
        assert (status, body["error"]["code"]) == expected, (method, path)
    as_beta = {"tenant": "beta", "message": "paspoort", "conversationId": conversation_id}
    assert call(stack, "POST", "/v1/chat", as_beta, origin=None)[0] == 404
    assert call(stack, "POST", "/v1/chat", as_beta)[0] == 403  # alpha's page may not use beta's chat
    status, _, page = call(stack, "GET", f"/v1/chat/{conversation_id}/messages")
    assert status == 200 and [e["text"] for e in page["messages"] if e["role"] == "resident"] == ["paspoort"]


def test_conversation_ids_are_128_random_bits_and_guesses_find_nothing(stack: LocalStack) -> None:
    from_api = {chat(stack, "hallo")["conversationId"] for _ in range(8)}
    assert len(from_api) == 8 and all(WEB_ID.match(i) for i in from_api)

    # The generator itself: every one of the 128 bits varies, each set about half the time.
    sample = [int(new_conversation_id("alpha").split(".")[1], 16) for _ in range(4000)]
    assert len(set(sample)) == len(sample)
    for bit in range(128):
        share = sum((value >> bit) & 1 for value in sample) / len(sample)
        assert 0.42 < share < 0.58, f"bit {bit} is set in {share:.0%} of ids"

    for _ in range(5):
        guess = f"alpha.{secrets.token_hex(16)}"
        assert call(stack, "GET", f"/v1/chat/{guess}/messages")[0] == 404
        assert call(stack, "DELETE", f"/v1/chat/{guess}")[0] == 404
        assert call(stack, "POST", "/v1/chat", {"tenant": "alpha", "message": "hallo", "conversationId": guess})[0] == 404


# ---------------------------------------------------------------------------- personal data


def test_personal_data_reaches_no_item_queue_or_log(stack: LocalStack, monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture,
                                                    capfd: pytest.CaptureFixture[str]) -> None:
    caplog.set_level("INFO")  # the deployed LogLevel; botocore DEBUG would echo request bodies
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    conversation_id = None
    for _, message in CORPUS.values():  # not understood: kept as unanswered questions too
        conversation_id = chat(stack, message, conversation_id)["conversationId"]
    chat(stack, "ik wil een medewerker", conversation_id)
    chat(stack, "ja", conversation_id)
    assert chat(stack, CALLBACK_CONTACT, conversation_id)["handover"]["status"] == "queued"
    status, _, page = call(stack, "GET", f"/v1/chat/{conversation_id}/messages")
    assert status == 200
    queues = queue_bodies(stack)  # the ticket on its way to the intake
    stack.drain("TicketIntakeFunction")

    items = json.dumps(table_items(stack), ensure_ascii=False)
    mails = json.dumps(sent_mail(), ensure_ascii=False)
    logs = capfd.readouterr()
    logged = " ".join(f"{key}={value}" for record in caplog.records for key, value in vars(record).items())
    logged += logs.out + logs.err
    assert conversation_id in items and any(conversation_id in body for body in queues)  # we looked in the right places
    assert "UNANSWERED" in items and "TICKET#" in items
    for kind, (value, _) in CORPUS.items():
        digits = re.sub(r"\D", "", value)
        for where, text in (("DynamoDB", items), ("SQS", " ".join(queues)), ("logs", logged), ("e-mail", mails),
                            ("transcript", json.dumps(page, ensure_ascii=False))):
            assert value not in text, f"{kind} found in {where}"
            if len(digits) >= 9:
                assert digits not in re.sub(r"\D", "", text.replace(conversation_id, "")), \
                    f"{kind} digits found in {where}"
    # The callback number is needed by staff: it is on the ticket and in the conversation's
    # one `contact` field (by design, erased with them), never in the transcript, a team's
    # e-mail or the logs.
    assert any("+31687654321" in body for body in queues)
    assert ticket_of(stack, conversation_id)["contact"] == "+31687654321"
    assert "687654321" not in mails
    conversation = next(item for item in table_items(stack)
                        if item["pk"]["S"].endswith(conversation_id) and item["sk"]["S"] == "CONV")
    document = json.loads(conversation["doc"]["S"])
    assert document["contact"] == "+31687654321"
    document.pop("contact")
    assert "687654321" not in json.dumps(document) and "687654321" not in json.dumps(page)
    assert "687654321" not in logged


# ---------------------------------------------------------------------------- erasure


def keyed_by(items: list[dict[str, Any]], conversation_id: str) -> list[dict[str, Any]]:
    """Items whose key or attributes mention the conversation."""
    return [item for item in items if conversation_id in json.dumps(item)]


def conversation_with_everything(stack: LocalStack) -> str:
    """A conversation with unanswered questions, a ticket (Saturday's callback request),
    a waiting handover (in the index, Monday's request) and a WhatsApp-style contact item
    under its key, as the WhatsApp channel writes it."""
    conversation_id = chat(stack, "vertel een mop over de gemeente")["conversationId"]
    chat(stack, "hoe laat vertrekt de trein naar Parijs", conversation_id)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BALIE_NOW", SATURDAY_EVENING)
        chat(stack, "ik wil een medewerker", conversation_id)
        chat(stack, "ja", conversation_id)
        assert chat(stack, CALLBACK_CONTACT, conversation_id)["handover"]["status"] == "queued"
    stack.drain("TicketIntakeFunction")
    ticket_id = ticket_of(stack, conversation_id)["id"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BALIE_NOW", "2026-12-07T10:00:00+01:00")  # the next Monday: the old callback day passed
        chat(stack, "ik wil een medewerker", conversation_id)
    assert stack.deployment is not None
    table = next(iter(stack.deployment.tables.values()))
    stack.client("dynamodb").put_item(TableName=table, Item={
        "pk": {"S": f"T#alpha#C#{conversation_id}"}, "sk": {"S": "WA"}, "addressId": {"S": "31612345678"},
        "addressKind": {"S": "wa_id"}, "phoneNumberId": {"S": "111"}, "lastInboundAt": {"S": "2026-11-30T09:00:00+01:00"},
    })
    items = keyed_by(table_items(stack), conversation_id)
    kinds = {item["sk"]["S"] for item in items if item["pk"]["S"].endswith(conversation_id)}
    assert kinds == {"CONV", "WA", f"TICKET#{ticket_id}"}
    assert any("UNANSWERED" in item["pk"]["S"] for item in items)
    assert any("handoverKey" in item for item in items)
    assert any(item["pk"]["S"] == f"T#alpha#TICKET#{ticket_id}" for item in items)
    return conversation_id


def test_the_resident_erases_the_conversation_everywhere(stack: LocalStack) -> None:
    conversation_id = conversation_with_everything(stack)
    status, _, body = call(stack, "DELETE", f"/v1/chat/{conversation_id}")
    assert status == 200 and body == {"conversationId": conversation_id, "deleted": True, "notErased": []}
    assert keyed_by(table_items(stack), conversation_id) == []
    status, _, listed = call(stack, "GET", "/v1/staff/handovers?status=waiting", token=stack.auth.tokens["alpha"])
    assert conversation_id not in json.dumps(listed)
    assert call(stack, "GET", f"/v1/chat/{conversation_id}/messages")[0] == 404
    assert call(stack, "DELETE", f"/v1/chat/{conversation_id}")[0] == 404


def test_staff_erase_a_conversation_on_the_residents_request(stack: LocalStack) -> None:
    conversation_id = conversation_with_everything(stack)
    path = f"/v1/staff/conversations/{conversation_id}"
    assert call(stack, "DELETE", path, token=stack.auth.tokens["beta"])[0] == 404  # not beta's
    assert len(keyed_by(table_items(stack), conversation_id)) >= 3
    status, _, body = call(stack, "DELETE", path, token=stack.auth.tokens["alpha"])
    assert status == 200 and body == {"conversationId": conversation_id, "deleted": True, "notErased": []}
    assert keyed_by(table_items(stack), conversation_id) == []
    assert conversation_id not in json.dumps(call(stack, "GET", "/v1/staff/tickets", token=stack.auth.tokens["alpha"]))
    assert call(stack, "GET", path, token=stack.auth.tokens["alpha"])[0] == 404
    assert call(stack, "DELETE", path, token=stack.auth.tokens["alpha"])[0] == 404


# ---------------------------------------------------------------------------- CORS


def test_over_http_a_foreign_origin_may_not_read_answers(stack: LocalStack) -> None:
    """Through the front (API Gateway's CORS and the handler's together): a page on another
    origin gets no Access-Control-Allow-Origin for it, and never a wildcard."""
    conversation_id = chat(stack, "paspoort")["conversationId"]
    for method, path, body in (("POST", "/v1/chat", {"tenant": "alpha", "message": "paspoort"}),
                               ("GET", f"/v1/chat/{conversation_id}/messages", None)):
        status, headers, _ = call(stack, method, path, body, origin="https://evil.example")
        assert headers.get("access-control-allow-origin") in (None, ""), (method, status, headers)


def test_no_queue_outlives_the_documented_bound_or_the_tenants_retention() -> None:
    """Messages on SQS cannot be erased one by one: every queue keeps them at most 14 days
    (docs/ARCHITECTURE.md, "Erasure and retention"), and no ticket message outlives the
    retention of its tenant's conversations (the intake stores none whose conversation is gone)."""
    import yaml

    from balie_local.template_resources import REPO_ROOT, expanded_resources, load_template

    default_retention = 4 * 24 * 3600  # SQS's default MessageRetentionPeriod
    queues = {name: resource.get("Properties") or {} for name, resource in expanded_resources(load_template()).items()
              if resource.get("Type") == "AWS::SQS::Queue"}
    assert queues
    retention = {name: int(properties.get("MessageRetentionPeriod", default_retention))
                 for name, properties in queues.items()}
    assert all(seconds <= 14 * 24 * 3600 for seconds in retention.values()), retention
    ticket_days = max(seconds for name, seconds in retention.items() if "Ticket" in name) / 86400
    for path in sorted((REPO_ROOT / "tenants").glob("*.yaml")):
        tenant = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert tenant["retention_days"] >= ticket_days, path.name

"""The redaction suite end to end: every sentence of tests/data/redaction_cases.json goes
through the running stack (web chat over HTTP, and a part over the signed WhatsApp
webhook), then no secret of any sentence may be found in DynamoDB, on a queue, in a log
line, in the staff views and reports (JSON and CSV), or in the cross-municipality export.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from balie_local.stack import LocalStack
from balie_local.unanswered_export import running_store, strict_clean
from channels.meta import sign
from core.reports import unanswered_proposals
from http_support import json_headers, send
from stack_support import everything_stored, found, logged

ORIGIN = "https://www.alpha.example"
CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "redaction_cases.json").read_text(encoding="utf-8"))
TURNS_PER_CONVERSATION = 20  # below the limit of 30 turns a minute


@pytest.fixture(scope="module")
def stack(engine_kb_stack: LocalStack) -> LocalStack:
    return engine_kb_stack


def test_no_secret_reaches_storage_logs_reports_or_the_export(stack: LocalStack, caplog, capfd) -> None:
    caplog.set_level("INFO")
    web, whatsapp = CASES[: len(CASES) * 3 // 4], CASES[len(CASES) * 3 // 4:]
    conversations: list[str] = []
    for start in range(0, len(web), TURNS_PER_CONVERSATION):
        conversation_id = None
        for case in web[start : start + TURNS_PER_CONVERSATION]:
            body = {"tenant": "alpha", "message": case["text"], **({"conversationId": conversation_id}
                                                                    if conversation_id else {})}
            answer = send(f"{stack.url}/v1/chat", "POST", body, json_headers(origin=ORIGIN))
            assert answer.status == 200, (case["text"], answer.body)
            conversation_id = answer.json()["conversationId"]
        conversations.append(conversation_id)

    secret = stack.channel_secrets()["whatsapp_app_secret"]
    for number, case in enumerate(whatsapp):
        raw = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{
            "field": "messages", "value": {"metadata": {"phone_number_id": "111"}, "messages": [{
                "from": f"3163{number:07d}", "id": f"wamid.REDACT{number}", "timestamp": "1796029200",
                "type": "text", "text": {"body": case["text"]}}]}}]}]}).encode()
        answer = send(f"{stack.url}/v1/whatsapp/webhook", "POST", raw,
                      {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
        assert answer.status == 200 and answer.json()["queued"] == 1, answer.body
    stack.drain("WhatsAppWorkerFunction")

    staff = json_headers(token=stack.auth.tokens["alpha"])
    views = [send(f"{stack.url}/v1/staff/conversations/{conversation_id}", "GET", None, staff).body.decode()
             for conversation_id in conversations]
    report = send(f"{stack.url}/v1/staff/reports?from=2026-11-30&to=2026-11-30", "GET", None, staff)
    csv = send(f"{stack.url}/v1/staff/reports?from=2026-11-30&to=2026-11-30&format=csv", "GET", None, staff)
    assert report.status == 200 and csv.status == 200 and views
    assert report.json()["unanswered"], "the sentences were not understood: the report must list them"

    store = running_store(stack.url)
    alpha = stack_knowledge_tenant("alpha").model_copy(update={"share_unanswered": True})
    export = unanswered_proposals(store, [alpha], date(2026, 11, 30), date(2026, 11, 30), strict=strict_clean)
    exported = json.dumps(export.model_dump(mode="json", by_alias=True), ensure_ascii=False)
    assert export.proposals, "some questions are shareable once cleaned"

    logs = logged(caplog, capfd)
    places = {"DynamoDB and SQS": everything_stored(stack), "logs": logs, "staff views": "\n".join(views),
              "report": report.body.decode(), "CSV": csv.body.decode(), "export": exported}
    leaks = [(case["kind"], secret_value, where) for case in CASES for secret_value in case["secrets"]
             for where, text in places.items() if found(secret_value, text)]
    assert leaks == [], leaks
    # And the conversation ids, bearer secrets, never reach a log line.
    assert not any(conversation_id in logs for conversation_id in conversations)


def stack_knowledge_tenant(slug: str):
    from adapters.kb_files import file_knowledge

    return file_knowledge().get(slug).tenant


def test_the_leak_check_finds_a_postcode_area_but_not_a_uuid_group() -> None:
    assert found("1234", "postcode 1234 AB, huisnummer 56")
    assert found("1234", '{"text": "ik woon in 1234"}')
    assert not found("1234", "request 3f2a9c1e-1234-4b7d-9e0f-2c4d6e8fa1b3 done")
    assert not found("1234", "house 12345")
    assert found("Anouk", "naam: Anouk-Marie")  # a name stays a word at a hyphen
    assert found("12345678", "bel 06-12345678")

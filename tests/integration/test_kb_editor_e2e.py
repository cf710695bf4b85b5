"""The knowledge-base editor on the running local stack (HTTP front -> KbEditorFunction ->
moto; the tenant-build function driven by its SQS poller): KCC-only staff get 403; a
draft answers in the preview and not to residents; publishing makes it live without a
restart; another tenant is unchanged; rollback restores; a gemeente-own intent answers
after publish; the audit trail survives a resident's erasure.

Uses the engine test knowledge base (tests/unit/data/kb_engine: tenants alpha and beta)
with a tenant cache of one second.
"""
from __future__ import annotations

import json
from typing import Any

import pytest

from balie_local.stack import LocalStack
from http_support import json_headers, send, wait_for

PASPOORT = "ik wil een nieuw paspoort aanvragen"
NEW_ANSWER = {"nl": "In Alpha haalt u uw paspoort op in het stadhuis aan de Markt.",
              "en": "In Alpha you collect your passport at the town hall on the Markt."}
FERRY = {
    "title": {"nl": "Veerpont", "en": "Ferry"},
    "answer": {"nl": "De pont naar het eiland vaart elk half uur, van 7 tot 23 uur.",
               "en": "The ferry to the island sails every half hour, from 7 am to 11 pm."},
    "links": [{"title": {"nl": "Vaartijden", "en": "Timetable"}, "url": "https://www.alpha.example/pont"}],
    "examples": {"nl": ["veerpont", "veer pont", "veerboot", "pont naar het eiland", "hoe laat gaat de pont",
                        "vaartijden veerpont", "dienstregeling pont", "vaart de pont vandaag", "laatste pont",
                        "eerste pont", "wat kost de pont", "fiets op de pont", "auto op de pont", "pont uitgevallen",
                        "pont in de winter", "gratis pont", "pontpas aanvragen", "naar het eiland varen",
                        "overzetten met de pont", "overtocht eiland"],
                 "en": ["ferry timetable", "ferry to the island", "ferry price"]},
}


@pytest.fixture(scope="module")
def stack(engine_kb_publishing_stack: LocalStack) -> LocalStack:
    return engine_kb_publishing_stack


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    answer = send(stack.url + path, method, body, json_headers(token=token))
    return answer.status, answer.json()


def token(stack: LocalStack, tenant: str, roles: list[str] | None = None) -> str:
    body: dict[str, Any] = {"tenant": tenant, "teams": "*"}
    if roles is not None:
        body["roles"] = roles
    return call(stack, "POST", "/dev/token", body)[1]["token"]


def resident(stack: LocalStack, tenant: str, message: str) -> dict[str, Any]:
    status, reply = call(stack, "POST", "/v1/chat", {"tenant": tenant, "message": message})
    assert status == 200, reply
    return reply


def said(reply: dict[str, Any]) -> str:
    return " ".join(message["text"] for message in reply["messages"])


def live_version(stack: LocalStack, editor: str) -> int | None:
    return call(stack, "GET", "/v1/staff/kb/versions", token=editor)[1]["liveVersion"]


def test_kcc_only_staff_get_403(stack: LocalStack) -> None:
    kcc = token(stack, "alpha")
    for method, path, body in (("GET", "/v1/staff/kb/intents", None), ("GET", "/v1/staff/kb/intents/paspoort", None),
                               ("PUT", "/v1/staff/kb/intents/paspoort", {"answer": NEW_ANSWER}),
                               ("POST", "/v1/staff/kb/preview", {"message": PASPOORT}),
                               ("POST", "/v1/staff/kb/publish", None), ("GET", "/v1/staff/kb/versions", None),
                               ("POST", "/v1/staff/kb/rollback", {"version": 1})):
        status, answer = call(stack, method, path, body, token=kcc)
        assert status == 403, (method, path, answer)
    assert call(stack, "GET", "/v1/staff/kb/intents", token=None)[0] == 401
    assert call(stack, "GET", "/v1/staff/kb/intents", token=token(stack, "alpha", ["kcc", "editor"]))[0] == 200


def test_draft_preview_publish_isolation_and_rollback(stack: LocalStack) -> None:
    editor = token(stack, "alpha", ["editor"])
    before = live_version(stack, editor)
    status, detail = call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"answer": NEW_ANSWER}, token=editor)
    assert status == 200 and detail["edited"] and detail["effective"]["answer"] == NEW_ANSWER, detail
    assert any(part["op"] == "added" for part in detail["difference"]["nl"])

    # The draft answers in the preview, and residents still get the live answer.
    status, preview = call(stack, "POST", "/v1/staff/kb/preview", {"message": PASPOORT}, token=editor)
    assert status == 200 and "stadhuis aan de Markt" in said(preview["reply"]), preview
    assert "stadhuis aan de Markt" not in said(resident(stack, "alpha", PASPOORT))

    status, published = call(stack, "POST", "/v1/staff/kb/publish", token=editor)
    assert status == 200 and published["version"] == (before or 0) + 1, published
    wait_for(lambda: "stadhuis aan de Markt" in said(resident(stack, "alpha", PASPOORT)), timeout=60, interval=0.5)
    assert "stadhuis aan de Markt" not in said(resident(stack, "beta", PASPOORT))  # another tenant: unchanged

    history = call(stack, "GET", "/v1/staff/kb/versions", token=editor)[1]
    newest = history["versions"][0]
    assert newest["version"] == published["version"] and newest["live"] and newest["action"] == "publish"
    [change] = newest["changes"]
    assert (change["intent"], change["fields"]) == ("paspoort", ["answer"]) and change["by"].startswith("dev-alpha")

    status, rolled = call(stack, "POST", "/v1/staff/kb/rollback", {"version": before}, token=editor)
    assert status == 200 and rolled["restored"] == before, rolled
    wait_for(lambda: "stadhuis aan de Markt" not in said(resident(stack, "alpha", PASPOORT)), timeout=60, interval=0.5)
    assert call(stack, "GET", "/v1/staff/kb/versions", token=editor)[1]["versions"][0]["action"] == "rollback"


def test_a_new_intent_answers_after_publish(stack: LocalStack) -> None:
    editor = token(stack, "alpha", ["editor"])
    assert resident(stack, "alpha", "hoe laat gaat de pont")["intent"] != "veerpont"
    assert call(stack, "GET", "/v1/staff/kb/intents/veerpont", token=editor)[0] == 404
    status, detail = call(stack, "PUT", "/v1/staff/kb/intents/veerpont", FERRY, token=editor)
    assert status == 200 and detail["own"], detail
    assert not [f for f in detail["findings"] if f["severity"] == "error"], detail["findings"]
    # The build function learns the draft's examples; then the preview answers with them.
    preview = wait_for(lambda: (answer := call(stack, "POST", "/v1/staff/kb/preview", {"message": "hoe laat gaat de pont"},
                                               token=editor)[1])["matcher"] == "draft" and answer, timeout=120, interval=0.5)
    assert preview["reply"]["intent"] == "veerpont"
    assert resident(stack, "alpha", "hoe laat gaat de pont")["intent"] != "veerpont"  # not yet for residents
    assert call(stack, "POST", "/v1/staff/kb/publish", token=editor)[0] == 200
    reply = wait_for(lambda: (answer := resident(stack, "alpha", "hoe laat gaat de pont"))["intent"] == "veerpont"
                     and answer, timeout=60, interval=0.5)
    assert "elk half uur, van 7 tot 23 uur" in said(reply)


def test_checks_and_unsafe_content(stack: LocalStack) -> None:
    editor = token(stack, "alpha", ["editor"])
    status, answer = call(stack, "PUT", "/v1/staff/kb/intents/paspoort",
                          {"answer": {"nl": "<script>alert(1)</script>", "en": "x"}}, token=editor)
    assert status == 400 and "HTML" in answer["error"]["message"]
    status, answer = call(stack, "PUT", "/v1/staff/kb/intents/paspoort",
                          {"links": [{"title": {"nl": "x", "en": "x"}, "url": "javascript:alert(1)"}]}, token=editor)
    assert status == 400
    status, detail = call(stack, "PUT", "/v1/staff/kb/intents/strandpas",
                          {"title": {"nl": "Strandpas", "en": ""}, "answer": {"nl": "Een strandpas koopt u online."},
                           "examples": {"nl": ["strandpas kopen"]}}, token=editor)
    assert status == 200
    messages = {f["field"]: f["message"] for f in detail["findings"]}
    assert messages["title.en"] == "De titel in het Engels ontbreekt."
    assert messages["answer.en"] == "Het antwoord in het Engels ontbreekt."
    assert messages["examples.nl"].startswith("Te weinig voorbeeldvragen in het Nederlands: 1, minimaal 20.")
    status, refused = call(stack, "POST", "/v1/staff/kb/publish", token=editor)
    assert status == 400 and "Publiceren kan nog niet" in refused["error"]["message"]
    assert call(stack, "PUT", "/v1/staff/kb/intents/strandpas", {"title": {"nl": "Strandpas"}, "enabled": False},
                token=editor)[0] == 200  # parked: switched off, it blocks nothing


def test_the_audit_trail_survives_a_residents_erasure(stack: LocalStack) -> None:
    editor = token(stack, "alpha", ["editor"])
    reply = resident(stack, "alpha", PASPOORT)
    trail_before = json.dumps(call(stack, "GET", "/v1/staff/kb/versions", token=editor)[1])
    assert call(stack, "DELETE", f"/v1/chat/{reply['conversationId']}")[0] == 200
    assert json.dumps(call(stack, "GET", "/v1/staff/kb/versions", token=editor)[1]) == trail_before


def test_unanswered_questions_into_the_draft_and_an_export_for_the_shared_base(stack: LocalStack) -> None:
    editor = token(stack, "alpha", ["editor"])
    for question in ("mag ik een barbecue op het strand", "mag ik barbecueen op het strand"):
        assert resident(stack, "alpha", question)["intent"] is None
    groups = call(stack, "GET", "/v1/staff/kb/unanswered", token=editor)[1]["groups"]
    [group] = [g for g in groups if "strand" in g["text"]]
    assert group["count"] == 2 and len(group["questions"]) == 2
    status, created = call(stack, "POST", "/v1/staff/kb/unanswered/adopt", {"questions": group["questions"], "intent": None},
                           token=editor)
    assert status == 200 and created["own"] and created["edited"], created
    assert sorted(created["draft"]["examples"]["nl"]) == sorted(group["questions"])
    assert call(stack, "GET", "/v1/staff/kb/unanswered", token=token(stack, "alpha"))[0] == 403

    answer = send(f"{stack.url}/v1/staff/kb/intents/paspoort/export", "GET", None, json_headers(token=editor))
    assert answer.status == 200 and 'filename="paspoort.yaml"' in answer.header_map()["content-disposition"]
    exported = answer.json()
    assert exported["id"] == "paspoort" and exported["kind"] == "topic" and len(exported["examples"]["nl"]) >= 20
    assert call(stack, "GET", "/v1/staff/kb/intents/paspoort/others", token=editor)[1] == {"answers": []}

"""Tenants as data on the running local stack: a gemeente added while the stack runs
(`balie tenant put`, the admin API, the build function driven by its SQS poller) is
live for residents and staff without a restart, a rebuild or a template change: its
chat, its CORS origin, its WhatsApp number, its Facebook Page, its tickets; a change to it is live within
the cache period; only admins may publish, and a document that does not fit is refused
with every problem named.

Uses the engine test knowledge base (tests/unit/data/kb_engine); the new tenant is a
copy of alpha with its own slug, origin, WhatsApp number, Facebook Page and one intent of its own (so
the build trains a matcher of its own).
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from balie_local import messenger_cmd, tenant_cmd, whatsapp_cmd
from balie_local.stack import LocalStack
from channels.meta import sign
from stack_support import ENGINE_KB
from http_support import json_headers, send, wait_for

GAMMA_ORIGIN = "https://www.gamma.example"
GAMMA_PAGE = "777"  # its Facebook Page (alpha has 333, beta 555)
SATURDAY_EVENING = "2026-11-28T21:30:00+01:00"
MONDAY_MORNING = "2026-11-30T09:00:00+01:00"
RESIDENT = "31655554444"
VEERPONT_EXAMPLES = [
    "veerpont", "veer pont", "veerboot", "pont naar het eiland", "hoe laat gaat de pont", "vaartijden veerpont",
    "dienstregeling pont", "vaart de pont vandaag", "laatste pont", "eerste pont", "wat kost de pont",
    "fiets op de pont", "auto op de pont", "pont uitgevallen", "pont in de winter", "gratis pont",
    "pontpas aanvragen", "naar het eiland varen", "overzetten met de pont", "overtocht eiland"]


def gamma(**changes: Any) -> dict[str, Any]:
    document = yaml.safe_load((ENGINE_KB / "tenants" / "alpha.yaml").read_text(encoding="utf-8"))
    document.update(slug="gamma", name="Gemeente Gamma", domain="www.gamma.example", widget_origins=[GAMMA_ORIGIN],
                    whatsapp={"phone_number_id": "333", "reopen_template": "balie_terugbellen"},
                    messenger={"page_id": GAMMA_PAGE})  # alpha's Instagram account stays alpha's
    document["urls"]["veerpont"] = "https://www.gamma.example/veerpont"
    document["extra_intents"] = [{
        "id": "veerpont", "kind": "topic", "team": "kcc",
        "title": {"nl": "Veerpont", "en": "Ferry"},
        "answer": {"nl": "De pont naar het eiland vaart elk half uur.", "en": "The ferry sails every half hour."},
        "links": [{"title": {"nl": "Vaartijden", "en": "Timetable"}, "slot": "veerpont"}],
        "examples": {"nl": VEERPONT_EXAMPLES, "en": ["ferry timetable", "ferry to the island", "ferry price"]},
    }]
    document.update(changes)
    return document


@pytest.fixture(scope="module")
def stack(kb_dir: Path, start_local_stack: Any) -> Iterator[LocalStack]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_DIR", str(kb_dir))
        patch.setenv("BALIE_NOW", MONDAY_MORNING)
        with start_local_stack(tenants_dir=ENGINE_KB / "tenants", parameters={"TenantCacheSeconds": "1"}) as running:
            yield running


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None,
         origin: str | None = None) -> tuple[int, dict[str, str], Any]:
    answer = send(stack.url + path, method, body, json_headers(token=token, origin=origin))
    return answer.status, answer.header_map(), answer.json()


def put_file(stack: LocalStack, tmp_path: Path, document: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / f"{document['slug']}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    code = tenant_cmd.put(argparse.Namespace(file=str(path), api=stack.url, token=None, wait=120))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_gemeente_added_at_run_time_works_end_to_end(stack: LocalStack, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert call(stack, "POST", "/v1/chat", {"tenant": "gamma", "message": "veerpont"})[0] == 404
    code, output = put_file(stack, tmp_path, gamma(), capsys)
    assert code == 0 and "gamma: version 1 is live" in output, output

    # Residents: the chat, with the tenant's own intent (its own matcher, trained by the build).
    status, headers, reply = call(stack, "POST", "/v1/chat", {"tenant": "gamma", "message": "hoe laat gaat de pont"},
                                  origin=GAMMA_ORIGIN)
    assert status == 200 and reply["intent"] == "veerpont", reply
    assert headers["access-control-allow-origin"] == GAMMA_ORIGIN
    # CORS is the tenant's, answered by the handler: its own page may, alpha's may not.
    preflight = send(f"{stack.url}/v1/chat", "OPTIONS", None, {
        "origin": GAMMA_ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "content-type"})
    assert preflight.status == 204 and preflight.header_map()["access-control-allow-origin"] == GAMMA_ORIGIN
    assert call(stack, "POST", "/v1/chat", {"tenant": "gamma", "message": "veerpont"},
                origin="https://www.alpha.example")[0] == 403

    # Out of hours: a ticket for gamma's staff (no queue to add anywhere).
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    conversation_id = call(stack, "POST", "/v1/chat", {"tenant": "gamma", "message": "ik wil een medewerker"})[2]["conversationId"]
    call(stack, "POST", "/v1/chat", {"tenant": "gamma", "conversationId": conversation_id, "message": "ja"})
    queued = call(stack, "POST", "/v1/chat", {"tenant": "gamma", "conversationId": conversation_id,
                                               "message": "bel me op 06 12345678"})[2]
    assert queued["handover"]["status"] == "queued"
    staff = call(stack, "POST", "/dev/token", {"tenant": "gamma", "teams": ["kcc"]})[2]["token"]
    tickets = wait_for(lambda: call(stack, "GET", "/v1/staff/tickets", token=staff)[2]["tickets"])
    assert [t["conversationId"] for t in tickets] == [conversation_id]

    # WhatsApp: gamma's number reaches gamma.
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    secret = stack.channel_secrets()["whatsapp_app_secret"]
    body = whatsapp_cmd.webhook_body("hoe laat gaat de pont", RESIDENT, "333",
                                     timestamp=int(datetime.fromisoformat(MONDAY_MORNING).timestamp()))
    raw = json.dumps(body).encode("utf-8")
    before = len(stack.graph.outbox)
    assert send(f"{stack.url}/v1/whatsapp/webhook", "POST", raw, {
        "content-type": "application/json", "x-hub-signature-256": sign(raw, secret)}).status == 200
    sent = wait_for(lambda: stack.graph.outbox[before:])
    assert "pont" in json.dumps(sent, ensure_ascii=False) and sent[0]["to"] == RESIDENT

    # Messenger: gamma's Facebook Page reaches gamma, straight from Meta's webhook (the stack gives
    # the new Page its token when the tenant is built, as an operator does in SSM).
    body = messenger_cmd.webhook_body("hoe laat gaat de pont", "7400000000000001", GAMMA_PAGE,
                                      timestamp_ms=int(datetime.fromisoformat(MONDAY_MORNING).timestamp() * 1000))
    raw = json.dumps(body).encode("utf-8")
    assert send(f"{stack.url}/v1/messenger/webhook", "POST", raw, {
        "content-type": "application/json",
        "x-hub-signature-256": sign(raw, stack.channel_secrets()["messenger_app_secret"])}).status == 200
    sent = wait_for(lambda: [m for m in stack.graph.messenger.outbox if m["to"] == "7400000000000001"])
    assert "pont" in json.dumps(sent, ensure_ascii=False) and sent[0]["accountId"] == GAMMA_PAGE


def test_a_change_is_live_within_the_cache_period_without_a_restart(stack: LocalStack, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    changed = gamma(name="Gemeente Gamma aan Zee")
    changed["extra_intents"][0]["answer"]["nl"] = "De pont vaart vanaf nu elk kwartier."
    code, output = put_file(stack, tmp_path, changed, capsys)
    assert code == 0 and "is live" in output, output
    answer = wait_for(lambda: (reply := call(stack, "POST", "/v1/chat", {"tenant": "gamma", "message": "veerpont"})[2])
                      and "kwartier" in json.dumps(reply["messages"], ensure_ascii=False) and reply, timeout=5)
    assert answer["intent"] == "veerpont"
    operator = stack.auth.tokens["*"]
    status, _, state = call(stack, "GET", "/v1/admin/tenants/gamma", token=operator)
    assert status == 200 and state["liveVersion"] == max(v["version"] for v in state["versions"])
    assert {v["status"] for v in state["versions"]} == {"live", "superseded"}


def test_a_whatsapp_ticket_outside_the_window_is_answered_with_the_tenants_template(
        stack: LocalStack, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    if call(stack, "GET", "/v1/admin/tenants/gamma", token=stack.auth.tokens["*"])[0] != 200:
        assert put_file(stack, tmp_path, gamma(), capsys)[0] == 0
    secret = stack.channel_secrets()["whatsapp_app_secret"]
    resident = "31677778888"
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    for text in ("ik wil een medewerker spreken", "ja"):
        body = whatsapp_cmd.webhook_body(text, resident, "333",
                                         timestamp=int(datetime.fromisoformat(SATURDAY_EVENING).timestamp()))
        raw = json.dumps(body).encode("utf-8")
        send(f"{stack.url}/v1/whatsapp/webhook", "POST", raw,
             {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
        stack.drain("WhatsAppWorkerFunction")
    staff = call(stack, "POST", "/dev/token", {"tenant": "gamma", "teams": "*"})[2]["token"]
    ticket = wait_for(lambda: [t for t in call(stack, "GET", "/v1/staff/tickets", token=staff)[2]["tickets"]
                               if t["contact"] == resident])[0]
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)  # 35 hours later: WhatsApp's window has closed
    assert call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/claim", token=staff)[0] == 200
    before = len(stack.graph.outbox)
    status, _, answer = call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/reply",
                             {"text": "Goedemorgen, u vroeg om contact."}, token=staff)
    assert status == 200, answer
    [message] = stack.graph.outbox[before:]
    assert message["payload"]["type"] == "template" and message["payload"]["template"]["name"] == "balie_terugbellen"
    assert "Goedemorgen, u vroeg om contact." in json.dumps(message["payload"], ensure_ascii=False)


def test_only_admins_publish_and_a_misfit_is_refused_with_its_problems(stack: LocalStack) -> None:
    kcc = call(stack, "POST", "/dev/token", {"tenant": "delta", "teams": "*"})[2]["token"]
    assert call(stack, "PUT", "/v1/admin/tenants/delta", gamma(slug="delta"), token=kcc)[0] == 403
    alpha_admin = call(stack, "POST", "/dev/token", {"tenant": "alpha", "teams": "*", "roles": ["admin"]})[2]["token"]
    assert call(stack, "PUT", "/v1/admin/tenants/delta", gamma(slug="delta"), token=alpha_admin)[0] == 403
    misfit = gamma(slug="delta", default_team="nobody", disabled_intents=["bestaat-niet"])
    status, _, body = call(stack, "PUT", "/v1/admin/tenants/delta", misfit, token=stack.auth.tokens["*"])
    assert status == 400 and "default_team" in body["error"]["message"]
    misfit = gamma(slug="delta", disabled_intents=["bestaat-niet"], whatsapp={"phone_number_id": "111"})
    status, _, body = call(stack, "PUT", "/v1/admin/tenants/delta", misfit, token=stack.auth.tokens["*"])
    assert status == 400
    assert "bestaat-niet" in body["error"]["message"] and "also used by tenant 'alpha'" in body["error"]["message"]
    assert call(stack, "GET", "/v1/admin/tenants/delta", token=stack.auth.tokens["*"])[0] == 404

"""A tenant administrator's `balie tenant put` no longer undoes what the gemeente's editors published
(session 18, staff19's outside round: an admin changing the opening hours in the tenant file took
the editors' published answer offline without a word, and could not fetch the live document from
the API to start from).

On the running local stack with the engine test knowledge base (tenant alpha): an editor publishes
an answer of the gemeente's own; a document without it is refused (409) and names the topic; the
current document (`?document=true`, `balie tenant get`) has it, and putting that one back with other
opening hours keeps it live (and the old file is still refused after that); `?knowledge=replace`
replaces it on purpose.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from balie_local import tenant_cmd
from balie_local.stack import LocalStack
from http_support import call_json, wait_for

ALPHA = Path(__file__).resolve().parents[1] / "unit" / "data" / "kb_engine" / "tenants" / "alpha.yaml"
PASPOORT = "ik wil een nieuw paspoort aanvragen"
OWN_ANSWER = {"nl": "In Alpha haalt u uw paspoort op in het stadhuis aan de Markt.",
              "en": "In Alpha you collect your passport at the town hall on the Markt."}
TUESDAY = [["09:00", "12:30"]]


@pytest.fixture(scope="module")
def stack(engine_kb_publishing_stack: LocalStack) -> LocalStack:
    return engine_kb_publishing_stack  # alpha and beta, the build function running, a 1 s tenant cache


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    return call_json(stack.url + path, method, body, token)


def token(stack: LocalStack, roles: list[str]) -> str:
    return call(stack, "POST", "/dev/token", {"tenant": "alpha", "teams": "*", "roles": roles})[1]["token"]


def residents_hear(stack: LocalStack, words: str = "stadhuis aan de Markt") -> bool:
    reply = call(stack, "POST", "/v1/chat", {"tenant": "alpha", "message": PASPOORT})[1]
    return words in " ".join(message["text"] for message in reply["messages"])


def live(stack: LocalStack, admin: str, version: int) -> bool:
    return call(stack, "GET", "/v1/admin/tenants/alpha", token=admin)[1]["liveVersion"] == version


def test_an_admins_file_does_not_undo_the_editors_published_answer(stack: LocalStack, tmp_path: Path) -> None:
    editor, admin = token(stack, ["editor"]), token(stack, ["admin"])
    assert call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"answer": OWN_ANSWER}, token=editor)[0] == 200
    status, published = call(stack, "POST", "/v1/staff/kb/publish", token=editor)
    assert status == 200, published
    wait_for(lambda: residents_hear(stack), timeout=60, interval=0.5)

    # The repository's file with other opening hours: it would drop the editors' answer.
    stale = {**tenant_cmd.tenant_document(ALPHA)}
    stale["opening_hours"] = {**stale["opening_hours"], "tuesday": TUESDAY}
    status, refused = call(stack, "PUT", "/v1/admin/tenants/alpha", stale, token=admin)
    assert status == 409, refused
    message = refused["error"]["message"]
    assert "paspoort" in message and "balie tenant get alpha" in message and "--replace-knowledge" in message, message
    assert call(stack, "GET", "/v1/admin/tenants/alpha", token=admin)[1]["versions"][0]["version"] == published["version"]
    assert call(stack, "PUT", "/v1/admin/tenants/alpha?knowledge=yes", stale, token=admin)[0] == 400

    # The current document holds the editors' answer and the administrator's own settings; as a file
    # (`balie tenant get -o`) it reads back as a tenant file.
    status, current = call(stack, "GET", "/v1/admin/tenants/alpha?document=true", token=admin)
    assert status == 200 and current["documentVersion"] == published["version"], current
    document = current["document"]
    assert document["intent_overrides"]["paspoort"]["answer"] == OWN_ANSWER
    assert document["intent_overrides"]["paspoort"]["urls"] == {"afspraak": "https://www.alpha.example/afspraak?product=paspoort"}
    assert "document" not in call(stack, "GET", "/v1/admin/tenants/alpha", token=admin)[1]
    written = tmp_path / "alpha.yaml"
    assert tenant_cmd.get(argparse.Namespace(slug="alpha", output=str(written), api=stack.url, token=admin)) == 0
    assert tenant_cmd.tenant_document(written)["intent_overrides"]["paspoort"]["answer"] == OWN_ANSWER

    # Changed from the current document: accepted, and the editors' answer stays live.
    document["opening_hours"] = {**document["opening_hours"], "tuesday": TUESDAY}
    status, version = call(stack, "PUT", "/v1/admin/tenants/alpha", document, token=admin)
    assert status == 202, version
    wait_for(lambda: live(stack, admin, version["version"]), timeout=60, interval=0.5)
    assert residents_hear(stack)

    # The newest version is the administrator's now, and still holds the editors' answer: the old file
    # is refused again.
    assert call(stack, "PUT", "/v1/admin/tenants/alpha", stale, token=admin)[0] == 409


def test_replace_knowledge_replaces_the_editors_work_on_purpose(stack: LocalStack) -> None:
    editor, admin = token(stack, ["editor"]), token(stack, ["admin"])
    square = {language: text.replace("de Markt", "het Plein") for language, text in OWN_ANSWER.items()}
    assert call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"answer": square}, token=editor)[0] == 200
    assert call(stack, "POST", "/v1/staff/kb/publish", token=editor)[0] == 200
    wait_for(lambda: residents_hear(stack, "het Plein"), timeout=60, interval=0.5)
    stale = tenant_cmd.tenant_document(ALPHA)
    assert call(stack, "PUT", "/v1/admin/tenants/alpha", stale, token=admin)[0] == 409
    status, version = call(stack, "PUT", "/v1/admin/tenants/alpha?knowledge=replace", stale, token=admin)
    assert status == 202, version
    wait_for(lambda: live(stack, admin, version["version"]), timeout=60, interval=0.5)
    wait_for(lambda: not residents_hear(stack, "het Plein"), timeout=30, interval=0.5)

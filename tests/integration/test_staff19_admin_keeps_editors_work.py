"""A tenant administrator's `balie tenant put` no longer undoes what the gemeente's editors published
(session 18, staff19's outside round: an admin changing the opening hours in the tenant file took
the editors' published answer offline without a word, and could not fetch the live document from
the API to start from).

On the running local stack with the engine test knowledge base (tenant alpha): an editor publishes
an answer of the gemeente's own; the repository's file without it, with other opening hours, is
stored (202) with the file's opening hours and the editors' answer, and the answer names the topic
it kept (`keptFromEditors`, printed by `balie tenant put`); a topic the editors never published
takes the file's change; the current document (`?document=true`, `balie tenant get`) has the
editors' answer; `?knowledge=replace` replaces it on purpose.
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


def test_an_admins_file_does_not_undo_the_editors_published_answer(stack: LocalStack, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    editor, admin = token(stack, ["editor"]), token(stack, ["admin"])
    assert call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"answer": OWN_ANSWER}, token=editor)[0] == 200
    status, published = call(stack, "POST", "/v1/staff/kb/publish", token=editor)
    assert status == 200, published
    wait_for(lambda: residents_hear(stack), timeout=60, interval=0.5)

    # The repository's file with other opening hours and another topic's answer changed: it does not
    # have the editors' answer.
    stale = {**tenant_cmd.tenant_document(ALPHA)}
    stale["opening_hours"] = {**stale["opening_hours"], "tuesday": TUESDAY}
    assert call(stack, "PUT", "/v1/admin/tenants/alpha?knowledge=yes", stale, token=admin)[0] == 400
    status, version = call(stack, "PUT", "/v1/admin/tenants/alpha", stale, token=admin)
    assert status == 202 and version["keptFromEditors"] == ["paspoort"], version
    wait_for(lambda: live(stack, admin, version["version"]), timeout=60, interval=0.5)
    assert residents_hear(stack)  # the editors' answer is still live ...

    # ... in the current document, with the administrator's opening hours; as a file
    # (`balie tenant get -o`) it reads back as a tenant file.
    status, current = call(stack, "GET", "/v1/admin/tenants/alpha?document=true", token=admin)
    assert status == 200 and current["documentVersion"] == version["version"], current
    document = current["document"]
    assert document["intent_overrides"]["paspoort"]["answer"] == OWN_ANSWER
    assert document["intent_overrides"]["paspoort"]["urls"] == {"afspraak": "https://www.alpha.example/afspraak?product=paspoort"}
    assert document["opening_hours"]["tuesday"] == TUESDAY
    assert "document" not in call(stack, "GET", "/v1/admin/tenants/alpha", token=admin)[1]
    written = tmp_path / "alpha.yaml"
    assert tenant_cmd.get(argparse.Namespace(slug="alpha", output=str(written), api=stack.url, token=admin)) == 0
    assert tenant_cmd.tenant_document(written)["intent_overrides"]["paspoort"]["answer"] == OWN_ANSWER

    # `balie tenant put` of the old file says which topic kept the editors' work.
    old_file = tmp_path / "alpha-old.yaml"
    old_file.write_text(ALPHA.read_text(encoding="utf-8"), encoding="utf-8")
    assert tenant_cmd.put(argparse.Namespace(file=str(old_file), api=stack.url, token=admin, wait=60,
                                             replace_knowledge=False)) == 0
    assert "kept what the editors published for: paspoort" in capsys.readouterr().out
    assert residents_hear(stack)


def test_replace_knowledge_replaces_the_editors_work_on_purpose(stack: LocalStack) -> None:
    editor, admin = token(stack, ["editor"]), token(stack, ["admin"])
    square = {language: text.replace("de Markt", "het Plein") for language, text in OWN_ANSWER.items()}
    assert call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"answer": square}, token=editor)[0] == 200
    assert call(stack, "POST", "/v1/staff/kb/publish", token=editor)[0] == 200
    wait_for(lambda: residents_hear(stack, "het Plein"), timeout=60, interval=0.5)
    stale = tenant_cmd.tenant_document(ALPHA)
    status, version = call(stack, "PUT", "/v1/admin/tenants/alpha?knowledge=replace", stale, token=admin)
    assert status == 202, version
    wait_for(lambda: live(stack, admin, version["version"]), timeout=60, interval=0.5)
    wait_for(lambda: not residents_hear(stack, "het Plein"), timeout=30, interval=0.5)

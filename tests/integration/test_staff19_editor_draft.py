"""An editor who undoes a mistake leaves no change in the draft (session 18, staff19's outside
round: after a wrong answer was saved and the shared answer put back, the draft still counted
"2 wijzigingen", the topic kept its "concept" badge and "Publiceren" would publish a version that
changes nothing; still so after a rollback).

On the running local stack with the engine test knowledge base (tenant beta).
"""
from __future__ import annotations

from typing import Any

import pytest

from balie_local.stack import LocalStack
from http_support import call_json

WRONG = {"nl": "FOUT: dit hoort hier niet.", "en": "WRONG: this does not belong here."}


@pytest.fixture(scope="module")
def stack(engine_kb_stack: LocalStack) -> LocalStack:
    return engine_kb_stack  # alpha and beta; publishing is not needed here


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    return call_json(stack.url + path, method, body, token)


def test_a_mistake_undone_leaves_nothing_in_the_draft(stack: LocalStack) -> None:
    editor = call(stack, "POST", "/dev/token", {"tenant": "beta", "teams": "*", "roles": ["editor"]})[1]["token"]
    status, detail = call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"answer": WRONG}, token=editor)
    assert status == 200 and detail["edited"], detail
    status, detail = call(stack, "PUT", "/v1/staff/kb/intents/paspoort",
                          {"answer": WRONG, "examples": {"nl": ["paspoort kwijtgeraakt op vakantie"], "en": []}}, token=editor)
    assert status == 200 and len(call(stack, "GET", "/v1/staff/kb/intents", token=editor)[1]["changes"]) == 2

    # Back as published: the shared answer (null) and no extra examples.
    status, detail = call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"answer": None, "examples": {"nl": [], "en": []}},
                          token=editor)
    assert status == 200 and not detail["edited"], detail
    listed = call(stack, "GET", "/v1/staff/kb/intents", token=editor)[1]
    assert listed["changes"] == [], listed["changes"]
    assert not next(item for item in listed["intents"] if item["id"] == "paspoort")["edited"]
    status, refused = call(stack, "POST", "/v1/staff/kb/publish", token=editor)
    assert status == 400 and "niets veranderd" in refused["error"]["message"], refused


def test_a_topics_other_answers_are_shown_apart_from_its_answer(stack: LocalStack) -> None:
    """In the round an editor wrote the gemeente's Saturday hours into the milieustraat's answer, and
    "Is de milieustraat op zaterdag open?" still got the shared opening-hours detail: nothing said so.
    Since session 20 (editor20) the follow-up and detail answers are shown each with a field of their own."""
    editor = call(stack, "POST", "/dev/token", {"tenant": "beta", "teams": "*", "roles": ["editor"]})[1]["token"]
    status, detail = call(stack, "GET", "/v1/staff/kb/intents/paspoort", token=editor)
    assert status == 200, detail
    shown = {item["asked"]: item["shared"]["nl"] for item in detail["followupAnswers"]}
    assert shown["Vervolgvraag \u201cWat kost het?\u201d"] == "Een paspoort kost geld.", shown
    assert shown["Vervolgvraag \u201cHoe lang duurt het?\u201d"] == "Het duurt ongeveer een week.", shown

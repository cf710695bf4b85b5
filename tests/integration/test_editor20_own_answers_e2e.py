"""An editor changes a shared topic's follow-up answer ("wat kost het?"), a detail's answer (a passport
lost abroad) and the answer to a follow-up after that detail ("kan dat ook online?") over HTTP on the
running local stack (front -> KbEditorFunction -> moto's DynamoDB; the tenant-build function driven by its
SQS poller), session 20 (editor20): bad input is a 400 naming the field and a detail the topic lacks a
422, with nothing saved; the preview answers with the draft and residents do not; after publishing a
resident gets all three; the history names them; a rollback takes them back.

Engine test knowledge base (tests/unit/data/kb_engine, tenant alpha), a tenant cache of one second.
"""
from __future__ import annotations

from typing import Any

from balie_local.stack import LocalStack
from http_support import wait_for
from test_kb_editor_e2e import call, said, stack  # noqa: F401 - the module's fixture

PASPOORT = "ik wil een nieuw paspoort aanvragen"
COST = "wat kost het?"
ABROAD = "mijn paspoort is gestolen in het buitenland"
OWN_COST = {"nl": "In Alpha kost een paspoort 80 euro. U betaalt met pin.", "en": "In Alpha a passport costs 80 euros, by card."}
ONLINE = "kan dat ook online?"
OWN_ABROAD_ONLINE = {"nl": "Nee, maar het Alpha-loket belt u terug als u online een afspraak maakt.",
                     "en": "No, but the Alpha desk calls you back when you book online."}
OWN_ABROAD = {"nl": "Bel eerst de ambassade, daarna het Alpha-loket op 14 0123.",
              "en": "First call the embassy, then the Alpha desk on 14 0123."}


def resident(stack: LocalStack, *messages: str) -> str:
    """What a resident reads after the last of `messages`, asked in one conversation."""
    conversation: str | None = None
    reply: dict[str, Any] = {}
    for message in messages:
        body = {"tenant": "alpha", "message": message, **({"conversationId": conversation} if conversation else {})}
        status, reply = call(stack, "POST", "/v1/chat", body)
        assert status == 200, reply
        conversation = reply["conversationId"]
    return said(reply)


def preview(stack: LocalStack, editor: str, *messages: str) -> str:
    status, answer = call(stack, "POST", "/v1/staff/kb/preview", {"message": messages[-1], "history": list(messages[:-1])},
                          token=editor)
    assert status == 200, answer
    return said(answer["reply"])


def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(stack: LocalStack) -> None:
    editor = call(stack, "POST", "/dev/token", {"tenant": "alpha", "teams": "*", "roles": ["editor"]})[1]["token"]
    for body, status, named in (({"followups": {"prijs": OWN_COST}}, 400, "followups.prijs"),
                                ({"followups": {"kosten": {"nl": 80}}}, 400, "followups.kosten.nl"),
                                ({"details": {"Kwijt Buitenland": OWN_ABROAD}}, 400, "details"),
                                ({"details": {"emigratie": OWN_ABROAD}}, 422, "details.emigratie"),
                                ({"details": {"bestaat_niet": OWN_ABROAD}}, 422, "details.bestaat_niet"),
                                ({"detailFollowups": {"emigratie": {"online": OWN_ABROAD}}}, 422, "emigratie"),
                                ({"detailFollowups": {"kwijt_buitenland": {"prijs": OWN_ABROAD}}}, 400, "prijs")):
        answer = call(stack, "PUT", "/v1/staff/kb/intents/paspoort", body, token=editor)
        assert answer[0] == status and named in answer[1]["error"]["message"], (body, answer)
    assert call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"details": {"x": OWN_ABROAD}}, token=editor)[1][
        "error"]["code"] == "unprocessable"
    assert call(stack, "GET", "/v1/staff/kb/intents", token=editor)[1]["changes"] == []


def test_own_followup_and_detail_answers_from_draft_to_residents_and_back(stack: LocalStack) -> None:
    editor = call(stack, "POST", "/dev/token", {"tenant": "alpha", "teams": "*", "roles": ["editor"]})[1]["token"]
    before = call(stack, "GET", "/v1/staff/kb/versions", token=editor)[1]["liveVersion"]
    status, detail = call(stack, "GET", "/v1/staff/kb/intents/paspoort", token=editor)
    assert status == 200 and detail["draft"]["followups"] == {} and detail["draft"]["details"] == {}, detail
    assert [(item["key"], item["shared"]["nl"], item["own"]) for item in detail["followupAnswers"]][0] == (
        "kosten", "Een paspoort kost geld.", None)
    assert [item["key"] for item in detail["detailAnswers"]] == ["kwijt_buitenland"]
    shared_cost = resident(stack, PASPOORT, COST)
    assert "Een paspoort kost geld." in shared_cost, shared_cost

    status, detail = call(stack, "PUT", "/v1/staff/kb/intents/paspoort",
                          {"followups": {"kosten": OWN_COST}, "details": {"kwijt_buitenland": OWN_ABROAD},
                           "detailFollowups": {"kwijt_buitenland": {"online": OWN_ABROAD_ONLINE}}}, token=editor)
    assert status == 200 and detail["edited"], detail
    assert detail["draft"]["details"] == {"kwijt_buitenland": OWN_ABROAD}  # the name as the PUT takes it back
    assert detail["draft"]["detailFollowups"] == {"kwijt_buitenland": {"online": OWN_ABROAD_ONLINE}}
    assert detail["detailAnswers"][0]["followups"][0]["own"] == OWN_ABROAD_ONLINE
    assert next(item for item in detail["followupAnswers"] if item["key"] == "kosten")["own"] == OWN_COST
    assert not [f for f in detail["findings"] if f["severity"] == "error"], detail["findings"]

    assert "80 euro" in preview(stack, editor, PASPOORT, COST)
    assert "Alpha-loket" in preview(stack, editor, ABROAD)
    assert "belt u terug" in preview(stack, editor, ABROAD, ONLINE)
    assert "80 euro" not in resident(stack, PASPOORT, COST) and "Alpha-loket" not in resident(stack, ABROAD)

    status, published = call(stack, "POST", "/v1/staff/kb/publish", token=editor)
    assert status == 200, published
    wait_for(lambda: "80 euro" in resident(stack, PASPOORT, COST), timeout=60, interval=0.5)
    assert "Alpha-loket op 14 0123" in resident(stack, ABROAD)
    assert "belt u terug" in resident(stack, ABROAD, ONLINE)
    newest = call(stack, "GET", "/v1/staff/kb/versions", token=editor)[1]["versions"][0]
    assert [change["fields"] for change in newest["changes"]] == [
        ["followups.kosten", "details.kwijt_buitenland", "detail_followups.kwijt_buitenland.online"]]

    status, rolled = call(stack, "POST", "/v1/staff/kb/rollback", {"version": before}, token=editor)
    assert status == 200, rolled
    wait_for(lambda: "Een paspoort kost geld." in resident(stack, PASPOORT, COST), timeout=60, interval=0.5)
    assert "Alpha-loket" not in resident(stack, ABROAD) and "belt u terug" not in resident(stack, ABROAD, ONLINE)


def test_a_details_own_links_over_http_checked_as_the_topics(stack: LocalStack) -> None:
    """Session 22 (staff22): `detailLinks` {detail name: [link]} in the PUT, `ownLinks` / `sharedLinks` per detail
    in the GET (names as written); refused as the topic's links are, nothing saved."""
    editor = call(stack, "POST", "/dev/token", {"tenant": "alpha", "teams": "*", "roles": ["editor"]})[1]["token"]
    link = {"title": {"nl": "Alpha-reisloket", "en": "Alpha travel desk"}, "url": "https://www.alpha.example/reisloket"}
    for body, status, named in (({"detailLinks": {"kwijt_buitenland": [{**link, "url": "javascript:alert(1)"}]}}, 400, "https://"),
                                ({"detailLinks": {"kwijt_buitenland": [link] * 11}}, 400, "detailLinks.kwijt_buitenland"),
                                ({"detailLinks": {"bestaat_niet": [link]}}, 422, "bestaat_niet")):
        answer = call(stack, "PUT", "/v1/staff/kb/intents/paspoort", body, token=editor)
        assert answer[0] == status and named in answer[1]["error"]["message"], (body, answer)
    status, saved = call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {"detailLinks": {"kwijt_buitenland": [link]}}, token=editor)
    assert status == 200, saved
    abroad = next(item for item in saved["detailAnswers"] if item["key"] == "kwijt_buitenland")
    assert abroad["ownLinks"] == [link] and isinstance(abroad["sharedLinks"], list)
    assert saved["draft"]["detailLinks"] == {"kwijt_buitenland": [link]}
    status, answer = call(stack, "POST", "/v1/staff/kb/preview", {"message": ABROAD}, token=editor)
    assert status == 200 and link["url"] in [shown["url"] for message in answer["reply"]["messages"] for shown in message["links"]]
    status, back = call(stack, "PUT", "/v1/staff/kb/intents/paspoort", {}, token=editor)
    assert status == 200 and all(item["ownLinks"] is None for item in back["detailAnswers"])

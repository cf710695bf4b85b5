"""The website chat API end to end: API Gateway v2 events (balie_local.events) ->
handlers.chat_api -> engine -> DynamoDB in moto (table from template.yaml), with
the services wired from the environment exactly as in Lambda."""
from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.dynamodb_store import document
from balie_local.events import LambdaContext, http_api_event
from core.dialogue.engine import RATE_LIMIT_TURNS
from core.conversations import append_entries, update_conversation
from core.models import ReplyMessage, Role
from handlers import chat_api, wiring

ALPHA_ORIGIN = "https://www.alpha.example"
MONDAY_MORNING = "2026-11-30T10:00:00+01:00"  # alpha is open on Mondays


@pytest.fixture
def api(engine_kb_tenants, monkeypatch):
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    wiring.use(None)
    yield Api(engine_kb_tenants.merged_environment()["TABLE_NAME"])
    wiring.use(None)


class Api:
    def __init__(self, table: str) -> None:
        self.table = table
        self.dynamodb = boto3.client("dynamodb")

    def call(self, event: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        result = chat_api.handler(event, LambdaContext("ChatApiFunction"))
        body = json.loads(result["body"]) if result.get("body") else None
        return result["statusCode"], result.get("headers") or {}, body

    def post(self, body: Any, *, origin: str = ALPHA_ORIGIN, headers: dict[str, str] | None = None):
        return self.call(http_api_event("POST", "/v1/chat", body=body, headers={"origin": origin, **(headers or {})}))

    def chat(self, message: str, conversation_id: str | None = None, **fields) -> dict[str, Any]:
        body = {"tenant": "alpha", "message": message, **fields}
        if conversation_id:
            body["conversationId"] = conversation_id
        status, _, reply = self.post(body)
        assert status == 200, reply
        return reply

    def by_id(self, method: str, conversation_id: str, suffix: str = "", query: str = "", origin: str = ALPHA_ORIGIN):
        return self.call(
            http_api_event(
                method,
                f"/v1/chat/{conversation_id}{suffix}",
                route_key=f"{method} /v1/chat/{{conversationId}}{suffix}",
                path_parameters={"conversationId": conversation_id},
                query=query,
                headers={"origin": origin},
            )
        )

    def messages(self, conversation_id: str, query: str = ""):
        return self.by_id("GET", conversation_id, "/messages", query)

    def delete(self, conversation_id: str, query: str = ""):
        return self.by_id("DELETE", conversation_id, query=query)

    def items(self) -> list[dict[str, Any]]:
        # A test may look at the whole (tiny) table; application code never scans.
        return self.dynamodb.scan(TableName=self.table)["Items"]

    def conversation_item(self, conversation_id: str) -> dict[str, Any] | None:
        key = {"pk": {"S": f"T#alpha#C#{conversation_id}"}, "sk": {"S": "CONV"}}
        return self.dynamodb.get_item(TableName=self.table, Key=key).get("Item")


def texts(reply: dict[str, Any]) -> str:
    return " | ".join(message["text"] for message in reply["messages"])


def test_a_multi_turn_conversation_with_follow_up_button_and_slot_flow(api: Api) -> None:
    first = api.chat("paspoort verlengen", clientMessageId="c-1")
    conversation_id = first["conversationId"]
    assert conversation_id.startswith("alpha.") and first["intent"] == "paspoort"
    assert "digitale assistent" in first["messages"][0]["text"]
    answer = first["messages"][1]
    assert answer["links"][0] == {"title": "Maak een afspraak", "url": "https://www.alpha.example/afspraak?product=paspoort"}
    assert {"title": "Wat kost het?", "payload": "followup:kosten"} in answer["buttons"]
    assert first["handover"] is None

    assert "Een paspoort kost geld." in texts(api.chat("wat kost dat?", conversation_id))
    pressed = api.chat("Hoe lang duurt het?", conversation_id, payload="followup:duur")
    assert "Het duurt ongeveer een week." in texts(pressed)

    assert "Wat is uw postcode?" in texts(api.chat("wanneer wordt mijn afval opgehaald", conversation_id))
    assert texts(api.chat("99", conversation_id)) == "Dat is geen postcode."
    api.chat("1234 ab", conversation_id)
    done = api.chat("7", conversation_id)
    assert done["messages"][0]["links"][0]["url"] == "https://www.alpha.example/afval?postcode=1234%20AB&huisnummer=7"

    item = api.conversation_item(conversation_id)
    assert int(item["version"]["N"]) == 7
    assert int(item["expiresAt"]["N"]) > 0 and "handoverKey" not in item
    stats = [i for i in api.items() if i["pk"]["S"] == "T#alpha#STATS"]
    assert stats[0]["sk"]["S"] == "DAY#2026-11-30"
    assert stats[0]["n#messages_received"]["N"] == "7" and stats[0]["n#flow_completed"]["N"] == "1"


def test_english_turns_get_english_answers(api: Api) -> None:
    reply = api.chat("when is my garbage collected")
    assert reply["language"] == "en" and "What is your postcode?" in texts(reply)


def test_repeating_a_client_message_id_returns_the_stored_reply_and_writes_nothing(api: Api) -> None:
    first = api.chat("paspoort", clientMessageId="m-42")
    before = api.items()
    again = api.chat("paspoort", conversationId=first["conversationId"], clientMessageId="m-42")
    assert again == first
    assert api.items() == before


def test_asking_for_a_person_in_office_hours_waits_live_and_the_bot_goes_quiet_once_taken(api: Api) -> None:
    conversation_id = api.chat("paspoort")["conversationId"]
    reply = api.chat("ik wil een mens spreken", conversation_id)
    assert reply["handover"] == {"status": "live", "team": "burgerzaken", "expectedContactAt": None, "claimed": False,
                                 "notice": "U wacht op een medewerker van Burgerzaken. Blijf in dit gesprek."}
    item = api.conversation_item(conversation_id)
    assert item["handoverKey"]["S"] == "alpha#waiting"
    # Nobody has taken it yet: the message is kept for the person, and the resident reads so.
    kept = api.chat("hallo?", conversation_id)
    assert "bericht bewaard" in kept["messages"][0]["text"] and kept["handover"]["status"] == "live"
    update_conversation(wiring.services().store, "alpha", conversation_id,
                        lambda c: setattr(c.handover, "claimed_by", "anna"))
    quiet = api.chat("zijn jullie er nog?", conversation_id)
    assert quiet["messages"] == [] and quiet["handover"]["status"] == "live"


def test_polling_returns_staff_replies_after_the_cursor(api: Api) -> None:
    conversation_id = api.chat("paspoort")["conversationId"]
    status, headers, page = api.messages(conversation_id)
    assert status == 200 and headers["Access-Control-Allow-Origin"] == ALPHA_ORIGIN
    assert page["messages"][0] == {**page["messages"][0], "role": "resident", "text": "paspoort", "seq": 1}
    cursor = page["cursor"]
    store = wiring.services().store
    update_conversation(
        store, "alpha", conversation_id,
        lambda c: append_entries(c, Role.STAFF, [ReplyMessage(text="Ik help u verder.")], c.updated_at, author="anna"),
    )
    status, _, newer = api.messages(conversation_id, f"after={cursor}")
    assert [(m["role"], m["text"]) for m in newer["messages"]] == [("staff", "Ik help u verder.")]
    assert int(newer["cursor"]) > int(cursor)
    assert api.messages(conversation_id, f"after={newer['cursor']}")[2]["messages"] == []


def test_the_resident_can_erase_the_conversation(api: Api) -> None:
    conversation_id = api.chat("vertel een mop over voetbal")["conversationId"]
    assert any(i["pk"]["S"] == "T#alpha#UNANSWERED" for i in api.items())
    status, _, body = api.delete(conversation_id)
    assert status == 200 and body == {"conversationId": conversation_id, "deleted": True, "notErased": []}
    assert api.conversation_item(conversation_id) is None
    assert not any(i["pk"]["S"] == "T#alpha#UNANSWERED" for i in api.items())
    assert api.delete(conversation_id)[0] == 404
    assert api.messages(conversation_id)[0] == 404


def test_only_the_tenants_own_widget_origins_may_use_its_chat(api: Api) -> None:
    status, headers, reply = api.post({"tenant": "alpha", "message": "paspoort"})
    assert status == 200 and headers["Access-Control-Allow-Origin"] == ALPHA_ORIGIN
    conversation_id = reply["conversationId"]
    before = api.items()
    for origin in ("https://evil.example", "null", "https://www.alpha.example.evil.example"):
        status, headers, error = api.post({"tenant": "alpha", "message": "paspoort", "conversationId": conversation_id},
                                          origin=origin)
        assert status == 403 and error["error"]["code"] == "origin_not_allowed", origin
        assert "Access-Control-Allow-Origin" not in headers
    status, headers, error = api.post({"tenant": "beta", "message": "paspoort"})  # beta lists no widget origins
    assert status == 403 and error["error"]["code"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in headers
    for method, suffix in (("GET", "/messages"), ("DELETE", "")):
        status, _, error = api.by_id(method, conversation_id, suffix, origin="https://evil.example")
        assert status == 403 and error["error"]["code"] == "origin_not_allowed", method
    assert api.items() == before  # refused before anything was read or written
    status, headers, _ = api.post("{broken", headers={"content-type": "application/json"})
    assert status == 400 and "Access-Control-Allow-Origin" not in headers


def test_the_widget_settings_are_the_tenants_look_cacheable_for_its_own_pages(api: Api) -> None:
    def settings(tenant: str, origin: str = ALPHA_ORIGIN):
        return api.call(http_api_event("GET", f"/v1/widget/{tenant}", route_key="GET /v1/widget/{tenant}",
                                       path_parameters={"tenant": tenant}, headers={"origin": origin}))

    status, headers, body = settings("alpha")
    assert status == 200
    assert body == {"tenant": "alpha", "look": dict.fromkeys(
        ["primaryBackgroundColor", "primaryColor", "linkColor", "focusOutlineColor", "fontFamily", "borderRadius"])}
    assert headers["Cache-Control"] == "public, max-age=300"
    assert headers["Access-Control-Allow-Origin"] == ALPHA_ORIGIN
    status, _, error = settings("alpha", origin="https://evil.example")
    assert status == 403 and error["error"]["code"] == "origin_not_allowed"
    status, _, error = settings("nobody")
    assert status == 404 and error["error"]["code"] == "not_found"


def test_requests_without_an_origin_or_from_the_apis_own_origin_are_allowed(api: Api) -> None:
    # No Origin: curl or a server, no web page involved.
    status, _, reply = api.call(http_api_event("POST", "/v1/chat", body={"tenant": "beta", "message": "paspoort"}))
    assert status == 200
    conversation_id = reply["conversationId"]
    unlisted = {"origin": "https://api.balie.example", "host": "api.balie.example"}
    status, _, reply = api.post({"tenant": "beta", "message": "paspoort"}, origin=unlisted["origin"], headers=unlisted)
    assert status == 200  # a page on the API's own origin (the local demo page on any port)
    event = http_api_event("DELETE", f"/v1/chat/{conversation_id}", route_key="DELETE /v1/chat/{conversationId}",
                           path_parameters={"conversationId": conversation_id})
    assert api.call(event)[0] == 200


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        ("{not json", {"content-type": "application/json"}, 400, "invalid_input"),
        ('["a list"]', {"content-type": "application/json"}, 400, "invalid_input"),
        ("tenant=alpha&message=hoi", {"content-type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
        ({"tenant": "alpha", "message": "x" * 17000}, None, 413, "payload_too_large"),
        ({"tenant": "alpha", "message": ""}, None, 400, "invalid_input"),
        ({"tenant": "alpha", "message": "   "}, None, 400, "invalid_input"),
        ({"tenant": "alpha", "message": "x" * 1001}, None, 400, "invalid_input"),
        ({"tenant": "alpha", "message": "paspoort\x00"}, None, 400, "invalid_input"),
        ({"tenant": "alpha", "message": "paspoort\x1b[31m"}, None, 400, "invalid_input"),
        ({"tenant": "alpha"}, None, 400, "invalid_input"),
        ({"tenant": "alpha", "message": "paspoort", "locale": "de"}, None, 400, "invalid_input"),
        ({"tenant": "alpha", "message": "paspoort", "conversationId": "../../etc"}, None, 400, "invalid_input"),
        ({"tenant": "alpha", "message": "paspoort", "topic": "../paspoort"}, None, 400, "invalid_input"),
        ({"tenant": "nergenshuizen", "message": "paspoort"}, None, 404, "not_found"),
        ({"tenant": "alpha", "message": "paspoort", "conversationId": "alpha." + "0" * 32}, None, 404, "not_found"),
    ],
)
def test_bad_input_gets_a_clear_4xx_and_changes_nothing(api: Api, body, headers, status, code) -> None:
    before = api.items()
    got_status, got_headers, error = api.post(body, headers=headers)
    assert got_status == status
    assert set(error) == {"error"} and error["error"]["code"] == code and error["error"]["message"]
    assert api.items() == before


def test_a_conversation_of_another_tenant_is_not_found(api: Api) -> None:
    conversation_id = api.chat("paspoort")["conversationId"]
    as_beta = {"tenant": "beta", "message": "paspoort", "conversationId": conversation_id}
    status, _, error = api.call(http_api_event("POST", "/v1/chat", body=as_beta))  # no Origin: a server
    assert status == 404 and error["error"]["code"] == "not_found"
    status, _, error = api.post(as_beta)  # from alpha's widget page: not beta's
    assert status == 403 and error["error"]["code"] == "origin_not_allowed"
    assert api.messages(conversation_id, "tenant=beta")[0] == 404
    assert api.delete(conversation_id, "tenant=beta")[0] == 404
    assert api.conversation_item(conversation_id) is not None


def test_a_bad_cursor_is_a_400(api: Api) -> None:
    conversation_id = api.chat("paspoort")["conversationId"]
    status, _, error = api.messages(conversation_id, "after=abc")
    assert status == 400 and error["error"]["code"] == "invalid_input"


def test_more_than_thirty_turns_a_minute_is_429(api: Api) -> None:
    conversation_id = api.chat("paspoort")["conversationId"]
    for _ in range(RATE_LIMIT_TURNS - 1):
        api.chat("paspoort", conversation_id)
    before = api.conversation_item(conversation_id)
    status, headers, error = api.post({"tenant": "alpha", "message": "paspoort", "conversationId": conversation_id})
    assert status == 429 and error["error"]["code"] == "rate_limited" and headers["Retry-After"] == "60"
    assert api.conversation_item(conversation_id) == before


def test_turn_metrics_are_emitted_with_tenant_and_channel(api: Api, capfd) -> None:
    api.chat("vertel een mop over voetbal")
    emitted = [json.loads(line) for line in capfd.readouterr().out.splitlines() if '"_aws"' in line]
    metric = next(m for m in emitted if "messages_received" in m)
    assert metric["tenant"] == "alpha" and metric["channel"] == "web"
    assert metric["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "Balie"
    assert metric["fallback"] == [1.0] or metric["fallback"] == 1.0


def logged(caplog) -> str:
    """Every field of every log record (message, extras, exception text)."""
    return " ".join(f"{key}={value}" for record in caplog.records for key, value in vars(record).items())


def test_resident_text_is_never_logged(api: Api, caplog) -> None:
    caplog.set_level("INFO")
    api.chat("mijn bsn is 123456782, vertel een mop")
    text = logged(caplog)
    assert "msg=chat turn" in text and "tenant=alpha" in text
    assert "123456782" not in text and "vertel een mop" not in text


def test_two_turns_racing_on_one_conversation_both_land_in_dynamodb(api: Api, monkeypatch) -> None:
    conversation_id = api.chat("paspoort")["conversationId"]
    store = wiring.services().store
    write = store.save
    raced = []

    def save_after_a_rival(conversation, expected_version, counters=None, admission=None, effects=()):
        if not raced:
            raced.append(True)
            api.chat("id kaart aanvragen", conversation_id)  # the rival's turn commits first
        return write(conversation, expected_version, counters, admission, effects)

    monkeypatch.setattr(store, "save", save_after_a_rival)
    reply = api.chat("wat kost dat", conversation_id)
    # Re-read and decided again: the follow-up is about the topic the rival set.
    assert "Een identiteitskaart kost minder" in texts(reply)
    item = api.conversation_item(conversation_id)
    doc = document(item)
    residents = [e["text"] for e in doc["transcript"] if e["role"] == "resident"]
    assert residents == ["paspoort", "id kaart aanvragen", "wat kost dat"]
    assert item["version"]["N"] == "3"
    stats = next(i for i in api.items() if i["pk"]["S"] == "T#alpha#STATS")
    assert stats["n#messages_received"]["N"] == "3"  # the lost attempt added nothing


def test_a_retried_first_request_gets_the_same_response_and_writes_nothing(api: Api) -> None:
    body = {"tenant": "alpha", "message": "paspoort", "clientMessageId": "9d5e1f4a-7c2b-4e8d-a1f3-6b0c2d4e8f10"}
    status, _, first = api.post(body)
    before = api.items()
    status_again, _, again = api.post(body)
    assert status == status_again == 200 and again == first
    assert api.items() == before


def test_the_conversation_id_secret_is_shared_by_every_container(api: Api) -> None:
    from adapters.dynamodb_store import DynamoDBConversationStore

    first = DynamoDBConversationStore(boto3.client("dynamodb"), api.table).id_key()
    second = DynamoDBConversationStore(boto3.client("dynamodb"), api.table).id_key()
    assert first == second and len(first) == 32


def test_a_preflight_reaching_the_function_allows_only_known_widget_origins(api: Api) -> None:
    def preflight(path: str, route: str, origin: str, query: str = ""):
        headers = {"origin": origin, "access-control-request-method": "POST"}
        return api.call(http_api_event("OPTIONS", path, route_key=route, headers=headers, query=query))

    status, headers, _ = preflight("/v1/chat", "OPTIONS /v1/chat", ALPHA_ORIGIN)
    assert status == 204 and headers["Access-Control-Allow-Origin"] == ALPHA_ORIGIN
    assert "POST" in headers["Access-Control-Allow-Methods"]
    status, headers, _ = preflight("/v1/chat", "OPTIONS /v1/chat", "https://evil.example")
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, _ = preflight("/v1/chat", "OPTIONS /v1/chat", ALPHA_ORIGIN, query="tenant=beta")
    assert "Access-Control-Allow-Origin" not in headers  # beta's widget lives elsewhere


def test_an_unexpected_failure_is_a_json_500_without_the_resident_text(api: Api, monkeypatch, caplog) -> None:
    def broken(message):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(wiring.services().engine, "handle_turn", broken)
    status, _, error = api.post({"tenant": "alpha", "message": "mijn geheime vraag"})
    assert status == 500 and error["error"]["code"] == "internal"
    text = logged(caplog)
    assert "RuntimeError" in text and "disk on fire" in text and "mijn geheime vraag" not in text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=8,
)
chat_bodies = st.fixed_dictionaries(
    {"tenant": st.sampled_from(["alpha", "beta", "gamma", "", "ALPHA"]) | st.text(max_size=20)},
    optional={
        "message": st.text(max_size=1100),
        "conversationId": st.text(max_size=50) | st.just("alpha." + "0" * 32),
        "clientMessageId": st.text(max_size=120) | json_values,
        "locale": st.sampled_from(["nl", "en", "de"]) | json_values,
        "payload": st.sampled_from(["intent:paspoort", "followup:kosten", "feedback:yes", "handover:no", "x:y"])
        | st.text(max_size=90),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=chat_bodies | json_values)
def test_no_request_body_yields_a_5xx(api: Api, body) -> None:
    status, _, reply = api.post(json.dumps(body), headers={"content-type": "application/json"})
    assert status < 500, reply
    if status >= 400:
        assert set(reply["error"]) == {"code", "message"}
    else:
        assert set(reply) >= {"conversationId", "intent", "confidence", "messages", "handover"}

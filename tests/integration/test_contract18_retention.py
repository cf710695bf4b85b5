"""Retention: "kept only as long as the tenant says". DynamoDB's TTL deletes an expired item
some time after `expiresAt` (AWS: typically within days; the local emulation never), and until
then reads return it. A conversation, ticket or unanswered question past the tenant's
`retention_days` was still read by the widget's poll, the staff view, the ticket list and the
editors' list (on the local stack for ever); now it is gone the moment it expires, and a
channel conversation (WhatsApp names its own id) starts afresh in its place."""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import boto3
import pytest

from adapters.dynamodb_store import DynamoDBConversationStore
from adapters.dynamodb_tickets import DynamoDBTicketStore
from balie_local.events import LambdaContext, http_api_event
from core.clock import FixedClock
from core.models import Channel, Conversation, DailyCounters, Ticket, TicketStatus, TranscriptEntry, Role
from handlers import chat_api, wiring

MONDAY = "2026-11-30T10:00:00+01:00"
AFTER_RETENTION = "2026-12-31T10:00:00+01:00"  # voorbeeld keeps conversations 30 days


@pytest.fixture
def table(mock_aws, monkeypatch) -> str:
    monkeypatch.setenv("BALIE_NOW", MONDAY)
    wiring.use(None)
    yield mock_aws.merged_environment()["TABLE_NAME"]
    wiring.use(None)


def call(method: str, path: str, body: dict | None = None, **route) -> tuple[int, dict]:
    headers = {"content-type": "application/json"} if body is not None else {}
    result = chat_api.handler(http_api_event(method, path, body=body, headers=headers, **route),
                              LambdaContext("ChatApiFunction"))
    return result["statusCode"], json.loads(result["body"]) if result.get("body") else {}


def test_a_conversation_past_its_retention_is_gone_for_the_widget(table: str, monkeypatch) -> None:
    status, reply = call("POST", "/v1/chat", {"tenant": "voorbeeld", "message": "paspoort verlengen"})
    conversation_id = reply["conversationId"]
    route = {"route_key": "GET /v1/chat/{conversationId}/messages",
             "path_parameters": {"conversationId": conversation_id}}
    assert call("GET", f"/v1/chat/{conversation_id}/messages", **route)[0] == 200
    monkeypatch.setenv("BALIE_NOW", AFTER_RETENTION)
    wiring.use(None)
    assert call("GET", f"/v1/chat/{conversation_id}/messages", **route)[0] == 404
    status, _ = call("POST", "/v1/chat", {"tenant": "voorbeeld", "message": "wat kost dat",
                                          "conversationId": conversation_id})
    assert status == 404


def test_a_channel_conversation_past_its_retention_starts_afresh_in_its_place(table: str) -> None:
    clock = FixedClock(datetime.fromisoformat(MONDAY))
    store = DynamoDBConversationStore(boto3.client("dynamodb"), table, clock)
    moment = clock()
    old = Conversation(id="voorbeeld." + "a" * 64, tenant="voorbeeld", channel=Channel.WHATSAPP,
                       created_at=moment, updated_at=moment, expires_at=int(moment.timestamp()) + 86400,
                       transcript=[TranscriptEntry(seq=1, role=Role.RESIDENT, at=moment, text="mijn oude vraag")])
    store.save(old, 0)
    clock.advance(days=2)
    assert store.get("voorbeeld", old.id) is None
    fresh = Conversation(id=old.id, tenant="voorbeeld", channel=Channel.WHATSAPP, created_at=clock(),
                         updated_at=clock(), expires_at=int(clock().timestamp()) + 86400)
    store.save(fresh, 0)
    found = store.get("voorbeeld", old.id)
    assert found is not None and found.transcript == [] and found.version == 1


def test_tickets_and_unanswered_questions_past_their_retention_are_not_listed(table: str) -> None:
    clock = FixedClock(datetime.fromisoformat(MONDAY))
    client = boto3.client("dynamodb")
    conversations = DynamoDBConversationStore(client, table, clock)
    tickets = DynamoDBTicketStore(client, table, clock)
    moment = clock()
    conversation = Conversation(id="voorbeeld." + "b" * 32, tenant="voorbeeld", channel=Channel.WEB,
                                created_at=moment, updated_at=moment, expires_at=int(moment.timestamp()) + 30 * 86400)
    conversations.save(conversation, 0, DailyCounters(tenant="voorbeeld", day=moment.date().isoformat(), counts={},
                                                      unanswered=["kan ik een snorfiets op de maan huren"]))
    ticket = Ticket(id="ticket1", tenant="voorbeeld", team="kcc", conversation_id=conversation.id,
                    channel=Channel.WEB, intent=None, summary="", contact="+31612345678", contact_kind="phone",
                    created_at=moment, expected_contact_at=moment + timedelta(hours=14))
    tickets.create(ticket, int(moment.timestamp()) + 14 * 86400)
    day = moment.date()
    assert tickets.get("voorbeeld", "ticket1") is not None
    assert len(conversations.unanswered_questions("voorbeeld", day, day, 10)) == 1
    clock.advance(days=15)
    assert tickets.get("voorbeeld", "ticket1") is None
    assert tickets.list("voorbeeld", TicketStatus.OPEN) == []
    assert tickets.page("voorbeeld", TicketStatus.OPEN, None, limit=10).records == []
    clock.advance(days=16)  # past the conversation's 30 days
    assert conversations.unanswered_questions("voorbeeld", day, day, 10) == []

"""Retention as one rule for every store (core.retention), on the in-memory stores (`balie chat`,
`make run`'s unit-tested use cases) and on DynamoDB (moto, table from template.yaml):

- an item past its `expiresAt` is gone for every reader (the in-memory stores served it for ever);
- a tenant's lower `retention_days` applies to what is stored already (it applied only to new
  writes: an untouched conversation, its ticket, unanswered question and contact kept 30 days);
- raising the retention again does not bring back what the shorter one had ended.

Conversations (web and messaging), handovers, tickets, unanswered and "niet nuttig" questions and
a messaging conversation's contact; and a resident's erasure, which must reach all of them."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import boto3
import pytest

from adapters.dynamodb_store import DynamoDBConversationStore
from adapters.dynamodb_tickets import DynamoDBTicketStore
from adapters.messaging_store import MessagingStore
from core.clock import FixedClock
from core.effects import QueueTicket
from core.errors import NotFound
from core.erasure import erase_conversation
from core.memory import InMemoryConversationStore, InMemoryMessagingStore, InMemoryTicketStore
from core.messaging.events import Address
from core.models import (
    Channel,
    Conversation,
    DailyCounters,
    Handover,
    HandoverStatus,
    NotHelpfulAnswer,
    Role,
    Ticket,
    TicketStatus,
    TranscriptEntry,
)
from core.retention import Retention, erase_expired

WRITTEN = datetime.fromisoformat("2026-11-02T10:00:00+01:00")
DAY = WRITTEN.date()
TENANT = "alpha"


class TenantRetention:
    """The tenant's retention as its live version says (None: not known, the stored expiry alone)."""

    def __init__(self) -> None:
        self.now: Retention | None = None

    def __call__(self, tenant: str) -> Retention | None:
        return self.now


@dataclass
class Stores:
    clock: FixedClock
    retention: TenantRetention
    conversations: Any
    tickets: Any
    contacts: Any


@pytest.fixture(params=["memory", "dynamodb"])
def stores(request) -> Stores:
    clock, retention = FixedClock(WRITTEN), TenantRetention()
    if request.param == "memory":
        conversations = InMemoryConversationStore(clock=clock, retention=retention)
        return Stores(clock, retention, conversations, InMemoryTicketStore(conversations),
                      InMemoryMessagingStore(clock=clock, retention=retention, conversations=conversations))
    table = request.getfixturevalue("mock_aws").merged_environment()["TABLE_NAME"]
    client = boto3.client("dynamodb")
    return Stores(clock, retention, DynamoDBConversationStore(client, table, clock, retention),
                  DynamoDBTicketStore(client, table, clock, retention),
                  MessagingStore(client, table, clock, prefix="WA", retention=retention))


def write_resident_data(stores: Stores, number: int, days: int = 30) -> str:
    """A WhatsApp conversation now, kept `days` (the tenant's retention when written): waiting for
    a person, with an unanswered question, a "niet nuttig" answer, a ticket and the contact."""
    moment = stores.clock()
    conversation_id = f"{TENANT}.{number:064x}"
    expires = int(moment.timestamp()) + days * 86400
    stores.conversations.save(Conversation(
        id=conversation_id, tenant=TENANT, channel=Channel.WHATSAPP, created_at=moment, updated_at=moment,
        expires_at=expires, transcript=[TranscriptEntry(seq=1, role=Role.RESIDENT, at=moment, text="mijn vraag")],
        handover=Handover(status=HandoverStatus.WAITING, team="kcc", reason="asked", requested_at=moment),
    ), 0, DailyCounters(tenant=TENANT, day=moment.date().isoformat(), counts={},
                        unanswered=[f"vraag {number} zonder antwoord"],
                        not_helpful=[NotHelpfulAnswer(intent="paspoort", question=f"vraag {number}")]))
    stores.tickets.create(Ticket(
        id=f"ticket{number}", tenant=TENANT, team="kcc", conversation_id=conversation_id, channel=Channel.WHATSAPP,
        intent=None, summary="", contact="+31612345678", contact_kind="phone", created_at=moment,
        expected_contact_at=moment + timedelta(hours=14)), expires)
    stores.contacts.remember_contact(TENANT, conversation_id, Channel.WHATSAPP, Address(id="31612345678", kind="wa_id"),
                                     "111", moment, days)
    return conversation_id


def kept(stores: Stores, conversation_id: str) -> dict[str, bool]:
    """What each reader still finds of the conversation."""
    number = int(conversation_id.split(".")[1], 16)
    last = stores.clock().date()
    return {
        "conversation": stores.conversations.get(TENANT, conversation_id) is not None,
        "handovers": any(c.id == conversation_id
                         for c in stores.conversations.list_handovers(TENANT, HandoverStatus.WAITING)),
        "unanswered": f"vraag {number} zonder antwoord" in stores.conversations.unanswered_questions(TENANT, DAY, last, 50),
        "not helpful": any(item.question == f"vraag {number}"
                           for item in stores.conversations.not_helpful(TENANT, DAY, last, 50)),
        "ticket": stores.tickets.get(TENANT, f"ticket{number}") is not None,
        "ticket list": any(r.id == f"ticket{number}" for r in stores.tickets.list(TENANT, TicketStatus.OPEN)),
        "ticket page": any(r.id == f"ticket{number}"
                           for r in stores.tickets.page(TENANT, TicketStatus.OPEN, None, limit=50).records),
        "tickets of the conversation": bool(stores.tickets.of_conversation(TENANT, conversation_id)),
        "contact": stores.contacts.contact(TENANT, conversation_id) is not None,
    }


EVERYTHING = dict.fromkeys(["conversation", "handovers", "unanswered", "not helpful", "ticket", "ticket list",
                            "ticket page", "tickets of the conversation", "contact"], True)
NOTHING = dict.fromkeys(EVERYTHING, False)


def test_everything_past_its_expiry_is_gone_for_every_reader(stores: Stores) -> None:
    conversation_id = write_resident_data(stores, 1, days=14)
    stores.clock.advance(days=14, seconds=-1)
    assert kept(stores, conversation_id) == EVERYTHING
    stores.clock.advance(seconds=1)
    assert kept(stores, conversation_id) == NOTHING


def test_a_lower_retention_applies_to_what_is_stored_already(stores: Stores) -> None:
    conversation_id = write_resident_data(stores, 2, days=30)
    stores.retention.now = Retention(30)
    stores.clock.advance(days=20)
    assert kept(stores, conversation_id) == EVERYTHING
    stores.retention.now = Retention(30).replaced_at(stores.clock(), 14)  # `balie tenant put` with 14 days
    assert kept(stores, conversation_id) == NOTHING


def test_a_longer_retention_again_does_not_bring_back_what_the_shorter_one_ended(stores: Stores) -> None:
    ended = write_resident_data(stores, 3, days=30)
    stores.clock.advance(days=10)
    later = write_resident_data(stores, 4, days=30)
    stores.clock.advance(days=10)  # day 20: 14 days ends the first, not the second (written on day 10)
    shorter = Retention(30).replaced_at(stores.clock(), 14)
    stores.retention.now = shorter
    assert kept(stores, ended) == NOTHING and kept(stores, later) == EVERYTHING
    stores.clock.advance(days=1)
    stores.retention.now = shorter.replaced_at(stores.clock(), 30)  # back to 30 days on day 21
    assert kept(stores, ended) == NOTHING
    assert kept(stores, later) == EVERYTHING
    stores.clock.advance(days=19)  # day 40: the second's 30 days are over
    assert kept(stores, later) == NOTHING


def test_a_messaging_conversation_the_lower_retention_ended_starts_afresh_in_its_place(stores: Stores) -> None:
    conversation_id = write_resident_data(stores, 5, days=30)
    stores.clock.advance(days=15)
    stores.retention.now = Retention(14)
    assert stores.conversations.get(TENANT, conversation_id) is None
    moment = stores.clock()
    fresh = stores.conversations.save(Conversation(
        id=conversation_id, tenant=TENANT, channel=Channel.WHATSAPP, created_at=moment, updated_at=moment,
        expires_at=int(moment.timestamp()) + 14 * 86400), 0)
    found = stores.conversations.get(TENANT, conversation_id)
    assert found is not None and found.transcript == [] and found.version == fresh.version


class NoOpenKlant:
    """The tenant's settings erasure reads: it registers no tickets in an Open Klant."""

    def get(self, tenant: str) -> Any:
        return SimpleNamespace(tenant=SimpleNamespace(open_klant=SimpleNamespace(url=None)))


def test_a_residents_erasure_leaves_nothing_of_the_conversation_in_any_store(stores: Stores) -> None:
    """API.md: `DELETE /v1/chat/{id}` erases the conversation "everywhere it is stored": the transcript,
    the handover, its ticket, unanswered and "niet nuttig" questions, the messaging contact (the phone
    number) and a ticket still in the outbox; another resident's conversation stays."""
    erased, other = write_resident_data(stores, 8), write_resident_data(stores, 9)
    moment = stores.clock()
    ticket = stores.tickets.get(TENANT, "ticket8")
    stores.conversations.save(stores.conversations.get(TENANT, erased), 1,
                              effects=[QueueTicket(id="ticket8-again", ticket=ticket)])
    assert any(p.conversation_id == erased for p in stores.conversations.pending_effects(moment + timedelta(days=1)))
    erase_conversation(stores.conversations, stores.tickets, NoOpenKlant(), TENANT, erased)
    assert kept(stores, erased) == NOTHING
    assert not any(p.conversation_id == erased for p in stores.conversations.pending_effects(moment + timedelta(days=1)))
    assert kept(stores, other) == EVERYTHING


def test_what_the_retention_ended_is_erased_not_left_to_ttl(stores: Stores) -> None:
    """Readers stop seeing an item at once, but DynamoDB's TTL deletes it only at the `expiresAt` it
    was written with (after a lower retention: weeks later). The scheduled run erases the
    conversations the retention has ended, with everything stored with them; the rest stays."""
    ended = write_resident_data(stores, 10, days=30)
    stores.clock.advance(days=10)
    kept_on = write_resident_data(stores, 11, days=30)
    stores.clock.advance(days=10)  # day 20
    stores.retention.now = Retention(30).replaced_at(stores.clock(), 14)
    assert erase_expired(stores.conversations, stores.retention, [TENANT], stores.clock()) == 1
    stores.retention.now = Retention(30)  # what a reader would show under the longer retention: nothing
    assert kept(stores, ended) == NOTHING and kept(stores, kept_on) == EVERYTHING
    assert erase_expired(stores.conversations, stores.retention, [TENANT], stores.clock()) == 0
    if isinstance(stores.conversations, DynamoDBConversationStore):  # nothing of it left in the table
        table = stores.conversations.table
        items = boto3.client("dynamodb").scan(TableName=table)["Items"]
        assert not [item for item in items if ended in str(item) or "ticket10" in str(item)]


def test_the_scheduled_function_erases_a_widget_conversation_past_the_tenants_retention(mock_aws, monkeypatch) -> None:
    """The housekeeping function every 5 minutes (OutboxSweeperFunction) on the deployed wiring: the
    tenants' retention from their live versions, every tenant of the directory."""
    from balie_local.events import LambdaContext, http_api_event
    from handlers import chat_api, outbox_sweeper, wiring

    table = mock_aws.merged_environment()["TABLE_NAME"]
    monkeypatch.setenv("BALIE_NOW", "2026-11-02T10:00:00+01:00")
    wiring.use(None)
    event = http_api_event("POST", "/v1/chat", body={"tenant": "voorbeeld", "message": "Mijn nummer is 0612345678"},
                           headers={"content-type": "application/json"})
    conversation_id = json.loads(chat_api.handler(event, LambdaContext("ChatApiFunction"))["body"])["conversationId"]
    scheduled = {"detail-type": "Scheduled Event", "source": "aws.events", "detail": {}}
    assert outbox_sweeper.handler(scheduled, LambdaContext("OutboxSweeperFunction"))["erased"] == 0
    monkeypatch.setenv("BALIE_NOW", "2026-12-02T10:00:01+01:00")  # voorbeeld keeps 30 days
    wiring.use(None)
    assert outbox_sweeper.handler(scheduled, LambdaContext("OutboxSweeperFunction"))["erased"] == 1
    items = boto3.client("dynamodb").scan(TableName=table)["Items"]
    assert not [item for item in items if conversation_id in json.dumps(item, default=str)]
    wiring.use(None)


def test_staff_neither_list_nor_take_what_the_retention_ended(stores: Stores) -> None:
    """The bot's conversations (its index holds no expiresAt) and a ticket claimed by its id."""
    moment = stores.clock()
    bot = Conversation(id=f"{TENANT}.{12:064x}", tenant=TENANT, channel=Channel.WEB, created_at=moment,
                       updated_at=moment, expires_at=int(moment.timestamp()) + 30 * 86400)
    stores.conversations.save(bot, 0)
    write_resident_data(stores, 13, days=14)
    since = moment - timedelta(days=1)
    assert [c.conversation_id for c in stores.conversations.bot_conversations(TENANT, since)] == [bot.id]
    stores.clock.advance(days=15)
    stores.retention.now = Retention(14)
    assert stores.conversations.bot_conversations(TENANT, since) == []
    with pytest.raises(NotFound):
        stores.tickets.claim(TENANT, "ticket13", "kcc-1", stores.clock())

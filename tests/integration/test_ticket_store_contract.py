"""One contract for every TicketStore: the in-memory store (unit tests) and the DynamoDB
store (moto, table and TicketIndex created from template.yaml). Each pair of stores
shares its conversations with a ConversationStore of the same kind, since a ticket
lives only as long as its conversation."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import boto3
import pytest

from adapters.dynamodb_store import DynamoDBConversationStore
from adapters.dynamodb_tickets import DynamoDBTicketStore
from core.clock import FixedClock
from core.errors import Conflict, NotFound
from core.memory import InMemoryConversationStore, InMemoryTicketStore
from core.models import AddedToTicket, Channel, Conversation, Ticket, TicketAddition, TicketStatus, ticket_position

MOMENT = datetime.fromisoformat("2026-11-30T10:00:00+01:00")
EXPIRES = int(MOMENT.timestamp()) + 30 * 86400


@dataclass
class Stores:
    conversations: Any
    tickets: Any


@pytest.fixture(params=["memory", "dynamodb"])
def stores(request) -> Stores:
    clock = FixedClock(MOMENT)  # the tickets' time: they expire 30 days after it
    if request.param == "memory":
        conversations = InMemoryConversationStore(clock=clock)
        return Stores(conversations, InMemoryTicketStore(conversations))
    deployment = request.getfixturevalue("mock_aws")
    table = deployment.merged_environment()["TABLE_NAME"]
    client = boto3.client("dynamodb")
    return Stores(DynamoDBConversationStore(client, table, clock), DynamoDBTicketStore(client, table, clock))


def ticket(stores: Stores, number: int, *, team: str = "kcc", tenant: str = "alpha", minutes: int = 0) -> Ticket:
    """A ticket of a stored conversation (one conversation per ticket)."""
    conversation_id = f"{tenant}.{number:032x}"
    if stores.conversations.get(tenant, conversation_id) is None:
        stores.conversations.save(Conversation(id=conversation_id, tenant=tenant, channel=Channel.WEB,
                                               created_at=MOMENT, updated_at=MOMENT), 0)
    created = MOMENT + timedelta(minutes=minutes)
    return Ticket(id=f"ticket{number}", tenant=tenant, team=team, conversation_id=conversation_id,
                  channel=Channel.WEB, intent="paspoort", summary="Inwoner: vraag", contact="+31612345678",
                  contact_kind="phone", created_at=created, expected_contact_at=created + timedelta(hours=14))


def test_create_is_idempotent_by_ticket_id(stores: Stores) -> None:
    original = ticket(stores, 1)
    record, new = stores.tickets.create(original, EXPIRES)
    assert new and record.status == TicketStatus.OPEN and record.contact == "+31612345678"
    again, new_again = stores.tickets.create(original.model_copy(update={"summary": "changed"}), EXPIRES)
    assert not new_again and again == record
    assert stores.tickets.get("alpha", original.id) == record
    assert stores.tickets.get("beta", original.id) is None  # keyed by tenant


def test_no_ticket_without_its_conversation(stores: Stores) -> None:
    orphan = ticket(stores, 2).model_copy(update={"conversation_id": "alpha." + "f" * 32})
    with pytest.raises(NotFound):
        stores.tickets.create(orphan, EXPIRES)
    assert stores.tickets.get("alpha", orphan.id) is None


def test_lists_per_status_and_team_oldest_first(stores: Stores) -> None:
    for number, team, minutes in ((1, "kcc", 30), (2, "burgerzaken", 10), (3, "kcc", 20), (4, "kcc-extra", 0)):
        stores.tickets.create(ticket(stores, number, team=team, minutes=minutes), EXPIRES)
    stores.tickets.create(ticket(stores, 5, tenant="beta"), EXPIRES)
    listed = stores.tickets.list("alpha", TicketStatus.OPEN)
    assert [r.id for r in listed] == ["ticket4", "ticket2", "ticket3", "ticket1"]
    assert [r.id for r in stores.tickets.list("alpha", TicketStatus.OPEN, ["kcc"])] == ["ticket3", "ticket1"]
    assert [r.id for r in stores.tickets.list("alpha", TicketStatus.OPEN, ["kcc", "burgerzaken"])] == [
        "ticket2", "ticket3", "ticket1"]
    assert stores.tickets.list("alpha", TicketStatus.CLAIMED) == []


def test_claim_release_done(stores: Stores) -> None:
    record, _ = stores.tickets.create(ticket(stores, 1), EXPIRES)
    claimed = stores.tickets.claim("alpha", record.id, "anna", MOMENT)
    assert claimed.status == TicketStatus.CLAIMED and claimed.claimed_by == "anna" and claimed.claimed_at == MOMENT
    assert stores.tickets.claim("alpha", record.id, "anna", MOMENT + timedelta(hours=1)).claimed_at == MOMENT
    with pytest.raises(Conflict):
        stores.tickets.claim("alpha", record.id, "bert", MOMENT)
    with pytest.raises(Conflict):
        stores.tickets.release("alpha", record.id, "bert")
    assert [r.id for r in stores.tickets.list("alpha", TicketStatus.CLAIMED)] == [record.id]
    released = stores.tickets.release("alpha", record.id, None)
    assert released.status == TicketStatus.OPEN and released.claimed_by is None and released.claimed_at is None
    stores.tickets.claim("alpha", record.id, "bert", MOMENT)
    with pytest.raises(Conflict):
        stores.tickets.done("alpha", record.id, "anna", MOMENT, "gebeld", None)
    done = stores.tickets.done("alpha", record.id, "bert", MOMENT, "gebeld", "afspraak gemaakt")
    assert (done.status, done.done_by, done.outcome, done.note) == (TicketStatus.DONE, "bert", "gebeld", "afspraak gemaakt")
    with pytest.raises(Conflict):
        stores.tickets.done("alpha", record.id, "bert", MOMENT, "again", None)
    assert [r.id for r in stores.tickets.list("alpha", TicketStatus.DONE)] == [record.id]
    assert stores.tickets.list("alpha", TicketStatus.CLAIMED) == []
    for transition in (lambda: stores.tickets.claim("alpha", "nope", "anna", MOMENT),
                       lambda: stores.tickets.release("alpha", "nope", None),
                       lambda: stores.tickets.done("beta", record.id, "bert", MOMENT, "x", None)):
        with pytest.raises(NotFound):
            transition()


def test_an_open_ticket_may_be_done_without_a_claim(stores: Stores) -> None:
    record, _ = stores.tickets.create(ticket(stores, 1), EXPIRES)
    done = stores.tickets.done("alpha", record.id, "anna", MOMENT, "niet nodig", None)
    assert done.status == TicketStatus.DONE and done.note is None


def test_deliveries_are_remembered(stores: Stores) -> None:
    record, _ = stores.tickets.create(ticket(stores, 1), EXPIRES)
    stores.tickets.record_delivery("alpha", record.id, notified_at=MOMENT)
    stores.tickets.record_delivery("alpha", record.id, open_klant={"klantcontact": "u1", "interneTaak": "u5"})
    stored = stores.tickets.get("alpha", record.id)
    assert stored.notified_at == MOMENT and stored.open_klant == {"klantcontact": "u1", "interneTaak": "u5"}
    again, _ = stores.tickets.create(ticket(stores, 1), EXPIRES)
    assert again.notified_at == MOMENT  # a redelivery sees what was done


def test_erasing_the_conversation_erases_its_tickets(stores: Stores) -> None:
    first, _ = stores.tickets.create(ticket(stores, 1), EXPIRES)
    second = ticket(stores, 1).model_copy(update={"id": "ticket1b"})  # a second callback, same conversation
    stores.tickets.create(second, EXPIRES)
    other, _ = stores.tickets.create(ticket(stores, 2), EXPIRES)
    assert {r.id for r in stores.tickets.of_conversation("alpha", first.conversation_id)} == {"ticket1", "ticket1b"}
    assert stores.conversations.delete("alpha", first.conversation_id)
    assert stores.tickets.get("alpha", "ticket1") is None and stores.tickets.get("alpha", "ticket1b") is None
    assert stores.tickets.of_conversation("alpha", first.conversation_id) == []
    assert [r.id for r in stores.tickets.list("alpha", TicketStatus.OPEN)] == [other.id]
    with pytest.raises(NotFound):  # the intake cannot bring it back
        stores.tickets.create(second, EXPIRES)


def _walk(stores: Stores, teams: list[str] | None, limit: int, newest_first: bool = False) -> list[list[str]]:
    """Every page of the done tickets, following `next` until it is None."""
    pages, after = [], None
    while True:
        page = stores.tickets.page("alpha", TicketStatus.DONE, teams, limit=limit, after=after, newest_first=newest_first)
        pages.append([r.id for r in page.records])
        if page.next is None:
            return pages
        assert page.next == ticket_position(page.records[-1])
        after = page.next


def test_pages_of_done_tickets_across_teams_in_time_order(stores: Stores) -> None:
    # Teams whose ids share a prefix ("kcc", "kcc-extra") and times that interleave across teams.
    plan = ((1, "kcc", 0), (2, "burgerzaken", 5), (3, "kcc-extra", 10), (4, "kcc", 15), (5, "burgerzaken", 20),
            (6, "kcc", 25), (7, "kcc-extra", 30))
    for number, team, minutes in plan:
        stores.tickets.create(ticket(stores, number, team=team, minutes=minutes), EXPIRES)
        stores.tickets.done("alpha", f"ticket{number}", "anna", MOMENT, "gebeld", None)
    stores.tickets.create(ticket(stores, 8, team="kcc", minutes=1), EXPIRES)  # open: not in the done pages
    stores.tickets.create(ticket(stores, 9, tenant="beta", minutes=2), EXPIRES)
    stores.tickets.done("beta", "ticket9", "anna", MOMENT, "gebeld", None)  # another tenant's
    ids = [f"ticket{number}" for number, _, _ in plan]
    assert _walk(stores, None, 3) == [ids[0:3], ids[3:6], ids[6:]]
    assert _walk(stores, None, 7) == [ids]  # exactly one page: no empty page after it
    assert _walk(stores, None, 2, newest_first=True) == [ids[:-3:-1], ids[-3:-5:-1], ids[-5:-7:-1], ids[:1]]
    assert _walk(stores, ["kcc"], 2) == [["ticket1", "ticket4"], ["ticket6"]]
    assert _walk(stores, ["kcc-extra", "burgerzaken"], 3) == [["ticket2", "ticket3", "ticket5"], ["ticket7"]]
    assert _walk(stores, ["kcc"], 1, newest_first=True) == [["ticket6"], ["ticket4"], ["ticket1"]]
    assert _walk(stores, ["nobody"], 5) == [[]]
    # A page goes on after a position whose ticket is gone (erased with its conversation).
    after = ticket_position(stores.tickets.get("alpha", "ticket4"))
    stores.conversations.delete("alpha", f"alpha.{4:032x}")
    assert [r.id for r in stores.tickets.page("alpha", TicketStatus.DONE, None, limit=2, after=after).records] == [
        "ticket5", "ticket6"]


def added(item: Ticket, number: int, text: str = "het is dringend", **contact: str) -> AddedToTicket:
    return AddedToTicket(tenant=item.tenant, conversation_id=item.conversation_id, ticket_id=item.id,
                         addition=TicketAddition(id=f"addition{number}", at=MOMENT + timedelta(minutes=number),
                                                 text=text, **contact))


def test_additions_are_kept_once_in_order_whatever_the_status(stores: Stores) -> None:
    item = ticket(stores, 1)
    stores.tickets.create(item, EXPIRES)
    record, new = stores.tickets.add(added(item, 1))
    assert new and [a.text for a in record.additions] == ["het is dringend"]
    stores.tickets.claim("alpha", item.id, "sanne", MOMENT)
    record, new = stores.tickets.add(added(item, 2, "of bel [TELEFOON]", contact="+31687654321", contact_kind="phone"))
    assert new and record.status == TicketStatus.CLAIMED
    again, new_again = stores.tickets.add(added(item, 2, "changed"))  # a redelivery: nothing added
    assert not new_again and again.additions == record.additions
    stored = stores.tickets.get("alpha", item.id)
    assert [(a.id, a.text, a.contact) for a in stored.additions] == [
        ("addition1", "het is dringend", None), ("addition2", "of bel [TELEFOON]", "+31687654321")]
    assert stored.contact == "+31612345678" and stored.summary == item.summary  # the ticket itself unchanged


def test_an_addition_waits_for_its_ticket_and_never_outlives_the_conversation(stores: Stores) -> None:
    item = ticket(stores, 3)
    assert stores.tickets.add(added(item, 1)) is None  # the ticket's own message is still on its way
    stores.tickets.create(item, EXPIRES)
    stores.conversations.delete("alpha", item.conversation_id)
    with pytest.raises(NotFound):
        stores.tickets.add(added(item, 2))
    assert stores.tickets.get("alpha", item.id) is None


def test_an_urgent_addition_marks_the_ticket_in_every_list_of_it(stores: Stores) -> None:
    calm, pressing = ticket(stores, 1), ticket(stores, 2, minutes=5)
    for item in (calm, pressing):
        stores.tickets.create(item, EXPIRES)
    stores.tickets.add(added(calm, 1, "ik ben pas na 14 uur thuis"))
    urgent = added(pressing, 2)
    record, _ = stores.tickets.add(urgent.model_copy(update={"addition": urgent.addition.model_copy(update={"urgent": True})}))
    assert record.urgent and record.additions[0].urgent
    stores.tickets.add(added(pressing, 3, "ik ben pas na 14 uur thuis"))  # a calm one after it keeps the mark
    assert [(r.id, r.urgent) for r in stores.tickets.list("alpha", TicketStatus.OPEN)] == [
        ("ticket1", False), ("ticket2", True)]
    stores.tickets.claim("alpha", "ticket2", "sanne", MOMENT)
    assert [(r.id, r.urgent) for r in stores.tickets.page("alpha", TicketStatus.CLAIMED, None, limit=5).records] == [
        ("ticket2", True)]


def test_a_ticket_queued_urgent_is_urgent_in_every_list_of_it(stores: Stores) -> None:
    """A callback asked for after crisis help comes urgent from the dialogue: staff see it first, and a calm addition
    after it keeps the mark."""
    calm, pressing = ticket(stores, 1), ticket(stores, 2, minutes=5).model_copy(update={"urgent": True})
    for item in (calm, pressing):
        stores.tickets.create(item, EXPIRES)
    assert stores.tickets.get("alpha", "ticket2").urgent and not stores.tickets.get("alpha", "ticket1").urgent
    stores.tickets.add(added(pressing, 3, "ik ben pas na 14 uur thuis"))
    assert [(r.id, r.urgent) for r in stores.tickets.list("alpha", TicketStatus.OPEN)] == [
        ("ticket1", False), ("ticket2", True)]
    assert [(r.id, r.urgent) for r in stores.tickets.page("alpha", TicketStatus.OPEN, None, limit=5).records] == [
        ("ticket1", False), ("ticket2", True)]


def test_an_additions_deliveries_are_remembered_on_it_alone(stores: Stores) -> None:
    item = ticket(stores, 1)
    stores.tickets.create(item, EXPIRES)
    stores.tickets.add(added(item, 1))
    stores.tickets.add(added(item, 2, "ik ben pas na 14 uur thuis"))
    stores.tickets.record_delivery("alpha", item.id, notified_at=MOMENT, addition="addition2")
    stores.tickets.record_delivery("alpha", item.id, open_klant={"klantcontact": "uuid-6"}, addition="addition2")
    stored = stores.tickets.get("alpha", item.id)
    first, second = stored.additions
    assert (first.notified_at, first.open_klant) == (None, {})
    assert (second.notified_at, second.open_klant, second.text) == (MOMENT, {"klantcontact": "uuid-6"},
                                                                    "ik ben pas na 14 uur thuis")
    assert stored.notified_at is None and stored.open_klant == {}  # the ticket's own steps are its own
    with pytest.raises(NotFound):
        stores.tickets.record_delivery("alpha", item.id, notified_at=MOMENT, addition="nothing")


def test_the_claimants_name_is_kept_with_the_claim_and_forgotten_on_release(stores: Stores) -> None:
    named, _ = stores.tickets.create(ticket(stores, 1), EXPIRES)
    nameless, _ = stores.tickets.create(ticket(stores, 2, minutes=1), EXPIRES)
    claimed = stores.tickets.claim("alpha", named.id, "anna", MOMENT, "Anna de Vries")
    assert (claimed.claimed_by, claimed.claimed_by_name) == ("anna", "Anna de Vries")
    # A claim without a name is what a record claimed before names were kept reads like: no name.
    assert stores.tickets.claim("alpha", nameless.id, "bert", MOMENT).claimed_by_name is None
    assert [(r.id, r.claimed_by_name) for r in stores.tickets.list("alpha", TicketStatus.CLAIMED)] == [
        (named.id, "Anna de Vries"), (nameless.id, None)]
    assert stores.tickets.claim("alpha", named.id, "anna", MOMENT, "Anna").claimed_by_name == "Anna de Vries"  # unchanged
    released = stores.tickets.release("alpha", named.id, "anna")
    assert released.claimed_by_name is None and stores.tickets.get("alpha", named.id).claimed_by_name is None
    again = stores.tickets.claim("alpha", named.id, "carla", MOMENT)
    assert (again.claimed_by, again.claimed_by_name) == ("carla", None)  # never the earlier holder's name

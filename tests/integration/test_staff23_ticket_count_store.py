"""TicketStore.marks (with get_many), the dashboard's count of open callback requests and its urgent-order page, on every store: the in-memory
store and the DynamoDB store (moto, table and TicketIndex from template.yaml). The count must stay what
the list says through open, claim, release, done, an urgent addition, erasure and expiry (a ticket's own
expiresAt, and a tenant's retention lowered afterwards), per team and for every team, without reading
the records (session 23, staff23; was a full read of the open list on every dashboard refresh)."""
from __future__ import annotations

from datetime import timedelta

from test_privacy19_retention import TENANT, Stores, stores  # noqa: F401 - the module's fixture: both stores, clock, retention
from test_privacy19_retention import WRITTEN as MOMENT

from core.models import AddedToTicket, Channel, Conversation, Ticket, TicketAddition, TicketCount, TicketStatus
from core.retention import Retention


def queue(stores: Stores, number: int, *, team: str = "kcc", minutes: int = 0, days: int = 30,
          urgent: bool = False) -> Ticket:
    """A ticket of a conversation of its own, created `minutes` after MOMENT and stored with `days` of retention."""
    created = MOMENT + timedelta(minutes=minutes)
    conversation_id = f"{TENANT}.{number:032x}"
    stores.conversations.save(Conversation(id=conversation_id, tenant=TENANT, channel=Channel.WEB, created_at=created,
                                           updated_at=created, expires_at=int(created.timestamp()) + 60 * 86400), 0)
    ticket = Ticket(id=f"ticket{number}", tenant=TENANT, team=team, conversation_id=conversation_id, channel=Channel.WEB,
                    intent="paspoort", summary="Inwoner: vraag", contact="+31612345678", contact_kind="phone",
                    created_at=created, expected_contact_at=created + timedelta(hours=14), urgent=urgent)
    stores.tickets.create(ticket, int(created.timestamp()) + days * 86400)
    return ticket


def counted(stores: Stores, status: TicketStatus, teams: list[str] | None = None) -> TicketCount:
    """The count of the store's marks, each checked against its own list (what the dashboard lists): the same
    tickets, ids, creation times, urgent flags and holders; the records of the marks read back with `get_many`."""
    marks = stores.tickets.marks(TENANT, status, teams)
    listed = stores.tickets.list(TENANT, status, teams)
    assert sorted(marks) == sorted((record.id, record.created_at, record.urgent, record.claimed_by)
                                   for record in listed), (marks, listed)
    assert sorted(stores.tickets.get_many(TENANT, [mark.id for mark in marks]), key=lambda r: r.id) == sorted(
        listed, key=lambda r: r.id)
    return TicketCount.of(marks)


def test_the_count_follows_open_claim_release_done_and_an_urgent_addition(stores: Stores) -> None:
    assert counted(stores, TicketStatus.OPEN) == TicketCount(0, 0)
    for number, team in ((1, "kcc"), (2, "kcc"), (3, "burgerzaken"), (4, "kcc-extra")):
        queue(stores, number, team=team, minutes=number)
    queue(stores, 5, team="kcc", minutes=5, urgent=True)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(5, 1)
    assert counted(stores, TicketStatus.OPEN, ["kcc"]) == TicketCount(3, 1)  # not kcc-extra's
    assert counted(stores, TicketStatus.OPEN, ["burgerzaken", "kcc-extra"]) == TicketCount(2, 0)
    assert stores.tickets.marks("beta", TicketStatus.OPEN) == [] and stores.tickets.get_many("beta", ["ticket1"]) == []

    stores.tickets.claim(TENANT, "ticket5", "anna", MOMENT, "Anna")
    assert counted(stores, TicketStatus.OPEN) == TicketCount(4, 0)
    assert counted(stores, TicketStatus.CLAIMED) == TicketCount(1, 1)
    stores.tickets.claim(TENANT, "ticket5", "anna", MOMENT)  # claiming one's own again changes nothing
    assert counted(stores, TicketStatus.CLAIMED) == TicketCount(1, 1)
    stores.tickets.release(TENANT, "ticket5", None)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(5, 1)
    assert counted(stores, TicketStatus.CLAIMED) == TicketCount(0, 0)

    stores.tickets.claim(TENANT, "ticket1", "anna", MOMENT)
    stores.tickets.done(TENANT, "ticket1", "anna", MOMENT, "Gebeld, geholpen", None)
    stores.tickets.done(TENANT, "ticket3", "bert", MOMENT, "Niet meer nodig", None)  # open -> done, no claim
    assert counted(stores, TicketStatus.OPEN) == TicketCount(3, 1)
    assert counted(stores, TicketStatus.CLAIMED) == TicketCount(0, 0)
    assert counted(stores, TicketStatus.DONE) == TicketCount(2, 0)

    # "het is wel dringend" added to a calm one: counted urgent from then on, once.
    addition = TicketAddition(id="add-1", at=MOMENT, text="het is wel dringend", urgent=True)
    for _ in range(2):  # a redelivery adds nothing
        stores.tickets.add(AddedToTicket(tenant=TENANT, ticket_id="ticket2", conversation_id=f"{TENANT}.{2:032x}",
                                         addition=addition))
    assert counted(stores, TicketStatus.OPEN) == TicketCount(3, 2)
    assert counted(stores, TicketStatus.OPEN, ["kcc"]) == TicketCount(2, 2)

    # A resident's erasure takes their ticket with the conversation.
    assert stores.conversations.delete(TENANT, f"{TENANT}.{2:032x}")
    assert counted(stores, TicketStatus.OPEN) == TicketCount(2, 1)


def test_the_count_follows_expiry_by_the_tickets_own_expiry_and_a_lower_retention(stores: Stores) -> None:
    queue(stores, 1, days=14, urgent=True)  # stored when the retention was 14 days
    queue(stores, 2, minutes=10)
    queue(stores, 3, minutes=20, team="burgerzaken")
    stores.tickets.claim(TENANT, "ticket3", "anna", MOMENT)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(2, 1)

    stores.clock.advance(days=14)  # ticket1's own expiresAt has passed (TTL may not have deleted it yet)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(1, 0)
    assert counted(stores, TicketStatus.OPEN, ["kcc"]) == TicketCount(1, 0)

    # The tenant lowers its retention to 7 days: what was made more than 7 days ago is gone at once,
    # open or claimed, counted per team or for all.
    stores.retention.now = Retention(days=7)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(0, 0)
    assert counted(stores, TicketStatus.CLAIMED) == TicketCount(0, 0)
    assert counted(stores, TicketStatus.CLAIMED, ["burgerzaken"]) == TicketCount(0, 0)

    # Raised again, nothing the lower one ended comes back; a ticket made since counts.
    stores.retention.now = Retention(days=30, expired_before=int(stores.clock().timestamp()) - 7 * 86400)
    queue(stores, 4, minutes=14 * 24 * 60 + 5)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(1, 0)


def test_a_ticket_is_gone_exactly_when_its_retention_ends(stores: Stores) -> None:
    """The boundary to the second, as every reader applies core.retention (written + days <= now: gone)."""
    queue(stores, 1)
    stores.retention.now = Retention(days=2)
    stores.clock.moment = MOMENT + timedelta(days=2) - timedelta(microseconds=1)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(1, 0)
    stores.clock.moment = MOMENT + timedelta(days=2)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(0, 0)

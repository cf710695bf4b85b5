"""The ticket marks on every store (in memory; DynamoDB on moto, table and indexes from template.yaml), session 24,
staff24: DynamoDB reads them from the slim TicketMarkIndex (the TicketIndex's keys with `urgent`, `expiresAt` and
`claimedBy` projected; the marks were read from the TicketIndex, which holds whole tickets), they say who holds a
claimed ticket, and "Volgend verzoek" (TicketDesk.next) chooses by them on either store: a request one holds back
first, then urgent ones, then the oldest, of one's own teams, none past its retention."""
from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from test_privacy19_retention import TENANT, WRITTEN, Stores, stores  # noqa: F401 - the module's fixture: both stores, clock, retention
from test_staff23_ticket_count_store import counted, queue

from adapters.dynamodb_store import DynamoDBConversationStore
from adapters.dynamodb_tickets import MARK_INDEX, DynamoDBTicketStore
from core.clock import FixedClock
from core.errors import ServiceUnavailable
from core.models import AddedToTicket, TicketAddition, TicketCount, TicketStatus
from core.retention import Retention
from core.staff import StaffIdentity
from core.tickets import TicketDesk


def staff(subject: str, teams: str = "*") -> StaffIdentity:
    return StaffIdentity.from_claims({"sub": subject, "custom:tenant": TENANT, "custom:teams": teams})


def desk(stores: Stores) -> TicketDesk:
    return TicketDesk(tickets=stores.tickets, store=stores.conversations, clock=stores.clock)


def dynamodb_stores(table: str) -> Stores:
    """The DynamoDB stores on moto's table, without a tenant's retention."""
    clock, client = FixedClock(WRITTEN), boto3.client("dynamodb")
    return Stores(clock, None, DynamoDBConversationStore(client, table, clock), DynamoDBTicketStore(client, table, clock),
                  None)


def holders(stores: Stores, status: TicketStatus) -> dict[str, str | None]:
    return {mark.id: mark.claimed_by for mark in stores.tickets.marks(TENANT, status)}


def test_the_marks_say_who_holds_a_ticket_through_claim_release_and_done(stores: Stores) -> None:
    for number in (1, 2, 3):
        queue(stores, number, minutes=number)
    assert holders(stores, TicketStatus.OPEN) == {"ticket1": None, "ticket2": None, "ticket3": None}
    stores.tickets.claim(TENANT, "ticket1", "anna", stores.clock(), "Anna")
    stores.tickets.claim(TENANT, "ticket2", "bert", stores.clock())
    assert holders(stores, TicketStatus.CLAIMED) == {"ticket1": "anna", "ticket2": "bert"}
    stores.tickets.release(TENANT, "ticket1", "anna")
    stores.tickets.claim(TENANT, "ticket1", "bert", stores.clock())
    assert holders(stores, TicketStatus.CLAIMED) == {"ticket1": "bert", "ticket2": "bert"}
    stores.tickets.done(TENANT, "ticket2", "bert", stores.clock(), "Gebeld", None)
    assert holders(stores, TicketStatus.DONE) == {"ticket2": "bert"}  # who worked it stays on the record
    for status in TicketStatus:  # and every mark is still its list's
        counted(stores, status)


def test_next_hands_out_by_the_marks_in_the_urgent_order_of_ones_own_teams(stores: Stores) -> None:
    for number, team in ((1, "kcc"), (2, "burgerzaken"), (3, "kcc"), (4, "kcc-extra")):
        queue(stores, number, team=team, minutes=number)
    queue(stores, 5, team="kcc", minutes=5, urgent=True)
    addition = TicketAddition(id="add-1", at=stores.clock(), text="het is wel dringend", urgent=True)
    stores.tickets.add(AddedToTicket(tenant=TENANT, ticket_id="ticket3", conversation_id=f"{TENANT}.{3:032x}",
                                     addition=addition))
    work = desk(stores)
    # Urgent first, the older urgent one (made urgent later) before the newer; then a held one comes back.
    assert [(r.id, held) for r, held in [work.next(staff("anna"))]] == [("ticket3", False)]
    assert [(r.id, held) for r, held in [work.next(staff("anna"))]] == [("ticket3", True)]
    assert work.next(staff("bert"))[0].id == "ticket5"
    # Then the oldest, of every team for staff of every team, of their own teams for the others ("kcc" is
    # not "kcc-extra"), or of the team asked for.
    assert work.next(staff("carla", "kcc-extra,burgerzaken"), team="kcc-extra")[0].id == "ticket4"
    assert work.next(staff("dirk", "kcc"))[0].id == "ticket1"
    assert work.next(staff("eva"))[0].id == "ticket2"
    assert work.next(staff("femke", "kcc")) == (None, False)
    assert counted(stores, TicketStatus.OPEN) == TicketCount(0, 0)
    assert counted(stores, TicketStatus.CLAIMED) == TicketCount(5, 2)


def test_next_hands_out_nothing_past_its_retention(stores: Stores) -> None:
    queue(stores, 1, days=2, urgent=True)  # its own expiresAt: two days
    queue(stores, 2, minutes=10)
    queue(stores, 3, minutes=20)
    stores.tickets.claim(TENANT, "ticket3", "anna", stores.clock())
    stores.clock.advance(days=2)
    stores.retention.now = Retention(days=30)
    record, held = desk(stores).next(staff("anna"))
    assert (record.id, held) == ("ticket3", True)
    stores.tickets.done(TENANT, "ticket3", "anna", stores.clock(), "Gebeld", None)
    assert desk(stores).next(staff("anna"))[0].id == "ticket2"  # not the urgent one: its time is up
    stores.retention.now = Retention(days=1)  # lowered: what was made more than a day ago is gone, held or not
    assert desk(stores).next(staff("anna")) == (None, False)


def test_the_mark_index_holds_only_the_keys_and_the_three_attributes(mock_aws) -> None:
    """What the template projects is what the marks need and no more: no ticket text, no contact."""
    table = mock_aws.merged_environment()["TABLE_NAME"]
    client = boto3.client("dynamodb")
    described = {index["IndexName"]: index for index in client.describe_table(TableName=table)["Table"]["GlobalSecondaryIndexes"]}
    assert described[MARK_INDEX]["Projection"] == {"ProjectionType": "INCLUDE",
                                                   "NonKeyAttributes": ["urgent", "expiresAt", "claimedBy"]}
    assert described[MARK_INDEX]["KeySchema"] == described["TicketIndex"]["KeySchema"]
    queued = dynamodb_stores(table)
    tickets, clock = queued.tickets, queued.clock
    queue(queued, 1, urgent=True)
    queue(queued, 2)
    tickets.claim(TENANT, "ticket2", "anna", clock(), "Anna")
    entries = client.scan(TableName=table, IndexName=MARK_INDEX)["Items"]
    assert sorted(sorted(entry) for entry in entries) == [
        ["claimedBy", "expiresAt", "pk", "sk", "ticketAt", "ticketKey"], ["expiresAt", "pk", "sk", "ticketAt", "ticketKey", "urgent"]]


def test_the_marks_are_read_from_the_ticket_index_while_the_mark_index_is_filled(mock_aws) -> None:
    """A deploy adds the TicketMarkIndex to a table with tickets; until DynamoDB has filled it, reading it is a
    ValidationException naming it, and the TicketIndex gives the same marks (here: the index not there at all)."""
    table = mock_aws.merged_environment()["TABLE_NAME"]
    client = boto3.client("dynamodb")
    queued = dynamodb_stores(table)
    tickets, clock = queued.tickets, queued.clock
    for number in (1, 2, 3):
        queue(queued, number, minutes=number, urgent=number == 2, team="kcc" if number < 3 else "burgerzaken")
    tickets.claim(TENANT, "ticket1", "anna", clock())
    before = {status: sorted(tickets.marks(TENANT, status)) for status in TicketStatus}
    client.update_table(TableName=table, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": MARK_INDEX}}])
    assert {status: sorted(tickets.marks(TENANT, status)) for status in TicketStatus} == before
    assert sorted(tickets.marks(TENANT, TicketStatus.OPEN, ["burgerzaken"])) == [
        mark for mark in before[TicketStatus.OPEN] if mark.id == "ticket3"]
    assert before[TicketStatus.CLAIMED][0].claimed_by == "anna"


class Backfilling:
    """A DynamoDB client whose TicketMarkIndex is being filled: a Query on it is refused as DynamoDB refuses it."""

    def __init__(self, client: Any, message: str = f"Cannot read from backfilling global secondary index: {MARK_INDEX}",
                 code: str = "ValidationException") -> None:
        self.client, self.message, self.code = client, message, code
        self.refused = 0

    def query(self, **arguments: Any) -> dict[str, Any]:
        if arguments.get("IndexName") == MARK_INDEX:
            self.refused += 1
            raise ClientError({"Error": {"Code": self.code, "Message": self.message}}, "Query")
        return self.client.query(**arguments)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


def test_a_backfilling_mark_index_is_read_through_the_ticket_index_and_other_errors_are_not(mock_aws) -> None:
    queued = dynamodb_stores(mock_aws.merged_environment()["TABLE_NAME"])
    for number in (1, 2):
        queue(queued, number, minutes=number, urgent=number == 2)
    before = sorted(queued.tickets.marks(TENANT, TicketStatus.OPEN))
    backfilling = Backfilling(queued.tickets.client)
    queued.tickets.client = backfilling
    assert sorted(queued.tickets.marks(TENANT, TicketStatus.OPEN)) == before and backfilling.refused == 1
    # Anything else stays the store's failure (a 503), not a quiet read of the other index.
    for code, message in (("ValidationException", "Invalid KeyConditionExpression"),
                          ("ProvisionedThroughputExceededException", f"{MARK_INDEX} throttled")):
        queued.tickets.client = Backfilling(backfilling.client, message, code)
        with pytest.raises(ServiceUnavailable):
            queued.tickets.marks(TENANT, TicketStatus.OPEN)

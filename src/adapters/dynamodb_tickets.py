"""The TicketStore on the single DynamoDB table (docs/ARCHITECTURE.md, "Storage").

A ticket is one item, `pk = T#<tenant>#TICKET#<id>`, `sk = TICKET`: the `Ticket`
as the engine made it (JSON in `ticket`) plus its working state as attributes
(status, claimedBy, claimedByName, outcome, ...). The sparse `TicketIndex` lists a tenant's
tickets per status and team, oldest first: `ticketKey = <tenant>#<status>`,
`ticketAt = <team>#<createdAt, UTC>#<id>` (a team is a `begins_with` on the sort key).
The `TicketMarkIndex` has the same keys but projects only `urgent`, `expiresAt` and `claimedBy`:
what counts, orders and hands out tickets (`marks`) reads it, never the whole tickets.
Every transition is one conditional UpdateItem, so a ticket has one holder.

The intake stores a ticket in one transaction with a marker item under its
conversation's key (`sk = TICKET#<id>`) and a check that the conversation item
still exists: erasing the conversation (DynamoDBConversationStore.delete) finds
the marker and deletes the record with it, and a ticket of an erased
conversation is never stored.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import Any

from botocore.exceptions import ClientError

from adapters.dynamodb_store import (
    CONVERSATION_SK,
    TICKET_MARKER_PREFIX,
    TICKET_SK,
    conversation_pk,
    item_key,
    query_all,
    ticket_pk,
    unexpired,
)
from core.clock import Clock, now
from core.retention import Retention, no_retention
from core.errors import Conflict, NotFound, ServiceUnavailable
from core.models import AddedToTicket, Ticket, TicketAdditionRecord, TicketMark, TicketPage, TicketRecord, TicketStatus, ticket_position
from core.staff_texts import TICKET_CONVERSATION_GONE, TICKET_GONE
from core.tickets import ticket_refusal

TICKET_INDEX = "TicketIndex"
MARK_INDEX = "TicketMarkIndex"  # the TicketIndex's keys with only these attributes projected (template.yaml)
MARK_ATTRIBUTES = "ticketAt, expiresAt, urgent, claimedBy"

log = logging.getLogger(__name__)


def _index_key(tenant: str, status: TicketStatus) -> str:
    return f"{tenant}#{status.value}"


def _sort_key(ticket: Ticket) -> str:
    return f"{ticket.team}#{ticket_position(ticket)}"


# Sort keys are `<team>#...`; "$" is the character after "#", so `<team>$` is above every key of
# the team and below every key of a longer team id ("kcc$" < "kcc-extra#...").
def _team_end(team: str) -> str:
    return f"{team}$"


def _index_conditions(tenant: str, status: TicketStatus, teams: Collection[str] | None) -> list[tuple[str, dict[str, Any]]]:
    """The TicketIndex Queries of a status's tickets: the whole partition (every team), or one per team."""
    key = {":key": {"S": _index_key(tenant, status)}}
    if teams is None:
        return [("ticketKey = :key", key)]
    return [("ticketKey = :key AND begins_with(ticketAt, :team)", {**key, ":team": {"S": f"{team}#"}})
            for team in sorted(set(teams))]


def _when(value: datetime) -> dict[str, str]:
    return {"S": value.isoformat()}


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


class DynamoDBTicketStore:
    def __init__(self, client: Any, table_name: str, clock: Clock = now,
                 retention: Callable[[str], Retention | None] = no_retention) -> None:
        self.client = client  # a low-level boto3 DynamoDB client (the container's one)
        self.table = table_name
        self.clock = clock  # a ticket past its retention is gone before TTL deletes it (core.retention)
        self.retention = retention  # the tenant's retention now

    def _live(self, tenant: str) -> Callable[[dict[str, Any]], bool]:
        """Whether a ticket item of `tenant` is still kept now (its retention counts from its creation)."""
        moment, retention = self.clock(), self.retention(tenant)
        return lambda item: unexpired(item, _record(item).created_at, retention, moment)

    # ---- the intake ---------------------------------------------------------

    def create(self, ticket: Ticket, expires_at: int) -> tuple[TicketRecord, bool]:
        expires = {"N": str(expires_at)}
        record = {
            **item_key(ticket_pk(ticket.tenant, ticket.id), TICKET_SK),
            "ticketKey": {"S": _index_key(ticket.tenant, TicketStatus.OPEN)},
            "ticketAt": {"S": _sort_key(ticket)},
            "status": {"S": TicketStatus.OPEN.value},
            "team": {"S": ticket.team},
            "conversationId": {"S": ticket.conversation_id},
            "ticket": {"S": ticket.model_dump_json()},
            "expiresAt": expires,
            **({"urgent": {"BOOL": True}} if ticket.urgent else {}),  # as an urgent addition marks it
        }
        conversation = conversation_pk(ticket.tenant, ticket.conversation_id)
        try:
            self.client.transact_write_items(TransactItems=[
                {"ConditionCheck": {"TableName": self.table, "Key": item_key(conversation, CONVERSATION_SK),
                                    "ConditionExpression": "attribute_exists(pk)"}},
                {"Put": {"TableName": self.table, "Item": record, "ConditionExpression": "attribute_not_exists(pk)"}},
                {"Put": {"TableName": self.table, "Item": {
                    **item_key(conversation, TICKET_MARKER_PREFIX + ticket.id), "expiresAt": expires}}},
            ])
        except ClientError as error:
            if _error_code(error) != "TransactionCanceledException":
                raise ServiceUnavailable("The ticket store is not available.") from error
            reasons = [reason.get("Code") for reason in error.response.get("CancellationReasons") or []]
            if len(reasons) > 1 and reasons[1] == "ConditionalCheckFailed":
                stored = self.get(ticket.tenant, ticket.id)  # a redelivered message: stored already
                if stored is not None:
                    return stored, False
            if reasons and reasons[0] == "ConditionalCheckFailed":
                raise NotFound(TICKET_CONVERSATION_GONE) from None
            raise ServiceUnavailable("The ticket could not be stored.") from error
        return _record(record), True

    def record_delivery(self, tenant: str, ticket_id: str, *, notified_at: datetime | None = None,
                        open_klant: dict[str, str] | None = None, addition: str | None = None) -> None:
        assignments, values = [], {}
        if notified_at is not None:
            assignments.append("notifiedAt = :notified")
            values[":notified"] = _when(notified_at)
        if open_klant is not None:
            assignments.append("openKlant = :openKlant")
            values[":openKlant"] = {"M": {name: {"S": uuid} for name, uuid in open_klant.items()}}
        if not assignments:
            return
        if addition is None:
            self._update(tenant, ticket_id, "SET " + ", ".join(assignments), "attribute_exists(pk)", values)
            return
        # An addition is one JSON string in the ticket's list (appended only, so its place stays): it is
        # rewritten with its delivery steps, on the condition that it is still what was read.
        item = self._call("get_item", TableName=self.table, Key=item_key(ticket_pk(tenant, ticket_id), TICKET_SK),
                          ConsistentRead=True, ProjectionExpression="additions").get("Item") or {}
        stored = [value["S"] for value in (item.get("additions") or {}).get("L", [])]
        places = [place for place, raw in enumerate(stored) if TicketAdditionRecord.model_validate_json(raw).id == addition]
        if not places:
            raise NotFound(TICKET_GONE)
        place, before = places[0], stored[places[0]]
        delivered = TicketAdditionRecord.model_validate_json(before).model_copy(update={
            **({"notified_at": notified_at} if notified_at is not None else {}),
            **({"open_klant": dict(open_klant)} if open_klant is not None else {})})
        try:
            self._update(tenant, ticket_id, f"SET additions[{place}] = :after", f"additions[{place}] = :before",
                         {":after": {"S": delivered.model_dump_json()}, ":before": {"S": before}})
        except _Refused:
            raise ServiceUnavailable("The addition changed while its delivery was recorded; retried.") from None

    def add(self, added: AddedToTicket) -> tuple[TicketRecord, bool] | None:
        addition = added.addition
        conversation = conversation_pk(added.tenant, added.conversation_id)
        try:
            self.client.transact_write_items(TransactItems=[
                {"ConditionCheck": {"TableName": self.table, "Key": item_key(conversation, CONVERSATION_SK),
                                    "ConditionExpression": "attribute_exists(pk)"}},
                {"Update": {
                    "TableName": self.table, "Key": item_key(ticket_pk(added.tenant, added.ticket_id), TICKET_SK),
                    # The ids in a set beside the list: a repeated delivery is refused by the condition.
                    "UpdateExpression": "SET additions = list_append(if_not_exists(additions, :none), :one)"
                                        + (", urgent = :urgent" if addition.urgent else "") + " ADD additionIds :ids",
                    "ConditionExpression": "attribute_exists(pk) AND NOT contains(additionIds, :id)",
                    "ExpressionAttributeValues": {
                        ":none": {"L": []}, ":one": {"L": [{"S": addition.model_dump_json()}]},
                        ":ids": {"SS": [addition.id]}, ":id": {"S": addition.id},
                        **({":urgent": {"BOOL": True}} if addition.urgent else {}),
                    },
                }},
            ])
        except ClientError as error:
            if _error_code(error) != "TransactionCanceledException":
                raise ServiceUnavailable("The ticket store is not available.") from error
            reasons = [reason.get("Code") for reason in error.response.get("CancellationReasons") or []]
            if reasons and reasons[0] == "ConditionalCheckFailed":
                raise NotFound(TICKET_CONVERSATION_GONE) from None
            if len(reasons) > 1 and reasons[1] == "ConditionalCheckFailed":
                stored = self.get(added.tenant, added.ticket_id)  # not stored yet, or added already
                return None if stored is None else (stored, False)
            raise ServiceUnavailable("The addition could not be stored.") from error
        stored = self.get(added.tenant, added.ticket_id)
        return None if stored is None else (stored, True)

    # ---- reads --------------------------------------------------------------

    def get(self, tenant: str, ticket_id: str) -> TicketRecord | None:
        item = self._call("get_item", TableName=self.table, Key=item_key(ticket_pk(tenant, ticket_id), TICKET_SK),
                          ConsistentRead=True).get("Item")
        return _record(item) if item and self._live(tenant)(item) else None

    def list(self, tenant: str, status: TicketStatus, teams: Collection[str] | None = None) -> list[TicketRecord]:
        live = self._live(tenant)
        found = [_record(item) for condition, values in _index_conditions(tenant, status, teams) for item in query_all(
            self.client, TableName=self.table, IndexName=TICKET_INDEX,
            KeyConditionExpression=condition, ExpressionAttributeValues=values) if live(item)]
        return sorted(found, key=lambda record: (record.created_at, record.id))

    def page(self, tenant: str, status: TicketStatus, teams: Collection[str] | None, *, limit: int,
             after: str | None = None, newest_first: bool = False) -> TicketPage:
        # One Query per team of at most limit + 1 tickets from `after` on, merged: the index is
        # ordered by team first, so "every team" first finds the partition's teams (one 1-item
        # Query each), never reading their tickets.
        key = _index_key(tenant, status)
        live = self._live(tenant)
        found: list[TicketRecord] = []
        for team in sorted(set(teams)) if teams is not None else self._teams(key):
            low, high = f"{team}#", _team_end(team)
            if after is not None:
                low, high = (low, f"{team}#{after}") if newest_first else (f"{team}#{after}", high)
            # limit + 1 beyond `after` tell whether more follow; the range holds `after` itself too.
            items = self._query_up_to(limit + 1 + (after is not None), IndexName=TICKET_INDEX, ScanIndexForward=not newest_first,
                                      KeyConditionExpression="ticketKey = :key AND ticketAt BETWEEN :low AND :high",
                                      ExpressionAttributeValues={":key": {"S": key}, ":low": {"S": low},
                                                                 ":high": {"S": high}},
                                      keep=live)
            found.extend(record for record in map(_record, items) if ticket_position(record) != after)
        found.sort(key=ticket_position, reverse=newest_first)
        records = found[:limit]
        return TicketPage(records, ticket_position(records[-1]) if len(found) > limit else None)

    def marks(self, tenant: str, status: TicketStatus, teams: Collection[str] | None = None) -> list[TicketMark]:
        # The list's Queries (the partition, or a team's `begins_with`) on the slim TicketMarkIndex: what places a
        # ticket, what the retention needs and who holds it (`ticketAt` = <team>#<created>#<id>, `expiresAt`,
        # `urgent`, `claimedBy`); no record is read or parsed.
        moment, retention = self.clock(), self.retention(tenant)
        found = []
        for condition, values in _index_conditions(tenant, status, teams):
            for item in self._mark_entries(KeyConditionExpression=condition, ExpressionAttributeValues=values):
                _, created, ticket_id = item["ticketAt"]["S"].split("#", 2)
                mark = TicketMark(ticket_id, datetime.fromisoformat(created), (item.get("urgent") or {}).get("BOOL", False),
                                  _text(item, "claimedBy"))
                if unexpired(item, mark.created_at, retention, moment):
                    found.append(mark)
        return found

    def _mark_entries(self, **arguments: Any) -> list[dict[str, Any]]:
        """A Query's entries of the TicketMarkIndex. Right after the deploy that adds it, DynamoDB is still filling
        it from the existing tickets ("backfilling": reading it is a ValidationException naming it; moto says an
        index it lacks is not found) and the TicketIndex answers instead: the same keys and attributes, at the
        read capacity of whole tickets."""
        arguments = {"TableName": self.table, "ProjectionExpression": MARK_ATTRIBUTES, **arguments}
        try:
            return query_all(self.client, IndexName=MARK_INDEX, **arguments)
        except ServiceUnavailable as failure:
            error = failure.__cause__
            if not (isinstance(error, ClientError)
                    and _error_code(error) in ("ValidationException", "ResourceNotFoundException")
                    and MARK_INDEX in str(error.response.get("Error", {}).get("Message", ""))):
                raise
        log.warning("%s is not readable yet (being filled after a deploy): the ticket marks read %s", MARK_INDEX, TICKET_INDEX)
        return query_all(self.client, IndexName=TICKET_INDEX, **arguments)

    def get_many(self, tenant: str, ticket_ids: Sequence[str]) -> list[TicketRecord]:
        # BatchGetItem (100 keys a call), consistent as `get`; what DynamoDB leaves unprocessed is asked again.
        live, found = self._live(tenant), []
        for start in range(0, len(ticket_ids), 100):
            keys = [item_key(ticket_pk(tenant, ticket_id), TICKET_SK) for ticket_id in dict.fromkeys(ticket_ids[start:start + 100])]
            request: dict[str, Any] = {self.table: {"Keys": keys, "ConsistentRead": True}}
            while request:
                answer = self._call("batch_get_item", RequestItems=request)
                found.extend(_record(item) for item in answer.get("Responses", {}).get(self.table, []) if live(item))
                request = answer.get("UnprocessedKeys") or {}
        return found

    def _teams(self, key: str) -> list[str]:
        """The teams with a ticket under `key`: a skip scan, one 1-item Query per team."""
        teams: list[str] = []
        while True:
            condition, values = "ticketKey = :key", {":key": {"S": key}}
            if teams:
                condition += " AND ticketAt > :after"
                values[":after"] = {"S": _team_end(teams[-1])}
            items = self._query_up_to(1, IndexName=TICKET_INDEX, KeyConditionExpression=condition,
                                      ExpressionAttributeValues=values, ProjectionExpression="ticketAt")
            if not items:
                return teams
            teams.append(items[0]["ticketAt"]["S"].split("#", 1)[0])

    def _query_up_to(self, count: int, keep: Callable[[dict[str, Any]], bool] | None = None,
                     **arguments: Any) -> list[dict[str, Any]]:
        """The first `count` items of a Query that `keep` keeps (following its pages, which end at 1 MB)."""
        items: list[dict[str, Any]] = []
        while len(items) < count:
            page = self._call("query", TableName=self.table, Limit=count - len(items), **arguments)
            items.extend(item for item in page.get("Items", []) if keep is None or keep(item))
            if "LastEvaluatedKey" not in page:
                break
            arguments = {**arguments, "ExclusiveStartKey": page["LastEvaluatedKey"]}
        return items

    def of_conversation(self, tenant: str, conversation_id: str) -> list[TicketRecord]:
        markers = query_all(
            self.client, TableName=self.table, ConsistentRead=True,
            KeyConditionExpression="pk = :pk AND begins_with(sk, :marker)",
            ExpressionAttributeValues={":pk": {"S": conversation_pk(tenant, conversation_id)},
                                       ":marker": {"S": TICKET_MARKER_PREFIX}})
        ids = [item["sk"]["S"].removeprefix(TICKET_MARKER_PREFIX) for item in markers]
        records = [self.get(tenant, ticket_id) for ticket_id in ids]  # a handful per conversation
        return [record for record in records if record is not None]

    # ---- transitions --------------------------------------------------------

    def claim(self, tenant: str, ticket_id: str, staff: str, at: datetime, name: str | None = None) -> TicketRecord:
        return self._transition(
            tenant, ticket_id,
            # Without a name, none: also not one an older version's release left behind.
            "SET #status = :claimed, ticketKey = :key, claimedBy = :staff, claimedAt = :at"
            + (", claimedByName = :name" if name else " REMOVE claimedByName"),
            "#status = :open",
            {":claimed": {"S": TicketStatus.CLAIMED.value}, ":open": {"S": TicketStatus.OPEN.value},
             ":key": {"S": _index_key(tenant, TicketStatus.CLAIMED)}, ":staff": {"S": staff}, ":at": _when(at),
             **({":name": {"S": name}} if name else {})},
            # Claiming one's own ticket again changes nothing.
            unchanged=lambda record: record.status == TicketStatus.CLAIMED and record.claimed_by == staff,
        )

    def release(self, tenant: str, ticket_id: str, staff: str | None) -> TicketRecord:
        condition = "#status = :claimed" + ("" if staff is None else " AND claimedBy = :staff")
        values = {":claimed": {"S": TicketStatus.CLAIMED.value}, ":open": {"S": TicketStatus.OPEN.value},
                  ":key": {"S": _index_key(tenant, TicketStatus.OPEN)}}
        if staff is not None:
            values[":staff"] = {"S": staff}
        return self._transition(tenant, ticket_id, "SET #status = :open, ticketKey = :key REMOVE claimedBy, claimedByName, claimedAt",
                                condition, values)

    def done(self, tenant: str, ticket_id: str, staff: str, at: datetime, outcome: str,
             note: str | None) -> TicketRecord:
        update = "SET #status = :done, ticketKey = :key, doneBy = :staff, doneAt = :at, outcome = :outcome"
        values = {":done": {"S": TicketStatus.DONE.value}, ":open": {"S": TicketStatus.OPEN.value},
                  ":claimed": {"S": TicketStatus.CLAIMED.value}, ":key": {"S": _index_key(tenant, TicketStatus.DONE)},
                  ":staff": {"S": staff}, ":at": _when(at), ":outcome": {"S": outcome}}
        if note:
            update += ", note = :note"
            values[":note"] = {"S": note}
        return self._transition(tenant, ticket_id, update,
                                "#status = :open OR (#status = :claimed AND claimedBy = :staff)", values)

    # ---- plumbing -----------------------------------------------------------

    def _transition(self, tenant: str, ticket_id: str, update: str, condition: str, values: dict[str, Any],
                    unchanged: Any = None) -> TicketRecord:
        try:
            # A ticket past its expiresAt is gone (TTL has not deleted it yet): NotFound, like a read.
            item = self._update(tenant, ticket_id, update,
                                f"attribute_exists(pk) AND expiresAt > :now AND ({condition})",
                                {**values, ":now": {"N": str(int(self.clock().timestamp()))}},
                                names={"#status": "status"})
        except _Refused:
            current = self.get(tenant, ticket_id)
            if current is None:
                raise NotFound(TICKET_GONE) from None
            if unchanged is not None and unchanged(current):
                return current
            raise Conflict(ticket_refusal(current)) from None
        return _record(item)

    def _update(self, tenant: str, ticket_id: str, update: str, condition: str, values: dict[str, Any],
                names: dict[str, str] | None = None) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "TableName": self.table, "Key": item_key(ticket_pk(tenant, ticket_id), TICKET_SK),
            "UpdateExpression": update, "ConditionExpression": condition,
            "ExpressionAttributeValues": values, "ReturnValues": "ALL_NEW",
        }
        if names:
            arguments["ExpressionAttributeNames"] = names
        try:
            return self.client.update_item(**arguments)["Attributes"]
        except ClientError as error:
            if _error_code(error) == "ConditionalCheckFailedException":
                raise _Refused() from None
            raise ServiceUnavailable("The ticket store is not available.") from error

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, operation)(**arguments)
        except ClientError as error:
            raise ServiceUnavailable("The ticket store is not available.") from error


class _Refused(Exception):
    """A transition's condition did not hold."""


def _text(item: dict[str, Any], name: str) -> str | None:
    value = item.get(name)
    return value["S"] if value else None


def _record(item: dict[str, Any]) -> TicketRecord:
    ticket = Ticket.model_validate_json(item["ticket"]["S"])
    return TicketRecord(
        **ticket.model_dump(exclude={"urgent"}),
        status=TicketStatus(item["status"]["S"]),
        claimed_by=_text(item, "claimedBy"),
        claimed_by_name=_text(item, "claimedByName"),  # absent on records claimed before names were kept
        claimed_at=_text(item, "claimedAt"),
        done_by=_text(item, "doneBy"),
        done_at=_text(item, "doneAt"),
        outcome=_text(item, "outcome"),
        note=_text(item, "note"),
        notified_at=_text(item, "notifiedAt"),
        open_klant={name: value["S"] for name, value in (item.get("openKlant") or {}).get("M", {}).items()},
        additions=[TicketAdditionRecord.model_validate_json(value["S"])
                   for value in (item.get("additions") or {}).get("L", [])],
        urgent=ticket.urgent or (item.get("urgent") or {}).get("BOOL", False),
    )

"""The ConversationStore on the single DynamoDB table (docs/ARCHITECTURE.md, "Storage").

A conversation is one item: key attributes, the `version` that conditional
writes check, `expiresAt` (TTL), the sparse `handoverKey`/`handoverAt` pair of
the HandoverIndex, and the whole `Conversation` model as one JSON string in
`doc` (one attribute keeps reads and writes to a single item of known shape),
zlib-compressed as binary: DynamoDB bills every write per KB of the whole item,
and the Dutch texts of a transcript compress about 3.5 times (`document` reads it;
an uncompressed `doc` string, as older items hold, is read too).

A turn is one TransactWriteItems: the conversation Put (condition on
`version`), the day's aggregate Update (ADD per counter; with unanswered questions, a
condition on the day's cap of them) and one Put per unanswered question; the first turn
of a web conversation adds the Update of its client's window (`T#<tenant>#CLIENT#<hash>`,
condition: below the limit). Only past the day's cap a second transaction follows,
without the questions. The unanswered items' keys are remembered in the
conversation's `unanswered_keys` (owned by this store) so
erasure finds them without a scan.
"""
from __future__ import annotations

import json
import secrets
import threading
import zlib
from datetime import date, timedelta
from typing import Any

from botocore.exceptions import ClientError

from core.errors import RateLimited, ServiceUnavailable, VersionConflict
from core.limits import CLIENT_LIMIT_MESSAGE, DROPPED_COUNTER, KEPT_COUNTER
from core.models import ClientAdmission, Conversation, DailyCounters, HandoverStatus

HANDOVER_INDEX = "HandoverIndex"
# The secret behind first-turn conversation ids (core.ids.first_turn_conversation_id).
# Kept in the table itself: whoever can read it can read the conversations anyway.
ID_KEY = {"pk": {"S": "BALIE#SECRET"}, "sk": {"S": "CONVERSATION_ID_KEY"}}
CONVERSATION_SK = "CONV"
INDEXED_HANDOVER = (HandoverStatus.WAITING, HandoverStatus.LIVE)
COUNTER_PREFIX = "n#"  # counters are top-level numbers `n#<name>`, so ADD creates them on first use
# Level 6 (zlib's default) compresses a 7 KB document in well under a millisecond.
ZLIB_LEVEL = 6
MAX_ITEM_BYTES = 350_000  # DynamoDB allows 400 KB; leave room for the key attributes
_TRANSACTION_ITEMS = 100


def conversation_pk(tenant: str, conversation_id: str) -> str:
    return f"T#{tenant}#C#{conversation_id}"


def stats_pk(tenant: str) -> str:
    return f"T#{tenant}#STATS"


def unanswered_pk(tenant: str, day: str) -> str:
    return f"T#{tenant}#UNANSWERED#{day}"


# A ticket record is its own item (staff reach it by id); a marker item under its
# conversation's key points at it, so erasing the conversation (one key query)
# finds and deletes it in the same transaction (adapters.dynamodb_tickets).
TICKET_SK = "TICKET"
TICKET_MARKER_PREFIX = "TICKET#"


def ticket_pk(tenant: str, ticket_id: str) -> str:
    return f"T#{tenant}#TICKET#{ticket_id}"


class DynamoDBConversationStore:
    def __init__(self, client: Any, table_name: str) -> None:
        self.client = client  # a boto3 DynamoDB *client* (low-level: typed attribute values)
        self.table = table_name
        self._id_key: bytes | None = None
        self._id_key_lock = threading.Lock()

    def id_key(self) -> bytes:
        """The deployment's conversation-id secret: created once (conditional put,
        so concurrent cold starts agree), then read once per container."""
        with self._id_key_lock:
            if self._id_key is None:
                item = self._call("get_item", TableName=self.table, Key=ID_KEY, ConsistentRead=True).get("Item")
                if item is None:
                    try:
                        self.client.put_item(
                            TableName=self.table,
                            Item={**ID_KEY, "key": {"B": secrets.token_bytes(32)}},
                            ConditionExpression="attribute_not_exists(pk)",
                        )
                    except ClientError as error:
                        if error.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                            raise ServiceUnavailable("The conversation store is not available.") from error
                    item = self._call("get_item", TableName=self.table, Key=ID_KEY, ConsistentRead=True)["Item"]
                self._id_key = bytes(item["key"]["B"])
            return self._id_key

    # ---- reads --------------------------------------------------------------

    def get(self, tenant: str, conversation_id: str) -> Conversation | None:
        item = self._call(
            "get_item",
            TableName=self.table,
            Key=item_key(conversation_pk(tenant, conversation_id), CONVERSATION_SK),
            ConsistentRead=True,  # a turn must see the previous turn's write
        ).get("Item")
        return _conversation(item) if item else None

    def list_handovers(self, tenant: str, status: HandoverStatus, team: str | None = None) -> list[Conversation]:
        if status not in INDEXED_HANDOVER:
            return []
        found = [_conversation(item) for item in self._query_all(
            IndexName=HANDOVER_INDEX,
            KeyConditionExpression="handoverKey = :key",
            ExpressionAttributeValues={":key": {"S": f"{tenant}#{status.value}"}},
        )]
        return [c for c in found if team is None or (c.handover is not None and c.handover.team == team)]

    def daily_counters(self, tenant: str, first: date, last: date) -> list[DailyCounters]:
        items = self._query_all(
            KeyConditionExpression="pk = :pk AND sk BETWEEN :first AND :last",
            ExpressionAttributeValues={
                ":pk": {"S": stats_pk(tenant)},
                ":first": {"S": f"DAY#{first.isoformat()}"},
                ":last": {"S": f"DAY#{last.isoformat()}"},
            },
        )
        by_day = {
            item["sk"]["S"].removeprefix("DAY#"): {
                name.removeprefix(COUNTER_PREFIX): int(value["N"])
                for name, value in item.items()
                if name.startswith(COUNTER_PREFIX)
            }
            for item in items
        }
        result = []
        day = first
        while day <= last:  # one small query per day; reports read a few weeks at most
            iso = day.isoformat()
            unanswered = [
                item["text"]["S"]
                for item in self._query_all(
                    KeyConditionExpression="pk = :pk",
                    ExpressionAttributeValues={":pk": {"S": unanswered_pk(tenant, iso)}},
                )
            ]
            if iso in by_day or unanswered:
                result.append(DailyCounters(tenant=tenant, day=iso, counts=by_day.get(iso, {}), unanswered=unanswered))
            day += timedelta(days=1)
        return result

    # ---- writes -------------------------------------------------------------

    def save(
        self, conversation: Conversation, expected_version: int, counters: DailyCounters | None = None,
        admission: ClientAdmission | None = None,
    ) -> Conversation:
        try:
            return self._save(conversation, expected_version, counters, admission)
        except _UnansweredCapReached:
            # The day's cap of unanswered questions is reached: the turn goes without them.
            assert counters is not None
            counts = {**counters.counts,
                      DROPPED_COUNTER: counters.counts.get(DROPPED_COUNTER, 0) + len(counters.unanswered)}
            return self._save(conversation, expected_version,
                              counters.model_copy(update={"counts": counts, "unanswered": []}), admission)

    def _save(self, conversation: Conversation, expected_version: int, counters: DailyCounters | None,
              admission: ClientAdmission | None) -> Conversation:
        saved = conversation.model_copy(deep=True, update={"version": expected_version + 1})
        items: list[dict[str, Any]] = []
        if counters is not None and counters.unanswered:
            remembered = saved.unanswered_keys
            for text in counters.unanswered:
                key = (unanswered_pk(counters.tenant, counters.day), f"{saved.updated_at.isoformat()}#{saved.id}#{len(remembered)}")
                remembered.append(key)
                items.append(
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": {
                                **item_key(*key),
                                "text": {"S": text},
                                "conversationId": {"S": saved.id},
                                "expiresAt": {"N": str(saved.expires_at)},
                            },
                        }
                    }
                )
        stats_at = admission_at = None
        if counters is not None and (counters.counts or counters.unanswered):
            counts = dict(counters.counts)
            if counters.unanswered and counters.unanswered_limit:
                counts[KEPT_COUNTER] = counts.get(KEPT_COUNTER, 0) + len(counters.unanswered)
            names = {f"#c{i}": f"{COUNTER_PREFIX}{name}" for i, name in enumerate(counts)}
            values = {f":c{i}": {"N": str(amount)} for i, amount in enumerate(counts.values())}
            update: dict[str, Any] = {
                "TableName": self.table,
                "Key": item_key(stats_pk(counters.tenant), f"DAY#{counters.day}"),
                "UpdateExpression": "ADD " + ", ".join(f"{n} {v}" for n, v in zip(names, values)),
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": values,
            }
            if counters.unanswered and counters.unanswered_limit:
                kept = next(n for n, name in names.items() if name == f"{COUNTER_PREFIX}{KEPT_COUNTER}")
                update["ConditionExpression"] = f"attribute_not_exists({kept}) OR {kept} <= :room"
                values[":room"] = {"N": str(counters.unanswered_limit - len(counters.unanswered))}
            stats_at = len(items) + 1
            items.append({"Update": update})
        if admission is not None:
            admission_at = len(items) + 1
            items.append({"Update": {
                "TableName": self.table,
                "Key": item_key(f"T#{admission.tenant}#CLIENT#{admission.client}", f"WINDOW#{admission.window_start}"),
                "UpdateExpression": "ADD #n :one SET expiresAt = :expires",
                "ConditionExpression": "attribute_not_exists(#n) OR #n < :limit",
                "ExpressionAttributeNames": {"#n": "conversations"},
                "ExpressionAttributeValues": {
                    ":one": {"N": "1"}, ":limit": {"N": str(admission.limit)},
                    ":expires": {"N": str(admission.window_start + admission.window_seconds + 3600)},
                },
            }})
        item = _item(saved)
        put: dict[str, Any] = {"TableName": self.table, "Item": item}
        if expected_version == 0:
            put["ConditionExpression"] = "attribute_not_exists(pk)"
        else:
            put["ConditionExpression"] = "version = :expected"
            put["ExpressionAttributeValues"] = {":expected": {"N": str(expected_version)}}
        try:
            self.client.transact_write_items(TransactItems=[{"Put": put}, *items])
        except ClientError as error:
            failed = _failed_conditions(error)
            if 0 in failed:
                raise VersionConflict(f"{saved.id}: expected version {expected_version}") from None
            if admission is not None and admission_at in failed:
                raise RateLimited(CLIENT_LIMIT_MESSAGE, retry_after=admission.window_start + admission.window_seconds
                                  - int(saved.updated_at.timestamp())) from None
            if stats_at in failed:
                raise _UnansweredCapReached() from None
            raise ServiceUnavailable("The conversation store is not available.") from error
        return saved

    def delete(self, tenant: str, conversation_id: str) -> bool:
        # Everything under the conversation's own key (the conversation, the WhatsApp
        # contact, ticket markers, ...: one key query, no scan), the ticket records the
        # markers point at, and every unanswered question it left. The ticket intake
        # stores a ticket only while the conversation item exists, so a ticket that
        # slipped in between the query and the delete is found by the next round.
        pk = conversation_pk(tenant, conversation_id)
        deleted = False
        while True:
            items = self._query_all(
                KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": {"S": pk}}, ConsistentRead=True
            )
            if not items:
                return deleted
            conversation = next((item for item in items if item["sk"]["S"] == CONVERSATION_SK), None)
            remembered = _conversation(conversation).unanswered_keys if conversation else []
            tickets = [item["sk"]["S"].removeprefix(TICKET_MARKER_PREFIX) for item in items
                       if item["sk"]["S"].startswith(TICKET_MARKER_PREFIX)]
            keys = ([item_key(pk, item["sk"]["S"]) for item in items] + [item_key(pk_, sk) for pk_, sk in remembered]
                    + [item_key(ticket_pk(tenant, ticket_id), TICKET_SK) for ticket_id in tickets])
            for start in range(0, len(keys), _TRANSACTION_ITEMS):
                chunk = keys[start : start + _TRANSACTION_ITEMS]
                self._call(
                    "transact_write_items",
                    TransactItems=[{"Delete": {"TableName": self.table, "Key": k}} for k in chunk],
                )
            deleted = True

    # ---- plumbing -----------------------------------------------------------

    def _query_all(self, **arguments: Any) -> list[dict[str, Any]]:
        return query_all(self.client, TableName=self.table, **arguments)

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, operation)(**arguments)
        except ClientError as error:
            raise ServiceUnavailable("The conversation store is not available.") from error


def query_all(client: Any, **arguments: Any) -> list[dict[str, Any]]:
    """Every item a Query finds, page after page. Raises `ServiceUnavailable`."""
    items: list[dict[str, Any]] = []
    while True:
        try:
            page = client.query(**arguments)
        except ClientError as error:
            raise ServiceUnavailable("The table is not available.") from error
        items.extend(page.get("Items", []))
        if "LastEvaluatedKey" not in page:
            return items
        arguments = {**arguments, "ExclusiveStartKey": page["LastEvaluatedKey"]}


def item_key(pk: str, sk: str) -> dict[str, Any]:
    """The table's key (pk, sk) as typed attribute values."""
    return {"pk": {"S": pk}, "sk": {"S": sk}}


class _UnansweredCapReached(Exception):
    """The day's aggregate refused more unanswered questions (its condition failed)."""


def _failed_conditions(error: ClientError) -> set[int]:
    """Positions of the items whose condition failed in a cancelled transaction."""
    if error.response.get("Error", {}).get("Code") != "TransactionCanceledException":
        return set()
    reasons = error.response.get("CancellationReasons") or []
    if not reasons:  # some endpoints leave the reasons out: only the message names them
        return {0} if "ConditionalCheckFailed" in str(error) else set()
    return {number for number, reason in enumerate(reasons) if reason.get("Code") == "ConditionalCheckFailed"}


def _item(conversation: Conversation) -> dict[str, Any]:
    doc = conversation.model_dump_json()
    # The transcript is bounded by the engine; this guards the item limit if
    # entries are unusually long (staff may paste long texts).
    while len(doc.encode("utf-8")) > MAX_ITEM_BYTES and len(conversation.transcript) > 1:
        conversation = conversation.model_copy(deep=True)
        # Drops the remembered replies of the dropped entries too (exact replays or none).
        conversation.keep_last_entries(len(conversation.transcript) - len(conversation.transcript) // 4)
        doc = conversation.model_dump_json()
    item: dict[str, Any] = {
        **item_key(conversation_pk(conversation.tenant, conversation.id), CONVERSATION_SK),
        "tenant": {"S": conversation.tenant},
        "conversationId": {"S": conversation.id},
        "channel": {"S": conversation.channel.value},
        "version": {"N": str(conversation.version)},
        "updatedAt": {"S": conversation.updated_at.isoformat()},
        "doc": {"B": zlib.compress(doc.encode("utf-8"), ZLIB_LEVEL)},
    }
    if conversation.expires_at:
        item["expiresAt"] = {"N": str(conversation.expires_at)}
    handover = conversation.handover
    if handover is not None and handover.status in INDEXED_HANDOVER:
        item["handoverKey"] = {"S": f"{conversation.tenant}#{handover.status.value}"}
        item["handoverAt"] = {"S": handover.requested_at.isoformat()}
    return item


def document_json(item: dict[str, Any]) -> str:
    """The `Conversation` JSON of a stored conversation item."""
    doc = item["doc"]
    return doc["S"] if "S" in doc else zlib.decompress(bytes(doc["B"])).decode("utf-8")


def document(item: dict[str, Any]) -> dict[str, Any]:
    """The stored conversation document as plain JSON data (tests and tools that inspect items)."""
    return json.loads(document_json(item))


def _conversation(item: dict[str, Any]) -> Conversation:
    conversation = Conversation.model_validate_json(document_json(item))
    conversation.version = int(item["version"]["N"])
    return conversation

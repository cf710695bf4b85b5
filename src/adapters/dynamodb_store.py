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
condition on the day's cap of them; a second day's Update when the conversation's class
in the reports moves on the day it started), the month's aggregate Update
(`T#<tenant>#MONTHS`, `MONTH#<YYYY-MM>`: the same ADDs, plus the day-row counters as
`d#<DD>#<name>`, `writes` + 1, and `since`, the day it was first written; one per month
however many of its days the write touches; a month that is over is sealed on its first
read, see `_seal`), one Put per unanswered question and per
"niet nuttig" answer; the first turn of a web conversation adds the Update of its
client's window (`T#<tenant>#CLIENT#<hash>`, condition: below the limit). Only past the
day's cap a second transaction follows, without the questions. The report items' keys
are remembered in the conversation's `unanswered_keys` (owned by this store) so erasure
finds them without a scan. They live in one partition per tenant
(`T#<tenant>#UNANSWERED`, `T#<tenant>#NOTHELPFUL`), sorted by day, so a report of a
year reads them with one query.

A conversation without a waiting or live handover carries `activityKey` /
`activityAt` (UTC) for the sparse `ActivityIndex` (keys plus channel, topic,
turns and language): the conversations the bot is handling, newest first.
"""
from __future__ import annotations

import base64
import json
import re
import secrets
import threading
import zlib
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from botocore.exceptions import ClientError

from collections.abc import Callable

from core.clock import Clock, now
from core.effects import Effect, PendingEffect
from core.errors import NotFound, ServiceUnavailable, VersionConflict
from core.limits import DROPPED_COUNTER, KEPT_COUNTER, refusal
from core.models import (
    BotConversation,
    ClientAdmission,
    Conversation,
    DailyCounters,
    HandoverStatus,
    MonthlyCounters,
    NotHelpfulItem,
    Role,
)
from core.opening_hours import AMSTERDAM
from core.report_counters import merged, monthly
from core.retention import Retention, expired, no_retention, written_by

HANDOVER_INDEX = "HandoverIndex"
ACTIVITY_INDEX = "ActivityIndex"
# The outbox: a turn's side effects, written in its transaction (sk OUTBOX#<effect id>) and
# deleted once carried out; OutboxIndex (sparse) lists those left behind by a turn that ended
# between its write and its dispatch, for the outbox sweeper.
OUTBOX_INDEX = "OutboxIndex"
OUTBOX_PREFIX = "OUTBOX#"
OUTBOX_PENDING = "pending"
OUTBOX_KEPT = timedelta(days=14)  # no queue keeps a message longer
# The secret behind first-turn conversation ids (core.ids.first_turn_conversation_id).
# Kept in the table itself: whoever can read it can read the conversations anyway.
ID_KEY = {"pk": {"S": "BALIE#SECRET"}, "sk": {"S": "CONVERSATION_ID_KEY"}}
CONVERSATION_SK = "CONV"
INDEXED_HANDOVER = (HandoverStatus.WAITING, HandoverStatus.LIVE)
COUNTER_PREFIX = "n#"  # counters are top-level numbers `n#<name>`, so ADD creates them on first use
DAY_ROW_PREFIX = "d#"  # a month's day rows: `d#<DD>#<name>`
# Level 6 (zlib's default) compresses a 7 KB document in well under a millisecond.
ZLIB_LEVEL = 6
MAX_ITEM_BYTES = 350_000  # DynamoDB allows 400 KB; leave room for the key attributes
_TRANSACTION_ITEMS = 100


def conversation_pk(tenant: str, conversation_id: str) -> str:
    return f"T#{tenant}#C#{conversation_id}"


def stats_pk(tenant: str) -> str:
    return f"T#{tenant}#STATS"


def months_pk(tenant: str) -> str:
    """The monthly aggregates' own partition: a report's query of them reads only months."""
    return f"T#{tenant}#MONTHS"


def unanswered_pk(tenant: str) -> str:
    return f"T#{tenant}#UNANSWERED"


def not_helpful_pk(tenant: str) -> str:
    return f"T#{tenant}#NOTHELPFUL"


def _day_range(first: date, last: date) -> dict[str, Any]:
    """Sort keys `<day>#...` from `first` to `last` inclusive ("$" sorts after "#")."""
    return {":first": {"S": f"{first.isoformat()}#"}, ":last": {"S": f"{last.isoformat()}$"}}


def utc_iso(moment: datetime) -> str:
    """Sortable as text across offsets."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# A ticket record is its own item (staff reach it by id); a marker item under its
# conversation's key points at it, so erasing the conversation (one key query)
# finds and deletes it in the same transaction (adapters.dynamodb_tickets).
TICKET_SK = "TICKET"
TICKET_MARKER_PREFIX = "TICKET#"


def ticket_pk(tenant: str, ticket_id: str) -> str:
    return f"T#{tenant}#TICKET#{ticket_id}"


def month_update(table: str, month: MonthlyCounters) -> dict[str, Any]:
    """The Update that adds one write's increments to a month's aggregate item (and marks
    the day it was created, `since`)."""
    names: dict[str, str] = {}
    values: dict[str, Any] = {":since": {"S": month.since}}
    terms = []
    attributes = [(f"{COUNTER_PREFIX}{name}", amount) for name, amount in month.counts.items()]
    attributes += [(f"{DAY_ROW_PREFIX}{day[8:]}#{name}", amount)
                   for day, row in month.days.items() for name, amount in row.items()]
    for index, (attribute, amount) in enumerate(attributes):
        names[f"#m{index}"] = attribute
        values[f":m{index}"] = {"N": str(amount)}
        terms.append(f"#m{index} :m{index}")
    names["#writes"] = "writes"
    values[":one"] = {"N": "1"}
    return {
        "TableName": table,
        "Key": item_key(months_pk(month.tenant), f"MONTH#{month.month}"),
        "UpdateExpression": "ADD " + ", ".join([*terms, "#writes :one"]) + " SET since = if_not_exists(since, :since)",
        "ExpressionAttributeNames": names,
        "ExpressionAttributeValues": values,
    }


def _month(tenant: str, item: dict[str, Any]) -> MonthlyCounters:
    """A month's aggregate: its sealed counters (if any) plus the loose ones written since."""
    month = item["sk"]["S"].removeprefix("MONTH#")
    found = MonthlyCounters(tenant=tenant, month=month, since=item.get("since", {}).get("S", f"{month}-01"))
    if "sealed" in item:
        sealed = json.loads(zlib.decompress(item["sealed"]["B"]))
        found.counts, found.days = sealed["counts"], sealed["days"]
    for name, value in item.items():
        if name.startswith(COUNTER_PREFIX):
            counter = name.removeprefix(COUNTER_PREFIX)
            found.counts[counter] = found.counts.get(counter, 0) + int(value["N"])
        elif name.startswith(DAY_ROW_PREFIX):
            day, counter = name.removeprefix(DAY_ROW_PREFIX).split("#", 1)
            row = found.days.setdefault(f"{month}-{day}", {})
            row[counter] = row.get(counter, 0) + int(value["N"])
    found.days = dict(sorted(found.days.items()))
    return found


class DynamoDBConversationStore:
    def __init__(self, client: Any, table_name: str, clock: Clock = now,
                 retention: Callable[[str], Retention | None] = no_retention) -> None:
        self.client = client  # a boto3 DynamoDB *client* (low-level: typed attribute values)
        self.table = table_name
        self.clock = clock  # the day a month's aggregate is created on (`since`); what has expired
        self.retention = retention  # the tenant's retention now (core.retention)
        self._id_key: bytes | None = None
        self._id_key_lock = threading.Lock()

    def id_key(self) -> bytes:
        """The deployment's conversation-id secret: created once (conditional put,
        so concurrent cold starts agree), then read once per container."""
        with self._id_key_lock:
            if self._id_key is None:
                item = self._call("get_item", TableName=self.table, Key=ID_KEY, ConsistentRead=True).get("Item")
                if item is None:
                    created = {**ID_KEY, "key": {"B": secrets.token_bytes(32)}}
                    try:
                        self.client.put_item(TableName=self.table, Item=created,
                                             ConditionExpression="attribute_not_exists(pk)")
                        item = created  # ours is the secret: no need to read it back
                    except ClientError as error:
                        if error.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                            raise ServiceUnavailable("The conversation store is not available.") from error
                        # Another container created it first: take theirs.
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
        return _conversation(item) if item and unexpired(item, _updated_at(item), self.retention(tenant),
                                                         self.clock()) else None

    def list_handovers(self, tenant: str, status: HandoverStatus, team: str | None = None) -> list[Conversation]:
        if status not in INDEXED_HANDOVER:
            return []
        moment, retention = self.clock(), self.retention(tenant)
        found = [_conversation(item) for item in self._query_all(
            IndexName=HANDOVER_INDEX,
            KeyConditionExpression="handoverKey = :key",
            ExpressionAttributeValues={":key": {"S": f"{tenant}#{status.value}"}},
        ) if unexpired(item, _updated_at(item), retention, moment)]
        return [c for c in found if team is None or (c.handover is not None and c.handover.team == team)]

    def daily_counters(self, tenant: str, first: date, last: date) -> list[DailyCounters]:
        items = self._query_all(**_between(stats_pk(tenant), f"DAY#{first.isoformat()}", f"DAY#{last.isoformat()}"))
        return [
            DailyCounters(tenant=tenant, day=item["sk"]["S"].removeprefix("DAY#"), counts={
                name.removeprefix(COUNTER_PREFIX): int(value["N"])
                for name, value in item.items() if name.startswith(COUNTER_PREFIX)
            })
            for item in items
        ]

    def monthly_counters(self, tenant: str, first: date, last: date) -> list[MonthlyCounters]:
        items = self._query_all(**_between(months_pk(tenant), f"MONTH#{first.isoformat()[:7]}",
                                           f"MONTH#{last.isoformat()[:7]}"))
        current = self.clock().astimezone(AMSTERDAM).date().isoformat()[:7]
        months = []
        for item in items:
            month = _month(tenant, item)
            if month.month < current and any(name.startswith((COUNTER_PREFIX, DAY_ROW_PREFIX)) for name in item):
                self._seal(item, month)
            months.append(month)
        return months

    def _seal(self, item: dict[str, Any], month: MonthlyCounters) -> None:
        """Replace a month's hundreds of counters by one compressed attribute once the month
        is over (a year is then twelve small items); unless a write came in after they were
        read (the condition on `writes`): then the next read seals them. A later write (a
        class moving) adds loose counters again, which `_month` adds to the sealed ones."""
        sealed = json.dumps({"counts": month.counts, "days": month.days}, separators=(",", ":"))
        try:
            self.client.put_item(
                TableName=self.table,
                Item={**item_key(item["pk"]["S"], item["sk"]["S"]), "since": item["since"], "writes": item["writes"],
                      "sealed": {"B": zlib.compress(sealed.encode("utf-8"), ZLIB_LEVEL)}},
                ConditionExpression="#writes = :writes",
                ExpressionAttributeNames={"#writes": "writes"},
                ExpressionAttributeValues={":writes": item["writes"]},
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise ServiceUnavailable("The table is not available.") from error

    def has_daily_counters(self, tenant: str, first: date, last: date) -> bool:
        try:
            page = self.client.query(
                TableName=self.table, Select="COUNT", Limit=1,
                **_between(stats_pk(tenant), f"DAY#{first.isoformat()}", f"DAY#{last.isoformat()}"))
        except ClientError as error:
            raise ServiceUnavailable("The table is not available.") from error
        return bool(page.get("Count"))

    def unanswered_questions(self, tenant: str, first: date, last: date, limit: int) -> list[str]:
        items = self._query_newest(tenant, unanswered_pk(tenant), first, last, limit, projection="sk, #t, expiresAt",
                                   names={"#t": "text"})
        return [item["text"]["S"] for item in items]

    def not_helpful(self, tenant: str, first: date, last: date, limit: int) -> list[NotHelpfulItem]:
        return [_not_helpful_item(item)
                for item in self._query_newest(tenant, not_helpful_pk(tenant), first, last, limit)]

    def review_not_helpful(self, tenant: str, item_id: str, staff: str, at: datetime,
                           note: str | None) -> NotHelpfulItem:
        sort_key = _sort_key_of(item_id)
        values: dict[str, Any] = {":by": {"S": staff}, ":at": {"S": at.isoformat()}}
        update = "SET reviewedBy = :by, reviewedAt = :at"
        if note:
            values[":note"] = {"S": note}
            update += ", reviewNote = :note"
        else:
            update += " REMOVE reviewNote"
        try:
            item = self.client.update_item(
                TableName=self.table, Key=item_key(not_helpful_pk(tenant), sort_key), UpdateExpression=update,
                ConditionExpression="attribute_exists(pk)", ExpressionAttributeValues=values, ReturnValues="ALL_NEW",
            )["Attributes"]
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise NotFound("This entry does not exist.") from None
            raise ServiceUnavailable("The conversation store is not available.") from error
        return _not_helpful_item(item)

    def written_before(self, tenant: str, cutoff: datetime, limit: int) -> list[str]:
        # Every conversation is in one of the two sparse indexes: the bot's (by last change) or the
        # handovers' (waiting or live: few, read whole).
        found = [item["conversationId"]["S"] for item in self._call(
            "query", TableName=self.table, IndexName=ACTIVITY_INDEX, Limit=limit,
            KeyConditionExpression="activityKey = :key AND activityAt <= :cutoff",
            ExpressionAttributeValues={":key": {"S": f"{tenant}#bot"}, ":cutoff": {"S": utc_iso(cutoff)}},
        ).get("Items", [])]
        for status in INDEXED_HANDOVER:
            found += [item["conversationId"]["S"] for item in self._query_all(
                IndexName=HANDOVER_INDEX, KeyConditionExpression="handoverKey = :key",
                ExpressionAttributeValues={":key": {"S": f"{tenant}#{status.value}"}},
            ) if (_updated_at(item) or datetime.max.replace(tzinfo=timezone.utc)) <= cutoff]
        return found[:limit]

    def bot_conversations(self, tenant: str, since: datetime) -> list[BotConversation]:
        retention = self.retention(tenant)
        if retention is not None:  # none the tenant's retention has ended (the index holds no expiresAt)
            since = max(since, written_by(retention, self.clock()) + timedelta(microseconds=1))
        items = self._query_all(
            IndexName=ACTIVITY_INDEX,
            KeyConditionExpression="activityKey = :key AND activityAt >= :since",
            ExpressionAttributeValues={":key": {"S": f"{tenant}#bot"}, ":since": {"S": utc_iso(since)}},
            ScanIndexForward=False,
        )
        return [
            BotConversation(
                conversation_id=item["conversationId"]["S"], channel=item["channel"]["S"],
                intent=item["topic"]["S"] if "topic" in item else None,
                language=item.get("language", {}).get("S", "nl"),
                last_message_at=datetime.fromisoformat(item["activityAt"]["S"].replace("Z", "+00:00")),
                turns=int(item.get("turns", {}).get("N", "0")),
            )
            for item in items
        ]

    def _query_newest(self, tenant: str, pk: str, first: date, last: date, limit: int, projection: str | None = None,
                      names: dict[str, str] | None = None) -> list[dict[str, Any]]:
        """Items `<day>#<written, UTC>#...` of one partition from `first` to `last`, newest first, at
        most `limit`, none past the tenant's retention."""
        arguments: dict[str, Any] = {
            "KeyConditionExpression": "pk = :pk AND sk BETWEEN :first AND :last",
            "ExpressionAttributeValues": {":pk": {"S": pk}, **_day_range(first, last)},
            "ScanIndexForward": False,
        }
        if projection:
            arguments["ProjectionExpression"] = projection
            arguments["ExpressionAttributeNames"] = names or {}
        found: list[dict[str, Any]] = []
        moment, retention = self.clock(), self.retention(tenant)
        while len(found) < limit:
            try:
                page = self.client.query(TableName=self.table, Limit=limit - len(found), **arguments)
            except ClientError as error:
                raise ServiceUnavailable("The table is not available.") from error
            found.extend(item for item in page.get("Items", [])
                         if unexpired(item, _stamped_at(item), retention, moment))
            if "LastEvaluatedKey" not in page:
                break
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        return found[:limit]

    # ---- writes -------------------------------------------------------------

    def save(
        self, conversation: Conversation, expected_version: int,
        counters: DailyCounters | Sequence[DailyCounters] | None = None, admission: ClientAdmission | None = None,
        effects: Sequence[Effect] = (),
    ) -> Conversation:
        days = merged([counters] if isinstance(counters, DailyCounters) else counters or [])
        remembered = list(conversation.unanswered_keys)
        try:
            return self._save_within_cap(conversation, expected_version, days, admission, effects)
        except VersionConflict:
            # A first write finds an item whose `expiresAt` is still ahead, but which the tenant's
            # shorter retention now has ended (core.retention): written in its place, like one past
            # its `expiresAt` (the Put's own condition).
            replacing = self._expired_version(conversation) if expected_version == 0 else None
            if replacing is None:
                raise
            conversation.unanswered_keys[:] = remembered  # the refused write's keys were never written
            return self._save_within_cap(conversation, expected_version, days, admission, effects, replacing)

    def _expired_version(self, conversation: Conversation) -> int | None:
        """The version of the conversation's stored item when the rule of core.retention has ended it."""
        item = self._call("get_item", TableName=self.table, ConsistentRead=True,
                          Key=item_key(conversation_pk(conversation.tenant, conversation.id), CONVERSATION_SK)).get("Item")
        if item is None or unexpired(item, _updated_at(item), self.retention(conversation.tenant), self.clock()):
            return None
        return int(item["version"]["N"])

    def _save_within_cap(self, conversation: Conversation, expected_version: int, days: list[DailyCounters],
                         admission: ClientAdmission | None, effects: Sequence[Effect],
                         replacing: int | None = None) -> Conversation:
        try:
            return self._save(conversation, expected_version, days, admission, effects, replacing)
        except _UnansweredCapReached:
            # The day's cap of unanswered questions is reached: the turn goes without them.
            without = [
                day.model_copy(update={"unanswered": [], "counts": {
                    **day.counts, DROPPED_COUNTER: day.counts.get(DROPPED_COUNTER, 0) + len(day.unanswered)}})
                if day.unanswered else day
                for day in days
            ]
            return self._save(conversation, expected_version, without, admission, effects, replacing)

    def _save(self, conversation: Conversation, expected_version: int, days: list[DailyCounters],
              admission: ClientAdmission | None, effects: Sequence[Effect], replacing: int | None) -> Conversation:
        saved = conversation.model_copy(update={"version": expected_version + 1})  # written below as JSON
        items: list[dict[str, Any]] = [{"Put": {"TableName": self.table, "Item": _outbox_item(saved, effect)}}
                                       for effect in effects]
        stamp = utc_iso(saved.updated_at)
        capped: set[int] = set()  # positions of the day updates whose condition is the unanswered cap
        admission_at = None
        for day in days:
            for text in day.unanswered:
                items.append(self._remembered_put(saved, unanswered_pk(day.tenant), day.day, stamp, {"text": {"S": text}}))
            for answer in day.not_helpful:
                attributes = {"intent": {"S": answer.intent}, "channel": {"S": saved.channel.value},
                              "at": {"S": saved.updated_at.isoformat()}}
                for name, value in (("question", answer.question), ("answer", answer.answer)):
                    if value:
                        attributes[name] = {"S": value}
                items.append(self._remembered_put(saved, not_helpful_pk(day.tenant), day.day, stamp, attributes))
            counts = dict(day.counts)
            if day.unanswered and day.unanswered_limit:
                counts[KEPT_COUNTER] = counts.get(KEPT_COUNTER, 0) + len(day.unanswered)
            if not counts:
                continue
            names = {f"#c{i}": f"{COUNTER_PREFIX}{name}" for i, name in enumerate(counts)}
            values = {f":c{i}": {"N": str(amount)} for i, amount in enumerate(counts.values())}
            update: dict[str, Any] = {
                "TableName": self.table,
                "Key": item_key(stats_pk(day.tenant), f"DAY#{day.day}"),
                "UpdateExpression": "ADD " + ", ".join(f"{n} {v}" for n, v in zip(names, values)),
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": values,
            }
            if day.unanswered and day.unanswered_limit:
                kept = next(n for n, name in names.items() if name == f"{COUNTER_PREFIX}{KEPT_COUNTER}")
                update["ConditionExpression"] = f"attribute_not_exists({kept}) OR {kept} <= :room"
                values[":room"] = {"N": str(day.unanswered_limit - len(day.unanswered))}
                capped.add(len(items) + 1)
            items.append({"Update": update})
        today = self.clock().astimezone(AMSTERDAM).date().isoformat()
        items += [{"Update": month_update(self.table, month)} for month in monthly(days, today)]
        if admission is not None:
            admission_at = len(items) + 1
            items.append({"Update": self._admission_update(admission)})
        item = _item(saved)
        put: dict[str, Any] = {"TableName": self.table, "Item": item}
        if replacing is not None:  # in the place of the version the tenant's retention now has ended
            put["ConditionExpression"] = "version = :replaced"
            put["ExpressionAttributeValues"] = {":replaced": {"N": str(replacing)}}
        elif expected_version == 0:  # new, or in the place of one past its retention that TTL has not deleted yet
            put["ConditionExpression"] = "attribute_not_exists(pk) OR expiresAt <= :now"
            put["ExpressionAttributeValues"] = {":now": {"N": str(int(self.clock().timestamp()))}}
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
                raise refusal(admission, int(saved.updated_at.timestamp())) from None
            if capped & failed:
                raise _UnansweredCapReached() from None
            raise ServiceUnavailable("The conversation store is not available.") from error
        return saved

    def admit(self, admission: ClientAdmission) -> None:
        try:
            self.client.update_item(**self._admission_update(admission))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise refusal(admission, int(self.clock().timestamp())) from None
            raise ServiceUnavailable("The conversation store is not available.") from error

    def _admission_update(self, admission: ClientAdmission) -> dict[str, Any]:
        """One more of what `admission` counts in its client's window (one item per client and window
        start, a counter per kind), refused past its limit; the item goes an hour after the window."""
        return {
            "TableName": self.table,
            "Key": item_key(f"T#{admission.tenant}#CLIENT#{admission.client}", f"WINDOW#{admission.window_start}"),
            "UpdateExpression": "ADD #n :one SET expiresAt = :expires",
            "ConditionExpression": "attribute_not_exists(#n) OR #n < :limit",
            "ExpressionAttributeNames": {"#n": admission.counts},
            "ExpressionAttributeValues": {
                ":one": {"N": "1"}, ":limit": {"N": str(admission.limit)},
                ":expires": {"N": str(admission.window_start + admission.window_seconds + 3600)},
            },
        }

    def _remembered_put(self, saved: Conversation, pk: str, day: str, stamp: str,
                        attributes: dict[str, Any]) -> dict[str, Any]:
        """A Put of a report item of this conversation, its key remembered for erasure."""
        remembered = saved.unanswered_keys
        key = (pk, f"{day}#{stamp}#{saved.id}#{len(remembered)}")
        remembered.append(key)
        return {"Put": {"TableName": self.table, "Item": {
            **item_key(*key), **attributes, "conversationId": {"S": saved.id},
            "expiresAt": {"N": str(saved.expires_at)},
        }}}

    # ---- the outbox -----------------------------------------------------------

    def effects_done(self, tenant: str, conversation_id: str, effect_ids: Sequence[str]) -> None:
        pk = conversation_pk(tenant, conversation_id)
        keys = [item_key(pk, OUTBOX_PREFIX + effect_id) for effect_id in effect_ids]
        for start in range(0, len(keys), _TRANSACTION_ITEMS):
            self._call("transact_write_items", TransactItems=[
                {"Delete": {"TableName": self.table, "Key": key}} for key in keys[start:start + _TRANSACTION_ITEMS]])

    def pending_effects(self, written_before: datetime, limit: int = 100) -> list[PendingEffect]:
        page = self._call(
            "query", TableName=self.table, IndexName=OUTBOX_INDEX, Limit=limit,
            KeyConditionExpression="outboxKey = :pending AND outboxAt < :before",
            ExpressionAttributeValues={":pending": {"S": OUTBOX_PENDING},
                                       ":before": {"S": written_before.astimezone(timezone.utc).isoformat()}},
        )
        return [PendingEffect.model_validate_json(item["pending"]["S"]) for item in page.get("Items", [])]

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


def _outbox_item(conversation: Conversation, effect: Effect) -> dict[str, Any]:
    """An effect in the outbox: under the conversation's key (erased with it), in the
    sparse OutboxIndex until it is done, expiring when no queue would keep it anyway."""
    written = conversation.updated_at
    pending = PendingEffect(tenant=conversation.tenant, conversation_id=conversation.id, written_at=written,
                            effect=effect)
    return {
        **item_key(conversation_pk(conversation.tenant, conversation.id), OUTBOX_PREFIX + effect.id),
        "pending": {"S": pending.model_dump_json()},
        "outboxKey": {"S": OUTBOX_PENDING},
        "outboxAt": {"S": written.astimezone(timezone.utc).isoformat()},
        "expiresAt": {"N": str(int((written + OUTBOX_KEPT).timestamp()))},
    }


def _between(pk: str, first: str, last: str) -> dict[str, Any]:
    """A Query's key condition: the items of one partition with sort keys `first`..`last`."""
    return {"KeyConditionExpression": "pk = :pk AND sk BETWEEN :first AND :last",
            "ExpressionAttributeValues": {":pk": {"S": pk}, ":first": {"S": first}, ":last": {"S": last}}}


def unexpired(item: dict[str, Any], written_at: datetime | None, retention: Retention | None,
              moment: datetime) -> bool:
    """False for an item gone by `core.retention`'s rule (past its `expiresAt`, or written longer ago
    than the tenant's retention now): DynamoDB's TTL deletes it only some time after `expiresAt`
    (up to days; the local emulation never), and until then it must be gone for everyone, as
    the tenant's retention promises. No `expiresAt` is none set (a conversation made without a
    tenant's retention, as in tests; TTL leaves such an item too)."""
    return not expired(int(item.get("expiresAt", {}).get("N") or 0), written_at, retention, moment)


def _updated_at(item: dict[str, Any]) -> datetime | None:
    """When a conversation item was last written by a turn (its `expiresAt` counts from then)."""
    return datetime.fromisoformat(item["updatedAt"]["S"]) if "updatedAt" in item else None


def _stamped_at(item: dict[str, Any]) -> datetime | None:
    """When a report item (`<day>#<written, UTC>#...`) was written."""
    parts = item["sk"]["S"].split("#")
    return datetime.fromisoformat(parts[1].replace("Z", "+00:00")) if len(parts) > 2 else None


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
    else:  # the bot is handling it (ActivityIndex)
        item["activityKey"] = {"S": f"{conversation.tenant}#bot"}
        item["activityAt"] = {"S": utc_iso(conversation.updated_at)}
        item["language"] = {"S": conversation.language}
        item["turns"] = {"N": str(sum(1 for entry in conversation.transcript if entry.role == Role.RESIDENT))}
        if conversation.state.topic:
            item["topic"] = {"S": conversation.state.topic}
    return item


def document_json(item: dict[str, Any]) -> str:
    """The `Conversation` JSON of a stored conversation item."""
    doc = item["doc"]
    return doc["S"] if "S" in doc else zlib.decompress(bytes(doc["B"])).decode("utf-8")


def document(item: dict[str, Any]) -> dict[str, Any]:
    """The stored conversation document as plain JSON data (tests and tools that inspect items)."""
    return json.loads(document_json(item))


def _sort_key_of(item_id: str) -> str:
    """The sort key behind a queue entry's id (URL-safe base64 of it); NotFound when it is none."""
    try:
        sort_key = base64.urlsafe_b64decode(item_id + "=" * (-len(item_id) % 4)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise NotFound("This entry does not exist.") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}#[^\x00]{1,300}", sort_key):
        raise NotFound("This entry does not exist.")
    return sort_key


def _not_helpful_item(item: dict[str, Any]) -> NotHelpfulItem:
    def text(name: str) -> str | None:
        return item[name]["S"] if name in item else None

    reviewed_at = text("reviewedAt")
    return NotHelpfulItem(
        id=base64.urlsafe_b64encode(item["sk"]["S"].encode()).decode().rstrip("="), day=item["sk"]["S"][:10], at=datetime.fromisoformat(item["at"]["S"]),
        conversation_id=item["conversationId"]["S"], channel=item["channel"]["S"], intent=item["intent"]["S"],
        question=text("question"), answer=text("answer"), reviewed_by=text("reviewedBy"),
        reviewed_at=datetime.fromisoformat(reviewed_at) if reviewed_at else None, review_note=text("reviewNote"),
    )


def _conversation(item: dict[str, Any]) -> Conversation:
    conversation = Conversation.model_validate_json(document_json(item))
    conversation.version = int(item["version"]["N"])
    return conversation

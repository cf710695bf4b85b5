"""DynamoDB items of a messaging channel (layout in docs/ARCHITECTURE.md). `prefix`
names the channel's items: `WA` (WhatsApp), `MSG` (Messenger and Instagram).

- `<prefix>#<event id>` / `SEEN`: the worker's record of an inbound event: `sentParts`
  (which reply payloads already went out, so a re-processed record never sends a reply
  twice) and `carriedOut` (done: a copy queued later, such as Meta's retry days after,
  changes nothing; SQS FIFO deduplicates only 5 minutes). Written as the worker goes, never
  before the event is queued.
- `<prefix>#PARTS` / `PENDING`: the parts of large deliveries queued but not yet taken in,
  one attribute `p<part id>` each with the epoch second it was queued (core.messaging.intake:
  a resident's later message waits behind them). One consistent GetItem per small delivery.
- `<prefix>#<message id>` / `OWN`: a message Balie sent on a channel whose echoes of what
  the business sends carry no marker of Balie's (Instagram): its echo is Balie's own.
- `T#<tenant>#<prefix>STATUS#<day>` / `<message id>#<status>`: delivery receipts, with
  Meta's error codes for failures (and our own send failures).
- `T#<tenant>#C#<conversation id>` / `<prefix>`: the contact: where to reach the
  resident and when they last wrote (the messaging window), who has the thread, and
  when they were last told that they send too many messages (`limitNoticeAt`).
  Under the conversation's own key, so erasing the conversation erases it too.

Like adapters.dynamodb_store this talks to the container's one low-level DynamoDB
client with typed attribute values: a boto3 Table resource would build boto3's
resource layer on every cold start (about 24 ms) for a second client.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from botocore.exceptions import ClientError

from adapters.dynamodb_store import conversation_pk, item_key, unexpired
from core.errors import ServiceUnavailable
from core.messaging.events import Address, Contact, DeliveryProgress, Receipt
from core.messaging.intake import PENDING_PART_AGE
from core.models import Channel
from core.retention import Retention, no_retention

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Meta retries a delivery for up to 7 days; remember it a little longer.
SEEN_TTL_SECONDS = 8 * 24 * 3600
# Meta echoes a message within seconds; a day leaves room for a delayed webhook.
OWN_TTL_SECONDS = 24 * 3600
STATUS_TTL_SECONDS = 90 * 24 * 3600
# A resident over the rate limit is told so at most once per window (core.dialogue.engine: 30 a minute).
LIMIT_NOTICE_SECONDS = 60
# A contact known only from a thread-control event keeps this long (a message sets the retention).
THREAD_ONLY_TTL_SECONDS = 30 * 24 * 3600
BATCH_WRITE_ITEMS = 25  # DynamoDB's limit per BatchWriteItem
# Unprocessed items (throttling) are sent again after 50, 100, 200, 400 ms: under a
# second in all, well inside Meta's webhook timeout; then the webhook fails and Meta retries.
BATCH_WRITE_ATTEMPTS = 5
BATCH_RETRY_FIRST_DELAY_SECONDS = 0.05


class MessagingStore:
    """`core.ports` ContactBook, DeliveryLog, PendingParts and ReceiptRecorder of one channel."""

    def __init__(self, client: Any, table_name: str, clock: Callable[[], datetime], *, prefix: str,
                 sleep: Callable[[float], None] = time.sleep,
                 retention: Callable[[str], Retention | None] = no_retention) -> None:
        self.client = client  # a boto3 DynamoDB *client* (low-level: typed attribute values)
        self.table = table_name
        self.clock = clock
        self.retention = retention  # a contact past the tenant's retention is gone (core.retention)
        self.prefix = prefix
        self.sleep = sleep

    # -- what the worker did with each inbound event

    def progress(self, event_id: str) -> DeliveryProgress:
        item = self.client.get_item(TableName=self.table, Key=self._seen_key(event_id), ConsistentRead=True).get("Item") or {}
        return DeliveryProgress(done=item.get("carriedOut", {}).get("BOOL", False),
                                sent_parts=frozenset(int(part) for part in item.get("sentParts", {}).get("NS", [])))

    def mark_sent(self, event_id: str, part: int, *, done: bool = False) -> None:
        self._update_seen(event_id, part=part, done=done)

    def mark_done(self, event_id: str) -> None:
        self._update_seen(event_id, part=None, done=True)

    def _update_seen(self, event_id: str, *, part: int | None, done: bool) -> None:
        sets = ["expiresAt = if_not_exists(expiresAt, :ttl)"]
        values = {":ttl": _number(int(self.clock().timestamp()) + SEEN_TTL_SECONDS)}
        if done:
            sets.append("carriedOut = :done")
            values[":done"] = {"BOOL": True}
        update = "SET " + ", ".join(sets)
        if part is not None:
            # ADD to a number set: marking the same part twice leaves one member.
            update = "ADD sentParts :part " + update
            values[":part"] = {"NS": [str(part)]}
        self.client.update_item(TableName=self.table, Key=self._seen_key(event_id), UpdateExpression=update,
                                ExpressionAttributeValues=values)

    # -- parts of large deliveries not yet taken in

    def any_pending(self, now: datetime) -> bool:
        item = self.client.get_item(TableName=self.table, Key=self._pending_key(), ConsistentRead=True).get("Item") or {}
        since = int((now - PENDING_PART_AGE).timestamp())
        return any(name.startswith("p") and int(value["N"]) >= since for name, value in item.items()
                   if "N" in value and name != "expiresAt")

    def add_pending(self, part_ids: list[str], now: datetime) -> None:
        names = {f"#p{number}": f"p{part_id}" for number, part_id in enumerate(part_ids)}
        self.client.update_item(
            TableName=self.table, Key=self._pending_key(),
            UpdateExpression="SET " + ", ".join([f"{name} = :at" for name in names] + ["expiresAt = :ttl"]),
            ExpressionAttributeNames=names,
            # The item goes a day after its last part: what is left then is long in the dead-letter queue.
            ExpressionAttributeValues={":at": _number(int(now.timestamp())),
                                       ":ttl": _number(int(now.timestamp()) + 24 * 3600)})

    def remove_pending(self, part_id: str) -> None:
        self.client.update_item(TableName=self.table, Key=self._pending_key(), UpdateExpression="REMOVE #part",
                                ExpressionAttributeNames={"#part": f"p{part_id}"})

    def _pending_key(self) -> dict[str, Any]:
        return item_key(f"{self.prefix}#PARTS", "PENDING")

    def remember_sent(self, message_id: str) -> None:
        now = self.clock()
        self.client.put_item(TableName=self.table, Item={
            **item_key(f"{self.prefix}#{message_id}", "OWN"),
            "expiresAt": _number(int(now.timestamp()) + OWN_TTL_SECONDS),
        })

    def is_own_message(self, message_id: str) -> bool:
        key = item_key(f"{self.prefix}#{message_id}", "OWN")
        return "Item" in self.client.get_item(TableName=self.table, Key=key, ConsistentRead=True)

    # -- delivery receipts

    def record_receipts(self, tenant: str, receipts: Iterable[Receipt]) -> int:
        """Puts one receipt item per receipt (BatchWriteItem, 25 a request); returns how many."""
        # One request may not hold two puts of one key (Meta may repeat a receipt in a
        # body): the last one wins, as it would with separate puts.
        items: dict[tuple[str, str], dict[str, Any]] = {}
        count = 0
        for receipt in receipts:
            item = self._status_item(tenant, receipt.message_id, receipt.status, receipt.timestamp,
                                     receipt.error_codes, receipt.error_titles)
            items[(item["pk"]["S"], item["sk"]["S"])] = item
            count += 1
        puts = [{"PutRequest": {"Item": item}} for item in items.values()]
        for start in range(0, len(puts), BATCH_WRITE_ITEMS):
            self._batch_write(puts[start : start + BATCH_WRITE_ITEMS])
        return count

    def _batch_write(self, requests: list[dict[str, Any]]) -> None:
        delay = BATCH_RETRY_FIRST_DELAY_SECONDS
        for attempt in range(1, BATCH_WRITE_ATTEMPTS + 1):
            answer = self.client.batch_write_item(RequestItems={self.table: requests})
            requests = answer.get("UnprocessedItems", {}).get(self.table, [])
            if not requests:
                return
            if attempt < BATCH_WRITE_ATTEMPTS:
                self.sleep(delay)
                delay *= 2
        raise ServiceUnavailable(f"Could not write {len(requests)} items of the channel.")

    def record_send_failure(self, tenant: str, event_id: str, code: int | None, title: str) -> None:
        """A reply Meta refused for good (e.g. outside the window): kept like a failed receipt."""
        now = self.clock()
        self.client.put_item(
            TableName=self.table,
            Item=self._status_item(tenant, event_id, "send_failed", int(now.timestamp()),
                                   (code,) if code is not None else (), (title[:200],)),
        )

    def statuses(self, tenant: str, day: str) -> list[dict]:
        """The receipts of one day (a key query, all pages), as plain values (numbers as Decimal)."""
        from boto3.dynamodb.types import TypeDeserializer  # only tests and tools read receipts back

        plain = TypeDeserializer().deserialize
        arguments: dict[str, Any] = {"TableName": self.table, "KeyConditionExpression": "pk = :pk",
                                     "ExpressionAttributeValues": {":pk": {"S": self._status_pk(tenant, day)}}}
        items: list[dict] = []
        while True:
            answer = self.client.query(**arguments)
            items.extend({name: plain(value) for name, value in item.items()} for item in answer.get("Items", []))
            if "LastEvaluatedKey" not in answer:
                return items
            arguments["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    def _status_item(self, tenant: str, message_id: str, status: str, timestamp: int,
                     codes: Iterable[int], titles: Iterable[str]) -> dict[str, Any]:
        moment = datetime.fromtimestamp(timestamp, tz=timezone.utc) if timestamp else self.clock()
        item: dict[str, Any] = {
            **item_key(self._status_pk(tenant, moment.astimezone(AMSTERDAM).date().isoformat()), f"{message_id}#{status}"),
            "status": {"S": status},
            "at": {"S": moment.isoformat()},
            "expiresAt": _number(int(self.clock().timestamp()) + STATUS_TTL_SECONDS),
        }
        codes = list(codes)
        if codes:
            item["errorCodes"] = {"L": [_number(code) for code in codes]}
            item["errorTitles"] = {"L": [{"S": title} for title in titles if title]}
        return item

    def _status_pk(self, tenant: str, day: str) -> str:
        return f"T#{tenant}#{self.prefix}STATUS#{day}"

    # -- contact book (staff replies, the messaging window, the thread)

    def remember_contact(self, tenant: str, conversation_id: str, channel: Channel, address: Address,
                         account_id: str, last_inbound_at: datetime, retention_days: int) -> Contact:
        # An update, not a put: the item also keeps who has the thread and when the
        # resident was last told about the rate limit.
        answer = self.client.update_item(
            TableName=self.table,
            Key=self._contact_key(tenant, conversation_id),
            UpdateExpression="SET #channel = :channel, addressId = :id, addressKind = :kind, accountId = :account, "
                             "lastInboundAt = :at, expiresAt = :ttl",
            ExpressionAttributeNames={"#channel": "channel"},
            ExpressionAttributeValues={
                ":channel": {"S": channel.value},
                ":id": {"S": address.id},
                ":kind": {"S": address.kind},
                ":account": {"S": account_id},
                ":at": {"S": last_inbound_at.isoformat()},
                ":ttl": _number(int(last_inbound_at.timestamp()) + retention_days * 24 * 3600),
            },
            ReturnValues="ALL_NEW",
        )
        contact = _contact(answer.get("Attributes") or {})
        assert contact is not None  # every field was just written
        return contact

    def contact(self, tenant: str, conversation_id: str) -> Contact | None:
        item = self.client.get_item(TableName=self.table, Key=self._contact_key(tenant, conversation_id),
                                    ConsistentRead=True).get("Item")
        contact = _contact(item or {})
        if contact is None or not unexpired(item or {}, contact.last_inbound_at, self.retention(tenant), self.clock()):
            return None
        return contact

    def set_thread(self, tenant: str, conversation_id: str, *, elsewhere: bool | None = None,
                   quiet_until: datetime | None = None) -> None:
        sets, values = ["expiresAt = if_not_exists(expiresAt, :ttl)"], {
            ":ttl": _number(int(self.clock().timestamp()) + THREAD_ONLY_TTL_SECONDS)}
        if elsewhere is not None:
            sets.append("threadElsewhere = :elsewhere")
            values[":elsewhere"] = {"BOOL": elsewhere}
        if quiet_until is not None:
            sets.append("quietUntil = :quiet")
            values[":quiet"] = {"S": quiet_until.isoformat()}
        self.client.update_item(TableName=self.table, Key=self._contact_key(tenant, conversation_id),
                                UpdateExpression="SET " + ", ".join(sets), ExpressionAttributeValues=values)

    def claim_limit_notice(self, tenant: str, conversation_id: str, now: datetime) -> bool:
        try:
            self.client.update_item(
                TableName=self.table,
                Key=self._contact_key(tenant, conversation_id),
                UpdateExpression="SET limitNoticeAt = :now",
                ConditionExpression="attribute_not_exists(limitNoticeAt) OR limitNoticeAt < :window_start",
                ExpressionAttributeValues={":now": _number(int(now.timestamp())),
                                           ":window_start": _number(int(now.timestamp()) - LIMIT_NOTICE_SECONDS)},
            )
        except ClientError as error:
            if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
                return False
            raise ServiceUnavailable("Could not record the rate-limit notice.") from error
        return True

    # -- keys

    def _seen_key(self, event_id: str) -> dict[str, Any]:
        return item_key(f"{self.prefix}#{event_id}", "SEEN")

    def _contact_key(self, tenant: str, conversation_id: str) -> dict[str, Any]:
        return item_key(conversation_pk(tenant, conversation_id), self.prefix)


def _contact(item: dict[str, Any]) -> Contact | None:
    """The contact, or None when the item holds no address (unknown, or only a thread change)."""
    if "addressId" not in item or "lastInboundAt" not in item:
        return None
    quiet = item.get("quietUntil", {}).get("S")
    return Contact(
        channel=Channel(item["channel"]["S"]) if "channel" in item else Channel.WHATSAPP,
        address=Address(id=item["addressId"]["S"], kind=item["addressKind"]["S"]),
        # WhatsApp contacts written before the channels shared this store name the number so.
        account_id=(item.get("accountId") or item.get("phoneNumberId") or {}).get("S", ""),
        last_inbound_at=datetime.fromisoformat(item["lastInboundAt"]["S"]),
        thread_elsewhere=item.get("threadElsewhere", {}).get("BOOL", False),
        quiet_until=datetime.fromisoformat(quiet) if quiet else None,
    )


def _number(value: int) -> dict[str, str]:
    return {"N": str(value)}

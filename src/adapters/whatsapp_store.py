"""DynamoDB items of the WhatsApp channel (layout in docs/ARCHITECTURE.md):

- `WA#<wamid>` / `SEEN`: written once per inbound delivery with a conditional
  put, 100 in a transaction (Meta retries deliveries for days; SQS FIFO deduplicates
  only 5 minutes).
  The worker adds `sentParts` (which reply payloads already went out), so a
  re-processed record never sends a reply twice.
- `T#<tenant>#WASTATUS#<day>` / `<wamid>#<status>`: delivery receipts, with
  Meta's error codes for failures (and our own send failures).
- `T#<tenant>#C#<conversation id>` / `WA`: where to reach the resident and when
  they last wrote (the 24-hour window for staff replies), and when they were last
  told that they send too many messages (`limitNoticeAt`).

Like adapters.dynamodb_store this talks to the container's one low-level
DynamoDB client with typed attribute values: a boto3 Table resource would build
boto3's resource layer on every cold start (about 24 ms) for a second client.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from botocore.exceptions import ClientError

from adapters.dynamodb_store import conversation_pk, item_key
from channels.whatsapp import StatusEvent, WhatsAppAddress, WhatsAppContact
from core.errors import ServiceUnavailable

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Meta retries a delivery for up to 7 days; remember it a little longer.
SEEN_TTL_SECONDS = 8 * 24 * 3600
STATUS_TTL_SECONDS = 90 * 24 * 3600
# A resident over the rate limit is told so at most once per window (core.dialogue.engine: 30 a minute).
LIMIT_NOTICE_SECONDS = 60
BATCH_WRITE_ITEMS = 25  # DynamoDB's limit per BatchWriteItem
TRANSACTION_ITEMS = 100  # DynamoDB's limit per TransactWriteItems
# Unprocessed items (throttling) are sent again after 50, 100, 200, 400 ms: under a
# second in all, well inside Meta's webhook timeout; then the webhook fails and Meta retries.
BATCH_WRITE_ATTEMPTS = 5
BATCH_RETRY_FIRST_DELAY_SECONDS = 0.05


class WhatsAppStore:
    def __init__(self, client: Any, table_name: str, clock: Callable[[], datetime],
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.client = client  # a boto3 DynamoDB *client* (low-level: typed attribute values)
        self.table = table_name
        self.clock = clock
        self.sleep = sleep

    # -- inbound deduplication

    def mark_seen(self, deliveries: list[tuple[str, str]]) -> set[str]:
        """Records (wamid, tenant) pairs not seen before and returns their wamids: one
        TransactWriteItems of conditional puts per 100 (the wamids must be distinct).
        A transaction cancelled by already-seen wamids is repeated without them."""
        now = self.clock()
        fresh: set[str] = set()
        for start in range(0, len(deliveries), TRANSACTION_ITEMS):
            pending = deliveries[start : start + TRANSACTION_ITEMS]
            while pending:
                puts = [{"Put": {
                    "TableName": self.table,
                    "Item": {**_seen_key(wamid), "tenant": {"S": tenant}, "at": {"S": now.isoformat()},
                             "expiresAt": _number(int(now.timestamp()) + SEEN_TTL_SECONDS)},
                    "ConditionExpression": "attribute_not_exists(pk)",
                }} for wamid, tenant in pending]
                try:
                    self.client.transact_write_items(TransactItems=puts)
                except ClientError as error:
                    seen = _already_seen(error)
                    if not seen:
                        raise ServiceUnavailable("Could not record the WhatsApp deliveries.") from error
                    pending = [delivery for number, delivery in enumerate(pending) if number not in seen]
                    continue
                fresh.update(wamid for wamid, _ in pending)
                break
        return fresh

    def forget_seen(self, wamids: list[str]) -> None:
        """Undo `mark_seen` for messages that could not be queued, so Meta's retry is taken."""
        deletes = [{"DeleteRequest": {"Key": _seen_key(wamid)}} for wamid in wamids]
        for start in range(0, len(deletes), BATCH_WRITE_ITEMS):
            self._batch_write(deletes[start : start + BATCH_WRITE_ITEMS])

    # -- outbound idempotency

    def sent_parts(self, wamid: str) -> set[int]:
        item = self.client.get_item(TableName=self.table, Key=_seen_key(wamid), ConsistentRead=True).get("Item") or {}
        return {int(part) for part in item.get("sentParts", {}).get("NS", [])}

    def mark_sent(self, wamid: str, part: int) -> None:
        # ADD to a number set: marking the same part twice leaves one member.
        now = self.clock()
        self.client.update_item(
            TableName=self.table,
            Key=_seen_key(wamid),
            UpdateExpression="ADD sentParts :part SET expiresAt = if_not_exists(expiresAt, :ttl)",
            ExpressionAttributeValues={":part": {"NS": [str(part)]},
                                       ":ttl": _number(int(now.timestamp()) + SEEN_TTL_SECONDS)},
        )

    # -- delivery receipts

    def record_statuses(self, tenant: str, events: Iterable[StatusEvent]) -> int:
        """Puts one receipt item per event (BatchWriteItem, 25 a request); returns how many events."""
        # One request may not hold two puts of one key (Meta may repeat a receipt in a
        # body): the last one wins, as it would with separate puts.
        items: dict[tuple[str, str], dict[str, Any]] = {}
        count = 0
        for event in events:
            item = self._status_item(tenant, event.wamid, event.status, event.timestamp,
                                     event.error_codes, event.error_titles)
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
        raise ServiceUnavailable(f"Could not record {len(requests)} WhatsApp delivery receipts.")

    def record_send_failure(self, tenant: str, inbound_wamid: str, code: int | None, title: str) -> None:
        """A reply Meta refused for good (e.g. 131047): kept like a failed receipt."""
        now = self.clock()
        self.client.put_item(
            TableName=self.table,
            Item=self._status_item(tenant, inbound_wamid, "send_failed", int(now.timestamp()),
                                   (code,) if code is not None else (), (title[:200],)),
        )

    def statuses(self, tenant: str, day: str) -> list[dict]:
        """The receipts of one day (a key query, all pages), as plain values (numbers as Decimal)."""
        from boto3.dynamodb.types import TypeDeserializer  # only tests and tools read receipts back

        plain = TypeDeserializer().deserialize
        arguments: dict[str, Any] = {"TableName": self.table, "KeyConditionExpression": "pk = :pk",
                                     "ExpressionAttributeValues": {":pk": {"S": f"T#{tenant}#WASTATUS#{day}"}}}
        items: list[dict] = []
        while True:
            answer = self.client.query(**arguments)
            items.extend({name: plain(value) for name, value in item.items()} for item in answer.get("Items", []))
            if "LastEvaluatedKey" not in answer:
                return items
            arguments["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    def _status_item(self, tenant: str, wamid: str, status: str, timestamp: int,
                     codes: Iterable[int], titles: Iterable[str]) -> dict[str, Any]:
        moment = datetime.fromtimestamp(timestamp, tz=timezone.utc) if timestamp else self.clock()
        item: dict[str, Any] = {
            **item_key(f"T#{tenant}#WASTATUS#{moment.astimezone(AMSTERDAM).date().isoformat()}", f"{wamid}#{status}"),
            "status": {"S": status},
            "at": {"S": moment.isoformat()},
            "expiresAt": _number(int(self.clock().timestamp()) + STATUS_TTL_SECONDS),
        }
        codes = list(codes)
        if codes:
            item["errorCodes"] = {"L": [_number(code) for code in codes]}
            item["errorTitles"] = {"L": [{"S": title} for title in titles if title]}
        return item

    # -- contact book (staff replies, 24-hour window)

    def remember_contact(self, tenant: str, conversation_id: str, address: WhatsAppAddress,
                         phone_number_id: str, last_inbound_at: datetime, retention_days: int) -> None:
        # An update, not a put: the item also remembers when the resident was last told
        # about the rate limit (claim_limit_notice).
        self.client.update_item(
            TableName=self.table,
            Key=_contact_key(tenant, conversation_id),
            UpdateExpression="SET addressId = :id, addressKind = :kind, phoneNumberId = :number, "
                             "lastInboundAt = :at, expiresAt = :ttl",
            ExpressionAttributeValues={
                ":id": {"S": address.id},
                ":kind": {"S": address.kind},
                ":number": {"S": phone_number_id},
                ":at": {"S": last_inbound_at.isoformat()},
                ":ttl": _number(int(last_inbound_at.timestamp()) + retention_days * 24 * 3600),
            },
        )

    def claim_limit_notice(self, tenant: str, conversation_id: str, now: datetime) -> bool:
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_contact_key(tenant, conversation_id),
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

    def contact(self, tenant: str, conversation_id: str) -> WhatsAppContact | None:
        item = self.client.get_item(TableName=self.table, Key=_contact_key(tenant, conversation_id)).get("Item")
        if not item:
            return None
        return WhatsAppContact(
            address=WhatsAppAddress(id=item["addressId"]["S"], kind=item["addressKind"]["S"]),
            phone_number_id=item["phoneNumberId"]["S"],
            last_inbound_at=datetime.fromisoformat(item["lastInboundAt"]["S"]),
        )


def _already_seen(error: ClientError) -> set[int]:
    """Positions of the puts whose condition failed in a cancelled transaction (empty when
    it failed for another reason, such as throttling)."""
    if error.response.get("Error", {}).get("Code") != "TransactionCanceledException":
        return set()
    reasons = error.response.get("CancellationReasons") or []
    failed = {number for number, reason in enumerate(reasons) if reason.get("Code") == "ConditionalCheckFailed"}
    others = [reason for reason in reasons if reason.get("Code") not in (None, "None", "ConditionalCheckFailed")]
    return set() if others else failed


def _seen_key(wamid: str) -> dict[str, Any]:
    return item_key(f"WA#{wamid}", "SEEN")


def _contact_key(tenant: str, conversation_id: str) -> dict[str, Any]:
    # Under the conversation's own key, so erasing the conversation erases the contact.
    return item_key(conversation_pk(tenant, conversation_id), "WA")


def _number(value: int) -> dict[str, str]:
    return {"N": str(value)}

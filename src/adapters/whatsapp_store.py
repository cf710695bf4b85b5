"""DynamoDB items of the WhatsApp channel (layout in docs/ARCHITECTURE.md):

- `WA#<wamid>` / `SEEN`: written once per inbound delivery with a conditional
  put (Meta retries deliveries for days; SQS FIFO deduplicates only 5 minutes).
  The worker adds `sentParts` (which reply payloads already went out), so a
  re-processed record never sends a reply twice.
- `T#<tenant>#WASTATUS#<day>` / `<wamid>#<status>`: delivery receipts, with
  Meta's error codes for failures (and our own send failures).
- `T#<tenant>#C#<conversation id>` / `WA`: where to reach the resident and when
  they last wrote (the 24-hour window for staff replies).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from botocore.exceptions import ClientError

from channels.whatsapp import StatusEvent, WhatsAppAddress, WhatsAppContact
from core.errors import ServiceUnavailable

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Meta retries a delivery for up to 7 days; remember it a little longer.
SEEN_TTL_SECONDS = 8 * 24 * 3600
STATUS_TTL_SECONDS = 90 * 24 * 3600


class WhatsAppStore:
    def __init__(self, table, clock) -> None:  # table: a boto3 DynamoDB Table resource
        self.table = table
        self.clock = clock

    # -- inbound deduplication

    def mark_seen(self, wamid: str, tenant: str) -> bool:
        """True the first time this delivery is seen, False for a repeat."""
        now = self.clock()
        try:
            self.table.put_item(
                Item={
                    "pk": f"WA#{wamid}",
                    "sk": "SEEN",
                    "tenant": tenant,
                    "at": now.isoformat(),
                    "expiresAt": int(now.timestamp()) + SEEN_TTL_SECONDS,
                },
                ConditionExpression="attribute_not_exists(pk)",
            )
        except ClientError as error:
            if error.response["Error"]["Code"] == "ConditionalCheckFailedException":
                return False
            raise ServiceUnavailable("Could not record the WhatsApp delivery.") from error
        return True

    def forget_seen(self, wamid: str) -> None:
        """Undo `mark_seen` when the message could not be queued, so Meta's retry is taken."""
        self.table.delete_item(Key={"pk": f"WA#{wamid}", "sk": "SEEN"})

    # -- outbound idempotency

    def sent_parts(self, wamid: str) -> set[int]:
        item = self.table.get_item(Key={"pk": f"WA#{wamid}", "sk": "SEEN"}, ConsistentRead=True).get("Item") or {}
        return {int(part) for part in item.get("sentParts", set())}

    def mark_sent(self, wamid: str, part: int) -> None:
        now = self.clock()
        self.table.update_item(
            Key={"pk": f"WA#{wamid}", "sk": "SEEN"},
            UpdateExpression="ADD sentParts :part SET expiresAt = if_not_exists(expiresAt, :ttl)",
            ExpressionAttributeValues={":part": {part}, ":ttl": int(now.timestamp()) + SEEN_TTL_SECONDS},
        )

    # -- delivery receipts

    def record_statuses(self, tenant: str, events: Iterable[StatusEvent]) -> int:
        count = 0
        with self.table.batch_writer(overwrite_by_pkeys=["pk", "sk"]) as batch:
            for event in events:
                batch.put_item(Item=self._status_item(tenant, event.wamid, event.status, event.timestamp,
                                                      event.error_codes, event.error_titles))
                count += 1
        return count

    def record_send_failure(self, tenant: str, inbound_wamid: str, code: int | None, title: str) -> None:
        """A reply Meta refused for good (e.g. 131047): kept like a failed receipt."""
        now = self.clock()
        self.table.put_item(
            Item=self._status_item(tenant, inbound_wamid, "send_failed", int(now.timestamp()),
                                   (code,) if code is not None else (), (title[:200],))
        )

    def statuses(self, tenant: str, day: str) -> list[dict]:
        """The receipts of one day (a key query, all pages)."""
        arguments = {"KeyConditionExpression": "pk = :pk",
                     "ExpressionAttributeValues": {":pk": f"T#{tenant}#WASTATUS#{day}"}}
        items: list[dict] = []
        while True:
            answer = self.table.query(**arguments)
            items.extend(answer.get("Items", []))
            if "LastEvaluatedKey" not in answer:
                return items
            arguments["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    def _status_item(self, tenant: str, wamid: str, status: str, timestamp: int,
                     codes: Iterable[int], titles: Iterable[str]) -> dict:
        moment = datetime.fromtimestamp(timestamp, tz=timezone.utc) if timestamp else self.clock()
        item = {
            "pk": f"T#{tenant}#WASTATUS#{moment.astimezone(AMSTERDAM).date().isoformat()}",
            "sk": f"{wamid}#{status}",
            "status": status,
            "at": moment.isoformat(),
            "expiresAt": int(self.clock().timestamp()) + STATUS_TTL_SECONDS,
        }
        codes = list(codes)
        if codes:
            item["errorCodes"] = codes
            item["errorTitles"] = [title for title in titles if title]
        return item

    # -- contact book (staff replies, 24-hour window)

    def remember_contact(self, tenant: str, conversation_id: str, address: WhatsAppAddress,
                         phone_number_id: str, last_inbound_at: datetime, retention_days: int) -> None:
        self.table.put_item(
            Item={
                "pk": f"T#{tenant}#C#{conversation_id}",
                "sk": "WA",
                "addressId": address.id,
                "addressKind": address.kind,
                "phoneNumberId": phone_number_id,
                "lastInboundAt": last_inbound_at.isoformat(),
                "expiresAt": int(last_inbound_at.timestamp()) + retention_days * 24 * 3600,
            }
        )

    def contact(self, tenant: str, conversation_id: str) -> WhatsAppContact | None:
        item = self.table.get_item(Key={"pk": f"T#{tenant}#C#{conversation_id}", "sk": "WA"}).get("Item")
        if not item:
            return None
        return WhatsAppContact(
            address=WhatsAppAddress(id=item["addressId"], kind=item["addressKind"]),
            phone_number_id=item["phoneNumberId"],
            last_inbound_at=datetime.fromisoformat(item["lastInboundAt"]),
        )

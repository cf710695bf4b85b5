"""The knowledge-base editor's DraftStore on the single DynamoDB table (core.editor).

- `TENANT#<slug>` / `DRAFT`: the draft (`doc`, zlib JSON of `core.editor.drafts.Draft`)
  and `draftRevision` for optimistic writes.
- `TENANT#<slug>` / `AUDIT#<UTC time>#<8 hex>`: one entry of the editors' audit trail
  (`entry`, JSON): staff actions only, no resident data, no TTL. Erasing a resident's
  conversation deletes items under `T#<tenant>#C#<id>` only, so the trail stays whole.
- `MATCHERQ#<artefact name>` / `QUALITY`: the estimated accuracy of the matcher those
  training inputs give (content-addressed like the artefact: written once, never changed).
"""
from __future__ import annotations

import json
import secrets
import zlib
from datetime import timezone
from typing import Any

from botocore.exceptions import ClientError

from adapters.dynamodb_store import item_key
from adapters.dynamodb_tenants import tenant_pk
from core.editor.drafts import AuditEntry, Draft
from core.errors import Conflict, ServiceUnavailable

AUDIT_SHOWN = 200


class DynamoDBDrafts:
    def __init__(self, client: Any, table_name: str) -> None:
        self.client = client
        self.table = table_name

    def get(self, tenant: str) -> Draft | None:
        item = self._call("get_item", TableName=self.table, Key=item_key(tenant_pk(tenant), "DRAFT"),
                          ConsistentRead=True).get("Item")
        if not item:
            return None
        return Draft.model_validate_json(zlib.decompress(bytes(item["doc"]["B"])).decode("utf-8"))

    def save(self, draft: Draft, expected_revision: int) -> None:
        condition = "attribute_not_exists(pk) OR draftRevision = :expected"
        try:
            self.client.put_item(
                TableName=self.table, ConditionExpression=condition,
                ExpressionAttributeValues={":expected": {"N": str(expected_revision)}},
                Item={**item_key(tenant_pk(draft.tenant), "DRAFT"), "draftRevision": {"N": str(draft.revision)},
                      "doc": {"B": zlib.compress(draft.model_dump_json().encode("utf-8"))}})
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise Conflict("The draft changed meanwhile.") from None
            raise ServiceUnavailable("The draft store is not available.") from error

    def add_audit(self, tenant: str, entry: AuditEntry) -> None:
        sort_key = f"AUDIT#{entry.at.astimezone(timezone.utc).isoformat()}#{secrets.token_hex(4)}"
        self._call("put_item", TableName=self.table, Item={
            **item_key(tenant_pk(tenant), sort_key), "entry": {"S": entry.model_dump_json()}})

    def audit(self, tenant: str) -> list[AuditEntry]:
        page = self._call("query", TableName=self.table, ScanIndexForward=False, Limit=AUDIT_SHOWN,
                          KeyConditionExpression="pk = :pk AND begins_with(sk, :audit)",
                          ExpressionAttributeValues={":pk": {"S": tenant_pk(tenant)}, ":audit": {"S": "AUDIT#"}})
        return [AuditEntry.model_validate_json(item["entry"]["S"]) for item in page.get("Items", [])]

    def quality(self, matcher: str) -> float | None:
        item = self._call("get_item", TableName=self.table, Key=item_key(f"MATCHERQ#{matcher}", "QUALITY")).get("Item")
        return float(item["accuracy"]["N"]) if item else None

    def save_quality(self, matcher: str, accuracy: float) -> None:
        self._call("put_item", TableName=self.table, Item={
            **item_key(f"MATCHERQ#{matcher}", "QUALITY"), "accuracy": {"N": json.dumps(round(accuracy, 6))}})

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, operation)(**arguments)
        except ClientError as error:
            raise ServiceUnavailable("The draft store is not available.") from error

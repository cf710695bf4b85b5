"""The tenant's canned replies on the single table: one item per reply under
`T#<tenant>#CANNED` (sort key: the reply's id), so listing them is one query."""
from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from adapters.dynamodb_store import item_key, query_all
from core.errors import ServiceUnavailable
from core.models import CannedReply


def canned_pk(tenant: str) -> str:
    return f"T#{tenant}#CANNED"


class DynamoDBCannedReplies:
    def __init__(self, client: Any, table_name: str) -> None:
        self.client = client
        self.table = table_name

    def list(self, tenant: str) -> list[CannedReply]:
        items = query_all(self.client, TableName=self.table, KeyConditionExpression="pk = :pk",
                          ExpressionAttributeValues={":pk": {"S": canned_pk(tenant)}})
        found = [CannedReply.model_validate_json(item["reply"]["S"]) for item in items]
        return sorted(found, key=lambda reply: reply.title.casefold())

    def put(self, reply: CannedReply) -> CannedReply:
        self._call("put_item", TableName=self.table,
                   Item={**item_key(canned_pk(reply.tenant), reply.id), "reply": {"S": reply.model_dump_json()}})
        return reply

    def delete(self, tenant: str, reply_id: str) -> bool:
        answer = self._call("delete_item", TableName=self.table, Key=item_key(canned_pk(tenant), reply_id),
                            ReturnValues="ALL_OLD")
        return "Attributes" in answer

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, operation)(**arguments)
        except ClientError as error:
            raise ServiceUnavailable("The canned replies are not available.") from error

"""The deployment's conversation-id secret (adapters.dynamodb_store): created by the first
container in one conditional put, taken from the table by every other."""
from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from adapters.dynamodb_store import DynamoDBConversationStore


class Table:
    """A DynamoDB client holding one table's id-secret item; `rival` creates it between a
    container's read and its put (two cold starts at the same moment)."""

    def __init__(self, rival: bytes | None = None) -> None:
        self.item: dict[str, Any] | None = None
        self.rival = rival
        self.calls: list[str] = []

    def get_item(self, **arguments: Any) -> dict[str, Any]:
        self.calls.append("get_item")
        found = {"Item": self.item} if self.item else {}
        if self.rival is not None and self.item is None:
            self.item = {**arguments["Key"], "key": {"B": self.rival}}
        return found

    def put_item(self, **arguments: Any) -> dict[str, Any]:
        self.calls.append("put_item")
        if self.item is not None:
            raise ClientError({"Error": {"Code": "ConditionalCheckFailedException", "Message": "exists"}}, "PutItem")
        self.item = arguments["Item"]
        return {}


def test_the_first_container_creates_the_secret_without_reading_it_back() -> None:
    table = Table()
    key = DynamoDBConversationStore(table, "balie").id_key()
    assert len(key) == 32 and bytes(table.item["key"]["B"]) == key
    assert table.calls == ["get_item", "put_item"]
    assert DynamoDBConversationStore(table, "balie").id_key() == key  # the next container reads it


def test_a_container_that_loses_the_race_takes_the_winners_secret() -> None:
    table = Table(rival=b"r" * 32)
    assert DynamoDBConversationStore(table, "balie").id_key() == b"r" * 32
    assert table.calls == ["get_item", "put_item", "get_item"]

"""The TenantRegistry on the single DynamoDB table (docs/ARCHITECTURE.md, "Tenants").

- `TENANT#<slug>` / `META`: `lastVersion`, the counter of the tenant's versions (ADD).
- `TENANT#<slug>` / `V#<00000042>`: one immutable version: the tenant document as
  submitted (`source`), who and when, its build `status` and `error`, and once built
  the compiled knowledge (`compiledDoc`) and the matcher artefact it uses (`matcherFile`).
  Documents are stored zlib-compressed (binary).
- `BALIE#TENANTS` / `DIRECTORY`: the live version of every tenant with what every
  function needs without loading a tenant (its WhatsApp number, its widget origins),
  one compressed JSON document (`doc`) with a `dirRevision` for optimistic writes. At 400
  tenants it is about 20 KB; DynamoDB's 400 KB item limit is far away.
"""
from __future__ import annotations

import json
import zlib
from datetime import datetime
from typing import Any

from botocore.exceptions import ClientError

from adapters.dynamodb_store import item_key
from core.errors import Conflict, ServiceUnavailable
from core.kb.compiled import CompiledFile, read_compiled
from core.kb.models import Tenant
from core.tenants import DirectoryEntry, Switch, TenantDirectory, TenantVersion, VersionStatus

DIRECTORY_KEY = item_key("BALIE#TENANTS", "DIRECTORY")
ZLIB_LEVEL = 6
VERSIONS_SHOWN = 20
SWITCH_ATTEMPTS = 10


def tenant_pk(slug: str) -> str:
    return f"TENANT#{slug}"


def version_sk(number: int) -> str:
    return f"V#{number:08d}"


def _packed(document: str) -> dict[str, Any]:
    return {"B": zlib.compress(document.encode("utf-8"), ZLIB_LEVEL)}


def _unpacked(value: dict[str, Any]) -> str:
    return zlib.decompress(bytes(value["B"])).decode("utf-8")


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


class DynamoDBTenantRegistry:
    def __init__(self, client: Any, table_name: str) -> None:
        self.client = client  # the container's low-level DynamoDB client
        self.table = table_name

    # ---- versions -------------------------------------------------------------

    def add_version(self, tenant: Tenant, by: str, at: datetime) -> TenantVersion:
        counter = self._call("update_item", TableName=self.table, Key=item_key(tenant_pk(tenant.slug), "META"),
                             UpdateExpression="ADD lastVersion :one", ExpressionAttributeValues={":one": {"N": "1"}},
                             ReturnValues="UPDATED_NEW")
        number = int(counter["Attributes"]["lastVersion"]["N"])
        version = TenantVersion(slug=tenant.slug, version=number, created_at=at, created_by=by)
        self._call("put_item", TableName=self.table, ConditionExpression="attribute_not_exists(pk)", Item={
            **item_key(tenant_pk(tenant.slug), version_sk(number)),
            "source": _packed(tenant.model_dump_json()),
            "status": {"S": version.status.value},
            "createdAt": {"S": at.isoformat()},
            "createdBy": {"S": by},
        })
        return version

    def version(self, slug: str, number: int) -> TenantVersion | None:
        item = self._get(slug, number, "#status, createdAt, createdBy, #error, matcherFile, sk")
        return _version(slug, item) if item else None

    def versions(self, slug: str) -> list[TenantVersion]:
        page = self._call("query", TableName=self.table, ConsistentRead=True, ScanIndexForward=False,
                          Limit=VERSIONS_SHOWN, KeyConditionExpression="pk = :pk AND begins_with(sk, :v)",
                          ExpressionAttributeValues={":pk": {"S": tenant_pk(slug)}, ":v": {"S": "V#"}},
                          ProjectionExpression="#status, createdAt, createdBy, #error, matcherFile, sk",
                          ExpressionAttributeNames={"#status": "status", "#error": "error"})
        return [_version(slug, item) for item in page.get("Items", [])]

    def source(self, slug: str, number: int) -> Tenant | None:
        item = self._get(slug, number, "#source", names={"#source": "source"})
        return Tenant.model_validate_json(_unpacked(item["source"])) if item else None

    def compiled(self, slug: str, number: int) -> CompiledFile | None:
        item = self._get(slug, number, "compiledDoc")
        if not item or "compiledDoc" not in item:
            return None
        return read_compiled(_unpacked(item["compiledDoc"]))

    def save_compiled(self, slug: str, number: int, compiled: CompiledFile) -> None:
        self._update(slug, number, "SET compiledDoc = :compiled, matcherFile = :matcher",
                     {":compiled": _packed(compiled.model_dump_json()), ":matcher": {"S": compiled.matcher.file}})

    def set_status(self, slug: str, number: int, status: VersionStatus, error: str | None = None) -> None:
        if error:
            self._update(slug, number, "SET #status = :status, #error = :error",
                         {":status": {"S": status.value}, ":error": {"S": error[:2000]}})
        else:
            self._update(slug, number, "SET #status = :status REMOVE #error", {":status": {"S": status.value}})

    # ---- the directory of live versions -------------------------------------------

    def directory(self) -> TenantDirectory:
        return self._read_directory(consistent=False)

    def switch(self, slug: str, entry: DirectoryEntry) -> Switch:
        for _ in range(SWITCH_ATTEMPTS):
            current = self._read_directory(consistent=True)
            replaced = current.tenants.get(slug)
            if replaced is not None and replaced.version >= entry.version:
                return Switch(live=False)
            tenants = {**current.tenants, slug: entry}
            document = json.dumps({name: value.model_dump(mode="json", exclude_defaults=True)
                                   for name, value in sorted(tenants.items())})
            condition = "attribute_not_exists(pk)" if current.revision == 0 else "dirRevision = :revision"
            arguments: dict[str, Any] = {
                "TableName": self.table, "ConditionExpression": condition,
                "Item": {**DIRECTORY_KEY, "dirRevision": {"N": str(current.revision + 1)}, "doc": _packed(document)},
            }
            if current.revision:
                arguments["ExpressionAttributeValues"] = {":revision": {"N": str(current.revision)}}
            try:
                self.client.put_item(**arguments)
            except ClientError as error:
                if _error_code(error) == "ConditionalCheckFailedException":
                    continue  # another tenant was switched meanwhile: read again
                raise ServiceUnavailable("The tenant registry is not available.") from error
            return Switch(live=True, replaced=replaced)
        raise Conflict("The tenant directory changed too often at the same time; the build is retried.")

    def _read_directory(self, *, consistent: bool) -> TenantDirectory:
        item = self._call("get_item", TableName=self.table, Key=DIRECTORY_KEY, ConsistentRead=consistent).get("Item")
        if not item:
            return TenantDirectory()
        tenants = json.loads(_unpacked(item["doc"]))
        return TenantDirectory(revision=int(item["dirRevision"]["N"]),
                               tenants={slug: DirectoryEntry.model_validate(entry) for slug, entry in tenants.items()})

    # ---- plumbing -----------------------------------------------------------------

    def _get(self, slug: str, number: int, projection: str, names: dict[str, str] | None = None) -> dict[str, Any] | None:
        names = names if names is not None else {name: name[1:] for name in ("#status", "#error") if name in projection}
        arguments: dict[str, Any] = {"TableName": self.table, "Key": item_key(tenant_pk(slug), version_sk(number)),
                                     "ConsistentRead": True, "ProjectionExpression": projection}
        if names:
            arguments["ExpressionAttributeNames"] = names
        return self._call("get_item", **arguments).get("Item")

    def _update(self, slug: str, number: int, expression: str, values: dict[str, Any]) -> None:
        names = {name: name[1:] for name in ("#status", "#error") if name in expression}
        arguments: dict[str, Any] = {"TableName": self.table, "Key": item_key(tenant_pk(slug), version_sk(number)),
                                     "UpdateExpression": expression, "ExpressionAttributeValues": values,
                                     "ConditionExpression": "attribute_exists(pk)"}
        if names:
            arguments["ExpressionAttributeNames"] = names
        self._call("update_item", **arguments)

    def _call(self, operation: str, **arguments: Any) -> dict[str, Any]:
        try:
            return getattr(self.client, operation)(**arguments)
        except ClientError as error:
            raise ServiceUnavailable("The tenant registry is not available.") from error


def _version(slug: str, item: dict[str, Any]) -> TenantVersion:
    return TenantVersion(
        slug=slug, version=int(item["sk"]["S"].removeprefix("V#")), status=VersionStatus(item["status"]["S"]),
        created_at=item["createdAt"]["S"], created_by=item["createdBy"]["S"],
        error=item["error"]["S"] if "error" in item else None,
        matcher=item["matcherFile"]["S"] if "matcherFile" in item else None,
    )

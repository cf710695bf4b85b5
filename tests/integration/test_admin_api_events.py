"""The admin API and the tenant-build function with the sample events in events/ (moto,
the demo tenants live as `balie serve` makes them): publishing a version, its build by
the build function's handler, the status, and the refusal of a member of staff who is
not an admin."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from balie_local.events import LambdaContext
from balie_local.template_resources import Deployment
from handlers import admin_api, tenant_build

EVENTS = Path(__file__).resolve().parents[2] / "events"


def invoke(name: str, **changes: Any) -> tuple[int, Any]:
    event = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    event.update(changes)
    response = admin_api.handler(event, LambdaContext("AdminApiFunction"))
    return response["statusCode"], json.loads(response["body"])


def build(version: int) -> dict[str, Any]:
    event = json.loads((EVENTS / "tenant_build_version.json").read_text(encoding="utf-8"))
    event["Records"][0]["body"] = json.dumps({"tenant": "voorbeeld", "version": version})
    return tenant_build.handler(event, LambdaContext("TenantBuildFunction"))


def test_a_published_version_is_built_by_the_build_function_and_goes_live(mock_aws: Deployment) -> None:
    status, state = invoke("admin_api_get_tenant.json")
    assert status == 200 and state["liveVersion"] == 1  # loaded like `balie serve` does
    assert build(1) == {"batchItemFailures": []}  # the sample event: version 1 is live already, nothing changes

    status, version = invoke("admin_api_put_tenant.json")
    assert status == 202 and version["version"] == 2 and version["status"] == "building"
    assert build(2) == {"batchItemFailures": []}
    status, state = invoke("admin_api_get_tenant.json")
    assert state["liveVersion"] == 2
    assert [(v["version"], v["status"]) for v in state["versions"]] == [(2, "live"), (1, "superseded")]


def test_a_document_that_does_not_fit_is_a_400_naming_its_problems(mock_aws: Deployment) -> None:
    event = json.loads((EVENTS / "admin_api_put_tenant.json").read_text(encoding="utf-8"))
    document = json.loads(event["body"])
    document["default_team"] = "bestaat-niet"
    status, body = invoke("admin_api_put_tenant.json", body=json.dumps(document))
    assert status == 400 and "default_team" in body["error"]["message"]
    status, _ = invoke("admin_api_put_tenant.json", body="not json")
    assert status == 400


def test_staff_who_are_not_admins_cannot_publish(mock_aws: Deployment) -> None:
    status, body = invoke("admin_api_put_tenant_not_admin.json")
    assert status == 403 and body["error"]["code"] == "forbidden"

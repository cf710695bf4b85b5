"""API.md: staff tokens carry `custom:roles`, a list of `kcc`, `editor`, `admin` ("`kcc` when
absent"); editing needs `editor`, the admin API `admin`. A ticket holds the resident's phone
number or e-mail address unredacted, for the contact centre's callback: a token with only the
role `editor` or `admin` (with teams `*`) listed every ticket and could claim, release, finish
and answer them. Contract decision (data minimisation): the ticket routes need the role `kcc`
(403); a token without roles, or with `kcc` among them, works as before."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from balie_local.events import LambdaContext
from handlers import staff_api

EVENTS = Path(__file__).resolve().parents[2] / "events"
TICKET_ROUTES = ("staff_api_list_tickets.json", "staff_api_ticket_claim.json", "staff_api_ticket_release.json",
                 "staff_api_ticket_done.json", "staff_api_ticket_reply.json")


def invoke(name: str, roles: str | None) -> tuple[int, Any]:
    event = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    claims = event["requestContext"]["authorizer"]["jwt"]["claims"]
    claims.pop("custom:roles", None)
    if roles is not None:
        claims["custom:roles"] = roles
    response = staff_api.handler(event, LambdaContext("StaffApiFunction"))
    return response["statusCode"], json.loads(response["body"])


@pytest.mark.parametrize("name", TICKET_ROUTES)
@pytest.mark.parametrize("roles", ["editor", "admin", "editor,admin"])
def test_a_token_without_the_role_kcc_has_no_ticket_routes(mock_aws, name: str, roles: str) -> None:
    status, body = invoke(name, roles)
    assert status == 403 and body["error"]["code"] == "forbidden", (name, roles, body)
    assert "kcc" in body["error"]["message"]


@pytest.mark.parametrize("roles", [None, "kcc", "kcc,editor"])
def test_the_contact_centre_keeps_its_ticket_routes(mock_aws, roles: str | None) -> None:
    assert invoke("staff_api_list_tickets.json", roles) == (200, {"tickets": []})
    status, body = invoke("staff_api_ticket_claim.json", roles)
    assert status == 404 and body["error"]["code"] == "not_found"  # no such ticket: past the role check

"""The staff API handler with the sample events in events/ (moto): identity from
the authorizer's claims decides the tenant; missing claims are refused."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from balie_local.events import LambdaContext
from balie_local.template_resources import Deployment
from handlers import staff_api

EVENTS = Path(__file__).resolve().parents[2] / "events"


def invoke(name: str, **changes: Any) -> tuple[int, Any]:
    event = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    event.update(changes)
    response = staff_api.handler(event, LambdaContext("StaffApiFunction"))
    return response["statusCode"], json.loads(response["body"])


def test_claims_without_a_tenant_are_forbidden(mock_aws: Deployment) -> None:
    status, body = invoke("staff_api_no_tenant_claim.json")
    assert status == 403 and body["error"]["code"] == "forbidden"


def test_a_request_without_claims_is_unauthorized(mock_aws: Deployment) -> None:
    event = json.loads((EVENTS / "staff_api_list_waiting.json").read_text(encoding="utf-8"))
    del event["requestContext"]["authorizer"]
    response = staff_api.handler(event, LambdaContext("StaffApiFunction"))
    assert response["statusCode"] == 401


def test_listing_an_empty_tenant_and_an_unknown_conversation(mock_aws: Deployment) -> None:
    assert invoke("staff_api_list_waiting.json") == (200, {"handovers": []})
    status, body = invoke("staff_api_claim.json")
    assert status == 404 and body["error"]["code"] == "not_found"


def test_a_bad_body_is_invalid_input(mock_aws: Deployment) -> None:
    status, body = invoke("staff_api_reply.json", body='{"text": ""}')
    assert status == 400 and body["error"]["code"] == "invalid_input"
    status, _ = invoke("staff_api_ticket_done.json", body="not json")
    assert status == 400


def test_an_empty_ticket_queue(mock_aws: Deployment) -> None:
    assert invoke("staff_api_ticket_next.json") == (200, {"ticket": None, "receipt": None})


def test_a_receipt_that_is_not_a_claim_is_not_found(mock_aws: Deployment) -> None:
    for name in ("staff_api_ticket_release.json", "staff_api_ticket_done.json"):
        status, body = invoke(name)
        assert status == 404 and body["error"]["code"] == "not_found"


def test_staff_limited_to_teams_do_not_work_the_ticket_queue(mock_aws: Deployment) -> None:
    # The queue mixes every team's tickets (see core.staff); the refusal comes before any receive.
    status, body = invoke("staff_api_ticket_next_team_limited.json")
    assert status == 403 and body["error"]["code"] == "forbidden"

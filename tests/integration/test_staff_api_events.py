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
    for bad in ("not json", '{"note": "no outcome"}', '{"outcome": ""}', '{"outcome": "x", "extra": 1}'):
        status, body = invoke("staff_api_ticket_done.json", body=bad)
        assert status == 400 and body["error"]["code"] == "invalid_input", bad


def test_no_tickets_yet(mock_aws: Deployment) -> None:
    assert invoke("staff_api_list_tickets.json") == (200, {"tickets": []})


def test_an_unknown_ticket_is_not_found(mock_aws: Deployment) -> None:
    for name in ("staff_api_ticket_claim.json", "staff_api_ticket_release.json", "staff_api_ticket_done.json",
                 "staff_api_ticket_reply.json"):
        status, body = invoke(name)
        assert status == 404 and body["error"]["code"] == "not_found", name


def test_staff_limited_to_teams_cannot_list_another_teams_tickets(mock_aws: Deployment) -> None:
    status, body = invoke("staff_api_list_tickets_other_team.json")
    assert status == 403 and body["error"]["code"] == "forbidden"


def test_an_operator_account_has_no_staff_routes(mock_aws: Deployment) -> None:
    event = json.loads((EVENTS / "staff_api_list_tickets.json").read_text(encoding="utf-8"))
    event["requestContext"]["authorizer"]["jwt"]["claims"].update({"custom:tenant": "*", "custom:roles": "admin"})
    response = staff_api.handler(event, LambdaContext("StaffApiFunction"))
    assert response["statusCode"] == 403


def test_the_sample_ticket_is_taken_in_and_worked_with_the_sample_events(mock_aws: Deployment) -> None:
    import boto3

    from adapters.dynamodb_store import DynamoDBConversationStore
    from balie_local.dev_mail import sent_mail
    from core.models import Channel, Conversation, Ticket
    from handlers import ticket_intake

    intake_event = json.loads((EVENTS / "ticket_intake_callback_request.json").read_text(encoding="utf-8"))
    ticket = Ticket.model_validate_json(intake_event["Records"][0]["body"])
    DynamoDBConversationStore(boto3.client("dynamodb"), mock_aws.merged_environment()["TABLE_NAME"]).save(
        Conversation(id=ticket.conversation_id, tenant=ticket.tenant, channel=Channel.WEB,
                     created_at=ticket.created_at, updated_at=ticket.created_at), 0)
    assert ticket_intake.handler(intake_event, LambdaContext("TicketIntakeFunction")) == {"batchItemFailures": []}
    assert [mail["to"] for mail in sent_mail()] == [["burgerzaken@voorbeeld.example"]]

    status, listed = invoke("staff_api_list_tickets.json")
    assert status == 200 and [t["id"] for t in listed["tickets"]] == [ticket.id]
    assert listed["tickets"][0]["contact"] == "+31612345678" and listed["tickets"][0]["status"] == "open"
    status, claimed = invoke("staff_api_ticket_claim.json")
    assert status == 200 and claimed["ticket"]["claimedBy"] == "3f0c9a4e-staff-anna"
    status, body = invoke("staff_api_ticket_reply.json")  # a web ticket: call or mail the resident
    assert status == 409 and body["error"]["code"] == "conflict"
    status, done = invoke("staff_api_ticket_done.json")
    assert status == 200 and done["ticket"]["outcome"] == "gebeld, afspraak gemaakt"
    status, body = invoke("staff_api_ticket_release.json")
    assert status == 409

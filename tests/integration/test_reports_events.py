"""GET /v1/staff/reports with the sample events in events/ (moto): JSON, CSV
and the range limit, against the DynamoDB store's daily aggregate items."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from balie_local.events import LambdaContext
from balie_local.template_resources import Deployment
from handlers import staff_api

EVENTS = Path(__file__).resolve().parents[2] / "events"


def invoke(name: str) -> dict[str, Any]:
    event = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return staff_api.handler(event, LambdaContext("StaffApiFunction"))


def test_json_report_of_the_claims_tenant(mock_aws: Deployment) -> None:
    response = invoke("staff_api_reports.json")
    assert response["statusCode"] == 200
    body = json.loads(response["body"])
    assert (body["tenant"], body["from"], body["to"]) == ("voorbeeld", "2026-11-01", "2026-11-30")
    assert body["totals"]["messages"] == 0 and body["days"] == []


def test_csv_report_is_an_attachment(mock_aws: Deployment) -> None:
    response = invoke("staff_api_reports_csv.json")
    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"].startswith("text/csv")
    assert "balie-voorbeeld-2026-11-01-2026-11-30.csv" in response["headers"]["Content-Disposition"]
    assert response["body"].startswith("section,key,conversations,messages")


def test_a_range_over_92_days_is_a_400(mock_aws: Deployment) -> None:
    response = invoke("staff_api_reports_too_long.json")
    assert response["statusCode"] == 400
    assert "at most 92 days" in json.loads(response["body"])["error"]["message"]

"""GET /v1/staff/reports with the sample events in events/ (moto): JSON, CSV
and the range limit, against the DynamoDB store's daily aggregate items."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
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
    assert "balie-voorbeeld-2026-11-01-2026-11-30-days.csv" in response["headers"]["Content-Disposition"]
    import base64

    body = base64.b64decode(response["body"]) if response["isBase64Encoded"] else response["body"].encode()
    assert body.decode("utf-8").startswith("\ufeffDag;Gesprekken;Opgelost door de bot;Overgedragen;Niet opgelost;")


def test_xlsx_report_is_a_workbook(mock_aws: Deployment) -> None:
    import base64

    response = invoke("staff_api_reports_xlsx.json")
    assert response["statusCode"] == 200 and response["isBase64Encoded"] is True
    assert response["headers"]["Content-Type"] == staff_api.XLSX
    assert base64.b64decode(response["body"]).startswith(b"PK")  # a zip: the OOXML package
    assert "balie-voorbeeld-2026-11-01-2026-11-30.xlsx" in response["headers"]["Content-Disposition"]


def test_a_range_over_a_year_is_a_400(mock_aws: Deployment) -> None:
    response = invoke("staff_api_reports_too_long.json")
    assert response["statusCode"] == 400
    assert "at most 366 days" in json.loads(response["body"])["error"]["message"]


def test_the_bot_list_and_the_profile(mock_aws: Deployment) -> None:
    listed = invoke("staff_api_bot_conversations.json")
    assert listed["statusCode"] == 200 and json.loads(listed["body"]) == {"conversations": []}
    profile = invoke("staff_api_me.json")
    assert profile["statusCode"] == 200
    body = json.loads(profile["body"])
    assert body["tenant"] == "voorbeeld" and body["tenantName"] and body["allTeams"] and body["now"]


def test_proposals_export_reads_the_table_and_keeps_only_opted_in_tenants(mock_aws: Deployment) -> None:
    """tenants/voorbeeld.yaml shares its unanswered questions, voorbeeld-noord does not."""
    import boto3

    from adapters.dynamodb_store import DynamoDBConversationStore
    from adapters.kb_files import FileKnowledge
    from balie_local.unanswered_export import proposals_document
    from core.models import Channel, Conversation, DailyCounters

    store = DynamoDBConversationStore(boto3.client("dynamodb"), mock_aws.tables["BalieTable"])
    moment = datetime(2026, 11, 2, 12, 0, tzinfo=timezone.utc)
    # Past its expiry an unanswered question is gone for every reader (the tenant's retention), so the day's
    # questions are kept until after the test runs, whatever the date it runs on.
    still_kept = int(datetime.now(timezone.utc).timestamp()) + 86400
    questions = {
        "voorbeeld": ["Mag ik in Voorbeeld een kameel houden?", "Mag ik een kameel houden in gemeente Voorbeeld? a@b.nl"],
        "voorbeeld-noord": ["geheime vraag uit het noorden"],
    }
    for tenant, texts in questions.items():
        conversation = Conversation(id=f"{tenant}.{'ab' * 16}", tenant=tenant, channel=Channel.WEB,
                                    created_at=moment, updated_at=moment, expires_at=still_kept)
        store.save(conversation, 0, DailyCounters(tenant=tenant, day="2026-11-02", counts={"fallback": len(texts)},
                                                  unanswered=texts))

    document = proposals_document(store, FileKnowledge(), date(2026, 11, 1), date(2026, 11, 30))

    assert document["tenants"] == 1 and (document["from"], document["to"]) == ("2026-11-01", "2026-11-30")
    text = json.dumps(document, ensure_ascii=False)
    assert "noorden" not in text and "Voorbeeld" not in text and "a@b.nl" not in text
    [proposal] = document["proposals"]
    assert proposal["count"] == 2 and proposal["tenants"] == 1 and "kameel" in proposal["text"]
    assert len(proposal["closest_intents"]) <= 3

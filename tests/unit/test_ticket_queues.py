"""Every tenant has its own ticket queue, dead-letter queue and alarms in template.yaml.

template.yaml writes them out per tenant (`sam build` cannot expand Fn::ForEach), so a
new tenants/<slug>.yaml without its four resources must fail here, not in production.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from balie_local.template_resources import (
    TemplateError,
    load_template,
    ticket_logical_ids,
    ticket_queue_tenants,
    with_ticket_queues_for,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = load_template(ROOT / "template.yaml")
RESOURCES = TEMPLATE["Resources"]


def tenant_slugs() -> set[str]:
    return {yaml.safe_load(path.read_text(encoding="utf-8"))["slug"] for path in (ROOT / "tenants").glob("*.yaml")}


def assert_tenant_resources(resources: dict, slug: str) -> None:
    queue_id, dlq_id, dlq_alarm_id, age_alarm_id = ticket_logical_ids(slug)
    missing = [logical_id for logical_id in ticket_logical_ids(slug) if logical_id not in resources]
    assert not missing, f"tenants/{slug}.yaml has no {', '.join(missing)} in template.yaml: copy another tenant's four Ticket* resources"
    queue = resources[queue_id]["Properties"]
    assert queue["QueueName"] == {"Fn::Sub": "${AWS::StackName}-tickets-" + slug}
    assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": [dlq_id, "Arn"]}
    assert queue["RedrivePolicy"]["maxReceiveCount"] >= 1
    dlq = resources[dlq_id]["Properties"]
    assert dlq["QueueName"] == {"Fn::Sub": "${AWS::StackName}-deadtickets-" + slug}
    dlq_alarm = resources[dlq_alarm_id]["Properties"]
    assert dlq_alarm["Dimensions"] == [{"Name": "QueueName", "Value": dlq["QueueName"]}]
    assert dlq_alarm["MetricName"] == "ApproximateNumberOfMessagesVisible" and dlq_alarm["Threshold"] == 1
    age_alarm = resources[age_alarm_id]["Properties"]
    assert age_alarm["Dimensions"] == [{"Name": "QueueName", "Value": queue["QueueName"]}]
    assert age_alarm["MetricName"] == "ApproximateAgeOfOldestMessage"
    assert slug in dlq_alarm["AlarmDescription"] and slug in age_alarm["AlarmDescription"]


def test_each_tenant_gets_a_named_queue_with_a_dead_letter_queue_and_alarms() -> None:
    assert tenant_slugs(), "no tenants found"
    for slug in tenant_slugs():
        assert_tenant_resources(RESOURCES, slug)


def test_no_ticket_queue_without_a_tenant_file() -> None:
    assert set(ticket_queue_tenants(RESOURCES)) == tenant_slugs()


def test_a_tenant_without_its_resources_fails_with_what_to_add() -> None:
    with pytest.raises(AssertionError, match="TicketQueuenieuwegemeente, .*TicketAgeAlarmnieuwegemeente"):
        assert_tenant_resources(RESOURCES, "nieuwegemeente")


def test_test_tenants_get_copies_of_a_real_tenants_resources() -> None:
    template = with_ticket_queues_for(TEMPLATE, ["alpha", "beta-zuid"])
    resources = template["Resources"]
    assert ticket_queue_tenants(resources) == ["alpha", "beta-zuid"]
    for slug in ("alpha", "beta-zuid"):
        assert_tenant_resources(resources, slug)
    assert not any(logical_id.endswith("voorbeeld") for logical_id in resources)
    assert "TicketQueuevoorbeeld" in TEMPLATE["Resources"], "the loaded template must stay unchanged"


def test_copying_needs_a_tenant_to_copy() -> None:
    bare = {"Resources": {k: v for k, v in RESOURCES.items() if not k.startswith("Ticket")}}
    with pytest.raises(TemplateError, match="no ticket queue"):
        with_ticket_queues_for(bare, ["alpha"])

"""Every tenant has its own ticket queue, dead-letter queue and alarm in template.yaml."""
from __future__ import annotations

from pathlib import Path

import yaml

from balie_local.template_resources import expand_for_each, load_template, parameter_values

ROOT = Path(__file__).resolve().parents[2]


def tenant_slugs() -> set[str]:
    return {yaml.safe_load(path.read_text(encoding="utf-8"))["slug"] for path in (ROOT / "tenants").glob("*.yaml")}


def expanded_resources() -> dict:
    template = load_template(ROOT / "template.yaml")
    return expand_for_each(template["Resources"], parameter_values(template, {}))


def test_every_tenant_file_is_in_tenant_slugs() -> None:
    template = load_template(ROOT / "template.yaml")
    listed = {slug.strip() for slug in template["Parameters"]["TenantSlugs"]["Default"].split(",")}
    assert tenant_slugs(), "no tenants found"
    assert tenant_slugs() <= listed, f"add {sorted(tenant_slugs() - listed)} to TenantSlugs in template.yaml"


def test_each_tenant_gets_a_named_queue_with_a_dead_letter_queue_and_alarm() -> None:
    resources = expanded_resources()
    for slug in tenant_slugs():
        key = slug.replace("-", "")
        queue = resources[f"TicketQueue{key}"]["Properties"]
        assert queue["QueueName"] == {"Fn::Sub": "${AWS::StackName}-tickets-" + slug}
        assert queue["RedrivePolicy"]["deadLetterTargetArn"] == {"Fn::GetAtt": [f"TicketDeadLetterQueue{key}", "Arn"]}
        assert queue["RedrivePolicy"]["maxReceiveCount"] >= 1
        dlq = resources[f"TicketDeadLetterQueue{key}"]["Properties"]
        assert dlq["QueueName"] == {"Fn::Sub": "${AWS::StackName}-deadtickets-" + slug}
        alarm = resources[f"TicketDeadLetterAlarm{key}"]["Properties"]
        assert alarm["Dimensions"] == [{"Name": "QueueName", "Value": {"Fn::Sub": "${AWS::StackName}-deadtickets-" + slug}}]
        assert alarm["MetricName"] == "ApproximateNumberOfMessagesVisible" and alarm["Threshold"] == 1


"""The dashboard and alarms in template.yaml (cfn-lint checks their schema; these
check what it cannot): every dead-letter queue and function has its alarm, every alarm notifies the topic, and the dashboard is valid JSON that
graphs only metrics the handlers really write."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from balie_local.template_resources import expanded_resources, load_template
from handlers import metrics

HANDLERS = Path(__file__).resolve().parents[2] / "src" / "handlers"
TEMPLATE = load_template()
RESOURCES = expanded_resources(TEMPLATE)
ALARMS = {k: r["Properties"] for k, r in RESOURCES.items() if r["Type"] == "AWS::CloudWatch::Alarm"}
FUNCTIONS = [k for k, r in RESOURCES.items() if r["Type"] == "AWS::Serverless::Function"]


def alarm_on(metric: str, dimension_value: Any) -> list[dict[str, Any]]:
    return [a for a in ALARMS.values() if a.get("MetricName") == metric
            and any(d["Value"] == dimension_value for d in a.get("Dimensions", []))]


def dead_letter_queues() -> dict[str, Any]:
    """logical id -> what an alarm's QueueName dimension must be."""
    found = {}
    for resource in RESOURCES.values():
        target = ((resource.get("Properties") or {}).get("RedrivePolicy") or {}).get("deadLetterTargetArn")
        if target:
            queue = target["Fn::GetAtt"][0]
            properties = RESOURCES[queue].get("Properties") or {}
            found[queue] = properties.get("QueueName") or {"Fn::GetAtt": [queue, "QueueName"]}
    return found


def test_every_dead_letter_queue_alarms_when_not_empty() -> None:
    queues = dead_letter_queues()
    assert len(queues) >= 3
    for queue, name in queues.items():
        [alarm] = alarm_on("ApproximateNumberOfMessagesVisible", name)
        at_one = alarm["ComparisonOperator"] == "GreaterThanOrEqualToThreshold" and alarm["Threshold"] == 1
        above_zero = alarm["ComparisonOperator"] == "GreaterThanThreshold" and alarm["Threshold"] == 0
        assert at_one or above_zero, queue


def test_every_function_alarms_on_errors_and_throttles() -> None:
    for function in FUNCTIONS:
        for metric in ("Errors", "Throttles"):
            assert len(alarm_on(metric, {"Ref": function})) == 1, (function, metric)


def test_the_api_alarm_is_a_5xx_rate() -> None:
    [alarm] = [a for a in ALARMS.values() if "Metrics" in a]
    names = {m["MetricStat"]["Metric"]["MetricName"] for m in alarm["Metrics"] if "MetricStat" in m}
    assert names == {"5xx", "Count"}
    assert [m for m in alarm["Metrics"] if m.get("ReturnData")][0]["Expression"].count("/") == 1


def test_every_alarm_notifies_the_topic() -> None:
    for name, alarm in ALARMS.items():
        assert alarm.get("AlarmActions") == [{"Ref": "AlarmTopic"}], name


def dashboard() -> dict[str, Any]:
    body = RESOURCES["Dashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
    references = set(re.findall(r"\$\{([^}]+)\}", body))
    assert references <= set(RESOURCES) | {"AWS::Region"}, references
    return json.loads(re.sub(r"\$\{[^}]+\}", "X", body))


def test_dashboard_is_json_with_the_required_graphs() -> None:
    widgets = dashboard()["widgets"]
    titles = " | ".join(w["properties"]["title"] for w in widgets)
    for wanted in ("Bot-handled share", "fallbacks", "Handovers", "Lambda errors", "p99"):
        assert wanted in titles
    share = widgets[0]["properties"]["metrics"]
    assert any(row[0].get("expression") == "100 * answered / received" for row in share)


def test_dashboard_graphs_only_metrics_the_handlers_write() -> None:
    text = json.dumps(dashboard())
    graphed = set(re.findall(r'MetricName=\\"([A-Za-z_]+)\\"', text))
    written = {*metrics.TURN_METRICS, metrics.TURN_LATENCY, metrics.HANDOVER_CLAIMED, metrics.TICKET_DONE,
               metrics.TICKET_CREATED,
               metrics.HANDOVER_EXPIRED, metrics.WHATSAPP_DELIVERY_FAILED, "WhatsAppReplyFailed",
               "WhatsAppRepliesRefused", metrics.MESSENGER_DELIVERY_FAILED, "MessengerReplyFailed"}
    assert graphed and graphed <= written, graphed - written
    # The channels' operational metrics are the channel's name and a suffix (handlers.meta_webhooks,
    # handlers.messaging_worker: f"{name}ReplyFailed" for name "WhatsApp" or "Messenger").
    handlers = " ".join(path.read_text(encoding="utf-8") for path in HANDLERS.glob("*.py"))
    for name in (name for name in written if name[0].isupper()):
        channel = next(prefix for prefix in ("WhatsApp", "Messenger") if name.startswith(prefix))
        assert f'f"{{name}}{name[len(channel):]}"' in handlers and f'"{channel}"' in handlers, name

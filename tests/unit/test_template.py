"""The rules template.yaml keeps as functions and queues are added (issue 2).

cfn-lint and `sam validate --lint` run in `make lint`; these check what they do not:
explicit routes, least privilege, dead-letter queues, the table's protection.
"""
from __future__ import annotations

from typing import Any

import pytest
import yaml

from balie_local.template_resources import REPO_ROOT, expanded_resources, load_template

TEMPLATE = load_template()
RESOURCES = expanded_resources(TEMPLATE)
FUNCTIONS = {k: r["Properties"] for k, r in RESOURCES.items() if r["Type"] == "AWS::Serverless::Function"}
QUEUES = {k: r.get("Properties") or {} for k, r in RESOURCES.items() if r["Type"] == "AWS::SQS::Queue"}
TENANTS = REPO_ROOT / "tenants"


def test_globals_set_the_runtime_tracing_and_powertools() -> None:
    function_globals = TEMPLATE["Globals"]["Function"]
    assert function_globals["Runtime"] == "python3.12"
    assert function_globals["Tracing"] == "Active"
    variables = function_globals["Environment"]["Variables"]
    assert {"POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_LOG_LEVEL"} <= set(variables)
    assert "TABLE_NAME" in variables


def test_one_http_api_whose_handlers_answer_cors_per_tenant() -> None:
    # Tenants (and their widget origins) are data: API Gateway's CorsConfiguration would
    # answer preflights from a fixed list, so there is none and the handlers answer them.
    apis = [r for r in RESOURCES.values() if r["Type"] == "AWS::Serverless::HttpApi"]
    assert len(apis) == 1 and "CorsConfiguration" not in apis[0]["Properties"]
    preflights = {(function, event["Properties"]["Path"]) for function, properties in FUNCTIONS.items()
                  for event in (properties.get("Events") or {}).values()
                  if event["Type"] == "HttpApi" and event["Properties"].get("Method") == "OPTIONS"}
    assert {("ChatApiFunction", "/v1/chat"), ("ChatApiFunction", "/v1/chat/{conversationId}/messages"),
            ("StaffApiFunction", "/v1/staff/{proxy+}"), ("AdminApiFunction", "/v1/admin/{proxy+}")} <= preflights
    for function, properties in FUNCTIONS.items():
        for event in (properties.get("Events") or {}).values():
            if event["Type"] == "HttpApi" and event["Properties"].get("Method") == "OPTIONS":
                assert "Auth" not in event["Properties"], function  # a preflight carries no token


def test_the_template_names_no_tenant_and_has_no_resource_per_tenant() -> None:
    text = (REPO_ROOT / "template.yaml").read_text(encoding="utf-8")
    tenants = [yaml.safe_load(path.read_text(encoding="utf-8"))["slug"] for path in sorted(TENANTS.glob("*.yaml"))]
    assert tenants and not [slug for slug in tenants if slug in text]
    assert "voorbeeld" not in text


def test_a_production_deployment_allows_no_development_origin() -> None:
    # Tenants list their widget origins as data; development origins (localhost) work only
    # where DevelopmentWidgetOrigins names them, and a production stack sets it empty.
    import tomllib

    config = tomllib.loads((REPO_ROOT / "samconfig.toml").read_text(encoding="utf-8"))
    production = config["default"]["deploy"]["parameters"]["parameter_overrides"]
    assert 'Stage="prod"' in production and 'DevelopmentWidgetOrigins=""' in production
    variables = TEMPLATE["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["DEVELOPMENT_WIDGET_ORIGINS"] == {"Ref": "DevelopmentWidgetOrigins"}


def http_routes() -> dict[tuple[str, str], str]:
    """(method, path) -> function of every HttpApi route but $default."""
    return {(event["Properties"]["Method"], event["Properties"]["Path"]): function
            for function, properties in FUNCTIONS.items() for event in (properties.get("Events") or {}).values()
            if event["Type"] == "HttpApi" and "Path" in event["Properties"]}


@pytest.mark.parametrize("function", sorted(FUNCTIONS))
def test_http_routes_are_explicit(function: str) -> None:
    for event in (FUNCTIONS[function].get("Events") or {}).values():
        if event["Type"] == "HttpApi":
            properties = event["Properties"]
            if "Path" not in properties and "Method" not in properties:
                # SAM's $default route: only the function that answers 404/405 and does nothing else.
                assert function == "NoRouteFunction" and FUNCTIONS[function]["Handler"] == "handlers.no_route.handler"
                continue
            assert properties.get("Method", "ANY") != "ANY"
            # A greedy path only for preflights, which the handler answers without doing anything.
            assert "{proxy+}" not in properties["Path"] or properties["Method"] == "OPTIONS"
            assert properties.get("PayloadFormatVersion", "2.0") == "2.0"


def policy_names(policy: Any) -> list[str]:
    if isinstance(policy, str):
        return [policy]
    return [name for name in policy if name != "Statement"]


@pytest.mark.parametrize("function", sorted(FUNCTIONS))
def test_functions_have_least_privilege_policies(function: str) -> None:
    policies = FUNCTIONS[function].get("Policies") or []
    names = [name for policy in policies for name in policy_names(policy)]
    assert not [n for n in names if "FullAccess" in n or n.startswith("arn:aws:iam::aws:policy/Administrator")]
    for policy in policies:
        for statement in (policy.get("Statement") or []) if isinstance(policy, dict) else []:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            assert not [a for a in actions if a == "*" or a.endswith(":*")], statement
            assert statement.get("Resource") != "*", statement


def dead_letter_targets() -> set[str]:
    targets = set()
    for properties in QUEUES.values():
        redrive = properties.get("RedrivePolicy")
        if redrive:
            targets.add(redrive["deadLetterTargetArn"]["Fn::GetAtt"][0])
    return targets


@pytest.mark.parametrize("queue", sorted(QUEUES))
def test_every_queue_has_a_dead_letter_queue(queue: str) -> None:
    targets = dead_letter_targets()
    if queue in targets:
        return  # it is one
    redrive = QUEUES[queue].get("RedrivePolicy")
    assert redrive, f"{queue} has no RedrivePolicy"
    assert int(redrive["maxReceiveCount"]) >= 1
    dead = QUEUES[redrive["deadLetterTargetArn"]["Fn::GetAtt"][0]]
    assert bool(dead.get("FifoQueue")) == bool(QUEUES[queue].get("FifoQueue"))


def test_sqs_triggered_functions_report_partial_failures_and_queues_outlast_them() -> None:
    timeout_default = TEMPLATE["Globals"]["Function"]["Timeout"]
    for function, properties in FUNCTIONS.items():
        for event in (properties.get("Events") or {}).values():
            if event["Type"] != "SQS":
                continue
            assert "ReportBatchItemFailures" in event["Properties"].get("FunctionResponseTypes", []), function
            queue = event["Properties"]["Queue"]["Fn::GetAtt"][0]
            visibility = int(QUEUES[queue].get("VisibilityTimeout", 30))
            assert visibility >= int(properties.get("Timeout", timeout_default)), (function, queue)


def test_the_table_is_on_demand_with_ttl_and_point_in_time_recovery() -> None:
    tables = [r["Properties"] for r in RESOURCES.values() if r["Type"] == "AWS::DynamoDB::Table"]
    assert len(tables) == 1
    table = tables[0]
    assert table["BillingMode"] == "PAY_PER_REQUEST"
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expiresAt", "Enabled": True}
    assert table["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True


def test_channel_secrets_are_parameter_names_not_values() -> None:
    variables = TEMPLATE["Globals"]["Function"]["Environment"]["Variables"]
    secret_variables = {k: v for k, v in variables.items() if k.endswith("_PARAMETER")}
    assert set(secret_variables) == {
        "WHATSAPP_APP_SECRET_PARAMETER", "WHATSAPP_VERIFY_TOKEN_PARAMETER", "WHATSAPP_ACCESS_TOKEN_PARAMETER",
        "MESSENGER_APP_SECRET_PARAMETER", "MESSENGER_VERIFY_TOKEN_PARAMETER"}
    for name, value in secret_variables.items():
        channel = name.split("_")[0].lower()
        assert value["Fn::Sub"].startswith(f"/balie/${{Stage}}/{channel}/")
    # Page tokens: one SecureString per Page or Instagram account under this path, read by the
    # functions that send on Messenger (their policy allows balie/<stage>/messenger/* only).
    assert variables["MESSENGER_PAGE_TOKENS_PATH"]["Fn::Sub"] == "/balie/${Stage}/messenger/page-tokens"


def test_outputs_name_the_api_table_and_queues() -> None:
    outputs = TEMPLATE["Outputs"]
    assert {"ApiUrl", "TableName", "WhatsAppInboundQueueUrl", "HandoverTimeoutQueueUrl"} <= set(outputs)


def test_every_request_no_route_takes_goes_to_a_function_without_permissions() -> None:
    from handlers.no_route import API_ROUTES

    defaults = [function for function, properties in FUNCTIONS.items() for event in (properties.get("Events") or {}).values()
                if event["Type"] == "HttpApi" and "Path" not in event["Properties"]]
    assert defaults == ["NoRouteFunction"]
    assert not FUNCTIONS["NoRouteFunction"].get("Policies")
    # Its table of the API's routes (for 405 and Allow) is the template's.
    assert sorted(API_ROUTES) == sorted(http_routes())


def test_no_route_has_an_authorizer_whose_refusal_api_gateway_would_answer_itself() -> None:
    # API Gateway answers a failed authorizer with {"message": "Unauthorized"}, outside the contract's
    # error shape: the staff, editor and admin functions check the token (handlers/staff_token.py).
    assert "Auth" not in RESOURCES["HttpApi"]["Properties"]
    assert not [route for function, properties in FUNCTIONS.items() for route in (properties.get("Events") or {}).values()
                if route["Type"] == "HttpApi" and "Auth" in route["Properties"]]
    staff_functions = {function for (method, path), function in http_routes().items()
                       if path.startswith(("/v1/staff/", "/v1/admin/")) and method != "OPTIONS"}
    assert staff_functions == {"StaffApiFunction", "KbEditorFunction", "AdminApiFunction"}
    from handlers import admin_api, kb_editor_api, staff_api, staff_token

    for module in (admin_api, kb_editor_api, staff_api):
        assert module.app._authenticate is staff_token.authenticate

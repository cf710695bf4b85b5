"""Lambda logs expire: every function has its own log group with LogRetentionDays."""
from __future__ import annotations

from balie_local.template_resources import REPO_ROOT, expanded_resources, load_template

TEMPLATE = load_template(REPO_ROOT / "template.yaml")
RESOURCES = expanded_resources(TEMPLATE)
FUNCTIONS = sorted(k for k, v in RESOURCES.items() if v["Type"] == "AWS::Serverless::Function")
# The retention periods CloudWatch Logs accepts (PutRetentionPolicy).
CLOUDWATCH_RETENTION_DAYS = {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,
                             2557, 2922, 3288, 3653}


def log_groups() -> dict[str, dict]:
    return {k: v["Properties"] for k, v in RESOURCES.items() if v["Type"] == "AWS::Logs::LogGroup"}


def test_every_function_writes_to_a_log_group_with_retention() -> None:
    by_name = {str(p["LogGroupName"]): p for p in log_groups().values()}
    assert FUNCTIONS
    for function in FUNCTIONS:
        # Lambda writes to /aws/lambda/<function name>; !Ref of a function is its name.
        name = str({"Fn::Sub": "/aws/lambda/${" + function + "}"})
        assert name in by_name, f"{function} has no log group, so its logs are kept forever"
        assert by_name[name]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    assert len(log_groups()) == len(FUNCTIONS)


def test_retention_is_a_parameter_cloudwatch_accepts_with_a_short_default() -> None:
    parameter = TEMPLATE["Parameters"]["LogRetentionDays"]
    assert set(parameter["AllowedValues"]) == CLOUDWATCH_RETENTION_DAYS
    assert parameter["Default"] in CLOUDWATCH_RETENTION_DAYS and parameter["Default"] <= 90


def test_no_function_sets_its_own_logging_config() -> None:
    """A LoggingConfig log group would bypass the retention of the groups above."""
    for function in FUNCTIONS:
        assert "LoggingConfig" not in RESOURCES[function]["Properties"], function

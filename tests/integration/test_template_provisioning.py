"""The mock_aws fixture creates exactly what template.yaml declares, wired as deployed."""
from __future__ import annotations

import json
import os

import boto3

from balie_local.template_resources import Deployment, expanded_resources, load_template

RESOURCES = expanded_resources(load_template(), {"Stage": "local"})


def test_every_queue_exists_with_its_redrive_policy(mock_aws: Deployment) -> None:
    sqs = boto3.client("sqs")
    declared = {k for k, r in RESOURCES.items() if r["Type"] == "AWS::SQS::Queue"}
    assert set(mock_aws.queues) == declared
    for logical_id, url in mock_aws.queues.items():
        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        redrive = RESOURCES[logical_id]["Properties"].get("RedrivePolicy")
        if redrive:
            actual = json.loads(attributes["RedrivePolicy"])
            dead = redrive["deadLetterTargetArn"]["Fn::GetAtt"][0]
            assert actual["deadLetterTargetArn"] == mock_aws.queue_arns[dead]
            assert int(actual["maxReceiveCount"]) == redrive["maxReceiveCount"]
        assert (attributes.get("FifoQueue") == "true") == bool(RESOURCES[logical_id]["Properties"].get("FifoQueue"))


def test_the_table_has_its_keys_index_and_ttl(mock_aws: Deployment) -> None:
    dynamodb = boto3.client("dynamodb")
    table = dynamodb.describe_table(TableName=os.environ["TABLE_NAME"])["Table"]
    assert {k["AttributeName"] for k in table["KeySchema"]} == {"pk", "sk"}
    assert [i["IndexName"] for i in table["GlobalSecondaryIndexes"]] == [
        "HandoverIndex", "TicketIndex", "TicketMarkIndex", "ActivityIndex", "OutboxIndex"]
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    ttl = dynamodb.describe_time_to_live(TableName=os.environ["TABLE_NAME"])["TimeToLiveDescription"]
    assert (ttl["TimeToLiveStatus"], ttl["AttributeName"]) == ("ENABLED", "expiresAt")


def test_function_environment_is_resolved_and_points_at_real_resources(mock_aws: Deployment) -> None:
    environment = mock_aws.merged_environment()
    for key, value in environment.items():
        assert "${" not in value and "Fn::" not in value and "{'" not in value, (key, value)
        assert os.environ[key] == value
    sqs = boto3.client("sqs")
    for key, value in environment.items():
        if key.endswith("_QUEUE_URL"):
            sqs.get_queue_attributes(QueueUrl=value, AttributeNames=["QueueArn"])


def test_whatsapp_secrets_are_secure_strings_with_fixed_test_values(mock_aws: Deployment) -> None:
    ssm = boto3.client("ssm")
    parameter = ssm.get_parameter(Name=os.environ["WHATSAPP_APP_SECRET_PARAMETER"], WithDecryption=True)["Parameter"]
    assert (parameter["Type"], parameter["Value"]) == ("SecureString", "test-app-secret")
    assert parameter["Name"] == "/balie/local/whatsapp/app-secret"
    verify = ssm.get_parameter(Name=os.environ["WHATSAPP_VERIFY_TOKEN_PARAMETER"], WithDecryption=True)
    assert verify["Parameter"]["Value"] == "test-verify-token"


def test_every_function_and_event_source_is_known(mock_aws: Deployment) -> None:
    declared = {k for k, r in RESOURCES.items() if r["Type"] == "AWS::Serverless::Function"}
    assert set(mock_aws.functions) == declared
    assert all(route.path.startswith("/v1/") for route in mock_aws.routes if not route.is_default)
    assert [route.function for route in mock_aws.routes if route.is_default] == ["NoRouteFunction"]
    for source in mock_aws.sqs_sources:
        assert source.queue_logical_id in mock_aws.queues

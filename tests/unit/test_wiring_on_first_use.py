"""AWS clients of the handlers are built on first use, once (cold start: an invocation
pays only for the clients it calls)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from handlers.wiring import OnFirstUse

SRC = Path(__file__).resolve().parents[2] / "src"


class FakeClient:
    def send_message(self, **arguments: str) -> dict[str, str]:
        return {"MessageId": "m-1", **arguments}


def test_the_client_is_built_on_first_call_and_only_once() -> None:
    builds: list[FakeClient] = []

    def build() -> FakeClient:
        builds.append(FakeClient())
        return builds[-1]

    client = OnFirstUse(build)
    assert builds == []  # wiring the services built nothing
    assert client.send_message(QueueUrl="q") == {"MessageId": "m-1", "QueueUrl": "q"}
    client.send_message(QueueUrl="q")
    assert len(builds) == 1


def test_a_missing_attribute_is_the_real_clients_error() -> None:
    client = OnFirstUse(FakeClient)
    try:
        client.no_such_operation
    except AttributeError as error:
        assert "no_such_operation" in str(error)
    else:
        raise AssertionError("an unknown attribute must raise AttributeError")


def test_a_chat_container_builds_no_adapter_of_other_functions() -> None:
    """The chat API's services leave the ticket records, the editor's drafts and the admin
    API's checks unimported until a route of theirs uses them (cold start)."""
    probe = (
        "import sys\n"
        "import handlers.chat_api\n"
        "from handlers.wiring import services\n"
        "services()\n"
        "print(sorted(m for m in ('core.tickets', 'core.staff', 'core.editor.drafts', 'core.kb.checks',"
        " 'adapters.dynamodb_tickets', 'adapters.dynamodb_drafts') if m in sys.modules))\n"
    )
    environment = {**os.environ, "TABLE_NAME": "balie", "TICKET_INTAKE_QUEUE_URL": "https://sqs.example/t",
                   "HANDOVER_TIMEOUT_QUEUE_URL": "https://sqs.example/h", "ARTEFACT_BUCKET": "artefacts",
                   "TENANT_BUILD_QUEUE_URL": "https://sqs.example/b", "AWS_DEFAULT_REGION": "eu-west-1",
                   "PYTHONPATH": str(SRC)}
    output = subprocess.run([sys.executable, "-c", probe], env=environment, capture_output=True, text=True,
                            check=True).stdout.splitlines()
    assert output == ["[]"]


def test_handlers_create_their_clients_without_importing_boto3() -> None:
    """Clients come from one botocore session (handlers.wiring.aws_session) and SSM values from
    handlers.secrets: importing boto3 (resources, the S3 transfer manager) would cost about 20 ms
    of every cold start."""
    probe = (
        "import sys\n"
        "import handlers.chat_api, handlers.whatsapp_worker, handlers.whatsapp_webhook, handlers.staff_api\n"
        "import handlers.secrets\n"
        "from handlers.wiring import aws_client, aws_session\n"
        "assert aws_client('dynamodb') is aws_client('dynamodb') and aws_client('ssm').meta.region_name == 'eu-west-1'\n"
        "assert aws_session() is aws_session()\n"
        "print('boto3' in sys.modules)\n"
    )
    environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    environment.update(AWS_DEFAULT_REGION="eu-west-1", PYTHONPATH=str(SRC))
    output = subprocess.run([sys.executable, "-c", probe], env=environment, capture_output=True, text=True,
                            check=True).stdout.splitlines()
    assert output == ["False"]


def test_a_lambda_container_collects_no_garbage_until_its_first_invocation_has_returned() -> None:
    probe = (
        "import gc\n"
        "from handlers.cold_start import after_first_call\n"
        "handler = after_first_call(lambda event, context: gc.isenabled())\n"
        "print(gc.isenabled(), handler({}, None), gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    def run(extra: dict[str, str]) -> str:
        environment = {name: value for name, value in os.environ.items() if name != "AWS_LAMBDA_FUNCTION_NAME"}
        environment.update(PYTHONPATH=str(SRC), **extra)
        return subprocess.run([sys.executable, "-c", probe], env=environment, capture_output=True, text=True,
                              check=True).stdout.strip()

    # the cold start's survivors are frozen once the first invocation is over
    assert run({"AWS_LAMBDA_FUNCTION_NAME": "ChatApiFunction"}) == "False False True True"
    assert run({}) == "True True True False"  # the local stack, the CLI and tests keep the collector as it is


def test_every_function_s_entry_point_settles_the_collector_after_its_first_call() -> None:
    import importlib

    from balie_local.template_resources import load_template

    handlers = sorted({resource["Properties"]["Handler"] for resource in load_template()["Resources"].values()
                       if resource["Type"] == "AWS::Serverless::Function"})
    assert len(handlers) >= 12
    for path in handlers:
        module_name, attribute = path.rsplit(".", 1)
        entry = getattr(importlib.import_module(module_name), attribute)
        assert entry.__code__.co_qualname == "after_first_call.<locals>.entry", path  # the outermost wrapper


def test_a_chat_container_imports_the_matcher_meanwhile_during_its_first_invocation() -> None:
    """The matcher's import (numpy) runs on a thread during the first invocation, while it waits on
    the network; only in a Lambda container, and only during its first invocation."""
    probe = (
        "import json, sys, threading, types\n"
        "import handlers.chat_api\n"
        "context = types.SimpleNamespace(function_name='ChatApiFunction', memory_limit_in_mb=512, aws_request_id='r-1',\n"
        "                                invoked_function_arn='arn:aws:lambda:eu-west-1:1:function:ChatApiFunction')\n"
        "print('core.matcher' in sys.modules)\n"
        "event = json.load(open('events/chat_api_post_not_json.json'))\n"
        "response = handlers.chat_api.handler(event, context)\n"
        "for thread in threading.enumerate():\n"
        "    if thread.name == 'balie-import':\n"
        "        thread.join()\n"
        "print(response['statusCode'], 'core.matcher' in sys.modules, 'numpy' in sys.modules)\n"
        "sys.modules.pop('core.matcher', None)\n"
        "handlers.chat_api.handler(event, context)\n"
        "print(any(thread.name == 'balie-import' for thread in threading.enumerate()), 'core.matcher' in sys.modules)\n"
    )

    def run(extra: dict[str, str]) -> list[str]:
        environment = {name: value for name, value in os.environ.items() if name != "AWS_LAMBDA_FUNCTION_NAME"}
        environment.update(PYTHONPATH=str(SRC), **extra)
        return subprocess.run([sys.executable, "-c", probe], env=environment, capture_output=True, text=True,
                              check=True, cwd=SRC.parent).stdout.splitlines()

    assert run({"AWS_LAMBDA_FUNCTION_NAME": "ChatApiFunction"}) == ["False", "400 True True", "False False"]
    assert run({}) == ["False", "400 False False", "False False"]  # tests, the local stack and the CLI: as before

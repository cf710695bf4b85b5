"""The embedded AWS of the local stack: moto in server mode on loopback, in this process.

Handlers reach it through AWS_ENDPOINT_URL (honoured by boto3 for every service), so the
code path is the deployed one: real HTTP calls, real request signing, real SQS
visibility timeouts and redrive.
"""
from __future__ import annotations

import logging
import urllib.request
from typing import Any

import boto3
from botocore.config import Config

from balie_local.template_resources import DEFAULT_REGION

# Credentials moto accepts; never real ones, so a stray call cannot reach AWS.
DUMMY_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
# Variables that could redirect boto3 to a real account or profile.
SHADOWING_VARIABLES = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN")


def dummy_aws_environment(region: str = DEFAULT_REGION, endpoint_url: str | None = None) -> dict[str, str]:
    environment = {
        **DUMMY_CREDENTIALS,
        "AWS_DEFAULT_REGION": region,
        "AWS_REGION": region,
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    if endpoint_url:
        environment["AWS_ENDPOINT_URL"] = endpoint_url
    return environment


class EmbeddedAws:
    """moto.server.ThreadedMotoServer on 127.0.0.1 and a random free port."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, region: str = DEFAULT_REGION):
        self.host = host
        self.port = port
        self.region = region
        self._server: Any = None
        # One client per service while the server runs: each holds a botocore session with its own
        # service models (several MB each), dropped with the server (a test suite restarts stacks).
        self._clients: dict[str, Any] = {}

    @property
    def endpoint_url(self) -> str:
        if self._server is None:
            raise RuntimeError("embedded AWS is not started")
        host, port = self._server.get_host_and_port()
        return f"http://{host}:{port}"

    def start(self) -> str:
        # Imported here: moto's server pulls in Flask and every backend, which the
        # CLI's other commands do not need.
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        stop_tracking_dynamodb_models()
        self._server = ThreadedMotoServer(ip_address=self.host, port=self.port, verbose=False)
        self._server.start()
        # moto keeps its state in module globals shared by every server and mock_aws in
        # this process; start empty, as a fresh `balie serve` process would.
        reset = urllib.request.Request(self.endpoint_url + "/moto-api/reset", method="POST", data=b"")
        with urllib.request.urlopen(reset, timeout=10):
            pass
        return self.endpoint_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None
        self._clients.clear()

    def client(self, service: str) -> Any:
        if service not in self._clients:
            self._clients[service] = _client(service, self.endpoint_url, self.region)
        return self._clients[service]

    def environment(self) -> dict[str, str]:
        return dummy_aws_environment(self.region, self.endpoint_url)


def stop_tracking_dynamodb_models() -> None:
    """Leave moto's DynamoDB models out of moto's record of every model instance.

    moto's `BaseModel.__new__` appends each instance it creates to a class-wide list (for its
    dashboard) that only `/moto-api/reset` empties. DynamoDB creates a model per item written and
    deep-copies every table a TransactWriteItems touches as its rollback backup, so a running local
    stack kept a whole copy of the conversation table per chat turn: the dialogue suite's stack grew
    to 17 GB and its late turns slowed into timeouts. Other services' models stay recorded (S3's
    reset closes its keys' buffers through that list)."""
    from moto.core.common_models import BaseModel

    tracking_new = BaseModel.__new__
    if getattr(tracking_new, "leaves_out_dynamodb", False):
        return

    def new_model(cls: type, *args: Any, **kwargs: Any) -> Any:
        if cls.__module__.startswith("moto.dynamodb."):
            return object.__new__(cls)
        return tracking_new(cls, *args, **kwargs)

    new_model.leaves_out_dynamodb = True  # type: ignore[attr-defined]
    BaseModel.__new__ = staticmethod(new_model)  # type: ignore[method-assign,assignment]


def _client(service: str, endpoint_url: str, region: str) -> Any:
    return boto3.session.Session(
        aws_access_key_id=DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        region_name=region,
    ).client(service, endpoint_url=endpoint_url, config=Config(retries={"max_attempts": 2}))

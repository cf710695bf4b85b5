"""Integration fixtures: AWS emulated by moto, resources created from template.yaml.

`mock_aws` — moto in-process (moto.mock_aws): every table, queue, bucket and SSM parameter
of template.yaml exists, the functions' environment variables are set (TABLE_NAME, queue
URLs, parameter names), the WhatsApp and Messenger secrets have the fixed values of
`template_resources.fixed_dev_secret` (test-app-secret, test-verify-token, test-access-token),
every test tenant's Page and Instagram account has the Page token `page_token(id)`,
and the tenants of tenants/ are live (published and built, as `balie serve` does).
`engine_kb_tenants` adds the engine test knowledge base's tenants alpha and beta (KB_DIR set).
Replies to the Graph API go to a local stand-in (`graph_api` fixture: .standin.outbox,
.standin.messenger.outbox), never the internet.
Yields the `Deployment` (table names, queue URLs, parameters, routes).

`local_stack` — the whole local stack in-process (moto server, front on a free port,
SQS pollers): end-to-end tests through HTTP (`local_stack.url`, `.auth.header(tenant)`,
`.client(service)`, `.deployment`). The `start_local_stack` fixture makes one with other
options: `with start_local_stack(handler_overrides=..., template=...) as stack:`.
`engine_kb_stack` is a running stack on the engine test knowledge base (tenants alpha, beta);
`engine_kb_stack_with_pollers` the same with its SQS pollers running.
`kb_dir` is that knowledge base compiled once per test module (set it as KB_DIR).
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3
import moto
import pytest

from balie_local.aws import SHADOWING_VARIABLES, dummy_aws_environment
from balie_local.dev_auth import TENANTS_DIR
from balie_local.stack import LOCAL_MAIL_FROM, LocalStack, reset_function_state
from balie_local.tenant_cmd import load_tenants, tenant_files
from balie_local.template_resources import DEFAULT_REGION, Deployment, provision, fixed_dev_secret
from stack_support import ENGINE_KB, FakeOpenKlant

LOCAL_STAGE = "local"


@dataclass(frozen=True)
class GraphApi:
    standin: Any  # balie_local.graph_standin.GraphStandIn: .outbox, .failures
    url: str  # base URL with the API version, as WHATSAPP_GRAPH_API_URL


TENANT_DIRECTORIES = (Path(__file__).resolve().parents[2] / "tenants",
                      Path(__file__).resolve().parents[1] / "unit" / "data" / "kb_engine" / "tenants")


def messenger_accounts() -> dict[str, bool]:
    """Every Facebook Page and Instagram account id the test tenants name -> is it Instagram."""
    import yaml

    accounts: dict[str, bool] = {}
    for directory in TENANT_DIRECTORIES:
        for path in sorted(directory.glob("*.yaml")):
            settings = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("messenger") or {}
            for field, instagram in (("page_id", False), ("instagram_account_id", True)):
                if settings.get(field):
                    accounts[str(settings[field])] = instagram
    return accounts


def page_token(account_id: str) -> str:
    """The fixed Page access token of an account in the mock_aws fixture."""
    return f"test-page-token-{account_id}"


@pytest.fixture(scope="session")
def graph_api() -> Iterator[GraphApi | None]:
    """The Graph API stand-in (WhatsApp, Messenger) on a free loopback port (None until that module exists).
    It knows the fixed Page tokens of every test tenant's Page and Instagram account."""
    try:
        from balie_local import graph_standin
    except ImportError:
        yield None
        return
    standin = graph_standin.GraphStandIn(access_token=fixed_dev_secret("/access-token"))
    standin.messenger.accounts = {page_token(account): graph_standin.MessengerAccount(account, instagram)
                                  for account, instagram in messenger_accounts().items()}
    server = graph_standin.serve(standin)
    try:
        yield GraphApi(standin, f"http://127.0.0.1:{server.server_address[1]}/v21.0")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def mock_aws(monkeypatch: pytest.MonkeyPatch, graph_api: GraphApi | None) -> Iterator[Deployment]:
    for key in (*SHADOWING_VARIABLES, "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(key, raising=False)
    for key, value in dummy_aws_environment(DEFAULT_REGION).items():
        monkeypatch.setenv(key, value)
    overrides = {"Stage": LOCAL_STAGE, "TicketMailFrom": LOCAL_MAIL_FROM}
    if graph_api is not None:
        graph_api.standin.clear()
        overrides["WhatsAppGraphApiUrl"] = graph_api.url
        overrides["MessengerGraphApiUrl"] = graph_api.url
    with moto.mock_aws():
        deployment = provision(
            dynamodb=boto3.client("dynamodb"),
            sqs=boto3.client("sqs"),
            ssm=boto3.client("ssm"),
            ses=boto3.client("ses"),
            s3=boto3.client("s3"),
            region=DEFAULT_REGION,
            overrides=overrides,
            secrets=fixed_dev_secret,
        )
        for key, value in deployment.merged_environment().items():
            monkeypatch.setenv(key, value)
        # What the operator does per gemeente: each Page's access token as a SecureString.
        tokens_path = deployment.merged_environment()["MESSENGER_PAGE_TOKENS_PATH"]
        for account in messenger_accounts():
            boto3.client("ssm").put_parameter(Name=f"{tokens_path}/{account}", Value=page_token(account),
                                              Type="SecureString", Overwrite=True)
        reset_function_state()
        load_tenants(tenant_files(TENANTS_DIR))  # as `balie serve` does: the demo tenants are live
        try:
            yield deployment
        finally:
            reset_function_state()


# Every request of the test stacks comes from 127.0.0.1: the limit of new conversations per
# client address (template NewConversationsPerClient) would stop a test module after 30.
# test_limits.py runs its own stacks with the real limits.
TEST_PARAMETERS = {"NewConversationsPerClient": "0"}


@contextlib.contextmanager
def _running_stack(**options: Any) -> Iterator[LocalStack]:
    options["parameters"] = {**TEST_PARAMETERS, **(options.get("parameters") or {})}
    stack = LocalStack(port=0, **options)
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def start_local_stack() -> Any:
    """`with start_local_stack(**LocalStack options) as stack:` a running stack on a free port."""
    return _running_stack


@pytest.fixture(scope="module")
def local_stack() -> Iterator[LocalStack]:
    with _running_stack() as stack:
        yield stack


MONDAY_MORNING = "2026-11-30T10:00:00+01:00"  # tenant alpha is open (office hours)


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The engine test knowledge base (tests/unit/data/kb_engine: tenants alpha and beta),
    compiled into a fresh directory for the test module."""
    from balie_local import kb_tools

    compiled = tmp_path_factory.mktemp("kb_compiled")
    kb_tools.compile_all(ENGINE_KB / "knowledge", ENGINE_KB / "tenants", compiled)
    return compiled


@pytest.fixture
def engine_kb_tenants(mock_aws: Deployment, kb_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Deployment:
    """mock_aws with the engine test knowledge base (KB_DIR) and its tenants alpha and beta live."""
    monkeypatch.setenv("KB_DIR", str(kb_dir))
    reset_function_state()
    load_tenants(tenant_files(ENGINE_KB / "tenants"))
    return mock_aws


@contextlib.contextmanager
def _engine_kb_running(kb_dir: Path, environment: dict[str, str], **options: Any) -> Iterator[LocalStack]:
    """A running stack on the compiled engine test knowledge base: tenants alpha and
    beta, each with a dev token."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_DIR", str(kb_dir))
        for name, value in environment.items():
            patch.setenv(name, value)
        with _running_stack(tenants_dir=ENGINE_KB / "tenants", **options) as stack:
            yield stack


@pytest.fixture(scope="module")
def engine_kb_stack(kb_dir: Path) -> Iterator[LocalStack]:
    """A running stack on the engine test knowledge base (tests/unit/data/kb_engine:
    tenants alpha and beta), BALIE_NOW on Monday morning
    (tests may move it), dev tokens for alpha and beta, no background pollers."""
    with _engine_kb_running(kb_dir, {"BALIE_NOW": MONDAY_MORNING}, run_pollers=False) as stack:
        yield stack


@pytest.fixture(scope="module")
def engine_kb_publishing_stack(kb_dir: Path) -> Iterator[LocalStack]:
    """The engine test knowledge base's stack with its pollers (the tenant-build function
    runs what is published) and a tenant cache of one second; BALIE_NOW on Monday morning."""
    with _engine_kb_running(kb_dir, {"BALIE_NOW": MONDAY_MORNING}, parameters={"TenantCacheSeconds": "1"}) as stack:
        yield stack


@pytest.fixture(scope="module")
def engine_kb_stack_with_pollers(kb_dir: Path) -> Iterator[LocalStack]:
    """The same stack with its SQS pollers running (WhatsApp worker, handover timeouts)
    and the clock left to each test."""
    with _engine_kb_running(kb_dir, {}) as stack:
        yield stack


# ---------------------------------------------------------------------------- a tenant's Open Klant


@pytest.fixture
def open_klant() -> Iterator[str]:
    FakeOpenKlant.received, FakeOpenKlant.patched, FakeOpenKlant.resources = [], [], {}
    FakeOpenKlant.fail_path = None
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenKlant)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/klantinteracties/api/v1"
    server.shutdown()
    server.server_close()

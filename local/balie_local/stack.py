"""`balie serve`: the whole backend on one machine, without Docker or an AWS account.

Start order: bind the HTTP port (a busy port fails first, before anything else runs),
start moto in server mode on loopback, point boto3 at it through os.environ, create
the template's tables/queues/parameters, then start the SQS pollers, schedules and the
front. Handlers run in this process, imported by their template `Handler` string.
"""
from __future__ import annotations

import errno
import importlib
import importlib.util
import logging
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

from balie_local import dev_routes
from core.clock import now
from core.errors import BalieError, InvalidInput
from handlers import http_errors
from balie_local.aws import SHADOWING_VARIABLES, EmbeddedAws
from balie_local.dev_auth import TENANTS_DIR, DevAuth, tenant_slugs
from balie_local.events import LambdaContext
from balie_local.front import Front, FrontServer, RouteThrottle, make_server
from balie_local.pollers import ScheduleRunner, SqsPoller, rate_seconds
from balie_local.template_resources import (
    DEFAULT_REGION,
    REPO_ROOT,
    TEMPLATE_PATH,
    Deployment,
    load_template,
    provision,
)

log = logging.getLogger("balie_local.stack")

DEFAULT_PORT = 3000
LOCAL_STAGE = "local"
# The sender of the teams' ticket e-mails locally (moto's SES keeps them: GET /dev/mail/outbox).
LOCAL_MAIL_FROM = "balie@gemeente.example"
# Balie's Meta app locally (its echoes and thread control); the stand-in allows it HUMAN_AGENT.
LOCAL_MESSENGER_APP_ID = "900000000000001"
LOCAL_NO_USER_POOL = {"STAFF_TOKEN_ISSUER": "", "STAFF_TOKEN_AUDIENCE": ""}
Handler = Callable[[dict[str, Any], Any], Any]


class PortInUse(OSError):
    pass


def resolve_handler(dotted: str) -> Handler:
    """`handlers.chat_api.handler` -> the function, imported now (as Lambda's init does)."""
    module_name, _, attribute = dotted.rpartition(".")
    return getattr(importlib.import_module(module_name), attribute)


def reset_function_state() -> None:
    """Forgets what loaded handler code cached from the previous environment.

    In AWS every deployment starts fresh processes; here one process outlives a stack
    (tests start many), so cached factories (functools.cache on module-level functions
    of handlers/adapters/channels, the SSM values of handlers.secrets among them) are cleared.
    """
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] not in ("handlers", "adapters", "channels"):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                value.cache_clear()


def handler_available(dotted: str) -> bool:
    module_name = dotted.rpartition(".")[0]
    try:
        return importlib.util.find_spec(module_name) is not None
    except ModuleNotFoundError:
        return False


class LocalStack:
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        region: str = DEFAULT_REGION,
        template_path: Path = TEMPLATE_PATH,
        template: Mapping[str, Any] | None = None,
        web_dir: Path = REPO_ROOT / "web",
        tenants_dir: Path | None = TENANTS_DIR,
        tenants: list[str] | None = None,
        secrets: Mapping[str, str] | Callable[[str], str] | None = None,
        handler_overrides: Mapping[str, str | Handler] | None = None,
        run_pollers: bool = True,
        parameters: Mapping[str, str] | None = None,
    ):
        self.host = host
        self.port = port
        self.region = region
        self.template_path = template_path
        self.template = template
        self.web_dir = web_dir
        self.secrets = secrets
        self.handler_overrides = dict(handler_overrides or {})
        self.run_pollers = run_pollers
        self.parameters = dict(parameters or {})  # template parameters other than their defaults
        # Tenants are data: the files of tenants_dir are published (and built) at start;
        # dev tokens for `tenants`, by default those files' tenants.
        self.tenants_dir = tenants_dir
        self.auth = DevAuth.generate(tenants if tenants is not None or tenants_dir is None else tenant_slugs(tenants_dir))
        self.aws = EmbeddedAws(region=region)
        self.deployment: Deployment | None = None
        self.pollers: list[SqsPoller] = []
        self.schedules: list[ScheduleRunner] = []
        self._server: FrontServer | None = None
        self._server_thread: threading.Thread | None = None
        self._saved_environment: dict[str, str | None] = {}
        self._handlers: dict[str, Handler] = {}
        self.graph: Any = None  # the Graph API stand-in (WhatsApp, Messenger), when that module exists
        self._handlers_lock = threading.Lock()
        # One invocation at a time, as one Lambda container runs one at a time: handlers keep
        # per-container state that assumes it (Powertools' Logger keys and its Metrics, whose
        # metric set is shared by every instance), so two threads of the front inside handlers
        # at once would mix each other's logs and metrics.
        self._invocation_lock = threading.RLock()
        # What a stand-in does after a function ran, by function name (Messenger's Page tokens
        # for a tenant the build function just made live).
        self.after_invoke: dict[str, list[Callable[[], None]]] = {}

    # ------------------------------------------------------------------ lifecycle

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> "LocalStack":
        front = Front(routes=[], invoke=self.invoke, auth=self.auth, cors=None, web_dir=self.web_dir, domain_name="")
        try:
            self._server = make_server(front, self.host, self.port)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise PortInUse(errno.EADDRINUSE, f"port {self.port} on {self.host} is already in use") from None
            raise
        self.port = self._server.server_address[1]
        try:
            self._start_backend(front)
        except BaseException:
            self.stop()
            raise
        self._server_thread = threading.Thread(target=self._server.serve_forever, name="front", daemon=True)
        self._server_thread.start()
        return self

    def _start_backend(self, front: Front) -> None:
        self.aws.start()
        self._apply_environment(self.aws.environment())
        template = self.template if self.template is not None else load_template(self.template_path)
        overrides = {"Stage": LOCAL_STAGE, "TicketMailFrom": LOCAL_MAIL_FROM, "StaffDashboardUrl": f"{self.url}/staff"}
        for parameter in ("WhatsAppGraphApiUrl", "MessengerGraphApiUrl"):
            graph_default = ((template.get("Parameters") or {}).get(parameter) or {}).get("Default")
            if graph_default:
                # Replies go to the local Graph API stand-in, same version path as Meta's.
                overrides[parameter] = self.url + urlsplit(graph_default).path
        if "MessengerAppId" in (template.get("Parameters") or {}):
            # Balie's (fictional) Meta app, and its permission to answer with the HUMAN_AGENT tag.
            overrides["MessengerAppId"] = LOCAL_MESSENGER_APP_ID
            overrides["MessengerHumanAgent"] = "true"
        if "RequestsPerClient" in (template.get("Parameters") or {}):
            # Every request on one machine comes from 127.0.0.1, and a fixed BALIE_NOW never ends a
            # minute's window: polls of a demo's live handover or of a test run would add up to the
            # limit. `--parameter RequestsPerClient=120` turns it on as in AWS.
            overrides["RequestsPerClient"] = "0"
        overrides.update(self.parameters)
        self.deployment = provision(
            dynamodb=self.aws.client("dynamodb"),
            sqs=self.aws.client("sqs"),
            ssm=self.aws.client("ssm"),
            ses=self.aws.client("ses"),
            s3=self.aws.client("s3"),
            region=self.region,
            template=template,
            overrides=overrides,
            secrets=self.secrets,
        )
        # No user pool locally: the front resolves dev tokens to their claims, and every other
        # token is refused (handlers/staff_token.py, with no pool to fetch keys from).
        self._apply_environment({**self.deployment.merged_environment(), **LOCAL_NO_USER_POOL})
        reset_function_state()
        front.routes = list(self.deployment.routes)
        front.cors = self.deployment.cors
        front.throttle = RouteThrottle(self.deployment.throttle) if self.deployment.throttle else None
        dev_routes.register("GET", r"/dev/stack", self._describe_route)
        dev_routes.register("POST", r"/dev/token", self._token_route)
        self.graph = self._wire_graph_standin()
        for source in self.deployment.sqs_sources:
            if not source.enabled:
                continue
            self.pollers.append(SqsPoller(
                sqs=self.aws.client("sqs"),
                source=source,
                queue_url=self.deployment.queues[source.queue_logical_id],
                queue_arn=self.deployment.queue_arns[source.queue_logical_id],
                region=self.region,
                invoke=self.invoke,
            ))
        for source in self.deployment.schedules:
            interval = rate_seconds(source.expression)
            if source.enabled and interval is not None:
                self.schedules.append(ScheduleRunner(source=source, region=self.region, invoke=self.invoke, interval_seconds=interval))
        if self.tenants_dir is not None:
            from balie_local.tenant_cmd import load_tenants, tenant_files

            for version in load_tenants(tenant_files(self.tenants_dir)):
                log.info("tenant %s version %s is live", version.slug, version.version)
            self.drain("TenantBuildFunction")  # the builds the publishing asked for: built already, no-ops
        # After the tenants: a stand-in may set up what each tenant needs (Messenger's Page tokens).
        dev_routes.load_plugins(self)
        if self.run_pollers:
            for runner in [*self.pollers, *self.schedules]:
                runner.start()

    def stop(self) -> None:
        runners = [*self.pollers, *self.schedules]
        for runner in runners:
            runner.stop()
        for runner in runners:
            runner.join()
        if self._server is not None:
            if self._server_thread is not None:
                self._server.shutdown()
            self._server.server_close()
            self._server = None
        self.aws.stop()
        self._restore_environment()
        reset_function_state()

    def _wire_graph_standin(self) -> Any:
        try:
            from balie_local import graph_standin
        except ImportError:
            return None
        assert self.deployment is not None
        token_parameter = self.deployment.secret_parameters.get("WHATSAPP_ACCESS_TOKEN_PARAMETER")
        standin = graph_standin.GraphStandIn(access_token=self.deployment.parameters.get(token_parameter or "", ""))

        def answer(request: dev_routes.DevRequest) -> dev_routes.DevResponse:
            status, content_type, body = standin.handle(request.method, request.path, dict(request.headers), request.body) or (
                404, "application/json", b'{"message": "Not Found"}')
            return dev_routes.DevResponse(status, body, {"content-type": content_type})

        dev_routes.register("POST", graph_standin.MESSAGES_PATH.pattern, answer)
        dev_routes.register("POST", graph_standin.HANDOVER_PATH.pattern, answer)
        dev_routes.register("GET", re.escape(graph_standin.OUTBOX_PATH), answer)
        dev_routes.register("GET", re.escape(graph_standin.MESSENGER_OUTBOX_PATH), answer)
        return standin

    def __enter__(self) -> "LocalStack":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _apply_environment(self, variables: Mapping[str, str]) -> None:
        for key in (*variables, *SHADOWING_VARIABLES):
            self._saved_environment.setdefault(key, os.environ.get(key))
        for key in SHADOWING_VARIABLES:
            os.environ.pop(key, None)
        os.environ.update(variables)

    def _restore_environment(self) -> None:
        for key, value in self._saved_environment.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self._saved_environment.clear()

    # ------------------------------------------------------------------ functions

    def handler(self, function: str) -> Handler:
        with self._handlers_lock:
            if function not in self._handlers:
                override = self.handler_overrides.get(function)
                if callable(override):
                    self._handlers[function] = override
                else:
                    assert self.deployment is not None
                    self._handlers[function] = resolve_handler(override or self.deployment.functions[function].handler)
            return self._handlers[function]

    def invoke(self, function: str, event: dict[str, Any]) -> Any:
        """Calls the function's handler with `event` and a fresh Lambda context."""
        assert self.deployment is not None
        spec = self.deployment.functions[function]
        context = LambdaContext(function, timeout_seconds=spec.timeout, memory_mb=spec.memory_size, region=self.region)
        handler = self.handler(function)
        with self._invocation_lock:
            result = handler(event, context)
        for follow_up in self.after_invoke.get(function, []):
            follow_up()
        return result

    def drain(self, function: str | None = None) -> int:
        """Runs the SQS-triggered functions (or one) until their queues are empty; returns records handled.

        For tests that want the effect of a queued message now, background pollers or not.
        """
        return sum(p.drain() for p in self.pollers if function is None or p.source.function == function)

    def client(self, service: str) -> Any:
        return self.aws.client(service)

    # ------------------------------------------------------------------ reporting

    def channel_secrets(self) -> dict[str, str]:
        """whatsapp_app_secret, messenger_verify_token, ...: the SecureStrings the template names."""
        assert self.deployment is not None
        return {
            variable.removesuffix("_PARAMETER").lower(): self.deployment.parameters[name]
            for variable, name in self.deployment.secret_parameters.items()
        }

    def describe(self) -> dict[str, Any]:
        assert self.deployment is not None
        return {
            "api": self.url,
            "widgetDemo": f"{self.url}/",
            "staffDashboard": f"{self.url}/staff",
            "aws": self.aws.endpoint_url,
            "tables": self.deployment.tables,
            "queues": self.deployment.queues,
            "staffTokens": self.auth.tokens,
            "secrets": self.channel_secrets(),
            "secretParameters": self.deployment.secret_parameters,
            "now": now().isoformat(),  # the stack's clock (BALIE_NOW): CLI commands default to its day
        }

    def _describe_route(self, request: dev_routes.DevRequest) -> dev_routes.DevResponse:
        # Lets local CLI commands (whatsapp send, report) find the secrets and tokens.
        return dev_routes.DevResponse(200, self.describe())

    def _token_route(self, request: dev_routes.DevRequest) -> dev_routes.DevResponse:
        """POST /dev/token {"tenant", "teams": "*" | [team, ...], "roles"?: [...], "name"?} -> {"token", "sub"}."""
        try:
            body = request.json()
            if not isinstance(body, dict):
                raise InvalidInput("The body must be a JSON object.")
            token, subject = self.auth.issue(body.get("tenant"), body.get("teams"), body.get("roles"), body.get("name"))
        except BalieError as error:  # answered as every API route answers it
            response = http_errors.from_domain(error)
            return dev_routes.DevResponse(response.status, response.body.encode("utf-8"),
                                          {**response.headers, "content-type": response.content_type})
        return dev_routes.DevResponse(200, {"token": token, "sub": subject})

    def banner(self) -> str:
        assert self.deployment is not None
        lines = [
            "Balie local stack",
            f"  API              {self.url}/v1/chat",
            f"  Widget demo      {self.url}/",
            f"  Staff dashboard  {self.url}/staff",
            f"  Embedded AWS     {self.aws.endpoint_url} (DynamoDB, SQS, S3, SES, CloudWatch, SSM; region {self.region})",
        ]
        lines += [f"  Table            {name}" for name in self.deployment.tables.values()]
        lines += [f"  Queue            {url.rsplit('/', 1)[-1]}" for url in self.deployment.queues.values()]
        lines.append("Staff dev tokens (Authorization: Bearer <token>):")
        lines += [f"  {'operator (*)' if tenant == '*' else tenant:16} {token}" for tenant, token in self.auth.tokens.items()]
        lines.append(f"  more: POST {self.url}/dev/token {{\"tenant\", \"teams\": \"*\" or [...], \"roles\": [...]}}")
        lines.append("WhatsApp and Messenger secrets (SSM SecureString parameters):")
        for variable, name in sorted(self.deployment.secret_parameters.items()):
            lines.append(f"  {name:40} {self.deployment.parameters[name]}")
        missing = sorted(
            f"{function} ({spec.handler})"
            for function, spec in self.deployment.functions.items()
            if function not in self.handler_overrides and not handler_available(spec.handler)
        )
        if missing:
            lines.append("Not yet implemented (their routes answer 500): " + ", ".join(missing))
        if self.pollers:
            lines.append("SQS pollers: " + ", ".join(f"{p.source.function} <- {p.source.queue_logical_id}" for p in self.pollers))
        lines.append("Ctrl-C stops.")
        return "\n".join(lines)


def _log_to_console() -> None:
    """The stack's own log lines get their own handler: handlers' Powertools loggers
    reconfigure logging as they import, and must not swallow or restyle these."""
    stack_log = logging.getLogger("balie_local")
    if not stack_log.handlers:
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        stack_log.addHandler(console)
    stack_log.setLevel(logging.INFO)
    stack_log.propagate = False


# On one machine every request comes from 127.0.0.1: the per-address limit on new
# conversations (30 in 10 minutes in AWS) would stop the developer, a test script or a
# demo after 30 conversations. `--parameter NewConversationsPerClient=30` turns it on.
SERVE_PARAMETERS = {"NewConversationsPerClient": "0"}


def serve_parameters(items: Sequence[str]) -> dict[str, str]:
    """The template parameters of `balie serve`: its local defaults, then each `NAME=VALUE`."""
    return {**SERVE_PARAMETERS, **dict(item.partition("=")[::2] for item in items)}


def serve(args: Any) -> int:
    """The `balie serve` command."""
    port = args.port if getattr(args, "port", None) is not None else int(os.environ.get("PORT", DEFAULT_PORT))
    stack = LocalStack(port=port, parameters=serve_parameters(getattr(args, "parameter", None) or []))
    try:
        stack.start()
    except PortInUse as error:
        print(f"balie serve: {error.strerror}; set PORT or --port to use another one", file=sys.stderr)
        return 1
    _log_to_console()
    stopped = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopped.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(stack.banner(), flush=True)
        while not stopped.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        print("Stopping...", flush=True)
        stack.stop()
    return 0

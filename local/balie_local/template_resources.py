"""Reads template.yaml and creates its tables, queues and parameters in an AWS endpoint.

The local stack (moto server) and the integration-test fixture (moto's mock_aws) both
provision through this module, so neither can drift from what `sam deploy` creates.
It also resolves every function's Environment variables the way CloudFormation would
(!Ref, !Sub, !GetAtt ...Arn, !Join, !Select, !If, Fn::ForEach) and lists the HTTP
routes, SQS event sources and schedules that the front and the pollers drive.

Secrets: function environment variables whose name ends in `_PARAMETER` hold the NAME
of an SSM SecureString the operator creates before deploying (README "Deploy").
Locally those parameters are created here with generated values.
"""
from __future__ import annotations

import json
import re
import secrets as secrets_module
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = REPO_ROOT / "template.yaml"

ACCOUNT_ID = "123456789012"
DEFAULT_REGION = "eu-west-1"
LOCAL_STACK_NAME = "balie-local"
SECRET_PARAMETER_SUFFIX = "_PARAMETER"


# --------------------------------------------------------------------------- loading


class _TemplateLoader(yaml.SafeLoader):
    """SafeLoader that turns CloudFormation short tags (!Ref, !Sub, ...) into long form."""


def _construct_intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = "Ref" if tag_suffix == "Ref" else f"Fn::{tag_suffix}"
    if tag_suffix == "Condition":
        name = "Condition"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_TemplateLoader.add_multi_constructor("!", _construct_intrinsic)


def fixed_dev_secret(parameter_name: str) -> str:
    """Fixed secret values of the test fixture: /balie/local/whatsapp/app-secret -> test-app-secret.

    Deterministic so that signed sample events in events/ verify in tests.
    """
    return "test-" + parameter_name.rsplit("/", 1)[-1]


def load_template(path: Path | str = TEMPLATE_PATH) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_TemplateLoader)  # noqa: S506 - SafeLoader subclass


# --------------------------------------------------------------------------- Fn::ForEach


def _replace_identifier(value: Any, identifier: str, item: str) -> Any:
    if isinstance(value, str):
        return value.replace("${" + identifier + "}", item).replace("&{" + identifier + "}", _alnum(item))
    if isinstance(value, list):
        return [_replace_identifier(v, identifier, item) for v in value]
    if isinstance(value, dict):
        if value == {"Ref": identifier}:
            return item
        return {
            _replace_identifier(k, identifier, item): _replace_identifier(v, identifier, item)
            for k, v in value.items()
        }
    return value


def _alnum(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", text)


def expand_for_each(section: Mapping[str, Any], parameters: Mapping[str, Any]) -> dict[str, Any]:
    """Expands `Fn::ForEach::<Loop>` keys (AWS::LanguageExtensions) into plain entries."""
    expanded: dict[str, Any] = {}
    for key, value in section.items():
        if not key.startswith("Fn::ForEach::"):
            expanded[key] = value
            continue
        identifier, collection, body = value
        if isinstance(collection, dict) and "Ref" in collection:
            collection = parameters[collection["Ref"]]
        if isinstance(collection, str):
            collection = [item.strip() for item in collection.split(",")]
        for item in collection:
            expanded.update(expand_for_each(_replace_identifier(body, identifier, str(item)), parameters))
    return expanded


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class FunctionSpec:
    logical_id: str
    handler: str  # "handlers.chat_api.handler"
    timeout: int
    memory_size: int
    properties: Mapping[str, Any]


DEFAULT_ROUTE = "$default"  # the path of the route that takes what no other route takes


@dataclass(frozen=True)
class HttpRoute:
    method: str  # upper case or "ANY"
    path: str  # template path: /v1/chat/{conversationId}/messages, or DEFAULT_ROUTE
    function: str
    authorizer: str | None

    @property
    def route_key(self) -> str:
        return self.path if self.is_default else f"{self.method} {self.path}"

    @property
    def is_default(self) -> bool:
        return self.path == DEFAULT_ROUTE

    @cache
    def pattern(self) -> re.Pattern[str]:
        parts = []
        for segment in self.path.strip("/").split("/"):
            greedy = re.fullmatch(r"\{(\w+)\+\}", segment)
            plain = re.fullmatch(r"\{(\w+)\}", segment)
            if greedy:
                parts.append(f"(?P<{greedy.group(1)}>.+)")
            elif plain:
                parts.append(f"(?P<{plain.group(1)}>[^/]+)")
            else:
                parts.append(re.escape(segment))
        return re.compile("/" + "/".join(parts))

    def specificity(self) -> tuple[int, int]:
        """API Gateway prefers literal segments over parameters, and greedy ones last."""
        segments = self.path.strip("/").split("/")
        return (sum(1 for s in segments if not s.startswith("{")), -sum(1 for s in segments if s.endswith("+}")))


@dataclass(frozen=True)
class SqsSource:
    function: str
    queue_logical_id: str
    batch_size: int
    report_batch_item_failures: bool
    enabled: bool = True


@dataclass(frozen=True)
class ScheduleSource:
    function: str
    expression: str  # rate(5 minutes) | cron(...)
    input: str | None
    enabled: bool = True


@dataclass(frozen=True)
class Cors:
    allow_origins: tuple[str, ...] = ()
    allow_methods: tuple[str, ...] = ()
    allow_headers: tuple[str, ...] = ()
    expose_headers: tuple[str, ...] = ()
    allow_credentials: bool = False
    max_age: int | None = None


@dataclass(frozen=True)
class Throttle:
    """The HttpApi stage's `DefaultRouteSettings` throttling: every route may take `rate_limit`
    requests a second on average and `burst_limit` at once (API Gateway's token bucket per route)."""

    rate_limit: float
    burst_limit: int


@dataclass
class Deployment:
    """What provisioning created, named the way handlers see it."""

    region: str
    stack_name: str
    tables: dict[str, str] = field(default_factory=dict)  # logical id -> table name
    mail_identities: list[str] = field(default_factory=list)  # SES identities (verified locally at once)
    buckets: dict[str, str] = field(default_factory=dict)  # logical id -> bucket name
    queues: dict[str, str] = field(default_factory=dict)  # logical id -> queue URL
    queue_arns: dict[str, str] = field(default_factory=dict)  # logical id -> queue ARN
    parameters: dict[str, str] = field(default_factory=dict)  # SSM name -> value (incl. secrets)
    secret_parameters: dict[str, str] = field(default_factory=dict)  # env var -> SSM name
    functions: dict[str, FunctionSpec] = field(default_factory=dict)
    environment: dict[str, dict[str, str]] = field(default_factory=dict)  # function -> env
    routes: list[HttpRoute] = field(default_factory=list)
    sqs_sources: list[SqsSource] = field(default_factory=list)
    schedules: list[ScheduleSource] = field(default_factory=list)
    cors: Cors | None = None
    throttle: Throttle | None = None

    def merged_environment(self) -> dict[str, str]:
        """One process hosts every function locally, so their variables share os.environ.

        Functions of this template only differ in values they agree on (Globals), so a
        conflict is a template mistake worth failing on rather than a silent override.
        """
        merged: dict[str, str] = {}
        for function, variables in self.environment.items():
            for key, value in variables.items():
                if key in merged and merged[key] != value:
                    raise TemplateError(
                        f"environment variable {key} differs between functions ({function}); "
                        "the local stack runs all functions in one process"
                    )
                merged[key] = value
        return merged


class TemplateError(ValueError):
    pass


# --------------------------------------------------------------------------- resolution


_NO_VALUE = object()


class Resolver:
    """Evaluates CloudFormation intrinsics against known physical names and attributes."""

    def __init__(self, template: Mapping[str, Any], *, region: str, stack_name: str, parameter_values: Mapping[str, str]):
        self.template = template
        self.conditions_section = template.get("Conditions", {}) or {}
        self.refs: dict[str, Any] = {
            "AWS::Region": region,
            "AWS::AccountId": ACCOUNT_ID,
            "AWS::StackName": stack_name,
            "AWS::StackId": f"arn:aws:cloudformation:{region}:{ACCOUNT_ID}:stack/{stack_name}/local",
            "AWS::Partition": "aws",
            "AWS::URLSuffix": "amazonaws.com",
            "AWS::NoValue": _NO_VALUE,
        }
        parameters = template.get("Parameters") or {}
        for name, value in parameter_values.items():
            kind = str((parameters.get(name) or {}).get("Type", ""))
            if isinstance(value, str) and (kind == "CommaDelimitedList" or kind.startswith("List<")):
                # CloudFormation hands a list parameter to !Ref as a list (e.g. CORS AllowOrigins).
                value = [item.strip() for item in value.split(",")]
            self.refs[name] = value
        self.attributes: dict[tuple[str, str], Any] = {}
        self._conditions: dict[str, bool] = {}

    def condition(self, name: str) -> bool:
        if name not in self._conditions:
            self._conditions[name] = bool(self.resolve(self.conditions_section[name]))
        return self._conditions[name]

    def resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            return [v for v in (self.resolve(item) for item in value) if v is not _NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            (key, arg), = value.items()
            handler = self._intrinsics.get(key)
            if handler is not None:
                return handler(self, arg)
        resolved = {k: self.resolve(v) for k, v in value.items()}
        return {k: v for k, v in resolved.items() if v is not _NO_VALUE}

    def _ref(self, name: str) -> Any:
        if name not in self.refs:
            raise TemplateError(f"!Ref {name}: not a parameter or a provisioned resource")
        return self.refs[name]

    def _get_att(self, arg: Any) -> Any:
        logical_id, attribute = arg if isinstance(arg, list) else arg.split(".", 1)
        key = (logical_id, self.resolve(attribute))
        if key not in self.attributes:
            raise TemplateError(f"!GetAtt {logical_id}.{attribute}: not known locally")
        return self.attributes[key]

    def _sub(self, arg: Any) -> str:
        text, variables = (arg, {}) if isinstance(arg, str) else (arg[0], arg[1])
        variables = {k: self.resolve(v) for k, v in variables.items()}

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name.startswith("!"):
                return "${" + name[1:] + "}"
            if name in variables:
                return str(variables[name])
            if "." in name and name not in self.refs:
                return str(self._get_att(name.split(".", 1)))
            return str(self._ref(name))

        return re.sub(r"\$\{([^}]+)\}", replace, text)

    def _join(self, arg: list[Any]) -> str:
        delimiter, items = arg
        return str(delimiter).join(str(item) for item in self.resolve(items))

    def _select(self, arg: list[Any]) -> Any:
        index, items = arg
        return self.resolve(items)[int(self.resolve(index))]

    def _split(self, arg: list[Any]) -> list[str]:
        delimiter, text = arg
        return str(self.resolve(text)).split(delimiter)

    def _if(self, arg: list[Any]) -> Any:
        name, when_true, when_false = arg
        return self.resolve(when_true if self.condition(name) else when_false)

    def _equals(self, arg: list[Any]) -> bool:
        left, right = (self.resolve(v) for v in arg)
        return str(left) == str(right)

    def _find_in_map(self, arg: list[Any]) -> Any:
        name, top, second = (self.resolve(v) for v in arg)
        return self.template["Mappings"][name][top][second]

    _intrinsics: dict[str, Callable[[Resolver, Any], Any]] = {
        "Ref": _ref,
        "Fn::GetAtt": _get_att,
        "Fn::Sub": _sub,
        "Fn::Join": _join,
        "Fn::Select": _select,
        "Fn::Split": _split,
        "Fn::If": _if,
        "Fn::Equals": _equals,
        "Fn::Not": lambda self, arg: not self.resolve(arg[0]),
        "Fn::And": lambda self, arg: all(self.resolve(v) for v in arg),
        "Fn::Or": lambda self, arg: any(self.resolve(v) for v in arg),
        "Condition": lambda self, name: self.condition(name),
        "Fn::FindInMap": _find_in_map,
        "Fn::GetAZs": lambda self, arg: [f"{self.refs['AWS::Region']}{z}" for z in "abc"],
    }


# --------------------------------------------------------------------------- provisioning


def parameter_values(template: Mapping[str, Any], overrides: Mapping[str, str]) -> dict[str, str]:
    values = {}
    for name, spec in (template.get("Parameters") or {}).items():
        if name in overrides:
            values[name] = overrides[name]
        elif "Default" in spec:
            values[name] = spec["Default"]
        else:
            raise TemplateError(f"template parameter {name} has no default: pass it in overrides")
    return values


def expanded_resources(template: Mapping[str, Any], overrides: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The template's resources with Fn::ForEach loops expanded (parameters at their defaults)."""
    return expand_for_each(template.get("Resources") or {}, parameter_values(template, overrides or {}))


def _with_globals(template: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, Any]:
    """SAM merges Globals.Function into each function: maps merge, scalars are overridden."""
    merged: dict[str, Any] = dict((template.get("Globals") or {}).get("Function") or {})
    for key, value in properties.items():
        if key == "Environment" and "Environment" in merged:
            merged[key] = {
                "Variables": {
                    **(merged["Environment"].get("Variables") or {}),
                    **((value or {}).get("Variables") or {}),
                }
            }
        else:
            merged[key] = value
    return merged


def provision(
    *,
    dynamodb: Any,
    sqs: Any,
    ssm: Any,
    ses: Any = None,
    s3: Any = None,
    region: str = DEFAULT_REGION,
    stack_name: str = LOCAL_STACK_NAME,
    template: Mapping[str, Any] | None = None,
    overrides: Mapping[str, str] | None = None,
    secrets: Mapping[str, str] | Callable[[str], str] | None = None,
) -> Deployment:
    """Creates every table, queue and parameter of the template with the given boto3 clients,
    its buckets when an `s3` client is given, and verifies its SES identities when an
    `ses` client is given (moto verifies at once).

    `secrets` maps an SSM parameter name to a value (a mapping or a function); secret
    parameters it does not cover get a random value. Returns the Deployment with every function's resolved environment.
    """
    template = template if template is not None else load_template()
    values = parameter_values(template, overrides or {"Stage": "local"})
    resources = expand_for_each(template.get("Resources") or {}, values)
    resolver = Resolver(template, region=region, stack_name=stack_name, parameter_values=values)
    deployment = Deployment(region=region, stack_name=stack_name)

    def active(resource: Mapping[str, Any]) -> bool:
        condition = resource.get("Condition")
        return condition is None or resolver.condition(condition)

    live = {logical_id: r for logical_id, r in resources.items() if active(r)}

    # Names first, so Refs between resources resolve whatever the order.
    for logical_id, resource in live.items():
        kind = resource["Type"]
        properties = resource.get("Properties") or {}
        if kind == "AWS::SQS::Queue":
            name = resolver.resolve(properties.get("QueueName")) or f"{stack_name}-{logical_id}"
            if properties.get("FifoQueue") and not name.endswith(".fifo"):
                name += ".fifo"
            resolver.attributes[(logical_id, "QueueName")] = name
            resolver.attributes[(logical_id, "Arn")] = f"arn:aws:sqs:{region}:{ACCOUNT_ID}:{name}"
        elif kind == "AWS::DynamoDB::Table":
            name = resolver.resolve(properties.get("TableName")) or f"{stack_name}-{logical_id}"
            resolver.refs[logical_id] = name
            resolver.attributes[(logical_id, "Arn")] = f"arn:aws:dynamodb:{region}:{ACCOUNT_ID}:table/{name}"
            resolver.attributes[(logical_id, "StreamArn")] = f"arn:aws:dynamodb:{region}:{ACCOUNT_ID}:table/{name}/stream/local"
        elif kind == "AWS::SSM::Parameter":
            resolver.refs[logical_id] = resolver.resolve(properties.get("Name")) or f"/{stack_name}/{logical_id}"
        elif kind == "AWS::S3::Bucket":
            name = resolver.resolve(properties.get("BucketName")) or f"{stack_name}-{logical_id}".lower()
            resolver.refs[logical_id] = name
            resolver.attributes[(logical_id, "Arn")] = f"arn:aws:s3:::{name}"
        else:
            # Resources with no local counterpart (API, user pool, alarms, roles): a stable
            # placeholder keeps !Ref / !GetAtt on them resolvable.
            resolver.refs.setdefault(logical_id, f"{stack_name}-{logical_id}")

    # Queues: create all plainly, then attach redrive policies once every ARN exists.
    for logical_id, resource in live.items():
        if resource["Type"] != "AWS::SQS::Queue":
            continue
        properties = resolver.resolve(resource.get("Properties") or {})
        attributes = {
            key: str(properties[key]).lower() if isinstance(properties[key], bool) else str(properties[key])
            for key in ("FifoQueue", "ContentBasedDeduplication", "VisibilityTimeout", "DelaySeconds",
                        "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize")
            if key in properties
        }
        name = resolver.attributes[(logical_id, "QueueName")]
        url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        resolver.refs[logical_id] = url
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        resolver.attributes[(logical_id, "Arn")] = arn
        deployment.queues[logical_id] = url
        deployment.queue_arns[logical_id] = arn
    for logical_id, resource in live.items():
        if resource["Type"] != "AWS::SQS::Queue":
            continue
        redrive = (resource.get("Properties") or {}).get("RedrivePolicy")
        if redrive:
            sqs.set_queue_attributes(
                QueueUrl=deployment.queues[logical_id],
                Attributes={"RedrivePolicy": json.dumps(resolver.resolve(redrive))},
            )

    for logical_id, resource in live.items():
        if resource["Type"] == "AWS::DynamoDB::Table":
            _create_table(dynamodb, resolver.refs[logical_id], resolver.resolve(resource.get("Properties") or {}))
            deployment.tables[logical_id] = resolver.refs[logical_id]
        elif resource["Type"] == "AWS::SSM::Parameter":
            properties = resolver.resolve(resource.get("Properties") or {})
            name = resolver.refs[logical_id]
            ssm.put_parameter(Name=name, Value=str(properties["Value"]), Type=properties.get("Type", "String"), Overwrite=True)
            deployment.parameters[name] = str(properties["Value"])
        elif resource["Type"] == "AWS::S3::Bucket" and s3 is not None:
            name = resolver.refs[logical_id]
            s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
            deployment.buckets[logical_id] = name
        elif resource["Type"] == "AWS::SES::EmailIdentity" and ses is not None:
            identity = str(resolver.resolve((resource.get("Properties") or {})["EmailIdentity"]))
            if "@" in identity:
                ses.verify_email_identity(EmailAddress=identity)
            else:
                ses.verify_domain_identity(Domain=identity)
            deployment.mail_identities.append(identity)

    for logical_id, resource in live.items():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        properties = _with_globals(template, resource.get("Properties") or {})
        environment = {
            key: str(value).lower() if isinstance(value, bool) else str(value)
            for key, value in (resolver.resolve(properties.get("Environment") or {}).get("Variables") or {}).items()
        }
        deployment.environment[logical_id] = environment
        deployment.functions[logical_id] = FunctionSpec(
            logical_id=logical_id,
            handler=str(resolver.resolve(properties["Handler"])),
            timeout=int(resolver.resolve(properties.get("Timeout", 3))),
            memory_size=int(resolver.resolve(properties.get("MemorySize", 128))),
            properties=properties,
        )
        for key, value in environment.items():
            if key.endswith(SECRET_PARAMETER_SUFFIX):
                deployment.secret_parameters[key] = value
        _collect_events(deployment, resolver, logical_id, resource.get("Properties") or {}, live)

    for name in sorted(set(deployment.secret_parameters.values())):
        value = (secrets(name) if callable(secrets) else (secrets or {}).get(name)) or secrets_module.token_urlsafe(24)
        ssm.put_parameter(Name=name, Value=value, Type="SecureString", Overwrite=True)
        deployment.parameters[name] = value

    deployment.cors = _cors(live, resolver)
    deployment.throttle = _throttle(live, resolver)
    return deployment


def _create_table(dynamodb: Any, name: str, properties: Mapping[str, Any]) -> None:
    request: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": properties["AttributeDefinitions"],
        "KeySchema": properties["KeySchema"],
        "BillingMode": properties.get("BillingMode", "PROVISIONED"),
    }
    if request["BillingMode"] == "PROVISIONED":
        request["ProvisionedThroughput"] = properties["ProvisionedThroughput"]
    for key in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification"):
        if key in properties:
            request[key] = properties[key]
    if "StreamSpecification" in request:
        request["StreamSpecification"] = {"StreamEnabled": True, **request["StreamSpecification"]}
    dynamodb.create_table(**request)
    ttl = properties.get("TimeToLiveSpecification")
    if ttl and ttl.get("Enabled"):
        dynamodb.update_time_to_live(
            TableName=name,
            TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
        )


def _collect_events(
    deployment: Deployment, resolver: Resolver, function: str, properties: Mapping[str, Any], resources: Mapping[str, Any]
) -> None:
    for event in (properties.get("Events") or {}).values():
        kind = event.get("Type")
        spec = event.get("Properties") or {}
        if kind == "HttpApi":
            auth = spec.get("Auth") or {}
            authorizer = auth.get("Authorizer")
            if authorizer is None:
                api_id = (spec.get("ApiId") or {}).get("Ref")
                api_auth = ((resources.get(api_id) or {}).get("Properties") or {}).get("Auth") or {}
                authorizer = api_auth.get("DefaultAuthorizer")
            default = "Path" not in spec and "Method" not in spec  # SAM's $default route
            deployment.routes.append(
                HttpRoute(
                    method="ANY" if default else str(resolver.resolve(spec.get("Method", "ANY"))).upper(),
                    path=DEFAULT_ROUTE if default else str(resolver.resolve(spec.get("Path", "/{proxy+}"))),
                    function=function,
                    authorizer=None if authorizer in (None, "NONE") else authorizer,
                )
            )
        elif kind == "SQS":
            queue = spec["Queue"]
            logical = queue["Fn::GetAtt"][0] if isinstance(queue, dict) and "Fn::GetAtt" in queue else None
            if logical is None:
                arn = resolver.resolve(queue)
                logical = next(k for k, v in deployment.queue_arns.items() if v == arn)
            deployment.sqs_sources.append(
                SqsSource(
                    function=function,
                    queue_logical_id=logical,
                    batch_size=int(resolver.resolve(spec.get("BatchSize", 10))),
                    report_batch_item_failures="ReportBatchItemFailures" in (spec.get("FunctionResponseTypes") or []),
                    enabled=bool(resolver.resolve(spec.get("Enabled", True))),
                )
            )
        elif kind in ("Schedule", "ScheduleV2"):
            deployment.schedules.append(
                ScheduleSource(
                    function=function,
                    expression=str(resolver.resolve(spec["Schedule"] if kind == "Schedule" else spec["ScheduleExpression"])),
                    input=resolver.resolve(spec.get("Input")),
                    enabled=bool(resolver.resolve(spec.get("Enabled", spec.get("State", "ENABLED") == "ENABLED"))),
                )
            )


def _throttle(resources: Mapping[str, Any], resolver: Resolver) -> Throttle | None:
    for resource in resources.values():
        if resource["Type"] != "AWS::Serverless::HttpApi":
            continue
        settings = resolver.resolve((resource.get("Properties") or {}).get("DefaultRouteSettings")) or {}
        if "ThrottlingRateLimit" in settings and "ThrottlingBurstLimit" in settings:
            return Throttle(rate_limit=float(settings["ThrottlingRateLimit"]),
                            burst_limit=int(settings["ThrottlingBurstLimit"]))
    return None


def _cors(resources: Mapping[str, Any], resolver: Resolver) -> Cors | None:
    for resource in resources.values():
        if resource["Type"] != "AWS::Serverless::HttpApi":
            continue
        config = resolver.resolve((resource.get("Properties") or {}).get("CorsConfiguration"))
        if not config:
            return None
        if config is True:
            return Cors(allow_origins=("*",), allow_methods=("*",), allow_headers=("*",))
        return Cors(
            allow_origins=tuple(config.get("AllowOrigins") or ()),
            allow_methods=tuple(m.upper() for m in config.get("AllowMethods") or ()),
            allow_headers=tuple(h.lower() for h in config.get("AllowHeaders") or ()),
            expose_headers=tuple(config.get("ExposeHeaders") or ()),
            allow_credentials=bool(config.get("AllowCredentials", False)),
            max_age=int(config["MaxAge"]) if "MaxAge" in config else None,
        )
    return None

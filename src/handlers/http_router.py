"""The router of every HTTP function: API Gateway HTTP API events (payload format 2.0) to route
functions and their responses back to API Gateway's response format.

Routes are explicit, as in template.yaml: `@app.get("/v1/chat/<conversation_id>/messages")`
registers `def route(request: Request, conversation_id: str) -> Response`. A `<name>` is one path
segment, of the characters Powertools' resolver (which this replaces) accepted there, so the same
paths match. Exact paths are tried before paths with parameters. A path no route has is a 404, a
path that exists for other methods a 405 with `Allow` (`NoRoute`). Whatever a route raises, and
`NoRoute`, becomes a response through the error mapping the router is given: every handler gives
the one in handlers/http_errors.py. Bodies are parsed by the one body parser (handlers/http_body.py)
from the typed `Request`. CORS stays with each handler (its preflight routes and the headers its
entry point adds): API Gateway cannot know the tenants' widget origins.

Why not Powertools' `APIGatewayHttpResolver`: importing `aws_lambda_powertools.event_handler`
imports every resolver it has (AppSync's with asyncio, Bedrock's, ...) and every event class,
about 30 ms of CPU on every cold start of an HTTP function for the few lines used here
(BENCHMARKS.md, "Cold start"). Powertools' Logger and Metrics stay.
"""
from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

# One path segment: RFC 3986's unreserved characters and sub-delimiters, ':' and '@', word
# characters, and what API Gateway decodes before the event is made (as Powertools' resolver).
_SEGMENT = r"[-._~()'!*:@,;=+&$%<> \[\]{}|^\w]+"
_PARAMETER = re.compile(r"<(\w+)>")


class Request:
    """What a route needs of an HTTP API request. Header names are lower case (HTTP's names are
    case-insensitive); `query` holds API Gateway's values (repeated parameters joined by commas);
    `claims` are the JWT authorizer's (None without an authorizer, as on preflights); `path_params`
    are filled in by the route that matched. (Plain classes here, not dataclasses: making a
    dataclass costs about half a millisecond of every cold start.)"""

    def __init__(self, *, method: str, path: str, path_params: dict[str, str] | None = None,
                 query: dict[str, str] | None = None, headers: dict[str, str] | None = None,
                 body: str | None = None, base64_encoded: bool = False, source_ip: str | None = None,
                 domain_name: str | None = None, claims: dict[str, Any] | None = None) -> None:
        self.method = method
        self.path = path
        self.path_params = path_params or {}
        self.query = query or {}
        self.headers = headers or {}
        self.body = body
        self.base64_encoded = base64_encoded
        self.source_ip = source_ip
        self.domain_name = domain_name
        self.claims = claims

    @classmethod
    def from_event(cls, event: Mapping[str, Any]) -> Request:
        context = event.get("requestContext") or {}
        http = context.get("http") or {}
        path = event.get("rawPath") or "/"
        stage = context.get("stage") or "$default"
        if stage != "$default":  # a named stage's requests carry it in the path
            path = path.removeprefix("/" + stage) or "/"
        return cls(
            method=str(http.get("method") or "").upper(),
            path=path,
            query=dict(event.get("queryStringParameters") or {}),
            headers={name.lower(): value for name, value in (event.get("headers") or {}).items()},
            body=event.get("body"),
            base64_encoded=bool(event.get("isBase64Encoded")),
            source_ip=http.get("sourceIp") or None,
            domain_name=context.get("domainName"),
            claims=((context.get("authorizer") or {}).get("jwt") or {}).get("claims"),
        )

    def with_path_params(self, path_params: dict[str, str]) -> Request:
        return Request(**{**vars(self), "path_params": path_params})


class Response:
    """A route's answer. A bytes body goes to API Gateway base64-encoded."""

    def __init__(self, status: int, body: str | bytes | None = None, content_type: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = headers if headers is not None else {}

    def to_api_gateway(self) -> dict[str, Any]:
        headers = dict(self.headers)
        if self.content_type:
            headers.setdefault("Content-Type", self.content_type)
        body, encoded = self.body, isinstance(self.body, bytes)
        if isinstance(body, bytes):
            body = base64.b64encode(body).decode("ascii")
        return {"statusCode": self.status, "body": body, "isBase64Encoded": encoded, "headers": headers,
                "cookies": []}


RouteFunction = Callable[..., Response]
ErrorMapping = Callable[[Exception], Response]


class NoRoute(Exception):
    """No route for the request: `allowed` names the methods the path has (none: no such path)."""

    def __init__(self, path: str, allowed: list[str]) -> None:
        super().__init__(path)
        self.allowed = allowed


class _Route(NamedTuple):
    method: str
    pattern: re.Pattern[str] | None  # None: an exact path
    path: str
    function: RouteFunction


class Router:
    """The routes of one Lambda function; `resolve(event)` is its API Gateway answer.

    `authenticate`, when given, runs on every matched route but preflights (OPTIONS) before the
    route does anything: it returns the request with the caller's claims or raises (the staff,
    editor and admin functions: handlers/staff_token.py)."""

    def __init__(self, errors: ErrorMapping, authenticate: Callable[[Request], Request] | None = None) -> None:
        self._errors = errors
        self._authenticate = authenticate
        self._exact: list[_Route] = []
        self._parameterised: list[_Route] = []

    def route(self, method: str, path: str) -> Callable[[RouteFunction], RouteFunction]:
        def register(function: RouteFunction) -> RouteFunction:
            if _PARAMETER.search(path):
                pattern = re.compile(_PARAMETER.sub(lambda name: f"(?P<{name[1]}>{_SEGMENT})", path))
                self._parameterised.append(_Route(method.upper(), pattern, path, function))
            else:
                self._exact.append(_Route(method.upper(), None, path, function))
            return function

        return register

    def get(self, path: str) -> Callable[[RouteFunction], RouteFunction]:
        return self.route("GET", path)

    def post(self, path: str) -> Callable[[RouteFunction], RouteFunction]:
        return self.route("POST", path)

    def put(self, path: str) -> Callable[[RouteFunction], RouteFunction]:
        return self.route("PUT", path)

    def delete(self, path: str) -> Callable[[RouteFunction], RouteFunction]:
        return self.route("DELETE", path)

    def options(self, path: str) -> Callable[[RouteFunction], RouteFunction]:
        return self.route("OPTIONS", path)

    def resolve(self, event: Mapping[str, Any]) -> dict[str, Any]:
        return self.respond(Request.from_event(event)).to_api_gateway()

    def respond(self, request: Request) -> Response:
        allowed: list[str] = []
        for route in (*self._exact, *self._parameterised):
            if route.pattern is None:
                params: dict[str, str] | None = {} if route.path == request.path else None
            else:
                found = route.pattern.fullmatch(request.path)
                params = found.groupdict() if found else None
            if params is None:
                continue
            if route.method != request.method:
                allowed.append(route.method)
                continue
            try:
                if self._authenticate is not None and route.method != "OPTIONS":
                    request = self._authenticate(request)
                return route.function(request.with_path_params(params), **params)
            except Exception as error:  # noqa: BLE001 (every failure is an HTTP answer: the one mapping)
                return self._errors(error)
        return self._errors(NoRoute(request.path, sorted(set(allowed))))

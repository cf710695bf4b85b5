"""The HTTP front of the local stack: API Gateway HTTP API behaviour on 127.0.0.1.

Order of matching, per request:
1. CORS preflight (OPTIONS + Origin + Access-Control-Request-Method), answered from
   the template's CorsConfiguration like API Gateway does;
2. local-only dev routes (balie_local.dev_routes);
3. the HttpApi routes of template.yaml: a payload-format-2.0 event goes to the function's handler
   and its response comes back. A dev token in `Authorization` goes with its claims, as an
   authorizer's (`requestContext.authorizer.jwt.claims`): the local stand-in for Cognito's tokens,
   which the staff functions check themselves in AWS (handlers/staff_token.py); any other token
   reaches the function without claims, and the function answers 401 in the contract's shape.
   A route with an authorizer in the template would need a dev token here (401 otherwise), as
   API Gateway would; template.yaml has none;
4. static files from web/ (GET / is the demo page), each with `X-Content-Type-Options: nosniff`;
   the demo site's pages carry the strict Content-Security-Policy of a municipal site (site_csp),
   the staff pages none, but `X-Frame-Options: DENY`: no other site frames them;
5. the template's `$default` route (handlers/no_route.py: 404, or 405 with `Allow`, in the
   contract's error shape), after the static files, which API Gateway does not serve;
   without one, 404 {"message": "Not Found"}, as API Gateway answers.
A route past the stage's throttling (the HttpApi's `DefaultRouteSettings`: a token bucket per
route) is answered 429 {"message": "Too Many Requests"} without calling the function, as API
Gateway answers (its own body: an HTTP API cannot put it in the contract's shape).
"""
from __future__ import annotations

import base64
import json
import logging
import mimetypes
import re
import threading
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from balie_local import dev_routes
from balie_local.dev_auth import DevAuth
from balie_local.events import http_api_event
from balie_local.template_resources import Cors, HttpRoute, Throttle

log = logging.getLogger("balie_local.front")

Invoke = Callable[[str, dict[str, Any]], Any]

MAX_BODY_BYTES = 10 * 1024 * 1024  # HTTP API's payload limit
# Every static file: no browser guesses another type than the one served (a script as HTML).
STATIC_SECURITY_HEADERS = (("x-content-type-options", "nosniff"),)
# The staff dashboard and editor act with a member of staff's token: no other site may frame them
# (clickjacking a claim, a reply or a publish). X-Frame-Options, not a CSP: the dashboard has no CSP.
STAFF_PAGE_HEADERS = (("x-frame-options", "DENY"),)
_CONVERSATION_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,62}\.[0-9a-f]{32,64}")


def match_route(routes: Sequence[HttpRoute], method: str, path: str) -> tuple[HttpRoute, dict[str, str]] | None:
    """The route API Gateway would pick: exact method before ANY, literal before {param}."""
    candidates = []
    for route in routes:
        if route.is_default or route.method not in (method, "ANY"):
            continue
        match = route.pattern().fullmatch(path)
        if match:
            params = {k: unquote(v) for k, v in match.groupdict().items()}
            candidates.append(((route.method == method,) + route.specificity(), route, params))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0], reverse=True)
    return candidates[0][1], candidates[0][2]


def cors_origin_allowed(cors: Cors, origin: str) -> str | None:
    """The Access-Control-Allow-Origin value for `origin`, or None when it is not allowed."""
    if "*" in cors.allow_origins:
        return origin if cors.allow_credentials else "*"
    return origin if origin in cors.allow_origins else None


def preflight_headers(cors: Cors, origin: str, method: str, requested_headers: str) -> dict[str, str]:
    allowed_origin = cors_origin_allowed(cors, origin)
    if allowed_origin is None:
        return {}
    if cors.allow_methods and "*" not in cors.allow_methods and method.upper() not in cors.allow_methods:
        return {}
    headers = {"access-control-allow-origin": allowed_origin}
    headers["access-control-allow-methods"] = ",".join(cors.allow_methods) if "*" not in cors.allow_methods else method.upper()
    if cors.allow_headers:
        headers["access-control-allow-headers"] = (
            requested_headers if "*" in cors.allow_headers else ",".join(cors.allow_headers)
        )
    if cors.max_age is not None:
        headers["access-control-max-age"] = str(cors.max_age)
    if cors.allow_credentials:
        headers["access-control-allow-credentials"] = "true"
    return headers


def response_cors_headers(cors: Cors, origin: str) -> dict[str, str]:
    allowed_origin = cors_origin_allowed(cors, origin)
    if allowed_origin is None:
        return {}
    headers = {"access-control-allow-origin": allowed_origin}
    if cors.expose_headers:
        headers["access-control-expose-headers"] = ",".join(cors.expose_headers)
    if cors.allow_credentials:
        headers["access-control-allow-credentials"] = "true"
    return headers


def site_csp(api_origin: str) -> str:
    """The Content-Security-Policy of a strict municipal site (DigiD-grade: no 'unsafe-inline',
    no 'unsafe-eval') that hosts widget.js itself and embeds it with `data-api` = `api_origin`.
    It is exactly what the README's embedding section asks a gemeente to allow; the demo pages
    are served with it, so every browser test runs the widget under it."""
    return f"default-src 'self'; script-src 'self' {api_origin}; style-src 'self'; connect-src {api_origin}"


def is_site_page(relative: Path) -> bool:
    """An HTML page of the demo municipal site (web/*.html), not the staff dashboard."""
    return relative.suffix == ".html" and relative.parts[:1] != ("staff",)


def lambda_result_to_http(result: Any) -> tuple[int, list[tuple[str, str]], bytes]:
    """Maps a handler's return value to an HTTP response like payload format 2.0 does.

    A dict with statusCode is a full response; anything else is JSON body with 200.
    """
    if not (isinstance(result, Mapping) and "statusCode" in result):
        return 200, [("content-type", "application/json")], json.dumps(result).encode("utf-8")
    status = int(result["statusCode"])
    headers: list[tuple[str, str]] = [(k.lower(), str(v)) for k, v in (result.get("headers") or {}).items()]
    for name, values in (result.get("multiValueHeaders") or {}).items():
        headers.extend((name.lower(), str(v)) for v in values)
    headers.extend(("set-cookie", cookie) for cookie in result.get("cookies") or [])
    body = result.get("body")
    if body is None:
        payload = b""
    elif result.get("isBase64Encoded"):
        payload = base64.b64decode(body)
    else:
        payload = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
    if not any(name == "content-type" for name, _ in headers) and payload:
        headers.append(("content-type", "application/json"))
    return status, headers, payload


class RouteThrottle:
    """API Gateway's stage throttling: a token bucket per route key, `burst_limit` tokens,
    refilled at `rate_limit` a second."""

    def __init__(self, throttle: Throttle, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.throttle = throttle
        self.monotonic = monotonic
        self._buckets: dict[str, tuple[float, float]] = {}  # route key -> (tokens, when counted)
        self._lock = threading.Lock()

    def take(self, route_key: str) -> bool:
        """One request of the route: False when its bucket is empty (429)."""
        with self._lock:
            now = self.monotonic()
            tokens, then = self._buckets.get(route_key, (float(self.throttle.burst_limit), now))
            tokens = min(float(self.throttle.burst_limit), tokens + (now - then) * self.throttle.rate_limit)
            allowed = tokens >= 1
            self._buckets[route_key] = (tokens - 1 if allowed else tokens, now)
            return allowed


class Front:
    """Everything the request handler needs; one per running stack."""

    def __init__(
        self,
        *,
        routes: Sequence[HttpRoute],
        invoke: Invoke,
        auth: DevAuth,
        cors: Cors | None,
        web_dir: Path,
        domain_name: str,
    ):
        self.routes = list(routes)
        self.invoke = invoke
        self.auth = auth
        self.cors = cors
        self.web_dir = web_dir.resolve()
        self.domain_name = domain_name
        self.throttle: RouteThrottle | None = None  # the template's stage throttling, set by the stack

    def static_file(self, path: str) -> Path | None:
        relative = unquote(path).lstrip("/")
        candidate = (self.web_dir / relative).resolve()
        if candidate != self.web_dir and self.web_dir not in candidate.parents:
            return None  # ../ outside web/
        options = [candidate / "index.html"] if candidate.is_dir() else [candidate]
        if not candidate.suffix:
            options.append(candidate.with_suffix(".html"))
        return next((p for p in options if p.is_file()), None)


class _RequestHandler(BaseHTTPRequestHandler):
    server_version = "balie-local"
    protocol_version = "HTTP/1.1"
    front: Front  # set on the subclass made by make_server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - BaseHTTPRequestHandler API
        # Paths carry conversation ids (bearer secrets): logged as <id>, like the functions' logs.
        log.info("%s %s", self.address_string(), _CONVERSATION_ID.sub("<id>", format % args))

    def _send(self, status: int, headers: Sequence[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers:
            if name not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status: int, payload: Any, headers: Sequence[tuple[str, str]] = ()) -> None:
        self._send(status, [("content-type", "application/json"), *headers], json.dumps(payload).encode("utf-8"))

    def _handle(self) -> None:
        front = self.front
        url = urlsplit(self.path)
        path = url.path or "/"
        method = self.command.upper()
        try:
            length = int(self.headers.get("content-length") or 0)
        except ValueError:
            length = -1
        if length < 0:  # a negative length would make the read wait for the client to hang up
            self._send_json(400, {"message": "Bad Request"})
            return
        if length > MAX_BODY_BYTES:
            self._send_json(413, {"message": "Request Entity Too Large"})
            return
        body = self.rfile.read(length) if length else b""
        header_pairs = [(name.lower(), value) for name, value in self.headers.items()]
        lowered = {name: value for name, value in header_pairs}
        origin = lowered.get("origin")

        if method == "OPTIONS" and front.cors and origin and "access-control-request-method" in lowered:
            headers = preflight_headers(
                front.cors, origin, lowered["access-control-request-method"], lowered.get("access-control-request-headers", "")
            )
            self._send(204, list(headers.items()), b"")
            return

        dev = dev_routes.find(method, path)
        if dev is not None:
            dev_route, match = dev
            request = dev_routes.DevRequest(method, path, parse_qs(url.query, keep_blank_values=True), lowered, body, match)
            try:
                response = dev_route.handler(request)
                payload, headers = response.encoded()
            except Exception:  # noqa: BLE001 - a broken stand-in must not kill the front
                log.error("dev route %s %s failed:\n%s", method, path, traceback.format_exc())
                self._send_json(500, {"message": "Internal Server Error"})
                return
            self._send(response.status, list(headers.items()), payload)
            return

        matched = match_route(front.routes, method, path)
        if matched is not None:
            route, params = matched
            self._invoke_route(route, params, url.query, header_pairs, body, origin)
            return

        if method in ("GET", "HEAD"):
            file = front.static_file(path)
            if file is not None:
                content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
                if content_type.startswith("text/") or content_type == "application/javascript":
                    content_type += "; charset=utf-8"
                headers = [("content-type", content_type), ("cache-control", "no-cache"), *STATIC_SECURITY_HEADERS]
                relative = file.relative_to(front.web_dir)
                if is_site_page(relative):
                    headers.append(("content-security-policy", site_csp(f"http://{lowered.get('host') or front.domain_name}")))
                elif relative.parts[:1] == ("staff",) and relative.suffix == ".html":
                    headers.extend(STAFF_PAGE_HEADERS)
                self._send(200, headers, file.read_bytes())
                return
        default = next((route for route in front.routes if route.is_default), None)
        if default is not None:
            self._invoke_route(default, {}, url.query, header_pairs, body, origin)
            return
        self._send_json(404, {"message": "Not Found"})

    def _invoke_route(self, route: HttpRoute, params: dict[str, str], query: str,
                      header_pairs: list[tuple[str, str]], body: bytes, origin: str | None) -> None:
        front = self.front
        if front.throttle is not None and not front.throttle.take(route.route_key):
            self._send_json(429, {"message": "Too Many Requests"}, self._cors_for(origin))
            return
        claims = front.auth.claims_for(dict(header_pairs).get("authorization"))
        if route.authorizer:
            if claims is None:
                self._send_json(401, {"message": "Unauthorized"}, self._cors_for(origin))
                return
        event = http_api_event(
            self.command,
            urlsplit(self.path).path,
            route_key=route.route_key,
            path_parameters=params or None,
            query=query,
            headers=header_pairs,
            body=body or None,  # API Gateway leaves "body" out when there is none
            jwt_claims=claims,
            source_ip=self.client_address[0],
            domain_name=front.domain_name,
        )
        try:
            result = front.invoke(route.function, event)
            status, headers, payload = lambda_result_to_http(result)
        except Exception:  # noqa: BLE001 - API Gateway turns a crashed function into a 500
            log.error("%s failed on %s:\n%s", route.function, route.route_key, traceback.format_exc())
            self._send_json(500, {"message": "Internal Server Error"}, self._cors_for(origin))
            return
        if front.cors is not None:
            # With a CorsConfiguration API Gateway drops the integration's CORS headers.
            headers = [(n, v) for n, v in headers if not n.startswith("access-control-")]
            headers.extend(self._cors_for(origin))
        self._send(status, headers, payload)

    def _cors_for(self, origin: str | None) -> list[tuple[str, str]]:
        if self.front.cors is None or not origin:
            return []
        return list(response_cors_headers(self.front.cors, origin).items())

    def _dispatch(self) -> None:
        try:
            self._handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _dispatch

    def __getattr__(self, name: str) -> Any:
        # Any other method (TRACE, QUERY, ...): API Gateway answers a method it has no
        # route for with a JSON 404, where http.server would send an HTML 501.
        if name.startswith("do_"):
            return self._dispatch
        raise AttributeError(name)


class FrontServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # socketserver's default backlog is 5: a page opening several requests at once, or
    # 50 widgets starting together (benchmarks/load.py), had connections reset.
    request_queue_size = 128


def make_server(front: Front, host: str, port: int) -> FrontServer:
    """Binds the socket now (so a busy port fails before anything else starts)."""
    handler = type("BoundRequestHandler", (_RequestHandler,), {"front": front})
    server = FrontServer((host, port), handler)
    front.domain_name = f"{host}:{server.server_address[1]}"
    return server

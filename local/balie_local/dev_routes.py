"""Local-only HTTP endpoints of the front (e.g. the WhatsApp Graph API stand-in).

Another module registers a route at import time:

    from balie_local.dev_routes import DevRequest, DevResponse, register

    def outbox(request: DevRequest) -> DevResponse:
        return DevResponse(200, {"messages": [...]})

    register("GET", r"/dev/whatsapp/outbox", outbox)

The stack imports every `balie_local.dev_*` module (besides this one and dev_auth)
before it serves, and calls its optional `setup(stack)` with the running LocalStack,
so a stand-in can learn the stack's URL, secrets or AWS clients.
The front tries dev routes before the API routes of template.yaml.
"""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from handlers.http_body import decode_json


@dataclass(frozen=True)
class DevRequest:
    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # lower-cased names
    body: bytes
    match: re.Match[str]

    def json(self) -> Any:
        """The body decoded by the API's one JSON decoder (its rules, its 400 `InvalidInput`)."""
        return decode_json(self.body)


@dataclass
class DevResponse:
    status: int = 200
    body: bytes | str | Mapping[str, Any] | list[Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = {k.lower(): v for k, v in self.headers.items()}
        if self.body is None:
            return b"", headers
        if isinstance(self.body, bytes):
            return self.body, headers
        if isinstance(self.body, str):
            headers.setdefault("content-type", "text/plain; charset=utf-8")
            return self.body.encode("utf-8"), headers
        headers.setdefault("content-type", "application/json")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8"), headers


DevHandler = Callable[[DevRequest], DevResponse]


@dataclass(frozen=True)
class DevRoute:
    method: str
    pattern: re.Pattern[str]
    handler: DevHandler


_routes: list[DevRoute] = []


def register(method: str, path_regex: str, handler: DevHandler) -> None:
    """Adds a route; `path_regex` must match the whole path. Re-registering replaces it."""
    method = method.upper()
    pattern = re.compile(path_regex)
    _routes[:] = [r for r in _routes if not (r.method == method and r.pattern.pattern == pattern.pattern)]
    _routes.append(DevRoute(method, pattern, handler))


def route(method: str, path_regex: str) -> Callable[[DevHandler], DevHandler]:
    """Decorator form of `register`."""

    def decorate(handler: DevHandler) -> DevHandler:
        register(method, path_regex, handler)
        return handler

    return decorate


def find(method: str, path: str) -> tuple[DevRoute, re.Match[str]] | None:
    for candidate in _routes:
        if candidate.method in (method.upper(), "ANY"):
            match = candidate.pattern.fullmatch(path)
            if match:
                return candidate, match
    return None


def routes() -> list[DevRoute]:
    return list(_routes)


def load_plugins(stack: Any | None = None) -> list[str]:
    """Imports every balie_local.dev_* module and runs its setup(stack) hook."""
    import balie_local

    loaded = []
    for info in pkgutil.iter_modules(balie_local.__path__):
        if not info.name.startswith("dev_") or info.name in ("dev_routes", "dev_auth"):
            continue
        module = importlib.import_module(f"balie_local.{info.name}")
        setup = getattr(module, "setup", None)
        if stack is not None and callable(setup):
            setup(stack)
        loaded.append(module.__name__)
    return loaded

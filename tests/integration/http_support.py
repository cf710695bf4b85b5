"""The one HTTP client of the integration tests that talk to `balie serve` over loopback.

A refused request (4xx/5xx) is an answer to check like any other, not an exception.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import Any


@dataclass(frozen=True)
class Answer:
    status: int
    headers: Message
    body: bytes

    def json(self) -> Any:
        """The body as JSON; None for an empty body."""
        return json.loads(self.body) if self.body else None

    def header_map(self) -> dict[str, str]:
        """Headers by lower-case name (the last one of a repeated name)."""
        return {name.lower(): value for name, value in self.headers.items()}


def send(url: str, method: str = "GET", body: Any = None, headers: dict[str, str] | None = None,
         *, timeout: float = 30.0) -> Answer:
    """`body` goes as JSON, or as it is when it is bytes (a signed WhatsApp delivery must
    arrive byte for byte); `headers` as given."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def json_headers(*, token: str | None = None, origin: str | None = None) -> dict[str, str]:
    """A JSON request's headers, with a staff token and a browser origin when given."""
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    if origin:
        headers["origin"] = origin
    return headers


def call_json(url: str, method: str = "GET", body: Any = None, token: str | None = None) -> tuple[int, Any]:
    """A JSON request (with a staff token when given): the status and the decoded answer."""
    answer = send(url, method, body, json_headers(token=token))
    return answer.status, answer.json()


def wait_for(check: Callable[[], Any], timeout: float = 10.0, interval: float = 0.05) -> Any:
    """Polls `check` until it returns something truthy (what a background SQS poller
    does takes a moment); returns that value, or fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing after {timeout} s: {value!r}")
        time.sleep(interval)

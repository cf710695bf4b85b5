"""JsonPoster over urllib: how Balie registers tickets in a tenant's Open Klant (POST to create, PATCH to update).

urllib keeps the Lambda package small (no HTTP client dependency). An optional
API token (Open Klant's `Authorization: Token ...`) is read from the
environment on first use, never at import.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

from core.errors import ServiceUnavailable

TIMEOUT_SECONDS = 5


class UrllibJsonPoster:
    def __init__(self, token: str | None = None, timeout: float = TIMEOUT_SECONDS) -> None:
        self._token = token
        self._timeout = timeout

    def _authorization(self) -> str | None:
        token = self._token if self._token is not None else os.environ.get("OPEN_KLANT_TOKEN")
        return f"Token {token}" if token else None

    def post_json(self, url: str, payload: dict, timeout: float | None = None) -> dict:
        return self._send("POST", url, payload, timeout)

    def patch_json(self, url: str, payload: dict, timeout: float | None = None) -> dict:
        return self._send("PATCH", url, payload, timeout)

    def _send(self, method: str, url: str, payload: dict, timeout: float | None) -> dict:
        if not url.startswith(("https://", "http://")):
            raise ServiceUnavailable("Open Klant URL must be http(s).")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        authorization = self._authorization()
        if authorization:
            headers["Authorization"] = authorization
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout or self._timeout) as response:  # noqa: S310 (scheme checked)
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise ServiceUnavailable(f"Open Klant answered {error.code} for {url}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise ServiceUnavailable(f"Open Klant is unreachable: {error}") from error
        try:
            answer = json.loads(raw or b"{}")
        except ValueError as error:
            raise ServiceUnavailable("Open Klant answered with invalid JSON") from error
        return answer if isinstance(answer, dict) else {}

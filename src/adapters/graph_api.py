"""Meta Graph API client for sending WhatsApp messages (urllib, no extra package).

Failure classes, because the worker treats them differently:
- `GraphApiPermanentError`: this message can never be delivered (outside the
  24-hour window 131047, bad recipient, unsupported content). Recorded, not retried.
- `GraphApiUnavailable`: Meta is throttling or failing (429, 5xx, timeouts, after
  retries with exponential backoff and full jitter) or our token is refused.
  The SQS record fails, is retried by the queue and ends in the dead-letter queue.
"""
from __future__ import annotations

import json
import random
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from channels.whatsapp import DeliveryRefused
from core.errors import ServiceUnavailable

# Error codes Meta uses for throttling; they come with HTTP 400 as often as 429.
THROTTLING_CODES = frozenset({4, 80007, 130429, 131048, 131056, 133016})
# Our credentials are refused: retrying this message now cannot help, but the
# next attempt (after the token is rotated) can, so the record must not be dropped.
AUTH_CODES = frozenset({0, 10, 190, 200, 3, 131005})


class GraphApiError(Exception):
    def __init__(self, message: str, *, status: int | None = None, code: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class GraphApiPermanentError(GraphApiError, DeliveryRefused):
    """Meta refused this message for good; sending it again would fail again."""


class GraphApiUnavailable(ServiceUnavailable):
    """Sending failed for now (throttled, Meta down, timeout, token refused)."""

    def __init__(self, message: str, *, status: int | None = None, code: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class _Transient(Exception):
    def __init__(self, message: str, status: int | None, code: int | None, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.retry_after = retry_after


TokenProvider = Callable[[bool], str]  # force_refresh -> bearer token


class GraphApiClient:
    def __init__(
        self,
        base_url: str,
        token: TokenProvider,
        *,
        timeout: float = 5.0,
        max_attempts: int = 4,
        base_delay: float = 0.5,
        max_delay: float = 8.0,
        budget_seconds: float = 15.0,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.max_attempts = max(1, max_attempts)
        self.base_delay = base_delay
        self.max_delay = max_delay
        # One message may not eat the worker's whole Lambda timeout (60 s, several
        # payloads and records per invocation): past the budget the record fails
        # and SQS brings it back later.
        self.budget_seconds = budget_seconds
        self.sleep = sleep
        self.monotonic = monotonic
        self.rng = rng or random.Random()

    def send(self, phone_number_id: str, payload: dict[str, Any]) -> str:
        """POST {base}/{phone-number-id}/messages; returns the new message's wamid ("" if Meta gave none)."""
        url = f"{self.base_url}/{phone_number_id}/messages"
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        last: _Transient | None = None
        started = self.monotonic()
        attempts = 0
        for attempt in range(self.max_attempts):
            if attempt:
                delay = self._delay(attempt, last.retry_after if last else None)
                if self.monotonic() - started + delay + self.timeout > self.budget_seconds:
                    break
                self.sleep(delay)
            attempts += 1
            try:
                return self._post_once(url, data)
            except _Transient as transient:
                last = transient
        assert last is not None
        raise GraphApiUnavailable(
            f"Graph API still failing after {attempts} attempts: {last}", status=last.status, code=last.code
        )

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        # Full jitter: many workers retrying after one outage must not stampede.
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        delay = self.rng.uniform(0, ceiling)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.max_delay))
        return delay

    def _post_once(self, url: str, data: bytes) -> str:
        request = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={"Authorization": f"Bearer {self.token(False)}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = _json(response.read())
        except urllib.error.HTTPError as error:
            self._raise_for(error)
        except (TimeoutError, socket.timeout) as error:
            raise _Transient(f"timeout: {error}", None, None) from error
        except urllib.error.URLError as error:
            raise _Transient(f"network error: {error.reason}", None, None) from error
        except (ConnectionError, OSError) as error:
            raise _Transient(f"network error: {error}", None, None) from error
        messages = answer.get("messages") if isinstance(answer, dict) else None
        if not messages or not isinstance(messages, list) or not isinstance(messages[0], dict):
            # Meta said 2xx: the message is accepted. Sending it again would double it.
            return ""
        return str(messages[0].get("id") or "")

    def _raise_for(self, error: urllib.error.HTTPError) -> None:
        try:
            body = _json(error.read())
        except Exception:  # noqa: BLE001 - an unreadable error body still has its status
            body = {}
        details = body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else {}
        code = details.get("code") if isinstance(details.get("code"), int) else None
        message = str(details.get("message") or error.reason or "")[:300]
        status = error.code
        retry_after = _retry_after(error.headers.get("Retry-After") if error.headers else None)
        if status == 429 or status >= 500 or code in THROTTLING_CODES:
            raise _Transient(f"HTTP {status} code {code}: {message}", status, code, retry_after)
        if status in (401, 403) or code in AUTH_CODES:
            try:
                self.token(True)  # fetch again: the parameter may have been rotated
            except Exception:  # noqa: BLE001 - the refusal below is the error that matters
                pass
            raise GraphApiUnavailable(f"Graph API refused our token: HTTP {status} code {code}", status=status, code=code)
        raise GraphApiPermanentError(f"HTTP {status} code {code}: {message}", status=status, code=code)


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError):
        return {}


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None

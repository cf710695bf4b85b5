"""Meta Graph API clients for sending messages (urllib, no extra package): WhatsApp's
Cloud API (`GraphApiClient`) and the Messenger Platform's Send API for Messenger and
Instagram (`SendApiClient`). Both post JSON with retries and classify Meta's errors.

Failure classes, because the worker treats them differently:
- `GraphApiPermanentError` (a `DeliveryRefused`): this message can never be delivered
  (outside the messaging window, bad recipient, unsupported content). Recorded, not retried.
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
from dataclasses import dataclass
from typing import Any, Literal

from core.errors import DeliveryRefused, ServiceUnavailable

Failure = Literal["transient", "auth", "permanent"]


@dataclass(frozen=True)
class ErrorPolicy:
    """Which of Meta's error codes (besides HTTP 429 and 5xx) mean "try again" and which
    "our credentials are refused" (retrying now cannot help, the next attempt after a
    token rotation can, so the record must not be dropped). The rest is permanent."""

    throttling: frozenset[int]
    auth: frozenset[int]
    permanent: frozenset[int] = frozenset()  # refusals of this message, whatever the HTTP status

    def classify(self, status: int, code: int | None) -> Failure:
        if code in self.permanent:
            return "permanent"
        if status == 429 or status >= 500 or code in self.throttling:
            return "transient"
        if status in (401, 403) or code in self.auth:
            return "auth"
        return "permanent"


# WhatsApp Cloud API: throttling comes with HTTP 400 as often as 429.
WHATSAPP_ERRORS = ErrorPolicy(throttling=frozenset({4, 80007, 130429, 131048, 131056, 133016}),
                              auth=frozenset({0, 10, 190, 200, 3, 131005}))
# Messenger Platform: 1200 temporary send failure, 2 retry later, 4/17/32/613 rate limits;
# 190 invalid token, 102 session. 10 (outside the window) and 551 (person unavailable)
# are permanent for this message.
SEND_API_ERRORS = ErrorPolicy(throttling=frozenset({1200, 2, 4, 17, 32, 613}), auth=frozenset({190, 102}),
                              permanent=frozenset({10, 551, 100}))


class GraphApiError(Exception):
    def __init__(self, message: str, *, status: int | None = None, code: int | None = None,
                 subcode: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.subcode = subcode


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


class GraphPoster:
    """POSTs JSON to the Graph API with retries: exponential backoff with full jitter,
    within a time budget per message."""

    def __init__(
        self,
        errors: ErrorPolicy,
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
        self.errors = errors
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

    def post(self, url: str, payload: dict[str, Any], token: TokenProvider) -> Any:
        """The decoded JSON answer ({} when Meta said 2xx without one)."""
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
                return self._post_once(url, data, token)
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

    def _post_once(self, url: str, data: bytes, token: TokenProvider) -> Any:
        request = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={"Authorization": f"Bearer {token(False)}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _json(response.read())
        except urllib.error.HTTPError as error:
            self._raise_for(error, token)
        except (TimeoutError, socket.timeout) as error:
            raise _Transient(f"timeout: {error}", None, None) from error
        except urllib.error.URLError as error:
            raise _Transient(f"network error: {error.reason}", None, None) from error
        except (ConnectionError, OSError) as error:
            raise _Transient(f"network error: {error}", None, None) from error

    def _raise_for(self, error: urllib.error.HTTPError, token: TokenProvider) -> None:
        try:
            body = _json(error.read())
        except Exception:  # noqa: BLE001 - an unreadable error body still has its status
            body = {}
        details = body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else {}
        code = details.get("code") if isinstance(details.get("code"), int) else None
        subcode = details.get("error_subcode") if isinstance(details.get("error_subcode"), int) else None
        message = str(details.get("message") or error.reason or "")[:300]
        status = error.code
        retry_after = _retry_after(error.headers.get("Retry-After") if error.headers else None)
        failure = self.errors.classify(status, code)
        if failure == "transient":
            raise _Transient(f"HTTP {status} code {code}: {message}", status, code, retry_after)
        if failure == "auth":
            try:
                token(True)  # fetch again: the parameter may have been rotated
            except Exception:  # noqa: BLE001 - the refusal below is the error that matters
                pass
            raise GraphApiUnavailable(f"Graph API refused our token: HTTP {status} code {code}", status=status, code=code)
        raise GraphApiPermanentError(f"HTTP {status} code {code}/{subcode}: {message}", status=status, code=code,
                                     subcode=subcode)


class GraphApiClient:
    """WhatsApp Cloud API: `POST {base}/{phone-number-id}/messages` with the system user's token."""

    def __init__(self, base_url: str, token: TokenProvider, **retries: Any) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.poster = GraphPoster(WHATSAPP_ERRORS, **retries)

    def send(self, phone_number_id: str, payload: dict[str, Any]) -> str:
        """Sends one message; returns its wamid ("" if Meta gave none)."""
        answer = self.poster.post(f"{self.base_url}/{phone_number_id}/messages", payload, self.token)
        messages = answer.get("messages") if isinstance(answer, dict) else None
        if not messages or not isinstance(messages, list) or not isinstance(messages[0], dict):
            # Meta said 2xx: the message is accepted. Sending it again would double it.
            return ""
        return str(messages[0].get("id") or "")


AccountTokenProvider = Callable[[str, bool], str]  # (account id, force_refresh) -> the account's token


class SendApiClient:
    """Messenger Platform Send API for Messenger and Instagram: `POST {base}/me/messages`
    with the access token of the Page (or Instagram account) the message goes out from;
    `/me` is that account. Also the handover protocol's `POST {base}/me/pass_thread_control`."""

    def __init__(self, base_url: str, token_for: AccountTokenProvider, **retries: Any) -> None:
        self.base_url = base_url.rstrip("/")
        self.token_for = token_for
        self.poster = GraphPoster(SEND_API_ERRORS, **retries)

    def send(self, account_id: str, payload: dict[str, Any]) -> str:
        """Sends one message; returns Meta's message id ("" if Meta gave none)."""
        answer = self.poster.post(f"{self.base_url}/me/messages", payload, self._token(account_id))
        return str(answer.get("message_id") or "") if isinstance(answer, dict) else ""

    def pass_thread_control(self, account_id: str, payload: dict[str, Any]) -> None:
        self.poster.post(f"{self.base_url}/me/pass_thread_control", payload, self._token(account_id))

    def _token(self, account_id: str) -> TokenProvider:
        return lambda force_refresh: self.token_for(account_id, force_refresh)


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

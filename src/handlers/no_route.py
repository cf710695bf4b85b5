"""API Gateway's `$default` route: every request that no route of template.yaml takes, answered in
the contract's error shape like the functions' own (handlers/http_errors.py): a path that exists
for other methods is a 405 with `Allow`, any other path a 404. Without it API Gateway would answer
`{"message": "Not Found"}` itself, with no `Allow` (an HTTP API has no gateway responses to reshape).

`API_ROUTES` are the HttpApi routes of template.yaml (tests/unit/test_template.py keeps them equal).
A greedy preflight route (`OPTIONS /v1/staff/{proxy+}`) does not make a path exist: it is named in
`Allow` only where another method has the path. The function has no permissions at all.
"""
from __future__ import annotations

import re
from typing import Any

from handlers import http_errors
from handlers.cold_start import after_first_call
from handlers.http_router import NoRoute, Request

API_ROUTES: tuple[tuple[str, str], ...] = (
    ("GET", "/v1/admin/tenants"),
    ("GET", "/v1/admin/tenants/{slug}"),
    ("PUT", "/v1/admin/tenants/{slug}"),
    ("OPTIONS", "/v1/admin/{proxy+}"),
    ("OPTIONS", "/v1/chat"),
    ("POST", "/v1/chat"),
    ("DELETE", "/v1/chat/{conversationId}"),
    ("OPTIONS", "/v1/chat/{conversationId}"),
    ("GET", "/v1/chat/{conversationId}/messages"),
    ("OPTIONS", "/v1/chat/{conversationId}/messages"),
    ("GET", "/v1/messenger/webhook"),
    ("POST", "/v1/messenger/webhook"),
    ("GET", "/v1/staff/canned-replies"),
    ("DELETE", "/v1/staff/canned-replies/{replyId}"),
    ("PUT", "/v1/staff/canned-replies/{replyId}"),
    ("GET", "/v1/staff/conversations"),
    ("DELETE", "/v1/staff/conversations/{conversationId}"),
    ("GET", "/v1/staff/conversations/{conversationId}"),
    ("POST", "/v1/staff/conversations/{conversationId}/claim"),
    ("POST", "/v1/staff/conversations/{conversationId}/close"),
    ("POST", "/v1/staff/conversations/{conversationId}/notes"),
    ("POST", "/v1/staff/conversations/{conversationId}/reply"),
    ("POST", "/v1/staff/conversations/{conversationId}/takeover"),
    ("POST", "/v1/staff/conversations/{conversationId}/transfer"),
    ("GET", "/v1/staff/handovers"),
    ("GET", "/v1/staff/kb/intents"),
    ("GET", "/v1/staff/kb/intents/{intentId}"),
    ("PUT", "/v1/staff/kb/intents/{intentId}"),
    ("GET", "/v1/staff/kb/intents/{intentId}/export"),
    ("GET", "/v1/staff/kb/intents/{intentId}/others"),
    ("POST", "/v1/staff/kb/preview"),
    ("POST", "/v1/staff/kb/publish"),
    ("POST", "/v1/staff/kb/rollback"),
    ("GET", "/v1/staff/kb/unanswered"),
    ("POST", "/v1/staff/kb/unanswered/adopt"),
    ("GET", "/v1/staff/kb/versions"),
    ("GET", "/v1/staff/me"),
    ("GET", "/v1/staff/not-helpful"),
    ("POST", "/v1/staff/not-helpful/{itemId}/review"),
    ("GET", "/v1/staff/reports"),
    ("GET", "/v1/staff/suggestions/{conversationId}"),
    ("GET", "/v1/staff/tickets"),
    ("POST", "/v1/staff/tickets/{ticketId}/claim"),
    ("POST", "/v1/staff/tickets/{ticketId}/done"),
    ("POST", "/v1/staff/tickets/{ticketId}/release"),
    ("POST", "/v1/staff/tickets/{ticketId}/reply"),
    ("OPTIONS", "/v1/staff/{proxy+}"),
    ("GET", "/v1/whatsapp/webhook"),
    ("POST", "/v1/whatsapp/webhook"),
    ("GET", "/v1/widget/{tenant}"),
)


def _pattern(path: str) -> re.Pattern[str]:
    """A template path as API Gateway matches it: `{name}` one segment, `{name+}` the rest."""
    parts = re.split(r"(\{\w+\+?\})", path)
    return re.compile("".join(
        ("[^/]+" if not part.endswith("+}") else ".+") if part.startswith("{") else re.escape(part) for part in parts))


_PATTERNS = tuple((method, _pattern(path)) for method, path in API_ROUTES)


def allowed_methods(path: str) -> list[str]:
    """The methods the API takes on `path` (empty: no such path)."""
    methods = {method for method, pattern in _PATTERNS if pattern.fullmatch(path)}
    return sorted(methods) if methods - {"OPTIONS"} else []


@after_first_call
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    request = Request.from_event(event)
    return http_errors.respond(NoRoute(request.path, allowed_methods(request.path))).to_api_gateway()

"""What the staff API and the admin API share: the caller's identity from the token's
claims (checked by the router first: handlers/staff_token.py), camelCase JSON answers, and CORS for the staff dashboard.

The dashboard is one deployment-wide site (template parameter StaffDashboardOrigins,
env STAFF_DASHBOARD_ORIGINS, comma list; empty: same origin only). The template routes
OPTIONS of /v1/staff/* and /v1/admin/* to these handlers, and their routers answer
preflights without the token check, since a browser's preflight carries no token.
"""
from __future__ import annotations

import json
import os
from typing import Any

from core.staff import StaffIdentity
from handlers.http_router import Request, Response

# Keys under these names are data (flow slot names; a tenant document in its file's format, to put
# again), not field names: kept as they are.
# Keys whose value is data, not fields: its own keys stay as they are (a tenant document; the editor's
# follow-up kinds and detail names, such as kwijt_buitenland, which the PUT takes back as written; a detail's
# own links are title and url only, names that camelCase leaves alone).
_DATA_KEYS = frozenset({"slots", "document", "followups", "details", "detail_followups", "detail_links"})
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "authorization, content-type",
    "Access-Control-Max-Age": "600",
}


def identity_of(request: Request) -> StaffIdentity:
    return StaffIdentity.from_claims(request.claims)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def camel_keys(value: Any) -> Any:
    """snake_case model fields -> the API's camelCase, recursively."""
    if isinstance(value, dict):
        return {_camel(k): (v if k in _DATA_KEYS else camel_keys(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [camel_keys(item) for item in value]
    return value


def ok(body: dict[str, Any], status: int = 200) -> Response:
    return Response(status, json.dumps(camel_keys(body), ensure_ascii=False), "application/json",
                    {"Cache-Control": "no-store"})


def preflight() -> Response:
    return Response(204, headers=dict(PREFLIGHT_HEADERS))


def with_dashboard_cors(request: Request, response: Response) -> Response:
    """The response, with Access-Control-Allow-Origin when the request comes from the
    staff dashboard's configured origin."""
    headers = response.headers
    headers["Vary"] = "Origin"
    origin = request.headers.get("origin")
    allowed = {item.strip() for item in os.environ.get("STAFF_DASHBOARD_ORIGINS", "").split(",") if item.strip()}
    if origin and origin in allowed:
        headers["Access-Control-Allow-Origin"] = origin
    return response

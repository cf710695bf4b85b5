"""Admin API under /v1/admin (role `admin`): tenants as data.

- `PUT /v1/admin/tenants/{slug}`: the tenant document (the format of tenants/*.yaml, as
  JSON) becomes the tenant's next version; 202 with the version, built and switched
  live by the tenant-build function (`GET` shows when). A document that does not fit
  the shared knowledge base is a 400 that names every problem.
  For the topics the tenant's editors published, their part (answer, links, follow-up and
  detail answers, examples, on/off) stays the current version's, named in `keptFromEditors` where the document said
  otherwise, unless the request says `?knowledge=replace`.
- `GET /v1/admin/tenants/{slug}`: the live version and the last versions with their
  build status (and why a build failed); `?document=true` also the current document
  (editors' publishes included), to change and put again (`balie tenant get`).
- `GET /v1/admin/tenants`: the live tenants the caller administers.

The operator's accounts (`custom:tenant` `*`) administer every tenant; a gemeente's
own admins only their own. Thin like every handler: parse, one use case, render.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aws_lambda_powertools import Logger

from core.errors import InvalidInput
from handlers import http_errors, staff_token
from handlers.cold_start import after_first_call
from handlers.http_body import json_object
from handlers.http_router import Request, Response, Router
from handlers.staff_http import identity_of, ok, preflight, with_dashboard_cors
from handlers.wiring import tenant_services

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

# A tenant document with its own intents and examples is larger than a chat message.
MAX_TENANT_BYTES = 512 * 1024

logger = Logger(service="balie")
app = Router(http_errors.respond, authenticate=staff_token.authenticate)


@app.put("/v1/admin/tenants/<slug>")
def put_tenant(request: Request, slug: str) -> Response:
    who = identity_of(request)
    document = json_object(request, max_bytes=MAX_TENANT_BYTES)
    version = tenant_services().admin.put(who, slug, document, replace_knowledge=_flag(request, "knowledge", "replace"))
    logger.info("tenant version published", extra={"tenant": slug, "version": version.version, "by": who.subject})
    return ok(version.model_dump(mode="json"), status=202)


@app.get("/v1/admin/tenants/<slug>")
def get_tenant(request: Request, slug: str) -> Response:
    with_document = _flag(request, "document", "true")
    status = tenant_services().admin.status(identity_of(request), slug, with_document=with_document)
    return ok(status.model_dump(mode="json", exclude={"document", "document_version"} if not with_document else None))


def _flag(request: Request, name: str, value: str) -> bool:
    """A query parameter that is either absent or `value`; anything else is a 400."""
    given = request.query.get(name)
    if given not in (None, value):
        raise InvalidInput(f"{name} must be {value!r} or left out.")
    return given == value


@app.get("/v1/admin/tenants")
def list_tenants(request: Request) -> Response:
    tenants = tenant_services().admin.list(identity_of(request))
    return ok({"tenants": [tenant.model_dump(mode="json") for tenant in tenants]})


@app.options("/v1/admin/<path>")
@app.options("/v1/admin/<path>/<slug>")
def admin_preflight(request: Request, **_: str) -> Response:
    return preflight()


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    request = Request.from_event(event)
    return with_dashboard_cors(request, app.respond(request)).to_api_gateway()

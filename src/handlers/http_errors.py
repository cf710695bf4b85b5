"""The one mapping of domain errors to HTTP responses, by exception type.

Every error body is `{"error": {"code": str, "message": str}}`. Bad input is
always a 4xx; only a failing dependency (`ServiceUnavailable`) is a 5xx. Every HTTP
handler's router is made with `respond` (`Router(http_errors.respond)`): what a route
raises, and a request no route takes (404, or 405 with `Allow`), is answered here.
"""
from __future__ import annotations

import json
import logging
from http import HTTPStatus

from pydantic import ValidationError

from core.errors import (
    BalieError,
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    RateLimited,
    ServiceUnavailable,
    Unauthorized,
    Unprocessable,
    UnsupportedMediaType,
)
from handlers.http_router import NoRoute, Response

STATUS_BY_TYPE: dict[type[BalieError], HTTPStatus] = {
    InvalidInput: HTTPStatus.BAD_REQUEST,
    Unauthorized: HTTPStatus.UNAUTHORIZED,
    Forbidden: HTTPStatus.FORBIDDEN,
    NotFound: HTTPStatus.NOT_FOUND,
    Unprocessable: HTTPStatus.UNPROCESSABLE_ENTITY,
    Conflict: HTTPStatus.CONFLICT,
    PayloadTooLarge: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    UnsupportedMediaType: HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
    RateLimited: HTTPStatus.TOO_MANY_REQUESTS,
    ServiceUnavailable: HTTPStatus.SERVICE_UNAVAILABLE,
}


def error_body(code: str, message: str) -> str:
    return json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)


def respond_error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    response_headers = {"Cache-Control": "no-store"}
    if status == HTTPStatus.TOO_MANY_REQUESTS:
        response_headers["Retry-After"] = "60"
    response_headers.update(headers or {})
    return Response(int(status), error_body(code, message), "application/json", response_headers)


def status_of(error: BalieError) -> HTTPStatus:
    for kind in type(error).__mro__:
        if kind in STATUS_BY_TYPE:
            return STATUS_BY_TYPE[kind]  # type: ignore[index]
    return HTTPStatus.BAD_REQUEST


def from_domain(error: BalieError) -> Response:
    headers = {"Retry-After": str(error.retry_after)} if isinstance(error, RateLimited) else None
    return respond_error(status_of(error), error.code, error.message, headers)


def from_validation(error: ValidationError) -> Response:
    """A pydantic error as invalid_input, naming fields but never echoing the input."""
    problems = []
    for detail in error.errors(include_input=False, include_url=False):
        field = ".".join(str(part) for part in detail.get("loc", ())) or "body"
        # Our own validators' sentences, without pydantic's "Value error, " before them; one
        # that names its field already ("conversationId is not ...") stands alone.
        sentence = str(detail.get("msg", "invalid")).removeprefix("Value error, ")
        problems.append(sentence if sentence.startswith(field + " ") else f"{field}: {sentence}")
    return respond_error(HTTPStatus.BAD_REQUEST, InvalidInput.code, "; ".join(problems)[:500] or "Invalid request.")


def from_unexpected(error: Exception) -> Response:
    """A bug or an unforeseen failure: logged with its traceback (never the
    request body), answered as JSON so the widget can show its own message."""
    logging.getLogger("balie").exception("unhandled error: %s", type(error).__name__)
    return respond_error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong. Please try again later.")


def from_no_route(error: NoRoute) -> Response:
    if error.allowed:
        return respond_error(HTTPStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                             f"This route takes {', '.join(error.allowed)}.", {"Allow": ", ".join(error.allowed)})
    return respond_error(HTTPStatus.NOT_FOUND, NotFound.code, "There is no such route.")


def respond(error: Exception) -> Response:
    """The one mapping: whatever a route raised (or NoRoute) as its HTTP response."""
    if isinstance(error, BalieError):
        return from_domain(error)
    if isinstance(error, ValidationError):
        return from_validation(error)
    if isinstance(error, NoRoute):
        return from_no_route(error)
    return from_unexpected(error)

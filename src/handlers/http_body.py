"""The one body parser of every HTTP route: bytes -> JSON -> pydantic model.

Whatever a client sends, the outcome is the model or a `BalieError` (a 4xx through
handlers/http_errors.py), never another exception:
- the body is base64-decoded when API Gateway says so, then limited in size (413);
- a body is JSON only with `Content-Type: application/json` (415);
- decoding errors of every kind are a 400: bad UTF-8, bad JSON, NaN/Infinity, integers
  beyond Python's 4,300-digit limit (ValueError), and nesting deeper than the C decoder's
  recursion limit (RecursionError);
- the decoded document may nest at most `max_depth` arrays/objects (400), so no later
  step (validation, logging, a recursive walk) can run out of stack on it;
- the top level is a JSON object (400);
- `parse_body` validates it strictly: a number is no string, a string or `true` no number (400).
The WhatsApp webhook checks Meta's signature on the raw bytes first and then decodes them
with `decode_json` (the same rules, its own size limit).
"""
from __future__ import annotations

import base64
import binascii
import json
from typing import Any, TypeVar

from pydantic import BaseModel

from core.errors import InvalidInput, PayloadTooLarge, UnsupportedMediaType
from handlers.http_router import Request

MAX_BODY_BYTES = 16 * 1024  # a chat message of 1,000 characters fits many times over
MAX_DEPTH = 20  # no request of this API nests deeper than 5

Parsed = TypeVar("Parsed", bound=BaseModel)


def raw_body(request: Request, *, max_bytes: int = MAX_BODY_BYTES) -> bytes:
    """The request body as bytes (base64 undone), refused past `max_bytes`."""
    body = request.body or ""
    if not isinstance(body, str):
        raise InvalidInput("The body is not text.")
    # A cheap bound before decoding: base64 grows a body by a third.
    if len(body) > max_bytes * 4 // 3 + 4:
        raise PayloadTooLarge(f"The body is larger than {max_bytes} bytes.")
    if request.base64_encoded:
        try:
            raw = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidInput("The body is not valid base64.") from None
    else:
        try:
            raw = body.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate in the event itself
            raise InvalidInput("The body is not valid UTF-8.") from None
    if len(raw) > max_bytes:
        raise PayloadTooLarge(f"The body is larger than {max_bytes} bytes.")
    return raw


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def decode_json(raw: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Strict JSON from UTF-8 bytes; InvalidInput (400) for anything else."""
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise InvalidInput("The body is not valid JSON.") from None
    except RecursionError:  # nesting deeper than Python's decoder goes (about 1,000 levels)
        raise InvalidInput(f"The body nests deeper than {max_depth} levels.") from None
    if depth_exceeds(document, max_depth):
        raise InvalidInput(f"The body nests deeper than {max_depth} levels.")
    return document


def depth_exceeds(document: Any, max_depth: int) -> bool:
    """True when arrays/objects nest deeper than `max_depth` (iterative: no recursion)."""
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > max_depth:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def json_object(request: Request, *, max_bytes: int = MAX_BODY_BYTES) -> dict[str, Any]:
    """The body as a JSON object."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise UnsupportedMediaType("Send the body as application/json.")
    document = decode_json(raw_body(request, max_bytes=max_bytes))
    if not isinstance(document, dict):
        raise InvalidInput("The body must be a JSON object.")
    return document


def parse_body(request: Request, model: type[Parsed], *, max_bytes: int = MAX_BODY_BYTES) -> Parsed:
    """The body validated as `model` (a pydantic ValidationError maps to 400 invalid_input).
    Strictly: a JSON value must already have the field's type, so `"1"`, `true` or `1.0` is no
    version number and `1` or `"yes"` no `enabled` flag (pydantic's lax mode would take them)."""
    return model.model_validate(json_object(request, max_bytes=max_bytes), strict=True)

"""Domain errors. Handlers map them to HTTP in one place (handlers/http_errors.py)
by type; core code never knows about status codes."""
from __future__ import annotations


class BalieError(Exception):
    """Base class: `code` is the stable machine-readable error code of the API."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(BalieError):
    code = "invalid_input"


class Unprocessable(BalieError):
    """A well-formed request that names something its subject does not have (a detail a topic lacks)."""

    code = "unprocessable"


class NotFound(BalieError):
    code = "not_found"


class Unauthorized(BalieError):
    code = "unauthorized"


class Forbidden(BalieError):
    code = "forbidden"


class OriginNotAllowed(Forbidden):
    """A browser request from a web page (Origin) that is not one of the tenant's widget_origins."""

    code = "origin_not_allowed"


class Conflict(BalieError):
    """A write lost an optimistic-concurrency race more often than retries allow."""

    code = "conflict"


class ClientMessageIdReused(Conflict):
    """A clientMessageId that was already answered, sent again with another message: no
    retry (that would carry the same message) but a client bug or a forgery."""

    code = "client_message_id_reused"


class RateLimited(BalieError):
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int = 60) -> None:
        super().__init__(message)
        self.retry_after = max(int(retry_after), 1)  # seconds; the Retry-After header


class PayloadTooLarge(BalieError):
    code = "payload_too_large"


class UnsupportedMediaType(BalieError):
    code = "unsupported_media_type"


class ServiceUnavailable(BalieError):
    """A dependency (queue, Graph API) failed; nothing was half-written."""

    code = "service_unavailable"


class WhatsAppWindowClosed(Conflict):
    """A staff reply to a WhatsApp conversation whose last resident message is
    older than 24 hours, and the tenant has no approved template to reopen it."""

    code = "whatsapp_window_closed"


class MessengerWindowClosed(Conflict):
    """A staff reply to a Messenger or Instagram conversation outside Meta's messaging
    window (24 hours; 7 days with the HUMAN_AGENT tag where the app may use it), or while
    someone else (the Page inbox) has the conversation's thread."""

    code = "messenger_window_closed"


class DeliveryRefused(Exception):
    """A messaging channel refused a message for good (e.g. outside its messaging window,
    an unknown recipient): recorded, never retried. `code`/`subcode`: Meta's."""

    def __init__(self, message: str, *, code: int | None = None, subcode: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.subcode = subcode


class VersionConflict(Exception):
    """Raised by a store when a conditional write lost the race; the engine
    re-reads and retries, so it never reaches a handler."""

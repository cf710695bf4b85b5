"""What Meta's webhooks share (WhatsApp's Cloud API and the Messenger Platform for
Facebook Pages and Instagram): the `X-Hub-Signature-256` signature over the raw body,
the subscription handshake, and reading Meta's ids and lists out of a body that may
hold anything."""
from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterator, Mapping
from typing import Any

from core.errors import InvalidInput

SIGNATURE_PREFIX = "sha256="
# Meta's ids (wamid, mid, wa_id, PSID, Page and account ids) are short printable ASCII.
_META_ID = re.compile(r"^[\x21-\x7e]{1,256}$")
# Meta's handshake challenge is a number (ten digits in every handshake seen); Meta's own Messenger
# guide tries a webhook with the word CHALLENGE_ACCEPTED. Plain letters, digits and - _ . are echoed;
# markup, spaces and line breaks never are.
_CHALLENGE = re.compile(r"[A-Za-z0-9_.-]{1,128}")


def signature_is_valid(raw_body: bytes, header: str | None, app_secret: str) -> bool:
    """Checks `X-Hub-Signature-256: sha256=<hex>` against an HMAC-SHA256 of the
    exact bytes Meta sent, in constant time."""
    if not header or not app_secret:
        return False
    header = header.strip()
    if not header.lower().startswith(SIGNATURE_PREFIX):
        return False
    given = header[len(SIGNATURE_PREFIX):].strip().lower().encode("utf-8", "replace")
    expected = hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest().encode("ascii")
    return hmac.compare_digest(expected, given)


def sign(raw_body: bytes, app_secret: str) -> str:
    """The header value Meta would send for `raw_body` (local tools and tests)."""
    return SIGNATURE_PREFIX + hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()


def verification_challenge(params: Mapping[str, str], verify_token: str) -> str | None:
    """Meta's subscription handshake: the challenge to echo, or None (-> 403). With the right
    token, a challenge that is not a plain token (Meta's number, CHALLENGE_ACCEPTED) is InvalidInput (400)."""
    token = params.get("hub.verify_token") or ""
    challenge = params.get("hub.challenge")
    if params.get("hub.mode") != "subscribe" or not challenge or not verify_token:
        return None
    if not hmac.compare_digest(token.encode("utf-8"), verify_token.encode("utf-8")):
        return None
    if not _CHALLENGE.fullmatch(challenge):
        raise InvalidInput("hub.challenge must be letters, digits, - _ or . (Meta sends a number).")
    return challenge


def dicts(value: Any) -> Iterator[dict[str, Any]]:
    """The objects of a list in a body (anything else in it, or no list, is skipped)."""
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))


def meta_id(value: Any) -> str | None:
    """One of Meta's ids as text, or None when it is missing or not an id at all
    (a number is accepted: some senders write ids as numbers)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value)
    return text if _META_ID.match(text) else None

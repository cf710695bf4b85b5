"""The staff token check of every staff, editor and admin route: no token, or one that is not a
valid token of the staff user pool, is a 401 in the contract's error shape (`core.errors.Unauthorized`
through the one error mapping, handlers/http_errors.py).

Why in the functions and not in API Gateway's JWT authorizer: an HTTP API answers a failed authorizer
itself, `{"message": "Unauthorized"}`, and has no gateway responses to reshape that (API.md: every
error is `{"error": {"code", "message"}}`); a Lambda authorizer's refusal is API Gateway's own 403
body as well. So the routers of the staff, editor and admin functions run this check on every matched
route except preflights, before the route reads a body or any store (`Router(authenticate=...)`);
no route can forget it, and no other function, role or permission is added for it.

In AWS the token is a Cognito token (RS256) of the pool STAFF_TOKEN_ISSUER
(`https://cognito-idp.<region>.amazonaws.com/<pool id>`) for the app client STAFF_TOKEN_AUDIENCE
(its `aud`, or `client_id` on an access token), as the JWT authorizer checked it: signature with a
key of the pool's JWKS (fetched on first use, again for an unknown key id at most once a minute),
issuer, audience, expiry. Token expiry is real time (as at API Gateway), not BALIE_NOW.
Claims already in the event (`requestContext.authorizer.jwt.claims`) come from an authorizer in front
of the function and are taken as they are: locally the front resolves a dev token to its claims
there (balie_local.dev_auth); in AWS no route has an authorizer, so an event never carries them.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from core.errors import ServiceUnavailable, Unauthorized
from handlers.http_router import Request

MAX_TOKEN_CHARS = 8192
CLOCK_SKEW_SECONDS = 60
JWKS_REFRESH_SECONDS = 60
# DER prefix of a SHA-256 DigestInfo (RFC 8017, section 9.2, note 1).
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")

Claims = dict[str, Any]
KeyFetch = Callable[[str], Mapping[str, Any]]


class TokenVerifier:
    """Checks Cognito tokens of one pool and app client against the pool's RSA keys."""

    def __init__(self, issuer: str, audience: str, fetch_keys: KeyFetch | None = None,
                 now: Callable[[], float] = time.time) -> None:
        self.issuer = issuer.rstrip("/")
        self.audience = audience
        self._fetch_keys = fetch_keys or _fetch_json
        self._now = now
        self._keys: dict[str, tuple[int, int]] = {}
        self._fetched_at: float | None = None
        self._lock = threading.Lock()

    def claims(self, token: str) -> Claims:
        refused = Unauthorized("Sign in again: this staff token is not valid.")
        parts = token.split(".")
        if len(token) > MAX_TOKEN_CHARS or len(parts) != 3:
            raise refused
        header, claims, signature = _json_part(parts[0]), _json_part(parts[1]), _bytes_part(parts[2])
        if header is None or claims is None or signature is None or header.get("alg") != "RS256":
            raise refused
        key = self._key(header.get("kid"))
        if key is None or not rs256_valid(key, f"{parts[0]}.{parts[1]}".encode("ascii"), signature):
            raise refused
        now = self._now()
        expires, not_before = claims.get("exp"), claims.get("nbf", claims.get("iat", 0))
        if not (_is_number(expires) and _is_number(not_before)):
            raise refused
        if claims.get("iss") != self.issuer or self.audience not in (claims.get("aud"), claims.get("client_id")):
            raise refused
        if claims.get("token_use") not in ("id", "access"):
            raise refused
        if now >= expires + CLOCK_SKEW_SECONDS or not_before > now + CLOCK_SKEW_SECONDS:
            raise Unauthorized("Your sign-in has expired: sign in again.")
        return claims

    def _key(self, kid: Any) -> tuple[int, int] | None:
        if not isinstance(kid, str) or not kid or len(kid) > 200:
            return None
        with self._lock:
            if kid not in self._keys and (self._fetched_at is None
                                          or self._now() - self._fetched_at >= JWKS_REFRESH_SECONDS):
                self._fetched_at = self._now()
                self._keys = _rsa_keys(self._fetch_keys(f"{self.issuer}/.well-known/jwks.json"))
            return self._keys.get(kid)


def rs256_valid(key: tuple[int, int], signed: bytes, signature: bytes) -> bool:
    """RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017, 8.2.2): the expected encoding is built in full and
    compared, never parsed out of the signature (which is what lets forged signatures through)."""
    modulus, exponent = key
    size = (modulus.bit_length() + 7) // 8
    if size < 256 or len(signature) != size:  # RSA keys below 2048 bits are refused
        return False
    value = int.from_bytes(signature, "big")
    if value >= modulus:
        return False
    encoded = pow(value, exponent, modulus).to_bytes(size, "big")
    digest = _SHA256_DIGEST_INFO + hashlib.sha256(signed).digest()
    expected = b"\x00\x01" + b"\xff" * (size - len(digest) - 3) + b"\x00" + digest
    return hmac.compare_digest(encoded, expected)


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


_verifier: TokenVerifier | None = None


def verifier() -> TokenVerifier | None:
    """The pool's verifier from the environment, on first use; None where no pool is configured
    (the local stack: only the front's dev tokens are known there)."""
    global _verifier
    issuer, audience = os.environ.get("STAFF_TOKEN_ISSUER", ""), os.environ.get("STAFF_TOKEN_AUDIENCE", "")
    if not (issuer and audience):
        return None
    if _verifier is None or (_verifier.issuer, _verifier.audience) != (issuer.rstrip("/"), audience):
        _verifier = TokenVerifier(issuer, audience)
    return _verifier


def authenticate(request: Request) -> Request:
    """The request with the caller's verified claims, or `Unauthorized` (401)."""
    if request.claims is not None:
        return request
    token = bearer_token(request.headers.get("authorization"))
    if token is None:
        raise Unauthorized("Sign in as a member of staff: this route needs a staff token.")
    check = verifier()
    if check is None:
        raise Unauthorized("Sign in again: this staff token is not valid.")
    return Request(**{**vars(request), "claims": check.claims(token)})


def _bytes_part(part: str) -> bytes | None:
    if not part or len(part) % 4 == 1 or not all(c.isascii() and (c.isalnum() or c in "-_") for c in part):
        return None
    try:
        return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (binascii.Error, ValueError):
        return None


def _json_part(part: str) -> dict[str, Any] | None:
    raw = _bytes_part(part)
    try:
        value = json.loads(raw) if raw is not None else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _rsa_keys(document: Mapping[str, Any]) -> dict[str, tuple[int, int]]:
    keys = {}
    for jwk in document.get("keys") or [] if isinstance(document, Mapping) else []:
        if not isinstance(jwk, Mapping) or jwk.get("kty") != "RSA" or jwk.get("use", "sig") != "sig":
            continue
        modulus, exponent = _bytes_part(str(jwk.get("n") or "")), _bytes_part(str(jwk.get("e") or ""))
        if modulus and exponent and isinstance(jwk.get("kid"), str):
            keys[jwk["kid"]] = (int.from_bytes(modulus, "big"), int.from_bytes(exponent, "big"))
    return keys


def _fetch_json(url: str) -> Mapping[str, Any]:
    import urllib.request  # only a cold function's first staff call pays for it

    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 (the pool's fixed https URL)
            return json.loads(response.read(1_000_000))
    except (OSError, ValueError) as error:
        raise ServiceUnavailable("Staff sign-in cannot be checked right now. Please try again.") from error

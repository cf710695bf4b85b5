"""The staff token check (handlers/staff_token.py): Cognito tokens verified in the function, so that a
missing, forged or expired token is a 401 in the contract's error shape, before any route runs."""
from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from core.errors import Unauthorized
from handlers import http_errors, staff_token
from handlers.http_router import Request, Response, Router
from handlers.staff_token import TokenVerifier, bearer_token, rs256_valid

ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_pool"
AUDIENCE = "client-1"
NOW = 1_800_000_000
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwk(key: Any, kid: str) -> dict[str, str]:
    numbers = key.public_key().public_numbers()
    return {"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
            "n": b64(numbers.n.to_bytes(256, "big")), "e": b64(numbers.e.to_bytes(3, "big"))}


def token(claims: dict[str, Any] | None = None, *, key: Any = KEY, header: dict[str, Any] | None = None) -> str:
    body = {"sub": "u-1", "iss": ISSUER, "aud": AUDIENCE, "token_use": "id", "exp": NOW + 600, "iat": NOW - 10,
            "custom:tenant": "voorbeeld", "custom:teams": "*", "custom:roles": "kcc", **(claims or {})}
    signing_input = f"{b64(json.dumps(header or {'alg': 'RS256', 'kid': 'k1'}).encode())}.{b64(json.dumps(body).encode())}"
    signature = key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{b64(signature)}"


class Keys:
    def __init__(self) -> None:
        self.fetched: list[str] = []
        self.now = float(NOW)

    def __call__(self, url: str) -> dict[str, Any]:
        self.fetched.append(url)
        return {"keys": [jwk(KEY, "k1")]}


@pytest.fixture
def keys() -> Keys:
    return Keys()


@pytest.fixture
def verifier(keys: Keys) -> TokenVerifier:
    return TokenVerifier(ISSUER, AUDIENCE, fetch_keys=keys, now=lambda: keys.now)


def test_a_token_of_the_pool_gives_its_claims(verifier: TokenVerifier, keys: Keys) -> None:
    claims = verifier.claims(token())
    assert claims["custom:tenant"] == "voorbeeld" and claims["sub"] == "u-1"
    assert keys.fetched == [f"{ISSUER}/.well-known/jwks.json"]
    verifier.claims(token({"token_use": "access", "aud": None, "client_id": AUDIENCE}))
    assert len(keys.fetched) == 1  # the keys are kept


@pytest.mark.parametrize("forged", [
    "",
    "a.b",
    "not.a.token",
    token({"custom:tenant": "andere"}).rsplit(".", 1)[0] + "." + token().rsplit(".", 1)[1],  # claims swapped
    token(key=OTHER_KEY),  # signed by a key not of the pool
    token(header={"alg": "none", "kid": "k1"}).rsplit(".", 1)[0] + ".",
    token(header={"alg": "HS256", "kid": "k1"}),
    token(header={"alg": "RS256"}),  # no key id
    token({"iss": "https://cognito-idp.eu-west-1.amazonaws.com/other"}),
    token({"aud": "other-client"}),
    token({"token_use": "refresh"}),
    token({"exp": "never"}),
    token({"exp": NOW - 61}),  # expired (past the minute of clock skew)
    token({"nbf": NOW + 3600}),
    "x" * 9000,
])
def test_forged_expired_or_foreign_tokens_are_refused(verifier: TokenVerifier, forged: str) -> None:
    with pytest.raises(Unauthorized):
        verifier.claims(forged)


def test_an_unknown_key_id_refetches_the_keys_at_most_once_a_minute(verifier: TokenVerifier, keys: Keys) -> None:
    verifier.claims(token())
    for _ in range(5):
        with pytest.raises(Unauthorized):
            verifier.claims(token(header={"alg": "RS256", "kid": "k2"}))
    assert len(keys.fetched) == 1
    keys.now += 61
    with pytest.raises(Unauthorized):
        verifier.claims(token(header={"alg": "RS256", "kid": "k2"}))
    assert len(keys.fetched) == 2


def test_the_signature_check_compares_the_whole_encoding() -> None:
    numbers = KEY.public_key().public_numbers()
    public = (numbers.n, numbers.e)
    signature = KEY.sign(b"data", padding.PKCS1v15(), hashes.SHA256())
    assert rs256_valid(public, b"data", signature)
    assert not rs256_valid(public, b"date", signature)
    assert not rs256_valid(public, b"data", signature[:-1])
    assert not rs256_valid(public, b"data", (numbers.n + 1).to_bytes(257, "big")[1:])
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    small_numbers = small.public_key().public_numbers()
    assert not rs256_valid((small_numbers.n, small_numbers.e), b"data",
                           small.sign(b"data", padding.PKCS1v15(), hashes.SHA256()))


def test_bearer_token() -> None:
    assert bearer_token("Bearer abc") == bearer_token("bearer  abc ") == "abc"
    assert bearer_token(None) is bearer_token("") is bearer_token("Basic abc") is bearer_token("Bearer ") is None


def routed(monkeypatch: pytest.MonkeyPatch, verifier: TokenVerifier | None) -> Router:
    monkeypatch.setattr(staff_token, "verifier", lambda: verifier)
    app = Router(http_errors.respond, authenticate=staff_token.authenticate)
    reads: list[str] = []

    @app.get("/v1/staff/me")
    def me(request: Request) -> Response:
        reads.append("me")
        return Response(200, json.dumps(request.claims))

    @app.options("/v1/staff/<path>")
    def preflight(request: Request, path: str) -> Response:
        return Response(204)

    app.reads = reads  # type: ignore[attr-defined]
    return app


def event(method: str, path: str, headers: dict[str, str] | None = None, claims: dict[str, Any] | None = None) -> dict:
    context: dict[str, Any] = {"http": {"method": method}, "stage": "$default"}
    if claims is not None:
        context["authorizer"] = {"jwt": {"claims": claims}}
    return {"rawPath": path, "headers": headers or {}, "requestContext": context}


@pytest.mark.parametrize("headers", [{}, {"authorization": "Bearer nope"}, {"authorization": "Basic dXNlcg=="},
                                     {"authorization": f"Bearer {token(key=OTHER_KEY)}"}])
def test_the_router_answers_401_in_the_contract_shape_before_the_route_runs(
        monkeypatch: pytest.MonkeyPatch, verifier: TokenVerifier, headers: dict[str, str]) -> None:
    app = routed(monkeypatch, verifier)
    answer = app.resolve(event("GET", "/v1/staff/me", headers))
    assert answer["statusCode"] == 401
    assert set(json.loads(answer["body"])["error"]) == {"code", "message"}
    assert json.loads(answer["body"])["error"]["code"] == Unauthorized.code
    assert app.reads == []  # type: ignore[attr-defined]


def test_the_router_passes_verified_claims_and_lets_preflights_through(
        monkeypatch: pytest.MonkeyPatch, verifier: TokenVerifier) -> None:
    app = routed(monkeypatch, verifier)
    answer = app.resolve(event("GET", "/v1/staff/me", {"authorization": f"Bearer {token()}"}))
    assert answer["statusCode"] == 200 and json.loads(answer["body"])["custom:tenant"] == "voorbeeld"
    assert app.resolve(event("OPTIONS", "/v1/staff/me"))["statusCode"] == 204


def test_without_a_pool_only_claims_already_in_the_event_count(monkeypatch: pytest.MonkeyPatch) -> None:
    # Locally: the front puts a dev token's claims in the event; any other token is refused.
    app = routed(monkeypatch, None)
    assert app.resolve(event("GET", "/v1/staff/me", {"authorization": f"Bearer {token()}"}))["statusCode"] == 401
    answer = app.resolve(event("GET", "/v1/staff/me", claims={"sub": "dev", "custom:tenant": "voorbeeld"}))
    assert answer["statusCode"] == 200


def test_the_verifier_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff_token, "_verifier", None)
    monkeypatch.setenv("STAFF_TOKEN_ISSUER", "")
    monkeypatch.setenv("STAFF_TOKEN_AUDIENCE", "")
    assert staff_token.verifier() is None
    monkeypatch.setenv("STAFF_TOKEN_ISSUER", ISSUER)
    monkeypatch.setenv("STAFF_TOKEN_AUDIENCE", AUDIENCE)
    made = staff_token.verifier()
    assert made is not None and (made.issuer, made.audience) == (ISSUER, AUDIENCE)
    assert staff_token.verifier() is made

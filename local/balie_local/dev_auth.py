"""Local stand-in for Cognito's staff tokens: random bearer tokens with Cognito's claims.

In AWS the staff, editor and admin functions verify a Cognito token themselves
(handlers/staff_token.py). Locally the front resolves a dev token to its claims and passes
them in `requestContext.authorizer.jwt.claims`, as an authorizer would; the functions take
claims found there as checked, and refuse any other token. `balie serve` prints one
token per tenants/*.yaml (every team, roles kcc, editor and admin) and one operator
token (`custom:tenant` = `*`, role admin: the admin API for every tenant);
`POST /dev/token {"tenant", "teams", "roles"?}` issues more, also for tenants added
while the stack runs. The front checks a token and passes the same claims shape.
"""
from __future__ import annotations

import hmac
import re
import secrets
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml

from core.errors import InvalidInput
from balie_local.template_resources import REPO_ROOT

TENANTS_DIR = REPO_ROOT / "tenants"
OPERATOR = "*"  # custom:tenant of the operator's account (core.staff.PLATFORM)
ROLES = ("kcc", "editor", "admin")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_TEAM = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


def tenant_slugs(tenants_dir: Path = TENANTS_DIR) -> list[str]:
    slugs = []
    for path in sorted(tenants_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        slugs.append(str(data.get("slug") or path.stem) if isinstance(data, dict) else path.stem)
    return slugs


def dev_claims(tenant: str, teams: str = "*", roles: Iterable[str] = ROLES, subject: str | None = None,
               name: str | None = None) -> dict[str, str]:
    """The claims of a dev token: by default a member of staff of `tenant` with every
    team and role (the operator's for tenant `*`); `name` is the display name (Cognito's `name`)."""
    subject = subject or ("dev-operator" if tenant == OPERATOR else f"dev-{tenant}")
    return {
        **({"name": name} if name else {}),
        "sub": subject,
        "cognito:username": subject,
        "custom:tenant": tenant,
        "custom:teams": teams,
        "custom:roles": ",".join(roles),
        "token_use": "id",
        "iss": "balie-local",
    }


class InvalidTokenRequest(InvalidInput):
    """A token request this route refuses (400 invalid_input, as the API's routes)."""


class DevAuth:
    def __init__(self, tokens: Mapping[str, str]):
        self.tokens = dict(tokens)  # tenant -> its default token ("*": the operator's)
        self._claims = {token: dev_claims(tenant) for tenant, token in self.tokens.items()}
        self._lock = threading.Lock()

    @classmethod
    def generate(cls, tenants: list[str] | None = None) -> "DevAuth":
        tenants = tenant_slugs() if tenants is None else tenants
        return cls({tenant: _new_token(tenant) for tenant in [*tenants, OPERATOR]})

    def issue(self, tenant: str, teams: str | list[str], roles: list[str] | None = None,
              name: str | None = None) -> tuple[str, str]:
        """A new token (and its `sub`) for `tenant` with these teams ("*" or a list),
        roles (kcc when absent, as in Cognito) and display name (none when absent).
        Raises `InvalidTokenRequest`."""
        if tenant != OPERATOR and not (isinstance(tenant, str) and _SLUG.match(tenant)):
            raise InvalidTokenRequest("tenant must be a tenant slug (or * for the operator)")
        if teams != "*":
            if not isinstance(teams, list) or not teams or not all(isinstance(t, str) and _TEAM.match(t) for t in teams):
                raise InvalidTokenRequest('teams must be "*" or a non-empty list of team ids')
        if name is not None and not (isinstance(name, str) and 0 < len(name.strip()) <= 80):
            raise InvalidTokenRequest("name must be a display name of 1 to 80 characters")
        roles = ["kcc"] if roles is None else roles
        if not isinstance(roles, list) or not roles or any(role not in ROLES for role in roles):
            raise InvalidTokenRequest(f"roles must be a non-empty list of {', '.join(ROLES)}")
        subject = f"dev-{'operator' if tenant == OPERATOR else tenant}-{secrets.token_hex(3)}"
        token = _new_token(tenant)
        claims = dev_claims(tenant, teams if teams == "*" else ",".join(teams), roles, subject, name and name.strip())
        with self._lock:
            self._claims[token] = claims
        return token, subject

    def claims_for(self, authorization: str | None) -> dict[str, str] | None:
        """Claims for an Authorization header value, or None (the front answers 401)."""
        if not authorization:
            return None
        token = authorization.strip()
        if token.lower().startswith("bearer "):
            token = token[7:].strip()
        with self._lock:
            known = list(self._claims.items())
        for expected, claims in known:
            if hmac.compare_digest(token.encode(), expected.encode()):
                return dict(claims)
        return None

    def header(self, tenant: str) -> dict[str, str]:
        """The Authorization header of `tenant`'s dev token (tests, CLI clients)."""
        return {"authorization": f"Bearer {self.tokens[tenant]}"}


def _new_token(tenant: str) -> str:
    return f"dev-{'operator' if tenant == OPERATOR else tenant}-{secrets.token_urlsafe(18)}"

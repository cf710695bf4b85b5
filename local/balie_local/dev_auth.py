"""Local stand-in for the staff JWT authorizer: one random bearer token per tenant.

In AWS the HttpApi's StaffJwt authorizer validates a Cognito token and API Gateway puts
its claims in `requestContext.authorizer.jwt.claims`. Locally `balie serve` prints one
token per tenants/*.yaml; the front checks it and passes the same claims shape.
"""
from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from pathlib import Path

import yaml

from balie_local.template_resources import REPO_ROOT

TENANTS_DIR = REPO_ROOT / "tenants"


def tenant_slugs(tenants_dir: Path = TENANTS_DIR) -> list[str]:
    slugs = []
    for path in sorted(tenants_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        slugs.append(str(data.get("slug") or path.stem) if isinstance(data, dict) else path.stem)
    return slugs


def dev_claims(tenant: str) -> dict[str, str]:
    """The claims a staff member of `tenant` with access to every team carries."""
    return {
        "sub": f"dev-{tenant}",
        "cognito:username": f"dev-{tenant}",
        "custom:tenant": tenant,
        "custom:teams": "*",
        "token_use": "id",
        "iss": "balie-local",
    }


class DevAuth:
    def __init__(self, tokens: Mapping[str, str]):
        self.tokens = dict(tokens)  # tenant -> token

    @classmethod
    def generate(cls, tenants: list[str] | None = None) -> "DevAuth":
        tenants = tenant_slugs() if tenants is None else tenants
        return cls({tenant: f"dev-{tenant}-{secrets.token_urlsafe(18)}" for tenant in tenants})

    def claims_for(self, authorization: str | None) -> dict[str, str] | None:
        """Claims for an Authorization header value, or None (the front answers 401)."""
        if not authorization:
            return None
        token = authorization.strip()
        if token.lower().startswith("bearer "):
            token = token[7:].strip()
        for tenant, expected in self.tokens.items():
            if hmac.compare_digest(token.encode(), expected.encode()):
                return dev_claims(tenant)
        return None

    def header(self, tenant: str) -> dict[str, str]:
        """The Authorization header of `tenant`'s dev token (tests, CLI clients)."""
        return {"authorization": f"Bearer {self.tokens[tenant]}"}

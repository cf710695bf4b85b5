"""Compiling one tenant's overlay against the shared knowledge base: what `balie kb
build` does for tenants/*.yaml and the tenant-build function does for a tenant
version stored at run time (`core.tenants.TenantBuilder`).

A compiled tenant is its `CompiledFile` (merged intents and settings) plus a matcher
artefact. Matchers are content-addressed: the artefact of a set of training inputs
is named by the SHA-256 of those inputs and of the matcher's code (`matcher_key`),
so the many tenants whose overlay does not change what the matcher learns share one
artefact, and an artefact is trained once, whoever needs it first.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from .compiled import CompiledFile, MatcherRef
from .merge import resolve_tenant, training_examples
from .models import Domain, Intent, OutOfScope, Referral, Tenant

SHARED_FILE = "shared.json"
ARTEFACT_DIR = "matchers"


class SharedBase(BaseModel):
    """The shared knowledge base as the build needs it (`shared.json` next to the compiled
    tenants, in the Lambda package): every intent with its examples, and the
    out-of-scope examples that tune the fallback threshold."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    format: Literal[1] = 1
    intents: dict[str, Intent]
    out_of_scope: OutOfScope | None = None

    def out_of_scope_texts(self) -> list[str]:
        if self.out_of_scope is None:
            return []
        return [*self.out_of_scope.examples.nl, *self.out_of_scope.examples.en]

    def referrals(self) -> list[Referral]:
        return list(self.out_of_scope.referrals) if self.out_of_scope is not None else []

    def domains(self) -> list[Domain]:
        return list(self.out_of_scope.domains) if self.out_of_scope is not None else []


class ArtefactStore(Protocol):
    def get(self, name: str) -> bytes | None:
        """The artefact, or None when nobody made it yet."""

    def put(self, name: str, data: bytes) -> None: ...


Train = Callable[[Sequence[tuple[str, str]], Sequence[str]], bytes]


def matcher_key(examples: Sequence[tuple[str, str]], oos_examples: Sequence[str], code_version: str) -> str:
    """The content address of the matcher these inputs train (with this matcher code)."""
    document = json.dumps([code_version, list(examples), list(oos_examples)], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def artefact_name(key: str) -> str:
    return f"{ARTEFACT_DIR}/{key}.matcher"


def compile_overlay(shared: SharedBase, tenant: Tenant, artefacts: ArtefactStore, train: Train,
                    code_version: str) -> CompiledFile:
    """The tenant's compiled knowledge; its matcher is taken from `artefacts` or trained
    (with `train`) and stored there first. Raises `KnowledgeError` when the overlay does
    not fit the shared base (e.g. a missing slot URL)."""
    intents = resolve_tenant(shared.intents, tenant)
    examples = training_examples(shared.intents, tenant)
    oos = shared.out_of_scope_texts()
    name = artefact_name(matcher_key(examples, oos, code_version))
    data = artefacts.get(name)
    if data is None:
        data = train(examples, oos)
        artefacts.put(name, data)
    return CompiledFile(tenant=tenant, intents=intents,
                        matcher=MatcherRef(file=name, sha256=hashlib.sha256(data).hexdigest()),
                        referrals=shared.referrals(), domains=shared.domains())


def base_tenant_examples(shared: Mapping[str, Intent]) -> list[tuple[str, str]]:
    """The training inputs of a tenant that changes nothing the matcher learns."""
    return [(text, intent_id) for intent_id, intent in shared.items() for text in [*intent.examples.nl, *intent.examples.en]]

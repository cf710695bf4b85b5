"""An in-memory KnowledgeRepository over ready TenantKnowledge objects: for unit
tests, the terminal chat and anything built with `compile_tenant`."""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import NotFound
from .compiled import TenantKnowledge


class StaticKnowledge:
    def __init__(self, knowledge: Iterable[TenantKnowledge]) -> None:
        self._by_slug = {item.slug: item for item in knowledge}

    def get(self, tenant: str) -> TenantKnowledge:
        try:
            return self._by_slug[tenant]
        except KeyError:
            raise NotFound(f"unknown tenant {tenant!r}") from None

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        for slug, item in self._by_slug.items():
            if item.tenant.whatsapp.phone_number_id == phone_number_id:
                return slug
        return None

    def slugs(self) -> list[str]:
        return sorted(self._by_slug)

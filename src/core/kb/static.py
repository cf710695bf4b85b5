"""An in-memory KnowledgeRepository over ready TenantKnowledge objects: for unit
tests, the terminal chat and anything built with `compile_tenant`."""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import NotFound
from ..models import Channel, ChannelAccount
from ..retention import Retention
from .compiled import TenantKnowledge


class OriginsFromSettings:
    """Widget origins and retention read from each tenant's settings (repositories that hold
    every tenant's knowledge anyway)."""

    def get(self, tenant: str) -> TenantKnowledge:
        raise NotImplementedError

    def slugs(self) -> list[str]:
        raise NotImplementedError

    def widget_origins(self, tenant: str) -> list[str]:
        return list(self.get(tenant).tenant.widget_origins)

    def any_widget_origin(self, origin: str) -> bool:
        return any(origin in self.widget_origins(slug) for slug in self.slugs())

    def retention(self, tenant: str) -> Retention | None:
        try:
            return Retention(self.get(tenant).tenant.retention_days)
        except NotFound:
            return None


class StaticKnowledge(OriginsFromSettings):
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

    def tenant_for_messenger(self, account_id: str) -> ChannelAccount | None:
        for slug, item in self._by_slug.items():
            settings = item.tenant.messenger
            if settings.page_id == account_id:
                return ChannelAccount(slug, Channel.MESSENGER)
            if settings.instagram_account_id == account_id:
                return ChannelAccount(slug, Channel.INSTAGRAM)
        return None

    def slugs(self) -> list[str]:
        return sorted(self._by_slug)

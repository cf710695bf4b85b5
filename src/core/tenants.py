"""Tenants as data: a gemeente is a stored document, not infrastructure.

Publishing one (`TenantAdmin.put`, the admin API and `balie tenant put`) validates the
document, stores it as the tenant's next immutable version and asks for a build. The
build (`TenantBuilder.build`, the SQS-triggered tenant-build function) compiles that
version against the shared knowledge base (core.kb.build: merged intents, a matcher
artefact, trained only when no artefact of the same inputs exists), stores the result
with the version and switches the tenant's live pointer to it, never back to an older
version. Editors publishing a knowledge-base overlay (issue 17) go the same way:
"compile tenant overlay version N, store the artefact, switch the live pointer".

Functions read tenants through `TenantCatalogue` (a `KnowledgeRepository`): the
directory of live versions (one small item) is read at most once per container per
cache period, a tenant's compiled version once per version, a matcher artefact once per
container when it first classifies. A chat turn therefore adds no read of its own.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import Field, ValidationError

from .clock import Clock, now
from .errors import Forbidden, InvalidInput, NotFound
from .kb.build import ArtefactStore, SharedBase, compile_overlay
from .kb.compiled import CompiledFile, MatcherOnFirstUse, TenantKnowledge, checked, knowledge_from
from .kb.merge import KnowledgeError
from .kb.models import IntentOverride, Tenant
from .models import ChannelAccount, Model
from .retention import Retention

if TYPE_CHECKING:
    from .staff import StaffIdentity

log = logging.getLogger(__name__)

CACHE_SECONDS = 30.0  # a change is live for residents within this long
CATALOGUE_CAPACITY = 512  # compiled tenants one container keeps (the Netherlands has 342 gemeenten)
UNKNOWN_RETRY_SECONDS = 1.0  # an unknown slug re-reads the directory at most this often
MAX_PROBLEMS_SHOWN = 10


class VersionStatus(StrEnum):
    BUILDING = "building"
    LIVE = "live"
    FAILED = "failed"  # the document does not fit the shared base: `error` says why
    SUPERSEDED = "superseded"  # was live, or built after a newer version went live


class TenantVersion(Model):
    slug: str
    version: int
    status: VersionStatus = VersionStatus.BUILDING
    created_at: datetime
    created_by: str
    error: str | None = None
    matcher: str | None = None  # the artefact the compiled version uses


class DirectoryEntry(Model):
    """What every function must know of a live tenant without loading it."""

    version: int
    whatsapp: str | None = None  # the WhatsApp phone-number id it answers on
    page: str | None = None  # the Facebook Page it answers on in Messenger
    instagram: str | None = None  # the Instagram professional account it answers on
    origins: list[str] = Field(default_factory=list)  # its widget pages (CORS)
    shares_answers: bool = False  # Tenant.share_answers: other editors may see its answers (core.editor)
    # Tenant.retention_days, and what a shorter retention of an earlier version ended (core.retention);
    # None: a directory written before versions recorded it (the stored expiry alone decides).
    retention_days: int | None = None
    expired_before: int = 0

    def retention(self) -> Retention | None:
        return Retention(self.retention_days, self.expired_before) if self.retention_days is not None else None


class TenantDirectory(Model):
    """The live version of every tenant: one item, read once per cache period."""

    revision: int = 0  # changes with every switch (optimistic writes)
    tenants: dict[str, DirectoryEntry] = Field(default_factory=dict)

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        return next((slug for slug, entry in self.tenants.items() if entry.whatsapp == phone_number_id), None)

    def tenant_for_messenger(self, account_id: str) -> ChannelAccount | None:
        return ChannelAccount.find(account_id, ((slug, entry.page, entry.instagram)
                                                for slug, entry in self.tenants.items()))

    def messenger_owners(self, tenant: Tenant) -> dict[str, str]:
        """The tenant's Messenger settings (`page_id`, `instagram_account_id`) whose id
        another live tenant answers on already, with that tenant's slug."""
        owners: dict[str, str] = {}
        for setting in ("page_id", "instagram_account_id"):
            account = getattr(tenant.messenger, setting)
            owner = self.tenant_for_messenger(account) if account else None
            if owner is not None and owner.tenant != tenant.slug:
                owners[setting] = owner.tenant
        return owners


@dataclass(frozen=True)
class Switch:
    live: bool  # False: the same or a newer version was live already
    replaced: DirectoryEntry | None = None  # the version it replaced (None: a new tenant)


class TenantRegistry(Protocol):
    def add_version(self, tenant: Tenant, by: str, at: datetime) -> TenantVersion:
        """Store the document as the tenant's next version (status building)."""

    def version(self, slug: str, number: int) -> TenantVersion | None: ...

    def versions(self, slug: str) -> list[TenantVersion]:
        """The tenant's versions, newest first (at most the last 20)."""

    def source(self, slug: str, number: int) -> Tenant | None: ...

    def save_compiled(self, slug: str, number: int, compiled: CompiledFile) -> None: ...

    def compiled(self, slug: str, number: int) -> CompiledFile | None: ...

    def set_status(self, slug: str, number: int, status: VersionStatus, error: str | None = None) -> None: ...

    def directory(self) -> TenantDirectory: ...

    def switch(self, slug: str, entry: DirectoryEntry) -> "Switch":
        """Make `entry` the tenant's live version, unless the same or a newer version
        is live already."""


class BuildQueue(Protocol):
    def request(self, slug: str, version: int) -> None:
        """Ask the tenant-build function to build this version. Raises `ServiceUnavailable`."""


def train_artefact(examples: Sequence[tuple[str, str]], oos_examples: Sequence[str]) -> bytes:
    """A matcher artefact trained on these inputs (numpy, seconds: the build function only)."""
    from .matcher import train_knowledge_base

    return train_knowledge_base(examples, oos_examples).to_bytes()


def _describe(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(document)"


# The parts of a shared intent's override the knowledge-base editor writes (core.editor.drafts.apply_draft).
_EDITORS_FIELDS = ("answer", "links", "extra_examples", "followups", "details", "detail_followups", "detail_links")


def _editors_part(tenant: Tenant, intent_id: str) -> tuple[Any, ...]:
    """What the knowledge-base editor changes of one intent (core.editor.drafts.apply_draft):
    on or off, a gemeente-own intent, or a shared one's answer, links, extra examples, follow-up
    answers and detail answers. The rest of an override (urls, after_hours, variants, team) is the
    administrator's."""
    own = next((intent for intent in tenant.extra_intents if intent.id == intent_id), None)
    override = tenant.intent_overrides.get(intent_id) or IntentOverride()
    return (intent_id in tenant.disabled_intents, own,
            None if own else tuple(getattr(override, name) for name in _EDITORS_FIELDS))


def with_editors_part(tenant: Tenant, intent_id: str, source: Tenant) -> Tenant:
    """`tenant` with `source`'s editor-managed part of one intent (see `_editors_part`); the
    administrator's part of it (urls, after_hours, variants, team) stays `tenant`'s."""
    disabled = [other for other in tenant.disabled_intents if other != intent_id]
    if intent_id in source.disabled_intents:
        disabled.append(intent_id)
    own = [intent for intent in source.extra_intents if intent.id == intent_id]
    extra = [intent for intent in tenant.extra_intents if intent.id != intent_id] + own
    overrides = dict(tenant.intent_overrides)
    theirs = source.intent_overrides.get(intent_id) or IntentOverride()
    mine = (overrides.get(intent_id) or IntentOverride()).model_copy(update={
        name: getattr(theirs, name) for name in _EDITORS_FIELDS})
    if own or mine == IntentOverride():
        overrides.pop(intent_id, None)
    else:
        overrides[intent_id] = mine
    return tenant.model_copy(update={"intent_overrides": overrides, "disabled_intents": disabled,
                                     "extra_intents": extra})


@dataclass
class TenantAdmin:
    """The admin API's use cases. Role `admin`; the operator (`custom:tenant` `*`) may
    add and change any tenant, a gemeente's own admin only its own."""

    registry: TenantRegistry
    builds: BuildQueue
    shared: Callable[[], SharedBase]
    clock: Clock = now
    # The topics the tenant's editors published changes to (core.editor's audit trail): their
    # editor-managed part is the editors' from then on (`put`).
    editors_topics: Callable[[str], frozenset[str]] = lambda slug: frozenset()

    def put(self, who: StaffIdentity, slug: str, document: Any, replace_knowledge: bool = False) -> "TenantPut":
        """`document` becomes the next version. For the topics the tenant's editors published, the
        editor-managed part (answer, links, follow-up and detail answers, examples, on/off, an own topic) stays the current
        version's unless `replace_knowledge`: an administrator changing opening hours in an older
        copy of the file would otherwise take the editors' published answers offline without a
        word. The result names those topics where the document said otherwise (`kept_from_editors`)."""
        self._may_administer(who, slug)
        if not isinstance(document, Mapping):
            raise InvalidInput("The body must be a tenant document (a JSON object).")
        try:
            tenant = Tenant.model_validate(document)
        except ValidationError as error:
            problems = [f"{_describe(tuple(d['loc']))}: {d['msg']}" for d in error.errors(include_input=False, include_url=False)]
            raise InvalidInput("; ".join(problems[:MAX_PROBLEMS_SHOWN])) from None
        if tenant.slug != slug:
            raise InvalidInput(f"slug: the document is {tenant.slug!r}, the path {slug!r}.")
        kept: list[str] = []
        if not replace_knowledge:
            tenant, kept = self._with_editors_work(tenant)
        # Here, not at import: every function reads tenants through this module, only the
        # admin API checks a document (core.kb.checks and core.staff stay out of a chat cold start).
        from .kb.checks import tenant_problems

        shared = self.shared()
        phone = tenant.whatsapp.phone_number_id
        directory = self.registry.directory()
        owner = directory.tenant_for_whatsapp(phone) if phone else None
        errors = [problem for problem in tenant_problems(
            shared.intents, tenant, out_of_scope=shared.out_of_scope.examples if shared.out_of_scope else None,
            whatsapp_owner=owner if owner not in (None, slug) else None,
            messenger_owners=directory.messenger_owners(tenant)) if problem.severity == "error"]
        if errors:
            shown = "; ".join(f"{_describe(problem.loc)}: {problem.message}" for problem in errors[:MAX_PROBLEMS_SHOWN])
            more = f" (and {len(errors) - MAX_PROBLEMS_SHOWN} more)" if len(errors) > MAX_PROBLEMS_SHOWN else ""
            raise InvalidInput(shown + more)
        version = self.registry.add_version(tenant, who.subject, self.clock())
        self.builds.request(slug, version.version)
        return TenantPut(**version.model_dump(), kept_from_editors=kept)

    def status(self, who: StaffIdentity, slug: str, with_document: bool = False) -> "TenantStatus":
        """The live version and the last versions; `with_document`: also the current document (what
        the next version starts from, editors' publishes included), to change and put again."""
        self._may_administer(who, slug)
        versions = self.registry.versions(slug)
        if not versions:
            raise NotFound(f"There is no tenant {slug!r}.")
        entry = self.registry.directory().tenants.get(slug)
        current = self._current(slug, versions) if with_document else None
        return TenantStatus(slug=slug, live_version=entry.version if entry else None, versions=versions,
                            document_version=current[0] if current else None,
                            document=current[1].model_dump(mode="json", exclude_defaults=True) if current else None)

    def _current(self, slug: str, versions: Sequence[TenantVersion]) -> tuple[int, Tenant] | None:
        """The newest version that did not fail and its document: what editors publish onto."""
        base = next((version for version in versions if version.status != VersionStatus.FAILED), None)
        source = self.registry.source(slug, base.version) if base else None
        return (base.version, source) if base and source else None

    def _with_editors_work(self, tenant: Tenant) -> tuple[Tenant, list[str]]:
        """`tenant` with the editors' part of every topic they published taken from the current
        version, and those topics where `tenant` had it otherwise."""
        topics = self.editors_topics(tenant.slug)
        current = self._current(tenant.slug, self.registry.versions(tenant.slug)) if topics else None
        if current is None:
            return tenant, []  # the knowledge base is the administrators' file alone
        source = current[1]
        kept = sorted(topic for topic in topics if _editors_part(source, topic) != _editors_part(tenant, topic))
        for topic in kept:
            tenant = with_editors_part(tenant, topic, source)
        return tenant, kept

    def list(self, who: StaffIdentity) -> list["TenantSummary"]:
        who.require_role("admin")
        live = self.registry.directory().tenants
        slugs = sorted(live) if who.is_platform else [who.tenant] if who.tenant in live else []
        return [TenantSummary(slug=slug, live_version=live[slug].version) for slug in slugs]

    @staticmethod
    def _may_administer(who: StaffIdentity, slug: str) -> None:
        who.require_role("admin")
        if not who.is_platform and who.tenant != slug:
            raise Forbidden("You administer another municipality.")


class TenantPut(TenantVersion):
    """A stored version, and the topics whose editor-managed part it kept from the editors where
    the document said otherwise."""

    kept_from_editors: list[str] = Field(default_factory=list)


class TenantStatus(Model):
    slug: str
    live_version: int | None
    versions: list[TenantVersion]
    # Asked for (`?document=true`): the current document in the tenant file's format, and its version.
    document_version: int | None = None
    document: dict[str, Any] | None = None


class TenantSummary(Model):
    slug: str
    live_version: int


@dataclass
class TenantBuilder:
    """The tenant-build function's use case: one requested version -> compiled, stored,
    live. Idempotent: a version that is no longer building is left as it is, so a
    redelivered request changes nothing."""

    registry: TenantRegistry
    artefacts: ArtefactStore
    shared: Callable[[], SharedBase]
    code_version: Callable[[], str]
    train: Callable[[Sequence[tuple[str, str]], Sequence[str]], bytes] = train_artefact
    clock: Clock = now  # when a version's retention replaces the live one's

    def build(self, slug: str, number: int) -> TenantVersion | None:
        version = self.registry.version(slug, number)
        if version is None:
            log.error("build of unknown tenant version %s/%s dropped", slug, number)
            return None
        if version.status != VersionStatus.BUILDING:
            return version
        tenant = self.registry.source(slug, number)
        assert tenant is not None  # stored with the version
        stored = self.registry.compiled(slug, number)  # a rollback's, or a build that stopped after saving it
        try:
            compiled = stored or compile_overlay(self.shared(), tenant, self.artefacts, self.train, self.code_version())
        except KnowledgeError as error:
            return self._finish(version, VersionStatus.FAILED, str(error))
        data = self.artefacts.get(compiled.matcher.file)
        assert data is not None  # compile_overlay found or made it
        self.artefacts.put(compiled.matcher.file, data)  # durable where every function can read it
        if stored is None:  # never written back: newer code's fields this code ignored would be lost
            self.registry.save_compiled(slug, number, compiled)
        phone = tenant.whatsapp.phone_number_id
        directory = self.registry.directory()
        owner = directory.tenant_for_whatsapp(phone) if phone else None
        if owner not in (None, slug):
            return self._finish(version, VersionStatus.FAILED, f"phone_number_id {phone} is used by tenant {owner!r}")
        for setting, other in directory.messenger_owners(tenant).items():
            return self._finish(version, VersionStatus.FAILED,
                                f"{setting} {getattr(tenant.messenger, setting)} is used by tenant {other!r}")
        live = directory.tenants.get(slug)
        replaced = live.retention() if live is not None else None
        retention = (replaced.replaced_at(self.clock(), tenant.retention_days) if replaced is not None
                     else Retention(tenant.retention_days))
        switch = self.registry.switch(slug, DirectoryEntry(
            version=number, whatsapp=phone, page=tenant.messenger.page_id,
            instagram=tenant.messenger.instagram_account_id, origins=list(tenant.widget_origins),
            shares_answers=tenant.share_answers, retention_days=retention.days,
            expired_before=retention.expired_before))
        if not switch.live:
            return self._finish(version, VersionStatus.SUPERSEDED, "a newer version went live first")
        if switch.replaced is not None:
            self.registry.set_status(slug, switch.replaced.version, VersionStatus.SUPERSEDED)
        return self._finish(version, VersionStatus.LIVE, None, matcher=compiled.matcher.file)

    def _finish(self, version: TenantVersion, status: VersionStatus, error: str | None,
                matcher: str | None = None) -> TenantVersion:
        self.registry.set_status(version.slug, version.version, status, error)
        if status == VersionStatus.FAILED:
            log.warning("tenant %s version %s failed to build: %s", version.slug, version.version, error)
        return version.model_copy(update={"status": status, "error": error, "matcher": matcher or version.matcher})


@dataclass
class _Loaded:
    version: int
    knowledge: TenantKnowledge


@dataclass
class TenantCatalogue:
    """The `KnowledgeRepository` of every function: live tenants from the registry,
    cached per container. The directory is re-read when it is older than
    `cache_seconds` (or, at most once per second, for a slug it does not know yet: a
    tenant added a moment ago); a tenant is reloaded only when its live version changed.
    Tenants without examples of their own share one matcher (one artefact, one object)."""

    registry: TenantRegistry
    artefacts: ArtefactStore
    cache_seconds: float = CACHE_SECONDS
    capacity: int = CATALOGUE_CAPACITY
    monotonic: Callable[[], float] = time.monotonic
    _directory: TenantDirectory | None = None
    _read_at: float = float("-inf")
    _tenants: "OrderedDict[str, _Loaded]" = field(default_factory=OrderedDict)
    _matchers: dict[str, MatcherOnFirstUse] = field(default_factory=dict)
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def _current(self, wanted: str | None = None) -> TenantDirectory:
        with self._lock:
            age = self.monotonic() - self._read_at
            stale = self._directory is None or age >= self.cache_seconds
            unknown = (wanted is not None and self._directory is not None and wanted not in self._directory.tenants
                       and age >= UNKNOWN_RETRY_SECONDS)
            if stale or unknown:
                self._directory = self.registry.directory()
                self._read_at = self.monotonic()
            assert self._directory is not None
            return self._directory

    def get(self, tenant: str) -> TenantKnowledge:
        entry = self._current(tenant).tenants.get(tenant)
        if entry is None:
            raise NotFound(f"unknown tenant {tenant!r}")
        with self._lock:
            loaded = self._tenants.get(tenant)
            if loaded is not None and loaded.version == entry.version:
                self._tenants.move_to_end(tenant)
                return loaded.knowledge
        compiled = self.registry.compiled(tenant, entry.version)
        if compiled is None:
            raise NotFound(f"tenant {tenant!r} version {entry.version} is not compiled")
        knowledge = knowledge_from(compiled, self._matcher(compiled))
        with self._lock:
            self._tenants[tenant] = _Loaded(entry.version, knowledge)
            self._tenants.move_to_end(tenant)
            while len(self._tenants) > self.capacity:
                self._tenants.popitem(last=False)
        return knowledge

    def _matcher(self, compiled: CompiledFile) -> MatcherOnFirstUse:
        ref = compiled.matcher
        with self._lock:
            matcher = self._matchers.get(ref.sha256)
            if matcher is None:
                def read(compiled: CompiledFile = compiled) -> bytes:
                    data = self.artefacts.get(compiled.matcher.file)
                    if data is None:
                        raise NotFound(f"matcher artefact {compiled.matcher.file} is missing")
                    return checked(compiled, data)

                matcher = self._matchers[ref.sha256] = MatcherOnFirstUse(read)
            return matcher

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        return self._current().tenant_for_whatsapp(phone_number_id)

    def tenant_for_messenger(self, account_id: str) -> ChannelAccount | None:
        return self._current().tenant_for_messenger(account_id)

    def slugs(self) -> list[str]:
        return sorted(self._current().tenants)

    def retention(self, tenant: str) -> Retention | None:
        """The tenant's retention now, from the directory (no tenant is loaded); None when unknown."""
        entry = self._current(tenant).tenants.get(tenant)
        return entry.retention() if entry is not None else None

    def widget_origins(self, tenant: str) -> list[str]:
        """The tenant's widget pages, from the directory (no tenant is loaded)."""
        entry = self._current(tenant).tenants.get(tenant)
        if entry is None:
            raise NotFound(f"unknown tenant {tenant!r}")
        return list(entry.origins)

    def any_widget_origin(self, origin: str) -> bool:
        """Whether some tenant embeds its widget on `origin` (a preflight names no tenant)."""
        return any(origin in entry.origins for entry in self._current().tenants.values())

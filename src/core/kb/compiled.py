"""The compiled knowledge of one tenant: what the engine reads at run time.

A tenant compiles (core.kb.build) into a `CompiledFile` (the merged knowledge and
settings) and a matcher artefact named in it (`matcher.file`, content-addressed, with
its SHA-256, so a stale pair is caught on load). `balie kb build` writes
`<slug>.json` per tenant, the artefacts under `matchers/` and an `index.json` listing
the tenants and their WhatsApp, Facebook Page and Instagram ids; at run time tenants come from the
table (adapters.dynamodb_tenants) and their artefacts from the package or S3.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from ..errors import NotFound
from ..models import ChannelAccount
from .models import Domain, Followups, Referral, SlotSpec, Team, Tenant, Term, Text
from .phrases import KeyWords, names_any

if TYPE_CHECKING:  # the matcher is only needed to load an artefact, not to import this module
    from ..matcher import Matcher

FORMAT_VERSION = 1
INDEX_FILE = "index.json"

_Derived = TypeVar("_Derived")

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class _Frozen(BaseModel):
    # defer_build: a model's validator is built when first used, so a Lambda handler
    # builds only the models its invocation needs (cold start), not all at import.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ResolvedLink(_Frozen):
    """A link as the resident sees it: the tenant's slot is already filled in.
    A URL may still hold `{name}` placeholders that a guided flow fills."""

    title: Text
    url: str

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(_PLACEHOLDER.findall(self.url))

    def filled(self, values: Mapping[str, str]) -> "ResolvedLink":
        """The link with `{name}` placeholders replaced by URL-encoded values;
        unknown placeholders stay as they are."""

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            return quote(str(values[name]), safe="") if name in values else match.group(0)

        return ResolvedLink(title=self.title, url=_PLACEHOLDER.sub(substitute, self.url))


class ResolvedFlowDone(_Frozen):
    text: Text
    links: list[ResolvedLink] = Field(default_factory=list)


class ResolvedFlow(_Frozen):
    """A guided flow: ask the slots in order, then answer with `done`."""

    slots: list[SlotSpec]
    done: ResolvedFlowDone


class ResolvedVariant(_Frozen):
    """An intent's answer for one detail (`DETAIL_KINDS`), links resolved, and the detail's own
    follow-up answers (`Variant.followups`)."""

    answer: Text
    links: list[ResolvedLink] = Field(default_factory=list)
    followups: Followups = Field(default_factory=Followups)


class ResolvedDetail(_Frozen):
    """A detail of one topic (`details:`), links resolved, and its own follow-up answers (`Detail.followups`)."""

    name: str
    words: list[str]
    answer: Text
    links: list[ResolvedLink] = Field(default_factory=list)
    followups: Followups = Field(default_factory=Followups)
    named_alone: bool = False  # its words name the topic on their own (`Detail.named_alone`)
    # tenant facts said after its answer (`Detail.facts`)
    facts: list[Literal["opening_hours", "phone"]] = Field(default_factory=list)


class ResolvedAfterHours(_Frozen):
    """Who helps with a topic while the gemeente is closed (`AfterHours`), links resolved."""

    answer: Text
    links: list[ResolvedLink] = Field(default_factory=list)


class ResolvedIntent(_Frozen):
    id: str
    kind: Literal["topic", "system"]
    team: str  # the intent's team, the tenant's override, or the tenant's default team
    domain: str | None = None  # the broad domain it belongs to (`TenantKnowledge.domains`)
    handover: bool = False
    title: Text
    answer: Text
    links: list[ResolvedLink] = Field(default_factory=list)
    followups: Followups = Field(default_factory=Followups)
    variants: dict[str, ResolvedVariant] = Field(default_factory=dict)  # detail kind -> answer
    details: list[ResolvedDetail] = Field(default_factory=list)  # this topic's own details
    facts: list[Literal["opening_hours", "phone"]] = Field(default_factory=list)
    term: Term | None = None  # a legal term from the event the topic is about (`Term`)
    flow: ResolvedFlow | None = None
    after_hours: ResolvedAfterHours | None = None
    tenant_only: bool = False  # defined in the tenant file, not in the shared base

    def detail_for(self, text: str) -> ResolvedDetail | None:
        """The first of this topic's own details that `text` names (read for the current topic and the matcher's
        guesses on most turns, and most messages name none: a key word of each detail phrase is looked up first)."""
        details, keys = self._details_key_words
        if details is not self.details:  # a copy with other details (`model_copy`) reads its own
            keys = _key_words_of(self.details)
        if not keys.in_text(text):
            return None
        return next((detail for detail in self.details if names_any(text, detail.words)), None)

    @cached_property
    def _details_key_words(self) -> tuple[list[ResolvedDetail], KeyWords]:
        """The key words of this topic's detail phrases (`KeyWords`), read once, with the list they were read from."""
        return self.details, _key_words_of(self.details)


def _key_words_of(details: list[ResolvedDetail]) -> KeyWords:
    return KeyWords.of(phrase for detail in details for phrase in detail.words)


@dataclass(frozen=True)
class TenantKnowledge:
    """Everything the engine needs to know about one municipality."""

    tenant: Tenant
    intents: dict[str, ResolvedIntent]
    matcher: "Matcher"
    referrals: tuple[Referral, ...] = ()  # where to go for matters out of scope
    domains: tuple[Domain, ...] = ()  # the broad words of the gemeente's own domains
    # What `derived` built from this knowledge, by its builder: lives and goes with this object.
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def slug(self) -> str:
        return self.tenant.slug

    def derived(self, build: "Callable[[TenantKnowledge], _Derived]") -> "_Derived":
        """`build(self)`, built on first use and kept with this knowledge: data the dialogue reads on every
        turn from the whole knowledge base (which words name which topics), derived once per loaded
        knowledge instead of once per turn. A knowledge object is never changed after loading; an edited
        tenant is a new object with nothing derived yet. Two threads building at once both get an equal
        value."""
        try:
            return self._derived[build]
        except KeyError:
            return self._derived.setdefault(build, build(self))

    def intent(self, intent_id: str) -> ResolvedIntent:
        try:
            return self.intents[intent_id]
        except KeyError:
            raise NotFound(f"intent {intent_id!r} is not enabled for tenant {self.tenant.slug!r}") from None

    def team(self, team_id: str | None) -> Team:
        """The team's contact details; unknown or missing ids fall back to the default team."""
        return self.tenant.teams.get(team_id or "", self.tenant.teams[self.tenant.default_team])

    def referral_for(self, text: str) -> Referral | None:
        """The first referral whose words `text` names (read on most turns, and most messages name none: a key word
        of each referral phrase is looked up first)."""
        if not self.derived(_referrals_key_words).in_text(text):
            return None
        return next((referral for referral in self.referrals if names_any(text, referral.words)), None)

    def domain_named(self, text: str) -> Domain | None:
        """The first domain whose words `text` names, when the tenant has topics in it."""
        if not self.derived(_domains_key_words).in_text(text):
            return None
        return next((domain for domain in self.domains
                     if names_any(text, domain.words) and self.domain_topics(domain.id)), None)

    def domain_topics(self, domain_id: str) -> list[str]:
        """The ids of the topics of a domain, in the knowledge base's order."""
        return [intent.id for intent in self.intents.values() if intent.kind == "topic" and intent.domain == domain_id]


def _referrals_key_words(knowledge: TenantKnowledge) -> KeyWords:
    return KeyWords.of(phrase for referral in knowledge.referrals for phrase in referral.words)


def _domains_key_words(knowledge: TenantKnowledge) -> KeyWords:
    return KeyWords.of(phrase for domain in knowledge.domains for phrase in domain.words)


class MatcherRef(_Frozen):
    file: str
    sha256: str


class CompiledFile(_Frozen):
    """The on-disk form of a TenantKnowledge without its matcher."""

    format: Literal[1] = FORMAT_VERSION
    tenant: Tenant
    intents: dict[str, ResolvedIntent]
    matcher: MatcherRef
    referrals: list[Referral] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    # The fields `read_compiled` left out (paths such as "intents.paspoort.variants.status.followups"):
    # a document compiled by newer code, which must not be written back as if it were whole.
    _ignored_fields: tuple[str, ...] = PrivateAttr(default=())

    @property
    def ignored_fields(self) -> tuple[str, ...]:
        return self._ignored_fields


def read_compiled(document: bytes | str) -> CompiledFile:
    """Stored compiled knowledge, forward-compatible: fields this code does not know are
    left out instead of refused. In a rolling deploy, functions of the old version read what
    the new version compiled (the package's files, a tenant's `compiledDoc`); what people write
    (tenant files, the editor's drafts, `balie kb check`) is still validated strictly by the
    same models. Any other error is still raised."""
    try:
        return CompiledFile.model_validate_json(document)
    except ValidationError as error:
        unknown = [entry["loc"] for entry in error.errors() if entry["type"] == "extra_forbidden"]
        if not unknown or len(unknown) < error.error_count():
            raise
        data = json.loads(document)
        for location in unknown:
            *parents, name = location
            owner = data
            for key in parents:
                owner = owner[key]
            del owner[name]
    compiled = CompiledFile.model_validate(data)
    compiled._ignored_fields = tuple(".".join(str(key) for key in location) for location in unknown)
    return compiled


class IndexEntry(_Frozen):
    whatsapp_phone_number_id: str | None = None
    messenger_page_id: str | None = None
    instagram_account_id: str | None = None


class CompiledIndex(_Frozen):
    format: Literal[1] = FORMAT_VERSION
    tenants: dict[str, IndexEntry]

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        for slug, entry in self.tenants.items():
            if entry.whatsapp_phone_number_id == phone_number_id:
                return slug
        return None

    def tenant_for_messenger(self, account_id: str) -> ChannelAccount | None:
        return ChannelAccount.find(account_id, ((slug, entry.messenger_page_id, entry.instagram_account_id)
                                                for slug, entry in self.tenants.items()))


class CorruptArtefact(ValueError):
    """The compiled JSON and the matcher artefact do not belong together."""


def knowledge_file_name(slug: str) -> str:
    return f"{slug}.json"


class MatcherOnFirstUse:
    """A tenant's matcher, built from its artefact when it is first used. Reading a
    tenant's settings (staff API, handover timeouts, WhatsApp settings) then never
    imports numpy nor builds the matcher (about 100 ms of a cold start), nor fetches
    an artefact that is not in the package. `matcher_bytes` is the (checked) artefact
    or a function that reads and checks it. Attribute access (`classify`,
    `threshold`, ...) goes to the built `Matcher`."""

    def __init__(self, matcher_bytes: bytes | Callable[[], bytes]) -> None:
        self._bytes = matcher_bytes
        self._matcher: Matcher | None = None
        self._lock = threading.Lock()

    def get(self) -> "Matcher":
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    from ..matcher import Matcher

                    data = self._bytes() if callable(self._bytes) else self._bytes
                    self._matcher = Matcher.from_bytes(data)
        return self._matcher

    @property
    def built(self) -> bool:
        return self._matcher is not None

    def __getattr__(self, name: str):
        return getattr(self.get(), name)


def checked(compiled: CompiledFile, matcher_bytes: bytes) -> bytes:
    """The artefact, when it is the one `compiled` names; `CorruptArtefact` otherwise."""
    if hashlib.sha256(matcher_bytes).hexdigest() != compiled.matcher.sha256:
        raise CorruptArtefact(
            f"the matcher artefact of {compiled.tenant.slug!r} does not match its JSON; run `balie kb build`"
        )
    return matcher_bytes


def knowledge_from(compiled: CompiledFile, matcher: "Matcher | MatcherOnFirstUse") -> TenantKnowledge:
    return TenantKnowledge(tenant=compiled.tenant, intents=dict(compiled.intents), matcher=matcher,  # type: ignore[arg-type]
                           referrals=tuple(compiled.referrals), domains=tuple(compiled.domains))


def load_knowledge(json_bytes: bytes, matcher_bytes: bytes, *, matcher_on_first_use: bool = False) -> TenantKnowledge:
    """The tenant's knowledge; a matcher artefact that does not belong to the JSON is
    refused here, also when the matcher itself is built on first use."""
    compiled = read_compiled(json_bytes)
    matcher_bytes = checked(compiled, matcher_bytes)
    if matcher_on_first_use:
        return knowledge_from(compiled, MatcherOnFirstUse(matcher_bytes))
    from ..matcher import Matcher

    return knowledge_from(compiled, Matcher.from_bytes(matcher_bytes))


def build_index(tenants: list[Tenant]) -> CompiledIndex:
    return CompiledIndex(
        tenants={
            tenant.slug: IndexEntry(
                whatsapp_phone_number_id=tenant.whatsapp.phone_number_id,
                messenger_page_id=tenant.messenger.page_id,
                instagram_account_id=tenant.messenger.instagram_account_id,
            )
            for tenant in tenants
        }
    )

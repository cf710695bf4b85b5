"""Merging the shared knowledge base with one tenant's overlay.

The result is what one municipality's bot knows: the shared intents minus the
ones it switched off, plus its own intents, with its answers, teams and links
put over the shared ones. Merging never changes its inputs, so one tenant's
overrides cannot leak into another tenant built from the same shared base.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from .compiled import ResolvedAfterHours, ResolvedDetail, ResolvedFlow, ResolvedFlowDone, ResolvedIntent, ResolvedLink, ResolvedVariant
from .models import AfterHours, Detail, Followups, Intent, IntentOverride, LinkSpec, Tenant, Variant, Variants


class KnowledgeError(ValueError):
    """The knowledge base and a tenant do not fit together (`balie kb check` explains why)."""


class MissingSlot(KnowledgeError):
    def __init__(self, tenant: str, intent_id: str, slot: str) -> None:
        super().__init__(f"tenant {tenant!r} has no URL for slot {slot!r} (used by intent {intent_id!r})")
        self.tenant = tenant
        self.intent_id = intent_id
        self.slot = slot


def enabled_intents(shared: Mapping[str, Intent], tenant: Tenant) -> dict[str, Intent]:
    """The tenant's intents before overrides: shared minus disabled plus tenant-only."""
    disabled = set(tenant.disabled_intents)
    intents = {intent_id: intent for intent_id, intent in shared.items() if intent_id not in disabled}
    for extra in tenant.extra_intents:
        if extra.id in shared:
            raise KnowledgeError(f"tenant {tenant.slug!r}: tenant-only intent {extra.id!r} clashes with a shared intent")
        if extra.id not in disabled:  # an editor switched the gemeente's own intent off (core.editor)
            intents[extra.id] = extra
    return intents


def link_specs(intent: Intent, override: IntentOverride | None) -> Iterator[LinkSpec]:
    """Every link of an intent as the tenant shows it (answer links and flow links)."""
    yield from override.links if override and override.links is not None else intent.links
    own = with_own_answers(intent, override)
    for _, variant in own.variants:
        if variant is not None:
            yield from variant.links
    for detail in own.details:
        yield from detail.links
    after_hours = _after_hours(intent, override)
    if after_hours is not None:
        yield from after_hours.links
    if intent.flow:
        yield from intent.flow.done.links


def missing_slots(shared: Mapping[str, Intent], tenant: Tenant) -> list[tuple[str, str]]:
    """(intent id, slot) for every slot an enabled intent uses that the tenant does not define."""
    missing = []
    for intent_id, intent in enabled_intents(shared, tenant).items():
        override = tenant.intent_overrides.get(intent_id)
        for link in link_specs(intent, override):
            if link.slot and slot_url(tenant, override, link.slot) is None:
                missing.append((intent_id, link.slot))
    return missing


def slot_url(tenant: Tenant, override: IntentOverride | None, slot: str) -> str | None:
    """The URL of a slot for one intent: its own override first, then the tenant's."""
    if override and slot in override.urls:
        return override.urls[slot]
    return tenant.urls.get(slot)


def _resolve_link(link: LinkSpec, tenant: Tenant, intent_id: str, override: IntentOverride | None) -> ResolvedLink:
    if link.url is not None:
        return ResolvedLink(title=link.title, url=link.url)
    assert link.slot is not None  # LinkSpec guarantees exactly one target
    url = slot_url(tenant, override, link.slot)
    if url is None:
        raise MissingSlot(tenant.slug, intent_id, link.slot)
    return ResolvedLink(title=link.title, url=url)


def _after_hours(intent: Intent, override: IntentOverride | None) -> AfterHours | None:
    """The tenant's own after-hours contact (its storingsnummer) over the shared one."""
    return override.after_hours if override and override.after_hours is not None else intent.after_hours


def _merge_followups(base: Followups, override: Followups | None) -> Followups:
    if override is None:
        return base
    changed = {kind: text for kind, text in override if text is not None}
    return base.model_copy(update=changed)


def _merge_variants(base: Variants, override: Variants | None) -> Variants:
    if override is None:
        return base
    return base.model_copy(update={kind: variant for kind, variant in override if variant is not None})


def shared_details(intent: Intent, override: IntentOverride | None) -> dict[str, Variant | Detail]:
    """An intent's details by name before the gemeente's own answers (`IntentOverride.details`,
    `.detail_followups`): its variants as the tenant's file has them (`IntentOverride.variants`), then its `details:`."""
    variants = _merge_variants(intent.variants, override.variants if override else None)
    found: dict[str, Variant | Detail] = {kind: variant for kind, variant in variants if variant is not None}
    found.update((detail.name, detail) for detail in intent.details)
    return found


def with_own_answers(intent: Intent, override: IntentOverride | None) -> Intent:
    """The intent with the tenant's own follow-up answers and variants and its own answers and links of details
    and of follow-ups after them (what a resident gets after "wat kost het?", "kwijt in het buitenland" and then
    "kan dat online?"); links are resolved apart."""
    if override is None:
        return intent
    def own(name: str, detail: Variant | Detail) -> Variant | Detail:
        if name not in override.details and name not in override.detail_followups and name not in override.detail_links:
            return detail
        return detail.model_copy(update={
            "answer": override.details.get(name, detail.answer),
            "links": override.detail_links.get(name, detail.links),
            "followups": _merge_followups(detail.followups, override.detail_followups.get(name))})

    variants = _merge_variants(intent.variants, override.variants)
    return intent.model_copy(update={
        "followups": _merge_followups(intent.followups, override.followups),
        "variants": variants.model_copy(update={
            kind: own(kind, variant) for kind, variant in variants if variant is not None}),
        "details": [own(detail.name, detail) for detail in intent.details],
    })


def resolve_intent(intent: Intent, tenant: Tenant, *, tenant_only: bool = False) -> ResolvedIntent:
    override = tenant.intent_overrides.get(intent.id)
    links = override.links if override and override.links is not None else intent.links
    after_hours = _after_hours(intent, override)
    own = with_own_answers(intent, override)
    flow = None
    if intent.flow:
        flow = ResolvedFlow(
            slots=intent.flow.slots,
            done=ResolvedFlowDone(
                text=intent.flow.done.text,
                links=[_resolve_link(link, tenant, intent.id, override) for link in intent.flow.done.links],
            ),
        )
    return ResolvedIntent(
        id=intent.id,
        kind=intent.kind,
        team=(override.team if override and override.team else None) or intent.team or tenant.default_team,
        domain=intent.domain,
        handover=intent.handover,
        title=intent.title,
        answer=override.answer if override and override.answer else intent.answer,
        links=[_resolve_link(link, tenant, intent.id, override) for link in links],
        followups=own.followups,
        variants={
            kind: ResolvedVariant(
                answer=variant.answer,
                links=[_resolve_link(link, tenant, intent.id, override) for link in variant.links],
                followups=variant.followups,
            )
            for kind, variant in own.variants
            if variant is not None
        },
        details=[
            ResolvedDetail(name=detail.name, words=detail.words, answer=detail.answer,
                           links=[_resolve_link(link, tenant, intent.id, override) for link in detail.links],
                           followups=detail.followups, named_alone=detail.named_alone, facts=detail.facts)
            for detail in own.details
        ],
        facts=intent.facts,
        term=intent.term,
        flow=flow,
        after_hours=None if after_hours is None else ResolvedAfterHours(
            answer=after_hours.answer,
            links=[_resolve_link(link, tenant, intent.id, override) for link in after_hours.links]),
        tenant_only=tenant_only,
    )


def resolve_tenant(shared: Mapping[str, Intent], tenant: Tenant) -> dict[str, ResolvedIntent]:
    """The tenant's merged intents. Raises `KnowledgeError` (e.g. `MissingSlot`)."""
    tenant_only = {extra.id for extra in tenant.extra_intents}
    return {
        intent_id: resolve_intent(intent, tenant, tenant_only=intent_id in tenant_only)
        for intent_id, intent in enabled_intents(shared, tenant).items()
    }


def training_examples(shared: Mapping[str, Intent], tenant: Tenant) -> list[tuple[str, str]]:
    """(text, intent id) pairs the tenant's matcher learns from: the examples of
    its enabled intents (both languages) plus the tenant's extra examples."""
    pairs: list[tuple[str, str]] = []
    for intent_id, intent in enabled_intents(shared, tenant).items():
        override = tenant.intent_overrides.get(intent_id)
        extra = override.extra_examples if override and override.extra_examples else None
        for examples in (intent.examples, extra):
            if examples is not None:
                pairs.extend((text, intent_id) for text in [*examples.nl, *examples.en])
    return pairs

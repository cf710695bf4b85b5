"""A draft of the knowledge-base editor and how it changes a tenant document.

A draft holds, per intent an editor touched, the whole wanted state of that intent for
this gemeente (`IntentDraft`): on or off, its own answer and links over the shared ones,
its own answers to follow-up questions and of details, a detail's own links, its extra example questions, or a
whole gemeente-own intent. Applying a draft to the
tenant's newest version (`apply_draft`) rewrites only those intents, so settings an
administrator changed meanwhile (opening hours, teams) are kept.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Literal

from pydantic import Field

from ..kb.models import DetailName, Examples, FollowupKind, Followups, Intent, IntentOverride, LinkSpec, Tenant, Text
from ..models import Model

MAX_LINKS = 10
MAX_EXAMPLES = 200  # per language


class DraftText(Model):
    """A text in Dutch and English that may still be incomplete (the checks say so)."""

    nl: str = ""
    en: str = ""

    def complete(self) -> bool:
        return bool(self.nl.strip() and self.en.strip())

    def text(self, fallback: str = "") -> Text:
        """As a knowledge-base text; a missing language takes the other (previews only)."""
        nl = self.nl.strip() or self.en.strip() or fallback
        en = self.en.strip() or nl
        return Text(nl=nl, en=en)


class DraftLink(Model):
    title: DraftText
    url: str


class IntentDraft(Model):
    """What this gemeente wants of one intent. For a shared intent `answer` and `links`
    are its own over the shared ones (None: the shared ones), `followups` and `details` its
    own answers to a follow-up question ("wat kost het?") and of a detail by name (a variant
    such as kwijt_buitenland, or one of the intent's `details:`; a name left out: the shared
    answer), and `examples` are extra example questions; for its own intent (`own`) they
    are the whole intent."""

    enabled: bool = True
    answer: DraftText | None = None
    links: list[DraftLink] | None = None
    followups: dict[FollowupKind, DraftText] = Field(default_factory=dict)
    details: dict[DetailName, DraftText] = Field(default_factory=dict)
    # Its own answers to a follow-up asked after a detail ("kan dat online?" after a passport stolen abroad).
    detail_followups: dict[DetailName, dict[FollowupKind, DraftText]] = Field(default_factory=dict)
    # Its own links of a detail instead of the detail's shared ones (a name left out: the shared links).
    detail_links: dict[DetailName, list[DraftLink]] = Field(default_factory=dict)
    examples: Examples = Field(default_factory=Examples)
    own: bool = False
    title: DraftText | None = None  # own intents only
    team: str | None = None  # own intents only: the team it hands over to (the default team when None)


class Change(Model):
    """One saved edit: who changed which parts of which intent, when."""

    intent: str
    fields: list[str]
    by: str
    by_name: str | None = None
    at: datetime


class Draft(Model):
    tenant: str
    revision: int = 0  # optimistic writes
    intents: dict[str, IntentDraft] = Field(default_factory=dict)
    changes: list[Change] = Field(default_factory=list)  # since the last publish


AuditAction = Literal["edit", "publish", "rollback"]


class AuditEntry(Model):
    """The editors' audit trail: staff actions only, never resident data, so erasing
    a resident's conversation leaves it whole."""

    action: AuditAction
    at: datetime
    by: str
    by_name: str | None = None
    intent: str | None = None
    fields: list[str] = Field(default_factory=list)
    version: int | None = None
    restored: int | None = None  # rollback: the version whose document came back
    changes: list[Change] = Field(default_factory=list)  # publish: the edits it made live


def published_by_editors(audit: Iterable[AuditEntry]) -> dict[int, AuditEntry]:
    """The tenant versions editors made (a publish or a rollback), by number."""
    return {entry.version: entry for entry in audit if entry.action in ("publish", "rollback") and entry.version is not None}


def published_topics(audit: Iterable[AuditEntry]) -> frozenset[str]:
    """The intents whose changes editors published (their edits in each publish)."""
    return frozenset(change.intent for entry in audit if entry.action == "publish" for change in entry.changes)


def _examples(examples: Examples | None) -> Examples:
    return examples.model_copy(deep=True) if examples is not None else Examples()


def _draft_text(text: Text) -> DraftText:
    return DraftText(nl=text.nl, en=text.en)


def _draft_followups(followups: Followups | None) -> dict[str, DraftText]:
    return {kind: _draft_text(text) for kind, text in followups or () if text is not None}


def _written(texts: Mapping[str, DraftText]) -> dict[str, Text]:
    """The texts an editor wrote (one left empty in both languages is the shared one)."""
    return {name: text.text() for name, text in texts.items() if text.nl or text.en}


def _draft_links(links: list[LinkSpec], urls: Mapping[str, str]) -> list[DraftLink]:
    return [DraftLink(title=DraftText(nl=link.title.nl, en=link.title.en), url=link.url or urls.get(link.slot or "", ""))
            for link in links]


def intent_state(tenant: Tenant, intent_id: str) -> IntentDraft | None:
    """The intent as the tenant document has it (None: not one of its own intents and no
    overlay, or not an intent at all: the caller knows the shared ones)."""
    own = next((intent for intent in tenant.extra_intents if intent.id == intent_id), None)
    enabled = intent_id not in tenant.disabled_intents
    if own is not None:
        return IntentDraft(enabled=enabled, own=True, title=DraftText(**own.title.model_dump()),
                           team=own.team, answer=DraftText(**own.answer.model_dump()),
                           links=_draft_links(own.links, tenant.urls), examples=_examples(own.examples))
    override = tenant.intent_overrides.get(intent_id) or IntentOverride()
    return IntentDraft(
        enabled=enabled,
        answer=DraftText(**override.answer.model_dump()) if override.answer else None,
        links=_draft_links(override.links, {**tenant.urls, **override.urls}) if override.links is not None else None,
        followups=_draft_followups(override.followups),
        details={name: _draft_text(text) for name, text in override.details.items()},
        detail_followups={name: _draft_followups(followups) for name, followups in override.detail_followups.items()},
        detail_links={name: _draft_links(links, {**tenant.urls, **override.urls}) for name, links in override.detail_links.items()},
        examples=_examples(override.extra_examples))


def _link_specs(links: list[DraftLink]) -> list[LinkSpec]:
    return [LinkSpec(title=link.title.text(fallback=link.url), url=link.url) for link in links]


def _own_intent(intent_id: str, state: IntentDraft) -> Intent:
    return Intent(id=intent_id, kind="topic", team=state.team,
                  title=(state.title or DraftText()).text(fallback=intent_id),
                  answer=(state.answer or DraftText()).text(fallback="-"),
                  links=_link_specs(state.links or []), examples=_examples(state.examples))


def apply_draft(tenant: Tenant, draft: Draft | None) -> Tenant:
    """The tenant document with the draft's intents as wanted. Incomplete texts are
    completed from the other language (previews); publishing refuses them first."""
    if draft is None or not draft.intents:
        return tenant
    overrides = {key: value.model_copy(deep=True) for key, value in tenant.intent_overrides.items()}
    disabled = [intent_id for intent_id in tenant.disabled_intents if intent_id not in draft.intents]
    extra = [intent for intent in tenant.extra_intents if intent.id not in draft.intents]
    for intent_id, state in draft.intents.items():
        if not state.enabled:
            disabled.append(intent_id)
        if state.own:
            extra.append(_own_intent(intent_id, state))
            overrides.pop(intent_id, None)
            continue
        override = overrides.get(intent_id) or IntentOverride()
        followups = _written(state.followups)
        override = override.model_copy(update={
            "answer": state.answer.text() if state.answer is not None and (state.answer.nl or state.answer.en) else None,
            "links": _link_specs(state.links) if state.links is not None else None,
            "extra_examples": _examples(state.examples) if state.examples.nl or state.examples.en else None,
            "followups": Followups(**followups) if followups else None,
            "details": _written(state.details),
            "detail_followups": {name: Followups(**own) for name, texts in state.detail_followups.items()
                                 if (own := _written(texts))},
            "detail_links": {name: _link_specs(links) for name, links in state.detail_links.items()},
        })
        if override == IntentOverride():
            overrides.pop(intent_id, None)
        else:
            overrides[intent_id] = override
    return tenant.model_copy(update={"intent_overrides": overrides, "disabled_intents": disabled,
                                     "extra_intents": extra})

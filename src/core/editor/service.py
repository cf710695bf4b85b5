"""The editor's use cases (routes under /v1/staff/kb, role `editor`, own tenant only)
and the draft check the tenant-build function runs.

- `intents` / `intent`: every intent with its effective answer (shared answer plus the
  gemeente's overlay as the draft has it), the difference with the shared answer, what
  residents get now, and the inline checks.
- `put`: the wanted state of one intent into the draft (an overlay of a shared intent or
  a gemeente-own intent); it asks the build function to check the draft when what the
  matcher learns changed (`DraftChecker`: the draft's matcher artefact, trained once and
  content-addressed, so the preview answers with it and publishing finds it ready; and
  an estimate of the accuracy of the draft and of the live version).
- `preview`: the reply the draft would give, from the real dialogue on a conversation
  kept in memory: nothing is stored, counted or sent, and residents never see it.
- `publish`: the draft applied to the tenant's newest version becomes the next version
  (core.tenants: built and switched live by the tenant-build function).
- `versions` / `rollback`: the history with who changed what and when; a rollback
  stores an earlier version's document and compiled knowledge as the next version, so
  the live pointer still only moves forward.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, Protocol

from pydantic import Field

from ..clock import Clock, now
from ..errors import Conflict, Forbidden, InvalidInput, NotFound, Unprocessable
from ..kb.build import ArtefactStore, SharedBase, Train, artefact_name, matcher_key
from ..kb.checks import normalise, tenant_problems
from ..kb.compiled import MatcherOnFirstUse, TenantKnowledge
from ..kb.merge import (KnowledgeError, enabled_intents, resolve_tenant, shared_details, slot_url,
                        training_examples, with_own_answers)
from ..kb.models import Examples, Followups, Intent, IntentOverride, Tenant, Text
from ..models import Channel, InboundMessage, Model, Reply
from ..ports import ConversationStore, KnowledgeRepository
from ..staff import StaffIdentity
from ..tenants import BuildQueue, TenantRegistry, TenantVersion, VersionStatus
from .checks import FOLLOWUP_QUESTIONS, ID_PATTERN, Finding, accuracy_finding, intent_findings, refuse_unsafe
from .drafts import (AuditEntry, Change, Draft, DraftLink, DraftText, IntentDraft, apply_draft, intent_state,
                     published_by_editors)

SAVE_ATTEMPTS = 5
MAX_PREVIEW_HISTORY = 10
MAX_UNANSWERED_GROUPS = 50
HELD_OUT_FOLDS = 5  # one in five example questions is held out of the accuracy estimate's training


class DraftStore(Protocol):
    def get(self, tenant: str) -> Draft | None: ...

    def save(self, draft: Draft, expected_revision: int) -> None:
        """Store the draft; `Conflict` when its stored revision is not `expected_revision`."""

    def add_audit(self, tenant: str, entry: AuditEntry) -> None: ...

    def audit(self, tenant: str) -> list[AuditEntry]:
        """The tenant's audit trail, newest first (at most the last 200 entries)."""

    def quality(self, matcher: str) -> float | None:
        """The estimated accuracy of the matcher these inputs train (by artefact name)."""

    def save_quality(self, matcher: str, accuracy: float) -> None: ...


class DraftChecks(Protocol):
    def request_draft_check(self, tenant: str, revision: int) -> None:
        """Ask the tenant-build function to check the tenant's draft. Raises `ServiceUnavailable`."""


class LinkView(Model):
    title: Text
    url: str | None  # None: the gemeente has no URL for the shared link's slot


class SharedView(Model):
    answer: Text
    links: list[LinkView]
    examples: Examples


class LiveView(Model):
    """What residents get now."""

    enabled: bool
    answer: Text | None
    links: list[LinkView]


class AnswerView(Model):
    answer: Text | None
    links: list[LinkView]


class DiffPart(Model):
    op: Literal["same", "added", "removed"]
    text: str


class IntentSummary(Model):
    id: str
    title: Text
    kind: str
    own: bool
    enabled: bool
    edited: bool  # changed in the draft since the last publish
    overlay: bool  # the gemeente's own answer, links or examples over the shared intent
    answer: Text | None
    extra_examples: int
    errors: int
    warnings: int


class OwnAnswer(Model):
    """A follow-up's or a detail's answer of a shared topic: the dialogue gives it instead of the topic's
    answer when a resident asks that, so the editor sees (and may change) it apart from the answer."""

    key: str  # the follow-up's kind (kosten) or the detail's name (kwijt_buitenland): the key in the draft
    asked: str  # when residents get it, in Dutch
    shared: Text | None  # None: the shared topic has none (the gemeente's own adds it)
    own: DraftText | None  # the gemeente's own as the draft has it (None: the shared one is given)
    note: str | None = None  # when residents do not get this text (the tenant's fees answer the cost)
    followups: list[OwnAnswer] = Field(default_factory=list)  # a detail's: its answers to a follow-up after it
    shared_links: list[LinkView] = Field(default_factory=list)  # a detail's shared links
    own_links: list[DraftLink] | None = None  # a detail's own links as the draft has them (None: the shared ones)


# The details every topic may have (core.kb.models.Variants), as staff read them.
_VARIANT_QUESTIONS = {
    "kwijt_buitenland": "Kwijt of gestolen in het buitenland", "uit_buitenland": "Eerste inschrijving na komst uit het buitenland",
    "emigratie": "Vertrek uit Nederland", "niet_zelf": "Voor iemand die niet zelf kan komen",
    "overlijden": "Na een overlijden", "dier_overleden": "Na de dood van een huisdier",
    "status": "Hoe staat het met mijn aanvraag of melding?"}
_SHOWN_WORDS = 3  # of a detail's words, to name it on the editor page


# core.dialogue.answers: the tenant's fees of a topic answer "wat kost het?" instead of the topic's follow-up text.
_FEES_NOTE = ("Uw gemeente heeft tarieven voor dit onderwerp: op deze vraag noemt de chatbot die bedragen, niet deze "
              "tekst. De tarieven verandert de beheerder van Balie voor uw gemeente.")


def _followup_views(followups: Followups, own: Mapping[str, DraftText], cost_note: str | None = None, *,
                    answered: bool = True) -> list[OwnAnswer]:
    """Each follow-up kind the shared text or the gemeente answers, shared and own (`answered` False: each
    kind neither answers, the ones the gemeente may add)."""
    return [OwnAnswer(key=kind, asked=f"Vervolgvraag \u201c{question}\u201d", shared=getattr(followups, kind),
                      own=own.get(kind), note=cost_note if kind == "kosten" else None)
            for kind, question in FOLLOWUP_QUESTIONS.items()
            if (getattr(followups, kind) is not None or kind in own) == answered]


def _cost_note(intent: Intent, tenant: Tenant) -> str | None:
    return _FEES_NOTE if tenant.fees is not None and bool(tenant.fees.items.get(intent.id)) else None


def followup_answers(intent: Intent, state: IntentDraft, tenant: Tenant) -> list[OwnAnswer]:
    """The topic's follow-up answers."""
    return _followup_views(intent.followups, state.followups, _cost_note(intent, tenant))


def followup_choices(intent: Intent, state: IntentDraft, tenant: Tenant) -> list[OwnAnswer]:
    """The follow-up kinds the topic does not answer yet (neither shared nor own): an editor chooses one
    to give the gemeente's own answer to it (the PUT's `followups` takes every kind of the knowledge format)."""
    return _followup_views(intent.followups, state.followups, _cost_note(intent, tenant), answered=False)


def detail_answers(intent: Intent, tenant: Tenant, state: IntentDraft) -> list[OwnAnswer]:
    """The topic's details (its variants, then its own details) with their shared answers and links and their own
    answers to follow-ups (the topic's answer stands for the kinds a detail leaves out)."""
    words = {detail.name: ", ".join(word.rstrip("*") for word in detail.words[:_SHOWN_WORDS]) for detail in intent.details}
    override = tenant.intent_overrides.get(intent.id)
    return [OwnAnswer(key=name, asked=_VARIANT_QUESTIONS.get(name) or f"Vragen met bijvoorbeeld: {words.get(name, name)}",
                      shared=detail.answer, own=state.details.get(name),
                      followups=_followup_views(detail.followups, state.detail_followups.get(name, {})),
                      shared_links=_link_views(detail.links, tenant, intent.id), own_links=state.detail_links.get(name))
            for name, detail in shared_details(intent, override).items()]


class IntentDetail(Model):
    id: str
    title: Text
    kind: str
    team: str
    own: bool
    enabled: bool
    edited: bool
    shared: SharedView | None
    draft: IntentDraft
    live: LiveView | None
    effective: AnswerView
    difference: dict[str, list[DiffPart]]  # shared answer -> effective answer, per language
    findings: list[Finding]
    # Shared topics: the follow-up and detail answers (a detail with its follow-ups), each shared and the gemeente's own
    # (`draft.followups`, `.details`, `.detail_followups`).
    followup_answers: list[OwnAnswer] = Field(default_factory=list)
    detail_answers: list[OwnAnswer] = Field(default_factory=list)
    followup_choices: list[OwnAnswer] = Field(default_factory=list)  # the kinds not answered yet, to add one


class IntentList(Model):
    live_version: int | None
    base_version: int
    draft_revision: int
    changes: list[Change]
    intents: list[IntentSummary]
    findings: list[Finding]  # about the whole draft (the accuracy estimate)


class PreviewReply(Model):
    reply: Reply
    matcher: Literal["draft", "live"]  # live: the draft's examples are still being learnt
    effects: list[str] = Field(default_factory=list)  # what a resident's turn would have set going


class UnansweredGroup(Model):
    """Similar unanswered questions (redacted), with the intent the current model thinks
    closest (a suggestion for where they belong; None: nothing near)."""

    text: str
    count: int
    questions: list[str]
    suggestion: str | None = None


class OtherAnswer(Model):
    """How another gemeente that shares its answers (`share_answers`) answers this intent."""

    tenant: str
    name: str
    own: bool  # its own intent of the same id (else its answer over the shared one)
    answer: Text


class Published(Model):
    version: int
    status: VersionStatus
    restored: int | None = None


class VersionView(Model):
    version: int
    status: VersionStatus
    live: bool
    created_at: datetime
    created_by: str
    by_name: str | None = None
    action: Literal["publish", "rollback", "admin"]
    restored: int | None = None
    changes: list[Change] = Field(default_factory=list)
    error: str | None = None


class VersionHistory(Model):
    live_version: int | None
    versions: list[VersionView]


def _require_editor(who: StaffIdentity) -> None:
    if who.is_platform:
        raise Forbidden("An operator account has no municipality: sign in as one of its editors.")
    who.require_role("editor")


def _link_views(links: Iterable, tenant: Tenant, intent_id: str) -> list[LinkView]:
    override = tenant.intent_overrides.get(intent_id)
    return [LinkView(title=link.title, url=link.url if link.url is not None else slot_url(tenant, override, link.slot))
            for link in links]


def _draft_link_views(links: list[DraftLink]) -> list[LinkView]:
    return [LinkView(title=link.title.text(fallback=link.url), url=link.url) for link in links]


def difference(before: str, after: str) -> list[DiffPart]:
    """A word-level difference for the editor page (<del>/<ins>)."""
    old, new = before.split(), after.split()
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(DiffPart(op="same", text=" ".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart(op="removed", text=" ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart(op="added", text=" ".join(new[j1:j2])))
    return parts


class _Recorded:
    """The preview's effect dispatcher: a preview hands nobody over and queues no ticket;
    it only tells the editor what a resident's turn would have set going."""

    def __init__(self) -> None:
        self.kinds: list[str] = []

    def dispatch(self, effects: list) -> None:
        self.kinds += [effect.kind for effect in effects]


def _held_out(text: str) -> bool:
    digest = hashlib.sha256(normalise(text).encode("utf-8")).digest()
    return digest[0] % HELD_OUT_FOLDS == 0


def held_out_accuracy(examples: Sequence[tuple[str, str]], oos_examples: Sequence[str]) -> float:
    """The share of held-out example questions (one in five, chosen by the text, so a draft
    and the live version hold out the same shared questions) that a matcher trained on
    the others answers with their own intent."""
    from ..matcher import train
    from ..matcher.matcher import knowledge_base_config

    held = [(text, intent) for text, intent in examples if _held_out(text)]
    learnt = [(text, intent) for text, intent in examples if not _held_out(text)]
    if not held or not learnt:
        return 1.0
    # The knowledge base's own training settings (core.tenants.train_artefact), tuned on the held-out part.
    matcher = train(learnt, oos_examples=oos_examples, validation=held, config=knowledge_base_config())
    return sum(1 for text, intent in held if matcher.classify(text).intent == intent) / len(held)


@dataclass
class _Context:
    """One request's view of the tenant: its newest version, the draft and the shared base."""

    shared: SharedBase
    base: TenantVersion
    source: Tenant
    draft: Draft
    tenant: Tenant  # the source with the draft applied

    def state(self, intent_id: str) -> IntentDraft:
        found = self.draft.intents.get(intent_id)
        if found is not None:
            return found
        state = intent_state(self.source, intent_id)
        assert state is not None
        return state

    def known(self, intent_id: str) -> bool:
        return intent_id in self.shared.intents or any(i.id == intent_id for i in self.tenant.extra_intents)

    def intent(self, intent_id: str) -> Intent:
        found = self.shared.intents.get(intent_id) or next(
            (i for i in self.tenant.extra_intents if i.id == intent_id), None)
        if found is None:
            raise NotFound(f"Er is geen onderwerp {intent_id!r}.")
        return found

    def example_owner(self) -> dict[str, str]:
        owner: dict[str, str] = {}
        for intent_id, intent in enabled_intents(self.shared.intents, self.tenant).items():
            override = self.tenant.intent_overrides.get(intent_id)
            extra = override.extra_examples if override and override.extra_examples else Examples()
            for text in [*intent.examples.nl, *intent.examples.en, *extra.nl, *extra.en]:
                owner.setdefault(normalise(text), intent_id)
        for text in self.shared.out_of_scope_texts():
            owner.setdefault(normalise(text), "_out_of_scope")
        return owner

    def titles(self) -> dict[str, str]:
        titles = {intent_id: intent.title.nl for intent_id, intent in self.shared.intents.items()}
        titles.update({intent.id: intent.title.nl for intent in self.tenant.extra_intents})
        titles["_out_of_scope"] = "buiten de gemeente (geen onderwerp)"
        return titles

    def matcher_name(self, tenant: Tenant, code_version: str) -> str:
        return artefact_name(matcher_key(training_examples(self.shared.intents, tenant),
                                         self.shared.out_of_scope_texts(), code_version))


@dataclass
class KnowledgeEditor:
    registry: TenantRegistry
    drafts: DraftStore
    builds: BuildQueue
    checks: DraftChecks
    shared: Callable[[], SharedBase]
    artefacts: ArtefactStore
    live: KnowledgeRepository  # the tenants residents talk to (the current model's opinion)
    code_version: Callable[[], str]
    clock: Clock = now

    # ---- reading ------------------------------------------------------------------

    def intents(self, who: StaffIdentity) -> IntentList:
        _require_editor(who)
        ctx = self._context(who.tenant)
        owner, titles = ctx.example_owner(), ctx.titles()
        ids = [*ctx.shared.intents, *(i.id for i in ctx.tenant.extra_intents if i.id not in ctx.shared.intents)]
        summaries = []
        for intent_id in ids:
            intent, state = ctx.intent(intent_id), ctx.state(intent_id)
            findings = self._findings(ctx, intent_id, state, owner, titles, model=None)
            effective = state.answer.text() if state.answer is not None and (state.answer.nl or state.answer.en) else (
                None if state.own else intent.answer)
            summaries.append(IntentSummary(
                id=intent_id, title=state.title.text(intent_id) if state.own and state.title else intent.title,
                kind=intent.kind, own=state.own, enabled=state.enabled, edited=intent_id in ctx.draft.intents,
                overlay=not state.own and (state.answer is not None or state.links is not None or bool(
                    state.followups or state.details or state.detail_followups or state.detail_links
                    or state.examples.nl or state.examples.en)),
                answer=effective, extra_examples=len(state.examples.nl) + len(state.examples.en),
                errors=sum(f.severity == "error" for f in findings), warnings=sum(f.severity == "warning" for f in findings)))
        summaries.sort(key=lambda item: (not item.edited, not item.own, item.title.nl.casefold()))
        return IntentList(live_version=self._live_version(who.tenant), base_version=ctx.base.version,
                          draft_revision=ctx.draft.revision, changes=ctx.draft.changes, intents=summaries,
                          findings=self._draft_findings(ctx))

    def intent(self, who: StaffIdentity, intent_id: str) -> IntentDetail:
        _require_editor(who)
        ctx = self._context(who.tenant)
        if not ctx.known(intent_id):
            raise NotFound(f"Er is geen onderwerp {intent_id!r}.")
        return self._detail(ctx, intent_id)

    # ---- editing --------------------------------------------------------------------

    def put(self, who: StaffIdentity, intent_id: str, state: IntentDraft) -> IntentDetail:
        """The wanted state of one intent into the draft. A new id with a title is a
        gemeente-own intent; an unknown id without one is a 404."""
        _require_editor(who)
        refuse_unsafe(state)
        for _ in range(SAVE_ATTEMPTS):
            ctx = self._context(who.tenant)
            shared_intent = ctx.shared.intents.get(intent_id)
            own = shared_intent is None
            if own and not ctx.known(intent_id) and state.title is None:
                raise NotFound(f"Er is geen onderwerp {intent_id!r}. Geef een titel om een eigen onderwerp te maken.")
            if own and not ID_PATTERN.match(intent_id):
                raise InvalidInput("Een eigen onderwerp heeft een naam van kleine letters, cijfers en streepjes "
                                   "(2 tot 63 tekens), bijvoorbeeld 'veerpont'.")
            if shared_intent is not None and shared_intent.kind == "system" and not state.enabled:
                raise InvalidInput("Dit onderwerp hoort bij hoe de chatbot werkt en kan niet uit.")
            _own_answers_fit(intent_id, state, shared_intent, ctx.source.intent_overrides.get(intent_id))
            wanted = state.model_copy(update={"own": own, "title": state.title if own else None,
                                              "team": state.team if own else None})
            before = ctx.state(intent_id) if ctx.known(intent_id) else None
            fields = _changed_fields(before, wanted)
            if not fields:
                return self._detail(ctx, intent_id)
            at = self.clock()
            change = Change(intent=intent_id, fields=fields, by=who.subject, by_name=who.name, at=at)
            if wanted == intent_state(ctx.source, intent_id):
                # Back as published (a mistake undone): out of the draft with its changes, so the draft
                # no longer counts edits that change nothing and "Publiceren" has nothing to publish.
                intents = {key: value for key, value in ctx.draft.intents.items() if key != intent_id}
                changes = [item for item in ctx.draft.changes if item.intent != intent_id]
            else:
                intents, changes = {**ctx.draft.intents, intent_id: wanted}, [*ctx.draft.changes, change]
            draft = ctx.draft.model_copy(update={"revision": ctx.draft.revision + 1, "intents": intents,
                                                 "changes": changes})
            try:
                self.drafts.save(draft, ctx.draft.revision)
            except Conflict:
                continue  # another editor saved meanwhile: apply this edit to theirs
            self.drafts.add_audit(who.tenant, AuditEntry(action="edit", at=at, by=who.subject, by_name=who.name,
                                                         intent=intent_id, fields=fields))
            ctx = self._context(who.tenant)
            if self._needs_check(ctx):
                self.checks.request_draft_check(who.tenant, draft.revision)
            return self._detail(ctx, intent_id)
        raise Conflict("Het concept werd tegelijk door anderen veranderd. Probeer het opnieuw.")

    # ---- preview ----------------------------------------------------------------------

    def preview(self, who: StaffIdentity, message: str, history: Sequence[str] = ()) -> PreviewReply:
        """The reply the draft would give to `message`, after the resident's earlier
        `history` in the same (in-memory) conversation."""
        from ..dialogue.engine import Engine
        from ..kb.static import StaticKnowledge
        from ..memory import InMemoryConversationStore

        _require_editor(who)
        if len(history) > MAX_PREVIEW_HISTORY:
            raise InvalidInput(f"Een voorbeeldgesprek heeft hoogstens {MAX_PREVIEW_HISTORY} eerdere berichten.")
        ctx = self._context(who.tenant)
        try:
            intents = resolve_tenant(ctx.shared.intents, ctx.tenant)
        except KnowledgeError as error:
            raise InvalidInput(f"Het concept past niet bij de gedeelde kennisbank: {error}") from None
        data = self.artefacts.get(ctx.matcher_name(ctx.tenant, self.code_version()))
        matcher = MatcherOnFirstUse(data) if data is not None else self.live.get(who.tenant).matcher
        knowledge = TenantKnowledge(tenant=ctx.tenant, intents=intents, matcher=matcher,  # type: ignore[arg-type]
                                    referrals=tuple(ctx.shared.referrals()), domains=tuple(ctx.shared.domains()))
        effects = _Recorded()
        engine = Engine(store=InMemoryConversationStore(), knowledge=StaticKnowledge([knowledge]), effects=effects,
                        clock=self.clock)
        conversation_id: str | None = None
        reply: Reply | None = None
        for text in [*history, message]:
            reply = engine.handle(InboundMessage(tenant=who.tenant, channel=Channel.WEB, text=text,
                                                 conversation_id=conversation_id))
            conversation_id = reply.conversation_id
        assert reply is not None
        return PreviewReply(reply=reply, matcher="draft" if data is not None else "live", effects=effects.kinds)

    # ---- publishing -------------------------------------------------------------------

    def publish(self, who: StaffIdentity) -> Published:
        _require_editor(who)
        ctx = self._context(who.tenant)
        if not ctx.draft.intents:
            raise InvalidInput("Er is niets veranderd sinds de laatste publicatie.")
        errors = self._publish_errors(ctx)
        if errors:
            shown = " ".join(f"{error}" for error in errors[:10])
            raise InvalidInput(f"Publiceren kan nog niet: {shown}")
        at = self.clock()
        emptied = Draft(tenant=who.tenant, revision=ctx.draft.revision + 1)
        try:
            self.drafts.save(emptied, ctx.draft.revision)  # first: of two editors publishing, one wins
        except Conflict:
            raise Conflict("Het concept is net veranderd of gepubliceerd. Bekijk het en publiceer opnieuw.") from None
        try:
            version = self.registry.add_version(ctx.tenant, who.subject, at)
        except Exception:
            self.drafts.save(ctx.draft.model_copy(update={"revision": emptied.revision + 1}), emptied.revision)
            raise
        self.drafts.add_audit(who.tenant, AuditEntry(action="publish", at=at, by=who.subject, by_name=who.name,
                                                     version=version.version, changes=ctx.draft.changes))
        self.builds.request(who.tenant, version.version)
        return Published(version=version.version, status=version.status)

    def rollback(self, who: StaffIdentity, number: int) -> Published:
        """Version `number`'s document and compiled knowledge become the next version."""
        _require_editor(who)
        old = self.registry.version(who.tenant, number)
        compiled = self.registry.compiled(who.tenant, number)
        source = self.registry.source(who.tenant, number)
        if old is None or source is None:
            raise NotFound(f"Er is geen versie {number}.")
        if compiled is None:
            raise InvalidInput(f"Versie {number} is nooit gebouwd ({old.error or old.status.value}) en kan niet terug.")
        if compiled.ignored_fields:  # copied, they would be lost: compiled by newer code during a deploy
            raise InvalidInput(f"Versie {number} is gemaakt door een nieuwere versie van Balie. "
                               "Probeer het opnieuw als de nieuwe versie overal draait.")
        at = self.clock()
        version = self.registry.add_version(source, who.subject, at)
        self.registry.save_compiled(who.tenant, version.version, compiled)
        self.drafts.add_audit(who.tenant, AuditEntry(action="rollback", at=at, by=who.subject, by_name=who.name,
                                                     version=version.version, restored=number))
        self.builds.request(who.tenant, version.version)
        return Published(version=version.version, status=version.status, restored=number)

    def versions(self, who: StaffIdentity) -> VersionHistory:
        _require_editor(who)
        live = self._live_version(who.tenant)
        actions = published_by_editors(self.drafts.audit(who.tenant))
        views = []
        for version in self.registry.versions(who.tenant):
            entry = actions.get(version.version)
            views.append(VersionView(
                version=version.version, status=version.status, live=version.version == live,
                created_at=version.created_at, created_by=version.created_by,
                by_name=entry.by_name if entry else None,
                action=entry.action if entry else "admin",  # type: ignore[arg-type]
                restored=entry.restored if entry else None, changes=entry.changes if entry else [],
                error=version.error))
        return VersionHistory(live_version=live, versions=views)

    # ---- from unanswered to answered ---------------------------------------------------

    def unanswered(self, who: StaffIdentity, store: ConversationStore, first: date, last: date) -> list[UnansweredGroup]:
        """The tenant's unanswered questions of those days grouped (largest first), each with
        the intent the current model puts nearest."""
        from ..reports import MAX_QUESTIONS, group_questions

        _require_editor(who)
        questions = store.unanswered_questions(who.tenant, first, last, MAX_QUESTIONS)
        model = self._current_model(who.tenant)
        groups = []
        for group in group_questions(questions)[:MAX_UNANSWERED_GROUPS]:
            suggestion = None
            if model is not None:
                found = model.classify(group.text)  # type: ignore[attr-defined]
                suggestion = found.intent or next((a.intent for a in found.alternatives), None)
            groups.append(UnansweredGroup(text=group.text, count=group.count, questions=[group.text, *group.examples],
                                          suggestion=suggestion))
        return groups

    def adopt(self, who: StaffIdentity, questions: Sequence[str], intent_id: str | None) -> IntentDetail:
        """Residents' questions as example questions of an intent in the draft, or (no
        intent) as the start of a gemeente-own intent named after the first question.
        Questions with redacted parts (`[BSN]`, ...) are left out."""
        from ..matcher.normalize import guess_language

        _require_editor(who)
        kept = [q.strip() for q in questions if q.strip() and not _REDACTED.search(q)]
        if not kept:
            raise InvalidInput("Er zijn geen vragen zonder afgeschermde gegevens om over te nemen.")
        ctx = self._context(who.tenant)
        if intent_id is None:
            intent_id = _free_id(kept[0], ctx)
            state = IntentDraft(own=True, title=DraftText(nl=kept[0][:1].upper() + kept[0][1:]), answer=DraftText())
        elif not ctx.known(intent_id):
            raise NotFound(f"Er is geen onderwerp {intent_id!r}.")
        else:
            state = ctx.state(intent_id)
        seen = {normalise(text) for text in [*state.examples.nl, *state.examples.en]}
        examples = {"nl": list(state.examples.nl), "en": list(state.examples.en)}
        for question in kept:
            if normalise(question) not in seen:
                seen.add(normalise(question))
                examples["en" if guess_language(question.lower().split()) == "en" else "nl"].append(question)
        return self.put(who, intent_id, state.model_copy(update={"examples": Examples(**examples)}))

    # ---- van gemeenten voor gemeenten -----------------------------------------------------

    def export(self, who: StaffIdentity, intent_id: str) -> Intent:
        """The intent as this gemeente has it, in the shared knowledge base's format
        (knowledge/<id>.yaml), for the shared base's reviewers."""
        _require_editor(who)
        ctx = self._context(who.tenant)
        if not ctx.known(intent_id):
            raise NotFound(f"Er is geen onderwerp {intent_id!r}.")
        shared = ctx.shared.intents.get(intent_id)
        if shared is None:
            return ctx.intent(intent_id)
        override = ctx.tenant.intent_overrides.get(intent_id)
        if override is None:
            return shared
        extra = override.extra_examples or Examples()
        return with_own_answers(shared, override).model_copy(update={
            "answer": override.answer or shared.answer,
            "links": override.links if override.links is not None else shared.links,
            "examples": Examples(nl=[*shared.examples.nl, *extra.nl], en=[*shared.examples.en, *extra.en])})

    def others(self, who: StaffIdentity, intent_id: str) -> list[OtherAnswer]:
        """Other gemeenten's own answers to this intent, of those that opted in."""
        _require_editor(who)
        shared = self.shared().intents.get(intent_id)
        found = []
        for slug, entry in sorted(self.registry.directory().tenants.items()):
            if slug == who.tenant or not entry.shares_answers:
                continue
            try:
                knowledge = self.live.get(slug)
            except NotFound:
                continue
            resolved = knowledge.intents.get(intent_id)
            if resolved is None or (shared is not None and resolved.answer == shared.answer):
                continue
            found.append(OtherAnswer(tenant=slug, name=knowledge.tenant.name, own=resolved.tenant_only,
                                     answer=resolved.answer))
        return found

    # ---- the build function's draft check -----------------------------------------------

    def check_draft(self, tenant: str, train: Train) -> None:
        """Train the draft's matcher (when nobody did yet) and estimate the accuracy of the
        draft and of the newest version. Idempotent: everything is named by content."""
        ctx = self._context(tenant)
        code = self.code_version()
        name = ctx.matcher_name(ctx.tenant, code)
        if name == ctx.matcher_name(ctx.source, code):
            return  # the draft teaches the matcher nothing new (published meanwhile, or answers only)
        if self.artefacts.get(name) is None:
            examples = training_examples(ctx.shared.intents, ctx.tenant)
            self.artefacts.put(name, train(examples, ctx.shared.out_of_scope_texts()))
        for tenant_doc in (ctx.tenant, ctx.source):
            key = ctx.matcher_name(tenant_doc, code)
            if self.drafts.quality(key) is None:
                examples = training_examples(ctx.shared.intents, tenant_doc)
                self.drafts.save_quality(key, held_out_accuracy(examples, ctx.shared.out_of_scope_texts()))

    # ---- helpers ------------------------------------------------------------------------

    def _context(self, tenant: str) -> _Context:
        base = next((v for v in self.registry.versions(tenant) if v.status != VersionStatus.FAILED), None)
        source = self.registry.source(tenant, base.version) if base else None
        if base is None or source is None:
            raise NotFound("Deze gemeente heeft nog geen gepubliceerde versie.")
        draft = self.drafts.get(tenant) or Draft(tenant=tenant)
        try:
            applied = apply_draft(source, draft)
        except ValueError as error:
            raise InvalidInput(f"Het concept is niet te lezen: {error}") from None
        return _Context(shared=self.shared(), base=base, source=source, draft=draft, tenant=applied)

    def _live_version(self, tenant: str) -> int | None:
        entry = self.registry.directory().tenants.get(tenant)
        return entry.version if entry else None

    def _needs_check(self, ctx: _Context) -> bool:
        """Whether the draft changes what the matcher learns and that is not checked yet
        (an edit of answers or links needs no check)."""
        code = self.code_version()
        draft_name = ctx.matcher_name(ctx.tenant, code)
        if draft_name == ctx.matcher_name(ctx.source, code):
            return False
        return self.artefacts.get(draft_name) is None or self.drafts.quality(draft_name) is None

    def _findings(self, ctx: _Context, intent_id: str, state: IntentDraft, owner: dict[str, str],
                  titles: dict[str, str], model: object | None) -> list[Finding]:
        return intent_findings(intent_id, state, shared=ctx.shared.intents.get(intent_id), example_owner=owner,
                               titles=titles, current_model=model,  # type: ignore[arg-type]
                               teams=list(ctx.tenant.teams))

    def _draft_findings(self, ctx: _Context) -> list[Finding]:
        if not ctx.draft.intents:
            return []
        code = self.code_version()
        draft_name, live_name = ctx.matcher_name(ctx.tenant, code), ctx.matcher_name(ctx.source, code)
        if draft_name == live_name:
            return []
        draft, live = self.drafts.quality(draft_name), self.drafts.quality(live_name)
        if draft is None or live is None:
            return [Finding(field="draft", severity="warning", message=(
                "De chatbot leert de nieuwe voorbeeldvragen nog. Over een minuut ziet u hier of hij er beter of "
                "slechter van wordt; het voorbeeld gebruikt tot dan de huidige herkenning."))]
        found = accuracy_finding(draft, live)
        return [found] if found else []

    def _publish_errors(self, ctx: _Context) -> list[str]:
        owner, titles = ctx.example_owner(), ctx.titles()
        errors = []
        for intent_id, state in ctx.draft.intents.items():
            for finding in self._findings(ctx, intent_id, state, owner, titles, model=None):
                if finding.severity == "error":
                    errors.append(f"{titles.get(intent_id, intent_id)}: {finding.message}")
        if errors:
            return errors
        out_of_scope = ctx.shared.out_of_scope.examples if ctx.shared.out_of_scope else None
        try:
            problems = tenant_problems(ctx.shared.intents, ctx.tenant, out_of_scope=out_of_scope)
        except KnowledgeError as error:
            return [f"Het concept past niet bij de gedeelde kennisbank: {error}."]
        return [f"Controle van de kennisbank ({'.'.join(map(str, p.loc))}): {p.message}."
                for p in problems if p.severity == "error"]

    def _detail(self, ctx: _Context, intent_id: str) -> IntentDetail:
        intent, state = ctx.intent(intent_id), ctx.state(intent_id)
        shared = ctx.shared.intents.get(intent_id)
        model = self._current_model(ctx.tenant.slug) if state.examples.nl or state.examples.en else None
        findings = self._findings(ctx, intent_id, state, ctx.example_owner(), ctx.titles(), model)
        live = self._live_view(ctx.tenant.slug, intent_id)
        if state.own:
            effective = AnswerView(answer=state.answer.text() if state.answer and (state.answer.nl or state.answer.en)
                                   else None, links=_draft_link_views(state.links or []))
        else:
            assert shared is not None
            answer = state.answer.text() if state.answer is not None and (state.answer.nl or state.answer.en) else shared.answer
            links = _draft_link_views(state.links) if state.links is not None else _link_views(shared.links, ctx.tenant, intent_id)
            effective = AnswerView(answer=answer, links=links)
        diff = {} if shared is None or effective.answer is None else {
            language: difference(shared.answer.get(language), effective.answer.get(language)) for language in ("nl", "en")}
        team = (state.team if state.own else None) or intent.team or ctx.tenant.default_team
        overrides = ctx.tenant.intent_overrides.get(intent_id)
        if overrides and overrides.team:
            team = overrides.team
        return IntentDetail(
            id=intent_id, title=state.title.text(intent_id) if state.own and state.title else intent.title,
            kind=intent.kind, team=team, own=state.own, enabled=state.enabled, edited=intent_id in ctx.draft.intents,
            shared=SharedView(answer=shared.answer, links=_link_views(shared.links, ctx.tenant, intent_id),
                              examples=shared.examples) if shared else None,
            draft=state, live=live, effective=effective, difference=diff, findings=findings,
            followup_answers=followup_answers(shared, state, ctx.tenant) if shared is not None and not state.own else [],
            detail_answers=detail_answers(shared, ctx.tenant, state) if shared is not None and not state.own else [],
            followup_choices=followup_choices(shared, state, ctx.tenant) if shared is not None and not state.own else [])

    def _live_view(self, tenant: str, intent_id: str) -> LiveView | None:
        try:
            knowledge = self.live.get(tenant)
        except NotFound:
            return None
        resolved = knowledge.intents.get(intent_id)
        if resolved is None:
            return LiveView(enabled=False, answer=None, links=[])
        return LiveView(enabled=True, answer=resolved.answer,
                        links=[LinkView(title=link.title, url=link.url) for link in resolved.links])

    def _current_model(self, tenant: str) -> object | None:
        try:
            return self.live.get(tenant).matcher
        except NotFound:
            return None


_FIELDS = ("enabled", "answer", "links", "examples", "title", "team")
_REDACTED = re.compile(r"\[[A-Z_ ]+\]")  # core.privacy's placeholders: [BSN], [NAAM], ...


def _free_id(question: str, ctx: _Context) -> str:
    """An intent id made of the question's first words that no intent has yet."""
    ascii_text = unicodedata.normalize("NFKD", question.casefold()).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:5] or ["onderwerp"]
    base = "-".join(words)[:50].strip("-")
    if len(base) < 2:
        base = "onderwerp"
    candidate, number = base, 1
    while ctx.known(candidate) or candidate in ctx.draft.intents:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _own_answers_fit(intent_id: str, state: IntentDraft, shared: Intent | None, override: IntentOverride | None) -> None:
    """Own follow-up and detail answers only over a shared topic, and only for details it has (422)."""
    if shared is None:
        if state.followups or state.details or state.detail_followups or state.detail_links:
            raise InvalidInput("followups, details: een eigen onderwerp heeft alleen zijn eigen antwoord; "
                               "vervolgvragen en details horen bij gedeelde onderwerpen.")
        return
    known = shared_details(shared, override)
    unknown = sorted({*state.details, *state.detail_followups, *state.detail_links} - set(known))
    if unknown:
        raise Unprocessable(f"details.{unknown[0]}: het onderwerp {intent_id!r} heeft geen detail {unknown[0]!r}. "
                            f"Het heeft: {', '.join(known) or 'geen details'}.")


def _changed_fields(before: IntentDraft | None, after: IntentDraft) -> list[str]:
    """The parts of an intent an edit changed, for the audit: `answer`, ..., `followups.kosten`, `details.<name>`."""
    if before is None:
        return ["new"]
    fields = [name for name in _FIELDS if getattr(before, name) != getattr(after, name)]
    for part in ("followups", "details"):
        old, new = getattr(before, part), getattr(after, part)
        fields += [f"{part}.{key}" for key in sorted({*old, *new}) if old.get(key) != new.get(key)]
    for name in sorted({*before.detail_followups, *after.detail_followups}):
        old, new = before.detail_followups.get(name, {}), after.detail_followups.get(name, {})
        fields += [f"detail_followups.{name}.{kind}" for kind in sorted({*old, *new}) if old.get(kind) != new.get(kind)]
    fields += [f"detail_links.{name}" for name in sorted({*before.detail_links, *after.detail_links})
               if before.detail_links.get(name) != after.detail_links.get(name)]
    return fields

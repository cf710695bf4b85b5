"""The knowledge-base editor (core.editor) on the small knowledge base, in memory: the
draft overlays a shared intent or adds the gemeente's own, the preview answers with the
draft while residents keep the live version, publishing goes through the tenant-build
path, rollback stores an earlier version as the next one, the checks speak Dutch, and
only editors of the tenant itself get in."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from balie_local import kb_tools
from core.editor.checks import accuracy_finding, percent
from core.editor.drafts import DraftLink, DraftText, IntentDraft
from core.editor.service import KnowledgeEditor, difference, held_out_accuracy
from core.errors import Forbidden, InvalidInput, NotFound
from core.kb.build import SharedBase
from core.kb.models import Examples
from core.memory import (
    InMemoryArtefacts,
    InMemoryBuildQueue,
    InMemoryDraftChecks,
    InMemoryDrafts,
    InMemoryTenantRegistry,
)
from core.staff import StaffIdentity
from core.tenants import TenantAdmin, TenantBuilder, TenantCatalogue, VersionStatus

SMALL = Path(__file__).parent / "data" / "kb_small"
MOMENT = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
OPERATOR = StaffIdentity(subject="ops", tenant="*", teams=None, roles=frozenset({"admin"}))
EDITOR = StaffIdentity(subject="eva", tenant="alpha", teams=None, roles=frozenset({"editor"}), name="Eva de Vries")
KCC = StaffIdentity(subject="kees", tenant="alpha", teams=None, roles=frozenset({"kcc"}))
OTHER_EDITOR = StaffIdentity(subject="bob", tenant="beta", teams=None, roles=frozenset({"editor"}))
FERRY_NL = ["veerpont", "veer pont", "veerboot", "pont naar het eiland", "hoe laat gaat de pont", "vaartijden veerpont",
            "dienstregeling pont", "vaart de pont vandaag", "laatste pont", "eerste pont", "wat kost de pont",
            "fiets op de pont", "auto op de pont", "pont uitgevallen", "pont in de winter", "gratis pont",
            "pontpas aanvragen", "naar het eiland varen", "overzetten met de pont", "overtocht eiland"]
FERRY_EN = ["ferry timetable", "ferry to the island", "ferry price"]


@pytest.fixture(scope="module")
def shared() -> SharedBase:
    return kb_tools.shared_of(kb_tools.load_sources(SMALL / "knowledge", None))


class World:
    def __init__(self, shared: SharedBase) -> None:
        self.registry = InMemoryTenantRegistry()
        self.artefacts = InMemoryArtefacts()
        train = kb_tools.trainer(None)
        self.builder = TenantBuilder(registry=self.registry, artefacts=self.artefacts, shared=lambda: shared,
                                     code_version=lambda: "test-code", train=train)
        self.builds = InMemoryBuildQueue(builder=self.builder.build)
        self.drafts = InMemoryDrafts()
        self.checks = InMemoryDraftChecks()
        self.catalogue = TenantCatalogue(registry=self.registry, artefacts=self.artefacts, cache_seconds=0)
        self.editor = KnowledgeEditor(registry=self.registry, drafts=self.drafts, builds=self.builds,
                                      checks=self.checks, shared=lambda: shared, artefacts=self.artefacts,
                                      live=self.catalogue, code_version=lambda: "test-code", clock=lambda: MOMENT)
        self.checks.checker = lambda tenant: self.editor.check_draft(tenant, train)
        admin = TenantAdmin(registry=self.registry, builds=self.builds, shared=lambda: shared, clock=lambda: MOMENT)
        sources = kb_tools.load_sources(SMALL / "knowledge", SMALL / "tenants").tenants
        for slug in ("alpha", "beta"):
            admin.put(OPERATOR, slug, sources[slug].model_dump(mode="json"))

    def resident(self, slug: str, text: str) -> str:
        return self.catalogue.get(slug).matcher.classify(text).intent or ""


@pytest.fixture
def world(shared: SharedBase) -> World:
    return World(shared)


def ferry(**changes: object) -> IntentDraft:
    state = IntentDraft(title=DraftText(nl="Veerpont", en="Ferry"),
                        answer=DraftText(nl="De pont naar het eiland vaart elk half uur.",
                                         en="The ferry to the island sails every half hour."),
                        links=[DraftLink(title=DraftText(nl="Vaartijden", en="Timetable"),
                                         url="https://www.alpha.example/pont")],
                        examples=Examples(nl=FERRY_NL, en=FERRY_EN))
    return state.model_copy(update=changes)


def test_the_list_shows_every_intent_with_its_effective_answer(world: World) -> None:
    listing = world.editor.intents(EDITOR)
    assert listing.live_version == 1 and listing.draft_revision == 0
    paspoort = next(item for item in listing.intents if item.id == "paspoort")
    assert paspoort.answer is not None and paspoort.answer.nl.startswith("U vraagt een paspoort aan")
    assert (paspoort.own, paspoort.enabled, paspoort.edited, paspoort.overlay) == (False, True, False, False)


def test_an_overlay_is_a_draft_until_published(world: World) -> None:
    answer = DraftText(nl="In Alpha vraagt u een paspoort aan in het stadhuis.", en="In Alpha you apply at the town hall.")
    detail = world.editor.put(EDITOR, "paspoort", IntentDraft(answer=answer))
    assert detail.edited and detail.effective.answer is not None and detail.effective.answer.nl == answer.nl
    assert detail.live is not None and detail.live.answer is not None
    assert detail.live.answer.nl.startswith("U vraagt een paspoort aan")  # residents: unchanged
    assert {"op": "added", "text": "In Alpha"} in [p.model_dump() for p in detail.difference["nl"]]
    # The shared links stay, with the tenant's slot filled in.
    assert detail.effective.links[0].url == "https://www.alpha.example/afspraak?product=paspoort"

    preview = world.editor.preview(EDITOR, "paspoort verlengen")
    assert "stadhuis" in " ".join(m.text for m in preview.reply.messages) and preview.matcher == "draft"
    assert "stadhuis" not in world.catalogue.get("alpha").intents["paspoort"].answer.nl

    published = world.editor.publish(EDITOR)
    assert published.version == 2
    assert world.catalogue.get("alpha").intents["paspoort"].answer.nl == answer.nl
    assert world.catalogue.get("beta").intents["paspoort"].answer.nl.startswith("U vraagt")  # another tenant
    assert world.editor.intents(EDITOR).draft_revision == 2 and not world.editor.intents(EDITOR).changes

    history = world.editor.versions(EDITOR)
    assert [(v.version, v.status, v.action, v.live) for v in history.versions] == [
        (2, VersionStatus.LIVE, "publish", True), (1, VersionStatus.SUPERSEDED, "admin", False)]
    [change] = history.versions[0].changes
    assert (change.intent, change.fields, change.by, change.by_name) == ("paspoort", ["answer"], "eva", "Eva de Vries")

    rolled = world.editor.rollback(EDITOR, 1)
    assert (rolled.version, rolled.restored) == (3, 1)
    assert world.catalogue.get("alpha").intents["paspoort"].answer.nl.startswith("U vraagt een paspoort aan")
    assert world.editor.versions(EDITOR).versions[0].action == "rollback"
    assert [entry.action for entry in world.drafts.audit("alpha")] == ["rollback", "publish", "edit"]


def test_a_new_intent_answers_after_publish_and_can_be_switched_off(world: World) -> None:
    assert world.resident("alpha", "hoe laat gaat de pont") != "veerpont"
    detail = world.editor.put(EDITOR, "veerpont", ferry())
    assert detail.own and not [f for f in detail.findings if f.severity == "error"], detail.findings
    assert world.checks.requested  # the draft's examples are learnt by the build function
    preview = world.editor.preview(EDITOR, "hoe laat gaat de pont")
    assert preview.matcher == "draft" and preview.reply.intent == "veerpont"
    world.editor.publish(EDITOR)
    assert world.resident("alpha", "hoe laat gaat de pont") == "veerpont"
    beta = world.catalogue.get("beta")  # beta has a ferry of its own, and keeps it as it was
    assert beta.intents["veerpont"].answer.nl == "De pont vaart elk half uur." and beta.tenant.slug == "beta"

    world.editor.put(EDITOR, "veerpont", ferry(enabled=False))
    world.editor.publish(EDITOR)
    assert "veerpont" not in world.catalogue.get("alpha").intents
    assert world.editor.intent(EDITOR, "veerpont").enabled is False  # kept, so it can be switched on again


def test_checks_speak_dutch_and_errors_block_publishing(world: World) -> None:
    detail = world.editor.put(EDITOR, "veerpont", ferry(answer=DraftText(nl="De pont vaart."),
                                                        examples=Examples(nl=["pont", "paspoort"]),
                                                        links=[DraftLink(title=DraftText(nl="Pont", en="Ferry"),
                                                                         url="http://www.alpha.example/pont")]))
    messages = {f.field: (f.severity, f.message) for f in detail.findings}
    assert messages["answer.en"] == ("error", "Het antwoord in het Engels ontbreekt.")
    assert messages["examples.nl"][0] == "error" and "Te weinig voorbeeldvragen" in messages["examples.nl"][1]
    assert messages["examples.nl.1"][0] == "error" and "al een voorbeeldvraag van ‘Paspoort’" in messages["examples.nl.1"][1]
    assert messages["links.0.url"][0] == "error" and "https://" in messages["links.0.url"][1]
    with pytest.raises(InvalidInput, match="Publiceren kan nog niet"):
        world.editor.publish(EDITOR)


def test_a_link_without_https_is_an_error_in_dutch_before_publishing(world: World) -> None:
    """The knowledge base refuses every http:// link a resident is sent to; the editor says so
    in Dutch next to the field, so publishing is not the first place the editor hears of it."""
    detail = world.editor.put(EDITOR, "veerpont", ferry(links=[DraftLink(title=DraftText(nl="Pont", en="Ferry"),
                                                                         url="http://www.alpha.example/pont")]))
    assert [(f.field, f.severity) for f in detail.findings if "niet beveiligd" in f.message] == [("links.0.url", "error")]
    with pytest.raises(InvalidInput, match="Publiceren kan nog niet"):
        world.editor.publish(EDITOR)


def test_an_extra_example_the_current_model_gives_elsewhere_is_a_warning(world: World) -> None:
    detail = world.editor.put(EDITOR, "parkeervergunning", IntentDraft(examples=Examples(nl=["paspoort aanvragen"])))
    [finding] = [f for f in detail.findings if f.field == "examples.nl.0"]
    assert finding.severity == "warning" and "‘Paspoort’" in finding.message


def test_unsafe_content_is_refused(world: World) -> None:
    with pytest.raises(InvalidInput, match="zonder HTML"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(answer=DraftText(nl="<b>Kom</b> langs", en="Come")))
    with pytest.raises(InvalidInput, match="https://"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(links=[DraftLink(title=DraftText(nl="x", en="x"),
                                                                          url="javascript:alert(1)")]))
    with pytest.raises(NotFound):
        world.editor.put(EDITOR, "bestaat-niet", IntentDraft(answer=DraftText(nl="x", en="x")))
    with pytest.raises(InvalidInput):
        world.editor.put(EDITOR, "groet", IntentDraft(enabled=False))  # a system intent stays on


def test_only_the_tenants_own_editors(world: World) -> None:
    for who in (KCC, OPERATOR):
        with pytest.raises(Forbidden):
            world.editor.intents(who)
        with pytest.raises(Forbidden):
            world.editor.publish(who)
    world.editor.put(EDITOR, "paspoort", IntentDraft(answer=DraftText(nl="Alleen in Alpha.", en="Only in Alpha.")))
    assert world.editor.intent(OTHER_EDITOR, "paspoort").effective.answer.nl.startswith("U vraagt")  # type: ignore[union-attr]
    with pytest.raises(NotFound):
        world.editor.rollback(EDITOR, 42)


def test_accuracy_estimate_and_its_warning(shared: SharedBase) -> None:
    examples = [(text, intent_id) for intent_id, intent in shared.intents.items() for text in intent.examples.nl]
    accuracy = held_out_accuracy(examples, shared.out_of_scope_texts())
    assert 0.5 < accuracy <= 1.0
    warning = accuracy_finding(0.90, 0.95)
    assert warning is not None and "90,0% in plaats van 95,0%" in warning.message
    assert accuracy_finding(0.949, 0.95) is None and percent(0.931) == "93,1%"


def test_difference_marks_words() -> None:
    parts = [(p.op, p.text) for p in difference("Kom naar de balie.", "Kom naar het stadhuis.")]
    assert parts == [("same", "Kom naar"), ("removed", "de balie."), ("added", "het stadhuis.")]


def test_unanswered_questions_become_examples_or_a_new_intent(world: World) -> None:
    detail = world.editor.adopt(EDITOR, ["paspoort kwijtgeraakt op vakantie", "lost my passport abroad", "bsn [BSN]"],
                                "paspoort")
    assert detail.draft.examples.nl == ["paspoort kwijtgeraakt op vakantie"]
    assert detail.draft.examples.en == ["lost my passport abroad"]
    created = world.editor.adopt(EDITOR, ["mag ik op het strand barbecueën", "barbecue op het strand"], None)
    assert created.own and created.id == "mag-ik-op-het-strand" and created.title.nl == "Mag ik op het strand barbecueën"
    assert [f.field for f in created.findings if f.severity == "error"][:2] == ["title.en", "answer.nl"]
    with pytest.raises(InvalidInput):
        world.editor.adopt(EDITOR, ["[BSN]"], "paspoort")


def test_export_in_the_shared_format_and_other_gemeenten_that_share(world: World, shared: SharedBase) -> None:
    answer = DraftText(nl="In Alpha haalt u het paspoort op in het stadhuis.", en="In Alpha: the town hall.")
    world.editor.put(EDITOR, "paspoort", IntentDraft(answer=answer, examples=Examples(nl=["paspoort ophalen stadhuis"])))
    exported = world.editor.export(EDITOR, "paspoort")
    assert exported.answer.nl == answer.nl and "paspoort ophalen stadhuis" in exported.examples.nl
    assert len(exported.examples.nl) == len(shared.intents["paspoort"].examples.nl) + 1
    world.editor.publish(EDITOR)
    assert world.editor.others(OTHER_EDITOR, "paspoort") == []  # alpha has not opted in
    admin = TenantAdmin(registry=world.registry, builds=world.builds, shared=lambda: shared, clock=lambda: MOMENT)
    document = world.registry.source("alpha", 2).model_copy(update={"share_answers": True})
    admin.put(OPERATOR, "alpha", document.model_dump(mode="json"))
    [other] = world.editor.others(OTHER_EDITOR, "paspoort")
    assert (other.tenant, other.name, other.answer.nl) == ("alpha", "Gemeente Alpha", answer.nl)


def test_the_draft_says_while_its_examples_are_learnt_and_then_compares_accuracy(world: World) -> None:
    train = world.checks.checker
    world.checks.checker = None  # the build function has not run the check yet
    world.editor.put(EDITOR, "veerpont", ferry())
    [learning] = world.editor.intents(EDITOR).findings
    assert learning.severity == "warning" and "leert de nieuwe voorbeeldvragen nog" in learning.message
    assert world.editor.preview(EDITOR, "hoe laat gaat de pont").matcher == "live"
    assert train is not None
    train("alpha")
    assert not [f for f in world.editor.intents(EDITOR).findings if "leert" in f.message]
    assert world.editor.preview(EDITOR, "hoe laat gaat de pont").matcher == "draft"


def test_a_version_compiled_by_newer_code_is_not_copied_by_a_rollback_nor_rewritten_by_a_build(world: World) -> None:
    """Read with its unknown fields left out (`read_compiled`), a newer version's compiled knowledge
    written back would lose them: the old code refuses the rollback and a build leaves it as stored."""
    stored = json.loads(world.registry._compiled[("alpha", 1)])
    stored["intents"]["paspoort"]["tone"] = "warm"
    world.registry._compiled[("alpha", 1)] = json.dumps(stored)
    with pytest.raises(InvalidInput, match="nieuwere versie"):
        world.editor.rollback(EDITOR, 1)
    version = world.registry.add_version(world.registry.source("alpha", 1), "ops", MOMENT)
    world.registry._compiled[("alpha", version.version)] = json.dumps(stored)
    world.builder.build("alpha", version.version)
    assert json.loads(world.registry._compiled[("alpha", version.version)])["intents"]["paspoort"]["tone"] == "warm"
    assert world.catalogue.get("alpha").intents["paspoort"].answer.nl.startswith("U vraagt een paspoort aan")

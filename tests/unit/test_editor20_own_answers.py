"""The knowledge-base editor changes a shared topic's follow-up answers ("wat kost het?") and the answers
of its details (a variant such as a passport lost abroad, or one of its own `details:`) for one gemeente
(session 20, editor20; before, those needed a developer and the tenant file): the draft carries them,
publishing writes them into the tenant's `intent_overrides` (`followups`, `details`), the preview and
then residents get them, the checks treat them as the answer, the audit names them, a rollback takes
them back, and an administrator's file cannot silently undo them.

On the small knowledge base in memory (test_kb_editor's world), with paspoort given a variant and a
detail of its own here."""
from __future__ import annotations

import pytest

from core.editor.drafts import Draft, DraftText, IntentDraft, apply_draft, intent_state, published_topics
from core.errors import InvalidInput, Unprocessable
from core.kb.build import SharedBase
from core.kb.checks import tenant_problems
from core.kb.merge import resolve_tenant
from core.kb.models import Detail, Followups, IntentOverride, Text, Variant, Variants
from core.tenants import TenantAdmin
from test_kb_editor import EDITOR, MOMENT, OPERATOR, SMALL, World, shared  # noqa: F401 - the module's fixture

from balie_local import kb_tools

ABROAD = Text(nl="Ga naar de ambassade voor een noodpaspoort.", en="Go to the embassy for an emergency passport.")
ABROAD_ONLINE = Text(nl="Nee, dat gaat bij de ambassade.", en="No, that is done at the embassy.")
URGENT = Detail(name="spoed", words=["spoedaanvraag", "met spoed"],
                answer=Text(nl="Een spoedaanvraag doet u aan de balie.", en="An urgent application is made at the desk."))
OWN_COST = DraftText(nl="In Alpha kost een paspoort 80 euro, betalen met pin.", en="In Alpha a passport costs 80 euros, by card.")
OWN_ABROAD = DraftText(nl="Bel eerst de ambassade in Alpha-land, daarna de gemeente Alpha.",
                       en="First call the embassy, then the municipality of Alpha.")
OWN_ONLINE = DraftText(nl="Nee. Maar in Alpha kunt u online een terugbelafspraak maken.",
                       en="No. But in Alpha you can book a call back online.")
OWN_URGENT = DraftText(nl="Spoed in Alpha: kom voor 12 uur, dan ligt het de volgende dag klaar.",
                       en="Urgent in Alpha: come before noon, it is ready the next day.")


@pytest.fixture
def world(shared: SharedBase) -> World:  # noqa: F811 - the module's fixture
    """The small base's passport with a detail every topic may have (lost abroad) and one of its own."""
    paspoort = shared.intents["paspoort"].model_copy(update={
        "variants": Variants(kwijt_buitenland=Variant(answer=ABROAD, followups=Followups(online=ABROAD_ONLINE))),
        "details": [URGENT]})
    return World(shared.model_copy(update={"intents": {**shared.intents, "paspoort": paspoort}}))


def said(world: World, message: str, history: tuple[str, ...] = ()) -> str:
    return " ".join(item.text for item in world.editor.preview(EDITOR, message, history).reply.messages)


def test_own_followup_and_detail_answers_preview_publish_audit_and_rollback(world: World) -> None:
    detail = world.editor.intent(EDITOR, "paspoort")
    shown = {item.key: (item.shared.nl if item.shared else None, item.own) for item in detail.followup_answers}
    assert shown == {"kosten": ("Een paspoort kost geld.", None), "duur": ("Het duurt ongeveer een week.", None)}
    assert [(item.key, item.shared) for item in detail.detail_answers] == [("kwijt_buitenland", ABROAD),
                                                                         ("spoed", URGENT.answer)]
    assert [(item.key, item.shared, item.own) for item in detail.detail_answers[0].followups] == [
        ("online", ABROAD_ONLINE, None)]  # the detail's own answer to "kan dat online?"

    detail = world.editor.put(EDITOR, "paspoort", IntentDraft(
        followups={"kosten": OWN_COST}, details={"kwijt_buitenland": OWN_ABROAD, "spoed": OWN_URGENT},
        detail_followups={"kwijt_buitenland": {"online": OWN_ONLINE}}))
    assert detail.edited and not [f for f in detail.findings if f.severity == "error"], detail.findings
    assert {item.key: item.own for item in detail.followup_answers}["kosten"] == OWN_COST
    assert {item.key: item.own for item in detail.detail_answers} == {"kwijt_buitenland": OWN_ABROAD, "spoed": OWN_URGENT}
    assert detail.detail_answers[0].followups[0].own == OWN_ONLINE
    assert next(item for item in world.editor.intents(EDITOR).intents if item.id == "paspoort").overlay
    exported = world.editor.export(EDITOR, "paspoort")  # for the shared base's reviewers: with the gemeente's texts
    assert exported.followups.kosten == OWN_COST.text() and exported.followups.duur == Text(
        nl="Het duurt ongeveer een week.", en="It takes about a week.")
    assert exported.variants.kwijt_buitenland is not None and exported.variants.kwijt_buitenland.answer == OWN_ABROAD.text()
    assert [own.answer for own in exported.details] == [OWN_URGENT.text()]

    # The preview answers the follow-up and both details with the draft; residents keep the shared answers.
    assert "80 euro" in said(world, "wat kost het?", ("ik wil een nieuw paspoort aanvragen",))
    assert "Alpha-land" in said(world, "paspoort kwijtgeraakt in het buitenland")
    assert "terugbelafspraak" in said(world, "kan dat online?", ("paspoort kwijtgeraakt in het buitenland",))
    assert "voor 12 uur" in said(world, "paspoort met spoed aanvragen")
    live = world.catalogue.get("alpha").intents["paspoort"]
    assert live.followups.kosten is not None and live.followups.kosten.nl == "Een paspoort kost geld."

    world.editor.publish(EDITOR)
    live = world.catalogue.get("alpha").intents["paspoort"]
    assert live.followups.kosten is not None and live.followups.kosten.nl == OWN_COST.nl
    assert live.followups.duur is not None and live.followups.duur.nl == "Het duurt ongeveer een week."  # not changed
    assert live.variants["kwijt_buitenland"].answer.nl == OWN_ABROAD.nl
    assert live.variants["kwijt_buitenland"].followups.online == OWN_ONLINE.text()
    assert [own.answer.nl for own in live.details] == [OWN_URGENT.nl]
    assert world.catalogue.get("beta").intents["paspoort"].variants["kwijt_buitenland"].answer == ABROAD  # another gemeente
    override = world.registry.source("alpha", 2).intent_overrides["paspoort"]  # type: ignore[union-attr]
    assert override.followups is not None and override.followups.kosten == OWN_COST.text()
    assert override.details == {"kwijt_buitenland": OWN_ABROAD.text(), "spoed": OWN_URGENT.text()}

    [change] = world.editor.versions(EDITOR).versions[0].changes
    assert change.fields == ["followups.kosten", "details.kwijt_buitenland", "details.spoed",
                             "detail_followups.kwijt_buitenland.online"]
    assert world.drafts.audit("alpha")[-1].fields == change.fields  # the edit's audit entry names them too

    # Back to the shared texts: nothing left in the gemeente's file for them after publishing.
    assert world.editor.put(EDITOR, "paspoort", IntentDraft()).edited
    world.editor.publish(EDITOR)
    override = world.registry.source("alpha", 3).intent_overrides["paspoort"]  # type: ignore[union-attr]
    assert (override.followups, override.details) == (None, {}) and override.urls  # the administrator's part stays
    assert world.catalogue.get("alpha").intents["paspoort"].variants["kwijt_buitenland"].answer == ABROAD

    world.editor.rollback(EDITOR, 2)
    live = world.catalogue.get("alpha").intents["paspoort"]
    assert live.followups.kosten is not None and live.followups.kosten.nl == OWN_COST.nl
    assert [own.answer.nl for own in live.details] == [OWN_URGENT.nl]


def test_an_unknown_detail_is_unprocessable_and_nothing_is_saved(world: World) -> None:
    with pytest.raises(Unprocessable, match="details.bestaat_niet"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(details={"bestaat_niet": OWN_URGENT}))
    with pytest.raises(Unprocessable):  # a kind of variant this topic does not have
        world.editor.put(EDITOR, "paspoort", IntentDraft(details={"emigratie": OWN_URGENT}))
    with pytest.raises(Unprocessable, match="detail_followups.emigratie|details.emigratie"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(detail_followups={"emigratie": {"online": OWN_ONLINE}}))
    with pytest.raises(InvalidInput, match="followups"):  # a gemeente-own topic has only its own answer
        world.editor.put(EDITOR, "veerpont", IntentDraft(title=DraftText(nl="Veerpont", en="Ferry"),
                                                          answer=DraftText(nl="Elk uur.", en="Every hour."),
                                                          followups={"kosten": OWN_COST}))
    assert world.drafts.get("alpha") is None and world.drafts.audit("alpha") == []


def test_own_followup_and_detail_answers_are_checked_as_the_answer(world: World) -> None:
    long = DraftText(nl=" ".join(["woord"] * 120), en="Words.")
    detail = world.editor.put(EDITOR, "paspoort", IntentDraft(
        followups={"kosten": DraftText(nl="Een paspoort kost 80 euro.", en=""),
                   "duur": DraftText(nl="Twee weken, zie http://www.alpha.example/paspoort", en="Two weeks.")},
        details={"spoed": long, "kwijt_buitenland": DraftText(nl="Bel de ambassade.", en=ABROAD.en)},
        detail_followups={"kwijt_buitenland": {"online": DraftText(nl="", en="No.")}}))
    found = {(f.field, f.severity) for f in detail.findings}
    assert {("followups.kosten.en", "error"), ("followups.duur.nl", "error"), ("details.spoed.nl", "error"),
            ("details.kwijt_buitenland.en", "warning"), ("detail_followups.kwijt_buitenland.online.nl", "error")} <= found, found
    message = next(f.message for f in detail.findings if f.field == "followups.kosten.en")
    assert message == "Het antwoord op \u2018Wat kost het?\u2019 in het Engels ontbreekt.", message
    with pytest.raises(InvalidInput, match="Publiceren kan nog niet"):
        world.editor.publish(EDITOR)

    for unsafe in (DraftText(nl="<b>Spoed</b>", en="Urgent"), DraftText(nl="x" * 2001, en="x")):
        with pytest.raises(InvalidInput):
            world.editor.put(EDITOR, "paspoort", IntentDraft(details={"spoed": unsafe}))


def test_the_draft_round_trips_through_the_tenant_document(shared: SharedBase) -> None:  # noqa: F811
    tenant = kb_tools.load_sources(SMALL / "knowledge", SMALL / "tenants").tenants["alpha"]
    state = IntentDraft(followups={"duur": OWN_COST}, details={"spoed": OWN_URGENT},
                        detail_followups={"spoed": {"kosten": OWN_COST}})
    applied = apply_draft(tenant, Draft(tenant="alpha", intents={"paspoort": state}))
    assert intent_state(applied, "paspoort") == state
    # An incomplete text is completed from the other language in a preview (publishing refuses it first).
    applied = apply_draft(tenant, Draft(tenant="alpha", intents={"paspoort": IntentDraft(
        followups={"duur": DraftText(nl="Een week.")})}))
    assert applied.intent_overrides["paspoort"].followups.duur == Text(nl="Een week.", en="Een week.")  # type: ignore[union-attr]


def test_a_tenant_file_may_name_only_details_the_topic_has(shared: SharedBase) -> None:  # noqa: F811
    tenant = kb_tools.load_sources(SMALL / "knowledge", SMALL / "tenants").tenants["alpha"]
    wrong = tenant.model_copy(update={"intent_overrides": {**tenant.intent_overrides, "paspoort": IntentOverride(
        details={"kwijt_buitenland": OWN_ABROAD.text()}, detail_followups={"spoed": Followups(online=ABROAD_ONLINE)})}})
    problems = [p for p in tenant_problems(shared.intents, wrong) if "paspoort" in p.loc]
    assert [(p.loc, p.severity) for p in problems] == [
        (("intent_overrides", "paspoort", "details", "kwijt_buitenland"), "error"),
        (("intent_overrides", "paspoort", "detail_followups", "spoed"), "error")], problems
    # A tenant's own variant (IntentOverride.variants) is a detail its own answer may name.
    fitting = wrong.model_copy(update={"intent_overrides": {**tenant.intent_overrides, "paspoort": IntentOverride(
        variants=Variants(kwijt_buitenland=Variant(answer=ABROAD)), details={"kwijt_buitenland": OWN_ABROAD.text()})}})
    assert not [p for p in tenant_problems(shared.intents, fitting) if "details" in p.loc]
    assert resolve_tenant(shared.intents, fitting)["paspoort"].variants["kwijt_buitenland"].answer == OWN_ABROAD.text()


def test_an_administrators_file_does_not_undo_the_editors_followup_answers(world: World, shared: SharedBase) -> None:  # noqa: F811
    world.editor.put(EDITOR, "paspoort", IntentDraft(followups={"kosten": OWN_COST}))
    world.editor.publish(EDITOR)
    admin = TenantAdmin(registry=world.registry, builds=world.builds, shared=lambda: shared, clock=lambda: MOMENT,
                        editors_topics=lambda slug: published_topics(world.drafts.audit(slug)))
    sources = kb_tools.load_sources(SMALL / "knowledge", SMALL / "tenants").tenants
    put = admin.put(OPERATOR, "alpha", sources["alpha"].model_dump(mode="json"))  # an older copy of the file
    assert put.kept_from_editors == ["paspoort"]
    kept = world.registry.source("alpha", put.version).intent_overrides["paspoort"].followups  # type: ignore[union-attr]
    assert kept is not None and kept.kosten == OWN_COST.text()

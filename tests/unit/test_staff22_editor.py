"""The knowledge-base editor gives a detail its own links (session 22, staff22): a gemeente could change a
detail's answer but its links stayed the shared ones (a passport stolen abroad still linked the shared
page). `IntentDraft.detail_links` -> `IntentOverride.detail_links`, checked as the topic's links, shown
beside the detail's shared links, published to residents, audited, taken back. Also: a follow-up kind the
shared topic has no text for, added over the API, is listed (and goes when emptied).

On test_editor20_own_answers' world: the small base's passport with a variant (lost abroad) and a detail."""
from __future__ import annotations

import pytest

from core.editor.drafts import Draft, DraftLink, DraftText, IntentDraft, apply_draft, intent_state
from core.errors import InvalidInput, Unprocessable
from core.kb.build import SharedBase
from core.kb.checks import tenant_problems
from core.kb.models import IntentOverride, LinkSpec, Text
from test_editor20_own_answers import OWN_URGENT, world  # noqa: F401 - the module's fixture
from test_kb_editor import EDITOR, SMALL, World, shared  # noqa: F401 - the module's fixture

from balie_local import kb_tools

EMBASSY = DraftLink(title=DraftText(nl="Noodpaspoort aanvragen", en="Emergency passport"),
                    url="https://www.alpha.example/noodpaspoort")


def links_said(world: World, message: str) -> list[str]:
    return [link.url for item in world.editor.preview(EDITOR, message).reply.messages for link in item.links]


def test_a_details_own_links_preview_publish_audit_and_back_to_the_shared_ones(world: World) -> None:
    before = {item.key: (item.shared_links, item.own_links) for item in world.editor.intent(EDITOR, "paspoort").detail_answers}
    assert before == {"kwijt_buitenland": ([], None), "spoed": ([], None)}
    detail = world.editor.put(EDITOR, "paspoort", IntentDraft(detail_links={"kwijt_buitenland": [EMBASSY]}))
    assert not [f for f in detail.findings if f.severity == "error"], detail.findings
    assert {item.key: item.own_links for item in detail.detail_answers}["kwijt_buitenland"] == [EMBASSY]
    assert next(item for item in world.editor.intents(EDITOR).intents if item.id == "paspoort").overlay
    assert EMBASSY.url in links_said(world, "paspoort kwijtgeraakt in het buitenland")  # the preview: the draft
    assert EMBASSY.url not in [link.url for link in world.catalogue.get("alpha").intents["paspoort"].variants[
        "kwijt_buitenland"].links]  # residents: not yet

    world.editor.publish(EDITOR)
    live = world.catalogue.get("alpha").intents["paspoort"]
    assert [link.url for link in live.variants["kwijt_buitenland"].links] == [EMBASSY.url]
    assert world.catalogue.get("beta").intents["paspoort"].variants["kwijt_buitenland"].links == []  # another gemeente
    [change] = world.editor.versions(EDITOR).versions[0].changes
    assert change.fields == ["detail_links.kwijt_buitenland"]
    assert world.editor.export(EDITOR, "paspoort").variants.kwijt_buitenland.links[0].url == EMBASSY.url  # type: ignore[union-attr]

    world.editor.put(EDITOR, "paspoort", IntentDraft())  # "Terug naar de gedeelde link": the name left out
    world.editor.publish(EDITOR)
    assert world.catalogue.get("alpha").intents["paspoort"].variants["kwijt_buitenland"].links == []
    assert world.registry.source("alpha", 3).intent_overrides["paspoort"].detail_links == {}  # type: ignore[union-attr]


def test_a_details_own_links_are_checked_as_the_topics(world: World) -> None:
    unsafe = DraftLink(title=DraftText(nl="Ambassade", en=""), url="http://www.alpha.example/ambassade")
    detail = world.editor.put(EDITOR, "paspoort", IntentDraft(detail_links={"spoed": [unsafe]}))
    found = {(f.field, f.severity) for f in detail.findings}
    assert {("detail_links.spoed.0.url", "error"), ("detail_links.spoed.0.title.en", "error")} <= found, found
    with pytest.raises(InvalidInput, match="https://"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(detail_links={"spoed": [EMBASSY.model_copy(update={"url": "javascript:x"})]}))
    with pytest.raises(InvalidInput, match="hoogstens 10 links"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(detail_links={"spoed": [EMBASSY] * 11}))
    with pytest.raises(InvalidInput, match="HTML"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(detail_links={"spoed": [EMBASSY.model_copy(update={
            "title": DraftText(nl="<b>x</b>", en="x")})]}))
    with pytest.raises(Unprocessable, match="detail_links|details.emigratie"):
        world.editor.put(EDITOR, "paspoort", IntentDraft(detail_links={"emigratie": [EMBASSY]}))
    with pytest.raises(InvalidInput, match="followups"):  # a gemeente-own topic has no shared details
        world.editor.put(EDITOR, "veerpont", IntentDraft(title=DraftText(nl="Veerpont", en="Ferry"),
                                                          answer=DraftText(nl="Elk uur.", en="Every hour."),
                                                          detail_links={"spoed": [EMBASSY]}))


def test_detail_links_round_trip_and_a_tenant_file_is_checked(shared: SharedBase) -> None:  # noqa: F811
    tenant = kb_tools.load_sources(SMALL / "knowledge", SMALL / "tenants").tenants["alpha"]
    state = IntentDraft(detail_links={"kwijt_buitenland": [EMBASSY], "spoed": []})  # [] : none at all
    applied = apply_draft(tenant, Draft(tenant="alpha", intents={"paspoort": state}))
    assert intent_state(applied, "paspoort") == state
    wrong = tenant.model_copy(update={"intent_overrides": {**tenant.intent_overrides, "paspoort": IntentOverride(
        detail_links={"bestaat_niet": [LinkSpec(title=Text(nl="x", en="x"), url="http://www.alpha.example/x")]})}})
    problems = {p.loc for p in tenant_problems(shared.intents, wrong) if "paspoort" in p.loc}
    assert {("intent_overrides", "paspoort", "detail_links", "bestaat_niet"),
            ("intent_overrides", "paspoort", "detail_links", "bestaat_niet", 0, "url")} <= problems, problems


def test_a_followup_kind_the_shared_topic_lacks_is_listed_and_goes_when_emptied(world: World) -> None:
    shared_kinds = {item.key for item in world.editor.intent(EDITOR, "paspoort").followup_answers}
    assert "online" not in shared_kinds  # the shared passport has no "kan het online?" text
    detail = world.editor.put(EDITOR, "paspoort", IntentDraft(followups={"online": OWN_URGENT}))
    [added] = [item for item in detail.followup_answers if item.key == "online"]
    assert (added.shared, added.own) == (None, OWN_URGENT)  # the page: "Geen gedeelde tekst", the own one
    detail = world.editor.put(EDITOR, "paspoort", IntentDraft())
    assert "online" not in {item.key for item in detail.followup_answers}

"""Merging the shared knowledge base with a tenant's overlay."""
from __future__ import annotations

from pathlib import Path

import pytest

from balie_local.kb_tools import compile_tenant, load_sources
from core.kb.compiled import ResolvedLink
from core.kb.merge import KnowledgeError, MissingSlot, resolve_tenant, training_examples
from core.kb.models import Text

SMALL = Path(__file__).parent / "data" / "kb_small"


@pytest.fixture(scope="module")
def loaded():
    sources = load_sources(SMALL / "knowledge", SMALL / "tenants")
    assert sources.errors == []
    return sources


def test_a_tenant_without_overrides_gets_the_shared_answer_and_its_own_links(loaded) -> None:
    alpha = resolve_tenant(loaded.intents, loaded.tenants["alpha"])
    permit = alpha["parkeervergunning"]
    assert permit.answer == loaded.intents["parkeervergunning"].answer
    assert permit.team == "parkeren"
    assert [link.url for link in permit.links] == ["https://www.alpha.example/parkeervergunning"]


def test_overrides_replace_answer_team_and_single_followups(loaded) -> None:
    beta = resolve_tenant(loaded.intents, loaded.tenants["beta"])
    permit = beta["parkeervergunning"]
    assert permit.answer.nl == "In Beta is parkeren gratis."
    assert permit.team == "kcc"
    assert permit.followups.kosten.nl == "Een vergunning is gratis."
    # A follow-up the tenant did not override stays the shared one.
    assert permit.followups.duur == loaded.intents["parkeervergunning"].followups.duur


def test_a_tenant_override_never_leaks_into_another_tenant(loaded) -> None:
    shared_answer = loaded.intents["parkeervergunning"].answer.model_copy()
    beta = resolve_tenant(loaded.intents, loaded.tenants["beta"])
    alpha = resolve_tenant(loaded.intents, loaded.tenants["alpha"])
    assert beta["parkeervergunning"].answer != shared_answer
    assert alpha["parkeervergunning"].answer == shared_answer
    assert loaded.intents["parkeervergunning"].answer == shared_answer
    assert "veerpont" not in alpha and "afvalkalender" in alpha
    alpha_texts = {text for text, _ in training_examples(loaded.intents, loaded.tenants["alpha"])}
    assert "blauwe zone kaart beta" not in alpha_texts
    assert not any("pont" in text for text in alpha_texts)


def test_disabled_intents_go_and_tenant_only_intents_come(loaded) -> None:
    beta = resolve_tenant(loaded.intents, loaded.tenants["beta"])
    assert set(beta) == {"paspoort", "parkeervergunning", "groet", "veerpont"}
    assert beta["veerpont"].tenant_only and not beta["paspoort"].tenant_only
    assert beta["veerpont"].links[0].url == "https://www.beta.example/veerpont"
    labels = {intent for _, intent in training_examples(loaded.intents, loaded.tenants["beta"])}
    assert labels == set(beta)
    assert ("blauwe zone kaart beta", "parkeervergunning") in training_examples(loaded.intents, loaded.tenants["beta"])


def test_a_per_intent_url_override_applies_to_that_intent_only(loaded) -> None:
    alpha = resolve_tenant(loaded.intents, loaded.tenants["alpha"])
    assert alpha["paspoort"].links[0].url == "https://www.alpha.example/afspraak?product=paspoort"
    tenant = loaded.tenants["alpha"]
    assert tenant.urls["afspraak"] == "https://www.alpha.example/afspraak"


def test_a_system_intent_without_team_routes_to_the_default_team(loaded) -> None:
    assert resolve_tenant(loaded.intents, loaded.tenants["alpha"])["groet"].team == "kcc"


def test_the_flow_keeps_its_url_template_until_the_resident_answers(loaded) -> None:
    flow = resolve_tenant(loaded.intents, loaded.tenants["alpha"])["afvalkalender"].flow
    assert [slot.name for slot in flow.slots] == ["postcode", "huisnummer"]
    link = flow.done.links[0]
    assert link.placeholders == ("postcode", "huisnummer")
    filled = link.filled({"postcode": "1234 AB", "huisnummer": "12&a"})
    assert filled.url == "https://www.alpha.example/afval?postcode=1234%20AB&huisnummer=12%26a"


def test_a_missing_slot_is_refused(loaded) -> None:
    tenant = loaded.tenants["alpha"].model_copy(update={"urls": {"afspraak": "https://www.alpha.example/a"}})
    with pytest.raises(MissingSlot) as raised:
        resolve_tenant(loaded.intents, tenant)
    assert raised.value.slot in {"afvalkalender", "parkeervergunning"}


def test_a_tenant_only_intent_may_not_reuse_a_shared_id(loaded) -> None:
    beta = loaded.tenants["beta"]
    clash = beta.extra_intents[0].model_copy(update={"id": "paspoort"})
    with pytest.raises(KnowledgeError):
        resolve_tenant(loaded.intents, beta.model_copy(update={"extra_intents": [clash]}))


def test_compile_tenant_builds_knowledge_and_a_matcher_in_memory() -> None:
    knowledge = compile_tenant(SMALL / "knowledge", SMALL / "tenants", "beta")
    assert knowledge.slug == "beta"
    assert set(knowledge.matcher.intents) == set(knowledge.intents)
    assert knowledge.matcher.classify("hoe laat vaart de veerpont naar het eiland").intent == "veerpont"
    assert knowledge.team("parkeren").name.nl == "Parkeren"
    assert knowledge.team("bestaat-niet").name.nl == "Publieksdienst"  # the default team


def test_compile_tenant_refuses_an_unknown_tenant_or_broken_sources(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no tenant file"):
        compile_tenant(SMALL / "knowledge", SMALL / "tenants", "gamma")
    broken = tmp_path / "knowledge"
    broken.mkdir()
    (broken / "paspoort.yaml").write_text("id: paspoort\nkind: onderwerp\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="paspoort.yaml:2"):
        compile_tenant(broken, SMALL / "tenants", "alpha")


def test_resolved_links_fill_only_known_placeholders() -> None:
    link = ResolvedLink(title=Text(nl="a", en="b"), url="https://x.example/{postcode}/{huisnummer}")
    assert link.filled({"postcode": "1234AB"}).url == "https://x.example/1234AB/{huisnummer}"


def test_a_variant_keeps_its_own_followups_and_leaves_the_others_to_the_topic(loaded) -> None:
    from core.kb.merge import resolve_intent
    from core.kb.models import Intent

    tenant = loaded.tenants["alpha"]
    intent = Intent.model_validate({
        "id": "verhuizing", "kind": "topic", "title": {"nl": "Verhuizing", "en": "Moving"},
        "answer": {"nl": "Meestal online met DigiD.", "en": "Usually online with DigiD."},
        "followups": {"online": {"nl": "Ja, met DigiD.", "en": "Yes, with DigiD."},
                      "kosten": {"nl": "Gratis.", "en": "Free."}},
        "variants": {"uit_buitenland": {"answer": {"nl": "Aan de balie.", "en": "At the desk."},
                                        "followups": {"online": {"nl": "Nee, aan de balie.", "en": "No, at the desk."}}}},
        "examples": {"nl": ["verhuizen"], "en": ["moving"]},
    })
    resolved = resolve_intent(intent, tenant)
    variant = resolved.variants["uit_buitenland"]
    assert variant.followups.online == Text(nl="Nee, aan de balie.", en="No, at the desk.")
    assert variant.followups.kosten is None  # the topic's own answer stands
    assert resolved.followups.online == Text(nl="Ja, met DigiD.", en="Yes, with DigiD.")

"""The two demo tenants shipped in tenants/: valid, complete, and different."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from balie_local.kb_tools import DEFAULT_TENANTS_DIR, Issue, References, find_issues, read_taxonomy, read_yaml, reference_dir
from core.kb.models import Tenant

TAXONOMY = reference_dir() / "spec" / "taxonomy.tsv"
FIXTURES = DEFAULT_TENANTS_DIR.parent / "tests" / "fixtures" / "whatsapp"


def tenant(slug: str) -> Tenant:
    return Tenant.model_validate(read_yaml(DEFAULT_TENANTS_DIR / f"{slug}.yaml").data)


@pytest.fixture(scope="module")
def voorbeeld() -> Tenant:
    return tenant("voorbeeld")


@pytest.fixture(scope="module")
def noord() -> Tenant:
    return tenant("voorbeeld-noord")


def test_the_demo_tenants_are_the_ones_shipped() -> None:
    assert sorted(path.stem for path in DEFAULT_TENANTS_DIR.glob("*.yaml")) == ["voorbeeld", "voorbeeld-noord"]


@pytest.mark.parametrize("slug", ["voorbeeld", "voorbeeld-noord"])
def test_every_url_is_on_a_reserved_example_domain(slug: str) -> None:
    data = tenant(slug)
    urls = [*data.urls.values(), *(url for override in data.intent_overrides.values() for url in override.urls.values())]
    assert urls and all(re.match(rf"^https://([a-z]+\.)?{re.escape(slug)}\.example/", url) for url in urls)
    for team in data.teams.values():
        assert team.email.endswith(f"@{slug}.example")
    assert {"http://127.0.0.1:3000", "http://localhost:3000", f"https://{data.domain}"} <= set(data.widget_origins)


@pytest.mark.parametrize("slug", ["voorbeeld", "voorbeeld-noord"])
def test_every_taxonomy_team_and_municipal_slot_is_defined(slug: str) -> None:
    data = tenant(slug)
    taxonomy = read_taxonomy(TAXONOMY)
    assert {row.team for row in taxonomy.values() if row.team} <= set(data.teams)
    topic_ids = {intent_id for intent_id, row in taxonomy.items() if row.kind == "topic"}
    assert topic_ids | {"afspraak", "contact", "tarieven"} <= set(data.urls)
    calendar = data.urls["afvalkalender"]
    assert "{postcode}" in calendar and "{huisnummer}" in calendar


def test_voorbeeld_owns_the_phone_number_id_most_fixtures_use(voorbeeld: Tenant, noord: Tenant) -> None:
    ids = Counter(
        match
        for path in FIXTURES.glob("*.json")
        for match in re.findall(r'"phone_number_id"\s*:\s*"(\d+)"', path.read_text(encoding="utf-8"))
    )
    assert voorbeeld.whatsapp.phone_number_id == ids.most_common(1)[0][0]
    assert noord.whatsapp.phone_number_id not in (None, voorbeeld.whatsapp.phone_number_id)


def test_voorbeeld_opening_hours_and_settings(voorbeeld: Tenant) -> None:
    weekday = [("08:30", "17:00")]
    assert voorbeeld.opening_hours == {
        "monday": weekday, "tuesday": weekday, "wednesday": weekday,
        "thursday": [("08:30", "20:00")], "friday": weekday,
    }
    assert voorbeeld.share_unanswered is True
    assert voorbeeld.holidays.good_friday_closed and voorbeeld.holidays.liberation_day_closed
    assert voorbeeld.disabled_intents == [] and voorbeeld.extra_intents == []


def test_voorbeeld_noord_differs_where_a_demo_should_show_it(voorbeeld: Tenant, noord: Tenant) -> None:
    assert noord.opening_hours != voorbeeld.opening_hours
    assert not noord.holidays.good_friday_closed
    assert noord.disabled_intents == ["hondenbelasting"]
    assert [intent.id for intent in noord.extra_intents] == ["veerpont"]
    ferry = noord.extra_intents[0]
    assert len(ferry.examples.nl) >= 20 and len(ferry.examples.en) >= 3
    assert noord.intent_overrides["parkeervergunning"].answer is not None
    assert "parkeervergunning" not in voorbeeld.intent_overrides
    assert noord.retention_days != voorbeeld.retention_days


def tenant_file_issues() -> list[Issue]:
    kb = DEFAULT_TENANTS_DIR.parent / "knowledge"
    issues = find_issues(kb, DEFAULT_TENANTS_DIR, References.load(reference_dir()))
    return [issue for issue in issues if issue.file.startswith("tenants/") or "/tenants/" in issue.file]


def test_the_tenant_files_pass_the_checks_against_the_real_knowledge_base() -> None:
    errors = [str(issue) for issue in tenant_file_issues() if issue.severity == "error"]
    assert errors == []


def test_a_retention_shorter_than_a_queued_copy_is_refused(voorbeeld: Tenant) -> None:
    """SQS keeps a ticket on its way (or a dead letter) up to 14 days: a tenant promising 13 could
    not keep that promise (the admin API once published such a tenant)."""
    document = voorbeeld.model_dump(mode="json")
    with pytest.raises(ValueError, match="retention_days"):
        Tenant.model_validate({**document, "retention_days": 13})
    assert Tenant.model_validate({**document, "retention_days": 14}).retention_days == 14


@pytest.mark.parametrize("email", ["kcc@voorbeeld.example\r\nBcc: x@evil.example", "kcc @voorbeeld.example", "kcc",
                                   "a@b@voorbeeld.example"])
def test_a_team_email_is_one_address(voorbeeld: Tenant, email: str) -> None:
    document = voorbeeld.model_dump(mode="json")
    document["teams"]["kcc"]["email"] = email
    with pytest.raises(ValueError, match="email"):
        Tenant.model_validate(document)


@pytest.mark.parametrize("where", ["name", "team", "phone", "text"])
@pytest.mark.parametrize("bad", ["Gemeente \u202eelpmaxE", "Gemeente\u2066X\u2069", "Gemeente\x00X", "\u200b\u200d",
                                 "Gemeente\x1b[31m"])
def test_texts_residents_read_follow_the_rules_of_their_own_messages(voorbeeld: Tenant, where: str, bad: str) -> None:
    """A right-to-left override or a control character in a tenant's name, a team's name or phone, or
    any answer text reached the widget, WhatsApp and the dashboard (the admin API accepted them)."""
    document = voorbeeld.model_dump(mode="json")
    if where == "name":
        document["name"] = bad
    elif where == "team":
        document["teams"]["kcc"]["name"]["nl"] = bad
    elif where == "phone":
        document["teams"]["kcc"]["phone"] = bad
    else:
        document["intent_overrides"]["paspoort"] = {"answer": {"nl": bad, "en": "An answer."}}
    with pytest.raises(ValueError, match="the text (is empty|contains control or direction characters)"):
        Tenant.model_validate(document)


def test_zero_width_characters_inside_a_text_stay_as_in_residents_messages(voorbeeld: Tenant) -> None:
    document = voorbeeld.model_dump(mode="json")
    document["name"] = "Gemeente Voor\u00adbeeld \U0001f3db\ufe0f"  # a soft hyphen, an emoji with its selector
    assert Tenant.model_validate(document).name == document["name"]


@pytest.mark.parametrize("where", ["urls", "override"])
def test_a_tenants_own_pages_are_https_only(voorbeeld: Tenant, where: str) -> None:
    """Residents are sent to these pages (forms asking for a BSN or an IBAN): an http:// page can be
    altered on the way. The admin API accepted `urls: {afspraak: http://...}`."""
    from core.kb.checks import settings_problems

    document = voorbeeld.model_dump(mode="json")
    if where == "urls":
        document["urls"]["afspraak"] = "http://www.voorbeeld.example/afspraak"
    else:
        document["intent_overrides"]["paspoort"] = {"urls": {"afspraak": "http://www.voorbeeld.example/paspoort"}}
    tenant = Tenant.model_validate(document)
    problems = [str(problem) for problem in settings_problems(tenant)]
    assert any("is not an absolute https:// URL" in problem for problem in problems), problems

"""A topic's after-hours contact (`after_hours:`): who helps while the gemeente is closed. What `balie kb check`
refuses, how a tenant overrides it (its own storingsnummer) and what a build carries; and the question that asks
for it (`contacts.asks_after_hours`)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from adapters.kb_files import FileKnowledge
from balie_local import kb_tools
from balie_local.kb_tools import Issue, References, find_issues
from core.dialogue.contacts import asks_after_hours, asks_whom_to_call

SMALL = Path(__file__).parent / "data" / "kb_small"

AFTER_HOURS = """after_hours:
  answer:
    nl: "Is de vergunning 's nachts nodig? Parkeer dan op de parkeerplaats bij het station."
    en: "Need the permit at night? Then park at the car park by the station."
  links:
    - title: {nl: "Parkeren bij het station", en: "Parking by the station"}
      url: https://www.example.org/station
examples:"""
OVERRIDE = """  parkeervergunning:
    after_hours:
      answer: {nl: "Bel de parkeerwacht, dag en nacht: 0123-999.", en: "Call the parking warden, day and night: 0123-999."}
      links:
        - title: {nl: "Parkeren", en: "Parking"}
          slot: parkeervergunning
whatsapp:"""


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """The small fixture knowledge base; the parking permit has an after-hours contact, tenant alpha its own."""
    shutil.copytree(SMALL, tmp_path / "kb")
    replace(tmp_path / "kb" / "knowledge" / "parkeervergunning.yaml", "examples:", AFTER_HOURS)
    replace(tmp_path / "kb" / "tenants" / "alpha.yaml", "whatsapp:", OVERRIDE)
    return tmp_path / "kb"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def issues_of(kb: Path) -> list[Issue]:
    reference = kb / "reference"
    return find_issues(kb / "knowledge", kb / "tenants", References.load(reference, real_questions=reference / "real_questions.tsv"))


def test_after_hours_contacts_pass_the_check(kb: Path) -> None:
    assert [issue for issue in issues_of(kb) if issue.severity == "error"] == []


def test_kb_check_refuses_an_after_hours_link_that_is_no_url_shared_or_a_tenants(kb: Path) -> None:
    replace(kb / "knowledge" / "parkeervergunning.yaml", "url: https://www.example.org/station", "url: station.nl")
    replace(kb / "tenants" / "alpha.yaml", "slot: parkeervergunning\nwhatsapp:", "url: www.alpha.example\nwhatsapp:")
    errors = [issue for issue in issues_of(kb) if issue.severity == "error"]
    messages = " | ".join(issue.message for issue in errors)
    assert "'station.nl' is not an absolute https:// URL" in messages
    assert "'www.alpha.example' is not an absolute https:// URL" in messages
    assert {Path(issue.file).name for issue in errors} == {"parkeervergunning.yaml", "alpha.yaml"}


def test_a_build_carries_the_shared_after_hours_contact_and_a_tenants_own(kb: Path, tmp_path: Path) -> None:
    output = tmp_path / "compiled"
    kb_tools.compile_all(kb / "knowledge", kb / "tenants", output)
    files = FileKnowledge(output)
    own = files.get("alpha").intent("parkeervergunning").after_hours
    assert own is not None and "0123-999" in own.answer.nl
    assert own.links[0].url == "https://www.alpha.example/parkeervergunning"  # the tenant's slot, filled in
    shared = files.get("beta").intent("parkeervergunning").after_hours
    assert shared is not None and "station" in shared.answer.nl
    assert files.get("beta").intent("paspoort").after_hours is None


@pytest.mark.parametrize("text", [
    "wie bel ik 's nachts?", "who do I call at night?", "wie bel ik 's avonds als er iets gevaarlijks is",
    "is er een noodnummer", "wat is het storingsnummer?", "and who can I ring at the weekend?",
    "oh, wie kan ik vannacht bellen",
])
def test_a_question_for_whom_to_call_while_closed(text: str) -> None:
    assert asks_after_hours(text)


@pytest.mark.parametrize("text", [
    "wie kan ik bellen?", "ik werk 's nachts, kan ik overdag bellen?", "mijn buren maken 's nachts herrie",
    "who do I call?",
    "Al drie avonden op rij staat de muziek keihard aan tot 2 uur 's nachts, wie bel ik, en wat kan de gemeente doen "
    "aan dit soort lawaai van de bovenburen?",
])
def test_not_a_question_for_whom_to_call_while_closed(text: str) -> None:
    assert not asks_after_hours(text)


@pytest.mark.parametrize("text", ["wie bel ik nu dan", "oh, wie moet ik dan bellen", "oh, who do I call then"])
def test_whom_to_call_with_its_small_words(text: str) -> None:
    assert asks_whom_to_call(text)

"""A detail's `named_alone` (its words name its topic on their own) and `facts` (tenant facts said after its answer):
what `balie kb check` refuses and what a build carries."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_kb_details_referrals import DETAIL, SMALL, issues_of, replace

from adapters.kb_files import FileKnowledge
from balie_local import kb_tools


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """The small fixture knowledge base with one detail of the parking permit."""
    shutil.copytree(SMALL, tmp_path / "kb")
    permit = tmp_path / "kb" / "knowledge" / "parkeervergunning.yaml"
    permit.write_text(permit.read_text(encoding="utf-8").replace("examples:", DETAIL, 1), encoding="utf-8")
    return tmp_path / "kb"


def with_detail_settings(kb: Path, settings: str) -> None:
    replace(kb / "knowledge" / "parkeervergunning.yaml", "        slot: parkeervergunning\nexamples:",
            f"        slot: parkeervergunning\n{settings}examples:")


def test_a_build_carries_a_details_named_alone_and_its_facts(kb: Path, tmp_path: Path) -> None:
    with_detail_settings(kb, "    named_alone: true\n    facts: [phone]\n")
    assert issues_of(kb) == []
    output = tmp_path / "compiled"
    kb_tools.compile_all(kb / "knowledge", kb / "tenants", output)
    detail = FileKnowledge(output).get("alpha").intent("parkeervergunning").detail_for("ik ben mijn vergunning kwijt")
    assert detail is not None and detail.named_alone and detail.facts == ["phone"]


def test_a_detail_without_them_is_named_beside_its_topic_only_and_says_no_facts(kb: Path, tmp_path: Path) -> None:
    output = tmp_path / "compiled"
    kb_tools.compile_all(kb / "knowledge", kb / "tenants", output)
    detail = FileKnowledge(output).get("alpha").intent("parkeervergunning").detail_for("ik ben mijn vergunning kwijt")
    assert detail is not None and not detail.named_alone and detail.facts == []


def test_kb_check_refuses_a_detail_fact_that_is_no_tenant_fact(kb: Path) -> None:
    with_detail_settings(kb, "    facts: [weather]\n")
    errors = [issue for issue in issues_of(kb) if issue.severity == "error"]
    assert len(errors) == 1 and "details.0.facts.0" in errors[0].message and "'phone'" in errors[0].message
    assert errors[0].file.endswith("parkeervergunning.yaml")


def test_kb_check_refuses_a_named_alone_phrase_that_another_topic_or_a_referral_uses(kb: Path) -> None:
    with_detail_settings(kb, "    named_alone: true\n")
    calendar = kb / "knowledge" / "afvalkalender.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("examples:", """details:
  - name: kwijt
    words: ["lost my permit"]
    answer: {nl: "Kwijt? Vraag een nieuwe aan.", en: "Lost? Apply for a new one."}
examples:""", 1), encoding="utf-8")
    scope = kb / "knowledge" / "_out_of_scope.yaml"
    scope.write_text(scope.read_text(encoding="utf-8") + """referrals:
  - organisation: RDW
    url: https://www.rdw.nl
    words: ["vergunning kwijt"]
    text: {nl: "Een kentekenbewijs kwijt? Ga naar de RDW.", en: "Lost a registration? Go to the RDW."}
""", encoding="utf-8")
    refused = {(Path(issue.file).name, issue.message) for issue in issues_of(kb) if issue.severity == "error"}
    said = "parkeervergunning detail 'verloren': the phrase {!r} names it alone (named_alone) but is also a phrase of {}"
    assert refused == {("parkeervergunning.yaml", said.format("lost my permit", "afvalkalender detail 'kwijt'")),
                       ("parkeervergunning.yaml", said.format("vergunning kwijt", "referral 'RDW'"))}

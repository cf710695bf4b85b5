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

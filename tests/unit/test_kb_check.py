"""`balie kb check`: every problem is reported with its file and line."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from balie_local import kb_tools
from balie_local.kb_tools import Issue, References, find_issues, read_yaml

SMALL = Path(__file__).parent / "data" / "kb_small"


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A private copy of the small fixture knowledge base that a test may break."""
    shutil.copytree(SMALL, tmp_path / "kb")
    return tmp_path / "kb"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def issues_of(kb: Path) -> list[Issue]:
    reference = kb / "reference"
    return find_issues(kb / "knowledge", kb / "tenants", References.load(reference, real_questions=reference / "real_questions.tsv"))


def only(issues: list[Issue], severity: str = "error") -> list[Issue]:
    return [issue for issue in issues if issue.severity == severity]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def line_after(path: Path, anchor: str, needle: str) -> int:
    """The first line holding `needle` after the line holding `anchor`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if anchor in line)
    return next(number for number, line in enumerate(lines[start:], start=start + 1) if needle in line)


def single_error(kb: Path) -> Issue:
    errors = only(issues_of(kb))
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


def test_the_fixture_knowledge_base_is_clean(kb: Path) -> None:
    assert issues_of(kb) == []


def test_a_schema_error_points_at_its_line(kb: Path) -> None:
    path = kb / "knowledge" / "paspoort.yaml"
    edit(path, "kind: topic", "kind: topicc")
    error = single_error(kb)
    assert error.file.endswith("knowledge/paspoort.yaml")
    assert error.line == line_of(path, "kind: topicc")
    assert "kind" in error.message


def test_a_nested_error_points_at_the_list_item(kb: Path) -> None:
    path = kb / "knowledge" / "paspoort.yaml"
    edit(path, "    slot: afspraak\n", "    slot: afspraak\n    url: https://www.example.org/\n")
    error = single_error(kb)
    assert error.line == line_of(path, "title: {nl: \"Maak een afspraak\"")
    assert "links.0" in error.message


def test_a_yaml_syntax_error_points_at_its_line(kb: Path) -> None:
    path = kb / "knowledge" / "groet.yaml"
    edit(path, "title: {nl: \"Begroeting\", en: \"Greeting\"}", "title: {nl: \"Begroeting\", en: \"Greeting\"")
    error = only(issues_of(kb))[0]
    assert error.file.endswith("groet.yaml") and error.message.startswith("YAML")
    assert error.line >= line_of(path, "title:")


def test_a_duplicate_key_is_an_error_not_a_silent_overwrite(kb: Path) -> None:
    path = kb / "knowledge" / "groet.yaml"
    edit(path, "upl: null\n", "upl: null\nupl: paspoort\n")
    error = only(issues_of(kb))[0]
    assert "duplicate key 'upl'" in error.message
    assert error.line == line_of(path, "upl: paspoort")


def test_an_unquoted_time_gets_a_hint(kb: Path) -> None:
    path = kb / "tenants" / "alpha.yaml"
    edit(path, '[["08:30", "17:00"]]', '[["08:30", 17:00]]')
    error = single_error(kb)
    assert error.line == line_of(path, "monday:")
    assert "quotes" in error.message


def test_every_taxonomy_id_needs_a_file_and_ids_match_file_names(kb: Path) -> None:
    (kb / "knowledge" / "groet.yaml").unlink()
    shutil.copy(SMALL / "knowledge" / "paspoort.yaml", kb / "knowledge" / "reisdocument.yaml")
    messages = [issue.message for issue in only(issues_of(kb))]
    assert any("'groet' has no knowledge file" in message for message in messages)
    assert any("does not match the file name 'reisdocument.yaml'" in message for message in messages)


def test_kind_and_team_follow_the_taxonomy(kb: Path) -> None:
    edit(kb / "knowledge" / "paspoort.yaml", "team: burgerzaken", "team: parkeren")
    assert "the taxonomy says 'burgerzaken'" in single_error(kb).message


def test_a_topic_needs_twenty_dutch_and_three_english_examples(kb: Path) -> None:
    path = kb / "knowledge" / "paspoort.yaml"
    edit(path, "    - hoe vraag ik een paspoort aan\n", "")
    edit(path, "    - lost my passport\n", "")
    errors = only(issues_of(kb))
    assert {(error.line, error.message.split(": ", 1)[1]) for error in errors} == {
        (line_after(path, "examples:", "  nl:"), "19 nl examples, at least 20 needed"),
        (line_after(path, "examples:", "  en:"), "2 en examples, at least 3 needed"),
    }


def test_answer_length_warns_above_80_and_fails_above_100_words(kb: Path) -> None:
    path = kb / "knowledge" / "parkeervergunning.yaml"
    original = "U vraagt een parkeervergunning online aan met DigiD."
    edit(path, original, " ".join(["woord"] * 90))
    assert only(issues_of(kb)) == []
    warning = only(issues_of(kb), "warning")[0]
    assert "90 words" in warning.message and warning.line == line_of(path, "woord woord")
    edit(path, " ".join(["woord"] * 90), " ".join(["woord"] * 101))
    assert "101 words" in single_error(kb).message


def test_upl_names_must_exist_case_insensitively(kb: Path) -> None:
    # Afvalkalender is capitalised in the fixture UPL list: that still matches.
    edit(kb / "knowledge" / "paspoort.yaml", "upl: paspoort", "upl: reispaspoort")
    error = single_error(kb)
    assert "'reispaspoort' is not a UniformeProductnaam" in error.message


def test_a_upl_name_other_than_the_taxonomys_is_a_warning_unless_the_taxonomy_is_wrong(kb: Path) -> None:
    upl = kb / "reference" / "data" / "upl" / "UPL-actueel.csv"
    upl.write_text(upl.read_text(encoding="utf-8") + "reisdocument,http://x.example/R,X\n", encoding="utf-8")
    edit(kb / "knowledge" / "paspoort.yaml", "upl: paspoort", "upl: reisdocument")
    [warning] = issues_of(kb)
    assert warning.severity == "warning" and "the taxonomy names 'paspoort'" in warning.message
    taxonomy = kb / "reference" / "spec" / "taxonomy.tsv"
    edit(taxonomy, "Paspoort aanvragen of verlengen\tpaspoort", "Paspoort aanvragen of verlengen\tpaspoortaanvraag")
    assert issues_of(kb) == []


def test_an_example_from_the_dev_set_is_an_error(kb: Path) -> None:
    path = kb / "knowledge" / "parkeervergunning.yaml"
    edit(path, "    - parkeerrecht bewoners\n", "    - \"Vergunning om te parkeren, bij mijn huis!\"\n")
    error = single_error(kb)
    assert "dev set" in error.message and error.line == line_of(path, "Vergunning om te parkeren")


def test_an_out_of_scope_example_from_the_dev_set_is_an_error_too(kb: Path) -> None:
    path = kb / "knowledge" / "_out_of_scope.yaml"
    edit(path, "vertel een mop,", "Hoe laat is het op Mars?,")
    error = single_error(kb)
    assert "dev set" in error.message and error.file.endswith("_out_of_scope.yaml")


def test_an_example_copied_from_a_real_message_is_an_error(kb: Path) -> None:
    path = kb / "knowledge" / "_out_of_scope.yaml"
    edit(path, "vertel een mop,", "wanneer wordt mijn ZORGTOESLAG uitbetaald,")
    error = single_error(kb)
    assert "real resident's message" in error.message and error.file.endswith("_out_of_scope.yaml")


def test_a_clause_copied_out_of_a_real_story_is_an_error(kb: Path) -> None:
    path = kb / "knowledge" / "parkeervergunning.yaml"
    edit(path, "    - parkeerrecht bewoners\n", "    - \"kan ik voor allebei een parkeervergunning krijgen\"\n")
    error = single_error(kb)
    assert "real resident's message" in error.message
    assert error.line == line_of(path, "kan ik voor allebei een parkeervergunning krijgen")


def test_a_short_phrase_that_also_occurs_in_a_real_story_is_no_copy(kb: Path) -> None:
    # Five words are too few to call a copy: "parkeervergunning krijgen" style phrases are
    # what residents write anyway.
    path = kb / "knowledge" / "parkeervergunning.yaml"
    edit(path, "    - parkeerrecht bewoners\n", "    - \"voor allebei een parkeervergunning krijgen\"\n")
    assert only(issues_of(kb)) == []


def test_the_same_example_in_two_intents_is_an_error(kb: Path) -> None:
    path = kb / "knowledge" / "parkeervergunning.yaml"
    edit(path, "    - parkeerrecht bewoners\n", "    - Paspoort kwijt\n")
    error = single_error(kb)
    # Reported once, at one copy, naming the other copy's file and line.
    first, second = sorted([f"parkeervergunning.yaml:{line_of(path, 'Paspoort kwijt')}",
                            f"paspoort.yaml:{line_of(kb / 'knowledge' / 'paspoort.yaml', '- paspoort kwijt')}"])
    assert f"{error.file.rsplit('/', 1)[1]}:{error.line}" in (first, second)
    assert first in error.message or second in error.message


def test_a_tenant_needs_every_slot_its_enabled_intents_use(kb: Path) -> None:
    path = kb / "tenants" / "alpha.yaml"
    edit(path, "  parkeervergunning: https://www.alpha.example/parkeervergunning\n", "")
    error = single_error(kb)
    assert error.file.endswith("tenants/alpha.yaml") and error.line == line_of(path, "urls:")
    assert "'parkeervergunning'" in error.message


def test_a_disabled_intent_needs_no_slot(kb: Path) -> None:
    # beta switched afvalkalender off, so it needs no afvalkalender URL; alpha does.
    edit(kb / "tenants" / "alpha.yaml", "  afvalkalender: https://www.alpha.example/afval?postcode={postcode}&huisnummer={huisnummer}\n", "")
    error = single_error(kb)
    assert error.file.endswith("alpha.yaml") and "'afvalkalender'" in error.message


def test_a_placeholder_url_outside_a_guided_flow_is_an_error(kb: Path) -> None:
    edit(kb / "tenants" / "alpha.yaml", "parkeervergunning: https://www.alpha.example/parkeervergunning",
         "parkeervergunning: https://www.alpha.example/parkeervergunning?postcode={postcode}")
    assert "needs ['postcode']" in single_error(kb).message


def test_tenant_overrides_must_name_known_intents_and_teams(kb: Path) -> None:
    path = kb / "tenants" / "beta.yaml"
    edit(path, "disabled_intents: [afvalkalender]", "disabled_intents: [afvalkalender, bestaatniet]")
    edit(path, "    team: kcc\n    answer:", "    team: handhaving\n    answer:")
    messages = sorted(error.message for error in only(issues_of(kb)))
    assert messages == [
        "disabled intent 'bestaatniet' does not exist",
        "team 'handhaving' is not one of the tenant's teams",
    ]


def test_tenant_examples_may_not_repeat_shared_ones(kb: Path) -> None:
    path = kb / "tenants" / "beta.yaml"
    edit(path, "overtocht eiland]", "paspoort kwijt]")
    error = single_error(kb)
    assert error.file.endswith("beta.yaml") and error.line == line_of(path, "paspoort kwijt]")
    assert "'veerpont' is also an example of 'paspoort'" in error.message


def test_tenant_only_intents_follow_the_same_content_rules(kb: Path) -> None:
    edit(kb / "tenants" / "beta.yaml", "en: [ferry timetable, ferry to the island, ferry price]", "en: [ferry timetable]")
    assert "veerpont: 1 en examples, at least 3 needed" in single_error(kb).message


def test_whatsapp_phone_ids_are_unique_and_origins_have_no_path(kb: Path) -> None:
    edit(kb / "tenants" / "beta.yaml", 'phone_number_id: "222"', 'phone_number_id: "111"')
    edit(kb / "tenants" / "alpha.yaml", '"https://www.alpha.example"', '"https://www.alpha.example/chat"')
    messages = sorted(error.message for error in only(issues_of(kb)))
    assert len(messages) == 2
    assert "is not an origin" in messages[0] and "also used by tenant 'alpha'" in messages[1]


def test_read_yaml_keeps_the_line_of_every_key_and_item(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a:\n  b:\n    - 1\n    - c: 2\n", encoding="utf-8")
    source = read_yaml(path)
    assert source.data == {"a": {"b": [1, {"c": 2}]}}
    assert source.line_of(("a", "b", 1, "c")) == 4
    # Parts a pydantic location adds (union branch names) are skipped.
    assert source.line_of(("a", "function-after[x]", "b", 0)) == 3
    assert source.line_of(()) == 1


def test_the_command_exits_1_on_errors_and_0_when_clean(kb: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BALIE_REFERENCE", str(kb / "reference"))
    args = argparse.Namespace(kb=str(kb / "knowledge"), tenants=str(kb / "tenants"))
    assert kb_tools.check(args) == 0
    edit(kb / "knowledge" / "paspoort.yaml", "kind: topic", "kind: topicc")
    assert kb_tools.check(args) == 1
    out = capsys.readouterr()
    assert "paspoort.yaml:2: error:" in out.out and "\n1 error(s)" in out.err


def test_normalise_ignores_case_accents_punctuation_and_spacing() -> None:
    assert kb_tools.normalise("  Wat kost een Paspoort?! ") == "wat kost een paspoort"
    assert kb_tools.normalise("café-bezoek") == kb_tools.normalise("Cafe bezoek")
    assert kb_tools.normalise("???") == "???"  # punctuation-only input stays an example of its own


def test_a_look_pair_under_wcag_contrast_is_a_warning_on_its_line(kb: Path) -> None:
    alpha = kb / "tenants" / "alpha.yaml"
    edit(alpha, "opening_hours:\n", 'look:\n  primary_background_color: "#ffd500"\n  focus_outline_color: "#dddddd"\nopening_hours:\n')
    issues = issues_of(kb)
    assert only(issues) == []
    warnings = {issue.message.split(" ")[0]: issue for issue in only(issues, "warning")}
    assert set(warnings) == {"primary_color", "focus_outline_color"}
    assert "#ffffff on primary_background_color #ffd500 has contrast 1.4:1" in warnings["primary_color"].message
    assert "the widget uses #000000" in warnings["primary_color"].message
    assert warnings["focus_outline_color"].line == line_of(alpha, "focus_outline_color")

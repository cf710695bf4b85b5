"""A topic's own details (`details:`) and the referrals out of scope (`referrals:`): the words
that name them (core.kb.phrases), what `balie kb check` refuses, and what a build carries."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from adapters.kb_files import FileKnowledge
from balie_local import kb_tools
from balie_local.kb_tools import Issue, References, find_issues
from core.kb.phrases import KeyWords, names_any, phrase_problem

SMALL = Path(__file__).parent / "data" / "kb_small"

DETAIL = """details:
  - name: verloren
    words: ["vergunning kwijt", "bezoekerspas* verloren", "lost my permit"]
    answer:
      nl: "Bent u uw vergunning kwijt? Vraag dan een nieuwe aan."
      en: "Lost your permit? Then apply for a new one."
    links:
      - title: {nl: "Nieuwe vergunning", en: "New permit"}
        slot: parkeervergunning
examples:"""
REFERRAL = """referrals:
  - organisation: IND
    url: https://ind.nl
    words: ["verblijfsvergunning*", "residence permit"]
    text: {nl: "Voor een verblijfsvergunning gaat u naar de IND: ind.nl.", en: "For a residence permit, go to the IND: ind.nl."}
"""


@pytest.mark.parametrize(("text", "phrase"), [
    ("De taxi was vanochtend weer te laat!", "taxi te laat"),  # other words between, in order
    ("ik ben mijn VERBLIJFSVERGUNNING kwijt", "verblijfsvergunning"),  # case
    ("de containers zijn vol", "container* vol"),  # a word with * matches longer words
    ("Mijn oekraïense paspoort", "oekraiense paspoort"),  # accents
    ("my landlord won't fix it", "landlord won t fix"),  # punctuation is a space
])
def test_a_message_names_a_phrase_whose_words_come_in_order_in_one_sentence(text: str, phrase: str) -> None:
    assert names_any(text, [phrase])


@pytest.mark.parametrize(("text", "phrase"), [
    ("te laat voor de taxi", "taxi te laat"),  # another order
    ("De taxi. Hij is te laat", "taxi te laat"),  # two sentences
    ("de taxi kwam gisteren om half negen en veel te laat", "taxi te laat"),  # more than three words between
    ("de containerbak", "container vol"),  # no * : the whole word
    ("verblijfs-vergunning", "verblijfsvergunning"),  # two words are not one
    ("ik wind me op", "ind"),  # a word, not a part of one
])
def test_a_message_does_not_name_a_phrase_otherwise(text: str, phrase: str) -> None:
    assert not names_any(text, [phrase])


def test_a_phrase_that_cannot_be_used_is_explained() -> None:
    assert phrase_problem("taxi te laat") is None
    assert phrase_problem("container*") is None
    assert "at least one word" in (phrase_problem("?!") or "")
    assert "end of a word" in (phrase_problem("con*tainer") or "")
    assert "four letters" in (phrase_problem("ab*") or "")


KEYED = ["taxi te laat", "container* vol", "verblijfsvergunning*", "ind", "landlord won t fix", "open shop", "open winkel"]


def test_each_phrase_has_one_key_word_the_fewest_phrases_use_then_the_longest() -> None:
    keys = KeyWords.of(KEYED)
    assert keys.words == {"taxi", "ind", "landlord", "shop", "winkel"}  # "open" is two phrases' word
    assert keys.starts == ("container", "verblijfsvergunning")


@pytest.mark.parametrize(("text", "every_word"), [
    ("De taxi was vanochtend weer te laat!", True), ("ik ben mijn VERBLIJFSVERGUNNING kwijt", True),
    ("de containers zijn vol", True), ("my landlord won't fix it", True), ("Ik wil een winkel open doen.", True),
    ("te laat voor de taxi", True),  # every word, not in the phrase's order: let through, the pattern says no
    ("we willen een shop openen", False), ("de containerbak", False),  # a key word, not the phrase's other words
    ("ik wind me op", False), ("Hoe verleng ik mijn paspoort?", False), ("wanneer is het gemeentehuis open?", False),
])
def test_a_message_without_every_word_of_a_phrase_names_none_of_them(text: str, every_word: bool) -> None:
    # `KeyWords.in_text` is looked up before the phrases' patterns (`TenantKnowledge.referral_for`): it may let a
    # message through that names none, never hold back one that names one
    may_name = KeyWords.of(KEYED).in_text(text)
    assert may_name or not names_any(text, KEYED)
    assert may_name == every_word


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """The small fixture knowledge base with one detail and one referral."""
    shutil.copytree(SMALL, tmp_path / "kb")
    permit = tmp_path / "kb" / "knowledge" / "parkeervergunning.yaml"
    permit.write_text(permit.read_text(encoding="utf-8").replace("examples:", DETAIL, 1), encoding="utf-8")
    scope = tmp_path / "kb" / "knowledge" / "_out_of_scope.yaml"
    scope.write_text(scope.read_text(encoding="utf-8") + REFERRAL, encoding="utf-8")
    return tmp_path / "kb"


def issues_of(kb: Path) -> list[Issue]:
    reference = kb / "reference"
    return find_issues(kb / "knowledge", kb / "tenants", References.load(reference, real_questions=reference / "real_questions.tsv"))


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_details_and_referrals_pass_the_check(kb: Path) -> None:
    assert issues_of(kb) == []


def test_kb_check_refuses_a_detail_phrase_it_cannot_use_or_that_names_two_details(kb: Path) -> None:
    permit = kb / "knowledge" / "parkeervergunning.yaml"
    replace(permit, '"lost my permit"', '"lost my permit", "?!"')
    replace(permit, "examples:", """  - name: verloren
    words: ["Vergunning  kwijt"]
    answer: {nl: "Nog een.", en: "Another."}
examples:""")
    errors = [issue for issue in issues_of(kb) if issue.severity == "error"]
    messages = " | ".join(issue.message for issue in errors)
    assert len(errors) == 3, messages
    assert "needs at least one word" in messages
    assert "two details have this name" in messages
    assert "'Vergunning  kwijt' is also a phrase of parkeervergunning detail 'verloren'" in messages
    assert all(issue.file.endswith("parkeervergunning.yaml") for issue in errors)


def test_kb_check_refuses_a_referral_without_a_url_or_with_a_phrase_of_another_referral(kb: Path) -> None:
    scope = kb / "knowledge" / "_out_of_scope.yaml"
    replace(scope, "url: https://ind.nl", "url: ind.nl")
    scope.write_text(scope.read_text(encoding="utf-8") + """  - organisation: Notaris
    url: https://www.notaris.nl
    words: ["testament", "Residence permit"]
    text: {nl: "Voor een testament gaat u naar een notaris.", en: "For a will, go to a notary."}
""", encoding="utf-8")
    errors = [issue for issue in issues_of(kb) if issue.severity == "error"]
    messages = " | ".join(issue.message for issue in errors)
    assert len(errors) == 2, messages
    assert "'ind.nl' is not an absolute https:// URL" in messages
    assert "'Residence permit' is also a phrase of referral 'IND'" in messages
    assert all(issue.file.endswith("_out_of_scope.yaml") for issue in errors)


def test_a_build_carries_the_details_and_the_referrals(kb: Path, tmp_path: Path) -> None:
    output = tmp_path / "compiled"
    kb_tools.compile_all(kb / "knowledge", kb / "tenants", output)
    knowledge = FileKnowledge(output).get("alpha")
    permit = knowledge.intent("parkeervergunning")
    detail = permit.detail_for("Help, ik ben mijn vergunning voor de auto kwijt")
    assert detail is not None and detail.name == "verloren"
    assert detail.links[0].url == permit.links[0].url  # the tenant's own page for the slot
    assert permit.detail_for("hoe vraag ik een parkeervergunning aan") is None
    referral = knowledge.referral_for("Ik ben mijn verblijfsvergunningen kwijt")
    assert referral is not None and referral.organisation == "IND"
    assert knowledge.referral_for("wat is het weer morgen") is None

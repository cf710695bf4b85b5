"""The compiled artefacts: build, load from disk, in-memory repository, classify, export."""
from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from adapters.kb_files import FileKnowledge, compiled_directory
from balie_local import kb_tools
from balie_local.classify_cmd import classify_stream, tenants_dir_for
from balie_local.cli import main as balie
from core.errors import NotFound
from core.kb.build import SharedBase
from core.kb.compiled import CompiledFile, CorruptArtefact, load_knowledge, read_compiled
from core.kb.models import Followups, Tenant
from core.kb.static import StaticKnowledge
from core.memory import InMemoryTenantRegistry
from core.ports import KnowledgeRepository

SMALL = Path(__file__).parent / "data" / "kb_small"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("kb_compiled")
    (output / "gone.json").write_text("{}", encoding="utf-8")  # a tenant that no longer exists
    messages: list[str] = []
    kb_tools.compile_all(SMALL / "knowledge", SMALL / "tenants", output, progress=messages.append)
    assert any(message.startswith("[beta] done in") for message in messages)
    return output


def matcher_of(built: Path, slug: str) -> bytes:
    return (built / CompiledFile.model_validate_json((built / f"{slug}.json").read_bytes()).matcher.file).read_bytes()


def test_build_writes_the_shared_base_a_json_per_tenant_the_artefacts_and_the_index(built: Path) -> None:
    names = sorted(path.name for path in built.iterdir())
    assert names == ["alpha.json", "beta.json", "index.json", "matchers", "shared.json"]
    index = json.loads((built / "index.json").read_text(encoding="utf-8"))
    assert index["tenants"]["beta"] == {"whatsapp_phone_number_id": "222", "messenger_page_id": None,
                                        "instagram_account_id": None}
    shared = SharedBase.model_validate_json((built / "shared.json").read_bytes())
    assert sorted(shared.intents) == ["afvalkalender", "groet", "parkeervergunning", "paspoort"]
    # alpha changes nothing the matcher learns: it shares the base's artefact; beta has its own.
    artefacts = sorted(path.name for path in (built / "matchers").iterdir())
    assert len(artefacts) == 2 and all(len(name) == len("0" * 64 + ".matcher") for name in artefacts)
    alpha, beta = (CompiledFile.model_validate_json((built / f"{slug}.json").read_bytes()).matcher.file
                   for slug in ("alpha", "beta"))
    assert alpha != beta and {alpha, beta} == {f"matchers/{name}" for name in artefacts}


def test_a_rebuild_reuses_every_artefact_whose_inputs_did_not_change(built: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "again"
    shutil.copytree(built, copy)
    messages: list[str] = []
    kb_tools.compile_all(SMALL / "knowledge", SMALL / "tenants", copy, progress=messages.append)
    assert not [message for message in messages if "training on" in message]
    assert matcher_of(copy, "beta") == matcher_of(built, "beta")


def test_file_knowledge_loads_what_was_built(built: Path) -> None:
    repository: KnowledgeRepository = FileKnowledge(built)
    beta = repository.get("beta")
    assert beta.intents["parkeervergunning"].answer.nl == "In Beta is parkeren gratis."
    assert beta.matcher.classify("vaart de veerpont vandaag naar het eiland").intent == "veerpont"
    assert repository.get("beta") is beta  # cached per tenant
    assert repository.tenant_for_whatsapp("111") == "alpha"
    assert repository.tenant_for_whatsapp("999") is None
    assert repository.slugs() == ["alpha", "beta"]


def test_file_knowledge_refuses_unknown_tenants_and_paths(built: Path) -> None:
    repository = FileKnowledge(built)
    for slug in ("gamma", "../beta", "index"):
        with pytest.raises(NotFound):
            repository.get(slug)


def test_a_matcher_that_does_not_belong_to_its_json_is_refused(built: Path) -> None:
    with pytest.raises(CorruptArtefact):
        load_knowledge((built / "beta.json").read_bytes(), matcher_of(built, "alpha"))


def test_the_directory_comes_from_kb_dir_on_first_use(built: Path, monkeypatch) -> None:
    monkeypatch.setenv("KB_DIR", str(built))
    assert compiled_directory() == built
    assert FileKnowledge().get("alpha").slug == "alpha"
    monkeypatch.delenv("KB_DIR")
    assert compiled_directory().name == "kb_compiled" and compiled_directory().parent.name == "src"


def test_a_missing_build_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="balie kb build"):
        FileKnowledge(tmp_path).get("alpha")


def test_static_knowledge_serves_tests_in_memory(built: Path) -> None:
    alpha = FileKnowledge(built).get("alpha")
    repository: KnowledgeRepository = StaticKnowledge([alpha])
    assert repository.get("alpha") is alpha
    assert repository.tenant_for_whatsapp("111") == "alpha"
    assert repository.slugs() == ["alpha"]
    with pytest.raises(NotFound):
        repository.get("beta")


def test_classify_writes_one_json_object_per_line(built: Path) -> None:
    out = io.StringIO()
    classify_stream(FileKnowledge(built).get("alpha"), io.StringIO("paspoort verlengen\n\nwat is het weer morgen\n"), out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [record["text"] for record in records] == ["paspoort verlengen", "", "wat is het weer morgen"]
    assert records[0]["intent"] == "paspoort" and 0 <= records[0]["score"] <= 1
    assert records[0]["decision"] == "answer" and records[0]["candidates"] == []
    assert records[1] == {
        "text": "", "intent": None, "score": 0.0, "alternatives": [], "decision": "reject", "candidates": [], "parts": []
    }
    for record in records:
        # The contract's fields (API.md) and the policy's, nothing else.
        assert set(record) == {"text", "intent", "score", "alternatives", "decision", "candidates", "parts"}
        assert record["decision"] in ("answer", "clarify", "reject")
        assert (record["intent"] is not None) == (record["decision"] == "answer")
        assert len(record["alternatives"]) <= 3
        assert all(set(alternative) == {"intent", "score"} for alternative in record["alternatives"])
        assert record["intent"] not in [alternative["intent"] for alternative in record["alternatives"]]


def test_balie_classify_with_kb_compiles_in_memory(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("hoe laat gaat de pont\n"))
    assert balie(["classify", "--tenant", "beta", "--kb", str(SMALL / "knowledge")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["intent"] == "veerpont"
    assert tenants_dir_for(SMALL / "knowledge", None) == (SMALL / "tenants").resolve()


def test_balie_classify_reports_an_unknown_tenant(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("hallo\n"))
    assert balie(["classify", "--tenant", "gamma", "--kb", str(SMALL / "knowledge")]) == 2
    assert "gamma" in capsys.readouterr().err


def test_export_writes_the_shared_base_as_one_json_file(tmp_path: Path) -> None:
    target = tmp_path / "kb.json"
    args = argparse.Namespace(kb=str(SMALL / "knowledge"), tenants=None, output=str(target))
    assert kb_tools.export(args) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["license"] == "CC0-1.0"
    assert [intent["id"] for intent in document["intents"]] == ["afvalkalender", "groet", "parkeervergunning", "paspoort"]
    assert "tenant" not in json.dumps(document["intents"])  # no tenant overlay in the open data
    assert document["out_of_scope"]["examples"]["en"] == ["tell me a joke", "what is the weather"]


def test_file_knowledge_builds_the_matcher_only_when_it_classifies(built: Path) -> None:
    knowledge = FileKnowledge(built).get("alpha")
    assert knowledge.tenant.slug == "alpha"  # settings without the matcher (cold start)
    assert not knowledge.matcher.built
    eager = load_knowledge((built / "alpha.json").read_bytes(), matcher_of(built, "alpha"))
    assert knowledge.matcher.classify("paspoort verlengen") == eager.matcher.classify("paspoort verlengen")
    assert knowledge.matcher.built and knowledge.matcher.threshold == eager.matcher.threshold


def test_a_stale_matcher_is_refused_on_load_also_when_built_on_first_use(built: Path) -> None:
    with pytest.raises(CorruptArtefact):
        load_knowledge((built / "beta.json").read_bytes(), matcher_of(built, "alpha"), matcher_on_first_use=True)


def newer(document: bytes) -> bytes:
    """`document` as newer code might compile it: fields this code does not know, at the top, in an
    intent and inside a variant's follow-ups."""
    data = json.loads(document)
    data["compiled_by"] = "balie 99"
    intent = data["intents"]["paspoort"]
    intent["tone"] = "warm"
    intent["links"] = [{**link, "icon": "calendar"} for link in intent["links"]]
    return json.dumps(data).encode()


def test_stored_compiled_knowledge_from_newer_code_is_read_without_its_unknown_fields(built: Path) -> None:
    """A rolling deploy: warm functions of the old version read what the new version compiled."""
    document = (built / "alpha.json").read_bytes()
    current = read_compiled(document)
    assert current.ignored_fields == ()
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        CompiledFile.model_validate_json(newer(document))  # the models themselves stay strict
    compiled = read_compiled(newer(document))
    assert compiled.model_dump() == current.model_dump()  # nothing else lost or changed
    assert {"compiled_by", "intents.paspoort.tone", "intents.paspoort.links.0.icon"} <= set(compiled.ignored_fields)
    knowledge = load_knowledge(newer(document), matcher_of(built, "alpha"))
    assert knowledge.intents["paspoort"].model_dump() == current.intents["paspoort"].model_dump()
    registry = InMemoryTenantRegistry()
    registry._compiled[("alpha", 1)] = newer(document).decode()  # as the new version's builder stored it
    assert registry.compiled("alpha", 1).model_dump() == current.model_dump()


def test_stored_compiled_knowledge_with_other_errors_is_still_refused(built: Path) -> None:
    data = json.loads(newer((built / "alpha.json").read_bytes()))
    data["intents"]["paspoort"]["kind"] = "something else"
    with pytest.raises(ValidationError, match="kind"):
        read_compiled(json.dumps(data))


def test_what_people_write_is_still_validated_strictly() -> None:
    """Tenant files, the editor's drafts and `balie kb check` read the same models: a misspelt
    field stays an error there, it is not ignored."""
    source = yaml.safe_load((SMALL / "tenants" / "alpha.yaml").read_text(encoding="utf-8"))
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Tenant.model_validate({**source, "opening_hour": {}})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Followups.model_validate({"kosten": {"nl": "Gratis.", "en": "Free."}, "kosts": {"nl": "x", "en": "x"}})

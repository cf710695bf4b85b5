"""Tenants as data (core.tenants): publishing validates and stores immutable versions,
the build compiles a version (training only unseen matcher inputs), stores it and
switches the live pointer forwards only; the catalogue every function reads reads the
directory at most once per cache period and a tenant only when its version changed."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from balie_local import kb_tools
from core.errors import Forbidden, InvalidInput, NotFound
from core.kb.build import SharedBase
from core.kb.models import LinkSpec, Text
from core.memory import InMemoryArtefacts, InMemoryBuildQueue, InMemoryTenantRegistry
from core.staff import StaffIdentity
from core.tenants import TenantAdmin, TenantBuilder, TenantCatalogue, VersionStatus

SMALL = Path(__file__).parent / "data" / "kb_small"
MOMENT = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
OPERATOR = StaffIdentity(subject="ops", tenant="*", teams=None, roles=frozenset({"admin"}))


@pytest.fixture(scope="module")
def shared() -> SharedBase:
    return kb_tools.shared_of(kb_tools.load_sources(SMALL / "knowledge", None))


def document(slug: str = "gamma", **changes: object) -> dict:
    base = kb_tools.load_sources(SMALL / "knowledge", SMALL / "tenants").tenants["alpha"]
    data = base.model_dump(mode="json")
    data.update(slug=slug, name=f"Gemeente {slug.title()}", widget_origins=[f"https://www.{slug}.example"],
                whatsapp={"phone_number_id": None, "reopen_template": None})
    data.update(changes)
    return data


class Trainer:
    """Counts the matchers trained (a few milliseconds each on the small base)."""

    def __init__(self) -> None:
        self.trained = 0

    def __call__(self, examples, oos_examples) -> bytes:
        self.trained += 1
        return kb_tools.trainer(None)(examples, oos_examples)


class World:
    def __init__(self, shared: SharedBase) -> None:
        self.registry = InMemoryTenantRegistry()
        self.artefacts = InMemoryArtefacts()
        self.train = Trainer()
        self.builder = TenantBuilder(registry=self.registry, artefacts=self.artefacts, shared=lambda: shared,
                                     code_version=lambda: "test-code", train=self.train)
        self.builds = InMemoryBuildQueue(builder=self.builder.build)
        self.admin = TenantAdmin(registry=self.registry, builds=self.builds, shared=lambda: shared,
                                 clock=lambda: MOMENT)
        self.now = 0.0
        self.catalogue = TenantCatalogue(registry=self.registry, artefacts=self.artefacts, cache_seconds=30,
                                         monotonic=lambda: self.now)


@pytest.fixture
def world(shared: SharedBase) -> World:
    return World(shared)


def test_a_published_tenant_is_built_and_live(world: World) -> None:
    version = world.admin.put(OPERATOR, "gamma", document())
    assert (version.slug, version.version, version.created_by) == ("gamma", 1, "ops")
    status = world.admin.status(OPERATOR, "gamma")
    assert status.live_version == 1 and status.versions[0].status == VersionStatus.LIVE
    knowledge = world.catalogue.get("gamma")
    assert knowledge.tenant.name == "Gemeente Gamma"
    assert knowledge.matcher.classify("paspoort verlengen").intent == "paspoort"
    assert world.catalogue.widget_origins("gamma") == ["https://www.gamma.example"]
    assert world.catalogue.any_widget_origin("https://www.gamma.example")
    assert [t.slug for t in world.admin.list(OPERATOR)] == ["gamma"]


def test_tenants_without_examples_of_their_own_share_one_trained_matcher(world: World) -> None:
    world.admin.put(OPERATOR, "gamma", document("gamma"))
    world.admin.put(OPERATOR, "delta", document("delta"))
    assert world.train.trained == 1
    assert world.catalogue.get("gamma").matcher is world.catalogue.get("delta").matcher
    extra = {"paspoort": {"extra_examples": {"nl": ["reisdocument kwijt op vakantie"], "en": []}}}
    world.admin.put(OPERATOR, "epsilon", document("epsilon", intent_overrides=extra))
    assert world.train.trained == 2  # its inputs differ: its own artefact
    world.now += 2
    assert world.catalogue.get("epsilon").matcher is not world.catalogue.get("gamma").matcher


def test_a_document_that_does_not_fit_is_refused_with_every_problem(world: World) -> None:
    with pytest.raises(InvalidInput, match="default_team"):
        world.admin.put(OPERATOR, "gamma", document(default_team="nobody"))
    with pytest.raises(InvalidInput, match=r"disabled_intents.0: disabled intent 'nope'.*urls: no URL for slot 'parkeervergunning'"):
        world.admin.put(OPERATOR, "gamma", document(urls={}, disabled_intents=["nope"]))
    with pytest.raises(InvalidInput, match="slug"):
        world.admin.put(OPERATOR, "other", document("gamma"))
    with pytest.raises(InvalidInput, match="JSON object"):
        world.admin.put(OPERATOR, "gamma", ["not", "a", "tenant"])
    assert world.registry.versions("gamma") == [] and world.builds.requested == []


def test_a_whatsapp_number_answers_for_one_tenant_only(world: World) -> None:
    world.admin.put(OPERATOR, "gamma", document(whatsapp={"phone_number_id": "555"}))
    with pytest.raises(InvalidInput, match="also used by tenant 'gamma'"):
        world.admin.put(OPERATOR, "delta", document("delta", whatsapp={"phone_number_id": "555"}))
    world.admin.put(OPERATOR, "gamma", document(whatsapp={"phone_number_id": "555"}, name="Gamma 2"))  # itself: fine
    assert world.catalogue.tenant_for_whatsapp("555") == "gamma"


def test_only_admins_publish_and_a_gemeente_only_its_own(world: World) -> None:
    kcc = StaffIdentity.from_claims({"sub": "anna", "custom:tenant": "gamma", "custom:teams": "*"})
    own_admin = StaffIdentity.from_claims({"sub": "bert", "custom:tenant": "gamma", "custom:teams": "*",
                                           "custom:roles": "admin"})
    with pytest.raises(Forbidden):
        world.admin.put(kcc, "gamma", document())
    with pytest.raises(Forbidden):
        world.admin.put(own_admin, "delta", document("delta"))
    assert world.admin.put(own_admin, "gamma", document()).version == 1
    with pytest.raises(Forbidden):
        world.admin.status(own_admin, "delta")
    with pytest.raises(NotFound):
        world.admin.status(OPERATOR, "delta")


def test_the_live_pointer_only_moves_forward_and_a_build_runs_once(world: World) -> None:
    world.builds.builder = None  # builds run when this test says
    first = world.admin.put(OPERATOR, "gamma", document(name="Eerste"))
    second = world.admin.put(OPERATOR, "gamma", document(name="Tweede"))
    assert world.builder.build("gamma", second.version).status == VersionStatus.LIVE
    late = world.builder.build("gamma", first.version)  # the older one finishes last
    assert late.status == VersionStatus.SUPERSEDED
    assert world.catalogue.get("gamma").tenant.name == "Tweede"
    assert world.builder.build("gamma", second.version).status == VersionStatus.LIVE  # redelivered: unchanged
    assert world.builder.build("gamma", 99) is None
    third = world.admin.put(OPERATOR, "gamma", document(name="Derde"))
    world.builder.build("gamma", third.version)
    statuses = {v.version: v.status for v in world.admin.status(OPERATOR, "gamma").versions}
    assert statuses == {3: VersionStatus.LIVE, 2: VersionStatus.SUPERSEDED, 1: VersionStatus.SUPERSEDED}


def test_a_version_that_cannot_be_compiled_fails_and_the_live_one_stays(world: World, shared: SharedBase) -> None:
    world.admin.put(OPERATOR, "gamma", document(name="Goed"))
    world.builds.builder = None
    version = world.admin.put(OPERATOR, "gamma", document(name="Kapot"))
    # What the admin API checked can still break at build time: here a newer shared base
    # whose paspoort links to a municipal page the tenant has no URL for.
    paspoort = shared.intents["paspoort"]
    newer = paspoort.model_copy(update={"links": [*paspoort.links, LinkSpec(title=Text(nl="Nieuw", en="New"), slot="nieuw")]})
    world.builder.shared = lambda: shared.model_copy(update={"intents": {**shared.intents, "paspoort": newer}})
    failed = world.builder.build("gamma", version.version)
    assert failed is not None and failed.status == VersionStatus.FAILED and "'nieuw'" in (failed.error or "")
    assert world.admin.status(OPERATOR, "gamma").live_version == 1
    assert world.catalogue.get("gamma").tenant.name == "Goed"


def test_the_catalogue_reads_the_directory_once_per_period_and_a_tenant_once_per_version(world: World) -> None:
    world.admin.put(OPERATOR, "gamma", document(name="Eerste"))
    reads = world.registry.directory_reads
    for _ in range(50):
        world.catalogue.get("gamma")  # turns: no read of their own
    assert world.registry.directory_reads == reads + 1
    world.admin.put(OPERATOR, "gamma", document(name="Tweede"))
    reads = world.registry.directory_reads
    world.now += 10
    assert world.catalogue.get("gamma").tenant.name == "Eerste"  # within the period: the cached copy
    world.now += 25
    assert world.catalogue.get("gamma").tenant.name == "Tweede"  # 35 s: the directory is read again
    assert world.registry.directory_reads == reads + 1


def test_a_new_tenant_is_found_at_once_but_unknown_slugs_cost_at_most_a_read_a_second(world: World) -> None:
    world.admin.put(OPERATOR, "gamma", document())
    world.catalogue.get("gamma")
    world.admin.put(OPERATOR, "delta", document("delta"))
    world.now += 2
    assert world.catalogue.get("delta").slug == "delta"  # added a moment ago: no 30 s wait
    reads = world.registry.directory_reads
    for _ in range(20):
        with pytest.raises(NotFound):
            world.catalogue.get("nope")
    assert world.registry.directory_reads <= reads + 1


def test_the_catalogue_keeps_at_most_its_capacity(world: World) -> None:
    world.catalogue.capacity = 2
    for slug in ("gamma", "delta", "zeta"):
        world.admin.put(OPERATOR, slug, document(slug))
        world.now += 2  # later than the retry interval for a slug not seen yet
        world.catalogue.get(slug)
    assert list(world.catalogue._tenants) == ["delta", "zeta"]  # noqa: SLF001 - the least recently used went
    assert world.catalogue.get("gamma").slug == "gamma"  # loaded again when asked


def test_an_admins_document_keeps_the_editors_published_topics_and_takes_its_own_changes(world: World) -> None:
    editors_answer = {"nl": "Bij ons haalt u uw paspoort op in het stadhuis.", "en": "Collect it at the town hall."}
    with_editors_work = document(intent_overrides={"paspoort": {"answer": editors_answer}})
    world.admin.put(OPERATOR, "gamma", with_editors_work)  # as the editors' publish leaves it
    world.admin.editors_topics = lambda slug: frozenset({"paspoort"}) if slug == "gamma" else frozenset()
    # The administrator's older file: new opening hours, a parking answer of its own, no passport answer.
    parking = {"nl": "Een vergunning vraagt u aan bij de balie.", "en": "Apply at the desk."}
    older_file = document(intent_overrides={"parkeervergunning": {"answer": parking}},
                          opening_hours={**with_editors_work["opening_hours"], "tuesday": [["09:00", "12:00"]]})
    version = world.admin.put(OPERATOR, "gamma", older_file)
    assert version.kept_from_editors == ["paspoort"]
    stored = world.registry.source("gamma", version.version)
    assert stored.intent_overrides["paspoort"].answer.nl == editors_answer["nl"]  # the editors' answer stays
    assert stored.intent_overrides["parkeervergunning"].answer.nl == parking["nl"]  # the file's own change
    assert stored.opening_hours["tuesday"] == [("09:00", "12:00")]  # the file's settings
    # The same file again keeps nothing new to name (the editors' answer is the current one) ...
    assert world.admin.put(OPERATOR, "gamma", with_editors_work).kept_from_editors == []
    # ... and on purpose the file replaces the editors' work.
    replaced = world.admin.put(OPERATOR, "gamma", older_file, replace_knowledge=True)
    assert replaced.kept_from_editors == [] and "paspoort" not in world.registry.source("gamma", replaced.version).intent_overrides

"""A tenant's retention goes live with its version (core.tenants, core.retention): the catalogue
tells the stores the retention now, and a version that replaces a shorter one keeps what that
one ended gone (`expired_before`), so raising `retention_days` again revives nothing."""
from __future__ import annotations

from datetime import timedelta

from core.clock import FixedClock
from core.kb.build import SharedBase
from core.retention import Retention
from core.tenants import TenantBuilder
from test_tenants import MOMENT, OPERATOR, World, document, shared  # noqa: F401 - the module's fixture


def test_each_version_brings_its_retention_and_keeps_what_a_shorter_one_ended(shared: SharedBase) -> None:  # noqa: F811
    world = World(shared)
    clock = FixedClock(MOMENT)
    world.builder = TenantBuilder(registry=world.registry, artefacts=world.artefacts, shared=world.builder.shared,
                                  code_version=lambda: "test-code", train=world.train, clock=clock)
    world.builds.builder = world.builder.build
    assert world.catalogue.retention("gamma") is None  # an unknown tenant: the stored expiry alone
    world.admin.put(OPERATOR, "gamma", document(retention_days=30))
    world.now += 60  # past the catalogue's cache period
    assert world.catalogue.retention("gamma") == Retention(30)
    clock.advance(days=20)
    world.admin.put(OPERATOR, "gamma", document(retention_days=14))
    world.now += 60
    day_20 = int((MOMENT + timedelta(days=20)).timestamp())
    assert world.catalogue.retention("gamma") == Retention(14, expired_before=day_20 - 30 * 86400)
    clock.advance(days=1)
    world.admin.put(OPERATOR, "gamma", document(retention_days=30))
    world.now += 60
    day_21 = day_20 + 86400
    # What 14 days had ended by day 21 (written up to day 7) stays gone under 30 days.
    assert world.catalogue.retention("gamma") == Retention(30, expired_before=day_21 - 14 * 86400)

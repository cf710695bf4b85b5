"""The dashboard's refresh asks for a page of open callback requests and their count in one request (session 23,
staff23; was a second, full read of every open request for the count alone): `count=true` adds the status's total
and urgent tickets for the caller's teams (or the team asked), whatever `urgent` keeps and however short the page."""
from __future__ import annotations

import pytest
from staff_support import World, who, world  # noqa: F401 - world is a fixture
from test_ticket_addition_delivery import added
from test_tickets import ticketed

from core.errors import Forbidden, InvalidInput
from core.models import TicketCount

KCC_ONLY = {"custom:teams": "kcc"}


def test_a_page_carries_the_whole_status_count_when_asked(world: World) -> None:
    calm = [ticketed(world, minutes_ago=50 - n) for n in range(3)]
    other_team = ticketed(world, team="burgerzaken", minutes_ago=5)
    world.intake.add(added(calm[2], 1, "het is wel dringend", urgent=True))
    assert world.desk.list(who(), order="urgent", limit="1").count is None  # only when asked
    page = world.desk.list(who(), order="urgent", limit="1", count="true")
    assert [r.id for r in page.records] == [calm[2].id] and page.count == TicketCount(total=4, urgent=1)
    assert world.desk.list(who(), order="urgent", urgent="false", limit="2", count="true").count == TicketCount(4, 1)
    assert world.desk.list(who(), status="open", limit="1", count="true").count == TicketCount(4, 1)  # oldest first
    assert world.desk.list(who(), team="burgerzaken", limit="1", count="true").count == TicketCount(1, 0)
    assert world.desk.list(who(**KCC_ONLY), limit="1", count="true").count == TicketCount(3, 1)  # their teams only
    world.desk.claim(who(), other_team.id)
    assert world.desk.list(who(), limit="1", count="true").count == TicketCount(3, 1)
    assert world.desk.list(who(), status="claimed", count="true").count == TicketCount(1, 0)
    world.desk.done(who(), calm[2].id, "gebeld")
    assert world.desk.list(who(), limit="1", count="true").count == TicketCount(2, 0)
    assert world.desk.list(who(), count="false").count is None


def test_a_bad_count_or_another_team_is_refused(world: World) -> None:
    with pytest.raises(InvalidInput, match="count"):
        world.desk.list(who(), count="yes")
    with pytest.raises(Forbidden):
        world.desk.list(who(**KCC_ONLY), team="burgerzaken", count="true")


def test_a_page_in_the_urgent_order_reads_the_marks_once_and_only_its_own_records(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard's page (order=urgent) places every open ticket by its mark (no record parsed) and reads the
    records of its page only; its count comes from the same marks, not from a second read."""
    calm = [ticketed(world, minutes_ago=10 - n) for n in range(3)]
    marks, records = world.ticket_store.marks, world.ticket_store.get_many
    reads: list[object] = []
    monkeypatch.setattr(world.ticket_store, "marks", lambda *args: reads.append("marks") or marks(*args))
    monkeypatch.setattr(world.ticket_store, "get_many", lambda tenant, ids: reads.append(list(ids)) or records(tenant, ids))
    monkeypatch.setattr(world.ticket_store, "list", lambda *args: pytest.fail("every record read for a page"))
    page = world.desk.list(who(), order="urgent", limit="2", count="true")
    assert [r.id for r in page.records] == [calm[0].id, calm[1].id] and page.count == TicketCount(3, 0) and page.next
    assert reads == ["marks", [calm[0].id, calm[1].id]]
    # A ticket taken between the marks and the records is left out of the page, the cursor still goes on after it.
    reads.clear()
    monkeypatch.setattr(world.ticket_store, "get_many", lambda tenant, ids: [
        record.model_copy(update={"status": "claimed"}) if record.id == calm[2].id else record for record in records(tenant, ids)])
    last = world.desk.list(who(), order="urgent", limit="2", cursor=page.next)
    assert last.records == [] and last.next is None

""""Volgend verzoek" (TicketDesk.next) chooses by the marks and reads only the request it hands out (session 24,
staff24; it read and parsed every claimed and every open request of the caller's teams to claim one)."""
from __future__ import annotations

import pytest
from staff_support import World, who, world  # noqa: F401 - world is a fixture
from test_ticket_addition_delivery import added
from test_tickets import ticketed

from core.models import TicketStatus


def watched(world: World, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The store's reads `next` makes, in order: ("marks", status), ("get", id), ("claim", id); a list read fails."""
    reads: list[object] = []
    store = world.ticket_store
    marks, get, claim = store.marks, store.get, store.claim
    monkeypatch.setattr(store, "marks", lambda tenant, status, teams=None: reads.append(("marks", status)) or marks(
        tenant, status, teams))
    monkeypatch.setattr(store, "get", lambda tenant, ticket_id: reads.append(("get", ticket_id)) or get(tenant, ticket_id))
    monkeypatch.setattr(store, "claim", lambda tenant, ticket_id, *args: reads.append(("claim", ticket_id)) or claim(
        tenant, ticket_id, *args))
    monkeypatch.setattr(store, "list", lambda *args: pytest.fail("every record of a status read to hand out one"))
    monkeypatch.setattr(store, "get_many", lambda *args: pytest.fail("records read to hand out one"))
    return reads


def test_next_reads_the_marks_and_claims_the_first_in_the_urgent_order(world: World,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    calm = [ticketed(world, minutes_ago=60 - n) for n in range(5)]
    world.intake.add(added(calm[3], 1, "het is wel dringend", urgent=True))
    world.desk.claim(who(sub="bert"), calm[4].id)  # a colleague's: not ours to get back
    reads = watched(world, monkeypatch)
    record, held = world.desk.next(who())
    assert (record.id, held, record.claimed_by) == (calm[3].id, False, "anna")  # urgent first
    # (what the in-memory claim reads itself comes after it)
    assert reads[:3] == [("marks", TicketStatus.CLAIMED), ("marks", TicketStatus.OPEN), ("claim", calm[3].id)]

    # Held now: given back first, one consistent read of that request only.
    reads.clear()
    assert world.desk.next(who()) == (world.ticket_store.get("voorbeeld", calm[3].id), True)
    assert reads[:2] == [("marks", TicketStatus.CLAIMED), ("get", calm[3].id)]


def test_a_held_mark_whose_request_was_finished_meanwhile_hands_out_the_next(world: World,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The index is read a moment before the record: a request finished in between is not given back as held."""
    oldest, newer = ticketed(world, minutes_ago=30), ticketed(world, minutes_ago=10)
    world.desk.claim(who(), oldest.id)
    marks = world.ticket_store.marks
    stale = marks("voorbeeld", TicketStatus.CLAIMED)
    world.desk.done(who(), oldest.id, "gebeld")
    monkeypatch.setattr(world.ticket_store, "marks", lambda tenant, status, teams=None:
                        stale if status == TicketStatus.CLAIMED else marks(tenant, status, teams))
    record, held = world.desk.next(who())
    assert (record.id, held) == (newer.id, False)

"""Staff's callback requests (session 22): the claimant's display name is kept with a ticket taken
(a ticket had only the id, so the dashboard said "een collega"); the open list in the urgent order
comes in pages like the other lists; "Volgend verzoek" gives a request one holds back first."""
from __future__ import annotations

import pytest
from staff_support import World, make_world, who, world  # noqa: F401 - world is a fixture
from test_ticket_addition_delivery import added
from test_tickets import ticketed

from core.errors import Forbidden, InvalidInput
from core.models import TicketStatus

KCC_ONLY = {"custom:teams": "kcc"}


def test_the_claimants_name_is_kept_until_the_ticket_is_given_back() -> None:
    world = make_world()
    ticket = ticketed(world)
    claimed = world.desk.claim(who(name="Anna de Vries"), ticket.id)
    assert (claimed.claimed_by, claimed.claimed_by_name) == ("anna", "Anna de Vries")
    [listed] = world.desk.list(who(sub="bert"), status="claimed").records
    assert listed.claimed_by_name == "Anna de Vries"
    released = world.desk.release(who(name="Anna de Vries"), ticket.id)
    assert released.claimed_by is None and released.claimed_by_name is None
    # A token without a display name keeps none (the dashboard then says "u" / "een collega").
    assert world.desk.claim(who(sub="bert"), ticket.id).claimed_by_name is None


def test_the_urgent_order_comes_in_pages_that_follow_each_other() -> None:
    world = make_world()
    calm = [ticketed(world, minutes_ago=100 - n) for n in range(4)]
    pressing = ticketed(world, minutes_ago=5)
    world.intake.add(added(pressing, 1, "het is wel dringend", urgent=True))
    everything = [r.id for r in world.desk.list(who(), order="urgent").records]
    assert everything == [pressing.id] + [t.id for t in calm]
    first = world.desk.list(who(), order="urgent", limit="2")
    assert [r.id for r in first.records] == everything[:2] and first.next
    second = world.desk.list(who(), order="urgent", limit="2", cursor=first.next)
    last = world.desk.list(who(), order="urgent", limit="2", cursor=second.next)
    assert [r.id for r in second.records + last.records] == everything[2:] and last.next is None
    # A request made urgent after the first page is in the first page (urgent ones oldest first), never twice on later ones.
    world.intake.add(added(calm[3], 2, "dringend", urgent=True))
    again = world.desk.list(who(), order="urgent", limit="2", cursor=first.next)
    assert [r.id for r in again.records] == [calm[1].id, calm[2].id] and again.next is None
    assert [r.id for r in world.desk.list(who(), order="urgent", limit="2").records] == [calm[3].id, pressing.id]
    # urgent=true in this order fills its pages; the claimed ones page the same way.
    calm_first = world.desk.list(who(), order="urgent", urgent="false", limit="1")
    assert [r.id for r in calm_first.records] == [calm[0].id] and calm_first.next
    assert [r.id for r in world.desk.list(who(), order="urgent", urgent="true", limit="1").records] == [calm[3].id]
    world.desk.claim(who(), calm[0].id)
    assert [r.id for r in world.desk.list(who(), status="claimed", order="urgent", limit="1").records] == [calm[0].id]


def test_a_cursor_is_good_for_its_own_order_only() -> None:
    world = make_world()
    for n in range(3):
        ticketed(world, minutes_ago=10 - n)
    urgent_next = world.desk.list(who(), order="urgent", limit="1").next
    oldest_next = world.desk.list(who(), status="open", limit="1").next
    assert urgent_next and oldest_next
    with pytest.raises(InvalidInput, match="cursor"):
        world.desk.list(who(), order="urgent", cursor=oldest_next)
    with pytest.raises(InvalidInput, match="cursor"):
        world.desk.list(who(), status="open", cursor=urgent_next)
    with pytest.raises(InvalidInput, match="limit"):
        world.desk.list(who(), order="urgent", limit="101")
    with pytest.raises(InvalidInput, match="urgent"):
        world.desk.list(who(), status="done", order="urgent", limit="2")
    with pytest.raises(Forbidden):
        world.desk.list(who(**KCC_ONLY), order="urgent", limit="1", team="burgerzaken")


def test_next_gives_a_held_request_back_first_then_urgent_then_the_oldest(world: World) -> None:
    oldest, pressing, chosen = ticketed(world, minutes_ago=60), ticketed(world, minutes_ago=30), ticketed(world)
    world.intake.add(added(pressing, 1, "het is wel dringend", urgent=True))
    world.desk.claim(who(), chosen.id)  # taken from the list
    record, held = world.desk.next(who())
    assert (record.id, held) == (chosen.id, True)  # not the urgent one: the held request first
    assert world.ticket_store.get("voorbeeld", pressing.id).status == TicketStatus.OPEN
    world.desk.done(who(), chosen.id, "gebeld")
    record, held = world.desk.next(who(name="Anna de Vries"))
    assert (record.id, held, record.claimed_by_name) == (pressing.id, False, "Anna de Vries")
    world.desk.claim(who(sub="bert"), oldest.id)  # a colleague was quicker
    world.desk.done(who(), pressing.id, "gebeld")
    assert world.desk.next(who()) == (None, False)
    assert world.desk.next(who(sub="bert"))[0].id == oldest.id  # theirs comes back to them


def test_next_skips_a_request_a_colleague_took_a_moment_earlier(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = ticketed(world, minutes_ago=20), ticketed(world, minutes_ago=10)
    marking = world.ticket_store.marks

    def taken_meanwhile(tenant, status, teams=None):
        found = marking(tenant, status, teams)
        if status == TicketStatus.OPEN and world.ticket_store.get(tenant, first.id).status == TicketStatus.OPEN:
            world.ticket_store.claim(tenant, first.id, "bert", world.clock())
        return found

    monkeypatch.setattr(world.ticket_store, "marks", taken_meanwhile)
    record, held = world.desk.next(who())
    assert (record.id, held) == (second.id, False)


def test_next_keeps_to_the_chosen_team(world: World) -> None:
    ticketed(world, team="burgerzaken", minutes_ago=30)
    ours = ticketed(world, team="kcc")
    assert world.desk.next(who(), team="kcc")[0].id == ours.id
    with pytest.raises(Forbidden):
        world.desk.next(who(**KCC_ONLY), team="burgerzaken")
    with pytest.raises(Forbidden):
        world.desk.next(who(**{"custom:roles": "editor"}))

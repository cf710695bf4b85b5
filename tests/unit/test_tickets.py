"""Tickets as records (core.tickets): the intake stores each handed-over ticket once,
tells its team once and registers it in Open Klant once; staff list their teams'
tickets oldest first, claim (one holder), release, mark done with an outcome (which
ends the resident's waiting handover) and answer WhatsApp tickets on WhatsApp."""
from __future__ import annotations

from datetime import timedelta

import pytest
from staff_support import OPEN_KLANT, TUESDAY, World, make_world, who, world  # noqa: F401 - world is a fixture

import core.tickets as tickets_module
from core.erasure import erase_conversation
from core.errors import Conflict, Forbidden, InvalidInput, NotFound, ServiceUnavailable
from core.models import Channel, Conversation, Handover, HandoverStatus, Role, Ticket, TicketStatus
from core.staff import StaffIdentity

KCC_ONLY = {"custom:teams": "kcc"}
BZ_ONLY = {"custom:teams": "burgerzaken"}


def ticketed(world: World, *, team: str = "kcc", channel: Channel = Channel.WEB, tenant: str = "voorbeeld",
             minutes_ago: int = 0) -> Ticket:
    """A conversation that asked for a callback: its handover is queued and its ticket handed over."""
    moment = TUESDAY - timedelta(minutes=minutes_ago)
    number = len(world.tickets.sent) + 1
    conversation_id = f"{tenant}.{number:032x}"
    ticket = Ticket(id=f"t{number}", tenant=tenant, team=team, conversation_id=conversation_id, channel=channel,
                    intent="paspoort", summary="Inwoner: mijn paspoort is verlopen", contact="+31612345678",
                    contact_kind="whatsapp" if channel == Channel.WHATSAPP else "phone",
                    created_at=moment, expected_contact_at=moment + timedelta(hours=12))
    world.store.save(Conversation(
        id=conversation_id, tenant=tenant, channel=channel, created_at=moment, updated_at=moment,
        handover=Handover(status=HandoverStatus.QUEUED, team=team, reason="asked", requested_at=moment,
                          expected_contact_at=ticket.expected_contact_at, ticket_id=ticket.id),
    ), 0)
    world.tickets.send(ticket)  # the intake stores it at once (InMemoryTicketQueue.intake)
    return ticket


# -- the intake ----------------------------------------------------------------


def test_the_intake_stores_the_ticket_and_tells_its_team_without_resident_data(world: World) -> None:
    ticket = ticketed(world)
    [record] = world.ticket_store.list("voorbeeld", TicketStatus.OPEN)
    assert record.id == ticket.id and record.contact == "+31612345678" and record.notified_at == TUESDAY
    [mail] = world.mail.sent
    assert mail.to == "kcc@voorbeeld.example" and "het Klantcontactcentrum" in mail.subject
    assert "Titel paspoort" in mail.text and "https://balie.example/staff/#gesprekken" in mail.text
    assert "+31612345678" not in mail.text and "verlopen" not in mail.text  # only in the dashboard


def test_a_redelivered_ticket_is_stored_and_announced_once(world: World) -> None:
    ticket = ticketed(world)
    again = world.intake.accept(ticket)
    assert again.stored and not again.new and not again.notified
    assert len(world.ticket_store.list("voorbeeld", TicketStatus.OPEN)) == 1 and len(world.mail.sent) == 1


def test_a_team_without_an_address_falls_back_to_the_default_teams(world: World) -> None:
    ticketed(world, team="burgerzaken")
    assert [mail.to for mail in world.mail.sent] == ["kcc@voorbeeld.example"]


def test_a_failed_mail_is_retried_and_the_record_is_not_stored_twice(world: World) -> None:
    world.mail.fail = True
    with pytest.raises(ServiceUnavailable):
        ticketed(world)
    [record] = world.ticket_store.list("voorbeeld", TicketStatus.OPEN)
    assert record.notified_at is None
    world.mail.fail = False
    retried = world.intake.accept(world.tickets.sent[0])  # SQS delivers the message again
    assert retried.notified and not retried.new and len(world.mail.sent) == 1


def test_a_ticket_of_an_erased_conversation_is_dropped(world: World) -> None:
    ticket = Ticket(id="late", tenant="voorbeeld", team="kcc", conversation_id="voorbeeld." + "e" * 32,
                    channel=Channel.WEB, summary="x", created_at=TUESDAY, expected_contact_at=TUESDAY)
    result = world.intake.accept(ticket)
    assert not result.stored and world.ticket_store.get("voorbeeld", "late") is None and world.mail.sent == []


def test_the_record_expires_after_the_tenants_retention() -> None:
    class Capturing:
        expires: list[int] = []

        def __init__(self, inner):
            self.inner = inner

        def create(self, ticket, expires_at):
            self.expires.append(expires_at)
            return self.inner.create(ticket, expires_at)

        def __getattr__(self, name):
            return getattr(self.inner, name)

    world = make_world()
    world.intake.tickets = Capturing(world.ticket_store)  # type: ignore[assignment]
    ticketed(world)
    assert Capturing.expires == [int((TUESDAY + timedelta(days=30)).timestamp())]


class RecordingPoster:
    def __init__(self, fail: bool = False) -> None:
        self.urls: list[str] = []
        self.patched: list[tuple[str, dict]] = []
        self.fail = fail

    def post_json(self, url: str, payload: dict, timeout: float | None = None) -> dict:
        if self.fail:
            raise ServiceUnavailable("Open Klant down")
        self.urls.append(url)
        return {"uuid": f"uuid-{len(self.urls)}"}

    def patch_json(self, url: str, payload: dict, timeout: float | None = None) -> dict:
        if self.fail:
            raise ServiceUnavailable("Open Klant down")
        self.patched.append((url, payload))
        return payload


def test_open_klant_gets_each_ticket_once_and_a_failure_is_retried() -> None:
    poster = RecordingPoster(fail=True)
    world = make_world(open_klant=poster)
    with pytest.raises(ServiceUnavailable):
        ticketed(world)
    [record] = world.ticket_store.list("voorbeeld", TicketStatus.OPEN)  # the ticket stands either way
    assert record.open_klant == {} and poster.urls == []
    poster.fail = False
    world.intake.accept(world.tickets.sent[0])
    world.intake.accept(world.tickets.sent[0])  # once more: nothing new
    assert [url.rsplit("/", 1)[1] for url in poster.urls] == [
        "klantcontacten", "betrokkenen", "digitaleadressen", "actoren", "internetaken"]
    stored = world.ticket_store.get("voorbeeld", record.id)
    assert stored is not None and stored.open_klant["interneTaak"] == "uuid-5" and len(world.mail.sent) == 1


# -- staff: list, claim, release, done -------------------------------------------


def test_staff_list_their_teams_tickets_oldest_first(world: World) -> None:
    newer = ticketed(world, team="kcc", minutes_ago=5)
    older = ticketed(world, team="burgerzaken", minutes_ago=50)
    oldest = ticketed(world, team="kcc", minutes_ago=90)
    ticketed(world, tenant="anders")
    assert [r.id for r in world.desk.list(who()).records] == [oldest.id, older.id, newer.id]
    assert [r.id for r in world.desk.list(who(**KCC_ONLY)).records] == [oldest.id, newer.id]
    assert [r.id for r in world.desk.list(who(), team="burgerzaken").records] == [older.id]
    with pytest.raises(Forbidden):
        world.desk.list(who(**KCC_ONLY), team="burgerzaken")
    with pytest.raises(InvalidInput):
        world.desk.list(who(), status="queued")
    assert world.desk.list(who(), status="claimed").records == []


def test_done_tickets_come_in_pages_that_follow_each_other(world: World) -> None:
    made = [ticketed(world, team="kcc" if n % 2 else "burgerzaken", minutes_ago=100 - n) for n in range(5)]
    for ticket in made:
        world.desk.done(who(), ticket.id, "gebeld")
    first = world.desk.list(who(), status="done", limit="2")
    assert [r.id for r in first.records] == [made[0].id, made[1].id] and first.next
    second = world.desk.list(who(), status="done", limit="2", cursor=first.next)
    last = world.desk.list(who(), status="done", limit="2", cursor=second.next)
    assert [r.id for r in second.records + last.records] == [t.id for t in made[2:]] and last.next is None
    newest = world.desk.list(who(), status="done", limit="3", order="newest")
    assert [r.id for r in newest.records] == [made[4].id, made[3].id, made[2].id]
    assert [r.id for r in world.desk.list(who(), status="done", limit="3", order="newest", cursor=newest.next).records] == [
        made[1].id, made[0].id]
    # Only the caller's teams, also across pages; without a limit, done tickets still come in a page.
    assert [r.id for r in world.desk.list(who(**KCC_ONLY), status="done", limit="1", cursor=first.next).records] == [made[3].id]
    assert len(world.desk.list(who(), status="done").records) == 5


def test_done_pages_are_bounded_and_bad_paging_is_refused(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tickets_module, "DONE_PAGE", 2)
    for n in range(3):
        world.desk.done(who(), ticketed(world, minutes_ago=10 - n).id, "gebeld")
    default = world.desk.list(who(), status="done")
    assert len(default.records) == 2 and default.next  # never every done ticket at once
    assert len(world.desk.list(who(), status="open").records) == 0 and world.desk.list(who(), status="open").next is None
    for limit in ("0", "101", "-1", "twee", "1.5", "²"):
        with pytest.raises(InvalidInput, match="limit"):
            world.desk.list(who(), status="done", limit=limit)
    for cursor in ("", "not-a-cursor", "%%%", tickets_module.encode_ticket_cursor("2026-12-01#x"), "é"):
        with pytest.raises(InvalidInput, match="cursor"):
            world.desk.list(who(), status="done", cursor=cursor)
    with pytest.raises(InvalidInput, match="order"):
        world.desk.list(who(), status="done", order="random")


def test_one_holder_per_ticket(world: World) -> None:
    ticket = ticketed(world)
    claimed = world.desk.claim(who(), ticket.id)
    assert claimed.status == TicketStatus.CLAIMED and claimed.claimed_by == "anna" and claimed.claimed_at == TUESDAY
    assert world.desk.claim(who(), ticket.id).claimed_at == TUESDAY  # again: harmless
    with pytest.raises(Conflict, match="Een collega heeft dit verzoek al opgepakt"):
        world.desk.claim(who(sub="bert"), ticket.id)
    with pytest.raises(Conflict):
        world.desk.done(who(sub="bert"), ticket.id, "gebeld")
    assert [r.id for r in world.desk.list(who(), status="claimed").records] == [ticket.id]
    assert world.desk.list(who(), status="open").records == []


def test_release_by_the_holder_or_a_coordinator_of_every_team(world: World) -> None:
    ticket = ticketed(world)
    world.desk.claim(who(sub="bert", **KCC_ONLY), ticket.id)
    with pytest.raises(Conflict):
        world.desk.release(who(sub="carla", **KCC_ONLY), ticket.id)  # not hers
    released = world.desk.release(who(), ticket.id)  # anna sees every team: gives back bert's
    assert released.status == TicketStatus.OPEN and released.claimed_by is None
    with pytest.raises(Conflict, match="Niemand heeft dit verzoek opgepakt"):
        world.desk.release(who(), ticket.id)
    world.desk.claim(who(sub="carla", **KCC_ONLY), ticket.id)
    assert world.desk.release(who(sub="carla", **KCC_ONLY), ticket.id).status == TicketStatus.OPEN


def test_another_teams_or_tenants_ticket_is_out_of_reach(world: World) -> None:
    ticket = ticketed(world, team="burgerzaken")
    theirs = ticketed(world, tenant="anders")
    with pytest.raises(Forbidden):
        world.desk.claim(who(**KCC_ONLY), ticket.id)
    for action in (world.desk.claim, world.desk.release):
        with pytest.raises(NotFound):
            action(who(), theirs.id)
    with pytest.raises(NotFound):
        world.desk.done(who(), theirs.id, "gebeld")


def test_done_records_the_outcome_and_ends_the_waiting_handover(world: World) -> None:
    ticket = ticketed(world)
    world.desk.claim(who(), ticket.id)
    world.clock.advance(minutes=10)
    done = world.desk.done(who(), ticket.id, "gebeld, afspraak gemaakt", "Belt terug als het paspoort klaar is")
    assert done.status == TicketStatus.DONE and done.done_by == "anna" and done.outcome == "gebeld, afspraak gemaakt"
    assert done.note == "Belt terug als het paspoort klaar is"
    conversation = world.store.get("voorbeeld", ticket.conversation_id)
    assert conversation is not None and conversation.handover is not None
    assert conversation.handover.status == HandoverStatus.CLOSED and conversation.handover.closed_at == world.clock()
    assert conversation.transcript == []  # the resident is not in the chat: nothing said
    assert world.desk.done(who(), ticket.id, "gebeld").outcome == "gebeld, afspraak gemaakt"  # a retry changes nothing
    with pytest.raises(Conflict, match="al afgehandeld"):
        world.desk.claim(who(sub="bert"), ticket.id)
    assert [r.id for r in world.desk.list(who(), status="done").records] == [ticket.id]


def test_done_needs_an_outcome_and_leaves_a_newer_handover_alone(world: World) -> None:
    ticket = ticketed(world)
    with pytest.raises(InvalidInput):
        world.desk.done(who(), ticket.id, "  ")
    with pytest.raises(InvalidInput):
        world.desk.done(who(), ticket.id, "gebeld", "x" * 2001)
    conversation = world.store.get("voorbeeld", ticket.conversation_id)
    assert conversation is not None and conversation.handover is not None
    conversation.handover = Handover(status=HandoverStatus.WAITING, team="kcc", reason="asked again",
                                     requested_at=TUESDAY)
    world.store.save(conversation, conversation.version)
    world.desk.done(who(), ticket.id, "niet bereikt")  # open tickets may be finished directly
    again = world.store.get("voorbeeld", ticket.conversation_id)
    assert again is not None and again.handover is not None and again.handover.status == HandoverStatus.WAITING


# -- answering a WhatsApp ticket -------------------------------------------------


def test_a_whatsapp_ticket_is_answered_on_whatsapp_and_the_answer_reaches_its_author(world: World) -> None:
    ticket = ticketed(world, channel=Channel.WHATSAPP)
    with pytest.raises(Conflict, match="Pak het verzoek eerst op"):
        world.desk.reply(who(), ticket.id, "Goedemorgen")
    world.desk.claim(who(), ticket.id)
    entry = world.desk.reply(who(), ticket.id, "Goedemorgen, u vroeg om contact over uw paspoort.")
    assert entry.role == Role.STAFF and entry.author == "anna"
    assert world.sender.sent == [(ticket.conversation_id, ["Goedemorgen, u vroeg om contact over uw paspoort."])]
    conversation = world.store.get("voorbeeld", ticket.conversation_id)
    assert conversation is not None and conversation.handover is not None
    # The bot stays silent now: the resident's answer is for anna (and she sees it as a live handover).
    assert conversation.handover.status == HandoverStatus.LIVE and conversation.handover.claimed_by == "anna"
    assert conversation.handover.ticket_id == ticket.id
    world.desk.done(who(), ticket.id, "beantwoord via WhatsApp")
    closed = world.store.get("voorbeeld", ticket.conversation_id)
    assert closed is not None and closed.handover is not None and closed.handover.status == HandoverStatus.CLOSED
    assert "afgesloten" in world.sender.sent[-1][1][0]  # the resident hears the chat ended


def test_a_refused_whatsapp_answer_is_not_stored(world: World) -> None:
    ticket = ticketed(world, channel=Channel.WHATSAPP)
    world.desk.claim(who(), ticket.id)
    world.sender.fail = True
    with pytest.raises(ServiceUnavailable):
        world.desk.reply(who(), ticket.id, "Goedemorgen")
    conversation = world.store.get("voorbeeld", ticket.conversation_id)
    assert conversation is not None and conversation.transcript == []
    assert conversation.handover is not None and conversation.handover.status == HandoverStatus.QUEUED


def test_a_web_ticket_is_called_or_mailed_not_answered_in_the_chat(world: World) -> None:
    ticket = ticketed(world)
    world.desk.claim(who(), ticket.id)
    with pytest.raises(Conflict, match="Bel of mail de inwoner"):
        world.desk.reply(who(), ticket.id, "Hallo")
    [record] = world.desk.list(who(), status="claimed").records
    assert record.contact == "+31612345678" and record.contact_kind == "phone"


# -- erasure and identity ---------------------------------------------------------


def test_erasure_removes_the_tickets_and_names_the_open_klant_calls_it_cannot_make() -> None:
    world = make_world(open_klant=RecordingPoster())
    ticket = ticketed(world)
    erasure = world.staff.erase(who(), ticket.conversation_id)
    assert world.ticket_store.get("voorbeeld", ticket.id) is None and world.desk.list(who()).records == []
    [copies] = erasure.not_erased
    assert copies.system == "open_klant" and copies.calls == [
        f"DELETE {OPEN_KLANT}/internetaken/uuid-5", f"DELETE {OPEN_KLANT}/digitaleadressen/uuid-3",
        f"DELETE {OPEN_KLANT}/betrokkenen/uuid-2", f"DELETE {OPEN_KLANT}/klantcontacten/uuid-1"]


def test_the_residents_own_erasure_names_the_open_klant_calls_too() -> None:
    world = make_world(open_klant=RecordingPoster())
    ticket = ticketed(world)
    erasure = erase_conversation(world.store, world.ticket_store, world.staff.knowledge, "voorbeeld",
                                 ticket.conversation_id)
    assert world.store.get("voorbeeld", ticket.conversation_id) is None
    assert world.ticket_store.get("voorbeeld", ticket.id) is None
    [copies] = erasure.not_erased
    assert copies.calls[0] == f"DELETE {OPEN_KLANT}/internetaken/uuid-5" and len(copies.calls) == 4
    with pytest.raises(NotFound):
        erase_conversation(world.store, world.ticket_store, world.staff.knowledge, "voorbeeld", ticket.conversation_id)


def test_erasure_without_open_klant_has_nothing_left(world: World) -> None:
    ticket = ticketed(world)
    assert world.staff.erase(who(), ticket.conversation_id).not_erased == []


def test_roles_come_from_the_token_and_default_to_kcc() -> None:
    assert who().roles == frozenset({"kcc"})
    editor = who(**{"custom:roles": "editor, admin,unknown"})
    assert editor.roles == frozenset({"editor", "admin"})
    editor.require_role("admin")
    with pytest.raises(Forbidden):
        who().require_role("admin")
    assert StaffIdentity.from_claims({"sub": "ops", "custom:tenant": "*", "custom:teams": "*",
                                      "custom:roles": "admin"}).is_platform

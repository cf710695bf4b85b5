"""An addition to a queued ticket reaches the staff as the ticket did: the team's e-mail (without the
resident's words or contact) and a klantcontact about the ticket's in the tenant's Open Klant, each once
per addition however often the intake gets it, a failed step retried alone; an urgent addition marks the
ticket urgent. Erasure names the addition's Open Klant resources too."""
from __future__ import annotations

from datetime import timedelta

import pytest
from staff_support import OPEN_KLANT, TUESDAY, make_world, who
from test_tickets import RecordingPoster, ticketed

from core.erasure import erase_conversation
from core.errors import InvalidInput, ServiceUnavailable
from core.models import AddedToTicket, Ticket, TicketAddition


def added(ticket: Ticket, number: int, text: str = "ik ben pas na 14 uur thuis", **more: object) -> AddedToTicket:
    return AddedToTicket(tenant=ticket.tenant, conversation_id=ticket.conversation_id, ticket_id=ticket.id,
                         addition=TicketAddition(id=f"addition{number}", at=TUESDAY + timedelta(minutes=number),
                                                 text=text, **more))  # type: ignore[arg-type]


def test_an_addition_is_mailed_to_the_team_once_without_the_residents_words_or_contact() -> None:
    world = make_world()
    ticket = ticketed(world)
    addition = added(ticket, 1, "of bel me op [TELEFOON], het is dringend", contact="+31687654321",
                     contact_kind="phone", urgent=True)
    first = world.intake.add(addition)
    again = world.intake.add(addition)  # SQS delivers at least once
    assert first.notified and not again.notified and not again.new
    [_, mail] = world.mail.sent  # the ticket's own, then the addition's
    assert mail.to == "kcc@voorbeeld.example" and mail.subject.startswith("Dringend: aanvulling op terugbelverzoek")
    assert ticket.id in mail.text and "dringend volgens de inwoner, een ander telefoonnummer" in mail.text
    assert "+31687654321" not in mail.text and "bel me" not in mail.text
    assert "https://balie.example/staff/#gesprekken" in mail.text
    record = world.ticket_store.get("voorbeeld", ticket.id)
    assert record is not None and record.additions[0].notified_at == TUESDAY and record.urgent


def test_a_failed_mail_is_retried_and_sent_once() -> None:
    world = make_world()
    ticket = ticketed(world)
    world.mail.fail = True
    with pytest.raises(ServiceUnavailable):
        world.intake.add(added(ticket, 1))
    world.mail.fail = False
    assert world.intake.add(added(ticket, 1)).notified  # the retry: kept once, mailed now
    world.intake.add(added(ticket, 1))
    record = world.ticket_store.get("voorbeeld", ticket.id)
    assert record is not None and len(record.additions) == 1 and len(world.mail.sent) == 2
    assert "Aanvulling: een toelichting" in world.mail.sent[1].text and not record.urgent


def test_open_klant_gets_each_addition_once_about_the_tickets_klantcontact() -> None:
    poster = RecordingPoster()
    world = make_world(open_klant=poster)
    ticket = ticketed(world)  # uuid-1 .. uuid-5: the ticket's klantcontact is uuid-1
    bodies: list[dict] = []
    recording = poster.post_json

    def post_json(url: str, payload: dict, timeout: float | None = None) -> dict:
        bodies.append(payload)
        return recording(url, payload, timeout)

    poster.post_json = post_json  # type: ignore[method-assign]
    addition = added(ticket, 1, "mail me ook op [E-MAIL]", contact="jan@example.nl", contact_kind="email")
    poster.fail = True
    with pytest.raises(ServiceUnavailable):
        world.intake.add(addition)
    poster.fail = False
    assert world.intake.add(addition).open_klant
    world.intake.add(addition)  # once more: nothing new
    assert [url.rsplit("/", 1)[1] for url in poster.urls[5:]] == [
        "klantcontacten", "betrokkenen", "digitaleadressen", "onderwerpobjecten"]
    contact, _, address, subject = bodies[-4:]
    assert contact["inhoud"] == "mail me ook op [E-MAIL]" and contact["onderwerp"] == "Aanvulling op terugbelverzoek: paspoort"
    assert address["adres"] == "jan@example.nl" and address["verstrektDoorBetrokkene"] == {"uuid": "uuid-7"}
    assert subject["klantcontact"] == {"uuid": "uuid-6"} and subject["wasKlantcontact"] == {"uuid": "uuid-1"}
    assert subject["onderwerpobjectidentificator"]["objectId"] == ticket.id
    record = world.ticket_store.get("voorbeeld", ticket.id)
    assert record is not None and record.additions[0].open_klant["onderwerpobject"] == "uuid-9"
    assert len(world.mail.sent) == 2  # the ticket's and the addition's, each once
    erasure = erase_conversation(world.store, world.ticket_store, world.staff.knowledge, "voorbeeld",
                                 ticket.conversation_id)
    [copies] = erasure.not_erased
    assert f"DELETE {OPEN_KLANT}/onderwerpobjecten/uuid-9" in copies.calls
    assert f"DELETE {OPEN_KLANT}/klantcontacten/uuid-6" in copies.calls and len(copies.calls) == 8


def test_an_addition_waits_for_its_tickets_open_klant_registration() -> None:
    poster = RecordingPoster(fail=True)
    world = make_world(open_klant=poster)
    with pytest.raises(ServiceUnavailable):
        ticketed(world)  # stored and mailed, not registered yet
    ticket = world.tickets.sent[0]
    poster.fail = False
    with pytest.raises(ServiceUnavailable):
        world.intake.add(added(ticket, 1))  # stored and mailed; Open Klant waits for the ticket's own klantcontact
    assert poster.urls == []
    world.intake.accept(ticket)
    world.intake.add(added(ticket, 1))
    assert [url.rsplit("/", 1)[1] for url in poster.urls][5] == "klantcontacten" and len(poster.urls) == 8
    assert len(world.mail.sent) == 2


def test_an_urgent_addition_marks_the_ticket_in_the_staff_list() -> None:
    world = make_world()
    calm, pressing = ticketed(world, minutes_ago=30), ticketed(world, minutes_ago=10)
    world.intake.add(added(calm, 1))
    world.intake.add(added(pressing, 2, "het is wel dringend", urgent=True))
    world.intake.add(added(pressing, 3))  # a later, calm addition does not take the mark away
    assert [(record.id, record.urgent) for record in world.desk.list(who()).records] == [
        (calm.id, False), (pressing.id, True)]


def test_staff_take_urgent_tickets_first_or_only_them() -> None:
    world = make_world()
    calm, pressing, later = ticketed(world, minutes_ago=30), ticketed(world, minutes_ago=10), ticketed(world)
    world.intake.add(added(pressing, 1, "het is wel dringend", urgent=True))
    world.intake.add(added(later, 2, "het is dringend", urgent=True))
    ids = {calm.id: "calm", pressing.id: "pressing", later.id: "later"}
    assert [ids[r.id] for r in world.desk.list(who(), order="urgent").records] == ["pressing", "later", "calm"]
    assert [ids[r.id] for r in world.desk.list(who(), urgent="true").records] == ["pressing", "later"]
    assert [ids[r.id] for r in world.desk.list(who(), urgent="false").records] == ["calm"]
    with pytest.raises(InvalidInput, match="urgent"):
        world.desk.list(who(), urgent="ja")
    with pytest.raises(InvalidInput, match="urgent"):
        world.desk.list(who(), status="done", order="urgent")  # done ones come in pages, oldest or newest first

"""The Klantinteracties mapping of a ticket, and the push (and an addition's update of the interne taak) against a
local HTTP server (stack_support.FakeOpenKlant)."""
from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

import pytest

from adapters.open_klant_http import UrllibJsonPoster
from stack_support import FakeOpenKlant
from core.clock import FixedClock
from core.errors import ServiceUnavailable
from core.kb.models import OpenKlantSettings, Tenant
from core.memory import InMemoryConversationStore, InMemoryTicketStore
from core.models import AddedToTicket, Channel, Conversation, Ticket, TicketAddition
from core.open_klant import TAAK_UPDATED, push_ticket, ticket_to_klantinteractie
from core.tickets import TicketIntake
from core.opening_hours import AMSTERDAM

TENANT = Tenant.model_validate({
    "slug": "voorbeeld", "name": "Gemeente Voorbeeld", "domain": "www.voorbeeld.example", "default_team": "kcc",
    "teams": {"kcc": {"name": {"nl": "Klantcontactcentrum", "en": "Contact centre"}}},
})
TICKET = Ticket(
    id="0123456789abcdef0123456789abcdef", tenant="voorbeeld", team="kcc", conversation_id="voorbeeld." + "b" * 32,
    channel=Channel.WEB, intent="paspoort", summary="Inwoner: paspoort verlopen\nBot: maak een afspraak",
    contact="+31612345678", contact_kind="phone",
    created_at=datetime(2026, 11, 28, 21, 30, tzinfo=AMSTERDAM),
    expected_contact_at=datetime(2026, 11, 30, 8, 30, tzinfo=AMSTERDAM),
)


def test_mapping_follows_klantinteracties() -> None:
    bundle = ticket_to_klantinteractie(TICKET, TENANT)
    contact = bundle["klantcontact"]
    assert contact["kanaal"] == "chat" and contact["taal"] == "nld" and contact["vertrouwelijk"] is True
    assert contact["plaatsgevondenOp"] == "2026-11-28T21:30:00+01:00"
    assert contact["onderwerp"] == "Terugbelverzoek: paspoort"
    assert bundle["betrokkene"]["rol"] == "klant" and "contactnaam" in bundle["betrokkene"]
    [address] = bundle["digitaleAdressen"]
    assert address["soortDigitaalAdres"] == "telefoonnummer" and address["adres"] == "+31612345678"
    task = bundle["interneTaak"]
    assert task["gevraagdeHandeling"] == "Terugbellen" and task["status"] == "te_verwerken"
    assert TICKET.id in task["toelichting"]
    assert bundle["actor"]["naam"] == "Klantcontactcentrum"
    json.dumps(bundle)  # JSON-ready


def test_email_contact_maps_to_soort_email() -> None:
    ticket = TICKET.model_copy(update={"contact": "a@b.nl", "contact_kind": "email"})
    assert ticket_to_klantinteractie(ticket, TENANT)["digitaleAdressen"][0]["soortDigitaalAdres"] == "email"


def test_push_creates_the_resources_in_order_with_linked_uuids(open_klant: str) -> None:
    created = push_ticket(UrllibJsonPoster(token="secret"), open_klant + "/", TICKET, TENANT)
    paths = [path.rsplit("/", 1)[1] for path, _, _ in FakeOpenKlant.received]
    assert paths == ["klantcontacten", "betrokkenen", "digitaleadressen", "actoren", "internetaken"]
    bodies = {path.rsplit("/", 1)[1]: body for path, body, _ in FakeOpenKlant.received}
    assert bodies["betrokkenen"]["hadKlantcontact"] == {"uuid": created["klantcontact"]}
    assert bodies["digitaleadressen"]["verstrektDoorBetrokkene"] == {"uuid": created["betrokkene"]}
    assert bodies["internetaken"]["aanleidinggevendKlantcontact"] == {"uuid": created["klantcontact"]}
    assert bodies["internetaken"]["toegewezenAanActoren"] == [{"uuid": created["actor"]}]
    assert {auth for _, _, auth in FakeOpenKlant.received} == {"Token secret"}


def test_a_rejected_post_is_a_service_error(open_klant: str) -> None:
    FakeOpenKlant.fail_path = "/klantinteracties/api/v1/betrokkenen"
    with pytest.raises(ServiceUnavailable):
        push_ticket(UrllibJsonPoster(token=""), open_klant, TICKET, TENANT)


def test_an_unreachable_server_is_a_service_error() -> None:
    with pytest.raises(ServiceUnavailable):
        UrllibJsonPoster(timeout=1).post_json("http://127.0.0.1:9/nothing", {})


def test_a_slow_open_klant_is_cut_off_by_the_time_budget(open_klant: str) -> None:
    class SlowPoster:
        calls = 0

        def post_json(self, url: str, payload: dict, timeout: float | None = None) -> dict:
            type(self).calls += 1
            assert timeout is not None and timeout <= 0.2
            time.sleep(0.15)
            return {"uuid": "x"}

    with pytest.raises(ServiceUnavailable):
        push_ticket(SlowPoster(), open_klant, TICKET, TENANT, budget_seconds=0.2)
    assert SlowPoster.calls == 2


class _Knowledge:
    def __init__(self, tenant: Tenant) -> None:
        self.tenant, self.intents = tenant, {}


class _Repo:
    def __init__(self, tenant: Tenant) -> None:
        self.knowledge = _Knowledge(tenant)

    def get(self, tenant: str) -> _Knowledge:
        return self.knowledge


def test_an_addition_updates_the_tickets_interne_taak_once(open_klant: str) -> None:
    """An addition to a registered ticket: its klantcontact, and the ticket's interne taak PATCHed with it (its
    toelichting made afresh from the record: "Dringend." once urgent, a line per addition with its klantcontact),
    once per addition however often the intake gets it."""
    clock = FixedClock(TICKET.created_at)
    conversations = InMemoryConversationStore(clock=clock)
    conversations.save(Conversation(id=TICKET.conversation_id, tenant="voorbeeld", channel=Channel.WEB,
                                    created_at=TICKET.created_at, updated_at=TICKET.created_at), 0)
    tickets = InMemoryTicketStore(conversations)
    tenant = TENANT.model_copy(update={"open_klant": OpenKlantSettings(url=open_klant)})
    intake = TicketIntake(tickets=tickets, knowledge=_Repo(tenant), open_klant=UrllibJsonPoster(token="secret"),
                          clock=clock)
    intake.accept(TICKET)

    def addition(number: int, text: str, **more: object) -> AddedToTicket:
        return AddedToTicket(tenant="voorbeeld", conversation_id=TICKET.conversation_id, ticket_id=TICKET.id,
                             addition=TicketAddition(id=f"addition{number}", text=text, **more,  # type: ignore[arg-type]
                                                     at=TICKET.created_at + timedelta(minutes=number)))

    urgent = addition(1, "het is wel dringend", urgent=True)
    intake.add(urgent)
    intake.add(urgent)  # SQS delivers at least once
    intake.add(addition(2, "ik ben pas na 14 uur thuis"))
    record = tickets.get("voorbeeld", TICKET.id)
    taak = record.open_klant["interneTaak"]
    assert [(path.rsplit("/", 2)[-2:], auth) for path, _, auth in FakeOpenKlant.patched] == [
        (["internetaken", taak], "Token secret")] * 2  # one PATCH per addition
    first, second = record.additions
    assert first.open_klant[TAAK_UPDATED] == second.open_klant[TAAK_UPDATED] == taak
    [(path, _)] = [(path, resource) for path, resource in FakeOpenKlant.resources.items() if path.endswith(taak)]
    toelichting = FakeOpenKlant.resources[path]["toelichting"].split("\n")
    assert toelichting[0].startswith("Dringend. Verzoek via de chatbot") and TICKET.id in toelichting[0]
    assert toelichting[1:] == [
        f"Aanvulling addition1 ({first.at.isoformat()}): dringend volgens de inwoner; "
        f"zie klantcontact {first.open_klant['klantcontact']}.",
        f"Aanvulling addition2 ({second.at.isoformat()}): een toelichting; zie klantcontact {second.open_klant['klantcontact']}."]
    assert "dringend" not in FakeOpenKlant.resources[path]["toelichting"].split("Aanvulling addition2")[1]
    assert FakeOpenKlant.resources[path]["gevraagdeHandeling"] == "Terugbellen"  # the rest of the taak stays


def test_an_update_of_an_unknown_interne_taak_is_a_service_error(open_klant: str) -> None:
    with pytest.raises(ServiceUnavailable):
        UrllibJsonPoster().patch_json(f"{open_klant}/internetaken/unknown", {"toelichting": "x"})

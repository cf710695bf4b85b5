"""The Klantinteracties mapping of a ticket, and the push against a local HTTP server
(conftest.FakeOpenKlant)."""
from __future__ import annotations

import json
import time
from datetime import datetime

import pytest

from adapters.open_klant_http import UrllibJsonPoster
from stack_support import FakeOpenKlant
from core.errors import ServiceUnavailable
from core.kb.models import Tenant
from core.models import Channel, Ticket
from core.open_klant import push_ticket, ticket_to_klantinteractie
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

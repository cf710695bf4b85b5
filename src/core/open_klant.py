"""A ticket as Common Ground Klantinteracties (Open Klant v2) resources.

One callback request becomes: a klantcontact (what was said, on which
channel), a betrokkene (the resident in the role "klant") with the digital
address they gave, an actor (the team) and an interne taak "Terugbellen"
assigned to that actor. The API links these by server-assigned uuids, so
`push_ticket` creates them in order and fills each reference from the
previous answer.
"""
from __future__ import annotations

import time
from typing import Any

from .errors import ServiceUnavailable
from .kb.models import Tenant
from .models import Channel, Ticket
from .ports import JsonPoster

KANAAL = {Channel.WEB: "chat", Channel.WHATSAPP: "whatsapp", Channel.MESSENGER: "facebook messenger",
          Channel.INSTAGRAM: "instagram", Channel.TERMINAL: "chat"}
# A Messenger or Instagram ticket is answered in the chat: its page-scoped id is no address
# for anyone else, so it is not registered.
SOORT_DIGITAAL_ADRES = {"phone": "telefoonnummer", "whatsapp": "telefoonnummer", "email": "email"}
# Placeholders in the mapping; push_ticket replaces them with the uuids the API returns.
KLANTCONTACT_REF = "{klantcontact}"
BETROKKENE_REF = "{betrokkene}"
ACTOR_REF = "{actor}"
# The push runs in the ticket-intake function (30 s timeout), never in a resident's
# turn: all calls together get this many seconds, then the message is retried.
PUSH_BUDGET_SECONDS = 10.0


def ticket_to_klantinteractie(ticket: Ticket, tenant: Tenant) -> dict[str, Any]:
    """The resources to create for one ticket, as JSON-ready dicts."""
    team = tenant.teams.get(ticket.team)
    team_name = team.name.nl if team is not None else ticket.team
    onderwerp = f"Terugbelverzoek: {ticket.intent}" if ticket.intent else "Terugbelverzoek"
    expected = ticket.expected_contact_at.isoformat()
    bundle: dict[str, Any] = {
        "klantcontact": {
            "kanaal": KANAAL[ticket.channel],
            "onderwerp": onderwerp[:200],
            "inhoud": ticket.summary,
            "indicatieContactGelukt": False,
            "taal": "nld",
            "vertrouwelijk": True,
            "plaatsgevondenOp": ticket.created_at.isoformat(),
        },
        "betrokkene": {
            "wasPartij": None,
            "hadKlantcontact": {"uuid": KLANTCONTACT_REF},
            "rol": "klant",
            "organisatienaam": "",
            "initiator": True,
            # The chatbot does not ask for a name; staff fill it in after the call.
            "contactnaam": {"voorletters": "", "voornaam": "", "voorvoegselAchternaam": "", "achternaam": ""},
        },
        "digitaleAdressen": [],
        "actor": {
            "naam": team_name,
            "soortActor": "organisatorische_eenheid",
            "indicatieActief": True,
            "actoridentificator": {
                "objectId": ticket.team,
                "codeObjecttype": "afdeling",
                "codeRegister": "balie",
                "codeSoortObjectId": "team",
            },
        },
        "interneTaak": {
            "nummer": ticket.id[:10],
            "gevraagdeHandeling": "Terugbellen",
            "aanleidinggevendKlantcontact": {"uuid": KLANTCONTACT_REF},
            "toegewezenAanActoren": [{"uuid": ACTOR_REF}],
            "toelichting": (
                f"Verzoek via de chatbot ({KANAAL[ticket.channel]}). Contact verwacht vanaf {expected}. "
                f"Balie-ticket {ticket.id}, gesprek {ticket.conversation_id}."
            ),
            "status": "te_verwerken",
        },
    }
    if ticket.contact and ticket.contact_kind in SOORT_DIGITAAL_ADRES:
        bundle["digitaleAdressen"].append(
            {
                "verstrektDoorBetrokkene": {"uuid": BETROKKENE_REF},
                "verstrektDoorPartij": None,
                "adres": ticket.contact,
                "soortDigitaalAdres": SOORT_DIGITAAL_ADRES[ticket.contact_kind],
                "omschrijving": "WhatsApp" if ticket.contact_kind == "whatsapp" else "Opgegeven voor terugbellen",
            }
        )
    return bundle


def _fill(value: Any, refs: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {key: _fill(item, refs) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, refs) for item in value]
    if isinstance(value, str) and value in refs:
        return refs[value]
    return value


def _created_uuid(answer: dict, resource: str) -> str:
    uuid = answer.get("uuid") if isinstance(answer, dict) else None
    if not isinstance(uuid, str) or not uuid:
        raise ServiceUnavailable(f"Open Klant did not return a uuid for the {resource}.")
    return uuid


def push_ticket(poster: JsonPoster, base_url: str, ticket: Ticket, tenant: Tenant,
                budget_seconds: float = PUSH_BUDGET_SECONDS) -> dict[str, str]:
    """Create the resources in the tenant's Open Klant; returns their uuids.
    Raises `ServiceUnavailable` when a call fails or the time budget runs out."""
    base = base_url.rstrip("/")
    deadline = time.monotonic() + budget_seconds
    bundle = ticket_to_klantinteractie(ticket, tenant)
    refs: dict[str, str] = {}
    created: dict[str, str] = {}

    def create(collection: str, payload: dict[str, Any], resource: str) -> str:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ServiceUnavailable(f"Open Klant took too long; the {resource} was not created.")
        answer = poster.post_json(f"{base}/{collection}", _fill(payload, refs), timeout=remaining)
        return _created_uuid(answer, resource)

    refs[KLANTCONTACT_REF] = created["klantcontact"] = create("klantcontacten", bundle["klantcontact"], "klantcontact")
    refs[BETROKKENE_REF] = created["betrokkene"] = create("betrokkenen", bundle["betrokkene"], "betrokkene")
    for index, address in enumerate(bundle["digitaleAdressen"]):
        created[f"digitaalAdres{index}"] = create("digitaleadressen", address, "digitaal adres")
    refs[ACTOR_REF] = created["actor"] = create("actoren", bundle["actor"], "actor")
    created["interneTaak"] = create("internetaken", bundle["interneTaak"], "interne taak")
    return created


# What a push created (the keys of `push_ticket`'s answer) -> its collection, in the
# order a removal must go: what refers to another resource before what it refers to.
# The actor is the team, not the resident: it stays.
_REMOVAL_ORDER = (("interneTaak", "internetaken"), ("digitaalAdres", "digitaleadressen"),
                  ("betrokkene", "betrokkenen"), ("klantcontact", "klantcontacten"))


def deletion_calls(base_url: str, created: dict[str, str]) -> list[str]:
    """The Klantinteracties API calls that would remove what one push created about
    the resident (erasure cannot make them: the tenant's Open Klant is not Balie's)."""
    base = base_url.rstrip("/")
    calls = []
    for prefix, collection in _REMOVAL_ORDER:
        for key in sorted(key for key in created if key.startswith(prefix)):
            calls.append(f"DELETE {base}/{collection}/{created[key]}")
    return calls

"""A ticket as Common Ground Klantinteracties (Open Klant v2) resources.

One callback request becomes: a klantcontact (what was said, on which
channel), a betrokkene (the resident in the role "klant") with the digital
address they gave, an actor (the team) and an interne taak "Terugbellen"
assigned to that actor. The API links these by server-assigned uuids, so
`push_ticket` creates them in order and fills each reference from the
previous answer. What the resident adds later (`push_addition`) becomes a
klantcontact of its own about the ticket's (an onderwerpobject whose
`wasKlantcontact` is the ticket's klantcontact), with its betrokkene and the
other address they gave, if any; and the ticket's interne taak is updated
(`update_interne_taak`, a PATCH of its toelichting) so whoever works the taak
sees the addition there too.
"""
from __future__ import annotations

import time
from typing import Any

from .errors import ServiceUnavailable
from .kb.models import Tenant
from .models import Channel, Ticket, TicketAddition, TicketRecord
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
# An addition's Open Klant steps (`TicketAdditionRecord.open_klant`) under this key: the ticket's interne taak was
# updated for it (its uuid), once.
TAAK_UPDATED = "taakBijgewerkt"
# The push runs in the ticket-intake function (30 s timeout), never in a resident's
# turn: all calls together get this many seconds, then the message is retried.
PUSH_BUDGET_SECONDS = 10.0


def _klantcontact(channel: Channel, onderwerp: str, inhoud: str, at: str) -> dict[str, Any]:
    return {
        "kanaal": KANAAL[channel],
        "onderwerp": onderwerp[:200],
        "inhoud": inhoud,
        "indicatieContactGelukt": False,
        "taal": "nld",
        "vertrouwelijk": True,
        "plaatsgevondenOp": at,
    }


def _betrokkene() -> dict[str, Any]:
    return {
        "wasPartij": None,
        "hadKlantcontact": {"uuid": KLANTCONTACT_REF},
        "rol": "klant",
        "organisatienaam": "",
        "initiator": True,
        # The chatbot does not ask for a name; staff fill it in after the call.
        "contactnaam": {"voorletters": "", "voornaam": "", "voorvoegselAchternaam": "", "achternaam": ""},
    }


def _digitale_adressen(contact: str | None, kind: str | None) -> list[dict[str, Any]]:
    if not contact or kind not in SOORT_DIGITAAL_ADRES:
        return []
    return [{
        "verstrektDoorBetrokkene": {"uuid": BETROKKENE_REF},
        "verstrektDoorPartij": None,
        "adres": contact,
        "soortDigitaalAdres": SOORT_DIGITAAL_ADRES[kind],
        "omschrijving": "WhatsApp" if kind == "whatsapp" else "Opgegeven voor terugbellen",
    }]


def ticket_to_klantinteractie(ticket: Ticket, tenant: Tenant) -> dict[str, Any]:
    """The resources to create for one ticket, as JSON-ready dicts."""
    team = tenant.teams.get(ticket.team)
    team_name = team.name.nl if team is not None else ticket.team
    onderwerp = f"Terugbelverzoek: {ticket.intent}" if ticket.intent else "Terugbelverzoek"
    if ticket.urgent:
        onderwerp = f"Dringend - {onderwerp}"
    expected = ticket.expected_contact_at.isoformat()
    return {
        "klantcontact": _klantcontact(ticket.channel, onderwerp, ticket.summary, ticket.created_at.isoformat()),
        "betrokkene": _betrokkene(),
        "digitaleAdressen": _digitale_adressen(ticket.contact, ticket.contact_kind),
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
            "toelichting": _toelichting(ticket),
            "status": "te_verwerken",
        },
    }


def _toelichting(ticket: Ticket) -> str:
    """The interne taak's explanation of a ticket as it was queued."""
    return (("Dringend. " if ticket.urgent else "")
            + f"Verzoek via de chatbot ({KANAAL[ticket.channel]}). Contact verwacht vanaf "
            f"{ticket.expected_contact_at.isoformat()}. Balie-ticket {ticket.id}, gesprek {ticket.conversation_id}.")


def _addition_line(addition: TicketAddition, klantcontact: str) -> str:
    what = ["dringend volgens de inwoner"] if addition.urgent else []
    if addition.contact_kind is not None:
        what.append("een ander telefoonnummer" if addition.contact_kind == "phone" else "een ander e-mailadres")
    return (f"Aanvulling {addition.id} ({addition.at.isoformat()}): {', '.join(what) if what else 'een toelichting'}; "
            f"zie klantcontact {klantcontact}.")


def interne_taak_update(ticket: TicketRecord, registered: dict[str, str]) -> dict[str, Any]:
    """The fields of the ticket's interne taak to write after an addition: its toelichting ("Dringend." first once the
    ticket is urgent, also by an addition) and a line per addition registered (`registered`: addition id -> its
    klantcontact's uuid), oldest first. Made from the record alone, never from what the taak holds now: a repeated or
    late update writes the same text, and an update for a later addition includes the earlier ones."""
    lines = [_addition_line(addition, registered[addition.id]) for addition in ticket.additions
             if addition.id in registered]
    return {"toelichting": "\n".join([_toelichting(ticket), *lines])}


def addition_to_klantinteractie(ticket: Ticket, addition: TicketAddition, ticket_klantcontact: str) -> dict[str, Any]:
    """The resources for one addition to a ticket registered as `ticket_klantcontact`, as JSON-ready dicts."""
    onderwerp = "Aanvulling op terugbelverzoek" + (f": {ticket.intent}" if ticket.intent else "")
    if addition.urgent:
        onderwerp = f"Dringend - {onderwerp}"
    return {
        "klantcontact": _klantcontact(ticket.channel, onderwerp, addition.text, addition.at.isoformat()),
        "betrokkene": _betrokkene(),
        "digitaleAdressen": _digitale_adressen(addition.contact, addition.contact_kind),
        "onderwerpobject": {
            "klantcontact": {"uuid": KLANTCONTACT_REF},
            "wasKlantcontact": {"uuid": ticket_klantcontact},
            "onderwerpobjectidentificator": {
                "objectId": ticket.id,
                "codeObjecttype": "terugbelverzoek",
                "codeRegister": "balie",
                "codeSoortObjectId": "ticket",
            },
        },
    }


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


class _Creator:
    """Creates resources in one Open Klant within one time budget, filling the references of
    what it created before."""

    def __init__(self, poster: JsonPoster, base_url: str, budget_seconds: float) -> None:
        self.poster, self.base = poster, base_url.rstrip("/")
        self.deadline = time.monotonic() + budget_seconds
        self.refs: dict[str, str] = {}

    def create(self, collection: str, payload: dict[str, Any], resource: str) -> str:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise ServiceUnavailable(f"Open Klant took too long; the {resource} was not created.")
        answer = self.poster.post_json(f"{self.base}/{collection}", _fill(payload, self.refs), timeout=remaining)
        return _created_uuid(answer, resource)

    def contact_with_its_betrokkene(self, bundle: dict[str, Any], created: dict[str, str]) -> None:
        self.refs[KLANTCONTACT_REF] = created["klantcontact"] = self.create(
            "klantcontacten", bundle["klantcontact"], "klantcontact")
        self.refs[BETROKKENE_REF] = created["betrokkene"] = self.create("betrokkenen", bundle["betrokkene"], "betrokkene")
        for index, address in enumerate(bundle["digitaleAdressen"]):
            created[f"digitaalAdres{index}"] = self.create("digitaleadressen", address, "digitaal adres")


def push_ticket(poster: JsonPoster, base_url: str, ticket: Ticket, tenant: Tenant,
                budget_seconds: float = PUSH_BUDGET_SECONDS) -> dict[str, str]:
    """Create the resources in the tenant's Open Klant; returns their uuids.
    Raises `ServiceUnavailable` when a call fails or the time budget runs out."""
    creator = _Creator(poster, base_url, budget_seconds)
    bundle = ticket_to_klantinteractie(ticket, tenant)
    created: dict[str, str] = {}
    creator.contact_with_its_betrokkene(bundle, created)
    creator.refs[ACTOR_REF] = created["actor"] = creator.create("actoren", bundle["actor"], "actor")
    created["interneTaak"] = creator.create("internetaken", bundle["interneTaak"], "interne taak")
    return created


def push_addition(poster: JsonPoster, base_url: str, ticket: Ticket, addition: TicketAddition,
                  ticket_klantcontact: str, budget_seconds: float = PUSH_BUDGET_SECONDS) -> dict[str, str]:
    """Create an addition's resources in the tenant's Open Klant, about the ticket's klantcontact;
    returns their uuids. Raises `ServiceUnavailable` when a call fails or the time budget runs out."""
    creator = _Creator(poster, base_url, budget_seconds)
    bundle = addition_to_klantinteractie(ticket, addition, ticket_klantcontact)
    created: dict[str, str] = {}
    creator.contact_with_its_betrokkene(bundle, created)
    created["onderwerpobject"] = creator.create("onderwerpobjecten", bundle["onderwerpobject"], "onderwerpobject")
    return created


def update_interne_taak(poster: JsonPoster, base_url: str, ticket: TicketRecord, registered: dict[str, str],
                        budget_seconds: float = PUSH_BUDGET_SECONDS) -> str:
    """PATCH the ticket's interne taak (`interne_taak_update`); returns its uuid. Raises `ServiceUnavailable` when the
    call fails, or the ticket's taak is not registered."""
    taak = ticket.open_klant.get("interneTaak")
    if not taak:
        raise ServiceUnavailable(f"ticket {ticket.id} has no interne taak in Open Klant yet.")
    poster.patch_json(f"{base_url.rstrip('/')}/internetaken/{taak}", interne_taak_update(ticket, registered),
                      timeout=budget_seconds)
    return taak


# What a push created (the keys of `push_ticket`'s answer) -> its collection, in the
# order a removal must go: what refers to another resource before what it refers to.
# The actor is the team, not the resident: it stays.
_REMOVAL_ORDER = (("interneTaak", "internetaken"), ("onderwerpobject", "onderwerpobjecten"),
                  ("digitaalAdres", "digitaleadressen"), ("betrokkene", "betrokkenen"), ("klantcontact", "klantcontacten"))


def deletion_calls(base_url: str, created: dict[str, str]) -> list[str]:
    """The Klantinteracties API calls that would remove what one push created about
    the resident (erasure cannot make them: the tenant's Open Klant is not Balie's)."""
    base = base_url.rstrip("/")
    calls = []
    for prefix, collection in _REMOVAL_ORDER:
        for key in sorted(key for key in created if key.startswith(prefix)):
            calls.append(f"DELETE {base}/{collection}/{created[key]}")
    return calls

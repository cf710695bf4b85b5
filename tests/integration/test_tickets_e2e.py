"""Tickets end to end on the local stack (HTTP front -> handlers -> moto, the intake
driven like its event source mapping): staff limited to teams list only their teams'
tickets, one holder per ticket (the second claim is a 409), and a WhatsApp callback
request answered on WhatsApp the next morning.

Uses the engine test knowledge base (tests/unit/data/kb_engine: tenant alpha, open on
Monday 08:30-17:00, WhatsApp number 111) and dev tokens from `POST /dev/token`.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from adapters.sqs_queues import SqsTicketQueue
from balie_local import whatsapp_cmd
from balie_local.stack import LocalStack
from channels.meta import sign
from core.models import Channel, Ticket
from http_support import json_headers, send

SUNDAY_EVENING = "2026-11-29T20:00:00+01:00"  # closed: a callback request for Monday 08:30
MONDAY_MORNING = "2026-11-30T09:00:00+01:00"
RESIDENT = "31687654321"


@pytest.fixture(scope="module")
def stack(engine_kb_stack: LocalStack) -> LocalStack:
    return engine_kb_stack


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    answer = send(stack.url + path, method, body, json_headers(token=token))
    return answer.status, answer.json()


def token(stack: LocalStack, teams: str | list[str], tenant: str = "alpha") -> str:
    status, issued = call(stack, "POST", "/dev/token", {"tenant": tenant, "teams": teams})
    assert status == 200, issued
    return issued["token"]


def chat(stack: LocalStack, text: str, conversation_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"tenant": "alpha", "message": text}
    if conversation_id:
        body["conversationId"] = conversation_id
    status, reply = call(stack, "POST", "/v1/chat", body)
    assert status == 200, reply
    return reply


def tickets(stack: LocalStack, who: str, query: str = "status=open") -> list[dict[str, Any]]:
    status, listed = call(stack, "GET", f"/v1/staff/tickets?{query}", token=who)
    assert status == 200, listed
    return listed["tickets"]


def hand_over(stack: LocalStack, team: str, created: str, *, urgent: bool = False) -> Ticket:
    """A ticket of `team` for a fresh conversation, handed to the intake queue as the
    engine does (the chat API routes "a person" to the default team only); `urgent`: asked
    for after crisis help."""
    conversation_id = chat(stack, "paspoort")["conversationId"]
    moment = datetime.fromisoformat(created)
    ticket = Ticket(id=f"{team}-{moment:%H%M}-{conversation_id[-6:]}", tenant="alpha", team=team,
                    conversation_id=conversation_id, channel=Channel.WEB, summary="Inwoner: paspoort",
                    contact="+31612345678", contact_kind="phone", created_at=moment,
                    expected_contact_at=datetime.fromisoformat("2026-11-30T08:30:00+01:00"), urgent=urgent)
    assert stack.deployment is not None
    SqsTicketQueue(stack.client("sqs"), stack.deployment.queues["TicketIntakeQueue"]).send(ticket)
    return ticket


def test_staff_see_their_teams_tickets_and_one_of_them_holds_one(stack: LocalStack) -> None:
    late = hand_over(stack, "kcc", "2026-11-28T22:00:00+01:00")
    early = hand_over(stack, "burgerzaken", "2026-11-28T19:00:00+01:00")
    earliest = hand_over(stack, "kcc", "2026-11-28T18:00:00+01:00")
    assert stack.drain("TicketIntakeFunction") == 3
    kcc, kcc_colleague, civil = token(stack, ["kcc"]), token(stack, ["kcc"]), token(stack, ["burgerzaken"])
    everyone = token(stack, "*")
    mine = {earliest.id, early.id, late.id}
    assert [t["id"] for t in tickets(stack, everyone) if t["id"] in mine] == [earliest.id, early.id, late.id]
    assert [t["id"] for t in tickets(stack, kcc) if t["id"] in mine] == [earliest.id, late.id]
    assert [t["id"] for t in tickets(stack, civil) if t["id"] in mine] == [early.id]
    assert call(stack, "GET", "/v1/staff/tickets?team=kcc", token=civil)[0] == 403
    assert call(stack, "POST", f"/v1/staff/tickets/{early.id}/claim", token=kcc)[0] == 403
    assert tickets(stack, token(stack, "*", tenant="beta")) == []

    status, claimed = call(stack, "POST", f"/v1/staff/tickets/{earliest.id}/claim", token=kcc)
    assert status == 200 and claimed["ticket"]["status"] == "claimed"
    status, refused = call(stack, "POST", f"/v1/staff/tickets/{earliest.id}/claim", token=kcc_colleague)
    assert status == 409 and refused["error"]["code"] == "conflict"
    assert call(stack, "POST", f"/v1/staff/tickets/{earliest.id}/done", {"outcome": "gebeld"}, token=kcc_colleague)[0] == 409
    assert call(stack, "POST", f"/v1/staff/tickets/{earliest.id}/release", token=kcc_colleague)[0] == 409
    assert [t["id"] for t in tickets(stack, kcc, "status=claimed") if t["id"] in mine] == [earliest.id]
    assert call(stack, "POST", f"/v1/staff/tickets/{earliest.id}/release", token=kcc)[0] == 200
    assert call(stack, "POST", f"/v1/staff/tickets/{earliest.id}/claim", token=kcc_colleague)[0] == 200


def test_done_tickets_come_in_pages_and_bad_paging_is_a_400(stack: LocalStack) -> None:
    made = [hand_over(stack, team, f"2026-11-27T{hour}:00:00+01:00")
            for team, hour in (("kcc", 18), ("burgerzaken", 19), ("kcc", 20))]
    assert stack.drain("TicketIntakeFunction") == 3
    everyone = token(stack, "*")
    for ticket in made:
        assert call(stack, "POST", f"/v1/staff/tickets/{ticket.id}/done", {"outcome": "gebeld"}, token=everyone)[0] == 200
    seen, query = [], "status=done&limit=1&order=newest"
    while True:  # every page of one ticket, newest first, until `next` is null
        status, page = call(stack, "GET", f"/v1/staff/tickets?{query}", token=everyone)
        assert status == 200 and len(page["tickets"]) <= 1, page
        seen += [t["id"] for t in page["tickets"]]
        if "next" not in page:  # the last page: a list that fits stays {"tickets": [...]}
            break
        query = f"status=done&limit=1&order=newest&cursor={page['next']}"
    assert len(seen) == len(set(seen)) and [i for i in seen if i in {t.id for t in made}] == [t.id for t in made[::-1]]
    status, first = call(stack, "GET", "/v1/staff/tickets?status=done&limit=2", token=everyone)
    assert status == 200 and len(first["tickets"]) == 2 and first["next"]
    assert "next" not in call(stack, "GET", "/v1/staff/tickets?status=open", token=everyone)[1]
    status, open_urgent = call(stack, "GET", "/v1/staff/tickets?status=open&order=urgent&urgent=false", token=everyone)
    assert status == 200 and "next" not in open_urgent  # the dashboard's "Volgend verzoek": urgent ones first
    for query in ("limit=0", "limit=500", "limit=veel", "cursor=abc", "cursor=", "order=random", "order=urgent",
                  "urgent=ja"):
        status, refused = call(stack, "GET", f"/v1/staff/tickets?status=done&{query}", token=everyone)
        assert status == 400 and refused["error"]["code"] == "invalid_input", (query, refused)


def test_the_urgent_order_in_pages_the_claimants_name_and_a_held_request_back_first(stack: LocalStack) -> None:
    # Team afval only: the other tests' tickets are of kcc and burgerzaken.
    calm = [hand_over(stack, "afval", f"2026-11-28T1{n}:00:00+01:00") for n in range(3)]
    pressing = hand_over(stack, "afval", "2026-11-28T21:00:00+01:00", urgent=True)
    assert stack.drain("TicketIntakeFunction") == 4
    status, issued = call(stack, "POST", "/dev/token", {"tenant": "alpha", "teams": ["afval"], "name": "Sanne Bakker"})
    assert status == 200, issued
    named, colleague = issued["token"], token(stack, ["afval"])
    seen, query, pages = [], "status=open&order=urgent&limit=3", 0
    while True:  # pages of at most 3, urgent first, until `next` is absent
        status, page = call(stack, "GET", f"/v1/staff/tickets?{query}", token=colleague)
        assert status == 200 and len(page["tickets"]) <= 3, page
        seen, pages = seen + [t["id"] for t in page["tickets"]], pages + 1
        if "next" not in page:
            break
        query = f"status=open&order=urgent&limit=3&cursor={page['next']}"
    assert seen == [pressing.id] + [t.id for t in calm] and pages == 2
    status, first = call(stack, "GET", "/v1/staff/tickets?status=open&order=urgent&limit=1", token=colleague)
    status, refused = call(stack, "GET", f"/v1/staff/tickets?status=open&cursor={first['next']}", token=colleague)
    assert status == 400 and "cursor" in refused["error"]["message"]  # a cursor of the urgent order only

    status, claimed = call(stack, "POST", f"/v1/staff/tickets/{calm[1].id}/claim", token=named)
    assert status == 200 and claimed["ticket"]["claimedByName"] == "Sanne Bakker"
    [listed] = [t for t in tickets(stack, colleague, "status=claimed") if t["id"] == calm[1].id]
    assert listed["claimedByName"] == "Sanne Bakker"
    # "Volgend verzoek": the request one holds comes back first, not the urgent one; a colleague gets that.
    status, again = call(stack, "POST", "/v1/staff/tickets/next/claim", token=named)
    assert status == 200 and again["held"] is True and again["ticket"]["id"] == calm[1].id
    status, taken = call(stack, "POST", "/v1/staff/tickets/next/claim?team=afval", token=colleague)
    assert status == 200 and taken["held"] is False and taken["ticket"]["id"] == pressing.id
    assert taken["ticket"]["claimedByName"] is None  # a token without a display name
    assert call(stack, "POST", "/v1/staff/tickets/next/claim?team=kcc", token=colleague)[0] == 403
    for ticket, holder in ((calm[1], named), (pressing, colleague), (calm[0], None), (calm[2], None)):
        assert call(stack, "POST", f"/v1/staff/tickets/{ticket.id}/done", {"outcome": "gebeld"}, token=holder or named)[0] == 200
    assert call(stack, "POST", "/v1/staff/tickets/next/claim", token=named)[1] == {"ticket": None, "held": False}


def whatsapp(stack: LocalStack, text: str, moment: str, resident: str = RESIDENT) -> None:
    """The resident writes on WhatsApp at `moment` (Meta's timestamp and the stack's clock)."""
    secret = stack.channel_secrets()["whatsapp_app_secret"]
    body = whatsapp_cmd.webhook_body(text, resident, "111", timestamp=int(datetime.fromisoformat(moment).timestamp()))
    raw = json.dumps(body).encode("utf-8")
    answer = send(f"{stack.url}/v1/whatsapp/webhook", "POST", raw,
                  {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
    assert answer.status == 200
    assert stack.drain("WhatsAppWorkerFunction") == 1


def test_a_whatsapp_ticket_is_answered_on_whatsapp_the_next_morning(stack: LocalStack,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", SUNDAY_EVENING)
    whatsapp(stack, "ik wil een medewerker spreken", SUNDAY_EVENING)
    whatsapp(stack, "ja", SUNDAY_EVENING)  # on WhatsApp the number is the contact: no need to ask
    stack.drain("TicketIntakeFunction")
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)  # 13 hours later: inside WhatsApp's 24-hour window
    kcc = token(stack, ["kcc"])
    [ticket] = [t for t in tickets(stack, kcc) if t["channel"] == "whatsapp" and t["contact"] == RESIDENT]
    assert ticket["contactKind"] == "whatsapp"
    assert call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/claim", token=kcc)[0] == 200
    sent_before = len(stack.graph.outbox)
    status, answer = call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/reply",
                          {"text": "Goedemorgen, u vroeg om contact. Waarmee kan ik u helpen?"}, token=kcc)
    assert status == 200 and answer["entry"]["role"] == "staff"
    [message] = stack.graph.outbox[sent_before:]
    assert message["to"] == RESIDENT and message["payload"]["type"] == "text"
    assert message["payload"]["text"]["body"] == "Goedemorgen, u vroeg om contact. Waarmee kan ik u helpen?"

    # The resident's answer reaches the member of staff (a live handover), not the bot.
    whatsapp(stack, "Ik wil mijn paspoort verlengen maar heb geen tijd", MONDAY_MORNING)
    assert len(stack.graph.outbox) == sent_before + 1  # the bot stayed silent
    status, live = call(stack, "GET", "/v1/staff/handovers?status=live", token=kcc)
    [item] = [h for h in live["handovers"] if h["conversationId"] == ticket["conversationId"]]
    assert item["lastResidentMessage"].startswith("Ik wil mijn paspoort verlengen")

    status, done = call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/done",
                        {"outcome": "beantwoord via WhatsApp"}, token=kcc)
    assert status == 200 and done["ticket"]["status"] == "done"
    assert "afgesloten" in stack.graph.outbox[-1]["payload"]["text"]["body"]  # the chat ended, the bot is back
    status, view = call(stack, "GET", f"/v1/staff/conversations/{ticket['conversationId']}", token=kcc)
    assert view["handover"]["status"] == "closed"


def test_a_whatsapp_callback_beyond_the_window_asks_for_a_phone_number(stack: LocalStack,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Saturday evening, a callback for Monday 08:30: 36 hours later, past WhatsApp's window, and
    alpha has no approved template, so nobody could answer on WhatsApp then. The bot asks for a
    phone number or e-mail address instead of promising a WhatsApp message no one can send."""
    saturday, resident = "2026-11-28T21:00:00+01:00", "31611112222"
    monkeypatch.setenv("BALIE_NOW", saturday)
    whatsapp(stack, "ik wil een medewerker spreken", saturday, resident)
    offer = stack.graph.outbox[-1]["payload"]
    assert "WhatsApp-nummer" not in json.dumps(offer, ensure_ascii=False)
    whatsapp(stack, "ja", saturday, resident)
    asked = stack.graph.outbox[-1]["payload"]["text"]["body"]
    assert "telefoonnummer" in asked and "e-mail" in asked
    whatsapp(stack, "bel me op 0612345678", saturday, resident)
    stack.drain("TicketIntakeFunction")
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    kcc = token(stack, ["kcc"])
    [ticket] = [t for t in tickets(stack, kcc) if t["channel"] == "whatsapp" and t["contactKind"] == "phone"
                and t["contact"] == "+31612345678"]
    call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/claim", token=kcc)
    sent_before = len(stack.graph.outbox)
    # Answering on WhatsApp is refused all the same (409): staff call the number.
    status, refused = call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/reply", {"text": "Goedemorgen"}, token=kcc)
    assert status == 409 and refused["error"]["code"] == "whatsapp_window_closed"
    assert len(stack.graph.outbox) == sent_before

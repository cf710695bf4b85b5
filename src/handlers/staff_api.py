"""Staff API under /v1/staff: who is signed in, live handovers, the conversations the
bot is handling (take over), replies, transfers, internal notes, tickets (out-of-hours
callbacks), reply suggestions, canned replies, reports (JSON, CSV, xlsx), the editors'
"niet nuttig" queue and erasure.

Authentication happens before a route runs: the router checks the staff token
(handlers/staff_token.py: a Cognito token in AWS, locally the front's dev tokens) and
answers 401 in the contract's error shape. The tenant and teams come only from the
token's claims, never from the path, query or body.
Thin: parse (bodies with the one body parser, handlers/http_body.py), call one
`core.staff` use case, render camelCase JSON. Errors map
to HTTP in handlers/http_errors.py. Texts staff or residents wrote are never logged.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools import Logger
from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.errors import Forbidden, InvalidInput
from handlers.cold_start import after_first_call
from handlers.outbound import MessagingReplies
from core.opening_hours import AMSTERDAM
from core.staff import MAX_NOTE_CHARS as MAX_CONVERSATION_NOTE_CHARS
from core.staff import MAX_REPLY_CHARS, StaffIdentity, StaffService, topic_title
from core.text_input import check_text
from core.tickets import MAX_NOTE_CHARS, MAX_OUTCOME_CHARS, TicketDesk
from handlers import http_errors, metrics, staff_token
from handlers.staff_http import identity_of, ok, preflight, with_dashboard_cors
from handlers.http_body import parse_body
from handlers.http_router import Request, Response, Router
from handlers.log_ids import conversation_ref
from handlers.wiring import services

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

    from core.canned import CannedReplies
    from core.reports import Names

logger = Logger(service="balie")
app = Router(http_errors.respond, authenticate=staff_token.authenticate)


class ReplyBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_REPLY_CHARS)

    @field_validator("text")
    @classmethod
    def acceptable_text(cls, value: str) -> str:
        return check_text(value, max_length=MAX_REPLY_CHARS)


class DoneBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: str = Field(min_length=1, max_length=MAX_OUTCOME_CHARS)
    note: str | None = Field(default=None, max_length=MAX_NOTE_CHARS)

    @field_validator("outcome")
    @classmethod
    def acceptable_outcome(cls, value: str) -> str:
        return check_text(value, max_length=MAX_OUTCOME_CHARS)

    @field_validator("note")
    @classmethod
    def acceptable_note(cls, value: str | None) -> str | None:
        return None if value is None or not value.strip() else check_text(value, max_length=MAX_NOTE_CHARS)


class NoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_CONVERSATION_NOTE_CHARS)

    @field_validator("text")
    @classmethod
    def acceptable_text(cls, value: str) -> str:
        return check_text(value, max_length=MAX_CONVERSATION_NOTE_CHARS)


class TransferBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    team: str = Field(min_length=1, max_length=63)
    note: str | None = Field(default=None, max_length=MAX_CONVERSATION_NOTE_CHARS)

    @field_validator("note")
    @classmethod
    def acceptable_note(cls, value: str | None) -> str | None:
        return None if value is None or not value.strip() else check_text(value, max_length=MAX_CONVERSATION_NOTE_CHARS)


class CannedBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=80)
    text: str = Field(min_length=1, max_length=2000)
    intents: list[str] = Field(default_factory=list, max_length=20)

    @field_validator("title", "text")
    @classmethod
    def acceptable_text(cls, value: str) -> str:
        return check_text(value, max_length=2000)


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str | None = Field(default=None, max_length=MAX_NOTE_CHARS)

    @field_validator("note")
    @classmethod
    def acceptable_note(cls, value: str | None) -> str | None:
        return None if value is None or not value.strip() else check_text(value, max_length=MAX_NOTE_CHARS)


def staff_service() -> StaffService:
    shared = services()
    return StaffService(store=shared.store, knowledge=shared.knowledge, tickets=shared.ticket_store,
                        clock=shared.clock, outbound=MessagingReplies(), effects=shared.effects,
                        canned=shared.canned)


def canned_replies() -> "CannedReplies":
    from core.canned import CannedReplies

    shared = services()
    if shared.canned is None:
        raise InvalidInput("Canned replies are not available here.")
    return CannedReplies(store=shared.canned, clock=shared.clock)


def report_names(tenant: str) -> "Names":
    """Intent titles and team names (Dutch) for the reports."""
    from core.reports import Names

    knowledge = services().knowledge.get(tenant)
    return Names(intents={key: intent.title.nl for key, intent in knowledge.intents.items()},
                 teams={key: team.name.nl for key, team in knowledge.tenant.teams.items()})


def today() -> "date":
    return services().clock().astimezone(AMSTERDAM).date()


def ticket_desk() -> TicketDesk:
    shared = services()
    return TicketDesk(tickets=shared.ticket_store, store=shared.store, clock=shared.clock, outbound=MessagingReplies())


def identity(request: Request) -> StaffIdentity:
    who = identity_of(request)
    if who.is_platform:
        raise Forbidden("An operator account has no municipality: sign in as a member of its staff.")
    return who


# ---- routes -----------------------------------------------------------------


@app.get("/v1/staff/me")
def me(request: Request) -> Response:
    """Who is signed in (display name and team names for the dashboard) and the server's clock."""
    return ok(staff_service().profile(identity(request)).model_dump(mode="json"))


@app.get("/v1/staff/conversations")
def list_conversations(request: Request) -> Response:
    """?status=bot: the conversations the bot is handling now (an index query)."""
    who = identity(request)
    if (request.query.get("status") or "bot") != "bot":
        raise InvalidInput("status must be 'bot' (waiting and live handovers: GET /v1/staff/handovers).")
    knowledge = services().knowledge.get(who.tenant)
    found = staff_service().bot_conversations(who)
    return ok({"conversations": [
        {**item.model_dump(mode="json"), "topic_title": topic_title(knowledge, item.intent)} for item in found]})



@app.get("/v1/staff/handovers")
def list_handovers(request: Request) -> Response:
    who = identity(request)
    status = request.query.get("status") or "waiting"
    team = request.query.get("team") or None
    items = staff_service().list_handovers(who, status, team)
    return ok({"handovers": [item.model_dump(mode="json") for item in items]})


@app.get("/v1/staff/conversations/<conversation_id>")
def get_conversation(request: Request, conversation_id: str) -> Response:
    return ok(staff_service().conversation(identity(request), conversation_id).model_dump(mode="json"))


@app.delete("/v1/staff/conversations/<conversation_id>")
def erase(request: Request, conversation_id: str) -> Response:
    who = identity(request)
    erasure = staff_service().erase(who, conversation_id)
    logger.info("conversation erased", extra={"tenant": who.tenant, "staff": who.subject,
                                              "conversation": conversation_ref(conversation_id),
                                              "not_erased": [item.system for item in erasure.not_erased]})
    return ok(erasure.model_dump(mode="json"))


@app.post("/v1/staff/conversations/<conversation_id>/claim")
def claim(request: Request, conversation_id: str) -> Response:
    who = identity(request)
    before = services().clock()
    view = staff_service().claim(who, conversation_id)
    _audit("claimed", who, conversation_id)
    if view.handover is not None and view.handover.claimed_at is not None and view.handover.claimed_at >= before:
        # Claiming twice is allowed and changes nothing: only a claim made now is counted.
        metrics.count(metrics.HANDOVER_CLAIMED, tenant=who.tenant, channel=view.channel.value)
    return ok(view.model_dump(mode="json"))


@app.post("/v1/staff/conversations/<conversation_id>/reply")
def reply(request: Request, conversation_id: str) -> Response:
    who = identity(request)
    body = parse_body(request, ReplyBody)
    entry = staff_service().reply(who, conversation_id, body.text)
    _audit("replied", who, conversation_id)
    return ok({"entry": entry.model_dump(mode="json")})


@app.post("/v1/staff/conversations/<conversation_id>/close")
def close(request: Request, conversation_id: str) -> Response:
    who = identity(request)
    view = staff_service().close(who, conversation_id)
    _audit("closed", who, conversation_id)
    return ok(view.model_dump(mode="json"))


@app.post("/v1/staff/conversations/<conversation_id>/takeover")
def take_over(request: Request, conversation_id: str) -> Response:
    who = identity(request)
    view = staff_service().take_over(who, conversation_id)
    _audit("taken over", who, conversation_id)
    return ok(view.model_dump(mode="json"))


@app.post("/v1/staff/conversations/<conversation_id>/transfer")
def transfer(request: Request, conversation_id: str) -> Response:
    who = identity(request)
    body = parse_body(request, TransferBody)
    view = staff_service().transfer(who, conversation_id, body.team, body.note)
    _audit("transferred", who, conversation_id)
    return ok(view.model_dump(mode="json"))


@app.post("/v1/staff/conversations/<conversation_id>/notes")
def add_note(request: Request, conversation_id: str) -> Response:
    who = identity(request)
    body = parse_body(request, NoteBody)
    note = staff_service().note(who, conversation_id, body.text)
    _audit("noted", who, conversation_id)
    return ok({"note": note.model_dump(mode="json")})


@app.get("/v1/staff/canned-replies")
def list_canned(request: Request) -> Response:
    return ok({"replies": [reply.model_dump(mode="json") for reply in canned_replies().list(identity(request))]})


@app.put("/v1/staff/canned-replies/<reply_id>")
def put_canned(request: Request, reply_id: str) -> Response:
    who = identity(request)
    who.require_role("editor")
    body = parse_body(request, CannedBody)
    service = canned_replies()
    service.known_intents = frozenset(services().knowledge.get(who.tenant).intents)
    reply = service.put(who, reply_id, body.title, body.text, body.intents)
    logger.info("canned reply saved", extra={"tenant": who.tenant, "staff": who.subject, "reply_id": reply_id})
    return ok({"reply": reply.model_dump(mode="json")})


@app.delete("/v1/staff/canned-replies/<reply_id>")
def delete_canned(request: Request, reply_id: str) -> Response:
    who = identity(request)
    canned_replies().delete(who, reply_id)
    logger.info("canned reply deleted", extra={"tenant": who.tenant, "staff": who.subject, "reply_id": reply_id})
    return ok({"id": reply_id, "deleted": True})


@app.get("/v1/staff/not-helpful")
def not_helpful(request: Request) -> Response:
    """?from=&to=&status=open|reviewed|all: the editors' queue of answers residents called not helpful."""
    from core.reports import not_helpful_queue, parse_range

    who = identity(request)
    who.require_role("editor")
    first, last = parse_range(request.query.get("from"), request.query.get("to"), today())
    found = not_helpful_queue(services().store, who.tenant, first, last, request.query.get("status"),
                              report_names(who.tenant))
    return ok({"answers": [item.model_dump(mode="json") for item in found]})


@app.post("/v1/staff/not-helpful/<item_id>/review")
def review_not_helpful(request: Request, item_id: str) -> Response:
    who = identity(request)
    who.require_role("editor")
    body = parse_body(request, ReviewBody)
    item = services().store.review_not_helpful(who.tenant, item_id, who.subject, services().clock(), body.note)
    logger.info("not-helpful answer reviewed", extra={"tenant": who.tenant, "staff": who.subject})
    return ok({"answer": item.model_dump(mode="json")})


@app.get("/v1/staff/tickets")
def list_tickets(request: Request) -> Response:
    """?status=open|claimed|done&team=&limit=&cursor=&order=oldest|newest|urgent&urgent=true|false&count=true:
    the caller's teams' tickets, oldest first; done ones in pages. `next` (the cursor of the next page) only
    when more follow, so a list that fits is `{"tickets": [...]}` as before paging; `count` ({total, urgent}
    of the status) only when asked for."""
    query = request.query.get
    found = ticket_desk().list(identity(request), query("status"), query("team") or None, limit=query("limit"),
                               cursor=query("cursor"), order=query("order"), urgent=query("urgent"),
                               count=query("count"))
    knowledge = services().knowledge.get(identity(request).tenant)
    listed: dict[str, object] = {"tickets": [_ticket_view(knowledge, record) for record in found.records]}
    if found.next is not None:
        listed["next"] = found.next
    if found.count is not None:
        listed["count"] = found.count._asdict()
    return ok(listed)


# An exact route before the ticket's own claim: ticket ids are hex digests (core.effects.effect_id), never "next";
# API Gateway reaches it through the route of /v1/staff/tickets/{ticketId}/claim.
@app.post("/v1/staff/tickets/next/claim")
def next_ticket(request: Request) -> Response:
    """?team=: claim the caller's next request ("Volgend verzoek"): one they hold already comes back first
    (`held` true), else the first open one, urgent first, then the oldest, claimed now; `ticket` null
    when none is open."""
    who = identity(request)
    record, held = ticket_desk().next(who, request.query.get("team") or None)
    if record is None:
        return ok({"ticket": None, "held": False})
    if not held:
        _audit_ticket("claimed", who, record.id)
    return ok({"ticket": _ticket_view(services().knowledge.get(who.tenant), record), "held": held})


@app.post("/v1/staff/tickets/<ticket_id>/claim")
def claim_ticket(request: Request, ticket_id: str) -> Response:
    who = identity(request)
    record = ticket_desk().claim(who, ticket_id)
    _audit_ticket("claimed", who, ticket_id)
    return ok({"ticket": _ticket_view(services().knowledge.get(who.tenant), record)})


@app.post("/v1/staff/tickets/<ticket_id>/release")
def release_ticket(request: Request, ticket_id: str) -> Response:
    who = identity(request)
    record = ticket_desk().release(who, ticket_id)
    _audit_ticket("released", who, ticket_id)
    return ok({"ticket": _ticket_view(services().knowledge.get(who.tenant), record)})


@app.post("/v1/staff/tickets/<ticket_id>/done")
def ticket_done(request: Request, ticket_id: str) -> Response:
    who = identity(request)
    body = parse_body(request, DoneBody)
    before = services().clock()
    record = ticket_desk().done(who, ticket_id, body.outcome, body.note)
    _audit_ticket("done", who, ticket_id)
    if record.done_at is not None and record.done_at >= before:  # a repeated "done" is counted once
        metrics.count(metrics.TICKET_DONE, tenant=who.tenant)
    return ok({"ticket": _ticket_view(services().knowledge.get(who.tenant), record)})


@app.post("/v1/staff/tickets/<ticket_id>/reply")
def reply_to_ticket(request: Request, ticket_id: str) -> Response:
    """A ticket of a messaging channel: answer on its channel (after the 24-hour window: WhatsApp's
    approved template, Messenger's HUMAN_AGENT tag; else 409)."""
    who = identity(request)
    body = parse_body(request, ReplyBody)
    entry = ticket_desk().reply(who, ticket_id, body.text)
    _audit_ticket("replied", who, ticket_id)
    return ok({"entry": entry.model_dump(mode="json")})


@app.get("/v1/staff/suggestions/<conversation_id>")
def suggestions(request: Request, conversation_id: str) -> Response:
    found = staff_service().suggestions(identity(request), conversation_id)
    return ok({"suggestions": [item.model_dump(mode="json") for item in found]})


@app.get("/v1/staff/reports")
def reports(request: Request) -> Response:
    """?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=json|csv|xlsx][&table=...]: the tenant's report
    from its daily aggregates; CSV is one table per file (`table`, default days)."""
    who = identity(request)
    output = request.query.get("format") or "json"
    if output not in ("json", "csv", "xlsx"):
        raise InvalidInput("format must be 'json', 'csv' or 'xlsx'.")
    from core.reports import TABLE_NAMES, report_csv, report_for, report_xlsx, table_named  # here: rapidfuzz only for reports

    if (request.query.get("table") or "days") not in TABLE_NAMES:  # whatever the format: a bad parameter is a 400
        raise InvalidInput(f"table must be one of {', '.join(TABLE_NAMES)}.")

    report = report_for(services().store, who.tenant, request.query.get("from"),
                        request.query.get("to"), today(), report_names(who.tenant))
    name = f"balie-{who.tenant}-{report.date_from}-{report.date_to}"
    if output == "csv":
        table = table_named(report, request.query.get("table") or "days")
        return _download(report_csv(table), "text/csv; charset=utf-8", f"{name}-{table.name}.csv")
    if output == "xlsx":
        return _download(report_xlsx(report), XLSX, f"{name}.xlsx")
    return ok(report.model_dump(mode="json", by_alias=True))


# ---- entry point --------------------------------------------------------------


@app.options("/v1/staff/<path>")
@app.options("/v1/staff/<path>/<rest>")
@app.options("/v1/staff/<path>/<rest>/<action>")
@app.options("/v1/staff/<path>/<rest>/<item>/<action>")  # /v1/staff/kb/intents/{id}/export
def staff_preflight(request: Request, **_: str) -> Response:
    return preflight()


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    request = Request.from_event(event)
    return with_dashboard_cors(request, app.respond(request)).to_api_gateway()


# ---- helpers ------------------------------------------------------------------


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(body: bytes, content_type: str, filename: str) -> Response:
    return Response(200, body, content_type,
                    {"Cache-Control": "no-store", "Content-Disposition": f'attachment; filename="{filename}"'})


def _ticket_view(knowledge: Any, record: Any) -> dict[str, Any]:
    """A ticket as the API lists it, with its topic's Dutch title (None: no topic)."""
    return {**record.model_dump(mode="json"), "topic_title": topic_title(knowledge, record.intent)}


def _audit(action: str, who: StaffIdentity, conversation_id: str) -> None:
    logger.info(f"handover {action}", extra={"tenant": who.tenant, "staff": who.subject,
                                              "conversation": conversation_ref(conversation_id)})


def _audit_ticket(action: str, who: StaffIdentity, ticket_id: str) -> None:
    logger.info(f"ticket {action}", extra={"tenant": who.tenant, "staff": who.subject, "ticket_id": ticket_id})


"""Tickets: out-of-hours callback requests as records staff list and work.

The engine hands a `Ticket` to the ticket-intake queue (`TicketQueue.send`); the
intake function (`TicketIntake.accept`) stores it as a `TicketRecord`, tells the
team by e-mail and registers it in the tenant's Open Klant, each step once, so a
redelivered message changes nothing. What the resident writes after that (a new detail,
another number) is added to the same record, mailed to the team and registered in Open Klant
about the ticket, each once (`TicketIntake.add`). Staff then work it
(`TicketDesk`):

    open --claim--> claimed --done(outcome, note)--> done
      ^                |
      +----release-----+

Every transition is one conditional write in the store: two members of staff can
never both hold a ticket (the second claim is a `Conflict`, 409). Staff see the
tickets of their own teams; staff of every team (`*`) see all. "Done" also ends
the resident's waiting handover, so a later request for a person starts afresh.
A ticket of a messaging channel is answered on its channel (`TicketDesk.reply`):
inside the 24-hour window as a message, outside it by the channel's means (WhatsApp:
the tenant's approved template; Messenger and Instagram: the HUMAN_AGENT tag, up to 7
days, where Balie's Meta app may use it), else a 409; the conversation then becomes a live handover of that member of staff, so the
resident's answer reaches them and not the bot. A web ticket shows the contact
the resident left (phone or e-mail): staff call or mail.
"""
from __future__ import annotations

import base64
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from .clock import Clock, now
from .errors import Conflict, Forbidden, InvalidInput, NotFound, ServiceUnavailable
from .conversations import append_entries, update_conversation
from .kb.models import Tenant
from .models import (
    AddedToTicket,
    Conversation,
    Handover,
    HandoverStatus,
    Notification,
    ReplyMessage,
    Role,
    Ticket,
    TicketAddition,
    TicketCount,
    TicketMark,
    TicketPage,
    TicketRecord,
    TicketStatus,
    TranscriptEntry,
    ticket_position,
)
from .open_klant import TAAK_UPDATED, push_addition, push_ticket, update_interne_taak
from .opening_hours import AMSTERDAM, clock_words, date_words, format_moment
from .ports import ConversationStore, JsonPoster, OutboundSender, TeamNotifier, TicketStore
from .privacy import redact
from .staff import MAX_REPLY_CHARS, StaffIdentity, closing_notice
from .staff_texts import NOT_YOUR_TEAM, TICKET_CONVERSATION_GONE, TICKET_GONE, no_replies_on

log = logging.getLogger(__name__)

# A ticket holds the resident's phone number or e-mail address unredacted: only the contact
# centre's work (API.md's role `kcc`, what a token without roles has) reads and handles it,
# not an account that only edits the knowledge base or administers the tenant.
TICKET_ROLE = "kcc"

MAX_OUTCOME_CHARS = 100
MAX_NOTE_CHARS = 2000
DONE_PAGE = 50  # done tickets per page when the caller names no limit
MAX_PAGE = 100


class _Knowledge(Protocol):
    tenant: Tenant
    intents: Any


class _KnowledgeRepository(Protocol):
    def get(self, tenant: str) -> _Knowledge: ...


def ticket_refusal(record: TicketRecord) -> str:
    """Why a transition of `record` was refused (the 409's message)."""
    if record.status == TicketStatus.DONE:
        return "Dit verzoek is al afgehandeld."
    if record.status == TicketStatus.CLAIMED:
        return "Een collega heeft dit verzoek al opgepakt."
    return "Niemand heeft dit verzoek opgepakt."


def _status(value: str | None) -> TicketStatus:
    try:
        return TicketStatus(value or TicketStatus.OPEN)
    except ValueError:
        raise InvalidInput("status must be 'open', 'claimed' or 'done'.") from None


def _page_size(value: str | None) -> int | None:
    if value is None:
        return None
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_PAGE):
        raise InvalidInput(f"limit must be a whole number from 1 to {MAX_PAGE}.")
    return int(value)


# A cursor is a ticket's position (`ticket_position`: creation time in UTC, "#", id; in the urgent
# order `urgent_position`: "0#" or "1#" before it), base64url without padding: opaque to clients,
# checked when it comes back, and only good for the order it was made in.
_POSITION = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?\+00:00#[A-Za-z0-9._:-]{1,200}"
_POSITIONS = {False: re.compile(_POSITION), True: re.compile("[01]#" + _POSITION)}


def urgent_position(record: TicketRecord | TicketMark) -> str:
    """Where a ticket stands in the urgent order: urgent ones first, each part oldest first."""
    return f"{0 if record.urgent else 1}#{ticket_position(record)}"


def encode_ticket_cursor(position: str) -> str:
    return base64.urlsafe_b64encode(position.encode("utf-8")).decode("ascii").rstrip("=")


def decode_ticket_cursor(cursor: str, urgent_first: bool = False) -> str:
    try:
        position = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        position = ""
    if not (cursor.isascii() and _POSITIONS[urgent_first].fullmatch(position)):
        raise InvalidInput("cursor must be the 'next' value of an earlier page of this list.")
    return position


def _text(value: str | None, name: str, limit: int, *, required: bool) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise InvalidInput(f"Vul de {name} in.")
        return None
    if len(text) > limit:
        raise InvalidInput(f"De {name} is te lang: hoogstens {limit} tekens.")
    return text


@dataclass
class TicketDesk:
    """The staff use cases on tickets; every lookup is keyed by the caller's tenant."""

    tickets: TicketStore
    store: ConversationStore
    clock: Clock = now
    outbound: OutboundSender | None = None  # answers tickets of the messaging channels on their channel

    def list(self, who: StaffIdentity, status: str | None = None, team: str | None = None, *,
             limit: str | None = None, cursor: str | None = None, order: str | None = None,
             urgent: str | None = None, count: str | None = None) -> TicketPage:
        """The caller's teams' tickets in `status`, oldest first (`order` "newest": newest first;
        "urgent": the urgent ones first, each part oldest first; open or claimed tickets only).
        Done tickets pile up until the retention ends, so they come in pages (`limit`, default
        DONE_PAGE); open and claimed ones, the work at hand, all at once unless a `limit` or
        `cursor` is given. `cursor` is the `next` of the page before (opaque). `urgent` "true" /
        "false": only the tickets that are (not) urgent (a page may then hold fewer than `limit`,
        except in the urgent order, which places every ticket of the status). `count` "true": the page
        also carries how many tickets the status holds for those teams and how many are urgent, whatever
        `urgent` keeps (from `TicketStore.marks`, which the urgent order reads for its page anyway: the
        dashboard's refresh asks for its page and count at once)."""
        who.require_role(TICKET_ROLE)
        if urgent not in (None, "true", "false"):
            raise InvalidInput("urgent must be 'true' or 'false'.")
        if count not in (None, "true", "false"):
            raise InvalidInput("count must be 'true' or 'false'.")
        wanted = _status(status)
        teams = self._teams(who, team)
        if order == "urgent":  # it reads the status's marks already: the count comes from that read
            return self._urgent_first(who.tenant, wanted, teams, limit=limit, cursor=cursor,
                                      only=None if urgent is None else urgent == "true", counted=count == "true")
        found = self._list(who.tenant, wanted, teams, limit=limit, cursor=cursor, order=order)
        if urgent is not None:
            found = TicketPage([record for record in found.records if record.urgent == (urgent == "true")], found.next)
        if count == "true":
            return found._replace(count=TicketCount.of(self.tickets.marks(who.tenant, wanted, teams)))
        return found

    @staticmethod
    def _teams(who: StaffIdentity, team: str | None) -> list[str] | None:
        if team is not None:
            if not who.may_see(team):
                raise Forbidden(NOT_YOUR_TEAM)
            return [team]
        return None if who.teams is None else sorted(who.teams)

    def _urgent_first(self, tenant: str, wanted: TicketStatus, teams: list[str] | None, *, limit: str | None,
                      cursor: str | None, only: bool | None, counted: bool = False) -> TicketPage:
        """Open or claimed tickets in the urgent order (`urgent_position`), all at once or in pages
        (one read of the status's list per page: the work at hand, never the done pile). A page
        goes on after the cursor's place in that order: a ticket that became urgent, or arrived
        urgent, after the first page was read is at the top of the first page, not on a later one.
        A page is chosen from the status's marks (`TicketStore.marks`: no record parsed) and only its own
        records are read (`get_many`); one that left the status in between is left out. `counted`: with
        the count of those marks (every ticket of the status, whatever `only`)."""
        if wanted == TicketStatus.DONE:
            raise InvalidInput("order 'urgent' is for open or claimed tickets; done ones are 'oldest' or 'newest'.")
        size = _page_size(limit)
        after = decode_ticket_cursor(cursor, urgent_first=True) if cursor is not None else None
        if size is None and after is None:  # all at once: the records themselves
            everything = self.tickets.list(tenant, wanted, teams)
            return TicketPage(sorted((record for record in everything if only is None or record.urgent == only),
                                     key=urgent_position), None, TicketCount.of(everything) if counted else None)
        marks = self.tickets.marks(tenant, wanted, teams)
        ordered = sorted((mark for mark in marks if only is None or mark.urgent == only), key=urgent_position)
        following = [mark for mark in ordered if after is None or urgent_position(mark) > after]
        chosen = following[:size or DONE_PAGE]
        records = {record.id: record for record in self.tickets.get_many(tenant, [mark.id for mark in chosen])}
        page = [records[mark.id] for mark in chosen if mark.id in records and records[mark.id].status == wanted]
        more = len(following) > len(chosen)
        return TicketPage(page, encode_ticket_cursor(urgent_position(chosen[-1])) if more else None,
                          TicketCount.of(marks) if counted else None)

    def _list(self, tenant: str, wanted: TicketStatus, teams: list[str] | None, *,
              limit: str | None, cursor: str | None, order: str | None) -> TicketPage:
        if order not in (None, "oldest", "newest"):
            raise InvalidInput("order must be 'oldest', 'newest' or 'urgent'.")
        size = _page_size(limit)
        after = decode_ticket_cursor(cursor) if cursor is not None else None
        if size is None and after is None and wanted != TicketStatus.DONE:
            records = self.tickets.list(tenant, wanted, teams)
            return TicketPage(records[::-1] if order == "newest" else records, None)
        found = self.tickets.page(tenant, wanted, teams, limit=size or DONE_PAGE, after=after,
                                  newest_first=order == "newest")
        return TicketPage(found.records, encode_ticket_cursor(found.next) if found.next else None)

    def claim(self, who: StaffIdentity, ticket_id: str) -> TicketRecord:
        self._visible(who, ticket_id)
        return self.tickets.claim(who.tenant, ticket_id, who.subject, self.clock(), who.name)

    def next(self, who: StaffIdentity, team: str | None = None) -> tuple[TicketRecord | None, bool]:
        """The request `who` works on next ("Volgend verzoek") and whether they held it already.
        One they hold comes back first (the first in the urgent order), also when they took it
        from the list: a request taken is finished or given back before a new one is taken, so
        none is left claimed and forgotten. Else the first open one in the urgent order (urgent
        first, then the oldest) is claimed; one a colleague took a moment earlier is skipped.
        (None, False): nothing is open for their teams (or `team`).
        Chosen by the marks (`TicketStore.marks`: who holds a claimed ticket, which open one is urgent and how
        old), never by reading the lists' records: only the one handed out is read (the claim returns it)."""
        who.require_role(TICKET_ROLE)
        teams = self._teams(who, team)
        held = [mark for mark in self.tickets.marks(who.tenant, TicketStatus.CLAIMED, teams)
                if mark.claimed_by == who.subject]
        for mark in sorted(held, key=urgent_position):
            record = self.tickets.get(who.tenant, mark.id)
            if record is not None and record.status == TicketStatus.CLAIMED and record.claimed_by == who.subject:
                return record, True  # else finished or given back since the marks were read
        for mark in sorted(self.tickets.marks(who.tenant, TicketStatus.OPEN, teams), key=urgent_position):
            try:
                return self.tickets.claim(who.tenant, mark.id, who.subject, self.clock(), who.name), False
            except (Conflict, NotFound):
                continue  # taken by a colleague (or gone) since the marks were read
        return None, False

    def release(self, who: StaffIdentity, ticket_id: str) -> TicketRecord:
        """Give the ticket back. Staff of every team (the contact centre's coordinators)
        may also give back a ticket someone else holds, e.g. of a colleague who is away."""
        record = self._visible(who, ticket_id)
        if record.status != TicketStatus.CLAIMED:
            raise Conflict(ticket_refusal(record))
        holder = None if who.teams is None else who.subject
        return self.tickets.release(who.tenant, ticket_id, holder)

    def done(self, who: StaffIdentity, ticket_id: str, outcome: str, note: str | None = None) -> TicketRecord:
        outcome_text = _text(outcome, "uitkomst", MAX_OUTCOME_CHARS, required=True)
        note_text = _text(note, "notitie", MAX_NOTE_CHARS, required=False)
        record = self._visible(who, ticket_id)
        if not (record.status == TicketStatus.DONE and record.done_by == who.subject):
            record = self.tickets.done(who.tenant, ticket_id, who.subject, self.clock(), outcome_text or "", note_text)
        # Also when it was done already by this member of staff: a retry after the
        # conversation could not be written finishes the job.
        self._end_handover(who, record)
        return record

    def reply(self, who: StaffIdentity, ticket_id: str, text: str) -> TranscriptEntry:
        """Answer a messaging channel's ticket on its channel; the conversation becomes this member of
        staff's live handover, so the resident's answer reaches them."""
        body = _text(text, "tekst", MAX_REPLY_CHARS, required=True) or ""
        record = self._visible(who, ticket_id)
        if record.status != TicketStatus.CLAIMED or record.claimed_by != who.subject:
            raise Conflict("Pak het verzoek eerst op. Dan kunt u antwoorden.")
        if not record.channel.messaging:
            raise Conflict("Dit verzoek kwam via de website. Bel of mail de inwoner (zie Contact).")
        if self.outbound is None:
            raise Conflict(no_replies_on(record.channel.display_name))
        conversation = self.store.get(who.tenant, record.conversation_id)
        if conversation is None:
            raise NotFound(TICKET_CONVERSATION_GONE)
        _take_for(conversation, record, who, self.clock())  # refuses before anything is sent
        # Deliver first: when the channel refuses (window closed), nothing is stored.
        self.outbound.send(conversation, [ReplyMessage(text=body)])
        moment = self.clock()

        def change(current: Conversation) -> TranscriptEntry:
            _take_for(current, record, who, moment)
            append_entries(current, Role.STAFF, [ReplyMessage(text=redact(body, names=False))], moment, author=who.subject)
            return current.transcript[-1]

        _, entry = update_conversation(self.store, who.tenant, record.conversation_id, change)
        return entry

    # -- helpers -----------------------------------------------------------------

    def _visible(self, who: StaffIdentity, ticket_id: str) -> TicketRecord:
        who.require_role(TICKET_ROLE)
        record = self.tickets.get(who.tenant, ticket_id)
        if record is None:
            raise NotFound(TICKET_GONE)
        if not who.may_see(record.team):
            raise Forbidden("Dit verzoek is van een ander team.")
        return record

    def _end_handover(self, who: StaffIdentity, record: TicketRecord) -> None:
        """The resident's handover of this ticket ends: queued (nobody talked yet) quietly;
        live (after a reply on the resident's channel) with the closing notice, like closing a chat."""
        notice: list[ReplyMessage] = []

        def change(conversation: Conversation) -> None:
            notice.clear()
            handover = conversation.handover
            if handover is None or handover.ticket_id != record.id:
                return  # the resident moved on (a newer request): leave it
            moment = self.clock()
            if handover.status == HandoverStatus.QUEUED:
                handover.status = HandoverStatus.CLOSED
                handover.closed_at = moment
            elif handover.status == HandoverStatus.LIVE and handover.claimed_by == who.subject:
                handover.status = HandoverStatus.CLOSED
                handover.closed_at = moment
                notice.append(ReplyMessage(text=closing_notice(conversation.language)))
                append_entries(conversation, Role.BOT, notice, moment)

        try:
            saved, _ = update_conversation(self.store, who.tenant, record.conversation_id, change)
        except NotFound:
            return  # erased or expired: nothing waits any more
        if notice and saved.channel.messaging and self.outbound is not None:
            try:
                self.outbound.send(saved, notice)
            except Exception:  # noqa: BLE001 - the ticket is done; a lost notice must not undo that
                log.warning("closing notice of ticket %s not delivered on %s", record.id, saved.channel.value,
                            exc_info=True)


def _take_for(conversation: Conversation, record: TicketRecord, who: StaffIdentity, moment: datetime) -> None:
    """The conversation becomes `who`'s live handover for this ticket."""
    handover = conversation.handover
    if handover is not None and handover.status == HandoverStatus.LIVE:
        if handover.claimed_by != who.subject:
            raise Conflict("Een collega praat al met deze inwoner.")
        return
    if handover is None or handover.status not in (HandoverStatus.QUEUED, HandoverStatus.WAITING):
        handover = Handover(status=HandoverStatus.QUEUED, team=record.team, reason="ticket",
                            requested_at=record.created_at, ticket_id=record.id)
    handover.status = HandoverStatus.LIVE
    handover.claimed_by = who.subject
    handover.claimed_at = moment
    handover.ticket_id = record.id
    conversation.handover = handover


def _team_mail(ticket: TicketRecord, tenant: Tenant, dashboard_url: str | None,
               write: Callable[[str], tuple[str, list[str]]]) -> Notification | None:
    """An e-mail about `ticket` to its team (its `email`, else the default team's): the subject and
    lines `write` makes for the team's name, and where to open it; never the resident's contact
    details or words (those stay in the dashboard). None when neither team has an address."""
    team = tenant.teams.get(ticket.team)
    address = (team.email if team else None) or tenant.teams[tenant.default_team].email
    if not address:
        return None
    subject, lines = write(team.name.nl if team else ticket.team)
    lines.append("")
    if dashboard_url:
        lines.append(f"Open het in het dashboard: {dashboard_url}#gesprekken")
    else:
        lines.append("Open het in het dashboard van Balie, onder Terugbelverzoeken.")
    lines.append("Deze e-mail bevat geen gegevens van de inwoner: die staan alleen in het dashboard.")
    return Notification(to=address, subject=subject, text="\n".join(lines))


def ticket_notification(ticket: TicketRecord, tenant: Tenant, intent_title: str | None,
                        dashboard_url: str | None) -> Notification | None:
    """The e-mail to the ticket's team: what and when (`_team_mail`)."""
    return _team_mail(ticket, tenant, dashboard_url, lambda team: (
        f"{'Dringend: n' if ticket.urgent else 'N'}ieuw terugbelverzoek voor {team} ({tenant.name})", [
            f"Er is een nieuw terugbelverzoek voor {team} van {tenant.name}.",
            *(["Dringend: gevraagd na hulp bij een crisis. Pak het als eerste op."] if ticket.urgent else []),
            "",
            f"Kanaal: {ticket.channel.display_name}",
            f"Onderwerp: {intent_title or 'onbekend'}",
            f"Contact beloofd: {format_moment(ticket.expected_contact_at, 'nl', before=ticket.contact_before)}",
            f"Ticket: {ticket.id}",
        ]))


def addition_notification(ticket: TicketRecord, addition: TicketAddition, tenant: Tenant, intent_title: str | None,
                          dashboard_url: str | None) -> Notification | None:
    """The e-mail to the ticket's team when the resident added something to it: which ticket, whether
    it is urgent or names another way to reach them (not the address itself), when (`_team_mail`)."""
    what = ["dringend volgens de inwoner"] if addition.urgent else []
    if addition.contact_kind is not None:
        what.append("een ander telefoonnummer" if addition.contact_kind == "phone" else "een ander e-mailadres")
    return _team_mail(ticket, tenant, dashboard_url, lambda team: (
        f"{'Dringend: a' if addition.urgent else 'A'}anvulling op terugbelverzoek voor {team} ({tenant.name})", [
            f"De inwoner heeft iets toegevoegd aan een terugbelverzoek voor {team} van {tenant.name}.",
            "",
            f"Aanvulling: {', '.join(what) if what else 'een toelichting'}",
            f"Toegevoegd: {date_words(addition.at.astimezone(AMSTERDAM).date(), 'nl')} om "
            f"{clock_words(addition.at.astimezone(AMSTERDAM), 'nl')}",
            f"Onderwerp: {intent_title or 'onbekend'}",
            f"Contact beloofd: {format_moment(ticket.expected_contact_at, 'nl', before=ticket.contact_before)}",
            f"Ticket: {ticket.id}",
        ]))


@dataclass
class IntakeResult:
    ticket_id: str
    stored: bool  # False: dropped (unknown tenant, conversation gone)
    new: bool = False  # stored by this delivery (not a redelivery)
    notified: bool = False
    open_klant: bool = False


@dataclass
class TicketIntake:
    """The ticket-intake function's use case: one queued `Ticket` -> its record, the
    team's e-mail, the Open Klant registration. Each step is done once per ticket id
    and remembered on the record, so a redelivered message (or a retry after a failed
    step) repeats only what did not happen yet. A failing step raises
    `ServiceUnavailable`: the message is retried, and lands in the alarmed
    dead-letter queue after the redrive limit (the record exists by then)."""

    tickets: TicketStore
    knowledge: _KnowledgeRepository
    notifier: TeamNotifier | None = None
    open_klant: JsonPoster | None = None
    clock: Clock = now
    dashboard_url: str | None = None  # linked from the team's e-mail

    def accept(self, ticket: Ticket) -> IntakeResult:
        try:
            knowledge = self.knowledge.get(ticket.tenant)
        except NotFound:
            log.error("ticket %s of unknown tenant %s dropped", ticket.id, ticket.tenant)
            return IntakeResult(ticket.id, stored=False)
        tenant = knowledge.tenant
        expires_at = int((ticket.created_at + timedelta(days=tenant.retention_days)).timestamp())
        try:
            record, new = self.tickets.create(ticket, expires_at)
        except NotFound:
            log.info("ticket %s dropped: its conversation is gone", ticket.id)
            return IntakeResult(ticket.id, stored=False)
        result = IntakeResult(ticket.id, stored=True, new=new)
        if record.notified_at is None and self.notifier is not None:
            intent = knowledge.intents.get(record.intent) if record.intent else None
            notification = ticket_notification(record, tenant, intent.title.nl if intent else None,
                                               self.dashboard_url)
            if notification is not None:
                self.notifier.send(notification)
                self.tickets.record_delivery(tenant.slug, record.id, notified_at=self.clock())
                result.notified = True
        if not record.open_klant and tenant.open_klant.url and self.open_klant is not None:
            try:
                created = push_ticket(self.open_klant, tenant.open_klant.url, record, tenant)
            except ServiceUnavailable:
                log.warning("ticket %s not registered in Open Klant yet", record.id, exc_info=True)
                raise
            self.tickets.record_delivery(tenant.slug, record.id, open_klant=created)
            result.open_klant = True
        return result

    def add(self, added: AddedToTicket) -> IntakeResult:
        """What the resident wrote after their callback was queued -> on the ticket's record, an e-mail
        to the team, a klantcontact about the ticket's in Open Klant and the ticket's interne taak updated,
        each step once per addition (as for the ticket). A ticket not stored (or not registered in Open Klant) yet is retried:
        `ServiceUnavailable`."""
        try:
            knowledge = self.knowledge.get(added.tenant)
        except NotFound:
            log.error("addition to ticket %s of unknown tenant %s dropped", added.ticket_id, added.tenant)
            return IntakeResult(added.ticket_id, stored=False)
        try:
            stored = self.tickets.add(added)
        except NotFound:
            log.info("addition to ticket %s dropped: its conversation is gone", added.ticket_id)
            return IntakeResult(added.ticket_id, stored=False)
        if stored is None:
            raise ServiceUnavailable(f"ticket {added.ticket_id} is not stored yet; the addition is retried")
        record, new = stored
        [addition] = [known for known in record.additions if known.id == added.addition.id]
        tenant = knowledge.tenant
        result = IntakeResult(added.ticket_id, stored=True, new=new)
        if addition.notified_at is None and self.notifier is not None:
            intent = knowledge.intents.get(record.intent) if record.intent else None
            notification = addition_notification(record, addition, tenant, intent.title.nl if intent else None,
                                                 self.dashboard_url)
            if notification is not None:
                self.notifier.send(notification)
                self.tickets.record_delivery(tenant.slug, record.id, notified_at=self.clock(), addition=addition.id)
                result.notified = True
        if not addition.open_klant and tenant.open_klant.url and self.open_klant is not None:
            ticket_contact = record.open_klant.get("klantcontact")
            if ticket_contact is None:
                raise ServiceUnavailable(f"ticket {record.id} is not registered in Open Klant yet; the addition is retried")
            try:
                created = push_addition(self.open_klant, tenant.open_klant.url, record, addition, ticket_contact)
            except ServiceUnavailable:
                log.warning("addition %s of ticket %s not registered in Open Klant yet", addition.id, record.id,
                            exc_info=True)
                raise
            self.tickets.record_delivery(tenant.slug, record.id, open_klant=created, addition=addition.id)
            addition = addition.model_copy(update={"open_klant": created})
            result.open_klant = True
        if (addition.open_klant.get("klantcontact") and TAAK_UPDATED not in addition.open_klant
                and tenant.open_klant.url and self.open_klant is not None):
            # The ticket's interne taak says so too (its toelichting made afresh from the record), once per addition.
            registered = {known.id: known.open_klant["klantcontact"] for known in record.additions
                          if known.open_klant.get("klantcontact")} | {addition.id: addition.open_klant["klantcontact"]}
            try:
                taak = update_interne_taak(self.open_klant, tenant.open_klant.url, record, registered)
            except ServiceUnavailable:
                log.warning("interne taak of ticket %s not updated for addition %s yet", record.id, addition.id,
                            exc_info=True)
                raise
            self.tickets.record_delivery(tenant.slug, record.id, open_klant={**addition.open_klant, TAAK_UPDATED: taak},
                                         addition=addition.id)
            result.open_klant = True
        return result

"""In-memory implementations of the ports, for unit tests and `balie chat`.

They keep the same contract as the AWS adapters (the store contract suite in
tests/integration runs against both): stored values are copies, a save with a
stale version raises `VersionConflict`, counters add up per tenant and day.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .editor.drafts import AuditEntry, Draft
from .effects import Effect, PendingEffect
from .errors import Conflict, NotFound, VersionConflict
from .kb.compiled import CompiledFile, read_compiled
from .kb.models import Tenant
from .limits import DROPPED_COUNTER, KEPT_COUNTER, refusal
from .models import (
    AddedToTicket,
    BotConversation,
    ClientAdmission,
    CannedReply,
    Conversation,
    DailyCounters,
    HandoverStatus,
    MonthlyCounters,
    NotHelpfulItem,
    Role,
    Ticket,
    TicketAdditionRecord,
    TicketMark,
    TicketPage,
    TicketRecord,
    TicketStatus,
    ticket_position,
)
from .clock import Clock, now
from .retention import Retention, expired, no_retention
from .opening_hours import AMSTERDAM
from .report_counters import merged, monthly
from .tenants import DirectoryEntry, Switch, TenantDirectory, TenantVersion, VersionStatus
from .staff_texts import TICKET_CONVERSATION_GONE, TICKET_GONE
from .tickets import ticket_refusal

ACTIVE_HANDOVER = (HandoverStatus.WAITING, HandoverStatus.LIVE)


class InMemoryConversationStore:
    def __init__(self, clock: Clock = now, retention: Callable[[str], Retention | None] = no_retention) -> None:
        self._lock = threading.Lock()
        self.clock = clock  # the day a month's aggregate is created on (`since`); what has expired (core.retention)
        self.retention = retention  # the tenant's retention now (core.retention)
        # (tenant, id) -> (version, JSON): JSON, so callers never share objects; the version beside it, so a
        # write checks it without reading the whole conversation back.
        self._conversations: dict[tuple[str, str], tuple[int, str]] = {}
        self._counts: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        self._months: dict[tuple[str, str], MonthlyCounters] = {}  # (tenant, YYYY-MM)
        # (tenant, day) -> [(conversation id, redacted question, written at, expiresAt)]: erasure removes a
        # conversation's questions
        self._unanswered: dict[tuple[str, str], list[tuple[str, str, datetime, int]]] = defaultdict(list)
        self._not_helpful: dict[str, dict[str, NotHelpfulItem]] = defaultdict(dict)  # tenant -> id -> entry
        self._not_helpful_expiry: dict[tuple[str, str], int] = {}  # (tenant, id) -> expiresAt
        # Called with (tenant, conversation id) on erasure: what else is stored with it goes too.
        self.on_delete: list[Callable[[str, str], None]] = []
        self._admitted: dict[tuple[str, str, str, int], int] = defaultdict(int)  # (tenant, client, counts, window)
        # (tenant, conversation id, effect id) -> the pending effect as JSON: the outbox.
        self._outbox: dict[tuple[str, str, str], str] = {}

    def expired(self, tenant: str, expires_at: int, written_at: datetime) -> bool:
        """Whether a stored item of `tenant` is gone now (core.retention: the one rule of every store)."""
        return expired(expires_at, written_at, self.retention(tenant), self.clock())

    def _live(self, conversation: Conversation) -> bool:
        return not self.expired(conversation.tenant, conversation.expires_at, conversation.updated_at)

    def get(self, tenant: str, conversation_id: str) -> Conversation | None:
        with self._lock:
            stored = self._conversations.get((tenant, conversation_id))
        found = Conversation.model_validate_json(stored[1]) if stored is not None else None
        return found if found is not None and self._live(found) else None

    def save(
        self, conversation: Conversation, expected_version: int,
        counters: DailyCounters | Sequence[DailyCounters] | None = None, admission: ClientAdmission | None = None,
        effects: Sequence[Effect] = (),
    ) -> Conversation:
        key = (conversation.tenant, conversation.id)
        saved = conversation.model_copy(update={"version": expected_version + 1})  # written below as JSON
        days = merged([counters] if isinstance(counters, DailyCounters) else counters or [])
        with self._lock:
            current = self._conversations.get(key)
            if current is not None and expected_version == 0 and not self._live(
                    Conversation.model_validate_json(current[1])):
                current = None  # written in the place of one past its retention, as in DynamoDB
            if (current is None and expected_version != 0) or (current is not None and current[0] != expected_version):
                raise VersionConflict(f"{conversation.id}: expected version {expected_version}")
            if admission is not None:
                self._admit(admission, int(saved.updated_at.timestamp()))
            self._conversations[key] = (saved.version, saved.model_dump_json())
            written: list[DailyCounters] = []  # what the days got (the months get the same, but the cap's count)
            for counters_of_day in days:
                day = (counters_of_day.tenant, counters_of_day.day)
                counts = dict(counters_of_day.counts)
                questions = counters_of_day.unanswered
                limit = counters_of_day.unanswered_limit
                kept = self._counts[day].get(KEPT_COUNTER, 0)
                if questions and limit and kept + len(questions) > limit:
                    counts[DROPPED_COUNTER] = counts.get(DROPPED_COUNTER, 0) + len(questions)
                    questions = []
                elif questions and limit:
                    counts[KEPT_COUNTER] = counts.get(KEPT_COUNTER, 0) + len(questions)
                for name, amount in counts.items():
                    self._counts[day][name] = self._counts[day].get(name, 0) + amount
                self._unanswered[day].extend((conversation.id, text, saved.updated_at, saved.expires_at)
                                             for text in questions)
                for answer in counters_of_day.not_helpful:
                    entries = self._not_helpful[counters_of_day.tenant]
                    item_id = f"{counters_of_day.day}-{len(entries):06d}"
                    self._not_helpful_expiry[(counters_of_day.tenant, item_id)] = saved.expires_at
                    entries[item_id] = NotHelpfulItem(
                        **answer.model_dump(), id=item_id, day=counters_of_day.day, at=saved.updated_at,
                        conversation_id=conversation.id, channel=conversation.channel.value)
                written.append(DailyCounters(tenant=day[0], day=day[1], counts={
                    name: amount for name, amount in counts.items() if name != KEPT_COUNTER}))
            self._add_to_months(written)
            for effect in effects:
                pending = PendingEffect(tenant=conversation.tenant, conversation_id=conversation.id,
                                        written_at=conversation.updated_at, effect=effect)
                self._outbox[(*key, effect.id)] = pending.model_dump_json()
        return saved

    def admit(self, admission: ClientAdmission) -> None:
        with self._lock:
            self._admit(admission, int(self.clock().timestamp()))

    def _admit(self, admission: ClientAdmission, moment: int) -> None:
        window = (admission.tenant, admission.client, admission.counts, admission.window_start)
        if self._admitted[window] >= admission.limit:
            raise refusal(admission, moment)
        self._admitted[window] += 1

    def effects_done(self, tenant: str, conversation_id: str, effect_ids: Sequence[str]) -> None:
        with self._lock:
            for effect_id in effect_ids:
                self._outbox.pop((tenant, conversation_id, effect_id), None)

    def pending_effects(self, written_before: datetime, limit: int = 100) -> list[PendingEffect]:
        with self._lock:
            pending = [PendingEffect.model_validate_json(raw) for raw in self._outbox.values()]
        return sorted((p for p in pending if p.written_at < written_before), key=lambda p: p.written_at)[:limit]

    def _add_to_months(self, days: list[DailyCounters]) -> None:
        today = self.clock().astimezone(AMSTERDAM).date().isoformat()
        for increment in monthly(days, today):
            month = self._months.setdefault((increment.tenant, increment.month), increment.model_copy(
                update={"counts": {}, "days": {}}))
            for name, amount in increment.counts.items():
                month.counts[name] = month.counts.get(name, 0) + amount
            for day, row in increment.days.items():
                into = month.days.setdefault(day, {})
                for name, amount in row.items():
                    into[name] = into.get(name, 0) + amount

    def delete(self, tenant: str, conversation_id: str) -> bool:
        with self._lock:
            for (owner, _), questions in self._unanswered.items():
                if owner == tenant:
                    questions[:] = [question for question in questions if question[0] != conversation_id]
            entries = self._not_helpful[tenant]
            for item_id in [i for i, entry in entries.items() if entry.conversation_id == conversation_id]:
                del entries[item_id]
                self._not_helpful_expiry.pop((tenant, item_id), None)
            deleted = self._conversations.pop((tenant, conversation_id), None) is not None
            for key in [key for key in self._outbox if key[:2] == (tenant, conversation_id)]:
                del self._outbox[key]
        if deleted:
            for forget in self.on_delete:
                forget(tenant, conversation_id)
        return deleted

    def list_handovers(self, tenant: str, status: HandoverStatus, team: str | None = None) -> list[Conversation]:
        if status not in ACTIVE_HANDOVER:
            return []  # like the sparse index: only waiting/live handovers are listed
        with self._lock:
            raws = [raw for (t, _), (_, raw) in self._conversations.items() if t == tenant]
        found = [Conversation.model_validate_json(raw) for raw in raws]
        found = [
            c for c in found
            if self._live(c) and c.handover is not None and c.handover.status == status and (team is None or c.handover.team == team)
        ]
        return sorted(found, key=lambda c: c.handover.requested_at)  # type: ignore[union-attr]

    def daily_counters(self, tenant: str, first: date, last: date) -> list[DailyCounters]:
        with self._lock:
            return [DailyCounters(tenant=tenant, day=day, counts=dict(counts))
                    for (owner, day), counts in sorted(self._counts.items())
                    if owner == tenant and first.isoformat() <= day <= last.isoformat() and counts]

    def monthly_counters(self, tenant: str, first: date, last: date) -> list[MonthlyCounters]:
        with self._lock:
            return [month.model_copy(deep=True) for (owner, key), month in sorted(self._months.items())
                    if owner == tenant and first.isoformat()[:7] <= key <= last.isoformat()[:7]]

    def has_daily_counters(self, tenant: str, first: date, last: date) -> bool:
        return bool(self.daily_counters(tenant, first, last))

    def unanswered_questions(self, tenant: str, first: date, last: date, limit: int) -> list[str]:
        with self._lock:
            days = sorted((day for (owner, day) in self._unanswered if owner == tenant
                           and first.isoformat() <= day <= last.isoformat()), reverse=True)
            found = [(text, written, expires) for day in days
                     for _, text, written, expires in reversed(self._unanswered[(tenant, day)])]
        return [text for text, written, expires in found if not self.expired(tenant, expires, written)][:limit]

    def not_helpful(self, tenant: str, first: date, last: date, limit: int) -> list[NotHelpfulItem]:
        with self._lock:
            found = [entry.model_copy() for entry in self._not_helpful[tenant].values()
                     if first.isoformat() <= entry.day <= last.isoformat()
                     and not self.expired(tenant, self._not_helpful_expiry.get((tenant, entry.id), 0), entry.at)]
        return sorted(found, key=lambda entry: (entry.day, entry.id), reverse=True)[:limit]

    def review_not_helpful(self, tenant: str, item_id: str, staff: str, at: datetime,
                           note: str | None) -> NotHelpfulItem:
        with self._lock:
            entry = self._not_helpful[tenant].get(item_id)
            if entry is None or self.expired(tenant, self._not_helpful_expiry.get((tenant, item_id), 0), entry.at):
                raise NotFound("This entry does not exist.")
            entry.reviewed_by, entry.reviewed_at, entry.review_note = staff, at, note
            return entry.model_copy()

    def written_before(self, tenant: str, cutoff: datetime, limit: int) -> list[str]:
        with self._lock:
            raws = [raw for (owner, _), (_, raw) in self._conversations.items() if owner == tenant]
        return [conversation.id for conversation in map(Conversation.model_validate_json, raws)
                if conversation.updated_at <= cutoff][:limit]

    def bot_conversations(self, tenant: str, since: datetime) -> list[BotConversation]:
        with self._lock:
            raws = [raw for (owner, _), (_, raw) in self._conversations.items() if owner == tenant]
        found = []
        for conversation in map(Conversation.model_validate_json, raws):
            handover = conversation.handover
            if ((handover is not None and handover.status in ACTIVE_HANDOVER) or conversation.updated_at < since
                    or not self._live(conversation)):
                continue
            found.append(BotConversation(
                conversation_id=conversation.id, channel=conversation.channel.value, intent=conversation.state.topic,
                language=conversation.language, last_message_at=conversation.updated_at,
                turns=sum(1 for entry in conversation.transcript if entry.role == Role.RESIDENT)))
        return sorted(found, key=lambda item: item.last_message_at, reverse=True)


class InMemoryCannedReplies:
    def __init__(self) -> None:
        self._replies: dict[tuple[str, str], CannedReply] = {}

    def list(self, tenant: str) -> list[CannedReply]:
        return sorted((r.model_copy() for (owner, _), r in self._replies.items() if owner == tenant),
                      key=lambda reply: reply.title.casefold())

    def put(self, reply: CannedReply) -> CannedReply:
        self._replies[(reply.tenant, reply.id)] = reply.model_copy()
        return reply

    def delete(self, tenant: str, reply_id: str) -> bool:
        return self._replies.pop((tenant, reply_id), None) is not None


@dataclass
class InMemoryTicketQueue:
    """Keeps the tickets (and additions to them) handed to the intake (tests, the terminal);
    `intake` / `add_intake`, when set, take each one at once, as the ticket-intake function would."""

    sent: list[Ticket] = field(default_factory=list)
    intake: Callable[[Ticket], object] | None = None
    added: list[AddedToTicket] = field(default_factory=list)
    add_intake: Callable[[AddedToTicket], object] | None = None

    def send(self, ticket: Ticket) -> None:
        self.sent.append(ticket.model_copy(deep=True))
        if self.intake is not None:
            self.intake(ticket)

    def add(self, added: AddedToTicket) -> None:
        self.added.append(added.model_copy(deep=True))
        if self.add_intake is not None:
            self.add_intake(added)

    def pending(self, tenant: str) -> list[Ticket]:
        """The tickets handed over for `tenant`, oldest first."""
        return [ticket.model_copy(deep=True) for ticket in self.sent if ticket.tenant == tenant]


class InMemoryTicketStore:
    """Ticket records with the store's transitions; erasing a conversation in
    `conversations` erases its tickets, as one DynamoDB transaction does; a ticket expires by
    the conversation store's clock and tenants' retention."""

    def __init__(self, conversations: InMemoryConversationStore) -> None:
        self._conversations = conversations
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], str] = {}  # (tenant, id) -> JSON
        self._expiry: dict[tuple[str, str], int] = {}  # (tenant, id) -> expiresAt
        # (tenant, id) -> what places a ticket (status, team, urgent, created, holder), kept with every write, so
        # `marks` parses no record (as DynamoDB's reads only the slim index: key, expiry, urgent flag, holder).
        self._marks: dict[tuple[str, str], tuple[TicketStatus, str, bool, datetime, str | None]] = {}
        conversations.on_delete.append(self._forget_conversation)

    def _read(self, tenant: str, ticket_id: str) -> TicketRecord | None:
        raw = self._records.get((tenant, ticket_id))
        record = TicketRecord.model_validate_json(raw) if raw is not None else None
        return record if record is not None and self._live(record) else None

    def _live(self, record: TicketRecord) -> bool:
        return not self._conversations.expired(record.tenant, self._expiry.get((record.tenant, record.id), 0),
                                               record.created_at)

    def _all(self, tenant: str) -> list[TicketRecord]:
        with self._lock:
            found = [TicketRecord.model_validate_json(raw) for (owner, _), raw in self._records.items() if owner == tenant]
        return [record for record in found if self._live(record)]

    def _write(self, record: TicketRecord) -> TicketRecord:
        self._records[(record.tenant, record.id)] = record.model_dump_json()
        self._marks[(record.tenant, record.id)] = (record.status, record.team, record.urgent, record.created_at,
                                                   record.claimed_by)
        return record

    def create(self, ticket: Ticket, expires_at: int) -> tuple[TicketRecord, bool]:
        with self._lock:
            existing = self._read(ticket.tenant, ticket.id)
            if existing is not None:
                return existing, False
            if self._conversations.get(ticket.tenant, ticket.conversation_id) is None:
                raise NotFound(TICKET_CONVERSATION_GONE)
            self._expiry[(ticket.tenant, ticket.id)] = expires_at
            return self._write(TicketRecord.model_validate(ticket.model_dump())), True

    def get(self, tenant: str, ticket_id: str) -> TicketRecord | None:
        with self._lock:
            return self._read(tenant, ticket_id)

    def list(self, tenant: str, status: TicketStatus, teams: Collection[str] | None = None) -> list[TicketRecord]:
        found = [r for r in self._all(tenant) if r.status == status and (teams is None or r.team in teams)]
        return sorted(found, key=lambda r: (r.created_at, r.id))

    def marks(self, tenant: str, status: TicketStatus, teams: Collection[str] | None = None) -> list[TicketMark]:
        with self._lock:
            found = [(TicketMark(key[1], created, urgent, holder), self._expiry.get(key, 0))
                     for key, (state, team, urgent, created, holder) in self._marks.items()
                     if key[0] == tenant and state == status and (teams is None or team in teams)]
        return [mark for mark, expires_at in found if not self._conversations.expired(tenant, expires_at, mark.created_at)]

    def get_many(self, tenant: str, ticket_ids: Sequence[str]) -> list[TicketRecord]:
        found = [self.get(tenant, ticket_id) for ticket_id in ticket_ids]
        return [record for record in found if record is not None]

    def page(self, tenant: str, status: TicketStatus, teams: Collection[str] | None, *, limit: int,
             after: str | None = None, newest_first: bool = False) -> TicketPage:
        ordered = sorted(self.list(tenant, status, teams), key=ticket_position, reverse=newest_first)
        if after is not None:
            ordered = [r for r in ordered if (ticket_position(r) < after if newest_first else ticket_position(r) > after)]
        records = ordered[:limit]
        return TicketPage(records, ticket_position(records[-1]) if len(ordered) > limit else None)

    def _change(self, tenant: str, ticket_id: str, allowed: Callable[[TicketRecord], bool], refusal: Callable[[TicketRecord], str],
                update: dict) -> TicketRecord:
        with self._lock:
            record = self._read(tenant, ticket_id)
            if record is None:
                raise NotFound(TICKET_GONE)
            if not allowed(record):
                raise Conflict(refusal(record))
            return self._write(record.model_copy(update=update))

    def claim(self, tenant: str, ticket_id: str, staff: str, at: datetime, name: str | None = None) -> TicketRecord:
        current = self.get(tenant, ticket_id)
        if current is not None and current.status == TicketStatus.CLAIMED and current.claimed_by == staff:
            return current
        return self._change(tenant, ticket_id, lambda r: r.status == TicketStatus.OPEN, ticket_refusal,
                            {"status": TicketStatus.CLAIMED, "claimed_by": staff, "claimed_by_name": name,
                             "claimed_at": at})

    def release(self, tenant: str, ticket_id: str, staff: str | None) -> TicketRecord:
        return self._change(
            tenant, ticket_id,
            lambda r: r.status == TicketStatus.CLAIMED and (staff is None or r.claimed_by == staff), ticket_refusal,
            {"status": TicketStatus.OPEN, "claimed_by": None, "claimed_by_name": None, "claimed_at": None})

    def done(self, tenant: str, ticket_id: str, staff: str, at: datetime, outcome: str,
             note: str | None) -> TicketRecord:
        return self._change(
            tenant, ticket_id,
            lambda r: r.status == TicketStatus.OPEN or (r.status == TicketStatus.CLAIMED and r.claimed_by == staff),
            ticket_refusal,
            {"status": TicketStatus.DONE, "done_by": staff, "done_at": at, "outcome": outcome, "note": note})

    def record_delivery(self, tenant: str, ticket_id: str, *, notified_at: datetime | None = None,
                        open_klant: dict[str, str] | None = None, addition: str | None = None) -> None:
        update: dict = {}
        if notified_at is not None:
            update["notified_at"] = notified_at
        if open_klant is not None:
            update["open_klant"] = dict(open_klant)
        with self._lock:
            record = self._read(tenant, ticket_id)
            if record is None:
                raise NotFound(TICKET_GONE)
            if addition is None:
                self._write(record.model_copy(update=update))
                return
            if all(known.id != addition for known in record.additions):
                raise NotFound(TICKET_GONE)
            additions = [known.model_copy(update=update) if known.id == addition else known for known in record.additions]
            self._write(record.model_copy(update={"additions": additions}))

    def add(self, added: AddedToTicket) -> tuple[TicketRecord, bool] | None:
        with self._lock:
            if self._conversations.get(added.tenant, added.conversation_id) is None:
                raise NotFound(TICKET_CONVERSATION_GONE)
            record = self._read(added.tenant, added.ticket_id)
            if record is None:
                return None
            if any(known.id == added.addition.id for known in record.additions):
                return record, False
            addition = TicketAdditionRecord.model_validate(added.addition.model_dump())
            return self._write(record.model_copy(update={"additions": [*record.additions, addition],
                                                         "urgent": record.urgent or addition.urgent})), True

    def of_conversation(self, tenant: str, conversation_id: str) -> list[TicketRecord]:
        return [r for r in self._all(tenant) if r.conversation_id == conversation_id]

    def _forget_conversation(self, tenant: str, conversation_id: str) -> None:
        with self._lock:
            for key, raw in list(self._records.items()):
                if key[0] == tenant and TicketRecord.model_validate_json(raw).conversation_id == conversation_id:
                    del self._records[key]
                    self._expiry.pop(key, None)
                    self._marks.pop(key, None)


@dataclass
class InMemoryHandoverTimeouts:
    """Records the timeout checks a live handover asked for (tests, terminal);
    nothing fires them by itself."""

    scheduled: list[tuple[str, str, datetime, int]] = field(default_factory=list)

    def schedule(self, tenant: str, conversation_id: str, requested_at: datetime, delay_seconds: int) -> None:
        self.scheduled.append((tenant, conversation_id, requested_at, delay_seconds))


class InMemoryTenantRegistry:
    """The TenantRegistry in memory (unit tests): versions and the directory."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[tuple[str, int], TenantVersion] = {}
        self._sources: dict[tuple[str, int], str] = {}
        self._compiled: dict[tuple[str, int], str] = {}
        self._directory = TenantDirectory()
        self.directory_reads = 0

    def add_version(self, tenant: Tenant, by: str, at: datetime) -> TenantVersion:
        with self._lock:
            number = 1 + max((n for (slug, n) in self._versions if slug == tenant.slug), default=0)
            version = TenantVersion(slug=tenant.slug, version=number, created_at=at, created_by=by)
            self._versions[(tenant.slug, number)] = version
            self._sources[(tenant.slug, number)] = tenant.model_dump_json()
            return version.model_copy()

    def version(self, slug: str, number: int) -> TenantVersion | None:
        with self._lock:
            found = self._versions.get((slug, number))
            return found.model_copy() if found else None

    def versions(self, slug: str) -> list[TenantVersion]:
        with self._lock:
            return sorted((v.model_copy() for (s, _), v in self._versions.items() if s == slug),
                          key=lambda v: v.version, reverse=True)[:20]

    def source(self, slug: str, number: int) -> Tenant | None:
        raw = self._sources.get((slug, number))
        return Tenant.model_validate_json(raw) if raw else None

    def save_compiled(self, slug: str, number: int, compiled: CompiledFile) -> None:
        with self._lock:
            self._compiled[(slug, number)] = compiled.model_dump_json()
            self._versions[(slug, number)].matcher = compiled.matcher.file

    def compiled(self, slug: str, number: int) -> CompiledFile | None:
        raw = self._compiled.get((slug, number))
        return read_compiled(raw) if raw else None

    def set_status(self, slug: str, number: int, status: VersionStatus, error: str | None = None) -> None:
        with self._lock:
            version = self._versions[(slug, number)]
            version.status, version.error = status, error

    def directory(self) -> TenantDirectory:
        with self._lock:
            self.directory_reads += 1
            return self._directory.model_copy(deep=True)

    def switch(self, slug: str, entry: DirectoryEntry) -> Switch:
        with self._lock:
            replaced = self._directory.tenants.get(slug)
            if replaced is not None and replaced.version >= entry.version:
                return Switch(live=False)
            tenants = {**self._directory.tenants, slug: entry.model_copy()}
            self._directory = TenantDirectory(revision=self._directory.revision + 1, tenants=tenants)
            return Switch(live=True, replaced=replaced)


@dataclass
class InMemoryBuildQueue:
    """Records the builds asked for; `builder`, when set, builds each one at once."""

    requested: list[tuple[str, int]] = field(default_factory=list)
    builder: Callable[[str, int], object] | None = None

    def request(self, slug: str, version: int) -> None:
        self.requested.append((slug, version))
        if self.builder is not None:
            self.builder(slug, version)


class InMemoryArtefacts:
    """An ArtefactStore in memory; `puts` counts what was stored (trained)."""

    def __init__(self, preset: dict[str, bytes] | None = None) -> None:
        self._data = dict(preset or {})
        self.puts: list[str] = []

    def get(self, name: str) -> bytes | None:
        return self._data.get(name)

    def put(self, name: str, data: bytes) -> None:
        self._data[name] = data
        self.puts.append(name)


class InMemoryDrafts:
    """The editor's DraftStore in memory (unit tests): drafts, the audit trail and the
    accuracy estimates."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._drafts: dict[str, str] = {}
        self._audit: dict[str, list[str]] = defaultdict(list)
        self._quality: dict[str, float] = {}

    def get(self, tenant: str) -> Draft | None:
        raw = self._drafts.get(tenant)
        return Draft.model_validate_json(raw) if raw else None

    def save(self, draft: Draft, expected_revision: int) -> None:
        with self._lock:
            stored = self.get(draft.tenant)
            if (stored.revision if stored else 0) != expected_revision:
                raise Conflict("The draft changed meanwhile.")
            self._drafts[draft.tenant] = draft.model_dump_json()

    def add_audit(self, tenant: str, entry: AuditEntry) -> None:
        with self._lock:
            self._audit[tenant].append(entry.model_dump_json())

    def audit(self, tenant: str) -> list[AuditEntry]:
        return [AuditEntry.model_validate_json(raw) for raw in reversed(self._audit[tenant][-200:])]

    def quality(self, matcher: str) -> float | None:
        return self._quality.get(matcher)

    def save_quality(self, matcher: str, accuracy: float) -> None:
        self._quality[matcher] = accuracy


@dataclass
class InMemoryDraftChecks:
    """Records the draft checks asked for; `checker`, when set, runs each one at once."""

    requested: list[tuple[str, int]] = field(default_factory=list)
    checker: Callable[[str], object] | None = None

    def request_draft_check(self, tenant: str, revision: int) -> None:
        self.requested.append((tenant, revision))
        if self.checker is not None:
            self.checker(tenant)


class InMemoryMessagingStore:
    """A messaging channel's delivery log, contacts and receipts in memory (the
    contract of adapters.messaging_store.MessagingStore)."""

    def __init__(self, clock: Clock = now, retention: Callable[[str], Retention | None] = no_retention,
                 conversations: InMemoryConversationStore | None = None) -> None:
        self._lock = threading.Lock()
        self.clock = clock  # a contact past its retention is gone (core.retention)
        self.retention = retention
        if conversations is not None:  # its erasure erases the contact, as one DynamoDB key query does
            conversations.on_delete.append(self.forget_conversation)
        self._done: set[str] = set()  # event ids carried out
        self._pending: dict[str, datetime] = {}  # parts of large deliveries not taken in, by id
        self._sent: dict[str, set[int]] = defaultdict(set)
        self._own: set[str] = set()
        self._contacts: dict[tuple[str, str], dict] = {}
        self._contact_expiry: dict[tuple[str, str], int] = {}  # (tenant, conversation id) -> expiresAt
        self._limit_notices: dict[tuple[str, str], datetime] = {}
        self.receipts: dict[str, list] = defaultdict(list)  # tenant -> receipts
        self.send_failures: list[tuple[str, str, int | None, str]] = []

    def progress(self, event_id: str):
        from .messaging.events import DeliveryProgress

        with self._lock:
            return DeliveryProgress(done=event_id in self._done, sent_parts=frozenset(self._sent.get(event_id, ())))

    def mark_sent(self, event_id: str, part: int, *, done: bool = False) -> None:
        with self._lock:
            self._sent[event_id].add(part)
            if done:
                self._done.add(event_id)

    def mark_done(self, event_id: str) -> None:
        with self._lock:
            self._done.add(event_id)

    def any_pending(self, now: datetime) -> bool:
        from .messaging.intake import PENDING_PART_AGE

        with self._lock:
            return any(now - queued <= PENDING_PART_AGE for queued in self._pending.values())

    def add_pending(self, part_ids: list[str], now: datetime) -> None:
        with self._lock:
            self._pending.update((part_id, now) for part_id in part_ids)

    def remove_pending(self, part_id: str) -> None:
        with self._lock:
            self._pending.pop(part_id, None)

    def remember_sent(self, message_id: str) -> None:
        self._own.add(message_id)

    def is_own_message(self, message_id: str) -> bool:
        return message_id in self._own

    def record_receipts(self, tenant: str, receipts: list) -> int:
        self.receipts[tenant].extend(receipts)
        return len(receipts)

    def record_send_failure(self, tenant: str, event_id: str, code: int | None, title: str) -> None:
        self.send_failures.append((tenant, event_id, code, title))

    def remember_contact(self, tenant: str, conversation_id: str, channel, address, account_id: str,
                         last_inbound_at: datetime, retention_days: int):
        with self._lock:
            stored = self._contacts.setdefault((tenant, conversation_id), {})
            stored.update(channel=channel, address=address, account_id=account_id, last_inbound_at=last_inbound_at)
            self._contact_expiry[(tenant, conversation_id)] = int(last_inbound_at.timestamp()) + retention_days * 86400
        return self.contact(tenant, conversation_id)

    def contact(self, tenant: str, conversation_id: str):
        from .messaging.events import Contact

        stored = self._contacts.get((tenant, conversation_id))
        if stored is None or "address" not in stored or expired(
                self._contact_expiry.get((tenant, conversation_id), 0), stored["last_inbound_at"],
                self.retention(tenant), self.clock()):
            return None
        return Contact(**stored)

    def set_thread(self, tenant: str, conversation_id: str, *, elsewhere: bool | None = None,
                   quiet_until: datetime | None = None) -> None:
        with self._lock:
            stored = self._contacts.setdefault((tenant, conversation_id), {})
            if elsewhere is not None:
                stored["thread_elsewhere"] = elsewhere
            if quiet_until is not None:
                stored["quiet_until"] = quiet_until

    def claim_limit_notice(self, tenant: str, conversation_id: str, now: datetime) -> bool:
        with self._lock:
            last = self._limit_notices.get((tenant, conversation_id))
            if last is not None and now - last < timedelta(seconds=60):
                return False
            self._limit_notices[(tenant, conversation_id)] = now
            return True

    def forget_conversation(self, tenant: str, conversation_id: str) -> None:
        """Erasure (`InMemoryConversationStore.on_delete`): the contact goes with the conversation."""
        with self._lock:
            self._contacts.pop((tenant, conversation_id), None)
            self._contact_expiry.pop((tenant, conversation_id), None)
            self._limit_notices.pop((tenant, conversation_id), None)

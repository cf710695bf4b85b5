"""The dialogue engine: one resident turn in, one `Reply` out.

Transport-free: a channel turns its input into an `InboundMessage` and renders
the `Reply`. Per turn the engine reads the conversation once, decides
(`turn.Turn` on a `TurnContext`), and writes it back once together with the
day's counters (optimistic concurrency on `Conversation.version`; on a lost
race it re-reads and decides again). The turn's side effects (`core.effects`)
are written in the same transaction, as an outbox; only then are they carried
out, once, through the `EffectDispatcher`, and taken out of the outbox. An
effect that fails is undone in the conversation and the resident is told; one
left in the outbox by a turn that ended before its dispatch is carried out by
the outbox sweeper (`core.outbox`).

Dialogue state: `Conversation.state` (`core.dialogue.state.DialogueState`).
Button payloads (`InboundMessage.payload`, or a web message that is exactly a
payload): `intent:<id>`, `choice:other`, `followup:<kind>`, `feedback:yes|no`,
`handover:request|yes|no|urgent|urgent-<crisis kind>`.
"""
from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from .. import privacy, report_counters
from ..clock import Clock, now
from ..conversations import update_conversation
from ..effects import AddToTicket, DispatchFailed, Effect, EffectDispatcher, ScheduleHandoverTimeout
from ..errors import ClientMessageIdReused, Conflict, NotFound, RateLimited, ServiceUnavailable, VersionConflict
from ..ids import (
    FIRST_TURN_RETRY_SECONDS,
    MIN_CLIENT_ID_FOR_DERIVED_CONVERSATION,
    client_key,
    first_turn_conversation_id,
    log_reference,
    new_conversation_id,
)
from ..kb import phrases
from ..limits import TurnLimits
from ..models import (
    Channel,
    Conversation,
    DailyCounters,
    Link,
    HandoverStatus,
    HandoverView,
    InboundKind,
    InboundMessage,
    RememberedReply,
    Reply,
    ReplyMessage,
    Role,
    TranscriptEntry,
)
from ..opening_hours import AMSTERDAM
from ..ports import ConversationStore, KnowledgeRepository
from . import abuse, clauses, language
from .context import TurnContext, is_payload
from .crisis import detect as detect_crisis
from .distress import detect as detect_distress
from .handover import handover_view, undo
from .turn import CrisisDetector, Turn as DialogueTurn

if TYPE_CHECKING:
    from ..kb.compiled import TenantKnowledge

__all__ = ["Engine", "MessagesPage", "Turn", "is_payload", "remembered_reply"]

MAX_TRANSCRIPT = 200  # entries kept per conversation; keeps the item far below 400 KB
MAX_REMEMBERED_CLIENT_IDS = 20  # idempotency window: retries concern the last few turns
RATE_LIMIT_TURNS = 30  # resident turns per minute per conversation
log = logging.getLogger(__name__)

SAVE_ATTEMPTS = 5


@dataclass
class Turn:
    """The outcome of one turn: the reply, the counters it added (for metrics) and
    the side effects it carried out."""

    reply: Reply
    counts: dict[str, int] = field(default_factory=dict)
    replayed: bool = False  # answered from `replies_by_client_id`; nothing was written
    effects: list[Effect] = field(default_factory=list)


@dataclass
class MessagesPage:
    conversation_id: str
    entries: list[TranscriptEntry]
    cursor: int  # pass back as `after` to get only newer entries
    handover: HandoverView | None


def message_fingerprint(message: InboundMessage) -> str:
    """A short hash of what a turn said (kind, button and text), so a repeated
    clientMessageId can be told apart from a reuse of it for another message (48 bits of
    SHA-256: enough to tell two messages apart, too little to read anything back)."""
    said = f"{message.kind.value}\x1f{message.payload or ''}\x1f{message.text.strip()}"
    return hashlib.sha256(said.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def same_message(conversation: Conversation, message: InboundMessage) -> bool:
    """False when the remembered turn of this clientMessageId said something else
    (replies remembered before fingerprints existed count as the same)."""
    remembered = conversation.replies_by_client_id.get(message.client_message_id or "")
    return remembered is None or remembered.fingerprint in (None, message_fingerprint(message))


def remembered_reply(conversation: Conversation, client_message_id: str | None) -> Reply | None:
    """The reply once returned for `client_message_id`, rebuilt from the transcript:
    its messages are the bot entries right after the resident's entry, stored
    unredacted exactly as they were sent. None when the id is not remembered, or
    (defensively) when its entries are no longer all in the transcript."""
    remembered = conversation.replies_by_client_id.get(client_message_id or "")
    if remembered is None:
        return None
    wanted = range(remembered.seq + 1, remembered.seq + 1 + remembered.count)
    entries = {entry.seq: entry for entry in conversation.transcript if entry.seq in wanted}
    if len(entries) != remembered.count or any(entry.role != Role.BOT for entry in entries.values()):
        return None
    return Reply(
        conversation_id=conversation.id,
        intent=remembered.intent,
        confidence=remembered.confidence,
        messages=[
            ReplyMessage(text=entry.text, links=list(entry.links), buttons=list(entry.buttons))
            for entry in (entries[seq] for seq in wanted)
        ],
        handover=remembered.handover,
        language=remembered.language,
    )


class Engine:
    def __init__(
        self,
        store: ConversationStore,
        knowledge: KnowledgeRepository,
        effects: EffectDispatcher,
        clock: Clock = now,
        id_key: Callable[[], bytes] | None = None,
        crisis: CrisisDetector = detect_crisis,
        distress: CrisisDetector | None = detect_distress,
        limits: TurnLimits = TurnLimits(),
    ) -> None:
        self.limits = limits
        self.store = store
        self.knowledge = knowledge
        self.effects = effects
        self.clock = clock
        self.crisis = crisis
        self.distress = distress  # the trained second net, asked where the rules are quiet
        # The secret behind first-turn conversation ids; shared by every instance
        # in production (the store keeps it), random per process otherwise.
        process_key = secrets.token_bytes(32)
        self.id_key = id_key or (lambda: process_key)

    # ---- public use cases -------------------------------------------------

    def handle(self, message: InboundMessage) -> Reply:
        return self.handle_turn(message).reply

    def handle_turn(self, message: InboundMessage) -> Turn:
        knowledge = self.knowledge.get(message.tenant)  # NotFound for an unknown tenant
        for _ in range(SAVE_ATTEMPTS):
            conversation = self._load(message)
            expected_version = conversation.version
            stored = remembered_reply(conversation, message.client_message_id)
            if stored is not None:
                if not same_message(conversation, message):
                    raise ClientMessageIdReused("This clientMessageId was already used for another message.")
                return Turn(reply=stored, replayed=True)
            moment = self.clock()
            self._check_rate(conversation, moment)
            handover_before = _handover_state(conversation)
            ctx = TurnContext(conversation, knowledge, message, moment)
            try:
                with clauses.reading_a_turn():
                    DialogueTurn(ctx, self.crisis, self.distress).run()
            finally:
                phrases.forget_texts()  # the message's words are read within the turn only
            reply = Reply(
                conversation_id=conversation.id,
                intent=ctx.intent,
                confidence=round(ctx.confidence, 4),
                messages=ctx.messages,
                handover=handover_view(conversation, knowledge, moment),
                language=conversation.language,
            )
            counters = _counters(ctx, expected_version == 0, handover_before)
            counters[0].unanswered_limit = self.limits.unanswered_per_day  # the turn's own day
            self._finish(conversation, message, reply, moment, knowledge.tenant.retention_days, ctx.flow_values)
            # A new web conversation counts against its client's allowance, in the same write.
            admission = None
            if expected_version == 0 and message.client_address:
                admission = self.limits.admission(message.tenant, client_key(message.client_address, self.id_key()),
                                                  moment)
            try:
                self.store.save(conversation, expected_version, counters, admission, ctx.effects)
            except VersionConflict:
                continue  # someone else wrote this conversation meanwhile: decide again on fresh state
            counts = counters[0].counts
            if ctx.effects:
                reply, corrections = self._carry_out(ctx.effects, message, conversation, knowledge, reply,
                                                     counters[0].day)
                counts = {name: counts.get(name, 0) + corrections.get(name, 0) for name in {*counts, *corrections}}
            return Turn(reply=reply, counts=counts, effects=ctx.effects)
        raise Conflict("This conversation is busy. Please try again.")

    def messages(self, tenant: str, conversation_id: str, after: int = 0) -> MessagesPage:
        knowledge = self.knowledge.get(tenant)
        conversation = self.store.get(tenant, conversation_id)
        if conversation is None:
            raise NotFound("This conversation does not exist.")
        entries = [entry for entry in conversation.transcript if entry.seq > after]
        # The last entry's number, also for a cursor past it: a client keeping that cursor would
        # miss the entries numbered up to it.
        cursor = conversation.transcript[-1].seq if conversation.transcript else 0
        view = handover_view(conversation, knowledge, self.clock())
        return MessagesPage(conversation.id, entries, cursor, view)

    # ---- helpers ----------------------------------------------------------

    def _carry_out(self, effects: list[Effect], message: InboundMessage, saved: Conversation,
                   knowledge: "TenantKnowledge", reply: Reply, day: str) -> tuple[Reply, dict[str, int]]:
        """Dispatch the written turn's effects and take them out of the outbox. What failed
        is undone in the stored conversation, with the day's counters corrected in the same
        write (the turn counted a live handover or a ticket that did not happen); the reply
        (and its replay) then says what is true. Returns the reply and the counter corrections."""
        try:
            self.effects.dispatch(effects)
            failed: list[Effect] = []
        except DispatchFailed as failure:
            failed = failure.failed
        try:
            # Done, or given up and undone below: the sweeper must not carry them out later.
            self.store.effects_done(saved.tenant, saved.id, [effect.id for effect in effects])
        except ServiceUnavailable:
            log.warning("outbox of %s not cleared; the sweeper repeats its effects (idempotent)",
                        log_reference(saved.id, self.id_key()), exc_info=True)
        if not failed:
            return reply, {}
        moment = self.clock()
        told: list[ReplyMessage] = []
        corrections: dict[str, int] = {}
        team = saved.handover.team if saved.handover is not None else None

        def put_right(conversation: Conversation) -> None:
            told.clear()
            corrections.clear()
            corrections["effect_failed"] = len(failed)
            first_seq = conversation.next_seq()
            for effect in failed:
                undone = undo(conversation, knowledge, effect, moment)
                told.extend(undone)
                if undone and not isinstance(effect, AddToTicket):  # an addition's callback still stands
                    kind = "live" if isinstance(effect, ScheduleHandoverTimeout) else "queued"
                    for name in (f"handover_{kind}", f"handover_{kind}:{team}"):
                        corrections[name] = corrections.get(name, 0) - 1
            remembered = conversation.replies_by_client_id.get(message.client_message_id or "")
            if told and remembered is not None and remembered.seq + remembered.count + 1 == first_seq:
                remembered.count += len(told)  # a retry of this message gets the whole story
                remembered.handover = handover_view(conversation, knowledge, moment)

        fixed, _ = update_conversation(
            self.store, saved.tenant, saved.id, put_right,
            counters=lambda c: [DailyCounters(tenant=saved.tenant, day=day, counts=dict(corrections)),
                                *[moved for moved in [report_counters.settle(c, knowledge)] if moved is not None]],
        )
        return reply.model_copy(update={
            "messages": [*reply.messages, *told], "handover": handover_view(fixed, knowledge, moment),
        }), corrections

    def _load(self, message: InboundMessage) -> Conversation:
        if message.conversation_id:
            conversation = self.store.get(message.tenant, message.conversation_id)
            if conversation is not None:
                return conversation
            # The web widget only knows ids the API gave it: an unknown one is a 404.
            # Other channels name their thread themselves (WhatsApp: the sender).
            if message.channel == Channel.WEB:
                raise NotFound("This conversation does not exist.")
            conversation_id = message.conversation_id
        elif message.client_message_id:
            # A retried first turn finds the conversation its first attempt created.
            short = len(message.client_message_id) < MIN_CLIENT_ID_FOR_DERIVED_CONVERSATION
            context = f"{message.client_address or ''}\x00{message_fingerprint(message)}" if short else ""
            conversation_id = first_turn_conversation_id(message.tenant, message.client_message_id, self.id_key(), context)
            conversation = self.store.get(message.tenant, conversation_id)
            if conversation is not None and (not short or self._retry_of_first_turn(conversation, message)):
                return conversation
            if conversation is not None:  # an equal short id of another resident, later: a conversation of its own
                conversation_id = new_conversation_id(message.tenant)
        else:
            conversation_id = new_conversation_id(message.tenant)
        moment = self.clock()
        return Conversation(
            id=conversation_id,
            tenant=message.tenant,
            channel=message.channel,
            created_at=moment,
            updated_at=moment,
            language=message.locale or language.detect(_said_beside_abuse(message.text)) or "nl",
        )

    def _retry_of_first_turn(self, conversation: Conversation, message: InboundMessage) -> bool:
        """A short clientMessageId's first turn is a retry while its conversation holds only
        that turn (the widget never learnt the id, so it cannot have gone on) and for
        FIRST_TURN_RETRY_SECONDS: past that, an equal request is another resident's."""
        residents = [entry for entry in conversation.transcript if entry.role == Role.RESIDENT]
        remembered = conversation.replies_by_client_id.get(message.client_message_id or "")
        fresh = (self.clock() - conversation.created_at).total_seconds() <= FIRST_TURN_RETRY_SECONDS
        return fresh and remembered is not None and len(residents) == 1 and residents[0].seq == remembered.seq

    def _check_rate(self, conversation: Conversation, moment: datetime) -> None:
        window_start = moment.timestamp() - 60
        recent = [t for t in conversation.recent_turns if t > window_start]
        if len(recent) >= RATE_LIMIT_TURNS:
            raise RateLimited("Too many messages in this conversation. Please wait a minute.")
        conversation.recent_turns = recent + [moment.timestamp()]

    def _finish(
        self, conversation: Conversation, message: InboundMessage, reply: Reply, moment: datetime, retention_days: int,
        flow_values: list[str],
    ) -> None:
        """Append the turn to the transcript (redacted; guided-flow answers forgotten, also in
        the bot's messages and links that used them), record the handover's segment (staff
        visibility) and bound what the item keeps."""
        seq = resident_seq = conversation.next_seq()
        shown = message.text if message.kind != InboundKind.BUTTON or message.text else (message.payload or "")
        conversation.transcript.append(
            TranscriptEntry(seq=seq, role=Role.RESIDENT, at=moment,
                            text=privacy.forget(privacy.redact(shown), flow_values))
        )
        for bot_message in reply.messages:
            seq += 1
            conversation.transcript.append(
                TranscriptEntry(
                    seq=seq,
                    role=Role.BOT,
                    at=moment,
                    text=privacy.forget(bot_message.text, flow_values),
                    links=[Link(title=privacy.forget(link.title, flow_values), url=privacy.forget(link.url, flow_values))
                           for link in bot_message.links],
                    buttons=bot_message.buttons,
                    intent=reply.intent,
                )
            )
        if message.client_message_id:
            conversation.replies_by_client_id[message.client_message_id] = RememberedReply(
                seq=resident_seq,
                fingerprint=message_fingerprint(message),
                count=len(reply.messages),
                intent=reply.intent,
                confidence=reply.confidence,
                handover=reply.handover,
                language=reply.language,
            )
            overflow = len(conversation.replies_by_client_id) - MAX_REMEMBERED_CLIENT_IDS
            for old in list(conversation.replies_by_client_id)[: max(overflow, 0)]:
                del conversation.replies_by_client_id[old]
        conversation.record_handover_segment()
        conversation.keep_last_entries(MAX_TRANSCRIPT)
        conversation.updated_at = moment
        conversation.expires_at = int(moment.timestamp()) + retention_days * 86400


def _said_beside_abuse(text: str) -> str:
    """What a first message says beside swearing at the bot or staff: a curse ("fuck you") chooses no language."""
    found = abuse.read(text) if text else None
    return text if found is None else found.rest


def _handover_state(conversation: Conversation) -> tuple[str, str] | None:
    handover = conversation.handover
    return None if handover is None else (handover.status.value, handover.requested_at.isoformat())


def _counters(ctx: TurnContext, new_conversation: bool,
              handover_before: tuple[str, str] | None) -> list[DailyCounters]:
    """The day's counters of this turn first, then (when the conversation's class in the
    reports changed) the moves on the day it started (core.report_counters)."""
    if new_conversation:
        ctx.count("conversations")
    handover = ctx.conversation.handover
    if handover is not None and _handover_state(ctx.conversation) != handover_before:
        # A changed handover is a new live request or ticket (reports).
        kind = {HandoverStatus.WAITING: "live", HandoverStatus.QUEUED: "queued"}.get(handover.status)
        if kind is not None:
            ctx.count(f"handover_{kind}")
            ctx.count(f"handover_{kind}:{handover.team}")
    answered = ctx.intent_of(ctx.intent) if ctx.counts.get("answered") else None
    signals = report_counters.observe_turn(
        ctx.conversation, ctx.counts, answered=answered.id if answered is not None and answered.kind == "topic" else None,
        typed=ctx.text if ctx.payload is None else None)
    for name, amount in signals.items():
        ctx.count(name, amount)
    if ctx.unanswered:
        ctx.count("unanswered", len(ctx.unanswered))
    not_helpful = [report_counters.not_helpful_answer(ctx.conversation, name.split(":", 1)[1])
                   for name in ctx.counts if name.startswith("feedback_not_helpful:")]
    day = ctx.moment.astimezone(AMSTERDAM).date().isoformat()
    today = DailyCounters(tenant=ctx.conversation.tenant, day=day, counts=ctx.counts, unanswered=list(ctx.unanswered),
                          not_helpful=not_helpful)
    moved = report_counters.settle(ctx.conversation, ctx.knowledge)
    return [today] if moved is None else [today, moved]

"""Side effects of a turn, as data.

A turn decides on a loaded conversation and returns what should happen outside
it (schedule a handover timeout, queue a ticket, add to a queued ticket) as `Effect` values. The engine
writes the conversation first and only then carries the effects out, once,
through one `EffectDispatcher`: a turn that loses the optimistic-concurrency
race is decided again on fresh state and its first decision's effects never
run. Every effect has a deterministic id (the conversation, the kind and the
handover's `requested_at`, or the turn's moment and message for an addition), so a
consumer can recognise a repeat.

`PortEffectDispatcher` carries effects out through the existing ports (the SQS
adapters in AWS, core.memory in tests): `TicketQueue.send` (the ticket intake,
`core.tickets`, then stores the record, tells the team and registers it in Open
Klant; `TicketQueue.add`: it adds to the stored ticket) and `HandoverTimeouts.schedule`.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal, Protocol

from pydantic import Field

from .errors import ServiceUnavailable
from .models import AddedToTicket, Model, Ticket
from .ports import HandoverTimeouts, TicketQueue

log = logging.getLogger(__name__)

EffectKind = Literal["schedule_handover_timeout", "queue_ticket", "add_to_ticket"]


def effect_id(conversation_id: str, kind: EffectKind, requested_at: datetime, seq: int | None = None) -> str:
    """128 bits of SHA-256 over what makes the effect unique: the same handover
    request always yields the same id (never random). `seq`: the resident's message's
    place in the transcript, for an effect of its own per message (an addition)."""
    seed = f"{conversation_id}\x00{kind}\x00{requested_at.isoformat()}" + (f"\x00{seq}" if seq is not None else "")
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


class ScheduleHandoverTimeout(Model):
    """Check a live handover after `delay_seconds`: still unclaimed -> callback offer."""

    kind: Literal["schedule_handover_timeout"] = "schedule_handover_timeout"
    id: str
    tenant: str
    conversation_id: str
    requested_at: datetime
    delay_seconds: int = Field(ge=0, le=900)  # SQS DelaySeconds


class QueueTicket(Model):
    """Put an out-of-hours (or timed-out) handover on the tenant's ticket queue."""

    kind: Literal["queue_ticket"] = "queue_ticket"
    id: str  # = ticket.id
    ticket: Ticket


class AddToTicket(Model):
    """Add what the resident wrote after their callback was queued to that ticket."""

    kind: Literal["add_to_ticket"] = "add_to_ticket"
    id: str  # = added.addition.id
    added: AddedToTicket


Effect = Annotated[ScheduleHandoverTimeout | QueueTicket | AddToTicket, Field(discriminator="kind")]


class PendingEffect(Model):
    """An effect in the outbox: written with its turn, not yet confirmed carried out."""

    tenant: str
    conversation_id: str
    written_at: datetime
    effect: Effect


def schedule_timeout(tenant: str, conversation_id: str, requested_at: datetime, delay_seconds: int) -> ScheduleHandoverTimeout:
    return ScheduleHandoverTimeout(
        id=effect_id(conversation_id, "schedule_handover_timeout", requested_at), tenant=tenant,
        conversation_id=conversation_id, requested_at=requested_at, delay_seconds=delay_seconds,
    )


class DispatchFailed(ServiceUnavailable):
    """Some effects could not be carried out now; `failed` lists them (the others were)."""

    def __init__(self, failed: list[Effect]) -> None:
        super().__init__(f"{len(failed)} effect(s) could not be carried out: {[e.kind for e in failed]}")
        self.failed = failed


class EffectDispatcher(Protocol):
    def dispatch(self, effects: list[Effect]) -> None:
        """Carry out every effect. Raises `DispatchFailed` naming those that failed."""


@dataclass
class PortEffectDispatcher:
    tickets: TicketQueue
    timeouts: HandoverTimeouts

    def dispatch(self, effects: list[Effect]) -> None:
        failed: list[Effect] = []
        for effect in effects:
            try:
                self._one(effect)
            except ServiceUnavailable:
                log.warning("effect %s (%s) failed", effect.id, effect.kind, exc_info=True)
                failed.append(effect)
        if failed:
            raise DispatchFailed(failed)

    def _one(self, effect: Effect) -> None:
        if isinstance(effect, ScheduleHandoverTimeout):
            self.timeouts.schedule(effect.tenant, effect.conversation_id, effect.requested_at, effect.delay_seconds)
        elif isinstance(effect, AddToTicket):
            self.tickets.add(effect.added)
        else:
            self.tickets.send(effect.ticket)

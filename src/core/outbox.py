"""The outbox sweeper: side effects a turn wrote but never carried out.

A turn writes its effects in the same transaction as the conversation (the outbox)
and carries them out right after; when the turn's process ends in between (a
timeout, a crash), the effects stay in the outbox. The sweeper (scheduled) carries
out those older than a grace period and takes them out. Every consumer is
idempotent by the effect's deterministic id: the ticket intake stores a ticket
once per ticket id (= effect id), the handover timeout acts once per handover
request (`requested_at`, from which the effect id is made), so an effect carried
out twice still has one result.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from .effects import DispatchFailed, EffectDispatcher
from .ports import ConversationStore

log = logging.getLogger(__name__)

# Longer than any turn takes (a function's timeout), so a turn still dispatching is left alone.
GRACE = timedelta(minutes=2)
BATCH = 100


@dataclass
class SweepResult:
    carried_out: int = 0
    failed: int = 0


def sweep(store: ConversationStore, dispatcher: EffectDispatcher, moment: datetime) -> SweepResult:
    """Carry out what the outbox still holds from before `moment - GRACE`."""
    result = SweepResult()
    for pending in store.pending_effects(moment - GRACE, BATCH):
        try:
            dispatcher.dispatch([pending.effect])
        except DispatchFailed:
            result.failed += 1  # left in the outbox: the next sweep tries again
            continue
        store.effects_done(pending.tenant, pending.conversation_id, [pending.effect.id])
        result.carried_out += 1
        log.info("outbox effect %s (%s) carried out late", pending.effect.id, pending.effect.kind)
    return result

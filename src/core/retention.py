"""How long a resident's data is kept: one rule for every store (docs/ARCHITECTURE.md,
"Erasure and retention").

Every item that holds a resident's data is written with `expiresAt` = the moment it was
written + the tenant's `retention_days` at that moment; DynamoDB's TTL deletes it some
time after that (AWS: within days; the local emulation never). Readers do not wait for it:
an item is gone for every reader once

- its `expiresAt` has passed (a longer retention later never brings it back), or
- its write + the tenant's `retention_days` *now* has passed (a shorter retention applies
  to what is stored already, without rewriting it), or
- it was written at or before the tenant's `expired_before`: a shorter retention that was
  in force for a while ended it then, so raising the retention again does not revive it.

`expired_before` is kept with the tenant's live version (`core.tenants.DirectoryEntry`):
each version that goes live moves it to the latest write the replaced retention had ended
by then (`Retention.replaced_at`).

What readers no longer see is also erased, not left to TTL: a scheduled run (`erase_expired`,
the housekeeping function every 5 minutes) erases each conversation the tenant's retention has
ended, with everything stored with it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ports import ConversationStore

DAY_SECONDS = 86400
# Conversations one scheduled run erases (every 5 minutes; about 50 ms each): a backlog, as after a
# lower retention, is taken over the next runs, within the function's 60 s.
ERASED_PER_RUN = 200


@dataclass(frozen=True)
class Retention:
    """A tenant's retention as readers apply it."""

    days: int
    expired_before: int = 0  # epoch seconds: what was written at or before it is gone

    def replaced_at(self, moment: datetime, days: int) -> "Retention":
        """The retention of `days` that takes this one's place at `moment`: what this one had
        ended by then stays gone."""
        ended = int(moment.timestamp()) - self.days * DAY_SECONDS
        return Retention(days=days, expired_before=max(self.expired_before, ended))


def expired(expires_at: int, written_at: datetime | None, retention: Retention | None, moment: datetime) -> bool:
    """Whether an item written at `written_at` with `expiresAt` `expires_at` (epoch seconds; 0:
    none set, as items made without a tenant's retention in tests) is gone at `moment` under the
    tenant's `retention` (None: unknown, the stored expiry alone decides)."""
    at = moment.timestamp()
    if expires_at and expires_at <= at:
        return True
    if retention is None or written_at is None:
        return False
    written = written_at.timestamp()
    return written + retention.days * DAY_SECONDS <= at or written <= retention.expired_before


def written_by(retention: Retention, moment: datetime) -> datetime:
    """The latest write that `retention` has ended at `moment`: everything written then or before is gone."""
    ended = max(int(moment.timestamp()) - retention.days * DAY_SECONDS, retention.expired_before)
    return datetime.fromtimestamp(ended, tz=timezone.utc)


def erase_expired(store: ConversationStore, retention: Callable[[str], Retention | None], tenants: list[str],
                  moment: datetime, limit: int = ERASED_PER_RUN) -> int:
    """Erase the conversations the tenants' retention has ended (everything stored with each, as a
    resident's erasure does), at most `limit` in all: readers no longer see them, and DynamoDB's TTL
    would keep them until the `expiresAt` they were written with (days later, or, after a lower
    retention, weeks). Returns how many were erased; the next run takes the rest."""
    erased = 0
    for tenant in tenants:
        ruling = retention(tenant)
        if ruling is None or erased >= limit:
            continue
        for conversation_id in store.written_before(tenant, written_by(ruling, moment), limit - erased):
            erased += store.delete(tenant, conversation_id)
    return erased


def no_retention(tenant: str) -> Retention | None:
    """The stores' default: only the stored expiry applies (a store without tenants' settings)."""
    return None

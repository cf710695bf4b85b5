"""The one clock of Balie.

All time-dependent behaviour (opening hours, holidays, retention, rate limits)
reads `now()`. `BALIE_NOW` (ISO-8601 with offset) fixes the clock for the local
stack, the CLI and tests; it is read on every call, never at import.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from typing import Protocol

__all__ = ["Clock", "FixedClock", "now", "offset_from_real_time"]


class Clock(Protocol):
    def __call__(self) -> datetime: ...


def now() -> datetime:
    """The current time as an aware datetime; `BALIE_NOW` overrides it."""
    fixed = os.environ.get("BALIE_NOW")
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise ValueError(f"BALIE_NOW={fixed!r} is not a time with a UTC offset, e.g. 2026-12-24T21:30:00+01:00")
        return moment
    return datetime.now(timezone.utc)


def offset_from_real_time() -> timedelta:
    """How far the clock is from real time: zero unless `BALIE_NOW` fixes it. Others (Meta)
    stamp what they send in real time; this reads their stamps in the clock's time."""
    if not os.environ.get("BALIE_NOW"):
        return timedelta(0)
    return now() - datetime.now(timezone.utc)


class FixedClock:
    """A clock for tests that can be moved forward."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        from datetime import timedelta

        self.moment = self.moment + timedelta(**delta)


"""When a person is there: the one source of every promise Balie makes about staff.

`availability(tenant, now)` says whether staff are at work now, until when, and
when they are next; `Promises` words that for one conversation. The greeting,
the offer of a person, "laat maar" (the team's own phone and e-mail), the
handover messages, the callback promise, WhatsApp and the chat API's handover
`notice` all take their words from here, so they cannot disagree.

A callback asked in office hours is promised "vandaag vóór <closing time>" when
at least `CALLBACK_MIN_LEFT` of the day is left, else for the next opening:
never for a moment that has already come.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..kb.models import Team, Tenant
from ..models import Handover, HandoverStatus
from ..opening_hours import AMSTERDAM, OpeningHours, clock_words, date_words
from .texts import Wording

if TYPE_CHECKING:
    from ..kb.compiled import TenantKnowledge

CALLBACK_MIN_LEFT = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Availability:
    now: datetime
    open_now: bool
    until: datetime | None  # end of the current opening interval (while open)
    next_opening: datetime | None  # the next opening after now (after the current interval while open)
    live_limit: timedelta = timedelta(0)  # the tenant's live-wait limit: a chat must fit before closing

    @property
    def live_possible(self) -> bool:
        """Staff are at work and the day lasts at least the tenant's live-wait limit longer:
        only then is a person promised in the chat itself (else the callback is offered)."""
        return self.open_now and self.until is not None and self.until - self.now >= self.live_limit

    @property
    def callback_today(self) -> bool:
        """True when a callback asked now can still be done before closing today."""
        return self.open_now and self.until is not None and self.until - self.now >= CALLBACK_MIN_LEFT

    @property
    def callback_at(self) -> datetime | None:
        """What a callback asked now is promised for: the closing time today (a
        deadline) or the next opening (a start); None when the office never opens."""
        return self.until if self.callback_today else self.next_opening


def opening_hours_of(knowledge: "TenantKnowledge") -> OpeningHours:
    """The tenant's opening hours, read from its settings once per loaded knowledge (`TenantKnowledge.derived`): every
    turn asks who is there (BENCHMARKS.md, session 24, speed24)."""
    return OpeningHours.from_tenant(knowledge.tenant)


def availability(tenant: Tenant, now: datetime, hours: OpeningHours | None = None) -> Availability:
    """Who is there at `now`; `hours`: the tenant's `opening_hours_of` where they were read already."""
    hours = hours if hours is not None else OpeningHours.from_tenant(tenant)
    until = hours.current_interval_end(now)
    return Availability(now=now, open_now=until is not None, until=until, next_opening=hours.next_opening(now),
                        live_limit=timedelta(minutes=tenant.live_handover_limit_minutes))


class Promises:
    """The availability of one tenant worded for one conversation."""

    def __init__(self, available: Availability, say: Wording) -> None:
        self.available = available
        self.say = say

    @property
    def open_now(self) -> bool:
        return self.available.open_now

    # ---- moments ----------------------------------------------------------------------------

    def day(self, moment: datetime) -> str:
        """'vandaag', 'morgen' or 'op maandag 7 december' (relative to now, in Amsterdam)."""
        today = self.available.now.astimezone(AMSTERDAM).date()
        day = moment.astimezone(AMSTERDAM).date()
        if day == today:
            return self.say("moment_today")
        if day == today + timedelta(days=1):
            return self.say("moment_tomorrow")
        return self.say("moment_on_day", date=date_words(day, self.say.language))

    def time(self, moment: datetime) -> str:
        return clock_words(moment, self.say.language)

    def starting(self, moment: datetime) -> str:
        """'op maandag 7 december vanaf 8.30 uur'."""
        return self.say("moment_from", day=self.day(moment), time=self.time(moment))

    def callback(self) -> str | None:
        """When we will contact someone who asks now: 'vandaag vóór 17.00 uur' or
        'op maandag 7 december vanaf 8.30 uur'; None when the office never opens."""
        available = self.available
        if available.callback_today and available.until is not None:
            return self.say("moment_before", day=self.day(available.until), time=self.time(available.until))
        if available.next_opening is None:
            return None
        return self.starting(available.next_opening)

    def contact_promise(self, handover: Handover) -> str | None:
        """The promise of a queued handover, worded for now (its moment is stored)."""
        expected = handover.expected_contact_at
        if expected is None:
            return None
        if handover.contact_before:
            return self.say("moment_before", day=self.day(expected), time=self.time(expected))
        return self.starting(expected)

    # ---- sentences ---------------------------------------------------------------------------

    def people_line(self) -> str:
        """The greeting's line about staff: until when today, or when next (also just before
        closing, when a chat would not fit in the day any more)."""
        available = self.available
        if available.live_possible and available.until is not None:
            return self.say("people_open", until=self.time(available.until))
        if available.open_now and available.until is not None and available.next_opening is not None:
            return self.say("people_closing", until=self.time(available.until),
                            next=self.starting(available.next_opening))
        if available.next_opening is None:
            return self.say("people_never")
        return self.say("people_closed", next=self.starting(available.next_opening))

    def team_contact(self, team: Team) -> str | None:
        """How to reach a team yourself, honest about whether its phone is answered now."""
        team_name = team.name.get(self.say.language)
        ways = [way for way in (team.phone, team.email) if way]
        if not ways:
            return None
        joined = (" of " if self.say.language == "nl" else " or ").join(ways)
        available = self.available
        if team.phone is None:
            return self.say("team_contact_mail", team=team_name, email=team.email)
        if available.open_now and available.until is not None:
            if not available.live_possible and available.next_opening is not None:  # minutes before closing
                return self.say("team_contact_closing", team=team_name, ways=joined, until=self.time(available.until),
                                next=self.starting(available.next_opening))
            return self.say("team_contact_open", team=team_name, ways=joined, until=self.time(available.until))
        if available.next_opening is None:
            return self.say("team_contact_mail", team=team_name, email=team.email) if team.email else None
        return self.say("team_contact_closed", team=team_name, ways=joined,
                        next=self.starting(available.next_opening))

    def notice(self, handover: Handover, team_name: str) -> str | None:
        """The chat API's `handover.notice`: who is there, or when we will be in touch."""
        if handover.status == HandoverStatus.WAITING:
            return self.say("notice_waiting", team=team_name)
        if handover.status == HandoverStatus.LIVE:
            return self.say("notice_claimed", team=team_name)
        if handover.status == HandoverStatus.QUEUED:
            promise = self.contact_promise(handover)
            return self.say("notice_queued", team=team_name, moment=promise) if promise else None
        return None

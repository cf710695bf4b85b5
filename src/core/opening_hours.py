"""Opening hours of a municipality: weekly hours, Dutch public holidays and the
tenant's own closing days, all in Europe/Amsterdam.

Every function takes `now` from the caller (the one clock, `core.clock`), so
`BALIE_NOW` decides what "now" is everywhere. Times are compared in UTC: wall
times are turned into aware datetimes with zoneinfo, which resolves the DST
switch (the last Sundays of March and October) correctly, and comparing in UTC
avoids Python's wall-clock comparison of datetimes sharing a tzinfo.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from .kb.models import WEEKDAYS, HolidayPolicy, Tenant

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# How far ahead next_opening looks before it gives up: a tenant with no hours
# at all (or a year of closing days) has no next opening.
_SEARCH_DAYS = 400
# The days whose opening intervals one `OpeningHours` keeps: a year's search and more (a day's are a few datetimes).
_KEPT_DAYS = 2 * _SEARCH_DAYS

_DAY_NAMES = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTH_NAMES = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


_CLOSING_DAY = {"nl": "extra sluitingsdag", "en": "extra closing day"}
_LIBERATION_DAY = {"nl": "Bevrijdingsdag", "en": "Liberation Day"}


# Names as the `holidays` package gives them (a unit test compares every year of a
# century); computed here because that package imports every country's module on
# first use, 76 ms of every function's first turn (BENCHMARKS.md, Cold start).
_HOLIDAY_NAMES = {
    "nl": {"new_year": "Nieuwjaarsdag", "good_friday": "Goede vrijdag", "easter": "Eerste paasdag",
           "easter_monday": "Tweede paasdag", "kings_day": "Koningsdag", "liberation": "Bevrijdingsdag",
           "ascension": "Hemelvaartsdag", "pentecost": "Eerste pinksterdag",
           "pentecost_monday": "Tweede pinksterdag", "christmas": "Eerste kerstdag",
           "boxing_day": "Tweede kerstdag"},
    "en": {"new_year": "New Year's Day", "good_friday": "Good Friday", "easter": "Easter Sunday",
           "easter_monday": "Easter Monday", "kings_day": "King's Day", "liberation": "Liberation Day",
           "ascension": "Ascension Day", "pentecost": "Pentecost", "pentecost_monday": "Pentecost Monday",
           "christmas": "Christmas Day", "boxing_day": "Second Day of Christmas"},
}


@lru_cache(maxsize=64)
def _public_holidays(year: int, language: str = "nl") -> dict[date, str]:
    """Dutch public holidays of one year (since Koningsdag, 2014), named in `language`.
    Koningsdag moves to 26 April when 27 April is a Sunday; Bevrijdingsdag is a
    national holiday only in lustrum years (the tenant toggle widens that)."""
    names = _HOLIDAY_NAMES["en" if language == "en" else "nl"]
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = date(year, 4, 26)
    days = {
        date(year, 1, 1): "new_year", easter - timedelta(days=2): "good_friday", easter: "easter",
        easter + timedelta(days=1): "easter_monday", kings_day: "kings_day",
        easter + timedelta(days=39): "ascension", easter + timedelta(days=49): "pentecost",
        easter + timedelta(days=50): "pentecost_monday", date(year, 12, 25): "christmas",
        date(year, 12, 26): "boxing_day",
    }
    if year % 5 == 0:
        days[date(year, 5, 5)] = "liberation"
    return {day: names[key] for day, key in days.items()}


def _parse_clock(value: str) -> time:
    hours, _, minutes = value.partition(":")
    if not (hours.isdigit() and minutes.isdigit()):
        raise ValueError(f"opening time must be HH:MM, got {value!r}")
    if (int(hours), int(minutes)) == (24, 0):
        return time.max
    return time(int(hours), int(minutes))


@dataclass(frozen=True)
class OpeningHours:
    """Weekly hours (weekday index 0 = Monday -> list of (open, close)) plus a holiday policy."""

    weekly: tuple[tuple[tuple[time, time], ...], ...]
    policy: HolidayPolicy
    # day -> its `intervals`, as read (a pure function of the hours and the day; at most _KEPT_DAYS)
    _days: dict[date, tuple[tuple[datetime, datetime], ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_tenant(cls, tenant: Tenant) -> "OpeningHours":
        return cls.from_spec(tenant.opening_hours, tenant.holidays)

    @classmethod
    def from_spec(cls, spec: dict[str, list[tuple[str, str]]], policy: HolidayPolicy) -> "OpeningHours":
        weekly = []
        for name in WEEKDAYS:
            ranges = []
            for start, end in spec.get(name, []):
                opens, closes = _parse_clock(start), _parse_clock(end)
                if closes <= opens:
                    raise ValueError(f"{name}: closing time {end} is not after opening time {start}")
                ranges.append((opens, closes))
            weekly.append(tuple(sorted(ranges)))
        for value in policy.extra_closed:
            date.fromisoformat(value)  # fail early on a malformed tenant file
        return cls(weekly=tuple(weekly), policy=policy)

    def closed_reason(self, day: date, language: str = "nl") -> str | None:
        """Why the office is closed all day on `day` (a holiday name in `language`), or None."""
        lang = "en" if language == "en" else "nl"
        if day.isoformat() in self.policy.extra_closed:
            return _CLOSING_DAY[lang]
        if self.policy.liberation_day_closed and (day.month, day.day) == (5, 5):
            return _LIBERATION_DAY[lang]
        name = _public_holidays(day.year, lang).get(day)
        if name is None:
            return None
        if not self.policy.good_friday_closed and day == _good_friday(day.year):
            return None
        return name

    def intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The opening intervals of one local calendar day as aware UTC datetimes (each day's read once per
        `OpeningHours`, which a tenant's loaded knowledge keeps: `availability.opening_hours_of`)."""
        found = self._days.get(day)
        if found is None:
            if len(self._days) >= _KEPT_DAYS:
                self._days.clear()
            found = self._days[day] = tuple(self._intervals(day))
        return list(found)

    def _intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        if self.closed_reason(day) is not None:
            return []
        result = []
        for opens, closes in self.weekly[day.weekday()]:
            start = datetime.combine(day, opens, tzinfo=AMSTERDAM)
            end = (
                datetime.combine(day + timedelta(days=1), time(0), tzinfo=AMSTERDAM)
                if closes == time.max
                else datetime.combine(day, closes, tzinfo=AMSTERDAM)
            )
            result.append((start.astimezone(timezone.utc), end.astimezone(timezone.utc)))
        return result

    def is_open(self, now: datetime) -> bool:
        _require_aware(now)
        moment = now.astimezone(timezone.utc)
        local_day = now.astimezone(AMSTERDAM).date()
        return any(start <= moment < end for start, end in self.intervals(local_day))

    def next_opening(self, now: datetime) -> datetime | None:
        """The start of the next opening interval strictly after `now`, in
        Europe/Amsterdam; None when the office never opens again within a year.
        While open, this is the next opening after the current interval: the
        moment a ticket written now would be picked up is the caller's choice."""
        _require_aware(now)
        moment = now.astimezone(timezone.utc)
        first_day = now.astimezone(AMSTERDAM).date()
        for offset in range(_SEARCH_DAYS):
            for start, _ in self.intervals(first_day + timedelta(days=offset)):
                if start > moment:
                    return start.astimezone(AMSTERDAM)
        return None

    def current_interval_end(self, now: datetime) -> datetime | None:
        """When the opening interval `now` falls in ends (Europe/Amsterdam); None when closed."""
        _require_aware(now)
        moment = now.astimezone(timezone.utc)
        for start, end in self.intervals(now.astimezone(AMSTERDAM).date()):
            if start <= moment < end:
                return end.astimezone(AMSTERDAM)
        return None


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    day = (h + l - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def _good_friday(year: int) -> date:
    return easter_sunday(year) - timedelta(days=2)


def term_last_day(start: date, days: int) -> date:
    """The last day of a legal term of `days` days after `start` (a birth is registered within 3 days). A last day on
    a Saturday, a Sunday or a generally recognised holiday moves to the next day that is none (Algemene termijnenwet,
    articles 1 and 3: its holidays are the public ones but Good Friday, and 5 May every year), whatever the tenant's
    own closing days."""
    last = start + timedelta(days=days)
    while (last.weekday() >= 5 or (last in _public_holidays(last.year) and last != _good_friday(last.year))
           or (last.month, last.day) == (5, 5)):
        last += timedelta(days=1)
    return last


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("opening hours need an aware datetime (the clock always gives one)")


def format_moment(moment: datetime, language: str, *, before: bool = False) -> str:
    """'maandag 1 december na 8.30 uur' / 'Monday 1 December after 8:30'; with
    `before` (a deadline): 'maandag 1 december vóór 17.00 uur' / '... before 17:00'."""
    local = moment.astimezone(AMSTERDAM)
    lang = "en" if language == "en" else "nl"
    word = {"nl": ("na", "vóór"), "en": ("after", "before")}[lang][before]
    return f"{date_words(local.date(), lang)} {word} {clock_words(local, lang)}"


def date_words(day: date, language: str) -> str:
    """'maandag 7 december' / 'Monday 7 December'. Day and month names come from
    fixed tables: the Lambda runtime has no Dutch locale, and strftime would depend on it."""
    lang = "en" if language == "en" else "nl"
    return f"{_DAY_NAMES[lang][day.weekday()]} {day.day} {_MONTH_NAMES[lang][day.month - 1]}"


def clock_words(moment: datetime, language: str, unit: bool = True) -> str:
    """'8.30 uur' / '8:30' in Europe/Amsterdam ('24.00 uur' for the end of a day);
    without `unit` the Dutch 'uur' is left off ('van 8.30 tot 17.00 uur')."""
    local = moment.astimezone(AMSTERDAM)
    hour, minute = local.hour, local.minute
    if (hour, minute) == (0, 0):
        hour = 24  # an interval that closes at midnight
    if language == "en":
        return f"{hour}:{minute:02d}"
    return f"{hour}.{minute:02d} uur" if unit else f"{hour}.{minute:02d}"

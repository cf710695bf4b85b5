"""Opening hours across evenings, weekends, DST switches and Dutch holidays."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.kb.models import HolidayPolicy
from core.opening_hours import AMSTERDAM, OpeningHours, clock_words, date_words, easter_sunday

OFFICE = {day: [("08:30", "17:00")] for day in ("monday", "tuesday", "wednesday", "friday")}
# Thursday evening opening, with a lunch break.
OFFICE["thursday"] = [("08:30", "12:30"), ("13:00", "20:00")]


def hours(**policy: object) -> OpeningHours:
    return OpeningHours.from_spec(OFFICE, HolidayPolicy(**policy))


def at(text: str) -> datetime:
    """A local Amsterdam wall time 'YYYY-MM-DD HH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


def local(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M %z")


@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        ("2026-12-01 08:29", False),
        ("2026-12-01 08:30", True),
        ("2026-12-01 16:59", True),
        ("2026-12-01 17:00", False),  # closing time is exclusive
        ("2026-12-03 12:45", False),  # Thursday lunch break
        ("2026-12-03 19:30", True),  # Thursday late opening
        ("2026-12-03 20:00", False),
        ("2026-12-05 11:00", False),  # Saturday
    ],
)
def test_is_open_within_a_week(now: str, is_open: bool) -> None:
    assert hours().is_open(at(now)) is is_open


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-12-01 18:00", "2026-12-02 08:30 +0100"),  # Tuesday evening -> Wednesday
        ("2026-12-03 12:45", "2026-12-03 13:00 +0100"),  # Thursday lunch -> afternoon
        ("2026-12-05 21:30", "2026-12-07 08:30 +0100"),  # Saturday evening -> Monday
        ("2026-12-04 17:00", "2026-12-07 08:30 +0100"),  # Friday closing -> Monday
        ("2026-12-07 02:00", "2026-12-07 08:30 +0100"),  # night -> same morning
    ],
)
def test_next_opening_evenings_and_weekends(now: str, expected: str) -> None:
    assert local(hours().next_opening(at(now))) == expected


def test_dst_start_weekend_opens_at_local_half_past_eight_in_summer_time() -> None:
    # Clocks go forward on Sunday 29 March 2026: Monday 08:30 is +02:00, 06:30 UTC.
    opening = hours().next_opening(at("2026-03-28 20:00"))
    assert local(opening) == "2026-03-30 08:30 +0200"
    assert opening.astimezone(timezone.utc).hour == 6


def test_dst_end_weekend_opens_at_local_half_past_eight_in_winter_time() -> None:
    # Clocks go back on Sunday 25 October 2026: Monday 08:30 is +01:00, 07:30 UTC.
    opening = hours().next_opening(at("2026-10-23 18:00"))
    assert local(opening) == "2026-10-26 08:30 +0100"
    assert opening.astimezone(timezone.utc).hour == 7


def test_utc_input_is_read_in_amsterdam_time() -> None:
    # 07:45 UTC on a summer Tuesday is 09:45 in Amsterdam: open.
    assert hours().is_open(datetime(2026, 6, 2, 7, 45, tzinfo=timezone.utc))
    # 06:00 UTC in winter is 07:00 in Amsterdam: closed.
    assert not hours().is_open(datetime(2026, 12, 1, 6, 0, tzinfo=timezone.utc))


def test_christmas_and_boxing_day() -> None:
    h = hours()
    assert h.closed_reason(date(2025, 12, 25)) == "Eerste kerstdag"
    assert h.closed_reason(date(2025, 12, 26)) == "Tweede kerstdag"
    assert not h.is_open(at("2025-12-25 10:00"))
    # Wednesday 24 December 2025 after closing -> Monday 29 December.
    assert local(h.next_opening(at("2025-12-24 18:00"))) == "2025-12-29 08:30 +0100"


def test_new_year() -> None:
    # New Year's Day 2026 is a Thursday; Wednesday evening -> Friday 2 January.
    assert local(hours().next_opening(at("2025-12-31 17:30"))) == "2026-01-02 08:30 +0100"


def test_extra_closed_days_and_christmas_together() -> None:
    h = hours(extra_closed=["2026-12-24", "2026-12-31"])
    assert not h.is_open(at("2026-12-24 10:00"))
    assert h.closed_reason(date(2026, 12, 24)) == "extra sluitingsdag"
    # Wed 23 Dec evening: 24 closed (extra), 25-26 Christmas, 27 Sunday -> Monday 28.
    assert local(h.next_opening(at("2026-12-23 18:00"))) == "2026-12-28 08:30 +0100"
    # Wed 30 Dec evening: 31 closed (extra), 1 Jan holiday -> Monday 4 January 2027
    # (Friday 1 January is New Year's Day, then the weekend).
    assert local(h.next_opening(at("2026-12-30 18:00"))) == "2027-01-04 08:30 +0100"


def test_easter_monday_and_good_friday_closed() -> None:
    # Easter 2026: Good Friday 3 April, Easter Monday 6 April.
    h = hours(good_friday_closed=True)
    assert not h.is_open(at("2026-04-03 10:00"))
    assert not h.is_open(at("2026-04-06 10:00"))
    assert local(h.next_opening(at("2026-04-02 20:30"))) == "2026-04-07 08:30 +0200"


def test_good_friday_toggle_off_keeps_the_office_open() -> None:
    h = hours(good_friday_closed=False)
    assert h.closed_reason(date(2026, 4, 3)) is None
    assert h.is_open(at("2026-04-03 10:00"))
    assert local(h.next_opening(at("2026-04-02 20:30"))) == "2026-04-03 08:30 +0200"
    assert not h.is_open(at("2026-04-06 10:00"))  # Easter Monday stays closed


def test_koningsdag_on_27_april() -> None:
    # 2026: Monday 27 April; Friday evening -> Tuesday 28 April.
    assert local(hours().next_opening(at("2026-04-24 18:00"))) == "2026-04-28 08:30 +0200"


def test_koningsdag_moves_to_26_april_when_27_is_a_sunday() -> None:
    # 2025: 27 April is a Sunday, so Koningsdag is Saturday 26 April.
    saturday_office = dict(OFFICE, saturday=[("10:00", "13:00")])
    h = OpeningHours.from_spec(saturday_office, HolidayPolicy())
    assert h.closed_reason(date(2025, 4, 26)) == "Koningsdag"
    assert h.closed_reason(date(2025, 4, 27)) is None
    assert not h.is_open(at("2025-04-26 11:00"))
    assert local(h.next_opening(at("2025-04-25 18:00"))) == "2025-04-28 08:30 +0200"
    # A normal Saturday is open for this tenant.
    assert h.is_open(at("2025-05-03 11:00"))


def test_liberation_day_toggle() -> None:
    # 5 May 2026 is a Tuesday, not a lustrum year.
    assert not hours(liberation_day_closed=True).is_open(at("2026-05-05 10:00"))
    assert hours(liberation_day_closed=False).is_open(at("2026-05-05 10:00"))
    # In a lustrum year (2025) it is a public holiday whatever the toggle says.
    assert not hours(liberation_day_closed=False).is_open(at("2025-05-05 10:00"))


def test_ascension_and_whit_monday_are_closed() -> None:
    assert not hours().is_open(at("2026-05-14 10:00"))
    assert not hours().is_open(at("2026-05-25 10:00"))


def test_current_interval_end_while_open_and_none_when_closed() -> None:
    assert local(hours().current_interval_end(at("2026-12-01 10:00"))) == "2026-12-01 17:00 +0100"
    assert local(hours().current_interval_end(at("2026-12-03 12:00"))) == "2026-12-03 12:30 +0100"
    assert hours().current_interval_end(at("2026-12-05 10:00")) is None


def test_a_tenant_without_hours_never_opens() -> None:
    h = OpeningHours.from_spec({}, HolidayPolicy())
    assert not h.is_open(at("2026-12-01 10:00"))
    assert h.next_opening(at("2026-12-01 10:00")) is None


def test_naive_time_is_rejected() -> None:
    with pytest.raises(ValueError):
        hours().is_open(datetime(2026, 12, 1, 10, 0))


def test_bad_spec_is_rejected() -> None:
    with pytest.raises(ValueError):
        OpeningHours.from_spec({"monday": [("17:00", "08:30")]}, HolidayPolicy())
    with pytest.raises(ValueError):
        OpeningHours.from_spec({}, HolidayPolicy(extra_closed=["24-12-2026"]))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", ("maandag 7 december", "8.30 uur", "8.30")), ("en", ("Monday 7 December", "8:30", "8:30"))],
)
def test_date_and_clock_words(language: str, expected: tuple[str, str, str]) -> None:
    moment = at("2026-12-07 08:30")
    assert (date_words(moment.date(), language), clock_words(moment, language),
            clock_words(moment, language, unit=False)) == expected


def test_clock_words_convert_to_amsterdam_and_say_24_for_midnight() -> None:
    assert clock_words(datetime(2026, 5, 4, 6, 30, tzinfo=timezone.utc), "nl") == "8.30 uur"
    assert clock_words(at("2026-12-08 00:00"), "nl") == "24.00 uur"


def test_holiday_names_in_both_languages() -> None:
    assert hours().closed_reason(date(2026, 12, 25), "en") == "Christmas Day"
    assert hours(extra_closed=["2026-12-24"]).closed_reason(date(2026, 12, 24), "en") == "extra closing day"


@settings(max_examples=150, deadline=None)
@given(st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(timezone.utc)))
def test_next_opening_is_the_first_open_moment_after_now(now: datetime) -> None:
    h = hours(extra_closed=["2026-12-24", "2026-12-31"])
    opening = h.next_opening(now)
    assert opening is not None and opening > now
    assert h.is_open(opening)
    assert not h.is_open(opening - timedelta(minutes=1))
    if not h.is_open(now):
        # Closed all the way: sample the gap every 30 minutes.
        moment = now + timedelta(minutes=30)
        while moment < opening:
            assert not h.is_open(moment)
            moment += timedelta(minutes=30)


def test_easter_matches_the_holidays_package_for_a_century() -> None:
    import holidays

    for year in range(1990, 2091):
        listed = {day for day, name in holidays.country_holidays("NL", years=year, language="en_US").items()
                  if name == "Easter Sunday"}
        assert listed == {easter_sunday(year)}


def test_public_holidays_match_the_holidays_package_in_both_languages() -> None:
    import holidays

    from core.opening_hours import _public_holidays

    for year in range(2014, 2091):
        for language, package_language in (("nl", "nl"), ("en", "en_US")):
            expected = dict(holidays.country_holidays("NL", years=year, language=package_language))
            assert _public_holidays(year, language) == expected, (year, language)


def test_a_days_intervals_are_read_once_and_each_caller_gets_its_own_list() -> None:
    # The tenant's hours are kept with its loaded knowledge (`availability.opening_hours_of`) and asked every turn.
    office = hours()
    thursday = date(2026, 12, 3)
    first = office.intervals(thursday)
    assert [local(start) for start, _ in first] == ["2026-12-03 08:30 +0100", "2026-12-03 13:00 +0100"]
    first.clear()  # a caller's own list
    assert office.intervals(thursday) == hours().intervals(thursday) and len(office.intervals(thursday)) == 2
    assert list(office._days) == [thursday]
    assert office == hours()  # what is kept is no part of the hours

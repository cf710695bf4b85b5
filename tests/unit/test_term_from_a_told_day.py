"""A legal term from a day the question tells (a birth is registered within 3 days): the day read from the sentence
that names the event, the last day moved past weekends and holidays, and whether the resident is still in time."""
from __future__ import annotations

from datetime import date

import pytest

from core.dialogue import facts
from core.dialogue.texts import Wording
from core.kb.models import Term
from core.opening_hours import term_last_day

TUESDAY = date(2026, 12, 1)
BIRTH = Term(days=3, words=["geboren", "born"])


@pytest.mark.parametrize(("start", "last"), [
    (date(2026, 11, 28), date(2026, 12, 1)),  # Saturday: Tuesday, no weekend at the end
    (date(2026, 11, 26), date(2026, 11, 30)),  # Thursday: Sunday moves to Monday
    (date(2026, 11, 25), date(2026, 11, 30)),  # Wednesday: Saturday moves to Monday
    (date(2026, 12, 22), date(2026, 12, 28)),  # Tuesday: Christmas Day, Boxing Day and the weekend
    (date(2027, 3, 23), date(2027, 3, 26)),  # Good Friday 2027 is not a holiday of the Algemene termijnenwet
    (date(2026, 5, 2), date(2026, 5, 6)),  # 5 May counts every year (2026 is no lustrum year)
])
def test_the_last_day_moves_past_weekends_and_holidays(start: date, last: date) -> None:
    assert term_last_day(start, 3) == last


@pytest.mark.parametrize(("text", "told"), [
    ("moet ik de geboorte aangeven? ze is geboren op 28 november", date(2026, 11, 28)),
    ("onze zoon is eergisteren geboren", date(2026, 11, 29)),
    ("mijn dochter is vier dagen geleden geboren, ben ik te laat?", date(2026, 11, 27)),
    ("ze is op 28-11 geboren", date(2026, 11, 28)),
    ("hij is zaterdag geboren", date(2026, 11, 28)),
    ("our baby was born on November 28th", date(2026, 11, 28)),
    ("our daughter was born 2 days ago", date(2026, 11, 29)),
    ("geboren op 30 december", None),  # last year's: too long ago to say anything of a term running now
    ("ik ben geboren op 3 maart 1990, waar vraag ik een geboorteakte?", None),
    ("kan ik zaterdag aangifte doen van de geboorte?", None),  # no sentence tells the event happened on a day
    ("ze wordt op 3 december geboren", None),  # no day after today
    ("moet ik de geboorte aangeven? ik kan pas op 3 december", None),
])
def test_the_day_the_event_is_told(text: str, told: date | None) -> None:
    assert facts.told_past_day(text, TUESDAY, BIRTH.words) == told


def test_a_date_across_new_year_is_last_years() -> None:
    assert facts.told_past_day("ze is op 30 december geboren", date(2027, 1, 2), BIRTH.words) == date(2026, 12, 30)


def test_the_last_day_today_in_time_and_late() -> None:
    say = Wording("nl")
    today = facts.term_line(say, BIRTH, "ze is geboren op 28 november", TUESDAY)
    assert "zaterdag 28 november" in today and "vandaag, dinsdag 1 december" in today and "vandaag nog" in today
    late = facts.term_line(say, BIRTH, "hij is vier dagen geleden geboren", TUESDAY)
    assert "vrijdag 27 november" in late and "was dus maandag 30 november" in late and "te laat" in late
    assert "weekend" not in late  # Friday + 3 is a Monday: nothing moved
    moved = facts.term_line(say, BIRTH, "hij is vijf dagen geleden geboren", TUESDAY)
    assert "donderdag 26 november" in moved and "weekend" in moved and "was dus maandag 30 november" in moved
    in_time = facts.term_line(say, BIRTH, "ze is gisteren geboren", TUESDAY)
    assert "tot en met donderdag 3 december" in in_time and "op tijd" in in_time
    english = facts.term_line(Wording("en"), BIRTH, "she was born yesterday", TUESDAY)
    assert "until Thursday 3 December" in english
    assert facts.term_line(say, BIRTH, "hoe doe ik aangifte van de geboorte?", TUESDAY) == ""

"""The one availability wording (greeting, callbacks, team contact) and the tenant
facts (hours today and tomorrow with holidays, the phone number, fees)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from handover_support import make_tenant
from pydantic import ValidationError

from core.dialogue import facts
from core.dialogue.availability import Promises, availability
from core.dialogue.texts import CATALOGUE, Wording, placeholders
from core.kb.models import Fee, Text
from core.opening_hours import AMSTERDAM, OpeningHours


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


def promises(moment: str, language: str = "nl", **tenant: object) -> Promises:
    return Promises(availability(make_tenant(**tenant), at(moment)), Wording(language))


TUESDAY_MORNING, TUESDAY_LATE, SATURDAY_NIGHT, CHRISTMAS, FRIDAY_CLOSING = (
    "2026-12-01 10:00", "2026-12-01 16:20", "2026-12-05 23:30", "2026-12-25 11:00", "2026-12-04 16:55")


@pytest.mark.parametrize(
    ("moment", "people", "callback"),
    [
        (TUESDAY_MORNING, "Dat kan vandaag tot 17.00 uur.", "vandaag vóór 17.00 uur"),
        (TUESDAY_LATE, "Dat kan vandaag tot 17.00 uur.", "morgen vanaf 8.30 uur"),  # under an hour left
        (SATURDAY_NIGHT, "U kunt weer een medewerker spreken op maandag 7 december vanaf 8.30 uur.",
         "op maandag 7 december vanaf 8.30 uur"),
        (CHRISTMAS, "U kunt weer een medewerker spreken op maandag 28 december vanaf 8.30 uur.",
         "op maandag 28 december vanaf 8.30 uur"),
    ],
)
def test_one_wording_of_who_is_there_and_when(moment: str, people: str, callback: str) -> None:
    words = promises(moment)
    assert people in words.people_line()
    assert words.callback() == callback


def test_minutes_before_closing_promise_no_chat_today() -> None:
    # Open, but a chat would not fit before 17.00 (the tenant's live-wait limit): the greeting, the
    # team contact and the phone number say when next, like the handover itself.
    words = promises(FRIDAY_CLOSING, live_handover_limit_minutes=10)
    assert not words.available.live_possible and words.open_now
    line = words.people_line()
    assert "We sluiten om 17.00 uur" in line and "op maandag 7 december vanaf 8.30 uur" in line
    assert "Dat kan vandaag tot" not in line
    team = make_tenant().teams["kcc"]
    assert "daarna weer op maandag 7 december vanaf 8.30 uur" in words.team_contact(team)
    assert "daarna weer op maandag 7 december vanaf 8.30 uur" in facts.phone(make_tenant(), words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("kan ik ook op zaterdag langskomen?", "2026-12-05"), ("zijn jullie op tweede kerstdag open", "2026-12-26"),
     ("hoe laat open op woensdag", "2026-12-02"), ("overmorgen open?", "2026-12-03"),
     ("open on new year's day?", "2027-01-01"), ("zijn jullie vandaag open", None),
     ("en op 31 december?", "2026-12-31"), ("open on December 31st?", "2026-12-31"),
     ("the 2nd of January", "2027-01-02"), ("op 1 december", "2026-12-01"), ("op 30 november", "2027-11-30"),
     ("zijn jullie open op 2e kerstdag", "2026-12-26"), ("tweede paasdag", "2027-03-29"),
     ("open with Good Friday?", "2027-03-26"), ("hemelvaartsdag", "2027-05-06"), ("op 31 februari", None),
     ("bel me op 06-12345678", None), ("may I come by?", None),
     ("zijn jullie in het weekend open", "2026-12-05"), ("kan dat ook in het weekend", "2026-12-05")],
)
def test_the_day_a_question_names(text: str, expected: str | None) -> None:
    named = facts.named_day(text, at(TUESDAY_MORNING).date())
    assert (named.isoformat() if named else None) == expected


def test_the_weekend_is_its_first_day_still_to_come() -> None:
    assert facts.named_day("open in the weekend?", date(2026, 12, 5)) == date(2026, 12, 5)  # a Saturday: today
    assert facts.named_day("open in the weekend?", date(2026, 12, 6)) == date(2026, 12, 6)  # a Sunday: today
    assert facts.named_day("open in the weekend?", date(2026, 12, 7)) == date(2026, 12, 12)
    assert facts.named_day("ik ben vorig weekend mijn paspoort verloren", date(2026, 12, 7)) is None
    assert facts.named_day("in het weekend verloren, kan ik vandaag langskomen?", date(2026, 12, 7)) is None


def hours_of(moment: str, question: str, after: date | None = None) -> str:
    words = promises(moment)
    return facts.opening_hours(OpeningHours.from_tenant(make_tenant()), words, facts.asked_day(question, words, after))


def test_a_named_day_gets_its_own_hours_only() -> None:
    """Not today's and tomorrow's as well; when it is closed, the first opening after it."""
    assert hours_of(SATURDAY_NIGHT, "zijn jullie op tweede kerstdag open") == (
        "Op zaterdag 26 december is het gemeentehuis gesloten (Tweede kerstdag). "
        "Daarna zijn we weer open op maandag 28 december vanaf 8.30 uur.")
    assert hours_of(TUESDAY_MORNING, "zijn jullie vrijdag open") == "Op vrijdag 4 december is het gemeentehuis open van 8.30 tot 17.00 uur."
    assert hours_of(TUESDAY_MORNING, "en op dinsdag?") == "Vandaag (dinsdag 1 december) is het gemeentehuis open van 8.30 tot 17.00 uur."
    assert hours_of(TUESDAY_MORNING, "hoe laat zijn jullie open?").count("is het gemeentehuis open") == 2  # today, tomorrow


def test_the_day_after_the_day_asked_before() -> None:
    friday = date(2026, 12, 4)
    assert facts.named_day("en de dag erna?", date(2026, 12, 1), after=friday) == date(2026, 12, 5)
    assert facts.named_day("and the next day?", date(2026, 12, 1), after=friday) == date(2026, 12, 5)
    assert facts.named_day("en de dag erna?", date(2026, 12, 1)) is None  # no day asked before
    assert facts.named_day("the day after tomorrow", date(2026, 12, 1), after=friday) == date(2026, 12, 3)
    assert hours_of(TUESDAY_MORNING, "en de volgende dag?", after=friday) == (
        "Op zaterdag 5 december is het gemeentehuis gesloten. Daarna zijn we weer open op maandag 7 december vanaf 8.30 uur.")


def test_english_moments() -> None:
    assert promises(SATURDAY_NIGHT, "en").callback() == "on Monday 7 December from 8:30"
    assert promises(TUESDAY_MORNING, "en").callback() == "today before 17:00"


def test_a_tenant_without_hours_promises_no_person() -> None:
    words = promises(TUESDAY_MORNING, opening_hours={})
    assert words.callback() is None and "geen medewerker spreken" in words.people_line()


def test_the_team_contact_is_honest_about_the_phone() -> None:
    team = make_tenant().teams["kcc"]
    assert "Bellen kan vandaag tot 17.00 uur" in promises(TUESDAY_MORNING).team_contact(team)
    closed = promises(SATURDAY_NIGHT).team_contact(team)
    assert "De telefoon is nu gesloten" in closed and "op maandag 7 december vanaf 8.30 uur" in closed


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        (TUESDAY_MORNING, "nl", "Vandaag (dinsdag 1 december) is het gemeentehuis open van 8.30 tot 17.00 uur. "
                                "Morgen (woensdag 2 december) is het gemeentehuis open van 8.30 tot 17.00 uur."),
        (CHRISTMAS, "nl", "Vandaag (vrijdag 25 december) is het gemeentehuis gesloten (Eerste kerstdag). "
                          "Morgen (zaterdag 26 december) is het gemeentehuis gesloten (Tweede kerstdag). "
                          "Daarna zijn we weer open op maandag 28 december vanaf 8.30 uur."),
        (CHRISTMAS, "en", "Today (Friday 25 December) the town hall is closed (Christmas Day). "
                          "Tomorrow (Saturday 26 December) the town hall is closed (Second Day of Christmas). "
                          "After that we are open again on Monday 28 December from 8:30."),
    ],
)
def test_opening_hours_today_and_tomorrow(moment: str, language: str, expected: str) -> None:
    assert facts.opening_hours(OpeningHours.from_tenant(make_tenant()), promises(moment, language)) == expected


def test_a_day_with_a_lunch_break_and_an_extra_closing_day() -> None:
    tenant = make_tenant(opening_hours={"thursday": [["08:30", "12:30"], ["13:30", "20:00"]]},
                         holidays={"extra_closed": ["2026-12-04"]})
    text = facts.opening_hours(OpeningHours.from_tenant(tenant), Promises(availability(tenant, at("2026-12-03 09:00")), Wording("nl")))
    assert "van 8.30 tot 12.30 uur en van 13.30 tot 20.00 uur" in text
    assert "Morgen (vrijdag 4 december) is het gemeentehuis gesloten (extra sluitingsdag)" in text


def test_the_phone_number_with_its_hours() -> None:
    assert facts.phone(make_tenant(), promises(TUESDAY_MORNING)) == (
        "U kunt de gemeente bellen op 14 0123. Dat kan vandaag tot 17.00 uur.")
    assert "De telefoon is nu gesloten" in facts.phone(make_tenant(), promises(SATURDAY_NIGHT))


@pytest.mark.parametrize(("amount", "nl", "en"), [("84.6", "84,60", "84.60"), ("1234.5", "1.234,50", "1,234.50"),
                                                  ("0", "0,00", "0.00")])
def test_euro_amounts(amount: str, nl: str, en: str) -> None:
    fee = Fee(name=Text(nl="x", en="x"), euro=Decimal(amount))
    assert (facts.euro(fee, "nl"), facts.euro(fee, "en")) == (nl, en)


def test_tenant_text_overrides_are_checked_against_the_catalogue() -> None:
    make_tenant(texts={"people_open": {"nl": "Tot {until} zijn we er.", "en": "Until {until}."}})
    with pytest.raises(ValidationError, match="unknown text"):
        make_tenant(texts={"no_such_text": {"nl": "x", "en": "x"}})
    with pytest.raises(ValidationError, match="placeholder"):
        make_tenant(texts={"people_open": {"nl": "Tot {tijd}.", "en": "Until {until}."}})


def test_every_catalogue_text_has_both_languages_with_the_same_placeholders() -> None:
    for key, text in CATALOGUE.items():
        assert placeholders(text.nl) == placeholders(text.en), key
        if key.startswith("button_"):
            assert len(text.nl) <= 20 and len(text.en) <= 20, key  # WhatsApp button titles


def test_today_after_closing_time_says_the_town_hall_was_open() -> None:
    text = facts.opening_hours(OpeningHours.from_tenant(make_tenant()), promises("2026-12-01 18:30"))
    assert text.startswith("Vandaag (dinsdag 1 december) was het gemeentehuis open van 8.30 tot 17.00 uur; nu is het "
                           "gesloten.")


@pytest.mark.parametrize(("text", "days"), [
    ("kan het ook op zaterdag?", {5}), ("zaterdags open?", {5}), ("in het weekend", {5, 6}),
    ("Trouwen op maandagochtend in het gemeentehuis", {0}), ("can we do it on saturdays?", {5}),
    ("kan het ook eerder?", set()),
])
def test_the_weekdays_a_question_names(text: str, days: set[int]) -> None:
    assert facts.asked_weekdays(text) == days


def test_the_fees_of_the_day_asked() -> None:
    tenant = make_tenant(fees={"year": 2026, "items": {"huwelijk": [
        {"name": {"nl": "Trouwen op een werkdag", "en": "Marrying on a weekday"}, "euro": 420},
        {"name": {"nl": "Trouwen op zaterdag", "en": "Marrying on a Saturday"}, "euro": 690}]}})
    saturday = facts.fees(tenant, "huwelijk", promises(TUESDAY_MORNING), facts.asked_weekdays("op zaterdag"))
    assert saturday is not None and "690,00" in saturday and "420" not in saturday
    assert facts.fees(tenant, "huwelijk", promises(TUESDAY_MORNING), frozenset({6})) is None  # no Sunday fee
    assert "420,00" in facts.fees(tenant, "huwelijk", promises(TUESDAY_MORNING))


@pytest.mark.parametrize(("text", "names", "rest"), [
    ("kan ik hem op zaterdag ophalen?", True, "kan ik hem op ?"), ("kan dat vandaag nog?", True, "kan dat nog?"),
    ("in het weekend?", True, "in het ?"), ("kan dat ook online?", False, "kan dat ook online?"),
])
def test_a_question_that_names_a_day(text: str, names: bool, rest: str) -> None:
    """The day and the words of coming by taken out leave what else the question names."""
    assert facts.names_a_day(text) is names
    assert facts.without_days(text).split() == rest.split()


@pytest.mark.parametrize(("text", "asks"), [
    ("kan ik vandaag nog langskomen voor mijn rijbewijs?", True),
    ("how do I apply for a passport and can I do it on saturday?", True), ("kan dat ook morgen?", True),
    ("kan ik dat nu online doen?", False),  # "nu" is not a day at the desk
    ("kan het afval op zaterdag worden opgehaald", False),  # waste has its own calendar
    ("hoe verleng ik mijn paspoort", False)])
def test_a_question_about_the_desk_on_a_day_opens_with_its_hours(text: str, asks: bool) -> None:
    assert facts.asks_for_hours(text) is asks


def test_today_or_tomorrow_is_the_day_the_next_question_counts_from() -> None:
    words = promises(TUESDAY_MORNING)
    assert facts.said_day("zijn jullie morgen open?", words) == date(2026, 12, 2)
    assert facts.said_day("are you open today", words) == date(2026, 12, 1)
    assert facts.said_day("hoe laat zijn jullie open?", words) is None
    assert facts.asked_day("and the day after?", words, after=date(2026, 12, 2)) == date(2026, 12, 3)


def test_new_years_day_without_its_apostrophe() -> None:
    assert facts.named_day("are you open on new years day", date(2026, 12, 1)) == date(2027, 1, 1)


def test_collecting_waste_has_days_of_its_own() -> None:
    assert facts.collects_waste("Wanneer wordt mijn afval opgehaald When is my waste collected")
    assert facts.collects_waste("Grofvuil laten ophalen Bulky waste collection")
    assert not facts.collects_waste("Milieustraat (afvalbrengstation) Recycling centre (waste drop-off point)")
    assert not facts.collects_waste("Paspoort aanvragen of verlengen Apply for or renew a passport")


def test_a_day_of_the_month_alone_is_the_next_such_day() -> None:
    assert facts.named_day("what about the 31st", date(2026, 12, 1)) == date(2026, 12, 31)
    assert facts.named_day("en de 2e?", date(2026, 12, 25)) == date(2027, 1, 2)  # past this month: the next
    assert facts.named_day("the 31st", date(2026, 11, 5)) == date(2026, 12, 31)  # no 31 November
    assert facts.named_day("en op oudjaarsdag?", date(2026, 12, 1)) == date(2026, 12, 31)
    assert facts.named_day("kan ik voor mijn 18e een rijbewijs halen", date(2026, 12, 1)) is None  # an age, no day

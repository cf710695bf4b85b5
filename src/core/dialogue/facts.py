"""Answers from the tenant's own settings: opening hours today and tomorrow (with
holidays and closing days), the phone number, and fees with amounts; and from the calendar: whether a legal term
from a day the question tells is still running."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from ..kb.models import Fee, Tenant, Term
from ..kb.phrases import names_any
from ..opening_hours import AMSTERDAM, OpeningHours, clock_words, date_words, easter_sunday, term_last_day
from . import clauses
from .availability import Promises

if TYPE_CHECKING:
    from .texts import Wording

_PHONE_CUE = ("telefoon", "bellen", "bel ", "nummer", "phone", "call", "number")


def asks_for_phone(text: str) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in _PHONE_CUE)


_WEEKDAYS = {name: number for number, names in enumerate((
    ("maandag", "monday"), ("dinsdag", "tuesday"), ("woensdag", "wednesday"), ("donderdag", "thursday"),
    ("vrijdag", "friday"), ("zaterdag", "saturday"), ("zondag", "sunday"))) for name in names}
# Days residents name by their holiday ("zijn jullie op tweede kerstdag open?"): (month, day).
_DATES = {"kerstavond": (12, 24), "christmas eve": (12, 24), "eerste kerstdag": (12, 25), "kerstmis": (12, 25),
          "kerst": (12, 25), "christmas day": (12, 25), "christmas": (12, 25), "1e kerstdag": (12, 25),
          "tweede kerstdag": (12, 26), "2e kerstdag": (12, 26), "boxing day": (12, 26), "oudejaarsdag": (12, 31),
          "oudjaarsdag": (12, 31), "oudjaar": (12, 31), "new year's eve": (12, 31),
          "nieuwjaarsdag": (1, 1), "nieuwjaar": (1, 1), "new year's day": (1, 1), "new years day": (1, 1),
          "new year day": (1, 1), "new years eve": (12, 31), "koningsdag": (4, 27), "king's day": (4, 27), "kings day": (4, 27), "bevrijdingsdag": (5, 5), "liberation day": (5, 5)}
# Holidays that move with Easter: days after Easter Sunday.
_AFTER_EASTER = {"goede vrijdag": -2, "good friday": -2, "eerste paasdag": 0, "1e paasdag": 0, "paaszondag": 0,
                 "pasen": 0, "easter sunday": 0, "easter": 0, "tweede paasdag": 1, "2e paasdag": 1, "paasmaandag": 1,
                 "easter monday": 1, "hemelvaartsdag": 39, "hemelvaart": 39, "ascension day": 39,
                 "eerste pinksterdag": 49, "1e pinksterdag": 49, "pinksteren": 49, "pentecost": 49, "whit sunday": 49,
                 "tweede pinksterdag": 50, "2e pinksterdag": 50, "pinkstermaandag": 50, "whit monday": 50,
                 "pentecost monday": 50}
_MONTHS = {name: number for number, names in enumerate((
    ("januari", "jan", "january"), ("februari", "feb", "february"), ("maart", "mrt", "march"), ("april", "apr"),
    ("mei", "may"), ("juni", "jun", "june"), ("juli", "jul", "july"), ("augustus", "aug", "august"),
    ("september", "sep", "sept"), ("oktober", "okt", "oct", "october"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A date by its day and month: "31 december", "op 2 januari", "the 31st of December", "December 31st".
# A day of the month alone, told as one ("what about the 31st", "en de 31e?"): the next such day.
_A_DATE = (rf"(?P<day>\d{{1,2}})(?:e|ste|de|st|nd|rd|th)? (?:of )?(?P<month>{_MONTH})|"
           rf"(?P<month_first>{_MONTH}) (?P<day_after>\d{{1,2}})(?:st|nd|rd|th)?|"
           rf"(?:the|de) (?P<day_of_month>\d{{1,2}})(?:e|ste|de|st|nd|rd|th)(?! (?:of )?(?:{_MONTH})\b)")
_DATE = re.compile(_A_DATE)
_DAY_NAMES = "|".join(sorted(map(re.escape, [*_WEEKDAYS, *_DATES, *_AFTER_EASTER, "overmorgen", "day after tomorrow"]),
                             key=len, reverse=True)) + "|" + _A_DATE
_NAMED_DAY = re.compile(r"\b(?:" + _DAY_NAMES + r")\b")
# The day after the one asked before ("en de dag erna?" after Friday's hours): `named_day(after=...)`.
_DAY_AFTER = re.compile(r"\b(?:de dag (?:erna|daarna|daarop|erop)|de volgende dag|een dag later|"
                        r"the (?:next|following) day|the day after(?! tomorrow)(?: that)?)\b")
_WHEN = re.compile(r"\b(?:vandaag|morgen|vanmiddag|vanochtend|vanavond|straks|nu|today|tomorrow|"
                   r"this afternoon|now)\b|" + _DAY_AFTER.pattern + "|" + _NAMED_DAY.pattern)


_WEEKEND = re.compile(r"\b(?:weekend|weekends|weekeinde)\b")
_WEEKEND_AHEAD = re.compile(r"\b(?<!vorig )(?<!vorige )(?<!afgelopen )(?<!last )(?<!past )(?:weekend|weekends|weekeinde)\b")
_TODAY_OR_TOMORROW = re.compile(r"\b(?:vandaag|morgen|vanmiddag|vanavond|today|tomorrow|tonight)\b")
# "zaterdag", "zaterdags", "zondagen", "maandagochtend", "saturdays"
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")(?:s|en|ochtend|middag|avond|morning|afternoon|evening)?\b")


def asked_weekdays(text: str) -> frozenset[int]:
    """The days of the week a text names ("op zaterdag"; "in het weekend": 5 and 6)."""
    lowered = text.lower()
    days = {_WEEKDAYS[match.group(1)] for match in _WEEKDAY.finditer(lowered)}
    if _WEEKEND.search(lowered):
        days |= {5, 6}
    return frozenset(days)


def named_day(text: str, today: date, after: date | None = None) -> date | None:
    """The day a question names besides today: "op woensdag" (the next one), "tweede kerstdag"
    (the next 26 December), "overmorgen", "de dag erna" (the day after `after`, the day asked
    before), "in het weekend" (the next Saturday, or today on a Sunday); None when it names none."""
    if after is not None and _DAY_AFTER.search(text.lower()):
        return after + timedelta(days=1)
    match = _NAMED_DAY.search(text.lower())
    if match is None:
        # "kan dat ook in het weekend?": the weekend's first day still to come (today on a Sunday); not a weekend
        # told as past ("vorig weekend") or beside today or tomorrow ("... kan ik vandaag langskomen?")
        ahead = _WEEKEND_AHEAD.search(text.lower()) and not _TODAY_OR_TOMORROW.search(text.lower())
        return today + timedelta(days=(5 - today.weekday()) % 7 if today.weekday() != 6 else 0) if ahead else None
    word = match.group(0)
    if word in ("overmorgen", "day after tomorrow"):
        return today + timedelta(days=2)
    if word in _WEEKDAYS:
        return today + timedelta(days=(_WEEKDAYS[word] - today.weekday()) % 7)
    if word in _AFTER_EASTER:
        this_year = easter_sunday(today.year) + timedelta(days=_AFTER_EASTER[word])
        return this_year if this_year >= today else easter_sunday(today.year + 1) + timedelta(days=_AFTER_EASTER[word])
    if word in _DATES:
        month, day = _DATES[word]
    else:  # "31 december", "December 31st", "the 31st"
        found = _DATE.fullmatch(word)
        if found is None:
            return None
        if found.group("day_of_month"):
            return _next_day_of_month(today, int(found.group("day_of_month")))
        month = _MONTHS[found.group("month") or found.group("month_first")]
        day = int(found.group("day") or found.group("day_after"))
    try:
        this_year = date(today.year, month, day)
        return this_year if this_year >= today else date(today.year + 1, month, day)
    except ValueError:  # "31 februari", "29 februari" in a year without it
        return None


_COUNTED = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
            "negen": 9, "tien": 10, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "4 dagen geleden", "vier dagen geleden", "three days ago"
_DAYS_AGO = re.compile(r"\b(\d{1,2}|" + "|".join(_COUNTED) + r") (?:dag|dagen|day|days) (?:geleden|ago)\b")
_DAYS_BACK = {"eergisteren": 2, "day before yesterday": 2, "gisteren": 1, "yesterday": 1}
_DAY_BACK = re.compile(r"\b(?:" + "|".join(_DAYS_BACK) + r")\b")
# A day told further back than this says nothing of a term running now ("ik ben geboren op 3 maart 1990" asking for a
# birth certificate): no term line.
TERM_LOOKBACK_DAYS = 42
# "28-11", "28/11/2026" (day first, as the Dutch write it)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2}|\d{4}))?\b")


def told_past_day(text: str, today: date, event: Sequence[str]) -> date | None:
    """The day a sentence naming the event (one of the phrases `event`: "geboren") says it happened, up to today:
    "ze is geboren op 28 november", "op 28-11", "eergisteren", "vier dagen geleden", "zaterdag" (the last one before
    today); None when no such sentence dates it, or dates it after today (an expected birth is no term yet) or more than
    TERM_LOOKBACK_DAYS before it."""
    for sentence in clauses.sentences(text.lower()):
        if not names_any(sentence, event):
            continue
        day = _past_day(sentence, today)
        if day is not None:
            return day if 0 <= (today - day).days <= TERM_LOOKBACK_DAYS else None
    return None


def _past_day(sentence: str, today: date) -> date | None:
    ago = _DAYS_AGO.search(sentence)
    if ago is not None:
        count = ago.group(1)
        return today - timedelta(days=int(count) if count.isdigit() else _COUNTED[count])
    back = _DAY_BACK.search(sentence)
    if back is not None:
        return today - timedelta(days=_DAYS_BACK[back.group(0)])
    found = _DATE.search(sentence)
    numeric = _NUMERIC_DATE.search(sentence)
    if found is not None and not found.group("day_of_month"):
        month = _MONTHS[found.group("month") or found.group("month_first")]
        day, year = int(found.group("day") or found.group("day_after")), None
    elif numeric is not None:
        day, month = int(numeric.group(1)), int(numeric.group(2))
        year = int(numeric.group(3)) if numeric.group(3) else None
        year = year + 2000 if year is not None and year < 100 else year
    else:
        weekday = _WEEKDAY.search(sentence)
        if weekday is None:
            return None
        return today - timedelta(days=(today.weekday() - _WEEKDAYS[weekday.group(1)]) % 7 or 7)
    if year is not None:
        return _a_date(year, month, day)
    # without a year, the last such day up to today ("28 december" told on 2 January: last year's)
    this_year = _a_date(today.year, month, day)
    return this_year if this_year is not None and this_year <= today else _a_date(today.year - 1, month, day)


def _a_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "31 november", "29 februari" in a year without it
        return None


def term_line(say: "Wording", term: Term, text: str, today: date) -> str:
    """Whether a question that dates the event of a topic's legal term is still in time: "De 3 dagen voor de
    aangifte tellen vanaf zaterdag 28 november. De laatste dag is dus vandaag, dinsdag 1 december. Doe de aangifte
    vandaag nog." (a last day past a weekend or holiday said as such); "" when the question dates no event."""
    told = told_past_day(text, today, term.words)
    if told is None:
        return ""
    last = term_last_day(told, term.days)
    lines = [say("term_from", days=str(term.days), told=date_words(told, say.language))]
    if last != told + timedelta(days=term.days):
        lines.append(say("term_moved"))
    key = "term_open" if last > today else "term_today" if last == today else "term_passed"
    lines.append(say(key, last=date_words(last, say.language)))
    return " ".join(lines)


def _next_day_of_month(today: date, day: int) -> date | None:
    """The next date with this day of the month, today included ("the 31st" on 1 December: 31 December)."""
    for ahead in range(3):  # the 31st is at most two months away
        month = (today.month - 1 + ahead) % 12 + 1
        year = today.year + (today.month - 1 + ahead) // 12
        try:
            candidate = date(year, month, day)
        except ValueError:  # "the 31st" in a month of 30 days
            continue
        if candidate >= today:
            return candidate
    return None


_VISIT = re.compile(r"\b(?:langs|langskomen|balie|loket|gemeentehuis|stadhuis|ophalen|afhalen|"
                    r"come by|come in|come to the|visit|desk|town hall|pick up|pick it up|collect)\b")

# Waste is collected ("ophalen") on its own calendar, not in the town hall's hours.
_WASTE = re.compile(r"afval|vuil|container|kliko|gft|pmd|papier|waste|bin\b|bins\b|rubbish|garbage")


# A topic about collecting waste (its title): collected on its own calendar, not in the town hall's hours.
_COLLECTED = re.compile(r"\b(?:opgehaald|ophalen|collect\w*)\b")


def collects_waste(title: str) -> bool:
    """Whether a topic's title is about collecting waste ("Grofvuil laten ophalen", "When is my waste collected")."""
    lowered = title.lower()
    return bool(_WASTE.search(lowered) and _COLLECTED.search(lowered))


# "can I do it on saturday?", "kan dat ook morgen?": the topic itself on a day it names (not "nu").
_DO_IT_ON_A_DAY = re.compile(
    r"\b(?:kan|kun|kunt|can|could)\b[^.?!]{0,20}\b(?:het|dat|dit|it|that|this)\b[^.?!]{0,20}"
    r"\b(?:vandaag|morgen|today|tomorrow|weekend|" + _DAY_NAMES + r")"
)


# Places residents ask the hours of that the gemeente does not keep (a library, a swimming pool, a shop): the
# town hall's hours would be a confident wrong answer, so the answer says it does not know theirs first.
# (pattern, Dutch name, English name).
_OTHER_PLACES = (
    (r"bibliothe?ek|bieb|library", "de bibliotheek", "the library"),
    (r"zwembad|swimming ?pool|pool", "het zwembad", "the swimming pool"),
    (r"sporthal|sportschool|sportcentrum|gym|sports (?:hall|centre|center)", "de sporthal", "the sports centre"),
    (r"museum|musea|museums", "het museum", "the museum"),
    (r"theater|schouwburg|theatre|bioscoop|cinema", "het theater", "the theatre"),
    (r"kinderboerderij|petting zoo|speeltuin|playground", "de kinderboerderij", "the petting zoo"),
    (r"apotheek|pharmacy|chemist", "de apotheek", "the pharmacy"),
    (r"huisarts(?:enpost)?|dokter|doctor|gp", "de huisarts", "the doctor"),
    (r"ziekenhuis|hospital", "het ziekenhuis", "the hospital"),
    (r"politiebureau|police station", "het politiebureau", "the police station"),
    (r"postkantoor|postnl|post ?office", "het postkantoor", "the post office"),
    (r"supermarkt|supermarket|winkels|shops|stores", "de winkels", "the shops"),
    (r"consultatiebureau|ggd", "de GGD", "the GGD"),
    (r"kringloop(?:winkel)?|thrift shop|charity shop", "de kringloopwinkel", "the thrift shop"),
    (r"voedselbank|food ?bank", "de voedselbank", "the food bank"),
)
_OTHER_PLACE = re.compile("|".join(rf"\b(?P<place{number}>{pattern})\b" for number, (pattern, _, _) in enumerate(_OTHER_PLACES)))

# The place named is what the hours are asked of ("kan ik vandaag langskomen, ik was net bij de dokter" is not).
_ABOUT_HOURS = re.compile(r"\b(?:open|opent|geopend|openingstijden|openingstijd|dicht|gesloten|sluit|hoe laat|"
                          r"opening (?:hours|times)|hours|closed|close|closes|what time)\b")


def other_place(text: str, language: str) -> str | None:
    """"hoe laat gaat de bibliotheek open?", "is the pool open tomorrow?": the place named, in the resident's
    language, when it is one whose hours are not the town hall's."""
    lowered = text.lower()
    found = _OTHER_PLACE.search(lowered)
    if found is None or found.lastgroup is None or not _ABOUT_HOURS.search(lowered):
        return None
    _, dutch, english = _OTHER_PLACES[int(found.lastgroup.removeprefix("place"))]
    return dutch if language == "nl" else english


def asks_for_hours(text: str) -> bool:
    """"kan ik vandaag nog langskomen?", "can I pick it up tomorrow?", "how do I apply for a passport and can I
    do it on saturday?": the day's opening hours help."""
    lowered = text.lower()
    if _WASTE.search(lowered):
        return False
    if _DO_IT_ON_A_DAY.search(lowered):
        return True
    # The day and the desk in one sentence that asks: "Ik ben vandaag aan de balie onbeschoft behandeld. Waar kan ik
    # een klacht indienen?" tells of a visit, it asks no hours (was today's and tomorrow's hours before the complaint).
    told = clauses.sentences(lowered)
    return any(_WHEN.search(sentence) and _VISIT.search(sentence)
               and (len(told) == 1 or clauses.is_question(sentence)) for sentence in told)


_MONTH_NAMED = re.compile(rf"\b(?:{_MONTH})\b")


def date_told(text: str, today: date) -> date | None:
    """The day a message that tells only a date names ("in juni, 12 juni", "op 3 maart"), from today on: a day of the
    month with its month (not a weekday, not "morgen"); None for anything else."""
    lowered = text.lower()
    found = _DATE.search(lowered)
    if found is None or not (found.group("month") or found.group("month_first")):
        return None
    rest = _MONTH_NAMED.sub(" ", _DATE.sub(" ", lowered))
    if any(word not in _BESIDE_A_DATE for word in re.findall(r"[a-zà-ÿ]+", rest)):
        return None
    return named_day(found.group(0), today)


# What may stand beside a date told on its own: "in juni, 12 juni", "rond 3 maart", "ergens op 12 juni denk ik"
_BESIDE_A_DATE = frozenset("""in op rond om ongeveer ergens denk ik we wij het is wordt de datum dat dit zo en
    on around about the date it s is will be we i think probably maybe misschien waarschijnlijk""".split())


def names_a_day(text: str) -> bool:
    """"kan het ook op zaterdag?", "kan dat vandaag nog?", "in het weekend"."""
    lowered = text.lower()
    return bool(_WHEN.search(lowered) or _WEEKDAY.search(lowered) or _WEEKEND.search(lowered))


def without_days(text: str) -> str:
    """The text without the days it names and the words of coming by ("kan ik hem op zaterdag
    ophalen?" -> "kan ik hem op ?")."""
    return _VISIT.sub(" ", _WHEN.sub(" ", _WEEKEND.sub(" ", _WEEKDAY.sub(" ", text.lower()))))


def asked_day(text: str, promises: Promises, after: date | None = None) -> date | None:
    """The day an opening-hours question names (`named_day`, from today in Amsterdam)."""
    return named_day(text, promises.available.now.astimezone(AMSTERDAM).date(), after) if text else None


_TODAY = re.compile(r"\b(?:vandaag|today)\b")
_TOMORROW = re.compile(r"\b(?:morgen|tomorrow)\b")


def said_day(text: str, promises: Promises) -> date | None:
    """Today or tomorrow when the question says so ("zijn jullie morgen open?"): answered with the
    usual two days, and the day "en de dag erna?" counts from."""
    today = promises.available.now.astimezone(AMSTERDAM).date()
    lowered = text.lower()
    return today + timedelta(days=1) if _TOMORROW.search(lowered) else today if _TODAY.search(lowered) else None


def todays_weekday_named(text: str, promises: Promises) -> bool:
    """"en vrijdag?" on a Friday: today's day of the week named, not "vandaag" (it may mean next week's)."""
    today = promises.available.now.astimezone(AMSTERDAM).date()
    return today.weekday() in asked_weekdays(text) and not _TODAY.search(text.lower())


def opening_hours(hours: OpeningHours, promises: Promises, asked: date | None = None, week_later: bool = False) -> str:
    """"Vandaag (dinsdag 1 december) is het gemeentehuis open van 8.30 tot 17.00 uur. Morgen ...";
    for a day the question names ("op zaterdag", "tweede kerstdag", `asked_day`) that day's hours
    only, and when it is closed the next opening after it. `week_later`: the day named is today's day of the week
    ("en vrijdag?" on a Friday), which may mean next week's: both."""
    say, language = promises.say, promises.say.language
    today = promises.available.now.astimezone(AMSTERDAM).date()
    days = [("label_today", today), ("label_tomorrow", today + timedelta(days=1))]
    if asked is not None:
        label = {today: "label_today", today + timedelta(days=1): "label_tomorrow"}.get(asked, "label_day")
        days = [(label, asked)]
        if week_later and asked == today:
            days.append(("label_day", today + timedelta(days=7)))
    lines = []
    for label, day in days:
        when = say(label, date=date_words(day, language))
        intervals = hours.intervals(day)
        if intervals:
            ranges = say("word_and").join(
                say("hours_range", start=clock_words(start, language, unit=False), end=clock_words(end, language))
                for start, end in intervals
            )
            over = day == today and intervals[-1][1] <= promises.available.now
            lines.append(say("hours_were_open" if over else "hours_open", day=when, ranges=ranges))
        else:
            reason = hours.closed_reason(day, language)
            lines.append(say("hours_closed_because", day=when, reason=reason) if reason
                         else say("hours_closed", day=when))
    if not any(hours.intervals(day) for _, day in days):  # closed on every day said: when it opens after them
        following = hours.next_opening(datetime.combine(days[-1][1] + timedelta(days=1), time.min, tzinfo=AMSTERDAM))
        if following is not None:
            lines.append(say("hours_next", moment=promises.starting(following)))
    return " ".join(lines)


# "kan dat ook 's avonds?", "ik werk tot 6", "in the evening": the town hall's evening opening asked about
_EVENING = re.compile(r"(?:\b|')s ?avonds\b|\b(?:savonds|in de avond|avondopenstelling|koopavond|na (?:mijn )?werk(?:tijd)?|"
                      r"na (?:zessen|6 uur|zes uur|18(?:[.:]00)? uur)|in the evenings?|evenings?|after work|late opening)\b")
# An opening that lasts past this hour is an evening opening.
EVENING_FROM = time(18, 0)
EVENING_LOOKAHEAD_DAYS = 14


def evening_asked(text: str) -> str | None:
    """"kan dat ook 's avonds? ik werk tot 6": the first clause that asks about the evening, without its evening words
    ("kan dat ook"); None when no clause asks about it."""
    for sentence in clauses.sentences(text):
        if clauses.is_question(sentence) and _EVENING.search(sentence.lower()):
            return _COMING.sub(" ", _VISIT.sub(" ", _EVENING.sub(" ", sentence.lower())))
    return None


# Coming to the desk, said with the evening ("can I come in the evening?", "kan ik 's avonds terecht?")
_COMING = re.compile(r"\b(?:come|komen|kom|terecht|go|gaan|open|afspraak|appointment|maken|make|book)\b")


def evening_hours(hours: OpeningHours, promises: Promises) -> str:
    """The next evening openings (at most two, within EVENING_LOOKAHEAD_DAYS, holidays counted): "'s Avonds is het
    gemeentehuis open op donderdag 10 december tot 20.00 uur."; or that it is not open in the evening."""
    say, language = promises.say, promises.say.language
    today = promises.available.now.astimezone(AMSTERDAM).date()
    evenings = []
    for ahead in range(EVENING_LOOKAHEAD_DAYS):
        day = today + timedelta(days=ahead)
        intervals = hours.intervals(day)
        if intervals and intervals[-1][1].astimezone(AMSTERDAM).time() > EVENING_FROM and intervals[-1][1] > promises.available.now:
            evenings.append(say("evening_until", date=date_words(day, language), end=clock_words(intervals[-1][1], language)))
        if len(evenings) == 2:
            break
    if not evenings:
        return say("evening_closed")
    return say("evening_open", days=say("word_and").join(evenings))


def phone(tenant: Tenant, promises: Promises) -> str | None:
    """The municipality's phone number (its default team), honest about the hours."""
    say = promises.say
    team = tenant.teams[tenant.default_team]
    if not team.phone:
        return say("phone_mail", email=team.email) if team.email else None
    available = promises.available
    if available.open_now and available.until is not None and not available.live_possible and available.next_opening:
        # Minutes before closing: the time left and the next opening, not only "today until 17.00".
        line = say("phone_closing", phone=team.phone, until=promises.time(available.until),
                   next=promises.starting(available.next_opening))
    elif available.open_now and available.until is not None:
        line = say("phone_open", phone=team.phone, until=promises.time(available.until))
    elif available.next_opening is not None:
        line = say("phone_closed", phone=team.phone, next=promises.starting(available.next_opening))
    else:
        line = say("phone_number", phone=team.phone)
    return f"{line} {say('phone_mail', email=team.email)}" if team.email else line


def fees(tenant: Tenant, intent_id: str, promises: Promises, weekdays: frozenset[int] = frozenset()) -> str | None:
    """The tenant's fees for one intent, with amounts and the year; None without a table.
    `weekdays`: only the fees whose name names one of these days ("Trouwen op zaterdag"), None
    when none does."""
    if tenant.fees is None or not tenant.fees.items.get(intent_id):
        return None
    items = [fee for fee in tenant.fees.items[intent_id]
             if not weekdays or weekdays & asked_weekdays(f"{fee.name.nl} {fee.name.en}")]
    if not items:
        return None
    say = promises.say
    lines = [say("fees_intro", tenant=tenant.name, year=tenant.fees.year)]
    lines += [say("fees_line", name=fee.name.get(say.language), amount=euro(fee, say.language)) for fee in items]
    return "\n".join(lines)


# A fee's name that says it is for the first one ("Eerste hond"), for each one after it ("Elke volgende hond"), or
# for a child ("Paspoort, jonger dan 18").
_FIRST_FEE = re.compile(r"\b(?:eerste|first)\b")
_NEXT_FEE = re.compile(r"\b(?:volgende|verdere|extra|next|further|additional|each other)\b")
_CHILD_FEE = re.compile(r"\b(?:jonger dan 1[268]|onder de 1[268]|kind|kinderen|under 1[268]|child|children)\b")


def fees_for_a_count(tenant: Tenant, intent_id: str, promises: Promises, count: int, children: bool) -> str | None:
    """"en als ik er twee heb?" after the dog tax: the total for `count` from the tenant's fees, when its table says
    how ("Eerste hond" and "Elke volgende hond"; for children the line for children, `count` times). None when the
    table does not say it (or there is none)."""
    if tenant.fees is None or not tenant.fees.items.get(intent_id):
        return None
    items = tenant.fees.items[intent_id]

    def named(pattern: re.Pattern[str]) -> Fee | None:
        return next((fee for fee in items if pattern.search(f"{fee.name.nl} {fee.name.en}".lower())), None)

    say = promises.say
    first, following, child = named(_FIRST_FEE), named(_NEXT_FEE), named(_CHILD_FEE)
    if children and child is not None:
        total = child.euro * count
        return say("count_children", count=count, name=child.name.get(say.language), amount=euro(child, say.language),
                   total=_amount(total, say.language), year=tenant.fees.year)
    if first is not None and following is not None and first is not following:
        total = first.euro + following.euro * (count - 1)
        return say("count_first_and_next", count=count, first=first.name.get(say.language),
                   first_amount=euro(first, say.language), more=count - 1, next=following.name.get(say.language),
                   next_amount=euro(following, say.language), total=_amount(total, say.language),
                   year=tenant.fees.year)
    return None


def _amount(value: Decimal, language: str) -> str:
    return euro(Fee(name={"nl": "-", "en": "-"}, euro=value), language)


def euro(fee: Fee, language: str) -> str:
    amount = fee.euro.quantize(Decimal("0.01"))
    text = f"{amount:,.2f}"  # 1,234.50
    if language == "en":
        return text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")  # 1.234,50



# A number with its unit: "40 cm doorsnee", "12 meter hoog", "zo'n 80 man", "3 m deep", "about 200 guests".
_MEASURE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:cm|centimeter|mm|m|m2|m²|m3|m³|meter|meters|metres|km|kilo|kg|ton|liter|man|mensen|personen|"
    r"gasten|bezoekers|people|guests|visitors|feet|ft|inch|uur|hours|jaar|years|euro|eur)\b")


def tells_a_measure(text: str) -> bool:
    """"eik, stam ongeveer 40 cm doorsnee", "zo'n 80 man": a number with its unit (a detail told in figures)."""
    return _MEASURE.search(text.lower()) is not None

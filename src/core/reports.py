"""Reports for staff, built only from the aggregate items.

Every turn ADDs its counters to the tenant's item of the day and of the month (the month's
also keeps each day's day-row counters), in the same transaction as the conversation, and
stores each unanswered question as its own small item in one partition per tenant. A report
reads whole months from the monthly items and only the days at its edges from the daily
ones (`read_aggregates`): a year is twelve items, plus one bounded query for the newest
unanswered questions; never a scan, and never a conversation read.

Definitions (also in README "Metrics and reports"):
- Every conversation is exactly one of `resolvedByBot`, `handedOver`, `unresolved`
  (core.report_counters: the class it ended in, counted on the day it started);
  `containmentRate` = resolvedByBot / conversations, `escalationRate` = handedOver /
  conversations, `unresolvedRate` = unresolved / conversations.
- messages: resident messages; `answered`: messages the bot answered with a topic (not
  greetings, fallbacks or offers); `answeredShare` = answered / messages; `fallbackRate` =
  fallbacks / messages; crisis: messages that got crisis help (never counted as answered).
- Waiting: `medianSecondsToClaim` (request for a person -> a member of staff claims it) and
  `medianSecondsToFirstReply` (-> staff's first message), medians of the daily histograms,
  exact to the bucket (core.report_counters.WAIT_BUCKETS) and never above twice the mean;
  means from the sums.
- Wrong-answer signals per intent: "niet nuttig", rephrasing right after an answer, a person
  asked for right after an answer.
- Unanswered questions: redacted again, grouped by similarity (rapidfuzz token_set_ratio);
  each group shows its most frequent wording and a count; the newest MAX_QUESTIONS of the
  range are grouped.

Exports: `report_csv` (Dutch Excel: semicolons, UTF-8 with BOM, decimal commas, one table
per file) and `report_xlsx` (one sheet per table, XlsxWriter, imported only there), both
from the same `tables(report)`. The anonymised export of unanswered questions (tenants that
set `share_unanswered`) reuses the grouping: `unanswered_proposals`.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import Field
from rapidfuzz import fuzz, process

from . import privacy
from .errors import InvalidInput
from .models import Channel, Model, MonthlyCounters, NotHelpfulItem
from .ports import ConversationStore
from .report_counters import DAY_ROW_COUNTERS, DIMENSIONS, NO_TOPIC, OUTCOMES, histogram, median_seconds

MAX_DAYS = 366  # a year (a leap year's too), from the daily aggregates
DEFAULT_DAYS = 28
TOP_INTENTS = 10
TOP_UNANSWERED = 20
# token_set_ratio ignores word order and repeated words; 85 joins "hoe laat open
# milieustraat" with "milieustraat open hoe laat?" but keeps "paspoort kwijt" apart
# from "rijbewijs kwijt" (scores measured in tests/unit/test_reports.py).
SIMILARITY_CUTOFF = 85.0
MAX_GROUP_EXAMPLES = 5
# Questions grouped per report (the newest of the range): bounds the read and the clustering,
# so a year's report answers within a second (BENCHMARKS.md, bench-reports); the groups
# editors act on are the recent ones.
MAX_QUESTIONS = 2000

_WORDS = re.compile(r"[^\w\[\]]+", re.UNICODE)


class Outcomes(Model):
    """Every conversation in exactly one of the three classes."""

    conversations: int = 0
    resolved_by_bot: int = 0
    handed_over: int = 0
    unresolved: int = 0
    containment_rate: float | None = None
    escalation_rate: float | None = None


class Activity(Outcomes):
    messages: int = 0
    answered: int = 0
    fallback: int = 0
    disambiguation: int = 0
    crisis: int = 0
    handovers: int = 0  # live requests + tickets
    handover_claimed: int = 0
    feedback_helpful: int = 0
    feedback_not_helpful: int = 0
    unanswered: int = 0


class DayRow(Activity):
    day: str


class MonthRow(Activity):
    month: str  # YYYY-MM


class Totals(Activity):
    handover_requested: int = 0
    handover_live: int = 0
    handover_queued: int = 0
    handover_takeover: int = 0
    handover_transferred: int = 0
    unresolved_rate: float | None = None
    answered_share: float | None = None
    fallback_rate: float | None = None
    median_seconds_to_claim: float | None = None
    mean_seconds_to_claim: float | None = None
    median_seconds_to_first_reply: float | None = None
    wrong_not_helpful: int = 0
    wrong_rephrased: int = 0
    wrong_person: int = 0


class ChannelRow(Outcomes):
    channel: str
    name: str  # as residents and staff know it: Website, WhatsApp, Messenger, Instagram


class TeamRow(Outcomes):
    team: str
    name: str


class IntentRow(Outcomes):
    intent: str  # "-": conversations without a topic
    title: str
    answered: int = 0  # answers of this intent (messages)
    helpful: int = 0
    not_helpful: int = 0
    rephrased: int = 0  # rephrasing right after an answer of this intent
    person_after_answer: int = 0  # a person asked for right after an answer of this intent


class IntentCount(Model):
    intent: str
    count: int


class QuestionGroup(Model):
    text: str  # the most frequent wording of the group (redacted)
    count: int
    examples: list[str] = Field(default_factory=list)  # other wordings, most frequent first


class TeamHandovers(Model):
    team: str
    name: str
    live: int = 0
    queued: int = 0
    claimed: int = 0
    takeovers: int = 0  # conversations staff took from the bot
    transferred_in: int = 0
    mean_seconds_to_claim: float | None = None
    median_seconds_to_claim: float | None = None
    median_seconds_to_first_reply: float | None = None


class FeedbackSummary(Model):
    helpful: int = 0
    not_helpful: int = 0
    helpful_share: float | None = None


class Report(Model):
    tenant: str
    date_from: str = Field(serialization_alias="from")
    date_to: str = Field(serialization_alias="to")
    totals: Totals
    days: list[DayRow]
    months: list[MonthRow]
    channels: list[ChannelRow]
    teams: list[TeamRow]
    intents: list[IntentRow]
    top_intents: list[IntentCount]
    unanswered: list[QuestionGroup]
    handovers: list[TeamHandovers]
    feedback: FeedbackSummary


@dataclass(frozen=True)
class Names:
    """What staff read instead of ids: intent titles and team names (Dutch)."""

    intents: Mapping[str, str]
    teams: Mapping[str, str]

    def intent(self, intent_id: str) -> str:
        return "(geen onderwerp)" if intent_id == NO_TOPIC else self.intents.get(intent_id, intent_id)

    def team(self, team_id: str) -> str:
        return self.teams.get(team_id, team_id)


NO_NAMES = Names({}, {})


# ---- the date range ------------------------------------------------------------


def parse_range(date_from: str | None, date_to: str | None, today: date) -> tuple[date, date]:
    """`from`/`to` (YYYY-MM-DD, inclusive) -> dates; defaults: the last 28 days up to today."""
    last = _parse_day(date_to, "to") if date_to else today
    first = _parse_day(date_from, "from") if date_from else last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidInput("'from' must not be after 'to'.")
    if (last - first).days + 1 > MAX_DAYS:
        raise InvalidInput(f"A report covers at most {MAX_DAYS} days; ask for a shorter range.")
    return first, last


def _parse_day(value: str, name: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"'{name}' must be a date written as YYYY-MM-DD.") from None


# ---- the report ------------------------------------------------------------------


def build_report(store: ConversationStore, tenant: str, first: date, last: date, names: Names = NO_NAMES) -> Report:
    total, by_month, by_day = read_aggregates(store, tenant, first, last)
    rows = [DayRow(day=day, **_activity(counts)) for day, counts in sorted(by_day.items())]
    questions = store.unanswered_questions(tenant, first, last, MAX_QUESTIONS)
    conversations = total["conversations"]
    totals = Totals(
        **_activity(total),
        handover_requested=total["handover_requested"],
        handover_live=total["handover_live"],
        handover_queued=total["handover_queued"],
        handover_takeover=total["handover_takeover"],
        handover_transferred=total["handover_transferred"],
        unresolved_rate=_share(total["outcome:unresolved"], conversations),
        answered_share=_share(total["answered_topic"], total["messages_received"]),
        fallback_rate=_share(total["fallback"], total["messages_received"]),
        median_seconds_to_claim=median_seconds(histogram(total, "claim_wait:"), total["claim_seconds"]),
        mean_seconds_to_claim=_mean(total["claim_seconds"], total["handover_claimed"]),
        median_seconds_to_first_reply=median_seconds(histogram(total, "first_reply_wait:"), total["first_reply_seconds"]),
        wrong_not_helpful=total["feedback_not_helpful"],
        wrong_rephrased=total["wrong_rephrased"],
        wrong_person=total["wrong_person"],
    )
    return Report(
        tenant=tenant,
        date_from=first.isoformat(),
        date_to=last.isoformat(),
        totals=totals,
        days=rows,
        months=[MonthRow(month=month, **_activity(counts)) for month, counts in sorted(by_month.items())],
        channels=[ChannelRow(channel=key, name=channel_name(key), **outcomes)
                  for key, outcomes in _breakdown(total, "channel")],
        teams=[TeamRow(team=key, name=names.team(key), **outcomes) for key, outcomes in _breakdown(total, "team")],
        intents=_intents(total, names),
        top_intents=[IntentCount(intent=name, count=n) for name, n in _prefixed(total, "intent")[:TOP_INTENTS]],
        unanswered=group_questions(questions)[:TOP_UNANSWERED],
        handovers=_handovers(total, names),
        feedback=FeedbackSummary(
            helpful=total["feedback_helpful"], not_helpful=total["feedback_not_helpful"],
            helpful_share=_share(total["feedback_helpful"], total["feedback_helpful"] + total["feedback_not_helpful"]),
        ),
    )


def read_aggregates(store: ConversationStore, tenant: str, first: date, last: date
                    ) -> tuple[Counter[str], dict[str, Counter[str]], dict[str, dict[str, int]]]:
    """The counters of `first`..`last`: in total, per month and (day-row counters) per day.

    Each calendar month of the range is read the cheaper way: a month wholly inside, or
    mostly inside, from its monthly aggregate (less the daily items of its days outside
    the range); a month mostly outside from the daily items of its days inside. A year is
    therefore twelve monthly items and at most a few weeks of days. A month whose aggregate
    began after some of its days were counted (`since`: those days predate monthly
    aggregates) is read from its days."""
    spans = _months_of(first, last)
    from_month = [span for span in spans if span.inside > span.outside]
    months = {month.month: month for month in store.monthly_counters(
        tenant, from_month[0].start, from_month[-1].end)} if from_month else {}
    # Monthly aggregates were kept from this day on: a month after it without one had no traffic.
    kept_since = min((date.fromisoformat(month.since) for month in months.values()), default=None)
    total: Counter[str] = Counter()
    by_month: dict[str, Counter[str]] = {}
    by_day: dict[str, dict[str, int]] = {}
    for span in spans:
        month = months.get(span.month) if span in from_month else None
        if month is None and span in from_month and kept_since is not None and kept_since <= span.start:
            continue
        if month is None or _predates_month(store, tenant, month, span):
            counts: Counter[str] = Counter()
            for item in store.daily_counters(tenant, max(first, span.start), min(last, span.end)):
                counts.update(item.counts)
                by_day[item.day] = {name: item.counts[name] for name in DAY_ROW_COUNTERS if item.counts.get(name)}
        else:
            counts = Counter(month.counts)
            for outside_first, outside_last in ((span.start, first - timedelta(days=1)),
                                                (last + timedelta(days=1), span.end)):
                if outside_first <= outside_last:
                    for item in store.daily_counters(tenant, outside_first, outside_last):
                        counts.subtract(item.counts)
            # A month leaves out the day's bookkeeping of its cap on unanswered questions
            # (`unanswered_kept`): subtracting a day's leaves it below zero.
            counts = Counter({name: n for name, n in counts.items() if n > 0})
            by_day.update((day, row) for day, row in month.days.items()
                          if first.isoformat() <= day <= last.isoformat())
        if counts:
            total.update(counts)
            by_month[span.month] = counts
    return total, by_month, {day: counts for day, counts in by_day.items() if counts}


@dataclass(frozen=True)
class _MonthSpan:
    month: str  # YYYY-MM
    start: date  # the month's first day
    end: date  # its last day
    inside: int  # days of the month in the range
    outside: int  # the others


def _months_of(first: date, last: date) -> list[_MonthSpan]:
    """The calendar months `first`..`last` touches, oldest first."""
    spans = []
    start = first.replace(day=1)
    while start <= last:
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        end = following - timedelta(days=1)
        inside = (min(end, last) - max(start, first)).days + 1
        spans.append(_MonthSpan(start.isoformat()[:7], start, end, inside, end.day - inside))
        start = following
    return spans


def _predates_month(store: ConversationStore, tenant: str, month: MonthlyCounters, span: _MonthSpan) -> bool:
    """Whether some of the month's days were counted before its aggregate existed."""
    since = date.fromisoformat(month.since)
    return since > span.start and store.has_daily_counters(tenant, span.start, min(since - timedelta(days=1),
                                                                                  span.end))


def _outcomes(counts: Mapping[str, int], suffix: str = "") -> dict[str, Any]:
    resolved, handed, unresolved = (counts.get(f"outcome:{kind}{suffix}", 0) for kind in OUTCOMES)
    conversations = resolved + handed + unresolved
    return {"conversations": conversations, "resolved_by_bot": resolved, "handed_over": handed,
            "unresolved": unresolved, "containment_rate": _share(resolved, conversations),
            "escalation_rate": _share(handed, conversations)}


def _activity(counts: Mapping[str, int]) -> dict[str, Any]:
    outcomes = _outcomes(counts)
    # Conversations are counted when they start; their classes add up to the same number.
    outcomes["conversations"] = max(counts.get("conversations", 0), outcomes["conversations"])
    outcomes["containment_rate"] = _share(outcomes["resolved_by_bot"], outcomes["conversations"])
    outcomes["escalation_rate"] = _share(outcomes["handed_over"], outcomes["conversations"])
    return {
        **outcomes,
        "messages": counts.get("messages_received", 0),
        "answered": counts.get("answered_topic", 0),
        "fallback": counts.get("fallback", 0),
        "disambiguation": counts.get("disambiguation", 0),
        "crisis": counts.get("crisis", 0),
        "handovers": counts.get("handover_live", 0) + counts.get("handover_queued", 0),
        "handover_claimed": counts.get("handover_claimed", 0),
        "feedback_helpful": counts.get("feedback_helpful", 0),
        "feedback_not_helpful": counts.get("feedback_not_helpful", 0),
        "unanswered": counts.get("unanswered", 0),
    }


def _breakdown(total: Mapping[str, int], dimension: str) -> list[tuple[str, dict[str, Any]]]:
    """Per value of a dimension (`outcome:<class>:<dimension>:<value>`), most conversations first."""
    assert dimension in DIMENSIONS
    keys = {name.split(f":{dimension}:", 1)[1] for name, n in total.items()
            if n and name.startswith("outcome:") and f":{dimension}:" in name}
    rows = [(key, _outcomes(total, f":{dimension}:{key}")) for key in keys]
    rows = [(key, row) for key, row in rows if row["conversations"]]
    return sorted(rows, key=lambda pair: (-pair[1]["conversations"], pair[0]))


def _intents(total: Mapping[str, int], names: Names) -> list[IntentRow]:
    rows = {key: IntentRow(intent=key, title=names.intent(key), **outcomes)
            for key, outcomes in _breakdown(total, "intent")}
    for field_name, prefix in (("answered", "intent"), ("helpful", "feedback_helpful"),
                               ("not_helpful", "feedback_not_helpful"), ("rephrased", "wrong_rephrased"),
                               ("person_after_answer", "wrong_person")):
        for key, n in _prefixed(total, prefix):
            row = rows.setdefault(key, IntentRow(intent=key, title=names.intent(key)))
            setattr(row, field_name, n)
    return sorted(rows.values(), key=lambda row: (-row.conversations, -row.answered, row.intent))


def channel_name(key: str) -> str:
    try:
        return Channel(key).display_name
    except ValueError:
        return key  # a channel of a later version in an older aggregate


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(total_seconds: int, count: int) -> float | None:
    return round(total_seconds / count, 1) if count else None


def _prefixed(counts: Mapping[str, int], prefix: str) -> list[tuple[str, int]]:
    """`<prefix>:<key>` counters (one level: no further ":") as (key, count), largest first, then by key."""
    found = [(name.split(":", 1)[1], n) for name, n in counts.items()
             if name.startswith(prefix + ":") and n and ":" not in name.split(":", 1)[1]]
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))


def _handovers(total: Mapping[str, int], names: Names) -> list[TeamHandovers]:
    per_team: dict[str, TeamHandovers] = {}
    for field_name, prefix in (("live", "handover_live"), ("queued", "handover_queued"),
                               ("claimed", "handover_claimed"), ("takeovers", "handover_takeover"),
                               ("transferred_in", "handover_transferred")):
        for team, n in _prefixed(total, prefix):
            row = per_team.setdefault(team, TeamHandovers(team=team, name=names.team(team)))
            setattr(row, field_name, n)
    for team, row in per_team.items():
        row.mean_seconds_to_claim = _mean(total.get(f"claim_seconds:{team}", 0), row.claimed)
        row.median_seconds_to_claim = median_seconds(histogram(total, f"claim_wait:{team}:"),
                                                   total.get(f"claim_seconds:{team}", 0))
        row.median_seconds_to_first_reply = median_seconds(histogram(total, f"first_reply_wait:{team}:"),
                                                         total.get(f"first_reply_seconds:{team}", 0))
    return sorted(per_team.values(), key=lambda row: (-(row.live + row.queued), row.team))


# ---- grouping unanswered questions ----------------------------------------------


def normalise_question(text: str) -> str:
    """For comparing wordings: lower case, punctuation to spaces (placeholders like [BSN] kept)."""
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


def group_questions(texts: Iterable[str], cutoff: float = SIMILARITY_CUTOFF,
                    clean: Callable[[str], str] = privacy.redact) -> list[QuestionGroup]:
    """Similar questions together, largest group first (see `_cluster`)."""
    return [
        QuestionGroup(text=wordings[0][0], count=sum(n for _, n in wordings),
                      examples=[text for text, _ in wordings[1 : MAX_GROUP_EXAMPLES + 1]])
        for wordings in _cluster(texts, cutoff, clean)
    ]


def _cluster(texts: Iterable[str], cutoff: float, clean: Callable[[str], str]) -> list[list[tuple[str, int]]]:
    """Groups of (wording, count), most frequent wording first, largest group first.

    Each text is cleaned again (redaction rules may have improved since it was
    stored), exact duplicates (after normalising) are counted per wording, and
    wordings are joined greedily, most frequent first, to the first group whose
    representative scores at least `cutoff` (token_set_ratio, 0..100)."""
    wordings: Counter[str] = Counter()
    shown: dict[str, str] = {}
    cleaned_texts: dict[str, str] = {}  # a question asked again is cleaned once
    for text in list(texts)[:MAX_QUESTIONS]:
        cleaned = cleaned_texts.get(text)
        if cleaned is None:
            cleaned = cleaned_texts[text] = clean(text).strip()
        key = normalise_question(cleaned)
        if not key:
            continue
        wordings[key] += 1
        shown.setdefault(key, cleaned)
    representatives: list[str] = []
    members: list[list[tuple[str, int]]] = []
    for key, n in sorted(wordings.items(), key=lambda pair: (-pair[1], pair[0])):
        match = process.extractOne(key, representatives, scorer=fuzz.token_set_ratio, score_cutoff=cutoff)
        if match is None:
            representatives.append(key)
            members.append([(shown[key], n)])
        else:
            members[match[2]].append((shown[key], n))
    return sorted(members, key=lambda group: (-sum(n for _, n in group), group[0][0]))


# ---- exports: one definition of the tables, CSV for Dutch Excel and an xlsx workbook ------------


Format = Literal["int", "rate", "seconds", "text"]


@dataclass(frozen=True)
class Column:
    title: str  # Dutch: what staff read in Excel
    field: str
    format: Format = "int"


@dataclass(frozen=True)
class Table:
    name: str  # the `table` of GET /v1/staff/reports?format=csv&table=
    title: str  # the sheet's name in the workbook
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]]


OUTCOME_COLUMNS = (
    Column("Gesprekken", "conversations"), Column("Opgelost door de bot", "resolved_by_bot"),
    Column("Overgedragen", "handed_over"), Column("Niet opgelost", "unresolved"),
    Column("Bot-oplosgraad", "containment_rate", "rate"), Column("Overdrachtsgraad", "escalation_rate", "rate"),
)
ACTIVITY_COLUMNS = OUTCOME_COLUMNS + (
    Column("Berichten", "messages"), Column("Beantwoord", "answered"), Column("Niet begrepen", "fallback"),
    Column("Keuzevragen", "disambiguation"), Column("Crisis", "crisis"), Column("Overdrachten", "handovers"),
    Column("Overgenomen", "handover_claimed"), Column("Nuttig", "feedback_helpful"),
    Column("Niet nuttig", "feedback_not_helpful"), Column("Onbeantwoorde vragen", "unanswered"),
)
TOTAL_ROWS = ACTIVITY_COLUMNS + (
    Column("Verzoeken om een medewerker", "handover_requested"), Column("Live overdrachten", "handover_live"),
    Column("Terugbelverzoeken", "handover_queued"), Column("Overgenomen van de bot", "handover_takeover"),
    Column("Doorverbonden", "handover_transferred"), Column("Niet-opgelost-graad", "unresolved_rate", "rate"),
    Column("Beantwoord per bericht", "answered_share", "rate"),
    Column("Niet begrepen per bericht", "fallback_rate", "rate"),
    Column("Mediane wachttijd tot overname (s)", "median_seconds_to_claim", "seconds"),
    Column("Gemiddelde wachttijd tot overname (s)", "mean_seconds_to_claim", "seconds"),
    Column("Mediane tijd tot eerste antwoord (s)", "median_seconds_to_first_reply", "seconds"),
    Column("Signaal: niet nuttig", "wrong_not_helpful"), Column("Signaal: opnieuw gevraagd", "wrong_rephrased"),
    Column("Signaal: medewerker na antwoord", "wrong_person"),
)
TABLE_NAMES = ("totals", "days", "months", "channels", "teams", "intents", "handovers", "unanswered")


def tables(report: Report) -> list[Table]:
    """Every table of the report, with stable column titles (an empty table keeps its header)."""
    totals = report.totals.model_dump()
    return [
        Table("totals", "Totaal", (Column("Maat", "measure", "text"), Column("Waarde", "value", "seconds")),
              [{"measure": column.title, "value": totals[column.field],
                "format": column.format} for column in TOTAL_ROWS]),
        Table("days", "Dagen", (Column("Dag", "day", "text"),) + ACTIVITY_COLUMNS,
              [row.model_dump() for row in report.days]),
        Table("months", "Maanden", (Column("Maand", "month", "text"),) + ACTIVITY_COLUMNS,
              [row.model_dump() for row in report.months]),
        Table("channels", "Kanalen", (Column("Kanaal", "name", "text"), Column("Code", "channel", "text")) + OUTCOME_COLUMNS,
              [row.model_dump() for row in report.channels]),
        Table("teams", "Teams", (Column("Team", "name", "text"), Column("Code", "team", "text")) + OUTCOME_COLUMNS,
              [row.model_dump() for row in report.teams]),
        Table("intents", "Onderwerpen",
              (Column("Onderwerp", "title", "text"), Column("Code", "intent", "text")) + OUTCOME_COLUMNS + (
                  Column("Antwoorden", "answered"), Column("Nuttig", "helpful"), Column("Niet nuttig", "not_helpful"),
                  Column("Opnieuw gevraagd", "rephrased"), Column("Medewerker na antwoord", "person_after_answer")),
              [row.model_dump() for row in report.intents]),
        Table("handovers", "Overdrachten",
              (Column("Team", "name", "text"), Column("Code", "team", "text"), Column("Live", "live"),
               Column("Terugbellen", "queued"), Column("Overgenomen", "claimed"),
               Column("Van de bot overgenomen", "takeovers"), Column("Doorverbonden naar", "transferred_in"),
               Column("Gemiddelde wachttijd (s)", "mean_seconds_to_claim", "seconds"),
               Column("Mediane wachttijd (s)", "median_seconds_to_claim", "seconds"),
               Column("Mediane tijd tot eerste antwoord (s)", "median_seconds_to_first_reply", "seconds")),
              [row.model_dump() for row in report.handovers]),
        Table("unanswered", "Onbeantwoord",
              (Column("Vraag", "text", "text"), Column("Aantal", "count"), Column("Ook gevraagd als", "examples", "text")),
              [{**group.model_dump(), "examples": " | ".join(group.examples)} for group in report.unanswered]),
    ]


def table_named(report: Report, name: str) -> Table:
    for table in tables(report):
        if table.name == name:
            return table
    raise InvalidInput(f"table must be one of {', '.join(TABLE_NAMES)}.")


def _dutch_number(value: Any, format: Format) -> str:
    """A cell as Dutch Excel reads it: decimal comma, rates as percentages (66,7)."""
    if value is None:
        return ""
    if format == "text":
        return _csv_safe(str(value))
    if format == "rate":
        return f"{value * 100:.1f}".replace(".", ",")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def report_csv(table: Table) -> bytes:
    """One table as CSV for Dutch Excel: UTF-8 with BOM (Excel then reads the accents), `;`
    between cells (Excel's list separator in a Dutch locale), decimal commas, CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.title for column in table.columns])
    for row in table.rows:
        writer.writerow([_dutch_number(row.get(column.field), row.get("format", column.format)
                                       if column.field == "value" else column.format) for column in table.columns])
    return "\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")


def report_xlsx(report: Report) -> bytes:
    """The whole report as an Excel workbook: one sheet per table, numbers as numbers
    (rates as percentages), header row frozen and bold."""
    import xlsxwriter  # here only: the other routes never load it

    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
    formats = {"rate": workbook.add_format({"num_format": "0.0%"}), "seconds": workbook.add_format({"num_format": "0.0"})}
    workbook.set_properties({"title": f"Balie rapportage {report.tenant} {report.date_from} - {report.date_to}"})
    for table in tables(report):
        sheet = workbook.add_worksheet(table.title)
        for index, column in enumerate(table.columns):
            sheet.write_string(0, index, column.title, header)
            sheet.set_column(index, index, 40 if column.format == "text" and index == 0 else 14)
        for number, row in enumerate(table.rows, start=1):
            for index, column in enumerate(table.columns):
                value = row.get(column.field)
                kind = row.get("format", column.format) if column.field == "value" else column.format
                if value is None:
                    continue
                if kind == "text":
                    sheet.write_string(number, index, str(value))
                else:
                    sheet.write_number(number, index, value, formats.get(kind))
        sheet.freeze_panes(1, 0)
    workbook.close()
    return out.getvalue()


def _csv_safe(text: str) -> str:
    # Resident text opened in a spreadsheet must not run as a formula. A lone "-" (the code of "no
    # topic") is none: escaped, Excel showed it as "'-".
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and text != "-" else text


# ---- the anonymised export for the shared knowledge base --------------------------


class Proposal(Model):
    text: str
    count: int
    tenants: int  # how many municipalities asked it (no names)
    examples: list[str] = Field(default_factory=list)
    closest_intents: list[str] = Field(default_factory=list)  # the matcher's nearest guesses


class Proposals(Model):
    date_from: str = Field(serialization_alias="from")
    date_to: str = Field(serialization_alias="to")
    tenants: int
    proposals: list[Proposal]
    dropped: int = 0  # questions left out because they could not be cleaned for sharing


def anonymiser(names: Sequence[str]) -> Callable[[str], str]:
    """Redaction plus every given municipality name, slug and domain -> "[GEMEENTE]"."""
    words = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:gemeente\s+)?(?:" + "|".join(re.escape(w) for w in words) + r")\b",
                         re.IGNORECASE) if words else None

    def clean(text: str) -> str:
        text = privacy.redact(text)
        return pattern.sub("[GEMEENTE]", text) if pattern else text

    return clean


def unanswered_proposals(store: ConversationStore, tenants: Sequence[Any], first: date, last: date,
                         closest: Callable[[str], list[str]] | None = None,
                         cutoff: float = SIMILARITY_CUTOFF,
                         strict: Callable[[str], str | None] | None = None) -> Proposals:
    """Unanswered questions of the tenants that opted in (`share_unanswered`),
    anonymised (redacted again, municipality names removed), deduplicated and
    grouped, as proposals for new example phrasings. `tenants` are
    `core.kb.models.Tenant`s; the others are skipped here, not by the caller.
    `strict` cleans further and returns None for a question that cannot be shared."""
    sharing = [t for t in tenants if getattr(t, "share_unanswered", False)]
    names: list[str] = []
    for tenant in tenants:  # every tenant's name: one municipality may mention another
        domain = str(getattr(tenant, "domain", "") or "")
        names += [tenant.name, tenant.slug, domain, domain.removeprefix("www."),
                  re.sub(r"^(gemeente|municipality of)\s+", "", tenant.name, flags=re.IGNORECASE)]
    clean = anonymiser(names)
    texts: list[str] = []
    asked_by: dict[str, set[int]] = {}
    dropped = 0
    for index, tenant in enumerate(sharing):
        for text in store.unanswered_questions(tenant.slug, first, last, MAX_QUESTIONS):
            cleaned = clean(text)
            if strict is not None:
                cleaned = strict(cleaned)
                if cleaned is None:
                    dropped += 1
                    continue
            texts.append(cleaned)
            asked_by.setdefault(normalise_question(cleaned), set()).add(index)
    proposals = []
    for wordings in _cluster(texts, cutoff, clean=lambda text: text):
        askers = set().union(*(asked_by.get(normalise_question(text), set()) for text, _ in wordings))
        text = wordings[0][0]
        proposals.append(Proposal(
            text=text, count=sum(n for _, n in wordings), tenants=len(askers),
            examples=[other for other, _ in wordings[1 : MAX_GROUP_EXAMPLES + 1]],
            closest_intents=closest(text) if closest else [],
        ))
    return Proposals(date_from=first.isoformat(), date_to=last.isoformat(), tenants=len(sharing), proposals=proposals,
                     dropped=dropped)


def report_for(store: ConversationStore, tenant: str, date_from: str | None, date_to: str | None,
               today: date, names: Names = NO_NAMES) -> Report:
    """The staff report use case: validate the range, then build the tenant's report."""
    first, last = parse_range(date_from, date_to, today)
    return build_report(store, tenant, first, last, names)


# ---- the editors' "niet nuttig" queue --------------------------------------------------

QUEUE_LIMIT = 200
QUEUE_STATUSES = ("open", "reviewed", "all")


def not_helpful_queue(store: ConversationStore, tenant: str, first: date, last: date, status: str | None,
                      names: Names = NO_NAMES) -> list[NotHelpfulItem]:
    """Answers residents called "niet nuttig" in the range, newest first: the question, the
    answer shown, the intent (with its title) so an editor can improve it; `status`
    open (not reviewed yet, the default), reviewed or all."""
    wanted = status or "open"
    if wanted not in QUEUE_STATUSES:
        raise InvalidInput("status must be 'open', 'reviewed' or 'all'.")
    found = store.not_helpful(tenant, first, last, QUEUE_LIMIT)
    if wanted != "all":
        found = [item for item in found if (item.reviewed_at is None) == (wanted == "open")]
    for item in found:
        item.title = names.intent(item.intent)
    return found

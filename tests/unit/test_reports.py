"""core.reports: the range rules, the report built from daily aggregates, the
grouping of unanswered questions, CSV, and the anonymised export."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from rapidfuzz import fuzz

from core.errors import InvalidInput
from core.memory import InMemoryConversationStore
from core.clock import FixedClock
from core.models import Channel, Conversation, DailyCounters
from core.report_counters import DAY_ROW_COUNTERS
from core.reports import (
    MAX_DAYS,
    SIMILARITY_CUTOFF,
    TABLE_NAMES,
    IntentRow,
    Names,
    build_report,
    group_questions,
    normalise_question,
    parse_range,
    read_aggregates,
    report_csv,
    report_for,
    report_xlsx,
    table_named,
    unanswered_proposals,
)
from handover_support import make_tenant

TODAY = date(2026, 11, 30)
NOON = datetime(2026, 11, 2, 12, 0).astimezone()


def add_day(store: InMemoryConversationStore, tenant: str, day: str, counts: dict[str, int],
            unanswered: list[str] | None = None) -> None:
    """One conversation's write with the day's counters, as a turn or a claim makes it."""
    conversation = Conversation(id=f"{tenant}.{len(counts):032x}{day}", tenant=tenant, channel=Channel.WEB,
                                created_at=NOON, updated_at=NOON)
    store.save(conversation, 0, DailyCounters(tenant=tenant, day=day, counts=counts, unanswered=unanswered or []))


# ---- range ---------------------------------------------------------------------


def test_range_defaults_to_the_last_28_days() -> None:
    assert parse_range(None, None, TODAY) == (date(2026, 11, 3), TODAY)
    assert parse_range(None, "2026-11-10", TODAY) == (date(2026, 10, 14), date(2026, 11, 10))


@pytest.mark.parametrize("first, last, message", [
    ("2026-11-30", "2026-11-01", "after"),
    ("2025-01-01", "2026-11-30", f"at most {MAX_DAYS} days"),
    ("30-11-2026", None, "YYYY-MM-DD"),
    ("2026-02-30", None, "YYYY-MM-DD"),
])
def test_bad_ranges_are_refused_with_a_clear_message(first: str, last: str | None, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_range(first, last, TODAY)


def test_a_range_of_exactly_the_maximum_is_allowed() -> None:
    last = date(2026, 11, 30)
    first = last - timedelta(days=MAX_DAYS - 1)
    assert parse_range(first.isoformat(), last.isoformat(), TODAY) == (first, last)


# ---- the report ----------------------------------------------------------------


def test_report_sums_days_and_computes_shares_per_team_and_intent() -> None:
    store = InMemoryConversationStore()
    add_day(store, "alpha", "2026-11-02", {
        "conversations": 4, "messages_received": 10, "answered": 6, "answered_topic": 5, "fallback": 2,
        "disambiguation": 1, "handover_requested": 1, "handover_live": 1, "handover_live:burgerzaken": 1,
        "outcome:resolved": 2, "outcome:handed_over": 1, "outcome:unresolved": 1,
        "outcome:resolved:channel:web": 1, "outcome:resolved:channel:messenger": 1,
        "outcome:handed_over:channel:whatsapp": 1, "outcome:unresolved:channel:web": 1,
        "outcome:resolved:team:burgerzaken": 2, "outcome:handed_over:team:burgerzaken": 1,
        "outcome:unresolved:team:kcc": 1,
        "outcome:resolved:intent:paspoort": 2, "outcome:handed_over:intent:paspoort": 1,
        "outcome:unresolved:intent:-": 1,
        "intent:paspoort": 4, "intent:afvalkalender": 2,
        "feedback_helpful": 2, "feedback_helpful:paspoort": 2,
        "feedback_not_helpful": 1, "feedback_not_helpful:afvalkalender": 1,
        "wrong_rephrased": 1, "wrong_rephrased:paspoort": 1, "unanswered": 2,
    }, unanswered=["Mag ik een kameel houden?", "mag ik een kameel houden"])
    add_day(store, "alpha", "2026-12-03", {
        "conversations": 1, "messages_received": 2, "answered": 1, "answered_topic": 1, "fallback": 1,
        "outcome:handed_over": 1, "outcome:handed_over:channel:web": 1, "outcome:handed_over:team:kcc": 1,
        "outcome:handed_over:intent:paspoort": 1,
        "handover_requested": 1, "handover_queued": 1, "handover_queued:kcc": 1,
        "handover_claimed": 2, "handover_claimed:burgerzaken": 2,
        "claim_seconds": 300, "claim_seconds:burgerzaken": 300, "intent:paspoort": 1,
        "claim_wait:60": 1, "claim_wait:300": 1, "claim_wait:burgerzaken:60": 1, "claim_wait:burgerzaken:300": 1,
    })
    add_day(store, "beta", "2026-11-02", {"conversations": 50, "messages_received": 99})
    names = Names(intents={"paspoort": "Paspoort"}, teams={"burgerzaken": "Burgerzaken", "kcc": "KCC"})

    report = build_report(store, "alpha", date(2026, 11, 1), date(2026, 12, 31), names)

    totals = report.totals
    assert (totals.conversations, totals.resolved_by_bot, totals.handed_over, totals.unresolved) == (5, 2, 2, 1)
    assert (totals.messages, totals.answered, totals.fallback) == (12, 6, 3)
    assert totals.containment_rate == 0.4 and totals.escalation_rate == 0.4 and totals.unresolved_rate == 0.2
    assert totals.handovers == 2 and totals.unanswered == 2
    assert totals.answered_share == 0.5 and totals.fallback_rate == 0.25
    assert totals.median_seconds_to_claim == 60.0 and totals.mean_seconds_to_claim == 150.0
    assert totals.wrong_rephrased == 1 and totals.wrong_not_helpful == 1
    assert [d.day for d in report.days] == ["2026-11-02", "2026-12-03"]
    assert [(m.month, m.conversations, m.handed_over) for m in report.months] == [("2026-11", 4, 1), ("2026-12", 1, 1)]
    assert report.days[0].messages == 10 and report.days[1].handovers == 1
    assert [(c.channel, c.name, c.conversations, c.resolved_by_bot) for c in report.channels] == [
        ("web", "Website", 3, 1), ("messenger", "Messenger", 1, 1), ("whatsapp", "WhatsApp", 1, 0)]
    assert [(t.team, t.name, t.conversations) for t in report.teams] == [("burgerzaken", "Burgerzaken", 3), ("kcc", "KCC", 2)]
    intents = {row.intent: row for row in report.intents}
    assert (intents["paspoort"].conversations, intents["paspoort"].answered, intents["paspoort"].rephrased) == (4, 5, 1)
    assert intents["-"].title == "(geen onderwerp)" and intents["afvalkalender"].not_helpful == 1
    assert [(i.intent, i.count) for i in report.top_intents] == [("paspoort", 5), ("afvalkalender", 2)]
    teams = {t.team: t for t in report.handovers}
    assert (teams["burgerzaken"].live, teams["burgerzaken"].claimed, teams["burgerzaken"].mean_seconds_to_claim) == (
        1, 2, 150.0)
    assert teams["burgerzaken"].median_seconds_to_claim == 60.0 and teams["burgerzaken"].name == "Burgerzaken"
    assert (teams["kcc"].queued, teams["kcc"].mean_seconds_to_claim) == (1, None)
    assert report.feedback.helpful == 2 and report.feedback.helpful_share == round(2 / 3, 4)
    assert [(g.text, g.count) for g in report.unanswered] == [("mag ik een kameel houden", 2)]  # the newest wording


# ---- whole months from the monthly aggregates ------------------------------------------


def busy_writes(seed: int) -> list[list[DailyCounters]]:
    """Writes as turns and staff make them from 20 Nov 2026 to 10 Feb 2027: several days'
    counters in one write (a class moving on the day the conversation started), negative
    moves, every kind of counter a report reads."""
    import random

    rng = random.Random(seed)
    names = [*DAY_ROW_COUNTERS, "intent:paspoort", "intent:afval", "outcome:resolved:team:kcc",
             "outcome:handed_over:intent:paspoort", "claim_wait:60", "claim_wait:kcc:60", "claim_seconds",
             "wrong_rephrased", "wrong_rephrased:afval", "handover_takeover:kcc", "channel:web"]
    first = date(2026, 11, 20)
    writes = []
    for _ in range(300):
        day = first + timedelta(days=rng.randrange(83))
        write = [DailyCounters(tenant="alpha", day=day.isoformat(),
                               counts={name: rng.randint(1, 3) for name in rng.sample(names, 6)})]
        if rng.random() < 0.3:  # the class moves on an earlier start day
            start = (day - timedelta(days=rng.randrange(3))).isoformat()
            write.append(DailyCounters(tenant="alpha", day=start, counts={"outcome:resolved": -1,
                                                                          "outcome:handed_over": 1}))
        writes.append(write)
    return writes


def stored(writes: list[list[DailyCounters]], clock: datetime) -> InMemoryConversationStore:
    store = InMemoryConversationStore(clock=FixedClock(clock))
    for number, write in enumerate(writes):
        conversation = Conversation(id=f"alpha.{number:032x}", tenant="alpha", channel=Channel.WEB,
                                    created_at=NOON, updated_at=NOON)
        store.save(conversation, 0, write)
    return store


@pytest.mark.parametrize(("first", "last"), [
    (date(2026, 12, 1), date(2027, 1, 31)),  # two whole months
    (date(2026, 11, 20), date(2027, 2, 10)),  # two whole months and days at both edges
    (date(2026, 11, 25), date(2026, 12, 31)),  # a month and days before it
    (date(2026, 12, 3), date(2027, 1, 30)),  # two months mostly inside: each less its days outside
    (date(2026, 12, 3), date(2026, 12, 28)),  # one month less days at both ends
    (date(2026, 11, 28), date(2026, 12, 10)),  # two months mostly outside: days only
])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_report_from_whole_months_equals_the_report_from_their_days(first: date, last: date, seed: int) -> None:
    writes = busy_writes(seed)
    with_months = stored(writes, datetime(2026, 11, 1, 9, 0).astimezone())  # months kept from before the data
    # Months created after all these days: their aggregates are not trusted, the days are read.
    days_only = stored(writes, datetime(2027, 3, 1, 9, 0).astimezone())
    from_months = build_report(with_months, "alpha", first, last)
    assert from_months == build_report(days_only, "alpha", first, last)
    assert from_months.totals.conversations > 0 and len(from_months.days) > 10
    assert [row.month for row in from_months.months] == sorted({row.day[:7] for row in from_months.days})


class CountingStore(InMemoryConversationStore):
    def __init__(self, clock: FixedClock) -> None:
        super().__init__(clock=clock)
        self.days_read: list[tuple[date, date]] = []

    def daily_counters(self, tenant: str, first: date, last: date) -> list[DailyCounters]:
        self.days_read.append((first, last))
        return super().daily_counters(tenant, first, last)


def test_a_year_reads_months_and_only_a_few_days_at_its_edges() -> None:
    store = CountingStore(FixedClock(datetime(2025, 12, 1, 9, 0).astimezone()))
    for day in (date(2025, 12, 2), date(2025, 12, 5), date(2026, 6, 15), date(2026, 12, 4), date(2026, 12, 5)):
        add_day(store, "alpha", day.isoformat(), {"conversations": 1, "outcome:resolved": 1})
    total, months, days = read_aggregates(store, "alpha", date(2025, 12, 5), date(2026, 12, 4))
    # December 2025 from its month less its first four days; December 2026's four days themselves.
    assert store.days_read == [(date(2025, 12, 1), date(2025, 12, 4)), (date(2026, 12, 1), date(2026, 12, 4))]
    assert total["conversations"] == 3 and sorted(months) == ["2025-12", "2026-06", "2026-12"]
    assert sorted(days) == ["2025-12-05", "2026-06-15", "2026-12-04"]


def test_a_month_whose_aggregate_began_after_some_of_its_days_is_read_from_its_days() -> None:
    # Days counted before monthly aggregates existed: the month's item (begun on the 15th) lacks them.
    clock = FixedClock(datetime(2026, 10, 1, 9, 0).astimezone())
    store = CountingStore(clock)
    add_day(store, "alpha", "2026-11-03", {"conversations": 2, "outcome:unresolved": 2})
    store._months.clear()  # as the store was before this change
    clock.moment = datetime(2026, 11, 15, 9, 0).astimezone()
    add_day(store, "alpha", "2026-11-15", {"conversations": 1, "outcome:resolved": 1})
    report = build_report(store, "alpha", date(2026, 11, 1), date(2026, 11, 30))
    assert (report.totals.conversations, report.totals.resolved_by_bot, report.totals.unresolved) == (3, 1, 2)
    assert [row.day for row in report.days] == ["2026-11-03", "2026-11-15"]


def test_a_day_row_reads_only_the_counters_a_month_keeps_per_day() -> None:
    from core.reports import _activity

    every = {name: number for number, name in enumerate([*DAY_ROW_COUNTERS, "intent:x", "claim_seconds",
                                                          "handover_requested", "wrong_person"], start=1)}
    assert _activity(every) == _activity({name: every[name] for name in DAY_ROW_COUNTERS})


def test_an_empty_range_has_no_shares_instead_of_dividing_by_zero() -> None:
    report = report_for(InMemoryConversationStore(), "alpha", "2026-11-01", "2026-11-02", TODAY)
    assert report.days == [] and report.totals.answered_share is None and report.totals.fallback_rate is None
    dumped = report.model_dump(mode="json", by_alias=True)
    assert dumped["from"] == "2026-11-01" and dumped["to"] == "2026-11-02"


# ---- grouping ------------------------------------------------------------------


def test_similar_wordings_are_grouped_and_different_questions_kept_apart() -> None:
    texts = ["hoe laat is de milieustraat open", "Milieustraat open, hoe laat?", "hoe laat is de milieustraat open",
             "paspoort kwijt in het buitenland", "rijbewijs kwijt", "rijbewijs kwijt!"]
    groups = group_questions(texts)
    assert [(g.text, g.count) for g in groups] == [
        ("hoe laat is de milieustraat open", 3), ("rijbewijs kwijt", 2), ("paspoort kwijt in het buitenland", 1)]
    assert groups[0].examples == ["Milieustraat open, hoe laat?"]
    # The cut-off sits between these two scores.
    assert fuzz.token_set_ratio(normalise_question(texts[0]), normalise_question(texts[1])) >= SIMILARITY_CUTOFF
    assert fuzz.token_set_ratio("paspoort kwijt", "rijbewijs kwijt") < SIMILARITY_CUTOFF


def test_grouping_redacts_again() -> None:
    groups = group_questions(["mijn bsn is 111222333 klopt dat", "mail mij op jan@example.nl"])
    shown = " ".join(g.text for g in groups)
    assert "111222333" not in shown and "jan@example.nl" not in shown
    assert "[BSN]" in shown and "[EMAIL]" in shown


# ---- CSV -----------------------------------------------------------------------


def test_csv_is_for_dutch_excel_one_table_per_file_with_stable_headers() -> None:
    store = InMemoryConversationStore()
    add_day(store, "alpha", "2026-11-02", {"conversations": 3, "messages_received": 3, "answered_topic": 2,
                                           "outcome:resolved": 2, "outcome:unresolved": 1, "unanswered": 1},
            unanswered=["=HYPERLINK(\"http://x\")"])
    report = build_report(store, "alpha", date(2026, 11, 1), date(2026, 11, 2))
    raw = report_csv(table_named(report, "days"))
    assert raw.startswith("\ufeff".encode("utf-8")) and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == ["Dag", "Gesprekken", "Opgelost door de bot", "Overgedragen", "Niet opgelost",
                           "Bot-oplosgraad", "Overdrachtsgraad"]
    assert rows[1][:7] == ["2026-11-02", "3", "2", "0", "1", "66,7", "0,0"]  # decimal comma, percentages
    assert len(rows) == 2 and all(len(row) == len(rows[0]) for row in rows)
    unanswered = list(csv.reader(io.StringIO(report_csv(table_named(report, "unanswered")).decode("utf-8-sig")),
                                 delimiter=";"))
    assert unanswered[0] == ["Vraag", "Aantal", "Ook gevraagd als"] and unanswered[1][0].startswith("'=")
    # The "no topic" row's code is a lone "-", no formula: shown as it is (was "'-").
    report.intents = [IntentRow(intent="-", title="(geen onderwerp)", conversations=1, unresolved=1)]
    topics = list(csv.reader(io.StringIO(report_csv(table_named(report, "intents")).decode("utf-8-sig")), delimiter=";"))
    assert topics[-1][1] == "-", topics[-1]
    # An empty table keeps its header; every table has one.
    empty = build_report(InMemoryConversationStore(), "alpha", date(2026, 11, 1), date(2026, 11, 2))
    for name in TABLE_NAMES:
        lines = report_csv(table_named(empty, name)).decode("utf-8-sig").splitlines()
        assert lines and lines[0] == report_csv(table_named(report, name)).decode("utf-8-sig").splitlines()[0]
    with pytest.raises(InvalidInput):
        table_named(report, "everything")


def test_xlsx_is_a_real_workbook_with_a_sheet_per_table() -> None:
    import zipfile

    store = InMemoryConversationStore()
    add_day(store, "alpha", "2026-11-02", {"conversations": 2, "outcome:resolved": 1, "outcome:handed_over": 1})
    data = report_xlsx(build_report(store, "alpha", date(2026, 11, 1), date(2026, 11, 2)))
    with zipfile.ZipFile(io.BytesIO(data)) as workbook:
        names = workbook.namelist()
        assert "xl/workbook.xml" in names and len([n for n in names if n.startswith("xl/worksheets/sheet")]) == 8
        book = workbook.read("xl/workbook.xml").decode()
        assert all(f'name="{title}"' in book for title in ("Totaal", "Dagen", "Maanden", "Onderwerpen"))
        strings = workbook.read("xl/sharedStrings.xml").decode()
        assert "Opgelost door de bot" in strings and "2026-11-02" in strings


# ---- export --------------------------------------------------------------------


def test_export_takes_only_opted_in_tenants_and_removes_their_names() -> None:
    store = InMemoryConversationStore()
    alpha = make_tenant(slug="alpha", name="Gemeente Alpha", domain="www.alpha.example", share_unanswered=True)
    beta = make_tenant(slug="beta", name="Gemeente Beta", domain="www.beta.example", share_unanswered=True)
    gamma = make_tenant(slug="gamma", name="Gemeente Gamma", domain="www.gamma.example", share_unanswered=False)
    add_day(store, "alpha", "2026-11-02", {"fallback": 2},
            unanswered=["Mag ik in Alpha een kameel houden?", "mag ik een kameel houden in gemeente Alpha? bel 0612345678"])
    add_day(store, "beta", "2026-11-02", {"fallback": 1}, unanswered=["mag ik een kameel houden in beta"])
    add_day(store, "gamma", "2026-11-02", {"fallback": 1}, unanswered=["geheime vraag van gamma"])

    found = unanswered_proposals(store, [alpha, beta, gamma], date(2026, 11, 1), date(2026, 11, 30),
                                 closest=lambda text: ["dieren"])

    assert found.tenants == 2
    everything = found.model_dump_json()
    for secret in ("Alpha", "alpha", "beta", "Beta", "gamma", "0612345678"):
        assert secret not in everything
    top = found.proposals[0]
    assert top.count == 3 and top.tenants == 2 and top.closest_intents == ["dieren"]
    assert "[GEMEENTE]" in top.text

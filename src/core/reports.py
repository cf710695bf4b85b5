"""Reports for staff, built only from the daily aggregate items.

Every turn ADDs its counters to the tenant's item of the day (in the same
transaction as the conversation) and stores each unanswered question as its own
small item, so a report over N days is one query for the aggregates plus one
query per day for the unanswered questions: never a scan of conversations.

Definitions (also in README "Metrics and reports"):
- messages: resident messages (`messages_received`); conversations: new ones.
- answered share: answered / messages (the dashboard's "bot-handled share").
- bot-handled share: conversations that did not ask for a person,
  (conversations - handover_requested) / conversations, at least 0.
- fallback rate: fallback ("Dat begrijp ik niet") / messages.
- handovers per team: live requests and tickets (`handover_live:<team>`,
  `handover_queued:<team>`), claims and the mean seconds from request to claim
  (`claim_seconds:<team>` / `handover_claimed:<team>`, added by the staff claim).
- unanswered questions: redacted again, grouped by similarity (rapidfuzz
  token_set_ratio); each group shows its most frequent wording and a count.

The anonymised export of unanswered questions (tenants that set
`share_unanswered`) reuses the grouping: `unanswered_proposals`.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from pydantic import Field
from rapidfuzz import fuzz, process

from . import privacy
from .errors import InvalidInput
from .models import Model
from .ports import ConversationStore

MAX_DAYS = 92  # a quarter: one query per day for unanswered questions keeps a report quick
DEFAULT_DAYS = 28
TOP_INTENTS = 10
TOP_UNANSWERED = 20
# token_set_ratio ignores word order and repeated words; 85 joins "hoe laat open
# milieustraat" with "milieustraat open hoe laat?" but keeps "paspoort kwijt" apart
# from "rijbewijs kwijt" (scores measured in tests/unit/test_reports.py).
SIMILARITY_CUTOFF = 85.0
MAX_GROUP_EXAMPLES = 5
# Questions grouped per report: bounds the clustering work on a bad day (a bot outage).
MAX_QUESTIONS = 5000

_WORDS = re.compile(r"[^\w\[\]]+", re.UNICODE)


class DayRow(Model):
    day: str
    conversations: int = 0
    messages: int = 0
    answered: int = 0
    fallback: int = 0
    disambiguation: int = 0
    handovers: int = 0  # live requests + tickets
    feedback_helpful: int = 0
    feedback_not_helpful: int = 0
    unanswered: int = 0


class Totals(DayRow):
    day: str = "total"
    handover_requested: int = 0
    handover_live: int = 0
    handover_queued: int = 0
    handover_claimed: int = 0
    answered_share: float | None = None
    bot_handled_share: float | None = None
    fallback_rate: float | None = None


class IntentCount(Model):
    intent: str
    count: int


class QuestionGroup(Model):
    text: str  # the most frequent wording of the group (redacted)
    count: int
    examples: list[str] = Field(default_factory=list)  # other wordings, most frequent first


class TeamHandovers(Model):
    team: str
    live: int = 0
    queued: int = 0
    claimed: int = 0
    mean_seconds_to_claim: float | None = None


class FeedbackSummary(Model):
    helpful: int = 0
    not_helpful: int = 0
    helpful_share: float | None = None
    by_intent: list[dict[str, Any]] = Field(default_factory=list)  # {"intent", "helpful", "notHelpful"}


class Report(Model):
    tenant: str
    date_from: str = Field(serialization_alias="from")
    date_to: str = Field(serialization_alias="to")
    totals: Totals
    days: list[DayRow]
    top_intents: list[IntentCount]
    unanswered: list[QuestionGroup]
    handovers: list[TeamHandovers]
    feedback: FeedbackSummary


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


def build_report(store: ConversationStore, tenant: str, first: date, last: date) -> Report:
    days = store.daily_counters(tenant, first, last)
    total: Counter[str] = Counter()
    rows = []
    questions: list[str] = []
    for item in days:
        counts = item.counts
        total.update(counts)
        questions.extend(item.unanswered)
        rows.append(_row(item.day, counts, len(item.unanswered)))
    totals = Totals(
        **_row("total", total, len(questions)).model_dump(),
        handover_requested=total["handover_requested"],
        handover_live=total["handover_live"],
        handover_queued=total["handover_queued"],
        handover_claimed=total["handover_claimed"],
        answered_share=_share(total["answered"], total["messages_received"]),
        bot_handled_share=_share(max(total["conversations"] - total["handover_requested"], 0), total["conversations"]),
        fallback_rate=_share(total["fallback"], total["messages_received"]),
    )
    return Report(
        tenant=tenant,
        date_from=first.isoformat(),
        date_to=last.isoformat(),
        totals=totals,
        days=rows,
        top_intents=[IntentCount(intent=name, count=n) for name, n in _prefixed(total, "intent")[:TOP_INTENTS]],
        unanswered=group_questions(questions)[:TOP_UNANSWERED],
        handovers=_teams(total),
        feedback=_feedback(total),
    )


def _row(day: str, counts: dict[str, int], unanswered: int) -> DayRow:
    return DayRow(
        day=day,
        conversations=counts.get("conversations", 0),
        messages=counts.get("messages_received", 0),
        answered=counts.get("answered", 0),
        fallback=counts.get("fallback", 0),
        disambiguation=counts.get("disambiguation", 0),
        handovers=counts.get("handover_live", 0) + counts.get("handover_queued", 0),
        feedback_helpful=counts.get("feedback_helpful", 0),
        feedback_not_helpful=counts.get("feedback_not_helpful", 0),
        unanswered=unanswered,
    )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _prefixed(counts: Counter[str], prefix: str) -> list[tuple[str, int]]:
    """`<prefix>:<key>` counters as (key, count), largest first, then by key."""
    found = [(name.split(":", 1)[1], n) for name, n in counts.items() if name.startswith(prefix + ":") and n]
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))


def _teams(total: Counter[str]) -> list[TeamHandovers]:
    per_team: dict[str, TeamHandovers] = {}
    for field_name, prefix in (("live", "handover_live"), ("queued", "handover_queued"), ("claimed", "handover_claimed")):
        for team, n in _prefixed(total, prefix):
            setattr(per_team.setdefault(team, TeamHandovers(team=team)), field_name, n)
    for team, row in per_team.items():
        if row.claimed:
            row.mean_seconds_to_claim = round(total[f"claim_seconds:{team}"] / row.claimed, 1)
    return sorted(per_team.values(), key=lambda row: (-(row.live + row.queued), row.team))


def _feedback(total: Counter[str]) -> FeedbackSummary:
    helpful = dict(_prefixed(total, "feedback_helpful"))
    not_helpful = dict(_prefixed(total, "feedback_not_helpful"))
    intents = sorted(set(helpful) | set(not_helpful), key=lambda i: (-(helpful.get(i, 0) + not_helpful.get(i, 0)), i))
    return FeedbackSummary(
        helpful=total["feedback_helpful"],
        not_helpful=total["feedback_not_helpful"],
        helpful_share=_share(total["feedback_helpful"], total["feedback_helpful"] + total["feedback_not_helpful"]),
        by_intent=[{"intent": i, "helpful": helpful.get(i, 0), "notHelpful": not_helpful.get(i, 0)} for i in intents],
    )


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
    for text in list(texts)[:MAX_QUESTIONS]:
        cleaned = clean(text).strip()
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


# ---- CSV -------------------------------------------------------------------------


def report_csv(report: Report) -> str:
    """The report as one CSV sheet: a `section` column names each block."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["section", "key", "conversations", "messages", "answered", "fallback", "disambiguation",
                     "handovers", "feedback_helpful", "feedback_not_helpful", "unanswered"])
    for row in [*report.days, report.totals]:
        writer.writerow(["day", row.day, row.conversations, row.messages, row.answered, row.fallback,
                         row.disambiguation, row.handovers, row.feedback_helpful, row.feedback_not_helpful,
                         row.unanswered])
    totals = report.totals
    writer.writerow([])
    writer.writerow(["section", "key", "value"])
    for name in ("answered_share", "bot_handled_share", "fallback_rate"):
        value = getattr(totals, name)
        writer.writerow(["share", name, "" if value is None else value])
    for item in report.top_intents:
        writer.writerow(["intent", item.intent, item.count])
    for group in report.unanswered:
        writer.writerow(["unanswered", _csv_safe(group.text), group.count])
    writer.writerow([])
    writer.writerow(["section", "team", "live", "queued", "claimed", "mean_seconds_to_claim"])
    for team in report.handovers:
        writer.writerow(["handovers", team.team, team.live, team.queued, team.claimed,
                         "" if team.mean_seconds_to_claim is None else team.mean_seconds_to_claim])
    writer.writerow([])
    writer.writerow(["section", "intent", "helpful", "not_helpful"])
    for item in report.feedback.by_intent:
        writer.writerow(["feedback", item["intent"], item["helpful"], item["notHelpful"]])
    return out.getvalue()


def _csv_safe(text: str) -> str:
    # Resident text opened in a spreadsheet must not run as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


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
        for day in store.daily_counters(tenant.slug, first, last):
            for text in day.unanswered:
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
               today: date) -> Report:
    """The staff report use case: validate the range, then build the tenant's report."""
    first, last = parse_range(date_from, date_to, today)
    return build_report(store, tenant, first, last)

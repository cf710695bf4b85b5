"""The daily counters behind the reports that are more than a count of events.

Each conversation is exactly one of three classes in the reports:

- `resolved`: the bot gave at least one real answer (a topic, a follow-up, a detail, a
  completed guided flow; not a greeting, a fallback, "Bedoelt u...?" or an offer), the
  conversation did not end in "niet nuttig", and no crisis help was given;
- `handed_over`: a person was asked for and the request reached staff (a live handover,
  waiting, live or closed, or a callback ticket);
- `unresolved`: everything else (only fallbacks, ended in "niet nuttig", crisis help without
  a person, a greeting and nothing more, a handover that expired with no ticket).

A conversation's class changes over its life (answered, then handed over the next turn).
It is counted once, on the day the conversation started, under `outcome:<class>` and per
channel, team and intent (`outcome:<class>:channel:<channel>` ...). `settle` compares the
class with what the aggregates hold (`OutcomeEvidence.counted`) and returns the moves (-1
from the old keys, +1 to the new), which the caller writes in the same transaction as the
conversation: the sums per day always equal the conversations of that day, and no report
needs to read a conversation.

Wrong-answer signals, counted on the day they happen per answered intent:
`wrong_rephrased[:<intent>]` (the next typed message right after an answer says the same
again in other words, or gets the same answer again) and `wrong_person[:<intent>]` (a person
asked for right after an answer); "niet nuttig" is `feedback_not_helpful:<intent>`.

Waiting times (a person claims a live handover: `claim`; staff's first message in it:
`first_reply`) are sums and histograms (`<name>_wait:<bucket>`, `<name>_wait:<team>:<bucket>`,
bucket = upper bound in seconds or `inf`), so a report can give a median from daily
aggregates alone; `median_seconds` interpolates within the median's bucket.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Protocol

from . import privacy
from .models import Conversation, CountedOutcome, DailyCounters, MonthlyCounters, NotHelpfulAnswer, Outcome, Role
from .opening_hours import AMSTERDAM

RESOLVED: Outcome = "resolved"
HANDED_OVER: Outcome = "handed_over"
UNRESOLVED: Outcome = "unresolved"
OUTCOMES: tuple[Outcome, ...] = (RESOLVED, HANDED_OVER, UNRESOLVED)
NO_TOPIC = "-"
DIMENSIONS = ("channel", "team", "intent")
# Two questions this alike (rapidfuzz token_set_ratio on normalised words) say the same thing:
# "paspoort aanvragen" / "hoe vraag ik een paspoort aan" (83), not "paspoort" / "rijbewijs" (24).
REPHRASE_SIMILARITY = 70.0
WAIT_BUCKETS = (30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200)  # upper bounds, seconds; then "inf"
# What a report's row of one day reads (core.reports._activity); a month's aggregate keeps
# these per day, so a year's day rows come from twelve items.
DAY_ROW_COUNTERS = (
    "conversations", "outcome:resolved", "outcome:handed_over", "outcome:unresolved", "messages_received",
    "answered_topic", "fallback", "disambiguation", "crisis", "handover_live", "handover_queued",
    "handover_claimed", "feedback_helpful", "feedback_not_helpful", "unanswered",
)
MAX_QUEUE_TEXT = 1000  # characters of a question or answer kept in the "niet nuttig" queue
_WORDS = re.compile(r"[^\w]+", re.UNICODE)


class _Intent(Protocol):
    team: str | None


class _Tenant(Protocol):
    teams: Mapping[str, Any]
    default_team: str


class _Knowledge(Protocol):
    tenant: _Tenant
    intents: Mapping[str, Any]


# ---- a conversation's class ------------------------------------------------------------


def classify(conversation: Conversation) -> Outcome:
    if conversation.handover is not None:
        return HANDED_OVER  # waiting, live, queued or closed: the request reached staff
    evidence = conversation.outcome
    if evidence.answers and not evidence.not_helpful and not evidence.crisis:
        return RESOLVED
    return UNRESOLVED


def topic_team(knowledge: _Knowledge, topic: str | None) -> str:
    """The team a topic belongs to (the tenant's default team without a topic)."""
    intent = knowledge.intents.get(topic or "")
    team = getattr(intent, "team", None)
    return team if team in knowledge.tenant.teams else knowledge.tenant.default_team


def outcome_keys(counted: CountedOutcome) -> list[str]:
    base = f"outcome:{counted.outcome}"
    return [base, f"{base}:channel:{counted.channel}", f"{base}:team:{counted.team}",
            f"{base}:intent:{counted.intent}"]


def settle(conversation: Conversation, knowledge: _Knowledge) -> DailyCounters | None:
    """Bring the aggregates in line with the conversation's class: the counter moves on
    the day the conversation started (None when nothing changed). Updates
    `conversation.outcome.counted`, so call it on the copy that is written."""
    outcome = classify(conversation)
    topic = conversation.state.topic
    handover = conversation.handover
    team = handover.team if outcome == HANDED_OVER and handover is not None else topic_team(knowledge, topic)
    before = conversation.outcome.counted
    day = before.day if before is not None else conversation.created_at.astimezone(AMSTERDAM).date().isoformat()
    now = CountedOutcome(day=day, outcome=outcome, channel=conversation.channel.value, team=team,
                         intent=topic or NO_TOPIC)
    if now == before:
        return None
    moves: Counter[str] = Counter(outcome_keys(now))
    if before is not None:
        moves.subtract(outcome_keys(before))
    conversation.outcome.counted = now
    changed = {name: amount for name, amount in moves.items() if amount}
    return DailyCounters(tenant=conversation.tenant, day=day, counts=changed) if changed else None


# ---- what one turn tells ---------------------------------------------------------------


def observe_turn(conversation: Conversation, counts: Mapping[str, int], *, answered: str | None,
                 typed: str | None) -> dict[str, int]:
    """Update the conversation's evidence with one resident turn and return the signal
    counters it adds. `counts`: the turn's counters; `answered`: the topic the bot
    answered in this turn (None: no real answer); `typed`: the resident's typed text
    (None for a button). Call before the turn's own entries are appended."""
    evidence = conversation.outcome
    signals: Counter[str] = Counter()
    after = evidence.last_answer
    if after is not None and not counts.get("feedback_helpful") and not counts.get("feedback_not_helpful"):
        if counts.get("handover_requested"):
            signals.update(["wrong_person", f"wrong_person:{after}"])
        elif typed and not counts.get("followup") and _repeats(conversation, typed, after, answered):
            signals.update(["wrong_rephrased", f"wrong_rephrased:{after}"])
    if counts.get("crisis"):
        evidence.crisis = True
    if counts.get("feedback_not_helpful"):
        evidence.not_helpful = True
    if answered is not None:
        evidence.answers += 1
        evidence.not_helpful = False  # a later answer is what the conversation ended with
        signals["answered_topic"] += 1
    evidence.last_answer = answered
    return dict(signals)


def _repeats(conversation: Conversation, typed: str, previous_topic: str, answered: str | None) -> bool:
    """The resident says again what they asked just before: the same answer again, or
    a question in largely the same words."""
    if answered == previous_topic:
        return True
    previous = next((e.text for e in reversed(conversation.transcript) if e.role == Role.RESIDENT), None)
    if not previous:
        return False
    from rapidfuzz import fuzz  # here: the staff API imports this module for the wait counters only

    return fuzz.token_set_ratio(_normalise(previous), _normalise(typed)) >= REPHRASE_SIMILARITY


def _normalise(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


# ---- waiting times ---------------------------------------------------------------------


def wait_bucket(seconds: float) -> str:
    for bound in WAIT_BUCKETS:
        if seconds <= bound:
            return str(bound)
    return "inf"


def wait_counters(count: str, prefix: str, team: str, started: datetime, moment: datetime) -> dict[str, int]:
    """`<count>` (events), `<prefix>_seconds` (their sum, for the mean) and the histogram
    `<prefix>_wait:<bucket>` (for the median), in total and for `team`."""
    waited = max(int((moment - started).total_seconds()), 0)
    bucket = wait_bucket(waited)
    return {
        count: 1, f"{count}:{team}": 1,
        f"{prefix}_seconds": waited, f"{prefix}_seconds:{team}": waited,
        f"{prefix}_wait:{bucket}": 1, f"{prefix}_wait:{team}:{bucket}": 1,
    }


def median_seconds(histogram: Mapping[str, int], seconds: int | None = None) -> float | None:
    """The median of a wait histogram ({bucket: count}), interpolated linearly within its
    bucket (the last, open bucket reports its lower bound). `seconds`, the waits' sum, bounds
    it: at least half the waits are at or above the median and none is negative, so the
    median is at most twice the mean (waits of 0 s all fell in the 0-30 s bucket, whose
    middle, 15 s, staff read beside a mean of 0)."""
    total = sum(histogram.values())
    if total <= 0:
        return None
    ceiling = 2 * seconds / total if seconds is not None else float("inf")
    half = total / 2
    seen = 0
    lower = 0.0
    for bound in [*WAIT_BUCKETS, None]:
        key = "inf" if bound is None else str(bound)
        count = histogram.get(key, 0)
        if count and seen + count >= half:
            if bound is None:
                return min(lower, ceiling)
            return round(min(lower + (bound - lower) * (half - seen) / count, ceiling), 1)
        seen += count
        lower = float(bound) if bound is not None else lower
    return min(lower, ceiling)


def histogram(counts: Mapping[str, int], prefix: str) -> dict[str, int]:
    """{bucket: count} of the counters `<prefix><bucket>`."""
    found: dict[str, int] = {}
    for name, amount in counts.items():
        if name.startswith(prefix):
            bucket = name[len(prefix):]
            if bucket == "inf" or bucket.isdigit():
                found[bucket] = found.get(bucket, 0) + amount
    return found


def merged(counters: Iterable[DailyCounters]) -> list[DailyCounters]:
    """Counters of the same tenant and day added together (one update per item and
    transaction), zero amounts dropped; order of first appearance."""
    by_day: dict[tuple[str, str], DailyCounters] = {}
    for item in counters:
        key = (item.tenant, item.day)
        into = by_day.get(key)
        if into is None:
            by_day[key] = item.model_copy(deep=True)
            continue
        for name, amount in item.counts.items():
            into.counts[name] = into.counts.get(name, 0) + amount
        into.unanswered.extend(item.unanswered)
        into.not_helpful.extend(item.not_helpful)
        into.unanswered_limit = max(into.unanswered_limit, item.unanswered_limit)
    for item in by_day.values():
        item.counts = {name: amount for name, amount in item.counts.items() if amount}
    return list(by_day.values())


def monthly(days: Iterable[DailyCounters], today: str) -> list[MonthlyCounters]:
    """A write's increments to the months of its days (`merged` days: one per tenant and
    day): the counts summed per month, the day-row counters per day; `since` = `today`,
    which the store keeps only when it creates the month's aggregate. Order of first
    appearance; months whose increments cancel out are left out."""
    by_month: dict[tuple[str, str], MonthlyCounters] = {}
    for day in days:
        key = (day.tenant, day.day[:7])
        month = by_month.setdefault(key, MonthlyCounters(tenant=day.tenant, month=key[1], since=today))
        for name, amount in day.counts.items():
            month.counts[name] = month.counts.get(name, 0) + amount
        row = {name: day.counts[name] for name in DAY_ROW_COUNTERS if day.counts.get(name)}
        if row:
            into = month.days.setdefault(day.day, {})
            for name, amount in row.items():
                into[name] = into.get(name, 0) + amount
    for month in by_month.values():
        month.counts = {name: amount for name, amount in month.counts.items() if amount}
    return [month for month in by_month.values() if month.counts]


# ---- the editors' "niet nuttig" queue ---------------------------------------------------


def not_helpful_answer(conversation: Conversation, intent: str) -> NotHelpfulAnswer:
    """The question and the answer a "niet nuttig" is about: the last reply about `intent`
    in the transcript (before this turn's entries are appended). The answer shown is the
    longest message of that reply that is neither the introduction the first reply opens
    with nor the question with the feedback buttons."""
    entries = conversation.transcript
    last_bot = next((i for i in range(len(entries) - 1, -1, -1)
                     if entries[i].role == Role.BOT and entries[i].intent == intent), None)
    if last_bot is None:
        return NotHelpfulAnswer(intent=intent)
    start = last_bot
    while start > 0 and entries[start - 1].role == Role.BOT:
        start -= 1
    reply = [entry for entry in entries[start:last_bot + 1] if entry.intent == intent]
    first_bot = next((entry for entry in entries if entry.role == Role.BOT), None)
    content = [entry for entry in reply if entry is not first_bot
               and not any(button.payload.startswith("feedback:") for button in entry.buttons)]
    question = entries[start - 1].text if start > 0 and entries[start - 1].role == Role.RESIDENT else None
    answer = max((entry.text for entry in content or reply), key=len, default=None)
    return NotHelpfulAnswer(
        intent=intent,
        question=privacy.redact(question)[:MAX_QUEUE_TEXT] if question else None,
        answer=privacy.redact(answer)[:MAX_QUEUE_TEXT] if answer else None,
    )

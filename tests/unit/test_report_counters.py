"""The daily counters reports rely on: a turn that starts a live handover or
queues a ticket counts it once per team, and a staff claim adds the claim and
the seconds it waited, in the same write as the conversation."""
from __future__ import annotations

from core.kb.static import StaticKnowledge
from core.staff import StaffIdentity, StaffService
from test_engine import SATURDAY_EVENING, Harness, compiled, make_harness  # noqa: F401 (fixture)

STAFF = StaffIdentity("anna", "alpha", None)


def staff(chat: Harness, compiled_kb) -> StaffService:
    return StaffService(store=chat.store, knowledge=StaticKnowledge(compiled_kb.values()), tickets=chat.tickets,
                        clock=chat.clock)


def test_a_live_handover_is_counted_once_and_its_claim_adds_the_wait(compiled) -> None:  # noqa: F811
    chat = make_harness(compiled)
    reply = chat.say("ik wil een medewerker spreken")
    team = reply.handover.team
    chat.say("hallo?")  # the bot is silent while waiting; no second count
    counts = chat.counts()
    assert counts["handover_live"] == 1 and counts[f"handover_live:{team}"] == 1
    assert "handover_queued" not in counts

    chat.clock.advance(seconds=90)
    service = staff(chat, compiled)
    service.claim(STAFF, chat.conversation_id)
    service.claim(STAFF, chat.conversation_id)  # claiming twice is harmless and counts once
    counts = chat.counts()
    assert counts["handover_claimed"] == 1 and counts[f"handover_claimed:{team}"] == 1
    assert counts["claim_seconds"] == 90 and counts[f"claim_seconds:{team}"] == 90


def test_an_out_of_hours_ticket_is_counted_as_queued(compiled) -> None:  # noqa: F811
    chat = make_harness(compiled, SATURDAY_EVENING)
    chat.say("ik wil een medewerker spreken")
    chat.say("ja")
    assert "handover_queued" not in chat.counts()  # consent alone is no ticket yet
    reply = chat.say("bel mij op 06 12345678")
    assert reply.handover.status == "queued"
    counts = chat.counts()
    assert counts["handover_queued"] == 1 and counts[f"handover_queued:{reply.handover.team}"] == 1
    assert "handover_live" not in counts


# ---- each conversation in exactly one class (core.report_counters) ---------------------------

from datetime import date, timedelta  # noqa: E402

from core.dialogue.handover import expire_unclaimed  # noqa: E402
from core.report_counters import median_seconds, wait_bucket  # noqa: E402
from test_engine import MONDAY_MORNING, make_harness  # noqa: E402


def outcome_counts(chat: Harness, day: date | None = None) -> dict[str, int]:
    day = day or chat.clock().date()
    found = chat.store.daily_counters("alpha", day, day)
    counts = found[0].counts if found else {}
    return {name: n for name, n in counts.items() if name.startswith("outcome:") and name.count(":") == 1 and n}


def test_a_conversation_counts_once_in_the_class_it_ends_in(compiled) -> None:  # noqa: F811
    chat = make_harness(compiled)
    chat.say("paspoort")
    assert outcome_counts(chat) == {"outcome:resolved": 1}
    chat.say("ik wil een medewerker spreken")  # answered, then handed over: moved, not added
    counts = chat.counts()
    assert outcome_counts(chat) == {"outcome:handed_over": 1}
    assert counts["outcome:handed_over:intent:paspoort"] == 1 and not counts.get("outcome:resolved:intent:paspoort")
    assert counts["wrong_person"] == 1 and counts["wrong_person:paspoort"] == 1  # a person right after an answer


def test_fallbacks_only_and_not_helpful_are_unresolved_and_a_later_answer_resolves(compiled) -> None:  # noqa: F811
    chat = make_harness(compiled)
    chat.say("blorp fnord kwibus zanzibar")
    assert outcome_counts(chat) == {"outcome:unresolved": 1}
    other = make_harness(compiled)
    other.store = chat.store  # one store, two conversations
    other.engine.store = chat.store
    other.say("paspoort")
    other.press("feedback:no", "👎 Nee")
    assert outcome_counts(chat) == {"outcome:unresolved": 2}
    assert chat.store.not_helpful("alpha", chat.clock().date(), chat.clock().date(), 10)[0].intent == "paspoort"
    assert other.say("parkeervergunning aanvragen").intent == "parkeervergunning"  # a new answer after "niet nuttig": it ended answered
    assert outcome_counts(chat) == {"outcome:unresolved": 1, "outcome:resolved": 1}


def test_crisis_help_is_never_resolved_by_the_bot(compiled) -> None:  # noqa: F811
    chat = make_harness(compiled)
    chat.say("paspoort")
    chat.say("ik wil niet meer leven")
    assert outcome_counts(chat) == {"outcome:unresolved": 1} and chat.counts()["crisis"] == 1


def test_rephrasing_right_after_an_answer_is_a_signal(compiled) -> None:  # noqa: F811
    chat = make_harness(compiled)
    chat.say("paspoort aanvragen")
    chat.say("paspoort aanvragen hoe dan")
    counts = chat.counts()
    assert counts.get("wrong_rephrased:paspoort") == 1
    fresh = make_harness(compiled)
    fresh.say("paspoort aanvragen")
    fresh.say("wat kost dat?")  # a follow-up is no rephrasing
    assert "wrong_rephrased" not in fresh.counts()


def test_an_expired_wait_moves_back_and_a_conversation_of_yesterday_moves_on_its_own_day(compiled) -> None:  # noqa: F811
    chat = make_harness(compiled)
    chat.say("ik wil een medewerker spreken")
    assert outcome_counts(chat) == {"outcome:handed_over": 1}
    requested = chat.conversation().handover.requested_at
    chat.clock.advance(minutes=15)
    expire_unclaimed(chat.store, chat.engine.knowledge, "alpha", chat.conversation_id, requested, chat.clock())
    assert outcome_counts(chat) == {"outcome:unresolved": 1}  # nobody came and no ticket (yet)
    monday = chat.clock().date()
    chat.clock.advance(days=1)
    chat.say("paspoort")  # Tuesday: answered now; counted on Monday, the day it started
    assert outcome_counts(chat, monday) == {"outcome:resolved": 1}
    assert outcome_counts(chat) == {} and chat.counts()["messages_received"] == 1


def test_wait_histograms_give_a_median_within_the_bucket() -> None:
    assert [wait_bucket(s) for s in (0, 30, 31, 7200, 7201)] == ["30", "30", "60", "7200", "inf"]
    assert median_seconds({}) is None
    assert median_seconds({"60": 2}) == 45.0  # the middle of 30-60 s
    assert median_seconds({"30": 1, "120": 1, "300": 1}) == 90.0
    assert median_seconds({"inf": 3}) == 7200.0


def test_a_median_wait_is_never_above_twice_the_mean() -> None:
    # Staff claimed at once: every wait 0 s falls in the 0-30 s bucket; not "15 s" beside a mean of 0.
    assert median_seconds({"30": 4}, seconds=0) == 0
    assert median_seconds({"30": 2}, seconds=10) == 10.0  # waits of 4 and 6 s: at most twice the mean 5
    assert median_seconds({"60": 2}, seconds=100) == 45.0  # the bound leaves a plausible interpolation alone
    assert median_seconds({"inf": 3}, seconds=3 * 7300) == 7200.0


def test_a_ticket_summary_has_the_topic_and_the_residents_words_without_boilerplate(compiled) -> None:  # noqa: F811
    from test_engine import SATURDAY_EVENING as CLOSED

    chat = make_harness(compiled, CLOSED)
    chat.say("paspoort")
    chat.press("feedback:no", "👎 Nee")
    chat.say("ik wil een medewerker spreken")
    chat.press("handover:yes", "Ja, graag")
    chat.say("bel mij op 06 12345678")
    [ticket] = chat.tickets.pending("alpha")
    summary = ticket.summary
    assert summary.startswith("Onderwerp: Paspoort")
    assert "Inwoner: paspoort" in summary and "Inwoner: ik wil een medewerker spreken" in summary
    for boilerplate in ("Hallo", "Was dit nuttig", "👎", "Ja, graag", "Bot:"):
        assert boilerplate not in summary, boilerplate
    assert "06 12345678" not in summary  # redacted; the contact is the ticket's own field


def test_the_not_helpful_answer_is_the_answer_not_the_introduction_or_the_feedback_question() -> None:
    from datetime import datetime

    from core.models import Button, Channel, Conversation, Role, TranscriptEntry
    from core.report_counters import not_helpful_answer

    at = datetime.fromisoformat("2026-11-30T10:00:00+01:00")
    entries = [
        (Role.RESIDENT, "Wat kost een rijbewijs?", None, []),
        (Role.BOT, "Hallo! Ik ben de digitale assistent van de gemeente. Ik ben een computerprogramma, geen mens. "
                   "Ik beantwoord vragen over de gemeente.", "rijbewijs", []),
        (Role.BOT, "Een rijbewijs kost 45 euro.", "rijbewijs", []),
        (Role.BOT, "Was dit nuttig?", "rijbewijs", [Button(title="Ja", payload="feedback:yes"),
                                                   Button(title="Nee", payload="feedback:no")]),
    ]
    conversation = Conversation(id="alpha." + "1" * 32, tenant="alpha", channel=Channel.WEB, created_at=at,
                                updated_at=at, transcript=[
                                    TranscriptEntry(seq=n, role=role, at=at, text=text, intent=intent, buttons=buttons)
                                    for n, (role, text, intent, buttons) in enumerate(entries)])
    found = not_helpful_answer(conversation, "rijbewijs")
    assert (found.question, found.answer) == ("Wat kost een rijbewijs?", "Een rijbewijs kost 45 euro.")

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

"""Handover: live in office hours, consent + contact + ticket outside them."""
from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from handover_support import (
    SATURDAY_EVENING,
    TUESDAY_MORNING,
    BrokenTicketQueue,
    RecordingTimeouts,
    conversation,
    make_tenant,
)

from core.clock import FixedClock
from core.handover import (
    FLOW_KEY,
    NO_PAYLOAD,
    YES_PAYLOAD,
    HandoverService,
    expire_unclaimed,
    parse_contact,
    update_conversation,
)
from core.kb.models import Tenant
from core.memory import InMemoryConversationStore, InMemoryTicketQueue
from core.models import Channel, Conversation, HandoverStatus, InboundKind, InboundMessage, Role
from core.opening_hours import AMSTERDAM

def said(text: str, channel: Channel = Channel.WEB, contact: str | None = None) -> InboundMessage:
    return InboundMessage(tenant="voorbeeld", channel=channel, text=text, channel_contact=contact)


def pressed(payload: str) -> InboundMessage:
    return InboundMessage(tenant="voorbeeld", channel=Channel.WEB, kind=InboundKind.BUTTON, payload=payload)


def service(moment: datetime, queue: InMemoryTicketQueue | None = None, timeouts: RecordingTimeouts | None = None):
    clock = FixedClock(moment)
    return (
        HandoverService(tickets=queue or InMemoryTicketQueue(), timeouts=timeouts or RecordingTimeouts(),
                        clock=clock),
        clock,
    )


def knowledge(tenant: Tenant | None = None) -> SimpleNamespace:
    return SimpleNamespace(tenant=tenant or make_tenant())


def test_office_hours_request_waits_for_the_intent_team_and_schedules_the_timeout() -> None:
    timeouts = RecordingTimeouts()
    svc, _ = service(TUESDAY_MORNING, timeouts=timeouts)
    conv = conversation()
    messages = svc.request(conv, knowledge(), team="burgerzaken", reason="asked")
    assert conv.handover is not None and conv.handover.status == HandoverStatus.WAITING
    assert conv.handover.team == "burgerzaken"
    assert timeouts.calls == [("voorbeeld", conv.id, TUESDAY_MORNING, 600)]
    assert "Burgerzaken" in messages[0].text and "10 minuten" in messages[0].text


def test_unknown_or_missing_team_routes_to_the_default_team() -> None:
    svc, _ = service(TUESDAY_MORNING)
    conv = conversation()
    svc.request(conv, knowledge(), team="doesnotexist", reason="asked")
    assert conv.handover is not None and conv.handover.team == "kcc"


def test_timeout_delay_is_capped_at_the_sqs_maximum() -> None:
    timeouts = RecordingTimeouts()
    svc, _ = service(TUESDAY_MORNING, timeouts=timeouts)
    svc.request(conversation(), knowledge(make_tenant(live_handover_limit_minutes=15)), team=None, reason="asked")
    assert timeouts.calls[0][3] == 900


def test_repeated_request_while_waiting_does_not_schedule_twice() -> None:
    timeouts = RecordingTimeouts()
    svc, _ = service(TUESDAY_MORNING, timeouts=timeouts)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    messages = svc.request(conv, knowledge(), team=None, reason="asked")
    assert len(timeouts.calls) == 1
    assert "al" in messages[0].text


def test_saturday_evening_asks_consent_then_contact_and_queues_a_ticket_for_monday() -> None:
    queue = InMemoryTicketQueue()
    svc, _ = service(SATURDAY_EVENING, queue=queue)
    conv = conversation()
    first = svc.request(conv, knowledge(), team=None, reason="asked")
    assert conv.handover is None
    assert conv.state[FLOW_KEY]["step"] == "consent"
    assert "maandag 30 november na 8.30 uur" in first[0].text
    assert [b.payload for b in first[0].buttons] == [YES_PAYLOAD, NO_PAYLOAD]

    asked = svc.continue_dialogue(conv, knowledge(), said("ja graag"))
    assert asked is not None and "telefoonnummer" in asked[0].text
    assert queue.pending("voorbeeld") == []

    done = svc.continue_dialogue(conv, knowledge(), said("bel me op 06 12345678"))
    assert done is not None and "maandag 30 november na 8.30 uur" in done[0].text
    [ticket] = queue.pending("voorbeeld")
    assert ticket.contact == "+31612345678" and ticket.contact_kind == "phone"
    assert ticket.team == "kcc" and ticket.intent == "paspoort"
    assert ticket.expected_contact_at == datetime(2026, 11, 30, 8, 30, tzinfo=AMSTERDAM)
    assert "[BSN]" in ticket.summary and "Inwoner:" in ticket.summary
    assert conv.handover is not None and conv.handover.status == HandoverStatus.QUEUED
    assert conv.handover.ticket_id == ticket.id
    assert conv.contact == "+31612345678"
    assert FLOW_KEY not in conv.state


def test_english_resident_is_told_the_time_in_english() -> None:
    svc, _ = service(SATURDAY_EVENING)
    conv = conversation(language="en")
    svc.request(conv, knowledge(), team=None, reason="asked")
    svc.continue_dialogue(conv, knowledge(), pressed(YES_PAYLOAD))
    done = svc.continue_dialogue(conv, knowledge(), said("you can mail me at jan@example.com"))
    assert done is not None and "Monday 30 November after 8:30" in done[0].text


def test_email_contact_is_accepted() -> None:
    queue = InMemoryTicketQueue()
    svc, _ = service(SATURDAY_EVENING, queue=queue)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    svc.continue_dialogue(conv, knowledge(), pressed(YES_PAYLOAD))
    svc.continue_dialogue(conv, knowledge(), said("jan.jansen@voorbeeld.nl"))
    [ticket] = queue.pending("voorbeeld")
    assert (ticket.contact, ticket.contact_kind) == ("jan.jansen@voorbeeld.nl", "email")


def test_whatsapp_uses_the_known_number_without_asking() -> None:
    queue = InMemoryTicketQueue()
    svc, _ = service(SATURDAY_EVENING, queue=queue)
    conv = conversation(channel=Channel.WHATSAPP)
    first = svc.request(conv, knowledge(), team=None, reason="asked")
    assert "WhatsApp" in first[0].text
    done = svc.continue_dialogue(conv, knowledge(), said("ja", Channel.WHATSAPP, contact="31612345678"))
    assert done is not None
    [ticket] = queue.pending("voorbeeld")
    assert (ticket.contact, ticket.contact_kind, ticket.channel) == ("31612345678", "whatsapp", Channel.WHATSAPP)


def test_invalid_contact_is_asked_again_then_the_offer_ends_with_the_team_phone() -> None:
    queue = InMemoryTicketQueue()
    svc, _ = service(SATURDAY_EVENING, queue=queue)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    svc.continue_dialogue(conv, knowledge(), said("ja"))
    again = svc.continue_dialogue(conv, knowledge(), said("0612"))
    assert again is not None and "herken" in again[0].text
    svc.continue_dialogue(conv, knowledge(), said("geen idee"))
    last = svc.continue_dialogue(conv, knowledge(), said("123"))
    assert last is not None and any("14 0123" in m.text for m in last)
    assert FLOW_KEY not in conv.state and queue.pending("voorbeeld") == []


def test_declining_ends_the_offer_without_a_ticket() -> None:
    queue = InMemoryTicketQueue()
    svc, _ = service(SATURDAY_EVENING, queue=queue)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    reply = svc.continue_dialogue(conv, knowledge(), pressed(NO_PAYLOAD))
    assert reply is not None and conv.handover is None and FLOW_KEY not in conv.state
    assert queue.pending("voorbeeld") == []


def test_another_question_during_consent_goes_back_to_the_engine() -> None:
    svc, _ = service(SATURDAY_EVENING)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    assert svc.continue_dialogue(conv, knowledge(), said("wat kost een paspoort?")) is None
    assert FLOW_KEY not in conv.state


def test_no_dialogue_returns_none() -> None:
    svc, _ = service(SATURDAY_EVENING)
    assert svc.continue_dialogue(conversation(), knowledge(), said("ja")) is None


def test_queue_failure_is_told_honestly_and_nothing_claims_a_ticket() -> None:
    svc, _ = service(SATURDAY_EVENING, queue=BrokenTicketQueue())
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    svc.continue_dialogue(conv, knowledge(), said("ja"))
    reply = svc.continue_dialogue(conv, knowledge(), said("06 12345678"))
    assert reply is not None and "niets opgeslagen" in reply[0].text
    assert conv.handover is None and conv.contact is None and FLOW_KEY not in conv.state


def test_timeout_scheduling_failure_offers_a_callback_instead() -> None:
    svc, _ = service(TUESDAY_MORNING, timeouts=RecordingTimeouts(fail=True))
    conv = conversation()
    messages = svc.request(conv, knowledge(), team=None, reason="asked")
    assert conv.handover is None and conv.state[FLOW_KEY]["step"] == "consent"
    assert "geen medewerker vrij" in messages[0].text


def test_expire_turns_an_unclaimed_wait_into_the_callback_offer() -> None:
    svc, clock = service(TUESDAY_MORNING)
    conv = conversation()
    svc.request(conv, knowledge(), team="burgerzaken", reason="asked")
    clock.advance(minutes=10)
    messages = svc.expire(conv, knowledge(), TUESDAY_MORNING)
    assert messages and conv.handover is None
    assert conv.state[FLOW_KEY]["team"] == "burgerzaken"
    assert conv.transcript[-1].role == Role.BOT and conv.transcript[-1].text == messages[0].text


def test_expire_leaves_a_claimed_or_newer_handover_alone() -> None:
    svc, _ = service(TUESDAY_MORNING)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    assert conv.handover is not None
    conv.handover.status = HandoverStatus.LIVE
    assert svc.expire(conv, knowledge(), TUESDAY_MORNING) == []
    conv.handover.status = HandoverStatus.WAITING
    assert svc.expire(conv, knowledge(), datetime(2026, 12, 1, 9, 0, tzinfo=AMSTERDAM)) == []
    assert conv.handover.status == HandoverStatus.WAITING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06 12345678", ("+31612345678", "phone")),
        ("mijn nummer: 020-1234567", ("+31201234567", "phone")),
        ("+32 470 12 34 56", ("+32470123456", "phone")),
        ("mail naar a.b@c.nl aub", ("a.b@c.nl", "email")),
        ("0612", None),
        ("morgen", None),
    ],
)
def test_parse_contact(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_contact(text) == expected


def test_update_conversation_retries_after_a_concurrent_write() -> None:
    store = InMemoryConversationStore()
    conv = store.save(conversation(), 0)
    calls = []

    def change(c: Conversation) -> int:
        calls.append(c.version)
        if len(calls) == 1:
            # Another writer wins between our read and our write.
            other = store.get(c.tenant, c.id)
            assert other is not None
            store.save(other, other.version)
        c.contact = "x"
        return len(calls)

    saved, result = update_conversation(store, conv.tenant, conv.id, change)
    assert result == 2 and saved.version == 3 and calls == [1, 2]


def test_expire_unclaimed_writes_the_offer_once_and_sends_it_on_whatsapp() -> None:
    store = InMemoryConversationStore()
    svc, clock = service(TUESDAY_MORNING)
    conv = conversation(channel=Channel.WHATSAPP)
    svc.request(conv, knowledge(), team=None, reason="asked")
    store.save(conv, 0)
    repo = SimpleNamespace(get=lambda slug: knowledge())
    sent: list[tuple[str, list[str]]] = []

    def outbound(c: Conversation, messages: list) -> None:
        sent.append((c.id, [m.text for m in messages]))

    clock.advance(minutes=10)
    told = expire_unclaimed(store, repo, svc, "voorbeeld", conv.id, TUESDAY_MORNING, outbound)
    stored = store.get("voorbeeld", conv.id)
    assert told and stored is not None and stored.handover is None
    assert stored.state[FLOW_KEY]["step"] == "consent"
    assert sent == [(conv.id, [told[0].text])]
    # A second delivery of the same timeout message changes nothing.
    assert expire_unclaimed(store, repo, svc, "voorbeeld", conv.id, TUESDAY_MORNING, outbound) == []
    again = store.get("voorbeeld", conv.id)
    assert again is not None and again.version == stored.version


def test_expire_unclaimed_ignores_a_claimed_or_missing_conversation() -> None:
    store = InMemoryConversationStore()
    svc, _ = service(TUESDAY_MORNING)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    assert conv.handover is not None
    conv.handover.status = HandoverStatus.LIVE
    store.save(conv, 0)
    repo = SimpleNamespace(get=lambda slug: knowledge())
    assert expire_unclaimed(store, repo, svc, "voorbeeld", conv.id, TUESDAY_MORNING) == []
    assert expire_unclaimed(store, repo, svc, "voorbeeld", "voorbeeld." + "f" * 32, TUESDAY_MORNING) == []


def test_a_second_request_after_a_ticket_repeats_the_time_but_a_later_day_starts_over() -> None:
    queue = InMemoryTicketQueue()
    svc, clock = service(SATURDAY_EVENING, queue=queue)
    conv = conversation()
    svc.request(conv, knowledge(), team=None, reason="asked")
    svc.continue_dialogue(conv, knowledge(), said("ja"))
    svc.continue_dialogue(conv, knowledge(), said("06 12345678"))
    again = svc.request(conv, knowledge(), team=None, reason="asked")
    assert "al klaar" in again[0].text and "maandag 30 november" in again[0].text
    assert len(queue.pending("voorbeeld")) == 1
    clock.advance(days=3)  # Tuesday evening: the callback day has passed
    later = svc.request(conv, knowledge(), team=None, reason="asked")
    assert conv.state[FLOW_KEY]["step"] == "consent" and "al klaar" not in later[0].text

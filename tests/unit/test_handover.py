"""Handover: live in office hours, the callback flow (consent + contact + ticket)
outside them, its effects, their undoing, and the words of the handover view."""
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

from core.conversations import update_conversation
from core.dialogue import handover
from core.dialogue.context import TurnContext
from core.dialogue.state import CallbackFlow
from core.dialogue.contacts import contact
from core.effects import DispatchFailed, PortEffectDispatcher, QueueTicket, ScheduleHandoverTimeout, effect_id
from core.kb.compiled import TenantKnowledge
from core.kb.models import Tenant
from core.memory import InMemoryConversationStore, InMemoryTicketQueue
from core.models import Channel, Conversation, HandoverStatus, InboundKind, InboundMessage, Role
from core.opening_hours import AMSTERDAM


def knowledge(tenant: Tenant | None = None) -> TenantKnowledge:
    return TenantKnowledge(tenant=tenant or make_tenant(), intents={}, matcher=None)  # type: ignore[arg-type]


def turn(conv: Conversation, moment: datetime, text: str = "", *, payload: str | None = None,
         channel: Channel = Channel.WEB, contact_on_channel: str | None = None,
         tenant: Tenant | None = None) -> TurnContext:
    message = InboundMessage(tenant="voorbeeld", channel=channel, text=text, payload=payload,
                             kind=InboundKind.BUTTON if payload else InboundKind.TEXT,
                             channel_contact=contact_on_channel)
    return TurnContext(conv, knowledge(tenant), message, moment)


def answer(conv: Conversation, moment: datetime, text: str = "", **fields) -> TurnContext:
    """One resident answer inside the callback flow."""
    ctx = turn(conv, moment, text, **fields)
    flow = conv.state.flow
    assert isinstance(flow, CallbackFlow)
    assert handover.continue_callback(ctx, flow)
    return ctx


def texts(ctx: TurnContext) -> str:
    return " | ".join(message.text for message in ctx.messages)


# ---- office hours ---------------------------------------------------------------------------------


def test_office_hours_request_waits_for_the_intent_team_and_schedules_the_timeout_as_an_effect() -> None:
    conv = conversation()
    ctx = turn(conv, TUESDAY_MORNING)
    handover.request(ctx, team="burgerzaken", reason="asked")
    assert conv.handover is not None and conv.handover.status == HandoverStatus.WAITING
    assert conv.handover.team == "burgerzaken" and conv.handover.requested_at == TUESDAY_MORNING
    [effect] = ctx.effects
    assert isinstance(effect, ScheduleHandoverTimeout)
    assert (effect.tenant, effect.conversation_id, effect.requested_at, effect.delay_seconds) == (
        "voorbeeld", conv.id, TUESDAY_MORNING, 600)
    assert effect.id == effect_id(conv.id, "schedule_handover_timeout", TUESDAY_MORNING)
    assert "Burgerzaken" in texts(ctx) and "10 minuten" in texts(ctx)


def test_effect_ids_are_deterministic_per_conversation_kind_and_request() -> None:
    first = effect_id("voorbeeld." + "a" * 32, "queue_ticket", TUESDAY_MORNING)
    assert first == effect_id("voorbeeld." + "a" * 32, "queue_ticket", TUESDAY_MORNING)
    assert first != effect_id("voorbeeld." + "a" * 32, "schedule_handover_timeout", TUESDAY_MORNING)
    assert first != effect_id("voorbeeld." + "b" * 32, "queue_ticket", TUESDAY_MORNING)
    assert len(first) == 32 and int(first, 16) >= 0


def test_unknown_or_missing_team_routes_to_the_default_team() -> None:
    conv = conversation()
    handover.request(turn(conv, TUESDAY_MORNING), team="doesnotexist", reason="asked")
    assert conv.handover is not None and conv.handover.team == "kcc"


def test_timeout_delay_is_capped_at_the_sqs_maximum() -> None:
    ctx = turn(conversation(), TUESDAY_MORNING, tenant=make_tenant(live_handover_limit_minutes=15))
    handover.request(ctx, team=None, reason="asked")
    assert ctx.effects[0].delay_seconds == 900  # type: ignore[union-attr]


def test_repeated_request_while_waiting_schedules_nothing_new() -> None:
    conv = conversation()
    handover.request(turn(conv, TUESDAY_MORNING), team=None, reason="asked")
    again = turn(conv, TUESDAY_MORNING)
    handover.request(again, team=None, reason="asked", urgent=True)
    assert again.effects == [] and "al" in texts(again)
    assert conv.handover is not None and conv.handover.urgent  # crisis help marks a waiting handover urgent


# ---- outside office hours: the callback flow --------------------------------------------------------


def test_saturday_evening_asks_consent_then_contact_and_queues_a_ticket_for_monday() -> None:
    conv = conversation()
    first = turn(conv, SATURDAY_EVENING)
    handover.request(first, team=None, reason="asked")
    assert conv.handover is None and first.effects == []
    assert conv.state.flow == CallbackFlow(team="kcc", reason="asked", step="consent")
    assert "op maandag 30 november vanaf 8.30 uur" in texts(first)
    assert [b.payload for b in first.messages[0].buttons] == [handover.YES, handover.NO]

    asked = answer(conv, SATURDAY_EVENING, "ja graag")
    assert "telefoonnummer" in texts(asked) and asked.effects == []

    done = answer(conv, SATURDAY_EVENING, "bel me op 06 12345678")
    assert "op maandag 30 november vanaf 8.30 uur" in texts(done)
    [effect] = done.effects
    assert isinstance(effect, QueueTicket)
    ticket = effect.ticket
    assert ticket.id == effect.id == effect_id(conv.id, "queue_ticket", SATURDAY_EVENING)
    assert ticket.contact == "+31612345678" and ticket.contact_kind == "phone"
    assert ticket.team == "kcc" and ticket.intent == "paspoort"
    assert ticket.expected_contact_at == datetime(2026, 11, 30, 8, 30, tzinfo=AMSTERDAM)
    assert "[BSN]" in ticket.summary and "Inwoner:" in ticket.summary
    assert conv.handover is not None and conv.handover.status == HandoverStatus.QUEUED
    assert conv.handover.ticket_id == ticket.id and not conv.handover.contact_before
    assert conv.contact == "+31612345678"
    assert conv.state.flow is None


@pytest.mark.parametrize("reply", ["ja, bel me op 06-12345678", "0612345678", "mail naar jan@example.nl graag"])
def test_a_contact_typed_straight_after_the_offer_queues_the_ticket_at_once(reply: str) -> None:
    conv = conversation()
    handover.request(turn(conv, SATURDAY_EVENING), team=None, reason="asked")
    done = answer(conv, SATURDAY_EVENING, reply)
    assert len(done.effects) == 1 and conv.handover is not None and conv.handover.status == HandoverStatus.QUEUED


def test_english_resident_is_told_the_time_in_english() -> None:
    conv = conversation(language="en")
    handover.request(turn(conv, SATURDAY_EVENING), team=None, reason="asked")
    answer(conv, SATURDAY_EVENING, payload=handover.YES)
    done = answer(conv, SATURDAY_EVENING, "you can mail me at jan@example.com")
    assert "on Monday 30 November from 8:30" in texts(done)
    assert done.effects[0].ticket.contact_kind == "email"  # type: ignore[union-attr]


def test_whatsapp_uses_the_known_number_without_asking() -> None:
    conv = conversation(channel=Channel.WHATSAPP)
    first = turn(conv, SATURDAY_EVENING, channel=Channel.WHATSAPP)
    handover.request(first, team=None, reason="asked")
    assert "WhatsApp" in texts(first)
    done = answer(conv, SATURDAY_EVENING, "ja", channel=Channel.WHATSAPP, contact_on_channel="31612345678")
    ticket = done.effects[0].ticket  # type: ignore[union-attr]
    assert (ticket.contact, ticket.contact_kind, ticket.channel) == ("31612345678", "whatsapp", Channel.WHATSAPP)


def test_invalid_contact_is_asked_again_then_the_offer_ends_with_the_team_phone_and_its_hours() -> None:
    conv = conversation()
    handover.request(turn(conv, SATURDAY_EVENING), team=None, reason="asked")
    answer(conv, SATURDAY_EVENING, "ja")
    assert "herken" in texts(answer(conv, SATURDAY_EVENING, "0612"))
    answer(conv, SATURDAY_EVENING, "geen idee")
    last = answer(conv, SATURDAY_EVENING, "123")
    assert "14 0123" in texts(last)
    assert "nu gesloten" in texts(last) and "op maandag 30 november vanaf 8.30 uur" in texts(last)
    assert conv.state.flow is None and last.effects == []


@pytest.mark.parametrize("reply", ["nee", "laat maar", "stop"])
def test_declining_at_night_ends_the_offer_and_says_the_phone_is_closed(reply: str) -> None:
    conv = conversation()
    handover.request(turn(conv, SATURDAY_EVENING), team=None, reason="asked")
    done = answer(conv, SATURDAY_EVENING, reply)
    assert conv.handover is None and conv.state.flow is None and done.effects == []
    assert "De telefoon is nu gesloten" in texts(done) and "14 0123" in texts(done)


def test_declining_in_office_hours_gives_the_phone_with_its_closing_time() -> None:
    conv = conversation()
    conv.state.flow = CallbackFlow(team="kcc")  # e.g. after a live wait timed out
    done = answer(conv, TUESDAY_MORNING, "laat maar")
    assert "Bellen kan vandaag tot 17.00 uur" in texts(done)


def test_another_question_during_consent_lets_the_offer_lapse() -> None:
    conv = conversation()
    handover.request(turn(conv, SATURDAY_EVENING), team=None, reason="asked")
    ctx = turn(conv, SATURDAY_EVENING, "wat kost een paspoort?")
    assert handover.continue_callback(ctx, conv.state.flow) is False  # type: ignore[arg-type]
    assert conv.state.flow is None and ctx.messages == []


def test_a_second_request_after_a_ticket_repeats_the_time_but_a_later_day_starts_over() -> None:
    conv = conversation()
    handover.request(turn(conv, SATURDAY_EVENING), team=None, reason="asked")
    answer(conv, SATURDAY_EVENING, "ja")
    answer(conv, SATURDAY_EVENING, "06 12345678")
    again = turn(conv, SATURDAY_EVENING)
    handover.request(again, team=None, reason="asked")
    assert "al klaar" in texts(again) and "op maandag 30 november" in texts(again) and again.effects == []
    later_day = datetime(2026, 12, 1, 19, 0, tzinfo=AMSTERDAM)  # Tuesday evening: the callback day has passed
    later = turn(conv, later_day)
    handover.request(later, team=None, reason="asked")
    assert isinstance(conv.state.flow, CallbackFlow) and "al klaar" not in texts(later)


# ---- callbacks asked in office hours (a live wait that timed out) ------------------------------------


def test_an_office_hours_callback_is_promised_before_closing_today_never_for_now() -> None:
    conv = conversation()
    handover.request(turn(conv, TUESDAY_MORNING), team="burgerzaken", reason="asked")
    later = datetime(2026, 12, 1, 10, 10, tzinfo=AMSTERDAM)
    offer = handover.expire(conv, knowledge(), TUESDAY_MORNING, later)
    assert offer and "geen medewerker vrij" in offer[0].text
    done = answer(conv, later, "06 12345678")
    assert "vandaag vóór 17.00 uur" in texts(done) and "10.10" not in texts(done)
    ticket = done.effects[0].ticket  # type: ignore[union-attr]
    assert ticket.expected_contact_at == datetime(2026, 12, 1, 17, 0, tzinfo=AMSTERDAM)
    assert conv.handover is not None and conv.handover.contact_before


def test_a_callback_asked_just_before_closing_is_promised_for_the_next_opening() -> None:
    conv = conversation()
    late = datetime(2026, 12, 1, 16, 20, tzinfo=AMSTERDAM)
    conv.state.flow = CallbackFlow(team="kcc")
    done = answer(conv, late, "06 12345678")
    assert "morgen vanaf 8.30 uur" in texts(done)


# ---- the timeout (outside a turn) --------------------------------------------------------------------


def test_expire_turns_an_unclaimed_wait_into_the_callback_offer() -> None:
    conv = conversation()
    handover.request(turn(conv, TUESDAY_MORNING), team="burgerzaken", reason="asked")
    messages = handover.expire(conv, knowledge(), TUESDAY_MORNING, datetime(2026, 12, 1, 10, 10, tzinfo=AMSTERDAM))
    assert messages and conv.handover is None
    assert conv.state.flow == CallbackFlow(team="burgerzaken", reason="asked")
    assert conv.transcript[-1].role == Role.BOT and conv.transcript[-1].text == messages[0].text


def test_expire_leaves_a_claimed_or_newer_handover_alone() -> None:
    conv = conversation()
    handover.request(turn(conv, TUESDAY_MORNING), team=None, reason="asked")
    assert conv.handover is not None
    conv.handover.status = HandoverStatus.LIVE
    assert handover.expire(conv, knowledge(), TUESDAY_MORNING, TUESDAY_MORNING) == []
    conv.handover.status = HandoverStatus.WAITING
    assert handover.expire(conv, knowledge(), datetime(2026, 12, 1, 9, 0, tzinfo=AMSTERDAM), TUESDAY_MORNING) == []
    assert conv.handover.status == HandoverStatus.WAITING


def test_expire_unclaimed_writes_the_offer_once_and_sends_it_on_whatsapp() -> None:
    store = InMemoryConversationStore()
    conv = conversation(channel=Channel.WHATSAPP)
    handover.request(turn(conv, TUESDAY_MORNING, channel=Channel.WHATSAPP), team=None, reason="asked")
    store.save(conv, 0)
    repo = SimpleNamespace(get=lambda slug: knowledge())
    sent: list[tuple[str, list[str]]] = []

    def outbound(c: Conversation, messages: list) -> None:
        sent.append((c.id, [m.text for m in messages]))

    later = datetime(2026, 12, 1, 10, 10, tzinfo=AMSTERDAM)
    told = handover.expire_unclaimed(store, repo, "voorbeeld", conv.id, TUESDAY_MORNING, later, outbound)
    stored = store.get("voorbeeld", conv.id)
    assert told and stored is not None and stored.handover is None
    assert isinstance(stored.state.flow, CallbackFlow) and stored.state.flow.step == "consent"
    assert sent == [(conv.id, [told[0].text])]
    # A second delivery of the same timeout message changes nothing.
    assert handover.expire_unclaimed(store, repo, "voorbeeld", conv.id, TUESDAY_MORNING, later, outbound) == []
    again = store.get("voorbeeld", conv.id)
    assert again is not None and again.version == stored.version


def test_expire_unclaimed_ignores_a_claimed_or_missing_conversation() -> None:
    store = InMemoryConversationStore()
    conv = conversation()
    handover.request(turn(conv, TUESDAY_MORNING), team=None, reason="asked")
    assert conv.handover is not None
    conv.handover.status = HandoverStatus.LIVE
    store.save(conv, 0)
    repo = SimpleNamespace(get=lambda slug: knowledge())
    assert handover.expire_unclaimed(store, repo, "voorbeeld", conv.id, TUESDAY_MORNING, TUESDAY_MORNING) == []
    assert handover.expire_unclaimed(store, repo, "voorbeeld", "voorbeeld." + "f" * 32, TUESDAY_MORNING,
                                     TUESDAY_MORNING) == []


# ---- effects: dispatch and undo ------------------------------------------------------------------------


def test_a_ticket_the_queue_refused_is_withdrawn_honestly() -> None:
    conv = conversation()
    handover.request(turn(conv, SATURDAY_EVENING), team=None, reason="asked")
    answer(conv, SATURDAY_EVENING, "ja")
    done = answer(conv, SATURDAY_EVENING, "06 12345678")
    dispatcher = PortEffectDispatcher(tickets=BrokenTicketQueue(), timeouts=RecordingTimeouts())
    with pytest.raises(DispatchFailed) as failure:
        dispatcher.dispatch(done.effects)
    told = handover.undo(conv, knowledge(), failure.value.failed[0], SATURDAY_EVENING)
    assert told and "geen verzoek" in told[0].text and "14 0123" in told[0].text
    assert conv.handover is None and conv.contact is None and conv.state.flow is None


def test_a_timeout_that_cannot_be_scheduled_becomes_the_callback_offer_at_once() -> None:
    conv = conversation()
    ctx = turn(conv, TUESDAY_MORNING)
    handover.request(ctx, team=None, reason="asked")
    dispatcher = PortEffectDispatcher(tickets=InMemoryTicketQueue(), timeouts=RecordingTimeouts(fail=True))
    with pytest.raises(DispatchFailed) as failure:
        dispatcher.dispatch(ctx.effects)
    told = handover.undo(conv, knowledge(), failure.value.failed[0], TUESDAY_MORNING)
    assert conv.handover is None and isinstance(conv.state.flow, CallbackFlow)
    assert "geen medewerker vrij" in told[0].text


def test_the_dispatcher_carries_out_every_effect_and_names_the_failures() -> None:
    queue = InMemoryTicketQueue()
    timeouts = RecordingTimeouts(fail=True)
    conv = conversation()
    live = turn(conv, TUESDAY_MORNING)
    handover.request(live, team=None, reason="asked")
    other = conversation()
    handover.request(turn(other, SATURDAY_EVENING), team=None, reason="asked")
    queued = answer(other, SATURDAY_EVENING, "06 12345678")
    dispatcher = PortEffectDispatcher(tickets=queue, timeouts=timeouts)
    with pytest.raises(DispatchFailed) as failure:
        dispatcher.dispatch([*live.effects, *queued.effects])
    assert [effect.kind for effect in failure.value.failed] == ["schedule_handover_timeout"]
    assert [ticket.id for ticket in queue.pending("voorbeeld")] == [queued.effects[0].id]


# ---- what the chat API shows ------------------------------------------------------------------------------


def test_the_handover_view_says_waiting_connected_and_when_in_the_conversation_language() -> None:
    conv = conversation()
    handover.request(turn(conv, TUESDAY_MORNING), team="burgerzaken", reason="asked")
    waiting = handover.handover_view(conv, knowledge(), TUESDAY_MORNING)
    assert waiting is not None and (waiting.status, waiting.claimed) == ("live", False)
    assert waiting.notice == "U wacht op een medewerker van Burgerzaken. Blijf in dit gesprek."
    assert conv.handover is not None
    conv.handover.status = HandoverStatus.LIVE
    conv.language = "en"
    live = handover.handover_view(conv, knowledge(), TUESDAY_MORNING)
    assert live is not None and live.claimed and live.notice == "You are now talking to someone from Civil affairs."
    queued = conversation()
    handover.request(turn(queued, SATURDAY_EVENING), team=None, reason="asked")
    answer(queued, SATURDAY_EVENING, "06 12345678")
    view = handover.handover_view(queued, knowledge(), SATURDAY_EVENING)
    assert view is not None and (view.status, view.claimed) == ("queued", False)
    assert view.notice == ("Een medewerker van het Klantcontactcentrum neemt op maandag 30 november vanaf 8.30 uur "
                           "contact met u op.")


# ---- small pieces ------------------------------------------------------------------------------------------


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
def test_contact(text: str, expected: tuple[str, str] | None) -> None:
    assert contact(text) == expected


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


def test_just_before_closing_time_a_live_wait_is_not_promised() -> None:
    conv = conversation()
    late = datetime(2026, 12, 1, 16, 55, tzinfo=AMSTERDAM)  # 5 minutes left, the limit is 10
    ctx = turn(conv, late)
    handover.request(ctx, team=None, reason="asked")
    assert conv.handover is None and ctx.effects == [] and isinstance(conv.state.flow, CallbackFlow)
    assert "We sluiten om 17.00 uur" in texts(ctx) and "Ik zoek een medewerker" not in texts(ctx)
    done = answer(conv, late, "06 12345678")
    assert "morgen vanaf 8.30 uur" in texts(done)

"""One contract for a messaging channel's store (seen events, contacts, delivery log): the
in-memory store (unit tests) and the DynamoDB store (moto, table from template.yaml)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import boto3
import pytest

from adapters.messaging_store import MessagingStore
from core.clock import FixedClock
from core.memory import InMemoryMessagingStore
from core.messaging.events import Address, DeliveryProgress
from core.models import Channel

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)
CONVERSATION = "alpha." + "c" * 32
RESIDENT = Address(id="7001", kind="id")


@pytest.fixture(params=["memory", "dynamodb"])
def store(request):
    if request.param == "memory":
        return InMemoryMessagingStore(clock=FixedClock(NOW))
    deployment = request.getfixturevalue("mock_aws")
    return MessagingStore(boto3.client("dynamodb"), deployment.tables["BalieTable"], FixedClock(NOW), prefix="MSG")


def test_an_event_is_done_only_when_marked_so_and_its_sent_parts_add_up(store) -> None:
    assert store.progress("m1") == DeliveryProgress()
    for part in (0, 2, 0):  # a re-processed record marks its parts again
        store.mark_sent("m1", part)
    assert store.progress("m1") == DeliveryProgress(done=False, sent_parts=frozenset({0, 2}))
    store.mark_sent("m1", 1, done=True)
    store.mark_done("m2")  # an event without a reply (an edit, a silenced message)
    assert store.progress("m1") == DeliveryProgress(done=True, sent_parts=frozenset({0, 1, 2}))
    assert store.progress("m2") == DeliveryProgress(done=True) and store.progress("never") == DeliveryProgress()


def test_parts_are_pending_until_struck_off_or_past_the_queues_retries(store) -> None:
    from core.messaging.intake import PENDING_PART_AGE

    assert not store.any_pending(NOW)
    store.add_pending(["a" * 64, "b" * 64], NOW)
    store.remove_pending("a" * 64)
    assert store.any_pending(NOW)
    store.remove_pending("b" * 64)
    store.remove_pending("b" * 64)  # the worker's retry strikes it off again
    assert not store.any_pending(NOW)
    store.add_pending(["c" * 64], NOW)
    assert store.any_pending(NOW + PENDING_PART_AGE) and not store.any_pending(NOW + PENDING_PART_AGE + timedelta(seconds=1))


def test_own_messages_are_known(store) -> None:
    store.remember_sent("m_out_1")
    assert store.is_own_message("m_out_1") and not store.is_own_message("m_out_2")


def test_the_contact_keeps_the_thread_across_messages(store) -> None:
    assert store.contact("alpha", CONVERSATION) is None
    store.set_thread("alpha", CONVERSATION, elsewhere=True)  # a thread change before any message
    assert store.contact("alpha", CONVERSATION) is None
    first = store.remember_contact("alpha", CONVERSATION, Channel.INSTAGRAM, RESIDENT, "444", NOW, 30)
    assert (first.channel, first.address, first.account_id, first.last_inbound_at) == (
        Channel.INSTAGRAM, RESIDENT, "444", NOW)
    assert first.thread_elsewhere and not first.bot_may_answer(NOW)
    store.set_thread("alpha", CONVERSATION, elsewhere=False, quiet_until=NOW + timedelta(minutes=30))
    later = store.remember_contact("alpha", CONVERSATION, Channel.INSTAGRAM, RESIDENT, "444", NOW + timedelta(hours=1), 30)
    assert not later.thread_elsewhere and later.quiet_until == NOW + timedelta(minutes=30)
    assert later.bot_may_answer(NOW + timedelta(hours=1)) and not later.bot_may_answer(NOW + timedelta(minutes=10))
    assert store.contact("alpha", CONVERSATION) == later


def test_the_rate_limit_notice_is_claimed_once_a_minute(store) -> None:
    store.remember_contact("alpha", CONVERSATION, Channel.MESSENGER, RESIDENT, "333", NOW, 30)
    assert store.claim_limit_notice("alpha", CONVERSATION, NOW)
    assert not store.claim_limit_notice("alpha", CONVERSATION, NOW + timedelta(seconds=30))
    assert store.claim_limit_notice("alpha", CONVERSATION, NOW + timedelta(seconds=61))

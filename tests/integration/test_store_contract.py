"""One contract for every ConversationStore: the in-memory store (unit tests,
terminal) and the DynamoDB store (moto, table created from template.yaml)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import boto3
import pytest

from adapters.dynamodb_store import DynamoDBConversationStore
from core.clock import FixedClock
from core.dialogue.state import DialogueState
from core.errors import NotFound, RateLimited, VersionConflict
from core.memory import InMemoryConversationStore
from core.models import (
    Channel,
    ClientAdmission,
    Conversation,
    DailyCounters,
    Handover,
    HandoverStatus,
    Role,
    TranscriptEntry,
)

MOMENT = datetime.fromisoformat("2026-11-30T10:00:00+01:00")
DAY = "2026-11-30"


CLOCK = FixedClock(datetime.fromisoformat("2026-11-02T09:00:00+01:00"))  # the day months' aggregates begin


@pytest.fixture(params=["memory", "dynamodb"])
def store(request):
    CLOCK.moment = datetime.fromisoformat("2026-11-02T09:00:00+01:00")
    if request.param == "memory":
        return InMemoryConversationStore(clock=CLOCK)
    deployment = request.getfixturevalue("mock_aws")
    return DynamoDBConversationStore(boto3.client("dynamodb"), deployment.merged_environment()["TABLE_NAME"], CLOCK)


def conversation(conversation_id: str = "alpha." + "1" * 32, tenant: str = "alpha", **fields) -> Conversation:
    return Conversation(
        id=conversation_id,
        tenant=tenant,
        channel=Channel.WEB,
        created_at=MOMENT,
        updated_at=MOMENT,
        expires_at=int(MOMENT.timestamp()) + 30 * 86400,
        **fields,
    )


def entry(seq: int, text: str = "paspoort") -> TranscriptEntry:
    return TranscriptEntry(seq=seq, role=Role.RESIDENT, at=MOMENT, text=text)


def counters(tenant: str = "alpha", day: str = DAY, unanswered: list[str] | None = None, **counts: int) -> DailyCounters:
    return DailyCounters(tenant=tenant, day=day, counts=counts, unanswered=unanswered or [])


def test_a_missing_conversation_is_none(store) -> None:
    assert store.get("alpha", "alpha." + "9" * 32) is None


def test_save_creates_then_updates_with_increasing_versions(store) -> None:
    first = store.save(conversation(transcript=[entry(1)], state={"topic": "paspoort"}), 0)
    assert first.version == 1
    loaded = store.get("alpha", first.id)
    assert loaded == first
    loaded.transcript.append(entry(2, "wat kost dat"))
    second = store.save(loaded, 1)
    assert second.version == 2
    assert [e.text for e in store.get("alpha", first.id).transcript] == ["paspoort", "wat kost dat"]


def test_creating_an_existing_conversation_loses_the_race(store) -> None:
    store.save(conversation(), 0)
    with pytest.raises(VersionConflict):
        store.save(conversation(state={"topic": "other"}), 0)
    assert store.get("alpha", conversation().id).state == DialogueState()


def test_a_stale_version_loses_and_applies_no_counters(store) -> None:
    store.save(conversation(), 0, counters(messages_received=1))
    winner = store.get("alpha", conversation().id)
    loser = store.get("alpha", conversation().id)
    winner.state.topic = "paspoort"
    store.save(winner, 1, counters(messages_received=1))
    loser.state.topic = "afvalkalender"
    with pytest.raises(VersionConflict):
        store.save(loser, 1, counters(messages_received=1, fallback=1, unanswered=["vraag"]))
    assert store.get("alpha", conversation().id).state == DialogueState(topic="paspoort")
    [day] = store.daily_counters("alpha", date(2026, 11, 30), date(2026, 11, 30))
    assert day.counts == {"messages_received": 2}
    assert store.unanswered_questions("alpha", date(2026, 11, 30), date(2026, 11, 30), 10) == []


def test_counters_add_up_per_tenant_and_day(store) -> None:
    store.save(conversation(), 0, counters(messages_received=1, answered=1, **{"intent:paspoort": 1}))
    current = store.get("alpha", conversation().id)
    store.save(current, 1, counters(messages_received=1, fallback=1, unanswered=["hoe laat is het in [TELEFOON]"]))
    other_day = store.get("alpha", conversation().id)
    store.save(other_day, 2, counters(day="2026-12-01", messages_received=1))
    store.save(conversation("beta." + "2" * 32, tenant="beta"), 0, counters(tenant="beta", messages_received=5))
    days = store.daily_counters("alpha", date(2026, 11, 29), date(2026, 12, 1))
    assert [d.day for d in days] == ["2026-11-30", "2026-12-01"]
    assert days[0].counts == {"messages_received": 2, "answered": 1, "intent:paspoort": 1, "fallback": 1}
    assert store.unanswered_questions("alpha", date(2026, 11, 29), date(2026, 12, 1), 10) == [
        "hoe laat is het in [TELEFOON]"]
    assert days[1].counts == {"messages_received": 1}
    assert store.daily_counters("alpha", date(2026, 12, 2), date(2026, 12, 3)) == []


def test_one_write_moves_counters_on_two_days_and_adds_those_of_one_day_together(store) -> None:
    store.save(conversation(), 0, [counters(messages_received=1, **{"outcome:resolved": 1}),
                                   counters(**{"outcome:resolved": -1, "outcome:handed_over": 1})])
    current = store.get("alpha", conversation().id)
    store.save(current, 1, [counters(day="2026-12-01", messages_received=1),
                            counters(**{"outcome:handed_over": -1, "outcome:unresolved": 1})])
    days = {d.day: d.counts for d in store.daily_counters("alpha", date(2026, 11, 30), date(2026, 12, 1))}
    assert {k: v for k, v in days["2026-11-30"].items() if v} == {"messages_received": 1, "outcome:unresolved": 1}
    assert days["2026-12-01"] == {"messages_received": 1}


def test_months_hold_the_sums_of_their_days_and_each_days_row(store) -> None:
    saved = store.save(conversation(), 0, [
        counters(day="2026-11-29", messages_received=1, conversations=1, **{"outcome:resolved": 1, "intent:paspoort": 1}),
        counters(day="2026-11-30", messages_received=2, **{"claim_wait:60": 1})])  # one month, two days: one update
    CLOCK.moment = datetime.fromisoformat("2026-12-01T09:00:00+01:00")
    saved = store.save(saved, 1, [counters(day="2026-12-01", messages_received=1),
                                  counters(day="2026-11-29", **{"outcome:resolved": -1, "outcome:handed_over": 1})])
    store.save(conversation("beta." + "2" * 32, tenant="beta"), 0, counters(tenant="beta", day="2026-11-30",
                                                                            messages_received=5))
    november, december = store.monthly_counters("alpha", date(2026, 11, 15), date(2026, 12, 31))
    assert (november.month, november.since, december.month, december.since) == (
        "2026-11", "2026-11-02", "2026-12", "2026-12-01")
    assert {k: v for k, v in november.counts.items() if v} == {
        "messages_received": 3, "conversations": 1, "outcome:handed_over": 1, "intent:paspoort": 1, "claim_wait:60": 1}
    assert {day: {k: v for k, v in row.items() if v} for day, row in november.days.items()} == {
        "2026-11-29": {"messages_received": 1, "conversations": 1, "outcome:handed_over": 1},
        "2026-11-30": {"messages_received": 2}}
    assert december.counts == {"messages_received": 1} and december.days == {"2026-12-01": {"messages_received": 1}}
    assert store.monthly_counters("alpha", date(2027, 1, 1), date(2027, 3, 1)) == []
    assert store.has_daily_counters("alpha", date(2026, 11, 1), date(2026, 11, 29))
    assert not store.has_daily_counters("alpha", date(2026, 11, 1), date(2026, 11, 28))


def test_a_month_read_again_after_it_ended_and_after_a_late_write_is_whole(store) -> None:
    saved = store.save(conversation(), 0, counters(day="2026-11-29", conversations=1, **{"outcome:resolved": 1}))
    CLOCK.moment = datetime.fromisoformat("2026-12-03T09:00:00+01:00")  # November is over
    first = store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30))
    assert store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30)) == first
    # A conversation of November moves class in December: the month read next has the move.
    store.save(saved, 1, [counters(day="2026-12-03", messages_received=1),
                          counters(day="2026-11-29", **{"outcome:resolved": -1, "outcome:handed_over": 1})])
    [november] = store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30))
    assert {k: v for k, v in november.counts.items() if v} == {"conversations": 1, "outcome:handed_over": 1}
    assert {k: v for k, v in november.days["2026-11-29"].items() if v} == {"conversations": 1,
                                                                            "outcome:handed_over": 1}
    assert store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30)) == [november]


def test_a_month_that_is_over_is_sealed_into_one_attribute(mock_aws) -> None:
    CLOCK.moment = datetime.fromisoformat("2026-11-30T09:00:00+01:00")
    client = boto3.client("dynamodb")
    table = mock_aws.merged_environment()["TABLE_NAME"]
    seals: list[str] = []
    client.meta.events.register("before-call.dynamodb.PutItem", lambda **_: seals.append("PutItem"))
    store = DynamoDBConversationStore(client, table, CLOCK)
    saved = store.save(conversation(), 0, counters(day="2026-11-29", conversations=1, **{"outcome:resolved": 1}))
    running = store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30))
    assert seals == []  # November runs
    CLOCK.moment = datetime.fromisoformat("2026-12-03T09:00:00+01:00")
    assert store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30)) == running
    key = {"pk": {"S": "T#alpha#MONTHS"}, "sk": {"S": "MONTH#2026-11"}}
    assert sorted(client.get_item(TableName=table, Key=key)["Item"]) == ["pk", "sealed", "since", "sk", "writes"]
    assert store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30)) == running
    assert seals == ["PutItem"]  # sealed once
    store.save(saved, 1, counters(day="2026-11-29", **{"outcome:resolved": -1, "outcome:handed_over": 1}))
    [november] = store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30))  # sealed + loose, sealed again
    assert november.counts == {"conversations": 1, "outcome:resolved": 0, "outcome:handed_over": 1}
    assert seals == ["PutItem", "PutItem"]
    assert store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30)) == [november]


def test_a_stale_write_adds_nothing_to_the_month(store) -> None:
    store.save(conversation(), 0, counters(messages_received=1))
    with pytest.raises(VersionConflict):
        store.save(conversation(), 0, counters(messages_received=1))
    [month] = store.monthly_counters("alpha", date(2026, 11, 1), date(2026, 11, 30))
    assert month.counts == {"messages_received": 1}


def test_unanswered_questions_are_read_newest_first_within_a_limit(store) -> None:
    saved = store.save(conversation(), 0, counters(day="2026-11-01", unanswered=["oudste", "oud"]))
    for number, day in enumerate(("2026-11-15", "2026-11-30"), start=1):
        saved = store.save(saved, number, counters(day=day, unanswered=[f"vraag {day}"]))
    assert store.unanswered_questions("alpha", date(2026, 11, 1), date(2026, 11, 30), 2) == [
        "vraag 2026-11-30", "vraag 2026-11-15"]
    assert store.unanswered_questions("alpha", date(2026, 11, 2), date(2026, 11, 29), 10) == ["vraag 2026-11-15"]


def test_not_helpful_answers_are_queued_reviewed_and_erased_with_the_conversation(store) -> None:
    from core.models import NotHelpfulAnswer

    answer = NotHelpfulAnswer(intent="paspoort", question="paspoort verlopen", answer="Maak een afspraak.")
    saved = store.save(conversation(), 0, DailyCounters(tenant="alpha", day=DAY, counts={"feedback_not_helpful": 1},
                                                        not_helpful=[answer]))
    [item] = store.not_helpful("alpha", date(2026, 11, 30), date(2026, 11, 30), 10)
    assert (item.intent, item.question, item.answer, item.conversation_id) == (
        "paspoort", "paspoort verlopen", "Maak een afspraak.", saved.id)
    reviewed = store.review_not_helpful("alpha", item.id, "eva", MOMENT, "Antwoord aangepast")
    assert reviewed.reviewed_by == "eva" and reviewed.review_note == "Antwoord aangepast"
    with pytest.raises(NotFound):
        store.review_not_helpful("alpha", "bestaat-niet", "eva", MOMENT, None)
    store.delete("alpha", saved.id)
    assert store.not_helpful("alpha", date(2026, 11, 30), date(2026, 11, 30), 10) == []


def test_the_bot_list_holds_conversations_without_a_waiting_or_live_handover(store) -> None:
    quiet = store.save(conversation("alpha." + "5" * 32, transcript=[entry(1)], state={"topic": "paspoort"}), 0)
    store.save(conversation("alpha." + "6" * 32, handover=handover(HandoverStatus.WAITING, "kcc")), 0)
    store.save(conversation("alpha." + "7" * 32, handover=handover(HandoverStatus.QUEUED, "kcc")), 0)
    store.save(conversation("beta." + "8" * 32, tenant="beta"), 0)
    found = store.bot_conversations("alpha", MOMENT - timedelta(minutes=1))
    assert {c.conversation_id for c in found} == {"alpha." + "7" * 32, quiet.id}  # a ticket leaves the bot at work
    first = next(c for c in found if c.conversation_id == quiet.id)
    assert (first.intent, first.turns, first.channel) == ("paspoort", 1, "web") and first.last_message_at == MOMENT
    assert store.bot_conversations("alpha", MOMENT + timedelta(minutes=1)) == []


def test_conversations_are_isolated_per_tenant(store) -> None:
    saved = store.save(conversation(), 0)
    assert store.get("beta", saved.id) is None
    assert store.delete("beta", saved.id) is False
    assert store.get("alpha", saved.id) is not None


def test_returned_objects_are_copies(store) -> None:
    saved = store.save(conversation(transcript=[entry(1)]), 0)
    saved.transcript.clear()
    loaded = store.get("alpha", saved.id)
    loaded.state.topic = "x"
    assert len(store.get("alpha", saved.id).transcript) == 1
    assert store.get("alpha", saved.id).state == DialogueState()


def test_delete_erases_the_conversation_and_its_unanswered_questions(store) -> None:
    keep = store.save(conversation("alpha." + "3" * 32), 0, counters(fallback=1, unanswered=["blijft staan"]))
    gone = store.save(conversation(), 0, counters(fallback=1, unanswered=["eerste vraag"]))
    store.save(store.get("alpha", gone.id), 1, counters(day="2026-12-01", fallback=1, unanswered=["tweede vraag"]))
    assert store.delete("alpha", gone.id) is True
    assert store.get("alpha", gone.id) is None
    assert store.delete("alpha", gone.id) is False
    days = store.daily_counters("alpha", date(2026, 11, 30), date(2026, 12, 1))
    assert store.unanswered_questions("alpha", date(2026, 11, 30), date(2026, 12, 1), 10) == ["blijft staan"]
    assert store.get("alpha", keep.id) is not None
    # The anonymous aggregate stays: it holds no personal data.
    assert sum(d.counts.get("fallback", 0) for d in days) == 3


def test_dynamodb_delete_also_erases_what_other_parts_keep_under_the_conversation_key(mock_aws) -> None:
    # A messaging contact (adapters.messaging_store: pk T#<tenant>#C#<id>, sk WA for WhatsApp)
    # holds the resident's number; the in-memory store keeps no such items, so this is DynamoDB only.
    from adapters.dynamodb_store import conversation_pk
    from adapters.messaging_store import MessagingStore
    from core.messaging.events import Address

    table_name = mock_aws.merged_environment()["TABLE_NAME"]
    client = boto3.client("dynamodb")
    store = DynamoDBConversationStore(client, table_name)
    table = boto3.resource("dynamodb").Table(table_name)  # to inspect items
    contacts = MessagingStore(client, table_name, lambda: MOMENT, prefix="WA")
    gone = store.save(conversation(), 0, counters(fallback=1, unanswered=["eerste vraag"]))
    keep = store.save(conversation("alpha." + "3" * 32), 0)
    for saved in (gone, keep):
        contacts.remember_contact("alpha", saved.id, Channel.WHATSAPP, Address(id="31612345678", kind="wa_id"), "111",
                                  MOMENT, 30)

    def under(conversation_id: str) -> list[dict]:
        return table.query(KeyConditionExpression="pk = :pk", ConsistentRead=True,
                           ExpressionAttributeValues={":pk": conversation_pk("alpha", conversation_id)})["Items"]

    assert {item["sk"] for item in under(gone.id)} == {"CONV", "WA"}
    assert store.delete("alpha", gone.id) is True
    assert under(gone.id) == [] and contacts.contact("alpha", gone.id) is None
    assert store.unanswered_questions("alpha", MOMENT.date(), MOMENT.date(), 10) == []
    assert {item["sk"] for item in under(keep.id)} == {"CONV", "WA"}
    # A contact left without its conversation (e.g. an erasure that failed half-way) goes too.
    store.save(conversation("alpha." + "4" * 32), 0)
    contacts.remember_contact("alpha", "alpha." + "4" * 32, Channel.WHATSAPP, Address(id="31687654321", kind="wa_id"),
                              "111", MOMENT, 30)
    table.delete_item(Key={"pk": conversation_pk("alpha", "alpha." + "4" * 32), "sk": "CONV"})
    assert store.delete("alpha", "alpha." + "4" * 32) is True and under("alpha." + "4" * 32) == []


def handover(status: HandoverStatus, team: str, minutes: int = 0) -> Handover:
    return Handover(status=status, team=team, reason="asked", requested_at=MOMENT + timedelta(minutes=minutes))


def test_handovers_are_listed_by_tenant_status_and_team(store) -> None:
    store.save(conversation("alpha." + "a" * 32, handover=handover(HandoverStatus.WAITING, "burgerzaken", 5)), 0)
    store.save(conversation("alpha." + "b" * 32, handover=handover(HandoverStatus.WAITING, "kcc", 1)), 0)
    store.save(conversation("alpha." + "c" * 32, handover=handover(HandoverStatus.LIVE, "kcc")), 0)
    store.save(conversation("alpha." + "d" * 32, handover=handover(HandoverStatus.QUEUED, "kcc")), 0)
    store.save(conversation("beta." + "e" * 32, tenant="beta", handover=handover(HandoverStatus.WAITING, "kcc")), 0)
    waiting = store.list_handovers("alpha", HandoverStatus.WAITING)
    assert [c.id for c in waiting] == ["alpha." + "b" * 32, "alpha." + "a" * 32]  # oldest request first
    assert [c.id for c in store.list_handovers("alpha", HandoverStatus.WAITING, team="kcc")] == ["alpha." + "b" * 32]
    assert [c.id for c in store.list_handovers("alpha", HandoverStatus.LIVE)] == ["alpha." + "c" * 32]
    assert store.list_handovers("alpha", HandoverStatus.QUEUED) == []  # only waiting/live are indexed


def test_a_closed_handover_leaves_the_list(store) -> None:
    saved = store.save(conversation(handover=handover(HandoverStatus.LIVE, "kcc")), 0)
    saved.handover.status = HandoverStatus.CLOSED
    store.save(saved, 1)
    assert store.list_handovers("alpha", HandoverStatus.LIVE) == []


def test_a_full_transcript_of_long_messages_fits_one_item(store) -> None:
    long = [entry(seq, "lange vraag " * 83) for seq in range(1, 201)]  # 200 entries of ~1000 characters
    saved = store.save(conversation(transcript=long), 0)
    assert len(store.get("alpha", saved.id).transcript) == 200


def test_dynamodb_stores_the_document_compressed_and_still_reads_an_uncompressed_one(mock_aws) -> None:
    # Writes are billed per KB of the whole item: the document is zlib-compressed binary.
    # Items written before that hold the JSON as a string; they must stay readable.
    import json
    import zlib

    from adapters.dynamodb_store import CONVERSATION_SK, conversation_pk, document

    table_name = mock_aws.merged_environment()["TABLE_NAME"]
    client = boto3.client("dynamodb")
    store = DynamoDBConversationStore(client, table_name)
    long_text = "U vraagt een paspoort aan bij de gemeente waar u woont. " * 20
    saved = store.save(conversation(transcript=[entry(seq, long_text) for seq in range(1, 11)]), 0)
    key = {"pk": {"S": conversation_pk("alpha", saved.id)}, "sk": {"S": CONVERSATION_SK}}
    item = client.get_item(TableName=table_name, Key=key, ConsistentRead=True)["Item"]
    plain = saved.model_dump_json().encode("utf-8")
    assert len(item["doc"]["B"]) * 5 < len(plain)
    assert json.loads(zlib.decompress(item["doc"]["B"])) == document(item) == json.loads(plain)

    client.put_item(TableName=table_name, Item={**item, "doc": {"S": plain.decode("utf-8")}})
    assert store.get("alpha", saved.id) == saved


# ---- limits written with the turn (core.limits) --------------------------------------


def admission(client: str = "c" * 32, limit: int = 2) -> ClientAdmission:
    window_start = int(MOMENT.timestamp()) - int(MOMENT.timestamp()) % 600
    return ClientAdmission(tenant="alpha", client=client, window_start=window_start, window_seconds=600, limit=limit)


def test_a_client_over_its_window_is_refused_and_nothing_is_written(store) -> None:
    for number in range(2):
        store.save(conversation(f"alpha.{number:032x}"), 0, counters(conversations=1), admission())
    with pytest.raises(RateLimited) as refused:
        store.save(conversation(f"alpha.{9:032x}"), 0, counters(conversations=1, unanswered=["hoi"]), admission())
    assert 0 < refused.value.retry_after <= 600
    assert store.get("alpha", f"alpha.{9:032x}") is None
    (day,) = store.daily_counters("alpha", date(2026, 11, 30), date(2026, 11, 30))
    assert day.counts["conversations"] == 2 and day.unanswered == []
    # Another client, and the same client at another tenant, have their own allowance.
    store.save(conversation(f"alpha.{10:032x}"), 0, counters(), admission(client="d" * 32))
    store.save(conversation(f"beta.{11:032x}", tenant="beta"), 0, counters(tenant="beta"),
               admission().model_copy(update={"tenant": "beta"}))


def test_unanswered_questions_past_the_days_cap_are_dropped_and_counted(store) -> None:
    for number in range(3):
        store.save(conversation(f"alpha.{number:032x}"), 0,
                   counters(fallback=1, unanswered=[f"vraag {number}"]).model_copy(update={"unanswered_limit": 2}))
    (day,) = store.daily_counters("alpha", date(2026, 11, 30), date(2026, 11, 30))
    assert sorted(store.unanswered_questions("alpha", date(2026, 11, 30), date(2026, 11, 30), 10)) == [
        "vraag 0", "vraag 1"]
    assert day.counts["fallback"] == 3 and day.counts["unanswered_dropped"] == 1
    assert store.get("alpha", f"alpha.{2:032x}") is not None  # the turn itself was saved
    [month] = store.monthly_counters("alpha", date(2026, 11, 30), date(2026, 11, 30))
    assert month.counts == {"fallback": 3, "unanswered_dropped": 1}  # the day's cap itself is the day's only


# ---------------------------------------------------------------------------- the outbox


def test_effects_are_written_with_the_turn_and_listed_until_done(store) -> None:
    from core.effects import schedule_timeout

    timeout = schedule_timeout("alpha", conversation().id, MOMENT, 600)
    store.save(conversation(), 0, counters(messages_received=1), effects=[timeout])
    later = MOMENT + timedelta(minutes=5)
    [pending] = store.pending_effects(later)
    assert (pending.tenant, pending.conversation_id, pending.effect) == ("alpha", conversation().id, timeout)
    assert store.pending_effects(MOMENT) == []  # written at MOMENT: not before it
    store.effects_done("alpha", conversation().id, [timeout.id])
    assert store.pending_effects(later) == []


def test_a_lost_race_writes_no_effect(store) -> None:
    from core.effects import schedule_timeout

    store.save(conversation(), 0)
    with pytest.raises(VersionConflict):
        store.save(conversation(), 0, effects=[schedule_timeout("alpha", conversation().id, MOMENT, 600)])
    assert store.pending_effects(MOMENT + timedelta(days=1)) == []


def test_erasure_takes_the_outbox_with_the_conversation(store) -> None:
    from core.effects import schedule_timeout

    store.save(conversation(), 0, effects=[schedule_timeout("alpha", conversation().id, MOMENT, 600)])
    assert store.delete("alpha", conversation().id)
    assert store.pending_effects(MOMENT + timedelta(days=1)) == []

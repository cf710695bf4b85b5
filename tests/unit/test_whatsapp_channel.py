"""The WhatsApp channel without AWS: parsing Meta's bodies, signatures, rendering
within WhatsApp's limits, the 24-hour window and the delivery bookkeeping."""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from balie_local.whatsapp_cmd import delivered
from channels import whatsapp as wa
from core.errors import RateLimited, ServiceUnavailable, WhatsAppWindowClosed
from core.ids import is_conversation_id, tenant_of
from core.kb.models import WhatsAppSettings
from core.models import (
    Button, Channel, Conversation, InboundKind, Link, Reply, ReplyMessage, Role, TranscriptEntry,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "whatsapp"  # tests/fixtures/SOURCES.md
ALL_FIXTURES = sorted(FIXTURES.glob("*.json"))
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
ADDRESS = wa.WhatsAppAddress(id="31612345678")


def fixture(name: str) -> dict:
    """A recorded body as delivered now (its messages dated NOW: older ones are dropped)."""
    return delivered(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")), NOW)


# ------------------------------------------------------------------ signature and handshake


def test_signature_of_the_exact_bytes_is_accepted() -> None:
    raw = (FIXTURES / "pywa_message__text.json").read_bytes()
    assert wa.signature_is_valid(raw, wa.sign(raw, "s3cret"), "s3cret")


@pytest.mark.parametrize(
    "header",
    [None, "", "sha256=", "sha1=abc", "sha256=" + "0" * 64, "sha256=zz\u00e9", "abc"],
)
def test_missing_or_wrong_signatures_are_rejected(header: str | None) -> None:
    assert not wa.signature_is_valid(b'{"object": "whatsapp_business_account"}', header, "s3cret")


def test_a_signature_with_another_secret_or_changed_body_is_rejected() -> None:
    raw = b'{"a": 1}'
    assert not wa.signature_is_valid(raw, wa.sign(raw, "other"), "s3cret")
    assert not wa.signature_is_valid(b'{"a": 2}', wa.sign(raw, "s3cret"), "s3cret")
    assert not wa.signature_is_valid(raw, wa.sign(raw, "s3cret"), "")


def test_verification_handshake() -> None:
    good = {"hub.mode": "subscribe", "hub.verify_token": "tok", "hub.challenge": "1158201444"}
    assert wa.verification_challenge(good, "tok") == "1158201444"
    assert wa.verification_challenge({**good, "hub.verify_token": "nope"}, "tok") is None
    assert wa.verification_challenge({**good, "hub.mode": "unsubscribe"}, "tok") is None
    assert wa.verification_challenge({k: v for k, v in good.items() if k != "hub.challenge"}, "tok") is None
    assert wa.verification_challenge(good, "") is None


def test_conversation_id_is_stable_per_tenant_and_sender_and_reveals_nothing() -> None:
    first = wa.conversation_id_for("voorbeeld", ADDRESS, "secret")
    assert first == wa.conversation_id_for("voorbeeld", ADDRESS, "secret")
    assert first != wa.conversation_id_for("andere", ADDRESS, "secret")
    assert first != wa.conversation_id_for("voorbeeld", wa.WhatsAppAddress(id="31600000000"), "secret")
    assert first != wa.conversation_id_for("voorbeeld", ADDRESS, "other-secret")
    assert is_conversation_id(first) and tenant_of(first) == "voorbeeld"
    assert "31612345678" not in first and len(first.split(".")[1]) == 32


# ------------------------------------------------------------------ inbound


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_parses_without_error(path: Path) -> None:
    parsed = wa.parse_webhook(json.loads(path.read_text(encoding="utf-8")))
    assert parsed.messages or parsed.statuses or parsed.ignored
    for message in parsed.messages:
        inbound = message.to_message("voorbeeld", "voorbeeld." + "0" * 32)
        assert inbound.channel == Channel.WHATSAPP and inbound.client_message_id == message.wamid


EXPECTED_KINDS = {
    "pywa_message__text": (InboundKind.TEXT, "Body Text", None),
    "pywa_callback_button__button": (InboundKind.BUTTON, "title", "callback_data"),
    "pywa_callback_button__quick_reply": (InboundKind.BUTTON, "title", "callback_data"),
    "pywa_callback_selection__description": (InboundKind.BUTTON, "title", "callback_data"),
    "netflie_a_button_notification": (InboundKind.BUTTON, "No", "No-Button-Payload"),
    "pywa_message__chosen_location": (InboundKind.LOCATION, "Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025", "37.4611978,-122.2164385"),
    "pywa_message__image": (InboundKind.MEDIA, "", None),
    "pywa_message__voice": (InboundKind.MEDIA, "", None),
    "pywa_message__video": (InboundKind.MEDIA, "caption", None),
    "pywa_message__document": (InboundKind.MEDIA, "caption", None),
    "pywa_message__static_sticker": (InboundKind.MEDIA, "", None),
    "pywa_message__unsupported": (InboundKind.UNSUPPORTED, "", None),
    "pywa_message__contacts": (InboundKind.UNSUPPORTED, "", None),
    "pywa_message__order": (InboundKind.UNSUPPORTED, "", None),
    "netflie_an_unknown_notification": (InboundKind.UNSUPPORTED, "", None),
    "netflie_a_flow_notification": (InboundKind.UNSUPPORTED, "", None),
    "pywa_message__interactive_message_with_err": (InboundKind.UNSUPPORTED, "", None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_KINDS))
def test_message_types_map_to_inbound_kinds(name: str) -> None:
    (message,) = wa.parse_webhook(fixture(name)).messages
    assert (message.kind, message.text, message.payload) == EXPECTED_KINDS[name]


@pytest.mark.parametrize(
    "name",
    ["pywa_message__reaction", "pywa_message__unreaction_empty", "netflie_a_removed_reaction_notification",
     "pywa_edited_message__image", "pywa_deleted_message__revoke", "pywa_system__identity_change",
     "pywa_system__phone_number_change", "pywa_outgoing_message__text", "pywa_user_marketing_preferences__signup"],
)
def test_reactions_edits_revokes_system_and_other_fields_are_ignored(name: str) -> None:
    parsed = wa.parse_webhook(fixture(name))
    assert parsed.messages == [] and parsed.statuses == [] and parsed.ignored


def test_a_body_with_only_a_user_id_is_answered_by_user_id() -> None:
    (message,) = wa.parse_webhook(fixture("netflie_a_notification_with_bsuid_only_and_no_from")).messages
    assert message.sender == wa.WhatsAppAddress(id="BSUID_123", kind="user_id")
    assert wa.addressed({"type": "text"}, message.sender)["recipient"] == "BSUID_123"


def test_the_phone_number_wins_over_the_user_id() -> None:
    (message,) = wa.parse_webhook(fixture("netflie_can_keep_wa_id_priority_when_user_id_is_present")).messages
    assert message.sender.kind == "wa_id" and message.sender.id == "PHONE_NUMBER"


def test_several_changes_in_one_body_are_all_read() -> None:
    parsed = wa.parse_webhook(fixture("netflie_multiple_text_notification"))
    assert [m.text for m in parsed.messages] == ["MESSAGE_BODY", "MESSAGE_BODY2"]


def test_statuses_keep_error_codes() -> None:
    (failed,) = wa.parse_webhook(fixture("pywa_status__failed")).statuses
    assert failed.status == "failed" and failed.error_codes == (130472,)
    (delivered,) = wa.parse_webhook(fixture("pywa_status__delivered")).statuses
    assert delivered.error_codes == ()


@pytest.mark.parametrize("body", [None, [], "text", {"object": "page"}, {"object": "whatsapp_business_account", "entry": "x"},
                                  {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": None}]}]}])
def test_odd_bodies_never_raise(body) -> None:
    parsed = wa.parse_webhook(body)
    assert parsed.messages == [] and parsed.statuses == []


# ------------------------------------------------------------------ outbound


@given(st.text(max_size=300), st.integers(min_value=1, max_value=80))
def test_shorten_never_exceeds_the_limit(text: str, limit: int) -> None:
    assert len(wa.shorten(text, limit)) <= limit


def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    assert wa.shorten("Parkeervergunning voor bewoners aanvragen", 20) == "Parkeervergunning\u2026"
    assert wa.shorten("Kort", 20) == "Kort"


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=9000))
def test_split_text_keeps_every_word_and_the_limit(text: str) -> None:
    parts = wa.split_text(text, 4096)
    assert all(0 < len(part) <= 4096 for part in parts)
    assert "".join(parts).split() == text.split() or " ".join(parts).split() == text.split()


def test_links_are_written_into_the_text() -> None:
    message = ReplyMessage(text="Zo verlengt u uw paspoort.", links=[Link(title="Afspraak", url="https://example.nl/afspraak")])
    (payload,) = wa.render_reply(Reply(conversation_id="c", messages=[message]), ADDRESS)
    assert payload["to"] == "31612345678" and payload["type"] == "text"
    assert payload["text"]["body"].endswith("Afspraak: https://example.nl/afspraak")
    assert payload["text"]["preview_url"] is True


def test_a_long_answer_is_split_not_cut() -> None:
    text = ("Dit is een zin van een lang antwoord. " * 250).strip()
    payloads = wa.render_reply(Reply(conversation_id="c", messages=[ReplyMessage(text=text)]), ADDRESS)
    assert len(payloads) == 3 and all(len(p["text"]["body"]) <= wa.TEXT_LIMIT for p in payloads)
    assert " ".join(p["text"]["body"] for p in payloads).split() == text.split()


def test_up_to_three_choices_become_reply_buttons_with_short_unique_titles() -> None:
    buttons = [Button(title="Parkeervergunning voor bewoners", payload="intent:parkeervergunning"),
               Button(title="Parkeervergunning voor bezoekers", payload="intent:bezoekersvergunning"),
               Button(title="Nee", payload="x" * 300)]
    (payload,) = wa.render_message(ReplyMessage(text="Bedoelt u een van deze onderwerpen?", buttons=buttons))
    interactive = payload["interactive"]
    assert interactive["type"] == "button"
    titles = [b["reply"]["title"] for b in interactive["action"]["buttons"]]
    assert len(set(titles)) == 3 and all(len(t) <= wa.BUTTON_TITLE_LIMIT for t in titles)
    assert titles[0].endswith("\u2026")
    assert [len(b["reply"]["id"]) for b in interactive["action"]["buttons"]][2] == wa.BUTTON_ID_LIMIT


def test_more_choices_become_a_list_within_the_limits() -> None:
    buttons = [Button(title=f"Onderwerp nummer {i} met een heel lange titel", payload=f"intent:{i}") for i in range(12)]
    (payload,) = wa.render_message(ReplyMessage(text="Kies een onderwerp.", buttons=buttons), "en")
    interactive = payload["interactive"]
    rows = interactive["action"]["sections"][0]["rows"]
    assert interactive["type"] == "list" and len(rows) == wa.MAX_LIST_ROWS
    assert len({row["title"] for row in rows}) == len(rows)
    assert all(len(row["title"]) <= 24 and len(row["description"]) <= 72 for row in rows)
    assert len(interactive["action"]["button"]) <= wa.LIST_BUTTON_LIMIT


def test_a_long_text_with_buttons_goes_first_as_text() -> None:
    message = ReplyMessage(text="woord " * 400, buttons=[Button(title="Ja", payload="yes")])
    payloads = wa.render_message(message)
    assert [p["type"] for p in payloads] == ["text", "interactive"]
    assert len(payloads[1]["interactive"]["body"]["text"]) <= wa.INTERACTIVE_BODY_LIMIT


def test_a_silent_reply_sends_nothing() -> None:
    assert wa.render_reply(Reply(conversation_id="c", messages=[]), ADDRESS) == []


# ------------------------------------------------------------------ 24-hour window and staff replies


def test_staff_reply_inside_the_window_is_text() -> None:
    (payload,) = wa.render_staff_reply("Ik help u verder.", ADDRESS, last_inbound_at=NOW - timedelta(hours=23),
                                       settings=WhatsAppSettings(), now=NOW)
    assert payload["type"] == "text"


def test_staff_reply_outside_the_window_is_refused_without_a_template() -> None:
    with pytest.raises(WhatsAppWindowClosed) as refused:
        wa.render_staff_reply("Hallo", ADDRESS, last_inbound_at=NOW - timedelta(hours=25),
                              settings=WhatsAppSettings(), now=NOW)
    assert "24 uur" in refused.value.message and refused.value.code == "whatsapp_window_closed"


def test_staff_reply_outside_the_window_uses_the_reopen_template() -> None:
    (payload,) = wa.render_staff_reply("Hallo,\n\nwij bellen u morgen.", ADDRESS, last_inbound_at=NOW - timedelta(days=3),
                                       settings=WhatsAppSettings(reopen_template="balie_heropen"), now=NOW)
    assert payload["type"] == "template" and payload["template"]["name"] == "balie_heropen"
    assert payload["template"]["components"][0]["parameters"][0]["text"] == "Hallo, wij bellen u morgen."


class FakeContacts:
    def __init__(self, contact):
        self.value = contact

    def contact(self, tenant, conversation_id):
        return self.value


class RecordingGraph:
    def __init__(self, error: Exception | None = None):
        self.sent: list[tuple[str, dict]] = []
        self.error = error

    def send(self, phone_number_id, payload):
        if self.error:
            raise self.error
        self.sent.append((phone_number_id, payload))
        return f"wamid.out{len(self.sent)}"


def conversation(last_resident: datetime) -> Conversation:
    return Conversation(
        id="voorbeeld." + "a" * 32, tenant="voorbeeld", channel=Channel.WHATSAPP, created_at=last_resident,
        updated_at=last_resident,
        transcript=[TranscriptEntry(seq=1, role=Role.RESIDENT, at=last_resident, text="vraag")],
    )


def test_staff_sender_sends_inside_the_window_and_refuses_outside() -> None:
    contact = wa.WhatsAppContact(address=ADDRESS, phone_number_id="1122334455667", last_inbound_at=NOW - timedelta(days=5))
    graph = RecordingGraph()
    sender = wa.StaffReplySender(FakeContacts(contact), graph, lambda slug: WhatsAppSettings(), lambda: NOW)
    recent = conversation(NOW - timedelta(hours=2))  # the transcript knows the newer message
    assert sender.check(recent) == "text"
    sender.send(recent, [ReplyMessage(text="Goedemorgen, ik ben Sanne van de gemeente.")])
    assert graph.sent[0][0] == "1122334455667" and graph.sent[0][1]["type"] == "text"
    old = conversation(NOW - timedelta(days=2))
    with pytest.raises(WhatsAppWindowClosed):
        sender.check(old)
    with pytest.raises(WhatsAppWindowClosed):
        sender.send(old, [ReplyMessage(text="Hallo")])
    assert len(graph.sent) == 1


def test_staff_sender_maps_meta_refusals() -> None:
    contact = wa.WhatsAppContact(address=ADDRESS, phone_number_id="1", last_inbound_at=NOW)
    closed = wa.StaffReplySender(FakeContacts(contact), RecordingGraph(wa.DeliveryRefused("x", code=131047)),
                                 lambda slug: WhatsAppSettings(), lambda: NOW)
    with pytest.raises(WhatsAppWindowClosed):
        closed.send(conversation(NOW), [ReplyMessage(text="Hallo")])
    other = wa.StaffReplySender(FakeContacts(contact), RecordingGraph(wa.DeliveryRefused("x", code=131026)),
                                lambda slug: WhatsAppSettings(), lambda: NOW)
    with pytest.raises(ServiceUnavailable):
        other.send(conversation(NOW), [ReplyMessage(text="Hallo")])
    unknown = wa.StaffReplySender(FakeContacts(None), RecordingGraph(), lambda slug: WhatsAppSettings(), lambda: NOW)
    with pytest.raises(WhatsAppWindowClosed):
        unknown.check(conversation(NOW))


# ------------------------------------------------------------------ delivery bookkeeping (in memory)


class MemoryLog:
    def __init__(self):
        self.parts: dict[str, set[int]] = {}
        self.failures: list[tuple] = []
        self.contacts: dict = {}
        self.notices: dict = {}

    def sent_parts(self, wamid):
        return set(self.parts.get(wamid, set()))

    def mark_sent(self, wamid, part):
        self.parts.setdefault(wamid, set()).add(part)

    def record_send_failure(self, tenant, inbound_wamid, code, title):
        self.failures.append((tenant, inbound_wamid, code))

    def remember_contact(self, tenant, conversation_id, address, phone_number_id, last_inbound_at, retention_days):
        self.contacts[(tenant, conversation_id)] = (address, last_inbound_at)

    def claim_limit_notice(self, tenant, conversation_id, now):
        told = self.notices.get((tenant, conversation_id))
        if told is not None and (now - told).total_seconds() < 60:
            return False
        self.notices[(tenant, conversation_id)] = now
        return True


def queued(name: str) -> wa.QueuedInbound:
    (message,) = wa.parse_webhook(fixture(name)).messages
    return wa.QueuedInbound(tenant="voorbeeld", conversation_id="voorbeeld." + "b" * 32, inbound=message)


def two_part_reply(message):
    return Reply(conversation_id=message.conversation_id,
                 messages=[ReplyMessage(text=f"Antwoord op {message.text}"), ReplyMessage(text="Nog iets?")])


def test_media_gets_the_text_only_notice_without_the_engine() -> None:
    graph, log = RecordingGraph(), MemoryLog()
    delivery = wa.ReplyDelivery(respond=lambda m: pytest.fail("engine called"), graph=graph, log=log, clock=lambda: NOW)
    result = delivery.deliver(queued("pywa_message__voice"))
    assert result.sent == 1 and graph.sent[0][1]["text"]["body"] == wa.TEXT_ONLY_NOTICE


def test_redelivery_sends_only_what_is_missing() -> None:
    class FailSecond(RecordingGraph):
        def send(self, phone_number_id, payload):
            if len(self.sent) == 1 and not getattr(self, "recovered", False):
                raise ServiceUnavailable("down")
            return super().send(phone_number_id, payload)

    graph, log = FailSecond(), MemoryLog()
    delivery = wa.ReplyDelivery(respond=two_part_reply, graph=graph, log=log, clock=lambda: NOW)
    item = queued("pywa_message__text")
    with pytest.raises(ServiceUnavailable):
        delivery.deliver(item)
    graph.recovered = True
    result = delivery.deliver(item)
    assert (result.sent, result.skipped) == (1, 1)
    assert [p["text"]["body"] for _, p in graph.sent] == ["Antwoord op Body Text", "Nog iets?"]
    assert delivery.deliver(item).sent == 0  # a third delivery sends nothing


def test_a_permanent_refusal_is_recorded_and_not_raised() -> None:
    graph, log = RecordingGraph(wa.DeliveryRefused("Re-engagement message", code=131047)), MemoryLog()
    delivery = wa.ReplyDelivery(respond=two_part_reply, graph=graph, log=log, clock=lambda: NOW)
    result = delivery.deliver(queued("pywa_message__text"))
    assert result.refused_code == 131047 and log.failures == [("voorbeeld", "wamid.xyzxyz", 131047)]


def test_control_characters_are_removed_and_overlong_text_gets_a_notice() -> None:
    body = fixture("pywa_message__text")
    body["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = "paspoort\x00 verlengen\x1b"
    (message,) = wa.parse_webhook(body).messages
    assert message.text == "paspoort  verlengen " and wa.notice_for(message) is None
    body["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = "vraag " * 300
    (long_message,) = wa.parse_webhook(body).messages
    graph, log = RecordingGraph(), MemoryLog()
    delivery = wa.ReplyDelivery(respond=lambda m: pytest.fail("engine called"), graph=graph, log=log, clock=lambda: NOW)
    delivery.deliver(wa.QueuedInbound(tenant="voorbeeld", conversation_id="voorbeeld." + "c" * 32, inbound=long_message))
    assert "te lang" in graph.sent[0][1]["text"]["body"] and "1000" in graph.sent[0][1]["text"]["body"]


titles = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60)


@given(
    text=st.text(alphabet=st.sampled_from("abc é\n."), max_size=6000),
    button_titles=st.lists(st.one_of(titles, st.just("Parkeervergunning voor bewoners")), max_size=14),
    payload_length=st.integers(min_value=1, max_value=400),
)
def test_every_rendered_payload_keeps_whatsapps_limits(text: str, button_titles: list[str], payload_length: int) -> None:
    from balie_local.graph_standin import limit_problem

    buttons = [Button(title=title, payload=f"{index}" + "p" * payload_length) for index, title in enumerate(button_titles)]
    message = ReplyMessage(text=text, links=[Link(title="Afspraak", url="https://example.nl/a")], buttons=buttons)
    for payload in wa.render_reply(Reply(conversation_id="c", messages=[message]), ADDRESS):
        assert limit_problem(payload) is None, payload


def test_buttons_with_the_same_payload_are_one_choice() -> None:
    buttons = [Button(title="Ja", payload="feedback:yes"), Button(title="Ja graag", payload="feedback:yes"),
               Button(title="Nee", payload="feedback:no")]
    (payload,) = wa.render_message(ReplyMessage(text="Was dit nuttig?", buttons=buttons))
    assert [b["reply"]["title"] for b in payload["interactive"]["action"]["buttons"]] == ["Ja", "Nee"]


class MemorySeen:
    def __init__(self):
        self.seen: set[str] = set()

    def mark_seen(self, deliveries):
        fresh = {wamid for wamid, _ in deliveries} - self.seen
        self.seen |= fresh
        return fresh

    def forget_seen(self, wamids):
        self.seen -= set(wamids)


class ListQueue:
    def __init__(self, fail: bool = False, refuse: int = 0):
        self.items: list[wa.QueuedInbound] = []
        self.fail = fail
        self.refuse = refuse  # the last `refuse` items of a call are not queued

    def send(self, items):
        if self.fail:
            raise ServiceUnavailable("queue down")
        kept = len(items) - self.refuse
        self.items.extend(items[:kept])
        return items[kept:]


class ListStatuses:
    def __init__(self):
        self.recorded: list[tuple[str, wa.StatusEvent]] = []

    def record_statuses(self, tenant, events):
        self.recorded.extend((tenant, event) for event in events)
        return len(events)


def intake(queue: ListQueue, seen: MemorySeen, statuses: ListStatuses | None = None) -> wa.WebhookIntake:
    return wa.WebhookIntake(tenant_for={"1122334455667": "voorbeeld"}.get, app_secret=lambda: "secret",
                            seen=seen, queue=queue, statuses=statuses or ListStatuses(), clock=lambda: NOW)


def test_intake_queues_once_and_only_for_known_numbers() -> None:
    queue, seen, statuses = ListQueue(), MemorySeen(), ListStatuses()
    first = intake(queue, seen, statuses).accept(fixture("pywa_message__text"))
    again = intake(queue, seen, statuses).accept(fixture("pywa_message__text"))
    other = intake(queue, seen, statuses).accept(fixture("netflie_a_text_notification"))  # PHONE_NUMBER_ID
    receipts = intake(queue, seen, statuses).accept(fixture("pywa_status__failed"))
    assert (first.queued, again.duplicates, other.queued, other.ignored, receipts.statuses) == (1, 1, 0, 1, 1)
    (item,) = queue.items
    assert item.tenant == "voorbeeld" and item.conversation_id.startswith("voorbeeld.")
    assert statuses.recorded[0][0] == "voorbeeld" and statuses.recorded[0][1].error_codes == (130472,)


def test_a_message_that_could_not_be_queued_is_not_remembered() -> None:
    seen = MemorySeen()
    with pytest.raises(ServiceUnavailable):
        intake(ListQueue(fail=True), seen).accept(fixture("pywa_message__text"))
    assert seen.seen == set()  # Meta's retry of this delivery will be taken
    assert intake(ListQueue(), seen).accept(fixture("pywa_message__text")).queued == 1


def test_a_turn_is_at_most_two_whatsapp_messages_with_the_last_choices() -> None:
    greeting = ReplyMessage(text="Hallo! Ik ben de digitale assistent.", buttons=[Button(title="Medewerker spreken", payload="handover:request")])
    answer = ReplyMessage(text="Zo verlengt u uw paspoort.", links=[Link(title="Afspraak", url="https://example.nl/afspraak")],
                          buttons=[Button(title="Wat kost het?", payload="followup:kosten")])
    feedback = ReplyMessage(text="Was dit nuttig?", buttons=[Button(title="👍 Ja", payload="feedback:yes"),
                                                             Button(title="👎 Nee", payload="feedback:no")])
    text, choice = wa.render_reply(Reply(conversation_id="c", messages=[greeting, answer, feedback]), ADDRESS)
    assert text["type"] == "text" and text["text"]["body"] == (
        "Hallo! Ik ben de digitale assistent.\n\nZo verlengt u uw paspoort.\n\nAfspraak: https://example.nl/afspraak")
    assert choice["interactive"]["body"]["text"] == "Was dit nuttig?"
    assert [b["reply"]["id"] for b in choice["interactive"]["action"]["buttons"]] == ["feedback:yes", "feedback:no"]


def test_two_messages_stay_as_they_are_and_a_long_choice_keeps_its_text() -> None:
    answer = ReplyMessage(text="Zo verlengt u uw paspoort.")
    feedback = ReplyMessage(text="Was dit nuttig?", buttons=[Button(title="👍 Ja", payload="feedback:yes")])
    assert len(wa.render_reply(Reply(conversation_id="c", messages=[answer, feedback]), ADDRESS)) == 2
    long_choice = ReplyMessage(text="Lang antwoord. " * 100, buttons=[Button(title="Wat kost het?", payload="followup:kosten")])
    payloads = wa.render_reply(Reply(conversation_id="c", messages=[answer, long_choice, ReplyMessage(text="Nog iets.")]), ADDRESS)
    assert len(payloads) == 2 and "Lang antwoord." in payloads[0]["text"]["body"]
    assert payloads[1]["interactive"]["body"]["text"] == "Maak een keuze. / Please choose."


# ------------------------------------------------------------------ hostile deliveries and limits


def body_with(messages: list[dict], statuses: list[dict] | None = None) -> dict:
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1122334455667"},
             "messages": messages, "statuses": statuses or []}
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}]}


def text_message(number: int, text: str = "paspoort verlengen", *, at: datetime = NOW) -> dict:
    return {"from": f"3161234{number:04d}", "id": f"wamid.T{number}", "timestamp": str(int(at.timestamp())),
            "type": "text", "text": {"body": text}}


def test_one_unreadable_message_never_costs_the_rest_of_the_body() -> None:
    hostile = [
        {**text_message(1), "id": "wamid.\ud800"},  # not an id
        {**text_message(2), "id": {"nested": True}},
        {**text_message(3), "timestamp": "9" * 5000},  # not a time: kept, dated by arrival
        {**text_message(4), "type": "interactive", "interactive": {"type": "button_reply", "button_reply": 7}},
        {**text_message(5), "text": ["not", "a", "dict"]},
        {**text_message(6), "type": "location", "location": {"latitude": "x" * 10, "longitude": None}},
        text_message(7, "\ud800 paspoort \u202everlengen\x00"),
        {**text_message(8), "from": None},
    ]
    body = json.loads(json.dumps(body_with(hostile + [text_message(9)])).replace("\\\\ud800", "\\ud800"))
    parsed = wa.parse_webhook(body, now=NOW)
    assert [m.wamid for m in parsed.messages] == ["wamid.T3", "wamid.T4", "wamid.T5", "wamid.T6", "wamid.T7", "wamid.T9"]
    assert all(wa.clean_text(m.text) == m.text for m in parsed.messages)
    assert next(m for m in parsed.messages if m.wamid == "wamid.T7").text == "\ufffd paspoort verlengen "
    queue = ListQueue()
    result = intake(queue, MemorySeen()).accept(body)
    assert result.queued == 6 and result.ignored == 3 and [i.inbound.wamid for i in queue.items][-1] == "wamid.T9"


def test_button_titles_lose_control_and_direction_characters() -> None:
    message = {**text_message(1), "type": "interactive",
               "interactive": {"type": "button_reply", "button_reply": {"id": "feedback:yes", "title": "Ja\x00\x85\u202e"}}}
    (inbound,) = wa.parse_webhook(body_with([message]), now=NOW).messages
    assert (inbound.kind, inbound.text, inbound.payload) == (InboundKind.BUTTON, "Ja  ", "feedback:yes")


def test_messages_older_than_seven_days_are_dropped() -> None:
    old = text_message(1, at=NOW - timedelta(days=7, minutes=1))
    recent = text_message(2, at=NOW - timedelta(days=6, hours=23))
    parsed = wa.parse_webhook(body_with([old, recent]), now=NOW)
    assert [m.wamid for m in parsed.messages] == ["wamid.T2"] and ("1122334455667", "message older than 7 days") in parsed.ignored


def test_a_thousand_messages_are_deduplicated_and_queued_in_one_pass() -> None:
    queue, seen = ListQueue(), MemorySeen()
    body = body_with([text_message(n) for n in range(1000)] + [text_message(5)])  # one repeat inside the body
    result = intake(queue, seen).accept(body)
    assert (result.queued, result.duplicates) == (1000, 1) and len(queue.items) == 1000
    assert intake(queue, seen).accept(body).duplicates == 1001


def test_messages_that_could_not_be_queued_are_forgotten_and_the_delivery_fails() -> None:
    seen = MemorySeen()
    with pytest.raises(ServiceUnavailable):
        intake(ListQueue(refuse=2), seen).accept(body_with([text_message(n) for n in range(5)]))
    assert seen.seen == {"wamid.T0", "wamid.T1", "wamid.T2"}  # Meta's retry takes the other two
    queue = ListQueue()
    assert intake(queue, seen).accept(body_with([text_message(n) for n in range(5)])).queued == 2


def test_a_resident_over_the_rate_limit_is_told_once_and_the_record_succeeds() -> None:
    def limited(message):
        raise RateLimited("too many")

    graph, log = RecordingGraph(), MemoryLog()
    delivery = wa.ReplyDelivery(respond=limited, graph=graph, log=log, clock=lambda: NOW)
    first = delivery.deliver(queued("pywa_message__text"))
    second = delivery.deliver(queued("pywa_message__text"))
    assert first.rate_limited and second.rate_limited and (first.sent, second.sent) == (1, 0)
    assert [p["text"]["body"] for _, p in graph.sent] == [wa.RATE_LIMIT_NOTICE]


class CountingClients:
    """A stand-in for boto3's DynamoDB and SQS clients that records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def transact_write_items(self, TransactItems):  # noqa: N803 - boto3's argument name
        assert len(TransactItems) <= 100
        self.calls.append(("transact_write_items", len(TransactItems)))
        return {}

    def send_message_batch(self, QueueUrl, Entries):  # noqa: N803
        assert len(Entries) <= 10 and len({entry["Id"] for entry in Entries}) == len(Entries)
        self.calls.append(("send_message_batch", len(Entries)))
        return {"Successful": [{"Id": entry["Id"]} for entry in Entries]}

    def __getattr__(self, name):
        raise AssertionError(f"one call per message ({name}) is too slow for a delivery of 1,000")


def test_a_thousand_messages_take_110_requests_not_2000() -> None:
    from adapters.sqs_inbound import SqsInboundQueue
    from adapters.whatsapp_store import WhatsAppStore

    clients = CountingClients()
    store = WhatsAppStore(clients, "table", lambda: NOW)
    real = wa.WebhookIntake(tenant_for={"1122334455667": "voorbeeld"}.get, app_secret=lambda: "secret", seen=store,
                            queue=SqsInboundQueue(clients, "queue-url"), statuses=store, clock=lambda: NOW)
    result = real.accept(body_with([text_message(n) for n in range(1000)]))
    assert result.queued == 1000
    kinds = Counter(kind for kind, _ in clients.calls)
    assert kinds == {"transact_write_items": 10, "send_message_batch": 100}
    assert sum(size for kind, size in clients.calls if kind == "send_message_batch") == 1000

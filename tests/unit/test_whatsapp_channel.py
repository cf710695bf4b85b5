"""The WhatsApp channel without AWS: parsing Meta's bodies, signatures, rendering
within WhatsApp's limits, the 24-hour window, and WhatsApp's bodies through the
messaging use cases (core.messaging: intake, delivery, staff replies)."""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from balie_local.whatsapp_cmd import delivered
from channels import text_parts
from channels import whatsapp as wa
from channels.meta import sign, signature_is_valid, verification_challenge
from core.clock import FixedClock
from core.errors import DeliveryRefused, InvalidInput, RateLimited, ServiceUnavailable, WhatsAppWindowClosed
from core.ids import is_conversation_id, tenant_of
from core.kb.models import WhatsAppSettings
from core.memory import InMemoryConversationStore, InMemoryMessagingStore
from core.messaging.delivery import EventDelivery
from core.messaging.events import Address, DeliveryPart, QueuedEvent, conversation_id_for
from core.messaging.intake import WebhookIntake
from core.messaging.outbound import ChannelReplies
from core.models import (
    Button, Channel, ChannelAccount, Conversation, InboundKind, Link, Reply, ReplyMessage, Role, TranscriptEntry,
)
from core.dialogue.texts import say_both
from core.text_input import clean_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "whatsapp"  # tests/fixtures/SOURCES.md
ALL_FIXTURES = sorted(FIXTURES.glob("*.json"))
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
ADDRESS = Address(id="31612345678", kind="wa_id")


def fixture(name: str) -> dict:
    """A recorded body as delivered now (its messages dated NOW: older ones are dropped)."""
    return delivered(json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8")), NOW)


# ------------------------------------------------------------------ signature and handshake


def test_signature_of_the_exact_bytes_is_accepted() -> None:
    raw = (FIXTURES / "pywa_message__text.json").read_bytes()
    assert signature_is_valid(raw, sign(raw, "s3cret"), "s3cret")


@pytest.mark.parametrize(
    "header",
    [None, "", "sha256=", "sha1=abc", "sha256=" + "0" * 64, "sha256=zz\u00e9", "abc"],
)
def test_missing_or_wrong_signatures_are_rejected(header: str | None) -> None:
    assert not signature_is_valid(b'{"object": "whatsapp_business_account"}', header, "s3cret")


def test_a_signature_with_another_secret_or_changed_body_is_rejected() -> None:
    raw = b'{"a": 1}'
    assert not signature_is_valid(raw, sign(raw, "other"), "s3cret")
    assert not signature_is_valid(b'{"a": 2}', sign(raw, "s3cret"), "s3cret")
    assert not signature_is_valid(raw, sign(raw, "s3cret"), "")


def test_verification_handshake() -> None:
    good = {"hub.mode": "subscribe", "hub.verify_token": "tok", "hub.challenge": "1158201444"}
    assert verification_challenge(good, "tok") == "1158201444"
    assert verification_challenge({**good, "hub.verify_token": "nope"}, "tok") is None
    assert verification_challenge({**good, "hub.mode": "unsubscribe"}, "tok") is None
    assert verification_challenge({k: v for k, v in good.items() if k != "hub.challenge"}, "tok") is None
    assert verification_challenge(good, "") is None


@pytest.mark.parametrize("challenge", ["<script>alert(1)</script>", "12 34", "1158201444\r\nX-Evil: 1", "١٢٣", "1" * 129])
def test_the_handshake_echoes_only_a_plain_token(challenge: str) -> None:
    """Meta's challenge is a number (its guide also tries CHALLENGE_ACCEPTED): markup, spaces, line breaks and
    other scripts are refused (400) even with the right token,
    so the route never echoes markup or header text; with a wrong token it stays a 403."""
    params = {"hub.mode": "subscribe", "hub.verify_token": "tok", "hub.challenge": challenge}
    with pytest.raises(InvalidInput):
        verification_challenge(params, "tok")
    assert verification_challenge({**params, "hub.verify_token": "nope"}, "tok") is None
    assert verification_challenge({**params, "hub.challenge": "1" * 128}, "tok") == "1" * 128
    # Meta's Messenger guide tries a webhook with this word: it is echoed too.
    assert verification_challenge({**params, "hub.challenge": "CHALLENGE_ACCEPTED"}, "tok") == "CHALLENGE_ACCEPTED"


def test_conversation_id_is_stable_per_tenant_and_sender_and_reveals_nothing() -> None:
    first = conversation_id_for("voorbeeld", ADDRESS, "secret")
    assert first == conversation_id_for("voorbeeld", ADDRESS, "secret")
    assert first != conversation_id_for("andere", ADDRESS, "secret")
    assert first != conversation_id_for("voorbeeld", Address(id="31600000000", kind="wa_id"), "secret")
    assert first != conversation_id_for("voorbeeld", ADDRESS, "other-secret")
    # The same as before the channels shared core.messaging: a resident keeps their conversation.
    assert first == "voorbeeld.5993cc918061e106821025dcdef3c82f"
    assert is_conversation_id(first) and tenant_of(first) == "voorbeeld"
    assert "31612345678" not in first and len(first.split(".")[1]) == 32


# ------------------------------------------------------------------ inbound


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_parses_without_error(path: Path) -> None:
    parsed = wa.parse_webhook(json.loads(path.read_text(encoding="utf-8")))
    assert parsed.events or parsed.receipts or parsed.ignored
    for message in parsed.events:
        inbound = message.to_message("voorbeeld", "voorbeeld." + "0" * 32)
        assert inbound.channel == Channel.WHATSAPP and inbound.client_message_id == message.event_id


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
    (message,) = wa.parse_webhook(fixture(name)).events
    assert (message.kind, message.text, message.payload) == EXPECTED_KINDS[name]


@pytest.mark.parametrize(
    "name",
    ["pywa_message__reaction", "pywa_message__unreaction_empty", "netflie_a_removed_reaction_notification",
     "pywa_edited_message__image", "pywa_deleted_message__revoke", "pywa_system__identity_change",
     "pywa_system__phone_number_change", "pywa_outgoing_message__text", "pywa_user_marketing_preferences__signup"],
)
def test_reactions_edits_revokes_system_and_other_fields_are_ignored(name: str) -> None:
    parsed = wa.parse_webhook(fixture(name))
    assert parsed.events == [] and parsed.receipts == [] and parsed.ignored


def test_a_body_with_only_a_user_id_is_answered_by_user_id() -> None:
    (message,) = wa.parse_webhook(fixture("netflie_a_notification_with_bsuid_only_and_no_from")).events
    assert message.sender == Address(id="BSUID_123", kind="user_id")
    assert wa.addressed({"type": "text"}, message.sender)["recipient"] == "BSUID_123"


def test_the_phone_number_wins_over_the_user_id() -> None:
    (message,) = wa.parse_webhook(fixture("netflie_can_keep_wa_id_priority_when_user_id_is_present")).events
    assert message.sender.kind == "wa_id" and message.sender.id == "PHONE_NUMBER"


def test_several_changes_in_one_body_are_all_read() -> None:
    parsed = wa.parse_webhook(fixture("netflie_multiple_text_notification"))
    assert [m.text for m in parsed.events] == ["MESSAGE_BODY", "MESSAGE_BODY2"]


def test_statuses_keep_error_codes() -> None:
    (failed,) = wa.parse_webhook(fixture("pywa_status__failed")).receipts
    assert failed.status == "failed" and failed.error_codes == (130472,)
    (delivered,) = wa.parse_webhook(fixture("pywa_status__delivered")).receipts
    assert delivered.error_codes == ()


def test_a_status_with_an_odd_error_code_is_kept_without_it() -> None:
    # "²" and "１" are digits to str.isdigit, but int("²") raises: the receipt must not be lost.
    body = fixture("pywa_status__failed")
    for change in body["entry"][0]["changes"]:
        for status in change["value"].get("statuses", []):
            status["errors"] = [{"code": "\u00b2", "title": "x"}, {"code": "\uff11"}, {"code": 131047}]
    (failed,) = wa.parse_webhook(body).receipts
    assert failed.status == "failed" and failed.error_codes == (131047,)


@pytest.mark.parametrize("body", [None, [], "text", {"object": "page"}, {"object": "whatsapp_business_account", "entry": "x"},
                                  {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": None}]}]}])
def test_odd_bodies_never_raise(body) -> None:
    parsed = wa.parse_webhook(body)
    assert parsed.events == [] and parsed.receipts == []


# ------------------------------------------------------------------ outbound


@given(st.text(max_size=300), st.integers(min_value=1, max_value=80))
def test_shorten_never_exceeds_the_limit(text: str, limit: int) -> None:
    assert len(text_parts.shorten(text, limit)) <= limit


def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    assert text_parts.shorten("Parkeervergunning voor bewoners aanvragen", 20) == "Parkeervergunning\u2026"
    assert text_parts.shorten("Kort", 20) == "Kort"


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=9000))
def test_split_text_keeps_every_word_and_the_limit(text: str) -> None:
    parts = text_parts.split_text(text, 4096)
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


def window(template: str | None = None) -> wa.WhatsAppWindow:
    return wa.WhatsAppWindow(lambda slug: WhatsAppSettings(reopen_template=template))


def test_staff_reply_inside_the_window_is_text() -> None:
    assert window().mode("voorbeeld", NOW - timedelta(hours=23), NOW) == "text"
    (payload,) = window().payloads("voorbeeld", [ReplyMessage(text="Ik help u verder.")], ADDRESS, "text", "nl")
    assert payload["type"] == "text" and payload["to"] == "31612345678"


def test_staff_reply_outside_the_window_is_refused_without_a_template() -> None:
    with pytest.raises(WhatsAppWindowClosed) as refused:
        window().mode("voorbeeld", NOW - timedelta(hours=25), NOW)
    assert "24 uur" in refused.value.message and refused.value.code == "whatsapp_window_closed"
    assert window().reachable_until("voorbeeld", NOW) == NOW + timedelta(hours=24)


def test_staff_reply_outside_the_window_uses_the_reopen_template() -> None:
    reopen = window("balie_heropen")
    assert reopen.mode("voorbeeld", NOW - timedelta(days=3), NOW) == "template"
    (payload,) = reopen.payloads("voorbeeld", [ReplyMessage(text="Hallo,\n\nwij bellen u morgen.")], ADDRESS,
                                 "template", "nl")
    assert payload["type"] == "template" and payload["template"]["name"] == "balie_heropen"
    assert payload["template"]["components"][0]["parameters"][0]["text"] == "Hallo, wij bellen u morgen."
    assert reopen.reachable_until("voorbeeld", NOW) is None  # a template reaches the resident any time


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


def staff_sender(graph: RecordingGraph, contacts: InMemoryMessagingStore, template: str | None = None) -> ChannelReplies:
    return ChannelReplies(contacts=contacts, window=window(template), output=wa.WhatsAppOutput(graph), log=contacts,
                          clock=lambda: NOW, unreachable=wa.unreachable)


def contact_book(last_inbound: datetime) -> InMemoryMessagingStore:
    book = InMemoryMessagingStore(clock=lambda: NOW)
    book.remember_contact("voorbeeld", "voorbeeld." + "a" * 32, Channel.WHATSAPP, ADDRESS, "1122334455667",
                          last_inbound, 30)
    return book


def test_staff_sender_sends_inside_the_window_and_refuses_outside() -> None:
    graph = RecordingGraph()
    sender = staff_sender(graph, contact_book(NOW - timedelta(days=5)))
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
    closed = staff_sender(RecordingGraph(DeliveryRefused("x", code=131047)), contact_book(NOW))
    with pytest.raises(WhatsAppWindowClosed):
        closed.send(conversation(NOW), [ReplyMessage(text="Hallo")])
    other = staff_sender(RecordingGraph(DeliveryRefused("x", code=131026)), contact_book(NOW))
    with pytest.raises(ServiceUnavailable):
        other.send(conversation(NOW), [ReplyMessage(text="Hallo")])
    unknown = staff_sender(RecordingGraph(), InMemoryMessagingStore(clock=lambda: NOW))
    with pytest.raises(WhatsAppWindowClosed):
        unknown.check(conversation(NOW))


# ------------------------------------------------------------------ WhatsApp's bodies through the worker's delivery


def queued(name: str) -> QueuedEvent:
    (message,) = wa.parse_webhook(fixture(name)).events
    return QueuedEvent(tenant="voorbeeld", conversation_id="voorbeeld." + "b" * 32, event=message)


def two_part_reply(message):
    return Reply(conversation_id=message.conversation_id,
                 messages=[ReplyMessage(text=f"Antwoord op {message.text}"), ReplyMessage(text="Nog iets?")])


def delivery(respond, graph: RecordingGraph, log: InMemoryMessagingStore | None = None) -> EventDelivery:
    log = log or InMemoryMessagingStore(clock=lambda: NOW)
    return EventDelivery(respond=respond, outputs={Channel.WHATSAPP: wa.WhatsAppOutput(graph)},
                         windows={Channel.WHATSAPP: window()}, contacts=log, log=log,
                         store=InMemoryConversationStore(clock=FixedClock(NOW)), clock=FixedClock(NOW))


def test_media_goes_to_the_engine_which_says_it_reads_text_only() -> None:
    seen = []

    def engine(message):
        seen.append(message)
        return Reply(conversation_id=message.conversation_id, messages=[ReplyMessage(text="Ik kan alleen tekst lezen.")])

    graph = RecordingGraph()
    result = delivery(engine, graph).deliver(queued("pywa_message__voice"))
    assert [m.kind for m in seen] == [InboundKind.MEDIA] and result.sent == 1
    assert seen[0].reachable_until == NOW + timedelta(hours=24)  # no template: a callback within a day


def test_redelivery_sends_only_what_is_missing() -> None:
    class FailSecond(RecordingGraph):
        def send(self, phone_number_id, payload):
            if len(self.sent) == 1 and not getattr(self, "recovered", False):
                raise ServiceUnavailable("down")
            return super().send(phone_number_id, payload)

    graph = FailSecond()
    worker = delivery(two_part_reply, graph)
    item = queued("pywa_message__text")
    with pytest.raises(ServiceUnavailable):
        worker.deliver(item)
    graph.recovered = True
    result = worker.deliver(item)
    assert (result.sent, result.skipped) == (1, 1)
    assert [p["text"]["body"] for _, p in graph.sent] == ["Antwoord op Body Text", "Nog iets?"]
    assert worker.deliver(item).sent == 0  # a third delivery sends nothing


def test_a_permanent_refusal_is_recorded_and_not_raised() -> None:
    log = InMemoryMessagingStore(clock=lambda: NOW)
    result = delivery(two_part_reply, RecordingGraph(DeliveryRefused("Re-engagement message", code=131047)), log
                      ).deliver(queued("pywa_message__text"))
    assert result.refused_code == 131047 and log.send_failures == [
        ("voorbeeld", "wamid.xyzxyz", 131047, "Re-engagement message")]


def test_control_characters_are_removed_and_overlong_text_gets_a_notice() -> None:
    body = fixture("pywa_message__text")
    body["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = "paspoort\x00 verlengen\x1b"
    (message,) = wa.parse_webhook(body).events
    assert message.text == "paspoort  verlengen "
    body["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = "vraag " * 300
    (long_message,) = wa.parse_webhook(body).events
    graph = RecordingGraph()
    delivery(lambda m: pytest.fail("engine called"), graph).deliver(
        QueuedEvent(tenant="voorbeeld", conversation_id="voorbeeld." + "c" * 32, event=long_message))
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


class ListQueue:
    def __init__(self, fail: bool = False, refuse: int = 0):
        self.items: list[QueuedEvent] = []
        self.parts: list[DeliveryPart] = []  # of large deliveries, for the worker to take in
        self.fail = fail
        self.refuse = refuse  # the last `refuse` items of a call are not queued

    def send(self, items):
        if self.fail:
            raise ServiceUnavailable("queue down")
        kept = len(items) - self.refuse
        self.items.extend(items[:kept])
        return items[kept:]

    def send_parts(self, parts):
        if self.fail:
            raise ServiceUnavailable("queue down")
        self.parts.extend(parts)


def intake(queue: ListQueue, seen: InMemoryMessagingStore, now: datetime = NOW) -> WebhookIntake:
    def owner(channel: Channel, phone_number_id: str) -> ChannelAccount | None:
        return ChannelAccount("voorbeeld", Channel.WHATSAPP) if phone_number_id == "1122334455667" else None

    return WebhookIntake(owner=owner, conversation_id=lambda tenant, event: wa.conversation_id(tenant, event, "secret"),
                         queue=queue, pending=seen, clock=lambda: now, receipts=seen)


def accept(queue: ListQueue, seen: InMemoryMessagingStore, body: dict):
    return intake(queue, seen).accept(wa.parse_webhook(body))


def test_intake_queues_once_and_only_for_known_numbers() -> None:
    queue, seen = ListQueue(), InMemoryMessagingStore(clock=lambda: NOW)
    first = accept(queue, seen, fixture("pywa_message__text"))
    again = accept(queue, seen, fixture("pywa_message__text"))
    other = accept(queue, seen, fixture("netflie_a_text_notification"))  # PHONE_NUMBER_ID
    receipts = accept(queue, seen, fixture("pywa_status__failed"))
    # Meta's repeat is queued again: the queue drops it within five minutes, the worker later.
    assert (first.queued, again.queued, other.queued, other.ignored, receipts.receipts) == (1, 1, 0, 1, 1)
    assert receipts.failed == {"voorbeeld": 1}
    item, repeat = queue.items
    assert repeat == item
    assert item.tenant == "voorbeeld" and item.conversation_id.startswith("voorbeeld.")
    assert seen.receipts["voorbeeld"][0].error_codes == (130472,)


def test_a_message_that_could_not_be_queued_is_not_remembered() -> None:
    seen = InMemoryMessagingStore(clock=lambda: NOW)
    with pytest.raises(ServiceUnavailable):
        accept(ListQueue(fail=True), seen, fixture("pywa_message__text"))
    assert accept(ListQueue(), seen, fixture("pywa_message__text")).queued == 1  # Meta's retry is taken


def test_a_queued_record_of_before_the_shared_models_is_still_answered() -> None:
    legacy = {"tenant": "voorbeeld", "conversation_id": "voorbeeld." + "d" * 32, "inbound": {
        "phone_number_id": "1122334455667", "wamid": "wamid.OLD", "sender": {"id": "31612345678", "kind": "wa_id"},
        "kind": "text", "text": "paspoort", "payload": None, "timestamp": 1798000000, "message_type": "text"}}
    item = QueuedEvent.model_validate_json(json.dumps(legacy))
    assert (item.event.channel, item.event.account_id, item.event.event_id, item.event.sender) == (
        Channel.WHATSAPP, "1122334455667", "wamid.OLD", ADDRESS)


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
    parsed = wa.parse_webhook(body)
    assert [m.event_id for m in parsed.events] == ["wamid.T3", "wamid.T4", "wamid.T5", "wamid.T6", "wamid.T7", "wamid.T9"]
    assert all(clean_text(m.text) == m.text for m in parsed.events)
    assert next(m for m in parsed.events if m.event_id == "wamid.T7").text == "\ufffd paspoort verlengen "
    queue = ListQueue()
    result = accept(queue, InMemoryMessagingStore(clock=lambda: NOW), body)
    assert result.queued == 6 and result.ignored == 3 and [i.event.event_id for i in queue.items][-1] == "wamid.T9"


def test_button_titles_lose_control_and_direction_characters() -> None:
    message = {**text_message(1), "type": "interactive",
               "interactive": {"type": "button_reply", "button_reply": {"id": "feedback:yes", "title": "Ja\x00\x85\u202e"}}}
    (inbound,) = wa.parse_webhook(body_with([message])).events
    assert (inbound.kind, inbound.text, inbound.payload) == (InboundKind.BUTTON, "Ja  ", "feedback:yes")


def test_messages_older_than_seven_days_are_dropped() -> None:
    old = text_message(1, at=NOW - timedelta(days=7, minutes=1))
    recent = text_message(2, at=NOW - timedelta(days=6, hours=23))
    queue = ListQueue()
    result = accept(queue, InMemoryMessagingStore(clock=lambda: NOW), body_with([old, recent]))
    assert [item.event.event_id for item in queue.items] == ["wamid.T2"] and result.ignored == 1


def test_a_thousand_messages_are_queued_in_ten_parts_and_each_is_taken_in_once() -> None:
    queue, seen = ListQueue(), InMemoryMessagingStore(clock=lambda: NOW)
    body = body_with([text_message(n) for n in range(1000)] + [text_message(5)])  # one repeat inside the body
    result = accept(queue, seen, body)
    assert (result.queued, result.duplicates) == (1000, 1) and queue.items == []
    assert [len(part.events) for part in queue.parts] == [100] * 10
    for part in queue.parts:
        intake(queue, seen).take_in(part.events)
    assert [i.event.event_id for i in queue.items] == [f"wamid.T{n}" for n in range(1000)]  # in the delivery's order


def test_a_delivery_of_ten_is_still_taken_in_at_once_and_one_of_eleven_in_a_part() -> None:
    queue, seen = ListQueue(), InMemoryMessagingStore(clock=lambda: NOW)
    assert accept(queue, seen, body_with([text_message(n) for n in range(10)])).queued == 10
    assert (len(queue.items), queue.parts) == (10, [])
    assert accept(queue, seen, body_with([text_message(n) for n in range(100, 111)])).queued == 11
    assert len(queue.items) == 10 and [len(part.events) for part in queue.parts] == [11]


def test_a_part_stays_within_sqs_message_size() -> None:
    from core.messaging.intake import PART_BYTES, PART_EVENTS, parts

    (message,) = wa.parse_webhook(body_with([text_message(0)])).events
    long_texts = [QueuedEvent(tenant="voorbeeld", conversation_id="voorbeeld." + "b" * 32, event=message.model_copy(
        update={"event_id": f"wamid.L{n}", "text": "lang " * 800})) for n in range(100)]  # about 4 KB each
    found = parts(long_texts, PART_EVENTS)
    assert len(found) > 1 and all(len(part.model_dump_json().encode()) <= PART_BYTES + 1024 for part in found)
    assert [item.event.event_id for part in found for item in part.events] == [f"wamid.L{n}" for n in range(100)]


def test_messages_that_could_not_be_queued_are_forgotten_and_the_delivery_fails() -> None:
    seen = InMemoryMessagingStore(clock=lambda: NOW)
    with pytest.raises(ServiceUnavailable):
        accept(ListQueue(refuse=2), seen, body_with([text_message(n) for n in range(5)]))
    queue = ListQueue()
    assert accept(queue, seen, body_with([text_message(n) for n in range(5)])).queued == 5  # Meta's retry
    assert [item.event.event_id for item in queue.items] == [f"wamid.T{n}" for n in range(5)]  # 3 copies


def test_a_resident_over_the_rate_limit_is_told_once_and_the_record_succeeds() -> None:
    def limited(message):
        raise RateLimited("too many")

    graph = RecordingGraph()
    worker = delivery(limited, graph)
    item = queued("pywa_message__text")
    first = worker.deliver(item)
    second = worker.deliver(item.model_copy(update={"event": item.event.model_copy(update={"event_id": "wamid.NEXT"})}))
    assert first.rate_limited and second.rate_limited and (first.sent, second.sent) == (1, 0)
    assert [p["text"]["body"] for _, p in graph.sent] == [say_both("sending_too_fast")]


class CountingClients:
    """A stand-in for boto3's DynamoDB and SQS clients that records every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.bodies: list[str] = []

    def transact_write_items(self, TransactItems):  # noqa: N803 - boto3's argument name
        assert len(TransactItems) <= 100
        self.calls.append(("transact_write_items", len(TransactItems)))
        return {}

    def get_item(self, TableName, Key, ConsistentRead):  # noqa: N803
        self.calls.append(("get_item", 1))
        return {}

    def update_item(self, **request):
        self.calls.append(("update_item", 1))
        return {}

    def batch_write_item(self, RequestItems):  # noqa: N803
        (requests,) = RequestItems.values()
        assert len(requests) <= 25
        self.calls.append(("batch_write_item", len(requests)))
        return {}

    def send_message_batch(self, QueueUrl, Entries):  # noqa: N803
        assert len(Entries) <= 10 and len({entry["Id"] for entry in Entries}) == len(Entries)
        self.calls.append(("send_message_batch", len(Entries)))
        return {"Successful": [{"Id": entry["Id"]} for entry in Entries]}

    def send_message(self, QueueUrl, MessageBody, MessageGroupId, MessageDeduplicationId,  # noqa: N803
                     MessageAttributes=None):
        assert len(MessageBody.encode()) <= 256 * 1024
        self.calls.append(("send_message", 1))
        self.bodies.append(MessageBody)
        return {}

    def __getattr__(self, name):
        raise AssertionError(f"one call per message ({name}) is too slow for a delivery of 1,000")


def counted_intake(clients: CountingClients) -> WebhookIntake:
    """The intake on the real store and queue adapters, over clients that count their calls."""
    from adapters.messaging_store import MessagingStore
    from adapters.sqs_inbound import SqsEventQueue

    store = MessagingStore(clients, "table", lambda: NOW, prefix="WA")
    return WebhookIntake(owner=lambda channel, number: ChannelAccount("voorbeeld", Channel.WHATSAPP),
                         conversation_id=lambda tenant, event: wa.conversation_id(tenant, event, "secret"),
                         queue=SqsEventQueue(clients, "queue-url"), pending=store, clock=lambda: NOW, receipts=store)


def test_a_thousand_messages_take_the_webhook_10_requests_and_each_part_10() -> None:
    clients = CountingClients()
    real = counted_intake(clients)
    result = real.accept(wa.parse_webhook(body_with([text_message(n) for n in range(1000)])))
    # The parts named as pending (one UpdateItem), then queued.
    assert result.queued == 1000 and Counter(kind for kind, _ in clients.calls) == {"update_item": 1, "send_message": 10}
    clients.calls.clear()
    real.take_in_part(DeliveryPart.model_validate_json(clients.bodies[0]))  # the worker, one part
    assert Counter(kind for kind, _ in clients.calls) == {"send_message_batch": 10, "update_item": 1}
    assert sum(size for kind, size in clients.calls if kind == "send_message_batch") == 100


def statuses(count: int, failed_every: int = 0) -> list[dict]:
    return [{"id": f"wamid.OUT{n}", "status": "failed" if failed_every and n % failed_every == 0 else "delivered",
             "timestamp": str(int(NOW.timestamp())), "recipient_id": f"3161234{n % 50:04d}",
             **({"errors": [{"code": 131047, "title": "Re-engagement message"}]}
                if failed_every and n % failed_every == 0 else {})} for n in range(count)]


def test_a_thousand_statuses_are_queued_not_written_by_the_webhook_and_the_worker_records_them() -> None:
    clients = CountingClients()
    real = counted_intake(clients)
    result = real.accept(wa.parse_webhook(body_with([], statuses(1000, failed_every=100))))
    assert result.receipts == 1000 and result.failed == {}  # counted where they are recorded
    assert {kind for kind, _ in clients.calls} == {"send_message"} and len(clients.calls) <= 2  # by bytes
    clients.calls.clear()
    recorded = [real.take_in_part(DeliveryPart.model_validate_json(body)) for body in clients.bodies]
    assert sum(r.receipts for r in recorded) == 1000 and sum(r.failed.get("voorbeeld", 0) for r in recorded) == 10
    assert Counter(kind for kind, _ in clients.calls) == {"batch_write_item": 40}


def test_up_to_25_statuses_are_still_recorded_at_once_and_26_queued() -> None:
    queue, seen = ListQueue(), InMemoryMessagingStore(clock=lambda: NOW)
    few = accept(queue, seen, body_with([text_message(1)], statuses(25, failed_every=5)))
    assert (few.receipts, few.failed, len(seen.receipts["voorbeeld"]), queue.parts) == (25, {"voorbeeld": 5}, 25, [])
    many = accept(queue, seen, body_with([text_message(2)], statuses(26)))
    assert many.receipts == 26 and len(seen.receipts["voorbeeld"]) == 25  # not written by the webhook
    (part,) = queue.parts
    assert (len(part.events), len(part.receipts)) == (0, 26) and [i.event.event_id for i in queue.items] == [
        "wamid.T1", "wamid.T2"]
    assert intake(queue, seen).take_in_part(part).receipts == 26 and len(seen.receipts["voorbeeld"]) == 51


def test_a_one_message_delivery_costs_the_webhook_one_read_and_one_queue_call() -> None:
    clients = CountingClients()
    result = counted_intake(clients).accept(wa.parse_webhook(body_with([text_message(1)])))
    # Nothing pending before it: straight to the resident's group. (Was a conditional PutItem + SendMessage.)
    assert result.queued == 1 and clients.calls == [("get_item", 1), ("send_message", 1)]


def test_a_residents_later_message_waits_behind_their_earlier_one_still_in_a_part() -> None:
    queue, seen = ListQueue(), InMemoryMessagingStore(clock=lambda: NOW)
    accept(queue, seen, body_with([text_message(n) for n in range(11)]))  # resident 5's wamid.T5 in a part
    accept(queue, seen, body_with([{**text_message(5), "id": "wamid.LATER5"}]))
    assert queue.items == [] and len(queue.parts) == 2  # behind the part, not straight to the resident's group
    for part in list(queue.parts):
        intake(queue, seen).take_in_part(part)  # the worker, in the parts' order
    order = [item.event.event_id for item in queue.items]
    assert order.index("wamid.T5") < order.index("wamid.LATER5") and not seen.any_pending(NOW)
    accept(queue, seen, body_with([{**text_message(5), "id": "wamid.THEN5"}]))  # nothing pending: straight on
    assert queue.items[-1].event.event_id == "wamid.THEN5" and len(queue.parts) == 2


def test_a_part_pending_past_the_queues_retries_no_longer_holds_later_messages_back() -> None:
    from core.messaging.intake import PENDING_PART_AGE

    queue, seen = ListQueue(), InMemoryMessagingStore(clock=lambda: NOW)
    accept(queue, seen, body_with([text_message(n) for n in range(11)]))  # never taken in: in the DLQ by then
    later = NOW + PENDING_PART_AGE + timedelta(seconds=1)
    intake(queue, seen, now=later).accept(wa.parse_webhook(body_with([text_message(20, at=later)])))
    assert [item.event.event_id for item in queue.items] == ["wamid.T20"]

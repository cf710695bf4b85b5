"""The Messenger and Instagram channel without AWS: Meta's bodies (the real fixtures and
odd ones), signatures, rendering within Messenger's and Instagram's limits, and the
messaging windows for messages outside a resident's turn."""
from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from balie_local.graph_standin import send_api_problem
from channels import messenger as fb
from channels.meta import signature_is_valid, verification_challenge
from core.errors import DeliveryRefused, MessengerWindowClosed, ServiceUnavailable
from core.ids import is_conversation_id, tenant_of
from core.messaging.events import Address, BusinessMessage, MessageEdited, MessageUnsent, ResidentMessage, ThreadControl
from core.models import Button, Channel, InboundKind, Link, Reply, ReplyMessage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "messenger"  # messenger/SOURCES.md
NOW = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
RESIDENT = Address(id="7001", kind="id")


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ signatures (SOURCES.md "Signature examples")


def test_the_sha256_vector_of_botbuilder_verifies_on_the_exact_bytes() -> None:
    raw = (FIXTURES / "botbuilder_signed_text.json").read_bytes()
    header = "sha256=13870d954c7cb3a6725c7c8dc58260e6eee77d538dafea1a3703dcc2ae21e97f"
    assert signature_is_valid(raw, header, "TestAppSecret")
    assert not signature_is_valid(raw.replace(b"\r\n", b"\n"), header, "TestAppSecret")  # re-saved: refused
    assert not signature_is_valid(raw, header, "OtherSecret")


@pytest.mark.parametrize("name,secret,header", [
    ("botman_signed_text_sha1", "Bar", "sha1=74432bfe572675092cc81b5ac903ff3f971b04e5"),
    ("messenger4j_signed_text_sha1", "60efff025951cddde78c8d03de52cc90", "sha1=3daa41999293ff66c3eb313e04bcf77861bb0276"),
])
def test_legacy_sha1_signatures_are_not_enough(name: str, secret: str, header: str) -> None:
    raw = (FIXTURES / f"{name}.json").read_bytes()
    # The upstream value is right for SHA-1 ...
    assert "sha1=" + hmac.new(secret.encode(), raw, hashlib.sha1).hexdigest() == header
    # ... but Balie requires X-Hub-Signature-256, which Meta always sends.
    assert not signature_is_valid(raw, header, secret)
    assert not signature_is_valid(raw, header.replace("sha1=", "sha256="), secret)
    assert signature_is_valid(raw, "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest(), secret)


def test_the_handshake_echoes_the_challenge_only_for_the_right_token() -> None:
    params = {"hub.mode": "subscribe", "hub.verify_token": "tok", "hub.challenge": "1158201444"}
    assert verification_challenge(params, "tok") == "1158201444"
    assert verification_challenge({**params, "hub.verify_token": "nope"}, "tok") is None


# ------------------------------------------------------------------ inbound


def only_event(body: dict):
    parsed = fb.parse_webhook(body)
    assert len(parsed.events) == 1, (parsed.events, parsed.ignored)
    return parsed.events[0]


def test_numeric_ids_and_millisecond_times_are_read() -> None:
    event = only_event(fixture("restfb_message_text"))
    assert isinstance(event, ResidentMessage)
    assert (event.account_id, event.sender.id, event.event_id) == ("12345654332", "987654321432",
                                                                   "mid.1457764197618:41d102a3e1ae206a38")
    assert event.timestamp == 1457764197 and event.channel == Channel.MESSENGER
    assert (event.kind, event.text) == (InboundKind.TEXT, "hello, world!")


def test_chatwoot_bodies_without_object_and_with_iso_times_are_read() -> None:
    event = only_event(fixture("chatwoot_instagram_text"))
    assert event.timestamp == int(datetime(2021, 9, 8, 6, 34, 4, tzinfo=timezone.utc).timestamp())
    assert event.account_id == "instagram-message-id-123" and event.sender.id == "Sender-id-1"


def test_instagram_bodies_are_instagram() -> None:
    event = only_event(fixture("restfb_instagram_unsupported_attachment"))
    assert event.channel == Channel.INSTAGRAM and event.kind == InboundKind.UNSUPPORTED


@pytest.mark.parametrize("name,kind,message_type", [
    ("restfb_message_image", InboundKind.MEDIA, "image"),
    ("botman_message_audio", InboundKind.MEDIA, "audio"),
    ("botman_message_video", InboundKind.MEDIA, "video"),
    ("botman_message_file", InboundKind.MEDIA, "file"),
    ("botman_message_two_images", InboundKind.MEDIA, "image"),
    ("restfb_message_sticker", InboundKind.MEDIA, "sticker"),
    ("restfb_message_sticker_thumbsup", InboundKind.MEDIA, "sticker"),
    ("restfb_message_fallback", InboundKind.UNSUPPORTED, "fallback"),
    ("restfb_message_unsupported", InboundKind.UNSUPPORTED, "unsupported"),
    ("chatwoot_instagram_share", InboundKind.UNSUPPORTED, "share"),
    ("chatwoot_instagram_story_mention", InboundKind.UNSUPPORTED, "story_mention"),
    ("messenger4j_message_multiple_attachments", InboundKind.UNSUPPORTED, "image"),
    ("restfb_message_location", InboundKind.LOCATION, "location"),
])
def test_what_balie_cannot_read_goes_to_the_engine_as_such(name: str, kind: InboundKind, message_type: str) -> None:
    event = only_event(fixture(name))
    assert (event.kind, event.message_type) == (kind, message_type)


def test_a_location_keeps_its_coordinates() -> None:
    assert only_event(fixture("restfb_message_location")).payload == "12.34,43.21"


def test_text_wins_over_what_comes_with_it() -> None:
    for name in ("restfb_message_reply_to_story", "chatwoot_instagram_story_reply", "restfb_message_prior_message"):
        event = only_event(fixture(name))
        assert event.kind == InboundKind.TEXT and event.text


def test_quick_replies_with_balies_payloads_are_buttons_others_are_their_words() -> None:
    body = fixture("restfb_message_quick_reply")
    foreign = only_event(body)
    assert (foreign.kind, foreign.text, foreign.payload) == (InboundKind.TEXT, "quick reply text", None)
    body["entry"][0]["messaging"][0]["message"]["quick_reply"]["payload"] = "feedback:yes"
    own = only_event(body)
    assert (own.kind, own.payload) == (InboundKind.BUTTON, "feedback:yes")


def test_postbacks_answer_with_their_payload_or_their_words() -> None:
    plain = only_event(fixture("restfb_postback"))
    assert (plain.kind, plain.text) == (InboundKind.TEXT, "USER_DEFINED_PAYLOAD")
    titled = only_event(fixture("botbuilder_postback_title_referral"))
    assert titled.text and titled.event_id  # with its own mid
    guest = only_event(fixture("restfb_postback_chat_plugin_user_ref"))
    assert guest.sender == Address(id="987654321432", kind="user_ref") and guest.text == "hey"
    body = fixture("restfb_postback")
    body["entry"][0]["messaging"][0]["postback"].update(payload="handover:request", title="Medewerker spreken")
    pressed = only_event(body)
    assert (pressed.kind, pressed.payload, pressed.text) == (InboundKind.BUTTON, "handover:request", "Medewerker spreken")
    # A postback without mid gets an id of its own: the same delivery again is the same event.
    assert pressed.event_id == only_event(body).event_id != plain.event_id


def test_edits_unsends_and_echoes() -> None:
    edit = only_event(fixture("restfb_message_edit"))
    assert isinstance(edit, MessageEdited) and edit.message_id in edit.event_id and edit.event_id.endswith("#edit37")
    for name in ("restfb_message_deleted", "chatwoot_instagram_unsend"):
        unsent = only_event(fixture(name))
        assert isinstance(unsent, MessageUnsent) and unsent.event_id == unsent.message_id + "#unsend"
    echo = only_event(fixture("messenger4j_message_echo_template"))
    # The business wrote to the resident: the resident is the recipient.
    assert isinstance(echo, BusinessMessage) and echo.sender.id == "1256299999730577"
    assert echo.app_id == "1559999994822905" and "Samsung" in echo.text and not echo.marked
    body = fixture("restfb_message_echo")
    body["entry"][0]["messaging"][0]["message"]["metadata"] = fb.OWN_MESSAGE_MARKER
    assert only_event(body).marked


@pytest.mark.parametrize("name,change,app_id", [
    ("restfb_pass_thread_control", "passed", "NEW_OWNER_APP_ID"),
    ("restfb_take_thread_control", "taken", "PREVIOUS_OWNER_APP_ID"),
    ("restfb_request_thread_control", "requested", "REQUESTED_OWNER_APP_ID"),
])
def test_the_handover_protocol(name: str, change: str, app_id: str) -> None:
    event = only_event(fixture(name))
    assert isinstance(event, ThreadControl) and (event.change, event.app_id) == (change, app_id)


@pytest.mark.parametrize("name,reason", [
    ("restfb_delivery", "delivery"), ("restfb_read", "read"), ("restfb_instagram_seen", "read"),
    ("chatwoot_instagram_seen", "read"), ("restfb_reaction_react", "reaction"), ("restfb_reaction_unreact", "reaction"),
    ("restfb_optin", "optin"), ("restfb_optin_user_ref", "optin"), ("botman_optin_user_ref_no_sender", "event without sender"),
    ("restfb_referral_shortlink", "referral"), ("messenger4j_referral_ads", "referral"),
    ("messenger4j_unsupported_event_type", "event EVENT_TYPE_THAT_IS_UNSUPPORTED"),
    ("restfb_standby_echo", "standby"), ("kerox_standby_quick_reply", "standby"), ("chatwoot_instagram_standby", "standby"),
])
def test_receipts_reactions_optins_referrals_and_standby_are_acknowledged_not_answered(name: str, reason: str) -> None:
    parsed = fb.parse_webhook(fixture(name))
    assert parsed.events == [] and [found for _, found in parsed.ignored] == [reason]


def test_standby_next_to_messaging_in_one_entry() -> None:
    parsed = fb.parse_webhook(fixture("botbuilder_standby_batched"))
    assert [event.text for event in parsed.events] == ["text"]
    assert [reason for _, reason in parsed.ignored] == ["standby", "standby"]


def test_two_entries_in_one_body_are_both_read_in_order() -> None:
    parsed = fb.parse_webhook(fixture("bottender_batched_two_entries"))
    assert [event.text for event in parsed.events] == ["test 1", "test 2"]


@pytest.mark.parametrize("body", [
    None, [], "page", {"object": "whatsapp_business_account", "entry": []}, {"object": "page", "entry": "x"},
    {"object": "page", "entry": [{"id": True, "messaging": [{}]}]},
    {"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}, "message": {"mid": ["x"]}}]}]},
    {"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}, "timestamp": "nonsense",
                                                            "message": {"mid": "m", "text": 5}}]}]},
    {"object": "page", "entry": [{"id": "1", "messaging": [{"sender": {"id": "2"}, "postback": {"payload": None}}]}]},
])
def test_odd_bodies_never_raise(body) -> None:
    parsed = fb.parse_webhook(body)
    assert all(isinstance(event.event_id, str) for event in parsed.events)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                           lambda children: st.lists(children, max_size=3) | st.dictionaries(
                               st.sampled_from(["id", "mid", "text", "message", "sender", "recipient", "timestamp",
                                                "attachments", "type", "payload", "quick_reply", "postback", "is_echo",
                                                "is_deleted", "message_edit", "messaging", "standby", "entry"]),
                               children, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(entry=json_values)
def test_any_shape_under_entry_is_read_or_ignored(entry) -> None:
    fb.parse_webhook({"object": "page", "entry": [entry] if not isinstance(entry, list) else entry})


def test_conversation_ids_are_per_tenant_channel_and_resident_and_reveal_nothing() -> None:
    event = only_event(fixture("restfb_message_text"))
    first = fb.conversation_id("voorbeeld", event, "secret")
    assert first == fb.conversation_id("voorbeeld", event, "secret") and is_conversation_id(first)
    assert tenant_of(first) == "voorbeeld" and "987654321432" not in first
    assert fb.conversation_id("voorbeeld", event.model_copy(update={"channel": Channel.INSTAGRAM}), "secret") != first
    assert fb.conversation_id("voorbeeld", event, "other") != first


# ------------------------------------------------------------------ outbound


def bodies(reply_messages: list[ReplyMessage], channel: Channel = Channel.MESSENGER, **kwargs) -> list[dict]:
    return fb.render_messages(reply_messages, channel, RESIDENT, **kwargs)


def test_a_short_answer_is_one_text_with_balies_marker_on_messenger_only() -> None:
    [body] = bodies([ReplyMessage(text="Hallo")])
    assert body == {"recipient": {"id": "7001"}, "messaging_type": "RESPONSE",
                    "message": {"text": "Hallo", "metadata": fb.OWN_MESSAGE_MARKER}}
    [instagram] = bodies([ReplyMessage(text="Hallo")], Channel.INSTAGRAM)
    assert instagram["message"] == {"text": "Hallo"}


def test_a_chat_plugin_guest_is_answered_by_user_ref() -> None:
    [body] = fb.render_messages([ReplyMessage(text="Hallo")], Channel.MESSENGER, Address(id="42", kind="user_ref"))
    assert body["recipient"] == {"user_ref": "42"}


def test_long_answers_are_split_by_each_apps_measure() -> None:
    text = ("Een zin met een paar woorden en één é. " * 120).strip()
    messenger = bodies([ReplyMessage(text=text)])
    instagram = bodies([ReplyMessage(text=text)], Channel.INSTAGRAM)
    assert all(len(b["message"]["text"]) <= 2000 for b in messenger) and len(messenger) == 3
    assert all(len(b["message"]["text"].encode("utf-8")) <= 1000 for b in instagram) and len(instagram) >= 5
    assert " ".join(b["message"]["text"] for b in instagram).split() == text.split()  # nothing lost


def test_links_with_short_titles_become_a_button_template_on_messenger() -> None:
    links = [Link(title="Maak een afspraak", url="https://x.nl/a"), Link(title="Tarieven", url="https://x.nl/t")]
    [body] = bodies([ReplyMessage(text="Uw paspoort.", links=links)])
    template = body["message"]["attachment"]["payload"]
    assert template["template_type"] == "button" and template["text"] == "Uw paspoort."
    assert [b["title"] for b in template["buttons"]] == ["Maak een afspraak", "Tarieven"]
    # Long titles, more than three links, or Instagram: the links are written out in full.
    long_title = [Link(title="Paspoort en identiteitskaart (Rijksoverheid)", url="https://x.nl/p")]
    for message, channel in ((ReplyMessage(text="Zie:", links=long_title), Channel.MESSENGER),
                             (ReplyMessage(text="Zie:", links=links * 2), Channel.MESSENGER),
                             (ReplyMessage(text="Zie:", links=links), Channel.INSTAGRAM)):
        [body] = bodies([message], channel)
        assert "https://x.nl/" in body["message"]["text"] and "attachment" not in body["message"]


def test_choices_become_quick_replies_under_the_last_message() -> None:
    greeting = ReplyMessage(text="Hallo", buttons=[Button(title="Medewerker spreken", payload="handover:request")])
    question = ReplyMessage(text="Bedoelt u?", buttons=[Button(title="Paspoort aanvragen of verlengen", payload="intent:paspoort"),
                                                         Button(title="Identiteitskaart", payload="intent:id-kaart")])
    first, second = bodies([greeting, question])
    assert "quick_replies" not in first["message"]
    replies = second["message"]["quick_replies"]
    assert [r["payload"] for r in replies] == ["intent:paspoort", "intent:id-kaart"]
    assert all(len(r["title"]) <= 20 for r in replies) and replies[0]["title"].endswith("\u2026")


def test_a_message_that_is_only_choices_gets_a_prompt() -> None:
    [body] = bodies([ReplyMessage(text="", buttons=[Button(title="Ja", payload="feedback:yes")])], language="en")
    assert body["message"]["text"] == "Please choose." and body["message"]["quick_replies"]


titles = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("abc é😀\n."), max_size=5000),
    button_titles=st.lists(titles, max_size=16),
    link_titles=st.lists(titles, max_size=4),
    channel=st.sampled_from([Channel.MESSENGER, Channel.INSTAGRAM]),
    tag=st.sampled_from([None, "HUMAN_AGENT"]),
)
def test_every_request_keeps_the_send_apis_limits(text, button_titles, link_titles, channel, tag) -> None:
    buttons = [Button(title=title, payload=f"intent:{index}") for index, title in enumerate(button_titles)]
    links = [Link(title=title, url=f"https://x.nl/{index}") for index, title in enumerate(link_titles)]
    rendered = bodies([ReplyMessage(text=text, links=links, buttons=buttons)], channel, tag=tag)
    for body in rendered:
        assert send_api_problem(body, instagram=channel == Channel.INSTAGRAM, human_agent=True) is None, body
    if buttons:
        assert len(rendered[-1]["message"]["quick_replies"]) == min(len(buttons), 13)


def test_a_turn_is_at_most_two_messages_with_the_last_choices() -> None:
    two = Reply(conversation_id="c", language="en", messages=[ReplyMessage(text="one"), ReplyMessage(text="two")])
    assert [b["message"]["text"] for b in fb.render_reply(two, Channel.MESSENGER, RESIDENT)] == ["one", "two"]
    greeting = ReplyMessage(text="Hallo!", buttons=[Button(title="Medewerker spreken", payload="handover:request")])
    answer = ReplyMessage(text="Uw paspoort.", links=[Link(title="Afspraak", url="https://x.nl/a")])
    feedback = ReplyMessage(text="Was dit nuttig?", buttons=[Button(title="Ja", payload="feedback:yes")])
    said, asked = fb.render_reply(Reply(conversation_id="c", messages=[greeting, answer, feedback]),
                                  Channel.MESSENGER, RESIDENT)
    assert said["message"]["text"] == "Hallo!\n\nUw paspoort.\n\nAfspraak: https://x.nl/a"
    assert asked["message"]["text"] == "Was dit nuttig?"
    assert [r["payload"] for r in asked["message"]["quick_replies"]] == ["feedback:yes"]


# ------------------------------------------------------------------ messaging windows


def test_the_window_is_24_hours_and_7_days_with_human_agent() -> None:
    assert fb.window_mode(NOW - timedelta(hours=23), NOW, human_agent=False) == "response"
    assert fb.window_mode(NOW - timedelta(hours=25), NOW, human_agent=True) == "human_agent"
    assert fb.window_mode(NOW - timedelta(days=6, hours=23), NOW, human_agent=True) == "human_agent"
    for last, permitted in ((NOW - timedelta(hours=25), False), (NOW - timedelta(days=7, minutes=1), True), (None, True)):
        with pytest.raises(MessengerWindowClosed) as closed:
            fb.window_mode(last, NOW, human_agent=permitted)
        assert ("HUMAN_AGENT" in closed.value.message) != permitted


def test_staff_payloads_carry_the_tag_outside_24_hours() -> None:
    window = fb.MessengerWindow(Channel.MESSENGER, human_agent=True)
    [inside] = window.payloads("t", [ReplyMessage(text="Goedemorgen")], RESIDENT, "response", "nl")
    [later] = window.payloads("t", [ReplyMessage(text="Goedemorgen")], RESIDENT, "human_agent", "nl")
    assert inside["messaging_type"] == "RESPONSE" and "tag" not in inside
    assert (later["messaging_type"], later["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")
    assert window.reachable_until("t", NOW) == NOW + timedelta(days=7)
    assert fb.MessengerWindow(Channel.INSTAGRAM, human_agent=False).reachable_until("t", NOW) == NOW + timedelta(hours=24)


def test_meta_refusals_become_what_staff_can_act_on() -> None:
    window = fb.MessengerWindow(Channel.INSTAGRAM, human_agent=False)
    assert isinstance(window.refused(DeliveryRefused("outside", code=10, subcode=2018278)), MessengerWindowClosed)
    assert isinstance(window.refused(DeliveryRefused("unavailable", code=551)), MessengerWindowClosed)
    other = window.refused(DeliveryRefused("bad", code=100))
    assert isinstance(other, ServiceUnavailable) and "Instagram" in other.message

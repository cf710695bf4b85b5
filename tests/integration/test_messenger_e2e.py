"""Messenger and Instagram end to end on the local stack: Meta's signed webhook over HTTP ->
webhook -> FIFO queue -> worker (driven here like its event source mapping) -> engine ->
the Send API stand-in over HTTP; staff through the staff API.

- a Messenger and an Instagram conversation, a photo, an edit and an unsend;
- a live handover with staff, and Meta's handover protocol (the Page inbox takes the thread);
- staff replies and the messaging windows (24 hours; HUMAN_AGENT up to 7 days where the app
  may use it; else a 409), and an out-of-hours ticket answered on Messenger;
- every one of the 54 real fixtures, delivered as Meta would.

Knowledge: the engine test knowledge base (tenant alpha: Page 333, Instagram 444, open on
Monday 08:30-17:00), and for the fixtures the project's own (voorbeeld: Page 12345654332).
"""
from __future__ import annotations

import argparse
import json
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from balie_local import messenger_cmd
from balie_local.stack import LOCAL_MESSENGER_APP_ID, LocalStack
from channels import messenger
from channels.meta import sign
from core.dialogue.texts import say
from core.messaging.events import Address, ResidentMessage
from core.models import Channel
from handlers import messenger_services, wiring
from http_support import json_headers, send

MONDAY_MORNING = "2026-11-30T10:00:00+01:00"
SATURDAY_EVENING = "2026-11-28T21:00:00+01:00"
PAGE, INSTAGRAM = "333", "444"  # tests/unit/data/kb_engine/tenants/alpha.yaml
PAGE_INBOX = messenger.PAGE_INBOX_APP_ID
FEE = "Een paspoort kost geld."  # the kosten follow-up of kb_engine's paspoort


@pytest.fixture(scope="module")
def stack(engine_kb_stack: LocalStack) -> LocalStack:
    return engine_kb_stack


@pytest.fixture(autouse=True)
def fresh_channel(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)
    messenger_services.use(None)
    yield
    messenger_services.use(None)


def at(moment: str) -> int:
    return int(datetime.fromisoformat(moment).timestamp() * 1000)


def deliver(stack: LocalStack, body: dict[str, Any]) -> list[dict[str, Any]]:
    """Meta posts `body` (signed); the worker carries out what was queued; returns what was sent."""
    secret = stack.channel_secrets()["messenger_app_secret"]
    raw = json.dumps(body).encode("utf-8")
    answer = send(f"{stack.url}/v1/messenger/webhook", "POST", raw,
                  {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
    assert answer.status == 200, answer.body
    before = len(stack.graph.messenger.outbox)
    stack.drain("MessengerWorkerFunction")
    return stack.graph.messenger.outbox[before:]


def write(stack: LocalStack, text: str, resident: str, *, moment: str = MONDAY_MORNING, instagram: bool = False,
          payload: str | None = None, mid: str | None = None) -> list[dict[str, Any]]:
    body = messenger_cmd.webhook_body(text, resident, INSTAGRAM if instagram else PAGE, instagram=instagram,
                                      timestamp_ms=at(moment), payload=payload, mid=mid)
    return deliver(stack, body)


def event(resident: str, kind: str, value: dict[str, Any], *, moment: str = MONDAY_MORNING) -> dict[str, Any]:
    """A webhook body with one messaging event of `kind` (message_edit, pass_thread_control, ...)."""
    return {"object": "page", "entry": [{"id": PAGE, "time": at(moment), "messaging": [
        {"sender": {"id": resident}, "recipient": {"id": PAGE}, "timestamp": at(moment), kind: value}]}]}


def texts(sent: list[dict[str, Any]]) -> str:
    return " | ".join(messenger_cmd.describe(message["payload"]) for message in sent)


def conversation_id(stack: LocalStack, resident: str, channel: Channel = Channel.MESSENGER) -> str:
    """The conversation the channel names for this resident (an HMAC with the stack's app secret)."""
    probe = ResidentMessage(channel=channel, account_id=PAGE, event_id="x", sender=Address(id=resident, kind="id"))
    return messenger.conversation_id("alpha", probe, stack.channel_secrets()["messenger_app_secret"])


def call(stack: LocalStack, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
    answer = send(stack.url + path, method, body, json_headers(token=token))
    return answer.status, answer.json()


def token(stack: LocalStack, teams: str | list[str] = "*") -> str:
    status, issued = call(stack, "POST", "/dev/token", {"tenant": "alpha", "teams": teams})
    assert status == 200, issued
    return issued["token"]


def staff_view(stack: LocalStack, conversation: str) -> dict[str, Any]:
    status, view = call(stack, "GET", f"/v1/staff/conversations/{conversation}", token=token(stack))
    assert status == 200, view
    return view


# ------------------------------------------------------------------ conversations


def test_a_messenger_conversation(stack: LocalStack) -> None:
    resident = "7100000000000001"
    first = write(stack, "Ik wil mijn paspoort verlengen", resident)
    assert first and all(m["to"] == resident and m["accountId"] == PAGE and m["channel"] == "messenger" for m in first)
    assert "paspoort" in texts(first).lower()
    assert all(m["payload"]["messaging_type"] == "RESPONSE" for m in first)
    assert all(m["payload"]["message"].get("metadata") == messenger.OWN_MESSAGE_MARKER for m in first)
    follow_up = write(stack, "wat kost dat?", resident)
    assert follow_up and FEE in texts(follow_up)  # the follow-up is about the passport
    [feedback] = [m for m in first if m["payload"]["message"].get("quick_replies")][-1:]
    pressed = feedback["payload"]["message"]["quick_replies"][0]
    thanks = write(stack, pressed["title"], resident, payload=pressed["payload"])
    assert thanks
    conversation = staff_view(stack, conversation_id(stack, resident))
    assert conversation["channel"] == "messenger"
    assert resident not in json.dumps(conversation["transcript"])  # the page-scoped id is no transcript text
    # Meta's echoes of Balie's own messages (with Balie's marker and app id) change nothing.
    echoes = [event(resident, "message", {"mid": sent["id"], "text": "x", "is_echo": True, "metadata": "balie",
                                          "app_id": int(LOCAL_MESSENGER_APP_ID)}) for sent in first]
    for body in echoes:
        body["entry"][0]["messaging"][0].update(sender={"id": PAGE}, recipient={"id": resident})
        assert deliver(stack, body) == []
    assert len(staff_view(stack, conversation_id(stack, resident))["transcript"]) == len(conversation["transcript"])


def test_a_large_delivery_is_queued_in_parts_and_every_message_answered_once(stack: LocalStack,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from core.messaging import intake

    monkeypatch.setattr(intake, "PART_EVENTS", 10)  # 25 messages: three parts, as 1,000 are ten
    residents = [f"73000000000000{n:02d}" for n in range(25)]
    body = messenger_cmd.webhook_body("Ik wil mijn paspoort verlengen", residents[0], PAGE, timestamp_ms=at(MONDAY_MORNING))
    body["entry"][0]["messaging"] = [
        messenger_cmd.webhook_body("Ik wil mijn paspoort verlengen", resident, PAGE, mid=f"m_LARGE{n}",
                                   timestamp_ms=at(MONDAY_MORNING))["entry"][0]["messaging"][0]
        for n, resident in enumerate(residents)]
    secret = stack.channel_secrets()["messenger_app_secret"]
    raw = json.dumps(body).encode("utf-8")
    headers = {"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)}
    queue_url = stack.deployment.queues["MessengerInboundQueue"]
    answer = send(f"{stack.url}/v1/messenger/webhook", "POST", raw, headers)
    assert answer.status == 200 and answer.json()["queued"] == 25
    waiting = stack.client("sqs").get_queue_attributes(QueueUrl=queue_url, AttributeNames=["ApproximateNumberOfMessages"])
    assert waiting["Attributes"]["ApproximateNumberOfMessages"] == "3"  # the parts, not 25 messages
    before = len(stack.graph.messenger.outbox)
    assert stack.drain("MessengerWorkerFunction") == 3 + 25  # each part taken in, then each message
    sent = stack.graph.messenger.outbox[before:]
    single = write(stack, "Ik wil mijn paspoort verlengen", "7300000000000099")  # the same message on its own
    assert sorted(m["to"] for m in sent) == sorted(r for r in residents for _ in single)  # each answered once
    assert send(f"{stack.url}/v1/messenger/webhook", "POST", raw, headers).status == 200  # Meta's retry
    stack.drain("MessengerWorkerFunction")
    assert len(stack.graph.messenger.outbox) == before + len(sent) + len(single)  # nothing answered twice


def test_an_instagram_conversation(stack: LocalStack) -> None:
    resident = "7200000000000001"
    sent = write(stack, "Ik wil mijn paspoort verlengen", resident, instagram=True)
    assert sent and all(m["accountId"] == INSTAGRAM and m["channel"] == "instagram" for m in sent)
    for message in sent:
        body = message["payload"]["message"]
        assert "attachment" not in body and "metadata" not in body  # Instagram: text and quick replies only
        assert len(body["text"].encode("utf-8")) <= 1000
    conversation = staff_view(stack, conversation_id(stack, resident, Channel.INSTAGRAM))
    assert conversation["channel"] == "instagram"
    # Instagram's echoes carry no marker: Balie knows its own by the ids it sent.
    for message in sent:
        echo = event(resident, "message", {"mid": message["id"], "text": "x", "is_echo": True})
        echo["object"], echo["entry"][0]["id"] = "instagram", INSTAGRAM
        echo["entry"][0]["messaging"][0].update(sender={"id": INSTAGRAM}, recipient={"id": resident})
        assert deliver(stack, echo) == []
    assert staff_view(stack, conversation_id(stack, resident, Channel.INSTAGRAM))["transcript"] == conversation["transcript"]
    assert write(stack, "wat kost dat?", resident, instagram=True)  # and the bot is not made to wait


def test_a_photo_or_a_shared_story_gets_the_text_only_notice(stack: LocalStack) -> None:
    resident = "7100000000000002"
    write(stack, "hallo", resident)
    photo = event(resident, "message", {"mid": "m_photo1", "attachments": [
        {"type": "image", "payload": {"url": "https://scontent.example/1.jpg"}}]})
    [notice] = deliver(stack, photo)
    assert notice["payload"]["message"]["text"] == say("text_only", "nl")
    share = event(resident, "message", {"mid": "m_share1", "attachments": [{"type": "share", "payload": {}}]})
    assert [m["payload"]["message"]["text"] for m in deliver(stack, share)] == [say("text_only", "nl")]


def test_an_edit_and_an_unsend_change_the_transcript(stack: LocalStack) -> None:
    resident = "7100000000000003"
    write(stack, "Ik wil mijn paspoort verlengen", resident, mid="m_edit_me")
    write(stack, "mijn telefoon is 0612345678", resident, mid="m_take_back")
    conversation = conversation_id(stack, resident)
    deliver(stack, event(resident, "message_edit", {"mid": "m_edit_me", "text": "Ik wil mijn rijbewijs verlengen",
                                                     "num_edit": 1}))
    deliver(stack, event(resident, "message", {"mid": "m_take_back", "is_deleted": True}))
    resident_texts = [e["text"] for e in staff_view(stack, conversation)["transcript"] if e["role"] == "resident"]
    assert resident_texts == ["Ik wil mijn rijbewijs verlengen"]


# ------------------------------------------------------------------ people


def test_a_live_handover_with_staff_on_messenger(stack: LocalStack) -> None:
    resident = "7100000000000004"
    asked = write(stack, "Ik wil een medewerker spreken", resident)
    assert asked
    conversation = conversation_id(stack, resident)
    kcc = token(stack)
    assert call(stack, "POST", f"/v1/staff/conversations/{conversation}/claim", token=kcc)[0] == 200
    claimed = stack.graph.messenger.outbox[-1]
    assert claimed["to"] == resident and claimed["payload"]["messaging_type"] == "RESPONSE"
    before = len(stack.graph.messenger.outbox)
    status, _ = call(stack, "POST", f"/v1/staff/conversations/{conversation}/reply",
                     {"text": "Goedemorgen, u spreekt met Sanne. Waarmee kan ik helpen?"}, token=kcc)
    assert status == 200
    [reply] = stack.graph.messenger.outbox[before:]
    assert reply["payload"]["message"]["text"].startswith("Goedemorgen, u spreekt met Sanne")
    assert write(stack, "Mijn paspoort is verlopen", resident) == []  # the person answers, not the bot
    assert call(stack, "POST", f"/v1/staff/conversations/{conversation}/close", token=kcc)[0] == 200
    assert "afgesloten" in stack.graph.messenger.outbox[-1]["payload"]["message"]["text"]
    assert write(stack, "paspoort", resident)  # the bot is back


def test_the_page_inbox_takes_the_thread_and_gives_it_back(stack: LocalStack) -> None:
    resident = "7100000000000005"
    write(stack, "paspoort", resident)
    asked = event(resident, "request_thread_control", {"requested_owner_app_id": PAGE_INBOX, "metadata": "Sanne"})
    assert deliver(stack, asked) == []
    assert stack.graph.messenger.thread_passes[-1] == {"accountId": PAGE, "to": resident, "targetAppId": PAGE_INBOX}
    assert write(stack, "Hallo, is daar iemand?", resident) == []  # the Page inbox has the thread
    kcc = token(stack)
    conversation = conversation_id(stack, resident)
    status, refused = call(stack, "POST", f"/v1/staff/conversations/{conversation}/reply", {"text": "Hoi"}, token=kcc)
    assert status == 409  # not claimed in Balie; and even then the Page inbox has the thread
    back = event(resident, "pass_thread_control", {"new_owner_app_id": LOCAL_MESSENGER_APP_ID, "metadata": "klaar"})
    deliver(stack, back)
    assert write(stack, "paspoort verlengen", resident)  # the bot answers again
    # Someone answering from the Page inbox without the handover protocol: recorded, and the bot waits.
    echo = event(resident, "message", {"mid": "m_inbox_1", "text": "Hallo, dit is Sanne van de gemeente.",
                                        "is_echo": True, "app_id": int(PAGE_INBOX)})
    echo["entry"][0]["messaging"][0].update(sender={"id": PAGE}, recipient={"id": resident})
    assert deliver(stack, echo) == []
    transcript = staff_view(stack, conversation)["transcript"]
    assert (transcript[-1]["role"], transcript[-1]["author"]) == ("staff", "inbox")
    assert write(stack, "Dank u, Sanne", resident) == []


# ------------------------------------------------------------------ messaging windows


def test_staff_replies_within_24_hours_with_the_tag_up_to_7_days_then_409(stack: LocalStack,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    resident = "7100000000000006"
    write(stack, "Ik wil een medewerker spreken", resident)
    conversation = conversation_id(stack, resident)
    kcc = token(stack)
    assert call(stack, "POST", f"/v1/staff/conversations/{conversation}/claim", token=kcc)[0] == 200

    def reply(text: str) -> tuple[int, Any, list[dict[str, Any]]]:
        before = len(stack.graph.messenger.outbox)
        status, body = call(stack, "POST", f"/v1/staff/conversations/{conversation}/reply", {"text": text}, token=kcc)
        return status, body, stack.graph.messenger.outbox[before:]

    status, _, [inside] = reply("Een moment, ik kijk het na.")
    assert status == 200 and inside["payload"]["messaging_type"] == "RESPONSE"
    monkeypatch.setenv("BALIE_NOW", "2026-12-01T11:00:00+01:00")  # 25 hours later
    status, _, [later] = reply("Goedemorgen, hier is het antwoord.")
    assert status == 200 and (later["payload"]["messaging_type"], later["payload"]["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")

    # Meta refuses the tag (the app lost the permission): a 409 staff can act on, nothing stored.
    stack.graph.messenger.human_agent = False
    try:
        status, refused, sent = reply("Nog een vraag?")
    finally:
        stack.graph.messenger.human_agent = True
    assert (status, refused["error"]["code"], sent) == (409, "messenger_window_closed", [])
    # Balie's app without the permission: refused before Meta is asked.
    monkeypatch.setenv("MESSENGER_HUMAN_AGENT", "false")
    messenger_services.use(None)
    status, refused, sent = reply("Nog een vraag?")
    assert (status, refused["error"]["code"], sent) == (409, "messenger_window_closed", [])
    assert "HUMAN_AGENT" in refused["error"]["message"]
    monkeypatch.setenv("MESSENGER_HUMAN_AGENT", "true")
    messenger_services.use(None)
    monkeypatch.setenv("BALIE_NOW", "2026-12-07T11:00:00+01:00")  # 7 days and 1 hour later
    status, refused, sent = reply("Bent u er nog?")
    assert (status, refused["error"]["code"], sent) == (409, "messenger_window_closed", [])
    transcript = staff_view(stack, conversation)["transcript"]
    assert [e["text"] for e in transcript if e["role"] == "staff"] == ["Een moment, ik kijk het na.",
                                                                        "Goedemorgen, hier is het antwoord."]


def test_an_out_of_hours_ticket_is_answered_on_messenger_the_next_working_day(stack: LocalStack,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    resident = "7100000000000007"
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    offer = write(stack, "Ik wil een medewerker spreken", resident, moment=SATURDAY_EVENING)
    assert "Messenger" in texts(offer)  # answered in this chat: no phone number needed
    write(stack, "ja", resident, moment=SATURDAY_EVENING)
    stack.drain("TicketIntakeFunction")
    monkeypatch.setenv("BALIE_NOW", MONDAY_MORNING)  # 37 hours later: the HUMAN_AGENT tag
    kcc = token(stack, ["kcc"])
    status, listed = call(stack, "GET", "/v1/staff/tickets?status=open", token=kcc)
    [ticket] = [t for t in listed["tickets"] if t["conversationId"] == conversation_id(stack, resident)]
    assert (ticket["channel"], ticket["contactKind"]) == ("messenger", "messenger")
    assert call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/claim", token=kcc)[0] == 200
    before = len(stack.graph.messenger.outbox)
    status, answer = call(stack, "POST", f"/v1/staff/tickets/{ticket['id']}/reply",
                          {"text": "Goedemorgen, u vroeg zaterdag om contact. Waarmee kan ik u helpen?"}, token=kcc)
    assert status == 200, answer
    [sent] = stack.graph.messenger.outbox[before:]
    assert sent["to"] == resident and sent["payload"]["tag"] == "HUMAN_AGENT"
    assert write(stack, "Mijn paspoort is kwijt", resident) == []  # the member of staff has the conversation now


def test_without_human_agent_a_weekend_callback_asks_for_a_phone_number(stack: LocalStack,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MESSENGER_HUMAN_AGENT", "false")
    messenger_services.use(None)
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    resident = "7100000000000008"
    offer = write(stack, "Ik wil een medewerker spreken", resident, moment=SATURDAY_EVENING)
    assert "Messenger" not in texts(offer)  # Monday 08:30 is past Messenger's 24 hours
    asked = write(stack, "ja", resident, moment=SATURDAY_EVENING)
    assert "telefoonnummer" in texts(asked) or "e-mail" in texts(asked)


# ------------------------------------------------------------------ the rest of the way round


def test_personal_data_is_redacted_in_the_transcript_and_never_logged(stack: LocalStack,
                                                                     caplog: pytest.LogCaptureFixture,
                                                                     capfd: pytest.CaptureFixture[str]) -> None:
    caplog.set_level("INFO")
    resident = "7100000000000010"
    secret_words = "Mijn BSN is 111222333 en mijn IBAN NL91ABNA0417164300"
    write(stack, secret_words, resident)
    deliver(stack, event(resident, "message_edit", {"mid": "m_pd_never", "text": secret_words, "num_edit": 1}))
    transcript = json.dumps(staff_view(stack, conversation_id(stack, resident))["transcript"])
    logs = capfd.readouterr()
    logged = " ".join(str(vars(record)) for record in caplog.records) + logs.out + logs.err
    for value in ("111222333", "NL91ABNA0417164300", resident):
        assert value not in transcript and value not in logged, value


def test_erasure_leaves_nothing_under_the_conversations_key(stack: LocalStack) -> None:
    resident = "7100000000000009"
    write(stack, "paspoort", resident)
    conversation = conversation_id(stack, resident)
    assert call(stack, "DELETE", f"/v1/chat/{conversation}")[0] == 200
    dynamodb = stack.client("dynamodb")
    items = dynamodb.query(TableName=stack.deployment.tables["BalieTable"], KeyConditionExpression="pk = :pk",
                           ExpressionAttributeValues={":pk": {"S": f"T#alpha#C#{conversation}"}})["Items"]
    assert items == []


def test_balie_messenger_send(stack: LocalStack, capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()

    def worker() -> None:  # what the stack's poller does under `make run`
        while not stop.wait(0.05):
            stack.drain("MessengerWorkerFunction")

    pump = threading.Thread(target=worker, daemon=True)
    pump.start()
    try:
        for instagram in (False, True):
            code = messenger_cmd.send(argparse.Namespace(api=stack.url, text="paspoort verlengen", tenant="alpha",
                                                         sender="7300000000000001", instagram=instagram, payload=None))
            out = capsys.readouterr().out
            assert code == 0 and "HTTP 200" in out and "bot:" in out and "paspoort" in out.lower(), out
    finally:
        stop.set()
        pump.join()


# ------------------------------------------------------------------ every real fixture

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "messenger"  # messenger/SOURCES.md
VOORBEELD_PAGE, VOORBEELD_INSTAGRAM = "12345654332", "17841452691600098"  # tenants/voorbeeld.yaml


def expected_outbound(body: dict[str, Any]) -> str:
    """What the resident should get: the engine's answer, the text-only notice, or nothing."""
    kinds = [event.kind.value for event in messenger.parse_webhook(body).events if isinstance(event, ResidentMessage)]
    if not kinds:
        return "nothing"
    return "notice" if all(kind in ("media", "unsupported") for kind in kinds) else "answer"


def test_every_fixture_through_the_local_stack(start_local_stack, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each real body, delivered now to voorbeeld's Page or Instagram account (its residents
    made unique per body, so one body's thread state never touches another's) and signed,
    over HTTP: 200, and then an answer, the notice, a thread passed, or nothing."""
    monkeypatch.delenv("KB_DIR", raising=False)
    wiring.use(None)
    start = datetime.fromisoformat(MONDAY_MORNING)
    problems = []
    with start_local_stack(run_pollers=False) as stack:
        for number, path in enumerate(sorted(FIXTURES.glob("*.json"))):
            moment = start + timedelta(minutes=number)
            monkeypatch.setenv("BALIE_NOW", moment.isoformat())
            body = messenger_cmd.delivered(json.loads(path.read_text(encoding="utf-8")), moment,
                                           page_id=VOORBEELD_PAGE, instagram_account_id=VOORBEELD_INSTAGRAM,
                                           resident_suffix=f".{number}")
            # Upstream projects reuse their placeholder mids: each body is its own delivery here.
            for parsed in messenger.parse_webhook(body).events:
                stack.client("dynamodb").delete_item(TableName=stack.deployment.tables["BalieTable"],
                                                     Key={"pk": {"S": f"MSG#{parsed.event_id}"}, "sk": {"S": "SEEN"}})
            passes = len(stack.graph.messenger.thread_passes)
            sent = deliver(stack, body)
            wanted = expected_outbound(body)
            notices = [m["payload"]["message"].get("text") for m in sent][-1:] == [say("text_only", "nl")]
            got = "nothing" if not sent else "notice" if notices else "answer"
            if got != wanted:
                problems.append(f"{path.name}: {got}, wanted {wanted}")
            if path.stem == "restfb_request_thread_control" and len(stack.graph.messenger.thread_passes) != passes + 1:
                problems.append(f"{path.name}: the thread was not passed")
        assert problems == [], "\n".join(problems)

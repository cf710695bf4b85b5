"""The messaging channels' use cases without AWS (core.messaging): the webhook's intake,
the worker's delivery of each kind of event, and messages outside the resident's turn."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from core.clock import FixedClock
from core.errors import Conflict, DeliveryRefused, MessengerWindowClosed, RateLimited, ServiceUnavailable
from core.memory import InMemoryConversationStore, InMemoryMessagingStore
from core.messaging import transcript
from core.messaging.delivery import QUIET_AFTER_BUSINESS_MESSAGE, EventDelivery
from core.messaging.events import (
    Address, BusinessMessage, MessageEdited, MessageUnsent, QueuedEvent, ResidentMessage, ThreadControl,
)
from core.messaging.intake import ParsedWebhook, WebhookIntake
from core.messaging.outbound import ChannelReplies, ThreadElsewhere
from core.models import (
    Channel, ChannelAccount, Conversation, InboundKind, RememberedReply, Reply, ReplyMessage, Role, TranscriptEntry,
)
from channels.messenger import MessengerWindow

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
RESIDENT = Address(id="7001", kind="id")
CONVERSATION = "alpha." + "a" * 32


def message(event_id: str = "m1", text: str = "paspoort", *, timestamp: int | None = None, **fields) -> ResidentMessage:
    return ResidentMessage(channel=Channel.MESSENGER, account_id="333", event_id=event_id, sender=RESIDENT,
                           timestamp=int(NOW.timestamp()) if timestamp is None else timestamp, text=text, **fields)


def queued(event) -> QueuedEvent:
    return QueuedEvent(tenant="alpha", conversation_id=CONVERSATION, event=event)


# ------------------------------------------------------------------ intake


class Queue:
    def __init__(self, refuse_from: int | None = None, fail: bool = False) -> None:
        self.items: list[QueuedEvent] = []
        self.refuse_from = refuse_from
        self.fail = fail

    def send(self, items: list[QueuedEvent]) -> list[QueuedEvent]:
        if self.fail:
            raise ServiceUnavailable("queue down")
        cut = len(items) if self.refuse_from is None else self.refuse_from
        self.items.extend(items[:cut])
        return items[cut:]


def intake(store: InMemoryMessagingStore, queue: Queue) -> WebhookIntake:
    accounts = {"333": ChannelAccount("alpha", Channel.MESSENGER), "444": ChannelAccount("alpha", Channel.INSTAGRAM)}
    return WebhookIntake(owner=lambda channel, account: accounts.get(account),
                         conversation_id=lambda tenant, event: f"{tenant}.{event.channel.value[:2]}{event.sender.id}",
                         queue=queue, pending=store, clock=FixedClock(NOW))


def test_each_event_is_queued_once_for_its_tenant_and_channel() -> None:
    store, queue = InMemoryMessagingStore(clock=lambda: NOW), Queue()
    for_instagram = message("m2").model_copy(update={"account_id": "444"})  # the body said "page"
    parsed = ParsedWebhook(events=[message("m1"), message("m1"), for_instagram, message("m3").model_copy(
        update={"account_id": "999"})])
    result = intake(store, queue).accept(parsed)
    assert (result.queued, result.duplicates, result.ignored) == (2, 1, 1)
    assert [(item.event.event_id, item.event.channel) for item in queue.items] == [
        ("m1", Channel.MESSENGER), ("m2", Channel.INSTAGRAM)]


def test_events_older_than_metas_retry_period_are_dropped() -> None:
    store, queue = InMemoryMessagingStore(clock=lambda: NOW), Queue()
    old = message("old", timestamp=int((NOW - timedelta(days=7, minutes=1)).timestamp()))
    result = intake(store, queue).accept(ParsedWebhook(events=[old, message("new")]))
    assert result.ignored == 1 and [item.event.event_id for item in queue.items] == ["new"]


def test_what_could_not_be_queued_fails_the_delivery_and_metas_retry_queues_it() -> None:
    store = InMemoryMessagingStore(clock=lambda: NOW)
    with pytest.raises(ServiceUnavailable):
        intake(store, Queue(refuse_from=1)).accept(ParsedWebhook(events=[message("a"), message("b")]))
    queue = Queue()
    assert intake(store, queue).accept(ParsedWebhook(events=[message("a"), message("b")])).queued == 2
    assert [item.event.event_id for item in queue.items] == ["a", "b"]  # "a" again: a copy SQS or the worker drops


class Killed(BaseException):
    """The Lambda runtime ends an invocation (its timeout, the container gone): no handler of ours runs."""


class DiesOnce(Queue):
    """A queue call that takes the function down with it, the first time."""

    def __init__(self) -> None:
        super().__init__()
        self.died = False

    def send(self, items: list[QueuedEvent]) -> list[QueuedEvent]:
        if not self.died:
            self.died = True
            raise Killed()
        return super().send(items)


def test_a_webhook_that_dies_while_queueing_loses_nothing_and_metas_retry_is_answered_once() -> None:
    world, queue = World(), DiesOnce()
    webhook = intake(world.store, queue)
    with pytest.raises(Killed):
        webhook.accept(ParsedWebhook(events=[message("m1")]))  # Meta gets no 200 ...
    assert webhook.accept(ParsedWebhook(events=[message("m1")])).queued == 1  # ... and retries
    results = [world.delivery.deliver(item) for item in queue.items]
    assert [result.sent for result in results] == [2] and len(world.output.sent) == 2


def test_a_copy_queued_after_the_event_was_carried_out_changes_nothing() -> None:
    world, queue = World(), Queue()
    webhook = intake(world.store, queue)
    for _ in range(2):  # the first delivery, and Meta's retry days later (a 200 that never reached Meta)
        webhook.accept(ParsedWebhook(events=[message("m1")]))
    first, copy = (world.delivery.deliver(item) for item in queue.items)
    assert (first.sent, first.duplicate, copy.sent, copy.duplicate) == (2, False, 0, True)
    assert len(world.turns) == 1 and len(world.output.sent) == 2


class DiesWhenDone(InMemoryMessagingStore):
    """The worker dies after carrying an event out, before it recorded that, the first time."""

    def __init__(self) -> None:
        super().__init__()
        self.died = False

    def die_once(self) -> None:
        if not self.died:
            self.died = True
            raise Killed()

    def mark_sent(self, event_id: str, part: int, *, done: bool = False) -> None:
        super().mark_sent(event_id, part)
        if done:
            self.die_once()
        super().mark_sent(event_id, part, done=done)

    def mark_done(self, event_id: str) -> None:
        self.die_once()
        super().mark_done(event_id)


@pytest.mark.parametrize("event", [
    message("m1"),
    MessageEdited(channel=Channel.MESSENGER, account_id="333", event_id="m1#edit1", sender=RESIDENT,
                  message_id="m1", text="mijn rijbewijs is kwijt"),
    BusinessMessage(channel=Channel.MESSENGER, account_id="333", event_id="e1", sender=RESIDENT,
                    text="Goedemiddag, ik kijk even met u mee."),
], ids=["message", "edit", "page-inbox message"])
def test_a_worker_that_dies_before_recording_the_event_done_carries_it_out_once_on_redelivery(event) -> None:
    world = World()
    world.store = DiesWhenDone()
    world.delivery.log = world.delivery.contacts = world.store
    if isinstance(event, (MessageEdited, BusinessMessage)):
        world.stored("mijn paspoort is kwijt")
    with pytest.raises(Killed):
        world.delivery.deliver(queued(event))
    again = world.delivery.deliver(queued(event))  # SQS delivers the record again
    assert not again.duplicate and again.sent == 0  # every part went out the first time
    assert world.delivery.deliver(queued(event)).duplicate
    sent = [payload["text"] for payload in world.output.sent]
    assert sent == ([] if isinstance(event, (MessageEdited, BusinessMessage))
                    else ["antwoord op paspoort", "Was dit nuttig?"])
    stored = world.conversations.get("alpha", CONVERSATION)
    if isinstance(event, MessageEdited):
        assert [e.text for e in stored.transcript if e.role == Role.RESIDENT] == ["mijn rijbewijs is kwijt"]
    if isinstance(event, BusinessMessage):  # staff see the Page inbox's message once
        assert [e.text for e in stored.transcript if e.role == Role.STAFF] == ["Goedemiddag, ik kijk even met u mee."]


# ------------------------------------------------------------------ delivery


class Output:
    echoes_unmarked = True

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.refusals: list[DeliveryRefused] = []
        self.failures: list[Exception] = []
        self.passed: list[tuple[str, Address, str]] = []

    def reply(self, reply: Reply, to: Address) -> list[dict]:
        return [{"to": to.id, "text": m.text} for m in reply.messages]

    def notice(self, text: str, to: Address) -> list[dict]:
        return [{"to": to.id, "text": text}]

    def send(self, account_id: str, payload: dict) -> str:
        if self.failures:
            raise self.failures.pop(0)
        if self.refusals:
            raise self.refusals.pop(0)
        self.sent.append(payload)
        return f"out{len(self.sent)}"

    def pass_thread(self, account_id: str, to: Address, app_id: str) -> None:
        self.passed.append((account_id, to, app_id))


class World:
    def __init__(self) -> None:
        self.clock = FixedClock(NOW)
        self.store = InMemoryMessagingStore(clock=self.clock)
        self.conversations = InMemoryConversationStore(clock=self.clock)
        self.output = Output()
        self.turns: list = []
        self.rate_limited = False
        windows = {channel: MessengerWindow(channel, human_agent=False) for channel in (Channel.MESSENGER, Channel.INSTAGRAM)}
        self.delivery = EventDelivery(
            respond=self.respond, outputs={Channel.MESSENGER: self.output, Channel.INSTAGRAM: self.output},
            windows=windows, contacts=self.store, log=self.store, store=self.conversations, clock=self.clock,
            own_app_id="900", thread_handover=self.output,
        )

    def respond(self, inbound) -> Reply:
        if self.rate_limited:
            raise RateLimited("too many")
        self.turns.append(inbound)
        return Reply(conversation_id=inbound.conversation_id,
                     messages=[ReplyMessage(text=f"antwoord op {inbound.text}"), ReplyMessage(text="Was dit nuttig?")])

    def stored(self, *texts: str) -> Conversation:
        """A conversation in which the resident wrote `texts` as m1, m2, ..."""
        conversation = Conversation(id=CONVERSATION, tenant="alpha", channel=Channel.MESSENGER, created_at=NOW,
                                    updated_at=NOW)
        for number, text in enumerate(texts, start=1):
            seq = conversation.next_seq()
            conversation.transcript += [TranscriptEntry(seq=seq, role=Role.RESIDENT, at=NOW, text=text),
                                        TranscriptEntry(seq=seq + 1, role=Role.BOT, at=NOW, text="antwoord")]
            conversation.replies_by_client_id[f"m{number}"] = RememberedReply(seq=seq, count=1)
        self.conversations.save(conversation, 0)
        return conversation


def test_a_message_is_answered_part_by_part_and_never_twice() -> None:
    world = World()
    result = world.delivery.deliver(queued(message()))
    assert (result.payloads, result.sent) == (2, 2)
    again = world.delivery.deliver(queued(message()))  # SQS delivers the record again
    assert (again.sent, again.duplicate) == (0, True) and len(world.output.sent) == 2
    inbound = world.turns[0]
    assert (inbound.client_message_id, inbound.channel_contact, inbound.channel) == ("m1", "7001", Channel.MESSENGER)
    assert inbound.reachable_until == NOW + timedelta(hours=24)  # no HUMAN_AGENT permission here
    assert all(world.store.is_own_message(f"out{n}") for n in (1, 2))  # their echoes will be Balie's own


def test_a_failed_part_is_sent_on_the_next_attempt_and_the_first_is_not_repeated() -> None:
    world = World()

    class SecondFails(Output):
        def send(self, account_id: str, payload: dict) -> str:
            if len(self.sent) == 1 and not getattr(self, "failed", False):
                self.failed = True
                raise ServiceUnavailable("throttled")
            return super().send(account_id, payload)

    world.output = SecondFails()
    world.delivery.outputs = {Channel.MESSENGER: world.output}
    with pytest.raises(ServiceUnavailable):
        world.delivery.deliver(queued(message()))
    result = world.delivery.deliver(queued(message()))
    assert (result.sent, result.skipped) == (1, 1) and len(world.output.sent) == 2


def test_a_permanent_refusal_is_recorded_and_the_rest_not_tried() -> None:
    world = World()
    world.output.refusals = [DeliveryRefused("outside the window", code=10, subcode=2018278)]
    result = world.delivery.deliver(queued(message()))
    assert result.refused_code == 10 and world.output.sent == []
    assert world.store.send_failures == [("alpha", "m1", 10, "outside the window")]


def test_too_long_messages_and_too_many_get_a_notice_in_both_languages() -> None:
    world = World()
    world.delivery.deliver(queued(message("long", "x" * 1001)))
    assert world.turns == [] and "hoogstens 1000" in world.output.sent[0]["text"] and "at most 1000" in world.output.sent[0]["text"]
    world.rate_limited = True
    first = world.delivery.deliver(queued(message("fast1")))
    second = world.delivery.deliver(queued(message("fast2")))
    assert first.rate_limited and second.rate_limited and (first.sent, second.sent) == (1, 0)  # told once a minute
    assert "Wacht een minuut" in world.output.sent[-1]["text"]


def test_the_bot_keeps_quiet_while_someone_else_has_the_thread() -> None:
    world = World()
    world.delivery.deliver(queued(message("m1")))
    taken = ThreadControl(channel=Channel.MESSENGER, account_id="333", event_id="t1", sender=RESIDENT, change="taken",
                          app_id="900")
    assert world.delivery.deliver(queued(taken)).action == "thread_taken"
    silent = world.delivery.deliver(queued(message("m2", "hallo?")))
    assert silent.silenced == "thread_elsewhere" and len(world.turns) == 1
    back = ThreadControl(channel=Channel.MESSENGER, account_id="333", event_id="t2", sender=RESIDENT, change="passed",
                         app_id="900")
    world.delivery.deliver(queued(back))
    assert world.delivery.deliver(queued(message("m3", "nog een vraag"))).sent == 2
    # Passed to another app (the Page inbox): quiet again.
    to_inbox = back.model_copy(update={"event_id": "t3", "app_id": "263902037430900"})
    world.delivery.deliver(queued(to_inbox))
    assert world.delivery.deliver(queued(message("m4"))).silenced == "thread_elsewhere"


def test_a_request_for_the_thread_is_granted() -> None:
    world = World()
    world.delivery.deliver(queued(message("m1")))
    request = ThreadControl(channel=Channel.MESSENGER, account_id="333", event_id="r1", sender=RESIDENT,
                            change="requested", app_id="263902037430900")
    world.delivery.deliver(queued(request))
    assert world.output.passed == [("333", RESIDENT, "263902037430900")]
    assert world.store.contact("alpha", CONVERSATION).thread_elsewhere


def test_someone_of_the_gemeente_writing_outside_balie_is_recorded_and_quiets_the_bot() -> None:
    world = World()
    world.stored("paspoort")
    echo = BusinessMessage(channel=Channel.MESSENGER, account_id="333", event_id="e1", sender=RESIDENT,
                           text="Goedemiddag, ik help u verder. Uw BSN is 111222333?")
    result = world.delivery.deliver(queued(echo))
    assert result.changed
    entry = world.conversations.get("alpha", CONVERSATION).transcript[-1]
    assert (entry.role, entry.author) == (Role.STAFF, transcript.BUSINESS_AUTHOR) and "111222333" not in entry.text
    world.delivery.deliver(queued(message("m9", "dank u")))
    assert world.turns == []  # a person is talking: the bot keeps quiet ...
    world.clock.advance(seconds=QUIET_AFTER_BUSINESS_MESSAGE.total_seconds())
    assert world.delivery.deliver(queued(message("m10", "nog iets"))).sent == 2  # ... for a while


@pytest.mark.parametrize("own", [
    {"marked": True}, {"app_id": "900"}, {"event_id": "out1"},
])
def test_balies_own_echoes_change_nothing(own: dict) -> None:
    world = World()
    world.stored("paspoort")
    world.store.remember_sent("out1")
    echo = BusinessMessage(channel=Channel.MESSENGER, account_id="333", event_id="e2", sender=RESIDENT, text="antwoord")
    assert world.delivery.deliver(queued(echo.model_copy(update=own))).action == "echo"
    assert len(world.conversations.get("alpha", CONVERSATION).transcript) == 2
    assert world.store.contact("alpha", CONVERSATION) is None


def test_edits_and_unsends_change_the_resident_entry() -> None:
    world = World()
    world.stored("mijn paspoort is kwijt", "mijn nummer is 0612345678")
    edit = MessageEdited(channel=Channel.MESSENGER, account_id="333", event_id="m1#edit1", sender=RESIDENT,
                         message_id="m1", text="mijn rijbewijs is kwijt")
    assert world.delivery.deliver(queued(edit)).changed
    unsend = MessageUnsent(channel=Channel.MESSENGER, account_id="333", event_id="m2#unsend", sender=RESIDENT,
                           message_id="m2")
    assert world.delivery.deliver(queued(unsend)).changed
    stored = world.conversations.get("alpha", CONVERSATION)
    assert [(e.role, e.text) for e in stored.transcript] == [
        (Role.RESIDENT, "mijn rijbewijs is kwijt"), (Role.BOT, "antwoord"), (Role.BOT, "antwoord")]
    assert "m2" not in stored.replies_by_client_id
    # An unknown message (too old, or never answered) and a conversation that is gone change nothing.
    assert not world.delivery.deliver(queued(unsend.model_copy(update={"message_id": "m7"}))).changed
    world.conversations.delete("alpha", CONVERSATION)
    assert not world.delivery.deliver(queued(edit)).changed


# ------------------------------------------------------------------ outside the resident's turn


def replies(world: World, human_agent: bool = False) -> ChannelReplies:
    return ChannelReplies(contacts=world.store, window=MessengerWindow(Channel.MESSENGER, human_agent=human_agent),
                          output=world.output, log=world.store, clock=world.clock,
                          unreachable=lambda: MessengerWindowClosed("gone"))


def test_staff_replies_go_within_the_window_with_the_tag_after_it_and_not_after_7_days() -> None:
    world = World()
    conversation = world.stored("paspoort")
    with pytest.raises(MessengerWindowClosed, match="gone"):
        replies(world).check(conversation)  # never wrote on Messenger
    world.delivery.deliver(queued(message("m5")))
    assert replies(world).check(conversation) == "response"
    world.clock.advance(hours=30)
    with pytest.raises(MessengerWindowClosed):
        replies(world).send(conversation, [ReplyMessage(text="Bent u er nog?")])
    sent = len(world.output.sent)
    assert replies(world, human_agent=True).check(conversation) == "human_agent"
    replies(world, human_agent=True).send(conversation, [ReplyMessage(text="Goedemorgen")])
    assert len(world.output.sent) == sent + 1 and world.store.is_own_message(f"out{sent + 1}")
    world.clock.advance(days=6)
    with pytest.raises(MessengerWindowClosed):
        replies(world, human_agent=True).check(conversation)


def test_staff_replies_wait_while_the_page_inbox_has_the_thread_and_map_refusals() -> None:
    world = World()
    conversation = world.stored("paspoort")
    world.delivery.deliver(queued(message("m5")))
    world.output.refusals = [DeliveryRefused("outside", code=10, subcode=2018278)]
    with pytest.raises(MessengerWindowClosed):
        replies(world).send(conversation, [ReplyMessage(text="Hallo")])
    world.store.set_thread("alpha", CONVERSATION, elsewhere=True)
    with pytest.raises(ThreadElsewhere) as elsewhere:
        replies(world).send(conversation, [ReplyMessage(text="Hallo")])
    assert isinstance(elsewhere.value, Conflict)


def test_a_message_kind_reaches_the_engine_unchanged() -> None:
    world = World()
    world.delivery.deliver(queued(message("m1", "", kind=InboundKind.MEDIA, message_type="sticker")))
    assert world.turns[0].kind == InboundKind.MEDIA


def test_a_message_taken_back_keeps_its_number_from_being_given_again() -> None:
    world = World()
    # The resident's last message had no bot answer (it was for staff in a live handover), then was unsent.
    world.stored("mijn paspoort is kwijt")
    conversation = world.conversations.get("alpha", CONVERSATION)
    last = conversation.next_seq()
    conversation.transcript.append(TranscriptEntry(seq=last, role=Role.RESIDENT, at=NOW, text="laat maar"))
    conversation.replies_by_client_id["m2"] = RememberedReply(seq=last, count=0)
    world.conversations.save(conversation, expected_version=conversation.version)
    unsend = MessageUnsent(channel=Channel.MESSENGER, account_id="333", event_id="m2#unsend", sender=RESIDENT,
                           message_id="m2")
    assert world.delivery.deliver(queued(unsend)).changed
    assert world.conversations.get("alpha", CONVERSATION).next_seq() == last + 1  # was `last` again

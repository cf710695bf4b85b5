"""The worker's use case, the same for every messaging channel: one queued event carried out,
once. The event is recorded as done (by Meta's id) only after it was carried out, so a
worker that dies half way leaves it to SQS's redelivery; a copy queued again later (Meta's
retry of a delivery the webhook queued but could not acknowledge) finds it done and changes
nothing. Carrying out an event again after such a death repeats nothing the resident sees:
a message's reply parts are logged as they go out, edits and unsends land once, thread
control is a state; only a business message's line in the staff view could be kept twice.

- A resident's message: the engine's reply (or the channel's own notice) is sent, each
  part exactly once, also when SQS delivers the record again: the engine answers a
  repeated client message id (Meta's message id) from its stored reply, and the
  delivery log says which parts already went out. Unless someone else has the thread:
  then the bot keeps quiet.
- An edit or an unsend: applied to the transcript.
- A message from the business's side outside Balie (Meta's echo): recorded for staff,
  and the bot keeps quiet for a while, a person is talking. Balie's own echoes: nothing.
- A change of thread control (Meta's handover protocol): remembered; when another app
  (the Page inbox) asks for the thread, Balie passes it.

A message that cannot be sent now raises (the record fails, SQS retries, then the
dead-letter queue); one the channel refuses for good is recorded and the record succeeds.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..conversations import update_conversation
from ..dialogue.texts import say_both
from ..errors import ClientMessageIdReused, DeliveryRefused, NotFound, RateLimited
from ..models import Channel, InboundMessage, Reply
from ..ports import ChannelOutput, ContactBook, ConversationStore, DeliveryLog, StaffWindow, ThreadHandover
from ..text_input import MAX_TEXT_CHARS
from . import transcript
from .events import BusinessMessage, Event, MessageEdited, MessageUnsent, QueuedEvent, ResidentMessage, ThreadControl

log = logging.getLogger(__name__)

# After someone of the gemeente wrote to the resident outside Balie, the bot keeps quiet this long.
QUIET_AFTER_BUSINESS_MESSAGE = timedelta(minutes=30)


@dataclass
class DeliveryResult:
    action: str = "message"
    payloads: int = 0
    sent: int = 0
    skipped: int = 0  # sent by an earlier attempt of the same record
    refused_code: int | None = None
    rate_limited: bool = False  # dropped: too many messages from this resident
    silenced: str | None = None  # why the bot kept quiet (someone else has the thread)
    changed: bool = False  # an edit, unsend or business message changed the transcript
    duplicate: bool = False  # carried out before: nothing done
    marked_done: bool = False  # the last part sent recorded the event as done (no write of its own)


class EventDelivery:
    def __init__(
        self,
        *,
        respond: Callable[[InboundMessage], Reply],
        outputs: Mapping[Channel, ChannelOutput],
        windows: Mapping[Channel, StaffWindow],
        contacts: ContactBook,
        log: DeliveryLog,
        store: ConversationStore,
        clock: Callable[[], datetime],
        retention_days: Callable[[str], int] = lambda tenant: 30,
        own_app_id: str = "",
        thread_handover: ThreadHandover | None = None,
    ) -> None:
        self.respond = respond
        self.outputs = outputs  # the way out of each channel this worker serves
        self.windows = windows  # each channel's rules for messages outside a turn (callbacks)
        self.contacts = contacts
        self.log = log
        self.store = store
        self.clock = clock
        self.retention_days = retention_days
        self.own_app_id = own_app_id  # Meta's id of Balie's app (its echoes, its thread control)
        self.thread_handover = thread_handover  # channels with Meta's handover protocol

    def deliver(self, item: QueuedEvent) -> DeliveryResult:
        event = item.event
        progress = self.log.progress(event.event_id)
        if progress.done:
            return DeliveryResult(action=event.action, duplicate=True)
        if isinstance(event, ResidentMessage):
            result = self._message(item, event, progress.sent_parts)
        elif isinstance(event, MessageEdited):
            result = self._change(item, "edit", lambda c: transcript.amend(c, event.message_id, event.text))
        elif isinstance(event, MessageUnsent):
            result = self._change(item, "unsend", lambda c: transcript.retract(c, event.message_id))
        elif isinstance(event, BusinessMessage):
            result = self._business_message(item, event)
        else:
            result = self._thread_control(item, event)
        if not result.marked_done:
            self.log.mark_done(event.event_id)
        return result

    # ---- a resident's message ------------------------------------------------------------------

    def _message(self, item: QueuedEvent, event: ResidentMessage, sent: frozenset[int]) -> DeliveryResult:
        written = self._written_at(event)
        contact = self.contacts.remember_contact(
            item.tenant, item.conversation_id, event.channel, event.sender, event.account_id,
            written, self.retention_days(item.tenant),
        )
        output = self.outputs[event.channel]
        if not contact.bot_may_answer(self.clock()):
            # A person has the conversation (the Page inbox took the thread, or wrote just now).
            return DeliveryResult(silenced="thread_elsewhere" if contact.thread_elsewhere else "business_wrote")
        result = DeliveryResult()
        if len(event.text) > MAX_TEXT_CHARS:
            payloads = output.notice(say_both("message_too_long", limit=MAX_TEXT_CHARS), event.sender)
        else:
            try:
                reachable = self.windows[event.channel].reachable_until(item.tenant, written)
                reply = self.respond(event.to_message(item.tenant, item.conversation_id, reachable))
                payloads = output.reply(reply, event.sender)
            except ClientMessageIdReused:
                # An id Meta already delivered, now with other content: never a resident's
                # retry. Dropped for good (retrying cannot help), and logged.
                log.warning("message id reused with other content", extra={"tenant": item.tenant,
                                                                           "channel": event.channel.value})
                return DeliveryResult(silenced="message_id_reused")
            except RateLimited:
                # Over the limit: the message is dropped (a retry would only wait in the queue
                # and end in the dead-letter queue). The resident hears so once a minute.
                result.rate_limited = True
                told = self.log.claim_limit_notice(item.tenant, item.conversation_id, self.clock())
                payloads = output.notice(say_both("sending_too_fast"), event.sender) if told else []
        return self._send(item, payloads, sent, result)

    def _send(self, item: QueuedEvent, payloads: list[dict[str, Any]], sent: frozenset[int],
              result: DeliveryResult) -> DeliveryResult:
        """Sends the parts not sent by an earlier attempt (the engine answers a repeated message id
        with its stored reply, so the parts are the same); the last one sent also marks the event done."""
        event = item.event
        output = self.outputs[event.channel]
        result.payloads = len(payloads)
        for part, payload in enumerate(payloads):
            if part in sent:
                result.skipped += 1
                continue
            try:
                message_id = output.send(event.account_id, payload)
            except DeliveryRefused as refused:
                # The remaining parts would be refused alike (same window, same recipient).
                self.log.record_send_failure(item.tenant, event.event_id, refused.code, str(refused))
                log.warning("reply refused", extra={"code": refused.code, "tenant": item.tenant,
                                                    "channel": event.channel.value})
                result.refused_code = refused.code
                return result
            last = part == len(payloads) - 1
            self.log.mark_sent(event.event_id, part, done=last)
            result.marked_done = last
            if output.echoes_unmarked and message_id:
                self.log.remember_sent(message_id)
            result.sent += 1
        return result

    def _written_at(self, event: Event) -> datetime:
        # Meta's timestamp is when the resident wrote; the messaging window counts from there.
        now = self.clock()
        if event.timestamp:
            return min(datetime.fromtimestamp(event.timestamp, tz=now.tzinfo), now)
        return now

    # ---- changes to the transcript -----------------------------------------------------------

    def _change(self, item: QueuedEvent, action: str, change: Callable[[Any], bool]) -> DeliveryResult:
        try:
            _, changed = update_conversation(self.store, item.tenant, item.conversation_id, change)
        except NotFound:
            changed = False  # erased, expired, or never talked to Balie
        return DeliveryResult(action=action, changed=bool(changed))

    def _business_message(self, item: QueuedEvent, event: BusinessMessage) -> DeliveryResult:
        if event.marked or (self.own_app_id and event.app_id == self.own_app_id) \
                or self.log.is_own_message(event.event_id):
            return DeliveryResult(action="echo")  # what Balie itself sent
        moment = self.clock()
        result = self._change(item, "business_message",
                              lambda c: transcript.record_business_message(c, event.event_id, event.text, moment))
        self.contacts.set_thread(item.tenant, item.conversation_id,
                                 quiet_until=moment + QUIET_AFTER_BUSINESS_MESSAGE)
        return result

    # ---- Meta's handover protocol --------------------------------------------------------------

    def _thread_control(self, item: QueuedEvent, event: ThreadControl) -> DeliveryResult:
        result = DeliveryResult(action=f"thread_{event.change}")
        if event.change == "passed":
            to_balie = not event.app_id or not self.own_app_id or event.app_id == self.own_app_id
            self.contacts.set_thread(item.tenant, item.conversation_id, elsewhere=not to_balie)
        elif event.change == "taken":
            self.contacts.set_thread(item.tenant, item.conversation_id, elsewhere=True)
        elif event.app_id and event.app_id != self.own_app_id and self.thread_handover is not None:
            # Someone in the Page inbox (or another app) wants the conversation: it is theirs.
            try:
                self.thread_handover.pass_thread(event.account_id, event.sender, event.app_id)
            except DeliveryRefused as refused:
                # E.g. Balie no longer holds the thread: then it is elsewhere already.
                log.warning("thread not passed", extra={"code": refused.code, "tenant": item.tenant})
                result.refused_code = refused.code
            self.contacts.set_thread(item.tenant, item.conversation_id, elsewhere=True)
        return result

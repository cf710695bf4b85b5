"""Messages outside a resident's own turn on a messaging channel (a staff reply, a
handover notice, a ticket answered the next morning): `core.ports.OutboundSender`.

The staff API calls `check` before it accepts a reply and `send` to deliver it; the
channel's `StaffWindow` says how a message may go now (inside the messaging window as
an ordinary message; after it with the channel's means, such as WhatsApp's approved
template or Messenger's HUMAN_AGENT tag) or refuses with a 409.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ..errors import Conflict, DeliveryRefused
from ..models import Conversation, ReplyMessage, Role
from ..ports import ChannelOutput, ContactBook, DeliveryLog, StaffWindow
from .events import Contact


class ThreadElsewhere(Conflict):
    """Someone else (the Page inbox) has the conversation's thread: Meta would refuse."""

    code = "thread_elsewhere"


class ChannelReplies:
    def __init__(self, *, contacts: ContactBook, window: StaffWindow, output: ChannelOutput, log: DeliveryLog,
                 clock: Callable[[], datetime], unreachable: Callable[[], Exception]) -> None:
        self.contacts = contacts
        self.window = window
        self.output = output
        self.log = log
        self.clock = clock
        # The error when the conversation has no address (erased, expired, another channel).
        self.unreachable = unreachable

    def check(self, conversation: Conversation) -> str:
        """How a message would go now; raises a `Conflict` (409) when it cannot."""
        contact = self._contact(conversation)
        return self._mode(conversation, contact)

    def send(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        contact = self._contact(conversation)
        mode = self._mode(conversation, contact)
        payloads = self.window.payloads(conversation.tenant, messages, contact.address, mode, conversation.language)
        for payload in payloads:
            try:
                message_id = self.output.send(contact.account_id, payload)
            except DeliveryRefused as refused:
                raise self.window.refused(refused) from refused
            if self.output.echoes_unmarked and message_id:
                self.log.remember_sent(message_id)

    def _mode(self, conversation: Conversation, contact: Contact) -> str:
        if contact.thread_elsewhere:
            raise ThreadElsewhere(
                "Iemand anders (de inbox van de pagina) heeft dit gesprek nu overgenomen; antwoord daar. / "
                "Someone else (the page's inbox) has taken over this conversation; answer there."
            )
        return self.window.mode(conversation.tenant, _last_inbound(conversation, contact), self.clock())

    def _contact(self, conversation: Conversation) -> Contact:
        contact = self.contacts.contact(conversation.tenant, conversation.id)
        if contact is None:
            raise self.unreachable()
        return contact


def _last_inbound(conversation: Conversation, contact: Contact) -> datetime:
    resident_times = [entry.at for entry in conversation.transcript if entry.role == Role.RESIDENT]
    return max([contact.last_inbound_at, *resident_times])

"""Messages outside a resident's turn on the messaging channels (staff replies, handover
notices): `core.ports.OutboundSender` for every channel. A channel's sender is built only
when one of its conversations needs it (it reads SSM secrets)."""
from __future__ import annotations

from core.errors import Conflict
from core.models import Channel, Conversation, ReplyMessage


class MessagingReplies:
    def send(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        sender_for(conversation.channel).send(conversation, messages)


def sender_for(channel: Channel):
    if channel == Channel.WHATSAPP:
        from handlers.whatsapp_services import staff_reply_sender

        return staff_reply_sender()
    if channel in (Channel.MESSENGER, Channel.INSTAGRAM):
        from handlers.messenger_services import staff_reply_sender as messenger_reply_sender

        return messenger_reply_sender(channel)
    raise Conflict(f"Balie does not send messages on {channel.display_name}: the resident reads them there.")

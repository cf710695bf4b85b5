"""What happens to a stored conversation when a resident edits or takes back a message,
or when someone of the gemeente writes to them outside Balie.

A resident's message is found by Meta's message id: the engine keeps the transcript
entry of each of the last client message ids (`Conversation.replies_by_client_id`).
An older message is no longer findable; its edit or unsend changes nothing.
"""
from __future__ import annotations

from datetime import datetime

from .. import privacy
from ..conversations import append_entries
from ..models import Conversation, ReplyMessage, Role
from ..text_input import MAX_TEXT_CHARS, clean_text

# Who wrote a message from the business's side outside Balie (the staff view shows it).
BUSINESS_AUTHOR = "inbox"
# What a message from the business's side without text (a photo, a template) is recorded as.
WITHOUT_TEXT = "[bijlage]"


def amend(conversation: Conversation, message_id: str, text: str) -> bool:
    """The resident's message `message_id` reads `text` now (redacted). False when the
    message is no longer in the transcript."""
    entry = _resident_entry(conversation, message_id)
    if entry is None:
        return False
    entry.text = privacy.redact(clean_text(text)[:MAX_TEXT_CHARS])
    return True


def retract(conversation: Conversation, message_id: str) -> bool:
    """The resident's message `message_id` leaves the transcript (the bot's answer to it
    stays: the resident saw it). False when it is no longer there."""
    entry = _resident_entry(conversation, message_id)
    if entry is None:
        return False
    conversation.last_seq = max(conversation.last_seq, conversation.next_seq() - 1)
    conversation.transcript = [kept for kept in conversation.transcript if kept is not entry]
    del conversation.replies_by_client_id[message_id]
    return True


def record_business_message(conversation: Conversation, event_id: str, text: str, moment: datetime) -> bool:
    """A message from the gemeente's side sent outside Balie, kept so staff see the whole talk.
    False when Meta's event `event_id` is recorded already (the worker died before it
    marked the event done, and SQS delivered it again)."""
    if any(entry.event_id == event_id for entry in conversation.transcript):
        return False
    shown = privacy.redact(clean_text(text)[:MAX_TEXT_CHARS]) if text.strip() else WITHOUT_TEXT
    append_entries(conversation, Role.STAFF, [ReplyMessage(text=shown)], moment, author=BUSINESS_AUTHOR,
                   event_id=event_id)
    return True


def _resident_entry(conversation: Conversation, message_id: str):
    remembered = conversation.replies_by_client_id.get(message_id)
    if remembered is None:
        return None
    return next((entry for entry in conversation.transcript
                 if entry.seq == remembered.seq and entry.role == Role.RESIDENT), None)

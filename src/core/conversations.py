"""Changing a stored conversation outside a resident's turn (staff, handover
timeouts, follow-ups of a turn), and reading what a ticket needs from it."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from .errors import Conflict, NotFound, VersionConflict
from .models import Conversation, DailyCounters, ReplyMessage, Role, TranscriptEntry
from .ports import ConversationStore

SUMMARY_ENTRIES = 12
SUMMARY_ENTRY_CHARS = 300


def update_conversation(store: ConversationStore, tenant: str, conversation_id: str,
                        change: Callable[[Conversation], Any], attempts: int = 4,
                        counters: Callable[[Conversation], DailyCounters | Sequence[DailyCounters] | None]
                        | None = None,
                        ) -> tuple[Conversation, Any]:
    """Read, change and conditionally write one conversation, re-reading when
    another writer (the resident's turn, another staff member) won the race.
    `change` must be safe to run again on a fresh copy. `counters` (called after
    `change`) gives daily-aggregate increments (one day's or several) written in the
    same transaction."""
    for _ in range(attempts):
        conversation = store.get(tenant, conversation_id)
        if conversation is None:
            raise NotFound("This conversation does not exist.")
        expected = conversation.version
        result = change(conversation)
        conversation.record_handover_segment()
        try:
            return store.save(conversation, expected, counters(conversation) if counters else None), result
        except VersionConflict:
            continue
    raise Conflict("The conversation changed too often at the same time; please try again.")


def append_entries(conversation: Conversation, role: Role, messages: list[ReplyMessage], at: datetime,
                   author: str | None = None) -> None:
    """Record messages the resident receives outside their own turn (timeouts,
    staff replies): the chat poll and the staff view read them from the transcript."""
    for message in messages:
        conversation.transcript.append(
            TranscriptEntry(seq=conversation.next_seq(), role=role, at=at, text=message.text,
                            links=list(message.links), buttons=list(message.buttons), author=author)
        )
    conversation.updated_at = at


def last_intent(conversation: Conversation) -> str | None:
    for entry in reversed(conversation.transcript):
        if entry.intent:
            return entry.intent
    return None


def transcript_summary(conversation: Conversation) -> str:
    """The last turns, already redacted when they were stored, for a ticket."""
    labels = {Role.RESIDENT: "Inwoner", Role.BOT: "Bot", Role.STAFF: "Medewerker", Role.SYSTEM: "Systeem"}
    lines = []
    for entry in conversation.transcript[-SUMMARY_ENTRIES:]:
        text = " ".join(entry.text.split())
        if len(text) > SUMMARY_ENTRY_CHARS:
            text = text[: SUMMARY_ENTRY_CHARS - 1] + "…"
        lines.append(f"{labels[entry.role]}: {text}")
    return "\n".join(lines)

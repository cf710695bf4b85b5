"""Changing a stored conversation outside a resident's turn (staff, handover
timeouts, follow-ups of a turn), and reading what a ticket needs from it."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from .errors import Conflict, NotFound, VersionConflict
from .models import Conversation, DailyCounters, ReplyMessage, Role, TranscriptEntry
from .ports import ConversationStore

_PAYLOAD = re.compile(r"^(intent|followup|feedback|handover|choice):[a-z0-9-]+$")
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
                   author: str | None = None, event_id: str | None = None) -> None:
    """Record messages the resident receives outside their own turn (timeouts,
    staff replies): the chat poll and the staff view read them from the transcript."""
    for message in messages:
        conversation.transcript.append(
            TranscriptEntry(seq=conversation.next_seq(), role=role, at=at, text=message.text,
                            links=list(message.links), buttons=list(message.buttons), author=author,
                            event_id=event_id)
        )
    conversation.updated_at = at


def last_intent(conversation: Conversation) -> str | None:
    for entry in reversed(conversation.transcript):
        if entry.intent:
            return entry.intent
    return None


class _Intents(Protocol):
    intents: Mapping[str, Any]  # intent id -> an intent with `kind` ("topic" or "system")


def is_topic(knowledge: _Intents) -> Callable[[str], bool]:
    """Whether an intent is a topic staff can name a conversation by (not a greeting, thanks or the
    request for a person; an intent the tenant no longer has still counts)."""
    def topic(intent_id: str) -> bool:
        intent = knowledge.intents.get(intent_id)
        return intent is None or intent.kind == "topic"

    return topic


def topic_of(conversation: Conversation, is_topic: Callable[[str], bool] = lambda intent: True) -> str | None:
    """The topic staff know a conversation by: the dialogue's current topic, else the last intent the
    bot answered, skipping what `is_topic` says is none (a greeting, "ik wil een medewerker": after
    crisis help the handover's own intent named the queue item "Vraagt om een medewerker")."""
    candidates = (conversation.state.topic, *(entry.intent for entry in reversed(conversation.transcript)))
    return next((intent for intent in candidates if intent and is_topic(intent)), None)


def transcript_summary(conversation: Conversation, title: Callable[[str], str | None] = lambda intent: None,
                       is_topic: Callable[[str], bool] = lambda intent: True) -> str:
    """What a ticket tells staff, without the bot's boilerplate: the topic, what the bot
    answered (by topic title; `is_topic` leaves out the bot's own intents such as the request
    for a person), and the resident's own words (already redacted when stored), leaving out
    button presses ("Ja", "👎 Nee") and the greeting, "Was dit nuttig?" and other fixed bot texts."""
    lines = []
    topic = topic_of(conversation, is_topic)
    if topic:
        lines.append(f"Onderwerp: {title(topic) or topic}")
    answered = list(dict.fromkeys(entry.intent for entry in conversation.transcript
                                  if entry.role == Role.BOT and entry.intent and is_topic(entry.intent)))
    if answered:
        lines.append("De bot gaf informatie over: " + ", ".join(title(intent) or intent for intent in answered))
    said = []
    previous = None
    for entry in conversation.transcript:
        if entry.role == Role.RESIDENT and entry.text.strip() and not _pressed(entry, previous):
            text = " ".join(entry.text.split())
            said.append(text if len(text) <= SUMMARY_ENTRY_CHARS else text[: SUMMARY_ENTRY_CHARS - 1] + "…")
        previous = entry
    lines += [f"Inwoner: {text}" for text in said[-SUMMARY_ENTRIES:]]
    return "\n".join(lines)


def _pressed(entry: TranscriptEntry, previous: TranscriptEntry | None) -> bool:
    """A resident entry that is a button of the bot message before it (its title or payload)."""
    if previous is None or previous.role != Role.BOT:
        return False
    text = entry.text.strip()
    return any(text in (button.title, button.payload) for button in previous.buttons) or bool(_PAYLOAD.match(text))

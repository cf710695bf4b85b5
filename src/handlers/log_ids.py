"""Conversation ids in logs: only as a keyed hash (core.ids.log_reference).

A conversation id is a bearer secret (it reads and erases the transcript), and logs are read
by more people than the conversation. The key is the deployment's conversation-id secret
(the table item the engine reads on first use), so a reference is stable across containers
and functions and can be computed for one id on purpose (`balie log-ref <id>`).
"""
from __future__ import annotations

from core.ids import log_reference
from handlers.wiring import services


def conversation_ref(conversation_id: str) -> str:
    return log_reference(conversation_id, services().engine.id_key())

"""Erasure: a resident's right to have their conversation removed.

The resident asks it themselves (`DELETE /v1/chat/{id}`) or asks the municipality, whose
staff erase it (`DELETE /v1/staff/conversations/{id}`); both come here. Everything Balie
holds of the conversation goes in one store transaction (ConversationStore.delete: the
conversation, its WhatsApp contact, outbox, unanswered questions and tickets). What Balie
cannot reach is named with the calls that would remove it: the records a ticket created in
the municipality's own Open Klant are the municipality's (its archiving rules apply), so
Balie does not delete them (docs/ARCHITECTURE.md, "Erasure and retention").
"""
from __future__ import annotations

from typing import Any, Protocol

from pydantic import Field

from .errors import NotFound
from .models import Model
from .open_klant import deletion_calls
from .ports import ConversationStore, TicketStore


class _Knowledge(Protocol):
    tenant: Any


class _KnowledgeRepository(Protocol):
    def get(self, tenant: str) -> _Knowledge: ...


class NotErased(Model):
    """A copy erasure cannot reach, and the calls that would remove it."""

    system: str
    reason: str
    calls: list[str]


class Erasure(Model):
    conversation_id: str
    deleted: bool = True
    not_erased: list[NotErased] = Field(default_factory=list)


def erase_conversation(store: ConversationStore, tickets: TicketStore, knowledge: _KnowledgeRepository,
                       tenant: str, conversation_id: str) -> Erasure:
    """Erase the conversation and everything stored with it; NotFound when there is none."""
    base_url = knowledge.get(tenant).tenant.open_klant.url  # an unknown tenant is a NotFound
    pushed = [created for record in tickets.of_conversation(tenant, conversation_id)
              for created in (record.open_klant, *(addition.open_klant for addition in record.additions)) if created]
    if not store.delete(tenant, conversation_id):
        raise NotFound("This conversation does not exist.")
    erasure = Erasure(conversation_id=conversation_id)
    if pushed:
        erasure.not_erased.append(NotErased(
            system="open_klant",
            reason="The callback request was registered in the municipality's Open Klant, which Balie "
                   "does not manage. Remove it there (archiving rules permitting).",
            calls=[call for created in pushed for call in deletion_calls(base_url or "<open_klant.url>", created)],
        ))
    return erasure

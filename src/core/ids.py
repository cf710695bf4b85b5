"""Identifiers of conversations, tickets and staff-visible items.

A web conversation id is `<tenant>.<32 hex digits>`: 128 random bits that
cannot be guessed, prefixed with the tenant slug so that the chat API can find
the tenant (and so its CORS origins) from the id alone on GET and DELETE.
Slugs never contain a dot, so the split is unambiguous. Storage keys still
carry the tenant separately, so a forged prefix only ever leads to a 404.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets

_SLUG = r"[a-z0-9][a-z0-9-]{0,62}"
_CONVERSATION_ID = re.compile(rf"^(?P<tenant>{_SLUG})\.(?P<token>[0-9a-f]{{32}})$")
# What a channel may hand in as its own conversation id (e.g. derived from the
# WhatsApp sender): same shape, any lower-case hex token of 32..64 digits.
_CHANNEL_ID = re.compile(rf"^(?P<tenant>{_SLUG})\.(?P<token>[0-9a-f]{{32,64}})$")


def new_conversation_id(tenant: str) -> str:
    return f"{tenant}.{secrets.token_hex(16)}"


# A clientMessageId shorter than this is too easy to collide or guess to name a conversation
# alone ("1", "m1": a widget's counter); a short one names it together with the client's
# address and the message, and only for a retry (see Engine._load).
MIN_CLIENT_ID_FOR_DERIVED_CONVERSATION = 16
# How long a first turn with a short clientMessageId can be retried into its conversation:
# a retry follows a lost answer within seconds; a later equal request is another resident's.
FIRST_TURN_RETRY_SECONDS = 120


def first_turn_conversation_id(tenant: str, client_message_id: str, key: bytes, context: str = "") -> str:
    """The conversation id of a first turn that carries a clientMessageId, so a
    retried first request (the widget never got the answer) lands in the same
    conversation and is answered from it. Keyed with a server secret: knowing a
    clientMessageId is not enough to compute the id. `context` narrows a short id
    (the client's address and the message)."""
    named = f"{tenant}\x00{client_message_id}" + (f"\x00{context}" if context else "")
    digest = hmac.new(key, named.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{tenant}.{digest[:32]}"


def client_key(address: str, key: bytes) -> str:
    """A keyed hash of a client's address (an IP address is personal data): the same
    address gives the same key within a deployment, and the key gives nothing back."""
    return hmac.new(key, f"client\x00{address}".encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def log_reference(conversation_id: str, key: bytes) -> str:
    """What logs carry instead of a conversation id (a bearer secret: whoever has it can read
    and erase the transcript): a keyed hash, the same for one conversation in every log line
    of a deployment, from which the id cannot be found. `balie log-ref <id>` computes it."""
    return "c-" + hmac.new(key, f"log\x00{conversation_id}".encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def new_id() -> str:
    """128 random bits as hex, for tickets and other items without a tenant prefix."""
    return secrets.token_hex(16)


def tenant_of(conversation_id: str) -> str | None:
    """The tenant slug carried by a conversation id, or None when the id is malformed."""
    match = _CHANNEL_ID.match(conversation_id or "")
    return match.group("tenant") if match else None


def is_conversation_id(value: str) -> bool:
    return _CHANNEL_ID.match(value or "") is not None

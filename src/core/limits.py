"""Limits against abuse that the turn enforces in its own write (no extra reads).

- New conversations per client: a web client (source address) may open at most
  `new_conversations_per_client` conversations of one tenant in a fixed window of
  `window_seconds`; the count is an item updated in the first turn's transaction with a
  condition, so the 201st conversation of a burst fails as a whole (429 + Retry-After).
  Addresses behind one NAT (a library, an office) share the allowance: the default is
  generous for people and small for a script.
- Unanswered questions per tenant and day: at most `unanswered_per_day` are kept for the
  reports and the shared export, so a flood of one message cannot fill them.
- Unanswered questions per conversation: at most `UNANSWERED_PER_CONVERSATION` go on the editors'
  list (a count in the dialogue's state), so one client's stream of distinct nonsense fills the
  tenant's day only across many conversations, which the allowance per client slows down.
- Turns per conversation per minute: core.dialogue.engine (RATE_LIMIT_TURNS).
- Requests per client: the widget's poll of a conversation and its erasure (`GET
  /v1/chat/{id}/messages`, `DELETE /v1/chat/{id}`) count against the client's window of
  `REQUEST_WINDOW_SECONDS` per tenant, one conditional update each (429 + Retry-After past
  `requests_per_client`). The widget polls only during a live handover, every 1.5 s at the
  most (40 a minute): the default leaves room for three residents behind one address, and
  stops a script polling or erasing in a loop. API Gateway's stage throttling (template.yaml)
  bounds every route in all; this bounds one client.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from typing import TYPE_CHECKING

from .errors import RateLimited
from .ids import client_key
from .models import ClientAdmission

if TYPE_CHECKING:
    from .ports import ConversationStore

DEFAULT_NEW_CONVERSATIONS_PER_CLIENT = 30
DEFAULT_WINDOW_SECONDS = 600
DEFAULT_UNANSWERED_PER_DAY = 500
# A resident rephrasing a question the bot cannot answer shows the editors what is missing in a few
# tries; past that a conversation adds nothing to the list but noise (counted as dropped).
UNANSWERED_PER_CONVERSATION = 5
CLIENT_LIMIT_MESSAGE = "Too many new conversations from this address. Please try again later."
DEFAULT_REQUESTS_PER_CLIENT = 120
REQUEST_WINDOW_SECONDS = 60
REQUEST_LIMIT_MESSAGE = "Too many requests from this address. Please wait a minute."
REQUESTS = "requests"  # ClientAdmission.counts of the requests' window
# Daily counters of the unanswered questions kept and of those dropped past the cap.
KEPT_COUNTER = "unanswered_kept"
DROPPED_COUNTER = "unanswered_dropped"


@dataclass(frozen=True)
class TurnLimits:
    new_conversations_per_client: int = DEFAULT_NEW_CONVERSATIONS_PER_CLIENT  # 0: no limit
    window_seconds: int = DEFAULT_WINDOW_SECONDS
    unanswered_per_day: int = DEFAULT_UNANSWERED_PER_DAY  # 0: no cap
    requests_per_client: int = DEFAULT_REQUESTS_PER_CLIENT  # a minute; 0: no limit

    def admission(self, tenant: str, client: str | None, moment: datetime) -> ClientAdmission | None:
        """What a new conversation of `client` (a keyed hash) counts against; None: no limit."""
        if client is None or self.new_conversations_per_client <= 0:
            return None
        now = int(moment.timestamp())
        return ClientAdmission(tenant=tenant, client=client, window_start=now - now % self.window_seconds,
                               window_seconds=self.window_seconds, limit=self.new_conversations_per_client)

    def request_admission(self, tenant: str, client: str | None, moment: datetime) -> ClientAdmission | None:
        """What one poll or erasure of `client` (a keyed hash) counts against; None: no limit."""
        if client is None or self.requests_per_client <= 0:
            return None
        now = int(moment.timestamp())
        return ClientAdmission(tenant=tenant, client=client, window_start=now - now % REQUEST_WINDOW_SECONDS,
                               window_seconds=REQUEST_WINDOW_SECONDS, limit=self.requests_per_client, counts=REQUESTS)


def admit_request(store: ConversationStore, limits: TurnLimits, key: bytes, tenant: str, address: str | None,
                  moment: datetime) -> None:
    """Count one poll or erasure of the client at `address` (kept only as a keyed hash, `key` the
    deployment's id secret); raises `RateLimited` past the client's window."""
    admission = limits.request_admission(tenant, client_key(address, key) if address else None, moment)
    if admission is not None:
        store.admit(admission)


def refusal(admission: ClientAdmission, moment: int) -> RateLimited:
    """The 429 of a full window, with the seconds until it ends (`moment`: epoch seconds)."""
    message = REQUEST_LIMIT_MESSAGE if admission.counts == REQUESTS else CLIENT_LIMIT_MESSAGE
    return RateLimited(message, retry_after=admission.window_start + admission.window_seconds - moment)

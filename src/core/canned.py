"""Canned replies: the tenant's own ready answers for staff ("Wij bellen u vandaag nog
terug", the desk's opening hours during works). Every member of staff reads them (the
dashboard suggests them with the knowledge-base answers, `StaffService.suggestions`);
editors write and delete them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .clock import Clock, now
from .errors import InvalidInput, NotFound
from .models import CannedReply
from .ports import CannedReplyStore
from .staff import StaffIdentity

MAX_TITLE_CHARS = 80
MAX_TEXT_CHARS = 2000
MAX_REPLIES = 200  # per tenant: the list stays one small query
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


@dataclass
class CannedReplies:
    store: CannedReplyStore
    known_intents: "frozenset[str] | None" = None  # intent ids a reply may name (None: not checked)
    clock: Clock = now

    def list(self, who: StaffIdentity) -> list[CannedReply]:
        return self.store.list(who.tenant)

    def put(self, who: StaffIdentity, reply_id: str, title: str, text: str, intents: list[str]) -> CannedReply:
        who.require_role("editor")
        if not ID.match(reply_id or ""):
            raise InvalidInput("id must be lower-case letters, digits and hyphens (at most 63).")
        title, text = (title or "").strip(), (text or "").strip()
        if not title or len(title) > MAX_TITLE_CHARS:
            raise InvalidInput(f"title must be 1 to {MAX_TITLE_CHARS} characters.")
        if not text or len(text) > MAX_TEXT_CHARS:
            raise InvalidInput(f"text must be 1 to {MAX_TEXT_CHARS} characters.")
        unknown = sorted(set(intents) - self.known_intents) if self.known_intents is not None else []
        if unknown:
            raise InvalidInput(f"Unknown intents: {', '.join(unknown)}.")
        existing = self.store.list(who.tenant)
        if len(existing) >= MAX_REPLIES and all(reply.id != reply_id for reply in existing):
            raise InvalidInput(f"A municipality has at most {MAX_REPLIES} canned replies.")
        return self.store.put(CannedReply(id=reply_id, tenant=who.tenant, title=title, text=text,
                                          intents=sorted(set(intents)), updated_by=who.subject,
                                          updated_at=self.clock()))

    def delete(self, who: StaffIdentity, reply_id: str) -> None:
        who.require_role("editor")
        if not self.store.delete(who.tenant, reply_id):
            raise NotFound("This canned reply does not exist.")

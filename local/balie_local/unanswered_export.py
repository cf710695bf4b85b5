"""`balie kb proposals [--from D] [--to D] [--format yaml|json] [-o FILE]`.

The unanswered questions of every tenant that opted in (`share_unanswered:
true`) as proposals for new example phrasings in the shared knowledge base:
redacted again, municipality names and domains replaced by [GEMEENTE], exact
duplicates merged, similar wordings grouped (core.reports), with the matcher's
closest intents as a hint for the editor. No tenant names, conversation ids or
dates of single questions are written.

Stricter than the redaction on the request path (`strict_clean`), because the export
leaves the municipality: `deduce` (a Dutch de-identification library; seconds to load,
so only here, never in a Lambda) replaces the names, places, dates, ages and numbers the
rules missed, and a question that still holds a link, an e-mail sign, a number of four or
more digits, several placeholders or a long story is dropped, not shared ("dropped": N).

Crosses tenants, so it cannot go through the staff API (staff see one tenant):
it reads the running local stack's table directly (endpoint and table name
from /dev/stack) with the compiled knowledge the stack serves (KB_DIR or
src/kb_compiled). `proposals_document` is the part tests call with any store.
"""
from __future__ import annotations

import functools
import json
import os
import re
import sys
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from core import privacy
from core.clock import now
from core.opening_hours import AMSTERDAM
from core.reports import MAX_DAYS, unanswered_proposals
from core.ports import ConversationStore, KnowledgeRepository

CLOSEST_INTENTS = 3
MAX_SHARED_CHARS = 300  # longer texts are stories, full of details about someone
MAX_PLACEHOLDERS = 2  # more: mostly personal, little question left
# deduce's annotation tags -> what the export writes; None: the question is dropped.
DEDUCE_PLACEHOLDERS: dict[str, str | None] = {
    "persoon": "[NAAM]", "patient": "[NAAM]", "locatie": "[PLAATS]", "datum": "[DATUM]", "leeftijd": "[LEEFTIJD]",
    "telefoonnummer": "[TELEFOON]", "emailadres": "[EMAIL]", "bsn": "[BSN]", "id": "[NUMMER]", "url": None,
}
_NOT_SHAREABLE = re.compile(
    r"https?:|www\.|@|\b[\w-]+\.(?:nl|com|org|net|eu|be|de|info|io|app|online|site|xyz)\b|\d{4,}", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\[[A-Z]+\]")


@functools.cache
def _deduce() -> Any:
    from deduce import Deduce  # LGPL-3.0; loads its Dutch name and place lists (seconds)

    return Deduce()


def strict_clean(text: str) -> str | None:
    """The question as it may leave the municipality, or None when it cannot be cleaned."""
    text = privacy.redact(text)
    if len(text) > MAX_SHARED_CHARS:
        return None
    document = _deduce().deidentify(text)
    pieces, last = [], 0
    for annotation in sorted(document.annotations, key=lambda a: a.start_char):
        if annotation.start_char < last:
            continue
        tag = annotation.tag.split("_")[0].lower()
        placeholder = DEDUCE_PLACEHOLDERS.get(tag, "[GEGEVEN]")
        if placeholder is None:
            return None
        if annotation.text.strip("[]") and not _PLACEHOLDER.fullmatch(annotation.text):
            pieces += [text[last:annotation.start_char], placeholder]
            last = annotation.end_char
    cleaned = "".join(pieces) + text[last:]
    if _NOT_SHAREABLE.search(cleaned) or len(_PLACEHOLDER.findall(cleaned)) > MAX_PLACEHOLDERS:
        return None
    return cleaned


def proposals_document(store: ConversationStore, knowledge: KnowledgeRepository, first: date, last: date) -> dict[str, Any]:
    tenants = [knowledge.get(slug) for slug in knowledge.slugs()]
    # The shared matcher part is the same for every tenant; the first opted-in tenant's
    # matcher names the closest shared intents (tenant-only intents are left out).
    sharing = [k for k in tenants if k.tenant.share_unanswered]

    def closest(text: str) -> list[str]:
        if not sharing:
            return []
        matcher_knowledge = sharing[0]
        result = matcher_knowledge.matcher.classify(text)
        names = ([result.intent] if result.intent else []) + [alt.intent for alt in result.alternatives]
        shared = [n for n in names if n in matcher_knowledge.intents and not matcher_knowledge.intents[n].tenant_only]
        return shared[:CLOSEST_INTENTS]

    found = unanswered_proposals(store, [k.tenant for k in tenants], first, last, closest=closest, strict=strict_clean)
    return found.model_dump(mode="json", by_alias=True)


def _stack(api: str | None) -> dict[str, Any]:
    """/dev/stack of the running local stack; SystemExit with a hint when no stack answers
    at `api` (default http://127.0.0.1:$PORT)."""
    api = (api or f"http://127.0.0.1:{os.environ.get('PORT', '3000')}").rstrip("/")
    try:
        with urllib.request.urlopen(f"{api}/dev/stack", timeout=10) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise SystemExit(f"balie: no local stack at {api} ({error}); start it with `make run`") from None


def running_store(api: str | None, stack: dict[str, Any] | None = None) -> Any:
    """The running local stack's DynamoDBConversationStore (endpoint and table from /dev/stack)."""
    from adapters.dynamodb_store import DynamoDBConversationStore
    from balie_local.aws import _client
    from balie_local.template_resources import DEFAULT_REGION

    stack = stack or _stack(api)
    return DynamoDBConversationStore(_client("dynamodb", stack["aws"], DEFAULT_REGION), stack["tables"]["BalieTable"])


def log_ref(args: Any) -> int:
    """`balie log-ref <conversation id>`: the reference the logs carry for it (handlers/log_ids.py)."""
    from core.ids import log_reference

    print(log_reference(args.conversation_id, running_store(args.api).id_key()))
    return 0


def run(args: Any) -> int:
    from adapters.kb_files import FileKnowledge

    stack = _stack(args.api)
    store = running_store(args.api, stack)
    # The stack's clock (its BALIE_NOW), not this process's: the same days the dashboard shows.
    clock = stack.get("now")
    today = (datetime.fromisoformat(clock) if clock else now()).astimezone(AMSTERDAM).date()
    try:
        last = date.fromisoformat(args.date_to) if args.date_to else today
        first = date.fromisoformat(args.date_from) if args.date_from else last - timedelta(days=MAX_DAYS - 1)
    except ValueError:
        print("balie kb proposals: --from and --to are dates written as YYYY-MM-DD", file=sys.stderr)
        return 2
    if first > last:
        print("balie kb proposals: --from is after --to", file=sys.stderr)
        return 2
    document = proposals_document(store, FileKnowledge(os.environ.get("KB_DIR") or None), first, last)
    if args.format == "json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"{len(document['proposals'])} proposals from {document['tenants']} tenants -> {args.output}",
              file=sys.stderr)
    return 0

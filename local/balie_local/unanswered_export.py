"""`balie kb proposals [--from D] [--to D] [--format yaml|json] [-o FILE]`.

The unanswered questions of every tenant that opted in (`share_unanswered:
true`) as proposals for new example phrasings in the shared knowledge base:
redacted again, municipality names and domains replaced by [GEMEENTE], exact
duplicates merged, similar wordings grouped (core.reports), with the matcher's
closest intents as a hint for the editor. No tenant names, conversation ids or
dates of single questions are written.

Crosses tenants, so it cannot go through the staff API (staff see one tenant):
it reads the running local stack's table directly (endpoint and table name
from /dev/stack) with the compiled knowledge the stack serves (KB_DIR or
src/kb_compiled). `proposals_document` is the part tests call with any store.
"""
from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from core.clock import now
from core.opening_hours import AMSTERDAM
from core.reports import MAX_DAYS, unanswered_proposals
from core.ports import ConversationStore, KnowledgeRepository

CLOSEST_INTENTS = 3


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

    found = unanswered_proposals(store, [k.tenant for k in tenants], first, last, closest=closest)
    return found.model_dump(mode="json", by_alias=True)


def _stack(api: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{api}/dev/stack", timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def run(args: Any) -> int:
    from adapters.dynamodb_store import DynamoDBConversationStore
    from adapters.kb_files import FileKnowledge
    from balie_local.aws import _client
    from balie_local.template_resources import DEFAULT_REGION

    api = (args.api or f"http://127.0.0.1:{os.environ.get('PORT', '3000')}").rstrip("/")
    try:
        stack = _stack(api)
    except (urllib.error.URLError, OSError, ValueError) as error:
        print(f"balie kb proposals: no local stack at {api} ({error}); start it with `make run`", file=sys.stderr)
        return 1
    today = now().astimezone(AMSTERDAM).date()
    try:
        last = date.fromisoformat(args.date_to) if args.date_to else today
        first = date.fromisoformat(args.date_from) if args.date_from else last - timedelta(days=MAX_DAYS - 1)
    except ValueError:
        print("balie kb proposals: --from and --to are dates written as YYYY-MM-DD", file=sys.stderr)
        return 2
    if first > last:
        print("balie kb proposals: --from is after --to", file=sys.stderr)
        return 2
    table = stack["tables"]["BalieTable"]
    store = DynamoDBConversationStore(_client("dynamodb", stack["aws"], DEFAULT_REGION), table)
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

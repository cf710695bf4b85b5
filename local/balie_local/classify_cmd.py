"""`balie classify`: one question per stdin line in, one JSON line out
(the CLI contract of the project's API specification)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from core.errors import NotFound
from core.kb.compiled import TenantKnowledge
from core.kb.merge import KnowledgeError

from .kb_tools import DEFAULT_TENANTS_DIR, compile_tenant


def tenants_dir_for(kb_dir: Path, explicit: str | None) -> Path:
    """`--tenants`, else the `tenants/` next to the knowledge directory, else the repo's."""
    if explicit:
        return Path(explicit)
    sibling = kb_dir.resolve().parent / "tenants"
    return sibling if sibling.is_dir() else DEFAULT_TENANTS_DIR


def load(args: argparse.Namespace) -> TenantKnowledge:
    if args.kb:
        kb_dir = Path(args.kb)
        return compile_tenant(kb_dir, tenants_dir_for(kb_dir, getattr(args, "tenants", None)), args.tenant)
    from adapters.kb_files import FileKnowledge

    return FileKnowledge().get(args.tenant)


def _scored(alternatives) -> list[dict]:
    return [{"intent": alternative.intent, "score": round(float(alternative.score), 4)} for alternative in alternatives[:3]]


def classification_record(knowledge: TenantKnowledge, text: str) -> dict:
    """The contract's `intent`, `score`, `alternatives` (API.md), plus what the answer policy
    decided: `decision` ("answer" | "clarify" | "reject"), the `candidates` of a "Bedoelt
    u...?" and, for a message of several clauses, the topic found in each (`parts`)."""
    if not text.strip():
        # Nothing to classify; the bot would fall back, so report out of scope.
        return {"text": text, "intent": None, "score": 0.0, "alternatives": [], "decision": "reject", "candidates": [], "parts": []}
    result = knowledge.matcher.classify(text)
    return {
        "text": text,
        "intent": result.intent,
        "score": round(float(result.score), 4),
        "alternatives": _scored(result.alternatives),
        "decision": result.decision,
        "candidates": _scored(result.candidates) if result.decision == "clarify" else [],
        "parts": [
            {
                "text": part.text,
                "intent": part.classification.intent,
                "score": round(float(part.classification.score), 4),
                "decision": part.classification.decision,
            }
            for part in result.parts
        ],
    }


def classify_stream(knowledge: TenantKnowledge, lines: TextIO, out: TextIO) -> None:
    for line in lines:
        record = classification_record(knowledge, line.rstrip("\r\n"))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()  # callers may pipe question by question


def run(args: argparse.Namespace) -> int:
    try:
        knowledge = load(args)
    except (NotFound, KnowledgeError, FileNotFoundError) as error:
        print(f"balie classify: {error}", file=sys.stderr)
        return 2
    classify_stream(knowledge, sys.stdin, sys.stdout)
    return 0

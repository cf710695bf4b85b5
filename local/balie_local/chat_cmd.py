"""`balie chat`: a conversation in the terminal against the same engine.

Knowledge comes from the compiled artefacts (`balie kb build`, src/kb_compiled)
when they exist, else it is compiled in memory from knowledge/ and tenants/.
State lives in memory; `BALIE_NOW` fixes the clock. Type a button's number to
press it, `/quit` (or Ctrl-D) to leave.
"""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from core.clock import now
from core.dialogue.engine import Engine
from core.effects import PortEffectDispatcher
from core.errors import BalieError, NotFound
from core.kb.static import StaticKnowledge
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue
from core.models import Button, Channel, InboundKind, InboundMessage, Reply
from core.ports import KnowledgeRepository

QUIT = {"/quit", "/exit", "/q"}


def load_knowledge(tenant: str, out: TextIO) -> KnowledgeRepository:
    from adapters.kb_files import FileKnowledge, compiled_directory

    directory = compiled_directory()
    if (directory / "index.json").is_file():
        repository = FileKnowledge(directory)
        try:
            repository.get(tenant)
            return repository
        except NotFound:
            pass
    from balie_local.kb_tools import DEFAULT_KB_DIR as kb_dir, DEFAULT_TENANTS_DIR as tenants_dir, compile_tenant

    print(f"(no compiled knowledge for {tenant!r}: compiling {kb_dir} in memory, this takes a minute)", file=out)
    return StaticKnowledge([compile_tenant(kb_dir, tenants_dir, tenant)])


def render(reply: Reply, out: TextIO) -> list[Button]:
    buttons: list[Button] = []
    for message in reply.messages:
        print(f"balie> {message.text}", file=out)
        for link in message.links:
            print(f"       → {link.title}: {link.url}", file=out)
        for button in message.buttons:
            buttons.append(button)
            print(f"       [{len(buttons)}] {button.title}", file=out)
    if reply.handover is not None and reply.handover.notice:
        print(f"       ({reply.handover.notice})", file=out)
    return buttons


def converse(engine: Engine, tenant: str, lines: TextIO, out: TextIO, interactive: bool) -> None:
    conversation_id: str | None = None
    buttons: list[Button] = []
    while True:
        if interactive:
            print("u> ", end="", file=out, flush=True)
        line = lines.readline()
        if not line:
            break
        text = line.strip()
        if text in QUIT:
            break
        if not text:
            continue
        if not interactive:
            print(f"u> {text}", file=out)
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            chosen = buttons[int(text) - 1]
            message = InboundMessage(tenant=tenant, channel=Channel.TERMINAL, kind=InboundKind.BUTTON,
                                     text=chosen.title, payload=chosen.payload, conversation_id=conversation_id)
        else:
            message = InboundMessage(tenant=tenant, channel=Channel.TERMINAL, text=text[:1000],
                                     conversation_id=conversation_id)
        try:
            reply = engine.handle(message)
        except BalieError as error:
            print(f"(error: {error.message})", file=out)
            continue
        conversation_id = reply.conversation_id
        buttons = render(reply, out)


def run(args: argparse.Namespace, lines: TextIO | None = None, out: TextIO | None = None) -> int:
    lines = lines or sys.stdin
    out = out or sys.stdout
    try:
        knowledge = load_knowledge(args.tenant, out)
    except (NotFound, FileNotFoundError) as error:
        print(f"unknown tenant {args.tenant!r}: {error}", file=sys.stderr)
        return 2
    effects = PortEffectDispatcher(tickets=InMemoryTicketQueue(), timeouts=InMemoryHandoverTimeouts())
    engine = Engine(store=InMemoryConversationStore(clock=now, retention=knowledge.retention), knowledge=knowledge,
                    effects=effects, clock=now)
    interactive = lines.isatty()
    if interactive:
        print(f"Balie chat met {knowledge.get(args.tenant).tenant.name}. Typ een nummer om op een knop te drukken, /quit om te stoppen.", file=out)
    converse(engine, args.tenant, lines, out, interactive)
    return 0

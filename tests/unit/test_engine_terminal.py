"""`balie chat`: the terminal channel on the same engine (numbers press buttons)."""
from __future__ import annotations

import io
from pathlib import Path

from balie_local.chat_cmd import converse
from balie_local.kb_tools import compile_tenant
from core.clock import FixedClock
from core.dialogue.engine import Engine
from core.effects import PortEffectDispatcher
from core.kb.static import StaticKnowledge
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue
from datetime import datetime

KB = Path(__file__).parent / "data" / "kb_engine"


def test_a_terminal_conversation_with_buttons_follow_up_and_flow() -> None:
    clock = FixedClock(datetime.fromisoformat("2026-11-30T10:00:00+01:00"))
    knowledge = StaticKnowledge([compile_tenant(KB / "knowledge", KB / "tenants", "alpha")])
    store = InMemoryConversationStore(clock=clock)
    effects = PortEffectDispatcher(tickets=InMemoryTicketQueue(), timeouts=InMemoryHandoverTimeouts())
    engine = Engine(store=store, knowledge=knowledge, effects=effects, clock=clock)
    lines = io.StringIO("paspoort verlengen\n2\nafvalkalender\n1234ab\n12\n/quit\nnever read\n")
    out = io.StringIO()
    converse(engine, "alpha", lines, out, interactive=False)
    shown = out.getvalue()
    assert "balie> Hallo! Ik ben de digitale assistent van Gemeente Alpha." in shown
    assert "       [2] Wat kost het?" in shown  # [1] is the greeting's "Medewerker spreken"
    assert "balie> Een paspoort kost geld." in shown  # "2" pressed the button
    assert "       → Afvalkalender: https://www.alpha.example/afval?postcode=1234%20AB&huisnummer=12" in shown
    assert "never read" not in shown

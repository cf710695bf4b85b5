"""What the staff API answers when it refuses something, in Dutch: the dashboard shows these
messages to staff as they are (the knowledge-base editor's are Dutch too). The admin API, read by
operators and the CLI, stays English; so do errors only a client's bug can cause (a bad query)."""
from __future__ import annotations

EMPTY_TEXT = "Typ eerst een tekst."
NOT_YOUR_TEAM = "U zit niet in dit team."
COLLEAGUE_HAS_IT = "Een collega heeft dit gesprek al overgenomen."
TICKET_GONE = "Dit verzoek bestaat niet meer: afgehandeld en verlopen, of gewist."
TICKET_CONVERSATION_GONE = "Het gesprek van dit verzoek bestaat niet meer: gewist of verlopen."


def too_long(limit: int) -> str:
    return f"De tekst is te lang: hoogstens {limit} tekens."


def no_replies_on(channel: str) -> str:
    return f"Antwoorden via {channel} zijn voor deze gemeente niet ingesteld."

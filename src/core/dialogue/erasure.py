"""A resident who asks, in the chat, to have their data deleted ("verwijder mijn gegevens", "wis dit
gesprek", "delete my data", "right to be forgotten").

The matcher reads no topic in it (the scope message, or "Bedoelt u" an extract from the BRP): the
resident gets what Balie can do instead, honestly: how long the conversation is kept, how to delete
it now (the widget's own button, or a member of staff on the messaging channels, who can erase it),
and that other data the municipality holds is a privacy request (AVG) of its own.
"""
from __future__ import annotations

import re

from .clauses import plain

_NL_VERB = r"(?:verwijder|verwijderd|verwijderen|verwijdert|wis|wist|wissen|weghalen|vergeten)"
_NL_WHAT = (r"(?:(?:al |alle )?(?:mijn|m'n|mn|me|onze)|dit|deze|het|de) (?:\w+ )?"
            r"(?:gegevens|persoonsgegevens|data|info|informatie|berichten|chat|chats|gesprek|gesprekken|chatgeschiedenis)")
_EN_VERB = r"(?:delete|deleted|erase|erased|remove|removed|wipe|wiped|forget)"
_EN_WHAT = (r"(?:(?:all )?(?:my|our)|this|the) (?:\w+ )?"
            r"(?:data|details|information|info|messages|chat|chats|conversation|conversations|chat history)")
_ASKS = re.compile(
    rf"\b{_NL_VERB} (?:\w+ ){{0,2}}{_NL_WHAT}\b"  # "wis dit gesprek", "verwijder al mijn gegevens"
    rf"|\b{_NL_WHAT} (?:\w+ ){{0,3}}(?:laten |te )?{_NL_VERB}\b"  # "mijn gegevens laten verwijderen", "... wissen"
    rf"|\b{_EN_VERB} (?:\w+ ){{0,2}}{_EN_WHAT}\b"  # "please delete my data", "erase this conversation"
    rf"|\b{_EN_WHAT} (?:\w+ ){{0,2}}(?:be |to be |get )?{_EN_VERB}\b"  # "i want my data deleted"
    r"|\b(?:recht op vergetelheid|recht om vergeten te worden|right to be forgotten|right to erasure)\b"
)
# What a resident asks the municipality to remove that is no data of theirs, or an answer about
# something else they deleted ("ik heb de mail per ongeluk verwijderd", "mijn afspraak verwijderen").
_NOT_ERASURE = re.compile(r"\b(?:per ongeluk|by accident|accidentally|afspraak|appointment|hond|dog|kenteken|auto|car)\b")


def asks_erasure(text: str) -> bool:
    """True when the resident asks to have their data or this conversation deleted."""
    said = plain(text)
    return bool(_ASKS.search(said)) and not _NOT_ERASURE.search(said)

"""The one check of text a resident or a member of staff sends, whatever the channel.

Refused (`check_text`, a 400 where the sender can be told) or removed (`clean_text`,
for channels that cannot refuse, such as a WhatsApp delivery Meta would retry for days):
- NUL and the other C0 controls except newline and tab, DEL and the C1 controls: no
  keyboard types them, and a terminal or a CSV reader may act on them;
- lone surrogates (JSON allows "\\ud800"): not text, they cannot be stored as UTF-8;
- bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they
  make a message display in another order than it was written, in the staff dashboard,
  a report or the export (the "Trojan Source" trick); right-to-left scripts need none;
- Unicode noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF): reserved for internal use.
Everything else (emoji with joiners, Arabic, Hebrew, combining accents) is text.
The same rules hold for what an administrator or editor writes that residents read (a tenant's
and a team's name, a phone number, every answer and title: `text_problem`, in core.kb.models).
A message of only blank characters is empty (400): spaces, and what renders as nothing, the
format characters (zero-width space and joiners, BOM, word joiner, soft hyphen, Mongolian vowel
separator) and the Hangul and Braille fillers, so "\u200b" cannot open a conversation.
"""
from __future__ import annotations

import re
import unicodedata

from .errors import InvalidInput

# C0 except \t and \n, DEL, C1; bidi embeddings/overrides/isolates; lone surrogates; noncharacters.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"
_PLANE_ENDS = "".join(chr(plane * 0x10000 + low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF))
# The plane ends are read only at a character beyond the BMP (a lookbehind at it): in one class with
# the rest, a character outside the BMP makes `re` test every character against each of the 32 in
# turn (about 70 ns a character: 20 ms for the texts of one tenant's compiled knowledge, read on
# every cold start, and 70 us for a message of 1,000 characters); the BMP's characters are then one
# table look-up. The same characters are refused (tests/unit/test_text_input.py reads every one).
_ASTRAL = "\U00010000-\U0010ffff"
_REFUSED = re.compile(f"[{_CONTROLS}{_BIDI}{_SURROGATES}{_NONCHARACTERS}]|[{_ASTRAL}](?<=[{_PLANE_ENDS}])")
_CONTROL = re.compile(f"[{_CONTROLS}]")
_SURROGATE = re.compile(f"[{_SURROGATES}]")
_INVISIBLE_REFUSED = re.compile(f"[{_BIDI}{_NONCHARACTERS}]|[{_ASTRAL}](?<=[{_PLANE_ENDS}])")

MAX_TEXT_CHARS = 1000  # what the engine reads of one resident message, on every channel
# Letters and symbols that render as blank space (the "invisible name" tricks).
_BLANK_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_blank(text: str) -> bool:
    """True when nothing in `text` would show: whitespace, format characters (Cf) and fillers."""
    return all(ch.isspace() or ch in _BLANK_FILLERS or unicodedata.category(ch) == "Cf" for ch in text)


def text_problem(text: str) -> str | None:
    """Why `text` is no acceptable text ("is empty", ...), whatever its length; None when it is."""
    if is_blank(text):
        return "is empty"
    if _SURROGATE.search(text):
        return "contains characters that are not valid text"
    if _REFUSED.search(text):
        return "contains control or direction characters"
    return None


def check_text(text: str, *, max_length: int = MAX_TEXT_CHARS) -> str:
    """`text` unchanged when it is acceptable; `InvalidInput` (400) otherwise."""
    if len(text) > max_length and not is_blank(text):
        raise InvalidInput(f"The message is longer than {max_length} characters.")
    problem = text_problem(text)
    if problem is not None:
        raise InvalidInput(f"The message {problem}.")
    return text


def clean_text(text: str) -> str:
    """`text` with every refused character taken out (controls become a space, so words
    stay apart; a lone surrogate becomes U+FFFD): for input that cannot be refused."""
    text = _CONTROL.sub(" ", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _INVISIBLE_REFUSED.sub("", text)


def is_clean(text: str) -> bool:
    return _REFUSED.search(text) is None

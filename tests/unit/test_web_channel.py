"""The website channel's wire formats (channels/web.py): what the chat API accepts of a client."""
from __future__ import annotations

import pytest

from channels.web import parse_cursor


@pytest.mark.parametrize("value", [None, "", "0", "12", "999999999"])
def test_a_cursor_is_ascii_digits(value: str | None) -> None:
    assert parse_cursor(value) == int(value or 0)


# Full-width, superscript and Arabic-Indic digits are digits to str.isdigit (and some to int()).
@pytest.mark.parametrize("value", ["-1", "abc", "1.5", " 1", "0x10", "1" * 10, "\uff11\uff12", "\u00b2", "\u0661"])
def test_anything_else_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        parse_cursor(value)

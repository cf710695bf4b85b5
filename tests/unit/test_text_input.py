"""The one check of resident and staff text (core.text_input), whatever the channel."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from core.errors import InvalidInput
from core.text_input import check_text, clean_text, is_blank, is_clean

REFUSED = ["hoi\x00", "hoi\x07", "hoi\x1b[31m", "hoi\x7f", "hoi\u0085", "hoi\x9b",  # C0, DEL, C1
           "\u202epaspoort", "pas\u202dpoort", "a\u202ab", "\u2066paspoort\u2069",  # bidi controls
           "hoi \ud800", "\udfffhoi",  # lone surrogates
           "hoi\ufdd0", "hoi\ufffe", "hoi\U0010ffff"]  # noncharacters


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "x" * 1001, *REFUSED])
def test_refused_text_is_a_400(text: str) -> None:
    with pytest.raises(InvalidInput):
        check_text(text)


# What renders as nothing: zero-width space, BOM, word joiner and joiners, soft hyphen, Mongolian
# vowel separator, Hangul and Braille fillers (the "invisible message" tricks).
@pytest.mark.parametrize("text", ["\u200b\u200b", "\ufeff", "\u2060\u200c\u200d", "\u00ad", "\u180e", "\u3164",
                                  "\u2800", " \u200b \n\u3000"])
def test_a_message_of_only_invisible_characters_is_empty(text: str) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        check_text(text)


@pytest.mark.parametrize("text", ["regel 1\nregel 2 👍", "tab\there", "مرحبا، كيف أجدد جواز سفري؟", "שלום",
                                  "👨\u200d👩\u200d👧 gezin", "café e\u0301", "x" * 1000, "pas\u200bpoort"])
def test_text_in_any_script_with_emoji_and_joiners_is_accepted_unchanged(text: str) -> None:
    assert check_text(text) == text and is_clean(text)


def test_cleaning_removes_what_check_refuses_and_keeps_words_apart() -> None:
    assert clean_text("paspoort\x00verlengen") == "paspoort verlengen"
    assert clean_text("\u202epaspoort\u202c") == "paspoort"
    assert clean_text("hoi\ud800") == "hoi\ufffd"
    assert clean_text("hoi\U0010ffff") == "hoi"


@given(st.text(max_size=80))
def test_clean_text_is_always_acceptable(text: str) -> None:
    cleaned = clean_text(text)
    assert is_clean(cleaned)
    assert clean_text(cleaned) == cleaned
    if not is_blank(cleaned):
        assert check_text(cleaned, max_length=10_000) == cleaned


def _refused_by_definition(ch: str) -> bool:
    """The characters the module doc names, spelled out code point by code point."""
    point = ord(ch)
    return (point <= 0x08 or 0x0B <= point <= 0x1F or 0x7F <= point <= 0x9F  # C0 but tab and newline, DEL, C1
            or 0x202A <= point <= 0x202E or 0x2066 <= point <= 0x2069  # bidi embeddings, overrides, isolates
            or 0xD800 <= point <= 0xDFFF  # lone surrogates
            or 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE)  # noncharacters, U+xFFFE and U+xFFFF of every plane


def test_every_code_point_is_refused_or_accepted_by_the_definition() -> None:
    # The plane ends are read apart from the BMP's characters (a cheaper pattern): every one of the
    # 1,114,112 code points alone; in a text, after a character beyond the BMP, each of the BMP and
    # every code point near a plane's end.
    assert [point for point in range(0x110000) if is_clean(chr(point)) == _refused_by_definition(chr(point))] == []
    near_ends = [plane * 0x10000 + low for plane in range(1, 17) for low in range(0xFFF0, 0x10000)]
    for point in [*range(0x10000), *near_ends]:
        ch = chr(point)
        refused = _refused_by_definition(ch)
        assert is_clean("a" + ch + "\U0001F600") != refused, hex(point)
        assert is_clean("\U0001F600" + ch) != refused, hex(point)
        dropped = refused and not (point <= 0x9F or 0xD800 <= point <= 0xDFFF)  # controls become a space, surrogates U+FFFD
        assert (clean_text("\U0001F600" + ch) == "\U0001F600") == dropped, hex(point)

"""Redaction of BSN, IBAN, e-mail and phone numbers (core.privacy)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from core.privacy import PLATE, contains_personal_data, is_valid_bsn, is_valid_iban, may_hold_a_plate, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mijn bsn is 123456782", "mijn bsn is [BSN]"),
        ("BSN: 123.456.782.", "BSN: [BSN]."),
        ("bsn 1234 56 782 graag", "bsn [BSN] graag"),
        ("bsn: 1 2 3 4 5 6 7 8 2 graag", "bsn: [BSN] graag"),  # every digit apart: none left behind
        ("iban NL91ABNA0417164300 graag", "iban [IBAN] graag"),
        ("NL91 ABNA 0417 1643 00", "[IBAN]"),
        ("rekening nl91abna0417164300", "rekening [IBAN]"),
        ("Belgisch: BE68539007547034", "Belgisch: [IBAN]"),
        ("mail jan.de-vries+gemeente@example.co.uk nu", "mail [EMAIL] nu"),
        # spelled out to slip past a filter
        ("mail j.jansen [at] voorbeeldmail [dot] nl aub", "mail [EMAIL] aub"),
        ("J.Jansen (AT) Gemeente (PUNT) NL", "[EMAIL]"),
        ("jan apenstaartje voorbeeld punt nl", "[EMAIL]"),
        ("mail jan at voorbeeld dot nl graag", "mail [EMAIL] graag"),
        ("jan[@]voorbeeld[.]nl", "[EMAIL]"),
        ("jan {at} mail.voorbeeld.nl", "[EMAIL]"),
        ("bel 06-12345678", "bel [TELEFOON]"),
        ("bel 06 1234 5678 of 020-1234567", "bel [TELEFOON] of [TELEFOON]"),
        ("+31 6 12345678", "[TELEFOON]"),
        ("0031612345678", "[TELEFOON]"),
        ("UK: +44 20 7946 0958", "UK: [TELEFOON]"),
        ("Duitsland +49 30 901820", "Duitsland [TELEFOON]"),
    ],
)
def test_personal_data_is_replaced(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "paspoort verlengen",
        "meet me at the town hall. Thanks",  # a bare "at" with a plain full stop is English, not an address
        "ik ben at work.nl",
        "postcode invullen en huisnummer 12345",
        "op 24-12-2026 om 10:00",
        "het kost 75,50 euro",
        "123456789",  # nine digits failing the 11-proof
        "NL91ABNA0417164301",  # IBAN with a wrong check digit
        "bel 14 0123",  # a municipal short number is not personal data
        "huisnummer 12345",
        "",
    ],
)
def test_ordinary_text_stays_as_it_is(text: str) -> None:
    assert redact(text) == text
    assert not contains_personal_data(text)


def test_checksums() -> None:
    assert is_valid_bsn("123456782") and is_valid_bsn("111222333")
    assert not is_valid_bsn("123456789") and not is_valid_bsn("000000000") and not is_valid_bsn("12345678")
    assert is_valid_iban("NL91 ABNA 0417 1643 00") and is_valid_iban("GB82WEST12345698765432")
    assert not is_valid_iban("NL91ABNA0417164301") and not is_valid_iban("NL91")


def test_everything_in_one_message() -> None:
    text = "Ik ben Jan, bsn 111222333, mail jan@example.nl, bel +31612345678, rekening NL91ABNA0417164300."
    assert redact(text) == "Ik ben [NAAM], bsn [BSN], mail [EMAIL], bel [TELEFOON], rekening [IBAN]."


def bsn_from(prefix: str) -> str | None:
    """Complete eight digits to a BSN that passes the 11-proof (None when no digit fits)."""
    partial = sum(int(d) * w for d, w in zip(prefix, range(9, 1, -1)))
    last = partial % 11
    return prefix + str(last) if last < 10 and prefix + str(last) != "000000000" else None


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_every_valid_bsn_is_redacted(prefix: str) -> None:
    bsn = bsn_from(prefix)
    if bsn is not None:
        assert redact(f"nummer {bsn} graag") == "nummer [BSN] graag"


@given(st.text(max_size=200))
def test_redaction_is_idempotent_and_never_fails(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


def test_staff_replies_keep_names_but_lose_everything_else() -> None:
    reply = "Goedemorgen, u spreekt met Sanne. Uw BSN 111222333 staat goed; bel 06-12345678."
    assert redact(reply, names=False) == "Goedemorgen, u spreekt met Sanne. Uw BSN [BSN] staat goed; bel [TELEFOON]."
    assert "Sanne" not in redact(reply)


# ---- the plate test before `redact` (`may_hold_a_plate`, session 24, speed24) ----------------------------------------

_PLATE_PIECES = ["AB-12-CD", "12-ABC-3", "gh-45-kl", "ＡＢ－１２－ＣＤ", "AB-\u200b12-CD", "1ABC23", "12 ab 34", "kenteken",
                 "Kenteken is", "nummerbord:", "licence plate", "registration", "regıstration number", "[KENTEKEN]", "½",
                 "mijn", "auto", "is", "-", " ", ",", "7", "ab", "X"]


@given(st.lists(st.sampled_from(_PLATE_PIECES), max_size=6).map(" ".join))
def test_a_text_redacted_with_a_plate_may_hold_one(text: str) -> None:
    assert PLATE not in redact(text, names=False) or may_hold_a_plate(text)


@pytest.mark.parametrize(("text", "may"), [
    ("Hoe verleng ik mijn paspoort?", False), ("ik woon op nummer 12", False),  # no digit; a digit, no plate's shape
    ("het is XX-123-Y", True), ("mijn kenteken is 1ABC23", True), ("[KENTEKEN]", True), ("ＡＢ－１２－ＣＤ", True),
])
def test_only_a_text_with_a_digit_and_a_plates_shape_or_cue_may_hold_a_plate(text: str, may: bool) -> None:
    assert may_hold_a_plate(text) == may

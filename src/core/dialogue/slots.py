"""Validation of guided-flow answers (slot types of the knowledge base).

`parse(slot_type, text, today)` returns the normalised value, or None when the
answer is not valid for the type (the engine then re-asks).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

# Residents answer in sentences ("mijn postcode is 1234 AB"): patterns search, they do not need the whole text.
_POSTCODE = re.compile(r"(?<![\dA-Za-z])([1-9]\d{3})\s?([a-zA-Z]{2})(?![A-Za-z])")
# 12, 12A, 12 a, 12-2, 12 bis, 12-hs, 12 II: a number and an optional addition.
_HOUSE_NUMBER = re.compile(r"^\s*(\d{1,5})\s*(?:[-/ ]\s*)?([a-zA-Z]{1,4}|\d{1,4}|[IVX]{1,4})?\s*$")
_HOUSE_NUMBER_IN_SENTENCE = re.compile(
    r"(?:huisnummer|nummer|nr\.?|number|no\.?)\s*(?:is\s*)?(\d{1,5}(?:\s*(?:[-/]\s*)?(?:[a-zA-Z]{1,4}|\d{1,4})\b)?)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maart", "march", "mrt", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_RELATIVE_DAYS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}


def postcode(text: str) -> str | None:
    for match in _POSTCODE.finditer(text):
        letters = match.group(2).upper()
        if letters not in ("SA", "SD", "SS"):  # never issued by PostNL
            return f"{match.group(1)} {letters}"
    return None


def house_number(text: str) -> str | None:
    match = _HOUSE_NUMBER.match(text)
    if not match:
        in_sentence = _HOUSE_NUMBER_IN_SENTENCE.search(text)
        match = _HOUSE_NUMBER.match(in_sentence.group(1)) if in_sentence else None
    if not match or int(match.group(1)) == 0:
        return None
    number, addition = match.group(1).lstrip("0"), match.group(2)
    if not addition:
        return number
    return f"{number}-{addition}" if addition.isdigit() else f"{number}{addition.upper()}"


def phone(text: str) -> str | None:
    import phonenumbers  # on first use: 15-25 ms of every cold start otherwise

    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        return phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
    return None


def email(text: str) -> str | None:
    match = _EMAIL.search(text)
    if not match or len(match.group(0)) > 254:
        return None
    return match.group(0)


def a_date(text: str, today: date) -> str | None:
    value = text.strip().lower()
    for word, offset in _RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", value):
            return (today + timedelta(days=offset)).isoformat()
    numeric = re.search(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b", value)
    iso = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", value)
    named = re.search(r"\b(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?\b", value)
    try:
        if numeric:
            return date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1))).isoformat()
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))).isoformat()
        if named and named.group(2) in _MONTHS:
            day, month = int(named.group(1)), _MONTHS[named.group(2)]
            year = int(named.group(3)) if named.group(3) else today.year
            moment = date(year, month, day)
            # "3 januari" in December means next January.
            if not named.group(3) and moment < today:
                moment = date(year + 1, month, day)
            return moment.isoformat()
    except ValueError:  # 31-02-2026
        return None
    return None


def free_text(text: str) -> str | None:
    value = " ".join(text.split())
    return value if 0 < len(value) <= 200 else None


def rest_after(slot_type: str, text: str) -> str:
    """What follows the value the answer gave, for the next slot: "1234AB 5" and "ik woon op
    1234 AB, 12" answer the postcode and the house number in one go. Only a postcode is followed
    by more in practice."""
    match = _POSTCODE.search(text) if slot_type == "postcode" else None
    return text[match.end():].lstrip(" ,;:-") if match is not None else ""


def parse(slot_type: str, text: str, today: date) -> str | None:
    if slot_type == "postcode":
        return postcode(text)
    if slot_type == "huisnummer":
        return house_number(text)
    if slot_type == "phone":
        return phone(text)
    if slot_type == "email":
        return email(text)
    if slot_type == "date":
        return a_date(text, today)
    if slot_type == "text":
        return free_text(text)
    raise ValueError(f"unknown slot type {slot_type!r}")

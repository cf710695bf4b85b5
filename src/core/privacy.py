"""Redaction of personal data before anything is stored or logged.

Recognised: BSN (9 digits passing the 11-proof), IBAN (mod-97 check), e-mail
addresses and phone numbers (Dutch and international, via `phonenumbers`).
They become the placeholders [BSN], [IBAN], [EMAIL], [TELEFOON]. Checksums keep
false positives down: a random 9-digit number or a house number stays as it is.

Classification always runs on the original text; only the redacted text is
kept. The one exception, a contact detail given on purpose for a callback,
lives in `Conversation.contact` and never passes through here.
"""
from __future__ import annotations

import re

BSN = "[BSN]"
IBAN = "[IBAN]"
EMAIL = "[EMAIL]"
PHONE = "[TELEFOON]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Country code, check digits, then 11..30 alphanumerics, optionally in groups of four.
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30})\b", re.IGNORECASE)
# Nine digits, written plain or grouped as 123.456.789 / 123 456 789 / 1234.56.789.
_BSN = re.compile(r"(?<![\d.\-])(\d{9}|\d{3}([ .\-])\d{3}\2\d{3}|\d{4}([ .])\d{2}\3\d{3})(?![\d\-]|\.\d)")


def is_valid_bsn(digits: str) -> bool:
    """The 11-proof: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def is_valid_iban(candidate: str) -> bool:
    iban = re.sub(r"\s", "", candidate).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _redact_iban(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        raw = match.group(1)
        # The greedy match may swallow a following word ("NL91ABNA0417164300 graag");
        # shrink from the right until the checksum holds.
        for end in range(len(raw), 14, -1):
            if not raw[end - 1].isspace() and is_valid_iban(raw[:end]):
                return IBAN + raw[end:]
        return raw

    return _IBAN.sub(replace, text)


def _redact_bsn(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return BSN if is_valid_bsn(digits) else match.group(0)

    return _BSN.sub(replace, text)


def _redact_phones(text: str) -> str:
    import phonenumbers  # here, not at import: 15-25 ms of every cold start, needed only for text with digits

    spans = [
        (m.start, m.end)
        for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    ]
    for start, end in reversed(spans):
        text = text[:start] + PHONE + text[end:]
    return text


def redact(text: str) -> str:
    """`text` with BSN, IBAN, e-mail and phone numbers replaced by placeholders.

    Order matters: e-mail addresses and IBANs contain digit runs that the
    BSN and phone rules must not see first."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL, text)
    text = _redact_iban(text)
    text = _redact_bsn(text)
    if any(ch.isdigit() for ch in text):
        text = _redact_phones(text)
    return text


def contains_personal_data(text: str) -> bool:
    return redact(text) != text

"""The redaction suite: our own Dutch (and some English) sentences with personal data in
every form core.privacy knows (tests/data/redaction_cases.json: kind, text, the secrets
that must vanish). tests/integration/test_redaction_end_to_end.py sends the same sentences
through the running stack and looks for the secrets in storage, logs, reports and exports."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from core.privacy import PLACEHOLDERS, contains_personal_data, normalise, redact

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests" / "data" / "redaction_cases.json").read_text(encoding="utf-8"))


def leaks(secret: str, text: str) -> bool:
    """The secret, or its digits (six or more), still readable in `text`."""
    plain = normalise(secret).casefold()
    if plain in normalise(text).casefold():
        return True
    digits = re.sub(r"\D", "", plain)
    return len(digits) >= 6 and digits in re.sub(r"\D", "", normalise(text))


def test_the_suite_covers_every_kind_with_at_least_100_sentences() -> None:
    kinds = Counter(case["kind"] for case in CASES)
    assert len(CASES) >= 100
    assert set(kinds) >= {"bsn", "iban", "email", "phone", "name", "signature", "birth", "address", "plate",
                          "document", "mixed"}
    assert min(kinds.values()) >= 5


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['kind']}:{case['text'][:40]}")
def test_no_secret_survives_redaction(case: dict) -> None:
    redacted = redact(case["text"])
    assert [secret for secret in case["secrets"] if leaks(secret, redacted)] == [], redacted
    assert any(placeholder in redacted for placeholder in PLACEHOLDERS), redacted
    assert redact(redacted) == redacted  # idempotent: stored text redacted again stays the same


def knowledge_examples() -> list[str]:
    examples = []
    for path in sorted((ROOT / "knowledge").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for language in ("nl", "en"):
            examples += (data.get("examples") or {}).get(language) or []
    return examples


def test_ordinary_questions_are_left_alone() -> None:
    """Our own phrasings of residents' questions carry no personal data: redaction must
    leave (nearly) all of them as they are, or staff reports become unreadable."""
    examples = knowledge_examples()
    changed = [text for text in examples if contains_personal_data(text)]
    assert len(examples) > 1000
    assert len(changed) <= len(examples) // 200, changed  # at most 0.5 %


@pytest.mark.parametrize("text", [
    "op 24-12-2026 om 10:00 heb ik een afspraak", "het kost 75,50 euro", "bel 14 0123", "ik ben verhuisd",
    "Ik ben benieuwd wanneer het klaar is", "in 1990 op 12 mei", "huisnummer 12345", "ik heb 3 kinderen van 4, 6 en 9",
    "This is about my passport", "Met vriendelijke groet", "de container van 240 liter", "postcode en huisnummer",
    "openingstijden op 1 januari", "A4-formulier", "COVID-19 vaccinatie", "Artikel 12 van de wet",
])
def test_ordinary_text_with_numbers_and_cues_stays(text: str) -> None:
    assert redact(text) == normalise(text)

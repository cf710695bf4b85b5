"""The cross-municipality export cleans more strictly than the request path
(balie_local.unanswered_export.strict_clean, with deduce) and drops what it cannot clean."""
from __future__ import annotations

import pytest

from balie_local.unanswered_export import strict_clean


@pytest.mark.parametrize(("text", "cleaned"), [
    ("hoe laat gaat de milieustraat open", "hoe laat gaat de milieustraat open"),
    ("Mijn buurman Kees de Wit maakt herrie", "Mijn buurman [NAAM] maakt herrie"),
    ("Kan ik in Amersfoort parkeren", "Kan ik in [PLAATS] parkeren"),
    ("mijn zoon van 12 jaar wil een paspoort", "mijn zoon van [LEEFTIJD] jaar wil een paspoort"),
    ("ik heet jan bakker", "ik heet [NAAM]"),
])
def test_what_can_be_cleaned_is_exported_clean(text: str, cleaned: str) -> None:
    assert strict_clean(text) == cleaned


@pytest.mark.parametrize("text", [
    "Betaal uw aanslag op https://gemeente-betalen.example/login",  # a link: a phishing flood cannot spread
    "klik op betaal-gemeente.nl/inloggen",
    "stuur het naar info[at]voorbeeld @ mail",
    "dossiernummer 2024-98765 graag",  # a number of four or more digits
    "mijn bsn 123456782 en iban NL91ABNA0417164300 en naam: Jan",  # mostly placeholders
    "Beste, " + "ik heb een lang verhaal over mijn situatie thuis en mijn schulden. " * 6,  # a story
])
def test_what_cannot_be_cleaned_is_dropped(text: str) -> None:
    assert strict_clean(text) is None

"""The town hall's hours are not the library's: a question about another place's hours says that first."""
import pytest

from core.dialogue import facts


@pytest.mark.parametrize(("text", "language", "place"), [
    ("hoe laat gaat de bibliotheek open?", "nl", "de bibliotheek"),
    ("is de bieb zondag open", "nl", "de bibliotheek"),
    ("is het zwembad morgen open?", "nl", "het zwembad"),
    ("what time does the library open?", "en", "the library"),
    ("is the swimming pool closed on christmas day", "en", "the swimming pool"),
    ("openingstijden kinderboerderij", "nl", "de kinderboerderij"),
    ("hoe laat sluit de apotheek vandaag", "nl", "de apotheek"),
])
def test_another_place_asked_the_hours_of(text: str, language: str, place: str) -> None:
    assert facts.other_place(text, language) == place


@pytest.mark.parametrize("text", [
    "hoe laat is het gemeentehuis open?",
    "zijn jullie morgen open",
    "kan ik vandaag nog langskomen, ik was net bij de dokter",  # the doctor is not what the hours are asked of
    "wanneer is de milieustraat open",  # its own answer, with its own link
    "what are your opening hours",
])
def test_no_other_place(text: str) -> None:
    assert facts.other_place(text, "nl") is None

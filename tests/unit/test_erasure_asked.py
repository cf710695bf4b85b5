"""A resident asking in the chat to have their data deleted (core.dialogue.erasure)."""
import pytest

from core.dialogue.erasure import asks_erasure


@pytest.mark.parametrize("text", [
    "verwijder mijn gegevens",
    "ik wil dat jullie mijn gegevens wissen",
    "kunt u al mijn persoonsgegevens verwijderen?",
    "wis dit gesprek aub",
    "mijn gegevens laten verwijderen graag",
    "ik beroep me op mijn recht op vergetelheid",
    "please delete my data",
    "can you erase this conversation",
    "i want my personal data deleted",
    "right to be forgotten",
])
def test_a_request_to_delete_ones_data_is_read(text: str) -> None:
    assert asks_erasure(text)


@pytest.mark.parametrize("text", [
    "ik heb de mail per ongeluk verwijderd",
    "kan ik mijn afspraak verwijderen",
    "mijn gegevens wijzigen",
    "verwijder mijn kenteken uit de vergunning",
    "wanneer worden de gegevens van de verkiezingen bekend",
    "how do I renew my passport",
    "i deleted the email by accident",
])
def test_other_deletions_and_data_are_not_read_as_one(text: str) -> None:
    assert not asks_erasure(text)

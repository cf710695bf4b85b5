"""The readings of a short remark right after a topic's answer (outside round 16): a place in the street told for a
report, and a measure told as a detail."""
import pytest

from core.dialogue import details, facts


@pytest.mark.parametrize("text", ["dorpsstraat, ter hoogte van huisnummer 31", "op de hoek van de molenlaan en de beukenweg",
                                  "Stationsplein opposite no 4", "schuin tegenover de bakker"])
def test_a_place_in_the_street(text: str) -> None:
    assert details.names_a_street_place(text)


@pytest.mark.parametrize("text", ["ik breng het zelf wel. tot hoe laat is de milieustraat open",
                                  "ik doe boodschappen in de supermarkt", "mijn paspoort is verlopen"])
def test_no_place_in_the_street(text: str) -> None:
    assert not details.names_a_street_place(text)


def test_a_measure_told() -> None:
    assert facts.tells_a_measure("linde, stam zo'n 35 cm dik")
    assert facts.tells_a_measure("about 150 guests until 11")
    assert not facts.tells_a_measure("ik woon op nummer 12")

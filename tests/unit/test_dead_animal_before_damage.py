"""A dead animal told with a car is reported first; the damage answer comes only when the message tells damage
(something fell on the car, a dent), and then after the dead animal (both use the report form)."""
from __future__ import annotations

import pytest
from test_ticket_additions import World

from adapters.kb_files import FileKnowledge


@pytest.fixture(scope="module")
def knowledge() -> FileKnowledge:
    return FileKnowledge()


@pytest.mark.parametrize("message", ["er ligt een dode kat op mijn auto", "er ligt een dode duif op onze auto"])
def test_a_dead_animal_on_a_car_is_no_damage(knowledge: FileKnowledge, message: str) -> None:
    reply = World(knowledge).say(message)
    assert "dood dier" in reply and "aansprakelijk" not in reply


def test_damage_told_beside_a_dead_animal_comes_after_it(knowledge: FileKnowledge) -> None:
    reply = World(knowledge).say("Er ligt een dode duif op mijn auto en er zit een deuk in de motorkap")
    assert 0 <= reply.index("dood dier") < reply.index("aansprakelijk")


@pytest.mark.parametrize("message", ["er is een tak op mijn auto gevallen", "er is een tak gevallen op onze auto"])
def test_something_fallen_on_a_car_is_still_damage(knowledge: FileKnowledge, message: str) -> None:
    assert "aansprakelijk" in World(knowledge).say(message)

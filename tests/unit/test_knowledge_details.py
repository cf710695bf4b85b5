"""Words of the shared knowledge base's own details (knowledge/*.yaml `details:`) that once named the wrong thing."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from core.kb.models import Intent
from core.kb.phrases import names_any

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


def detail_words(intent_id: str, name: str) -> list[str]:
    intent = Intent.model_validate(yaml.safe_load((KNOWLEDGE / f"{intent_id}.yaml").read_text(encoding="utf-8")))
    return next(detail.words for detail in intent.details if detail.name == name)


@pytest.mark.parametrize("text", ["kan ik mijn afspraak verplaatsen?", "kan ik hem verplaatsen", "ik wil die verplaatsen",
                                  "ik moet mijn afspraak verzetten"])
def test_an_appointment_is_moved(text: str) -> None:
    assert names_any(text, detail_words("afspraak", "verzetten"))


@pytest.mark.parametrize("text", ["ik kan mij niet zelfstandig verplaatsen", "mijn moeder kan zich slecht verplaatsen"])
def test_getting_about_is_no_appointment_moved(text: str) -> None:
    assert not names_any(text, detail_words("afspraak", "verzetten"))


@pytest.mark.parametrize("text", ["mijn man is overleden, nu krijg ik brieven over zijn schulden",
                                  "moet ik de schulden van mijn vader betalen nu hij overleden is",
                                  "de erfenis van mijn moeder zit vol schulden", "my wife died, must I pay her debts"])
def test_a_deceased_persons_debts_are_the_estates(text: str) -> None:
    assert names_any(text, detail_words("schuldhulp", "schulden_overledene"))


@pytest.mark.parametrize("text", ["ik heb schulden", "mijn schulden worden te veel", "help met mijn schulden",
                                  "ik weet niet wat ik moet regelen, kunt u mij daarbij helpen"])
def test_ones_own_debts_are_no_estate(text: str) -> None:
    assert not names_any(text, detail_words("schuldhulp", "schulden_overledene"))


@pytest.mark.parametrize("text", ["kan ik dat voor mijn moeder aanvragen", "voor mijn vader", "namens mijn oma",
                                  "can I apply for her"])
def test_the_wmo_asked_on_someones_behalf(text: str) -> None:
    assert names_any(text, detail_words("wmo", "voor_een_ander"))


@pytest.mark.parametrize("text", ["met mn vriend samen", "ik ga samenwonen", "mijn vriendin komt bij mij wonen",
                                  "we are moving in together"])
def test_moving_in_together(text: str) -> None:
    assert names_any(text, detail_words("verhuizing", "samenwonen"))

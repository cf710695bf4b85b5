"""A short statement in words the knowledge base knows is no other language, even without the little words of Dutch or
English grammar; a message in another language stays one (language.neither, read after the matcher has classified)."""
from __future__ import annotations

import pytest

from adapters.kb_files import FileKnowledge
from core.dialogue import language


@pytest.fixture(scope="module", autouse=True)
def knowledge_loaded() -> None:
    FileKnowledge().get("voorbeeld").matcher.classify("hallo")  # its words are known from the first classification


@pytest.mark.parametrize("text", ["pas 22, contract afgelopen", "tuin is vrij klein", "auto staat in garage",
                                  "buurman is erg ziek", "tree is really old", "garden is quite small"])
def test_a_short_statement_in_known_words_is_no_other_language(text: str) -> None:
    assert not language.neither(text)


@pytest.mark.parametrize("text", ["Merhaba, pasaportumu kaybettim", "Dzień dobry, chcę zameldować się w gminie",
                                  "ich habe meinen Pass in Berlin verloren", "wo kann ich einen Ausweis beantragen",
                                  "necesito renovar mi pasaporte", "Dobrý den, potřebuji nový cestovní pas"])
def test_another_language_stays_one(text: str) -> None:
    assert language.neither(text)

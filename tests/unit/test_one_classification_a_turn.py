"""A first message whose only follow-up kind is a child ("en voor mijn kind?", "how do I register my baby") is
classified once a turn: the current-topic reading and the answer decision share the turn's classification (the
current topic classified it again)."""
from __future__ import annotations

import pytest
from test_ticket_additions import World

from adapters.kb_files import FileKnowledge


@pytest.fixture(scope="module")
def knowledge() -> FileKnowledge:
    return FileKnowledge()


@pytest.mark.parametrize("message", ["en voor mijn kind?", "how do I register my baby"])
def test_a_first_message_about_a_child_is_classified_once(knowledge: FileKnowledge, message: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = knowledge.get("voorbeeld").matcher.get()
    classified: list[str] = []
    classify = matcher.classify

    def counting(text: str, *args: object, **kwargs: object) -> object:
        classified.append(text)
        return classify(text, *args, **kwargs)

    monkeypatch.setattr(matcher, "classify", counting)
    World(knowledge).say(message)
    assert classified.count(message) == 1

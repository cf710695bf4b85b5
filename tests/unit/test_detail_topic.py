"""Which topic a question with a detail is about (`detail_topic._detail_topic`), on scripted guesses."""
from __future__ import annotations

from types import SimpleNamespace

from core.dialogue.detail_topic import _detail_topic
from core.matcher import Alternative, Classification


def topic(intent_id: str, *variants: str) -> SimpleNamespace:
    return SimpleNamespace(id=intent_id, kind="topic", handover=False, variants={kind: {} for kind in variants})


INTENTS = {intent.id: intent for intent in (
    topic("overlijden"), topic("gehandicaptenparkeerkaart", "overlijden"),
    topic("paspoort", "kwijt_buitenland"), topic("id-kaart", "kwijt_buitenland"),
)}
CTX = SimpleNamespace(intent_of=INTENTS.get)


def guess(*ranked: tuple[str, float]) -> Classification:
    """A "Bedoelt u" reading with these guesses, best first."""
    return Classification(None, ranked[0][1], [Alternative(intent, score) for intent, score in ranked], "clarify")


def test_a_runner_up_behind_the_death_itself_does_not_name_the_topic() -> None:
    # A death story without its death words still reads the death first; the card it mentions is background.
    rest = guess(("overlijden", 0.35), ("gehandicaptenparkeerkaart", 0.18))
    assert _detail_topic(CTX, [rest], ["overlijden"], names_something=True) is None


def test_a_topic_read_first_with_its_own_answer_for_the_death_names_it() -> None:
    rest = guess(("gehandicaptenparkeerkaart", 0.35), ("overlijden", 0.18))
    chosen = _detail_topic(CTX, [rest], ["overlijden"], names_something=True)
    assert chosen is not None and chosen[0].id == "gehandicaptenparkeerkaart"


def test_a_runner_up_still_names_the_topic_of_a_detail_that_is_no_matter_of_its_own() -> None:
    # Lost abroad: the passport is its home topic, and an ID card read just behind it is what was lost.
    rest = guess(("paspoort", 0.40), ("id-kaart", 0.38))
    chosen = _detail_topic(CTX, [rest], ["kwijt_buitenland"], names_something=True)
    assert chosen is not None and chosen[0].id == "id-kaart"

"""A message is classified once a turn: the current-topic readings (a first message whose only follow-up kind is a
child, "en voor mijn kind?"; a count after a topic, "ik wil twee paspoorten aanvragen" after the dog tax; a question
that names an own detail of the current topic, "hoe vraag ik een parkeervergunning aan?" after moving house), the
reading of an announced question's subject and the answer decision share the turn's classification (each classified
it, then the turn again)."""
from __future__ import annotations

import pytest
from test_ticket_additions import World

from adapters.kb_files import FileKnowledge


@pytest.fixture(scope="module")
def knowledge() -> FileKnowledge:
    return FileKnowledge()


@pytest.fixture
def classified(knowledge: FileKnowledge, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the tenant's matcher classifies during the test."""
    matcher = knowledge.get("voorbeeld").matcher.get()
    seen: list[str] = []
    classify = matcher.classify

    def counting(text: str, *args: object, **kwargs: object) -> object:
        seen.append(text)
        return classify(text, *args, **kwargs)

    monkeypatch.setattr(matcher, "classify", counting)
    return seen


@pytest.mark.parametrize(("before", "message"), [(None, "en voor mijn kind?"), (None, "how do I register my baby"),
                                                 ("hoeveel kost hondenbelasting?", "ik wil twee paspoorten aanvragen"),
                                                 ("ik ga verhuizen, hoe geef ik dat door?",
                                                  "hoe vraag ik een parkeervergunning aan?")])
def test_a_message_is_classified_once_a_turn(knowledge: FileKnowledge, classified: list[str], before: str | None,
                                             message: str) -> None:
    world = World(knowledge)
    if before is not None:
        world.say(before)
    world.say(message)
    assert classified.count(message) == 1


def test_an_announced_question_is_classified_once(knowledge: FileKnowledge, classified: list[str]) -> None:
    assert "paspoort" in World(knowledge).say("ik heb een vraag over mijn paspoort").lower()
    assert classified.count("ik heb een vraag over mijn paspoort") == 1


def test_a_question_that_names_another_topic_is_not_read_without_the_detail_words(knowledge: FileKnowledge,
                                                                                   classified: list[str]) -> None:
    """"hoe vraag ik een parkeervergunning aan?" after moving house names moving house's own parking detail, and the
    permit itself: the whole question, which the turn reads anyway, already names another topic, so the question
    without the detail's words ("hoe vraag ik een aan") is not classified too (session 21: 3 -> 2 a turn)."""
    world = World(knowledge)
    world.say("ik ga verhuizen, hoe geef ik dat door?")
    classified.clear()
    assert "parkeervergunning" in world.say("hoe vraag ik een parkeervergunning aan?").lower()
    assert "hoe vraag ik een aan" not in classified


def test_a_topic_word_of_the_knowledge_is_read_alone_once(knowledge: FileKnowledge, classified: list[str]) -> None:
    """The general-word check ("vraag ... aan") keeps the permit because "parkeervergunning" alone reads as it: that
    word of the knowledge base's own is read once and kept, so the next resident's same question is classified once,
    as before the check (the rest without the general word, "hoe ik een parkeervergunning aan?", is not read)."""
    for _ in range(2):
        world = World(knowledge)
        world.say("ik ga verhuizen, hoe geef ik dat door?")
        classified.clear()
        assert "parkeervergunning" in world.say("hoe vraag ik een parkeervergunning aan?").lower()
    assert classified == ["hoe vraag ik een parkeervergunning aan?"]


def test_a_word_the_knowledge_does_not_know_is_read_again(knowledge: FileKnowledge, classified: list[str]) -> None:
    """Only the knowledge base's own words' readings are kept between messages: a resident's other word (a name, a
    street, a typo) is personal data and read again each time."""
    matcher = knowledge.get("voorbeeld").matcher.get()
    for _ in range(2):
        assert not matcher.word_reads_as("kwispeldoosjesstraat", "parkeervergunning", 0.75)
    assert classified.count("kwispeldoosjesstraat") == 2


@pytest.fixture
def words_read(knowledge: FileKnowledge, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text whose words the tenant's matcher reads one by one (`Matcher.read_words`) during the test."""
    matcher = knowledge.get("voorbeeld").matcher.get()
    seen: list[str] = []
    read_words = matcher.read_words

    def counting(text: str) -> object:
        seen.append(text)
        return read_words(text)

    monkeypatch.setattr(matcher, "read_words", counting)
    return seen


@pytest.mark.parametrize(("before", "message"), [(None, "where do I register my boat"),
                                                 ("ik ga verhuizen, hoe geef ik dat door?",
                                                  "hoe vraag ik een parkeervergunning aan?")])
def test_the_words_of_a_text_are_read_once_a_turn(knowledge: FileKnowledge, words_read: list[str], before: str | None,
                                                  message: str) -> None:
    """The general-word check reads the message without "register" word by word twice (its knowledge base's own words,
    then all: `general_words.carried`), and other readings ask the same of the same text: its courtesy stripped and
    tokenised once a turn (`TurnContext.read_words`; BENCHMARKS.md, session 24, speed24)."""
    world = World(knowledge)
    if before is not None:
        world.say(before)
    words_read.clear()
    world.say(message)
    assert words_read and len(words_read) == len(set(words_read))

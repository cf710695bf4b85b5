"""`general_words.carried`: whether a topic is read only because of a word such as "register" or "aanmelden"."""
from __future__ import annotations

from core.dialogue import general_words
from core.matcher import Alternative, Classification, ReadWords


class ReadingsOf:
    """A matcher stand-in: the classification of each text read without the family's words, and the words that
    name a topic on their own."""

    def __init__(self, readings: dict[str, Classification], named: frozenset[str] = frozenset()) -> None:
        self.readings = readings
        self.named = named
        self.read: list[str] = []

    def classify(self, text: str) -> Classification:
        self.read.append(text)
        return self.readings[text]

    def read_words(self, text: str) -> ReadWords:
        return ReadWords(text, tuple(text.lower().split()), "en", whole=False, default_language="en")

    def word_reads_as(self, read: ReadWords, intent: str, floor: float, *, known_only: bool = False) -> bool:
        return not known_only and any(word in self.named for word in read.words)


BIRTH = "geboorteaangifte"
NOTHING = Classification(None, 0.13, [Alternative(BIRTH, 0.13)], "reject")


def test_a_message_without_the_familys_words_is_not_read_again() -> None:
    matcher = ReadingsOf({})
    assert general_words.carried(matcher, "where is the town hall", BIRTH, 0.75) is None
    assert matcher.read == []


def test_a_topic_read_only_in_register_is_carried_by_it() -> None:
    # Without "register" the boat reads nothing (a lone weak guess of the birth is no reading)
    matcher = ReadingsOf({"where do I my boat": NOTHING})
    found = general_words.carried(matcher, "where do I register my boat", BIRTH, 0.75)
    assert found == general_words.Carried("register", alone=False, rest=NOTHING)


def test_a_topic_that_stands_without_the_word_is_not_carried() -> None:
    dog = Classification(None, 0.64, [Alternative("hondenbelasting", 0.64)], "clarify")
    matcher = ReadingsOf({"how do I my dog": dog})
    assert general_words.carried(matcher, "how do I register my dog", "hondenbelasting", 0.75) is None


def test_a_word_of_the_rest_that_names_the_topic_keeps_it() -> None:
    matcher = ReadingsOf({"how do I the birth": NOTHING}, named=frozenset({"birth"}))
    assert general_words.carried(matcher, "how do I register the birth", BIRTH, 0.75) is None


def test_the_word_with_only_wishes_and_the_gemeente_is_alone() -> None:
    matcher = ReadingsOf({})
    assert general_words.carried(matcher, "I need to register", BIRTH, 0.75) == general_words.Carried("register", True)
    assert general_words.carried(matcher, "ik wil me inschrijven bij de gemeente", "verhuizing", 0.75) == \
        general_words.Carried("inschrijven", alone=True)
    assert matcher.read == []  # nothing left to read


def test_a_dutch_separable_verb_counts_with_its_particle_only() -> None:
    matcher = ReadingsOf({})
    assert general_words.carried(matcher, "waar meld ik me aan", "huwelijk", 0.75) == \
        general_words.Carried("aanmelden", alone=True)
    question = Classification(None, 0.3, [Alternative("klacht", 0.3)], "reject")
    matcher = ReadingsOf({"ik heb een vraag": question})
    assert general_words.carried(matcher, "ik heb een vraag", "klacht", 0.75) is None  # a question, not "aanvragen"


def test_a_family_word_is_named() -> None:
    assert general_words.names_one("I want to register my company in another city")
    assert general_words.names_one("waar kan ik me aanmelden")
    assert not general_words.names_one("I want to move my company to another city")


def test_the_rest_is_read_by_the_turns_own_reading_when_given() -> None:
    # One classification per text a turn (`TurnContext.classify`): the rest is read there, the matcher is not asked again
    matcher = ReadingsOf({})
    turn_read: list[str] = []

    def turn_reading(text: str) -> Classification:
        turn_read.append(text)
        return NOTHING

    found = general_words.carried(matcher, "where do I register my boat", BIRTH, 0.75, classify=turn_reading)
    assert found == general_words.Carried("register", alone=False, rest=NOTHING)
    assert turn_read == ["where do I my boat"] and matcher.read == []

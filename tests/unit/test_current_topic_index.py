"""What the context rules read in the whole knowledge base (`current_topic.TopicWords`), derived once
per loaded knowledge and kept with it (`TenantKnowledge.derived`), on the tiny knowledge base of
tests/unit/data/kb_engine."""
from __future__ import annotations

import dataclasses

import pytest

from core.dialogue.current_topic import TopicWords
from core.kb import phrases

from engine_support import compiled  # noqa: F401 - a fixture


@pytest.fixture()
def alpha(compiled):  # noqa: F811 - the fixture
    # A copy with nothing derived yet: each test sees its own first use.
    return dataclasses.replace(compiled["alpha"])


def test_topics_are_the_topic_intents_without_handovers_in_knowledge_order(alpha) -> None:
    words = alpha.derived(TopicWords.of)
    expected = [intent.id for intent in alpha.intents.values() if intent.kind == "topic" and not intent.handover]
    assert [intent.id for intent in words.topics] == expected
    assert "paspoort" in expected and "groet" not in expected and "medewerker" not in expected


def test_title_words_of_four_letters_or_more_in_both_languages_name_their_topics(alpha) -> None:
    titles = alpha.derived(TopicWords.of).titles
    assert titles["paspoort"] == ("paspoort",) and titles["passport"] == ("paspoort",)
    assert titles["waste"] == ("afvalkalender",) and titles["calendar"] == ("afvalkalender",)
    assert "card" in titles and "identity" in titles
    # Short words ("call" is four letters and stays; "back" too) and system intents' titles name nothing.
    assert all(len(word) >= 4 for word in titles)
    assert "spreken" not in titles and "begroeting" not in titles


def test_answer_sentences_read_as_the_whole_answer_text_does(alpha) -> None:
    words = alpha.derived(TopicWords.of)
    paspoort = alpha.intents["paspoort"]
    sentences = words.answer_sentences["paspoort"]
    # The answer and each follow-up answer, Dutch and English, sentence by sentence, as `words_of` gives them.
    lines = sentences.split("\n")
    assert "maak eerst een afspraak" in lines and "a passport costs money" in lines
    assert "it takes about a week" in lines and "no you come to the desk yourself" in lines
    for phrase in ("eerst een afspraak", "desk yourself", "costs money", "komt zelf balie", "afspraak paspoort"):
        whole = "\n".join(f"{text.nl}\n{text.en}" for text in (paspoort.answer, paspoort.followups.kosten,
                                                              paspoort.followups.duur, paspoort.followups.online))
        assert phrases.names_any_in(sentences, [phrase]) == phrases.names_any(whole, [phrase])
    # Within one sentence only, as `names_any` reads: "... een afspraak." ends where "A passport ..." begins.
    assert phrases.names_any_in("maak eerst een afspraak", ["afspraak"])
    assert not phrases.names_any_in(sentences, ["afspraak a passport"])
    assert phrases.names_any_in("maak eerst een afspraak a passport", ["afspraak a passport"])


def test_followup_sentences_per_kind_only_where_the_topic_answers_it(alpha) -> None:
    followups = alpha.derived(TopicWords.of).followup_sentences
    assert set(followups["paspoort"]) == {"kosten", "duur", "online"}
    # "Nee, u komt zelf naar de balie." + newline + "No, you come to the desk yourself.": one sentence end between.
    assert followups["paspoort"]["online"] == "nee u komt zelf naar de balie\nno you come to the desk yourself\n"
    assert followups["id-kaart"]["kind"].startswith("een kind krijgt een eigen identiteitskaart\n")
    assert followups["terugbelverzoek"] == {}


def test_answers_using_counts_topics_not_occurrences(alpha) -> None:
    words = alpha.derived(TopicWords.of)
    # "paspoort" occurs several times in the passport's answers, and once in the id card's ("kost minder dan een
    # paspoort"); "eerst" only in the passport's.
    assert words.answers_using["paspoort"] == 2
    assert words.answers_using["eerst"] == 1
    assert words.answers_using["afvalkalender"] == 1
    assert words.answers_using["de"] == sum("de" in sentences.split() for sentences in words.answer_sentences.values())
    assert words.answers_using["nonexistent"] == 0


def test_derived_once_per_knowledge_object(alpha) -> None:
    built: list[object] = []

    def build(knowledge):
        built.append(knowledge)
        return TopicWords(knowledge)

    first = alpha.derived(build)
    assert alpha.derived(build) is first and built == [alpha]
    # Another knowledge object (a tenant edited and loaded again) derives its own.
    other = dataclasses.replace(alpha)
    assert other.derived(build) is not first and built == [alpha, other]


class CountingMatcher:
    def __init__(self, matcher) -> None:
        self.matcher = matcher
        self.texts: list[str] = []

    def classify(self, text: str):
        self.texts.append(text)
        return self.matcher.classify(text)


def test_the_matchers_first_reading_of_a_word_is_asked_once(alpha) -> None:
    counting = CountingMatcher(alpha.matcher)
    knowledge = dataclasses.replace(alpha, matcher=counting)
    words = knowledge.derived(TopicWords.of)
    assert words.first_reading(knowledge, "paspoort") == "paspoort"
    assert words.first_reading(knowledge, "paspoort") == "paspoort"
    assert words.first_reading(knowledge, "xqzzv") is None  # rejected: no first guess
    assert words.first_reading(knowledge, "xqzzv") is None
    assert counting.texts == ["paspoort", "xqzzv"]

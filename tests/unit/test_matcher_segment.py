"""Long messages: greetings, politeness and signatures are stripped, clauses split."""
from __future__ import annotations

import pytest

from core.matcher.segment import asks_only_what_to_do, clauses, sentences, strip_courtesy


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Goedemiddag, excuses voor de vraag, maar hoe vraag ik een paspoort aan? Met vriendelijke groet, Anouk",
            "hoe vraag ik een paspoort aan?",
        ),
        ("Geachte heer/mevrouw, Ik heb een vraag. Mijn grofvuil is niet opgehaald. Alvast bedankt! Groetjes Mark",
         "Mijn grofvuil is niet opgehaald."),
        ("hoi! wanneer wordt het gft opgehaald? mvg jan", "wanneer wordt het gft opgehaald?"),
        ("Beste gemeente Utrecht, sorry dat ik stoor. Mijn moeder is overleden. Bvd, Fatima",
         "Mijn moeder is overleden."),
        ("Dear Sir/Madam, how do I register my address? Kind regards, Tom", "how do I register my address?"),
        ("Hallo allemaal, ik hoop dat u mij kunt helpen. Mijn kliko is kapot.", "Mijn kliko is kapot."),
        # A new question announced, before a colon too: "nog een vraag" pulled a short question below the cut-offs.
        ("nog een vraag: gaat de bibliotheek vandaag open?", "gaat de bibliotheek vandaag open?"),
        ("Een andere vraag, hoe lang duurt een rijbewijs?", "hoe lang duurt een rijbewijs?"),
        ("Ik heb nog een vraagje: wat kost een uittreksel?", "wat kost een uittreksel?"),
        ("Another question: where do I report a broken streetlight?", "where do I report a broken streetlight?"),
        ("Goedemiddag, mijn vraag is: wanneer komt de papiercontainer?", "wanneer komt de papiercontainer?"),
    ],
)
def test_courtesy_around_the_question_is_stripped(message: str, question: str) -> None:
    cleaned = strip_courtesy(message)
    assert cleaned.text == question
    assert cleaned.stripped


@pytest.mark.parametrize("message", ["hallo", "Goedemorgen!", "bedankt", "Met vriendelijke groet", "Hallo, ik heb een vraag"])
def test_a_message_that_is_only_courtesy_is_kept_as_it_is(message: str) -> None:
    # "hallo" is a greeting the bot answers; stripping it would leave nothing to classify.
    cleaned = strip_courtesy(message)
    assert cleaned.text == message
    assert not cleaned.stripped


def test_words_that_only_look_like_courtesy_stay() -> None:
    # "dag" inside a question and "groet" as a noun after the question are content.
    assert strip_courtesy("Welke dag wordt het oud papier opgehaald?").text == "Welke dag wordt het oud papier opgehaald?"
    # A question about something named after "vraag" keeps it: only the announcement on its own is framing.
    assert strip_courtesy("nog een vraag over de hondenbelasting").text == "nog een vraag over de hondenbelasting"
    assert strip_courtesy("Ik heb nog een vraag").text == "Ik heb nog een vraag"


def test_a_signature_after_the_closing_formula_is_removed_with_the_name() -> None:
    text = "Mijn parkeervergunning is verlopen, hoe verleng ik hem?\nMet vriendelijke groeten,\nfamilie De Vries\nDorpsstraat 1"
    assert strip_courtesy(text).text == "Mijn parkeervergunning is verlopen, hoe verleng ik hem?"


def test_sentences_become_clauses() -> None:
    story = "Mijn vader is vorige week overleden. Hij lag op de begraafplaats hier. Wat moet ik nu regelen?"
    assert clauses(story) == [
        "Mijn vader is vorige week overleden.",
        "Hij lag op de begraafplaats hier.",
        "Wat moet ik nu regelen?",
    ]


def test_two_questions_in_one_sentence_are_split() -> None:
    assert clauses("Wanneer wordt het grofvuil opgehaald en hoe vraag ik een parkeervergunning aan?") == [
        "Wanneer wordt het grofvuil opgehaald",
        "hoe vraag ik een parkeervergunning aan?",
    ]


def test_an_indirect_second_question_joined_by_en_of_is_split() -> None:
    # "... en of ik ..." / "... and whether ...": whether, a second question asked indirectly.
    assert clauses("ik wil weten wanneer het grofvuil wordt opgehaald en of ik een parkeervergunning kan krijgen") == [
        "ik wil weten wanneer het grofvuil wordt opgehaald",
        "ik een parkeervergunning kan krijgen",
    ]
    assert clauses("I would like to know when bulky waste is collected and whether I can get a parking permit") == [
        "I would like to know when bulky waste is collected",
        "I can get a parking permit",
    ]
    # Before a noun "en of" is "and/or": one question about two documents.
    assert clauses("Kan ik mijn paspoort en of mijn id-kaart hier ophalen?") == [
        "Kan ik mijn paspoort en of mijn id-kaart hier ophalen?"
    ]


def test_a_short_coordination_is_not_split() -> None:
    # "paspoort en id-kaart" is one question about two documents.
    assert clauses("paspoort en id-kaart aanvragen") == ["paspoort en id-kaart aanvragen"]
    assert clauses("Mag ik mijn paspoort en mijn id-kaart tegelijk verlengen?") == [
        "Mag ik mijn paspoort en mijn id-kaart tegelijk verlengen?"
    ]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert clauses("De WOZ-waarde is 40.000 euro gestegen t.o.v. vorig jaar. Klopt dat wel?") == [
        "De WOZ-waarde is 40.000 euro gestegen t.o.v. vorig jaar.",
        "Klopt dat wel?",
    ]


def test_fragments_are_no_clauses() -> None:
    assert clauses("Mijn kliko is gestolen. Help! Wat nu?") == ["Mijn kliko is gestolen."]


def test_two_topics_joined_by_en_ook_are_split() -> None:
    # "X en ook Y" in one sentence: two topics, whatever word follows "en ook".
    assert clauses("ik ga verhuizen en ook wil ik een parkeervergunning") == ["ik ga verhuizen", "wil ik een parkeervergunning"]
    assert clauses("We are moving house and also we need a parking permit") == ["We are moving house", "we need a parking permit"]
    # A short side of "en ook" is part of one question ("mijn man en ook mijn dochter").
    assert clauses("mijn man en ook mijn dochter willen een paspoort") == ["mijn man en ook mijn dochter willen een paspoort"]


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("ik heb een vraag over mijn aanslag, mijn bsn is 123456782", "ik heb een vraag over mijn aanslag"),
        ("mijn aanslag klopt niet, mijn klantnummer is [NUMMER]", "mijn aanslag klopt niet"),
        ("Mijn naam is Anouk de Vries. Hoe verleng ik mijn paspoort?", "Hoe verleng ik mijn paspoort?"),
        ("mijn e-mail is anouk@voorbeeld.nl. wanneer wordt het gft opgehaald", "wanneer wordt het gft opgehaald"),
        ("My name is Tom Jansen, how do I register my address? Phone: +31 6 12345678", "how do I register my address?"),
    ],
)
def test_identifiers_for_the_reader_are_stripped_like_a_signature(message: str, question: str) -> None:
    # A number or a name names who asks, not what about; it pulled clear questions below the cut-offs.
    assert strip_courtesy(message).text == question


@pytest.mark.parametrize(
    "message",
    ["mijn adres is veranderd, wat moet ik doen", "ik ben Turks, mag ik stemmen?", "Ik ben 67 jaar, heb ik recht op een pas?",
     "ik woon op nummer 12, wanneer komt de vuilniswagen", "mijn kenteken is 12-ABC-3, mag ik hier parkeren?"],
)
def test_facts_the_answer_depends_on_are_not_identifiers(message: str) -> None:
    assert strip_courtesy(message).text == message


def test_sentences_split_where_clauses_split_and_keep_short_ones() -> None:
    # The dialogue's "is this one sentence?" reads the same split as the matcher's clauses.
    assert sentences("Ik ben verhuisd. Wanneer wordt mijn afval opgehaald?") == [
        "Ik ben verhuisd.", "Wanneer wordt mijn afval opgehaald?"]
    assert sentences("Dank u.\nTot ziens") == ["Dank u.", "Tot ziens"]  # a fragment is still a sentence
    assert sentences("Het kost t.o.v. vorig jaar meer") == ["Het kost t.o.v. vorig jaar meer"]
    assert sentences("   ") == []


@pytest.mark.parametrize(
    ("message", "left"),
    [
        ("Wij huren het huis trouwens.", "Wij huren het huis ."),
        ("Trouwens, wanneer komt het grofvuil?", "wanneer komt het grofvuil?"),
        ("Ik woon trouwens op een woonboot", "Ik woon op een woonboot"),
    ],
)
def test_trouwens_is_left_out_as_a_link_to_what_was_said(message: str, left: str) -> None:
    # "trouwens" ("by the way") names nothing, but its letters read as "trouwen": the marriage answered.
    cleaned = strip_courtesy(message)
    assert cleaned.text == left
    assert cleaned.stripped


@pytest.mark.parametrize("message", ["We gaan trouwen in mei", "trouwens", "Is een trouwring bij de balie af te geven?"])
def test_the_wedding_words_stay(message: str) -> None:
    assert strip_courtesy(message).text == message


def test_trouwens_is_no_marriage_for_the_knowledge_base() -> None:
    from adapters.kb_files import FileKnowledge

    result = FileKnowledge().get("voorbeeld").matcher.classify("ik woon trouwens op een woonboot")  # was Huwelijk 0.91
    assert "huwelijk" not in {result.intent, *(guess.intent for guess in result.alternatives[:1])}


@pytest.mark.parametrize(
    ("clause", "only"),
    [("What do I need to do?", True), ("Wat moeten we nu allemaal regelen?", True), ("wat moet ik doen", True),
     ("Wat moet ik doen met mijn parkeervergunning?", False), ("Hoe vraag ik een paspoort aan?", False), ("", False)],
)
def test_a_clause_that_only_asks_what_to_do(clause: str, only: bool) -> None:
    # "What do I need to do?" after a move told read as a death's arrangements (0.95) and was answered first.
    assert asks_only_what_to_do(clause) is only

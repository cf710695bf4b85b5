"""A resident's words are not kept in a warm function's per-word caches after their message
(docs/ARCHITECTURE.md, "What stays in memory between turns"): the matcher and the crisis detector
keep per word only the words the shipped knowledge or the crisis rules know; a surname, an
e-mail's parts or a street are read for one message and dropped with it."""
from __future__ import annotations

import gc

import pytest

from adapters.kb_files import FileKnowledge
from core.dialogue import crisis, distress
from core.matcher.embedding import StaticEmbedding
from core.matcher.subword import dutch_encoder

# "mevrouw Vermeulen-Oosterhuis", "kwiebus.vanderplas77@ziggo.nl", "Zwaluwstraat": nothing the knowledge knows.
MESSAGE = ("Goedemiddag, ik ben mevrouw Vermeulen-Oosterhuis en ik wil mijn paspoort verlengen. "
           "Mail mij op kwiebus.vanderplas77@ziggo.nl of kom langs op de Zwaluwstraat.")
RESIDENT_WORDS = ("vermeulen", "oosterhuis", "kwiebus", "vanderplas", "zwaluwstraat")
# A typo of a known word ("paspoort") and a word the crisis rules spell out ("ik").
KNOWN = ("paspoort", "ik")


def _words_in(mapping) -> set[str]:
    """The words among a cache's keys (a word, or a tuple whose first item is the word)."""
    return {key[0] if isinstance(key, tuple) else key for key in mapping}


def _resident_words_in(mapping) -> set[str]:
    return _words_in(mapping) & set(RESIDENT_WORDS)


@pytest.fixture(scope="module")
def matcher():
    found = FileKnowledge().get("voorbeeld").matcher
    found.classify(MESSAGE)
    found.classify(MESSAGE.replace("paspoort", "paszpoort"))  # a typo looked up too
    return found


def test_the_matchers_feature_columns_keep_no_residents_word(matcher) -> None:
    scorer = matcher._scorer
    assert "paspoort" in _words_in(scorer._columns)
    assert _resident_words_in(scorer._columns) == set()


def test_the_matchers_readings_of_words_alone_keep_no_residents_word(matcher) -> None:
    """`Matcher.word_reads_as` reads each word alone; only the knowledge base's own words' readings are kept."""
    assert not matcher.word_reads_as(MESSAGE, "no-such-topic", 0.75)  # every word read, none reads as it
    assert "paspoort" in matcher._word_readings
    assert _resident_words_in(matcher._word_readings) == set()


def test_the_analysers_stems_keep_no_residents_word(matcher) -> None:
    stems = matcher._scorer.analyzer._stems
    assert "paspoort" in _words_in(stems)
    assert _resident_words_in(stems) == set()


def test_the_vocabulary_keeps_no_typo_or_compound_of_a_residents_word(matcher) -> None:
    """The typo look-up (main kept every unknown word it looked up, up to 50,000) and the compound splits."""
    vocabulary = matcher._scorer.analyzer.vocabulary
    for name, value in vars(vocabulary).items():
        if isinstance(value, dict):
            assert _resident_words_in(value) == set(), name
            assert "paszpoort" not in _words_in(value), name
    assert "paspoort" in _words_in(vocabulary._compounds)


def test_the_dutch_encoder_keeps_no_vector_or_subwords_of_a_residents_word(matcher) -> None:
    encoder = dutch_encoder()
    assert matcher._scorer.encoder is encoder
    assert "paspoort" in encoder._tokens
    for name, value in vars(encoder).items():
        if isinstance(value, dict):
            assert _resident_words_in(value) == set(), name
    index = getattr(encoder, "index", None)  # main: bucket ids per word beside the vectors
    assert index is None or _resident_words_in(index._cache) == set()


def test_the_word_piece_table_keeps_only_known_words() -> None:
    from core.matcher.features import MessageWords

    table = StaticEmbedding(["[UNK]", "pas", "##poort", "ver", "##meulen"], __import__("numpy").eye(5, dtype="float32"))
    message = MessageWords()
    first = table.piece_ids(["paspoort", "vermeulen"], known={"paspoort"}, message=message.pieces)
    assert first == [1, 2, 3, 4]
    assert set(table._word_cache) == {"paspoort"}
    assert set(message.pieces) == {"vermeulen"}
    assert table.piece_ids(["paspoort", "vermeulen"], known={"paspoort"}) == first
    assert set(table._word_cache) == {"paspoort"}


def test_what_a_message_keeps_of_its_unknown_words_reads_as_a_fresh_reading() -> None:
    """Within one message an unknown word is read once (the whole and its clauses), with the same result."""
    from core.matcher.features import MessageWords

    analyzer = FileKnowledge().get("voorbeeld").matcher._scorer.analyzer
    text = "mevrouw Vermeulen-Oosterhuis, paszpoort verlengen"
    message = MessageWords()
    first = analyzer.analyse(text, message)
    assert first.tokens[first.raw_tokens.index("paszpoort")] == "paspoort"
    assert set(message.corrections) >= {"vermeulen", "oosterhuis", "paszpoort"}
    assert analyzer.analyse(text, message) == analyzer.analyse(text) == first
    assert analyzer.features(first, message) and sorted(analyzer.features(first, message)) == sorted(analyzer.features(first))


def test_the_crisis_detector_keeps_no_residents_word() -> None:
    crisis.detect_all(MESSAGE)
    crisis.detect_all(MESSAGE)
    assert "ik" in crisis._normal_words
    assert _resident_words_in(crisis._normal_words) == set()
    index = crisis._index()
    assert "ik" in index._at_word
    assert _resident_words_in(index._at_word) == set()


def test_the_distress_classifier_keeps_no_residents_word() -> None:
    model = distress.load()
    model.probabilities(MESSAGE)
    assert "ik" in model._words
    assert _resident_words_in(model._words) == set()


def test_no_dict_of_the_process_holds_a_residents_word_after_classifying(matcher) -> None:
    """Whatever cache a later change adds: after the message, no dictionary in the process (an
    lru_cache's too) has one of its words as a key."""
    matcher.classify(MESSAGE)
    crisis.detect_all(MESSAGE)
    distress.load().probabilities(MESSAGE)
    gc.collect()
    holders = [sorted(_resident_words_in(obj)) for obj in gc.get_objects()
               if isinstance(obj, dict) and len(obj) < 1_000_000 and _keys_are_words(obj) and _resident_words_in(obj)]
    assert holders == []


def _keys_are_words(mapping: dict) -> bool:
    try:
        return all(isinstance(key[0] if isinstance(key, tuple) and key else key, str) for key in list(mapping)[:3])
    except TypeError:
        return False


def test_the_typo_look_up_finds_what_a_search_length_by_length_finds() -> None:
    """What a resident's unknown word costs is paid per message now: the look-up reads only the known words whose
    letters could reach the cut-off, and finds the same word as rapidfuzz over every word of each length."""
    import random

    from rapidfuzz import fuzz, process

    vocabulary = FileKnowledge().get("voorbeeld").matcher._scorer.analyzer.vocabulary

    def length_by_length(token: str) -> str | None:
        if "y" in token and token.replace("y", "ij") in vocabulary.words:
            return token.replace("y", "ij")
        best = None
        for length in range(len(token) - 2, len(token) + 3):
            found = process.extractOne(token, vocabulary._by_length.get(length, []), scorer=fuzz.ratio,
                                       score_cutoff=vocabulary.typo_cutoff)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
        return best[0] if best else None

    words = sorted(vocabulary.words)[::7]
    rng = random.Random(15)
    tokens = [*(word[:-1] for word in words), *(word + "e" for word in words),
              *(word[:i] + rng.choice("aeiouxyz") + word[i + 1:] for word in words for i in [rng.randrange(len(word))]),
              *("".join(rng.sample(word, len(word))) for word in words), "vermeulen", "oosterhuis", "straße", "naïef"]
    tokens = [token for token in tokens if token not in vocabulary.words and len(token) >= 4 and token.isalpha()]
    corrected = 0
    for token in tokens:
        expected = length_by_length(token)
        assert vocabulary.correct(token) == expected, token
        corrected += expected is not None
    assert corrected > len(tokens) // 4


def test_the_compiled_stemmers_keep_no_word(matcher) -> None:
    """PyStemmer keeps up to 10,000 stems per stemmer by default: a resident's surname would stay."""
    from core.matcher.normalize import DUTCH, ENGLISH, _stemmer

    assert _stemmer(DUTCH).maxCacheSize == 0 and _stemmer(ENGLISH).maxCacheSize == 0

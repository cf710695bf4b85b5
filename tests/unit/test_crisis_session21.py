"""Session 21 (crisis24), kept apart from tests/unit/test_crisis.py (an input of the distress model's digest): the rule
index anchors more rules that start at a common word, with the same detection and fewer tries (a rarer word may follow
a common one inside a phrase: "is aan het stikken" -> "stikken"; a rule without a rarer word is anchored to a topic word:
"ik ... op straat" -> "straat"), and the refit's families, both ways."""
from __future__ import annotations

import pytest

from core.dialogue import crisis, distress

# Five times a long ordinary question full of the words the pronoun-first rules start at ("ik", "een", "mijn", "is").
LONG_ORDINARY = 5 * (
    "mijn dochter is een week bij een vriendin en ik wil een paspoort voor haar aanvragen. een man van de gemeente "
    "zegt dat ik op het stadhuis moet komen. is er een afspraak vrij? ik woon in een flat aan de rand van de stad. "
)


def _source(pattern: str) -> str:
    return crisis._expand(crisis._squeeze_pattern(pattern))


def test_a_rarer_word_after_a_common_one_in_a_phrase_is_an_anchor() -> None:
    anchors = crisis._anchor_words(_source(r"\b(?:hij|zij) (?:<W>){0,2}?(?:stikt|is aan het stikken|is choking)\b"), {})
    assert anchors == {("stikt", True), ("stiken", True), ("choking", True)}
    # a phrase whose words are all common gives no anchor; nor does a common word whose space is optional
    assert crisis._anchor_words(_source(r"\b(?:hij|zij) (?:<W>){0,2}?(?:is er|was er) niet\b"), {}) is None
    assert crisis._anchor_words(_source(r"\bik (?:<W>){0,2}?het ?stikken\b"), {}) is None


def test_a_rule_without_a_rarer_word_is_anchored_to_a_topic_word() -> None:
    index = crisis._Index()
    rule = crisis._Rule("homeless", crisis._squeeze_pattern(r"\b(?:ik|wij) (?:<W>){0,3}?op (?:de )?straat\b"))
    index._anchor(rule, rule.source, {}, {})
    assert rule.start_words == ("ik", "wij")
    assert index.anchored == {crisis._squeeze("straat"): [rule]}


def test_a_long_ordinary_text_tries_fewer_rules() -> None:
    per_kind = crisis._index().triggered(crisis._read(crisis.normalise(LONG_ORDINARY)).split())
    assert sum(len(rules) for tries in per_kind for rules, _ in tries) < 800  # (rule, word) pairs; session 20: 1,195, now 555


@pytest.mark.parametrize(("kind", "text"), [
    ("danger", LONG_ORDINARY + "help mijn zoontje is aan het stikken in een snoepje"),
    ("danger", "my little girl is choking on a grape and her lips are blue"),
    ("homeless", LONG_ORDINARY + "ik kom met mijn kinderen op straat te staan"),
    ("homeless", "wij komen vanaf vrijdag op straat te staan"),
])
def test_a_rule_anchored_so_still_matches_where_its_word_is(kind: str, text: str) -> None:
    assert kind in crisis.detect_all(text)
    assert crisis.detect_all(LONG_ORDINARY) == []


# The session 21 refit's lost rows' families, as rules in our own words: (kind the rules find, or None; phrasing).
REFIT_FAMILIES: dict[str, list[tuple[str | None, str]]] = {
    "an attempt that failed or was survived": [
        ("suicide", "gisteren heb ik een poging gedaan maar ik heb het overleefd"),
        ("suicide", "I made an attempt last week but I survived"),
        (None, "ik heb een poging gedaan om online een afspraak te maken maar het is niet gelukt"),
    ],
    "a farewell with thanks for everything": [
        ("suicide", "vaarwel allemaal, bedankt voor alles"),
        ("suicide", "thank you for everything, farewell"),
        (None, "farewell party for our colleague, thanks for everything, where can we book the hall"),
    ],
    "something made for someone to get after one's death": [
        ("suicide", "ik heb een album gemaakt met foto's voor mijn zoon, hij krijgt het na mijn dood"),
        ("suicide", "i have written a letter for my sister, she gets it when i am gone"),
        (None, "ik heb een brief geschreven die mijn kleinkinderen na mijn dood krijgen, kan ik die bij de notaris laten bewaren"),
    ],
    "not wanting to keep breathing": [
        ("suicide", "ik heb geen zin meer om te blijven ademen"),
        ("suicide", "i do not want to keep breathing anymore"),
    ],
    "the gas turned on with the windows shut": [
        ("suicide", "ik heb de gaskraan opengedraaid en alle ramen zijn dicht"),
        (None, "ik heb het gas aangezet voor de kachel en de ramen dichtgedaan, het is koud hier"),
    ],
    "keys left with someone and a note, they know what to do": [
        ("suicide", "de sleutels liggen bij mijn broer en er ligt een brief op het aanrecht, hij weet wel wat hij moet doen"),
        (None, "de sleutels liggen bij de buurvrouw en er ligt een briefje, ze weet wat ze moet doen met de planten"),
    ],
    "a child who hides bruises, and it is a parent": [
        ("violence", "mijn zoon wil niet naar gym met zijn blauwe benen, het is zijn vader"),
        ("violence", "my son will not go swimming with his bruised arms, it is his stepfather"),
        (None, "mijn zoon heeft blauwe plekken van voetbal, het is zijn vader die hem traint"),
    ],
    "a daughter or sister with a partner, an injury and 'she says she fell'": [
        ("violence", "mijn zus woont bij haar man, ze heeft een blauw oog en zegt dat ze tegen de kast is gevallen"),
        ("violence", "my daughter lives with her boyfriend, she had a broken wrist and she says she fell"),
        (None, "mijn dochter woont bij haar vriend, ze heeft een gebroken pols, ze zegt dat ze gevallen is met schaatsen"),
    ],
    "someone of one's own who took too much of a drug and keeps passing out": [
        ("danger", "mijn huisgenoot heeft te veel xtc genomen en zakt steeds weg"),
        ("danger", "my brother took too many pills and keeps passing out"),
        (None, "my roommate had too much to drink and passes out at parties every weekend, is there advice for students"),
    ],
    "a date fixed that one has told nobody": [
        ("suicide", "de dag is gekozen en niemand weet het"),
        ("suicide", "the date is set and I told no one"),
        (None, "de datum staat vast en niemand weet het nog, het wordt een verrassingsfeest voor mijn moeder"),
    ],
    "a landlord who says one must leave, and nowhere else to go": [
        ("homeless", "mijn hospita zegt dat ik morgen weg moet want ik sta niet ingeschreven, klopt dat? ik kan echt nergens anders naartoe"),
        ("homeless", "my landlady says I must leave on sunday because there is no contract, is that legal? I have nowhere else to go"),
    ],
    "a heater or a boiler, people dizzy or sick and someone hard to wake": [
        ("danger", "the boiler in our flat gives us headaches and we feel sick, and now grandma is hard to wake"),
        (None, "our heater makes a noise and I feel sick of the bills, my son is not waking up for school on time"),
    ],
    "the last night at a relative's or a friend's and nowhere after": [
        ("homeless", "het is mijn laatste nacht bij mijn oom, morgen komt zijn zoon thuis en dan heb ik verder nergens"),
        ("homeless", "my last night at my aunt's is today, her lodger moves in tomorrow and then I have nowhere else"),
        (None, "last night at my cousin's wedding there was nowhere to park"),
    ],
}


@pytest.mark.parametrize("text", [
    "my wife left me in the summer and I have three kids and no money left, who can help",
    "mijn man is weg en ik zit met twee kinderen zonder geld, kan ik een uitkering aanvragen",
])
def test_the_refitted_classifier_reads_a_partner_who_left_and_no_money_as_a_benefit_question(text: str) -> None:
    assert distress.detect(text) is None  # session 20's model: violence (0.99, 0.97)


def test_the_refitted_classifier_still_reads_violence_told_on_the_same_surface() -> None:
    assert distress.detect("my wife left last month and her new boyfriend comes round and hits my son when I am at work") == "violence"


# Held-out batch 25's missed families and false alarms (training material since session 21), in our own words.
BATCH25_FAMILIES: list[tuple[str | None, str]] = [
    ("danger", "mijn vader heeft dementie en nu is hij weg, de achterdeur stond open"),
    ("danger", "de galerij van ons blok is ingestort en er liepen net mensen"),
    ("danger", "een jongetje zit op het dak van de garage en glijdt naar de rand"),
    ("danger", "mijn buurman heeft geen hartslag meer, zijn vrouw is hem aan het reanimeren"),
    ("suicide", "I will not need my car after next week, I have made up my mind"),
    ("suicide", "hoe lang duurt het als ik stop met mijn dialyse, ik vraag het voor mezelf"),
    ("sexual", "mijn huisbaas zegt dat ik minder huur betaal als ik met hem naar bed ga"),
    ("sexual", "he keeps saying nobody would believe me because we are married"),
    ("sexual", "onze buurmeisje wordt elke avond door andere mannen opgehaald"),
    ("homeless", "we moesten vanochtend weg uit het azc en staan nu met de kinderen buiten"),
    (None, "we lopen mee met de sponsorslaapnacht voor daklozen, waar kunnen we ons aanmelden"),
    (None, "ik ben stagiaire bij veilig thuis en wil een folder laten drukken"),
    (None, "mijn moeder heeft dementie en is haar sleutels steeds kwijt, kan ik hulp krijgen"),
    (None, "de co melder piept, moet ik de batterij vervangen"),
    (None, "klopt het dat de nachtopvang in het centrum volgend jaar sluit? waar moeten die mensen dan naartoe"),
    (None, "our office had a gas leak drill this morning, where can I find the evacuation routes"),
    ("homeless", "de nachtopvang gaat sluiten en ik heb geen plek meer vannacht"),
    ("danger", "er is een gaslek in onze straat, de brandweer is er"),
]


@pytest.mark.parametrize(("kind", "text"), [*(row for rows in REFIT_FAMILIES.values() for row in rows), *BATCH25_FAMILIES])
def test_the_session21_families_are_rules(kind: str | None, text: str) -> None:
    if kind is None:
        assert crisis.detect_all(text) == []
    else:
        assert kind in crisis.detect_all(text)

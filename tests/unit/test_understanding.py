"""The dialogue's understanding of free text (clauses, replies, small_talk, contacts, reactions, language, follow-up
and detail cues)."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.dialogue import clauses, contacts, details, followups, language, reactions, replies, small_talk
from core.kb import phrases
from core.dialogue.contacts import asks_for_callback, asks_for_person, asks_whom_to_call, without_person_request
from core.dialogue.followups import asks_how, asks_validity
from core.dialogue.reactions import is_frustrated
from core.dialogue.clauses import is_question
from core.dialogue.replies import YesNo, chosen_number, none_of_these, yes_no
from core.dialogue.small_talk import announces_question, is_gibberish, is_impatient


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", YesNo(True, "")),
        ("Ja graag!", YesNo(True, "")),
        ("oké", YesNo(True, "")),
        ("yes please", YesNo(True, "")),
        ("👍", YesNo(True, "")),
        ("nee", YesNo(False, "")),
        ("Nee, dank je.", YesNo(False, "")),
        ("laat maar", YesNo(False, "")),
        ("no thanks", YesNo(False, "")),
        ("niet echt", YesNo(False, "")),
        ("ja bel me op 06-12345678", YesNo(True, "bel me op 06-12345678")),
        ("nee, ik bedoel mijn rijbewijs", YesNo(False, "ik bedoel mijn rijbewijs")),
        ("janssen", None),
        ("nooit gedacht", None),
        ("hoe laat zijn jullie open", None),
    ],
)
def test_yes_no(text: str, expected: YesNo | None) -> None:
    assert yes_no(text) == expected


@pytest.mark.parametrize(
    "text",
    ["medewerker", "ik wil een mens spreken", "iemand spreken over mijn parkeervergunning", "I need a human",
     "can I talk to someone", "human please", "ik wil niet met een robot praten", "real person please",
     "connect me to an agent", "kan ik met iemand van parkeren praten", "Can I speak to a staff member?",
     "mag ik een echt mens, het gaat om de hondenbelasting"],
)
def test_a_person_is_asked_for(text: str) -> None:
    assert asks_for_person(text)


@pytest.mark.parametrize(
    "text",
    ["kan iemand anders mijn paspoort ophalen", "ik wil iemand aangeven", "ik wil geen mens",
     "hoe kan ik contact opnemen met de gemeente", "paspoort verlengen", "mijn buurman maakt lawaai",
     "mag ik mijn paspoort door een ander persoon laten ophalen", "kan ik jullie bellen",
     "moet ik bellen voor een afspraak"],
)
def test_no_person_is_asked_for(text: str) -> None:
    assert not asks_for_person(text)


@pytest.mark.parametrize(("text", "asks"), [
    ("bel me terug aub", True), ("kunnen jullie mij bellen", True), ("can someone get back to me please", True),
    ("call me back", True), ("ja bel me maar op 0612345678", True), ("bel me dan terug", True),
    ("kan ik jullie bellen", False), ("moet ik bellen voor een afspraak", False),
    ("ik wil graag teruggebeld worden over mijn aanslag", True), ("can someone mail me about my application?", True),
    ("kan iemand mij mailen", True), ("ik ben gisteren gebeld door de gemeente", False),
    ("can i mail you my form", False), ("you can mail me at anna@example.org", True),
    ("u kunt me bereiken op 0612345678", True), ("can you mail the form to my mother", False)])
def test_a_callback_is_asked_for(text: str, asks: bool) -> None:
    assert asks_for_callback(text) is asks


@pytest.mark.parametrize(("text", "asks"), [
    ("wie kan ik bellen?", True), ("hoe kan ik jullie bereiken?", True), ("Who can I call?", True),
    ("wat is het nummer?", True), ("wie kan ik bellen over mijn paspoort?", False), ("bel me terug", False)])
def test_whom_to_call(text: str, asks: bool) -> None:
    assert asks_whom_to_call(text) is asks


def test_the_topic_of_a_person_request_is_what_remains() -> None:
    assert without_person_request("Kan ik iemand spreken over mijn parkeervergunning?") == "parkeervergunning"
    assert without_person_request("I want to talk to someone about my passport") == "passport"


@pytest.mark.parametrize(("text", "number"), [("2", 2), ("de tweede", 2), ("optie 3", 3), ("nummer 1", 1),
                                              ("the first one", 1), ("4", None), ("paspoort", None)])
def test_chosen_number(text: str, number: int | None) -> None:
    assert chosen_number(text, 3) == number


@pytest.mark.parametrize("text", ["asdfgh", "jjjjjjj", "???", "123", "qwerty uiop", "sdfsdf sdf", "hahahaha"])
def test_gibberish(text: str) -> None:
    assert is_gibberish(text)


@pytest.mark.parametrize("text", ["wat is het weer morgen", "vertel een mop", "paspoort", "xyz paspoort",
                                  "how tall is the eiffel tower", "pasport verlengn"])
def test_real_words_are_no_gibberish(text: str) -> None:
    assert not is_gibberish(text)


@pytest.mark.parametrize("text", ["antwoord nou", "Antwoord nou!!", "geef nou eens antwoord", "ben je er nog?",
                                  "bent u er nog wel", "hallo?? is daar iemand?", "schiet eens op", "het duurt lang",
                                  "waarom reageer je niet", "zeg eens iets", "nou??", "are you there?",
                                  "hello?? anyone there", "answer me", "why dont you answer", "still waiting"])
def test_impatience(text: str) -> None:
    assert is_impatient(text)


@pytest.mark.parametrize("text", ["hallo", "hallo???", "ik wacht al drie weken op antwoord op mijn aanvraag",
                                  "ik heb nog geen antwoord gekregen op mijn bezwaar", "wanneer krijg ik antwoord",
                                  "hoe lang duurt het", "duurt een paspoort lang", "ben je een robot",
                                  "zijn jullie open", "en voor mijn dochter?", "ik wil een klacht indienen"])
def test_questions_and_greetings_are_no_impatience(text: str) -> None:
    assert not is_impatient(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("mijn paspoort is gestolen op vakantie in Spanje", ["kwijt_buitenland"]),
        ("I lost my passport abroad", ["kwijt_buitenland"]),
        ("paspoort kwijt", []),
        ("ik kom uit het buitenland en wil me inschrijven", ["uit_buitenland"]),
        ("I just moved here from Poland", ["uit_buitenland"]),
        ("ik ben net vanuit Polen hierheen verhuisd", ["uit_buitenland"]),
        ("ik ben verhuisd uit Amsterdam", []),
        ("kan iemand bij haar langskomen?", ["niet_zelf"]), ("kan ik bij jullie langskomen?", []),
        ("ik ga emigreren naar Canada", ["emigratie"]),
        ("mijn moeder ligt in het verpleeghuis en heeft een id-kaart nodig", ["niet_zelf"]),
        ("mijn moeder is overleden, moet ik haar parkeervergunning opzeggen?", ["overlijden"]),
        ("I applied three weeks ago, how is it going?", ["status"]),
        ("aangifte overlijden", []),
        ("mijn hond is overleden, moet ik de hondenbelasting stopzetten", ["dier_overleden"]),
        ("mijn moeder is overleden, zij had een hond. moet ik de hondenbelasting stopzetten?", ["overlijden"]),
        ("oma kan echt niet meer naar het gemeentehuis komen, haar paspoort is verlopen", ["niet_zelf"]),
        ("my passport got stolen at the airport in Rome", ["kwijt_buitenland"]),
        ("hoe vraag ik een paspoort aan", []),
        ("ik heb het vorige week aangevraagd", ["status"]),
        ("hoe weet ik of het klaar is?", ["status"]),
        ("how do I know if it is ready", ["status"]),
        ("is mijn rijbewijs al klaar?", ["status"]), ("kan ik hem al ophalen?", ["status"]),
        ("is my drivers license ready already?", ["status"]), ("can i pick it up yet?", ["status"]),
        ("i applied for an id card last week", ["status"]), ("ik ben al klaar met verhuizen, wat nu", []),
        ("are you ready", []),
        ("vorige week was ik op vakantie", []),
    ],
)
def test_detail_cues(text: str, kinds: list[str]) -> None:
    assert details.detect(text) == kinds


@pytest.mark.parametrize(
    ("text", "kind", "contextual"),
    [
        ("kan dat ook online?", "online", True),
        ("hoe lang van tevoren?", "termijn", True),
        ("can I do it online?", "online", True),
        ("kan ik mijn verhuizing online doorgeven", "online", False),
        ("hoe lang van tevoren moet ik mijn paspoort aanvragen", "termijn", False),
        ("wanneer kan ik het ophalen?", "duur", True),
        ("wanneer kan ik mijn paspoort ophalen?", "duur", False),  # the topic's word stays for the matcher
        ("kan het met spoed?", "duur", True),  # how fast it can be: the duration says (an urgent application)
        ("can I get it faster?", "duur", True),
    ],
)
def test_new_follow_up_cues(text: str, kind: str, contextual: bool) -> None:
    assert followups.detect(text) == kind
    assert followups.is_contextual(text) is contextual


@pytest.mark.parametrize(
    ("text", "kind", "subject", "points_back"),
    [
        ("hoeveel kost dat op een zaterdag", "kosten", "zaterdag", True),
        ("en voor m'n zoontje van 3?", "kind", "", True),
        ("oh en nog iets, hondenbelasting, wat kost dat eigenlijk", "kosten", "oh hondenbelasting", True),
        ("ik heb 2 honden hoeveel hondenbelasting betaal ik", "kosten", "honden hondenbelasting", False),
        ("moet ik daarvoor langskomen of kan t ook digitaal", "online", "", True),
        ("hondebelasting hoeveel", "kosten", "hondebelasting", False),
        ("hij is verlopen, hoe lang duurt een nieuwe?", "duur", "verlopen", True),  # "een nieuwe" names nothing
    ],
)
def test_follow_ups_with_words_of_their_own(text: str, kind: str, subject: str, points_back: bool) -> None:
    assert followups.detect(text) == kind
    assert followups.subject(text) == subject
    assert followups.points_back(text) is points_back


@pytest.mark.parametrize(("text", "asks"), [("wanneer wordt het afval opgehaald", True), ("kan dat online?", True),
                                            ("ik wil mijn paspoort verlengen", True), ("ik ben vorige maand verhuisd.", False),
                                            ("mijn moeder is overleden", False), ("I need a new passport", True)])
def test_is_question(text: str, asks: bool) -> None:
    assert is_question(text) is asks


@pytest.mark.parametrize(("text", "declines"), [("geen van beide", True), ("Geen van deze.", True), ("iets anders", True),
                                                ("none of these", True), ("neither", True), ("paspoort", False),
                                                ("geen idee wat ik moet kiezen", False), ("de tweede", False)])
def test_none_of_the_options(text: str, declines: bool) -> None:
    assert none_of_these(text) is declines


@pytest.mark.parametrize(("text", "announces"), [
    ("ik heb een vraag", True), ("Hallo, ik heb een vraagje", True), ("mag ik iets vragen?", True),
    ("goedemorgen ik heb een paar vragen", True), ("hi, I have a question", True), ("can I ask something?", True),
    ("ik heb een vraag over mijn paspoort", False), ("vraag over de hondenbelasting", False),
    ("i have a question about parking", False), ("mag ik een boom kappen", False)])
def test_a_question_announced(text: str, announces: bool) -> None:
    assert announces_question(text) is announces


@pytest.mark.parametrize(("text", "asks"), [
    ("ik wil een klacht indienen over een medewerker", False), ("klacht over medewerker", False),
    ("ik wil iemand spreken over een medewerker", True), ("kan ik een medewerker spreken over mijn klacht", True),
    ("ik wil een klacht indienen, jullie medewerker was onbeschoft", False),
    ("I want to complain, your employee was rude to me", False),
    ("de medewerker zei dat ik moest bellen, ik wil een medewerker spreken", True),
    ("Een medewerkster van de Thuiszorg kwam thuis langs om te bespreken welke hulp ik nodig had en het werd "
     "geregeld. In het begin kreeg ik om de week drie uur hulp.", False),
    ("Ik heb al drie keer gebeld over mijn aanslag en niemand kan mij helpen, ik wil nu met een medewerker "
     "praten over mijn situatie", True)])
def test_staff_as_the_subject_or_in_a_story_is_no_person_request(text: str, asks: bool) -> None:
    assert asks_for_person(text) is asks


@pytest.mark.parametrize(("text", "how"), [
    ("wat kan ik doen", True), ("Wat moet ik doen?", True), ("hoe doe ik dat", True), ("hoe werkt dat?", True),
    ("what should I do?", True), ("how does that work", True), ("wat moet ik nu regelen?", True),
    ("wat moeten we allemaal regelen", True), ("what do I need to arrange now?", True),
    ("wat moet ik regelen voor mijn verhuizing", False),
    ("wat kan ik doen aan geluidsoverlast", False), ("wat moet ik doen als mijn paspoort kwijt is", False),
    ("hoe werkt de afvalpas", False), ("wat kost dat", False), ("en nu?", False),
    ("wat nu?", True), ("what now?", True), ("so what happens now", True), ("kan de gemeente helpen?", True), ("can you help me with that?", True),
    ("kan de gemeente helpen met mijn schulden?", False), ("wat nu met mijn paspoort", False)])
def test_how_to_go_about_the_topic(text: str, how: bool) -> None:
    assert asks_how(text) is how


@pytest.mark.parametrize(("text", "previous", "topic", "kinds"), [
    ("moet ik zijn paspoort inleveren?", None, "overlijden", ["overlijden"]),  # after the death's own topic
    ("en haar parkeervergunning?", "overlijden", "paspoort", ["overlijden"]),  # after a death's variant
    ("moet ik mijn paspoort inleveren?", None, "overlijden", []),  # the resident's own things
    ("en zijn rijbewijs?", None, "paspoort", []),  # no death in the conversation
    ("en zijn paspoort?", "kwijt_buitenland", "paspoort", []),  # a loss abroad is not carried
    ("I was on holiday in Spain", details.LOSS, "paspoort", ["kwijt_buitenland"]),  # where the loss was
    ("ik ben nu in Spanje", None, "paspoort", []),  # no loss told before
])
def test_a_death_carries_over_to_questions_about_the_deceaseds_things(
        text: str, previous: str | None, topic: str, kinds: list[str]) -> None:
    assert details.carried(text, previous, topic) == kinds


@pytest.mark.parametrize(("text", "asks"), [
    ("Hoe verleng ik mijn paspoort en wat kost het?", True), ("How do I renew my passport and how much is it?", True),
    ("hoe vraag ik een parkeervergunning aan en wat kost dat", True), ("hoe lang duurt het?", False),
    ("hoe duur is een paspoort", False), ("wat kost een paspoort?", False), ("how long does it take", False),
])
def test_a_question_that_also_asks_how_to_go_about_its_topic(text: str, asks: bool) -> None:
    assert followups.asks_how_to(text) is asks


@pytest.mark.parametrize(("text", "contextual"), [
    ("kost dat geld?", True), ("moet ik daarvoor betalen?", True), ("moet ik betalen?", True),
    ("is dat gratis?", True), ("do I have to pay for it?", True), ("kost dat iets?", True),
    ("hoeveel is het", True), ("hoeveel is dat dan?", True),
    ("moet ik betalen voor hondenbelasting?", False), ("wat kost een paspoort", False)])
def test_paying_is_a_question_about_costs(text: str, contextual: bool) -> None:
    # Without a cue, "geld" and "betalen" went to the matcher: bijzondere bijstand, hondenbelasting.
    assert followups.detect(text) == "kosten"
    assert followups.is_contextual(text) is contextual


@pytest.mark.parametrize(("text", "asks"), [
    ("hoe lang is die geldig?", True), ("En hoe lang is het dan geldig?", True), ("wanneer verloopt hij?", True),
    ("how long is it valid?", True), ("hoe lang is een paspoort geldig", False), ("hoe lang duurt het?", False)])
def test_how_long_a_document_is_valid_is_not_how_long_it_takes(text: str, asks: bool) -> None:
    assert asks_validity(text) is asks
    assert followups.detect(text) != "duur" or not asks


@pytest.mark.parametrize("text", ["wat kan de gemeente doen?", "wat kan de gemeente daaraan doen", "wat doet de gemeente ermee?",
                                  "what can the municipality do about it?"])
def test_what_the_municipality_can_do_is_the_topics_how(text: str) -> None:
    assert asks_how(text)


@pytest.mark.parametrize(("text", "frustrated"), [
    ("dit slaat nergens op", True), ("je bent echt een waardeloze bot", True), ("stomme bot", True),
    ("dat klopt niet", True), ("this is useless", True), ("you don't understand me", True),
    ("mijn aanslag klopt niet", False), ("het leven is zinloos", False), ("wat kost een paspoort", False)])
def test_frustration_with_the_bot(text: str, frustrated: bool) -> None:
    assert is_frustrated(text) is frustrated


@pytest.mark.parametrize(("text", "asks"), [
    ("en voor mijn man?", True), ("And my wife?", True), ("en mijn moeder dan?", True), ("what about my husband", False),
    ("and what about my husband?", True), ("en voor mijn dochter?", False),  # a child: the `kind` follow-up
    ("mijn man", False), ("en mijn man is ziek, kan hij thuis stemmen?", False)])
def test_the_topic_for_someone_else(text: str, asks: bool) -> None:
    assert followups.asks_for_someone_else(text) is asks


def test_without_the_other_adult_named() -> None:
    assert followups.without_someone_else("voor mijn moeder, ze") == ", ze"
    assert followups.without_someone_else("namens mijn man") == ""
    assert followups.without_someone_else("voor mijn dochter") == "voor mijn dochter"


def test_what_a_message_says_besides_a_details_words() -> None:
    words = ["uitkering*", "bijstand"]
    assert phrases.without("Ik heb een uitkering, kan ik bijzondere bijstand krijgen?", words) == (
        "ik heb een kan ik bijzondere krijgen")
    assert followups.is_contextual(phrases.without("ik heb een uitkering", words))


@pytest.mark.parametrize(("text", "goes_on"), [
    ("en als het meer dan 100 mensen zijn?", True), ("maar wat als ik geen DigiD heb?", True), ("And if it rains?", True),
    ("en", False), ("als het regent", False), ("energietoeslag", False), ("en de afvalstoffenheffing?", False)])
def test_a_question_that_goes_on_from_the_last_answer(text: str, goes_on: bool) -> None:
    assert followups.continues(text) is goes_on


@pytest.mark.parametrize("text", [
    "wat is jouw naam?", "Hoe heet je?", "ben je een robot?", "Ben jij een echt persoon?", "met wie spreek ik?",
    "hallo, wie ben jij eigenlijk?", "praat ik met een computer?", "who am I talking to?", "what's your name?",
    "are you a real person?", "is this a bot?",
])
def test_a_question_about_the_assistant_itself(text: str) -> None:
    assert small_talk.asks_who_the_bot_is(text)


@pytest.mark.parametrize("text", [
    "met wie spreek ik over mijn paspoort?", "wie ben ik?", "ben je er nog?", "wat is uw naam en adres",
    "wat is de naam van de wethouder?", "ik wil niet met een robot praten", "who can I call?",
])
def test_other_questions_are_not_about_the_assistant(text: str) -> None:
    assert not small_talk.asks_who_the_bot_is(text)


@pytest.mark.parametrize("text", ["bel me maar", "Mail me", "mail mij maar", "stuur me een mail", "email me please",
                                  "ok bel me dan", "neem maar contact met me op", "e-mail me"])
def test_a_message_that_only_asks_to_be_contacted_is_a_callback_request(text: str) -> None:
    assert contacts.asks_to_be_contacted(text) and asks_for_callback(text)


@pytest.mark.parametrize("text", [
    # A contact typed with it: no callback of the bare form, so the address is never taken as its contact.
    "mail sanne.visser@example.nl of bel mij", "Mail mij op anouk.devries@example.nl over de afspraak",
    "mail me de link", "ik bel me suf", "bel me maar niet",
])
def test_a_request_to_be_contacted_with_more_in_it_is_not_the_bare_form(text: str) -> None:
    assert not contacts.asks_to_be_contacted(text)


@pytest.mark.parametrize("text", ["hoe snel heb ik een nieuwe?", "how quickly can I get a new one?"])
def test_how_soon_asks_the_duration_and_a_new_one_names_no_subject(text: str) -> None:
    assert "duur" in followups.detect_all(text) and followups.is_contextual(text)
    assert "duur" in followups.detect_all("how soon can I have it?")


@pytest.mark.parametrize("text", ["hoe verleng ik het", "hoe meld ik dat af?", "en hoe vraag ik die aan?", "hoe kom ik eraan?",
                                  "how do I renew it?", "how can I get one?"])
def test_how_to_go_about_the_topic_just_answered(text: str) -> None:
    assert followups.asks_how(text)


@pytest.mark.parametrize("text", ["hoe verleng ik mijn paspoort", "how do I renew my passport?", "hoe lang duurt het"])
def test_how_with_a_subject_of_its_own_is_a_question_for_the_matcher(text: str) -> None:
    assert not followups.asks_how(text)


@pytest.mark.parametrize("text", ["kan ik bellen dan?", "mag ik jullie ook bellen?", "kan ik daarvoor bellen", "can I call you instead?",
                                  "can i phone"])
def test_can_i_call_asks_whom_to_call(text: str) -> None:
    assert contacts.asks_whom_to_call(text)


@pytest.mark.parametrize("text", ["kan ik bellen over mijn paspoort?", "kan ik een afspraak maken", "can i call a taxi"])
def test_calling_about_something_else_is_not_whom_to_call(text: str) -> None:
    assert not contacts.asks_whom_to_call(text)


@pytest.mark.parametrize("text", ["hoe lang duurt het voordat ik iets hoor", "how long before I hear back?",
                                  "hoe lang moet ik wachten op een besluit", "how long till I get an answer"])
def test_waiting_to_hear_back_names_no_subject(text: str) -> None:
    assert followups.is_contextual(text)


def test_a_question_naming_only_its_topic() -> None:
    felling = {"cutting", "down", "a", "tree", "felling", "permit", "boom", "kappen", "kapvergunning"}
    assert followups.names_only("what does the permit cost", felling)
    assert followups.names_only("wat kost de vergunning?", felling)  # the head of "kapvergunning"
    assert not followups.names_only("wat kost een omgevingsvergunning?", felling)
    assert not followups.names_only("wat kost dat?", felling)  # no subject at all: `is_contextual`


@pytest.mark.parametrize("text", ["moet ik dat ook bij de gemeente melden?", "moet ik dat doorgeven?", "moeten we dat aan jullie laten weten",
                                  "do I need to report it?", "how do I book it?"])
def test_must_i_report_it_is_about_what_was_just_told(text: str) -> None:
    assert followups.asks_how(text)


def test_must_i_report_something_named_is_a_question_for_the_matcher() -> None:
    assert not followups.asks_how("moet ik mijn verhuizing melden?")


@pytest.mark.parametrize("text", ["nee hoeft niet", "no thanks", "nee dank je"])
def test_no_thanks_takes_back_a_request_for_a_person(text: str) -> None:
    assert replies.withdraws(text)


@pytest.mark.parametrize("text", ["ik heb mijn nieuwe adres 2 weken geleden doorgegeven maar ik zie het nog niet",
                                  "vorige week mijn verhuizing doorgegeven, klopt het al?"])
def test_a_move_passed_on_weeks_ago_asks_how_it_is_going(text: str) -> None:
    assert details.detect(text) == ["status"]


def test_passing_on_a_move_is_no_status() -> None:
    assert details.detect("ik wil mijn verhuizing doorgeven") == []


def test_someone_helping_is_no_subject_of_its_own() -> None:
    assert followups.is_contextual("hoe snel kan iemand me helpen?")
    assert followups.is_contextual("how soon can someone help me?")
    assert not followups.is_contextual("hoe snel kan iemand mij helpen met mijn schulden?")


def test_the_bot_understanding_nothing_is_frustration() -> None:
    assert reactions.is_frustrated("jullie chatbot snapt er helemaal niks van")
    assert not reactions.is_frustrated("mijn zoon snapt er niks van, kan hij zelf verhuizen?")


def test_children_registered_separately_name_no_subject() -> None:
    assert followups.is_contextual("do the kids need to be registered separately?")
    assert followups.is_contextual("moeten de kinderen apart ingeschreven worden?")


@pytest.mark.parametrize("text", ["kan de gemeente dat betalen?", "betaalt de gemeente dat?", "does the council pay for it?",
                                  "do i need to tell you?"])
def test_paying_for_it_and_telling_you_are_about_the_topic_just_answered(text: str) -> None:
    assert followups.asks_how(text)


@pytest.mark.parametrize(("text", "kinds"), [("and for a 5 year old?", ["kind"]), ("en voor een 5-jarige?", ["kind"]),
                                             ("hoeveel tijd heb ik?", ["termijn"]), ("how much time do i have?", ["termijn"])])
def test_a_child_by_age_and_the_time_left(text: str, kinds: list[str]) -> None:
    assert followups.detect_all(text) == kinds and followups.is_contextual(text)


@pytest.mark.parametrize("text, next_", [
    ("en nu?", True), ("and now?", True), ("en nu dan", True), ("wat nu?", True), ("so what happens now", True),
    ("en nu de kinderen?", False), ("en nu mijn paspoort", False), ("nu", False)])
def test_what_next_after_a_problem_told(text: str, next_: bool) -> None:
    assert followups.asks_what_next(text) is next_


def test_how_much_is_a_subject_is_no_cost_cue() -> None:
    # "hoeveel is het eigen risico": the amount of something named, not the current topic's fee
    assert followups.detect_all("hoeveel is het eigen risico") == []


@pytest.mark.parametrize(("text", "withdrawn"), [
    ("actually never mind", True), ("oh laat maar", True), ("ach laat maar zitten", True), ("laat maar", True),
    ("actually i want a passport", False), ("oh ik wil nog iets vragen", False)])
def test_a_change_of_mind_withdraws(text: str, withdrawn: bool) -> None:
    assert replies.withdraws(text) is withdrawn


@pytest.mark.parametrize(("text", "named"), [
    ("Mijn vader is vorige week overleden en ik moet van alles regelen", True), ("my mum passed away", True),
    ("mijn vader woonde in een verpleeghuis", False), ("de eigenaar is overleden", False)])
def test_a_story_says_who_died(text: str, named: bool) -> None:
    assert details.names_who_died(text) is named


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("the bin wasnt emptied", "the bin wasn't emptied"),
        ("I cant come and they didnt call", "I can't come and they didn't call"),
        ("it wont work, i havent got one, dont know, isnt it", "it won't work, i haven't got one, don't know, isn't it"),
        ("Wasnt", "Wasn't"),
        # not a contraction: English and Dutch words that end the same way
        ("i want a permit", "i want a permit"),
        ("de kant van de weg, het talent", "de kant van de weg, het talent"),
    ],
)
def test_contractions_without_an_apostrophe_read_as_with_one(text: str, spelled: str) -> None:
    assert phrases.with_apostrophes(text) == spelled


def test_contractions_without_an_apostrophe_everywhere_the_dialogue_reads_words() -> None:
    assert phrases.names_any("the glass bin wasnt emptied this week", ["wasn t emptied"])
    assert is_frustrated("you dont understand") and is_frustrated("this didnt help")
    assert details.detect("i cant come to the desk") == ["niet_zelf"]
    assert details.detect("still havent heard anything") == details.detect("still haven't heard anything") == ["status"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("why do you need my postcode?", True),
        ("waarom wil je mijn postcode?", True),
        ("waarom heb je mijn postcode nodig", True),
        ("hoezo?", True),
        ("what do you need it for?", True),
        ("wat moet je daarmee?", True),
        ("waarom duurt het zo lang", False),
        ("waarom is mijn afval niet opgehaald", False),
        ("1234 AB", False),
    ],
)
def test_why_the_bot_asks(text: str, why: bool) -> None:
    assert replies.asks_why(text) is why


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("mijn mail is j.devries@example.nl kunnen jullie het formulier sturen", True),
        ("can you send me the form? anna@example.org", True),
        ("please send the form to piet@example.nl", True),
        # no address or number to send it to, or the resident sends it: no callback of this form
        ("kunnen jullie het formulier sturen", False),
        ("hoe stuur ik het formulier naar jullie op anna@example.org", False),
        ("ik heb de mail van jullie gekregen op anna@example.org", False),
        ("Mail mij op anouk.devries@example.nl over de afspraak", False),
    ],
)
def test_something_asked_to_be_sent_with_the_address_is_a_callback(text: str, asks: bool) -> None:
    assert asks_for_callback(text) is asks


def test_the_contact_given_is_no_topic_to_route_by() -> None:
    assert without_person_request("mijn mail is j.devries@example.nl kunnen jullie het formulier sturen") == "formulier"
    assert without_person_request("can someone mail me about my wmo application? my email is a@b.nl") == "wmo application"


def test_a_child_put_on_the_form_too_names_no_subject_of_its_own() -> None:
    assert followups.detect_all("moet ik de kinderen ook opgeven") == ["kind"]
    assert followups.is_contextual("moet ik de kinderen ook opgeven")
    assert followups.is_contextual("do i need to add the kids too?")
    assert not followups.is_contextual("moet ik mijn kinderen ook aanmelden voor de school")


@pytest.mark.parametrize(("text", "how"), [("hoe dan", True), ("en hoe dan precies?", True), ("how then?", True),
                                           ("hoe dan ook", False), ("hoe dan met mijn paspoort", False)])
def test_how_then_asks_how_about_what_was_just_said(text: str, how: bool) -> None:
    assert asks_how(text) is how


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("tot wanneer kan dat", "termijn"),
        ("kan het al eerder", "termijn"),
        ("wat als ik het vergeet", "termijn"),
        ("when at the latest", "termijn"),
        ("kan het deze week nog", "duur"),
        ("will someone fix it this week", "duur"),
    ],
)
def test_follow_up_cues_in_other_words(text: str, kind: str) -> None:
    assert followups.detect(text) == kind and followups.is_contextual(text)


def test_until_when_it_is_valid_is_no_deadline() -> None:
    assert followups.detect("tot wanneer is mijn paspoort geldig") is None
    assert followups.detect("until when is it valid?") is None
    assert followups.detect("kan ik deze week nog een paspoort aanvragen") is None  # the topic's answer, not its duration


def test_whom_to_call_now_and_how_to_get_one() -> None:
    assert asks_whom_to_call("who do i call right now") and asks_whom_to_call("wie kan ik nu bellen")
    assert asks_how("and how do i get one")
    assert without_person_request("bel me maar op 0612345678") == ""  # nothing left to route by: not "maar op"


def test_a_bare_how_an_app_and_news_in_other_words() -> None:
    assert asks_how("how") and asks_how("hoe?")
    assert followups.detect("kan dat via een app") == "online" and followups.is_contextual("kan dat via een app")
    assert followups.is_contextual("how long before we hear something")


def test_english_without_a_word_of_the_old_list() -> None:
    from core.dialogue import language

    assert language.detect("our dog died last week") == "en"
    assert language.detect("mijn hond is dood") == "nl"


@pytest.mark.parametrize(("text", "whom", "how"), [
    ("oh, who do I call then", True, False), ("hmm, wie kan ik dan bellen", True, False),
    ("who do I talk to about this", True, False), ("nou, met wie kan ik hierover praten?", True, False),
    ("ok en hoe vraag ik een nieuwe aan", False, True), ("oh ok, how do I apply for a new one", False, True),
    ("hoe vraag ik er een aan", False, True),
    # the interjection alone, or with a subject of its own, is no follow-up
    ("ok", False, False), ("oh", False, False), ("ok, wie kan ik bellen over mijn paspoort?", False, False),
    ("ik wil een medewerker spreken", False, False)])
def test_an_interjection_before_a_follow_up(text: str, whom: bool, how: bool) -> None:
    assert asks_whom_to_call(text) is whom
    assert asks_how(text) is how


def test_an_interjection_before_a_question_is_still_a_question() -> None:
    assert clauses.is_question("oh, who do I call then") and clauses.is_question("nou wat kost dat")
    assert not clauses.is_question("ok") and not clauses.is_question("oh ik ben verhuisd")


@pytest.mark.parametrize(("text", "rest"), [
    ("ik heb 6 weken geleden een wmo aanvraag gedaan en nog niks gehoord", "ik heb een wmo aanvraag gedaan en"),
    ("3 weken geleden een bijstand aanvraag gedaan en nog steeds geen besluit", "een bijstand aanvraag gedaan en"),
    ("vorige week een melding gedaan over een losse tegel", "een melding gedaan over een losse tegel")])
def test_an_application_done_and_nothing_heard_leaves_the_topic_named(text: str, rest: str) -> None:
    assert details.detect(text) == ["status"]
    assert details.without_cues(text) == rest  # the waiting words out; the topic's word left for the matcher


def test_a_time_ago_without_an_application_is_no_status() -> None:
    assert details.detect("6 weken geleden heb ik een feest gedaan") == []


@pytest.mark.parametrize(("text", "cost"), [
    ("moet ze een eigen bijdrage betalen", True), ("betaal ik dan een eigen bijdrage?", True),
    ("is there a personal contribution", True), ("does she have to pay a personal contribution", True),
    # a question of its own about special assistance for the contribution is no cost question
    ("kan ik bijzondere bijstand krijgen voor de eigen bijdrage", False)])
def test_whether_one_pays_the_own_contribution_is_a_cost_follow_up(text: str, cost: bool) -> None:
    assert (followups.detect(text) == "kosten") is cost
    assert followups.is_contextual(text) is cost


@pytest.mark.parametrize(("text", "again"), [
    ("dit is al de derde keer", True), ("weer niet!", True), ("nou, alweer niet", True),
    ("this is the third time this month", True), ("it keeps happening", True),
    # a question, a wish or a plain "again" is no problem that happens again
    ("again", False), ("is dit de eerste keer?", False), ("ik wil voor de derde keer trouwen", False),
    ("dit is de tweede keer dat ik bel over mijn paspoort", False)])
def test_a_problem_that_happens_again(text: str, again: bool) -> None:
    assert reactions.tells_it_happened_again(text) is again


def test_any_word_of_urgency_is_a_duration_follow_up() -> None:
    assert followups.detect("is er een spoedprocedure") == "duur" and followups.is_contextual("is er een spoedprocedure")


@pytest.mark.parametrize(
    ("text", "unknown"),
    [*((said, True) for said in ("weet ik niet uit mijn hoofd", "geen idee", "nee sorry, ik weet het echt niet",
                                  "ik weet mijn postcode niet", "kweenie", "I don't know it by heart",
                                  "i dont know my postcode", "no idea", "not sure", "vergeten")),
     # a question of its own, an answer, a refusal
     *((said, False) for said in ("ik weet niet hoe laat jullie open zijn", "weet je wanneer het papier wordt opgehaald?",
                                   "1234 AB", "nee"))],
)
def test_not_knowing_what_was_asked(text: str, unknown: bool) -> None:
    assert replies.does_not_know(text) is unknown


@pytest.mark.parametrize(
    ("text", "thanks"),
    [("ok thanks", True), ("oke bedankt", True), ("prima, dank je wel", True), ("ok thx", True), ("ja", False),
     ("ok", False), ("nee", False), ("ok en hoe lang duurt het", False)],
)
def test_a_yes_that_thanks(text: str, thanks: bool) -> None:
    assert small_talk.says_thanks(text) is thanks


@pytest.mark.parametrize(
    ("text", "asked"),
    [("en als ik er twee heb?", (2, False)), ("what if I have two dogs?", (2, False)),
     ("en voor 3 kinderen?", (3, True)), ("two of them", (2, False)),
     ("en voor 3 weken?", None), ("mijn dochter van 8", None), ("kost dat twee euro?", None), ("hoe lang duurt het", None),
     # which zone, not how many: a number after a label, or before a verb that ends like a plural
     ("ik had zone 2 gekozen maar ik stond in zone 5", None), ("I parked in zone 3 but I was in zone 4, is that my fault?", None)],
)
def test_a_count_asked(text: str, asked: tuple[int, bool] | None) -> None:
    assert followups.count_asked(text) == asked


def test_a_change_of_mind_said_in_chat_style() -> None:
    assert replies.withdraws("nvm ill wait till next week")
    assert replies.withdraws("laat maar eigenlijk")
    assert not replies.withdraws("laat maar weten wanneer")  # asks to be told
    assert not replies.withdraws("never mind, when is the paper collected?")  # withdraws_then's
    assert replies.yes_no("eh nee toch niet") == replies.YesNo(False, "toch niet")
    assert replies.yes_no("hmm ja graag") == replies.YesNo(True, "")
    assert replies.does_not_know("weet ik nie")


@pytest.mark.parametrize(
    ("text", "asked"),
    [("can you speak dutch", ("nl", "")), ("kan het in het engels?", ("en", "")), ("english please", ("en", "")),
     ("ok dan in het nederlands, hoe vraag ik een uittreksel aan", ("nl", "hoe vraag ik een uittreksel aan")),
     ("ik spreek geen nederlands", None), ("nederlands paspoort aanvragen", None), ("dutch passport renewal", None)],
)
def test_a_language_asked_for(text: str, asked: tuple[str, str] | None) -> None:
    assert language.language_asked(text) == asked


def test_a_thanks_in_chat_spelling_and_nothing_else() -> None:
    assert small_talk.only_thanks("tnx") and small_talk.only_thanks("ok ty") and small_talk.only_thanks("thx!")
    assert not small_talk.only_thanks("ty for the passport info, how long does it take")


CORRECTIONS = {"oh wacht ik bedoel een bezoekersvergunning": "een bezoekersvergunning",
               "sorry, I meant a visitor permit": "a visitor permit",
               "nee ik bedoelde eigenlijk mijn rijbewijs": "mijn rijbewijs"}


def test_a_correction_and_what_it_means() -> None:
    assert {text: reactions.correction(text) for text in CORRECTIONS} == CORRECTIONS
    assert reactions.correction("wat bedoel je") is None
    assert reactions.correction("hoe vraag ik een bezoekersvergunning aan") is None


@pytest.mark.parametrize(("text", "reading"), [
    ("ik spreek geen nederlands", (True, "")),
    ("I don't speak Dutch", (True, "")),
    ("I dont speak dutch, how do I renew my passport", (True, "how do i renew my passport")),
    ("no hablo holandés", (False, "")),
    ("nie mówię po niderlandzku", (False, "")),
    ("waar kan ik Nederlands leren?", None),
    ("ik heb een Nederlands paspoort", None),
])
def test_no_dutch_spoken(text: str, reading: tuple[bool, str] | None) -> None:
    assert language.speaks_no_dutch(text) == reading


@pytest.mark.parametrize(("text", "dutch"), [
    ("hoe kan ik mijn paspoort verlengen?", True),
    ("wat kost een rijbewijs voor mij", True),
    ("paspoort verlengen", False),  # Dutch topic words, no Dutch sentence
    ("rijbewijs verlengen afspraak", False),
    ("how do I renew my paspoort", False),
    ("ik", False),
])
def test_a_dutch_sentence_is_more_than_dutch_words(text: str, dutch: bool) -> None:
    """After "ik spreek geen nederlands", only a Dutch sentence switches back (DialogueState.no_dutch)."""
    assert language.writes_dutch(text) is dutch


def test_a_greeting_or_goodbye_opens_or_closes_never_goes_on() -> None:
    """Every greeting and goodbye the knowledge base knows can open or close; a message going on from the last one
    ("en voor morgen" after the opening hours) is neither, whatever the matcher reads in "morgen"."""
    import yaml

    root = Path(__file__).resolve().parents[2] / "knowledge"
    examples = [example for name in ("groet", "afscheid")
                for examples in yaml.safe_load((root / f"{name}.yaml").read_text(encoding="utf-8"))["examples"].values()
                for example in examples]
    assert len(examples) > 40 and all(small_talk.opens_or_closes(example) for example in examples)
    for text in ("en voor morgen", "en de dag erna?", "and the day after", "maar op zaterdag", "kan dat volgende week woensdag?",
                 "wat kost het morgen"):
        assert not small_talk.opens_or_closes(text)


def test_a_thanks_then_a_question_is_the_question() -> None:
    assert small_talk.thanks_then("Dank u wel. Wanneer hoor ik iets van u?") == "Wanneer hoor ik iets van u?"
    assert small_talk.thanks_then("thanks when will I hear back") == "when will I hear back"
    assert small_talk.thanks_then("bedankt!") is None
    assert small_talk.thanks_then("Dank u wel, dat was het") is None  # no question after it


def test_doing_it_for_the_person_talked_about() -> None:
    for text in ("kan ik het voor haar aanvragen", "mag ik het voor hem ophalen", "can I do it for her",
                 "kan ik het voor mijn moeder regelen"):
        assert followups.asks_for_someone_else(text), text
    assert not followups.asks_for_someone_else("kan ik een paspoort voor haar aanvragen")  # names its own topic


def test_hearing_back_and_time_left_for_others_are_follow_ups() -> None:
    assert followups.detect_all("Wanneer hoor ik iets van u?") == ["duur"]
    assert followups.detect_all("when will I hear back?") == ["duur"]
    assert "termijn" in followups.detect_all("en hoeveel tijd hebben ze")


def test_whether_the_gemeente_can_do_something_is_how() -> None:
    assert followups.asks_how("ok en kan de gemeente er iets aan doen")
    assert followups.asks_how("can the council do anything about it")
    assert not followups.asks_how("kan de gemeente mijn paspoort opsturen")


def test_a_danger_told_in_a_short_message() -> None:
    assert reactions.tells_danger("it's really dangerous, cyclists fall there")
    assert reactions.tells_danger("het is echt gevaarlijk")
    assert not reactions.tells_danger("wat kost een melding")


@pytest.mark.parametrize(("text", "asks"), [
    ("wanneer bellen jullie dan?", True), ("wanneer hoor ik wat", True), ("hoe lang duurt het voor ik iets hoor", True),
    ("when will you call me back?", True), ("when will I hear back", True), ("Wanneer hoor ik iets van u?", True),
    ("wanneer is het gemeentehuis open", False), ("hoe lang duurt een paspoort", False), ("when do you open", False),
])
def test_when_the_promised_callback_comes(text: str, asks: bool) -> None:
    """After a callback was arranged, such a question gets the promise again (current_topic)."""
    assert contacts.asks_when_contacted(text) is asks


def test_doing_it_for_someone_asked_the_other_way_round() -> None:
    for text in ("moet hij dat zelf aanvragen of kan ik dat doen", "moet zij zich zelf inschrijven of kan ik dat doen",
                 "does she have to do it herself or can I do it"):
        assert followups.asks_for_someone_else(text) and followups.does_it_for(text)
    assert not followups.asks_for_someone_else("moet ik dat zelf doen")
    assert followups.asks_for_someone_else("en voor mijn man?") and not followups.does_it_for("en voor mijn man?")


def test_what_they_need_and_our_children_are_follow_ups() -> None:
    assert followups.detect_all("wat heeft ze daarvoor nodig") == ["meenemen"]
    assert followups.is_contextual("wat heeft ze daarvoor nodig")
    assert followups.detect_all("en onze kinderen?") == ["kind"] and followups.is_contextual("en onze kinderen?")
    assert clauses.is_question("hebben we een vergunning nodig")


def test_a_pets_death_in_dutch_is_dutch_and_no_persons_death() -> None:
    for text in ("onze kat Tijger is vannacht overleden", "onze poes Minoes is vanmorgen ingeslapen"):
        assert not language.neither(text) and language.detect(text) == "nl"
    assert details.detect("gisteravond is onze teckel Guus overleden") == ["dier_overleden"]
    assert "overlijden" in details.detect("mijn vader, een oude herder, is overleden")


@pytest.mark.parametrize("text", ["onze labrador is vannacht doodgegaan", "our golden retriever died last night",
                                  "gisteren is onze stabij ingeslapen", "mijn hond is dood"])
def test_a_dog_by_its_breed_is_a_dog_that_died(text: str) -> None:
    assert details.detect(text) == ["dier_overleden"]
    assert details.home_topic("dier_overleden", text) == details.DOG_TOPIC


@pytest.mark.parametrize("text", ["ons konijn is dood", "onze kat is vannacht overleden", "our budgie died"])
def test_another_pet_that_died_has_no_topic(text: str) -> None:
    assert details.detect(text) == ["dier_overleden"]
    assert details.home_topic("dier_overleden", text) is None


@pytest.mark.parametrize(("text", "asks"), [
    ("moet ik daarvoor langskomen", True), ("moet ik dat opsturen of zelf komen", True),
    ("do I need to come in for that?", True), ("Moet ik daarvoor naar het gemeentehuis komen? Ik ben slecht ter been.", True),
    ("kan ik het ook opsturen", True), ("moet mijn vader zelf komen", True),
    ("moet ik een afspraak maken", False), ("wanneer kan ik langskomen bij de milieustraat", False),
])
def test_in_person_by_post_or_online_asked(text: str, asks: bool) -> None:
    assert followups.asks_way(text) is asks


@pytest.mark.parametrize(("text", "adds"), [
    ("met mn vriend samen", True), ("samen met mijn vriendin", True), ("voor mijn moeder", True),
    ("with my wife", True), ("met mijn vriend naar de film", False), ("mijn moeder is overleden", False),
])
def test_a_companion_added_in_a_few_words(text: str, adds: bool) -> None:
    assert followups.adds_companion(text) is adds


@pytest.mark.parametrize(("text", "place"), [
    ("in spanje", True), ("in Barcelona", True), ("op het vliegveld", True), ("naar canada", True), ("portugal", True),
    ("in juni", False), ("in amsterdam wil ik wonen", False), ("ik was in spanje en toen werd mijn tas gestolen", False),
])
def test_a_place_told_alone(text: str, place: bool) -> None:
    assert details.names_only_a_place(text) is place


def test_a_child_told_of_is_who_her_refers_to() -> None:
    assert followups.tells_of_a_young_child("mijn dochter is gisteren geboren, hoe doe ik aangifte")
    assert followups.tells_of_a_young_child("ons zoontje van 3")
    assert not followups.tells_of_a_young_child("mijn dochter woont in Duitsland")
    assert followups.by_pronoun("en kan ik meteen een paspoort voor haar aanvragen")
    assert not followups.by_pronoun("haar is lang")
    assert followups.names_an_adult("en mijn moeder wil ook een id-kaart")


@pytest.mark.parametrize(("text", "prefers"), [
    ("nee niet bellen, mailen", True), ("liever per mail", True), ("not by phone, email me please", True),
    ("nee", False), ("nee niet bellen", False), ("nee dank je, ik bel zelf wel", False), ("wanneer bellen jullie", False),
])
def test_a_way_to_be_contacted_chosen(text: str, prefers: bool) -> None:
    assert contacts.prefers_a_way(text) is prefers


@pytest.mark.parametrize(("text", "about"), [
    ("over mijn aanslag", True), ("gaat over bijstand", True), ("it's about my parking permit", True),
    ("het gaat om mijn paspoort", True), ("ja", False), ("wat kost een paspoort", False),
])
def test_what_a_callback_is_about(text: str, about: bool) -> None:
    assert contacts.tells_what_about(text) is about


@pytest.mark.parametrize(("text", "how"), [
    ("moet ik dat zelf doen?", True), ("krijg ik dan nog geld terug", True), ("wie mag die aanvragen", True),
    ("do I get my money back", True), ("wie is de burgemeester", False), ("krijg ik een nieuwe pas", False),
])
def test_who_does_it_and_a_refund_are_the_topics_answer(text: str, how: bool) -> None:
    assert asks_how(text) is how


def test_a_photo_asked_is_what_to_bring() -> None:
    assert followups.detect("pasfoto nodig?") == "meenemen"
    assert followups.detect("foto nodig?") == "meenemen"


@pytest.mark.parametrize(("text", "said"), [
    ("ik snap het niet, hoe ruil ik mijn container om", True), ("i dont understand, where do i register", True),
    ("dat is me nog steeds niet duidelijk", True), ("ik snap hoe het werkt", False), ("wat kost een paspoort", False),
])
def test_an_answer_not_understood(text: str, said: bool) -> None:
    assert reactions.not_understood(text) is said


def test_what_to_take_somewhere_is_what_to_bring_not_how_long() -> None:
    assert followups.detect_all("what do I need to take to the Marechaussee?") == ["meenemen"]
    assert followups.detect_all("what should we take to the town hall") == ["meenemen"]
    assert followups.detect_all("how long does it take to get a new one?") == ["duur"]
    assert followups.detect_all("how much time will it take to process") == ["duur"]

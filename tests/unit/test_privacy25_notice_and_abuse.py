"""Personal data typed into the chat and abuse (session 25): the redaction of medical details and of document numbers
(`core.privacy`), the notice that a BSN, IBAN, document number or medical detail need not be shared
(`core.dialogue.notices`), and the calm boundary for swearing at the bot or at staff (`core.dialogue.abuse`)."""
from __future__ import annotations

import pytest

from core.dialogue.abuse import read as read_abuse
from core.models import Handover, HandoverStatus, Role
from core.privacy import MEDICAL, normalise, redact, sensitive_kinds
from core.staff import StaffIdentity, StaffService
from engine_support import Harness, chat, compiled, make_harness, texts  # noqa: F401 (fixtures)

NOTICE_NL = "U hoeft in deze chat geen"
NOTICE_EN = "There is no need to give"
BOUNDARY_NL = "ik vraag u om niet te schelden"


def a_person_has_it(chat: Harness, *, waiting: bool = False) -> None:
    """A conversation about the passport that a member of staff has taken (a live handover, claimed), or (`waiting`)
    that waits for one, nobody having taken it yet."""
    chat.say("hoe verleng ik mijn paspoort?")
    conversation = chat.conversation()
    conversation.handover = Handover(status=HandoverStatus.WAITING if waiting else HandoverStatus.LIVE, team="kcc",
                                     reason="asked", requested_at=chat.clock(), claimed_by=None if waiting else "sanne")
    chat.store.save(conversation, conversation.version)


# ---- redaction -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ik heb diabetes en kan niet goed lopen",
    "mijn moeder heeft dementie, welke hulp is er",
    "mijn zoon met autisme zoekt een school",
    "ik heb al jaren last van een angststoornis",
    "hij is depressief en heeft schulden",
    "ik ben kankerpatiënt",
    "ik heb borstkanker gehad, kan ik kwijtschelding krijgen",
    "my husband has cancer, can we get help",
    "I was diagnosed with bipolar disorder last year",
])
def test_a_medical_detail_said_of_someone_is_redacted(text: str) -> None:
    redacted = redact(text)
    assert MEDICAL in redacted and redact(redacted) == redacted
    assert sensitive_kinds(text) == ["medical"]


@pytest.mark.parametrize("text", [
    "hulp bij dementie", "is er dagbesteding voor ouderen", "ik heb een beperking en zoek een parkeerkaart",
    "kankerbot", "krijg de kanker", "wat is de wmo", "my child has a school trip",
])
def test_a_condition_named_in_general_or_a_swear_word_is_no_medical_detail(text: str) -> None:
    assert redact(text) == normalise(text)
    assert sensitive_kinds(text) == []


@pytest.mark.parametrize("text", [
    "Heeft ze een id-kaart nodig voor een reis naar Duitsland?",
    "hoi mijn dochter van 8 heeft een paspoort nodig voor de vakantie",
    "mijn rijbewijs nodig voor de aanvraag",
])
def test_nodig_after_a_document_is_no_document_number(text: str) -> None:
    """The document cue read "paspoort no" in "paspoort nodig" and redacted the words after it."""
    assert redact(text) == normalise(text)


@pytest.mark.parametrize(("text", "kinds"), [
    ("mijn bsn is 123456782, klopt mijn adres nog?", ["bsn"]),
    ("mijn rekeningnummer is NL91 ABNA 0417 1643 00", ["iban"]),
    ("paspoortnummer: NW1K2LP93", ["document"]),
    ("bsn 123456782 en IBAN NL91ABNA0417164300", ["bsn", "iban"]),
    ("bel me op 0612345678", []),  # a phone number for a callback is no reason for the notice
    ("mijn bsn is [BSN]", []),  # the placeholder typed by the resident
])
def test_sensitive_kinds(text: str, kinds: list[str]) -> None:
    assert sensitive_kinds(text) == kinds


# ---- the notice in the dialogue ------------------------------------------------------------------------------------


def test_the_notice_follows_the_answer_once_a_conversation(chat: Harness) -> None:
    first = chat.say("mijn bsn is 123456782, hoe verleng ik mijn paspoort?")
    said = [message.text for message in first.messages]
    assert first.intent == "paspoort"
    notice = next(index for index, text in enumerate(said) if text.startswith(NOTICE_NL))
    assert "BSN" in said[notice] and "niet bewaard" in said[notice]
    answer = next(index for index, message in enumerate(first.messages) if message.text and "paspoort" in message.text.lower()
                  and not message.text.startswith(NOTICE_NL))
    assert answer < notice
    again = chat.say("en mijn paspoortnummer is NW1K2LP93")
    assert NOTICE_NL not in texts(again)
    stored = "\n".join(entry.text for entry in chat.conversation().transcript)
    assert "123456782" not in stored and "NW1K2LP93" not in stored
    assert chat.counts()["privacy_notice"] == 1 and chat.counts()["privacy_notice:bsn"] == 1


def test_the_notice_is_in_the_conversations_language_and_names_each_kind(chat: Harness) -> None:
    reply = chat.say("my BSN is 123456782 and my bank account NL91ABNA0417164300, how do I renew my passport?")
    notice = next(message.text for message in reply.messages if message.text.startswith(NOTICE_EN))
    assert "citizen service number (BSN) or your bank account number" in notice


def test_the_notice_comes_after_crisis_help(chat: Harness) -> None:
    reply = chat.say("ik wil niet meer leven. mijn bsn is 123456782")
    said = [message.text for message in reply.messages]
    assert "113" in said[0] or "113" in said[1]
    crisis = next(index for index, text in enumerate(said) if "113" in text)
    notice = next(index for index, text in enumerate(said) if text.startswith(NOTICE_NL))
    assert crisis < notice == len(said) - 1


def test_no_notice_for_a_button_or_ordinary_text(chat: Harness) -> None:
    assert NOTICE_NL not in texts(chat.say("hoe verleng ik mijn paspoort?"))
    assert NOTICE_NL not in texts(chat.press("feedback:yes"))


def test_the_notice_while_a_person_has_the_conversation(chat: Harness) -> None:
    """The bot is silent for a person's chat, but the member of staff does not see the number either."""
    a_person_has_it(chat)
    reply = chat.say("mijn bsn is 123456782")
    assert [message.text[: len(NOTICE_NL)] for message in reply.messages] == [NOTICE_NL]
    assert chat.conversation().transcript[-2].text == "mijn bsn is [BSN]"


# ---- abuse ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "rest"), [
    ("jullie zijn allemaal idioten", ""),
    ("kut bot, waar kan ik mijn grofvuil kwijt", "waar kan ik mijn grofvuil kwijt"),
    ("fuck you", ""),
    ("stomme robot, ik wil een paspoort aanvragen", "ik wil een paspoort aanvragen"),
    ("jullie ambtenaren zijn echt waardeloze klootzakken", ""),
    ("stelletje sukkels. wanneer wordt het afval opgehaald?", "wanneer wordt het afval opgehaald?"),
    ("you idiots, how do I renew my passport?", "how do I renew my passport?"),
    ("wat een kutgemeente", ""),
    ("hou je bek", ""),
    ("kanker!!", ""),
])
def test_abuse_at_the_bot_or_staff_is_read_with_the_rest(text: str, rest: str) -> None:
    found = read_abuse(text)
    assert found is not None and found.rest == rest


@pytest.mark.parametrize("text", [
    "kut, mijn paspoort is verlopen", "shit", "mijn buurman is een klootzak, hij dumpt zijn afval", "jullie zijn waardeloos",
    "schandalig", "klotebrief van de belasting", "ik ben een idioot, ik ben mijn paspoort vergeten", "hoe dom ben ik",
    "ik heb kanker", "what the fuck",
])
def test_venting_outrage_and_names_for_others_are_not_abuse(text: str) -> None:
    assert read_abuse(text) is None


def test_abuse_gets_a_boundary_then_the_matter(chat: Harness) -> None:
    chat.say("hallo")
    alone = chat.say("jullie zijn allemaal idioten")
    assert texts(alone).count(BOUNDARY_NL) == 1 and "Wat is uw vraag?" in texts(alone)
    assert "Daar kan ik u niet mee helpen" not in texts(alone)
    with_matter = chat.say("stomme robot, hoe verleng ik mijn paspoort?")
    assert with_matter.intent == "paspoort"
    assert with_matter.messages[0].text == "Ik help u graag, maar ik vraag u om niet te schelden."
    assert chat.conversation().state.abusive == 2
    # the transcript keeps what was said: staff who take over read it
    assert any("idioten" in entry.text for entry in chat.conversation().transcript if entry.role == Role.RESIDENT)


def test_swearing_in_english_keeps_a_dutch_conversation_dutch(chat: Harness) -> None:
    chat.say("hoe verleng ik mijn paspoort?")
    reply = chat.say("fuck you")
    assert reply.language == "nl" and BOUNDARY_NL in texts(reply)


def test_an_english_curse_as_the_first_message_chooses_no_language(chat: Harness) -> None:
    reply = chat.say("fuck you")
    assert reply.language == "nl" and BOUNDARY_NL in texts(reply)
    assert chat.say("fuck you, how do I renew my passport?", conversation_id=None).language == "en"


def test_crisis_help_wins_over_an_insult(chat: Harness) -> None:
    reply = chat.say("jullie zijn allemaal idioten, ik wil niet meer leven")
    assert "113" in texts(reply)
    assert BOUNDARY_NL not in texts(reply)
    assert chat.conversation().state.abusive == 0


def test_abuse_while_a_person_has_the_conversation_is_marked_not_answered(chat: Harness) -> None:
    a_person_has_it(chat)
    reply = chat.say("jullie zijn allemaal idioten")
    assert reply.messages == []
    assert chat.conversation().state.abusive == 1


def test_abuse_while_waiting_for_a_person_gets_the_boundary_not_thanks(chat: Harness) -> None:
    a_person_has_it(chat, waiting=True)
    reply = chat.say("kutbot")
    assert texts(reply).startswith("Ik help u graag, maar ik vraag u om niet te schelden. U wacht op een medewerker")
    assert "Dank u" not in texts(reply) and chat.conversation().state.abusive == 1
    assert texts(chat.say("hoe lang duurt het nog?")).startswith("Er is nog geen medewerker")


def test_staff_see_that_a_conversation_was_abusive(compiled) -> None:
    chat = make_harness(compiled)
    chat.say("kutbot, ik wil een medewerker spreken")
    chat.say("ik wil een medewerker spreken")
    conversation = chat.conversation()
    staff = StaffService(store=chat.store, knowledge=chat.engine.knowledge, tickets=None, clock=chat.clock)  # type: ignore[arg-type]
    who = StaffIdentity.from_claims({"custom:tenant": "alpha", "custom:teams": "*", "sub": "sanne"})
    view = staff.conversation(who, conversation.id)
    assert view.abusive == conversation.state.abusive >= 1
    assert '"abusive":' in view.model_dump_json(by_alias=True)
    assert conversation.handover is not None
    listed = staff.list_handovers(who, conversation.handover.status.value)
    assert [item.abusive for item in listed if item.conversation_id == conversation.id] == [view.abusive]



# ---- an identifier told for the reader does not hide the question ----------------------------------------------


@pytest.mark.parametrize(("text", "left"), [
    ("my bank account is NL91ABNA0417164300, how do I renew my passport?", "how do I renew my passport?"),
    ("mijn rekeningnummer is NL91 ABNA 0417 1643 00, kan ik een betalingsregeling krijgen?",
     "kan ik een betalingsregeling krijgen?"),
    ("mijn paspoortnummer is NW1K2LP93, hoe verleng ik mijn paspoort?", "hoe verleng ik mijn paspoort?"),
])
def test_an_iban_or_document_number_for_the_reader_is_stripped_before_matching(text: str, left: str) -> None:
    from core.matcher.segment import strip_courtesy

    assert strip_courtesy(text).text.strip(" ,") == left

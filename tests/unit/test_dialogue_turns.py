"""The dialogue's decisions turn by turn: crisis help first in every state, context
(typed answers to the last question, follow-ups, details, several topics), routing,
honest promises, less noise, tenant facts and effects carried out after the write."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from engine_support import (  # noqa: F401 - compiled and chat are fixtures
    MONDAY_MORNING,
    SATURDAY_EVENING,
    Harness,
    RecordingTimeouts,
    ScriptedMatcher,
    chat,
    compiled,
    make_harness,
    payloads,
    texts,
)
from handover_support import BrokenTicketQueue

from channels import whatsapp as wa
from core.dialogue import details, followups
from core.dialogue.state import CallbackFlow, GuideFlow
from core.effects import QueueTicket, ScheduleHandoverTimeout, effect_id
from core.errors import VersionConflict
from core.matcher import Alternative, Classification, Part
from core.memory import InMemoryConversationStore
from core.messaging.events import Address
from core.models import Channel, HandoverStatus, InboundKind, InboundMessage

SUICIDE, VIOLENCE, HOMELESS = "ik wil niet meer leven", "mijn man slaat me", "ik ben dakloos"


def answer(intent: str, score: float = 0.95) -> Classification:
    return Classification(intent, score, [], "answer")


# ---- crisis help: first, in every state, at every hour ------------------------------------------


@pytest.mark.parametrize("moment", [MONDAY_MORNING, SATURDAY_EVENING])
@pytest.mark.parametrize(
    ("text", "numbers", "kind"),
    [(SUICIDE, ["113", "0800-0113", "113.nl", "112"], "suicide"), (VIOLENCE, ["Veilig Thuis", "0800-2000", "112"], "violence"),
     ("I don't want to live anymore", ["113", "0800-0113", "113.nl", "112"], "suicide")],
)
def test_crisis_help_gives_the_right_numbers_at_every_hour(compiled, moment: datetime, text: str,
                                                             numbers: list[str], kind: str) -> None:
    chat = make_harness(compiled, moment)
    reply = chat.say(text)
    first = reply.messages[0].text
    assert all(number in first for number in numbers)
    assert "digitale assistent" in first or "digital assistant" in first  # still says what it is
    assert chat.counts()["crisis"] == 1 and "fallback" not in chat.counts()
    if moment == MONDAY_MORNING:
        assert payloads(reply) == [f"handover:urgent-{kind}", "handover:no"]  # the kind rides on the button
    else:  # no promise of staff at night: the numbers are there day and night
        assert payloads(reply) == [] and "medewerker" not in first


def test_homelessness_points_to_the_tenants_shelter_desk(compiled) -> None:
    beta = make_harness(compiled, SATURDAY_EVENING, tenant="beta")
    reply = beta.say(HOMELESS)
    assert "de Nachtopvang Beta" in texts(reply) and "14 0999" in texts(reply)
    assert [link.url for link in reply.messages[0].links] == ["https://www.beta.example/opvang"]


def test_without_a_shelter_setting_homelessness_gets_the_municipality_with_honest_hours(compiled) -> None:
    alpha = make_harness(compiled, SATURDAY_EVENING)
    text = texts(alpha.say(HOMELESS))
    assert "14 0123" in text and "De telefoon is nu gesloten" in text and "op maandag 7 december" in text
    assert "0900-8844" in text and "112" in text  # somewhere to turn tonight, not only on Monday
    open_now = texts(make_harness(compiled, MONDAY_MORNING).say(HOMELESS))
    assert "0900-8844" not in open_now


def test_crisis_help_comes_first_inside_a_guided_flow_and_ends_it(chat: Harness) -> None:
    chat.say("wanneer wordt mijn afval opgehaald")
    assert isinstance(chat.conversation().state.flow, GuideFlow)
    reply = chat.say(SUICIDE)
    assert "113" in texts(reply) and chat.conversation().state.flow is None


def test_crisis_help_comes_first_inside_the_callback_flow(compiled) -> None:
    chat = make_harness(compiled, SATURDAY_EVENING)
    chat.say("paspoort")
    chat.say("medewerker")
    assert isinstance(chat.conversation().state.flow, CallbackFlow)
    assert "0800-2000" in texts(chat.say(VIOLENCE))
    assert chat.conversation().state.flow is None and chat.tickets.sent == []


@pytest.mark.parametrize("claimed", [False, True])
def test_crisis_help_is_given_during_a_handover_and_marks_it_urgent(chat: Harness, claimed: bool) -> None:
    chat.say("ik wil een mens spreken")
    if claimed:
        conversation = chat.conversation()
        conversation.handover.status = HandoverStatus.LIVE
        chat.store.save(conversation, conversation.version)
    reply = chat.say(SUICIDE)  # the bot is silent during a handover, except for this
    assert "113" in texts(reply) and not [p for p in payloads(reply) if p.startswith("handover:urgent")]
    assert chat.conversation().handover.urgent and chat.conversation().handover.crisis == "suicide"
    chat.say(VIOLENCE)  # a later crisis keeps the first kind: staff were told that one
    assert chat.conversation().handover.crisis == "suicide"


# "handover:urgent" without a kind: a button shown before the kind rode on it (the open offer names it).
@pytest.mark.parametrize("accept", [("press", "handover:urgent-violence"), ("press", "handover:urgent"), ("say", "ja")])
def test_in_office_hours_crisis_help_offers_an_urgent_person(compiled, accept: tuple[str, str]) -> None:
    beta = make_harness(compiled, MONDAY_MORNING, tenant="beta")
    beta.say(VIOLENCE)
    reply = beta.press(accept[1]) if accept[0] == "press" else beta.say(accept[1])
    handover = beta.conversation().handover
    assert reply.handover is not None and reply.handover.status == "live"
    assert handover.status == HandoverStatus.WAITING and handover.urgent and handover.team == "kcc"
    assert handover.crisis == "violence"  # the kind goes with it, for the staff's dashboard


def test_a_handover_asked_for_without_crisis_has_no_crisis_kind(chat: Harness) -> None:
    chat.say("ik wil een mens spreken")
    handover = chat.conversation().handover
    assert handover is not None and not handover.urgent and handover.crisis is None


# ---- typed answers to the last question -------------------------------------------------------------


def test_typed_no_after_was_dit_nuttig_is_feedback_not_goodbye(chat: Harness) -> None:
    chat.say("paspoort")
    reply = chat.say("nee")
    assert "Jammer dat dit niet hielp" in texts(reply) and "handover:request" in payloads(reply)
    assert chat.counts()["feedback_not_helpful:paspoort"] == 1


def test_typed_yes_after_was_dit_nuttig_thanks(chat: Harness) -> None:
    chat.say("paspoort")
    assert "Dank u wel" in texts(chat.say("ja hoor"))
    assert chat.counts()["feedback_helpful"] == 1


def test_no_with_a_new_question_counts_the_feedback_and_answers_the_question(chat: Harness) -> None:
    chat.say("paspoort")
    reply = chat.say("nee, ik bedoel een identiteitskaart")
    assert reply.intent == "id-kaart" and "Jammer" not in texts(reply)
    assert chat.counts()["feedback_not_helpful:paspoort"] == 1


def test_feedback_is_asked_once_per_topic(chat: Harness) -> None:
    assert "Was dit nuttig?" in texts(chat.say("paspoort"))
    assert "Was dit nuttig?" not in texts(chat.say("wat kost dat?"))
    assert "Was dit nuttig?" in texts(chat.say("identiteitskaart"))
    assert "Was dit nuttig?" not in texts(chat.say("paspoort"))


def test_a_bare_yes_or_no_with_nothing_asked_is_not_a_miss(chat: Harness) -> None:
    chat.say("paspoort")
    chat.press("feedback:yes", "👍 Ja")
    assert texts(chat.say("ja")) == "Wat is uw vraag?"
    assert "andere vraag" in texts(chat.say("nee"))
    assert "fallback" not in chat.counts()


@pytest.fixture
def ambiguous(compiled) -> Harness:
    both = Classification("paspoort", 0.55, [Alternative("id-kaart", 0.45), Alternative("groet", 0.3)], "clarify")
    return make_harness(compiled, matcher=ScriptedMatcher({"reisdocument": both}, compiled["alpha"].matcher))


def test_bedoelt_u_has_two_topics_and_something_else(ambiguous: Harness) -> None:
    reply = ambiguous.say("reisdocument")
    assert payloads(reply)[-3:] == ["intent:paspoort", "intent:id-kaart", "choice:other"]


@pytest.mark.parametrize("typed", ["2", "de tweede", "nummer 2"])
def test_a_typed_number_chooses_an_option(ambiguous: Harness, typed: str) -> None:
    ambiguous.say("reisdocument")
    assert ambiguous.say(typed).intent == "id-kaart"
    assert ambiguous.counts()["disambiguation_chosen"] == 1


def test_yes_to_bedoelt_u_asks_which_and_no_asks_for_other_words(ambiguous: Harness) -> None:
    ambiguous.say("reisdocument")
    which = ambiguous.say("ja")
    assert "Welke bedoelt u?" in texts(which) and "intent:id-kaart" in payloads(which)
    assert ambiguous.say("1").intent == "paspoort"
    ambiguous.say("reisdocument")
    assert "andere woorden" in texts(ambiguous.say("nee"))
    ambiguous.say("reisdocument")
    assert "andere woorden" in texts(ambiguous.press("choice:other", "Iets anders"))


def test_yes_to_the_offer_of_a_person_in_office_hours_waits_live(chat: Harness) -> None:
    chat.say("vertel een mop over voetbal")
    chat.say("wat is de hoofdstad van Peru")
    reply = chat.say("ja graag")
    assert reply.handover is not None and reply.handover.status == "live" and reply.handover.team == "kcc"


def test_at_night_the_offer_names_the_callback_and_yes_goes_straight_to_the_contact(compiled) -> None:
    chat = make_harness(compiled, SATURDAY_EVENING)
    chat.say("vertel een mop over voetbal")
    offer = chat.say("wat is de hoofdstad van Peru")
    assert "geen medewerkers aan het werk" in texts(offer) and "op maandag 7 december vanaf 8.30 uur" in texts(offer)
    asked = chat.say("ja")
    assert texts(asked) == "Hoe kunnen we u bereiken? Typ uw telefoonnummer of e-mailadres."
    queued = chat.say("06 12345678")
    assert queued.handover is not None and queued.handover.status == "queued"
    assert [ticket.contact for ticket in chat.tickets.sent] == ["+31612345678"]


@pytest.mark.parametrize("typed", ["ja, bel me op 06-12345678", "06 12345678", "mail me: jan@example.nl"])
def test_a_contact_typed_straight_after_the_callback_offer_is_used(compiled, typed: str) -> None:
    chat = make_harness(compiled, SATURDAY_EVENING)
    chat.say("ik wil een medewerker spreken")
    queued = chat.say(typed)
    assert queued.handover is not None and queued.handover.status == "queued" and len(chat.tickets.sent) == 1
    assert "Hoe kunnen we u bereiken" not in texts(queued)


def test_laat_maar_at_night_says_the_phone_is_closed_and_when_it_opens(compiled) -> None:
    chat = make_harness(compiled, SATURDAY_EVENING)
    chat.say("medewerker")
    text = texts(chat.say("laat maar"))
    assert "14 0123" in text and "De telefoon is nu gesloten" in text and "op maandag 7 december vanaf 8.30 uur" in text


# ---- context: follow-ups, details, several topics --------------------------------------------------


def test_kan_dat_ook_online_resolves_against_the_topic(chat: Harness) -> None:
    chat.say("paspoort")
    reply = chat.say("kan dat ook online?")
    assert reply.intent == "paspoort" and texts(reply) == "Nee, u komt zelf naar de balie."


def test_a_follow_up_the_topic_has_no_answer_for_is_honest(chat: Harness) -> None:
    chat.say("identiteitskaart")
    assert "Daar heb ik geen antwoord op bij 'Identiteitskaart'" in texts(chat.say("hoe lang van tevoren?"))


def test_a_detail_variant_answers_instead_of_the_how_to_apply_answer(chat: Harness) -> None:
    reply = chat.say("mijn paspoort is gestolen op vakantie in het buitenland")
    assert reply.intent == "paspoort" and "noodpaspoort" in texts(reply)
    assert "Maak eerst een afspraak" not in texts(reply)
    assert chat.counts()["detail:kwijt_buitenland"] == 1


def test_a_status_question_about_the_topic_never_gets_the_how_to_apply_answer(chat: Harness) -> None:
    chat.say("parkeervergunning")
    reply = chat.say("ik heb al drie weken geleden aangevraagd, hoe staat het ervoor?")
    assert reply.intent == "parkeervergunning" and "hoe het staat met uw aanvraag" in texts(reply)
    assert "Parkeren" in texts(reply) and "handover:request" in payloads(reply)


def test_a_status_question_without_a_topic_is_answered_honestly(chat: Harness) -> None:
    reply = chat.say("hoe staat het met mijn aanvraag?")
    assert "Dat kan ik niet zien" in texts(reply) and "handover:request" in payloads(reply)
    assert "fallback" not in chat.counts()


def test_a_question_after_a_death_gets_sympathy_and_the_teams_help(compiled) -> None:
    sad = answer("parkeervergunning")
    chat = make_harness(compiled, matcher=ScriptedMatcher(
        {"mijn vader is overleden, moet ik zijn parkeervergunning opzeggen": sad}, compiled["alpha"].matcher))
    reply = chat.say("mijn vader is overleden, moet ik zijn parkeervergunning opzeggen")
    assert "Gecondoleerd" in texts(reply) and "Parkeren" in texts(reply)


def test_two_topics_in_one_message_are_answered_and_offered_in_turn(compiled) -> None:
    text = "ik wil mijn paspoort verlengen en wanneer wordt het afval opgehaald"
    both = Classification("paspoort", 0.6, [], "answer", parts=[
        Part("ik wil mijn paspoort verlengen", answer("paspoort")),
        Part("wanneer wordt het afval opgehaald", answer("afvalkalender")),
    ])
    chat = make_harness(compiled, matcher=ScriptedMatcher({text: both}, compiled["alpha"].matcher))
    reply = chat.say(text)
    assert reply.intent == "paspoort" and "U vroeg ook naar iets anders" in texts(reply)
    assert payloads(reply)[-1] == "intent:afvalkalender"
    assert chat.say("ja").intent == "afvalkalender"


def test_a_person_asked_for_with_a_topic_goes_to_that_topics_team(chat: Harness) -> None:
    reply = chat.say("kan ik iemand spreken over mijn parkeervergunning")
    assert reply.handover is not None and reply.handover.team == "parkeren"
    assert chat.conversation().state.topic == "parkeervergunning"


@pytest.mark.parametrize("text", ["I need a human", "can I talk to someone please", "real person please"])
def test_english_handover_phrases(chat: Harness, text: str) -> None:
    reply = chat.say(text)
    assert reply.handover is not None and reply.handover.status == "live" and reply.language == "en"


# ---- less noise -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["asdfgh", "jjjjjjjj", "???"])
def test_dat_begrijp_ik_niet_only_for_gibberish(chat: Harness, text: str) -> None:
    assert "Dat begrijp ik niet" in texts(chat.say(text))


def test_off_topic_gets_what_the_assistant_can_help_with(chat: Harness) -> None:
    text = texts(chat.say("wat is het weer morgen in Parijs"))
    assert "Dat begrijp ik niet" not in text and "Ik beantwoord vragen over de gemeente" in text


def test_a_whatsapp_turn_is_at_most_two_messages(compiled) -> None:
    chat = make_harness(compiled)
    reply = chat.say("paspoort verlengen", channel=Channel.WHATSAPP, conversation_id="alpha." + "ab" * 16)
    assert len(reply.messages) == 3  # greeting, answer, feedback
    payloads_sent = wa.render_reply(reply, Address(id="31612345678", kind="wa_id"))
    assert len(payloads_sent) == 2 and "digitale assistent" in payloads_sent[0]["text"]["body"]


# ---- honest promises --------------------------------------------------------------------------------


def test_the_greeting_says_until_when_staff_are_there(chat: Harness) -> None:
    greeting = chat.say("paspoort").messages[0]
    assert "Dat kan vandaag tot 17.00 uur." in greeting.text and "altijd" not in greeting.text
    assert greeting.buttons[0].title == "Medewerker spreken"


def test_the_greeting_at_night_says_nobody_is_there_and_when_they_are(compiled) -> None:
    greeting = make_harness(compiled, SATURDAY_EVENING).say("paspoort").messages[0]
    assert "Er zijn nu geen medewerkers aan het werk" in greeting.text
    assert "op maandag 7 december vanaf 8.30 uur" in greeting.text and "altijd" not in greeting.text
    assert greeting.buttons[0].title == "Terugbelverzoek"


def test_a_tenant_words_the_catalogue_its_own_way(compiled) -> None:
    beta = make_harness(compiled, MONDAY_MORNING, tenant="beta")
    assert "Onze mensen zijn er vandaag tot 17.00 uur." in beta.say("paspoort").messages[0].text


# ---- tenant facts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "amounts"), [("nl", ["€ 84,60", "€ 1.234,50"]), ("en", ["€ 84.60", "€ 1,234.50"])])
def test_a_cost_question_names_the_tenants_amounts_and_year(compiled, locale: str, amounts: list[str]) -> None:
    beta = make_harness(compiled, tenant="beta")
    beta.say("paspoort", locale=locale)
    reply = beta.say("wat kost dat?" if locale == "nl" else "how much does it cost?", locale=locale)
    assert all(amount in texts(reply) for amount in amounts) and "2026" in texts(reply)


# ---- effects ------------------------------------------------------------------------------------------


def test_a_turn_returns_its_effects_with_deterministic_ids(chat: Harness) -> None:
    turn = chat.engine.handle_turn(InboundMessage(tenant="alpha", channel=Channel.WEB, text="ik wil een mens spreken"))
    [effect] = turn.effects
    assert isinstance(effect, ScheduleHandoverTimeout)
    assert effect.id == effect_id(turn.reply.conversation_id, "schedule_handover_timeout", MONDAY_MORNING)
    assert chat.timeouts.calls == [("alpha", turn.reply.conversation_id, MONDAY_MORNING, 600)]


def test_a_ticket_the_queue_refused_is_withdrawn_and_the_replay_says_the_same(compiled) -> None:
    chat = make_harness(compiled, SATURDAY_EVENING, tickets=BrokenTicketQueue())
    chat.say("medewerker")
    reply = chat.say("06 12345678", client_message_id="m-1")
    assert "Het lukt nu niet om uw vraag door te sturen" in texts(reply) and reply.handover is None
    stored = chat.conversation()
    assert stored.handover is None and stored.contact is None
    assert chat.say("06 12345678", client_message_id="m-1") == reply
    counts = chat.counts()  # the ticket that was not queued is not counted as one
    assert counts["handover_queued"] == 0 and counts["handover_queued:kcc"] == 0 and counts["effect_failed"] == 1


def test_a_timeout_that_cannot_be_scheduled_offers_the_callback_at_once(compiled) -> None:
    chat = make_harness(compiled, timeouts=RecordingTimeouts(fail=True))
    reply = chat.say("ik wil een mens spreken", client_message_id="m-1")
    assert "geen medewerker vrij" in texts(reply) and reply.handover is None
    assert isinstance(chat.conversation().state.flow, CallbackFlow)
    assert chat.say("ik wil een mens spreken", client_message_id="m-1") == reply


class LosingStore(InMemoryConversationStore):
    """The first save of a turn loses the race to a write of the resident's other tab."""

    def __init__(self) -> None:
        super().__init__()
        self.lose_next = False

    def save(self, conversation, expected_version, counters=None, admission=None, effects=()):
        if self.lose_next:
            self.lose_next = False
            current = self.get(conversation.tenant, conversation.id)
            super().save(current, current.version)
            raise VersionConflict("lost")
        return super().save(conversation, expected_version, counters, admission, effects)


def test_a_lost_race_dispatches_the_effects_of_the_decision_that_was_written_only(compiled) -> None:
    chat = make_harness(compiled)
    losing = LosingStore()
    chat.store = losing
    chat.engine.store = losing
    chat.say("paspoort")
    losing.lose_next = True
    turn = chat.engine.handle_turn(InboundMessage(tenant="alpha", channel=Channel.WEB, text="ik wil een mens spreken",
                                                  conversation_id=chat.conversation_id))
    assert len(chat.timeouts.calls) == 1 and len(turn.effects) == 1


def test_a_button_press_outside_any_flow_is_not_read_as_text(chat: Harness) -> None:
    chat.say("paspoort")
    reply = chat.engine.handle(InboundMessage(tenant="alpha", channel=Channel.WEB, kind=InboundKind.BUTTON,
                                              text="Wat kost het?", payload="followup:kosten",
                                              conversation_id=chat.conversation_id))
    assert texts(reply) == "Een paspoort kost geld."


def test_the_ticket_of_a_callback_carries_the_topic_and_the_effect_id(compiled) -> None:
    chat = make_harness(compiled, SATURDAY_EVENING)
    chat.say("paspoort")
    chat.say("medewerker")
    turn = chat.engine.handle_turn(InboundMessage(tenant="alpha", channel=Channel.WEB, text="ja, 06 12345678",
                                                  conversation_id=chat.conversation_id))
    [effect] = turn.effects
    assert isinstance(effect, QueueTicket) and effect.ticket.id == effect.id
    assert effect.ticket.intent == "paspoort" and effect.ticket.team == "burgerzaken"
    assert chat.tickets.sent == [effect.ticket]


@pytest.mark.parametrize("decline", [("press", "handover:no"), ("say", "nee")])
def test_declining_the_person_after_crisis_help_points_back_to_the_help(compiled, decline: tuple[str, str]) -> None:
    chat = make_harness(compiled, MONDAY_MORNING)
    chat.say(SUICIDE)
    reply = chat.press(decline[1]) if decline[0] == "press" else chat.say(decline[1])
    assert "dag en nacht" in texts(reply) and reply.handover is None


def test_of_two_topics_the_clause_that_asks_is_answered_first(compiled) -> None:
    text = "ik heb een nieuw paspoort. wanneer wordt het afval opgehaald?"
    story = Classification("paspoort", 0.7, [], "answer", parts=[
        Part("ik heb een nieuw paspoort.", answer("paspoort")),
        Part("wanneer wordt het afval opgehaald?", answer("afvalkalender")),
    ])
    chat = make_harness(compiled, matcher=ScriptedMatcher({text: story}, compiled["alpha"].matcher))
    reply = chat.say(text)
    assert reply.intent == "afvalkalender" and payloads(reply)[-1] == "intent:paspoort"


def test_a_detail_told_in_a_clause_of_its_own_is_one_question(compiled) -> None:
    text = "mijn vader is overleden. moet ik zijn parkeervergunning opzeggen?"
    story = Classification("parkeervergunning", 0.9, [], "answer", parts=[
        Part("mijn vader is overleden.", answer("paspoort")),
        Part("moet ik zijn parkeervergunning opzeggen?", answer("parkeervergunning")),
    ])
    chat = make_harness(compiled, matcher=ScriptedMatcher({text: story}, compiled["alpha"].matcher))
    reply = chat.say(text)
    assert reply.intent == "parkeervergunning" and "Gecondoleerd" in texts(reply)
    assert "U vroeg ook naar iets anders" not in texts(reply)


def test_a_death_story_naming_two_topics_answers_one_and_offers_the_other_for_the_death(compiled) -> None:
    text = "mijn vader is overleden. hij had een parkeervergunning en zijn paspoort ligt nog thuis."
    story = Classification("parkeervergunning", 0.9, [], "answer", parts=[
        Part("mijn vader is overleden.", answer("paspoort")),
        Part("hij had een parkeervergunning en zijn paspoort ligt nog thuis.", answer("parkeervergunning")),
    ])
    script = {text: story, "hij had een parkeervergunning": answer("parkeervergunning"),
              "zijn paspoort ligt nog thuis.": answer("paspoort")}
    chat = make_harness(compiled, matcher=ScriptedMatcher(script, compiled["alpha"].matcher))
    reply = chat.say(text)
    assert reply.intent == "parkeervergunning" and "Gecondoleerd" in texts(reply)
    assert "intent:paspoort" in payloads(reply)  # not twice for the death clause read as a passport
    chosen = chat.press("intent:paspoort")
    assert chosen.intent == "paspoort" and "overl" in texts(chosen)  # answered for the death
    assert "Gecondoleerd" not in texts(chosen)  # the word of sympathy once


# ---- no confident wrong answers: the dialogue's own rules answer no more than the matcher reads ------

def scripted(compiled, script: dict[str, Classification]) -> Harness:
    """A conversation whose matcher reads these texts as scripted (others as the fixture's matcher does)."""
    return make_harness(compiled, matcher=ScriptedMatcher(script, compiled["alpha"].matcher))


STORY = ("Gisteren stond ik bij de glasbak en daar lag weer van alles naast. Het is elke week hetzelfde liedje, "
         "en niemand van de gemeente komt kijken.")


def test_the_same_topic_in_two_clauses_is_one_topic(compiled) -> None:
    text = "ik wil mijn paspoort verlengen. mijn paspoort verloopt volgende maand."
    twice = Classification("paspoort", 0.9, [], "answer", parts=[
        Part("ik wil mijn paspoort verlengen.", answer("paspoort")),
        Part("mijn paspoort verloopt volgende maand.", answer("paspoort")),
    ])
    reply = scripted(compiled, {text: twice}).say(text)
    assert reply.intent == "paspoort" and "U vroeg ook naar iets anders" not in texts(reply)
    assert "intent:paspoort" not in payloads(reply)


def test_a_story_that_asks_none_of_its_topics_gets_a_choice_of_them(compiled) -> None:
    told = Classification(None, 0.4, [Alternative("afvalkalender", 0.4)], "reject", parts=[
        Part("Gisteren stond ik bij de glasbak en daar lag weer van alles naast.", answer("afvalkalender")),
        Part("Het is elke week hetzelfde liedje, en niemand van de gemeente komt kijken.", answer("parkeervergunning")),
    ])
    chat = scripted(compiled, {STORY: told})
    reply = chat.say(STORY)
    assert reply.intent is None and chat.counts().get("answered", 0) == 0
    assert payloads(reply)[-3:] == ["intent:afvalkalender", "intent:parkeervergunning", "choice:other"]


def test_a_story_that_asks_nothing_gets_bedoelt_u_with_its_topics_whatever_the_whole_scores(compiled) -> None:
    # Decided on the parts' own zones: the whole's score (answered at 0.9 here, "Bedoelt u" at 0.7) does not
    # decide which topic a story that asks nothing is about.
    for whole in (Classification("afvalkalender", 0.9, [], "answer"),
                  Classification(None, 0.7, [Alternative("afvalkalender", 0.7)], "clarify")):
        told = replace(whole, parts=[
            Part("Gisteren stond ik bij de glasbak en daar lag weer van alles naast.", answer("afvalkalender")),
            Part("Het is elke week hetzelfde liedje, en niemand van de gemeente komt kijken.", answer("parkeervergunning")),
        ])
        reply = scripted(compiled, {STORY: told}).say(STORY)
        assert reply.intent is None
        assert payloads(reply)[-3:] == ["intent:afvalkalender", "intent:parkeervergunning", "choice:other"]


def test_a_story_answers_the_clause_that_asks_and_offers_the_topic_it_tells(compiled) -> None:
    text = ("Vorige maand ben ik verhuisd naar de overkant van de stad, met de kinderen en de hond erbij. "
            "Wanneer wordt het afval opgehaald?")
    story = Classification(None, 0.5, [Alternative("afvalkalender", 0.5)], "clarify", parts=[
        Part("Vorige maand ben ik verhuisd naar de overkant van de stad, met de kinderen en de hond erbij.",
             answer("parkeervergunning")),
        Part("Wanneer wordt het afval opgehaald?", answer("afvalkalender")),
    ])
    chat = scripted(compiled, {text: story})
    reply = chat.say(text)
    assert reply.intent == "afvalkalender" and payloads(reply)[-1] == "intent:parkeervergunning"


def test_two_close_guesses_in_a_rejected_story_do_not_name_the_topic_of_a_detail(compiled) -> None:
    text = ("Mijn tas is gestolen op vakantie in Spanje en ik ben er nog steeds erg van geschrokken. "
            "Ik vind dat de politie daar veel te weinig deed.")
    doubt = Classification(None, 0.18, [Alternative("paspoort", 0.18), Alternative("id-kaart", 0.15)], "reject")
    chat = scripted(compiled, {text: doubt, details.without_cues(text): doubt})
    reply = chat.say(text)
    assert reply.intent is None and "detail:kwijt_buitenland" not in chat.counts()


def test_a_lone_first_guess_below_the_threshold_still_names_the_topic_of_a_detail(compiled) -> None:
    text = "mijn paspoort is gestolen op vakantie"
    lone = Classification(None, 0.3, [Alternative("paspoort", 0.3), Alternative("id-kaart", 0.05)], "reject")
    chat = scripted(compiled, {text: lone, details.without_cues(text): lone})
    assert chat.say(text).intent == "paspoort" and chat.counts()["detail:kwijt_buitenland"] == 1


def test_a_first_question_with_a_follow_up_word_is_the_matchers_to_decide(compiled) -> None:
    text = "wanneer moet ik mijn id-kaart laten zien aan de boa"
    doubt = Classification(None, 0.45, [Alternative("id-kaart", 0.45), Alternative("paspoort", 0.3)], "clarify")
    chat = scripted(compiled, {text: doubt, followups.subject(text): answer("id-kaart")})
    reply = chat.say(text)
    assert reply.intent is None and payloads(reply)[-3:] == ["intent:id-kaart", "intent:paspoort", "choice:other"]


@pytest.mark.parametrize("whole", [answer("paspoort", 0.95), Classification(None, 0.85, [Alternative("paspoort", 0.85)],
                                                                          "clarify")])
def test_topics_joined_by_en_are_answered_in_turn_when_the_whole_reads_as_the_first_whatever_its_zone(compiled, whole) -> None:
    text = "ik ben mijn paspoort kwijt en mijn parkeervergunning ook"
    reply = scripted(compiled, {text: whole, "ik ben mijn paspoort kwijt": answer("paspoort"),
                                "mijn parkeervergunning ook": answer("parkeervergunning")}).say(text)
    assert reply.intent == "paspoort" and payloads(reply)[-1] == "intent:parkeervergunning"


@pytest.mark.parametrize("whole", [
    answer("parkeervergunning", 0.95),  # leans to the topic told second, however sure
    Classification(None, 0.85, [Alternative("paspoort", 0.85), Alternative("parkeervergunning", 0.2)], "clarify"),
    Classification("paspoort", 0.95, [Alternative("parkeervergunning", 0.2)], "answer"),  # a real second reading
])
def test_topics_joined_by_en_are_offered_when_the_whole_does_not_read_as_the_first_alone(compiled, whole) -> None:
    text = "ik ben mijn paspoort kwijt en mijn parkeervergunning ook"
    chat = scripted(compiled, {text: whole, "ik ben mijn paspoort kwijt": answer("paspoort"),
                               "mijn parkeervergunning ook": answer("parkeervergunning")})
    reply = chat.say(text)
    assert reply.intent is None
    assert payloads(reply)[-3:] == ["intent:paspoort", "intent:parkeervergunning", "choice:other"]
    chosen = chat.say("2")
    assert chosen.intent == "parkeervergunning" and payloads(chosen)[-1] == "intent:paspoort"


def test_topics_joined_by_en_in_a_doubtful_question_are_asked_about_not_answered(compiled) -> None:
    text = "de container is kapot en wordt niet geleegd"
    doubt = Classification(None, 0.5, [Alternative("afvalkalender", 0.5), Alternative("paspoort", 0.3)], "clarify")
    reply = scripted(compiled, {text: doubt, "de container is kapot": answer("afvalkalender"),
                                "wordt niet geleegd": answer("parkeervergunning")}).say(text)
    assert reply.intent is None
    assert payloads(reply)[-3:] == ["intent:afvalkalender", "intent:parkeervergunning", "choice:other"]


def test_a_sentence_split_at_a_second_question_with_one_sure_clause_asks_about_both_topics(compiled) -> None:
    # "... en of ik ...": the matcher splits the sentence, but only the permit's clause is sure; the waste
    # calendar, joined by "en" inside the other clause, is a topic too: "Bedoelt u" with both, not the permit alone.
    text = "wij wonen hier sinds kort en ik wil weten wanneer het afval wordt opgehaald en of ik een parkeervergunning kan krijgen"
    unsure = Classification(None, 0.7, [Alternative("afvalkalender", 0.7)], "clarify")
    split = Classification(None, 0.7, [Alternative("parkeervergunning", 0.7), Alternative("afvalkalender", 0.1)], "clarify",
                           parts=[Part("wij wonen hier sinds kort en ik wil weten wanneer het afval wordt opgehaald", unsure),
                                  Part("ik een parkeervergunning kan krijgen", answer("parkeervergunning"))])
    chat = scripted(compiled, {text: split, "ik wil weten wanneer het afval wordt opgehaald": answer("afvalkalender"),
                               "of ik een parkeervergunning kan krijgen": answer("parkeervergunning")})
    reply = chat.say(text)
    assert reply.intent is None and "intent:afvalkalender" in payloads(reply) and "intent:parkeervergunning" in payloads(reply)


def test_the_matcher_is_sure_of_one_guess_only_alone_and_at_the_lone_favourite_score() -> None:
    from core.dialogue.turn import LONE_FAVOURITE_SCORE, sure_of_one

    one = [Alternative("paspoort", LONE_FAVOURITE_SCORE)]
    assert sure_of_one(one, LONE_FAVOURITE_SCORE)
    assert not sure_of_one(one, LONE_FAVOURITE_SCORE - 0.01)
    assert not sure_of_one([*one, Alternative("id-kaart", 0.2)], 0.95)  # a second guess: not sure of one
    assert not sure_of_one([], 0.95)


# ---- what is asked decides the answer zone: another organisation's matter, an animal's death ---------------------


def _with_referral(compiled) -> dict:
    from core.kb.models import Referral, Text

    rdw = Referral(organisation="RDW", url="https://www.rdw.nl", words=["kenteken"],
                   text=Text(nl="Voor een kenteken gaat u naar de RDW: rdw.nl.", en="For a registration, go to the RDW: rdw.nl."))
    return compiled | {"alpha": replace(compiled["alpha"], referrals=(rdw,))}


@pytest.mark.parametrize("clause", [answer("parkeervergunning", 0.97),
                                    Classification(None, 0.7, [Alternative("parkeervergunning", 0.7)], "clarify")])
def test_a_question_about_another_organisations_matter_gets_the_referral_not_the_lone_guess(compiled, clause) -> None:
    # The matcher's one guess (the permit, read in "auto" and "op mijn naam") is sure; but the clause that asks is
    # about the registration, the RDW's: the referral, not the permit answered (the clause answered as the same
    # topic) or offered first (a lone favourite just under the cut-off).
    text = "Nieuwe auto gekocht. Het kenteken, hoe zet ik dat op mijn naam?"
    asked = "Het kenteken, hoe zet ik dat op mijn naam?"
    lone = Classification(None, 0.85, [Alternative("parkeervergunning", 0.85), Alternative("paspoort", 0.05)], "clarify",
                          parts=[Part("Nieuwe auto gekocht.", Classification(None, 0.3, [Alternative("parkeervergunning", 0.3)], "reject")),
                                 Part(asked, clause)])
    chat = make_harness(_with_referral(compiled), matcher=ScriptedMatcher({text: lone}, compiled["alpha"].matcher))
    reply = chat.say(text)
    assert reply.intent is None and "gaat u naar de RDW" in texts(reply)
    assert "intent:parkeervergunning" not in payloads(reply) and chat.counts()["referral"] == 1


def test_a_referral_told_beside_a_clause_that_asks_the_lone_guess_keeps_that_answer(compiled) -> None:
    text = "Het kenteken staat op mijn naam. Hoe vraag ik een parkeervergunning aan?"
    asked = "Hoe vraag ik een parkeervergunning aan?"
    lone = Classification(None, 0.85, [Alternative("parkeervergunning", 0.85)], "clarify",
                          parts=[Part("Het kenteken staat op mijn naam.", Classification(None, 0.3, [], "reject")),
                                 Part(asked, answer("parkeervergunning", 0.97))])
    chat = make_harness(_with_referral(compiled), matcher=ScriptedMatcher({text: lone}, compiled["alpha"].matcher))
    assert chat.say(text).intent == "parkeervergunning" and "referral" not in chat.counts()


def test_an_animals_death_is_no_reading_of_the_death_of_a_person() -> None:
    from core.dialogue.turn import _without_a_persons_death

    answered = Classification("overlijden", 0.9, [Alternative("hondenbelasting", 0.2)], "answer")
    assert _without_a_persons_death(answered, ["dier_overleden"]) == Classification(
        None, 0.2, [Alternative("hondenbelasting", 0.2)], "clarify")
    assert _without_a_persons_death(answer("overlijden", 0.9), ["dier_overleden"]) == Classification(None, 0.0, [], "reject")
    guessed = Classification(None, 0.6, [Alternative("hondenbelasting", 0.6), Alternative("overlijden", 0.4)], "clarify")
    assert _without_a_persons_death(guessed, ["dier_overleden"]).alternatives == [Alternative("hondenbelasting", 0.6)]
    doubted = Classification(None, 0.1, [Alternative("overlijden", 0.1), Alternative("hondenbelasting", 0.05)], "reject")
    assert _without_a_persons_death(doubted, ["dier_overleden"]) == Classification(
        None, 0.05, [Alternative("hondenbelasting", 0.05)], "reject")  # not asked about for it
    # a person's death, or a message that tells no death: the matcher's reading stands
    assert _without_a_persons_death(answered, ["overlijden"]) is answered
    assert _without_a_persons_death(answered, []) is answered


def _with_a_lost_detail(compiled) -> dict:
    from core.kb.compiled import ResolvedDetail
    from core.kb.models import Text

    alpha = compiled["alpha"]
    lost = ResolvedDetail(name="kwijt", words=["kwijt", "lost"], answer=Text(nl="Kwijt? Meld het.", en="Lost? Report it."))
    card = alpha.intents["id-kaart"].model_copy(update={"details": [lost]})
    return compiled | {"alpha": replace(alpha, intents=alpha.intents | {"id-kaart": card})}


@pytest.mark.parametrize(("rest", "offered"), [
    (Classification(None, 0.6, [Alternative("parkeervergunning", 0.6), Alternative("paspoort", 0.1)], "clarify"),
     "intent:paspoort"),  # read in "kwijt" alone: the next real guess instead
    (Classification(None, 0.6, [Alternative("parkeervergunning", 0.6), Alternative("id-kaart", 0.2)], "clarify"),
     "intent:id-kaart"),  # still read without it: a second reading of the question
])
def test_a_runner_up_read_only_in_its_own_detail_words_is_not_offered(compiled, rest, offered) -> None:
    text = "ik ben mijn baan kwijt en kan de huur niet betalen"
    whole = Classification(None, 0.6, [Alternative("parkeervergunning", 0.6), Alternative("id-kaart", 0.25),
                                       Alternative("paspoort", 0.1)], "clarify")
    chat = make_harness(_with_a_lost_detail(compiled), matcher=ScriptedMatcher(
        {text: whole, "ik ben mijn baan en kan de huur niet betalen": rest}, compiled["alpha"].matcher))
    reply = chat.say(text)
    assert reply.intent is None and payloads(reply)[-3:] == ["intent:parkeervergunning", offered, "choice:other"]


def test_a_runner_up_read_in_its_own_detail_words_stays_when_no_other_guess_is_near(compiled) -> None:
    text = "ik ben mijn baan kwijt en kan de huur niet betalen"
    whole = Classification(None, 0.6, [Alternative("parkeervergunning", 0.6), Alternative("id-kaart", 0.25)], "clarify")
    rest = Classification(None, 0.6, [Alternative("parkeervergunning", 0.6)], "clarify")
    chat = make_harness(_with_a_lost_detail(compiled), matcher=ScriptedMatcher(
        {text: whole, "ik ben mijn baan en kan de huur niet betalen": rest}, compiled["alpha"].matcher))
    assert payloads(chat.say(text))[-3:] == ["intent:parkeervergunning", "intent:id-kaart", "choice:other"]

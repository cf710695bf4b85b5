"""The context rules: a question read against the conversation's current topic.

A resident who just had an answer goes on about it without naming it again: "kan dat
online?", "en voor mijn man?", "kan het ook op zaterdag?", "wie kan ik bellen?", "hoeveel
getuigen heb ik nodig?". These rules decide when a question is about the current topic (the
topic last answered, `DialogueState.topic`) and answer it for that topic; `Turn` calls them
in its order and goes on to the matcher when they do not apply. Which topic a question with
a detail (lost abroad, after a death, how it is going) is about: `detail_topic`.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..kb import phrases
from ..kb.models import DETAIL_KINDS, FOLLOWUP_KINDS
from ..models import HandoverStatus
from ..opening_hours import AMSTERDAM, date_words
from . import answers, clauses, contacts, details, facts, followups, handover, reactions, referrals, slots
from .availability import opening_hours_of
from .context import TurnContext
from .state import Asked, ChoicesOffered

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..kb.compiled import ResolvedDetail, ResolvedIntent, TenantKnowledge
    from ..matcher import Classification
    from ..models import Link


def answer_on_topic(ctx: TurnContext, text: str, kinds: list[str], asked: Asked | None,
                    reading: "Callable[[], Classification]") -> bool:
    """True when the question was about the current topic and is answered: a follow-up that
    names nothing else ("kan dat ook online?"), the topic on a day ("kan het ook op zaterdag?"),
    for someone else ("en voor mijn man?"), whom to call, how ("wat kan ik doen?") or how long
    it is valid, or a detail of the topic's own. `reading`: the turn's classification of `text`
    (made on first use, once a turn: the turn reads it again when this returns False)."""
    if _callback_promised_again(ctx, text):
        return True
    topic = ctx.intent_of(ctx.state.topic)
    if topic is not None and (ctx.state.detail or ctx.state.own_detail) and followups.asks_what_next(text):
        # "wat nu?", "en nu?" (not a day) after "ons papier is niet opgehaald" or a passport lost abroad:
        # what happens next is that detail's answer, not the topic's (the waste calendar's postcode questions).
        ctx.count("followup_how")
        carried = [ctx.state.detail] if ctx.state.detail else None
        answers.answer(ctx, topic, 1.0, text, asked_details=carried, own_detail=ctx.state.own_detail)
        return True
    if topic is not None and _count_of_topic(ctx, text, topic, reading):
        return True
    if topic is not None and kinds == ["kind"] and _own_detail(ctx, text, topic):
        return True  # "moet de baby mee?": the topic's own detail about the child, not the child's answer again
    if kinds and (followups.is_contextual(text) or topic is not None and (
            followups.names_only(text, _title_words(topic)) or followups.done_to_it(text)
            or followups.names_such_in(text, _followup_texts(topic, kinds)))):
        if topic is not None:
            answers.followup(ctx, answers.pick_followup(ctx, topic, kinds), topic.id, also=kinds)
        elif kinds == ["kind"] and reading().decision == "answer":
            # "how do I register my baby" with no topic yet names a child (read as "and for my child?") but is a
            # question of its own, which the matcher answers (Birth registration, 0.96): not "Waar gaat uw vraag over?".
            return False
        elif not _topics_whose_answers_name(ctx, text, kinds):
            _without_topic(ctx, asked)
        return True
    if topic is not None and topic.kind == "topic" and not kinds and _date_for_the_topic(ctx, text, topic):
        return True
    evening = facts.evening_asked(text)
    if evening is not None and followups.is_contextual(evening):
        # "kan dat ook 's avonds? ik werk tot 6" after the driving licence (or its "Bedoelt u"): the town hall's evening
        # openings from the tenant's hours (was the scope message)
        ctx.count("evening_asked")
        ctx.intent, ctx.confidence = (topic.id if topic is not None else None), 1.0
        ctx.add(facts.evening_hours(ctx.knowledge.derived(opening_hours_of), ctx.promises),
                links=[ctx.link(link) for link in topic.links] if topic is not None else [])
        return True
    # "heb het maandag aangevraagd en nog niks gehoord": the day is when it was applied for; how it is going is asked
    if (topic is not None and facts.names_a_day(text) and "status" not in details.detect(text)
            and _about_topic_on_a_day(ctx, text, topic)):
        answers.on_a_day(ctx, topic, text, kinds)  # "kan het ook op zaterdag?"
        return True
    if topic is not None and followups.asks_for_someone_else(text):
        # "en voor mijn man?" after moving house: the same topic for someone else (the matcher alone
        # read Wmo in it); the topic's answer applies to them too.
        ctx.count("followup_someone_else")
        # "kan ik het voor haar aanvragen?" after the ID card for a mother who cannot come: still that detail; with
        # no detail yet, doing it for them is the topic's answer for someone who cannot do it themselves ("moet zij zich
        # zelf inschrijven of kan ik dat doen?" after moving in together: an authorisation), where it has one
        carried = ([ctx.state.detail] if ctx.state.detail
                   else [NOT_THEMSELVES] if followups.does_it_for(text) and NOT_THEMSELVES in topic.variants else None)
        # "moet hij dat zelf aanvragen of kan ik dat doen?" after the Wmo for a father: the topic's own detail for
        # asking on someone's behalf, where it has one (was its general answer again); else the detail the conversation
        # is on: "en mijn man ook" after "ik krijg alleen AOW" under special assistance is the AOW's answer again
        on_behalf = any(own.name == ON_BEHALF for own in topic.details)
        answers.answer(ctx, topic, 1.0, text, asked_details=carried,
                       own_detail=ON_BEHALF if on_behalf else ctx.state.own_detail)
        return True
    if topic is not None and topic.kind == "topic" and followups.asks_by_mail(text):
        # "kan ik het ook mailen?" after the objection: the knowledge does not say whether e-mail counts; honest, the
        # topic's page and its team's own ways (was the town hall's opening hours, read in "mailen")
        ctx.count("followup_by_mail")
        ctx.intent, ctx.confidence = topic.id, 1.0
        contact = ctx.promises.team_contact(ctx.team(ctx.team_id(topic.team)))
        ctx.add(" ".join(filter(None, [ctx.say("by_mail_unknown"), contact])),
                links=[ctx.link(link) for link in topic.links], buttons=[ctx.person_button()])
        return True
    if topic is not None and topic.kind == "topic" and not topic.handover and followups.asks_if_eligible(text):
        # "kom ik dan in aanmerking?" after special assistance and "ik krijg alleen AOW": honest that the gemeente decides,
        # then what is known, for the detail the conversation is on (was the tax waiver, read in "in aanmerking")
        ctx.count("followup_eligible")
        carried = [ctx.state.detail] if ctx.state.detail in DETAIL_KINDS else None
        answers.answer(ctx, topic, 1.0, text, asked_details=carried, own_detail=ctx.state.own_detail,
                       intro=ctx.say("eligible_decided"))
        return True
    if topic is not None and topic.kind == "topic" and followups.adds_companion(text):
        # "met mn vriend samen" after moving house, "voor mijn moeder" after the Wmo: who the errand is with or for,
        # told in a few words (was the scope message or "Bedoelt u" with what "mijn moeder" alone reads as); the
        # topic's answer, its own detail for it where it has one (moving in together, asking on someone's behalf)
        ctx.count("followup_companion")
        carried = [ctx.state.detail] if ctx.state.detail in DETAIL_KINDS else None
        answers.answer(ctx, topic, 1.0, text, asked_details=carried, own_detail=ctx.state.own_detail)
        return True
    if topic is not None and topic.kind == "topic" and _place_told(ctx, text, topic, kinds, reading):
        return True
    if topic is not None and topic.followups.duur is not None and followups.asks_to_hurry(text):
        # "ok maar snel maken aub" after a pothole: Balie cannot speed it up; how long it usually takes (was the
        # topic's answer again)
        ctx.count("followup_hurry")
        ctx.intent, ctx.confidence = topic.id, 1.0
        ctx.add(f'{ctx.say("hurry_asked")} {topic.followups.duur.get(ctx.language)}',
                links=[ctx.link(link) for link in topic.links])
        return True
    if (topic is not None and topic.kind == "topic" and details.names_only_a_place(text)
            and not facts.names_a_day(text)):
        # "in spanje" after a passport lost on holiday: where, the answer to the topic's own question; the detail
        # the conversation is on (abroad), or the one the place completes ("paspoort kwijt", then "op vakantie")
        ctx.count("followup_place")
        told = (details.detect(text) or details.carried(text, ctx.state.detail, ctx.state.topic)
                or ([ctx.state.detail] if ctx.state.detail in DETAIL_KINDS else []))
        answers.answer(ctx, topic, 1.0, text, asked_details=told or None, own_detail=ctx.state.own_detail)
        return True
    if topic is not None and topic.after_hours is not None and reactions.tells_danger(text):
        after_hours(ctx, topic)  # "it's really dangerous, cyclists fall there" after a pothole: who helps now, 112
        return True
    if contacts.asks_after_hours(text):
        if topic is not None:
            after_hours(ctx, topic)
        elif isinstance(asked, ChoicesOffered):
            # "is er een noodnummer?" under "Bedoelt u ...?": which one, and the one chosen answers it
            _without_topic(ctx, asked.model_copy(update={"followup": AFTER_HOURS}))
        else:
            _without_topic(ctx, asked)
        return True
    if contacts.asks_whom_to_call(text):
        if referrals.said_again(ctx):
            return True  # "wie moet ik dan bellen?" right after "... krijgt u van de Dienst Toeslagen"
        if topic is not None and topic.after_hours is not None and not ctx.promises.open_now:
            after_hours(ctx, topic)  # "wie bel ik nu dan?" after noise on a Saturday night: the police's line
            return True
        if _team_contact(ctx, topic):
            return True
    if topic is not None and topic.kind == "topic" and followups.asks_way(text):
        # "moet ik daarvoor langskomen?" after the birth: how that topic is done (in person, online, by post) is in its
        # answer, or in the detail the conversation is on, or one the question tells ("ik ben slecht ter been")
        ctx.count("followup_way")
        told = details.detect(text) or ([ctx.state.detail] if ctx.state.detail else [])
        # A topic whose errand is a conversation somewhere (the Wmo's at home) says where in a detail of its own:
        # "Must I come to the town hall? I am slecht ter been" after the Wmo (was the Wmo's answer again)
        where = WHERE_IT_HAPPENS if any(own.name == WHERE_IT_HAPPENS for own in topic.details) else ctx.state.own_detail
        answers.answer(ctx, topic, 1.0, text, asked_details=told, own_detail=where)
        return True
    # "wat kan ik doen?", "hoe lang is die geldig?": the current topic's answer says it.
    if (followups.asks_how(text) or followups.asks_validity(text)
            or topic is not None and _clearing_of_the_detail(ctx, text, topic)):
        if topic is not None:
            ctx.count("followup_how")
            # After "paspoort gestolen in Spanje", "wat moet ik nu doen?" is about that detail
            # (embassy, emergency passport), not how to apply at home; so is "krijg ik geld terug?" after a dog that
            # died, or "wat moet ik doen" after a lost document (the detail the conversation is on).
            answers.answer(ctx, topic, 1.0, text, asked_details=_detail_kept(ctx, text), own_detail=ctx.state.own_detail)
        else:
            _without_topic(ctx, asked)
        return True
    return topic is not None and (_own_detail(ctx, text, topic) or _named_again(ctx, text, topic))


def _clearing_of_the_detail(ctx: TurnContext, text: str, topic: "ResolvedIntent") -> bool:
    """"ruimen jullie de kat ook op?" right after the answer on a dead animal: whether the gemeente clears what the topic's
    own detail is about, named by a pronoun or by a word of the detail's own ("dode kat"), is that detail's answer (was the
    general report answer: "de kat" alone is no word of the detail)."""
    noun = followups.asks_if_cleared(text)
    own = answers.own_detail_in(topic, ctx.state.own_detail)
    if noun is None or own is None:
        return False
    return not noun or any(noun in phrases.words_of(word.rstrip("*")).split() for word in own.words)


# The detail kind of someone who cannot do it themselves (details.py "niet_zelf").
NOT_THEMSELVES = "niet_zelf"
# A topic's own detail (`details:` in knowledge) for doing it on someone else's behalf (the Wmo for a parent).
ON_BEHALF = "voor_een_ander"
# A topic's own detail (`details:` in knowledge) for where its conversation takes place (the Wmo's at home).
WHERE_IT_HAPPENS = answers.WHERE_IT_HAPPENS
# A short question that names nothing but the current topic: at most this many words.
NAMED_AGAIN_WORDS = 8


def _named_again(ctx: TurnContext, text: str, topic: "ResolvedIntent") -> bool:
    """"moet ik een vergunning hebben?" after felling a tree, "hebben we een vergunning nodig" after a street party,
    "renew" after the passport: a short question whose only subject is a word of the current topic's title (or its
    head: "vergunning" of "kapvergunning") is about that topic, not the other topic the matcher reads in the word
    alone (the building permit, the driving licence). Its answer again, for what it asks."""
    words = len(text.split())
    if (topic.kind != "topic" or words > NAMED_AGAIN_WORDS or not (words <= 2 or clauses.is_question(text))
            or not followups.names_only(text, _title_words(topic))):
        return False
    ctx.count("topic_named_again")
    # "paspoort" after "document kwijt" (the passport's answer for a loss): the same detail, now for the topic named
    answers.answer(ctx, topic, 1.0, text, asked_details=_detail_kept(ctx, text), own_detail=ctx.state.own_detail)
    return True


def _detail_kept(ctx: TurnContext, text: str) -> list[str] | None:
    """The detail a question about the current topic is in: the one it tells, else the one the conversation is on."""
    told = details.detect(text)
    if told:
        return told
    return [ctx.state.detail] if ctx.state.detail in DETAIL_KINDS else None


def _count_of_topic(ctx: TurnContext, text: str, topic: "ResolvedIntent",
                    reading: "Callable[[], Classification]") -> bool:
    """"en als ik er twee heb?" after the dog tax, "en voor twee kinderen?" after the passport: a count of what was
    just answered. The total from the tenant's fees where its table says how (first and each further one, or the
    price for a child), else honestly "Dat weet ik niet precies" with the fees and the page; never the whole answer
    again. Not a question the matcher places elsewhere ("kan ik twee parkeervergunningen krijgen?" stays its own)."""
    asked = followups.count_asked(text)
    if asked is None or topic.kind != "topic" or len(text.split()) >= clauses.STORY_WORDS:
        return False
    count, children = asked
    if not children and not (followups.points_back(text) or followups.is_contextual(text)):
        placed = reading()
        if placed.decision == "answer" and placed.intent != topic.id:
            return False
    total = facts.fees_for_a_count(ctx.tenant, topic.id, ctx.promises, count, children)
    table = facts.fees(ctx.tenant, topic.id, ctx.promises) if total is None else None
    if (total is None and not table and handover.queued_ticket(ctx) is not None and not clauses.is_question(text)
            and not (followups.points_back(text) or followups.is_contextual(text))):
        # "ik heb drie kinderen en geen werk", "wij zijn met vier personen" after asking a callback about social
        # assistance: a situation told for the member of staff (the turn adds it to the ticket), with no price of the
        # topic to count (was "Dat weet ik niet precies voor 3")
        return False
    ctx.count("followup_count")
    ctx.intent, ctx.confidence = topic.id, 1.0
    links = [ctx.link(link) for link in topic.links]
    if total is not None:
        own = topic.followups.kind.get(ctx.language) if children and topic.followups.kind is not None else ""
        ctx.add(f"{total} {own}".strip(), links=links)
        return True
    # Several things told ("een bank, een kast en 3 matrassen"): the count is one of them, not what the price is for.
    text_said = ctx.say("count_unknown_listed") if followups.lists_things(text) else ctx.say("count_unknown", count=count)
    ctx.add(f"{text_said}\n{table}" if table else text_said, links=links, buttons=[ctx.person_button()])
    return True


def _without_topic(ctx: TurnContext, asked: Asked | None) -> None:
    """A question about "dat" with no topic answered yet. Right after "Bedoelt u WOZ / Bezwaar?"
    ("hoe lang heb ik daarvoor?", "moet ik dat doorgeven?") it is about one of those, so the same
    choice again rather than "which topic?" from scratch; else ("kan dat ook online?" as the first
    question): about what?"""
    if isinstance(asked, ChoicesOffered):
        ctx.count("followup_before_choice")
        ctx.state.asked = asked
        ctx.add(ctx.say("choose_one"), buttons=ctx.choice_buttons(asked.intents))
    else:
        ctx.count("followup_without_topic")
        ctx.add(ctx.say("followup_no_topic"))


def _topics_whose_answers_name(ctx: TurnContext, text: str, kinds: list[str]) -> bool:
    """"moet ik een eigen bijdrage betalen?" with no topic yet: the words it names besides follow-up filler
    ("eigen bijdrage") read in the knowledge base's own answers. When 2-3 topics' answers or follow-ups say them
    (Wmo, Leerlingenvervoer, Bijzondere bijstand), "Bedoelt u" with those, the ones whose answer to the follow-up
    asked says them first; choosing one answers that follow-up for it. A word many topics use ("kost", "online")
    names none of them: False, and the caller asks which topic."""
    if not kinds:
        return False
    index = ctx.knowledge.derived(TopicWords.of)
    # A word that half of the topics' answers use ("have", "need") names none of them.
    words = [word for word in phrases.words_of(text).split()
             if len(word) >= _MIN_TITLE_WORD and word not in followups.FILLER
             and 2 * index.answers_using.get(word, 0) <= len(index.topics)]
    if len(words) < 2:  # one word ("cost", "online") is the follow-up itself, not a thing the answers name
        return False
    phrase = [" ".join(words)]
    kind = kinds[0]
    asked_first: list["ResolvedIntent"] = []
    answered_besides: list["ResolvedIntent"] = []
    named = set(words)
    for intent in index.topics:
        if not named <= index.answer_words[intent.id]:
            continue  # a word the topic's answers never use: neither its follow-up nor its answers name the phrase
        own = index.followup_sentences[intent.id].get(kind)
        if own is not None and phrases.names_any_in(own, phrase):
            asked_first.append(intent)
        elif phrases.names_any_in(index.answer_sentences[intent.id], phrase):
            answered_besides.append(intent)
    found = asked_first + answered_besides
    if not 2 <= len(found) <= MAX_NAMED:
        return False
    ctx.count("followup_topics_named_in_answers")
    ctx.count("disambiguation")
    ctx.state.asked = ChoicesOffered(intents=[intent.id for intent in found], followup=kind)
    ctx.add(ctx.say("disambiguate"), buttons=ctx.choice_buttons([intent.id for intent in found]))
    return True


# The matcher's out-of-scope probability (`Classification.outside`) above which a message the knowledge base cannot
# answer is about something other than the gemeente's work ("is it going to snow this week?" 0.95, "wie wint de
# wedstrijd vanavond?" 1.0), not a detail of the topic it lacks ("can my friend officiate?" after the wedding 0.73).
OUTSIDE_PROBABILITY = 0.9


def about_something_else(ctx: TurnContext, text: str, topic: "ResolvedIntent") -> bool:
    """"is it going to snow this week?" after the opening hours, "wie wint de wedstrijd vanavond?" after the passport:
    a message the matcher places outside the gemeente's work that names no word of the topic talked about (its title,
    answers, follow-up answers, details) and points back at nothing said ("wat als ik het vergeet?" does). Not a
    detail of the topic the knowledge base lacks: what Balie can help with, not "Dat weet ik niet" about the topic."""
    if followups.points_back_at_something(text) or topic.detail_for(text) is not None:
        return False
    words = ctx.knowledge.derived(TopicWords.of).answer_words.get(topic.id, frozenset()) | _title_words(topic)
    if any(word in words for word in phrases.words_of(text).split()
           if len(word) >= _MIN_TITLE_WORD and word not in followups.FILLER):
        return False
    return ctx.classify(text).outside >= OUTSIDE_PROBABILITY  # the turn's own reading of the text, as a rule


def _answer_texts(intent: "ResolvedIntent") -> str:
    """An intent's answer and follow-up answers, Dutch and English, one per line."""
    return f"{intent.answer.nl}\n{intent.answer.en}\n{_followup_texts(intent, FOLLOWUP_KINDS)}"


def _followup_texts(topic: "ResolvedIntent", kinds: "Sequence[str]") -> str:
    """The topic's answers to the follow-up kinds asked, Dutch and English."""
    texts = [getattr(topic.followups, kind, None) for kind in kinds]
    return "\n".join(f"{text.nl}\n{text.en}" for text in texts if text is not None)


def _title_words(topic: "ResolvedIntent") -> set[str]:
    return set(phrases.words_of(f"{topic.title.nl} {topic.title.en}").split())


def _date_for_the_topic(ctx: TurnContext, text: str, topic: "ResolvedIntent") -> bool:
    """"in juni, 12 juni" after the wedding's answer: the date of the topic's own event told, answered with the topic's
    deadline counted from it ("U noemt zaterdag 12 juni 2027. Doe de melding minimaal 2 weken ...": was "Bedoelt u"
    the wedding or a report in a public space). Only a topic with a deadline (`termijn`) and a date to come."""
    today = ctx.promises.available.now.astimezone(AMSTERDAM).date()
    told = facts.date_told(text, today)
    if told is None or not answers.has_followup(ctx, topic, "termijn"):
        return False
    ctx.count("followup_date_told")
    day = f"{date_words(told, ctx.language)} {told.year}"
    return answers.followup(ctx, "termijn", topic.id, intro=ctx.say("date_told", day=day))


def _about_topic_on_a_day(ctx: TurnContext, text: str, topic: "ResolvedIntent") -> bool:
    """A question about the current topic on a day it names: one that points back or asks, and names
    nothing else ("kan het ook op zaterdag?", "kan ik op zaterdag komen?" after the driving licence), or
    one whose other words the matcher reads as that topic when the tenant's fees name the day ("can we
    marry on a saturday?" after the wedding: the Saturday fee)."""
    rest = facts.without_days(text)
    if (followups.points_back(text) or clauses.is_question(text)) and followups.is_contextual(rest):
        return True
    weekdays = facts.asked_weekdays(text)
    if not weekdays or facts.fees(ctx.tenant, topic.id, ctx.promises, weekdays) is None:
        return False
    reading = ctx.classify(rest)
    return reading.decision != "reject" and topic.id in {candidate.intent for candidate in reading.candidates}


def _team_contact(ctx: TurnContext, topic: "ResolvedIntent | None") -> bool:
    """"wie kan ik bellen?": the current topic's team (else the default team), its phone and
    e-mail, honest about the hours."""
    if not ctx.add_team_contact(topic.team if topic is not None else None):
        return False
    ctx.intent, ctx.confidence = (topic.id if topic is not None else None), 1.0
    return True


# A sentence that asks by its first word (without a question mark): "hoe laat is de milieustraat open", not "is al weken
# donker daar" (a verb first that tells).
_ASKS = re.compile(r"(?:hoe|wat|wanneer|waar|waarom|wie|welke?|mag|kan|kun|kunt|moet|how|what|when|where|why|who|which|can|may|must|"
                   r"should|will)\b")


def _place_told(ctx: TurnContext, text: str, topic: "ResolvedIntent", kinds: list[str],
                reading: "Callable[[], Classification]") -> bool:
    """"kerkstraat ter hoogte van nr 14", "Spoorstraat opposite no 22. will someone come tomorrow?" right after a
    report answered: the place of what was reported (was the scope message, or "Dat weet ik niet"). Said honestly:
    Balie does not pass it on, the form does (the topic's link); when it is asked, how long it usually takes (no
    promise of tomorrow); while the gemeente is closed, or when danger is told, who helps now (the topic's
    `after_hours`: the fault line, 112). Not a question of another topic, nor another question than when."""
    # "3511 XK 45" after "Is uw container niet geleegd? Meld dat ...": the address of the report (after the waste
    # calendar's own answer a postcode asks for the calendar). The place first: most messages name none.
    place = details.names_a_street_place(text)
    if not place and (slots.postcode(text) is None or len(text.split()) > _ADDRESS_WORDS):
        return False
    form = report_links(ctx, topic)
    if not place and form is None:
        return False
    asking = [said for said in clauses.sentences(text) if said.rstrip().endswith("?") or _ASKS.match(clauses.asked(said))]
    if any(not facts.names_a_day(said) and "duur" not in followups.asked_kinds(said) for said in asking):
        return False  # "laat maar, ik breng het zelf. hoe laat is de milieustraat open?" asks a question of its own
    asks_when = "duur" in kinds or facts.names_a_day(text)
    found = reading()
    if found.decision == "answer" and found.intent != topic.id:
        return False
    ctx.count("followup_place_told")
    ctx.state.misses = 0
    ctx.intent, ctx.confidence = topic.id, 1.0
    said = [ctx.say("place_told")]
    if asks_when and topic.followups.duur is not None:
        said.append(topic.followups.duur.get(ctx.language))
    links = form if form is not None else [ctx.link(link) for link in topic.links]
    if topic.after_hours is not None and (not ctx.promises.open_now or reactions.tells_danger(text)):
        said.append(topic.after_hours.answer.get(ctx.language))
    ctx.add(" ".join(said), links=links)
    return True


# A postcode and house number typed alone, in a few words ("3511 XK 45", "postcode 1234 AB nr 7").
_ADDRESS_WORDS = 6
# The knowledge's report topic and the slot of its form: an answer that sends the resident to that form (the tenant's
# page for the slot, or the topic's own link where the tenant overrides it) asks for a report.
REPORT = "melding-openbare-ruimte"


def report_links(ctx: TurnContext, topic: "ResolvedIntent") -> "list[Link] | None":
    """The links of the answer just given (the topic's own detail's, else the topic's) when one of them is the report
    form ("Is uw container niet geleegd? Meld dat bij de gemeente ..."): what the resident tells next belongs in that
    report, which Balie does not make. None for any other answer."""
    report = ctx.intent_of(REPORT)
    forms = {link.url for link in report.links} if report is not None else set()
    forms.add(ctx.tenant.urls.get(REPORT, ""))
    own = next((detail for detail in topic.details if detail.name == ctx.state.own_detail), None)
    given = own.links if own is not None else topic.links
    if not forms & {link.url for link in given}:
        return None
    return [ctx.link(link) for link in given]


# `ChoicesOffered.followup` when the question asked under "Bedoelt u" was whom to call while the gemeente is closed.
AFTER_HOURS = "after_hours"


def after_hours(ctx: TurnContext, topic: "ResolvedIntent") -> None:
    """"wie bel ik 's nachts?": who helps with the topic while the gemeente is closed (its `after_hours` contact),
    then the gemeente's own team, honest about now (open until, or closed and when it opens again); a topic
    without one: nobody else then, and the team's line."""
    ctx.count("after_hours_contact")
    ctx.state.misses = 0
    ctx.intent, ctx.confidence = topic.id, 1.0
    own = ctx.promises.team_contact(ctx.team(ctx.team_id(topic.team)))  # open until, or when it opens again
    if topic.after_hours is None:
        said = [ctx.say("after_hours_nobody", topic=topic.title.get(ctx.language)), own]
        links = [ctx.link(link) for link in topic.links]
    else:
        said = [topic.after_hours.answer.get(ctx.language), own]
        links = [ctx.link(link) for link in topic.after_hours.links] or [ctx.link(link) for link in topic.links]
    ctx.add(" ".join(line for line in said if line), links=links, buttons=[ctx.person_button()])


def _named_alone_elsewhere(ctx: TurnContext, text: str, topic: "ResolvedIntent") -> bool:
    """Whether the text names another topic's detail whose words name that topic on their own (`named_alone`): "en
    wanneer halen jullie de kerstbomen op?" after bulky waste asks about the Christmas trees (the waste calendar's), not
    bulky waste's pick-up day that "wanneer halen ... op" names."""
    topics, key_words = ctx.knowledge.derived(_named_alone_topics)
    if not key_words.in_text(text):
        return False  # no named_alone detail's phrase can be named: most messages (read on every own detail)
    return any(other.id != topic.id and (own := other.detail_for(text)) is not None and own.named_alone
               for other in topics)


def _named_alone_topics(knowledge: "TenantKnowledge") -> "tuple[list[ResolvedIntent], phrases.KeyWords]":
    """The topics with a detail whose words name them on their own (`named_alone`), and the key words of those details'
    phrases (`phrases.KeyWords`)."""
    topics = [intent for intent in knowledge.intents.values()
              if intent.kind == "topic" and any(detail.named_alone for detail in intent.details)]
    return topics, phrases.KeyWords.of(phrase for intent in topics for detail in intent.details if detail.named_alone
                                       for phrase in detail.words)


def _own_detail(ctx: TurnContext, text: str, topic: "ResolvedIntent") -> bool:
    """A detail of the current topic's own, asked or told without naming the topic again
    ("hoeveel getuigen heb ik nodig?" after the wedding, "ik heb een uitkering" after the tax
    waiver, "voor mijn nieuwe baan" after the BRP extract): that detail's answer. Not when what
    the message says besides the detail's words is another topic ("ik heb een uitkering, kan ik
    bijzondere bijstand krijgen?"), nor for a question of its own about another topic ("kan ik
    een uitkering aanvragen?" asks for welfare; "en als ik een uitkering heb?" points back)."""
    own = topic.detail_for(text)
    if own is None or len(text.split()) >= clauses.STORY_WORDS or _named_alone_elsewhere(ctx, text, topic):
        return False
    # A follow-up asked with it is answered as one ("wat kost een uittreksel voor mijn werk?": the price);
    # a child named is who the detail is about ("moet mijn dochter er zelf bij zijn?"), no follow-up of its own.
    # A follow-up's words that are the detail's own ask the detail ("it's only 5 weeks from now, is it too late?" after
    # the event permit: its own answer for an event soon, not how far in advance to apply again).
    rest = phrases.without(text, own.words)
    if any(kind != "kind" for kind in followups.detect_all(rest)):
        return False
    # Still on the detail just answered ("moet ik aangifte doen?" right after a stolen driving licence): that
    # detail, whatever the matcher reads in its words alone (a birth registration in "aangifte").
    # The whole question first: the turn reads it anyway, and a topic it answers that the question names by a word of
    # that topic's title ("hoe vraag ik een parkeervergunning aan?" after moving house) spares reading the rest without
    # the detail's words. A topic the whole is read as without its title named is read in the detail's words (the
    # milieustraat in "kan ik hem zelf naar de buren brengen?" after a dead cat): the rest decides. So too when a phrase
    # of several words names the detail, title and all ("can I just fly with my driving licence?": `_named_in_its_words`).
    readings = [] if ctx.state.own_detail == own.name else [rest]
    if (readings and clauses.is_question(text) and not followups.points_back(text)
            and not _named_in_its_words(text, own)):
        readings.insert(0, text)
    for reading in readings:
        if followups.is_contextual(reading) or _around_the_detail(reading):
            continue
        named = ctx.classify(reading)
        other = ctx.intent_of(named.intent)
        if (named.decision == "answer" and other is not None and other.kind == "topic" and other.id != topic.id
                and (reading is not text or other in titles_named(ctx, text))):
            return False
    ctx.count("followup_detail")
    # the detail's answer (`ResolvedIntent.detail_for`), or the more specific one the conversation is on
    refined = [ctx.state.detail] if details.REFINES.get(ctx.state.detail or "") == own.name else None
    answers.answer(ctx, topic, 1.0, text, asked_details=refined)
    return True


def _named_in_its_words(text: str, own: "ResolvedDetail") -> bool:
    """Whether a phrase of several words names the detail: then another topic the whole message reads is read in the
    detail's own words ("can I just fly with my driving licence?" after an ID card stolen abroad: the driving licence),
    and only the rest of the message, without them, may name another topic. A one-word phrase may be another topic's
    own name ("hoe vraag ik een parkeervergunning aan?" after moving house is the permit's)."""
    return phrases.names_any(text, [phrase for phrase in own.words if len(phrase.split()) > 1])


# Topics whose errand is the resident's own account, in writing: what they tell more right after the answer belongs
# in it (the text says so), not "Bedoelt u Bezwaar of Overlast?" or the whole answer again.
TOLD_IN_WRITING = {"klacht": "told_more_complaint", "bezwaar": "told_more_objection"}
# A remark this short or shorter says too little to be an account ("ok", "dat is het").
TOLD_MORE_MIN_WORDS = 4


def told_more(ctx: TurnContext, text: str, kinds: list[str], result: "Classification") -> bool:
    """"de medewerker hing gewoon op toen ik mijn vraag stelde", "ze heeft mijn gegevens aan mijn buurvrouw verteld"
    right after the complaint's answer: more of what happened, told (no sentence asks), which goes in the complaint.
    Not when the matcher answers another topic in it ("ik heb ook last van de buren"), nor frustration with the bot, nor
    a way to be contacted."""
    topic = ctx.intent_of(ctx.state.topic)
    words = len(text.split())
    if (topic is None or topic.id not in TOLD_IN_WRITING or kinds or not TOLD_MORE_MIN_WORDS <= words < clauses.STORY_WORDS
            or any(clauses.is_question(sentence) for sentence in clauses.sentences(text))
            or (result.decision == "answer" and result.intent != topic.id) or reactions.is_frustrated(text)
            or contacts.contact(text) is not None or contacts.asks_to_be_contacted(text)
            or contacts.asks_for_callback(text)):
        return False  # "you can mail me at ...": a callback, not an account
    ctx.count("told_more")
    ctx.state.misses = 0
    ctx.intent, ctx.confidence = topic.id, 1.0
    ctx.add(ctx.say(TOLD_IN_WRITING[topic.id]), links=[ctx.link(link) for link in topic.links])
    return True


# The rest of a detail's question this short that asks nothing of its own is where or with whom it happens ("moet ze
# zelf mee naar het gemeentehuis?" leaves "naar het gemeentehuis?", which alone reads as the opening hours, 0.97).
AROUND_THE_DETAIL_WORDS = 3


def _around_the_detail(rest: str) -> bool:
    return len(clauses.plain(rest).split()) <= AROUND_THE_DETAIL_WORDS and not clauses.starts_asking(rest)


# A word of a follow-up's subject reads the topic the matcher places the subject in at least this surely on its own
# ("hondenbelasting" 0.99 in "oh en nog iets, hondenbelasting, wat kost dat eigenlijk").
NAMED_IN_FOLLOWUP_SCORE = 0.6


def topic_named_in_followup(ctx: TurnContext, text: str,
                            result: "Classification") -> "tuple[ResolvedIntent, float] | None":
    """In a conversation, the topic the words of a follow-up name when the matcher does not
    place the whole ("oh en nog iets, hondenbelasting, wat kost dat eigenlijk"). A follow-up
    is elliptical there; a first question is whole, and the matcher has read all of it:
    "wanneer moet ik mijn identiteitsbewijs tonen?" is not the id card's deadline, so the
    matcher's doubt stands ("Bedoelt u ...?"). Not when the matcher's first guess for the whole (`result`) is the
    current topic: "hoe lang van tevoren moet ik het melden?" after the wedding is its notice (the marriage 0.79), not a
    street report read in "melden" alone."""
    topic = ctx.intent_of(ctx.state.topic)
    if topic is None or (result.candidates and result.candidates[0].intent == topic.id):
        return None
    words = followups.subject(text)
    named = ctx.classify(words) if words else None
    intent = ctx.intent_of(named.intent) if named is not None else None
    if (named is not None and named.decision == "answer" and intent is not None and intent.kind == "topic"
            and _names_another_topic(ctx, words, intent, topic)):
        return intent, named.score
    return None


def _names_another_topic(ctx: TurnContext, words: str, named: "ResolvedIntent", topic: "ResolvedIntent") -> bool:
    """Whether a follow-up's subject names the topic the matcher reads in it, not the current one: by a word of that
    topic's title ("en een id-kaart?" after the passport, whose answers also say "id-kaart"), or by a word the knowledge
    base knows that reads it on its own and that the current topic's own answers do not use. "kan ik beter een bureau
    nemen, die doen het gratis toch?" after the WOZ value, whose answers speak of objection bureaus, read "bureau" as the
    polling station (the elections' "Stemmen is gratis"); "bureaus", a word the base does not know, read the same
    as a piece of "stembureau"."""
    if named in titles_named(ctx, words):
        return True
    own = ctx.knowledge.derived(TopicWords.of).answer_words.get(topic.id, frozenset())
    told = " ".join(word for word in words.split() if word not in own)
    return bool(told) and ctx.word_reads_as(told, named.id, NAMED_IN_FOLLOWUP_SCORE, known_only=True)


def followup_pointing_back(ctx: TurnContext, text: str, kinds: list[str], placed_nowhere: bool = False) -> bool:
    """A follow-up with words of its own the matcher does not place, that points back at the
    current topic ("hoeveel kost dat op een zaterdag?", "moet ik daarvoor langskomen of kan 't
    digitaal?", "en voor m'n zoontje van 3?"): answered for that topic. `placed_nowhere`: the
    matcher rejects every topic for it, so a question of a follow-up's own ("hoe lang duurt voor ik
    geld krijg" after the welfare benefit) asks it of the topic talked about (was a miss)."""
    topic = ctx.intent_of(ctx.state.topic)
    if topic is None or not (followups.points_back(text) or (placed_nowhere and clauses.is_question(text))):
        return False
    ctx.count("followup_with_words")
    answers.followup(ctx, answers.pick_followup(ctx, topic, kinds), topic.id, also=kinds)
    return True


def meant_in_context(ctx: TurnContext, result: "Classification", text: str,
                     asked: Asked | None) -> "ResolvedIntent | None":
    """The one guess of the matcher that the conversation already points at: the topic just
    answered when the question points back at it or names nothing else ("kan ik dat melden?"
    after litter, "wat moet ik regelen?" after a death) or when it is the first guess, or the one option of the "Bedoelt u"
    just asked that the matcher guesses again ("moet ik die aangeven?" after Geboorte / Erkennen), or a topic answered
    earlier that the question points back at ("en die bank dan?" after a side question)."""
    candidates = result.candidates
    guessed = {candidate.intent for candidate in candidates}
    topic = ctx.intent_of(ctx.state.topic)
    if topic is not None and topic.id in guessed and (followups.points_back(text) or followups.is_contextual(text)):
        return topic
    # The matcher's own first guess is the topic just answered: a short question (not a bare
    # word such as "reisdocument", which asks for the choice) in a conversation stays on its topic ("how far in advance do I need to book?" after the wedding,
    # where "book" also suggests an event permit).
    if (topic is not None and candidates and candidates[0].intent == topic.id and clauses.is_question(text)
            and 2 < len(text.split()) < clauses.STORY_WORDS):
        return topic
    if isinstance(asked, ChoicesOffered):
        again = [intent for intent in asked.intents if intent in guessed]
        if len(again) == 1:
            return ctx.intent_of(again[0])
    # Back to a topic answered earlier in the conversation, its matter pointed at again while the current topic is no
    # guess ("ok en die bank dan, moet ik bellen?" after the Christmas trees, asked after bulky waste for a sofa: was
    # "Bedoelt u" Grofvuil / Schuldhulp). The latest such topic; each answered topic asked its feedback once.
    earlier = [intent for intent in ctx.state.feedback_asked if intent in guessed and intent != ctx.state.topic]
    if (earlier and (topic is None or topic.id not in guessed) and followups.points_back(text)
            and len(text.split()) < clauses.STORY_WORDS):
        return ctx.intent_of(earlier[-1])
    return None


def answer_nothing_named(ctx: TurnContext, result: "Classification", text: str) -> bool:
    """"do I need to tell the municipality?" after the dog died: a question about what was just
    answered that names nothing of its own, and that the matcher cannot place. The topic's answer
    says it. (A question with words of its own the knowledge base lacks: "Dat weet ik niet" and
    the topic's page, in `Turn._not_understood`.)"""
    topic = ctx.intent_of(ctx.state.topic)
    # Also the matcher's guesses of other topics for a question that points back and names nothing ("wat moet ik
    # daarvoor regelen?" after a passport for a mother who cannot come: not "Bedoelt u Evenementenvergunning?").
    if (topic is not None and clauses.is_question(text) and followups.is_contextual(text)
            and (result.decision == "reject" or result.decision == "clarify" and followups.points_back(text))):
        ctx.count("followup_nothing_named")
        carried = [ctx.state.detail] if ctx.state.detail else None  # still about the detail just answered
        answers.answer(ctx, topic, 1.0, text, asked_details=carried)
        return True
    return False


def topics_named_by_their_words(ctx: TurnContext, result: "Classification", text: str) -> list["ResolvedIntent"]:
    """"do I need an appointment to collect my passport" after the opening hours: a question the matcher cannot
    place that names another topic in one of that topic's own words (a word of its title that the matcher alone
    reads as that topic: "passport", "appointment") is about that topic, not "Dat weet ik niet" about the current
    one. The topics so named, in the order named, the current one left out (at most MAX_NAMED)."""
    topic = ctx.intent_of(ctx.state.topic)
    if (result.decision != "reject" or topic is None or topic.kind != "topic" or not clauses.is_question(text)
            or len(text.split()) >= clauses.STORY_WORDS):
        return []
    return [intent for intent in titles_named(ctx, text) if intent.id != topic.id][:MAX_NAMED]


def _callback_promised_again(ctx: TurnContext, text: str) -> bool:
    """"wanneer bellen jullie dan?", "wanneer hoor ik wat" after a callback was arranged (a ticket of today or a day to
    come): the promise again, with its team and moment (was the opening hours, the topic's own duration, or "Waar gaat
    uw vraag over?")."""
    handover = ctx.conversation.handover
    if (handover is None or handover.status != HandoverStatus.QUEUED or handover.expected_contact_at is None
            or handover.expected_contact_at.astimezone(AMSTERDAM).date() < ctx.today
            or not contacts.asks_when_contacted(text)):
        return False
    ctx.count("callback_promised_again")
    ctx.add(ctx.say("notice_queued", team=ctx.team_name(handover.team), moment=ctx.promises.contact_promise(handover)))
    return True


def titles_named(ctx: TurnContext, text: str) -> list["ResolvedIntent"]:
    """The topics a message names in a word of their own title that the matcher alone reads as that topic
    ("parkeervergunning", "passport"), in the order named."""
    index = ctx.knowledge.derived(TopicWords.of)
    found: list["ResolvedIntent"] = []
    for word in dict.fromkeys(phrases.words_of(text).split()):
        owners = index.titles.get(word) or index.titles.get(_singular(word), ())
        if not owners:
            continue
        first = index.first_reading(ctx.knowledge, word)
        intent = ctx.intent_of(first) if first in owners else None
        if intent is not None and intent not in found:
            found.append(intent)
    return found


# A question names at most this many topics in their own words before it says too little of any of them.
MAX_NAMED = 3
# Title words shorter than this ("of", "een", "WOZ" aside) name no topic on their own.
_MIN_TITLE_WORD = 4


class TopicWords:
    """What the context rules read in the whole knowledge base on every question, derived once per loaded
    knowledge (`TenantKnowledge.derived(TopicWords.of)`): the topics (not handovers), each topic's answers
    and follow-up answers as `phrases.sentence_words`, how many topics' answers use each word, which topics'
    titles have each word, and the matcher's first guess for a word alone (kept as words are read: only the
    words of titles and their plurals are ever read)."""

    def __init__(self, knowledge: "TenantKnowledge") -> None:
        self.topics: tuple["ResolvedIntent", ...] = tuple(
            intent for intent in knowledge.intents.values() if intent.kind == "topic" and not intent.handover)
        self.answer_sentences: dict[str, str] = {
            intent.id: phrases.sentence_words(_answer_texts(intent)) for intent in self.topics}
        self.followup_sentences: dict[str, dict[str, str]] = {
            intent.id: {kind: phrases.sentence_words(f"{own.nl}\n{own.en}") for kind in FOLLOWUP_KINDS
                        if (own := getattr(intent.followups, kind, None)) is not None}
            for intent in self.topics}
        # The words of each topic's answers and follow-up answers.
        self.answer_words: dict[str, frozenset[str]] = {
            intent_id: frozenset(sentences.split()) for intent_id, sentences in self.answer_sentences.items()}
        self.answers_using: Counter[str] = Counter(word for words in self.answer_words.values() for word in words)
        titles: dict[str, list[str]] = {}
        for intent in self.topics:
            for word in _title_words(intent):
                if len(word) >= _MIN_TITLE_WORD:
                    titles.setdefault(word, []).append(intent.id)
        # Each word of a topic's title (Dutch and English) -> the topics whose title has it.
        self.titles: dict[str, tuple[str, ...]] = {word: tuple(owners) for word, owners in titles.items()}
        self._first_readings: dict[str, str | None] = {}

    @classmethod
    def of(cls, knowledge: "TenantKnowledge") -> "TopicWords":
        return cls(knowledge)

    def first_reading(self, knowledge: "TenantKnowledge", word: str) -> str | None:
        """The intent the matcher places `word` alone under first, None when it rejects it."""
        try:
            return self._first_readings[word]
        except KeyError:
            reading = knowledge.matcher.classify(word)
            first = reading.candidates[0].intent if reading.decision != "reject" and reading.candidates else None
            return self._first_readings.setdefault(word, first)


def _singular(word: str) -> str:
    """"passports" -> "passport", "paspoorten" -> "paspoort": a plural read as the title's word."""
    for ending in ("en", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_TITLE_WORD:
            return word[: -len(ending)]
    return word


def continues_unguessed(ctx: TurnContext, result: "Classification", text: str) -> bool:
    """"en als het meer dan 100 mensen zijn?" after the event permit: the conversation goes on about
    its topic, which the matcher does not guess; its guesses (Inkomenstoeslag, Overlast) are noise."""
    return (result.decision == "clarify" and ctx.intent_of(ctx.state.topic) is not None
            and followups.continues(text))

"""Answering a topic: its answer, a follow-up, a detail variant, tenant facts."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..kb.models import FOLLOWUP_KINDS
from ..kb.phrases import names_any, without
from ..models import Link
from . import clauses, details, facts, flows, followups, reactions
from .availability import opening_hours_of
from .context import TurnContext
from .feedback import ask_feedback

if TYPE_CHECKING:
    from ..kb.compiled import ResolvedDetail, ResolvedIntent
    from ..kb.models import Text

MAX_FOLLOWUP_BUTTONS = 3
# The system intent of questions about the assistant itself ("ben je een robot?"): answered with the
# self-introduction, which names the gemeente and when a person is there.
SELF_INTRODUCTION = "bot-identiteit"
MAX_FOLLOWUPS_PER_MESSAGE = 2  # "wat kost het en hoe lang duurt het?": both, and no more
# Where a message's clauses part: after a sentence's or a comma's mark (kept: "?" tells a question),
# and at "en" / "and".
_CLAUSES = re.compile(r"(?<=[.?!;,])\s*|\s+(?:en|and|&)\s+", re.IGNORECASE)
# The word of sympathy that opens the answers after a death (the variants' and the catalogue's).
_SYMPATHY = re.compile(r"^(?:Gecondoleerd met (?:uw verlies|het overlijden)|We are sorry for your loss)\.\s*")


def answer(ctx: TurnContext, intent: "ResolvedIntent", score: float, text: str = "",
           asked_details: Sequence[str] | None = None, with_followup: str | None = None,
           own_detail: str | None = None, feedback: bool = True, intro: str = "") -> None:
    """Answer `intent` (a topic or a system intent that hands nothing over). `text`
    is the question, for the detail it may ask (`asked_details` when the conversation
    already told it) and the facts it wants first. `with_followup`: a follow-up asked
    in the same question, answered after the topic's answer ("hoe verleng ik mijn
    paspoort en wat kost het?"). `own_detail`: the topic's own detail the conversation is
    about when the question does not name it ("wat nu?" after "ons papier is niet opgehaald"). `feedback`: False when
    another question follows the answer in the same reply (the offer of a person), so no "Was dit nuttig?" beside it.
    `intro`: a line before the topic's answer (not a detail's of `details.DETAIL_KINDS`), in the same message."""
    ctx.intent, ctx.confidence = intent.id, score
    ctx.state.misses = 0
    ctx.count(f"intent:{intent.id}")
    ctx.count("answered")
    if intent.kind == "system":
        if ctx.first_turn and intent.id in ("groet", SELF_INTRODUCTION):
            ctx.add(ctx.say("ask_question"))  # the greeting already said hello, and who is there
        elif intent.id == SELF_INTRODUCTION:
            introduce(ctx)
        else:
            ctx.add(intent.answer.get(ctx.language), links=[ctx.link(link) for link in intent.links])
        return
    # "ik snap het niet, hoe ruil ik mijn container om": the same topic asked again by a resident who did not
    # understand its answer; the answer, and a person who can explain it (not "Was dit nuttig?" again)
    asked_again = bool(text) and ctx.state.topic == intent.id and reactions.not_understood(text)
    ctx.state.topic = intent.id
    kinds = list(asked_details) if asked_details is not None else details.detect(text) if text else []
    detail = detail_of(intent, kinds)
    own = intent.detail_for(text) or own_detail_in(intent, own_detail)
    ctx.state.own_detail = own.name if own is not None else None  # a detail of this topic's own (`details:`)
    if detail is not None:
        ctx.state.detail = detail  # the follow-ups asked with it are the detail's (`detail_followup`)
    if (detail is not None and (detail not in intent.variants or detail == intent.id) and own is not None
            and own_detail is None):
        # A detail the topic has no answer of its own for (the death's general text) and one it has, named in the
        # message ("mijn man is overleden ... over zijn schulden": the estate's debts): the named one is the answer;
        # the death stays the context of the next question ("moet ik zijn parkeervergunning opzeggen?"). So too when
        # the detail is the topic itself (a death, for 'Overlijden aangeven'): "moet ik haar huur opzeggen bij de
        # gemeente?" is the rent's own answer, not the death's general one.
        ctx.count("own_detail_over_general")
        context, detail = detail, None
    else:
        context = None
    if (detail is not None or own is not None) and with_followup is None:
        with_followup = _followup_apart(ctx, intent, text)
    if detail is None:
        ctx.state.detail = context or details.told(text)  # "ik ben mijn paspoort kwijt": where, may come next
    else:
        _answer_detail(ctx, intent, detail, with_followup)
        if asked_again:
            _person_to_explain(ctx)
        elif feedback:
            ask_feedback(ctx, intent.id)
        return
    body = _sympathy_once(ctx, (own or intent).answer.get(ctx.language))
    body = f"{intro} {body}" if intro else body
    links = [ctx.link(link) for link in (own.links if own is not None and own.links else intent.links)]
    besides = _another_own_detail(intent, own, text)
    if besides is not None:
        # "Er ligt een dode kat op de stoep en de muur ernaast is beklad met graffiti": both are reports with the
        # same form, so both are answered (was the dead animal only, the graffiti dropped without a word)
        ctx.count("two_own_details")
        body = f"{body}\n\n{besides.answer.get(ctx.language)}"
    # A detail answers its own question: not the town hall's hours before "de openingstijden van de
    # milieustraat", not the waste calendar's postcode questions after "mijn container is niet geleegd". A topic whose
    # answer is its facts keeps them with its own detail ("zijn jullie morgen open? ik vlieg zaterdag": the hours, then
    # what to do before the flight).
    opening = _facts(ctx, intent.facts, text) if own is None or intent.facts else ""
    if opening:
        body = f"{opening}\n\n{body}"
    # A detail's own facts come after its answer, which says why ("bel vandaag nog de gemeente" before an eviction)
    closing_facts = [fact for fact in own.facts if not (opening and fact in intent.facts)] if own is not None else []
    closing = _facts(ctx, closing_facts, text) if closing_facts else ""
    if closing:
        body = f"{body} {closing}"
    # "ze is geboren op 28 november": whether the birth's 3 days still run, after the answer that names them
    term = facts.term_line(ctx.say, intent.term, text, ctx.today) if intent.term is not None and text else ""
    if term:
        ctx.count("term_told")
        body = f"{body}\n\n{term}"
    # "komt er iemand op huisbezoek? ook nu met kerst?" after the Wmo: where it happens (its own detail), and that the
    # town hall is closed on the day asked, with its next opening (was the detail alone, the day not heard); not for
    # another place's hours ("is de milieustraat zaterdag open?")
    closed = _closed_day_asked(ctx, text) if own is not None and own.name == WHERE_IT_HAPPENS and text else ""
    if closed:
        ctx.count("closed_day_asked")
        body = f"{body}\n\n{closed}"
    body = _with_followup(ctx, intent, with_followup, body, links)
    buttons = [
        ctx.button(f"followup_{kind}", f"followup:{kind}")
        for kind in FOLLOWUP_KINDS
        if kind != with_followup
        and (getattr(intent.followups, kind) is not None or (kind == "kosten" and _has_fees(ctx, intent.id)))
    ][:MAX_FOLLOWUP_BUTTONS]
    ctx.add(body, links=links, buttons=buttons)
    if asked_again:
        _person_to_explain(ctx)
    elif intent.flow is not None and own is None:
        flows.start_guide(ctx, intent)
    elif feedback:
        ask_feedback(ctx, intent.id)


def _another_own_detail(intent: "ResolvedIntent", own: "ResolvedDetail | None", text: str) -> "ResolvedDetail | None":
    """A second of the topic's own details named in the message beside the one answered, when both send the resident
    to the same form or page (a link in common). Named by words the answered one's do not take: "we hebben nog een andere
    hond, blijft die gewoon?" is the dog that stays, whose words hold the new dog's "andere hond"."""
    if own is None or not text or intent.detail_for(text) is not own:
        return None
    urls = {link.url for link in own.links}
    besides = without(text, own.words)
    return next((other for other in intent.details if other is not own and names_any(besides, other.words)
                 and any(link.url in urls for link in other.links)), None)


def _person_to_explain(ctx: TurnContext) -> None:
    """After the same answer again to a resident who did not understand it: a person who can explain, honest about
    when one is there."""
    ctx.count("answer_not_understood")
    ctx.add(f"{ctx.say('not_clear_yet')} {ctx.person_line()}", buttons=[ctx.person_button()])


def introduce(ctx: TurnContext) -> None:
    """"wat is jouw naam?", "ben je een robot?": who is there (the assistant of this gemeente,
    software), what it can do, and when a person is available (the one availability function)."""
    ctx.count("self_introduction")
    ctx.add(f"{ctx.say('self_introduction', tenant=ctx.tenant.name)} {ctx.promises.people_line()}",
            buttons=[ctx.person_button()])


def followup(ctx: TurnContext, kind: str, topic: str | None, confidence: float = 1.0,
             also: Sequence[str] = (), intro: str = "") -> bool:
    """Answer a follow-up ("wat kost dat?") about `topic`. `confidence`: 1.0 when
    the context decided, the matcher's score when the question named its own
    subject. `also`: the other follow-up kinds asked in the same message ("wat kost
    het en hoe lang duurt het?"), answered in the same message when the topic has
    them. `intro`: a line before the answer, in the same message. False when there is no topic to answer it for."""
    intent = ctx.intent_of(topic)
    if intent is None or kind not in FOLLOWUP_KINDS:
        return False
    ctx.intent, ctx.confidence = intent.id, confidence
    ctx.state.misses = 0
    if ctx.state.topic != intent.id:
        ctx.state.detail = ctx.state.own_detail = None  # another topic: the last answer's details were about that one
    ctx.state.topic = intent.id
    ctx.count("followup")
    ctx.count(f"followup:{kind}")
    first = _followup_part(ctx, intent, kind)
    if first is None:
        ctx.add(
            f'{ctx.say("followup_unknown", topic=intent.title.get(ctx.language))} {ctx.person_line()}',
            links=[ctx.link(link) for link in intent.links],
            buttons=[ctx.person_button()],
        )
        return True
    ctx.count("answered")
    said = first[0][:1].lower() + first[0][1:] if intro.endswith(":") else first[0]  # "Voor ... geldt: doe de melding"
    texts, links = [f"{intro} {said}".strip()], list(first[1])
    for other in also:
        part = _followup_part(ctx, intent, other) if other != kind and len(texts) < MAX_FOLLOWUPS_PER_MESSAGE else None
        if part is not None:
            ctx.count(f"followup:{other}")
            texts.append(part[0])
            links += part[1]
    ctx.add("\n\n".join(texts), links=links)
    ask_feedback(ctx, intent.id)
    return True


def on_a_day(ctx: TurnContext, intent: "ResolvedIntent", text: str, kinds: Sequence[str] = ()) -> None:
    """"kan het ook op zaterdag?" about the current topic: the tenant's fees for that day when
    its table names the day ("Trouwen op zaterdag: € 690,00"); else the cost follow-up when the
    question asks the price, and the opening hours of that day when it does not ("kan ik dat vandaag
    nog regelen?" after the passport: today's hours, not the passport's fees), except for collecting
    waste, which has days of its own."""
    weekdays = facts.asked_weekdays(text)
    fee_lines = facts.fees(ctx.tenant, intent.id, ctx.promises, weekdays) if weekdays else None
    if fee_lines is None and kinds:
        followup(ctx, pick_followup(ctx, intent, list(kinds)), intent.id, also=kinds)
        return
    ctx.intent, ctx.confidence = intent.id, 1.0
    ctx.state.misses = 0
    ctx.count("followup")
    ctx.count("followup:day")
    ctx.count("answered")
    if fee_lines is not None:
        url = ctx.tenant.urls.get("tarieven")
        ctx.add(fee_lines, links=[Link(title=ctx.say("fees_link"), url=url)] if url else [])
    elif facts.collects_waste(f"{intent.title.nl} {intent.title.en}"):
        # "en op oudejaarsdag?" after the waste calendar: not "the town hall is closed" (waste has its own days)
        ctx.add(ctx.say("waste_on_a_day"), links=[ctx.link(link) for link in intent.links])
    else:
        ctx.add(_opening_hours(ctx, text), links=[ctx.link(link) for link in intent.links])
    ask_feedback(ctx, intent.id)


def _followup_part(ctx: TurnContext, intent: "ResolvedIntent", kind: str) -> tuple[str, list[Link]] | None:
    """The text (and links) of one follow-up of `intent`: the detail's own answer when the
    conversation is in a detail that has one (`detail_followup`), else the tenant's fees for
    the cost, else the topic's answer."""
    own = detail_followup(ctx, intent, kind)
    fee_lines = facts.fees(ctx.tenant, intent.id, ctx.promises) if kind == "kosten" else None
    fee_links = [Link(title=ctx.say("fees_link"), url=url)] if (url := ctx.tenant.urls.get("tarieven")) else []
    if own is not None:
        # The detail's words on the price ("a new passport at home costs the normal fee"), then the
        # tenant's amounts for the topic, which the resident may ask next ("how much is a new one?"); not after a
        # topic's own detail, whose matter the topic's amounts are not (a terrace is no building permit).
        ctx.count(f"followup_of_detail:{ctx.state.detail or ctx.state.own_detail}")
        if fee_lines is not None and ctx.state.detail in intent.variants:
            return f"{own.get(ctx.language)}\n\n{fee_lines}", fee_links
        return own.get(ctx.language), []
    if fee_lines is not None:
        return fee_lines, fee_links
    text = getattr(intent.followups, kind, None)
    return (text.get(ctx.language), []) if text is not None else None


def detail_followup(ctx: TurnContext, intent: "ResolvedIntent", kind: str) -> "Text | None":
    """The answer to a follow-up of the detail the conversation is in, where the topic's general
    answer would be wrong: after a first registration from abroad "kan dat online?" is no (at the
    desk, with an appointment), not the move's "ja, met DigiD"; after a passport stolen abroad the
    price is the embassy's; after a terrace (a topic's own detail) the price is the terrace's, not the building
    permit's. None where the detail leaves the kind to the topic (`Variant.followups`, `Detail.followups`)."""
    variant = intent.variants.get(ctx.state.detail) if ctx.state.detail else None
    if variant is not None:
        return getattr(variant.followups, kind, None)
    own = own_detail_in(intent, ctx.state.own_detail)
    return getattr(own.followups, kind, None) if own is not None else None


def own_detail_in(intent: "ResolvedIntent", name: str | None) -> "ResolvedDetail | None":
    """The topic's own detail (`details:`) the conversation is on, if any."""
    return next((own for own in intent.details if own.name == name), None) if name else None


def pick_followup(ctx: TurnContext, intent: "ResolvedIntent | None", kinds: list[str]) -> str | None:
    """Which of the asked follow-up kinds to answer: the detail's own answer to one of them (the
    conversation's detail), else the price when the tenant has amounts for it ("wat kost een id-kaart
    voor mijn kind?" -> the fees, with the price for children), else the first the topic can answer,
    else the first asked."""
    own = [kind for kind in kinds if intent is not None and detail_followup(ctx, intent, kind) is not None]
    if own:
        return own[0]
    if intent is not None and "kosten" in kinds and _has_fees(ctx, intent.id):
        return "kosten"
    answerable = [kind for kind in kinds if intent is not None and has_followup(ctx, intent, kind)]
    return (answerable or kinds or [None])[0]


def has_followup(ctx: TurnContext, intent: "ResolvedIntent", kind: str) -> bool:
    return (getattr(intent.followups, kind, None) is not None or (kind == "kosten" and _has_fees(ctx, intent.id))
            or detail_followup(ctx, intent, kind) is not None)


def detail_of(intent: "ResolvedIntent", kinds: Sequence[str]) -> str | None:
    """The first detail kind this intent answers: its own variant, or a general one."""
    for kind in kinds:
        if kind in intent.variants or (kind in details.GENERAL_KINDS and intent.kind == "topic"):
            return kind
    return None


def answer_detail(ctx: TurnContext, intent: "ResolvedIntent", kind: str, score: float = 1.0) -> None:
    """A detail asked without a subject ("hoe staat het ervoor?") about the current topic."""
    ctx.intent, ctx.confidence = intent.id, score
    ctx.state.misses = 0
    ctx.count(f"intent:{intent.id}")
    ctx.count("answered")
    _answer_detail(ctx, intent, kind)
    ask_feedback(ctx, intent.id)


def _answer_detail(ctx: TurnContext, intent: "ResolvedIntent", kind: str, with_followup: str | None = None) -> None:
    """The detail's answer: the topic's variant, else the catalogue's general one; then the
    follow-up asked besides it (`followup_apart`)."""
    ctx.count(f"detail:{kind}")
    ctx.state.topic = intent.id
    ctx.state.detail = kind
    # Where a person can help (how an application is going, after a death), offer one.
    buttons = [ctx.person_button()] if kind in details.GENERAL_KINDS else []
    variant = intent.variants.get(kind)
    if variant is not None:
        text = _sympathy_once(ctx, variant.answer.get(ctx.language))
        links = [ctx.link(link) for link in variant.links]
    else:
        team_name = ctx.team_name(ctx.team_id(intent.team))
        text = _sympathy_once(ctx, ctx.say(f"detail_{kind}", topic=intent.title.get(ctx.language), team=team_name))
        text = f"{text} {ctx.person_line()}" if buttons else text
        links = [ctx.link(link) for link in intent.links]
    ctx.add(_with_followup(ctx, intent, with_followup, text, links), links=links, buttons=buttons)


def _with_followup(ctx: TurnContext, intent: "ResolvedIntent", kind: str | None, text: str, links: list[Link]) -> str:
    """`text` with the answer to the follow-up `kind` asked with it after it (its links added to `links`)."""
    asked = _followup_part(ctx, intent, kind) if kind is not None else None
    if asked is None:
        return text
    ctx.count("followup")
    ctx.count(f"followup:{kind}")
    links += asked[1]
    return f"{text}\n\n{asked[0]}"


def _followup_apart(ctx: TurnContext, intent: "ResolvedIntent", text: str) -> str | None:
    """A follow-up the topic answers that the message asks in a clause of its own besides a detail:
    "my passport was stolen in Barcelona, what should I do? And how much is a new one?", "ik wil
    trouwen op een zaterdag. wat kost dat en hoeveel getuigen mogen er zijn?" (both answered). One
    clause that asks both is the detail's own question ("wat kost een noodpaspoort?": the detail).
    Only a clause that asks, and not in a story: there a daughter or a price is told in passing."""
    if len(text.split()) >= clauses.STORY_WORDS:
        return None
    for clause in _CLAUSES.split(text):
        if not clauses.is_question(clause) or details.detect(clause) or intent.detail_for(clause) is not None:
            continue
        kind = pick_followup(ctx, intent, followups.detect_all(clause))
        if kind is not None and has_followup(ctx, intent, kind):
            return kind
    return None


def _sympathy_once(ctx: TurnContext, text: str) -> str:
    """The word of sympathy once a conversation: "mijn moeder is overleden", "wat moet ik regelen?",
    "moet ik haar id-kaart inleveren?" are three answers that each open with it."""
    if not _SYMPATHY.match(text):
        return text
    if ctx.state.condoled:
        return _SYMPATHY.sub("", text)
    ctx.state.condoled = True
    return text


def _facts(ctx: TurnContext, named: Sequence[str], text: str) -> str:
    """The tenant facts an answer says (`named`: a topic's or a detail's `facts`); the phone number first when asked
    for, today's hours also when asked for."""
    wanted = list(named)
    if "opening_hours" not in wanted and facts.asks_for_hours(text):
        wanted.insert(0, "opening_hours")  # "kan ik vandaag nog langskomen voor mijn rijbewijs?"
    if facts.asks_for_phone(text) and "phone" in wanted:
        wanted.remove("phone")
        wanted.insert(0, "phone")
    lines = [facts.phone(ctx.tenant, ctx.promises) if fact == "phone" else _opening_hours(ctx, text) for fact in wanted]
    return " ".join(line for line in lines if line)


# A topic's own detail (`details:` in knowledge) for where its conversation takes place (the Wmo's at home).
WHERE_IT_HAPPENS = "waar"


def _closed_day_asked(ctx: TurnContext, text: str) -> str:
    """A day a clause of the question asks about on which the town hall is closed ("ook met kerst?"): that day's hours
    and the next opening; "" for any other question."""
    asked = facts.asked_day(text, ctx.promises) if clauses.a_clause_asks(text) else None
    if asked is None or ctx.knowledge.derived(opening_hours_of).intervals(asked):
        return ""
    return _opening_hours(ctx, text)


def _opening_hours(ctx: TurnContext, text: str) -> str:
    """The hours of the day the question names, remembered for "en de dag erna?"; first that the hours of
    another place it names (the library, the swimming pool) are not known here."""
    asked = facts.asked_day(text, ctx.promises, after=ctx.state.day)
    ctx.state.day = asked or facts.said_day(text, ctx.promises)
    hours = facts.opening_hours(ctx.knowledge.derived(opening_hours_of), ctx.promises, asked,
                                week_later=facts.todays_weekday_named(text, ctx.promises))
    place = facts.other_place(text, ctx.language)
    return f"{ctx.say('hours_other_place', place=place)} {hours}" if place else hours


def _has_fees(ctx: TurnContext, intent_id: str) -> bool:
    fees = ctx.tenant.fees
    return fees is not None and bool(fees.items.get(intent_id))


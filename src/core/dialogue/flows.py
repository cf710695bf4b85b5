"""Guided flows of the knowledge base: ask the intent's slots in order, check
each answer, then answer with the values filled in.

A flow is left when the resident says stop (or a bare "nee" where no answer was
found), asks something else (the turn then answers that), or gives three invalid
answers in a row. "waarom wil je mijn postcode?" is answered (why it is asked), and "ok" or
"en nu?" gets the question again: neither is an invalid answer. The callback flow of a
handover runs on the same state (`DialogueState.flow`) in `handover.py`.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import clauses, contacts, followups, replies, slots, small_talk
from .context import TurnContext
from .feedback import ask_feedback
from .state import GuideFlow

if TYPE_CHECKING:
    from ..kb.compiled import ResolvedIntent

MAX_FLOW_ERRORS = 3
# Where a resident finds what a slot of this type asks (texts `flow_unknown_<type>`; `flow_unknown` for the others).
_WHERE_TO_FIND = {"postcode": "flow_unknown_postcode", "huisnummer": "flow_unknown_huisnummer"}
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def start_guide(ctx: TurnContext, intent: "ResolvedIntent") -> None:
    """The flow's first question, unless the message that started it already answers it ("Is the garbage collected
    today? 3512 KL": the postcode taken, the next question asked; was asked for again)."""
    assert intent.flow is not None
    ctx.count("flow_started")
    flow = GuideFlow(intent=intent.id)
    ctx.state.flow = flow
    if ctx.text and ctx.payload is None and slots.parse(intent.flow.slots[0].type, ctx.text, ctx.today) is not None:
        ctx.count("flow_answered_at_once")
        continue_guide(ctx, flow)
        return
    ctx.add(f"{intent.flow.slots[0].ask.get(ctx.language)} {ctx.say('flow_stop_hint')}")


def continue_guide(ctx: TurnContext, flow: GuideFlow) -> bool:
    """One answer in a guided flow. False when the resident asked something else
    instead (the flow is left; the caller answers the question)."""
    state = ctx.state
    intent = ctx.intent_of(flow.intent)
    if intent is None or intent.flow is None:  # the knowledge changed under a running flow
        state.flow = None
        return False
    ctx.intent, ctx.confidence = intent.id, 1.0  # the flow, not the matcher, decided
    if replies.is_stop(ctx.text) or replies.withdraws(ctx.text):  # "laat maar eigenlijk", "nvm"
        _cancel(ctx)
        ctx.add(ctx.say("flow_stopped"))
        return True
    slot = intent.flow.slots[flow.slot]
    value = slots.parse(slot.type, ctx.text, ctx.today)
    if value is None:
        refusal = replies.yes_no(ctx.text)
        if refusal is not None and not refusal.yes and not refusal.rest:
            # "nee" to "Wat is uw postcode?": the resident does not want to go on.
            _cancel(ctx)
            ctx.add(ctx.say("flow_stopped"))
            return True
        if replies.asks_why(ctx.text):
            # "waarom wil je mijn postcode?": why it is asked, and the question again (not "geen geldige postcode").
            ctx.count("flow_why")
            ctx.add(f"{ctx.say('flow_why')} {slot.ask.get(ctx.language)} {ctx.say('flow_stop_hint')}")
            return True
        if replies.does_not_know(ctx.text):
            # "weet ik niet uit mijn hoofd", "geen idee": where to find it, and stopping is fine. Counted towards
            # giving up (a person is offered after three), but never "Dat is geen geldige postcode" for words.
            ctx.count("flow_unknown")
            flow.errors += 1
            if flow.errors < MAX_FLOW_ERRORS:
                where = _WHERE_TO_FIND.get(slot.type, "flow_unknown")
                ctx.add(f"{ctx.say(where)} {ctx.say('flow_unknown_then')}")
                return True
            _give_up(ctx)
            return True
        if _acknowledges(ctx.text):
            # "ok", "en nu?", "and now?": no answer, but no wrong one either; the question again, plainly.
            ctx.count("flow_asked_again")
            ctx.add(f"{ctx.say('flow_waiting')} {slot.ask.get(ctx.language)} {ctx.say('flow_stop_hint')}")
            return True
        if _asks_something_else(ctx, intent.id) or _other_question(ctx.text) or _tells_something_else(ctx.text):
            # Not an answer but a new question ("hoe laat zijn jullie open", "hoe lang duurt dat dan?"): leave
            # the flow; the turn answers it, and its first answer typed next takes the resident back to it.
            _cancel(ctx)
            state.left_flow = intent.id if flow.slot == 0 else None
            ctx.intent, ctx.confidence = None, 0.0
            return False
        flow.errors += 1
        if flow.errors >= MAX_FLOW_ERRORS:
            _give_up(ctx)
        else:
            ctx.add(slot.invalid.get(ctx.language))
        return True
    flow.values[slot.name] = value
    ctx.flow_values.append(value)
    flow.slot += 1
    flow.errors = 0
    # "1234AB 5": the next slot's answer given with this one is taken, not asked again.
    rest = slots.rest_after(slot.type, ctx.text)
    while flow.slot < len(intent.flow.slots):
        following = intent.flow.slots[flow.slot]
        value = slots.parse(following.type, rest, ctx.today)
        if value is None:
            break
        flow.values[following.name] = value
        ctx.flow_values.append(value)
        flow.slot += 1
        rest = slots.rest_after(following.type, rest)
    if flow.slot < len(intent.flow.slots):
        ctx.add(intent.flow.slots[flow.slot].ask.get(ctx.language))
        return True
    # Done: the values live only as long as the flow (they may be personal data).
    values = flow.values
    ctx.flow_values.extend(values.values())
    state.flow = None
    ctx.count("flow_completed")
    ctx.count("answered")
    ctx.add(
        _fill(intent.flow.done.text.get(ctx.language), values),
        links=[ctx.link(link, values) for link in intent.flow.done.links],
    )
    ask_feedback(ctx, intent.id)
    return True


def resume_guide(ctx: TurnContext, left: str) -> bool:
    """"1234 AB" right after a side question that left the waste calendar's postcode question ("andere vraag: ...
    zwembad"): the answer to the flow's first question takes the resident back to it (was "Het lukt mij niet ...").
    False when the message is no such answer."""
    intent = ctx.intent_of(left)
    if intent is None or intent.flow is None or slots.parse(intent.flow.slots[0].type, ctx.text, ctx.today) is None:
        return False
    ctx.count("flow_resumed")
    ctx.state.flow = GuideFlow(intent=intent.id)
    return continue_guide(ctx, ctx.state.flow)


def _give_up(ctx: TurnContext) -> None:
    """Three answers that are no answer: stop asking, and offer a person (honest about the hours)."""
    _cancel(ctx)
    moment = None if ctx.live_possible else ctx.promises.callback()
    text = ctx.say("flow_gave_up_closed", moment=moment) if moment else ctx.say("flow_gave_up")
    ctx.add(text, buttons=[ctx.person_button()])


def _cancel(ctx: TurnContext) -> None:
    ctx.state.flow = None
    ctx.count("flow_cancelled")


def _asks_something_else(ctx: TurnContext, flow_intent: str) -> bool:
    if contacts.asks_for_person(ctx.text):
        return True
    result = ctx.classify(ctx.text)
    return result.intent is not None and result.intent != flow_intent and result.intent in ctx.knowledge.intents


def _acknowledges(text: str) -> bool:
    """"ok", "prima", "en nu?", "and now?", "hallo?": the resident is there, but typed no answer."""
    said = replies.yes_no(text)
    return (said is not None and said.yes and not said.rest) or small_talk.is_impatient(text) \
        or followups.asks_what_next(text)


# A question word anywhere in a message ("en de kerstboom, waar laat ik die"): it asks, wherever the word stands.
_QUESTION_WORD = re.compile(r"\b(?:waar|wat|hoe|wanneer|waarom|welke|wie|where|what|how|when|why|which|who)\b")


def _other_question(text: str) -> bool:
    """A question with no digit in it ("hoe lang duurt dat dan?", "can I do it online?", "en de kerstboom waar laat
    ik die" with its question word inside): no try at a postcode, house number or date, so not "Dat is geen
    geldige postcode"."""
    return ((clauses.is_question(text) or _QUESTION_WORD.search(clauses.plain(text)) is not None)
            and not any(char.isdigit() for char in text))


# A sentence of this many words or more without a digit is no postcode, house number or date typed with words around it.
TOLD_WORDS = 6


def _tells_something_else(text: str) -> bool:
    """"the app says wednesday but my bin wasn't emptied on wednesday" to "Wat is uw postcode?": a sentence that tells
    something else, with no digit in it, so no try at an answer (was "Dat is geen geldige postcode")."""
    return len(text.split()) >= TOLD_WORDS and not any(char.isdigit() for char in text)


def _fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)

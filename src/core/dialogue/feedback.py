"""Feedback ("Was dit nuttig?"): asked once per topic, answered by a button or a typed yes or no."""
from __future__ import annotations

from .context import TurnContext
from .state import FeedbackAsked


def ask_feedback(ctx: TurnContext, intent_id: str) -> None:
    """"Was dit nuttig?" once per topic in a conversation."""
    state = ctx.state
    if intent_id in state.feedback_asked:
        return
    state.remember_feedback(intent_id)
    state.feedback_open = intent_id
    state.asked = FeedbackAsked(intent=intent_id)
    ctx.add(
        ctx.say("feedback_question"),
        buttons=[ctx.button("button_helpful", "feedback:yes"), ctx.button("button_not_helpful", "feedback:no")],
    )


def on_feedback(ctx: TurnContext, helpful: bool, *, quietly: bool = False) -> None:
    """A 👍 or 👎 (pressed or typed). Counted once; `quietly`: the resident went on
    with a new question in the same message, which is answered instead of thanked."""
    intent = ctx.state.feedback_open
    ctx.state.feedback_open = None
    if intent is None:
        if not quietly:
            # The question was answered already (a second click): say thanks, count nothing.
            ctx.add(ctx.say("feedback_thanks"))
        return
    verdict = "helpful" if helpful else "not_helpful"
    ctx.count(f"feedback_{verdict}")
    ctx.count(f"feedback_{verdict}:{intent}")
    if quietly:
        return
    if helpful:
        ctx.add(ctx.say("feedback_thanks"))
    else:
        say_sorry(ctx)


def say_sorry(ctx: TurnContext) -> None:
    """"Jammer dat dit niet hielp": ask again in other words, or a person (honest about when)."""
    if ctx.live_possible:
        ctx.add(ctx.say("feedback_sorry"), buttons=[ctx.person_button()])
        return
    moment = ctx.promises.callback()
    text = ctx.say("feedback_sorry_closed", moment=moment) if moment else ctx.say("feedback_sorry")
    ctx.add(text, buttons=[ctx.person_button()])

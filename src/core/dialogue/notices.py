"""Personal data a resident need not share in the chat: said once a conversation.

A resident who types a BSN, an IBAN, the number of a passport or ID card, or a medical detail ("mijn bsn is ...,
klopt mijn adres nog?") gets the reply to the message as always (crisis help first, then the answer), and after
it, once a conversation and in its language, one short message: they need not give it here, that part of the
message was not kept (true: the transcript, the ticket made from it, the staff view, the reports and the logs
only ever get `privacy.redact`'s text; tests/integration/test_privacy25_not_kept.py), and a member of staff asks
for it safely when it is needed. Also while a person has the conversation: the bot is silent then, but the member
of staff never sees the number either, and the resident should know.
"""
from __future__ import annotations

from .. import privacy
from ..models import ReplyMessage
from .context import TurnContext

# The buttons of a question: feedback, "Bedoelt u ...?" and its "iets anders".
CHOICES = ("feedback:", "intent:", "choice:")


def add_privacy_notice(ctx: TurnContext, crisis_help: bool = False) -> None:
    """The notice with this turn's reply, when the resident's own text told a kind of `privacy.SENSITIVE` and no
    notice was given in the conversation yet: before the reply's closing question ("Was dit nuttig?", "Bedoelt u
    ...?"; its buttons stay the last word), else last; always last after crisis help (`crisis_help`): never before
    crisis help or an answer."""
    if ctx.state.privacy_told or ctx.payload is not None or not ctx.message.text.strip():
        return
    kinds = privacy.sensitive_kinds(ctx.message.text)
    if not kinds:
        return
    ctx.state.privacy_told = True
    ctx.count("privacy_notice")
    for kind in kinds:
        ctx.count(f"privacy_notice:{kind}")
    names = [ctx.say(f"privacy_what_{kind}") for kind in kinds]
    what = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {ctx.say('privacy_or')} {names[-1]}"
    notice = ReplyMessage(text=ctx.say("privacy_notice", what=what))
    messages = ctx.messages
    before_the_question = len(messages) > 1 and not crisis_help and _asks(messages[-1])
    messages.insert(len(messages) - 1 if before_the_question else len(messages), notice)


def _asks(message: ReplyMessage) -> bool:
    """The message asks the resident something: a question, or choices to press."""
    return message.text.rstrip().endswith("?") or any(button.payload.startswith(CHOICES) for button in message.buttons)

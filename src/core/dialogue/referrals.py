"""The scope message, with where to go when the message names a matter another
organisation handles ("Voor een verblijfsvergunning gaat u naar de IND: ind.nl").

The referrals are data (knowledge/_out_of_scope.yaml `referrals:`); they are said only
when the matcher answered no topic, so a question the gemeente does answer never gets one.
"""
from __future__ import annotations

from ..models import Link
from .context import TurnContext


def scope_message(ctx: TurnContext, text: str) -> tuple[str, list[Link]]:
    """The scope message and its links: the referral's line and link first when `text` names one."""
    referral = ctx.knowledge.referral_for(text)
    if referral is None:
        return ctx.say("out_of_scope"), []
    ctx.count("referral")
    return (ctx.say("out_of_scope_referral", referral=referral.text.get(ctx.language)),
            [Link(title=referral.organisation, url=referral.url)])

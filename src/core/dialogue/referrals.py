"""The scope message, with where to go when the message names a matter another
organisation handles ("Voor een verblijfsvergunning gaat u naar de IND: ind.nl").

The referrals are data (knowledge/_out_of_scope.yaml `referrals:`); they are said only
when the matcher answered no topic, so a question the gemeente does answer never gets one,
or when a clause of the message asks it beside the gemeente's part (`besides`: its line first,
then the rest answered on its own).
A referral's words told only as the background of a question about something else ("mijn WW
is nog niet geregeld ... kan ik bijstand krijgen?") do not decide it: what is asked does
(`asked_besides`).
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING

from ..kb.phrases import names_any
from ..models import Link
from . import clauses
from .context import TurnContext

if TYPE_CHECKING:
    from ..kb.models import Referral
    from ..matcher import Classification, Part


def scope_message(ctx: TurnContext, text: str) -> tuple[str, list[Link]]:
    """The scope message and its links: the referral's line and link first when `text` names one."""
    referral = ctx.knowledge.referral_for(text)
    if referral is None:
        return ctx.say("out_of_scope"), []
    ctx.count("referral")
    ctx.state.referral = referral.organisation
    return (ctx.say("out_of_scope_referral", referral=referral.text.get(ctx.language)),
            [Link(title=referral.organisation, url=referral.url)])


def asked_besides(ctx: TurnContext, text: str, result: "Classification") -> "Part | None":
    """The clause a message asks that names none of the referral words the rest of it tells ("... mijn WW is nog
    niet geregeld ... kan ik bijstand krijgen of zo?": the WW is background, welfare is asked), when the matcher
    guesses a topic for it; None when the message names no referral, or asks about it."""
    referral = ctx.knowledge.referral_for(text)
    if referral is None:
        return None
    asking = [part for part in clauses.asking(text, result) if clauses.is_question(part.text)]
    if not asking or any(names_any(part.text, referral.words) for part in asking):
        return None
    return next((part for part in asking if part.classification.decision != "reject"), None)


# "gestolen uit mn tas in de trein", "I lost it on the bus": where something happened, not the organisation's matter (a
# train told as a place asks nothing of the NS).
_PLACE = re.compile(r"\b(?:in|op|uit|bij|on|at|from|off)\s+(?:de|het|een|the|a|my|mijn|m'n|mn)\s+\w+", re.IGNORECASE)


def besides(ctx: TurnContext, text: str) -> "tuple[Referral, str] | None":
    """Another organisation's matter asked beside something the gemeente may do ("weet je of het droog is zaterdag, ivm de
    verhuiswagen", "my train is stuck ... I have an appointment at 10:15 ... when will it run again?"): the referral and
    the rest of the message (its clauses that name none of the referral's words). None when the message names no
    referral, names it in every clause, or tells it only as the background of another question (`asked_besides`), or
    when a clause that names it names an own detail of the current topic: "I'm retired, I live on the state pension"
    after special assistance tells the income that topic's detail is about (was the SVB's line before it)."""
    referral = ctx.knowledge.referral_for(text)
    if referral is None:
        return None
    pieces = clauses.clauses_of(text)
    outside = [piece for piece in pieces if names_any(_PLACE.sub(" ", piece), referral.words)]
    rest = [piece for piece in pieces if piece not in outside]
    if not outside or not rest or (not any(map(clauses.is_question, outside)) and any(map(clauses.is_question, rest))):
        return None
    topic = ctx.intent_of(ctx.state.topic)
    if topic is not None and topic.kind == "topic" and any(topic.detail_for(piece) is not None for piece in outside):
        return None
    return referral, " ".join(rest)


def say_line(ctx: TurnContext, referral: "Referral") -> None:
    """The referral's own line and link, on its own: what the resident asked of another organisation."""
    ctx.count("referral")
    ctx.state.referral = referral.organisation
    ctx.add(referral.text.get(ctx.language), links=[Link(title=referral.organisation, url=referral.url)])


def said_again(ctx: TurnContext, about_it: bool = False) -> bool:
    """"wie moet ik dan bellen?", "oh, who do I call then" right after a referral (`DialogueState.referral`, set
    for one turn): that organisation's line and link again, not the gemeente's own number. `about_it`: a question about
    what the organisation decides ("what do you mean self-contained? I share a kitchen" after the rent benefit's
    referral): that it decides, not the gemeente, then its line. False when no referral was said last turn."""
    referral = next((known for known in ctx.knowledge.referrals if known.organisation == ctx.referral_before), None)
    if referral is None:
        return False
    ctx.count("referral_again")
    ctx.state.misses = 0
    ctx.intent, ctx.confidence = None, 1.0
    ctx.state.referral = referral.organisation  # a second "en dan?" is about it too
    ctx.add(ctx.say("referral_decides" if about_it else "referral_again", referral=referral.text.get(ctx.language),
                    organisation=referral.organisation),
            links=[Link(title=referral.organisation, url=referral.url)])
    return True


# "sorry, verkeerd, ik woon in Noord", "oh I actually live in Amsterdam": where the resident lives, told as a name. Not a
# kind of home or a part of town ("ik woon in een flat", "in de binnenstad", "in Nederland").
_LIVES_IN = re.compile(
    r"\b(?:ik|wij|we|i|i'm|i m|im|we're|we re)(?: (?:eigenlijk|zelf|nu|actually|really|now|just|am|are))* "
    r"(?:woon|wonen|live|living)(?: (?:eigenlijk|zelf|helemaal|nu|actually|really|now))* in "
    r"(?P<place>[a-zà-ÿ][\w-]*)(?P<rest>(?: \w+)*)$")
_NOT_A_PLACE = frozenset(
    """de het een deze dit die uw jullie mijn the a an this that your my our another een andere nederland holland europa
    netherlands europe town city stad dorp centrum wijk buurt straat huis huurhuis flat appartement woning huurwoning
    koopwoning studio kamer buitenland abroad zorginstelling verpleeghuis tehuis opvang auto car house apartment room
    village area neighbourhood street""".split())
_STREET = re.compile(r"(?:straat|laan|weg|plein|gracht|kade|singel|dreef|hof|park|steeg|pad|dijk|street|road|lane|avenue)$")
# A message this short that tells where one lives tells only that.
LIVES_ELSEWHERE_WORDS = 10


def lives_elsewhere(text: str, own_name: str) -> bool:
    """True when a short message tells the resident lives somewhere by a name that is not this gemeente's own
    ("ik woon in Noord" in gemeente Voorbeeld's chat): that gemeente's rules, fees and arrangements apply, not these."""
    plain = clauses.plain(text)
    found = _LIVES_IN.search(plain) if len(plain.split()) <= LIVES_ELSEWHERE_WORDS else None
    if (found is None or found["place"] in _NOT_A_PLACE or len(found["rest"].split()) > 1
            or _STREET.search(found["place"]) or any(char.isdigit() for char in found["rest"])):
        return False  # "ik woon in de Kerkstraat", "ik woon in Lindelaan 5": an address, not a place
    own = set(clauses.plain(own_name).replace("-", " ").split()) | {clauses.plain(own_name).removeprefix("gemeente ")}
    return found["place"] not in own and found["place"] not in {"gemeente", "municipality"}


# "is het daar ook gratis?", "and there?", "hoe gaat dat bij hen?": a question about the other gemeente just named
_THERE = re.compile(r"\b(?:daar|there|bij hen|bij hun|bij die gemeente|in die gemeente|that municipality|"
                    r"the other municipality|mijn gemeente|my municipality|my town|mijn eigen gemeente)\b")


def asks_about_there(text: str) -> bool:
    return _THERE.search(clauses.plain(text)) is not None

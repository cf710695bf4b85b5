"""Threats against the gemeente or its staff: "ik ga jullie gemeentehuis opblazen", "de volgende keer kom ik met
een mes naar het loket", "I will kill the clerk".

    without_the_threat("ik ga jullie gemeentehuis opblazen")   # "" (a threat; nothing else said)
    without_the_threat("ik word hier gek van")                 # None: angry words, no threat
    without_the_threat("ik kan jullie wel schieten")           # None: a figure of speech

Such a message gets a calm, firm reply (threats are not accepted; the gemeente may report them; in danger 112), no
topic buttons, and in office hours an urgent handover, so that staff see the conversation first in their queue
(core.dialogue.turn). It is read in the crisis pass, after the crisis rules: a resident's own crisis told in the same
message gets its help first; the crisis rules' reading of the threat's own words (a knife: danger; "sla ik haar in
elkaar": violence) gives way to it.

What makes a threat here: the writer (ik, we, I) as the one who acts, the gemeente, its building, its desk or its staff
as the target, and an act of violence against it (blowing up, setting fire, coming with a weapon, killing or beating,
knowing where a member of staff lives). Anger without a target or an act ("ik word hier gek van", "ik schiet bijna uit
mijn slof", "ik ontplof") and the figure of speech "ik kan jullie wel ..." are no threat; someone else's threat told by
the resident is a danger the crisis rules read. Read on the crisis detector's normalised words (crisis.normalise: folded,
squeezed, chat forms written out); the patterns are squeezed the same way and compiled on first use.
"""
from __future__ import annotations

import functools
import re

from .crisis import _squeeze_pattern, normalise

__all__ = ["without_the_threat"]

_WORD = r"(?:[a-z0-9]+ )"
# The writer, never a word that turns the threat into a figure of speech ("ik kan jullie wel ...", "bijna").
_WRITER = r"\b(?:ik|we|wij|i)"
_BETWEEN = r"(?:(?!kan |kon |could |wel |bijna |almost |nooit |never |niet |not )[a-z0-9]+ )"
_PLACE = (
    r"(?:gemeentehuis|stadhuis|raadhuis|stadskantoor|gemeentekantoor|gemeente|loket|balie|kantoor|town hall|city hall|"
    r"council offices?|council|municipality|office|desk|counter)"
)
_STAFF = (
    r"(?:jullie|ambtenaar|ambtenaren|medewerker|medewerkers|medewerkster|baliemedewerker|baliemedewerkster|consulent|"
    r"handhaver|handhavers|boa|wethouder|burgemeester|you all|you people|your staff|the staff|clerk|clerks|mayor|"
    r"(?:die|de|that|the) (?:vrouw|man|mevrouw|meneer|trut|vent|gast|woman|lady|guy) (?:van|achter|aan|bij|at|behind|from) "
    r"(?:de|het|jullie|the|your) (?:balie|loket|gemeente|desk|counter|council))"
)
_WEAPON = (
    r"(?:mes|messen|pistool|vuurwapen|wapen|geweer|bijl|machete|knuppel|honkbalknuppel|bom|explosieven|vuurwerkbom|"
    r"molotov|molotovcocktail|benzine|jerrycan|knife|knives|gun|pistol|weapon|rifle|axe|bat|baseball bat|bomb|petrol)"
)
# A weapon brought to be handed in, a permit for one: no threat.
_HANDED_IN = r"(?! (?:[a-z0-9]+ ){0,6}?(?:inleveren|in te leveren|inlever|afgeven|af te geven|hand in|handing in|surrender|vergunning|verlof|permit|licence|license)\b)"
_THREATS = (
    # blowing up or setting fire to the building: "ik ga jullie gemeentehuis opblazen", "dan steek ik het stadhuis in de fik"
    rf"{_WRITER} {_BETWEEN}{{0,4}}?(?:het |de |jullie |your |the )?{_PLACE} {_WORD}{{0,3}}?"
    r"(?:opblazen|op te blazen|in de fik steken|in de fik te steken|in de fik zetten|in brand steken|in brand te steken|platbranden|"
    r"plat te branden|afbranden|af te branden|bestormen|overvallen)\b",
    rf"\b(?:blaas|blazen|steek|steken|zet|zetten) (?:ik|we|wij) {_WORD}{{0,2}}?{_PLACE} {_WORD}{{0,2}}?(?:op|in brand|in de fik)\b",
    rf"{_WRITER} (?:blaas|blazen|steek|steken) {_WORD}{{0,2}}?{_PLACE} {_WORD}{{0,2}}?(?:op|in brand|in de fik)\b",
    rf"\b(?:i|we) {_BETWEEN}{{0,3}}?(?:blow up|blow|burn down|burn|bomb|torch|shoot up) (?:your |the |that )?{_PLACE}\b",
    rf"\b(?:een |a )?(?:bom|bomb|explosieven|explosives) {_WORD}{{0,3}}?(?:in|bij|onder|naar|at|in|under|into) (?:het |de |jullie |your |the )?{_PLACE}\b",
    # coming with a weapon to the desk or the staff: "de volgende keer kom ik met een mes naar het loket"
    rf"{_WRITER} {_BETWEEN}{{0,4}}?(?:met|with) (?:een |mijn |m |a |my )?{_WEAPON}\b{_HANDED_IN} {_WORD}{{0,4}}?(?:naar|bij|langs|in|to|at|into) {_WORD}{{0,2}}?(?:{_PLACE}|{_STAFF})\b",
    rf"{_WRITER} {_BETWEEN}{{0,3}}?(?:naar|to|into) {_WORD}{{0,2}}?{_PLACE} {_WORD}{{0,3}}?(?:met|with) (?:een |mijn |a |my )?{_WEAPON}\b{_HANDED_IN}",
    rf"\b(?:i|we) {_BETWEEN}{{0,3}}?(?:bring|take|come with|coming with|bringing) (?:a |my )?{_WEAPON} (?:to|into|at) {_WORD}{{0,2}}?{_PLACE}\b",
    # killing or beating staff: "ik maak die ambtenaar af", "ik ga jullie neerschieten", "I will kill the clerk"
    rf"{_WRITER} {_BETWEEN}{{0,3}}?(?:maak|vermoord|schiet|steek|sla|trap|wurg) {_WORD}?{_STAFF} {_WORD}{{0,2}}?(?:af|dood|neer|overhoop|in elkaar|lek|kapot)\b",
    rf"{_WRITER} (?:ga|gaan|zal|zullen|kom|komen) {_BETWEEN}{{0,2}}?{_STAFF} {_WORD}{{0,2}}?(?:vermoorden|afmaken|neersteken|neerschieten|doodschieten|doodsteken|"
    r"in elkaar slaan|in elkaar trappen|wat aandoen|iets aandoen|opwachten|te grazen nemen)\b",
    rf"\b(?:i|we) (?:will|am going to|are going to|going to|gonna|shall) (?:come and )?(?:kill|shoot|stab|hurt|beat up|attack|murder) {_WORD}?{_STAFF}\b",
    # "als ik die vrouw van de balie zie, sla ik haar in elkaar"
    rf"{_STAFF} (?:{_WORD}|\. ){{0,4}}?(?:sla|trap|steek|schiet|maak) (?:ik|we) {_WORD}?(?:haar|hem|ze|jullie|die) {_WORD}?(?:in elkaar|neer|dood|lek|overhoop|af)\b",
    # "ik weet waar die ambtenaar woont"
    r"\b(?:ik weet|we weten|i know|we know) (?:waar|where) (?:die|de|jullie|that|the|your) (?:[a-z0-9]+ )?"
    r"(?:ambtenaar|medewerker|medewerkster|baliemedewerker|baliemedewerkster|wethouder|burgemeester|consulent|handhaver|boa|clerk|mayor|"
    r"staff member|inspecteur|inspector) (?:woont|wonen|lives|live)\b",
)
# Text every threat holds, as typed (lower case): a target and an act. Looked for before the message is normalised, so an
# ordinary question costs a few substring tests.
_TARGET_HINTS = ("gemeente", "stadhuis", "raadhuis", "kantoor", "loket", "balie", "town hall", "city hall", "council", "municipalit",
                 "office", "desk", "counter", "jullie", "julie", "ambtena", "medewerk", "consulent", "handhav", "boa", "wethouder",
                 "burgemeester", "you all", "you people", "staff", "clerk", "mayor")
_ACT_HINTS = ("blaas", "blazen", "blow", "fik", "brand", "burn", "torch", "bom", "explos", "storm", "overval", "mes", "wapen", "geweer",
              "pistool", "bijl", "machete", "knuppel", "molotov", "benzine", "jerrycan", "knife", "knives", "gun", "pistol", "weapon",
              "rifle", "axe", "bat", "petrol", "maak", "vermoord", "schiet", "steek", "sla", "trap", "wurg", "kill", "shoot", "stab",
              "hurt", "beat", "attack", "murder", "aandoen", "opwachten", "grazen", "waar", "where")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_squeeze_pattern(source)) for source in _THREATS)


def without_the_threat(text: str) -> str | None:
    """The message's normalised words without those of its threats, or None when it threatens nobody: what the crisis
    rules read again for a crisis of the resident's own told beside the threat ("mijn man slaat me en ik blaas het
    gemeentehuis op")."""
    typed = text.lower()
    if not any(hint in typed for hint in _TARGET_HINTS) or not any(hint in typed for hint in _ACT_HINTS):
        return None
    normalised = normalise(text)
    found = False
    for pattern in _patterns():
        if pattern.search(normalised):
            found = True
            normalised = pattern.sub(" ", normalised)
    return " ".join(normalised.split()) if found else None

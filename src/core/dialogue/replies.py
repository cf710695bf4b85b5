"""Short replies to what the bot asked.

- `yes_no`: "ja", "nee, dank je", "ja bel me op 06 ...", "laat maar", "no thanks"
  (the answer and what follows it, so "ja, bel me op 06..." answers and gives a number);
- `is_stop`, `withdraws`, `withdraws_then`: words that end a flow or take a request back;
- `chosen_number`: "2", "de tweede", "optie 3" after a numbered choice; `none_of_these`: "geen van beide";
- `asks_why`: "waarom wil je mijn postcode?" inside a guided flow;
- `does_not_know`: "weet ik niet uit mijn hoofd": what a flow asks cannot be given;
- `declines_the_line`, `without_the_line`: "ik wil niet met 113 praten" right after crisis help.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import clauses

_YES = frozenset(
    """ja|jawel|jazeker|zeker|graag|ja graag|ja hoor|ja dank u|ja dank je|ja please|ja alstublieft|ja aub|
    oke|ok|oké|okay|okee|prima|goed|is goed|doe maar|klopt|dat klopt|zeker weten|top|yes|yep|yeah|yup|sure|
    yes please|please|of course|absolutely|j|y|👍""".replace("\n", "").split("|")
)
_NO = frozenset(
    """nee|neen|nee dank u|nee dank je|nee bedankt|nee hoor|nee dankjewel|nee dank u wel|liever niet|niet nodig|
    hoeft niet|laat maar|laat maar zitten|nee laat maar|niet echt|nee niet echt|helemaal niet|no|nope|nah|
    no thanks|no thank you|not really|never mind|nevermind|not needed|n|👎""".replace("\n", "").split("|")
)
# A reply that starts with one of these words answers the question, and may go on:
# "ja, bel me op 06-12345678", "nee, ik bedoel mijn rijbewijs".
_LEADING = re.compile(
    r"^\s*(?:(?P<no>nee|neen|no|nope|laat maar)|(?P<yes>ja|yes|jawel|jazeker|graag|oke|ok|okay|prima|sure|yep|yeah))"
    r"\b[\s,.!:;-]*(?:(?:graag|dank u|dank je|bedankt|please|thanks|thank you|hoor)\b[\s,.!:;-]*)?(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)

STOP_WORDS = frozenset(
    {"stop", "stoppen", "cancel", "annuleer", "annuleren", "quit", "stop maar", "ik wil stoppen", "hou op",
     "stop alsjeblieft", "stop please", "ophouden"}
)


@dataclass(frozen=True, slots=True)
class YesNo:
    yes: bool
    rest: str  # the text after the answer word(s): "bel me op 06 ..." (may be empty)


# "eh nee toch niet", "hmm ja": a sound before the yes or no says nothing of its own.
_SOUND_FIRST = re.compile(r"^\s*(?:(?:eh|ehm|uh|uhm|um|hmm|hm)\b[\s,.!-]*)+", re.IGNORECASE)


def yes_no(text: str) -> YesNo | None:
    """The yes or no a reply starts with (after a sound such as "eh"), or None when it is neither."""
    text = _SOUND_FIRST.sub("", text) or text
    plain = clauses.plain(text) or text.strip()  # "👍" is all symbol
    if plain in _YES:
        return YesNo(True, "")
    if plain in _NO:
        return YesNo(False, "")
    match = _LEADING.match(text)
    if match is None:
        return None
    return YesNo(match.group("yes") is not None, match.group("rest").strip())


def is_stop(text: str) -> bool:
    return clauses.plain(text) in STOP_WORDS


_WITHDRAW = frozenset(
    {"laat maar", "laat maar zitten", "nee laat maar", "hoeft niet meer", "hoeft al niet meer", "niet meer nodig",
     "ik hoef geen medewerker meer", "ik wacht niet langer", "never mind", "nevermind", "nvm", "forget it",
     "no need anymore",
     # while waiting for a person nobody has taken yet (the bot asked nothing): the resident changed their mind
     "nee hoeft niet", "hoeft niet", "nee dank je", "nee dank u", "nee bedankt", "no thanks", "no thank you", "not needed"}
)


# "actually never mind", "oh laat maar": a change of mind, said with a word before it
_CHANGE_OF_MIND = re.compile(r"^(?:(?:actually|oh|ah|ach|och|sorry|eigenlijk|toch|hmm|ok|oke|okay|nou|eh|uh|um) )+")


# "nvm ill wait till next week", "laat maar eigenlijk", "never mind, I'll call tomorrow", "laat maar ik vraag het eerst
# aan mijn werkgever": the change of mind said
# first, then why or what instead, without a question.
_WITHDRAWN_WITH_REASON = re.compile(
    r"^(?:laat maar(?: zitten)?|never ?mind|nvm|forget it|hoeft niet meer|niet meer nodig) (?!.*\?)"
    r"(?:eigenlijk|toch|hoor|dan|maar|then|actually|i'll|ill|i will|"
    r"ik (?:bel|wacht|kom|doe|regel|kijk|zoek|vraag|check|probeer|ga|mail))\b")


def withdraws_at_the_end(text: str) -> bool:
    """True when the message ends by taking the request back ("maandag?? ik wacht al 3 weken. laat maar")."""
    said = clauses.sentences(text)
    return bool(said) and withdraws(said[-1])


def withdraws(text: str) -> bool:
    """True when the resident takes back a request ("laat maar", "stop", "never mind", "actually
    never mind", "nvm ill wait till next week")."""
    plain = clauses.plain(text)
    bare = _CHANGE_OF_MIND.sub("", plain)
    return (plain in STOP_WORDS or plain in _WITHDRAW or bare in _WITHDRAW
            or _WITHDRAWN_WITH_REASON.match(bare) is not None)


# While waiting for a person nobody has taken yet, more ways to take the request back: "actually never mind, I found
# it, ...", "oh wacht, ik moet eerst met haar overleggen. later", "toch maar niet": the change of mind said first (what
# follows may be a question of its own), or "later" as the last sentence.
_WAIT_WITHDRAWN = re.compile(
    r"^(?:(?:actually|oh|ah|ach|och|sorry|eigenlijk|toch|hmm|ok|oke|okay|nou|eh|uh|um|wacht|wait|nee|no)\s+)*"
    r"(?:laat maar(?: zitten)?|never ?mind|nvm|forget it|hoeft (?:al )?niet(?: meer)?|toch (?:maar )?niet|no need|not needed|"
    r"i (?:found|figured) (?:it|it out)|i'?ve found it|(?:ik )?heb het (?:al )?gevonden|ik weet het al|"
    r"ik moet (?:het )?eerst (?:\w+ ){0,4}?(?:overleggen|bespreken|vragen|nadenken|kijken|checken)|"
    r"i (?:need|have) to (?:talk to|ask|check with|discuss it with) (?:\w+ ){0,3}?first)\b[\s,.!;:]*(?P<rest>.*)$")
_LATER = frozenset({"later", "straks", "later misschien", "misschien later", "een andere keer", "dan later", "later dan",
                    "maybe later", "later then", "another time", "some other time"})


def withdraws_the_wait(text: str) -> str | None:
    """What follows when a resident waiting for a person takes the request back ("actually never mind, I found it, my
    permit was still on my old car": "i found it my permit ..."; "oh wacht, ik moet eerst met haar overleggen. later":
    ""), or None when the message does not take it back."""
    plain = clauses.plain(text)
    said = clauses.sentences(text)
    if withdraws(text) or withdraws_at_the_end(text) or (len(said) > 1 and clauses.plain(said[-1]) in _LATER):
        return ""
    found = _WAIT_WITHDRAWN.match(plain)
    return found.group("rest") if found is not None else None


# "nee laat maar, wat kost een paspoort?": the request taken back, and a question after a mark (without
# one, "laat maar weten wanneer" asks to be told).
_WITHDRAW_THEN = re.compile(
    r"^\W*(?:(?:nee|no)\W+)?(?:laat maar(?: zitten)?|hoeft niet meer|niet meer nodig|never mind|nevermind|forget it)"
    r"\s*[,.!;:]+\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)


def withdraws_then(text: str) -> str | None:
    """The question asked after taking back a request in the same message, or None."""
    found = _WITHDRAW_THEN.match(text.strip())
    return found.group("rest").strip() if found else None


# ---- numbered choices --------------------------------------------------------------------------------

_ORDINALS = {
    "1": 1, "een": 1, "eerste": 1, "first": 1, "one": 1, "2": 2, "twee": 2, "tweede": 2, "second": 2, "two": 2,
    "3": 3, "drie": 3, "derde": 3, "third": 3, "three": 3,
}
_CHOICE = re.compile(r"^(?:(?:de|het|nummer|nr|optie|keuze|the|number|option|choice)\s+)*(\w+)(?:\s+(?:graag|please|one))?$")


_NONE_OF_THESE = frozenset(
    """geen|geen van beide|geen van beiden|geen van deze|geen van allen|geen van allemaal|geen van de drie|geen van die|
    geen daarvan|iets anders|anders|wat anders|niks daarvan|niets daarvan|none|none of them|none of these|neither|
    neither of them|something else|other|dat bedoel ik niet|bedoel ik niet|dat is het niet|niet wat ik bedoel|
    not what i mean|not what i meant|thats not it|that is not it|not those""".replace("\n", "").split("|")
)
# "nee, iets anders", "no, something else": the same answer after a no (was read as another language).
_NO_FIRST = re.compile(r"^(?:nee|neen|nope|no|nah|nou nee)\b[\s,.!]*")


def none_of_these(text: str) -> bool:
    """"geen van beide", "iets anders", "none of these", "nee, iets anders": no option of "Bedoelt u ...?" fits."""
    plain = clauses.plain(text)
    return plain in _NONE_OF_THESE or _NO_FIRST.sub("", plain) in _NONE_OF_THESE


# "alle drie", "allebei graag", "welke van die 3?", "both please", "and the others?": every topic offered, not one of them
_ALL_OF_THESE = re.compile(
    r"^(?:(?:ja|ok|oke|okay|graag|en|and|yes|please|maar|but|dus|so) )*(?:"
    r"(?:ze )?(?:alle|allemaal|alle(?:maal)? (?:twee|drie|vier|2|3|4)|allebei|alle bei|beide|beiden|"
    r"welke van (?:die|de|deze) (?:twee|drie|vier|2|3|4)(?: (?:eerst|dan))?|"
    r"(?:en )?(?:de|die) (?:rest|andere|anderen|andere vragen|andere onderwerpen)(?: ook)?|"
    r"all(?: of them| of these| three| 3| two| 2| of it)?|both(?: of them)?|"
    r"which (?:one|of them|of those|of the (?:two|three|2|3))(?: first)?|"
    r"(?:and )?the (?:rest|others|other ones|other questions|other one|other question|other topic)(?: too| as well)?)"
    r")(?: (?:graag|alsjeblieft|aub|please|eerst|first|ook|too|dan|then))*$")


def all_of_these(text: str) -> bool:
    """"alle drie", "welke van die 3?", "both please": the resident wants every topic offered answered (in turn)."""
    return _ALL_OF_THESE.match(clauses.plain(text)) is not None


def chosen_number(text: str, options: int) -> int | None:
    """1-based number of the option meant by "2", "de tweede", "optie 3"; None otherwise."""
    match = _CHOICE.match(clauses.plain(text))
    if not match:
        return None
    number = _ORDINALS.get(match.group(1))
    return number if number is not None and number <= options else None


# "waarom wil je mijn postcode?", "why do you need my postcode?", "hoezo?", "what do you need it for?": why
# the bot asks what it asked (inside a guided flow).
_WHY_ASKED = re.compile(
    r"^(?:maar |en |ok |oke |and |but |so )?(?:"
    r"(?:waarom|hoezo|waarvoor|why|how come)(?: (?:dan|eigenlijk|then|though))?|"
    r"(?:waarom|hoezo|waarvoor|why|how come) (?:\w+ ){0,6}(?:nodig|wil|wilt|willen|vraag|vraagt|vragen|weten|need|"
    r"want|ask|asking|know|hebben)(?: \w+){0,4}|"
    r"what (?:do|would) you need (?:\w+ ){0,3}for|wat (?:moet|moeten|wil|wilt|willen) (?:je|jij|u|jullie) (?:daarmee|ermee|daar mee|er mee)(?: doen)?"
    r")$"
)


def asks_why(text: str) -> bool:
    """"waarom wil je mijn postcode?", "why do you need it?": why the bot asks what it asked."""
    return _WHY_ASKED.match(clauses.plain(text)) is not None


# "weet ik niet uit mijn hoofd", "geen idee", "I don't know it by heart": the resident cannot give what a guided
# flow asks (its postcode), which is no wrong answer. Only the saying itself with a few words of manner or regret
# around it: "ik weet niet hoe laat jullie open zijn" asks something else.
_DOES_NOT_KNOW = re.compile(
    r"^(?:(?:nee|no|sorry|helaas|eh|ehm|uh|um|hmm|oh|oeps|oops|tja|pff|nou|well|maar|but) )*(?:"
    r"(?:dat |dit |die |het )?weet ik (?:het |dat |die |m |'m |hem )?(?:even |echt |nu |nog )?(?:niet|nie|nt)|"
    r"(?:ik |i )?(?:weet|ken) (?:het |dat |die |m |'m |hem |(?:mijn |m'n |mn |onze |de )\w+ )?(?:even |echt |nu |nog )?"
    r"(?:niet|nie|nt)|"
    r"(?:dat |die |het )?ken ik (?:het |dat |m |'m )?(?:even |echt |nu )?(?:niet|nie|nt)|"
    r"(?:ik heb |i have |i've )?(?:echt |really )?(?:geen (?:flauw )?idee|no idea|no clue)|weet ik veel|kweenie|kweet niet|"
    r"(?:i |i really )?(?:don't|do not) (?:really )?(?:know|remember)(?: it| that| this| (?:my|the|our) \w+)?|dunno|idk|"
    r"(?:i'm |i am |im )?not sure|(?:i )?(?:can't|cannot) remember(?: it)?|"
    r"(?:ik ben het |ik ben 't |ben het |ben 't )?vergeten|(?:i )?forgot(?: it)?"
    r")(?: (?:uit (?:mijn |m'n |mn )?hoofd|by heart|off (?:the top of )?my head|precies|exactly|meer|anymore|"
    r"eigenlijk|actually|hoor|sorry|helaas|unfortunately|nu|now|right now|op dit moment|zo|zomaar|even|echt|"
    r"really|van buiten|wat (?:mijn |m'n |mn |de )?postcode is|what (?:my |the )?postcode is))*$"
)


def does_not_know(text: str) -> bool:
    """"weet ik niet uit mijn hoofd", "geen idee", "I don't know it by heart": the resident cannot give what was
    asked."""
    return _DOES_NOT_KNOW.match(clauses.plain(text)) is not None


# ---- a crisis line declined ---------------------------------------------------------------------------

# The lines crisis help names ("113", "Veilig Thuis", "die hulplijn") and a refusal near one: "ik wil niet met 113
# praten", "113 hoef ik niet", "I don't want to call 113", "no helpline please". Read only right after crisis help.
_LINE = r"(?:113|0800[ -]?0113|113\.nl|veilig thuis|centrum seksueel geweld|0800[ -]?2000|0800[ -]?0188|(?:die|de|zo ?n|een|that|the|a) (?:hulp)?lijn|hulplijn|helpline|hotline)"
_REFUSAL = r"(?:niet|geen|hoef|hoeft|nee|liever niet|don'?t|dont|do not|not|no|rather not|won'?t)"
_DECLINED_LINE = re.compile(
    rf"(?:\b{_REFUSAL}\b(?:\W+\w+){{0,4}}?\W+{_LINE}\b|\b{_LINE}(?:\W+\w+){{0,4}}?\W+{_REFUSAL}\b)"
    r"(?:\W+(?:praten|bellen|spreken|chatten|bel|nodig|talk|call|speak|chat|please))*")


# Right after crisis help a refusal to call names the line it gives without naming it: "ik bel niet", "ik ga echt niet
# bellen", "bellen hoeft niet", "I'm not calling anyone", "I won't ring them".
_NOT_CALLING = re.compile(
    r"\bik (?:ga|wil|hoef|zal) (?:echt |gewoon |toch |zeker |dus )?(?:niet|niemand|nergens)(?: \w+)? (?:te )?bellen\b|"
    r"\bik bel (?:echt |gewoon |toch |zeker |dus |daar |die |ze |hen )?(?:niet|niemand|nergens)\b|\bbellen (?:hoeft|wil ik|doe ik|ga ik) (?:echt )?niet\b|"
    r"\bi(?:'m| am|m) not (?:going to |gonna )?(?:call|ring|phone)(?:ing)?(?: (?:anyone|anybody|them|that))?\b|"
    r"\bi (?:won'?t|will not|don'?t want to|do not want to|dont want to) (?:\w+ )?(?:call|ring|phone)"
    r"(?: (?:anyone|anybody|them|that))?\b")


def declines_the_line(text: str) -> bool:
    """True when the message turns down the line just given ("ik wil niet met 113 praten", "ik bel niet")."""
    plain = clauses.plain(text)
    return _DECLINED_LINE.search(plain) is not None or _NOT_CALLING.search(plain) is not None


def without_the_line(text: str) -> str:
    """What else the message says: "ik wil niet met 113 praten, hoe kom ik aan schuldhulp" -> "hoe kom ik aan
    schuldhulp"; "ik bel niet, ik wilde alleen weten van die uitkering" -> "ik wilde alleen weten van die uitkering"."""
    plain = clauses.plain(text)
    return " ".join(_NOT_CALLING.sub(" ", _DECLINED_LINE.sub(" ", plain)).split())

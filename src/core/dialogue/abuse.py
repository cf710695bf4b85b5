"""Swearing at the bot or at staff, and insults ("jullie zijn allemaal idioten", "kutbot", "fuck you"): a calm
boundary in one sentence, then the matter of the message if it has one (`Turn`).

Only abuse aimed at someone of the gemeente or at the bot counts: a curse at the situation ("kut, mijn paspoort is
verlopen", "shit") is venting, and a neighbour called names ("mijn buurman is een klootzak, hij dumpt zijn afval")
is a matter. Threats of violence are crisis help's (`core.dialogue.crisis`, read first: a threat wins over an
insult). Outrage without names ("schandalig", "jullie zijn waardeloos") is the anger the dialogue hears with a
person of the topic's team (`Turn._anger_heard`), not abuse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Names to call someone (Dutch and English, with plurals).
_NAMES = (
    r"idioot|idioten|debiel|debielen|randdebiel(?:en)?|sukkels?|klootzak(?:ken)?|eikels?|lul(?:len)?|oetlul(?:len)?|"
    r"droplul(?:len)?|mongolen|mongool|imbeciel(?:en)?|(?:kanker|tering|tyfus|klere)(?:lijer|lijers|hoer|hoeren)|"
    r"hufters?|trut(?:ten)?|hoer(?:en)?|malloten|malloot|mafkezen|mafkees|prutsers?|nietsnut(?:ten)?|"
    r"zakkenwassers?|flapdrol(?:len)?|dombo'?s?|stomkop(?:pen)?|domkop(?:pen)?|kutwijf|"
    r"idiots?|morons?|imbeciles?|a(?:ss|rse)holes?|bastards?|bitch(?:es)?|dickheads?|wankers?|twats?|cunts?|"
    r"retards?|dumbass(?:es)?|jackass(?:es)?|scumbags?|pricks?|losers?"
)
# Whom a name is aimed at when it is ours: the bot, staff, the gemeente ("stelletje idioten", "you morons").
_AT_US = (
    r"jullie|je|jij|u|stelletje|bende|zootje|gemeente|ambtenaren|ambtenaar|ambtenaartjes|medewerkers?|bot|robot|"
    r"chatbot|computer|assistent|ding|programma|you|you're|youre|ur|your|bunch|municipality|council|staff|bot's"
)
# A curse on the addressee ("krijg de tering", "rot op", "hou je bek", "fuck you").
_CURSES = (
    r"krijg(?:en)?\s+(?:allemaal\s+|toch\s+)?(?:de|het|een)\s+(?:tering|tyfus|kanker|klere|pest|pleuris|kolere)|"
    r"(?:rot|flikker|sodemieter|donder|kanker|tyfus|tering|pleur|opgerot)\s+(?:toch\s+|maar\s+|nou\s+)?op\b|"
    r"hou(?:d|dt)?\s+(?:je|jullie|uw|toch\s+je)\s+(?:bek|kop|smoel|waffel|muil)|\bbek\s+dicht|"
    r"val\s+(?:toch\s+)?dood|"
    r"f+u+c+k+\s*(?:you|u|off|yourself|yourselves|this|the\s+\w+)|screw\s+(?:you|u|this)|shut\s+(?:the\s+\w+\s+)?up|"
    r"go\s+to\s+hell|piss\s+off|bugger\s+off|kiss\s+my\s+(?:ass|arse)|go\s+\w*\s*yourself|eat\s+shit|stfu|gtfo"
)
# A curse word or a belittling adjective joined to the bot, staff or the gemeente ("kutbot", "kanker gemeente",
# "stomme robot", "stupid bot"); the sharpest also to the site or the app ("teringsite").
_SWEAR = r"kut|kanker|tering|tyfus|klere|kolere|fucking|fuckin|f\*+ing|shitty"
_BELITTLING = r"stomme|domme|debiele|achterlijke|stupid|dumb|idiotic|bloody|stom|dom"
_OUR_THINGS = (r"bot|robot|chatbot|gemeente|gemeentes|computer|assistent|ding|programma|ambtenaren|ambtenaar|"
               r"medewerkers?|machine|municipality|council|staff|assistant")
_SITE = r"site|website|app|tent|zooi|bende|instantie"
_USELESS = r"(?:(?:useless|waardeloze|nutteloze|stomme|domme|stupid)\s+)?"
_AT_OUR_THINGS = (rf"\b(?:(?:{_SWEAR})[\s-]*{_USELESS}(?:{_OUR_THINGS}|{_SITE})|(?:klote|{_BELITTLING})[\s-]*(?:{_OUR_THINGS}))\b")
# "jullie zijn (allemaal) dom", "je bent achterlijk", "you are so stupid".
_YOU_ARE = (r"\b(?:jullie\s+zijn|je\s+bent|jij\s+bent|ben\s+je|zijn\s+jullie|you\s+are|you're|youre|ur|are\s+you)"
            r"(?:\s+(?:allemaal|echt|gewoon|toch|zo|wel|nog|een|so|really|just|all|such|a|an|fucking|complete|totally))*"
            r"\s+(?:dom|dommer|stom|achterlijk|debiel|gestoord|zielig|kut|stupid|dumb|retarded|pathetic|brainless)\b")
# Swear words that make a whole message (nothing else in it) a curse at whoever reads it: not "shit" or "verdomme",
# which vent at the situation.
_STRONG_SWEARING = frozenset({"kanker", "kut", "tering", "tyfus", "kolere", "klere", "godverdomme", "fuck", "fucking",
                              "kankerzooi", "teringzooi", "kutzooi", "tyfuszooi"})

_NAME = re.compile(rf"\b(?:{_NAMES})\b", re.IGNORECASE)
_AT_US_BEFORE = re.compile(rf"\b(?:{_AT_US})\b(?:\s+\S+){{0,3}}\s*$", re.IGNORECASE)
_WHOLE_ABUSE = re.compile(rf"{_CURSES}|{_AT_OUR_THINGS}|{_YOU_ARE}", re.IGNORECASE)
_WORD = re.compile(r"[\w'*]+")
# A message of at most this many words that calls names calls them at whoever reads it ("idioten!", "stelletje
# sukkels"); in a longer one a name needs one of `_AT_US` just before it ("mijn buurman is een idioot" is a matter).
SHORT_MESSAGE_WORDS = 3
# Words left beside the abuse that carry no matter ("jullie zijn allemaal idioten": "allemaal").
_EMPTY_WORDS = frozenset("""jullie zijn allemaal echt gewoon toch zo wel nou en of maar ook stelletje bende een de het
    je jij u ben bent is dat die dit deze zeg hoor he hè hey hé man zeg nou joh ik vind you are all just so really a
    the and this that bunch of what such is it's its whatever wat""".split())


@dataclass(frozen=True)
class Abuse:
    """A message read as abuse: `rest` is what it says beside it (empty: nothing but the abuse)."""

    rest: str


def read(text: str) -> Abuse | None:
    """The abuse in `text` aimed at the bot, staff or the gemeente, or None."""
    lowered = text.lower()
    spans = [match.span() for match in _WHOLE_ABUSE.finditer(text)]
    words = _WORD.findall(lowered)
    for match in _NAME.finditer(text):
        if len(words) <= SHORT_MESSAGE_WORDS or _AT_US_BEFORE.search(text[: match.start()]):
            start = _AT_US_BEFORE.search(text[: match.start()])
            spans.append((start.start() if start else match.start(), match.end()))
    if not spans and words and all(word.strip("'*") in _STRONG_SWEARING for word in words):
        spans.append((0, len(text)))
    if not spans:
        return None
    rest, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            rest.append(text[last:start])
        last = max(last, end)
    rest.append(text[last:])
    return Abuse(rest=_tidy(" ".join(rest)))


def _tidy(rest: str) -> str:
    """The rest of a message with its abuse taken out, without the punctuation and filler words left around it
    ("jullie zijn allemaal idioten, waar kan ik mijn grofvuil kwijt?" -> "waar kan ik mijn grofvuil kwijt?")."""
    rest = " ".join(rest.split())
    rest = re.sub(r"\s+([,.!?;:])", r"\1", rest).strip(" ,.!;:-")
    words = _WORD.findall(rest.lower())
    if not words or all(word in _EMPTY_WORDS for word in words):
        return ""
    return rest

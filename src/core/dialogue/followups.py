"""Recognising a follow-up question ("wat kost dat?", "en voor mijn kind?",
"kan dat ook online?", "hoe lang van tevoren?").

`detect` names the follow-up kind a question asks about; `is_contextual` tells
whether the question names no subject of its own, so it must be about the
current topic. "wat kost een paspoort?" asks about costs but has a subject:
the engine classifies it instead of reusing the topic.

Follow-ups of other shapes, each with no subject of its own:
- `asks_how`, `asks_what_next`: "wat kan ik doen?", "hoe doe ik dat?", "en nu?": how to go about the topic;
- `asks_how_to`: besides a follow-up, the message asks how to go about its topic ("hoe verleng ik ...");
- `asks_validity`: "hoe lang is die geldig?";
- `asks_way`: "moet ik daarvoor langskomen?": in person, by post or online;
- `asks_for_someone_else`, `without_someone_else`: "en voor mijn man?", "kan ik het voor haar aanvragen?";
- `adds_companion`: "met mn vriend samen", "voor mijn moeder": who the errand is with or for;
- `tells_of_a_young_child`, `by_pronoun`, `names_an_adult`: whom "voor haar" refers to;
- `continues`: "en als het meer dan 100 mensen zijn?": a condition on the last answer;
- `count_asked`: "en als ik er twee heb?": how many.
"""
from __future__ import annotations

import re

from ..kb.models import FOLLOWUP_KINDS
from . import clauses

# Checked in this order: "wat kost het voor mijn kind?" is about the child, and
# "hoe lang van tevoren?" is about the deadline, not how long it takes.
_CUES: dict[str, re.Pattern[str]] = {
    "kind": re.compile(
        r"\b(kind|kinderen|kindje|zoon|zoontje|dochter|dochtertje|baby|minderjarige?|child|children|kid|kids|son|"
        r"daughter|minor|peuter|kleuter|tiener|toddler|teenager|\d+\s?-?\s?jarige?|\d+\s?-?\s?(?:year|yr)s?\s?-?\s?old)\b"
    ),
    "termijn": re.compile(
        r"\b(hoe lang van ?te ?voren|hoeveel (?:dagen|weken|tijd) van ?te ?voren|van ?te ?voren|uiterlijk|"
        # Too late for the deadline ("ben ik te laat?", "te laat met aangeven"), not late on the way
        # ("de taxi naar school was vanochtend weer te laat": the school taxi, not when to apply).
        r"op tijd|(?:ben|bent|zijn|is|wordt) (?:ik|we|wij|je|u|het|dat) (?:nog |al |dan |nu )?te laat|"
        # "de brief kwam al 2 maanden geleden, te laat?": a bare "te laat?" that ends the message asks the deadline
        r"(?:nog |al |dan |nu )?te laat(?=\s*\?+\s*$)|(?:still |already )?too late(?=\s*\?+\s*$)|"
        r"(?:ik|we|wij|je|u|het) (?:nog |al |dan |nu )?te laat (?:ben|bent|zijn|is|kom|komen)|"
        r"te laat (?:om|voor (?:de|het|mijn|een) (?:aanvraag|aangifte|inschrijving)|met|aangevraagd|aanvragen|"
        r"doorgegeven|doorgeven|aangegeven|aangeven|ingediend|indienen|gemeld|melden)|"
        r"wanneer (?:moet|moeten) (?:ik|het|dat|we|wij)|hoe vroeg|binnen hoeveel (?:dagen|weken)|hoeveel tijd (?:heb|hebt|heeft|hebben) (?:ik|je|we|wij|u|ze|zij|hij|jullie)|"
        # "en hoeveel tijd hebben ze" (a daughter for the parents of a newborn): the deadline, whoever it is for
        r"how much time do (?:i|we|you|they) have|how much time does (?:he|she) have|"
        # "tot wanneer kan dat?" after the WOZ objection, "kan het al eerder?" after moving, "wat als ik het vergeet?"
        r"(?:tot wanneer|until when)(?![^.?!]*\b(?:geldig|valid))|(?:kan|mag|moet) (?:het|dat|ik) (?:ook |al |nog )?eerder|"
        r"(?:wat|en) als (?:ik|we) (?:het|dat) (?:vergeet|vergeten)|(?:what|and) if (?:i|we) forget|"
        r"at the latest|can (?:i|we) (?:do it |register |report it )?(?:earlier|sooner)|"
        r"how far in advance|in advance|how early|deadline|(?:is it|am i|are we|is that) too late|too late (?:to|for)|"
        r"by when|when do i have to|when must i)\b"
    ),
    "kosten": re.compile(
        # "moet ik daarvoor betalen?", "kost dat geld?": no subject, so the current topic's costs
        # (without this, "geld" and "betalen" went to the matcher: bijzondere bijstand, hondenbelasting)
        r"\b((?:moet|moeten|hoef|hoeven) (?:ik|we|wij|je|u|ze|zij|hij) (?:er |daar |daarvoor |ervoor |hiervoor |wat |iets |nog |ook )*(?:voor )?"
        # "moet ze een eigen bijdrage betalen?", "is there a personal contribution?" after the Wmo: whether one
        # pays the topic's own contribution (the matcher alone read special assistance in it, 0.95)
        r"(?:(?:een |de )?eigen bijdrage )?(?:bij)?betalen|betaal (?:ik|je|u|we|ze|hij) (?:dan |ook |nog )*(?:een |de )?eigen bijdrage|"
        r"(?:is there|do (?:i|we|they|you) (?:have to |need to )?pay|does (?:he|she) (?:have to |need to )?pay) "
        r"(?:a |any |an )?(?:personal|own) contribution|"
        r"kost (?:dat|het|dit|die|deze) (?:\w+ )?(?:geld|iets|wat)|is (?:dat|het|dit) (?:ook )?(?:gratis|betaald)|"
        r"(?:do|will) (?:i|we) (?:have|need) to pay|(?:do|will) (?:i|we) pay|is (?:it|that|this) free|does (?:it|that|this) cost|"
        r"wat kost|kost|kosten|prijs|prijzen|tarief|tarieven|hoe duur|gratis|hoeveel\b(?=[^.?!]*\bbeta(?:len|al|alt))|hoeveel(?=\s*[?!.]*\s*$)|"
        # "hoeveel geld?", "kost geld?" typed short after an answer: the topic's costs (was the answer again, or
        # special assistance read in "geld")
        r"hoeveel (?:geld|euro)(?: (?:dan|ongeveer|is dat|is het|kost dat|kost het))?(?=\s*[?!.]*\s*$)|how much money|"
        # "hoeveel is het?" after the dog tax: its amount (was the topic's whole answer again)
        r"hoeveel (?:is|bedraagt) (?:het|dat|dit|die|deze)(?: dan| ongeveer| per jaar)?(?=\s*[?!.]*\s*$)|"
        r"how much(?! time)|cost|costs|price|prices|fee|fees|free of charge|for free)\b"
    ),
    "duur": re.compile(
        # Not "hoe lang is die geldig?": how long a document lasts is in the topic's answer.
        r"\b(hoe lang(?! (?:is|zijn|blijft|blijven) (?:\w+ ){0,2}geldig)|duurt|duren|levertijd|doorlooptijd|wanneer (?:is het|kan ik (?:het|hem)) (?:klaar|ophalen)|"
        # "wanneer kan ik mijn paspoort ophalen?": the cue, the topic's words stay for the matcher
        r"wanneer kan ik(?=(?: [\w-]+){1,3} ophalen)|"
        # "kan het met spoed?": how fast it can be, which the topic's duration says (an urgent application)
        # "is er een spoedprocedure?", "spoedlevering": any word of urgency, not only "spoed" itself
        r"spoed\w*|met spoed|met voorrang|sneller|urgent|urgently|faster|"
        # "hoe snel heb ik een nieuwe?", "how soon can I have it?"
        r"hoe snel|how (?:soon|quickly|fast)|"
        # "when will it be fixed?" after a broken street light told (was "I don't know that"): how long a report takes
        r"wanneer (?:wordt|worden|is|zijn) (?:het|hij|die|dat|dit|ze|deze) (?:\w+ )?(?:gemaakt|gerepareerd|opgelost|"
        r"opgeruimd|weggehaald|vervangen|hersteld)|"
        r"when (?:will|is|are|does|do) (?:it|that|this|he|they|these) (?:be |get |going to be )?(?:fixed|repaired|"
        r"solved|cleared|cleaned up|removed|replaced|sorted)|"
        # "Wanneer hoor ik iets van u?" after applying (an older resident's letter), "when will I hear back?"
        r"wanneer (?:hoor|krijg) (?:ik|we|wij) (?:iets|wat|meer|bericht|antwoord|een antwoord|uitsluitsel)|"
        r"when (?:will|do|would|can) (?:i|we) (?:hear (?:back|something|anything|from you)|get (?:an answer|a reply|a decision))|"
        # "kan het deze week nog?" after bulky waste, "will someone fix it this week?" after a report
        r"(?:kan|kun|lukt|komt|gaat) (?:het|dat|dit|hij|ie)(?: \w+)? (?:deze week nog|nog deze week)|"
        r"(?:fix|fixed|done|ready|repair|repaired|collect|collected|sorted)(?: \w+)? this week|"
        # "hoe lang is de wachttijd?" after a stairlift: how long it takes (was "Dat weet ik niet")
        r"wachttijd|wachttijden|waiting time|waiting times|"
        # "is er een wachtlijst?" after a market pitch: how long one waits, which the topic's duration says
        r"wachtlijst|wachtlijsten|waiting list|waiting lists|"
        # "takes long?", "does it take long?": how long, asked in so many words
        r"takes? (?:very |a )?long|"
        # "how long does it take to ...": not "what do I need to take to the Marechaussee?" (what to bring)
        r"how long(?! (?:is|are) (?:\w+ ){0,2}valid)|it take to)\b"
    ),
    "meenemen": re.compile(
        # "wat heeft ze daarvoor nodig" (a partner moving in): what the person it is for needs
        r"\b(meenemen|meebrengen|mee nemen|mee brengen|wat heb ik nodig|"
        r"wat (?:heb|hebt|heeft|hebben) (?:ik|je|u|ze|zij|hij|we|wij) (?:daarvoor |ervoor |daar |er )?(?:allemaal )?nodig|"
        r"welke (?:papieren|documenten)|"
        # "foto nodig?" after the driving licence: what to bring (was "Bedoelt u" passport / driving licence)
        r"(?:pas)?foto'?s? (?:nodig|meenemen|meebrengen|mee)|(?:need|bring) a (?:passport )?photo|photos? (?:needed|required)|"
        r"bring|need to bring|take with me|documents|"
        # "what do I need to take to the Marechaussee?" after an emergency passport: what to bring
        r"what (?:do|should|must) (?:i|we) (?:need to |have to )?take|"
        # What goes with a form or letter: "welke bewijzen moet ik meesturen?" after a parking fine, "kan ik een foto
        # sturen?" after a report (was "Dat weet ik niet" / "Bedoelt u Verkiezingen of Melding?")
        r"meesturen|mee sturen|meegestuurd|welke bewijz\w*|welk bewijs|bewijsstuk\w*|"
        r"foto'?s? (?:sturen|versturen|opsturen|toevoegen|bijvoegen|uploaden)|"
        r"(?:send|add|attach|upload|include) (?:a |some )?(?:photo|picture)s?|"
        r"what (?:proof|evidence)|(?:send|include) (?:as )?(?:proof|evidence))\b"
    ),
    "online": re.compile(
        r"\b(online|on-line|via internet|via het internet|op internet|via de website|op de website|internet|"
        # DigiD as the way, not as the thing one gets ("how long before I get DigiD?" asks a duration only)
        r"digitaal|met digid|(?<!get )(?<!krijg )(?<!receive )digid(?! (?:aanvragen|aanvraag|krijgen|ontvangen|"
        r"activeren|code))|vanuit huis|van thuis uit|thuis regelen|(?:via|met|in) (?:een|de) app|"
        r"(?:with|via|in|through) (?:an|the) app|"
        r"from home|via the website|on the internet|on the website)\b"
    ),
}
assert set(_CUES) == set(FOLLOWUP_KINDS)

# Words that carry no subject: what is left after removing these and the cue
# decides whether the question names a topic of its own.
FILLER = frozenset(
    """en voor mijn m'n het dat die dit de een wat hoe moet ik je jullie u uw is zijn er nog dan ook bij van
    met mee te aan kan mag wil graag eigenlijk ongeveer dus om op in zo ze welke wanneer hij zij we iets alles
    allemaal nodig heb hebben daarvoor daar hier lang ben wordt word krijg precies doen regelen aanvragen hem
    aanvraag vragen geven doorgeven betalen zoiets zo'n gewoon aangevraagd gemeld ingediend gevraagd ingestuurd
    opgestuurd gestuurd gedaan niets niks gehoord ervoor erbij daarvan ervan daarover erover daarheen erheen al
    sinds toen geleden daarbij hierbij daarmee ermee hiermee heeft hebt onze ons
    and for my the a an what how does do it that this is i need to with me much will should must can about
    of if its it's whats what's then also there we our your you get take does did be apply arrange request
    pay done possible mogelijk applied reported sent submitted ago since zit staat gaat even nou trouwens on at
    kun kunt kunnen hoeveel free langskomen langs komen persoonlijk betaal betaalt t 't m 'm ie n 'n da
    gemeente municipality council tell inform
    maar but dag dagen week weken maand maanden days weeks months twee drie vier vijf zes two three four five six
    nieuw nieuwe new one
    voordat totdat tot hoor horen hoort bericht antwoord reactie besluit beslissing uitslag wachten klaar binnen terug
    before until till hear back answer reply response decision wait waiting ready
    iemand mij helpen geholpen someone somebody help helped
    apart aparte los inschrijven ingeschreven register registered separately moeten worden
    opgeven opgegeven include included add added too when something anything news nieuws
    geld veel money""".split()
)
_WORD = re.compile(r"[a-zà-ÿ']+")


def detect(text: str) -> str | None:
    kinds = detect_all(text)
    return kinds[0] if kinds else None


def detect_all(text: str) -> list[str]:
    """Every follow-up kind the question asks about, most specific first
    ("wat kost het voor mijn kind?": kind, kosten). Words count for the first kind that reads them: "hoe lang van
    tevoren?" asks the deadline only, not also how long it takes (the wedding's deadline was followed by its
    duration, which says the same again)."""
    lowered = text.lower()
    kinds = []
    for kind, pattern in _CUES.items():
        if pattern.search(lowered):
            kinds.append(kind)
            lowered = pattern.sub(" ", lowered)
    return kinds


# Who the errand is for counts wherever it is told ("Mijn dochter is 3 maanden. Heeft ze een id-kaart nodig?").
_TOLD_ANYWHERE = frozenset({"kind"})


def asked_kinds(text: str) -> list[str]:
    """The follow-up kinds a message asks (`detect_all`), read in its sentences that ask when it also tells: "Ik heb
    een parkeerboete gekregen maar ik had gewoon betaald via de app. Wat moet ik doen?" asks what to do, not whether
    it can be done in an app (was "Ja. Betalen kan met een parkeerapp"); a child told stays what it is for."""
    told = clauses.sentences(text)
    asking = [sentence for sentence in told if clauses.is_question(sentence)]
    if len(told) < 2 or not asking or len(asking) == len(told):
        return detect_all(text)
    in_question = detect_all(" ".join(asking))
    return [kind for kind in detect_all(text) if kind in in_question or kind in _TOLD_ANYWHERE]


# "duurt lang?", "duurt het lang?", "takes long?": asked of the topic just answered, how long it takes; without the
# question mark ("duurt lang zeg") or asking why ("waarom duurt het zo lang?") it is impatience with the bot.
_TAKES_LONG = re.compile(r"^(?:en |and |maar |but )?(?:duurt (?:het |dat |dit )?(?:erg |heel |wel )?lang"
                         r"|(?:does (?:it|that) )?takes? (?:very |a )?long(?: time)?)$")


# "kom ik dan in aanmerking?", "heb ik daar recht op?", "is that enough to get it?", "do I qualify?": whether the
# resident gets what was just answered, asked with no subject of its own
_ELIGIBLE = re.compile(
    r"^(?:(?:en|maar|dus|ok|oke|and|but|so) )*(?:"
    r"(?:kom|komen) (?:ik|we|wij|hij|zij|ze) (?:dan |daar |daarvoor |er |ervoor |nu |wel |ook )*in aanmerking(?: (?:voor|dan))?|"
    r"(?:heb|hebben|hebt|heeft) (?:ik|we|wij|hij|zij|ze|u) (?:dan |daar |er |nu |wel |ook )*recht op(?: (?:dan|het|die))?|"
    r"(?:krijg|krijgen) (?:ik|we|wij|hij|zij|ze) (?:het|dat|die|hem) (?:dan|wel|ook)(?: wel)?|"
    r"is (?:dat|het) (?:dan )?(?:genoeg|voldoende)(?: (?:om het te krijgen|om dat te krijgen|daarvoor|voor))?|"
    r"(?:do|would|will|can) (?:i|we|he|she|they) (?:then )?(?:qualify|be eligible|get it|get that)(?: for (?:it|that|this))?(?: then)?|"
    r"(?:am|are|is) (?:i|we|he|she|they) (?:then )?eligible(?: for (?:it|that|this))?|"
    r"is (?:that|it|this) enough(?: to (?:get|qualify)(?: (?:it|for it|that))?)?|(?:does|will) (?:that|it) count"
    r")(?: (?:dan|nu|then|now))*$")


def asks_if_eligible(text: str) -> bool:
    """"kom ik dan in aanmerking?", "is that enough to get it?": whether what was just answered is for the resident."""
    return _ELIGIBLE.match(clauses.asked(text)) is not None


# "kan ik het ook mailen?", "can I send it by email?": e-mail as the way to do the topic, asked with no other subject
_BY_MAIL = re.compile(r"\b(?:per (?:e-?)?mail|via (?:de )?(?:e-?)?mail|(?:e-?)?mailen|by (?:e-?)?mail|via (?:e-?)?mail|"
                      r"over (?:e-?)?mail|(?:e-?)?mail (?:it|that|this|them|het|dat|die)|e-?mail|email)\b")
_SENDING = re.compile(r"\b(?:sturen|opsturen|versturen|indienen|send|submit|do|doen)\b")


def asks_by_mail(text: str) -> bool:
    """"kan ik het ook mailen?" after the objection's answer: whether the topic can be done by e-mail."""
    plain = clauses.plain(text)
    return (clauses.is_question(text) and _BY_MAIL.search(plain) is not None
            and is_contextual(_SENDING.sub(" ", _BY_MAIL.sub(" ", plain))))


# "ik ben pas 19", "I'm only 17", "als ik 17 ben": the resident's own age, told
_OWN_AGE = re.compile(r"\b(?:ik ben|i am|i'm|im|ben ik|als ik)(?: (?:pas|net|bijna|al|nog maar|nog|maar|only|just|nearly|almost))? (\d{1,2})"
                      r"(?: jaar(?: oud)?| years?(?: old)?| ben)?\b")


def own_age(text: str) -> int | None:
    """The age the resident tells of themselves ("is die opvang ook voor mij? ik ben pas 19": 19), else None."""
    found = _OWN_AGE.search(clauses.plain(text))
    return int(found.group(1)) if found else None


def asks_if_it_takes_long(text: str) -> bool:
    """"duurt lang?" typed right after an answer: a question about how long the topic takes."""
    return text.strip().endswith("?") and bool(_TAKES_LONG.match(clauses.plain(text)))


# "ok maar snel maken aub", "graag zo snel mogelijk", "please hurry": a request to be quick, told after an answer.
_HURRY = re.compile(r"\b(?:snel|sneller|zsm|zo snel mogelijk|haast|spoed|asap|as soon as possible|hurry|quickly|fast|faster)\b")
_HURRY_WORDS = 8


# Not having DigiD, told on its own ("ik heb geen digid", "I don't have a DigiD", "zonder digid").
_NO_DIGID = re.compile(r"\b(?:geen|zonder|no|without|(?:do not|don't|don’t|dont) have(?: a| any)?"
                       r"|ha(?:ven't|ven’t|ve not) got(?: a| any)?) (?:\w+ )?digi ?d\b")


def tells_no_digid(text: str) -> bool:
    return bool(_NO_DIGID.search(text.casefold()))


def asks_to_hurry(text: str) -> bool:
    """A few words that ask for speed and ask no question ("ok maar snel maken aub")."""
    plain = clauses.plain(text)
    return len(plain.split()) <= _HURRY_WORDS and not clauses.is_question(text) and _HURRY.search(plain) is not None


def subject(text: str) -> str:
    """The words of the question besides its follow-up words and filler: "oh en nog iets,
    hondenbelasting, wat kost dat" -> "oh nog iets hondenbelasting"; empty for "wat kost dat?" (read once a turn:
    `clauses.once_a_turn`)."""
    return clauses.once_a_turn(_subject, text)


def _subject(text: str) -> str:
    lowered = text.lower()
    for pattern in _CUES.values():
        lowered = pattern.sub(" ", lowered)
    return " ".join(word for word in _WORD.findall(lowered) if word not in FILLER)


def is_contextual(text: str) -> bool:
    """True when the question has no subject of its own besides follow-up words."""
    return not subject(text)


# "wat kost het om hem op te halen?", "hoeveel kost het om die weg te laten halen?", "what does it cost to have it
# removed?": something done to what was just said, its object a pronoun; the verbs name no subject of their own.
_DONE_TO_IT = re.compile(
    r"\bom (?:hem|'m|het|'t|die|dat|dit|ze|haar) (?:(?:op|weg|terug|af|uit|mee|los|schoon|ook|nog|dan|even|zelf) )*"
    r"te (?:laten )?[a-zà-ÿ]+"
    r"|\bto (?:get|have|collect|pick up|fetch|take|remove|clear|renew|repair|replace) (?:it|him|her|them|that|this)"
    r"(?: (?:back|up|away|removed|collected|picked up|taken away|cleared|repaired|replaced))?"
    r"|\bto (?:pick|take) (?:it|him|her|them|that|this) (?:up|back|away)"
)


def done_to_it(text: str) -> bool:
    """True when the question's only subject is something done to what was just said, named by a pronoun
    ("wat kost het om hem op te halen?" after the bike depot: the bike's price, not a tree-felling permit's fees
    that the matcher read in it, 0.73)."""
    lowered = text.lower()
    return bool(_DONE_TO_IT.search(lowered)) and not subject(_DONE_TO_IT.sub(" ", lowered))


# "ruimen jullie de kat ook op?", "haalt de gemeente die hond weg?", "do you also clear away the cat?": whether the
# gemeente clears or collects what was just told of, named by a pronoun or its noun (`asks_if_cleared`).
_CLEARS = re.compile(
    r"^(?:en |maar |dus |and |but |so )?(?:"
    r"(?:ruimen|ruimt|halen|haalt) (?:jullie|de gemeente|u|ze|zij) (?:het|dat|dit|die|hem|ze|"
    r"(?:de|het|die|dat|dit|dat) (?P<nl>[a-zà-ÿ]+))(?: ook| dan| wel| eigenlijk| zelf)* (?:op|weg)|"
    # "kan de gemeente die weghalen?", "kunnen jullie hem komen ophalen?" (was the felling permit, 0.95)
    r"(?:kan|kunnen|kunt|wil|willen|wilt|gaat|gaan|komt|komen) (?:jullie|de gemeente|u|ze|zij) (?:het|dat|dit|die|hem|ze|"
    r"(?:de|het|die|dat|dit) (?P<nl_modal>[a-zà-ÿ]+))(?: ook| dan| wel| eigenlijk| zelf| even| alstublieft| aub)*"
    r" (?:komen )?(?:op ?ruimen|weg ?halen|op ?halen|verwijderen|weg ?slepen)|"
    r"(?:do|will|does|can|could) (?:you|the (?:municipality|council)) (?:also )?(?:clear|remove|collect|take|pick)"
    r"(?: up| away)? (?:it|that|this|them|the (?P<en>[a-z]+))(?: up| away)?(?: too| as well)?"
    r")$"
)


def asks_if_cleared(text: str) -> str | None:
    """Whether the gemeente clears away what was just told of: None when not asked; the noun it is named by
    ("kat" in "ruimen jullie de kat ook op?"), empty for a pronoun ("haalt de gemeente hem weg?")."""
    found = _CLEARS.match(clauses.asked(text))
    return None if found is None else found.group("nl") or found.group("nl_modal") or found.group("en") or ""


def names_only(text: str, title_words: set[str]) -> bool:
    """True when the question's only subject is the topic itself, in a word of its title or the
    head of one ("what does the permit cost?" after felling a tree, "wat kost die belasting?" after
    the dog tax): about the current topic, not a subject of its own."""
    words = subject(text).split()
    return bool(words) and all(
        any(title == word or (len(word) >= 4 and title.endswith(word)) for title in title_words) for word in words)


# "zo'n", "zulke", "such a": the thing named next is one the conversation already spoke of ("wat kost zo'n akte?"
# after a death). Not "zo'n 3 weken" (about three weeks).
_SUCH = re.compile(r"\b(?:zo'n|zo een|zulke?|zulk een|such(?: an?)?)\s+(?!\d)")
_SUCH_WORDS = frozenset({"such", "zulke", "zulk"})


def names_such_in(text: str, followup_text: str) -> bool:
    """True when the question's only subject is pointed back at as "such a" one and the current topic's answer to
    the follow-up asked names it: "wat kost zo'n akte?" after a death (the death's "Wat kost het?" says what a death
    certificate costs), "how much is such a certificate?". The matcher alone reads the word as another topic's
    (a marriage's certificate, a VOG)."""
    if not _SUCH.search(text.lower()):
        return False
    words = [word for word in subject(text).split() if word not in _SUCH_WORDS]
    named = set(_WORD.findall(followup_text.lower()))
    return bool(words) and all(word in named for word in words)


# A word that points back at what was just said: "hoeveel kost dat op een zaterdag?", "hij is verlopen",
# "moet ik daarvoor langskomen?", "en voor m'n zoontje van 3?", "how much is it", "how long do I have to
# register her?" (the baby just told of), "wat zijn de openingstijden daarvan?".
_POINTS_BACK = re.compile(
    r"(?:^\s*(?:en|and|ok[eé]?|oke)\b|\b(?:dat|da|dit|die|het|'t|t|hij|hem|'m|m|ie|ze|zij|daarvoor|daarmee|daarbij|ervoor|"
    r"erbij|daarvan|ervan|daarover|erover|daarheen|erheen|it|that|this|one|them|for that|he|him|she|her)\b)"
)


def points_back(text: str) -> bool:
    """True when the question refers to something said before ("dat", "daarvoor", "en voor ...")."""
    return bool(_POINTS_BACK.search(text.lower()))


# "gaat het morgen sneeuwen?", "is it going to snow this week?", "hoe laat is het in Tokio?": the weather's and the
# clock's "het"/"it" (and "this week") point back at nothing said before.
_WEATHER_OR_CLOCK = re.compile(
    r"\b(?:regen\w*|sneeuw\w*|vriez\w*|vriest|onweer\w*|onweert|hagel\w*|waait|stormt|weerbericht|weersverwachting|"
    r"(?:mooi|slecht|lekker|goed) weer|het weer|warm|koud|heet|zonnig|"
    r"rain\w*|snow\w*|freez\w*|thunder\w*|hail\w*|storm\w*|weather|sunny|windy|"
    r"hoe laat is het|what time is it)\b")
_POINTING_AT_A_TIME = re.compile(
    r"\b(?:dit|deze|this|that|die|dat) (?:week|weekend|jaar|maand|year|month|morning|avond|evening)\b")


def points_back_at_something(text: str) -> bool:
    """`points_back`, not counting the "it" of the weather or the clock, nor "this week"."""
    plain = text.lower()
    if _WEATHER_OR_CLOCK.search(plain):
        return False
    return points_back(_POINTING_AT_A_TIME.sub(" ", plain))


# ---- how to go about it ------------------------------------------------------------------------------

_HOW = re.compile(
    r"^(?:en |maar |ok |oke |dus |and |but |so )?(?:"
    r"wat (?:kan|moet|kun|kunt|moeten|kunnen) (?:ik|we|wij|u|je) (?:dan |nu |daar |daaraan |eraan |hier |hieraan )?"
    r"(?:allemaal |eerst |nog )?(?:aan )?(?:doen|regelen)|"
    # "en wat moet ik wel bij de gemeente regelen?" after a death: what the topic's answer says the gemeente does
    r"wat (?:moet|moeten|kan|kunnen) (?:ik|we|wij|u|je) (?:dan |nu |wel |nog |zelf )*(?:bij|met) (?:de gemeente|jullie|u) "
    r"(?:wel |nog |allemaal )*(?:doen|regelen|stopzetten|opzeggen|afmelden)|"
    r"what (?:do|must|should) (?:i|we) (?:still |then )?(?:do|arrange) (?:with|at) (?:the (?:municipality|council)|you)|"
    # "kan de gemeente er iets aan doen?" after noise: what the topic's answer says the gemeente does
    r"(?:kan|kunnen|gaat|doet) (?:de gemeente|jullie|u) (?:er |daar |hier )?(?:ook |dan |nog )?(?:iets|wat) (?:aan |mee )?(?:doen)?|"
    r"(?:can|will|does) (?:the (?:municipality|council)|you) do (?:anything|something)(?: about (?:it|that|this))?|"
    # "hoe verleng ik het?" after the driving licence, "hoe meld ik dat af?", "hoe kom ik eraan?"
    r"hoe (?:doe|regel|vraag|pak|verleng|vernieuw|wijzig|verander|meld|krijg|geef|zeg|schrijf|dien|bestel|boek) (?:ik|we) "
    # "hoe vraag ik een nieuwe aan?" after the ID card: a new one of the topic just answered
    r"(?:dat|het|dit|die|hem|m|t|een nieuwe?|er een(?: nieuwe?)?|er (?:nog )?een)(?: (?:aan|af|op|door|in|om))?|hoe kom (?:ik|we) (?:daar|er)aan|"
    # "who collects it then?" after business waste, "wie regelt dat dan?": who does it is what the answer just said
    # (was "I don't know that")
    r"wie (?:haalt|doet|regelt|ruimt|betaalt|maakt) (?:het|dat|dit|die|hem|ze)(?: dan| wel| eigenlijk)*(?: op| weg)?|"
    r"who (?:collects|does|handles|arranges|picks|removes|takes|clears|pays for) (?:it|that|this|them)(?: up| away)?"
    r"(?: then)?|"
    # "kan ik een nieuwe aanvragen?" after a lost voting pass (was "Bedoelt u Bijzondere bijstand of Id-kaart?")
    r"(?:kan|kun|mag|moet) (?:ik|we|u) (?:dan |nu |ook |gewoon |hier )*(?:een nieuwe?|er een(?: nieuwe?)?) "
    r"(?:aanvragen|krijgen|bestellen|halen|regelen)|"
    r"(?:can|may|do|should) (?:i|we) (?:get|request|order|apply for) (?:a new one|another one)|"
    # "moet ik dat bij jullie melden?" after a death or a dog that died: what the topic's answer says
    # (the matcher alone read moving house or a report about the street in it)
    r"moet(?:en)? (?:ik|we|wij|u) (?:dat|dit|het|hem|haar) (?:ook |nog |zelf )*(?:(?:bij|aan) (?:jullie|u|de gemeente) )?"
    r"(?:melden|doorgeven|aangeven|afmelden|opgeven|laten weten)(?: (?:bij|aan) (?:jullie|u|de gemeente))?|"
    r"(?:do|should|must) (?:i|we) (?:also )?(?:need to |have to )?(?:report|register|tell you about) (?:it|that|this)"
    r"(?: to you| to the (?:municipality|council))?|do (?:i|we) (?:need|have) to let you know|"
    r"do (?:i|we) (?:need|have) to (?:tell|inform|notify) (?:you|the (?:municipality|council))(?: about (?:it|that))?|"
    # "kan de gemeente dat betalen?" after special assistance: what its answer says (the matcher alone read a payment plan)
    r"(?:kan|wil|gaat|zal) (?:de gemeente|jullie) (?:dat|dit|het|die|hem) (?:ook )?(?:betalen|vergoeden)|"
    r"(?:betaalt|vergoedt) (?:de gemeente|jullie) (?:dat|dit|het|die|hem)(?: ook)?|"
    r"(?:can|will|does|would) (?:the (?:municipality|council)|you) pay (?:for )?(?:it|that|this)|"
    r"hoe (?:moet|werkt|gaat) (?:dat|het|dit)|"
    r"what (?:can|should|do|must) (?:i|we) (?:do|arrange)(?: now)?(?: about (?:it|that))?|"
    r"what do (?:i|we) (?:need|have) to (?:do|arrange)(?: now)?|"
    r"how (?:do|can|should) (?:i|we) (?:do|arrange|apply for|renew|extend|get|change|report|request|order|book) (?:that|it|this|one|a new one)|"
    r"how does (?:that|it|this) work|"
    # "wat kan de gemeente doen?" after noise from the neighbours: what the topic's answer says
    r"wat (?:kan|gaat|zal|kunnen) (?:de gemeente|jullie|u) (?:daar |daaraan |eraan |hier |hieraan |voor mij |ervoor )?"
    r"(?:aan )?doen|wat doet de gemeente (?:daarmee|ermee|daaraan|eraan|dan)|"
    r"what (?:can|will) (?:the (?:municipality|council)|you) do(?: about (?:it|that))?|"
    # "wat nu?" after "ik ben mijn paspoort kwijt"; "kan de gemeente helpen?" after debts
    r"(?:en )?wat nu(?: dan)?|wat moet ik nu|hoe nu verder|what now|now what|what do i do now|what next|"
    # "hoe dan?" after "kunt u niet komen? verzet uw afspraak": how, about what was just said
    r"(?:en |maar )?hoe dan(?: precies)?|(?:and |but )?how (?:then|exactly)|hoe|how|"
    r"(?:en )?wat gebeurt er nu|(?:so )?what happens now|"
    # "moet ik dat zelf doen?", "krijg ik geld terug?" after a dog that died, "wie kan die aanvragen?" after the
    # disabled parking card: who does it, who may, and a refund are in the topic's (or its detail's) answer
    r"(?:moet|moeten|hoef|hoeven) (?:ik|we|wij|u|je) (?:dat|dit|het|die|hem) (?:ook |dan |nou |echt )?zelf "
    r"(?:doen|regelen|aanvragen|melden|afmelden|doorgeven|opzeggen)|"
    r"(?:do|must|should) (?:i|we) (?:have to |need to )?do (?:it|that|this) (?:myself|ourselves)|"
    r"krijg (?:ik|we|wij|je|u) (?:het |mijn |ons |dat |dan |nog |ook |wel |er )*(?:geld )?terug|"
    r"(?:do|will|can) (?:i|we) get (?:my |the |our |any )?money back|(?:is there|do i get|will i get) (?:a )?refund|"
    r"wie (?:kan|mag|moet|kunnen|mogen) (?:die|dat|het|hem|deze|dit|zo'n|er een|zoiets) (?:\w+ )?"
    r"(?:aanvragen|krijgen|doen|regelen|hebben)|"
    r"who (?:can|may|is allowed to|should) (?:apply for|get|request|have) (?:it|that|one|this)|"
    r"(?:kan|kunnen|wil) (?:de gemeente|jullie|u) (?:mij |me |ons )?(?:daarbij |daarmee |hierbij |ermee |mee )?helpen|"
    r"(?:can|will|could) (?:the (?:municipality|council)|you) help(?: me| us)?(?: with (?:it|that|this))?"
    r")$"
)


# "moet ik daarvoor langskomen?", "moet ik dat opsturen of zelf komen?", "do I need to come in for that?": whether the
# topic just answered is done at the desk, by post or online, which its answer says (the matcher alone read the
# appointments desk in "langskomen", 0.93). Someone named may be the one to come ("moet mijn vader zelf komen?").
_WAY = re.compile(
    r"^(?:en |maar |ok |oke |dus |and |but |so )?(?:"
    r"(?:moet|moeten|hoef|hoeven) (?:ik|we|wij|u|je|hij|zij|ze|(?:mijn|m'n|onze) \w+) "
    r"(?:daarvoor |ervoor |hiervoor |daar |er |dat |het |dit |die |hem |dan |ook |nog |zelf |echt |persoonlijk |"
    r"eerst |altijd )*(?:voor )?"
    r"(?:langs ?komen|langs|komen|mee ?komen|opsturen|insturen|per post (?:sturen|versturen|opsturen)|"
    r"(?:naar|bij|op) (?:het gemeentehuis|het stadhuis|de balie|de gemeente|het loket|jullie|kantoor)"
    r"(?: (?:komen|gaan|langskomen|langs komen))?|(?:op|in) persoon (?:komen|langskomen))"
    r"(?: of .{1,40})?|"
    r"(?:kan|mag|kun|kunt) (?:ik|we|wij|u|je|het|dat) (?:het |dat |dit |die )?(?:ook |gewoon )?"
    r"(?:opsturen|insturen|per post(?: sturen| versturen| doen)?|zonder afspraak|langsbrengen|afgeven)|"
    r"(?:do|must|should) (?:i|we|he|she|they) (?:need to |have to )?(?:come|go) (?:in|by|over|to (?:the )?"
    r"(?:town hall|city hall|desk|office|municipality))(?: in person)?(?: for (?:it|that|this))?|"
    r"(?:do|must) (?:i|we) (?:need to |have to )?(?:be there|come|go|appear) in person(?: for (?:it|that|this))?|"
    r"can (?:i|we) (?:send|post|mail) (?:it|that|them)(?: in| by post)?"
    r")$"
)


def asks_way(text: str) -> bool:
    """True for "moet ik daarvoor langskomen?", "moet ik dat opsturen of zelf komen?", "do I need to come in for
    that?": whether the topic just answered is done in person, by post or online; no subject of its own. Any sentence
    of the message may ask it ("Moet ik daarvoor naar het gemeentehuis komen? Ik ben slecht ter been.")."""
    return any(_WAY.match(clauses.asked(sentence)) for sentence in _SENTENCE_ENDS.split(text) if sentence.strip())


_SENTENCE_ENDS = re.compile(r"[.?!]+")


# "hoe lang is die geldig?", "wanneer verloopt hij?": how long a document lasts, which its topic's
# answer says (a duration follow-up would answer how long the application takes).
_VALIDITY = re.compile(
    r"^(?:en |maar |ok |oke |dus )?(?:"
    r"hoe lang (?:is|zijn|blijft|blijven) (?:die|dat|het|hij|ze|deze|dit|t|m|ie)? ?(?:dan |nog |eigenlijk )*geldig|"
    r"(?:wanneer|hoe snel) verlo(?:opt|pen) (?:die|dat|het|hij|ze|deze|dit)|"
    r"how long (?:is|are) (?:it|that|they|this|these) valid(?: for)?|when does (?:it|that|this) expire"
    r")$"
)


def asks_validity(text: str) -> bool:
    """True for "hoe lang is die geldig?", "how long is it valid?": no subject of its own."""
    return bool(_VALIDITY.match(clauses.plain(text)))


# "Hoe lang is een rijbewijs geldig en kan ik het online verlengen?": besides a follow-up, how long the topic's document
# is valid, which its answer says (was the online follow-up alone, the validity dropped).
_VALID_FOR = re.compile(r"\b(?:hoe lang (?:is|zijn|blijft|blijven) (?:\w+ ){0,3}geldig|how long (?:is|are) (?:\w+ ){0,3}valid)\b")


def asks_how_long_valid(text: str) -> bool:
    """True when a message asks how long something is valid, with or without naming it."""
    return bool(_VALID_FOR.search(clauses.plain(text)))


# Another adult than the resident (a child is the `kind` follow-up).
_ADULT = (
    r"(?:mijn|m'n|onze|ons|my|our) (?:man|vrouw|echtgeno(?:ot|te)|partner|vriend|vriendin|verloofde|moeder|vader|"
    r"ouders|oma|opa|broer|zus|zwager|schoonzus|schoonmoeder|schoonvader|huisgenoot|husband|wife|spouse|"
    r"boyfriend|girlfriend|fiance|fiancee|mother|mum|mom|father|dad|parents|grandmother|grandfather|brother|"
    r"sister|flatmate|housemate)"
)
# "en voor mijn man?", "and my wife?": the topic just answered, for another adult.
_SOMEONE_ELSE = re.compile(
    r"^(?:en|and|maar|but)(?: (?:ook|also|nu|dan|what about|how about))?(?: (?:voor|van|met|for|about|with))? "
    rf"{_ADULT}(?: (?:dan|ook|too|also|then))?$"
)
_FOR_SOMEONE_ELSE = re.compile(rf"\b(?:(?:voor|van|namens|for|on behalf of) )?{_ADULT}\b")
# "kan ik het voor haar aanvragen?", "can I do it for him?" (a daughter for her mother, a carer): what was just
# answered, done for the person the conversation is about.
_DO_IT_FOR = re.compile(
    r"^(?:(?:en|and|maar|but|ok|oke) )?(?:kan|mag|moet|kun|kunt) (?:ik|ik dat|ik het|u|je|iemand anders) "
    r"(?:het |dat |dit |die |hem )?(?:ook )?(?:voor|namens) (?:haar|hem|hen|ze|hun|{adult}) "
    r"(?:aanvragen|regelen|doen|doorgeven|aangeven|melden|ophalen|indienen)(?: of moet (?:ze|zij|hij) (?:dat|het) zelf(?: doen)?)?|"
    r"^(?:(?:and|but|ok) )?(?:can|may|could) (?:i|someone else) (?:do|arrange|apply for|request|report|collect|pick up) "
    r"(?:it|that|this|one) (?:for|on behalf of) (?:her|him|them|{adult})$|"
    # "moet hij dat zelf aanvragen of kan ik dat doen?", "moet zij zich zelf inschrijven of kan ik dat doen",
    # "does she have to do it herself or can I do it?": the same question, asked the other way round
    # "moet hij dan zelf bellen of kan ik dat doen?" after the Wmo for a father: calling to ask for it, too
    r"^(?:(?:en|maar|ok|oke) )?(?:moet|moeten) (?:ze|zij|hij|hun|{adult}) (?:dan |dat |het |dit |zich )*(?:ook )?zelf "
    r"(?:\w+ )?(?:aanvragen|regelen|doen|doorgeven|aangeven|melden|ophalen|indienen|inschrijven|bellen|opbellen|mailen)"
    r" of (?:kan|mag|kun) ik (?:dat|het) (?:ook )?(?:voor (?:haar|hem|hen|ze) )?(?:doen|aanvragen|regelen|doorgeven)$|"
    r"^(?:(?:and|but|so) )?(?:does|do|must) (?:she|he|they) (?:have to|need to) (?:do|apply for|arrange|report) "
    r"(?:it|that|this) (?:herself|himself|themselves) or can i(?: do it)?(?: for (?:her|him|them))?$".format(adult=_ADULT)
)


# Who a resident may do a topic's errand with or for: "met mn vriend samen" after moving house, "samen met mijn
# vriendin", "voor mijn moeder" after the Wmo, "with my wife" (the children are the `kind` follow-up).
_PEOPLE = (r"man|vrouw|echtgeno(?:ot|te)|partner|vriend|vriendin|verloofde|moeder|vader|ouders|oma|opa|broer|zus|"
           r"schoonmoeder|schoonvader|huisgenoot|huisgenote|gezin|familie|husband|wife|spouse|boyfriend|girlfriend|"
           r"fianc[eé]e?|mother|mum|mom|father|dad|parents|grandmother|grandfather|brother|sister|family|flatmate|"
           r"housemate|roommate")
_COMPANION = re.compile(
    r"^(?:(?:en|ok|oke|and|maar|but) )?(?:ook |also )?(?:samen |together )?(?:met|voor|with|for|namens|on behalf of) "
    rf"(?:mijn|mn|m'n|me|onze|ons|de|het|my|our|the) (?:\w+ )?(?:{_PEOPLE})(?: (?:samen|erbij|ook|together|too|also))?$"
)



# A young child told of ("mijn dochter is gisteren geboren", "ons kindje", "my baby"): "voor haar" later is the child.
_YOUNG_CHILD = re.compile(
    r"\b(?:geboren|bevallen|pasgeboren\w*|baby|babytje|kindje|zoontje|dochtertje|peuter|kleuter|minderjarige?|"
    r"born|newborn|new-born|toddler|(?:[0-9]|1[0-7]) ?-?jarige?|(?:[0-9]|1[0-7]) jaar(?: oud)?|"
    r"(?:[0-9]|1[0-7]) ?-?(?:year|yr)s? ?-?old)\b")
# Someone named by a pronoun only: "voor haar", "for him", "haar paspoort", "her passport".
_BY_PRONOUN = re.compile(r"\b(?:voor|van|namens|for|of) (?:haar|hem|her|him)\b|\b(?:haar|her) (?!is\b|was\b)[a-z]\w+")
_AN_ADULT = re.compile(rf"\b(?:{_PEOPLE})\b")


def adds_companion(text: str) -> bool:
    """True for "met mn vriend samen", "samen met mijn vriendin", "voor mijn moeder", "with my wife": a short answer
    that adds who the current topic's errand is with or for, nothing else."""
    return bool(_COMPANION.match(clauses.asked(text)))


def tells_of_a_young_child(text: str) -> bool:
    """True when the message tells of a young child (a birth, a baby, an age under 18)."""
    return bool(_YOUNG_CHILD.search(text.lower()))


# "moet mijn man dan ook mee naar de afspraak?", "moet haar vader ook tekenen?", "does my wife have to come too?": whether
# the resident's partner or the child's other parent must come along or sign.
_PARTNER = (r"(?:mijn|mn|m'n|haar|zijn|hun|de|onze|my|her|his|their|the|our) (?:man|vrouw|echtgeno(?:ot|te)|partner|vriend|"
            r"vriendin|ex|vader|moeder|papa|mama|husband|wife|spouse|boyfriend|girlfriend|ex|father|mother|dad|mum|mom)")
_COMES_OR_SIGNS = (r"(?:mee|meekomen|meegaan|komen|erbij|aanwezig|tekenen|ondertekenen|handtekening|toestemming|come|"
                   r"sign|signature|there|present|consent|along)")
_PARTNER_ALONG = re.compile(rf"\b{_PARTNER}\b.*\b{_COMES_OR_SIGNS}\b|\b{_COMES_OR_SIGNS}\b.*\b{_PARTNER}\b")


def asks_if_partner_comes(text: str) -> bool:
    """True for a question whether the resident's partner or the child's other parent must come along or sign ("moet
    mijn man dan ook mee naar de afspraak?", "does her father have to sign?")."""
    return clauses.is_question(text) and bool(_PARTNER_ALONG.search(clauses.plain(text)))


def names_an_adult(text: str) -> bool:
    """True when the message names an adult (a partner, a parent): who a pronoun refers to from then on."""
    return bool(_AN_ADULT.search(text.lower()))


def by_pronoun(text: str) -> bool:
    """True when the message names someone by a pronoun only ("voor haar", "for him", "haar paspoort")."""
    return bool(_BY_PRONOUN.search(text.lower()))


def does_it_for(text: str) -> bool:
    """"kan ik het voor haar aanvragen?", "moet hij dat zelf aanvragen of kan ik dat doen?": doing what was just
    answered on someone else's behalf."""
    return bool(_DO_IT_FOR.match(clauses.plain(text)))


# "kan mijn vriend dat doen? we zijn niet getrouwd", "can my husband do that?": another adult doing what was just
# answered (was "Bedoelt u" with what "vriend" or "niet getrouwd" alone reads as); the topic's answer says who may.
_ANOTHER_DOES_IT = re.compile(
    r"^(?:(?:en|and|maar|but|ok|oke) )?(?:kan|mag|moet|kunnen|mogen) {adult} (?:dat|het|dit) (?:ook |dan |voor mij |"
    r"voor ons |in mijn plaats )*(?:doen|regelen|aanvragen|aangeven|doorgeven|melden|indienen)\b|"
    r"^(?:(?:and|but|ok|so) )?(?:can|may|could) {adult} (?:do|arrange|apply for|report|register) (?:it|that|this)"
    r"(?: (?:for me|for us|instead(?: of me)?|too))*\b|"
    # "can my wife register at the same appointment?", "kan mijn man zich meteen ook inschrijven?" after registering
    # from abroad: the errand for them too (was the appointments' answer, 0.95)
    r"^(?:(?:en|and|maar|but|ok|oke) )?(?:kan|mag|moet|kunnen|mogen) {adult} (?:zich )?(?:dan )?"
    r"(?:ook |meteen |tegelijk |gelijk |direct )+(?:mee )?(?:inschrijven|aanvragen|aangeven|registreren|meekomen)\b|"
    r"^(?:(?:and|but|ok|so) )?(?:can|may|could|should) {adult} (?:also )?(?:register|apply|sign up|come along)"
    r"(?: (?:too|as well|at the same (?:time|appointment)|in the same appointment|with me))+\b".format(adult=_ADULT)
)


def asks_for_someone_else(text: str) -> bool:
    """True for "en voor mijn man?", "and my wife?", "kan ik het voor haar aanvragen?", "kan mijn vriend dat doen?":
    the current topic for another adult, nothing else."""
    plain = clauses.plain(text)
    return bool(_SOMEONE_ELSE.match(plain) or _DO_IT_FOR.match(plain) or _ANOTHER_DOES_IT.match(plain))


_CONTINUES = re.compile(r"^(?:en|and|maar|but|of|or) (?:als|wat als|wat nou als|stel dat|if|what if|what about if) \w+")


def continues(text: str) -> bool:
    """True for a question that goes on from the last answer on a condition ("en als het meer dan 100
    mensen zijn?", "maar wat als ik geen DigiD heb?", "and if it rains?"); not "en de afvalstoffenheffing?",
    which may name a topic of its own."""
    return bool(_CONTINUES.match(clauses.plain(text)))


def without_someone_else(text: str) -> str:
    """The text without the other adult it names: "voor mijn moeder, ze" -> ", ze"."""
    return " ".join(_FOR_SOMEONE_ELSE.sub(" ", text.lower()).split())


def asks_how(text: str) -> bool:
    """True for "wat kan ik doen?", "hoe doe ik dat?", "how does that work?": a question with no
    subject of its own about how to go about the topic just answered."""
    return bool(_HOW.match(clauses.asked(text)))


# "en nu?" says no more than "what next" only right after a problem told ("ons papier is niet
# opgehaald"); elsewhere it is impatience (`is_impatient`) or too little to go on.
_AND_NOW = re.compile(r"^(?:en|and|so) (?:nu|now)(?: (?:dan|then|wat|what))?$")


def asks_what_next(text: str) -> bool:
    """"wat nu?", "en nu?", "and now?": after the answer to a problem told, what happens next."""
    return asks_how(text) or bool(_AND_NOW.match(clauses.plain(text)))


# "en als ik er twee heb?", "what if I have two dogs?", "en voor drie kinderen?": how many of what was just answered.
# A number with "er" / "of them" or before a plural that is no time or money ("voor 3 weken", "twee euro" are not), and
# not one that names which after a label ("ik had zone 2 gekozen": a zone, no two of anything).
_COUNTS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
           "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           **{str(number): number for number in range(2, 11)}}
_COUNT_WORD = "|".join(sorted(_COUNTS, key=len, reverse=True))
# Nor a verb that ends like a plural ("I was in zone 4, is that my mistake?").
_NOT_COUNTED = (r"dagen|weken|maanden|jaren|jaar|uur|uren|minuten|keer|euro|days|weeks|months|years|hours|minutes|"
                r"times|euros|is|was|has|does|as|us|this|plus")
_COUNT_ASKED = re.compile(
    rf"\b(?:er|ervan|daarvan) (?P<of_them>{_COUNT_WORD})\b|\b(?P<them>{_COUNT_WORD}) of them\b|"
    rf"(?<!\bzone )(?<!\bnummer )(?<!\bnr )(?<!\bnumber )(?<!\bno )(?<!\blijn )(?<!\bline )(?<!\bvak )"
    rf"(?<!\bspoor )(?<!\bweek )\b(?P<counted>{_COUNT_WORD}) (?!(?:{_NOT_COUNTED})\b)[a-z]+(?:en|s)\b"
)
_CHILDREN = re.compile(r"\b(?:kinderen|kids|children|zonen|dochters|sons|daughters)\b")


# Things told in a row: "een bank, een kast en 3 matrassen", "a sofa, a cupboard and 3 mattresses".
_A_LIST = re.compile(r"\w+ *, *(?:\w+ ){0,3}\w+,? +(?:en|and) +\w+")


def lists_things(text: str) -> bool:
    """Whether a message tells several things in a row (a comma, then "en"/"and"), of which a count may be one."""
    return bool(_A_LIST.search(text.lower()))


def count_asked(text: str) -> tuple[int, bool] | None:
    """How many a follow-up asks for ("en als ik er twee heb?" -> 2), and whether they are children; None when it
    names no count."""
    plain = clauses.plain(text)
    found = _COUNT_ASKED.search(plain)
    if found is None:
        return None
    word = found.group("of_them") or found.group("them") or found.group("counted")
    return _COUNTS[word], bool(_CHILDREN.search(plain))


# "hoe verleng ik mijn paspoort en wat kost het?": besides a follow-up, the message asks how to go
# about the topic itself (not "hoe lang", "hoe duur", "hoeveel").
_HOW_TO = re.compile(
    r"\b(?:hoe (?!lang\b|duur\b|vaak\b|laat\b|ver\b|snel\b)(?:\w+ )?(?:ik|je|u|we|wij)\b|"
    r"how (?:do|can|should|to) (?:i |we |you )?(?!long\b|much\b)\w+|what do i (?:need to|have to) do)"
)


def asks_how_to(text: str) -> bool:
    """True when the message asks how to go about its topic ("hoe verleng ik ...", "how do I renew ...")."""
    return bool(_HOW_TO.search(clauses.plain(text)))


# "Do I have to pay dog tax?": whether the topic applies, named after "pay" (was the fees alone; the Dutch "moet ik
# hondenbelasting betalen?" got the answer); not "do I have to pay for it?", which asks the price.
_WHETHER_TO_PAY = re.compile(
    r"\b(?:do|will|must|should) (?:i|we|you) (?:have to |need to )?pay (?:the |a |any )?"
    r"(?!(?:for|it|that|this|them|anything|something|money|extra|more|again|now|then|cash|online|by)\b)\w+"
)


def asks_whether_to_pay(text: str) -> bool:
    """True for "do I have to pay dog tax?": whether a charge applies, not what it costs."""
    return bool(_WHETHER_TO_PAY.search(clauses.plain(text)))

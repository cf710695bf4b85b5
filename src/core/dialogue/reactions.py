"""What the resident says about the last answer or the problem just told, rather than a new question.

- `is_frustrated`: "dit slaat nergens op", "this is useless";
- `tells_it_happened_again`: "dit is al de derde keer";
- `correction`: "oh wacht ik bedoel een bezoekersvergunning": what is meant instead;
- `tells_danger`: "het is echt gevaarlijk" about the topic just answered;
- `not_understood`: "ik snap het niet" said with the question asked again.
"""
from __future__ import annotations

import re

from .. import privacy
from . import clauses

# ---- telling it here --------------------------------------------------------------------------------

# "kan ik het niet gewoon hier vertellen", "mag ik het aan jou uitleggen?", "can I just tell you here?": to tell the matter
# in the chat rather than fill in the form the answer named. A short question: asked by "kan ik", with a verb of telling
# and where (here, to you, in the chat).
_MAY_I = re.compile(r"^(?:(?:en|maar|ok|oke|okay|nou|and|but|so) )*(?:kan|kun|mag|can|could|may) (?:ik|i)\b")
_TELL = re.compile(r"\b(?:vertellen|vertel|zeggen|uitleggen|doorgeven|melden|indienen|tell|say|explain|file|report)\b")
_HERE = re.compile(r"\b(?:hier|aan (?:jou|u)|via (?:de |deze |jou |u )?chat|in (?:de|deze) chat|here|to you|tell you|"
                   r"in (?:the|this) chat)\b")
_TELL_HERE_WORDS = 12


def asks_to_tell_here(text: str) -> bool:
    """True for "kan ik het niet gewoon hier vertellen?", "can I just tell you here?": the matter told in the chat."""
    plain = clauses.plain(text)
    return (len(plain.split()) <= _TELL_HERE_WORDS and _MAY_I.match(plain) is not None and _TELL.search(plain) is not None
            and _HERE.search(plain) is not None)


# ---- someone to help -----------------------------------------------------------------------------------

_LANGUAGES = (r"(?:engels|turks|arabisch|pools|duits|frans|spaans|portugees|oekra[iï]ens|russisch|roemeens|bulgaars|"
              r"somalisch|tigrinya|perzisch|farsi|english|turkish|arabic|polish|german|french|spanish|portuguese|"
              r"ukrainian|russian|romanian|bulgarian|somali|persian)")
_IN_A_LANGUAGE = rf"in (?:het )?{_LANGUAGES}(?: (?:of|en|or|and) (?:het |in )?{_LANGUAGES})*"
_FOR_ME = r"(?:voor (?:mij|me|ons)|for (?:me|us))"
_ASIDE = rf"(?:mij|me|ons|us|het|dit|dat|it|this|that|niet|not|gewoon|just|even|please|alsjeblieft|aub|ook|also|{_FOR_ME})"
# At most this many words before the ask ("het is allemaal te ingewikkeld, ..."): a longer story before it tells the
# matter to help with ("ik moet 1800 euro zorgtoeslag terugbetalen en ik heb nog meer schulden, kunnen jullie helpen?").
_BEFORE_THE_ASK = 6
# "kan iemand mij helpen in het engels?", "this is too much, can someone just do it for me", "kunnen jullie het niet
# gewoon voor mij regelen?": a person asked to help, or to do the errand, naming nothing else (a topic named is a
# question of its own: "kan iemand mij helpen met bijzondere bijstand?").
_SOMEONE_TO_HELP = re.compile(
    rf"^(?:\S+ ){{0,{_BEFORE_THE_ASK}}}?(?:kan|kun|kunt|kunnen|can|could|would|will) (?:iemand|een medewerker|jullie|someone|somebody|anyone|"
    rf"one of you|a person)(?: {_ASIDE})* (?:helpen|help|doen|regelen|invullen|do it|do this|do that|do|sort it|"
    rf"handle it|fill it in|arrange it|fix it)(?: {_ASIDE}| out| mee)*(?: {_IN_A_LANGUAGE})?$|"
    rf"^(?:\S+ ){{0,{_BEFORE_THE_ASK}}}?(?:kun|kan|kunt|can|could|would) (?:jij|je|u|you)(?: {_ASIDE})*? {_FOR_ME}(?: {_ASIDE})* "
    rf"(?:doen|regelen|invullen)(?: {_ASIDE})*$|"
    rf"^(?:\S+ ){{0,{_BEFORE_THE_ASK}}}?(?:can|could|would) you(?: {_ASIDE})* (?:do|sort out|handle|fill in|arrange)(?: {_ASIDE})*? {_FOR_ME}$")
_A_LANGUAGE_NAMED = re.compile(rf"\b{_IN_A_LANGUAGE}\b")
def asks_someone_to_help(text: str) -> bool:
    """True for "kan iemand mij helpen in het engels?", "can someone just do it for me", "kun jij het voor mij regelen?"."""
    plain = clauses.plain(text)
    return _SOMEONE_TO_HELP.match(plain) is not None


def names_a_language(text: str) -> bool:
    """True when the help is asked in another language than Dutch ("in het engels of turks")."""
    return _A_LANGUAGE_NAMED.search(clauses.plain(text)) is not None


# ---- frustration -------------------------------------------------------------------------------------

# "dit slaat nergens op", "je bent een waardeloze bot", "this is useless": said about the bot or its
# last answer, not a question of its own.
_FRUSTRATED = re.compile(
    r"\b(?:(?:dit|dat|het|je|jij|u) (?:slaat|sloeg) (?:echt |helemaal |werkelijk )?nergens op|"
    r"(?:waardeloos|waardeloze|nutteloos|nutteloze|belachelijk|onzin)|"
    r"(?:dat|dit|het|uw antwoord|je antwoord|jouw antwoord) klopt (?:echt |helemaal )?(?:niet|niks|niets)|"
    r"(?:stomme|domme|debiele|kut|klote|rot)\s?(?:bot|robot|chatbot|computer|ding|programma)|"
    r"(?:je|jij|u|(?:jullie|de|deze|die) (?:bot|robot|chatbot|computer)) (?:snapt|begrijpt|snap|begrijp) "
    r"(?:er |het |me |mij )?(?:echt |helemaal )?(?:niks|niets|niet)|"
    r"(?:dat|dit) is niet wat ik (?:vroeg|bedoel|bedoelde|vraag)|geen antwoord op mijn vraag|"
    r"(?:heb|had) ik niks aan|heb ik niets aan|"
    r"useless|stupid (?:bot|robot|machine|thing)|(?:this|that|you) (?:is|are) (?:so )?(?:useless|stupid|rubbish|pointless)|"
    r"you (?:don't|do not|dont) understand|not what i (?:asked|meant)|(?:this|that) (?:doesn't|does not|didnt|didn't) help|"
    r"not helpful|ridiculous|nonsense)\b"
)


# "dit is al de derde keer", "weer niet!", "this is the second time": the problem just answered happens again. Told,
# not asked; said of the problem, not of the bot.
_BEFORE_AGAIN = r"(?:(?:en|maar|nou|echt|dit is|het is|dat is|this is|it is|its|it's|that's|thats|and|but) )*"
_AGAIN_SAID = (r"(?:al |nu al |alweer |weer )?(?:(?:voor )?de (?:tweede|derde|vierde|vijfde|zesde|zoveelste) keer|"
               r"(?:(?:for )?the )?(?:second|third|fourth|fifth|sixth|umpteenth) time|"
               r"(?:al|alweer|weer|opnieuw) (?:niet|niks|niets|hetzelfde)|(?:it )?happened again|(?:it )?keeps happening|"
               r"not again)")
_AFTER_AGAIN = r"(?: (?:al|alweer|weer|dit jaar|deze maand|this year|this month|in a row|achter elkaar|op rij|now|nu|hoor|echt))*"
_AGAIN = re.compile(f"^{_BEFORE_AGAIN}{_AGAIN_SAID}{_AFTER_AGAIN}$")


# "3x gebeld en niemand belt terug", "ik word maar niet teruggebeld", "nobody ever called me back": the gemeente did not
# call back or answer as asked; a complaint about its service, not about the bot's last answer.
_NOT_CALLED_BACK = re.compile(
    r"\b(?:(?:niemand|nooit|geen mens) (?:\w+ ){0,2}(?:belt|belde|bellen|heeft|wordt|word) (?:\w+ ){0,2}"
    r"(?:terug|teruggebeld|gebeld)|(?:niet|nooit|steeds niet) (?:meer )?(?:terug ?gebeld|teruggebeld)|"
    r"(?:no ?one|nobody|never|not|no one has|nobody has) (?:\w+ ){0,2}(?:called|rang|phoned|got|gets|get) (?:me |us )?back|"
    r"(?:never|not) (?:been )?(?:called|phoned) back|never (?:got|had|received) (?:a |an |any )?(?:reply|response|answer))\b")


def tells_not_called_back(text: str) -> bool:
    """True for "niemand belt terug", "ik word maar niet teruggebeld", "nobody called me back"."""
    return bool(_NOT_CALLED_BACK.search(clauses.plain(text)))


def tells_it_happened_again(text: str) -> bool:
    """True for "dit is al de derde keer", "weer niet", "third time this month": the problem told happens again."""
    return bool(_AGAIN.match(clauses.plain(text)))


def is_frustrated(text: str) -> bool:
    """True when the message says the bot or its answer does not help ("dit slaat nergens op")."""
    return bool(_FRUSTRATED.search(clauses.plain(text)))


# "oh wacht ik bedoel een bezoekersvergunning", "sorry, I meant a visitor permit", "nee, ik bedoelde mijn rijbewijs":
# a correction of what was just asked; what is meant follows it.
_CORRECTION = re.compile(
    r"^(?:(?:oh|o|ah|sorry|sorr|nee|neen|no|nope|oeps|oops|wacht|wait|hmm|eh|excuses|pardon|fout|verkeerd|my bad|"
    r"ik vergis me|i was wrong)\s+)*"
    r"(?:ik bedoel(?:de)?|i meant?|what i meant (?:is|was)|ik had het over|i was talking about)\s+(?:eigenlijk |actually )?"
    r"(?P<meant>.+)$")


# "nee wacht het is voor mijn zoon, hij is 15", "wait, it's for my daughter": a correction opened by "wacht" without "ik
# bedoel"; what follows is meant (at least two words: "wacht even" asks for patience).
_WAIT_CORRECTION = re.compile(
    r"^(?:(?:oh|o|ah|sorry|nee|neen|no|nope|oeps|oops|eh|hmm)\s+)*(?:wacht|wait|hold on|correctie|correction)\s+"
    r"(?:(?:even|eens|a sec|a second|a minute)\s+)?(?P<meant>\S+\s+\S.*)$")


def correction(text: str) -> str | None:
    """What a correction ("oh wacht ik bedoel een bezoekersvergunning", "sorry, I meant a visitor permit", "nee wacht
    het is voor mijn zoon") says is meant ("een bezoekersvergunning"), or None when the message corrects nothing."""
    plain = clauses.plain(text)
    found = _CORRECTION.match(plain) or _WAIT_CORRECTION.match(plain)
    return found.group("meant") if found is not None else None


# "it's really dangerous, cyclists fall there" after a report, "het is levensgevaarlijk": a danger told about the topic
# just answered (crisis help has already run: acute danger to a person is the crisis detector's).
_DANGER = re.compile(r"\b(?:gevaarlijk|gevaarlijke|levensgevaarlijk|onveilig|dangerous|unsafe|hazard|hazardous)\b")


def tells_danger(text: str) -> bool:
    """A short message that says something is dangerous (not a story, which tells more than that)."""
    plain = clauses.plain(text)
    return len(plain.split()) < clauses.STORY_WORDS and _DANGER.search(plain) is not None


# "ik snap het niet, hoe ruil ik mijn container om", "i dont understand, where do i register": the resident did not
# understand the last answer and asks again.
_NOT_UNDERSTOOD = re.compile(
    r"\b(?:(?:ik )?(?:snap|begrijp) (?:het|dat|dit|er) (?:nog )?(?:steeds )?(?:niet|niks|niets)(?: van)?|"
    r"(?:snap|begrijp) ik (?:nog )?(?:steeds )?niet|(?:het|dat|dit) is (?:mij |me )?(?:nog )?(?:steeds )?niet duidelijk|"
    r"i (?:still )?(?:don'?t|do not) (?:understand|get it)|(?:it'?s|that'?s|this is) (?:still )?not clear)\b")


def not_understood(text: str) -> bool:
    """True for "ik snap het niet", "i don't understand", "dat is niet duidelijk"."""
    return bool(_NOT_UNDERSTOOD.search(clauses.plain(text)))


# ---- a licence plate told ------------------------------------------------------------------------------

# The words that may frame a plate typed on its own ("het is XX-123-Y", "mijn kenteken: GH-45-KL", "my plate is ...").
_PLATE_FRAME = frozenset("""het is dat was hij mijn m'n ons onze de van auto kenteken kentekennummer nummerbord nummer
    nieuwe nieuw oude oud ja ok oke hier graag it its it's is my our the car plate licence license number registration
    new old yes here s""".split())


def tells_a_plate(text: str) -> bool:
    """True for a licence plate typed with at most a few framing words ("het is XX-123-Y", "GH-45-KL", "my plate is
    12-ABC-3"): told, not asked. The plate's shapes are privacy's (the RDW sidecodes, or a plate after "kenteken")."""
    if not privacy.may_hold_a_plate(text):
        return False
    redacted = privacy.redact(text, names=False)
    if privacy.PLATE not in redacted:
        return False
    rest = clauses.plain(redacted.replace(privacy.PLATE, " "))
    return all(word in _PLATE_FRAME for word in rest.split())


# ---- a message to pass on ------------------------------------------------------------------------------

# "kunt u doorgeven dat ik later kom", "laat ze even weten dat ik niet kan komen", "can you tell them I'll be 30 minutes
# late", "please let the desk know I'm running late": Balie asked to pass a message on to staff (never to the resident:
# "kun je me vertellen wat het kost" asks for information).
_TO_STAFF = (r"(?:ze|hen|hun|die|de balie|de medewerker|de medewerkers|de gemeente|het loket|de receptie|burgerzaken|"
             r"iemand|them|the desk|the staff|the office|the clerk|the person|the municipality|the counter|"
             r"reception|someone|whoever|my appointment|"
             # one's own contact at the gemeente: "mijn Wmo-consulent", "my Wmo contact person"
             r"(?:mijn|my) (?:\w+ ){0,2}(?:contact ?person|contactpersoon|consultant|consulent|caseworker|case manager|"
             r"klantmanager|begeleider|adviseur|advisor|coach))")
_PASS_ON_NL = r"(?:doorgeven|door geven|laten weten|doorsturen|zeggen|melden|vertellen)"
# Only fillers before the ask ("hoe geef ik door dat ik verhuisd ben" asks how to tell the gemeente, a topic).
_OPENING = r"^(?:(?:hoi|hallo|hey|hi|ok|oke|okay|en|maar|nou|dan|sorry|eh|oh|ah|trouwens|please|alsjeblieft|and|but|so)\s+)*"
# What is passed on is the resident's own news ("dat ik later kom", "I'll be late"), not a question put to Balie.
_MINE = r"(?:ik|we|wij|mijn|m'n|onze|ons|i|i'm|i'll|i've|we're|we'll|my|our)"
_PASS_ON = re.compile(
    rf"{_OPENING}(?:kun|kan|kunt|kunnen|wil|wilt|zou|zoudt)\s+(?:je|jij|u|jullie)\b(?:\s+(?!me\b|mij\b)\S+){{0,5}}?"
    rf"\s+{_PASS_ON_NL}\b(?:\s+(?:aan|tegen|bij)\s+{_TO_STAFF})?\s+(?:dat\s+)?(?P<nl>{_MINE}\b.*)|"
    rf"{_OPENING}(?:geef|zeg|laat)\s+(?:\S+\s+){{0,4}}?(?:door|tegen\s+{_TO_STAFF}|{_TO_STAFF}\s+weten|weten)\b"
    rf"(?:\s+(?:aan|bij)\s+{_TO_STAFF})?\s+(?:dat\s+)?(?P<told>{_MINE}\b.*)|"
    rf"{_OPENING}(?:(?:can|could|would|will)\s+you\s+|please\s+)?(?:\S+\s+)?"
    rf"(?:tell|let|inform|notify|warn)\s+{_TO_STAFF}(?:\s+know)?\s+(?:that\s+)?(?P<en>{_MINE}\b.*)|"
    rf"\b(?:pass|give|send)\s+(?:on\s+|along\s+)?(?:a\s+)?(?:message|word|note)\b|\b(?:pass|send)\s+(?:it|this|that)\s+on\b|"
    rf"\bforward\s+(?:it|this|that|my (?:message|complaint|question))\b|\b(?:doorsturen|doorgeven)\s+(?:aan|naar)\s+{_TO_STAFF}\b|"
    rf"\b(?:een )?bericht(?:je)?\s+(?:doorgeven|door geven|achterlaten)\b")
# What the message says: late, or not coming at all, for an appointment.
_LATE = re.compile(
    r"\b(?:later|te laat|laat|vertraagd|vertraging|file|verhinderd|onderweg|eraan|niet (?:\w+ )?(?:komen|kom|halen|redden)|"
    r"late|delayed|running behind|stuck|traffic|on my way|can'?t make it|cannot make it|won'?t make it|not (?:be )?coming|"
    r"can'?t come|cannot come)\b")


# The words of passing a message on, which name no topic of their own (`Turn._topic_named_in_a_word`).
PASSING_ON_WORDS = frozenset("""doorgeven doorsturen zeggen vertellen melden laten weten bericht berichtje boodschap
    pass tell let know message forward note word send inform""".split())


def to_pass_on(text: str) -> str | None:
    """The message Balie is asked to pass on to staff ("kunt u doorgeven dat ik later kom": "ik later kom"; "can you pass
    on a message": ""), or None when nothing is asked to be passed on."""
    found = _PASS_ON.search(clauses.plain(text))
    if found is None:
        return None
    return found.group("nl") or found.group("told") or found.group("en") or ""


def tells_being_late(text: str) -> bool:
    """True when the message to pass on says the resident comes late or cannot come."""
    return _LATE.search(clauses.plain(text)) is not None


# ---- Balie asked to do it ------------------------------------------------------------------------------

# "can you check? application number 7781", "can you report it for me?", "can you just register me now?", "kan iemand dat
# nu even aanpassen?", "kun jij mijn afspraak annuleren?": Balie (or someone, now, in the chat) asked to look something up,
# change, file or arrange it: what the chat cannot do.
_ACT_NL = (r"(?:nakijken|checken|opzoeken|controleren|natrekken|aanpassen|wijzigen|veranderen|melden|inschrijven|annuleren|"
           r"afzeggen|indienen|aanvragen|doorzetten|verwerken|terugzetten|opzeggen)")
_ACT_EN = (r"(?:check|look (?:it |this |that )?up|look into (?:it|this|that)|report|register|change|update|fix|cancel|file|"
           r"submit|apply|sign (?:me|us) up|process|amend|correct)")
_ASIDE_ACT = (r"(?:het|dat|dit|die|deze|mij|me|ons|even|nu|gewoon|niet|snel|meteen|direct|vandaag|morgen|nog|voor mij|voor me|"
               r"voor ons|alsjeblieft|aub|mijn \w+)")
_ASKS_TO_ACT = re.compile(
    rf"\b(?:kun|kan|kunt|kunnen)\s+(?:je|jij|u|jullie|iemand)(?:\s+{_ASIDE_ACT})*\s+{_ACT_NL}\b|"
    rf"\b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone)(?:\s+(?:just|please|quickly|now|maybe))*\s+{_ACT_EN}\b"
    rf"(?:(?:\s+(?:it|this|that|me|us|for me|for us|now|please|in|up|right away|straight away|today|immediately|at once))*"
    rf"\s*(?:\?|$|\.)|\s+(?:my|our)\s+\w+)")


def asks_to_act(text: str) -> bool:
    """True for "can you check?", "can you report it for me?", "kan iemand dat nu even aanpassen?": Balie asked to look
    up, change, file or arrange something itself."""
    return any(_ASKS_TO_ACT.search(clauses.plain(said) + (" ?" if said.rstrip().endswith("?") else ""))
               for said in clauses.sentences(text))


# ---- the shelter turned down ------------------------------------------------------------------------------

# "ik wil niet naar zo'n opvang", "geen opvang, kan ik niet gewoon een woning?", "I don't want to go to a shelter": right
# after the help for someone without a place to sleep, that help turned down; the housing matter goes on.
_NO_SHELTER = re.compile(
    r"\b(?:(?:wil|ga|hoef|kan) (?:echt )?(?:niet|nooit) (?:\w+ ){0,3}?(?:naar |in )?(?:de |een |zo'?n |die )?"
    r"(?:opvang|daklozenopvang|nachtopvang|opvanghuis)|geen (?:opvang|nachtopvang|daklozenopvang)|"
    r"(?:don'?t|do not|won'?t|will not|not) (?:want to )?(?:go |stay )?(?:to |in )?(?:a |the |that |such a )?(?:shelter|hostel)|"
    r"no shelter)\b")


def refuses_the_shelter(text: str) -> bool:
    """True for "ik wil niet naar zo'n opvang", "I don't want to go to a shelter"."""
    return _NO_SHELTER.search(clauses.plain(text)) is not None


# ---- anger at the gemeente ---------------------------------------------------------------------------------

# "dus jullie doen gewoon niks??", "ik betaal belasting hoor", "so you people do nothing?": anger at the gemeente over the
# matter just answered, not a question about taxes.
_NOTHING_DONE = re.compile(
    r"\b(?:(?:jullie|de gemeente|gemeente|niemand|you|you people|you guys|the council|the municipality|nobody|no one) "
    r"(?:doe|doen|doet|deed|deden|do|does|did)(?: (?:dus|gewoon|ook|toch|echt|helemaal|eigenlijk|then|just|really))* "
    r"(?:niks|niets|nothing|geen reet|geen moer)|(?:nobody|no one|niemand) (?:does|did|doet|deed) (?:\w+ )?(?:anything|iets)|"
    r"(?:ik|wij|we) betalen? (?:toch |gewoon |wel |ook )?(?:belasting|belastingen|gemeentebelasting)(?: hoor| he| toch)?$|"
    r"waar betaal ik (?:eigenlijk |dan )?belasting voor|(?:i|we) pay (?:my |our )?taxes(?: you know)?$|"
    r"what do (?:i|we) pay (?:my |our )?taxes for)\b")


def says_nothing_is_done(text: str) -> bool:
    """True for "dus jullie doen gewoon niks??", "ik betaal belasting hoor", "so you do nothing?"."""
    return any(_NOTHING_DONE.search(clauses.plain(said)) for said in clauses.sentences(text) or [text])


# "dit is echt een schandaal", "you guys are so bureaucratic", "ik heb al 3 keer gebeld en nu zit ik met een robot te
# praten": outrage at the gemeente (not a question about the bot, nor about taxes), heard calmly with who can act.
_OUTRAGED = re.compile(
    r"\b(?:schandaal|schandalig|schande|bureaucratisch|bureaucratie|ambtelijke molen|disgrace|disgraceful|outrageous|"
    r"scandal|scandalous|bureaucratic|bureaucracy|red tape|"
    r"(?:al|nu al) (?:\d+|twee|drie|vier|vijf|tien|zo vaak|vaak) ?(?:x|keer|maal) (?:ge)?bel(?:d|len)|"
    r"(?:called|phoned|rang) (?:\d+|two|three|four|five|ten|so many|many) times|"
    r"(?:met|tegen) een (?:robot|computer|chatbot|bot) (?:te )?(?:praten|zitten|chatten)|(?:talking|chatting) to a (?:robot|bot|machine))\b")


def is_outraged(text: str) -> bool:
    """True for "dit is echt een schandaal", "you guys are so bureaucratic", "al 3 keer gebeld en nu met een robot"."""
    return _OUTRAGED.search(clauses.plain(text)) is not None


# "ik heb mijn diploma al", "ik woon hier 7 jaar", "I have lived here for years": the resident tells how things stand for
# them (not a wish: "ik wil", "I want")
_OWN_SITUATION = re.compile(r"\b(?:ik heb|heb ik|ik ben|ben ik|ik woon|woon ik|wij hebben|we hebben|wij wonen|we wonen|"
                            r"i have|i've|i ve|i am|i'm|i m|i live|we have|we've|we live)\b")


def tells_own_situation(text: str) -> bool:
    return _OWN_SITUATION.search(clauses.plain(text)) is not None

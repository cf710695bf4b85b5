"""The one place that reads short answers and intentions from free text.

- `yes_no`: "ja", "nee, dank je", "ja bel me op 06 ...", "laat maar", "no thanks"
  (the answer and what follows it, so "ja, bel me op 06..." answers and gives a number);
- `is_stop`: words that end a flow;
- `contact`: a phone number or e-mail address typed for a callback;
- `asks_for_person`: "iemand spreken over mijn parkeervergunning", "I need a human";
- `asks_for_callback`: "bel me terug aub", "kunnen jullie mij bellen?"; `asks_to_be_contacted`: "bel me maar",
  "mail me" (the whole message);
- `asks_whom_to_call`: "wie kan ik bellen?" (the current topic's team);
- `asks_who_the_bot_is`: "wat is jouw naam?", "ben je een robot?", "who am I talking to?";
- `without_person_request`: what is left of such a request (the topic, for routing);
- `chosen_number`: "2", "de tweede", "optie 3" after a numbered choice; `none_of_these`: "geen van beide";
- `is_question`: whether a clause asks something or tells the background;
- `is_gibberish`: keyboard mash and the like ("Dat begrijp ik niet" is only for that);
- `is_impatient`: "antwoord nou", "ben je er nog?", "are you there?": impatience that names no topic;
- `announces_question`: "ik heb een vraag", "mag ik iets vragen?", "I have a question": the question is still to come;
- `asks_how`: "wat kan ik doen?", "hoe doe ik dat?", "what should I do?": how to go about the current topic;
- `asks_for_someone_else`: "en voor mijn man?", "and my wife?": the current topic for another adult.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..kb.phrases import with_apostrophes
from . import slots

if TYPE_CHECKING:
    from ..matcher import Classification, Part

# A message of this many words or more is a story (the matcher's LONG_MESSAGE_WORDS): words that ask
# in a short message ("medewerker nodig", "kosten") are mostly told in passing there.
STORY_WORDS = 20

_PUNCTUATION = re.compile(r"[^\w\s@+'.-]|(?<!\w)[.'-]|[.'-](?!\w)", re.UNICODE)

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


def _plain(text: str) -> str:
    """Lower case, punctuation gone (except inside e-mail addresses and numbers), single spaces; "dont"
    as "don't" (`phrases.with_apostrophes`)."""
    return " ".join(_PUNCTUATION.sub(" ", with_apostrophes(text.lower())).split())


# "oh, who do I call then", "ok en hoe vraag ik een nieuwe aan", "nou, wat kost dat": a sound or an
# acknowledgement before a question says nothing of its own; the question after it is what is asked.
_INTERJECTION = re.compile(r"^(?:(?:oh|ah|ach|och|hmm|eh|uh|um|nou|ok|oke|oké|okay|okee|alright|right|well) )+")


def _asked(text: str) -> str:
    """`_plain`, without the interjections in front of what is asked (not when nothing else is said)."""
    plain = _plain(text)
    rest = _INTERJECTION.sub("", plain)
    return rest or plain


@dataclass(frozen=True, slots=True)
class YesNo:
    yes: bool
    rest: str  # the text after the answer word(s): "bel me op 06 ..." (may be empty)


# "eh nee toch niet", "hmm ja": a sound before the yes or no says nothing of its own.
_SOUND_FIRST = re.compile(r"^\s*(?:(?:eh|ehm|uh|uhm|um|hmm|hm)\b[\s,.!-]*)+", re.IGNORECASE)


def yes_no(text: str) -> YesNo | None:
    """The yes or no a reply starts with (after a sound such as "eh"), or None when it is neither."""
    text = _SOUND_FIRST.sub("", text) or text
    plain = _plain(text) or text.strip()  # "👍" is all symbol
    if plain in _YES:
        return YesNo(True, "")
    if plain in _NO:
        return YesNo(False, "")
    match = _LEADING.match(text)
    if match is None:
        return None
    return YesNo(match.group("yes") is not None, match.group("rest").strip())


# "ok thanks", "oke bedankt", "prima, dank je wel": a yes that thanks. Right after "Was dit nuttig?" it answers that
# question; elsewhere it is a thanks (or goodbye), not a verdict on an answer given turns before.
_THANKS = re.compile(r"\b(?:bedankt|dank (?:je|u)(?: ?wel)?|dankje(?:wel)?|dankuwel|thanks|thank you|thx|thnx|tnx|ty|merci)\b")


def says_thanks(text: str) -> bool:
    """Whether the message thanks ("ok thanks", "oke bedankt")."""
    return _THANKS.search(_plain(text)) is not None


# "tnx", "ty", "ok thx!": a thanks in chat spelling and nothing else, which the matcher may not know.
_ONLY_THANKS = re.compile(r"^(?:(?:ok|oke|okay|okee|top|super|prima|great|cool|nice|fijn|mooi|heel|erg|veel|many|so|"
                          r"much|a lot|lots|hoor) )*(?:tnx|thx|thnx|thanx|ty|tx|thank u|thank you|thanks|bedankt|dank je|"
                          r"dank u|dankje|dankjewel|merci)(?: (?:a lot|so much|very much|hoor|wel|veel|!))*$")


# The plain word a thanks in chat spelling stands for (`only_thanks`).
THANKS = "bedankt"


def only_thanks(text: str) -> bool:
    """Whether the message only thanks ("tnx", "ok ty"): read as "bedankt" where the matcher places nothing."""
    return _ONLY_THANKS.match(_plain(text)) is not None


def is_stop(text: str) -> bool:
    return _plain(text) in STOP_WORDS


_WITHDRAW = frozenset(
    {"laat maar", "laat maar zitten", "nee laat maar", "hoeft niet meer", "hoeft al niet meer", "niet meer nodig",
     "ik hoef geen medewerker meer", "ik wacht niet langer", "never mind", "nevermind", "nvm", "forget it",
     "no need anymore",
     # while waiting for a person nobody has taken yet (the bot asked nothing): the resident changed their mind
     "nee hoeft niet", "hoeft niet", "nee dank je", "nee dank u", "nee bedankt", "no thanks", "no thank you", "not needed"}
)


# "actually never mind", "oh laat maar": a change of mind, said with a word before it
_CHANGE_OF_MIND = re.compile(r"^(?:(?:actually|oh|ah|ach|och|sorry|eigenlijk|toch|hmm|ok|oke|okay|nou|eh|uh|um) )+")


# "nvm ill wait till next week", "laat maar eigenlijk", "never mind, I'll call tomorrow": the change of mind said
# first, then why or what instead, without a question.
_WITHDRAWN_WITH_REASON = re.compile(
    r"^(?:laat maar(?: zitten)?|never ?mind|nvm|forget it|hoeft niet meer|niet meer nodig) (?!.*\?)"
    r"(?:eigenlijk|toch|hoor|dan|maar|then|actually|i'll|ill|i will|ik (?:bel|wacht|kom|doe|regel|kijk|zoek))\b")


def withdraws(text: str) -> bool:
    """True when the resident takes back a request ("laat maar", "stop", "never mind", "actually
    never mind", "nvm ill wait till next week")."""
    plain = _plain(text)
    bare = _CHANGE_OF_MIND.sub("", plain)
    return (plain in STOP_WORDS or plain in _WITHDRAW or bare in _WITHDRAW
            or _WITHDRAWN_WITH_REASON.match(bare) is not None)


# "nee laat maar, wat kost een paspoort?": the request taken back, and a question after a mark (without
# one, "laat maar weten wanneer" asks to be told).
_WITHDRAW_THEN = re.compile(
    r"^\W*(?:(?:nee|no)\W+)?(?:laat maar(?: zitten)?|hoeft niet meer|niet meer nodig|never mind|nevermind|forget it)"
    r"\s*[,.!;:]+\s*(?P<rest>\S.*)$", re.IGNORECASE | re.DOTALL)


def withdraws_then(text: str) -> str | None:
    """The question asked after taking back a request in the same message, or None."""
    found = _WITHDRAW_THEN.match(text.strip())
    return found.group("rest").strip() if found else None


def contact(text: str) -> tuple[str, str] | None:
    """(contact, kind) from free text: an e-mail address, or a valid phone number
    (region NL, as E.164); None when there is neither."""
    email = slots.email(text)
    if email:
        return email, "email"
    phone = slots.phone(text)
    if phone:
        return phone, "phone"
    return None


# ---- asking for a person -------------------------------------------------------------------------

_STRONG_PERSON = (
    r"medewerker|medewerkers|mederwerker|medewerkster|mens|echt persoon|echte persoon|persoon|klantenservice|"
    r"human|humans|human being|agent|employee|operator|representative|real person|staff member|member of staff"
)
_WEAK_PERSON = r"iemand|someone|somebody|person|collega|een van jullie|one of you"
_TALK = (
    r"spreken|spreek|praten|praat|bellen|bel|chatten|chat|aan de lijn|aan de telefoon|doorverbinden|doorverbind|"
    r"verbinden|verbind|doorgeschakeld|doorsturen|stuur|terugbellen|terugbelt|contact|"
    r"talk|speak|call|connect|transfer|put me through|get me|chat with"
)
_WANT = r"wil|willen|graag|nodig|aub|alsjeblieft|alstublieft|geef|krijgen|need|want|please|give|get"
_STRONG = re.compile(rf"\b(?:{_STRONG_PERSON})\b")
_WEAK = re.compile(rf"\b(?:{_WEAK_PERSON})\b")
_TALKING = re.compile(rf"\b(?:{_TALK})\b")
_WANTING = re.compile(rf"\b(?:{_WANT})\b")
_NOT_A_BOT = re.compile(
    r"\b(?:niet|geen|not|no|don't|dont)\b.{0,20}\b(?:robot|bot|chatbot|computer|machine|ai)\b"
)
# "mag ik een echt mens", "kan ik de medewerker": a request without a verb of talking.
_MAY_I_HAVE = re.compile(
    rf"\b(?:mag|kan|kun|can|could|may) (?:ik|i) (?:\w+ ){{0,2}}(?:{_STRONG_PERSON})\b"
)
# "bel me maar", "mail me", "stuur me een mail", "email me": the whole message asks to be contacted. Only
# as the whole message: with anything else in it ("mail sanne.visser@example.nl of bel mij", "Mail mij op
# <adres> over de afspraak") the request is no callback of this form, so no contact typed with it is taken
# (a contact is kept only as the answer to the callback's own question; everywhere else it is redacted).
_CONTACT_ME = (
    r"^(?:(?:ok|oke|okay|ja|nou|dan|anders|liever|graag|please)\s)*(?:(?:bel|mail|e-mail|email|mailen|bellen) "
    r"(?:me|mij)|(?:stuur|stuurt) (?:me|mij) (?:maar |dan |liever )?(?:een )?(?:mail|e-mail|email|mailtje)|"
    r"(?:neem|neemt) (?:maar |dan )?contact (?:met )?(?:me|mij) op|e-?mail me|send me an e-?mail|contact me)"
    r"(?: (?:maar|dan|gewoon|graag|liever|even|terug|aub|alsjeblieft|alstublieft|please|back|later))*$"
)
# A callback asked for without naming a person: "bel me terug aub", "kunnen jullie mij bellen?".
_CALL_ME = re.compile(
    _CONTACT_ME + "|"
    r"\b(?:(?:bel|bellen) (?:me|mij) (?:maar |dan |gewoon |graag )?(?:terug|op|even|aub|alsjeblieft|alstublieft)|"
    r"(?:bel|belt) (?:me|mij) (?:maar |dan )?terug|"
    r"(?:me|mij) (?:terug ?)?bellen|(?:kan|kun|kunt|kunnen|wil|wilt|willen) (?:jullie|u|je|iemand) (?:me|mij) "
    r"(?:terug ?)?(?:bellen|mailen)|terugbel\w*|call me(?: back)?|ring me(?: back)?|get back to me|phone me(?: back)?|"
    # "ik wil graag teruggebeld worden over mijn aanslag", "can someone mail me about my application?"
    r"terug ?gebeld (?:worden|te worden)|gebeld (?:worden|te worden)|gemaild (?:worden|te worden)|"
    r"(?:can|could|would|will) (?:someone|somebody|anyone|you|one of you) (?:please )?(?:call|phone|ring|e-?mail|mail|contact) me|"
    # "you can mail me at anna@...", "u kunt me bereiken op 06...": a contact offered for a callback
    r"(?:u kunt|je kunt|jullie kunnen) (?:me|mij) (?:(?:e-?)?mailen|bellen|bereiken)(?: (?:op|via))?|"
    r"you can (?:e-?mail|mail|call|phone|reach|contact) me(?: (?:at|on|via))?)\b"
)
# Staff as the subject of the question ("een klacht over een medewerker", "complaint about an employee"):
# these words name who it is about, not whom the resident wants to talk to.
_ABOUT_STAFF = re.compile(
    rf"\b(?:over|about|tegen|against|of)\s+(?:een|de|die|deze|jullie|uw|the|an|a|your|that|one of your)?\s*"
    rf"(?:{_STRONG_PERSON})\b"
)
# Staff as the one who did something ("jullie medewerker was onbeschoft", "your employee was rude"):
# told in a complaint, next to "ik wil een klacht indienen", whose "wil" is not for a person.
_STAFF_DID = re.compile(
    rf"\b(?:jullie|uw|de|die|deze|een|your|the|that|this|an|a)\s+(?:{_STRONG_PERSON})\s+"
    r"(?:was|were|is|are|heeft|hebben|had|deed|zei|zeiden|sprak|behandelde|reageerde|gaf|weigerde|lachte|"
    r"schreeuwde|did|said|treated|refused|shouted|laughed|gave)\b"
)
_NOT_A_REQUEST = re.compile(r"\b(?:geen|niet|no|not|don't|dont)\s+(?:een\s+|a\s+)?(?:medewerker|mens|human|person)\b")
_REQUEST_WORDS = re.compile(
    rf"\b(?:{_STRONG_PERSON}|{_WEAK_PERSON}|{_TALK}|{_WANT}|"
    r"ik|kan|kun|kunt|mag|mijn|een|met|van|de|het|over|u|me|mij|je|jullie|gemeente|even|"
    r"i|can|could|may|a|an|the|to|with|about|my|me|you|please|regarding|for|voor|echte?|real|"
    r"alstublieft|hallo|hoi|hi|hello)\b"
)


def asks_for_person(text: str) -> bool:
    """True when the resident asks to talk to a person ("medewerker graag",
    "kan ik iemand spreken over parkeren", "I need a human")."""
    plain = _STAFF_DID.sub(" ", _ABOUT_STAFF.sub(" ", _plain(text)))
    if _NOT_A_BOT.search(plain):
        return True  # "ik wil niet met een robot praten"
    if _NOT_A_REQUEST.search(plain):
        return False  # "ik wil geen mens"
    strong = _STRONG.search(plain)
    # In a story a staff member and a need are told, not asked for ("een medewerkster kwam langs
    # om te bespreken welke hulp ik nodig had"): there only a verb of talking makes it a request.
    wants = _WANTING.search(plain) if len(plain.split()) < STORY_WORDS else None
    if strong and (_TALKING.search(plain) or wants or _MAY_I_HAVE.search(plain) or len(plain.split()) <= 3):
        return True
    return bool(_WEAK.search(plain) and _TALKING.search(plain))


_CONTACTING_ME = re.compile(_CONTACT_ME)


def asks_to_be_contacted(text: str) -> bool:
    """"bel me maar", "mail me", "stuur me een mail", "email me please": the whole message asks for a
    callback, whatever topic the matcher reads in it (a complaint in "mail")."""
    return bool(_CONTACTING_ME.match(_plain(text)))


# "kunnen jullie het formulier sturen", "can you send me the form?": something asked to be sent, which only a person
# can do; with the address or number in the same message it is a callback to it. Not "Mail mij op <adres> over de
# afspraak" (no callback of this form: the address is redacted like any other, `_CONTACT_ME`).
_SEND_ME = re.compile(
    r"\b(?:(?:kunnen|kunt|kun|wilt|willen|wil|zou|zouden) (?:jullie|u|je|iemand)(?: \w+){0,5} "
    r"(?:op|toe|door)?(?:sturen|mailen|e-mailen|emailen)|"
    r"(?:can|could|would|will) (?:you|someone|somebody|one of you)(?: please)? (?:send|e-?mail|mail|forward)|"
    r"(?:please )?send (?:me|it|that|this|the \w+))\b"
)


def asks_for_callback(text: str) -> bool:
    """True for a callback asked without naming a person ("bel me terug aub", "call me back"), and for
    something asked to be sent with the address or number to send it to ("mijn mail is ..., kunnen jullie
    het formulier sturen"). Checked after the matcher: a tenant's own callback intent (a guided flow) goes
    first."""
    plain = _plain(text)
    return bool(_CALL_ME.search(plain)) or (_SEND_ME.search(plain) is not None and contact(text) is not None)


_WHOM_TO_CALL = re.compile(
    r"^(?:en |maar |ok |oke |and |but |so )?(?:(?:wie|welk nummer) bel ik|(?:wie|wat|welk|welke afdeling|welk nummer) (?:kan|moet|mag) ik (?:dan |"
    r"daarvoor |hiervoor |hierover |daarover |nu |nou )?(?:bellen|mailen|contacteren|benaderen)|"
    # "met wie kan ik hierover praten?", "who do I talk to about this?": whom to reach, not a live chat asked
    r"met wie (?:kan|moet|mag) ik (?:dan |daarvoor |hiervoor |hierover |daarover |nu |nou )?(?:praten|spreken|bellen)|(?:wat is|welk is) (?:het|jullie|uw|hun) "
    r"(?:tel |telefoon)?nummer|(?:hoe|waar) (?:kan|kun) ik (?:jullie|ze|hen|iemand|die|de afdeling) (?:bereiken|bellen|"
    r"mailen)|(?:kan|kun|mag) ik (?:ook |dan |daarvoor |hiervoor |hierover |daarover )?(?:(?:jullie|iemand|ze|hen|de gemeente) )?"
    # "kan ik bellen dan?" after an answer, "can I call you?": the topic's team, honest about the hours
    r"(?:ook |dan |even )?(?:bellen|opbellen|mailen)(?: (?:dan|ook|daarvoor|hiervoor|hierover|daarover))?"
    r"(?: om (?:het |dat )?(?:na )?te vragen(?: hoe (?:het|dat) (?:er ?voor |nu )?staat)?)?|"
    r"can i (?:also )?(?:call|phone|ring|email)(?: (?:you|someone|them))?(?: (?:then|instead|about (?:it|that)|to ask(?: about it)?))?|"
    r"(?:who|what number) (?:can|do|should) i (?:call|phone|ring|contact|email|talk to|speak to|speak with|talk with)|(?:what is|whats) (?:the|your|"
    r"their) (?:phone )?number|how (?:can|do) i (?:reach|contact|call) (?:you|them|someone))"
    # "who do i call right now?" after the neighbours' noise at night
    r"(?: (?:nu|meteen|nou|dan|now|right now|then|about (?:it|this|that))){0,2}$"
)


def asks_whom_to_call(text: str) -> bool:
    """"wie kan ik bellen?", "hoe kan ik ze bereiken?", "who can I call?": a question about how to
    reach the team of the current topic, with no subject of its own."""
    return bool(_WHOM_TO_CALL.match(_asked(text)))


# "wie bel ik 's nachts?", "who do I call at night?", "is er een noodnummer?": whom to call while the gemeente is
# closed: a moment out of office hours with a word of calling, or an emergency or fault line asked for.
_OUT_OF_HOURS = re.compile(
    r"\b(?:s ?nachts|s ?avonds|vannacht|vanavond|in het weekend|buiten (?:de )?(?:kantoortijd(?:en)?|openingstijden?)|"
    r"at night|tonight|in the evening|this evening|(?:at|on|over) the weekend|at weekends|out of hours|after hours|"
    r"outside (?:office|opening) hours)\b")
_CALLING = re.compile(r"\b(?:bel|bellen|belt|opbellen|bereiken|bereikbaar|call|phone|ring|reach|contact)\b")
_DAYTIME = re.compile(r"\b(?:overdag|during the day|in the daytime)\b")  # "ik werk 's nachts, kan ik overdag bellen?"
_EMERGENCY_LINE = re.compile(r"\b(?:nood|storings|spoed)(?:nummer|lijn|dienst)s?\b|\bemergency (?:number|line)s?\b")


def asks_after_hours(text: str) -> bool:
    """"wie bel ik 's nachts?", "who do I call at night?", "wie bel ik 's avonds als er iets gevaarlijks is",
    "is er een noodnummer?": who helps while the gemeente is closed (a topic's `after_hours` contact). A short
    question only: a story that mentions the night tells, it does not ask this."""
    plain = _asked(text)
    if len(plain.split()) >= STORY_WORDS or _DAYTIME.search(plain):
        return False
    return bool(_EMERGENCY_LINE.search(plain) or (_OUT_OF_HOURS.search(plain) and _CALLING.search(plain)))


# "wat is jouw naam?", "ben je een robot?", "who am I talking to?": a question about the assistant
# itself, with nothing else in it (then the self-introduction, not the scope message).
_BOT = r"(?:robot|bot|chatbot|chat bot|computer|computerprogramma|programma|mens|echt persoon|echte persoon|ai|" \
       r"human|person|real person|human being|machine|ai assistant|real human)"
_ASKS_WHO = (
    "hoe heet (?:je|jij|u)", "wat is (?:je|jouw|uw) naam", "heb (?:je|jij|u) een naam", "wie ben (?:je|jij|u)",
    "wie (?:is|zit) (?:daar|er)(?: aan de andere kant)?", "met wie (?:spreek|praat|chat) ik",
    f"(?:ben|bent) (?:je|jij|u) (?:een |echt een |nou een )?{_BOT}", f"is dit een (?:echte? )?{_BOT}",
    f"(?:praat|chat|spreek) ik (?:nu )?met een (?:echte? )?{_BOT}",
    "what(?: is|'?s) your name", "do you have a name", "who are you", "who is (?:this|there)",
    "who am i (?:talking|speaking|chatting) (?:to|with)", f"are you (?:a |an |really a |an actual )?{_BOT}",
    f"is this (?:a |an )?{_BOT}", f"am i (?:talking|speaking|chatting) (?:to|with) (?:a |an )?{_BOT}",
)
_BEFORE_WHO = "hallo|hoi|hey|hi|hello|en|maar|ok|oke|trouwens|eigenlijk|even|nou|by the way|so|and"
_AFTER_WHO = "eigenlijk|nou|nu|dan|precies|trouwens|then|actually|exactly|really|by the way"
_WHO_IS_THERE = re.compile(rf"^(?:(?:{_BEFORE_WHO}) )*(?:{'|'.join(_ASKS_WHO)})(?: (?:{_AFTER_WHO}))*$")


def asks_who_the_bot_is(text: str) -> bool:
    """"wat is jouw naam?", "ben je een robot?", "who am I talking to?": who the resident is talking to."""
    return bool(_WHO_IS_THERE.match(_plain(text)))


# The contact given with a request and the words that give it ("mijn mail is anna@..., kunnen jullie het formulier
# sturen"): no topic to route by (the matcher reads a complaint in "mail").
_CONTACT_GIVEN = re.compile(
    r"\S+@\S+|\+?\d[\d -]{5,}\d|\b(?:mail|e-mail|email|mailadres|e-mailadres|emailadres|adres|telefoonnummer|nummer|"
    r"is|kunnen|sturen|opsturen|toesturen|mailen|maar|dan|gewoon|liever|op|via|terug|address|number|phone|send|at|on|"
    r"back|later)\b"
)


def without_person_request(text: str) -> str:
    """The text minus the words of a person request and the contact given with it: "iemand spreken over mijn
    parkeervergunning" -> "parkeervergunning" (the topic to route by)."""
    return " ".join(_REQUEST_WORDS.sub(" ", _CONTACT_GIVEN.sub(" ", _plain(text))).split())


# ---- questions ---------------------------------------------------------------------------------------

_QUESTION_START = re.compile(
    r"^(?:wat|hoe|hoeveel|hoelang|wanneer|waar|waarom|welke?|wie|kan|kun|kunt|mag|moet|moeten|is|zijn|"
    r"heb|hebt|heeft|wil|wilt|zou|graag|what|how|when|where|why|which|who|can|could|may|must|do|does|"
    r"is|are|should|will|would|please|ik wil|ik wilde|ik zou graag|ik moet|ik zoek|i want|i need|i'd like|"
    r"i would like|i am looking for)\b"
)
# A Dutch verb first without its subject after it: in a story, the second half of a sentence the
# matcher split at "en" ("ik woon hier sinds 2019 en | heb een uitkering."), not a question.
_SUBJECT = r"(?:ik|je|jij|u|we|wij|ze|zij|hij|het|er|men|iemand|mijn|m'n|mn|onze|ons|de|dat|dit|die|jullie|daar|dan)"
_VERB_WITHOUT_SUBJECT = re.compile(rf"^(?:kan|kun|kunt|mag|moet|moeten|zijn|heb|hebt|heeft|wil|wilt|zou) (?!{_SUBJECT}\b)")


def is_question(text: str) -> bool:
    """Does this clause ask or request something (rather than tell the background)?"""
    stripped = text.strip()
    return stripped.endswith("?") or bool(_QUESTION_START.match(_asked(stripped)))


def asks_in_story(clause: str) -> bool:
    """Does this clause of a story ask something: a question, but not half a sentence that tells."""
    return is_question(clause) and (clause.strip().endswith("?") or not _VERB_WITHOUT_SUBJECT.match(_plain(clause)))


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


def tells_it_happened_again(text: str) -> bool:
    """True for "dit is al de derde keer", "weer niet", "third time this month": the problem told happens again."""
    return bool(_AGAIN.match(_plain(text)))


def is_frustrated(text: str) -> bool:
    """True when the message says the bot or its answer does not help ("dit slaat nergens op")."""
    return bool(_FRUSTRATED.search(_plain(text)))


# ---- numbered choices --------------------------------------------------------------------------------

_ORDINALS = {
    "1": 1, "een": 1, "eerste": 1, "first": 1, "one": 1, "2": 2, "twee": 2, "tweede": 2, "second": 2, "two": 2,
    "3": 3, "drie": 3, "derde": 3, "third": 3, "three": 3,
}
_CHOICE = re.compile(r"^(?:(?:de|het|nummer|nr|optie|keuze|the|number|option|choice)\s+)*(\w+)(?:\s+(?:graag|please|one))?$")


_NONE_OF_THESE = frozenset(
    """geen|geen van beide|geen van beiden|geen van deze|geen van allen|geen van allemaal|geen van de drie|geen van die|
    geen daarvan|iets anders|anders|wat anders|niks daarvan|niets daarvan|none|none of them|none of these|neither|
    neither of them|something else|other""".replace("\n", "").split("|")
)


def none_of_these(text: str) -> bool:
    """"geen van beide", "iets anders", "none of these": no option of "Bedoelt u ...?" fits."""
    return _plain(text) in _NONE_OF_THESE


def chosen_number(text: str, options: int) -> int | None:
    """1-based number of the option meant by "2", "de tweede", "optie 3"; None otherwise."""
    match = _CHOICE.match(_plain(text))
    if not match:
        return None
    number = _ORDINALS.get(match.group(1))
    return number if number is not None and number <= options else None


# ---- gibberish -----------------------------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
_KEYBOARD_RUNS = (
    "qwe", "wer", "ert", "rty", "tyu", "yui", "uio", "iop", "asd", "sdf", "dfg", "fgh", "ghj", "hjk", "jkl",
    "zxc", "xcv", "cvb", "vbn", "bnm",
)
_REPEATED_UNIT = re.compile(r"^(\w{1,3})\1{2,}\w{0,2}$")


def _plausible(word: str) -> bool:
    """Could this be a word of a language (of any length, including names)?"""
    if len(word) == 1:
        return word in ("u", "a", "i", "é")
    if not any(ch in _VOWELS for ch in word):
        return False
    if re.search(r"(.)\1\1", word) or _REPEATED_UNIT.match(word):
        return False
    if re.search(r"[^aeiouyàáâäèéêëìíîïòóôöùúûü]{6,}", word):
        return False
    return sum(run in word for run in _KEYBOARD_RUNS) < 2


def is_gibberish(text: str, known_words: frozenset[str] = frozenset()) -> bool:
    """True for keyboard mash, repeated letters, digits or symbols only: text that is
    no language at all. A real question the bot cannot answer is not gibberish."""
    words = _LETTERS.findall(text.lower())
    if not words:
        return True
    if any(word in known_words for word in words):
        return False
    plausible = sum(_plausible(word) for word in words)
    return plausible * 2 < len(words) or (len(words) == 1 and not plausible)


# ---- impatience ----------------------------------------------------------------------------------------

_IMPATIENCE = (
    r"(?:geef|give)(?: me| mij)?(?: nou| eens| gewoon| even| dan)* (?:antwoord|een antwoord|answer|an answer)|"
    r"(?:antwoord|antwoorden|answer)(?: me| mij)?|(?:reageer|reageren|respond|reply)(?: me| mij)?|"
    r"(?:ben|bent|zijn) (?:je|jij|u|jullie)(?: er)?(?: nog)?(?: wel)?(?: er| daar)?|(?:is|zit) (?:er|daar) (?:nog )?iemand(?: daar)?|"
    r"iemand daar|(?:are|r) (?:you|u) (?:still )?(?:there|here)|(?:is )?(?:any ?one|any ?body) (?:there|here|home)|"
    r"schiet(?: eens| nou)? op|kom op|come on|hurry(?: up)?|"
    r"(?:het |dit )?duurt (?:wel |erg |zo |echt )?lang|waarom duurt (?:het|dit) zo lang|(?:this|it) takes (?:so |too )?long|"
    r"waarom (?:antwoord|antwoordt|reageer|reageert) (?:je|jij|u) (?:nou |dan )?niet|"
    r"why (?:don't|dont|do not|won't|wont|aren't|arent) you (?:answer|answering|reply|replying|respond|responding)|"
    r"why no (?:answer|reply)|ik (?:zit |sta )?(?:nog steeds |al lang |al een tijd )?(?:te )?wachten|ik wacht(?: nog steeds| al lang)?|"
    r"(?:still|i am|i'm|im) waiting|zeg (?:eens |nou |dan )?(?:iets|wat)|say something|"
    r"nou|en|en nu|nou en|well|and|so"
)
_FILLER = r"hallo|hoi|hey|hello|hi|nou|eens|even|nu|dan|toch|gewoon|aub|alsjeblieft|alstublieft|please|now|already|man|joh|jij|ff"
_IMPATIENT = re.compile(rf"^(?:(?:{_FILLER}) )*(?:{_IMPATIENCE})(?: (?:{_FILLER}))*$")


def is_impatient(text: str) -> bool:
    """True for impatience that names no topic ("antwoord nou", "hallo?? ben je er nog?",
    "schiet eens op", "are you there?"): the resident is waiting for the bot, not asking about a complaint. A
    bare "hallo???" stays a greeting."""
    return bool(_IMPATIENT.match(_plain(text)))


# ---- a question announced -------------------------------------------------------------------------------

_GREETING = r"(?:hallo|hoi|hey|hi|hello|goedemorgen|goedemiddag|goedenavond|dag|beste|good morning|good afternoon)"
_ANNOUNCED = re.compile(
    rf"^(?:{_GREETING} )*(?:"
    r"ik heb (?:een |nog een |een paar |wat |even een |een kleine |een korte )?(?:vraag|vraagje|vragen)(?: voor (?:u|jullie))?|"
    r"(?:mag|kan|kun) ik (?:u |jullie |je )?(?:iets|wat|een vraag|een vraagje|even iets) (?:vragen|stellen)|"
    r"ik wil (?:graag )?(?:u |jullie )?(?:iets|wat|een vraag|een vraagje) (?:vragen|stellen)|(?:een )?(?:vraag|vraagje)|"
    r"i (?:have|ve got|'ve got|got) (?:a |one |a quick |a small |some )?(?:question|questions)|"
    r"(?:can|could|may) i ask (?:you )?(?:something|a question|a quick question)|(?:a |quick )?question"
    r")$"
)


# "ik heb een vraag over belasting", "I have a question about parking": the announcement names its subject.
_ANNOUNCED_ABOUT = re.compile(_ANNOUNCED.pattern.removesuffix(")$") + r") (?:over|about|omtrent|regarding|on) (?P<subject>.+)$")


def announced_subject(text: str) -> str | None:
    """The subject a question is announced with ("belasting" in "ik heb een vraag over belasting"), or None."""
    found = _ANNOUNCED_ABOUT.match(_plain(text))
    return found.group("subject") if found else None


def announces_question(text: str) -> bool:
    """True for "ik heb een vraag", "mag ik iets vragen?", "hi, I have a question": a resident who
    announces a question and has not asked it yet (no topic, not out of scope)."""
    return bool(_ANNOUNCED.match(_plain(text)))


# ---- how to go about it ------------------------------------------------------------------------------

_HOW = re.compile(
    r"^(?:en |maar |ok |oke |dus |and |but |so )?(?:"
    r"wat (?:kan|moet|kun|kunt|moeten|kunnen) (?:ik|we|wij|u|je) (?:dan |nu |daar |daaraan |eraan |hier |hieraan )?"
    r"(?:allemaal |eerst |nog )?(?:aan )?(?:doen|regelen)|"
    # "kan de gemeente er iets aan doen?" after noise: what the topic's answer says the gemeente does
    r"(?:kan|kunnen|gaat|doet) (?:de gemeente|jullie|u) (?:er |daar |hier )?(?:ook |dan |nog )?(?:iets|wat) (?:aan |mee )?(?:doen)?|"
    r"(?:can|will|does) (?:the (?:municipality|council)|you) do (?:anything|something)(?: about (?:it|that|this))?|"
    # "hoe verleng ik het?" after the driving licence, "hoe meld ik dat af?", "hoe kom ik eraan?"
    r"hoe (?:doe|regel|vraag|pak|verleng|vernieuw|wijzig|verander|meld|krijg|geef|zeg|schrijf|dien|bestel|boek) (?:ik|we) "
    # "hoe vraag ik een nieuwe aan?" after the ID card: a new one of the topic just answered
    r"(?:dat|het|dit|die|hem|m|t|een nieuwe?|er een(?: nieuwe?)?|er (?:nog )?een)(?: (?:aan|af|op|door|in|om))?|hoe kom (?:ik|we) (?:daar|er)aan|"
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
    r"(?:kan|kunnen|wil) (?:de gemeente|jullie|u) (?:mij |me |ons )?(?:daarbij |daarmee |hierbij |ermee |mee )?helpen|"
    r"(?:can|will|could) (?:the (?:municipality|council)|you) help(?: me| us)?(?: with (?:it|that|this))?"
    r")$"
)


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
    return bool(_VALIDITY.match(_plain(text)))


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
    r"(?:it|that|this|one) (?:for|on behalf of) (?:her|him|them|{adult})$".format(adult=_ADULT)
)


def asks_for_someone_else(text: str) -> bool:
    """True for "en voor mijn man?", "and my wife?", "kan ik het voor haar aanvragen?": the current topic for
    another adult, nothing else."""
    plain = _plain(text)
    return bool(_SOMEONE_ELSE.match(plain) or _DO_IT_FOR.match(plain))


_CONTINUES = re.compile(r"^(?:en|and|maar|but|of|or) (?:als|wat als|wat nou als|stel dat|if|what if|what about if) \w+")


def continues(text: str) -> bool:
    """True for a question that goes on from the last answer on a condition ("en als het meer dan 100
    mensen zijn?", "maar wat als ik geen DigiD heb?", "and if it rains?"); not "en de afvalstoffenheffing?",
    which may name a topic of its own."""
    return bool(_CONTINUES.match(_plain(text)))


def without_someone_else(text: str) -> str:
    """The text without the other adult it names: "voor mijn moeder, ze" -> ", ze"."""
    return " ".join(_FOR_SOMEONE_ELSE.sub(" ", text.lower()).split())


def asks_how(text: str) -> bool:
    """True for "wat kan ik doen?", "hoe doe ik dat?", "how does that work?": a question with no
    subject of its own about how to go about the topic just answered."""
    return bool(_HOW.match(_asked(text)))


# "en nu?" says no more than "what next" only right after a problem told ("ons papier is niet
# opgehaald"); elsewhere it is impatience (`is_impatient`) or too little to go on.
_AND_NOW = re.compile(r"^(?:en|and|so) (?:nu|now)(?: (?:dan|then|wat|what))?$")


def asks_what_next(text: str) -> bool:
    """"wat nu?", "en nu?", "and now?": after the answer to a problem told, what happens next."""
    return asks_how(text) or bool(_AND_NOW.match(_plain(text)))


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
    return _WHY_ASKED.match(_plain(text)) is not None


# "can you speak dutch?", "kan het in het Engels?", "ok dan in het nederlands, hoe vraag ik een uittreksel aan": the
# language asked for, and the question that may follow it.
_LANGUAGE_NAMES = {"nederlands": "nl", "dutch": "nl", "hollands": "nl", "engels": "en", "english": "en"}
_LANGUAGE = "|".join(_LANGUAGE_NAMES)
_LANGUAGE_ASKED = re.compile(
    rf"^(?:(?:ok|oke|okay|oh|nou|dan|then|so|en|and|graag|please|liever|rather|maar|but) )*(?:"
    rf"(?:can|could|do|will) (?:you|u|we) (?:also )?(?:speak|talk|write|answer|chat)(?: in)? (?P<a>{_LANGUAGE})|"
    rf"(?:spreek|praat|schrijf|spreekt|praat) (?:je|jij|u) (?:ook )?(?P<b>{_LANGUAGE})|"
    rf"(?:kan|kun|kunt|mag) (?:het|dat|je|jij|u|we|ik) (?:ook )?(?:(?:spreken|praten|schrijven|antwoorden|vragen) )?"
    rf"in het (?P<c>{_LANGUAGE})(?: (?:spreken|praten|schrijven|antwoorden|vragen))?|"
    rf"(?:in )?(?:het )?(?P<d>{_LANGUAGE})(?: (?:graag|please|alsjeblieft|aub))?"
    rf")(?: (?:graag|please|alsjeblieft|aub|dan|then))?(?:[?!.,:;]+|$)\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL)


def language_asked(text: str) -> tuple[str, str] | None:
    """The language a message asks the assistant to use ("nl" / "en") and what it asks besides ("" when nothing),
    or None."""
    found = _LANGUAGE_ASKED.match(text.strip().lower())
    if found is None:
        return None
    name = found.group("a") or found.group("b") or found.group("c") or found.group("d")
    return _LANGUAGE_NAMES[name], found.group("rest").strip()


# "en als ik er twee heb?", "what if I have two dogs?", "en voor drie kinderen?": how many of what was just answered.
# A number with "er" / "of them" or before a plural that is no time or money ("voor 3 weken", "twee euro" are not).
_COUNTS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
           "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           **{str(number): number for number in range(2, 11)}}
_COUNT_WORD = "|".join(sorted(_COUNTS, key=len, reverse=True))
_NOT_COUNTED = (r"dagen|weken|maanden|jaren|jaar|uur|uren|minuten|keer|euro|days|weeks|months|years|hours|minutes|"
                r"times|euros")
_COUNT_ASKED = re.compile(
    rf"\b(?:er|ervan|daarvan) (?P<of_them>{_COUNT_WORD})\b|\b(?P<them>{_COUNT_WORD}) of them\b|"
    rf"\b(?P<counted>{_COUNT_WORD}) (?!(?:{_NOT_COUNTED})\b)[a-z]+(?:en|s)\b"
)
_CHILDREN = re.compile(r"\b(?:kinderen|kids|children|zonen|dochters|sons|daughters)\b")


def count_asked(text: str) -> tuple[int, bool] | None:
    """How many a follow-up asks for ("en als ik er twee heb?" -> 2), and whether they are children; None when it
    names no count."""
    plain = _plain(text)
    found = _COUNT_ASKED.search(plain)
    if found is None:
        return None
    word = found.group("of_them") or found.group("them") or found.group("counted")
    return _COUNTS[word], bool(_CHILDREN.search(plain))


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
    return _DOES_NOT_KNOW.match(_plain(text)) is not None


# "hoe verleng ik mijn paspoort en wat kost het?": besides a follow-up, the message asks how to go
# about the topic itself (not "hoe lang", "hoe duur", "hoeveel").
_HOW_TO = re.compile(
    r"\b(?:hoe (?!lang\b|duur\b|vaak\b|laat\b|ver\b|snel\b)(?:\w+ )?(?:ik|je|u|we|wij)\b|"
    r"how (?:do|can|should|to) (?:i |we |you )?(?!long\b|much\b)\w+|what do i (?:need to|have to) do)"
)


def asks_how_to(text: str) -> bool:
    """True when the message asks how to go about its topic ("hoe verleng ik ...", "how do I renew ...")."""
    return bool(_HOW_TO.search(_plain(text)))


def asking(text: str, result: "Classification") -> list["Part"]:
    """The clauses of a message that may each be answered as a topic of their own: all of a
    short message ("ik ben verhuisd. wanneer wordt mijn afval opgehaald?"), but of a story only
    those that ask something. A story's telling clauses are background the matcher scores
    without their story ("... waar je je papier. plastic enz. kwijt kunt." left "kwijt kunt.",
    read Kwijtschelding; "ik heb netjes online een afspraak gemaakt" in a complaint about bulky
    waste read Afspraak); what a story asks as a whole is the matcher's to decide."""
    if len(text.split()) < STORY_WORDS:
        return list(result.parts)
    return [part for part in result.parts if asks_in_story(part.text)]


# "oh wacht ik bedoel een bezoekersvergunning", "sorry, I meant a visitor permit", "nee, ik bedoelde mijn rijbewijs":
# a correction of what was just asked; what is meant follows it.
_CORRECTION = re.compile(
    r"^(?:(?:oh|o|ah|sorry|sorr|nee|neen|no|nope|oeps|oops|wacht|wait|hmm|eh|excuses|pardon|fout|verkeerd|my bad|"
    r"ik vergis me|i was wrong)\s+)*"
    r"(?:ik bedoel(?:de)?|i meant?|what i meant (?:is|was)|ik had het over|i was talking about)\s+(?:eigenlijk |actually )?"
    r"(?P<meant>.+)$")


def correction(text: str) -> str | None:
    """What a correction ("oh wacht ik bedoel een bezoekersvergunning", "sorry, I meant a visitor permit") says is
    meant ("een bezoekersvergunning"), or None when the message corrects nothing."""
    found = _CORRECTION.match(_plain(text))
    return found.group("meant") if found is not None else None


# "ik spreek geen nederlands", "I don't speak Dutch", "no hablo holandés", "nie mówię po niderlandzku": the resident
# cannot read Dutch. Said in Dutch or English (`own`), or in another language, which Balie does not write.
_NO_DUTCH_OWN = re.compile(
    r"\b(?:ik (?:spreek|begrijp|versta|lees|kan) (?:geen|niet|nauwelijks|slecht|weinig|niet zo goed|niet goed)"
    r"(?: \w+)? (?:nederlands|hollands)(?: lezen| spreken| verstaan)?|"
    r"i (?:don't|do not|can't|cannot|dont|cant) (?:speak|understand|read|write|talk)(?: \w+)? dutch|"
    r"(?:my )?dutch is (?:not good|bad|poor|very bad|not very good)|no dutch)\b")
_NO_DUTCH_OTHER = re.compile(
    r"\b(?:no (?:hablo|entiendo) (?:holand[eé]s|neerland[eé]s)|nie (?:mówię|mowie|rozumiem) po (?:niderlandzku|holendersku)|"
    r"je ne (?:parle|comprends) pas (?:le )?(?:néerlandais|neerlandais|hollandais)|"
    r"ich (?:spreche|verstehe) kein(?:e)? (?:niederländisch|niederlandisch|holländisch|hollandisch)|"
    r"(?:hollandaca|felemenkçe|flemenkçe) (?:bilmiyorum|konuşamıyorum|anlamıyorum)|"
    r"não falo (?:holandês|holandes|neerlandês)|nu vorbesc (?:olandeză|olandeza)|"
    r"не (?:говорю|розмовляю|понимаю) (?:по-голландски|по-нидерландски|нідерландською|голландською)|"
    r"لا (?:أتكلم|اتكلم|أتحدث|اتحدث) (?:الهولندية|اللغة الهولندية))")


def speaks_no_dutch(text: str) -> tuple[bool, str] | None:
    """Whether a short message says the resident cannot read Dutch: (said in Dutch or English, the rest after it)
    when it does, else None. Not a question about Dutch ("waar kan ik Nederlands leren?")."""
    plain = _plain(text)
    if len(plain.split()) >= STORY_WORDS:
        return None
    for own, pattern in ((True, _NO_DUTCH_OWN), (False, _NO_DUTCH_OTHER)):
        found = pattern.search(plain)
        if found is not None:
            rest = plain[found.end():].strip(" ,.-")
            return own, rest if len(rest.split()) >= 2 else ""
    return None


# A message that goes on from the last one: "en voor morgen", "and the day after", "maar op zaterdag".
JOINED_FIRST = re.compile(r"^\s*(?:en|and|maar|but|of|or)\b", re.IGNORECASE)
# "Dank u wel. Wanneer hoor ik iets van u?", "thanks! and how long does it take": a thanks, then a question.
_THANKS_FIRST = re.compile(
    r"^\s*(?:(?:heel erg|hartelijk|super|many|ok|oke|okay) )?(?:dank u wel|dank je wel|dankjewel|dankuwel|dank u|dank je|"
    r"bedankt|thanks|thank you(?: very much| so much)?|thx|merci)"
    r"(?: (?:voor (?:de|het|uw|je|jullie) (?:info|informatie|antwoord|hulp|uitleg)|for (?:the|your) (?:info|answer|help)))?"
    r"(?:\s*[.!,;:]+\s*|\s+(?=(?:en|and|maar|but|wanneer|hoe|wat|waar|wie|when|how|what|where|who)\b))(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL)


def thanks_then(text: str) -> str | None:
    """The question after a thanks in front of it ("Dank u wel. Wanneer hoor ik iets van u?" -> "Wanneer hoor ik iets
    van u?"), or None when the message is no thanks followed by a question."""
    found = _THANKS_FIRST.match(text)
    if found is None:
        return None
    rest = found.group("rest").strip()
    return rest if is_question(rest) else None


# "it's really dangerous, cyclists fall there" after a report, "het is levensgevaarlijk": a danger told about the topic
# just answered (crisis help has already run: acute danger to a person is the crisis detector's).
_DANGER = re.compile(r"\b(?:gevaarlijk|gevaarlijke|levensgevaarlijk|onveilig|dangerous|unsafe|hazard|hazardous)\b")


def tells_danger(text: str) -> bool:
    """A short message that says something is dangerous (not a story, which tells more than that)."""
    plain = _plain(text)
    return len(plain.split()) < STORY_WORDS and _DANGER.search(plain) is not None

"""Reaching a person: asked for, a callback, whom to call, and the contact details typed for it.

- `contact`: a phone number or e-mail address typed for a callback;
- `asks_for_person`: "iemand spreken over mijn parkeervergunning", "I need a human", "verbind me door met parkeren";
- `asks_for_callback`: "bel me terug aub", "kunnen jullie mij bellen?", "please have someone e-mail me";
  `asks_to_be_contacted`: "bel me maar", "mail me" (the whole message);
- `asks_whom_to_call`: "wie kan ik bellen?" (the current topic's team); `asks_after_hours`: "wie bel ik 's nachts?";
- `without_person_request`: what is left of such a request (the topic, for routing);
- `asks_when_contacted`: "wanneer bellen jullie?", "wanneer hoor ik iets?": when the callback promised comes;
- `about_the_callback`: "het is dringend", "ik ben pas na 14 uur bereikbaar": said for the callback queued;
- `means_this_number`: "dit nummer is goed" (on WhatsApp: the number the chat comes from).
"""
from __future__ import annotations

import re

from . import clauses, slots

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
    r"(?:bel|belt) (?:me|mij) (?:maar |dan |liever |gewoon )?terug|"
    r"(?:me|mij) (?:terug ?)?bellen|(?:kan|kun|kunt|kunnen|wil|wilt|willen) (?:jullie|u|je|iemand) (?:me|mij) "
    r"(?:terug ?)?(?:bellen|mailen)|terugbel\w*|call me(?: back)?|ring me(?: back)?|get back to me|phone me(?: back)?|"
    # "ik wil graag teruggebeld worden over mijn aanslag", "can someone mail me about my application?"
    r"terug ?gebeld (?:worden|te worden)|gebeld (?:worden|te worden)|gemaild (?:worden|te worden)|"
    r"(?:can|could|would|will) (?:someone|somebody|anyone|you|one of you) (?:please )?(?:call|phone|ring|e-?mail|mail|contact) me|"
    # "ik wil gewoon dat iemand me maandag belt"
    r"(?:dat|zodat) (?:iemand|jullie|u|een medewerker) (?:me|mij) (?:\w+ ){0,3}(?:terug ?)?(?:belt|opbelt|mailt|bellen|mailen)|"
    # "you can mail me at anna@...", "u kunt me bereiken op 06...": a contact offered for a callback
    r"(?:u kunt|je kunt|jullie kunnen) (?:me|mij) (?:(?:e-?)?mailen|bellen|bereiken)(?: (?:op|via))?|"
    r"you can (?:e-?mail|mail|call|phone|reach|contact) me(?: (?:at|on|via))?|"
    # "please have someone email me", "laat iemand mij maandag bellen": someone sent to contact the resident
    r"(?:have|let|get) (?:someone|somebody|a colleague|one of you|a person) (?:\w+ )?(?:e-?mail|mail|call|phone|ring|contact) (?:me|us)|"
    r"laat (?:iemand|een medewerker|een collega) (?:me|mij|ons) (?:\w+ ){0,3}(?:terug ?)?(?:bellen|mailen|e-?mailen)|"
    # "ok please ticket. my name ..., phone 06-...", "maak maar een terugbelverzoek": the callback asked as a ticket
    r"(?:make|open|create|maak|open|zet) (?:maar |dan |please )?(?:a |een )?(?:ticket|terugbelverzoek)|"
    r"please (?:a |make a )?ticket|(?:een )?(?:ticket|terugbelverzoek) (?:graag|aub|alsjeblieft|please))\b"
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
    r"alstublieft|hallo|hoi|hi|hello|ok|oke|ja|yes|nu|now|door|naar|zet|schakel|through|"
    # the way of talking preferred, no topic: "ik kan beter praten dan schrijven" (read Verhuizing in "schrijven", and the
    # call went to Burgerzaken instead of the bijstand team talked about)
    r"schrijven|typen|tikken|lezen|liever|beter|dan|write|writing|type|typing|read|reading|rather|better|than)\b"
)


# "verbind me maar door met dat jeugdteam", "zet me door naar parkeren", "connect me to the permits team": put through
# to whom the rest names (a team, a topic), no word for a person needed.
_PUT_THROUGH = re.compile(
    r"\b(?:(?:verbind|verbindt|zet|stuur|schakel) (?:me|mij|ons) (?:\w+ ){0,2}door (?:met|naar)|"
    r"(?:verbind|verbindt) (?:me|mij|ons) (?:\w+ ){0,2}met|(?:me|mij|ons) (?:door)?verbinden (?:met|naar)|"
    r"(?:connect|transfer|put) (?:me|us) (?:through )?(?:to|with))\b")
# "liever gewoon nu iemand", "nu meteen iemand graag", "someone now please": someone, now, in a short message.
_SOMEONE_NOW = re.compile(r"\b(?:(?:nu|meteen|direct|nou) (?:\w+ )?(?:iemand|een mens)|iemand (?:\w+ )?(?:nu|meteen|direct)|"
                          r"(?:someone|somebody|a person|a human) (?:\w+ )?now|now (?:\w+ )?(?:someone|somebody|a person))"
                          r"(?: (?:ja|graag|aub|alsjeblieft|alstublieft|svp|spreken|yes|please))*$")
SOMEONE_NOW_WORDS = 6


def asks_for_person(text: str) -> bool:
    """True when the resident asks to talk to a person ("medewerker graag",
    "kan ik iemand spreken over parkeren", "I need a human", "verbind me door met het jeugdteam",
    "liever gewoon nu iemand")."""
    plain = _STAFF_DID.sub(" ", _ABOUT_STAFF.sub(" ", clauses.plain(text)))
    words = len(plain.split())
    # A story tells of being put through ("ze zouden me doorverbinden met de afdeling, maar ..."); a request is short.
    if (words < clauses.STORY_WORDS and _PUT_THROUGH.search(plain)) or (words <= SOMEONE_NOW_WORDS and _SOMEONE_NOW.search(plain)):
        return True
    if _NOT_A_BOT.search(plain):
        return True  # "ik wil niet met een robot praten"
    if _NOT_A_REQUEST.search(plain):
        return False  # "ik wil geen mens"
    strong = _STRONG.search(plain)
    # In a story a staff member and a need are told, not asked for ("een medewerkster kwam langs
    # om te bespreken welke hulp ik nodig had"): there only a verb of talking makes it a request.
    wants = _WANTING.search(plain) if len(plain.split()) < clauses.STORY_WORDS else None
    if strong and (_TALKING.search(plain) or wants or _MAY_I_HAVE.search(plain) or len(plain.split()) <= 3):
        return True
    return bool(_WEAK.search(plain) and _TALKING.search(plain))


_CONTACTING_ME = re.compile(_CONTACT_ME)


# A way of being contacted named, and not refused: "nee niet bellen, mailen", "liever per mail", "not by phone, e-mail
# me" (the word "nee" in it declines the phone, not the callback).
_A_WAY = re.compile(r"\b(?:(?P<no>niet|geen|not|no|don'?t|ik|i|i'll|we|we'll) (?:(?:per|via|by|me|mij|ze|zelf|wel) )?)?(?P<way>mailen|e-?mailen|mail|e-?mail|per mail|"
                    r"bellen|bel|telefonisch|opbellen|sms|sms'?en|appen|whatsapp|call|phone|ring|text)\b")


def prefers_a_way(text: str) -> bool:
    """True when the message names a way to be contacted that it does not refuse ("nee niet bellen, mailen",
    "liever per mail"), as an answer to the offer of a callback: a yes, by that way. Not a way the resident takes
    themselves ("nee, ik bel zelf wel", "I'll call myself")."""
    plain = clauses.plain(text)
    return not _ASKS_WHEN_OR_HOW.match(plain) and any(found.group("no") is None for found in _A_WAY.finditer(plain))


# "wanneer bellen jullie?", "hoe bellen jullie?": a question about the way, no choice of it.
_ASKS_WHEN_OR_HOW = re.compile(r"^(?:(?:en|maar|ok|oke|and|but|so) )*(?:wanneer|hoe|wat|waarom|wie|when|how|what|why|who)\b")


# What the callback asked for is about, told in answer to its offer: "over mijn aanslag", "gaat over bijstand", "het
# gaat om mijn paspoort", "its about my parking permit", "het gaat eigenlijk ook over de huur", "it is also about".
_ABOUT = re.compile(
    r"^(?:(?:ja|nee|ok|oke|en|het|dat|die|and|yes|it|its|it's|this|that|well) )*(?:gaat |is |is het |gaat het )?"
    r"(?:(?:eigenlijk|ook|vooral|ook nog|juist|also|actually|mainly|mostly|really) )*"
    r"(?:over|om|about|regarding|concerning|betreft) \w+")


def tells_what_about(text: str) -> bool:
    """True for "over mijn aanslag", "gaat over bijstand", "it's about my parking permit": what it is about."""
    return bool(_ABOUT.match(clauses.plain(text)))


def asks_to_be_contacted(text: str) -> bool:
    """"bel me maar", "mail me", "stuur me een mail", "email me please": the whole message asks for a
    callback, whatever topic the matcher reads in it (a complaint in "mail")."""
    return bool(_CONTACTING_ME.match(clauses.plain(text)))


# "kunnen jullie het formulier sturen", "can you send me the form?": something asked to be sent, which only a person
# can do; with the address or number in the same message it is a callback to it. Not "Mail mij op <adres> over de
# afspraak" (no callback of this form: the address is redacted like any other, `_CONTACT_ME`).
_SEND_ME = re.compile(
    r"\b(?:(?:kunnen|kunt|kun|wilt|willen|wil|zou|zouden) (?:jullie|u|je|iemand)(?: \w+){0,5} "
    r"(?:op|toe|door)?(?:sturen|mailen|e-mailen|emailen)|"
    r"(?:can|could|would|will) (?:you|someone|somebody|one of you)(?: please)? (?:send|e-?mail|mail|forward)|"
    r"(?:please )?send (?:me|it|that|this|the \w+))\b"
)


# "dit nummer is goed", "bel maar op dit nummer", "this number is fine": the number the resident writes from (WhatsApp).
_THIS_NUMBER = re.compile(r"\b(?:(?:dit|deze|hetzelfde|het zelfde|mijn whatsapp) ?(?:nummer|telefoonnummer|whatsappnummer|whatsapp nummer)|"
                          r"(?:this|the same|my whatsapp) (?:number|phone number|whatsapp number))\b")


def means_this_number(text: str) -> bool:
    """True for "dit nummer is goed", "op dit nummer", "this number": the number the chat comes from."""
    return _THIS_NUMBER.search(clauses.plain(text)) is not None


_A_CALL = re.compile(r"\b(?:bel|belt|bellen|opbellen|terugbel\w*|gebeld|teruggebeld|call|phone|ring)\b")


def asks_to_be_called(text: str) -> bool:
    """A callback asked for as a phone call ("kan iemand mij bellen?", "call me back please"), not an e-mail."""
    return asks_for_callback(text) and _A_CALL.search(clauses.plain(text)) is not None


def asks_for_callback(text: str) -> bool:
    """True for a callback asked without naming a person ("bel me terug aub", "call me back"), and for
    something asked to be sent with the address or number to send it to ("mijn mail is ..., kunnen jullie
    het formulier sturen"). Checked after the matcher: a tenant's own callback intent (a guided flow) goes
    first."""
    plain = clauses.plain(text)
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
    r"their) (?:phone )?number|how (?:can|do) i (?:reach|contact|call) (?:you|them|someone)|"
    # "wie kan mij hierbij helpen?", "who can help me with this?" after an answer: the topic's team (the matcher read
    # debt counselling in "helpen" alone, 0.89)
    r"wie (?:kan|kun|helpt) (?:mij|me|ons) (?:hierbij|daarbij|hiermee|daarmee|verder)(?: helpen| verder helpen)?|"
    r"who (?:can|could) help (?:me|us) (?:with (?:this|that|it)|further))"
    # "who do i call right now?" after the neighbours' noise at night
    r"(?: (?:nu|meteen|nou|dan|now|right now|then|about (?:it|this|that))){0,2}$"
)


def asks_whom_to_call(text: str) -> bool:
    """"wie kan ik bellen?", "hoe kan ik ze bereiken?", "who can I call?": a question about how to
    reach the team of the current topic, with no subject of its own."""
    return bool(_WHOM_TO_CALL.match(clauses.asked(text)))


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
    plain = clauses.asked(text)
    if len(plain.split()) >= clauses.STORY_WORDS or _DAYTIME.search(plain):
        return False
    return bool(_EMERGENCY_LINE.search(plain) or (_OUT_OF_HOURS.search(plain) and _CALLING.search(plain)))


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
    return " ".join(_REQUEST_WORDS.sub(" ", _CONTACT_GIVEN.sub(" ", clauses.plain(text))).split())


# "wanneer bellen jullie dan?", "wanneer hoor ik wat", "hoe lang duurt het voor ik iets hoor", "when will you call me?":
# when the person promised will call or write (after a callback was arranged; the caller checks that).
_WHEN_CONTACTED = re.compile(
    r"^(?:(?:en|maar|ok|oke|okay|dus|and|but|so) )*(?:"
    r"(?:wanneer|hoe laat|welke dag|op welke dag|wanneer precies) (?:bellen|mailen|belt|mailt|reageren|reageert) "
    r"(?:jullie|ze|u|jij|je|iemand|de gemeente|die medewerker)(?: (?:me|mij))?(?: (?:terug|op))?|"
    r"wanneer (?:hoor|krijg) ik (?:iets|wat|bericht|antwoord|een reactie|reactie)(?: (?:van|terug))?(?: (?:jullie|u|de gemeente))?|"
    r"hoe lang (?:duurt het|moet ik wachten) (?:voor|voordat|tot|totdat) (?:ik iets hoor|ik wat hoor|ik gebeld word|"
    r"jullie (?:me |mij )?bellen|er iemand belt|iemand (?:me |mij )?belt)|"
    r"when (?:will|do|does|would) (?:you|someone|somebody|they|the municipality) (?:call|phone|ring|contact|e-?mail|mail) "
    r"(?:me|us)(?: back)?|when (?:will|do) i hear (?:back|from (?:you|someone|them))|"
    r"how long (?:until|before|till) (?:i hear (?:back|something|from you)|(?:you|someone) (?:calls?|contacts?) me)|"
    # "so when will someone answer me?", "wanneer reageert er iemand?" right after the callback offer: when a person is
    # there to answer (was the scope message)
    r"when (?:will|does|would|can) (?:someone|somebody|anyone|anybody|a person|a human|staff|a member of staff) "
    r"(?:answer|reply to|respond to|get back to|help|talk to|contact) (?:me|us)|when will i get (?:an answer|a reply)|"
    r"wanneer (?:antwoordt|reageert|helpt|belt|mailt) (?:er )?(?:iemand|een medewerker|een mens)(?: (?:me|mij))?"
    r"(?: (?:terug|op))?"
    r")(?: (?:dan|precies|nou|ongeveer|then|exactly|on monday|op maandag|maandag|morgen|tomorrow))*$")


def asks_when_contacted(text: str) -> bool:
    """"wanneer bellen jullie dan?", "wanneer hoor ik wat", "when will you call me back?": when the promised callback
    comes."""
    return _WHEN_CONTACTED.match(clauses.asked(text)) is not None


# "will she call me back?", "belt mevrouw De Vries mij dan terug?", "wie belt mij?": who will make the callback.
_WHO_CONTACTS = re.compile(
    r"\b(?:(?:will|does|can|would|is) (?:she|he|they|mrs \w+|mr \w+|ms \w+|my \w+)(?: \w+)? (?:call|phone|ring|contact|e-?mail|mail)"
    r"(?:ing)? (?:me|us)|(?:belt|mailt|bellen|mailen) (?:zij|hij|ze|mevrouw \w+|meneer \w+|mijn \w+)(?: \w+)? (?:me|mij|ons)|"
    r"wie (?:belt|mailt|bellen) (?:me|mij|ons)|who (?:will )?(?:call|calls|contact|contacts|e-?mail|e-?mails) (?:me|us))\b")


def asks_who_contacts(text: str) -> bool:
    """True for "will she call me back?", "belt zij mij dan terug?", "wie belt mij?"."""
    return _WHO_CONTACTS.search(clauses.plain(text)) is not None


# "ok dus jullie bellen mij maandag?", "so you'll call me on monday?": the callback offered, checked back as a question
_CALLS_ME = re.compile(r"\b(?:jullie|u|ze|iemand|you|someone|somebody|they)(?:'ll| will| gaan)? (?:dan |wel |echt |me |mij )?"
                       r"(?:bellen|belt|mailen|mailt|terugbellen|call|calls|ring|e-?mail|mail)(?: (?:mij|me|us|ons))?\b")


def checks_the_callback(text: str) -> bool:
    """"ok dus jullie bellen mij maandag?": whether the callback offered will come, asked back (its moment is said)."""
    return clauses.is_question(text) and _CALLS_ME.search(clauses.plain(text)) is not None


# Said for a callback already queued, to go on its ticket: that it is urgent, or when (not) to call.
_URGENT = re.compile(r"\b(?:dringend|spoed|urgent|urgently|haast|zo snel mogelijk|zsm|asap|as soon as possible|"
                     r"heel belangrijk|erg belangrijk|very important|it can ?t wait|kan niet wachten)\b")
_WHEN_TO_CALL = re.compile(
    r"\b(?:bereikbaar|reachable|available|beschikbaar|"
    r"(?:bel|bellen|mail|mailen) (?:me |mij )?(?:liever |maar |dan |alleen |pas )?(?:niet )?(?:na|voor|vóór|tussen|vanaf|om|"
    r"in de (?:ochtend|middag|avond)|'s (?:ochtends|middags|avonds))|niet bellen|"
    r"call (?:me )?(?:only )?(?:after|before|between|from|at|in the (?:morning|afternoon|evening))|"
    r"(?:don ?t|do not) call|ik ben (?:\w+ ){0,4}(?:thuis|op mijn werk|aan het werk)|"
    r"i am (?:only |not )?(?:home|at work) (?:after|before|between|from|until))\b")


def about_the_callback(text: str) -> str | None:
    """"urgent" ("het is dringend", "it is urgent please") or "when" ("ik ben pas na 14 uur bereikbaar",
    "bel me niet voor 12 uur", "call me after 2pm"): said for a callback, for the member of staff; else None."""
    plain = clauses.plain(text)
    if _URGENT.search(plain):
        return "urgent"
    return "when" if _WHEN_TO_CALL.search(plain) else None

"""What a message says besides a question of its own: thanks, impatience, a question announced, who the
assistant is, keyboard mash.

- `says_thanks`, `only_thanks`, `thanks_then`: "ok bedankt", "tnx", "Dank u wel. Wanneer hoor ik iets?";
- `opens_or_closes`: whether a message can be a greeting or a goodbye at all ("en voor morgen" goes on instead);
- `asks_who_the_bot_is`: "wat is jouw naam?", "ben je een robot?", "who am I talking to?";
- `is_gibberish`: keyboard mash and the like ("Dat begrijp ik niet" is only for that);
- `is_impatient`: "antwoord nou", "ben je er nog?", "are you there?": impatience that names no topic;
- `announces_question`, `announced_subject`: "ik heb een vraag (over belasting)": the question is still to come;
  `changes_topic`: "andere vraag: ...": what follows is not about the topic just answered;
- `tells_own_plan`: "ok dan ga ik toch maar maandag", "then I'll just call them": what the resident will do now.
"""
from __future__ import annotations

import re

from . import clauses

# "ok thanks", "oke bedankt", "prima, dank je wel": a yes that thanks. Right after "Was dit nuttig?" it answers that
# question; elsewhere it is a thanks (or goodbye), not a verdict on an answer given turns before.
_THANKS = re.compile(r"\b(?:bedankt|dank (?:je|u)(?: ?wel)?|dankje(?:wel)?|dankuwel|thanks|thank you|thx|thnx|tnx|ty|merci)\b")


def says_thanks(text: str) -> bool:
    """Whether the message thanks ("ok thanks", "oke bedankt")."""
    return _THANKS.search(clauses.plain(text)) is not None


# "tnx", "ty", "ok thx!": a thanks in chat spelling and nothing else, which the matcher may not know.
_ONLY_THANKS = re.compile(r"^(?:(?:ok|oke|okay|okee|top|super|prima|great|cool|nice|fijn|mooi|heel|erg|veel|many|so|"
                          r"much|a lot|lots|hoor) )*(?:tnx|thx|thnx|thanx|ty|tx|thank u|thank you|thanks|bedankt|dank je|"
                          r"dank u|dankje|dankjewel|merci)(?: (?:a lot|so much|very much|hoor|wel|veel|!))*$")


# The plain word a thanks in chat spelling stands for (`only_thanks`).
THANKS = "bedankt"


def only_thanks(text: str) -> bool:
    """Whether the message only thanks ("tnx", "ok ty", "👌", "🙏"): read as "bedankt" where the matcher places nothing."""
    return _ONLY_THANKS.match(clauses.plain(text)) is not None or only_a_thumbs_up(text)


# "👍", "👌🙂", "🙏": an emoji of thanks or agreement alone, a closing (was "Dat begrijp ik niet").
_THUMBS_UP = frozenset("👍👌🙏😊🙂😀😃😄👏✅💪🤝❤♥🥰☺")
_EMOJI_MARKS = frozenset("\ufe0f\u200d🏻🏼🏽🏾🏿")


def only_a_thumbs_up(text: str) -> bool:
    """True for a message of only emoji of thanks or agreement ("👍", "👌🙂")."""
    marks = [char for char in text if not char.isspace() and char not in _EMOJI_MARKS]
    return bool(marks) and all(char in _THUMBS_UP for char in marks)


# A message that goes on from the last one: "en voor morgen", "and the day after", "maar op zaterdag".
_JOINED_FIRST = re.compile(r"^\s*(?:en|and|maar|but|of|or)\b", re.IGNORECASE)


def opens_or_closes(text: str) -> bool:
    """Whether the message can be a greeting or a goodbye: these open or close a conversation, so a message that goes
    on from the last one ("en voor morgen", "en de dag erna", "and the day after") or opens with a word that asks ("kan
    dat volgende week woensdag?") is neither, whatever the matcher reads in "morgen", "erna" or a weekday (a greeting,
    "tot morgen"), nor a question of more than a few words ("hoef ik nu nog niks te regelen dan?" read as a goodbye)."""
    return (_JOINED_FIRST.match(text) is None and not clauses.starts_asking(text)
            and not (text.rstrip().endswith("?") and len(text.split()) > 3))
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
    return rest if clauses.is_question(rest) else None


def before_a_closing(text: str) -> str | None:
    """What a message says before the closing it ends with ("kan het vandaag nog? ok ik bel wel", "will I get a fine if I
    don't show up? ok thx", "ik moet donderdag naar Belgie. ok dankje": the question or statement before "ok thx"), or
    None when the message does not end so (a closing alone is read as one)."""
    said = clauses.sentences(text)
    if len(said) < 2:
        return None
    last = said[-1]
    plain = clauses.plain(last)
    closes = (only_thanks(last) or tells_own_plan(last) or plain in _CLOSING_WORDS or plain in _GOODBYES
              or (says_thanks(last) and len(plain.split()) <= 3))
    before = " ".join(said[:-1]).strip()
    return before if closes and len(before.split()) >= 3 else None


# A goodbye at the end of a message ("... the music just stopped lol. good night"): a closing too.
_GOODBYES = frozenset({"good night", "goodnight", "night", "bye", "bye bye", "have a good night", "have a nice evening",
                       "have a nice day", "fijne avond", "fijne avond nog", "welterusten", "slaap lekker", "doei", "dag",
                       "tot ziens", "fijne dag", "fijne dag nog", "fijn weekend", "goedenacht"})


def ends_with_goodbye(text: str) -> bool:
    """True when the message's last sentence is a goodbye ("good night", "fijne avond nog")."""
    said = clauses.sentences(text)
    return bool(said) and clauses.plain(said[-1]) in _GOODBYES


# A closing word or two at the end of a message ("ok top", "top dankjewel", "fijn"), when it is nothing else.
_CLOSING_WORDS = frozenset({"ok", "oke", "okay", "okee", "ok top", "top", "prima", "fijn", "super", "mooi", "ok fijn",
                            "ok prima", "ok cool", "cool", "great", "ok great", "perfect", "alright", "fine"})


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
    return bool(_WHO_IS_THERE.match(clauses.plain(text)))


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
    return bool(_IMPATIENT.match(clauses.plain(text)))


# "hallo??", "hello?", "??": a call to the bot, nothing asked or told
_CALL_OUT = re.compile(r"^(?:hallo|hoi|hey|hi|hello|he|hee|yo)?$")


def calls_out(text: str) -> bool:
    """True for "hallo??", "hello?", "??" or impatience ("ben je er nog?"): the resident calls out to the bot, right
    after a question of the bot's still waiting for its answer (the question is asked again, not a greeting)."""
    return is_impatient(text) or (_CALL_OUT.match(clauses.plain(text)) is not None and bool(text.strip()))


# "hoe lang nog?", "is er al iemand?", "how much longer?" while waiting for a person: a question about the wait itself.
_ABOUT_THE_WAIT = re.compile(
    r"\b(?:hoe lang (?:nog|duurt (?:het|dit) nog|moet ik (?:nog )?wachten)|duurt het nog (?:lang|even)|"
    r"is er (?:al|nu) iemand|komt er (?:nog|al|nu) iemand|wanneer komt er iemand|wanneer (?:ben|is) (?:ik|er) aan de beurt|"
    r"how (?:much )?long(?:er)?(?: (?:now|still|will it take|do i wait|do i have to wait))?|"
    r"is (?:any ?one|some ?one|somebody|anybody) (?:there|coming)|when (?:will|is) (?:some ?one|somebody) (?:coming|there))\b")


def asks_about_the_wait(text: str) -> bool:
    """True for "hoe lang nog?", "is er al iemand?", "ben je er nog?", "how much longer?": the wait asked about."""
    return is_impatient(text) or _ABOUT_THE_WAIT.search(clauses.plain(text)) is not None


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
    found = _ANNOUNCED_ABOUT.match(clauses.plain(text))
    return found.group("subject") if found else None


# "andere vraag: ...", "los daarvan, ...", "another question: ...": what follows is not about the topic just answered.
_OTHER_MATTER = re.compile(
    r"^(?:(?:ok|oke|oké|goed|dank u|dank je|bedankt|thanks|thank you|en|and|nou|dan|so)[,.!]? )*"
    r"(?:(?:nog )?een andere vraag|andere vraag|(?:nog )?een ander onderwerp|ander onderwerp|(?:nog )?iets (?:heel )?anders|"
    r"nieuwe vraag|los daarvan|even iets anders|"
    r"(?:i have )?(?:another|a different|a new|one more|an unrelated) (?:question|topic|thing)|different question|"
    r"something (?:else|different)|on another note|unrelated)\b"
)


def changes_topic(text: str) -> bool:
    """True for a message that says it is about something else than what was said before ("andere vraag: wanneer is
    het zwembad open?", "another question: ..."): not a detail of the current topic."""
    return bool(_OTHER_MATTER.match(text.strip().lower()))


def announces_question(text: str) -> bool:
    """True for "ik heb een vraag", "mag ik iets vragen?", "hi, I have a question": a resident who
    announces a question and has not asked it yet (no topic, not out of scope)."""
    return bool(_ANNOUNCED.match(clauses.plain(text)))


# "ok dan ga ik toch maar gewoon maandag", "dan bel ik ze zelf wel", "ik probeer het wel online", "then I'll just go on monday":
# what the resident will do, after an answer: nothing asked, a plan to acknowledge.
_OWN_PLAN = re.compile(
    r"^(?:(?:ok|oke|okay|okee|goed|prima|nou|alright|right|fine|oh|ah|dan|then|so)\s+)*"
    r"(?:(?:dan\s+)?(?:ga|doe|kom|probeer|regel|bel|wacht|mail|zoek|vraag|maak) ik\b|ik (?:bel|mail) (?:ze|hen|hun|haar|hem|jullie|die)\b|"
    r"ik (?:ga|doe|kom|probeer|regel|bel|wacht)\b.*\b"
    r"(?:wel|maar|toch|zelf|gewoon)\b|i ?'?ll\b|i will (?:just |then )?(?:go|come|try|do|call|wait|ask|book|make)\b)")


def tells_own_plan(text: str) -> bool:
    """Whether the message tells what the resident will do now ("ok dan ga ik toch maar gewoon maandag")."""
    return _OWN_PLAN.match(clauses.plain(text)) is not None


# "ok fijne kerst", "prettige feestdagen!", "happy new year to you too": a season's wish, answered in kind (not "Tot ziens!
# ... Fijne dag verder."). Per wish the catalogue's answer (`season_<wish>`).
_SEASON_WISHES = {
    "christmas": re.compile(r"\b(?:(?:fijne|prettige|zalige|gezellige|goede|vrolijke|mooie) kerst(?:dagen|feest|mis)?|"
                            r"(?:merry|happy) (?:christmas|xmas))\b"),
    "new_year": re.compile(r"\b(?:(?:gelukkig|fijn|gezond|goed|mooi) nieuw ?jaar|happy new year|"
                           r"(?:fijne|goede|prettige) jaarwisseling)\b"),
    "holidays": re.compile(r"\b(?:(?:fijne|prettige|goede|mooie|gezellige) feestdagen|happy holidays|season s greetings)\b"),
}
# What may stand beside the wish in a message that only wishes ("ok, jij ook fijne kerst en bedankt!")
_BESIDE_A_WISH = frozenset(
    "ok oke okay okee top super fijn prima en and ook too also jij je u jullie you allemaal all alvast nog een a "
    "bedankt dank thanks thank wel voor for alles everything hulp help hoor doei dag bye groetjes tot ziens "
    "fine goed good alright right cheers well oh ah dan then "
    "hallo hoi hi hello and to".split())


def season_wish(text: str) -> str | None:
    """The season's wish of a message that only wishes it ("ok fijne kerst": "christmas"), else None."""
    plain = clauses.plain(text).replace("'", " ")
    found = [(wish, pattern) for wish, pattern in _SEASON_WISHES.items() if pattern.search(plain)]
    if not found:
        return None
    rest = plain
    for _, pattern in found:
        rest = pattern.sub(" ", rest)
    return found[0][0] if set(rest.split()) <= _BESIDE_A_WISH else None

"""A message that tells of a matter without saying what it is: "ik heb een brief van de gemeente gekregen", "het gaat over
de brief", "I received a letter from you, all in Dutch", "ik heb een vraag over mijn moeder". The matcher reads no topic in
it (or a far-off guess); what the resident needs is the question that finds the matter: what the letter says at the top
and who sent it, or what the question about that person is about, with a few likely topics to choose from (never the
scope message, nor a "Bedoelt u" of far-off guesses).
"""
from __future__ import annotations

import re

from . import clauses

# A letter named as what the message is about: received, or "the letter" itself.
_LETTER = re.compile(r"\b(?:brief|brieven|briefje|letter|letters)\b")
_RECEIVED = re.compile(
    r"\b(?:gekregen|gehad|ontvangen|kreeg|kregen|binnengekregen|in de bus|op de mat|kwam|gestuurd|received|got|get|"
    r"sent me|sent us|came|arrived|in the (?:mail|post))\b|"
    r"\b(?:over|om|about|regarding) (?:de|die|deze|een|jullie|uw|the|a|this|that|your) (?:brief|letter)\b")
# The letter cannot be read: glasses broken, all in Dutch, not understood.
_CANNOT_READ = re.compile(
    r"\b(?:kan (?:het|hem|ze|m|'m|die)? ?(?:niet|slecht)(?: goed)? lezen|niet (?:goed )?te lezen|bril (?:is )?kapot|"
    r"snap (?:er |het )?(?:niks|niets) van|begrijp (?:er |het |hem )?(?:niks|niets|niet)|in het nederlands|"
    r"(?:can'?t|cannot|can not|couldn'?t) (?:read|understand)|all in dutch|in dutch|(?:no|any) idea what it)\b")
# The resident does not know what the letter is about (a long message that tells its content is no vague one).
_CONTENT_UNKNOWN = re.compile(
    r"\b(?:(?:weet|snap|begrijp) (?:ik )?(?:niet|nie) (?:wat|waar)|geen idee (?:wat|waar)|wat moet ik (?:er ?mee|ermee|doen)|"
    r"(?:no|any) idea what|(?:don'?t|do not) (?:know|understand) what|not sure what|what (?:do|should|must) i (?:do|need to do))\b")
# A relative the question is about, and nothing else said: "ik heb een vraag over mijn moeder", "a question about my dad".
_ELDER = r"(?:moeder|vader|ouders|oma|opa|schoonmoeder|schoonvader|mother|father|mum|mom|dad|parents|grandmother|grandfather)"
_CHILD = r"(?:zoon|dochter|kind|kinderen|zoontje|dochtertje|son|daughter|child|children|kid|kids)"
_ABOUT_A_RELATIVE = re.compile(
    r"^(?:(?:hallo|hoi|hey|goedemorgen|goedemiddag|goedenavond|goedendag|dag|hi|hello|good morning)\s+)*"
    r"(?:(?:ik heb|ik had|i have|i've got|i got)\s+)?(?:(?:een|nog een|a)\s+)?(?:vraag|vraagje|vragen|question|questions)\s+"
    r"(?:over|voor|about|regarding|for)\s+(?:mijn|m'n|mn|onze|ons|my|our)\s+(?:(?:oude|zieke|jonge|old|sick|young)\s+)?"
    rf"(?P<who>{_ELDER}|{_CHILD})$")

# What each matter is likely about, offered to choose from (the knowledge's topics).
LIKELY_TOPICS = {
    "letter": ["gemeentelijke-belastingen", "parkeren", "wmo"],
    "elder": ["wmo", "verhuizing", "overlijden"],
    "child": ["jeugdhulp", "paspoort", "leerlingenvervoer"],
}


def vague_matter(text: str) -> str | None:
    """"letter", "elder" or "child" for a message that tells of a letter or announces a question about a relative
    without saying what it is about, else None. (Only read where the matcher places the message nowhere surely.)"""
    plain = clauses.plain(text)
    if (_LETTER.search(plain) and _RECEIVED.search(plain)
            and (len(plain.split()) < clauses.STORY_WORDS or _CONTENT_UNKNOWN.search(plain) or cannot_read(plain))):
        return "letter"  # not a story that tells what the letter said ("... a letter inviting me to a ceremony")
    found = _ABOUT_A_RELATIVE.match(plain)
    if found is None:
        return None
    return "elder" if re.fullmatch(_ELDER, found.group("who")) else "child"


def cannot_read(text: str) -> bool:
    """True when the resident says the letter cannot be read or understood ("mijn bril is kapot", "all in Dutch")."""
    return _CANNOT_READ.search(clauses.plain(text)) is not None

"""Redaction of personal data before anything is stored, logged, reported or exported.

`redact(text)` first normalises the text the way a reader sees it (NFKC: full-width
"＠" and digits become ASCII; zero-width and direction characters go), then replaces:

| placeholder        | what                                                                  |
|--------------------|-----------------------------------------------------------------------|
| [EMAIL]            | e-mail addresses, also spelled out ("jan [at] voorbeeld [dot] nl")    |
| [IBAN]             | IBANs in any grouping (spaces, hyphens, dots), mod-97 checked         |
| [BSN]              | 9 digits in any grouping passing the 11-proof; any 7-10 digits after  |
|                    | "bsn", "burgerservicenummer", "sofinummer"                            |
| [DOCUMENTNUMMER]   | Dutch passport/ID-card numbers (2 letters, 6 letters/digits, 1 digit);|
|                    | any document-like token after "paspoortnummer", "documentnummer", ... |
| [KENTEKEN]         | Dutch licence plates in the sidecodes with hyphens; any plate-like    |
|                    | token after "kenteken", "nummerbord", "licence plate"                 |
| [ADRES]            | postcode with house number; street name with house number             |
| [POSTCODE]         | a postcode on its own                                                 |
| [GEBOORTEDATUM]    | a date after a birth cue ("geboren", "geboortedatum", "born", ...)    |
| [DATUM]            | a complete date in a year before 2016 (too long ago for an            |
|                    | appointment: a date of birth, a date of an event in someone's life)   |
| [TELEFOON]         | phone numbers (Dutch and international, via `phonenumbers`)           |
| [NAAM]             | names after Dutch and English cues ("mijn naam is", "ik heet", "my    |
|                    | name is", "mevrouw", ...) and in signatures ("Met vriendelijke groet, |
|                    | Anouk")                                                               |
| [MEDISCH]          | a diagnosis or treatment said of someone ("ik heb diabetes", "mijn    |
|                    | moeder met dementie", "hij is depressief", "diagnosed with ...",      |
|                    | "kankerpatiënt"); a condition named in general ("hulp bij dementie")  |
|                    | stays, or reports and the editors' list lose the question             |

Health data is a special category (AVG art. 9): the dialogue reads the original message
(the answer, crisis help), but only the redacted text is kept. `sensitive_kinds(text)`
names what a resident need not share in the chat at all (BSN, IBAN, a document number, a
medical detail): the dialogue says so once a conversation (`core.dialogue.notices`).

Checksums keep false positives down: a random 9-digit number stays, an ordinary
appointment date stays. `forget(text, values)` removes values known to be personal
(the answers of a guided flow) wherever they appear, in text and in URLs.

Classification always runs on the original text; only the redacted text is kept. The
one exception, a contact detail given on purpose for a callback, lives in
`Conversation.contact` and never passes through here. The cross-municipality export
redacts more strictly still (`balie_local.unanswered_export`).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

BSN = "[BSN]"
IBAN = "[IBAN]"
EMAIL = "[EMAIL]"
PHONE = "[TELEFOON]"
NAME = "[NAAM]"
ADDRESS = "[ADRES]"
POSTCODE = "[POSTCODE]"
BIRTH_DATE = "[GEBOORTEDATUM]"
DATE = "[DATUM]"
PLATE = "[KENTEKEN]"
DOCUMENT = "[DOCUMENTNUMMER]"
MEDICAL = "[MEDISCH]"
VALUE = "[GEGEVEN]"
PLACEHOLDERS = (BSN, IBAN, EMAIL, PHONE, NAME, ADDRESS, POSTCODE, BIRTH_DATE, DATE, PLATE, DOCUMENT, MEDICAL, VALUE)
# What a resident need not type into the chat at all (staff ask for it safely when it is needed), by kind.
SENSITIVE = {"bsn": BSN, "iban": IBAN, "document": DOCUMENT, "medical": MEDICAL}

# Dates in years before this are old enough to be a birth date rather than an appointment.
LAST_OLD_YEAR = 2015

# ---------------------------------------------------------------------------- normalisation

# Zero-width characters hide inside a number or an address without changing how it looks.
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200e\u200f"
                        "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# A zero-width joiner belongs in emoji sequences; between letters or digits it only hides them.
_JOINER_IN_WORD = re.compile(r"(?<=\w)\u200d(?=\w)")
_SPACES = re.compile(r"[^\S\n]+")


def normalise(text: str) -> str:
    """NFKC (full-width and compatibility forms to their plain letters and digits),
    invisible characters removed and runs of spaces made one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _JOINER_IN_WORD.sub("", _INVISIBLE.sub("", text))
    return _SPACES.sub(" ", text)


# ---------------------------------------------------------------------------- checksums


def is_valid_bsn(digits: str) -> bool:
    """The 11-proof: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def is_valid_iban(candidate: str) -> bool:
    iban = re.sub(r"[\s.\-]", "", candidate).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


# ---------------------------------------------------------------------------- the rules

# Starting at a word's start only: tried inside a long run of letters ("aaaa..." 1,000 times) the local part was read
# again from every position (about 3 ms a redaction, several a turn).
_EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.UNICODE)
# An address spelled out to dodge filters: "jan [at] voorbeeld [dot] nl", "jan (apenstaartje) voorbeeld
# punt nl", "jan at voorbeeld dot nl". A bare " at " only with a spelled-out dot ("I am at home. Nl..." stays).
_AT_SPELLED = r"\s*[\[({<]\s*(?:at|apenstaartje|@)\s*[\])}>]\s*|\s+apenstaartje\s+"
_DOT_SPELLED = r"\s*[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*|\s+(?:dot|punt)\s+"
_LABEL = r"[\w-]+"
_EMAIL_SPELLED = re.compile(
    rf"(?<![\w.+'-])[\w.+'-]+(?:(?:{_AT_SPELLED}){_LABEL}(?:(?:{_DOT_SPELLED}|\.){_LABEL})*(?:{_DOT_SPELLED}|\.)"
    rf"|\s+at\s+{_LABEL}(?:(?:{_DOT_SPELLED}){_LABEL})*(?:{_DOT_SPELLED}))[A-Za-z]{{2,}}\b",
    re.IGNORECASE)
_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:[ .\-]?[A-Z0-9]){11,30})\b", re.IGNORECASE)

# Digit groups joined by single separators: "123 456 782", "12.34.56.782", "1234-56-782".
_DIGIT_RUN = r"(?<![\w.\-/,])\d+(?:[ .\-]\d+)*(?![\w\-/]|[.,]\d)"
_BSN_CUE = (r"\b(?:bsn|burger\s?service\s?nummer|sofi(?:\s?nummer)?|citizen service number)\b"
            r"[\s:.,#-]*(?:is|:)?\s*(?:nummer\s*)?([\d][\d .\-]{5,17}\d)")  # 10 digits, one apart

_DOCUMENT_NUMBER = r"\b(?=[A-Z0-9]*\d[A-Z0-9]*\d)[A-NP-Z]{2}[A-NP-Z0-9]{6}\d\b"
_DOCUMENT_CUE = (
    r"\b(?:paspoort|passport|document|identiteitskaart|id[\s-]?kaart|id|identiteitsbewijs|rijbewijs|"
    r"verblijfs(?:vergunning|document)|driving licen[cs]e|driver'?s licen[cs]e|id card)"
    # "no" and "nr" end there ("paspoort nodig voor de vakantie" is no number: was "paspoort no[DOCUMENTNUMMER]"),
    # and a document number holds a digit.
    r"[\s-]?(?:nummer|nr|number|no)\b\.?\s*(?:is|:)?\s*(?=[A-Z0-9 .\-]{0,16}\d)([A-Z0-9][A-Z0-9 .\-]{4,16}[A-Z0-9])(?![A-Z0-9])")

# Dutch licence plates: the sidecodes (RDW), written with hyphens; at least one letter group.
_L, _D = "[A-Z]", r"\d"
_PLATE_SHAPES = [
    f"{_L}{{2}}-{_D}{{2}}-{_D}{{2}}", f"{_D}{{2}}-{_D}{{2}}-{_L}{{2}}", f"{_D}{{2}}-{_L}{{2}}-{_D}{{2}}",
    f"{_L}{{2}}-{_D}{{2}}-{_L}{{2}}", f"{_L}{{2}}-{_L}{{2}}-{_D}{{2}}", f"{_D}{{2}}-{_L}{{2}}-{_L}{{2}}",
    f"{_D}{{2}}-{_L}{{3}}-{_D}", f"{_D}-{_L}{{3}}-{_D}{{2}}", f"{_L}{{2}}-{_D}{{3}}-{_L}", f"{_L}-{_D}{{3}}-{_L}{{2}}",
    f"{_L}{{3}}-{_D}{{2}}-{_L}", f"{_L}-{_D}{{2}}-{_L}{{3}}", f"{_D}-{_L}{{2}}-{_D}{{3}}", f"{_D}{{3}}-{_L}{{2}}-{_D}",
]
_PLATE = r"(?<![\w-])(?:" + "|".join(_PLATE_SHAPES) + r")(?![\w-])"
_PLATE_CUE_WORD = r"\b(?:kenteken(?:nummer)?|nummerbord|licen[cs]e plate|number plate|registration(?: number)?)"
_PLATE_CUE = _PLATE_CUE_WORD + r"\s*(?:is|:|van mijn auto is)?\s*([A-Z0-9]{1,3}[ \-]?[A-Z0-9]{1,3}[ \-]?[A-Z0-9]{1,3})(?![\w-])"

# Never issued: SA, SD, SS. Lower-case letters that form a common word ("in 1990 op 12 mei")
# are no postcode; residents who type postcodes in lower case write "1234ab", "1234 ab".
_WORD_PAIRS = "in|op|om|en|te|of|is|ik|je|de|na|al|ga|zo|nu|er|uw|we|ze|me|an|at|on|or|to|by|up|us|it|as|am|be|do|go|he|if|my|no|so"
_POSTCODE_CORE = rf"[1-9]\d{{3}} ?(?!SA|SD|SS)(?!(?-i:{_WORD_PAIRS})\b)[A-Z]{{2}}"
_HOUSE_NUMBER = r"\d{1,5}(?: ?[-/] ?\d{1,4}| ?[A-Z]{1,2}\b|(?: |-)(?:bis|hs|huis|[IVX]{1,3})\b)?"
_ADDRESS_BY_POSTCODE = (
    rf"(?<![\w-])(?:{_POSTCODE_CORE})(?![A-Z])"
    rf"(?:\s*,?\s*(?:en\s+|and\s+)?(?:huis\s?nummer|huisnr\.?|nummer|nr\.?|number|no\.?)?\s*(?:is\s+)?{_HOUSE_NUMBER}(?!\s?(?:euro|uur|jaar|keer|minuten|km|%)))?")
_NUMBER_THEN_POSTCODE = (
    rf"(?:huis\s?nummer|huisnr\.?|nummer|nr\.?|number)\s*(?:is\s+)?{_HOUSE_NUMBER}\s*,?\s*(?:en\s+)?(?:postcode\s*(?:is\s+)?)?(?:{_POSTCODE_CORE})(?![A-Z])")
# Suffixes that end street names and few other words ("paspoort 2" and "antwoord 3" are no address).
_STREET_SUFFIXES = ("straat|straatje|laan|laantje|weg|plein|pleintje|gracht|kade|singel|dijk|hof|hofje|pad|steeg|"
                    "steegje|dreef|markt|park|baan|burgwal|wal|haven|plantsoen|boulevard|allee|dam")
_STREET_ADDRESS = (
    rf"\b(?:[A-Z][\w'.-]*\s+){{0,3}}[A-Za-z][\w'-]*(?:{_STREET_SUFFIXES})\s+{_HOUSE_NUMBER}(?![\w-]|\s?(?:euro|uur|jaar|%))")
_POSTCODE = rf"(?<![\w-])(?:{_POSTCODE_CORE})(?![\w-])"

_MONTH_NAMES = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
                "january|february|march|may|june|july|august|october|"
                "jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec")
_YEAR = r"(?:1[89]\d{2}|20\d{2})"
_NUMERIC_DATE = rf"(?:[0-3]?\d[-/.][01]?\d[-/.](?:{_YEAR}|\d{{2}})|{_YEAR}[-/.][01]?\d[-/.][0-3]?\d)"
_WORD_DATE = rf"(?:[0-3]?\d(?:e|ste|de)?\s+(?:{_MONTH_NAMES})\.?(?:\s+{_YEAR})?|(?:{_MONTH_NAMES})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?(?:\s+{_YEAR})?)"
_ANY_DATE = rf"(?:{_NUMERIC_DATE}|{_WORD_DATE})"
_BIRTH_DATE = (
    rf"\b(?:geboren|geb\.|geboortedatum|geboorte\s?datum|geboortedag|verjaardag|jarig|born|date of birth|"
    rf"birth ?date|birthday|d\.?o\.?b\.?)\s*(?:is|was|op|on|:|in)?\s*(?:op|on|de)?\s*({_ANY_DATE})(?![\d\w])")
_COMPLETE_DATE = (
    rf"(?<![\w/.-])(?:[0-3]?\d[-/.][01]?\d[-/.]({_YEAR})|({_YEAR})[-/.][01]?\d[-/.][0-3]?\d|"
    rf"[0-3]?\d(?:e|ste|de)?\s+(?:{_MONTH_NAMES})\.?\s+({_YEAR})|(?:{_MONTH_NAMES})\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+({_YEAR}))"
    rf"(?![\w/-])")


class _DigitRules:
    """The rules that only text with a digit can match, compiled from the sources above."""

    def __init__(self) -> None:
        self.digit_run = re.compile(_DIGIT_RUN)
        self.bsn_cue = re.compile(_BSN_CUE, re.IGNORECASE)
        self.document_number = re.compile(_DOCUMENT_NUMBER, re.IGNORECASE)
        self.document_cue = re.compile(_DOCUMENT_CUE, re.IGNORECASE)
        self.plate = re.compile(_PLATE, re.IGNORECASE)
        self.plate_cue = re.compile(_PLATE_CUE, re.IGNORECASE)
        self.plate_cue_word = re.compile(_PLATE_CUE_WORD, re.IGNORECASE)
        self.address_by_postcode = re.compile(_ADDRESS_BY_POSTCODE, re.IGNORECASE)
        self.number_then_postcode = re.compile(_NUMBER_THEN_POSTCODE, re.IGNORECASE)
        self.street_address = re.compile(_STREET_ADDRESS, re.IGNORECASE)
        self.postcode = re.compile(_POSTCODE, re.IGNORECASE)
        self.birth_date = re.compile(_BIRTH_DATE, re.IGNORECASE)
        self.complete_date = re.compile(_COMPLETE_DATE, re.IGNORECASE)


@functools.cache
def _digit_rules() -> _DigitRules:
    """Compiled when the first text with a digit is redacted, not at import: most messages have
    none, and compiling these costs about 9 ms of a cold start (BENCHMARKS.md, "Cold start")."""
    return _DigitRules()


# Names. A name token: a capitalised word, an initial ("J." or "J.P."), or a particle of a
# Dutch surname (van, de, der, ...). After the strongest cues a lower-case name counts too.
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le", "du",
                        "da", "di", "del", "von", "vander", "vd", "v.d.", "el", "al", "bin", "ben", "mc"})
_NOT_NAMES = frozenset({
    # Words that follow a cue but name nobody ("ik ben Verhuisd", "met vriendelijke groet, Gemeente").
    "en", "ik", "wil", "graag", "maar", "of", "dus", "want", "niet", "wel", "ook", "nog", "al", "is", "was", "heb",
    "hebben", "kan", "kun", "kunt", "mag", "moet", "zou", "ga", "gaat", "een", "het", "die", "dat", "deze", "dit",
    "mijn", "uw", "jouw", "onze", "hier", "daar", "er", "om", "voor", "met", "over", "naar", "bij", "uit", "aan",
    "nieuw", "nieuwe", "verhuisd", "getrouwd", "gescheiden", "geboren", "ziek", "boos", "blij", "benieuwd", "bezig",
    "op", "zoek", "the", "a", "an", "and", "i", "want", "would", "like", "have", "am", "not", "new", "here",
    "moving", "looking", "trying", "writing", "calling", "sorry", "bedankt", "dank", "thanks", "thank", "hallo",
    "hoi", "hi", "hello", "goedemorgen", "goedemiddag", "goedenavond", "beste", "geachte", "dear", "vraag",
    "question", "please", "alvast", "vriendelijke", "groet", "groeten", "gemeente", "inwoner", "bewoner",
    "resident", "student", "werkloos", "gepensioneerd", "eigenaar", "huurder", "moeder", "vader", "zwanger",
    "te", "laat", "weer", "nu", "net", "pas", "erg", "heel", "zeer", "zo", "about", "from", "for", "with", "my",
    "your", "regarding", "concerning", "to", "of", "in", "on", "at", "is", "it", "this", "that", "so", "very",
    # Forms of address: a cue of their own ("namens mevrouw Jansen").
    "mevrouw", "mevr", "meneer", "mijnheer", "heer", "dhr", "mr", "mrs", "ms", "dr", "sir", "madam", "miss",
})
_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)*|[\w'’-]+)"
_STRONG_CUES = (r"mijn naam is|mijn naam:|naam:|ik heet|ik heette|my name is|my name's|name:|u spreekt met|"
                r"je spreekt met|you are speaking (?:to|with)|namens|on behalf of|"
                r"met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|met hartelijke groet(?:en)?|"
                r"hartelijke groet(?:en)?|groetjes|groeten|gr\.?|mvg|m\.v\.g\.|kind regards|best regards|"
                r"regards|yours sincerely|sincerely|cheers")
_WEAK_CUES = (r"ik ben|i am|i'm|im|dit is|this is|mevrouw|mevr\.?|meneer|mijnheer|dhr\.?|de heer|mr\.?|mrs\.?|ms\.?|"
              r"miss|sir|madam|dr\.?|ir\.?|mr\.? drs\.?|drs\.?|prof\.?|mijn (?:zoon|dochter|moeder|vader|man|vrouw|"
              r"partner|broer|zus|oma|opa|buurman|buurvrouw|vriend|vriendin|kind) heet|"
              r"my (?:son|daughter|mother|father|husband|wife|partner|brother|sister) is called")
_NAME_CUE = re.compile(rf"(?:(?<=^)|(?<=[\s,.;:!?(\"'])|(?<=\n))(?P<cue>{_STRONG_CUES}|{_WEAK_CUES})(?<=[.:]|\w)(?!\w)[ \t]*[,:\-]?\s*",
                       re.IGNORECASE)
_STRONG = re.compile(rf"^(?:{_STRONG_CUES})$", re.IGNORECASE)
_WORD = re.compile(_TOKEN)


def _name_end(text: str, start: int, strong: bool) -> int:
    """Where the name that starts at `start` ends (== start: no name there)."""
    end = position = start
    names = 0
    while names < 4:
        match = _WORD.match(text, position)
        if not match:
            break
        word = match.group(0)
        lower = word.lower().strip("'’")
        if lower in _PARTICLES and names < 3:
            position = match.end()
            position += len(text[position:]) - len(text[position:].lstrip(" "))
            continue
        if lower in _NOT_NAMES or word.isdigit() or any(ch.isdigit() for ch in word):
            break
        capitalised = word[:1].isupper()
        if names == 0:
            lower_case_name = not capitalised
            if lower_case_name and not (strong and word.isalpha()):
                break  # after a weak cue ("ik ben") only a capitalised word is a name
        elif capitalised == lower_case_name or (lower_case_name and names >= 2):
            break  # "Emma from Amsterdam": a capitalised name ends at the first lower-case word
        names += 1
        end = position = match.end()
        # A name goes on over single spaces, or a hyphen; a comma, full stop or line ends it.
        gap = re.match(r"[ ]", text[position:])
        if not gap:
            break
        position += 1
    return end


def _redact_names(text: str) -> str:
    pieces: list[str] = []
    last = 0
    for cue in _NAME_CUE.finditer(text):
        if cue.start() < last:
            continue
        strong = bool(_STRONG.match(" ".join(cue.group("cue").split())))
        end = _name_end(text, cue.end(), strong)
        if end > cue.end():
            pieces.append(text[last:cue.end()])
            pieces.append(NAME)
            last = end
    pieces.append(text[last:])
    return "".join(pieces)


# Medical details: a diagnosis or treatment said of someone. The conditions (Dutch and English; a compound such as
# "borstkanker" or "diabetespatiënt" too) only count in a frame that says someone has them, so "hulp bij dementie"
# and the swear word "kanker" in "kankerbot" stay (the first is a question editors must read; the second is abuse,
# `core.dialogue.abuse`).
_CONDITIONS = (
    r"diabetes|suikerziekte|\w*kanker|leukemie|\w*tumor|dementie|alzheimer|parkinson|multiple\s+sclerose|ms|"
    r"epilepsie|depressies?|burn-?out|autisme|adhd|schizofrenie|bipolaire\s+stoornis|psychoses?|borderline|ptss|"
    r"\w*stoornis(?:sen)?|anorexia|boulimia|hiv|aids|hepatitis(?:\s+[abc])?|tuberculose|tbc|copd|astma|reuma|artrose|"
    r"fibromyalgie|hartfalen|hartinfarct|hartaanval|herseninfarct|beroerte|\w*hersenletsel|nah|long\s?covid|"
    r"chemo(?:therapie|kuur)?|bestralingen?|dialyse|verstandelijke\s+beperking|dwarslaesie|"
    r"cancer|leuka?emia|tumou?r|dementia|alzheimer'?s|parkinson'?s|multiple\s+sclerosis|epilepsy|depression|"
    r"burnout|autism|schizophrenia|bipolar(?:\s+disorder)?|psychosis|ptsd|\w+\s+disorder|bulimia|tuberculosis|"
    r"asthma|rheumatism|arthritis|fibromyalgia|heart\s+failure|heart\s+attack|stroke|brain\s+injury|"
    r"chemo(?:therapy)?|dialysis")
_CONDITION_STATES = r"depressief|dement|autistisch|manisch|psychotisch|epileptisch|depressed|autistic|diabetic"
_SOMEONE = (r"(?:ik|hij|zij|ze|wij|we|mijn\s+\w+|onze\s+\w+|zijn\s+\w+|haar\s+\w+|"
            r"i|he|she|they|my\s+\w+|our\s+\w+|his\s+\w+|her\s+\w+)")
_HAS = (r"(?:heb|hebt|heeft|hebben|had|hadden|lijd|lijdt|leed|kreeg|krijg|krijgt|have|has|had|got|suffer|suffers|"
        r"suffered|am|is|are|was|ben|bent|zijn|was|waren|'m|'s)")
_FILLER = (r"(?:(?:al|sinds|kort|een|ernstige?|zware?|last|van|aan|het|de|er|ook|nu|jaren|lang|lichte?|vergevorderde|"
           r"a|an|from|severe|bad|mild|early|late|terminal|stage\s+\d|also|been|diagnosed|with|getting|onder|in)\s+){0,5}")
_MEDICAL = (
    rf"(?:\b{_SOMEONE}\s+{_HAS}\s+{_FILLER}|\b(?:mijn|onze|my|our)\s+\w+\s+(?:met|with)\s+|"
    rf"\b(?:gediagnosticeerd|gediagnostiseerd)\s+(?:met|als)\s+|\bdiagnosed\s+with\s+|"
    rf"\b(?:de|mijn|zijn|haar|my|the|his|her)?\s*(?:diagnose|diagnosis)\s*(?:is|was|:)?\s*)"
    rf"(?P<medical>(?:{_CONDITIONS}|{_CONDITION_STATES})\b)"
    rf"|\b(?P<patient>\w+pati[eë]nt(?:e|en)?)\b")


# The words one of the frames above can end in (a compound by its ending): a message with none of them is not read by
# the whole rule (about 20 us a message; this test about 3 us).
_MEDICAL_WORDS = frozenset("""
    diabetes suikerziekte leukemie dementie alzheimer parkinson multiple ms epilepsie depressie depressies burn-out burnout
    autisme adhd schizofrenie bipolaire psychose psychoses borderline ptss anorexia boulimia hiv aids hepatitis tuberculose
    tbc copd astma reuma artrose fibromyalgie hartfalen hartinfarct hartaanval herseninfarct beroerte nah long longcovid
    chemo chemotherapie chemokuur bestraling bestralingen dialyse verstandelijke dwarslaesie cancer leukemia leukaemia
    tumour dementia alzheimer's parkinson's epilepsy depression autism schizophrenia bipolar psychosis ptsd disorder
    bulimia tuberculosis asthma rheumatism arthritis fibromyalgia heart stroke brain chemotherapy dialysis
    depressief dement autistisch manisch psychotisch epileptisch depressed autistic diabetic""".split())
_MEDICAL_ENDINGS = ("kanker", "tumor", "stoornis", "stoornissen", "hersenletsel", "patiënt", "patiënte", "patiënten",
                    "patient", "patiente", "patienten")
_WORDS = re.compile(r"[\w'-]+")


def _may_tell_medical(text: str) -> bool:
    return any(word in _MEDICAL_WORDS or word.endswith(_MEDICAL_ENDINGS) for word in _WORDS.findall(text.lower()))


@functools.cache
def _medical_rule() -> re.Pattern[str]:
    return re.compile(_MEDICAL, re.IGNORECASE)


def _redact_medical(text: str) -> str:
    if not _may_tell_medical(text):
        return text

    def replace(match: re.Match[str]) -> str:
        group = "medical" if match.group("medical") else "patient"
        return match.group(0)[: match.start(group) - match.start(0)] + MEDICAL

    return _medical_rule().sub(replace, text)


def _redact_iban(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        raw = match.group(1)
        # The greedy match may swallow a following word ("NL91ABNA0417164300 graag");
        # shrink from the right until the checksum holds.
        for end in range(len(raw), 14, -1):
            if raw[end - 1].isalnum() and is_valid_iban(raw[:end]):
                return IBAN + raw[end:]
        return raw

    return _IBAN.sub(replace, text)


def _bsn_in_run(run: str) -> str:
    """A run of digit groups with every span of whole groups that holds nine digits and
    passes the 11-proof replaced (a BSN written in odd groups, or next to a phone number)."""
    groups = re.split(r"([ .\-])", run)
    numbers, separators = groups[0::2], groups[1::2]
    for first in range(len(numbers)):
        digits = ""
        for last in range(first, len(numbers)):
            digits += numbers[last]
            if len(digits) > 9:
                break
            if len(digits) == 9 and is_valid_bsn(digits):
                before = "".join(n + s for n, s in zip(numbers[:first], separators[:first]))
                rest = numbers[last + 1:]
                after = _bsn_in_run("".join(n + s for n, s in zip(rest, separators[last + 1:] + [""]))) if rest else ""
                return before + BSN + (separators[last] if rest else "") + after
    return run


def _redact_bsn(text: str, rules: _DigitRules) -> str:
    text = _cue_value(rules.bsn_cue, BSN, text)
    return rules.digit_run.sub(lambda match: _bsn_in_run(match.group(0)), text)


def _redact_phones(text: str) -> str:
    import phonenumbers  # here, not at import: 15-25 ms of every cold start, needed only for text with digits

    spans = [
        (m.start, m.end)
        for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    ]
    for start, end in reversed(spans):
        text = text[:start] + PHONE + text[end:]
    return text


def _redact_dates(text: str, rules: _DigitRules) -> str:
    text = rules.birth_date.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + BIRTH_DATE, text)

    def old(match: re.Match[str]) -> str:
        year = next(group for group in match.groups() if group)
        return DATE if int(year) <= LAST_OLD_YEAR else match.group(0)

    return rules.complete_date.sub(old, text)


def _cue_value(pattern: re.Pattern[str], placeholder: str, text: str) -> str:
    return pattern.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + placeholder, text)


def redact(text: str, *, names: bool = True) -> str:
    """`text` normalised, with every kind of personal data above replaced by its placeholder.
    `names=False` keeps names (staff replies: a web resident reads the stored reply, and
    "u spreekt met Sanne" must stay readable; numbers, addresses and dates still go).

    Order matters: e-mail addresses and IBANs contain digit runs that the BSN and phone
    rules must not see first; addresses and dates before phone numbers (a postcode with
    a house number or a date can look like a number)."""
    if not text:
        return text
    text = normalise(text)
    text = _EMAIL.sub(EMAIL, text)
    text = _EMAIL_SPELLED.sub(EMAIL, text)
    text = _redact_iban(text)
    if any(ch.isdigit() for ch in text):
        rules = _digit_rules()
        text = _redact_bsn(text, rules)
        text = _cue_value(rules.document_cue, DOCUMENT, text)
        text = rules.document_number.sub(DOCUMENT, text)
        text = _cue_value(rules.plate_cue, PLATE, text)
        text = rules.plate.sub(PLATE, text)
        text = rules.number_then_postcode.sub(ADDRESS, text)
        text = rules.address_by_postcode.sub(_address_or_postcode, text)
        text = rules.street_address.sub(ADDRESS, text)
        text = _redact_dates(text, rules)
        if any(ch.isdigit() for ch in text):
            text = _redact_phones(text)
    text = _redact_medical(text)
    return _redact_names(text) if names else text


def may_hold_a_plate(text: str) -> bool:
    """False where `redact` finds no licence plate in `text` (True: it may): a plate is redacted only in a text with
    a digit, in one of the sidecodes (each written with hyphens) or after its cue word; or the placeholder is typed.
    A cheap test before the whole `redact` (about 25 us) on a message that is read for a plate told
    (`reactions.tells_a_plate`, every question; BENCHMARKS.md, session 24, speed24)."""
    text = normalise(text)
    if PLATE in text:
        return True
    if not any(ch.isdigit() for ch in text):
        return False
    return "-" in text or _digit_rules().plate_cue_word.search(text) is not None


def _address_or_postcode(match: re.Match[str]) -> str:
    return POSTCODE if _digit_rules().postcode.fullmatch(match.group(0)) else ADDRESS


def forget(text: str, values: Iterable[str]) -> str:
    """`text` with each of `values` replaced by [GEGEVEN], however it was spaced, cased or
    URL-encoded ("1234 AB" also as "1234ab" and "1234%20AB"). For values known to be
    personal, such as the answers of a guided flow."""
    for value in sorted({v for v in values if v and v.strip()}, key=len, reverse=True):
        characters = [re.escape(ch) for ch in value if ch.isalnum()]
        if not characters:
            continue
        pattern = r"(?:[\W_]|%[0-9A-Fa-f]{2})*".join(characters)
        text = re.sub(rf"(?<![^\W_]){pattern}(?![^\W_])", VALUE, text, flags=re.IGNORECASE)
    return text


def contains_personal_data(text: str) -> bool:
    return redact(text) != normalise(text)


def sensitive_kinds(text: str) -> list[str]:
    """The kinds of `SENSITIVE` that `text` told (in their order there): what `redact` took out of it and
    the resident had not typed as a placeholder themselves."""
    redacted, plain = redact(text), normalise(text)
    return [kind for kind, placeholder in SENSITIVE.items() if redacted.count(placeholder) > plain.count(placeholder)]

"""Cheap language detection: count Dutch and English function words.

Residents write short, misspelled questions; a stop-word count is robust for
that, costs microseconds, and only has to tell Dutch from English. Words both
languages share ("is", "in", "of", "me", "hi") count for neither.
"""
from __future__ import annotations

import re

from ..models import Language

_DUTCH = frozenset(
    """de het een ik je jij u uw wat hoe waar wanneer waarom welke ben mijn kan kun moet wil van voor niet
    met op en dat die er aan bij ook nog kost kosten graag hallo hoi goedemorgen goedemiddag dank bedankt
    heb hebt hebben wordt worden zijn naar om te hoeveel geen maar mag word krijg aanvragen verlengen
    paspoort afval verhuizen rijbewijs vergunning belasting gemeente medewerker ophalen aanvraag hulp""".split()
)
_ENGLISH = frozenset(
    """the a an i you my your what how where when why which am are can could do does need want to for with
    on and it that please hello thanks thank have has much get got would like should will this there
    passport waste moving move licence license permit tax municipality person garbage rubbish bin apply
    renew collected collection human someone our his her they their them just still last died dead dog cat been
    did don't dont can't cant didn't didnt isn't isnt wasn't wasnt won't haven't havent doesn't doesnt i'm im""".split()
)
_WORD = re.compile(r"[a-zà-ÿ']+")


def detect(text: str, margin: int = 1) -> Language | None:
    """'nl' or 'en' when one language wins by at least `margin` words, else None."""
    words = _WORD.findall(text.lower())
    dutch = sum(word in _DUTCH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if dutch - english >= margin:
        return "nl"
    if english - dutch >= margin:
        return "en"
    return None


def neither(text: str) -> bool:
    """A message of three words or more without one Dutch or English word of the lists above:
    most likely another language ("Merhaba, pasaportumu kaybettim", "chcę zameldować się")."""
    words = _WORD.findall(text.lower())
    return len(text.split()) >= 3 and not any(word in _DUTCH or word in _ENGLISH for word in words)

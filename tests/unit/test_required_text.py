"""core.required_text: every match of a pattern contains one of the strings it names."""
from __future__ import annotations

import itertools
import re

import pytest

from core.required_text import required_text


@pytest.mark.parametrize(("pattern", "required"), [
    (r"\bik wil dood\b", ("ik wil dood",)),
    (r"\bik (?:wil|ga) dood\b", ("ik ga dood", "ik wil dood")),
    (r"x(?:abc)?y", ("xabcy", "xy")),
    (r"huiselijk ?geweld", ("huiselijk geweld", "huiselijkgeweld")),
    (r"[eë]x", ("ex", "ëx")),
    (r"a(?=b)c", ("ac",)),  # cannot match, but if it did, "ac" would be in it
    (r"(?:<w>\w+ ){0,3}dood", ("dood",)),
    (r"(?:kinder|ouderen)?mishandel", ("kindermishandel", "mishandel", "ouderenmishandel")),
    (r"(?:ik|wij) \w+ (?:dakloos|thuisloos)", (" dakloos", " thuisloos")),
    (r"(?:ab\w+|cd)ef", ("ef",)),
    (r"(?:abc\w|\wde)", ("abc", "de")),
])
def test_names_what_every_match_contains(pattern: str, required: tuple[str, ...]) -> None:
    assert required_text(pattern) == required


@pytest.mark.parametrize("pattern", [
    r"\w+",
    r"(?:dood|\w)",  # one alternative requires nothing, so the whole does not
    r"(?i)dood",  # case-insensitive: a literal is not the text
    r"(?:ab)?",
    r"a*",
])
def test_names_nothing_when_a_match_needs_no_fixed_text(pattern: str) -> None:
    assert required_text(pattern) == ()


# Every string over a small alphabet up to a length: a match that lacks the required text would show.
ALPHABET = "abcd "
PATTERNS = [
    r"\b(?:a|bc)?d(?:a|b)+\b",
    r"a(?:b|c d)c?",
    r"(?:ab|a )\w{0,2}c",
    r"(?:a\b|b)(?!c)d",
    r"(?:ab){1,2}(?:c|dd)",
    r"a[bc]d|(?:b|c)a",
    r"(?:\ba|d)(?:b\w*|c)",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_no_match_lacks_the_required_text(pattern: str) -> None:
    required = required_text(pattern)
    assert required  # each of these patterns has one
    compiled = re.compile(pattern)
    matched = 0
    for length in range(1, 7):
        for letters in itertools.product(ALPHABET, repeat=length):
            text = "".join(letters)
            if compiled.search(text):
                matched += 1
                assert any(needed in text for needed in required), (pattern, text, required)
    assert matched  # the check saw matches

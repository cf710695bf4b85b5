"""Crisis phrases that alarm only as a whole clause, next to the same words going on about an errand.

(In a file of its own: tests/unit/test_crisis.py is training material of the distress classifier,
so changing it means retraining.)"""
from __future__ import annotations

import pytest

from core.dialogue import crisis


@pytest.mark.parametrize(("kind", "text"), [
    ("suicide", "ik wil stoppen met alles"),
    ("suicide", "eerlijk gezegd wil ik gewoon met alles stoppen."),
    ("suicide", "ik wil echt overal mee stoppen, niemand merkt het toch"),
    (None, "ik wil stoppen met alles wat per post komt, kan dat digitaal?"),
    (None, "we willen stoppen met alles van de oude energieleverancier, moet de gemeente dat weten?"),
    (None, "ik wil met alles stoppen wat ik aan abonnementen heb, ook de bibliotheek?"),
])
def test_stopping_with_everything_alarms_only_as_a_whole_clause(kind: str | None, text: str) -> None:
    assert crisis.detect(text) == kind, crisis.normalise(text)

"""Bad input gets a clear 4xx: a body nested a thousand levels deep (valid JSON) was answered
"The body is not valid JSON." (Python's decoder gives up on the recursion before the API's
depth check runs); it is the depth limit's own sentence now, as for 21 levels."""
from __future__ import annotations

import pytest

from core.errors import InvalidInput
from handlers.http_body import decode_json


@pytest.mark.parametrize("depth", [21, 1_000, 100_000])
def test_a_deeply_nested_body_is_refused_for_its_depth(depth: int) -> None:
    with pytest.raises(InvalidInput, match="nests deeper than 20 levels"):
        decode_json(b"[" * depth + b"]" * depth)

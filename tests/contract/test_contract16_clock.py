"""API.md, Clock: `BALIE_NOW=2026-12-24T21:30:00+01:00` fixes the clock for the local stack
and the CLI. A value the clock cannot read is one clear line and exit code 2 from every
`balie` command, before anything starts (was a traceback, for `balie serve` at start-up)."""
from __future__ import annotations

import pytest

from balie_local import cli


@pytest.mark.parametrize("value", ["2026-12-24T21:30:00", "24-12-2026 21:30", "kerstavond"])
def test_an_unreadable_balie_now_is_one_line_and_exit_code_2(value: str, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BALIE_NOW", value)
    assert cli.main(["serve", "--port", "1"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and value in error and "+01:00" in error


"""handlers.secrets: SSM SecureStrings read once, kept for five minutes, read again when asked."""
from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from handlers import secrets
from handlers.secrets import SECRET_MAX_AGE_SECONDS, SecretUnavailable, _SecureStrings


class FakeSsm:
    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.calls: list[dict[str, Any]] = []

    def get_parameter(self, **arguments: Any) -> dict[str, Any]:
        self.calls.append(arguments)
        if arguments["Name"] not in self.values:
            raise ClientError({"Error": {"Code": "ParameterNotFound", "Message": "no"}}, "GetParameter")
        return {"Parameter": {"Name": arguments["Name"], "Value": self.values[arguments["Name"]]}}


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1000.0]
    monkeypatch.setattr(secrets.time, "monotonic", lambda: now[0])
    return now


def test_a_value_is_read_decrypted_once_and_kept_for_five_minutes(clock: list[float]) -> None:
    ssm = FakeSsm({"/balie/token": "v1"})
    strings = _SecureStrings(ssm)
    assert strings.get("/balie/token", force_fetch=False) == "v1"
    ssm.values["/balie/token"] = "v2"
    clock[0] += SECRET_MAX_AGE_SECONDS - 1
    assert strings.get("/balie/token", force_fetch=False) == "v1"
    assert ssm.calls == [{"Name": "/balie/token", "WithDecryption": True}]
    clock[0] += 1
    assert strings.get("/balie/token", force_fetch=False) == "v2"  # older than five minutes: read again
    assert len(ssm.calls) == 2


def test_force_fetch_reads_again_and_keeps_the_new_value(clock: list[float]) -> None:
    ssm = FakeSsm({"/balie/token": "old"})
    strings = _SecureStrings(ssm)
    strings.get("/balie/token", force_fetch=False)
    ssm.values["/balie/token"] = "rotated"  # e.g. after the Graph API refused the old token
    assert strings.get("/balie/token", force_fetch=True) == "rotated"
    assert strings.get("/balie/token", force_fetch=False) == "rotated"
    assert len(ssm.calls) == 2


def test_a_parameter_ssm_does_not_give_is_secret_unavailable(clock: list[float]) -> None:
    strings = _SecureStrings(FakeSsm({}))
    with pytest.raises(SecretUnavailable, match="/balie/missing"):
        strings.get("/balie/missing", force_fetch=False)

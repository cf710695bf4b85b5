"""Abuse of the widget's poll and erasure over real HTTP (the local stack from template.yaml):
- one client address polling `GET /v1/chat/{id}/messages` or sending `DELETE /v1/chat/{id}` in
  a loop had no limit (contract18: 200 polls in 6.5 s, all 200); now past `RequestsPerClient` a
  minute it gets 429 `rate_limited` with Retry-After in the contract's shape, and the next
  minute it is served again;
- the template set no stage throttling, so a flood met only the account's default (10,000 a
  second); now every route has the stage's bucket (`DefaultRouteSettings`), which the local
  front applies as API Gateway does (its own 429 body, before the function is called)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from balie_local.stack import LocalStack
from http_support import json_headers, send
from stack_support import ENGINE_KB

ORIGIN = "https://www.alpha.example"
MONDAY_MORNING = "2026-11-30T10:00:05+01:00"
PER_CLIENT = 4


def _stack(kb_dir: Path, start_local_stack, parameters: dict[str, str]) -> Iterator[LocalStack]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_DIR", str(kb_dir))
        patch.setenv("BALIE_NOW", MONDAY_MORNING)
        with start_local_stack(tenants_dir=ENGINE_KB / "tenants", run_pollers=False, parameters=parameters) as running:
            yield running


@pytest.fixture(scope="module")
def limited(kb_dir: Path, start_local_stack) -> Iterator[LocalStack]:
    yield from _stack(kb_dir, start_local_stack, {"RequestsPerClient": str(PER_CLIENT)})


@pytest.fixture(scope="module")
def throttled(kb_dir: Path, start_local_stack) -> Iterator[LocalStack]:
    yield from _stack(kb_dir, start_local_stack, {"ApiThrottlingRateLimit": "1", "ApiThrottlingBurstLimit": "3"})


def conversation(stack: LocalStack) -> str:
    answer = send(f"{stack.url}/v1/chat", "POST", {"tenant": "alpha", "message": "paspoort verlengen"},
                  json_headers(origin=ORIGIN))
    assert answer.status == 200, answer.body
    return answer.json()["conversationId"]


def test_polls_and_erasures_of_one_client_are_limited_per_minute(limited: LocalStack, monkeypatch) -> None:
    first, second = conversation(limited), conversation(limited)
    polls = [send(f"{limited.url}/v1/chat/{first}/messages", "GET", None, json_headers(origin=ORIGIN))
             for _ in range(PER_CLIENT)]
    assert [answer.status for answer in polls] == [200] * PER_CLIENT
    for refused in (send(f"{limited.url}/v1/chat/{first}/messages", "GET", None, json_headers(origin=ORIGIN)),
                    send(f"{limited.url}/v1/chat/{second}", "DELETE", None, json_headers(origin=ORIGIN))):
        assert refused.status == 429, refused.body
        assert refused.json()["error"]["code"] == "rate_limited"
        assert refused.json()["error"]["message"] == "Too many requests from this address. Please wait a minute."
        assert int(refused.header_map()["retry-after"]) == 55  # the minute's window ends at 10:01:00
    # Nothing was erased by the refused DELETE; the next minute it goes through.
    monkeypatch.setenv("BALIE_NOW", "2026-11-30T10:01:00+01:00")
    assert send(f"{limited.url}/v1/chat/{second}", "DELETE", None, json_headers(origin=ORIGIN)).status == 200
    assert send(f"{limited.url}/v1/chat/{first}/messages", "GET", None, json_headers(origin=ORIGIN)).status == 200


def test_every_route_has_the_stages_throttling(throttled: LocalStack) -> None:
    # A burst of 3, one more a second: 8 requests in well under 5 seconds meet an empty bucket.
    answers = [send(f"{throttled.url}/v1/widget/alpha", "GET", None, json_headers(origin=ORIGIN)) for _ in range(8)]
    assert [answer.status for answer in answers[:3]] == [200, 200, 200]
    refused = next(answer for answer in answers if answer.status != 200)
    assert refused.status == 429 and refused.json() == {"message": "Too Many Requests"}
    # Each route has its own bucket: the chat is still taken.
    assert send(f"{throttled.url}/v1/chat", "POST", {"tenant": "alpha", "message": "paspoort"},
                json_headers(origin=ORIGIN)).status == 200

"""The scripted conversation suite (tests/dialogue/scenarios/*.yaml, format in scripted.py):
every scenario at each of its clock settings, in memory and over HTTP on the local stack.
The crisis, routing and honest-promise scenarios of the website also run on Messenger, the
crisis ones on Instagram too (the same conversation through Meta's webhook, the worker and the
Send API stand-in)."""
from __future__ import annotations

import pytest
from transports import CHANNEL_REPLY, HttpConversation, MemoryConversation
from scripted import CLOCKS, Scenario, check, invariants, load_all

SCENARIOS = load_all()
# Website scenarios that also run on Meta's channels: crisis help, a person asked for or
# routed by topic, and honest words about when a person is there must not depend on where the
# resident writes (Instagram renders like Messenger without button templates: crisis only).
ALSO_ON = {"messenger": ("crisis-", "routing-", "honest-", "buttons-person"), "instagram": ("crisis-",)}


def channels(name: str, scenario: Scenario) -> list[str]:
    if scenario.channel != "web" or scenario.locale is not None or scenario.web_only:
        return [scenario.channel]  # the widget's locale has no counterpart on Meta's channels
    return ["web", *(channel for channel, families in ALSO_ON.items() if name.startswith(families))]


CASES = [(name, clock, channel) for name, scenario in SCENARIOS.items() for clock in scenario.clocks
         for channel in channels(name, scenario)]


def test_the_suite_covers_every_item_with_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 150
    items = {item for scenario in SCENARIOS.values()
             for item in (scenario.item if isinstance(scenario.item, list) else [scenario.item])}
    assert items >= {1, 2, 3, 4, 5, 6, 7}
    assert all(set(scenario.clocks) == set(CLOCKS) for scenario in SCENARIOS.values()
               if scenario.clocks == list(CLOCKS))


def hold(conversation, scenario: Scenario, clock: str) -> None:
    problems = []
    for number, turn in enumerate(scenario.turns, start=1):
        observed = conversation.turn(turn.say, turn.press, turn.title)
        expectations = turn.expect.for_clock(clock)
        if observed.intent == CHANNEL_REPLY:  # a channel over HTTP: the resident sees texts and buttons only
            expectations = [e.model_copy(update={"intent": "__any__", "handover": None, "claimed": None,
                                                 "notice": [], "language": None}) for e in expectations]
        found = check(observed, expectations) + invariants(observed, clock)
        problems += [f"turn {number} ({turn.say or turn.press!r}): {problem}" for problem in found]
        if found:
            problems.append(f"   the bot said: {observed.text!r} {observed.payloads}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("transport", ["memory", "http"])
@pytest.mark.parametrize(("name", "clock", "channel"), CASES)
def test_scenario(name: str, clock: str, channel: str, transport: str, request: pytest.FixtureRequest,
                  monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = SCENARIOS[name]
    if scenario.pending:  # a known gap, owned by someone else: fails until they fix it, then says so
        request.applymarker(pytest.mark.xfail(reason=scenario.pending, strict=True))
    if transport == "memory":
        conversation = MemoryConversation(request.getfixturevalue("knowledge"), scenario.tenant, channel,
                                          scenario.locale, f"{name}@{clock}@{channel}")
    else:  # the stack starts on first use and is renewed now and then (with a clock of its own: set ours after)
        conversation = HttpConversation(request.getfixturevalue("stack"), scenario.tenant, channel,
                                        scenario.locale, f"{name}@{clock}@{channel}@http")
    monkeypatch.setenv("BALIE_NOW", CLOCKS[clock])
    hold(conversation, scenario, clock)

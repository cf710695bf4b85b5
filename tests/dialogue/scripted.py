"""Scripted conversations: one YAML file per scenario in tests/dialogue/scenarios/.

A scenario is a resident's conversation with what each bot reply must (not) say, run
at three clock settings (a Tuesday morning in office hours, a Saturday night, Christmas
Day; a scenario may add a Friday five minutes before closing) against the engine in memory and over HTTP on the local stack. Format:

    description: what the resident needs, in one line
    item: 1                      # the issue item it covers (1 crisis ... 8 design)
    tenant: voorbeeld            # optional (default voorbeeld)
    locale: en                   # optional: the widget's language
    channel: whatsapp            # optional: whatsapp | messenger | instagram (default web); also
                                 # checks the channel's two-message limit
    clocks: [tuesday_morning]    # optional: a subset of CLOCKS (default the first three)
    web_only: true               # optional: not repeated on Messenger / Instagram
    pending: "calib: the matcher does not place 'what time do you close'"  # optional: a known gap and
                                 # whose it is; the scenario must then fail (strict xfail) until fixed
    turns:
      - say: "mijn paspoort is gestolen op vakantie"     # or press: "feedback:no"
        expect:
          intent: paspoort                 # the reply's intent (null: none)
          contains: [ambassade]            # each must be in the reply's text (case-insensitive)
          contains_any: [a, b]             # at least one of these
          not_contains: [Maak eerst een afspraak]
          buttons: ["handover:urgent-suicide"]  # payloads that must be offered
          no_buttons: ["handover:urgent-suicide"]
          handover: live | queued | none   # the handover view's status after the turn
          claimed: false                   # the handover view's `claimed`
          notice: [8.30]                   # words the handover view's notice must hold
          language: en
          at:                              # per clock: more of the same keys
            saturday_night: {contains: [geen medewerkers]}

Every turn of every scenario is also held to rules that hold everywhere (`invariants`):
no promise of a person when none is there, crisis numbers complete, "Bedoelt u" with
2-3 options plus "iets anders", no button twice in one reply, and on WhatsApp, Messenger and
Instagram at most two messages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

SCENARIO_DIR = Path(__file__).parent / "scenarios"
CLOCKS = {
    "tuesday_morning": "2026-12-01T10:00:00+01:00",  # office hours
    "saturday_night": "2026-12-05T23:30:00+01:00",  # closed until Monday
    "christmas": "2026-12-25T11:00:00+01:00",  # Christmas Day: closed until Monday 28 December
    # Five minutes before closing on a Friday: open, but too late for a live chat (the tenant's
    # live_handover_limit_minutes) or a callback today; a scenario names it in `clocks`.
    "friday_closing": "2026-12-04T16:55:00+01:00",
}
DEFAULT_CLOCKS = ("tuesday_morning", "saturday_night", "christmas")
OPEN_CLOCKS = {"tuesday_morning"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Expectation(_Strict):
    intent: str | None = "__any__"
    contains: list[str] = Field(default_factory=list)
    contains_any: list[str] = Field(default_factory=list)
    not_contains: list[str] = Field(default_factory=list)
    buttons: list[str] = Field(default_factory=list)
    no_buttons: list[str] = Field(default_factory=list)
    handover: Literal["live", "queued", "none"] | None = None
    claimed: bool | None = None
    notice: list[str] = Field(default_factory=list)
    language: Literal["nl", "en"] | None = None
    silent: bool | None = None


class ExpectationAt(Expectation):
    at: dict[str, Expectation] = Field(default_factory=dict)

    @model_validator(mode="after")
    def known_clocks(self) -> "ExpectationAt":
        unknown = set(self.at) - set(CLOCKS)
        if unknown:
            raise ValueError(f"unknown clock(s) {sorted(unknown)}")
        return self

    def for_clock(self, clock: str) -> list[Expectation]:
        extra = self.at.get(clock)
        base = Expectation(**self.model_dump(exclude={"at"}))
        return [base] if extra is None else [base, extra]


class Turn(_Strict):
    say: str | None = None
    press: str | None = None
    title: str = ""
    expect: ExpectationAt = Field(default_factory=ExpectationAt)

    @model_validator(mode="after")
    def one_input(self) -> "Turn":
        if (self.say is None) == (self.press is None):
            raise ValueError("a turn either says something or presses a button")
        return self


class Scenario(_Strict):
    description: str
    item: int | list[int]
    tenant: str = "voorbeeld"
    locale: Literal["nl", "en"] | None = None
    channel: Literal["web", "whatsapp", "messenger", "instagram"] = "web"
    # A behaviour of the website only (a callback asks for a phone number: on a channel the bot
    # already reaches the resident), so not repeated on Meta's channels (test_scenarios.ALSO_ON).
    web_only: bool = False
    clocks: list[str] = Field(default_factory=lambda: list(DEFAULT_CLOCKS))
    pending: str | None = None
    turns: list[Turn] = Field(min_length=1)

    @model_validator(mode="after")
    def known_clocks(self) -> "Scenario":
        unknown = set(self.clocks) - set(CLOCKS)
        if unknown:
            raise ValueError(f"unknown clock(s) {sorted(unknown)}")
        return self


def load_all() -> dict[str, Scenario]:
    return {path.stem: Scenario.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(SCENARIO_DIR.glob("*.yaml"))}


@dataclass
class Observed:
    """One bot reply as a transport saw it."""

    intent: str | None
    language: str
    texts: list[str]
    payloads: list[str]
    button_counts: list[int]  # buttons per message
    handover: dict[str, Any] | None
    channel_messages: int | None = None  # messages the reply became on WhatsApp, Messenger or Instagram
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def check(observed: Observed, expectations: list[Expectation]) -> list[str]:
    problems = []
    lowered = observed.text.lower()
    for expect in expectations:
        if expect.intent != "__any__" and observed.intent != expect.intent:
            problems.append(f"intent {observed.intent!r}, expected {expect.intent!r}")
        problems += [f"missing {word!r}" for word in expect.contains if word.lower() not in lowered]
        if expect.contains_any and not any(word.lower() in lowered for word in expect.contains_any):
            problems.append(f"none of {expect.contains_any!r}")
        problems += [f"unwanted {word!r}" for word in expect.not_contains if word.lower() in lowered]
        problems += [f"no button {payload!r}" for payload in expect.buttons if payload not in observed.payloads]
        problems += [f"unwanted button {payload!r}" for payload in expect.no_buttons if payload in observed.payloads]
        status = observed.handover["status"] if observed.handover else "none"
        if expect.handover is not None and status != expect.handover:
            problems.append(f"handover {status!r}, expected {expect.handover!r}")
        if expect.claimed is not None and (observed.handover or {}).get("claimed") != expect.claimed:
            problems.append(f"claimed {(observed.handover or {}).get('claimed')!r}, expected {expect.claimed!r}")
        notice = ((observed.handover or {}).get("notice") or "").lower()
        problems += [f"notice lacks {word!r}" for word in expect.notice if word.lower() not in notice]
        if expect.language is not None and observed.language != expect.language:
            problems.append(f"language {observed.language!r}, expected {expect.language!r}")
        if expect.silent is not None and (not observed.texts) != expect.silent:
            problems.append("the bot spoke" if expect.silent else "the bot was silent")
    return problems


# Words that promise a person now; never said when nobody is at work.
_PERSON_NOW = ("ik zoek een medewerker", "i am looking for someone", "dat kan vandaag tot", "you can, today until",
               "dat kan altijd", "you can, at any time", "u bent doorverbonden",
               "u kunt het ook aan een medewerker vragen", "vraag het aan een medewerker", "of praat met een medewerker",
               "you can also ask a member of staff", "or talk to a person")


def invariants(observed: Observed, clock: str) -> list[str]:
    problems = []
    lowered = observed.text.lower()
    if clock not in OPEN_CLOCKS:
        problems += [f"promises a person at {clock}: {phrase!r}" for phrase in _PERSON_NOW if phrase in lowered]
        if any(payload.startswith("handover:urgent") for payload in observed.payloads):
            problems.append(f"offers an urgent person at {clock}")
        if observed.handover and observed.handover.get("status") == "live":
            problems.append(f"a live handover at {clock}")
    if "113" in lowered and ("zelfmoordpreventie" in lowered or "suicide prevention" in lowered):
        problems += [f"suicide help without {n!r}" for n in ("0800-0113", "113.nl", "112") if n not in lowered]
    if "veilig thuis" in lowered and "0800-2000" not in lowered:
        problems.append("Veilig Thuis without 0800-2000")
    if "centrum seksueel geweld" in lowered:
        problems += [f"sexual violence help without {n!r}" for n in ("0800-0188", "112") if n not in lowered]
    if ("in gevaar" in lowered or "in danger" in lowered) and "112" not in lowered:
        problems.append("danger without 112")
    for text, count in zip(observed.texts, observed.button_counts):
        if text.startswith(("Bedoelt u", "Do you mean")) and not 3 <= count <= 4:
            problems.append(f"'Bedoelt u' with {count} buttons (2-3 options plus 'iets anders' expected)")
    repeated = sorted({payload for payload in observed.payloads if observed.payloads.count(payload) > 1})
    if repeated:
        problems.append(f"the same button twice in one reply: {repeated}")
    if observed.channel_messages is not None and observed.channel_messages > 2:
        problems.append(f"{observed.channel_messages} channel messages in one turn")
    return problems

"""The working state of one turn: what came in, what goes out, what it counted.

`Turn` (the decisions) and the modules it uses (answers, flows, handover) all
read and write one `TurnContext`; only `core.dialogue.engine` loads and saves.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from .. import privacy
from ..effects import Effect
from ..limits import DROPPED_COUNTER, UNANSWERED_PER_CONVERSATION
from ..models import Button, Conversation, InboundMessage, Link, ReplyMessage
from ..opening_hours import AMSTERDAM
from .availability import Promises, availability, opening_hours_of
from .state import DialogueState
from .texts import Wording

if TYPE_CHECKING:
    from ..kb.compiled import ResolvedIntent, ResolvedLink, TenantKnowledge
    from ..kb.models import Team
    from ..matcher import Classification, ReadWords

PAYLOAD = re.compile(r"^(intent|followup|feedback|handover|choice):[a-z0-9-]{1,60}$")
# Markup pasted or typed into a message ("<script>alert(1)</script> hoe vraag ik een paspoort aan"):
# a script or style block says nothing a resident asks; a tag's name is no word of the question.
_CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def without_markup(text: str) -> str:
    """What a message says without HTML tags: the text the dialogue reads (the transcript keeps
    what was sent; the web pages show it as text)."""
    if "<" not in text:
        return text
    return " ".join(_TAG.sub(" ", _CODE_BLOCK.sub(" ", text)).split())


def is_payload(text: str) -> bool:
    return bool(PAYLOAD.match(text.strip()))


class TurnContext:
    def __init__(
        self, conversation: Conversation, knowledge: "TenantKnowledge", message: InboundMessage, moment: datetime
    ) -> None:
        self.conversation = conversation
        self.knowledge = knowledge
        self.tenant = knowledge.tenant
        self.message = message
        self.moment = moment
        self.messages: list[ReplyMessage] = []
        self.counts: dict[str, int] = {}
        self._unanswered: list[str] = []  # redacted: only `note_unanswered` adds to it
        # Guided-flow answers (a postcode, a house number): personal data the transcript must
        # not keep, also not in the bot's answer that used them (the engine: privacy.forget).
        self.flow_values: list[str] = []
        self.effects: list[Effect] = []
        self.intent: str | None = None
        self.confidence = 0.0
        self.first_turn = not conversation.transcript
        text = message.text.strip()
        payload = message.payload if message.payload and is_payload(message.payload) else None
        if payload is None and is_payload(text):
            payload = text  # a web widget may send the payload as the message
        self.payload = payload
        self.text = "" if payload is not None and text == payload else without_markup(text)
        self._promises: Promises | None = None
        # The organisation referred to last turn (`DialogueState.referral`, cleared as the turn starts).
        self.referral_before: str | None = None
        self._classified: dict[str, Classification] = {}
        self._read_words: dict[str, ReadWords] = {}

    # ---- reading -------------------------------------------------------------------------------

    def classify(self, text: str) -> Classification:
        """The matcher's reading of `text`, computed once a turn whichever reading of the turn asks first: several
        readings ask for the same text (the whole message, or it without a detail's words), and the matcher is a
        pure function of the text, costing about half a millisecond a call."""
        reading = self._classified.get(text)
        if reading is None:
            reading = self._classified[text] = self.knowledge.matcher.classify(text)
        return reading

    def read_words(self, text: str) -> ReadWords:
        """The words of `text` the matcher reads one by one (`Matcher.read_words`: without its courtesy, tokenised),
        once a turn: several readings ask whether a word of the same text names a topic (`word_reads_as`)."""
        read = self._read_words.get(text)
        if read is None:
            read = self._read_words[text] = self.knowledge.matcher.read_words(text)
        return read

    def word_reads_as(self, text: str, intent: str, floor: float, *, known_only: bool = False) -> bool:
        """`Matcher.word_reads_as` on the turn's words of `text` (`read_words`)."""
        return self.knowledge.matcher.word_reads_as(self.read_words(text), intent, floor, known_only=known_only)

    @property
    def state(self) -> DialogueState:
        return self.conversation.state

    @property
    def language(self) -> str:
        return self.conversation.language

    @property
    def say(self) -> Wording:
        return Wording(self.conversation.language, self.tenant.texts)

    @property
    def promises(self) -> Promises:
        """Who is there and when, worded in the conversation's (current) language."""
        if self._promises is None or self._promises.say.language != self.language:
            self._promises = Promises(availability(self.tenant, self.moment, self.knowledge.derived(opening_hours_of)),
                                      self.say)
        return self._promises

    @property
    def live_possible(self) -> bool:
        """Staff are at work and the day lasts at least the tenant's live-wait limit longer:
        only then is a person promised in the chat itself (else the callback is offered)."""
        return self.promises.available.live_possible

    @property
    def unanswered(self) -> tuple[str, ...]:
        """The questions of this turn for the editors' list of unanswered questions (redacted)."""
        return tuple(self._unanswered)

    @property
    def today(self) -> date:
        return self.moment.astimezone(AMSTERDAM).date()

    def intent_of(self, intent_id: str | None) -> "ResolvedIntent | None":
        return self.knowledge.intents.get(intent_id or "")

    def team(self, team_id: str | None) -> "Team":
        return self.knowledge.team(team_id)

    def team_id(self, team_id: str | None) -> str:
        """The team when the tenant has it, else its default team."""
        return team_id if team_id is not None and team_id in self.tenant.teams else self.tenant.default_team

    def team_name(self, team_id: str) -> str:
        return self.team(team_id).name.get(self.language)

    # ---- writing -------------------------------------------------------------------------------

    def count(self, name: str, amount: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + amount

    def note_unanswered(self, text: str) -> None:
        """Put a question on the editors' list of unanswered questions. It is the resident's own words, so it is
        redacted here, on every path (a text already redacted stays as it is). A conversation puts at most
        `UNANSWERED_PER_CONVERSATION` there (core.limits); past that the question is counted as dropped."""
        if self.state.unanswered >= UNANSWERED_PER_CONVERSATION:
            self.count(DROPPED_COUNTER)
            return
        self.state.unanswered += 1
        self._unanswered.append(privacy.redact(text))

    def add(self, text: str, links: list[Link] | None = None, buttons: list[Button] | None = None) -> None:
        """One message of the reply. A button already offered earlier in the reply is not offered
        twice (the greeting's "Medewerker spreken" and an answer's own person button)."""
        offered = {button.payload for message in self.messages for button in message.buttons}
        buttons = [button for button in buttons or [] if button.payload not in offered]
        self.messages.append(ReplyMessage(text=text, links=links or [], buttons=buttons))

    def link(self, resolved: "ResolvedLink", values: dict[str, str] | None = None) -> Link:
        target = resolved.filled(values) if values else resolved
        return Link(title=target.title.get(self.language), url=target.url)

    def button(self, key: str, payload: str) -> Button:
        return Button(title=self.say(key), payload=payload)

    def person_line(self) -> str:
        """"U kunt het ook aan een medewerker vragen" while a person can chat now; else when
        one can call back, never a promise of a person who is not there."""
        if self.live_possible:
            return self.say("person_line_now")
        moment = self.promises.callback()
        return self.say("person_line_later", moment=moment) if moment else self.say("person_line_message")

    def add_team_contact(self, team_id: str | None) -> bool:
        """"wie kan ik bellen?": the team's phone and e-mail, honest about the hours, and the button for a
        person (the tenant's default team when `team_id` is not one of its teams). False when it has none."""
        contact = self.promises.team_contact(self.team(self.team_id(team_id)))
        if contact is None:
            return False
        self.state.misses = 0
        self.count("team_contact")
        self.add(contact, buttons=[self.person_button()])
        return True

    def person_button(self) -> Button:
        """"Medewerker spreken" while a live wait is possible, else the callback request."""
        key = "button_talk_to_person" if self.live_possible else "button_callback"
        return self.button(key, "handover:request")

    def choice_buttons(self, intent_ids: list[str]) -> list[Button]:
        """The options of a "Bedoelt u ...?" (the topics' titles), then "iets anders"."""
        buttons = [Button(title=self.knowledge.intents[i].title.get(self.language), payload=f"intent:{i}")
                   for i in intent_ids if i in self.knowledge.intents]
        return buttons + [self.button("button_something_else", "choice:other")]

    def yes_no_buttons(self, yes: str = "handover:yes", no: str = "handover:no") -> list[Button]:
        return [self.button("button_yes", yes), self.button("button_no", no)]

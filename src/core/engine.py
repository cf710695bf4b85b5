"""The dialogue engine: one resident turn in, one `Reply` out.

Transport-free: a channel turns its input into an `InboundMessage` and renders
the `Reply`. Per turn the engine reads the conversation once, decides, and
writes it back once together with the day's counters (optimistic concurrency
on `Conversation.version`; on a lost race it re-reads and decides again).

Dialogue state lives in `Conversation.state`:
  topic           the intent of the last answer (follow-ups resolve against it)
  misses          consecutive turns the bot did not understand
  pending         "handover_offer" while a yes/no offer of a person is open
  feedback        the intent whose "Was dit nuttig?" question is open
  flow            {"intent", "slot", "values", "errors"} of a guided flow
The handover sub-dialogue keeps its own keys (`handover_flow`), owned by
`core.handover`.

Button payloads (`InboundMessage.payload`, or a web message that is exactly a
payload): `intent:<id>`, `followup:<kind>`, `feedback:yes|no`,
`handover:request|yes|no`.
"""
from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from . import privacy
from .clock import Clock, now
from .dialogue import followups, language, slots
from .dialogue.texts import say
from .errors import Conflict, NotFound, RateLimited, VersionConflict
from .ids import MIN_CLIENT_ID_FOR_DERIVED_CONVERSATION, first_turn_conversation_id, new_conversation_id
from .kb.models import FOLLOWUP_KINDS
from .models import (
    Button,
    Channel,
    Conversation,
    DailyCounters,
    HandoverStatus,
    HandoverView,
    InboundKind,
    InboundMessage,
    Language,
    Link,
    RememberedReply,
    Reply,
    ReplyMessage,
    Role,
    TranscriptEntry,
)
from .ports import ConversationStore, KnowledgeRepository

if TYPE_CHECKING:
    from .kb.compiled import ResolvedIntent, ResolvedLink, TenantKnowledge
    from .matcher import Classification

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

MAX_TRANSCRIPT = 200  # entries kept per conversation; keeps the item far below 400 KB
MAX_REMEMBERED_CLIENT_IDS = 20  # idempotency window: retries concern the last few turns
RATE_LIMIT_TURNS = 30  # resident turns per minute per conversation
SAVE_ATTEMPTS = 5
MISSES_BEFORE_OFFER = 2
MAX_FLOW_ERRORS = 3
MAX_CHOICES = 3

ACTIVE_HANDOVER = (HandoverStatus.WAITING, HandoverStatus.LIVE)
_PAYLOAD = re.compile(r"^(intent|followup|feedback|handover):[a-z0-9-]{1,60}$")
_YES = frozenset({"ja", "ja graag", "graag", "ja hoor", "ja please", "jawel", "oke", "ok", "okay", "yes", "yes please", "sure"})
_NO = frozenset({"nee", "nee dank je", "nee dank u", "nee bedankt", "nee hoor", "no", "no thanks", "no thank you", "niet nodig"})


class HandoverPort(Protocol):
    """What the engine needs of `core.handover.HandoverService`."""

    def request(
        self, conversation: Conversation, knowledge: "TenantKnowledge", *, team: str | None, reason: str
    ) -> list[ReplyMessage]: ...

    def continue_dialogue(
        self, conversation: Conversation, knowledge: "TenantKnowledge", message: InboundMessage
    ) -> list[ReplyMessage] | None: ...


@dataclass
class Turn:
    """The outcome of one turn: the reply plus the counters it added (for metrics)."""

    reply: Reply
    counts: dict[str, int] = field(default_factory=dict)
    replayed: bool = False  # answered from `replies_by_client_id`; nothing was written


@dataclass
class MessagesPage:
    conversation_id: str
    entries: list[TranscriptEntry]
    cursor: int  # pass back as `after` to get only newer entries
    handover: HandoverView | None


def is_payload(text: str) -> bool:
    return bool(_PAYLOAD.match(text.strip()))


def handover_view(conversation: Conversation) -> HandoverView | None:
    handover = conversation.handover
    if handover is None or handover.status == HandoverStatus.CLOSED:
        return None
    return HandoverView(
        status="queued" if handover.status == HandoverStatus.QUEUED else "live",
        team=handover.team,
        expected_contact_at=handover.expected_contact_at,
    )


def remembered_reply(conversation: Conversation, client_message_id: str | None) -> Reply | None:
    """The reply once returned for `client_message_id`, rebuilt from the transcript:
    its messages are the bot entries right after the resident's entry, stored
    unredacted exactly as they were sent. None when the id is not remembered, or
    (defensively) when its entries are no longer all in the transcript."""
    remembered = conversation.replies_by_client_id.get(client_message_id or "")
    if remembered is None:
        return None
    wanted = range(remembered.seq + 1, remembered.seq + 1 + remembered.count)
    entries = {entry.seq: entry for entry in conversation.transcript if entry.seq in wanted}
    if len(entries) != remembered.count or any(entry.role != Role.BOT for entry in entries.values()):
        return None
    return Reply(
        conversation_id=conversation.id,
        intent=remembered.intent,
        confidence=remembered.confidence,
        messages=[
            ReplyMessage(text=entry.text, links=list(entry.links), buttons=list(entry.buttons))
            for entry in (entries[seq] for seq in wanted)
        ],
        handover=remembered.handover,
        language=remembered.language,
    )


class Engine:
    def __init__(
        self,
        store: ConversationStore,
        knowledge: KnowledgeRepository,
        handover: HandoverPort,
        clock: Clock = now,
        id_key: Callable[[], bytes] | None = None,
    ) -> None:
        self.store = store
        self.knowledge = knowledge
        self.handover = handover
        self.clock = clock
        # The secret behind first-turn conversation ids; shared by every instance
        # in production (the store keeps it), random per process otherwise.
        process_key = secrets.token_bytes(32)
        self.id_key = id_key or (lambda: process_key)

    # ---- public use cases -------------------------------------------------

    def handle(self, message: InboundMessage) -> Reply:
        return self.handle_turn(message).reply

    def handle_turn(self, message: InboundMessage) -> Turn:
        knowledge = self.knowledge.get(message.tenant)  # NotFound for an unknown tenant
        for _ in range(SAVE_ATTEMPTS):
            conversation = self._load(message)
            expected_version = conversation.version
            stored = remembered_reply(conversation, message.client_message_id)
            if stored is not None:
                return Turn(reply=stored, replayed=True)
            moment = self.clock()
            self._check_rate(conversation, moment)
            dialogue = _Dialogue(conversation, knowledge, message, moment, self.handover)
            reply = dialogue.run()
            counters = dialogue.counters(expected_version == 0)
            self._finish(conversation, message, reply, moment, knowledge.tenant.retention_days)
            try:
                self.store.save(conversation, expected_version, counters)
            except VersionConflict:
                continue  # someone else wrote this conversation meanwhile: decide again on fresh state
            return Turn(reply=reply, counts=counters.counts)
        raise Conflict("This conversation is busy. Please try again.")

    def messages(self, tenant: str, conversation_id: str, after: int = 0) -> MessagesPage:
        conversation = self._existing(tenant, conversation_id)
        entries = [entry for entry in conversation.transcript if entry.seq > after]
        cursor = conversation.transcript[-1].seq if conversation.transcript else 0
        return MessagesPage(conversation.id, entries, max(cursor, after), handover_view(conversation))

    def erase(self, tenant: str, conversation_id: str) -> None:
        self.knowledge.get(tenant)
        if not self.store.delete(tenant, conversation_id):
            raise NotFound("This conversation does not exist.")

    # ---- helpers ----------------------------------------------------------

    def _existing(self, tenant: str, conversation_id: str) -> Conversation:
        self.knowledge.get(tenant)
        conversation = self.store.get(tenant, conversation_id)
        if conversation is None:
            raise NotFound("This conversation does not exist.")
        return conversation

    def _load(self, message: InboundMessage) -> Conversation:
        if message.conversation_id:
            conversation = self.store.get(message.tenant, message.conversation_id)
            if conversation is not None:
                return conversation
            # The web widget only knows ids the API gave it: an unknown one is a 404.
            # Other channels name their thread themselves (WhatsApp: the sender).
            if message.channel == Channel.WEB:
                raise NotFound("This conversation does not exist.")
            conversation_id = message.conversation_id
        elif message.client_message_id and len(message.client_message_id) >= MIN_CLIENT_ID_FOR_DERIVED_CONVERSATION:
            # A retried first turn finds the conversation its first attempt created.
            conversation_id = first_turn_conversation_id(message.tenant, message.client_message_id, self.id_key())
            conversation = self.store.get(message.tenant, conversation_id)
            if conversation is not None:
                return conversation
        else:
            conversation_id = new_conversation_id(message.tenant)
        moment = self.clock()
        return Conversation(
            id=conversation_id,
            tenant=message.tenant,
            channel=message.channel,
            created_at=moment,
            updated_at=moment,
            language=message.locale or language.detect(message.text) or "nl",
        )

    def _check_rate(self, conversation: Conversation, moment: datetime) -> None:
        window_start = moment.timestamp() - 60
        recent = [t for t in conversation.recent_turns if t > window_start]
        if len(recent) >= RATE_LIMIT_TURNS:
            raise RateLimited("Too many messages in this conversation. Please wait a minute.")
        conversation.recent_turns = recent + [moment.timestamp()]

    def _finish(
        self, conversation: Conversation, message: InboundMessage, reply: Reply, moment: datetime, retention_days: int
    ) -> None:
        """Append the turn to the transcript (redacted) and bound what the item keeps."""
        seq = resident_seq = conversation.next_seq()
        shown = message.text if message.kind != InboundKind.BUTTON or message.text else (message.payload or "")
        conversation.transcript.append(
            TranscriptEntry(seq=seq, role=Role.RESIDENT, at=moment, text=privacy.redact(shown))
        )
        for bot_message in reply.messages:
            seq += 1
            conversation.transcript.append(
                TranscriptEntry(
                    seq=seq,
                    role=Role.BOT,
                    at=moment,
                    text=bot_message.text,
                    links=bot_message.links,
                    buttons=bot_message.buttons,
                    intent=reply.intent,
                )
            )
        if message.client_message_id:
            conversation.replies_by_client_id[message.client_message_id] = RememberedReply(
                seq=resident_seq,
                count=len(reply.messages),
                intent=reply.intent,
                confidence=reply.confidence,
                handover=reply.handover,
                language=reply.language,
            )
            overflow = len(conversation.replies_by_client_id) - MAX_REMEMBERED_CLIENT_IDS
            for old in list(conversation.replies_by_client_id)[: max(overflow, 0)]:
                del conversation.replies_by_client_id[old]
        conversation.keep_last_entries(MAX_TRANSCRIPT)
        conversation.updated_at = moment
        conversation.expires_at = int(moment.timestamp()) + retention_days * 86400


class _Dialogue:
    """The decisions of one turn on a loaded conversation (mutates it)."""

    def __init__(
        self,
        conversation: Conversation,
        knowledge: "TenantKnowledge",
        message: InboundMessage,
        moment: datetime,
        handover: HandoverPort,
    ) -> None:
        self.conversation = conversation
        self.knowledge = knowledge
        self.message = message
        self.moment = moment
        self.handover = handover
        self.state: dict[str, Any] = conversation.state
        self.messages: list[ReplyMessage] = []
        self.intent: str | None = None
        self.confidence = 0.0
        self.counts: dict[str, int] = {}
        self.unanswered: list[str] = []
        self.first_turn = not conversation.transcript
        # Compared after the turn: a changed handover is a new live request or ticket (reports).
        self.handover_before = _handover_state(conversation)
        text = message.text.strip()
        payload = message.payload if message.payload and is_payload(message.payload) else None
        if payload is None and is_payload(text):
            payload = text  # a web widget may send the payload as the message
        self.payload = payload
        self.text = "" if payload is not None and text == payload else text

    @property
    def lang(self) -> Language:
        return self.conversation.language

    # ---- bookkeeping ------------------------------------------------------

    def count(self, name: str, amount: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + amount

    def counters(self, new_conversation: bool) -> DailyCounters:
        if new_conversation:
            self.count("conversations")
        handover = self.conversation.handover
        if handover is not None and _handover_state(self.conversation) != self.handover_before:
            kind = {HandoverStatus.WAITING: "live", HandoverStatus.QUEUED: "queued"}.get(handover.status)
            if kind is not None:
                self.count(f"handover_{kind}")
                self.count(f"handover_{kind}:{handover.team}")
        day = self.moment.astimezone(AMSTERDAM).date().isoformat()
        return DailyCounters(tenant=self.conversation.tenant, day=day, counts=self.counts, unanswered=self.unanswered)

    def say(self, key: str, **values: str) -> str:
        return say(key, self.lang, **values)

    def add(self, text: str, links: list[Link] | None = None, buttons: list[Button] | None = None) -> None:
        self.messages.append(ReplyMessage(text=text, links=links or [], buttons=buttons or []))

    def link(self, resolved: "ResolvedLink", values: dict[str, str] | None = None) -> Link:
        target = resolved.filled(values) if values else resolved
        return Link(title=target.title.get(self.lang), url=target.url)

    def button(self, key: str, payload: str) -> Button:
        return Button(title=self.say(key), payload=payload)

    # ---- the turn ---------------------------------------------------------

    def run(self) -> Reply:
        self.count("messages_received")
        self.count(f"channel:{self.message.channel.value}")
        self._follow_language()
        handover = self.conversation.handover
        if handover is not None and handover.status in ACTIVE_HANDOVER:
            # A person is (about to be) talking: the bot keeps quiet, staff see the message.
            self.count("during_handover")
            return self._reply()
        if self.first_turn:
            self._greet()
        handover_messages = self.handover.continue_dialogue(self.conversation, self.knowledge, self.message)
        if handover_messages is not None:
            self.messages.extend(handover_messages)
            return self._reply()
        pending = self.state.pop("pending", None)
        if self.payload is not None:
            self.state.pop("flow", None)  # a button press leaves a guided flow
            self._on_payload(self.payload)
        elif "flow" in self.state:
            self._on_flow_answer()
        elif self.message.kind not in (InboundKind.TEXT, InboundKind.BUTTON) or not self.text:
            self._on_no_text()
        elif pending == "handover_offer" and self._yes_no() is not None:
            self._on_handover_answer(self._yes_no())
        else:
            self._on_question()
        return self._reply()

    def _reply(self) -> Reply:
        return Reply(
            conversation_id=self.conversation.id,
            intent=self.intent,
            confidence=round(self.confidence, 4),
            messages=self.messages,
            handover=handover_view(self.conversation),
            language=self.lang,
        )

    def _follow_language(self) -> None:
        if self.payload is not None or "flow" in self.state:
            return  # a button or a postcode says nothing about the resident's language
        # The widget's locale is a deliberate choice: the text overrides it only
        # with a clear signal ("paspoort" on the English page stays English).
        margin = 2 if self.message.locale else 1
        detected = language.detect(self.text, margin) if self.text else None
        chosen = detected or self.message.locale
        if chosen and chosen != self.conversation.language:
            self.conversation.language = chosen
            self.count(f"language:{chosen}")

    def _greet(self) -> None:
        text = self.say("greeting", tenant=self.knowledge.tenant.name)
        if not self.text and self.payload is None:
            text += " " + self.say("ask_question")
        self.add(text, buttons=[self.button("button_talk_to_person", "handover:request")])

    def _yes_no(self) -> bool | None:
        answer = " ".join(self.text.lower().strip(" .!").replace(",", " ").split())
        if answer in _YES:
            return True
        if answer in _NO:
            return False
        return None

    # ---- payloads ---------------------------------------------------------

    def _on_payload(self, payload: str) -> None:
        kind, _, value = payload.partition(":")
        if kind == "intent":
            if value in self.knowledge.intents:
                self.count("disambiguation_chosen")
                self._answer(self.knowledge.intents[value], score=1.0)
            else:
                self._not_understood()
        elif kind == "followup":
            self._answer_followup(value, self.state.get("topic"))
        elif kind == "feedback":
            self._on_feedback(value == "yes")
        elif kind == "handover":
            if value == "no":
                self._on_handover_answer(False)
            else:
                self._request_handover(reason="asked")

    def _on_feedback(self, helpful: bool) -> None:
        intent = self.state.pop("feedback", None)
        if intent is None:
            # The question was answered already (a second click): say thanks, count nothing.
            self.add(self.say("feedback_thanks"))
            return
        self.count("feedback_helpful" if helpful else "feedback_not_helpful")
        self.count(f"feedback_{'helpful' if helpful else 'not_helpful'}:{intent}")
        if helpful:
            self.add(self.say("feedback_thanks"))
        else:
            self.add(self.say("feedback_sorry"), buttons=[self.button("button_talk_to_person", "handover:request")])

    def _on_handover_answer(self, wants_person: bool) -> None:
        if wants_person:
            self._request_handover(reason="not_understood")
        else:
            self.state["misses"] = 0
            self.add(self.say("person_declined"))

    # ---- questions --------------------------------------------------------

    def _on_no_text(self) -> None:
        # A photo, voice note or location: Balie only reads text. Not a miss:
        # the resident did nothing wrong, so it does not count towards the offer of a person.
        self.count("unsupported_input")
        self.add(self.say("location_unsupported" if self.message.kind == InboundKind.LOCATION else "text_only"))

    def _on_question(self) -> None:
        text = self.text
        topic = self.state.get("topic")
        kind = followups.detect(text)
        if kind is not None and topic in self.knowledge.intents and followups.is_contextual(text):
            self._answer_followup(kind, topic)
            return
        result = self.knowledge.matcher.classify(text)
        intent = self.knowledge.intents.get(result.intent) if result.intent else None
        choices = self._choices(result)
        if intent is not None and not choices:
            if kind is not None and intent.kind == "topic" and getattr(intent.followups, kind) is not None:
                # "wat kost een paspoort?": the follow-up of the matched topic.
                self.state["topic"] = intent.id
                self._answer_followup(kind, intent.id, result.score)
            else:
                self._answer(intent, score=result.score)
        elif choices:
            self._disambiguate(choices, result.score)
        else:
            self._not_understood()

    def _choices(self, result: "Classification") -> list["ResolvedIntent"]:
        """The candidates to offer as "Bedoelt u…?": empty unless the matcher's policy
        says to ask and at least two real topics are in play."""
        intents = self.knowledge.intents
        if result.decision != "clarify":
            return []
        if result.intent in intents and (intents[result.intent].handover or intents[result.intent].kind == "system"):
            return []  # "medewerker" or "hallo" is never ambiguous with a topic
        found = [intents[alt.intent] for alt in result.candidates
                 if alt.intent in intents and intents[alt.intent].kind == "topic"][:MAX_CHOICES]
        if result.intent is not None and len(found) < 2:
            return []  # the winner is the only real topic: just answer it
        return found

    def _disambiguate(self, choices: list["ResolvedIntent"], score: float) -> None:
        self.count("disambiguation")
        self.confidence = score
        self.add(
            self.say("disambiguate"),
            buttons=[Button(title=intent.title.get(self.lang), payload=f"intent:{intent.id}") for intent in choices],
        )

    def _not_understood(self) -> None:
        self.count("fallback")
        if self.text:
            self.unanswered.append(privacy.redact(self.text))
        misses = int(self.state.get("misses", 0)) + 1
        self.state["misses"] = misses
        if misses >= MISSES_BEFORE_OFFER:
            self.count("handover_offered")
            self.state["pending"] = "handover_offer"
            self.add(
                self.say("offer_person"),
                buttons=[self.button("button_yes", "handover:yes"), self.button("button_no", "handover:no")],
            )
        else:
            self.add(self.say("not_understood"))

    def _answer(self, intent: "ResolvedIntent", score: float) -> None:
        self.intent, self.confidence = intent.id, score
        self.state["misses"] = 0
        self.count(f"intent:{intent.id}")
        if intent.handover:
            self._request_handover(reason=f"intent:{intent.id}")
            return
        if intent.kind == "system":
            self.count("answered")
            if self.first_turn and intent.id == "groet":
                # The greeting already said hello; just invite the question.
                self.add(self.say("ask_question"))
            else:
                self.add(intent.answer.get(self.lang), links=[self.link(link) for link in intent.links])
            return
        self.count("answered")
        self.state["topic"] = intent.id
        buttons = [
            self.button(f"followup_{kind}", f"followup:{kind}")
            for kind in FOLLOWUP_KINDS
            if getattr(intent.followups, kind) is not None
        ]
        self.add(intent.answer.get(self.lang), links=[self.link(link) for link in intent.links], buttons=buttons)
        if intent.flow is not None:
            self._start_flow(intent)
        else:
            self._ask_feedback(intent.id)

    def _answer_followup(self, kind: str, topic: str | None, confidence: float = 1.0) -> None:
        """`confidence`: 1.0 when the context decided (a button, "wat kost dat?"),
        the matcher's score when the question named its own subject."""
        intent = self.knowledge.intents.get(topic or "")
        if intent is None or kind not in FOLLOWUP_KINDS:
            self._not_understood()
            return
        self.intent, self.confidence = intent.id, confidence
        self.state["misses"] = 0
        self.count("followup")
        self.count(f"followup:{kind}")
        text = getattr(intent.followups, kind)
        if text is None:
            self.add(
                self.say("followup_unknown", topic=intent.title.get(self.lang)),
                links=[self.link(link) for link in intent.links],
                buttons=[self.button("button_talk_to_person", "handover:request")],
            )
            return
        self.count("answered")
        self.add(text.get(self.lang))
        self._ask_feedback(intent.id)

    def _ask_feedback(self, intent_id: str) -> None:
        self.state["feedback"] = intent_id
        self.add(
            self.say("feedback_question"),
            buttons=[self.button("button_helpful", "feedback:yes"), self.button("button_not_helpful", "feedback:no")],
        )

    def _request_handover(self, reason: str) -> None:
        self.count("handover_requested")
        self.state.pop("flow", None)
        self.state["misses"] = 0
        # An explicit request goes to the team of the current topic; after repeated
        # misses the topic says little about the question, so the default team takes it.
        topic = self.knowledge.intents.get(self.state.get("topic") or "")
        team = topic.team if topic is not None and reason != "not_understood" else None
        if self.intent is None:
            self.intent = "medewerker" if "medewerker" in self.knowledge.intents else None
        self.messages.extend(self.handover.request(self.conversation, self.knowledge, team=team, reason=reason))

    # ---- guided flows -----------------------------------------------------

    def _start_flow(self, intent: "ResolvedIntent") -> None:
        self.count("flow_started")
        self.state["flow"] = {"intent": intent.id, "slot": 0, "values": {}, "errors": 0}
        first = intent.flow.slots[0]  # type: ignore[union-attr]
        self.add(f"{first.ask.get(self.lang)} {self.say('flow_stop_hint')}")

    def _on_flow_answer(self) -> None:
        flow = self.state["flow"]
        intent = self.knowledge.intents.get(flow["intent"])
        if intent is None or intent.flow is None:  # the knowledge changed under a running flow
            self.state.pop("flow")
            self._on_question()
            return
        self.intent, self.confidence = intent.id, 1.0  # the flow, not the matcher, decided
        if slots.is_stop(self.text):
            self.state.pop("flow")
            self.count("flow_cancelled")
            self.add(self.say("flow_stopped"))
            return
        slot = intent.flow.slots[flow["slot"]]
        value = slots.parse(slot.type, self.text, self.moment.astimezone(AMSTERDAM).date())
        if value is None:
            if self._asks_something_else(intent.id):
                # Not an answer but a new question ("ik wil een mens spreken",
                # "hoe laat zijn jullie open"): leave the flow and answer that.
                self.state.pop("flow")
                self.count("flow_cancelled")
                self._on_question()
                return
            flow["errors"] += 1
            if flow["errors"] >= MAX_FLOW_ERRORS:
                self.state.pop("flow")
                self.count("flow_cancelled")
                self.add(self.say("flow_gave_up"), buttons=[self.button("button_talk_to_person", "handover:request")])
                return
            self.add(slot.invalid.get(self.lang))
            return
        flow["values"][slot.name] = value
        flow["slot"] += 1
        flow["errors"] = 0
        if flow["slot"] < len(intent.flow.slots):
            self.add(intent.flow.slots[flow["slot"]].ask.get(self.lang))
            return
        # Done: the values live only as long as the flow (they may be personal data).
        values = self.state.pop("flow")["values"]
        self.count("flow_completed")
        self.count("answered")
        self.add(
            _fill_text(intent.flow.done.text.get(self.lang), values),
            links=[self.link(link, values) for link in intent.flow.done.links],
        )
        self._ask_feedback(intent.id)

    def _asks_something_else(self, flow_intent: str) -> bool:
        result = self.knowledge.matcher.classify(self.text)
        return result.intent is not None and result.intent != flow_intent and result.intent in self.knowledge.intents


def _handover_state(conversation: Conversation) -> tuple[str, str] | None:
    handover = conversation.handover
    return None if handover is None else (handover.status.value, handover.requested_at.isoformat())


def _fill_text(template: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([a-z][a-z0-9_]*)\}", lambda m: values.get(m.group(1), m.group(0)), template)


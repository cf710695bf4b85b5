"""The dialogue's typed state, stored in `Conversation.state`.

One `DialogueState` per conversation: the current topic, the misses in a row,
the one question the bot asked last (so a typed "ja", "nee", "2" or phone
number answers it), the active flow (a guided flow from the knowledge base or
the callback flow of a handover) and the topics whose feedback was asked.

Models ignore unknown keys: during a deploy old and new code read each other's
items. Conversations written before the state was typed (a plain dict with
`topic`, `misses`, `pending`, `feedback`, `flow`, `handover_flow`) load through
`DialogueState`'s legacy conversion.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_FEEDBACK_TOPICS = 20  # topics remembered for "feedback once per topic"


class _State(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)


# ---- flows ---------------------------------------------------------------------------------------


class GuideFlow(_State):
    """A guided flow of a knowledge-base intent: its slots asked in order."""

    kind: Literal["guide"] = "guide"
    intent: str
    slot: int = 0
    values: dict[str, str] = Field(default_factory=dict)  # may be personal data: gone with the flow
    errors: int = 0


class CallbackFlow(_State):
    """The handover's consent and contact questions (outside office hours, or when
    nobody claimed a live handover in time); it ends in a ticket."""

    kind: Literal["callback"] = "callback"
    team: str
    reason: str = ""
    step: Literal["consent", "contact"] = "consent"
    errors: int = 0
    # Asked to be called ("kan iemand mij bellen"): a phone call, never an answer in the chat of a messaging channel.
    phone_call: bool = False
    # On WhatsApp, "is it the number you are WhatsApping from?" was asked: a yes takes that number.
    this_number_offered: bool = False


Flow = Annotated[GuideFlow | CallbackFlow, Field(discriminator="kind")]


# ---- the question the bot asked last ---------------------------------------------------------------


class FeedbackAsked(_State):
    kind: Literal["feedback"] = "feedback"
    intent: str


class PersonOffered(_State):
    """"Wilt u met een medewerker praten?" (after misses, or after crisis help)."""

    kind: Literal["person_offer"] = "person_offer"
    reason: str = "not_understood"
    urgent: bool = False
    team: str | None = None


class ChoicesOffered(_State):
    """"Bedoelt u ...?" with these intents as buttons (plus "iets anders")."""

    kind: Literal["choices"] = "choices"
    intents: list[str]
    # The question asked (redacted): "iets anders" puts it on the editors' list of unanswered questions.
    question: str | None = None
    # The message named each of these topics ("ik wil verhuizen en mijn hond aanmelden"): after the one
    # chosen, the others are offered, so none is dropped.
    several: bool = False
    # The follow-up asked with no topic yet ("moet ik een eigen bijdrage betalen?": kosten; "is er een
    # noodnummer?": after_hours): the topic chosen answers it (its cost), not with its general answer.
    followup: str | None = None


class MoreTopicsOffered(_State):
    """A message asked about several topics; the first was answered, these wait. `detail`: the
    detail they were told with (a death, `details.DETAIL_KINDS`): each is answered for it."""

    kind: Literal["more_topics"] = "more_topics"
    intents: list[str]
    detail: str | None = None


Asked = Annotated[FeedbackAsked | PersonOffered | ChoicesOffered | MoreTopicsOffered, Field(discriminator="kind")]


class DialogueState(_State):
    topic: str | None = None  # the intent of the last answer: follow-ups resolve against it
    # The detail the last answer was about ("overlijden"): questions about the deceased's things
    # after it keep it ("moet ik zijn paspoort inleveren?"); or half of one the next message may
    # complete (details.LOSS: "ik ben mijn paspoort kwijt", then "ik was in Spanje").
    detail: str | None = None
    # The topic's own detail (`details:` in its knowledge file) the last answer was ("niet_opgehaald"):
    # "wat nu?" after "ons papier is niet opgehaald" is about that, not the waste calendar's postcode.
    own_detail: str | None = None
    misses: int = 0  # turns in a row the bot could not answer
    asked: Asked | None = None  # open question; cleared by the next turn unless asked again
    flow: Flow | None = None
    feedback_open: str | None = None  # the topic whose "Was dit nuttig?" buttons still count
    feedback_asked: list[str] = Field(default_factory=list)  # "Was dit nuttig?" once per topic
    condoled: bool = False  # the word of sympathy after a death was said: once a conversation
    day: date | None = None  # the day the last opening hours were about ("op vrijdag"): "en de dag erna?"
    crisis: str | None = None  # the kind of crisis help just given: the next message may ask about it
    # That help was a danger's own one, not a threat's (a safe place, police): the medical one (112, stay with the person)
    # or labour exploitation's (the Labour Authority's line); or, after suicide help, a threat's help that led it (someone
    # not responding in a closed garage with the engine running): "wat moet ik doen?" next gets it again, which the
    # follow-up's own words cannot tell apart. (Until session 18 a flag `crisis_medical`; read as "medical".)
    crisis_danger: Literal["medical", "exploitation", "threat"] | None = None
    # The organisation of the referral just said (Dienst Toeslagen): "wie moet ik dan bellen?" is about it.
    referral: str | None = None
    # The resident just told they live in another gemeente ("ik woon in Noord"): "is het daar ook gratis?" is about it.
    elsewhere: bool = False
    # The resident said they cannot read Dutch ("ik spreek geen nederlands"): English holds, also when a later message
    # is Dutch words ("paspoort verlengen"), until a Dutch sentence is written or Dutch is asked for.
    no_dutch: bool = False
    # A young child was told of ("mijn dochter is gisteren geboren") and no adult named since: "een paspoort voor haar"
    # is the child's (the topic's `kind` follow-up).
    child: bool = False
    # Questions this conversation put on the editors' list of unanswered questions (`TurnContext.note_unanswered`).
    unanswered: int = 0
    # The guided flow just left for another question before its first answer (the waste calendar's postcode): that
    # answer typed next resumes it (`flows.resume_guide`). Its intent only, no values.
    left_flow: str | None = None
    # The resident was told once that a BSN, an IBAN, a document number or a medical detail need not be shared here
    # (`notices.add_privacy_notice`).
    privacy_told: bool = False
    # Messages that swore at the bot or at staff (`abuse.read`): staff who take the conversation over see it.
    abusive: int = 0

    @model_validator(mode="before")
    @classmethod
    def _legacy_shape(cls, data: Any) -> Any:
        return legacy_state(data) if isinstance(data, dict) else data

    def remember_feedback(self, intent: str) -> None:
        if intent not in self.feedback_asked:
            self.feedback_asked = [*self.feedback_asked, intent][-MAX_FEEDBACK_TOPICS:]


def legacy_state(old: dict[str, Any]) -> dict[str, Any]:
    """The untyped state dict of earlier versions in today's shape (today's shape
    passes through unchanged)."""
    new: dict[str, Any] = {
        key: old[key] for key in ("topic", "detail", "misses", "asked", "feedback_open", "feedback_asked", "condoled", "day",
                                     "crisis", "crisis_danger", "own_detail", "referral", "elsewhere", "no_dutch", "child", "unanswered",
                                     "left_flow", "privacy_told", "abusive")
        if key in old
    }
    if old.get("crisis_medical") is True:
        new["crisis_danger"] = "medical"
    feedback = old.get("feedback")
    if isinstance(feedback, str):
        new["asked"] = {"kind": "feedback", "intent": feedback}
        new["feedback_open"] = feedback
        new["feedback_asked"] = [feedback]
    if old.get("pending") == "handover_offer":  # the offer was the later question
        new["asked"] = {"kind": "person_offer", "reason": "not_understood"}
    flow = old.get("flow")
    if isinstance(flow, dict):
        new["flow"] = flow if "kind" in flow else {"kind": "guide", **flow}
    handover_flow = old.get("handover_flow")
    if isinstance(handover_flow, dict) and handover_flow.get("team"):
        # The old engine ran the handover sub-dialogue before a guided flow.
        new["flow"] = {
            "kind": "callback",
            "team": handover_flow["team"],
            "reason": handover_flow.get("reason", ""),
            "step": handover_flow.get("step", "consent"),
            "errors": int(handover_flow.get("tries", 0)),
        }
    return new

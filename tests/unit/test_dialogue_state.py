"""The typed dialogue state, and conversations stored in the older untyped shape."""
from __future__ import annotations

import json

from core.dialogue.state import CallbackFlow, ChoicesOffered, DialogueState, FeedbackAsked, GuideFlow, PersonOffered
from core.models import Conversation

OLD = {
    "id": "alpha." + "a" * 32, "tenant": "alpha", "channel": "web", "version": 3,
    "created_at": "2026-11-30T10:00:00+01:00", "updated_at": "2026-11-30T10:01:00+01:00",
}


def old_conversation(state: dict) -> Conversation:
    return Conversation.model_validate_json(json.dumps({**OLD, "state": state}))


def test_an_old_state_with_topic_feedback_and_a_guided_flow_loads() -> None:
    conversation = old_conversation({
        "topic": "afvalkalender", "misses": 1, "feedback": "paspoort",
        "flow": {"intent": "afvalkalender", "slot": 1, "values": {"postcode": "1234 AB"}, "errors": 2},
        "_unanswered_keys": [["T#alpha#UNANSWERED#2026-11-30", "2026-11-30T10:00:00+01:00#x#0"]],
    })
    state = conversation.state
    assert state.topic == "afvalkalender" and state.misses == 1
    assert state.asked == FeedbackAsked(intent="paspoort") and state.feedback_open == "paspoort"
    assert state.feedback_asked == ["paspoort"]
    assert state.flow == GuideFlow(intent="afvalkalender", slot=1, values={"postcode": "1234 AB"}, errors=2)
    assert conversation.unanswered_keys == [("T#alpha#UNANSWERED#2026-11-30", "2026-11-30T10:00:00+01:00#x#0")]


def test_an_old_pending_offer_and_handover_flow_load() -> None:
    state = old_conversation({
        "pending": "handover_offer", "feedback": "paspoort",
        "flow": {"intent": "afvalkalender", "slot": 0, "values": {}, "errors": 0},
        "handover_flow": {"step": "contact", "team": "burgerzaken", "reason": "asked", "tries": 1},
    }).state
    assert state.asked == PersonOffered(reason="not_understood")  # the later question wins
    # The old engine answered the handover sub-dialogue before a guided flow.
    assert state.flow == CallbackFlow(team="burgerzaken", reason="asked", step="contact", errors=1)


def test_todays_shape_round_trips_and_unknown_keys_are_ignored() -> None:
    state = DialogueState(topic="paspoort", asked=ChoicesOffered(intents=["paspoort", "id-kaart"]),
                          flow=CallbackFlow(team="kcc"), feedback_asked=["paspoort"], no_dutch=True)
    dumped = state.model_dump(mode="json")
    assert DialogueState.model_validate(dumped) == state
    assert DialogueState.model_validate({**dumped, "added_by_a_newer_version": 1}) == state


def test_feedback_topics_are_remembered_once_and_bounded() -> None:
    state = DialogueState()
    for index in range(30):
        state.remember_feedback(f"topic-{index}")
        state.remember_feedback(f"topic-{index}")
    assert len(state.feedback_asked) == 20 and state.feedback_asked[-1] == "topic-29"

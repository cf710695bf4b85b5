"""The editor offers the follow-up kinds a shared topic does not answer (session 23, staff23): a gemeente's own
answer to such a kind could only be sent to the API (PUT `followups`), the page showed the kinds the shared text
or the draft answers only. `IntentDetail.followup_choices`: every kind of the knowledge format neither answers,
in the format's order, none for a gemeente's own topic.

On test_editor20_own_answers' world: the small base's passport (without an "online" text)."""
from __future__ import annotations

from core.editor.drafts import IntentDraft
from core.kb.models import FOLLOWUP_KINDS
from test_editor20_own_answers import OWN_URGENT, world  # noqa: F401 - the module's fixture
from test_kb_editor import EDITOR, World, shared  # noqa: F401 - the module's fixture


def test_the_kinds_not_answered_are_offered_and_leave_the_choice_once_answered(world: World) -> None:
    detail = world.editor.intent(EDITOR, "paspoort")
    answered = [item.key for item in detail.followup_answers]
    offered = [item.key for item in detail.followup_choices]
    assert "online" in offered and not set(answered) & set(offered)
    assert sorted(answered + offered, key=FOLLOWUP_KINDS.index) == list(FOLLOWUP_KINDS)  # each kind once
    assert all(item.shared is None and item.own is None and item.asked.startswith("Vervolgvraag") for item in detail.followup_choices)

    detail = world.editor.put(EDITOR, "paspoort", IntentDraft(followups={"online": OWN_URGENT}))
    assert "online" not in [item.key for item in detail.followup_choices]
    assert "online" in [item.key for item in detail.followup_answers]
    detail = world.editor.put(EDITOR, "paspoort", IntentDraft())  # emptied: it is a choice again
    assert "online" in [item.key for item in detail.followup_choices]

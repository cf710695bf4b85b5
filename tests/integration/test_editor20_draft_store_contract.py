"""One contract for the knowledge-base editor's DraftStore: in memory (unit tests) and DynamoDB (moto, the table
from template.yaml). Session 20 (editor20): a draft with the gemeente's own follow-up, detail and detail
follow-up answers comes back whole, keyed by the names as written; a stale revision loses; the audit trail keeps
the fields an edit changed (`followups.kosten`, `details.kwijt_buitenland`), newest first."""
from __future__ import annotations

from datetime import datetime, timedelta

import boto3
import pytest

from adapters.dynamodb_drafts import DynamoDBDrafts
from core.editor.drafts import AuditEntry, Change, Draft, DraftText, IntentDraft
from core.errors import Conflict
from core.memory import InMemoryDrafts

MOMENT = datetime.fromisoformat("2026-12-07T10:00:00+01:00")
OWN = DraftText(nl="In Alpha kost een paspoort 80 euro.", en="In Alpha a passport costs 80 euros.")


@pytest.fixture(params=["memory", "dynamodb"])
def drafts(request):
    if request.param == "memory":
        return InMemoryDrafts()
    deployment = request.getfixturevalue("mock_aws")
    return DynamoDBDrafts(boto3.client("dynamodb"), deployment.merged_environment()["TABLE_NAME"])


def test_a_draft_with_own_followup_and_detail_answers_comes_back_whole(drafts) -> None:
    assert drafts.get("alpha") is None
    draft = Draft(tenant="alpha", revision=1, intents={"paspoort": IntentDraft(
        followups={"kosten": OWN}, details={"kwijt_buitenland": OWN, "andere_nationaliteit": OWN},
        detail_followups={"kwijt_buitenland": {"online": OWN}})},
        changes=[Change(intent="paspoort", fields=["followups.kosten", "details.kwijt_buitenland"], by="eva", at=MOMENT)])
    drafts.save(draft, 0)
    assert drafts.get("alpha") == draft
    assert drafts.get("beta") is None  # another gemeente's draft is its own

    with pytest.raises(Conflict):  # an editor who saved on revision 0 meanwhile loses
        drafts.save(draft.model_copy(update={"revision": 1, "intents": {}}), 0)
    assert drafts.get("alpha") == draft
    drafts.save(draft.model_copy(update={"revision": 2, "intents": {}}), 1)
    assert drafts.get("alpha") == Draft(tenant="alpha", revision=2, changes=draft.changes)


def test_the_audit_names_the_own_answers_an_edit_changed_newest_first(drafts) -> None:
    first = AuditEntry(action="edit", at=MOMENT, by="eva", intent="paspoort", fields=["followups.kosten"])
    later = AuditEntry(action="edit", at=MOMENT + timedelta(minutes=1), by="eva", intent="paspoort",
                       fields=["details.kwijt_buitenland", "detail_followups.kwijt_buitenland.online"])
    drafts.add_audit("alpha", first)
    drafts.add_audit("alpha", later)
    assert drafts.audit("alpha") == [later, first]
    assert drafts.audit("beta") == []

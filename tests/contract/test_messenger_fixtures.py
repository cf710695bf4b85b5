"""Contract of the Messenger and Instagram channel with the 54 real webhook bodies written by
others (tests/fixtures/messenger, SOURCES.md there): each one reads as its kind says, and
Meta's delivery of it (signed, to the tenant's Page or Instagram account, now) is
accepted by the webhook (200), queued once per event and carried out by the worker
without a failed record, against the `mock_aws` fixture."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import boto3
import pytest

from balie_local.events import LambdaContext, SqsMessage, http_api_event, sqs_event
from balie_local.messenger_cmd import delivered
from balie_local.template_resources import Deployment
from channels import messenger
from channels.meta import sign
from core.messaging.events import BusinessMessage, MessageEdited, MessageUnsent, ResidentMessage, ThreadControl
from handlers import messenger_webhook, messenger_worker

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "messenger"
PAGE, INSTAGRAM = "12345654332", "17841452691600098"  # tenants/voorbeeld.yaml messenger:
APP_SECRET = "test-app-secret"  # the mock_aws fixture's Meta app secret

# What each body is, as (events, ignored): an event is "text", "button", "media", "unsupported",
# "location" (a resident's message of that kind), "edit", "unsend", "echo" (the business wrote),
# or "passed"/"taken"/"requested" (thread control); ignored are the reasons it is not acted on.
EXPECTED: dict[str, tuple[list[str], list[str]]] = {
    "botbuilder_postback_title_referral": (["text"], []),
    "botbuilder_signed_text": (["text"], []),
    "botbuilder_standby_batched": (["text"], ["standby", "standby"]),
    "botman_message_audio": (["media"], []),
    "botman_message_file": (["media"], []),
    "botman_message_two_images": (["media"], []),
    "botman_message_video": (["media"], []),
    "botman_optin_user_ref_no_sender": ([], ["event without sender"]),
    "botman_signed_text_sha1": (["text"], []),
    "bottender_batched_two_entries": (["text", "text"], []),
    "chatwoot_instagram_seen": ([], ["read"]),
    "chatwoot_instagram_share": (["unsupported"], []),
    "chatwoot_instagram_standby": ([], ["standby"]),
    "chatwoot_instagram_story_mention": (["unsupported"], []),
    "chatwoot_instagram_story_mention_echo": (["echo"], []),
    "chatwoot_instagram_story_reply": (["text"], []),
    "chatwoot_instagram_text": (["text"], []),
    "chatwoot_instagram_unsend": (["unsend"], []),
    "kerox_standby_quick_reply": ([], ["standby"]),
    "messenger4j_message_echo_template": (["echo"], []),
    "messenger4j_message_multiple_attachments": (["unsupported"], []),
    "messenger4j_referral_ads": ([], ["referral"]),
    "messenger4j_signed_text_sha1": (["text"], []),
    "messenger4j_unsupported_event_type": ([], ["event EVENT_TYPE_THAT_IS_UNSUPPORTED"]),
    "restfb_delivery": ([], ["delivery"]),
    "restfb_instagram_seen": ([], ["read"]),
    "restfb_instagram_unsupported_attachment": (["unsupported"], []),
    "restfb_message_deleted": (["unsend"], []),
    "restfb_message_echo": (["echo"], []),
    "restfb_message_edit": (["edit"], []),
    "restfb_message_fallback": (["unsupported"], []),
    "restfb_message_image": (["media"], []),
    "restfb_message_location": (["location"], []),
    "restfb_message_prior_message": (["text"], []),
    "restfb_message_quick_reply": (["text"], []),
    "restfb_message_reply_to": (["text"], []),
    "restfb_message_reply_to_story": (["text"], []),
    "restfb_message_sticker": (["media"], []),
    "restfb_message_sticker_thumbsup": (["media"], []),
    "restfb_message_text": (["text"], []),
    "restfb_message_unsupported": (["unsupported"], []),
    "restfb_optin": ([], ["optin"]),
    "restfb_optin_user_ref": ([], ["optin"]),
    "restfb_pass_thread_control": (["passed"], []),
    "restfb_postback": (["text"], []),
    "restfb_postback_chat_plugin_user_ref": (["text"], []),
    "restfb_postback_referral": (["text"], []),
    "restfb_reaction_react": ([], ["reaction"]),
    "restfb_reaction_unreact": ([], ["reaction"]),
    "restfb_read": ([], ["read"]),
    "restfb_referral_shortlink": ([], ["referral"]),
    "restfb_request_thread_control": (["requested"], []),
    "restfb_standby_echo": ([], ["standby"]),
    "restfb_take_thread_control": (["taken"], []),
}


def kind_of(event) -> str:
    if isinstance(event, ResidentMessage):
        return event.kind.value
    if isinstance(event, ThreadControl):
        return event.change
    return {MessageEdited: "edit", MessageUnsent: "unsend", BusinessMessage: "echo"}[type(event)]


def body_of(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def test_every_fixture_has_its_source_and_its_expected_kind() -> None:
    names = sorted(path.stem for path in FIXTURES.glob("*.json"))
    assert len(names) == 54 and names == sorted(EXPECTED)
    sources = (FIXTURES / "SOURCES.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^\| `([a-z0-9_]+)\.json` \|", sources, flags=re.M)) == set(names)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_body_reads_as_its_kind(name: str) -> None:
    parsed = messenger.parse_webhook(body_of(name))
    events, ignored = EXPECTED[name]
    assert ([kind_of(event) for event in parsed.events], [reason for _, reason in parsed.ignored]) == (events, ignored)


def post(raw: bytes, secret: str = APP_SECRET) -> dict:
    event = http_api_event("POST", "/v1/messenger/webhook", body=raw,
                           headers={"content-type": "application/json", "x-hub-signature-256": sign(raw, secret)})
    return messenger_webhook.handler(event, LambdaContext("MessengerWebhookFunction"))


def queued_events(deployment: Deployment) -> list[dict]:
    sqs = boto3.client("sqs")
    url = deployment.queues["MessengerInboundQueue"]
    messages = []
    while True:
        batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, AttributeNames=["All"]).get("Messages", [])
        if not batch:
            return messages
        for message in batch:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
        messages.extend(batch)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metas_delivery_of_the_body_is_accepted_queued_once_and_carried_out(name: str, mock_aws: Deployment,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)
    monkeypatch.setenv("BALIE_NOW", now.isoformat())
    raw = (FIXTURES / f"{name}.json").read_bytes()
    # As the upstream project sent it: no tenant's account, so acknowledged and dropped.
    as_written = post(raw)
    assert as_written["statusCode"] == 200 and json.loads(as_written["body"])["queued"] == 0
    assert post(raw, secret="not-the-app-secret")["statusCode"] == 401
    # As Meta would deliver it now to the tenant's Page or Instagram account.
    body = json.dumps(delivered(body_of(name), now, page_id=PAGE, instagram_account_id=INSTAGRAM)).encode("utf-8")
    events, ignored = EXPECTED[name]
    answer = post(body)
    assert answer["statusCode"] == 200, answer
    assert json.loads(answer["body"]) == {"queued": len(events), "duplicates": 0, "statuses": 0, "ignored": len(ignored)}
    # Meta's retry: queued again under Meta's ids, which the FIFO queue drops as copies (the webhook marks nothing
    # seen: a webhook that died between marking and queueing lost the event), so nothing is queued twice.
    assert json.loads(post(body)["body"]) == {"queued": len(events), "duplicates": 0, "statuses": 0, "ignored": len(ignored)}
    records = queued_events(mock_aws)
    assert len(records) == len(events)
    if not records:
        return
    event = sqs_event([SqsMessage(body=record["Body"], message_group_id=record["Attributes"]["MessageGroupId"],
                                  deduplication_id=record["Attributes"]["MessageDeduplicationId"]) for record in records],
                      queue_name="balie-local-MessengerInboundQueue.fifo")
    result = messenger_worker.handler(event, LambdaContext("MessengerWorkerFunction", timeout_seconds=60))
    assert result == {"batchItemFailures": []}

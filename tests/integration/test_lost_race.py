"""Effects exactly once, on the local stack: a version conflict forced in the middle of a
handover turn (another writer changes the conversation between the turn's read and its
write) makes the engine decide again and write once; the lost attempt carried out
nothing. Through a whole story, a live request that nobody takes (one timeout), then
the callback request (one ticket, registered once in the gemeente's Open Klant).
Erasing a ticketed conversation removes the ticket and names the Open Klant records Balie
cannot remove, with the calls that would.

The tenant is alpha of the engine test knowledge base, published again at run time with
an Open Klant (conftest.FakeOpenKlant on a free port).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml

from balie_local.events import sqs_event
from balie_local.stack import LocalStack
from balie_local.tenant_cmd import publish_documents
from stack_support import ENGINE_KB, FakeOpenKlant
from handlers.wiring import aws_client
from http_support import json_headers, send

MONDAY_MORNING = "2026-11-30T10:00:00+01:00"
TEN_PAST = "2026-11-30T10:10:00+01:00"
SATURDAY_EVENING = "2026-11-28T21:30:00+01:00"  # alpha is closed: asking for a person ends in a ticket


@pytest.fixture(scope="module")
def open_klant_url() -> Iterator[str]:
    FakeOpenKlant.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenKlant)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/klantinteracties/api/v1"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def stack(kb_dir: Path, start_local_stack: Any, open_klant_url: str) -> Iterator[LocalStack]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KB_DIR", str(kb_dir))
        patch.setenv("BALIE_NOW", MONDAY_MORNING)
        with start_local_stack(tenants_dir=ENGINE_KB / "tenants", run_pollers=False) as running:
            alpha = yaml.safe_load((ENGINE_KB / "tenants" / "alpha.yaml").read_text(encoding="utf-8"))
            publish_documents([{**alpha, "open_klant": {"url": open_klant_url}}])  # version 2, live at once
            yield running


class Rival:
    """Another writer: changes the conversation once, right before the turn's own
    TransactWriteItems goes out (the turn read the conversation before)."""

    def __init__(self, stack: LocalStack, conversation_id: str) -> None:
        assert stack.deployment is not None
        self.table = stack.deployment.tables["BalieTable"]
        self.other = stack.client("dynamodb")  # not the handlers' client: no hook there
        self.key = {"pk": {"S": f"T#alpha#C#{conversation_id}"}, "sk": {"S": "CONV"}}
        self.fired = 0

    def __call__(self, params: dict[str, Any], **_: Any) -> None:
        puts = [entry["Put"]["Item"] for entry in params.get("TransactItems", []) if "Put" in entry]
        if self.fired or not any(item.get("pk") == self.key["pk"] and item.get("sk") == self.key["sk"] for item in puts):
            return
        self.fired += 1
        self.other.update_item(TableName=self.table, Key=self.key, UpdateExpression="SET version = version + :one",
                               ExpressionAttributeValues={":one": {"N": "1"}})


def say(stack: LocalStack, text: str, conversation_id: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"tenant": "alpha", "message": text}
    if conversation_id:
        body["conversationId"] = conversation_id
    answer = send(stack.url + "/v1/chat", "POST", body, json_headers())
    assert answer.status == 200, answer.json()
    return answer.json()


def in_a_lost_race(stack: LocalStack, conversation_id: str, text: str) -> dict[str, Any]:
    """The turn, with a rival write between its read and its write."""
    rival = Rival(stack, conversation_id)
    events = aws_client("dynamodb").meta.events  # the client every handler of this process uses
    events.register("before-parameter-build.dynamodb.TransactWriteItems", rival)
    try:
        reply = say(stack, text, conversation_id)
    finally:
        events.unregister("before-parameter-build.dynamodb.TransactWriteItems", rival)
    assert rival.fired == 1  # the race was lost once
    return reply


def queued(stack: LocalStack, queue: str) -> list[str]:
    """How many messages the queue holds: visible, delayed, in flight (none is touched)."""
    assert stack.deployment is not None
    sqs = stack.client("sqs")
    url = stack.deployment.queues[queue]
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    return [attributes["ApproximateNumberOfMessages"], attributes["ApproximateNumberOfMessagesDelayed"],
            attributes["ApproximateNumberOfMessagesNotVisible"]]


def test_a_lost_race_in_a_handover_turn_leaves_one_timeout_one_ticket_and_one_open_klant_record(
        stack: LocalStack, monkeypatch: pytest.MonkeyPatch) -> None:
    conversation_id = say(stack, "hallo")["conversationId"]

    # Office hours: a person is asked for; the turn loses a race and is decided again.
    reply = in_a_lost_race(stack, conversation_id, "ik wil een medewerker spreken")
    assert reply["handover"]["status"] == "live"
    assert queued(stack, "HandoverTimeoutQueue") == ["0", "1", "0"]  # one timeout, delayed by alpha's limit

    # Nobody came: the timeout arrives (invoked now, as its delay would) and offers a callback.
    monkeypatch.setenv("BALIE_NOW", TEN_PAST)
    message = {"tenant": "alpha", "conversationId": conversation_id, "requestedAt": MONDAY_MORNING}
    event = sqs_event([message], queue_name="balie-local-HandoverTimeoutQueue")
    assert stack.invoke("HandoverTimeoutFunction", event) == {"batchItemFailures": []}
    assert stack.invoke("HandoverTimeoutFunction", event) == {"batchItemFailures": []}  # delivered twice: no-op
    page = send(f"{stack.url}/v1/chat/{conversation_id}/messages", "GET").json()
    assert sum("geen medewerker vrij" in m["text"] for m in page["messages"]) == 1

    # The callback: consent, then the contact; that turn loses a race too.
    say(stack, "ja graag", conversation_id)
    done = in_a_lost_race(stack, conversation_id, "bel me op 06 12345678")
    assert done["handover"]["status"] == "queued"
    assert stack.drain("TicketIntakeFunction") == 1  # one ticket handed over, not two
    staff = stack.auth.tokens["alpha"]
    tickets = send(f"{stack.url}/v1/staff/tickets", "GET", None, json_headers(token=staff)).json()["tickets"]
    assert [t["conversationId"] for t in tickets] == [conversation_id]
    paths = [path.rsplit("/", 1)[1] for path, _, _ in FakeOpenKlant.received]
    assert paths.count("internetaken") == 1 and paths.count("klantcontacten") == 1
    assert tickets[0]["openKlant"]["interneTaak"]

    # Nothing was left in the outbox for the sweeper to repeat.
    assert stack.invoke("OutboxSweeperFunction", {"detail-type": "Scheduled Event", "source": "aws.events",
                                                  "detail": {}}) == {"carriedOut": 0, "failed": 0, "erased": 0}
    stored = json.dumps(send(f"{stack.url}/v1/staff/conversations/{conversation_id}", "GET", None,
                             json_headers(token=staff)).json(), ensure_ascii=False)
    assert stored.count("06 12345678") == 0  # the contact is on the ticket, not in the transcript


def test_erasing_a_ticketed_conversation_names_the_open_klant_records_it_cannot_remove(
        stack: LocalStack, open_klant_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BALIE_NOW", SATURDAY_EVENING)
    conversation_id = say(stack, "ik wil een medewerker spreken")["conversationId"]
    say(stack, "ja", conversation_id)
    assert say(stack, "bel me op 06 12345678", conversation_id)["handover"]["status"] == "queued"
    assert stack.drain("TicketIntakeFunction") == 1
    staff = json_headers(token=stack.auth.tokens["alpha"])
    [ticket] = [t for t in send(f"{stack.url}/v1/staff/tickets", "GET", None, staff).json()["tickets"]
                if t["conversationId"] == conversation_id]
    created = ticket["openKlant"]

    answer = send(f"{stack.url}/v1/chat/{conversation_id}", "DELETE")  # the resident's own erasure
    assert answer.status == 200 and answer.json()["deleted"] is True
    [copies] = answer.json()["notErased"]
    assert copies["system"] == "open_klant" and copies["calls"] == [
        f"DELETE {open_klant_url}/internetaken/{created['interneTaak']}",
        f"DELETE {open_klant_url}/digitaleadressen/{created['digitaalAdres0']}",
        f"DELETE {open_klant_url}/betrokkenen/{created['betrokkene']}",
        f"DELETE {open_klant_url}/klantcontacten/{created['klantcontact']}"]
    listed = send(f"{stack.url}/v1/staff/tickets", "GET", None, staff).json()["tickets"]
    assert conversation_id not in json.dumps(listed)
    assert send(f"{stack.url}/v1/staff/conversations/{conversation_id}", "GET", None, staff).status == 404

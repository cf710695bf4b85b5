"""What integration tests share besides fixtures: conftest.py holds the fixtures, and a test
never imports a conftest by name (tests/unit/test_suite_layout.py), so the shared names live here."""
from __future__ import annotations

import json
import logging
import re
import uuid
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from adapters.dynamodb_store import document_json
from core.privacy import normalise

if TYPE_CHECKING:
    from balie_local.stack import LocalStack

# The engine tests' knowledge base and tenants (alpha, beta), also loaded by several local stacks.
ENGINE_KB = Path(__file__).resolve().parents[1] / "unit" / "data" / "kb_engine"


# What logging itself puts on every record (process id, line number, times): numbers that
# are not the resident's and that a short secret such as the postcode area "1234" can equal.
LOG_RECORD_FIELDS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def found(secret: str, text: str) -> bool:
    """The secret as a word (short names must not match inside other words), or its digits.

    A short number (a postcode area) is not counted inside a hyphenated generated id: a UUID's
    four-digit group "-1234-" in a request id is chance, not the resident's postcode.
    """
    plain = normalise(secret)
    edge = r"[\w-]" if plain.isdigit() else r"\w"
    if re.search(rf"(?<!{edge}){re.escape(plain)}(?!{edge})", normalise(text), re.IGNORECASE):
        return True
    digits = re.sub(r"\D", "", plain)
    # The digits in any grouping, as one number (not strung together from separate ones).
    spaced = r"[ .\-]?".join(digits)
    return len(digits) >= 6 and re.search(rf"(?<!\d){spaced}(?!\d)", normalise(text)) is not None


def everything_stored(stack: "LocalStack") -> str:
    """Every item of every table and every message waiting on a queue, as text."""
    assert stack.deployment is not None
    dynamodb = stack.client("dynamodb")
    texts: list[str] = []
    for table in stack.deployment.tables.values():
        arguments: dict[str, Any] = {"TableName": table}
        while True:
            page = dynamodb.scan(**arguments)
            for item in page["Items"]:
                texts.append(document_json(item) if "doc" in item else json.dumps(
                    {name: value for name, value in item.items() if "B" not in value}, ensure_ascii=False))
            if "LastEvaluatedKey" not in page:
                break
            arguments["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    sqs = stack.client("sqs")
    for url in stack.deployment.queues.values():
        answer = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0)
        texts += [message["Body"] for message in answer.get("Messages", [])]
    return "\n".join(texts)


def logged(caplog: Any, capfd: Any) -> str:
    """Every log record of the test (its message, traceback and extra fields) and what the process printed."""
    printed = capfd.readouterr()
    return "\n".join(f"{record.getMessage()} {record.exc_text or ''} "
                     f"{ {name: value for name, value in vars(record).items() if name not in LOG_RECORD_FIELDS} }"
                     for record in caplog.records) + printed.out + printed.err


class FakeOpenKlant(BaseHTTPRequestHandler):
    """Open Klant's Klantinteracties API as far as Balie uses it: POST creates a resource (kept by its path), PATCH
    changes the fields it sends of one created before (404 for an unknown one)."""

    received: list[tuple[str, dict, str | None]] = []  # the POSTs
    patched: list[tuple[str, dict, str | None]] = []
    resources: dict[str, dict] = {}  # "/.../internetaken/<uuid>" -> the resource now
    fail_path: str | None = None

    def _body(self) -> dict:
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))

    def _answer(self, status: int, answer: dict | None = None) -> None:
        raw = json.dumps(answer).encode() if answer is not None else b""
        self.send_response(status)
        if answer is not None:
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def do_POST(self) -> None:  # noqa: N802 (http.server naming)
        body = self._body()
        type(self).received.append((self.path, body, self.headers.get("Authorization")))
        if self.path == type(self).fail_path:
            self._answer(400)
            return
        created = dict(body, uuid=str(uuid.uuid4()))
        type(self).resources[f"{self.path}/{created['uuid']}"] = created
        self._answer(201, created)

    def do_PATCH(self) -> None:  # noqa: N802 (http.server naming)
        body = self._body()
        type(self).patched.append((self.path, body, self.headers.get("Authorization")))
        known = type(self).resources.get(self.path)
        if known is None or self.path.startswith(type(self).fail_path or "\0"):
            self._answer(404 if known is None else 400)
            return
        known.update(body)
        self._answer(200, known)

    def log_message(self, *args: object) -> None:
        pass

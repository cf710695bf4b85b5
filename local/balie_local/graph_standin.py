"""A stand-in for Meta's Graph API messages endpoint, for the local stack and tests.

`POST /{version}/{phone-number-id}/messages` checks the bearer token, checks the
body like the Cloud API would (recipient, type, WhatsApp's length limits),
keeps the message and answers like Meta (`{"messaging_product", "contacts",
"messages": [{"id": "wamid..."}]}`). `GET /dev/whatsapp/outbox` lists what was
sent. Errors use Meta's error body shape, so the real client code paths run.
"""
from __future__ import annotations

import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MESSAGES_PATH = re.compile(r"^/(?P<version>v\d+\.\d+)/(?P<phone_number_id>[^/]+)/messages/?$")
OUTBOX_PATH = "/dev/whatsapp/outbox"

Answer = tuple[int, str, bytes]  # status, content type, body


def _error(status: int, code: int, message: str) -> Answer:
    body = {"error": {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": secrets.token_hex(8)}}
    return status, "application/json", json.dumps(body).encode("utf-8")


def limit_problem(payload: dict[str, Any]) -> str | None:
    """The first WhatsApp limit the payload breaks, or None."""
    kind = payload.get("type")
    if kind == "text":
        body = (payload.get("text") or {}).get("body") or ""
        return None if 0 < len(body) <= 4096 else "text.body must be 1..4096 characters"
    if kind == "interactive":
        interactive = payload.get("interactive") or {}
        if len((interactive.get("body") or {}).get("text") or "") > 1024:
            return "interactive.body.text longer than 1024"
        action = interactive.get("action") or {}
        if interactive.get("type") == "button":
            buttons = action.get("buttons") or []
            titles = [b["reply"]["title"] for b in buttons]
            ids = [b["reply"]["id"] for b in buttons]
            if not 1 <= len(buttons) <= 3 or len(set(titles)) != len(titles) or len(set(ids)) != len(ids):
                return "1..3 buttons with unique titles and ids"
            if any(len(t) > 20 for t in titles) or any(len(b["reply"]["id"]) > 256 for b in buttons):
                return "button title > 20 or id > 256"
        elif interactive.get("type") == "list":
            rows = [row for section in action.get("sections") or [] for row in section.get("rows") or []]
            if not 1 <= len(rows) <= 10 or len(action.get("button") or "") > 20:
                return "1..10 rows and a button label of at most 20"
            if len({row["id"] for row in rows}) != len(rows) or len({row["title"] for row in rows}) != len(rows):
                return "row ids and titles must be unique"
            if any(len(r["title"]) > 24 or len(r.get("description", "")) > 72 or len(r["id"]) > 200 for r in rows):
                return "row title > 24, description > 72 or id > 200"
        else:
            return "unknown interactive type"
        return None
    if kind == "template":
        return None if (payload.get("template") or {}).get("name") else "template.name missing"
    return f"unsupported type {kind!r}"


@dataclass
class GraphStandIn:
    """The stand-in's state; thread-safe because the HTTP front serves in threads."""

    access_token: str
    outbox: list[dict[str, Any]] = field(default_factory=list)
    # Scripted failures for tests and demos: each POST pops the first entry
    # (status, Meta error code) before answering normally.
    failures: list[tuple[int, int]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer | None:
        """Answers a request meant for the stand-in; None when the path is not ours."""
        path = path.split("?", 1)[0]
        if path == OUTBOX_PATH and method == "GET":
            with self._lock:
                listed = list(self.outbox)
            return 200, "application/json", json.dumps({"messages": listed}, ensure_ascii=False).encode("utf-8")
        match = MESSAGES_PATH.match(path)
        if match is None or method != "POST":
            return None
        authorization = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
        if not secrets.compare_digest(authorization.encode(), f"Bearer {self.access_token}".encode()):
            return _error(401, 190, "Invalid OAuth access token.")
        with self._lock:
            if self.failures:
                status, code = self.failures.pop(0)
                return _error(status, code, "Scripted failure of the stand-in.")
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return _error(400, 100, "The body is not JSON.")
        if not isinstance(payload, dict) or payload.get("messaging_product") != "whatsapp":
            return _error(400, 100, "messaging_product must be whatsapp.")
        recipient = payload.get("to") or payload.get("recipient")
        if not recipient:
            return _error(400, 100, "The parameter to is required.")
        problem = limit_problem(payload)
        if problem:
            return _error(400, 100, f"Invalid parameter: {problem}")
        wamid = "wamid.LOCAL" + secrets.token_hex(12).upper()
        with self._lock:
            self.outbox.append(
                {
                    "id": wamid,
                    "phoneNumberId": match.group("phone_number_id"),
                    "to": recipient,
                    "at": datetime.now(timezone.utc).isoformat(),
                    "payload": payload,
                }
            )
        answer = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": recipient, "wa_id": recipient}],
            "messages": [{"id": wamid}],
        }
        return 200, "application/json", json.dumps(answer).encode("utf-8")

    def clear(self) -> None:
        with self._lock:
            self.outbox.clear()
            self.failures.clear()


def serve(standin: GraphStandIn, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Serves the stand-in on its own port in a daemon thread (tests); the
    local stack instead routes to `handle` from its HTTP front."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            answer = standin.handle(self.command, self.path, dict(self.headers.items()), body)
            status, content_type, data = answer or (404, "application/json", b'{"error": {"code": 803}}')
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet in tests
            return

    server = ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True, name="graph-standin").start()
    return server

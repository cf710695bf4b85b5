"""A stand-in for Meta's Graph API send endpoints, for the local stack and tests.

- WhatsApp Cloud API: `POST /{version}/{phone-number-id}/messages` checks the bearer
  token, checks the body like the Cloud API would (recipient, type, WhatsApp's length
  limits), keeps the message and answers like Meta (`{"messaging_product", "contacts",
  "messages": [{"id": "wamid..."}]}`). `GET /dev/whatsapp/outbox` lists what was sent.
- Messenger Platform Send API (Messenger and Instagram): `POST /{version}/me/messages`
  (or `/{version}/{page-or-ig-id}/messages`) with a Page access token (bearer or
  `access_token`), checked like Meta would (recipient, messaging type and tag,
  Messenger's limits: text 2,000 characters, Instagram's 1,000 bytes, at most 13 quick
  replies of 20 characters, button templates of at most 3 buttons); answers
  `{"recipient_id", "message_id"}`. `POST /{version}/me/pass_thread_control` (the
  handover protocol) is kept in `thread_passes`. `GET /dev/messenger/outbox` lists both.
  Which token belongs to which Page or Instagram account is `messenger.accounts`.

The two share the path `/{version}/{id}/messages`; the body tells them apart
(`messaging_product: whatsapp`). Errors use Meta's error body shape, so the real client
code paths run; `failures` scripts errors for tests and demos.
"""
from __future__ import annotations

import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs

MESSAGES_PATH = re.compile(r"^/(?P<version>v\d+\.\d+)/(?P<phone_number_id>[^/]+)/messages/?$")
HANDOVER_PATH = re.compile(r"^/(?P<version>v\d+\.\d+)/(?P<account>[^/]+)/pass_thread_control/?$")
OUTBOX_PATH = "/dev/whatsapp/outbox"
MESSENGER_OUTBOX_PATH = "/dev/messenger/outbox"

Answer = tuple[int, str, bytes]  # status, content type, body
# A scripted failure: (HTTP status, Meta error code) or (status, code, error subcode).
Failure = tuple[int, ...]


def _error(status: int, code: int, message: str, subcode: int | None = None) -> Answer:
    error: dict[str, Any] = {"message": message, "type": "OAuthException", "code": code,
                             "fbtrace_id": secrets.token_hex(8)}
    if subcode is not None:
        error["error_subcode"] = subcode
    return status, "application/json", json.dumps({"error": error}).encode("utf-8")


def _json_answer(value: Any) -> Answer:
    return 200, "application/json", json.dumps(value, ensure_ascii=False).encode("utf-8")


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


def send_api_problem(payload: dict[str, Any], *, instagram: bool, human_agent: bool) -> str | None:
    """The first Send API rule the request body breaks, or None."""
    target = payload.get("recipient")
    if not isinstance(target, dict) or not (target.get("id") or target.get("user_ref")):
        return "recipient.id or recipient.user_ref is required"
    messaging_type = payload.get("messaging_type")
    if messaging_type not in ("RESPONSE", "UPDATE", "MESSAGE_TAG"):
        return "messaging_type must be RESPONSE, UPDATE or MESSAGE_TAG"
    if messaging_type == "MESSAGE_TAG":
        if payload.get("tag") != "HUMAN_AGENT":
            return "only the HUMAN_AGENT tag is known here"
        if not human_agent:
            return "permission: the app may not use the HUMAN_AGENT tag"
    elif "tag" in payload:
        return "tag is only allowed with messaging_type MESSAGE_TAG"
    message = payload.get("message")
    if not isinstance(message, dict):
        return "message is required"
    text, attachment = message.get("text"), message.get("attachment")
    if (text is None) == (attachment is None):
        return "message needs either text or attachment"
    if text is not None:
        if not isinstance(text, str) or not text:
            return "message.text must not be empty"
        if instagram and len(text.encode("utf-8")) > 1000:
            return "Instagram: message.text longer than 1000 bytes"
        if not instagram and len(text) > 2000:
            return "message.text longer than 2000 characters"
    if attachment is not None:
        problem = _template_problem(attachment, instagram=instagram)
        if problem:
            return problem
    quick = message.get("quick_replies")
    if quick is not None:
        if not isinstance(quick, list) or not 1 <= len(quick) <= 13:
            return "1..13 quick_replies"
        for reply in quick:
            if reply.get("content_type") != "text" or not 1 <= len(reply.get("title") or "") <= 20:
                return "quick reply: content_type text and a title of 1..20 characters"
            if not 1 <= len(reply.get("payload") or "") <= 1000:
                return "quick reply payload of 1..1000 characters"
    metadata = message.get("metadata")
    if metadata is not None and (instagram or len(metadata) > 1000):
        return "message.metadata: Messenger only, at most 1000 characters"
    return None


def _template_problem(attachment: Any, *, instagram: bool) -> str | None:
    if not isinstance(attachment, dict) or attachment.get("type") != "template":
        return "only template attachments are known here"
    if instagram:
        return "Instagram: the button template is not supported"
    template = attachment.get("payload") or {}
    if template.get("template_type") != "button":
        return "only the button template is known here"
    if not 1 <= len(template.get("text") or "") <= 640:
        return "button template text of 1..640 characters"
    buttons = template.get("buttons") or []
    if not 1 <= len(buttons) <= 3:
        return "a button template has 1..3 buttons"
    for button in buttons:
        if not 1 <= len(button.get("title") or "") <= 20:
            return "button title of 1..20 characters"
        if button.get("type") == "web_url":
            if not str(button.get("url") or "").startswith(("https://", "http://")):
                return "web_url button without a URL"
        elif button.get("type") == "postback":
            if not 1 <= len(button.get("payload") or "") <= 1000:
                return "postback payload of 1..1000 characters"
        else:
            return "button type must be web_url or postback"
    return None


@dataclass
class MessengerAccount:
    id: str
    instagram: bool = False


@dataclass
class MessengerStandIn:
    """The Send API's state: Page tokens, what was sent, thread passes."""

    # Page access token -> the Page (or Instagram account) it sends for.
    accounts: dict[str, MessengerAccount] = field(default_factory=dict)
    human_agent: bool = True  # the app has the human_agent permission
    outbox: list[dict[str, Any]] = field(default_factory=list)
    thread_passes: list[dict[str, Any]] = field(default_factory=list)

    def account_for(self, token: str) -> MessengerAccount | None:
        return self.accounts.get(token)


@dataclass
class GraphStandIn:
    """The stand-in's state; thread-safe because the HTTP front serves in threads."""

    access_token: str  # WhatsApp's system user token
    outbox: list[dict[str, Any]] = field(default_factory=list)  # WhatsApp
    messenger: MessengerStandIn = field(default_factory=MessengerStandIn)
    # Scripted failures for tests and demos: each send pops the first entry
    # (status, Meta error code[, subcode]) before answering normally.
    failures: list[Failure] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer | None:
        """Answers a request meant for the stand-in; None when the path is not ours."""
        path, _, query = path.partition("?")
        if method == "GET" and path in (OUTBOX_PATH, MESSENGER_OUTBOX_PATH):
            with self._lock:
                listed = list(self.outbox if path == OUTBOX_PATH else self.messenger.outbox)
            return _json_answer({"messages": listed})
        messages, handover = MESSAGES_PATH.match(path), HANDOVER_PATH.match(path)
        if method != "POST" or (messages is None and handover is None):
            return None
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return _error(400, 100, "The body is not JSON.")
        if not isinstance(payload, dict):
            return _error(400, 100, "The body must be a JSON object.")
        authorization = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
        if messages is not None and payload.get("messaging_product") == "whatsapp":
            return self._whatsapp(messages.group("phone_number_id"), authorization, payload)
        token = authorization.removeprefix("Bearer ").strip() or \
            (parse_qs(query).get("access_token") or [""])[0]
        match = messages or handover
        assert match is not None
        return self._send_api(match.groups()[1], token, payload, thread=handover is not None)

    def _scripted_failure(self) -> Answer | None:
        with self._lock:
            if not self.failures:
                return None
            status, code, *subcode = self.failures.pop(0)
        return _error(status, code, "Scripted failure of the stand-in.", subcode[0] if subcode else None)

    # ---- WhatsApp Cloud API

    def _whatsapp(self, phone_number_id: str, authorization: str, payload: dict[str, Any]) -> Answer:
        if not secrets.compare_digest(authorization.encode(), f"Bearer {self.access_token}".encode()):
            return _error(401, 190, "Invalid OAuth access token.")
        failure = self._scripted_failure()
        if failure is not None:
            return failure
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
                    "phoneNumberId": phone_number_id,
                    "to": recipient,
                    "at": datetime.now(timezone.utc).isoformat(),
                    "payload": payload,
                }
            )
        return _json_answer({
            "messaging_product": "whatsapp",
            "contacts": [{"input": recipient, "wa_id": recipient}],
            "messages": [{"id": wamid}],
        })

    # ---- Messenger Platform Send API (Messenger and Instagram)

    def _send_api(self, path_account: str, token: str, payload: dict[str, Any], *, thread: bool) -> Answer:
        account = self.messenger.account_for(token) if token else None
        if account is None:
            return _error(401, 190, "Invalid OAuth access token.")
        if path_account not in ("me", account.id):
            return _error(400, 100, "Unsupported post request: this token is not the Page's.", 33)
        failure = self._scripted_failure()
        if failure is not None:
            return failure
        target = payload.get("recipient") if isinstance(payload.get("recipient"), dict) else {}
        to = str(target.get("id") or target.get("user_ref") or "")
        if thread:
            if not to or not payload.get("target_app_id"):
                return _error(400, 100, "recipient.id and target_app_id are required.")
            with self._lock:
                self.messenger.thread_passes.append({"accountId": account.id, "to": to,
                                                     "targetAppId": str(payload["target_app_id"])})
            return _json_answer({"success": True})
        problem = send_api_problem(payload, instagram=account.instagram, human_agent=self.messenger.human_agent)
        if problem:
            if problem.startswith("permission"):
                return _error(400, 10, f"(#10) {problem}")
            return _error(400, 100, f"(#100) Invalid parameter: {problem}")
        message_id = "m_LOCAL" + secrets.token_hex(16)
        with self._lock:
            self.messenger.outbox.append({
                "id": message_id,
                "accountId": account.id,
                "channel": "instagram" if account.instagram else "messenger",
                "to": to,
                "at": datetime.now(timezone.utc).isoformat(),
                "payload": payload,
            })
        return _json_answer({"recipient_id": to, "message_id": message_id})

    def clear(self) -> None:
        with self._lock:
            self.outbox.clear()
            self.failures.clear()
            self.messenger.outbox.clear()
            self.messenger.thread_passes.clear()


def serve(standin: GraphStandIn, host: str = "127.0.0.1", port: int = 0) -> Any:
    """Serves the stand-in on its own port in a daemon thread (tests); the
    local stack instead routes to `handle` from its HTTP front."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


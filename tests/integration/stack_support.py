"""What integration tests share besides fixtures: conftest.py holds the fixtures, and a test
never imports a conftest by name (tests/unit/test_suite_layout.py), so the shared names live here."""
from __future__ import annotations

import json
import uuid
from http.server import BaseHTTPRequestHandler
from pathlib import Path

# The engine tests' knowledge base and tenants (alpha, beta), also loaded by several local stacks.
ENGINE_KB = Path(__file__).resolve().parents[1] / "unit" / "data" / "kb_engine"


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

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
    received: list[tuple[str, dict, str | None]] = []
    fail_path: str | None = None

    def do_POST(self) -> None:  # noqa: N802 (http.server naming)
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        type(self).received.append((self.path, body, self.headers.get("Authorization")))
        if self.path == type(self).fail_path:
            self.send_response(400)
            self.end_headers()
            return
        answer = json.dumps(dict(body, uuid=str(uuid.uuid4()))).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass

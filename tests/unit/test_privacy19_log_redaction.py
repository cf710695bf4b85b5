"""Tracebacks in logs carry no resident data (handlers.log_redaction): a log line with
`exc_info` printed the error's own text unredacted, and that text is not ours: Meta's refusal
can echo the recipient's number, pydantic quotes the input that failed, `int()` its argument.
Now the text of the error and of every error chained to it is redacted, and validation errors
name where and why without the input; the type, the stack and the chain stay."""
from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from aws_lambda_powertools import Logger
from pydantic import BaseModel, ValidationError

import handlers  # noqa: F401 - importing the handlers installs the redaction, as every Lambda function does
from adapters.graph_api import WHATSAPP_ERRORS, GraphApiPermanentError, GraphPoster

NUMBER = "31612345678"


class MetaRefuses(BaseHTTPRequestHandler):
    """Meta's answer to a message for a number that is not on WhatsApp: its text names the number."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["Content-Length"]))
        body = json.dumps({"error": {"message": f"(#131026) Message undeliverable: {NUMBER} is not a WhatsApp user",
                                     "code": 131026, "type": "OAuthException"}}).encode()
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def meta_refusal() -> Iterator[GraphApiPermanentError]:
    server = HTTPServer(("127.0.0.1", 0), MetaRefuses)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(GraphApiPermanentError) as raised:
            GraphPoster(WHATSAPP_ERRORS, max_attempts=1).post(
                f"http://127.0.0.1:{server.server_port}/v21.0/111/messages", {"to": NUMBER}, lambda refresh: "token")
        yield raised.value
    finally:
        server.shutdown()
        server.server_close()


def test_a_refusal_of_meta_naming_the_number_is_logged_without_it(meta_refusal, caplog) -> None:
    assert NUMBER in str(meta_refusal)  # the error itself keeps its text (staff see why it failed)
    try:
        raise meta_refusal
    except GraphApiPermanentError:
        logging.getLogger("core.staff").warning("handover notice not delivered on whatsapp", exc_info=True)
    logged = caplog.text
    assert NUMBER not in logged and "[TELEFOON]" in logged
    assert "GraphApiPermanentError: HTTP 400 code 131026" in logged and "HTTPError" in logged  # type and chain stay
    assert "graph_api.py" in logged  # and the stack


def test_the_powertools_json_line_carries_the_redacted_traceback(meta_refusal) -> None:
    stream = io.StringIO()
    logger = Logger(service="privacy19-test", logger_handler=logging.StreamHandler(stream))
    try:
        raise meta_refusal
    except GraphApiPermanentError:
        logger.warning("ticket notice not delivered", exc_info=True)
    line = json.loads(stream.getvalue().splitlines()[-1])
    assert NUMBER not in stream.getvalue() and "[TELEFOON]" in line["exception"]
    assert line["exception_name"] == "GraphApiPermanentError"


class Turn(BaseModel):
    seq: int


def test_a_validation_error_names_where_and_why_but_not_the_input(caplog) -> None:
    said = "Ik ben Pieter Dekker, bel me op 06-12345678"
    try:
        Turn.model_validate({"seq": said})
    except ValidationError:
        logging.getLogger("core.messaging.intake").warning("whatsapp message unreadable", exc_info=True)
    number = said.rsplit(" ", 1)[-1]
    try:
        int(number)
    except ValueError:
        logging.getLogger("balie").exception("unhandled error: %s", "ValueError")
    logged = caplog.text
    assert "Dekker" not in logged and "12345678" not in logged
    assert "ValidationError: seq: Input should be a valid integer" in logged
    assert "ValueError: invalid literal for int() with base 10: '[TELEFOON]'" in logged

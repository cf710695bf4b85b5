"""Starting and stopping the local stack: busy port, environment, clean shutdown."""
from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import weakref
from typing import Any

import pytest

from balie_local.aws import EmbeddedAws
from balie_local.stack import LocalStack, PortInUse, serve


def test_a_busy_port_is_a_one_line_error(start_local_stack: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with start_local_stack(tenants_dir=None) as stack:
        with pytest.raises(PortInUse):
            LocalStack(port=stack.port).start()
        assert serve(argparse.Namespace(port=stack.port)) == 1
        # The failed start left the running stack alone.
        with urllib.request.urlopen(stack.url + "/dev/stack", timeout=5) as response:
            assert response.status == 200
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and f"port {stack.port}" in error and "Traceback" not in error


def test_stopping_restores_the_environment(start_local_stack: Any) -> None:
    before = os.environ.get("AWS_ENDPOINT_URL")
    with start_local_stack(tenants_dir=None) as other:
        assert os.environ["AWS_ENDPOINT_URL"] == other.aws.endpoint_url
        endpoint = other.aws.endpoint_url
    assert os.environ.get("AWS_ENDPOINT_URL") == before
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(endpoint, timeout=2)


def test_balie_serve_prints_the_banner_serves_many_conversations_and_stops_cleanly_on_ctrl_c() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment["PORT"] = str(port)
    process = subprocess.Popen(
        [sys.executable, "-m", "balie_local.cli", "serve"], env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        lines = []
        for line in process.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if line.startswith("Ctrl-C stops."):
                break
        banner = "".join(lines)
        assert f"http://127.0.0.1:{port}/v1/chat" in banner
        assert "/balie/local/whatsapp/app-secret" in banner
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/dev/stack", timeout=10) as response:
            assert response.status == 200
        # Every request comes from 127.0.0.1: the per-address limit of AWS (30 new conversations
        # in 10 minutes) is off, or a script or demo would meet 429 at its 31st conversation.
        for number in range(31):
            opened = urllib.request.Request(
                f"http://127.0.0.1:{port}/v1/chat", method="POST", headers={"Content-Type": "application/json"},
                data=json.dumps({"tenant": "voorbeeld", "message": f"paspoort {number}"}).encode())
            with urllib.request.urlopen(opened, timeout=10) as response:
                assert response.status == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert "Stopping..." in out and "Traceback" not in err


def test_a_stopped_embedded_aws_releases_its_clients() -> None:
    """Each client holds a botocore session with its service models (several MB): a suite that restarts its local
    stack (tests/dialogue, every 150 conversations) kept every stack's clients, about 60 MB a restart."""
    aws = EmbeddedAws()
    aws.start()
    try:
        client = aws.client("dynamodb")
        assert aws.client("dynamodb") is client  # one client per service while the server runs
        released = weakref.ref(client)
        del client
    finally:
        aws.stop()
    gc.collect()
    assert released() is None

"""A bounded load run against `balie serve`: many conversations at once, then a check
that every conversation holds exactly its turns, in order, none twice.

Starts `balie serve` on a free loopback port (127.0.0.1 only), runs N concurrent
conversations of T turns each (one thread per conversation, each turn waits for the
previous answer, as a widget does), reads every transcript back through
GET /v1/chat/{id}/messages, prints the figures and stops the server. Nothing runs
longer than the turns it was given.

Every message carries its turn number, so the check can tell a lost, repeated or
reordered turn from a correct one. tests/integration/test_load.py runs the same
driver (`run_load` + `check_transcripts`) smaller, in process, for the correctness part.

Run: .venv/bin/python benchmarks/load.py [--conversations 50] [--turns 20]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Ordinary questions for the default knowledge base (tenant voorbeeld): answered, no handover.
VOORBEELD_QUESTIONS = (
    "Hoe verleng ik mijn paspoort?",
    "wat kost dat?",
    "ik ga verhuizen, hoe geef ik dat door?",
    "hoe vraag ik een parkeervergunning aan?",
    "wanneer is het gemeentehuis open?",
    "hoe lang duurt het?",
)


@dataclass
class Conversation:
    index: int
    conversation_id: str | None = None
    sent: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)


@dataclass
class LoadResult:
    conversations: list[Conversation]
    wall_seconds: float

    @property
    def latencies_ms(self) -> list[float]:
        return [value for conversation in self.conversations for value in conversation.latencies_ms]

    @property
    def errors(self) -> list[str]:
        return [error for conversation in self.conversations for error in conversation.errors]


def request(base_url: str, method: str, path: str, body: Any = None, origin: str | None = None,
            timeout: float = 60) -> tuple[int, Any]:
    headers = {"content-type": "application/json"}
    if origin:
        headers["origin"] = origin
    data = json.dumps(body).encode() if body is not None else None
    call = urllib.request.Request(base_url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(call, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw or b"null")
        except ValueError:
            return error.code, raw.decode("utf-8", "replace")


def message_text(questions: tuple[str, ...], conversation: int, turn: int) -> str:
    return f"{questions[(conversation + turn) % len(questions)]} ({turn + 1})"


def _converse(base_url: str, tenant: str, origin: str | None, questions: tuple[str, ...],
              conversation: Conversation, turns: int, start: threading.Barrier) -> None:
    start.wait()
    for turn in range(turns):
        text = message_text(questions, conversation.index, turn)
        body: dict[str, Any] = {"tenant": tenant, "message": text, "clientMessageId": str(uuid.uuid4())}
        if conversation.conversation_id:
            body["conversationId"] = conversation.conversation_id
        started = time.perf_counter()
        try:
            status, reply = request(base_url, "POST", "/v1/chat", body, origin)
        except OSError as error:  # refused, reset, timed out
            conversation.errors.append(f"turn {turn + 1}: {type(error).__name__}: {error}")
            return
        conversation.latencies_ms.append((time.perf_counter() - started) * 1000)
        if status != 200:
            conversation.errors.append(f"turn {turn + 1}: HTTP {status} {reply}")
            return  # the rest of this conversation would only repeat the failure
        conversation.conversation_id = reply["conversationId"]
        conversation.sent.append(text)


def run_load(base_url: str, *, tenant: str, conversations: int, turns: int,
             questions: tuple[str, ...] = VOORBEELD_QUESTIONS, origin: str | None = None) -> LoadResult:
    """`conversations` threads at once, each `turns` turns in sequence."""
    everyone = [Conversation(index) for index in range(conversations)]
    start = threading.Barrier(conversations + 1)
    threads = [threading.Thread(target=_converse, args=(base_url, tenant, origin, questions, c, turns, start),
                                name=f"conversation-{c.index}", daemon=True) for c in everyone]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return LoadResult(everyone, time.perf_counter() - began)


def check_transcripts(base_url: str, result: LoadResult, origin: str | None = None) -> list[str]:
    """Problems found when reading every conversation back (empty: all correct): each
    holds exactly the turns sent, in order, none twice, with increasing sequence numbers."""
    problems: list[str] = []
    for conversation in result.conversations:
        if conversation.conversation_id is None:
            problems.append(f"conversation {conversation.index}: never started")
            continue
        status, page = request(base_url, "GET", f"/v1/chat/{conversation.conversation_id}/messages", origin=origin)
        if status != 200:
            problems.append(f"conversation {conversation.index}: GET messages HTTP {status}")
            continue
        residents = [entry["text"] for entry in page["messages"] if entry["role"] == "resident"]
        if residents != conversation.sent:
            problems.append(f"conversation {conversation.index}: stored {residents!r}, sent {conversation.sent!r}")
        sequence = [entry["seq"] for entry in page["messages"]]
        if sequence != sorted(set(sequence)):
            problems.append(f"conversation {conversation.index}: sequence numbers {sequence}")
    ids = [c.conversation_id for c in result.conversations if c.conversation_id]
    if len(set(ids)) != len(ids):
        problems.append("two conversations share an id")
    return problems


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BalieServe:
    """`balie serve` as a child process on a free loopback port; stopped with Ctrl-C (SIGINT)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> "BalieServe":
        environment = dict(os.environ, BALIE_NOW=os.environ.get("BALIE_NOW", "2026-11-30T10:00:00+01:00"))
        self.process = subprocess.Popen(
            # Every conversation comes from 127.0.0.1: no limit of new conversations per client.
            [str(ROOT / ".venv" / "bin" / "balie"), "serve", "--port", str(self.port),
             "--parameter", "NewConversationsPerClient=0"],
            cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"balie serve exited: {self.process.stdout.read() if self.process.stdout else ''}")
            try:
                with urllib.request.urlopen(self.url + "/dev/stack", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("balie serve did not start within 120 s")
        # Drain its console so a full pipe never blocks the server.
        threading.Thread(target=lambda: self.process.stdout.read() if self.process and self.process.stdout else None,
                         daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--tenant", default="voorbeeld")
    arguments = parser.parse_args()
    with BalieServe() as server:
        result = run_load(server.url, tenant=arguments.tenant, conversations=arguments.conversations,
                          turns=arguments.turns)
        problems = check_transcripts(server.url, result)
    latencies = result.latencies_ms
    turns = len(latencies)
    print(f"{arguments.conversations} concurrent conversations x {arguments.turns} turns against balie serve "
          f"(127.0.0.1): {turns} turns in {result.wall_seconds:.1f} s ({turns / result.wall_seconds:.1f} turns/s)")
    if latencies:
        print(f"latency per turn: p50 {statistics.median(latencies):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
              f"p99 {percentile(latencies, 0.99):.0f} ms, max {max(latencies):.0f} ms")
    print(f"errors: {len(result.errors)}; transcripts checked: {len(result.conversations)}, problems: {len(problems)}")
    for line in (result.errors + problems)[:10]:
        print("  " + line)
    return 1 if result.errors or problems else 0


if __name__ == "__main__":
    sys.exit(main())

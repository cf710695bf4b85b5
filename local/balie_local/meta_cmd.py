"""What `balie whatsapp send` and `balie messenger send` share: talk to the running local
stack as Meta does (a signed webhook body) and print what the bot sent back through the
Graph API stand-in's outbox."""
from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from channels.meta import sign

WAIT_SECONDS = 15.0


def local_api(args: Any) -> str:
    return (args.api or f"http://127.0.0.1:{os.environ.get('PORT', '3000')}").rstrip("/")


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read().decode("utf-8"))


def stack_secret(api: str, name: str, command: str) -> str | None:
    """One of the stack's channel secrets (`/dev/stack`), or None after saying why."""
    try:
        stack = get_json(f"{api}/dev/stack")
    except (urllib.error.URLError, OSError) as error:
        print(f"{command}: no local stack at {api} ({error}); start it with `make run`", file=sys.stderr)
        return None
    value = (stack.get("secrets") or {}).get(name)
    if not value:
        print(f"{command}: the local stack reports no {name}", file=sys.stderr)
    return value or None


def converse(api: str, *, path: str, body: dict[str, Any], app_secret: str, outbox: str,
             is_reply: Callable[[dict[str, Any]], bool], describe: Callable[[dict[str, Any]], str]) -> int:
    """Posts `body` signed to the webhook at `path`, then prints the bot's messages (those
    of the stand-in's `outbox` that `is_reply`) once the worker has sent them all."""
    before = len(get_json(f"{api}{outbox}").get("messages", []))
    raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(f"{api}{path}", data=raw, method="POST", headers={
        "Content-Type": "application/json", "X-Hub-Signature-256": sign(raw, app_secret)})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            print(f"webhook: HTTP {response.status} {response.read().decode('utf-8')}")
    except urllib.error.HTTPError as error:
        print(f"webhook: HTTP {error.code} {error.read().decode('utf-8', 'replace')}", file=sys.stderr)
        return 1
    deadline = time.monotonic() + WAIT_SECONDS
    replies: list[dict[str, Any]] = []
    previous = -1
    while time.monotonic() < deadline:
        time.sleep(0.4)
        replies = [m for m in get_json(f"{api}{outbox}").get("messages", [])[before:] if is_reply(m)]
        # The worker sends a reply's parts one after another: stop once the count holds still.
        if replies and len(replies) == previous:
            break
        previous = len(replies)
    if not replies:
        print("(no reply yet: the bot stays silent during a handover, or the worker is still busy)")
        return 0
    for message in replies:
        print("bot:", describe(message["payload"]))
    return 0

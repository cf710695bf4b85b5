"""Privacy and abuse figures over real HTTP on the in-process local stack (BENCHMARKS.md, "Session 18,
privacy19"), with own fictional data: 200 polls of one conversation in a row (how many answered, when
the first 429 came), a DELETE in the full window, and a conversation written on day 0 polled on day 20
while voorbeeld's `retention_days` goes 30 -> 14 -> 30 through `balie tenant put`.

    PYTHONPATH=src:local .venv/bin/python benchmarks/privacy_audit.py [REQUESTS_PER_CLIENT]

Without the argument the stack keeps its local default (the per-client limit off), as on a commit
from before the limit existed. Prints one line per figure.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

DAY_0 = "2026-11-02T10:00:00+01:00"
DAY_20 = "2026-11-22T10:00:00+01:00"
POLLS = 200


def call(url: str, method: str = "GET", body: Any = None, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"content-type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def main() -> None:
    os.environ["BALIE_NOW"] = DAY_0
    from balie_local import tenant_cmd
    from balie_local.stack import LocalStack

    parameters = {"TenantCacheSeconds": "1", **({"RequestsPerClient": sys.argv[1]} if len(sys.argv) > 1 else {})}
    document = yaml.safe_load(Path("tenants/voorbeeld.yaml").read_text(encoding="utf-8"))
    widget = {"origin": document["widget_origins"][0]}
    with LocalStack(port=0, parameters=parameters) as stack:
        base = stack.url
        _, kept = call(f"{base}/v1/chat", "POST", {"tenant": "voorbeeld", "message": "Ik ben Pieter, bel me op "
                                                   "06-12345678 over mijn paspoort"}, widget)
        _, other = call(f"{base}/v1/chat", "POST", {"tenant": "voorbeeld", "message": "paspoort verlengen"}, widget)
        conversation = kept["conversationId"]
        started = time.monotonic()
        statuses = [call(f"{base}/v1/chat/{conversation}/messages", headers=widget)[0] for _ in range(POLLS)]
        print(f"{POLLS} polls in {time.monotonic() - started:.1f} s: {statuses.count(200)} x 200, "
              f"{statuses.count(429)} x 429, first 429 at poll {statuses.index(429) + 1 if 429 in statuses else '-'}")
        status, answer = call(f"{base}/v1/chat/{other['conversationId']}", "DELETE", headers=widget)
        print(f"DELETE of another conversation after them: {status} {answer.get('error', {}).get('code', '')}")
        os.environ["BALIE_NOW"] = DAY_20
        _, token = call(f"{base}/dev/token", "POST", {"tenant": "voorbeeld", "teams": "*", "roles": ["admin"]})
        print(f"day 20, retention 30: poll {call(f'{base}/v1/chat/{conversation}/messages', headers=widget)[0]}")
        for days in (14, 30):
            document["retention_days"] = days
            path = Path(f"/tmp/privacy-audit-voorbeeld-{days}.yaml")
            path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
            tenant_cmd.put(argparse.Namespace(file=str(path), api=base, token=token["token"], wait=300,
                                              replace_knowledge=False))
            time.sleep(2.5)  # past the stack's 1 s tenant cache
            print(f"day 20, after `balie tenant put` with retention_days {days}: "
                  f"poll {call(f'{base}/v1/chat/{conversation}/messages', headers=widget)[0]}")


if __name__ == "__main__":
    main()

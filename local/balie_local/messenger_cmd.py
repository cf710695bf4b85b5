"""`balie messenger send "tekst" --from ID [--instagram]`: be a resident on Facebook
Messenger (or Instagram Direct).

Builds the webhook body Meta would send for a message to the tenant's Facebook Page (or
Instagram account, `--instagram`), signs it with the local stack's Meta app secret
(X-Hub-Signature-256), posts it to the running stack and prints what the bot sent
back through the Send API stand-in. `--payload` presses a quick reply instead.
"""
from __future__ import annotations

import copy
import secrets
import sys
import time
from datetime import datetime, timezone
from typing import Any

from balie_local.meta_cmd import converse, get_json, local_api, stack_secret


def webhook_body(text: str, sender: str, account_id: str, *, instagram: bool = False, mid: str | None = None,
                 timestamp_ms: int | None = None, payload: str | None = None) -> dict[str, Any]:
    """The body of Meta's `messages` webhook for one message from `sender` to the account."""
    moment = timestamp_ms if timestamp_ms is not None else int(time.time() * 1000)
    message: dict[str, Any] = {"mid": mid or "m_LOCAL" + secrets.token_hex(16), "text": text}
    if payload:
        message["quick_reply"] = {"payload": payload}
    return {
        "object": "instagram" if instagram else "page",
        "entry": [{
            "id": account_id,
            "time": moment,
            "messaging": [{
                "sender": {"id": sender},
                "recipient": {"id": account_id},
                "timestamp": moment,
                "message": message,
            }],
        }],
    }


def delivered(body: Any, moment: datetime, *, page_id: str, instagram_account_id: str,
              resident_suffix: str = "") -> Any:
    """A webhook body (a fixture) as Meta would deliver it at `moment` to these accounts: every
    entry addressed to the Page (`object: page`) or the Instagram account (otherwise: Chatwoot's
    bodies have no `object` and are Instagram's), times moved to `moment` in the body's own
    format (milliseconds, or ISO text), and with `resident_suffix` the residents' ids made
    unique (so one fixture's thread state never touches another's)."""
    body = copy.deepcopy(body)
    if not isinstance(body, dict):
        return body
    milliseconds = int(moment.timestamp() * 1000)
    iso = moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+0000")

    def retimed(value: Any) -> Any:
        return iso if isinstance(value, str) else milliseconds if value is not None else None

    for entry in body.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        old = str(entry.get("id"))
        account = page_id if body.get("object") == "page" else instagram_account_id
        entry["id"] = account
        if "time" in entry:
            entry["time"] = retimed(entry["time"])
        for event in [*(entry.get("messaging") or []), *(entry.get("standby") or [])]:
            if not isinstance(event, dict):
                continue
            if "timestamp" in event:
                event["timestamp"] = retimed(event["timestamp"])
            for side in ("sender", "recipient"):
                party = event.get(side)
                if not isinstance(party, dict):
                    continue
                for key in ("id", "user_ref"):
                    if key in party:
                        party[key] = account if str(party[key]) == old else f"{party[key]}{resident_suffix}"
    return body


def describe(payload: dict[str, Any]) -> str:
    """One Send API request body as the resident would see it."""
    message = payload.get("message") or {}
    if "text" in message:
        lines = [message["text"]]
    else:
        template = ((message.get("attachment") or {}).get("payload")) or {}
        lines = [template.get("text", "")]
        lines += [f"  [{button['title']}] -> {button.get('url') or button.get('payload')}"
                  for button in template.get("buttons", [])]
    lines += [f"  ({reply['title']})  payload {reply['payload']}" for reply in message.get("quick_replies", [])]
    tag = f"  [tag {payload['tag']}]" if payload.get("tag") else ""
    return "\n".join(lines) + tag


def send(args: Any) -> int:
    api = local_api(args)
    channel = "instagram" if args.instagram else "messenger"
    app_secret = stack_secret(api, "messenger_app_secret", "balie messenger send")
    if app_secret is None:
        return 1
    accounts = get_json(f"{api}/dev/messenger/accounts")["accounts"]
    account = next((a["accountId"] for a in accounts if a["tenant"] == args.tenant and a["channel"] == channel), None)
    if account is None:
        what = "Instagram account" if args.instagram else "Facebook Page"
        print(f"balie messenger send: tenant {args.tenant!r} names no {what} (messenger: in its settings)",
              file=sys.stderr)
        return 1
    body = webhook_body(args.text, args.sender, account, instagram=args.instagram, payload=args.payload)
    return converse(api, path="/v1/messenger/webhook", body=body, app_secret=app_secret,
                    outbox="/dev/messenger/outbox", describe=describe,
                    is_reply=lambda sent: sent.get("to") == args.sender and sent.get("accountId") == account)

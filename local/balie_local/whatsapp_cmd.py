"""`balie whatsapp send "tekst" --from 31612345678`: be a resident on WhatsApp.

Builds the webhook body Meta would send for a text message to the tenant's
number, signs it with the local stack's app secret (X-Hub-Signature-256),
posts it to the running stack and prints what the bot sent back through the
Graph API stand-in.
"""
from __future__ import annotations

import json
import os
import secrets
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from balie_local.meta_cmd import converse, local_api, stack_secret
from balie_local.template_resources import REPO_ROOT
from core.clock import now


def webhook_body(text: str, sender: str, phone_number_id: str, *, wamid: str | None = None,
                 timestamp: int | None = None, name: str = "Inwoner") -> dict[str, Any]:
    """The body of Meta's `messages` webhook for one text message."""
    return {
        "object": "whatsapp_business_account",
        "entry": [{
            "id": "0",
            "changes": [{
                "field": "messages",
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {"display_phone_number": phone_number_id, "phone_number_id": phone_number_id},
                    "contacts": [{"profile": {"name": name}, "wa_id": sender}],
                    "messages": [{
                        "from": sender,
                        "id": wamid or "wamid.LOCAL" + secrets.token_hex(16).upper(),
                        "timestamp": str(timestamp if timestamp is not None else int(now().timestamp())),
                        "type": "text",
                        "text": {"body": text},
                    }],
                },
            }],
        }],
    }


def delivered(body: dict[str, Any], at: datetime, phone_number_id: str | None = None,
              wamid_suffix: str = "") -> dict[str, Any]:
    """A recorded webhook body (a test fixture) as Meta would deliver it at `at` (to the
    tenant with `phone_number_id`, when given): fixtures carry placeholder numbers and old
    timestamps, and the webhook drops messages older than 7 days. `wamid_suffix` makes the
    fixtures' placeholder message ids unique (Meta never reuses one). Changes `body` in place."""
    for entry in body.get("entry", []) if isinstance(body, dict) else []:
        for change in entry.get("changes", []) if isinstance(entry, dict) else []:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                continue
            if phone_number_id is not None and isinstance(value.get("metadata"), dict):
                value["metadata"]["phone_number_id"] = phone_number_id
            for message in value.get("messages") or []:
                if isinstance(message, dict) and "timestamp" in message:
                    message["timestamp"] = str(int(at.timestamp()))
                if isinstance(message, dict) and isinstance(message.get("id"), str):
                    message["id"] += wamid_suffix
    return body


def tenant_phone_number_id(slug: str) -> str:
    # BALIE_TENANTS_DIR: another tenants directory (tests run the stack on a test KB).
    path = Path(os.environ.get("BALIE_TENANTS_DIR") or REPO_ROOT / "tenants") / f"{slug}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    number = (data.get("whatsapp") or {}).get("phone_number_id")
    if not number:
        raise SystemExit(f"balie whatsapp send: tenants/{slug}.yaml has no whatsapp.phone_number_id")
    return str(number)


def describe(payload: dict[str, Any]) -> str:
    """One sent Graph payload as a resident would see it."""
    kind = payload.get("type")
    if kind == "text":
        return payload["text"]["body"]
    if kind == "interactive":
        interactive = payload["interactive"]
        lines = [interactive["body"]["text"]]
        if interactive["type"] == "button":
            lines += [f"  [{b['reply']['title']}]  (id {b['reply']['id']})" for b in interactive["action"]["buttons"]]
        else:
            lines.append(f"  ({interactive['action']['button']})")
            for section in interactive["action"]["sections"]:
                for row in section["rows"]:
                    extra = f" - {row['description']}" if row.get("description") else ""
                    lines.append(f"  * {row['title']}{extra}  (id {row['id']})")
        return "\n".join(lines)
    if kind == "template":
        return f"[template {payload['template']['name']}]"
    return json.dumps(payload, ensure_ascii=False)


def send(args: Any) -> int:
    api = local_api(args)
    app_secret = stack_secret(api, "whatsapp_app_secret", "balie whatsapp send")
    if app_secret is None:
        return 1
    body = webhook_body(args.text, args.sender, tenant_phone_number_id(args.tenant))
    return converse(api, path="/v1/whatsapp/webhook", body=body, app_secret=app_secret,
                    outbox="/dev/whatsapp/outbox", is_reply=lambda sent: sent.get("to") == args.sender,
                    describe=describe)

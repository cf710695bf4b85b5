"""The local stack's Facebook Pages and Instagram accounts: what an operator does in AWS
(a SecureString `<MESSENGER_PAGE_TOKENS_PATH>/<id>` with each account's access token)
and what Meta knows (which token sends for which account), for every tenant that names
a Page or an Instagram account in its settings (`messenger:`).

`GET /dev/messenger/accounts` lists them (`balie messenger send` finds a tenant's Page
there). A tenant added while the stack runs (`balie tenant put`) gets its tokens when the
tenant-build function has made it live, so Meta's webhook reaches it without a detour.
"""
from __future__ import annotations

import secrets
import threading
from typing import Any

from balie_local.dev_routes import DevRequest, DevResponse, register

_lock = threading.Lock()


def accounts(stack: Any) -> list[dict[str, str]]:
    """Every tenant's Messenger and Instagram account, each with a token in SSM and in
    the Send API stand-in (made now when missing)."""
    from balie_local.graph_standin import MessengerAccount
    from handlers.wiring import tenant_services

    assert stack.deployment is not None
    path = stack.deployment.merged_environment()["MESSENGER_PAGE_TOKENS_PATH"].rstrip("/")
    # The registry's directory itself, not the handlers' cached copy: it knows a tenant put a
    # moment ago, and reading here never fills that cache with a directory about to change.
    directory = tenant_services().registry.directory()
    ssm = stack.client("ssm")
    listed = []
    with _lock:
        known = {account.id: token for token, account in stack.graph.messenger.accounts.items()}
        for slug, entry in sorted(directory.tenants.items()):
            for channel, account_id in (("messenger", entry.page), ("instagram", entry.instagram)):
                if not account_id:
                    continue
                token = known.get(account_id)
                if token is None:
                    token = "EAAL" + secrets.token_urlsafe(24)
                    ssm.put_parameter(Name=f"{path}/{account_id}", Value=token, Type="SecureString", Overwrite=True)
                    stack.graph.messenger.accounts[token] = MessengerAccount(account_id, instagram=channel == "instagram")
                listed.append({"tenant": slug, "channel": channel, "accountId": account_id})
    return listed


def setup(stack: Any) -> None:
    if stack.graph is None:
        return
    accounts(stack)
    stack.after_invoke.setdefault("TenantBuildFunction", []).append(lambda: accounts(stack))

    def route(request: DevRequest) -> DevResponse:
        return DevResponse(200, {"accounts": accounts(stack)})

    register("GET", r"/dev/messenger/accounts", route)

"""Tenants as data, locally: `balie tenant put FILE [--api URL]`, `balie tenant get SLUG` and
loading tenant files into a stack.

`balie tenant put` reads a tenant file (the format of tenants/*.yaml), checks it
against the model with file:line errors, sends it to the admin API
(`PUT /v1/admin/tenants/{slug}`) and waits until the version is live (or says why its
build failed). Locally the operator's dev token comes from the stack's /dev/stack; in
AWS pass `--api` and a Cognito token of an admin (`--token` or `BALIE_TOKEN`). What the
gemeente's editors published stays (the command names the topics where the file said
otherwise) unless `--replace-knowledge`; `balie tenant get SLUG -o FILE` writes the current
document (editors' publishes included) to change and put.

`load_tenants` publishes tenant files through the same use case the admin API runs,
in the process of a running stack or a test's moto (`balie serve` loads tenants/ at
start this way), and builds each version at once.
"""
from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from balie_local.kb_tools import read_yaml, validation_issues, YamlProblem
from core.kb.models import Tenant
from core.staff import StaffIdentity
from core.tenants import TenantVersion, VersionStatus

OPERATOR = StaffIdentity(subject="balie-local", tenant="*", teams=None, roles=frozenset({"admin"}))
WAIT_SECONDS = 180.0  # a tenant with examples of its own trains a matcher (tens of seconds)
TIMEOUT_SECONDS = 30


class TenantFileError(ValueError):
    pass


def tenant_document(path: Path) -> dict[str, Any]:
    """The tenant file as a JSON-ready document, checked against the model
    (`TenantFileError` with file:line problems otherwise)."""
    try:
        source = read_yaml(path)
    except (YamlProblem, OSError) as problem:
        raise TenantFileError(f"{path}:{getattr(problem, 'line', 1)}: {problem}") from None
    try:
        tenant = Tenant.model_validate(source.data)
    except ValidationError as error:
        raise TenantFileError("\n".join(str(issue) for issue in validation_issues(error, source))) from None
    return tenant.model_dump(mode="json")


def load_tenants(paths: Iterable[Path]) -> list[TenantVersion]:
    """Publish each tenant file and build it now, through the services of this process's
    environment (handlers.wiring: the stack's tables, queues and bucket)."""
    return publish_documents(tenant_document(path) for path in paths)


def publish_documents(documents: Iterable[dict[str, Any]]) -> list[TenantVersion]:
    """Publish tenant documents as the operator and build each version at once."""
    from handlers.wiring import tenant_services

    services = tenant_services()
    built = []
    for document in documents:
        version = services.admin.put(OPERATOR, document["slug"], document)
        result = services.builder.build(version.slug, version.version)
        if result is None or result.status != VersionStatus.LIVE:
            raise TenantFileError(f"{document['slug']}: version {version.version} did not go live: "
                                  f"{result.error if result else '?'}")
        built.append(result)
    return built


def tenant_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.yaml"))


# --------------------------------------------------------------------------- balie tenant put


def _request(method: str, url: str, token: str, body: Any = None) -> tuple[int, Any]:
    data = json.dumps(body).encode("utf-8") if body is not None else None
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, {"error": {"message": raw.decode("utf-8", "replace")}}


def _operator_token(api: str) -> str | None:
    try:
        with urllib.request.urlopen(f"{api}/dev/stack", timeout=TIMEOUT_SECONDS) as response:
            return (json.loads(response.read()).get("staffTokens") or {}).get("*")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _api_and_token(args: Any, command: str) -> tuple[str, str | None]:
    api = (args.api or f"http://127.0.0.1:{os.environ.get('PORT', '3000')}").rstrip("/")
    token = args.token or os.environ.get("BALIE_TOKEN") or _operator_token(api)
    if not token:
        print(f"balie tenant {command}: no token: pass --token (an admin's) or start the local stack at {api}",
              file=sys.stderr)
    return api, token


def get(args: Any) -> int:
    """The tenant's current document as a tenant file (YAML) on stdout or in `--output`."""
    import yaml

    api, token = _api_and_token(args, "get")
    if not token:
        return 1
    status, answer = _request("GET", f"{api}/v1/admin/tenants/{args.slug}?document=true", token)
    if status != 200:
        message = (answer or {}).get("error", {}).get("message", answer)
        print(f"balie tenant get: HTTP {status}: {message}", file=sys.stderr)
        return 1
    text = (f"# {args.slug}, version {answer['documentVersion']} (balie tenant get); change it and "
            f"`balie tenant put` it\n" + yaml.safe_dump(answer["document"], allow_unicode=True, sort_keys=False, width=100))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"{args.slug}: version {answer['documentVersion']} written to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def put(args: Any) -> int:
    try:
        document = tenant_document(Path(args.file))
    except TenantFileError as error:
        print(f"balie tenant put: {error}", file=sys.stderr)
        return 1
    api, token = _api_and_token(args, "put")
    if not token:
        return 1
    slug = document["slug"]
    replace = "?knowledge=replace" if getattr(args, "replace_knowledge", False) else ""
    status, answer = _request("PUT", f"{api}/v1/admin/tenants/{slug}{replace}", token, document)
    if status != 202:
        message = (answer or {}).get("error", {}).get("message", answer)
        print(f"balie tenant put: HTTP {status}: {message}", file=sys.stderr)
        return 1
    version = answer["version"]
    print(f"{slug}: version {version} stored, building ...", flush=True)
    if answer.get("keptFromEditors"):
        print(f"{slug}: kept what the editors published for: {', '.join(answer['keptFromEditors'])} "
              f"(the file said otherwise; --replace-knowledge replaces it)", flush=True)
    deadline = time.monotonic() + (args.wait if args.wait is not None else WAIT_SECONDS)
    while time.monotonic() < deadline:
        status, state = _request("GET", f"{api}/v1/admin/tenants/{slug}", token)
        mine = next((item for item in (state or {}).get("versions", []) if item["version"] == version), None)
        if mine and mine["status"] != VersionStatus.BUILDING:
            if mine["status"] == VersionStatus.LIVE:
                print(f"{slug}: version {version} is live (residents see it within the stack's cache period)")
                return 0
            print(f"balie tenant put: {slug} version {version} is {mine['status']}: {mine.get('error') or ''}",
                  file=sys.stderr)
            return 1
        time.sleep(0.5)
    print(f"balie tenant put: {slug} version {version} is still building; see GET {api}/v1/admin/tenants/{slug}",
          file=sys.stderr)
    return 1

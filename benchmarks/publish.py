"""Publish without deploy: `make bench-publish` (issue 17).

1. Publish to live on the local stack (`balie serve`'s stack in this process: HTTP front,
   KbEditorFunction, the tenant-build function on its SQS poller, the chat API, moto; the
   template's TenantCacheSeconds of 30 s): an editor changes Gemeente Voorbeeld's passport
   answer (a unique sentence each round) or adds a gemeente-own intent with its 23 example
   questions (a matcher is trained: the draft check starts at the edit, the build finds its
   artefact), publishes at once, and a resident asks every 0.5 s until the new answer (or the
   new intent) comes back. Measured: seconds from the publish request to the
   first resident answer that shows the change; p50/p95/max over the rounds.
2. A tenant build on one core: `TenantBuilder.build` of a version whose examples differ from
   every artefact so far (a matcher is trained), with this process pinned to one CPU and
   numpy's threads at 1; median and max of --builds.

Run: .venv/bin/python benchmarks/publish.py [--answer-rounds 8] [--example-rounds 2] [--builds 3] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

# One core for the build measurement: set before numpy is imported anywhere.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "ik wil mijn paspoort verlengen"
POLL_SECONDS = 0.5
LIVE_TIMEOUT_SECONDS = 300
OWN_EXAMPLES = ["{}", "{} aanvragen", "{} kwijt", "{} verlengen", "wat kost een {}", "hoe lang is een {} geldig",
                "{} voor mijn kind", "{} gestolen", "nieuwe {}", "{} online aanvragen", "waar haal ik een {}",
                "{} ophalen", "heb ik een {} nodig", "{} kapot", "{} vergeten", "{} opzeggen", "{} betalen",
                "{} met korting", "{} voor ouderen", "mijn {} werkt niet"]


def _call(url: str, method: str, body: Any = None, token: str | None = None) -> Any:
    import urllib.request

    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"null")


def _until_live(base: str, question: str, seen: Any) -> float:
    started = time.monotonic()
    while time.monotonic() - started < LIVE_TIMEOUT_SECONDS:
        reply = _call(base + "/v1/chat", "POST", {"tenant": "voorbeeld", "message": question})
        if seen(reply):
            return time.monotonic() - started
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"not live after {LIVE_TIMEOUT_SECONDS} s")


def publish_to_live(answer_rounds: int, example_rounds: int) -> dict[str, Any]:
    from balie_local.stack import LocalStack

    samples: dict[str, list[float]] = {"answer": [], "examples": []}
    # The resident polls as many new conversations from one address: no per-client limit here.
    with LocalStack(port=0, parameters={"NewConversationsPerClient": "0", "LogLevel": "WARNING"}) as stack:
        base = stack.url
        token = _call(base + "/dev/token", "POST", {"tenant": "voorbeeld", "teams": "*", "roles": ["editor"]})["token"]
        shared = _call(base + "/v1/staff/kb/intents/paspoort", "GET", token=token)["shared"]["answer"]
        for round_number in range(answer_rounds):
            marker = f"Ronde {round_number + 1} {uuid.uuid4().hex[:6]}."
            answer = {"nl": f"{marker} {shared['nl']}", "en": f"{marker} {shared['en']}"}
            _call(base + "/v1/staff/kb/intents/paspoort", "PUT", {"answer": answer}, token)
            started = time.monotonic()
            _call(base + "/v1/staff/kb/publish", "POST", None, token)
            _until_live(base, QUESTION, lambda reply, m=marker: m in json.dumps(reply, ensure_ascii=False))
            samples["answer"].append(time.monotonic() - started)
        for round_number in range(example_rounds):
            # A gemeente-own intent about a made-up pass: its examples are new to every matcher.
            word = f"zwerfpas{uuid.uuid4().hex[:4]}"
            intent_id = f"zwerfpas-{round_number + 1}"
            _call(base + f"/v1/staff/kb/intents/{intent_id}", "PUT", {
                "title": {"nl": f"Zwerfpas {round_number + 1}", "en": f"Roaming pass {round_number + 1}"},
                "answer": {"nl": "De zwerfpas vraagt u aan bij de balie.", "en": "You apply for the pass at the desk."},
                "examples": {"nl": [template.format(word) for template in OWN_EXAMPLES],
                             "en": [f"apply for a {word}", f"lost my {word}", f"{word} price"]}}, token)
            started = time.monotonic()
            _call(base + "/v1/staff/kb/publish", "POST", None, token)
            _until_live(base, f"hoe kom ik aan een {word}", lambda reply, i=intent_id: reply.get("intent") == i)
            samples["examples"].append(time.monotonic() - started)
    every = sorted(samples["answer"] + samples["examples"])
    return {"rounds": {kind: [round(s, 1) for s in values] for kind, values in samples.items()},
            "p50_s": round(statistics.median(every), 1), "p95_s": round(_percentile(every, 95), 1),
            "max_s": round(max(every), 1), "cache_seconds": 30}


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(percent / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def build_on_one_core(builds: int) -> dict[str, Any]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from adapters.kb_files import DirectoryArtefacts, compiled_directory, matcher_code_version, shared_base
    from balie_local.dev_auth import TENANTS_DIR
    from balie_local.tenant_cmd import tenant_document
    from core.kb.models import Tenant
    from core.memory import InMemoryArtefacts, InMemoryTenantRegistry
    from core.tenants import TenantBuilder, VersionStatus
    from datetime import datetime, timezone

    packaged = DirectoryArtefacts(compiled_directory())

    class Artefacts(InMemoryArtefacts):
        """Only the package's artefacts are known, so a new overlay is trained here."""

        def get(self, name: str) -> bytes | None:
            return super().get(name) or packaged.get(name)

    seconds = []
    for number in range(builds):
        document = tenant_document(TENANTS_DIR / "voorbeeld.yaml")
        overrides = document.setdefault("intent_overrides", {})
        afval = overrides.setdefault("afvalkalender", {})
        afval["extra_examples"] = {"nl": [f"wanneer gaat de kliko{number}{uuid.uuid4().hex[:4]} mee"], "en": []}
        tenant = Tenant.model_validate(document)
        registry = InMemoryTenantRegistry()
        builder = TenantBuilder(registry=registry, artefacts=Artefacts(), shared=shared_base,
                                code_version=matcher_code_version)
        version = registry.add_version(tenant, "bench", datetime.now(timezone.utc))
        started = time.process_time(), time.monotonic()
        built = builder.build(tenant.slug, version.version)
        cpu, wall = time.process_time() - started[0], time.monotonic() - started[1]
        assert built is not None and built.status == VersionStatus.LIVE, built
        seconds.append((wall, cpu))
    return {"builds": len(seconds), "wall_median_s": round(statistics.median(w for w, _ in seconds), 1),
            "wall_max_s": round(max(w for w, _ in seconds), 1),
            "cpu_median_s": round(statistics.median(c for _, c in seconds), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answer-rounds", type=int, default=8)
    parser.add_argument("--example-rounds", type=int, default=2)
    parser.add_argument("--builds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("BALIE_NOW", "2026-11-30T10:00:00+01:00")  # office hours: the passport answer, no callback
    results = {"load": os.getloadavg(), "publish_to_live": publish_to_live(args.answer_rounds, args.example_rounds),
               "build_one_core": build_on_one_core(args.builds)}
    if args.json:
        print(json.dumps(results))
        return 0
    live, build = results["publish_to_live"], results["build_one_core"]
    print(f"load average at start: {results['load'][0]:.2f} {results['load'][1]:.2f} {results['load'][2]:.2f}")
    print(f"publish to live (s): answer rounds {live['rounds']['answer']}, example rounds {live['rounds']['examples']}")
    print(f"publish to live: p50 {live['p50_s']} s, p95 {live['p95_s']} s, max {live['max_s']} s "
          f"(target p95 <= 60 s; tenant cache {live['cache_seconds']} s)")
    print(f"tenant build with training, one core: median {build['wall_median_s']} s wall "
          f"({build['cpu_median_s']} s CPU), max {build['wall_max_s']} s over {build['builds']} (target <= 30 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

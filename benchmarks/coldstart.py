"""Cold start of every Lambda handler, against a bare boto3 client, in the same run.

Each measurement is a fresh interpreter (what a new Lambda container is): it times
importing the handler module (Lambda's init phase) and its first invocation with the
function's events/ file, against the embedded AWS (moto in server mode on loopback,
tables and queues from template.yaml, WhatsApp replies to the Graph API stand-in).
The baseline is `import boto3; boto3.client("dynamodb")` in the same kind of fresh
interpreter. The figure of merit is

    ratio = median(import + first call of the handler) / median(import boto3 + client)

(target <= 1.5). For a handler over the target, `python -X importtime` names the
packages its import spends the time in. The children's CPU time (import + first call) is
reported beside the wall clock: on the shared machine it moves far less with the load.

`--no-bytecode` runs every child without .pyc files (an empty bytecode cache, nothing
written): what a cold start costs when the package ships sources only, as `sam build` alone
makes it (`make build` adds the .pyc files). It compiles the baseline's boto3 too.

`--profile FUNCTION` profiles one function's import + first call instead, the way the
figures in BENCHMARKS.md were found: `python -X importtime` of the whole child (modules
first imported during the call included), less what the baseline child imports, by
package; then cProfile around import + first call, its functions by cumulative time (the
raw profile is kept for `python -m pstats`).

A third subject, the stack floor, is what any handler on the fixed stack pays before it
does anything of its own: boto3 with one DynamoDB client, Powertools' Logger, and pydantic
validating one small model. Its ratio shows how much of the 1.5 budget the stack leaves.

`--compare TREE [TREE ...]` measures one function (`--function`, ChatApiFunction by default) of
several source trees instead, interleaved child by child against one embedded AWS with the
baseline in every round (a tree is a checkout or `git archive` with its own built src/kb_compiled):
a before/after on a busy machine, where whole runs of this benchmark minutes apart do not compare.
Before each of its children, a tree publishes its own tenants with its own code and compiled
knowledge (a child process on the tree's path): the artefacts in the stack's bucket are the
tree's, so a tree whose artefact format differs from the runner's still answers its first turn.

Run: .venv/bin/python benchmarks/coldstart.py [--repeats N] [--json] [--no-bytecode]
     .venv/bin/python benchmarks/coldstart.py --profile ChatApiFunction [--profile-out PATH]
     .venv/bin/python benchmarks/coldstart.py --compare /tmp/main . [--function F] [--repeats N]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.5

# function logical id -> (handler module, sample event). The event is the one a
# container would typically see first.
FUNCTIONS = {
    "ChatApiFunction": ("handlers.chat_api", "chat_api_post_first_turn.json"),
    "WhatsAppWebhookFunction": ("handlers.whatsapp_webhook", "whatsapp_webhook_text.json"),
    "WhatsAppWorkerFunction": ("handlers.whatsapp_worker", "whatsapp_worker_text.json"),
    "StaffApiFunction": ("handlers.staff_api", "staff_api_list_waiting.json"),
    "HandoverTimeoutFunction": ("handlers.handover_timeout", "handover_timeout_unclaimed.json"),
}

# Runs in the fresh interpreter. Only `json`, `sys` and `time` are loaded before the
# clock starts: Lambda's runtime has those loaded too (it decodes the event with json).
STACK_FLOOR = "stack-floor"
CHILD = r"""
import json, sys, time
STACK_FLOOR = "stack-floor"
module_name, event_path, function_name = sys.argv[1], sys.argv[2], sys.argv[3]
event = json.load(open(event_path, encoding="utf-8")) if event_path else None

class Context:  # what Powertools reads from Lambda's context object
    function_name = function_name
    function_version = "$LATEST"
    memory_limit_in_mb = 512
    aws_request_id = "coldstart-0001"
    invoked_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:" + function_name
    log_group_name = "/aws/lambda/" + function_name
    log_stream_name = "coldstart"
    def get_remaining_time_in_millis(self):
        return 10_000

profile_path = sys.argv[4] if len(sys.argv) > 4 else ""
if profile_path:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
started, started_cpu = time.perf_counter(), time.process_time()
if module_name == "boto3":
    import boto3
    imported = time.perf_counter()
    boto3.client("dynamodb")
    status = None
elif module_name == STACK_FLOOR:
    import boto3
    import pydantic
    from aws_lambda_powertools import Logger
    class Probe(pydantic.BaseModel):
        text: str
    imported = time.perf_counter()
    boto3.client("dynamodb")
    Logger(service="floor")
    status = Probe.model_validate({"text": "ok"}).text
else:
    import importlib
    module = importlib.import_module(module_name)
    imported = time.perf_counter()
    result = module.handler(event, Context())
    status = result.get("statusCode") if isinstance(result, dict) else ("ok" if result is not None else None)
    if isinstance(result, dict) and "batchItemFailures" in result:
        status = "failures=%d" % len(result["batchItemFailures"])
finished, finished_cpu = time.perf_counter(), time.process_time()
if profile_path:
    profiler.disable()
    profiler.dump_stats(profile_path)
sys.stdout.flush()
sys.stderr.write("@@" + json.dumps({"import_ms": (imported - started) * 1000,
                                    "total_ms": (finished - started) * 1000,
                                    "cpu_ms": (finished_cpu - started_cpu) * 1000, "status": status}) + "\n")
"""


class Embedded:
    """moto server + Graph API stand-in, with the template's resources, for the children."""

    def __init__(self) -> None:
        from balie_local.aws import EmbeddedAws
        from balie_local.graph_standin import GraphStandIn, serve
        from balie_local.template_resources import DEFAULT_REGION, fixed_dev_secret

        self.region = DEFAULT_REGION
        self.aws = EmbeddedAws(region=DEFAULT_REGION)
        self.aws.start()
        self.standin = GraphStandIn(access_token=fixed_dev_secret("/access-token"))
        self.graph = serve(self.standin)
        self.environment: dict[str, str] = {}

    def reprovision(self, extra_tenants: list[dict] | None = None, tree: Path | None = None) -> None:
        """Empty moto and create the resources again: every child finds the state a
        fresh deployment has (no WhatsApp delivery seen yet, no id secret yet), with the
        tenants of tenants/ live (and `extra_tenants`, documents, for the many-tenants run);
        with `tree`, its tenants published by its own code and compiled knowledge."""
        from balie_local.dev_auth import TENANTS_DIR
        from balie_local.stack import reset_function_state
        from balie_local.template_resources import fixed_dev_secret, provision
        from balie_local.tenant_cmd import publish_documents, tenant_document, tenant_files

        reset = urllib.request.Request(self.aws.endpoint_url + "/moto-api/reset", method="POST", data=b"")
        with urllib.request.urlopen(reset, timeout=10):
            pass
        deployment = provision(
            dynamodb=self.aws.client("dynamodb"), sqs=self.aws.client("sqs"), ssm=self.aws.client("ssm"),
            s3=self.aws.client("s3"), region=self.region, secrets=fixed_dev_secret,
            overrides={"Stage": "local", "WhatsAppGraphApiUrl": f"http://127.0.0.1:{self.graph.server_address[1]}/v21.0"},
        )
        self.environment = {**self.aws.environment(), **deployment.merged_environment()}
        # Tenants are data: published here (in this process, against the embedded AWS) as
        # `balie serve` does, before the children start.
        os.environ.update(self.environment)
        if tree is not None:
            publish_in(tree, child_environment(self.environment))
            return
        reset_function_state()
        publish_documents([*(tenant_document(path) for path in tenant_files(TENANTS_DIR)), *(extra_tenants or [])])

    def stop(self) -> None:
        self.graph.shutdown()
        self.graph.server_close()
        self.aws.stop()


PUBLISH = """
from balie_local.dev_auth import TENANTS_DIR
from balie_local.tenant_cmd import publish_documents, tenant_document, tenant_files
publish_documents(tenant_document(path) for path in tenant_files(TENANTS_DIR))
"""


def with_tree(environment: dict[str, str], tree: Path) -> dict[str, str]:
    """The children's environment with `tree`'s code (and so its src/kb_compiled) on the path."""
    return {**environment, "PYTHONPATH": os.pathsep.join([str(tree / "src"), str(tree / "local")])}


def publish_in(tree: Path, environment: dict[str, str]) -> None:
    """`tree`'s tenants published and built by `tree`'s own code, as its `balie serve` would."""
    process = subprocess.run([sys.executable, "-c", PUBLISH], env=with_tree(environment, tree),
                             capture_output=True, text=True, timeout=300, cwd=tree)
    if process.returncode != 0:
        raise RuntimeError(f"{tree}: publishing its tenants failed:\n{process.stderr[-2000:]}")


def child_environment(extra: dict[str, str]) -> dict[str, str]:
    from balie_local.aws import SHADOWING_VARIABLES

    environment = {k: v for k, v in os.environ.items() if k not in SHADOWING_VARIABLES}
    environment.update(extra)
    environment.update({
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "local")]),
        "PYTHONDONTWRITEBYTECODE": "0",  # Lambda packages ship without .pyc; the local cache is warm
        "BALIE_NOW": "2026-11-30T10:00:00+01:00",  # office hours: the usual path
        "POWERTOOLS_METRICS_NAMESPACE": "Balie",
    })
    return environment


def measure(module: str, event_file: str | None, function: str, environment: dict[str, str],
            python_options: tuple[str, ...] = (), profile_path: str = "") -> dict:
    event_path = str(ROOT / "events" / event_file) if event_file else ""
    # What Lambda sets in every execution environment (handlers.cold_start reads it).
    environment = {**environment, "AWS_LAMBDA_FUNCTION_NAME": function}
    process = subprocess.run(
        [sys.executable, *python_options, "-c", CHILD, module, event_path, function, profile_path],
        env=environment, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    line = next((l for l in process.stderr.splitlines() if l.startswith("@@")), None)
    if process.returncode != 0 or line is None:
        raise RuntimeError(f"{module}: child failed ({process.returncode}):\n{process.stderr[-2000:]}")
    sample = json.loads(line[2:])
    sample["stderr"] = process.stderr
    return sample


def import_profile(module: str, environment: dict[str, str], top: int = 10) -> list[tuple[str, float]]:
    """Top-level packages by cumulative import time (python -X importtime), in ms,
    without the module's own package (it contains everything)."""
    process = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        env=environment, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    by_package: dict[str, float] = defaultdict(float)
    for line in process.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        if not cumulative.isdigit():
            continue
        # A package's cost is its outermost import's cumulative time (the largest entry).
        package = name.split(".")[0]
        by_package[package] = max(by_package[package], int(cumulative) / 1000)
    by_package.pop(module.split(".")[0], None)
    return sorted(by_package.items(), key=lambda item: -item[1])[:top]


def run(repeats: int, bytecode: bool = True) -> dict:
    embedded = Embedded()
    samples: dict[str, list[dict]] = defaultdict(list)
    # Without bytecode: an empty cache directory that nothing is written to.
    no_bytecode = {} if bytecode else {"PYTHONPYCACHEPREFIX": tempfile.mkdtemp(prefix="balie-no-bytecode-"),
                                       "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        for _ in range(repeats):
            # Interleaved, so a busy moment of the shared machine hits every subject alike.
            embedded.reprovision()
            environment = {**child_environment(embedded.environment), **no_bytecode}
            samples["boto3"].append(measure("boto3", None, "baseline", environment))
            samples[STACK_FLOOR].append(measure(STACK_FLOOR, None, "floor", environment))
            for function, (module, event_file) in FUNCTIONS.items():
                samples[function].append(measure(module, event_file, function, environment))
        environment = child_environment(embedded.environment)
        baseline_ms = statistics.median(s["total_ms"] for s in samples["boto3"])
        baseline_cpu_ms = statistics.median(s["cpu_ms"] for s in samples["boto3"])
        floor_ms = statistics.median(s["total_ms"] for s in samples[STACK_FLOOR])
        results = {
            "baseline_ms": baseline_ms, "baseline_cpu_ms": baseline_cpu_ms, "repeats": repeats, "bytecode": bytecode,
            "functions": {},
            "stack_floor_ms": floor_ms, "stack_floor_ratio": floor_ms / baseline_ms,
        }
        for function, (module, event_file) in FUNCTIONS.items():
            total = statistics.median(s["total_ms"] for s in samples[function])
            imported = statistics.median(s["import_ms"] for s in samples[function])
            cpu = statistics.median(s["cpu_ms"] for s in samples[function])
            entry = {
                "module": module, "event": event_file, "import_ms": imported, "total_ms": total,
                "ratio": total / baseline_ms, "import_ratio": imported / baseline_ms,
                "cpu_ms": cpu, "cpu_ratio": cpu / baseline_cpu_ms,
                "statuses": sorted({str(s["status"]) for s in samples[function]}),
            }
            if entry["ratio"] > TARGET_RATIO:
                entry["import_profile"] = import_profile(module, environment)
            results["functions"][function] = entry
        results["boto3_profile"] = import_profile("boto3", environment, top=3)
        return results
    finally:
        embedded.stop()
        if no_bytecode:
            os.rmdir(no_bytecode["PYTHONPYCACHEPREFIX"])


def report(results: dict) -> str:
    lines = [
        f"baseline `import boto3; boto3.client('dynamodb')`: {results['baseline_ms']:.0f} ms "
        f"(median of {results['repeats']} fresh interpreters"
        f"{'' if results['bytecode'] else ', every child without .pyc files'})",
        f"stack floor (boto3 + DynamoDB client + Powertools Logger + one pydantic model): "
        f"{results['stack_floor_ms']:.0f} ms, ratio {results['stack_floor_ratio']:.2f}",
        f"baseline CPU time: {results['baseline_cpu_ms']:.0f} ms",
        "",
        "| function | import | import + first call | ratio to baseline | CPU time | CPU ratio | first answer |",
        "|---|---|---|---|---|---|---|",
    ]
    for function, entry in results["functions"].items():
        verdict = "" if entry["ratio"] <= TARGET_RATIO else " (over 1.5)"
        lines.append(
            f"| {function} | {entry['import_ms']:.0f} ms | {entry['total_ms']:.0f} ms | "
            f"{entry['ratio']:.2f}{verdict} | {entry['cpu_ms']:.0f} ms | {entry['cpu_ratio']:.2f} | "
            f"{', '.join(entry['statuses'])} |"
        )
    for function, entry in results["functions"].items():
        if "import_profile" in entry:
            profile = ", ".join(f"{name} {ms:.0f} ms" for name, ms in entry["import_profile"])
            lines.append(f"\n{function} import, by package (cumulative, -X importtime): {profile}")
    return "\n".join(lines)


def imported_modules(importtime_output: str) -> dict[str, tuple[float, float]]:
    """module -> (self ms, cumulative ms) from `python -X importtime` output."""
    modules: dict[str, tuple[float, float]] = {}
    for line in importtime_output.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        if own.isdigit() and cumulative.isdigit():
            modules[name] = (int(own) / 1000, int(cumulative) / 1000)
    return modules


def profile(function: str, profile_out: Path, top: int = 40) -> str:
    """Where one function's import + first call goes, beyond what the baseline does."""
    import pstats

    module, event_file = FUNCTIONS[function]
    embedded = Embedded()
    try:
        embedded.reprovision()
        environment = child_environment(embedded.environment)
        baseline = imported_modules(measure("boto3", None, "baseline", environment, ("-X", "importtime"))["stderr"])
        embedded.reprovision()
        traced = measure(module, event_file, function, environment, ("-X", "importtime"))
        embedded.reprovision()
        plain = measure(module, event_file, function, environment)
        embedded.reprovision()
        measure(module, event_file, function, environment, profile_path=str(profile_out))
    finally:
        embedded.stop()
    extra = {name: times for name, times in imported_modules(traced["stderr"]).items() if name not in baseline}
    by_package: dict[str, float] = defaultdict(float)
    for name, (own, _) in extra.items():
        parts = name.split(".")
        # Balie's own modules by subpackage (core.dialogue, core.matcher, ...), others by distribution.
        by_package[".".join(parts[:2]) if parts[0] in ("core", "channels", "handlers", "adapters") else parts[0]] += own
    lines = [
        f"{function}: import + first call {plain['total_ms']:.0f} ms wall, {plain['cpu_ms']:.0f} ms CPU "
        f"(import {plain['import_ms']:.0f} ms); unprofiled, one run",
        f"modules the baseline does not import: {len(extra)}, {sum(own for own, _ in extra.values()):.0f} ms "
        "of their own import time (-X importtime, which adds its own overhead), by package:",
    ]
    lines += [f"  {ms:6.1f} ms  {package}" for package, ms in sorted(by_package.items(), key=lambda item: -item[1]) if ms >= 1]
    stream = io.StringIO()
    stats = pstats.Stats(str(profile_out), stream=stream)
    stats.sort_stats("cumulative").print_stats(top)
    lines += ["", f"cProfile of import + first call (raw profile: {profile_out}), by cumulative time:", stream.getvalue()]
    return "\n".join(lines)


def compare(trees: list[Path], function: str, rounds: int) -> str:
    """One function's import + first call with the code of each tree, interleaved."""
    module, event_file = FUNCTIONS[function]
    embedded = Embedded()
    baseline: list[dict] = []
    samples: dict[Path, list[dict]] = {tree: [] for tree in trees}
    try:
        for _ in range(rounds):
            for subject in [None, *trees]:
                embedded.reprovision(tree=subject)
                environment = child_environment(embedded.environment)
                if subject is None:
                    baseline.append(measure("boto3", None, "baseline", environment))
                    continue
                samples[subject].append(measure(module, event_file, function, with_tree(environment, subject)))
    finally:
        embedded.stop()
    wall = statistics.median(s["total_ms"] for s in baseline)
    cpu = statistics.median(s["cpu_ms"] for s in baseline)
    lines = [f"{function}, median of {rounds} rounds; baseline {wall:.0f} ms wall, {cpu:.0f} ms CPU",
             "| tree | wall | ratio | CPU | CPU ratio | first answer |", "|---|---|---|---|---|---|"]
    for tree, runs in samples.items():
        tree_wall = statistics.median(s["total_ms"] for s in runs)
        tree_cpu = statistics.median(s["cpu_ms"] for s in runs)
        lines.append(f"| {tree} | {tree_wall:.0f} ms | {tree_wall / wall:.2f} | {tree_cpu:.0f} ms | {tree_cpu / cpu:.2f} | "
                     f"{', '.join(sorted({str(s['status']) for s in runs}))} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    parser.add_argument("--no-bytecode", action="store_true", help="children compile every module from source")
    parser.add_argument("--profile", choices=sorted(FUNCTIONS), help="profile this function's import + first call")
    parser.add_argument("--profile-out", type=Path, default=Path(tempfile.gettempdir()) / "coldstart.prof")
    parser.add_argument("--compare", type=Path, nargs="+", metavar="TREE", help="compare these source trees")
    parser.add_argument("--function", choices=sorted(FUNCTIONS), default="ChatApiFunction", help="with --compare")
    arguments = parser.parse_args()
    if arguments.compare:
        print(compare([tree.resolve() for tree in arguments.compare], arguments.function, arguments.repeats))
        return
    if arguments.profile:
        print(profile(arguments.profile, arguments.profile_out))
        return
    results = run(arguments.repeats, bytecode=not arguments.no_bytecode)
    print(json.dumps(results, indent=1) if arguments.json else report(results))


if __name__ == "__main__":
    main()

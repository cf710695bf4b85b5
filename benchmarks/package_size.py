"""Size of the Lambda package: what `sam build` puts in each function's artefact.

Every function has CodeUri src/, so one artefact size holds for all of them. Tried in
this order, and the report says which one produced the figure:

1. `make build`'s steps (local/balie_local/lambda_build.py): `sam build` on template.yaml with
   the SAM CLI of .venv-sam (no Docker; the build needs a python3.12 interpreter on PATH,
   e.g. `PYENV_VERSION=3.12.1`), then every module byte-compiled for Python 3.12, as deployed;
2. when that cannot run (no SAM CLI, no python3.12), the equivalent by hand: `pip install -r src/requirements.txt --target DIR
   --platform manylinux2014_aarch64 --only-binary=:all: --python-version 3.12`
   plus src/ without caches.

boto3 is not packaged (the Lambda runtime provides it), so it is not counted.

Run: .venv/bin/python benchmarks/package_size.py [--json]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

from balie_local.lambda_build import compile_package, lambda_python_version, sam_build, store_patterns

ROOT = Path(__file__).resolve().parents[1]
LAMBDA_ZIP_LIMIT_MB = 50
LAMBDA_UNZIPPED_LIMIT_MB = 250
SKIPPED = (".pytest_cache",)


def pip_equivalent(target: Path) -> tuple[bool, str]:
    process = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "-r", str(ROOT / "src" / "requirements.txt"),
         "--target", str(target), "--platform", "manylinux2014_aarch64", "--only-binary=:all:",
         "--python-version", "3.12", "--implementation", "cp", "--no-compile"],
        capture_output=True, text=True, timeout=900,
    )
    if process.returncode != 0:
        return False, process.stderr.strip()[-300:]
    shutil.copytree(ROOT / "src", target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "requirements.txt"))
    return True, "pip install --platform manylinux2014_aarch64 --python-version 3.12 + src/"


def measure(artefact: Path) -> dict:
    """Unzipped bytes by top-level entry, and the size of the zip Lambda would get."""
    by_entry: dict[str, int] = defaultdict(int)
    files: list[Path] = []
    for path in artefact.rglob("*"):
        if path.is_file() and not any(part in SKIPPED for part in path.parts):
            files.append(path)
            top = path.relative_to(artefact).parts[0]
            top = top.split("-")[0] if top.endswith((".dist-info", ".libs")) else top
            by_entry[top] += path.stat().st_size
    largest = sorted(by_entry.items(), key=lambda item: -item[1])[:8]
    machines = sorted({machine_of(path) for path in files if path.suffix == ".so" or ".so." in path.name})
    return {
        "unzipped_mb": sum(by_entry.values()) / 1e6,
        "bytecode_mb": sum(path.stat().st_size for path in files if path.suffix == ".pyc") / 1e6,
        "zipped_mb": zipped_size(artefact, files) / 1e6,
        # what `sam build` alone uploads (sources only): every cold start compiles them
        "sources_zipped_mb": zipped_size(artefact, [path for path in files if path.suffix != ".pyc"]) / 1e6,
        "largest": [(name, size / 1e6) for name, size in largest],
        "has_boto3": any(name in ("boto3", "botocore") for name in by_entry),
        "native_code": machines,
    }


def zipped_size(artefact: Path, files: list[Path]) -> int:
    """Bytes of the zip of `files` (deflate level 6), the upload Lambda would get."""
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "function.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zipped:
            for path in files:
                zipped.write(path, path.relative_to(artefact))
        return archive.stat().st_size


ELF_MACHINES = {0x3E: "x86-64", 0xB7: "aarch64"}


def machine_of(path: Path) -> str:
    """The CPU a shared library is built for (ELF e_machine): arm64 Lambdas need aarch64."""
    header = path.read_bytes()[:20]
    if header[:4] != b"\x7fELF":
        return "not ELF"
    return ELF_MACHINES.get(int.from_bytes(header[18:20], "little"), hex(int.from_bytes(header[18:20], "little")))


def run() -> dict:
    attempts: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="balie-package-") as scratch:
        scratch_dir = Path(scratch)
        build_dir = scratch_dir / "sam-build"
        ok, note = sam_build(build_dir)
        attempts.append(("sam build (template.yaml)", note))
        if ok:
            artefact = build_dir / "ChatApiFunction"
        else:
            artefact = scratch_dir / "pip-target"
            ok, note = pip_equivalent(artefact)
            attempts.append(("pip --target equivalent", note))
            if not ok:
                return {"attempts": attempts}
        method = attempts[-1][0]
        version = lambda_python_version()
        if shutil.which(f"python{version}"):
            compile_package(artefact, version)  # what `make build` deploys
            store_patterns(artefact, version)
            method += f", byte-compiled and regular expressions stored for Python {version}"
        return {"attempts": attempts, "method": method, **measure(artefact)}


def report(result: dict) -> str:
    lines = [f"- {what}: {note}" for what, note in result["attempts"]]
    if "zipped_mb" not in result:
        return "\n".join(["no package could be built:", *lines])
    lines += [
        "",
        f"measured from: {result['method']}",
        f"zipped {result['zipped_mb']:.1f} MB (limit {LAMBDA_ZIP_LIMIT_MB} MB), unzipped {result['unzipped_mb']:.1f} MB "
        f"(limit {LAMBDA_UNZIPPED_LIMIT_MB} MB), of which .pyc files {result['bytecode_mb']:.1f} MB "
        f"(sources only: {result['sources_zipped_mb']:.1f} MB zipped); "
        f"boto3 packaged: {'yes' if result['has_boto3'] else 'no'}; "
        f"native code built for: {', '.join(result['native_code']) or 'none'}",
        "largest entries (unzipped): " + ", ".join(f"{name} {mb:.1f} MB" for name, mb in result["largest"]),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    arguments = parser.parse_args()
    result = run()
    print(json.dumps(result, indent=1) if arguments.json else report(result))


if __name__ == "__main__":
    main()

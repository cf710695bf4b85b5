"""The Lambda package as it is deployed: `sam build`, then its modules byte-compiled and the
regular expressions the functions compile at cold start stored compiled (handlers.stored_patterns),
both for the functions' Python (`make build`; `sam deploy` uploads `.aws-sam/build`).

aws-lambda-builders unpacks the dependencies' wheels and copies src/ without `__pycache__`,
and a function's code directory is read-only, so a package without .pyc files compiles every
module it imports from source on every cold start: on the development machine that triples the
CPU time of the chat function's import + first call (BENCHMARKS.md, "Cold start"). The .pyc
files are written with `--invalidation-mode unchecked-hash`: a package never changes once
built, and the files Lambda unpacks carry no modification times to check against.

    .venv/bin/python -m balie_local.lambda_build [--build-dir DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from balie_local.template_resources import REPO_ROOT, TEMPLATE_PATH, load_template

SAM = REPO_ROOT / ".venv-sam" / "bin" / "sam"
DEFAULT_BUILD_DIR = REPO_ROOT / ".aws-sam" / "build"
# Not compiled: phonenumbers' geocoder, carrier and time-zone tables (about 20 MB of source
# that Balie never imports; their .pyc would add about 10 MB to every zipped function).
NOT_COMPILED = r"[/\\]phonenumbers[/\\](geodata|carrierdata|tzdata)[/\\]"


def lambda_python_version(template: Path = TEMPLATE_PATH) -> str:
    """"3.12" for the template's `Globals.Function.Runtime: python3.12`."""
    return str(load_template(template)["Globals"]["Function"]["Runtime"]).removeprefix("python")


def environment(version: str) -> dict[str, str]:
    """The environment in which `python<version>` is the functions' Python: `sam build` needs
    it on PATH (no Docker), and the .pyc files must be that version's. With pyenv, a shim
    finds it only when asked for a version that has it."""
    environment = dict(os.environ, SAM_CLI_TELEMETRY="0")
    if shutil.which(f"python{version}") and "PYENV_VERSION" not in environment:
        versions = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True).stdout.split() \
            if shutil.which("pyenv") else []
        match = next((v for v in reversed(versions) if v.startswith(f"{version}.")), None)
        if match:
            environment["PYENV_VERSION"] = match
    return environment


def sam_build(build_dir: Path, template: Path = TEMPLATE_PATH) -> tuple[bool, str]:
    """`sam build` of the template into `build_dir`: (succeeded, what happened)."""
    if not SAM.exists():
        return False, "no SAM CLI in .venv-sam (make lint installs it)"
    process = subprocess.run(
        [str(SAM), "build", "--template-file", str(template), "--build-dir", str(build_dir),
         "--no-cached", "--region", "eu-west-1"],
        cwd=template.parent, env=environment(lambda_python_version(template)), capture_output=True, text=True,
        timeout=900,
    )
    output = process.stdout + process.stderr
    if process.returncode != 0:
        error = next((line for line in output.splitlines() if line.startswith("Error:")), output.strip()[-300:])
        return False, error
    return True, "sam build succeeded"


def compile_package(build_dir: Path, version: str, python: str | None = None) -> None:
    """Byte-compile every function's package in `build_dir` for Python `version`
    (with `python<version>`, or the interpreter `python` of that version)."""
    subprocess.run(
        [python or f"python{version}", "-m", "compileall", "-q", "-j", "0", "--invalidation-mode",
         "unchecked-hash", "-x", NOT_COMPILED, str(build_dir)],
        env=environment(version), check=True, capture_output=True, text=True, timeout=900,
    )


def store_patterns(build_dir: Path, version: str, python: str | None = None) -> list[Path]:
    """handlers.stored_patterns' store for Python `version` in every function package of
    `build_dir` (a package's root holds `handlers/`), replacing the local interpreter's that
    `sam build` copied with src/. Compiled by `python<version>` with the standard library only:
    the package's own dependencies are built for Lambda's machine, not this one."""
    from balie_local.pattern_store import write

    packages = [module.parent for module in (*build_dir.glob("handlers/stored_patterns.py"),
                                             *build_dir.glob("*/handlers/stored_patterns.py"))]
    return write([package / "data" for package in packages], python or f"python{version}", environment(version))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", type=Path, default=DEFAULT_BUILD_DIR)
    arguments = parser.parse_args()
    ok, note = sam_build(arguments.build_dir)
    if not ok:
        sys.exit(f"sam build failed: {note}")
    version = lambda_python_version()
    compile_package(arguments.build_dir, version)
    store_patterns(arguments.build_dir, version)
    print(f"{arguments.build_dir}: built, byte-compiled and its regular expressions stored for Python {version}")


if __name__ == "__main__":
    main()

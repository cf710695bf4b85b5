"""`make build` (balie_local.lambda_build): the deployed package carries .pyc files for the
functions' Python, so a cold start does not compile every module from source."""
from __future__ import annotations

import struct
import sys
from pathlib import Path

from balie_local.lambda_build import compile_package, lambda_python_version
from balie_local.template_resources import load_template


def test_the_bytecode_is_for_the_template_s_runtime() -> None:
    assert load_template()["Globals"]["Function"]["Runtime"] == f"python{lambda_python_version()}"


def test_every_module_gets_a_pyc_that_never_checks_its_source(tmp_path: Path) -> None:
    function = tmp_path / "ChatApiFunction"
    (function / "handlers").mkdir(parents=True)
    (function / "handlers" / "chat_api.py").write_text("def handler(event, context):\n    return 200\n")
    (function / "top.py").write_text("VALUE = 1\n")
    (function / "phonenumbers" / "geodata").mkdir(parents=True)
    (function / "phonenumbers" / "geodata" / "data0.py").write_text("DATA = {}\n")
    compile_package(tmp_path, f"{sys.version_info.major}.{sys.version_info.minor}", python=sys.executable)
    tag = sys.implementation.cache_tag
    for compiled in (function / "handlers" / "__pycache__" / f"chat_api.{tag}.pyc", function / "__pycache__" / f"top.{tag}.pyc"):
        (flags,) = struct.unpack_from("<I", compiled.read_bytes(), 4)
        assert flags == 0b01  # hash-based, unchecked: no mtime to compare after Lambda unpacks the zip
    assert not (function / "phonenumbers" / "geodata" / "__pycache__").exists()  # tables Balie never imports

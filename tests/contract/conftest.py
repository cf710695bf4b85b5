"""The contract tests run handlers against the integration suite's one `mock_aws` fixture."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "balie_integration_fixtures", Path(__file__).resolve().parents[1] / "integration" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _fixtures  # dataclasses look their module up there
_spec.loader.exec_module(_fixtures)

graph_api = _fixtures.graph_api
mock_aws = _fixtures.mock_aws

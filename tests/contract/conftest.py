"""The contract tests run handlers against the integration suite's one `mock_aws` fixture."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_INTEGRATION = Path(__file__).resolve().parents[1] / "integration"


def _load(name: str, path: Path):  # noqa: ANN202 (a module)
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# The integration conftest imports its support module by name (tests/integration is not on
# sys.path when this directory's tests run alone).
if "stack_support" not in sys.modules:
    _load("stack_support", _INTEGRATION / "stack_support.py")
_fixtures = _load("balie_integration_fixtures", _INTEGRATION / "conftest.py")

graph_api = _fixtures.graph_api
mock_aws = _fixtures.mock_aws

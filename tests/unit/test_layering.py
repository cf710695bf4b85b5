"""Keeps the layering honest: core is pure, Lambda code never imports local-only code."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def top_level(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


CORE_FORBIDDEN = {"boto3", "botocore", "handlers", "adapters", "channels", "balie_local", "aws_lambda_powertools"}
LAMBDA_FORBIDDEN = {"balie_local", "moto", "yaml", "sklearn", "torch"}


@pytest.mark.parametrize("path", sorted((SRC / "core").rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_core_is_pure(path: Path) -> None:
    assert top_level(imported_modules(path)) & CORE_FORBIDDEN == set()


@pytest.mark.parametrize(
    "path",
    sorted(p for layer in ("handlers", "adapters", "channels") for p in (SRC / layer).rglob("*.py")),
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_lambda_code_never_imports_local_only_code(path: Path) -> None:
    assert top_level(imported_modules(path)) & LAMBDA_FORBIDDEN == set()


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import boto3\nfrom handlers.chat_api import handler\n", encoding="utf-8")
    assert top_level(imported_modules(bad)) & CORE_FORBIDDEN == {"boto3", "handlers"}

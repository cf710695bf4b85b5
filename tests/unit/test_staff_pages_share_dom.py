"""The staff pages (the dashboard and the knowledge-base editor) share one set of DOM helpers,
web/staff/dom.js: each page loads it before its own script (both `defer`, so in document
order), and no page script defines the helpers again."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

STAFF = Path(__file__).resolve().parents[2] / "web" / "staff"
PAGES = {"index.html": "staff.js", "editor.html": "editor.js"}


@pytest.mark.parametrize(("page", "script"), PAGES.items())
def test_each_staff_page_loads_the_shared_helpers_before_its_own_script(page: str, script: str) -> None:
    scripts = re.findall(r'<script src="/staff/([a-z.]+)" defer></script>', (STAFF / page).read_text(encoding="utf-8"))
    assert scripts == ["dom.js", script]


@pytest.mark.parametrize("script", PAGES.values())
def test_no_page_script_defines_the_shared_helpers_again(script: str) -> None:
    source = (STAFF / script).read_text(encoding="utf-8")
    defined = set(re.findall(r"function (h|\$|clear|meta|storedSession)\(", source))
    assert not defined, f"{script} defines {defined}: use window.BalieDom (dom.js)"
    assert "window.BalieDom" in source

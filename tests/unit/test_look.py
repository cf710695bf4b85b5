"""core.look: the widget's look against WCAG AA contrast, as widget.js applies it at run time."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from channels.web import render_widget_settings
from core.kb.models import Look, Tenant
from core.look import contrast_ratio, readable

TEAMS = {"kcc": {"name": {"nl": "KCC", "en": "KCC"}}}


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just under AA
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey


def test_the_default_look_and_a_readable_one_are_kept_as_they_are() -> None:
    assert readable(Look()) == (Look(), [])
    look = Look(primary_background_color="#0b6e4f", primary_color="#ffffff", link_color="#0b6e4f",
                focus_outline_color="#0b6e4f", font_family="Verdana, sans-serif", border_radius="4px")
    assert readable(look) == (look, [])


def test_unreadable_text_on_the_primary_colour_becomes_black_or_white() -> None:
    look, problems = readable(Look(primary_background_color="#ffd500"))  # default white text: 1.4:1
    assert look.primary_color == "#000000"
    assert [problem.token for problem in problems] == ["primary_color"]
    look, _ = readable(Look(primary_background_color="#0b3d2e", primary_color="#123456"))
    assert look.primary_color == "#ffffff"


def test_a_light_link_or_focus_colour_falls_back_to_a_readable_one() -> None:
    look, problems = readable(Look(primary_background_color="#0b6e4f", link_color="#9ecae1", focus_outline_color="#eeeeee"))
    assert (look.link_color, look.focus_outline_color) == ("#0b6e4f", "#0b6e4f")
    assert [problem.token for problem in problems] == ["link_color", "focus_outline_color"]
    # A primary colour that does not read on white either: Balie's blue.
    look, _ = readable(Look(primary_background_color="#ffd500", primary_color="#000000", link_color="#ffee00"))
    assert look.link_color == "#1f4e8c"
    # The focus outline needs only 3:1 (non-text contrast).
    assert readable(Look(focus_outline_color="#949494"))[1] == []


@pytest.mark.parametrize("field, value", [
    ("primary_background_color", "red"), ("primary_color", "#fff"), ("font_family", "Arial; } body { display:none"),
    ("font_family", "url(x)"), ("border_radius", "calc(1px)"), ("border_radius", "12"),
])
def test_look_values_are_only_what_the_stylesheet_can_take(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        Look(**{field: value})


def test_the_first_tenant_format_colors_still_reads_as_the_look() -> None:
    tenant = Tenant.model_validate({"slug": "x", "name": "X", "domain": "x.example", "default_team": "kcc", "teams": TEAMS,
                                    "colors": {"primary": "#0b6e4f", "on_primary": "#ffffff"}})
    assert (tenant.look.primary_background_color, tenant.look.primary_color) == ("#0b6e4f", "#ffffff")
    assert "colors" not in tenant.model_dump()
    with pytest.raises(ValidationError):
        Tenant.model_validate({"slug": "x", "name": "X", "domain": "x.example", "default_team": "kcc", "teams": TEAMS,
                               "colors": {"primary": "blue"}})


def test_the_widget_settings_serve_the_look_in_camel_case_and_readable() -> None:
    tenant = Tenant.model_validate({"slug": "x", "name": "X", "domain": "x.example", "default_team": "kcc", "teams": TEAMS,
                                    "look": {"primary_background_color": "#ffd500", "font_family": "Verdana, sans-serif"}})
    assert render_widget_settings(tenant) == {"tenant": "x", "look": {
        "primaryBackgroundColor": "#ffd500", "primaryColor": "#000000", "linkColor": None, "focusOutlineColor": None,
        "fontFamily": "Verdana, sans-serif", "borderRadius": None}}

"""The website widget's look against WCAG 2.1 AA contrast.

The widget (web/widget.js, `applyLook`) applies the same rule at run time to whatever mix of
page tokens, tenant settings and defaults it ends up with; here it is applied to a tenant's
`look` so that the settings route never serves an unreadable pair and `balie kb check`
reports the tokens that would be replaced.

- text on the primary background (launcher, header, the resident's own messages, Send): 4.5:1,
  else black or white, whichever reads better;
- links and answer buttons on white: 4.5:1, else the primary background colour when that reads
  on white, else Balie's blue;
- the focus outline against white: 3:1 (non-text contrast, WCAG 1.4.11), else the link colour.
"""
from __future__ import annotations

from dataclasses import dataclass

from .kb.models import Look

DEFAULT_PRIMARY_BACKGROUND = "#1f4e8c"
DEFAULT_PRIMARY_TEXT = "#ffffff"
WHITE = "#ffffff"
BLACK = "#000000"
TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0


@dataclass(frozen=True)
class LookProblem:
    token: str  # the Look field that is replaced
    message: str


def relative_luminance(hex_color: str) -> float:
    value = int(hex_color.lstrip("#"), 16)
    channels = ((value >> 16) & 255, (value >> 8) & 255, value & 255)
    linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _best_text_on(background: str) -> str:
    return WHITE if contrast_ratio(background, WHITE) >= contrast_ratio(background, BLACK) else BLACK


def readable(look: Look) -> tuple[Look, list[LookProblem]]:
    """`look` with every pair under its minimum replaced as the widget would, and what was replaced.

    Unset tokens stay unset (the page's theme or the default fills them), except where a set
    token made the default partner unreadable: then the replacement is written out.
    """
    problems: list[LookProblem] = []
    changes: dict[str, str] = {}
    background = look.primary_background_color or DEFAULT_PRIMARY_BACKGROUND
    text = look.primary_color or DEFAULT_PRIMARY_TEXT
    ratio = contrast_ratio(background, text)
    if ratio < TEXT_CONTRAST:
        changes["primary_color"] = _best_text_on(background)
        problems.append(LookProblem("primary_color", (
            f"primary_color {text} on primary_background_color {background} has contrast {ratio:.1f}:1, "
            f"under {TEXT_CONTRAST}:1; the widget uses {changes['primary_color']}")))
    fallback_link = background if contrast_ratio(background, WHITE) >= TEXT_CONTRAST else DEFAULT_PRIMARY_BACKGROUND
    link = look.link_color
    if link is not None and (ratio := contrast_ratio(link, WHITE)) < TEXT_CONTRAST:
        changes["link_color"] = link = fallback_link
        problems.append(LookProblem("link_color", (
            f"link_color {look.link_color} on white has contrast {ratio:.1f}:1, under {TEXT_CONTRAST}:1; "
            f"the widget uses {link}")))
    focus = look.focus_outline_color
    if focus is not None and (ratio := contrast_ratio(focus, WHITE)) < NON_TEXT_CONTRAST:
        changes["focus_outline_color"] = link or fallback_link
        problems.append(LookProblem("focus_outline_color", (
            f"focus_outline_color {focus} against white has contrast {ratio:.1f}:1, under {NON_TEXT_CONTRAST}:1; "
            f"the widget uses {changes['focus_outline_color']}")))
    return look.model_copy(update=changes), problems

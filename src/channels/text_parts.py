"""Text for messaging apps with length limits (WhatsApp, Messenger, Instagram): cut a
title to fit, split a long answer into messages, write links into the text.

`size` measures a text in the unit the channel counts: characters (`len`, WhatsApp and
Messenger) or UTF-8 bytes (`utf8_size`, Instagram).
"""
from __future__ import annotations

from collections.abc import Callable

from core.models import Button, ReplyMessage

ELLIPSIS = "\u2026"
Size = Callable[[str], int]


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8"))


def shorten(text: str, limit: int) -> str:
    """`text` within `limit` characters: cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    # A word boundary in the second half keeps the meaning; a very long first
    # word is cut mid-word rather than leaving almost nothing.
    if space >= (limit - 1) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:-\u2013") + ELLIPSIS


def _longest_prefix(text: str, limit: int, size: Size) -> int:
    """How many characters of `text` fit in `limit` (at least one)."""
    if size(text) <= limit:
        return len(text)
    low, high = 1, len(text)
    while low < high:  # the largest n with size(text[:n]) <= limit
        middle = (low + high + 1) // 2
        if size(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def split_text(text: str, limit: int, size: Size = len) -> list[str]:
    """Splits a long answer into messages of at most `limit` (as `size` counts) at
    paragraph, line or word boundaries; nothing is lost."""
    text = text.strip()
    parts: list[str] = []
    while size(text) > limit:
        fits = _longest_prefix(text, limit, size)
        window = text[: fits + 1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            position = window.rfind(separator)
            if position >= fits // 2 and position <= fits:
                cut = position
                break
        if cut <= 0:
            cut = fits
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def body_with_links(message: ReplyMessage) -> str:
    """The message text with its links written out: the apps show URLs as links."""
    if not message.links:
        return message.text.strip()
    lines = [f"{link.title}: {link.url}" for link in message.links]
    return (message.text.strip() + "\n\n" + "\n".join(lines)).strip()


def distinct_choices(buttons: list[Button], id_limit: int) -> list[Button]:
    """Meta refuses a message whose choices repeat an id (the payload, cut to `id_limit`); two
    buttons with the same payload are the same choice, so the first one stays."""
    seen: set[str] = set()
    distinct = []
    for button in buttons:
        key = button.payload[:id_limit]
        if key not in seen:
            seen.add(key)
            distinct.append(button)
    return distinct


def unique_titles(titles: list[str], limit: int) -> list[str]:
    """Titles shortened to `limit`, made unique with a number where shortening made two equal."""
    result: list[str] = []
    for title in titles:
        candidate = shorten(title, limit) or "-"
        number = 2
        while candidate in result:
            suffix = f" ({number})"
            candidate = shorten(title, limit - len(suffix)) + suffix
            number += 1
        result.append(candidate)
    return result


def folded(messages: list[ReplyMessage], prompt_limit: int | None = None) -> list[ReplyMessage]:
    """A turn as at most two messages (a phone buzzes for each one): everything said in one
    text, links written out, then the choices of the last message that has any (earlier
    choices, such as the greeting's "talk to a person", go: the resident can type them).
    A choice whose text is longer than `prompt_limit` says it with the rest; the choices
    then come with the channel's short prompt (an empty text)."""
    with_buttons = [message for message in messages if message.buttons]
    choice = with_buttons[-1] if with_buttons else None
    said = [body_with_links(message) for message in messages if message is not choice]
    if choice is not None and prompt_limit is not None and len(body_with_links(choice)) > prompt_limit:
        said.append(body_with_links(choice))
        choice = ReplyMessage(text="", buttons=choice.buttons)
    text = "\n\n".join(part for part in said if part)
    return ([ReplyMessage(text=text)] if text else []) + ([choice] if choice is not None else [])

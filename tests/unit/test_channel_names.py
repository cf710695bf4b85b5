"""The channels go by one name everywhere staff read them: the ticket e-mail, the staff
dashboard (web/staff/staff.js) and reports use core.models' names."""
from __future__ import annotations

import json
import re
from pathlib import Path

from core.models import CHANNEL_NAMES, MESSAGING_CHANNELS, Channel

STAFF_JS = Path(__file__).resolve().parents[2] / "web" / "staff" / "staff.js"


def dashboard_table(name: str) -> dict:
    source = STAFF_JS.read_text(encoding="utf-8")
    literal = re.search(rf"var {name} = (\{{[^}}]*\}});", source)
    assert literal, f"{name} is not in staff.js"
    return json.loads(re.sub(r"(\w+):", r'"\1":', literal.group(1)))


def test_the_dashboard_names_every_residents_channel_as_the_server_does() -> None:
    residents = {channel.value: name for channel, name in CHANNEL_NAMES.items() if channel != Channel.TERMINAL}
    assert dashboard_table("CHANNEL_NAMES") == residents


def test_the_dashboard_answers_tickets_on_every_messaging_channel() -> None:
    assert set(dashboard_table("MESSAGING")) == {channel.value for channel in MESSAGING_CHANNELS}
    assert all(channel.messaging for channel in MESSAGING_CHANNELS) and not Channel.WEB.messaging

"""Builders shared by the handover and staff unit tests."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from core.errors import ServiceUnavailable
from core.kb.models import Tenant
from core.memory import InMemoryTicketQueue
from core.models import Channel, Conversation, Role, TranscriptEntry
from core.opening_hours import AMSTERDAM

TUESDAY_MORNING = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
SATURDAY_EVENING = datetime(2026, 11, 28, 21, 30, tzinfo=AMSTERDAM)


def make_tenant(**changes: object) -> Tenant:
    spec: dict[str, object] = {
        "slug": "voorbeeld",
        "name": "Gemeente Voorbeeld",
        "domain": "www.voorbeeld.example",
        "opening_hours": {d: [["08:30", "17:00"]] for d in ("monday", "tuesday", "wednesday", "thursday", "friday")},
        "live_handover_limit_minutes": 10,
        "default_team": "kcc",
        "teams": {
            "kcc": {"name": {"nl": "het Klantcontactcentrum", "en": "the contact centre"}, "phone": "14 0123"},
            "burgerzaken": {"name": {"nl": "Burgerzaken", "en": "Civil affairs"}},
        },
    }
    spec.update(changes)
    return Tenant.model_validate(spec)


@dataclass
class RecordingTimeouts:
    calls: list[tuple[str, str, datetime, int]] = field(default_factory=list)
    fail: bool = False

    def schedule(self, tenant: str, conversation_id: str, requested_at: datetime, delay_seconds: int) -> None:
        if self.fail:
            raise ServiceUnavailable("queue down")
        self.calls.append((tenant, conversation_id, requested_at, delay_seconds))


class BrokenTicketQueue(InMemoryTicketQueue):
    def send(self, ticket):  # type: ignore[no-untyped-def]
        raise ServiceUnavailable("SQS is down")


def conversation(channel: Channel = Channel.WEB, language: str = "nl") -> Conversation:
    moment = datetime(2026, 11, 28, 21, 0, tzinfo=AMSTERDAM)
    return Conversation(
        id="voorbeeld." + "a" * 32, tenant="voorbeeld", channel=channel, created_at=moment, updated_at=moment,
        language=language,  # type: ignore[arg-type]
        transcript=[
            TranscriptEntry(seq=1, role=Role.RESIDENT, at=moment, text="mijn paspoort is verlopen, BSN [BSN]"),
            TranscriptEntry(seq=2, role=Role.BOT, at=moment, text="U kunt een afspraak maken.", intent="paspoort"),
            TranscriptEntry(seq=3, role=Role.RESIDENT, at=moment, text="ik wil een medewerker spreken"),
        ],
    )

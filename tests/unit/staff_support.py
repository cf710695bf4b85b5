"""The world the staff and ticket unit tests work in: a tenant repository, an
in-memory store, the ticket intake wired to the producer as the SQS intake would
be, a WhatsApp sender that records, a fixed clock."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

import pytest
from handover_support import conversation, make_tenant

from core.clock import FixedClock
from core.errors import NotFound, ServiceUnavailable
from core.kb.compiled import ResolvedIntent, ResolvedLink
from core.kb.models import Text
from core.memory import InMemoryConversationStore, InMemoryTicketQueue, InMemoryTicketStore
from core.models import Channel, Conversation, Handover, HandoverStatus, Notification, ReplyMessage
from core.opening_hours import AMSTERDAM
from core.staff import StaffIdentity, StaffService
from core.tickets import TicketDesk, TicketIntake

TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
ALL = {"sub": "anna", "custom:tenant": "voorbeeld", "custom:teams": "*"}


def intent(intent_id: str, kind: str = "topic") -> ResolvedIntent:
    return ResolvedIntent(
        id=intent_id, kind=kind, team="kcc", title=Text(nl=f"Titel {intent_id}", en=f"Title {intent_id}"),  # type: ignore[arg-type]
        answer=Text(nl=f"Antwoord {intent_id}", en=f"Answer {intent_id}"),
        links=[ResolvedLink(title=Text(nl="Meer", en="More"), url=f"https://example.org/{intent_id}")],
    )


@dataclass
class StubMatcher:
    seen: list[str] = field(default_factory=list)

    def classify(self, text: str) -> SimpleNamespace:
        self.seen.append(text)
        return SimpleNamespace(intent="paspoort", score=0.91, alternatives=[
            SimpleNamespace(intent="groet", score=0.2), SimpleNamespace(intent="id-kaart", score=0.1)])


OPEN_KLANT = "https://openklant.voorbeeld.example/klantinteracties/api/v1"


@dataclass
class Repo:
    matcher: StubMatcher = field(default_factory=StubMatcher)
    open_klant_url: str | None = None

    def get(self, tenant: str) -> SimpleNamespace:
        if tenant not in ("voorbeeld", "anders"):
            raise NotFound("unknown tenant")
        intents = {i.id: i for i in (intent("paspoort"), intent("id-kaart"), intent("groet", "system"))}
        settings = make_tenant(
            slug=tenant, name=f"Gemeente {tenant.title()}", open_klant={"url": self.open_klant_url},
            teams={"kcc": {"name": {"nl": "het Klantcontactcentrum", "en": "the contact centre"}, "phone": "14 0123",
                           "email": f"kcc@{tenant}.example"},
                   "burgerzaken": {"name": {"nl": "Burgerzaken", "en": "Civil affairs"}}},
        )
        return SimpleNamespace(tenant=settings, intents=intents, matcher=self.matcher)


@dataclass
class RecordingSender:
    sent: list[tuple[str, list[str]]] = field(default_factory=list)
    fail: bool = False

    def send(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        if self.fail:
            raise ServiceUnavailable("Graph API down")
        self.sent.append((conversation.id, [m.text for m in messages]))


@dataclass
class RecordingMail:
    sent: list[Notification] = field(default_factory=list)
    fail: bool = False

    def send(self, notification: Notification) -> None:
        if self.fail:
            raise ServiceUnavailable("SES down")
        self.sent.append(notification)


@dataclass
class World:
    store: InMemoryConversationStore
    staff: StaffService
    tickets: InMemoryTicketQueue  # what the engine hands over
    ticket_store: InMemoryTicketStore  # the records
    desk: TicketDesk
    intake: TicketIntake
    sender: RecordingSender
    mail: RecordingMail
    clock: FixedClock

    def waiting(self, channel: Channel = Channel.WEB, team: str | None = None, tenant: str = "voorbeeld") -> str:
        conv = conversation(channel)
        conv.tenant = tenant
        conv.id = f"{tenant}.{len(self.store.list_handovers(tenant, HandoverStatus.WAITING)):032x}"
        teams = Repo().get(tenant).tenant.teams
        conv.handover = Handover(status=HandoverStatus.WAITING, team=team if team in teams else "kcc",
                                 reason="asked", requested_at=self.clock())
        self.store.save(conv, 0)
        return conv.id


def make_world(open_klant: object = None) -> World:
    """`open_klant`: a JsonPoster; the tenants then register tickets in their Open Klant."""
    clock = FixedClock(TUESDAY)
    store = InMemoryConversationStore(clock=clock)
    ticket_store = InMemoryTicketStore(store)
    mail = RecordingMail()
    repo = Repo(open_klant_url=OPEN_KLANT if open_klant is not None else None)
    intake = TicketIntake(tickets=ticket_store, knowledge=repo, notifier=mail, open_klant=open_klant,  # type: ignore[arg-type]
                          clock=clock, dashboard_url="https://balie.example/staff/")
    queue = InMemoryTicketQueue(intake=intake.accept)
    sender = RecordingSender()
    staff = StaffService(store=store, knowledge=repo, tickets=ticket_store, clock=clock, outbound=sender)
    desk = TicketDesk(tickets=ticket_store, store=store, clock=clock, outbound=sender)
    return World(store, staff, queue, ticket_store, desk, intake, sender, mail, clock)


@pytest.fixture
def world() -> World:
    return make_world()


def who(**claims: str) -> StaffIdentity:
    return StaffIdentity.from_claims({**ALL, **claims})

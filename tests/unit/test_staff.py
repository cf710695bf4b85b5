"""Staff use cases: identity from claims, tenant and team isolation, claim,
reply, close, the ticket queue and reply suggestions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

import pytest
from handover_support import RecordingTimeouts, conversation, make_tenant

from core.clock import FixedClock
from core.errors import Conflict, Forbidden, InvalidInput, NotFound, ServiceUnavailable, Unauthorized
from core.handover import HandoverService
from core.kb.compiled import ResolvedIntent, ResolvedLink
from core.kb.models import Text
from core.memory import InMemoryConversationStore, InMemoryTicketQueue
from core.models import Channel, Conversation, HandoverStatus, ReplyMessage, Role, Ticket
from core.opening_hours import AMSTERDAM
from core.staff import StaffIdentity, StaffService

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


@dataclass
class Repo:
    matcher: StubMatcher = field(default_factory=StubMatcher)

    def get(self, tenant: str) -> SimpleNamespace:
        if tenant not in ("voorbeeld", "anders"):
            raise NotFound("unknown tenant")
        intents = {i.id: i for i in (intent("paspoort"), intent("id-kaart"), intent("groet", "system"))}
        return SimpleNamespace(tenant=make_tenant(slug=tenant), intents=intents, matcher=self.matcher)


@dataclass
class RecordingSender:
    sent: list[tuple[str, list[str]]] = field(default_factory=list)
    fail: bool = False

    def send(self, conversation: Conversation, messages: list[ReplyMessage]) -> None:
        if self.fail:
            raise ServiceUnavailable("Graph API down")
        self.sent.append((conversation.id, [m.text for m in messages]))


@dataclass
class World:
    store: InMemoryConversationStore
    staff: StaffService
    handover: HandoverService
    tickets: InMemoryTicketQueue
    sender: RecordingSender
    clock: FixedClock

    def waiting(self, channel: Channel = Channel.WEB, team: str | None = None, tenant: str = "voorbeeld") -> str:
        conv = conversation(channel)
        conv.tenant = tenant
        conv.id = f"{tenant}.{len(self.store.list_handovers(tenant, HandoverStatus.WAITING)):032x}"
        self.handover.request(conv, Repo().get(tenant), team=team, reason="asked")
        self.store.save(conv, 0)
        return conv.id


@pytest.fixture
def world() -> World:
    clock = FixedClock(TUESDAY)
    store = InMemoryConversationStore()
    tickets = InMemoryTicketQueue(clock=clock)
    sender = RecordingSender()
    staff = StaffService(store=store, knowledge=Repo(), tickets=tickets, clock=clock, whatsapp=sender)
    handover = HandoverService(tickets=tickets, timeouts=RecordingTimeouts(), clock=clock)
    return World(store, staff, handover, tickets, sender, clock)


def who(**claims: str) -> StaffIdentity:
    return StaffIdentity.from_claims({**ALL, **claims})


def test_identity_from_claims() -> None:
    assert who().teams is None
    assert who(**{"custom:teams": "kcc, burgerzaken"}).teams == frozenset({"kcc", "burgerzaken"})
    with pytest.raises(Forbidden):
        StaffIdentity.from_claims({"sub": "anna", "custom:teams": "*"})
    with pytest.raises(Forbidden):
        who(**{"custom:teams": ""})
    with pytest.raises(Unauthorized):
        StaffIdentity.from_claims({"custom:tenant": "voorbeeld"})


def test_waiting_handovers_are_listed_per_tenant_and_team(world: World) -> None:
    kcc = world.waiting()
    bz = world.waiting(team="burgerzaken")
    world.waiting(tenant="anders")
    listed = world.staff.list_handovers(who(), "waiting")
    assert {item.conversation_id for item in listed} == {kcc, bz}
    assert listed[0].last_resident_message == "ik wil een medewerker spreken"
    only_bz = world.staff.list_handovers(who(**{"custom:teams": "burgerzaken"}), "waiting")
    assert [item.conversation_id for item in only_bz] == [bz]
    assert [i.conversation_id for i in world.staff.list_handovers(who(), "waiting", team="kcc")] == [kcc]
    with pytest.raises(Forbidden):
        world.staff.list_handovers(who(**{"custom:teams": "burgerzaken"}), "waiting", team="kcc")
    with pytest.raises(InvalidInput):
        world.staff.list_handovers(who(), "queued")


def test_another_tenants_conversation_is_not_found(world: World) -> None:
    theirs = world.waiting(tenant="anders")
    for action in (world.staff.conversation, world.staff.claim, world.staff.close, world.staff.suggestions):
        with pytest.raises(NotFound):
            action(who(), theirs)
    with pytest.raises(NotFound):
        world.staff.reply(who(), theirs, "hallo")
    stored = world.store.get("anders", theirs)
    assert stored is not None and stored.handover is not None and stored.handover.status == HandoverStatus.WAITING


def test_another_teams_conversation_is_forbidden(world: World) -> None:
    conv_id = world.waiting(team="burgerzaken")
    with pytest.raises(Forbidden):
        world.staff.claim(who(**{"custom:teams": "kcc"}), conv_id)


def test_claim_reply_close(world: World) -> None:
    conv_id = world.waiting()
    with pytest.raises(Conflict):
        world.staff.reply(who(), conv_id, "Goedemorgen")  # not claimed yet

    view = world.staff.claim(who(), conv_id)
    assert view.handover is not None and view.handover.status == HandoverStatus.LIVE
    assert view.handover.claimed_by == "anna" and view.handover.claimed_at == TUESDAY
    assert view.transcript[-1].role == Role.BOT and "medewerker" in view.transcript[-1].text
    assert world.staff.list_handovers(who(), "waiting") == []
    assert [i.conversation_id for i in world.staff.list_handovers(who(), "live")] == [conv_id]
    world.staff.claim(who(), conv_id)  # idempotent for the owner
    with pytest.raises(Conflict):
        world.staff.claim(who(sub="bert"), conv_id)

    entry = world.staff.reply(who(), conv_id, "Bel ons op 06 12345678, dan helpen we u.")
    assert entry.role == Role.STAFF and entry.author == "anna"
    assert "06 12345678" not in entry.text and "[TELEFOON]" in entry.text
    with pytest.raises(Conflict):
        world.staff.reply(who(sub="bert"), conv_id, "ik ook")
    with pytest.raises(InvalidInput):
        world.staff.reply(who(), conv_id, "   ")

    closed = world.staff.close(who(), conv_id)
    assert closed.handover is not None and closed.handover.status == HandoverStatus.CLOSED
    assert world.staff.list_handovers(who(), "live") == []
    assert world.sender.sent == []  # web residents poll; nothing goes out on WhatsApp


def test_whatsapp_reply_is_delivered_before_it_is_stored(world: World) -> None:
    conv_id = world.waiting(channel=Channel.WHATSAPP)
    world.staff.claim(who(), conv_id)
    world.staff.reply(who(), conv_id, "Goedemorgen!")
    assert world.sender.sent[-1] == (conv_id, ["Goedemorgen!"])

    world.sender.fail = True
    before = world.store.get("voorbeeld", conv_id)
    with pytest.raises(ServiceUnavailable):
        world.staff.reply(who(), conv_id, "Nog iets?")
    after = world.store.get("voorbeeld", conv_id)
    assert before is not None and after is not None and after.transcript == before.transcript


def test_whatsapp_notice_failure_does_not_undo_a_claim(world: World) -> None:
    conv_id = world.waiting(channel=Channel.WHATSAPP)
    world.sender.fail = True
    view = world.staff.claim(who(), conv_id)
    assert view.handover is not None and view.handover.status == HandoverStatus.LIVE


def test_conversation_view_shows_what_the_bot_collected(world: World) -> None:
    conv_id = world.waiting()
    stored = world.store.get("voorbeeld", conv_id)
    assert stored is not None
    stored.state.update(topic="afvalkalender", flow={"intent": "afvalkalender", "slot": 1, "values": {"postcode": "1234AB"}})
    world.store.save(stored, stored.version)
    view = world.staff.conversation(who(), conv_id)
    assert view.intent == "afvalkalender" and view.slots == {"postcode": "1234AB"}
    assert [e.seq for e in view.transcript] == [1, 2, 3]


def test_suggestions_classify_the_last_resident_message(world: World) -> None:
    conv_id = world.waiting()
    found = world.staff.suggestions(who(), conv_id)
    assert world.staff.knowledge.matcher.seen == ["ik wil een medewerker spreken"]  # type: ignore[attr-defined]
    assert [s.intent for s in found] == ["paspoort", "id-kaart"]  # system intents are never suggested
    assert found[0].text == "Antwoord paspoort" and found[0].links[0].url == "https://example.org/paspoort"


def ticket(tenant: str, number: int) -> Ticket:
    return Ticket(id=f"t{number}", tenant=tenant, team="kcc", conversation_id=f"{tenant}.{number:032x}",
                  channel=Channel.WEB, summary="Inwoner: vraag", created_at=TUESDAY, expected_contact_at=TUESDAY)


def test_ticket_queue_next_done_release_stays_within_the_tenant(world: World) -> None:
    world.tickets.send(ticket("anders", 1))
    assert world.staff.next_ticket(who()) is None

    world.tickets.send(ticket("voorbeeld", 2))
    claim = world.staff.next_ticket(who())
    assert claim is not None and claim.ticket["id"] == "t2" and claim.claimed_for_seconds == 900
    assert world.staff.next_ticket(who(sub="bert")) is None  # hidden while claimed

    world.staff.ticket_release(who(), claim.receipt)
    again = world.staff.next_ticket(who(sub="bert"))
    assert again is not None and again.ticket["id"] == "t2" and again.receive_count == 2

    with pytest.raises(NotFound):
        world.staff.ticket_done(who(**{"custom:tenant": "anders"}), again.receipt)
    world.staff.ticket_done(who(sub="bert"), again.receipt)
    world.clock.advance(hours=1)
    assert world.staff.next_ticket(who()) is None
    assert [t.id for t in world.tickets.pending("anders")] == ["t1"]
    with pytest.raises(InvalidInput):
        world.staff.ticket_done(who(), "")


def test_a_ticket_never_done_comes_back_after_the_claim_expires(world: World) -> None:
    world.tickets.send(ticket("voorbeeld", 3))
    assert world.staff.next_ticket(who()) is not None
    world.clock.advance(seconds=901)
    back = world.staff.next_ticket(who(sub="bert"))
    assert back is not None and back.ticket["id"] == "t3"


def test_the_ticket_queue_is_only_for_staff_who_may_see_every_team(world: World) -> None:
    # The queue mixes all teams' tickets; one limited to burgerzaken must not receive the
    # social team's ticket (nor can it skip one without pushing it towards the DLQ).
    world.tickets.send(ticket("voorbeeld", 4))
    limited = who(**{"custom:teams": "burgerzaken"})
    with pytest.raises(Forbidden):
        world.staff.next_ticket(limited)
    claim = world.staff.next_ticket(who())
    assert claim is not None and claim.ticket["id"] == "t4" and claim.receive_count == 1  # the refusal received nothing
    with pytest.raises(Forbidden):
        world.staff.ticket_release(limited, claim.receipt)
    with pytest.raises(Forbidden):
        world.staff.ticket_done(limited, claim.receipt)
    world.staff.ticket_done(who(), claim.receipt)
    assert world.tickets.pending("voorbeeld") == []

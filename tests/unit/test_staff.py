"""Staff use cases: identity from claims, tenant and team isolation, claim,
reply, close, reply suggestions and erasure."""
from __future__ import annotations

import pytest
from staff_support import TUESDAY, World, who, world  # noqa: F401 - world is a fixture

from core.errors import Conflict, Forbidden, InvalidInput, NotFound, ServiceUnavailable, Unauthorized
from core.dialogue.state import DialogueState
from core.models import Channel, Conversation, Handover, HandoverStatus, ReplyMessage, Role
from core.staff import StaffIdentity


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
    stored.state = DialogueState.model_validate(
        {"topic": "afvalkalender", "flow": {"kind": "guide", "intent": "afvalkalender", "slot": 1,
                                            "values": {"postcode": "1234AB"}}})
    world.store.save(stored, stored.version)
    view = world.staff.conversation(who(), conv_id)
    assert view.intent == "afvalkalender" and view.slots == {"postcode": "1234AB"}
    assert [e.seq for e in view.transcript] == [1, 2, 3]


def test_suggestions_read_the_whole_conversation(world: World) -> None:
    conv_id = world.waiting()  # the last message only asks for a person; the first is about a passport
    found = world.staff.suggestions(who(), conv_id)
    assert world.staff.knowledge.matcher.seen == ["mijn paspoort is verlopen, BSN [BSN]"]  # type: ignore[attr-defined]
    assert [s.intent for s in found] == ["paspoort", "id-kaart"]  # system intents are never suggested
    assert found[0].text == "Antwoord paspoort" and found[0].links[0].url == "https://example.org/paspoort"
    assert all(s.kind == "answer" for s in found)


# ---- team visibility per handover segment ---------------------------------------------------


def test_a_handovers_part_stays_its_teams_after_it_expires(world: World) -> None:
    """The social team's handover expires (nobody in time) and the resident goes on with the
    bot: staff of other teams still cannot read that part; the social team reads it all."""
    from core.conversations import append_entries, update_conversation

    conversation_id = world.waiting(team="burgerzaken")
    update_conversation(world.store, "voorbeeld", conversation_id, lambda c: None)  # a save records the segment

    def expire(conversation: Conversation) -> None:
        # What core.dialogue.handover.expire does: the handover goes, the callback offer is told.
        conversation.handover = None
        append_entries(conversation, Role.BOT, [ReplyMessage(text="Er is nu niemand vrij.")], world.clock())

    update_conversation(world.store, "voorbeeld", conversation_id, expire)
    assert world.store.get("voorbeeld", conversation_id).handover is None  # expired: no current handover
    update_conversation(world.store, "voorbeeld", conversation_id, lambda c: append_entries(
        c, Role.RESIDENT, [ReplyMessage(text="laat maar, hoe laat is het stadhuis open?")], world.clock()))
    kcc_only, bz_only = who(**{"custom:teams": "kcc"}), who(**{"custom:teams": "burgerzaken"})
    with pytest.raises(Forbidden):
        world.staff.conversation(kcc_only, conversation_id)
    for action in (world.staff.claim, world.staff.close, world.staff.suggestions):
        with pytest.raises((Forbidden, Conflict)):
            action(kcc_only, conversation_id)
    seen = world.staff.conversation(bz_only, conversation_id)
    assert [e.seq for e in seen.transcript] == [1, 2, 3, 4, 5] and seen.withheld == 0
    stored = world.store.get("voorbeeld", conversation_id)
    assert [(s.team, s.first_seq, s.last_seq) for s in stored.handover_segments] == [("burgerzaken", 1, 3)]


def test_a_later_handover_of_another_team_shows_only_its_own_part(world: World) -> None:
    from core.conversations import append_entries, update_conversation

    conversation_id = world.waiting(team="burgerzaken")
    update_conversation(world.store, "voorbeeld", conversation_id, lambda c: None)
    staff_bz = who(**{"custom:teams": "burgerzaken"})
    world.staff.claim(staff_bz, conversation_id)
    world.staff.close(staff_bz, conversation_id)  # the burgerzaken part ends with the closing notice

    def ask_kcc(conversation: Conversation) -> None:
        append_entries(conversation, Role.RESIDENT, [ReplyMessage(text="en nu iets over afval")], world.clock())
        conversation.handover = Handover(status=HandoverStatus.WAITING, team="kcc", reason="asked",
                                         requested_at=world.clock())

    world.clock.advance(minutes=5)
    update_conversation(world.store, "voorbeeld", conversation_id, ask_kcc)
    kcc_only = who(**{"custom:teams": "kcc"})
    seen = world.staff.conversation(kcc_only, conversation_id)
    assert seen.withheld == 5 and [e.text for e in seen.transcript] == ["en nu iets over afval"]
    assert len(world.staff.conversation(who(), conversation_id).transcript) == 6  # "*" sees every part

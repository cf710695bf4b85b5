"""A contact-centre employee's working day (issue 18): who is signed in, queue items
labelled by topic and first question, the bot's conversations and taking one over,
transfer to another team, internal notes, canned replies among the suggestions, and the
report counters those actions write (claim waits, first replies, takeovers)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from staff_support import TUESDAY, World, who, world  # noqa: F401 - world is a fixture

from core.canned import CannedReplies
from core.errors import Conflict, Forbidden, InvalidInput
from core.memory import InMemoryCannedReplies
from core.models import Channel, Conversation, HandoverStatus, Role, TranscriptEntry
from core.staff import StaffIdentity


@pytest.fixture
def canned(world: World) -> CannedReplies:  # noqa: F811
    world.staff.canned = InMemoryCannedReplies()
    return CannedReplies(store=world.staff.canned, known_intents=frozenset({"paspoort", "id-kaart"}),
                         clock=world.clock)


def counts(world: World) -> dict[str, int]:  # noqa: F811
    day = TUESDAY.date()
    found = world.store.daily_counters("voorbeeld", day, day)
    return found[0].counts if found else {}


def bot_conversation(world: World, text: str = "paspoort verlopen", topic: str | None = "paspoort") -> str:  # noqa: F811
    conversation = Conversation(id="voorbeeld." + "b" * 32, tenant="voorbeeld", channel=Channel.WEB,
                                created_at=world.clock(), updated_at=world.clock(), transcript=[
                                    TranscriptEntry(seq=1, role=Role.RESIDENT, at=world.clock(), text=text),
                                    TranscriptEntry(seq=2, role=Role.BOT, at=world.clock(), text="Antwoord",
                                                    intent=topic)])
    conversation.state.topic = topic
    world.store.save(conversation, 0)
    return conversation.id


def test_the_profile_has_the_display_name_team_names_and_the_servers_clock(world: World) -> None:  # noqa: F811
    profile = world.staff.profile(who(name="Anna de Vries", **{"custom:teams": "burgerzaken"}))
    assert profile.name == "Anna de Vries" and profile.tenant_name == "Gemeente Voorbeeld"
    assert [(t.id, t.name) for t in profile.teams] == [("burgerzaken", "Burgerzaken")]
    assert {t.id for t in profile.all_teams} == {"kcc", "burgerzaken"}
    assert profile.now == TUESDAY
    assert StaffIdentity.from_claims({"sub": "x", "custom:tenant": "t", "custom:teams": "*",
                                      "given_name": "Bram", "family_name": "Jansen"}).name == "Bram Jansen"
    assert StaffIdentity.from_claims({"sub": "x", "custom:tenant": "t", "custom:teams": "*"}).name is None


@pytest.mark.parametrize(("claims", "shown"), [
    ({}, "Medewerker \u00b7 alle teams"),
    ({"custom:teams": "burgerzaken", "custom:roles": "kcc,editor"}, "Medewerker en redacteur \u00b7 Burgerzaken"),
    ({"custom:teams": "kcc,burgerzaken", "custom:roles": "editor"}, "Redacteur \u00b7 het Klantcontactcentrum, Burgerzaken"),
    ({"name": "Anna de Vries"}, "Anna de Vries"),
])
def test_an_account_without_a_display_name_is_shown_by_its_roles_and_teams_never_its_id(
        world: World, claims: dict[str, str], shown: str) -> None:  # noqa: F811
    profile = world.staff.profile(who(**claims))
    assert profile.display_name == shown and profile.subject not in profile.display_name
    assert profile.name == claims.get("name")  # the token's own name stays as it is


def test_queue_items_name_the_team_the_topic_and_the_first_real_question(world: World) -> None:  # noqa: F811
    conv_id = world.waiting(team="burgerzaken")
    stored = world.store.get("voorbeeld", conv_id)
    assert stored is not None
    stored.transcript.insert(0, TranscriptEntry(seq=0, role=Role.RESIDENT, at=TUESDAY, text="hallo"))
    stored.transcript.insert(1, TranscriptEntry(seq=0, role=Role.BOT, at=TUESDAY, text="Hallo!", intent="groet"))
    world.store.save(stored, stored.version)
    [item] = world.staff.list_handovers(who(), "waiting")
    assert item.team_name == "Burgerzaken" and item.topic_title == "Titel paspoort"
    assert item.first_question == "mijn paspoort is verlopen, BSN [BSN]"  # not "hallo", not "ik wil een medewerker"


def test_the_bot_list_and_taking_a_conversation_over(world: World) -> None:  # noqa: F811
    conv_id = bot_conversation(world)
    waiting = world.waiting()
    listed = world.staff.bot_conversations(who())
    assert [(c.conversation_id, c.intent, c.turns) for c in listed] == [(conv_id, "paspoort", 1)]
    world.clock.advance(minutes=31)
    assert world.staff.bot_conversations(who()) == []  # quiet for half an hour: no longer "now"
    view = world.staff.take_over(who(name="Anna"), conv_id)
    assert view.handover is not None and view.handover.status == HandoverStatus.LIVE
    assert view.handover.claimed_by == "anna" and view.handover.claimed_by_name == "Anna"
    assert view.transcript[-1].text == "U praat nu met een medewerker van het Klantcontactcentrum."
    assert counts(world)["handover_takeover"] == 1
    assert world.staff.take_over(who(), conv_id).transcript == view.transcript  # twice: nothing new
    with pytest.raises(Conflict):
        world.staff.take_over(who(sub="bram"), conv_id)
    with pytest.raises(Conflict):
        world.staff.take_over(who(), waiting)  # waits in the queue: claim it instead


def test_transfer_puts_the_conversation_in_the_other_teams_queue_with_a_note(world: World) -> None:  # noqa: F811
    from core.effects import ScheduleHandoverTimeout
    dispatched: list = []
    world.staff.effects = type("Effects", (), {"dispatch": lambda self, effects: dispatched.extend(effects)})()
    conv_id = world.waiting()
    world.staff.claim(who(), conv_id)
    world.clock.advance(minutes=3)
    view = world.staff.transfer(who(), conv_id, "burgerzaken", "Vraagt naar een spoedaanvraag")
    handover = view.handover
    assert handover is not None and handover.status == HandoverStatus.WAITING and handover.team == "burgerzaken"
    assert handover.transferred_from == "kcc" and handover.requested_at == world.clock()
    assert view.notes[-1].text == "Vraagt naar een spoedaanvraag"
    assert "Burgerzaken" in view.transcript[-1].text
    assert [type(e) for e in dispatched] == [ScheduleHandoverTimeout] and dispatched[0].delay_seconds == 600
    [item] = world.staff.list_handovers(who(), "waiting", team="burgerzaken")
    assert item.transferred_from == "kcc"
    with pytest.raises(Conflict):
        world.staff.transfer(who(), conv_id, "burgerzaken")
    with pytest.raises(InvalidInput):
        world.staff.transfer(who(), conv_id, "onbekend")
    with pytest.raises(Forbidden):
        world.staff.transfer(who(**{"custom:teams": "kcc"}), conv_id, "kcc")


def test_notes_are_internal_and_redacted(world: World) -> None:  # noqa: F811
    conv_id = world.waiting()
    note = world.staff.note(who(name="Anna"), conv_id, "Teruggebeld op 0612345678, geen gehoor")
    assert note.author_name == "Anna" and "0612345678" not in note.text
    view = world.staff.conversation(who(), conv_id)
    assert [n.text for n in view.notes] == [note.text]
    assert all(note.text != entry.text for entry in view.transcript)  # never in the resident's transcript
    with pytest.raises(InvalidInput):
        world.staff.note(who(), conv_id, "  ")


def test_claim_and_first_reply_write_their_waits_for_the_median(world: World) -> None:  # noqa: F811
    conv_id = world.waiting()
    world.clock.advance(seconds=100)
    world.staff.claim(who(name="Anna"), conv_id)
    world.clock.advance(seconds=50)
    world.staff.reply(who(), conv_id, "Goedemorgen, ik help u.")
    world.staff.reply(who(), conv_id, "Nog iets?")  # only the first reply counts
    found = counts(world)
    assert found["handover_claimed"] == 1 and found["claim_seconds"] == 100 and found["claim_wait:120"] == 1
    assert found["claim_wait:kcc:120"] == 1
    assert found["first_reply"] == 1 and found["first_reply_seconds"] == 150 and found["first_reply_wait:180"] == 1
    [item] = world.staff.list_handovers(who(), "live")
    assert item.claimed_by_name == "Anna"


def test_canned_replies_are_managed_by_editors_and_suggested_by_topic(world: World, canned: CannedReplies) -> None:  # noqa: F811
    editor = who(**{"custom:roles": "editor"})
    with pytest.raises(Forbidden):
        canned.put(who(), "spoed", "Spoed", "Tekst", [])
    with pytest.raises(InvalidInput):
        canned.put(editor, "Spoed!", "Spoed", "Tekst", [])
    with pytest.raises(InvalidInput):
        canned.put(editor, "spoed", "Spoed", "Tekst", ["bestaat-niet"])
    canned.put(editor, "spoed", "Spoedaanvraag paspoort", "Een spoedaanvraag kan tot 12 uur.", ["paspoort"])
    canned.put(editor, "idkaart", "ID-kaart kwijt", "Doe aangifte.", ["id-kaart"])
    canned.put(editor, "algemeen", "Even geduld", "Ik zoek het voor u uit.", [])
    assert [r.id for r in canned.list(who())] == ["algemeen", "idkaart", "spoed"]
    found = world.staff.suggestions(who(), world.waiting())
    kinds = [(s.kind, s.intent or s.canned_id) for s in found]
    assert kinds[:2] == [("answer", "paspoort"), ("answer", "id-kaart")]
    assert kinds[2:] == [("canned", "spoed"), ("canned", "idkaart"), ("canned", "algemeen")]
    canned.delete(editor, "spoed")
    assert [r.id for r in canned.list(who())] == ["algemeen", "idkaart"]


def test_an_urgent_crisis_handover_is_listed_first_with_its_kind_also_after_a_transfer(world: World) -> None:  # noqa: F811
    calm = world.waiting()
    crisis = world.waiting()
    conversation = world.store.get("voorbeeld", crisis)
    assert conversation is not None and conversation.handover is not None
    conversation.handover = conversation.handover.model_copy(update={"urgent": True, "crisis": "suicide"})
    world.store.save(conversation, conversation.version)
    first, second = world.staff.list_handovers(who(), "waiting")
    assert (first.conversation_id, first.urgent, first.crisis) == (crisis, True, "suicide")
    assert (second.conversation_id, second.crisis) == (calm, None)
    assert world.staff.conversation(who(), crisis).handover.crisis == "suicide"
    world.staff.transfer(who(), crisis, "burgerzaken")
    [moved] = world.staff.list_handovers(who(), "waiting", team="burgerzaken")
    assert moved.urgent and moved.crisis == "suicide"  # the next team is told too

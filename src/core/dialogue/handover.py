"""Handing a conversation to a person: live in office hours, a callback outside them.

In office hours a request makes the conversation WAITING for the team and asks
(as an effect) for a timeout check after the tenant's limit; staff claim it
through the staff API. Outside office hours, or when nobody claimed in time,
the callback flow asks consent and a contact (skipped on a messaging channel, where
staff answer in the same chat, when its messaging window still reaches the resident at
the promised moment) and ends in a `queue_ticket` effect. What the resident writes for
that callback afterwards (another number, "het is dringend", a detail) is added to the
same ticket (an `add_to_ticket` effect). Everything said here is
worded by `availability.Promises`, so no promise outlives the opening hours.

The effects run after the conversation is written. When one fails, the engine
calls `undo` with it, which puts the conversation back to what is true and
tells the resident (a live wait becomes the callback offer; a ticket that was
not queued is withdrawn).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..conversations import append_entries, is_topic, last_intent, transcript_summary, update_conversation
from ..effects import AddToTicket, Effect, QueueTicket, ScheduleHandoverTimeout, effect_id, schedule_timeout
from ..errors import NotFound
from ..models import (
    AddedToTicket,
    Button,
    Channel,
    Conversation,
    Handover,
    HandoverStatus,
    HandoverView,
    ReplyMessage,
    Role,
    Ticket,
    TicketAddition,
)
from ..opening_hours import AMSTERDAM
from ..privacy import redact
from ..report_counters import settle
from ..ports import ConversationStore, KnowledgeRepository
from . import clauses, contacts, replies, small_talk
from .availability import Promises, availability, opening_hours_of
from .context import TurnContext
from .state import CallbackFlow
from .texts import Wording

if TYPE_CHECKING:
    from ..kb.compiled import TenantKnowledge

log = logging.getLogger(__name__)

ACTIVE = (HandoverStatus.WAITING, HandoverStatus.LIVE)
MAX_TIMEOUT_DELAY = 900  # SQS DelaySeconds upper bound
MAX_CONTACT_TRIES = 3
YES, NO = "handover:yes", "handover:no"
COMPLAINT = "klacht"  # the knowledge's complaint topic: where a complaint about the gemeente's service goes
NOT_CALLED_BACK = "not_called_back"  # the reason of the person offered after "niemand belt terug"


def promises_for(conversation: Conversation, knowledge: "TenantKnowledge", moment: datetime) -> Promises:
    tenant = knowledge.tenant
    available = availability(tenant, moment, knowledge.derived(opening_hours_of))
    return Promises(available, Wording(conversation.language, tenant.texts))


# ---- in a turn --------------------------------------------------------------------------------------

def request(ctx: TurnContext, *, team: str | None, reason: str, urgent: bool = False, consented: bool = False,
            crisis: str | None = None, intro: str | None = None) -> None:
    """The resident wants a person (asked, accepted the offer, or an intent that hands over).
    `consented`: they already said yes to being contacted (accepted an offer that named
    the callback), so outside office hours the callback flow goes straight to the contact.
    `crisis`: the crisis kind behind an urgent request, carried for staff (the dashboard).
    `intro`: the callback offered again after the resident told what it is about (`offer_callback`)."""
    conversation = ctx.conversation
    team_id = ctx.team_id(team)
    current = conversation.handover
    if current is not None and current.status in ACTIVE:
        if urgent and not current.urgent:
            current.urgent = True  # staff see it first
        current.crisis = current.crisis or crisis
        ctx.add(ctx.say("already_waiting", team=ctx.team_name(current.team)))
        return
    queued = queued_ticket(ctx)
    if queued is not None:
        # One callback per question: a ticket of an earlier day is history, a new request may follow.
        if not add_to_queued_ticket(ctx, other_contact_only=True):
            already_queued(ctx, queued)
        return
    limit = ctx.tenant.live_handover_limit_minutes
    closing_soon = ctx.promises.open_now and not ctx.live_possible
    # "kunt u mij terugbellen over mijn parkeervergunning?" in office hours: a call was asked for,
    # not a chat to wait in; the callback (consent given in so many words) rather than a live wait.
    # (When closed, the offer that says when someone is back comes first, as for any request.)
    wants_call = (ctx.live_possible and bool(ctx.text) and not urgent and contacts.asks_for_callback(ctx.text)
                  and ctx.promises.available.callback_at is not None)
    if ctx.live_possible and not wants_call:
        wait_live(ctx, team_id, reason, urgent=urgent, crisis=crisis)
        ctx.add(ctx.say("live", team=ctx.team_name(team_id), minutes=limit))
        return
    given = _contact_given(ctx) if ctx.text and (consented or contacts.asks_for_callback(ctx.text)
                                                 or contacts.asks_for_person(ctx.text)) else None
    if given is not None and ctx.promises.available.callback_at is not None:
        # "bel me op 06 ...": asked to be called, with the number, in one go (consent and contact); also "ok 06 ...
        # liefst na 9 uur" as the yes to an offer (was asked for the number just typed), and "stuur maar iemand
        # maandag, 06 ..." while closed (was asked whether someone may contact them).
        _queue_ticket(ctx, CallbackFlow(team=team_id, reason=reason, step="contact"), *given)
        return
    phone_call = bool(ctx.text) and contacts.asks_to_be_called(ctx.text)
    if (consented or wants_call) and ctx.promises.available.callback_at is not None:
        _to_the_chat_or_a_number(ctx, CallbackFlow(team=team_id, reason=reason, step="contact", phone_call=phone_call))
        return
    intro = intro or ("closing_soon" if closing_soon else "closed_now")
    ctx.messages.extend(offer_callback(conversation, ctx.knowledge, ctx.promises, team_id, reason, intro,
                                       on_channel=_reachable_on_channel(ctx) and not phone_call))
    if isinstance(conversation.state.flow, CallbackFlow):
        conversation.state.flow.phone_call = phone_call


def wait_live(ctx: TurnContext, team_id: str, reason: str, *, urgent: bool = False, crisis: str | None = None) -> None:
    """A live handover that waits for the team (office hours only), with its timeout; the caller says what the resident
    reads (a request: "Ik zoek een medewerker"; a threat against the gemeente: that staff read the conversation)."""
    conversation = ctx.conversation
    conversation.state.flow = None
    conversation.handover = Handover(status=HandoverStatus.WAITING, team=team_id, reason=reason,
                                     requested_at=ctx.moment, urgent=urgent, crisis=crisis)
    ctx.effects.append(schedule_timeout(ctx.tenant.slug, conversation.id, ctx.moment,
                                        min(ctx.tenant.live_handover_limit_minutes * 60, MAX_TIMEOUT_DELAY)))


def already_queued(ctx: TurnContext, queued: Handover) -> None:
    """"kan ik nu niet gewoon met iemand chatten?" with a callback queued: the callback holds, and the resident reads which
    team will contact them and when, and that no chat is started beside it (two members of staff on one question); in
    office hours the team's own phone for who would rather not wait (was a generic "already waiting" line)."""
    said = [ctx.say("already_queued", team=ctx.team_name(queued.team), moment=ctx.promises.contact_promise(queued))]
    contact = ctx.promises.team_contact(ctx.team(queued.team)) if ctx.promises.open_now else None
    if contact is not None:
        said += [ctx.say("already_queued_sooner"), contact]
    ctx.count("already_queued")
    ctx.add(" ".join(said))


def _to_the_chat_or_a_number(ctx: TurnContext, flow: CallbackFlow, intro: str = "") -> None:
    """Consent given: the callback in the resident's own chat where staff can answer there; a phone call asked for
    ("kan iemand mij bellen?" on WhatsApp, was queued as a WhatsApp message) needs a number: on WhatsApp the one the
    chat comes from, with their yes, or another typed; elsewhere the question for a phone number or address. `intro`:
    a line before that question (who and when, asked back)."""
    if _reachable_on_channel(ctx) and ctx.message.channel_contact and not flow.phone_call:
        _queue_ticket(ctx, flow, ctx.message.channel_contact, ctx.message.channel.value)
        return
    flow.step = "contact"
    ctx.state.flow = flow
    own = (ctx.message.channel_contact or "").lstrip("+")
    if flow.phone_call and ctx.message.channel == Channel.WHATSAPP and own.isdigit():
        flow.this_number_offered = True
        ctx.add(f'{intro} {ctx.say("ask_number_this_one", number="+" + own)}'.strip())
    else:
        ctx.add(f'{intro} {ctx.say("ask_contact")}'.strip())


def queued_ticket(ctx: TurnContext) -> Handover | None:
    """The conversation's callback that is queued and still to come (a ticket of an earlier day is history)."""
    current = ctx.conversation.handover
    if (current is not None and current.status == HandoverStatus.QUEUED and current.ticket_id
            and current.expected_contact_at and current.expected_contact_at.astimezone(AMSTERDAM).date() >= ctx.today):
        return current
    return None


def add_to_queued_ticket(ctx: TurnContext, *, other_contact_only: bool = False, told: bool = False) -> bool:
    """What the resident writes for the callback already queued goes on its ticket (an `AddToTicket` effect,
    the text redacted as the ticket's summary is): another phone number or e-mail address ("of bel me op
    06-..." after a callback by e-mail: was dropped), that it is urgent, when they can be reached, or (`told`)
    a detail told that Balie has no answer to. `other_contact_only`: only another contact counts (a request
    for a person again). False when the message is none of these, or no callback is queued."""
    current = queued_ticket(ctx)
    if current is None or not ctx.text or current.ticket_id is None:
        return False
    given = contacts.contact(ctx.text)
    first = contacts.contact(ctx.conversation.contact) if ctx.conversation.contact else None
    other = given if given is not None and (first is None or given[0] != first[0]) else None
    about = None if other_contact_only else contacts.about_the_callback(ctx.text)
    if other is None and about is None and not told:
        return False
    if other is not None:
        key = "added_other_contact"
    elif about == "urgent":
        key = "added_urgent"
    else:
        key = "added_to_ticket"
    addition = TicketAddition(
        id=effect_id(ctx.conversation.id, "add_to_ticket", ctx.moment, ctx.conversation.next_seq()), at=ctx.moment, text=redact(ctx.text),
        contact=other[0] if other is not None else None,
        contact_kind=other[1] if other is not None else None,  # type: ignore[arg-type]
        urgent=contacts.about_the_callback(ctx.text) == "urgent",
    )
    ctx.effects.append(AddToTicket(id=addition.id, added=AddedToTicket(
        tenant=ctx.tenant.slug, conversation_id=ctx.conversation.id, ticket_id=current.ticket_id, addition=addition)))
    ctx.count(f"ticket_{key}")
    ctx.add(ctx.say(key, moment=ctx.promises.contact_promise(current),
                    way=ctx.say(f"contact_way_{other[1]}") if other is not None else ""))
    return True


def _reachable_on_channel(ctx: TurnContext) -> bool:
    """Staff can answer the callback in the resident's own chat: a messaging channel whose
    window still reaches them at the promised moment."""
    message = ctx.message
    if not message.channel.messaging:
        return False
    promised = ctx.promises.available.callback_at
    return message.reachable_until is None or (promised is not None and promised <= message.reachable_until)


def offer_callback(conversation: Conversation, knowledge: "TenantKnowledge", promises: Promises, team_id: str,
                   reason: str, intro: str, *, on_channel: bool | None = None) -> list[ReplyMessage]:
    """Start the callback flow: "<intro> Wilt u dat een medewerker contact met u opneemt?".
    `intro`: "closed_now" (outside office hours), "closing_soon" (too little of the day
    left for a live wait) or "nobody_free" (a live wait timed out, or could not be set up); offered
    again once the resident told what it is about (the hours were said with the first offer):
    "answered" (the matter was just answered: the question alone) or "noted" (what they wrote is read
    by the member of staff with the callback, said so).
    `on_channel`: a member of staff can answer in the resident's own chat (None: outside a
    turn, decided by the conversation's channel)."""
    say = promises.say
    available = promises.available
    if available.callback_at is None:
        conversation.state.flow = None
        return _with_team_contact([ReplyMessage(text=say("no_opening"))], knowledge, promises, team_id)
    if intro == "closed_now" and available.next_opening is not None:
        first = say("closed_now", moment=promises.starting(available.next_opening))
    elif intro == "closing_soon" and available.until is not None:
        first = say("closing_soon", time=promises.time(available.until))
    elif intro == "noted":
        first = say("callback_noted_thanks")
    elif intro == "answered":
        first = ""
    else:
        first = say("nobody_free")
    conversation.state.flow = CallbackFlow(team=team_id, reason=reason)
    team_name = knowledge.team(team_id).name.get(say.language)
    if on_channel is None:  # outside a turn: the channel's window at the next message is unknown
        on_channel = conversation.channel.messaging
    if not on_channel:
        question = say("consent", team=team_name)
    elif conversation.channel == Channel.WHATSAPP:
        question = say("consent_whatsapp", team=team_name)
    else:
        question = say("consent_channel", team=team_name, channel=conversation.channel.display_name)
    buttons = [Button(title=say("button_yes"), payload=YES), Button(title=say("button_no"), payload=NO)]
    if intro == "noted":
        question += " " + say("callback_noted")
    return [ReplyMessage(text=f"{first} {question}".strip(), buttons=buttons)]


def continue_callback(ctx: TurnContext, flow: CallbackFlow) -> bool:
    """One answer in the callback flow. False when the resident did not answer
    it but asked something else (the flow is left; the caller answers that)."""
    if ctx.payload in (YES, NO):
        answer: replies.YesNo | None = replies.YesNo(ctx.payload == YES, "")
    elif replies.is_stop(ctx.text):
        answer = replies.YesNo(False, "")
    else:
        answer = replies.yes_no(ctx.text)
    given = _contact_given(ctx)
    if given is None and ctx.text and (replies.withdraws(ctx.text) or replies.withdraws_at_the_end(ctx.text)):
        # "actually never mind", "maandag?? ik wacht al 3 weken. laat maar": the resident changed their mind
        answer = replies.YesNo(False, "")
    elif flow.step == "consent" and given is None and ctx.text and contacts.prefers_a_way(ctx.text):
        answer = replies.YesNo(True, "")  # "nee niet bellen, mailen": yes, by e-mail (was declined, and the hours)
    if answer is not None and not answer.yes and given is None:
        if flow.reason == NOT_CALLED_BACK:
            complaint_form_instead(ctx)  # not the number of the team that did not call back
        else:
            _end(ctx, flow.team, "declined")
        return True
    if given is None and ctx.text and contacts.asks_whom_to_call(ctx.text):
        # "oh, who do I call then?" instead of an answer: the team's own number, honest about the hours
        # (the request lapses; the button asks for it again). Not a contact that is not one, nor the scope message.
        ctx.state.flow = None
        return ctx.add_team_contact(flow.team)
    if flow.step == "consent":
        if answer is None and given is None and ctx.text and small_talk.calls_out(ctx.text):
            # "hallo??" right after the offer: still here, and the offer again with when someone is back (was the
            # greeting, the offer lapsed)
            ctx.count("callback_offer_again")
            intro = "closed_now" if not ctx.promises.open_now else "answered"
            offer = offer_callback(ctx.conversation, ctx.knowledge, ctx.promises, flow.team, flow.reason, intro,
                                   on_channel=_reachable_on_channel(ctx))
            first = offer[0].model_copy(update={"text": f'{ctx.say("still_here")} {offer[0].text}'})
            ctx.messages.extend([first, *offer[1:]])
            return True
        # "wanneer bellen jullie?" before saying yes: when someone is back, and the offer again (was the hours); "ok but
        # when does somebody reply to me?" asks that too, it says no yes (was the contact asked for)
        asked = answer.rest if answer is not None and answer.yes else ctx.text
        if (given is None and (answer is None or bool(answer.rest)) and bool(asked)
                and contacts.asks_when_contacted(asked or "") and not ctx.promises.open_now):
            ctx.count("callback_when_asked")
            ctx.messages.extend(offer_callback(ctx.conversation, ctx.knowledge, ctx.promises, flow.team, flow.reason,
                                               "closed_now", on_channel=_reachable_on_channel(ctx)))
            return True
        if answer is None and given is None:
            ctx.state.flow = None  # another question: the offer lapses
            return False
        in_the_chat = _reachable_on_channel(ctx) and bool(ctx.message.channel_contact) and not flow.phone_call
        if given is not None and not in_the_chat:
            _queue_ticket(ctx, flow, *given)  # "ja, bel me op 06 ..." in one go
        else:
            # "ok dus jullie bellen mij maandag?": yes, and who and when, before the contact is asked (was the contact
            # question alone, the moment asked not confirmed)
            checked = bool(ctx.text) and contacts.checks_the_callback(ctx.text or "")
            moment = ctx.promises.callback() if checked else None
            intro = ctx.say("callback_who", team=ctx.team_name(ctx.team_id(flow.team)), moment=moment) if moment else ""
            _to_the_chat_or_a_number(ctx, flow, intro)
        return True
    if given is None and flow.this_number_offered and answer is not None and answer.yes:
        given = "+" + (ctx.message.channel_contact or "").lstrip("+"), "phone"  # "ja" to "is it this number?"
    if given is not None:
        _queue_ticket(ctx, flow, *given)
        return True
    moment = ctx.promises.callback()
    if ctx.text and moment and (contacts.asks_who_contacts(ctx.text) or contacts.asks_when_contacted(ctx.text)):
        # "great, and will she call me back?" instead of a number: who and when, honestly (a member of the team, not a
        # promise of one person), and the question again (was "not a phone number")
        ctx.count("callback_who_asked")
        ctx.add(f'{ctx.say("callback_who", team=ctx.team_name(ctx.team_id(flow.team)), moment=moment)} {ctx.say("ask_contact")}')
        return True
    if clauses.is_question(ctx.text) and ctx.classify(ctx.text).decision == "answer":
        # "how do i get a parking permit" instead of a number: the resident moved on; the request lapses
        ctx.state.flow = None
        return False
    flow.errors += 1
    if flow.errors >= MAX_CONTACT_TRIES:
        _end(ctx, flow.team, "invalid_contact")
    else:
        ctx.add(ctx.say("invalid_contact"))
    return True


def complaint_form_instead(ctx: TurnContext) -> None:
    """"laat maar" to the person offered after "niemand belt terug", or to that callback's questions: nothing is passed
    on, said so, and the complaint form again (was the team's own number, the one that did not call back)."""
    ctx.state.flow = None
    ctx.state.misses = 0
    complaint = ctx.intent_of(COMPLAINT)
    ctx.add(ctx.say("not_called_back_declined"), links=[ctx.link(link) for link in complaint.links] if complaint else [])


def _contact_given(ctx: TurnContext) -> tuple[str, str] | None:
    """The contact typed, or on WhatsApp "dit nummer is goed": the phone number the chat comes from (was asked for
    it again, though the WhatsApp number may be out of the chat's reach at the promised moment)."""
    text = ctx.text or ""
    given = contacts.contact(text) if text else None
    own = (ctx.message.channel_contact or "").lstrip("+")
    if given is None and text and ctx.message.channel == Channel.WHATSAPP and own.isdigit() and contacts.means_this_number(text):
        return "+" + own, "phone"  # WhatsApp's id is the number it is registered to (E.164 without the plus)
    return given


def _queue_ticket(ctx: TurnContext, flow: CallbackFlow, contact: str, kind: str) -> None:
    conversation = ctx.conversation
    team_id = ctx.team_id(flow.team)
    available = ctx.promises.available
    expected = available.callback_at
    if expected is None:
        _end(ctx, team_id, "no_opening")
        return
    ticket_id = effect_id(conversation.id, "queue_ticket", ctx.moment)
    crisis = after_crisis(flow.reason)
    ticket = Ticket(
        id=ticket_id, tenant=ctx.tenant.slug, team=team_id, conversation_id=conversation.id,
        channel=conversation.channel, intent=ctx.state.topic or last_intent(conversation),
        language=conversation.language, summary=transcript_summary(conversation, _title_of(ctx), is_topic(ctx.knowledge)), contact=contact,
        contact_kind=kind,  # type: ignore[arg-type]
        created_at=ctx.moment, expected_contact_at=expected, urgent=crisis is not None,
    )
    ctx.effects.append(QueueTicket(id=ticket_id, ticket=ticket))
    ctx.state.flow = None
    conversation.contact = contact
    conversation.handover = Handover(
        status=HandoverStatus.QUEUED, team=team_id, reason=flow.reason, requested_at=ctx.moment,
        expected_contact_at=expected, contact_before=available.callback_today, ticket_id=ticket_id,
        urgent=crisis is not None, crisis=crisis or None,
    )
    text = ctx.say("queued", team=ctx.team_name(team_id), moment=ctx.promises.callback())
    if kind == "phone" and ctx.message.channel == Channel.WHATSAPP and contact.lstrip("+") == (ctx.message.channel_contact or "").lstrip("+"):
        text += " " + ctx.say("queued_this_number", number=contact)  # which number: the one of this chat
    if crisis:
        text += " " + ctx.say("queued_after_crisis")  # the callback is days away; the line is there tonight
    ctx.add(text)


def after_crisis(reason: str) -> str | None:
    """The crisis kind of a request made after crisis help ("crisis:suicide" -> "suicide"; "" for the urgent button's
    "crisis", whose kind is not known), None for any other request."""
    kind, colon, named = reason.partition(":")
    return (named if colon else "") if kind == "crisis" else None


def _title_of(ctx: TurnContext) -> Callable[[str], str | None]:
    def title(intent_id: str) -> str | None:
        intent = ctx.intent_of(intent_id)
        return intent.title.nl if intent is not None else None  # staff read Dutch

    return title


def _end(ctx: TurnContext, team_id: str, key: str) -> None:
    ctx.state.flow = None
    ctx.messages.extend(_with_team_contact([ReplyMessage(text=ctx.say(key))], ctx.knowledge, ctx.promises,
                                           ctx.team_id(team_id)))


def _with_team_contact(messages: list[ReplyMessage], knowledge: "TenantKnowledge", promises: Promises,
                       team_id: str) -> list[ReplyMessage]:
    extra = promises.team_contact(knowledge.team(team_id))
    if extra is None:
        return messages
    # One message: WhatsApp sends at most two per turn.
    last = messages[-1]
    return [*messages[:-1], last.model_copy(update={"text": f"{last.text} {extra}"})]


# ---- outside a turn ---------------------------------------------------------------------------------


def expire(conversation: Conversation, knowledge: "TenantKnowledge", requested_at: datetime,
           moment: datetime) -> list[ReplyMessage]:
    """Turn an unclaimed WAITING handover into the callback offer and record the
    offer in the transcript. Returns the messages (empty when the handover was
    claimed, closed or re-requested meanwhile)."""
    current = conversation.handover
    if current is None or current.status != HandoverStatus.WAITING or current.requested_at != requested_at:
        return []
    conversation.handover = None  # leaves the staff queue (sparse index key removed)
    messages = offer_callback(conversation, knowledge, promises_for(conversation, knowledge, moment),
                              current.team, current.reason, "nobody_free")
    append_entries(conversation, Role.BOT, messages, moment)
    return messages


def withdraw_ticket(conversation: Conversation, knowledge: "TenantKnowledge", ticket: Ticket,
                    moment: datetime) -> list[ReplyMessage]:
    """A ticket the queue did not take: the conversation no longer claims it, and
    the resident hears so (with the team's own phone and e-mail)."""
    current = conversation.handover
    if current is None or current.status != HandoverStatus.QUEUED or current.ticket_id != ticket.id:
        return []
    conversation.handover = None
    conversation.contact = None
    promises = promises_for(conversation, knowledge, moment)
    messages = _with_team_contact([ReplyMessage(text=promises.say("send_failed"))], knowledge, promises, ticket.team)
    append_entries(conversation, Role.BOT, messages, moment)
    return messages


def undo(conversation: Conversation, knowledge: "TenantKnowledge", effect: Effect,
         moment: datetime) -> list[ReplyMessage]:
    """Put the conversation right after `effect` failed; returns what the resident is told."""
    if isinstance(effect, ScheduleHandoverTimeout):
        # Without a timeout a resident could wait forever: offer a callback at once.
        return expire(conversation, knowledge, effect.requested_at, moment)
    if isinstance(effect, AddToTicket):
        # The callback stands; what was added did not reach it: say so, the resident can tell the person.
        messages = [ReplyMessage(text=promises_for(conversation, knowledge, moment).say("not_added"))]
        append_entries(conversation, Role.BOT, messages, moment)
        return messages
    return withdraw_ticket(conversation, knowledge, effect.ticket, moment)


def expire_unclaimed(store: ConversationStore, knowledge: KnowledgeRepository, tenant: str, conversation_id: str,
                     requested_at: datetime, moment: datetime,
                     outbound: Callable[[Conversation, list[ReplyMessage]], None] | None = None) -> list[ReplyMessage]:
    """The handover-timeout use case: when the live handover requested at
    `requested_at` is still WAITING, offer the resident a callback instead
    (recorded in the transcript for the web poll; sent with `outbound` on a
    messaging channel). Returns what the resident was told; [] when nothing changed."""
    current = store.get(tenant, conversation_id)
    if (current is None or current.handover is None or current.handover.status != HandoverStatus.WAITING
            or current.handover.requested_at != requested_at):
        return []  # claimed, closed, erased or re-requested: the later request has its own timeout
    tenant_knowledge = knowledge.get(tenant)
    try:
        saved, messages = update_conversation(
            store, tenant, conversation_id, lambda c: expire(c, tenant_knowledge, requested_at, moment),
            counters=lambda c: settle(c, tenant_knowledge))  # an expired wait no longer counts as handed over
    except NotFound:
        return []
    if messages and saved.channel.messaging and outbound is not None:
        try:
            outbound(saved, messages)
        except Exception:  # noqa: BLE001 - the offer is stored; the resident sees it on their next message
            log.warning("callback offer not delivered on %s", saved.channel.value, exc_info=True)
    return messages


# ---- what the chat API shows ------------------------------------------------------------------------


def handover_view(conversation: Conversation, knowledge: "TenantKnowledge", moment: datetime) -> HandoverView | None:
    handover = conversation.handover
    if handover is None or handover.status == HandoverStatus.CLOSED:
        return None
    promises = promises_for(conversation, knowledge, moment)
    team_name = knowledge.team(handover.team).name.get(conversation.language)
    return HandoverView(
        status="queued" if handover.status == HandoverStatus.QUEUED else "live",
        team=handover.team,
        expected_contact_at=handover.expected_contact_at,
        claimed=handover.status == HandoverStatus.LIVE,
        notice=promises.notice(handover, team_name),
    )

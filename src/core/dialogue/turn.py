"""The decisions of one resident turn, in this order:

1. crisis help (before anything else, in every state, at every hour): the rules first, their
   full help and then the answer to a question asked with it (not in a danger now); where
   they are quiet the trained distress classifier, whose hits get the right number first in
   a caring sentence and then the answer to the question asked (the full help when the
   message asks nothing else); a line turned down right after its help ("ik wil niet met 113
   praten") is not given again: said once that it stays there, then a person of the topic;
2. silence while a person has (or is about to take) the conversation; "laat maar" while
   nobody has taken it yet withdraws the request;
3. the greeting on the first turn, with who is there and when;
4. a button press; a photo or location (text only);
5. the active flow (a guided flow, or the handover's callback questions);
6. impatience ("antwoord nou", "ben je er nog?"): the bot is there, ask the question; then a
   typed answer to the last question (feedback, "Bedoelt u", the offer of a person, more topics);
7. the question itself: a person asked for (routed by topic), a question announced
   ("ik heb een vraag": what is it?), a follow-up of the
   current topic, a detail (lost abroad, after a death, how an application is going,
   ...) answered for the topic that has it, several topics at once (decided on the parts'
   own zones, never on the whole message's score), frustration with the bot (in any zone
   but a topic answered), or the matcher's decision (answer / clarify with 2-3 options plus
   "iets anders", a lone favourite just under the cut-off first / out of scope: the scope
   message, "Dat begrijp ik niet" only for gibberish).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sized
from datetime import timedelta
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from .. import privacy
from ..kb import phrases
from ..models import Button, Channel, Handover, HandoverStatus, InboundKind, Link, Role
from . import (abuse, answers, clauses, contacts, current_topic, detail_topic, details, erasure, facts, followups,
               general_words, handover, language, notices, openings, reactions, referrals, replies, small_talk, threats)
from .crisis import KINDS as CRISIS_KINDS
from .crisis import DangerKind, danger_kind, detect_all as crisis_kinds
from .context import TurnContext
from .feedback import on_feedback, say_sorry
from .flows import continue_guide, resume_guide
from .handover import COMPLAINT, NOT_CALLED_BACK
from .state import Asked, CallbackFlow, ChoicesOffered, FeedbackAsked, GuideFlow, MoreTopicsOffered, PersonOffered
from .texts import say_both

if TYPE_CHECKING:
    from ..kb.compiled import ResolvedIntent
    from ..kb.models import Referral
    from ..matcher import Classification, Part

CrisisDetector = Callable[[str], "str | None"]

MISSES_BEFORE_OFFER = 2
MAX_CHOICES = 3
# "X en Y", "X and Y", "X & Y": where a sentence may join two topics.
_JOINING = re.compile(r"\s+(?:en|and|&)\s+", re.IGNORECASE)
# "Bedoelt u ...?" needs two topics. When the matcher finds only its favourite close enough
# (`Classification.candidates`: half the favourite's score), its next guess joins it if that
# guess still has this share of the favourite's score: a real second reading of the question
# ("Bedoelt u Kwijtschelding of Betalingsregeling?"). Below it the next guess is noise (an
# out-of-scope "mag mijn hond mee in het zwembad" has one at 0.06-0.10 of its favourite), and
# the question gets the scope message and the editors' list. Chosen on the tuning part of
# benchmarks/data/real_questions.tsv (`make eval-dialogue`, BENCHMARKS.md).
RUNNER_UP_FLOOR = 0.15
# A person asked for about "this" ("hierover", "er over"): the topic talked about, nothing to route by of its own.
_HERE_ABOUT = frozenset({"hierover", "hier over", "er over", "erover", "daar over", "about this", "about that"})
# A request that points back at the topic talked about ("Kan ik hierover met iemand telefonisch contact opnemen?" after
# the tax answer): that topic's team, not what the matcher reads in the rest (the opening hours in "contact").
_ABOUT_THIS = re.compile(r"\b(?:hierover|daarover|erover|hier over|daar over|about (?:this|that|it))\b")
# After crisis help, the words of a message about that help ("vandaag nog?", "wie kan me nu helpen?") beside the
# follow-up words (`followups.FILLER`): any other word is a matter of the resident's own.
# From this age the shelter (maatschappelijke opvang) is for the resident; younger, youth care finds a place.
ADULT_AGE = 18
_ABOUT_THE_HELP = frozenset("""vandaag nu nou meteen direct vanavond vannacht hulp heen bellen wie waar weet niet durf
    today now tonight right away who where call know not dare""".split())
# The matcher's greeting and goodbye: small talk only for a message that can open or close (`small_talk.opens_or_closes`).
_HELLO_GOODBYE = frozenset({"groet", "afscheid"})
# Right after an answer, a message the matcher reads as one other topic this surely (its calibrated
# score, just under the answer cut-off) is about that topic; a less sure one is offered beside the
# current topic (`Turn._other_topic_named`). Elsewhere such a lone favourite is offered first in
# "Bedoelt u ...?" with the next real guess (`Turn._lone_favourite`). Below 0.8 a lone guess is mostly
# wrong (a lone 0.78 for "mag mijn hond mee in het zwembad"; `make eval-dialogue`, BENCHMARKS.md,
# sessions 10 and 13).
LONE_FAVOURITE_SCORE = 0.8
# A lone favourite from this score on, with no second reading to offer beside it (none, or one under RUNNER_UP_FLOOR),
# is asked about in words ("Gaat uw vraag over Wmo?", `Turn._ask_about_lone_favourite`), not given the scope message.
# Chosen on the tuning part of the real residents' messages (`make eval-dialogue`, BENCHMARKS.md, session 18): from 0.7
# to 0.6 it asks 8 more residents about their right topic and 3 more about a wrong one; 0.5 adds 6 of each.
TOPIC_QUESTION_SCORE = 0.6
# A clause that asks, besides the topic answered, whose first guess scores at least this (below LONE_FAVOURITE_SCORE):
# its first readings (at most NEARLY_ASKED_READINGS) are offered after the answer (`Turn._nearly_asked`).
NEARLY_ASKED_SCORE = 0.5
NEARLY_ASKED_READINGS = 2
# A lone favourite is asked about only when a word of the message on its own is read as that topic this surely
# (`Matcher.word_reads_as`: "dakkapel" in "hoe moet je een dakkapel aanvragen?"): a guess carried by the question's
# frame alone ("wanneer komt de kermis weer" -> the waste calendar's "wanneer komt ... weer") or by one general verb
# ("register" -> birth registration in "where can I register my startup") asks an out-of-scope resident about a wrong
# topic. Chosen on the tuning part (`make eval-dialogue`, BENCHMARKS.md, session 19): the asked rows' best word reads
# 0.80-1.00 for a right topic (one story 0.55) and 0.40-0.69 for the team's out-of-scope probes and phrasings. The same
# holds for a lone favourite offered first in "Bedoelt u ...?" (`Turn._lone_favourite`).
TOPIC_WORD_SCORE = 0.75
# A topic read in a general word ("register") stands when a word of the rest of the message reads it this surely on its
# own (`general_words.carried`): "born" reads Birth registration 0.75, "died" Death 0.65; the words of what else is
# registered read it at 0.24 or less ("horse", "boat", "caravan", "yacht"; the team's 120 phrasings, BENCHMARKS.md,
# session 20).
SUBJECT_WORD_SCORE = 0.6
# A message of at most this many words that names a broad domain and no topic is offered the domain's topics.
DOMAIN_MESSAGE_WORDS = 12
# A reply of this many words or fewer to a guided flow's question is an answer to it, not read by the
# distress classifier (`Turn._distress_reading`); the crisis rules still read it.
SHORT_FLOW_REPLY_WORDS = 6
ACTIVE_HANDOVER = (HandoverStatus.WAITING, HandoverStatus.LIVE)
# A threat against the gemeente or its staff: the handover's reason and its crisis for staff (web/staff: "dreiging").
THREAT = "threat"
# "ok and who will contact me on monday?": a question this short about being contacted asks only that
_ARRANGED_WORDS = 10
# The help per kind of crisis (homelessness: the tenant's shelter desk, below).
CRISIS_TEXTS = {"suicide": "crisis_suicide", "sexual": "crisis_sexual", "violence": "crisis_violence",
                "danger": "crisis_danger"}
# A second crisis in the same message adds its line, unless the first help names its number.
CRISIS_ALSO = {"crisis_also_suicide": "0800-0113", "crisis_also_sexual": "0800-0188", "crisis_also_violence": "0800-2000"}
CRISIS_LINKS = {"suicide": ("crisis_link_113", "https://www.113.nl"),
                "sexual": ("crisis_link_csg", "https://centrumseksueelgeweld.nl"),
                "violence": ("crisis_link_veilig_thuis", "https://veiligthuis.nl")}
# The button for a person now after crisis help carries the crisis kind, so staff see which
# crisis it is however late it is pressed (the open offer may be gone by then).
URGENT = "handover:urgent"
# The knowledge's appointment topic: its page is where an appointment is moved (`Turn._pass_on`).
APPOINTMENT = "afspraak"
# How a topic's own detail names a changed licence plate, for a plate typed on its own (`Turn._plate_told`).
PLATE_CHANGED = "kenteken wijzigen"
# What a callback offered is about, told with this many words or more, tells the matter too ("het gaat over de aanslag, ik
# kan die niet betalen"): answered before the offer again (`Turn._callback_about`); fewer name only the subject.
TOLD_WITH_THE_SUBJECT_WORDS = 6
# A message of at most this many words while waiting for a person may be an acknowledgement ("ok", "dank je wel") or a
# question about the wait ("hoe lang nog?"); a longer one tells something for the member of staff (`Turn._message_kept`).
WAIT_QUESTION_WORDS = 6
# How a topic's detail names a child's other parent (`ResolvedIntent.detail_for`), in either language.
OTHER_PARENT = "de andere ouder, the other parent"
# Who or where to ask, after a referral ("ok so who do I ask then, you?"): its line again (`_about_the_referral`).
_ASKS_WHO_OR_WHERE = re.compile(r"\b(?:wie|waar|waarheen|who|whom|where)\b")
# The knowledge's goodbye (a message of news that ends with one: `_on_question`).
GOODBYE = "afscheid"
# Where residents apply for DigiD (said when one has none: `_not_understood`).
DIGID_URL = "https://www.digid.nl"


class Turn:
    def __init__(self, ctx: TurnContext, crisis: CrisisDetector, distress: CrisisDetector | None = None) -> None:
        self.ctx = ctx
        self.crisis = crisis
        self.distress = distress
        self.question: str | None = None  # after a classifier hit: the part of the message that asks a topic
        self.asked: Asked | None = None  # the question the bot asked last turn, open until this one
        self.urgent_choice: Button | None = None  # the crisis line's button for a person now
        self.crisis_before: str | None = None  # the crisis help the previous turn gave (`DialogueState.crisis`)
        self.danger_before: DangerKind | None = None  # and its danger's own help, if any (`DialogueState.crisis_danger`)
        self.nearly_asked: list[str] = []  # topics of clauses the matcher nearly answered, offered after the answer
        self.abuse: abuse.Abuse | None = None  # swearing at the bot or at staff in this message (`abuse.read`)
        self.crisis_read = False  # the crisis rules or the distress classifier read a crisis in this message

    def _distress_reading(self) -> str | None:
        """The trained classifier's reading of a typed message, or None.

        Not asked for a short reply to a guided flow's question ("weet ik niet uit mijn hoofd" to "Wat is uw
        postcode?" read as homelessness): out of its context such an answer is what the classifier misreads,
        and the crisis rules, which read every message first, still catch a crisis told there.
        """
        ctx = self.ctx
        if not ctx.text or ctx.payload is not None or self.distress is None:
            return None
        if isinstance(ctx.state.flow, GuideFlow) and len(ctx.text.split()) <= SHORT_FLOW_REPLY_WORDS:
            return None
        return self.distress(ctx.text)

    def run(self) -> None:
        self._run()
        self._urgent_choice_last()
        notices.add_privacy_notice(self.ctx, crisis_help=self.crisis_read)

    def _run(self) -> None:
        ctx = self.ctx
        ctx.count("messages_received")
        ctx.count(f"channel:{ctx.message.channel.value}")
        self.abuse = abuse.read(ctx.text) if ctx.text and ctx.payload is None else None
        self._follow_language()
        self.crisis_before, ctx.state.crisis = ctx.state.crisis, None
        self.danger_before, ctx.state.crisis_danger = ctx.state.crisis_danger, None
        ctx.referral_before, ctx.state.referral = ctx.state.referral, None  # a referral is followed up at once or not
        self.elsewhere_before, ctx.state.elsewhere = ctx.state.elsewhere, False  # likewise another gemeente named
        # "ik wil niet met 113 praten" right after crisis help names the line, not a crisis of its own: the rules read the rest.
        line_declined = self.crisis_before is not None and ctx.text is not None and replies.declines_the_line(ctx.text)
        kind = self.crisis(replies.without_the_line(ctx.text) if line_declined else ctx.text) if ctx.text else None
        self.crisis_read = kind is not None
        if (kind in (None, "homeless") and self.crisis_before == "homeless" and ctx.text
                and reactions.refuses_the_shelter(ctx.text)):
            self._shelter_refused()  # "ik ga niet naar een daklozenopvang": the housing matter goes on, not the help again
            return
        # A threat against the gemeente or its staff ("de volgende keer kom ik met een mes naar het loket"): the crisis rules'
        # reading of the threat's own words (a knife: danger; "sla ik haar in elkaar": violence) gives way to it; a crisis of
        # the resident's own comes first (suicide, sexual violence, no place to sleep) or is read beside it.
        rest = (threats.without_the_threat(ctx.text) if ctx.text and ctx.payload is None and kind in (None, "danger", "violence")
                else None)
        if rest is not None:
            self.crisis_read = True  # the threat decides the turn (no boundary for abuse; the privacy notice after it)
            self._threat_refused(rest)
            return
        if kind is not None:
            # "... soms denk ik dat het beter is als ik er niet meer ben. hoe kom ik aan schuldhulp": the help first,
            # then the question asked (was the help alone: the debt help asked for never came). Only a question:
            # "ik slaap op straat" asks no report of the street. Not in a danger now: 112 is the one thing to do.
            asked = self._question_besides(ctx.text) if not self._danger_now(kind) else None
            asks = asked is not None and _asks_somewhere(asked)
            self.question = asked if asks else None
            self._crisis_help(kind, going_on=self.question is not None)
            if self.question is None:
                if asked is not None:
                    # "er ligt al een week afval naast de container en ik zie het niet meer zitten": the topic told is
                    # what "wordt het vandaag nog opgehaald?" next is about (was the help again, the topic unknown)
                    ctx.state.topic = ctx.classify(asked).intent
                return
            self.crisis_before, line_declined = None, False  # this turn's help is the one given; the question is a question
        likely = self._distress_reading() if kind is None and not line_declined else None
        self.crisis_read = self.crisis_read or likely is not None
        if likely is not None:
            self.question = self._question_besides(ctx.text)
            if self.question is None:
                self._crisis_help(likely, gentle=True)
                return
            self._crisis_line(likely)
        if self.abuse is not None and self.crisis_read:
            self.abuse = None  # crisis help or distress decides the turn (a threat returned above): one reading, not two
        if self.abuse is not None:
            ctx.state.abusive += 1  # staff who take the conversation see it (`core.staff`), also when a person has it
            ctx.count("abusive")
        current = ctx.conversation.handover
        if current is not None and current.status in ACTIVE_HANDOVER:
            then = replies.withdraws_then(ctx.text) if ctx.text else None
            withdrawn = replies.withdraws_the_wait(ctx.text) if ctx.text and current.status == HandoverStatus.WAITING else None
            if current.status == HandoverStatus.WAITING and (then or withdrawn is not None):
                # "laat maar", "actually never mind, I found it", "ik moet eerst met haar overleggen. later" while nobody
                # has taken the conversation yet: stop looking, say how to reach the team later (honest about the hours),
                # and answer the question asked with it ("nee laat maar, wat kost een paspoort?") or what follows the
                # change of mind when it reads as a topic (was "Ik heb uw bericht bewaard ... U wacht nog").
                ctx.conversation.handover = None
                ctx.count("handover_withdrawn")
                contact = ctx.promises.team_contact(ctx.team(current.team))
                ctx.add(f'{ctx.say("wait_withdrawn")} {contact}' if contact else ctx.say("wait_withdrawn"))
                self._after_the_wait(then or withdrawn or "", current)
                return
            if current.status == HandoverStatus.WAITING and ctx.text and self._wait_rerouted(current):
                return
            if current.status == HandoverStatus.WAITING and ctx.text and self._wait_to_callback(current):
                return
            # A person is (about to be) talking: staff see the message.
            ctx.count("during_handover")
            if current.status == HandoverStatus.WAITING and current.claimed_by is None:
                self._message_kept(current)
            return
        if ctx.first_turn:
            self._greet()
        self._take_page_topic()
        if self.abuse is not None and self._boundary():
            return
        state = ctx.state
        self.asked, state.asked = state.asked, None
        left_flow, state.left_flow = state.left_flow, None
        flow = state.flow
        if ctx.payload is not None:
            if isinstance(flow, CallbackFlow) and ctx.payload in (handover.YES, handover.NO):
                handover.continue_callback(ctx, flow)
                return
            state.flow = None  # a button press leaves a flow
            self._on_payload(ctx.payload)
            return
        if ctx.message.kind not in (InboundKind.TEXT, InboundKind.BUTTON) or not ctx.text:
            self._on_no_text()
            return
        if isinstance(flow, GuideFlow) and isinstance(self.asked, MoreTopicsOffered) and replies.all_of_these(ctx.text):
            flow = state.flow = None  # "en de rest?" after the waste calendar's postcode asked: the other topics offered
        if isinstance(flow, GuideFlow) and continue_guide(ctx, flow):
            return
        if flow is None and left_flow is not None and resume_guide(ctx, left_flow):
            return
        if isinstance(flow, CallbackFlow) and flow.step == "consent" and self._callback_about(flow):
            return
        if isinstance(flow, CallbackFlow) and handover.continue_callback(ctx, flow):
            declined = replies.yes_no(ctx.text)
            if (declined is not None and not declined.yes and declined.rest and ctx.state.flow is None
                    and (clauses.is_question(declined.rest) or len(declined.rest.split()) > 2)):
                # "nee dank je, hoe laat zijn jullie morgen open?": that too; not "toch niet" in "eh nee toch niet"
                self._on_question(declined.rest)
            return
        if flow is None and self._for_the_callback():
            return
        if line_declined:
            self._line_declined()
            return
        # "en nu?" right after the answer to a problem told ("ons papier is niet opgehaald", "paspoort
        # kwijt") asks what happens next (`current_topic`), not why the bot is quiet.
        after_detail = (state.detail or state.own_detail) and followups.asks_what_next(ctx.text)
        # "duurt lang?" right after an answer asks how long the topic takes, not why the bot is quiet.
        about_the_topic = state.topic is not None and followups.asks_if_it_takes_long(ctx.text)
        if small_talk.is_impatient(ctx.text) and not after_detail and not about_the_topic:
            self._on_impatience()
            return
        if flow is None and self.asked is not None and self._on_answer():
            return
        if flow is None and self.asked is None and self._on_bare_yes_no():
            return
        if replies.withdraws(ctx.text) and not replies.is_stop(ctx.text):
            self._nothing_to_withdraw()
            return
        self._on_question(self.question or ctx.text)

    def _boundary(self) -> bool:
        """Swearing at the bot or at staff: a calm boundary in one sentence; True when that is the whole reply (nothing
        else was said: what was asked before stays open). Else the turn goes on with the message's matter alone
        ("kutbot, waar kan ik mijn grofvuil kwijt": the bulky waste)."""
        ctx = self.ctx
        assert self.abuse is not None
        if not self.abuse.rest:
            ctx.add(f"{ctx.say('abuse_boundary')} {ctx.say('ask_question')}")
            return True
        ctx.add(ctx.say("abuse_boundary"))
        ctx.text = self.abuse.rest
        return False

    def _after_the_wait(self, rest: str, current: Handover) -> None:
        """What follows a wait taken back: a detail of a topic of the team waited for ("never mind, I found it, my permit
        was still on my old car": the permit's changed plate, was the wait stopped alone), a question, or a topic the
        matcher answers ("laat maar, wat kost een paspoort?"); nothing for a reason or plan that asks nothing ("laat maar,
        ik wacht op de volgende aanslag": was "Wat dat betekent voor 'WOZ-waarde', weet ik niet precies")."""
        ctx = self.ctx
        if len(rest.split()) <= 2 and not clauses.is_question(rest):
            return
        found = self._detail_of_the_team(rest, current.team)
        if found is not None:
            topic, own = found
            ctx.count("wait_withdrawn_detail")
            answers.answer(ctx, topic, 1.0, rest, own_detail=own)
            return
        if clauses.is_question(rest) or ctx.classify(rest).decision == "answer":
            self._on_question(rest)

    def _detail_of_the_team(self, text: str, team: str) -> "tuple[ResolvedIntent, str] | None":
        """The own detail `text` names of the topic talked about, or else of another topic of `team`, with that topic."""
        ctx = self.ctx
        talked_about = ctx.intent_of(ctx.state.topic)
        topics = [talked_about] if talked_about is not None and talked_about.kind == "topic" else []
        topics += [intent for intent in ctx.knowledge.intents.values() if intent.kind == "topic" and not intent.handover
                   and intent is not talked_about and ctx.team_id(intent.team) == team]
        for topic in topics:
            own = topic.detail_for(text)
            if own is not None:
                return topic, own.name
        return None

    def _nothing_to_withdraw(self) -> None:
        """"actually never mind", "laat maar ik vraag eerst of een print ook goed is", "laat maar" with nothing left to
        take back: accepted kindly, the resident can come back (not another language, "Bedoelt u Grofvuil?", "weet ik
        niet precies" or "Jammer dat dit niet hielp"); while the gemeente is closed, who helps with the topic tonight
        (its `after_hours`: the police's number for noise at night)."""
        ctx = self.ctx
        ctx.count("nothing_to_withdraw")
        ctx.state.misses = 0
        said = [ctx.say("declined")]
        topic = ctx.intent_of(ctx.state.topic)
        links = []
        if topic is not None and topic.after_hours is not None and not ctx.promises.open_now:
            said.append(topic.after_hours.answer.get(ctx.language))
            links = [ctx.link(link) for link in topic.after_hours.links]
        ctx.add(" ".join(said), links=links)

    # ---- before the question ------------------------------------------------------------------

    def _follow_language(self) -> None:
        ctx = self.ctx
        if ctx.payload is not None or isinstance(ctx.state.flow, GuideFlow):
            return  # a button or a postcode says nothing about the resident's language
        # The widget's locale is a deliberate choice: the text overrides it only
        # with a clear signal ("paspoort" on the English page stays English).
        margin = 2 if ctx.message.locale else 1
        # Swearing says nothing about the language ("fuck you" in a Dutch conversation): only the rest of the message.
        read = self.abuse.rest if self.abuse is not None else ctx.text
        detected = language.detect(read, margin) if read else None
        chosen = detected or ctx.message.locale
        if ctx.text and language.speaks_no_dutch(ctx.text) is not None:
            chosen = "en"  # "ik spreek geen nederlands": the greeting too in English
            ctx.state.no_dutch = True
        elif ctx.state.no_dutch:
            # What the resident said of themselves holds: Dutch words ("paspoort verlengen") or a Dutch page are no
            # reason to write Dutch again; a Dutch sentence or Dutch asked for ("Nederlands graag") are.
            asked = language.language_asked(ctx.text) if ctx.text else None
            if (asked is not None and asked[0] == "nl") or language.writes_dutch(ctx.text or ""):
                ctx.state.no_dutch = False
            else:
                chosen = "en"
        if chosen and chosen != ctx.conversation.language:
            ctx.conversation.language = chosen
            ctx.count(f"language:{chosen}")

    def _crisis_help(self, kind: str, gentle: bool = False, again: bool = False, going_on: bool = False) -> None:
        """The right numbers first; in office hours also a person at once. `gentle`: found by the
        classifier only, so the help is worded as a question (it may be a false alarm). `again`: the
        last turn's help asked for again ("wat moet ik doen?"): its danger's own help (medical,
        exploitation) is the one the state remembers, not read from the follow-up's words. `going_on`:
        the turn goes on to the question asked with it, so the person now is a button, not an open
        question (as after a crisis line), and the greeting comes from the turn."""
        ctx = self.ctx
        ctx.count("crisis")
        ctx.count(f"crisis:{kind}")
        if gentle:
            ctx.count("crisis_line")
            ctx.count(f"crisis_line:{kind}")
        ctx.state.flow = None
        ctx.state.asked = None
        ctx.state.crisis = kind
        links = self._crisis_links(kind)
        if gentle and kind != "homeless":
            text = ctx.say(f"crisis_line_{kind}")
        elif kind in CRISIS_TEXTS:
            key = CRISIS_TEXTS[kind]
            found = crisis_kinds(ctx.text or "")
            # Someone who took too many pills and does not respond reads as suicide and as a medical danger: the
            # ambulance comes first, 113 after it. So does a danger of the place around someone who does not respond (a
            # closed garage with the engine running, a carbon monoxide alarm): 112 and a safe place first, 113 after it.
            if again:
                danger = self.danger_before
            else:
                danger = danger_kind(ctx.text) if ctx.text and (kind == "danger" or (kind == "suicide" and "danger" in found)) else None
            medical = danger == "medical"
            danger_first = medical or (danger == "threat" and kind == "suicide")
            if medical:
                ctx.state.crisis_danger = "medical"
                key = "crisis_medical"  # 112 and stay with the person: no safe place, police or Veilig Thuis
                ctx.count("crisis:danger:medical")
            elif danger_first:
                ctx.state.crisis_danger = "threat"
                key = CRISIS_TEXTS["danger"]
            elif danger == "exploitation" and kind == "danger":
                ctx.state.crisis_danger = "exploitation"
                key = "crisis_exploitation"  # the Labour Authority's line and the police, 112 when unsafe now
                ctx.count("crisis:danger:exploitation")
            text = ctx.say(key)
            # Another crisis in the same message ("mijn man slaat me en ik wil niet meer leven"):
            # its number too, unless the help above already names it.
            others = [other for other in found if other != kind]
            if danger_first and kind != "danger":
                others.insert(0, kind)  # the danger's help leads; the kind's own line follows it
            if "sexual" in others and "violence" in others:
                others.remove("violence")  # "verkracht" reads as both; the sexual-violence line is the one
            for other in others:
                key = f"crisis_also_{other}"
                if key in CRISIS_ALSO and CRISIS_ALSO[key] not in text:
                    text += " " + ctx.say(key)
        else:
            text = self._homeless_help(links)
        if ctx.first_turn and not going_on:
            # Still say what Balie is (EU AI Act art. 50), after the help and in the same message.
            text += "\n\n" + ctx.say("greeting", tenant=ctx.tenant.name)
        current = ctx.conversation.handover
        if current is not None and current.status in ACTIVE_HANDOVER:
            current.urgent = True  # a person is (about to be) there: staff see it first
            current.crisis = current.crisis or kind
            ctx.add(text, links=links)
        elif going_on:
            self._add_line(text, kind, links)
        elif ctx.live_possible:
            ctx.state.asked = PersonOffered(reason=f"crisis:{kind}", urgent=True, team=ctx.tenant.crisis.team)
            ctx.add(f"{text} {ctx.say('crisis_person_offer')}", links=links, buttons=[
                ctx.button("button_urgent_person", f"{URGENT}-{kind}"), ctx.button("button_no", "handover:no"),
            ])
        else:
            ctx.add(text, links=links)  # the numbers are there day and night; no promise of staff now

    def _threat_refused(self, rest: str) -> None:
        """A threat against the gemeente or its staff: a calm, firm reply (not accepted, may be reported, 112 in danger, a
        question or complaint is welcome), no topic buttons; in office hours an urgent handover with the threat as its
        crisis, so that staff see the conversation first in their queue ("Crisis: dreiging"), as after crisis help; a
        handover already open is marked so (the person there reads on). A crisis told beside the threat (`rest`: the message
        without it) adds its line."""
        ctx = self.ctx
        ctx.count("threat")
        ctx.state.flow = None
        ctx.state.asked = None
        text = ctx.say("threat_refused")
        for other in crisis_kinds(rest) if rest else []:
            if f"crisis_also_{other}" in CRISIS_ALSO:
                text += " " + ctx.say(f"crisis_also_{other}")
        current = ctx.conversation.handover
        if current is not None and current.status in ACTIVE_HANDOVER:
            current.urgent = True
            current.crisis = current.crisis or THREAT
        elif ctx.live_possible:
            handover.wait_live(ctx, ctx.team_id(None), THREAT, urgent=True, crisis=THREAT)  # the general desk
            text += " " + ctx.say("threat_staff_see")
        else:
            text += " " + ctx.say("threat_question")
        if ctx.first_turn:
            text += "\n\n" + ctx.say("threat_software", tenant=ctx.tenant.name)  # what Balie is (EU AI Act art. 50)
        ctx.add(text)

    def _about_crisis_help(self, text: str) -> bool:
        """"wat moet ik doen?", "vandaag nog?" right after crisis help: about that help, not a topic
        to name ("Waar gaat uw vraag over?"), so the help again, with its numbers. A question the
        matcher answers, a story, or a message that names anything of its own ("wordt het vandaag nog
        opgehaald?", "ik heb het kenteken gezien": was the help again each time) is a question of its own."""
        age = followups.own_age(text) if self.crisis_before == "homeless" else None
        if age is not None and len(text.split()) < clauses.STORY_WORDS:
            # "is die opvang ook voor mij? ik ben pas 19" right after the shelter's help: who it is for, then the help
            # again with its numbers (was the scope message)
            self.ctx.count("shelter_age")
            self.ctx.add(self.ctx.say("shelter_adult" if age >= ADULT_AGE else "shelter_minor"))
            self._crisis_help("homeless", again=True)
            return True
        result = self.ctx.classify(text)
        if (result.decision == "answer" or len(text.split()) >= clauses.STORY_WORDS
                or any(word not in _ABOUT_THE_HELP for word in followups.subject(text).split())):
            return False
        assert self.crisis_before is not None
        self.ctx.count("crisis_followup")
        self._crisis_help(self.crisis_before, again=True)
        return True

    def _homeless_help(self, links: list[Link]) -> str:
        """The tenant's shelter desk, else the municipality; while that is closed (and the desk's
        phone is not answered day and night) also the police's line for tonight."""
        ctx = self.ctx
        shelter = ctx.tenant.crisis.shelter
        if shelter is not None:
            if shelter.url:
                links.append(Link(title=shelter.name.get(ctx.language), url=shelter.url))
            text = ctx.say("crisis_homeless", shelter=shelter.name.get(ctx.language), phone=shelter.phone)
            reachable_now = shelter.day_and_night
        else:
            contact = ctx.promises.team_contact(ctx.team(ctx.tenant.default_team)) or ""
            text = ctx.say("crisis_homeless_municipality", contact=contact).strip()
            reachable_now = False
        if not reachable_now and not ctx.promises.available.open_now:
            text += " " + ctx.say("crisis_homeless_closed")  # tonight, not on Monday
        return text

    def _shelter_refused(self) -> None:
        """"ik wil niet naar zo'n opvang. kan ik niet gewoon snel een woning?" right after the help for someone without a
        place to sleep: the housing matter goes on (was the classifier's gentle suicide check): honest that no home can
        be arranged quickly, certainly not tonight, that the shelter desk also looks at other places, and its number once
        more."""
        ctx = self.ctx
        ctx.count("shelter_refused")
        ctx.state.crisis = "homeless"
        links: list[Link] = []
        ctx.add(f'{ctx.say("shelter_refused")} {self._homeless_help(links)}', links=links)

    def _crisis_links(self, kind: str) -> list[Link]:
        if kind not in CRISIS_LINKS:
            return []
        title, url = CRISIS_LINKS[kind]
        return [Link(title=self.ctx.say(title), url=url)]

    def _question_besides(self, text: str) -> str | None:
        """What a message the classifier flags also asks that the turn can answer: the message,
        or the clause of it, for which the matcher is confident of a topic ("How do I renew my
        passport? Honestly I feel like giving up on everything": the first clause), or sure of one guess whose own
        detail it names ("we hebben huurschulden en er dreigt een ontruiming, wat kunnen we doen": debt help 0.88, just
        under its answer cut-off, and the eviction is its detail; was the shelter help alone). None when
        there is none (a "Bedoelt u ...?" after crisis help to a message that asked nothing
        would offer topics the resident never asked about), or a person has the conversation
        (they read it)."""
        ctx = self.ctx
        current = ctx.conversation.handover
        if current is not None and current.status in ACTIVE_HANDOVER:
            return None
        result = ctx.classify(text)
        confident = [(asked, intent.id) for asked, found in
                     ((text, result), *((part.text, part.classification) for part in clauses.asking(text, result)))
                     if (intent := ctx.intent_of(found.intent if found.decision == "answer" else
                                                 found.candidates[0].intent if found.candidates else None)) is not None
                     and intent.kind == "topic" and (found.decision == "answer" or (
                         sure_of_one(found.candidates, found.score) and intent.detail_for(asked) is not None))]
        asking = [(asked, topic) for asked, topic in confident
                  if _asks_somewhere(asked)]
        if not asking:
            return confident[0][0] if confident else None
        # "we hebben een huurachterstand en de verhuurder wil ons uit huis zetten. kan ik hulp krijgen bij mijn schulden?":
        # the clause that asks (was the one that tells, which asks nothing: no answer at all), with what is told of the
        # same topic before it (the eviction the debt help must know of)
        question, topic = asking[0]
        told = [asked for asked, same in confident if same == topic and asked not in (question, text)]
        return " ".join([*told, question])

    def _crisis_line(self, kind: str) -> None:
        """A crisis only the trained classifier sees, in a message that also asks something else:
        it is less sure and may be a false alarm, so the right number comes first in a caring
        question, and the turn goes on to the question the resident asked (in office hours with
        a button for a person now, as after crisis help, but without an open question)."""
        ctx = self.ctx
        ctx.count("crisis_line")
        ctx.count(f"crisis_line:{kind}")
        links = self._crisis_links(kind)
        self._add_line(ctx.say(f"crisis_line_{kind}") if kind != "homeless" else self._homeless_help(links), kind, links)

    def _add_line(self, text: str, kind: str, links: list[Link]) -> None:
        """Crisis help before the question asked with it: in office hours a button for a person now (put first among
        the turn's last choices, `_urgent_choice_last`), no open question."""
        ctx = self.ctx
        buttons = []
        if ctx.live_possible:
            text += " " + ctx.say("crisis_line_person")
            self.urgent_choice = ctx.button("button_urgent_person_now", f"{URGENT}-{kind}")
            buttons.append(self.urgent_choice)
        ctx.add(text, links=links, buttons=buttons)

    def _danger_now(self, kind: str) -> bool:
        """A danger now (a fire, someone not responding after pills): 112 and the safe place are all the turn says."""
        return kind == "danger" or (kind == "suicide" and "danger" in crisis_kinds(self.ctx.text or ""))

    def _line_declined(self) -> None:
        """"ik wil niet met 113 praten, ik wil gewoon mijn huis houden" right after crisis help: said once, briefly,
        that the line stays there (not its help again, nor the classifier's question about it: was 113 twice more),
        and the question the rest asks, or a person of the topic talked about, urgently (the callback's contact can
        be typed with the yes)."""
        ctx = self.ctx
        ctx.count("crisis_line_declined")
        ctx.add(ctx.say("crisis_line_declined"))
        rest = replies.without_the_line(ctx.text or "")
        if self._back_to_the_matter(rest):
            return
        if clauses.is_question(rest) and ctx.classify(rest).decision == "answer":
            self._on_question(rest)
            return
        topic = ctx.intent_of(ctx.state.topic)
        if topic is None or topic.kind != "topic":
            return
        team_id = ctx.team_id(topic.team)
        ctx.state.asked = PersonOffered(reason=f"crisis:{self.crisis_before}", urgent=True, team=team_id)
        if ctx.live_possible:
            offer = ctx.say("topic_person_now", team=ctx.team_name(team_id))
        else:
            offer = ctx.say("topic_person_later", team=ctx.team_name(team_id), moment=ctx.promises.callback())
        ctx.add(offer, buttons=ctx.yes_no_buttons())

    def _back_to_the_matter(self, rest: str) -> bool:
        """"ik bel niet, ik wilde alleen weten van die uitkering" right after crisis help: the topic talked about before
        it, answered for the detail the conversation was about (an application waited for: how long, and the advance
        when there is no money; was the topic's general answer)."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if topic is None or topic.kind != "topic" or topic.handover or not (ctx.state.detail or ctx.state.own_detail):
            return False
        reading = ctx.classify(rest)
        if not (reading.intent == topic.id or ([guess.intent for guess in reading.candidates] == [topic.id]
                                                and reading.score >= TOPIC_QUESTION_SCORE)):
            return False  # "I only wanted to know about my benefit": welfare its one guess (0.68) still points back
        ctx.count("back_to_the_matter")
        answers.answer(ctx, topic, 1.0, rest, asked_details=[ctx.state.detail] if ctx.state.detail else None,
                       own_detail=ctx.state.own_detail)
        return True

    def _urgent_choice_last(self) -> None:
        """After a crisis line the turn goes on to the question asked, whose answer may have
        choices of its own. Messaging apps show only a turn's last choices (Messenger's quick
        replies sit under the newest message; WhatsApp folds a long turn into one text and the
        last choices), so the button for a person now moves to the front of the last message's
        choices: on every channel it is the first choice of the turn."""
        urgent = self.urgent_choice
        last = next((message for message in reversed(self.ctx.messages) if message.buttons), None)
        if urgent is None or last is None or urgent in last.buttons:
            return
        for message in self.ctx.messages:
            message.buttons = [button for button in message.buttons if button != urgent]
        last.buttons.insert(0, urgent)

    def _take_page_topic(self) -> None:
        """A question asked on a topic page (the widget's data-topic) is about that topic until the
        conversation has a topic of its own: "wat kost het?" on the passport page."""
        page = self.ctx.intent_of(self.ctx.message.topic)
        if page is not None and page.kind == "topic" and not self.ctx.state.topic:
            self.ctx.state.topic = page.id

    def _greet(self) -> None:
        ctx = self.ctx
        text = f"{ctx.say('greeting', tenant=ctx.tenant.name)} {ctx.promises.people_line()}"
        if not ctx.text and ctx.payload is None:
            text += " " + ctx.say("ask_question")
        ctx.add(text, buttons=[ctx.person_button()])

    def _on_impatience(self) -> None:
        """"antwoord nou", "ben je er nog?": impatience names no topic (the matcher would read a
        complaint in it). The bot is there: it asks for the question and says how to reach a
        person, honest about the hours. Not a miss; a question still open stays open."""
        ctx = self.ctx
        ctx.count("impatient")
        ctx.state.asked = self.asked
        ctx.add(f"{ctx.say('impatient')} {ctx.person_line()}", buttons=[ctx.person_button()])

    def _on_no_text(self) -> None:
        # A photo, voice note or location: Balie only reads text. Not a miss:
        # the resident did nothing wrong, so it does not count towards the offer of a person.
        ctx = self.ctx
        ctx.count("unsupported_input")
        ctx.add(ctx.say("location_unsupported" if ctx.message.kind == InboundKind.LOCATION else "text_only"))

    # ---- buttons --------------------------------------------------------------------------------

    def _on_payload(self, payload: str, said: str = "") -> None:
        """A button pressed, or a choice typed as one: `said`, the typed words that chose an offered topic, whose own
        detail they may name ("maar ik huur gewoon" choosing Gemeentelijke belastingen: the tenant's answer)."""
        ctx, asked = self.ctx, self.asked
        kind, _, value = payload.partition(":")
        if kind == "intent":
            intent = ctx.intent_of(value)
            if intent is None:
                self._not_understood()
                return
            ctx.count("disambiguation_chosen")
            detail = asked.detail if isinstance(asked, MoreTopicsOffered) else None
            asked_followup = asked.followup if isinstance(asked, ChoicesOffered) else None
            if detail is not None and intent.kind == "topic" and not intent.handover:
                answers.answer(ctx, intent, 1.0, asked_details=[detail])  # the permit after a death: its variant
            elif asked_followup == current_topic.AFTER_HOURS and intent.kind == "topic":
                current_topic.after_hours(ctx, intent)  # "is er een noodnummer?", then "Melding openbare ruimte"
            elif asked_followup is not None and answers.has_followup(ctx, intent, asked_followup):
                answers.followup(ctx, asked_followup, intent.id)  # "eigen bijdrage?" -> Wmo: the Wmo's cost
            else:
                # "hoeveel geld?" to "Gaat uw vraag over naturalisatie?": that topic's cost (was its whole answer again)
                self._answer(intent, 1.0, said, followups.asked_kinds(said) if said else None)
            if isinstance(asked, MoreTopicsOffered) or (isinstance(asked, ChoicesOffered) and asked.several):
                self._offer_more([other for other in asked.intents if other != value], detail=detail)
        elif kind == "choice":  # "iets anders" under "Bedoelt u ...?"
            ctx.count("disambiguation_other")
            if isinstance(asked, ChoicesOffered) and asked.question:
                ctx.note_unanswered(asked.question)  # none of the topics: the editors should see it
            ctx.add(ctx.say("clarify_other"))
        elif kind == "followup":
            if not answers.followup(ctx, value, ctx.state.topic):
                self._not_understood()
        elif kind == "feedback":
            on_feedback(ctx, value == "yes")
        elif value == "no":
            self._decline_person()
        elif value == "urgent" or value.startswith("urgent-"):
            named = value.partition("-")[2]
            self._request_person(reason="crisis", team=ctx.tenant.crisis.team or ctx.tenant.default_team, urgent=True,
                                 crisis=named if named in CRISIS_KINDS else _crisis_of(asked))
        elif value == "yes" and isinstance(asked, PersonOffered):
            self._accept_offer(asked)
        else:
            self._request_person(reason="asked")

    # ---- a typed answer to the last question ------------------------------------------------------

    def _on_answer(self) -> bool:
        """True when the text answered the question the bot asked last turn."""
        ctx, asked = self.ctx, self.asked
        answer = replies.yes_no(ctx.text)
        if isinstance(asked, ChoicesOffered):
            return self._on_choice(asked, answer)
        if isinstance(asked, MoreTopicsOffered):
            number = replies.chosen_number(ctx.text, len(asked.intents))
            if number is None and replies.all_of_these(ctx.text):
                # "welke van die 3?", "allemaal graag": the next one answered, the others offered after it (was "Dat
                # weet ik niet" about the topic answered)
                ctx.count("all_offered_asked")
                number = 1
            if number is not None or (answer is not None and answer.yes and not answer.rest):
                chosen = asked.intents[(number or 1) - 1]
                self._on_payload(f"intent:{chosen}")
                return True
            named = self._offered_topic_named(asked, ctx.text)
            if named is not None:
                self._on_payload(f"intent:{named}", ctx.text)  # "en die parkeerkaart?": as if pressed, for the detail told
                return True
            return answer is not None and not answer.yes and self._declined_then(answer.rest)
        if answer is None and isinstance(asked, PersonOffered) and contacts.contact(ctx.text or "") is not None:
            answer = replies.YesNo(True, "")  # "goed, 06 ..." to "Wilt u dat een medewerker ...?": yes, at that number
        elif answer is None and isinstance(asked, PersonOffered) and replies.withdraws_at_the_end(ctx.text or ""):
            answer = replies.YesNo(False, "")  # "maandag pas? ik wacht al weken. laat maar": no (was the scope message)
        if answer is None:
            return False
        if isinstance(asked, FeedbackAsked):
            if not answer.yes and answer.rest and replies.withdraws(ctx.text):
                self._nothing_to_withdraw()  # "laat maar ik vraag eerst of ...": a change of mind, not a rating
                return True
            on_feedback(ctx, answer.yes, quietly=bool(answer.rest))
            if answer.rest:
                self._on_question(answer.rest)
            return True
        assert isinstance(asked, PersonOffered)
        if answer.yes:
            self._accept_offer(asked)
            return True
        return self._declined_then(answer.rest)

    def _offered_topic_named(self, asked: MoreTopicsOffered | ChoicesOffered, text: str) -> str | None:
        """The offered topic a short typed question names ("en die parkeerkaart?" after a death story
        that told of a disabled parking card; "Wmo" under "Bedoelt u" for an own contribution), answered
        as its button is, for the detail told or the follow-up asked; not a question with a detail of its own."""
        if (len(text.split()) >= clauses.STORY_WORDS or details.detect(text)
                or followups.asks_for_someone_else(text)):
            return None  # "kan ik het voor haar aanvragen?": the topic just answered, for her (not an offered one)
        reading = self.ctx.classify(text)
        favourite = reading.candidates[0].intent if reading.decision != "reject" and reading.candidates else None
        return favourite if favourite in asked.intents else None

    def _on_bare_yes_no(self) -> bool:
        """"ja" or "nee" when no question is open: the feedback buttons still shown
        count it; else it needs no answer but an invitation. "ok thanks" is a thanks (the
        matcher's), not feedback: feedback words count only right after "Was dit nuttig?"."""
        ctx = self.ctx
        answer = replies.yes_no(ctx.text)
        if answer is None or answer.rest or (answer.yes and small_talk.says_thanks(ctx.text)):
            return False
        if (not answer.yes and replies.withdraws(ctx.text) and not replies.is_stop(ctx.text)
                and not any(payload.startswith("feedback:") for payload in self._last_buttons())):
            return False  # "laat maar" a few messages after "Was dit nuttig?": a change of mind (`_nothing_to_withdraw`)
        if answer.yes and ctx.state.feedback_open is not None and self._person_offered_last():
            # "ja graag" right after "Neem dan contact op met Burgerzaken" and its button for a person, the feedback
            # asked a turn before: the person (was "Dank u wel voor uw reactie", counted as feedback).
            ctx.count("yes_to_the_person_offered")
            self._request_person(reason="asked")
            return True
        if ctx.state.feedback_open is not None:
            on_feedback(ctx, answer.yes)
        else:
            ctx.add(ctx.say("ask_question" if answer.yes else "person_declined"))
        return True

    def _person_offered_last(self) -> bool:
        """Whether the last reply's last message offered a person (its button) and did not ask for feedback."""
        payloads = self._last_buttons()
        return "handover:request" in payloads and not any(payload.startswith("feedback:") for payload in payloads)

    def _last_buttons(self) -> set[str]:
        """The payloads of the buttons of the last reply's last message."""
        last = next((entry for entry in reversed(self.ctx.conversation.transcript) if entry.role == Role.BOT), None)
        return {button.payload for button in last.buttons} if last is not None else set()

    def _on_choice(self, asked: ChoicesOffered, answer: replies.YesNo | None) -> bool:
        ctx = self.ctx
        number = replies.chosen_number(ctx.text, len(asked.intents))
        if number is None and asked.several and replies.all_of_these(ctx.text):
            ctx.count("all_offered_asked")  # "allebei": the topics a story told, each in turn
            number = 1
        if number is not None:
            self._on_payload(f"intent:{asked.intents[number - 1]}")
            return True
        named = self._offered_topic_named(asked, ctx.text) if asked.followup else None
        if named is not None:
            self._on_payload(f"intent:{named}")  # "Wmo" typed for the own contribution: the Wmo's cost
            return True
        if answer is not None and answer.yes and not answer.rest and len(asked.intents) == 1:
            self._on_payload(f"intent:{asked.intents[0]}")  # "ja" to "Gaat uw vraag over Afvalcontainer?"
            return True
        meant = self._offered_topic_meant(asked, ctx.text) if answer is None else None
        if meant is not None:
            # "I only receive AOW" under "Bedoelt u" Bijstand / Bijzondere bijstand: welfare's AOW rule (was the tax
            # waiver the matcher reads in "AOW" alone); "will my parents find out? I'm 20" to "Is it about Debt
            # counselling?": that topic (was the scope message); answered as its button is, for what is told or asked
            ctx.count("offered_topic_meant")
            self._on_payload(f"intent:{meant}", ctx.text)
            return True
        if answer is not None and answer.yes and not answer.rest:
            # "ja" to two or three options: which one?
            ctx.state.asked = asked
            ctx.add(ctx.say("choose_one"), buttons=ctx.choice_buttons(asked.intents))
            return True
        if (answer is not None and not answer.yes and not answer.rest) or replies.none_of_these(ctx.text):
            self._on_payload("choice:other")
            return True
        return False

    def _offered_topic_meant(self, asked: ChoicesOffered, text: str) -> str | None:
        """The offered topic a typed reply to "Bedoelt u ...?" (no yes, no or number) is about: one reading of a
        resident who answers with the matter itself, announcing no other matter and asking for no person. Either a
        reply of up to TOLD_WORDS words naming no topic by its title that tells or asks what an offered topic's own
        detail covers (the first such topic: "I only receive AOW" under Bijstand / Bijzondere bijstand), or a short
        question about the one topic offered that names no other topic the matcher answers or reads surely as its
        one guess ("will my parents find out? I'm 20" to "Is it about Debt counselling?")."""
        ctx = self.ctx
        words = len(text.split())
        if words >= clauses.STORY_WORDS or small_talk.changes_topic(text) or contacts.asks_for_person(text):
            return None
        if words <= detail_topic.TOLD_WORDS and not current_topic.titles_named(ctx, text):
            for offered in asked.intents:
                topic = ctx.intent_of(offered)
                if topic is not None and topic.detail_for(text) is not None:
                    return offered
        if len(asked.intents) != 1 or not clauses.is_question(text):
            return None
        reading = ctx.classify(text)
        named = reading.candidates[0].intent if reading.candidates else None
        other = named is not None and named != asked.intents[0] and (
            reading.decision == "answer" or sure_of_one(reading.candidates, reading.score))
        return None if other else asked.intents[0]

    def _declined_then(self, rest: str) -> bool:
        """"nee" (and maybe a new question in the same message)."""
        if rest:
            self.ctx.state.misses = 0
            self._on_question(rest)
        else:
            self._decline_person()
        return True

    # ---- the question ---------------------------------------------------------------------------------

    def _on_question(self, text: str) -> None:
        ctx = self.ctx
        no_dutch = language.speaks_no_dutch(text)
        if no_dutch is not None:
            # "ik spreek geen nederlands", "no hablo holandés": English from now on (`_follow_language`), said in
            # one line (in another language: English is what Balie writes besides Dutch); then the question, if any.
            said_in_dutch_or_english, text = no_dutch
            ctx.count("no_dutch")
            line = ctx.say("language_english" if said_in_dutch_or_english else "language_english_only")
            if not text:
                ctx.add(f"{line} {ctx.say('ask_question')}")
                return
            ctx.add(line)
        topic_before = ctx.intent_of(ctx.state.topic)
        if topic_before is not None and topic_before.kind == "topic" and language.another_speaks_no_dutch(text):
            # "zij spreekt geen nederlands" after the Wmo for a mother: how the errand goes for her (was naturalisation)
            ctx.count("another_no_dutch")
            ctx.intent, ctx.confidence = topic_before.id, 1.0
            ctx.add(f"{ctx.say('another_no_dutch')} {ctx.person_line()}", buttons=[ctx.person_button()])
            return
        after_thanks = small_talk.thanks_then(text)
        if after_thanks:
            # "Dank u wel. Wanneer hoor ik iets van u?": the question, not "Graag gedaan!" for the thanks
            ctx.count("thanks_then_question")
            text = after_thanks
        before_closing = small_talk.before_a_closing(text)
        whole = ctx.classify(text) if before_closing else None
        read_whole = whole is not None and (whole.decision == "answer" or sure_of_one(whole.candidates, whole.score))
        first = ctx.intent_of(whole.candidates[0].intent) if whole is not None and whole.candidates else None
        closing_read = first is not None and first.kind == "system"
        told = ctx.classify(before_closing) if before_closing and small_talk.ends_with_goodbye(text) else None
        told_first = ctx.intent_of(told.intent or (told.candidates[0].intent if told.candidates else None)) if told else None
        if (told is not None and before_closing and (not read_whole or closing_read)
                and not clauses.a_clause_asks(before_closing)
                and (told_first is None or told_first.kind == "system" or (
                    told.decision != "answer" and not ctx.knowledge.matcher.word_reads_as(
                        before_closing, told_first.id, TOPIC_WORD_SCORE)))):
            # "thanks. the music just stopped lol. good night": news told with a goodbye, nothing asked or placed: the
            # goodbye answered (was the scope message for the news)
            goodbye = ctx.intent_of(GOODBYE)
            if goodbye is not None:
                ctx.count("told_then_goodbye")
                answers.answer(ctx, goodbye, 1.0)
                return
        if before_closing and (not read_whole or closing_read):
            # "kan het vandaag nog? ok ik bel wel", "will I get a fine if I don't show up? ok thx": what is asked or told
            # before the closing (was "Dat weet ik niet", or "Graag gedaan" for the closing alone); a message the matcher
            # answers as a whole, or is sure of as its one guess, is read as a whole, unless what it reads is the closing
            # (a thanks: "... in onze achtertuin. top dankjewel")
            ctx.count("closing_after")
            text = before_closing
        meant = reactions.correction(text) if not ctx.first_turn else None
        if meant:
            # "oh wacht ik bedoel een bezoekersvergunning", "sorry, I meant my driving licence": what is meant, read
            # on its own (a detail of the current topic, or another topic), not the words of the correction.
            ctx.count("correction")
            text = meant
            if self._corrected_on_the_topic(meant):
                return
        asked_language = language.language_asked(text)
        if asked_language is not None:
            # "can you speak dutch?", "ok dan in het nederlands, hoe vraag ik een uittreksel aan": that language from
            # now on (a clear choice, as the widget's locale is), and the question asked with it, if any.
            chosen, text = asked_language
            if chosen != ctx.conversation.language:
                ctx.conversation.language = chosen
                ctx.count(f"language:{chosen}")
            ctx.count("language_asked")
            if not text:
                ctx.add(ctx.say("language_chosen"))
                return
        passed_on = reactions.to_pass_on(text)
        if (passed_on is not None and not contacts.asks_for_person(passed_on) and not contacts.asks_for_callback(passed_on)
                and self._cannot_do_it(text, passed_on=True)):
            # "wil je aan de medewerker zeggen dat ik boos ben": staff named as whom to tell, not asked for
            return
        if contacts.asks_for_person(text) or (contacts.asks_for_callback(text) and contacts.contact(text) is not None):
            # "please have someone email me, <address>", "stuur maar iemand maandag, 06...": the callback to that
            # contact at once (was read as a place to report, or asked whether someone may contact them); right after
            # crisis help urgent, as the person offered with that help is. A contact typed alone ("mijn mail is ...")
            # asks for nothing: it is kept only as the answer to the callback's own question (the privacy rule).
            after_help = f"crisis:{self.crisis_before}" if self.crisis_before is not None else None
            self._request_person(reason=after_help or "asked", routed_by=text, urgent=after_help is not None)
            return
        if reactions.asks_someone_to_help(text) and ctx.classify(text).decision != "answer":
            self._someone_to_help(text)
            return
        if reactions.asks_to_act(text) and not contacts.asks_for_person(text):
            # "can you just register me now?" with a topic the matcher answers (moving house): honest first, then the
            # answer, which says how it is done; "can you check? application number 7781": what to do instead
            reading = ctx.classify(text)
            answered = ctx.intent_of(reading.intent) if reading.decision == "answer" else None
            if (answered is None and ctx.state.topic is not None and reading.score >= TOPIC_QUESTION_SCORE
                    and [guess.intent for guess in reading.candidates] == [ctx.state.topic]):
                answered = ctx.intent_of(ctx.state.topic)  # the topic talked about, the whole's one guess (0.67)
            if answered is None or answered.kind != "topic" or answered.handover:
                self._cannot_do_it(text, passed_on=False)
                return
            ctx.count("act_asked")
            ctx.add(ctx.say("act_not"))
            if answered.id == ctx.state.topic:
                # "new address is ..., can you just register me now?" after the first registration's answer: that
                # answer for the detail the conversation is about (in person, by appointment), and nothing besides it
                # (was the report form's "put this place in the form" for the address told with it)
                asked = details.detect(text) or ([ctx.state.detail] if ctx.state.detail else [])
                answers.answer(ctx, answered, reading.score, text, asked_details=asked, own_detail=ctx.state.own_detail)
                return
        if reactions.tells_a_plate(text):
            self._plate_told()
            return
        if (reactions.says_nothing_is_done(text) or reactions.is_outraged(text)) and self._anger_heard():
            return
        if erasure.asks_erasure(text):
            self._erasure_help()
            return
        if small_talk.asks_who_the_bot_is(text):
            # "wat is jouw naam?": the matcher reads no topic in it (the scope message); answered as
            # "ben je een robot?" is, with the self-introduction.
            intent = ctx.intent_of(answers.SELF_INTRODUCTION)
            if intent is not None:
                answers.answer(ctx, intent, 1.0)
            else:
                answers.introduce(ctx)
            return
        if self.crisis_before is not None and self._about_crisis_help(text):
            return
        if small_talk.only_a_thumbs_up(text):
            # "👌", "👍" after an answer: a closing, answered as a thanks (was "Dat begrijp ik niet")
            thanks = ctx.classify(small_talk.THANKS)
            if thanks.decision != "reject" and self._small_talk(thanks):
                return
        wish = small_talk.season_wish(text)
        if wish is not None:
            ctx.count("season_wish")  # "ok fijne kerst": in kind (was "Tot ziens! ... Fijne dag verder.")
            ctx.add(ctx.say(f"season_{wish}"))
            return
        if small_talk.announces_question(text):
            ctx.count("question_announced")  # "ik heb een vraag": not a miss, the question comes next
            ctx.add(ctx.say("ask_question"))
            return
        subject = small_talk.announced_subject(text)
        classify = ctx.classify  # each text classified once a turn, whichever reading asks first
        if subject is not None and not details.detect(text) and _subject_reads_better(classify, text, subject):
            # "ik heb een vraag over belasting": the announcement's words dilute its subject (the scope
            # message); the subject alone is what the resident asks about ("Bedoelt u ...?"). Not when the
            # whole asks a detail ("een vraag over mijn aanvraag": how it is going).
            text = subject
        topic = ctx.intent_of(ctx.state.topic)
        kinds = followups.asked_kinds(text)
        if ctx.state.child and "kind" not in kinds and followups.by_pronoun(text) and not followups.names_an_adult(text):
            # "en kan ik meteen een paspoort voor haar aanvragen?" after a birth told: the child's (was the general answer)
            ctx.count("followup_the_child")
            kinds = ["kind", *kinds]
        if ctx.state.child and topic is not None and topic.kind == "topic" and self._other_parent(topic, text):
            return
        # "en voor mijn zoon?" (the topic's child follow-up asked) tells of a child as "mijn dochter van 6 maanden" does
        ctx.state.child = (followups.tells_of_a_young_child(text) or ("kind" in kinds and not followups.names_an_adult(text))
                           or (ctx.state.child and not followups.names_an_adult(text)))
        reading = partial(classify, text)
        if self._outside_besides(text) or self._tell_it_here(text):
            return
        if self._nothing_arranged(text) or self._lives_elsewhere(text):
            return
        if current_topic.answer_on_topic(ctx, text, kinds, self.asked, reading):
            return
        asked_details = details.detect(text) or details.carried(text, ctx.state.detail, ctx.state.topic)
        result = _without_a_persons_death(reading(), asked_details)
        if not asked_details and current_topic.told_more(ctx, text, kinds, result):
            return
        # A detail first: "mijn moeder is overleden, moet ik haar parkeervergunning opzeggen?" is
        # one question about the permit, told with its reason, not two topics.
        if asked_details and detail_topic.on_detail(ctx, text, asked_details, topic, result):
            # "Mijn vader is overleden. Hij had een parkeervergunning en kreeg hulp van de Wmo.": one topic
            # answered for the detail, the others the story names offered, each to be answered for it too.
            self._offer_more(self._topics_told_besides(text, result, asked_details), detail=ctx.state.detail)
            return
        if len(result.parts) >= 2 and self._several_topics(text, result):
            return
        if not result.parts or (sum(part.classification.decision == "answer" for part in result.parts) == 1
                                and _one_sentence(text)):
            # Topics joined by "en" in one sentence, each stretch answered on its own: decided per stretch,
            # whatever the whole's score (`_several_topics`).
            # Also a sentence the matcher split at a second question of which only one clause is sure, the
            # other's topic joined by "en" inside it ("... en ik wil weten wanneer het grofvuil wordt
            # opgehaald en of ik een parkeervergunning kan krijgen": only the permit's clause is sure).
            joined = self._joined_topics(text, result)
            if joined.parts and self._several_topics(text, joined, joined_in_a_sentence=True):
                return
        if result.decision != "answer" and self._asked_about_the_topic_told(text, result):
            return
        # A story's cost, duration or "online" is told in passing; only a short question is a follow-up.
        if kinds and result.decision != "answer" and len(text.split()) < clauses.STORY_WORDS:
            named = current_topic.topic_named_in_followup(ctx, text, result)
            if named is not None:
                self._answer(*named, text, kinds)
                return
            if current_topic.followup_pointing_back(ctx, text, kinds, placed_nowhere=result.decision == "reject"):
                return
        if reactions.tells_not_called_back(text) and self._not_called_back(result):
            return
        self._decide(result, text, kinds)
        self._offer_nearly_asked()

    def _corrected_on_the_topic(self, meant: str) -> bool:
        """"nee sorry ik bedoel de groene, gft" right after the container's answer: what is meant is the topic talked
        about still (among the matcher's guesses for it, none answered; no detail or follow-up of its own): that topic
        answered again for it, said so (was "Ik kan de melding niet zelf voor u doen", a statement for the report)."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if (topic is None or topic.kind != "topic" or topic.handover or details.detect(meant)
                or followups.asked_kinds(meant) or topic.detail_for(meant) is not None):
            return False
        reading = ctx.classify(meant)
        guesses = {guess.intent for guess in (*reading.candidates, *reading.alternatives)}
        if reading.decision == "answer" or topic.id not in guesses:
            return False
        ctx.count("corrected_on_the_topic")
        ctx.add(ctx.say("correction_same"))
        self._answer(topic, 1.0, meant)
        return True

    def _other_parent(self, topic: "ResolvedIntent", text: str) -> bool:
        """"moet mijn man dan ook mee naar de afspraak?" in a conversation about a child's passport: the partner is the
        child's other parent, so the topic's own detail for that parent (consent: come along or sign) is the answer
        (was the general appointment answer the matcher reads in "afspraak"). Only a topic with such a detail."""
        own = topic.detail_for(OTHER_PARENT)
        if own is None or not followups.asks_if_partner_comes(text):
            return False
        self.ctx.count("followup_other_parent")
        answers.answer(self.ctx, topic, 1.0, own_detail=own.name)
        return True

    def _decide(self, result: "Classification", text: str, kinds: list[str]) -> None:
        ctx = self.ctx
        intent = ctx.intent_of(result.intent)
        own_callback = result.decision == "answer" and intent is not None and (intent.flow is not None or intent.handover)
        if (contacts.asks_to_be_contacted(text) or contacts.asks_for_callback(text)) and not own_callback:
            # "stuur me een mail", "bel me maar": a callback, whatever topic the matcher reads in "mail" (a
            # complaint); "kunt u mij terugbellen over mijn aanslag?": a callback about the topic it names (was the
            # tax answer, and the number typed next was lost); a tenant's own callback intent (its guided flow) or a
            # handover intent goes first.
            self._request_person(reason="asked", routed_by=text)
            return
        if reactions.is_frustrated(text) and not (result.decision == "answer" and intent is not None
                                                      and intent.kind == "topic"):
            # "jullie chatbot snapt er niks van", "this bot is useless": said about the bot, in whichever zone
            # the matcher reads it (a system intent answered, a "Bedoelt u" of guesses, out of scope). A topic
            # the matcher answers is a question of its own ("belachelijk, wanneer wordt mijn container geleegd?").
            if not self._anger_with_a_matter(text):
                self._on_frustration()
            return
        if result.candidates and result.candidates[0].intent in _HELLO_GOODBYE and not small_talk.opens_or_closes(text):
            # "en voor morgen", "en de dag erna": no "Hallo!" or "Tot ziens!" for a message that goes on from the last
            ctx.count("not_small_talk")
            self._not_understood(text)
            return
        if result.decision == "answer" and intent is not None:
            if detail_topic.own_detail_told_there(ctx, result, text):
                return  # "there is a dead cat in my garden": the dead animal's report, not the felling permit
            if not kinds and self._told_about_the_topic(result, text):
                return  # "ik woon hier al 7 jaar en heb mijn examen gehaald" after naturalisation: not its answer again
            if not self._carried_by_a_general_word(result, intent, text, kinds):
                self._answer(intent, result.score, text, kinds)
            return
        if self._vague_matter(text, result):
            return
        meant = current_topic.meant_in_context(ctx, result, text, self.asked) if result.decision == "clarify" else None
        if meant is not None:
            ctx.count("clarified_by_context")
            self._answer(meant, result.score, text, kinds)
            return
        # "my bike got stolen outside the library, where do I report it?": the police's referral is what is asked, not the
        # ID card's "lost or stolen" detail read in a far-off guess (id-kaart 0.54)
        guess = ctx.intent_of(result.candidates[0].intent) if result.decision == "clarify" and result.candidates else None
        if (guess is not None and guess.kind == "topic" and guess.id != ctx.state.topic
                and (sure_of_one(result.candidates, result.score) or guess.detail_for(text) is not None)
                and self._remark_on_the_topic(text)):
            return  # another topic's answer (its own detail) for a remark made about the topic talked about
        if ((not self._asks_a_referral(text, result) and detail_topic.own_detail_of_a_guess(
                ctx, result, text, sure_of_one(result.candidates, result.score)))
                or detail_topic.own_detail_after_a_referral(ctx, text)
                or detail_topic.own_detail_told_there(ctx, result, text)
                or detail_topic.own_detail_named_alone(ctx, result, text)):
            return
        if current_topic.answer_nothing_named(ctx, result, text) or self._about_the_referral(text, result):
            return
        if current_topic.continues_unguessed(ctx, result, text):
            self._not_understood(text)
            return
        if result.decision == "clarify" and self._told_for_the_callback(text):
            return  # "ik woon sinds kort in deze gemeente" while a callback is queued (was "Bedoelt u ...?")
        if result.decision == "clarify":
            favourite = ctx.intent_of(result.candidates[0].intent) if result.candidates else None
            if favourite is not None and self._carried_by_a_general_word(result, favourite, text, kinds):
                return  # "I want to register my company" (0.85): no Birth registration / Moving house buttons
            if self._own_detail_of_a_topic_named(result, text):
                return
            if self._told_without_its_guess(result, text):
                self._not_understood(text)
                return
            # One or two words ("12", "help") say too little for a guessed second topic: "vertel iets meer".
            choices = self._choices(result, RUNNER_UP_FLOOR if len(text.split()) > 2 else None, text)
            # "ik wil mijn achternaam veranderen": the matcher's guesses are far off (a building permit 0.54, a birth)
            # and what is asked is another organisation's matter (Justis): the scope message with that referral, not
            # "Bedoelt u" with the guesses. Not when the matcher leans to a topic (LONE_FAVOURITE_SCORE).
            referral_asked = result.score < LONE_FAVOURITE_SCORE and self._asks_a_referral(text, result)
            if len(choices) >= 2 and not referral_asked:
                self._disambiguate(choices, result.score, text)
                return
            # "can I get rent benefit from you?" after moving house: the matcher's one far-off guess (Bijstand) is
            # not offered beside the current topic; the referral (Dienst Toeslagen) is said.
            if len(choices) == 1 and not referral_asked and self._other_topic_named(choices[0], result.score, text, kinds):
                return
            if not choices and self._small_talk(result):
                return
            if len(choices) == 1 and self._asked_clause_agrees(result, choices[0], text):
                self._answer(choices[0], result.score, text, kinds)
                return
        if result.decision == "reject" and small_talk.only_thanks(text):
            # "tnx", "ty": a thanks in chat spelling the matcher does not know; read as the word it stands for
            thanks = ctx.classify(small_talk.THANKS)
            if thanks.decision != "reject" and self._small_talk(thanks):
                return
        if self._asked_besides_a_referral(text, result):
            return
        if reactions.tells_it_happened_again(text) and self._happened_again():
            return
        named = current_topic.topics_named_by_their_words(ctx, result, text)
        if named:
            # The matcher placed none of them: offered, never answered; one topic named beside the current one
            # ("is the passport photo booth in the town hall working" may be about either).
            ctx.count("topic_named_by_its_word")
            current = ctx.intent_of(ctx.state.topic)
            self._disambiguate(named if len(named) >= 2 or current is None else [*named, current], result.score, text)
            return
        if result.decision == "clarify" and self._told_about_the_topic(result, text):
            return
        if result.decision == "clarify" and self._lone_favourite(result, text):
            return
        if self._domain_named(result, text):
            return
        if result.decision == "clarify" and self._ask_about_lone_favourite(result, text):
            return
        self._not_understood(text)

    def _about_the_referral(self, text: str, result: "Classification") -> bool:
        """"what do you mean self-contained? I share a kitchen" right after the rent benefit's referral: a short question
        the matcher places in no topic with confidence, naming none by its title, is about what the other organisation
        decides: it decides, its line again (was "Do you mean" Waste bin / Opening hours, read in "kitchen"; then "ok so
        who do I ask then, you?" got the scope message). Not when it names another organisation's matter."""
        ctx = self.ctx
        if (ctx.referral_before is None or len(text.split()) >= clauses.STORY_WORDS or not clauses.a_clause_asks(text)
                or result.score >= LONE_FAVOURITE_SCORE or current_topic.titles_named(ctx, text)):
            return False
        named = ctx.knowledge.referral_for(text)
        if named is not None and named.organisation != ctx.referral_before:
            return False  # another organisation's matter named: its own line (`_not_understood`)
        # "ok so who do I ask then, you?": where to go, the line again; anything else asks what the organisation decides
        return referrals.said_again(ctx, about_it=_ASKS_WHO_OR_WHERE.search(clauses.plain(text)) is None)

    def _carried_by_a_general_word(self, result: "Classification", intent: "ResolvedIntent", text: str,
                                   kinds: list[str]) -> bool:
        """"where do I register my boat", "I want to open a bakery, where do I register it": the matcher answers a
        topic (Birth registration, 0.92), or offers it first, only because of a word that says what is done at the
        desk and nothing of what about ("register", "aanmelden", "aanvraag": `general_words`), and nothing else in
        the message names that topic: not "Congratulations on your baby!". The message names something else (the
        boat, the bakery): the scope message, with a referral when it names one (a business: KVK). Nothing else
        ("where do I register", "ik wil me inschrijven"): "Bedoelt u ...?" with the topics the word reads, best
        first. Read without the word, another topic the matcher also guessed comes first ("how do I register our
        marriage from abroad": Moving house 0.75 with the word, the marriage 0.85 without it): the word only put its
        own topic before the one the message names, so the message is decided as read without it, never answered
        more surely than "Bedoelt u" (a detail of the topic named still is). Short messages only (a story's other
        words decide). On the editors' list."""
        ctx = self.ctx
        score = result.score
        if intent.kind != "topic" or len(text.split()) >= clauses.STORY_WORDS:
            return False
        if (result.decision == "answer" and general_words.names_one(text) and ctx.knowledge.referral_for(text) is not None
                and not ctx.word_reads_as(text, intent.id, TOPIC_WORD_SCORE)):
            # "I want to register my company in another city": what is registered is another organisation's matter
            # (a company: KVK), named in the referral's words; the topic answered (Moving house, read in "another
            # city") is named by no word of its own: the scope message with the referral. Not a clarify's guess: "Het
            # kenteken staat op mijn naam. Hoe vraag ik een parkeervergunning aan?" asks its topic in a clause
            ctx.count("general_word_of_a_referral")
            self._not_understood(text)
            return True
        found = general_words.carried(ctx.knowledge.matcher, text, intent.id, SUBJECT_WORD_SCORE, classify=ctx.classify,
                                     read_words=ctx.read_words)
        if found is None:
            return False
        ctx.count("general_word_only")
        if found.alone:
            topics = [topic.id for topic in ctx.knowledge.intents.values()
                      if topic.kind == "topic" and not topic.handover]
            choices = [ctx.knowledge.intents[topic] for topic in
                       ctx.knowledge.matcher.ranked_among(found.words, topics)[:MAX_CHOICES]]
            if len(choices) >= 2:
                ctx.note_unanswered(text)
                self._disambiguate(choices, score, text)
                return True
        rest = found.rest
        named = rest.candidates[0].intent if rest is not None and rest.decision != "reject" and rest.candidates else None
        if named is not None and named != intent and named in {guess.intent for guess in result.alternatives}:
            self._decide(rest if rest.decision == "clarify" else _as_a_guess(rest), text, kinds)
            return True
        self._not_understood(text)
        return True

    def _own_detail_of_a_topic_named(self, result: "Classification", text: str) -> bool:
        """"how do I register our marriage from abroad" (Moving house 0.75, read in "abroad"; the marriage 0.28), "ik
        ben in het buitenland getrouwd, hoe laat ik dat registreren" (a told clause before the question): a guess of the
        matcher's (from DETAIL_EVIDENCE) whose own detail the message names in that detail's words ("register our
        marriage", "in het buitenland getrouwd") and that a word of the message names on its own ("marriage",
        "getrouwd": TOPIC_WORD_SCORE) is what is asked, however far behind: that detail's answer, not "Bedoelt u"
        with Moving house first. Only a message that asks, in a clause of its own ("Recently I had to renew my expiring
        American passport here" tells background), and short (a story's words name more than it asks)."""
        ctx = self.ctx
        if len(text.split()) >= clauses.STORY_WORDS or not clauses.a_clause_asks(text):
            return False
        for guess in [*result.candidates, *result.alternatives]:
            intent = ctx.intent_of(guess.intent)
            if (intent is not None and intent.kind == "topic" and not intent.handover
                    and guess.score >= detail_topic.DETAIL_EVIDENCE and intent.detail_for(text) is not None
                    and ctx.word_reads_as(text, intent.id, TOPIC_WORD_SCORE)):
                ctx.count("detail_of_a_topic_named")
                self._answer(intent, guess.score, text)
                return True
        return False

    def _told_without_its_guess(self, result: "Classification", text: str) -> bool:
        """"I just bought a new bike" (Moving house 0.57, read in "just" alone), "i have a new job" (the ID card 0.40,
        read in no word): three to TOLD_WORDS words that tell something and ask nothing, whose first guess at most one
        word reads on its own, and none surely (TOPIC_WORD_SCORE), with no broad domain named: nothing to offer, the
        scope message, not "Bedoelt u" with topics the resident did not name. Kept: "I got married" ("married" names
        the marriage), "i lost my job and cant pay rent" (debt counselling read in "pay" and "rent" together). Each
        word costs a classification: for these few words only."""
        ctx = self.ctx
        favourite = ctx.intent_of(result.candidates[0].intent) if result.candidates else None
        if (favourite is None or favourite.kind != "topic" or not 2 < len(text.split()) <= detail_topic.TOLD_WORDS
                or clauses.a_clause_asks(text) or ctx.knowledge.domain_named(text)):
            return False
        readings = [ctx.classify(word) for word in general_words.content_words(text)]
        scores = [reading.candidates[0].score for reading in readings
                  if reading.candidates and reading.candidates[0].intent == favourite.id]
        return len(scores) <= 1 and all(score < TOPIC_WORD_SCORE for score in scores)

    def _domain_named(self, result: "Classification", text: str) -> bool:
        """"can i get benefits", "ik heb geld nodig", "garbage question": a short message the matcher places in no
        topic (fewer than two guesses to offer) that names a broad domain of the knowledge base's (`domains:`
        words) gets "Bedoelt u ...?" with that domain's topics, ranked by the matcher among the intents alone
        (out of scope aside), not the scope message. Not when it names another organisation's matter (its
        referral is said). On the editors' list at once: what the resident chooses, if anything, is a guess."""
        ctx = self.ctx
        if len(text.split()) > DOMAIN_MESSAGE_WORDS or ctx.knowledge.referral_for(text) is not None:
            return False
        domain = ctx.knowledge.domain_named(text)
        if domain is None:
            return False
        ranked = ctx.knowledge.matcher.ranked_among(text, ctx.knowledge.domain_topics(domain.id))
        choices = [ctx.knowledge.intents[intent_id] for intent_id in ranked[:MAX_CHOICES]]
        if len(choices) < 2:
            return False
        ctx.count("domain_offered")
        ctx.note_unanswered(text)
        self._disambiguate(choices, result.score, text)
        return True

    def _lone_favourite(self, result: "Classification", text: str) -> bool:
        """A lone favourite just under the answer cut-off (LONE_FAVOURITE_SCORE, a message of three words or more):
        "Bedoelt u ...?" with it first and the next real guess, however far behind, not the scope message. The
        guess may be wrong, so the question goes on the editors' list at once (a resident who leaves without
        choosing would keep it off the list), and not again after "iets anders". Only when a word of the message names
        the favourite on its own (TOPIC_WORD_SCORE: "I want to start a bakery, where do I register it" is no birth
        registration for its "register") or the message names a broad domain (the favourite goes before the domain's
        topics: "heeft u te weinig inkomen om de aanslag te betalen?")."""
        if not sure_of_one(result.candidates, result.score) or len(text.split()) <= 2 or self._asks_a_referral(text, result):
            return False
        choices = self._choices(result, runner_up_floor=0.0)
        if len(choices) < 2 or not (self.ctx.knowledge.domain_named(text) is not None
                                    or self.ctx.word_reads_as(text, choices[0].id, TOPIC_WORD_SCORE)):
            return False
        self.ctx.count("lone_favourite")
        self.ctx.note_unanswered(text)
        self._disambiguate(choices, result.score)
        return True

    def _told_about_the_topic(self, result: "Classification", text: str) -> bool:
        """"ik heb mijn inburgeringsdiploma al en woon hier 7 jaar" right after naturalisation's answer: the resident tells
        how the topic stands for them ("ik heb", "ik woon", "I have"), and the matcher reads that topic again, surely or
        not. Not asked "Gaat uw vraag over ...?" (it plainly is), nor its answer again: honest that the gemeente checks
        the conditions, then what to bring, for a topic with that follow-up. A question, a story, a detail or a wish is
        read as before."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if (topic is None or topic.kind != "topic" or topic.handover or clauses.a_clause_asks(text)
                or len(text.split()) >= clauses.STORY_WORDS or not result.candidates
                or result.candidates[0].intent != topic.id or not reactions.tells_own_situation(text)
                or details.detect(text) or topic.detail_for(text) is not None
                or not answers.has_followup(ctx, topic, "meenemen")):
            return False
        ctx.count("told_about_the_topic")
        answers.followup(ctx, "meenemen", topic.id, intro=f'{ctx.say("told_about_the_topic")} {ctx.say("what_to_bring")}')
        return True

    def _ask_about_lone_favourite(self, result: "Classification", text: str) -> bool:
        """"Hoeveel containers mag een huishouden hebben?": the matcher's one guess, with no second reading to offer
        beside it and sure enough (TOPIC_QUESTION_SCORE), is asked about in words: "Gaat uw vraag over
        Afvalcontainer?". A typed "ja" answers it, "nee" asks for other words (`_on_choice`). Not a "Bedoelt u ...?"
        with one button (issue 15: always 2-3 topics), and no buttons: the guess may be wrong. It goes on the editors'
        list at once. Not for a message of a word or two, nor one that names another organisation's matter (the
        scope message says where to go), nor one with no word of its own that names the guess (TOPIC_WORD_SCORE)."""
        ctx = self.ctx
        choices = self._choices(result)
        if (len(choices) != 1 or result.score < TOPIC_QUESTION_SCORE or len(text.split()) <= 2
                or ctx.knowledge.referral_for(text) is not None
                or not ctx.word_reads_as(text, choices[0].id, TOPIC_WORD_SCORE)):
            return False
        ctx.count("lone_favourite_asked")
        ctx.note_unanswered(text)
        ctx.confidence = result.score
        ctx.state.asked = ChoicesOffered(intents=[choices[0].id])
        ctx.add(ctx.say("lone_favourite_asked", topic=choices[0].title.get(ctx.language)))
        return True

    def _asked_clause_agrees(self, result: "Classification", favourite: "ResolvedIntent", text: str) -> bool:
        """"Hi, I just moved into an apartment in town. How do I register my address?": the matcher's one guess
        for the message is sure (LONE_FAVOURITE_SCORE, no other guess) and a clause that asks is answered as that
        same topic. That topic is the answer, not the scope message (a one-option "Bedoelt u" is never asked). Not
        when what is asked is another organisation's matter (`_asks_a_referral`)."""
        if not sure_of_one(result.candidates, result.score) or self._asks_a_referral(text, result):
            return False
        return any(part.classification.decision == "answer" and part.classification.intent == favourite.id
                   and clauses.is_question(part.text) for part in clauses.asking(text, result))

    def _asks_a_referral(self, text: str, result: "Classification") -> bool:
        """"Ontslagen. WW, heb ik daar recht op?": a question the matcher does not answer that asks about a matter
        another organisation handles (a referral's words in a clause that asks, or in a message of one clause).
        The matcher's lone guess for it (Bijstand, read in "uitkering", "recht op") is not what is asked: the scope
        message with the referral is (`referrals.scope_message`), not the guess answered or offered first."""
        referral = self.ctx.knowledge.referral_for(text)
        if referral is None:
            return False
        asking = [part.text for part in clauses.asking(text, result)] or [text]
        return any(clauses.is_question(asked) and phrases.names_any(asked, referral.words) for asked in asking)

    def _small_talk(self, result: "Classification") -> bool:
        """"thx", "thnx": the matcher's one guess is a system intent it is sure of (LONE_FAVOURITE_SCORE) but
        does not answer (a word too short or misspelled): its answer ("Graag gedaan!"), not "Dat begrijp ik niet"
        (a system intent is never offered in "Bedoelt u ...?")."""
        if not sure_of_one(result.candidates, result.score):
            return False
        intent = self.ctx.intent_of(result.candidates[0].intent)
        if intent is None or intent.kind != "system" or intent.handover:
            return False
        self.ctx.count("small_talk_guessed")
        answers.answer(self.ctx, intent, result.score)
        return True

    def _asked_besides_a_referral(self, text: str, result: "Classification") -> bool:
        """Another organisation's matter told only as background of a question about a topic ("mijn WW is nog
        niet geregeld ... kan ik bijstand krijgen?"): that question wins over the referral (UWV), when the matcher's
        guess for the whole message is that topic too. Answered when the matcher answers the clause or is sure of its
        one guess (LONE_FAVOURITE_SCORE, no other guess), else offered with its next guess."""
        asked = referrals.asked_besides(self.ctx, text, result)
        if asked is None:
            return False
        reading = asked.classification
        choices = self._choices(reading, RUNNER_UP_FLOOR)
        if not choices or choices[0].id not in {candidate.intent for candidate in result.candidates}:
            return False  # the whole message does not lean to what the clause asks (a neighbours' quarrel)
        sure = reading.decision == "answer" or sure_of_one(choices, reading.score)
        if not sure and len(choices) < 2:
            return False
        self.ctx.count("asked_besides_a_referral")
        if sure:
            self._answer(choices[0], reading.score, asked.text)
        else:
            self._disambiguate(choices, reading.score, text)
        return True

    def _outside_besides(self, text: str) -> bool:
        """"weet je of het droog is zaterdag, ivm de verhuiswagen?" after moving house, "my train is stuck ... I have an
        appointment at 10:15 ... when will it run again?", "moeten we eerst naar de huisarts? en kun jij een afspraak bij
        de huisarts maken?" after youth care: what another organisation does (the weather, the trains, a GP's
        appointment: `referrals.besides`) said honestly, then the gemeente's part of the message answered: the current
        topic's own detail, or the topic the rest reads as (answered, a lone guess a word of it names, else "Bedoelt u" of
        its guesses). The current
        topic read again without a detail or a follow-up of its own: an invitation to ask about it, not its whole answer
        again. Was
        "Bedoelt u Huwelijk / Erkenning?" or the scope message alone. False when the rest is placed nowhere."""
        ctx = self.ctx
        found = referrals.besides(ctx, text)
        if found is None:
            return False
        referral, rest = found
        topic = ctx.intent_of(ctx.state.topic)
        current = topic if topic is not None and topic.kind == "topic" else None
        reading = ctx.classify(rest)
        # the current topic's detail, unless the rest reads as another topic ("een afspraak op het gemeentehuis" after
        # youth care is the appointment, not where youth care's conversation is)
        own_detail = (current is not None and current.detail_for(rest) is not None
                      and (reading.decision != "answer" or reading.intent == current.id))
        if own_detail:
            meant = current
        elif reading.decision == "answer":
            meant = ctx.intent_of(reading.intent)
        else:
            choices = self._choices(reading)
            lone = (len(choices) == 1 and reading.score >= TOPIC_QUESTION_SCORE
                    and ctx.word_reads_as(rest, choices[0].id, TOPIC_WORD_SCORE))
            meant = choices[0] if lone else None
            if reading.decision == "clarify" and len(choices) >= 2:
                ctx.count("outside_besides")
                referrals.say_line(ctx, referral)
                self._disambiguate(choices, reading.score, rest)  # the gemeente's part, as any unsure question
                return True
        if meant is None or meant.kind != "topic":
            return False
        ctx.count("outside_besides")
        referrals.say_line(ctx, referral)
        kinds = followups.asked_kinds(rest)
        if meant is current and not own_detail and not kinds:
            ctx.intent, ctx.confidence = current.id, 1.0
            ctx.add(ctx.say("ask_about_topic", topic=current.title.get(ctx.language)))
            return True
        self._answer(meant, 1.0 if own_detail else reading.score, rest, kinds)
        return True

    def _other_topic_named(self, named: "ResolvedIntent", score: float, text: str, kinds: list[str]) -> bool:
        """"is my drivers license ready already?" right after bulky waste: the matcher's one guess is
        another topic than the current one. Not "Dat weet ik niet" about the current topic: the topic
        named wins when the matcher is sure of it (LONE_FAVOURITE_SCORE, no other guess), else it is
        offered beside the current topic ("Bedoelt u Rijbewijs of Grofvuil?")."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if topic is None or topic.kind != "topic" or topic.handover or named.id == topic.id:
            return False
        if self._remark_on_the_topic(text):
            return True
        ctx.count("other_topic_named")
        if score >= LONE_FAVOURITE_SCORE:
            self._answer(named, score, text, kinds)
        else:
            self._disambiguate([named, topic], score, text)
        return True

    def _remark_on_the_topic(self, text: str) -> bool:
        """"Wij huren het huis trouwens, van een particulier." after a dormer's permit, "I can't get to the town hall, I
        use a wheelchair" after moving house: a short remark right after an answer, read as another topic the matcher is
        not sure enough of to answer, is told about the topic talked about, which it keeps: what is not known about
        that topic, said honestly, with its page and a person (was the marriage's answer, read in "trouwens", or the
        Wmo's own detail). A question may well be about another topic (offered or answered as before)."""
        topic = self.ctx.intent_of(self.ctx.state.topic)
        if (topic is None or topic.kind != "topic" or clauses.a_clause_asks(text)
                or len(text.split()) >= clauses.STORY_WORDS):
            return False
        self.ctx.count("remark_on_the_topic")
        self._not_understood(text)
        return True

    def _erasure_help(self) -> None:
        """"verwijder mijn gegevens": how long the conversation is kept and how to have it deleted now (the
        widget's own button; on a messaging channel a member of staff, who can erase it), and that other data
        the municipality holds is a privacy request of its own. Not on the editors' list: no topic is missing."""
        ctx = self.ctx
        ctx.count("erasure_asked")
        now = "erasure_now_web" if ctx.message.channel is Channel.WEB else "erasure_now_staff"
        contact = ctx.tenant.urls.get("contact")
        ctx.add(" ".join((ctx.say("erasure_kept", days=ctx.tenant.retention_days), ctx.say(now),
                          ctx.say("erasure_other_data"))),
                links=[Link(title=ctx.say("contact_link"), url=contact)] if contact else None)

    def _on_frustration(self) -> None:
        """"dit slaat nergens op" after an answer is a thumbs down for it; without one, the same
        apology: ask again in other words, or a person. Not "Daar kan ik u niet mee helpen"."""
        ctx = self.ctx
        ctx.count("frustration")
        if ctx.state.feedback_open is not None:
            on_feedback(ctx, helpful=False)
        else:
            say_sorry(ctx)

    def _not_called_back(self, result: "Classification") -> bool:
        """"ik heb 3x gebeld en niemand belt terug, belachelijk": sorry, the complaint route and a person (now, or a
        callback when closed) (was "Jammer dat dit niet hielp", feedback on an answer never given). Not when the matcher
        answers another topic the message asks about. "laat maar" to the person then gets the complaint form
        (`_decline_person`)."""
        ctx = self.ctx
        complaint = ctx.intent_of(COMPLAINT)
        named = ctx.intent_of(result.intent) if result.decision == "answer" else None
        if complaint is None or (named is not None and named.kind == "topic" and named.id != COMPLAINT):
            return False
        ctx.count("not_called_back")
        ctx.state.topic = complaint.id
        ctx.intent, ctx.confidence = complaint.id, 1.0
        ctx.add(ctx.say("not_called_back"), links=[ctx.link(link) for link in complaint.links])
        self._offer_topic_person(complaint, NOT_CALLED_BACK)
        return True

    def _offer_topic_person(self, topic: "ResolvedIntent | None", reason: str, team_id: str | None = None) -> None:
        """"Wilt u nu met een medewerker van {team} praten?", or a callback when nobody is at work: a person of the
        topic's team (no topic: `team_id`, else the default team) offered, yes or no."""
        ctx = self.ctx
        queued = handover.queued_ticket(ctx)
        if queued is not None:
            handover.already_queued(ctx, queued)  # the callback holds: no chat offered beside it
            return
        team_id = topic.team if topic is not None else team_id
        ctx.state.asked = PersonOffered(reason=reason, team=team_id)
        team = ctx.team_name(ctx.team_id(team_id))
        moment = None if ctx.live_possible else ctx.promises.callback()
        ctx.add(ctx.say("topic_person_later", team=team, moment=moment) if moment else ctx.say("topic_person_now", team=team),
                buttons=ctx.yes_no_buttons())

    def _lives_elsewhere(self, text: str) -> bool:
        """"sorry, verkeerd, ik woon in Noord" after the bulky waste's answer: this chat is the gemeente's own, whose rules
        and fees need not apply there, said honestly (was "Dank u. Wat dat betekent ... weet ik niet"); "is het daar ook
        gratis?" right after: not known here (was this gemeente's fees)."""
        ctx = self.ctx
        if self.elsewhere_before and referrals.asks_about_there(text) and clauses.is_question(text):
            ctx.count("elsewhere_asked")
            ctx.state.elsewhere = True
            ctx.add(ctx.say("elsewhere_unknown", tenant=ctx.tenant.name))
            return True
        if clauses.a_clause_asks(text) or not referrals.lives_elsewhere(text, ctx.tenant.name):
            return False
        ctx.count("lives_elsewhere")
        ctx.state.elsewhere = True
        ctx.add(ctx.say("lives_elsewhere", tenant=ctx.tenant.name))
        return True

    def _nothing_arranged(self, text: str) -> bool:
        """"ok and who will contact me on monday?" after the shelter's help, "wanneer bellen jullie mij?" when no callback
        was asked for: nobody will, said honestly, and a person of the topic's team (after crisis help the tenant's crisis
        team) offered, a callback when nobody is at work (was "Bedoelt u" opening hours / moving house). A callback
        arranged is promised again (`current_topic`)."""
        ctx = self.ctx
        current = ctx.conversation.handover
        if (ctx.first_turn or (current is not None and current.status != HandoverStatus.CLOSED)
                or len(text.split()) > _ARRANGED_WORDS
                or not (contacts.asks_who_contacts(text)
                        or contacts.asks_when_contacted(text) and not followups.asked_kinds(text))):
            return False  # "wanneer hoor ik iets?" after an application asks how long the topic takes
        ctx.count("nothing_arranged")
        topic = ctx.intent_of(ctx.state.topic)
        topic = topic if topic is not None and topic.kind == "topic" else None
        after_help = self.crisis_before is not None and topic is None
        ctx.add(ctx.say("nothing_arranged"))
        self._offer_topic_person(topic, f"crisis:{self.crisis_before}" if after_help else "asked",
                                 team_id=ctx.tenant.crisis.team if after_help else None)
        return True

    def _someone_to_help(self, text: str) -> None:
        """"kan iemand helpen in het engels of turks?", "this is too much, can someone just do it for me": kindly, what a
        member of staff can do (English usually, other languages not promised; help and explain, while some steps stay
        the resident's own), and a person of the topic's team offered (now, or a callback when nobody is at work). Was
        "Het lukt mij niet om uw vraag te beantwoorden" after the miss count."""
        ctx = self.ctx
        ctx.count("someone_to_help")
        ctx.state.misses = 0
        topic = ctx.intent_of(ctx.state.topic)
        topic = topic if topic is not None and topic.kind == "topic" else None
        ctx.intent, ctx.confidence = (topic.id if topic is not None else None), 1.0
        ctx.add(ctx.say("help_in_a_language" if reactions.names_a_language(text) else "help_doing_it"))
        self._offer_topic_person(topic, f"intent:{topic.id}" if topic is not None else "asked")

    def _tell_it_here(self, text: str) -> bool:
        """"kan ik het niet gewoon hier vertellen?" right after the complaint's (or an objection's) answer: honest that
        Balie does not take it in, the form (its link), and a person of the topic's team who can hear it (now, or a
        callback when nobody is at work) (was "Dat weet ik niet. Gaat uw vraag over 'Klacht indienen'?")."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if topic is None or topic.id not in current_topic.TOLD_IN_WRITING or not reactions.asks_to_tell_here(text):
            return False
        ctx.count("tell_it_here")
        ctx.state.misses = 0
        ctx.intent, ctx.confidence = topic.id, 1.0
        ctx.add(ctx.say("tell_it_here"), links=[ctx.link(link) for link in topic.links])
        self._offer_topic_person(topic, f"intent:{topic.id}")
        return True

    def _cannot_do_it(self, text: str, passed_on: bool) -> bool:
        """"kunt u doorgeven dat ik later kom?", "could you pass a message to my Wmo consultant?" (`passed_on`), "can you
        check? application number 7781", "can you report it for me?", "kan iemand dat nu even aanpassen?": the chat
        passes no message on and looks up, changes or files nothing; it says so (never that it did, nor the appointment's
        how-to again), then what to do instead. Late or not coming: let the gemeente know yourself (the team's phone,
        honest about today's hours) or move the appointment (its page). A plan of one's own said with it ("nvm ik doe het
        maandag zelf wel"): fine, and the team's phone with its hours. A topic with a form (a report, a complaint): the
        form. Else a person of the team the message or the conversation is about (now, or a callback). While a callback
        is queued a message to pass on goes on its ticket, which does reach the member of staff; while waiting for a
        person it is kept for them (before)."""
        ctx = self.ctx
        if passed_on and handover.add_to_queued_ticket(ctx, told=True):
            return True
        ctx.count("pass_on_asked" if passed_on else "act_asked")
        ctx.state.misses = 0
        current = ctx.intent_of(ctx.state.topic)
        current = current if current is not None and current.kind == "topic" else None
        # "could you pass a message to my Wmo consultant?": the topic a word of the message names on its own (Wmo), before
        # the matcher's reading of the whole (the appointment it tells of)
        topic = ((self._topic_named_in_a_word(text) if passed_on else None)
                 or (self._topic_of_request(text) if current is None else None) or current)
        ctx.intent, ctx.confidence = (topic.id if topic is not None else None), 1.0
        line = ctx.say("pass_on_not" if passed_on else "act_not")
        team = ctx.team_id(topic.team if topic is not None else None)
        contact = ctx.promises.team_contact(ctx.team(team))
        last = clauses.sentences(text)[-1] if clauses.sentences(text) else text
        if passed_on and reactions.tells_being_late(text):
            said = [line, ctx.say("pass_on_late"), *([contact] if contact else []), ctx.say("pass_on_move")]
            appointment = ctx.intent_of(APPOINTMENT)
            ctx.add(" ".join(said), links=[ctx.link(link) for link in appointment.links] if appointment is not None else None)
            return True
        if len(clauses.sentences(text)) > 1 and (replies.withdraws(last) or small_talk.tells_own_plan(last)):
            ctx.add(" ".join([line, ctx.say("act_own_plan"), *([contact] if contact else [])]))
            return True
        form = None
        if topic is not None:
            form = current_topic.report_links(ctx, topic)
            if form is None and topic.id in current_topic.TOLD_IN_WRITING:
                form = [ctx.link(link) for link in topic.links]
        if form:
            ctx.add(f'{line} {ctx.say("act_form")} {ctx.person_line()}', links=form, buttons=[ctx.person_button()])
            return True
        ctx.add(line)
        self._offer_topic_person(topic, f"intent:{topic.id}" if topic is not None else "asked")
        return True

    def _topic_named_in_a_word(self, text: str) -> "ResolvedIntent | None":
        """The first topic a content word of a message to pass on names on its own (TOPIC_WORD_SCORE, answered), the
        words of passing on aside ("doorgeven" alone reads as moving house). A classification per word: only for such a
        message."""
        ctx = self.ctx
        for word in general_words.content_words(text):
            if word in reactions.PASSING_ON_WORDS:
                continue
            reading = ctx.classify(word)
            intent = ctx.intent_of(reading.intent) if reading.decision == "answer" else None
            if intent is not None and intent.kind == "topic" and not intent.handover and reading.score >= TOPIC_WORD_SCORE:
                return intent
        return None

    def _plate_told(self) -> None:
        """"het is XX-123-Y", a bare plate, "my plate is ..." after the parking permit: the plate is the detail it is
        for that topic (its own detail for a changed plate: where to change it on the permit), said honestly that
        Balie does nothing with it and keeps it nowhere; after another topic, where the page says to fill it in (was
        "Bedoelt u ...?", "Dat begrijp ik niet" or "weet ik niet precies")."""
        ctx = self.ctx
        ctx.count("plate_told")
        ctx.state.misses = 0
        topic = ctx.intent_of(ctx.state.topic)
        if topic is None or topic.kind != "topic":
            ctx.add(f'{ctx.say("plate_not_used")} {ctx.say("ask_question")}')
            return
        ctx.add(ctx.say("plate_not_used"))
        own = topic.detail_for(PLATE_CHANGED)
        if own is not None:
            answers.answer(ctx, topic, 1.0, own_detail=own.name)
            return
        ctx.intent, ctx.confidence = topic.id, 1.0
        ctx.add(f'{ctx.say("plate_where")} {ctx.person_line()}', links=[ctx.link(link) for link in topic.links],
                buttons=[ctx.person_button()])

    def _anger_heard(self) -> bool:
        """"dus jullie doen gewoon niks?? ik betaal belasting hoor" right after the answer to a problem (noise at night):
        calmly heard, and honest about who can act now: while the gemeente is closed the topic's own help for the night
        (the police's 0900-8844 for noise), and that a report is picked up when the gemeente is open again; in office
        hours a person of the topic's team offered (was "Bedoelt u Hondenbelasting / Gemeentelijke belastingen?", and the
        taxes' team for the person asked next). False with no topic talked about."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if topic is None or topic.kind != "topic" or topic.handover:
            return False
        ctx.count("anger_heard")
        ctx.state.misses = 0
        ctx.intent, ctx.confidence = topic.id, 1.0
        if ctx.promises.open_now or topic.after_hours is None:
            ctx.add(ctx.say("anger_heard"))
            self._offer_topic_person(topic, f"intent:{topic.id}")
            return True
        next_opening = ctx.promises.available.next_opening
        said = [ctx.say("anger_heard"), topic.after_hours.answer.get(ctx.language)]
        if next_opening is not None:
            said.append(ctx.say("anger_picked_up", moment=ctx.promises.starting(next_opening)))
        ctx.add(" ".join(said), links=[ctx.link(link) for link in topic.after_hours.links] + [ctx.link(link) for link in topic.links],
                buttons=[ctx.person_button()])
        return True

    def _anger_with_a_matter(self, text: str) -> bool:
        """"Ik kreeg een bon terwijl mijn bezoek in de app stond!!! Belachelijk dit" before any answer: the anger heard,
        then the matter told beside it read on its own (an objection to the fine), not "Jammer dat dit niet hielp"
        (feedback on an answer never given). Only when no answer was given yet and what is told reads as a topic."""
        ctx = self.ctx
        if ctx.state.feedback_open is not None or ctx.state.topic is not None:
            return False
        told = " ".join(said for said in clauses.sentences(text) if not reactions.is_frustrated(said))
        if len(told.split()) < 4:
            return False
        reading = ctx.classify(told)
        # the whole, or the sentence that tells the matter read surely (the fine, 0.97; the whole 0.73)
        sure = next((found for found in (reading, *(part.classification for part in reading.parts))
                     if found.decision == "answer"), None)
        topic = ctx.intent_of(sure.intent) if sure is not None else None
        if topic is None or sure is None or topic.kind != "topic":
            return False
        ctx.count("anger_with_a_matter")
        ctx.add(ctx.say("anger_heard"))
        self._answer(topic, sure.score, told)  # its answer for what is told (not a follow-up read in "de app")
        return True

    def _vague_matter(self, text: str, result: "Classification") -> bool:
        """"ik heb een brief van de gemeente gehad maar mijn bril is kapot", "het gaat over de brief", "ik heb een vraag over
        mijn moeder" with no topic talked about: what the matter is, asked (for a letter: what it says at the top, who
        sent it, an amount or a date; Balie cannot see it), with its likely topics to choose from (was the scope message,
        or a "Bedoelt u" of far-off guesses). Not when the matcher is sure of a topic the message names."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if topic is not None and topic.kind == "topic":
            return False
        if sure_of_one(result.candidates, result.score) and ctx.knowledge.matcher.word_reads_as(
                text, result.candidates[0].intent, TOPIC_WORD_SCORE):
            return False  # "ik heb een brief over mijn WOZ gekregen": the topic a word names (not "vader" read as Wmo)
        matter = openings.vague_matter(text) or openings.vague_matter(ctx.text or "")
        intents = [intent for intent in openings.LIKELY_TOPICS.get(matter or "", []) if intent in ctx.knowledge.intents]
        if matter is None or len(intents) < 2:
            return False
        ctx.count(f"vague_matter:{matter}")
        ctx.state.misses = 0
        said = [ctx.say("vague_letter" if matter == "letter" else "vague_relative")]
        if matter == "letter" and openings.cannot_read(ctx.text or text):
            said += [ctx.say("vague_letter_unreadable"), ctx.person_line()]
        ctx.state.asked = ChoicesOffered(intents=intents, question=privacy.redact(ctx.text or text))
        ctx.add(" ".join(said), buttons=ctx.choice_buttons(intents))
        return True

    def _happened_again(self) -> bool:
        """"dit is al de derde keer" right after a problem's answer (a bin not emptied): sorry, report it again and
        say so, or a person, with the topic's links; not the scope message. False with no topic answered."""
        ctx = self.ctx
        topic = ctx.intent_of(ctx.state.topic)
        if topic is None or topic.kind != "topic":
            return False
        ctx.count("happened_again")
        ctx.state.misses = 0
        ctx.intent, ctx.confidence = topic.id, 1.0
        ctx.add(f'{ctx.say("happened_again")} {ctx.person_line()}', links=[ctx.link(link) for link in topic.links],
                buttons=[ctx.person_button()])
        return True

    def _answer(self, intent: "ResolvedIntent", score: float, text: str = "", kinds: list[str] | None = None) -> None:
        ctx = self.ctx
        if intent.handover:
            ctx.intent, ctx.confidence = intent.id, score
            ctx.count(f"intent:{intent.id}")
            self._request_person(reason=f"intent:{intent.id}", routed_by=text)
            return
        kind = answers.pick_followup(ctx, intent, kinds or [])
        if (kind is not None and intent.kind == "topic" and answers.has_followup(ctx, intent, kind)
                and answers.detail_of(intent, details.detect(text)) is None and intent.detail_for(text) is None):
            # "hoe verleng ik mijn paspoort en wat kost het?", "do I have to pay dog tax?", "hoe lang is een rijbewijs
            # geldig en kan ik het online verlengen?": the answer, then the follow-up
            if followups.asks_how_to(text) or followups.asks_whether_to_pay(text) or followups.asks_how_long_valid(text):
                answers.answer(ctx, intent, score, text, with_followup=kind)
            else:  # "wat kost een paspoort?": the follow-up of the matched topic.
                answers.followup(ctx, kind, intent.id, score, also=kinds or [])
            return
        answers.answer(ctx, intent, score, text)

    def _several_topics(self, text: str, result: "Classification", joined_in_a_sentence: bool = False) -> bool:
        """Two questions in one message: answer the first, offer the others (each topic once).
        Decided on the parts' own zones (a topic is found in a part the matcher answers), never on
        the whole message's score, which a refit moves across the cut-off. The clauses that ask
        something come first ("ik ben verhuisd. wanneer wordt mijn afval opgehaald?"). Only a clause
        that asks is answered in a story (`clauses.asking`); the topics it tells besides are
        offered, and a story that asks none gets "Bedoelt u ...?" with them.

        `joined_in_a_sentence`: the parts are stretches of one sentence joined by "en". The matcher
        reads such a sentence as one message, and its guesses for it (by rank and share, whatever
        their zone) say whether the sentence is mainly about one topic: when it reads as the topic
        told first alone (`_reads_as_one`), that one is answered and the others offered ("ik ben mijn
        rijbewijs kwijt en mijn paspoort ook"); when it leans to another ("ik wil verhuizen en mijn
        hond aanmelden": the dog) or has a real second reading ("de container is kapot en wordt niet
        geleegd": the bin or the collection), the resident chooses which comes first ("Bedoelt u
        ...?" with all, the others offered after it)."""
        ctx = self.ctx
        result = self._questions_split(result)
        found: list[tuple[str, "Classification"]] = []
        asking = {part.text for part in clauses.asking(text, result)}

        def asks(part: "Part") -> bool:
            return part.text in asking and clauses.is_question(part.text)

        # A clause about a topic told before it in the message is no topic of its own ("... mijn paspoort ... en moet
        # ik het zelf ophalen?"), whatever the matcher reads in its words alone.
        # Nor is a clause that only asks what to do ("Hi, we just moved to a new flat in town. What do I need to do?": the
        # question alone read a death's arrangements, 0.95, and was answered before the move).
        from ..matcher.segment import asks_only_what_to_do  # loaded with the matcher that made the parts
        pointing_back = {part.text for number, part in enumerate(result.parts)
                         if self._about_a_topic_found(part.text, result.parts[:number]) or asks_only_what_to_do(part.text)}
        for part in sorted(result.parts, key=lambda part: not asks(part)):
            intent = ctx.intent_of(part.classification.intent)
            if (part.classification.decision == "answer" and intent is not None and intent.kind == "topic"
                    and not intent.handover and all(intent.id != seen.intent for _, seen in found)
                    and part.text not in pointing_back):
                found.append((part.text, part.classification))
        if len(found) < 2:
            if len(found) == 1:
                nearly = self._nearly_asked(result, found[0][1].intent, asks, pointing_back)
                self.nearly_asked = self.nearly_asked or nearly
            return False
        in_turn = found[0][0] in asking
        if joined_in_a_sentence:
            in_turn = (in_turn and len(text.split()) < clauses.STORY_WORDS
                       and _reads_as_one(result, found[0][1].intent))
        if not in_turn:
            # A story that asks a question the matcher is unsure of, besides the topics it tells ("ik heb
            # een uitkering ... een aanslag ... Kan ik kwijtschelding krijgen, of anders een
            # betalingsregeling?"): "Bedoelt u" with the topics of that question, not of the background.
            for part in clauses.asking(text, result):
                reading = part.classification
                choices = self._choices(reading, RUNNER_UP_FLOOR) if reading.decision == "clarify" else []
                if len(choices) >= 2:
                    self._disambiguate(choices, reading.score, text)
                    return True
            # A story that tells of several topics and asks none of them: which one is it about?
            topics = [ctx.intent_of(c.intent) for _, c in found]
            self._disambiguate([topic for topic in topics if topic is not None][:MAX_CHOICES], result.score, text,
                               several=True)
            return True
        ctx.count("several_topics")
        first_text, first = found[0]
        topic = ctx.intent_of(first.intent)
        own = topic.detail_for(text) if topic is not None and topic.detail_for(first_text) is None else None
        if own is not None:
            # "Ik vind mijn WOZ-waarde veel te hoog. Hoe kan ik bezwaar maken?": the clause that tells names the asked
            # topic's own detail (an objection to the WOZ value), no topic of its own beside it (was the general
            # objection, and the WOZ offered as another question)
            ctx.count("several_topics_one_detail")
            self._answer(topic, first.score, text, followups.detect_all(first_text))
            self._offer_more([c.intent for told, c in found[1:] if c.intent and not phrases.names_any(told, own.words)])
            return True
        self._decide(first, first_text, followups.detect_all(first_text))
        self._offer_more([c.intent for _, c in found[1:] if c.intent])
        return True

    def _questions_split(self, result: "Classification") -> "Classification":
        """`result` with a part the matcher does not answer split into its clauses (`clauses.clauses_of`) when it joins
        questions of their own with a comma and the matcher answers each of them: "Moet ik mijn verhuizing doorgeven,
        hoe zit het met mijn parkeervergunning" is moving house and the parking permit (the matcher kept it as one part,
        in doubt between the two, and the permit was dropped without a word)."""
        from ..matcher import Part  # the matcher's package loads on first use (cold start)

        parts: list[Part] = []
        for part in result.parts:
            pieces = clauses.clauses_of(part.text) if part.classification.decision != "answer" else []
            readings = [Part(piece, self.ctx.classify(piece)) for piece in pieces] if len(pieces) >= 2 else []
            if len(readings) >= 2 and all(clauses.is_question(reading.text) and reading.classification.decision == "answer"
                                          for reading in readings):
                self.ctx.count("questions_split")
                parts.extend(readings)
            else:
                parts.append(part)
        return replace(result, parts=parts) if len(parts) != len(result.parts) else result

    def _nearly_asked(self, result: "Classification", answered: str | None, asks: "Callable[[Part], bool]",
                      pointing_back: set[str]) -> list[str]:
        """The topics of clauses that ask which the matcher is nearly sure of (LONE_FAVOURITE_SCORE) but does not
        answer, besides the one topic a clause answers: "Ik ga verhuizen. Moet ik me inschrijven en hoe zit het met de
        afvalcontainer?" (the bin at 0.82). Offered after the question is answered (`_offer_nearly_asked`), never
        answered here; none when the whole message does not read as the answered topic alone (`_reads_as_one`). A clause
        that asks only how to go about it ("Wat moeten we regelen?" after a wedding told) names no topic of its own: it
        asks about the one told (the matcher reads a death's arrangements in it, 0.81, offered as a second topic)."""
        if not _reads_as_one(result, answered):
            return []
        nearly: list[str] = []
        for part in result.parts:
            reading = part.classification
            best = reading.candidates[:1] if reading.decision == "clarify" else []
            if best and best[0].score >= LONE_FAVOURITE_SCORE:
                guesses = [self.ctx.intent_of(best[0].intent)]
            elif best and best[0].score >= NEARLY_ASKED_SCORE and part.text.rstrip().endswith("?"):
                # "... And when is the bulky waste picked up?" (0.54, the waste calendar or bulky waste): its readings
                # that the question names by a word of their title, for the resident to choose (was dropped without a
                # word); not a guess for its frame or a general word ("Wat moeten we regelen?" is no death to register)
                named = current_topic.titles_named(self.ctx, part.text)
                guesses = [guess for guess in self._choices(reading, RUNNER_UP_FLOOR)[:NEARLY_ASKED_READINGS]
                           if guess in named]
            else:
                guesses = []
            for intent in guesses:
                if (intent is not None and asks(part) and part.text not in pointing_back
                        and not followups.asks_how(part.text) and intent.kind == "topic" and not intent.handover
                        and intent.id not in (answered, *nearly)):
                    nearly.append(intent.id)
        return nearly

    def _offer_nearly_asked(self) -> None:
        """After a topic answered, the other topics a clause asked that were not (`_nearly_asked`), as buttons (was
        dropped without a word). Not after "Bedoelt u", a person offered or a guided flow started."""
        ctx = self.ctx
        answered = ctx.intent_of(ctx.intent)
        offered = [intent for intent in self.nearly_asked if intent != ctx.intent]
        if (offered and answered is not None and answered.kind == "topic" and ctx.state.flow is None
                and not isinstance(ctx.state.asked, (ChoicesOffered, PersonOffered, MoreTopicsOffered))):
            ctx.count("nearly_asked_offered")
            self._offer_more(offered)

    def _about_a_topic_found(self, text: str, before: "list[Part]") -> bool:
        """"moet ik het zelf ophalen?" after "hoe lang duurt het voordat mijn paspoort klaar is" in one message: a
        clause that points back ("het", "daarvoor", "it") and asks how or where a topic the matcher answered in a clause
        before it is done, or a detail or follow-up of that topic, is a question about that topic, not one of its own
        (the matcher read bulky waste in "ophalen" alone, 0.96; the appointments desk in "langskomen"; the felling
        permit in "Kan de gemeente die weghalen?" after an abandoned bike, 0.95, offered as a second topic)."""
        if not followups.points_back(text):
            return False
        for part in before:
            topic = self.ctx.intent_of(part.classification.intent)
            if (part.classification.decision == "answer" and topic is not None and topic.kind == "topic"
                    and (followups.asks_way(text) or topic.detail_for(text) is not None
                         or followups.asks_if_cleared(text) == ""  # "Kan de gemeente die weghalen?" (a pronoun)
                         or any(getattr(topic.followups, kind) is not None for kind in followups.detect_all(text)))):
                return True
        return False

    def _asked_about_the_topic_told(self, text: str, result: "Classification") -> bool:
        """"Wij willen een traplift voor mijn moeder. Moet ze daarvoor naar het gemeentehuis komen?": the matcher answers
        the sentence that tells the topic (the Wmo) and not the question, which points back to it ("daarvoor") with how
        or where it is done, a detail or a follow-up of that topic; the whole read as a wedding ("wij willen ...
        gemeentehuis", 0.79 "Bedoelt u"). The question is about the topic told: its answer for the whole message."""
        answered = [part for part in result.parts if part.classification.decision == "answer"]
        if len(answered) != 1 or len(result.parts) < 2 or len(text.split()) >= clauses.STORY_WORDS:
            return False
        told = answered[0]
        topic = self.ctx.intent_of(told.classification.intent)
        if topic is None or topic.kind != "topic" or topic.handover or result.parts[0] is not told:
            return False
        if not all(self._about_a_topic_found(part.text, [told]) for part in result.parts[1:]):
            return False
        self.ctx.count("asked_about_the_topic_told")
        self._answer(topic, told.classification.score, text, followups.detect_all(text))
        return True

    def _joined_topics(self, text: str, result: "Classification") -> "Classification":
        """`result` with the stretches of a sentence joined by "en" that each name a topic as its
        parts ("ik ben mijn rijbewijs kwijt en mijn paspoort ook": the matcher keeps one clause and
        reads the driving licence only); no parts when fewer than two name one."""
        from ..matcher import Part  # the matcher's package loads on first use (cold start)

        stretches = [stretch for stretch in _JOINING.split(text) if stretch.strip()]
        if len(stretches) < 2:
            return result
        parts = [Part(stretch, self.ctx.classify(stretch)) for stretch in stretches]
        named = [part for part in parts if part.classification.decision == "answer"]
        return replace(result, parts=named if len(named) >= 2 else [])

    def _topics_told_besides(self, text: str, result: "Classification", asked_details: list[str]) -> list[str]:
        """The topics a message with a detail names besides the one answered (`ctx.intent`): the
        matcher's parts and the stretches of each joined by "en" that it answers, in the order told.
        Not the detail's own home topic, nor a topic read only in the detail's words ("Mijn vader is
        overleden." tells the death, no topic of its own)."""
        from ..matcher import Part  # the matcher's package loads on first use (cold start)

        ctx = self.ctx
        if not result.parts and not _JOINING.search(text):
            return []
        matcher = ctx.knowledge.matcher
        homes = {details.HOME_TOPIC.get(kind) for kind in asked_details}
        found: list[str] = []
        for piece in result.parts or [Part(text, result)]:
            stretches = [stretch for stretch in _JOINING.split(piece.text) if stretch.strip()]
            readings = [piece] + ([Part(stretch, matcher.classify(stretch)) for stretch in stretches]
                                  if len(stretches) > 1 else [])
            for reading in readings:
                found_in = reading.classification
                # A stretch of a few words is offered on the matcher's one guess too ("He had a dog": clarify 0.44,
                # where "Hij had een hond" is answered); a button, not an answer.
                lone = (reading is not piece and found_in.decision == "clarify" and len(found_in.candidates) == 1)
                intent = ctx.intent_of(found_in.candidates[0].intent if lone else found_in.intent)
                if ((found_in.decision != "answer" and not lone) or intent is None or intent.kind != "topic"
                        or intent.handover or intent.id in (ctx.intent, *homes, *found)):
                    continue
                told_only = details.detect(reading.text) and matcher.classify(
                    details.without_cues(reading.text)).intent != intent.id
                if told_only:
                    continue
                found.append(intent.id)
        return found[:MAX_CHOICES]

    def _offer_more(self, intents: list[str], detail: str | None = None) -> None:
        ctx = self.ctx
        if not intents:
            return
        ctx.state.asked = MoreTopicsOffered(intents=intents, detail=detail)
        ctx.add(ctx.say("more_topics"), buttons=[
            Button(title=ctx.knowledge.intents[intent].title.get(ctx.language), payload=f"intent:{intent}")
            for intent in intents if intent in ctx.knowledge.intents
        ])

    def _choices(self, result: "Classification", runner_up_floor: float | None = None,
                 text: str = "") -> list["ResolvedIntent"]:
        """2-3 real topics to offer as "Bedoelt u ...?" (system intents dropped): the matcher's
        candidates; with `runner_up_floor`, a lone favourite also gets the next real guess that
        scores at least that share of the favourite's score (RUNNER_UP_FLOOR); a guess read in its own detail's
        words alone (`_read_in_its_detail_words`, when the message `text` is given) gives way to the one after it."""
        intents = self.ctx.knowledge.intents

        def topic(intent_id: str) -> "ResolvedIntent | None":
            intent = intents.get(intent_id)
            return intent if intent is not None and intent.kind == "topic" and not intent.handover else None

        found = []
        for candidate in result.candidates:
            intent = topic(candidate.intent)
            if intent is not None and intent not in found:
                found.append(intent)
        if len(found) == 1 and runner_up_floor is not None and result.candidates:
            floor = result.candidates[0].score * runner_up_floor
            next_guesses = [intent for guess in result.alternatives if guess.score >= floor
                            for intent in [topic(guess.intent)] if intent is not None and intent not in found]
            if text and runner_up_floor > 0 and len(next_guesses) >= 2 and self._read_in_its_detail_words(next_guesses[0], text):
                next_guesses = next_guesses[1:]  # the next real guess instead (none next: it stays, with the favourite)
            found += next_guesses[:1]
        return found[:MAX_CHOICES]

    def _read_in_its_detail_words(self, guess: "ResolvedIntent", text: str) -> bool:
        """"i lost my job and cant pay rent": a guess the matcher reads only in the words of one of its own details
        ("lost", "stolen": the ID card's `kwijt`), which the message uses for something else: without those words
        the matcher no longer guesses it. Not a second reading of the question. Not read in a story, whose many
        words leave the matcher little to go on once some are taken out."""
        detail = guess.detail_for(text) if len(text.split()) < clauses.STORY_WORDS else None
        if detail is None:
            return False
        rest = phrases.without(text, detail.words)
        reread = self.ctx.classify(rest) if rest else None
        return reread is None or guess.id not in {reread.intent, *(reading.intent for reading in reread.alternatives)}

    def _disambiguate(self, choices: list["ResolvedIntent"], score: float, question: str = "",
                      several: bool = False) -> None:
        """"Bedoelt u ...?" with `choices`; `several`: the message named each of them (the others are
        offered after the one chosen)."""
        ctx = self.ctx
        ctx.count("disambiguation")
        ctx.confidence = score
        ctx.state.asked = ChoicesOffered(intents=[intent.id for intent in choices],
                                         question=privacy.redact(question) if question else None, several=several)
        ctx.add(ctx.say("disambiguate"), buttons=ctx.choice_buttons([intent.id for intent in choices]))

    def _not_understood(self, text: str = "") -> None:
        """Gibberish: "Dat begrijp ik niet". A real question out of scope: what Balie
        can help with. The second miss in a row offers a person."""
        ctx = self.ctx
        ctx.count("fallback")
        if text:
            ctx.note_unanswered(text)
        said = text or ctx.text
        if self._told_for_the_callback(said):
            return  # also one that names another organisation ("de brief kwam van de belastingdienst geloof ik")
        if ctx.knowledge.referral_for(said) is not None and not small_talk.is_gibberish(said):
            # "en huurtoeslag?" after the childcare allowance's referral, "can I get rent benefit?" after moving
            # house: where to go is an answer, not a miss (was "Wilt u met een medewerker praten?" on the second
            # such question, and "Dat weet ik niet" about the topic before)
            ctx.add(*referrals.scope_message(ctx, said))
            return
        topic = ctx.intent_of(ctx.state.topic)
        elsewhere = topic is not None and topic.kind == "topic" and current_topic.about_something_else(ctx, said, topic)
        if topic is not None and (topic.kind != "topic" or elsewhere):
            # "is it going to snow this week?" after the opening hours: what Balie can help with (the scope message
            # below), not "Dat weet ik niet" about the topic; the topic stays for a next follow-up
            topic = None
        if elsewhere and not language.neither(said):
            # "wie wint de wedstrijd vanavond?", then "en wordt het morgen droog?" after the opening hours: outside the
            # gemeente's work, answered with what Balie can help with; not a miss of Balie's (the second one offered a
            # person, who cannot help with that either). Without a topic the out-of-scope reading alone is too rough a
            # guide ("wie is de wethouder van sport?" reads 1.0 outside): a miss, as before.
            ctx.count("outside_scope")
            ctx.add(*referrals.scope_message(ctx, said))
            return
        ctx.state.misses += 1
        if ctx.state.misses >= MISSES_BEFORE_OFFER:
            ctx.count("handover_offered")
            # Still on the topic talked about ("kan ik niet gewoon beginnen?" after the dormer's permit): its team (was
            # the default team, the Klantcontactcentrum)
            ctx.state.asked = PersonOffered(reason="not_understood", team=topic.team if topic is not None else None)
            moment = None if ctx.live_possible else ctx.promises.callback()
            offer = ctx.say("offer_callback", moment=moment) if moment else ctx.say("offer_person")
            ctx.add(offer, buttons=ctx.yes_no_buttons())
            return
        if small_talk.is_gibberish(said):
            ctx.add(ctx.say("not_understood"))
        elif len(said.split()) <= 2:  # "afval", "formulier": too little to say it is out of scope
            ctx.add(ctx.say("too_short"))
        elif topic is not None and topic.kind == "topic" and self._told_on_the_topic(said):
            # "eik, stam ongeveer 40 cm doorsnee" after felling a tree, "zo'n 80 man, tot 23 uur" after a street party,
            # "ik heb geen digid nog" after the welfare benefit: a detail of the topic told, whose meaning for it the
            # knowledge base lacks (was the scope message, or even "Ik begrijp alleen Nederlands en Engels").
            if followups.tells_no_digid(said) and "digid" in topic.answer.nl.casefold():
                # "ik heb geen digid" after the parking permit's "online met DigiD": the ways without it and DigiD itself
                # (was "Wat dat betekent ..., weet ik niet precies")
                ctx.count("no_digid")
                ctx.state.misses = 0
                ctx.intent, ctx.confidence = topic.id, 1.0
                ctx.add(f'{ctx.say("no_digid")} {ctx.person_line()}',
                        links=[Link(title="DigiD", url=DIGID_URL), *(ctx.link(link) for link in topic.links)],
                        buttons=[ctx.person_button()])
                return
            if small_talk.tells_own_plan(said):
                # "ok dan ga ik toch maar gewoon maandag" after the ID card: a plan told, to acknowledge
                ctx.count("own_plan_told")
                ctx.state.misses = 0
                ctx.add(ctx.say("own_plan_told"))
                return
            form = current_topic.report_links(ctx, topic)
            if form is not None:
                # "hij stond er om 7 uur gewoon hoor" after "Is uw container niet geleegd? Meld dat ...": it belongs in
                # the report, which Balie does not make (was "Wat dat betekent ..., weet ik niet precies")
                ctx.count("told_for_the_report")
                ctx.state.misses = 0
                ctx.intent, ctx.confidence = topic.id, 1.0
                ctx.add(ctx.say("told_for_the_report"), links=form)
                return
            ctx.count("told_in_topic")
            ctx.add(f'{ctx.say("told_in_topic", topic=topic.title.get(ctx.language))} {ctx.person_line()}',
                    links=[ctx.link(link) for link in topic.links], buttons=[ctx.person_button()])
        elif language.neither(said):  # another language: say so in both of Balie's
            ctx.count("other_language")
            ctx.add(say_both("other_language"))
        elif (topic is not None and topic.kind == "topic" and not small_talk.changes_topic(said)
              and (clauses.is_question(said) or followups.points_back(said))
              and len(said.split()) < clauses.STORY_WORDS):
            # also a short remark about it ("its not that big" after felling a tree)
            # "krijg ik bericht als het is opgeruimd?" after litter, "can my friend officiate?" after
            # the wedding: most likely a detail of the topic just answered that the knowledge base
            # lacks. "I answer questions about the municipality" would tell the resident they asked
            # something odd; the topic's page and a person are where the answer is.
            ctx.count("unknown_in_topic")
            ctx.add(f'{ctx.say("unknown_in_topic", topic=topic.title.get(ctx.language))} {ctx.person_line()}',
                    links=[ctx.link(link) for link in topic.links], buttons=[ctx.person_button()])
        else:
            ctx.add(*referrals.scope_message(ctx, said))

    def _told_on_the_topic(self, said: str) -> bool:
        """A few words that tell and ask nothing, right after the topic's answer (the first miss since), said to go on
        about it: not a new matter announced, and in words of Balie's languages, or a measure told ("eik, stam
        ongeveer 40 cm doorsnee") where the language reader knows too few of them."""
        return (self.ctx.state.misses == 1 and not clauses.is_question(said) and len(said.split()) < clauses.STORY_WORDS
                and not small_talk.changes_topic(said) and (not language.neither(said) or facts.tells_a_measure(said)))

    def _told_for_the_callback(self, said: str) -> bool:
        """A detail told (no question, more than two words, no gibberish) while a callback is queued: for the
        member of staff, on its ticket, rather than a miss or a "Bedoelt u" of guesses."""
        return (not small_talk.is_gibberish(said) and not clauses.is_question(said) and len(said.split()) > 2
                and handover.add_to_queued_ticket(self.ctx, told=True))

    def _for_the_callback(self) -> bool:
        """Another number or address, "het is dringend", "ik ben pas na 14 uur bereikbaar" while a callback
        is queued: on its ticket (was the opening hours, a duration, or "Dat weet ik niet" and the offer of
        the callback already queued). Not a question Balie answers ("kan ik met spoed een paspoort aanvragen?")."""
        ctx = self.ctx
        if handover.queued_ticket(ctx) is None or not ctx.text:
            return False
        if (contacts.about_the_callback(ctx.text) is not None and clauses.is_question(ctx.text)
                and ctx.classify(ctx.text).decision == "answer"):
            return handover.add_to_queued_ticket(ctx, other_contact_only=True)
        # "het gaat om de brief van vorige week": what the callback is about (was "Bedoelt u Bezwaar / ...")
        return handover.add_to_queued_ticket(ctx, told=contacts.tells_what_about(ctx.text)
                                             and not clauses.is_question(ctx.text))

    # ---- a person ---------------------------------------------------------------------------------------

    def _accept_offer(self, offer: PersonOffered) -> None:
        # After misses or crisis help the topic says little about the question: the default team.
        team = offer.team or (None if offer.reason.startswith("intent:") else self.ctx.tenant.default_team)
        self._request_person(reason=offer.reason, team=team, urgent=offer.urgent, consented=True,
                             crisis=_crisis_of(offer))

    def _decline_person(self) -> None:
        self.ctx.state.misses = 0
        if isinstance(self.asked, PersonOffered) and self.asked.reason == NOT_CALLED_BACK:
            handover.complaint_form_instead(self.ctx)
            return
        after_crisis = isinstance(self.asked, PersonOffered) and self.asked.reason.startswith("crisis")
        self.ctx.add(self.ctx.say("crisis_declined" if after_crisis else "person_declined"))

    def _request_person(self, *, reason: str, team: str | None = None, routed_by: str = "", urgent: bool = False,
                        consented: bool = False, crisis: str | None = None) -> None:
        """A person: for the topic named with the request ("iemand spreken over mijn
        parkeervergunning"), else the current topic's team, else the default team."""
        ctx = self.ctx
        referral = self._referral_of_request(routed_by) if routed_by and team is None else None
        if referral is not None:
            # "kunt u mij terugbellen over mijn huurtoeslag?": another organisation's matter. A member of staff of
            # the gemeente cannot help either; where to go instead, and no ticket for the gemeente's desk.
            ctx.count("referral_instead_of_person")
            ctx.state.flow = None
            ctx.state.referral = referral.organisation
            ctx.add(ctx.say("person_referral", referral=referral.text.get(ctx.language)),
                    links=[Link(title=referral.organisation, url=referral.url)])
            return
        if (not reason.startswith("crisis") and isinstance(self.asked, PersonOffered)
                and self.asked.reason == NOT_CALLED_BACK):
            reason = NOT_CALLED_BACK  # "een mens graag" to the person offered after "niemand belt terug": that request
        ctx.count("handover_requested")
        ctx.state.flow = None
        ctx.state.misses = 0
        if team is None and routed_by:
            team = self._team_named(routed_by)  # "ik wil iemand van vergunningen spreken": that team (was Burgerzaken)
        if team is None:
            routed = self._topic_of_request(routed_by) if routed_by else None
            talked_about = ctx.intent_of(ctx.state.topic)
            if (routed is not None and routed.team == ctx.tenant.default_team and talked_about is not None
                    and talked_about.kind == "topic" and talked_about.team != ctx.tenant.default_team):
                # "wanneer kan ik iemand spreken om een afspraak te maken?" after the recognition of a child: the
                # appointment (or the hours, a complaint) of the topic talked about, whose team knows it (was the
                # contact centre, the general appointment topic's team)
                routed = None
            if routed is not None:
                ctx.state.topic = routed.id
            # No topic answered yet, but the one offered last ("U vroeg ook naar ... WOZ"): the person is about that
            offered = self.asked.intents if isinstance(self.asked, MoreTopicsOffered) else []
            current = routed or ctx.intent_of(ctx.state.topic) or (ctx.intent_of(offered[0]) if len(offered) == 1 else None)
            team = current.team if current is not None and reason != "not_understood" else None
        if ctx.intent is None and "medewerker" in ctx.knowledge.intents:
            ctx.intent, ctx.confidence = "medewerker", 1.0  # the resident said so in so many words
        handover.request(ctx, team=team, reason=reason, urgent=urgent, consented=consented, crisis=crisis)

    def _message_kept(self, current: Handover) -> None:
        """"kenteken is K-12-AB", "hoe lang duurt dit nog?" while nobody has taken the conversation yet: the message is
        kept for the member of staff, the resident still waits, and until when before the callback is offered (was no
        reply at all). Once a person talks (live), the bot keeps quiet."""
        ctx = self.ctx
        text = ctx.text or ""
        deadline = current.requested_at + timedelta(minutes=ctx.tenant.live_handover_limit_minutes)
        until = ctx.say("wait_message_until", time=ctx.promises.time(deadline)) if deadline > ctx.moment else ""
        topic = ctx.intent_of(ctx.state.topic)
        about = ctx.say("wait_about", topic=topic.title.get(ctx.language)) if topic is not None and topic.kind == "topic" else ""
        short = len(text.split()) <= WAIT_QUESTION_WORDS
        answer = replies.yes_no(text)
        if self.abuse is not None:
            key = "wait_still"  # "kutbot" while waiting: the boundary and the wait, no "Dank u. Ik heb uw bericht bewaard"
        elif (short and (small_talk.only_thanks(text) or (answer is not None and answer.yes and not answer.rest))
                or contacts.asks_for_person(text)):
            key = "wait_still"  # "ok", "bedankt", "ik wil een mens": nothing to keep (was "Ik heb uw bericht bewaard")
        elif short and small_talk.asks_about_the_wait(text):
            key = "wait_not_yet"  # "hoe lang nog?", "is er al iemand?": nobody has taken it yet
        else:
            key = "wait_message_kept"
        ctx.count(key)
        said = ctx.say(key, team=ctx.team_name(current.team), about=about, until=until)
        ctx.add(f"{ctx.say('abuse_boundary')} {said}" if self.abuse is not None else said)

    def _wait_to_callback(self, current: Handover) -> bool:
        """"nee, bel me liever terug", "call me back instead" while waiting (nobody has taken the conversation yet): the
        wait stops and the callback takes its place, with the number typed or asked for: one handover, and the resident
        reads which one holds (was "Ik heb uw bericht bewaard ... U wacht nog", the callback asked for unheard)."""
        ctx = self.ctx
        if current.claimed_by is not None or not contacts.asks_for_callback(ctx.text or ""):
            return False
        ctx.count("wait_to_callback")
        ctx.conversation.handover = None  # leaves the staff's queue; its timeout finds nothing to expire
        ctx.add(ctx.say("wait_to_callback"))
        handover.request(ctx, team=current.team, reason=current.reason, urgent=current.urgent, consented=True,
                         crisis=current.crisis)
        return True

    def _wait_rerouted(self, current: Handover) -> bool:
        """"over mijn aanslag", "it's about my parking permit" while waiting (in office hours, nobody has taken the
        conversation yet) for a person asked for without a topic: what it is about; the wait goes to that topic's team,
        as staff would transfer it, and the resident reads so (was a wait for the contact centre, the topic unread)."""
        ctx = self.ctx
        text = ctx.text or ""
        if current.claimed_by is not None or not contacts.tells_what_about(text):
            return False
        routed = self._topic_of_request(text)
        team_id = ctx.team_id(routed.team) if routed is not None else None
        if routed is None or team_id is None or team_id == current.team:
            return False
        ctx.count("wait_rerouted")
        ctx.state.topic = routed.id
        ctx.conversation.handover = current.model_copy(update={"team": team_id})
        ctx.add(ctx.say("wait_rerouted", team=ctx.team_name(team_id)))
        return True

    def _callback_about(self, flow: CallbackFlow) -> bool:
        """What the callback offered is about, told in answer to the offer instead of a yes or no: "over mijn aanslag",
        "it's about my parking permit", or the matter itself ("gaat over belasting brief, ik moet 287 euro betalen, ik
        heb geen geld"). The matter is answered when the matcher answers it or it names a detail of its topic (the tax
        bill one cannot pay: the waiver); else it is taken as a note for the member of staff, who reads it with the
        callback, and said so. Then the offer, for that topic's team, without the closed hours said again (was the
        same offer again, or "Bedoelt u ...?", after which "ja graag" was read as feedback and the number typed lost)."""
        ctx = self.ctx
        text = ctx.text or ""
        if replies.yes_no(text) is not None or contacts.contact(text) is not None:
            return False
        told_what_about = contacts.tells_what_about(text)
        if not told_what_about and (clauses.is_question(text) or len(text.split()) < 3 or contacts.prefers_a_way(text)
                                    or replies.withdraws(text) or replies.withdraws_at_the_end(text)):
            return False  # a question of its own lets the offer lapse; a way or a change of mind answers it
        if self._referral_of_request(text) is not None:
            # "het gaat over mijn huurtoeslag": another organisation's matter, where to go instead (was a callback by the
            # tax team, read in "toeslag")
            self._request_person(reason=flow.reason, routed_by=text)
            return True
        reading = ctx.classify(text)
        if not told_what_about and reading.decision == "answer":
            return False  # "kwijtschelding wat is dat": a topic asked of its own, answered as any question
        routed = self._topic_of_request(text)
        lone = ctx.intent_of(reading.candidates[0].intent) if len(reading.candidates) == 1 else None
        if (routed is None and lone is not None and lone.kind == "topic" and not lone.handover
                and reading.score >= TOPIC_QUESTION_SCORE):
            routed = lone  # "het is een aanslag van de gemeente, 350 euro, ik heb geen geld": the taxes (0.77) alone
        if routed is None:
            return False
        ctx.count("callback_topic_told")
        ctx.state.topic = routed.id
        ctx.state.flow = None
        told = ctx.intent_of(reading.intent) if reading.decision == "answer" else None
        if told is None and sure_of_one(reading.candidates, reading.score) and reading.candidates[0].intent == routed.id:
            told = routed  # "about the municipal tax bill, 350 euros, I have no money": the waiver, read surely (0.88)
        own = routed.detail_for(text)
        if (told is not None and told.kind == "topic" and not told.handover and told.flow is None
                and len(text.split()) >= TOLD_WITH_THE_SUBJECT_WORDS):
            # "het gaat over de aanslag, ik kan die niet betalen": a payment plan (fewer words name only the subject)
            ctx.count("callback_topic_answered")
            answers.answer(ctx, told, reading.score, text, feedback=False)
            intro = "answered"
        elif own is not None and not routed.handover and routed.flow is None:
            ctx.count("callback_topic_answered")
            answers.answer(ctx, routed, 1.0, text, own_detail=own.name, feedback=False)
            intro = "answered"
        else:
            intro = "noted"
        handover.request(ctx, team=routed.team, reason=flow.reason, intro=intro)
        return True

    def _referral_of_request(self, text: str) -> "Referral | None":
        """The other organisation whose matter a request for a person is about ("bel me terug over mijn huurtoeslag":
        Dienst Toeslagen), when the request names no topic of the gemeente's besides its words ("iemand spreken over
        bijstand en huurtoeslag" goes to the welfare team)."""
        about = contacts.without_person_request(text)
        referral = self.ctx.knowledge.referral_for(about)
        if referral is None:
            return None
        besides = phrases.without(about, referral.words)
        return referral if len(besides) < 3 or self._topic_of_request(besides) is None else None

    def _team_named(self, text: str) -> str | None:
        """The tenant's team a request for a person names by its name or id ("iemand van vergunningen", "someone from
        parking"), when it names exactly one."""
        teams = self.ctx.tenant.teams
        named = [team_id for team_id, team in teams.items()
                 if phrases.names_any(text, [team.name.nl, team.name.en, team_id.replace("-", " ")])]
        return named[0] if len(named) == 1 else None

    def _topic_of_request(self, text: str) -> "ResolvedIntent | None":
        rest = contacts.without_person_request(text)
        if reactions.is_frustrated(rest):
            return None  # "waardeloze bot. geef me een mens": no topic (not the WOZ value read in "waardeloze")
        if len(rest) < 3 or followups.is_contextual(rest) or rest in _HERE_ABOUT or _ABOUT_THIS.search(rest):
            # "kan ik iemand spreken daarover": the topic talked about (or the default team), not what the matcher
            # reads in "daarover" alone (a report in a public space, 0.79)
            return None
        result = self.ctx.classify(rest)
        intent = self.ctx.intent_of(result.intent)
        if result.decision == "answer" and intent is not None and intent.kind == "topic" and not intent.handover:
            return intent
        if result.decision == "clarify":
            # Too short to answer ("over mijn aanslag"), but enough to route: the candidates' one team.
            topics = self._choices(result)
            if topics and len({topic.team for topic in topics}) == 1:
                return topics[0]
        # "ik heb vanmiddag een terugbelverzoek gedaan voor mijn moeder (wmo, traplift). ... bel mij en niet haar": a long
        # request the matcher places nowhere as a whole, of which a sentence reads topics of one team (was the contact
        # centre). With a topic talked about only a sentence the matcher answers: "kan ik nu nog iemand spreken? het is
        # bijna weekend" after youth care is about youth care (was a report in a public space, a guess for "bijna weekend")
        talked_about = self.ctx.intent_of(self.ctx.state.topic)
        in_doubt = "reject" if talked_about is None or talked_about.kind != "topic" else "clarify"
        for part in self.ctx.classify(text).parts:
            topics = self._choices(part.classification) if part.classification.decision not in ("reject", in_doubt) else []
            if topics and len({topic.team for topic in topics}) == 1:
                return topics[0]
        return None


def _subject_reads_better(classify: "Callable[[str], Classification]", text: str, subject: str) -> bool:
    """Whether the matcher places the subject of an announced question better than the whole: the
    whole is rejected, or the subject alone is answered."""
    whole = classify(text).decision
    return whole == "reject" or (whole == "clarify" and classify(subject).decision == "answer")


def sure_of_one(guesses: Sized, score: float) -> bool:
    """Whether the matcher is sure of its one guess: exactly one guess, scoring at least LONE_FAVOURITE_SCORE."""
    return len(guesses) == 1 and score >= LONE_FAVOURITE_SCORE


def _without_a_persons_death(result: "Classification", asked_details: list[str]) -> "Classification":
    """"onze hond Bobby is vannacht overleden", "our cat died last night": the matcher reads the death of a person
    (the registration of a death, "Gecondoleerd ...") in the death of an animal (`details.detect` found a pet that
    died and no person). That topic is no reading of such a message: taken out of its guesses, answered or not. What
    is left decides (the dog tax's own answer for a dog, else the scope message)."""
    person = details.HOME_TOPIC["overlijden"]
    if "dier_overleden" not in asked_details or person not in {result.intent, *(guess.intent for guess in result.alternatives)}:
        return result
    kept = [guess for guess in result.alternatives if guess.intent != person]
    if result.intent is not None and result.intent != person:
        return replace(result, alternatives=kept)
    decision = "reject" if not kept else "clarify" if result.intent is not None else result.decision
    return replace(result, intent=None, score=kept[0].score if kept else 0.0, alternatives=kept, decision=decision)


def _as_a_guess(result: "Classification") -> "Classification":
    """An answer of the matcher as the first guess of a "Bedoelt u" (clarify), its score kept."""
    from ..matcher import Alternative  # the matcher's package loads on first use (cold start)

    return replace(result, intent=None, decision="clarify",
                   alternatives=[Alternative(result.intent, result.score), *result.alternatives])


def _reads_as_one(result: "Classification", intent: str | None) -> bool:
    """Whether the matcher reads a message as about `intent` alone, whatever its zone: its best guess, and no
    other guess with RUNNER_UP_FLOOR of its score (the shares stay when a refit moves the scores)."""
    ranked = ([result.intent] if result.intent is not None else []) + [guess.intent for guess in result.alternatives]
    scores = ([result.score] if result.intent is not None else []) + [guess.score for guess in result.alternatives]
    return (bool(ranked) and ranked[0] == intent
            and all(score < scores[0] * RUNNER_UP_FLOOR for score in scores[1:]))


def _asks_somewhere(text: str) -> bool:
    """Whether the text or one of its sentences asks, or a clause after what it tells ("ik heb schulden en nu dreigt
    een ontruiming, wat moet ik doen": the question after the comma, no "?")."""
    return any(clauses.asks_in_story(said) for said in (text, *clauses.sentences(text))) or clauses.a_clause_asks(text)


def _one_sentence(text: str) -> bool:
    """Whether the message is one sentence once its greeting and signature are left out (the matcher's own
    sentence split, `segment.sentences`)."""
    from ..matcher.segment import sentences, strip_courtesy  # the matcher's package loads on first use (cold start)

    return len(sentences(strip_courtesy(text).text)) == 1


def _crisis_of(asked: Asked | None) -> str | None:
    """The crisis kind of an offer of a person made after crisis help (reason "crisis:<kind>")."""
    if isinstance(asked, PersonOffered) and asked.reason.startswith("crisis:"):
        return asked.reason.partition(":")[2]
    return None

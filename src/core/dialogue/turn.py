"""The decisions of one resident turn, in this order:

1. crisis help (before anything else, in every state, at every hour): the rules first; where
   they are quiet the trained distress classifier, whose hits get the right number first in
   a caring sentence and then the answer to the question asked (the full help when the
   message asks nothing else);
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
   ...) answered for the topic that has it, several topics at once, or the
   matcher's decision (answer / clarify with 2-3 options plus "iets anders" / out of
   scope: the scope message, "Dat begrijp ik niet" only for gibberish).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import privacy
from ..kb import phrases
from ..models import Button, HandoverStatus, InboundKind, Link
from . import answers, details, facts, followups, handover, language, referrals, understanding
from .crisis import KINDS as CRISIS_KINDS
from .crisis import detect_all as crisis_kinds
from .context import TurnContext
from .feedback import on_feedback, say_sorry
from .flows import continue_guide
from .state import Asked, CallbackFlow, ChoicesOffered, FeedbackAsked, GuideFlow, MoreTopicsOffered, PersonOffered

if TYPE_CHECKING:
    from ..kb.compiled import ResolvedIntent
    from ..matcher import Alternative, Classification, Part

CrisisDetector = Callable[[str], "str | None"]

MISSES_BEFORE_OFFER = 2
# A guess of the matcher this good names the topic of a detail question that has its own
# answer for that detail, even below the answer threshold.
DETAIL_EVIDENCE = 0.15
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
ACTIVE_HANDOVER = (HandoverStatus.WAITING, HandoverStatus.LIVE)
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


class Turn:
    def __init__(self, ctx: TurnContext, crisis: CrisisDetector, distress: CrisisDetector | None = None) -> None:
        self.ctx = ctx
        self.crisis = crisis
        self.distress = distress
        self.question: str | None = None  # after a classifier hit: the part of the message that asks a topic
        self.asked: Asked | None = None  # the question the bot asked last turn, open until this one
        self.urgent_choice: Button | None = None  # the crisis line's button for a person now

    def run(self) -> None:
        self._run()
        self._urgent_choice_last()

    def _run(self) -> None:
        ctx = self.ctx
        ctx.count("messages_received")
        ctx.count(f"channel:{ctx.message.channel.value}")
        self._follow_language()
        kind = self.crisis(ctx.text) if ctx.text else None
        if kind is not None:
            self._crisis_help(kind)
            return
        likely = self.distress(ctx.text) if ctx.text and ctx.payload is None and self.distress is not None else None
        if likely is not None:
            self.question = self._question_besides(ctx.text)
            if self.question is None:
                self._crisis_help(likely, gentle=True)
                return
            self._crisis_line(likely)
        current = ctx.conversation.handover
        if current is not None and current.status in ACTIVE_HANDOVER:
            if current.status == HandoverStatus.WAITING and ctx.text and understanding.withdraws(ctx.text):
                # "laat maar" while nobody has taken the conversation yet: stop looking.
                ctx.conversation.handover = None
                ctx.count("handover_withdrawn")
                ctx.add(ctx.say("wait_withdrawn"))
                return
            # A person is (about to be) talking: the bot keeps quiet, staff see the message.
            ctx.count("during_handover")
            return
        if ctx.first_turn:
            self._greet()
        self._take_page_topic()
        state = ctx.state
        self.asked, state.asked = state.asked, None
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
        if isinstance(flow, GuideFlow) and continue_guide(ctx, flow):
            return
        if isinstance(flow, CallbackFlow) and handover.continue_callback(ctx, flow):
            return
        if understanding.is_impatient(ctx.text):
            self._on_impatience()
            return
        if flow is None and self.asked is not None and self._on_answer():
            return
        if flow is None and self.asked is None and self._on_bare_yes_no():
            return
        self._on_question(self.question or ctx.text)

    # ---- before the question ------------------------------------------------------------------

    def _follow_language(self) -> None:
        ctx = self.ctx
        if ctx.payload is not None or isinstance(ctx.state.flow, GuideFlow):
            return  # a button or a postcode says nothing about the resident's language
        # The widget's locale is a deliberate choice: the text overrides it only
        # with a clear signal ("paspoort" on the English page stays English).
        margin = 2 if ctx.message.locale else 1
        detected = language.detect(ctx.text, margin) if ctx.text else None
        chosen = detected or ctx.message.locale
        if chosen and chosen != ctx.conversation.language:
            ctx.conversation.language = chosen
            ctx.count(f"language:{chosen}")

    def _crisis_help(self, kind: str, gentle: bool = False) -> None:
        """The right numbers first; in office hours also a person at once. `gentle`: found by the
        classifier only, so the help is worded as a question (it may be a false alarm)."""
        ctx = self.ctx
        ctx.count("crisis")
        ctx.count(f"crisis:{kind}")
        if gentle:
            ctx.count("crisis_line")
            ctx.count(f"crisis_line:{kind}")
        ctx.state.flow = None
        ctx.state.asked = None
        links = self._crisis_links(kind)
        if gentle and kind != "homeless":
            text = ctx.say(f"crisis_line_{kind}")
        elif kind in CRISIS_TEXTS:
            text = ctx.say(CRISIS_TEXTS[kind])
            # Another crisis in the same message ("mijn man slaat me en ik wil niet meer leven"):
            # its number too, unless the help above already names it.
            others = [other for other in crisis_kinds(ctx.text or "") if other != kind]
            if "sexual" in others and "violence" in others:
                others.remove("violence")  # "verkracht" reads as both; the sexual-violence line is the one
            for other in others:
                key = f"crisis_also_{other}"
                if key in CRISIS_ALSO and CRISIS_ALSO[key] not in text:
                    text += " " + ctx.say(key)
        else:
            text = self._homeless_help(links)
        if ctx.first_turn:
            # Still say what Balie is (EU AI Act art. 50), after the help and in the same message.
            text += "\n\n" + ctx.say("greeting", tenant=ctx.tenant.name)
        current = ctx.conversation.handover
        if current is not None and current.status in ACTIVE_HANDOVER:
            current.urgent = True  # a person is (about to be) there: staff see it first
            current.crisis = current.crisis or kind
            ctx.add(text, links=links)
        elif ctx.live_possible:
            ctx.state.asked = PersonOffered(reason=f"crisis:{kind}", urgent=True, team=ctx.tenant.crisis.team)
            ctx.add(f"{text} {ctx.say('crisis_person_offer')}", links=links, buttons=[
                ctx.button("button_urgent_person", f"{URGENT}-{kind}"), ctx.button("button_no", "handover:no"),
            ])
        else:
            ctx.add(text, links=links)  # the numbers are there day and night; no promise of staff now

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

    def _crisis_links(self, kind: str) -> list[Link]:
        if kind not in CRISIS_LINKS:
            return []
        title, url = CRISIS_LINKS[kind]
        return [Link(title=self.ctx.say(title), url=url)]

    def _question_besides(self, text: str) -> str | None:
        """What a message the classifier flags also asks that the turn can answer: the message,
        or the clause of it, for which the matcher is confident of a topic ("How do I renew my
        passport? Honestly I feel like giving up on everything": the first clause). None when
        there is none (a "Bedoelt u ...?" after crisis help to a message that asked nothing
        would offer topics the resident never asked about), or a person has the conversation
        (they read it)."""
        ctx = self.ctx
        current = ctx.conversation.handover
        if current is not None and current.status in ACTIVE_HANDOVER:
            return None
        result = ctx.knowledge.matcher.classify(text)
        for asked, found in ((text, result), *((part.text, part.classification) for part in _asking(text, result))):
            intent = ctx.intent_of(found.intent)
            if found.decision == "answer" and intent is not None and intent.kind == "topic":
                return asked
        return None

    def _crisis_line(self, kind: str) -> None:
        """A crisis only the trained classifier sees, in a message that also asks something else:
        it is less sure and may be a false alarm, so the right number comes first in a caring
        question, and the turn goes on to the question the resident asked (in office hours with
        a button for a person now, as after crisis help, but without an open question)."""
        ctx = self.ctx
        ctx.count("crisis_line")
        ctx.count(f"crisis_line:{kind}")
        links = self._crisis_links(kind)
        text = ctx.say(f"crisis_line_{kind}") if kind != "homeless" else self._homeless_help(links)
        buttons = []
        if ctx.live_possible:
            text += " " + ctx.say("crisis_line_person")
            self.urgent_choice = ctx.button("button_urgent_person_now", f"{URGENT}-{kind}")
            buttons.append(self.urgent_choice)
        ctx.add(text, links=links, buttons=buttons)

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

    def _on_payload(self, payload: str) -> None:
        ctx, asked = self.ctx, self.asked
        kind, _, value = payload.partition(":")
        if kind == "intent":
            intent = ctx.intent_of(value)
            if intent is None:
                self._not_understood()
                return
            ctx.count("disambiguation_chosen")
            self._answer(intent, 1.0)
            if isinstance(asked, MoreTopicsOffered) or (isinstance(asked, ChoicesOffered) and asked.several):
                self._offer_more([other for other in asked.intents if other != value])
        elif kind == "choice":  # "iets anders" under "Bedoelt u ...?"
            ctx.count("disambiguation_other")
            if isinstance(asked, ChoicesOffered) and asked.question:
                ctx.unanswered.append(asked.question)  # none of the topics: the editors should see it
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
        answer = understanding.yes_no(ctx.text)
        if isinstance(asked, ChoicesOffered):
            return self._on_choice(asked, answer)
        if isinstance(asked, MoreTopicsOffered):
            number = understanding.chosen_number(ctx.text, len(asked.intents))
            if number is not None or (answer is not None and answer.yes and not answer.rest):
                chosen = asked.intents[(number or 1) - 1]
                self._on_payload(f"intent:{chosen}")
                return True
            return answer is not None and not answer.yes and self._declined_then(answer.rest)
        if answer is None:
            return False
        if isinstance(asked, FeedbackAsked):
            on_feedback(ctx, answer.yes, quietly=bool(answer.rest))
            if answer.rest:
                self._on_question(answer.rest)
            return True
        assert isinstance(asked, PersonOffered)
        if answer.yes:
            self._accept_offer(asked)
            return True
        return self._declined_then(answer.rest)

    def _on_bare_yes_no(self) -> bool:
        """"ja" or "nee" when no question is open: the feedback buttons still shown
        count it; else it needs no answer but an invitation."""
        ctx = self.ctx
        answer = understanding.yes_no(ctx.text)
        if answer is None or answer.rest:
            return False
        if ctx.state.feedback_open is not None:
            on_feedback(ctx, answer.yes)
        else:
            ctx.add(ctx.say("ask_question" if answer.yes else "person_declined"))
        return True

    def _on_choice(self, asked: ChoicesOffered, answer: understanding.YesNo | None) -> bool:
        ctx = self.ctx
        number = understanding.chosen_number(ctx.text, len(asked.intents))
        if number is not None:
            self._on_payload(f"intent:{asked.intents[number - 1]}")
            return True
        if answer is not None and answer.yes and not answer.rest:
            # "ja" to two or three options: which one?
            ctx.state.asked = asked
            ctx.add(ctx.say("choose_one"), buttons=self._choice_buttons(asked.intents))
            return True
        if (answer is not None and not answer.yes and not answer.rest) or understanding.none_of_these(ctx.text):
            self._on_payload("choice:other")
            return True
        return False

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
        if understanding.asks_for_person(text):
            self._request_person(reason="asked", routed_by=text)
            return
        if understanding.announces_question(text):
            ctx.count("question_announced")  # "ik heb een vraag": not a miss, the question comes next
            ctx.add(ctx.say("ask_question"))
            return
        topic = ctx.intent_of(ctx.state.topic)
        kinds = followups.detect_all(text)
        if kinds and followups.is_contextual(text):
            if topic is not None:
                answers.followup(ctx, answers.pick_followup(ctx, topic, kinds), topic.id, also=kinds)
            elif isinstance(self.asked, ChoicesOffered):
                # "hoe lang heb ik daarvoor?" right after "Bedoelt u WOZ / Bezwaar?": about one of
                # those, so the same choice again rather than "which topic?" from scratch.
                ctx.count("followup_before_choice")
                ctx.state.asked = self.asked
                ctx.add(ctx.say("choose_one"), buttons=self._choice_buttons(self.asked.intents))
            else:  # "kan dat ook online?" as the first question: about what?
                ctx.count("followup_without_topic")
                ctx.add(ctx.say("followup_no_topic"))
            return
        if topic is not None and facts.names_a_day(text) and self._about_topic_on_a_day(text, topic):
            answers.on_a_day(ctx, topic, text, kinds)  # "kan het ook op zaterdag?"
            return
        if topic is not None and understanding.asks_for_someone_else(text):
            # "en voor mijn man?" after moving house: the same topic for someone else (the matcher alone
            # read Wmo in it); the topic's answer applies to them too.
            ctx.count("followup_someone_else")
            answers.answer(ctx, topic, 1.0, text)
            return
        if understanding.asks_whom_to_call(text) and self._team_contact(topic):
            return
        # "wat kan ik doen?", "hoe lang is die geldig?": the current topic's answer says it.
        if understanding.asks_how(text) or understanding.asks_validity(text):
            if topic is not None:
                ctx.count("followup_how")
                # After "paspoort gestolen in Spanje", "wat moet ik nu doen?" is about that detail
                # (embassy, emergency passport), not how to apply at home.
                carried = [ctx.state.detail] if ctx.state.detail and understanding.asks_how(text) else None
                answers.answer(ctx, topic, 1.0, text, asked_details=carried)
            else:
                ctx.count("followup_without_topic")
                ctx.add(ctx.say("followup_no_topic"))
            return
        if topic is not None and self._on_own_detail(text, topic):
            return
        asked_details = details.detect(text) or details.carried(text, ctx.state.detail, ctx.state.topic)
        result = ctx.knowledge.matcher.classify(text)
        # A detail first: "mijn moeder is overleden, moet ik haar parkeervergunning opzeggen?" is
        # one question about the permit, told with its reason, not two topics.
        if asked_details and self._on_detail(text, asked_details, topic, result):
            return
        if len(result.parts) >= 2 and self._several_topics(text, result):
            return
        if not result.parts:
            # Topics joined by "en" in one sentence: answered when the matcher answers the whole of
            # a short question ("ik ben mijn rijbewijs kwijt en mijn paspoort ook"), else asked about.
            joined = self._joined_topics(text, result)
            sure = result.decision == "answer" and len(text.split()) < understanding.STORY_WORDS
            if joined.parts and self._several_topics(text, joined, sure):
                return
        # A story's cost, duration or "online" is told in passing; only a short question is a follow-up.
        if (kinds and result.decision != "answer" and len(text.split()) < understanding.STORY_WORDS
                and self._on_followup_with_words(text, kinds, topic)):
            return
        self._decide(result, text, kinds)

    def _about_topic_on_a_day(self, text: str, topic: "ResolvedIntent") -> bool:
        """A question about the current topic on a day it names: one that points back and names
        nothing else ("kan het ook op zaterdag?"), or one whose other words the matcher reads as
        that topic when the tenant's fees name the day ("can we marry on a saturday?" after the
        wedding: the Saturday fee)."""
        rest = facts.without_days(text)
        if followups.points_back(text) and followups.is_contextual(rest):
            return True
        weekdays = facts.asked_weekdays(text)
        if not weekdays or facts.fees(self.ctx.tenant, topic.id, self.ctx.promises, weekdays) is None:
            return False
        reading = self.ctx.knowledge.matcher.classify(rest)
        return reading.decision != "reject" and topic.id in {candidate.intent for candidate in reading.candidates}

    def _on_followup_with_words(self, text: str, kinds: list[str], topic: "ResolvedIntent | None") -> bool:
        """A follow-up with words of its own that the matcher does not place: the topic those
        words name ("oh en nog iets, hondenbelasting, wat kost dat eigenlijk"), else the current
        topic when the question points back at it ("hoeveel kost dat op een zaterdag?",
        "moet ik daarvoor langskomen of kan 't digitaal?", "en voor m'n zoontje van 3?")."""
        ctx = self.ctx
        # The words alone name a new topic only in a conversation, where a follow-up is elliptical
        # ("oh en nog iets, hondenbelasting, wat kost dat?"). A first question is whole, and the
        # matcher has read all of it: "wanneer moet ik mijn identiteitsbewijs tonen?" is not the
        # id card's deadline, so the matcher's doubt stands ("Bedoelt u ...?").
        words = followups.subject(text) if topic is not None else ""
        named = ctx.knowledge.matcher.classify(words) if words else None
        intent = ctx.intent_of(named.intent) if named is not None else None
        if named is not None and named.decision == "answer" and intent is not None and intent.kind == "topic":
            self._answer(intent, named.score, text, kinds)
            return True
        if topic is not None and followups.points_back(text):
            ctx.count("followup_with_words")
            answers.followup(ctx, answers.pick_followup(ctx, topic, kinds), topic.id, also=kinds)
            return True
        return False

    def _on_own_detail(self, text: str, topic: "ResolvedIntent") -> bool:
        """A detail of the current topic's own, asked or told without naming the topic again
        ("hoeveel getuigen heb ik nodig?" after the wedding, "ik heb een uitkering" after the tax
        waiver, "voor mijn nieuwe baan" after the BRP extract): that detail's answer. Not when what
        the message says besides the detail's words is another topic ("ik heb een uitkering, kan ik
        bijzondere bijstand krijgen?"), nor for a question of its own about another topic ("kan ik
        een uitkering aanvragen?" asks for welfare; "en als ik een uitkering heb?" points back)."""
        ctx = self.ctx
        own = topic.detail_for(text)
        # A follow-up asked with it is answered as one ("wat kost een uittreksel voor mijn werk?": the price).
        if own is None or len(text.split()) >= understanding.STORY_WORDS or followups.detect_all(text):
            return False
        readings = [phrases.without(text, own.words)]
        if understanding.is_question(text) and not followups.points_back(text):
            readings.append(text)
        for reading in readings:
            if followups.is_contextual(reading):
                continue
            named = ctx.knowledge.matcher.classify(reading)
            other = ctx.intent_of(named.intent)
            if named.decision == "answer" and other is not None and other.kind == "topic" and other.id != topic.id:
                return False
        ctx.count("followup_detail")
        answers.answer(ctx, topic, 1.0, text)  # the detail's answer (`ResolvedIntent.detail_for`)
        return True

    def _team_contact(self, topic: "ResolvedIntent | None") -> bool:
        """"wie kan ik bellen?": the current topic's team (else the default team), its phone and
        e-mail, honest about the hours."""
        ctx = self.ctx
        contact = ctx.promises.team_contact(ctx.team(ctx.team_id(topic.team if topic is not None else None)))
        if contact is None:
            return False
        ctx.intent, ctx.confidence = (topic.id if topic is not None else None), 1.0
        ctx.state.misses = 0
        ctx.count("team_contact")
        ctx.add(contact, buttons=[ctx.person_button()])
        return True

    def _on_detail(self, text: str, asked_details: list[str], topic: "ResolvedIntent | None",
                   result: "Classification") -> bool:
        """A question with a detail (lost abroad, after a death, how it is going, ...),
        answered for the topic that has it. The topic is, in this order: the current
        one when the rest of the message names none ("hoe staat het ervoor?"), the one
        the rest names once the detail's words are taken out ("mijn moeder is overleden,
        moet ik haar parkeervergunning opzeggen?"), the matcher's own winner, the
        current topic, the detail's home topic ("noodpaspoort"); else, for how an
        application is going, an honest answer without a topic."""
        ctx = self.ctx
        rest = details.without_cues(text)
        detail = answers.detail_of(topic, asked_details) if topic is not None else None
        # The current topic, when it answers the most specific detail asked ("ik woon in Polen en
        # verhuis terug" after the passport is about moving back, not a passport abroad).
        if topic is not None and detail is not None and detail == asked_details[0] and followups.is_contextual(rest):
            answers.answer_detail(ctx, topic, detail)
            return True
        # The current topic for someone else, told with a detail it has no answer of its own for ("voor
        # mijn moeder, ze kan niet zelf komen" after the disabled parking card): its answer, not the
        # topic the matcher reads in "mijn moeder" alone (Wmo).
        if (topic is not None and detail is None and rest != understanding.without_someone_else(rest)
                and followups.is_contextual(understanding.without_someone_else(rest))):
            ctx.count("followup_someone_else")
            answers.answer(ctx, topic, 1.0)
            return True
        # Guesses below the threshold only count when the rest names something at all.
        names_something = not followups.is_contextual(rest)
        if asked_details[0] == "status" and topic is None and followups.is_contextual(text):
            # "ik heb 3 weken geleden een aanvraag gedaan en nog niks gehoord": the matcher's topic
            # comes from the waiting words alone (Bezwaar, Wmo); which application is not said. (The
            # whole message, not the rest: a status phrase may hold the topic, "wanneer is mijn paspoort klaar".)
            self._status_unknown()
            return True
        guesses = [ctx.knowledge.matcher.classify(rest) if names_something else None, result]
        chosen = self._detail_topic([guess for guess in guesses if guess is not None], asked_details, names_something)
        if chosen is not None:
            answers.answer(ctx, chosen[0], chosen[1], text, asked_details)
            return True
        named_any = any(guess is not None and guess.decision == "answer" for guess in guesses)
        home = next((ctx.intent_of(details.HOME_TOPIC[kind]) for kind in asked_details
                     if kind in details.HOME_TOPIC and ctx.intent_of(details.HOME_TOPIC[kind]) is not None), None)
        if topic is not None and detail is not None and (detail == asked_details[0] or home is None or named_any):
            answers.answer_detail(ctx, topic, detail)
            return True
        if named_any:
            return False  # the message names a topic that has no answer for this detail: answer that topic
        if (home is not None and len(text.split()) < understanding.STORY_WORDS
                and (not _plausible(result) or home.id in {guess.intent for guess in _plausible(result)})):
            # The detail's own words name the topic ("noodpaspoort", "ik ga emigreren") unless the
            # matcher reads another topic in the message. In a story they are mostly background (a
            # father who died in care, and a question about who should have told his children):
            # the matcher decides there.
            answers.answer(ctx, home, 1.0, text, asked_details)
            return True
        if "status" in asked_details:
            self._status_unknown()
            return True
        return False

    def _status_unknown(self) -> None:
        """How an application is going, with no topic to tell it for: where to look, and a person."""
        ctx = self.ctx
        ctx.count("detail:status")
        ctx.state.misses = 0
        ctx.add(f"{ctx.say('detail_status_unknown')} {ctx.person_line()}", buttons=[ctx.person_button()])

    def _detail_topic(self, guesses: list["Classification"], asked_details: list[str],
                      names_something: bool) -> tuple["ResolvedIntent", float] | None:
        """The topic a detail question is about: among the matcher's guesses (also below
        its threshold: the detail is evidence too), one with its own answer for the
        detail; else a confident winner (general details such as status apply to any)."""
        ctx = self.ctx
        homes = {details.HOME_TOPIC.get(kind) for kind in asked_details}
        for guess in guesses if names_something else ():
            for candidate in _plausible(guess):
                intent = ctx.intent_of(candidate.intent)
                if (intent is not None and candidate.score >= DETAIL_EVIDENCE and intent.id not in homes
                        and any(kind in intent.variants for kind in asked_details)):
                    return intent, candidate.score
        for guess in guesses:
            intent = ctx.intent_of(guess.intent)
            if (guess.decision == "answer" and intent is not None and intent.kind == "topic" and not intent.handover
                    and answers.detail_of(intent, asked_details) is not None):
                return intent, guess.score
        return None

    def _decide(self, result: "Classification", text: str, kinds: list[str]) -> None:
        ctx = self.ctx
        intent = ctx.intent_of(result.intent)
        if result.decision == "answer" and intent is not None:
            self._answer(intent, result.score, text, kinds)
            return
        if understanding.asks_for_callback(text):
            self._request_person(reason="asked", routed_by=text)  # "bel me terug aub"
            return
        meant = self._meant_in_context(result, text) if result.decision == "clarify" else None
        if meant is not None:
            ctx.count("clarified_by_context")
            self._answer(meant, result.score, text, kinds)
            return
        topic = ctx.intent_of(ctx.state.topic)
        if (result.decision == "reject" and topic is not None and understanding.is_question(text)
                and followups.is_contextual(text)):
            # "do I need to tell the municipality?" after the dog died: a question about what was just
            # answered that names nothing of its own, and that the matcher cannot place. The topic's answer
            # says it. (A question with words of its own the knowledge base lacks: "Dat weet ik niet" and
            # the topic's page, in `_not_understood`.)
            ctx.count("followup_nothing_named")
            answers.answer(ctx, topic, 1.0, text)
            return
        if result.decision == "clarify" and topic is not None and understanding.continues(text):
            # "en als het meer dan 100 mensen zijn?" after the event permit: the conversation goes on about
            # its topic, which the matcher does not guess; its guesses (Inkomenstoeslag, Overlast) are noise.
            self._not_understood(text)
            return
        if result.decision == "clarify":
            # One or two words ("12", "help") say too little for a guessed second topic: "vertel iets meer".
            choices = self._choices(result, RUNNER_UP_FLOOR if len(text.split()) > 2 else None)
            if len(choices) >= 2:
                self._disambiguate(choices, result.score, text)
                return
        if understanding.is_frustrated(text):
            self._on_frustration()
            return
        self._not_understood(text)

    def _on_frustration(self) -> None:
        """"dit slaat nergens op" after an answer is a thumbs down for it; without one, the same
        apology: ask again in other words, or a person. Not "Daar kan ik u niet mee helpen"."""
        ctx = self.ctx
        ctx.count("frustration")
        if ctx.state.feedback_open is not None:
            on_feedback(ctx, helpful=False)
        else:
            say_sorry(ctx)

    def _meant_in_context(self, result: "Classification", text: str) -> "ResolvedIntent | None":
        """The one guess of the matcher that the conversation already points at: the topic just
        answered when the question points back at it or names nothing else ("kan ik dat melden?"
        after litter, "wat moet ik regelen?" after a death) or when it is the first guess, or the one option of the "Bedoelt u"
        just asked that the matcher guesses again ("moet ik die aangeven?" after Geboorte / Erkennen)."""
        ctx = self.ctx
        candidates = result.candidates
        guessed = {candidate.intent for candidate in candidates}
        topic = ctx.intent_of(ctx.state.topic)
        if topic is not None and topic.id in guessed and (followups.points_back(text) or followups.is_contextual(text)):
            return topic
        # The matcher's own first guess is the topic just answered: a short question (not a bare
        # word such as "reisdocument", which asks for the choice) in a conversation stays on its topic ("how far in advance do I need to book?" after the wedding,
        # where "book" also suggests an event permit).
        if (topic is not None and candidates and candidates[0].intent == topic.id and understanding.is_question(text)
                and 2 < len(text.split()) < understanding.STORY_WORDS):
            return topic
        if isinstance(self.asked, ChoicesOffered):
            again = [intent for intent in self.asked.intents if intent in guessed]
            if len(again) == 1:
                return ctx.intent_of(again[0])
        return None

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
            if understanding.asks_how_to(text):  # "hoe verleng ik mijn paspoort en wat kost het?": both
                answers.answer(ctx, intent, score, text, with_followup=kind)
            else:  # "wat kost een paspoort?": the follow-up of the matched topic.
                answers.followup(ctx, kind, intent.id, score, also=kinds or [])
            return
        answers.answer(ctx, intent, score, text)

    def _several_topics(self, text: str, result: "Classification", sure: bool = True) -> bool:
        """Two questions in one message: answer the first, offer the others (each topic once).
        The clauses that ask something come first ("ik ben verhuisd. wanneer wordt mijn afval
        opgehaald?"). Only a clause that asks is answered in a story (`_asking`); the topics
        it tells besides are offered, and a story that asks none gets "Bedoelt u ...?" with them,
        as does a message whose topics are not `sure` (unless the matcher answers the whole)."""
        ctx = self.ctx
        found: list[tuple[str, "Classification"]] = []
        for part in sorted(result.parts, key=lambda part: not understanding.is_question(part.text)):
            intent = ctx.intent_of(part.classification.intent)
            if (part.classification.decision == "answer" and intent is not None and intent.kind == "topic"
                    and not intent.handover and all(intent.id != seen.intent for _, seen in found)):
                found.append((part.text, part.classification))
        if len(found) < 2:
            return False
        if not sure or found[0][0] not in {part.text for part in _asking(text, result)}:
            if result.decision == "answer":
                return False  # the matcher reads the whole story as one topic
            # A story that tells of several topics and asks none of them: which one is it about?
            topics = [ctx.intent_of(c.intent) for _, c in found]
            self._disambiguate([topic for topic in topics if topic is not None][:MAX_CHOICES], result.score, text,
                               several=True)
            return True
        ctx.count("several_topics")
        first_text, first = found[0]
        self._decide(first, first_text, followups.detect_all(first_text))
        self._offer_more([c.intent for _, c in found[1:] if c.intent])
        return True

    def _joined_topics(self, text: str, result: "Classification") -> "Classification":
        """`result` with the stretches of a sentence joined by "en" that each name a topic as its
        parts ("ik ben mijn rijbewijs kwijt en mijn paspoort ook": the matcher keeps one clause and
        reads the driving licence only); no parts when fewer than two name one."""
        from ..matcher import Part  # the matcher's package loads on first use (cold start)

        stretches = [stretch for stretch in _JOINING.split(text) if stretch.strip()]
        if len(stretches) < 2:
            return result
        parts = [Part(stretch, self.ctx.knowledge.matcher.classify(stretch)) for stretch in stretches]
        named = [part for part in parts if part.classification.decision == "answer"]
        return replace(result, parts=named if len(named) >= 2 else [])

    def _offer_more(self, intents: list[str]) -> None:
        ctx = self.ctx
        if not intents:
            return
        ctx.state.asked = MoreTopicsOffered(intents=intents)
        ctx.add(ctx.say("more_topics"), buttons=[
            Button(title=ctx.knowledge.intents[intent].title.get(ctx.language), payload=f"intent:{intent}")
            for intent in intents if intent in ctx.knowledge.intents
        ])

    def _choices(self, result: "Classification", runner_up_floor: float | None = None) -> list["ResolvedIntent"]:
        """2-3 real topics to offer as "Bedoelt u ...?" (system intents dropped): the matcher's
        candidates; with `runner_up_floor`, a lone favourite also gets the next real guess that
        scores at least that share of the favourite's score (RUNNER_UP_FLOOR)."""
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
            found += [intent for guess in result.alternatives if guess.score >= floor
                      for intent in [topic(guess.intent)] if intent is not None and intent not in found][:1]
        return found[:MAX_CHOICES]

    def _disambiguate(self, choices: list["ResolvedIntent"], score: float, question: str = "",
                      several: bool = False) -> None:
        """"Bedoelt u ...?" with `choices`; `several`: the message named each of them (the others are
        offered after the one chosen)."""
        ctx = self.ctx
        ctx.count("disambiguation")
        ctx.confidence = score
        ctx.state.asked = ChoicesOffered(intents=[intent.id for intent in choices],
                                         question=privacy.redact(question) if question else None, several=several)
        ctx.add(ctx.say("disambiguate"), buttons=self._choice_buttons([intent.id for intent in choices]))

    def _choice_buttons(self, intent_ids: list[str]) -> list[Button]:
        ctx = self.ctx
        buttons = [Button(title=ctx.knowledge.intents[i].title.get(ctx.language), payload=f"intent:{i}")
                   for i in intent_ids if i in ctx.knowledge.intents]
        return buttons + [ctx.button("button_something_else", "choice:other")]

    def _not_understood(self, text: str = "") -> None:
        """Gibberish: "Dat begrijp ik niet". A real question out of scope: what Balie
        can help with. The second miss in a row offers a person."""
        ctx = self.ctx
        ctx.count("fallback")
        if text:
            ctx.unanswered.append(privacy.redact(text))
        ctx.state.misses += 1
        if ctx.state.misses >= MISSES_BEFORE_OFFER:
            ctx.count("handover_offered")
            ctx.state.asked = PersonOffered(reason="not_understood")
            moment = None if ctx.live_possible else ctx.promises.callback()
            offer = ctx.say("offer_callback", moment=moment) if moment else ctx.say("offer_person")
            ctx.add(offer, buttons=ctx.yes_no_buttons())
            return
        said = text or ctx.text
        topic = ctx.intent_of(ctx.state.topic)
        if understanding.is_gibberish(said):
            ctx.add(ctx.say("not_understood"))
        elif len(said.split()) <= 2:  # "afval", "formulier": too little to say it is out of scope
            ctx.add(ctx.say("too_short"))
        elif (topic is not None and topic.kind == "topic" and understanding.is_question(said)
              and len(said.split()) < understanding.STORY_WORDS):
            # "krijg ik bericht als het is opgeruimd?" after litter, "can my friend officiate?" after
            # the wedding: most likely a detail of the topic just answered that the knowledge base
            # lacks. "I answer questions about the municipality" would tell the resident they asked
            # something odd; the topic's page and a person are where the answer is.
            ctx.count("unknown_in_topic")
            ctx.add(f'{ctx.say("unknown_in_topic", topic=topic.title.get(ctx.language))} {ctx.person_line()}',
                    links=[ctx.link(link) for link in topic.links], buttons=[ctx.person_button()])
        else:
            ctx.add(*referrals.scope_message(ctx, said))

    # ---- a person ---------------------------------------------------------------------------------------

    def _accept_offer(self, offer: PersonOffered) -> None:
        # After misses or crisis help the topic says little about the question: the default team.
        team = offer.team or (None if offer.reason.startswith("intent:") else self.ctx.tenant.default_team)
        self._request_person(reason=offer.reason, team=team, urgent=offer.urgent, consented=True,
                             crisis=_crisis_of(offer))

    def _decline_person(self) -> None:
        self.ctx.state.misses = 0
        after_crisis = isinstance(self.asked, PersonOffered) and self.asked.reason.startswith("crisis")
        self.ctx.add(self.ctx.say("crisis_declined" if after_crisis else "person_declined"))

    def _request_person(self, *, reason: str, team: str | None = None, routed_by: str = "", urgent: bool = False,
                        consented: bool = False, crisis: str | None = None) -> None:
        """A person: for the topic named with the request ("iemand spreken over mijn
        parkeervergunning"), else the current topic's team, else the default team."""
        ctx = self.ctx
        ctx.count("handover_requested")
        ctx.state.flow = None
        ctx.state.misses = 0
        if team is None:
            routed = self._topic_of_request(routed_by) if routed_by else None
            if routed is not None:
                ctx.state.topic = routed.id
            current = routed or ctx.intent_of(ctx.state.topic)
            team = current.team if current is not None and reason != "not_understood" else None
        if ctx.intent is None and "medewerker" in ctx.knowledge.intents:
            ctx.intent, ctx.confidence = "medewerker", 1.0  # the resident said so in so many words
        handover.request(ctx, team=team, reason=reason, urgent=urgent, consented=consented, crisis=crisis)

    def _topic_of_request(self, text: str) -> "ResolvedIntent | None":
        rest = understanding.without_person_request(text)
        if len(rest) < 3:
            return None
        result = self.ctx.knowledge.matcher.classify(rest)
        intent = self.ctx.intent_of(result.intent)
        if result.decision == "answer" and intent is not None and intent.kind == "topic" and not intent.handover:
            return intent
        if result.decision == "clarify":
            # Too short to answer ("over mijn aanslag"), but enough to route: the candidates' one team.
            topics = self._choices(result)
            if topics and len({topic.team for topic in topics}) == 1:
                return topics[0]
        return None


def _asking(text: str, result: "Classification") -> list["Part"]:
    """The clauses of a message that may each be answered as a topic of their own: all of a
    short message ("ik ben verhuisd. wanneer wordt mijn afval opgehaald?"), but of a story only
    those that ask something. A story's telling clauses are background the matcher scores
    without their story ("... waar je je papier. plastic enz. kwijt kunt." left "kwijt kunt.",
    read Kwijtschelding; "ik heb netjes online een afspraak gemaakt" in a complaint about bulky
    waste read Afspraak); what a story asks as a whole is the matcher's to decide."""
    if len(text.split()) < understanding.STORY_WORDS:
        return list(result.parts)
    return [part for part in result.parts if understanding.is_question(part.text)]


def _plausible(guess: "Classification") -> list["Alternative"]:
    """The guesses of the matcher a detail may name the topic with: those it would offer
    ("Bedoelt u ...?" candidates, within half of its favourite) when it answers or asks, and
    below that only a lone favourite. Two close guesses in a story the matcher rejects are
    no evidence: "mijn man is overleden ... een uitnodiging van de gemeente" read Wmo 0.18 and
    Klacht 0.15, and the detail picked Wmo for a complaint."""
    candidates = guess.candidates
    return candidates if guess.decision != "reject" or len(candidates) == 1 else []


def _crisis_of(asked: Asked | None) -> str | None:
    """The crisis kind of an offer of a person made after crisis help (reason "crisis:<kind>")."""
    if isinstance(asked, PersonOffered) and asked.reason.startswith("crisis:"):
        return asked.reason.partition(":")[2]
    return None

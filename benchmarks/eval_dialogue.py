"""`make eval-dialogue`: what residents get from the dialogue for real messages (issues 14, 15).

`make eval-real` judges the matcher's decision; this sends each message of
benchmarks/data/real_questions.tsv as the first message of a new conversation through the
dialogue engine itself (tenant `voorbeeld`, in memory, Tuesday 10:00, office hours) and
judges what the resident reads:

  answered_right    in-scope rows answered with a right intent (`intent` or one of `alt`)
  answered_wrong    rows of all kinds answered with a wrong intent (out-of-scope rows count)
  choice_right      in-scope rows that get "Bedoelt u ...?" with a right topic among the buttons
  choice_wrong      rows that get "Bedoelt u ...?" without a right topic (out-of-scope rows: any)
  not_answered      rows that get neither (the scope message, "vertel iets meer", ...)
  one_option        "Bedoelt u ...?" with fewer than two topic buttons (must stay 0)
  asked_right       in-scope rows whose one guessed topic is asked about in words ("Gaat uw vraag over
                    Afvalcontainer?", answered on a typed "ja") and is a right one
  asked_wrong       rows asked about a wrong topic that way (out-of-scope rows: any); the topic is read
                    from the answer to a typed "ja"
  listed            rows that reach the editors' list of unanswered questions, either at once or
                    after the resident presses "iets anders" under a "Bedoelt u ...?" without a
                    right topic (what a resident would do)
  answered_by       per rule of the dialogue that gave the answer, the answered rows and the
                    wrong ones among them (`[answered, wrong]`, counts): `matcher` (its answer for
                    the whole message), `detail` (a detail's variant or topic), `guess_detail` (a
                    topic's own `details:` entry named in a message the matcher does not answer, for
                    one of its guesses), `several` (the
                    clauses of a message with several topics), `crisis_question` (the question
                    beside a crisis line), `person` (a request for a person)

Shares of the part's in-scope rows (answered_right, choice_right, asked_right, not_answered), of its
out-of-scope rows (`oos_*`) and of all rows (answered_wrong, choice_wrong, asked_wrong, one_option).
The tuning part and the probes may be printed row by row (`--details`); the report part only ever in
aggregate.
Part `probe` is benchmarks/data/dialogue_probes.tsv, written by the team (never in the knowledge base).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from balie_local.kb_tools import REAL_QUESTIONS, RealQuestion, read_real_questions
from core.dialogue.engine import Engine
from core.effects import PortEffectDispatcher
from core.memory import InMemoryConversationStore, InMemoryHandoverTimeouts, InMemoryTicketQueue
from core.models import Channel, InboundKind, InboundMessage
from core.opening_hours import AMSTERDAM

# The team's own probes in the same format (split `probe`): 40 out-of-scope messages a resident might
# send a municipality (weather, a visum, a landlord, the dog in the swimming pool) and 35 in-scope ones.
PROBES = Path(__file__).parent / "data" / "dialogue_probes.tsv"
TUESDAY_MORNING = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)
OTHER = "choice:other"
# The turn's counters that name the rule an answer came from, checked in this order.
RULES = (("crisis_line", "crisis_question"), ("several_topics", "several"), ("detail_of_a_guess", "guess_detail"),
         ("detail:", "detail"),
         ("handover_requested", "person"))


def rule_of(counts: dict[str, int]) -> str:
    return next((rule for prefix, rule in RULES if any(name.startswith(prefix) for name in counts)), "matcher")


@dataclass(frozen=True, slots=True)
class Outcome:
    intent: str | None  # the answered intent
    options: tuple[str, ...]  # the topics of a "Bedoelt u ...?" (empty: none asked)
    listed: bool  # the question reached the editors' list of unanswered questions
    rule: str = "matcher"  # the dialogue's rule that gave the answer (see `answered_by`)
    asked_about: str | None = None  # the one topic asked about in words ("Gaat uw vraag over ...?")

    @property
    def asked(self) -> bool:
        return bool(self.options)


class Resident:
    """Sends one message as a new conversation and reads the reply as a resident would."""

    def __init__(self, tenant: str) -> None:
        from adapters.kb_files import FileKnowledge

        self.tenant = tenant
        self.engine = Engine(InMemoryConversationStore(), FileKnowledge(),
                             PortEffectDispatcher(InMemoryTicketQueue(), InMemoryHandoverTimeouts()),
                             lambda: TUESDAY_MORNING)

    def _send(self, text: str, payload: str | None = None, conversation_id: str | None = None):
        return self.engine.handle_turn(InboundMessage(
            tenant=self.tenant, channel=Channel.WEB, kind=InboundKind.BUTTON if payload else InboundKind.TEXT,
            text=text, payload=payload, conversation_id=conversation_id))

    def ask(self, question: RealQuestion) -> Outcome:
        turn = self._send(question.text)
        payloads = [button.payload for message in turn.reply.messages for button in message.buttons]
        listed = turn.counts.get("unanswered", 0) > 0
        if turn.counts.get("lone_favourite_asked"):
            yes = self._send("ja", None, turn.reply.conversation_id)
            return Outcome(None, (), listed, asked_about=yes.reply.intent)
        if OTHER not in payloads:
            return Outcome(turn.reply.intent, (), listed, rule_of(turn.counts))
        options = tuple(payload.partition(":")[2] for payload in payloads if payload.startswith("intent:"))
        if not set(options) & question.accepted:  # none fits: the resident presses "iets anders"
            other = self._send("Iets anders", OTHER, turn.reply.conversation_id)
            listed = listed or other.counts.get("unanswered", 0) > 0
        return Outcome(None, options, listed)


def figures(rows: list[tuple[RealQuestion, Outcome]]) -> dict[str, float | int]:
    in_scope = [(q, o) for q, o in rows if q.intent is not None]
    out_of_scope = [(q, o) for q, o in rows if q.intent is None]
    answered = [o for _, o in rows if o.intent is not None]
    wrong = [o for q, o in rows if o.intent is not None and o.intent not in q.accepted]

    def share(count: int, total: int) -> float:
        return round(count / total, 4) if total else 0.0

    return {
        "rows": len(rows),
        "in_scope": len(in_scope),
        "answered_right": share(sum(o.intent in q.accepted for q, o in in_scope), len(in_scope)),
        "choice_right": share(sum(bool(set(o.options) & q.accepted) for q, o in in_scope), len(in_scope)),
        "asked_right": share(sum(o.asked_about in q.accepted for q, o in in_scope), len(in_scope)),
        "not_answered": share(sum(o.intent is None and not o.asked and o.asked_about is None for _, o in in_scope),
                              len(in_scope)),
        "in_scope_listed": share(sum(o.listed for _, o in in_scope), len(in_scope)),
        "answered_wrong": share(sum(o.intent is not None and o.intent not in q.accepted for q, o in rows), len(rows)),
        "choice_wrong": share(sum(o.asked and not set(o.options) & q.accepted for q, o in rows), len(rows)),
        "asked_wrong": share(sum(o.asked_about is not None and o.asked_about not in q.accepted for q, o in rows), len(rows)),
        "one_option": share(sum(0 < len(o.options) < 2 for _, o in rows), len(rows)),
        "oos_answered": share(sum(o.intent is not None for _, o in out_of_scope), len(out_of_scope)),
        "oos_choice": share(sum(o.asked for _, o in out_of_scope), len(out_of_scope)),
        "oos_asked": share(sum(o.asked_about is not None for _, o in out_of_scope), len(out_of_scope)),
        "oos_scope_message": share(sum(o.intent is None and not o.asked and o.asked_about is None for _, o in out_of_scope),
                                   len(out_of_scope)),
        "oos_listed": share(sum(o.listed for _, o in out_of_scope), len(out_of_scope)),
        "answered_by": {rule: [sum(o.rule == rule for o in answered), sum(o.rule == rule for o in wrong)]
                        for rule in sorted({o.rule for o in answered})},
    }


def describe(outcome: Outcome) -> str:
    if outcome.intent is not None:
        return f"answer {outcome.intent}"
    if outcome.asked:
        return "choice " + "/".join(outcome.options)
    if outcome.asked_about is not None:
        return f"asked {outcome.asked_about}"
    return "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenant", default="voorbeeld")
    parser.add_argument("--questions", default=str(REAL_QUESTIONS))
    parser.add_argument("--probes", default=str(PROBES), help="the team's own messages, reported as part `probe`")
    parser.add_argument("--details", action="store_true",
                        help="print the tuning part and the probes row by row (never the report part)")
    args = parser.parse_args(argv)
    resident = Resident(args.tenant)
    questions = read_real_questions(Path(args.questions)) + read_real_questions(Path(args.probes))
    if args.details:
        for question in (q for q in questions if q.split in ("tune", "probe")):
            outcome = resident.ask(question)
            right = (outcome.intent in question.accepted or bool(set(outcome.options) & question.accepted)
                     or outcome.asked_about in question.accepted)
            verdict = "ok" if right or (question.intent is None and outcome.intent is None and not outcome.asked
                                        and outcome.asked_about is None) else "-"
            listed = "listed" if outcome.listed else ""
            print(f"{verdict:3} {describe(outcome):52} {listed:6} {outcome.rule if outcome.intent else '':15} "
                  f"[{question.intent or '-'}] {question.text[:100]}")
        return 0
    outcomes = [(question, resident.ask(question)) for question in questions]
    report = {}
    for part in ("tune", "report", "probe"):
        rows = [(q, o) for q, o in outcomes if q.split == part]
        report[part] = {"all": figures(rows)} | {kind: figures([(q, o) for q, o in rows if q.kind == kind])
                                                  for kind in ("faq", "story")}
    print(json.dumps({"tenant": args.tenant} | report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

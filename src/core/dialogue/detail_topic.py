"""Which topic a question with a detail is about, and its answer.

A detail (`details.DETAIL_KINDS`: lost abroad, after a death, how an application is going,
...) decides which of a topic's answers fits; the topic itself may be the current one, the
one the rest of the message names, the matcher's winner or the detail's home topic
("noodpaspoort" is the passport's). `Turn` calls `on_detail` before the matcher's own
decision: "mijn moeder is overleden, moet ik haar parkeervergunning opzeggen?" is one
question about the permit, told with its reason, not two topics.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..kb.phrases import KeyWords
from ..models import Role
from . import answers, clauses, current_topic, details, followups
from .context import TurnContext

if TYPE_CHECKING:
    from ..kb.compiled import ResolvedIntent, TenantKnowledge
    from ..matcher import Alternative, Classification

# A guess of the matcher this good names the topic of a detail question that has its own
# answer for that detail, even below the answer threshold.
DETAIL_EVIDENCE = 0.15
# A message that asks nothing this short may be the question itself ("ik heb een ander kenteken",
# "I'm abroad on election day"): half a story (clauses.STORY_WORDS).
TOLD_WORDS = 10
# What is there or came down, told in a sentence that names one topic's own detail by its words, up to this many
# words ("a big branch fell on my car during the storm last night", 11): the detail's words say what it is about.
TOLD_THERE_WORDS = 15
# From this many words a story's detail is not read from a guess at all (`own_detail_of_a_guess`): set on the
# eval-dialogue tuning part (two stories of 50-54 words answered right, two of 74 and 128 words answered wrong).
GUESS_STORY_WORDS = 3 * clauses.STORY_WORDS
# A clause that asks names its topic beside a detail when one of its words alone is read as that topic this surely
# (`Matcher.word_reads_as`: "paspoort" 1.00 in "moet ik haar paspoort inleveren?"); the gemeente's own name names no
# topic ("wat moet ik nu doen bij de gemeente": Gemeentelijke belastingen 0.53 as a whole, read in "gemeente", whose
# best reading alone is the opening hours 0.36). As `turn.SUBJECT_WORD_SCORE`.
CLAUSE_TOPIC_WORD_SCORE = 0.6
# Where a message's clauses part: after a sentence's or a comma's mark.
_SENTENCES = re.compile(r"(?<=[.?!;,])\s+")


def on_detail(ctx: TurnContext, text: str, asked_details: list[str], topic: "ResolvedIntent | None",
              result: "Classification") -> bool:
    """A question with a detail (lost abroad, after a death, how it is going, ...),
    answered for the topic that has it. The topic is, in this order: the current
    one when the rest of the message names none ("hoe staat het ervoor?"), the one
    the rest names once the detail's words are taken out ("mijn moeder is overleden,
    moet ik haar parkeervergunning opzeggen?"), the matcher's own winner, the first
    other topic the rest names by its title, the current topic, the detail's home
    topic ("noodpaspoort"); else, for how an
    application is going, an honest answer without a topic."""
    if (asked_details[0] == "dier_overleden" and details.home_topic("dier_overleden", text) is None
            and len(text.split()) < clauses.STORY_WORDS):
        _pet_died(ctx)  # "en ons konijn is ook dood" after the dog tax: no dog, nothing to deregister
        return True
    rest = details.without_cues(text)
    detail = answers.detail_of(topic, asked_details) if topic is not None else None
    # The current topic, when it answers the most specific detail asked ("ik woon in Polen en
    # verhuis terug" after the passport is about moving back, not a passport abroad).
    if topic is not None and detail is not None and detail == asked_details[0] and followups.is_contextual(rest):
        asked = followups.detect_all(text)
        kind = answers.pick_followup(ctx, topic, asked) if detail == ctx.state.detail else None
        if kind is not None and answers.detail_followup(ctx, topic, kind) is not None:
            # "wat kost een noodpaspoort?" after a passport stolen abroad: that detail's price, not its answer again
            answers.followup(ctx, kind, topic.id, also=asked)
        else:
            answers.answer_detail(ctx, topic, detail)
        return True
    # The current topic for someone else, told with a detail it has no answer of its own for ("voor
    # mijn moeder, ze kan niet zelf komen" after the disabled parking card): its answer, not the
    # topic the matcher reads in "mijn moeder" alone (Wmo).
    if (topic is not None and detail is None and rest != followups.without_someone_else(rest)
            and followups.is_contextual(followups.without_someone_else(rest))):
        ctx.count("followup_someone_else")
        answers.answer(ctx, topic, 1.0)
        return True
    # Guesses below the threshold only count when the rest names something at all.
    names_something = not followups.is_contextual(rest)
    if asked_details[0] == "status" and topic is None and followups.is_contextual(text):
        # "ik heb 3 weken geleden een aanvraag gedaan en nog niks gehoord": the matcher's topic
        # comes from the waiting words alone (Bezwaar, Wmo); which application is not said. (The
        # whole message, not the rest: a status phrase may hold the topic, "wanneer is mijn paspoort klaar".)
        _status_unknown(ctx)
        return True
    named_home = next((home for kind in asked_details if kind in details.GENERAL_KINDS
                       and (home := ctx.intent_of(details.HOME_TOPIC.get(kind))) is not None
                       and home.detail_for(text) is not None), None)
    if named_home is not None:
        # "mijn vader is overleden, moet ik zijn huur opzeggen bij de gemeente?": the topic of a detail that is a matter
        # of its own (a death) has an answer for what is asked (the rent is the landlord's); the matcher's reading of
        # the rest (municipal taxes' death variant, read in "huur") is not what is asked. (Not the passport for an ID
        # card lost abroad: a loss is a detail of the document named.)
        ctx.count("detail:home_named")
        answers.answer(ctx, named_home, 1.0, text, asked_details)
        return True
    home_of_death = ctx.intent_of(details.HOME_TOPIC.get("overlijden"))
    if (asked_details[0] == "overlijden" and home_of_death is not None and _a_death_told(text, result)
            and all(named.id == home_of_death.id for named in current_topic.titles_named(ctx, text))):
        # "Op 28 november is mijn echtgenoot overleden. Ik weet niet goed wat ik nu allemaal moet regelen bij de
        # gemeente. Kunt u mij daarbij helpen?": the death is what the letter is about; its help words alone read as
        # debt counselling, whose after-death answer (an estate's debts) is for a letter that names the debts.
        ctx.count("detail:death_told")
        answers.answer(ctx, home_of_death, 1.0, text, asked_details)
        return True
    guesses = [ctx.classify(rest) if names_something else None, result]
    chosen = _detail_topic(ctx, [guess for guess in guesses if guess is not None], asked_details, names_something)
    homes = {details.HOME_TOPIC.get(kind) for kind in asked_details}
    if (names_something and asked_details[0] in details.GENERAL_KINDS and (chosen is None or chosen[0].id in homes)
            and len(text.split()) < clauses.STORY_WORDS):
        chosen = _topic_a_clause_asks(ctx, text, asked_details) or chosen
    if chosen is not None:
        answers.answer(ctx, chosen[0], chosen[1], text, asked_details)
        return True
    named_any = any(guess is not None and guess.decision == "answer" for guess in guesses)
    titled = [named for named in current_topic.titles_named(ctx, rest) if answers.detail_of(named, asked_details)]
    if topic is not None and titled and topic not in titled and not named_any:
        # "en zijn parkeervergunning en de hondenbelasting enzo" after the passport of someone who died: the topics
        # named by their own titles, each with an answer for the death, not the passport's answer again (the
        # matcher rejects a message that names two topics; the others are offered after the first).
        ctx.count("detail:titles_named")
        answers.answer(ctx, titled[0], 1.0, text, asked_details)
        return True
    home = next((intent for kind in asked_details
                 if (intent := ctx.intent_of(details.home_topic(kind, text))) is not None), None)
    if topic is not None and detail is not None and (detail == asked_details[0] or home is None or named_any):
        answers.answer_detail(ctx, topic, detail)
        return True
    if named_any:
        return False  # the message names a topic that has no answer for this detail: answer that topic
    plausible = _plausible(result)
    short = len(text.split()) < clauses.STORY_WORDS
    if home is not None and (
            # A dog that died, by the word or its breed, is the dog tax's whatever the matcher guesses (it knows no
            # breeds: "onze labrador is vannacht doodgegaan" read as births and moving house)
            (short and (not plausible or home.id in {guess.intent for guess in plausible}
                        or asked_details[0] == "dier_overleden"))
            or (plausible and plausible[0].intent == home.id
                and (_asked_about(text, result, home.id) or _about_itself(text, result, home.id)))):
        # The detail's own words name the topic ("noodpaspoort", "ik ga emigreren") unless the
        # matcher reads another topic in the message. In a story they are mostly background (a
        # father who died in care, and a question about who should have told his children):
        # the matcher decides there: its favourite for the story and for a clause that asks is the
        # detail's topic when the story is about the death itself ("My father passed away last
        # week ... What do I need to cancel myself?").
        answers.answer(ctx, home, 1.0, text, asked_details)
        return True
    if "status" in asked_details:
        _status_unknown(ctx)
        return True
    return False


def _pet_died(ctx: TurnContext) -> None:
    """"onze kat is vannacht overleden": sympathy, and nothing to report (only a dog is deregistered, for the dog tax),
    not the scope message to a resident who just lost a pet."""
    ctx.count("detail:pet_died")
    ctx.state.misses = 0
    ctx.add(ctx.say("detail_pet_died"))


def _topic_a_clause_asks(ctx: TurnContext, text: str, asked_details: list[str]) -> "tuple[ResolvedIntent, float] | None":
    """The topic a question clause of the message asks about, when it has its own answer for the detail:
    "mijn moeder is overleden, moet ik haar paspoort inleveren?" reads as the death as a whole (the
    detail's home topic, 0.95), while its question is about her passport (the passport's own answer
    after a death). Only a clause that names something besides the detail ("wat moet ik regelen?" is
    the death's own question), read by the matcher's favourite and named by a word of its own
    (CLAUSE_TOPIC_WORD_SCORE: "wat moet ik nu doen bij de gemeente" names no topic); not in a story, where a clause that
    asks may be background (a father who died in hospital, and a question about moving his things).
    Only for a detail that is a matter of its own (`details.GENERAL_KINDS`): "my passport was stolen
    in Barcelona ... how much is a new one?" stays the passport's (its home topic is a document)."""
    homes = {details.HOME_TOPIC.get(kind) for kind in asked_details}
    for clause in _SENTENCES.split(text):
        if clause.strip() == text.strip() or not clauses.is_question(clause):
            continue
        if followups.is_contextual(followups.without_someone_else(details.without_cues(clause))):
            continue
        favourite = _plausible(ctx.classify(clause))[:1]
        intent = ctx.intent_of(favourite[0].intent) if favourite else None
        if (intent is not None and intent.kind == "topic" and intent.id not in homes
                and favourite[0].score >= DETAIL_EVIDENCE and any(kind in intent.variants for kind in asked_details)
                and ctx.word_reads_as(clause, intent.id, CLAUSE_TOPIC_WORD_SCORE)):
            return intent, favourite[0].score
    return None


def _asked_about(text: str, result: "Classification", intent_id: str) -> bool:
    """Whether a clause of the message that asks is, by the matcher's favourite, about `intent_id`."""
    return any(_plausible(part.classification)[:1] and _plausible(part.classification)[0].intent == intent_id
               for part in clauses.asking(text, result))


def _about_itself(text: str, result: "Classification", intent_id: str) -> bool:
    """A story that says who died, whose only guess is the detail's own topic, and that asks nothing the matcher places
    ("Mijn vader is vorige week overleden en ik moet nu van alles regelen ... ik weet niet waar ik moet
    beginnen"): it is about the death itself. Not the scope message to a resident who just lost someone."""
    return (result.decision == "clarify" and len(_plausible(result)) == 1 and details.names_who_died(text)
            and not any(part.classification.decision == "answer" for part in clauses.asking(text, result)))


def _a_death_told(text: str, result: "Classification") -> bool:
    """A story or letter that says who died, of which the matcher answers nothing (neither the whole nor any of its
    sentences), that asks only for help with it, and (checked by the caller) names no other topic by its title: it is
    about the death itself, whatever topic its words of asking for help lean to (debt counselling for "helpen")."""
    if (len(text.split()) < clauses.STORY_WORDS or result.decision == "answer" or not details.names_who_died(text)
            or any(part.classification.decision == "answer" for part in result.parts)):
        return False
    # It asks, and only for help with the death itself ("Kunt u mij daarbij helpen?", "wat moet ik regelen?"): a story
    # that asks nothing may tell of a topic in words of its own (a resident's parking card that lapsed).
    asked = [part.text for part in clauses.asking(text, result) if clauses.is_question(part.text)]
    return bool(asked) and all(followups.is_contextual(followups.without_someone_else(details.without_cues(clause)))
                               for clause in asked)


def _status_unknown(ctx: TurnContext) -> None:
    """How an application is going, with no topic to tell it for: where to look, and a person."""
    ctx.count("detail:status")
    ctx.state.misses = 0
    ctx.add(f"{ctx.say('detail_status_unknown')} {ctx.person_line()}", buttons=[ctx.person_button()])


def _detail_topic(ctx: TurnContext, guesses: list["Classification"], asked_details: list[str],
                  names_something: bool) -> tuple["ResolvedIntent", float] | None:
    """The topic a detail question is about: among the matcher's guesses (also below
    its threshold: the detail is evidence too), one with its own answer for the
    detail; else a confident winner (general details such as status apply to any).
    A guess whose favourite is still the detail's own topic once its words are out lends its
    runners-up no weight: the message is about the detail itself ("Mijn vader is vorige week
    overleden ... had een gehandicaptenparkeerkaart, ik weet niet waar ik moet beginnen" read the
    death 0.35 and the card 0.18, a "Bedoelt u" pair, and the card is background). A question
    clause about the other topic still names it (`_topic_a_clause_asks`). Only for a detail that is
    a matter of its own (`details.GENERAL_KINDS`): a passport lost abroad read first may be the ID card's."""
    homes = {details.HOME_TOPIC.get(kind) for kind in asked_details}
    matters = {details.HOME_TOPIC.get(kind) for kind in asked_details if kind in details.GENERAL_KINDS}
    for guess in guesses if names_something else ():
        plausible = _plausible(guess)
        if plausible and plausible[0].intent in matters:
            continue
        for candidate in plausible:
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


def _plausible(guess: "Classification") -> list["Alternative"]:
    """The guesses of the matcher a detail may name the topic with: those it would offer
    ("Bedoelt u ...?" candidates, within half of its favourite) when it answers or asks, and
    below that only a lone favourite. Two close guesses in a story the matcher rejects are
    no evidence: "mijn man is overleden ... een uitnodiging van de gemeente" read Wmo 0.18 and
    Klacht 0.15, and the detail picked Wmo for a complaint."""
    candidates = guess.candidates
    return candidates if guess.decision != "reject" or len(candidates) == 1 else []


def own_detail_of_a_guess(ctx: TurnContext, result: "Classification", text: str, sure_of_one: bool = False) -> bool:
    """A question the matcher does not answer, whose words name a detail of one of its guesses
    ("I'm abroad on election day": Verkiezingen 0.30 and Verhuizing 0.25, and being abroad is a
    detail of the elections; "ik heb een aanslag gekregen die te hoog is": Betalingsregeling, and
    too high an assessment is its detail that points to objecting): the detail and the guess
    together name the topic, and the detail's answer (of the best such guess) is the answer. Only for
    a question, or a situation told in a few words as the question (up to TOLD_WORDS words); a
    longer sentence that asks nothing (up to STORY_WORDS) only when it tells what is there now
    (`clauses.tells_what_is_there`), from the first guess, the one the resident would see first ("There is
    a dead cat on the pavement in front of my house", 12 words, got "Do you mean Melding openbare ruimte /
    ..."); else it tells background ("Recently I had to renew my expiring American passport here", out of
    scope); a guess counts from DETAIL_EVIDENCE. In a story that asks
    (STORY_WORDS or more) only the first guess, the one the resident would see first: an abandoned bike told in 21
    words ("... for months, rusty and without wheels. Can you remove it?") got "Bedoelt u" with Melding openbare
    ruimte first; its detail's words read in a lower guess of a long story are too weak a sign. A story of
    GUESS_STORY_WORDS or more tells too much besides (a complaint about a tax rise that mentions the waiver in passing,
    74 words, got the waiver's detail: the eval's tuning part). A clause that asks after what is told makes a
    question ("ik open in mei een koffiezaak en wil een terras op de stoep, wat moet ik regelen"); a longer sentence
    that asks nothing also counts when it tells a problem and the matcher is `sure_of_one` guess, just under its
    answer cut-off ("ik kreeg de aanslag maar ik kan hem niet betalen, ik heb alleen aow": Kwijtschelding 0.89, was
    the scope message; the American passport renewed recently stays background), or when it tells what went wrong
    despite what should have prevented it (`clauses.tells_despite`: "I got a parking ticket yesterday even though I have
    a resident permit", 14 words: "Do you mean" Parking / Parking permit), from the first guess."""
    words = len(text.split())
    told_longer = words > TOLD_WORDS and not clauses.a_clause_asks(text)
    if (result.decision == "answer" or words >= GUESS_STORY_WORDS
            or (told_longer and (words >= clauses.STORY_WORDS
                                 or not (clauses.tells_what_is_there(text) or clauses.tells_despite(text)
                                         or sure_of_one and clauses.tells_a_problem(text))))):
        return False
    for candidate in result.candidates[:1] if words >= clauses.STORY_WORDS or told_longer else result.candidates:
        intent = ctx.intent_of(candidate.intent)
        if (intent is not None and intent.kind == "topic" and not intent.handover
                and candidate.score >= DETAIL_EVIDENCE and intent.detail_for(text) is not None):
            ctx.count("detail_of_a_guess")
            answers.answer(ctx, intent, candidate.score, text)
            return True
    return False


def own_detail_after_a_referral(ctx: TurnContext, text: str) -> bool:
    """"en als de gemeente hem heeft weggehaald?" right after the police's referral for a stolen bike: what would make it
    the gemeente's after all, told in a few words (up to TOLD_WORDS) that name the own detail of exactly one topic (the
    bike depot), is that detail's answer, whatever the matcher guesses ("Bedoelt u Kapvergunning of Hondenbelasting?",
    then the felling permit's fees for "wat kost het om hem op te halen?")."""
    if ctx.referral_before is None or len(text.split()) > TOLD_WORDS:
        return False
    named = _topics_naming_their_detail(ctx, text)
    if len(named) != 1:
        return False
    ctx.count("detail_after_a_referral")
    # What the referral was for names which of the topic's details: "Mijn scooter is gestolen", then "en als de
    # gemeente hem heeft weggehaald?" is a towed scooter, not the bike depot that "weggehaald" alone names.
    before = next((entry.text for entry in reversed(ctx.conversation.transcript) if entry.role == Role.RESIDENT), "")
    own = named[0].detail_for(f"{before} {text}")
    if own is not None and own != named[0].detail_for(text):
        answers.answer(ctx, named[0], 1.0, own_detail=own.name)
    else:
        answers.answer(ctx, named[0], 1.0, text)
    return True


def own_detail_told_there(ctx: TurnContext, result: "Classification", text: str) -> bool:
    """What is there now, told in a sentence (up to TOLD_THERE_WORDS) that names the own detail of exactly one topic, which
    the matcher does not answer: that detail's answer ("there is a dead cat on my car": out of scope, the matcher's
    only guess a parking permit at 0.10; the dead animal is Melding openbare ruimte's detail). Also when the matcher
    answers another topic none of whose own details the message names ("there is a dead cat in my garden": the
    felling permit 0.93, read in "garden"), and what just came down ("a branch of a tree fell on my car": the damage
    detail, was the scope message)."""
    if len(text.split()) > TOLD_THERE_WORDS or not (clauses.tells_what_is_there(text)
                                                    or clauses.tells_what_came_down(text)):
        return False
    answered = ctx.intent_of(result.intent) if result.decision == "answer" else None
    if answered is not None and (answered.kind != "topic" or answered.detail_for(text) is not None):
        return False
    named = _topics_naming_their_detail(ctx, text)
    if len(named) != 1 or (answered is not None and named[0].id == answered.id):
        return False
    ctx.count("detail_told_there")
    answers.answer(ctx, named[0], 1.0, text)
    return True


def own_detail_named_alone(ctx: TurnContext, result: "Classification", text: str) -> bool:
    """A message under STORY_WORDS that the matcher does not answer, naming a detail whose words name its topic on
    their own (`named_alone`: a café's opening, terrace or alcohol licence, the Christmas tree, gritting) and the own
    detail of no other topic, nor another organisation's matter: that detail's answer, whatever the matcher guesses
    ("we openen een lunchroom met een terras": out of scope 0.05; "ik open in mei een koffiezaak en wil een terras op
    de stoep": "Gaat uw vraag over Melding openbare ruimte?"; "waar laat ik mijn kerstboom": out of scope). Other
    details' words are read only beside their topic's guess (`own_detail_of_a_guess`): "werk" or "dokter" alone names
    no topic."""
    if result.decision == "answer" or len(text.split()) >= clauses.STORY_WORDS:
        return False
    named = _topics_naming_their_detail(ctx, text)
    own = named[0].detail_for(text) if len(named) == 1 else None
    if own is None or not own.named_alone or ctx.knowledge.referral_for(text) is not None:
        return False
    ctx.count("detail_named_alone")
    answers.answer(ctx, named[0], 1.0, text)
    return True


def _topics_naming_their_detail(ctx: TurnContext, text: str) -> "list[ResolvedIntent]":
    """The topics (not hand-overs) one of whose own details the text names by its words."""
    topics, key_words = ctx.knowledge.derived(_topics_with_details)
    if not key_words.in_text(text):
        return []  # no detail's phrase can be named (most messages): not read against each topic's details
    return [intent for intent in topics if intent.detail_for(text) is not None]


def _topics_with_details(knowledge: "TenantKnowledge") -> "tuple[list[ResolvedIntent], KeyWords]":
    """The topics (not hand-overs) with details of their own, and the key words of all their phrases (`KeyWords`)."""
    topics = [intent for intent in knowledge.intents.values()
              if intent.kind == "topic" and not intent.handover and intent.details]
    return topics, KeyWords.of(phrase for intent in topics for detail in intent.details for phrase in detail.words)

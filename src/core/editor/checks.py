"""The editor's inline checks, in Dutch: the rules of `balie kb check` (core.kb.checks)
for what an editor can change, plus what only a model can tell: an example question the
current model already gives to another intent, and a draft that would lower the
tenant's estimated accuracy.

A `Finding` names the field of the intent form it is about (`answer.nl`, `links.0.url`,
`examples.nl.3`, `title.en`, ...) so the editor page can show it next to that field.
Errors block publishing; warnings do not.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal, Protocol

from ..errors import InvalidInput
from ..kb.checks import ANSWER_WORDS_MAX, ANSWER_WORDS_WARN, MIN_EXAMPLES, normalise
from ..kb.merge import shared_details
from ..kb.models import Intent, Text
from ..models import Model
from ..text_input import check_text
from .drafts import MAX_EXAMPLES, MAX_LINKS, DraftLink, DraftText, IntentDraft

ACCURACY_DROP = 0.005  # a lower estimate than this much is noise of the held-out split
MAX_ANSWER_CHARS = 2000
MAX_TITLE_CHARS = 120
MAX_EXAMPLE_CHARS = 300
_LANGUAGES = {"nl": "Nederlands", "en": "Engels"}
_HTML = re.compile(r"<\s*[a-zA-Z!/?]|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_HTTP_URL = re.compile(r"^https?://[^\s/?#<>\"]+(/[^\s<>\"]*)?$", re.IGNORECASE)
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class Finding(Model):
    field: str
    message: str
    severity: Literal["error", "warning"] = "error"


class _Classifier(Protocol):
    def classify(self, text: str) -> object: ...


def refuse_unsafe(state: IntentDraft) -> None:
    """What is refused outright (400) rather than reported: HTML, links that are not
    http(s), control characters, and sizes no answer needs."""
    texts: list[tuple[DraftText | None, int]] = [(state.answer, MAX_ANSWER_CHARS), (state.title, MAX_TITLE_CHARS)]
    texts += [(text, MAX_ANSWER_CHARS) for text in [*state.followups.values(), *state.details.values(),
                                                    *(text for texts in state.detail_followups.values() for text in texts.values())]]
    link_lists = [state.links or [], *state.detail_links.values()]  # the topic's and each detail's own
    texts += [(link.title, MAX_TITLE_CHARS) for links in link_lists for link in links]
    for text, limit in texts:
        for value in (text.nl, text.en) if text is not None else ():
            if value:
                _plain(value, limit)
    for links in link_lists:
        if len(links) > MAX_LINKS:
            raise InvalidInput(f"Geef hoogstens {MAX_LINKS} links.")
        for link in links:
            if not _HTTP_URL.match(link.url.strip()):
                raise InvalidInput(f"Een link moet een webadres zijn dat begint met https://, niet {link.url[:80]!r}.")
    for language in ("nl", "en"):
        examples = getattr(state.examples, language)
        if len(examples) > MAX_EXAMPLES:
            raise InvalidInput(f"Geef hoogstens {MAX_EXAMPLES} voorbeeldvragen per taal.")
        for example in examples:
            _plain(example, MAX_EXAMPLE_CHARS)


def _plain(value: str, limit: int) -> None:
    try:
        check_text(value, max_length=limit)
    except InvalidInput:
        raise InvalidInput(f"Een tekst is te lang (hoogstens {limit} tekens) of bevat tekens die geen tekst zijn.") from None
    if _HTML.search(value):
        raise InvalidInput("Antwoorden en titels zijn gewone tekst, zonder HTML. Een link zet u bij de links.")


def _texts(field: str, text: DraftText | None, what: str) -> list[Finding]:
    if text is None:
        return []
    return [Finding(field=f"{field}.{language}", message=f"{what} in het {name} ontbreekt.")
            for language, name in _LANGUAGES.items() if not getattr(text, language).strip()]


def _length(field: str, text: DraftText | None) -> list[Finding]:
    words = len(text.nl.split()) if text is not None else 0
    if words > ANSWER_WORDS_MAX:
        return [Finding(field=f"{field}.nl", message=f"Het antwoord heeft {words} woorden. Houd het onder "
                                                     f"{ANSWER_WORDS_MAX} woorden, liefst {ANSWER_WORDS_WARN}.")]
    if words > ANSWER_WORDS_WARN:
        return [Finding(field=f"{field}.nl", severity="warning",
                        message=f"Het antwoord heeft {words} woorden. Kort het in tot {ANSWER_WORDS_WARN} woorden: "
                                f"dan lezen inwoners het echt.")]
    return []


def _link_findings(field: str, links: Sequence[DraftLink]) -> list[Finding]:
    """A topic's or a detail's own links (`field` "links" or "detail_links.<name>"): titles in both languages, https."""
    findings: list[Finding] = []
    for index, link in enumerate(links):
        findings += _texts(f"{field}.{index}.title", link.title, "De titel van de link")
        if link.url.lower().startswith("http://"):
            # An error, not a warning: the knowledge base's own check refuses every http:// link a
            # resident is sent to, so a warning here would only move the refusal to publishing time.
            findings.append(Finding(field=f"{field}.{index}.url", message=(
                "Deze link is niet beveiligd (http). Inwoners sturen we alleen naar beveiligde pagina's: "
                "gebruik een adres dat met https:// begint.")))
    return findings


def intent_findings(intent_id: str, state: IntentDraft, *, shared: Intent | None,
                    example_owner: Mapping[str, str], titles: Mapping[str, str],
                    current_model: _Classifier | None, teams: Sequence[str]) -> list[Finding]:
    """The checks of one intent as the draft has it. `example_owner`: every example
    question of the tenant's other intents (normalised) -> that intent; `titles`: intent
    id -> Dutch title; `current_model`: the live matcher (None: not available)."""
    findings: list[Finding] = []
    if not state.enabled:
        return [Finding(field="enabled", severity="warning",
                        message="Dit onderwerp staat uit: de chatbot geeft er geen antwoord meer op.")]
    if state.own:
        findings += _texts("title", state.title or DraftText(), "De titel")
        findings += _texts("answer", state.answer or DraftText(), "Het antwoord")
        for language, minimum in MIN_EXAMPLES.items():
            count = len(getattr(state.examples, language))
            if count < minimum:
                findings.append(Finding(field=f"examples.{language}", message=(
                    f"Te weinig voorbeeldvragen in het {_LANGUAGES[language]}: {count}, minimaal {minimum}. "
                    f"Schrijf vragen zoals inwoners ze stellen.")))
        if state.team is not None and state.team not in teams:
            findings.append(Finding(field="team", message=f"Het team {state.team!r} bestaat niet bij deze gemeente."))
    elif state.answer is not None and (state.answer.nl or state.answer.en):
        findings += _texts("answer", state.answer, "Het antwoord")
        if shared is not None and state.answer.en.strip() == shared.answer.en and state.answer.nl.strip() != shared.answer.nl:
            findings.append(Finding(field="answer.en", severity="warning", message=(
                "Het Nederlandse antwoord is veranderd, het Engelse niet. Pas het Engelse antwoord ook aan.")))
    findings += _length("answer", state.answer)
    if not state.own:
        findings += _own_answers_findings(state, shared)
    findings += _link_findings("links", state.links or [])
    for name, links in state.detail_links.items():
        findings += _link_findings(f"detail_links.{name}", links)
    seen: set[str] = set()
    own_examples = {normalise(text) for text in [*(shared.examples.nl if shared else []), *(shared.examples.en if shared else [])]}
    for language in ("nl", "en"):
        for index, text in enumerate(getattr(state.examples, language)):
            key = normalise(text)
            field = f"examples.{language}.{index}"
            owner = example_owner.get(key)
            if key in seen or key in own_examples:
                findings.append(Finding(field=field, severity="warning", message=f"‘{text}’ staat er al bij."))
            elif owner is not None and owner != intent_id:
                findings.append(Finding(field=field, message=(
                    f"‘{text}’ is al een voorbeeldvraag van ‘{titles.get(owner, owner)}’. Eén vraag hoort bij één onderwerp.")))
            elif current_model is not None:
                findings += _taken_by_model(field, text, intent_id, current_model, titles)
            seen.add(key)
    return findings


# The follow-up questions (core.kb.models.Followups), as staff read them.
FOLLOWUP_QUESTIONS = {"kosten": "Wat kost het?", "duur": "Hoe lang duurt het?", "kind": "En voor een kind?",
                      "meenemen": "Wat moet ik meenemen?", "online": "Kan het online?",
                      "termijn": "Hoe lang van tevoren, of wanneer uiterlijk?"}
_INSECURE_ADDRESS = re.compile(r"\bhttp://", re.IGNORECASE)


def _own_answers_findings(state: IntentDraft, shared: Intent | None) -> list[Finding]:
    """The gemeente's own follow-up and detail answers, checked as its own answer: both languages, the
    length, the English left as the shared one, and no address residents would be sent to over http."""
    shared_texts: dict[str, Text] = {}
    if shared is not None:
        shared_texts.update((f"followups.{kind}", text) for kind, text in shared.followups if text is not None)
        for name, detail in shared_details(shared, None).items():
            shared_texts[f"details.{name}"] = detail.answer
            shared_texts.update((f"detail_followups.{name}.{kind}", text) for kind, text in detail.followups if text is not None)
    own = [(f"followups.{kind}", f"Het antwoord op \u2018{FOLLOWUP_QUESTIONS[kind]}\u2019", text)
           for kind, text in state.followups.items()]
    own += [(f"details.{name}", f"Het antwoord bij \u2018{name}\u2019", text) for name, text in state.details.items()]
    own += [(f"detail_followups.{name}.{kind}", f"Het antwoord op \u2018{FOLLOWUP_QUESTIONS[kind]}\u2019 bij \u2018{name}\u2019", text)
            for name, texts in state.detail_followups.items() for kind, text in texts.items()]
    findings: list[Finding] = []
    for field, what, text in own:
        findings += _texts(field, text, what)
        findings += _length(field, text)
        before = shared_texts.get(field)
        if before is not None and text.en.strip() == before.en and text.nl.strip() != before.nl:
            findings.append(Finding(field=f"{field}.en", severity="warning", message=(
                f"{what}: het Nederlands is veranderd, het Engels niet. Pas het Engels ook aan.")))
        if _INSECURE_ADDRESS.search(f"{text.nl} {text.en}"):
            findings.append(Finding(field=f"{field}.nl", message=(
                f"{what} noemt een adres dat niet beveiligd is (http). Gebruik een adres dat met https:// begint.")))
    return findings


def _taken_by_model(field: str, text: str, intent_id: str, model: _Classifier, titles: Mapping[str, str]) -> list[Finding]:
    result = model.classify(text)
    winner = getattr(result, "intent", None)
    if winner is None or winner == intent_id or getattr(result, "decision", "answer") != "answer":
        return []
    return [Finding(field=field, severity="warning", message=(
        f"De chatbot geeft ‘{text}’ nu het antwoord van ‘{titles.get(winner, winner)}’. Na publiceren leert hij "
        f"deze vraag bij dit onderwerp; kijk in het voorbeeld of dat goed gaat."))]


def accuracy_finding(draft: float | None, live: float | None) -> Finding | None:
    """A warning when the draft's estimated accuracy is lower than the live version's."""
    if draft is None or live is None or draft >= live - ACCURACY_DROP:
        return None
    return Finding(field="draft", severity="warning", message=(
        f"Met dit concept herkent de chatbot naar schatting minder vragen goed: {percent(draft)} in plaats van "
        f"{percent(live)} (getest met voorbeeldvragen die hij niet leerde). Kijk of voorbeeldvragen van "
        f"verschillende onderwerpen op elkaar lijken."))


def percent(share: float) -> str:
    """0.931 -> '93,1%' (Dutch decimal comma)."""
    return f"{share * 100:.1f}".replace(".", ",") + "%"

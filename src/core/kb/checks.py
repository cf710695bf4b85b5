"""The content rules a tenant's overlay (and every intent) must follow, without the
YAML sources: `balie kb check` maps each problem's `loc` to a file and line, the
admin API answers them as a 400 before a tenant version is stored. Rules that need
reference data (the taxonomy, the UPL list, the dev set) stay with `balie kb check`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..look import readable
from .merge import enabled_intents, link_specs, missing_slots, shared_details, slot_url
from .models import DETAIL_KINDS, AfterHours, Examples, Intent, IntentOverride, OutOfScope, Tenant
from .phrases import phrase_problem, words_of

MIN_EXAMPLES = {"nl": 20, "en": 3}  # per topic intent, shared or tenant-only
ANSWER_WORDS_WARN = 80
ANSWER_WORDS_MAX = 100
REFERRAL_WORDS_MAX = 40

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_ORIGIN = re.compile(r"^https?://[a-z0-9.-]+(:\d{1,5})?$", re.IGNORECASE)
# Every link a resident is sent to (the shared base's, a tenant's own pages, its overrides and
# referrals): https only, as the editors' links. A plain http:// page can be altered on the way
# (a form asking for a BSN or an IBAN), and residents cannot tell from the chat.
_ABSOLUTE_URL = re.compile(r"^https://[^\s/]+(/\S*)?$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Problem:
    loc: tuple  # the path of the value in the tenant (or intent) document
    message: str
    severity: Literal["error", "warning"] = "error"


def normalise(text: str) -> str:
    """Case, accents, punctuation and spacing removed: the form in which two
    examples count as the same sentence. Text of punctuation only ("???") is
    kept as it is, so it stays an example of its own."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NON_WORD.sub(" ", bare).split()) or " ".join(text.split())


def _url_problem(loc: tuple, url: str | None) -> list[Problem]:
    if url is not None and not _ABSOLUTE_URL.match(url):
        return [Problem(loc, f"{url!r} is not an absolute https:// URL")]
    return []


def answer_length_problems(loc: tuple, text: str, intent_id: str) -> list[Problem]:
    words = len(text.split())
    if words > ANSWER_WORDS_MAX:
        return [Problem(loc, f"{intent_id}: Dutch answer has {words} words (at most {ANSWER_WORDS_MAX}; aim for {ANSWER_WORDS_WARN})")]
    if words > ANSWER_WORDS_WARN:
        return [Problem(loc, f"{intent_id}: Dutch answer has {words} words (aim for at most {ANSWER_WORDS_WARN})", "warning")]
    return []


def intent_problems(intent: Intent, at: tuple = ()) -> list[Problem]:
    """Rules every intent follows, shared or tenant-only (`at`: its place in the document)."""
    problems: list[Problem] = []
    if intent.kind == "topic":
        for language, minimum in MIN_EXAMPLES.items():
            count = len(getattr(intent.examples, language))
            if count < minimum:
                problems.append(Problem((*at, "examples", language),
                                        f"{intent.id}: {count} {language} examples, at least {minimum} needed"))
    elif not intent.examples.nl:
        problems.append(Problem((*at, "examples", "nl"), f"{intent.id}: a system intent needs Dutch examples too"))
    problems += answer_length_problems((*at, "answer", "nl"), intent.answer.nl, intent.id)
    for index, link in enumerate(intent.links):
        problems += _url_problem((*at, "links", index, "url"), link.url)
    for kind, variant in intent.variants:
        if variant is None:
            continue
        problems += answer_length_problems((*at, "variants", kind, "answer", "nl"), variant.answer.nl, intent.id)
        for index, link in enumerate(variant.links):
            problems += _url_problem((*at, "variants", kind, "links", index, "url"), link.url)
    problems += _detail_problems(intent, at)
    if intent.after_hours is not None:
        problems += _after_hours_problems((*at, "after_hours"), intent.after_hours, intent.id)
    if intent.flow:
        flow_slots = {slot.name for slot in intent.flow.slots}
        for index, link in enumerate(intent.flow.done.links):
            problems += _url_problem((*at, "flow", "done", "links", index, "url"), link.url)
        for language in ("nl", "en"):
            unknown = set(_PLACEHOLDER.findall(intent.flow.done.text.get(language))) - flow_slots
            if unknown:
                problems.append(Problem((*at, "flow", "done", "text", language),
                                        f"{intent.id}: placeholder(s) {sorted(unknown)} are not slots of the flow"))
    return problems


def _after_hours_problems(loc: tuple, after_hours: AfterHours, intent_id: str) -> list[Problem]:
    problems = answer_length_problems((*loc, "answer", "nl"), after_hours.answer.nl, intent_id)
    for index, link in enumerate(after_hours.links):
        problems += _url_problem((*loc, "links", index, "url"), link.url)
    return problems


def _phrase_problems(loc: tuple, words: list[str], owner: str, taken: dict[str, tuple[tuple, str]]) -> list[Problem]:
    """Each phrase usable, and none also naming another detail or referral (`taken`: phrase -> where and whose)."""
    problems = []
    for index, phrase in enumerate(words):
        problem = phrase_problem(phrase)
        if problem is not None:
            problems.append(Problem((*loc, index), f"{owner}: {problem}"))
            continue
        first_loc, first_owner = taken.setdefault(words_of(phrase), (loc, owner))
        if first_loc != loc:
            problems.append(Problem((*loc, index), f"{owner}: the phrase {phrase!r} is also a phrase of {first_owner}"))
    return problems


def _detail_problems(intent: Intent, at: tuple) -> list[Problem]:
    problems: list[Problem] = []
    taken: dict[str, tuple[tuple, str]] = {}
    for index, detail in enumerate(intent.details):
        here = (*at, "details", index)
        owner = f"{intent.id} detail {detail.name!r}"
        if any(other.name == detail.name for other in intent.details[:index]):
            problems.append(Problem((*here, "name"), f"{owner}: two details have this name"))
        if detail.name in DETAIL_KINDS:  # a tenant's own answer names a detail or a variant (IntentOverride.details)
            problems.append(Problem((*here, "name"), f"{owner}: the name of a kind of `variants:`; choose another"))
        problems += _phrase_problems((*here, "words"), detail.words, owner, taken)
        problems += answer_length_problems((*here, "answer", "nl"), detail.answer.nl, intent.id)
        for link_index, link in enumerate(detail.links):
            problems += _url_problem((*here, "links", link_index, "url"), link.url)
    return problems


def named_alone_problems(intents: Mapping[str, Intent], out_of_scope: OutOfScope | None) -> dict[str, list[Problem]]:
    """A `named_alone` detail's phrases name its topic on their own: none may also be another topic's detail phrase or a
    referral's (the dialogue would then answer neither). Problems by intent id."""
    owners: dict[str, list[tuple[str, str]]] = {}
    for intent in intents.values():
        for detail in intent.details:
            for phrase in detail.words:
                owners.setdefault(words_of(phrase), []).append((intent.id, f"{intent.id} detail {detail.name!r}"))
    for referral in out_of_scope.referrals if out_of_scope is not None else ():
        for phrase in referral.words:
            owners.setdefault(words_of(phrase), []).append(("", f"referral {referral.organisation!r}"))
    problems: dict[str, list[Problem]] = {}
    for intent in intents.values():
        for index, detail in enumerate(intent.details):
            if not detail.named_alone:
                continue
            for position, phrase in enumerate(detail.words):
                others = [owner for intent_id, owner in owners.get(words_of(phrase), []) if intent_id != intent.id]
                if others:
                    problems.setdefault(intent.id, []).append(Problem(
                        ("details", index, "words", position),
                        f"{intent.id} detail {detail.name!r}: the phrase {phrase!r} names it alone (named_alone) but is "
                        f"also a phrase of {others[0]}"))
    return problems


def referral_problems(out_of_scope: OutOfScope) -> list[Problem]:
    """knowledge/_out_of_scope.yaml `referrals:`: a URL, usable phrases, no phrase twice, a short text."""
    problems: list[Problem] = []
    taken: dict[str, tuple[tuple, str]] = {}
    for index, referral in enumerate(out_of_scope.referrals):
        here = ("referrals", index)
        problems += _url_problem((*here, "url"), referral.url)
        problems += _phrase_problems((*here, "words"), referral.words, f"referral {referral.organisation!r}", taken)
        for language in ("nl", "en"):
            if len(referral.text.get(language).split()) > REFERRAL_WORDS_MAX:
                problems.append(Problem((*here, "text", language), f"referral {referral.organisation!r}: the text has "
                                        f"more than {REFERRAL_WORDS_MAX} words (it comes before the scope message)"))
    return problems


def domain_problems(out_of_scope: OutOfScope, intents: Mapping[str, Intent]) -> list[Problem]:
    """knowledge/_out_of_scope.yaml `domains:`: usable phrases, no phrase twice, each domain the `domain:` of two
    topics or more (one topic is not a choice), and no topic in a domain that is not defined."""
    problems: list[Problem] = []
    taken: dict[str, tuple[tuple, str]] = {}
    defined = {domain.id for domain in out_of_scope.domains}
    for index, domain in enumerate(out_of_scope.domains):
        here = ("domains", index)
        problems += _phrase_problems((*here, "words"), domain.words, f"domain {domain.id!r}", taken)
        if any(other.id == domain.id for other in out_of_scope.domains[:index]):
            problems.append(Problem((*here, "id"), f"domain {domain.id!r} is defined twice"))
        topics = [intent.id for intent in intents.values() if intent.kind == "topic" and intent.domain == domain.id]
        if len(topics) < 2:
            problems.append(Problem((*here, "id"), f"domain {domain.id!r} has {len(topics)} topic(s); a domain offers "
                                    "two or more"))
    for intent in intents.values():
        if intent.domain is not None and intent.domain not in defined:
            problems.append(Problem(("domains",), f"{intent.id}: domain {intent.domain!r} is not one of `domains:`"))
    return problems


def settings_problems(tenant: Tenant) -> list[Problem]:
    """Origins, opening hours, holidays, URLs and the readability of the look of one tenant."""
    problems: list[Problem] = []
    for index, origin in enumerate(tenant.widget_origins):
        if not _ORIGIN.match(origin):
            problems.append(Problem(("widget_origins", index), f"{origin!r} is not an origin (scheme://host[:port], no path)"))
    for day, intervals in tenant.opening_hours.items():
        previous_end = ""
        for index, (start, end) in enumerate(intervals):
            loc = ("opening_hours", day, index)
            if not (_HHMM.match(start) and _HHMM.match(end)):
                problems.append(Problem(loc, f"{day}: times are HH:MM, got {start!r}-{end!r}"))
            elif start >= end:
                problems.append(Problem(loc, f"{day}: {start}-{end} ends before it starts"))
            elif start < previous_end:
                problems.append(Problem(loc, f"{day}: {start}-{end} overlaps the period before it"))
            else:
                previous_end = end
    for index, day in enumerate(tenant.holidays.extra_closed):
        try:
            date.fromisoformat(day)
        except ValueError:
            problems.append(Problem(("holidays", "extra_closed", index), f"{day!r} is not a date (YYYY-MM-DD)"))
    for slot, url in tenant.urls.items():
        problems += _url_problem(("urls", slot), url)
    for look_problem in readable(tenant.look)[1]:
        problems.append(Problem(("look", look_problem.token), look_problem.message, "warning"))
    for intent_id, override in tenant.intent_overrides.items():
        for slot, url in override.urls.items():
            problems += _url_problem(("intent_overrides", intent_id, "urls", slot), url)
        for index, link in enumerate(override.links or []):
            problems += _url_problem(("intent_overrides", intent_id, "links", index, "url"), link.url)
        for name, links in override.detail_links.items():
            for index, link in enumerate(links):
                problems += _url_problem(("intent_overrides", intent_id, "detail_links", name, index, "url"), link.url)
        if override.after_hours is not None:
            problems += _after_hours_problems(("intent_overrides", intent_id, "after_hours"), override.after_hours,
                                              intent_id)
    return problems


def overlay_problems(shared: Mapping[str, Intent], tenant: Tenant, *, reserved_ids: Iterable[str] = (),
                     also_known: Iterable[str] = (), out_of_scope: Examples | None = None) -> list[Problem]:
    """Whether the tenant's overlay fits the shared knowledge base: its own intents,
    switched-off and overridden intents, teams, slots and examples.
    `reserved_ids`: intent ids a tenant-only intent may not take besides the shared ones
    (the taxonomy); `also_known`: intents that exist but could not be read (their own
    errors come first)."""
    problems: list[Problem] = []
    reserved = set(shared) | set(reserved_ids)
    extra_ids = [extra.id for extra in tenant.extra_intents]
    for index, extra in enumerate(tenant.extra_intents):
        at = ("extra_intents", index)
        if extra.id in reserved:
            return problems + [Problem((*at, "id"), f"tenant-only intent {extra.id!r} has the id of a shared intent")]
        if extra_ids.count(extra.id) > 1:
            return problems + [Problem((*at, "id"), f"tenant-only intent {extra.id!r} is defined twice")]
        problems += intent_problems(extra, at)
    unreadable = set(also_known)
    known = set(shared) | set(extra_ids) | unreadable
    for index, intent_id in enumerate(tenant.disabled_intents):
        if intent_id not in known:
            problems.append(Problem(("disabled_intents", index), f"disabled intent {intent_id!r} does not exist"))
    for intent_id, override in tenant.intent_overrides.items():
        at = ("intent_overrides", intent_id)
        if intent_id not in known:
            problems.append(Problem(at, f"override of unknown intent {intent_id!r}"))
            continue
        if intent_id in unreadable:
            continue
        if intent_id in tenant.disabled_intents:
            problems.append(Problem(at, f"override of {intent_id!r}, which this tenant disabled", "warning"))
        if override.answer:
            problems += answer_length_problems((*at, "answer", "nl"), override.answer.nl, intent_id)
        if override.team and override.team not in tenant.teams:
            problems.append(Problem((*at, "team"), f"team {override.team!r} is not one of the tenant's teams"))
        problems += _own_answers_problems(at, intent_id, override, shared.get(intent_id) or next(
            (extra for extra in tenant.extra_intents if extra.id == intent_id), None))

    enabled = enabled_intents(shared, tenant)
    for intent_id in (tenant.fees.items if tenant.fees else {}):
        if intent_id not in enabled:
            problems.append(Problem(("fees", "items", intent_id), f"fees for {intent_id!r}, which is not an enabled intent"))
    for intent_id, intent in enabled.items():
        override = tenant.intent_overrides.get(intent_id)
        if intent.team and not (override and override.team) and intent.team not in tenant.teams:
            problems.append(Problem(("teams",), f"intent {intent_id!r} routes to team {intent.team!r}, which the tenant lacks"))
    for intent_id, slot in missing_slots(shared, tenant):
        problems.append(Problem(("urls",), f"no URL for slot {slot!r}, used by enabled intent {intent_id!r}"))
    problems += _placeholder_problems(tenant, enabled)
    problems += _example_clashes(shared, tenant, enabled, out_of_scope)
    return problems


def _own_answers_problems(at: tuple, intent_id: str, override: IntentOverride, intent: Intent | None) -> list[Problem]:
    """The gemeente's own follow-up and detail answers: as long as an answer, and only for details the intent has."""
    problems: list[Problem] = []
    for kind, text in override.followups or ():
        if text is not None:
            problems += answer_length_problems((*at, "followups", kind, "nl"), text.nl, intent_id)
    known = shared_details(intent, override) if intent is not None else {}
    for part, named in (("details", override.details), ("detail_followups", override.detail_followups),
                        ("detail_links", override.detail_links)):
        problems += [Problem((*at, part, name), f"{intent_id} has no detail {name!r} (its details: {', '.join(known) or 'none'})")
                     for name in named if name not in known]
    for name, text in override.details.items():
        if name in known:
            problems += answer_length_problems((*at, "details", name, "nl"), text.nl, intent_id)
    for name, followups in override.detail_followups.items():
        for kind, own in followups if name in known else ():
            if own is not None:
                problems += answer_length_problems((*at, "detail_followups", name, kind, "nl"), own.nl, intent_id)
    return problems


def tenant_problems(shared: Mapping[str, Intent], tenant: Tenant, *, out_of_scope: Examples | None = None,
                    whatsapp_owner: str | None = None,
                    messenger_owners: Mapping[str, str] | None = None) -> list[Problem]:
    """Every rule above for one tenant document; `whatsapp_owner`: the other tenant that
    already answers on this tenant's WhatsApp number, if any; `messenger_owners`: per
    Messenger setting (`page_id`, `instagram_account_id`), the other tenant on that id."""
    problems = settings_problems(tenant) + overlay_problems(shared, tenant, out_of_scope=out_of_scope)
    if whatsapp_owner is not None:
        problems.append(Problem(("whatsapp", "phone_number_id"),
                                f"phone_number_id {tenant.whatsapp.phone_number_id} is also used by tenant {whatsapp_owner!r}"))
    for setting, owner in (messenger_owners or {}).items():
        problems.append(Problem(("messenger", setting),
                                f"{setting} {getattr(tenant.messenger, setting)} is also used by tenant {owner!r}"))
    return problems


def _placeholder_problems(tenant: Tenant, enabled: Mapping[str, Intent]) -> list[Problem]:
    """A `{name}` in a URL can only be filled by a guided flow that asks for `name`."""
    problems: list[Problem] = []
    for intent_id, intent in enabled.items():
        override = tenant.intent_overrides.get(intent_id)
        flow_links = list(intent.flow.done.links) if intent.flow else []
        flow_slots = {slot.name for slot in intent.flow.slots} if intent.flow else set()
        for link in link_specs(intent, override):
            if not link.slot:
                continue
            url = slot_url(tenant, override, link.slot)
            if url is None:
                continue  # reported as a missing slot
            available = flow_slots if any(link is flow_link for flow_link in flow_links) else set()
            unknown = set(_PLACEHOLDER.findall(url)) - available
            if unknown:
                problems.append(Problem(
                    ("urls", link.slot),
                    f"URL of slot {link.slot!r} needs {sorted(unknown)}, which intent {intent_id!r} "
                    f"does not ask for (only a guided flow can fill placeholders)",
                ))
    return problems


def _examples(intent_id: str, examples: Examples, at: tuple) -> list[tuple[str, str, tuple]]:
    return [(key, intent_id, (*at, language, index))
            for language in ("nl", "en") for index, text in enumerate(getattr(examples, language))
            if (key := normalise(text))]


def _example_clashes(shared: Mapping[str, Intent], tenant: Tenant, enabled: Mapping[str, Intent],
                     out_of_scope: Examples | None) -> list[Problem]:
    """The tenant's own examples (tenant-only intents, extra examples) may not repeat an
    example of another of its intents or an out-of-scope example."""
    owner: dict[str, str] = {}
    for intent_id in enabled:
        if intent_id in shared:
            for key, who, _ in _examples(intent_id, shared[intent_id].examples, ()):
                owner.setdefault(key, who)
    if out_of_scope is not None:
        for key, who, _ in _examples("_out_of_scope", out_of_scope, ()):
            owner.setdefault(key, who)
    own: list[tuple[str, str, tuple]] = []
    for index, extra in enumerate(tenant.extra_intents):
        own += _examples(extra.id, extra.examples, ("extra_intents", index, "examples"))
    for intent_id, override in tenant.intent_overrides.items():
        if override.extra_examples and intent_id in enabled:
            own += _examples(intent_id, override.extra_examples, ("intent_overrides", intent_id, "extra_examples"))
    problems = []
    for key, intent_id, loc in own:
        first = owner.setdefault(key, intent_id)
        if first != intent_id:
            problems.append(Problem(loc, f"tenant {tenant.slug!r}: example of {intent_id!r} is also an example of {first!r}"))
    return problems

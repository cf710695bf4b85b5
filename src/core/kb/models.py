"""Pydantic models of the knowledge base (knowledge/*.yaml) and tenant files
(tenants/*.yaml). The formats are described in docs/ARCHITECTURE.md."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..text_input import text_problem

FollowupKind = Literal["kosten", "duur", "kind", "meenemen", "online", "termijn"]
FOLLOWUP_KINDS: tuple[str, ...] = get_args(FollowupKind)
# Details a question can ask within a topic (core.dialogue.details recognises them);
# an intent answers them with `variants:`.
DETAIL_KINDS = ("kwijt_buitenland", "uit_buitenland", "emigratie", "niet_zelf", "overlijden", "dier_overleden", "status")
# Answers the dialogue computes from the tenant's own settings (core.dialogue.facts).
FACT_KINDS = ("opening_hours", "phone")
# SQS keeps a message at most 14 days: the shortest retention a tenant may set.
MIN_RETENTION_DAYS = 14
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Strict(BaseModel):
    # defer_build: a model's validator is built when first used, so a Lambda handler
    # builds only the models its invocation needs (cold start), not all at import.
    model_config = ConfigDict(extra="forbid", defer_build=True)


def _shown(value: str) -> str:
    """Text residents read, written by an administrator or editor: the rules of a resident's own
    message (core.text_input), so no right-to-left override or control character reaches the widget,
    a WhatsApp message or the dashboard from a tenant's name or an answer either."""
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(f"the text {problem}")
    return value


# A string residents read (a name, a phone number, an answer).
ShownText = Annotated[str, AfterValidator(_shown)]


class Text(Strict):
    """A text a resident reads: Dutch first, English second."""

    nl: ShownText = Field(min_length=1)
    en: ShownText = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


class LinkSpec(Strict):
    """A link: a fixed URL (national source) or a named municipal slot."""

    title: Text
    url: str | None = None
    slot: str | None = None

    @model_validator(mode="after")
    def exactly_one_target(self) -> "LinkSpec":
        if (self.url is None) == (self.slot is None):
            raise ValueError("a link has either `url` or `slot`, not both and not neither")
        return self


class SlotSpec(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: Literal["postcode", "huisnummer", "phone", "email", "date", "text"]
    ask: Text
    invalid: Text


class FlowDone(Strict):
    text: Text
    links: list[LinkSpec] = Field(default_factory=list)


class FlowSpec(Strict):
    slots: list[SlotSpec] = Field(min_length=1)
    done: FlowDone


class Examples(Strict):
    nl: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


class Followups(Strict):
    kosten: Text | None = None  # "wat kost het?"
    duur: Text | None = None  # "hoe lang duurt het?"
    kind: Text | None = None  # "en voor mijn kind?"
    meenemen: Text | None = None  # "wat moet ik meenemen?"
    online: Text | None = None  # "kan dat ook online?"
    termijn: Text | None = None  # "hoe lang van tevoren?", "wanneer moet het uiterlijk?"


class Variant(Strict):
    """The answer of an intent for one detail (e.g. a passport lost abroad). `followups`: the
    detail's own answers to a follow-up where the topic's would be wrong ("kan dat online?"
    after a first registration from abroad: no, at the desk); the topic's answer stands for the
    kinds it leaves out."""

    answer: Text
    links: list[LinkSpec] = Field(default_factory=list)
    followups: Followups = Field(default_factory=Followups)


class Variants(Strict):
    kwijt_buitenland: Variant | None = None  # lost or stolen abroad
    uit_buitenland: Variant | None = None  # first registration after arriving from abroad
    emigratie: Variant | None = None  # leaving the Netherlands
    niet_zelf: Variant | None = None  # for someone who cannot come to the desk
    overlijden: Variant | None = None  # after a death
    dier_overleden: Variant | None = None  # after a pet died
    status: Variant | None = None  # how an application or report is going


class Detail(Strict):
    """A detail residents ask within one topic that the topic's answer does not cover ("de
    schooltaxi is te laat"): its answer replaces the topic's answer when the question names
    one of its `words` (core.kb.phrases). `variants:` (the details every topic shares) go first. `followups`: the
    detail's own answers to a follow-up, as a variant's."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    words: list[str] = Field(min_length=1)
    answer: Text
    links: list[LinkSpec] = Field(default_factory=list)
    # The detail's own answers to a follow-up where the topic's would be wrong ("wat kost het?" after a terrace: not the
    # building permit's fees), as a variant's; the topic's answer stands for the kinds it leaves out.
    followups: Followups = Field(default_factory=Followups)
    # Its words name its topic on their own, also in a message the matcher places in no topic ("we openen een lunchroom
    # met een terras": the building permit's examples do not reach a café): only for words no other topic uses.
    named_alone: bool = False
    # Tenant facts said after the detail's answer (the phone number, honest about today's hours: "bel vandaag nog de
    # gemeente" before an eviction), as a topic's `facts` open its answer.
    facts: list[Literal["opening_hours", "phone"]] = Field(default_factory=list)


class AfterHours(Strict):
    """Who helps with a topic while the gemeente is closed ("wie bel ik 's nachts?" after noise: the police's
    0900-8844; after a broken street light: the tenant's storingsnummer, else the report form, 112 in danger).
    Said honestly at every hour by core.dialogue (with when the gemeente's own team opens again)."""

    answer: Text
    links: list[LinkSpec] = Field(default_factory=list)


class Term(Strict):
    """A legal term that runs from an event the topic is about (a birth is registered within 3 days): a question that
    dates the event in a sentence naming one of `words` ("ze is geboren op 28 november") hears the term's last day
    (moved past a weekend or public holiday, `opening_hours.term_last_day`) and whether it has passed."""

    days: int = Field(ge=1, le=60)
    words: list[str] = Field(min_length=1)


class Intent(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: Literal["topic", "system"]
    team: str | None = None
    # The broad domain the topic belongs to (one of _out_of_scope.yaml's `domains:`): a short message that names
    # the domain and no topic ("can i get benefits") is offered the domain's topics.
    domain: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9-]*$")
    upl: str | None = None
    handover: bool = False
    title: Text
    answer: Text
    links: list[LinkSpec] = Field(default_factory=list)
    followups: Followups = Field(default_factory=Followups)
    variants: Variants = Field(default_factory=Variants)
    details: list[Detail] = Field(default_factory=list)
    # Tenant facts the answer opens with (today's and tomorrow's hours, the phone number).
    facts: list[Literal["opening_hours", "phone"]] = Field(default_factory=list)
    term: Term | None = None
    examples: Examples
    flow: FlowSpec | None = None
    after_hours: AfterHours | None = None  # who helps while the gemeente is closed (none: nobody else)


class Referral(Strict):
    """Where a resident goes for a matter the gemeente does not handle: said with the scope
    message when the matcher answers no topic and the message names one of `words`
    ("Voor een verblijfsvergunning gaat u naar de IND: ind.nl")."""

    organisation: str = Field(min_length=1)
    url: str
    words: list[str] = Field(min_length=1)
    text: Text


class Domain(Strict):
    """A broad domain of the gemeente's own topics (money and income, waste, parking): a short message the
    matcher places in no topic that names one of `words` ("can i get benefits", "vraag over afval") is offered
    the topics whose `domain:` it is, not the scope message. Its words are broad on purpose; a topic's own words
    belong in its examples."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    words: list[str] = Field(min_length=1)


class OutOfScope(Strict):
    """knowledge/_out_of_scope.yaml: our own questions a municipality bot must not
    answer. They tune the fallback threshold and are never shown to residents.
    `referrals` are shown: where to go instead, for matters residents often bring.
    `domains`: the broad words of the gemeente's own domains, for the short messages
    that name a domain and no topic."""

    description: str | None = None
    examples: Examples
    referrals: list[Referral] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)


DetailName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class IntentOverride(Strict):
    """What a tenant changes of a shared intent; everything is optional."""

    team: str | None = None
    answer: Text | None = None
    links: list[LinkSpec] | None = None
    followups: Followups | None = None
    variants: Variants | None = None
    # The gemeente's own answer of one of the intent's details, by name: a kind of its `variants:`
    # (kwijt_buitenland) or the name of one of its `details:` (andere_nationaliteit); its follow-ups and
    # links below (the knowledge-base editor writes these).
    details: dict[DetailName, Text] = Field(default_factory=dict)
    # The gemeente's own answers to a follow-up asked after one of those details (by the same names), over the
    # detail's own (`Variant.followups`, `Detail.followups`): "kan dat online?" after a passport stolen abroad.
    detail_followups: dict[DetailName, Followups] = Field(default_factory=dict)
    # The gemeente's own links of a detail (by the same names) instead of the detail's shared ones (an empty
    # list: none), as `links` are the topic's: its own page for reporting a passport stolen abroad.
    detail_links: dict[DetailName, list[LinkSpec]] = Field(default_factory=dict)
    extra_examples: Examples | None = None
    after_hours: AfterHours | None = None  # e.g. the gemeente's own storingsnummer
    # Slot -> URL for this intent only (e.g. its own form or appointment page);
    # other intents keep the tenant's `urls`.
    urls: dict[str, str] = Field(default_factory=dict)


class Team(Strict):
    name: Text
    phone: ShownText | None = None
    # Where the ticket e-mails go: one address, no spaces or line breaks (no header injection).
    email: str | None = Field(default=None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class HolidayPolicy(Strict):
    good_friday_closed: bool = True
    liberation_day_closed: bool = True
    extra_closed: list[str] = Field(default_factory=list)  # ISO dates


HEX_COLOR = r"^#[0-9a-fA-F]{6}$"


class Look(Strict):
    """The website widget's look as design tokens (NL Design System style; the widget reads the
    same names from the page as `--balie-<name-with-hyphens>`). Each is optional: an unset token
    comes from the page's NL Design System theme or Balie's default. Pairs under WCAG contrast
    are replaced (core.look.readable) and reported by `balie kb check`."""

    primary_background_color: str | None = Field(default=None, pattern=HEX_COLOR)  # launcher, header, own messages
    primary_color: str | None = Field(default=None, pattern=HEX_COLOR)  # text on the primary background
    link_color: str | None = Field(default=None, pattern=HEX_COLOR)  # links and answer buttons, on white
    focus_outline_color: str | None = Field(default=None, pattern=HEX_COLOR)
    # Written into the widget's stylesheet: names, commas, quotes and hyphens only (no CSS syntax).
    font_family: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_ ,'\"-]{1,200}$")
    border_radius: str | None = Field(default=None, pattern=r"^(0|[0-9]{1,3}(\.[0-9]+)?(px|r?em))$")


class WhatsAppSettings(Strict):
    phone_number_id: str | None = None
    reopen_template: str | None = None


class MessengerSettings(Strict):
    """The gemeente's Facebook Page and Instagram professional account on which Balie answers
    (Meta's ids; either may be absent). The Page access tokens are secrets, never here: SSM
    SecureStrings `<MESSENGER_PAGE_TOKENS_PATH>/<id>` (README "Messenger and Instagram")."""

    page_id: str | None = Field(default=None, pattern=r"^[0-9A-Za-z_.-]{1,64}$")
    instagram_account_id: str | None = Field(default=None, pattern=r"^[0-9A-Za-z_.-]{1,64}$")


class OpenKlantSettings(Strict):
    url: str | None = None


class Fee(Strict):
    name: Text
    euro: Decimal = Field(ge=0, max_digits=8, decimal_places=2)


class Fees(Strict):
    """The tenant's own fees (legesverordening) of one year, per intent."""

    year: int = Field(ge=2000, le=2100)
    items: dict[str, list[Fee]] = Field(default_factory=dict)  # intent id -> its fees


class Shelter(Strict):
    """The desk for people without a place to sleep (maatschappelijke opvang)."""

    name: Text
    phone: ShownText = Field(min_length=1)
    url: str | None = None
    # Whether `phone` is answered day and night. When it is not, while the gemeente is closed the
    # help also names the police's line for tonight: a desk that opens on Monday is no bed tonight.
    day_and_night: bool = False


class CrisisSettings(Strict):
    shelter: Shelter | None = None
    team: str | None = None  # the team that takes urgent handovers after crisis help (default team when absent)


class Tenant(Strict):
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: ShownText
    domain: str
    widget_origins: list[str] = Field(default_factory=list)
    look: Look = Field(default_factory=Look)
    opening_hours: dict[str, list[tuple[str, str]]] = Field(default_factory=dict)
    holidays: HolidayPolicy = Field(default_factory=HolidayPolicy)
    live_handover_limit_minutes: int = Field(default=10, ge=1, le=15)
    default_team: str
    teams: dict[str, Team]
    urls: dict[str, str] = Field(default_factory=dict)
    intent_overrides: dict[str, IntentOverride] = Field(default_factory=dict)
    disabled_intents: list[str] = Field(default_factory=list)
    extra_intents: list[Intent] = Field(default_factory=list)
    whatsapp: WhatsAppSettings = Field(default_factory=WhatsAppSettings)
    messenger: MessengerSettings = Field(default_factory=MessengerSettings)
    # At least SQS's longest retention: a queued copy (a ticket on its way, a dead letter) must not
    # outlive what the tenant promises (docs/ARCHITECTURE.md, "Erasure and retention").
    retention_days: int = Field(default=30, ge=MIN_RETENTION_DAYS, le=3650)
    share_unanswered: bool = False
    # Opt in: editors of other gemeenten see this gemeente's own answers (core.editor "others").
    share_answers: bool = False
    open_klant: OpenKlantSettings = Field(default_factory=OpenKlantSettings)
    fees: Fees | None = None
    crisis: CrisisSettings = Field(default_factory=CrisisSettings)
    # The tenant's own wording of entries of the text catalogue (core.dialogue.texts).
    texts: dict[str, Text] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def colors_are_the_old_look(cls, data: Any) -> Any:
        """`colors: {primary, on_primary}`, the first format, still reads: as the look's primary pair."""
        if not (isinstance(data, dict) and isinstance(data.get("colors"), dict)):
            return data
        data = dict(data)
        colors = data.pop("colors")
        look = dict(data.get("look") or {})
        for old, new in (("primary", "primary_background_color"), ("on_primary", "primary_color")):
            if old in colors:
                look.setdefault(new, colors[old])
        data["look"] = look
        return data

    @model_validator(mode="after")
    def known_weekdays_and_team(self) -> "Tenant":
        unknown = set(self.opening_hours) - set(WEEKDAYS)
        if unknown:
            raise ValueError(f"unknown weekday(s) in opening_hours: {sorted(unknown)}")
        if self.default_team not in self.teams:
            raise ValueError(f"default_team {self.default_team!r} is not one of the teams")
        if self.crisis.team is not None and self.crisis.team not in self.teams:
            raise ValueError(f"crisis.team {self.crisis.team!r} is not one of the teams")
        if self.texts:
            from ..dialogue.texts import override_problems  # the catalogue imports this module

            problems = override_problems(self.texts)
            if problems:
                raise ValueError("; ".join(problems))
        return self

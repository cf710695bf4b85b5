"""Knowledge-base editor API under /v1/staff/kb (role `editor`, own tenant only; core.editor).

- `GET /v1/staff/kb/intents`: every intent with its effective answer, the draft's
  changes and checks; `GET|PUT /v1/staff/kb/intents/{intentId}`: one intent (shared
  answer, the gemeente's overlay, what residents get now, the difference, the checks in
  Dutch, each follow-up and detail answer shared and the gemeente's own); PUT stores the
  wanted state in the draft (a new id with a title: the gemeente's own intent; a detail
  the topic lacks: 422).
- `POST /v1/staff/kb/preview {"message", "history"?}`: the reply the draft would give.
- `POST /v1/staff/kb/publish` -> `{"version"}`: the draft becomes the next tenant version,
  built and switched live by the tenant-build function (live within a minute, no deploy).
- `GET /v1/staff/kb/versions`, `POST /v1/staff/kb/rollback {"version"}`.
- From unanswered to answered: `GET /v1/staff/kb/unanswered` (the last 30 days' unanswered
  questions grouped, each with the nearest intent), `POST /v1/staff/kb/unanswered/adopt
  {"questions", "intent"}` (into the draft: examples of that intent, or a new own intent).
- "Van gemeenten voor gemeenten": `GET /v1/staff/kb/intents/{intentId}/export` (the intent
  as this gemeente has it, in the shared format) and `.../others` (the answers of gemeenten
  that share theirs, `share_answers`).

Own function (not the staff API's): it asks the build queue for builds and draft
checks, reads matcher artefacts and answers previews with the dialogue engine. The
tenant comes only from the token's claims; preflights go to the staff API's
`OPTIONS /v1/staff/{proxy+}`. Thin: parse, one use case, render.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

from aws_lambda_powertools import Logger
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

from core.editor.drafts import MAX_EXAMPLES, MAX_LINKS, DraftLink, DraftText, IntentDraft
from core.editor.service import MAX_PREVIEW_HISTORY, KnowledgeEditor
from core.kb.models import DetailName, Examples, FollowupKind
from core.text_input import check_text
from handlers import http_errors, staff_token
from handlers.cold_start import after_first_call
from handlers.http_body import parse_body
from handlers.http_router import Request, Response, Router
from handlers.staff_http import identity_of, ok, with_dashboard_cors
from handlers.wiring import services, tenant_services

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

UNANSWERED_DAYS = 30
# An own intent with 200 example questions in two languages is larger than a chat message.
MAX_INTENT_BYTES = 128 * 1024
MAX_DETAILS = 30  # own answers of details in one request (the knowledge's topics have at most about ten)

logger = Logger(service="balie")
app = Router(http_errors.respond, authenticate=staff_token.authenticate)


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class TextBody(_Body):
    nl: str = Field(default="", max_length=2000)
    en: str = Field(default="", max_length=2000)


class LinkBody(_Body):
    title: TextBody
    url: str = Field(min_length=1, max_length=2000)


class ExamplesBody(_Body):
    nl: list[str] = Field(default_factory=list, max_length=MAX_EXAMPLES)
    en: list[str] = Field(default_factory=list, max_length=MAX_EXAMPLES)


class IntentBody(_Body):
    """The wanted state of one intent. Shared intents: `answer`/`links` null = the shared
    ones, `examples` (or `extraExamples`) = extra example questions; an own intent also
    has `title` (and optionally `team`)."""

    enabled: bool = True
    answer: TextBody | None = None
    links: list[LinkBody] | None = Field(default=None, max_length=MAX_LINKS)
    examples: ExamplesBody = Field(default_factory=ExamplesBody,
                                   validation_alias=AliasChoices("examples", "extraExamples", "extra_examples"))
    title: TextBody | None = None
    team: str | None = Field(default=None, min_length=1, max_length=63)
    # Shared intents: the gemeente's own answer to a follow-up question and of a detail (by its name); a key left
    # out, or a text empty in both languages: the shared answer.
    followups: dict[FollowupKind, TextBody] = Field(default_factory=dict)
    details: dict[DetailName, TextBody] = Field(default_factory=dict, max_length=MAX_DETAILS)
    # Its own answers to a follow-up asked after a detail: {detail name: {kind: text}}.
    detail_followups: dict[DetailName, dict[FollowupKind, TextBody]] = Field(
        default_factory=dict, max_length=MAX_DETAILS, validation_alias=AliasChoices("detailFollowups", "detail_followups"))
    # Its own links of a detail instead of the detail's shared ones: {detail name: [link]}; a name left out: the
    # shared links; an empty list: none. Checked as the topic's `links`.
    detail_links: dict[DetailName, Annotated[list[LinkBody], Field(max_length=MAX_LINKS)]] = Field(
        default_factory=dict, max_length=MAX_DETAILS, validation_alias=AliasChoices("detailLinks", "detail_links"))

    def draft(self) -> IntentDraft:
        def text(body: TextBody | None) -> DraftText | None:
            return DraftText(nl=body.nl.strip(), en=body.en.strip()) if body is not None else None

        def written(bodies: Mapping[str, TextBody]) -> dict[str, DraftText]:
            return {key: DraftText(nl=body.nl.strip(), en=body.en.strip())
                    for key, body in bodies.items() if body.nl.strip() or body.en.strip()}

        def kept(texts: list[str]) -> list[str]:
            return [item.strip() for item in texts if item.strip()]

        def links(bodies: list[LinkBody]) -> list[DraftLink]:
            return [DraftLink(title=text(link.title) or DraftText(), url=link.url.strip()) for link in bodies]

        return IntentDraft(
            enabled=self.enabled, answer=text(self.answer), title=text(self.title), team=self.team,
            links=links(self.links) if self.links is not None else None,
            examples=Examples(nl=kept(self.examples.nl), en=kept(self.examples.en)),
            followups=written(self.followups), details=written(self.details),
            detail_followups={name: own for name, texts in self.detail_followups.items() if (own := written(texts))},
            detail_links={name: links(bodies) for name, bodies in self.detail_links.items()})


class PreviewBody(_Body):
    message: str = Field(min_length=1, max_length=1000)
    history: list[str] = Field(default_factory=list, max_length=MAX_PREVIEW_HISTORY)

    @field_validator("message")
    @classmethod
    def acceptable_message(cls, value: str) -> str:
        return check_text(value)

    @field_validator("history")
    @classmethod
    def acceptable_history(cls, value: list[str]) -> list[str]:
        return [check_text(item) for item in value]


class RollbackBody(_Body):
    version: int = Field(ge=1)


class AdoptBody(_Body):
    """Unanswered questions into the draft: as examples of `intent`, or (null) a new own intent."""

    questions: list[str] = Field(min_length=1, max_length=MAX_EXAMPLES)
    intent: str | None = Field(default=None, min_length=1, max_length=63)

    @field_validator("questions")
    @classmethod
    def acceptable_questions(cls, value: list[str]) -> list[str]:
        return [check_text(item) for item in value]


def editor() -> KnowledgeEditor:
    from adapters.kb_files import matcher_code_version, shared_base
    from core.errors import ServiceUnavailable

    tenants = tenant_services()
    if tenants.drafts is None:
        raise ServiceUnavailable("The knowledge-base editor is not available here.")
    return KnowledgeEditor(registry=tenants.registry, drafts=tenants.drafts, builds=tenants.builds,
                           checks=tenants.builds, shared=shared_base, artefacts=tenants.artefacts,  # type: ignore[arg-type]
                           live=tenants.catalogue, code_version=matcher_code_version, clock=services().clock)


@app.get("/v1/staff/kb/intents")
def list_intents(request: Request) -> Response:
    return ok(editor().intents(identity_of(request)).model_dump(mode="json"))


@app.get("/v1/staff/kb/intents/<intent_id>")
def get_intent(request: Request, intent_id: str) -> Response:
    return ok(editor().intent(identity_of(request), intent_id).model_dump(mode="json"))


@app.put("/v1/staff/kb/intents/<intent_id>")
def put_intent(request: Request, intent_id: str) -> Response:
    who = identity_of(request)
    body = parse_body(request, IntentBody, max_bytes=MAX_INTENT_BYTES)
    detail = editor().put(who, intent_id, body.draft())
    logger.info("kb intent edited", extra={"tenant": who.tenant, "staff": who.subject, "intent": intent_id})
    return ok(detail.model_dump(mode="json"))


@app.get("/v1/staff/kb/intents/<intent_id>/export")
def export_intent(request: Request, intent_id: str) -> Response:
    """The intent as this gemeente has it, in the shared format (knowledge/<id>.yaml; JSON is YAML)."""
    who = identity_of(request)
    intent = editor().export(who, intent_id)
    logger.info("kb intent exported", extra={"tenant": who.tenant, "staff": who.subject, "intent": intent_id})
    return Response(200, intent.model_dump_json(indent=2, exclude_defaults=True), "application/yaml; charset=utf-8",
                    {"Cache-Control": "no-store", "Content-Disposition": f'attachment; filename="{intent.id}.yaml"'})


@app.get("/v1/staff/kb/intents/<intent_id>/others")
def other_answers(request: Request, intent_id: str) -> Response:
    found = editor().others(identity_of(request), intent_id)
    return ok({"answers": [item.model_dump(mode="json") for item in found]})


@app.get("/v1/staff/kb/unanswered")
def unanswered(request: Request) -> Response:
    """The last 30 days' unanswered questions, grouped, with the nearest intent."""
    from datetime import timedelta

    from core.opening_hours import AMSTERDAM

    shared = services()
    last = shared.clock().astimezone(AMSTERDAM).date()
    groups = editor().unanswered(identity_of(request), shared.store,
                                 last - timedelta(days=UNANSWERED_DAYS - 1), last)
    return ok({"groups": [group.model_dump(mode="json") for group in groups]})


@app.post("/v1/staff/kb/unanswered/adopt")
def adopt(request: Request) -> Response:
    who = identity_of(request)
    body = parse_body(request, AdoptBody, max_bytes=MAX_INTENT_BYTES)
    detail = editor().adopt(who, body.questions, body.intent)
    logger.info("kb questions adopted", extra={"tenant": who.tenant, "staff": who.subject, "intent": detail.id,
                                               "questions": len(body.questions)})
    return ok(detail.model_dump(mode="json"))


@app.post("/v1/staff/kb/preview")
def preview(request: Request) -> Response:
    body = parse_body(request, PreviewBody)
    return ok(editor().preview(identity_of(request), body.message, body.history).model_dump(mode="json"))


@app.post("/v1/staff/kb/publish")
def publish(request: Request) -> Response:
    who = identity_of(request)
    published = editor().publish(who)
    logger.info("kb published", extra={"tenant": who.tenant, "staff": who.subject, "version": published.version})
    return ok(published.model_dump(mode="json"))


@app.get("/v1/staff/kb/versions")
def versions(request: Request) -> Response:
    return ok(editor().versions(identity_of(request)).model_dump(mode="json"))


@app.post("/v1/staff/kb/rollback")
def rollback(request: Request) -> Response:
    who = identity_of(request)
    body = parse_body(request, RollbackBody)
    published = editor().rollback(who, body.version)
    logger.info("kb rolled back", extra={"tenant": who.tenant, "staff": who.subject, "version": published.version,
                                         "restored": body.version})
    return ok(published.model_dump(mode="json"))


@after_first_call
@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    request = Request.from_event(event)
    return with_dashboard_cors(request, app.respond(request)).to_api_gateway()

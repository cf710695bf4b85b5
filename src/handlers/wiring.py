"""The services handlers use, built on first use from the environment.

Nothing here reads the environment or creates an AWS client at import: the
first `services()` call does, and caches the result for the life of the
Lambda container. Tests and the local stack install their own with `use()`.

Environment: TABLE_NAME (the DynamoDB table), KB_DIR (compiled knowledge,
default src/kb_compiled), TICKET_INTAKE_QUEUE_URL (every tenant's tickets),
HANDOVER_TIMEOUT_QUEUE_URL, TICKET_MAIL_FROM (sender of the teams' ticket
e-mails; empty: none are sent), STAFF_DASHBOARD_URL (linked from them),
ARTEFACT_BUCKET (matcher artefacts), TENANT_BUILD_QUEUE_URL (tenant builds),
TENANT_CACHE_SECONDS (how long a container trusts its directory of tenants; 30),
the limits of core.limits: NEW_CONVERSATIONS_PER_CLIENT (per 10 minutes,
0 = none), UNANSWERED_PER_TENANT_PER_DAY, REQUESTS_PER_CLIENT (polls and erasures a
minute, 0 = none).

AWS clients are built when an invocation first calls them (`OnFirstUse`), not
when the services are wired: a chat turn that queues no ticket never pays for
an SQS client (about 45 ms of a cold start). All clients come from one botocore
session (`aws_session`), so service models and endpoint data are loaded once.
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.clock import Clock, now
from core.dialogue.engine import Engine
from core.effects import EffectDispatcher, PortEffectDispatcher
from core.ports import (
    CannedReplyStore,
    ConversationStore,
    HandoverTimeouts,
    JsonPoster,
    KnowledgeRepository,
    TeamNotifier,
    TicketQueue,
    TicketStore,
)
from core.retention import Retention
from core.tenants import CACHE_SECONDS, BuildQueue, TenantAdmin, TenantBuilder, TenantCatalogue, TenantRegistry
from core.limits import (
    DEFAULT_NEW_CONVERSATIONS_PER_CLIENT,
    DEFAULT_REQUESTS_PER_CLIENT,
    DEFAULT_UNANSWERED_PER_DAY,
    TurnLimits,
)

if TYPE_CHECKING:
    from core.editor.service import DraftStore
    from core.tickets import TicketIntake


@dataclass
class Services:
    store: ConversationStore
    knowledge: KnowledgeRepository
    tickets: TicketQueue  # the producer side: hands tickets to the intake
    timeouts: HandoverTimeouts
    ticket_store: TicketStore  # the records staff work
    clock: Clock = now
    open_klant: JsonPoster | None = None
    notifier: TeamNotifier | None = None
    dashboard_url: str | None = None
    id_key: Callable[[], bytes] | None = None  # secret of first-turn conversation ids (core.ids)
    limits: TurnLimits = TurnLimits()
    canned: CannedReplyStore | None = None  # the tenants' canned replies for staff
    effects: EffectDispatcher = field(init=False)
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        # A turn's side effects go out through the existing ports, after the turn is written.
        self.effects = PortEffectDispatcher(tickets=self.tickets, timeouts=self.timeouts)
        self.engine = Engine(
            store=self.store, knowledge=self.knowledge, effects=self.effects, clock=self.clock, id_key=self.id_key,
            limits=self.limits,
        )

    @functools.cached_property
    def ticket_intake(self) -> TicketIntake:
        """The ticket-intake function's use case, built when it is first used: the other
        functions never import core.tickets (and core.staff with it)."""
        from core.tickets import TicketIntake

        return TicketIntake(
            tickets=self.ticket_store, knowledge=self.knowledge, notifier=self.notifier,
            open_klant=self.open_klant, clock=self.clock, dashboard_url=self.dashboard_url,
        )


@dataclass
class TenantServices:
    """Tenants as data: the registry, the artefacts and the build queue, and what is
    built on them (the catalogue every function reads tenants from, the admin API's
    and the build function's use cases)."""

    registry: TenantRegistry
    artefacts: Any  # core.kb.build.ArtefactStore
    builds: BuildQueue
    cache_seconds: float
    drafts: DraftStore | None = None  # the knowledge-base editor's drafts and audit trail (handlers.kb_editor_api)
    catalogue: TenantCatalogue = field(init=False)

    def __post_init__(self) -> None:
        self.catalogue = TenantCatalogue(registry=self.registry, artefacts=self.artefacts,
                                         cache_seconds=self.cache_seconds)

    # The admin API's and the build function's use cases, built when first used.
    @functools.cached_property
    def admin(self) -> TenantAdmin:
        from adapters.kb_files import shared_base

        from core.editor.drafts import published_topics

        drafts = self.drafts
        return TenantAdmin(registry=self.registry, builds=self.builds, shared=shared_base,
                           editors_topics=lambda slug: frozenset() if drafts is None else published_topics(drafts.audit(slug)))

    @functools.cached_property
    def builder(self) -> TenantBuilder:
        from adapters.kb_files import matcher_code_version, shared_base

        return TenantBuilder(registry=self.registry, artefacts=self.artefacts, shared=shared_base,
                             code_version=matcher_code_version)


class OnFirstUse:
    """Stands in for an AWS client or resource and builds it on first attribute
    access (`build` is called once; later accesses go straight to the object)."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._built: Any = None

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes of the real object (ours are set in __init__).
        if self._built is None:
            self._built = self._build()
        return getattr(self._built, name)


_session: Any = None  # botocore.session.Session, created by the first aws_session() call


def aws_session() -> Any:
    """The process's one botocore session, which every client comes from (so service models and
    endpoint data are loaded once). Hooks on its events reach every client created after them;
    like boto3's default session it outlives `use()` and the local stack's resets.

    botocore itself, not boto3: Balie uses low-level clients only, and importing boto3's layer
    on top of them (resources, the S3 transfer manager) costs about 20 ms of every cold start
    that creates a client (BENCHMARKS.md, "Cold start"). Region, credentials and
    AWS_ENDPOINT_URL are read from the environment by botocore, as boto3 would."""
    global _session
    if _session is None:
        import botocore.session

        _session = botocore.session.get_session()
    return _session


@functools.cache
def aws_client(service: str) -> Any:
    """The container's one client of an AWS service."""
    return aws_session().create_client(service)


def client_on_first_use(service: str) -> OnFirstUse:
    return OnFirstUse(lambda: aws_client(service))


_installed: Services | None = None


def use(installed: Services | None) -> None:
    """Install (or with None: remove) the services every handler uses."""
    global _installed
    _installed = installed
    _from_environment.cache_clear()
    tenant_services.cache_clear()
    aws_client.cache_clear()


def services() -> Services:
    return _installed if _installed is not None else _from_environment()


# Adapters only some functions call are built on first use too: the chat API then never
# imports the editor's draft models, nor core.tickets and core.staff behind the ticket records.
def _drafts(table: str) -> Any:
    from adapters.dynamodb_drafts import DynamoDBDrafts

    return DynamoDBDrafts(aws_client("dynamodb"), table)


def _ticket_store(table: str, retention: Callable[[str], Retention | None]) -> Any:
    from adapters.dynamodb_tickets import DynamoDBTicketStore

    return DynamoDBTicketStore(aws_client("dynamodb"), table, retention=retention)


@functools.cache
def tenant_services() -> TenantServices:
    from adapters.dynamodb_tenants import DynamoDBTenantRegistry
    from adapters.s3_artefacts import PackagedOrS3Artefacts
    from adapters.sqs_queues import SqsTenantBuilds

    table = os.environ["TABLE_NAME"]
    return TenantServices(
        registry=DynamoDBTenantRegistry(client_on_first_use("dynamodb"), table),
        drafts=OnFirstUse(functools.partial(_drafts, table)),
        artefacts=PackagedOrS3Artefacts(client_on_first_use("s3"), os.environ["ARTEFACT_BUCKET"]),
        builds=SqsTenantBuilds(client_on_first_use("sqs"), os.environ["TENANT_BUILD_QUEUE_URL"]),
        cache_seconds=float(os.environ.get("TENANT_CACHE_SECONDS") or CACHE_SECONDS),
    )


@functools.cache
def _from_environment() -> Services:
    from adapters.dynamodb_canned import DynamoDBCannedReplies
    from adapters.dynamodb_store import DynamoDBConversationStore
    from adapters.open_klant_http import UrllibJsonPoster
    from adapters.ses_mail import SesTeamNotifier
    from adapters.sqs_queues import SqsHandoverTimeouts, SqsTicketQueue

    sqs = client_on_first_use("sqs")
    dynamodb = client_on_first_use("dynamodb")
    table = os.environ["TABLE_NAME"]
    catalogue = tenant_services().catalogue
    # Readers apply each tenant's retention now (core.retention), from the directory the catalogue caches.
    store = DynamoDBConversationStore(dynamodb, table, retention=catalogue.retention)
    mail_from = os.environ.get("TICKET_MAIL_FROM", "").strip()
    return Services(
        store=store,
        id_key=store.id_key,
        knowledge=catalogue,
        tickets=SqsTicketQueue(sqs, os.environ["TICKET_INTAKE_QUEUE_URL"]),
        timeouts=SqsHandoverTimeouts(sqs, os.environ["HANDOVER_TIMEOUT_QUEUE_URL"]),
        ticket_store=OnFirstUse(functools.partial(_ticket_store, table, catalogue.retention)),
        open_klant=UrllibJsonPoster(),
        notifier=SesTeamNotifier(client_on_first_use("ses"), mail_from) if mail_from else None,
        dashboard_url=os.environ.get("STAFF_DASHBOARD_URL", "").strip() or None,
        limits=TurnLimits(
            new_conversations_per_client=int(os.environ.get("NEW_CONVERSATIONS_PER_CLIENT")
                                             or DEFAULT_NEW_CONVERSATIONS_PER_CLIENT),
            unanswered_per_day=int(os.environ.get("UNANSWERED_PER_TENANT_PER_DAY") or DEFAULT_UNANSWERED_PER_DAY),
            requests_per_client=int(os.environ.get("REQUESTS_PER_CLIENT") or DEFAULT_REQUESTS_PER_CLIENT),
        ),
        canned=DynamoDBCannedReplies(dynamodb, table),
    )

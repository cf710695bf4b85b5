"""The WhatsApp channel's collaborators, built lazily from the environment on
first use (never at import). Tests and the local stack install their own with
`use()`.

Environment (set in template.yaml): TABLE_NAME, WHATSAPP_INBOUND_QUEUE_URL,
WHATSAPP_GRAPH_API_URL and the NAMES of three SSM SecureString parameters:
WHATSAPP_APP_SECRET_PARAMETER, WHATSAPP_VERIFY_TOKEN_PARAMETER,
WHATSAPP_ACCESS_TOKEN_PARAMETER (values cached by Powertools for 5 minutes).
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from channels.whatsapp import GraphSender, ReplyDelivery, StaffReplySender, WebhookIntake
from core.kb.models import WhatsAppSettings
from core.models import InboundMessage, Reply

SECRET_MAX_AGE_SECONDS = 300


@dataclass
class WhatsAppServices:
    app_secret: Callable[[], str]
    verify_token: Callable[[], str]
    intake: WebhookIntake
    delivery: ReplyDelivery
    staff_replies: StaffReplySender


_installed: WhatsAppServices | None = None


def use(services: WhatsAppServices | None) -> None:
    """Install (or with None: remove) the services handlers use."""
    global _installed
    _installed = services
    whatsapp_services.cache_clear()
    _ssm_parameters.cache_clear()


def current() -> WhatsAppServices:
    return _installed if _installed is not None else whatsapp_services()


@functools.cache
def _ssm_parameters():
    """Powertools' SSM provider (its cache of values) on the container's SSM client.
    Its default provider would open a boto3 session of its own, which loads the
    endpoint data and service models a second time (tens of ms of a cold start)."""
    from aws_lambda_powertools.utilities.parameters import SSMProvider

    from handlers.wiring import aws_client

    return SSMProvider(boto3_client=aws_client("ssm"))


def secure_string(parameter_name: str, *, force_fetch: bool = False) -> str:
    """An SSM SecureString, cached for SECRET_MAX_AGE_SECONDS unless `force_fetch`."""
    return str(_ssm_parameters().get(parameter_name, decrypt=True, max_age=SECRET_MAX_AGE_SECONDS,
                                     force_fetch=force_fetch))


def secret(parameter_env: str) -> Callable[[], str]:
    """A getter of the SSM SecureString named by the environment variable."""

    def get() -> str:
        return secure_string(os.environ[parameter_env])

    return get


def build(
    *,
    dynamodb,
    table_name: str,
    sqs_client,
    queue_url: str,
    graph: GraphSender,
    tenant_for: Callable[[str], str | None],
    settings_for: Callable[[str], WhatsAppSettings],
    retention_days: Callable[[str], int],
    respond: Callable[[InboundMessage], Reply],
    app_secret: Callable[[], str],
    verify_token: Callable[[], str],
    clock: Callable[[], datetime],
) -> WhatsAppServices:
    """Wires the channel from its parts (the Lambda environment, the local stack, tests)."""
    from adapters.sqs_inbound import SqsInboundQueue
    from adapters.whatsapp_store import WhatsAppStore

    store = WhatsAppStore(dynamodb, table_name, clock)
    return WhatsAppServices(
        app_secret=app_secret,
        verify_token=verify_token,
        intake=WebhookIntake(
            tenant_for=tenant_for, app_secret=app_secret, seen=store,
            queue=SqsInboundQueue(sqs_client, queue_url), statuses=store, clock=clock,
        ),
        delivery=ReplyDelivery(respond=respond, graph=graph, log=store, clock=clock, retention_days=retention_days),
        staff_replies=StaffReplySender(store, graph, settings_for, clock),
    )


@functools.cache
def whatsapp_services() -> WhatsAppServices:
    from adapters.graph_api import GraphApiClient
    from handlers import metrics as turn_metrics
    from handlers.wiring import client_on_first_use, services

    shared = services()
    knowledge = shared.knowledge

    def tenant(slug: str):
        return knowledge.get(slug).tenant

    return build(
        # The container's one DynamoDB client, shared with the conversation store.
        dynamodb=client_on_first_use("dynamodb"),
        table_name=os.environ["TABLE_NAME"],
        sqs_client=client_on_first_use("sqs"),  # the webhook's; the worker only queues on a handover
        queue_url=os.environ["WHATSAPP_INBOUND_QUEUE_URL"],
        graph=GraphApiClient(os.environ["WHATSAPP_GRAPH_API_URL"],
                             access_token_provider(os.environ["WHATSAPP_ACCESS_TOKEN_PARAMETER"])),
        tenant_for=knowledge.tenant_for_whatsapp,
        settings_for=lambda slug: tenant(slug).whatsapp,
        retention_days=lambda slug: tenant(slug).retention_days,
        respond=turn_metrics.metered(shared.engine),  # the turn's business metrics and latency
        app_secret=secret("WHATSAPP_APP_SECRET_PARAMETER"),
        verify_token=secret("WHATSAPP_VERIFY_TOKEN_PARAMETER"),
        clock=shared.clock,
    )


def access_token_provider(parameter_name: str) -> Callable[[bool], str]:
    """The Graph API token from SSM (an adapters.graph_api.TokenProvider); `force_refresh` after a 401."""
    return functools.partial(_access_token, parameter_name)


def _access_token(parameter_name: str, force_refresh: bool) -> str:
    return secure_string(parameter_name, force_fetch=force_refresh)


def staff_reply_sender() -> StaffReplySender:
    """For the staff API: delivers staff replies on WhatsApp (`OutboundSender`)."""
    return current().staff_replies

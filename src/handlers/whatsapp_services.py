"""The WhatsApp channel's collaborators, built lazily from the environment on
first use (never at import). Tests and the local stack install their own with
`use()`.

Environment (set in template.yaml): TABLE_NAME, WHATSAPP_INBOUND_QUEUE_URL,
WHATSAPP_GRAPH_API_URL and the NAMES of three SSM SecureString parameters:
WHATSAPP_APP_SECRET_PARAMETER, WHATSAPP_VERIFY_TOKEN_PARAMETER,
WHATSAPP_ACCESS_TOKEN_PARAMETER (values cached for 5 minutes, handlers.secrets).
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable

from channels import whatsapp
from core.kb.models import WhatsAppSettings
from core.messaging.outbound import ChannelReplies
from core.models import Channel, ChannelAccount
from handlers.channel_services import ChannelParts, ChannelServices, Installed, parts_from_environment, wire
from handlers.secrets import secure_string


def build(parts: ChannelParts, *, graph, tenant_for: Callable[[str], str | None],
          settings_for: Callable[[str], WhatsAppSettings]) -> ChannelServices:
    """Wires the channel from its parts (the Lambda environment, the local stack, tests)."""

    def owner(channel: Channel, phone_number_id: str) -> ChannelAccount | None:
        tenant = tenant_for(phone_number_id)
        return ChannelAccount(tenant, Channel.WHATSAPP) if tenant else None

    return wire(parts, prefix="WA", owner=owner, conversation_id=whatsapp.conversation_id,
                outputs={Channel.WHATSAPP: whatsapp.WhatsAppOutput(graph)},
                windows={Channel.WHATSAPP: whatsapp.WhatsAppWindow(settings_for)},
                unreachable=whatsapp.unreachable, receipts=True)


@functools.cache
def whatsapp_services() -> ChannelServices:
    from adapters.graph_api import GraphApiClient
    from handlers.wiring import services

    knowledge = services().knowledge
    return build(
        parts_from_environment("WHATSAPP_INBOUND_QUEUE_URL", "WHATSAPP_APP_SECRET_PARAMETER",
                               "WHATSAPP_VERIFY_TOKEN_PARAMETER"),
        graph=GraphApiClient(os.environ["WHATSAPP_GRAPH_API_URL"],
                             access_token_provider(os.environ["WHATSAPP_ACCESS_TOKEN_PARAMETER"])),
        tenant_for=knowledge.tenant_for_whatsapp,
        settings_for=lambda slug: knowledge.get(slug).tenant.whatsapp,
    )


_slot = Installed(whatsapp_services)
use = _slot.use
current = _slot.current


def access_token_provider(parameter_name: str) -> Callable[[bool], str]:
    """The Graph API token from SSM (an adapters.graph_api.TokenProvider); `force_refresh` after a 401."""
    return functools.partial(_access_token, parameter_name)


def _access_token(parameter_name: str, force_refresh: bool) -> str:
    return secure_string(parameter_name, force_fetch=force_refresh)


def staff_reply_sender() -> ChannelReplies:
    """For the staff API: delivers staff replies on WhatsApp (`OutboundSender`)."""
    return current().staff_replies[Channel.WHATSAPP]

"""The Messenger and Instagram channel's collaborators, built lazily from the environment
on first use (never at import). Tests and the local stack install their own with `use()`.

Environment (set in template.yaml): TABLE_NAME, MESSENGER_INBOUND_QUEUE_URL,
MESSENGER_GRAPH_API_URL, MESSENGER_APP_ID (Balie's Meta app: its echoes and its thread
control), MESSENGER_HUMAN_AGENT ("true" when the app has Meta's human_agent permission),
the NAMES of two SSM SecureString parameters, MESSENGER_APP_SECRET_PARAMETER and
MESSENGER_VERIFY_TOKEN_PARAMETER, and MESSENGER_PAGE_TOKENS_PATH: the SSM path under
which each Page's (or Instagram account's) access token is a SecureString named by the
account id. Values are cached for 5 minutes (handlers.secrets).
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable

from channels import messenger
from core.errors import ServiceUnavailable
from core.messaging.outbound import ChannelReplies
from core.models import Channel, ChannelAccount
from handlers.channel_services import ChannelParts, ChannelServices, Installed, parts_from_environment, wire
from handlers.secrets import SecretUnavailable, secure_string

CHANNELS = (Channel.MESSENGER, Channel.INSTAGRAM)


def build(parts: ChannelParts, *, send_api, owner: Callable[[str], ChannelAccount | None], app_id: str = "",
          human_agent: bool = False) -> ChannelServices:
    """Wires the channel from its parts (the Lambda environment, the local stack, tests)."""
    return wire(
        parts, prefix="MSG",
        # The body's `object` is a hint: a Page or Instagram id is found among both.
        owner=lambda channel, account_id: owner(account_id), conversation_id=messenger.conversation_id,
        outputs={channel: messenger.MessengerOutput(channel, send_api) for channel in CHANNELS},
        windows={channel: messenger.MessengerWindow(channel, human_agent=human_agent) for channel in CHANNELS},
        unreachable=messenger.unreachable, own_app_id=app_id, thread_handover=messenger.ThreadHandover(send_api),
    )


@functools.cache
def messenger_services() -> ChannelServices:
    from adapters.graph_api import SendApiClient
    from handlers.wiring import services

    tokens_path = os.environ["MESSENGER_PAGE_TOKENS_PATH"].rstrip("/")

    def page_token(account_id: str, force_refresh: bool) -> str:
        name = f"{tokens_path}/{account_id}"
        try:
            return secure_string(name, force_fetch=force_refresh)
        except SecretUnavailable as error:
            # The operator has not stored this Page's token (yet): retried, then the dead-letter queue.
            raise ServiceUnavailable(f"No access token for Meta account {account_id} (SSM {name}).") from error

    return build(
        parts_from_environment("MESSENGER_INBOUND_QUEUE_URL", "MESSENGER_APP_SECRET_PARAMETER",
                               "MESSENGER_VERIFY_TOKEN_PARAMETER"),
        send_api=SendApiClient(os.environ["MESSENGER_GRAPH_API_URL"], page_token),
        owner=services().knowledge.tenant_for_messenger,
        app_id=os.environ.get("MESSENGER_APP_ID", "").strip(),
        human_agent=os.environ.get("MESSENGER_HUMAN_AGENT", "false").strip().lower() == "true",
    )


_slot = Installed(messenger_services)
use = _slot.use
current = _slot.current


def staff_reply_sender(channel: Channel) -> ChannelReplies:
    """For the staff API: delivers staff replies on Messenger or Instagram (`OutboundSender`)."""
    return current().staff_replies[channel]

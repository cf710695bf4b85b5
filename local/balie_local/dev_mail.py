"""`GET /dev/mail/outbox`: the e-mails the local stack sent through SES (moto keeps them).

The ticket intake tells a team by e-mail that a callback request waits
(core.tickets.ticket_notification); moto's SES accepts the mail from the locally
verified sender and keeps it in memory, in this process, where this route reads it.
"""
from __future__ import annotations

from typing import Any

from balie_local.dev_routes import DevRequest, DevResponse, register
from balie_local.template_resources import ACCOUNT_ID, DEFAULT_REGION


def sent_mail(region: str = DEFAULT_REGION) -> list[dict[str, Any]]:
    """Every e-mail moto's SES accepted in this process (the local stack or mock_aws), oldest first."""
    from moto.ses.models import ses_backends

    return [
        {"from": message.source, "to": list(message.destinations.get("ToAddresses", [])),
         "subject": message.subject, "text": message.body}
        for message in ses_backends[ACCOUNT_ID][region].sent_messages
    ]


def setup(stack: Any) -> None:
    def outbox(request: DevRequest) -> DevResponse:
        return DevResponse(200, {"messages": sent_mail(stack.region)})

    register("GET", r"/dev/mail/outbox", outbox)

"""TeamNotifier over Amazon SES: the e-mail that tells a team a callback request waits.

The sender (`TICKET_MAIL_FROM`, template parameter `TicketMailFrom`) must be an
identity SES has verified for the account (the template declares it; a domain
needs its DNS records, an address its confirmation mail). The message carries no
resident data (core.tickets.ticket_notification).
"""
from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from core.errors import ServiceUnavailable
from core.models import Notification


class SesTeamNotifier:
    def __init__(self, ses: Any, sender: str) -> None:
        self._ses = ses
        self._sender = sender

    def send(self, notification: Notification) -> None:
        try:
            self._ses.send_email(
                Source=self._sender,
                Destination={"ToAddresses": [notification.to]},
                Message={
                    "Subject": {"Data": notification.subject, "Charset": "UTF-8"},
                    "Body": {"Text": {"Data": notification.text, "Charset": "UTF-8"}},
                },
            )
        except (ClientError, BotoCoreError) as error:
            raise ServiceUnavailable("The team's e-mail could not be sent.") from error

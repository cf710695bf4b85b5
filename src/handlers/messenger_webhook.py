"""GET/POST /v1/messenger/webhook: Meta's handshake and webhook deliveries for Facebook
Messenger (`object` `page`) and Instagram Direct (`object` `instagram`)
(handlers.meta_webhooks: signature first, then the intake; 200 fast)."""
from __future__ import annotations

from channels.messenger import parse_webhook
from handlers import messenger_services
from handlers.meta_webhooks import webhook_handler
from handlers.metrics import MESSENGER_DELIVERY_FAILED

handler = webhook_handler("/v1/messenger/webhook", messenger_services.current, parse_webhook, "Messenger",
                          MESSENGER_DELIVERY_FAILED)

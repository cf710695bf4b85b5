"""GET/POST /v1/whatsapp/webhook: Meta's handshake and webhook deliveries for WhatsApp
(handlers.meta_webhooks: signature first, then the intake; 200 fast)."""
from __future__ import annotations

from channels.whatsapp import parse_webhook
from handlers import whatsapp_services
from handlers.meta_webhooks import webhook_handler
from handlers.metrics import WHATSAPP_DELIVERY_FAILED

handler = webhook_handler("/v1/whatsapp/webhook", whatsapp_services.current, parse_webhook, "WhatsApp",
                          WHATSAPP_DELIVERY_FAILED)

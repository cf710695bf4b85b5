"""SQS FIFO consumer: one queued WhatsApp message -> the engine's reply on WhatsApp
(handlers.messaging_worker)."""
from __future__ import annotations

from handlers.messaging_worker import worker_handler  # first: Powertools' batch module before pydantic
from handlers import whatsapp_services
from handlers.metrics import WHATSAPP_DELIVERY_FAILED

handler = worker_handler(whatsapp_services.current, "WhatsApp", WHATSAPP_DELIVERY_FAILED)

"""SQS FIFO consumer: one queued Messenger or Instagram event carried out (the engine's
reply through the Send API, an edit or unsend applied, thread control followed)
(handlers.messaging_worker)."""
from __future__ import annotations

from handlers.messaging_worker import worker_handler  # first: Powertools' batch module before pydantic
from handlers import messenger_services
from handlers.metrics import MESSENGER_DELIVERY_FAILED

handler = worker_handler(messenger_services.current, "Messenger", MESSENGER_DELIVERY_FAILED)

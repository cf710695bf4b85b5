"""What Meta's two webhooks (WhatsApp, Messenger/Instagram) share: the subscription
handshake and the signed delivery. The signature is checked on the raw bytes before
anything is parsed; a wrong one is a 401 (and a metric worth an alarm: a wrong app
secret after a rotation drops every resident's message). A verified delivery is
acknowledged fast: the channel's events go to its FIFO queue, its receipts are recorded,
everything else is dropped with a 200, so Meta does not retry it for days."""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit

from channels.meta import signature_is_valid, verification_challenge
from core.errors import Forbidden, Unauthorized
from core.messaging.intake import ParsedWebhook
from handlers import http_errors
from handlers import metrics as business_metrics
from handlers.channel_services import ChannelServices
from handlers.cold_start import after_first_call
from handlers.http_body import decode_json, raw_body
from handlers.http_router import Request, Response, Router

# Meta batches up to 1,000 updates in one delivery (about 400 KB); API Gateway allows 10 MB.
MAX_WEBHOOK_BYTES = 4 * 1024 * 1024
# A Cloud API body nests about 10 levels, a Messenger one about 8; Meta may add more. Deeper
# than this is no delivery of Meta's (a 400: its signature was valid, so worth a look in the logs).
MAX_WEBHOOK_DEPTH = 64


def handshake(request: Request, services: ChannelServices, metrics: Metrics, name: str) -> Response:
    """Meta's subscription check: the bare challenge (not JSON), or 403."""
    metrics.add_metric(name=f"{name}Verification", unit=MetricUnit.Count, value=1)
    challenge = verification_challenge(request.query, services.verify_token())
    if challenge is None:
        raise Forbidden("The verification token does not match.")
    return Response(200, challenge, "text/plain")


def receive(request: Request, services: ChannelServices, parse: Callable[[Any], ParsedWebhook],
            metrics: Metrics, logger: Logger, name: str, failed_metric: str) -> Response:
    """The signed delivery taken in; the acknowledgement Meta gets (compact JSON). `name` prefixes
    the channel's operational metrics, `failed_metric` counts failed receipts per tenant."""
    raw = raw_body(request, max_bytes=MAX_WEBHOOK_BYTES)
    signature = request.headers.get("x-hub-signature-256")
    if not signature_is_valid(raw, signature, services.app_secret()):
        metrics.add_metric(name=f"{name}SignatureRejected", unit=MetricUnit.Count, value=1)
        raise Unauthorized("The X-Hub-Signature-256 signature is missing or wrong.")
    result = services.intake.accept(parse(decode_json(raw, max_depth=MAX_WEBHOOK_DEPTH)))
    metrics.add_metric(name=f"{name}Queued", unit=MetricUnit.Count, value=result.queued)
    metrics.add_metric(name=f"{name}Duplicate", unit=MetricUnit.Count, value=result.duplicates)
    if services.intake.receipts is not None:
        metrics.add_metric(name=f"{name}Status", unit=MetricUnit.Count, value=result.receipts)
    for tenant, failed in result.failed.items():
        business_metrics.count(failed_metric, tenant=tenant, channel=name.lower(), value=failed)
    acknowledged = {"queued": result.queued, "duplicates": result.duplicates, "statuses": result.receipts,
                    "ignored": result.ignored}
    logger.info(f"{name.lower()} webhook", extra=acknowledged)
    return Response(200, json.dumps(acknowledged, separators=(",", ":")), "application/json")


def webhook_handler(path: str, services: Callable[[], ChannelServices], parse: Callable[[Any], ParsedWebhook],
                    name: str, failed_metric: str) -> Callable[[dict, Any], dict]:
    """The Lambda handler of one channel's webhook: GET (handshake) and POST (deliveries) on
    `path`, with the channel's services, parser and metric names."""
    logger = Logger()
    metrics = Metrics(namespace="Balie")
    app = Router(http_errors.respond)

    @app.get(path)
    def verify(request: Request) -> Response:
        return handshake(request, services(), metrics, name)

    @app.post(path)
    def deliver(request: Request) -> Response:
        return receive(request, services(), parse, metrics, logger, name, failed_metric)

    @after_first_call
    @logger.inject_lambda_context
    @metrics.log_metrics
    def handler(event: dict, context: Any) -> dict:
        return app.resolve(event)

    return handler

"""GET/POST /v1/whatsapp/webhook: Meta's handshake and webhook deliveries.

POST checks X-Hub-Signature-256 on the raw body before parsing anything, then
acknowledges fast: messages go to the FIFO queue (the worker answers them),
receipts are recorded, everything else is dropped with a 200 so Meta does not
retry it for days.
"""
from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.metrics import MetricUnit

from channels.whatsapp import signature_is_valid, verification_challenge
from core.errors import Forbidden, Unauthorized
from handlers import http_errors, whatsapp_services
from handlers.http_body import decode_json, raw_body
from handlers import metrics as business_metrics

logger = Logger()
metrics = Metrics(namespace="Balie")
app = APIGatewayHttpResolver()
http_errors.register(app)


PATH = "/v1/whatsapp/webhook"
# Meta batches up to 1,000 updates in one delivery (about 400 KB); API Gateway allows 10 MB.
MAX_WEBHOOK_BYTES = 4 * 1024 * 1024
# A Cloud API body nests about 10 levels; Meta may add more. Deeper than this is no delivery
# of Meta's (a 400: its signature was valid, so it is worth a look in the logs).
MAX_WEBHOOK_DEPTH = 64


@app.get(PATH)
def verify() -> Response:
    params = app.current_event.query_string_parameters or {}
    challenge = verification_challenge(params, whatsapp_services.current().verify_token())
    metrics.add_metric(name="WhatsAppVerification", unit=MetricUnit.Count, value=1)
    if challenge is None:
        raise Forbidden("The verification token does not match.")
    # Meta expects the bare challenge, not JSON.
    return Response(status_code=200, content_type="text/plain", body=challenge)


@app.post(PATH)
def receive() -> dict:
    event = app.current_event
    raw = raw_body(event, max_bytes=MAX_WEBHOOK_BYTES)
    services = whatsapp_services.current()
    signature = event.headers.get("x-hub-signature-256") or event.headers.get("X-Hub-Signature-256")
    if not signature_is_valid(raw, signature, services.app_secret()):
        # Worth an alarm: a wrong app secret after rotation drops every resident's message.
        metrics.add_metric(name="WhatsAppSignatureRejected", unit=MetricUnit.Count, value=1)
        raise Unauthorized("The X-Hub-Signature-256 signature is missing or wrong.")
    result = services.intake.accept(decode_json(raw, max_depth=MAX_WEBHOOK_DEPTH))
    metrics.add_metric(name="WhatsAppQueued", unit=MetricUnit.Count, value=result.queued)
    metrics.add_metric(name="WhatsAppDuplicate", unit=MetricUnit.Count, value=result.duplicates)
    metrics.add_metric(name="WhatsAppStatus", unit=MetricUnit.Count, value=result.statuses)
    for tenant, failed in result.failed.items():
        business_metrics.count(business_metrics.WHATSAPP_DELIVERY_FAILED, tenant=tenant, channel="whatsapp",
                               value=failed)
    logger.info("whatsapp webhook", extra={"queued": result.queued, "duplicates": result.duplicates,
                                           "statuses": result.statuses, "ignored": result.ignored})
    return {"queued": result.queued, "duplicates": result.duplicates,
            "statuses": result.statuses, "ignored": result.ignored}


@logger.inject_lambda_context
@metrics.log_metrics
def handler(event: dict, context) -> dict:
    return app.resolve(event, context)

"""A sync written in Python with plain OpenTelemetry, no integration-logs SDK.

The collector's integrationlogs connector turns its spans into the same log records the
TypeScript SDK writes (docs/telemetry.md, "Other SDKs"): the operation span carries the
contract's integration.* attributes, the requests instrumentation makes one CLIENT span
per request, two hooks put the bodies on those spans, and each model's counts are a span
event.

Environment: DEMO_TOOL_URL (the demo tool, demo/src/tool), DEMO_TOOL_TOKEN, DEMO_TOOL_SLUG,
INTEGRATION_ID, CUSTOMER_ID, and the standard OTEL_* variables (OTEL_SERVICE_NAME,
OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_CLIENT_*).
Prints a JSON summary of what it did.
"""

import json
import os
import sys

# The stable HTTP conventions (http.response.status_code, url.full, ...): the collector's
# span metrics and the alerts group requests by their names. Python's instrumentations
# still write the older ones unless asked; set before they load.
os.environ.setdefault("OTEL_SEMCONV_STABILITY_OPT_IN", "http")

import requests
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.requests import RequestsInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Status, StatusCode

MAX_BODY_CHARS = 16 * 1024
TOOL = os.environ.get("DEMO_TOOL_SLUG", "hibob")


def body_text(body):
    if body is None:
        return None
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    return body[:MAX_BODY_CHARS]


def request_hook(span, request):
    if not span.is_recording():
        return
    # The tool, on the request span too: the collector's span metrics (request rates, the
    # 4xx-spike alert) group request spans by it. Never integration.log_type here: that
    # marks the TypeScript SDK's own request spans, which the connector skips.
    span.set_attribute("integration.tool", TOOL)
    text = body_text(request.body)
    if text:
        span.set_attribute("integration.request.body", text)


def response_hook(span, request, response):
    text = body_text(response.content)
    if span.is_recording() and text:
        span.set_attribute("integration.response.body", text)
        span.set_attribute("http.response.body.size", len(response.content))


def setup():
    provider = TracerProvider(resource=Resource.create())  # OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))  # OTEL_EXPORTER_OTLP_ENDPOINT
    trace.set_tracer_provider(provider)
    RequestsInstrumentor().instrument(request_hook=request_hook, response_hook=response_hook)
    return provider


def list_all(session, base, path):
    """Every row of a paginated list endpoint."""
    rows, cursor = [], None
    while True:
        params = {"page_size": 50, **({"cursor": cursor} if cursor else {})}
        response = session.get(base + path, params=params, timeout=10)
        response.raise_for_status()
        page = response.json()
        rows += page["data"]
        cursor = page.get("next_cursor")
        if not cursor:
            return rows


def sync(session, base):
    tracer = trace.get_tracer("hris_sync")
    tool = TOOL
    attributes = {
        "integration.log_type": "sync",
        "integration.tool": tool,
        "integration.id": os.environ.get("INTEGRATION_ID", "int_python_demo"),
        "integration.customer.id": os.environ.get("CUSTOMER_ID", "cus_python_demo"),
        "integration.operation": "full",
    }
    models = {}
    with tracer.start_as_current_span(f"sync {tool}", attributes=attributes) as op:
        outcome = "success"
        try:
            for model in ("employees", "departments", "absences"):
                try:
                    rows = list_all(session, base, f"/v1/{model}")
                    models[model] = {"read": len(rows)}
                except requests.HTTPError as error:
                    if error.response is None or error.response.status_code != 403:
                        raise
                    outcome = "partial"  # a scope the customer did not grant
            # Push one record back; the tool refuses it (invalid e-mail).
            created = session.post(base + "/v1/employees", json={
                "first_name": "Ada", "last_name": "Lovelace", "email": "ada(at)example", "portal_password": "hunter2-secret",
            }, timeout=10)
            employees = models.setdefault("employees", {"read": 0})
            employees["created" if created.ok else "failed"] = 1
            if not created.ok:
                outcome = "partial"
        except Exception as error:  # noqa: BLE001 - the outcome of any failure is `failure`
            outcome = "failure"
            op.record_exception(error)
            op.set_status(Status(StatusCode.ERROR, str(error)))
            op.set_attribute("error.type", type(error).__name__)
        for model, counts in models.items():
            op.add_event("integration.sync.model", {
                "integration.sync.model": model,
                **{f"integration.sync.records.{kind}": n for kind, n in counts.items()},
            })
        op.set_attribute("integration.outcome", outcome)
        context = op.get_span_context()
    return {
        "traceId": format(context.trace_id, "032x"),
        "operationSpanId": format(context.span_id, "016x"),
        "outcome": outcome,
        "models": models,
    }


def main():
    provider = setup()
    base = os.environ.get("DEMO_TOOL_URL", "http://127.0.0.1:4010").rstrip("/")
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + os.environ["DEMO_TOOL_TOKEN"]
    session.headers["Accept"] = "application/json"
    summary = sync(session, base)
    provider.shutdown()  # flushes the spans
    json.dump(summary, sys.stdout)
    print()
    return 0 if summary["outcome"] != "failure" else 1


if __name__ == "__main__":
    sys.exit(main())

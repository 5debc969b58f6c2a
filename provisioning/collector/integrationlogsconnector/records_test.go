package integrationlogsconnector

import (
	"encoding/json"
	"strings"
	"testing"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func attr(t *testing.T, lr plog.LogRecord, key string) any {
	t.Helper()
	v, ok := lr.Attributes().Get(key)
	if !ok {
		t.Fatalf("record %q has no attribute %q: %v", lr.EventName(), key, lr.Attributes().AsRaw())
	}
	return v.AsRaw()
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

// A Python-style sync: operation span, an INTERNAL step, and two HTTP CLIENT spans below it
// (one through the step), arriving in two batches in end order.
func TestForeignSyncBecomesContractRecords(t *testing.T) {
	h := newHarness(t, nil)

	b1 := newBatch("hris-sync", "opentelemetry.instrumentation.requests")
	b1.span(traceA, req1ID, linkID, ptrace.SpanKindClient, "GET", 10, 80, httpGet(
		"https://user:pw@api.tool.example/v1/employees?page=2&api_key=s3cr3t", 200, map[string]any{
			"server.address":                             "api.tool.example",
			"http.request.header.authorization":          []any{"Bearer abc.def.ghi"},
			"http.response.header.content_type":          []any{"application/json"},
			"http.response.header.x_ratelimit_remaining": []any{"99"},
			"integration.response.body":                  `{"items":[{"id":1,"token":"t0k3n"}]}`,
		}))
	b1.span(traceA, req2ID, opID, ptrace.SpanKindClient, "POST", 100, 50, map[string]any{
		"http.request.method": "POST", "url.full": "https://api.tool.example/v1/employees/12345/absences",
		"http.response.status_code": int64(422), "http.request.resend_count": int64(1),
		"http.request.header.content-type": []any{"application/json"},
		"integration.request.body":         `{"name":"Ada","password":"hunter2"}`,
		"http.request.body.size":           int64(35),
	})
	h.consume(b1)
	b2 := newBatch("hris-sync", "hris_sync")
	b2.span(traceA, linkID, opID, ptrace.SpanKindInternal, "fetch employees", 5, 90, nil)
	op := b2.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync personio", 0, 1234, syncOperation(map[string]any{"integration.outcome": "partial"}))
	ev := op.Events().AppendEmpty()
	ev.SetName("integration.sync.model")
	_ = ev.Attributes().FromRaw(map[string]any{"integration.sync.model": "employees", "integration.sync.records.read": int64(120), "integration.sync.records.failed": int64(2)})
	ev = op.Events().AppendEmpty()
	ev.SetName("integration.sync.model")
	_ = ev.Attributes().FromRaw(map[string]any{"integration.sync.model": "employees", "integration.sync.records.created": int64(3)})
	h.consume(b2)

	if n := len(h.records()); n != 0 {
		t.Fatalf("records before the wait: %d", n)
	}
	h.wait()
	recs := h.records()

	ops := recs["integration.operation"]
	if len(ops) != 1 {
		t.Fatalf("operation records: %d", len(ops))
	}
	o := ops[0]
	eq(t, "operation body", o.Body().Str(), "sync personio delta: partial in 1.2s, 2 requests (1 4xx)")
	eq(t, "operation severity", o.SeverityNumber(), plog.SeverityNumberWarn)
	eq(t, "operation severity text", o.SeverityText(), "WARN")
	eq(t, "operation span id", o.SpanID(), opID)
	eq(t, "operation trace id", o.TraceID(), traceA)
	eq(t, "event.name", attr(t, o, "event.name"), "integration.operation")
	eq(t, "outcome", attr(t, o, "integration.outcome"), "partial")
	eq(t, "customer", attr(t, o, "integration.customer.id"), "cust_42")
	eq(t, "duration", attr(t, o, "integration.operation.duration_ms"), 1234.0)
	eq(t, "request count", attr(t, o, "integration.request.count"), int64(2))
	eq(t, "4xx", attr(t, o, "integration.request.4xx_count"), int64(1))
	eq(t, "5xx", attr(t, o, "integration.request.5xx_count"), int64(0))

	models := recs["integration.sync.model"]
	if len(models) != 1 {
		t.Fatalf("model records: %d", len(models))
	}
	eq(t, "model body", models[0].Body().Str(), "employees: 120 read, 3 created, 0 updated, 0 deleted, 2 failed")
	eq(t, "model severity", models[0].SeverityNumber(), plog.SeverityNumberWarn)
	eq(t, "model created", attr(t, models[0], "integration.sync.records.created"), int64(3))

	reqs := recs["integration.request"]
	if len(reqs) != 2 {
		t.Fatalf("request records: %d", len(reqs))
	}
	byID := map[pcommon.SpanID]plog.LogRecord{reqs[0].SpanID(): reqs[0], reqs[1].SpanID(): reqs[1]}
	get := byID[req1ID]
	eq(t, "url", attr(t, get, "url.full"), "https://api.tool.example/v1/employees?page=2&api_key=REDACTED")
	eq(t, "template", attr(t, get, "url.template"), "/v1/employees")
	eq(t, "tool on request", attr(t, get, "integration.tool"), "personio")
	eq(t, "remaining", attr(t, get, "integration.ratelimit.remaining"), "99")
	eq(t, "GET severity", get.SeverityNumber(), plog.SeverityNumberInfo)
	var body struct {
		Request struct {
			Method  string         `json:"method"`
			URL     string         `json:"url"`
			Headers map[string]any `json:"headers"`
			Body    *string        `json:"body"`
		} `json:"request"`
		Response *struct {
			Status   int            `json:"status"`
			Headers  map[string]any `json:"headers"`
			Body     *string        `json:"body"`
			BodySize int            `json:"bodySize"`
		} `json:"response"`
		DurationMs float64 `json:"durationMs"`
	}
	if err := json.Unmarshal([]byte(get.Body().Str()), &body); err != nil {
		t.Fatalf("request body is not JSON: %v\n%s", err, get.Body().Str())
	}
	eq(t, "authorization header", body.Request.Headers["authorization"], "[REDACTED]")
	eq(t, "no request body", body.Request.Body == nil, true)
	eq(t, "response content-type", body.Response.Headers["content-type"], "application/json")
	eq(t, "response body", *body.Response.Body, `{"items":[{"id":1,"token":"[REDACTED]"}]}`)
	eq(t, "durationMs", body.DurationMs, 80.0)

	post := byID[req2ID]
	eq(t, "POST template", attr(t, post, "url.template"), "/v1/employees/{id}/absences")
	eq(t, "POST error.type", attr(t, post, "error.type"), "422")
	eq(t, "POST resend", attr(t, post, "http.request.resend_count"), int64(1))
	eq(t, "POST severity", post.SeverityNumber(), plog.SeverityNumberWarn)
	if !strings.Contains(post.Body().Str(), `"body":"{\"name\":\"Ada\",\"password\":\"[REDACTED]\"}","bodyEncoding":"utf8","bodySize":35,"bodyTruncated":false`) {
		t.Errorf("POST body: %s", post.Body().Str())
	}
	eq(t, "records counted", h.counter("otelcol_integrationlogs_records_emitted", "", ""), int64(4))
}

func TestSpansOfTheSDKScopeAreNeverRecorded(t *testing.T) {
	h := newHarness(t, nil)
	sdk := newBatch("demo", sdkScopeName)
	sdk.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync personio", 0, 20, syncOperation(nil))
	// The SDK's request spans come from the HTTP instrumentations it drives, under their
	// scopes, with the operation's log type and tool copied on.
	undici := newBatch("demo", "@opentelemetry/instrumentation-undici")
	undici.span(traceA, req1ID, opID, ptrace.SpanKindClient, "GET /v1", 0, 10, httpGet("https://a.example/v1", 200, map[string]any{
		"integration.log_type": "sync", "integration.tool": "personio", "integration.id": "int_8Fk2",
	}))
	// A second HTTP instrumentation in the same process, under the SDK's operation, and a
	// request outside any operation.
	other := newBatch("demo", "@opentelemetry/instrumentation-http")
	other.span(traceA, req2ID, opID, ptrace.SpanKindClient, "GET", 0, 10, httpGet("https://a.example/v1", 200, nil))
	other.span(traceB, req1ID, pcommon.SpanID{}, ptrace.SpanKindClient, "GET", 0, 10, httpGet("https://a.example/v2", 200, nil))
	h.consume(sdk)
	h.consume(undici)
	// Nothing of the SDK is kept: its traffic costs no buffer.
	if traces, _ := h.c.buffer.len(); traces != 0 {
		t.Fatalf("buffered traces after SDK spans: %d", traces)
	}
	h.consume(other)
	if traces, _ := h.c.buffer.len(); traces != 1 {
		t.Fatalf("buffered traces: %d, want only the second instrumentation's", traces)
	}
	h.wait()
	if n := h.sink.LogRecordCount(); n != 0 {
		t.Fatalf("records for SDK spans: %d", n)
	}
	eq(t, "sdk_scope", h.counter("otelcol_integrationlogs_spans_skipped", "reason", reasonSDKScope), int64(2))
	eq(t, "no_operation", h.counter("otelcol_integrationlogs_spans_skipped", "reason", reasonNoOperation), int64(2))
}

func TestOrphanRequestIsCountedNotRecorded(t *testing.T) {
	h := newHarness(t, nil)
	b := newBatch("web", "requests")
	b.span(traceA, req1ID, otherID, ptrace.SpanKindClient, "GET", 0, 10, httpGet("https://a.example/", 200, nil))
	h.consume(b)
	h.wait()
	eq(t, "records", h.sink.LogRecordCount(), 0)
	eq(t, "no_operation", h.counter("otelcol_integrationlogs_spans_skipped", "reason", reasonNoOperation), int64(1))
}

// A request span that arrives after its operation's records were written still gets
// its record, with the operation's attributes.
func TestLateRequestSpanGetsItsRecord(t *testing.T) {
	h := newHarness(t, nil)
	b := newBatch("hris-sync", "app")
	b.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync personio", 0, 100, syncOperation(nil))
	h.consume(b)
	h.wait()
	late := newBatch("hris-sync", "requests")
	late.span(traceA, req1ID, opID, ptrace.SpanKindClient, "GET", 10, 10, httpGet("https://a.example/v1/x", 503, nil))
	h.consume(late)
	h.wait()
	reqs := h.records()["integration.request"]
	if len(reqs) != 1 {
		t.Fatalf("late request records: %d", len(reqs))
	}
	eq(t, "tool", attr(t, reqs[0], "integration.tool"), "personio")
	eq(t, "severity", reqs[0].SeverityNumber(), plog.SeverityNumberError)
	eq(t, "late counted", h.counter("otelcol_integrationlogs_late_requests", "", ""), int64(1))
	eq(t, "operation counts stay as written", attr(t, h.records()["integration.operation"][0], "integration.request.count"), int64(0))
}

func TestOperationWithoutOutcomeTakesItFromStatus(t *testing.T) {
	h := newHarness(t, nil)
	b := newBatch("svc", "app")
	op := b.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "action x", 0, 42, map[string]any{
		"integration.log_type": "action", "integration.tool": "hubspot",
	})
	op.Status().SetCode(ptrace.StatusCodeError)
	ex := op.Events().AppendEmpty()
	ex.SetName("exception")
	ex.Attributes().PutStr("exception.type", "ToolAuthError")
	h.consume(b)
	h.wait()
	o := h.records()["integration.operation"][0]
	eq(t, "body", o.Body().Str(), "action hubspot: failure in 42ms, 0 requests")
	eq(t, "error.type", attr(t, o, "error.type"), "ToolAuthError")
	eq(t, "severity", o.SeverityNumber(), plog.SeverityNumberError)
}

// Older HTTP conventions (the default of several Python and Java instrumentations).
func TestOldHTTPConventions(t *testing.T) {
	h := newHarness(t, nil)
	b := newBatch("svc", "app")
	b.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync bamboo", 0, 500, map[string]any{
		"integration.log_type": "sync", "integration.tool": "bamboo",
	})
	b.span(traceA, req1ID, opID, ptrace.SpanKindClient, "HTTP GET", 1, 20, map[string]any{
		"http.method": "GET", "http.url": "http://api.bamboo.example:8080/v1/employees/a1b2c3d4e5?token=x", "http.status_code": int64(500),
	})
	h.consume(b)
	h.wait()
	r := h.records()["integration.request"][0]
	eq(t, "url", attr(t, r, "url.full"), "http://api.bamboo.example:8080/v1/employees/a1b2c3d4e5?token=REDACTED")
	eq(t, "status", attr(t, r, "http.response.status_code"), int64(500))
	eq(t, "server", attr(t, r, "server.address"), "api.bamboo.example")
	eq(t, "template", attr(t, r, "url.template"), "/v1/employees/{id}")
	eq(t, "body", h.records()["integration.operation"][0].Body().Str(), "sync bamboo: success in 500ms, 1 request (1 5xx)")
}

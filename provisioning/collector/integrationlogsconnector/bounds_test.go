package integrationlogsconnector

import (
	"context"
	"strings"
	"testing"

	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

func traceN(n int) pcommon.TraceID {
	return pcommon.TraceID{0xc0, byte(n >> 16), byte(n >> 8), byte(n)}
}

func spanN(n int) pcommon.SpanID {
	return pcommon.SpanID{0xd0, byte(n >> 16), byte(n >> 8), byte(n)}
}

func TestFullBufferBuildsTheOldestTraceEarly(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxTraces = 2 })
	for i := range 3 {
		b := newBatch("svc", "app")
		b.span(traceN(i), spanN(i), pcommon.SpanID{}, ptrace.SpanKindInternal, "sync x", 0, 1, syncOperation(nil))
		h.consume(b)
	}
	ops := h.records()["integration.operation"]
	if len(ops) != 1 || ops[0].TraceID() != traceN(0) {
		t.Fatalf("want the oldest trace built early, got %d records", len(ops))
	}
	eq(t, "evicted", h.counter("otelcol_integrationlogs_traces_evicted", "", ""), int64(1))
	if traces, _ := h.c.buffer.len(); traces != 2 {
		t.Fatalf("buffered traces: %d", traces)
	}
}

func TestHugeTraceIsCutAtTheSpanLimit(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxSpansPerTrace = 10 })
	b := newBatch("svc", "requests")
	for i := range 50 {
		b.span(traceA, spanN(i), opID, ptrace.SpanKindClient, "GET", 0, 1, httpGet("https://a.example/", 200, nil))
	}
	h.consume(b)
	ops := newBatch("svc", "app")
	ops.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync x", 0, 10, syncOperation(nil))
	h.consume(ops)
	_, spans := h.c.buffer.len()
	eq(t, "buffered spans", spans, 10)
	eq(t, "trace_too_large", h.counter("otelcol_integrationlogs_spans_skipped", "reason", reasonTraceTooLarge), int64(41))
	h.wait()
	eq(t, "request records", len(h.records()["integration.request"]), 0)
}

func TestMaxBufferedSpansBoundsAllTraces(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxBufferedSpans = 20; c.MaxSpansPerTrace = 20 })
	for i := range 100 {
		b := newBatch("svc", "requests")
		b.span(traceN(i), spanN(i), spanN(1000+i), ptrace.SpanKindClient, "GET", 0, 1, httpGet("https://a.example/", 200, nil))
		h.consume(b)
		if _, spans := h.c.buffer.len(); spans > 20 {
			t.Fatalf("buffered spans %d > 20", spans)
		}
	}
}

// Malformed and hostile input: no panic, and what cannot be recorded is counted.
func TestBadInputNeverCrashes(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxBodyBytes = 64 })
	b := newBatch("svc", "app")
	// No attributes at all, zero ids, inverted times.
	b.span(traceA, pcommon.SpanID{}, pcommon.SpanID{}, ptrace.SpanKindClient, "", 10, -5, nil)
	// A log type outside the contract.
	b.span(traceA, spanN(1), pcommon.SpanID{}, ptrace.SpanKindInternal, "weird", 0, 1, map[string]any{"integration.log_type": "batch", "integration.tool": "x"})
	// A parent cycle.
	b.span(traceA, spanN(2), spanN(3), ptrace.SpanKindInternal, "a", 0, 1, nil)
	b.span(traceA, spanN(3), spanN(2), ptrace.SpanKindInternal, "b", 0, 1, nil)
	b.span(traceA, spanN(4), spanN(2), ptrace.SpanKindClient, "GET", 0, 1, httpGet("::not a url::", 999, nil))
	// Unknown status code, wrong attribute types, a huge and invalid-UTF-8 body.
	b.span(traceB, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync x", 0, 100, syncOperation(map[string]any{"integration.outcome": 42}))
	b.span(traceB, req1ID, opID, ptrace.SpanKindClient, "GET", 0, 1, map[string]any{
		"http.request.method": []any{"GET"}, "url.full": "https://a.example/x", "http.response.status_code": int64(999),
		"integration.response.body": strings.Repeat("é", 100), "http.request.resend_count": "two",
	})
	b.span(traceB, req2ID, opID, ptrace.SpanKindClient, "GET", 0, 1, map[string]any{
		"http.request.method": "GET", "url.full": "https://a.example/y", "http.status_code": "404",
		"integration.response.body": string([]byte{0xff, 0xfe, 0x00}), "http.response.header.content-type": "application/octet-stream",
	})
	h.consume(b)
	h.wait()
	recs := h.records()
	eq(t, "operations", len(recs["integration.operation"]), 1)
	eq(t, "requests", len(recs["integration.request"]), 2)
	eq(t, "outcome from a non-string", attr(t, recs["integration.operation"][0], "integration.outcome"), "success")
	eq(t, "body", recs["integration.operation"][0].Body().Str(), "sync personio delta: success in 100ms, 2 requests (1 4xx)")
	for _, r := range recs["integration.request"] {
		if strings.Contains(r.Body().Str(), `"url":"https://a.example/x"`) {
			eq(t, "unknown status severity", r.SeverityText(), "WARN")
			if !strings.Contains(r.Body().Str(), `"bodySize":200,"bodyTruncated":true`) {
				t.Errorf("cut body: %s", r.Body().Str())
			}
		} else if !strings.Contains(r.Body().Str(), `"bodyEncoding":"base64"`) {
			t.Errorf("binary body: %s", r.Body().Str())
		}
	}
	eq(t, "invalid log type", h.counter("otelcol_integrationlogs_spans_skipped", "reason", reasonInvalidLogType), int64(1))
	eq(t, "orphans", h.counter("otelcol_integrationlogs_spans_skipped", "reason", reasonNoOperation), int64(1))
}

func TestShutdownWritesWhatIsBuffered(t *testing.T) {
	h := newHarness(t, nil)
	if err := h.c.Start(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	b := newBatch("svc", "app")
	b.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync x", 0, 1, syncOperation(nil))
	h.consume(b)
	if err := h.c.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	eq(t, "records after shutdown", h.sink.LogRecordCount(), 1)
}

// The real clock and loop: a trace is built once the wait has passed.
func TestExpiryLoopBuildsAfterTheWait(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.WaitDuration = 50 * 1e6 })
	h.c.now = timeNow
	if err := h.c.Start(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = h.c.Shutdown(context.Background()) }()
	b := newBatch("svc", "app")
	b.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync x", 0, 1, syncOperation(nil))
	h.consume(b)
	waitUntil(t, func() bool { return h.sink.LogRecordCount() == 1 })
}

// Several pipeline goroutines and the expiry loop at once (run with -race).
func TestConcurrentConsumersAndExpiry(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.WaitDuration = 5 * 1e6; c.MaxTraces = 50 })
	h.c.now = timeNow
	if err := h.c.Start(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 200 {
				n := g*1000 + i
				b := newBatch("svc", "app")
				b.span(traceN(n), spanN(2*n+1), spanN(2*n), ptrace.SpanKindClient, "GET", 0, 1, httpGet("https://a.example/", 200, nil))
				b.span(traceN(n), spanN(2*n), pcommon.SpanID{}, ptrace.SpanKindInternal, "sync x", 0, 2, syncOperation(nil))
				if err := h.c.ConsumeTraces(context.Background(), b.td); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	if err := h.c.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	recs := h.records()
	eq(t, "operations", len(recs["integration.operation"]), 800)
	eq(t, "requests", len(recs["integration.request"]), 800)
}

func TestMetricsShutdownWithoutStart(t *testing.T) {
	set := connectortest.NewNopSettings(componentType)
	c, err := NewFactory().CreateTracesToMetrics(context.Background(), set, createDefaultConfig(), consumertest.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	aggregatorsMu.Lock()
	defer aggregatorsMu.Unlock()
	if _, ok := aggregators[set.ID]; ok {
		t.Fatal("the aggregator stayed registered")
	}
}

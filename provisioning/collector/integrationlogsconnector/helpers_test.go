package integrationlogsconnector

import (
	"context"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

var (
	t0      = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	traceA  = pcommon.TraceID{0xa1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	traceB  = pcommon.TraceID{0xb2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	opID    = pcommon.SpanID{1, 0, 0, 0, 0, 0, 0, 1}
	linkID  = pcommon.SpanID{1, 0, 0, 0, 0, 0, 0, 2}
	req1ID  = pcommon.SpanID{1, 0, 0, 0, 0, 0, 0, 3}
	req2ID  = pcommon.SpanID{1, 0, 0, 0, 0, 0, 0, 4}
	otherID = pcommon.SpanID{1, 0, 0, 0, 0, 0, 0, 5}
)

// batch builds an OTLP traces batch of one resource and one scope.
type batch struct {
	td    ptrace.Traces
	spans ptrace.SpanSlice
}

func newBatch(service, scope string) *batch {
	td := ptrace.NewTraces()
	rs := td.ResourceSpans().AppendEmpty()
	rs.Resource().Attributes().PutStr("service.name", service)
	ss := rs.ScopeSpans().AppendEmpty()
	ss.Scope().SetName(scope)
	return &batch{td: td, spans: ss.Spans()}
}

// span adds a span lasting durMs from t0+offsetMs.
func (b *batch) span(trace pcommon.TraceID, id, parent pcommon.SpanID, kind ptrace.SpanKind, name string, offsetMs, durMs int, attrs map[string]any) ptrace.Span {
	s := b.spans.AppendEmpty()
	s.SetTraceID(trace)
	s.SetSpanID(id)
	s.SetParentSpanID(parent)
	s.SetKind(kind)
	s.SetName(name)
	start := t0.Add(time.Duration(offsetMs) * time.Millisecond)
	s.SetStartTimestamp(pcommon.NewTimestampFromTime(start))
	s.SetEndTimestamp(pcommon.NewTimestampFromTime(start.Add(time.Duration(durMs) * time.Millisecond)))
	if err := s.Attributes().FromRaw(attrs); err != nil {
		panic(err)
	}
	return s
}

func syncOperation(extra map[string]any) map[string]any {
	a := map[string]any{
		"integration.log_type": "sync", "integration.tool": "personio", "integration.id": "int_8Fk2",
		"integration.customer.id": "cust_42", "integration.operation": "delta",
	}
	for k, v := range extra {
		a[k] = v
	}
	return a
}

func httpGet(url string, status int, extra map[string]any) map[string]any {
	a := map[string]any{"http.request.method": "GET", "url.full": url, "http.response.status_code": status}
	for k, v := range extra {
		a[k] = v
	}
	return a
}

// harness runs a traces-to-logs connector with a controllable clock.
type harness struct {
	t    *testing.T
	c    *tracesToLogs
	sink *consumertest.LogsSink
	tel  *componenttest.Telemetry
	now  time.Time
}

func newHarness(t *testing.T, mutate func(*Config)) *harness {
	t.Helper()
	cfg := createDefaultConfig()
	cfg.WaitDuration = time.Second
	if mutate != nil {
		mutate(cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
	set := connectortest.NewNopSettings(componentType)
	set.TelemetrySettings = tel.NewTelemetrySettings()
	sink := new(consumertest.LogsSink)
	conn, err := NewFactory().CreateTracesToLogs(context.Background(), set, cfg, sink)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, c: conn.(*tracesToLogs), sink: sink, tel: tel, now: t0}
	h.c.now = func() time.Time { return h.now }
	return h
}

func (h *harness) consume(b *batch) {
	h.t.Helper()
	if err := h.c.ConsumeTraces(context.Background(), b.td); err != nil {
		h.t.Fatal(err)
	}
}

// wait moves the clock past the wait and builds what expired.
func (h *harness) wait() {
	h.now = h.now.Add(h.c.cfg.WaitDuration)
	h.c.flushExpired(context.Background())
}

// records returns every record sent so far, by event name.
func (h *harness) records() map[string][]plog.LogRecord {
	out := map[string][]plog.LogRecord{}
	for _, ld := range h.sink.AllLogs() {
		rls := ld.ResourceLogs()
		for i := 0; i < rls.Len(); i++ {
			sls := rls.At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				recs := sls.At(j).LogRecords()
				for k := 0; k < recs.Len(); k++ {
					out[recs.At(k).EventName()] = append(out[recs.At(k).EventName()], recs.At(k))
				}
			}
		}
	}
	return out
}

// counter returns the value of a connector counter for the given attribute value.
func (h *harness) counter(name, attr, value string) int64 {
	h.t.Helper()
	return counterValue(h.t, h.tel, name, attr, value)
}

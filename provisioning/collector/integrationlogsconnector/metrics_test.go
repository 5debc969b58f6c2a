package integrationlogsconnector

import (
	"context"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

type metricsHarness struct {
	traces connector.Traces
	logs   connector.Logs
	sink   *consumertest.MetricsSink
	tel    *componenttest.Telemetry
}

// newMetricsHarness makes both metric instances of one connector id, as the collector
// does for a connector in a traces, a logs and a metrics pipeline.
func newMetricsHarness(t *testing.T, mutate func(*Config)) *metricsHarness {
	t.Helper()
	cfg := createDefaultConfig()
	cfg.MetricsFlushInterval = time.Hour
	if mutate != nil {
		mutate(cfg)
	}
	tel := componenttest.NewTelemetry()
	set := connectortest.NewNopSettings(componentType)
	set.TelemetrySettings = tel.NewTelemetrySettings()
	sink := new(consumertest.MetricsSink)
	f := NewFactory()
	tr, err := f.CreateTracesToMetrics(context.Background(), set, cfg, sink)
	if err != nil {
		t.Fatal(err)
	}
	lg, err := f.CreateLogsToMetrics(context.Background(), set, cfg, sink)
	if err != nil {
		t.Fatal(err)
	}
	host := componenttest.NewNopHost()
	if err := tr.Start(context.Background(), host); err != nil {
		t.Fatal(err)
	}
	if err := lg.Start(context.Background(), host); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
	return &metricsHarness{tr, lg, sink, tel}
}

// shutdown stops both instances; the last one flushes.
func (m *metricsHarness) shutdown(t *testing.T) map[string]int64 {
	t.Helper()
	if err := m.traces.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(m.sink.AllMetrics()); n != 0 {
		t.Fatalf("flushed before the last instance stopped: %d", n)
	}
	if err := m.logs.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	return points(t, m.sink.AllMetrics())
}

// points maps "service|metric|attrs" to values.
func points(t *testing.T, all []pmetric.Metrics) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, md := range all {
		for i := 0; i < md.ResourceMetrics().Len(); i++ {
			rm := md.ResourceMetrics().At(i)
			service, _ := str(rm.Resource().Attributes(), "service.name")
			ms := rm.ScopeMetrics().At(0).Metrics()
			for j := 0; j < ms.Len(); j++ {
				m := ms.At(j)
				if !m.Sum().IsMonotonic() || m.Sum().AggregationTemporality() != pmetric.AggregationTemporalityCumulative {
					t.Errorf("%s is not a cumulative counter", m.Name())
				}
				for k := 0; k < m.Sum().DataPoints().Len(); k++ {
					dp := m.Sum().DataPoints().At(k)
					key := service + "|" + m.Name()
					for _, a := range []string{attrTool, attrLogType, attrOutcome, attrSyncModel, attrSyncKind} {
						if v, ok := dp.Attributes().Get(a); ok {
							key += "|" + v.Str()
						}
					}
					if dp.Attributes().Len() != 3 {
						t.Errorf("%s has %d labels, want 3: %v", key, dp.Attributes().Len(), dp.Attributes().AsRaw())
					}
					out[key] = dp.IntValue()
				}
			}
		}
	}
	return out
}

func TestOperationsAndSyncRecordsBecomeCounters(t *testing.T) {
	m := newMetricsHarness(t, nil)
	ctx := context.Background()

	// A foreign sync with model events, twice; an SDK sync (models come as records).
	for range 2 {
		b := newBatch("py-sync", "app")
		op := b.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync personio", 0, 1, syncOperation(nil))
		ev := op.Events().AppendEmpty()
		ev.SetName("integration.sync.model")
		_ = ev.Attributes().FromRaw(map[string]any{"integration.sync.model": "employees", "integration.sync.records.read": int64(10)})
		if err := m.traces.ConsumeTraces(ctx, b.td); err != nil {
			t.Fatal(err)
		}
	}
	sdk := newBatch("ts-sync", sdkScopeName)
	op := sdk.span(traceB, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync personio", 0, 1, syncOperation(map[string]any{"integration.outcome": "failure"}))
	ev := op.Events().AppendEmpty()
	ev.SetName("integration.sync.model") // not the SDK's way: must not be counted
	_ = ev.Attributes().FromRaw(map[string]any{"integration.sync.model": "employees", "integration.sync.records.read": int64(1000)})
	// Request spans (which carry the operation's log type and tool, copied by the SDK) and
	// spans without the attributes are not operations.
	sdk.span(traceB, req1ID, opID, ptrace.SpanKindClient, "GET", 0, 1, httpGet("https://a.example/", 200, map[string]any{"integration.tool": "personio", "integration.log_type": "sync"}))
	sdk.span(traceB, req2ID, opID, ptrace.SpanKindInternal, "step", 0, 1, nil)
	if err := m.traces.ConsumeTraces(ctx, sdk.td); err != nil {
		t.Fatal(err)
	}

	// The SDK's model record, and a connector-made one that must not count twice.
	ld := plog.NewLogs()
	for _, scope := range []string{sdkScopeName, scopeName} {
		rl := ld.ResourceLogs().AppendEmpty()
		rl.Resource().Attributes().PutStr("service.name", "ts-sync")
		sl := rl.ScopeLogs().AppendEmpty()
		sl.Scope().SetName(scope)
		lr := sl.LogRecords().AppendEmpty()
		lr.Attributes().PutStr("event.name", "integration.sync.model")
		_ = lr.Attributes().FromRaw(map[string]any{
			"event.name": "integration.sync.model", "integration.tool": "personio", "integration.id": "int_1",
			"integration.sync.model": "absences", "integration.sync.records.read": int64(7), "integration.sync.records.updated": int64(2),
		})
	}
	if err := m.logs.ConsumeLogs(ctx, ld); err != nil {
		t.Fatal(err)
	}

	got := m.shutdown(t)
	want := map[string]int64{
		"py-sync|integration.operations|personio|sync|success":        2,
		"ts-sync|integration.operations|personio|sync|failure":        1,
		"py-sync|integration.sync.records|personio|employees|read":    20,
		"ts-sync|integration.sync.records|personio|absences|read":     7,
		"ts-sync|integration.sync.records|personio|absences|updated":  2,
		"ts-sync|integration.sync.records|personio|absences|failed":   0,
		"py-sync|integration.sync.records|personio|employees|deleted": 0,
		"ts-sync|integration.sync.records|personio|absences|created":  0,
		"ts-sync|integration.sync.records|personio|absences|deleted":  0,
		"py-sync|integration.sync.records|personio|employees|created": 0,
		"py-sync|integration.sync.records|personio|employees|updated": 0,
		"py-sync|integration.sync.records|personio|employees|failed":  0,
	}
	if len(got) != len(want) {
		t.Errorf("series: got %d, want %d: %v", len(got), len(want), got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
}

func TestSeriesAreBounded(t *testing.T) {
	m := newMetricsHarness(t, func(c *Config) { c.MaxSeries = 3 })
	b := newBatch("svc", "app")
	for i, tool := range []string{"a", "b", "c", "d", "e"} {
		b.span(traceN(i), spanN(i), pcommon.SpanID{}, ptrace.SpanKindInternal, "sync", 0, 1, map[string]any{"integration.log_type": "sync", "integration.tool": tool})
	}
	if err := m.traces.ConsumeTraces(context.Background(), b.td); err != nil {
		t.Fatal(err)
	}
	eq(t, "series", len(m.shutdown(t)), 3)
	eq(t, "dropped", counterValue(t, m.tel, "otelcol_integrationlogs_series_dropped", "", ""), int64(2))
}

func TestCountersFlushOnTheInterval(t *testing.T) {
	m := newMetricsHarness(t, func(c *Config) { c.MetricsFlushInterval = 20 * time.Millisecond })
	b := newBatch("svc", "app")
	b.span(traceA, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync", 0, 1, syncOperation(nil))
	if err := m.traces.ConsumeTraces(context.Background(), b.td); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, func() bool { return len(m.sink.AllMetrics()) >= 2 })
	// Cumulative: every flush repeats the total.
	all := m.sink.AllMetrics()
	for _, md := range all[:2] {
		eq(t, "value", points(t, []pmetric.Metrics{md})["svc|integration.operations|personio|sync|success"], int64(1))
	}
	m.stopWithoutChecks(t)
}

func (m *metricsHarness) stopWithoutChecks(t *testing.T) {
	t.Helper()
	_ = m.traces.Shutdown(context.Background())
	_ = m.logs.Shutdown(context.Background())
}

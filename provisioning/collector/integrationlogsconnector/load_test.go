package integrationlogsconnector

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"go.opentelemetry.io/collector/connector/connectortest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// syntheticBatch is 100 foreign sync traces of an operation span and three request
// spans each, with headers and a 200-byte response body.
func syntheticBatch(first int) ptrace.Traces {
	b := newBatch("load-sync", "app")
	body := fmt.Sprintf(`{"items":[%s]}`, "{\"id\":12345,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}")
	for i := first; i < first+100; i++ {
		trace := pcommon.TraceID{0xee, byte(i >> 24), byte(i >> 16), byte(i >> 8), byte(i)}
		for r := range 3 {
			b.span(trace, pcommon.SpanID{0xaa, byte(r), byte(i >> 16), byte(i >> 8), byte(i)}, opID, ptrace.SpanKindClient, "GET", r*10, 8,
				httpGet(fmt.Sprintf("https://api.tool.example/v1/employees/%d?page=%d", i, r), 200, map[string]any{
					"server.address": "api.tool.example", "http.response.header.content-type": []any{"application/json"},
					"integration.response.body": body,
				}))
		}
		b.span(trace, opID, pcommon.SpanID{}, ptrace.SpanKindInternal, "sync personio", 0, 40, syncOperation(nil))
	}
	return b.td
}

// BenchmarkTenThousandTracesPerSecond feeds 10 000 traces (40 000 spans) per simulated
// second through the traces-to-logs and traces-to-metrics instances with the default
// configuration, for b.N simulated seconds, and reports the peak live heap and the traces
// handled per second of process CPU time (CPU, not wall time: the machine may be shared;
// GC time counts).
//
//	go test -run '^$' -bench TenThousand -benchtime 30x
func BenchmarkTenThousandTracesPerSecond(b *testing.B) {
	cfg := createDefaultConfig()
	set := connectortest.NewNopSettings(componentType)
	logs, err := NewFactory().CreateTracesToLogs(context.Background(), set, cfg, consumertest.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	metrics, err := NewFactory().CreateTracesToMetrics(context.Background(), set, cfg, consumertest.NewNop())
	if err != nil {
		b.Fatal(err)
	}
	c := logs.(*tracesToLogs)
	now := t0
	c.now = func() time.Time { return now }
	batches := make([]ptrace.Traces, 100)
	var peak uint64
	var ms runtime.MemStats
	var cpu time.Duration
	b.ResetTimer()
	for sec := 0; sec < b.N; sec++ {
		b.StopTimer()
		for i := range batches {
			batches[i] = syntheticBatch((sec*100 + i) * 100)
		}
		b.StartTimer()
		before := cpuTime()
		for i, td := range batches {
			now = t0.Add(time.Duration(sec)*time.Second + time.Duration(i)*10*time.Millisecond)
			if err := c.ConsumeTraces(context.Background(), td); err != nil {
				b.Fatal(err)
			}
			if err := metrics.ConsumeTraces(context.Background(), td); err != nil {
				b.Fatal(err)
			}
			c.flushExpired(context.Background())
		}
		b.StopTimer()
		cpu += cpuTime() - before
		batches = make([]ptrace.Traces, 100)
		runtime.GC()
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
		if traces, spans := c.buffer.len(); traces > cfg.MaxTraces || spans > cfg.MaxBufferedSpans {
			b.Fatalf("buffer over its bounds: %d traces, %d spans", traces, spans)
		}
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(b.N*10_000)/cpu.Seconds(), "traces/cpu-s")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

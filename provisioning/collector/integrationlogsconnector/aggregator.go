package integrationlogsconnector

import (
	"context"
	"sort"
	"sync"
	"time"

	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.uber.org/zap"
)

// Metric names (Prometheus: integration_operations_total, integration_sync_records_total).
const (
	metricOperations  = "integration.operations"
	metricSyncRecords = "integration.sync.records"
)

// seriesKey identifies one cumulative counter. Labels are the low-cardinality attributes
// only: service, tool, log type, outcome, model and kind (docs/telemetry.md, "Metrics").
type seriesKey struct {
	metric  string
	service string
	tool    string
	// integration.log_type and integration.outcome, or integration.sync.model and kind.
	a, b string
}

type series struct {
	start pcommon.Timestamp
	value int64
}

// aggregator keeps cumulative counters (what Prometheus remote write accepts) and sends
// them all every flush interval. One per connector id, shared by its traces-to-metrics
// and logs-to-metrics instances so a series has one writer.
type aggregator struct {
	cfg    *Config
	logger *zap.Logger
	tel    *telemetry

	mu     sync.Mutex
	series map[seriesKey]*series
	next   consumer.Metrics

	users int
	stop  chan struct{}
	done  chan struct{}
}

func (a *aggregator) addOperation(ctx context.Context, service, tool, logType, outcome string) {
	a.add(ctx, seriesKey{metricOperations, service, tool, logType, outcome}, 1)
}

func (a *aggregator) addModel(ctx context.Context, service, tool, model string, c modelCounts) {
	for i, kind := range syncKinds {
		// Every kind gets a series, zeros included, so a drop to zero is visible.
		a.add(ctx, seriesKey{metricSyncRecords, service, tool, model, kind}, c[i])
	}
}

func (a *aggregator) add(ctx context.Context, k seriesKey, n int64) {
	a.mu.Lock()
	s := a.series[k]
	if s == nil {
		if len(a.series) >= a.cfg.MaxSeries {
			a.mu.Unlock()
			a.tel.seriesDropped.Add(ctx, 1, a.tel.attrs)
			return
		}
		s = &series{start: pcommon.NewTimestampFromTime(time.Now())}
		a.series[k] = s
	}
	s.value += n
	a.mu.Unlock()
}

// start runs the flush loop for the first user; later users share it.
func (a *aggregator) start(next consumer.Metrics) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.users++
	if a.next == nil {
		a.next = next
	}
	if a.users == 1 {
		a.stop, a.done = make(chan struct{}), make(chan struct{})
		go a.loop()
	}
}

// shutdown stops the loop with the last user, after a final flush.
func (a *aggregator) shutdown(ctx context.Context) error {
	a.mu.Lock()
	if a.users == 0 {
		// Shut down without having started (the collector does so when another component
		// failed to start).
		a.mu.Unlock()
		return nil
	}
	a.users--
	last := a.users == 0
	a.mu.Unlock()
	if !last {
		return nil
	}
	close(a.stop)
	<-a.done
	return a.flush(ctx)
}

func (a *aggregator) loop() {
	defer close(a.done)
	t := time.NewTicker(a.cfg.MetricsFlushInterval)
	defer t.Stop()
	for {
		select {
		case <-a.stop:
			return
		case <-t.C:
			if err := a.flush(context.Background()); err != nil {
				a.logger.Warn("integrationlogs: the metrics pipeline refused metrics", zap.Error(err))
			}
		}
	}
}

func (a *aggregator) flush(ctx context.Context) error {
	md := a.snapshot()
	if md.DataPointCount() == 0 || a.next == nil {
		return nil
	}
	return a.next.ConsumeMetrics(ctx, md)
}

// snapshot builds the current values: one resource per service.name, sorted for stable
// output.
func (a *aggregator) snapshot() pmetric.Metrics {
	now := pcommon.NewTimestampFromTime(time.Now())
	a.mu.Lock()
	keys := make([]seriesKey, 0, len(a.series))
	for k := range a.series {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		x, y := keys[i], keys[j]
		if x.service != y.service {
			return x.service < y.service
		}
		if x.metric != y.metric {
			return x.metric < y.metric
		}
		if x.tool != y.tool {
			return x.tool < y.tool
		}
		if x.a != y.a {
			return x.a < y.a
		}
		return x.b < y.b
	})
	md := pmetric.NewMetrics()
	var sums map[string]pmetric.NumberDataPointSlice
	service := ""
	for i, k := range keys {
		if i == 0 || k.service != service {
			service = k.service
			rm := md.ResourceMetrics().AppendEmpty()
			if service != "" {
				rm.Resource().Attributes().PutStr(attrServiceName, service)
			}
			sm := rm.ScopeMetrics().AppendEmpty()
			sm.Scope().SetName(scopeName)
			sums = map[string]pmetric.NumberDataPointSlice{}
			for _, name := range []string{metricOperations, metricSyncRecords} {
				m := sm.Metrics().AppendEmpty()
				m.SetName(name)
				if name == metricOperations {
					m.SetUnit("{operation}")
					m.SetDescription("Finished integration operations, by tool, log type and outcome.")
				} else {
					m.SetUnit("{record}")
					m.SetDescription("Data records a sync handled, by tool, model and kind (read, created, updated, deleted, failed).")
				}
				sum := m.SetEmptySum()
				sum.SetIsMonotonic(true)
				sum.SetAggregationTemporality(pmetric.AggregationTemporalityCumulative)
				sums[name] = sum.DataPoints()
			}
		}
		s := a.series[k]
		dp := sums[k.metric].AppendEmpty()
		dp.SetStartTimestamp(s.start)
		dp.SetTimestamp(now)
		dp.SetIntValue(s.value)
		at := dp.Attributes()
		at.PutStr(attrTool, k.tool)
		if k.metric == metricOperations {
			at.PutStr(attrLogType, k.a)
			at.PutStr(attrOutcome, k.b)
		} else {
			at.PutStr(attrSyncModel, k.a)
			at.PutStr(attrSyncKind, k.b)
		}
	}
	a.mu.Unlock()
	// A metric without points would be sent as an empty series: drop those.
	for i := 0; i < md.ResourceMetrics().Len(); i++ {
		sm := md.ResourceMetrics().At(i).ScopeMetrics().At(0)
		sm.Metrics().RemoveIf(func(m pmetric.Metric) bool { return m.Sum().DataPoints().Len() == 0 })
	}
	return md
}

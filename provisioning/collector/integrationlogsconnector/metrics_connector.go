package integrationlogsconnector

import (
	"context"
	"sync"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

// The aggregators by connector id: the collector makes one instance per pipeline pair
// (traces→metrics, logs→metrics), and both must add to the same series.
var (
	aggregatorsMu sync.Mutex
	aggregators   = map[component.ID]*aggregator{}
)

func sharedAggregator(id component.ID, cfg *Config, set component.TelemetrySettings, tel *telemetry) *aggregator {
	aggregatorsMu.Lock()
	defer aggregatorsMu.Unlock()
	a := aggregators[id]
	if a == nil {
		a = &aggregator{cfg: cfg, logger: set.Logger, tel: tel, series: map[seriesKey]*series{}}
		aggregators[id] = a
	}
	return a
}

func releaseAggregator(id component.ID, a *aggregator) {
	aggregatorsMu.Lock()
	defer aggregatorsMu.Unlock()
	a.mu.Lock()
	unused := a.users == 0
	a.mu.Unlock()
	if unused && aggregators[id] == a {
		delete(aggregators, id)
	}
}

// metricsConnector is the shared part of the two metric instances.
type metricsConnector struct {
	id   component.ID
	agg  *aggregator
	next consumer.Metrics
}

func (c *metricsConnector) Capabilities() consumer.Capabilities {
	return consumer.Capabilities{MutatesData: false}
}

func (c *metricsConnector) Start(context.Context, component.Host) error {
	c.agg.start(c.next)
	return nil
}

func (c *metricsConnector) Shutdown(ctx context.Context) error {
	err := c.agg.shutdown(ctx)
	releaseAggregator(c.id, c.agg)
	return err
}

// tracesToMetrics counts every finished operation span, the SDK's included (it sends no
// metrics), and the sync model counts of foreign operations (integration.sync.model
// span events). No buffering: each span carries what its series need.
type tracesToMetrics struct{ metricsConnector }

func (c *tracesToMetrics) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		service, _ := str(rs.Resource().Attributes(), attrServiceName)
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			fromSDK := sss.At(j).Scope().Name() == sdkScopeName
			spans := sss.At(j).Spans()
			for k := 0; k < spans.Len(); k++ {
				span := spans.At(k)
				if classify(span) != classOperation {
					continue
				}
				attrs := span.Attributes()
				logType, _ := str(attrs, attrLogType)
				if !logTypes[logType] {
					continue
				}
				tool, _ := str(attrs, attrTool)
				c.agg.addOperation(ctx, service, tool, logType, outcomeOf(attrs, span.Status().Code() == ptrace.StatusCodeError))
				if fromSDK {
					// The SDK reports models as records: counted by logsToMetrics.
					continue
				}
				var models modelTotals
				events := span.Events()
				for e := 0; e < events.Len(); e++ {
					if events.At(e).Name() == eventSyncModel {
						models.add(events.At(e).Attributes())
					}
				}
				for _, m := range models.order {
					c.agg.addModel(ctx, service, tool, m, *models.counts[m])
				}
			}
		}
	}
	return nil
}

// logsToMetrics counts the SDK's integration.sync.model records, the one place the SDK
// reports model counts. Records of other scopes (this connector's included) are ignored:
// their counts come from spans.
type logsToMetrics struct{ metricsConnector }

func (c *logsToMetrics) ConsumeLogs(ctx context.Context, ld plog.Logs) error {
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		rl := rls.At(i)
		service, _ := str(rl.Resource().Attributes(), attrServiceName)
		sls := rl.ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			if sls.At(j).Scope().Name() != sdkScopeName {
				continue
			}
			recs := sls.At(j).LogRecords()
			for k := 0; k < recs.Len(); k++ {
				lr := recs.At(k)
				if !isEvent(lr, eventSyncModel) {
					continue
				}
				tool, _ := str(lr.Attributes(), attrTool)
				model, ok := str(lr.Attributes(), attrSyncModel)
				if !ok {
					continue
				}
				c.agg.addModel(ctx, service, tool, model, countsOf(lr.Attributes()))
			}
		}
	}
	return nil
}

func isEvent(lr plog.LogRecord, name string) bool {
	if lr.EventName() == name {
		return true
	}
	v, ok := lr.Attributes().Get(attrEventName)
	return ok && v.Type() == pcommon.ValueTypeStr && v.Str() == name
}

package integrationlogsconnector

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// Reasons a span yields no record, the `reason` attribute of
// otelcol_integrationlogs_spans_skipped.
const (
	// An operation span of the TypeScript SDK's scope, or a request span it made (one
	// that carries integration.log_type): the SDK writes their records.
	reasonSDKScope = "sdk_scope"
	// An HTTP CLIENT span with no (foreign) operation span above it in its trace, e.g.
	// plain HTTP traffic, or a second HTTP instrumentation inside an SDK operation.
	reasonNoOperation = "no_operation"
	// A span past max_spans_per_trace.
	reasonTraceTooLarge = "trace_too_large"
	// A span with integration.log_type not one of the five log types.
	reasonInvalidLogType = "invalid_log_type"
)

// telemetry is the connector's own metrics, on the collector's meter provider
// (exposed with the collector's other internal metrics, port 8888 in config.yaml).
type telemetry struct {
	skipped       metric.Int64Counter
	records       metric.Int64Counter
	evicted       metric.Int64Counter
	late          metric.Int64Counter
	seriesDropped metric.Int64Counter
	attrs         metric.MeasurementOption
}

func newTelemetry(set component.TelemetrySettings, id component.ID) (*telemetry, error) {
	m := set.MeterProvider.Meter(scopeName)
	t := &telemetry{attrs: metric.WithAttributes(attribute.String("connector", id.String()))}
	var err error
	if t.skipped, err = m.Int64Counter("otelcol_integrationlogs_spans_skipped",
		metric.WithDescription("Spans that yielded no record, by reason."), metric.WithUnit("{span}")); err != nil {
		return nil, err
	}
	if t.records, err = m.Int64Counter("otelcol_integrationlogs_records_emitted",
		metric.WithDescription("Log records made from spans, by event name."), metric.WithUnit("{record}")); err != nil {
		return nil, err
	}
	if t.evicted, err = m.Int64Counter("otelcol_integrationlogs_traces_evicted",
		metric.WithDescription("Traces built before their wait ended because the buffer was full."), metric.WithUnit("{trace}")); err != nil {
		return nil, err
	}
	if t.late, err = m.Int64Counter("otelcol_integrationlogs_late_requests",
		metric.WithDescription("Request spans that arrived after their operation's record was written: recorded, but not in its counts."), metric.WithUnit("{span}")); err != nil {
		return nil, err
	}
	if t.seriesDropped, err = m.Int64Counter("otelcol_integrationlogs_series_dropped",
		metric.WithDescription("Metric increments dropped because max_series was reached."), metric.WithUnit("{increment}")); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *telemetry) skip(ctx context.Context, reason string, n int64) {
	if n > 0 {
		t.skipped.Add(ctx, n, t.attrs, metric.WithAttributes(attribute.String("reason", reason)))
	}
}

func (t *telemetry) emitted(ctx context.Context, eventName string, n int64) {
	if n > 0 {
		t.records.Add(ctx, n, t.attrs, metric.WithAttributes(attribute.String("event_name", eventName)))
	}
}

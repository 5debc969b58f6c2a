// Package labelvaluesprocessor keeps the log record attributes a backend indexes as
// labels (Loki: event.name, integration.log_type, integration.tool) valid UTF-8 of a
// bounded length, so that one odd value never makes the backend refuse a push. See
// README.md.
package labelvaluesprocessor

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/processor"
	"go.opentelemetry.io/collector/processor/processorhelper"
	"go.opentelemetry.io/otel/metric"
)

const stability = component.StabilityLevelAlpha

var componentType = component.MustNewType("labelvalues")

// NewFactory returns the labelvalues processor factory (logs only).
func NewFactory() processor.Factory {
	return processor.NewFactory(
		componentType,
		func() component.Config { return createDefaultConfig() },
		processor.WithLogs(createLogs, stability),
	)
}

func createLogs(ctx context.Context, set processor.Settings, cfg component.Config, next consumer.Logs) (processor.Logs, error) {
	changed, err := set.MeterProvider.Meter("github.com/integration-logs/otelcol-integration-logs/labelvaluesprocessor").Int64Counter(
		"otelcol_labelvalues_changed_values",
		metric.WithDescription("Label-bound attribute values made valid UTF-8 or cut to max_bytes."),
		metric.WithUnit("{values}"),
	)
	if err != nil {
		return nil, err
	}
	p := &labelValues{cfg: cfg.(*Config), changed: changed}
	return processorhelper.NewLogs(ctx, set, cfg, next, p.processLogs, processorhelper.WithCapabilities(consumer.Capabilities{MutatesData: true}))
}

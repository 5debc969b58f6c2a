// Package integrationlogsconnector turns operation spans from any OpenTelemetry SDK into
// the log records of docs/telemetry.md, and counts operations and sync records as
// Prometheus-ready metrics. See README.md.
package integrationlogsconnector

import (
	"context"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/connector"
	"go.opentelemetry.io/collector/consumer"
)

const stability = component.StabilityLevelAlpha

var componentType = component.MustNewType("integrationlogs")

// NewFactory returns the integrationlogs connector factory: traces→logs, traces→metrics
// and logs→metrics.
func NewFactory() connector.Factory {
	return connector.NewFactory(
		componentType,
		func() component.Config { return createDefaultConfig() },
		connector.WithTracesToLogs(createTracesToLogs, stability),
		connector.WithTracesToMetrics(createTracesToMetrics, stability),
		connector.WithLogsToMetrics(createLogsToMetrics, stability),
	)
}

func createTracesToLogs(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Logs) (connector.Traces, error) {
	tel, err := newTelemetry(set.TelemetrySettings, set.ID)
	if err != nil {
		return nil, err
	}
	return newTracesToLogs(cfg.(*Config), set.TelemetrySettings, tel, next), nil
}

func createTracesToMetrics(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Metrics) (connector.Traces, error) {
	mc, err := newMetricsConnector(set, cfg.(*Config), next)
	if err != nil {
		return nil, err
	}
	return &tracesToMetrics{mc}, nil
}

func createLogsToMetrics(_ context.Context, set connector.Settings, cfg component.Config, next consumer.Metrics) (connector.Logs, error) {
	mc, err := newMetricsConnector(set, cfg.(*Config), next)
	if err != nil {
		return nil, err
	}
	return &logsToMetrics{mc}, nil
}

func newMetricsConnector(set connector.Settings, cfg *Config, next consumer.Metrics) (metricsConnector, error) {
	tel, err := newTelemetry(set.TelemetrySettings, set.ID)
	if err != nil {
		return metricsConnector{}, err
	}
	return metricsConnector{id: set.ID, agg: sharedAggregator(set.ID, cfg, set.TelemetrySettings, tel), next: next}, nil
}

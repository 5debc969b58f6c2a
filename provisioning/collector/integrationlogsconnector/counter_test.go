package integrationlogsconnector

import (
	"testing"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
)

// counterValue sums a counter's points whose attribute attr is value ("" for all).
func counterValue(t *testing.T, tel *componenttest.Telemetry, name, attr, value string) int64 {
	t.Helper()
	m, err := tel.GetMetric(name)
	if err != nil {
		return 0
	}
	var total int64
	for _, dp := range m.Data.(metricdata.Sum[int64]).DataPoints {
		if attr != "" {
			v, ok := dp.Attributes.Value(attributeKey(attr))
			if !ok || v.AsString() != value {
				continue
			}
		}
		total += dp.Value
	}
	return total
}

func attributeKey(s string) attribute.Key { return attribute.Key(s) }

package integrationlogsconnector

import (
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/collector/component/componenttest"
)

func TestDefaultConfigIsValid(t *testing.T) {
	if err := componenttest.CheckConfigStruct(createDefaultConfig()); err != nil {
		t.Fatal(err)
	}
	if err := createDefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	if NewFactory().Type().String() != "integrationlogs" {
		t.Fatal("type")
	}
}

func TestValidateNamesEveryBadSetting(t *testing.T) {
	c := &Config{WaitDuration: 0, MaxTraces: -1, MaxBufferedSpans: 10, MaxSpansPerTrace: 11, MaxBodyBytes: -1, MetricsFlushInterval: time.Millisecond, MaxSeries: 0}
	err := c.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, name := range []string{"wait_duration", "max_traces", "max_spans_per_trace", "max_body_bytes", "metrics_flush_interval", "max_series"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
}

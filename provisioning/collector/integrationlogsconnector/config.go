package integrationlogsconnector

import (
	"errors"
	"fmt"
	"time"
)

// Config of the integrationlogs connector. Every limit bounds memory: the buffer holds
// at most MaxBufferedSpans spans (each with bodies cut to MaxBodyBytes) and the metrics
// at most MaxSeries series.
type Config struct {
	// How long a trace stays buffered after its latest span arrived before its records
	// are built. Longer than the gap between the spans of one operation (the operation
	// span ends, and is exported, after its requests).
	WaitDuration time.Duration `mapstructure:"wait_duration"`
	// Traces buffered at once; when full, the oldest trace is built early.
	MaxTraces int `mapstructure:"max_traces"`
	// Spans buffered at once over all traces; when full, the oldest traces are built early.
	MaxBufferedSpans int `mapstructure:"max_buffered_spans"`
	// Spans kept per trace; further spans of that trace are dropped and counted.
	MaxSpansPerTrace int `mapstructure:"max_spans_per_trace"`
	// Request and response bodies taken from span attributes are cut at this many bytes,
	// like the SDK's maxBodyBytes.
	MaxBodyBytes int `mapstructure:"max_body_bytes"`
	// How often the cumulative operation and sync counters are sent on.
	MetricsFlushInterval time.Duration `mapstructure:"metrics_flush_interval"`
	// Metric series kept; combinations beyond it are dropped and counted.
	MaxSeries int `mapstructure:"max_series"`
}

func createDefaultConfig() *Config {
	return &Config{
		WaitDuration:         10 * time.Second,
		MaxTraces:            10_000,
		MaxBufferedSpans:     100_000,
		MaxSpansPerTrace:     10_000,
		MaxBodyBytes:         16 * 1024,
		MetricsFlushInterval: 15 * time.Second,
		MaxSeries:            10_000,
	}
}

// Validate reports every invalid setting at once.
func (c *Config) Validate() error {
	var errs []error
	if c.WaitDuration <= 0 || c.WaitDuration > time.Hour {
		errs = append(errs, fmt.Errorf("wait_duration must be between 0 and 1h, got %v", c.WaitDuration))
	}
	if c.MaxTraces <= 0 {
		errs = append(errs, fmt.Errorf("max_traces must be positive, got %d", c.MaxTraces))
	}
	if c.MaxBufferedSpans <= 0 {
		errs = append(errs, fmt.Errorf("max_buffered_spans must be positive, got %d", c.MaxBufferedSpans))
	}
	if c.MaxSpansPerTrace <= 0 || c.MaxSpansPerTrace > c.MaxBufferedSpans {
		errs = append(errs, fmt.Errorf("max_spans_per_trace must be between 1 and max_buffered_spans (%d), got %d", c.MaxBufferedSpans, c.MaxSpansPerTrace))
	}
	if c.MaxBodyBytes < 0 {
		errs = append(errs, fmt.Errorf("max_body_bytes must not be negative, got %d", c.MaxBodyBytes))
	}
	if c.MetricsFlushInterval < 100*time.Millisecond {
		errs = append(errs, fmt.Errorf("metrics_flush_interval must be at least 100ms, got %v", c.MetricsFlushInterval))
	}
	if c.MaxSeries <= 0 {
		errs = append(errs, fmt.Errorf("max_series must be positive, got %d", c.MaxSeries))
	}
	return errors.Join(errs...)
}

package labelvaluesprocessor

import (
	"errors"
	"fmt"
)

// Config names the log record attributes a backend indexes as labels, and the longest
// value it should be handed.
type Config struct {
	// Attributes whose string values are made valid UTF-8 and cut to MaxBytes.
	Attributes []string `mapstructure:"attributes"`
	// MaxBytes is the longest value kept, in bytes; values are cut on a character boundary.
	MaxBytes int `mapstructure:"max_bytes"`
}

// Loki indexes these three (provisioning/loki/loki.yaml); its own limit is 2048 bytes.
func createDefaultConfig() *Config {
	return &Config{
		Attributes: []string{"event.name", "integration.log_type", "integration.tool"},
		MaxBytes:   128,
	}
}

// Validate reports a config that could not guard anything.
func (c *Config) Validate() error {
	if len(c.Attributes) == 0 {
		return errors.New("attributes: name at least one attribute")
	}
	for i, a := range c.Attributes {
		if a == "" {
			return fmt.Errorf("attributes[%d]: empty name", i)
		}
	}
	if c.MaxBytes < 4 {
		return fmt.Errorf("max_bytes: %d is less than one character of UTF-8 (4)", c.MaxBytes)
	}
	return nil
}

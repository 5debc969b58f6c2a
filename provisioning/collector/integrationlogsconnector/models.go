package integrationlogsconnector

import (
	"fmt"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// maxModelsPerOperation matches the SDK's bound on recordModel models per operation.
const maxModelsPerOperation = 1000

// modelCounts are one model's counts, in syncKinds order.
type modelCounts [5]int64

// modelTotals sums the `integration.sync.model` span events of one operation per model,
// as the SDK sums recordModel calls, in the order models first appear.
type modelTotals struct {
	order  []string
	counts map[string]*modelCounts
	// Events past maxModelsPerOperation models, or without a model name.
	dropped int
}

// add reads one event's (or record's) attributes: integration.sync.model and
// integration.sync.records.<kind>.
func (t *modelTotals) add(attrs pcommon.Map) {
	model, ok := str(attrs, attrSyncModel)
	if !ok {
		t.dropped++
		return
	}
	if t.counts == nil {
		t.counts = map[string]*modelCounts{}
	}
	c := t.counts[model]
	if c == nil {
		if len(t.order) >= maxModelsPerOperation {
			t.dropped++
			return
		}
		c = &modelCounts{}
		t.counts[model] = c
		t.order = append(t.order, model)
	}
	*c = c.plus(countsOf(attrs))
}

func countsOf(attrs pcommon.Map) modelCounts {
	var c modelCounts
	for i, kind := range syncKinds {
		if n, ok := integer(attrs, attrSyncPrefix+kind); ok && n > 0 {
			c[i] = n
		}
	}
	return c
}

func (c modelCounts) plus(o modelCounts) modelCounts {
	for i := range c {
		c[i] += o[i]
	}
	return c
}

// summary is the record body, as the SDK writes it:
// `employees: 120 read, 3 created, 5 updated, 0 deleted, 2 failed`.
func (c modelCounts) summary(model string) string {
	return fmt.Sprintf("%s: %d read, %d created, %d updated, %d deleted, %d failed", model, c[0], c[1], c[2], c[3], c[4])
}

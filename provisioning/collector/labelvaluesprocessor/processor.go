package labelvaluesprocessor

import (
	"context"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/otel/metric"
)

type labelValues struct {
	cfg *Config
	// changed counts values rewritten, so a client that sends odd values can be found.
	changed metric.Int64Counter
}

func (p *labelValues) processLogs(ctx context.Context, ld plog.Logs) (plog.Logs, error) {
	var n int64
	rls := ld.ResourceLogs()
	for i := 0; i < rls.Len(); i++ {
		sls := rls.At(i).ScopeLogs()
		for j := 0; j < sls.Len(); j++ {
			lrs := sls.At(j).LogRecords()
			for k := 0; k < lrs.Len(); k++ {
				n += p.guardAttributes(lrs.At(k).Attributes())
			}
		}
	}
	if n > 0 {
		p.changed.Add(ctx, n)
	}
	return ld, nil
}

func (p *labelValues) guardAttributes(attrs pcommon.Map) int64 {
	var n int64
	for _, name := range p.cfg.Attributes {
		v, ok := attrs.Get(name)
		if !ok || v.Type() != pcommon.ValueTypeStr {
			continue
		}
		if guarded, changed := guard(v.Str(), p.cfg.MaxBytes); changed {
			v.SetStr(guarded)
			n++
		}
	}
	return n
}

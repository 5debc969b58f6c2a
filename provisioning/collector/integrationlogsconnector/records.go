package integrationlogsconnector

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// operationRef is what a request record needs of its operation; kept after the
// operation's record is written, so a request span arriving late still gets its record.
type operationRef struct {
	attrs    pcommon.Map
	resource *pcommon.Resource
}

type spanRef struct {
	trace pcommon.TraceID
	span  pcommon.SpanID
}

// recentOperations remembers the last n written operations, oldest forgotten first.
type recentOperations struct {
	refs map[spanRef]*operationRef
	ring []spanRef
	next int
}

func newRecentOperations(n int) *recentOperations {
	return &recentOperations{refs: make(map[spanRef]*operationRef, n), ring: make([]spanRef, 0, n)}
}

func (r *recentOperations) put(k spanRef, op *operationRef) {
	if _, ok := r.refs[k]; ok {
		return
	}
	if len(r.ring) < cap(r.ring) {
		r.ring = append(r.ring, k)
	} else {
		delete(r.refs, r.ring[r.next])
		r.ring[r.next] = k
		r.next = (r.next + 1) % len(r.ring)
	}
	r.refs[k] = op
}

// recordBuilder turns finished traces into records. Used under the connector's lock.
type recordBuilder struct {
	cfg    *Config
	tel    *telemetry
	recent *recentOperations
}

type requestCounts struct{ total, c4xx, c5xx int64 }

func (c *requestCounts) add(req httpRequest) {
	c.total++
	if req.hasStatus && req.status >= 400 && req.status <= 499 {
		c.c4xx++
	} else if req.hasStatus && req.status >= 500 && req.status <= 599 {
		c.c5xx++
	}
}

// logsOut collects records per resource.
type logsOut struct {
	logs   plog.Logs
	scopes map[*pcommon.Resource]plog.LogRecordSlice
	counts map[string]int64
}

func newLogsOut() *logsOut {
	return &logsOut{logs: plog.NewLogs(), scopes: map[*pcommon.Resource]plog.LogRecordSlice{}, counts: map[string]int64{}}
}

func (o *logsOut) record(res *pcommon.Resource, event string) plog.LogRecord {
	recs, ok := o.scopes[res]
	if !ok {
		rl := o.logs.ResourceLogs().AppendEmpty()
		if res != nil {
			res.CopyTo(rl.Resource())
		}
		sl := rl.ScopeLogs().AppendEmpty()
		sl.Scope().SetName(scopeName)
		recs = sl.LogRecords()
		o.scopes[res] = recs
	}
	o.counts[event]++
	lr := recs.AppendEmpty()
	lr.SetEventName(event)
	lr.Attributes().PutStr(attrEventName, event)
	return lr
}

// build writes the records of the given traces into out.
func (b *recordBuilder) build(ctx context.Context, entries []*traceEntry, out *logsOut) {
	now := pcommon.NewTimestampFromTime(time.Now())
	for _, e := range entries {
		b.buildTrace(ctx, e, out, now)
	}
}

func (b *recordBuilder) buildTrace(ctx context.Context, e *traceEntry, out *logsOut, now pcommon.Timestamp) {
	t := newTraceView(e)
	requests, counts := b.collectRequests(ctx, t)
	b.writeOperations(ctx, t, counts, out, now)
	b.writeRequests(e.traceID, requests, out, now)
}

// traceView indexes one buffered trace: its spans by id, and the operation attributes
// each operation span hands down to its request records.
type traceView struct {
	e    *traceEntry
	byID map[pcommon.SpanID]*bufferedSpan
	refs map[*bufferedSpan]*operationRef
}

func newTraceView(e *traceEntry) *traceView {
	byID := make(map[pcommon.SpanID]*bufferedSpan, len(e.spans))
	for _, s := range e.spans {
		byID[s.spanID] = s
	}
	return &traceView{e: e, byID: byID, refs: map[*bufferedSpan]*operationRef{}}
}

// operationOf walks up to the nearest operation span; when the chain leaves the
// buffered spans, it returns the first missing parent id instead.
func (t *traceView) operationOf(s *bufferedSpan) (*bufferedSpan, pcommon.SpanID) {
	id := s.parentID
	for range len(t.e.spans) + 1 {
		p := t.byID[id]
		if p == nil {
			return nil, id
		}
		if p.class == classOperation {
			return p, id
		}
		id = p.parentID
	}
	return nil, pcommon.SpanID{} // a parent cycle: bad input
}

// refOf is the operation attributes of an operation span, copied once per trace.
func (t *traceView) refOf(op *bufferedSpan) *operationRef {
	if r := t.refs[op]; r != nil {
		return r
	}
	r := &operationRef{attrs: pcommon.NewMap(), resource: op.resource}
	for _, k := range operationRecordAttrs {
		if v, ok := op.attrs.Get(k); ok {
			v.CopyTo(r.attrs.PutEmpty(k))
		}
	}
	t.refs[op] = r
	return r
}

// pendingRequest is a request span whose record waits for its operation's attributes.
type pendingRequest struct {
	span *bufferedSpan
	op   *operationRef
	req  httpRequest
}

// collectRequests finds each request span's operation (in this trace, or recently
// written for a late span) and counts the requests of each operation in the trace.
func (b *recordBuilder) collectRequests(ctx context.Context, t *traceView) ([]pendingRequest, map[*bufferedSpan]*requestCounts) {
	var requests []pendingRequest
	counts := map[*bufferedSpan]*requestCounts{}
	for _, s := range t.e.spans {
		if s.class != classRequest {
			continue
		}
		op, missing := t.operationOf(s)
		var ref *operationRef
		if op == nil {
			ref = b.recent.refs[spanRef{t.e.traceID, missing}]
			if ref == nil {
				b.tel.skip(ctx, reasonNoOperation, 1)
				continue
			}
			b.tel.late.Add(ctx, 1, b.tel.attrs)
		} else {
			ref = t.refOf(op)
		}
		req := readHTTPRequest(s)
		if op != nil {
			c := counts[op]
			if c == nil {
				c = &requestCounts{}
				counts[op] = c
			}
			c.add(req)
		}
		requests = append(requests, pendingRequest{s, ref, req})
	}
	return requests, counts
}

// writeOperations writes each operation's summary and sync model records.
func (b *recordBuilder) writeOperations(ctx context.Context, t *traceView, counts map[*bufferedSpan]*requestCounts, out *logsOut, now pcommon.Timestamp) {
	for _, s := range t.e.spans {
		if s.class != classOperation {
			continue
		}
		logType, _ := str(s.attrs, attrLogType)
		if !logTypes[logType] {
			b.tel.skip(ctx, reasonInvalidLogType, 1)
			continue
		}
		ref := t.refOf(s)
		c := counts[s]
		if c == nil {
			c = &requestCounts{}
		}
		b.writeModels(s, ref, t.e.traceID, out, now)
		b.writeOperation(s, ref, *c, t.e.traceID, out, now)
		b.recent.put(spanRef{t.e.traceID, s.spanID}, ref)
	}
}

// writeRequests writes one request record per request span, with its operation's attributes.
func (b *recordBuilder) writeRequests(traceID pcommon.TraceID, requests []pendingRequest, out *logsOut, now pcommon.Timestamp) {
	for _, p := range requests {
		lr := out.record(p.op.resource, eventRequest)
		stamp(lr, traceID, p.span, now)
		lr.SetSeverityNumber(p.req.severity(p.span.statusError))
		lr.SetSeverityText(severityText(lr.SeverityNumber()))
		putAll(lr.Attributes(), p.op.attrs)
		putRequestAttrs(lr.Attributes(), p.span, p.req, p.span.end.AsTime())
		lr.Body().SetStr(requestBodyJSON(p.span, p.req, b.cfg.MaxBodyBytes))
	}
}

// putAll copies every attribute of src into dst, keeping what dst already holds.
func putAll(dst, src pcommon.Map) {
	src.Range(func(k string, v pcommon.Value) bool {
		v.CopyTo(dst.PutEmpty(k))
		return true
	})
}

func stamp(lr plog.LogRecord, traceID pcommon.TraceID, s *bufferedSpan, now pcommon.Timestamp) {
	lr.SetTimestamp(s.end)
	lr.SetObservedTimestamp(now)
	lr.SetTraceID(traceID)
	lr.SetSpanID(s.spanID)
}

func severityText(n plog.SeverityNumber) string {
	switch n {
	case plog.SeverityNumberError:
		return "ERROR"
	case plog.SeverityNumberWarn:
		return "WARN"
	}
	return "INFO"
}

// outcomeOf is the operation's integration.outcome, or for SDKs that do not set it:
// failure when the span's status is ERROR, else success.
func outcomeOf(attrs pcommon.Map, statusError bool) string {
	if o, ok := str(attrs, attrOutcome); ok && outcomes[o] {
		return o
	}
	if statusError {
		return "failure"
	}
	return "success"
}

func (b *recordBuilder) writeOperation(s *bufferedSpan, ref *operationRef, c requestCounts, traceID pcommon.TraceID, out *logsOut, now pcommon.Timestamp) {
	outcome := outcomeOf(s.attrs, s.statusError)
	errType, _ := str(s.attrs, attrErrorType)
	if errType == "" && outcome == "failure" {
		errType = s.exceptionType
	}
	lr := out.record(ref.resource, eventOperation)
	stamp(lr, traceID, s, now)
	switch outcome {
	case "failure":
		lr.SetSeverityNumber(plog.SeverityNumberError)
	case "success":
		lr.SetSeverityNumber(plog.SeverityNumberInfo)
	default:
		lr.SetSeverityNumber(plog.SeverityNumberWarn)
	}
	lr.SetSeverityText(severityText(lr.SeverityNumber()))
	a := lr.Attributes()
	putAll(a, ref.attrs)
	a.PutStr(attrOutcome, outcome)
	a.PutDouble(attrOperationDurMs, s.durationMs())
	a.PutInt(attrRequestCount, c.total)
	a.PutInt(attrRequest4xxCount, c.c4xx)
	a.PutInt(attrRequest5xxCount, c.c5xx)
	if errType != "" {
		a.PutStr(attrErrorType, errType)
	}
	lr.Body().SetStr(summaryLine(ref.attrs, outcome, s.durationMs(), c))
}

// summaryLine is the SDK's one-line body:
// `<log_type> <tool> [<operation>]: <outcome> in <duration>, <n> requests[ (<k> 4xx, <m> 5xx)]`.
func summaryLine(attrs pcommon.Map, outcome string, durationMs float64, c requestCounts) string {
	var head []string
	for _, k := range []string{attrLogType, attrTool, attrOperation} {
		if v, ok := str(attrs, k); ok {
			head = append(head, v)
		}
	}
	var dur string
	if durationMs >= 1000 {
		dur = fmt.Sprintf("%.1fs", durationMs/1000)
	} else {
		dur = fmt.Sprintf("%dms", int64(math.Round(durationMs)))
	}
	var errs []string
	if c.c4xx > 0 {
		errs = append(errs, fmt.Sprintf("%d 4xx", c.c4xx))
	}
	if c.c5xx > 0 {
		errs = append(errs, fmt.Sprintf("%d 5xx", c.c5xx))
	}
	plural := "s"
	if c.total == 1 {
		plural = ""
	}
	line := fmt.Sprintf("%s: %s in %s, %d request%s", strings.Join(head, " "), outcome, dur, c.total, plural)
	if len(errs) > 0 {
		line += " (" + strings.Join(errs, ", ") + ")"
	}
	return line
}

func (b *recordBuilder) writeModels(s *bufferedSpan, ref *operationRef, traceID pcommon.TraceID, out *logsOut, now pcommon.Timestamp) {
	if s.models == nil {
		return
	}
	for _, model := range s.models.order {
		c := *s.models.counts[model]
		lr := out.record(ref.resource, eventSyncModel)
		stamp(lr, traceID, s, now)
		if c[4] > 0 {
			lr.SetSeverityNumber(plog.SeverityNumberWarn)
		} else {
			lr.SetSeverityNumber(plog.SeverityNumberInfo)
		}
		lr.SetSeverityText(severityText(lr.SeverityNumber()))
		a := lr.Attributes()
		putAll(a, ref.attrs)
		a.PutStr(attrSyncModel, model)
		for i, kind := range syncKinds {
			a.PutInt(attrSyncPrefix+kind, c[i])
		}
		lr.Body().SetStr(c.summary(model))
	}
}

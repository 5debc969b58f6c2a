package integrationlogsconnector

import (
	"container/list"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// traceEntry is one buffered trace.
type traceEntry struct {
	traceID  pcommon.TraceID
	spans    []*bufferedSpan
	lastSeen time.Time
	elem     *list.Element
}

// traceBuffer groups spans by trace until a trace has been quiet for the wait, within
// fixed bounds on traces and spans. Not safe for concurrent use: the connector locks.
type traceBuffer struct {
	cfg    *Config
	traces map[pcommon.TraceID]*traceEntry
	// Entries by lastSeen, least recent first: expiry and eviction take from the front.
	order *list.List
	spans int
}

func newTraceBuffer(cfg *Config) *traceBuffer {
	return &traceBuffer{cfg: cfg, traces: map[pcommon.TraceID]*traceEntry{}, order: list.New()}
}

// addResult says what became of a span offered to the buffer.
type addResult uint8

const (
	added addResult = iota
	// A link span of a trace with nothing buffered: nothing can need it.
	notNeeded
	// The trace already holds max_spans_per_trace spans.
	traceFull
)

// add buffers s. Traces pushed out by the bounds are returned, to be built now.
func (b *traceBuffer) add(traceID pcommon.TraceID, s *bufferedSpan, now time.Time) (addResult, []*traceEntry) {
	e := b.traces[traceID]
	if e == nil {
		// Children end, and are exported, before their parents: a link span that arrives
		// first has no request below it.
		if s.class == classLink {
			return notNeeded, nil
		}
		e = &traceEntry{traceID: traceID}
		b.traces[traceID] = e
		e.elem = b.order.PushBack(e)
	} else {
		b.order.MoveToBack(e.elem)
	}
	e.lastSeen = now
	if len(e.spans) >= b.cfg.MaxSpansPerTrace {
		return traceFull, nil
	}
	e.spans = append(e.spans, s)
	b.spans++
	var evicted []*traceEntry
	for len(b.traces) > b.cfg.MaxTraces || b.spans > b.cfg.MaxBufferedSpans {
		front := b.order.Front().Value.(*traceEntry)
		if front == e {
			// Only the trace just added is left (the bounds are validated against it).
			break
		}
		b.remove(front)
		evicted = append(evicted, front)
	}
	return added, evicted
}

// expired removes and returns the traces quiet for at least the wait.
func (b *traceBuffer) expired(now time.Time) []*traceEntry {
	var out []*traceEntry
	for el := b.order.Front(); el != nil; el = b.order.Front() {
		e := el.Value.(*traceEntry)
		if now.Sub(e.lastSeen) < b.cfg.WaitDuration {
			break
		}
		b.remove(e)
		out = append(out, e)
	}
	return out
}

// drain removes and returns every trace (shutdown).
func (b *traceBuffer) drain() []*traceEntry {
	out := make([]*traceEntry, 0, len(b.traces))
	for el := b.order.Front(); el != nil; el = b.order.Front() {
		e := el.Value.(*traceEntry)
		b.remove(e)
		out = append(out, e)
	}
	return out
}

func (b *traceBuffer) remove(e *traceEntry) {
	b.order.Remove(e.elem)
	delete(b.traces, e.traceID)
	b.spans -= len(e.spans)
}

func (b *traceBuffer) len() (traces, spans int) {
	return len(b.traces), b.spans
}

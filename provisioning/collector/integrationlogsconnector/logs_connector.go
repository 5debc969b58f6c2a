package integrationlogsconnector

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
	"go.uber.org/zap"
)

// tracesToLogs groups spans by trace and, once a trace has been quiet for the wait,
// writes the integration.operation, integration.sync.model and integration.request
// records of its operations.
type tracesToLogs struct {
	cfg    *Config
	next   consumer.Logs
	logger *zap.Logger
	tel    *telemetry

	mu      sync.Mutex
	buffer  *traceBuffer
	builder *recordBuilder

	stop chan struct{}
	done chan struct{}
	// now is time.Now, replaceable in tests.
	now func() time.Time
}

func newTracesToLogs(cfg *Config, set component.TelemetrySettings, tel *telemetry, next consumer.Logs) *tracesToLogs {
	return &tracesToLogs{
		cfg: cfg, next: next, logger: set.Logger, tel: tel,
		buffer:  newTraceBuffer(cfg),
		builder: &recordBuilder{cfg: cfg, tel: tel, recent: newRecentOperations(cfg.MaxTraces)},
		now:     time.Now,
	}
}

func (c *tracesToLogs) Capabilities() consumer.Capabilities {
	return consumer.Capabilities{MutatesData: false}
}

func (c *tracesToLogs) Start(context.Context, component.Host) error {
	c.stop, c.done = make(chan struct{}), make(chan struct{})
	go c.expireLoop()
	return nil
}

// Shutdown writes the records of every buffered trace, so a restart loses none.
func (c *tracesToLogs) Shutdown(ctx context.Context) error {
	if c.stop == nil {
		return nil
	}
	close(c.stop)
	<-c.done
	c.stop = nil
	c.mu.Lock()
	entries := c.buffer.drain()
	c.mu.Unlock()
	return c.emit(ctx, entries)
}

// expireLoop builds traces whose wait has passed, checking ten times per wait.
func (c *tracesToLogs) expireLoop() {
	defer close(c.done)
	tick := min(max(c.cfg.WaitDuration/10, 10*time.Millisecond), time.Second)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-t.C:
			c.flushExpired(context.Background())
		}
	}
}

func (c *tracesToLogs) flushExpired(ctx context.Context) {
	c.mu.Lock()
	entries := c.buffer.expired(c.now())
	c.mu.Unlock()
	if err := c.emit(ctx, entries); err != nil {
		c.logger.Warn("integrationlogs: the logs pipeline refused records", zap.Error(err))
	}
}

func (c *tracesToLogs) ConsumeTraces(ctx context.Context, td ptrace.Traces) error {
	now := c.now()
	var evicted []*traceEntry
	var tooLarge, fromSDK, orphans int64
	c.mu.Lock()
	rss := td.ResourceSpans()
	for i := 0; i < rss.Len(); i++ {
		rs := rss.At(i)
		var res *pcommon.Resource
		sss := rs.ScopeSpans()
		for j := 0; j < sss.Len(); j++ {
			ss := sss.At(j)
			spans := ss.Spans()
			if ss.Scope().Name() == sdkScopeName {
				// The SDK wrote these records itself. Its spans are not even buffered: a
				// foreign request below an SDK operation then finds no operation, and gets
				// no record either.
				for k := 0; k < spans.Len(); k++ {
					if classify(spans.At(k)) != classLink {
						fromSDK++
					}
				}
				continue
			}
			for k := 0; k < spans.Len(); k++ {
				span := spans.At(k)
				class := classify(span)
				if class == classRequest {
					// Decided without buffering: the SDK's request spans (made by the
					// HTTP instrumentations it drives, so under their scopes) carry the
					// operation's integration.log_type, and a root request has no operation.
					if _, ok := str(span.Attributes(), attrLogType); ok {
						fromSDK++
						continue
					}
					if span.ParentSpanID().IsEmpty() {
						orphans++
						continue
					}
				}
				if res == nil && class != classLink {
					// One copy of the resource per batch, shared by its spans' records.
					r := pcommon.NewResource()
					rs.Resource().CopyTo(r)
					res = &r
				}
				result, out := c.buffer.add(span.TraceID(), newBufferedSpan(span, class, res, c.cfg.MaxBodyBytes), now)
				if result == traceFull {
					tooLarge++
				}
				evicted = append(evicted, out...)
			}
		}
	}
	c.mu.Unlock()
	c.tel.skip(ctx, reasonSDKScope, fromSDK)
	c.tel.skip(ctx, reasonNoOperation, orphans)
	c.tel.skip(ctx, reasonTraceTooLarge, tooLarge)
	if len(evicted) > 0 {
		c.tel.evicted.Add(ctx, int64(len(evicted)), c.tel.attrs)
	}
	// Evicted traces are not this batch: a refusal is logged, not returned (the sender
	// would resend spans that were buffered fine).
	if err := c.emit(ctx, evicted); err != nil {
		c.logger.Warn("integrationlogs: the logs pipeline refused records", zap.Error(err))
	}
	return nil
}

// emit builds the records of finished traces and sends them on.
func (c *tracesToLogs) emit(ctx context.Context, entries []*traceEntry) error {
	if len(entries) == 0 {
		return nil
	}
	out := newLogsOut()
	c.mu.Lock()
	c.builder.build(ctx, entries, out)
	c.mu.Unlock()
	for event, n := range out.counts {
		c.tel.emitted(ctx, event, n)
	}
	if out.logs.LogRecordCount() == 0 {
		return nil
	}
	return c.next.ConsumeLogs(ctx, out.logs)
}

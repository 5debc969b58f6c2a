package integrationlogsconnector

import (
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/ptrace"
)

type spanClass uint8

const (
	// A span that is neither: kept (ids only) to link a request to its operation.
	classLink spanClass = iota
	// A span carrying integration.log_type and integration.tool.
	classOperation
	// An HTTP CLIENT span.
	classRequest
)

// bufferedSpan is what the buffer keeps of a span: ids for every span, and for operation
// and request spans what their records need (attributes copied, bodies cut), so the
// incoming batch is not kept alive.
type bufferedSpan struct {
	spanID   pcommon.SpanID
	parentID pcommon.SpanID
	class    spanClass

	resource      *pcommon.Resource
	name          string
	start, end    pcommon.Timestamp
	statusError   bool
	attrs         pcommon.Map
	exceptionType string
	models        *modelTotals
	// Byte lengths of the body attributes before they were cut to max_body_bytes.
	requestBodyLen, responseBodyLen int
}

// classify tells operation and request spans from the rest. An HTTP CLIENT span is a
// request even when it carries integration.log_type and integration.tool: the SDK
// copies them onto request spans for span metrics.
func classify(span ptrace.Span) spanClass {
	attrs := span.Attributes()
	if span.Kind() == ptrace.SpanKindClient {
		if _, ok := str(attrs, attrHTTPMethod, attrHTTPMethodOld); ok {
			return classRequest
		}
	}
	if _, ok := str(attrs, attrLogType); ok {
		if _, ok := str(attrs, attrTool); ok {
			return classOperation
		}
	}
	return classLink
}

// newBufferedSpan copies what the records of span need.
func newBufferedSpan(span ptrace.Span, class spanClass, res *pcommon.Resource, maxBodyBytes int) *bufferedSpan {
	b := &bufferedSpan{spanID: span.SpanID(), parentID: span.ParentSpanID(), class: class}
	if class == classLink {
		return b
	}
	b.resource = res
	b.name = span.Name()
	b.start, b.end = span.StartTimestamp(), span.EndTimestamp()
	b.statusError = span.Status().Code() == ptrace.StatusCodeError
	b.attrs = pcommon.NewMap()
	b.attrs.EnsureCapacity(span.Attributes().Len())
	span.Attributes().Range(func(k string, v pcommon.Value) bool {
		switch k {
		case attrRequestBody:
			b.requestBodyLen = rawLen(v)
		case attrResponseBody:
			b.responseBodyLen = rawLen(v)
		}
		copyValue(b.attrs.PutEmpty(k), v, maxBodyBytes)
		return true
	})
	events := span.Events()
	for i := 0; i < events.Len(); i++ {
		ev := events.At(i)
		switch ev.Name() {
		case eventException:
			if t, ok := str(ev.Attributes(), attrExceptionType); ok && b.exceptionType == "" {
				b.exceptionType = t
			}
		case eventSyncModel:
			if class == classOperation {
				if b.models == nil {
					b.models = &modelTotals{}
				}
				b.models.add(ev.Attributes())
			}
		}
	}
	return b
}

// durationMs is the span's duration in milliseconds, to 0.1 ms; 0 for inverted times.
func (b *bufferedSpan) durationMs() float64 {
	if b.end < b.start {
		return 0
	}
	return roundTenth(float64(b.end-b.start) / 1e6)
}

func rawLen(v pcommon.Value) int {
	if v.Type() == pcommon.ValueTypeBytes {
		return v.Bytes().Len()
	}
	return len(v.AsString())
}

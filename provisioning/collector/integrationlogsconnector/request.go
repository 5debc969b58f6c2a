package integrationlogsconnector

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// httpRequest is what an integration.request record says about one HTTP CLIENT span,
// read from the stable HTTP conventions or their older names.
type httpRequest struct {
	method, url, template, server string
	status                        int64
	hasStatus                     bool
	errorType                     string
}

func readHTTPRequest(s *bufferedSpan) httpRequest {
	a := s.attrs
	r := httpRequest{}
	r.method, _ = str(a, attrHTTPMethod, attrHTTPMethodOld)
	r.method = strings.ToUpper(r.method)
	raw, ok := str(a, attrURLFull, attrURLFullOld)
	if !ok {
		raw = composeURL(a)
	}
	r.url = redactURL(raw)
	path := ""
	if u, err := url.Parse(r.url); err == nil {
		path = u.EscapedPath()
		r.server = u.Hostname()
	}
	if t, ok := str(a, attrURLTemplate); ok {
		r.template = t
	} else {
		r.template = inferURLTemplate(path)
	}
	if addr, ok := str(a, attrServerAddress, attrServerAddrOld); ok {
		r.server = addr
	}
	r.status, r.hasStatus = integer(a, attrStatusCode, attrStatusCodeOld)
	if et, ok := str(a, attrErrorType); ok {
		r.errorType = et
	} else if r.hasStatus && r.status >= 400 && r.status <= 599 {
		r.errorType = strconv.FormatInt(r.status, 10)
	} else if !r.hasStatus && s.exceptionType != "" {
		r.errorType = s.exceptionType
	}
	return r
}

// composeURL builds a URL from its parts when the span has no url.full.
func composeURL(a pcommon.Map) string {
	scheme, ok := str(a, attrURLScheme, "http.scheme")
	if !ok {
		scheme = "https"
	}
	host, _ := str(a, attrServerAddress, attrServerAddrOld, "http.host")
	if port, ok := str(a, attrServerPort, attrServerPortOld); ok && port != "443" && port != "80" {
		host += ":" + port
	}
	path, _ := str(a, attrURLPath, "http.target")
	u := scheme + "://" + host + path
	if q, ok := str(a, attrURLQuery); ok && !strings.Contains(path, "?") {
		u += "?" + strings.TrimPrefix(q, "?")
	}
	return u
}

// knownStatus is a status code HTTP defines a class for.
func knownStatus(n int64) bool { return n >= 100 && n <= 599 }

// severity follows the SDK: no answer or 5xx is an error, 4xx a warning; a status code
// outside HTTP's classes is a warning, an error when the span says so.
func (r httpRequest) severity(statusError bool) plog.SeverityNumber {
	switch {
	case !r.hasStatus || r.status >= 500 && r.status <= 599:
		return plog.SeverityNumberError
	case !knownStatus(r.status):
		if statusError {
			return plog.SeverityNumberError
		}
		return plog.SeverityNumberWarn
	case r.status >= 400:
		return plog.SeverityNumberWarn
	}
	return plog.SeverityNumberInfo
}

// putRequestAttrs adds the integration.request record's own attributes.
func putRequestAttrs(dst pcommon.Map, s *bufferedSpan, r httpRequest, end time.Time) {
	dst.PutStr(attrHTTPMethod, r.method)
	dst.PutStr(attrURLFull, r.url)
	dst.PutStr(attrURLTemplate, r.template)
	if r.server != "" {
		dst.PutStr(attrServerAddress, r.server)
	}
	if r.hasStatus {
		dst.PutInt(attrStatusCode, r.status)
	}
	dst.PutDouble(attrRequestDurMs, s.durationMs())
	if n, ok := integer(s.attrs, attrResendCount); ok {
		dst.PutInt(attrResendCount, n)
	}
	putRateLimit(dst, s.attrs, end)
	if r.errorType != "" {
		dst.PutStr(attrErrorType, r.errorType)
	}
}

// putRateLimit copies the integration.ratelimit.* attributes, or reads them from the
// captured response headers as the SDK does.
func putRateLimit(dst, a pcommon.Map, end time.Time) {
	if v, ok := a.Get(attrRetryAfterS); ok {
		v.CopyTo(dst.PutEmpty(attrRetryAfterS))
	} else if ra, ok := header(a, attrRespHeaderPrefix, "retry-after"); ok {
		if secs, ok := parseRetryAfter(ra, end); ok {
			dst.PutDouble(attrRetryAfterS, secs)
		}
	}
	for _, p := range [...][2]string{{attrRateLimit, "limit"}, {attrRateRemaining, "remaining"}, {attrRateReset, "reset"}} {
		attr, suffix := p[0], p[1]
		if v, ok := str(a, attr); ok {
			dst.PutStr(attr, v)
		} else if v, ok := header(a, attrRespHeaderPrefix, "x-ratelimit-"+suffix); ok {
			dst.PutStr(attr, v)
		} else if v, ok := header(a, attrRespHeaderPrefix, "ratelimit-"+suffix); ok {
			dst.PutStr(attr, v)
		}
	}
}

// parseRetryAfter reads delay-seconds or an HTTP date (seconds from the response).
func parseRetryAfter(v string, at time.Time) (float64, bool) {
	v = strings.TrimSpace(v)
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 {
		return f, true
	}
	if t, err := time.Parse(time.RFC1123, v); err == nil {
		return max(0, float64(t.Sub(at).Round(time.Second)/time.Second)), true
	}
	return 0, false
}

// header finds a captured header attribute. Names are matched lower-case with
// underscores read as dashes: some instrumentations (Python's) write content_type.
func header(a pcommon.Map, prefix, name string) (string, bool) {
	var found string
	var ok bool
	a.Range(func(k string, v pcommon.Value) bool {
		if n, has := strings.CutPrefix(k, prefix); has && headerName(n) == name {
			found, ok = str(a, k)
			return false
		}
		return true
	})
	return found, ok
}

func headerName(n string) string {
	return strings.ReplaceAll(strings.ToLower(n), "_", "-")
}

// headerField is one header of the record body: a string, or a list for repeated headers.
type headerField struct {
	name  string
	value any
}

type headerMap []headerField

// MarshalJSON keeps the span's attribute order.
func (h headerMap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range h {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSON(&b, f.name)
		b.WriteByte(':')
		writeJSON(&b, f.value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// headers collects the captured headers with a prefix, values outside the allow-list
// masked.
func headers(a pcommon.Map, prefix string) headerMap {
	h := headerMap{}
	a.Range(func(k string, v pcommon.Value) bool {
		n, ok := strings.CutPrefix(k, prefix)
		if !ok || n == "" {
			return true
		}
		name := headerName(n)
		var value any
		if !headerAllowed(name) {
			value = masked
		} else if v.Type() == pcommon.ValueTypeSlice {
			vals := make([]string, 0, v.Slice().Len())
			for i := 0; i < v.Slice().Len(); i++ {
				vals = append(vals, v.Slice().At(i).AsString())
			}
			if len(vals) == 1 {
				value = vals[0]
			} else {
				value = vals
			}
		} else {
			value = v.AsString()
		}
		h = append(h, headerField{name, value})
		return true
	})
	return h
}

// bodyFields are the body fields of the request and response objects.
type bodyFields struct {
	Body          *string `json:"body"`
	BodyEncoding  string  `json:"bodyEncoding"`
	BodySize      int64   `json:"bodySize"`
	BodyTruncated bool    `json:"bodyTruncated"`
}

func readBody(a pcommon.Map, attr, sizeAttr string, rawLen int, maxBytes int, contentType string) bodyFields {
	f := bodyFields{BodyEncoding: "utf8"}
	if n, ok := integer(a, sizeAttr); ok && n >= 0 {
		f.BodySize = n
	}
	v, ok := a.Get(attr)
	if !ok {
		return f
	}
	if f.BodySize == 0 {
		f.BodySize = int64(rawLen)
	}
	f.BodyTruncated = rawLen > maxBytes
	var body string
	if v.Type() == pcommon.ValueTypeBytes || !utf8.ValidString(v.AsString()) {
		var raw []byte
		if v.Type() == pcommon.ValueTypeBytes {
			raw = v.Bytes().AsRaw()
		} else {
			raw = []byte(v.AsString())
		}
		body = base64.StdEncoding.EncodeToString(raw)
		f.BodyEncoding = "base64"
	} else {
		body = redactBody(v.AsString(), contentType)
	}
	if body == "" && f.BodySize == 0 {
		return f
	}
	f.Body = &body
	return f
}

type requestPart struct {
	Method  string    `json:"method"`
	URL     string    `json:"url"`
	Headers headerMap `json:"headers"`
	bodyFields
}

type responsePart struct {
	Status  int64     `json:"status"`
	Headers headerMap `json:"headers"`
	bodyFields
}

type requestBody struct {
	Request    requestPart   `json:"request"`
	Response   *responsePart `json:"response"`
	DurationMs float64       `json:"durationMs"`
}

// requestBodyJSON is the integration.request record body (docs/telemetry.md).
func requestBodyJSON(s *bufferedSpan, r httpRequest, maxBodyBytes int) string {
	reqHeaders := headers(s.attrs, attrReqHeaderPrefix)
	reqCT, _ := header(s.attrs, attrReqHeaderPrefix, "content-type")
	b := requestBody{
		Request: requestPart{
			Method: r.method, URL: r.url, Headers: reqHeaders,
			bodyFields: readBody(s.attrs, attrRequestBody, attrRequestBodySize, s.requestBodyLen, maxBodyBytes, reqCT),
		},
		DurationMs: s.durationMs(),
	}
	if r.hasStatus {
		respCT, _ := header(s.attrs, attrRespHeaderPrefix, "content-type")
		b.Response = &responsePart{
			Status: r.status, Headers: headers(s.attrs, attrRespHeaderPrefix),
			bodyFields: readBody(s.attrs, attrResponseBody, attrResponseBodySize, s.responseBodyLen, maxBodyBytes, respCT),
		}
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return "{}"
	}
	return strings.TrimSuffix(out.String(), "\n")
}

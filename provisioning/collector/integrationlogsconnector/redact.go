package integrationlogsconnector

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"regexp"
	"strings"
)

// Records made here carry what a foreign SDK put on its spans, which went through no
// redaction of ours: URLs, headers and bodies are redacted here with the SDK's rules for
// them (key rule, header allow-list), and the collector's redaction processor then scans
// every record like the SDK's own.

const (
	masked    = "[REDACTED]"
	maskedURL = "REDACTED"
)

// redactURL removes user info and masks the values of secret query parameters.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		// Unparseable: still drop anything that looks like credentials before a host.
		return userInfo.ReplaceAllString(raw, "//")
	}
	u.User = nil
	u.RawQuery = redactParams(u.RawQuery)
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

var userInfo = regexp.MustCompile(`//[^/\s@]*@`)

// redactParams masks the values of secret parameters of a query or form string, keeping
// names and the encoding of the rest.
func redactParams(q string) string {
	if q == "" {
		return q
	}
	parts := strings.Split(q, "&")
	for i, p := range parts {
		name, _, hasValue := strings.Cut(p, "=")
		decoded, err := url.QueryUnescape(name)
		if err != nil {
			decoded = name
		}
		if hasValue && isSensitiveKey(decoded, true) {
			parts[i] = name + "=" + maskedURL
		}
	}
	return strings.Join(parts, "&")
}

// Headers whose values are shown: what debugging needs, no credentials (the SDK's
// DEFAULT_ALLOWED_HEADERS). Entries ending in * are prefixes.
var allowedHeaders = []string{
	"accept", "accept-encoding", "accept-language", "accept-ranges", "age", "allow", "cache-control",
	"connection", "content-disposition", "content-encoding", "content-language", "content-length",
	"content-location", "content-range", "content-type", "date", "etag", "expires", "host",
	"if-match", "if-modified-since", "if-none-match", "keep-alive", "last-modified", "link", "location",
	"origin", "pragma", "referer", "retry-after", "server", "strict-transport-security", "traceparent",
	"tracestate", "transfer-encoding", "user-agent", "vary", "via", "www-authenticate",
	"x-content-type-options", "x-correlation-id", "correlation-id", "x-frame-options", "x-powered-by",
	"x-request-id", "request-id", "x-amzn-requestid", "x-amz-request-id", "x-total-count", "x-page",
	"x-per-page", "x-next-page", "x-ratelimit-*", "x-rate-limit-*", "ratelimit", "ratelimit-*",
	"ratelimit-policy", "sec-fetch-*", "sec-ch-ua*",
}

var credentialHeaders = set("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
	"apikey", "x-auth-token", "x-access-token", "x-csrf-token", "x-xsrf-token", "x-amz-security-token")

// headerAllowed tells whether a (lower-case) header's value may be shown.
func headerAllowed(name string) bool {
	if credentialHeaders[name] {
		return false
	}
	for _, h := range allowedHeaders {
		if p, ok := strings.CutSuffix(h, "*"); ok {
			if strings.HasPrefix(name, p) {
				return true
			}
		} else if name == h {
			return true
		}
	}
	return false
}

// redactBody masks secret fields of a JSON or form body; other text is left to the
// collector's redaction processor, which scans record bodies for secret-shaped values.
func redactBody(body, contentType string) string {
	if !mayNameSecret(body) {
		return body
	}
	ct := strings.ToLower(contentType)
	trimmed := strings.TrimSpace(body)
	switch {
	case strings.Contains(ct, "json") || strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "["):
		if out, err := redactJSON(body); err == nil {
			return out
		}
		// Cut at the limit or not JSON after all: mask "key": "value" pairs textually.
		return jsonPair.ReplaceAllStringFunc(body, func(m string) string {
			sub := jsonPair.FindStringSubmatch(m)
			if isSensitiveKey(sub[1], false) {
				return sub[0][:len(sub[0])-len(sub[2])] + `"` + masked + `"`
			}
			return m
		})
	case strings.Contains(ct, "x-www-form-urlencoded"):
		return redactParams(body)
	}
	return body
}

var jsonPair = regexp.MustCompile(`"((?:[^"\\]|\\.){1,128})"\s*:\s*("(?:[^"\\]|\\.)*"?|[-0-9.eE+]+|true|false)`)

// redactJSON re-encodes a JSON document compactly, in its own key order, with the values
// of secret keys (whole objects and arrays included) replaced by "[REDACTED]".
func redactJSON(src string) (string, error) {
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	var out bytes.Buffer
	if err := copyJSONValue(dec, &out, false, 0); err != nil {
		return "", err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return "", errors.New("trailing data after JSON value")
	}
	return out.String(), nil
}

const maxJSONDepth = 64

func copyJSONValue(dec *json.Decoder, out *bytes.Buffer, sensitive bool, depth int) error {
	if depth > maxJSONDepth {
		return errors.New("JSON nested too deep")
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		if sensitive {
			out.WriteString(`"` + masked + `"`)
			return skipJSONContainer(dec)
		}
		switch t {
		case '{':
			out.WriteByte('{')
			for first := true; dec.More(); first = false {
				keyTok, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := keyTok.(string)
				if !first {
					out.WriteByte(',')
				}
				writeJSON(out, key)
				out.WriteByte(':')
				if err := copyJSONValue(dec, out, isSensitiveKey(key, false), depth+1); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte('}')
		case '[':
			out.WriteByte('[')
			for first := true; dec.More(); first = false {
				if !first {
					out.WriteByte(',')
				}
				if err := copyJSONValue(dec, out, false, depth+1); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte(']')
		default:
			return errors.New("unexpected JSON delimiter")
		}
	case nil:
		out.WriteString("null")
	default:
		if sensitive {
			out.WriteString(`"` + masked + `"`)
			return nil
		}
		writeJSON(out, t)
	}
	return nil
}

func skipJSONContainer(dec *json.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

func writeJSON(out *bytes.Buffer, v any) {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	// Encode ends with a newline.
	out.Truncate(out.Len() - 1)
}

// keyHints holds, for every sensitive term of the key rule, a part of it: a body that
// contains none of them (any case) names no secret, and is not parsed at all. Most
// bodies are like that, and parsing is the connector's main cost.
var keyHints = []string{
	"pass", "pwd", "secret", "token", "auth", "credential", "cookie", "session", "jwt", "bearer",
	"key", "iban", "ssn", "cvv", "cvc", "pin", "otp", "card", "number", "security", "srf", "code",
	"sig", "assertion", "verifier", `\u`,
}

func mayNameSecret(body string) bool {
	lower := strings.ToLower(body)
	for _, h := range keyHints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

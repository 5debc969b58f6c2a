package integrationlogsconnector

import (
	"math"
	"strconv"
	"strings"

	"go.opentelemetry.io/collector/pdata/pcommon"
)

// str returns the first of keys that holds a non-empty value, as a string.
func str(m pcommon.Map, keys ...string) (string, bool) {
	for _, k := range keys {
		v, ok := m.Get(k)
		if !ok {
			continue
		}
		var s string
		switch v.Type() {
		case pcommon.ValueTypeStr:
			s = v.Str()
		case pcommon.ValueTypeInt, pcommon.ValueTypeDouble, pcommon.ValueTypeBool:
			s = v.AsString()
		case pcommon.ValueTypeSlice:
			if v.Slice().Len() > 0 {
				s = v.Slice().At(0).AsString()
			}
		}
		if s != "" {
			return s, true
		}
	}
	return "", false
}

// integer returns the first of keys that holds a whole number (numbers sent as strings
// or doubles included, as some SDKs do).
func integer(m pcommon.Map, keys ...string) (int64, bool) {
	for _, k := range keys {
		v, ok := m.Get(k)
		if !ok {
			continue
		}
		switch v.Type() {
		case pcommon.ValueTypeInt:
			return v.Int(), true
		case pcommon.ValueTypeDouble:
			if d := v.Double(); !math.IsNaN(d) && !math.IsInf(d, 0) && d >= math.MinInt64 && d <= math.MaxInt64 {
				return int64(d), true
			}
		case pcommon.ValueTypeStr:
			if n, err := strconv.ParseInt(strings.TrimSpace(v.Str()), 10, 64); err == nil {
				return n, true
			}
		}
	}
	return 0, false
}

// copyValue copies v into dst, cutting strings longer than maxLen (bodies can be large).
func copyValue(dst pcommon.Value, v pcommon.Value, maxLen int) {
	if v.Type() == pcommon.ValueTypeStr && len(v.Str()) > maxLen {
		dst.SetStr(cutUTF8(v.Str(), maxLen))
		return
	}
	if v.Type() == pcommon.ValueTypeBytes && v.Bytes().Len() > maxLen {
		dst.SetEmptyBytes().FromRaw(v.Bytes().AsRaw()[:maxLen])
		return
	}
	v.CopyTo(dst)
}

// cutUTF8 cuts s to at most n bytes without splitting a character.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// roundTenth rounds to 0.1, the precision of the SDK's durations.
func roundTenth(f float64) float64 {
	return math.Round(f*10) / 10
}

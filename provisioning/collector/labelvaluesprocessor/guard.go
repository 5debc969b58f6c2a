package labelvaluesprocessor

import (
	"strings"
	"unicode/utf8"
)

// replacement stands for what cannot be a label value. Not U+FFFD: Loki parses a
// stream's labels with the Prometheus lexer, which refuses U+FFFD as an invalid rune and
// drops the stream's records (seen with Loki 3.7: "parse error: invalid UTF-8 rune").
const replacement = "?"

// guard returns value as valid UTF-8 of at most maxBytes, and whether it changed. Bytes
// that are not UTF-8 (a lone UTF-16 surrogate encoded by a careless client, a cut
// multi-byte character) and U+FFFD itself become "?"; a long value is cut at the last
// character boundary that fits.
func guard(value string, maxBytes int) (string, bool) {
	out := strings.ReplaceAll(strings.ToValidUTF8(value, replacement), string(utf8.RuneError), replacement)
	if len(out) > maxBytes {
		cut := maxBytes
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut]
	}
	return out, out != value
}

package labelvaluesprocessor

import (
	"strings"
	"unicode/utf8"
)

const replacement = "\uFFFD"

// guard returns value as valid UTF-8 of at most maxBytes, and whether it changed. Bytes
// that are not UTF-8 (a lone UTF-16 surrogate encoded by a careless client, a cut
// multi-byte character) become U+FFFD; a long value is cut at the last character
// boundary that fits.
func guard(value string, maxBytes int) (string, bool) {
	out := value
	if !utf8.ValidString(out) {
		out = strings.ToValidUTF8(out, replacement)
	}
	if len(out) > maxBytes {
		cut := maxBytes
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut]
	}
	return out, out != value
}

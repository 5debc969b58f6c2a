package labelvaluesprocessor

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGuard(t *testing.T) {
	long := strings.Repeat("tool-", 60) + strings.Repeat("é", 40)
	cases := []struct {
		name, in, want string
		changed        bool
	}{
		{"valid and short stays", "personio", "personio", false},
		{"lone surrogate as a client encodes it (ED A0 80)", "bad\xed\xa0\x80tool", "bad?tool", true},
		{"stray continuation byte", "a\x80b", "a?b", true},
		{"U+FFFD itself, which Loki's label parser refuses", "bad\uFFFDtool", "bad?tool", true},
		{"long value cut to 128 bytes", strings.Repeat("x", 300), strings.Repeat("x", 128), true},
		{"cut on a character boundary", long, long[:128], true}, // 'tool-'x60 is 300 bytes: the cut is in ASCII
		{"multi-byte at the limit backs off", strings.Repeat("é", 100), strings.Repeat("é", 64), true},
		{"empty stays", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, changed := guard(c.in, 128)
			if got != c.want || changed != c.changed {
				t.Fatalf("guard(%q) = %q, %v; want %q, %v", c.in, got, changed, c.want, c.changed)
			}
			if !utf8.ValidString(got) || len(got) > 128 {
				t.Fatalf("guard(%q) = %q: not valid UTF-8 of at most 128 bytes", c.in, got)
			}
		})
	}
}

func TestGuardNeverSplitsACharacter(t *testing.T) {
	for _, s := range []string{"日本語のツール名", "🙂🙂🙂🙂", "aé日🙂"} {
		for max := 4; max <= len(s)+1; max++ {
			got, _ := guard(s, max)
			if !utf8.ValidString(got) || len(got) > max || !strings.HasPrefix(s, got) {
				t.Fatalf("guard(%q, %d) = %q", s, max, got)
			}
		}
	}
}

func TestConfigValidate(t *testing.T) {
	if err := createDefaultConfig().Validate(); err != nil {
		t.Fatalf("default config: %v", err)
	}
	for _, c := range []*Config{
		{Attributes: nil, MaxBytes: 128},
		{Attributes: []string{""}, MaxBytes: 128},
		{Attributes: []string{"integration.tool"}, MaxBytes: 3},
	} {
		if c.Validate() == nil {
			t.Fatalf("%+v: want an error", c)
		}
	}
}

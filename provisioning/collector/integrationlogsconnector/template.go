package integrationlogsconnector

import (
	"net/url"
	"regexp"
	"strings"
)

// The SDK's url.template rule (instrumentation/src/url-template.ts): path segments that
// look like ids become {id}, so the template stays low-cardinality.
var (
	uuidSeg    = regexp.MustCompile(`(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	digitsSeg  = regexp.MustCompile(`^\d+$`)
	longHexSeg = regexp.MustCompile(`(?i)^[0-9a-f]{16,}$`)
	dateSeg    = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
	hasDigit   = regexp.MustCompile(`\d`)
	hasLetter  = regexp.MustCompile(`(?i)[a-z]`)
	hasSep     = regexp.MustCompile(`[-_.:]`)
)

func isIDSegment(s string) bool {
	switch {
	case s == "":
		return false
	case digitsSeg.MatchString(s), uuidSeg.MatchString(s), longHexSeg.MatchString(s):
		return true
	case dateSeg.MatchString(s):
		return false
	}
	return len(s) >= 8 && hasDigit.MatchString(s) && (hasLetter.MatchString(s) || hasSep.MatchString(s))
}

func inferURLTemplate(path string) string {
	if path == "" {
		return "/"
	}
	path, _, _ = strings.Cut(path, "?")
	parts := strings.Split(path, "/")
	for i, seg := range parts {
		if dec, err := url.PathUnescape(seg); err == nil {
			seg = dec
		}
		if isIDSegment(seg) || strings.Contains(seg, "@") {
			parts[i] = "{id}"
		}
	}
	if t := strings.Join(parts, "/"); t != "" {
		return t
	}
	return "/"
}

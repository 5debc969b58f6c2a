package integrationlogsconnector

import (
	"strings"
	"testing"
)

func TestEveryKeyTermHasAHint(t *testing.T) {
	var terms []string
	for w := range wordTerms {
		terms = append(terms, w)
	}
	for w := range paramTerms {
		terms = append(terms, w)
	}
	terms = append(terms, innerTerms...)
	for _, term := range terms {
		if !mayNameSecret(term) {
			t.Errorf("a body with key %q would not be parsed", term)
		}
	}
}

func TestRedactBody(t *testing.T) {
	cases := []struct{ name, body, contentType, want string }{
		{"keeps order, masks nested keys and whole containers", `{"z":1, "user":{"Password":"x","name":"Ada"},"apiKeys":["a","b"],"list":[{"client_secret":{"v":1}}]}`, "application/json",
			`{"z":1,"user":{"Password":"[REDACTED]","name":"Ada"},"apiKeys":"[REDACTED]","list":[{"client_secret":"[REDACTED]"}]}`},
		{"keeps HTML characters, numbers and nulls as sent", `{"q":"<a&b>","n":1.50,"token":null}`, "", `{"q":"<a&b>","n":1.50,"token":null}`},
		{"cut JSON is masked by pattern", `{"name":"Ada","password":"hunt`, "application/json", `{"name":"Ada","password":"[REDACTED]"`},
		{"forms", "user=ada&password=x&code=123", "application/x-www-form-urlencoded", "user=ada&password=REDACTED&code=REDACTED"},
		{"words like author stay", `{"author":"Ada","spinner":true}`, "application/json", `{"author":"Ada","spinner":true}`},
		{"plain text is left to the collector's redaction", "password is x", "text/plain", "password is x"},
		{"no hint, no parse", `{ "a" : 1 }`, "application/json", `{ "a" : 1 }`},
	}
	for _, c := range cases {
		if got := redactBody(c.body, c.contentType); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}

func TestRedactURL(t *testing.T) {
	cases := map[string]string{
		"https://u:p@a.example/v1?access_token=abc&page=2#frag": "https://a.example/v1?access_token=REDACTED&page=2",
		"https://a.example/v1?signature=x&sig=y&key=z&name=k":   "https://a.example/v1?signature=REDACTED&sig=REDACTED&key=REDACTED&name=k",
		"http://u:p@bad host/%zz":                               "http://bad host/%zz",
	}
	for in, want := range cases {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeaderAllowList(t *testing.T) {
	for _, h := range []string{"content-type", "x-ratelimit-remaining", "retry-after", "sec-ch-ua-platform"} {
		if !headerAllowed(h) {
			t.Errorf("%s should be shown", h)
		}
	}
	for _, h := range []string{"authorization", "cookie", "x-api-key", "x-custom-secret", "baggage"} {
		if headerAllowed(h) {
			t.Errorf("%s should be masked", h)
		}
	}
}

func TestURLTemplate(t *testing.T) {
	cases := map[string]string{
		"/v1/employees/12345":                            "/v1/employees/{id}",
		"/v2/users/ada@example.com/absences":             "/v2/users/{id}/absences",
		"/v1/items/3fa85f64-5717-4562-b3fc-2c963f66afa6": "/v1/items/{id}",
		"/v1/reports/2024-01":                            "/v1/reports/2024-01",
		"/oauth2/token":                                  "/oauth2/token",
		"":                                               "/",
		"/v1/emp_8f3k29dk/x?y=1":                         "/v1/{id}/x",
		"/" + strings.Repeat("x", 20) + "/" + "0123456789abcdef": "/" + strings.Repeat("x", 20) + "/{id}",
	}
	for in, want := range cases {
		if got := inferURLTemplate(in); got != want {
			t.Errorf("inferURLTemplate(%q) = %q, want %q", in, got, want)
		}
	}
}

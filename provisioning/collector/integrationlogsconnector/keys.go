package integrationlogsconnector

import (
	"strings"
	"unicode"
)

// The SDK's key rule (instrumentation/src/redaction/keys.ts), so a foreign body or query
// string is redacted like one the SDK captured: a key is split into words at
// non-alphanumerics, camelCase humps and letter/digit changes; it is sensitive when a word
// (or its singular), or two or three adjacent words joined, is a sensitive term, or when
// a word contains an unambiguous term.
var (
	wordTerms = set("password", "passwd", "pwd", "pass", "passphrase", "passcode", "secret", "token", "auth",
		"authorization", "credential", "cookie", "session", "sessionid", "jwt", "bearer", "apikey", "privatekey",
		"secretkey", "accesskey", "signingkey", "encryptionkey", "clientsecret", "iban", "ssn", "cvv", "cvc", "pin",
		"pincode", "otp", "totp", "cardnumber", "creditcard", "ccnumber", "cardno", "accountnumber", "securitycode",
		"socialsecuritynumber", "xsrf", "csrf")
	innerTerms = []string{"password", "passwd", "passphrase", "secret", "apikey", "privatekey", "accesstoken",
		"refreshtoken", "authtoken", "idtoken", "sessiontoken", "sessionid", "bearertoken", "credential",
		"creditcard", "cardnumber", "authorization", "csrftoken", "xsrftoken"}
	innerExceptions = set("secretary", "secretaries", "secretariat")
	// Query and form parameter names also hide these (`?key=`, `?code=`, `?sig=`).
	paramTerms = set("key", "code", "sig", "signature", "assertion", "verifier")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

type charClass uint8

const (
	classOther charClass = iota
	classLower
	classUpper
	classDigit
)

func classOf(r rune) charClass {
	switch {
	case r >= 'a' && r <= 'z':
		return classLower
	case r >= 'A' && r <= 'Z':
		return classUpper
	case r >= '0' && r <= '9':
		return classDigit
	case unicode.IsLetter(r):
		return classLower
	}
	return classOther
}

// keyWords splits a key into lower-case words (at most its first 256 characters).
func keyWords(key string) []string {
	runes := []rune(key)
	if len(runes) > 256 {
		runes = runes[:256]
	}
	var words []string
	start := -1
	prev := classOther
	for i, r := range runes {
		c := classOf(r)
		switch {
		case c == classOther:
			if start >= 0 {
				words = append(words, strings.ToLower(string(runes[start:i])))
			}
			start = -1
		case start < 0:
			start = i
		case (c == classUpper && prev == classLower) || (c == classDigit) != (prev == classDigit):
			words = append(words, strings.ToLower(string(runes[start:i])))
			start = i
		case c == classLower && prev == classUpper && i-start > 1:
			// "APIKey": the last capital starts the next word.
			words = append(words, strings.ToLower(string(runes[start:i-1])))
			start = i - 1
		}
		prev = c
	}
	if start >= 0 {
		words = append(words, strings.ToLower(string(runes[start:])))
	}
	return words
}

// isSensitiveKey tells whether a JSON key (param=false) or a query/form parameter name
// (param=true) names a secret.
func isSensitiveKey(key string, param bool) bool {
	has := func(w string) bool {
		if wordTerms[w] || (param && paramTerms[w]) {
			return true
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") {
			s := w[:len(w)-1]
			return wordTerms[s] || (param && paramTerms[s])
		}
		return false
	}
	ws := keyWords(key)
	for i, w := range ws {
		if has(w) {
			return true
		}
		if len(w) > 5 && !innerExceptions[w] {
			for _, t := range innerTerms {
				if strings.Contains(w, t) {
					return true
				}
			}
		}
		if i+1 < len(ws) {
			two := w + ws[i+1]
			if has(two) || (i+2 < len(ws) && has(two+ws[i+2])) {
				return true
			}
		}
	}
	return false
}

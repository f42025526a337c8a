package account_test

import (
	"testing"

	"lector/account"
)

func TestSafeNext(t *testing.T) {
	tests := map[string]string{
		"/":                        "/",
		"/articles":                "/articles",
		"/articles/3?state=x#s12":  "/articles/3?state=x#s12",
		"":                         "/",
		"articles":                 "/",
		"//evil.example/x":         "/",
		"/\\evil.example":          "/",
		"/\\/evil.example":         "/",
		"https://evil.example/":    "/",
		"javascript:alert(1)":      "/",
		"/a\r\nSet-Cookie: x=1":    "/",
		"/a\tb":                    "/",
		"/login":                   "/",
		"/login?next=/articles":    "/",
		"/%2F%2Fevil.example":      "/%2F%2Fevil.example", // a path on this site, however odd
		"/articles?next=//evil.ex": "/articles?next=//evil.ex",
	}
	checkMapping(t, "SafeNext", account.SafeNext, tests)
}

func TestLoginURL(t *testing.T) {
	tests := map[string]string{
		"/":               "/login",
		"":                "/login",
		"/articles/1?x=y": "/login?next=%2Farticles%2F1%3Fx%3Dy",
		"//evil.example":  "/login",
	}
	checkMapping(t, "LoginURL", account.LoginURL, tests)
}

package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
)

// noRedirect is a client that shows redirects instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// caller is who makes a request in the middleware table.
type caller struct {
	cookie string // session cookie value
	csrf   string // that session's CSRF token
	bearer string // API token
}

// TestAuthMiddleware runs the whole middleware chain on a page and an API
// route that need the editor role, for every kind of caller.
func TestAuthMiddleware(t *testing.T) {
	e, db := newSeeded(t, nil)
	ok := func(c echo.Context) error {
		return c.String(http.StatusOK, "ok "+account.PrincipalFrom(c.Request().Context()).Email)
	}
	for _, path := range []string{"/test/page", "/api/v1/test"} {
		e.GET(path, ok, account.RequireRole(account.RoleEditor))
		e.POST(path, ok, account.RequireRole(account.RoleEditor))
	}
	e.GET("/test/any", ok, account.RequireSignedIn())
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)

	ctx := context.Background()
	callers := map[string]caller{"anonymous": {}}
	for _, role := range []string{"translator", "editor", "admin"} {
		u, _, err := account.CreateUser(ctx, db, role+"@example.org", "", []string{role})
		if err != nil {
			t.Fatal(err)
		}
		cookie, s, err := account.CreateSession(ctx, db, u.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		callers[role] = caller{cookie: cookie, csrf: s.CSRFToken}
		if role == "editor" {
			token, err := account.CreateToken(ctx, db, u.ID, "")
			if err != nil {
				t.Fatal(err)
			}
			callers["editor token"] = caller{bearer: token}
		}
	}
	callers["bad token"] = caller{bearer: "lec_nonsense"}
	callers["ended session"] = caller{cookie: "no-such-session"}

	const (
		none   = ""
		header = "header"
		form   = "form"
		wrong  = "wrong"
	)
	tests := []struct {
		who      string
		method   string
		path     string
		csrf     string // how the CSRF token is sent
		status   int
		location string // for 302
		code     apperr.Code
	}{
		{"anonymous", "GET", "/test/page?x=1", none, 302, "/login?next=%2Ftest%2Fpage%3Fx%3D1", ""},
		{"anonymous", "POST", "/test/page", none, 302, "/login", ""},
		{"anonymous", "GET", "/api/v1/test", none, 401, "", apperr.Unauthorized},
		{"anonymous", "POST", "/api/v1/test", none, 401, "", apperr.Unauthorized},
		{"anonymous", "GET", "/test/any", none, 302, "/login?next=%2Ftest%2Fany", ""},
		{"ended session", "GET", "/test/page", none, 302, "/login?next=%2Ftest%2Fpage", ""},
		{"ended session", "POST", "/api/v1/test", none, 401, "", apperr.Unauthorized},

		{"translator", "GET", "/test/page", none, 403, "", apperr.Forbidden},
		{"translator", "GET", "/api/v1/test", none, 403, "", apperr.Forbidden},
		{"translator", "POST", "/api/v1/test", header, 403, "", apperr.Forbidden},
		{"translator", "POST", "/api/v1/test", none, 403, "", apperr.Forbidden},
		{"translator", "GET", "/test/any", none, 200, "", ""},

		{"editor", "GET", "/test/page", none, 200, "", ""},
		{"editor", "GET", "/api/v1/test", none, 200, "", ""},
		{"editor", "POST", "/test/page", form, 200, "", ""},
		{"editor", "POST", "/test/page", header, 200, "", ""},
		{"editor", "POST", "/test/page", none, 403, "", apperr.Forbidden},
		{"editor", "POST", "/test/page", wrong, 403, "", apperr.Forbidden},
		{"editor", "POST", "/api/v1/test", header, 200, "", ""},
		{"editor", "POST", "/api/v1/test", none, 403, "", apperr.Forbidden},
		{"editor", "POST", "/api/v1/test", wrong, 403, "", apperr.Forbidden},

		{"admin", "GET", "/test/page", none, 200, "", ""},
		{"admin", "POST", "/api/v1/test", header, 200, "", ""},
		{"admin", "POST", "/test/page", none, 403, "", apperr.Forbidden},

		{"editor token", "GET", "/api/v1/test", none, 200, "", ""},
		{"editor token", "POST", "/api/v1/test", none, 200, "", ""},
		{"bad token", "GET", "/api/v1/test", none, 401, "", apperr.Unauthorized},
		{"bad token", "GET", "/articles", none, 401, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.who+" "+tt.method+" "+tt.path+" csrf:"+tt.csrf, func(t *testing.T) {
			c := callers[tt.who]
			var body string
			token := c.csrf
			if tt.csrf == wrong {
				token = "x" + c.csrf
			}
			if tt.csrf == form || tt.csrf == wrong {
				body = url.Values{"csrf_token": {token}}.Encode()
			}
			req, err := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if body != "" {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			if tt.csrf == header {
				req.Header.Set("X-CSRF-Token", token)
			}
			if c.cookie != "" {
				req.AddCookie(&http.Cookie{Name: account.SessionCookie, Value: c.cookie})
			}
			if c.bearer != "" {
				req.Header.Set("Authorization", "Bearer "+c.bearer)
			}
			res, err := noRedirect.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.location != "" && res.Header.Get("Location") != tt.location {
				t.Errorf("Location %q, want %q", res.Header.Get("Location"), tt.location)
			}
			if tt.code != "" && strings.HasPrefix(tt.path, "/api/") {
				var got struct {
					Error struct{ Code, Message string }
				}
				if err := json.NewDecoder(res.Body).Decode(&got); err != nil || got.Error.Code != string(tt.code) || got.Error.Message == "" ||
					strings.HasPrefix(got.Error.Message, "error.") {
					t.Errorf("body %+v (%v), want code %s with a message", got, err, tt.code)
				}
			}
		})
	}
}

// Unsafe requests that the browser marks as cross-site are refused even
// with the right token.
func TestCrossSiteRequestRefused(t *testing.T) {
	e, db := newSeeded(t, nil)
	e.POST("/test/page", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) }, account.RequireSignedIn())
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	u, _, err := account.CreateUser(context.Background(), db, "ed@example.org", "", []string{"editor"})
	if err != nil {
		t.Fatal(err)
	}
	cookie, s, err := account.CreateSession(context.Background(), db, u.ID, "", "")
	if err != nil {
		t.Fatal(err)
	}
	for site, want := range map[string]int{"same-origin": 204, "cross-site": 403} {
		req, _ := http.NewRequest("POST", ts.URL+"/test/page", nil)
		req.AddCookie(&http.Cookie{Name: account.SessionCookie, Value: cookie})
		req.Header.Set("X-CSRF-Token", s.CSRFToken)
		req.Header.Set("Sec-Fetch-Site", site)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("Sec-Fetch-Site %s: status %d, want %d", site, res.StatusCode, want)
		}
	}
}

// An htmx request is not redirected inside the XHR: htmx is told to load
// the sign-in page instead.
func TestHtmxRequestSentToSignIn(t *testing.T) {
	e, _ := newSeeded(t, nil)
	e.GET("/test/fragment", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) }, account.RequireSignedIn())
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	req, _ := http.NewRequest("GET", ts.URL+"/test/fragment", nil)
	req.Header.Set("HX-Request", "true")
	req.Header.Set("HX-Current-URL", ts.URL+"/articles/1?lang=en")
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 401 || res.Header.Get("HX-Redirect") != "/login?next=%2Farticles%2F1%3Flang%3Den" {
		t.Errorf("status %d, HX-Redirect %q", res.StatusCode, res.Header.Get("HX-Redirect"))
	}
}

// The error handler honours an error's status and headers, keeping the
// contract's code.
func TestErrorStatusOverride(t *testing.T) {
	e, _ := newSeeded(t, nil)
	e.GET("/api/v1/test", func(echo.Context) error {
		return &apperr.Error{Code: apperr.Forbidden, MessageID: "error.too_many_attempts", Data: map[string]any{"Minutes": 2},
			Status: http.StatusTooManyRequests, Header: map[string]string{"Retry-After": "90"}}
	})
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	res, body := get(t, ts.URL+"/api/v1/test")
	if res.StatusCode != 429 || res.Header.Get("Retry-After") != "90" ||
		!strings.Contains(body, `"code":"forbidden"`) || !strings.Contains(body, "Wait 2 min.") {
		t.Errorf("status %d, Retry-After %q, body %s", res.StatusCode, res.Header.Get("Retry-After"), body)
	}
}

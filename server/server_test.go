package server_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lector/database/dbtest"

	"github.com/labstack/echo/v4"
)

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func TestRoutes(t *testing.T) {
	base, db := startSeeded(t)
	id := firstArticle(t, db)
	tests := []struct {
		path       string
		status     int
		contains   []string
		header     string // a response header that must be set
		headerWant string
	}{
		{path: "/healthz", status: 200, contains: []string{`"ok"`}},
		{path: "/readyz", status: 200, contains: []string{`"ready"`}},
		{path: "/", status: 200, contains: []string{"Musk secretly communicates", "88 segments"}, header: "Content-Security-Policy", headerWant: "default-src 'self'"},
		{path: "/articles/" + itoa(id), status: 200, contains: []string{`data-suggestion="Elon Musk"`, "Ilon Musk", `<html lang="en">`}, header: "X-Frame-Options", headerWant: "DENY"},
		{path: "/articles/999999", status: 404, contains: []string{"There is no article 999999.", "Page not found"}},
		{path: "/articles/abc", status: 404, contains: []string{"There is no page at this address."}},
		{path: "/no/such/page", status: 404, contains: []string{"Page not found", "Request id:"}},
		{path: "/static/app.css", status: 200, contains: []string{"mark.flag"}, header: "Cache-Control", headerWant: "max-age=86400"},
		{path: "/static/vendor/htmx/htmx.min.js", status: 200, contains: []string{"htmx"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, body := get(t, base+tt.path)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d; body: %.300s", res.StatusCode, tt.status, body)
			}
			for _, s := range tt.contains {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			if tt.header != "" && !strings.Contains(res.Header.Get(tt.header), tt.headerWant) {
				t.Errorf("header %s = %q, want it to contain %q", tt.header, res.Header.Get(tt.header), tt.headerWant)
			}
		})
	}
}

func TestAPIErrorsAreJSON(t *testing.T) {
	base, _ := startSeeded(t)
	res, body := get(t, base+"/api/v1/no-such-thing")
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("status %d, want 404", res.StatusCode)
	}
	var got struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("not JSON: %v: %s", err, body)
	}
	if got.Error.Code != "not_found" || got.Error.Message == "" {
		t.Errorf("error %+v, want code not_found and a message", got.Error)
	}
}

func TestReadyzWithoutDatabase(t *testing.T) {
	base, db := startSeeded(t)
	dbtest.SQL(t, db).Close()
	res, _ := get(t, base+"/readyz")
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed: %d, want 503", res.StatusCode)
	}
	if res, _ := get(t, base+"/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("healthz: %d, want 200", res.StatusCode)
	}
}

func TestGzip(t *testing.T) {
	base, _ := startSeeded(t)
	req, _ := http.NewRequest(http.MethodGet, base+"/static/app.css", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("Content-Encoding %q, want gzip", res.Header.Get("Content-Encoding"))
	}
}

// TestInternalErrorsAreHidden: a failing or panicking handler gives the
// localized 500 page (or JSON under /api/) without the internal detail.
func TestInternalErrorsAreHidden(t *testing.T) {
	e, _ := newSeeded(t, nil)
	e.GET("/boom", func(c echo.Context) error { return errors.New("secret database detail") })
	e.GET("/panic", func(c echo.Context) error { panic("secret panic detail") })
	e.GET("/api/v1/boom", func(c echo.Context) error { return errors.New("secret database detail") })
	ts := httptest.NewServer(e)
	defer ts.Close()
	for _, path := range []string{"/boom", "/panic", "/api/v1/boom"} {
		res, body := get(t, ts.URL+path)
		if res.StatusCode != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", path, res.StatusCode)
		}
		if strings.Contains(body, "secret") {
			t.Errorf("%s: the response shows the internal error: %s", path, body)
		}
		if !strings.Contains(body, "An internal error occurred") {
			t.Errorf("%s: body lacks the localized message: %.200s", path, body)
		}
	}
	if res, body := get(t, ts.URL+"/boom"); !strings.Contains(body, "Something went wrong") || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("the 500 page is not the HTML error page")
	}
}

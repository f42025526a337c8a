package server

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// TestServerTiming: a page that works 20 ms says so in Server-Timing, and
// an error answered by the error handler carries the header too.
func TestServerTiming(t *testing.T) {
	e := echo.New()
	e.Use(serverTiming)
	e.GET("/slow", func(c echo.Context) error {
		time.Sleep(20 * time.Millisecond)
		return c.String(http.StatusOK, "done")
	})
	header := regexp.MustCompile(`^app;dur=(\d+\.\d)$`)
	for _, tc := range []struct {
		path   string
		status int
		min    float64
	}{{"/slow", http.StatusOK, 20}, {"/missing", http.StatusNotFound, 0}} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, rec.Code, tc.status)
		}
		m := header.FindStringSubmatch(rec.Header().Get("Server-Timing"))
		if m == nil {
			t.Errorf("%s: Server-Timing %q", tc.path, rec.Header().Get("Server-Timing"))
			continue
		}
		if ms, _ := strconv.ParseFloat(m[1], 64); ms < tc.min || ms > 5000 {
			t.Errorf("%s: dur=%v ms, want at least %v", tc.path, ms, tc.min)
		}
	}
}

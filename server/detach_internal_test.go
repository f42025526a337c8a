package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestDetachWrites: a write whose client has gone away still runs to the
// end; a read stops.
func TestDetachWrites(t *testing.T) {
	for _, tc := range []struct {
		method   string
		detached bool
	}{
		{http.MethodGet, false}, {http.MethodHead, false}, {http.MethodOptions, false},
		{http.MethodPost, true}, {http.MethodPut, true}, {http.MethodPatch, true}, {http.MethodDelete, true},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		req := httptest.NewRequest(tc.method, "/", nil).WithContext(ctx)
		cancel() // the client is gone before the handler runs
		c := echo.New().NewContext(req, httptest.NewRecorder())
		var seen error
		if err := detachWrites(func(c echo.Context) error { seen = c.Request().Context().Err(); return nil })(c); err != nil {
			t.Fatal(err)
		}
		if detached := seen == nil; detached != tc.detached {
			t.Errorf("%s: the handler's context error is %v, want detached %v", tc.method, seen, tc.detached)
		}
	}
}

package rescan

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the rescans' routes table; SignedIn routes answer
// anonymous callers 401.
type Route struct {
	Method, Path string
	SignedIn     bool
	Handler      func(*Handlers) echo.HandlerFunc
}

// RoutesTable lists the rescans' page fragment and API.
func RoutesTable() []Route {
	return []Route{
		// The articles page, which anyone may read, polls this.
		{http.MethodGet, "/rescans/progress", false, func(h *Handlers) echo.HandlerFunc { return h.ProgressPartial }},
		{http.MethodGet, "/api/v1/rescans", true, func(h *Handlers) echo.HandlerFunc { return h.APIList }},
	}
}

// Routes registers the table.
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range RoutesTable() {
		var mw []echo.MiddlewareFunc
		if r.SignedIn {
			mw = append(mw, account.RequireSignedIn())
		}
		e.Add(r.Method, r.Path, r.Handler(h), mw...)
	}
}

package server

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"
)

// detachWrites lets a write request finish when its client goes away (a
// closed tab, a proxy's timeout, a load test's deadline). Cancelling a
// write halfway throws the work away, and a transaction whose context is
// cancelled loses its database connection: database/sql rolls it back on
// that same, already cancelled, context, which pgx can only answer by
// closing the connection, so a burst of departures had the next requests
// open new ones (a backend fork and a SCRAM handshake each). A write is a
// few statements; PostgreSQL's statement timeout, when set, still bounds
// it. Reads keep their cancellation: a page nobody waits for stops, and
// its statements are cancelled without closing their connections (see
// database.openURL).
func detachWrites(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch r := c.Request(); r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
		default:
			c.SetRequest(r.WithContext(context.WithoutCancel(r.Context())))
		}
		return next(c)
	}
}

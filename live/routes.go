package live

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Path is the event stream's path; the server keeps gzip off it, which
// would hold events back until a buffer fills.
const Path = "/events"

// Routes registers the event stream (signed-in users; topics check roles).
func Routes(e *echo.Echo, h *Handlers) {
	e.Add(http.MethodGet, Path, h.Events)
}

// AfterChange calls feed.Changed after every request that may have
// committed a change (an unsafe method answered without error), so the feed
// notifies the other processes.
func AfterChange(feed *Feed) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			err := next(c)
			switch c.Request().Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
				return err
			}
			if err == nil && c.Response().Status < http.StatusBadRequest {
				feed.Changed()
			}
			return err
		}
	}
}

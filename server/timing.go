package server

import (
	"fmt"
	"time"

	"github.com/labstack/echo/v4"
)

// serverTiming tells the browser how long the server worked on a request,
// as `Server-Timing: app;dur=12.3` (milliseconds, to the tenth): the time
// from the request's arrival at the middleware to its first byte of
// response, when the header must be written. Browsers show it beside the
// network time (Performance API, developer tools); the browser tests read
// it to hold pages under their budget. It is a response header, so the
// Content-Security-Policy does not touch it.
func serverTiming(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		c.Response().Before(func() {
			ms := float64(time.Since(start).Microseconds()) / 1000
			c.Response().Header().Set("Server-Timing", fmt.Sprintf("app;dur=%.1f", ms))
		})
		return next(c)
	}
}

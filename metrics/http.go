package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
)

// Middleware times every request under its Echo route pattern
// ("/api/v1/segments/:id/corrections", never the raw path, so the series stay
// few) and counts requests in flight.
//
// A handler's error is handed to the server's error handler here, not later,
// so that the status it picks (404 for a not_found error, say) is the one
// recorded; the request log, further out, then sees it too.
func (m *Metrics) Middleware() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			m.inFlight.Inc()
			defer m.inFlight.Dec()
			start := time.Now()
			if err := next(c); err != nil {
				c.Error(err)
			}
			m.duration.WithLabelValues(route(c), method(c.Request().Method), statusClass(c.Response().Status)).
				Observe(time.Since(start).Seconds())
			return nil
		}
	}
}

// route is the matched route pattern; requests no route matched share one
// label, whatever their path.
func route(c echo.Context) string {
	if p := c.Path(); p != "" {
		return p
	}
	return "unmatched"
}

// method keeps the label's values to the standard methods.
func method(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return m
	}
	return "OTHER"
}

func statusClass(status int) string {
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}

package server

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// requestLogger writes one slog line per request.
func requestLogger(log *slog.Logger) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogMethod: true, LogURI: true, LogStatus: true, LogLatency: true, LogRequestID: true, LogRemoteIP: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			switch {
			case v.Status == http.StatusServiceUnavailable:
				// A fault's episode is logged once as an error; its
				// requests are no bugs.
				level = slog.LevelWarn
			case v.Status >= 500:
				level = slog.LevelError
			}
			log.LogAttrs(context.Background(), level, "request",
				slog.String("method", v.Method), slog.String("uri", loggedURI(v.URI)), slog.Int("status", v.Status),
				slog.Duration("latency", v.Latency), slog.String("request_id", v.RequestID),
				slog.String("remote_ip", v.RemoteIP))
			return nil
		},
	})
}

// loggedURI is a request's URI as the log keeps it: the path and the names
// of the query parameters, with their values left out. A query holds what
// people typed (a search, a filter on a name), which the log must not carry.
func loggedURI(uri string) string {
	path, query, _ := strings.Cut(uri, "?")
	if query == "" {
		return path
	}
	var b strings.Builder
	b.WriteString(path)
	for i, param := range strings.Split(query, "&") {
		name, _, _ := strings.Cut(param, "=")
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(name)
		b.WriteString("=…")
	}
	return b.String()
}

func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

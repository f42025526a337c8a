package server

import (
	"database/sql"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/database"
)

// healthz answers while the process is up.
func healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 only while the database answers, so a load balancer
// stops sending traffic to a process that lost it. It asks on its own
// pool with a one-second bound (database.Ping): a request pool exhausted by
// a locked table does not make a working server look down.
func readyz(health *sql.DB) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := database.Ping(c.Request().Context(), health); err != nil {
			c.Response().Header().Set("Retry-After", "1")
			return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
	}
}

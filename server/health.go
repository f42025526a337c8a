package server

import (
	"context"
	"database/sql"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/database"
)

// Probe is what the health endpoints ask of the database (database.DB).
type Probe interface {
	// Ready: the database answers now (a cheap query on a pool of its own,
	// bounded to a second); the embedded server runs and has disk space.
	Ready(ctx context.Context) error
	// Alive: nil unless the embedded server is gone for good.
	Alive() error
}

// pingProbe probes a bare pool (tests that build the server on one).
type pingProbe struct{ db *sql.DB }

func (p pingProbe) Ready(ctx context.Context) error { return database.Ping(ctx, p.db) }
func (p pingProbe) Alive() error                    { return nil }

// healthz answers while the process is up and can do its work: 503 once
// the embedded PostgreSQL exited and could not be restarted, so that a
// supervisor restarts lector.
func healthz(p Probe) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := p.Alive(); err != nil {
			return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "database gone", "error": err.Error()})
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	}
}

// readyz answers 200 only while the database answers, so a load balancer
// stops sending traffic to a process that lost it. Its pool is its own: a
// request pool exhausted by a locked table does not make a working server
// look down.
func readyz(p Probe) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := p.Ready(c.Request().Context()); err != nil {
			c.Response().Header().Set("Retry-After", "1")
			status := "database unavailable"
			if errors.Is(err, database.ErrDiskFull) {
				status = "database disk full"
			}
			return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": status})
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
	}
}

package server

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"lector/apperr"
	"lector/database"
)

// dbGate admits at most as many requests to the database at once as the
// pool has connections, lets up to maxWaiting more wait at most
// acquireTimeout for a turn, and answers the rest 503 (busy) at once.
// database/sql would queue them without bound or time limit: with a table
// locked, hundreds of requests piled up for half a minute each. A client
// that leaves while waiting costs nothing: a write is detached from its
// client only once it is admitted (detachWrites runs after the gate).
type dbGate struct {
	slots          chan struct{}
	waiting        atomic.Int64
	maxWaiting     int64
	acquireTimeout time.Duration
}

// errGateTimeout and errGateFull are the causes of a refused turn; they
// are no database errors, so the request is answered here.
var (
	errGateTimeout = errors.New("no database connection free within the acquire timeout")
	errGateFull    = errors.New("too many requests waiting for a database connection")
)

func newDBGate(conns, maxWaiting int, acquireTimeout time.Duration) *dbGate {
	return &dbGate{slots: make(chan struct{}, max(conns, 1)), maxWaiting: int64(maxWaiting), acquireTimeout: acquireTimeout}
}

// middleware gates every request but those on paths with one of the
// prefixes (assets, probes, event streams: they hold no pooled connection).
func (g *dbGate) middleware(faults *faultLog, skip ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			for _, p := range skip {
				if strings.HasPrefix(c.Request().URL.Path, p) {
					return next(c)
				}
			}
			release, err := g.enter(c.Request().Context())
			if err != nil {
				if !errors.Is(err, context.Canceled) { // else nobody is left to count
					faults.seen(database.FaultBusy, err, requestID(c), c.Request().URL.Path)
				}
				return apperr.NewUnavailable(err, database.FaultBusy.RetryAfter())
			}
			defer release()
			return next(c)
		}
	}
}

func (g *dbGate) enter(ctx context.Context) (release func(), err error) {
	release = func() { <-g.slots }
	select {
	case g.slots <- struct{}{}:
		return release, nil
	default:
	}
	if g.waiting.Add(1) > g.maxWaiting {
		g.waiting.Add(-1)
		return nil, errGateFull
	}
	defer g.waiting.Add(-1)
	t := time.NewTimer(g.acquireTimeout)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return release, nil
	case <-t.C:
		return nil, errGateTimeout
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

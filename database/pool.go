package database

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"

	"lector/config"
)

// Timeouts of the pools other than the request pool.
const (
	// BulkStatementTimeout and BulkLockTimeout hold for migrations,
	// background jobs and bulk imports (LongStatements), whose statements
	// may rightly take minutes.
	BulkStatementTimeout = 30 * time.Minute
	BulkLockTimeout      = time.Minute
	// healthTimeout bounds the readiness probe's query and its wait.
	healthTimeout = time.Second
)

// setPool bounds the request pool. PostgreSQL's default max_connections
// is 100 and several lector processes (serve, migrate, tests) may share one
// server, so N processes need N × (MaxOpenConns + JobConns + 1) below it
// (CheckCapacity warns at start). Idle connections are kept up to the
// pool's size: with fewer, every burst above them closed connections and
// opened new ones, each a backend fork, a SCRAM handshake and an empty
// statement cache, which under load cost more than the queries themselves.
// But they are closed after a short idle time, so that a burst's
// connections go back to the server for other processes and tools soon
// after it.
func setPool(db *sql.DB, p config.Pool) {
	open := p.MaxOpenConns
	if open <= 0 {
		open = config.DefaultMaxOpenConns
	}
	idle := p.MaxIdleConns
	if idle <= 0 || idle > open {
		idle = open
	}
	idleTime := p.ConnMaxIdleTime
	if p.ConnMaxIdleTime == 0 && p.MaxOpenConns == 0 {
		idleTime = config.DefaultConnMaxIdleTime
	}
	db.SetMaxOpenConns(open)
	db.SetMaxIdleConns(idle)
	db.SetConnMaxIdleTime(idleTime)
	db.SetConnMaxLifetime(p.ConnMaxLifetime)
}

// interruptRead is pgx's default context watcher: a cancelled context
// sets a past deadline on the connection's socket.
func interruptRead(c *pgconn.PgConn) ctxwatch.Handler {
	return &pgconn.DeadlineContextWatcherHandler{Conn: c.Conn()}
}

// newJobPool opens the background jobs' pool on conn (the request pool's
// connection settings with the bulk timeouts): River fetches and works one
// job per queue at a time, so a few connections serve it, and none is kept
// long while jobs are idle. It connects lazily. River's LISTEN takes one
// more connection out of the pool for good (pgxpool's Hijack), which
// PerProcess counts.
func newJobPool(dsn string, conn *pgx.ConnConfig, p config.Pool) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", Redact(dsn), err)
	}
	n := p.JobConns
	if n <= 0 {
		n = config.DefaultJobConns
	}
	cfg.ConnConfig = conn
	// River's listener interrupts its wait for a notification by cancelling
	// a context; a cancel request then finds no statement to cancel and
	// the wait never ends ("timed out waiting for interrupt operation").
	// pgx's default interrupts the socket read instead.
	cfg.ConnConfig.BuildContextWatcherHandler = interruptRead
	cfg.MaxConns = int32(min(n, math.MaxInt32))
	cfg.MinConns = 0
	cfg.MaxConnIdleTime = config.DefaultConnMaxIdleTime
	cfg.MaxConnLifetime = config.DefaultConnMaxLifetime
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		return nil, fmt.Errorf("opening the jobs' pool on %s: %w", Redact(dsn), err)
	}
	return pool, nil
}

// setHealthPool keeps one connection for the readiness probe (a second
// lets a probe run while another waits on a dead one).
func setHealthPool(db *sql.DB) {
	db.SetMaxOpenConns(2)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(config.DefaultConnMaxLifetime)
}

package database

import (
	"database/sql"
	"time"

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

// setJobPool bounds the background jobs' pool: River polls and works one
// job per queue at a time, so a few connections serve it, and none is
// kept long while jobs are idle.
func setJobPool(db *sql.DB, p config.Pool) {
	n := p.JobConns
	if n <= 0 {
		n = config.DefaultJobConns
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(config.DefaultConnMaxIdleTime)
	db.SetConnMaxLifetime(config.DefaultConnMaxLifetime)
}

// setHealthPool keeps one connection for the readiness probe (a second
// lets a probe run while another waits on a dead one).
func setHealthPool(db *sql.DB) {
	db.SetMaxOpenConns(2)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(config.DefaultConnMaxLifetime)
}

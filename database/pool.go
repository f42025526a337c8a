package database

import (
	"database/sql"
	"time"

	"lector/config"
)

// setPool bounds the pool. PostgreSQL's default max_connections is 100 and
// several lector processes (serve, migrate, tests) may share one server, so
// N processes need N × MaxOpenConns below it. Idle connections are kept up
// to the pool's size by default: with fewer, every burst above them closed
// connections and opened new ones, each a backend fork, a SCRAM handshake
// and an empty statement cache, which under load cost more than the queries
// themselves.
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
	if p == (config.Pool{}) {
		idleTime = 5 * time.Minute
	}
	db.SetMaxOpenConns(open)
	db.SetMaxIdleConns(idle)
	db.SetConnMaxIdleTime(idleTime)
	db.SetConnMaxLifetime(p.ConnMaxLifetime)
}

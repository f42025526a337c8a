package database

import (
	"context"
	"log/slog"
	"time"

	"lector/config"
)

// PerProcess is how many connections one lector process may open at most
// with pool p: the request pool, the jobs' pool, the health pool (2), the
// live updates' LISTEN connection and River's.
func PerProcess(p config.Pool) int {
	return max(p.MaxOpenConns, 1) + max(p.JobConns, 1) + 2 + 1 + 1
}

// CheckCapacity applies the sizing rule of docs/operations.md at start:
// the lector processes connected to the server now (this one included,
// counted by their application_name), each at PerProcess, must fit in
// max_connections less the superuser reserve. It warns when they do not,
// since a burst would then be refused by the server ("too many clients")
// and by other tools such as psql. It reports the figures it found.
func (db *DB) CheckCapacity(ctx context.Context, log *slog.Logger) (processes, allowed int, err error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	err = db.Health.QueryRowContext(ctx, `SELECT
		(SELECT count(DISTINCT application_name) FROM pg_stat_activity WHERE application_name LIKE 'lector/%'),
		current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int`).
		Scan(&processes, &allowed)
	if err != nil {
		return 0, 0, err
	}
	processes = max(processes, 1)
	if need := processes * PerProcess(db.pool); need > allowed {
		log.Warn("the lector processes on this database may open more connections than PostgreSQL allows; lower LECTOR_DB_MAX_OPEN_CONNS or raise max_connections",
			"processes", processes, "per_process", PerProcess(db.pool), "need", need, "max_connections_usable", allowed)
	}
	return processes, allowed, nil
}

// Package pgcluster finds, initialises, starts, reuses and stops the private
// PostgreSQL cluster behind lector's zero-set-up mode. The design is described
// in the lector/database package comment.
package pgcluster

import (
	"log/slog"
	"time"
)

const (
	// Superuser is the bootstrap role and also the application role: being
	// superuser lets migrations CREATE EXTENSION and the test helper CREATE
	// DATABASE, and the cluster is private to lector anyway.
	Superuser = "lector"
	// Database is the application database created on first start.
	Database = "lector"

	pgdataName   = "postgres"       // DataDir/postgres is PGDATA
	passFileName = "lector.pass"    // DataDir/lector.pass holds the role's password
	logFileName  = "postgres.log"   // DataDir/postgres.log collects server output
	lockFileName = ".postgres.lock" // flock serialising find-or-start between processes

	readyTimeout = 30 * time.Second
	lockTimeout  = 90 * time.Second
)

// Config says where the cluster lives and how to tune it.
type Config struct {
	DataDir string       // lector's data folder; PGDATA is DataDir/postgres
	Logger  *slog.Logger // nil discards
	// Settings are extra "name=value" server settings passed with -c on each
	// start (the test helper turns durability off with them).
	Settings []string
	// NoSync runs initdb --no-sync; only for throwaway clusters.
	NoSync bool
	// Port, when not 0, is the port to listen on instead of a free one
	// chosen at each start: a restarted server keeps its URL, so pools
	// opened on the old one reconnect to it.
	Port int
	// RestartFor: a server that exited and could not be restarted for
	// this long is reported as failed (Cluster.Failed); 0: DefaultRestartFor.
	RestartFor time.Duration
	// Search says where the server binaries are and where a build is
	// downloaded from when the machine has none.
	Search Search
	// NoRestart leaves a server that exited stopped (for tests of what
	// another process finds then).
	NoRestart bool
}

package database

import (
	"context"
	"errors"
	"fmt"
)

// DefaultMinFreeBytes: with less space than this left for the embedded
// server's data folder, it is reported full (a WAL segment is 16 MB, and a
// checkpoint needs room for several).
const DefaultMinFreeBytes = 64 << 20

// ErrRestarting: the embedded server exited and is being restarted.
var ErrRestarting = errors.New("the embedded PostgreSQL exited and is being restarted")

// Ready is the readiness probe (/readyz): the database answers a cheap
// query on the health pool within a second and, for the embedded server,
// it runs and its disk has room. A full disk is logged once each time it
// fills, naming the data folder and the space left.
func (db *DB) Ready(ctx context.Context) error {
	if db.cluster != nil && !db.cluster.Up() {
		return ErrRestarting
	}
	if err := Ping(ctx, db.Health); err != nil {
		return err
	}
	if db.cluster == nil {
		return nil
	}
	free, err := db.cluster.FreeBytes()
	if err != nil {
		return nil // unknown: the writes themselves will tell
	}
	if free >= db.minFree {
		if db.diskFull.CompareAndSwap(true, false) {
			db.log.Info("the embedded PostgreSQL's disk has room again", "data", db.dataDir, "free_mb", free>>20)
		}
		return nil
	}
	if db.diskFull.CompareAndSwap(false, true) {
		db.log.Error("the embedded PostgreSQL's disk is full: writes will fail until space is freed",
			"data", db.dataDir, "free_mb", free>>20, "min_free_mb", db.minFree>>20)
	}
	return fmt.Errorf("%w: %s has %d MB free", ErrDiskFull, db.dataDir, free>>20)
}

// ErrDiskFull: the embedded server's data folder has (nearly) no space.
var ErrDiskFull = errors.New("disk full")

// Alive is the liveness probe (/healthz): an error once the embedded server
// exited and could not be restarted for a while, so that a supervisor
// restarts the whole process; nil otherwise (an external server's outage
// is no reason to restart lector).
func (db *DB) Alive() error {
	return db.cluster.Failed()
}

package database

import (
	"context"
	"time"

	"lector/database/internal/pgcluster"
)

// OpenFast is Open with the test helper's durability-off tuning, for tests
// that restart clusters many times; one test keeps using the real Open.
func OpenFast(ctx context.Context, opts Options) (*DB, error) {
	return open(ctx, opts, pgcluster.Config{
		NoSync: true,
		// synchronous_commit stays on: TestRecoversFromStaleLockAfterSIGKILL
		// needs committed rows to survive a killed server.
		Settings: []string{"fsync=off", "full_page_writes=off"},
	})
}

// OpenSupervised is OpenFast with the supervisor's give-up time shortened.
func OpenSupervised(ctx context.Context, opts Options, restartFor time.Duration) (*DB, error) {
	return open(ctx, opts, pgcluster.Config{NoSync: true, Settings: []string{"fsync=off", "full_page_writes=off"},
		RestartFor: restartFor})
}

// OpenUnsupervised is OpenFast with no restarts of the server after it
// exits, as if its owner had died with it.
func OpenUnsupervised(ctx context.Context, opts Options) (*DB, error) {
	return open(ctx, opts, pgcluster.Config{NoSync: true, Settings: []string{"fsync=off", "full_page_writes=off"},
		NoRestart: true})
}

// PostmasterPid is the embedded server's current postmaster.
func (db *DB) PostmasterPid() int { return db.cluster.CurrentPid() }

// OpenSearching is OpenFast looking for the server binaries, and
// downloading them, as search says.
func OpenSearching(ctx context.Context, opts Options, search pgcluster.Search) (*DB, error) {
	return open(ctx, opts, pgcluster.Config{NoSync: true, Settings: []string{"fsync=off", "full_page_writes=off"},
		Search: search})
}

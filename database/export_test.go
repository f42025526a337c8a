package database

import (
	"context"

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

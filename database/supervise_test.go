package database_test

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lector/database"
	"lector/database/dbtest"
)

// waitFor polls cond every 20 ms for up to limit and returns how long it
// took, or fails the test.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > limit {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

// The embedded server killed (SIGKILL, as the OOM killer or a person
// would): unready meanwhile, restarted on the same port, the same pools
// work again without a restart of lector, the data kept. A server that
// cannot start fails the liveness probe after RestartFor and is back once
// the cause is gone.
func TestEmbeddedServerIsSupervised(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	var logs dbtest.LockedBuffer
	ctx := context.Background()
	db, err := database.OpenSupervised(ctx, database.Options{DataDir: dir,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))}, 500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustExec(t, db, "CREATE TABLE kept (n int)")
	mustExec(t, db, "INSERT INTO kept VALUES (1)")

	if err := syscall.Kill(db.PostmasterPid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "unready after the kill", 5*time.Second, func() bool { return db.Ready(ctx) != nil })
	took := waitFor(t, "ready again", 20*time.Second, func() bool { return db.Ready(ctx) == nil })
	t.Logf("ready again %v after the kill was noticed", took)
	waitFor(t, "the request pool works again", 5*time.Second, func() bool {
		_, err := db.SQL.ExecContext(ctx, "SELECT 1")
		return err == nil
	})
	if n := countRows(t, db, "kept"); n != 1 {
		t.Errorf("%d rows after the restart, want 1", n)
	}
	if err := db.Alive(); err != nil {
		t.Errorf("Alive after a restart: %v", err)
	}
	if !strings.Contains(logs.String(), "embedded PostgreSQL restarted") {
		t.Errorf("no log line of the restart:\n%s", logs.String())
	}

	// A broken configuration keeps the server from starting.
	auto := filepath.Join(dir, "postgres", "postgresql.auto.conf")
	good, err := os.ReadFile(auto)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(auto, []byte("this is not a setting\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(db.PostmasterPid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "not alive once restarts failed for RestartFor", 20*time.Second, func() bool { return db.Alive() != nil })
	if err := db.Ready(ctx); err == nil {
		t.Error("ready while the server cannot start")
	}
	if err := os.WriteFile(auto, good, 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "alive and ready once the cause is gone", 30*time.Second, func() bool {
		return db.Alive() == nil && db.Ready(ctx) == nil
	})
}

// A full disk makes the embedded server unready, and says so once, naming
// the data folder and the space left.
func TestEmbeddedDiskFullIsReported(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	var logs dbtest.LockedBuffer
	ctx := context.Background()
	db, err := database.OpenFast(ctx, database.Options{DataDir: dir, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		MinFreeBytes: 1 << 62}) // more than any disk has: full
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for range 3 {
		if err := db.Ready(ctx); !errors.Is(err, database.ErrDiskFull) || !strings.Contains(err.Error(), dir) {
			t.Fatalf("Ready: %v, want disk full naming %s", err, dir)
		}
	}
	if n := strings.Count(logs.String(), "disk is full"); n != 1 {
		t.Errorf("%d log lines for one full disk, want 1:\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), "free_mb=") || !strings.Contains(logs.String(), dir) {
		t.Errorf("the log line names neither the folder nor the space:\n%s", logs.String())
	}
}

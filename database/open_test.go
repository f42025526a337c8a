package database_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lector/database"
	"lector/database/internal/pgcluster"
)

func testLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}
	return slog.New(slog.DiscardHandler)
}

// dataDir returns a temp folder reachable by the postgres account even when
// the tests run as root (t.TempDir makes 0700 directories).
func dataDir(t *testing.T) string {
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "data")
}

// openEmbedded opens the embedded cluster in dir with durability off:
// fsync dominates these tests' run time, and none of them crashes the OS.
// TestOpenEmbeddedKeepsDataAcrossRestarts uses the product's Open.
func openEmbedded(t *testing.T, dir string) *database.DB {
	t.Helper()
	return openWith(t, dir, database.OpenFast)
}

func openWith(t *testing.T, dir string, open func(context.Context, database.Options) (*database.DB, error)) *database.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	db, err := open(ctx, database.Options{DataDir: dir, Logger: testLogger(t)})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return db
}

func mustExec(t *testing.T, db *database.DB, sql string, args ...any) {
	t.Helper()
	if _, err := db.SQL.Exec(sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func countRows(t *testing.T, db *database.DB, table string) int {
	t.Helper()
	var n int
	if err := db.SQL.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// closeLast closes dbs, the last users of the cluster in dir, and checks
// that the cluster stopped with them.
func closeLast(t *testing.T, dir string, dbs ...*database.DB) {
	t.Helper()
	for _, db := range dbs {
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	assertNoProcesses(t, dir)
}

// assertNoProcesses fails if any process of the cluster in dir survives.
func assertNoProcesses(t *testing.T, dir string) {
	t.Helper()
	if pids := pgcluster.Processes(filepath.Join(dir, "postgres")); len(pids) > 0 {
		t.Fatalf("postgres processes left after Close: %v", pids)
	}
	// Independent check through the command lines, in case cwd matching
	// missed something.
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && strings.Contains(string(b), dir) && e.Name() != "self" {
			t.Fatalf("process %s still names %s: %q", e.Name(), dir, b)
		}
	}
}

func TestOpenEmbeddedKeepsDataAcrossRestarts(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	db := openWith(t, dir, database.Open)
	if !db.Embedded || !strings.HasPrefix(db.URL, "postgres://lector:") {
		t.Fatalf("Embedded=%v URL=%s", db.Embedded, database.Redact(db.URL))
	}
	mustExec(t, db, "CREATE TABLE notes (body text)")
	mustExec(t, db, "INSERT INTO notes VALUES ('kept')")
	if err := database.Ping(context.Background(), db.SQL); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	assertNoProcesses(t, dir)
	if err := db.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}

	fi, err := os.Stat(filepath.Join(dir, "lector.pass"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("password file: %v %v", fi, err)
	}

	db = openWith(t, dir, database.Open)
	var body string
	if err := db.Gorm.Raw("SELECT body FROM notes").Scan(&body).Error; err != nil || body != "kept" {
		t.Fatalf("after reopen: %q, %v", body, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// A lock file whose pid now belongs to an unrelated live process (here:
	// the test itself) must not block the next start.
	fake := fmt.Sprintf("%d\n%s\n0\n5432\n\n127.0.0.1\n0 0\nready\n", os.Getpid(), filepath.Join(dir, "postgres"))
	if err := os.WriteFile(filepath.Join(dir, "postgres", "postmaster.pid"), []byte(fake), 0o600); err != nil {
		t.Fatal(err)
	}
	db = openEmbedded(t, dir)
	if n := countRows(t, db, "notes"); n != 1 {
		t.Fatalf("after stale lock: %d rows", n)
	}
	closeLast(t, dir, db)

	// A server that cannot start is reported with the end of its log.
	conf := filepath.Join(dir, "postgres", "postgresql.conf")
	f, err := os.OpenFile(conf, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString("\nshared_buffers = 'lots'\n")
	f.Close()
	_, err = database.Open(context.Background(), database.Options{DataDir: dir, Logger: testLogger(t)})
	if err == nil || !strings.Contains(err.Error(), "shared_buffers") || !strings.Contains(err.Error(), "postgres.log") {
		t.Fatalf("start failure not explained: %v", err)
	}
	assertNoProcesses(t, dir)
}

// TestCancelledStatementKeepsConnection: a statement cancelled by its
// context (the client of a page went away) stops, and its connection goes
// back to the pool. With pgx's default the connection was closed, and the
// next request paid for a new one (a backend fork and a SCRAM handshake).
// Transactions are another matter: database/sql rolls one back on its own
// cancelled context, which closes the connection whatever pgx does, so the
// server does not cancel writes (server.detachWrites).
func TestCancelledStatementKeepsConnection(t *testing.T) {
	db := openEmbedded(t, dataDir(t))
	db.SQL.SetMaxOpenConns(1)
	ctx := context.Background()
	backend := func() int {
		var pid int
		if err := db.SQL.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
			t.Fatal(err)
		}
		return pid
	}
	before := backend()
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := db.SQL.ExecContext(cctx, "SELECT pg_sleep(10)"); err == nil {
		t.Fatal("pg_sleep(10) was not cancelled")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("the cancelled statement ran %v", d)
	}
	if after := backend(); after != before {
		t.Fatalf("the cancelled statement's connection (backend %d) was closed; the next query ran on backend %d", before, after)
	}
}

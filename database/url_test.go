package database_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/config"
	"lector/database"
)

// One cluster serves as the "external" server (by its URL) and as the
// migration target; a cluster per test would cost seconds each.
func TestURLAndMigrate(t *testing.T) {
	t.Parallel()
	owner := openEmbedded(t, dataDir(t))
	defer owner.Close()
	t.Run("OpenURLDoesNotOwnServer", func(t *testing.T) { testOpenURL(t, owner) })
	t.Run("MigrateIsIdempotentAndConcurrent", func(t *testing.T) { testMigrate(t, owner) })
	t.Run("PoolSettings", func(t *testing.T) { testPool(t, owner) })
}

// testPool opens the server with tuned settings, as LECTOR_DB_* give them.
func testPool(t *testing.T, owner *database.DB) {
	ctx := context.Background()
	db, err := database.Open(ctx, database.Options{URL: owner.URL, Logger: testLogger(t),
		Pool: config.Pool{MaxOpenConns: 3, MaxIdleConns: 2, StatementTimeout: 150 * time.Millisecond, LockTimeout: 100 * time.Millisecond, JobConns: 2}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.SQL.Stats().MaxOpenConnections; got != 3 {
		t.Errorf("max open connections %d, want 3", got)
	}
	var timeout string
	if err := db.SQL.QueryRowContext(ctx, "SHOW statement_timeout").Scan(&timeout); err != nil || timeout != "150ms" {
		t.Errorf("statement_timeout %q (%v), want 150ms", timeout, err)
	}
	if _, err := db.SQL.ExecContext(ctx, "SELECT pg_sleep(2)"); err == nil || !strings.Contains(err.Error(), "statement timeout") {
		t.Errorf("a 2 s statement under a 150 ms timeout: %v", err)
	} else if f := database.FaultOf(err); f != database.FaultTimeout {
		t.Errorf("statement timeout classified %q, want timeout", f)
	}
	for _, tt := range []struct {
		pool, setting, want string
		q                   interface {
			QueryRowContext(context.Context, string, ...any) *sql.Row
		}
	}{
		{"request", "lock_timeout", "100ms", db.SQL},
		{"jobs", "statement_timeout", "30min", db.JobsSQL},
		{"jobs", "lock_timeout", "1min", db.JobsSQL},
		{"health", "statement_timeout", "1s", db.Health},
	} {
		var got string
		if err := tt.q.QueryRowContext(ctx, "SHOW "+tt.setting).Scan(&got); err != nil || got != tt.want {
			t.Errorf("%s pool: %s %q (%v), want %s", tt.pool, tt.setting, got, err, tt.want)
		}
	}
	// JobsSQL borrows JobsPool's connections, so the pgx pool's size is
	// the budget of both.
	if got := db.JobsPool.Config().MaxConns; got != 2 {
		t.Errorf("jobs pool: max connections %d, want 2", got)
	}
	var riverTimeout string
	if err := db.JobsPool.QueryRow(ctx, "SHOW statement_timeout").Scan(&riverTimeout); err != nil || riverTimeout != "30min" {
		t.Errorf("jobs pool as River sees it: statement_timeout %q (%v), want 30min", riverTimeout, err)
	}
	// A bulk transaction lifts the request pool's timeouts for itself only.
	err = db.Gorm.Transaction(func(tx *gorm.DB) error {
		if err := database.LongStatements(tx); err != nil {
			return err
		}
		return tx.Exec("SELECT pg_sleep(0.3)").Error
	})
	if err != nil {
		t.Errorf("a 300 ms statement after LongStatements: %v", err)
	}
	processes, allowed, err := db.CheckCapacity(ctx, testLogger(t))
	if err != nil || processes != 1 || allowed < 1 {
		t.Errorf("CheckCapacity: %d processes, %d connections (%v); want this one process", processes, allowed, err)
	}
}

func testOpenURL(t *testing.T, owner *database.DB) {
	ctx := context.Background()
	ext, err := database.Open(ctx, database.Options{URL: owner.URL, Logger: testLogger(t)})
	if err != nil {
		t.Fatal(err)
	}
	if ext.Embedded {
		t.Fatal("URL-opened DB claims to be embedded")
	}
	if err := ext.Close(); err != nil {
		t.Fatal(err)
	}
	if err := database.Ping(ctx, owner.SQL); err != nil {
		t.Fatalf("server stopped by a URL client's Close: %v", err)
	}
}

func TestOpenBadURLHidesPassword(t *testing.T) {
	t.Parallel()
	_, err := database.Open(context.Background(), database.Options{URL: "postgres://u:s3cret@127.0.0.1:1/x?sslmode=disable"})
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Fatalf("error %v", err)
	}
}

// testMigrate starts three migrations at once, each on its own pool as
// three lector processes would: goose's PostgreSQL session locker (an
// advisory lock) lets one apply the migrations while the others wait, then
// find nothing pending.
func testMigrate(t *testing.T, db *database.DB) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Go(func() {
			own, err := database.Open(ctx, database.Options{URL: db.URL, Logger: testLogger(t)})
			if err != nil {
				errs[i] = err
				return
			}
			errs[i] = errors.Join(database.Migrate(ctx, own.SQL), own.Close())
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	before := countRows(t, db, "goose_db_version")
	if err := database.Migrate(ctx, db.SQL); err != nil {
		t.Fatal(err)
	}
	if after := countRows(t, db, "goose_db_version"); after != before {
		t.Fatalf("second Migrate changed the version table: %d -> %d", before, after)
	}
}

func TestRootDataDirUnreachableByServerAccount(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root hands the server to another account")
	}
	t.Parallel()
	private := t.TempDir() // 0700, like /root
	if err := os.Chmod(private, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := database.Open(context.Background(), database.Options{DataDir: filepath.Join(private, "data"), Logger: testLogger(t)})
	if err == nil || !strings.Contains(err.Error(), "cannot enter "+private) || !strings.Contains(err.Error(), "chmod o+x") {
		t.Fatalf("error %v", err)
	}
}

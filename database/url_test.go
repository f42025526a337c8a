package database_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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

func testMigrate(t *testing.T, db *database.DB) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Go(func() { errs[i] = database.Migrate(ctx, db.SQL) })
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

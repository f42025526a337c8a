package pgfetch_test

import (
	"io"
	"net"
	"os"
	"path/filepath"
	"testing"

	embeddedpostgres "github.com/fergusstrange/embedded-postgres"

	"lector/database/internal/pgfetch"
	"lector/database/internal/pgfetch/pgfetchtest"
)

// pgfetch fetches what embedded-postgres fetches: the same version, from
// the same URL, in the same archive layout. embedded-postgres itself,
// pointed at the test repository, finds and unpacks the build there; its
// initdb then fails on purpose (a stub), so no server starts.
func TestSameBuildsAsEmbeddedPostgres(t *testing.T) {
	if pgfetch.Version != string(embeddedpostgres.V15) {
		t.Fatalf("pgfetch.Version %s, embedded-postgres's V15 %s", pgfetch.Version, embeddedpostgres.V15)
	}
	stub := []byte("#!/bin/sh\nexit 1\n")
	repo := pgfetchtest.Serve(t, pgfetch.Current(pgfetch.Version), []pgfetchtest.Entry{
		{Name: "bin/initdb", Body: stub}, {Name: "bin/postgres", Body: stub}, {Name: "bin/pg_ctl", Body: stub},
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir) // its log file, which it leaves behind
	ep := embeddedpostgres.NewDatabase(embeddedpostgres.DefaultConfig().
		Version(embeddedpostgres.V15).Port(uint32(port)).BinaryRepositoryURL(repo.URL).Logger(io.Discard).
		CachePath(filepath.Join(dir, "cache")).RuntimePath(filepath.Join(dir, "run")).
		BinariesPath(filepath.Join(dir, "bin")).DataPath(filepath.Join(dir, "data")))
	if err := ep.Start(); err == nil {
		_ = ep.Stop()
		t.Fatal("embedded-postgres started a server from stub programs")
	}
	if n := repo.Downloads.Load(); n != 1 {
		t.Fatalf("embedded-postgres asked the repository for the build %d times, want 1: not at pgfetch's URL", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "bin", "bin", "pg_ctl")); err != nil {
		t.Fatalf("embedded-postgres did not unpack the build: %v", err)
	}
}

// Package dbtest gives every test a fresh, migrated, empty PostgreSQL
// database on a real server.
//
// With TEST_DATABASE_URL set (a postgres:// URL of a role allowed to CREATE
// DATABASE) it uses that server; otherwise the first test to ask starts one
// throwaway embedded cluster for the whole test binary, in a temporary
// folder, with durability off for speed (fsync, synchronous_commit,
// full_page_writes). The migrations are applied once into a template
// database; each test then gets CREATE DATABASE ... TEMPLATE, which takes
// milliseconds, and the database is dropped in t.Cleanup.
//
// Every package that uses dbtest must stop the server after its tests:
//
//	func TestMain(m *testing.M) { dbtest.Main(m) }
//
// New and NewURL fail the test with that hint when it is missing. Should the
// test binary crash anyway, the kernel stops the cluster (Pdeathsig, Linux)
// and the next run deletes the leftover folder.
package dbtest

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/database"
)

// Process-wide by nature, like the server in server.go: Main runs once per
// test binary, and database names must be unique across all its tests.
var (
	mainCalled atomic.Bool  // set by Main; New refuses to run without it
	seq        atomic.Int64 // makes database names unique within the process
)

// Main runs the package's tests, then drops the template and stops the
// throwaway cluster, and exits with the tests' status.
func Main(m *testing.M) {
	mainCalled.Store(true)
	code := m.Run()
	if err := shutdown(); err != nil {
		fmt.Fprintln(os.Stderr, "dbtest:", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// New returns a fresh, migrated, empty database for one test, dropped at
// t.Cleanup. Its pool is small (5 connections) so that many parallel tests
// fit within the server's max_connections.
func New(t testing.TB) *gorm.DB {
	t.Helper()
	u := NewURL(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := database.Open(ctx, database.Options{URL: u, Logger: slog.New(slog.NewTextHandler(testWriter{t}, nil))})
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	db.SQL.SetMaxOpenConns(5)
	// Registered after NewURL's drop, so it runs before it.
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("dbtest: %v", err)
		}
	})
	return db.Gorm
}

// NewURL is New for tests that start processes or open their own
// connections: it returns the URL of a fresh, migrated, empty database,
// dropped at t.Cleanup (after forcibly ending its remaining connections).
func NewURL(t testing.TB) string {
	t.Helper()
	return newDatabase(t, "lector_test", func(ctx context.Context, s *server, name string) error { return s.create(ctx, name) })
}

// newDatabase makes a database named after prefix with create, drops it at
// t.Cleanup, and returns its URL.
func newDatabase(t testing.TB, prefix string, create func(ctx context.Context, s *server, name string) error) string {
	t.Helper()
	if !mainCalled.Load() {
		t.Fatal("dbtest: this package needs `func TestMain(m *testing.M) { dbtest.Main(m) }` so the test server is stopped after the tests")
	}
	s, err := shared()
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	name := fmt.Sprintf("%s_%d_%d", prefix, os.Getpid(), seq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := create(ctx, s, name); err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := s.drop(ctx, name); err != nil {
			t.Errorf("dbtest: %v", err)
		}
	})
	return s.urlFor(name)
}

// testWriter sends GORM's warnings and errors to the test log, where they
// show up next to the failing test (or with -v).
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

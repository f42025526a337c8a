package dbtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"lector/database"
	"lector/database/internal/pgcluster"
)

// Private is a PostgreSQL server of one test's own, for tests that stop and
// start the server under load. It keeps its port across restarts, so its
// URL stays valid and pools opened on it reconnect once it is back.
type Private struct {
	URL string // the migrated database "lector", password included

	t    testing.TB
	dir  string
	port int

	mu      sync.Mutex
	cluster *pgcluster.Cluster // nil while stopped
}

// NewPrivate initialises, starts and migrates a private server (a couple of
// seconds), stopped and deleted at t.Cleanup.
func NewPrivate(t testing.TB) *Private {
	t.Helper()
	removeStaleDirs()
	dir, err := os.MkdirTemp("", fmt.Sprintf("lector-dbtest-%d-", os.Getpid()))
	if err != nil {
		t.Fatal(err)
	}
	// MkdirTemp makes 0700; a root test run hands the server to the
	// postgres account, which must be able to enter.
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := &Private{t: t, dir: dir}
	t.Cleanup(func() {
		if err := errors.Join(p.stop(), os.RemoveAll(dir)); err != nil {
			t.Errorf("dbtest: %v", err)
		}
	})
	p.Start()
	p.URL = p.cluster.URL
	db, err := sql.Open("pgx", p.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := database.Migrate(ctx, db); err != nil {
		t.Fatalf("dbtest: migrating the private server: %v", err)
	}
	return p
}

// Start starts the server (again), on the same port as before.
func (p *Private) Start() {
	p.t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cluster != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgcluster.Start(ctx, pgcluster.Config{DataDir: p.dir, NoSync: true, Port: p.port,
		Settings: []string{"fsync=off", "full_page_writes=off"}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		p.t.Fatalf("dbtest: starting the private server: %v", err)
	}
	p.cluster = c
	if p.port == 0 {
		p.port = c.Port()
	}
}

// Stop stops the server (fast shutdown: open connections are cut).
func (p *Private) Stop() {
	p.t.Helper()
	if err := p.stop(); err != nil {
		p.t.Fatalf("dbtest: %v", err)
	}
}

func (p *Private) stop() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cluster == nil {
		return nil
	}
	err := p.cluster.Stop()
	p.cluster = nil
	return err
}

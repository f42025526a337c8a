package dbtest

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
)

// SQL is the database/sql handle under db (from New), for tests of code
// that takes one, such as goose and River's migrator.
func SQL(t testing.TB, db *gorm.DB) *sql.DB {
	t.Helper()
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	return sqlDB
}

// JobsPool is a pgx pool on the database of db (from New), for tests that
// run River as `lector serve` does (database.DB.JobsPool); closed at
// t.Cleanup. It takes db's connection settings from one of its
// connections, since New hands out GORM alone.
func JobsPool(t testing.TB, db *gorm.DB) *pgxpool.Pool {
	t.Helper()
	ctx := context.Background()
	conn, err := SQL(t, db).Conn(ctx)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	var cc *pgx.ConnConfig
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return errors.New("the pool's driver is not pgx")
		}
		cc = c.Conn().Config().Copy()
		// pgx set this to that connection's own buffer; a new connection
		// must install its own, or it never sees a notification.
		cc.OnNotification = nil
		return nil
	})
	conn.Close()
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	cfg, err := pgxpool.ParseConfig("")
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	cfg.ConnConfig, cfg.MaxConns = cc, 4
	// As database.DB.JobsPool: River's listener needs pgx's default.
	cfg.ConnConfig.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.DeadlineContextWatcherHandler{Conn: c.Conn()}
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(pool.Close)
	return pool
}

// Runner is a job queue's client as a test runs it (rescan.Queue, which
// works River's jobs).
type Runner interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// Run starts r and stops it at t.Cleanup, giving the job in hand up to 10
// seconds to finish.
func Run(t testing.TB, r Runner) {
	t.Helper()
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := r.Stop(ctx); err != nil {
			t.Errorf("stopping the queue: %v", err)
		}
	})
}

package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/stdlib" // also registers the "pgx" database/sql driver
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"lector/config"
	"lector/database/internal/pgcluster"
)

// Options says which database to open.
type Options struct {
	URL     string // DATABASE_URL; empty means embedded
	DataDir string // LECTOR_DATA_DIR for the embedded cluster (default decided by caller: "./data")
	Logger  *slog.Logger
	// Pool tunes the connection pool; zero fields keep the defaults
	// (config.DefaultMaxOpenConns, idle = open, 5 minutes idle time).
	Pool config.Pool
}

// DB is an open database. Close closes the pool and, if this process started
// the embedded cluster, stops it (fast shutdown) and waits until no postgres
// process of it is left.
type DB struct {
	Gorm     *gorm.DB
	SQL      *sql.DB
	URL      string // the URL actually used; it carries the embedded cluster's password, so never log it
	Embedded bool

	cluster   *pgcluster.Cluster // nil unless embedded
	closeOnce sync.Once
	closeErr  error
}

// Open connects to opts.URL or, when it is empty, to the embedded cluster in
// opts.DataDir, starting it if no other lector process runs it. It checks the
// connection but does not migrate: callers run Migrate.
func Open(ctx context.Context, opts Options) (*DB, error) {
	return open(ctx, opts, pgcluster.Config{})
}

// open takes the cluster tuning separately so that tests can trade
// durability for speed (export_test.go) without widening the API.
func open(ctx context.Context, opts Options, tuning pgcluster.Config) (*DB, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if opts.URL != "" {
		return openURL(ctx, opts.URL, opts.Pool, log)
	}
	if opts.DataDir == "" {
		return nil, errors.New("opening the database: neither DATABASE_URL nor a data folder is set")
	}
	cl, err := pgcluster.Start(ctx, pgcluster.Config{DataDir: opts.DataDir, Logger: log,
		Settings: tuning.Settings, NoSync: tuning.NoSync})
	if err != nil {
		return nil, fmt.Errorf("embedded PostgreSQL: %w", err)
	}
	db, err := openURL(ctx, cl.URL, opts.Pool, log)
	if err != nil {
		return nil, errors.Join(err, cl.Stop())
	}
	db.Embedded, db.cluster = true, cl
	return db, nil
}

func openURL(ctx context.Context, dsn string, pool config.Pool, log *slog.Logger) (*DB, error) {
	pgcfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", Redact(dsn), err)
	}
	if pool.StatementTimeout > 0 {
		// Set at connection start-up, so it holds on every pooled
		// connection without a SET round trip.
		pgcfg.RuntimeParams["statement_timeout"] = strconv.FormatInt(pool.StatementTimeout.Milliseconds(), 10)
	}
	// A request whose client goes away cancels its statements. pgx's
	// default does that by closing the connection, and the next request
	// pays for a new one (a backend fork and a SCRAM handshake; a burst of
	// them showed as a second of 300 ms steps under load). Asking
	// PostgreSQL to cancel the statement keeps the connection; the
	// deadline closes it only when the cancel request goes unanswered.
	pgcfg.BuildContextWatcherHandler = func(c *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: c, DeadlineDelay: cancelDeadline}
	}
	sqlDB := stdlib.OpenDB(*pgcfg)
	setPool(sqlDB, pool)

	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pctx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("connecting to %s: %w", Redact(dsn), err)
	}
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger: newSQLLogger(log),
		// Unique and foreign-key violations become gorm.ErrDuplicatedKey
		// and gorm.ErrForeignKeyViolated, which handlers can test for.
		TranslateError: true,
	})
	if err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("starting GORM: %w", err)
	}
	return &DB{Gorm: g, SQL: sqlDB, URL: dsn}, nil
}

// slowStatement: statements slower than this are logged as warnings.
const slowStatement = 500 * time.Millisecond

// cancelDeadline is how long a cancelled statement's connection waits for
// PostgreSQL to confirm the cancel before it is closed instead.
const cancelDeadline = 5 * time.Second

// Close closes the pool, then stops the embedded cluster if this process
// started it. It is safe to call more than once.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		err := db.SQL.Close()
		if err != nil {
			err = fmt.Errorf("closing the connection pool: %w", err)
		}
		db.closeErr = errors.Join(err, db.cluster.Stop())
	})
	return db.closeErr
}

// Redact hides the password of a postgres URL for logs and errors. Key=value
// DSNs are not parsed and are hidden entirely.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return "(database DSN)"
	}
	return u.Redacted()
}

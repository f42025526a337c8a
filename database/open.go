package database

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"
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
	// (config.DefaultMaxOpenConns, idle = open, 30 seconds idle time).
	Pool config.Pool
	// MinFreeBytes: the embedded server's disk counts as full below it
	// (Ready); 0: DefaultMinFreeBytes.
	MinFreeBytes uint64
	// PostgresRepository is the Maven repository the embedded mode
	// downloads a PostgreSQL build from when the machine has no server
	// binaries (LECTOR_POSTGRES_REPOSITORY); "": Maven Central.
	PostgresRepository string
}

// DB is an open database. Close closes the pool and, if this process started
// the embedded cluster, stops it (fast shutdown) and waits until no postgres
// process of it is left.
type DB struct {
	// Gorm and SQL are the request pool: statement_timeout and
	// lock_timeout of config.Pool hold on every connection.
	Gorm *gorm.DB
	SQL  *sql.DB
	// Jobs and JobsSQL are the background jobs' own, small pool (River,
	// rescans), with the long timeouts of bulk work, so that jobs never
	// take a request's connection nor a request a job's. JobsPool is the
	// same pool as pgx sees it: River runs on it (riverpgxv5, so that it
	// LISTENs for new jobs), and JobsSQL borrows its connections, so that
	// River and the jobs' GORM work share one budget (config.Pool.JobConns).
	Jobs     *gorm.DB
	JobsSQL  *sql.DB
	JobsPool *pgxpool.Pool
	// Health is the readiness probe's own connection (Ready): a pool
	// exhausted by requests or locked tables must not fail the probe of
	// a server that answers.
	Health   *sql.DB
	URL      string // the URL actually used; it carries the embedded cluster's password, so never log it
	Embedded bool

	pool      config.Pool
	log       *slog.Logger
	dataDir   string
	minFree   uint64
	diskFull  atomic.Bool
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
	search := tuning.Search
	search.Repository = cmp.Or(opts.PostgresRepository, search.Repository)
	cl, err := pgcluster.Start(ctx, pgcluster.Config{DataDir: opts.DataDir, Logger: log, Search: search,
		Settings: tuning.Settings, NoSync: tuning.NoSync, RestartFor: tuning.RestartFor, NoRestart: tuning.NoRestart})
	if err != nil {
		return nil, fmt.Errorf("embedded PostgreSQL: %w", err)
	}
	db, err := openURL(ctx, cl.URL, opts.Pool, log)
	if err != nil {
		return nil, errors.Join(err, cl.Stop())
	}
	db.Embedded, db.cluster, db.dataDir = true, cl, opts.DataDir
	db.minFree = cmp.Or(opts.MinFreeBytes, DefaultMinFreeBytes)
	return db, nil
}

func openURL(ctx context.Context, dsn string, pool config.Pool, log *slog.Logger) (*DB, error) {
	pgcfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", Redact(dsn), err)
	}
	// Every connection names its process, so that the sizing check at
	// start (CheckCapacity) can count the lector processes on the server.
	pgcfg.RuntimeParams["application_name"] = appName()
	if pgcfg.ConnectTimeout == 0 {
		// An unreachable server (a dropped route, a host down) would
		// otherwise hold a request for the kernel's TCP timeout.
		pgcfg.ConnectTimeout = connectTimeout
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
	sqlDB := stdlib.OpenDB(*withTimeouts(pgcfg, pool.StatementTimeout, pool.LockTimeout))
	setPool(sqlDB, pool)

	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pctx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("connecting to %s: %w", Redact(dsn), err)
	}
	g, err := openGorm(sqlDB, log)
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	jobsPool, err := newJobPool(dsn, withTimeouts(pgcfg, BulkStatementTimeout, BulkLockTimeout), pool)
	if err != nil {
		sqlDB.Close()
		return nil, err
	}
	jobsSQL := stdlib.OpenDBFromPool(jobsPool)
	jobs, err := openGorm(jobsSQL, log)
	if err != nil {
		jobsPool.Close()
		return nil, errors.Join(err, sqlDB.Close(), jobsSQL.Close())
	}
	health := stdlib.OpenDB(*withTimeouts(pgcfg, healthTimeout, healthTimeout))
	setHealthPool(health)
	return &DB{Gorm: g, SQL: sqlDB, Jobs: jobs, JobsSQL: jobsSQL, JobsPool: jobsPool, Health: health, URL: dsn, pool: pool, log: log}, nil
}

// withTimeouts is cfg with statement_timeout and lock_timeout set at
// connection start-up, so that they hold on every pooled connection
// without a SET round trip; 0 leaves the server's setting.
func withTimeouts(cfg *pgx.ConnConfig, statement, lock time.Duration) *pgx.ConnConfig {
	c := cfg.Copy()
	if statement > 0 {
		c.RuntimeParams["statement_timeout"] = strconv.FormatInt(statement.Milliseconds(), 10)
	}
	if lock > 0 {
		c.RuntimeParams["lock_timeout"] = strconv.FormatInt(lock.Milliseconds(), 10)
	}
	return c
}

func openGorm(sqlDB *sql.DB, log *slog.Logger) (*gorm.DB, error) {
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger: newSQLLogger(log),
		// Unique and foreign-key violations become gorm.ErrDuplicatedKey
		// and gorm.ErrForeignKeyViolated, which handlers can test for.
		TranslateError: true,
	})
	if err != nil {
		return nil, fmt.Errorf("starting GORM: %w", err)
	}
	return g, nil
}

func appName() string { return "lector/" + strconv.Itoa(os.Getpid()) }

// slowStatement: statements slower than this are logged as warnings.
const slowStatement = 500 * time.Millisecond

// connectTimeout bounds opening one connection when the URL sets none.
const connectTimeout = 5 * time.Second

// cancelDeadline is how long a cancelled statement's connection waits for
// PostgreSQL to confirm the cancel before it is closed instead.
const cancelDeadline = 5 * time.Second

// Close closes the pool, then stops the embedded cluster if this process
// started it. It is safe to call more than once.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		err := errors.Join(db.SQL.Close(), db.JobsSQL.Close(), db.Health.Close())
		db.JobsPool.Close() // after JobsSQL, which borrows its connections
		if err != nil {
			err = fmt.Errorf("closing the connection pools: %w", err)
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

package database

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/gorm"

	"lector/migrations"
)

// Migrate applies every pending migration of lector/migrations. A PostgreSQL
// advisory lock serialises concurrent runs (serve and `lector migrate`
// started together), so it is safe to call from several processes; with
// nothing pending it only reads the version table.
func Migrate(ctx context.Context, sqlDB *sql.DB) error {
	return MigrateLogged(ctx, sqlDB, slog.Default())
}

// MigrateLogged is Migrate reporting applied migrations to log, so that they
// come out in the process's log format.
func MigrateLogged(ctx context.Context, sqlDB *sql.DB, log *slog.Logger) error {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("migrations: creating the lock: %w", err)
	}
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, migrations.FS,
		goose.WithSessionLocker(locker))
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	for _, r := range results {
		log.Info("applied migration", "file", r.Source.Path, "took", r.Duration.Round(time.Millisecond))
	}
	return nil
}

// Ping checks that the database answers, for /readyz: a cheap query on
// sqlDB (give it DB.Health), given up after a second so that a hung server
// fails the probe instead of blocking it. The error is a Fault's cause.
func Ping(ctx context.Context, sqlDB *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	var one int
	if err := sqlDB.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("database ping: %w", err)
	}
	return nil
}

// LongStatements gives the rest of transaction tx the timeouts of bulk
// work (BulkStatementTimeout, BulkLockTimeout) in place of the request
// pool's short ones: an import of a whole glossary rightly takes longer
// than any page.
func LongStatements(tx *gorm.DB) error {
	if err := tx.Exec(fmt.Sprintf("SET LOCAL statement_timeout = %d", BulkStatementTimeout.Milliseconds())).Error; err != nil {
		return err
	}
	return tx.Exec(fmt.Sprintf("SET LOCAL lock_timeout = %d", BulkLockTimeout.Milliseconds())).Error
}

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"

	"lector/config"
	"lector/database"
	"lector/glossary"
	"lector/locales"
	"lector/review"
	"lector/seeds"
	"lector/server"
)

// openDB opens the configured database (starting the embedded PostgreSQL
// when no URL is set) and applies pending migrations.
func openDB(ctx context.Context, cfg *config.Config, log *slog.Logger) (*database.DB, error) {
	db, err := database.Open(ctx, database.Options{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Logger: log})
	if err != nil {
		return nil, err
	}
	if err := database.Migrate(ctx, db.SQL); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func migrateCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "migrate")
	if _, err := parse(fs, cfg, args); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg, newLogger(e.stderr))
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "migrations applied")
	return db.Close()
}

func serveCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "serve")
	if _, err := parse(fs, cfg, args); err != nil {
		return err
	}
	log := newLogger(e.stderr)
	db, err := openDB(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if seeded, err := seeds.Load(ctx, db.Gorm); err != nil {
		return err
	} else if seeded {
		log.Info("loaded the seed glossary and article")
	}
	entries, err := glossary.LoadEntries(ctx, db.Gorm)
	if err != nil {
		return err
	}
	bundle, err := locales.NewBundle()
	if err != nil {
		return err
	}
	e2, err := server.New(server.Deps{Config: cfg, DB: db.Gorm, SQL: db.SQL, Bundle: bundle, Logger: log,
		Checker: review.NewChecker(entries)})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	e2.Listener = ln
	errc := make(chan error, 1)
	go func() { errc <- e2.Start("") }()
	fmt.Fprintf(e.stdout, "Lector is serving on %s (press Ctrl-C to stop)\n", cfg.BaseURL)
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), server.ShutdownTimeout)
	defer cancel()
	return e2.Shutdown(shutdownCtx)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/config"
	"lector/database"
	"lector/glossary"
	"lector/live"
	"lector/locales"
	"lector/metrics"
	"lector/rescan"
	"lector/review"
	"lector/seeds"
	"lector/server"
	"lector/webhook"
)

// openDB opens the configured database (starting the embedded PostgreSQL
// when no URL is set) and applies pending migrations.
func openDB(ctx context.Context, cfg *config.Config, log *slog.Logger) (*database.DB, error) {
	db, err := database.Open(ctx, database.Options{URL: cfg.DatabaseURL, DataDir: cfg.DataDir, Logger: log, Pool: cfg.Pool,
		PostgresRepository: cfg.PostgresRepository})
	if err != nil {
		return nil, err
	}
	// The jobs' pool: it has the long timeouts bulk work needs.
	if err := database.MigrateLogged(ctx, db.JobsSQL, log); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// withDB opens the database for a command, runs act on it and closes it.
func withDB(ctx context.Context, e env, cfg *config.Config, act func(*gorm.DB) error) error {
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	return act(db.Gorm)
}

// removeCmd is a command that removes one record by its ID (a, record:
// "an", "article") and prints the line remove reports. A bad or unknown
// ID is a usage error (exit 2).
func removeCmd(ctx context.Context, e env, args []string, name, a, record string,
	remove func(db *gorm.DB, id int64) (string, error)) error {
	fs, cfg := flags(e, name)
	id, err := parseOneID(fs, cfg, args, a, record)
	if err != nil {
		return err
	}
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		done, err := remove(db, id)
		if err != nil {
			return inputError(err, apperr.NotFound)
		}
		fmt.Fprintln(e.stdout, done)
		return nil
	})
}

// printDemoAccounts shows the demo sign-ins; their passwords are stored
// hashed, so this is the only time anyone sees them.
func printDemoAccounts(w io.Writer, demo []seeds.DemoAccount) {
	if len(demo) == 0 {
		return
	}
	fmt.Fprintln(w, "Demo accounts (the passwords are shown only now):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, d := range demo {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", d.Email, strings.Join(d.Roles, ","), d.Password)
	}
	tw.Flush()
}

// housekeeping deletes ended sessions and old sign-in failures every hour
// and hands lapsed segment leases back to the queue every minute, until ctx
// ends. Claims take lapsed leases themselves; the sweep keeps the counts on
// the pages true. Every lector process may run it: both are idempotent and
// the lease sweep locks rows with SKIP LOCKED.
func housekeeping(ctx context.Context, db *gorm.DB, log *slog.Logger, changed func()) {
	tick := time.NewTicker(time.Minute)
	defer tick.Stop()
	for n := 0; ; n++ {
		if n%60 == 0 {
			if _, err := account.PurgeExpired(ctx, db); err != nil && ctx.Err() == nil {
				log.Warn("purging expired sessions", "err", err)
			}
		}
		if n, err := review.ExpireLeases(ctx, db); err != nil && ctx.Err() == nil {
			log.Warn("expiring segment leases", "err", err)
		} else if n > 0 {
			changed()
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func migrateCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "migrate")
	if _, err := parse(fs, cfg, args); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
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
	log := cfg.Logger(e.stderr)
	db, err := openDB(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, _, err := db.CheckCapacity(ctx, log); err != nil {
		log.Warn("checking the connection budget", "err", err)
	}
	seeded, err := seeds.Load(ctx, db.Gorm)
	if err != nil {
		return err
	}
	var demo []seeds.DemoAccount
	if seeded {
		log.Info("loaded the seed glossary and article")
		// Demo accounts only in the default run: a shared database on
		// DATABASE_URL must not get accounts with known roles by surprise.
		if db.Embedded {
			if demo, err = seeds.DemoAccounts(ctx, db.Gorm); err != nil {
				return err
			}
		}
	}
	entries, err := glossary.LoadEntries(ctx, db.Gorm)
	if err != nil {
		return err
	}
	bundle, err := locales.NewBundle()
	if err != nil {
		return err
	}
	// Background rescans: this process works River's rescan jobs until it
	// stops, as does every other lector process on the database.
	rescans, err := rescan.New(db.Jobs, db.JobsPool, rescan.Options{Logger: log,
		JobTimeout: cfg.Jobs.Timeout, RescueAfter: cfg.Jobs.RescueAfter,
		Webhooks: webhook.Options{Timeout: cfg.Webhooks.Timeout, AllowPrivate: cfg.Webhooks.AllowPrivate}})
	if err != nil {
		return err
	}
	// Not ctx: River stops hard when its context ends, and the deferred
	// Stop below lets the article in hand finish first.
	if err := rescans.Start(context.WithoutCancel(ctx)); err != nil {
		return err
	}
	defer func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), cfg.HTTP.ShutdownTimeout)
		defer cancel()
		if err := rescans.Stop(stopCtx); err != nil {
			log.Warn("stopping background rescans", "err", err)
		}
	}()
	// Live updates: one LISTEN connection and one coalescing notifier for
	// the process; they stop with ctx.
	feed := live.NewFeed(db.URL, db.SQL, log, live.DefaultMaxSubscribers)
	go feed.Run(ctx)
	select {
	case <-feed.Ready():
	case <-time.After(10 * time.Second):
		log.Warn("live updates are not ready yet; serving without waiting")
	}
	// The checker is built once here and then kept live: the glossary API
	// reloads it after every write (glossary.Handlers.reload).
	m := metrics.New(metrics.Options{SQL: db.SQL, Logger: log})
	e2, err := server.New(server.Deps{Config: cfg, DB: db.Gorm, SQL: db.SQL, Probe: db, Bundle: bundle, Logger: log,
		Checker: review.NewChecker(entries), Metrics: m, Rescans: rescans, Live: feed})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	e2.Listener = ln
	if cfg.MetricsAddr != "" {
		stopMetrics, err := m.Serve(cfg.MetricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("metrics: listen on %s: %w", cfg.MetricsAddr, err)
		}
		defer stopMetrics(context.Background())
		log.Info("serving metrics", "url", "http://"+cfg.MetricsAddr+"/metrics")
	}
	errc := make(chan error, 1)
	go func() { errc <- e2.Start("") }()
	// The URL line comes first: scripts and tests wait for it.
	fmt.Fprintf(e.stdout, "Lector is serving on %s (press Ctrl-C to stop)\n", cfg.BaseURL)
	printDemoAccounts(e.stdout, demo)
	go housekeeping(ctx, db.Gorm, log, feed.Changed)
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.HTTP.ShutdownTimeout)
	defer cancel()
	return e2.Shutdown(shutdownCtx)
}

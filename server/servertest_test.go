package server_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gorm.io/gorm"

	"lector/account"
	"lector/config"
	"lector/database"
	"lector/database/dbtest"
	"lector/live"
	"lector/locales"
	"lector/rescan"
	"lector/rescan/rescantest"
	"lector/review"
	"lector/review/reviewtest"
	"lector/seeds"
	"lector/server"
	"lector/server/servertest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// startSeeded serves a fresh seeded database; it returns the base URL.
func startSeeded(t *testing.T) (string, *gorm.DB) {
	t.Helper()
	e, db := newSeeded(t, nil)
	return servertest.Start(t, e), db
}

// startStaffed is startSeeded with a translator (translator@example.org)
// and an editor (editor@example.org), the two people of most journeys.
func startStaffed(t *testing.T) (base string, db *gorm.DB, tr, ed *account.Principal) {
	t.Helper()
	base, db, tr = startAs(t, "translator@example.org", account.RoleTranslator)
	return base, db, tr, reviewtest.User(t, db, "editor@example.org", account.RoleEditor)
}

// startAs is startSeeded with one user, email, who has roles.
func startAs(t *testing.T, email string, roles ...string) (string, *gorm.DB, *account.Principal) {
	t.Helper()
	base, db := startSeeded(t)
	return base, db, reviewtest.User(t, db, email, roles...)
}

// startWithRescans serves a fresh seeded database with background rescans
// asked for by glossary writes and, when work is set, worked, as `lector
// serve` does.
func startWithRescans(t *testing.T, work bool) (string, *gorm.DB) {
	t.Helper()
	e, db := newSeededWith(t, nil, func(deps *server.Deps) {
		q := rescantest.New(t, deps.DB, rescan.Options{PollEvery: 100 * time.Millisecond})
		if work {
			dbtest.Run(t, q)
		}
		deps.Rescans = q
	})
	return servertest.Start(t, e), db
}

// startLive serves a seeded database with live updates on; it returns the
// base URL, the database and the Echo instance (to shut down).
func startLive(t *testing.T) (string, *gorm.DB, *echo.Echo) {
	t.Helper()
	return startLiveWith(t, config.Limits{})
}

// startLiveWith is startLive with limits (zero fields: the defaults) and a
// hub of at most 20 streams.
func startLiveWith(t *testing.T, limits config.Limits) (string, *gorm.DB, *echo.Echo) {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := database.Open(t.Context(), database.Options{URL: dbtest.NewURL(t), Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	checker := seed(t, db.Gorm)
	feed := live.NewFeed(db.URL, db.SQL, log, 20)
	feed.Poll = time.Hour // events must come by NOTIFY, which request.AfterWrites triggers
	done := make(chan struct{})
	go func() { feed.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	<-feed.Ready()
	e := servertest.New(t, server.Deps{Config: &config.Config{Addr: "127.0.0.1:0", DataDir: "unused", Limits: limits},
		DB: db.Gorm, SQL: db.SQL, Logger: log, Checker: checker, Live: feed})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go e.Server.Serve(ln)
	t.Cleanup(func() { e.Server.Close() })
	return "http://" + ln.Addr().String(), db.Gorm, e
}

// newSeeded is the server on a fresh seeded database, not yet serving, so
// that a test can add routes; bundle nil means the real catalogs.
func newSeeded(t testing.TB, bundle *i18n.Bundle) (*echo.Echo, *gorm.DB) {
	t.Helper()
	return newSeededWith(t, bundle, nil)
}

// newSeededWith is newSeeded with tune, when not nil, changing the
// dependencies (the configuration among them) first.
func newSeededWith(t testing.TB, bundle *i18n.Bundle, tune func(*server.Deps)) (*echo.Echo, *gorm.DB) {
	t.Helper()
	db := dbtest.New(t)
	checker := seed(t, db)
	deps := server.Deps{Config: &config.Config{Addr: "127.0.0.1:0", DataDir: "unused"}, DB: db, Bundle: bundle, Checker: checker}
	if tune != nil {
		tune(&deps)
	}
	return servertest.New(t, deps), db
}

// seed loads the seed data into db; it returns a checker of the seed
// glossary, the one the server builds.
func seed(t testing.TB, db *gorm.DB) *review.Checker {
	t.Helper()
	if _, err := seeds.Load(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return storedChecker(t, db)
}

// catalogs is the bundle of the real catalogs.
func catalogs(t testing.TB) *i18n.Bundle {
	t.Helper()
	bundle, err := locales.NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	return bundle
}

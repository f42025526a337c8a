package server_test

import (
	"context"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gorm.io/gorm"

	"lector/account"
	"lector/config"
	"lector/database/dbtest"
	"lector/locales"
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

// newSeeded is the server on a fresh seeded database, not yet serving, so
// that a test can add routes; bundle nil means the real catalogs.
func newSeeded(t testing.TB, bundle *i18n.Bundle) (*echo.Echo, *gorm.DB) {
	t.Helper()
	return newSeededWith(t, bundle, nil)
}

// newSeededWith is newSeeded with tune, when not nil, changing the
// configuration first.
func newSeededWith(t testing.TB, bundle *i18n.Bundle, tune func(*config.Config)) (*echo.Echo, *gorm.DB) {
	t.Helper()
	db := dbtest.New(t)
	checker := seed(t, db)
	cfg := &config.Config{Addr: "127.0.0.1:0", DataDir: "unused"}
	if tune != nil {
		tune(cfg)
	}
	return servertest.New(t, server.Deps{Config: cfg, DB: db, Bundle: bundle, Checker: checker}), db
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

package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gorm.io/gorm"

	"lector/config"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/locales"
	"lector/review"
	"lector/seeds"
	"lector/server"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// startSeeded serves a fresh seeded database; it returns the base URL.
func startSeeded(t *testing.T) (string, *gorm.DB) {
	t.Helper()
	e, db := newSeeded(t, nil)
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	return ts.URL, db
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
	ctx := context.Background()
	if _, err := seeds.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	entries, err := glossary.LoadEntries(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if bundle == nil {
		if bundle, err = locales.NewBundle(); err != nil {
			t.Fatal(err)
		}
	}
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Addr: "127.0.0.1:0", DataDir: "unused"}
	if tune != nil {
		tune(cfg)
	}
	if err := cfg.Finish(); err != nil {
		t.Fatal(err)
	}
	e, err := server.New(server.Deps{Config: cfg, DB: db, SQL: sqlDB, Bundle: bundle,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Checker: review.NewChecker(entries)})
	if err != nil {
		t.Fatal(err)
	}
	return e, db
}

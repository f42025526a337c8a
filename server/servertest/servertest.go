// Package servertest starts the whole application for the HTTP tests of the
// domain packages, which cannot import server themselves without making it
// a dependency of their own code.
package servertest

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/config"
	"lector/locales"
	"lector/review"
	"lector/server"
)

// Serve starts the server on db with checker and returns its base URL and
// the Echo instance; the server stops when the test ends.
func Serve(t testing.TB, db *gorm.DB, checker *review.Checker) (string, *echo.Echo) {
	t.Helper()
	bundle, err := locales.NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Addr: "127.0.0.1:0", DataDir: "unused"}
	if err := cfg.Finish(); err != nil {
		t.Fatal(err)
	}
	e, err := server.New(server.Deps{Config: cfg, DB: db, SQL: sqlDB, Bundle: bundle, Checker: checker,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	return ts.URL, e
}

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
	"lector/database/dbtest"
	"lector/locales"
	"lector/review"
	"lector/server"
)

// Serve starts the server on db with checker and returns its base URL and
// the Echo instance; the server stops when the test ends.
func Serve(t testing.TB, db *gorm.DB, checker *review.Checker) (string, *echo.Echo) {
	t.Helper()
	e := New(t, server.Deps{DB: db, Checker: checker})
	return Start(t, e), e
}

// New is the app on deps, not yet serving, with what a test leaves out
// filled in: a configuration on a free local port (deps.Config, when set,
// is finished here), db's database/sql handle, the real catalogs and a log
// that goes nowhere.
func New(t testing.TB, deps server.Deps) *echo.Echo {
	t.Helper()
	if deps.Config == nil {
		deps.Config = &config.Config{Addr: "127.0.0.1:0", DataDir: "unused"}
	}
	if err := deps.Config.Finish(); err != nil {
		t.Fatal(err)
	}
	if deps.SQL == nil {
		deps.SQL = dbtest.SQL(t, deps.DB)
	}
	if deps.Bundle == nil {
		bundle, err := locales.NewBundle()
		if err != nil {
			t.Fatal(err)
		}
		deps.Bundle = bundle
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	e, err := server.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Start serves e until the test ends and returns its base URL.
func Start(t testing.TB, e *echo.Echo) string {
	t.Helper()
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	return ts.URL
}

// Package rescantest sets up the process's River client (rescan.Queue) for
// other packages' tests, as `lector serve` does, with a quiet log.
package rescantest

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/database/dbtest"
	"lector/rescan"
)

// New is rescan.New on db's database (from dbtest.New), logging nowhere
// unless opts.Logger is set. It is not started: it only inserts jobs.
func New(t testing.TB, db *gorm.DB, opts rescan.Options) *rescan.Queue {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	q, err := rescan.New(db, dbtest.JobsPool(t, db), opts)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// Start is New, polling for jobs every 50 ms unless opts.PollEvery is set,
// working them until the test ends.
func Start(t testing.TB, db *gorm.DB, opts rescan.Options) *rescan.Queue {
	t.Helper()
	if opts.PollEvery == 0 {
		opts.PollEvery = 50 * time.Millisecond
	}
	q := New(t, db, opts)
	dbtest.Run(t, q)
	return q
}

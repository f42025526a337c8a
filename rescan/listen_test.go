package rescan

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"lector/database/dbtest"
)

// TestJobsStartOnNotify: River LISTENs, so a job inserted in a glossary
// write's transaction starts as the transaction commits, not at the next
// poll. The poll interval here is a minute: in poll-only mode (River on
// database/sql) the rescan below would wait that minute, because the
// client that inserts is not the one that works.
func TestJobsStartOnNotify(t *testing.T) {
	db := dbtest.New(t)
	articles(t, db, 1)
	var logs dbtest.LockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	q := startQueue(t, db, Options{Logger: log, PollEvery: time.Minute})
	// River fetches once as it starts; the job must come after that.
	time.Sleep(500 * time.Millisecond)
	start := time.Now()
	addTerm(t, db, q)
	r := waitFinished(t, db, 30*time.Second)
	took := time.Since(start)
	t.Logf("the rescan finished %s after its write", took)
	if took > 10*time.Second {
		t.Errorf("the rescan finished %s after its write, with a poll every minute: River did not hear the insert", took)
	}
	if r.Done != 1 {
		t.Errorf("rescan %+v, want its one article done", r)
	}
	if strings.Contains(logs.String(), "poll only mode") {
		t.Errorf("River runs in poll-only mode:\n%s", logs.String())
	}
}

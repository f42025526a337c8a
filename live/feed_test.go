package live

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"lector/database"
	"lector/database/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// openDB is one "process": its own pool on the shared test database.
func openDB(t testing.TB, url string) *database.DB {
	t.Helper()
	db, err := database.Open(t.Context(), database.Options{URL: url, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	db.SQL.SetMaxOpenConns(4)
	t.Cleanup(func() { db.Close() })
	return db
}

// startFeed runs a feed until the test ends and waits until it listens;
// logs receives its log.
func startFeed(t testing.TB, db *database.DB, poll time.Duration, logs ...io.Writer) *Feed {
	t.Helper()
	w := io.Discard
	if len(logs) > 0 {
		w = logs[0]
	}
	f := NewFeed(db.URL, db.SQL, slog.New(slog.NewTextHandler(w, nil)), 100)
	f.Poll = poll
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { f.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case <-f.Ready():
	case <-time.After(20 * time.Second):
		t.Fatal("feed not ready within 20 s")
	}
	return f
}

// insertEvent appends a segment's audit event in its own transaction.
func insertEvent(t *testing.T, db *gorm.DB, article int64, to string) int64 {
	t.Helper()
	var id int64
	err := db.Raw(`INSERT INTO audit_events (subject_type, subject_id, article_id, action, from_state, to_state)
VALUES ('segment', 1, ?, 'approve', 'corrected', ?) RETURNING id`, article, to).Scan(&id).Error
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func receive(t *testing.T, s *Sub, within time.Duration) Event {
	t.Helper()
	select {
	case e, ok := <-s.C:
		if !ok {
			t.Fatal("subscription closed")
		}
		return e
	case <-time.After(within):
		t.Fatalf("no event within %v", within)
	}
	return Event{}
}

// A change committed by process A reaches a subscriber of process B through
// A's NOTIFY (B's safety poll is too slow to be the carrier here).
func TestFeedAcrossProcesses(t *testing.T) {
	url := dbtest.NewURL(t)
	dbA, dbB := openDB(t, url), openDB(t, url)
	a := startFeed(t, dbA, time.Hour)
	b := startFeed(t, dbB, time.Hour)
	sub, err := b.Hub.Subscribe(ArticleTopic(5))
	if err != nil {
		t.Fatal(err)
	}
	id := insertEvent(t, dbA.Gorm, 5, "approved")
	insertEvent(t, dbA.Gorm, 6, "approved") // another article: not for sub
	a.Changed()
	e := receive(t, sub, 10*time.Second)
	var data map[string]any
	json.Unmarshal(e.Data, &data)
	if e.ID != id || e.Type != "segment" || data["state"] != "approved" || data["article"] != float64(5) {
		t.Errorf("got %+v %s, want event %d, segment, approved in article 5", e, e.Data, id)
	}
	select {
	case e := <-sub.C:
		t.Errorf("unexpected second event %+v", e)
	case <-time.After(300 * time.Millisecond):
	}
}

// Without any NOTIFY, the safety poll still delivers, on the same
// connection (a poll is not a failure that reconnects).
func TestFeedSafetyPoll(t *testing.T) {
	db := openDB(t, dbtest.NewURL(t))
	logs := &dbtest.LockedBuffer{}
	f := startFeed(t, db, 300*time.Millisecond, logs)
	sub, _ := f.Hub.Subscribe(TopicQueue)
	time.Sleep(time.Second) // a few polls with nothing new
	id := insertEvent(t, db.Gorm, 1, "in_progress")
	if e := receive(t, sub, 10*time.Second); e.ID != id {
		t.Errorf("got event %d, want %d", e.ID, id)
	}
	if l := logs.String(); l != "" {
		t.Errorf("the feed logged:\n%s", l)
	}
}

// Many changes in a burst make few NOTIFYs.
func TestFeedCoalesces(t *testing.T) {
	url := dbtest.NewURL(t)
	db := openDB(t, url)
	f := startFeed(t, db, time.Hour)
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(t.Context(), "LISTEN "+Channel); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for range 100 {
		f.Changed()
		time.Sleep(5 * time.Millisecond)
	}
	elapsed := time.Since(start)
	time.Sleep(2 * f.Coalesce)
	n := 0
	for {
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		_, err := conn.WaitForNotification(ctx)
		cancel()
		if err != nil {
			break
		}
		n++
	}
	most := int(elapsed/f.Coalesce) + 2
	if n < 1 || n > most {
		t.Errorf("100 changes over %v made %d NOTIFYs, want 1..%d", elapsed, n, most)
	}
}

// Ids are taken at insert and seen at commit: a row committed after a
// later one is still delivered.
func TestReaderLateCommit(t *testing.T) {
	db := openDB(t, dbtest.NewURL(t))
	conn, err := pgx.Connect(t.Context(), db.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	r := newReader(0)
	if err := r.start(t.Context(), conn); err != nil {
		t.Fatal(err)
	}
	slow := db.Gorm.Begin()
	defer slow.Rollback()
	early := insertEvent(t, slow, 1, "corrected")
	late := insertEvent(t, db.Gorm, 1, "approved")
	rolledBack := db.Gorm.Begin()
	insertEvent(t, rolledBack, 1, "clean")
	rolledBack.Rollback()
	after := insertEvent(t, db.Gorm, 1, "approved")

	got := ids(t, r, conn)
	if want := []int64{late, after}; !equal(got, want) {
		t.Fatalf("first read %v, want %v", got, want)
	}
	if err := slow.Commit().Error; err != nil {
		t.Fatal(err)
	}
	if got, want := ids(t, r, conn), []int64{early}; !equal(got, want) {
		t.Fatalf("after the slow commit %v, want %v", got, want)
	}
	// The rolled-back id is waited for until gapTTL, then forgotten.
	if len(r.gaps) != 1 {
		t.Fatalf("gaps %v, want the rolled-back id", r.gaps)
	}
	r.now = func() time.Time { return time.Now().Add(gapTTL + time.Second) }
	ids(t, r, conn)
	if len(r.gaps) != 0 {
		t.Errorf("gaps %v after gapTTL", r.gaps)
	}
}

func ids(t *testing.T, r *reader, conn *pgx.Conn) []int64 {
	t.Helper()
	rows, err := r.read(t.Context(), conn)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, row := range rows {
		out = append(out, row.ID)
	}
	return out
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Publish reaches every process's subscribers, once.
func TestPublishEphemeral(t *testing.T) {
	url := dbtest.NewURL(t)
	dbA, dbB := openDB(t, url), openDB(t, url)
	startFeed(t, dbA, time.Hour)
	b := startFeed(t, dbB, time.Hour)
	sub, _ := b.Hub.Subscribe("rescan:3")
	err := Publish(t.Context(), dbA.Gorm, Event{Type: "rescan", Topics: []string{"rescan:3"}, Data: json.RawMessage(`{"done":1,"total":8}`)})
	if err != nil {
		t.Fatal(err)
	}
	e := receive(t, sub, 10*time.Second)
	if e.Type != "rescan" || e.ID != 0 || string(e.Data) != `{"done":1,"total":8}` {
		t.Errorf("got %+v %s", e, e.Data)
	}
	for _, bad := range []Event{{Topics: []string{"x"}}, {Type: "x"}, {Type: "x", Topics: []string{"x"}, Data: json.RawMessage(`"` + strings.Repeat("x", maxPayload) + `"`)}} {
		if err := Publish(t.Context(), dbA.Gorm, bad); err == nil {
			t.Errorf("Publish(%.40v) accepted", bad)
		}
	}
}

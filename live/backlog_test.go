package live

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
)

// insertEvents appends n segment events of article in one statement and
// returns their ids in order.
func insertEvents(t *testing.T, db *gorm.DB, article int64, n int) []int64 {
	t.Helper()
	var ids []int64
	err := db.Raw(`INSERT INTO audit_events (subject_type, subject_id, article_id, action, to_state)
SELECT 'segment', g, ?, 'claim', 'in_progress' FROM generate_series(1, ?) g RETURNING id`, article, n).Scan(&ids).Error
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// eventsOf reads rows back as the feed would publish them.
func eventsOf(t *testing.T, db *gorm.DB, ids []int64) []Event {
	t.Helper()
	var rows []auditRow
	if err := db.Raw(`SELECT `+auditColumns+` FROM audit_events WHERE id IN ? ORDER BY id`, ids).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var out []Event
	for _, r := range rows {
		e, _ := eventOf(r)
		out = append(out, e)
	}
	return out
}

// untilID is a response writer that ends its stream's context once the
// event with id want is written.
type untilID struct {
	*httptest.ResponseRecorder
	want   string
	cancel context.CancelFunc
}

func (u *untilID) Write(p []byte) (int, error) {
	n, err := u.ResponseRecorder.Write(p)
	// Each event's id line starts a write of its own (writeEvent).
	if bytes.HasPrefix(p, []byte("id: "+u.want+"\n")) {
		u.cancel()
	}
	return n, err
}

var sentIDs = regexp.MustCompile(`(?m)^id: (\d+)\nevent: (\w+)$`)

// A stream whose subscription overflowed, and a stream resuming after a
// long gap, send every missed event once, in order, read from the log a
// page at a time; a gap beyond the window is one reset.
func TestStreamCatchesUp(t *testing.T) {
	db := openDB(t, dbtest.NewURL(t))
	ids := insertEvents(t, db.Gorm, 7, backlogPage*2+subscriberBuffer)
	other := insertEvents(t, db.Gorm, 8, 3) // another article's: not sent
	evs := eventsOf(t, db.Gorm, ids)
	newest := other[len(other)-1]
	cases := []struct {
		name string
		// start makes the stream's situation: a subscription and what the
		// hub knows; it returns where the browser resumes from.
		start func(h *Hub) (since int64, lag bool)
		want  []int64
		reset bool
	}{
		{"subscription lagged", func(h *Hub) (int64, bool) { return ids[0] - 1, true }, ids, false},
		{"browser resumes", func(h *Hub) (int64, bool) { return ids[0] - 1, false }, ids, false},
		{"browser resumes late in the burst", func(h *Hub) (int64, bool) { return ids[len(ids)-10], false }, ids[len(ids)-9:], false},
		{"beyond the window", func(h *Hub) (int64, bool) { return newest - backlogWindow - 1, false }, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hub := NewHub(10)
			h := &Handlers{DB: db.Gorm, Feed: &Feed{Hub: hub}}
			since, lag := c.start(hub)
			s := &stream{h: h, topics: []string{ArticleTopic(7)}, last: since}
			if lag {
				hub.seen(since)
			} else {
				hub.seen(newest)
			}
			if err := s.subscribe(); err != nil {
				t.Fatal(err)
			}
			if lag {
				// The feed publishes a burst the stream cannot take.
				for _, e := range evs {
					hub.Publish(e)
				}
				hub.seen(newest)
				if !s.sub.Lagged() {
					t.Fatal("the subscription kept up with a burst beyond its buffer")
				}
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			last := strconv.FormatInt(newest, 10)
			if len(c.want) > 0 {
				last = strconv.FormatInt(c.want[len(c.want)-1], 10)
			}
			rec := &untilID{ResponseRecorder: httptest.NewRecorder(), want: last, cancel: cancel}
			s.w = echo.NewResponse(rec, echo.New())
			if !lag {
				first, err := s.firstPage(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if err := s.catchUp(ctx, first); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.run(ctx); err != nil {
				t.Fatal(err)
			}
			if ctx.Err() != context.Canceled {
				t.Fatalf("the stream did not reach event %s within 10 s; sent %.300q", last, rec.Body.String())
			}
			var got []int64
			resets := 0
			for _, m := range sentIDs.FindAllStringSubmatch(rec.Body.String(), -1) {
				id, _ := strconv.ParseInt(m[1], 10, 64)
				if m[2] == "reset" {
					resets++
					if id != newest {
						t.Errorf("reset id %d, want the newest event, %d", id, newest)
					}
					continue
				}
				got = append(got, id)
			}
			if c.reset != (resets == 1) || resets > 1 {
				t.Errorf("%d resets, want reset %v", resets, c.reset)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) && !(len(got) == 0 && len(c.want) == 0) {
				t.Errorf("sent %d events (%v...), want %d in order", len(got), head(got), len(c.want))
			}
		})
	}
}

func head(ids []int64) []int64 { return ids[:min(len(ids), 5)] }

// A resuming stream whose backlog cannot be read is refused before its
// 200, so the page backs off instead of reopening a stream that ends at
// once, and its account's place is given back.
func TestEventsRefusedWhenTheBacklogCannotBeRead(t *testing.T) {
	db := openDB(t, dbtest.NewURL(t))
	hub := NewHub(10)
	hub.seen(100)
	quota := NewQuota(1, 1)
	h := &Handlers{DB: db.Gorm, Feed: &Feed{Hub: hub}, Quota: quota}
	db.SQL.Close()
	req := httptest.NewRequest("GET", Path+"?topic=queue", nil)
	req.Header.Set("Last-Event-ID", "50")
	req = req.WithContext(account.WithPrincipal(req.Context(), &account.Principal{UserID: 1}))
	rec := httptest.NewRecorder()
	c := echo.New().NewContext(req, rec)
	err := h.Events(c)
	if err == nil || c.Response().Committed {
		t.Fatalf("Events answered %d (error %v), want an error before the stream's 200", rec.Code, err)
	}
	if hub.Subscribers() != 0 {
		t.Errorf("%d subscriptions left open", hub.Subscribers())
	}
	release, ok := quota.Acquire(1, "192.0.2.1")
	if !ok {
		t.Fatal("the refused stream kept its account's place")
	}
	release()
}

package server_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"lector/account"
	"lector/live"
	"lector/review/reviewtest"
)

// sseEvent is one parsed server-sent event.
type sseEvent struct{ id, event, data string }

// openStream connects to the event stream and parses events onto a channel,
// closed when the stream ends.
func openStream(t *testing.T, url string, header ...string) (*http.Response, <-chan sseEvent) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	events := make(chan sseEvent, 100)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(res.Body)
		var e sseEvent
		for sc.Scan() {
			line := sc.Text()
			k, v, _ := strings.Cut(line, ": ")
			switch {
			case line == "":
				if e.event != "" {
					events <- e
				}
				e = sseEvent{}
			case k == "id":
				e.id = v
			case k == "event":
				e.event = v
			case k == "data":
				e.data = v
			}
		}
	}()
	return res, events
}

func next(t *testing.T, events <-chan sseEvent, within time.Duration) sseEvent {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("stream ended")
		}
		return e
	case <-time.After(within):
		t.Fatalf("no event within %v", within)
	}
	return sseEvent{}
}

func TestEventsAccess(t *testing.T) {
	base, db, _ := startLive(t)
	tr := reviewtest.User(t, db, "tr@example.org", account.RoleTranslator)
	cases := []struct {
		name, query, bearer string
		status              int
	}{
		{"anonymous", "?topic=queue", "", http.StatusUnauthorized},
		{"translator on review", "?topic=review", reviewtest.Bearer(tr), http.StatusForbidden},
		{"unknown topic", "?topic=secrets", reviewtest.Bearer(tr), http.StatusBadRequest},
		{"no topic", "", reviewtest.Bearer(tr), http.StatusBadRequest},
		{"queue", "?topic=queue", reviewtest.Bearer(tr), http.StatusOK},
		// A user's own topic carries their notification count: theirs alone.
		{"own user topic", fmt.Sprintf("?topic=queue,user:%d", tr.UserID), reviewtest.Bearer(tr), http.StatusOK},
		{"another user's topic", fmt.Sprintf("?topic=user:%d", tr.UserID+1), reviewtest.Bearer(tr), http.StatusForbidden},
		{"user topic without an id", "?topic=user", reviewtest.Bearer(tr), http.StatusBadRequest},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := []string{"Accept", "application/json"}
			if c.bearer != "" {
				h = append(h, "Authorization", "Bearer "+c.bearer)
			}
			res, _ := openStream(t, base+live.Path+c.query, h...)
			if res.StatusCode != c.status {
				t.Errorf("status %d, want %d", res.StatusCode, c.status)
			}
		})
	}
}

// A claim through the API reaches a queue stream; a reconnect with
// Last-Event-ID, or last_event_id, replays it; gzip stays off the stream.
func TestEventsStream(t *testing.T) {
	base, db, _ := startLive(t)
	tr := reviewtest.User(t, db, "tr@example.org", account.RoleTranslator)
	auth := []string{"Authorization", "Bearer " + reviewtest.Bearer(tr), "Accept-Encoding", "gzip"}
	res, events := openStream(t, base+live.Path+"?topic=queue", auth...)
	if ct, ce := res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"); ct != "text/event-stream" || ce != "" {
		t.Fatalf("Content-Type %q, Content-Encoding %q; want text/event-stream, none", ct, ce)
	}
	ready := next(t, events, 5*time.Second)
	if ready.event != "ready" || ready.id == "" {
		t.Fatalf("first event %+v, want ready with an id", ready)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/queue/claim", strings.NewReader(`{}`))
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(tr))
	req.Header.Set("Content-Type", "application/json")
	claim, err := http.DefaultClient.Do(req)
	if err != nil || claim.StatusCode != http.StatusOK {
		t.Fatalf("claim: %v %v", claim.StatusCode, err)
	}
	claim.Body.Close()
	e := next(t, events, 5*time.Second)
	if e.event != "segment" || !strings.Contains(e.data, `"state":"in_progress"`) || !strings.Contains(e.data, `"action":"claim"`) {
		t.Fatalf("after a claim got %+v", e)
	}
	_, again := openStream(t, base+live.Path+"?topic=queue", append(auth, "Last-Event-ID", ready.id)...)
	if r := next(t, again, 5*time.Second); r.id != e.id || r.data != e.data {
		t.Errorf("replay gave %+v, want %+v", r, e)
	}
	// A page's new EventSource cannot send the header: the parameter does.
	_, param := openStream(t, base+live.Path+"?topic=queue&last_event_id="+ready.id, auth...)
	if r := next(t, param, 5*time.Second); r.id != e.id || r.data != e.data {
		t.Errorf("replay after last_event_id gave %+v, want %+v", r, e)
	}
}

// Shutdown ends open streams instead of waiting for them.
func TestEventsShutdown(t *testing.T) {
	base, db, e := startLive(t)
	tr := reviewtest.User(t, db, "tr@example.org", account.RoleTranslator)
	_, events := openStream(t, base+live.Path+"?topic=queue", "Authorization", "Bearer "+reviewtest.Bearer(tr))
	next(t, events, 5*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	if err := e.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown with an open stream: %v after %v", err, time.Since(start))
	}
	select {
	case _, ok := <-events:
		if ok {
			t.Error("an event after shutdown")
		}
	case <-time.After(5 * time.Second):
		t.Error("the stream stayed open after shutdown")
	}
}

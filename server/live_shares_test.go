package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"lector/account"
	"lector/config"
	"lector/live"
	"lector/review/reviewtest"
)

// One account, or one address, cannot take every place of the hub: past its
// share it gets 429 with Retry-After while another user still gets a
// stream, and a closed stream gives its place back.
func TestEventsShares(t *testing.T) {
	cases := []struct {
		name        string
		limits      config.Limits
		first       int // streams the first user opens, all answered 200
		otherStatus int // a second user's stream once the first is refused
	}{
		// Defaults: 8 per account, 32 per address; the hub holds 20.
		{name: "per account", first: config.DefaultStreamsPerAccount, otherStatus: http.StatusOK},
		// All test clients share 127.0.0.1: the address's share refuses
		// the second user too.
		{name: "per address", limits: config.Limits{StreamsPerAccount: 8, StreamsPerAddress: 3}, first: 3,
			otherStatus: http.StatusTooManyRequests},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base, db, _ := startLiveWith(t, c.limits)
			url := base + live.Path + "?topic=queue"
			a := []string{"Authorization", "Bearer " + reviewtest.Bearer(reviewtest.User(t, db, "a@example.org", account.RoleTranslator))}
			b := []string{"Authorization", "Bearer " + reviewtest.Bearer(reviewtest.User(t, db, "b@example.org", account.RoleTranslator))}
			var open []*http.Response
			for i := range c.first {
				res, events := openStream(t, url, a...)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("stream %d: status %d, want 200", i+1, res.StatusCode)
				}
				next(t, events, 5*time.Second)
				open = append(open, res)
			}
			req, _ := http.NewRequest(http.MethodGet, url, nil)
			req.Header.Set(a[0], a[1])
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			if res.StatusCode != http.StatusTooManyRequests { // a stream: its body never ends
				t.Fatalf("stream past the share: status %d, want 429", res.StatusCode)
			}
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" || !strings.Contains(string(body), "live update streams") {
				t.Fatalf("stream past the share: status %d, Retry-After %q, body %s; want 429 with Retry-After and a message",
					res.StatusCode, res.Header.Get("Retry-After"), body)
			}
			if res, _ := openStream(t, url, b...); res.StatusCode != c.otherStatus {
				t.Errorf("another user's stream: status %d, want %d", res.StatusCode, c.otherStatus)
			}
			// The server notices the closed stream when its context ends.
			open[0].Body.Close()
			deadline := time.Now().Add(5 * time.Second)
			for {
				res, _ := openStream(t, url, a...)
				if res.StatusCode == http.StatusOK {
					break
				}
				res.Body.Close()
				if time.Now().After(deadline) {
					t.Fatalf("after closing a stream: status %d, want 200 within 5s", res.StatusCode)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

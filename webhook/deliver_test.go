package webhook_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/rescan"
	"lector/rescan/rescantest"
	"lector/review"
	"lector/review/reviewtest"
	"lector/webhook"
)

// received is one request the test receiver got.
type received struct {
	id, timestamp, signature string
	body                     []byte
	at                       time.Time
}

// flakyReceiver answers 500 to its first request, stalls past the
// delivery timeout on its second, and accepts the third and later ones.
type flakyReceiver struct {
	stall time.Duration
	mu    sync.Mutex
	got   []received
	done  chan struct{} // closed on the first 2xx
}

func (f *flakyReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.got = append(f.got, received{r.Header.Get("webhook-id"), r.Header.Get("webhook-timestamp"),
		r.Header.Get("webhook-signature"), body, time.Now()})
	n := len(f.got)
	f.mu.Unlock()
	switch n {
	case 1:
		w.WriteHeader(http.StatusInternalServerError)
	case 2:
		select {
		case <-time.After(f.stall):
		case <-r.Context().Done():
		}
	default:
		w.WriteHeader(http.StatusNoContent)
		if n == 3 {
			close(f.done)
		}
	}
}

func (f *flakyReceiver) requests() []received {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]received(nil), f.got...)
}

// verify is the receiving side of Standard Webhooks, written from the
// specification rather than from the package: the key is the base64 after
// "whsec_", the signed content "id.timestamp.body", and the header a
// space-separated list of "v1,<base64 HMAC-SHA256>".
func verify(secret string, r received) bool {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(r.id + "." + r.timestamp + "." + string(r.body)))
	want := mac.Sum(nil)
	for _, sig := range strings.Fields(r.signature) {
		version, b64, ok := strings.Cut(sig, ",")
		got, err := base64.StdEncoding.DecodeString(b64)
		if ok && version == "v1" && err == nil && hmac.Equal(got, want) {
			return true
		}
	}
	return false
}

// startJobs runs the process's River client as `lector serve` does, with
// the delivery timings shortened and local receivers allowed.
func startJobs(t *testing.T, db *gorm.DB, opts webhook.Options) *rescan.Queue {
	t.Helper()
	opts.AllowPrivate = true
	return rescantest.Start(t, db, rescan.Options{Webhooks: opts})
}

// TestPublishedVersionReachesAFlakyReceiver is the done
// condition: a published version reaches a receiver that fails twice (a
// 500, then a timeout) with a valid signature on the third attempt, the
// pauses growing, and the log shows all three attempts.
func TestPublishedVersionReachesAFlakyReceiver(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	const timeout, base = 400 * time.Millisecond, 300 * time.Millisecond
	recv := &flakyReceiver{stall: 3 * timeout, done: make(chan struct{})}
	srv := httptest.NewServer(recv)
	t.Cleanup(srv.Close)
	q := startJobs(t, db, webhook.Options{Timeout: timeout, RetryBase: base})

	secret := "whsec_" + base64.StdEncoding.EncodeToString([]byte("a secret of thirty-two bytes!!!!"))
	ep, err := webhook.AddByOperator(ctx, db, webhook.Registration{URL: srv.URL + "/hook",
		Events: []string{webhook.VersionPublished}, Secret: secret}, true)
	if err != nil {
		t.Fatal(err)
	}
	// An endpoint for other events gets nothing.
	if _, err := webhook.AddByOperator(ctx, db, webhook.Registration{URL: srv.URL + "/other",
		Events: []string{webhook.GlossaryChanged}, Secret: secret}, true); err != nil {
		t.Fatal(err)
	}
	editor := reviewtest.User(t, db, "editor@example.org", account.RoleEditor)
	a, err := review.CreateArticle(ctx, db, review.NewChecker(nil), review.NewArticle{Title: "Hooks", Lang: "en", Text: "A clean text."})
	if err != nil {
		t.Fatal(err)
	}
	published := time.Now()
	v, err := review.Publish(ctx, db, editor, a.ID, review.PublishOptions{Events: &webhook.Emitter{Jobs: q}})
	if err != nil {
		t.Fatal(err)
	}

	select {
	case <-recv.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("no successful delivery within 30 s; the receiver got %d requests", len(recv.requests()))
	}
	got := recv.requests()
	t.Logf("attempts at %v", func() (out []time.Duration) {
		for _, r := range got {
			out = append(out, r.at.Sub(published))
		}
		return out
	}())
	if len(got) != 3 {
		t.Fatalf("the receiver got %d requests, want 3 (500, timeout, success)", len(got))
	}
	for i, r := range got {
		if !verify(secret, r) {
			t.Errorf("request %d: the signature %q does not verify", i+1, r.signature)
		}
		if r.id != got[0].id || !strings.HasPrefix(r.id, "msg_") {
			t.Errorf("request %d: webhook-id %q, want the first one's (%q) on every retry", i+1, r.id, got[0].id)
		}
		if ts, err := strconv.ParseInt(r.timestamp, 10, 64); err != nil || time.Since(time.Unix(ts, 0)).Abs() > time.Minute {
			t.Errorf("request %d: webhook-timestamp %q is not the time of sending", i+1, r.timestamp)
		}
	}
	// Exponential backoff: the second pause (after the timeout) is at
	// least twice the base, the first at least the base.
	if d := got[1].at.Sub(got[0].at); d < base {
		t.Errorf("the second attempt came %s after the first, want at least %s", d, base)
	}
	if d := got[2].at.Sub(got[1].at); d < timeout+2*base {
		t.Errorf("the third attempt came %s after the second, want at least the timeout and twice the base (%s)", d, timeout+2*base)
	}
	var msg struct {
		Type      string         `json:"type"`
		Timestamp string         `json:"timestamp"`
		Data      map[string]any `json:"data"`
	}
	if err := json.Unmarshal(got[2].body, &msg); err != nil {
		t.Fatal(err)
	}
	if _, err := time.Parse(time.RFC3339, msg.Timestamp); err != nil || msg.Type != webhook.VersionPublished ||
		msg.Data["article_id"] != float64(a.ID) || msg.Data["version"] != float64(v.Number) {
		t.Errorf("body %s, want a version.published of article %d, version %d, with an RFC 3339 timestamp", got[2].body, a.ID, v.Number)
	}

	// The log, as the admin page reads it, once the last attempt is recorded.
	admin := reviewtest.User(t, db, "admin@example.org", account.RoleAdmin)
	var rows []webhook.LogRow
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if rows, err = webhook.Log(ctx, db, admin); err != nil {
			t.Fatal(err)
		}
		if len(rows) == 1 && rows[0].Status == webhook.StatusDelivered || time.Now().After(deadline) {
			break
		}
	}
	if len(rows) != 1 || rows[0].EndpointID != ep.ID || rows[0].Status != webhook.StatusDelivered || rows[0].Attempts != 3 ||
		rows[0].LastStatus != http.StatusNoContent || rows[0].DeliveredAt == nil {
		t.Fatalf("log %+v, want one delivery to endpoint %d, delivered after 3 attempts", rows, ep.ID)
	}
	var attempts []webhook.Attempt
	db.Where("delivery_id = ?", rows[0].ID).Order("id").Find(&attempts)
	if len(attempts) != 3 || attempts[0].StatusCode != 500 || attempts[1].StatusCode != 0 || attempts[1].Error == "" ||
		attempts[2].StatusCode != http.StatusNoContent || attempts[2].Error != "" {
		t.Errorf("attempts %+v, want 500, a timeout (no status, an error), 204", attempts)
	}

	// "Send again" sends the same message once more.
	if err := webhook.SendAgain(ctx, db, q, editor, rows[0].ID); err == nil {
		t.Error("an editor sent a delivery again; only admins may")
	}
	if err := webhook.SendAgain(ctx, db, q, admin, rows[0].ID); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); len(recv.requests()) < 4; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("sent again, but the receiver got nothing within 10 s")
		}
	}
	if again := recv.requests()[3]; again.id != got[0].id || !verify(secret, again) {
		t.Errorf("sent again with webhook-id %q (want %q), signature valid: %v", again.id, got[0].id, verify(secret, again))
	}
}

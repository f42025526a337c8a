package notification_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/server/servertest"
)

var badge = regexp.MustCompile(`<span class="nav-count" id="notification-count"( hidden)?>(\d+)</span>`)

// TestNotificationsPage: the top bar's badge counts the unread; the page
// lists them; "mark all read" empties the badge; a bad cursor is a 400
// naming it.
func TestNotificationsPage(t *testing.T) {
	w := testworld.New(t)
	base, _ := servertest.Serve(t, w.DB, w.Checker)
	a := w.Article(t, "Badge", 2)
	submit(t, w, w.Tr1, a.ID)

	status, body := reviewtest.Call(t, base, http.MethodGet, "/articles", w.Ed1, "")
	if m := badge.FindStringSubmatch(body); status != http.StatusOK || m == nil || m[1] != "" || m[2] != "1" {
		t.Fatalf("editor's badge: %d %q", status, m)
	}
	_, body = reviewtest.Call(t, base, http.MethodGet, "/articles", w.Tr2, "")
	if m := badge.FindStringSubmatch(body); m == nil || m[1] != " hidden" || m[2] != "0" {
		t.Errorf("badge with nothing unread: %q", m)
	}
	_, body = reviewtest.Call(t, base, http.MethodGet, "/articles", nil, "")
	if strings.Contains(body, `id="notification-count"`) {
		t.Error("anonymous readers get a badge")
	}

	status, body = reviewtest.Call(t, base, http.MethodGet, "/notifications", w.Ed1, "")
	if status != http.StatusOK || !strings.Contains(body, "Corrections wait for review, the first from tr1@example.org") ||
		!strings.Contains(body, `class="notification kind-waiting unread"`) {
		t.Fatalf("notifications page: %d %.3000s", status, body)
	}
	for _, bad := range []string{"abc", "0", "-1", "99999999999999999999"} {
		status, body := reviewtest.Call(t, base, http.MethodGet, "/notifications?before="+bad, w.Ed1, "")
		if status != http.StatusBadRequest || !strings.Contains(body, "before") {
			t.Errorf("before=%s: %d, want 400 naming before", bad, status)
		}
	}
	if status, _ := reviewtest.Call(t, base, http.MethodGet, "/api/v1/notifications?before=x", w.Ed1, ""); status != http.StatusBadRequest {
		t.Errorf("API with a bad cursor: %d", status)
	}
	if status, _ := reviewtest.Call(t, base, http.MethodGet, "/notifications", nil, ""); status == http.StatusOK {
		t.Error("anonymous readers get a notifications page")
	}

	status, loc, _ := reviewtest.Form(t, base, "/notifications/read", w.Ed1, nil)
	if status != http.StatusSeeOther || loc != "/notifications?read=1" {
		t.Fatalf("mark all read: %d to %q", status, loc)
	}
	_, body = reviewtest.Call(t, base, http.MethodGet, loc, w.Ed1, "")
	if m := badge.FindStringSubmatch(body); m == nil || m[1] != " hidden" || !strings.Contains(body, "1 notification marked read.") ||
		strings.Contains(body, "unread\"") {
		t.Errorf("after marking read: badge %q", m)
	}
	status, body = reviewtest.Call(t, base, http.MethodGet, "/api/v1/notifications", w.Ed2, "")
	if status != http.StatusOK || !strings.Contains(body, `"unread":1`) || !strings.Contains(body, `"kind":"waiting"`) {
		t.Errorf("API list: %d %s", status, body)
	}
	status, body = reviewtest.Call(t, base, http.MethodPost, "/api/v1/notifications/read", w.Ed2, "")
	if status != http.StatusOK || body != fmt.Sprintln(`{"marked":1}`) {
		t.Errorf("API mark read: %d %q", status, body)
	}
}

package review_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/account"
	"lector/review/reviewtest"
)

// form posts a form as p and returns the status, the Location and the body.
func form(t *testing.T, base, path string, p *account.Principal, values url.Values) (int, string, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+path, strings.NewReader(values.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if p != nil {
		req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(p))
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location"), string(b)
}

func TestPagesJourney(t *testing.T) {
	w := newWorld(t)
	base, _ := serve(t, w)
	a := w.article(t, "Pages", 2)
	page := func(path string, p *account.Principal, status int, contains ...string) string {
		t.Helper()
		got, body := call(t, base, http.MethodGet, path, p, "")
		if got != status {
			t.Fatalf("GET %s: %d, want %d: %.500s", path, got, status, body)
		}
		for _, s := range contains {
			if !strings.Contains(body, s) {
				t.Errorf("GET %s lacks %q", path, s)
			}
		}
		return body
	}
	page("/queue", nil, 401)
	page("/queue", w.tr1, 200, "Pages", `action="/queue/next"`)
	status, loc, _ := form(t, base, "/queue/next", w.tr1, url.Values{"article": {fmt.Sprint(a.ID)}})
	if status != 303 || !strings.HasPrefix(loc, "/segments/") {
		t.Fatalf("next: %d %s", status, loc)
	}
	segPath := loc
	page(segPath, w.tr1, 200, "Ilon Musk", `data-suggestion="Elon Musk"`, "correction-text", "Apply", "History", "Glossary entries")
	// A stale revision shows both texts.
	status, _, body := form(t, base, segPath+"/corrections", w.tr1, url.Values{"text": {"Elon Musk spoke, mine."}, "revision": {"7"}})
	if status != 409 || !strings.Contains(body, "Elon Musk spoke, mine.") || !strings.Contains(body, `id="conflict"`) {
		t.Fatalf("stale form: %d %.800s", status, body)
	}
	status, loc, _ = form(t, base, segPath+"/corrections", w.tr1, url.Values{"text": {"Elon Musk spoke about topic number 1 today."}, "revision": {"1"}, "comment": {"name"}})
	if status != 303 || !strings.Contains(loc, "submitted=1") {
		t.Fatalf("submit: %d %s", status, loc)
	}
	page(loc, w.tr1, 200, "Your correction was submitted", "submitted a correction")
	page("/review", w.tr1, 403)
	body = page("/review", w.ed1, 200, "<del>Ilon</del><ins>Elon</ins>", "Approve selected")
	id := between(body, `action="/corrections/`, `/approve"`)
	status, loc, _ = form(t, base, "/corrections/"+id+"/approve", w.ed1, nil)
	if status != 303 || !strings.Contains(loc, "approved="+id) {
		t.Fatalf("approve: %d %s", status, loc)
	}
	page(loc, w.ed1, 200, "Approved 1 correction.", `id="propagation"`, "1 other open occurrence",
		`href="/corrections/`+id+`/propagation"`)
	body = page("/corrections/"+id+"/propagation", w.ed1, 200, "<mark>Ilon Musk</mark>", `name="flag"`, " checked>", "1 other open occurrence")
	flag := between(body, `name="flag" value="`, `"`)
	status, loc, _ = form(t, base, "/corrections/"+id+"/propagation", w.ed1, url.Values{"mode": {"pending"}})
	if status != 400 { // nothing ticked
		t.Fatalf("propagate nothing: %d %s", status, loc)
	}
	status, loc, _ = form(t, base, "/corrections/"+id+"/propagation", w.ed1, url.Values{"mode": {"pending"}, "scope": {"page"}, "flag": {flag}})
	if status != 303 || !strings.HasPrefix(loc, "/propagations/") {
		t.Fatalf("propagate: %d %s", status, loc)
	}
	page(loc, w.ed1, 200, "Segments asked: 1 · approved: 0 · left pending: 1 · skipped: 0", "Waits for an editor")
	page(fmt.Sprintf("/articles/%d/activity", a.ID), w.tr1, 200, "approved", "proposed the same fix", "ed1@example.org")
}

func between(s, a, b string) string {
	_, rest, ok := strings.Cut(s, a)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, b)
	return v
}

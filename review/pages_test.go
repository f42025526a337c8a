package review_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"lector/account"
	"lector/review/reviewtest"
)

func TestPagesJourney(t *testing.T) {
	w, base := servedWorld(t)
	a := w.Article(t, "Pages", 2)
	page := func(path string, p *account.Principal, status int, contains ...string) string {
		t.Helper()
		return reviewtest.Page(t, base, path, p, status, contains...)
	}
	page("/queue", nil, 401)
	page("/queue", w.Tr1, 200, "Pages", `action="/queue/next"`)
	status, loc, _ := reviewtest.Form(t, base, "/queue/next", w.Tr1, url.Values{"article": {fmt.Sprint(a.ID)}})
	if status != 303 || !strings.HasPrefix(loc, "/segments/") {
		t.Fatalf("next: %d %s", status, loc)
	}
	segPath := loc
	page(segPath, w.Tr1, 200, "Ilon Musk", `data-suggestion="Elon Musk"`, "correction-text", "Apply", "History", "Glossary entries")
	// A stale revision shows both texts.
	status, _, body := reviewtest.Form(t, base, segPath+"/corrections", w.Tr1, url.Values{"text": {"Elon Musk spoke, mine."}, "revision": {"7"}})
	if status != 409 || !strings.Contains(body, "Elon Musk spoke, mine.") || !strings.Contains(body, `id="conflict"`) {
		t.Fatalf("stale form: %d %.800s", status, body)
	}
	status, loc, _ = reviewtest.Form(t, base, segPath+"/corrections", w.Tr1, url.Values{"text": {"Elon Musk spoke about topic number 1 today."}, "revision": {"1"}, "comment": {"name"}})
	if status != 303 || !strings.Contains(loc, "submitted=1") {
		t.Fatalf("submit: %d %s", status, loc)
	}
	page(loc, w.Tr1, 200, "Your correction was submitted", "submitted a correction")
	page("/review", w.Tr1, 403)
	body = page("/review", w.Ed1, 200, "<del>Ilon</del><ins>Elon</ins>", "Approve selected")
	id := between(body, `action="/corrections/`, `/approve"`)
	status, loc, _ = reviewtest.Form(t, base, "/corrections/"+id+"/approve", w.Ed1, nil)
	if status != 303 || !strings.Contains(loc, "approved="+id) {
		t.Fatalf("approve: %d %s", status, loc)
	}
	page(loc, w.Ed1, 200, "Approved 1 correction.", `id="propagation"`, "1 other open occurrence",
		`href="/corrections/`+id+`/propagation"`)
	body = page("/corrections/"+id+"/propagation", w.Ed1, 200, "<mark>Ilon Musk</mark>", `name="flag"`, " checked>", "1 other open occurrence")
	flag := between(body, `name="flag" value="`, `"`)
	status, loc, _ = reviewtest.Form(t, base, "/corrections/"+id+"/propagation", w.Ed1, url.Values{"mode": {"pending"}})
	if status != 400 { // nothing ticked
		t.Fatalf("propagate nothing: %d %s", status, loc)
	}
	status, loc, _ = reviewtest.Form(t, base, "/corrections/"+id+"/propagation", w.Ed1, url.Values{"mode": {"pending"}, "scope": {"page"}, "flag": {flag}})
	if status != 303 || !strings.HasPrefix(loc, "/propagations/") {
		t.Fatalf("propagate: %d %s", status, loc)
	}
	page(loc, w.Ed1, 200, "Segments asked: 1 · approved: 0 · left pending: 1 · skipped: 0", "Waits for an editor")
	page(fmt.Sprintf("/articles/%d/activity", a.ID), w.Tr1, 200, "approved", "proposed the same fix", "ed1@example.org")
}

func between(s, a, b string) string {
	_, rest, ok := strings.Cut(s, a)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, b)
	return v
}

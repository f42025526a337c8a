package review_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

func TestPagesJourney(t *testing.T) {
	w, base, a := servedArticle(t, "Pages", 2)
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

// TestReachAnySegment: the article page links every segment to its page
// for those who may open it; a translator on an unclaimed flagged
// segment's page works on exactly that segment; editors get the article as
// a grid, the filter kept in the view's links.
func TestReachAnySegment(t *testing.T) {
	w, base, a := servedArticle(t, "Reach", 3)
	loaded, err := review.GetArticle(t.Context(), w.DB, a.ID)
	if err != nil || len(loaded.Segments) != 3 {
		t.Fatalf("article: %v, %d segments", err, len(loaded.Segments))
	}
	get := func(path string, p *account.Principal) string {
		t.Helper()
		return reviewtest.Page(t, base, path, p, http.StatusOK)
	}
	articlePath := fmt.Sprintf("/articles/%d", a.ID)
	for _, tc := range []struct {
		who   string
		p     *account.Principal
		links bool
	}{{"anonymous", nil, false}, {"translator", w.Tr1, true}, {"editor", w.Ed1, true}, {"glossary maintainer", w.Reader, true}} {
		body := get(articlePath, tc.p)
		for _, s := range loaded.Segments {
			link := fmt.Sprintf(`class="seg-link" href="/segments/%d"`, s.ID)
			if strings.Contains(body, link) != tc.links {
				t.Errorf("%s: link to segment %d shown %v, want %v", tc.who, s.ID, !tc.links, tc.links)
			}
		}
		if got := strings.Contains(body, fmt.Sprintf(`href="/articles/%d/activity"`, a.ID)); got != tc.links {
			t.Errorf("%s: activity link shown %v, want %v", tc.who, got, tc.links)
		}
	}

	// The middle segment, flagged and unclaimed: "Work on this segment"
	// claims it, and only it, whatever the queue would hand out first.
	target := loaded.Segments[1]
	segPath := fmt.Sprintf("/segments/%d", target.ID)
	body := get(segPath, w.Tr1)
	claim := fmt.Sprintf(`<form method="post" action="%s/claim" class="claim">`, segPath)
	if !strings.Contains(body, claim) || !strings.Contains(body, "Work on this segment") {
		t.Fatalf("the flagged segment's page offers no claim of itself: %.2000s", body)
	}
	status, loc, _ := reviewtest.Form(t, base, segPath+"/claim", w.Tr1, nil)
	if status != http.StatusSeeOther || loc != segPath+"#correct" {
		t.Fatalf("claim: %d %s", status, loc)
	}
	after, err := review.GetArticle(t.Context(), w.DB, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range after.Segments {
		held := s.LeaseHolderID != nil && *s.LeaseHolderID == w.Tr1.UserID
		if want := s.ID == target.ID; held != want || (s.State == review.StateInProgress) != want {
			t.Errorf("segment %d: state %s, held by the translator %v; want only segment %d claimed", s.ID, s.State, held, target.ID)
		}
	}
	if body := get(segPath, w.Tr1); !strings.Contains(body, `id="correction-text"`) {
		t.Error("after the claim the segment's page has no correction box")
	}
	// The lease rules stay: another translator cannot take it.
	if status, _, _ := reviewtest.Form(t, base, segPath+"/claim", w.Tr2, nil); status != http.StatusConflict {
		t.Errorf("a second translator claiming the held segment: %d, want 409", status)
	}
	if body := get(segPath, w.Tr2); strings.Contains(body, claim) {
		t.Error("the segment another translator holds still offers to work on it")
	}

	// Editors: a grid of the chunk, each row linked; others keep the text.
	grid := get(articlePath+"?view=grid&state=flagged", w.Ed1)
	if !strings.Contains(grid, `<table class="segment-grid" id="segments">`) {
		t.Fatalf("the editor's grid view has no grid: %.2000s", grid)
	}
	if n := strings.Count(grid, `<tr class="segment state-`); n != 2 { // the claimed one is in progress
		t.Errorf("grid of flagged segments has %d rows, want 2", n)
	}
	for _, want := range []string{fmt.Sprintf(`<td><a href="/segments/%d"`, loaded.Segments[0].ID), `<th scope="col">Target</th>`,
		`<th scope="col">State</th>`, `<th scope="col">Open flags</th>`, `<span class="flag-kinds">Name</span>`,
		`name="view" value="grid"`, fmt.Sprintf(`href="/articles/%d?state=flagged" id="view-text"`, a.ID)} {
		if !strings.Contains(grid, want) {
			t.Errorf("grid lacks %q", want)
		}
	}
	for _, p := range []*account.Principal{nil, w.Tr1} {
		if body := get(articlePath+"?view=grid", p); strings.Contains(body, "segment-grid") || strings.Contains(body, `id="view-grid"`) {
			t.Error("a non-editor gets the grid or its switch")
		}
	}
}

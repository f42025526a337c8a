package review_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

// TestReachAnySegment: the article page links every segment to its page
// for those who may open it; a translator on an unclaimed flagged
// segment's page works on exactly that segment; editors get the article as
// a grid, the filter kept in the view's links.
func TestReachAnySegment(t *testing.T) {
	w, base := servedWorld(t)
	a := w.Article(t, "Reach", 3)
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

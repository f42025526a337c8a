package review_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"lector/comment"
	"lector/review/reviewtest"
)

var (
	eventRE = regexp.MustCompile(`<li class="event action-([a-z_]+)"`)
	nextRE  = regexp.MustCompile(`<a href="([^"]+)" rel="next"`)
	prevRE  = regexp.MustCompile(`<a href="([^"]+)" rel="prev"`)
)

// TestActivityPages: the Activity page shows 50 events a page, newest
// first, with Next and Previous by keyset cursors that keep the filters;
// action and actor filter; a bad parameter is a 400 naming it.
func TestActivityPages(t *testing.T) {
	w, base, a := servedArticle(t, "Busy", 1)
	var seg int64
	if err := w.DB.Raw(`SELECT id FROM segments WHERE article_id = ?`, a.ID).Scan(&seg).Error; err != nil {
		t.Fatal(err)
	}
	for i := range 70 {
		p := w.Tr1
		if i%2 == 1 {
			p = w.Ed1
		}
		if _, err := comment.Post(context.Background(), w.DB, p, seg, fmt.Sprintf("note %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	path := fmt.Sprintf("/articles/%d/activity", a.ID)
	get := func(u string) string {
		t.Helper()
		status, body := reviewtest.Call(t, base, http.MethodGet, u, w.Tr2, "")
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %.300s", u, status, body)
		}
		return body
	}
	comments := func(body string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`<p class="comment-body">(note \d+)</p>`).FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	first := get(path)
	if n := len(eventRE.FindAllString(first, -1)); n != 50 {
		t.Fatalf("first page: %d events, want 50", n)
	}
	if c := comments(first); c[0] != "note 69" || c[49] != "note 20" {
		t.Errorf("first page runs %s … %s, want note 69 … note 20", c[0], c[49])
	}
	if prevRE.MatchString(first) {
		t.Error("the first page links to a previous one")
	}
	next := nextRE.FindStringSubmatch(first)
	if next == nil {
		t.Fatal("no next page")
	}
	second := get(html.UnescapeString(next[1]))
	// 20 comments and the article's creation.
	if n, c := len(eventRE.FindAllString(second, -1)), comments(second); n != 21 || c[0] != "note 19" || nextRE.MatchString(second) {
		t.Errorf("second page: %d events from %v, next %v; want 21 from note 19, no next", n, c[0], nextRE.MatchString(second))
	}
	prev := prevRE.FindStringSubmatch(second)
	if prev == nil {
		t.Fatal("the second page links to no previous one")
	}
	if back := get(html.UnescapeString(prev[1])); strings.Join(comments(back), ",") != strings.Join(comments(first), ",") {
		t.Error("previous from the second page is not the first page")
	}

	filtered := get(path + "?action=comment&actor=ED1@example.org")
	c := comments(filtered)
	if len(c) != 35 || c[0] != "note 69" || len(eventRE.FindAllString(filtered, -1)) != 35 || nextRE.MatchString(filtered) {
		t.Errorf("ed1's comments: %d, first %v", len(c), c)
	}
	if got := comments(get(path + "?action=create")); len(got) != 0 || !strings.Contains(get(path+"?action=create"), `action-create`) {
		t.Errorf("action=create shows comments %v", got)
	}
	// Filters travel with the cursor.
	page1 := get(path + "?action=comment")
	if m := nextRE.FindStringSubmatch(page1); m == nil || !strings.Contains(m[1], "action=comment") {
		t.Errorf("the filtered page's next link %v loses the filter", m)
	}

	for _, tc := range []struct{ query, field string }{
		{"?action=bogus", "action"},
		{"?actor=" + strings.Repeat("a", 300), "actor"},
		{"?after=not-a-cursor", "after"},
		{"?before=%7B%7D", "before"},
		{"?after=eyJpIjoxfQ&before=eyJpIjoxfQ", "before"},
		{"?after=eyJzIjoieCIsImkiOjF9", "after"}, // a title cursor
	} {
		status, body := reviewtest.Call(t, base, http.MethodGet, path+tc.query, w.Tr2, "")
		if status != http.StatusBadRequest || !strings.Contains(body, "“"+tc.field+"”") {
			t.Errorf("%s: %d, want 400 naming %s: %.400s", tc.query, status, tc.field, body)
		}
	}
	if status, _ := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/articles/%d/activity", a.ID+1000), w.Tr2, ""); status != http.StatusNotFound {
		t.Errorf("an unknown article's activity: %d", status)
	}
}

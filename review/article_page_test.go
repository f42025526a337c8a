package review_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"lector/review"
	"lector/review/reviewtest"
)

var segmentIDRe = regexp.MustCompile(`id="segment-(\d+)" data-position="(\d+)"`)

// positions lists the data-position of every segment a page shows.
func positions(page string) []string {
	var out []string
	for _, m := range segmentIDRe.FindAllStringSubmatch(page, -1) {
		out = append(out, m[2])
	}
	return out
}

func TestArticlePageChunksAndFilters(t *testing.T) {
	w, base, a := servedArticle(t, "Long", 250)
	segs := w.segments(t, a.ID)
	dismissed(t, w, w.Ed1, w.Ed2, segs[5].Flags[0].ID, "quoted on purpose")
	path := fmt.Sprintf("/articles/%d", a.ID)
	get := func(query string, status int, header ...string) string {
		t.Helper()
		got, body := reviewtest.Call(t, base, http.MethodGet, path+query, nil, "", header...)
		if got != status {
			t.Fatalf("GET %s: %d, want %d: %.300s", query, got, status, body)
		}
		return body
	}
	page := get("", 200)
	if p := positions(page); len(p) != review.ArticleChunk || p[0] != "0" || p[99] != "99" {
		t.Errorf("first page shows %d segments (%v...)", len(p), p[:min(3, len(p))])
	}
	for _, want := range []string{`class="bar bar-flagged" max="250" value="249"`, `class="bar bar-clean" max="250" value="1"`,
		`href="/articles/` + fmt.Sprint(a.ID) + `?from=100" hx-get=`, `<option value="glossary-variant">glossary-variant (249)</option>`,
		"250 segments", "249 flags"} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	// htmx asks for the next chunk and gets only the fragment.
	chunk := get("?from=100", 200, "HX-Request", "true")
	if strings.Contains(chunk, "<html") || !strings.Contains(chunk, `?from=200"`) {
		t.Errorf("chunk is not a fragment with the next link: %.300s", chunk)
	}
	if p := positions(chunk); len(p) != 100 || p[0] != "100" {
		t.Errorf("second chunk %d segments from %v", len(p), p[:1])
	}
	last := get("?from=200", 200)
	if p := positions(last); len(p) != 50 || strings.Contains(last, `id="more"`) || !strings.Contains(last, `id="from-start"`) {
		t.Errorf("last chunk %d segments, more link %v", len(p), strings.Contains(last, `id="more"`))
	}
	cases := []struct {
		query     string
		positions []string
		matching  string
	}{
		{"?state=clean", []string{"5"}, "1 of 250 segments matches"},
		{"?state=flagged&q=NUMBER+42+", []string{"41"}, "1 of 250 segments matches"},
		{"?kind=typography", nil, "0 of 250 segments match"},
		{"?check=glossary-variant&q=number+2", nil, "of 250 segments match"},
		{"?q=100%25", nil, "0 of 250"},
		{"?q=topic_number", nil, "0 of 250"},
		{"?kind=name&q=number+25+today", []string{"24"}, "1 of 250"},
	}
	for _, c := range cases {
		body := get(c.query, 200)
		got := positions(body)
		if c.positions != nil && strings.Join(got, ",") != strings.Join(c.positions, ",") || !strings.Contains(body, c.matching) {
			t.Errorf("%s: positions %v, want %v; matching line %q wanted", c.query, got, c.positions, c.matching)
		}
		if len(got) == 0 && !strings.Contains(body, `id="no-match"`) {
			t.Errorf("%s: no segment and no notice", c.query)
		}
	}
	// number 2, 20..29, 200..250 minus the dismissed one (position 5 is "number 6").
	if got := positions(get("?check=glossary-variant&q=number+2", 200)); len(got) != 1+10+51 {
		t.Errorf("check+search: %d segments", len(got))
	}
	for _, bad := range []string{"?state=bogus", "?kind=bogus", "?q=" + strings.Repeat("x", review.MaxSearchRunes+1)} {
		get(bad, 400)
	}
	get("?from=-5", 200)
	if past := get("?state=flagged&from=400", 200); !strings.Contains(past, "249 of 250 segments match") || !strings.Contains(past, `id="no-match"`) {
		t.Error("a filtered page past the last match lost the count")
	}
}

package review_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"lector/account"
	"lector/comment"
	"lector/review"
	"lector/review/reviewtest"
)

// listPage is one page of a list as a person sees it.
type listPage struct {
	Rows       []string // the rows' titles, in order
	Prev, Next string   // the pager's links; empty: none
	Body       string
}

var pagerLink = regexp.MustCompile(`<a href="([^"]*)" rel="(prev|next)"`)

// getList fetches path as p and reads its rows with rowRe (whose first
// group is the row's title) and its pager.
func getList(t *testing.T, base, path string, p *account.Principal, rowRe *regexp.Regexp) listPage {
	t.Helper()
	status, body := reviewtest.Call(t, base, http.MethodGet, path, p, "")
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d: %.500s", path, status, body)
	}
	out := listPage{Body: body}
	for _, m := range rowRe.FindAllStringSubmatch(body, -1) {
		out.Rows = append(out.Rows, m[1])
	}
	for _, m := range pagerLink.FindAllStringSubmatch(body, -1) {
		if m[2] == "prev" {
			out.Prev = html.UnescapeString(m[1])
		} else {
			out.Next = html.UnescapeString(m[1])
		}
	}
	return out
}

func titles(from, to, step int) []string {
	var out []string
	for i := from; step > 0 && i <= to || step < 0 && i >= to; i += step {
		out = append(out, fmt.Sprintf("Article %05d", i))
	}
	return out
}

func sameRows(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: got %d rows %v, want %d rows %v", what, len(got), got, len(want), want)
	}
}

// Walking a list: the first page, the next ones, the last, back again, and
// a page past the end, for every list and its sorts and filters.
func TestListPagesWalk(t *testing.T) {
	w, base := servedWorld(t)
	w.BulkLists(t, 120)
	articleRow := regexp.MustCompile(`<td><a href="/articles/\d+">([^<]+)</a></td>`)
	reviewRow := regexp.MustCompile(`<a href="/segments/\d+">([^<]+)</a></label>`)
	// The review list's article titles repeat its articles' order: one
	// pending correction per article, created with it.
	for _, tc := range []struct {
		name   string
		path   string
		who    *account.Principal
		row    *regexp.Regexp
		first  []string // the first page
		second []string
		last   []string // the third and last page
	}{
		{"articles newest", "/articles", w.Reader, articleRow, titles(120, 71, -1), titles(70, 21, -1), titles(20, 1, -1)},
		{"articles oldest", "/articles?sort=oldest", w.Reader, articleRow, titles(1, 50, 1), titles(51, 100, 1), titles(101, 120, 1)},
		{"articles by title", "/articles?sort=title", w.Reader, articleRow, titles(1, 50, 1), titles(51, 100, 1), titles(101, 120, 1)},
		{"queue", "/queue", w.Tr1, articleRow, titles(1, 50, 1), titles(51, 100, 1), titles(101, 120, 1)},
		{"queue newest", "/queue?sort=newest", w.Tr1, articleRow, titles(120, 71, -1), titles(70, 21, -1), titles(20, 1, -1)},
		{"queue by title", "/queue?sort=title", w.Tr1, articleRow, titles(1, 50, 1), titles(51, 100, 1), titles(101, 120, 1)},
		{"review", "/review", w.Ed1, reviewRow, titles(1, 50, 1), titles(51, 100, 1), titles(101, 120, 1)},
		{"review newest", "/review?sort=newest", w.Ed1, reviewRow, titles(120, 71, -1), titles(70, 21, -1), titles(20, 1, -1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Forward to the last page, then back: each step opens the
			// link of the step before (its next, or with back its prev).
			var pages []listPage
			link := tc.path
			for _, st := range []struct {
				rows, pager string // the step's names in the rows' and the pager's messages
				want        []string
				prev, next  bool // the pager links a previous, a next page
				back        bool // the next step follows prev
			}{
				{"first page", "first page", tc.first, false, true, false},
				{"next page", "second page", tc.second, true, true, false},
				{"last page", "last page", tc.last, true, false, true},
				{"previous of the last", "previous page", tc.second, true, true, true},
			} {
				page := getList(t, base, link, tc.who, tc.row)
				sameRows(t, st.rows, page.Rows, st.want)
				if (page.Prev != "") != st.prev || (page.Next != "") != st.next {
					t.Fatalf("%s links prev %q, next %q", st.pager, page.Prev, page.Next)
				}
				pages = append(pages, page)
				if link = page.Next; st.back {
					link = page.Prev
				}
			}
			p2 := pages[1]
			front := getList(t, base, link, tc.who, tc.row)
			sameRows(t, "previous of the second", front.Rows, tc.first)
			if front.Prev != "" {
				t.Errorf("the first page, reached backwards, links a previous page: %q", front.Prev)
			}
			// A page whose rows are gone (here: filtered away) shows
			// nothing and links back to the first page.
			gone := getList(t, base, p2.Next+"&q=nothing-matches", tc.who, tc.row)
			if len(gone.Rows) != 0 || gone.Next != "" || !strings.Contains(gone.Prev, "q=nothing-matches") ||
				strings.Contains(gone.Prev, "after=") || strings.Contains(gone.Prev, "before=") {
				t.Errorf("empty page: rows %v, prev %q, next %q", gone.Rows, gone.Prev, gone.Next)
			}
		})
	}
}

// Filters and searches narrow every list, the review list counts each
// item's open flags and offers select-all, and bad parameters are refused
// with 400 naming the parameter.
func TestListPagesFiltersAndRefusals(t *testing.T) {
	w, base := servedWorld(t)
	w.BulkLists(t, 30)
	articleRow := regexp.MustCompile(`<td><a href="/articles/\d+">([^<]+)</a></td>`)
	reviewRow := regexp.MustCompile(`<a href="/segments/\d+">([^<]+)</a></label>`)
	// Article 00010 gets two more open flags on its corrected segment.
	if err := w.DB.Exec(`INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, confidence, status)
SELECT s.id, 'name', 'name_fuzzy', 0, 1, 'x', 0.9, 'open' FROM segments s JOIN articles a ON a.id = s.article_id, generate_series(1, 2)
WHERE a.title = 'Article 00010' AND s.state = 'corrected'`).Error; err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		who  *account.Principal
		row  *regexp.Regexp
		want []string
	}{
		{"/articles?q=article+0001&sort=oldest", w.Reader, articleRow, titles(10, 19, 1)},
		{"/articles?lang=de&q=0002", w.Reader, articleRow, []string{"Article 00027", "Article 00024", "Article 00021"}},
		{"/articles?q=100%25", w.Reader, articleRow, nil}, // the wildcard is a literal percent sign
		{"/articles?state=done", w.Reader, articleRow, nil},
		{"/articles?state=corrected&lang=en&q=0000&sort=title", w.Reader, articleRow,
			[]string{"Article 00001", "Article 00002", "Article 00004", "Article 00005", "Article 00007", "Article 00008"}},
		{"/queue?lang=de&sort=title&q=0001", w.Tr1, articleRow, []string{"Article 00012", "Article 00015", "Article 00018"}},
		{"/review?lang=de&q=0002&sort=newest", w.Ed1, reviewRow, []string{"Article 00027", "Article 00024", "Article 00021"}},
	} {
		got := getList(t, base, tc.path, tc.who, tc.row)
		sameRows(t, tc.path, got.Rows, tc.want)
		if len(tc.want) == 0 && !strings.Contains(got.Body, "Nothing matches this search") {
			t.Errorf("%s: no rows and no word saying so", tc.path)
		}
	}
	body := getList(t, base, "/review?q=article+00010", w.Ed1, reviewRow).Body
	if !strings.Contains(body, "2 open flags") || !strings.Contains(body, `id="select-all" data-select-all="approve-many"`) {
		t.Errorf("the review item lacks its open flags or the page its select-all: %.3000s", body)
	}
	other := review.Cursor{At: 1, ID: 5}.String()
	for _, tc := range []struct{ path, param string }{
		{"/articles?after=not-a-cursor", "after"},
		{"/articles?before=" + review.Cursor{ID: 0}.String(), "before"},
		{"/articles?sort=title&after=" + other, "after"}, // a time where a title belongs
		{"/queue?before=" + other, "before"},
		{"/articles?after=" + other + "&before=" + other, "before"},
		{"/articles?sort=popular", "sort"},
		{"/articles?state=lost", "state"},
		{"/queue?state=flagged", "state"}, // the queue has no state filter
		{"/review?lang=e%20n", "lang"},
		{"/review?q=a%0Ab", "q"},
		{"/queue?q=" + strings.Repeat("x", 201), "q"},
	} {
		who := map[string]*account.Principal{"/articles": w.Reader, "/queue": w.Tr1, "/review": w.Ed1}[tc.path[:strings.IndexAny(tc.path, "?")]]
		status, body := reviewtest.Call(t, base, http.MethodGet, tc.path, who, "")
		if status != http.StatusBadRequest || !strings.Contains(body, "“"+tc.param+"”") {
			t.Errorf("GET %s: %d, want 400 naming %q: %.300s", tc.path, status, tc.param, between(body, "<main", "</main>"))
		}
	}
}

// A page's own counts (the path without a SummaryCache) agree with the
// whole list's.
func TestArticleRowsCountLikeListArticles(t *testing.T) {
	w := newWorld(t)
	w.BulkLists(t, 60)
	ctx := context.Background()
	all, err := review.ListArticles(ctx, w.DB)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := review.ArticleRows(ctx, w.DB, review.ListQuery{Sort: "newest"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != review.ListPageSize+1 {
		t.Fatalf("%d rows, want a page and one more", len(rows))
	}
	for i, r := range rows {
		if r.ArticleSummary != all[i] || r.Segments != 2 || r.Flagged != 1 || r.Corrected != 1 || r.OpenFlags != 1 {
			t.Errorf("row %d: %+v, the whole list has %+v", i, r.ArticleSummary, all[i])
		}
	}
}

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

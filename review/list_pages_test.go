package review_test

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"lector/account"
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
	w := newWorld(t)
	base, _ := serve(t, w)
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
			p1 := getList(t, base, tc.path, tc.who, tc.row)
			sameRows(t, "first page", p1.Rows, tc.first)
			if p1.Prev != "" || p1.Next == "" {
				t.Fatalf("first page links prev %q, next %q", p1.Prev, p1.Next)
			}
			p2 := getList(t, base, p1.Next, tc.who, tc.row)
			sameRows(t, "next page", p2.Rows, tc.second)
			if p2.Prev == "" || p2.Next == "" {
				t.Fatalf("second page links prev %q, next %q", p2.Prev, p2.Next)
			}
			p3 := getList(t, base, p2.Next, tc.who, tc.row)
			sameRows(t, "last page", p3.Rows, tc.last)
			if p3.Prev == "" || p3.Next != "" {
				t.Fatalf("last page links prev %q, next %q", p3.Prev, p3.Next)
			}
			back := getList(t, base, p3.Prev, tc.who, tc.row)
			sameRows(t, "previous of the last", back.Rows, tc.second)
			if back.Prev == "" || back.Next == "" {
				t.Fatalf("previous page links prev %q, next %q", back.Prev, back.Next)
			}
			front := getList(t, base, back.Prev, tc.who, tc.row)
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

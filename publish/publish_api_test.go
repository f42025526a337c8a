package publish_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/review/reviewtest"
)

func TestPublishAPI(t *testing.T) {
	w := newWorld(t)
	base, _ := serve(t, w)
	a := w.Article(t, "API", 2)
	c := w.approved(t, w.Tr1, w.Ed1, a)
	w.correct(t, w.Tr2, a) // pending
	path := fmt.Sprintf("/api/v1/articles/%d/versions", a.ID)

	tests := []struct {
		name   string
		body   string
		status int
		want   string // in the body
	}{
		{"no body, corrections pending", "", 409, `"pending":1`},
		{"pending, not partial", `{"partial":false}`, 409, `Decisions still pending: 1 (corrections or “not a mistake” proposals).`},
		{"unknown field", `{"partial":true,"number":9}`, 400, `number`},
		{"partial", `{"partial":true,"note":"first cut"}`, 201, `"number":1`},
		{"partial again", `{"partial":true}`, 201, `"number":2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := reviewtest.Call(t, base, http.MethodPost, path, w.Ed2, tt.body)
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%d %s; want %d with %s", status, body, tt.status, tt.want)
			}
		})
	}
	for _, tt := range []struct {
		name, method, path string
		status             int
	}{
		{"translator publishes", http.MethodPost, path, 403},
		{"no such article", http.MethodPost, "/api/v1/articles/999999/versions", 404},
		{"list of a missing article", http.MethodGet, "/api/v1/articles/999999/versions", 404},
		{"no such version", http.MethodGet, path + "/1/diff/7", 404},
		{"not a number", http.MethodGet, path + "/one/diff/2", 404},
		{"negative", http.MethodGet, path + "/-1/diff/2", 404},
	} {
		p := w.Ed1
		if strings.HasPrefix(tt.name, "translator") {
			p = w.Tr1
		}
		if status, body := reviewtest.Call(t, base, tt.method, tt.path, p, `{"partial":true}`); status != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, status, body, tt.status)
		}
	}

	status, body := reviewtest.Call(t, base, http.MethodGet, path, w.Tr1, "")
	var list struct {
		Versions []map[string]any
	}
	if err := json.Unmarshal([]byte(body), &list); status != 200 || err != nil || len(list.Versions) != 2 {
		t.Fatalf("list: %d %s", status, body)
	}
	v1 := list.Versions[1]
	for _, key := range []string{"number", "published_by", "published_by_name", "published_at", "partial", "note"} {
		if _, ok := v1[key]; !ok {
			t.Errorf("a listed version lacks %q: %v", key, v1)
		}
	}
	if v1["number"] != 1.0 || v1["partial"] != true || v1["note"] != "first cut" || v1["published_by_name"] != "ed2@example.org" {
		t.Errorf("version 1 listed as %v", v1)
	}

	status, body = reviewtest.Call(t, base, http.MethodGet, path+"/0/diff/1", w.Tr1, "")
	var d struct {
		Article, From, To, Changed int
		Segments                   []struct {
			Position, Paragraph int
			Changed             bool
			Ops                 []struct{ Op, Text string }
			Corrections         []struct {
				ID               int64
				Segment          int64
				Side             string
				Author, Approver struct {
					ID   int64
					Name string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &d); status != 200 || err != nil {
		t.Fatalf("diff: %d %s", status, body)
	}
	if d.Article != int(a.ID) || d.From != 0 || d.To != 1 || d.Changed != 1 || len(d.Segments) != 2 || !d.Segments[0].Changed {
		t.Fatalf("diff %+v", d)
	}
	s := d.Segments[0]
	if s.Ops[0].Op != "delete" || s.Ops[0].Text != "Ilon" || s.Ops[1].Op != "insert" || s.Ops[1].Text != "Elon" {
		t.Errorf("ops %+v", s.Ops)
	}
	if len(s.Corrections) != 1 || s.Corrections[0].ID != c.ID || s.Corrections[0].Side != "to" || s.Corrections[0].Segment != c.SegmentID ||
		s.Corrections[0].Author.Name != "tr1@example.org" || s.Corrections[0].Approver.Name != "ed1@example.org" {
		t.Errorf("corrections %+v", s.Corrections)
	}
}

func TestPublishPages(t *testing.T) {
	w := newWorld(t)
	base, _ := serve(t, w)
	a := w.Article(t, "Pages", 2)
	c := w.approved(t, w.Tr1, w.Ed1, a)
	w.correct(t, w.Tr2, a)
	page := func(path string, status int, contains ...string) string {
		t.Helper()
		return reviewtest.Page(t, base, path, w.Ed1, status, contains...)
	}
	versions := fmt.Sprintf("/articles/%d/versions", a.ID)
	page(fmt.Sprintf("/articles/%d", a.ID), 200, `id="article-versions"`, "nothing published yet", `href="`+versions+`#publish-h"`)
	page(versions, 200, "Nothing has been published yet.", `id="publish-pending"`, "1 decision (a correction or a “not a mistake”) still waits for an editor", `name="partial"`)

	// Without the box: asked again (409), the note kept; with it: published.
	status, _, body := reviewtest.Form(t, base, versions, w.Ed1, url.Values{"note": {"morning edition"}})
	if status != 409 || !strings.Contains(body, `id="publish-confirm"`) || !strings.Contains(body, `value="morning edition"`) {
		t.Fatalf("publish with pending corrections: %d %.800s", status, body)
	}
	if status, _, _ := reviewtest.Form(t, base, versions, w.Tr1, url.Values{"partial": {"1"}}); status != 403 {
		t.Errorf("a translator's publish form: %d, want 403", status)
	}
	status, loc, _ := reviewtest.Form(t, base, versions, w.Ed1, url.Values{"partial": {"1"}, "note": {"morning edition"}})
	if status != 303 || loc != versions+"/1?published=1" {
		t.Fatalf("publish: %d %s", status, loc)
	}
	page(loc, 200, "Version 1 is published.", "partial", "morning edition", "Elon Musk spoke about topic number 1 today.",
		`href="/api/v1/articles/`+fmt.Sprint(a.ID)+`/versions/1?format=xliff"`, `id="diff-mt"`)
	page(versions, 200, `id="version-1"`, "ed1@example.org", "1 / 2", `href="`+versions+`/0/diff/1"`)
	page(fmt.Sprintf("/articles/%d", a.ID), 200, "latest: version 1,")

	diff := page(versions+"/0/diff/1", 200, "1 segment changed", `<del><a class="change" href="/segments/`, `>Ilon</a></del>`,
		`>Elon</a></ins>`, "correction #"+fmt.Sprint(c.ID)+" by tr1@example.org, approved by ed1@example.org", `id="view-side" aria-current="page"`)
	if strings.Contains(diff, "diff-inline") {
		t.Error("the side-by-side view shows the inline one")
	}
	page(versions+"/0/diff/1?view=inline", 200, `class="text diff-inline"`, `id="view-inline" aria-current="page"`)
	page(versions+"/1/diff/4", 404)
	status, loc, _ = func() (int, string, string) {
		req, _ := http.NewRequest(http.MethodGet, base+versions+"/compare?from=1&to=0", nil)
		req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(w.Ed1))
		res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode, res.Header.Get("Location"), ""
	}()
	if status != 303 || loc != versions+"/1/diff/0" {
		t.Errorf("compare: %d %s", status, loc)
	}
	if got, _ := reviewtest.Call(t, base, http.MethodGet, versions, nil, ""); got != 401 {
		t.Errorf("versions page for anonymous: %d, want 401", got)
	}
}

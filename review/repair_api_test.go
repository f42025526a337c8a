package review_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/review/reviewtest"
)

func TestRepairAPI(t *testing.T) {
	w, base := servedWorld(t)
	a, segs := w.broken(t)
	mergePath := fmt.Sprintf("/api/v1/segments/%d/merge", segs[0].ID)
	body := fmt.Sprintf(`{"revision": %d, "next_revision": %d}`, segs[0].Revision, segs[1].Revision)
	cases := []struct {
		name, path, body string
		who              string
		status           int
		contains         string
	}{
		{"anonymous", mergePath, body, "", 401, `"unauthorized"`},
		{"translator", mergePath, body, "tr1", 403, `"forbidden"`},
		{"unknown field", mergePath, `{"revision": 1, "next_revision": 1, "text": "x"}`, "ed1", 400, `"invalid"`},
		{"no next revision", mergePath, `{"revision": 1}`, "ed1", 400, "next_revision"},
		{"stale next", mergePath, `{"revision": 1, "next_revision": 5}`, "ed1", 409, `"current"`},
		{"unknown segment", "/api/v1/segments/999999/merge", body, "ed1", 404, `"not_found"`},
		{"split bad offset", fmt.Sprintf("/api/v1/segments/%d/split", segs[2].ID), `{"revision": 1, "offset": 0}`, "ed1", 400, "Offset 0"},
		{"split stale", fmt.Sprintf("/api/v1/segments/%d/split", segs[2].ID), `{"revision": 3, "offset": 4}`, "ed1", 409, `"revision":1`},
		{"merge", mergePath, body, "ed1", 200, `"mt_text":"SpaceX won a secret contract for the amount of $ 1.8 billion in 2021`},
		{"merge again, stale", mergePath, body, "ed1", 409, "changed meanwhile"},
		{"split", fmt.Sprintf("/api/v1/segments/%d/split", segs[2].ID), `{"revision": 1, "offset": 10}`, "ed1", 200, `"mt_text":"did not answer."`},
	}
	for _, c := range cases {
		p := w.Ed1
		switch c.who {
		case "":
			p = nil
		case "tr1":
			p = w.Tr1
		}
		status, got := reviewtest.Call(t, base, http.MethodPost, c.path, p, c.body)
		if status != c.status || !strings.Contains(got, c.contains) {
			t.Errorf("%s: %d %.300s, want %d with %q", c.name, status, got, c.status, c.contains)
		}
	}
	status, got := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/api/v1/segments/%d/history", segs[0].ID), w.Ed1, "")
	if status != 200 || !strings.Contains(got, `"action":"merge"`) {
		t.Errorf("history: %d %.300s", status, got)
	}
	var res struct {
		Segments []struct {
			Position int    `json:"position"`
			MTText   string `json:"mt_text"`
		} `json:"segments"`
	}
	_, got = reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/api/v1/articles/%d/segments", a.ID), w.Ed1, "")
	if err := json.Unmarshal([]byte(got), &res); err != nil {
		t.Fatalf("%v: %.300s", err, got)
	}
	list := res.Segments
	for i, s := range list {
		if s.Position != i {
			t.Errorf("segment %d at position %d: %q", i, s.Position, s.MTText)
		}
	}
	if len(list) != len(segs) || list[1].MTText != "Ilon Musk" || list[2].MTText != "did not answer." {
		t.Errorf("segments after merge and split: %+v", list)
	}
}

func TestRepairForms(t *testing.T) {
	w, base := servedWorld(t)
	a, segs := w.broken(t)
	// The segment page offers the join first, with both revisions.
	status, page := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/segments/%d", segs[0].ID), w.Ed1, "")
	if status != 200 || !strings.Contains(page, `id="merge"`) || !strings.Contains(page, "Join with the next segment") ||
		!strings.Contains(page, fmt.Sprintf(`name="next_revision" value="%d"`, segs[1].Revision)) || !strings.Contains(page, `id="split-offset"`) {
		t.Errorf("segment page lacks the repair offer: %d", status)
	}
	// Translators see no repair.
	if _, page := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/segments/%d", segs[0].ID), w.Tr1, ""); strings.Contains(page, `id="repair"`) {
		t.Error("a translator is offered a repair")
	}
	// The article page offers the join in place, for editors only.
	join := fmt.Sprintf(`form="join-%d"`, segs[0].ID)
	if _, page := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/articles/%d", a.ID), w.Ed1, ""); !strings.Contains(page, join) {
		t.Error("the article page offers editors no join")
	}
	if _, page := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/articles/%d", a.ID), nil, ""); strings.Contains(page, join) {
		t.Error("the article page offers a reader a join")
	}
	status, loc, _ := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/merge", segs[0].ID), w.Tr1,
		url.Values{"revision": {"1"}, "next_revision": {"1"}, "back": {"article"}})
	if status != 403 {
		t.Errorf("a translator's merge form: %d", status)
	}
	status, loc, _ = reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/merge", segs[0].ID), w.Ed1,
		url.Values{"revision": {"1"}, "next_revision": {"1"}, "back": {"article"}})
	want := fmt.Sprintf("/articles/%d?merged=%d&from=0#segment-%d", a.ID, segs[0].ID, segs[0].ID)
	if status != 303 || loc != want {
		t.Fatalf("merge form: %d %s, want 303 %s", status, loc, want)
	}
	if _, page := reviewtest.Call(t, base, http.MethodGet, loc, w.Ed1, ""); !strings.Contains(page, `id="repaired"`) ||
		!strings.Contains(page, "</mark>1.8 billion in 2021") || strings.Contains(page, join) {
		t.Errorf("the article page after the merge lacks the notice or the merged text: %s", page)
	}
	// A stale form answers 409 with the reason.
	status, _, body := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/merge", segs[0].ID), w.Ed1, url.Values{"revision": {"1"}, "next_revision": {"1"}})
	if status != 409 || !strings.Contains(body, "changed meanwhile") {
		t.Errorf("stale merge form: %d", status)
	}
	status, loc, _ = reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/split", segs[2].ID), w.Ed1, url.Values{"revision": {"1"}, "offset": {"10"}})
	if status != 303 || loc != fmt.Sprintf("/segments/%d#history", segs[2].ID) {
		t.Errorf("split form: %d %s", status, loc)
	}
	status, _, _ = reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/split", segs[2].ID), w.Ed1, url.Values{"revision": {"2"}, "offset": {"x"}})
	if status != 400 {
		t.Errorf("split form without an offset: %d", status)
	}
}

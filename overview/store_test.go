package overview_test

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"lector/account"
	"lector/apperr"
	"lector/overview"
	"lector/review/reviewtest"
)

// counts turns parts into a map for comparison.
func counts(parts []overview.Part) map[string]int {
	m := map[string]int{}
	for _, p := range parts {
		m[p.Key] = p.Count
	}
	return m
}

func equal(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s[%s] = %d, want %d (all: %v)", what, k, got[k], v, got)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok && v != 0 {
			t.Errorf("%s[%s] = %d, want 0", what, k, v)
		}
	}
}

func kinds(t *testing.T, pic *overview.Picture) map[string]map[string]int {
	t.Helper()
	out := map[string]map[string]int{}
	for _, k := range pic.Flags {
		out[k.Kind] = counts(k.Statuses)
		sum := 0
		for _, s := range k.Statuses {
			sum += s.Count
		}
		if sum != k.Total {
			t.Errorf("kind %s: total %d, statuses add up to %d", k.Kind, k.Total, sum)
		}
	}
	return out
}

func TestTotals(t *testing.T) {
	w := newWorld(t)
	pic, err := overview.Totals(context.Background(), w.db, w.ed1, seen())
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "states", counts(pic.States), map[string]int{"clean": 1, "flagged": 1, "in_progress": 2, "corrected": 3, "rejected": 1, "approved": 3})
	if pic.Segments != 11 {
		t.Errorf("segments = %d, want 11", pic.Segments)
	}
	k := kinds(t, pic)
	equal(t, "name", k["name"], map[string]int{"open": 4, "resolved": 1, "dismissed": 1})
	equal(t, "typography", k["typography"], map[string]int{"open": 2})
	equal(t, "term", k["term"], map[string]int{})
	// c1 waited 2 h, c2 1 h, c3 24 h; c7 was approved before the window.
	// percentile_cont interpolates: p90 = 2 h + 0.8 × 22 h.
	want := overview.ApprovalTimes{Count: 3, Median: 2 * time.Hour, P90: 19*time.Hour + 36*time.Minute}
	if pic.Approval != want {
		t.Errorf("approval = %+v, want %+v", pic.Approval, want)
	}
	if pic.Window != 30 {
		t.Errorf("window = %d days, want 30", pic.Window)
	}
	// The bar is as wide as the chart, each state in proportion.
	bar := pic.StateChart()
	x := 0.0
	for _, r := range bar.Rects {
		if math.Abs(r.X-x) > 1e-9 {
			t.Errorf("%s starts at %v, want %v", r.Key, r.X, x)
		}
		x = r.X + r.W
	}
	if x < 999.5 || x > 1000.5 || len(bar.Rects) != 6 {
		t.Errorf("the bar ends at %v with %d parts, want 1000 and 6", x, len(bar.Rects))
	}
}

func TestArticleRows(t *testing.T) {
	w := newWorld(t)
	rows, err := overview.ArticleRows(context.Background(), w.db, w.ed1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0].ID != w.a3 || rows[1].ID != w.a2 || rows[2].ID != w.a1 {
		t.Fatalf("rows = %+v, want a3, a2, a1", rows)
	}
	equal(t, "a1", counts(rows[2].States), map[string]int{"clean": 1, "flagged": 1, "rejected": 1, "corrected": 1, "approved": 2})
	equal(t, "a2", counts(rows[1].States), map[string]int{"approved": 1, "corrected": 1, "in_progress": 2})
	for i, want := range []struct{ segs, open, approved int }{{1, 1, 0}, {4, 0, 1}, {6, 5, 2}} {
		if r := rows[i]; r.Segments != want.segs || r.OpenFlags != want.open || r.Approved() != want.approved {
			t.Errorf("row %d (%s): %d segments, %d open flags, %d approved; want %+v", i, r.Title, r.Segments, r.OpenFlags, r.Approved(), want)
		}
	}
	older, err := overview.ArticleRows(context.Background(), w.db, w.ed1, w.a2)
	if err != nil {
		t.Fatal(err)
	}
	if len(older) != 1 || older[0].ID != w.a1 {
		t.Errorf("before a2: %+v, want a1 alone", older)
	}
}

func TestArticle(t *testing.T) {
	w := newWorld(t)
	a, err := overview.Article(context.Background(), w.db, w.ed2, w.a1)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "First" || a.SourceLang == nil || *a.SourceLang != "ru" {
		t.Errorf("article = %q from %v", a.Title, a.SourceLang)
	}
	equal(t, "states", counts(a.States), map[string]int{"clean": 1, "flagged": 1, "rejected": 1, "corrected": 1, "approved": 2})
	k := kinds(t, &a.Picture)
	equal(t, "name", k["name"], map[string]int{"open": 3, "dismissed": 1})
	equal(t, "typography", k["typography"], map[string]int{"open": 2})
	// All time: c1 2 h, c2 1 h, c7 48 h; p90 = 2 h + 0.8 × 46 h.
	want := overview.ApprovalTimes{Count: 3, Median: 2 * time.Hour, P90: 38*time.Hour + 48*time.Minute}
	if a.Approval != want {
		t.Errorf("approval = %+v, want %+v", a.Approval, want)
	}
	if got := a.Approval.P90Span(); got != (overview.Span{Unit: "hours", N: 39}) {
		t.Errorf("p90 shown as %+v, want 39 hours", got)
	}
	if got := a.Approval.MedianBar(); len(got.Rects) != 1 || got.Rects[0].W != 51.5 {
		t.Errorf("median bar %+v, want one rectangle 2/38.8 of 1000 wide", got.Rects)
	}
	_, err = overview.Article(context.Background(), w.db, w.ed2, w.a3+100)
	reviewtest.WantCode(t, err, apperr.NotFound)
}

func TestPeople(t *testing.T) {
	w := newWorld(t)
	people, err := overview.People(context.Background(), w.db, w.ed1, seen())
	if err != nil {
		t.Fatal(err)
	}
	// c8 was submitted a second before the first day (8 November) began,
	// c9 at its first instant; c7 long before.
	want := []struct {
		email                         string
		corrected, approved, rejected int
	}{
		{"ed1@example.org", 1, 2, 0},
		{"tr1@example.org", 3, 0, 0},
		{"tr2@example.org", 3, 0, 0},
		{"ed2@example.org", 0, 1, 1},
	}
	if len(people) != len(want) {
		t.Fatalf("%d people, want %d: %+v", len(people), len(want), people)
	}
	for i, wp := range want {
		p := people[i]
		if p.Email != wp.email || p.Corrected != wp.corrected || p.Approved != wp.approved || p.Rejected != wp.rejected {
			t.Errorf("person %d: %s %d/%d/%d, want %+v", i, p.Email, p.Corrected, p.Approved, p.Rejected, wp)
		}
		if len(p.Days) != overview.PeopleDays {
			t.Errorf("%s: %d days, want %d", p.Email, len(p.Days), overview.PeopleDays)
		}
	}
	days := func(p overview.Person) map[string][3]int {
		m := map[string][3]int{}
		for _, d := range p.Active() {
			m[d.Date.Format("2006-01-02")] = [3]int{d.Corrected, d.Approved, d.Rejected}
		}
		return m
	}
	wantDays := map[string]map[string][3]int{
		"ed1@example.org": {"2026-12-07": {1, 1, 0}, "2026-12-05": {0, 1, 0}},
		"tr1@example.org": {"2026-12-07": {1, 0, 0}, "2026-12-06": {1, 0, 0}, "2026-12-05": {1, 0, 0}},
		"tr2@example.org": {"2026-12-07": {1, 0, 0}, "2026-12-01": {1, 0, 0}, "2026-11-08": {1, 0, 0}},
		"ed2@example.org": {"2026-12-06": {0, 0, 1}, "2026-12-02": {0, 1, 0}},
	}
	for _, p := range people {
		got, want := days(p), wantDays[p.Email]
		if len(got) != len(want) {
			t.Errorf("%s: active days %v, want %v", p.Email, got, want)
		}
		for d, v := range want {
			if got[d] != v {
				t.Errorf("%s on %s: %v, want %v", p.Email, d, got[d], v)
			}
		}
	}
	if first := people[0].Days[0].Date; !first.Equal(time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the first day is %v, want 8 November", first)
	}
	if last := people[0].Days[overview.PeopleDays-1].Date; !last.Equal(time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the last day is %v, want today", last)
	}
	// ed1's tallest column is today's two acts: it fills the chart.
	c := people[0].Chart()
	top := c.Height
	for _, r := range c.Rects {
		top = min(top, r.Y)
	}
	if top != 0 || len(c.Rects) != 3 {
		t.Errorf("ed1's chart: top %v with %d rectangles, want 0 and 3", top, len(c.Rects))
	}
}

func TestWrongForms(t *testing.T) {
	w := newWorld(t)
	for _, p := range []*account.Principal{w.ed1, reviewtest.User(t, w.db, "gl@example.org", account.RoleGlossary)} {
		got, err := overview.FindWrongForms(context.Background(), w.db, p)
		if err != nil {
			t.Fatal(err)
		}
		// Kim Jong -in was dismissed: not a wrong form. Typography is no form.
		if len(got.Forms) != 2 {
			t.Fatalf("forms %+v, want Bashara Assad and Ilon Mask", got.Forms)
		}
		b, i := got.Forms[0], got.Forms[1]
		if b.Form != "Bashara Assad" || b.Entry != "Bashar al-Assad" || b.Count != 3 {
			t.Errorf("first form %+v, want Bashara Assad ×3", b)
		}
		if i.Form != "Ilon Mask" || i.Entry != "Elon Musk" || i.Count != 2 {
			t.Errorf("second form %+v, want Ilon Mask ×2", i)
		}
		wantB := []overview.OriginCount{{Origin: overview.Origin{SourceLang: "ru", Lang: "en"}, Count: 2}, {Origin: overview.Origin{Lang: "en"}, Count: 1}}
		wantI := []overview.OriginCount{{Origin: overview.Origin{SourceLang: "ru", Lang: "de"}, Count: 1}, {Origin: overview.Origin{SourceLang: "ru", Lang: "en"}, Count: 1}}
		for _, c := range []struct {
			f    overview.WrongForm
			want []overview.OriginCount
		}{{b, wantB}, {i, wantI}} {
			if len(c.f.Origins) != len(c.want) {
				t.Errorf("%s origins %+v, want %+v", c.f.Form, c.f.Origins, c.want)
				continue
			}
			for j := range c.want {
				if c.f.Origins[j] != c.want[j] {
					t.Errorf("%s origin %d = %+v, want %+v", c.f.Form, j, c.f.Origins[j], c.want[j])
				}
			}
		}
		wantOrigins := []overview.Origin{{SourceLang: "ru", Lang: "en"}, {Lang: "en"}, {SourceLang: "ru", Lang: "de"}}
		if len(got.Origins) != 3 || got.Other {
			t.Fatalf("origins %+v (other %v), want %v", got.Origins, got.Other, wantOrigins)
		}
		for j := range wantOrigins {
			if got.Origins[j] != wantOrigins[j] {
				t.Errorf("origin %d = %+v, want %+v", j, got.Origins[j], wantOrigins[j])
			}
		}
		// Ilon Mask's bar: ru→en 1 (series 0), ru→de 1 (series 2), 2/3 of the width.
		var width float64
		for _, r := range i.Bar.Rects {
			width += r.W
		}
		if len(i.Bar.Rects) != 2 || i.Bar.Rects[0].Class != "fill-series-0" || i.Bar.Rects[1].Class != "fill-series-2" || width < 666 || width > 667 {
			t.Errorf("Ilon Mask's bar %+v, want series 0 and 2 over 666.7", i.Bar.Rects)
		}
	}
}

// A flag of the source-aware checks that says a name is missing holds what
// stands in the name's place (often the whole sentence), and one that says
// a name was added holds a right form: neither is a wrong form. A wrong
// form the source confirmed is one.
func TestWrongFormsLeaveOutSourceChecks(t *testing.T) {
	w := newWorld(t)
	for _, f := range []struct{ check, text string }{
		{"source-name-missing", "The billionaire declined to comment."},
		{"source-name-missing", "the mask"},
		{"name-not-in-source", "Elon Musk"},
		{"glossary-variant", "Ilon Mask"},
	} {
		exec(t, w.db, `INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, entry, confidence, status)
VALUES (?, 'name', ?, 0, 1, ?, 'Elon Musk', 0.9, 'open')`, w.seg["a1s1"], f.check, f.text)
	}
	got, err := overview.FindWrongForms(context.Background(), w.db, w.ed1)
	if err != nil {
		t.Fatal(err)
	}
	var forms []string
	for _, f := range got.Forms {
		forms = append(forms, fmt.Sprintf("%s ×%d", f.Form, f.Count))
	}
	if want := []string{"Bashara Assad ×3", "Ilon Mask ×3"}; !slices.Equal(forms, want) {
		t.Errorf("wrong forms %v, want %v", forms, want)
	}
}

func TestMyLists(t *testing.T) {
	w := newWorld(t)
	bg := context.Background()
	rej, err := overview.Rejected(bg, w.db, w.tr1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rej) != 1 || rej[0].ID != w.corr["c4"] || rej[0].RejectReason != "wrong_name" || rej[0].ReviewComment != "Use the glossary's form" ||
		rej[0].ReviewerEmail != "ed2@example.org" || rej[0].SegmentState != "rejected" || rej[0].ArticleTitle != "First" {
		t.Errorf("tr1's rejected: %+v, want c4 with its reason", rej)
	}
	if rej, err := overview.Rejected(bg, w.db, w.tr1, w.corr["c4"]); err != nil || len(rej) != 0 {
		t.Errorf("before c4: %+v, %v; want none", rej, err)
	}
	if rej, err := overview.Rejected(bg, w.db, w.tr2, 0); err != nil || len(rej) != 0 {
		t.Errorf("tr2's rejected: %+v, %v; want none", rej, err)
	}

	wt, err := overview.WaitingFor(bg, w.db, w.tr1, seen())
	if err != nil {
		t.Fatal(err)
	}
	if len(wt.Held) != 1 || wt.Held[0].ID != w.seg["a2s2"] || wt.Editor || len(wt.Corrections) != 0 {
		t.Errorf("waiting for tr1: %+v, want a2s2 held (a2s3's lease lapsed) and no corrections", wt)
	}
	for _, c := range []struct {
		p    *account.Principal
		want []string
	}{{w.ed1, []string{"c8", "c5"}}, {w.ed2, []string{"c8", "c5", "c6"}}} {
		wt, err := overview.WaitingFor(bg, w.db, c.p, seen())
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, a := range wt.Corrections {
			got = append(got, a.ID)
		}
		if !wt.Editor || wt.CorrectionsIn != len(c.want) || len(got) != len(c.want) || len(wt.Held) != 0 {
			t.Errorf("waiting for %s: %+v, want %v", c.p.Email, wt, c.want)
			continue
		}
		for i, name := range c.want {
			if got[i] != w.corr[name] {
				t.Errorf("waiting for %s: %v, want %v (%v)", c.p.Email, got, c.want, w.corr)
			}
		}
	}
}

// TestWhoMay: each dashboard refuses whoever its route table does not
// list, and the table says the same.
func TestWhoMay(t *testing.T) {
	w := newWorld(t)
	bg := context.Background()
	gl := reviewtest.User(t, w.db, "gl@example.org", account.RoleGlossary)
	calls := map[string]func(*account.Principal) error{
		"/overview": func(p *account.Principal) error { _, err := overview.Totals(bg, w.db, p, seen()); return err },
		"/overview/articles/:id": func(p *account.Principal) error {
			_, err := overview.Article(bg, w.db, p, w.a1)
			return err
		},
		"/overview/people":   func(p *account.Principal) error { _, err := overview.People(bg, w.db, p, seen()); return err },
		"/overview/glossary": func(p *account.Principal) error { _, err := overview.FindWrongForms(bg, w.db, p); return err },
		"/my/rejected":       func(p *account.Principal) error { _, err := overview.Rejected(bg, w.db, p, 0); return err },
		"/my/waiting":        func(p *account.Principal) error { _, err := overview.WaitingFor(bg, w.db, p, seen()); return err },
	}
	routes := overview.PageRoutes()
	if len(routes) != len(calls) {
		t.Fatalf("%d routes, %d checked", len(routes), len(calls))
	}
	for _, r := range routes {
		call := calls[r.Path]
		for _, p := range []*account.Principal{nil, w.tr1, w.ed1, gl} {
			err := call(p)
			if allowed := r.Allows(p); allowed != (err == nil) {
				t.Errorf("%s as %v: route allows %v, domain says %v", r.Path, p, allowed, err)
			}
			if p == nil {
				reviewtest.WantCode(t, err, apperr.Unauthorized)
			} else if err != nil {
				reviewtest.WantCode(t, err, apperr.Forbidden)
			}
		}
	}
}

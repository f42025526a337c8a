package review_test

import (
	"context"
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

// TestCorrectionOfferOnPages: the segment page offers each caller what
// they can do (claim, the box, replacing their own pending correction, or
// nothing), and the conflict page keeps the refused text in a box that can
// be submitted again.
func TestCorrectionOfferOnPages(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	_, segs := w.mixed(t)
	approved := w.approve(t, segs[3])
	// segs[1]: corrected, tr2's correction pending.
	claimed := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, segs[1].ID))
	reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr2, review.Submission{SegmentID: claimed.ID, Text: "Elon Musk spoke about topic one.", Revision: claimed.Revision}, nil))
	// segs[2]: clean, held by tr2.
	reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, segs[2].ID))

	const (
		box     = `id="correction-text"`
		claim   = `id="claim"`
		replace = "Replace my pending correction"
	)
	for _, tt := range []struct {
		name      string
		seg       int64
		as        *account.Principal
		has, lack []string
	}{
		{"clean, translator", segs[0].ID, w.Tr1, []string{claim}, []string{box}},
		{"clean, editor", segs[0].ID, w.Ed1, []string{box}, []string{claim}},
		{"approved, translator", approved.ID, w.Tr1, []string{claim}, []string{box}},
		{"approved, editor", approved.ID, w.Ed1, []string{box}, []string{claim}},
		{"own pending, translator", segs[1].ID, w.Tr2, []string{box, replace}, []string{claim}},
		{"someone else's pending, translator", segs[1].ID, w.Tr1, nil, []string{box, claim, replace}},
		{"held by someone else, translator", segs[2].ID, w.Tr1, nil, []string{box, claim}},
		{"held by someone else, editor", segs[2].ID, w.Ed1, nil, []string{box, claim}},
		{"held, its holder", segs[2].ID, w.Tr2, []string{box, `id="skip"`, `data-draft="`}, []string{claim}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reviewtest.PageShows(t, base, fmt.Sprintf("/segments/%d", tt.seg), tt.as, tt.has, tt.lack)
		})
	}

	t.Run("claim from the page", func(t *testing.T) {
		status, loc, _ := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/claim", segs[0].ID), w.Tr1, nil)
		if status != 303 || loc != fmt.Sprintf("/segments/%d#correct", segs[0].ID) {
			t.Fatalf("%d %s", status, loc)
		}
		status, body := reviewtest.Call(t, base, http.MethodGet, loc, w.Tr1, "")
		if status != 200 || !strings.Contains(body, box) || !strings.Contains(body, `id="skip"`) {
			t.Errorf("after the claim: %d", status)
		}
		reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr1, segs[0].ID))
	})

	t.Run("stale, the segment was approved meanwhile", func(t *testing.T) {
		seg := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[0].ID))
		w.DB.Exec("UPDATE segments SET lease_expires_at = now() - interval '1 second' WHERE id = ?", seg.ID)
		reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Ed1, review.Submission{SegmentID: seg.ID, Text: "Olaf Scholz met them today.", Revision: seg.Revision}, nil))
		var id int64
		w.DB.Raw("SELECT id FROM corrections WHERE segment_id = ? AND status = 'pending'", seg.ID).Scan(&id)
		reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed2, id, false, nil))
		mine := "Olaf Scholz met the press today."
		status, _, body := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/corrections", seg.ID), w.Tr1, url.Values{"text": {mine}, "revision": {fmt.Sprint(seg.Revision)}})
		if status != 409 || !strings.Contains(body, `id="conflict"`) || !strings.Contains(body, `name="claim"`) ||
			!strings.Contains(body, ">"+mine+"</textarea>") || !strings.Contains(body, fmt.Sprintf(`name="revision" value="%d"`, seg.Revision+1)) {
			t.Fatalf("stale: %d %.2000s", status, body)
		}
		status, loc, body := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/corrections", seg.ID), w.Tr1,
			url.Values{"text": {mine}, "revision": {fmt.Sprint(seg.Revision + 1)}, "claim": {"1"}})
		if status != 303 || !strings.Contains(loc, "submitted=1") {
			t.Fatalf("resubmit: %d %s %.500s", status, loc, body)
		}
		var pending []string
		w.DB.Raw("SELECT text FROM corrections WHERE segment_id = ? AND status = 'pending' AND author_id = ?", seg.ID, w.Tr1.UserID).Scan(&pending)
		if len(pending) != 1 || pending[0] != mine {
			t.Errorf("pending %q", pending)
		}
	})

	t.Run("lease ended while typing: the text comes back in the box", func(t *testing.T) {
		_, seg := w.claimedArticle(t, "Lease pages")
		w.DB.Exec("UPDATE segments SET lease_expires_at = now() - interval '1 second' WHERE id = ?", seg.ID)
		mine := "Typed before the laptop slept."
		status, _, body := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/corrections", seg.ID), w.Tr1,
			url.Values{"text": {mine}, "revision": {fmt.Sprint(seg.Revision)}, "comment": {"my note"}})
		if status != 409 || !strings.Contains(body, `id="conflict"`) || !strings.Contains(body, `name="claim"`) ||
			!strings.Contains(body, ">"+mine+"</textarea>") || !strings.Contains(body, `value="my note"`) ||
			!strings.Contains(body, "Your hold on this segment ended") {
			t.Fatalf("lease ended: %d %.3000s", status, body)
		}
		status, loc, body := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/corrections", seg.ID), w.Tr1,
			url.Values{"text": {mine}, "revision": {fmt.Sprint(seg.Revision)}, "claim": {"1"}})
		if status != 303 || !strings.Contains(loc, "submitted=1") {
			t.Fatalf("resubmit: %d %s %.500s", status, loc, body)
		}
	})

	t.Run("stale, someone else's correction waits", func(t *testing.T) {
		status, _, body := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/corrections", segs[1].ID), w.Tr1, url.Values{"text": {"Mine."}, "revision": {"1"}})
		if status != 409 || !strings.Contains(body, `id="conflict-wait"`) || strings.Contains(body, `id="correct"`) || !strings.Contains(body, ">Mine.</textarea>") {
			t.Fatalf("stale: %d %.2000s", status, body)
		}
	})

	t.Run("skip from the page", func(t *testing.T) {
		a := w.Article(t, "Skip pages", 2)
		first := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
		status, loc, _ := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/skip", first.ID), w.Tr1, url.Values{"article": {fmt.Sprint(a.ID)}})
		if status != 303 || !strings.HasPrefix(loc, "/segments/") || loc == fmt.Sprintf("/segments/%d", first.ID) {
			t.Fatalf("skip: %d %s", status, loc)
		}
		only := w.Article(t, "Skip only", 1)
		lone := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: only.ID}))
		status, loc, _ = reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/skip", lone.ID), w.Tr2, url.Values{"article": {fmt.Sprint(only.ID)}})
		if status != 303 || loc != fmt.Sprintf("/segments/%d?only=1", lone.ID) {
			t.Fatalf("skip of the only one: %d %s", status, loc)
		}
		if status, body := reviewtest.Call(t, base, http.MethodGet, loc, w.Tr2, ""); status != 200 || !strings.Contains(body, `id="only-one"`) {
			t.Errorf("the page does not say it was the only one: %d", status)
		}
	})
}

// TestSubmitAndNext: "Submit and next" stores the correction and opens the
// translator's next segment, in the same article first, then anywhere in
// the queue, then the queue page when nothing is left; the next page says
// what was submitted. Only translators may ask for the next segment, and a
// refused request stores nothing.
func TestSubmitAndNext(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	first := w.Article(t, "First", 1)
	second := w.Article(t, "Second", 2)
	a := w.segments(t, first.ID)
	b := w.segments(t, second.ID)
	reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, b[0].ID))

	submitNext := func(t *testing.T, seg *review.Segment, as *account.Principal) (int, string) {
		t.Helper()
		text := strings.Replace(seg.CurrentText, "Ilon Musk", "Elon Musk", 1)
		status, loc, _ := reviewtest.Form(t, base, fmt.Sprintf("/segments/%d/corrections", seg.ID), as,
			url.Values{"text": {text}, "revision": {fmt.Sprint(seg.Revision)}, "next": {"1"}})
		var stored int64
		w.DB.Raw(`SELECT count(*) FROM corrections WHERE segment_id = ? AND author_id = ? AND text = ?`, seg.ID, as.UserID, text).Scan(&stored)
		if (status == http.StatusSeeOther) != (stored == 1) {
			t.Errorf("segment %d: status %d with %d corrections stored", seg.ID, status, stored)
		}
		return status, loc
	}
	holder := func(id int64) int64 {
		var s review.Segment
		if err := w.DB.Take(&s, id).Error; err != nil {
			t.Fatal(err)
		}
		if s.LeaseHolderID == nil || s.State != review.StateInProgress {
			return 0
		}
		return *s.LeaseHolderID
	}

	t.Run("an editor who is no translator", func(t *testing.T) {
		if status, loc := submitNext(t, &a[0], w.Ed1); status != http.StatusForbidden {
			t.Errorf("%d %s, want 403", status, loc)
		}
	})
	steps := []struct {
		name     string
		from     int64
		want     string
		nextHeld int64
	}{
		{"the same article first", b[0].ID, fmt.Sprintf("/segments/%d?done=%d", b[1].ID, b[0].ID), b[1].ID},
		{"then the rest of the queue", b[1].ID, fmt.Sprintf("/segments/%d?done=%d", a[0].ID, b[1].ID), a[0].ID},
		{"then the queue page", a[0].ID, fmt.Sprintf("/queue?empty=1&done=%d", a[0].ID), 0},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			var seg review.Segment
			if err := w.DB.Take(&seg, st.from).Error; err != nil {
				t.Fatal(err)
			}
			status, loc := submitNext(t, &seg, w.Tr1)
			if status != http.StatusSeeOther || loc != st.want {
				t.Fatalf("%d %s, want 303 %s", status, loc, st.want)
			}
			if st.nextHeld != 0 && holder(st.nextHeld) != w.Tr1.UserID {
				t.Errorf("segment %d is not leased to the translator", st.nextHeld)
			}
		})
	}
	t.Run("the page after it", func(t *testing.T) {
		status, body := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/segments/%d?done=%d", b[1].ID, b[0].ID), w.Tr1, "")
		if status != 200 || !strings.Contains(body, `id="done"`) || !strings.Contains(body, fmt.Sprintf(`href="/segments/%d"`, b[0].ID)) {
			t.Errorf("%d: no notice linking back to the submitted segment", status)
		}
		status, _ = reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/segments/%d?done=last", b[1].ID), w.Tr1, "")
		if status != http.StatusBadRequest {
			t.Errorf("done=last: %d, want 400", status)
		}
	})
}

// TestEditorFocusAndKeys: the correction box takes the focus on load only
// where the caller came to correct (they hold the segment, or replace their
// own correction), not for an editor reading segments with j and k, nor on
// the page after a plain submit (its "Next segment" button does); the
// "Submit and next" button and the shortcuts are there for translators.
func TestEditorFocusAndKeys(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Focus", 3)
	segs := w.segments(t, a.ID)
	reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[0].ID))
	own := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, segs[1].ID))
	reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr2, review.Submission{SegmentID: own.ID, Text: "Elon Musk spoke.", Revision: own.Revision}, nil))

	const (
		focus = `data-mt="Ilon Musk spoke about topic number %d today." autofocus>`
		next  = `id="submit-next"`
		keys  = `id="shortcuts"`
	)
	for _, tt := range []struct {
		name      string
		path      string
		as        *account.Principal
		has, lack []string
	}{
		{"held by the caller", fmt.Sprintf("/segments/%d", segs[0].ID), w.Tr1, []string{fmt.Sprintf(focus, 1), next, keys}, nil},
		{"own pending correction", fmt.Sprintf("/segments/%d", segs[1].ID), w.Tr2, []string{fmt.Sprintf(focus, 2), next}, nil},
		{"after a plain submit", fmt.Sprintf("/segments/%d?submitted=1", segs[1].ID), w.Tr2, []string{`data-key="next" autofocus`}, []string{fmt.Sprintf(focus, 2)}},
		{"an editor reading", fmt.Sprintf("/segments/%d", segs[2].ID), w.Ed1, []string{`id="correction-text"`, keys}, []string{"autofocus", next}},
		{"a translator before claiming", fmt.Sprintf("/segments/%d", segs[2].ID), w.Tr1, []string{`id="claim"`, keys}, []string{"autofocus", next}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reviewtest.PageShows(t, base, tt.path, tt.as, tt.has, tt.lack)
		})
	}
}

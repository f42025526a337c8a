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
			status, body := reviewtest.Call(t, base, http.MethodGet, tt.path, tt.as, "")
			if status != 200 {
				t.Fatalf("%d", status)
			}
			for _, s := range tt.has {
				if !strings.Contains(body, s) {
					t.Errorf("lacks %q", s)
				}
			}
			for _, s := range tt.lack {
				if strings.Contains(body, s) {
					t.Errorf("shows %q", s)
				}
			}
		})
	}
}

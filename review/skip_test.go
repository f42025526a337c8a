package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
)

// TestSkip: Skip gives the segment back and claims the next claimable one
// after it in queue order, wrapping around; the skipped one only when it is
// the only one left; a chosen clean segment goes back to clean.
func TestSkip(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Skip", 3) // three flagged segments
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, ""))
	only := w.Article(t, "Only", 1)
	lone := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, only.ID, ""))[0]
	_, mixed := w.mixed(t)
	f := review.QueueFilter{ArticleID: a.ID}

	for _, tt := range []struct {
		name     string
		from     review.Segment
		filter   review.QueueFilter
		want     int64 // 0: nothing claimed
		onlyOne  bool
		skipped  string
		otherHas *review.Segment // held by tr2 meanwhile
	}{
		{name: "the next one", from: segs[0], filter: f, want: segs[1].ID, skipped: review.StateFlagged},
		{name: "past a segment someone holds", from: segs[0], filter: f, want: segs[2].ID, skipped: review.StateFlagged, otherHas: &segs[1]},
		{name: "wraps around", from: segs[2], filter: f, want: segs[0].ID, skipped: review.StateFlagged},
		{name: "the only one left", from: lone, filter: review.QueueFilter{ArticleID: only.ID}, want: lone.ID, onlyOne: true, skipped: review.StateInProgress},
		{name: "a chosen clean segment goes back to clean", from: mixed[0], filter: review.QueueFilter{ArticleID: mixed[0].ArticleID},
			want: mixed[1].ID, skipped: review.StateClean},
		{name: "the last chosen clean segment: nothing left", from: mixed[2], filter: review.QueueFilter{ArticleID: mixed[2].ArticleID, Lang: "de"},
			want: 0, skipped: review.StateClean},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.otherHas != nil {
				reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, tt.otherHas.ID))
				defer func() { reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr2, tt.otherHas.ID)) }()
			}
			reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, tt.from.ID))
			res := reviewtest.Must[*review.SkipResult](t)(review.Skip(ctx, w.DB, w.Tr1, tt.from.ID, tt.filter))
			var got int64
			if res.Segment != nil {
				got = res.Segment.ID
				if res.Segment.State != review.StateInProgress || *res.Segment.LeaseHolderID != w.Tr1.UserID {
					t.Errorf("claimed %+v", res.Segment)
				}
				defer func() { reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr1, got)) }()
			}
			if got != tt.want || res.OnlyOne != tt.onlyOne || res.Skipped != tt.from.ID {
				t.Errorf("skip gave %d (only one %v), want %d (%v)", got, res.OnlyOne, tt.want, tt.onlyOne)
			}
			if s := state(t, w, tt.from.ID); s != tt.skipped {
				t.Errorf("skipped segment is %s, want %s", s, tt.skipped)
			}
		})
	}

	t.Run("refusals", func(t *testing.T) {
		_, err := review.Skip(ctx, w.DB, w.Tr1, segs[0].ID, f)
		reviewtest.WantCode(t, err, apperr.Conflict) // not held
		reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, segs[0].ID))
		_, err = review.Skip(ctx, w.DB, w.Tr1, segs[0].ID, f)
		reviewtest.WantCode(t, err, apperr.Conflict) // held by someone else
		_, err = review.Skip(ctx, w.DB, w.Ed1, segs[0].ID, f)
		reviewtest.WantCode(t, err, apperr.Forbidden)
		reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr2, segs[0].ID))
	})

	t.Run("api", func(t *testing.T) {
		reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[1].ID))
		status, body := reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/skip", segs[1].ID), w.Tr1, fmt.Sprintf(`{"article":%d}`, a.ID))
		var res review.SkipResult
		if status != 200 || json.Unmarshal([]byte(body), &res) != nil || res.Segment == nil || res.Segment.ID != segs[2].ID || res.Skipped != segs[1].ID {
			t.Fatalf("%d %s", status, body)
		}
		status, body = reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/skip", segs[1].ID), w.Tr1, "")
		if status != 409 {
			t.Errorf("skip of a segment no longer held: %d %s", status, body)
		}
	})
}
